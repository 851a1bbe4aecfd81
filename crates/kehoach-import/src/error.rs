use std::fmt;

/// Why a file could not be read as a document at all (exit status 2).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadFailure {
    #[error("the file is empty")]
    Empty,
    #[error("the file is binary, not a text, .docx or .xlsx document")]
    Binary,
    #[error("the file is {bytes} bytes, over the limit of {limit} bytes")]
    TooLarge { bytes: u64, limit: u64 },
    #[error("unreadable text encoding: {0}")]
    Encoding(String),
    #[error("damaged {format} file: {reason}")]
    Corrupt {
        format: &'static str,
        reason: String,
    },
    #[error("cannot read the file: {0}")]
    Io(String),
}

/// A file that is not a readable document, with the file named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub file: String,
    pub failure: ReadFailure,
}

impl ImportError {
    pub fn new(file: &str, failure: ReadFailure) -> ImportError {
        ImportError {
            file: file.to_string(),
            failure,
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.failure)
    }
}

impl std::error::Error for ImportError {}
