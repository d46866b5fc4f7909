-- A booking holds its seat itself, and an SMS that is also an inbox message is one row: a
-- booking's transaction writes two rows instead of four.

-- The seat a booking holds. Two bookings that hold seats cannot share one: the unique index is
-- what makes double booking impossible, on either database. A cancelled or declined booking
-- holds none (the index leaves them out), so cancelling frees the seat by changing the status.
ALTER TABLE bookings ADD COLUMN seat BIGINT;
UPDATE bookings SET seat = (SELECT s.seat FROM booking_seats s WHERE s.booking_id = bookings.id);
CREATE UNIQUE INDEX bookings_one_per_seat ON bookings (community_id, slot_start, seat)
    WHERE status NOT IN ('cancelled', 'declined');
DROP TABLE booking_seats;

-- The account whose inbox shows this SMS too (none for sign-in codes).
ALTER TABLE outbox ADD COLUMN user_id BIGINT CONSTRAINT outbox_user_fk REFERENCES users (id) ON DELETE CASCADE;
CREATE INDEX outbox_user_idx ON outbox (user_id, created_at);
