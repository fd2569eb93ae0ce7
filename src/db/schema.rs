// The tables, in portable types only (both backends read and write them alike).
// Keep in step with migrations/sqlite and migrations/postgres.

diesel::table! {
    cpv_codes (code) {
        code -> Text,
        division -> Text,
        level -> Integer,
        label_en -> Text,
        label_nl -> Nullable<Text>,
    }
}

diesel::table! {
    organisations (id) {
        id -> Integer,
        slug -> Text,
        kvk_number -> Text,
        name -> Text,
        legal_form -> Nullable<Text>,
        founded_year -> Nullable<Integer>,
        website -> Nullable<Text>,
        email -> Nullable<Text>,
        phone -> Nullable<Text>,
        street -> Nullable<Text>,
        postcode -> Nullable<Text>,
        municipality -> Text,
        district -> Nullable<Text>,
        description -> Text,
        market_income_pct -> Nullable<Integer>,
        pso_level -> Nullable<Text>,
        pso_valid_until -> Nullable<Date>,
        cso_status -> Nullable<Text>,
        sena_member -> Bool,
        status -> Text,
        status_reason -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    organisation_sectors (organisation_id, sector) {
        organisation_id -> Integer,
        sector -> Text,
        position -> Integer,
    }
}

diesel::table! {
    organisation_target_groups (organisation_id, target_group) {
        organisation_id -> Integer,
        target_group -> Text,
    }
}

diesel::table! {
    organisation_certifications (id) {
        id -> Integer,
        organisation_id -> Integer,
        name -> Text,
        valid_until -> Nullable<Date>,
    }
}

diesel::table! {
    offerings (id) {
        id -> Integer,
        organisation_id -> Integer,
        title -> Text,
        description -> Text,
        kind -> Text,
        cpv_code -> Text,
        service_area -> Text,
        service_radius_km -> Nullable<Integer>,
        price_indication -> Nullable<Text>,
        lead_time -> Nullable<Text>,
        active -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    offering_municipalities (offering_id, municipality) {
        offering_id -> Integer,
        municipality -> Text,
    }
}

diesel::joinable!(organisation_sectors -> organisations (organisation_id));
diesel::joinable!(organisation_target_groups -> organisations (organisation_id));
diesel::joinable!(organisation_certifications -> organisations (organisation_id));
diesel::joinable!(offerings -> organisations (organisation_id));
diesel::joinable!(offerings -> cpv_codes (cpv_code));
diesel::joinable!(offering_municipalities -> offerings (offering_id));

diesel::allow_tables_to_appear_in_same_query!(
    cpv_codes,
    organisations,
    organisation_sectors,
    organisation_target_groups,
    organisation_certifications,
    offerings,
    offering_municipalities,
);
