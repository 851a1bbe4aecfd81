//! The matching key of an agency name: spelling, case, diacritics,
//! punctuation and "&" vs "và" do not matter.

/// "Sở LĐ,TB&XH" → "so ld tb va xh"; "Sở Lao động - Thương binh và Xã hội" →
/// "so lao dong thuong binh va xa hoi".
pub fn alias_key(name: &str) -> String {
    // One pass over the folded characters (keys are made for every piece of
    // every agency cell): runs of letters and digits are the words, "&" is
    // the word "va", anything else separates.
    let mut out = String::with_capacity(name.len());
    let mut word = String::new();
    for ch in kehoach_vi::fold::folded_chars(name) {
        if ch.is_alphanumeric() {
            word.push(ch);
            continue;
        }
        push_word(&mut out, &word);
        word.clear();
        if ch == '&' {
            push_word(&mut out, "va");
        }
    }
    push_word(&mut out, &word);
    out
}

fn push_word(key: &mut String, word: &str) {
    if word.is_empty() {
        return;
    }
    if !key.is_empty() {
        key.push(' ');
    }
    key.push_str(expand_abbreviation(word));
}

/// Abbreviated words that stand for whole words in names ("Công an TP",
/// "Tòa án ND thành phố", "chính trị - XH"); expanded in every key alike.
fn expand_abbreviation(word: &str) -> &str {
    match word {
        "tp" => "thanh pho",
        "nd" => "nhan dan",
        "xh" => "xa hoi",
        "ubnd" => "uy ban nhan dan",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::alias_key;

    #[test]
    fn keys_ignore_spelling_noise() {
        assert_eq!(alias_key("Sở LĐ,TB&XH"), "so ld tb va xa hoi");
        assert_eq!(alias_key("Công an TP"), "cong an thanh pho");
        assert_eq!(alias_key("KH& ĐT"), alias_key("KH&ĐT"));
        assert_eq!(alias_key(" & TP, "), "va thanh pho");
        assert_eq!(alias_key(""), "");
        assert_eq!(
            alias_key("Sở Lao động- Thương binh và Xã hội"),
            "so lao dong thuong binh va xa hoi"
        );
    }
}
