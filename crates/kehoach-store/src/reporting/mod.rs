//! The reporting chain (issue 4): periods generated from a plan's reporting
//! rules, agency reports with one entry per led task, coordinating inputs
//! kept apart, review and lock, indicator values with every revision,
//! compliance and reminders. Every function takes the `Principal` acting and
//! checks it against the one rights table in `rights.rs`.

pub mod agency_queries;
pub mod compliance;
pub mod consolidation;
pub mod contributions;
pub mod entries;
pub mod evidence;
pub mod grouped_saves;
pub mod indicators;
pub mod periods;
pub mod phase;
pub mod principal;
pub mod publication;
pub mod reminders;
pub mod reports;
pub mod review;
pub mod review_queries;
pub mod rights;
pub mod series;
pub mod setup;
pub mod task_states;
pub mod types;

pub use entries::Conflicting;
pub use principal::Principal;
pub use rights::{Action, Resource};
pub use types::*;

/// Plans are Vietnamese: whether a report came in on time is judged on the
/// calendar in Vietnam (UTC+7), not in UTC.
const VIETNAM_OFFSET_SECONDS: i64 = 7 * 3600;

/// The date in Vietnam at Unix time `unix`, as YYYY-MM-DD.
pub fn local_date(unix: i64) -> String {
    crate::clock::date_of(unix.saturating_add(VIETNAM_OFFSET_SECONDS))
}
