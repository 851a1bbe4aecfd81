use super::{highlight, highlight_html, FoldedText, Match, Query, Tier, MAX_TERMS};

fn find(q: &str, text: &str) -> Option<Match> {
    Query::parse(q).find(text)
}

fn must_find(q: &str, text: &str) -> Match {
    find(q, text).unwrap_or_else(|| panic!("{q:?} should find {text:?}"))
}

/// The marked pieces of `text`.
fn marked<'a>(text: &'a str, m: &Match) -> Vec<&'a str> {
    m.spans.iter().map(|r| &text[r.clone()]).collect()
}

#[test]
fn parses_folded_terms_in_order_without_repeats() {
    let q = Query::parse("  Kế hoạch, ĐẦU-tư kế ");
    assert_eq!(q.terms().collect::<Vec<_>>(), ["ke", "hoach", "dau", "tu"]);
    assert!(Query::parse(" ,.;- ").is_empty());
    assert!(Query::parse("").is_empty());
    assert_eq!(find("", "anything"), None);
    let many: String = (0..100).map(|i| format!("w{i} ")).collect();
    assert_eq!(Query::parse(&many).terms().count(), MAX_TERMS);
}

#[test]
fn finds_an_agency_without_diacritics() {
    let text = "Sở Kế hoạch và Đầu tư";
    let m = must_find("ke hoach dau tu", text);
    // "và" stands between the two halves: whole words, not a phrase.
    assert_eq!(m.tier, Tier::Words);
    assert_eq!(marked(text, &m), ["Kế hoạch", "Đầu tư"]);
    assert_eq!(
        highlight_html(text, &m.spans),
        "Sở <mark>Kế hoạch</mark> và <mark>Đầu tư</mark>"
    );
    let phrase = must_find("ke hoach va dau tu", text);
    assert_eq!(phrase.tier, Tier::Phrase);
    assert_eq!(marked(text, &phrase), ["Kế hoạch và Đầu tư"]);
    assert!(phrase.score > m.score);
}

#[test]
fn finds_words_inside_a_sentence() {
    let text = "Tỷ lệ dân số nông thôn được sử dụng nước sạch đạt 95%.";
    let m = must_find("nuoc sach", text);
    assert_eq!(m.tier, Tier::Phrase);
    assert_eq!(marked(text, &m), ["nước sạch"]);
    assert_eq!(
        find("nuoc sach 95", text).map(|m| m.tier),
        Some(Tier::Words)
    );
    assert_eq!(find("nuoc ban", text), None);
}

#[test]
fn one_letter_matches_the_start_of_words_including_dj() {
    let text = "Đường giao thông";
    let m = must_find("d", text);
    assert_eq!(m.tier, Tier::Prefix);
    assert_eq!(marked(text, &m), ["Đ"]);
    assert_eq!(marked("đường", &must_find("D", "đường")), ["đ"]);
    assert_eq!(find("u", "đường"), None);
}

#[test]
fn terms_match_at_word_starts_only() {
    // Decided: a term is the beginning of a word, so a run-together
    // spelling is a different word.
    assert_eq!(find("ke hoach", "kehoach"), None);
    assert_eq!(find("kehoach", "Kế hoạch"), None);
    assert_eq!(find("hoach", "kehoach"), None);
    assert!(find("2030", "giai đoạn 2021-2030").is_some());
    assert!(find("ubnd", "UBND tỉnh").is_some());
}

#[test]
fn uppercase_and_decomposed_text() {
    let upper = "SỞ KẾ HOẠCH VÀ ĐẦU TƯ";
    let m = must_find("ke hoach", upper);
    assert_eq!(marked(upper, &m), ["KẾ HOẠCH"]);

    // NFD: "Kế hoạch" with the marks as separate code points.
    let nfd = "Sơ\u{309} Ke\u{302}\u{301} hoa\u{323}ch";
    let m = must_find("ke hoach", nfd);
    assert_eq!(m.tier, Tier::Phrase);
    assert_eq!(marked(nfd, &m), ["Ke\u{302}\u{301} hoa\u{323}ch"]);
    let m = must_find("so", nfd);
    assert_eq!(marked(nfd, &m), ["Sơ\u{309}"]);
    // An NFD query finds NFC text and the other way round.
    assert!(find("Ke\u{302}\u{301}", "Kế").is_some());
    // A mark with no letter before it is skipped, not a panic.
    assert!(find("a", "\u{301}a").is_some());
}

#[test]
fn ranks_phrase_then_words_then_prefixes_then_position_and_length() {
    let score = |q: &str, t: &str| find(q, t).map(|m| m.score).unwrap_or(0);
    let q = "nuoc sach";
    let phrase = score(q, "nước sạch nông thôn");
    let words = score(q, "sạch sẽ, nước máy");
    let prefix = score(q, "sạchsẽ nướcx");
    assert!(phrase > words && words > prefix && prefix > 0);
    assert_eq!(
        find(q, "nước sạchsẽ khác").map(|m| m.tier),
        Some(Tier::Phrase)
    );
    assert_eq!(find(q, "nướcx sạch").map(|m| m.tier), Some(Tier::Prefix));
    // Earlier beats later; shorter beats longer.
    assert!(score(q, "nước sạch cho dân") > score(q, "cấp nước sạch cho dân"));
    assert!(score(q, "nước sạch") > score(q, "nước sạch cho toàn dân"));
}

#[test]
fn a_folded_text_is_reusable_and_independent_of_history() {
    let q = Query::parse("dau tu");
    let mut buffer = FoldedText::default();
    let texts = ["Đầu tư công", "", "Không có", "Vốn đầu tư"];
    for text in texts {
        buffer.refill(text);
        assert_eq!(q.find_in(&buffer), q.find(text));
    }
    assert_eq!(buffer.as_string(), "von dau tu");
}

#[test]
fn highlight_escapes_and_skips_bad_spans() {
    let text = "a<b> & \"đ\"";
    let m = must_find("b", text);
    assert_eq!(
        highlight_html(text, &m.spans),
        "a&lt;<mark>b</mark>&gt; &amp; &quot;đ&quot;"
    );
    // Stale spans: not on a char boundary, out of range, overlapping, empty.
    let bad = [8..9, 0..1, 0..2, 3..3, 20..30];
    assert_eq!(
        highlight(text, &bad, "[", "]", |s, out| out.push_str(s)),
        "[a]<b> & \"đ\""
    );
}

/// A small deterministic generator (xorshift), enough to vary the input.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }

    fn string(&mut self, pieces: &[&str], min: u64, max: u64) -> String {
        let len = min + self.next() % (max - min);
        (0..len).map(|_| self.pick(pieces)).collect()
    }
}

const PIECES: &[&str] = &[
    "a", "ă", "Â", "đ", "Đ", "d", "e", "ế", "ệ", "o", "ơ", "ờ", "u", "ư", "ữ", "y", "ỷ", "k", "h",
    "n", "g", " ", " ", " ", ",", ".", "-", "\u{301}", "\u{323}", "\u{302}", "\u{309}", "\u{a0}",
    "ß", "İ", "😀", "中", "<", "&", "1", "9", "\t", "\n",
];

/// Queries from fewer letters, so that many of them match.
const QUERY_PIECES: &[&str] = &["a", "Ă", "d", "Đ", "e", "ơ", "u", "k", "1", " ", "\u{301}"];

#[test]
fn generated_texts_never_break_highlighting() {
    let mut gen = Gen(0x9e37_79b9_7f4a_7c15);
    let mut buffer = FoldedText::default();
    let mut matches = 0;
    for _ in 0..800 {
        let text = gen.string(PIECES, 0, 40);
        let query = Query::parse(&gen.string(QUERY_PIECES, 1, 4));
        buffer.refill(&text);
        let Some(m) = query.find_in(&buffer) else {
            continue;
        };
        matches += 1;
        let mut end = 0;
        for span in &m.spans {
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            assert!(end <= span.start && span.start < span.end && span.end <= text.len());
            end = span.end;
        }
        let marked = highlight(&text, &m.spans, "\u{1}", "\u{2}", |s, out| out.push_str(s));
        assert_eq!(marked.matches('\u{1}').count(), m.spans.len());
        let plain: String = marked
            .chars()
            .filter(|&c| c != '\u{1}' && c != '\u{2}')
            .collect();
        assert_eq!(plain, text);
    }
    assert!(
        matches > 100,
        "the generator should produce matches: {matches}"
    );
}
