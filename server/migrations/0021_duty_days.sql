-- A duty-day is one lawyer at one community on one date, however many duties it holds: the one
-- definition the month page and the exports read (the board's roll-ups count the same thing per
-- community and day, kept in step by their triggers).
CREATE VIEW duty_days AS SELECT DISTINCT lawyer_id, community_id, served_on FROM duty_logs;
