//! Search over the latest version of every plan (goals, targets, tasks,
//! indicators) and the agencies, typed with or without diacritics.
//!
//! The database narrows the candidates: every term must occur in the folded
//! text, so the longest term (the likeliest to be rare) is looked for with
//! `LIKE`. Matching, ranking and highlighting are `kehoach_vi::search`'s,
//! on the original text, so that what the page marks is what matched.

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

/// Entries of the latest versions (published ones only when `$2` is 1) and
/// agencies still in use (not merged into another record).
const CANDIDATES: &str =
    "SELECT s.kind, s.ref_id, s.label, s.text, p.id AS plan_id, p.title AS plan_title \
     FROM search_entries s \
     LEFT JOIN plan_versions v ON v.id = s.version_id \
     LEFT JOIN plans p ON p.id = v.plan_id \
     LEFT JOIN agencies a ON s.kind = 'agency' AND a.id = s.ref_id \
     WHERE (s.folded LIKE $1 ESCAPE '\\' OR LOWER(s.label) LIKE $1 ESCAPE '\\') \
     AND ((s.version_id IS NULL AND a.merged_into IS NULL) \
          OR (s.version_id IN (SELECT id FROM latest_versions) AND (p.published = 1 OR $2 = 0)))";

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
        let Some(pattern) = like_pattern(&query) else {
            return Ok(Vec::new());
        };
        let candidates: Vec<Candidate> = sqlx::query_as(CANDIDATES)
            .bind(pattern)
            .bind(i64::from(published_only))
            .fetch_all(&self.pool)
            .await?;
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

/// `%term%` for the longest term, `%` `_` and `\` escaped; None without terms.
fn like_pattern(query: &Query) -> Option<String> {
    let longest = query.terms().max_by_key(|t| t.chars().count())?;
    let mut pattern = String::with_capacity(longest.len() + 2);
    pattern.push('%');
    for c in longest.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    Some(pattern)
}

/// Matches every candidate (its text, or its code), keeps the `limit` best: by score, then agencies
/// before plan items, then in plan and document order.
fn rank(query: &Query, candidates: Vec<Candidate>, limit: usize) -> Vec<SearchHit> {
    let mut folded = FoldedText::default();
    let mut hits: Vec<SearchHit> = candidates
        .into_iter()
        .filter_map(|c| {
            folded.refill(&c.text);
            let in_text = query.find_in(&folded);
            // A code ("3.1") is found by its label; the text then shows no marks.
            let in_label = query.find(&c.label).map(|m| m.score);
            let score = in_text.as_ref().map(|m| m.score).max(in_label)?;
            let spans = in_text.map(|m| m.spans).unwrap_or_default();
            let html = kehoach_vi::highlight_html(&c.text, &spans);
            Some(SearchHit {
                spans: spans
                    .iter()
                    .map(|r| Span {
                        start: r.start,
                        end: r.end,
                    })
                    .collect(),
                html,
                score,
                kind: c.kind,
                id: c.ref_id,
                label: c.label,
                plan_id: c.plan_id,
                plan_title: c.plan_title,
                text: c.text,
            })
        })
        .collect();
    hits.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then_with(|| kind_rank(&a.kind).cmp(&kind_rank(&b.kind)))
            .then_with(|| a.plan_id.cmp(&b.plan_id))
            .then_with(|| a.id.cmp(&b.id))
    });
    hits.truncate(limit);
    hits
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
    fn the_longest_term_narrows_and_wildcards_are_escaped() {
        assert_eq!(
            like_pattern(&Query::parse("Kế hoạch đầu tư")).as_deref(),
            Some("%hoach%")
        );
        assert_eq!(like_pattern(&Query::parse("  ,; ")), None);
        assert_eq!(like_pattern(&Query::parse("d")).as_deref(), Some("%d%"));
    }
}
