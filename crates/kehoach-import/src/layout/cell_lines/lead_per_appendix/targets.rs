//! Targets gathered from all appendices into goals. The same target code
//! may head tables in several appendices (one per lead agency sharing it):
//! it stays one target, its tasks gathered in appendix order, and the first
//! printing gives its text and line.

use std::collections::{BTreeSet, HashMap};

use kehoach_model::{Goal, Target, Task};

use crate::code::TargetCode;
use crate::diagnostics::Diagnostics;

#[derive(Debug, Default)]
pub struct TargetBook {
    goals: Vec<Goal>,
    index: HashMap<String, (usize, usize)>,
    /// Appendices whose tasks each target holds, for the shared-target report.
    appendices: HashMap<String, BTreeSet<String>>,
    /// Targets whose text was borrowed from the row they sit under.
    borrowed: BTreeSet<String>,
}

impl TargetBook {
    /// Adds the target if new. `own_text` is false when the text is borrowed
    /// from the row above (a bare "Mục tiêu 1.3.b:" label): only a target's
    /// own statements are compared between printings.
    pub fn ensure(
        &mut self,
        code: &TargetCode,
        text: &str,
        own_text: bool,
        line: usize,
        diags: &mut Diagnostics,
    ) {
        if let Some(&(g, t)) = self.index.get(&code.code) {
            let target = &self.goals[g].targets[t];
            if own_text && !same_text(&target.text, text) {
                diags.info(
                    "target-text-differs",
                    format!(
                        "target {} is printed again with a different statement (first printed at line {}); the first is kept",
                        code.code, target.line
                    ),
                    Some(line),
                );
            }
            return;
        }
        if !own_text {
            self.borrowed.insert(code.code.clone());
        }
        let g = self.goal_index(&code.goal, line);
        let goal = &mut self.goals[g];
        goal.targets.push(Target {
            code: code.code.clone(),
            parent: code.parent.clone(),
            text: text.to_string(),
            class: None,
            line,
            tasks: Vec::new(),
            lead: Vec::new(),
            coordinating: Vec::new(),
        });
        self.index
            .insert(code.code.clone(), (g, goal.targets.len() - 1));
    }

    /// A goal-level label ("Mục tiêu 2: Xóa đói…") is the goal's title.
    pub fn set_goal_title(&mut self, goal: &str, title: &str, line: usize) {
        let g = self.goal_index(goal, line);
        if self.goals[g].title.is_empty() {
            self.goals[g].title = title.to_string();
        }
    }

    fn goal_index(&mut self, goal: &str, line: usize) -> usize {
        if let Some(i) = self.goals.iter().position(|g| g.code == goal) {
            return i;
        }
        self.goals.push(Goal {
            code: goal.to_string(),
            title: String::new(),
            line,
            targets: Vec::new(),
        });
        self.goals.len() - 1
    }

    /// Files a task; its lead, the appendix's, is a lead of the target too
    /// (each appendix's intro assigns its targets to its lead as a whole).
    /// The task is given back when no such target is known.
    pub fn push_task(&mut self, target: &str, appendix: &str, task: Task) -> Option<Task> {
        let Some(&(g, t)) = self.index.get(target) else {
            return Some(task);
        };
        let target_entry = &mut self.goals[g].targets[t];
        for name in &task.lead {
            if !target_entry.lead.contains(name) {
                target_entry.lead.push(name.clone());
            }
        }
        target_entry.tasks.push(task);
        self.appendices
            .entry(target.to_string())
            .or_default()
            .insert(appendix.to_string());
        None
    }

    /// One info per target whose tasks come from several appendices.
    pub fn report_shared(&self, diags: &mut Diagnostics) {
        for goal in &self.goals {
            for target in &goal.targets {
                let Some(apps) = self.appendices.get(&target.code) else {
                    continue;
                };
                if apps.len() > 1 {
                    let list = apps.iter().cloned().collect::<Vec<_>>().join(", ");
                    diags.info(
                        "target-shared-by-leads",
                        format!(
                            "target {} has tasks in appendices {list}, each with its own lead; they are kept as one target",
                            target.code
                        ),
                        Some(target.line),
                    );
                }
            }
        }
    }

    /// The goals, each sub-target without a statement of its own taking its
    /// parent's statement where the parent is printed somewhere.
    pub fn into_goals(mut self) -> Vec<Goal> {
        for code in &self.borrowed {
            let parent_text = self
                .index
                .get(code)
                .and_then(|&(g, t)| self.goals[g].targets[t].parent.as_ref())
                .and_then(|p| self.index.get(p))
                .map(|&(g, t)| self.goals[g].targets[t].text.clone());
            if let (Some(text), Some(&(g, t))) = (parent_text, self.index.get(code)) {
                self.goals[g].targets[t].text = text;
            }
        }
        self.goals
    }
}

fn same_text(a: &str, b: &str) -> bool {
    let key = |s: &str| {
        kehoach_vi::fold(s)
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    key(a) == key(b)
}
