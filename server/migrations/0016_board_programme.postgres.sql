-- What a country's board reads in one step: the programme's figures by month and by day (16
-- stripes of streets, so that writes across the country do not queue on one row), and each
-- street's duty-days by year (a calendar year's coverage order is 40 000 rows, not 480 000).
CREATE TABLE board_programme_months (
    stripe BIGINT NOT NULL,
    month BIGINT NOT NULL,
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
    CONSTRAINT board_programme_months_pk PRIMARY KEY (stripe, month)
);
CREATE TABLE board_programme_days (
    stripe BIGINT NOT NULL,
    day BIGINT NOT NULL,
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
    CONSTRAINT board_programme_days_pk PRIMARY KEY (stripe, day)
);
CREATE INDEX board_programme_days_day_idx ON board_programme_days (day);
CREATE TABLE board_street_years (
    street_id BIGINT NOT NULL,
    year BIGINT NOT NULL,
    duty_days BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT board_street_years_pk PRIMARY KEY (street_id, year)
);
CREATE INDEX board_street_years_coverage_idx ON board_street_years (year, street_id) INCLUDE (duty_days);

INSERT INTO board_programme_months (stripe, month, duty_days, s_consultation, s_publicity, s_mediation, s_legal_opinion, s_referral_legal_aid, s_referral_mediation, s_referral_notary, p_consultation, p_publicity, p_mediation, p_legal_opinion, p_referral_legal_aid, p_referral_mediation, p_referral_notary, bookings_completed, bookings_no_show, bookings_cancelled, bookings_waiting, questions_asked, questions_answered, ratings, rating_sum, answered_within_0, answered_within_1, answered_within_2, answered_within_3, answered_within_4, answered_within_5, answered_within_6, answered_within_7, answered_within_8, answered_within_9, answered_within_10, answered_within_11, answered_within_12, answered_within_13)
    SELECT street_id % 16, month, SUM(duty_days), SUM(s_consultation), SUM(s_publicity), SUM(s_mediation), SUM(s_legal_opinion), SUM(s_referral_legal_aid), SUM(s_referral_mediation), SUM(s_referral_notary), SUM(p_consultation), SUM(p_publicity), SUM(p_mediation), SUM(p_legal_opinion), SUM(p_referral_legal_aid), SUM(p_referral_mediation), SUM(p_referral_notary), SUM(bookings_completed), SUM(bookings_no_show), SUM(bookings_cancelled), SUM(bookings_waiting), SUM(questions_asked), SUM(questions_answered), SUM(ratings), SUM(rating_sum), SUM(answered_within_0), SUM(answered_within_1), SUM(answered_within_2), SUM(answered_within_3), SUM(answered_within_4), SUM(answered_within_5), SUM(answered_within_6), SUM(answered_within_7), SUM(answered_within_8), SUM(answered_within_9), SUM(answered_within_10), SUM(answered_within_11), SUM(answered_within_12), SUM(answered_within_13) FROM board_street_months GROUP BY street_id % 16, month;
INSERT INTO board_programme_days (stripe, day, duty_days, s_consultation, s_publicity, s_mediation, s_legal_opinion, s_referral_legal_aid, s_referral_mediation, s_referral_notary, p_consultation, p_publicity, p_mediation, p_legal_opinion, p_referral_legal_aid, p_referral_mediation, p_referral_notary, bookings_completed, bookings_no_show, bookings_cancelled, bookings_waiting, questions_asked, questions_answered, ratings, rating_sum, answered_within_0, answered_within_1, answered_within_2, answered_within_3, answered_within_4, answered_within_5, answered_within_6, answered_within_7, answered_within_8, answered_within_9, answered_within_10, answered_within_11, answered_within_12, answered_within_13)
    SELECT street_id % 16, day, SUM(duty_days), SUM(s_consultation), SUM(s_publicity), SUM(s_mediation), SUM(s_legal_opinion), SUM(s_referral_legal_aid), SUM(s_referral_mediation), SUM(s_referral_notary), SUM(p_consultation), SUM(p_publicity), SUM(p_mediation), SUM(p_legal_opinion), SUM(p_referral_legal_aid), SUM(p_referral_mediation), SUM(p_referral_notary), SUM(bookings_completed), SUM(bookings_no_show), SUM(bookings_cancelled), SUM(bookings_waiting), SUM(questions_asked), SUM(questions_answered), SUM(ratings), SUM(rating_sum), SUM(answered_within_0), SUM(answered_within_1), SUM(answered_within_2), SUM(answered_within_3), SUM(answered_within_4), SUM(answered_within_5), SUM(answered_within_6), SUM(answered_within_7), SUM(answered_within_8), SUM(answered_within_9), SUM(answered_within_10), SUM(answered_within_11), SUM(answered_within_12), SUM(answered_within_13) FROM board_street_days GROUP BY street_id % 16, day;
INSERT INTO board_street_years (street_id, year, duty_days)
    SELECT street_id, month / 100, SUM(duty_days) FROM board_street_months GROUP BY street_id, month / 100;

-- Adds `v` (a value per column, in the columns' order) to community `c`'s day `d`, and to every
-- roll-up above it.
CREATE OR REPLACE FUNCTION board_add(c BIGINT, d BIGINT, v BIGINT[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    s BIGINT;
    m BIGINT := CAST(to_char(DATE '1970-01-01' + CAST(d AS INTEGER), 'YYYYMM') AS BIGINT);
BEGIN
    SELECT street_id INTO s FROM communities WHERE id = c;
    INSERT INTO board_days (community_id, day, duty_days, s_consultation, s_publicity, s_mediation, s_legal_opinion, s_referral_legal_aid, s_referral_mediation, s_referral_notary, p_consultation, p_publicity, p_mediation, p_legal_opinion, p_referral_legal_aid, p_referral_mediation, p_referral_notary, bookings_completed, bookings_no_show, bookings_cancelled, bookings_waiting, questions_asked, questions_answered, ratings, rating_sum, answered_within_0, answered_within_1, answered_within_2, answered_within_3, answered_within_4, answered_within_5, answered_within_6, answered_within_7, answered_within_8, answered_within_9, answered_within_10, answered_within_11, answered_within_12, answered_within_13) VALUES (c, d, v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15], v[16], v[17], v[18], v[19], v[20], v[21], v[22], v[23], v[24], v[25], v[26], v[27], v[28], v[29], v[30], v[31], v[32], v[33], v[34], v[35], v[36], v[37])
        ON CONFLICT (community_id, day) DO UPDATE SET
            duty_days = board_days.duty_days + EXCLUDED.duty_days,
            s_consultation = board_days.s_consultation + EXCLUDED.s_consultation,
            s_publicity = board_days.s_publicity + EXCLUDED.s_publicity,
            s_mediation = board_days.s_mediation + EXCLUDED.s_mediation,
            s_legal_opinion = board_days.s_legal_opinion + EXCLUDED.s_legal_opinion,
            s_referral_legal_aid = board_days.s_referral_legal_aid + EXCLUDED.s_referral_legal_aid,
            s_referral_mediation = board_days.s_referral_mediation + EXCLUDED.s_referral_mediation,
            s_referral_notary = board_days.s_referral_notary + EXCLUDED.s_referral_notary,
            p_consultation = board_days.p_consultation + EXCLUDED.p_consultation,
            p_publicity = board_days.p_publicity + EXCLUDED.p_publicity,
            p_mediation = board_days.p_mediation + EXCLUDED.p_mediation,
            p_legal_opinion = board_days.p_legal_opinion + EXCLUDED.p_legal_opinion,
            p_referral_legal_aid = board_days.p_referral_legal_aid + EXCLUDED.p_referral_legal_aid,
            p_referral_mediation = board_days.p_referral_mediation + EXCLUDED.p_referral_mediation,
            p_referral_notary = board_days.p_referral_notary + EXCLUDED.p_referral_notary,
            bookings_completed = board_days.bookings_completed + EXCLUDED.bookings_completed,
            bookings_no_show = board_days.bookings_no_show + EXCLUDED.bookings_no_show,
            bookings_cancelled = board_days.bookings_cancelled + EXCLUDED.bookings_cancelled,
            bookings_waiting = board_days.bookings_waiting + EXCLUDED.bookings_waiting,
            questions_asked = board_days.questions_asked + EXCLUDED.questions_asked,
            questions_answered = board_days.questions_answered + EXCLUDED.questions_answered,
            ratings = board_days.ratings + EXCLUDED.ratings,
            rating_sum = board_days.rating_sum + EXCLUDED.rating_sum,
            answered_within_0 = board_days.answered_within_0 + EXCLUDED.answered_within_0,
            answered_within_1 = board_days.answered_within_1 + EXCLUDED.answered_within_1,
            answered_within_2 = board_days.answered_within_2 + EXCLUDED.answered_within_2,
            answered_within_3 = board_days.answered_within_3 + EXCLUDED.answered_within_3,
            answered_within_4 = board_days.answered_within_4 + EXCLUDED.answered_within_4,
            answered_within_5 = board_days.answered_within_5 + EXCLUDED.answered_within_5,
            answered_within_6 = board_days.answered_within_6 + EXCLUDED.answered_within_6,
            answered_within_7 = board_days.answered_within_7 + EXCLUDED.answered_within_7,
            answered_within_8 = board_days.answered_within_8 + EXCLUDED.answered_within_8,
            answered_within_9 = board_days.answered_within_9 + EXCLUDED.answered_within_9,
            answered_within_10 = board_days.answered_within_10 + EXCLUDED.answered_within_10,
            answered_within_11 = board_days.answered_within_11 + EXCLUDED.answered_within_11,
            answered_within_12 = board_days.answered_within_12 + EXCLUDED.answered_within_12,
            answered_within_13 = board_days.answered_within_13 + EXCLUDED.answered_within_13;
    INSERT INTO board_street_days (street_id, day, duty_days, s_consultation, s_publicity, s_mediation, s_legal_opinion, s_referral_legal_aid, s_referral_mediation, s_referral_notary, p_consultation, p_publicity, p_mediation, p_legal_opinion, p_referral_legal_aid, p_referral_mediation, p_referral_notary, bookings_completed, bookings_no_show, bookings_cancelled, bookings_waiting, questions_asked, questions_answered, ratings, rating_sum, answered_within_0, answered_within_1, answered_within_2, answered_within_3, answered_within_4, answered_within_5, answered_within_6, answered_within_7, answered_within_8, answered_within_9, answered_within_10, answered_within_11, answered_within_12, answered_within_13) VALUES (s, d, v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15], v[16], v[17], v[18], v[19], v[20], v[21], v[22], v[23], v[24], v[25], v[26], v[27], v[28], v[29], v[30], v[31], v[32], v[33], v[34], v[35], v[36], v[37])
        ON CONFLICT (street_id, day) DO UPDATE SET
            duty_days = board_street_days.duty_days + EXCLUDED.duty_days,
            s_consultation = board_street_days.s_consultation + EXCLUDED.s_consultation,
            s_publicity = board_street_days.s_publicity + EXCLUDED.s_publicity,
            s_mediation = board_street_days.s_mediation + EXCLUDED.s_mediation,
            s_legal_opinion = board_street_days.s_legal_opinion + EXCLUDED.s_legal_opinion,
            s_referral_legal_aid = board_street_days.s_referral_legal_aid + EXCLUDED.s_referral_legal_aid,
            s_referral_mediation = board_street_days.s_referral_mediation + EXCLUDED.s_referral_mediation,
            s_referral_notary = board_street_days.s_referral_notary + EXCLUDED.s_referral_notary,
            p_consultation = board_street_days.p_consultation + EXCLUDED.p_consultation,
            p_publicity = board_street_days.p_publicity + EXCLUDED.p_publicity,
            p_mediation = board_street_days.p_mediation + EXCLUDED.p_mediation,
            p_legal_opinion = board_street_days.p_legal_opinion + EXCLUDED.p_legal_opinion,
            p_referral_legal_aid = board_street_days.p_referral_legal_aid + EXCLUDED.p_referral_legal_aid,
            p_referral_mediation = board_street_days.p_referral_mediation + EXCLUDED.p_referral_mediation,
            p_referral_notary = board_street_days.p_referral_notary + EXCLUDED.p_referral_notary,
            bookings_completed = board_street_days.bookings_completed + EXCLUDED.bookings_completed,
            bookings_no_show = board_street_days.bookings_no_show + EXCLUDED.bookings_no_show,
            bookings_cancelled = board_street_days.bookings_cancelled + EXCLUDED.bookings_cancelled,
            bookings_waiting = board_street_days.bookings_waiting + EXCLUDED.bookings_waiting,
            questions_asked = board_street_days.questions_asked + EXCLUDED.questions_asked,
            questions_answered = board_street_days.questions_answered + EXCLUDED.questions_answered,
            ratings = board_street_days.ratings + EXCLUDED.ratings,
            rating_sum = board_street_days.rating_sum + EXCLUDED.rating_sum,
            answered_within_0 = board_street_days.answered_within_0 + EXCLUDED.answered_within_0,
            answered_within_1 = board_street_days.answered_within_1 + EXCLUDED.answered_within_1,
            answered_within_2 = board_street_days.answered_within_2 + EXCLUDED.answered_within_2,
            answered_within_3 = board_street_days.answered_within_3 + EXCLUDED.answered_within_3,
            answered_within_4 = board_street_days.answered_within_4 + EXCLUDED.answered_within_4,
            answered_within_5 = board_street_days.answered_within_5 + EXCLUDED.answered_within_5,
            answered_within_6 = board_street_days.answered_within_6 + EXCLUDED.answered_within_6,
            answered_within_7 = board_street_days.answered_within_7 + EXCLUDED.answered_within_7,
            answered_within_8 = board_street_days.answered_within_8 + EXCLUDED.answered_within_8,
            answered_within_9 = board_street_days.answered_within_9 + EXCLUDED.answered_within_9,
            answered_within_10 = board_street_days.answered_within_10 + EXCLUDED.answered_within_10,
            answered_within_11 = board_street_days.answered_within_11 + EXCLUDED.answered_within_11,
            answered_within_12 = board_street_days.answered_within_12 + EXCLUDED.answered_within_12,
            answered_within_13 = board_street_days.answered_within_13 + EXCLUDED.answered_within_13;
    INSERT INTO board_street_months (street_id, month, duty_days, s_consultation, s_publicity, s_mediation, s_legal_opinion, s_referral_legal_aid, s_referral_mediation, s_referral_notary, p_consultation, p_publicity, p_mediation, p_legal_opinion, p_referral_legal_aid, p_referral_mediation, p_referral_notary, bookings_completed, bookings_no_show, bookings_cancelled, bookings_waiting, questions_asked, questions_answered, ratings, rating_sum, answered_within_0, answered_within_1, answered_within_2, answered_within_3, answered_within_4, answered_within_5, answered_within_6, answered_within_7, answered_within_8, answered_within_9, answered_within_10, answered_within_11, answered_within_12, answered_within_13) VALUES (s, m, v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15], v[16], v[17], v[18], v[19], v[20], v[21], v[22], v[23], v[24], v[25], v[26], v[27], v[28], v[29], v[30], v[31], v[32], v[33], v[34], v[35], v[36], v[37])
        ON CONFLICT (street_id, month) DO UPDATE SET
            duty_days = board_street_months.duty_days + EXCLUDED.duty_days,
            s_consultation = board_street_months.s_consultation + EXCLUDED.s_consultation,
            s_publicity = board_street_months.s_publicity + EXCLUDED.s_publicity,
            s_mediation = board_street_months.s_mediation + EXCLUDED.s_mediation,
            s_legal_opinion = board_street_months.s_legal_opinion + EXCLUDED.s_legal_opinion,
            s_referral_legal_aid = board_street_months.s_referral_legal_aid + EXCLUDED.s_referral_legal_aid,
            s_referral_mediation = board_street_months.s_referral_mediation + EXCLUDED.s_referral_mediation,
            s_referral_notary = board_street_months.s_referral_notary + EXCLUDED.s_referral_notary,
            p_consultation = board_street_months.p_consultation + EXCLUDED.p_consultation,
            p_publicity = board_street_months.p_publicity + EXCLUDED.p_publicity,
            p_mediation = board_street_months.p_mediation + EXCLUDED.p_mediation,
            p_legal_opinion = board_street_months.p_legal_opinion + EXCLUDED.p_legal_opinion,
            p_referral_legal_aid = board_street_months.p_referral_legal_aid + EXCLUDED.p_referral_legal_aid,
            p_referral_mediation = board_street_months.p_referral_mediation + EXCLUDED.p_referral_mediation,
            p_referral_notary = board_street_months.p_referral_notary + EXCLUDED.p_referral_notary,
            bookings_completed = board_street_months.bookings_completed + EXCLUDED.bookings_completed,
            bookings_no_show = board_street_months.bookings_no_show + EXCLUDED.bookings_no_show,
            bookings_cancelled = board_street_months.bookings_cancelled + EXCLUDED.bookings_cancelled,
            bookings_waiting = board_street_months.bookings_waiting + EXCLUDED.bookings_waiting,
            questions_asked = board_street_months.questions_asked + EXCLUDED.questions_asked,
            questions_answered = board_street_months.questions_answered + EXCLUDED.questions_answered,
            ratings = board_street_months.ratings + EXCLUDED.ratings,
            rating_sum = board_street_months.rating_sum + EXCLUDED.rating_sum,
            answered_within_0 = board_street_months.answered_within_0 + EXCLUDED.answered_within_0,
            answered_within_1 = board_street_months.answered_within_1 + EXCLUDED.answered_within_1,
            answered_within_2 = board_street_months.answered_within_2 + EXCLUDED.answered_within_2,
            answered_within_3 = board_street_months.answered_within_3 + EXCLUDED.answered_within_3,
            answered_within_4 = board_street_months.answered_within_4 + EXCLUDED.answered_within_4,
            answered_within_5 = board_street_months.answered_within_5 + EXCLUDED.answered_within_5,
            answered_within_6 = board_street_months.answered_within_6 + EXCLUDED.answered_within_6,
            answered_within_7 = board_street_months.answered_within_7 + EXCLUDED.answered_within_7,
            answered_within_8 = board_street_months.answered_within_8 + EXCLUDED.answered_within_8,
            answered_within_9 = board_street_months.answered_within_9 + EXCLUDED.answered_within_9,
            answered_within_10 = board_street_months.answered_within_10 + EXCLUDED.answered_within_10,
            answered_within_11 = board_street_months.answered_within_11 + EXCLUDED.answered_within_11,
            answered_within_12 = board_street_months.answered_within_12 + EXCLUDED.answered_within_12,
            answered_within_13 = board_street_months.answered_within_13 + EXCLUDED.answered_within_13;
    INSERT INTO board_programme_days (stripe, day, duty_days, s_consultation, s_publicity, s_mediation, s_legal_opinion, s_referral_legal_aid, s_referral_mediation, s_referral_notary, p_consultation, p_publicity, p_mediation, p_legal_opinion, p_referral_legal_aid, p_referral_mediation, p_referral_notary, bookings_completed, bookings_no_show, bookings_cancelled, bookings_waiting, questions_asked, questions_answered, ratings, rating_sum, answered_within_0, answered_within_1, answered_within_2, answered_within_3, answered_within_4, answered_within_5, answered_within_6, answered_within_7, answered_within_8, answered_within_9, answered_within_10, answered_within_11, answered_within_12, answered_within_13) VALUES (s % 16, d, v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15], v[16], v[17], v[18], v[19], v[20], v[21], v[22], v[23], v[24], v[25], v[26], v[27], v[28], v[29], v[30], v[31], v[32], v[33], v[34], v[35], v[36], v[37])
        ON CONFLICT (stripe, day) DO UPDATE SET
            duty_days = board_programme_days.duty_days + EXCLUDED.duty_days,
            s_consultation = board_programme_days.s_consultation + EXCLUDED.s_consultation,
            s_publicity = board_programme_days.s_publicity + EXCLUDED.s_publicity,
            s_mediation = board_programme_days.s_mediation + EXCLUDED.s_mediation,
            s_legal_opinion = board_programme_days.s_legal_opinion + EXCLUDED.s_legal_opinion,
            s_referral_legal_aid = board_programme_days.s_referral_legal_aid + EXCLUDED.s_referral_legal_aid,
            s_referral_mediation = board_programme_days.s_referral_mediation + EXCLUDED.s_referral_mediation,
            s_referral_notary = board_programme_days.s_referral_notary + EXCLUDED.s_referral_notary,
            p_consultation = board_programme_days.p_consultation + EXCLUDED.p_consultation,
            p_publicity = board_programme_days.p_publicity + EXCLUDED.p_publicity,
            p_mediation = board_programme_days.p_mediation + EXCLUDED.p_mediation,
            p_legal_opinion = board_programme_days.p_legal_opinion + EXCLUDED.p_legal_opinion,
            p_referral_legal_aid = board_programme_days.p_referral_legal_aid + EXCLUDED.p_referral_legal_aid,
            p_referral_mediation = board_programme_days.p_referral_mediation + EXCLUDED.p_referral_mediation,
            p_referral_notary = board_programme_days.p_referral_notary + EXCLUDED.p_referral_notary,
            bookings_completed = board_programme_days.bookings_completed + EXCLUDED.bookings_completed,
            bookings_no_show = board_programme_days.bookings_no_show + EXCLUDED.bookings_no_show,
            bookings_cancelled = board_programme_days.bookings_cancelled + EXCLUDED.bookings_cancelled,
            bookings_waiting = board_programme_days.bookings_waiting + EXCLUDED.bookings_waiting,
            questions_asked = board_programme_days.questions_asked + EXCLUDED.questions_asked,
            questions_answered = board_programme_days.questions_answered + EXCLUDED.questions_answered,
            ratings = board_programme_days.ratings + EXCLUDED.ratings,
            rating_sum = board_programme_days.rating_sum + EXCLUDED.rating_sum,
            answered_within_0 = board_programme_days.answered_within_0 + EXCLUDED.answered_within_0,
            answered_within_1 = board_programme_days.answered_within_1 + EXCLUDED.answered_within_1,
            answered_within_2 = board_programme_days.answered_within_2 + EXCLUDED.answered_within_2,
            answered_within_3 = board_programme_days.answered_within_3 + EXCLUDED.answered_within_3,
            answered_within_4 = board_programme_days.answered_within_4 + EXCLUDED.answered_within_4,
            answered_within_5 = board_programme_days.answered_within_5 + EXCLUDED.answered_within_5,
            answered_within_6 = board_programme_days.answered_within_6 + EXCLUDED.answered_within_6,
            answered_within_7 = board_programme_days.answered_within_7 + EXCLUDED.answered_within_7,
            answered_within_8 = board_programme_days.answered_within_8 + EXCLUDED.answered_within_8,
            answered_within_9 = board_programme_days.answered_within_9 + EXCLUDED.answered_within_9,
            answered_within_10 = board_programme_days.answered_within_10 + EXCLUDED.answered_within_10,
            answered_within_11 = board_programme_days.answered_within_11 + EXCLUDED.answered_within_11,
            answered_within_12 = board_programme_days.answered_within_12 + EXCLUDED.answered_within_12,
            answered_within_13 = board_programme_days.answered_within_13 + EXCLUDED.answered_within_13;
    INSERT INTO board_programme_months (stripe, month, duty_days, s_consultation, s_publicity, s_mediation, s_legal_opinion, s_referral_legal_aid, s_referral_mediation, s_referral_notary, p_consultation, p_publicity, p_mediation, p_legal_opinion, p_referral_legal_aid, p_referral_mediation, p_referral_notary, bookings_completed, bookings_no_show, bookings_cancelled, bookings_waiting, questions_asked, questions_answered, ratings, rating_sum, answered_within_0, answered_within_1, answered_within_2, answered_within_3, answered_within_4, answered_within_5, answered_within_6, answered_within_7, answered_within_8, answered_within_9, answered_within_10, answered_within_11, answered_within_12, answered_within_13) VALUES (s % 16, m, v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15], v[16], v[17], v[18], v[19], v[20], v[21], v[22], v[23], v[24], v[25], v[26], v[27], v[28], v[29], v[30], v[31], v[32], v[33], v[34], v[35], v[36], v[37])
        ON CONFLICT (stripe, month) DO UPDATE SET
            duty_days = board_programme_months.duty_days + EXCLUDED.duty_days,
            s_consultation = board_programme_months.s_consultation + EXCLUDED.s_consultation,
            s_publicity = board_programme_months.s_publicity + EXCLUDED.s_publicity,
            s_mediation = board_programme_months.s_mediation + EXCLUDED.s_mediation,
            s_legal_opinion = board_programme_months.s_legal_opinion + EXCLUDED.s_legal_opinion,
            s_referral_legal_aid = board_programme_months.s_referral_legal_aid + EXCLUDED.s_referral_legal_aid,
            s_referral_mediation = board_programme_months.s_referral_mediation + EXCLUDED.s_referral_mediation,
            s_referral_notary = board_programme_months.s_referral_notary + EXCLUDED.s_referral_notary,
            p_consultation = board_programme_months.p_consultation + EXCLUDED.p_consultation,
            p_publicity = board_programme_months.p_publicity + EXCLUDED.p_publicity,
            p_mediation = board_programme_months.p_mediation + EXCLUDED.p_mediation,
            p_legal_opinion = board_programme_months.p_legal_opinion + EXCLUDED.p_legal_opinion,
            p_referral_legal_aid = board_programme_months.p_referral_legal_aid + EXCLUDED.p_referral_legal_aid,
            p_referral_mediation = board_programme_months.p_referral_mediation + EXCLUDED.p_referral_mediation,
            p_referral_notary = board_programme_months.p_referral_notary + EXCLUDED.p_referral_notary,
            bookings_completed = board_programme_months.bookings_completed + EXCLUDED.bookings_completed,
            bookings_no_show = board_programme_months.bookings_no_show + EXCLUDED.bookings_no_show,
            bookings_cancelled = board_programme_months.bookings_cancelled + EXCLUDED.bookings_cancelled,
            bookings_waiting = board_programme_months.bookings_waiting + EXCLUDED.bookings_waiting,
            questions_asked = board_programme_months.questions_asked + EXCLUDED.questions_asked,
            questions_answered = board_programme_months.questions_answered + EXCLUDED.questions_answered,
            ratings = board_programme_months.ratings + EXCLUDED.ratings,
            rating_sum = board_programme_months.rating_sum + EXCLUDED.rating_sum,
            answered_within_0 = board_programme_months.answered_within_0 + EXCLUDED.answered_within_0,
            answered_within_1 = board_programme_months.answered_within_1 + EXCLUDED.answered_within_1,
            answered_within_2 = board_programme_months.answered_within_2 + EXCLUDED.answered_within_2,
            answered_within_3 = board_programme_months.answered_within_3 + EXCLUDED.answered_within_3,
            answered_within_4 = board_programme_months.answered_within_4 + EXCLUDED.answered_within_4,
            answered_within_5 = board_programme_months.answered_within_5 + EXCLUDED.answered_within_5,
            answered_within_6 = board_programme_months.answered_within_6 + EXCLUDED.answered_within_6,
            answered_within_7 = board_programme_months.answered_within_7 + EXCLUDED.answered_within_7,
            answered_within_8 = board_programme_months.answered_within_8 + EXCLUDED.answered_within_8,
            answered_within_9 = board_programme_months.answered_within_9 + EXCLUDED.answered_within_9,
            answered_within_10 = board_programme_months.answered_within_10 + EXCLUDED.answered_within_10,
            answered_within_11 = board_programme_months.answered_within_11 + EXCLUDED.answered_within_11,
            answered_within_12 = board_programme_months.answered_within_12 + EXCLUDED.answered_within_12,
            answered_within_13 = board_programme_months.answered_within_13 + EXCLUDED.answered_within_13;
    IF v[1] <> 0 THEN
        INSERT INTO board_street_years (street_id, year, duty_days) VALUES (s, m / 100, v[1])
            ON CONFLICT (street_id, year) DO UPDATE SET duty_days = board_street_years.duty_days + EXCLUDED.duty_days;
    END IF;
END $$;

-- The rows above the communities' days, summed again for the streets `ids` (a community moved,
-- or a rebuild); the programme's are summed again from every street.
CREATE OR REPLACE FUNCTION board_rebuild_streets(ids BIGINT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM board_street_days WHERE street_id = ANY (ids);
    DELETE FROM board_street_months WHERE street_id = ANY (ids);
    DELETE FROM board_street_years WHERE street_id = ANY (ids);
    INSERT INTO board_street_days (street_id, day, duty_days, s_consultation, s_publicity, s_mediation, s_legal_opinion, s_referral_legal_aid, s_referral_mediation, s_referral_notary, p_consultation, p_publicity, p_mediation, p_legal_opinion, p_referral_legal_aid, p_referral_mediation, p_referral_notary, bookings_completed, bookings_no_show, bookings_cancelled, bookings_waiting, questions_asked, questions_answered, ratings, rating_sum, answered_within_0, answered_within_1, answered_within_2, answered_within_3, answered_within_4, answered_within_5, answered_within_6, answered_within_7, answered_within_8, answered_within_9, answered_within_10, answered_within_11, answered_within_12, answered_within_13)
        SELECT c.street_id, d.day, SUM(d.duty_days), SUM(d.s_consultation), SUM(d.s_publicity), SUM(d.s_mediation), SUM(d.s_legal_opinion), SUM(d.s_referral_legal_aid), SUM(d.s_referral_mediation), SUM(d.s_referral_notary), SUM(d.p_consultation), SUM(d.p_publicity), SUM(d.p_mediation), SUM(d.p_legal_opinion), SUM(d.p_referral_legal_aid), SUM(d.p_referral_mediation), SUM(d.p_referral_notary), SUM(d.bookings_completed), SUM(d.bookings_no_show), SUM(d.bookings_cancelled), SUM(d.bookings_waiting), SUM(d.questions_asked), SUM(d.questions_answered), SUM(d.ratings), SUM(d.rating_sum), SUM(d.answered_within_0), SUM(d.answered_within_1), SUM(d.answered_within_2), SUM(d.answered_within_3), SUM(d.answered_within_4), SUM(d.answered_within_5), SUM(d.answered_within_6), SUM(d.answered_within_7), SUM(d.answered_within_8), SUM(d.answered_within_9), SUM(d.answered_within_10), SUM(d.answered_within_11), SUM(d.answered_within_12), SUM(d.answered_within_13)
        FROM board_days d JOIN communities c ON c.id = d.community_id
        WHERE c.street_id = ANY (ids) GROUP BY c.street_id, d.day ORDER BY d.day, c.street_id;
    INSERT INTO board_street_months (street_id, month, duty_days, s_consultation, s_publicity, s_mediation, s_legal_opinion, s_referral_legal_aid, s_referral_mediation, s_referral_notary, p_consultation, p_publicity, p_mediation, p_legal_opinion, p_referral_legal_aid, p_referral_mediation, p_referral_notary, bookings_completed, bookings_no_show, bookings_cancelled, bookings_waiting, questions_asked, questions_answered, ratings, rating_sum, answered_within_0, answered_within_1, answered_within_2, answered_within_3, answered_within_4, answered_within_5, answered_within_6, answered_within_7, answered_within_8, answered_within_9, answered_within_10, answered_within_11, answered_within_12, answered_within_13)
        SELECT street_id, CAST(to_char(DATE '1970-01-01' + CAST(day AS INTEGER), 'YYYYMM') AS BIGINT) AS month, SUM(duty_days), SUM(s_consultation), SUM(s_publicity), SUM(s_mediation), SUM(s_legal_opinion), SUM(s_referral_legal_aid), SUM(s_referral_mediation), SUM(s_referral_notary), SUM(p_consultation), SUM(p_publicity), SUM(p_mediation), SUM(p_legal_opinion), SUM(p_referral_legal_aid), SUM(p_referral_mediation), SUM(p_referral_notary), SUM(bookings_completed), SUM(bookings_no_show), SUM(bookings_cancelled), SUM(bookings_waiting), SUM(questions_asked), SUM(questions_answered), SUM(ratings), SUM(rating_sum), SUM(answered_within_0), SUM(answered_within_1), SUM(answered_within_2), SUM(answered_within_3), SUM(answered_within_4), SUM(answered_within_5), SUM(answered_within_6), SUM(answered_within_7), SUM(answered_within_8), SUM(answered_within_9), SUM(answered_within_10), SUM(answered_within_11), SUM(answered_within_12), SUM(answered_within_13)
        FROM board_street_days WHERE street_id = ANY (ids) GROUP BY street_id, month ORDER BY month, street_id;
    INSERT INTO board_street_years (street_id, year, duty_days)
        SELECT street_id, month / 100, SUM(duty_days) FROM board_street_months WHERE street_id = ANY (ids)
        GROUP BY street_id, month / 100;
    TRUNCATE board_programme_days, board_programme_months;
    INSERT INTO board_programme_months (stripe, month, duty_days, s_consultation, s_publicity, s_mediation, s_legal_opinion, s_referral_legal_aid, s_referral_mediation, s_referral_notary, p_consultation, p_publicity, p_mediation, p_legal_opinion, p_referral_legal_aid, p_referral_mediation, p_referral_notary, bookings_completed, bookings_no_show, bookings_cancelled, bookings_waiting, questions_asked, questions_answered, ratings, rating_sum, answered_within_0, answered_within_1, answered_within_2, answered_within_3, answered_within_4, answered_within_5, answered_within_6, answered_within_7, answered_within_8, answered_within_9, answered_within_10, answered_within_11, answered_within_12, answered_within_13)
        SELECT street_id % 16, month, SUM(duty_days), SUM(s_consultation), SUM(s_publicity), SUM(s_mediation), SUM(s_legal_opinion), SUM(s_referral_legal_aid), SUM(s_referral_mediation), SUM(s_referral_notary), SUM(p_consultation), SUM(p_publicity), SUM(p_mediation), SUM(p_legal_opinion), SUM(p_referral_legal_aid), SUM(p_referral_mediation), SUM(p_referral_notary), SUM(bookings_completed), SUM(bookings_no_show), SUM(bookings_cancelled), SUM(bookings_waiting), SUM(questions_asked), SUM(questions_answered), SUM(ratings), SUM(rating_sum), SUM(answered_within_0), SUM(answered_within_1), SUM(answered_within_2), SUM(answered_within_3), SUM(answered_within_4), SUM(answered_within_5), SUM(answered_within_6), SUM(answered_within_7), SUM(answered_within_8), SUM(answered_within_9), SUM(answered_within_10), SUM(answered_within_11), SUM(answered_within_12), SUM(answered_within_13) FROM board_street_months GROUP BY street_id % 16, month;
    INSERT INTO board_programme_days (stripe, day, duty_days, s_consultation, s_publicity, s_mediation, s_legal_opinion, s_referral_legal_aid, s_referral_mediation, s_referral_notary, p_consultation, p_publicity, p_mediation, p_legal_opinion, p_referral_legal_aid, p_referral_mediation, p_referral_notary, bookings_completed, bookings_no_show, bookings_cancelled, bookings_waiting, questions_asked, questions_answered, ratings, rating_sum, answered_within_0, answered_within_1, answered_within_2, answered_within_3, answered_within_4, answered_within_5, answered_within_6, answered_within_7, answered_within_8, answered_within_9, answered_within_10, answered_within_11, answered_within_12, answered_within_13)
        SELECT street_id % 16, day, SUM(duty_days), SUM(s_consultation), SUM(s_publicity), SUM(s_mediation), SUM(s_legal_opinion), SUM(s_referral_legal_aid), SUM(s_referral_mediation), SUM(s_referral_notary), SUM(p_consultation), SUM(p_publicity), SUM(p_mediation), SUM(p_legal_opinion), SUM(p_referral_legal_aid), SUM(p_referral_mediation), SUM(p_referral_notary), SUM(bookings_completed), SUM(bookings_no_show), SUM(bookings_cancelled), SUM(bookings_waiting), SUM(questions_asked), SUM(questions_answered), SUM(ratings), SUM(rating_sum), SUM(answered_within_0), SUM(answered_within_1), SUM(answered_within_2), SUM(answered_within_3), SUM(answered_within_4), SUM(answered_within_5), SUM(answered_within_6), SUM(answered_within_7), SUM(answered_within_8), SUM(answered_within_9), SUM(answered_within_10), SUM(answered_within_11), SUM(answered_within_12), SUM(answered_within_13) FROM board_street_days GROUP BY street_id % 16, day;
END $$;
