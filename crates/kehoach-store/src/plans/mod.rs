//! Plans in the database: storing imports, reading plan trees, comparing versions.

pub mod diff;
pub mod document;
pub mod identity;
pub mod lookup;
pub mod quantities;
pub mod read;
pub mod write;
