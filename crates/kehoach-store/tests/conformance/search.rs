use kehoach_import::ImportOptions;
use kehoach_store::plans::document::parse_document;
use kehoach_store::{Actor, NewImport, SearchHit, Store};

use crate::harness::{corpus_file, read};

async fn import(store: &Store, prefix: &str) -> i64 {
    let (_, outcome) = store
        .import_file(
            &corpus_file(prefix),
            ImportOptions::default(),
            &Actor::command_line(),
        )
        .await
        .expect("import");
    outcome.plan_id()
}

fn marked(hit: &SearchHit) -> Vec<&str> {
    hit.spans
        .iter()
        .filter_map(|s| hit.text.get(s.start..s.end))
        .collect()
}

pub async fn search_ignores_diacritics_and_case_and_ranks(store: &Store) {
    let kien_giang = import(store, "kien-giang").await;
    import(store, "hai-phong").await;

    let hits = store
        .search("ke hoach dau tu", true, 50)
        .await
        .expect("search");
    let agency = hits.iter().find(|h| h.kind == "agency").expect("an agency");
    assert_eq!(agency.text, "Sở Kế hoạch và Đầu tư");
    assert_eq!(agency.plan_id, None);
    assert_eq!(marked(agency), ["Kế hoạch", "Đầu tư"]);
    assert_eq!(
        agency.html,
        "Sở <mark>Kế hoạch</mark> và <mark>Đầu tư</mark>"
    );
    // Upper case and diacritics typed or not: the same results.
    let upper = store
        .search("KẾ HOẠCH ĐẦU TƯ", true, 50)
        .await
        .expect("search");
    assert_eq!(upper, hits);

    let water = store.search("nuoc sach", true, 500).await.expect("search");
    assert!(water.len() >= 5, "{}", water.len());
    assert!(water.iter().any(|h| h.kind == "task" || h.kind == "target"));
    let phrase = |h: &SearchHit| kehoach_vi::fold(&h.text).contains("nuoc sach");
    assert!(water.iter().filter(|h| phrase(h)).count() >= 5);
    for hit in &water {
        let folded = kehoach_vi::fold(&hit.text);
        assert!(
            folded.contains("nuoc") && folded.contains("sach"),
            "{}",
            hit.text
        );
        assert!(hit.plan_id.is_some() || hit.kind == "agency");
        assert!(hit.html.contains("<mark>"));
    }
    // The words together rank above the words apart, then by score.
    let first_apart = water.iter().position(|h| !phrase(h)).unwrap_or(water.len());
    assert!(water[first_apart..].iter().all(|h| !phrase(h)));
    assert!(water.windows(2).all(|w| w[0].score >= w[1].score));
    assert!(marked(&water[0])
        .iter()
        .any(|m| kehoach_vi::fold(m) == "nuoc sach"));

    // "d" finds words starting with đ.
    let d = store.search("d", true, 5000).await.expect("search");
    assert!(d.iter().any(|h| marked(h)
        .iter()
        .any(|m| m.starts_with('đ') || m.starts_with('Đ'))));
    assert_eq!(store.search("d", true, 3).await.expect("search").len(), 3);

    // A code finds its target first, then the tasks under it.
    let code = store.search("3.1", true, 50).await.expect("search");
    assert_eq!(code[0].kind, "target");
    assert_eq!(code[0].label, "3.1");
    assert!(code
        .iter()
        .any(|h| h.kind == "task" && h.label.starts_with("3.1 ")));

    assert!(store.search("", true, 50).await.expect("search").is_empty());
    assert!(store
        .search(" ,.; ", true, 50)
        .await
        .expect("search")
        .is_empty());
    assert!(store
        .search("zzqx khongco", true, 50)
        .await
        .expect("search")
        .is_empty());
    // LIKE wildcards typed by the user match nothing special.
    assert!(store
        .search("%", false, 50)
        .await
        .expect("search")
        .is_empty());

    // An unpublished plan's items are hidden from the public, not from staff.
    store
        .set_published(kien_giang, false, &Actor::command_line())
        .await
        .expect("unpublish");
    let public = store.search("nuoc sach", true, 500).await.expect("search");
    let staff = store.search("nuoc sach", false, 500).await.expect("search");
    assert!(public.iter().all(|h| h.plan_id != Some(kien_giang)));
    assert!(staff.iter().any(|h| h.plan_id == Some(kien_giang)));
    assert_eq!(staff.len(), water.len());
    assert!(public.len() < staff.len());
}

pub async fn search_reads_only_the_latest_version(store: &Store) {
    let path = corpus_file("quang-ninh");
    let (imported, first) = store
        .import_file(&path, ImportOptions::default(), &Actor::command_line())
        .await
        .expect("import");
    let before = store.search("nuoc sach", false, 500).await.expect("search");
    let old_ids: Vec<i64> = before.iter().map(|h| h.id).collect();
    // An amended version: one task reworded with a word no plan uses.
    let text = String::from_utf8(read(&path)).expect("utf-8");
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let task = imported.plan.all_tasks().next().expect("a task");
    lines[task.line - 1].push_str(" Xơbiêngtô");
    let parsed = parse_document(
        "amended.txt".into(),
        lines.join("\n").into_bytes(),
        ImportOptions::default(),
    )
    .await
    .expect("parse");
    let outcome = store
        .store_import(
            NewImport {
                imported: &parsed.imported,
                source_text: &parsed.source_text,
                version_of: None,
                agency_mapping: &[],
            },
            &Actor::command_line(),
        )
        .await
        .expect("store the new version");
    assert_eq!(outcome.plan_id(), first.plan_id());
    assert_ne!(outcome.version_id(), first.version_id());

    let found = store.search("xobiengto", true, 10).await.expect("search");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].kind, "task");
    assert_eq!(marked(&found[0]), ["Xơbiêngtô"]);
    // The same hits as before, now the new version's items: none doubled.
    let after = store.search("nuoc sach", false, 500).await.expect("search");
    assert_eq!(after.len(), before.len());
    let plan_hits = after.iter().filter(|h| h.kind != "agency");
    assert!(plan_hits.clone().count() > 0);
    assert!(plan_hits.clone().all(|h| !old_ids.contains(&h.id)));
}
