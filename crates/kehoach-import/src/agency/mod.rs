//! The agency registry: every way the corpus names an agency, mapped to one
//! canonical name. Data lives in [`registry`] (one table, easy to extend);
//! how a cell is cut into names lives in [`split`]; [`AgencyBook`] records
//! what one document used.

mod book;
mod entries;
mod key;
mod level;
mod places;
pub mod registry;
mod split;

pub use book::AgencyBook;
pub use key::alias_key;
pub use level::localise;
pub use registry::{Entry, Registry};
pub use split::split_cell;
