//! Choosing the reading of a damaged word, or declining to.

use super::{index, Repairer};

/// A repaired reading: one word, or two when a letter was glued to the next word.
pub struct Fixed {
    pub text: String,
    /// The id of the last word of the reading, as context for the next word.
    pub last_id: Option<u32>,
}

struct Reading {
    text: String,
    last: u32,
    /// Times the reading's word pairs occur intact in the document.
    context: u32,
    /// Occurrences of the reading's word in the document.
    count: u32,
    /// Occurrences needed to accept the reading alone, without context.
    lone_min: u32,
}

/// Context must beat the runner-up by this factor to decide.
const CONTEXT_MARGIN: u32 = 3;
/// Context from fewer intact pairs than this can be outweighed by frequency…
const STRONG_CONTEXT: u32 = 6;
/// …by a candidate this many times commoner.
const COUNT_OUTWEIGHS: u32 = 5;
/// Without context, a lone candidate must occur this often.
const LONE_MIN_COUNT: u32 = 2;
/// Without context, the commonest candidate must beat the next by this factor…
const COUNT_MARGIN: u32 = 10;
/// …and occur at least this often.
const COUNT_MIN: u32 = 10;

/// The clearly right reading of `damaged` (lowercase) between `prev` and `next`, if any.
pub fn repair_word(
    repairer: &Repairer,
    damaged: &str,
    prev: Option<u32>,
    next: Option<u32>,
) -> Option<Fixed> {
    let mut readings = single_word_readings(repairer, damaged, prev, next);
    readings.extend(glued_readings(repairer, damaged, prev));
    let chosen = pick(readings)?;
    Some(Fixed {
        text: chosen.text,
        last_id: Some(chosen.last),
    })
}

fn pair(repairer: &Repairer, a: Option<u32>, b: Option<u32>) -> u32 {
    match (a, b) {
        (Some(a), Some(b)) => repairer.pairs.get(&(a, b)).copied().unwrap_or(0),
        _ => 0,
    }
}

fn single_word_readings(
    repairer: &Repairer,
    damaged: &str,
    prev: Option<u32>,
    next: Option<u32>,
) -> Vec<Reading> {
    let vocab = &repairer.vocab;
    let lookalike = index::lookalike(vocab, damaged);
    let mut ids = repairer.index.candidates(vocab, damaged);
    if let Some(id) = lookalike.filter(|id| !ids.contains(id)) {
        ids.push(id);
    }
    ids.into_iter()
        .map(|id| Reading {
            text: vocab.word(id).to_string(),
            last: id,
            context: pair(repairer, prev, Some(id)) + pair(repairer, Some(id), next),
            count: vocab.count(id),
            lone_min: if Some(id) == lookalike {
                1
            } else {
                LONE_MIN_COUNT
            },
        })
        .collect()
}

/// "cmọi" as "cả mọi": a damaged first word glued to a valid second one.
/// Only readings whose pair occurs intact in the document, and whose first
/// word also follows the previous word somewhere intact, are offered: the
/// dropped space makes these the riskiest readings.
fn glued_readings(repairer: &Repairer, damaged: &str, prev: Option<u32>) -> Vec<Reading> {
    let vocab = &repairer.vocab;
    let mut readings = Vec::new();
    for (split, _) in damaged.char_indices().skip(1) {
        let (Some(head), Some(tail)) = (damaged.get(..split), damaged.get(split..)) else {
            continue;
        };
        let Some(tail_id) = vocab
            .candidate_id(tail)
            .filter(|_| tail.chars().nth(1).is_some())
        else {
            continue;
        };
        for head_id in repairer.index.dropped_from(vocab, head) {
            let inner = pair(repairer, Some(head_id), Some(tail_id));
            let left = pair(repairer, prev, Some(head_id));
            if inner == 0 || (prev.is_some() && left == 0) {
                continue;
            }
            readings.push(Reading {
                text: format!("{} {}", vocab.word(head_id), tail),
                last: tail_id,
                context: inner + left,
                count: vocab.count(head_id),
                lone_min: LONE_MIN_COUNT,
            });
        }
    }
    readings
}

/// A single intact pair is weak evidence: "thuộc tính" seen once does not make
/// "thuộc tnh" a "tính" when "tỉnh" is many times commoner in the document.
fn outweighed_by_frequency(readings: &[Reading]) -> bool {
    let Some(best) = readings.first() else {
        return false;
    };
    best.context < STRONG_CONTEXT
        && readings
            .iter()
            .skip(1)
            .any(|other| other.count >= COUNT_OUTWEIGHS * best.count.max(1))
}

/// The reading the evidence clearly favours: by context if there is any,
/// else by frequency; `None` when two readings are close.
fn pick(mut readings: Vec<Reading>) -> Option<Reading> {
    readings.sort_by(|a, b| b.context.cmp(&a.context).then(b.count.cmp(&a.count)));
    let best_context = readings.first()?.context;
    let second_context = readings.get(1).map_or(0, |r| r.context);
    if best_context > 0 {
        let clear = (second_context == 0 || best_context >= CONTEXT_MARGIN * second_context)
            && !outweighed_by_frequency(&readings);
        return if clear {
            readings.into_iter().next()
        } else {
            None
        };
    }
    let best_count = readings.first()?.count;
    let second_count = readings.get(1).map(|r| r.count);
    let clear = match second_count {
        None => readings.first().is_some_and(|r| best_count >= r.lone_min),
        Some(second) => best_count >= COUNT_MIN && best_count >= COUNT_MARGIN * second,
    };
    if clear {
        readings.into_iter().next()
    } else {
        None
    }
}
