//! The list of anomalies found while importing one document.

use kehoach_model::{Diagnostic, Severity};

#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn error(&mut self, code: &str, message: impl Into<String>, line: Option<usize>) {
        self.push(Diagnostic::new(Severity::Error, code, message, line));
    }

    pub fn warning(&mut self, code: &str, message: impl Into<String>, line: Option<usize>) {
        self.push(Diagnostic::new(Severity::Warning, code, message, line));
    }

    pub fn info(&mut self, code: &str, message: impl Into<String>, line: Option<usize>) {
        self.push(Diagnostic::new(Severity::Info, code, message, line));
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Diagnostics in line order (those without a line last), stable otherwise.
    pub fn into_vec(mut self) -> Vec<Diagnostic> {
        self.items.sort_by_key(|d| d.line.unwrap_or(usize::MAX));
        self.items
    }
}
