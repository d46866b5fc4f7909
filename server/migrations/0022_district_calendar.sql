-- The district calendar: public holidays (no duty, no working time) and 调休 make-up working days
-- (a weekend day worked, running the duty pattern of the weekday `works_as`), entered by staff.
ALTER TABLE holidays ADD COLUMN kind TEXT NOT NULL DEFAULT 'holiday' CONSTRAINT holidays_kind_known CHECK (kind IN ('holiday', 'workday'));
ALTER TABLE holidays ADD COLUMN works_as BIGINT CONSTRAINT holidays_works_as_weekday CHECK (works_as IS NULL OR works_as BETWEEN 1 AND 5);
