-- Partner systems' webhooks: a referral's steps posted to a registered address, signed with the
-- webhook's secret, from an outbox written in the transaction that made the step. A delivery is
-- retried until it is answered 2xx or its attempts are used up; its event id is the same on
-- every attempt, so a receiver drops what it already has.
CREATE TABLE webhooks (
    id {{id}},
    name TEXT NOT NULL,
    url TEXT NOT NULL,
    secret TEXT NOT NULL,
    -- Only this receiving body's referrals; none: every referral.
    organisation_id BIGINT CONSTRAINT webhooks_organisation_fk REFERENCES organisations (id),
    created_at BIGINT NOT NULL,
    disabled_at BIGINT
);

CREATE TABLE webhook_deliveries (
    id {{id}},
    webhook_id BIGINT NOT NULL CONSTRAINT webhook_deliveries_webhook_fk REFERENCES webhooks (id),
    event_id TEXT NOT NULL,
    event TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    delivered_at BIGINT,
    failed_at BIGINT,
    last_error TEXT,
    CONSTRAINT webhook_deliveries_once UNIQUE (webhook_id, event_id)
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (delivered_at, failed_at, next_attempt_at);
