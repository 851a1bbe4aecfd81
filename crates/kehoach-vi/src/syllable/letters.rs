//! Vietnamese letters split into the letter proper and its tone mark:
//! "ấ" is the letter "â" carrying the sắc tone.

use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tone {
    /// ngang: no mark.
    Level,
    /// huyền: grave.
    Grave,
    /// sắc: acute.
    Acute,
    /// hỏi: hook above.
    Hook,
    /// ngã: tilde.
    Tilde,
    /// nặng: dot below.
    Dot,
}

impl Tone {
    /// The tones in the column order of [`TONED_VOWELS`].
    pub const ALL: [Tone; 6] = [
        Tone::Level,
        Tone::Grave,
        Tone::Acute,
        Tone::Hook,
        Tone::Tilde,
        Tone::Dot,
    ];
}

/// Each row: one vowel letter in the six tones (level, grave, acute, hook, tilde, dot).
pub const TONED_VOWELS: [&str; 12] = [
    "aàáảãạ",
    "ăằắẳẵặ",
    "âầấẩẫậ",
    "eèéẻẽẹ",
    "êềếểễệ",
    "iìíỉĩị",
    "oòóỏõọ",
    "ôồốổỗộ",
    "ơờớởỡợ",
    "uùúủũụ",
    "ưừứửữự",
    "yỳýỷỹỵ",
];

/// Every toned lowercase vowel, sorted by char for binary search.
fn toned_table() -> &'static [(char, char, Tone)] {
    static TABLE: OnceLock<Vec<(char, char, Tone)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Vec::with_capacity(72);
        for row in TONED_VOWELS {
            let mut chars = row.chars();
            let Some(base) = chars.next() else { continue };
            table.push((base, base, Tone::Level));
            for (c, tone) in chars.zip(Tone::ALL.iter().skip(1)) {
                table.push((c, base, *tone));
            }
        }
        table.sort_by_key(|entry| entry.0);
        table
    })
}

/// A lowercase letter split into its toneless letter and tone; `None` for
/// anything that is not a letter of the Vietnamese alphabet.
pub fn split_tone(c: char) -> Option<(char, Tone)> {
    match c {
        'a'..='z' if !matches!(c, 'f' | 'j' | 'w' | 'z') => Some((c, Tone::Level)),
        'đ' => Some((c, Tone::Level)),
        _ if c.is_ascii() => None,
        _ => {
            let table = toned_table();
            table
                .binary_search_by_key(&c, |entry| entry.0)
                .ok()
                .and_then(|i| table.get(i))
                .map(|&(_, base, tone)| (base, tone))
        }
    }
}

/// The letter `base` (toneless, lowercase) carrying `tone`.
pub fn with_tone(base: char, tone: Tone) -> Option<char> {
    let column = Tone::ALL.iter().position(|t| *t == tone)?;
    TONED_VOWELS
        .iter()
        .find(|row| row.starts_with(base))
        .and_then(|row| row.chars().nth(column))
}

pub fn is_vowel(base: char) -> bool {
    matches!(
        base,
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
    )
}

/// Vowels whose letter carries a shape mark (circumflex, breve, horn): the
/// tone goes on them when a syllable has one.
pub fn has_shape_mark(base: char) -> bool {
    matches!(base, 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_rebuilds() {
        assert_eq!(split_tone('ấ'), Some(('â', Tone::Acute)));
        assert_eq!(split_tone('ự'), Some(('ư', Tone::Dot)));
        assert_eq!(split_tone('đ'), Some(('đ', Tone::Level)));
        assert_eq!(split_tone('f'), None);
        assert_eq!(split_tone('é'), Some(('e', Tone::Acute)));
        assert_eq!(split_tone('ç'), None);
        assert_eq!(with_tone('ơ', Tone::Hook), Some('ở'));
        assert_eq!(with_tone('b', Tone::Hook), None);
    }
}
