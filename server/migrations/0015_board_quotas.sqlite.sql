-- How many communities of each street ask how many duty-days a month (on PostgreSQL a table kept
-- in step with the communities; here a view).
CREATE VIEW board_street_quotas AS
SELECT street_id, duty_days_per_month AS per_month, COUNT(*) AS communities FROM communities
GROUP BY street_id, duty_days_per_month;
