//! Kiên Giang 2018 (markdown tables with HTML, split at page breaks).

mod common;

#[test]
#[ignore]
fn dump() {
    let imp = common::import_corpus(common::KIEN_GIANG);
    let p = &imp.plan;
    for g in &p.goals {
        println!("GOAL {} L{} {}", g.code, g.line, g.title.chars().take(50).collect::<String>());
        for t in &g.targets {
            println!("  T {} L{} {:?} lead={:?} | {}", t.code, t.line, t.class, t.lead, t.text.chars().take(60).collect::<String>());
            for k in &t.tasks {
                println!("    K {:?} L{} lead={:?} inh={:?} coord#{} | {}", k.code, k.line, k.lead, k.inherited, k.coordinating.len(), k.text.chars().take(70).collect::<String>().replace('\n', " / "));
            }
        }
    }
    for k in &p.tasks { println!("FREE L{} {}", k.line, k.text.chars().take(60).collect::<String>()); }
    for i in &p.indicators {
        let v: Vec<String> = i.values.iter().map(|v| format!("{:?}:{}={:?}{:?}", v.year, v.text, v.value, v.comparator)).collect();
        println!("I {:?} t={:?} L{} u={:?} r={:?} {} || {}", i.code, i.target, i.line, i.unit, i.reporter, i.name.chars().take(40).collect::<String>(), v.join(" "));
    }
    for d in &p.diagnostics { println!("D {} {:?} {}", d.code, d.line, d.message); }
}
