//! `GET /api/v1/cpv`: the CPV picker's lookup as JSON, for the small script that improves
//! the picker.

use super::*;
use actix_web::get;

/// The CPV lookup's parameters.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct CpvQuery {
    /// A code prefix (`4521`, `45000000-7`) and/or words (`window cleaning`), all of
    /// which must match; at most 200 characters. Empty finds nothing.
    #[serde(default)]
    q: String,
    /// How many codes at most: 1 to 100 (default 30).
    limit: Option<i64>,
}

/// One CPV code the lookup found.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct CpvMatch {
    /// The 8-digit code, without check digit.
    code: String,
    /// 2 (division), 3 (group), 4 (class), 5 (category) … 8.
    level: i32,
    /// The two digits of its division.
    division: String,
    label_en: String,
    /// The Dutch label, where the vocabulary has one (the divisions, the groups and
    /// classes WISEs use most, or all after `import cpv-labels`).
    label_nl: Option<String>,
    division_label_en: Option<&'static str>,
    division_label_nl: Option<&'static str>,
}

/// The answer of the CPV lookup: the most general codes first, then by code.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct CpvMatches {
    query: String,
    codes: Vec<CpvMatch>,
}

/// `GET /api/v1/cpv?q=…&limit=…`: CPV codes by code prefix or by words (public).
#[utoipa::path(
    tag = "catalogue",
    params(CpvQuery),
    responses(
        (status = 200, description = "Matching CPV 2008 codes (labels in English and, where there is one, Dutch; division labels in both)", body = CpvMatches),
        (status = 400, description = "`limit` is not a number from 1 to 100", body = crate::web::error::ErrorBody),
        (status = 422, description = "`q` is longer than 200 characters", body = crate::web::error::ErrorBody),
    )
)]
#[get("/api/v1/cpv")]
pub(crate) async fn api_cpv(state: web::Data<AppState>, query: web::Query<CpvQuery>) -> Result<HttpResponse, AppError> {
    use crate::i18n::Lang;
    let CpvQuery { q, limit } = query.into_inner();
    if char_len(&q) > MAX_QUERY {
        return Err(AppError::Validation(vec![FieldError { field: "q".into(), key: "error-too-long" }]));
    }
    let limit = limit.unwrap_or(PICKER_LIMIT);
    if !(1..=100).contains(&limit) {
        return Err(AppError::BadRequest("limit: a number from 1 to 100".into()));
    }
    let lookup = q.clone();
    let codes = state.db(move |c| Ok(cpv::find(c, &lookup, limit)?)).await?;
    let codes = codes
        .into_iter()
        .map(|c| CpvMatch {
            division_label_en: division_label(&c.division, Lang::En),
            division_label_nl: division_label(&c.division, Lang::Nl),
            code: c.code,
            level: c.level,
            division: c.division,
            label_en: c.label_en,
            label_nl: c.label_nl,
        })
        .collect();
    Ok(HttpResponse::Ok().json(CpvMatches { query: q, codes }))
}
