-- Staff verify each lawyer's licence against the bar's register; imported lawyers start unverified.
ALTER TABLE lawyers ADD COLUMN verified_at BIGINT;
ALTER TABLE lawyers ADD COLUMN verified_by BIGINT REFERENCES users (id);
