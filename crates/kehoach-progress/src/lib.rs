//! Progress assessment for kehoach: pure functions from a series of yearly
//! values (and a target's task states) to a status that carries its own
//! explanation, so that every page showing a status can also show why.
//!
//! - [`opensdg`]: the compound-growth progress measure of Eurostat, adopted by
//!   Statistics Canada and built into Open SDG (sdg-build's `ProgressMeasure`).
//! - [`escap`]: ESCAP's current status and anticipated progress (projection to
//!   the target year by a time-weighted linear regression).
//! - [`combine`]: a target's status from its indicators' progress and its
//!   tasks' states, with the disagreements between the two flagged.
//!
//! Every status, rule, warning and figure has a stable kebab-case code and a
//! Vietnamese and English label, all in [`labels`].
//!
//! ```
//! use kehoach_progress::opensdg::{aggregate, assess_series, CagrConfig, ProgressStatus};
//! use kehoach_progress::{Direction, FigureName, Lang, Observation, Rule};
//!
//! // Statistics Canada's indicator 1-2-1 as published: 14.5 in 2015, 10.2 in 2023,
//! // target 7.25 in 2030, lower is better.
//! let series = [Observation::new(2015, 14.5), Observation::new(2023, 10.2)];
//! let config = CagrConfig::new(Direction::Decrease).with_target(7.25, 2030);
//! let result = assess_series(&series, &config);
//! assert_eq!(result.status, ProgressStatus::SubstantialProgress);
//! assert_eq!(result.status.label(Lang::En), "On track (substantial progress)");
//! assert_eq!(result.status.label(Lang::Vi), "Đúng tiến độ (tiến bộ đáng kể)");
//! let why = &result.explanation;
//! assert_eq!(why.rule, Rule::AtOrAboveHigh);
//! let ratio = why.figure_value(FigureName::ProgressValue).unwrap_or_default();
//! assert!((ratio - 0.9525901792032172).abs() < 1e-12);
//! assert_eq!(aggregate(&[result]).status, ProgressStatus::SubstantialProgress);
//! ```
#![forbid(unsafe_code)]

pub mod combine;
pub mod escap;
pub mod explain;
pub mod labels;
pub mod opensdg;
pub mod series;

pub use combine::{combine, IndicatorInput, TargetAssessment, TargetStatus, TaskInput, TaskState};
pub use explain::{Explanation, Figure, FigureName, Method, Rule, Threshold, Warning, WarningCode};
pub use labels::Lang;
pub use series::{Direction, Observation, Point};
