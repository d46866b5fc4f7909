-- Any period's coverage order at a country's size. The least covered streets are ordered by
-- their duty-days in the period; until now its loose days came from `board_street_days`, 40 000
-- rows a day, so a week or 100 days across month ends read hundreds of thousands of rows. Now
-- each street keeps running totals: within each month by day (`d1`..`d31`: duty-days of the
-- month's days 1..K) and within each year by month (`m1`..`m12`: of months 1..K). Any run of days
-- inside a month is then one row's difference, and any run of months inside a year another, so
-- a period up to two years reads at most five rows per street. Written by the fold, with the
-- other roll-ups; `board_rebuild_streets` sums them again.
CREATE TABLE board_street_month_days (
    month BIGINT NOT NULL,
    street_id BIGINT NOT NULL,
    d1 INTEGER NOT NULL DEFAULT 0,
    d2 INTEGER NOT NULL DEFAULT 0,
    d3 INTEGER NOT NULL DEFAULT 0,
    d4 INTEGER NOT NULL DEFAULT 0,
    d5 INTEGER NOT NULL DEFAULT 0,
    d6 INTEGER NOT NULL DEFAULT 0,
    d7 INTEGER NOT NULL DEFAULT 0,
    d8 INTEGER NOT NULL DEFAULT 0,
    d9 INTEGER NOT NULL DEFAULT 0,
    d10 INTEGER NOT NULL DEFAULT 0,
    d11 INTEGER NOT NULL DEFAULT 0,
    d12 INTEGER NOT NULL DEFAULT 0,
    d13 INTEGER NOT NULL DEFAULT 0,
    d14 INTEGER NOT NULL DEFAULT 0,
    d15 INTEGER NOT NULL DEFAULT 0,
    d16 INTEGER NOT NULL DEFAULT 0,
    d17 INTEGER NOT NULL DEFAULT 0,
    d18 INTEGER NOT NULL DEFAULT 0,
    d19 INTEGER NOT NULL DEFAULT 0,
    d20 INTEGER NOT NULL DEFAULT 0,
    d21 INTEGER NOT NULL DEFAULT 0,
    d22 INTEGER NOT NULL DEFAULT 0,
    d23 INTEGER NOT NULL DEFAULT 0,
    d24 INTEGER NOT NULL DEFAULT 0,
    d25 INTEGER NOT NULL DEFAULT 0,
    d26 INTEGER NOT NULL DEFAULT 0,
    d27 INTEGER NOT NULL DEFAULT 0,
    d28 INTEGER NOT NULL DEFAULT 0,
    d29 INTEGER NOT NULL DEFAULT 0,
    d30 INTEGER NOT NULL DEFAULT 0,
    d31 INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT board_street_month_days_pk PRIMARY KEY (month, street_id)
);
CREATE TABLE board_street_year_months (
    year BIGINT NOT NULL,
    street_id BIGINT NOT NULL,
    m1 INTEGER NOT NULL DEFAULT 0,
    m2 INTEGER NOT NULL DEFAULT 0,
    m3 INTEGER NOT NULL DEFAULT 0,
    m4 INTEGER NOT NULL DEFAULT 0,
    m5 INTEGER NOT NULL DEFAULT 0,
    m6 INTEGER NOT NULL DEFAULT 0,
    m7 INTEGER NOT NULL DEFAULT 0,
    m8 INTEGER NOT NULL DEFAULT 0,
    m9 INTEGER NOT NULL DEFAULT 0,
    m10 INTEGER NOT NULL DEFAULT 0,
    m11 INTEGER NOT NULL DEFAULT 0,
    m12 INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT board_street_year_months_pk PRIMARY KEY (year, street_id)
);

-- Adds `n` duty-days to street `s`'s day `d`: to every running total from that day, and from
-- that month, on.
CREATE FUNCTION board_cover(s BIGINT, d BIGINT, n BIGINT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    served DATE := DATE '1970-01-01' + CAST(d AS INTEGER);
    m BIGINT := CAST(to_char(served, 'YYYYMM') AS BIGINT);
    dom INTEGER := CAST(EXTRACT(DAY FROM served) AS INTEGER);
    mon INTEGER := CAST(EXTRACT(MONTH FROM served) AS INTEGER);
BEGIN
    INSERT INTO board_street_month_days (month, street_id, d1, d2, d3, d4, d5, d6, d7, d8, d9, d10, d11, d12, d13, d14, d15, d16, d17, d18, d19, d20, d21, d22, d23, d24, d25, d26, d27, d28, d29, d30, d31)
        VALUES (m, s, CASE WHEN dom <= 1 THEN n ELSE 0 END, CASE WHEN dom <= 2 THEN n ELSE 0 END, CASE WHEN dom <= 3 THEN n ELSE 0 END, CASE WHEN dom <= 4 THEN n ELSE 0 END, CASE WHEN dom <= 5 THEN n ELSE 0 END, CASE WHEN dom <= 6 THEN n ELSE 0 END, CASE WHEN dom <= 7 THEN n ELSE 0 END, CASE WHEN dom <= 8 THEN n ELSE 0 END, CASE WHEN dom <= 9 THEN n ELSE 0 END, CASE WHEN dom <= 10 THEN n ELSE 0 END, CASE WHEN dom <= 11 THEN n ELSE 0 END, CASE WHEN dom <= 12 THEN n ELSE 0 END, CASE WHEN dom <= 13 THEN n ELSE 0 END, CASE WHEN dom <= 14 THEN n ELSE 0 END, CASE WHEN dom <= 15 THEN n ELSE 0 END, CASE WHEN dom <= 16 THEN n ELSE 0 END, CASE WHEN dom <= 17 THEN n ELSE 0 END, CASE WHEN dom <= 18 THEN n ELSE 0 END, CASE WHEN dom <= 19 THEN n ELSE 0 END, CASE WHEN dom <= 20 THEN n ELSE 0 END, CASE WHEN dom <= 21 THEN n ELSE 0 END, CASE WHEN dom <= 22 THEN n ELSE 0 END, CASE WHEN dom <= 23 THEN n ELSE 0 END, CASE WHEN dom <= 24 THEN n ELSE 0 END, CASE WHEN dom <= 25 THEN n ELSE 0 END, CASE WHEN dom <= 26 THEN n ELSE 0 END, CASE WHEN dom <= 27 THEN n ELSE 0 END, CASE WHEN dom <= 28 THEN n ELSE 0 END, CASE WHEN dom <= 29 THEN n ELSE 0 END, CASE WHEN dom <= 30 THEN n ELSE 0 END, CASE WHEN dom <= 31 THEN n ELSE 0 END)
        ON CONFLICT (month, street_id) DO UPDATE SET
            d1 = board_street_month_days.d1 + EXCLUDED.d1, d2 = board_street_month_days.d2 + EXCLUDED.d2, d3 = board_street_month_days.d3 + EXCLUDED.d3, d4 = board_street_month_days.d4 + EXCLUDED.d4, d5 = board_street_month_days.d5 + EXCLUDED.d5, d6 = board_street_month_days.d6 + EXCLUDED.d6, d7 = board_street_month_days.d7 + EXCLUDED.d7, d8 = board_street_month_days.d8 + EXCLUDED.d8, d9 = board_street_month_days.d9 + EXCLUDED.d9, d10 = board_street_month_days.d10 + EXCLUDED.d10, d11 = board_street_month_days.d11 + EXCLUDED.d11, d12 = board_street_month_days.d12 + EXCLUDED.d12, d13 = board_street_month_days.d13 + EXCLUDED.d13, d14 = board_street_month_days.d14 + EXCLUDED.d14, d15 = board_street_month_days.d15 + EXCLUDED.d15, d16 = board_street_month_days.d16 + EXCLUDED.d16, d17 = board_street_month_days.d17 + EXCLUDED.d17, d18 = board_street_month_days.d18 + EXCLUDED.d18, d19 = board_street_month_days.d19 + EXCLUDED.d19, d20 = board_street_month_days.d20 + EXCLUDED.d20, d21 = board_street_month_days.d21 + EXCLUDED.d21, d22 = board_street_month_days.d22 + EXCLUDED.d22, d23 = board_street_month_days.d23 + EXCLUDED.d23, d24 = board_street_month_days.d24 + EXCLUDED.d24, d25 = board_street_month_days.d25 + EXCLUDED.d25, d26 = board_street_month_days.d26 + EXCLUDED.d26, d27 = board_street_month_days.d27 + EXCLUDED.d27, d28 = board_street_month_days.d28 + EXCLUDED.d28, d29 = board_street_month_days.d29 + EXCLUDED.d29, d30 = board_street_month_days.d30 + EXCLUDED.d30, d31 = board_street_month_days.d31 + EXCLUDED.d31;
    INSERT INTO board_street_year_months (year, street_id, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12)
        VALUES (m / 100, s, CASE WHEN mon <= 1 THEN n ELSE 0 END, CASE WHEN mon <= 2 THEN n ELSE 0 END, CASE WHEN mon <= 3 THEN n ELSE 0 END, CASE WHEN mon <= 4 THEN n ELSE 0 END, CASE WHEN mon <= 5 THEN n ELSE 0 END, CASE WHEN mon <= 6 THEN n ELSE 0 END, CASE WHEN mon <= 7 THEN n ELSE 0 END, CASE WHEN mon <= 8 THEN n ELSE 0 END, CASE WHEN mon <= 9 THEN n ELSE 0 END, CASE WHEN mon <= 10 THEN n ELSE 0 END, CASE WHEN mon <= 11 THEN n ELSE 0 END, CASE WHEN mon <= 12 THEN n ELSE 0 END)
        ON CONFLICT (year, street_id) DO UPDATE SET
            m1 = board_street_year_months.m1 + EXCLUDED.m1, m2 = board_street_year_months.m2 + EXCLUDED.m2, m3 = board_street_year_months.m3 + EXCLUDED.m3, m4 = board_street_year_months.m4 + EXCLUDED.m4, m5 = board_street_year_months.m5 + EXCLUDED.m5, m6 = board_street_year_months.m6 + EXCLUDED.m6, m7 = board_street_year_months.m7 + EXCLUDED.m7, m8 = board_street_year_months.m8 + EXCLUDED.m8, m9 = board_street_year_months.m9 + EXCLUDED.m9, m10 = board_street_year_months.m10 + EXCLUDED.m10, m11 = board_street_year_months.m11 + EXCLUDED.m11, m12 = board_street_year_months.m12 + EXCLUDED.m12;
END $$;

-- What the fold applies: the roll-ups as before, then the running totals.
ALTER FUNCTION board_apply(BIGINT, BIGINT, BIGINT[]) RENAME TO board_apply_figures;
CREATE FUNCTION board_apply(c BIGINT, d BIGINT, v BIGINT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM board_apply_figures(c, d, v);
    IF v[1] <> 0 THEN
        PERFORM board_cover((SELECT street_id FROM communities WHERE id = c), d, v[1]);
    END IF;
END $$;

-- The running totals of the streets `ids`, summed again from their days.
CREATE FUNCTION board_rebuild_cover(ids BIGINT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM board_street_month_days WHERE street_id = ANY (ids);
    DELETE FROM board_street_year_months WHERE street_id = ANY (ids);
    INSERT INTO board_street_month_days (month, street_id, d1, d2, d3, d4, d5, d6, d7, d8, d9, d10, d11, d12, d13, d14, d15, d16, d17, d18, d19, d20, d21, d22, d23, d24, d25, d26, d27, d28, d29, d30, d31)
        SELECT month, street_id, CAST(SUM(CASE WHEN dom <= 1 THEN duty_days ELSE 0 END) AS INTEGER) AS d1, CAST(SUM(CASE WHEN dom <= 2 THEN duty_days ELSE 0 END) AS INTEGER) AS d2, CAST(SUM(CASE WHEN dom <= 3 THEN duty_days ELSE 0 END) AS INTEGER) AS d3, CAST(SUM(CASE WHEN dom <= 4 THEN duty_days ELSE 0 END) AS INTEGER) AS d4, CAST(SUM(CASE WHEN dom <= 5 THEN duty_days ELSE 0 END) AS INTEGER) AS d5, CAST(SUM(CASE WHEN dom <= 6 THEN duty_days ELSE 0 END) AS INTEGER) AS d6, CAST(SUM(CASE WHEN dom <= 7 THEN duty_days ELSE 0 END) AS INTEGER) AS d7, CAST(SUM(CASE WHEN dom <= 8 THEN duty_days ELSE 0 END) AS INTEGER) AS d8, CAST(SUM(CASE WHEN dom <= 9 THEN duty_days ELSE 0 END) AS INTEGER) AS d9, CAST(SUM(CASE WHEN dom <= 10 THEN duty_days ELSE 0 END) AS INTEGER) AS d10, CAST(SUM(CASE WHEN dom <= 11 THEN duty_days ELSE 0 END) AS INTEGER) AS d11, CAST(SUM(CASE WHEN dom <= 12 THEN duty_days ELSE 0 END) AS INTEGER) AS d12, CAST(SUM(CASE WHEN dom <= 13 THEN duty_days ELSE 0 END) AS INTEGER) AS d13, CAST(SUM(CASE WHEN dom <= 14 THEN duty_days ELSE 0 END) AS INTEGER) AS d14, CAST(SUM(CASE WHEN dom <= 15 THEN duty_days ELSE 0 END) AS INTEGER) AS d15, CAST(SUM(CASE WHEN dom <= 16 THEN duty_days ELSE 0 END) AS INTEGER) AS d16, CAST(SUM(CASE WHEN dom <= 17 THEN duty_days ELSE 0 END) AS INTEGER) AS d17, CAST(SUM(CASE WHEN dom <= 18 THEN duty_days ELSE 0 END) AS INTEGER) AS d18, CAST(SUM(CASE WHEN dom <= 19 THEN duty_days ELSE 0 END) AS INTEGER) AS d19, CAST(SUM(CASE WHEN dom <= 20 THEN duty_days ELSE 0 END) AS INTEGER) AS d20, CAST(SUM(CASE WHEN dom <= 21 THEN duty_days ELSE 0 END) AS INTEGER) AS d21, CAST(SUM(CASE WHEN dom <= 22 THEN duty_days ELSE 0 END) AS INTEGER) AS d22, CAST(SUM(CASE WHEN dom <= 23 THEN duty_days ELSE 0 END) AS INTEGER) AS d23, CAST(SUM(CASE WHEN dom <= 24 THEN duty_days ELSE 0 END) AS INTEGER) AS d24, CAST(SUM(CASE WHEN dom <= 25 THEN duty_days ELSE 0 END) AS INTEGER) AS d25, CAST(SUM(CASE WHEN dom <= 26 THEN duty_days ELSE 0 END) AS INTEGER) AS d26, CAST(SUM(CASE WHEN dom <= 27 THEN duty_days ELSE 0 END) AS INTEGER) AS d27, CAST(SUM(CASE WHEN dom <= 28 THEN duty_days ELSE 0 END) AS INTEGER) AS d28, CAST(SUM(CASE WHEN dom <= 29 THEN duty_days ELSE 0 END) AS INTEGER) AS d29, CAST(SUM(CASE WHEN dom <= 30 THEN duty_days ELSE 0 END) AS INTEGER) AS d30, CAST(SUM(CASE WHEN dom <= 31 THEN duty_days ELSE 0 END) AS INTEGER) AS d31
        FROM (SELECT street_id, duty_days, CAST(to_char(date, 'YYYYMM') AS BIGINT) AS month,
                     CAST(EXTRACT(DAY FROM date) AS INTEGER) AS dom
              FROM (SELECT street_id, duty_days, DATE '1970-01-01' + CAST(day AS INTEGER) AS date
                    FROM board_street_days WHERE duty_days <> 0 AND street_id = ANY (ids)) d) f
        GROUP BY month, street_id ORDER BY month, street_id;
    INSERT INTO board_street_year_months (year, street_id, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12)
        SELECT month / 100, street_id, CAST(SUM(CASE WHEN month % 100 <= 1 THEN duty_days ELSE 0 END) AS INTEGER), CAST(SUM(CASE WHEN month % 100 <= 2 THEN duty_days ELSE 0 END) AS INTEGER), CAST(SUM(CASE WHEN month % 100 <= 3 THEN duty_days ELSE 0 END) AS INTEGER), CAST(SUM(CASE WHEN month % 100 <= 4 THEN duty_days ELSE 0 END) AS INTEGER), CAST(SUM(CASE WHEN month % 100 <= 5 THEN duty_days ELSE 0 END) AS INTEGER), CAST(SUM(CASE WHEN month % 100 <= 6 THEN duty_days ELSE 0 END) AS INTEGER), CAST(SUM(CASE WHEN month % 100 <= 7 THEN duty_days ELSE 0 END) AS INTEGER), CAST(SUM(CASE WHEN month % 100 <= 8 THEN duty_days ELSE 0 END) AS INTEGER), CAST(SUM(CASE WHEN month % 100 <= 9 THEN duty_days ELSE 0 END) AS INTEGER), CAST(SUM(CASE WHEN month % 100 <= 10 THEN duty_days ELSE 0 END) AS INTEGER), CAST(SUM(CASE WHEN month % 100 <= 11 THEN duty_days ELSE 0 END) AS INTEGER), CAST(SUM(CASE WHEN month % 100 <= 12 THEN duty_days ELSE 0 END) AS INTEGER)
        FROM board_street_months WHERE duty_days <> 0 AND street_id = ANY (ids)
        GROUP BY month / 100, street_id ORDER BY month / 100, street_id;
END $$;

-- A rebuild of streets (a community moved, or everything) includes their running totals.
ALTER FUNCTION board_rebuild_streets(BIGINT[]) RENAME TO board_rebuild_street_figures;
CREATE FUNCTION board_rebuild_streets(ids BIGINT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM board_rebuild_street_figures(ids);
    PERFORM board_rebuild_cover(ids);
END $$;

SELECT board_rebuild_cover(ARRAY(SELECT id FROM streets));
