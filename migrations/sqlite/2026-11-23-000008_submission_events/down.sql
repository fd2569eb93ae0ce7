DROP TABLE submission_events;
