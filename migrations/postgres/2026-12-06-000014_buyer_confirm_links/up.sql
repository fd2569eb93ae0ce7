-- A buyer who registers themselves confirms their email address with a single-use link.
ALTER TABLE one_time_links DROP CONSTRAINT one_time_links_purpose_check;
ALTER TABLE one_time_links ADD CONSTRAINT one_time_links_purpose_check
    CHECK (purpose IN ('reset', 'invite', 'buyer-confirm'));
