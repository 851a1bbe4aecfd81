//! Bến Tre 2023 (370/KH-UBND): agency-prose layout, key indicators and
//! agency blocks, on the real document.

mod common;

#[test]
fn dump() {
    let imported = common::import_corpus(common::BEN_TRE_2023);
    println!(
        "{}",
        serde_json::to_string_pretty(&imported.plan.indicators).unwrap()
    );
    for t in &imported.plan.tasks {
        println!(
            "{} | {:?} | {:?} | {:?} | {}",
            t.line,
            t.lead,
            t.lead_raw,
            t.coordinating_raw,
            t.text.chars().take(50).collect::<String>()
        );
    }
    for d in &imported.plan.diagnostics {
        println!("{:?}", d);
    }
}
