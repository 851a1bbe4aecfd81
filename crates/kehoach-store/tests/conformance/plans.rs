use kehoach_import::ImportOptions;
use kehoach_store::plans::document::parse_document;
use kehoach_store::{Actor, NewImport, Store, StoreOutcome};

use crate::harness::{corpus, corpus_file, read};

fn actor() -> Actor {
    Actor::command_line()
}

pub async fn corpus_imports_store_what_the_importer_found(store: &Store) {
    let docs = kehoach_import::corpus::corpus_documents(&corpus()).expect("corpus");
    assert_eq!(docs.len(), 5);
    let mut expected = Vec::new();
    for path in &docs {
        let (imported, outcome) = store
            .import_file(path, ImportOptions::default(), &actor())
            .await
            .expect("import");
        assert!(
            matches!(outcome, StoreOutcome::NewPlan { .. }),
            "{outcome:?}"
        );
        let plan = &imported.plan;
        expected.push((
            outcome.plan_id(),
            plan.goals.len() as i64,
            plan.targets().count() as i64,
            plan.all_tasks().count() as i64,
            plan.indicators.len() as i64,
        ));
    }
    let plans = store.plans(false).await.expect("plans");
    let stored: Vec<_> = plans
        .iter()
        .map(|p| (p.id, p.goals, p.targets, p.tasks, p.indicators))
        .collect();
    assert_eq!(stored, expected);
    // The corpus figures of the import issue, now read back from the database.
    let tasks: Vec<i64> = plans.iter().map(|p| p.tasks).collect();
    for expected_tasks in [342, 110, 540, 145, 429] {
        assert!(
            tasks.contains(&expected_tasks),
            "{tasks:?} lacks {expected_tasks}"
        );
    }
    let log = store.audit_log(10).await.expect("audit");
    assert_eq!(log.iter().filter(|e| e.action == "import").count(), 5);
    // Composite indicators keep their components (Bến Tre 2023's key indicators).
    for (path, plan) in docs.iter().zip(&plans) {
        let (imported, _) = store
            .import_file(path, ImportOptions::default(), &actor())
            .await
            .expect("re-import");
        let tree = store.plan_tree(plan.id, None).await.expect("tree");
        let stored: usize = tree.indicators.iter().map(|i| i.components.len()).sum();
        let expected: usize = imported
            .plan
            .indicators
            .iter()
            .map(|i| i.components.len())
            .sum();
        assert_eq!(stored, expected, "{}", path.display());
        let values: usize = tree.indicators.iter().map(|i| i.values.len()).sum();
        let expected: usize = imported
            .plan
            .indicators
            .iter()
            .map(|i| i.values.len())
            .sum();
        assert_eq!(values, expected, "{}", path.display());
    }
}

pub async fn reimporting_the_same_document_changes_nothing(store: &Store) {
    let path = corpus_file("quang-ninh");
    let (_, first) = store
        .import_file(&path, ImportOptions::default(), &actor())
        .await
        .expect("first import");
    let before = store.plans(false).await.expect("plans");
    let (_, again) = store
        .import_file(&path, ImportOptions::default(), &actor())
        .await
        .expect("second import");
    assert_eq!(
        again,
        StoreOutcome::Unchanged {
            plan_id: first.plan_id(),
            version_id: first.version_id()
        }
    );
    let after = store.plans(false).await.expect("plans");
    assert_eq!(after.len(), 1);
    assert_eq!(after[0].version, 1);
    assert_eq!(after[0].tasks, before[0].tasks);
    assert_eq!(
        store
            .versions(first.plan_id())
            .await
            .expect("versions")
            .len(),
        1
    );
}

pub async fn a_new_version_keeps_the_old_one_and_says_what_changed(store: &Store) {
    let path = corpus_file("quang-ninh");
    let (imported, first) = store
        .import_file(&path, ImportOptions::default(), &actor())
        .await
        .expect("import");
    // An amended plan: one task's text reworded, and the lead line of another
    // task's row naming a different agency.
    let text = String::from_utf8(read(&path)).expect("utf-8");
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let tasks: Vec<_> = imported.plan.all_tasks().collect();
    let reworded = tasks[0];
    lines[reworded.line - 1].push_str(" và tổng kết");
    let amended = lines.join("\n");
    let parsed = parse_document(
        "amended.txt".into(),
        amended.into_bytes(),
        ImportOptions::default(),
    )
    .await
    .expect("parse the amended plan");
    let outcome = store
        .store_import(
            NewImport {
                imported: &parsed.imported,
                source_text: &parsed.source_text,
                version_of: None,
                agency_mapping: &[],
            },
            &actor(),
        )
        .await
        .expect("store the amended plan");
    let StoreOutcome::NewVersion {
        plan_id,
        version,
        diff,
        ..
    } = outcome
    else {
        panic!("expected a new version, got {outcome:?}");
    };
    assert_eq!(plan_id, first.plan_id());
    assert_eq!(version, 2);
    let touched: Vec<i64> = diff
        .tasks_changed
        .iter()
        .chain(&diff.tasks_added)
        .map(|c| c.line)
        .collect();
    assert!(touched.contains(&(reworded.line as i64)), "{diff:?}");
    assert!(
        diff.tasks_changed.len() + diff.tasks_added.len() <= 2,
        "{diff:?}"
    );
    assert!(diff.targets_added.is_empty() && diff.targets_removed.is_empty());
    // Both versions stay readable; the plan list shows the latest.
    let versions = store.versions(plan_id).await.expect("versions");
    assert_eq!(
        versions.iter().map(|v| v.version).collect::<Vec<_>>(),
        [1, 2]
    );
    let old = store
        .plan_tree(plan_id, Some(versions[0].id))
        .await
        .expect("old tree");
    let new = store.plan_tree(plan_id, None).await.expect("new tree");
    assert_eq!(new.summary.version, 2);
    assert_eq!(old.summary.tasks, new.summary.tasks);
    let old_text = &old.goals[0].targets[0].tasks[0].text;
    let new_text = &new.goals[0].targets[0].tasks[0].text;
    assert_ne!(old_text, new_text);
    assert!(new_text.ends_with("và tổng kết"));
}

pub async fn plan_tree_follows_the_document(store: &Store) {
    let path = corpus_file("hai-phong");
    let (imported, outcome) = store
        .import_file(&path, ImportOptions::default(), &actor())
        .await
        .expect("import");
    let tree = store
        .plan_tree(outcome.plan_id(), None)
        .await
        .expect("tree");
    assert_eq!(tree.goals.len(), 17);
    assert_eq!(
        tree.goals.iter().map(|g| g.targets.len()).sum::<usize>(),
        142
    );
    assert_eq!(
        tree.goals.iter().map(|g| g.task_count()).sum::<usize>(),
        540
    );
    assert!(tree.diagnostics.len() == imported.plan.diagnostics.len());
    // Every task keeps its lead in order, and its lines point into the stored source.
    let lines = store
        .source_lines(tree.summary.document_id)
        .await
        .expect("source");
    let stored_tasks: Vec<_> = tree
        .goals
        .iter()
        .flat_map(|g| &g.targets)
        .flat_map(|t| &t.tasks)
        .collect();
    let imported_tasks: Vec<_> = imported.plan.all_tasks().collect();
    assert_eq!(stored_tasks.len(), imported_tasks.len());
    for (stored, original) in stored_tasks.iter().zip(&imported_tasks) {
        assert_eq!(stored.text, original.text);
        assert_eq!(stored.line, original.line as i64);
        let names: Vec<&str> = stored.lead.iter().map(|a| a.name.as_str()).collect();
        let mut expected: Vec<&str> = original.lead.iter().map(String::as_str).collect();
        expected.dedup();
        assert_eq!(names, expected, "task at line {}", original.line);
        assert_eq!(stored.period, original.period);
        // The row starts at the task's line; its text may begin a few lines
        // below (after the number cell).
        let first_word = kehoach_vi::fold(original.text.split_whitespace().next().unwrap_or(""));
        let from = stored.line as usize - 1;
        assert!(
            lines[from..(from + 6).min(lines.len())]
                .iter()
                .any(|l| kehoach_vi::fold(l).contains(&first_word)),
            "lines from {} do not hold the task's first word",
            stored.line
        );
    }
}

pub async fn a_mapped_unknown_agency_lands_on_the_chosen_agency(store: &Store) {
    let path = corpus_file("hai-phong");
    let parsed = parse_document(
        path.display().to_string(),
        read(&path),
        ImportOptions::default(),
    )
    .await
    .expect("parse");
    let unknown = parsed
        .imported
        .plan
        .agencies
        .iter()
        .find(|a| a.kind == kehoach_model::AgencyKind::Other)
        .expect("Hải Phòng names at least one agency the registry does not know")
        .name
        .clone();
    let chosen = store
        .create_agency("Sở Tài chính thành phố Hải Phòng", &actor())
        .await
        .expect("create");
    let outcome = store
        .store_import(
            NewImport {
                imported: &parsed.imported,
                source_text: &parsed.source_text,
                version_of: None,
                agency_mapping: &[(unknown.clone(), chosen)],
            },
            &actor(),
        )
        .await
        .expect("store");
    let tree = store
        .plan_tree(outcome.plan_id(), None)
        .await
        .expect("tree");
    let uses = parsed
        .imported
        .plan
        .all_tasks()
        .filter(|t| t.lead.contains(&unknown) || t.coordinating.contains(&unknown))
        .count();
    let mapped = tree
        .goals
        .iter()
        .flat_map(|g| &g.targets)
        .flat_map(|t| &t.tasks)
        .filter(|t| t.lead.iter().chain(&t.coordinating).any(|a| a.id == chosen))
        .count();
    assert!(
        mapped >= uses && uses > 0,
        "{unknown}: {uses} uses, {mapped} mapped"
    );
    assert_eq!(
        store.find_agency(&unknown).await.expect("find"),
        Some(chosen)
    );
}

pub async fn unpublished_plans_are_hidden_from_the_public_list(store: &Store) {
    let (_, outcome) = store
        .import_file(
            &corpus_file("kien-giang"),
            ImportOptions::default(),
            &actor(),
        )
        .await
        .expect("import");
    assert_eq!(store.plans(true).await.expect("public").len(), 1);
    store
        .set_published(outcome.plan_id(), false, &actor())
        .await
        .expect("unpublish");
    assert!(store.plans(true).await.expect("public").is_empty());
    assert_eq!(store.plans(false).await.expect("all").len(), 1);
    let log = store.audit_log(5).await.expect("audit");
    assert_eq!(log[0].action, "unpublish");
    assert_eq!(log[0].before.as_deref(), Some(r#"{"published":true}"#));
    let tree = store
        .plan_tree(outcome.plan_id(), None)
        .await
        .expect("tree");
    assert_eq!(tree.indicators.len(), 120);
    assert!(tree.indicators.iter().any(|i| i.values.len() >= 3));
}
