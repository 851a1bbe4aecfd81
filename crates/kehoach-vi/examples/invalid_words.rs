use kehoach_vi::syllable::Verdict;
use std::collections::HashMap;
fn main() {
    for path in std::env::args().skip(1) {
        let text = kehoach_vi::nfc(&std::fs::read_to_string(&path).unwrap());
        let mut counts: HashMap<String, usize> = HashMap::new();
        let (mut valid, mut invalid) = (0, 0);
        for line in text.lines() {
            for w in kehoach_vi::words::words(line) {
                match w.verdict() {
                    Verdict::Valid => valid += 1,
                    Verdict::Invalid => {
                        invalid += 1;
                        *counts.entry(w.text.to_string()).or_default() += 1;
                    }
                    Verdict::NotChecked => {}
                }
            }
        }
        let mut v: Vec<_> = counts.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1));
        println!("{path}: valid {valid} invalid {invalid}");
        println!(
            "{}",
            v.iter()
                .take(150)
                .map(|(w, c)| format!("{w}:{c}"))
                .collect::<Vec<_>>()
                .join(" ")
        );
    }
}
