//! One national target (say 3.1) across the plans that have it: the
//! targets carrying its code in the latest version of each plan, and the
//! codes that more than one plan shares (what is worth comparing).

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::error::Result;
use crate::Store;

/// A target of one plan's latest version, with the plan it belongs to.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct CodedTarget {
    pub plan_id: i64,
    pub plan_title: String,
    pub published: i64,
    pub version_id: i64,
    pub document_id: i64,
    pub target_id: i64,
    pub code: String,
    pub text: String,
    pub line: i64,
}

const TARGETS_BY_CODE: &str = "SELECT p.id AS plan_id, p.title AS plan_title, p.published, \
     v.id AS version_id, v.document_id, t.id AS target_id, t.code, t.text, t.line \
     FROM targets t JOIN latest_versions lv ON lv.id = t.version_id \
     JOIN plan_versions v ON v.id = t.version_id JOIN plans p ON p.id = v.plan_id \
     WHERE (t.code = $1 OR t.parent_code = $1) AND p.published >= $2 \
     ORDER BY p.id, t.id";

impl Store {
    /// The targets coded `code` (or lettered under it: 3.1.a for 3.1) in the
    /// latest version of every plan, plan by plan in document order.
    /// `published_only` for the public.
    pub async fn targets_by_code(
        &self,
        code: &str,
        published_only: bool,
    ) -> Result<Vec<CodedTarget>> {
        Ok(sqlx::query_as(TARGETS_BY_CODE)
            .bind(code.trim())
            .bind(i64::from(published_only))
            .fetch_all(&self.pool)
            .await?)
    }

    /// Target codes (national level: a lettered target counts under its
    /// parent) found in more than one plan's latest version, in numeric
    /// order (2.10 after 2.9).
    pub async fn shared_target_codes(&self, published_only: bool) -> Result<Vec<String>> {
        let rows: Vec<(i64, String, Option<String>)> = sqlx::query_as(
            "SELECT p.id, t.code, t.parent_code FROM targets t \
             JOIN latest_versions lv ON lv.id = t.version_id \
             JOIN plans p ON p.id = lv.plan_id WHERE p.published >= $1",
        )
        .bind(i64::from(published_only))
        .fetch_all(&self.pool)
        .await?;
        let mut plans_of: BTreeMap<String, BTreeSet<i64>> = BTreeMap::new();
        for (plan, code, parent) in rows {
            plans_of
                .entry(parent.unwrap_or(code))
                .or_default()
                .insert(plan);
        }
        let mut codes: Vec<String> = plans_of
            .into_iter()
            .filter(|(_, plans)| plans.len() > 1)
            .map(|(code, _)| code)
            .collect();
        codes.sort_by(|a, b| compare_codes(a, b));
        Ok(codes)
    }
}

/// Dotted codes part by part, numbers as numbers: 2.9 < 2.10 < 10.1.
pub fn compare_codes(a: &str, b: &str) -> Ordering {
    let mut left = a.split('.');
    let mut right = b.split('.');
    loop {
        match (left.next(), right.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) => {
                let order = match (x.parse::<u64>(), y.parse::<u64>()) {
                    (Ok(m), Ok(n)) => m.cmp(&n),
                    (Ok(_), Err(_)) => Ordering::Less,
                    (Err(_), Ok(_)) => Ordering::Greater,
                    (Err(_), Err(_)) => x.cmp(y),
                };
                if order != Ordering::Equal {
                    return order;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_compare_as_numbers() {
        let mut codes = vec!["10.1", "2.10", "2.9", "2.9.a", "3.1"];
        codes.sort_by(|a, b| compare_codes(a, b));
        assert_eq!(codes, ["2.9", "2.9.a", "2.10", "3.1", "10.1"]);
    }
}
