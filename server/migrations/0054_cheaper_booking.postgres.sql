-- Less work for the database per booking.
--
-- A booking first tries the seat its calendar read says is next (the one after those taken):
-- one probe of `bookings_one_per_seat` instead of searching the slot's seats. Only when that
-- seat was taken meanwhile, or a cancelled seat left a gap below it, does it search as before.
-- The two inserts are `booking::seats::INSERT_AS_READ` and `INSERT_BOOKING` (the same texts, a
-- test compares them); $19 is the seat as read, $20 the slot's lock key.
DROP FUNCTION take_seat(
    TEXT, BIGINT, BIGINT, BIGINT, BIGINT, BIGINT, TEXT, TEXT, TEXT, TEXT, BIGINT, BIGINT, BIGINT,
    TEXT, TEXT, TEXT, BIGINT, TEXT, BIGINT
);
CREATE FUNCTION take_seat(
    TEXT, BIGINT, BIGINT, BIGINT, BIGINT, BIGINT, TEXT, TEXT, TEXT, TEXT, BIGINT, BIGINT, BIGINT,
    TEXT, TEXT, TEXT, BIGINT, TEXT, BIGINT, BIGINT
) RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
    booked BIGINT;
BEGIN
    UPDATE users SET id = id WHERE id = $2;
    PERFORM pg_advisory_xact_lock($20);
    INSERT INTO bookings (code, resident_id, community_id, lawyer_id, slot_start, slot_end, channel, category, description, status, created_at, updated_at, seat, booked_sms, booked_params, meeting_url, assisted_by, assisted_consent)
    SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $19, $14, $15, $16, $17, $18
    WHERE $19 <= $13 AND NOT EXISTS (SELECT 1 FROM bookings WHERE community_id = $3 AND slot_start = $5 AND seat = $19
      AND status NOT IN ('cancelled', 'declined')) AND (SELECT COUNT(*) FROM bookings
      WHERE resident_id = $2 AND status IN ('pending', 'confirmed') AND slot_end > $11) < $12
    RETURNING id INTO booked;
    IF booked IS NOT NULL THEN
        RETURN booked;
    END IF;
    INSERT INTO bookings (code, resident_id, community_id, lawyer_id, slot_start, slot_end, channel, category, description, status, created_at, updated_at, seat, booked_sms, booked_params, meeting_url, assisted_by, assisted_consent)
    SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, free.seat, $14, $15, $16, $17, $18 FROM (
      SELECT MIN(c.seat) AS seat FROM (SELECT 1 AS seat UNION SELECT seat + 1 FROM bookings
        WHERE community_id = $3 AND slot_start = $5 AND status NOT IN ('cancelled', 'declined')) c
      WHERE c.seat <= $13 AND NOT EXISTS (SELECT 1 FROM bookings t WHERE t.community_id = $3 AND t.slot_start = $5
        AND t.seat = c.seat AND t.status NOT IN ('cancelled', 'declined'))) free
    WHERE free.seat IS NOT NULL AND (SELECT COUNT(*) FROM bookings
      WHERE resident_id = $2 AND status IN ('pending', 'confirmed') AND slot_end > $11) < $12
    RETURNING id INTO booked;
    RETURN booked;
END
$$;

-- A write's share of the board, queued (migration 43) from plpgsql: a `LANGUAGE sql` function
-- called from a trigger parses and plans its body at every call, plpgsql once per connection.
CREATE OR REPLACE FUNCTION board_add(c BIGINT, d BIGINT, v BIGINT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO board_pending (community_id, day, v) VALUES (c, d, v);
END
$$;
