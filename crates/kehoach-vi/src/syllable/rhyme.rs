//! Rhymes (vần): the vowel cluster with its final, and where the tone goes.

use std::sync::OnceLock;

use super::letters::{has_shape_mark, is_vowel, Tone};

/// Every rhyme of standard Vietnamese spelling, toneless. "gi" + "êng"
/// ("giêng") is read as the rhyme "iêng" by the caller.
const RHYMES: &str = "
    a ac ach ai am an ang anh ao ap at au ay
    ăc ăm ăn ăng ăp ăt
    âc âm ân âng âp ât âu ây
    e ec em en eng eo ep et
    ê êch êm ên ênh êp êt êu
    i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
    o oc oi om on ong op ot ooc oong
    oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oen oeo oet
    ô ôc ôi ôm ôn ông ôp ôt
    ơ ơi ơm ơn ơp ơt
    u ua uc ui um un ung up ut uôc uôi uôm uôn uông uôt
    uân uâng uât uây uê uêch uênh uơ uy uya uych uyn uynh uyp uyt uyu uyên uyêt uyêch
    ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
    y yêm yên yêng yêt yêu
";

/// Rhyme letters fit five bits each; no rhyme is longer than five letters.
const MAX_RHYME: usize = 5;

fn letter_code(c: char) -> Option<u32> {
    let code = match c {
        'a' => 1,
        'ă' => 2,
        'â' => 3,
        'e' => 4,
        'ê' => 5,
        'i' => 6,
        'o' => 7,
        'ô' => 8,
        'ơ' => 9,
        'u' => 10,
        'ư' => 11,
        'y' => 12,
        'c' => 13,
        'h' => 14,
        'm' => 15,
        'n' => 16,
        'g' => 17,
        'p' => 18,
        't' => 19,
        _ => return None,
    };
    Some(code)
}

fn rhyme_key(letters: impl Iterator<Item = char>) -> Option<u32> {
    let mut key = 0u32;
    for (i, c) in letters.enumerate() {
        if i >= MAX_RHYME {
            return None;
        }
        key = (key << 5) | letter_code(c)?;
    }
    Some(key)
}

fn rhyme_keys() -> &'static [u32] {
    static KEYS: OnceLock<Vec<u32>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let mut keys: Vec<u32> = RHYMES
            .split_whitespace()
            .filter_map(|r| rhyme_key(r.chars()))
            .collect();
        keys.sort_unstable();
        keys
    })
}

fn is_listed(letters: impl Iterator<Item = char>) -> bool {
    rhyme_key(letters).is_some_and(|key| rhyme_keys().binary_search(&key).is_ok())
}

/// Whether `rhyme` (toneless letters after the initial) is a rhyme, with
/// `tone` on the letter at `tone_at` (an index into `rhyme`). After "gi", a
/// rhyme starting with ê is the iê rhyme whose i the initial swallowed.
pub fn is_valid_rhyme(rhyme: &[char], after_gi: bool, tone: Tone, tone_at: Option<usize>) -> bool {
    let gi_ie = after_gi && rhyme.first() == Some(&'ê');
    let listed = if gi_ie {
        is_listed(std::iter::once('i').chain(rhyme.iter().copied()))
    } else {
        is_listed(rhyme.iter().copied())
    };
    if !listed {
        return false;
    }
    let cluster = rhyme.iter().take_while(|c| is_vowel(**c)).count();
    let tail = &rhyme[cluster..];
    let checked_final = matches!(tail, ['p'] | ['t'] | ['c'] | ['c', 'h']);
    if checked_final && !matches!(tone, Tone::Acute | Tone::Dot) {
        return false;
    }
    match tone_at {
        None => tone == Tone::Level,
        Some(at) => tone_position_allowed(&rhyme[..cluster], !tail.is_empty(), at),
    }
}

/// The tone goes on the (last) vowel with a shape mark; failing that on the
/// last vowel before a final; in open rhymes on the first of two vowels (both
/// "hòa" and "hoà" styles for oa, oe, uy) and the middle one of three.
fn tone_position_allowed(cluster: &[char], has_final: bool, at: usize) -> bool {
    if let Some(marked) = cluster.iter().rposition(|c| has_shape_mark(*c)) {
        return at == marked;
    }
    if has_final {
        return at + 1 == cluster.len();
    }
    match cluster {
        [_] => at == 0,
        ['o', 'a'] | ['o', 'e'] | ['u', 'y'] => at <= 1,
        [_, _] => at == 0,
        [_, _, _] => at == 1,
        _ => false,
    }
}
