-- The in-app inbox: a copy of every booking message, for residents without SMS at hand.

CREATE TABLE notifications (
    id {{id}},
    user_id BIGINT NOT NULL CONSTRAINT notifications_user_fk REFERENCES users (id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    read_at BIGINT
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at);
