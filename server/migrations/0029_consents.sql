-- Each time a resident agreed to the privacy notice: which version, when, and how (by signing in
-- under the notice's line, or on 个人信息).
CREATE TABLE consents (
    id {{id}},
    user_id BIGINT NOT NULL REFERENCES users(id),
    version TEXT NOT NULL,
    agreed_at BIGINT NOT NULL,
    how TEXT NOT NULL CHECK (how IN ('sign_in', 'page'))
);
CREATE INDEX consents_user_idx ON consents (user_id, agreed_at);
