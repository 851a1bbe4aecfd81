//! VNI-Windows (the VNI-Times fonts): a letter is an ASCII base followed by
//! mark bytes taken from the Latin-1 range; đ, ơ, ư and the toned i's (and ỵ)
//! have bytes of their own. Uppercase marks are the lowercase ones minus 0x20.

use crate::syllable::{split_tone, Tone};

const GRAVE: &str = "\u{300}";
const ACUTE: &str = "\u{301}";
const TILDE: &str = "\u{303}";
const HOOK: &str = "\u{309}";
const DOT: &str = "\u{323}";

/// Lowercase-range bytes and the text they stand for (marks as combining
/// characters, composed afterwards by NFC).
const LOWER: [(u8, &str); 26] = [
    (0xF9, ACUTE),
    (0xF8, GRAVE),
    (0xFB, HOOK),
    (0xF5, TILDE),
    (0xEF, DOT),
    (0xE2, "\u{302}"),
    (0xE1, "\u{302}\u{301}"),
    (0xE0, "\u{302}\u{300}"),
    (0xE5, "\u{302}\u{309}"),
    (0xE3, "\u{302}\u{303}"),
    (0xE4, "\u{302}\u{323}"),
    (0xEA, "\u{306}"),
    (0xE9, "\u{306}\u{301}"),
    (0xE8, "\u{306}\u{300}"),
    (0xFA, "\u{306}\u{309}"),
    (0xFC, "\u{306}\u{303}"),
    (0xEB, "\u{306}\u{323}"),
    (0xF4, "ơ"),
    (0xF6, "ư"),
    (0xF1, "đ"),
    (0xEC, "ì"),
    (0xED, "í"),
    (0xE6, "ỉ"),
    (0xF3, "ĩ"),
    (0xF2, "ị"),
    (0xEE, "ỵ"),
];

/// Letters with bytes of their own, uppercase: same bytes minus 0x20.
const UPPER_LETTERS: [(u8, &str); 9] = [
    (0xD4, "Ơ"),
    (0xD6, "Ư"),
    (0xD1, "Đ"),
    (0xCC, "Ì"),
    (0xCD, "Í"),
    (0xC6, "Ỉ"),
    (0xD3, "Ĩ"),
    (0xD2, "Ị"),
    (0xCE, "Ỵ"),
];

/// What a VNI byte stands for: a letter, or marks for the letter before it.
pub fn decode_byte(byte: u8) -> Option<&'static str> {
    if let Some((_, s)) = UPPER_LETTERS.iter().find(|(b, _)| *b == byte) {
        return Some(s);
    }
    let lower = if (0xC0..=0xDF).contains(&byte) {
        byte + 0x20
    } else {
        byte
    };
    LOWER.iter().find(|(b, _)| *b == lower).map(|(_, s)| *s)
}

fn tone_byte(tone: Tone) -> Option<u8> {
    match tone {
        Tone::Level => None,
        Tone::Acute => Some(0xF9),
        Tone::Grave => Some(0xF8),
        Tone::Hook => Some(0xFB),
        Tone::Tilde => Some(0xF5),
        Tone::Dot => Some(0xEF),
    }
}

/// The byte for a circumflex (or breve) together with the tone.
fn shape_byte(breve: bool, tone: Tone) -> u8 {
    match (breve, tone) {
        (false, Tone::Level) => 0xE2,
        (false, Tone::Acute) => 0xE1,
        (false, Tone::Grave) => 0xE0,
        (false, Tone::Hook) => 0xE5,
        (false, Tone::Tilde) => 0xE3,
        (false, Tone::Dot) => 0xE4,
        (true, Tone::Level) => 0xEA,
        (true, Tone::Acute) => 0xE9,
        (true, Tone::Grave) => 0xE8,
        (true, Tone::Hook) => 0xFA,
        (true, Tone::Tilde) => 0xFC,
        (true, Tone::Dot) => 0xEB,
    }
}

fn toned_i_byte(tone: Tone) -> Option<u8> {
    match tone {
        Tone::Level => None,
        Tone::Grave => Some(0xEC),
        Tone::Acute => Some(0xED),
        Tone::Hook => Some(0xE6),
        Tone::Tilde => Some(0xF3),
        Tone::Dot => Some(0xF2),
    }
}

/// One lowercase Vietnamese letter as VNI bytes (lowercase forms).
fn encode_lower(c: char, out: &mut Vec<u8>) -> Option<()> {
    let (base, tone) = split_tone(c)?;
    let (letter, shape) = match base {
        'â' => (b'a', Some(false)),
        'ă' => (b'a', Some(true)),
        'ê' => (b'e', Some(false)),
        'ô' => (b'o', Some(false)),
        'ơ' => (0xF4, None),
        'ư' => (0xF6, None),
        'đ' => (0xF1, None),
        'i' if tone != Tone::Level => (toned_i_byte(tone)?, None),
        'y' if tone == Tone::Dot => (0xEE, None),
        _ if base.is_ascii() => (base as u8, None),
        _ => return None,
    };
    out.push(letter);
    match shape {
        Some(breve) => out.push(shape_byte(breve, tone)),
        None if matches!(base, 'i') || (base == 'y' && tone == Tone::Dot) => {}
        None => out.extend(tone_byte(tone)),
    }
    Some(())
}

/// Text as VNI-Windows bytes; `None` if a character has no VNI spelling.
pub fn encode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 2);
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c as u8);
            continue;
        }
        let upper = c.is_uppercase();
        let lower = if upper { c.to_lowercase().next()? } else { c };
        let start = out.len();
        encode_lower(lower, &mut out)?;
        if upper {
            for byte in out.get_mut(start..)?.iter_mut() {
                *byte = match *byte {
                    b'a'..=b'z' => byte.to_ascii_uppercase(),
                    0xE0..=0xFF => *byte - 0x20,
                    other => other,
                };
            }
        }
    }
    Some(out)
}
