use kehoach_import::ImportOptions;
use kehoach_store::{Actor, SearchHit, Store};

use crate::harness::corpus_file;

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
    for hit in &water {
        assert!(
            kehoach_vi::fold(&hit.text).contains("nuoc sach"),
            "{}",
            hit.text
        );
        assert!(hit.plan_id.is_some() || hit.kind == "agency");
        assert!(hit.html.contains("<mark>"));
    }
    // Whole-phrase matches rank above scattered words.
    assert!(water.windows(2).all(|w| w[0].score >= w[1].score));

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
    let plan = import(store, "kien-giang").await;
    let before = store.search("nuoc sach", false, 500).await.expect("search");
    // The same document again is no new version: nothing doubles.
    import(store, "kien-giang").await;
    let after = store.search("nuoc sach", false, 500).await.expect("search");
    assert_eq!(before, after);
    assert!(after
        .iter()
        .all(|h| h.plan_id == Some(plan) || h.kind == "agency"));
}
