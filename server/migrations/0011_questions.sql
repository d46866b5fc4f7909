-- Online questions (在线咨询): the question, its thread, its route through the community's
-- lawyers, and the de-identified common questions published from them.

CREATE TABLE questions (
    id {{id}},
    resident_id BIGINT NOT NULL CONSTRAINT questions_resident_fk REFERENCES users (id),
    community_id BIGINT NOT NULL CONSTRAINT questions_community_fk REFERENCES communities (id),
    category TEXT NOT NULL,
    title TEXT NOT NULL,
    -- The device's key for this question: sending it twice asks once.
    client_key TEXT NOT NULL,
    -- The resident allows a de-identified version to be published as a common question.
    may_publish BIGINT NOT NULL DEFAULT 0,
    status TEXT NOT NULL CONSTRAINT questions_status_known CHECK (status IN ('waiting', 'answered', 'needs_info', 'closed')),
    -- 0 A lawyer, 1 B lawyer, 2 coordinator, 3 every lawyer of the street.
    route_step BIGINT NOT NULL DEFAULT 0,
    -- The lawyer it waits for (none at step 3).
    routed_to BIGINT CONSTRAINT questions_routed_fk REFERENCES lawyers (id),
    -- When the current step's lawyer must have answered by, or the question moves on.
    deadline_at BIGINT NOT NULL,
    claimed_by BIGINT CONSTRAINT questions_claimed_fk REFERENCES lawyers (id),
    -- The claimant's last act on it; an idle claim lapses.
    claim_active_at BIGINT,
    first_answer_at BIGINT,
    closed_at BIGINT,
    rating BIGINT CONSTRAINT questions_rating_range CHECK (rating BETWEEN 1 AND 5),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CONSTRAINT questions_key_unique UNIQUE (resident_id, client_key)
);
CREATE INDEX questions_resident_idx ON questions (resident_id, created_at);
CREATE INDEX questions_due_idx ON questions (status, deadline_at);
CREATE INDEX questions_community_idx ON questions (community_id, status);

CREATE TABLE question_messages (
    id {{id}},
    question_id BIGINT NOT NULL CONSTRAINT messages_question_fk REFERENCES questions (id),
    author_id BIGINT NOT NULL CONSTRAINT messages_author_fk REFERENCES users (id),
    -- Who wrote it, as the thread shows it.
    kind TEXT NOT NULL CONSTRAINT messages_kind_known CHECK (kind IN ('question', 'answer', 'info_request', 'follow_up')),
    -- Residents' text as written; lawyers' as sanitised HTML.
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX question_messages_idx ON question_messages (question_id, id);

-- Every hand-over: to whom (none: the whole street), why, when, by whom (staff by hand).
CREATE TABLE question_routes (
    id {{id}},
    question_id BIGINT NOT NULL CONSTRAINT routes_question_fk REFERENCES questions (id),
    step BIGINT NOT NULL,
    lawyer_id BIGINT CONSTRAINT routes_lawyer_fk REFERENCES lawyers (id),
    reason TEXT NOT NULL,
    by_user BIGINT CONSTRAINT routes_user_fk REFERENCES users (id),
    at BIGINT NOT NULL
);
CREATE INDEX question_routes_idx ON question_routes (question_id, id);
-- Every lawyer the question was ever routed to or claimed by may read it.
CREATE INDEX question_routes_lawyer_idx ON question_routes (lawyer_id, question_id);

ALTER TABLE files ADD COLUMN question_id BIGINT CONSTRAINT files_question_fk REFERENCES questions (id);

-- An answered question is one consultation in the figures, however many messages it holds.
ALTER TABLE service_records ADD COLUMN question_id BIGINT CONSTRAINT service_records_question_fk REFERENCES questions (id);
CREATE UNIQUE INDEX service_records_question_unique ON service_records (question_id);

-- Common questions (常见问题): de-identified versions of answered questions, published with the
-- resident's consent.
CREATE TABLE faqs (
    id {{id}},
    question_id BIGINT NOT NULL CONSTRAINT faqs_question_unique UNIQUE CONSTRAINT faqs_question_fk REFERENCES questions (id),
    category TEXT NOT NULL,
    title TEXT NOT NULL,
    question TEXT NOT NULL,
    -- Sanitised HTML, rendered from the lawyer's Markdown.
    answer TEXT NOT NULL,
    search_text TEXT NOT NULL,
    published_by BIGINT NOT NULL CONSTRAINT faqs_publisher_fk REFERENCES users (id),
    created_at BIGINT NOT NULL
);
