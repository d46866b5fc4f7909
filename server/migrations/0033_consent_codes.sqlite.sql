-- A resident's consent to be helped may be a code texted to them and read back: a code of its
-- own purpose, which never signs anyone in. A booking's first message opens the booking.
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
