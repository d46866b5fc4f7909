-- Booking rules: at most one set for the whole district (no community) and one per community that
-- needs its own, which replaces the district's. With neither, the defaults of
-- app::domain::BookingRules apply. The bounds are the domain's.
CREATE TABLE booking_rules (
    id {{id}},
    community_id BIGINT REFERENCES communities(id),
    min_notice_minutes BIGINT NOT NULL CHECK (min_notice_minutes BETWEEN 0 AND 10080),
    window_days BIGINT NOT NULL CHECK (window_days BETWEEN 1 AND 90),
    max_live_bookings BIGINT NOT NULL CHECK (max_live_bookings BETWEEN 1 AND 20),
    change_cutoff_minutes BIGINT NOT NULL CHECK (change_cutoff_minutes BETWEEN 0 AND 10080),
    first_reminder_minutes BIGINT NOT NULL CHECK (first_reminder_minutes BETWEEN 0 AND 10080),
    second_reminder_minutes BIGINT NOT NULL CHECK (second_reminder_minutes BETWEEN 0 AND 1440),
    updated_at BIGINT NOT NULL,
    updated_by BIGINT NOT NULL REFERENCES users(id)
);
CREATE UNIQUE INDEX booking_rules_scope ON booking_rules (COALESCE(community_id, 0));
