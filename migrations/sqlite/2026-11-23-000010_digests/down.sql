DROP TABLE unsubscribe_links;
DROP TABLE digest_unsubscribes;
DROP TABLE digest_runs;
