-- Messages waiting to go out, the audit trail, and server-wide settings.

CREATE TABLE outbox (
    id {{id}},
    channel TEXT NOT NULL CONSTRAINT outbox_channel_known CHECK (channel IN ('sms')),
    recipient TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    sent_at BIGINT,
    last_error TEXT
);
CREATE INDEX outbox_due_idx ON outbox (sent_at, next_attempt_at);

CREATE TABLE audit_events (
    id {{id}},
    at BIGINT NOT NULL,
    actor_user_id BIGINT,
    action TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    client_ip TEXT,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_events_action_idx ON audit_events (action, subject, at);

CREATE TABLE settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
