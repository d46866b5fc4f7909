-- Keys that an "at most N per …" check locks before it counts, for subjects with no row of their
-- own to lock (a phone number without an account, a client address). One row per key, kept.

CREATE TABLE limit_keys (
    key TEXT CONSTRAINT limit_keys_pk PRIMARY KEY
);
