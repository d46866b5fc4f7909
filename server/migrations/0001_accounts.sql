-- Accounts, sessions and one-time codes.
-- `{{id}}` is the dialect's auto-incrementing 64-bit primary key (see store/migrations.rs).
-- Instants are UTC milliseconds since the Unix epoch; flags are 0/1 integers.

CREATE TABLE users (
    id {{id}},
    role TEXT NOT NULL CONSTRAINT users_role_known CHECK (role IN ('resident', 'lawyer', 'assistant', 'staff', 'admin')),
    phone TEXT CONSTRAINT users_phone_unique UNIQUE,
    login TEXT CONSTRAINT users_login_unique UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT,
    second_factor BIGINT NOT NULL DEFAULT 0,
    lang TEXT NOT NULL DEFAULT 'zh-CN',
    community_id BIGINT,
    created_at BIGINT NOT NULL,
    disabled_at BIGINT
);

CREATE TABLE sessions (
    id {{id}},
    token_hash TEXT NOT NULL CONSTRAINT sessions_token_unique UNIQUE,
    user_id BIGINT NOT NULL CONSTRAINT sessions_user_fk REFERENCES users (id) ON DELETE CASCADE,
    complete BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    revoked_at BIGINT
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE one_time_codes (
    id {{id}},
    phone TEXT NOT NULL,
    purpose TEXT NOT NULL CONSTRAINT codes_purpose_known CHECK (purpose IN ('sign_in', 'second_factor')),
    code_hash TEXT NOT NULL,
    client_ip TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    consumed_at BIGINT
);
CREATE INDEX codes_phone_idx ON one_time_codes (phone, created_at);
CREATE INDEX codes_ip_idx ON one_time_codes (client_ip, created_at);
