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

ALTER TABLE one_time_codes DROP CONSTRAINT codes_purpose_known;
ALTER TABLE one_time_codes ADD CONSTRAINT codes_purpose_known CHECK (purpose IN ('sign_in', 'second_factor', 'consent'));

CREATE OR REPLACE FUNCTION bookings_queue_sms() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO outbox (channel, recipient, body, created_at, next_attempt_at, user_id, template, params, link)
    SELECT 'sms', phone, NEW.booked_sms, NEW.created_at, NEW.created_at, id, 'booked', NEW.booked_params, '/bookings/' || NEW.id FROM users
    WHERE id = NEW.resident_id AND phone IS NOT NULL;
    RETURN NULL;
END
$$;
