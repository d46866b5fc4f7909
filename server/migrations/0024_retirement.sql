-- A lawyer who leaves the programme keeps their history; `last_day` is the last day they served.
ALTER TABLE lawyers ADD COLUMN last_day TEXT;
