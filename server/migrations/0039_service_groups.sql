-- A service given to one of the special groups the programme serves first (农民工, 残疾人, 军人军属,
-- 未成年人, 老年人), as the lawyer records it; the board counts them per group.
ALTER TABLE service_records ADD COLUMN special_group TEXT CONSTRAINT service_records_group_known
    CHECK (special_group IN ('migrant_worker', 'disabled', 'military_family', 'minor', 'elderly'));
-- Only the few records of a group, by day: the board's count reads these alone.
CREATE INDEX service_records_group_idx ON service_records (served_on, special_group) WHERE special_group IS NOT NULL;
