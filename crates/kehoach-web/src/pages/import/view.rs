//! The preview page's data: what the parsed document holds, what storing it
//! would do, its notes beside their source lines, and the agency choices.

use askama::Template;
use kehoach_store::plans::document::Parsed;
use kehoach_store::plans::identity::plan_identity;
use kehoach_store::plans::lookup::KnownPlan;

use super::unknown_agencies;
use crate::error::AppError;
use crate::pages::Chrome;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "import_preview.html")]
pub struct PreviewPage {
    pub chrome: Chrome,
    pub token: String,
    pub file_name: String,
    pub meta: Vec<(&'static str, String)>,
    pub goals: i64,
    pub targets: i64,
    pub tasks: i64,
    pub indicators: i64,
    /// "import.status_new" / "_version" / "_unchanged".
    pub status_key: &'static str,
    pub known: Option<KnownPlan>,
    pub tree: Vec<GoalRow>,
    pub loose_tasks: usize,
    pub notes: Vec<NoteRow>,
    pub unknown: Vec<UnknownRow>,
    /// Existing agencies (id, name), in Vietnamese order.
    pub choices: Vec<(i64, String)>,
}

pub struct GoalRow {
    pub code: String,
    pub title: String,
    pub line: usize,
    pub targets: Vec<TargetRow>,
}

pub struct TargetRow {
    pub code: String,
    pub text: String,
    pub tasks: usize,
}

pub struct NoteRow {
    pub severity: &'static str,
    pub code: String,
    pub message: String,
    pub line: Option<usize>,
    /// The source line the note is about, as read.
    pub text: String,
}

pub struct UnknownRow {
    pub field: String,
    pub name: String,
    pub spellings: String,
}

impl PreviewPage {
    pub async fn build(
        state: &AppState,
        chrome: Chrome,
        token: String,
        file_name: String,
        parsed: &Parsed,
    ) -> Result<PreviewPage, AppError> {
        let imported = &parsed.imported;
        let plan = &imported.plan;
        let (status_key, known) = match state.store.plan_by_sha256(&imported.source.sha256).await? {
            Some(known) => ("import.status_unchanged", Some(known)),
            None => {
                let identity = plan_identity(plan, &imported.source.file);
                match state.store.plan_by_identity(&identity).await? {
                    Some(known) => ("import.status_version", Some(known)),
                    None => ("import.status_new", None),
                }
            }
        };
        let tree: Vec<GoalRow> = plan.goals.iter().map(goal_row).collect();
        let targets = plan.goals.iter().map(|g| g.targets.len()).sum::<usize>();
        let tasks = plan
            .goals
            .iter()
            .flat_map(|g| &g.targets)
            .map(|t| t.tasks.len())
            .sum::<usize>()
            + plan.tasks.len();
        let meta = metadata(parsed, &chrome);
        Ok(PreviewPage {
            chrome,
            token,
            file_name,
            meta,
            goals: count(plan.goals.len()),
            targets: count(targets),
            tasks: count(tasks),
            indicators: count(plan.indicators.len()),
            status_key,
            known,
            tree,
            loose_tasks: plan.tasks.len(),
            notes: notes(parsed),
            unknown: unknown_agencies(plan)
                .enumerate()
                .map(|(n, a)| UnknownRow {
                    field: format!("map_{n}"),
                    name: a.name.clone(),
                    spellings: a.raw.join(" · "),
                })
                .collect(),
            choices: state.store.agency_choices().await?,
        })
    }
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn metadata(parsed: &Parsed, chrome: &Chrome) -> Vec<(&'static str, String)> {
    let doc = &parsed.imported.plan.document;
    let title = parsed
        .imported
        .plan
        .plan
        .title
        .clone()
        .or_else(|| doc.title.clone());
    [
        ("plan.document", doc.kind.clone()),
        ("import.number", doc.number.clone()),
        (
            "plan.issued",
            doc.issued_on.as_deref().map(|d| chrome.tr.date(d)),
        ),
        ("plan.issuer", doc.issuer.clone()),
        ("import.title", title),
        ("import.layout", Some(parsed.imported.source.layout.clone())),
    ]
    .into_iter()
    .filter_map(|(key, value)| value.map(|v| (key, v)))
    .collect()
}

fn goal_row(goal: &kehoach_model::Goal) -> GoalRow {
    GoalRow {
        code: goal.code.clone(),
        title: goal.title.clone(),
        line: goal.line,
        targets: goal
            .targets
            .iter()
            .map(|t| TargetRow {
                code: t.code.clone(),
                text: shorten(&t.text, 140),
                tasks: t.tasks.len(),
            })
            .collect(),
    }
}

/// At most `max` characters, cut at a character boundary.
fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

/// Every note, in line order, with the text of the line it points at.
fn notes(parsed: &Parsed) -> Vec<NoteRow> {
    let lines: Vec<&str> = parsed.source_text.split('\n').collect();
    let mut notes: Vec<NoteRow> = parsed
        .imported
        .plan
        .diagnostics
        .iter()
        .map(|d| NoteRow {
            severity: d.severity.as_str(),
            code: d.code.clone(),
            message: d.message.clone(),
            line: d.line,
            text: d
                .line
                .and_then(|l| lines.get(l.checked_sub(1)?))
                .map(|t| t.trim().to_string())
                .unwrap_or_default(),
        })
        .collect();
    notes.sort_by_key(|n| n.line.unwrap_or(0));
    notes
}
