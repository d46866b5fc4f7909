-- WeChat: a resident's mini-program identity (one account per openid), the tickets that wait for
-- a phone sign-in to bind one, the one-time subscriptions each resident allowed per message kind,
-- the access token every server shares (renewed by one at a time under a lease), and which
-- messages went by WeChat instead of SMS.
ALTER TABLE users ADD COLUMN wechat_openid TEXT;
CREATE UNIQUE INDEX users_wechat_openid_idx ON users (wechat_openid);
CREATE TABLE wechat_tickets (
    ticket_hash TEXT NOT NULL PRIMARY KEY,
    openid TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE TABLE wechat_subscriptions (
    user_id BIGINT NOT NULL REFERENCES users(id),
    template TEXT NOT NULL,
    remaining BIGINT NOT NULL CHECK (remaining >= 0),
    PRIMARY KEY (user_id, template)
);
CREATE TABLE wechat_tokens (
    app_id TEXT NOT NULL PRIMARY KEY,
    token TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    lease_until BIGINT NOT NULL
);
ALTER TABLE outbox ADD COLUMN sent_via TEXT;
