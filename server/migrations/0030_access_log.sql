-- Whose matter an event opened (a question, a file, a phone number), so that a resident can
-- read who opened theirs, when and why (the reason goes in `detail`).
ALTER TABLE audit_events ADD COLUMN about_user_id BIGINT REFERENCES users(id);
CREATE INDEX audit_events_about_idx ON audit_events (about_user_id, at);
