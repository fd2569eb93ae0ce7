DROP TABLE outbox;
DROP TABLE audit_log;
DROP TABLE one_time_links;
DROP TABLE api_tokens;
DROP TABLE sessions;
DROP TABLE user_organisations;
DROP TABLE users;
