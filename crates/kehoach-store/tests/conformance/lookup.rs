use kehoach_import::ImportOptions;
use kehoach_store::plans::identity::plan_identity;
use kehoach_store::{Actor, Store};

use crate::harness::corpus_file;

pub async fn a_parsed_document_finds_its_stored_plan_by_bytes_or_identity(store: &Store) {
    let path = corpus_file("quang-ninh");
    let (imported, outcome) = store
        .import_file(&path, ImportOptions::default(), &Actor::command_line())
        .await
        .expect("import");
    let by_bytes = store
        .plan_by_sha256(&imported.source.sha256)
        .await
        .expect("lookup")
        .expect("found by bytes");
    assert_eq!(by_bytes.plan_id, outcome.plan_id());
    assert_eq!(by_bytes.version, 1);
    let identity = plan_identity(&imported.plan, &imported.source.file);
    let by_identity = store
        .plan_by_identity(&identity)
        .await
        .expect("lookup")
        .expect("found by identity");
    assert_eq!(by_identity, by_bytes);
    assert!(store
        .plan_by_sha256("0000")
        .await
        .expect("lookup")
        .is_none());
    assert!(store
        .plan_by_identity("no issuer|no title")
        .await
        .expect("lookup")
        .is_none());
}
