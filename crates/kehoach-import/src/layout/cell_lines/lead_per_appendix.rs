//! (to be written)

use crate::layout::Body;
use crate::{Ctx, SourceText};

pub fn applies(_src: &SourceText) -> bool {
    false
}

pub fn parse(_ctx: &mut Ctx) -> Body {
    Body::default()
}
