-- A booking on PostgreSQL in one round trip. The resident's row lock (their cap counts one
-- booking after another), the slot's advisory lock (seats are picked one after the other) and
-- the insert of `booking::seats::INSERT_BOOKING` (the same text, its `$n` this function's
-- parameters; a test compares them) run in the statement that calls it, its own transaction.
-- Each statement here reads with a snapshot taken after the locks before it.
CREATE FUNCTION take_seat(
    TEXT, BIGINT, BIGINT, BIGINT, BIGINT, BIGINT, TEXT, TEXT, TEXT, TEXT, BIGINT, BIGINT, BIGINT,
    TEXT, TEXT, TEXT, BIGINT, TEXT, BIGINT
) RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
    booked BIGINT;
BEGIN
    UPDATE users SET id = id WHERE id = $2;
    PERFORM pg_advisory_xact_lock($19);
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
