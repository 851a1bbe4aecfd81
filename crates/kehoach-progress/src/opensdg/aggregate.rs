//! An indicator's status from its series: the mean of their scores, groups
//! of sub-series averaged first so that each sub-indicator weighs the same;
//! "target achieved" only when every scored series meets its target. A status
//! may be set by hand, with a reason, keeping the computed one beside it.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::score::status_from_score;
use super::{ProgressStatus, SeriesAssessment};
use crate::explain::{Explanation, FigureName, Method, Rule};

/// A series, or a group of series (a sub-indicator) averaged before the mean
/// of its level is taken. Groups nest to any depth.
#[derive(Debug, Clone, PartialEq)]
pub enum ScoreNode {
    Series(SeriesAssessment),
    Group(Vec<ScoreNode>),
}

/// A status set by hand and why; `computed` is what the method gave.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Override {
    pub status: ProgressStatus,
    pub reason: String,
    pub computed: ProgressStatus,
}

/// An override needs a reason that says something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverrideError;

impl fmt::Display for OverrideError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a manual progress status needs a reason")
    }
}

impl std::error::Error for OverrideError {}

/// An indicator's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorProgress {
    pub status: ProgressStatus,
    pub score: Option<f64>,
    pub series: Vec<SeriesAssessment>,
    pub manual: Option<Override>,
    pub explanation: Explanation,
}

impl IndicatorProgress {
    /// The same result with a status set by hand; the computed status stays
    /// in `manual.computed` and the rule becomes `manual-override`.
    pub fn overridden(
        mut self,
        status: ProgressStatus,
        reason: &str,
    ) -> Result<IndicatorProgress, OverrideError> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(OverrideError);
        }
        self.manual = Some(Override {
            status,
            reason: reason.to_string(),
            computed: self.status,
        });
        self.status = status;
        self.explanation.rule = Rule::ManualOverride;
        Ok(self)
    }
}

/// The status of an indicator from flat series (no sub-indicator groups).
pub fn aggregate(series: &[SeriesAssessment]) -> IndicatorProgress {
    let nodes: Vec<ScoreNode> = series.iter().cloned().map(ScoreNode::Series).collect();
    aggregate_nodes(&nodes)
}

/// The status of an indicator from series and groups of series.
pub fn aggregate_nodes(nodes: &[ScoreNode]) -> IndicatorProgress {
    let mut ex = Explanation::new(Method::OpenSdgAggregate, Rule::NoSeriesScored);
    let mut series = Vec::new();
    collect_series(nodes, &mut series);
    ex.figure(FigureName::SeriesCount, series.len() as f64);
    let scored = series.iter().filter(|s| s.score.is_some()).count();
    ex.figure(FigureName::ScoredCount, scored as f64);
    let score = mean_score(nodes);
    let all_achieved = scored > 0
        && series
            .iter()
            .filter(|s| s.score.is_some())
            .all(|s| s.target_achieved);
    let status = match score {
        Some(score) => {
            ex.figure(FigureName::Score, score);
            ex.rule = if all_achieved {
                Rule::AllSeriesMeetTarget
            } else {
                Rule::MeanScore
            };
            status_from_score(score, all_achieved)
        }
        None => ProgressStatus::UnableToAssess,
    };
    IndicatorProgress {
        status,
        score,
        series,
        manual: None,
        explanation: ex,
    }
}

fn collect_series(nodes: &[ScoreNode], into: &mut Vec<SeriesAssessment>) {
    for node in nodes {
        match node {
            ScoreNode::Series(s) => into.push(s.clone()),
            ScoreNode::Group(children) => collect_series(children, into),
        }
    }
}

/// The mean of the nodes' scores, each group first reduced to its own mean;
/// nodes without a score do not count.
fn mean_score(nodes: &[ScoreNode]) -> Option<f64> {
    let scores: Vec<f64> = nodes
        .iter()
        .filter_map(|node| match node {
            ScoreNode::Series(s) => s.score,
            ScoreNode::Group(children) => mean_score(children),
        })
        .collect();
    if scores.is_empty() {
        None
    } else {
        Some(scores.iter().sum::<f64>() / scores.len() as f64)
    }
}
