//! Legacy 8-bit Vietnamese encodings: TCVN3 (ABC), VNI-Windows and
//! Windows-1258. Which one a file uses is decided by decoding it each way
//! and counting the well-formed Vietnamese syllables that result.

pub mod tcvn3;
pub mod vni;

use encoding_rs::{WINDOWS_1252, WINDOWS_1258};

use crate::normalize::nfc;
use crate::syllable::Verdict;
use crate::words::words;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegacyEncoding {
    Tcvn3,
    Vni,
    Windows1258,
}

impl LegacyEncoding {
    pub const ALL: [LegacyEncoding; 3] = [
        LegacyEncoding::Tcvn3,
        LegacyEncoding::Vni,
        LegacyEncoding::Windows1258,
    ];

    pub fn name(self) -> &'static str {
        match self {
            LegacyEncoding::Tcvn3 => "TCVN3",
            LegacyEncoding::Vni => "VNI-Windows",
            LegacyEncoding::Windows1258 => "Windows-1258",
        }
    }
}

/// Decodes `bytes` as `encoding`, NFC. Bytes the encoding leaves to the
/// font's Latin part read as Windows-1252.
pub fn decode(bytes: &[u8], encoding: LegacyEncoding) -> String {
    match encoding {
        LegacyEncoding::Tcvn3 => nfc(&decode_with(bytes, |b| {
            tcvn3::decode_byte(b).map(Piece::Char)
        })),
        LegacyEncoding::Vni => nfc(&decode_with(bytes, |b| vni::decode_byte(b).map(Piece::Str))),
        // 1258 spells tones as combining marks: NFC composes them.
        LegacyEncoding::Windows1258 => nfc(&WINDOWS_1258.decode_without_bom_handling(bytes).0),
    }
}

enum Piece {
    Char(char),
    Str(&'static str),
}

fn decode_with(bytes: &[u8], special: impl Fn(u8) -> Option<Piece>) -> String {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    for &byte in bytes {
        if byte.is_ascii() {
            out.push(char::from(byte));
            continue;
        }
        match special(byte) {
            Some(Piece::Char(c)) => out.push(c),
            Some(Piece::Str(s)) => out.push_str(s),
            None => out.push_str(&WINDOWS_1252.decode_without_bom_handling(&[byte]).0),
        }
    }
    out
}

/// How Vietnamese a decoded text looks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    /// Valid syllables with at least one non-ASCII letter (ASCII words read
    /// the same in every encoding, so they tell nothing).
    pub valid_marked: usize,
    /// Judged words that are not valid syllables, or that hold characters
    /// outside the Vietnamese alphabet.
    pub invalid: usize,
}

impl Score {
    /// Clearly Vietnamese: a fair number of marked syllables, few bad words.
    pub fn is_vietnamese(&self) -> bool {
        self.valid_marked >= MIN_MARKED && self.invalid * MAX_INVALID_SHARE <= self.valid_marked
    }

    fn rank(&self) -> i64 {
        self.valid_marked as i64 - 2 * self.invalid as i64
    }
}

const MIN_MARKED: usize = 3;
/// At most one bad word per this many marked valid syllables.
const MAX_INVALID_SHARE: usize = 4;

pub fn score(text: &str) -> Score {
    let mut score = Score::default();
    for line in text.lines() {
        for word in words(line) {
            let marked = !word.text.is_ascii();
            match word.verdict() {
                Verdict::Valid if marked => score.valid_marked += 1,
                Verdict::Invalid => score.invalid += 1,
                _ if marked && !word.letters_only => score.invalid += 1,
                _ => {}
            }
        }
    }
    score
}

/// The legacy encoding under which `bytes` read as Vietnamese best, with
/// the decoded text, if that reading is clearly Vietnamese.
pub fn detect(bytes: &[u8]) -> Option<(LegacyEncoding, String)> {
    LegacyEncoding::ALL
        .iter()
        .map(|&encoding| {
            let text = decode(bytes, encoding);
            (encoding, score(&text), text)
        })
        .filter(|(_, score, _)| score.is_vietnamese())
        .max_by_key(|(_, score, _)| score.rank())
        .map(|(encoding, _, text)| (encoding, text))
}

/// UTF-8 text that is really 8-bit legacy text shown in a Latin font (typed
/// in VNI or TCVN3 and pasted): all of it in Windows-1252, little of it
/// Vietnamese. Returns the repaired text when a legacy reading is clearly better.
pub fn fix_mojibake(text: &str) -> Option<(LegacyEncoding, String)> {
    if text.is_ascii() || text.chars().any(|c| c > '\u{FF}' && !is_cp1252_extra(c)) {
        return None;
    }
    let (bytes, _, unmappable) = WINDOWS_1252.encode(text);
    if unmappable {
        return None;
    }
    let as_is = score(text);
    let (encoding, fixed) = detect(&bytes)?;
    (score(&fixed).rank() > as_is.rank()).then_some((encoding, fixed))
}

/// Characters Windows-1252 puts at 0x80..0x9F (quotes, dashes, €…).
fn is_cp1252_extra(c: char) -> bool {
    matches!(
        c,
        '€' | '‚'
            | 'ƒ'
            | '„'
            | '…'
            | '†'
            | '‡'
            | 'ˆ'
            | '‰'
            | 'Š'
            | '‹'
            | 'Œ'
            | 'Ž'
            | '‘'
            | '’'
            | '“'
            | '”'
            | '•'
            | '–'
            | '—'
            | '˜'
            | '™'
            | 'š'
            | '›'
            | 'œ'
            | 'ž'
            | 'Ÿ'
    )
}

#[cfg(test)]
mod tests;
