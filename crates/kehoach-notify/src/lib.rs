//! E-mail for kehoach: the reminders that tell an agency its report is due
//! or late. Sent through the SMTP server the installation names
//! (`KEHOACH_SMTP_URL`, e.g. `smtp://mail.example.gov.vn:587?tls=required`,
//! `smtps://user:pass@host`, or `smtp://127.0.0.1:2525` for a local relay).

#![forbid(unsafe_code)]

pub mod job;
mod reminder;

use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use thiserror::Error;

pub use reminder::{reminder_mail, Reminder, ReminderTiming};

#[derive(Debug, Error)]
pub enum MailError {
    #[error("the SMTP URL {url:?} is not usable: {reason}")]
    Settings { url: String, reason: String },
    #[error("{0:?} is not an e-mail address")]
    Address(String),
    #[error("the message cannot be built: {0}")]
    Build(String),
    #[error("the SMTP server refused or could not be reached: {0}")]
    Send(String),
}

/// One message to send: already in the reader's language(s).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    pub to: Vec<String>,
    pub subject: String,
    pub text: String,
}

/// Where mail goes out, and from whom.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer")
            .field("from", &self.from.to_string())
            .finish()
    }
}

impl Mailer {
    /// `url`: smtp:// (plain or `?tls=required` for STARTTLS) or smtps://
    /// (TLS from the start), with optional `user:password@`. Call it inside
    /// the Tokio runtime that will send: the transport pools connections there.
    pub fn new(url: &str, from: &str) -> Result<Mailer, MailError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| MailError::Settings {
                url: kehoach_store::redact_url(url),
                reason: e.to_string(),
            })?
            .build();
        let from = from
            .parse::<Mailbox>()
            .map_err(|_| MailError::Address(from.to_string()))?;
        Ok(Mailer { transport, from })
    }

    /// From `KEHOACH_SMTP_URL` and `KEHOACH_MAIL_FROM`; None when mail is not configured.
    pub fn from_env() -> Result<Option<Mailer>, MailError> {
        let Ok(url) = std::env::var("KEHOACH_SMTP_URL") else {
            return Ok(None);
        };
        let from = std::env::var("KEHOACH_MAIL_FROM")
            .unwrap_or_else(|_| "kehoach <kehoach@localhost>".into());
        Mailer::new(&url, &from).map(Some)
    }

    pub async fn send(&self, mail: &Mail) -> Result<(), MailError> {
        if mail.to.is_empty() {
            return Ok(());
        }
        let mut builder = Message::builder()
            .from(self.from.clone())
            .subject(mail.subject.as_str());
        for to in &mail.to {
            let mailbox = to
                .parse::<Mailbox>()
                .map_err(|_| MailError::Address(to.clone()))?;
            builder = builder.to(mailbox);
        }
        let message = builder
            .header(ContentType::TEXT_PLAIN)
            .body(mail.text.clone())
            .map_err(|e| MailError::Build(e.to_string()))?;
        self.transport
            .send(message)
            .await
            .map_err(|e| MailError::Send(e.to_string()))?;
        tracing::info!(to = ?mail.to, subject = %mail.subject, "mail sent");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // A transport keeps a connection pool on the Tokio runtime: it is made
    // and dropped inside one, as in the server.
    #[tokio::test]
    async fn settings_errors_are_clear_and_hide_passwords() {
        let err = Mailer::new("ftp://user:secret@host", "a@b.vn")
            .err()
            .map(|e| e.to_string());
        let err = err.unwrap_or_default();
        assert!(
            err.contains("not usable") && !err.contains("secret"),
            "{err}"
        );
        assert!(matches!(
            Mailer::new("smtp://127.0.0.1:2525", "not an address"),
            Err(MailError::Address(_))
        ));
    }
}
