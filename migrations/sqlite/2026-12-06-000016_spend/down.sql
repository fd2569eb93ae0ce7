DROP TABLE spend_sharing;
DROP TABLE spend_rows;
