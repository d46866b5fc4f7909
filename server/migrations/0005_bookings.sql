-- Consultations booked by residents, the seats they hold, and the services they become.

CREATE TABLE bookings (
    id {{id}},
    code TEXT NOT NULL CONSTRAINT bookings_code_unique UNIQUE,
    resident_id BIGINT NOT NULL CONSTRAINT bookings_resident_fk REFERENCES users (id),
    community_id BIGINT NOT NULL CONSTRAINT bookings_community_fk REFERENCES communities (id),
    lawyer_id BIGINT NOT NULL CONSTRAINT bookings_lawyer_fk REFERENCES lawyers (id),
    slot_start BIGINT NOT NULL,
    slot_end BIGINT NOT NULL,
    channel TEXT NOT NULL CONSTRAINT bookings_channel_known CHECK (channel IN ('in_person', 'phone', 'video')),
    category TEXT NOT NULL,
    description TEXT NOT NULL,
    status TEXT NOT NULL CONSTRAINT bookings_status_known CHECK (status IN ('pending', 'confirmed', 'declined', 'cancelled', 'completed', 'no_show')),
    status_reason TEXT NOT NULL DEFAULT '',
    lawyer_note TEXT NOT NULL DEFAULT '',
    rating BIGINT CONSTRAINT bookings_rating_range CHECK (rating BETWEEN 1 AND 5),
    rating_comment TEXT NOT NULL DEFAULT '',
    reminded_day_before BIGINT NOT NULL DEFAULT 0,
    reminded_two_hours BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX bookings_resident_idx ON bookings (resident_id, slot_start);
CREATE INDEX bookings_community_idx ON bookings (community_id, slot_start);
-- A resident holds at most one live booking per slot.
CREATE UNIQUE INDEX bookings_one_live_per_resident_slot ON bookings (resident_id, slot_start) WHERE status IN ('pending', 'confirmed');

-- One row per taken seat: the unique key is what makes double booking impossible, whatever the
-- concurrency and on either database. Cancelling frees the seat by deleting its row.
CREATE TABLE booking_seats (
    community_id BIGINT NOT NULL,
    slot_start BIGINT NOT NULL,
    seat BIGINT NOT NULL,
    booking_id BIGINT NOT NULL CONSTRAINT booking_seats_booking_fk REFERENCES bookings (id),
    CONSTRAINT booking_seats_one_per_seat PRIMARY KEY (community_id, slot_start, seat)
);
CREATE UNIQUE INDEX booking_seats_booking_idx ON booking_seats (booking_id);

-- A free service delivered: counted per category in the bureau's figures.
CREATE TABLE service_records (
    id {{id}},
    community_id BIGINT NOT NULL CONSTRAINT service_records_community_fk REFERENCES communities (id),
    lawyer_id BIGINT NOT NULL CONSTRAINT service_records_lawyer_fk REFERENCES lawyers (id),
    recorded_by BIGINT CONSTRAINT service_records_user_fk REFERENCES users (id),
    category TEXT NOT NULL CONSTRAINT service_records_category_known CHECK (category IN ('consultation', 'publicity', 'mediation', 'legal_opinion')),
    served_on TEXT NOT NULL,
    people_served BIGINT NOT NULL DEFAULT 1,
    summary TEXT NOT NULL DEFAULT '',
    booking_id BIGINT CONSTRAINT service_records_booking_unique UNIQUE CONSTRAINT service_records_booking_fk REFERENCES bookings (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX service_records_community_idx ON service_records (community_id, served_on);
