DROP TABLE offering_municipalities;
DROP TABLE offerings;
DROP TABLE organisation_certifications;
DROP TABLE organisation_target_groups;
DROP TABLE organisation_sectors;
DROP TABLE organisations;
DROP TABLE cpv_codes;
