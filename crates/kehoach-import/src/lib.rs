//! Plan import: bytes of a plan document in, a [`Plan`] with diagnostics out.
//!
//! The pipeline, in order (each step in its own module):
//! 1. [`read`]: bytes → [`SourceText`] (encoding, NFC, `.docx`/`.xlsx` rendered to lines);
//! 2. [`repair`]: damaged words repaired where one reading is clearly right;
//! 3. [`layout`]: the layout family detected, and its parser builds the plan body;
//! 4. [`metadata`], [`reporting`], [`phases`]: what the document says about itself;
//! 5. [`agency`]: every agency cell resolved against the registry.

#![forbid(unsafe_code)]

pub mod agency;
mod checks;
pub mod code;
mod context;
pub mod corpus;
pub mod diagnostics;
mod error;
mod head_re;
pub mod indicator_value;
pub mod layout;
pub mod metadata;
pub mod period;
pub mod phases;
pub mod quantity;
pub mod read;
pub mod repair;
pub mod reporting;
mod source;

use std::path::Path;

use serde::Serialize;
use sha2::{Digest, Sha256};

pub use context::Ctx;
pub use error::{ImportError, ReadFailure};
pub use kehoach_model::Plan;
pub use layout::LayoutKind;
pub use source::{Line, SourceText};

/// Refuse anything larger: no plan document is near this, and reading stays bounded.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// Repair damaged words (each repair is a `repaired-text` diagnostic).
    pub repair: bool,
    pub max_bytes: u64,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            repair: true,
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// Where the plan came from, as the contract's `source` object.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SourceInfo {
    pub file: String,
    pub sha256: String,
    pub bytes: u64,
    pub layout: String,
}

/// Per-document counts of invalid Vietnamese syllables, before and after repair.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct RepairStats {
    pub invalid_before: usize,
    pub invalid_after: usize,
    pub repaired: usize,
}

/// The import contract's top-level object.
#[derive(Debug, Clone, Serialize)]
pub struct Imported {
    pub source: SourceInfo,
    #[serde(flatten)]
    pub plan: Plan,
    pub repair: RepairStats,
}

/// Reads and imports one file. The file name in errors and in `source.file` is the path as given.
pub fn import_path(path: &Path, opts: &ImportOptions) -> Result<Imported, ImportError> {
    let name = path.display().to_string();
    let bytes = read::read_bounded(path, opts.max_bytes)
        .map_err(|failure| ImportError::new(&name, failure))?;
    import_bytes(&name, &bytes, opts)
}

/// Imports a document already in memory; `name` is used for its extension and in messages.
pub fn import_bytes(
    name: &str,
    bytes: &[u8],
    opts: &ImportOptions,
) -> Result<Imported, ImportError> {
    if bytes.len() as u64 > opts.max_bytes {
        return Err(ImportError::new(
            name,
            ReadFailure::TooLarge {
                bytes: bytes.len() as u64,
                limit: opts.max_bytes,
            },
        ));
    }
    let mut source =
        read::read_document(name, bytes).map_err(|failure| ImportError::new(name, failure))?;
    let mut diags = diagnostics::Diagnostics::default();
    if let Some(encoding) = source.converted_from {
        diags.info(
            "converted-encoding",
            format!("the text was in the legacy {encoding} encoding and was converted to Unicode"),
            None,
        );
    }
    let repair = repair::repair_source(&mut source, opts.repair, &mut diags);
    let layout = layout::detect(&source);
    let plan = build_plan(&source, layout, diags);
    Ok(Imported {
        source: SourceInfo {
            file: name.to_string(),
            sha256: hex::encode(Sha256::digest(bytes)),
            bytes: bytes.len() as u64,
            layout: layout.name().to_string(),
        },
        plan,
        repair,
    })
}

/// Everything after reading: layout, metadata, reporting rules, agencies.
fn build_plan(
    source: &SourceText,
    layout: LayoutKind,
    mut diags: diagnostics::Diagnostics,
) -> Plan {
    let registry = agency::Registry::builtin();
    let mut agencies = agency::AgencyBook::new(registry);
    let mut ctx = Ctx {
        src: source,
        agencies: &mut agencies,
        diags: &mut diags,
    };
    let body = layout::parse(layout, &mut ctx);
    checks::check_body(&mut ctx, &body);
    let document = metadata::read_metadata(&mut ctx);
    let header = phases::read_plan_header(&mut ctx, &document);
    let reporting = reporting::read_reporting_rules(&mut ctx);
    if body.is_empty() {
        ctx.diags.info(
            "no-plan-body",
            "no goals, targets, tasks or indicators were found: the document is only a header or its layout is not recognised",
            None,
        );
    }
    let agencies = agencies.into_agencies();
    let mut plan = Plan {
        document,
        plan: header,
        goals: body.goals,
        tasks: body.tasks,
        indicators: body.indicators,
        reporting,
        agencies,
        diagnostics: diags.into_vec(),
    };
    agency::localise(&mut plan);
    plan
}
