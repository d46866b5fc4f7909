-- A booking carries the SMS its resident is sent when it is made, and the database queues it
-- with the booking row: on SQLite a booking is then one statement, its own transaction.
ALTER TABLE bookings ADD COLUMN booked_sms TEXT NOT NULL DEFAULT '';

CREATE TRIGGER bookings_queue_sms AFTER INSERT ON bookings WHEN NEW.booked_sms <> ''
BEGIN
    INSERT INTO outbox (channel, recipient, body, created_at, next_attempt_at, user_id)
    SELECT 'sms', phone, NEW.booked_sms, NEW.created_at, NEW.created_at, id FROM users
    WHERE id = NEW.resident_id AND phone IS NOT NULL;
END;
