-- How many communities of each street ask how many duty-days a month, kept in step with the
-- communities (a country's board sums quotas per street without reading 600 000 rows), and
-- what the board's coverage order reads: each street's duty-days of a month or a day, from the
-- index alone.
CREATE TABLE board_street_quotas (
    street_id BIGINT NOT NULL,
    per_month BIGINT NOT NULL,
    communities BIGINT NOT NULL,
    CONSTRAINT board_street_quotas_pk PRIMARY KEY (street_id, per_month)
);
INSERT INTO board_street_quotas (street_id, per_month, communities)
    SELECT street_id, duty_days_per_month, COUNT(*) FROM communities GROUP BY street_id, duty_days_per_month;

CREATE FUNCTION board_quota_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        UPDATE board_street_quotas SET communities = communities - 1
            WHERE street_id = OLD.street_id AND per_month = OLD.duty_days_per_month;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO board_street_quotas (street_id, per_month, communities) VALUES (NEW.street_id, NEW.duty_days_per_month, 1)
            ON CONFLICT (street_id, per_month) DO UPDATE SET communities = board_street_quotas.communities + 1;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER communities_quota AFTER INSERT OR DELETE OR UPDATE OF street_id, duty_days_per_month ON communities
    FOR EACH ROW EXECUTE FUNCTION board_quota_changed();

CREATE INDEX board_street_months_coverage_idx ON board_street_months (month, street_id) INCLUDE (duty_days);
CREATE INDEX board_street_days_coverage_idx ON board_street_days (day, street_id) INCLUDE (duty_days);

-- Rebuilt rows go in in the order the writes would have put them (by day), so that a period's
-- rows lie together as they do in a database filled day by day.
CREATE OR REPLACE FUNCTION board_rebuild_streets(ids BIGINT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM board_street_days WHERE street_id = ANY (ids);
    DELETE FROM board_street_months WHERE street_id = ANY (ids);
    INSERT INTO board_street_days (street_id, day, duty_days, s_consultation, s_publicity, s_mediation, s_legal_opinion, s_referral_legal_aid, s_referral_mediation, s_referral_notary, p_consultation, p_publicity, p_mediation, p_legal_opinion, p_referral_legal_aid, p_referral_mediation, p_referral_notary, bookings_completed, bookings_no_show, bookings_cancelled, bookings_waiting, questions_asked, questions_answered, ratings, rating_sum, answered_within_0, answered_within_1, answered_within_2, answered_within_3, answered_within_4, answered_within_5, answered_within_6, answered_within_7, answered_within_8, answered_within_9, answered_within_10, answered_within_11, answered_within_12, answered_within_13)
        SELECT c.street_id, d.day, SUM(d.duty_days), SUM(d.s_consultation), SUM(d.s_publicity), SUM(d.s_mediation), SUM(d.s_legal_opinion), SUM(d.s_referral_legal_aid), SUM(d.s_referral_mediation), SUM(d.s_referral_notary), SUM(d.p_consultation), SUM(d.p_publicity), SUM(d.p_mediation), SUM(d.p_legal_opinion), SUM(d.p_referral_legal_aid), SUM(d.p_referral_mediation), SUM(d.p_referral_notary), SUM(d.bookings_completed), SUM(d.bookings_no_show), SUM(d.bookings_cancelled), SUM(d.bookings_waiting), SUM(d.questions_asked), SUM(d.questions_answered), SUM(d.ratings), SUM(d.rating_sum), SUM(d.answered_within_0), SUM(d.answered_within_1), SUM(d.answered_within_2), SUM(d.answered_within_3), SUM(d.answered_within_4), SUM(d.answered_within_5), SUM(d.answered_within_6), SUM(d.answered_within_7), SUM(d.answered_within_8), SUM(d.answered_within_9), SUM(d.answered_within_10), SUM(d.answered_within_11), SUM(d.answered_within_12), SUM(d.answered_within_13)
        FROM board_days d JOIN communities c ON c.id = d.community_id
        WHERE c.street_id = ANY (ids) GROUP BY c.street_id, d.day ORDER BY d.day, c.street_id;
    INSERT INTO board_street_months (street_id, month, duty_days, s_consultation, s_publicity, s_mediation, s_legal_opinion, s_referral_legal_aid, s_referral_mediation, s_referral_notary, p_consultation, p_publicity, p_mediation, p_legal_opinion, p_referral_legal_aid, p_referral_mediation, p_referral_notary, bookings_completed, bookings_no_show, bookings_cancelled, bookings_waiting, questions_asked, questions_answered, ratings, rating_sum, answered_within_0, answered_within_1, answered_within_2, answered_within_3, answered_within_4, answered_within_5, answered_within_6, answered_within_7, answered_within_8, answered_within_9, answered_within_10, answered_within_11, answered_within_12, answered_within_13)
        SELECT street_id, CAST(to_char(DATE '1970-01-01' + CAST(day AS INTEGER), 'YYYYMM') AS BIGINT) AS month, SUM(duty_days), SUM(s_consultation), SUM(s_publicity), SUM(s_mediation), SUM(s_legal_opinion), SUM(s_referral_legal_aid), SUM(s_referral_mediation), SUM(s_referral_notary), SUM(p_consultation), SUM(p_publicity), SUM(p_mediation), SUM(p_legal_opinion), SUM(p_referral_legal_aid), SUM(p_referral_mediation), SUM(p_referral_notary), SUM(bookings_completed), SUM(bookings_no_show), SUM(bookings_cancelled), SUM(bookings_waiting), SUM(questions_asked), SUM(questions_answered), SUM(ratings), SUM(rating_sum), SUM(answered_within_0), SUM(answered_within_1), SUM(answered_within_2), SUM(answered_within_3), SUM(answered_within_4), SUM(answered_within_5), SUM(answered_within_6), SUM(answered_within_7), SUM(answered_within_8), SUM(answered_within_9), SUM(answered_within_10), SUM(answered_within_11), SUM(answered_within_12), SUM(answered_within_13)
        FROM board_street_days WHERE street_id = ANY (ids) GROUP BY street_id, month ORDER BY month, street_id;
END $$;

-- The rebuild after a bulk load fills the quotas too.
CREATE OR REPLACE FUNCTION board_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE board_days, board_street_days, board_street_months, board_duty_marks, board_street_quotas;
    INSERT INTO board_duty_marks (community_id, lawyer_id, day, logs)
        SELECT community_id, lawyer_id, (CAST(served_on AS DATE) - DATE '1970-01-01'), COUNT(*) FROM duty_logs
        GROUP BY community_id, lawyer_id, served_on;
    INSERT INTO board_days SELECT * FROM board_days_live ORDER BY day, community_id;
    PERFORM board_rebuild_streets(ARRAY(SELECT id FROM streets));
    INSERT INTO board_street_quotas (street_id, per_month, communities)
        SELECT street_id, duty_days_per_month, COUNT(*) FROM communities GROUP BY street_id, duty_days_per_month;
END $$;
