//! Quantified targets read from Kiên Giang's statements, and DPI's
//! decisions on them: kept, replaced, refused when they name no quantity,
//! and still there after the same document is imported as a new version.

use kehoach_import::quantity::{Comparator, Direction};
use kehoach_import::ImportOptions;
use kehoach_store::plans::quantities::{Decision, QuantityDecision};
use kehoach_store::{Actor, Store, StoreError};

use crate::harness::corpus_file;

pub async fn dpi_confirms_corrects_and_rejects_quantities(store: &Store) {
    let (_, outcome) = store
        .import_file(
            &corpus_file("kien-giang"),
            ImportOptions::default(),
            &Actor::command_line(),
        )
        .await
        .expect("import");
    let plan = outcome.plan_id();
    let all = store.target_quantities(plan).await.expect("quantities");
    // Kiên Giang: 12 quantities in 10 target statements (docs/TARGETS.md).
    assert_eq!(all.len(), 12);
    let targets: std::collections::BTreeSet<&str> =
        all.iter().map(|q| q.target_code.as_str()).collect();
    assert_eq!(targets.len(), 10);
    assert!(all.iter().all(|q| q.review.is_none()));
    let first = all[0].clone();
    let second = all[1].clone();
    let actor = Actor::command_line();

    store
        .review_quantity(
            plan,
            &QuantityDecision {
                target_code: &first.target_code,
                phrase: &first.quantity.phrase,
                decision: Decision::Confirmed,
                value: Some(99.0),
                comparator: None,
                year: None,
                direction: None,
            },
            &actor,
        )
        .await
        .expect("confirm");
    store
        .review_quantity(
            plan,
            &QuantityDecision {
                target_code: &second.target_code,
                phrase: &second.quantity.phrase,
                decision: Decision::Corrected,
                value: Some(1.5),
                comparator: Some(Comparator::AtMost),
                year: Some(2030),
                direction: Some(Direction::Decrease),
            },
            &actor,
        )
        .await
        .expect("correct");
    let unknown = store
        .review_quantity(
            plan,
            &QuantityDecision {
                target_code: &first.target_code,
                phrase: "không có trong văn bản",
                decision: Decision::Rejected,
                value: None,
                comparator: None,
                year: None,
                direction: None,
            },
            &actor,
        )
        .await;
    assert!(matches!(unknown, Err(StoreError::Invalid(_))));
    let no_value = store
        .review_quantity(
            plan,
            &QuantityDecision {
                target_code: &second.target_code,
                phrase: &second.quantity.phrase,
                decision: Decision::Corrected,
                value: None,
                comparator: None,
                year: None,
                direction: None,
            },
            &actor,
        )
        .await;
    assert!(matches!(no_value, Err(StoreError::Invalid(_))));

    let check = |all: &[kehoach_store::plans::quantities::TargetQuantityReview]| {
        let confirmed = all[0].review.as_ref().expect("decided");
        // A confirmation keeps the reading as read: no value of DPI's own.
        assert_eq!(
            (confirmed.decision.as_str(), confirmed.value),
            ("confirmed", None)
        );
        let corrected = all[1].review.as_ref().expect("decided");
        assert_eq!(
            (
                corrected.decision.as_str(),
                corrected.value,
                corrected.comparator.as_deref(),
                corrected.year,
                corrected.direction.as_deref()
            ),
            (
                "corrected",
                Some(1.5),
                Some("at-most"),
                Some(2030),
                Some("decrease")
            )
        );
        assert!(all[2..].iter().all(|q| q.review.is_none()));
    };
    check(&store.target_quantities(plan).await.expect("read"));

    // The same statements in a new version keep their decisions.
    let bytes = std::fs::read(corpus_file("kien-giang")).expect("read");
    let mut changed = bytes.clone();
    changed.extend_from_slice("\nPhụ lục bổ sung.\n".as_bytes());
    let dir = std::env::temp_dir().join(format!(
        "kehoach-quantities-{}",
        kehoach_store::accounts::random_token()
    ));
    std::fs::create_dir_all(&dir).expect("dir");
    let again = dir.join("kien-giang-2018-sdg-kh-ubnd.txt");
    std::fs::write(&again, changed).expect("write");
    let (_, second_import) = store
        .import_file(&again, ImportOptions::default(), &actor)
        .await
        .expect("import again");
    assert_eq!(
        second_import.plan_id(),
        plan,
        "the same plan, a new version"
    );
    check(&store.target_quantities(plan).await.expect("read"));
    let _ = std::fs::remove_dir_all(dir);
}
