-- Referrals (转介): a lawyer hands a resident's question or booking to a receiving body — the
-- legal-aid centre, a people's mediation committee, a notary office — and everyone follows it
-- to its outcome. A receiving body's staff are accounts of role `agency` in its organisation.

CREATE TABLE organisations (
    id {{id}},
    kind TEXT NOT NULL CONSTRAINT organisations_kind_known CHECK (kind IN ('legal_aid', 'mediation', 'notary')),
    name TEXT NOT NULL CONSTRAINT organisations_name_unique UNIQUE,
    -- A street's mediation committee serves its street; none: the whole district.
    street_id BIGINT CONSTRAINT organisations_street_fk REFERENCES streets (id),
    created_at BIGINT NOT NULL,
    closed_at BIGINT
);

ALTER TABLE users ADD COLUMN organisation_id BIGINT CONSTRAINT users_organisation_fk REFERENCES organisations (id);

CREATE TABLE referrals (
    id {{id}},
    kind TEXT NOT NULL CONSTRAINT referrals_kind_known CHECK (kind IN ('legal_aid', 'mediation', 'notary')),
    organisation_id BIGINT NOT NULL CONSTRAINT referrals_organisation_fk REFERENCES organisations (id),
    resident_id BIGINT NOT NULL CONSTRAINT referrals_resident_fk REFERENCES users (id),
    community_id BIGINT NOT NULL CONSTRAINT referrals_community_fk REFERENCES communities (id),
    lawyer_id BIGINT NOT NULL CONSTRAINT referrals_lawyer_fk REFERENCES lawyers (id),
    -- The lawyer's account, or their assistant's.
    written_by BIGINT NOT NULL CONSTRAINT referrals_writer_fk REFERENCES users (id),
    question_id BIGINT CONSTRAINT referrals_question_fk REFERENCES questions (id),
    booking_id BIGINT CONSTRAINT referrals_booking_fk REFERENCES bookings (id),
    facts TEXT NOT NULL,
    special_group TEXT CONSTRAINT referrals_group_known
        CHECK (special_group IN ('migrant_worker', 'disabled', 'military_family', 'minor', 'elderly')),
    status TEXT NOT NULL CONSTRAINT referrals_status_known
        CHECK (status IN ('awaiting_consent', 'sent', 'accepted', 'declined', 'closed', 'withdrawn')),
    reason TEXT,
    outcome TEXT CONSTRAINT referrals_outcome_known
        CHECK (outcome IN ('aid_granted', 'aid_refused', 'agreed', 'not_agreed', 'notarised', 'not_notarised')),
    outcome_note TEXT,
    created_at BIGINT NOT NULL,
    sent_at BIGINT,
    -- The receiving body's answer is due by then (working days after it was sent).
    due_at BIGINT,
    answered_at BIGINT,
    closed_at BIGINT,
    CONSTRAINT referrals_one_source CHECK ((question_id IS NULL) <> (booking_id IS NULL))
);
-- A receiving body's queue, the resident's list, the lawyer's list, the board's overdue count.
CREATE INDEX referrals_queue_idx ON referrals (organisation_id, status, created_at);
CREATE INDEX referrals_resident_idx ON referrals (resident_id, created_at);
CREATE INDEX referrals_lawyer_idx ON referrals (lawyer_id, created_at);
CREATE INDEX referrals_due_idx ON referrals (status, due_at);
CREATE INDEX referrals_question_idx ON referrals (question_id);
CREATE INDEX referrals_booking_idx ON referrals (booking_id);
-- One open referral of a kind per matter: a second click or a second lawyer gets 409.
CREATE UNIQUE INDEX referrals_open_per_question ON referrals (question_id, kind)
    WHERE question_id IS NOT NULL AND status IN ('awaiting_consent', 'sent', 'accepted');
CREATE UNIQUE INDEX referrals_open_per_booking ON referrals (booking_id, kind)
    WHERE booking_id IS NOT NULL AND status IN ('awaiting_consent', 'sent', 'accepted');

-- A referral the resident agreed to is one referral service of its lawyer in the figures.
ALTER TABLE service_records ADD COLUMN referral_id BIGINT CONSTRAINT service_records_referral_fk REFERENCES referrals (id);
CREATE UNIQUE INDEX service_records_referral_unique ON service_records (referral_id);

-- The resident's files handed over with a referral, chosen by the lawyer.
CREATE TABLE referral_files (
    referral_id BIGINT NOT NULL CONSTRAINT referral_files_referral_fk REFERENCES referrals (id),
    file_id BIGINT NOT NULL CONSTRAINT referral_files_file_fk REFERENCES files (id),
    PRIMARY KEY (referral_id, file_id)
);
CREATE INDEX referral_files_file_idx ON referral_files (file_id);
