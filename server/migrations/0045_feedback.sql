-- Praise and complaints (表扬与投诉). A resident praises or complains about a consultation they
-- had or an answer they got, once each; a complaint says what happened and what the resident
-- wants, and staff of its street or district handle it with a reply the resident reads. Letters
-- of thanks and banners (锦旗) that reach a lawyer offline are recorded by staff. Each names the
-- lawyer and the community, for the lawyer's year.
CREATE TABLE feedback (
    id {{id}},
    kind TEXT NOT NULL CONSTRAINT feedback_kind_known CHECK (kind IN ('praise', 'complaint')),
    channel TEXT NOT NULL CONSTRAINT feedback_channel_known CHECK (channel IN ('online', 'letter', 'banner')),
    resident_id BIGINT CONSTRAINT feedback_resident_fk REFERENCES users (id),
    booking_id BIGINT CONSTRAINT feedback_booking_fk REFERENCES bookings (id),
    question_id BIGINT CONSTRAINT feedback_question_fk REFERENCES questions (id),
    lawyer_id BIGINT NOT NULL CONSTRAINT feedback_lawyer_fk REFERENCES lawyers (id),
    community_id BIGINT NOT NULL CONSTRAINT feedback_community_fk REFERENCES communities (id),
    -- The praise, or what happened.
    body TEXT NOT NULL,
    -- What a complaining resident wants.
    wanted TEXT NOT NULL DEFAULT '',
    -- Praise is `received`; a complaint `open` until staff reply, then `handled`.
    status TEXT NOT NULL CONSTRAINT feedback_status_known CHECK (status IN ('received', 'open', 'handled')),
    reply TEXT NOT NULL DEFAULT '',
    replied_by BIGINT CONSTRAINT feedback_replied_by_fk REFERENCES users (id),
    replied_at BIGINT,
    recorded_by BIGINT CONSTRAINT feedback_recorded_by_fk REFERENCES users (id),
    received_on TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX feedback_booking_once_idx ON feedback (resident_id, kind, booking_id) WHERE booking_id IS NOT NULL;
CREATE UNIQUE INDEX feedback_question_once_idx ON feedback (resident_id, kind, question_id) WHERE question_id IS NOT NULL;
CREATE INDEX feedback_resident_idx ON feedback (resident_id);
CREATE INDEX feedback_community_idx ON feedback (community_id, created_at);
CREATE INDEX feedback_lawyer_idx ON feedback (lawyer_id, received_on);
