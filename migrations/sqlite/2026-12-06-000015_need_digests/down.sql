DROP INDEX needs_published_at;
DROP TABLE need_digests;
