-- A resident's consent to be helped may be a code texted to them and read back: a code of its
-- own purpose, which never signs anyone in. A booking's first message opens the booking.
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
