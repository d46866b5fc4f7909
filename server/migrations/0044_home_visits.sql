-- 家门口公证: a notary office's weekly hours for visiting residents at home, and the visits booked
-- in them. Slots come from the hours the way a community's come from its duty (the district's
-- holidays and make-up days applied); a visit holds a seat of its slot under a unique index, as
-- a booking does, and the resident's stated birth date decides whether a will is free (from 65).
CREATE TABLE home_visit_hours (
    id {{id}},
    organisation_id BIGINT NOT NULL CONSTRAINT home_visit_hours_organisation_fk REFERENCES organisations (id),
    weekday BIGINT NOT NULL CONSTRAINT home_visit_hours_weekday CHECK (weekday BETWEEN 1 AND 7),
    start_minute BIGINT NOT NULL,
    end_minute BIGINT NOT NULL,
    slot_minutes BIGINT NOT NULL,
    seats BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    CONSTRAINT home_visit_hours_times CHECK (start_minute < end_minute AND slot_minutes > 0 AND seats > 0)
);
CREATE INDEX home_visit_hours_organisation_idx ON home_visit_hours (organisation_id);

CREATE TABLE home_visits (
    id {{id}},
    code TEXT NOT NULL CONSTRAINT home_visits_code_unique UNIQUE,
    organisation_id BIGINT NOT NULL CONSTRAINT home_visits_organisation_fk REFERENCES organisations (id),
    resident_id BIGINT NOT NULL CONSTRAINT home_visits_resident_fk REFERENCES users (id),
    -- The lawyer's or assistant's account when they booked it for the resident at the desk.
    booked_by BIGINT CONSTRAINT home_visits_booked_by_fk REFERENCES users (id),
    slot_start BIGINT NOT NULL,
    slot_end BIGINT NOT NULL,
    seat BIGINT NOT NULL,
    matter TEXT NOT NULL CONSTRAINT home_visits_matter_known CHECK (matter IN ('will', 'inheritance', 'power_of_attorney')),
    address TEXT NOT NULL,
    note TEXT NOT NULL,
    birth_date TEXT NOT NULL,
    -- A will for a resident 65 or older on the day of the visit: no fee.
    free BIGINT NOT NULL,
    status TEXT NOT NULL CONSTRAINT home_visits_status_known
        CHECK (status IN ('booked', 'done', 'no_show', 'cancelled')),
    reason TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
-- A seat is held by every visit but a cancelled one.
CREATE UNIQUE INDEX home_visits_seat_idx ON home_visits (organisation_id, slot_start, seat) WHERE status <> 'cancelled';
CREATE UNIQUE INDEX home_visits_resident_slot_idx ON home_visits (resident_id, slot_start) WHERE status <> 'cancelled';
CREATE INDEX home_visits_resident_idx ON home_visits (resident_id);
