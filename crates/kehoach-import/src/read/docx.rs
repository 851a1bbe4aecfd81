use crate::{ReadFailure, SourceText};

pub fn read_docx(_bytes: &[u8]) -> Result<SourceText, ReadFailure> {
    Err(ReadFailure::Corrupt {
        format: "docx",
        reason: "the .docx reader is not built yet".into(),
    })
}
