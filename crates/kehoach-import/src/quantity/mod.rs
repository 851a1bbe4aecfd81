//! Quantified targets read from the text of a target statement: "Đến năm
//! 2030, giảm tỷ số tử vong mẹ xuống dưới 45/100.000 trẻ đẻ sống" gives the
//! value 45, comparator below, unit per 100,000 live births, year 2030,
//! direction decrease.
//!
//! Pure functions over a text; nothing here is part of the import contract.
//! Every number of a statement that is not a year, a date, a document
//! reference, an age or a duration comes back, either read or flagged
//! `unclear` with the reason: nothing is dropped or guessed silently.
//! docs/TARGETS.md gives the rules and the coverage on the corpus.

mod context;
mod tokens;
mod unit;

#[cfg(test)]
mod tests;

use std::ops::Range;

use kehoach_model::Plan;
use serde::Serialize;

use tokens::{NumberToken, Tokens};
use unit::UnitRead;

/// How the value bounds the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Comparator {
    /// "đạt 100%", "còn 1,06%": the value itself.
    Equal,
    /// "ít nhất", "tối thiểu", "từ … trở lên".
    AtLeast,
    /// "không quá", "tối đa".
    AtMost,
    /// "trên", ">", "cao hơn".
    Above,
    /// "dưới", "<", "thấp hơn".
    Below,
    /// "khoảng", "gần", "xấp xỉ".
    About,
    /// "20 - 25%", "từ 1,5 - 2,0": `value` to `max`.
    Range,
}

/// What the unit measures, whatever its printed spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum UnitKind {
    Percent,
    /// "45/100.000 trẻ đẻ sống", "45/10 vạn".
    PerHundredThousand,
    /// "10/1000 trẻ đẻ sống", "10 ca trên 1000".
    PerThousand,
    /// "gấp 1,5 lần (so với năm 2015)": a multiple of the base.
    TimesBase,
    /// "giảm 1,5%/năm", "tăng 11-12%/năm".
    PercentPerYear,
    /// "89 xã", "6/13 đơn vị cấp huyện".
    Count,
    /// "20.000 USD", "360 tỷ đồng".
    Currency,
    /// A measured unit: "ha", "triệu m3", "km".
    Other,
}

/// The way the target wants the measure to move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    Increase,
    Decrease,
    Maintain,
}

/// How sure the reading is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "reading", rename_all = "kebab-case")]
pub enum Reading {
    Clear,
    /// One reading is given, but another is possible (`reason` names it).
    Ambiguous {
        reason: &'static str,
    },
    /// A number with no clear reading: `value` may be set, nothing else is to
    /// be trusted.
    Unclear {
        reason: &'static str,
    },
}

/// One quantified target found in a statement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    /// The number (the lower end of a range); `None` when unreadable.
    pub value: Option<f64>,
    /// Upper end of a range.
    pub max: Option<f64>,
    /// The denominator of "6/13 đơn vị": 13.
    pub out_of: Option<f64>,
    pub comparator: Comparator,
    /// The unit as printed ("%", "/100.000 trẻ đẻ sống", "xã").
    pub unit: String,
    pub unit_kind: UnitKind,
    /// The value is a change from the base ("giảm 10%", "gấp 1,5 lần",
    /// "giảm một nửa"), not a level to reach.
    pub change: bool,
    /// The year the value is due ("Đến năm 2030"; the end of "giai đoạn
    /// 2021-2025").
    pub year: Option<i32>,
    /// The start of the period when the year came from one ("2021-2025").
    pub from_year: Option<i32>,
    /// "so với năm 2015".
    pub base_year: Option<i32>,
    /// A base that is not a year, as printed ("kịch bản cơ sở").
    pub base: Option<String>,
    pub direction: Option<Direction>,
    /// Byte span of the phrase in the statement.
    pub span: Range<usize>,
    pub phrase: String,
    #[serde(flatten)]
    pub reading: Reading,
}

impl Quantity {
    pub fn is_unclear(&self) -> bool {
        matches!(self.reading, Reading::Unclear { .. })
    }
}

/// A quantity with the target statement it was read from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetQuantity {
    pub target: String,
    /// The target's line in the document.
    pub line: usize,
    pub quantity: Quantity,
}

/// Every quantity of a statement, in text order.
pub fn quantities(text: &str) -> Vec<Quantity> {
    let tokens = Tokens::scan(text);
    let mut out: Vec<Quantity> = Vec::new();
    // A unit may hold digits ("/100.000", "/13"): those are read already.
    let mut read_up_to = 0;
    for n in &tokens.numbers {
        if n.span.start < read_up_to {
            continue;
        }
        read_up_to = n.span.end;
        if let Some(q) = read_quantity(text, &tokens, n) {
            read_up_to = read_up_to.max(q.span.end);
            out.push(q);
        }
    }
    apply_respectively(text, &tokens, &mut out);
    out
}

/// Every quantity of every target statement of a plan, in plan order.
pub fn plan_quantities(plan: &Plan) -> Vec<TargetQuantity> {
    plan.targets()
        .flat_map(|t| {
            quantities(&t.text)
                .into_iter()
                .map(move |quantity| TargetQuantity {
                    target: t.code.clone(),
                    line: t.line,
                    quantity,
                })
        })
        .collect()
}

/// One number (or range) read with its unit and context; `None` when the
/// number is an age, a duration or a population group, which say who or how
/// long rather than how much.
fn read_quantity(text: &str, tokens: &Tokens, n: &NumberToken) -> Option<Quantity> {
    let unit = match n.preset {
        Some(kind) => UnitRead::preset(text, kind, n.span.clone()),
        None => unit::read_unit(text, n.span.end),
    };
    let UnitRead::Unit(unit) = unit else {
        return None;
    };
    let clause = context::clause_before(text, n.span.start);
    if unit.kind == Some(UnitKind::Percent) && context::names_a_group(text, clause.clone(), n) {
        return None;
    }
    let cmp = context::comparator(text, clause.clone(), n, unit.end);
    let verb = context::direction_verb(text, clause.clone());
    let change = is_change(text, n, &unit, &cmp, verb.as_ref());
    let direction = verb.as_ref().map(|v| v.direction).or_else(|| {
        if unit.kind == Some(UnitKind::TimesBase) {
            Some(Direction::Increase)
        } else if change {
            None
        } else {
            context::direction_of(cmp.comparator)
        }
    });
    let after_end = context::clause_end(text, unit.end);
    let (base_year, base, base_end) = context::base(text, unit.end..after_end);
    let when = tokens.year_for(n.span.clone(), unit.end..after_end);
    let start = verb.as_ref().map_or(cmp.start, |v| v.start.min(cmp.start));
    let end = base_end.unwrap_or(unit.end).max(unit.end);
    let doubts = [
        (cmp.comparative, "comparative-qualifier"),
        (change && direction.is_none(), "change-without-direction"),
        (
            // "giảm 20% tỷ lệ tử vong": a fifth less, or twenty points less?
            change
                && unit.kind == Some(UnitKind::Percent)
                && n.preset.is_none()
                && context::names_a_rate(text, clause.start..after_end),
            "percent-or-points",
        ),
        (
            when.is_some_and(|w| w.from.is_some_and(|f| f > w.year)),
            "period-reversed",
        ),
    ];
    Some(Quantity {
        value: n.value,
        max: n.max,
        out_of: unit.out_of,
        comparator: cmp.comparator,
        unit: unit.printed.clone(),
        unit_kind: unit.kind.unwrap_or(UnitKind::Other),
        change,
        year: when.map(|w| w.year),
        from_year: when.and_then(|w| w.from),
        base_year,
        base,
        direction,
        span: start..end,
        phrase: text.get(start..end).unwrap_or_default().to_string(),
        reading: judge(n, &unit, &doubts),
    })
}

/// "giảm 10%", "gấp 1,5 lần", "giảm một nửa" state a change; "giảm … xuống
/// 10%", "giảm dưới 15%" (to below 15%) and "đạt 10%" a level.
fn is_change(
    text: &str,
    n: &NumberToken,
    unit: &unit::Unit,
    cmp: &context::Cmp,
    verb: Option<&context::Verb>,
) -> bool {
    if unit.kind == Some(UnitKind::TimesBase) || n.preset == Some(UnitKind::Percent) {
        return true;
    }
    let bound_of_level = matches!(
        cmp.comparator,
        Comparator::Below | Comparator::Above | Comparator::AtMost
    );
    verb.is_some_and(|v| {
        v.is_change_verb && !bound_of_level && context::no_level_marker(text, v.end..cmp.start)
    })
}

/// Unclear when the number or its unit cannot be read; else ambiguous for
/// the first doubt that holds; else clear.
fn judge(n: &NumberToken, unit: &unit::Unit, doubts: &[(bool, &'static str)]) -> Reading {
    if n.value.is_none() {
        return Reading::Unclear {
            reason: "unreadable-number",
        };
    }
    if unit.kind.is_none() {
        return Reading::Unclear {
            reason: if unit.printed.is_empty() {
                "no-unit"
            } else {
                "unknown-unit"
            },
        };
    }
    match doubts.iter().find(|(holds, _)| *holds) {
        Some(&(_, reason)) => Reading::Ambiguous { reason },
        None => Reading::Clear,
    }
}

/// "giai đoạn 2017 - 2020, 2021 - 2025 và 2026 - 2030 đạt tương ứng 13,5%,
/// 13% và 12,5%": the years go to the quantities in order. When the counts
/// differ, the quantities are flagged rather than paired by guess.
fn apply_respectively(text: &str, tokens: &Tokens, out: &mut [Quantity]) {
    for (pos, _) in text.match_indices("tương ứng") {
        let sentence = context::sentence_around(text, pos);
        let years = tokens.years_in(sentence.start..pos);
        let after = pos..sentence.end;
        let group: Vec<&mut Quantity> = out
            .iter_mut()
            .filter(|q| after.start <= q.span.start && q.span.start < after.end)
            .collect();
        if group.len() < 2 && years.len() < 2 {
            continue;
        }
        if group.len() == years.len() {
            for (q, when) in group.into_iter().zip(years) {
                q.year = Some(when.year);
                q.from_year = when.from;
            }
        } else {
            for q in group {
                if !q.is_unclear() {
                    q.reading = Reading::Ambiguous {
                        reason: "respectively-mismatch",
                    };
                }
            }
        }
    }
}
