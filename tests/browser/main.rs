//! End-to-end tests in headless Chromium against the real binary (issue: real-browser
//! journeys, accessibility, both languages). Each test starts its own server on a
//! fresh demo database and its own browser. Where Chromium, chromedriver or axe-core
//! are missing, each test prints "skipped: browser" and passes; `.ci/run` installs
//! them and fails on that line.

mod support;

use support::{available, Browser, Server, DEMO_PASSWORD};

const ADMIN: &str = "beheer@demo.wise-monitor.nl";
const CITY: &str = "gemeente@demo.wise-monitor.nl";
const BUYER: &str = "inkoper@demo.wise-monitor.nl";
const WISE: &str = "onderneming@demo.wise-monitor.nl";
const CONTRACTOR: &str = "aannemer@demo.wise-monitor.nl";
/// The demo WISE's KvK number (the demo `wise` account works for it).
const WISE_KVK: &str = "70412385";

fn run(test: impl std::future::Future<Output = ()>) {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(test);
}

/// The key pages in both languages: no serious or critical axe violation, nothing wider
/// than a 390 px phone, and a screenshot of each at 1280 and 390 px.
#[test]
fn key_pages_are_accessible_and_fit_a_phone_in_both_languages() {
    if !available("browser::key_pages_are_accessible_and_fit_a_phone_in_both_languages") {
        return;
    }
    run(async {
        let server = Server::start();
        let b = Browser::start(&server.base).await;
        // A profile to open: the first result of a search.
        b.goto("/organisations?q=schoon").await;
        let profile = b.find("ul.results h2 a").await.attr("href").await.unwrap().unwrap();
        let public: Vec<(&str, String)> = vec![
            ("home", "/".to_string()),
            ("search", "/organisations?q=schoon".to_string()),
            ("profile", profile.clone()),
            ("sign-in", "/sign-in".to_string()),
            ("report", "/reports/sector".to_string()),
        ];
        for lang in ["nl", "en"] {
            b.client.delete_all_cookies().await.unwrap();
            b.goto("/").await;
            b.language(lang).await;
            for (name, path) in &public {
                visit(&b, name, path, lang).await;
            }
            // Every role's own pages: the operator's administration, the buyer's lists,
            // the city's overview.
            for (role, pages) in [
                (
                    ADMIN,
                    &[
                        ("admin-start", "/start"),
                        ("admin-organisations", "/admin/organisations"),
                        ("admin-submissions", "/figures/status?period=2026-Q3"),
                        ("admin-periods", "/admin/periods"),
                        ("admin-outbox", "/admin/outbox"),
                        ("admin-users", "/admin/users"),
                        ("admin-import", "/admin/import"),
                        ("admin-completeness", "/admin/completeness"),
                        ("admin-certificates", "/admin/certificates"),
                    ][..],
                ),
                (
                    BUYER,
                    &[
                        ("buyer-start", "/start"),
                        ("shortlist", "/shortlist"),
                        ("saved-searches", "/saved-searches"),
                        ("advisor", "/advisor"),
                    ][..],
                ),
                (
                    CITY,
                    &[
                        ("city-start", "/start"),
                        ("city-report", "/reports/sector"),
                        ("social-return", "/social-return"),
                        ("social-return-contract", "/social-return/contracts/1"),
                        ("social-return-new", "/social-return/contracts/new"),
                    ][..],
                ),
            ] {
                b.sign_in(role, DEMO_PASSWORD).await;
                b.language(lang).await;
                for (name, path) in pages {
                    visit(&b, name, path, lang).await;
                }
            }
            b.sign_in(WISE, DEMO_PASSWORD).await;
            b.language(lang).await;
            visit(&b, "start", "/start", lang).await;
            visit(&b, "account", "/account", lang).await;
            visit(&b, "manage", "/manage", lang).await;
            visit(&b, "certificates", "/manage/organisations/70412385/certificates", lang).await;
            visit(&b, "social-return-claims", "/social-return/claims", lang).await;
            b.goto("/manage").await;
            let figures = b.find("a[href$='/figures']").await.attr("href").await.unwrap().unwrap();
            visit(&b, "figures", &format!("{figures}/2026-Q3"), lang).await;
            // The form with errors shown: a figure that is not a number.
            b.fill("input[name=paid_target_group]", "veel").await;
            b.click("button[name=action][value=submit]").await;
            // Errors are listed at the top, each linked to its field, and the list has the focus.
            b.find(".error-summary a[href='#paid_target_group']").await;
            let focused = b.script("return document.activeElement.classList.contains('error-summary');").await;
            assert_eq!(focused, serde_json::Value::Bool(true), "the error summary has the focus ({lang})");
            b.find("#paid_target_group[aria-invalid=true]").await;
            b.assert_accessible(&format!("the submission form with errors ({lang})")).await;
            for width in [1280, 390] {
                b.screenshot("figures-errors", lang, width).await;
            }
            b.client.set_window_size(1280, 900).await.unwrap();
        }
    });
}

/// Opens a page, checks it with axe and for overflow at 390 px, and takes both screenshots.
async fn visit(b: &Browser, name: &str, path: &str, lang: &str) {
    b.goto(path).await;
    b.find(&format!("html[lang={lang}]")).await;
    let page = format!("{name} ({lang}, {path})");
    b.assert_accessible(&page).await;
    b.assert_fields_styled(&page).await;
    b.assert_chart_text_inside(&page).await;
    b.screenshot(name, lang, 1280).await;
    b.client.set_window_size(390, 844).await.unwrap();
    b.assert_no_overflow(&page).await;
    b.assert_fields_styled(&page).await;
    b.assert_chart_text_inside(&page).await;
    b.screenshot(name, lang, 390).await;
    b.client.set_window_size(1280, 900).await.unwrap();
}

/// Sample figures for the submission form (no warnings).
const FIGURES: &[(&str, &str)] = &[
    ("paid_target_group", "12"),
    ("paid_regular", "4"),
    ("trainees", "3"),
    ("daytime_activities", "0"),
    ("volunteers", "2"),
    ("new_participants", "3"),
    ("moved_to_paid_internal", "1"),
    ("moved_to_paid_external", "1"),
    ("moved_to_education", "0"),
    ("other_exits", "1"),
    ("tg_long_term_unemployed", "8"),
    ("tg_mental_health", "4"),
];

/// A WISE applies, confirms its address, the operator approves it, the WISE completes
/// its profile, adds two offerings and submits figures for the open period with the
/// keyboard alone.
#[test]
fn a_wise_applies_is_approved_completes_its_profile_and_submits_figures() {
    if !available("browser::a_wise_applies_is_approved_completes_its_profile_and_submits_figures") {
        return;
    }
    run(async {
        let server = Server::start();
        let b = Browser::start(&server.base).await;
        let (kvk, email, password) = ("90123456", "sanne@stofdoek.example.nl", "Groene-Kikker-Fietst-1987!");

        b.goto("/register").await;
        for (field, value) in [
            ("kvk_number", kvk),
            ("name", "Poetscollectief De Stofdoek"),
            ("municipality", "Zaanstad"),
            ("user_name", "Sanne de Vries"),
            ("user_email", email),
            ("password", password),
            ("password_confirm", password),
        ] {
            b.fill(&format!("form[action='/register'] [name={field}]"), value).await;
        }
        b.select("#primary_sector", "cleaning_facility").await;
        b.click("form[action='/register'] input[name=target_groups][value=long_term_unemployed]").await;
        b.click("form[action='/register'] input[name=target_groups][value=mental_health]").await;
        b.click("form[action='/register'] button[type=submit]").await;
        b.find("#sent-heading").await;
        let confirm = server.link_in_mail(email, "/register/confirm?token=");
        b.client.goto(&confirm).await.unwrap();
        b.click("form[action='/register/confirm'] button[type=submit]").await;
        b.find("#confirmed-heading").await;

        // The operator approves it.
        b.sign_in(ADMIN, DEMO_PASSWORD).await;
        b.goto("/admin/organisations?status=pending").await;
        b.click("a[href^='/admin/organisations/']:not([href$='organisations'])").await;
        let mut path = b.path().await;
        if !b.text().await.contains("Poetscollectief De Stofdoek") {
            // Not the first pending one: find it by name.
            b.goto("/admin/organisations?status=pending").await;
            let links = b.client.find_all(fantoccini::Locator::LinkText("Poetscollectief De Stofdoek")).await.unwrap();
            b.mark_page().await;
            b.count_click();
            links[0].click().await.unwrap();
            b.wait_for_next_page("the WISE's link").await;
            path = b.path().await;
        }
        b.click(&format!("form[action='{path}/approve'] button[type=submit]")).await;
        b.assert_text("De onderneming is goedgekeurd.").await;

        // The WISE completes its profile.
        b.sign_in(email, password).await;
        b.goto(&format!("/manage/organisations/{kvk}")).await;
        b.fill(
            "#description",
            "Schoonmaakbedrijf waar mensen met een afstand tot de arbeidsmarkt kantoren schoonmaken.",
        )
        .await;
        b.fill("#website", "https://www.stofdoek.example.nl").await;
        b.fill("#email", "info@stofdoek.example.nl").await;
        b.click(&format!("form[action='/manage/organisations/{kvk}'] button[type=submit]")).await;
        b.assert_text("Uw wijzigingen zijn opgeslagen.").await;

        // Two offerings.
        for (title, code, area) in
            [("Kantoorschoonmaak", "90919200", "national"), ("Glasbewassing", "90911300", "national")]
        {
            b.goto(&format!("/manage/organisations/{kvk}/offerings/new")).await;
            b.fill("#title", title).await;
            b.fill("#description", &format!("{title} voor bedrijven in de Zaanstreek")).await;
            // The kind follows from the CPV code (90: services); no need to choose it.
            b.fill("#cpv_query", code).await;
            b.click(&format!("#service_area-{area}")).await;
            b.click("button[name=step][value=save]").await;
            b.assert_text("Het product of de dienst is toegevoegd.").await;
        }
        b.goto("/organisations?q=stofdoek").await;
        b.assert_text("Poetscollectief De Stofdoek").await;
        b.assert_text("2 producten en diensten").await;

        // Figures for 2026-Q3, with the keyboard only: Tab from field to field, type, and
        // press Enter on the submit button. Every focused field shows its focus.
        b.goto(&format!("/manage/organisations/{kvk}/figures/2026-Q3")).await;
        let tab = fantoccini::key::Key::Tab.to_string();
        let mut filled = Vec::new();
        for _ in 0..200 {
            b.client.active_element().await.unwrap().send_keys(&tab).await.unwrap();
            let focused = b
                .script(
                    "const e = document.activeElement; const s = getComputedStyle(e);
                     return { name: e.name || '', value: e.value || '', tag: e.tagName.toLowerCase(),
                              visible: s.outlineStyle !== 'none' && s.outlineWidth !== '0px' || s.boxShadow !== 'none' };",
                )
                .await;
            let name = focused["name"].as_str().unwrap_or("").to_string();
            if focused["tag"] == "input" {
                assert_eq!(focused["visible"], serde_json::Value::Bool(true), "focus is not visible on {name}");
            }
            if let Some((_, value)) = FIGURES.iter().find(|(field, _)| *field == name) {
                b.client.active_element().await.unwrap().send_keys(value).await.unwrap();
                filled.push(name);
            } else if name == "action" && focused["value"] == "submit" {
                assert_eq!(
                    focused["visible"],
                    serde_json::Value::Bool(true),
                    "focus is not visible on the submit button"
                );
                b.mark_page().await;
                b.client
                    .active_element()
                    .await
                    .unwrap()
                    .send_keys(&fantoccini::key::Key::Enter.to_string())
                    .await
                    .unwrap();
                b.wait_for_next_page("Enter on the submit button").await;
                break;
            }
        }
        assert_eq!(filled.len(), FIGURES.len(), "reached by Tab: {filled:?}");
        b.assert_text("Uw cijfers zijn verstuurd. Dank u wel!").await;
        // 17 clicks before the kind of an offering followed from its CPV code (README).
        assert_eq!(b.clicks(), 15, "clicks in the WISE's journey");
    });
}

/// A buyer searches by words and by CPV prefix, filters, opens a profile, shortlists
/// two WISEs, exports the shortlist and saves the search.
#[test]
fn a_buyer_searches_shortlists_exports_and_saves_the_search() {
    if !available("browser::a_buyer_searches_shortlists_exports_and_saves_the_search") {
        return;
    }
    run(async {
        let server = Server::start();
        let b = Browser::start(&server.base).await;
        b.sign_in(BUYER, DEMO_PASSWORD).await;
        b.goto("/organisations").await;
        b.fill("#search-q", "schoonmaak").await;
        b.click("form[action='/organisations'] .search-row button[type=submit]").await;
        b.find("ul.results").await;
        assert!(b.path().await.contains("q=schoonmaak"));
        // Narrow by CPV: the division, then the group below it; then a municipality. Each
        // filter is one click on its value in the sidebar.
        b.click(".facet a[data-facet=cpv][data-value='90']").await;
        b.click(".facet a[data-facet=cpv][data-value='909']").await;
        b.click(".facet a[data-facet=municipality][data-value='Amsterdam']").await;
        let path = b.path().await;
        assert!(path.contains("cpv=909") && path.contains("municipality=Amsterdam"), "{path}");
        // The chosen filters are chips above the results; on a phone the filters fold
        // behind their summary.
        b.find(".chips a.chip[href*='cpv=909']").await;
        b.client.set_window_size(390, 844).await.unwrap();
        b.goto(&path).await;
        let open = b.script("return document.querySelector('details.filters').open;").await;
        assert_eq!(open, serde_json::Value::Bool(false), "the filters are folded on a phone");
        b.assert_no_overflow("the search with filters (390 px)").await;
        b.client.set_window_size(1280, 900).await.unwrap();
        let found = b.client.find_all(fantoccini::Locator::Css("ul.results h2 a")).await.unwrap();
        assert!(found.len() >= 2, "at least two WISEs to shortlist");
        let mut names = Vec::new();
        for n in 0..2 {
            b.goto(&path).await;
            let link = b.client.find_all(fantoccini::Locator::Css("ul.results h2 a")).await.unwrap().remove(n);
            names.push(link.text().await.unwrap());
            b.mark_page().await;
            b.count_click();
            link.click().await.unwrap();
            b.wait_for_next_page("a result").await;
            b.click("form[action='/shortlist'] button[type=submit]").await;
            b.assert_text("De onderneming staat op uw shortlist.").await;
        }
        b.goto("/shortlist").await;
        for name in &names {
            b.assert_text(name).await;
        }
        let csv = b.fetch_text("/shortlist.csv").await;
        assert_eq!(csv.lines().count(), 3, "{csv}");
        assert!(csv.starts_with("kvk_number,name,municipality,district,sectors,email,profile_url"), "{csv}");
        for name in &names {
            assert!(csv.contains(name.as_str()), "{name} not in {csv}");
        }

        // Save the search, weekly.
        b.goto(&path).await;
        b.click("details.save-search summary").await;
        b.fill("#save-search-name", "Schoonmaak in Amsterdam").await;
        b.select("#save-search-frequency", "weekly").await;
        b.click("form[action='/saved-searches'] button[type=submit]").await;
        b.assert_text("Uw zoekopdracht is bewaard.").await;
        b.assert_text("Schoonmaak in Amsterdam").await;
        b.assert_text("wekelijks").await;
        b.assert_accessible("saved searches").await;
        // 15 clicks before the filters were links in a sidebar (README, screenshots).
        assert_eq!(b.clicks(), 12, "clicks in the buyer's journey");
    });
}

/// A city user opens the sector report, switches between a quarter and the year (made
/// from the demo's quarters: no year period exists), and downloads the CSV; then the
/// public year report prints as a clean A4 monitor.
#[test]
fn a_city_user_reads_the_report_for_a_quarter_and_a_year_and_downloads_it() {
    if !available("browser::a_city_user_reads_the_report_for_a_quarter_and_a_year_and_downloads_it") {
        return;
    }
    run(async {
        let server = Server::start();
        let b = Browser::start(&server.base).await;
        b.sign_in(CITY, DEMO_PASSWORD).await;
        b.goto("/reports/sector").await;
        b.find(".notice--exact").await;
        // The recent periods are one click each; the rest are in the picker.
        b.click(".report__recent a[href$='period=2026-Q2']").await;
        assert_eq!(b.find(".report__period").await.text().await.unwrap(), "2026-Q2");
        b.assert_text("Verschil met 2026-Q1").await;
        b.click(".report__recent a[href$='period=2025']").await;
        assert_eq!(b.find(".report__period").await.text().await.unwrap(), "2025");
        // 5 clicks before the recent periods were links (README, screenshots).
        assert_eq!(b.clicks(), 3, "clicks in the city user's journey");
        b.assert_accessible("the year report (city)").await;
        // For Excel (the button) and the standard CSV beside it.
        let excel = b.find("a.button[href^='/reports/sector.csv']").await.attr("href").await.unwrap().unwrap();
        assert_eq!(excel, "/reports/sector.csv?period=2025&format=excel");
        let sheet = b.fetch_text(&excel).await;
        assert!(
            sheet.trim_start_matches('\u{feff}').starts_with("Periode;Indeling;Groep;Cijfer;Waarde;Afgeschermd"),
            "{sheet}"
        );
        let href = b.find("a[href='/reports/sector.csv?period=2025']").await.attr("href").await.unwrap().unwrap();
        let csv = b.fetch_text(&href).await;
        assert!(csv.starts_with("period,dimension,key,measure,value,suppressed"), "{csv}");
        assert!(csv.lines().skip(1).all(|l| l.starts_with("2025,")), "{csv}");

        // The public monitor, printed: title and period, the headline figures, each
        // chart with its table, the note on suppressed figures; no navigation, no
        // forms, no exact-figures banner.
        b.client.delete_all_cookies().await.unwrap();
        b.goto("/reports/sector?period=2025").await;
        b.find(".report__period").await;
        let (pages, text) = b.print_pdf("report-2025-nl").await;
        assert!((3..=10).contains(&pages), "{pages} pages:\n{text}");
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for expected in [
            "Sectorrapportage 2025",
            "Kerncijfers",
            "Mensen aan het werk",
            "Ontwikkeling",
            "Naar sector",
            "Over afgeschermde cijfers",
            "Een streepje (–) staat voor een afgeschermd cijfer",
        ] {
            assert!(flat.contains(expected), "the printed report lacks {expected:?}:\n{text}");
        }
        for absent in ["Inloggen", "Tonen", "Cijfers downloaden", "Niet voor publicatie", "English"] {
            assert!(!flat.contains(absent), "the printed report shows {absent:?}:\n{text}");
        }
        // Each chart prints with its table: the chart's caption, then the table's.
        let chart = flat.find("Mensen aan het werk per sector").unwrap_or_else(|| panic!("no sector chart:\n{text}"));
        assert!(flat[chart..].contains("Naar sector – 2025"), "no sector table after its chart:\n{text}");
    });
}

/// The operator returns a submission with a comment; the WISE corrects it; the operator
/// sees the correction arrive as a new revision.
#[test]
fn the_operator_returns_a_submission_and_sees_the_correction_arrive() {
    if !available("browser::the_operator_returns_a_submission_and_sees_the_correction_arrive") {
        return;
    }
    run(async {
        let server = Server::start();
        let b = Browser::start(&server.base).await;
        // The demo WISE account's enterprise submitted 2026-Q3.
        b.sign_in(WISE, DEMO_PASSWORD).await;
        b.goto("/manage").await;
        let figures = b.find("a[href$='/figures']").await.attr("href").await.unwrap().unwrap();
        let kvk = figures.trim_start_matches("/manage/organisations/").trim_end_matches("/figures").to_string();

        b.sign_in(ADMIN, DEMO_PASSWORD).await;
        b.goto("/figures/status?period=2026-Q3").await;
        b.click(&format!("tr#wise-{kvk} th a[href^='/admin/submissions/']")).await;
        let review = b.path().await;
        b.fill("#comment", "Het aantal doelgroepmedewerkers lijkt te hoog; kijkt u het nog eens na?").await;
        b.click(&format!("form[action^='{review}/return'] button[type=submit]")).await;
        b.assert_text("Teruggestuurd").await;

        b.sign_in(WISE, DEMO_PASSWORD).await;
        b.goto(&format!("{figures}/2026-Q3")).await;
        b.assert_text("De beheerder heeft deze cijfers teruggestuurd.").await;
        b.assert_text("lijkt te hoog").await;
        let before = b.find("#paid_target_group").await.prop("value").await.unwrap().unwrap();
        let corrected = (before.parse::<i64>().unwrap() - 1).to_string();
        b.fill("#paid_target_group", &corrected).await;
        b.click("button[name=action][value=submit]").await;
        b.assert_text("Uw cijfers zijn verstuurd.").await;

        b.sign_in(ADMIN, DEMO_PASSWORD).await;
        b.goto(&review).await;
        let newest = b.find("ol.revisions li").await.text().await.unwrap();
        assert!(
            newest.contains(&before) && newest.contains(&corrected),
            "the newest revision shows the change:\n{newest}"
        );
        b.assert_text("Verstuurd").await;
        b.click(&format!("form[action='{review}/accept'] button[type=submit]")).await;
        b.assert_text("Geaccepteerd").await;
        // As many as before: the journey reviews one submission ("Accept and next" and
        // the bulk accept save clicks over many).
        assert_eq!(b.clicks(), 8, "clicks in the operator's journey");
    });
}

/// A buyer posts a need, the operator publishes it, the demo WISE (which offers
/// catering in Amsterdam) finds it on its start page and answers interested, the buyer
/// sees the answer and records the deal, the WISE confirms it, and the city's report of
/// the year counts one more deal.
#[test]
fn a_buyer_posts_a_need_a_wise_answers_and_the_deal_is_counted() {
    if !available("browser::a_buyer_posts_a_need_a_wise_answers_and_the_deal_is_counted") {
        return;
    }
    run(async {
        use chrono::Datelike;
        let server = Server::start();
        let b = Browser::start(&server.base).await;
        let year = chrono::Utc::now().year().to_string();
        let deals_before = deals_in_report(&b, &year).await;

        b.sign_in(BUYER, DEMO_PASSWORD).await;
        b.goto("/needs").await;
        b.click("a[href='/needs/new']").await;
        b.fill("#need-title", "Lunch voor de open dag").await;
        b.fill("#need-description", "Broodjes en soep voor 120 bezoekers van de open dag van het stadhuis.").await;
        b.select("#need-kind", "quote").await;
        b.select("#need-offering-kind", "service").await;
        b.fill("#need-cpv-codes", "55520000").await;
        b.select("#need-location", "municipality").await;
        b.fill("#need-municipality", "Amsterdam").await;
        b.select("#need-amount-band", "under_25k").await;
        let deadline = (chrono::Utc::now().date_naive() + chrono::Duration::days(30)).format("%Y-%m-%d").to_string();
        b.script(&format!("document.querySelector('#need-deadline').value = '{deadline}'; return null;")).await;
        b.click("button[name=then][value=submit]").await;
        b.assert_text("Ingediend").await;
        let need = b.path().await.split('?').next().unwrap().to_string();
        assert!(need.starts_with("/needs/"), "{need}");
        b.assert_accessible("a need, as its buyer").await;

        b.sign_in(ADMIN, DEMO_PASSWORD).await;
        b.goto(&need).await;
        b.click(&format!("form[action='/admin{need}/publish'] button[type=submit]")).await;
        b.assert_text("Gepubliceerd").await;

        b.sign_in(WISE, DEMO_PASSWORD).await;
        b.goto("/start").await;
        let wise = b.find("section.start-card h2").await.text().await.unwrap();
        b.click(&format!("section.start-card a[href='{need}']")).await;
        b.count_click();
        b.find("#response-interested").await.click().await.unwrap();
        b.fill("#answer-message", "Wij verzorgen graag de lunch, met ons leerwerkteam.").await;
        b.click(&format!("form[action='{need}/respond'] button[type=submit]")).await;
        b.assert_text("Interesse").await;

        b.sign_in(BUYER, DEMO_PASSWORD).await;
        b.goto(&need).await;
        b.assert_text("Wij verzorgen graag de lunch").await;
        let option = b
            .script(&format!(
                "return Array.from(document.querySelectorAll('#outcome-organisation option')).find(o => o.text === {wise:?}).value;"
            ))
            .await;
        b.select("#outcome-organisation", option.as_str().expect("the WISE is on the outcome list")).await;
        b.fill("#outcome-amount", "8.500").await;
        b.select("#outcome-found", "no").await;
        b.click(&format!("form[action='{need}/outcome'] button[type=submit]")).await;
        b.assert_text("8.500").await;

        b.sign_in(WISE, DEMO_PASSWORD).await;
        b.goto(&need).await;
        b.click(&format!("form[action^='{need}/deals/'][action$='/confirm'] button[type=submit]")).await;
        b.assert_text("Bevestigd").await;

        assert_eq!(deals_in_report(&b, &year).await, deals_before + 1, "the confirmed deal is counted");
    });
}

/// The city's officer records a contract with a social-return clause, the contractor
/// claims a purchase from the demo WISE, the WISE confirms it, and the contract's
/// realised amount moves.
#[test]
fn an_officer_records_a_contract_the_contractor_claims_and_the_wise_confirms() {
    if !available("browser::an_officer_records_a_contract_the_contractor_claims_and_the_wise_confirms") {
        return;
    }
    run(async {
        let server = Server::start();
        let b = Browser::start(&server.base).await;
        let today = chrono::Utc::now().date_naive();
        let date = |field: &str, days: i64| {
            let day = (today + chrono::Duration::days(days)).format("%Y-%m-%d").to_string();
            format!("document.querySelector('{field}').value = '{day}'; return null;")
        };

        b.sign_in(CITY, DEMO_PASSWORD).await;
        b.goto("/social-return").await;
        b.click("a[href='/social-return/contracts/new']").await;
        b.fill("#sr-reference", "SR-B-1").await;
        b.fill("#sr-title", "Schoonmaak bibliotheken").await;
        b.fill("#sr-value_eur", "500.000").await;
        b.fill("#sr-percent", "5").await;
        b.script(&date("#sr-starts_on", -30)).await;
        b.script(&date("#sr-ends_on", 335)).await;
        b.fill("#sr-contractor_kvk", "20260003").await;
        b.click("form[action='/social-return/contracts'] button[type=submit]").await;
        b.assert_text("SR-B-1").await;
        b.assert_text("25.000").await;
        let contract = b.path().await.split('?').next().unwrap().to_string();

        b.sign_in(CONTRACTOR, DEMO_PASSWORD).await;
        b.goto("/social-return").await;
        b.click(&format!("a[href='{contract}']")).await;
        b.select("#sr-kind", "purchase").await;
        b.script(&date("#sr-entry_date", -5)).await;
        b.fill("#sr-wise_kvk", WISE_KVK).await;
        b.fill("#sr-invoice_number", "B-2026-1").await;
        b.fill("#sr-amount_eur", "4.000").await;
        b.click(&format!("form[action='{contract}/entries'] button[type=submit]")).await;
        b.assert_text("Wacht op de sociale onderneming").await;
        b.assert_accessible("a contract, as its contractor").await;

        b.sign_in(WISE, DEMO_PASSWORD).await;
        b.goto("/social-return").await;
        b.assert_text("B-2026-1").await;
        let row = b
            .script("return Array.from(document.querySelectorAll('tr[id^=claim-]')).find(r => r.textContent.includes('B-2026-1')).id;")
            .await;
        let row = row.as_str().expect("the claim is listed").to_string();
        b.click(&format!("#{row} button[name=decision][value=confirm]")).await;
        b.assert_text("telt nu mee").await;

        b.sign_in(CITY, DEMO_PASSWORD).await;
        b.goto(&contract).await;
        let realised = b.find("[data-testid=realised]").await.text().await.unwrap();
        assert!(realised.contains("4.000") && realised.contains("16,0"), "the obligation is 25.000: {realised}");
    });
}

#[test]
fn a_wise_proposes_a_partnership_the_company_confirms_and_the_report_counts_its_moves() {
    if !available("browser::a_wise_proposes_a_partnership_the_company_confirms_and_the_report_counts_its_moves") {
        return;
    }
    run(async {
        let server = Server::start();
        let b = Browser::start(&server.base).await;
        let before = partnerships_in_report(&b, "2026-Q3").await;

        // The demo WISE proposes a partnership with the demo building company, begun in spring.
        b.sign_in(WISE, DEMO_PASSWORD).await;
        b.goto("/partnerships/new").await;
        b.fill("#pa-company_kvk", "20260003").await;
        b.click("input[name=exchanges][value=placement_route]").await;
        b.click("input[name=phase][value=orientation]").await;
        b.click("input[name=values][value=transaction]").await;
        b.script("document.querySelector('#pa-started_on').value = '2026-05-04'; return null;").await;
        b.fill("#pa-wise_people", "Jobcoach").await;
        b.click("form[action='/partnerships'] button[type=submit]").await;
        b.assert_text("De samenwerking is voorgesteld").await;
        let page = b.path().await.split('?').next().unwrap().to_string();
        let id = page.rsplit('/').next().unwrap().to_string();

        // The company's buyer confirms it.
        b.sign_in(CONTRACTOR, DEMO_PASSWORD).await;
        b.goto("/partnerships").await;
        b.click(&format!("a[href='{page}']")).await;
        b.fill("#pa-company_people", "HR-adviseur").await;
        b.click(&format!("form[action='{page}/confirm'] button[type=submit]")).await;
        b.assert_text("De samenwerking is bevestigd").await;
        b.assert_accessible("a partnership, confirmed by the company").await;

        // With its figures for 2026-Q3 the WISE states the moves to its new partner.
        b.sign_in(WISE, DEMO_PASSWORD).await;
        b.goto(&format!("/manage/organisations/{WISE_KVK}/figures/2026-Q3")).await;
        b.fill("#moved_to_paid_external", "2").await;
        b.fill(&format!("#partner_{id}"), "1").await;
        b.click("button[name=action][value=submit]").await;
        if b.script("return document.querySelector('#confirm') !== null;").await == serde_json::Value::Bool(true) {
            b.click("#confirm").await;
            b.click("button[name=action][value=submit]").await;
        }
        b.assert_text("Uw cijfers zijn verstuurd").await;

        // The city's report of the quarter counts the partnership and the move to it.
        let after = partnerships_in_report(&b, "2026-Q3").await;
        assert_eq!(after, (before.0 + 1, before.1 + 1), "partnerships and moves to partners, before {before:?}");
    });
}

/// The partnerships and the moves to partners in the city's (exact) report of `period`.
async fn partnerships_in_report(b: &Browser, period: &str) -> (i64, i64) {
    b.sign_in(CITY, DEMO_PASSWORD).await;
    b.goto(&format!("/reports/sector?period={period}")).await;
    let read = |css: String| async move {
        let text =
            b.script(&format!("var c = document.querySelector(\"{css}\"); return c ? c.textContent : '0';")).await;
        text.as_str().unwrap_or("").trim().replace('.', "").parse::<i64>().unwrap_or(0)
    };
    let total = read("[data-testid=partnerships-total]".to_string()).await;
    let moves = read(format!("tr[data-period='{period}'] [data-testid=to-partners]")).await;
    (total, moves)
}

/// The confirmed deals of buyer needs in the city's (exact) report of `year`.
async fn deals_in_report(b: &Browser, year: &str) -> i64 {
    b.sign_in(CITY, DEMO_PASSWORD).await;
    b.goto(&format!("/reports/sector?period={year}")).await;
    let cell =
        b.script("var c = document.querySelectorAll('#needs tr.total td')[3]; return c ? c.textContent : '0';").await;
    cell.as_str().unwrap_or("").trim().replace('.', "").parse::<i64>().unwrap_or(0)
}

/// A buyer uploads the demo's procurement calendar and gets a recommendation per line;
/// the first line's WISEs are the ones the search link finds; the city sees what the
/// calendar could reserve, and the buyer's "post a need" link fills in the need form.
#[test]
fn a_buyer_uploads_the_procurement_calendar_and_gets_advice_per_purchase() {
    if !available("browser::a_buyer_uploads_the_procurement_calendar_and_gets_advice_per_purchase") {
        return;
    }
    run(async {
        let server = Server::start();
        let b = Browser::start(&server.base).await;
        let calendar = std::env::current_dir().unwrap().join("src/demo/fixtures/procurement-calendar.csv");
        for (who, totals) in [(BUYER, false), (CITY, true)] {
            b.sign_in(who, DEMO_PASSWORD).await;
            b.goto("/advisor").await;
            b.find("#calendar-file").await.send_keys(calendar.to_str().unwrap()).await.unwrap();
            b.click("#calendar-form button[type=submit]").await;
            let advice = b.client.find_all(fantoccini::Locator::Css("[data-testid=advice]")).await.unwrap();
            assert_eq!(advice.len(), 10, "one advice per purchase of the calendar");
            let shows_totals =
                b.client.find_all(fantoccini::Locator::Css("[data-testid=advisor-totals]")).await.unwrap();
            assert_eq!(!shows_totals.is_empty(), totals, "{who} sees the totals: {totals}");
            b.assert_accessible(&format!("the advice on a calendar ({who})")).await;
        }
        // The city's first line: its count and the search it links to agree.
        let first = b.find("[data-testid=advice][data-line='2']").await;
        let count: usize = first.attr("data-eligible").await.unwrap().unwrap().parse().unwrap();
        b.click("[data-testid=advice][data-line='2'] dd a").await;
        let found = b.client.find_all(fantoccini::Locator::Css("ul.results > li")).await.unwrap();
        assert_eq!(found.len(), count, "the advice counts what the search finds");

        // The buyer posts a need for one purchase: the form comes filled in.
        b.sign_in(BUYER, DEMO_PASSWORD).await;
        b.goto("/advisor?title=Schoonmaak+stadskantoren&cpv_codes=90911200&kind=service&municipality=Amsterdam&budget_eur=180000&duration_months=24").await;
        b.click("[data-testid=advice] a.button").await;
        let title = b.find("#need-title").await.prop("value").await.unwrap().unwrap_or_default();
        assert_eq!(title, "Schoonmaak stadskantoren");
    });
}

/// The demo WISE adds the evidence of its claimed certificate, the operator verifies it
/// from the queue, and the public profile shows it verified.
#[test]
fn a_wise_adds_evidence_and_the_operator_verifies_the_certificate() {
    if !available("browser::a_wise_adds_evidence_and_the_operator_verifies_the_certificate") {
        return;
    }
    run(async {
        let server = Server::start();
        let b = Browser::start(&server.base).await;
        let evidence = std::env::current_dir().unwrap().join("src/demo/fixtures/evidence.pdf");
        b.sign_in(WISE, DEMO_PASSWORD).await;
        b.goto("/manage/organisations/70412385/certificates").await;
        let claimed = b.find("li[data-state=claimed] input[type=file]").await;
        let field = claimed.attr("id").await.unwrap().unwrap();
        claimed.send_keys(evidence.to_str().unwrap()).await.unwrap();
        b.click(&format!("li:has(#{field}) button[type=submit]")).await;
        b.find(".notice").await;
        b.assert_accessible("the certificates after adding evidence").await;
        let id = field.trim_start_matches("evidence-").to_string();

        b.sign_in(ADMIN, DEMO_PASSWORD).await;
        b.goto("/admin/certificates").await;
        b.click(&format!("#certificate-{id} button[value=verify]")).await;
        b.find(".notice").await;
        b.goto("/admin/certificates?state=verified").await;
        b.find(&format!("#certificate-{id}")).await;
        b.assert_accessible("the operator's certificates").await;

        b.goto("/organisations/restaurant-de-nieuwe-buren").await;
        b.find("li[data-certificate=other][data-state=verified]").await;
    });
}
