//! (to be written)

use crate::layout::Body;
use crate::Ctx;

pub fn parse(_ctx: &mut Ctx) -> Body {
    Body::default()
}
