DROP TABLE revision_target_groups;
DROP TABLE submission_revisions;
DROP TABLE submissions;
