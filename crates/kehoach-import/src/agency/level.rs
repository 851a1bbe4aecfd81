//! Canonical names are written for a province ("Công an tỉnh"); a centrally
//! run city names the same bodies with "thành phố" ("Công an thành phố").
//! The plan's issuer tells which, and names are localised once, at the end.

use kehoach_model::{Indicator, Plan, Task};

/// Rewrites province-level canonical names for a plan issued by a city.
pub fn localise(plan: &mut Plan) {
    let is_city = plan
        .document
        .issuer
        .as_deref()
        .is_some_and(|i| i.starts_with("Ủy ban nhân dân thành phố"));
    if !is_city {
        return;
    }
    for goal in &mut plan.goals {
        for target in &mut goal.targets {
            rename_all(&mut target.lead);
            rename_all(&mut target.coordinating);
            target.tasks.iter_mut().for_each(rename_task);
        }
    }
    plan.tasks.iter_mut().for_each(rename_task);
    plan.indicators.iter_mut().for_each(rename_indicator);
    for rule in &mut plan.reporting {
        rule.recipient = for_city(&rule.recipient);
    }
    for agency in &mut plan.agencies {
        if agency.kind != kehoach_model::AgencyKind::Other {
            agency.name = for_city(&agency.name);
        }
    }
}

fn rename_task(task: &mut Task) {
    rename_all(&mut task.lead);
    rename_all(&mut task.coordinating);
}

fn rename_indicator(ind: &mut Indicator) {
    rename_all(&mut ind.reporter);
    ind.components.iter_mut().for_each(rename_indicator);
}

fn rename_all(names: &mut [String]) {
    for name in names {
        *name = for_city(name);
    }
}

/// "Công an tỉnh" → "Công an thành phố"; "Tỉnh đoàn" → "Thành đoàn".
pub fn for_city(name: &str) -> String {
    if name == "Tỉnh đoàn" {
        return "Thành đoàn".to_string();
    }
    match name.strip_suffix(" tỉnh") {
        Some(stem) => format!("{stem} thành phố"),
        None => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::for_city;

    #[test]
    fn city_names() {
        assert_eq!(for_city("Công an tỉnh"), "Công an thành phố");
        assert_eq!(
            for_city("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
            "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố"
        );
        assert_eq!(for_city("Sở Y tế"), "Sở Y tế");
    }
}
