use crate::agency::AgencyBook;
use crate::diagnostics::Diagnostics;
use crate::SourceText;

/// What every parser step works with: the source, the agencies seen so far
/// and the diagnostics.
pub struct Ctx<'a> {
    pub src: &'a SourceText,
    pub agencies: &'a mut AgencyBook,
    pub diags: &'a mut Diagnostics,
}
