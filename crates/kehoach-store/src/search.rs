//! Search over the latest version of every plan (goals, targets, tasks,
//! indicators) and the agencies, typed with or without diacritics.
//!
//! The database narrows the candidates: every term must occur in the folded
//! text (or in the code), which `LIKE '%term%'` checks for the longest
//! terms. Matching, ranking and highlighting are `kehoach_vi::search`'s, on
//! the original text, so that what the page marks is what matched.

use kehoach_vi::search::{FoldedText, Query};
use serde::Serialize;

use crate::error::Result;
use crate::Store;

/// One search result.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchHit {
    /// "goal", "target", "task", "indicator" or "agency".
    pub kind: String,
    /// The item's id (task id, target id…, or agency id).
    pub id: i64,
    /// The item's code in its plan ("3.1", "a)"), empty when it has none.
    pub label: String,
    /// None for agencies.
    pub plan_id: Option<i64>,
    pub plan_title: Option<String>,
    pub text: String,
    /// Byte ranges of `text` that matched, sorted and disjoint.
    pub spans: Vec<Span>,
    /// `text` as HTML (escaped) with the matches in `<mark>`.
    pub html: String,
    /// Higher ranks first.
    pub score: u32,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

#[derive(sqlx::FromRow)]
struct Candidate {
    kind: String,
    ref_id: i64,
    label: String,
    text: String,
    plan_id: Option<i64>,
    plan_title: Option<String>,
}

/// Terms the database checks (the longest ones); the rest, if any, are
/// checked in memory like everything else.
const MAX_SQL_TERMS: usize = 6;

/// Entries of the latest versions (published ones only when `$1` is 1) and
/// agencies still in use (not merged into another record), whose folded text
/// (or code) contains every term: `$2`… are `%term%` patterns.
fn candidates_sql(terms: usize) -> String {
    let all_in = |column: &str| {
        (0..terms)
            .map(|i| format!("{column} LIKE ${} ESCAPE '\\'", i + 2))
            .collect::<Vec<_>>()
            .join(" AND ")
    };
    format!(
        "SELECT s.kind, s.ref_id, s.label, s.text, p.id AS plan_id, p.title AS plan_title \
         FROM search_entries s \
         LEFT JOIN plan_versions v ON v.id = s.version_id \
         LEFT JOIN plans p ON p.id = v.plan_id \
         LEFT JOIN agencies a ON s.kind = 'agency' AND a.id = s.ref_id \
         WHERE (({}) OR ({})) \
         AND ((s.version_id IS NULL AND a.merged_into IS NULL) \
              OR (s.version_id IN (SELECT id FROM latest_versions) AND (p.published = 1 OR $1 = 0)))",
        all_in("s.folded"),
        all_in("LOWER(s.label)")
    )
}

impl Store {
    /// The `limit` best matches of `query`; none for an empty query.
    /// `published_only` for the public, who sees only published plans.
    pub async fn search(
        &self,
        query: &str,
        published_only: bool,
        limit: usize,
    ) -> Result<Vec<SearchHit>> {
        let query = Query::parse(query);
        let patterns = like_patterns(&query);
        if patterns.is_empty() {
            return Ok(Vec::new());
        }
        let sql = candidates_sql(patterns.len());
        let mut select = sqlx::query_as::<_, Candidate>(sqlx::AssertSqlSafe(sql))
            .bind(i64::from(published_only));
        for pattern in patterns {
            select = select.bind(pattern);
        }
        let candidates = select.fetch_all(&self.pool).await?;
        Ok(rank(&query, candidates, limit))
    }

    /// How many entries a search may look at (all plans, latest versions).
    pub async fn search_entry_count(&self) -> Result<i64> {
        Ok(sqlx::query_scalar(
            "SELECT COUNT(*) FROM search_entries \
             WHERE version_id IS NULL OR version_id IN (SELECT id FROM latest_versions)",
        )
        .fetch_one(&self.pool)
        .await?)
    }
}

/// `%term%` for the longest terms (at most `MAX_SQL_TERMS`), `%` `_` and
/// `\\` escaped; none without terms.
fn like_patterns(query: &Query) -> Vec<String> {
    let mut terms: Vec<&str> = query.terms().collect();
    terms.sort_by_key(|t| std::cmp::Reverse(t.chars().count()));
    terms.truncate(MAX_SQL_TERMS);
    terms.into_iter().map(like_pattern).collect()
}

fn like_pattern(term: &str) -> String {
    let mut pattern = String::with_capacity(term.len() + 2);
    pattern.push('%');
    for c in term.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

/// Matches every candidate (its text, or its code), keeps the `limit`
/// best: by score, then agencies before plan items, then in plan and
/// document order. Only those kept are highlighted.
fn rank(query: &Query, candidates: Vec<Candidate>, limit: usize) -> Vec<SearchHit> {
    let mut folded = FoldedText::default();
    let mut found: Vec<(u32, Vec<std::ops::Range<usize>>, Candidate)> = candidates
        .into_iter()
        .filter_map(|c| {
            folded.refill(&c.text);
            let in_text = query.find_in(&folded);
            // A code ("3.1") is found by its label; the text then shows no marks.
            let in_label = query.find(&c.label).map(|m| m.score);
            let score = in_text.as_ref().map(|m| m.score).max(in_label)?;
            Some((score, in_text.map(|m| m.spans).unwrap_or_default(), c))
        })
        .collect();
    found.sort_by(|(a_score, _, a), (b_score, _, b)| {
        b_score
            .cmp(a_score)
            .then_with(|| kind_rank(&a.kind).cmp(&kind_rank(&b.kind)))
            .then_with(|| a.plan_id.cmp(&b.plan_id))
            .then_with(|| a.ref_id.cmp(&b.ref_id))
    });
    found.truncate(limit);
    found
        .into_iter()
        .map(|(score, spans, c)| SearchHit {
            html: kehoach_vi::highlight_html(&c.text, &spans),
            spans: spans
                .iter()
                .map(|r| Span {
                    start: r.start,
                    end: r.end,
                })
                .collect(),
            score,
            kind: c.kind,
            id: c.ref_id,
            label: c.label,
            plan_id: c.plan_id,
            plan_title: c.plan_title,
            text: c.text,
        })
        .collect()
}

fn kind_rank(kind: &str) -> u8 {
    match kind {
        "agency" => 0,
        "goal" => 1,
        "target" => 2,
        "indicator" => 3,
        _ => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_terms_narrow_and_wildcards_are_escaped() {
        assert_eq!(
            like_patterns(&Query::parse("Kế hoạch đầu tư")),
            ["%hoach%", "%dau%", "%ke%", "%tu%"]
        );
        assert!(like_patterns(&Query::parse("  ,; ")).is_empty());
        assert_eq!(like_patterns(&Query::parse("d")), ["%d%"]);
        assert_eq!(like_pattern("a%b_c\\"), "%a\\%b\\_c\\\\%");
        let many = Query::parse("a b c d e f g h");
        assert_eq!(like_patterns(&many).len(), MAX_SQL_TERMS);
        assert_eq!(candidates_sql(2).matches("LIKE").count(), 4);
    }
}
