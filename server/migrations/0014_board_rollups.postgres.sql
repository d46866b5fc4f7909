-- The coverage board's figures per community and day, and per street by day and by month: what
-- the board sums for a period. Columns: duty-days (distinct lawyers on duty that day), services
-- and people by category, bookings by outcome (by the slot's day), questions asked and answered
-- (by the day asked), ratings, and answered questions by time to the first answer
-- (answered_within_K: at most 5, 10, 15, 30, 60, 120, 240, 480, 720, 1440, 2880, 4320, 10080 minutes, the last one more). Days are
-- days since 1970-01-01 in Asia/Shanghai; months are YYYYMM.
-- On PostgreSQL (up to a whole country) they are tables kept in step with every write by the
-- triggers below, in the writing transaction: each record adds its share to its community's day,
-- its street's day and its street's month (and takes it back when changed or deleted). Upserts of
-- additions commute, so concurrent writers never lose one. `board_days_live` computes the same
-- figures from the records; `board_rebuild()` refills the tables from it (after a bulk load).

CREATE VIEW board_days_live AS
SELECT community_id, day, CAST(SUM(duty_days) AS BIGINT) AS duty_days, CAST(SUM(s_consultation) AS BIGINT) AS s_consultation, CAST(SUM(s_publicity) AS BIGINT) AS s_publicity, CAST(SUM(s_mediation) AS BIGINT) AS s_mediation, CAST(SUM(s_legal_opinion) AS BIGINT) AS s_legal_opinion, CAST(SUM(s_referral_legal_aid) AS BIGINT) AS s_referral_legal_aid, CAST(SUM(s_referral_mediation) AS BIGINT) AS s_referral_mediation, CAST(SUM(s_referral_notary) AS BIGINT) AS s_referral_notary, CAST(SUM(p_consultation) AS BIGINT) AS p_consultation, CAST(SUM(p_publicity) AS BIGINT) AS p_publicity, CAST(SUM(p_mediation) AS BIGINT) AS p_mediation, CAST(SUM(p_legal_opinion) AS BIGINT) AS p_legal_opinion, CAST(SUM(p_referral_legal_aid) AS BIGINT) AS p_referral_legal_aid, CAST(SUM(p_referral_mediation) AS BIGINT) AS p_referral_mediation, CAST(SUM(p_referral_notary) AS BIGINT) AS p_referral_notary, CAST(SUM(bookings_completed) AS BIGINT) AS bookings_completed, CAST(SUM(bookings_no_show) AS BIGINT) AS bookings_no_show, CAST(SUM(bookings_cancelled) AS BIGINT) AS bookings_cancelled, CAST(SUM(bookings_waiting) AS BIGINT) AS bookings_waiting, CAST(SUM(questions_asked) AS BIGINT) AS questions_asked, CAST(SUM(questions_answered) AS BIGINT) AS questions_answered, CAST(SUM(ratings) AS BIGINT) AS ratings, CAST(SUM(rating_sum) AS BIGINT) AS rating_sum, CAST(SUM(answered_within_0) AS BIGINT) AS answered_within_0, CAST(SUM(answered_within_1) AS BIGINT) AS answered_within_1, CAST(SUM(answered_within_2) AS BIGINT) AS answered_within_2, CAST(SUM(answered_within_3) AS BIGINT) AS answered_within_3, CAST(SUM(answered_within_4) AS BIGINT) AS answered_within_4, CAST(SUM(answered_within_5) AS BIGINT) AS answered_within_5, CAST(SUM(answered_within_6) AS BIGINT) AS answered_within_6, CAST(SUM(answered_within_7) AS BIGINT) AS answered_within_7, CAST(SUM(answered_within_8) AS BIGINT) AS answered_within_8, CAST(SUM(answered_within_9) AS BIGINT) AS answered_within_9, CAST(SUM(answered_within_10) AS BIGINT) AS answered_within_10, CAST(SUM(answered_within_11) AS BIGINT) AS answered_within_11, CAST(SUM(answered_within_12) AS BIGINT) AS answered_within_12, CAST(SUM(answered_within_13) AS BIGINT) AS answered_within_13
FROM (
    SELECT community_id, (CAST(served_on AS DATE) - DATE '1970-01-01') AS day, COUNT(DISTINCT lawyer_id) AS duty_days, 0 AS s_consultation, 0 AS s_publicity, 0 AS s_mediation, 0 AS s_legal_opinion, 0 AS s_referral_legal_aid, 0 AS s_referral_mediation, 0 AS s_referral_notary, 0 AS p_consultation, 0 AS p_publicity, 0 AS p_mediation, 0 AS p_legal_opinion, 0 AS p_referral_legal_aid, 0 AS p_referral_mediation, 0 AS p_referral_notary, 0 AS bookings_completed, 0 AS bookings_no_show, 0 AS bookings_cancelled, 0 AS bookings_waiting, 0 AS questions_asked, 0 AS questions_answered, 0 AS ratings, 0 AS rating_sum, 0 AS answered_within_0, 0 AS answered_within_1, 0 AS answered_within_2, 0 AS answered_within_3, 0 AS answered_within_4, 0 AS answered_within_5, 0 AS answered_within_6, 0 AS answered_within_7, 0 AS answered_within_8, 0 AS answered_within_9, 0 AS answered_within_10, 0 AS answered_within_11, 0 AS answered_within_12, 0 AS answered_within_13 FROM duty_logs GROUP BY community_id, served_on
    UNION ALL
    SELECT community_id, (CAST(served_on AS DATE) - DATE '1970-01-01') AS day, 0 AS duty_days, CASE WHEN category = 'consultation' THEN 1 ELSE 0 END AS s_consultation, CASE WHEN category = 'publicity' THEN 1 ELSE 0 END AS s_publicity, CASE WHEN category = 'mediation' THEN 1 ELSE 0 END AS s_mediation, CASE WHEN category = 'legal_opinion' THEN 1 ELSE 0 END AS s_legal_opinion, CASE WHEN category = 'referral_legal_aid' THEN 1 ELSE 0 END AS s_referral_legal_aid, CASE WHEN category = 'referral_mediation' THEN 1 ELSE 0 END AS s_referral_mediation, CASE WHEN category = 'referral_notary' THEN 1 ELSE 0 END AS s_referral_notary, CASE WHEN category = 'consultation' THEN people_served ELSE 0 END AS p_consultation, CASE WHEN category = 'publicity' THEN people_served ELSE 0 END AS p_publicity, CASE WHEN category = 'mediation' THEN people_served ELSE 0 END AS p_mediation, CASE WHEN category = 'legal_opinion' THEN people_served ELSE 0 END AS p_legal_opinion, CASE WHEN category = 'referral_legal_aid' THEN people_served ELSE 0 END AS p_referral_legal_aid, CASE WHEN category = 'referral_mediation' THEN people_served ELSE 0 END AS p_referral_mediation, CASE WHEN category = 'referral_notary' THEN people_served ELSE 0 END AS p_referral_notary, 0 AS bookings_completed, 0 AS bookings_no_show, 0 AS bookings_cancelled, 0 AS bookings_waiting, 0 AS questions_asked, 0 AS questions_answered, 0 AS ratings, 0 AS rating_sum, 0 AS answered_within_0, 0 AS answered_within_1, 0 AS answered_within_2, 0 AS answered_within_3, 0 AS answered_within_4, 0 AS answered_within_5, 0 AS answered_within_6, 0 AS answered_within_7, 0 AS answered_within_8, 0 AS answered_within_9, 0 AS answered_within_10, 0 AS answered_within_11, 0 AS answered_within_12, 0 AS answered_within_13 FROM service_records
    UNION ALL
    SELECT community_id, ((slot_start + 28800000) / 86400000) AS day, 0 AS duty_days, 0 AS s_consultation, 0 AS s_publicity, 0 AS s_mediation, 0 AS s_legal_opinion, 0 AS s_referral_legal_aid, 0 AS s_referral_mediation, 0 AS s_referral_notary, 0 AS p_consultation, 0 AS p_publicity, 0 AS p_mediation, 0 AS p_legal_opinion, 0 AS p_referral_legal_aid, 0 AS p_referral_mediation, 0 AS p_referral_notary, CASE WHEN status = 'completed' THEN 1 ELSE 0 END AS bookings_completed, CASE WHEN status = 'no_show' THEN 1 ELSE 0 END AS bookings_no_show, CASE WHEN status = 'cancelled' THEN 1 ELSE 0 END AS bookings_cancelled, CASE WHEN status = 'pending' THEN 1 ELSE 0 END AS bookings_waiting, 0 AS questions_asked, 0 AS questions_answered, CASE WHEN rating IS NULL THEN 0 ELSE 1 END AS ratings, COALESCE(rating, 0) AS rating_sum, 0 AS answered_within_0, 0 AS answered_within_1, 0 AS answered_within_2, 0 AS answered_within_3, 0 AS answered_within_4, 0 AS answered_within_5, 0 AS answered_within_6, 0 AS answered_within_7, 0 AS answered_within_8, 0 AS answered_within_9, 0 AS answered_within_10, 0 AS answered_within_11, 0 AS answered_within_12, 0 AS answered_within_13 FROM bookings
    UNION ALL
    SELECT community_id, ((created_at + 28800000) / 86400000) AS day, 0 AS duty_days, 0 AS s_consultation, 0 AS s_publicity, 0 AS s_mediation, 0 AS s_legal_opinion, 0 AS s_referral_legal_aid, 0 AS s_referral_mediation, 0 AS s_referral_notary, 0 AS p_consultation, 0 AS p_publicity, 0 AS p_mediation, 0 AS p_legal_opinion, 0 AS p_referral_legal_aid, 0 AS p_referral_mediation, 0 AS p_referral_notary, 0 AS bookings_completed, 0 AS bookings_no_show, 0 AS bookings_cancelled, 0 AS bookings_waiting, 1 AS questions_asked, CASE WHEN first_answer_at IS NULL THEN 0 ELSE 1 END AS questions_answered, CASE WHEN rating IS NULL THEN 0 ELSE 1 END AS ratings, COALESCE(rating, 0) AS rating_sum, CASE WHEN first_answer_at IS NOT NULL AND ((first_answer_at - created_at) / 60000) <= 5 THEN 1 ELSE 0 END AS answered_within_0, CASE WHEN first_answer_at IS NOT NULL AND ((first_answer_at - created_at) / 60000) > 5 AND ((first_answer_at - created_at) / 60000) <= 10 THEN 1 ELSE 0 END AS answered_within_1, CASE WHEN first_answer_at IS NOT NULL AND ((first_answer_at - created_at) / 60000) > 10 AND ((first_answer_at - created_at) / 60000) <= 15 THEN 1 ELSE 0 END AS answered_within_2, CASE WHEN first_answer_at IS NOT NULL AND ((first_answer_at - created_at) / 60000) > 15 AND ((first_answer_at - created_at) / 60000) <= 30 THEN 1 ELSE 0 END AS answered_within_3, CASE WHEN first_answer_at IS NOT NULL AND ((first_answer_at - created_at) / 60000) > 30 AND ((first_answer_at - created_at) / 60000) <= 60 THEN 1 ELSE 0 END AS answered_within_4, CASE WHEN first_answer_at IS NOT NULL AND ((first_answer_at - created_at) / 60000) > 60 AND ((first_answer_at - created_at) / 60000) <= 120 THEN 1 ELSE 0 END AS answered_within_5, CASE WHEN first_answer_at IS NOT NULL AND ((first_answer_at - created_at) / 60000) > 120 AND ((first_answer_at - created_at) / 60000) <= 240 THEN 1 ELSE 0 END AS answered_within_6, CASE WHEN first_answer_at IS NOT NULL AND ((first_answer_at - created_at) / 60000) > 240 AND ((first_answer_at - created_at) / 60000) <= 480 THEN 1 ELSE 0 END AS answered_within_7, CASE WHEN first_answer_at IS NOT NULL AND ((first_answer_at - created_at) / 60000) > 480 AND ((first_answer_at - created_at) / 60000) <= 720 THEN 1 ELSE 0 END AS answered_within_8, CASE WHEN first_answer_at IS NOT NULL AND ((first_answer_at - created_at) / 60000) > 720 AND ((first_answer_at - created_at) / 60000) <= 1440 THEN 1 ELSE 0 END AS answered_within_9, CASE WHEN first_answer_at IS NOT NULL AND ((first_answer_at - created_at) / 60000) > 1440 AND ((first_answer_at - created_at) / 60000) <= 2880 THEN 1 ELSE 0 END AS answered_within_10, CASE WHEN first_answer_at IS NOT NULL AND ((first_answer_at - created_at) / 60000) > 2880 AND ((first_answer_at - created_at) / 60000) <= 4320 THEN 1 ELSE 0 END AS answered_within_11, CASE WHEN first_answer_at IS NOT NULL AND ((first_answer_at - created_at) / 60000) > 4320 AND ((first_answer_at - created_at) / 60000) <= 10080 THEN 1 ELSE 0 END AS answered_within_12, CASE WHEN first_answer_at IS NOT NULL AND ((first_answer_at - created_at) / 60000) > 10080 THEN 1 ELSE 0 END AS answered_within_13 FROM questions
) figures
GROUP BY community_id, day;

CREATE TABLE board_days (
    community_id BIGINT NOT NULL, day BIGINT NOT NULL,
    duty_days BIGINT NOT NULL DEFAULT 0,
    s_consultation BIGINT NOT NULL DEFAULT 0,
    s_publicity BIGINT NOT NULL DEFAULT 0,
    s_mediation BIGINT NOT NULL DEFAULT 0,
    s_legal_opinion BIGINT NOT NULL DEFAULT 0,
    s_referral_legal_aid BIGINT NOT NULL DEFAULT 0,
    s_referral_mediation BIGINT NOT NULL DEFAULT 0,
    s_referral_notary BIGINT NOT NULL DEFAULT 0,
    p_consultation BIGINT NOT NULL DEFAULT 0,
    p_publicity BIGINT NOT NULL DEFAULT 0,
    p_mediation BIGINT NOT NULL DEFAULT 0,
    p_legal_opinion BIGINT NOT NULL DEFAULT 0,
    p_referral_legal_aid BIGINT NOT NULL DEFAULT 0,
    p_referral_mediation BIGINT NOT NULL DEFAULT 0,
    p_referral_notary BIGINT NOT NULL DEFAULT 0,
    bookings_completed BIGINT NOT NULL DEFAULT 0,
    bookings_no_show BIGINT NOT NULL DEFAULT 0,
    bookings_cancelled BIGINT NOT NULL DEFAULT 0,
    bookings_waiting BIGINT NOT NULL DEFAULT 0,
    questions_asked BIGINT NOT NULL DEFAULT 0,
    questions_answered BIGINT NOT NULL DEFAULT 0,
    ratings BIGINT NOT NULL DEFAULT 0,
    rating_sum BIGINT NOT NULL DEFAULT 0,
    answered_within_0 BIGINT NOT NULL DEFAULT 0,
    answered_within_1 BIGINT NOT NULL DEFAULT 0,
    answered_within_2 BIGINT NOT NULL DEFAULT 0,
    answered_within_3 BIGINT NOT NULL DEFAULT 0,
    answered_within_4 BIGINT NOT NULL DEFAULT 0,
    answered_within_5 BIGINT NOT NULL DEFAULT 0,
    answered_within_6 BIGINT NOT NULL DEFAULT 0,
    answered_within_7 BIGINT NOT NULL DEFAULT 0,
    answered_within_8 BIGINT NOT NULL DEFAULT 0,
    answered_within_9 BIGINT NOT NULL DEFAULT 0,
    answered_within_10 BIGINT NOT NULL DEFAULT 0,
    answered_within_11 BIGINT NOT NULL DEFAULT 0,
    answered_within_12 BIGINT NOT NULL DEFAULT 0,
    answered_within_13 BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT board_days_pk PRIMARY KEY (community_id, day)
);
CREATE TABLE board_street_days (
    street_id BIGINT NOT NULL, day BIGINT NOT NULL,
    duty_days BIGINT NOT NULL DEFAULT 0,
    s_consultation BIGINT NOT NULL DEFAULT 0,
    s_publicity BIGINT NOT NULL DEFAULT 0,
    s_mediation BIGINT NOT NULL DEFAULT 0,
    s_legal_opinion BIGINT NOT NULL DEFAULT 0,
    s_referral_legal_aid BIGINT NOT NULL DEFAULT 0,
    s_referral_mediation BIGINT NOT NULL DEFAULT 0,
    s_referral_notary BIGINT NOT NULL DEFAULT 0,
    p_consultation BIGINT NOT NULL DEFAULT 0,
    p_publicity BIGINT NOT NULL DEFAULT 0,
    p_mediation BIGINT NOT NULL DEFAULT 0,
    p_legal_opinion BIGINT NOT NULL DEFAULT 0,
    p_referral_legal_aid BIGINT NOT NULL DEFAULT 0,
    p_referral_mediation BIGINT NOT NULL DEFAULT 0,
    p_referral_notary BIGINT NOT NULL DEFAULT 0,
    bookings_completed BIGINT NOT NULL DEFAULT 0,
    bookings_no_show BIGINT NOT NULL DEFAULT 0,
    bookings_cancelled BIGINT NOT NULL DEFAULT 0,
    bookings_waiting BIGINT NOT NULL DEFAULT 0,
    questions_asked BIGINT NOT NULL DEFAULT 0,
    questions_answered BIGINT NOT NULL DEFAULT 0,
    ratings BIGINT NOT NULL DEFAULT 0,
    rating_sum BIGINT NOT NULL DEFAULT 0,
    answered_within_0 BIGINT NOT NULL DEFAULT 0,
    answered_within_1 BIGINT NOT NULL DEFAULT 0,
    answered_within_2 BIGINT NOT NULL DEFAULT 0,
    answered_within_3 BIGINT NOT NULL DEFAULT 0,
    answered_within_4 BIGINT NOT NULL DEFAULT 0,
    answered_within_5 BIGINT NOT NULL DEFAULT 0,
    answered_within_6 BIGINT NOT NULL DEFAULT 0,
    answered_within_7 BIGINT NOT NULL DEFAULT 0,
    answered_within_8 BIGINT NOT NULL DEFAULT 0,
    answered_within_9 BIGINT NOT NULL DEFAULT 0,
    answered_within_10 BIGINT NOT NULL DEFAULT 0,
    answered_within_11 BIGINT NOT NULL DEFAULT 0,
    answered_within_12 BIGINT NOT NULL DEFAULT 0,
    answered_within_13 BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT board_street_days_pk PRIMARY KEY (street_id, day)
);
CREATE TABLE board_street_months (
    street_id BIGINT NOT NULL, month BIGINT NOT NULL,
    duty_days BIGINT NOT NULL DEFAULT 0,
    s_consultation BIGINT NOT NULL DEFAULT 0,
    s_publicity BIGINT NOT NULL DEFAULT 0,
    s_mediation BIGINT NOT NULL DEFAULT 0,
    s_legal_opinion BIGINT NOT NULL DEFAULT 0,
    s_referral_legal_aid BIGINT NOT NULL DEFAULT 0,
    s_referral_mediation BIGINT NOT NULL DEFAULT 0,
    s_referral_notary BIGINT NOT NULL DEFAULT 0,
    p_consultation BIGINT NOT NULL DEFAULT 0,
    p_publicity BIGINT NOT NULL DEFAULT 0,
    p_mediation BIGINT NOT NULL DEFAULT 0,
    p_legal_opinion BIGINT NOT NULL DEFAULT 0,
    p_referral_legal_aid BIGINT NOT NULL DEFAULT 0,
    p_referral_mediation BIGINT NOT NULL DEFAULT 0,
    p_referral_notary BIGINT NOT NULL DEFAULT 0,
    bookings_completed BIGINT NOT NULL DEFAULT 0,
    bookings_no_show BIGINT NOT NULL DEFAULT 0,
    bookings_cancelled BIGINT NOT NULL DEFAULT 0,
    bookings_waiting BIGINT NOT NULL DEFAULT 0,
    questions_asked BIGINT NOT NULL DEFAULT 0,
    questions_answered BIGINT NOT NULL DEFAULT 0,
    ratings BIGINT NOT NULL DEFAULT 0,
    rating_sum BIGINT NOT NULL DEFAULT 0,
    answered_within_0 BIGINT NOT NULL DEFAULT 0,
    answered_within_1 BIGINT NOT NULL DEFAULT 0,
    answered_within_2 BIGINT NOT NULL DEFAULT 0,
    answered_within_3 BIGINT NOT NULL DEFAULT 0,
    answered_within_4 BIGINT NOT NULL DEFAULT 0,
    answered_within_5 BIGINT NOT NULL DEFAULT 0,
    answered_within_6 BIGINT NOT NULL DEFAULT 0,
    answered_within_7 BIGINT NOT NULL DEFAULT 0,
    answered_within_8 BIGINT NOT NULL DEFAULT 0,
    answered_within_9 BIGINT NOT NULL DEFAULT 0,
    answered_within_10 BIGINT NOT NULL DEFAULT 0,
    answered_within_11 BIGINT NOT NULL DEFAULT 0,
    answered_within_12 BIGINT NOT NULL DEFAULT 0,
    answered_within_13 BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT board_street_months_pk PRIMARY KEY (street_id, month)
);
CREATE INDEX board_days_day_idx ON board_days (day);
CREATE INDEX board_street_days_day_idx ON board_street_days (day);

-- A duty-day counts once however many logs a lawyer has that day at that community.
CREATE TABLE board_duty_marks (
    community_id BIGINT NOT NULL,
    lawyer_id BIGINT NOT NULL,
    day BIGINT NOT NULL,
    logs BIGINT NOT NULL,
    CONSTRAINT board_duty_marks_pk PRIMARY KEY (community_id, lawyer_id, day)
);

-- Adds `v` (a value per column, in the columns' order) to community `c`'s day `d`.
CREATE FUNCTION board_add(c BIGINT, d BIGINT, v BIGINT[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    s BIGINT;
    m BIGINT := CAST(to_char(DATE '1970-01-01' + CAST(d AS INTEGER), 'YYYYMM') AS BIGINT);
BEGIN
    SELECT street_id INTO s FROM communities WHERE id = c;
    INSERT INTO board_days (community_id, day, duty_days, s_consultation, s_publicity, s_mediation, s_legal_opinion, s_referral_legal_aid, s_referral_mediation, s_referral_notary, p_consultation, p_publicity, p_mediation, p_legal_opinion, p_referral_legal_aid, p_referral_mediation, p_referral_notary, bookings_completed, bookings_no_show, bookings_cancelled, bookings_waiting, questions_asked, questions_answered, ratings, rating_sum, answered_within_0, answered_within_1, answered_within_2, answered_within_3, answered_within_4, answered_within_5, answered_within_6, answered_within_7, answered_within_8, answered_within_9, answered_within_10, answered_within_11, answered_within_12, answered_within_13) VALUES (c, d, v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15], v[16], v[17], v[18], v[19], v[20], v[21], v[22], v[23], v[24], v[25], v[26], v[27], v[28], v[29], v[30], v[31], v[32], v[33], v[34], v[35], v[36], v[37])
        ON CONFLICT (community_id, day) DO UPDATE SET
            duty_days = board_days.duty_days + EXCLUDED.duty_days, s_consultation = board_days.s_consultation + EXCLUDED.s_consultation, s_publicity = board_days.s_publicity + EXCLUDED.s_publicity,
            s_mediation = board_days.s_mediation + EXCLUDED.s_mediation, s_legal_opinion = board_days.s_legal_opinion + EXCLUDED.s_legal_opinion, s_referral_legal_aid = board_days.s_referral_legal_aid + EXCLUDED.s_referral_legal_aid,
            s_referral_mediation = board_days.s_referral_mediation + EXCLUDED.s_referral_mediation, s_referral_notary = board_days.s_referral_notary + EXCLUDED.s_referral_notary, p_consultation = board_days.p_consultation + EXCLUDED.p_consultation,
            p_publicity = board_days.p_publicity + EXCLUDED.p_publicity, p_mediation = board_days.p_mediation + EXCLUDED.p_mediation, p_legal_opinion = board_days.p_legal_opinion + EXCLUDED.p_legal_opinion,
            p_referral_legal_aid = board_days.p_referral_legal_aid + EXCLUDED.p_referral_legal_aid, p_referral_mediation = board_days.p_referral_mediation + EXCLUDED.p_referral_mediation, p_referral_notary = board_days.p_referral_notary + EXCLUDED.p_referral_notary,
            bookings_completed = board_days.bookings_completed + EXCLUDED.bookings_completed, bookings_no_show = board_days.bookings_no_show + EXCLUDED.bookings_no_show, bookings_cancelled = board_days.bookings_cancelled + EXCLUDED.bookings_cancelled,
            bookings_waiting = board_days.bookings_waiting + EXCLUDED.bookings_waiting, questions_asked = board_days.questions_asked + EXCLUDED.questions_asked, questions_answered = board_days.questions_answered + EXCLUDED.questions_answered,
            ratings = board_days.ratings + EXCLUDED.ratings, rating_sum = board_days.rating_sum + EXCLUDED.rating_sum, answered_within_0 = board_days.answered_within_0 + EXCLUDED.answered_within_0,
            answered_within_1 = board_days.answered_within_1 + EXCLUDED.answered_within_1, answered_within_2 = board_days.answered_within_2 + EXCLUDED.answered_within_2, answered_within_3 = board_days.answered_within_3 + EXCLUDED.answered_within_3,
            answered_within_4 = board_days.answered_within_4 + EXCLUDED.answered_within_4, answered_within_5 = board_days.answered_within_5 + EXCLUDED.answered_within_5, answered_within_6 = board_days.answered_within_6 + EXCLUDED.answered_within_6,
            answered_within_7 = board_days.answered_within_7 + EXCLUDED.answered_within_7, answered_within_8 = board_days.answered_within_8 + EXCLUDED.answered_within_8, answered_within_9 = board_days.answered_within_9 + EXCLUDED.answered_within_9,
            answered_within_10 = board_days.answered_within_10 + EXCLUDED.answered_within_10, answered_within_11 = board_days.answered_within_11 + EXCLUDED.answered_within_11, answered_within_12 = board_days.answered_within_12 + EXCLUDED.answered_within_12,
            answered_within_13 = board_days.answered_within_13 + EXCLUDED.answered_within_13;
    INSERT INTO board_street_days (street_id, day, duty_days, s_consultation, s_publicity, s_mediation, s_legal_opinion, s_referral_legal_aid, s_referral_mediation, s_referral_notary, p_consultation, p_publicity, p_mediation, p_legal_opinion, p_referral_legal_aid, p_referral_mediation, p_referral_notary, bookings_completed, bookings_no_show, bookings_cancelled, bookings_waiting, questions_asked, questions_answered, ratings, rating_sum, answered_within_0, answered_within_1, answered_within_2, answered_within_3, answered_within_4, answered_within_5, answered_within_6, answered_within_7, answered_within_8, answered_within_9, answered_within_10, answered_within_11, answered_within_12, answered_within_13) VALUES (s, d, v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15], v[16], v[17], v[18], v[19], v[20], v[21], v[22], v[23], v[24], v[25], v[26], v[27], v[28], v[29], v[30], v[31], v[32], v[33], v[34], v[35], v[36], v[37])
        ON CONFLICT (street_id, day) DO UPDATE SET
            duty_days = board_street_days.duty_days + EXCLUDED.duty_days, s_consultation = board_street_days.s_consultation + EXCLUDED.s_consultation, s_publicity = board_street_days.s_publicity + EXCLUDED.s_publicity,
            s_mediation = board_street_days.s_mediation + EXCLUDED.s_mediation, s_legal_opinion = board_street_days.s_legal_opinion + EXCLUDED.s_legal_opinion, s_referral_legal_aid = board_street_days.s_referral_legal_aid + EXCLUDED.s_referral_legal_aid,
            s_referral_mediation = board_street_days.s_referral_mediation + EXCLUDED.s_referral_mediation, s_referral_notary = board_street_days.s_referral_notary + EXCLUDED.s_referral_notary, p_consultation = board_street_days.p_consultation + EXCLUDED.p_consultation,
            p_publicity = board_street_days.p_publicity + EXCLUDED.p_publicity, p_mediation = board_street_days.p_mediation + EXCLUDED.p_mediation, p_legal_opinion = board_street_days.p_legal_opinion + EXCLUDED.p_legal_opinion,
            p_referral_legal_aid = board_street_days.p_referral_legal_aid + EXCLUDED.p_referral_legal_aid, p_referral_mediation = board_street_days.p_referral_mediation + EXCLUDED.p_referral_mediation, p_referral_notary = board_street_days.p_referral_notary + EXCLUDED.p_referral_notary,
            bookings_completed = board_street_days.bookings_completed + EXCLUDED.bookings_completed, bookings_no_show = board_street_days.bookings_no_show + EXCLUDED.bookings_no_show, bookings_cancelled = board_street_days.bookings_cancelled + EXCLUDED.bookings_cancelled,
            bookings_waiting = board_street_days.bookings_waiting + EXCLUDED.bookings_waiting, questions_asked = board_street_days.questions_asked + EXCLUDED.questions_asked, questions_answered = board_street_days.questions_answered + EXCLUDED.questions_answered,
            ratings = board_street_days.ratings + EXCLUDED.ratings, rating_sum = board_street_days.rating_sum + EXCLUDED.rating_sum, answered_within_0 = board_street_days.answered_within_0 + EXCLUDED.answered_within_0,
            answered_within_1 = board_street_days.answered_within_1 + EXCLUDED.answered_within_1, answered_within_2 = board_street_days.answered_within_2 + EXCLUDED.answered_within_2, answered_within_3 = board_street_days.answered_within_3 + EXCLUDED.answered_within_3,
            answered_within_4 = board_street_days.answered_within_4 + EXCLUDED.answered_within_4, answered_within_5 = board_street_days.answered_within_5 + EXCLUDED.answered_within_5, answered_within_6 = board_street_days.answered_within_6 + EXCLUDED.answered_within_6,
            answered_within_7 = board_street_days.answered_within_7 + EXCLUDED.answered_within_7, answered_within_8 = board_street_days.answered_within_8 + EXCLUDED.answered_within_8, answered_within_9 = board_street_days.answered_within_9 + EXCLUDED.answered_within_9,
            answered_within_10 = board_street_days.answered_within_10 + EXCLUDED.answered_within_10, answered_within_11 = board_street_days.answered_within_11 + EXCLUDED.answered_within_11, answered_within_12 = board_street_days.answered_within_12 + EXCLUDED.answered_within_12,
            answered_within_13 = board_street_days.answered_within_13 + EXCLUDED.answered_within_13;
    INSERT INTO board_street_months (street_id, month, duty_days, s_consultation, s_publicity, s_mediation, s_legal_opinion, s_referral_legal_aid, s_referral_mediation, s_referral_notary, p_consultation, p_publicity, p_mediation, p_legal_opinion, p_referral_legal_aid, p_referral_mediation, p_referral_notary, bookings_completed, bookings_no_show, bookings_cancelled, bookings_waiting, questions_asked, questions_answered, ratings, rating_sum, answered_within_0, answered_within_1, answered_within_2, answered_within_3, answered_within_4, answered_within_5, answered_within_6, answered_within_7, answered_within_8, answered_within_9, answered_within_10, answered_within_11, answered_within_12, answered_within_13) VALUES (s, m, v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15], v[16], v[17], v[18], v[19], v[20], v[21], v[22], v[23], v[24], v[25], v[26], v[27], v[28], v[29], v[30], v[31], v[32], v[33], v[34], v[35], v[36], v[37])
        ON CONFLICT (street_id, month) DO UPDATE SET
            duty_days = board_street_months.duty_days + EXCLUDED.duty_days, s_consultation = board_street_months.s_consultation + EXCLUDED.s_consultation, s_publicity = board_street_months.s_publicity + EXCLUDED.s_publicity,
            s_mediation = board_street_months.s_mediation + EXCLUDED.s_mediation, s_legal_opinion = board_street_months.s_legal_opinion + EXCLUDED.s_legal_opinion, s_referral_legal_aid = board_street_months.s_referral_legal_aid + EXCLUDED.s_referral_legal_aid,
            s_referral_mediation = board_street_months.s_referral_mediation + EXCLUDED.s_referral_mediation, s_referral_notary = board_street_months.s_referral_notary + EXCLUDED.s_referral_notary, p_consultation = board_street_months.p_consultation + EXCLUDED.p_consultation,
            p_publicity = board_street_months.p_publicity + EXCLUDED.p_publicity, p_mediation = board_street_months.p_mediation + EXCLUDED.p_mediation, p_legal_opinion = board_street_months.p_legal_opinion + EXCLUDED.p_legal_opinion,
            p_referral_legal_aid = board_street_months.p_referral_legal_aid + EXCLUDED.p_referral_legal_aid, p_referral_mediation = board_street_months.p_referral_mediation + EXCLUDED.p_referral_mediation, p_referral_notary = board_street_months.p_referral_notary + EXCLUDED.p_referral_notary,
            bookings_completed = board_street_months.bookings_completed + EXCLUDED.bookings_completed, bookings_no_show = board_street_months.bookings_no_show + EXCLUDED.bookings_no_show, bookings_cancelled = board_street_months.bookings_cancelled + EXCLUDED.bookings_cancelled,
            bookings_waiting = board_street_months.bookings_waiting + EXCLUDED.bookings_waiting, questions_asked = board_street_months.questions_asked + EXCLUDED.questions_asked, questions_answered = board_street_months.questions_answered + EXCLUDED.questions_answered,
            ratings = board_street_months.ratings + EXCLUDED.ratings, rating_sum = board_street_months.rating_sum + EXCLUDED.rating_sum, answered_within_0 = board_street_months.answered_within_0 + EXCLUDED.answered_within_0,
            answered_within_1 = board_street_months.answered_within_1 + EXCLUDED.answered_within_1, answered_within_2 = board_street_months.answered_within_2 + EXCLUDED.answered_within_2, answered_within_3 = board_street_months.answered_within_3 + EXCLUDED.answered_within_3,
            answered_within_4 = board_street_months.answered_within_4 + EXCLUDED.answered_within_4, answered_within_5 = board_street_months.answered_within_5 + EXCLUDED.answered_within_5, answered_within_6 = board_street_months.answered_within_6 + EXCLUDED.answered_within_6,
            answered_within_7 = board_street_months.answered_within_7 + EXCLUDED.answered_within_7, answered_within_8 = board_street_months.answered_within_8 + EXCLUDED.answered_within_8, answered_within_9 = board_street_months.answered_within_9 + EXCLUDED.answered_within_9,
            answered_within_10 = board_street_months.answered_within_10 + EXCLUDED.answered_within_10, answered_within_11 = board_street_months.answered_within_11 + EXCLUDED.answered_within_11, answered_within_12 = board_street_months.answered_within_12 + EXCLUDED.answered_within_12,
            answered_within_13 = board_street_months.answered_within_13 + EXCLUDED.answered_within_13;
END $$;

-- `later` minus `earlier`, element by element.
CREATE FUNCTION board_minus(later BIGINT[], earlier BIGINT[]) RETURNS BIGINT[] LANGUAGE sql IMMUTABLE AS $$
    SELECT array_agg(a - b ORDER BY k) FROM unnest(later, earlier) WITH ORDINALITY AS t(a, b, k)
$$;

CREATE FUNCTION board_service_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_v BIGINT[];
    new_v BIGINT[];
BEGIN
    IF TG_OP <> 'INSERT' THEN
        old_v := ARRAY[0, CASE WHEN OLD.category = 'consultation' THEN 1 ELSE 0 END, CASE WHEN OLD.category = 'publicity' THEN 1 ELSE 0 END, CASE WHEN OLD.category = 'mediation' THEN 1 ELSE 0 END, CASE WHEN OLD.category = 'legal_opinion' THEN 1 ELSE 0 END, CASE WHEN OLD.category = 'referral_legal_aid' THEN 1 ELSE 0 END, CASE WHEN OLD.category = 'referral_mediation' THEN 1 ELSE 0 END, CASE WHEN OLD.category = 'referral_notary' THEN 1 ELSE 0 END, CASE WHEN OLD.category = 'consultation' THEN OLD.people_served ELSE 0 END, CASE WHEN OLD.category = 'publicity' THEN OLD.people_served ELSE 0 END, CASE WHEN OLD.category = 'mediation' THEN OLD.people_served ELSE 0 END, CASE WHEN OLD.category = 'legal_opinion' THEN OLD.people_served ELSE 0 END, CASE WHEN OLD.category = 'referral_legal_aid' THEN OLD.people_served ELSE 0 END, CASE WHEN OLD.category = 'referral_mediation' THEN OLD.people_served ELSE 0 END, CASE WHEN OLD.category = 'referral_notary' THEN OLD.people_served ELSE 0 END, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]::BIGINT[];
    END IF;
    IF TG_OP <> 'DELETE' THEN
        new_v := ARRAY[0, CASE WHEN NEW.category = 'consultation' THEN 1 ELSE 0 END, CASE WHEN NEW.category = 'publicity' THEN 1 ELSE 0 END, CASE WHEN NEW.category = 'mediation' THEN 1 ELSE 0 END, CASE WHEN NEW.category = 'legal_opinion' THEN 1 ELSE 0 END, CASE WHEN NEW.category = 'referral_legal_aid' THEN 1 ELSE 0 END, CASE WHEN NEW.category = 'referral_mediation' THEN 1 ELSE 0 END, CASE WHEN NEW.category = 'referral_notary' THEN 1 ELSE 0 END, CASE WHEN NEW.category = 'consultation' THEN NEW.people_served ELSE 0 END, CASE WHEN NEW.category = 'publicity' THEN NEW.people_served ELSE 0 END, CASE WHEN NEW.category = 'mediation' THEN NEW.people_served ELSE 0 END, CASE WHEN NEW.category = 'legal_opinion' THEN NEW.people_served ELSE 0 END, CASE WHEN NEW.category = 'referral_legal_aid' THEN NEW.people_served ELSE 0 END, CASE WHEN NEW.category = 'referral_mediation' THEN NEW.people_served ELSE 0 END, CASE WHEN NEW.category = 'referral_notary' THEN NEW.people_served ELSE 0 END, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]::BIGINT[];
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.community_id = NEW.community_id AND (CAST(OLD.served_on AS DATE) - DATE '1970-01-01') = (CAST(NEW.served_on AS DATE) - DATE '1970-01-01') THEN
        IF old_v <> new_v THEN
            PERFORM board_add(NEW.community_id, (CAST(NEW.served_on AS DATE) - DATE '1970-01-01'), board_minus(new_v, old_v));
        END IF;
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        PERFORM board_add(OLD.community_id, (CAST(OLD.served_on AS DATE) - DATE '1970-01-01'), board_minus(array_fill(0::BIGINT, ARRAY[37]), old_v));
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM board_add(NEW.community_id, (CAST(NEW.served_on AS DATE) - DATE '1970-01-01'), new_v);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER service_records_board AFTER INSERT OR UPDATE OR DELETE ON service_records
    FOR EACH ROW EXECUTE FUNCTION board_service_changed();

CREATE FUNCTION board_booking_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_v BIGINT[];
    new_v BIGINT[];
BEGIN
    IF TG_OP <> 'INSERT' THEN
        old_v := ARRAY[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, CASE WHEN OLD.status = 'completed' THEN 1 ELSE 0 END, CASE WHEN OLD.status = 'no_show' THEN 1 ELSE 0 END, CASE WHEN OLD.status = 'cancelled' THEN 1 ELSE 0 END, CASE WHEN OLD.status = 'pending' THEN 1 ELSE 0 END, 0, 0, CASE WHEN OLD.rating IS NULL THEN 0 ELSE 1 END, COALESCE(OLD.rating, 0), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]::BIGINT[];
    END IF;
    IF TG_OP <> 'DELETE' THEN
        new_v := ARRAY[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, CASE WHEN NEW.status = 'completed' THEN 1 ELSE 0 END, CASE WHEN NEW.status = 'no_show' THEN 1 ELSE 0 END, CASE WHEN NEW.status = 'cancelled' THEN 1 ELSE 0 END, CASE WHEN NEW.status = 'pending' THEN 1 ELSE 0 END, 0, 0, CASE WHEN NEW.rating IS NULL THEN 0 ELSE 1 END, COALESCE(NEW.rating, 0), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]::BIGINT[];
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.community_id = NEW.community_id AND ((OLD.slot_start + 28800000) / 86400000) = ((NEW.slot_start + 28800000) / 86400000) THEN
        IF old_v <> new_v THEN
            PERFORM board_add(NEW.community_id, ((NEW.slot_start + 28800000) / 86400000), board_minus(new_v, old_v));
        END IF;
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        PERFORM board_add(OLD.community_id, ((OLD.slot_start + 28800000) / 86400000), board_minus(array_fill(0::BIGINT, ARRAY[37]), old_v));
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM board_add(NEW.community_id, ((NEW.slot_start + 28800000) / 86400000), new_v);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER bookings_board AFTER INSERT OR UPDATE OR DELETE ON bookings
    FOR EACH ROW EXECUTE FUNCTION board_booking_changed();

CREATE FUNCTION board_question_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_v BIGINT[];
    new_v BIGINT[];
BEGIN
    IF TG_OP <> 'INSERT' THEN
        old_v := ARRAY[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, CASE WHEN OLD.first_answer_at IS NULL THEN 0 ELSE 1 END, CASE WHEN OLD.rating IS NULL THEN 0 ELSE 1 END, COALESCE(OLD.rating, 0), CASE WHEN OLD.first_answer_at IS NOT NULL AND ((OLD.first_answer_at - OLD.created_at) / 60000) <= 5 THEN 1 ELSE 0 END, CASE WHEN OLD.first_answer_at IS NOT NULL AND ((OLD.first_answer_at - OLD.created_at) / 60000) > 5 AND ((OLD.first_answer_at - OLD.created_at) / 60000) <= 10 THEN 1 ELSE 0 END, CASE WHEN OLD.first_answer_at IS NOT NULL AND ((OLD.first_answer_at - OLD.created_at) / 60000) > 10 AND ((OLD.first_answer_at - OLD.created_at) / 60000) <= 15 THEN 1 ELSE 0 END, CASE WHEN OLD.first_answer_at IS NOT NULL AND ((OLD.first_answer_at - OLD.created_at) / 60000) > 15 AND ((OLD.first_answer_at - OLD.created_at) / 60000) <= 30 THEN 1 ELSE 0 END, CASE WHEN OLD.first_answer_at IS NOT NULL AND ((OLD.first_answer_at - OLD.created_at) / 60000) > 30 AND ((OLD.first_answer_at - OLD.created_at) / 60000) <= 60 THEN 1 ELSE 0 END, CASE WHEN OLD.first_answer_at IS NOT NULL AND ((OLD.first_answer_at - OLD.created_at) / 60000) > 60 AND ((OLD.first_answer_at - OLD.created_at) / 60000) <= 120 THEN 1 ELSE 0 END, CASE WHEN OLD.first_answer_at IS NOT NULL AND ((OLD.first_answer_at - OLD.created_at) / 60000) > 120 AND ((OLD.first_answer_at - OLD.created_at) / 60000) <= 240 THEN 1 ELSE 0 END, CASE WHEN OLD.first_answer_at IS NOT NULL AND ((OLD.first_answer_at - OLD.created_at) / 60000) > 240 AND ((OLD.first_answer_at - OLD.created_at) / 60000) <= 480 THEN 1 ELSE 0 END, CASE WHEN OLD.first_answer_at IS NOT NULL AND ((OLD.first_answer_at - OLD.created_at) / 60000) > 480 AND ((OLD.first_answer_at - OLD.created_at) / 60000) <= 720 THEN 1 ELSE 0 END, CASE WHEN OLD.first_answer_at IS NOT NULL AND ((OLD.first_answer_at - OLD.created_at) / 60000) > 720 AND ((OLD.first_answer_at - OLD.created_at) / 60000) <= 1440 THEN 1 ELSE 0 END, CASE WHEN OLD.first_answer_at IS NOT NULL AND ((OLD.first_answer_at - OLD.created_at) / 60000) > 1440 AND ((OLD.first_answer_at - OLD.created_at) / 60000) <= 2880 THEN 1 ELSE 0 END, CASE WHEN OLD.first_answer_at IS NOT NULL AND ((OLD.first_answer_at - OLD.created_at) / 60000) > 2880 AND ((OLD.first_answer_at - OLD.created_at) / 60000) <= 4320 THEN 1 ELSE 0 END, CASE WHEN OLD.first_answer_at IS NOT NULL AND ((OLD.first_answer_at - OLD.created_at) / 60000) > 4320 AND ((OLD.first_answer_at - OLD.created_at) / 60000) <= 10080 THEN 1 ELSE 0 END, CASE WHEN OLD.first_answer_at IS NOT NULL AND ((OLD.first_answer_at - OLD.created_at) / 60000) > 10080 THEN 1 ELSE 0 END]::BIGINT[];
    END IF;
    IF TG_OP <> 'DELETE' THEN
        new_v := ARRAY[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, CASE WHEN NEW.first_answer_at IS NULL THEN 0 ELSE 1 END, CASE WHEN NEW.rating IS NULL THEN 0 ELSE 1 END, COALESCE(NEW.rating, 0), CASE WHEN NEW.first_answer_at IS NOT NULL AND ((NEW.first_answer_at - NEW.created_at) / 60000) <= 5 THEN 1 ELSE 0 END, CASE WHEN NEW.first_answer_at IS NOT NULL AND ((NEW.first_answer_at - NEW.created_at) / 60000) > 5 AND ((NEW.first_answer_at - NEW.created_at) / 60000) <= 10 THEN 1 ELSE 0 END, CASE WHEN NEW.first_answer_at IS NOT NULL AND ((NEW.first_answer_at - NEW.created_at) / 60000) > 10 AND ((NEW.first_answer_at - NEW.created_at) / 60000) <= 15 THEN 1 ELSE 0 END, CASE WHEN NEW.first_answer_at IS NOT NULL AND ((NEW.first_answer_at - NEW.created_at) / 60000) > 15 AND ((NEW.first_answer_at - NEW.created_at) / 60000) <= 30 THEN 1 ELSE 0 END, CASE WHEN NEW.first_answer_at IS NOT NULL AND ((NEW.first_answer_at - NEW.created_at) / 60000) > 30 AND ((NEW.first_answer_at - NEW.created_at) / 60000) <= 60 THEN 1 ELSE 0 END, CASE WHEN NEW.first_answer_at IS NOT NULL AND ((NEW.first_answer_at - NEW.created_at) / 60000) > 60 AND ((NEW.first_answer_at - NEW.created_at) / 60000) <= 120 THEN 1 ELSE 0 END, CASE WHEN NEW.first_answer_at IS NOT NULL AND ((NEW.first_answer_at - NEW.created_at) / 60000) > 120 AND ((NEW.first_answer_at - NEW.created_at) / 60000) <= 240 THEN 1 ELSE 0 END, CASE WHEN NEW.first_answer_at IS NOT NULL AND ((NEW.first_answer_at - NEW.created_at) / 60000) > 240 AND ((NEW.first_answer_at - NEW.created_at) / 60000) <= 480 THEN 1 ELSE 0 END, CASE WHEN NEW.first_answer_at IS NOT NULL AND ((NEW.first_answer_at - NEW.created_at) / 60000) > 480 AND ((NEW.first_answer_at - NEW.created_at) / 60000) <= 720 THEN 1 ELSE 0 END, CASE WHEN NEW.first_answer_at IS NOT NULL AND ((NEW.first_answer_at - NEW.created_at) / 60000) > 720 AND ((NEW.first_answer_at - NEW.created_at) / 60000) <= 1440 THEN 1 ELSE 0 END, CASE WHEN NEW.first_answer_at IS NOT NULL AND ((NEW.first_answer_at - NEW.created_at) / 60000) > 1440 AND ((NEW.first_answer_at - NEW.created_at) / 60000) <= 2880 THEN 1 ELSE 0 END, CASE WHEN NEW.first_answer_at IS NOT NULL AND ((NEW.first_answer_at - NEW.created_at) / 60000) > 2880 AND ((NEW.first_answer_at - NEW.created_at) / 60000) <= 4320 THEN 1 ELSE 0 END, CASE WHEN NEW.first_answer_at IS NOT NULL AND ((NEW.first_answer_at - NEW.created_at) / 60000) > 4320 AND ((NEW.first_answer_at - NEW.created_at) / 60000) <= 10080 THEN 1 ELSE 0 END, CASE WHEN NEW.first_answer_at IS NOT NULL AND ((NEW.first_answer_at - NEW.created_at) / 60000) > 10080 THEN 1 ELSE 0 END]::BIGINT[];
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.community_id = NEW.community_id AND ((OLD.created_at + 28800000) / 86400000) = ((NEW.created_at + 28800000) / 86400000) THEN
        IF old_v <> new_v THEN
            PERFORM board_add(NEW.community_id, ((NEW.created_at + 28800000) / 86400000), board_minus(new_v, old_v));
        END IF;
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        PERFORM board_add(OLD.community_id, ((OLD.created_at + 28800000) / 86400000), board_minus(array_fill(0::BIGINT, ARRAY[37]), old_v));
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM board_add(NEW.community_id, ((NEW.created_at + 28800000) / 86400000), new_v);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER questions_board AFTER INSERT OR UPDATE OR DELETE ON questions
    FOR EACH ROW EXECUTE FUNCTION board_question_changed();

CREATE FUNCTION board_duty_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    left_logs BIGINT;
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.community_id = NEW.community_id AND OLD.lawyer_id = NEW.lawyer_id
        AND OLD.served_on = NEW.served_on THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        UPDATE board_duty_marks SET logs = logs - 1
            WHERE community_id = OLD.community_id AND lawyer_id = OLD.lawyer_id AND day = (CAST(OLD.served_on AS DATE) - DATE '1970-01-01')
            RETURNING logs INTO left_logs;
        IF left_logs = 0 THEN
            DELETE FROM board_duty_marks
                WHERE community_id = OLD.community_id AND lawyer_id = OLD.lawyer_id AND day = (CAST(OLD.served_on AS DATE) - DATE '1970-01-01');
            PERFORM board_add(OLD.community_id, (CAST(OLD.served_on AS DATE) - DATE '1970-01-01'), ARRAY[-1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]::BIGINT[]);
        END IF;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO board_duty_marks (community_id, lawyer_id, day, logs)
            VALUES (NEW.community_id, NEW.lawyer_id, (CAST(NEW.served_on AS DATE) - DATE '1970-01-01'), 1)
            ON CONFLICT (community_id, lawyer_id, day) DO UPDATE SET logs = board_duty_marks.logs + 1
            RETURNING logs INTO left_logs;
        IF left_logs = 1 THEN
            PERFORM board_add(NEW.community_id, (CAST(NEW.served_on AS DATE) - DATE '1970-01-01'), ARRAY[1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]::BIGINT[]);
        END IF;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER duty_logs_board AFTER INSERT OR UPDATE OR DELETE ON duty_logs
    FOR EACH ROW EXECUTE FUNCTION board_duty_changed();

-- Sums the street tables of the streets `ids` again from their communities' days.
CREATE FUNCTION board_rebuild_streets(ids BIGINT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM board_street_days WHERE street_id = ANY (ids);
    DELETE FROM board_street_months WHERE street_id = ANY (ids);
    INSERT INTO board_street_days (street_id, day, duty_days, s_consultation, s_publicity, s_mediation, s_legal_opinion, s_referral_legal_aid, s_referral_mediation, s_referral_notary, p_consultation, p_publicity, p_mediation, p_legal_opinion, p_referral_legal_aid, p_referral_mediation, p_referral_notary, bookings_completed, bookings_no_show, bookings_cancelled, bookings_waiting, questions_asked, questions_answered, ratings, rating_sum, answered_within_0, answered_within_1, answered_within_2, answered_within_3, answered_within_4, answered_within_5, answered_within_6, answered_within_7, answered_within_8, answered_within_9, answered_within_10, answered_within_11, answered_within_12, answered_within_13)
        SELECT c.street_id, d.day, SUM(d.duty_days), SUM(d.s_consultation), SUM(d.s_publicity), SUM(d.s_mediation), SUM(d.s_legal_opinion), SUM(d.s_referral_legal_aid), SUM(d.s_referral_mediation), SUM(d.s_referral_notary), SUM(d.p_consultation), SUM(d.p_publicity), SUM(d.p_mediation), SUM(d.p_legal_opinion), SUM(d.p_referral_legal_aid), SUM(d.p_referral_mediation), SUM(d.p_referral_notary), SUM(d.bookings_completed), SUM(d.bookings_no_show), SUM(d.bookings_cancelled), SUM(d.bookings_waiting), SUM(d.questions_asked), SUM(d.questions_answered), SUM(d.ratings), SUM(d.rating_sum), SUM(d.answered_within_0), SUM(d.answered_within_1), SUM(d.answered_within_2), SUM(d.answered_within_3), SUM(d.answered_within_4), SUM(d.answered_within_5), SUM(d.answered_within_6), SUM(d.answered_within_7), SUM(d.answered_within_8), SUM(d.answered_within_9), SUM(d.answered_within_10), SUM(d.answered_within_11), SUM(d.answered_within_12), SUM(d.answered_within_13)
        FROM board_days d JOIN communities c ON c.id = d.community_id
        WHERE c.street_id = ANY (ids) GROUP BY c.street_id, d.day;
    INSERT INTO board_street_months (street_id, month, duty_days, s_consultation, s_publicity, s_mediation, s_legal_opinion, s_referral_legal_aid, s_referral_mediation, s_referral_notary, p_consultation, p_publicity, p_mediation, p_legal_opinion, p_referral_legal_aid, p_referral_mediation, p_referral_notary, bookings_completed, bookings_no_show, bookings_cancelled, bookings_waiting, questions_asked, questions_answered, ratings, rating_sum, answered_within_0, answered_within_1, answered_within_2, answered_within_3, answered_within_4, answered_within_5, answered_within_6, answered_within_7, answered_within_8, answered_within_9, answered_within_10, answered_within_11, answered_within_12, answered_within_13)
        SELECT street_id, CAST(to_char(DATE '1970-01-01' + CAST(day AS INTEGER), 'YYYYMM') AS BIGINT) AS month, SUM(duty_days), SUM(s_consultation), SUM(s_publicity), SUM(s_mediation), SUM(s_legal_opinion), SUM(s_referral_legal_aid), SUM(s_referral_mediation), SUM(s_referral_notary), SUM(p_consultation), SUM(p_publicity), SUM(p_mediation), SUM(p_legal_opinion), SUM(p_referral_legal_aid), SUM(p_referral_mediation), SUM(p_referral_notary), SUM(bookings_completed), SUM(bookings_no_show), SUM(bookings_cancelled), SUM(bookings_waiting), SUM(questions_asked), SUM(questions_answered), SUM(ratings), SUM(rating_sum), SUM(answered_within_0), SUM(answered_within_1), SUM(answered_within_2), SUM(answered_within_3), SUM(answered_within_4), SUM(answered_within_5), SUM(answered_within_6), SUM(answered_within_7), SUM(answered_within_8), SUM(answered_within_9), SUM(answered_within_10), SUM(answered_within_11), SUM(answered_within_12), SUM(answered_within_13)
        FROM board_street_days WHERE street_id = ANY (ids) GROUP BY street_id, month;
END $$;

-- Fills every board table again from the records (after a bulk load that bypassed the triggers).
CREATE FUNCTION board_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE board_days, board_street_days, board_street_months, board_duty_marks;
    INSERT INTO board_duty_marks (community_id, lawyer_id, day, logs)
        SELECT community_id, lawyer_id, (CAST(served_on AS DATE) - DATE '1970-01-01'), COUNT(*) FROM duty_logs GROUP BY community_id, lawyer_id, served_on;
    INSERT INTO board_days SELECT * FROM board_days_live;
    PERFORM board_rebuild_streets(ARRAY(SELECT id FROM streets));
END $$;

-- A community moved to another street takes its figures along.
CREATE FUNCTION board_community_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM board_rebuild_streets(ARRAY[OLD.street_id, NEW.street_id]);
    RETURN NULL;
END $$;
CREATE TRIGGER communities_board AFTER UPDATE OF street_id ON communities
    FOR EACH ROW WHEN (OLD.street_id <> NEW.street_id) EXECUTE FUNCTION board_community_moved();

SELECT board_rebuild();

-- What the board reads live, about now: questions waiting past their deadline and bookings
-- waiting for a lawyer, both a short backlog.
CREATE INDEX questions_overdue_idx ON questions (deadline_at) WHERE status = 'waiting' AND first_answer_at IS NULL;
CREATE INDEX bookings_waiting_idx ON bookings (slot_end) WHERE status = 'pending';
