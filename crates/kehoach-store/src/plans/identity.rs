//! What makes two imports "the same plan" and two tasks "the same task", so
//! that a re-import is recognised and a new version can be compared with the
//! one before.

use kehoach_model::{Plan, Task};
use kehoach_vi::fold;
use sha2::{Digest, Sha256};

/// A plan is known by who issued it and what it is called: an amended
/// decision keeps both, while its number and date change.
pub fn plan_identity(plan: &Plan, file_name: &str) -> String {
    let issuer = plan.document.issuer.as_deref().unwrap_or("");
    let title = plan
        .plan
        .title
        .as_deref()
        .or(plan.document.title.as_deref())
        .unwrap_or(file_name);
    format!("{}|{}", squash(&fold(issuer)), squash(&fold(title)))
}

/// A task is known by its target and its number where the plan numbers
/// tasks; otherwise by its text, so an edited unnumbered task counts as one
/// removed and one added.
pub fn task_identity(target_code: Option<&str>, task: &Task) -> String {
    let target = target_code.unwrap_or("-");
    match task.code.as_deref() {
        Some(code) if !code.is_empty() => format!("{target}/{code}"),
        _ => {
            let digest = Sha256::digest(squash(&fold(&task.text)).as_bytes());
            format!("{target}/#{}", &hex::encode(digest)[..12])
        }
    }
}

/// Words only, single spaces: punctuation and spacing differences between two
/// printings of one title do not make a new plan.
fn squash(folded: &str) -> String {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_differing_in_case_accents_and_punctuation_are_one_plan() {
        let mut a = Plan::default();
        a.document.issuer = Some("Ủy ban nhân dân tỉnh Bến Tre".into());
        a.plan.title = Some("KẾ HOẠCH HÀNH ĐỘNG  phát triển bền vững.".into());
        let mut b = a.clone();
        b.plan.title = Some("Kế hoạch hành động phát triển bền vững".into());
        assert_eq!(plan_identity(&a, "a.txt"), plan_identity(&b, "b.txt"));
        b.document.issuer = Some("Ủy ban nhân dân tỉnh Kiên Giang".into());
        assert_ne!(plan_identity(&a, "a.txt"), plan_identity(&b, "b.txt"));
    }

    #[test]
    fn numbered_tasks_keep_their_identity_when_reworded() {
        let mut task = Task {
            code: Some("1".into()),
            text: "Rà soát".into(),
            ..Task::default()
        };
        let before = task_identity(Some("3.1"), &task);
        task.text = "Rà soát, bổ sung".into();
        assert_eq!(before, task_identity(Some("3.1"), &task));
        task.code = None;
        let unnumbered = task_identity(Some("3.1"), &task);
        task.text = "Rà soát".into();
        assert_ne!(unnumbered, task_identity(Some("3.1"), &task));
    }
}
