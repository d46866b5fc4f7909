-- The special group (农民工, 残疾人, 军人军属, 未成年人, 老年人) of a question, as the resident states
-- it when asking, and of a booking, as the lawyer records it when the consultation is done (its
-- service record takes the same group). The board counts them per group from the few rows that
-- name one, through these partial indexes.
ALTER TABLE questions ADD COLUMN special_group TEXT CONSTRAINT questions_group_known
    CHECK (special_group IN ('migrant_worker', 'disabled', 'military_family', 'minor', 'elderly'));
ALTER TABLE bookings ADD COLUMN special_group TEXT CONSTRAINT bookings_group_known
    CHECK (special_group IN ('migrant_worker', 'disabled', 'military_family', 'minor', 'elderly'));
CREATE INDEX questions_group_idx ON questions (created_at, special_group) WHERE special_group IS NOT NULL;
CREATE INDEX bookings_group_idx ON bookings (slot_start, special_group) WHERE special_group IS NOT NULL;
