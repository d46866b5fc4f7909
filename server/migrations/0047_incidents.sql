-- Emergency teams (应急法律服务队). Staff form a team of lawyers for a named incident, such as a
-- mass wage dispute at a factory, in the community where it happens; its members log their
-- services against it there (whichever communities they serve), until staff close it. The
-- services count as the community's like any other, and the incident has its own line.
CREATE TABLE incidents (
    id {{id}},
    name TEXT NOT NULL,
    community_id BIGINT NOT NULL CONSTRAINT incidents_community_fk REFERENCES communities (id),
    note TEXT NOT NULL DEFAULT '',
    opened_on TEXT NOT NULL,
    -- The last day services may be logged against it; none while it is open.
    closed_on TEXT,
    opened_by BIGINT NOT NULL CONSTRAINT incidents_opened_by_fk REFERENCES users (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX incidents_community_idx ON incidents (community_id, opened_on);

CREATE TABLE incident_members (
    incident_id BIGINT NOT NULL CONSTRAINT incident_members_incident_fk REFERENCES incidents (id),
    lawyer_id BIGINT NOT NULL CONSTRAINT incident_members_lawyer_fk REFERENCES lawyers (id),
    PRIMARY KEY (incident_id, lawyer_id)
);
CREATE INDEX incident_members_lawyer_idx ON incident_members (lawyer_id);

ALTER TABLE service_records ADD COLUMN incident_id BIGINT CONSTRAINT service_records_incident_fk REFERENCES incidents (id);
CREATE INDEX service_records_incident_idx ON service_records (incident_id) WHERE incident_id IS NOT NULL;
