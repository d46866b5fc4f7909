-- A resident finds the communities near them; every message in the inbox opens what it is about
-- (a booking, a question, an article: a path of the portal, never a person's data); a worker
-- books or asks for a resident who walked in or phoned, with the resident's consent, and the
-- board counts it as assisted (partial indexes: few rows, found at any scale).
CREATE INDEX communities_position_idx ON communities (latitude);
ALTER TABLE outbox ADD COLUMN link TEXT;
ALTER TABLE notifications ADD COLUMN link TEXT;
ALTER TABLE bookings ADD COLUMN assisted_by BIGINT CONSTRAINT bookings_assisted_by_fk REFERENCES users (id);
ALTER TABLE bookings ADD COLUMN assisted_consent TEXT CONSTRAINT bookings_assisted_consent_known CHECK (assisted_consent IN ('code', 'phone', 'desk'));
ALTER TABLE questions ADD COLUMN assisted_by BIGINT CONSTRAINT questions_assisted_by_fk REFERENCES users (id);
ALTER TABLE questions ADD COLUMN assisted_consent TEXT CONSTRAINT questions_assisted_consent_known CHECK (assisted_consent IN ('code', 'phone', 'desk'));
CREATE INDEX bookings_assisted_idx ON bookings (slot_start) WHERE assisted_by IS NOT NULL;
CREATE INDEX questions_assisted_idx ON questions (created_at) WHERE assisted_by IS NOT NULL;
