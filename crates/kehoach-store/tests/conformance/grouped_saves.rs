//! Entry saves committed together (group commit): each keeps the outcome
//! it would have alone; the writer task answers concurrent saves; SQLite
//! runs with the durability the benchmark relies on.

use kehoach_store::reporting::entries::EntryFields;
use kehoach_store::reporting::grouped_saves::{EntrySave, EntryWriter};
use kehoach_store::reporting::{Conflicting, EntryStatus};
use kehoach_store::{Backend, Role, Store, StoreError};

use crate::reporting_scene::{filled, principal, scene};

pub async fn saves_committed_together_keep_each_outcome(store: &Store) {
    let s = scene(store).await;
    let ra = principal(store, "rep-a", Role::Reporter, Some(s.a)).await;
    let rb = principal(store, "rep-b", Role::Reporter, Some(s.b)).await;
    let report_a = store
        .report_for(&ra, s.period, s.a)
        .await
        .expect("report a");
    let report_b = store
        .report_for(&rb, s.period, s.b)
        .await
        .expect("report b");
    let (a0, a1, b0) = (
        &report_a.entries[0].row,
        &report_a.entries[1].row,
        &report_b.entries[0].row,
    );
    let save =
        |who: &kehoach_store::Principal, id: i64, version: i64, fields: EntryFields| EntrySave {
            principal: who.clone(),
            id,
            expected_version: version,
            fields,
        };
    let bad_date = EntryFields {
        evidence_date: Some("31/12/2026".into()),
        ..filled(EntryStatus::Done)
    };
    let results = store
        .save_entries_together(vec![
            save(&ra, a0.id, a0.version, filled(EntryStatus::Done)),
            // The same entry at the same version: the first save moved it.
            save(&ra, a0.id, a0.version, filled(EntryStatus::Late)),
            // A's reporter on B's entry.
            save(&ra, b0.id, b0.version, filled(EntryStatus::Late)),
            save(&rb, b0.id, b0.version, filled(EntryStatus::NotDone)),
            save(&ra, a1.id, a1.version, bad_date),
        ])
        .await;
    assert_eq!(results.len(), 5);
    let saved = results[0].as_ref().expect("first save");
    assert_eq!(saved.row.version, a0.version + 1);
    assert_eq!(saved.row.status.as_deref(), Some("done"));
    assert_eq!(
        saved.funds,
        [
            ("state-budget".to_string(), 1500.5),
            ("oda".to_string(), 200.0)
        ]
    );
    // What the batch answered is what is stored.
    assert_eq!(&store.entry(&ra, a0.id).await.expect("read"), saved);
    match &results[1] {
        Err(StoreError::Conflict { current }) => match current.as_ref() {
            Conflicting::Entry(entry) => {
                assert_eq!(entry.row.status.as_deref(), Some("done"));
                assert_eq!(entry.row.version, a0.version + 1);
            }
            other => panic!("conflict on {other:?}"),
        },
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert!(matches!(results[2], Err(StoreError::Forbidden(_))));
    let b_saved = results[3].as_ref().expect("B's own save");
    assert_eq!(b_saved.row.status.as_deref(), Some("not-done"));
    assert!(matches!(results[4], Err(StoreError::Invalid(_))));
    assert_eq!(
        store.entry(&ra, a1.id).await.expect("read").row.version,
        a1.version,
        "the refused save wrote nothing"
    );
    let audited = store
        .audit_log(50)
        .await
        .expect("audit")
        .into_iter()
        .filter(|e| e.action == "save" && e.entity == "report-entry")
        .count();
    assert_eq!(audited, 2, "one audit row per save written");

    // Through the writer task: 12 entries saved at once all land, each once.
    let writer = EntryWriter::new(store.clone());
    let entries: Vec<_> = report_a.entries[2..14]
        .iter()
        .map(|e| e.row.clone())
        .collect();
    let tasks: Vec<_> = entries
        .iter()
        .map(|e| {
            let (writer, one) = (
                writer.clone(),
                save(&ra, e.id, e.version, filled(EntryStatus::InProgress)),
            );
            tokio::spawn(async move { writer.save(one).await })
        })
        .collect();
    let mut outcomes = Vec::new();
    for task in tasks {
        outcomes.push(task.await.expect("task"));
    }
    for (entry, outcome) in entries.iter().zip(&outcomes) {
        let saved = outcome.as_ref().expect("concurrent save");
        assert_eq!(
            (saved.row.id, saved.row.version),
            (entry.id, entry.version + 1)
        );
    }
    // Two saves of one version at once: one wins, one conflicts.
    let e = &report_a.entries[14].row;
    let (one, two) = tokio::join!(
        writer.save(save(&ra, e.id, e.version, filled(EntryStatus::Done))),
        writer.save(save(&ra, e.id, e.version, filled(EntryStatus::Late))),
    );
    let both = [one, two];
    assert_eq!(both.iter().filter(|r| r.is_ok()).count(), 1);
    assert_eq!(
        both.iter()
            .filter(|r| matches!(r, Err(StoreError::Conflict { .. })))
            .count(),
        1
    );
    // Submitted: the writer refuses as `save_entry` does.
    store
        .submit_report(&ra, report_a.row.id)
        .await
        .expect("submit");
    let e = store
        .entry(&ra, report_a.entries[20].row.id)
        .await
        .expect("read");
    assert!(matches!(
        writer
            .save(save(
                &ra,
                e.row.id,
                e.row.version,
                filled(EntryStatus::Done)
            ))
            .await,
        Err(StoreError::Locked(_))
    ));

    match store.backend() {
        Backend::Sqlite => assert_eq!(
            store.sqlite_durability().await.expect("pragmas"),
            Some(("wal".to_string(), 2)),
            "WAL journal, synchronous = FULL"
        ),
        Backend::Postgres => assert_eq!(store.sqlite_durability().await.expect("none"), None),
    }
}
