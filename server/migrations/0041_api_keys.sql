-- Partner systems' API keys. A key is the credential of a machine account of its own (role
-- `agency`, one receiving body, no phone, login or password), so it reaches exactly what that
-- body's staff reach, narrowed further by its scopes. Only the secret's SHA-256 is kept. Each key
-- counts its calls in a window of a minute that starts with the window's first call.
CREATE TABLE api_keys (
    id {{id}},
    name TEXT NOT NULL,
    user_id BIGINT NOT NULL CONSTRAINT api_keys_user_fk REFERENCES users (id),
    secret_hash TEXT NOT NULL CONSTRAINT api_keys_secret_unique UNIQUE,
    -- Space-separated, e.g. `referrals:read referrals:write`.
    scopes TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT,
    last_used_at BIGINT,
    window_start BIGINT NOT NULL DEFAULT 0,
    window_calls BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX api_keys_user_idx ON api_keys (user_id);
