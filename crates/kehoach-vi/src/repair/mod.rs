//! Repair of damaged words: characters dropped by a bad extraction ("tnh"
//! for "tỉnh"), marks misread by OCR ("Kien" for "Kiên"), a letter glued to
//! the next word with its vowel lost ("cmọi" for "cả mọi").
//!
//! A word is repaired only when it is not a valid syllable and one reading
//! is clearly right. Candidates come from the document's own valid words
//! (one letter restored, one vowel's marks changed, one letter removed); the
//! choice is made by the word pairs seen intact elsewhere in the document
//! and, failing any, by a single candidate seen often. Anything else is left
//! as printed.

mod choose;
mod index;
mod vocab;

use crate::syllable::{classify, Verdict};
use crate::words::{is_letter, words, Word};
use index::Index;
use vocab::{lowercase_into, Case, FastMap, ShortSpelling, Spelling, Vocab};

/// One word repaired in a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repair {
    pub before: String,
    pub after: String,
    /// Byte offset of the word in the line as given.
    pub column: usize,
}

pub struct Repairer {
    vocab: Vocab,
    /// Adjacent word pairs (within a line, only spacing between) → count;
    /// only pairs holding a word some repair could produce.
    pairs: FastMap<(u32, u32), u32>,
    index: Index,
    invalid_words: usize,
    invalid_lines: Vec<usize>,
    /// Invalid words of each line of `invalid_lines`, in the same order.
    invalid_counts: Vec<usize>,
    /// The document's word ids, lines and other breaks marked by `BREAK`.
    sequence: Vec<u32>,
    /// Where each line of `invalid_lines` begins in `sequence`.
    invalid_starts: Vec<usize>,
}

/// What reading a document needs beside the vocabulary: words as printed
/// (so that each spelling is lowercased and interned once) and the sequence
/// of word ids, from which word pairs are counted once it is known which
/// pairs matter.
#[derive(Default)]
struct Learner<'a> {
    /// Nearly every word: keys held inline (see `ShortSpelling`).
    seen_short: FastMap<ShortSpelling, Seen>,
    /// Words longer than a `ShortSpelling` holds (16 bytes).
    seen: FastMap<Spelling<'a>, Seen>,
    buf: String,
    sequence: Vec<u32>,
}

/// What the learner knows of one spelling. Occurrences are counted here and
/// added to the vocabulary's entries once learning is done: one memory
/// access per word instead of two (every word of a document passes here).
#[derive(Clone, Copy)]
struct Seen {
    id: u32,
    /// Lowercase or capitalised: the occurrence counts and is judged.
    judged: bool,
    /// Judged, and its entry's verdict is invalid.
    invalid: bool,
    count: u32,
}

/// Where the word sequence of a document breaks: line ends, punctuation,
/// words that are not made of letters.
const BREAK: u32 = u32::MAX;

impl Repairer {
    /// Learns the vocabulary and word pairs of a document, given as its lines.
    pub fn from_document<'a>(lines: impl IntoIterator<Item = &'a str>) -> Repairer {
        Repairer::learn(lines, true)
    }

    /// Counts the invalid syllables of a document without preparing any repair.
    pub fn count_invalid_words<'a>(lines: impl IntoIterator<Item = &'a str>) -> usize {
        Repairer::learn(lines, false).invalid_words
    }

    fn learn<'a>(lines: impl IntoIterator<Item = &'a str>, for_repair: bool) -> Repairer {
        let mut repairer = Repairer {
            vocab: Vocab::default(),
            pairs: FastMap::default(),
            index: Index::default(),
            invalid_words: 0,
            invalid_lines: Vec::new(),
            invalid_counts: Vec::new(),
            sequence: Vec::new(),
            invalid_starts: Vec::new(),
        };
        let mut learner = Learner::default();
        for (line_index, line) in lines.into_iter().enumerate() {
            let start = learner.sequence.len();
            let invalid = repairer.learn_line(line, &mut learner);
            if invalid > 0 {
                repairer.invalid_words += invalid;
                repairer.invalid_lines.push(line_index);
                repairer.invalid_counts.push(invalid);
                repairer.invalid_starts.push(start);
            }
        }
        let all_seen = learner.seen_short.values().chain(learner.seen.values());
        for seen in all_seen.filter(|s| s.judged) {
            if let Some(entry) = repairer.vocab.entries.get_mut(seen.id as usize) {
                entry.count += seen.count;
            }
        }
        if for_repair && repairer.invalid_words > 0 {
            repairer.index = Index::build(&repairer.vocab);
            let relevant = repairer.words_near_damage();
            repairer.count_pairs(&learner.sequence, &relevant);
            repairer.sequence = learner.sequence;
        }
        repairer
    }

    /// Counts the line's words, appends their ids to the learner's sequence;
    /// returns how many words are invalid.
    fn learn_line<'a>(&mut self, line: &'a str, learner: &mut Learner<'a>) -> usize {
        let mut invalid = 0;
        let mut scanner = words(line);
        while let Some(word) = scanner.next_word() {
            if !word.letters_only || !word.after_space {
                learner.sequence.push(BREAK);
            }
            if !word.letters_only {
                continue;
            }
            let buf = &mut learner.buf;
            let seen = match ShortSpelling::of(word.text) {
                Some(key) => learner
                    .seen_short
                    .entry(key)
                    .or_insert_with(|| self.first_seen(word.text, buf)),
                None => learner
                    .seen
                    .entry(Spelling(word.text))
                    .or_insert_with(|| self.first_seen(word.text, buf)),
            };
            seen.count += 1;
            if seen.invalid {
                invalid += 1;
            }
            let id = seen.id;
            learner.sequence.push(id);
        }
        learner.sequence.push(BREAK);
        invalid
    }

    /// A spelling met for the first time: its word interned, and judged if
    /// its case is one that is judged (the verdict is the lowercase word's,
    /// the same for every spelling of it).
    fn first_seen(&mut self, spelling: &str, buf: &mut String) -> Seen {
        let case = lowercase_into(spelling, buf);
        let id = self.vocab.intern(buf);
        let judged = case != Case::Other;
        let mut invalid = false;
        if judged {
            if let Some(entry) = self.vocab.entries.get_mut(id as usize) {
                if entry.verdict == Verdict::NotChecked {
                    entry.verdict = classify(&entry.word);
                }
                invalid = entry.verdict == Verdict::Invalid;
            }
        }
        Seen {
            id,
            judged,
            invalid,
            count: 0,
        }
    }

    /// The words any repair could produce: only pairs involving them can
    /// ever be asked for, so only those are counted.
    fn words_near_damage(&self) -> Vec<bool> {
        let mut relevant = vec![false; self.vocab.entries.len()];
        let damaged = self
            .vocab
            .entries
            .iter()
            .filter(|e| e.count > 0 && e.verdict == Verdict::Invalid);
        for entry in damaged {
            let word = &*entry.word;
            let mut ids = self.index.candidates(&self.vocab, word);
            ids.extend(index::lookalike(&self.vocab, word));
            for (split, _) in word.char_indices().skip(1) {
                if let Some(head) = word.get(..split) {
                    ids.extend(self.index.dropped_from(&self.vocab, head));
                }
            }
            for id in ids {
                if let Some(flag) = relevant.get_mut(id as usize) {
                    *flag = true;
                }
            }
        }
        relevant
    }

    fn count_pairs(&mut self, sequence: &[u32], relevant: &[bool]) {
        // BREAK is never relevant (it indexes past `relevant`): the cheap
        // test comes first.
        // Each id's relevance is looked up once, carried to the next pair.
        let is_relevant = |id: u32| relevant.get(id as usize).copied().unwrap_or(false);
        let mut prev = BREAK;
        let mut prev_relevant = false;
        for &id in sequence {
            let relevant = is_relevant(id);
            if (prev_relevant || relevant) && prev != BREAK && id != BREAK {
                *self.pairs.entry((prev, id)).or_default() += 1;
            }
            prev = id;
            prev_relevant = relevant;
        }
    }

    /// Words of the document that are not valid syllables (among those judged).
    pub fn invalid_words(&self) -> usize {
        self.invalid_words
    }

    /// Indexes (0-based, in the order given) of the lines holding an invalid word.
    pub fn lines_with_invalid_words(&self) -> &[usize] {
        &self.invalid_lines
    }

    /// The lines holding an invalid word with how many they hold: (index,
    /// count), the count being what `count_invalid_in` tells for that line.
    pub fn invalid_words_per_line(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.invalid_lines
            .iter()
            .copied()
            .zip(self.invalid_counts.iter().copied())
    }

    /// The line with its damaged words repaired, and the repairs made.
    pub fn repair_line(&self, line: &str) -> (String, Vec<Repair>) {
        let tokens: Vec<Word<'_>> = words(line).collect();
        let mut rewrite = Rewrite::new(line);
        let mut buf = String::new();
        let mut prev: Option<u32> = None;
        for (i, word) in tokens.iter().enumerate() {
            if !word.letters_only || !word.after_space {
                prev = None;
            }
            if !word.letters_only {
                continue;
            }
            let case = lowercase_into(word.text, &mut buf);
            let id = self.vocab.id(&buf);
            let fixed = match case {
                Case::Other => None,
                _ if !self.is_invalid(id, &buf) => None,
                _ => {
                    let next = tokens
                        .get(i + 1)
                        .filter(|w| w.letters_only && w.after_space);
                    let next = next.and_then(|w| {
                        let mut lower = String::new();
                        lowercase_into(w.text, &mut lower);
                        self.vocab.id(&lower)
                    });
                    choose::repair_word(self, &buf, prev, next)
                }
            };
            prev = id;
            let Some(fixed) = fixed else { continue };
            prev = fixed.last_id;
            rewrite.replace(line, word, fixed.text, case);
        }
        rewrite.finish(line)
    }

    /// `repair_line` for the line of the document at `index` (0-based, one
    /// of `lines_with_invalid_words`), given as it was learnt: its words'
    /// ids are read from what learning recorded instead of being looked up
    /// again. Falls back to `repair_line` when the line is not one learnt.
    pub fn repair_document_line(&self, index: usize, line: &str) -> (String, Vec<Repair>) {
        let learnt = self
            .invalid_lines
            .binary_search(&index)
            .ok()
            .and_then(|nth| self.invalid_starts.get(nth))
            .and_then(|&start| self.sequence.get(start..))
            .and_then(|ids| self.repair_with_ids(line, ids));
        learnt.unwrap_or_else(|| self.repair_line(line))
    }

    /// `repair_line` with the ids of the line's words (and its breaks) as
    /// learning recorded them; `None` if they do not fit the line.
    fn repair_with_ids(&self, line: &str, ids: &[u32]) -> Option<(String, Vec<Repair>)> {
        let mut rewrite = Rewrite::new(line);
        let mut buf = String::new();
        let mut prev: Option<u32> = None;
        let mut at = 0;
        let mut scanner = words(line);
        while let Some(word) = scanner.next_word() {
            if !word.letters_only || !word.after_space {
                if *ids.get(at)? != BREAK {
                    return None;
                }
                at += 1;
                prev = None;
            }
            if !word.letters_only {
                continue;
            }
            let id = *ids.get(at)?;
            at += 1;
            let entry = self.vocab.entry(id)?;
            // A word is judged only in lowercase or capitalised form; its
            // entry then holds the verdict (and has been counted).
            let fixed = if entry.count > 0 && entry.verdict == Verdict::Invalid {
                let case = lowercase_into(word.text, &mut buf);
                if buf != *entry.word {
                    return None;
                }
                match case {
                    Case::Other => None,
                    _ => {
                        let next = ids.get(at).copied().filter(|n| *n != BREAK);
                        choose::repair_word(self, &buf, prev, next).map(|fixed| (fixed, case))
                    }
                }
            } else {
                None
            };
            prev = Some(id);
            let Some((fixed, case)) = fixed else { continue };
            prev = fixed.last_id;
            rewrite.replace(line, &word, fixed.text, case);
        }
        if *ids.get(at)? != BREAK {
            return None;
        }
        Some(rewrite.finish(line))
    }

    /// Invalid syllables in `line`, judged as in the document count (words
    /// the document holds are looked up, not judged again).
    pub fn count_invalid_in(&self, line: &str) -> usize {
        let mut buf = String::new();
        let mut invalid = 0;
        for word in words(line).filter(|w| w.letters_only) {
            if lowercase_into(word.text, &mut buf) != Case::Other
                && self.is_invalid(self.vocab.id(&buf), &buf)
            {
                invalid += 1;
            }
        }
        invalid
    }

    /// Invalid syllables left in a line by `repair_line`, told from the
    /// line's count before (`invalid_words_per_line`) and the repairs alone,
    /// without reading the line again: every repaired word was invalid, and
    /// a replacement made of letters and single spaces becomes exactly its
    /// own words, the line's other words staying as they were. `None` when a
    /// replacement is not of that form: count the repaired line instead.
    pub fn count_invalid_after(&self, invalid_before: usize, repairs: &[Repair]) -> Option<usize> {
        let mut invalid = invalid_before.checked_sub(repairs.len())?;
        for repair in repairs {
            if !is_plain_words(&repair.after) {
                return None;
            }
            invalid += self.count_invalid_in(&repair.after);
        }
        Some(invalid)
    }

    fn is_invalid(&self, id: Option<u32>, lower: &str) -> bool {
        match id.and_then(|id| self.vocab.entry(id)) {
            Some(entry) if entry.count > 0 => entry.verdict == Verdict::Invalid,
            Some(_) => classify(lower) == Verdict::Invalid,
            None => classify(lower) == Verdict::Invalid,
        }
    }
}

/// Words of letters separated by single spaces, nothing else.
fn is_plain_words(text: &str) -> bool {
    text.split(' ')
        .all(|word| !word.is_empty() && word.chars().all(is_letter))
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A line rebuilt with some of its words replaced, and the record of each
/// replacement: what both ways of repairing a line share.
struct Rewrite {
    out: String,
    /// Bytes of the line already copied to `out`.
    copied: usize,
    repairs: Vec<Repair>,
}

impl Rewrite {
    fn new(line: &str) -> Rewrite {
        Rewrite {
            out: String::with_capacity(line.len() + 8),
            copied: 0,
            repairs: Vec::new(),
        }
    }

    /// Replaces `word` by `repaired` (lowercase), in the word's own case.
    fn replace(&mut self, line: &str, word: &Word<'_>, repaired: String, case: Case) {
        let after = match case {
            Case::Capitalised => capitalise(&repaired),
            _ => repaired,
        };
        self.out
            .push_str(line.get(self.copied..word.start).unwrap_or_default());
        self.out.push_str(&after);
        self.copied = word.start + word.text.len();
        self.repairs.push(Repair {
            before: word.text.to_string(),
            after,
            column: word.start,
        });
    }

    fn finish(mut self, line: &str) -> (String, Vec<Repair>) {
        self.out
            .push_str(line.get(self.copied..).unwrap_or_default());
        (self.out, self.repairs)
    }
}

#[cfg(test)]
mod tests;
