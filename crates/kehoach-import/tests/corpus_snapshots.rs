//! The imported structure of every corpus document, as reviewed snapshots.
//! Texts appear only as line numbers and short hashes (see common::structure).
//! A change to a parser shows up here line by line; review it against the
//! source before accepting it (`cargo insta review`).

mod common;

use common::*;

fn snapshot(name: &str) {
    let imp = import_corpus(name);
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_suffix(name.trim_end_matches(".txt"));
    settings.bind(|| insta::assert_snapshot!(structure(&imp)));
}

#[test]
fn ben_tre_2018() {
    snapshot(BEN_TRE_2018);
}

#[test]
fn ben_tre_2023() {
    snapshot(BEN_TRE_2023);
}

#[test]
fn hai_phong() {
    snapshot(HAI_PHONG);
}

#[test]
fn kien_giang() {
    snapshot(KIEN_GIANG);
}

#[test]
fn quang_ninh() {
    snapshot(QUANG_NINH);
}
