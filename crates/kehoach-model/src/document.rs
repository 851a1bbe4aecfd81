use serde::{Deserialize, Serialize};

/// The legal document a plan comes from, as its header and signature print it.
/// Every field may be missing from a damaged or partial document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// "2699/QĐ-UBND", as printed with spacing normalised.
    pub number: Option<String>,
    /// "Quyết định", "Kế hoạch", "Nghị quyết"…
    pub kind: Option<String>,
    /// ISO date, "2018-12-14".
    pub issued_on: Option<String>,
    pub issuer: Option<String>,
    pub place: Option<String>,
    pub signer: Option<String>,
    pub title: Option<String>,
    /// Numbers of the documents cited as basis or implemented, in order of appearance.
    pub legal_bases: Vec<String>,
}
