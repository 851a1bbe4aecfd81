//! Accounts, roles and sessions. Passwords are hashed with argon2id; a
//! session cookie holds a random token of which only the hash is stored.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use rand::RngCore;
use serde::{Deserialize, Serialize};
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::audit::{record, Actor, Change};
use crate::clock::now;
use crate::error::{Result, StoreError};
use crate::Store;

/// What a signed-in person may do. The public has no account: it sees what
/// is published, without logging in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Manages accounts and the agency registry, and everything a coordinator does.
    Admin,
    /// The DPI coordinator: imports plans, manages agencies, opens reporting periods.
    Coordinator,
    /// An agency's focal point: reports on what the agency leads or coordinates.
    Reporter,
    /// Reads everything, changes nothing.
    Leader,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Admin, Role::Coordinator, Role::Reporter, Role::Leader];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Coordinator => "coordinator",
            Role::Reporter => "reporter",
            Role::Leader => "leader",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Import plans, edit the agency registry.
    pub fn manages_plans(self) -> bool {
        matches!(self, Role::Admin | Role::Coordinator)
    }

    /// See unpublished plans and internal details (diagnostics, audit).
    pub fn reads_everything(self) -> bool {
        matches!(self, Role::Admin | Role::Coordinator | Role::Leader)
    }

    pub fn manages_accounts(self) -> bool {
        self == Role::Admin
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct User {
    pub id: i64,
    pub login: String,
    pub display_name: String,
    pub role: Role,
    pub agency_id: Option<i64>,
    pub disabled: bool,
    /// Where reminders are e-mailed; None: in the app only.
    pub email: Option<String>,
}

#[derive(sqlx::FromRow)]
struct UserRow {
    id: i64,
    login: String,
    display_name: String,
    role: String,
    agency_id: Option<i64>,
    disabled: i64,
    email: Option<String>,
}

impl TryFrom<UserRow> for User {
    type Error = StoreError;
    fn try_from(row: UserRow) -> Result<User> {
        let role = Role::parse(&row.role).ok_or_else(|| {
            StoreError::Corrupt(format!("user {} has unknown role {:?}", row.id, row.role))
        })?;
        Ok(User {
            id: row.id,
            login: row.login,
            display_name: row.display_name,
            role,
            agency_id: row.agency_id,
            disabled: row.disabled != 0,
            email: row.email,
        })
    }
}

pub struct NewUser<'a> {
    pub login: &'a str,
    pub display_name: &'a str,
    pub role: Role,
    pub agency_id: Option<i64>,
    pub password: &'a str,
}

/// A session as created at login: the token goes into the cookie, the CSRF
/// token into every form of the session.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub token: String,
    pub csrf: String,
    pub expires_at: i64,
}

#[derive(Debug, Clone)]
pub struct Session {
    pub user: User,
    pub csrf: String,
    pub expires_at: i64,
}

/// Sessions last a working day and a half; a reporter who leaves a form open
/// overnight logs in again.
pub const SESSION_SECONDS: i64 = 36 * 3600;
pub const MIN_PASSWORD_CHARS: usize = 10;

const USER_COLUMNS: &str =
    "SELECT id, login, display_name, role, agency_id, disabled, email FROM users";

impl Store {
    pub async fn create_user(&self, new: NewUser<'_>, actor: &Actor) -> Result<i64> {
        let login = new.login.trim();
        validate_login(login)?;
        validate_password(new.password)?;
        if new.role == Role::Reporter && new.agency_id.is_none() {
            return Err(StoreError::Invalid(
                "a reporter account is bound to one agency".into(),
            ));
        }
        if let Some(agency) = new.agency_id {
            self.agency(agency).await?;
        }
        let hash = hash_password(new.password)?;
        let mut tx = self.pool.begin().await?;
        let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM users WHERE login = $1")
            .bind(login)
            .fetch_optional(&mut *tx)
            .await?;
        if exists.is_some() {
            return Err(StoreError::Invalid(format!(
                "the login \"{login}\" is taken"
            )));
        }
        let at = now();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO users (login, display_name, role, agency_id, password_hash, disabled, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, 0, $6, $6) RETURNING id",
        )
        .bind(login)
        .bind(new.display_name.trim())
        .bind(new.role.as_str())
        .bind(new.agency_id)
        .bind(hash)
        .bind(at)
        .fetch_one(&mut *tx)
        .await?;
        record(
            &mut tx,
            actor,
            Change {
                action: "create",
                entity: "user",
                entity_id: Some(id),
                before: None,
                after: Some(
                    json!({ "login": login, "role": new.role, "agency_id": new.agency_id }),
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn user_by_login(&self, login: &str) -> Result<Option<User>> {
        let row: Option<UserRow> = sqlx::query_as(concat_user("WHERE login = $1"))
            .bind(login.trim())
            .fetch_optional(&self.pool)
            .await?;
        row.map(User::try_from).transpose()
    }

    /// The account with this login, or NotFound naming it.
    async fn existing_user(&self, login: &str) -> Result<User> {
        self.user_by_login(login)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("user \"{login}\"")))
    }

    pub async fn users(&self) -> Result<Vec<User>> {
        let rows: Vec<UserRow> = sqlx::query_as(concat_user("ORDER BY login"))
            .fetch_all(&self.pool)
            .await?;
        rows.into_iter().map(User::try_from).collect()
    }

    /// Checks a login and password. `None` for an unknown login, a wrong
    /// password or a disabled account alike: the caller must not tell which.
    pub async fn verify_login(&self, login: &str, password: &str) -> Result<Option<User>> {
        let found: Option<(i64, String)> =
            sqlx::query_as("SELECT id, password_hash FROM users WHERE login = $1")
                .bind(login.trim())
                .fetch_optional(&self.pool)
                .await?;
        let Some((_, hash)) = found else {
            // Spend the same time as a real check, so timing does not reveal
            // which logins exist.
            let _ = verify_password(password, DUMMY_HASH);
            return Ok(None);
        };
        if !verify_password(password, &hash) {
            return Ok(None);
        }
        Ok(self.user_by_login(login).await?.filter(|u| !u.disabled))
    }

    pub async fn set_password(&self, login: &str, password: &str, actor: &Actor) -> Result<()> {
        validate_password(password)?;
        let user = self.existing_user(login).await?;
        let hash = hash_password(password)?;
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3")
            .bind(hash)
            .bind(now())
            .bind(user.id)
            .execute(&mut *tx)
            .await?;
        // A new password ends every open session of the account.
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(user.id)
            .execute(&mut *tx)
            .await?;
        record(
            &mut tx,
            actor,
            Change {
                action: "set-password",
                entity: "user",
                entity_id: Some(user.id),
                before: None,
                after: None,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Sets (or with None, removes) the address reminders are e-mailed to.
    pub async fn set_email(&self, login: &str, email: Option<&str>, actor: &Actor) -> Result<()> {
        let email = email.map(str::trim).filter(|e| !e.is_empty());
        if let Some(address) = email {
            validate_email(address)?;
        }
        let user = self.existing_user(login).await?;
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE users SET email = $1, updated_at = $2 WHERE id = $3")
            .bind(email)
            .bind(now())
            .bind(user.id)
            .execute(&mut *tx)
            .await?;
        record(
            &mut tx,
            actor,
            Change {
                action: "set-email",
                entity: "user",
                entity_id: Some(user.id),
                before: Some(json!({ "email": user.email })),
                after: Some(json!({ "email": email })),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn set_disabled(&self, login: &str, disabled: bool, actor: &Actor) -> Result<()> {
        let user = self.existing_user(login).await?;
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE users SET disabled = $1, updated_at = $2 WHERE id = $3")
            .bind(i64::from(disabled))
            .bind(now())
            .bind(user.id)
            .execute(&mut *tx)
            .await?;
        if disabled {
            sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                .bind(user.id)
                .execute(&mut *tx)
                .await?;
        }
        record(
            &mut tx,
            actor,
            Change {
                action: if disabled { "disable" } else { "enable" },
                entity: "user",
                entity_id: Some(user.id),
                before: Some(json!({ "disabled": user.disabled })),
                after: Some(json!({ "disabled": disabled })),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Starts a session for a user who just proved who they are. A fresh
    /// token every time: a token planted before login is never promoted.
    pub async fn create_session(&self, user: &User) -> Result<NewSession> {
        let token = random_token();
        let csrf = random_token();
        let created = now();
        let expires_at = created + SESSION_SECONDS;
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM sessions WHERE expires_at < $1")
            .bind(created)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, csrf, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash(&token))
        .bind(user.id)
        .bind(csrf.as_str())
        .bind(created)
        .bind(expires_at)
        .execute(&mut *tx)
        .await?;
        record(
            &mut tx,
            &Actor::user(user.id, &user.login),
            Change {
                action: "login",
                entity: "user",
                entity_id: Some(user.id),
                before: None,
                after: None,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(NewSession {
            token,
            csrf,
            expires_at,
        })
    }

    /// The live session of a cookie token, if any (expired and disabled ones are not).
    pub async fn session(&self, token: &str) -> Result<Option<Session>> {
        let found: Option<(i64, String, i64)> = sqlx::query_as(
            "SELECT user_id, csrf, expires_at FROM sessions WHERE token_hash = $1 AND expires_at > $2",
        )
        .bind(token_hash(token))
        .bind(now())
        .fetch_optional(&self.pool)
        .await?;
        let Some((user_id, csrf, expires_at)) = found else {
            return Ok(None);
        };
        let row: Option<UserRow> = sqlx::query_as(concat_user("WHERE id = $1"))
            .bind(user_id)
            .fetch_optional(&self.pool)
            .await?;
        let Some(user) = row.map(User::try_from).transpose()? else {
            return Ok(None);
        };
        if user.disabled {
            return Ok(None);
        }
        Ok(Some(Session {
            user,
            csrf,
            expires_at,
        }))
    }

    pub async fn end_session(&self, token: &str) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash(token))
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

fn concat_user(tail: &'static str) -> sqlx::AssertSqlSafe<String> {
    // Only constant SQL is ever concatenated here.
    sqlx::AssertSqlSafe(format!("{USER_COLUMNS} {tail}"))
}

fn validate_login(login: &str) -> Result<()> {
    let ok = (3..=64).contains(&login.len())
        && login
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '@'));
    if ok {
        Ok(())
    } else {
        Err(StoreError::Invalid(
            "a login is 3 to 64 characters: letters a-z, digits, '.', '_', '-', '@'".into(),
        ))
    }
}

/// A plausible address: one '@' with text on both sides, a dot in the
/// domain, no spaces. The SMTP server is the real judge.
fn validate_email(email: &str) -> Result<()> {
    let ok = match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !email.contains(char::is_whitespace)
        }
        None => false,
    };
    if ok {
        Ok(())
    } else {
        Err(StoreError::Invalid(format!(
            "\"{email}\" is not an e-mail address"
        )))
    }
}

fn validate_password(password: &str) -> Result<()> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(StoreError::Invalid(format!(
            "a password has at least {MIN_PASSWORD_CHARS} characters"
        )));
    }
    Ok(())
}

fn hash_password(password: &str) -> Result<String> {
    let mut salt = [0u8; 16];
    rand::rng().fill_bytes(&mut salt);
    let salt = SaltString::encode_b64(&salt).map_err(|e| StoreError::Invalid(e.to_string()))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| StoreError::Invalid(format!("cannot hash the password: {e}")))
}

fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A valid argon2id hash of a password nobody has, for constant-time refusals.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2vJRmB0H9n6pVJ0vlmDAZ8HbNKiCVZcHQ7BN6ynnxks";

/// 256 random bits, hex.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_differ_by_salt() {
        let a = hash_password("mật khẩu dài đủ").expect("hash");
        let b = hash_password("mật khẩu dài đủ").expect("hash");
        assert_ne!(a, b);
        assert!(a.starts_with("$argon2id$"));
        assert!(verify_password("mật khẩu dài đủ", &a));
        assert!(!verify_password("mật khẩu dài đu", &a));
        assert!(!verify_password("x", "not a hash"));
    }

    #[test]
    fn the_dummy_hash_parses() {
        assert!(PasswordHash::new(DUMMY_HASH).is_ok());
    }

    #[test]
    fn logins_and_passwords_are_checked() {
        assert!(validate_login("dpi.coordinator").is_ok());
        assert!(validate_login("a b").is_err());
        assert!(validate_login("ab").is_err());
        assert!(validate_password("short").is_err());
        assert!(validate_password("đủ mười ký tự").is_ok());
        assert!(validate_email("syt@bentre.gov.vn").is_ok());
        for bad in [
            "syt",
            "@bentre.gov.vn",
            "syt@localhost",
            "s yt@a.vn",
            "a@b@c.vn",
            "a@.vn",
        ] {
            assert!(validate_email(bad).is_err(), "{bad}");
        }
    }
}
