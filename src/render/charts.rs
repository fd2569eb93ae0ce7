//! Charts of the sector report, drawn on the server as SVG and embedded inline in the
//! page (SPEC §2 "Sector report": charts with a table beside each). Every chart is an
//! image with a text alternative: `role="img"`, a `<title>` that names it
//! (`aria-labelledby`) and a `<desc>` that reads out its numbers (`aria-describedby`).
//! A suppressed number (`None`) is left out of a chart — a gap in a line, no bar —
//! never drawn as zero.
//!
//! One measure per chart, on one axis with round ticks (1, 2 or 5 × 10ⁿ apart) written
//! in the reader's number format; labels wrap instead of being cut off. The drawing is
//! narrow (440 units) with 15-unit text, so on a phone the text stays about 12 px and on
//! a wide screen it is shown at most 480 px wide (site.css). The functions here know no
//! language: the page passes every text and the number format in.
//!
//! Drawn here rather than with a charting crate: the one used before (`charts-rs`) could
//! neither write numbers in Dutch nor wrap a label, which is what the report needs.

use std::fmt::Write;

/// The texts of one chart: the element id its `<title>` and `<desc>` derive theirs
/// from, a short name and a description of what it shows (the text alternative).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartText {
    /// An HTML id, unique on the page (`chart-series`, `chart-sector`).
    pub id: String,
    pub title: String,
    pub description: String,
}

/// Writes a number in the reader's format (`1.234` in Dutch).
pub type Format<'a> = &'a dyn Fn(i64) -> String;

const WIDTH: f64 = 440.0;
const FONT: f64 = 15.0;
const SMALL: f64 = 13.0;
/// Average width of a character of the page's sans-serif font, per unit of font size.
const CHAR_WIDTH: f64 = 0.56;
const INK: &str = "#1d2421";
const MUTED: &str = "#4f5b56";
const GRID: &str = "#d5ddd9";
const BRAND: &str = "#0b5c4b";

/// Escapes text for XML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// An HTML id made of the characters that need no escaping anywhere.
fn safe_id(id: &str) -> String {
    let id: String = id.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
    if id.is_empty() {
        "chart".to_string()
    } else {
        id
    }
}

/// The width text takes at a font size (an estimate, on the generous side).
fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * CHAR_WIDTH
}

/// Round ticks from 0 that cover `max`: at most five steps of 1, 2 or 5 × 10ⁿ.
pub fn ticks(max: i64) -> Vec<i64> {
    let max = max.max(1);
    let mut magnitude = 1i64;
    loop {
        for step in [1, 2, 5].map(|m| m * magnitude) {
            let steps = (max + step - 1) / step;
            if steps <= 5 {
                return (0..=steps).map(|i| i * step).collect();
            }
        }
        magnitude *= 10;
    }
}

/// Words of `text` in lines of at most `chars` characters (a longer word on its own line).
fn wrap(text: &str, chars: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= chars => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// The `<svg>` element around `body`, with its text alternative first.
fn document(text: &ChartText, height: f64, body: &str) -> String {
    let id = safe_id(&text.id);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height:.0}\" width=\"{WIDTH}\" height=\"{height:.0}\" \
         role=\"img\" aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\" class=\"chart__svg\" focusable=\"false\" \
         font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif\" font-size=\"{FONT}\" fill=\"{INK}\">\
         <title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>{body}</svg>",
        escape(&text.title),
        escape(&text.description),
    )
}

/// A line chart of one measure over `periods`. Suppressed values are gaps in the line;
/// each value drawn is a point with its number above it.
pub fn time_series(text: &ChartText, periods: &[String], values: &[Option<i64>], format: Format) -> String {
    let ticks = ticks(values.iter().flatten().copied().max().unwrap_or(0));
    let top_tick = *ticks.last().unwrap_or(&1) as f64;
    let left = ticks.iter().map(|t| text_width(&format(*t), SMALL)).fold(0.0, f64::max) + 10.0;
    let (right, top, bottom) = (text_width(periods.last().map_or("", String::as_str), SMALL) / 2.0 + 4.0, 24.0, 34.0);
    let height = 260.0;
    let plot_height = height - top - bottom;
    let plot_width = WIDTH - left - right;
    // The first and last points stand in from the axis, so their numbers clear it.
    let inset = text_width(&format(top_tick as i64), SMALL) / 2.0 + 4.0;
    let x = |i: usize| {
        if periods.len() < 2 {
            left + plot_width / 2.0
        } else {
            left + inset + (plot_width - 2.0 * inset) * i as f64 / (periods.len() - 1) as f64
        }
    };
    let y = |v: i64| top + plot_height * (1.0 - v as f64 / top_tick);
    let mut body = String::new();
    for t in &ticks {
        let _ = write!(
            body,
            "<line x1=\"{left:.1}\" x2=\"{:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"{GRID}\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"{SMALL}\" fill=\"{MUTED}\">{}</text>",
            WIDTH - right,
            left - 6.0,
            y(*t) + SMALL / 3.0,
            escape(&format(*t)),
            y = y(*t),
        );
    }
    // Period labels: as many as fit side by side, counted back from the last one.
    let label_room = periods.iter().map(|p| text_width(p, SMALL)).fold(0.0, f64::max) + 8.0;
    let every = ((label_room * periods.len() as f64 / plot_width).ceil() as usize).max(1);
    for (i, period) in periods.iter().enumerate() {
        if (periods.len() - 1 - i).is_multiple_of(every) {
            let _ = write!(
                body,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"{SMALL}\" fill=\"{MUTED}\">{}</text>",
                x(i),
                height - bottom + 20.0,
                escape(period)
            );
        }
    }
    // The line, broken at every suppressed value.
    let mut pieces: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
    for (i, v) in values.iter().enumerate() {
        match v {
            Some(v) => pieces.last_mut().expect("one piece at least").push((x(i), y(*v))),
            None => pieces.push(Vec::new()),
        }
    }
    for piece in pieces.iter().filter(|p| p.len() > 1) {
        let points: Vec<String> = piece.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
        let _ = write!(
            body,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{BRAND}\" stroke-width=\"2.5\"/>",
            points.join(" ")
        );
    }
    let label_values = periods.len() <= 12;
    for (i, v) in values.iter().enumerate() {
        let Some(v) = v else { continue };
        let _ = write!(body, "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3.5\" fill=\"{BRAND}\"/>", x(i), y(*v));
        if label_values {
            let _ = write!(
                body,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"{SMALL}\">{}</text>",
                x(i),
                y(*v) - 8.0,
                escape(&format(*v))
            );
        }
    }
    document(text, height, &body)
}

/// A horizontal bar chart of one measure over the rows of a breakdown, the first row at
/// the top. Each row's label stands above its bar and wraps when long. A suppressed row
/// keeps its place and label (with `suppressed_marker` after it) but has no bar.
pub fn bars(text: &ChartText, rows: &[(String, Option<i64>)], suppressed_marker: &str, format: Format) -> String {
    let ticks = ticks(rows.iter().filter_map(|(_, v)| *v).max().unwrap_or(0));
    let top_tick = *ticks.last().unwrap_or(&1) as f64;
    let (left, right) = (2.0, text_width(&format(top_tick as i64), SMALL) / 2.0 + 2.0);
    let plot_width = WIDTH - left - right;
    let chars = (plot_width / (FONT * CHAR_WIDTH)) as usize;
    let mut body = String::new();
    let mut y = 4.0;
    let mut bars = String::new();
    for (label, value) in rows {
        let label = match value {
            Some(_) => label.clone(),
            None => format!("{label} ({suppressed_marker})"),
        };
        for line in wrap(&label, chars) {
            y += FONT * 1.25;
            let _ = write!(bars, "<text x=\"{left}\" y=\"{y:.1}\">{}</text>", escape(&line));
        }
        y += 5.0;
        if let Some(v) = value {
            let width = plot_width * *v as f64 / top_tick;
            let number = escape(&format(*v));
            // The number after the bar, or inside its end when the bar is long.
            let inside = width + text_width(&number, SMALL) + 6.0 > plot_width;
            let (nx, anchor, fill) =
                if inside { (left + width - 4.0, "end", "#ffffff") } else { (left + width + 4.0, "start", INK) };
            let _ = write!(
                bars,
                "<rect x=\"{left}\" y=\"{y:.1}\" width=\"{width:.1}\" height=\"16\" fill=\"{BRAND}\" data-category=\"{}\" data-value=\"{v}\"/>\
                 <text x=\"{nx:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\" font-size=\"{SMALL}\" fill=\"{fill}\">{number}</text>",
                escape(&label),
                y + 12.5,
            );
        }
        y += 16.0 + 6.0;
    }
    let plot_bottom = y;
    for t in &ticks {
        let x = left + plot_width * *t as f64 / top_tick;
        let _ = write!(
            body,
            "<line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"4\" y2=\"{plot_bottom:.1}\" stroke=\"{GRID}\"/>\
             <text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"{}\" font-size=\"{SMALL}\" fill=\"{MUTED}\">{}</text>",
            plot_bottom + 16.0,
            if *t == 0 { "start" } else { "middle" },
            escape(&format(*t)),
        );
    }
    body.push_str(&bars);
    document(text, plot_bottom + 24.0, &body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(id: &str) -> ChartText {
        ChartText {
            id: id.into(),
            title: "People <working> & moves".into(),
            description: "Q1: 120; Q2: suppressed".into(),
        }
    }

    fn dutch(n: i64) -> String {
        crate::i18n::format_count(n, crate::i18n::Lang::Nl)
    }

    /// The `cy` of every point drawn.
    fn point_heights(svg: &str) -> Vec<String> {
        svg.split("<circle ")
            .skip(1)
            .map(|c| c.split("cy=\"").nth(1).unwrap().split('"').next().unwrap().to_string())
            .collect()
    }

    #[test]
    fn ticks_are_round_and_cover_the_largest_value() {
        assert_eq!(ticks(165), [0, 50, 100, 150, 200]);
        assert_eq!(ticks(3100), [0, 1000, 2000, 3000, 4000]);
        assert_eq!(ticks(7), [0, 2, 4, 6, 8]);
        assert_eq!(ticks(0), [0, 1]);
        assert_eq!(ticks(100), [0, 20, 40, 60, 80, 100]);
        for max in [1, 9, 55, 110, 999, 12_345, 640_001] {
            let t = ticks(max);
            assert!(t.len() <= 6 && *t.last().unwrap() >= max, "{max}: {t:?}");
        }
    }

    #[test]
    fn a_time_series_is_an_accessible_svg_in_the_readers_numbers() {
        let periods = ["2025-Q1", "2025-Q2", "2025-Q3"].map(String::from).to_vec();
        let svg = time_series(&text("chart-series"), &periods, &[Some(1200), Some(3100), Some(2800)], &dutch);
        assert!(svg.starts_with("<svg ") && svg.ends_with("</svg>"), "{svg}");
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("aria-labelledby=\"chart-series-title\""));
        assert!(svg.contains("aria-describedby=\"chart-series-desc\""));
        assert!(svg.contains("<title id=\"chart-series-title\">People &lt;working&gt; &amp; moves</title>"));
        assert!(svg.contains("<desc id=\"chart-series-desc\">Q1: 120; Q2: suppressed</desc>"));
        for label in ["2025-Q1", "2025-Q2", "2025-Q3", ">3.100<", ">4.000<", ">1.200<"] {
            assert!(svg.contains(label), "{label} missing: {svg}");
        }
        assert!(!svg.contains("3.1k") && !svg.contains("3100"), "{svg}");
        assert_eq!(svg.matches("<svg").count(), 1, "one document");
    }

    #[test]
    fn a_suppressed_point_is_a_gap_not_a_zero() {
        let periods = ["2025-Q1", "2025-Q2", "2025-Q3"].map(String::from).to_vec();
        let svg = time_series(&text("c"), &periods, &[Some(40), None, Some(50)], &dutch);
        assert_eq!(point_heights(&svg).len(), 2, "two points drawn, none for the suppressed one: {svg}");
        assert!(!svg.contains("<polyline"), "no segment drawn across the gap: {svg}");
        let zero = time_series(&text("c"), &periods, &[Some(40), Some(0), Some(50)], &dutch);
        let zero_heights = point_heights(&zero);
        assert_eq!(zero_heights.len(), 3);
        assert!(!point_heights(&svg).contains(&zero_heights[1]), "no point on the zero line");
        assert_eq!(zero.matches("<polyline").count(), 1);
    }

    #[test]
    fn many_periods_label_only_as_many_as_fit() {
        let periods: Vec<String> = (2017..2027).flat_map(|y| (1..=4).map(move |q| format!("{y}-Q{q}"))).collect();
        let values: Vec<Option<i64>> = (0..periods.len() as i64).map(Some).collect();
        let svg = time_series(&text("c"), &periods, &values, &dutch);
        let shown = periods.iter().filter(|p| svg.contains(&format!(">{p}<"))).count();
        assert!((3..=8).contains(&shown), "{shown} period labels");
        assert!(svg.contains(">2026-Q4<"), "the last period is labelled");
    }

    #[test]
    fn a_suppressed_bar_is_absent_and_marked_and_labels_wrap() {
        let rows = vec![
            ("Horeca".to_string(), Some(120)),
            ("Schoonmaak & <facilitair>".to_string(), None),
            ("Bouw en onderhoud van openbare ruimte, groen en water in de regio".to_string(), Some(3100)),
            ("Overig".to_string(), Some(0)),
        ];
        let svg = bars(&text("chart-sector"), &rows, "afgeschermd", &dutch);
        assert!(svg.starts_with("<svg ") && svg.contains("role=\"img\""));
        assert!(svg.contains(">Horeca<") && svg.contains(">Overig<"));
        assert!(svg.contains("Schoonmaak &amp; &lt;facilitair&gt; (afgeschermd)"), "escaped and marked: {svg}");
        assert!(!svg.contains("<facilitair>"), "labels are escaped");
        assert!(
            svg.contains(">Bouw en onderhoud van openbare ruimte, groen en<") && svg.contains(">water in de regio<"),
            "wrapped: {svg}"
        );
        let drawn: Vec<&str> = svg.split("data-category=\"").skip(1).map(|s| s.split('"').next().unwrap()).collect();
        assert_eq!(drawn.len(), 3, "no bar for the suppressed row: {drawn:?}");
        assert!(svg.contains("data-value=\"120\"") && svg.contains("data-value=\"0\""));
        assert!(svg.contains(">3.100<") && svg.contains(">4.000<"), "numbers and ticks in Dutch: {svg}");
        // The first row is at the top.
        assert!(svg.find(">Horeca<").unwrap() < svg.find(">Overig<").unwrap());
    }

    #[test]
    fn ids_and_texts_cannot_break_out() {
        let t = ChartText {
            id: "x\" onload=\"alert(1)".into(),
            title: "</title><script>".into(),
            description: "\"'".into(),
        };
        let svg = bars(&t, &[("a".into(), Some(1))], "–", &dutch);
        assert!(!svg.contains("<script>") && !svg.contains("onload=\""), "{svg}");
        assert!(svg.contains("aria-labelledby=\"xonloadalert1-title\""));
        assert!(svg.contains("<desc id=\"xonloadalert1-desc\">&quot;&#39;</desc>"));
    }
}
