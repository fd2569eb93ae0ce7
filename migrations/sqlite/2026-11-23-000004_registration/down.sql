DROP TABLE email_confirmations;
DROP TABLE registrations;
