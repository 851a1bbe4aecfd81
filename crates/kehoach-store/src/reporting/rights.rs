//! The whole rights table of the reporting chain, as data: who may do what
//! to which resource. The store checks every call against it (one place);
//! the web layer only hides what would be refused anyway.

use serde::Serialize;

use super::Principal;
use crate::accounts::Role;
use crate::error::{Result, StoreError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Resource {
    Period,
    Report,
    Entry,
    Contribution,
    IndicatorValue,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    Read,
    Edit,
    Submit,
    Accept,
    Return,
    Unlock,
    /// Open or close a period (also: send reminders, generate periods).
    OpenPeriod,
}

impl Resource {
    pub const ALL: [Resource; 5] = [
        Resource::Period,
        Resource::Report,
        Resource::Entry,
        Resource::Contribution,
        Resource::IndicatorValue,
    ];
}

impl Action {
    pub const ALL: [Action; 7] = [
        Action::Read,
        Action::Edit,
        Action::Submit,
        Action::Accept,
        Action::Return,
        Action::Unlock,
        Action::OpenPeriod,
    ];
}

/// Whose resource a grant covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Any,
    /// The principal's agency owns it (wrote the report, the contribution, the value).
    OwnAgency,
    /// Owned, or about a task the principal's agency leads (contributions).
    OwnOrLed,
}

use Action as A;
use Resource as R;
use Role::{Admin, Coordinator, Leader, Reporter};
use Scope::{Any, OwnAgency, OwnOrLed};

/// Everything not listed is refused; the public (no role) is refused everything.
pub const RIGHTS: &[(Role, Resource, Action, Scope)] = &[
    // DPI (coordinators) and administrators set up periods and review everything;
    // they do not write agencies' entries for them.
    (Admin, R::Period, A::Read, Any),
    (Admin, R::Period, A::Edit, Any),
    (Admin, R::Period, A::OpenPeriod, Any),
    (Admin, R::Report, A::Read, Any),
    (Admin, R::Report, A::Accept, Any),
    (Admin, R::Report, A::Return, Any),
    (Admin, R::Report, A::Unlock, Any),
    (Admin, R::Entry, A::Read, Any),
    (Admin, R::Contribution, A::Read, Any),
    (Admin, R::IndicatorValue, A::Read, Any),
    (Admin, R::IndicatorValue, A::Edit, Any),
    (Coordinator, R::Period, A::Read, Any),
    (Coordinator, R::Period, A::Edit, Any),
    (Coordinator, R::Period, A::OpenPeriod, Any),
    (Coordinator, R::Report, A::Read, Any),
    (Coordinator, R::Report, A::Accept, Any),
    (Coordinator, R::Report, A::Return, Any),
    (Coordinator, R::Report, A::Unlock, Any),
    (Coordinator, R::Entry, A::Read, Any),
    (Coordinator, R::Contribution, A::Read, Any),
    (Coordinator, R::IndicatorValue, A::Read, Any),
    (Coordinator, R::IndicatorValue, A::Edit, Any),
    // An agency's reporter: its own report, entries, contributions and values;
    // it reads the contributions made to the tasks its agency leads.
    (Reporter, R::Period, A::Read, Any),
    (Reporter, R::Report, A::Read, OwnAgency),
    (Reporter, R::Report, A::Submit, OwnAgency),
    (Reporter, R::Entry, A::Read, OwnAgency),
    (Reporter, R::Entry, A::Edit, OwnAgency),
    (Reporter, R::Contribution, A::Read, OwnOrLed),
    (Reporter, R::Contribution, A::Edit, OwnAgency),
    (Reporter, R::IndicatorValue, A::Read, OwnAgency),
    (Reporter, R::IndicatorValue, A::Edit, OwnAgency),
    // Leaders read everything and change nothing.
    (Leader, R::Period, A::Read, Any),
    (Leader, R::Report, A::Read, Any),
    (Leader, R::Entry, A::Read, Any),
    (Leader, R::Contribution, A::Read, Any),
    (Leader, R::IndicatorValue, A::Read, Any),
];

/// Whom a resource belongs to, for the scoped grants.
#[derive(Debug, Clone, Default)]
pub struct Owner {
    pub agency_id: Option<i64>,
    /// Agencies leading the task the resource is about (contributions).
    pub lead_agencies: Vec<i64>,
}

impl Owner {
    pub fn nobody() -> Owner {
        Owner::default()
    }

    pub fn agency(agency_id: i64) -> Owner {
        Owner {
            agency_id: Some(agency_id),
            lead_agencies: Vec::new(),
        }
    }
}

pub fn allowed(principal: &Principal, resource: Resource, action: Action, owner: &Owner) -> bool {
    let Some(role) = principal.role else {
        return false;
    };
    let own = |agency: Option<i64>| agency.is_some() && agency == principal.agency_id;
    RIGHTS
        .iter()
        .filter(|(r, res, act, _)| *r == role && *res == resource && *act == action)
        .any(|(_, _, _, scope)| match scope {
            Scope::Any => true,
            Scope::OwnAgency => own(owner.agency_id),
            Scope::OwnOrLed => {
                own(owner.agency_id)
                    || principal
                        .agency_id
                        .is_some_and(|a| owner.lead_agencies.contains(&a))
            }
        })
}

/// `allowed`, as the `Forbidden` error the store returns.
pub fn check(
    principal: &Principal,
    resource: Resource,
    action: Action,
    owner: &Owner,
) -> Result<()> {
    if allowed(principal, resource, action, owner) {
        Ok(())
    } else {
        let who = principal.role.map_or("the public", |r| r.as_str());
        Err(StoreError::Forbidden(format!(
            "{who} may not {action:?} this {resource:?}"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reporter(agency: i64) -> Principal {
        Principal {
            user_id: Some(1),
            name: "r".into(),
            role: Some(Role::Reporter),
            agency_id: Some(agency),
        }
    }

    #[test]
    fn scopes_follow_the_owner() {
        let own = Owner::agency(7);
        assert!(allowed(&reporter(7), R::Entry, A::Edit, &own));
        assert!(!allowed(&reporter(8), R::Entry, A::Edit, &own));
        let led = Owner {
            agency_id: Some(9),
            lead_agencies: vec![7],
        };
        assert!(allowed(&reporter(7), R::Contribution, A::Read, &led));
        assert!(!allowed(&reporter(7), R::Contribution, A::Edit, &led));
        assert!(!allowed(
            &Principal::public(),
            R::Period,
            A::Read,
            &Owner::nobody()
        ));
    }
}
