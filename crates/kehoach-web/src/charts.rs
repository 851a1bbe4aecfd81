//! Charts drawn on the server as SVG: no script, no request leaves the
//! page (the CSP allows neither), and the markup carries its own title and
//! description for screen readers. Colours come from classes in app.css,
//! never from inline styles, and every mark also differs by shape, so no
//! meaning rests on colour alone.

use std::fmt::Write;

use kehoach_store::reporting::series::{Point, Series};
use kehoach_vi::{format_number, Lang};

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 300.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 24.0;
const TOP: f64 = 20.0;
const BOTTOM: f64 = 40.0;

/// What the chart says in words, for its `<desc>`.
pub struct ChartText<'a> {
    pub title: &'a str,
    pub observed: &'a str,
    pub target: &'a str,
}

/// The series as a line of observations (the plan's baseline and the
/// reported values) with the plan's targets as open diamonds, on one year
/// axis. None when there is nothing to draw.
pub fn series_chart(series: &Series, text: &ChartText<'_>, lang: Lang) -> Option<String> {
    let observed: Vec<&Point> = series.observations();
    let targets: Vec<&Point> = series.targets.iter().collect();
    if observed.is_empty() && targets.is_empty() {
        return None;
    }
    let all = observed.iter().chain(targets.iter());
    let (mut y0, mut y1) = (f64::MAX, f64::MIN);
    let (mut x0, mut x1) = (i64::MAX, i64::MIN);
    for p in all {
        y0 = y0.min(p.value);
        y1 = y1.max(p.value);
        x0 = x0.min(p.year);
        x1 = x1.max(p.year);
    }
    let scale = Scale::new(x0, x1, y0, y1);
    let mut svg = String::new();
    let id = series.indicator_id;
    let _ = write!(
        svg,
        "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" aria-labelledby=\"chart-{id}-title chart-{id}-desc\">\
         <title id=\"chart-{id}-title\">{}</title><desc id=\"chart-{id}-desc\">{}</desc>",
        escape(text.title),
        escape(&describe(&observed, &targets, text, lang)),
    );
    axes(&mut svg, &scale, lang);
    if observed.len() > 1 {
        let points: Vec<String> = observed
            .iter()
            .map(|p| format!("{:.1},{:.1}", scale.x(p.year), scale.y(p.value)))
            .collect();
        let _ = write!(
            svg,
            "<polyline class=\"observed\" points=\"{}\"/>",
            points.join(" ")
        );
    }
    for p in &observed {
        let _ = write!(
            svg,
            "<circle class=\"observed\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"4\"><title>{} {}: {}</title></circle>",
            scale.x(p.year),
            scale.y(p.value),
            escape(text.observed),
            p.year,
            escape(&format_number(p.value, 2, lang)),
        );
    }
    for p in &targets {
        let (x, y) = (scale.x(p.year), scale.y(p.value));
        let _ = write!(
            svg,
            "<path class=\"target\" d=\"M{x:.1},{:.1} L{:.1},{y:.1} L{x:.1},{:.1} L{:.1},{y:.1} Z\"><title>{} {}: {}{}</title></path>",
            y - 6.0,
            x + 6.0,
            y + 6.0,
            x - 6.0,
            escape(text.target),
            p.year,
            escape(p.comparator.as_deref().filter(|c| *c != "=").unwrap_or("")),
            escape(&format_number(p.value, 2, lang)),
        );
    }
    svg.push_str("</svg>");
    Some(svg)
}

/// The chart in one sentence: what a sighted reader takes from it.
fn describe(observed: &[&Point], targets: &[&Point], text: &ChartText<'_>, lang: Lang) -> String {
    let list = |points: &[&Point]| {
        points
            .iter()
            .map(|p| format!("{}: {}", p.year, format_number(p.value, 2, lang)))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let mut out = String::new();
    if !observed.is_empty() {
        let _ = write!(out, "{} — {}.", text.observed, list(observed));
    }
    if !targets.is_empty() {
        let _ = write!(out, " {} — {}.", text.target, list(targets));
    }
    out.trim().to_string()
}

struct Scale {
    x0: i64,
    x1: i64,
    y0: f64,
    y1: f64,
    /// Distance between value ticks: 1, 2, 2.5 or 5 times a power of ten.
    step: f64,
}

/// A tick distance people read at a glance, at least `rough`.
fn nice_step(rough: f64) -> f64 {
    if rough <= 0.0 || !rough.is_finite() {
        return 1.0;
    }
    let power = 10f64.powf(rough.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|&s| s >= rough)
        .unwrap_or(10.0 * power)
}

impl Scale {
    /// The value axis starts at zero for positive series (a rate falling
    /// from 13 to 8 must not look like a fall to nothing) and ends on the
    /// first round tick above the highest mark.
    fn new(x0: i64, x1: i64, y0: f64, y1: f64) -> Scale {
        let low = if y0 >= 0.0 { 0.0 } else { y0 };
        let step = nice_step((y1 - low) / 4.0);
        let low = (low / step).floor() * step;
        let mut high = (y1 / step).ceil() * step;
        if high <= low {
            high = low + step;
        }
        let (x0, x1) = if x1 > x0 { (x0, x1) } else { (x0 - 1, x0 + 1) };
        Scale {
            x0,
            x1,
            y0: low,
            y1: high,
            step,
        }
    }

    fn x(&self, year: i64) -> f64 {
        let span = (self.x1 - self.x0) as f64;
        LEFT + (year - self.x0) as f64 / span * (WIDTH - LEFT - RIGHT)
    }

    fn y(&self, value: f64) -> f64 {
        let span = self.y1 - self.y0;
        HEIGHT - BOTTOM - (value - self.y0) / span * (HEIGHT - TOP - BOTTOM)
    }
}

/// Axes with a few year and value ticks.
fn axes(svg: &mut String, s: &Scale, lang: Lang) {
    value_axis(svg, s, lang);
    let bottom = HEIGHT - BOTTOM;
    svg.push_str("<g class=\"axis\">");
    let years = s.x1 - s.x0;
    let step = (years / 6).max(1);
    let mut year = s.x0;
    while year <= s.x1 {
        let _ = write!(
            svg,
            "<text class=\"tick\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{year}</text>",
            s.x(year),
            bottom + 18.0
        );
        year += step;
    }
    svg.push_str("</g>");
}

/// The two axis lines and the value ticks with their grid lines.
fn value_axis(svg: &mut String, s: &Scale, lang: Lang) {
    let bottom = HEIGHT - BOTTOM;
    let _ = write!(
        svg,
        "<g class=\"axis\"><line x1=\"{LEFT}\" y1=\"{bottom}\" x2=\"{}\" y2=\"{bottom}\"/><line x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{LEFT}\" y2=\"{bottom}\"/>",
        WIDTH - RIGHT
    );
    let ticks = ((s.y1 - s.y0) / s.step).round() as i64;
    for i in 0..=ticks.clamp(1, 10) {
        let value = s.y0 + s.step * i as f64;
        let y = s.y(value);
        let label = format_number(value, 2, lang);
        let _ = write!(
            svg,
            "<line class=\"grid\" x1=\"{LEFT}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\"/><text class=\"tick\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            WIDTH - RIGHT,
            LEFT - 6.0,
            y + 4.0,
            escape(&label)
        );
    }
    svg.push_str("</g>");
}

/// One year's standings: on time, late, returned, missing (in that order,
/// bottom to top).
pub struct YearStandings {
    pub year: i64,
    pub counts: [usize; 4],
}

const STANDING_CLASSES: [&str; 4] = ["on-time", "late", "returned", "missing"];

/// Reports per year as stacked bars, one segment per standing, each with
/// its count written on it when there is room and in its tooltip; the
/// legend names the standings in words. None without any year.
pub fn compliance_chart(
    years: &[YearStandings],
    labels: [&str; 4],
    title: &str,
    lang: Lang,
) -> Option<String> {
    let most = years.iter().map(|y| y.counts.iter().sum::<usize>()).max()?;
    if most == 0 {
        return None;
    }
    let scale = Scale::new(0, 1, 0.0, most as f64);
    let band = (WIDTH - LEFT - RIGHT) / years.len() as f64;
    let bar = (band * 0.6).min(60.0);
    let mut svg = String::new();
    let desc = years
        .iter()
        .map(|y| {
            let parts: Vec<String> = labels
                .iter()
                .zip(y.counts)
                .filter(|(_, n)| *n > 0)
                .map(|(l, n)| format!("{l} {n}"))
                .collect();
            format!("{}: {}", y.year, parts.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ");
    let _ = write!(
        svg,
        "<svg class=\"chart compliance\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" aria-labelledby=\"compliance-title compliance-desc\">\
         <title id=\"compliance-title\">{}</title><desc id=\"compliance-desc\">{}</desc>",
        escape(title),
        escape(&desc)
    );
    value_axis(&mut svg, &scale, lang);
    for (i, y) in years.iter().enumerate() {
        let x = LEFT + band * i as f64 + (band - bar) / 2.0;
        let mut below = 0usize;
        for ((count, class), label) in y.counts.iter().zip(STANDING_CLASSES).zip(labels) {
            if *count == 0 {
                continue;
            }
            let top = scale.y((below + count) as f64);
            let height = scale.y(below as f64) - top;
            let _ = write!(
                svg,
                "<rect class=\"{class}\" x=\"{x:.1}\" y=\"{top:.1}\" width=\"{bar:.1}\" height=\"{height:.1}\"><title>{} {}: {count}</title></rect>",
                y.year,
                escape(label)
            );
            if height >= 14.0 {
                let _ = write!(
                    svg,
                    "<text class=\"count\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{count}</text>",
                    x + bar / 2.0,
                    top + height / 2.0 + 4.0
                );
            }
            below += count;
        }
        let _ = write!(
            svg,
            "<text class=\"tick\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            x + bar / 2.0,
            HEIGHT - BOTTOM + 18.0,
            y.year
        );
    }
    svg.push_str("</svg>");
    Some(svg)
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(year: i64, value: f64, source: &str, comparator: Option<&str>) -> Point {
        Point {
            year,
            value,
            text: String::new(),
            comparator: comparator.map(str::to_string),
            max: None,
            source: source.into(),
        }
    }

    fn series() -> Series {
        Series {
            indicator_id: 7,
            plan_id: 1,
            code: Some("2.1".into()),
            target_code: Some("2.1".into()),
            name: "Tỷ lệ <suy> dinh dưỡng".into(),
            unit: Some("%".into()),
            issued_year: Some(2018),
            baseline: vec![point(2015, 13.6, "plan", None)],
            targets: vec![
                point(2020, 12.0, "plan", Some("=")),
                point(2030, 8.0, "plan", Some("<")),
            ],
            reported: vec![point(2024, 9.7, "official", None)],
        }
    }

    const TEXT: ChartText<'static> = ChartText {
        title: "Tỷ lệ <suy> dinh dưỡng",
        observed: "Số liệu",
        target: "Chỉ tiêu",
    };

    #[test]
    fn draws_observations_as_a_line_and_targets_as_diamonds() {
        let svg = series_chart(&series(), &TEXT, Lang::Vi).expect("a chart");
        assert_eq!(svg.matches("<circle class=\"observed\"").count(), 2);
        assert_eq!(svg.matches("<polyline class=\"observed\"").count(), 1);
        assert_eq!(svg.matches("<path class=\"target\"").count(), 2);
        assert!(svg.contains("Chỉ tiêu 2030: &lt;8</title>"));
        assert!(svg.contains("Số liệu 2024: 9,7</title>"));
        // Text from a plan is escaped; nothing is styled inline (the CSP).
        assert!(svg.contains("Tỷ lệ &lt;suy&gt; dinh dưỡng"));
        assert!(!svg.contains("<suy>"));
        assert!(!svg.contains("style="));
        assert!(svg.contains("<desc id=\"chart-7-desc\">Số liệu — 2015: 13,6; 2024: 9,7. Chỉ tiêu — 2020: 12; 2030: 8.</desc>"));
    }

    #[test]
    fn the_value_axis_starts_at_zero_and_years_run_left_to_right() {
        let s = Scale::new(2015, 2030, 8.0, 13.6);
        assert!((s.y(0.0) - (HEIGHT - BOTTOM)).abs() < 1e-9);
        assert_eq!((s.y0, s.y1, s.step), (0.0, 15.0, 5.0));
        assert!(s.y(13.6) > TOP, "room above the highest mark");
        assert_eq!(nice_step(0.7), 1.0);
        assert_eq!(nice_step(3.4), 5.0);
        assert_eq!(nice_step(2.1), 2.5);
        assert_eq!(nice_step(140.0), 200.0);
        assert!(s.x(2015) < s.x(2024) && s.x(2024) < s.x(2030));
        assert!((s.x(2030) - (WIDTH - RIGHT)).abs() < 1e-9);
    }

    #[test]
    fn compliance_stacks_the_standings_of_each_year() {
        let years = [
            YearStandings {
                year: 2025,
                counts: [10, 3, 1, 12],
            },
            YearStandings {
                year: 2026,
                counts: [20, 0, 0, 6],
            },
        ];
        let labels = ["Đúng hạn", "Trễ hạn", "Bị trả lại", "Chưa gửi"];
        let svg = compliance_chart(&years, labels, "Tình hình báo cáo", Lang::Vi).expect("a chart");
        assert_eq!(svg.matches("<rect ").count(), 6, "zero counts draw nothing");
        assert!(svg.contains("<title>2025 Trễ hạn: 3</title>"));
        assert!(svg.contains("<desc id=\"compliance-desc\">2025: Đúng hạn 10, Trễ hạn 3, Bị trả lại 1, Chưa gửi 12; 2026: Đúng hạn 20, Chưa gửi 6</desc>"));
        assert!(!svg.contains("style="));
        assert!(compliance_chart(&[], labels, "x", Lang::Vi).is_none());
    }

    #[test]
    fn nothing_to_draw_gives_no_chart() {
        let mut empty = series();
        empty.baseline.clear();
        empty.targets.clear();
        empty.reported.clear();
        assert!(series_chart(&empty, &TEXT, Lang::Vi).is_none());
    }
}
