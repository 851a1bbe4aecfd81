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
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::alias_key;

    #[test]
    fn keys_ignore_spelling_noise() {
        assert_eq!(alias_key("Sở LĐ,TB&XH"), "so ld tb va xh");
        assert_eq!(alias_key("KH& ĐT"), alias_key("KH&ĐT"));
        assert_eq!(
            alias_key("Sở Lao động- Thương binh và Xã hội"),
            "so lao dong thuong binh va xa hoi"
        );
    }
}
