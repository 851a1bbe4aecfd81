use kehoach_import::ImportOptions;
use kehoach_store::{Actor, Store, StoreError};

use crate::harness::corpus_file;

fn actor() -> Actor {
    Actor::command_line()
}

async fn id_of(store: &Store, name: &str) -> i64 {
    store
        .find_agency(name)
        .await
        .expect("find")
        .unwrap_or_else(|| panic!("no agency {name}"))
}

pub async fn successors_answer_for_their_predecessors_from_their_date(store: &Store) {
    store
        .import_file(
            &corpus_file("ben-tre-2018"),
            ImportOptions::default(),
            &actor(),
        )
        .await
        .expect("import");
    let dpi = id_of(store, "Sở Kế hoạch và Đầu tư").await;
    // Found without diacritics too: aliases are compared folded.
    assert_eq!(
        store
            .find_agency("so ke hoach va dau tu")
            .await
            .expect("find"),
        Some(dpi)
    );
    let finance = id_of(store, "Sở Tài chính").await;
    let led_by_dpi = store.agency_tasks(dpi).await.expect("tasks");
    assert!(led_by_dpi.iter().any(|t| t.role == "lead"));
    let finance_before = store.agency_tasks(finance).await.expect("tasks").len();

    store
        .add_succession(
            dpi,
            finance,
            "2025-03-01",
            "Sở Kế hoạch và Đầu tư hợp nhất vào Sở Tài chính",
            &actor(),
        )
        .await
        .expect("succession");
    let directory = store.agency_directory().await.expect("directory");
    assert_eq!(directory.responsible_on(dpi, "2025-02-28"), [dpi]);
    assert_eq!(directory.responsible_on(dpi, "2025-03-01"), [finance]);
    let reference = directory.reference(dpi);
    assert_eq!(reference.name, "Sở Kế hoạch và Đầu tư");
    assert_eq!(reference.today, [(finance, "Sở Tài chính".to_string())]);
    // The successor now answers for everything the predecessor was given.
    let finance_after = store.agency_tasks(finance).await.expect("tasks");
    assert_eq!(finance_after.len(), finance_before + led_by_dpi.len());

    // A district committee split among several communes; one of them later
    // merged further: responsibility follows the chain.
    let district = store
        .create_agency("UBND huyện Ba Tri", &actor())
        .await
        .expect("district");
    let commune_a = store
        .create_agency("UBND xã Ba Tri", &actor())
        .await
        .expect("a");
    let commune_b = store
        .create_agency("UBND xã Tân Xuân", &actor())
        .await
        .expect("b");
    let commune_c = store
        .create_agency("UBND xã Bảo Thạnh", &actor())
        .await
        .expect("c");
    for commune in [commune_a, commune_b] {
        store
            .add_succession(district, commune, "2025-07-01", "", &actor())
            .await
            .expect("succession");
    }
    store
        .add_succession(commune_b, commune_c, "2026-01-01", "", &actor())
        .await
        .expect("succession");
    let directory = store.agency_directory().await.expect("directory");
    assert_eq!(directory.responsible_on(district, "2025-06-30"), [district]);
    assert_eq!(
        directory.responsible_on(district, "2025-07-01"),
        [commune_a, commune_b]
    );
    assert_eq!(
        directory.responsible_on(district, "2026-02-01"),
        [commune_a, commune_c]
    );

    for bad in ["2025-13-01", "1/7/2025", "2025-02-30"] {
        let err = store
            .add_succession(district, commune_a, bad, "", &actor())
            .await;
        assert!(matches!(err, Err(StoreError::Invalid(_))), "{bad}: {err:?}");
    }
    let err = store
        .add_succession(dpi, dpi, "2025-01-01", "", &actor())
        .await;
    assert!(matches!(err, Err(StoreError::Invalid(_))));
    let log = store.audit_log(50).await.expect("audit");
    assert_eq!(
        log.iter().filter(|e| e.action == "add-succession").count(),
        4
    );
}

pub async fn merging_and_aliases_are_checked_and_audited(store: &Store) {
    let health = store
        .create_agency("Sở Y tế", &actor())
        .await
        .expect("create");
    let typo = store
        .create_agency("Sở Ytế", &actor())
        .await
        .expect("create");
    assert_ne!(health, typo, "two spellings, two records until merged");
    store
        .add_alias(health, "SYT", &actor())
        .await
        .expect("alias");
    assert_eq!(store.find_agency("syt").await.expect("find"), Some(health));
    // An alias already used by another agency is refused, not moved.
    let err = store.add_alias(typo, "SYT", &actor()).await;
    assert!(matches!(err, Err(StoreError::Invalid(_))), "{err:?}");
    assert!(matches!(
        store.add_alias(health, "  ", &actor()).await,
        Err(StoreError::Invalid(_))
    ));

    store
        .merge_agencies(typo, health, &actor())
        .await
        .expect("merge");
    assert_eq!(
        store.find_agency("Sở Ytế").await.expect("find"),
        Some(health)
    );
    let directory = store.agency_directory().await.expect("directory");
    assert_eq!(
        directory.reference(typo).today,
        [(health, "Sở Y tế".to_string())]
    );
    assert!(matches!(
        store.merge_agencies(health, typo, &actor()).await,
        Err(StoreError::Invalid(_))
    ));
    assert!(matches!(
        store.merge_agencies(health, health, &actor()).await,
        Err(StoreError::Invalid(_))
    ));
    assert!(matches!(
        store.merge_agencies(health, 999_999, &actor()).await,
        Err(StoreError::NotFound(_))
    ));
    let log = store.audit_log(20).await.expect("audit");
    let merge = log
        .iter()
        .find(|e| e.action == "merge")
        .expect("merge audited");
    assert_eq!(merge.entity_id, Some(typo));
    assert_eq!(
        merge.after.as_deref(),
        Some(format!(r#"{{"merged_into":{health}}}"#).as_str())
    );
}
