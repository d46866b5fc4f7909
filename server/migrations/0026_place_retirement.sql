-- A community or a street that leaves the programme keeps its history; `last_day` is its last
-- day of service. Few ever do, so the board finds them by a partial index.
ALTER TABLE communities ADD COLUMN last_day TEXT;
ALTER TABLE streets ADD COLUMN last_day TEXT;
CREATE INDEX communities_retired_idx ON communities (last_day) WHERE last_day IS NOT NULL;
