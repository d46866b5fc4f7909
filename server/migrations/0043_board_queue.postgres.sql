-- The board's roll-ups take a write's share through a queue. Until now each booking, question,
-- service and duty record added its share to its community's day, its street's day and month
-- and the programme's rows inside the writing transaction, so writers of one street and day
-- queued on the same rows until they committed. Now `board_add` only appends the share to
-- `board_pending` (an insert that waits for nobody), and `board_fold()` sums what is queued per
-- community and day and applies it to every roll-up (the former `board_add`, now `board_apply`).
-- The board folds before it reads, so its figures stay exact; a job folds every few seconds so
-- the queue stays short.

CREATE TABLE board_pending (community_id BIGINT NOT NULL, day BIGINT NOT NULL, v BIGINT[] NOT NULL);

ALTER FUNCTION board_add(BIGINT, BIGINT, BIGINT[]) RENAME TO board_apply;

CREATE FUNCTION board_add(c BIGINT, d BIGINT, v BIGINT[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO board_pending (community_id, day, v) VALUES (c, d, v);
$$;

-- One fold at a time (the lock's two-key space is apart from the bookings' slot locks); rows
-- queued while it runs wait for the next.
CREATE FUNCTION board_fold() RETURNS void LANGUAGE sql AS $$
    SELECT pg_advisory_xact_lock(43, 0);
    WITH taken AS (DELETE FROM board_pending RETURNING community_id, day, v),
    sums AS (
        SELECT community_id, day, i, CAST(SUM(x) AS BIGINT) AS total
        FROM taken, unnest(taken.v) WITH ORDINALITY AS u(x, i) GROUP BY community_id, day, i
    ),
    shares AS (SELECT community_id, day, array_agg(total ORDER BY i) AS v FROM sums GROUP BY community_id, day)
    SELECT board_apply(community_id, day, v) FROM (SELECT * FROM shares ORDER BY community_id, day) s;
$$;

-- A rebuild sums the records themselves, so what was queued is in it already (otherwise as in
-- migration 15, quotas included).
CREATE OR REPLACE FUNCTION board_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(43, 0);
    TRUNCATE board_pending, board_days, board_street_days, board_street_months, board_duty_marks, board_street_quotas;
    INSERT INTO board_duty_marks (community_id, lawyer_id, day, logs)
        SELECT community_id, lawyer_id, (CAST(served_on AS DATE) - DATE '1970-01-01'), COUNT(*) FROM duty_logs
        GROUP BY community_id, lawyer_id, served_on;
    INSERT INTO board_days SELECT * FROM board_days_live ORDER BY day, community_id;
    PERFORM board_rebuild_streets(ARRAY(SELECT id FROM streets));
    INSERT INTO board_street_quotas (street_id, per_month, communities)
        SELECT street_id, duty_days_per_month, COUNT(*) FROM communities GROUP BY street_id, duty_days_per_month;
END $$;
