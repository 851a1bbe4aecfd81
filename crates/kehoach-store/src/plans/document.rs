//! Importing a document straight into the store: parse (on a blocking
//! thread: it is pure computation), keep the source lines, store.

use kehoach_import::{import_bytes, read::read_document, ImportOptions, Imported};

use crate::audit::Actor;
use crate::error::{Result, StoreError};
use crate::plans::write::{NewImport, StoreOutcome};
use crate::Store;

/// A parsed document with the text its line numbers refer to, ready to
/// preview or to store.
pub struct Parsed {
    pub imported: Imported,
    pub source_text: String,
}

/// Parses a document in memory; `name` gives its extension and is shown in messages.
pub async fn parse_document(name: String, bytes: Vec<u8>, opts: ImportOptions) -> Result<Parsed> {
    tokio::task::spawn_blocking(move || -> Result<Parsed> {
        let imported = import_bytes(&name, &bytes, &opts)?;
        let source = read_document(&name, &bytes)
            .map_err(|failure| kehoach_import::ImportError::new(&name, failure))?;
        let source_text = source
            .lines
            .iter()
            .map(|l| l.raw())
            .collect::<Vec<_>>()
            .join("\n");
        Ok(Parsed {
            imported,
            source_text,
        })
    })
    .await
    .map_err(|e| StoreError::Invalid(format!("the import stopped: {e}")))?
}

impl Store {
    /// Parses and stores one document file.
    pub async fn import_file(
        &self,
        path: &std::path::Path,
        opts: ImportOptions,
        actor: &Actor,
    ) -> Result<(Imported, StoreOutcome)> {
        let name = path.display().to_string();
        let bytes = kehoach_import::read::read_bounded(path, opts.max_bytes)
            .map_err(|failure| kehoach_import::ImportError::new(&name, failure))?;
        let parsed = parse_document(name, bytes, opts).await?;
        let outcome = self
            .store_import(
                NewImport {
                    imported: &parsed.imported,
                    source_text: &parsed.source_text,
                    version_of: None,
                    agency_mapping: &[],
                },
                actor,
            )
            .await?;
        Ok((parsed.imported, outcome))
    }
}
