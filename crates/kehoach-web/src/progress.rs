//! How the web app applies the progress methods (kehoach-progress) to an
//! indicator's series: which observations, which target, which direction.
//! One place, so that the plan's overview and the indicator's explanation
//! never disagree.

use kehoach_progress::opensdg::{assess_series, CagrConfig, ProgressStatus, SeriesAssessment};
use kehoach_progress::{Direction, Lang as ProgressLang, Observation};
use kehoach_store::reporting::series::Series;
use kehoach_vi::Lang;

/// The methods' own language type.
pub fn lang(lang: Lang) -> ProgressLang {
    match lang {
        Lang::Vi => ProgressLang::Vi,
        Lang::En => ProgressLang::En,
    }
}

/// The plan's furthest target (the year the plan aims at), if any.
fn final_target(series: &Series) -> Option<&kehoach_store::reporting::series::Point> {
    series.targets.iter().max_by_key(|t| t.year)
}

/// Which way is better: a target's comparator says it ("dưới 8", "≥ 90");
/// else the target against the first observation; None when nothing tells.
pub fn direction(series: &Series) -> Option<Direction> {
    let target = final_target(series)?;
    match target.comparator.as_deref() {
        Some("<") | Some("<=") => return Some(Direction::Decrease),
        Some(">") | Some(">=") => return Some(Direction::Increase),
        _ => {}
    }
    let first = series.observations().first().map(|p| p.value)?;
    if target.value < first {
        Some(Direction::Decrease)
    } else {
        Some(Direction::Increase)
    }
}

/// The Open SDG / Statistics Canada measure of the series against the
/// plan's furthest target; None when there is no target to tell the
/// direction (the method needs one) or nothing observed.
pub fn assess(series: &Series) -> Option<SeriesAssessment> {
    let observations: Vec<Observation> = series
        .observations()
        .iter()
        .filter_map(|p| {
            i32::try_from(p.year)
                .ok()
                .map(|y| Observation::new(y, p.value))
        })
        .collect();
    if observations.is_empty() {
        return None;
    }
    let target = final_target(series)?;
    let year = i32::try_from(target.year).ok()?;
    let config = CagrConfig::new(direction(series)?).with_target(target.value, year);
    Some(assess_series(&observations, &config))
}

/// A status as a CSS class suffix (colour) beside its words.
pub fn status_class(status: ProgressStatus) -> &'static str {
    status.code()
}

#[cfg(test)]
mod tests {
    use super::*;
    use kehoach_store::reporting::series::Point;

    fn point(year: i64, value: f64, comparator: Option<&str>) -> Point {
        Point {
            year,
            value,
            text: String::new(),
            comparator: comparator.map(str::to_string),
            max: None,
            source: "plan".into(),
        }
    }

    fn series(baseline: Vec<Point>, reported: Vec<Point>, targets: Vec<Point>) -> Series {
        Series {
            indicator_id: 1,
            plan_id: 1,
            code: None,
            target_code: None,
            name: String::new(),
            unit: None,
            issued_year: Some(2018),
            baseline,
            targets,
            reported,
        }
    }

    #[test]
    fn the_comparator_or_the_target_against_the_base_tells_the_direction() {
        let below = series(
            vec![point(2015, 13.6, None)],
            vec![],
            vec![point(2030, 8.0, Some("<"))],
        );
        assert_eq!(direction(&below), Some(Direction::Decrease));
        let up = series(
            vec![point(2015, 80.0, None)],
            vec![],
            vec![point(2030, 90.0, Some("="))],
        );
        assert_eq!(direction(&up), Some(Direction::Increase));
        let none = series(vec![point(2015, 80.0, None)], vec![], vec![]);
        assert_eq!(direction(&none), None);
    }

    /// Kiên Giang's stunting rate, 13,6 % in 2015, under 8 % by 2030: a
    /// reported 9,7 % in 2024 is ahead of the required pace.
    #[test]
    fn a_series_is_measured_against_the_furthest_target() {
        let s = series(
            vec![point(2015, 13.6, None)],
            vec![point(2024, 9.7, None)],
            vec![point(2020, 12.0, Some("=")), point(2030, 8.0, Some("<"))],
        );
        let result = assess(&s).expect("assessed");
        let ex = &result.explanation;
        assert_eq!(ex.target.map(|t| (t.year, t.value)), Some((2030, 8.0)));
        assert_eq!(ex.latest.map(|t| (t.year, t.value)), Some((2024, 9.7)));
        // CAGR observed (9.7/13.6)^(1/9) - 1 = -3.686 %; required
        // (8/13.6)^(1/15) - 1 = -3.476 %: ratio 1.06, on track.
        let ratio = result.progress_value.expect("a ratio");
        let observed = (9.7f64 / 13.6).powf(1.0 / 9.0) - 1.0;
        let required = (8.0f64 / 13.6).powf(1.0 / 15.0) - 1.0;
        assert!((ratio - observed / required).abs() < 1e-9, "{ratio}");
        assert_eq!(result.status, ProgressStatus::SubstantialProgress);
        // Only the baseline: nothing to measure yet.
        let only_base = series(
            vec![point(2015, 13.6, None)],
            vec![],
            vec![point(2030, 8.0, Some("<"))],
        );
        assert_eq!(
            assess(&only_base).map(|r| r.status),
            Some(ProgressStatus::UnableToAssess)
        );
    }
}
