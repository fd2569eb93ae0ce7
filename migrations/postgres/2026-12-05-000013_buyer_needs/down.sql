DROP TABLE need_messages;
DROP TABLE need_deals;
DROP TABLE need_matches;
DROP TABLE need_attachments;
DROP TABLE needs;
DROP TABLE buying_organisation_users;
DROP TABLE buying_organisations;
