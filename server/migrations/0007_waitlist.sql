-- Residents waiting for a seat in a full slot; the first in line is told when one frees.

CREATE TABLE waitlist (
    id {{id}},
    resident_id BIGINT NOT NULL CONSTRAINT waitlist_resident_fk REFERENCES users (id) ON DELETE CASCADE,
    community_id BIGINT NOT NULL CONSTRAINT waitlist_community_fk REFERENCES communities (id),
    slot_start BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    offered_at BIGINT,
    CONSTRAINT waitlist_once_per_slot UNIQUE (resident_id, community_id, slot_start)
);
CREATE INDEX waitlist_slot_idx ON waitlist (community_id, slot_start, id);
