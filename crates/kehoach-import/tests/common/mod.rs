//! Shared by the corpus tests: find and import a corpus document.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use kehoach_import::{corpus, import_path, ImportOptions, Imported};

pub fn corpus_dir() -> PathBuf {
    corpus::corpus_dir_from(Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap_or_else(|| {
        panic!("corpus not found: set KEHOACH_CORPUS or put shared/corpus beside the project")
    })
}

pub fn corpus_file(name: &str) -> PathBuf {
    corpus_dir().join(name)
}

pub fn import_corpus(name: &str) -> Imported {
    let path = corpus_file(name);
    import_path(&path, &ImportOptions::default()).unwrap_or_else(|e| panic!("import {name}: {e}"))
}

pub fn import_corpus_with(name: &str, opts: &ImportOptions) -> Imported {
    let path = corpus_file(name);
    import_path(&path, opts).unwrap_or_else(|e| panic!("import {name}: {e}"))
}

pub const BEN_TRE_2018: &str = "ben-tre-2018-sdg-2699-qd-ubnd.txt";
pub const BEN_TRE_2023: &str = "ben-tre-2023-ktxh-370-kh-ubnd.txt";
pub const HAI_PHONG: &str = "hai-phong-2017-sdg-2894-qd-ubnd.txt";
pub const KIEN_GIANG: &str = "kien-giang-2018-sdg-kh-ubnd.txt";
pub const QUANG_NINH: &str = "quang-ninh-2018-sdg-86-kh-ubnd.txt";
