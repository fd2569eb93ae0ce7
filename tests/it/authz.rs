//! The authorization matrix: every registered route, asked by every role (and, for
//! `wise`, on their own WISE and on another), answers as this table declares. A route
//! missing from the table fails the test. And every state-changing route refuses a
//! form without its CSRF token.

use actix_web::test::TestRequest;
use wise_monitor::db;
use wise_monitor::organisation::model::OrganisationInput;
use wise_monitor::organisation::offerings as offering_store;
use wise_monitor::organisation::store as org_store;

use crate::backend_tests;
use crate::support::{test_now, Backend, Browser, Snapshot, TestApp, TestUser};

/// Who asks, in the order they ask (the operator last: their requests succeed and change things).
const WHO: [&str; 6] = ["public", "buyer", "city", "wise-own", "wise-other", "admin"];

/// (method, route pattern, form fields, expected status for each of [`WHO`]).
/// 303 on a page for the public means "sent to sign in".
type Row = (&'static str, &'static str, &'static [(&'static str, &'static str)], [u16; 6]);

const TABLE: &[Row] = &[
    ("GET", "/", &[], [200; 6]),
    ("GET", "/healthz", &[], [200; 6]),
    ("GET", "/readyz", &[], [200; 6]),
    ("GET", "/static/{path:.*}", &[], [200; 6]),
    ("POST", "/language", &[("lang", "en")], [303; 6]),
    ("GET", "/organisations", &[], [200; 6]),
    ("GET", "/organisations.csv", &[], [200; 6]),
    ("GET", "/api/v1/organisations", &[], [200; 6]),
    ("GET", "/api/v1/offerings", &[], [200; 6]),
    ("GET", "/api/v1/openapi.json", &[], [200; 6]),
    ("GET", "/shortlist", &[], [303, 200, 403, 403, 403, 200]),
    ("GET", "/shortlist.csv", &[], [303, 200, 403, 403, 403, 200]),
    ("POST", "/shortlist", &[("kvk", "11111111")], [401, 303, 403, 403, 403, 303]),
    // Nobody has the WISE on their shortlist in a fresh world.
    ("POST", "/shortlist/{kvk}/remove", &[], [401, 404, 403, 403, 403, 404]),
    ("GET", "/saved-searches", &[], [303, 200, 403, 403, 403, 200]),
    (
        "POST",
        "/saved-searches",
        &[("name", "Fietsen"), ("frequency", "daily"), ("query", "q=fiets")],
        [401, 303, 403, 403, 403, 303],
    ),
    // The saved search is the target buyer's: nobody else finds it.
    ("POST", "/saved-searches/{id}", &[("name", "Van mij"), ("frequency", "weekly")], [401, 404, 403, 403, 403, 404]),
    ("POST", "/saved-searches/{id}/delete", &[], [401, 404, 403, 403, 403, 404]),
    (
        "POST",
        "/organisations/{slug}/enquiry",
        &[("subject", "Offerte"), ("message", "Graag een offerte.")],
        [401, 303, 403, 403, 403, 303],
    ),
    ("GET", "/organisations/{slug}", &[], [200; 6]),
    ("GET", "/api/v1/organisations/{kvk}", &[], [200; 6]),
    ("GET", "/api/v1/me", &[], [401, 200, 200, 200, 200, 200]),
    ("GET", "/sign-in", &[], [200, 303, 303, 303, 303, 303]),
    ("POST", "/sign-in", &[("email", "target@example.nl"), ("password", "wrong password")], [401; 6]),
    ("POST", "/sign-out", &[], [303; 6]),
    ("GET", "/password/forgot", &[], [200; 6]),
    ("POST", "/password/forgot", &[("email", "target@example.nl")], [200; 6]),
    ("GET", "/password/reset", &[], [410; 6]),
    ("POST", "/password/reset", &[("token", "nope"), ("password", "x"), ("password_confirm", "x")], [410; 6]),
    ("GET", "/invitation", &[], [410; 6]),
    ("POST", "/invitation", &[("token", "nope"), ("password", "x"), ("password_confirm", "x")], [410; 6]),
    ("GET", "/account", &[], [303, 200, 200, 200, 200, 200]),
    ("GET", "/start", &[], [303, 200, 200, 200, 200, 200]),
    ("POST", "/account", &[("name", "Nieuwe Naam"), ("language", "nl")], [401, 303, 303, 303, 303, 303]),
    (
        "POST",
        "/account/password",
        &[("current_password", "wrong"), ("password", "x"), ("password_confirm", "x")],
        [401, 422, 422, 422, 422, 422],
    ),
    (
        "POST",
        "/account/tokens",
        &[("token_name", "script"), ("current_password", crate::support::PASSWORD)],
        [401, 200, 200, 200, 200, 200],
    ),
    // The token in the path is the operator's own.
    ("POST", "/account/tokens/{id}/revoke", &[], [401, 404, 404, 404, 404, 303]),
    ("GET", "/admin/periods", &[], [303, 403, 403, 403, 403, 200]),
    (
        "POST",
        "/admin/periods",
        &[("from", "2026-Q1"), ("to", "2026-Q4"), ("due_days", "30")],
        [401, 403, 403, 403, 403, 303],
    ),
    ("GET", "/api/v1/periods", &[], [200; 6]),
    ("GET", "/admin/users", &[], [303, 403, 403, 403, 403, 200]),
    (
        "POST",
        "/admin/users",
        &[("email", "new@example.nl"), ("name", "Nieuw"), ("role", "buyer"), ("language", "nl")],
        [401, 403, 403, 403, 403, 303],
    ),
    ("POST", "/admin/users/{id}/role", &[("role", "city")], [401, 403, 403, 403, 403, 303]),
    ("POST", "/admin/users/{id}/disable", &[], [401, 403, 403, 403, 403, 303]),
    ("POST", "/admin/users/{id}/enable", &[], [401, 403, 403, 403, 403, 303]),
    ("GET", "/admin/audit", &[], [303, 403, 403, 403, 403, 200]),
    ("GET", "/register", &[], [200; 6]),
    // An incomplete application: the form again with field errors, nothing stored.
    ("POST", "/register", &[("kvk_number", "123")], [422; 6]),
    ("GET", "/register/confirm", &[], [410; 6]),
    ("POST", "/register/confirm", &[("token", "nope")], [410; 6]),
    ("POST", "/register/resend", &[("email", "target@example.nl")], [200; 6]),
    ("GET", "/register/buyer", &[], [200; 6]),
    ("POST", "/register/buyer", &[("organisation_kvk", "123")], [422; 6]),
    ("GET", "/register/buyer/confirm", &[], [410; 6]),
    ("POST", "/register/buyer/confirm", &[("token", "nope")], [410; 6]),
    ("GET", "/admin/organisations", &[], [303, 403, 403, 403, 403, 200]),
    // The WISE in the path is the own one, which is approved: only suspending applies.
    ("GET", "/admin/organisations/{id}", &[], [303, 403, 403, 403, 403, 200]),
    ("POST", "/admin/organisations/{id}/approve", &[], [401, 403, 403, 403, 403, 409]),
    (
        "POST",
        "/admin/organisations/{id}/request-changes",
        &[("message", "Graag meer uitleg.")],
        [401, 403, 403, 403, 403, 409],
    ),
    ("POST", "/admin/organisations/{id}/suspend", &[("reason", "Onderzoek loopt.")], [401, 403, 403, 403, 403, 303]),
    ("POST", "/admin/organisations/{id}/reinstate", &[], [401, 403, 403, 403, 403, 409]),
    ("GET", "/admin/import", &[], [303, 403, 403, 403, 403, 200]),
    // Pasted CSV text (the page also takes a file as multipart): one new WISE, then back to the page.
    (
        "POST",
        "/admin/import",
        &[("csv", "kvk_number,name,municipality,sectors\n33333333,Nieuwe Keuken,Amsterdam,catering\n")],
        [401, 403, 403, 403, 403, 303],
    ),
    // The municipalities table: read and imported (pasted CSV) by the operator only.
    ("GET", "/admin/municipalities", &[], [303, 403, 403, 403, 403, 200]),
    (
        "POST",
        "/admin/municipalities",
        &[("csv", "code,name,latitude,longitude\nGM0363,Amsterdam,52.3676,4.9041\n")],
        [401, 403, 403, 403, 403, 303],
    ),
    // "My WISE": `{kvk}` is the own WISE, `{id}` one of its offerings.
    ("GET", "/manage", &[], [303, 403, 403, 200, 200, 200]),
    ("GET", "/manage/organisations/{kvk}", &[], [303, 403, 403, 200, 403, 200]),
    (
        "POST",
        "/manage/organisations/{kvk}",
        &[("name", "Eigen Keuken"), ("municipality", "Amsterdam"), ("primary_sector", "catering")],
        [401, 403, 403, 303, 403, 303],
    ),
    ("GET", "/manage/organisations/{kvk}/offerings", &[], [303, 403, 403, 200, 403, 200]),
    ("GET", "/manage/organisations/{kvk}/offerings/new", &[], [303, 403, 403, 200, 403, 200]),
    (
        "POST",
        "/manage/organisations/{kvk}/offerings/new",
        &[("title", "Glazenwassen"), ("kind", "service"), ("cpv_code", "45000000-7"), ("service_area", "national")],
        [401, 403, 403, 303, 403, 303],
    ),
    ("GET", "/manage/organisations/{kvk}/offerings/{id}", &[], [303, 403, 403, 200, 403, 200]),
    (
        "POST",
        "/manage/organisations/{kvk}/offerings/{id}",
        &[("title", "Glazenwassen"), ("kind", "service"), ("cpv_code", "90911300"), ("service_area", "national")],
        [401, 403, 403, 303, 403, 303],
    ),
    ("POST", "/manage/organisations/{kvk}/offerings/{id}/deactivate", &[], [401, 403, 403, 303, 403, 303]),
    ("POST", "/manage/organisations/{kvk}/offerings/{id}/activate", &[], [401, 403, 403, 303, 403, 303]),
    ("GET", "/manage/organisations/{kvk}/offerings/{id}/delete", &[], [303, 403, 403, 200, 403, 200]),
    // The own WISE's user deletes the offering, so the operator (asking last) finds none.
    ("POST", "/manage/organisations/{kvk}/offerings/{id}/delete", &[], [401, 403, 403, 303, 403, 404]),
    ("GET", "/api/v1/cpv", &[], [200; 6]),
    ("GET", "/manage/organisations/{kvk}/figures", &[], [303, 403, 403, 200, 403, 200]),
    ("GET", "/manage/organisations/{kvk}/figures/{period}", &[], [303, 403, 403, 200, 403, 200]),
    ("POST", "/manage/organisations/{kvk}/figures/{period}", FIGURES, [401, 403, 403, 303, 403, 303]),
    ("GET", "/manage/organisations/{kvk}/figures/{period}/history", &[], [303, 403, 403, 200, 403, 200]),
    // The sector report page: public, exact for the city and the operator (no figures in this world).
    ("GET", "/reports/sector", &[], [200; 6]),
    ("GET", "/figures/status", &[], [303, 403, 200, 403, 403, 200]),
    ("GET", "/reports/sector.csv", &[], [422; 6]),
    ("GET", "/unsubscribe/{token}", &[], [404; 6]),
    ("GET", "/admin/outbox", &[], [303, 403, 403, 403, 403, 200]),
    ("POST", "/admin/outbox/{id}/retry", &[], [401, 403, 403, 403, 403, 409]),
    ("POST", "/unsubscribe/{token}", &[], [404; 6]),
    ("GET", "/api/v1/reports/sector", &[], [422; 6]),
    ("GET", "/figures/status.csv", &[], [303, 403, 200, 403, 403, 200]),
    ("GET", "/admin/submissions/{id}", &[], [303, 403, 403, 403, 403, 200]),
    // Accepted first, then returned: both allowed in that order.
    ("POST", "/admin/submissions/{id}/accept", &[], [401, 403, 403, 403, 403, 303]),
    ("POST", "/admin/submissions/{id}/return", &[("comment", "Graag nakijken.")], [401, 403, 403, 403, 403, 303]),
    // The own WISE's submission raises no warning: the operator accepts it with the rest.
    ("POST", "/admin/submissions/accept-without-warnings", &[("period", "2026-Q3")], [401, 403, 403, 403, 403, 303]),
    ("GET", "/admin/figures/import", &[], [303, 403, 403, 403, 403, 200]),
    // Pasted CSV text (the page also takes a file as multipart): the counts on the page.
    ("POST", "/admin/figures/import", &[("csv", FIGURES_CSV)], [401, 403, 403, 403, 403, 200]),
    // An API POST's one "field" is (Content-Type, body). The row is for the own WISE:
    // its user revises the figures, the operator then finds them unchanged.
    ("POST", "/api/v1/figures", &[("text/csv", FIGURES_CSV)], [401, 403, 403, 200, 403, 200]),
    // Needs. `{id}` is a need of the buyer's organisation, published and alerted to the
    // own WISE; the other WISE was not matched, the city has no part in needs.
    ("GET", "/needs", &[], [303, 200, 403, 200, 200, 200]),
    ("GET", "/needs/new", &[], [303, 200, 403, 403, 403, 403]),
    ("POST", "/needs", NEED, [401, 303, 403, 403, 403, 403]),
    ("GET", "/needs/fulfilled", &[], [200; 6]),
    // A WISE user's mail of new needs; the other roles have none.
    ("POST", "/needs/digest", &[("frequency", "weekly")], [401, 403, 403, 303, 303, 403]),
    ("GET", "/needs/{id}", &[], [303, 200, 403, 200, 404, 200]),
    ("GET", "/needs/{id}/edit", &[], [303, 409, 403, 409, 404, 409]),
    ("POST", "/needs/{id}", NEED, [401, 409, 403, 409, 404, 409]),
    // Only the buyer submits, only a WISE answers, only the other side confirms a deal.
    ("POST", "/needs/{id}/submit", &[], [401, 409, 403, 404, 404, 404]),
    ("GET", "/needs/{id}/responses.csv", &[], [303, 200, 403, 404, 404, 200]),
    // Documents are added to and removed from a draft or returned need only.
    ("POST", "/needs/{id}/attachments", &[], [401, 409, 403, 409, 404, 409]),
    ("GET", "/needs/{id}/attachments/{attachment}", &[], [303, 200, 403, 200, 404, 200]),
    ("POST", "/needs/{id}/attachments/{attachment}/delete", &[], [401, 409, 403, 409, 404, 409]),
    (
        "POST",
        "/needs/{id}/respond",
        &[("response", "interested"), ("message", "Graag")],
        [401, 404, 403, 303, 404, 404],
    ),
    // The own WISE did not answer "bid together", so it has nobody to write to.
    ("POST", "/needs/{id}/messages", &[("to", "2"), ("body", "Samen?")], [401, 404, 403, 409, 404, 404]),
    ("POST", "/needs/{id}/remind", &[], [401, 303, 403, 404, 404, 404]),
    (
        "POST",
        "/needs/{id}/outcome",
        &[("organisation", ""), ("amount_eur", "1000"), ("found_without", "no")],
        [401, 303, 403, 303, 404, 403],
    ),
    ("POST", "/needs/{id}/deals/{deal}/confirm", &[], [401, 404, 403, 303, 404, 404]),
    ("POST", "/needs/{id}/deals/{deal}/dispute", &[("comment", "Niet zo")], [401, 404, 403, 303, 404, 404]),
    (
        "POST",
        "/admin/needs/{id}/deals/{deal}/decide",
        &[("status", "confirmed"), ("comment", "Factuur gezien")],
        [401, 403, 403, 403, 403, 303],
    ),
    ("POST", "/needs/{id}/withdraw", &[("reason", "Niet meer nodig")], [401, 303, 403, 404, 404, 409]),
    ("POST", "/admin/needs/{id}/publish", &[], [401, 403, 403, 403, 403, 409]),
    ("POST", "/admin/needs/{id}/return", &[("comment", "Meer uitleg")], [401, 403, 403, 403, 403, 409]),
    (
        "POST",
        "/admin/needs/{id}/matches",
        &[("kvk_number", "22222222"), ("reason", "Kan het")],
        [401, 403, 403, 403, 403, 303],
    ),
    (
        "POST",
        "/admin/needs/{id}/matches/{organisation}/remove",
        &[("reason", "Te ver weg")],
        [401, 403, 403, 403, 403, 303],
    ),
    ("GET", "/api/v1/needs", &[], [401, 200, 403, 200, 200, 200]),
    ("POST", "/api/v1/needs", &[("application/json", NEED_JSON)], [401, 201, 403, 403, 403, 403]),
    ("GET", "/api/v1/needs/{id}", &[], [401, 200, 403, 200, 404, 200]),
    // Buying organisations. `{id}` is the buyer's organisation, approved, as is `{user}`, its buyer.
    ("GET", "/admin/buyers", &[], [303, 403, 403, 403, 403, 200]),
    (
        "POST",
        "/admin/buyers",
        &[
            ("organisation_name", "Gemeente Zaanstad"),
            ("organisation_kvk", "44444444"),
            ("organisation_kind", "municipality"),
            ("organisation_municipality", "Zaanstad"),
        ],
        [401, 403, 403, 403, 403, 303],
    ),
    ("GET", "/buying-organisations/{id}", &[], [303, 200, 403, 403, 403, 200]),
    ("POST", "/admin/buyers/{id}/approve", &[], [401, 403, 403, 403, 403, 409]),
    ("POST", "/buying-organisations/{id}/members/{user}/approve", &[], [401, 409, 403, 403, 403, 409]),
    // Spend registers: a buyer's own; the operator reads any (`?organisation=`; without it
    // the page lists them and the downloads find none) and changes none.
    ("GET", "/spend", &[], [303, 200, 403, 403, 403, 200]),
    ("GET", "/spend.csv", &[], [303, 200, 403, 403, 403, 404]),
    ("POST", "/spend/rows", SPEND_ROW, [401, 303, 403, 403, 403, 403]),
    // `{id}` is no row of the buyer's register.
    ("POST", "/spend/rows/{id}/delete", &[], [401, 404, 403, 403, 403, 403]),
    ("POST", "/spend/sharing", &[("share", "yes")], [401, 303, 403, 403, 403, 403]),
    ("GET", "/spend/import", &[], [303, 200, 403, 403, 403, 403]),
    ("POST", "/spend/import", &[("csv", SPEND_CSV)], [401, 200, 403, 403, 403, 403]),
    ("GET", "/spend/check", &[], [303, 200, 403, 403, 403, 200]),
    ("POST", "/spend/check", &[("csv", "11111111\n12345678")], [401, 200, 403, 403, 403, 200]),
    ("GET", "/api/v1/spend", &[], [401, 200, 403, 403, 403, 404]),
    ("POST", "/api/v1/spend", &[("text/csv", SPEND_CSV)], [401, 200, 403, 403, 403, 403]),
    // Social return: the contract is the buyer's organisation's, the claim on the own WISE.
    ("GET", "/social-return", &[], [303, 200, 200, 303, 303, 200]),
    ("GET", "/social-return.csv", &[], [303, 200, 200, 403, 403, 200]),
    ("GET", "/social-return/contracts/new", &[], [303, 403, 200, 403, 403, 200]),
    // The city's officer records the reference first; the operator's is then taken.
    ("POST", "/social-return/contracts", SR_CONTRACT, [401, 403, 303, 403, 403, 422]),
    ("GET", "/social-return/contracts/{id}", &[], [303, 200, 200, 403, 403, 200]),
    ("POST", "/social-return/contracts/{id}/entries", SR_BLOCK, [401, 303, 403, 403, 403, 403]),
    ("POST", "/social-return/entries/{id}/withdraw", &[], [401, 303, 403, 403, 403, 403]),
    // The officer counts the claim first; the operator finds it counted.
    ("POST", "/social-return/entries/{id}/override", &[("reason", "Factuur gezien.")], [401, 403, 303, 403, 403, 409]),
    ("GET", "/social-return/claims", &[], [303, 403, 403, 200, 200, 403]),
    ("POST", "/social-return/entries/{id}/answer", &[("decision", "confirm")], [401, 403, 403, 303, 404, 403]),
    ("GET", "/api/v1/social-return/contracts", &[], [401, 200, 200, 403, 403, 200]),
    ("GET", "/api/v1/social-return/contracts.csv", &[], [401, 200, 200, 403, 403, 200]),
    ("GET", "/api/v1/social-return/contracts/{id}", &[], [401, 200, 200, 403, 403, 200]),
    (
        "POST",
        "/api/v1/social-return/contracts/{id}/entries",
        &[("application/json", r#"{"kind":"apprenticeship","entry_date":"2026-06-01","quantity":"1"}"#)],
        [401, 201, 403, 403, 403, 403],
    ),
    ("GET", "/api/v1/social-return/claims", &[], [401, 403, 403, 200, 200, 403]),
    (
        "POST",
        "/api/v1/social-return/entries/{id}/answer",
        &[("application/json", r#"{"decision":"confirm"}"#)],
        [401, 403, 403, 200, 404, 403],
    ),
    // Partnerships. `{id}` is the own WISE's proposal to the buyer's organisation (each
    // POST row in a fresh world): the buyer confirms or declines it, and a review needs
    // a confirmed one (409 for the partners).
    ("GET", "/partnerships", &[], [303, 200, 200, 200, 200, 200]),
    // `{kvk}` is the own WISE's, not a company's: no company page.
    ("GET", "/companies/{kvk}", &[], [404; 6]),
    ("GET", "/partnerships/new", &[], [303, 403, 403, 200, 200, 403]),
    // The own WISE already proposed one to this company; the other WISE's is new.
    ("POST", "/partnerships", PARTNERSHIP, [401, 403, 403, 422, 303, 403]),
    ("GET", "/partnerships/{id}", &[], [303, 200, 200, 200, 404, 200]),
    ("POST", "/partnerships/{id}/confirm", &[("named", "on")], [401, 303, 403, 409, 404, 403]),
    (
        "POST",
        "/partnerships/{id}/review",
        &[("phase", "integration"), ("changed_on", "2026-06-01")],
        [401, 409, 403, 409, 404, 403],
    ),
    ("POST", "/partnerships/{id}/end", &[("reason", "Afgerond")], [401, 303, 403, 409, 404, 403]),
    ("GET", "/partnerships/{id}/assessment", &[], [303, 200, 200, 200, 404, 200]),
    ("POST", "/partnerships/{id}/assessment", &[("score_trust", "3")], [401, 409, 403, 409, 404, 403]),
    ("GET", "/api/v1/partnerships", &[], [200; 6]),
    // Certificates: the WISE's page and evidence (its staff and the operator), the
    // operator's queue and decision. The form posted here carries no file (422).
    ("GET", "/manage/organisations/{kvk}/certificates", &[], [303, 403, 403, 200, 403, 200]),
    ("POST", "/manage/organisations/{kvk}/certificates/{certificate}/evidence", &[], [401, 403, 403, 422, 403, 422]),
    ("GET", "/manage/organisations/{kvk}/certificates/{certificate}/evidence", &[], [303, 403, 403, 200, 403, 200]),
    ("GET", "/admin/certificates", &[], [303, 403, 403, 403, 403, 200]),
    ("POST", "/admin/certificates/{certificate}", &[("decision", "verify")], [401, 403, 403, 403, 403, 303]),
    // Every WISE's profile completeness: the operator's overview.
    ("GET", "/admin/completeness", &[], [303, 403, 403, 403, 403, 200]),
    // The advisor: buyers, the city and the operator. Without a purchase in the query
    // string the CSV and the API answer 400 (the fields are missing) to those allowed.
    ("GET", "/advisor", &[], [303, 200, 200, 403, 403, 200]),
    ("GET", "/advisor.csv", &[], [303, 400, 400, 403, 403, 400]),
    ("GET", "/advisor/example.csv", &[], [303, 200, 200, 403, 403, 200]),
    ("POST", "/advisor/calendar", &[("csv", CALENDAR)], [401, 200, 200, 403, 403, 200]),
    ("POST", "/advisor/calendar.csv", &[("csv", CALENDAR)], [401, 200, 200, 403, 403, 200]),
    ("GET", "/api/v1/advisor", &[], [401, 400, 400, 403, 403, 400]),
    ("POST", "/api/v1/advisor", &[("text/csv", CALENDAR)], [401, 200, 200, 403, 403, 200]),
];

/// A procurement calendar of one purchase.
const CALENDAR: &str = "title,cpv_codes,municipality,budget_eur,duration_months\nLunch,55520000,Amsterdam,50000,12\n";

/// A partnership with the buyer's organisation as the proposal form sends it.
const PARTNERSHIP: &[(&str, &str)] =
    &[("company_kvk", "33333333"), ("exchanges", "supply"), ("phase", "orientation"), ("started_on", "2026-01-01")];

/// A line of spend as the form sends it, and a spend CSV.
const SPEND_ROW: &[(&str, &str)] =
    &[("supplier_kvk", "11111111"), ("supplier_name", "Eigen WISE"), ("amount_eur", "1250"), ("period", "2026-Q1")];
const SPEND_CSV: &str = "supplier_kvk,supplier_name,amount_eur,period\n11111111,Eigen WISE,1250,2026-Q2\n";

/// A social-return contract of the buyer's organisation, and a building block towards it.
const SR_CONTRACT: &[(&str, &str)] = &[
    ("reference", "SR-T-2"),
    ("title", "Onderhoud"),
    ("contractor_kvk", "33333333"),
    ("value_eur", "100000"),
    ("percent", "5"),
    ("starts_on", "2026-01-01"),
    ("ends_on", "2027-12-31"),
];
const SR_BLOCK: &[(&str, &str)] = &[("kind", "apprenticeship"), ("entry_date", "2026-06-01"), ("quantity", "1")];

/// A need as the form sends it.
const NEED: &[(&str, &str)] = &[
    ("title", "Schoonmaak"),
    ("description", "Schoonmaak van twee kantoren."),
    ("kind", "quote"),
    ("offering_kind", "service"),
    ("cpv_codes", "90911200"),
    ("location", "national"),
    ("amount_band", "unknown"),
    ("deadline", "2027-01-15"),
    ("respond_how", "platform"),
];

/// The same need as the API takes it.
const NEED_JSON: &str = r#"{"title":"Schoonmaak","description":"Schoonmaak van twee kantoren.","kind":"quote",
"offering_kind":"service","cpv_codes":["90911200"],"location":"national","amount_band":"unknown",
"deadline":"2027-01-15","respond_how":"platform"}"#;

/// Figures of the own WISE for 2026-Q3, as a figures CSV file.
const FIGURES_CSV: &str = "kvk_number,period,paid_target_group,paid_regular,trainees,daytime_activities,volunteers,\
new_participants,moved_to_paid_internal,moved_to_paid_external,moved_to_education,other_exits\n\
11111111,2026-Q3,12,4,3,0,2,2,1,1,0,0\n";

/// A complete set of figures for the submission form.
const FIGURES: &[(&str, &str)] = &[
    ("paid_target_group", "12"),
    ("paid_regular", "4"),
    ("trainees", "3"),
    ("daytime_activities", "0"),
    ("volunteers", "2"),
    ("new_participants", "2"),
    ("moved_to_paid_internal", "1"),
    ("moved_to_paid_external", "1"),
    ("moved_to_education", "0"),
    ("other_exits", "0"),
    ("action", "submit"),
];

/// A small world: two WISEs, a user of each role, a target user and an operator's token.
struct World {
    app: TestApp,
    places: Places,
}

/// What the rows ask about in a [`World`], and who asks.
#[derive(Clone)]
struct Places {
    slug: String,
    kvk: String,
    browsers: Vec<Browser>,
    tokens: Vec<Option<String>>,
    target: TestUser,
    admin_token_id: i32,
    /// The own WISE's id.
    own_id: i32,
    /// An offering of the own WISE.
    offering_id: i32,
    /// The own WISE's submission for 2026-Q3.
    submission_id: i32,
    /// A saved search of the target buyer.
    saved_search_id: i32,
    /// The buyer's buying organisation, a published need of it, the own WISE's deal on it.
    buying_id: i32,
    buyer_id: i32,
    need_id: i32,
    deal_id: i32,
    attachment_id: i32,
    /// A social-return contract of the buyer's organisation and a pending claim on the own WISE.
    sr_contract_id: i32,
    sr_entry_id: i32,
    /// The own WISE's proposed partnership with the buyer's organisation.
    partnership_id: i32,
    /// The own WISE's claimed certificate, with evidence.
    certificate_id: i32,
}

async fn world(backend: Backend) -> World {
    let app = TestApp::builder().build(backend).await;
    let now = db::timestamp(test_now());
    let wise = |kvk: &str, name: &str| OrganisationInput {
        kvk_number: kvk.into(),
        name: name.into(),
        municipality: "Amsterdam".into(),
        sectors: vec!["catering".into()],
        ..Default::default()
    };
    let own = app
        .with_conn(|c| org_store::create_organisation(c, &wise("11111111", "Eigen Keuken"), "approved", now))
        .unwrap();
    let other = app
        .with_conn(|c| org_store::create_organisation(c, &wise("22222222", "Andere Keuken"), "approved", now))
        .unwrap();
    let offering = wise_monitor::organisation::model::OfferingInput {
        title: "Lunchcatering".into(),
        description: String::new(),
        kind: "service".into(),
        cpv_code: "55520000".into(),
        service_area: wise_monitor::organisation::model::ServiceArea::National,
        price_indication: None,
        lead_time: None,
        active: true,
    };
    let offering_id = app.with_conn(|c| offering_store::create_offering(c, own, &offering, "55520000", now)).unwrap();
    let submission_id = {
        use wise_monitor::figures::{periods, submissions, values::Figures};
        let request = periods::validate_range("2026-Q3", "2026-Q3", "30").unwrap();
        app.with_conn(|c| periods::create_range(c, &request, now)).unwrap();
        let period = app.with_conn(|c| periods::find(c, "2026-Q3")).unwrap().unwrap();
        let figures = Figures { stocks: [10, 4, 3, 0, 2], flows: [2, 1, 1, 0, 0], ..Figures::default() };
        let source = submissions::Source::Form;
        app.with_conn(|c| submissions::save(c, own, period.id, &figures, true, source, None, now))
            .unwrap()
            .submission_id
    };
    let buying_id = app
        .with_conn(|c| {
            let input = wise_monitor::buying::BuyingInput {
                name: "Gemeente Testdorp".into(),
                kvk_number: "33333333".into(),
                kind: "municipality".into(),
                municipality: "Amsterdam".into(),
            };
            wise_monitor::buying::store::create(c, &input, "approved", now)
        })
        .unwrap();
    let users = [
        None,
        Some(app.add_user("buyer", Some(buying_id))),
        Some(app.add_user("city", None)),
        Some(app.add_user("wise", Some(own))),
        Some(app.add_user("wise", Some(other))),
        Some(app.add_user("admin", None)),
    ];
    let target = app.add_user("buyer", None);
    let saved_search_id = app
        .with_conn(|c| {
            let params = wise_monitor::catalogue::search::SearchParams::default();
            wise_monitor::buyers::saved::create(c, target.id, "Alles", "weekly", &params, now)
        })
        .unwrap()
        .unwrap();
    let mut browsers = Vec::new();
    let mut tokens = Vec::new();
    for (n, user) in users.iter().enumerate() {
        // Each asks from their own address, so per-IP limits do not add up across roles.
        let ip = format!("10.0.0.{}", n + 1);
        match user {
            None => {
                browsers.push(app.visitor().await.at_ip(&ip));
                tokens.push(None);
            }
            Some(user) => {
                browsers.push(app.sign_in_as(user).await.at_ip(&ip));
                let token = app
                    .with_conn(|c| {
                        wise_monitor::accounts::create_token_audited(c, user.id, &user.email, "t", None, now)
                    })
                    .unwrap();
                tokens.push(Some(token));
            }
        }
    }
    let admin = users[5].as_ref().unwrap();
    let admin_token_id: i32 = app.with_conn(|c| {
        use diesel::prelude::*;
        use wise_monitor::db::schema::api_tokens;
        api_tokens::table.filter(api_tokens::user_id.eq(admin.id)).select(api_tokens::id).first(c).unwrap()
    });
    let buyer_id = users[1].as_ref().unwrap().id;
    let (need_id, deal_id, attachment_id) = published_need(&app, buying_id, buyer_id, own);
    let (sr_contract_id, sr_entry_id) =
        social_return_claim(&app, buying_id, users[2].as_ref().unwrap().id, buyer_id, own);
    let partnership_id = proposed_partnership(&app, own, buying_id, users[3].as_ref().unwrap().id);
    let certificate_id = claimed_certificate(&app, own);
    let places = Places {
        slug: "eigen-keuken".into(),
        kvk: "11111111".into(),
        browsers,
        tokens,
        target,
        admin_token_id,
        own_id: own,
        offering_id,
        submission_id,
        saved_search_id,
        buying_id,
        buyer_id,
        need_id,
        deal_id,
        attachment_id,
        sr_contract_id,
        sr_entry_id,
        certificate_id,
        partnership_id,
    };
    World { app, places }
}

/// The own WISE's proposal of a partnership to `company`, by its user `by`.
fn proposed_partnership(app: &TestApp, own: i32, company: i32, by: i32) -> i32 {
    use wise_monitor::partnerships::{model, store};
    let now = db::timestamp(test_now());
    let form = model::ProposalForm {
        company_kvk: "33333333".into(),
        exchanges: vec!["placement_route".into()],
        phase: "orientation".into(),
        started_on: "2025-01-01".into(),
        ..Default::default()
    };
    let proposal = form.check(true, now.date()).unwrap();
    app.with_conn(|c| store::propose(c, own, company, &proposal, by, now)).unwrap()
}

/// A social-return contract of `buying` recorded by `officer`, with a purchase from `own`
/// that `buyer` claimed and the WISE has not answered.
fn social_return_claim(app: &TestApp, buying: i32, officer: i32, buyer: i32, own: i32) -> (i32, i32) {
    use wise_monitor::social_return::{model, store};
    let now = db::timestamp(test_now());
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let contract = model::ContractInput {
        reference: "SR-T-1".into(),
        title: "Schoonmaak".into(),
        contractor_kvk: "33333333".into(),
        contractor_name: String::new(),
        contractor_email: String::new(),
        contractor_contact: String::new(),
        language: "nl".into(),
        value_cents: 10_000_000,
        percent_bp: 500,
        starts_on: day("2026-01-01"),
        ends_on: day("2027-12-31"),
    };
    let entry = model::EntryInput {
        kind: "purchase".into(),
        wise_kvk: Some("11111111".into()),
        invoice_number: Some("F-1".into()),
        entry_date: day("2026-05-01"),
        amount_cents: Some(100_000),
        quantity: 1,
        description: String::new(),
    };
    let valued = store::Valued { wise_id: Some(own), rate_pct: 100, value_cents: 100_000, state: "pending" };
    app.with_conn(|c| {
        let id = store::insert_contract(c, &contract, buying, officer, now).unwrap();
        (id, store::insert_entry(c, id, &entry, &valued, buyer, now).unwrap())
    })
}

/// A need of `buying`, published (so alerted to the own WISE, whose offering matches),
/// with a document, and a deal with `own` that the buyer reported and the WISE has not
/// confirmed yet.
fn published_need(app: &TestApp, buying: i32, buyer: i32, own: i32) -> (i32, i32, i32) {
    use wise_monitor::needs::{attachments, flow, model, store};
    let now = db::timestamp(test_now());
    let input = model::NeedInput {
        title: "Lunches".into(),
        description: "Lunch voor 40 mensen.".into(),
        kind: "quote".into(),
        offering_kind: "service".into(),
        cpv_codes: vec!["55520000".into()],
        location: "municipality".into(),
        municipality: "Amsterdam".into(),
        amount_band: "unknown".into(),
        deadline: "2027-01-15".into(),
        respond_how: "platform".into(),
        ..Default::default()
    };
    app.with_conn(|c| {
        let valid = model::validate(c, input, now.date()).unwrap().unwrap();
        let id = store::create(c, buying, buyer, &valid, now).unwrap();
        let pdf = b"%PDF-1.4\n%%EOF\n";
        let sha256 = wise_monitor::web::files::store(&app.state.config.needs.attachments_dir, pdf).unwrap();
        let kept = attachments::Kept { name: "bestek.pdf", content_type: "application/pdf", size: 14, sha256: &sha256 };
        assert!(attachments::attach(c, id, &kept, now).unwrap());
        store::set_status(c, id, &["draft"], "submitted", None, now).unwrap();
        let need = store::get(c, id).unwrap().unwrap();
        flow::publish(c, &flow::Env::of(&app.state, now), &need).unwrap();
        store::report_deal(c, id, own, 1_000, "buyer", now).unwrap();
        let attachment = attachments::of_need(c, id).unwrap()[0].id;
        (id, store::deal_of(c, id, own).unwrap().unwrap().id, attachment)
    })
}

/// The own WISE claims Social Enterprise NL membership and adds its evidence.
fn claimed_certificate(app: &TestApp, own: i32) -> i32 {
    use diesel::prelude::*;
    use wise_monitor::db::schema::certificates;
    let now = db::timestamp(test_now());
    let sha256 =
        wise_monitor::web::files::store(&app.state.config.certificates.evidence_dir, b"%PDF-1.4\n%%EOF\n").unwrap();
    app.with_conn(|c| {
        let organisation = org_store::organisations_by_id(c, &[own]).unwrap().pop().unwrap();
        let row = org_store::organisation_by_kvk(c, &organisation.kvk_number).unwrap().unwrap();
        let mut input = org_store::organisation_input(c, &row).unwrap();
        input.sena_member = true;
        let id = org_store::update_organisation(c, own, &input, now).unwrap()[0];
        diesel::update(certificates::table.find(id))
            .set((
                certificates::evidence_name.eq("lid.pdf"),
                certificates::evidence_type.eq("application/pdf"),
                certificates::evidence_size.eq(14_i64),
                certificates::evidence_sha256.eq(sha256),
                certificates::evidence_at.eq(now),
            ))
            .execute(c)
            .unwrap();
        id
    })
}

/// A world that starts from a copy of a saved one.
async fn copy(snapshot: &Snapshot, places: &Places) -> World {
    World { app: TestApp::builder().from(snapshot).build(snapshot.backend()).await, places: places.clone() }
}

fn concrete(pattern: &str, w: &Places) -> String {
    let id = if pattern.starts_with("/account/tokens/") {
        w.admin_token_id
    } else if pattern.starts_with("/admin/organisations/") {
        w.own_id
    } else if pattern.starts_with("/admin/submissions/") {
        w.submission_id
    } else if pattern.starts_with("/manage/") {
        w.offering_id
    } else if pattern.starts_with("/saved-searches/") {
        w.saved_search_id
    } else if pattern.starts_with("/needs/")
        || pattern.starts_with("/admin/needs/")
        || pattern.starts_with("/api/v1/needs/")
    {
        w.need_id
    } else if pattern.starts_with("/buying-organisations/") || pattern.starts_with("/admin/buyers/") {
        w.buying_id
    } else if pattern.starts_with("/social-return/contracts/")
        || pattern.starts_with("/api/v1/social-return/contracts/")
    {
        w.sr_contract_id
    } else if pattern.starts_with("/partnerships/") {
        w.partnership_id
    } else if pattern.starts_with("/social-return/entries/") || pattern.starts_with("/api/v1/social-return/entries/") {
        w.sr_entry_id
    } else {
        w.target.id
    };
    pattern
        .replace("{slug}", &w.slug)
        .replace("{kvk}", &w.kvk)
        .replace("{path:.*}", "css/site.css")
        .replace("{period}", "2026-Q3")
        .replace("{token}", "no-such-token")
        .replace("{deal}", &w.deal_id.to_string())
        .replace("{attachment}", &w.attachment_id.to_string())
        .replace("{certificate}", &w.certificate_id.to_string())
        .replace("{organisation}", &w.own_id.to_string())
        .replace("{user}", &w.buyer_id.to_string())
        .replace("{id}", &id.to_string())
}

async fn ask(w: &mut World, who: usize, method: &str, path: &str, fields: &[(&str, &str)]) -> u16 {
    if path.starts_with("/api/") {
        let mut request = match (method, fields.first()) {
            ("POST", Some((content_type, body))) => TestRequest::post()
                .uri(path)
                .insert_header(("Content-Type", *content_type))
                .set_payload(body.to_string()),
            _ => TestRequest::get().uri(path),
        };
        if let Some(token) = &w.places.tokens[who] {
            request = request.insert_header(("Authorization", format!("Bearer {token}")));
        }
        return w.app.send(request).await.status.as_u16();
    }
    let browser = &mut w.places.browsers[who];
    match method {
        "GET" => w.app.get_with(browser, path).await.status.as_u16(),
        _ => w.app.post_form(browser, path, fields).await.status.as_u16(),
    }
}

backend_tests! {
    async fn every_route_answers_every_role_as_declared(app) {
        // Every registered route is in the table, and every row is a registered route.
        app.get("/").await;
        let registered = wise_monitor::web::routes::registered();
        for (method, path) in &registered {
            assert!(
                TABLE.iter().any(|(m, p, _, _)| m == method && p == path),
                "{method} {path} is not in the authorization table"
            );
        }
        for (method, path, _, _) in TABLE {
            assert!(registered.contains(&(method, path)), "{method} {path} is in the table but not registered");
        }
        let mut failures = Vec::new();
        // WISE_TEST_AUTHZ_ONLY=/spend asks only the rows whose route starts with it (while developing).
        let only = std::env::var("WISE_TEST_AUTHZ_ONLY").unwrap_or_default();
        // The world is built once and saved: the GETs share one copy of it (a GET
        // changes nothing these rows depend on), each POST gets a copy of its own (the
        // first role's success must not change the next's answer).
        let World { app: built, places } = world(app.backend).await;
        let snapshot = built.into_snapshot();
        let mut shared = copy(&snapshot, &places).await;
        for (method, pattern, fields, expected) in TABLE.iter().filter(|row| row.1.starts_with(only.as_str())) {
            let mut fresh;
            let w = if *method == "GET" {
                &mut shared
            } else {
                fresh = copy(&snapshot, &places).await;
                &mut fresh
            };
            let path = concrete(pattern, &w.places);
            for (who, want) in expected.iter().enumerate() {
                let got = ask(w, who, method, &path, fields).await;
                if got != *want {
                    failures.push(format!("{method} {path} as {}: expected {want}, got {got}", WHO[who]));
                }
            }
        }
        assert!(failures.is_empty(), "authorization matrix:\n{}", failures.join("\n"));
    }

    async fn every_state_change_needs_the_csrf_token(app) {
        let mut w = world(app.backend).await;
        // The API takes bearer tokens, never cookies, so it has no CSRF token to check;
        // a one-click unsubscribe (RFC 8058) is authorised by the token in its link.
        let posts: Vec<_> = TABLE
            .iter()
            .filter(|(m, p, _, _)| *m == "POST" && !p.starts_with("/api/") && !p.starts_with("/unsubscribe/"))
            .collect();
        assert!(posts.len() >= 10);
        for (_, pattern, fields, _) in posts {
            let path = concrete(pattern, &w.places);
            for who in [0, 5] {
                let browser = &mut w.places.browsers[who];
                let good = std::mem::take(&mut browser.csrf);
                let status = w.app.post_form(browser, &path, fields).await.status.as_u16();
                browser.csrf = "f".repeat(64);
                let wrong = w.app.post_form(browser, &path, fields).await.status.as_u16();
                browser.csrf = good;
                assert_eq!((status, wrong), (403, 403), "POST {path} as {} without a valid token", WHO[who]);
            }
        }
        // Still signed in, nothing changed: the operator's pages still answer.
        let admin = &mut w.places.browsers[5];
        w.app.get_with(admin, "/admin/users").await.assert_status(200);
    }
}
