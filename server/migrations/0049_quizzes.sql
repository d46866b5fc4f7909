-- The month's theme (一月一主题) and its quiz. Articles join a month's theme by naming it (their
-- `theme`); staff set the month's title and a short quiz; a resident takes it once, and the
-- entries are counted per street through the resident's community at the time.
CREATE TABLE themes (
    -- `YYYY-MM`.
    month TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    intro TEXT NOT NULL DEFAULT '',
    updated_by BIGINT NOT NULL CONSTRAINT themes_updated_by_fk REFERENCES users (id),
    updated_at BIGINT NOT NULL
);

CREATE TABLE quiz_questions (
    id {{id}},
    month TEXT NOT NULL CONSTRAINT quiz_questions_month_fk REFERENCES themes (month),
    position INTEGER NOT NULL,
    prompt TEXT NOT NULL,
    -- The choices, one per line.
    options TEXT NOT NULL,
    -- The right choice's place among them, from 0.
    answer INTEGER NOT NULL
);
CREATE INDEX quiz_questions_month_idx ON quiz_questions (month, position);

CREATE TABLE quiz_entries (
    month TEXT NOT NULL CONSTRAINT quiz_entries_month_fk REFERENCES themes (month),
    resident_id BIGINT NOT NULL CONSTRAINT quiz_entries_resident_fk REFERENCES users (id),
    community_id BIGINT CONSTRAINT quiz_entries_community_fk REFERENCES communities (id),
    -- The choices made, by comma, in the questions' order.
    choices TEXT NOT NULL,
    correct INTEGER NOT NULL,
    total INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (month, resident_id)
);
CREATE INDEX quiz_entries_community_idx ON quiz_entries (month, community_id);
