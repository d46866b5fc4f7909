-- Accounts of a new role, `agency` (the staff of a body that receives referrals). SQLite
-- changes a CHECK only by building the table again. Other tables point at `users`: migrations
-- run with foreign keys off (see `store::migrate`), so dropping the old table cascades nowhere,
-- and every row keeps its id, so every reference still holds. The legacy rename leaves the
-- triggers that name `users` as they are.
PRAGMA legacy_alter_table = ON;
CREATE TABLE users_rebuilt (
    id INTEGER PRIMARY KEY,
    role TEXT NOT NULL CONSTRAINT users_role_known
        CHECK (role IN ('resident', 'lawyer', 'assistant', 'staff', 'admin', 'agency')),
    phone TEXT CONSTRAINT users_phone_unique UNIQUE,
    login TEXT CONSTRAINT users_login_unique UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT,
    second_factor BIGINT NOT NULL DEFAULT 0,
    lang TEXT NOT NULL DEFAULT 'zh-CN',
    community_id BIGINT,
    created_at BIGINT NOT NULL,
    disabled_at BIGINT,
    article_sms BIGINT NOT NULL DEFAULT 0,
    street_id BIGINT REFERENCES streets (id),
    wechat_openid TEXT,
    erased_at BIGINT
);
INSERT INTO users_rebuilt (id, role, phone, login, display_name, password_hash, second_factor, lang, community_id,
    created_at, disabled_at, article_sms, street_id, wechat_openid, erased_at)
    SELECT id, role, phone, login, display_name, password_hash, second_factor, lang, community_id,
    created_at, disabled_at, article_sms, street_id, wechat_openid, erased_at FROM users;
DROP TABLE users;
ALTER TABLE users_rebuilt RENAME TO users;
CREATE UNIQUE INDEX users_wechat_openid_idx ON users (wechat_openid);
PRAGMA legacy_alter_table = OFF;
