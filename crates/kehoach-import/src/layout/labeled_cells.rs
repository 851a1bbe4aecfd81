//! (to be written: see the module list in layout/mod.rs)

use super::Body;
use crate::Ctx;

pub fn parse(_ctx: &mut Ctx) -> Body {
    Body::default()
}
