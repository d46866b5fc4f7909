-- The board counts a period's referrals on every read: by when they were written, from this index
-- rather than the whole table.
CREATE INDEX referrals_created_idx ON referrals (created_at);
