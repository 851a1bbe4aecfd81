//! Arbitrary bytes imported as a text document: must never panic.
#![no_main]

use kehoach_import::{import_bytes, ImportOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = import_bytes("fuzz.txt", data, &ImportOptions::default());
});
