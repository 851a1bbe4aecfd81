//! The matching key of an agency name: spelling, case, diacritics,
//! punctuation and "&" vs "và" do not matter.

/// "Sở LĐ,TB&XH" → "so ld tb va xh"; "Sở Lao động - Thương binh và Xã hội" →
/// "so lao dong thuong binh va xa hoi".
pub fn alias_key(name: &str) -> String {
    let folded = kehoach_vi::fold(name);
    let mut out = String::with_capacity(folded.len());
    for ch in folded.chars() {
        match ch {
            '&' => out.push_str(" va "),
            c if c.is_alphanumeric() => out.push(c),
            _ => out.push(' '),
        }
    }
    out.split_whitespace()
        .map(expand_abbreviation)
        .collect::<Vec<_>>()
        .join(" ")
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
        assert_eq!(
            alias_key("Sở Lao động- Thương binh và Xã hội"),
            "so lao dong thuong binh va xa hoi"
        );
    }
}
