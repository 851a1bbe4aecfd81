//! The task section: numbered agency headings, each followed by "- " task
//! bullets or by one unbulleted paragraph. Every task takes its block's
//! agency as lead (recorded as inherited: the text never names its own).

use std::ops::Range;

use kehoach_model::{InheritedField, Task};

use super::coordinating::partner_phrases;
use super::heading::{heading_len, heading_names};
use super::sections::{join_lines, numbered_heading};
use crate::{Ctx, Line};

/// One agency block: heading line index, heading length, body range.
struct Block {
    number: u32,
    start: usize,
    heading_lines: usize,
    end: usize,
}

/// The tasks of the section whose lines are `range` (heading line excluded).
pub fn parse(ctx: &mut Ctx, range: Range<usize>) -> Vec<Task> {
    let lines = match ctx.src.lines.get(range.clone()) {
        Some(lines) => lines,
        None => return Vec::new(),
    };
    let blocks = find_blocks(ctx, lines);
    let mut tasks = Vec::new();
    for block in &blocks {
        tasks.extend(block_tasks(ctx, lines, block));
    }
    tasks
}

/// Headings numbered 1, 2, 3… in sequence; a line whose number is not the
/// next one ("2023. Đồng thời…", a wrapped year) is text.
fn find_blocks(ctx: &Ctx, lines: &[Line]) -> Vec<Block> {
    let registry = ctx.agencies.registry();
    let mut blocks: Vec<Block> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let expected = blocks.last().map_or(1, |b| b.number + 1);
        match numbered_heading(&lines[i]) {
            Some((number, first)) if number == expected => {
                let heading_lines = heading_len(registry, first, &lines[i..]);
                if let Some(prev) = blocks.last_mut() {
                    prev.end = i;
                }
                blocks.push(Block {
                    number,
                    start: i,
                    heading_lines,
                    end: lines.len(),
                });
                i += heading_lines;
            }
            _ => i += 1,
        }
    }
    blocks
}

fn block_tasks(ctx: &mut Ctx, lines: &[Line], block: &Block) -> Vec<Task> {
    let heading_end = (block.start + block.heading_lines).min(block.end);
    let heading_text = join_lines(&lines[block.start..heading_end]);
    let heading_line = lines[block.start].no;
    let lead_raw = strip_number(&heading_text).to_string();
    let lead = resolve_heading(ctx, &lead_raw, heading_line);

    let paragraphs = paragraphs(&lines[heading_end..block.end]);
    if paragraphs.is_empty() {
        ctx.diags.warning(
            "empty-agency-block",
            format!("agency block {} ({lead_raw}) has no task", block.number),
            Some(heading_line),
        );
    }
    paragraphs
        .into_iter()
        .map(|para| {
            let text = join_lines(para);
            let text = text.strip_prefix("- ").unwrap_or(&text).trim().to_string();
            let line = para.first().map_or(heading_line, |l| l.no);
            let phrases = partner_phrases(ctx.agencies.registry(), &text);
            let coordinating = phrases
                .iter()
                .flat_map(|p| ctx.agencies.resolve(p, line, ctx.diags))
                .fold(Vec::new(), |mut acc: Vec<String>, name| {
                    if !acc.contains(&name) {
                        acc.push(name);
                    }
                    acc
                });
            Task {
                code: None,
                text,
                line,
                lead: lead.clone(),
                coordinating,
                lead_raw: Some(lead_raw.clone()),
                coordinating_raw: (!phrases.is_empty()).then(|| phrases.join("; ")),
                period: None,
                periods: Vec::new(),
                inherited: vec![InheritedField::Lead],
            }
        })
        .collect()
}

/// "12. Sở Y tế" → "Sở Y tế".
fn strip_number(heading: &str) -> &str {
    let digits = heading.chars().take_while(char::is_ascii_digit).count();
    heading
        .get(digits..)
        .map(|rest| rest.trim_start_matches('.').trim())
        .unwrap_or(heading)
}

fn resolve_heading(ctx: &mut Ctx, heading: &str, line: usize) -> Vec<String> {
    let names = heading_names(ctx.agencies.registry(), heading);
    if let Some(delegation) = &names.delegation {
        ctx.diags.info(
            "delegated-lead",
            format!("the heading's agency acts through others (\"{delegation}\"): lead is the agency named before it"),
            Some(line),
        );
    }
    if names.shared_prefix {
        ctx.diags.info(
            "shared-prefix-heading",
            format!(
                "heading lists {} agencies under one prefix: \"{heading}\"",
                names.names.len()
            ),
            Some(line),
        );
    }
    let mut lead: Vec<String> = Vec::new();
    for name in &names.names {
        for canonical in ctx.agencies.resolve(name, line, ctx.diags) {
            if !lead.contains(&canonical) {
                lead.push(canonical);
            }
        }
    }
    lead
}

/// A block's body cut into paragraphs: each "- " line starts one; text
/// before the first bullet (an unbulleted block) is one paragraph.
fn paragraphs(lines: &[Line]) -> Vec<&[Line]> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, line) in lines.iter().enumerate() {
        if line.text.is_empty() || line.text == "|" {
            continue;
        }
        let bullet = line.text.starts_with("- ");
        match start {
            None => start = Some(i),
            Some(s) if bullet => {
                out.push(&lines[s..i]);
                start = Some(i);
            }
            Some(_) => {}
        }
    }
    if let Some(s) = start {
        out.push(&lines[s..]);
    }
    out
}
