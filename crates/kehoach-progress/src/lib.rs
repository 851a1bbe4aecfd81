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
