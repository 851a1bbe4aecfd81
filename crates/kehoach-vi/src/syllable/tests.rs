use rstest::rstest;

use super::*;

#[rstest]
#[case("tỉnh")]
#[case("Tỉnh")]
#[case("người")]
#[case("nghiêng")]
#[case("khuyếch")]
#[case("quốc")]
#[case("quý")]
#[case("quyết")]
#[case("giữa")]
#[case("gì")]
#[case("giêng")]
#[case("hòa")]
#[case("hoà")]
#[case("thủy")]
#[case("thuỷ")]
#[case("khỏe")]
#[case("khoẻ")]
#[case("khuya")]
#[case("được")]
#[case("rượu")]
#[case("yên")]
#[case("uyên")]
#[case("kế")]
#[case("ghi")]
#[case("nghề")]
#[case("ngành")]
#[case("thuở")]
#[case("đảm")]
#[case("sản")]
#[case("chất")]
#[case("học")]
#[case("xoong")]
#[case("Ủy")]
fn valid_syllables(#[case] word: &str) {
    assert!(is_valid_syllable(word), "{word} should be valid");
}

#[rstest]
#[case::dropped_vowel("tnh")]
#[case::dropped_vowel_2("sn")]
#[case::dropped_vowel_3("đm")]
#[case::no_vowel("chng")]
#[case::two_tones("tíǹh")]
#[case::checked_final_grave("tàt")]
#[case::checked_final_hook("hỏc")]
#[case::k_before_a("ka")]
#[case::c_before_e("ce")]
#[case::gh_before_a("gha")]
#[case::ng_before_i("ngi")]
#[case::g_before_e("ge")]
#[case::tone_on_qu("qúa")]
#[case::tone_on_gi("gía")]
#[case::tone_on_wrong_vowel("ngứơi")]
#[case::tone_off_nucleus("muà")]
#[case::ye_after_consonant("tyên")]
#[case::bad_rhyme("tơng")]
#[case::too_long("nghiêngg")]
#[case::ie_open("tiê")]
#[case::foreign_letter("ç")]
fn invalid_syllables(#[case] word: &str) {
    assert!(!is_valid_syllable(word), "{word} should be invalid");
}

#[rstest]
#[case("tỉnh", Verdict::Valid)]
#[case("Mục", Verdict::Valid)]
#[case("tnh", Verdict::Invalid)]
#[case("Mc", Verdict::Invalid)]
#[case("UBND", Verdict::NotChecked)]
#[case("GRDP", Verdict::NotChecked)]
#[case("ĐT", Verdict::NotChecked)]
#[case("b", Verdict::NotChecked)]
#[case("internet", Verdict::NotChecked)]
#[case("Website", Verdict::NotChecked)]
#[case("fax", Verdict::NotChecked)]
#[case("iii", Verdict::NotChecked)]
#[case("Mekong", Verdict::NotChecked)]
#[case("Kien", Verdict::Invalid)]
#[case("iPhone", Verdict::NotChecked)]
#[case("", Verdict::NotChecked)]
fn classifies_words(#[case] word: &str, #[case] expected: Verdict) {
    assert_eq!(classify(word), expected);
}

#[test]
fn foreign_words_match_in_any_case() {
    assert!(is_foreign_word("Mekong"));
    assert!(is_foreign_word("MÊKÔNG"));
    assert!(is_foreign_word("internet"));
    assert!(!is_foreign_word("mekon"));
    assert!(!is_foreign_word("internets"));
    assert!(!is_foreign_word(""));
}

#[test]
fn foreign_words_fit_the_lowercase_buffer() {
    assert!(FOREIGN_WORDS.iter().all(|w| w.len() < 24));
    assert!(!is_foreign_word(&"A".repeat(40)));
}

#[test]
fn only_the_kelvin_sign_lowercases_to_ascii() {
    for c in ('\u{80}'..=char::MAX).filter(|c| c.to_lowercase().all(|l| l.is_ascii())) {
        assert_eq!(c, '\u{212A}');
    }
    let non_ascii: Vec<&str> = FOREIGN_WORDS
        .iter()
        .copied()
        .filter(|w| !w.is_ascii())
        .collect();
    assert!(non_ascii
        .iter()
        .all(|w| w.starts_with('a') || w.starts_with('m')));
    assert!(FOREIGN_WORDS
        .iter()
        .all(|w| w.as_bytes()[0].is_ascii_lowercase()));
}

#[test]
fn length_filter_keeps_every_listed_ascii_word() {
    let reference = |word: &str| {
        FOREIGN_WORDS
            .iter()
            .any(|foreign| foreign.eq_ignore_ascii_case(word))
    };
    let mut words: Vec<String> = vec![String::new(), "a".into(), "Zz".into(), "tinh".into()];
    for listed in FOREIGN_WORDS {
        for end in 0..=listed.len() {
            if let Some(head) = listed.get(..end) {
                words.push(head.to_string());
                words.push(head.to_ascii_uppercase());
                words.push(format!("{head}s"));
            }
        }
    }
    for word in words.iter().filter(|w| w.is_ascii()) {
        assert_eq!(is_foreign_word(word), reference(word), "{word:?}");
    }
}
