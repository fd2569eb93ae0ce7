DROP TABLE enquiries;
DROP TABLE shortlist_items;
