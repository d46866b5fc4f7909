-- A booking carries the SMS its resident is sent when it is made, and the database queues it
-- with the booking row (the same rule as on SQLite, where a booking is then one statement).
ALTER TABLE bookings ADD COLUMN booked_sms TEXT NOT NULL DEFAULT '';

CREATE FUNCTION bookings_queue_sms() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO outbox (channel, recipient, body, created_at, next_attempt_at, user_id)
    SELECT 'sms', phone, NEW.booked_sms, NEW.created_at, NEW.created_at, id FROM users
    WHERE id = NEW.resident_id AND phone IS NOT NULL;
    RETURN NULL;
END
$$;

CREATE TRIGGER bookings_queue_sms AFTER INSERT ON bookings FOR EACH ROW
    WHEN (NEW.booked_sms <> '') EXECUTE FUNCTION bookings_queue_sms();
