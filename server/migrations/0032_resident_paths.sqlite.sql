-- A resident finds the communities near them; every message in the inbox opens what it is about
-- (a booking, a question, an article: a path of the portal, never a person's data); a worker
-- books or asks for a resident who walked in or phoned, with the resident's consent (a code of
-- its own purpose, or the helper's word), and the board counts it as assisted.
CREATE INDEX communities_position_idx ON communities (latitude);
ALTER TABLE outbox ADD COLUMN link TEXT;
ALTER TABLE notifications ADD COLUMN link TEXT;
ALTER TABLE bookings ADD COLUMN assisted_by BIGINT CONSTRAINT bookings_assisted_by_fk REFERENCES users (id);
ALTER TABLE bookings ADD COLUMN assisted_consent TEXT CONSTRAINT bookings_assisted_consent_known CHECK (assisted_consent IN ('code', 'phone', 'desk'));
ALTER TABLE questions ADD COLUMN assisted_by BIGINT CONSTRAINT questions_assisted_by_fk REFERENCES users (id);
ALTER TABLE questions ADD COLUMN assisted_consent TEXT CONSTRAINT questions_assisted_consent_known CHECK (assisted_consent IN ('code', 'phone', 'desk'));
CREATE INDEX bookings_assisted_idx ON bookings (slot_start) WHERE assisted_by IS NOT NULL;
CREATE INDEX questions_assisted_idx ON questions (created_at) WHERE assisted_by IS NOT NULL;

-- SQLite changes a CHECK only by building the table again.
CREATE TABLE one_time_codes_next (
    id {{id}},
    phone TEXT NOT NULL,
    purpose TEXT NOT NULL CONSTRAINT codes_purpose_known CHECK (purpose IN ('sign_in', 'second_factor', 'consent')),
    code_hash TEXT NOT NULL,
    client_ip TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    consumed_at BIGINT
);
INSERT INTO one_time_codes_next (id, phone, purpose, code_hash, client_ip, created_at, expires_at, attempts, consumed_at)
    SELECT id, phone, purpose, code_hash, client_ip, created_at, expires_at, attempts, consumed_at FROM one_time_codes;
DROP TABLE one_time_codes;
ALTER TABLE one_time_codes_next RENAME TO one_time_codes;
CREATE INDEX codes_phone_idx ON one_time_codes (phone, created_at);
CREATE INDEX codes_ip_idx ON one_time_codes (client_ip, created_at);

DROP TRIGGER bookings_queue_sms;
CREATE TRIGGER bookings_queue_sms AFTER INSERT ON bookings WHEN NEW.booked_sms <> ''
BEGIN
    INSERT INTO outbox (channel, recipient, body, created_at, next_attempt_at, user_id, template, params, link)
    SELECT 'sms', phone, NEW.booked_sms, NEW.created_at, NEW.created_at, id, 'booked', NEW.booked_params, '/bookings/' || NEW.id FROM users
    WHERE id = NEW.resident_id AND phone IS NOT NULL;
END;
