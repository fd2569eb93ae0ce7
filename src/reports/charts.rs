//! Charts of the sector report, drawn on the server as SVG with `charts-rs` and
//! embedded inline in the page (SPEC §2 "Sector report": charts with a table beside
//! each). Every chart is an image with a text alternative: `role="img"`, a `<title>`
//! that names it (`aria-labelledby`) and a `<desc>` that reads out its numbers
//! (`aria-describedby`). A suppressed number (`None`) is left out of a chart — a gap
//! in a line, no bar — never drawn as zero.
//!
//! The functions here know no language: the page passes every text in.

use charts_rs::{HorizontalBarChart, LineChart, Position, Series};

/// The texts of one chart: the element id its `<title>` and `<desc>` derive theirs
/// from, a short name and a description of what it shows (the text alternative).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartText {
    /// An HTML id, unique on the page (`chart-series`, `chart-sector`).
    pub id: String,
    pub title: String,
    pub description: String,
}

/// One line of a time series: its name and a value per period (`None`: suppressed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub name: String,
    pub values: Vec<Option<i64>>,
}

/// The font the layout is measured with (embedded in `charts-rs`), with fallbacks
/// for viewers that do not have it.
const FONT_FAMILY: &str = "Roboto, Arial, Helvetica, sans-serif";

const WIDTH: f32 = 720.0;

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

fn as_f32(value: Option<i64>) -> Option<f32> {
    // People counts are far below f32's exact-integer range.
    value.map(|v| v as f32)
}

fn render_error(e: impl std::fmt::Display) -> anyhow::Error {
    anyhow::anyhow!("chart: {e}")
}

/// Gives a chart from `charts-rs` its text alternative: `role="img"`, a `<title>`
/// and a `<desc>` as the first children, and the ids pointing to them.
pub fn accessible(svg: &str, text: &ChartText) -> anyhow::Result<String> {
    let id = safe_id(&text.id);
    let rest = svg.trim_start().strip_prefix("<svg").ok_or_else(|| render_error("not an SVG document"))?;
    let close = rest.find('>').ok_or_else(|| render_error("an unclosed <svg> tag"))?;
    let (attributes, body) = rest.split_at(close);
    let body = &body[1..];
    Ok(format!(
        "<svg{attributes} role=\"img\" aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\" \
         class=\"chart__svg\" focusable=\"false\"><title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>{body}",
        escape(&text.title),
        escape(&text.description),
    ))
}

/// A line chart over `periods`: the first line on the left axis, any second one on
/// an axis of its own on the right (onward moves are a fraction of people working).
/// Suppressed values are gaps in their line.
pub fn time_series(text: &ChartText, periods: &[String], lines: &[Line]) -> anyhow::Result<String> {
    let series: Vec<Series> = lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let mut s = Series::new_nullable(line.name.clone(), line.values.iter().copied().map(as_f32).collect());
            s.y_axis_index = usize::from(i > 0);
            s.label_show = true;
            s
        })
        .collect();
    let mut chart = LineChart::new(series, periods.to_vec());
    chart.width = WIDTH;
    chart.height = 380.0;
    chart.font_family = FONT_FAMILY.to_string();
    chart.empty_text = Some(text.title.clone());
    // The legend below the plot, and room above it, so no value label runs into it.
    chart.legend.position = Some(Position::Bottom);
    chart.margin.top += 20.0;
    chart.y_axis_configs[0].min = Some(0.0);
    if lines.len() > 1 {
        let mut right = chart.y_axis_configs[0].clone();
        right.min = Some(0.0);
        chart.y_axis_configs.push(right);
    }
    let svg = chart.svg().map_err(render_error)?;
    accessible(&svg, text)
}

/// A horizontal bar chart of one measure over the rows of a breakdown, the first row
/// at the top. A suppressed row keeps its place and label (with `suppressed_marker`
/// after it) but has no bar.
pub fn bars(
    text: &ChartText,
    measure: &str,
    rows: &[(String, Option<i64>)],
    suppressed_marker: &str,
) -> anyhow::Result<String> {
    // charts-rs draws the first category at the bottom.
    let categories: Vec<String> = rows
        .iter()
        .rev()
        .map(|(label, value)| match value {
            Some(_) => label.clone(),
            None => format!("{label} ({suppressed_marker})"),
        })
        .collect();
    let values: Vec<Option<f32>> = rows.iter().rev().map(|(_, v)| as_f32(*v)).collect();
    let mut series = Series::new_nullable(measure.to_string(), values);
    series.label_show = true;
    let mut chart = HorizontalBarChart::new(vec![series], categories);
    chart.width = WIDTH;
    chart.height = 90.0 + 30.0 * rows.len().max(1) as f32;
    chart.font_family = FONT_FAMILY.to_string();
    // Room for the value label at the end of the longest bar.
    chart.margin.right += 50.0;
    chart.empty_text = Some(text.title.clone());
    let svg = chart.svg().map_err(render_error)?;
    accessible(&svg, text)
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

    /// The `cy` of every point marker drawn (the legend's circles have r 5.5).
    fn point_heights(svg: &str) -> Vec<String> {
        svg.split("<circle ")
            .skip(1)
            .filter(|c| !c.contains("r=\"5.5\""))
            .map(|c| c.split("cy=\"").nth(1).unwrap().split('"').next().unwrap().to_string())
            .collect()
    }

    #[test]
    fn a_time_series_is_an_accessible_svg_with_its_labels() {
        let periods = ["2025-Q1", "2025-Q2", "2025-Q3"].map(String::from).to_vec();
        let lines = [
            Line { name: "Mensen aan het werk".into(), values: vec![Some(120), Some(130), Some(128)] },
            Line { name: "Doorstroom naar betaald werk".into(), values: vec![Some(12), None, Some(14)] },
        ];
        let svg = time_series(&text("chart-series"), &periods, &lines).unwrap();
        assert!(svg.starts_with("<svg "), "{svg}");
        assert!(svg.trim_end().ends_with("</svg>"));
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("aria-labelledby=\"chart-series-title\""));
        assert!(svg.contains("aria-describedby=\"chart-series-desc\""));
        assert!(svg.contains("<title id=\"chart-series-title\">People &lt;working&gt; &amp; moves</title>"));
        assert!(svg.contains("<desc id=\"chart-series-desc\">Q1: 120; Q2: suppressed</desc>"));
        for label in ["Mensen aan het werk", "Doorstroom naar betaald werk", "2025-Q1", "2025-Q2", "2025-Q3"] {
            assert!(svg.contains(label), "{label} missing");
        }
        assert_eq!(svg.matches("<svg").count(), 1, "one document");
        assert_eq!(svg.matches("<title").count(), 1);
    }

    #[test]
    fn a_suppressed_point_is_a_gap_not_a_zero() {
        let periods = ["2025-Q1", "2025-Q2", "2025-Q3"].map(String::from).to_vec();
        let with_gap = [Line { name: "Moves".into(), values: vec![Some(40), None, Some(50)] }];
        let svg = time_series(&text("c"), &periods, &with_gap).unwrap();
        assert_eq!(point_heights(&svg).len(), 2, "two points drawn, none for the suppressed one: {svg}");
        let with_zero = [Line { name: "Moves".into(), values: vec![Some(40), Some(0), Some(50)] }];
        let zero = time_series(&text("c"), &periods, &with_zero).unwrap();
        let zero_heights = point_heights(&zero);
        assert_eq!(zero_heights.len(), 3);
        assert!(!point_heights(&svg).contains(&zero_heights[1]), "no point on the zero line");
        // The line breaks at the gap: two pieces, each a single point.
        assert!(!svg.contains(" L "), "no segment drawn across the gap: {svg}");
    }

    #[test]
    fn a_suppressed_bar_is_absent_and_marked() {
        let rows = vec![
            ("Horeca".to_string(), Some(120)),
            ("Schoonmaak & <facilitair>".to_string(), None),
            ("Overig".to_string(), Some(0)),
        ];
        let svg = bars(&text("chart-sector"), "Mensen aan het werk", &rows, "afgeschermd").unwrap();
        assert!(svg.starts_with("<svg ") && svg.contains("role=\"img\""));
        assert!(svg.contains("Horeca") && svg.contains("Overig") && svg.contains("Mensen aan het werk"));
        assert!(svg.contains("Schoonmaak &amp; &lt;facilitair&gt; (afgeschermd)"), "escaped and marked: {svg}");
        assert!(!svg.contains("<facilitair>"), "labels are escaped");
        let drawn: Vec<&str> = svg.split("data-category=\"").skip(1).map(|s| s.split('"').next().unwrap()).collect();
        assert_eq!(drawn, ["Overig", "Horeca"], "no bar for the suppressed row");
        assert!(svg.contains("data-value=\"120\"") && svg.contains("data-value=\"0\""));
        // The first row is at the top: its label is drawn above the last one's.
        let y_of = |label: &str| -> f32 {
            let before = &svg[..svg.find(&format!("\n{label}\n")).unwrap()];
            let tag = &before[before.rfind("<text").unwrap()..];
            tag.split(" y=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap()
        };
        assert!(y_of("Horeca") < y_of("Overig"));
    }

    #[test]
    fn ids_and_texts_cannot_break_out() {
        let t = ChartText {
            id: "x\" onload=\"alert(1)".into(),
            title: "</title><script>".into(),
            description: "\"'".into(),
        };
        let svg = accessible("<svg width=\"1\"><g/></svg>", &t).unwrap();
        assert!(!svg.contains("<script>") && !svg.contains("onload=\""), "{svg}");
        assert!(svg.contains("aria-labelledby=\"xonloadalert1-title\""));
        assert!(svg.contains("<desc id=\"xonloadalert1-desc\">&quot;&#39;</desc>"));
        assert!(accessible("<div>", &t).is_err());
    }
}
