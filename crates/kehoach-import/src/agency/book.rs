//! The agencies one document names: resolution of its cells, the raw
//! spellings seen, and a diagnostic for every name the registry lacks.

use std::collections::BTreeSet;
use std::rc::Rc;

use kehoach_model::{Agency, AgencyKind};
use rustc_hash::FxHashMap;

use super::{split_cell, Entry, Registry};
use crate::diagnostics::Diagnostics;

/// The names one cell lists, as printed, with the registry entry of each.
type Members = Rc<[(String, Option<&'static Entry>)]>;

#[derive(Debug)]
pub struct AgencyBook {
    registry: &'static Registry,
    agencies: Vec<(String, AgencyKind, BTreeSet<String>)>,
    /// Fx rather than SipHash: cells are long and looked up on every row
    /// (only lookups, never iterated, so the order of the maps is no matter).
    index: FxHashMap<String, usize>,
    reported_unknown: BTreeSet<String>,
    /// Merged cells repeat the same text row after row: each distinct cell
    /// is cut and looked up once (shared, so that a repeat costs no copy).
    resolved_cells: FxHashMap<String, Members>,
}

impl AgencyBook {
    pub fn new(registry: &'static Registry) -> AgencyBook {
        AgencyBook {
            registry,
            agencies: Vec::new(),
            index: FxHashMap::default(),
            reported_unknown: BTreeSet::new(),
            resolved_cells: FxHashMap::default(),
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
        let members = match self.resolved_cells.get(cell) {
            Some(known) => Rc::clone(known),
            None => {
                let members: Members = split_cell(registry, cell)
                    .into_iter()
                    .map(|raw| {
                        let entry = registry.lookup(&raw);
                        (raw, entry)
                    })
                    .collect();
                self.resolved_cells
                    .insert(cell.to_string(), Rc::clone(&members));
                members
            }
        };
        for (raw, entry) in members.iter() {
            let entry = *entry;
            let (name, kind) = match entry {
                Some(entry) => (entry.name.to_string(), entry.kind),
                None => {
                    if !self.reported_unknown.contains(raw) {
                        self.reported_unknown.insert(raw.clone());
                        diags.info(
                            "unknown-agency",
                            format!("agency name not in the registry, kept as printed: \"{raw}\""),
                            Some(line),
                        );
                    }
                    (raw.clone(), AgencyKind::Other)
                }
            };
            self.record(&name, kind, raw);
            if !out.contains(&name) {
                out.push(name);
            }
        }
        out
    }

    fn record(&mut self, name: &str, kind: AgencyKind, raw: &str) {
        // Names repeat on every row: strings are allocated only when new.
        let idx = match self.index.get(name) {
            Some(&idx) => idx,
            None => {
                self.agencies
                    .push((name.to_string(), kind, BTreeSet::new()));
                self.index.insert(name.to_string(), self.agencies.len() - 1);
                self.agencies.len() - 1
            }
        };
        let spellings = &mut self.agencies[idx].2;
        if !spellings.contains(raw) {
            spellings.insert(raw.to_string());
        }
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
