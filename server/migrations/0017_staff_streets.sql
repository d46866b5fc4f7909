-- A street's 司法所 staff see and manage their street only; district staff (no street) see all.
ALTER TABLE users ADD COLUMN street_id BIGINT REFERENCES streets (id);
