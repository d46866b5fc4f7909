-- A lawyer's year as staff conclude it (履约评价): the conclusion on the district's scale, a
-- comment, the score the card showed then, and the lawyer's answer. One per lawyer and year.
CREATE TABLE evaluations (
    id {{id}},
    lawyer_id BIGINT NOT NULL CONSTRAINT evaluations_lawyer_fk REFERENCES lawyers (id),
    year BIGINT NOT NULL,
    score BIGINT,
    conclusion TEXT NOT NULL,
    comment TEXT NOT NULL,
    concluded_by BIGINT NOT NULL CONSTRAINT evaluations_concluded_by_fk REFERENCES users (id),
    concluded_at BIGINT NOT NULL,
    answer TEXT NOT NULL DEFAULT '',
    answered_at BIGINT,
    CONSTRAINT evaluations_once UNIQUE (lawyer_id, year)
);
