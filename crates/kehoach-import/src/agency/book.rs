//! The agencies one document names: resolution of its cells, the raw
//! spellings seen, and a diagnostic for every name the registry lacks.

use std::collections::{BTreeSet, HashMap};

use kehoach_model::{Agency, AgencyKind};

use super::{split_cell, Entry, Registry};
use crate::diagnostics::Diagnostics;

#[derive(Debug)]
pub struct AgencyBook {
    registry: &'static Registry,
    agencies: Vec<(String, AgencyKind, BTreeSet<String>)>,
    index: HashMap<String, usize>,
    reported_unknown: BTreeSet<String>,
    /// Merged cells repeat the same text row after row: each distinct cell
    /// is cut and looked up once.
    resolved_cells: HashMap<String, Vec<(String, Option<&'static Entry>)>>,
}

impl AgencyBook {
    pub fn new(registry: &'static Registry) -> AgencyBook {
        AgencyBook {
            registry,
            agencies: Vec::new(),
            index: HashMap::new(),
            reported_unknown: BTreeSet::new(),
            resolved_cells: HashMap::new(),
        }
    }

    pub fn registry(&self) -> &'static Registry {
        self.registry
    }

    /// The canonical names listed in one agency cell, in order, without
    /// duplicates. Unknown names are kept as printed (kind "other") and
    /// reported once per spelling as `unknown-agency`.
    pub fn resolve(&mut self, cell: &str, line: usize, diags: &mut Diagnostics) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let registry = self.registry;
        let members = self
            .resolved_cells
            .entry(cell.to_string())
            .or_insert_with(|| {
                split_cell(registry, cell)
                    .into_iter()
                    .map(|raw| {
                        let entry = registry.lookup(&raw);
                        (raw, entry)
                    })
                    .collect()
            })
            .clone();
        for (raw, entry) in members {
            let (name, kind) = match entry {
                Some(entry) => (entry.name.to_string(), entry.kind),
                None => {
                    if self.reported_unknown.insert(raw.clone()) {
                        diags.info(
                            "unknown-agency",
                            format!("agency name not in the registry, kept as printed: \"{raw}\""),
                            Some(line),
                        );
                    }
                    (raw.clone(), AgencyKind::Other)
                }
            };
            self.record(&name, kind, &raw);
            if !out.contains(&name) {
                out.push(name);
            }
        }
        out
    }

    fn record(&mut self, name: &str, kind: AgencyKind, raw: &str) {
        let idx = *self.index.entry(name.to_string()).or_insert_with(|| {
            self.agencies
                .push((name.to_string(), kind, BTreeSet::new()));
            self.agencies.len() - 1
        });
        self.agencies[idx].2.insert(raw.to_string());
    }

    /// Every agency seen, in order of first mention.
    pub fn into_agencies(self) -> Vec<Agency> {
        self.agencies
            .into_iter()
            .map(|(name, kind, raw)| Agency {
                name,
                kind,
                raw: raw.into_iter().collect(),
            })
            .collect()
    }
}
