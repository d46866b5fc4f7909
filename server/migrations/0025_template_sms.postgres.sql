-- Messages are approved templates with parameters (what the providers send), kept with the text
-- they make (what the log and the inbox show); a provider's id for each, when one was given up,
-- and what the provider's delivery receipt said: delivered to the phone, or why not.
ALTER TABLE outbox ADD COLUMN template TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN params TEXT NOT NULL DEFAULT '{}';
ALTER TABLE outbox ADD COLUMN provider_id TEXT;
ALTER TABLE outbox ADD COLUMN failed_at BIGINT;
ALTER TABLE outbox ADD COLUMN delivered_at BIGINT;
ALTER TABLE outbox ADD COLUMN undelivered TEXT;
CREATE INDEX outbox_provider_idx ON outbox (provider_id);
CREATE INDEX outbox_created_idx ON outbox (created_at);
ALTER TABLE bookings ADD COLUMN booked_params TEXT NOT NULL DEFAULT '{}';

CREATE OR REPLACE FUNCTION bookings_queue_sms() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO outbox (channel, recipient, body, created_at, next_attempt_at, user_id, template, params)
    SELECT 'sms', phone, NEW.booked_sms, NEW.created_at, NEW.created_at, id, 'booked', NEW.booked_params FROM users
    WHERE id = NEW.resident_id AND phone IS NOT NULL;
    RETURN NULL;
END
$$;
