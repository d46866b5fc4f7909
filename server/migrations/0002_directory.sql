-- The programme: streets, communities, law firms, lawyers, their assignments and teams.
-- Dates of assignments are 'YYYY-MM-DD' in Asia/Shanghai; an open end is NULL.

CREATE TABLE streets (
    id {{id}},
    name TEXT NOT NULL CONSTRAINT streets_name_unique UNIQUE,
    sort_order BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE communities (
    id {{id}},
    street_id BIGINT NOT NULL CONSTRAINT communities_street_fk REFERENCES streets (id),
    name TEXT NOT NULL,
    office_address TEXT NOT NULL,
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
    duty_days_per_month BIGINT NOT NULL DEFAULT 8,
    CONSTRAINT communities_name_unique UNIQUE (street_id, name)
);

CREATE TABLE law_firms (
    id {{id}},
    name TEXT NOT NULL CONSTRAINT law_firms_name_unique UNIQUE,
    address TEXT NOT NULL DEFAULT ''
);

CREATE TABLE lawyers (
    id {{id}},
    user_id BIGINT CONSTRAINT lawyers_user_unique UNIQUE CONSTRAINT lawyers_user_fk REFERENCES users (id),
    firm_id BIGINT NOT NULL CONSTRAINT lawyers_firm_fk REFERENCES law_firms (id),
    name TEXT NOT NULL,
    licence_no TEXT NOT NULL CONSTRAINT lawyers_licence_unique UNIQUE,
    -- Comma-separated lists: short, read together, never queried by element.
    practice_areas TEXT NOT NULL DEFAULT '',
    languages TEXT NOT NULL DEFAULT '',
    photo_path TEXT
);

CREATE TABLE assignments (
    id {{id}},
    lawyer_id BIGINT NOT NULL CONSTRAINT assignments_lawyer_fk REFERENCES lawyers (id),
    community_id BIGINT NOT NULL CONSTRAINT assignments_community_fk REFERENCES communities (id),
    role TEXT NOT NULL CONSTRAINT assignments_role_known CHECK (role IN ('a', 'b', 'coordinator')),
    starts_on TEXT NOT NULL,
    ends_on TEXT,
    CONSTRAINT assignments_dates_ordered CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX assignments_community_idx ON assignments (community_id, role);
CREATE INDEX assignments_lawyer_idx ON assignments (lawyer_id);

CREATE TABLE team_members (
    id {{id}},
    lawyer_id BIGINT NOT NULL CONSTRAINT team_members_lawyer_fk REFERENCES lawyers (id),
    user_id BIGINT CONSTRAINT team_members_user_fk REFERENCES users (id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL CONSTRAINT team_members_kind_known CHECK (kind IN ('assistant', 'volunteer', 'expert'))
);
CREATE INDEX team_members_lawyer_idx ON team_members (lawyer_id);
