-- Duty days logged at community offices, service records of every category the bureau reports,
-- the lawyers' months and corrections after the fact.

CREATE TABLE duty_logs (
    id {{id}},
    lawyer_id BIGINT NOT NULL CONSTRAINT duty_logs_lawyer_fk REFERENCES lawyers (id),
    community_id BIGINT NOT NULL CONSTRAINT duty_logs_community_fk REFERENCES communities (id),
    -- The duty-day it counts for: the Shanghai date of the check-in.
    served_on TEXT NOT NULL,
    started_at BIGINT NOT NULL,
    ended_at BIGINT,
    ended_by TEXT CONSTRAINT duty_logs_ended_by_known CHECK (ended_by IN ('checked_out', 'auto', 'correction')),
    verified BIGINT NOT NULL DEFAULT 0,
    distance_m BIGINT,
    reason TEXT NOT NULL DEFAULT '',
    entered_by BIGINT NOT NULL CONSTRAINT duty_logs_user_fk REFERENCES users (id),
    created_at BIGINT NOT NULL
);
-- A lawyer is on one duty at a time: the database refuses a second open one.
CREATE UNIQUE INDEX duty_logs_one_open ON duty_logs (lawyer_id) WHERE ended_at IS NULL;
CREATE INDEX duty_logs_lawyer_idx ON duty_logs (lawyer_id, served_on);
CREATE INDEX duty_logs_community_idx ON duty_logs (community_id, served_on);

-- Service records gain the referral categories, the details each category needs, and the
-- device's key that makes sending a record twice record it once. SQLite cannot change a CHECK
-- constraint, so the table is rebuilt with the same rows.
CREATE TABLE service_records_v2 (
    id {{id}},
    community_id BIGINT NOT NULL CONSTRAINT service_records_v2_community_fk REFERENCES communities (id),
    lawyer_id BIGINT NOT NULL CONSTRAINT service_records_v2_lawyer_fk REFERENCES lawyers (id),
    recorded_by BIGINT CONSTRAINT service_records_v2_user_fk REFERENCES users (id),
    category TEXT NOT NULL CONSTRAINT service_records_v2_category_known CHECK (category IN
        ('consultation', 'publicity', 'mediation', 'legal_opinion', 'referral_legal_aid', 'referral_mediation', 'referral_notary')),
    served_on TEXT NOT NULL,
    people_served BIGINT NOT NULL DEFAULT 1,
    topic TEXT NOT NULL DEFAULT '',
    parties TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    booking_id BIGINT CONSTRAINT service_records_v2_booking_unique UNIQUE CONSTRAINT service_records_v2_booking_fk REFERENCES bookings (id),
    client_key TEXT,
    created_at BIGINT NOT NULL,
    CONSTRAINT service_records_v2_client_key_unique UNIQUE (recorded_by, client_key)
);
INSERT INTO service_records_v2 (community_id, lawyer_id, recorded_by, category, served_on, people_served, summary, booking_id, created_at)
    SELECT community_id, lawyer_id, recorded_by, category, served_on, people_served, summary, booking_id, created_at FROM service_records ORDER BY id;
DROP TABLE service_records;
ALTER TABLE service_records_v2 RENAME TO service_records;
CREATE INDEX service_records_community_on_idx ON service_records (community_id, served_on);
CREATE INDEX service_records_lawyer_idx ON service_records (lawyer_id, served_on);

-- A lawyer's month: confirmed or disputed by the lawyer, locked by staff with its figures.
CREATE TABLE month_reviews (
    lawyer_id BIGINT NOT NULL CONSTRAINT month_reviews_lawyer_fk REFERENCES lawyers (id),
    month TEXT NOT NULL,
    status TEXT NOT NULL CONSTRAINT month_reviews_status_known CHECK (status IN ('open', 'confirmed', 'disputed', 'locked')),
    comment TEXT NOT NULL DEFAULT '',
    locked_duty_days BIGINT,
    locked_services BIGINT,
    locked_people BIGINT,
    updated_by BIGINT CONSTRAINT month_reviews_user_fk REFERENCES users (id),
    updated_at BIGINT NOT NULL,
    CONSTRAINT month_reviews_pk PRIMARY KEY (lawyer_id, month)
);

-- A duty added or changed after the fact: asked for with a reason, applied only when staff
-- approve, never edited in place.
CREATE TABLE duty_corrections (
    id {{id}},
    lawyer_id BIGINT NOT NULL CONSTRAINT duty_corrections_lawyer_fk REFERENCES lawyers (id),
    community_id BIGINT NOT NULL CONSTRAINT duty_corrections_community_fk REFERENCES communities (id),
    served_on TEXT NOT NULL,
    started_at BIGINT NOT NULL,
    ended_at BIGINT NOT NULL,
    duty_log_id BIGINT CONSTRAINT duty_corrections_log_fk REFERENCES duty_logs (id),
    -- The duty's times before an approved correction changed them.
    old_started_at BIGINT,
    old_ended_at BIGINT,
    reason TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CONSTRAINT duty_corrections_status_known CHECK (status IN ('pending', 'approved', 'rejected')),
    after_lock BIGINT NOT NULL DEFAULT 0,
    requested_by BIGINT NOT NULL CONSTRAINT duty_corrections_requester_fk REFERENCES users (id),
    decided_by BIGINT CONSTRAINT duty_corrections_decider_fk REFERENCES users (id),
    decided_at BIGINT,
    note TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX duty_corrections_status_idx ON duty_corrections (status, created_at);
CREATE INDEX duty_corrections_lawyer_idx ON duty_corrections (lawyer_id, served_on);
