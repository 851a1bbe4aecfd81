//! Every agency the corpus names as a lead resolves to a canonical name of
//! the registry; the list of them, with every raw spelling seen, is a
//! reviewed snapshot (names only, no document text).

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::*;
use kehoach_model::AgencyKind;

#[test]
fn every_lead_in_the_corpus_is_known() {
    let mut listing = String::new();
    for name in [
        BEN_TRE_2018,
        BEN_TRE_2023,
        HAI_PHONG,
        KIEN_GIANG,
        QUANG_NINH,
    ] {
        let imp = import_corpus(name);
        let plan = &imp.plan;
        let mut leads: BTreeSet<&str> = BTreeSet::new();
        for target in plan.targets() {
            leads.extend(target.lead.iter().map(String::as_str));
        }
        for task in plan.all_tasks() {
            leads.extend(task.lead.iter().map(String::as_str));
        }
        let by_name: BTreeMap<&str, _> =
            plan.agencies.iter().map(|a| (a.name.as_str(), a)).collect();
        listing.push_str(&format!("{name}\n"));
        for lead in &leads {
            let agency = by_name
                .get(lead)
                .unwrap_or_else(|| panic!("{name}: lead {lead:?} missing from the agency list"));
            assert_ne!(
                agency.kind,
                AgencyKind::Other,
                "{name}: lead {lead:?} is not in the registry (spellings {:?})",
                agency.raw
            );
            listing.push_str(&format!("  {lead} <- {:?}\n", agency.raw));
        }
    }
    insta::assert_snapshot!(listing);
}
