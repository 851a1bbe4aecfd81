//! Numbered key indicators "1) … ;" … "21) … ." in the plan's first section.
//! An item states its values inside a sentence; several values become
//! components: after "trong đó" (a breakdown), or side by side when the item
//! has no single headline value.

use std::ops::Range;

use kehoach_model::{Indicator, IndicatorValue};

use super::mentions::{clean_name, is_count_unit, mentions, Mention};
use super::sections::{is_roman_heading, join_lines, numbered_heading};
use crate::{Ctx, Line};

/// One "N)" item: its number, first line and joined text (marker removed).
struct Item {
    number: u32,
    line: usize,
    text: String,
}

pub fn parse(ctx: &mut Ctx, range: Range<usize>, year: Option<i32>) -> Vec<Indicator> {
    let Some(lines) = ctx.src.lines.get(range) else {
        return Vec::new();
    };
    let items = items(lines);
    items.iter().map(|item| build(ctx, item, year)).collect()
}

/// "12) …" → (12, rest).
fn paren_number(line: &Line) -> Option<(u32, &str)> {
    let t = line.text.as_str();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let rest = t.get(digits..)?.strip_prefix(')')?;
    Some((t.get(..digits)?.parse().ok()?, rest.trim_start()))
}

/// Items numbered 1, 2, 3… in sequence; an item runs until the next item,
/// a heading, a bullet or a Roman section.
fn items(lines: &[Line]) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let expected = out.last().map_or(1, |it| it.number + 1);
        match paren_number(&lines[i]) {
            Some((number, _)) if number == expected => {
                let end = item_end(lines, i + 1, expected + 1);
                let text = join_lines(&lines[i..end]);
                let text = text
                    .split_once(')')
                    .map_or(text.as_str(), |(_, rest)| rest)
                    .trim()
                    .to_string();
                out.push(Item {
                    number,
                    line: lines[i].no,
                    text,
                });
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

fn item_end(lines: &[Line], from: usize, next: u32) -> usize {
    (from..lines.len())
        .find(|&j| {
            let l = &lines[j];
            paren_number(l).is_some_and(|(n, _)| n == next)
                || numbered_heading(l).is_some_and(|(n, _)| n < 100)
                || is_roman_heading(l)
                || l.text.starts_with("- ")
        })
        .unwrap_or(lines.len())
}

fn build(ctx: &mut Ctx, item: &Item, year: Option<i32>) -> Indicator {
    let sentence = item.text.trim_end_matches([';', '.', ',']).trim();
    let found = mentions(sentence, year);
    let split = breakdown_start(sentence);
    let (head, tail): (Vec<&Mention>, Vec<&Mention>) = found
        .iter()
        .partition(|m| split.is_none_or(|s| m.number.start < s));
    let top: Vec<&Mention> = head.iter().copied().filter(|m| !m.in_breakdown).collect();
    let children: Vec<&Mention> = head.iter().copied().filter(|m| m.in_breakdown).collect();

    let mut indicator = Indicator {
        code: Some(item.number.to_string()),
        target: None,
        name: sentence.to_string(),
        unit: None,
        reporter: Vec::new(),
        line: item.line,
        values: Vec::new(),
        components: Vec::new(),
    };
    match top.as_slice() {
        [] => {
            ctx.diags.info(
                "qualitative-indicator",
                format!(
                    "key indicator {} states no number: kept as text",
                    item.number
                ),
                Some(item.line),
            );
            indicator.values.push(text_value(sentence, year));
        }
        [only] => {
            let name = only.name_before.clone();
            if !name.is_empty() {
                indicator.name = name;
            }
            indicator.unit = only.unit.clone();
            indicator.values.push(only.value.clone());
        }
        [first, ..] if !children.is_empty() => {
            // Several levels of one figure ("dự toán giao … , chỉ tiêu
            // địa phương phấn đấu là …"), each with its own breakdown.
            indicator.name = first.name_before.clone();
            indicator.unit = first.unit.clone();
            for (k, m) in top.iter().enumerate() {
                let mut value = m.value.clone();
                if k > 0 {
                    value.text = full_text(sentence, m);
                }
                indicator.values.push(value);
            }
            ctx.diags.info(
                "indicator-several-levels",
                format!(
                    "key indicator {} states {} target levels for one figure",
                    item.number,
                    top.len()
                ),
                Some(item.line),
            );
        }
        [first, ..] => {
            let umbrella = umbrella_name(first);
            if let Some(u) = &umbrella {
                indicator.name = u.clone();
            }
            indicator.unit = common_unit(&top);
            for m in &top {
                indicator
                    .components
                    .push(component(m, umbrella.as_deref(), item.line));
            }
        }
    }
    let mut breakdown: Vec<Indicator> = Vec::new();
    for m in children.iter().chain(tail.iter()) {
        merge_component(&mut breakdown, component(m, None, item.line));
    }
    indicator.components.extend(breakdown);
    // An item with no value already keeps its whole text as its value.
    let qualitative_parts = if top.is_empty() {
        Vec::new()
    } else {
        clauses_without_values(sentence, &found)
    };
    for clause in qualitative_parts {
        indicator.components.push(Indicator {
            code: None,
            target: None,
            name: clause.to_string(),
            unit: None,
            reporter: Vec::new(),
            line: item.line,
            values: vec![text_value(clause, year)],
            components: Vec::new(),
        });
    }
    indicator
}

/// Byte offset of a top-level "trong đó" (outside parentheses).
fn breakdown_start(s: &str) -> Option<usize> {
    let mut depth = 0i32;
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ if depth == 0 && s[i..].starts_with("trong đó") => return Some(i),
            _ => {}
        }
    }
    None
}

/// The name shared by side-by-side values: "Cơ cấu kinh tế: Khu vực I: 33%"
/// → "Cơ cấu kinh tế"; "Thành lập mới ít nhất 50 tổ hợp tác" → "Thành lập
/// mới". None when the first value's name is its own (the item's text then
/// names the whole).
fn umbrella_name(first: &Mention) -> Option<String> {
    if let Some((umbrella, _)) = first.name_before.split_once(':') {
        return Some(clean_name(umbrella));
    }
    let counted = first.unit.as_deref().is_some_and(is_count_unit);
    (counted && !first.name_before.is_empty()).then(|| first.name_before.clone())
}

fn common_unit(ms: &[&Mention]) -> Option<String> {
    let first = ms.first()?.unit.clone()?;
    ms.iter()
        .all(|m| m.unit.as_deref() == Some(first.as_str()))
        .then_some(first)
}

/// A component from one value. A counted value ("15 xã đạt chuẩn…") is named
/// by what it counts when the words before it are the item's shared name.
fn component(m: &Mention, umbrella: Option<&str>, line: usize) -> Indicator {
    let own_name = match umbrella {
        Some(u) => m
            .name_before
            .split_once(':')
            .map_or(m.name_before.clone(), |(_, rest)| clean_name(rest))
            .replace(u, "")
            .trim()
            .to_string(),
        None => m.name_before.clone(),
    };
    let counted = m.unit.as_deref().is_some_and(is_count_unit);
    let name = if own_name.is_empty() || (counted && umbrella.is_some()) {
        named_by_after(m, counted)
    } else {
        own_name
    };
    Indicator {
        code: None,
        target: None,
        name,
        unit: m.unit.clone(),
        reporter: Vec::new(),
        line,
        values: vec![m.value.clone()],
        components: Vec::new(),
    }
}

/// "15 xã đạt chuẩn…" is named by the whole counted phrase; "25% số xã…"
/// by the phrase after its unit.
fn named_by_after(m: &Mention, counted: bool) -> String {
    let after = match (&m.unit, counted) {
        (Some(unit), false) => m.after.strip_prefix(unit.as_str()).unwrap_or(&m.after),
        _ => &m.after,
    };
    clean_name(after)
}

/// Breakdowns repeated for each level ("thu nội địa" under both) become one
/// component with several values.
fn merge_component(list: &mut Vec<Indicator>, c: Indicator) {
    match list
        .iter_mut()
        .find(|x| x.name == c.name && x.unit == c.unit)
    {
        Some(existing) => existing.values.extend(c.values),
        None => list.push(c),
    }
}

/// The name and value as printed, for a level whose wording says which it is.
fn full_text(s: &str, m: &Mention) -> String {
    let end = m.number.end + m.after.len() + 1;
    let text = s
        .get(m.segment_start..end.min(s.len()))
        .or_else(|| s.get(m.segment_start..m.number.end))
        .unwrap_or("");
    clean_name(text)
}

/// Clauses (split at top-level ";") stating no number: qualitative parts.
fn clauses_without_values<'a>(s: &'a str, found: &[Mention]) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    let mut push = |from: usize, to: usize| {
        let has_value = found.iter().any(|m| (from..to).contains(&m.number.start));
        let clause = s[from..to].trim();
        if !has_value && !clause.is_empty() {
            out.push(clause);
        }
    };
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ';' if depth == 0 => {
                push(start, i);
                start = i + 1;
            }
            _ => {}
        }
    }
    push(start, s.len());
    out
}

fn text_value(text: &str, year: Option<i32>) -> IndicatorValue {
    IndicatorValue {
        year,
        text: text.to_string(),
        value: None,
        max: None,
        comparator: None,
    }
}
