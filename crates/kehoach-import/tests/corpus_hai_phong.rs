//! Hải Phòng 2017 (Decision 2894/QĐ-UBND): twenty appendices, one per lead
//! agency, each a table flattened to one cell per line.

mod common;

use kehoach_import::Imported;

fn imported() -> Imported {
    common::import_corpus(common::HAI_PHONG)
}

#[test]
#[ignore]
fn dump() {
    let imp = imported();
    std::fs::write("/tmp/hp/out.json", serde_json::to_string_pretty(&imp).unwrap()).unwrap();
}
