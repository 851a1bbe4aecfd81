use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("unsupported database URL {0:?}: use sqlite://PATH or postgres://USER@HOST/DB")]
    UnsupportedUrl(String),
    #[error("cannot open the database at {url}: {source}")]
    Open {
        url: String,
        #[source]
        source: sqlx::Error,
    },
    #[error("cannot bring the database schema up to date: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error(transparent)]
    Import(#[from] kehoach_import::ImportError),
    #[error("{0} not found")]
    NotFound(String),
    #[error("{0}")]
    Invalid(String),
    #[error("stored data is damaged: {0}")]
    Corrupt(String),
    /// The principal may not do this (see reporting/rights.rs).
    #[error("forbidden: {0}")]
    Forbidden(String),
    /// Someone else saved first: the stored version, to show beside the refused one.
    #[error("changed by someone else since it was read")]
    Conflict {
        current: Box<crate::reporting::Conflicting>,
    },
    /// The report is submitted, accepted or its period closed: no edits.
    #[error("{0}")]
    Locked(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

impl From<serde_json::Error> for StoreError {
    fn from(err: serde_json::Error) -> Self {
        StoreError::Corrupt(err.to_string())
    }
}
