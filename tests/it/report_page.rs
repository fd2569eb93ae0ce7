//! The sector report page (`GET /reports/sector`): public and suppressed, exact for
//! the city, a period picker over quarters and years, SVG charts with their text
//! alternatives beside their tables.

use wise_monitor::db;
use wise_monitor::figures::periods;
use wise_monitor::reports::disclosure::Thresholds;
use wise_monitor::reports::report;

use crate::backend_tests;
use crate::support::{test_now, Response, TestApp};

fn demo(app: &TestApp) {
    app.with_conn(|c| wise_monitor::demo::fill_if_empty(c, db::timestamp(test_now()))).expect("demo data");
}

/// The report the page should show, built directly.
fn expected(app: &TestApp, key: &str, exact: bool) -> report::Report {
    let thresholds = Thresholds::from(&app.state.config.disclosure);
    app.with_conn(|c| {
        let period = periods::find(c, key).unwrap().expect("period");
        report::build(c, &app.state.caches, &period, exact, &thresholds).unwrap()
    })
}

/// Every inline SVG of the page: (its `aria-labelledby` id, the text of the
/// `<title>` it points to, the `<desc>` it is described by).
fn charts(res: &Response) -> Vec<(String, String, String)> {
    res.body
        .split("<svg ")
        .skip(1)
        .map(|svg| {
            let svg = &svg[..svg.find("</svg>").expect("a closed SVG")];
            let attr = |name: &str| -> String {
                let marker = format!("{name}=\"");
                let start = svg.find(&marker).unwrap_or_else(|| panic!("no {name} on {svg}")) + marker.len();
                svg[start..].split('"').next().unwrap().to_string()
            };
            assert!(svg.contains("role=\"img\""), "{svg}");
            let (labelled, described) = (attr("aria-labelledby"), attr("aria-describedby"));
            let element = |tag: &str, id: &str| -> String {
                let open = format!("<{tag} id=\"{id}\">");
                let start = svg.find(&open).unwrap_or_else(|| panic!("no {open} in the SVG")) + open.len();
                svg[start..svg[start..].find(&format!("</{tag}>")).unwrap() + start].to_string()
            };
            (labelled.clone(), element("title", &labelled), element("desc", &described))
        })
        .collect()
}

/// A number as the Dutch page prints it.
fn nl(n: i64) -> String {
    wise_monitor::i18n::format_count(n, wise_monitor::i18n::Lang::Nl)
}

backend_tests! {
    async fn the_public_sees_the_latest_quarter_with_suppression_marked(app) {
        demo(&app);
        let res = app.get("/reports/sector").await;
        res.assert_status(200);
        let public = expected(&app, "2026-Q3", false);
        assert!(!public.exact);
        res.assert_contains("<title>Sectorrapportage – 2026-Q3")
            .assert_contains("<option value=\"2026-Q3\" selected>2026-Q3</option>")
            .assert_contains("<option value=\"2024-Q4\">2024-Q4</option>")
            .assert_contains("href=\"/reports/sector.csv?period=2026-Q3\"")
            .assert_contains("aria-current=\"page\">Sectorrapportage</a>")
            .assert_contains("Over afgeschermde cijfers");
        assert!(!res.body.contains("Niet voor publicatie"), "no exact banner for the public");
        // The headline numbers as published (people working is published for 59 WISEs).
        let people = public.headlines[5].value.expect("people working is published");
        res.assert_contains(&nl(people));
        assert_eq!(public.reporting, 59);
        res.assert_contains("<dd>59</dd>").assert_contains(&format!("<dd>{}%</dd>", public.response_rate_pct));
        // Every suppressed number of the report reads as a marked dash, never as a number.
        assert!(!public.suppressed.is_empty(), "the demo has small cells");
        let marked = res.body.matches("<span class=\"suppressed\">–").count();
        assert!(marked >= public.suppressed.len(), "{marked} marked, {} suppressed", public.suppressed.len());
        res.assert_contains("href=\"#disclosure-note\"").assert_contains("id=\"disclosure-note\"");
        // A suppressed breakdown row is marked in its chart, and has no bar.
        let hidden = public
            .breakdown("municipality")
            .unwrap()
            .rows
            .iter()
            .find(|r| r.values[5].is_none())
            .map(|r| r.key.clone())
            .expect("a small municipality is suppressed in the demo");
        res.assert_contains(&format!("{hidden} (afgeschermd)"));
        assert!(!res.body.contains(&format!("data-category=\"{hidden} (afgeschermd)\"")), "no bar for it");
        res.assert_contains(&format!("{hidden}: afgeschermd"));
    }
}

backend_tests! {
    async fn the_city_sees_exact_figures_marked_not_for_publication(app) {
        demo(&app);
        let city = app.add_user("city", None);
        let mut browser = app.sign_in_as(&city).await;
        let res = app.get_with(&mut browser, "/reports/sector?period=2026-Q3").await;
        res.assert_status(200);
        res.assert_contains("Niet voor publicatie — exacte cijfers");
        assert!(!res.body.contains("<span class=\"suppressed\">"), "nothing suppressed for the city");
        let exact = expected(&app, "2026-Q3", true);
        assert!(exact.suppressed.is_empty());
        for h in &exact.headlines {
            res.assert_contains(&format!("<td class=\"num\">{}</td>", nl(h.value.unwrap())));
        }
        for row in &exact.breakdown("sector").unwrap().rows {
            res.assert_contains(&format!("data-value=\"{}\"", row.values[5].unwrap()));
        }
        // A buyer is the public.
        let buyer = app.add_user("buyer", None);
        let mut browser = app.sign_in_as(&buyer).await;
        let res = app.get_with(&mut browser, "/reports/sector").await;
        res.assert_status(200);
        assert!(!res.body.contains("Niet voor publicatie"));
    }
}

backend_tests! {
    async fn the_picker_switches_between_a_quarter_and_its_year(app) {
        demo(&app);
        let now = db::timestamp(test_now());
        let request = periods::validate_range("2025", "2026", "30").unwrap();
        app.with_conn(|c| periods::create_range(c, &request, now)).unwrap();
        let quarter = app.get("/reports/sector?period=2025-Q4").await;
        quarter.assert_status(200);
        quarter
            .assert_contains("<optgroup label=\"Kwartalen\">")
            .assert_contains("<optgroup label=\"Jaren\">")
            .assert_contains("<option value=\"2025-Q4\" selected>2025-Q4</option>")
            .assert_contains("<option value=\"2025\">2025</option>")
            .assert_contains("<option value=\"2026\">2026</option>");
        // Newest first.
        let at = |text: &str| quarter.body.find(text).unwrap();
        assert!(at("value=\"2026-Q3\"") < at("value=\"2025-Q4\""));
        assert!(at("value=\"2026\"") < at("value=\"2025\""));

        let year = app.get("/reports/sector?period=2025").await;
        year.assert_status(200);
        year.assert_contains("<title>Sectorrapportage – 2025")
            .assert_contains("<option value=\"2025\" selected>2025</option>")
            .assert_contains("per jaar")
            .assert_contains("href=\"/reports/sector.csv?period=2025\"");
        let report = expected(&app, "2025", false);
        assert_eq!(report.period, "2025");
        assert_eq!(report.previous_period.as_deref(), Some("2024"), "2024 as a year of its quarter");
        // The year's time series has the years with figures up to 2025.
        let series = charts(&year);
        let (_, title, desc) = series.iter().find(|(id, _, _)| id == "chart-series-people-title").expect("a series chart");
        assert!(title.contains("per jaar"), "{title}");
        assert!(desc.starts_with("2024: "), "{desc}");
        assert!(!desc.contains("2026"), "the series ends at the period shown");
        // Flows of a year are the sum of its quarters (exact, for the operator).
        const NEW_PARTICIPANTS: usize = 7;
        assert_eq!(wise_monitor::reports::aggregate::MEASURES[NEW_PARTICIPANTS], "new_participants");
        let exact_year = expected(&app, "2025", true);
        let quarters: i64 = ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]
            .iter()
            .map(|q| expected(&app, q, true).headlines[NEW_PARTICIPANTS].value.unwrap())
            .sum();
        assert_eq!(exact_year.headlines[NEW_PARTICIPANTS].value, Some(quarters));
    }
}

backend_tests! {
    async fn every_chart_is_an_inline_svg_with_a_text_alternative_and_a_table(app) {
        demo(&app);
        let res = app.get_in("en", "/reports/sector?period=2026-Q2").await;
        res.assert_status(200);
        res.assert_contains("<title>Sector report – 2026-Q2");
        let mut found = charts(&res);
        let ids: Vec<&str> = found.iter().map(|(id, _, _)| id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "chart-series-people-title",
                "chart-series-moves-title",
                "chart-sector-title",
                "chart-target-group-title",
                "chart-municipality-title"
            ]
        );
        // One measure per chart, numbers as the reader writes them.
        let (_, title, desc) = &found[0];
        assert_eq!(title, "People working per quarter");
        assert!(desc.starts_with("2024-Q4: People working "), "{desc}");
        assert!(desc.contains("2026-Q2: People working "), "{desc}");
        assert!(!desc.contains("2026-Q3"), "the series ends at the period shown");
        assert_eq!(found[1].1, "Onward moves into paid jobs per quarter");
        assert!(found[1].2.starts_with("2024-Q4: Onward moves into paid jobs "), "{}", found[1].2);
        assert!(!res.body.contains("k</text>"), "no abbreviated thousands");
        let sector_chart = found.remove(2);
        assert_eq!(sector_chart.1, "People working by sector");
        // Sector labels are translated, in the chart and in its table.
        let public = expected(&app, "2026-Q2", false);
        let sector = &public.breakdown("sector").unwrap().rows[0];
        let label = wise_monitor::i18n::text(
            wise_monitor::i18n::Lang::En,
            &wise_monitor::vocab::label_key("sector", &sector.key),
        );
        assert!(sector_chart.2.contains(&format!("{label}: ")), "{}", sector_chart.2);
        res.assert_contains(&format!("<th scope=\"row\">{label}</th>"));
        // Each chart has a table with every measure of its breakdown.
        for caption in ["By sector – 2026-Q2", "By target group – 2026-Q2", "By municipality – 2026-Q2"] {
            res.assert_contains(&format!("<caption>{caption}</caption>"));
        }
        for measure in ["Trainees", "Onward moves into paid jobs", "Left for another reason", "Target-group people"] {
            res.assert_contains(&format!("<th scope=\"col\" class=\"num\">{measure}</th>"));
        }
        res.assert_contains("Change since 2026-Q1").assert_contains("Change since 2025-Q2");
    }
}

backend_tests! {
    async fn unknown_periods_are_not_found_and_an_empty_database_still_renders(app) {
        let empty = app.get("/reports/sector").await;
        empty.assert_status(200);
        empty.assert_contains("Er zijn nog geen cijfers om over te rapporteren.");
        assert!(!empty.body.contains("<svg"), "no charts without figures");
        app.get("/reports/sector?period=2026-Q3").await.assert_status(404);
        demo(&app);
        app.get("/reports/sector?period=2031-Q1").await.assert_status(404);
        app.get("/reports/sector?period=%3Cscript%3E").await.assert_status(404);
        app.get("/reports/sector?period=").await.assert_status(200);
        // A period without figures yet renders and says so.
        let now = db::timestamp(test_now());
        let request = periods::validate_range("2026-Q4", "2026-Q4", "30").unwrap();
        app.with_conn(|c| periods::create_range(c, &request, now)).unwrap();
        let res = app.get("/reports/sector?period=2026-Q4").await;
        res.assert_status(200);
        res.assert_contains("Voor deze periode heeft nog geen enkele onderneming cijfers aangeleverd.");
        res.assert_contains("<option value=\"2026-Q4\" selected>2026-Q4</option>");
        // The default is still the latest quarter with figures.
        app.get("/reports/sector").await.assert_contains("<option value=\"2026-Q3\" selected>");
    }
}
