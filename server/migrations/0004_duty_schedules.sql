-- Duty schedules: when each community's desk is open and bookable.
-- Times of day are minutes after midnight in Asia/Shanghai; weekdays are 1 (Monday) to 7.

CREATE TABLE duty_schedules (
    id {{id}},
    community_id BIGINT NOT NULL CONSTRAINT duty_schedules_community_fk REFERENCES communities (id),
    lawyer_id BIGINT NOT NULL CONSTRAINT duty_schedules_lawyer_fk REFERENCES lawyers (id),
    weekday BIGINT NOT NULL CONSTRAINT duty_schedules_weekday_valid CHECK (weekday BETWEEN 1 AND 7),
    start_minute BIGINT NOT NULL,
    end_minute BIGINT NOT NULL,
    slot_minutes BIGINT NOT NULL CONSTRAINT duty_schedules_slot_valid CHECK (slot_minutes BETWEEN 10 AND 240),
    seats BIGINT NOT NULL CONSTRAINT duty_schedules_seats_valid CHECK (seats BETWEEN 1 AND 20),
    -- Comma-separated: in_person, phone, video.
    channels TEXT NOT NULL,
    instant BIGINT NOT NULL DEFAULT 1,
    valid_from TEXT NOT NULL,
    valid_until TEXT,
    created_at BIGINT NOT NULL,
    CONSTRAINT duty_schedules_times_ordered CHECK (start_minute >= 0 AND end_minute <= 1440 AND start_minute < end_minute)
);
CREATE INDEX duty_schedules_community_idx ON duty_schedules (community_id);

-- A date that differs from the recurring schedule: the desk is closed, or open extra.
CREATE TABLE duty_exceptions (
    id {{id}},
    community_id BIGINT NOT NULL CONSTRAINT duty_exceptions_community_fk REFERENCES communities (id),
    on_date TEXT NOT NULL,
    kind TEXT NOT NULL CONSTRAINT duty_exceptions_kind_known CHECK (kind IN ('closed', 'extra')),
    lawyer_id BIGINT CONSTRAINT duty_exceptions_lawyer_fk REFERENCES lawyers (id),
    start_minute BIGINT,
    end_minute BIGINT,
    slot_minutes BIGINT,
    seats BIGINT,
    channels TEXT,
    note TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX duty_exceptions_community_idx ON duty_exceptions (community_id, on_date);

-- District-wide public holidays: no duty anywhere.
CREATE TABLE holidays (
    on_date TEXT PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE leaves (
    id {{id}},
    lawyer_id BIGINT NOT NULL CONSTRAINT leaves_lawyer_fk REFERENCES lawyers (id),
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    CONSTRAINT leaves_dates_ordered CHECK (ends_on >= starts_on)
);
CREATE INDEX leaves_lawyer_idx ON leaves (lawyer_id, starts_on);
