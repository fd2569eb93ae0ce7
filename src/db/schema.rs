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
    certificates (id) {
        id -> Integer,
        organisation_id -> Integer,
        kind -> Text,
        name -> Text,
        valid_until -> Nullable<Date>,
        state -> Text,
        claimed_at -> Timestamp,
        evidence_name -> Nullable<Text>,
        evidence_type -> Nullable<Text>,
        evidence_size -> Nullable<BigInt>,
        evidence_sha256 -> Nullable<Text>,
        evidence_at -> Nullable<Timestamp>,
        decided_by -> Nullable<Integer>,
        decided_at -> Nullable<Timestamp>,
        decision_note -> Nullable<Text>,
        verified_at -> Nullable<Timestamp>,
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
diesel::joinable!(certificates -> organisations (organisation_id));
diesel::joinable!(offerings -> cpv_codes (cpv_code));
diesel::joinable!(offering_municipalities -> offerings (offering_id));
diesel::joinable!(saved_searches -> users (user_id));

diesel::allow_tables_to_appear_in_same_query!(
    cpv_codes,
    organisations,
    organisation_sectors,
    organisation_target_groups,
    organisation_certifications,
    certificates,
    offerings,
    offering_municipalities,
    users,
    user_organisations,
    sessions,
    api_tokens,
    one_time_links,
    audit_log,
    outbox,
    registrations,
    email_confirmations,
    shortlist_items,
    enquiries,
    reporting_periods,
    submissions,
    submission_revisions,
    revision_target_groups,
    submission_events,
    current_figures,
    digest_runs,
    digest_unsubscribes,
    unsubscribe_links,
    saved_searches,
    cache_versions,
    catalogue_changes,
    buying_organisations,
    buying_organisation_users,
    needs,
    need_attachments,
    need_matches,
    need_deals,
    need_messages,
    need_digests,
    spend_rows,
    spend_sharing,
    sr_contracts,
    sr_entries,
    partnerships,
    partnership_exchanges,
    partnership_values,
    partnership_phases,
    partner_moves,
    partnership_assessments,
    partnership_answers,
    municipalities,
);

diesel::table! {
    users (id) {
        id -> Integer,
        email -> Text,
        name -> Text,
        role -> Text,
        language -> Text,
        password_hash -> Nullable<Text>,
        disabled -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    user_organisations (user_id, organisation_id) {
        user_id -> Integer,
        organisation_id -> Integer,
    }
}

diesel::table! {
    sessions (id_hash) {
        id_hash -> Text,
        user_id -> Integer,
        csrf_token -> Text,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    api_tokens (id) {
        id -> Integer,
        user_id -> Integer,
        name -> Text,
        prefix -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    one_time_links (id) {
        id -> Integer,
        token_hash -> Text,
        purpose -> Text,
        user_id -> Integer,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    audit_log (id) {
        id -> Integer,
        at -> Timestamp,
        user_id -> Nullable<Integer>,
        actor -> Text,
        ip -> Nullable<Text>,
        action -> Text,
        target -> Text,
        detail -> Text,
    }
}

diesel::table! {
    outbox (id) {
        id -> Integer,
        idempotency_key -> Nullable<Text>,
        recipient -> Text,
        subject -> Text,
        text_body -> Text,
        html_body -> Text,
        unsubscribe_url -> Nullable<Text>,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(user_organisations -> users (user_id));
diesel::joinable!(user_organisations -> organisations (organisation_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(api_tokens -> users (user_id));
diesel::joinable!(one_time_links -> users (user_id));

// Registration (migration 000004): who applied for a WISE, and their email confirmation.
diesel::table! {
    registrations (organisation_id) {
        organisation_id -> Integer,
        user_id -> Integer,
        applied_at -> Timestamp,
        email_confirmed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    email_confirmations (id) {
        id -> Integer,
        token_hash -> Text,
        organisation_id -> Integer,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(registrations -> organisations (organisation_id));
diesel::joinable!(registrations -> users (user_id));
diesel::joinable!(email_confirmations -> registrations (organisation_id));

// Buyer tools (migration 000005): shortlists and enquiries.
diesel::table! {
    shortlist_items (user_id, organisation_id) {
        user_id -> Integer,
        organisation_id -> Integer,
        added_at -> Timestamp,
    }
}

diesel::table! {
    enquiries (id) {
        id -> Integer,
        buyer_id -> Integer,
        organisation_id -> Integer,
        subject -> Text,
        message -> Text,
        created_at -> Timestamp,
    }
}

diesel::joinable!(shortlist_items -> organisations (organisation_id));
diesel::joinable!(enquiries -> organisations (organisation_id));

// Reporting periods (migration 000006): the quarters and years WISEs report figures for.
diesel::table! {
    reporting_periods (id) {
        id -> Integer,
        key -> Text,
        kind -> Text,
        starts_on -> Date,
        ends_on -> Date,
        opens_on -> Date,
        due_on -> Date,
        created_at -> Timestamp,
    }
}

// Figures (migration 000007): submissions and their revisions.
diesel::table! {
    submissions (id) {
        id -> Integer,
        organisation_id -> Integer,
        period_id -> Integer,
        status -> Text,
        review_comment -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    submission_revisions (id) {
        id -> Integer,
        submission_id -> Integer,
        number -> Integer,
        paid_target_group -> Integer,
        paid_regular -> Integer,
        trainees -> Integer,
        daytime_activities -> Integer,
        volunteers -> Integer,
        new_participants -> Integer,
        moved_to_paid_internal -> Integer,
        moved_to_paid_external -> Integer,
        moved_to_education -> Integer,
        other_exits -> Integer,
        fte_target_group_hundredths -> Nullable<Integer>,
        turnover_eur -> Nullable<BigInt>,
        source -> Text,
        created_by -> Nullable<Integer>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    revision_target_groups (revision_id, target_group) {
        revision_id -> Integer,
        target_group -> Text,
        people -> Integer,
    }
}

diesel::joinable!(submissions -> organisations (organisation_id));
diesel::joinable!(submissions -> reporting_periods (period_id));
diesel::joinable!(submission_revisions -> submissions (submission_id));
diesel::joinable!(revision_target_groups -> submission_revisions (revision_id));

// Figures (migration 000008): what happened to each submission.
diesel::table! {
    submission_events (id) {
        id -> Integer,
        submission_id -> Integer,
        event -> Text,
        revision_number -> Integer,
        comment -> Nullable<Text>,
        user_id -> Nullable<Integer>,
        created_at -> Timestamp,
    }
}

diesel::joinable!(submission_events -> submissions (submission_id));
diesel::joinable!(submission_events -> users (user_id));

// Reports (migration 000009): the newest figures of every submission.
diesel::table! {
    current_figures (submission_id) {
        submission_id -> Integer,
        organisation_id -> Integer,
        period_id -> Integer,
        counted -> Bool,
        paid_target_group -> Integer,
        paid_regular -> Integer,
        trainees -> Integer,
        daytime_activities -> Integer,
        volunteers -> Integer,
        new_participants -> Integer,
        moved_to_paid_internal -> Integer,
        moved_to_paid_external -> Integer,
        moved_to_education -> Integer,
        other_exits -> Integer,
        target_groups -> Text,
    }
}

diesel::joinable!(current_figures -> organisations (organisation_id));
diesel::joinable!(current_figures -> reporting_periods (period_id));

// Digests (migration 000010): runs, unsubscribes and unsubscribe links.
diesel::table! {
    digest_runs (id) {
        id -> Integer,
        kind -> Text,
        slot -> Timestamp,
        mails -> Integer,
        finished_at -> Timestamp,
    }
}

diesel::table! {
    digest_unsubscribes (email, kind) {
        email -> Text,
        kind -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    unsubscribe_links (token_hash) {
        token_hash -> Text,
        email -> Text,
        kind -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    saved_searches (id) {
        id -> Integer,
        user_id -> Integer,
        name -> Text,
        query -> Text,
        frequency -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        last_digest_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    cache_versions (name) {
        name -> Text,
        instance -> Text,
        version -> BigInt,
    }
}

// The change feed (migration 000018): which WISE's search facts changed, by facts version.
diesel::table! {
    catalogue_changes (seq, organisation_id) {
        seq -> BigInt,
        organisation_id -> Integer,
    }
}

// Buyer needs (migration 000013): buying organisations, their needs, the WISEs matched
// to each with their answers, and the deals that followed.
diesel::table! {
    buying_organisations (id) {
        id -> Integer,
        name -> Text,
        kvk_number -> Text,
        kind -> Text,
        municipality -> Nullable<Text>,
        status -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    buying_organisation_users (user_id) {
        user_id -> Integer,
        buying_organisation_id -> Integer,
        email_confirmed_at -> Nullable<Timestamp>,
        approved_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    needs (id) {
        id -> Integer,
        buying_organisation_id -> Integer,
        created_by -> Integer,
        title -> Text,
        description -> Text,
        kind -> Text,
        offering_kind -> Text,
        cpv_codes -> Text,
        location -> Text,
        municipality -> Nullable<Text>,
        radius_km -> Nullable<Integer>,
        amount_band -> Text,
        amount_eur -> Nullable<BigInt>,
        deadline -> Date,
        starts_on -> Nullable<Date>,
        reserved -> Bool,
        respond_how -> Text,
        respond_to -> Nullable<Text>,
        questions -> Text,
        status -> Text,
        status_comment -> Nullable<Text>,
        status_changed_at -> Timestamp,
        published_at -> Nullable<Timestamp>,
        operator_told_at -> Nullable<Timestamp>,
        reminders_sent -> Integer,
        buyer_asked_at -> Nullable<Timestamp>,
        outcome_reported_at -> Nullable<Timestamp>,
        found_without_platform -> Nullable<Text>,
        share_as_example -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    need_attachments (id) {
        id -> Integer,
        need_id -> Integer,
        file_name -> Text,
        content_type -> Text,
        size_bytes -> BigInt,
        sha256 -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    need_matches (need_id, organisation_id) {
        need_id -> Integer,
        organisation_id -> Integer,
        source -> Text,
        reason -> Nullable<Text>,
        removed_at -> Nullable<Timestamp>,
        rank -> Integer,
        batch -> Nullable<Integer>,
        alerted_at -> Nullable<Timestamp>,
        reminded_at -> Nullable<Timestamp>,
        opened_at -> Nullable<Timestamp>,
        response -> Nullable<Text>,
        message -> Nullable<Text>,
        answers -> Nullable<Text>,
        decline_reason -> Nullable<Text>,
        contact_ok -> Bool,
        responded_at -> Nullable<Timestamp>,
        wise_asked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    need_deals (id) {
        id -> Integer,
        need_id -> Integer,
        organisation_id -> Integer,
        amount_eur -> BigInt,
        reported_by -> Text,
        reported_at -> Timestamp,
        status -> Text,
        decided_by -> Nullable<Integer>,
        comment -> Nullable<Text>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    need_messages (id) {
        id -> Integer,
        need_id -> Integer,
        from_organisation_id -> Integer,
        to_organisation_id -> Integer,
        body -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    need_digests (user_id) {
        user_id -> Integer,
        frequency -> Text,
        created_at -> Timestamp,
        last_digest_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    spend_rows (id) {
        id -> Integer,
        buying_organisation_id -> Integer,
        supplier_kvk -> Text,
        supplier_name -> Text,
        amount_cents -> BigInt,
        period -> Text,
        period_start -> Date,
        category -> Nullable<Text>,
        cpv_code -> Nullable<Text>,
        entity -> Nullable<Text>,
        source -> Text,
        created_by -> Nullable<Integer>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    spend_sharing (buying_organisation_id) {
        buying_organisation_id -> Integer,
        shared_by -> Nullable<Integer>,
        shared_at -> Timestamp,
    }
}

diesel::table! {
    sr_contracts (id) {
        id -> Integer,
        reference -> Text,
        title -> Text,
        contractor_id -> Integer,
        value_cents -> BigInt,
        percent_bp -> Integer,
        obligation_cents -> BigInt,
        starts_on -> Date,
        ends_on -> Date,
        officer_id -> Integer,
        created_at -> Timestamp,
    }
}

diesel::table! {
    sr_entries (id) {
        id -> Integer,
        contract_id -> Integer,
        kind -> Text,
        wise_id -> Nullable<Integer>,
        invoice_number -> Nullable<Text>,
        entry_date -> Date,
        amount_cents -> Nullable<BigInt>,
        quantity -> Integer,
        description -> Text,
        rate_pct -> Integer,
        value_cents -> BigInt,
        state -> Text,
        comment -> Nullable<Text>,
        decided_by -> Nullable<Integer>,
        decided_at -> Nullable<Timestamp>,
        created_by -> Nullable<Integer>,
        created_at -> Timestamp,
    }
}

diesel::joinable!(sr_contracts -> buying_organisations (contractor_id));
diesel::joinable!(sr_entries -> sr_contracts (contract_id));
diesel::joinable!(sr_entries -> organisations (wise_id));
diesel::joinable!(need_digests -> users (user_id));
diesel::joinable!(spend_rows -> buying_organisations (buying_organisation_id));
diesel::joinable!(spend_sharing -> buying_organisations (buying_organisation_id));
diesel::joinable!(buying_organisation_users -> buying_organisations (buying_organisation_id));
diesel::joinable!(buying_organisation_users -> users (user_id));
diesel::joinable!(needs -> buying_organisations (buying_organisation_id));
diesel::joinable!(need_attachments -> needs (need_id));
diesel::joinable!(need_matches -> needs (need_id));
diesel::joinable!(need_matches -> organisations (organisation_id));
diesel::joinable!(need_deals -> needs (need_id));
diesel::joinable!(need_deals -> organisations (organisation_id));

diesel::table! {
    partnerships (id) {
        id -> Integer,
        wise_id -> Integer,
        company_id -> Integer,
        phase -> Text,
        started_on -> Date,
        wise_people -> Text,
        company_people -> Text,
        ambitions -> Text,
        state -> Text,
        wise_named -> Bool,
        company_named -> Bool,
        proposed_by -> Nullable<Integer>,
        created_at -> Timestamp,
        confirmed_by -> Nullable<Integer>,
        confirmed_at -> Nullable<Timestamp>,
        ended_on -> Nullable<Date>,
        end_reason -> Nullable<Text>,
        ended_by_side -> Nullable<Text>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    partnership_exchanges (partnership_id, exchange) {
        partnership_id -> Integer,
        exchange -> Text,
    }
}

diesel::table! {
    partnership_values (partnership_id, value) {
        partnership_id -> Integer,
        value -> Text,
    }
}

diesel::table! {
    partnership_phases (id) {
        id -> Integer,
        partnership_id -> Integer,
        phase -> Text,
        changed_on -> Date,
        note -> Text,
        changed_by -> Nullable<Integer>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    partner_moves (submission_id, partnership_id) {
        submission_id -> Integer,
        partnership_id -> Integer,
        moved -> Integer,
    }
}

diesel::table! {
    partnership_assessments (id) {
        id -> Integer,
        partnership_id -> Integer,
        round -> Integer,
        side -> Text,
        answered_by -> Nullable<Integer>,
        answered_at -> Timestamp,
    }
}

diesel::table! {
    partnership_answers (assessment_id, theme) {
        assessment_id -> Integer,
        theme -> Text,
        score -> Integer,
        note -> Text,
    }
}

diesel::joinable!(partnership_assessments -> partnerships (partnership_id));
diesel::joinable!(partnership_answers -> partnership_assessments (assessment_id));
diesel::joinable!(partner_moves -> partnerships (partnership_id));
diesel::joinable!(partner_moves -> submissions (submission_id));
diesel::joinable!(partnerships -> organisations (wise_id));
diesel::joinable!(partnerships -> buying_organisations (company_id));
diesel::joinable!(partnership_exchanges -> partnerships (partnership_id));
diesel::joinable!(partnership_values -> partnerships (partnership_id));
diesel::joinable!(partnership_phases -> partnerships (partnership_id));

// Geography (migration 000021): municipalities with their centroids.
diesel::table! {
    municipalities (code) {
        code -> Text,
        name -> Text,
        latitude -> Nullable<Double>,
        longitude -> Nullable<Double>,
        updated_at -> Timestamp,
    }
}
