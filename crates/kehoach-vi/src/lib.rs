//! Vietnamese text as kehoach needs it: normalised, folded for matching,
//! numbers and dates read, syllables checked and damaged words repaired,
//! legacy encodings converted; sorted, formatted and searched as the app
//! shows them.

#![forbid(unsafe_code)]

pub mod collate;
pub mod fold;
pub mod format;
pub mod legacy;
pub mod normalize;
pub mod number;
pub mod repair;
pub mod search;
pub mod syllable;
pub mod words;

pub use collate::{sort_vietnamese, vietnamese, VietnameseOrder};
pub use fold::{fold, fold_char, fold_eq, fold_starts_with};
pub use format::{format_date, format_integer, format_number, Lang};
pub use normalize::{clean_line, nfc};
pub use number::parse_number;
pub use search::{highlight, highlight_html, FoldedText, Match, Query, Tier};
