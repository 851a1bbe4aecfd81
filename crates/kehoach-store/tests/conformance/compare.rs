use std::collections::BTreeSet;

use kehoach_import::ImportOptions;
use kehoach_store::{Actor, Store};

use crate::harness::corpus_file;

fn actor() -> Actor {
    Actor::command_line()
}

async fn import(store: &Store, prefixes: &[&str]) {
    for prefix in prefixes {
        store
            .import_file(&corpus_file(prefix), ImportOptions::default(), &actor())
            .await
            .expect("import");
    }
}

fn plans_of(targets: &[kehoach_store::compare::CodedTarget]) -> BTreeSet<i64> {
    targets.iter().map(|t| t.plan_id).collect()
}

pub async fn one_target_code_across_the_plans_that_have_it(store: &Store) {
    import(
        store,
        &["ben-tre-2018", "quang-ninh", "hai-phong", "kien-giang"],
    )
    .await;
    let plans = store.plans(false).await.expect("plans");
    let found = store.targets_by_code("3.1", false).await.expect("by code");
    assert_eq!(plans_of(&found).len(), 4, "{found:?}");
    assert!(found
        .iter()
        .all(|t| t.code == "3.1" || t.code.starts_with("3.1.")));
    // Each row belongs to its plan's latest version.
    for t in &found {
        let plan = plans.iter().find(|p| p.id == t.plan_id).expect("plan");
        assert_eq!(plan.version_id, t.version_id);
        assert_eq!(plan.document_id, t.document_id);
    }
    // Lettered targets count under their national target: 3.5.a for 3.5.
    let lettered = store.targets_by_code("3.5", false).await.expect("by code");
    assert!(lettered.iter().any(|t| t.code == "3.5.a"), "{lettered:?}");
    assert!(store
        .targets_by_code("99.99", false)
        .await
        .expect("by code")
        .is_empty());

    let shared = store.shared_target_codes(false).await.expect("shared");
    assert!(shared.iter().any(|c| c == "3.1"));
    assert!(shared.iter().all(|c| !c.contains(".a")), "{shared:?}");
    let pos = |code: &str| shared.iter().position(|c| c == code);
    assert!(pos("3.9") < pos("3.10") || pos("3.10").is_none());

    // The public sees only published plans.
    let hidden = found[0].plan_id;
    store
        .set_published(hidden, false, &actor())
        .await
        .expect("unpublish");
    let public = store.targets_by_code("3.1", true).await.expect("by code");
    assert_eq!(plans_of(&public).len(), 3);
    assert!(!plans_of(&public).contains(&hidden));
    assert_eq!(
        plans_of(&store.targets_by_code("3.1", false).await.expect("all")).len(),
        4
    );
}

pub async fn public_agency_counts_leave_out_unpublished_plans(store: &Store) {
    import(store, &["ben-tre-2018", "kien-giang"]).await;
    let health = store
        .find_agency("Sở Y tế")
        .await
        .expect("find")
        .expect("Sở Y tế");
    let count = |rows: &[kehoach_store::agencies::AgencyListRow]| {
        rows.iter()
            .find(|a| a.id == health)
            .map(|a| (a.leads, a.coordinates))
            .expect("listed")
    };
    let all = count(&store.agencies().await.expect("agencies"));
    assert_eq!(
        count(&store.agencies_visible(true).await.expect("public")),
        all
    );
    let tasks = store.agency_tasks(health).await.expect("tasks");
    assert!(tasks.iter().all(|t| t.agency_id == health));
    let kien_giang = store
        .plans(false)
        .await
        .expect("plans")
        .into_iter()
        .find(|p| p.file_name.starts_with("kien-giang"))
        .expect("kien giang");
    let led_there = tasks
        .iter()
        .filter(|t| t.plan_id == kien_giang.id && t.role == "lead")
        .count() as i64;
    assert!(led_there > 0);
    store
        .set_published(kien_giang.id, false, &actor())
        .await
        .expect("unpublish");
    let public = count(&store.agencies_visible(true).await.expect("public"));
    assert_eq!(public.0, all.0 - led_there);
    assert_eq!(
        count(&store.agencies_visible(false).await.expect("all")),
        all
    );
}
