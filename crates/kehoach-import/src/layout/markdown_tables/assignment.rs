//! A task block as a contract task: its assignment text cleaned of what is
//! not an agency name, then resolved against the registry.

use kehoach_model::Task;

use super::tasks::{short, Block};
use crate::Ctx;

/// A block as a contract task, its agencies resolved.
pub fn block_task(ctx: &mut Ctx, block: &Block, target_code: Option<&str>) -> Task {
    let lead_raw = block
        .lead_raw
        .as_deref()
        .map(|s| clean_agency_text(ctx, s, block.assign_line));
    let coordinating_raw = block
        .coordinating_raw
        .as_deref()
        .map(|s| clean_agency_text(ctx, s, block.assign_line));
    let lead = lead_raw
        .as_deref()
        .map(|s| ctx.agencies.resolve(s, block.assign_line, ctx.diags))
        .unwrap_or_default();
    let coordinating = coordinating_raw
        .as_deref()
        .map(|s| ctx.agencies.resolve(s, block.assign_line, ctx.diags))
        .unwrap_or_default();
    Task {
        code: match (target_code, &block.letter) {
            (Some(t), Some(l)) => Some(format!("{t}.{l}")),
            _ => None,
        },
        text: block.lines.join("\n"),
        line: block.line,
        lead,
        coordinating,
        lead_raw,
        coordinating_raw,
        period: None,
        periods: Vec::new(),
        inherited: block.inherited.clone(),
    }
}

/// Removes what is not an agency name from an assignment cell: a stray role
/// word ("Sở Kế hoạch và Đầu tư chủ trì"), a cited document in parentheses,
/// doubled separators. Each removal is reported.
pub fn clean_agency_text(ctx: &mut Ctx, text: &str, line: usize) -> String {
    let mut out = text.to_string();
    if out.contains("chủ trì") {
        out = out.replace("chủ trì", "");
        ctx.diags.info(
            "stray-role-word",
            format!(
                "\"chủ trì\" inside an agency list removed: \"{}\"",
                short(text)
            ),
            Some(line),
        );
    }
    if let (Some(open), Some(close)) = (out.find('('), out.find(')')) {
        if open < close && out[open..close].contains('/') {
            ctx.diags.info(
                "citation-in-agency-list",
                format!(
                    "document citation removed from an agency list: \"{}\"",
                    &out[open..=close]
                ),
                Some(line),
            );
            out.replace_range(open..=close, "");
        }
    }
    out = separate_listed_names(&out);
    while out.contains(",,") || out.contains(", ,") {
        out = out.replace(",,", ",").replace(", ,", ",");
    }
    kehoach_vi::clean_line(&out)
}

/// Words that start an agency's name: a " và " or a space before them joins
/// two names of a list ("…, thành phố và các đơn vị liên quan", "Sở Y tế Sở
/// Tài chính"), never two halves of one name ("Sở Kế hoạch và Đầu tư").
const NAME_HEADS: &[&str] = &[
    "các ",
    "Các ",
    "Sở ",
    "UBND ",
    "Ủy ban ",
    "Hội ",
    "Đoàn ",
    "Ban ",
    "Đài ",
    "Báo ",
    "Công an ",
];

/// Turns list conjunctions between agency names into commas, so that a
/// cell splits into its names.
fn separate_listed_names(text: &str) -> String {
    let mut out = text.to_string();
    // Every pattern holds " và ", and no replacement brings one in.
    // Heads in turn, as before; a head that does not follow " và " costs
    // one search, no pattern strings and no copy of the cell.
    if out.contains(" và ") {
        let mut pattern = String::new();
        for head in NAME_HEADS {
            pattern.clear();
            pattern.push_str(" và ");
            pattern.push_str(head);
            if out.contains(pattern.as_str()) {
                out = out.replace(pattern.as_str(), &format!(", {head}"));
            }
        }
    }
    // "Sở Y tế Sở Lao động": a name glued to the next one without a comma.
    let mut glued = String::with_capacity(out.len());
    let mut rest = out.as_str();
    while let Some(pos) = rest.find(" Sở ") {
        let before = &rest[..pos];
        glued.push_str(before);
        if before.ends_with(|c: char| c.is_alphanumeric()) {
            glued.push(',');
        }
        glued.push_str(" Sở ");
        rest = &rest[pos + " Sở ".len()..];
    }
    glued.push_str(rest);
    glued
}

#[cfg(test)]
mod tests {
    use super::separate_listed_names;

    #[test]
    fn list_conjunctions_become_commas() {
        assert_eq!(
            separate_listed_names("UBND các huyện, thị xã, thành phố và các đơn vị liên quan"),
            "UBND các huyện, thị xã, thành phố, các đơn vị liên quan"
        );
        assert_eq!(
            separate_listed_names("Sở Kế hoạch và Đầu tư"),
            "Sở Kế hoạch và Đầu tư"
        );
        assert_eq!(
            separate_listed_names("Sở Y tế Sở Lao động - Thương binh và Xã hội"),
            "Sở Y tế, Sở Lao động - Thương binh và Xã hội"
        );
    }
}
