DELETE FROM one_time_links WHERE purpose = 'buyer-confirm';
ALTER TABLE one_time_links DROP CONSTRAINT one_time_links_purpose_check;
ALTER TABLE one_time_links ADD CONSTRAINT one_time_links_purpose_check CHECK (purpose IN ('reset', 'invite'));
