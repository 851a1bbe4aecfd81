//! Lists the words of text files that are not valid Vietnamese syllables,
//! commonest first: `cargo run -p kehoach-vi --example invalid_words -- FILE…`.

use std::collections::HashMap;

use kehoach_vi::syllable::Verdict;
use kehoach_vi::words::words;

fn main() {
    for path in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => kehoach_vi::nfc(&text),
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let mut counts: HashMap<&str, usize> = HashMap::new();
        let mut valid = 0;
        for word in text.lines().flat_map(words) {
            match word.verdict() {
                Verdict::Valid => valid += 1,
                Verdict::Invalid => *counts.entry(word.text).or_default() += 1,
                Verdict::NotChecked => {}
            }
        }
        let mut listed: Vec<(&str, usize)> = counts.into_iter().collect();
        listed.sort_by_key(|(word, n)| (std::cmp::Reverse(*n), *word));
        let invalid: usize = listed.iter().map(|(_, n)| n).sum();
        println!("{path}: valid {valid}, invalid {invalid}");
        let shown: Vec<String> = listed.iter().map(|(w, n)| format!("{w}:{n}")).collect();
        println!("  {}", shown.join(" "));
    }
}
