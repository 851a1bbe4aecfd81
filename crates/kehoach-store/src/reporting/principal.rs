//! Who is acting on the reporting chain: a signed-in user or the public.

use crate::accounts::{Role, User};
use crate::audit::Actor;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    pub user_id: Option<i64>,
    pub name: String,
    /// None for the public (no session): it is refused everything here.
    pub role: Option<Role>,
    pub agency_id: Option<i64>,
}

impl Principal {
    pub fn public() -> Principal {
        Principal {
            user_id: None,
            name: "public".into(),
            role: None,
            agency_id: None,
        }
    }

    /// The server itself (the reminder scheduler, the command line): acts
    /// with a coordinator's rights, audited under `name`.
    pub fn system(name: &str) -> Principal {
        Principal {
            user_id: None,
            name: name.to_string(),
            role: Some(Role::Coordinator),
            agency_id: None,
        }
    }

    pub fn actor(&self) -> Actor {
        Actor {
            user_id: self.user_id,
            name: self.name.clone(),
        }
    }
}

impl From<&User> for Principal {
    fn from(user: &User) -> Principal {
        Principal {
            user_id: Some(user.id),
            name: user.login.clone(),
            // A disabled account acts as nobody.
            role: (!user.disabled).then_some(user.role),
            agency_id: user.agency_id,
        }
    }
}
