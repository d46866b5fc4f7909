-- Service points beyond communities (入园入企): industrial parks, enterprises and other places are
-- places of a street like its communities, with the same duty, booking and record model, told
-- apart by their kind. Lectures (法治宣传) given at parks and enterprises have a yearly target per
-- street.
ALTER TABLE communities ADD COLUMN kind TEXT NOT NULL DEFAULT 'community'
    CONSTRAINT communities_kind_known CHECK (kind IN ('community', 'park', 'enterprise', 'other'));
-- Service points are few among a country's communities: a small index of them alone, by street,
-- then their records by place and day.
CREATE INDEX communities_points_idx ON communities (street_id) WHERE kind <> 'community';

CREATE TABLE lecture_targets (
    street_id BIGINT NOT NULL CONSTRAINT lecture_targets_street_fk REFERENCES streets (id),
    year INTEGER NOT NULL,
    target INTEGER NOT NULL,
    updated_by BIGINT NOT NULL CONSTRAINT lecture_targets_updated_by_fk REFERENCES users (id),
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (street_id, year)
);
