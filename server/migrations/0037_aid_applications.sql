-- The legal-aid centre's pre-application on a legal-aid referral: the household's size, its
-- monthly income (yuan) and whether it receives the minimum living allowance (低保) or is
-- supported as extremely poor (特困), as the resident or their lawyer stated them.
ALTER TABLE referrals ADD COLUMN household BIGINT CONSTRAINT referrals_household_range CHECK (household BETWEEN 1 AND 20);
ALTER TABLE referrals ADD COLUMN monthly_income BIGINT CONSTRAINT referrals_income_range CHECK (monthly_income BETWEEN 0 AND 10000000);
ALTER TABLE referrals ADD COLUMN hardship TEXT CONSTRAINT referrals_hardship_known CHECK (hardship IN ('low_income', 'destitute'));
