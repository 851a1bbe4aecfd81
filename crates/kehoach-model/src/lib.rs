//! The kehoach domain model: what a plan document says, as data.
//!
//! These types serialise to the import contract (`kehoach import --json`,
//! see docs/IMPORT-CONTRACT.md): field names here *are* the contract, so a
//! rename is a breaking change for every tool that reads the JSON.

#![forbid(unsafe_code)]

mod agency;
mod diagnostic;
mod document;
mod indicator;
mod plan;
mod reporting;

pub use agency::{Agency, AgencyKind};
pub use diagnostic::{Diagnostic, Severity};
pub use document::Document;
pub use indicator::{Comparator, Indicator, IndicatorValue};
pub use plan::{Goal, InheritedField, Plan, PlanHeader, Target, TargetClass, Task, YearRange};
pub use reporting::{Due, Recurrence, ReportingRule};
