-- Quality review (质量评查). Staff draw a random sample of a period's answers and service records,
-- stratified by street and reproducible from its seed, and score each against the district's
-- checklist; the lawyer reads the findings on their own. The checklist is kept as it was when
-- drawn, so a later change of the district's checklist leaves old reviews as they were scored.
CREATE TABLE quality_reviews (
    id {{id}},
    -- The street drawn from; none: every street.
    street_id BIGINT CONSTRAINT quality_reviews_street_fk REFERENCES streets (id),
    first_day TEXT NOT NULL,
    last_day TEXT NOT NULL,
    seed BIGINT NOT NULL,
    size INTEGER NOT NULL,
    -- The checklist's items, one per line.
    checklist TEXT NOT NULL,
    drawn_by BIGINT NOT NULL CONSTRAINT quality_reviews_drawn_by_fk REFERENCES users (id),
    drawn_at BIGINT NOT NULL
);

CREATE TABLE quality_items (
    id {{id}},
    review_id BIGINT NOT NULL CONSTRAINT quality_items_review_fk REFERENCES quality_reviews (id),
    -- An answer (a question's) or a service record: one of the two.
    question_id BIGINT CONSTRAINT quality_items_question_fk REFERENCES questions (id),
    record_id BIGINT CONSTRAINT quality_items_record_fk REFERENCES service_records (id),
    lawyer_id BIGINT NOT NULL CONSTRAINT quality_items_lawyer_fk REFERENCES lawyers (id),
    community_id BIGINT NOT NULL CONSTRAINT quality_items_community_fk REFERENCES communities (id),
    -- Once scored: '1' or '0' per checklist item, in its order, and the score out of 100.
    checks TEXT,
    score INTEGER,
    findings TEXT NOT NULL DEFAULT '',
    scored_by BIGINT CONSTRAINT quality_items_scored_by_fk REFERENCES users (id),
    scored_at BIGINT,
    CONSTRAINT quality_items_one_object CHECK ((question_id IS NULL) <> (record_id IS NULL))
);
CREATE INDEX quality_items_review_idx ON quality_items (review_id);
CREATE INDEX quality_items_lawyer_idx ON quality_items (lawyer_id);
