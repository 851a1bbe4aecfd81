//! Vietnamese text as kehoach needs it: normalised, folded for matching,
//! numbers and dates read, syllables checked and damaged words repaired,
//! legacy encodings converted.

#![forbid(unsafe_code)]

pub mod fold;
pub mod legacy;
pub mod normalize;
pub mod number;
pub mod repair;
pub mod syllable;
pub mod words;

pub use fold::{fold, fold_char, fold_eq, fold_starts_with};
pub use normalize::{clean_line, nfc};
pub use number::parse_number;
