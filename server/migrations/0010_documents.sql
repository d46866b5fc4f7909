-- Files (content-addressed bytes behind the blob store), the public library, private exchange
-- between residents and their lawyers, and legal-education articles.

-- One uploaded file. `token` is its only public name (128 random bits, never guessable);
-- `blob_key` names the cleaned bytes in the blob store (their SHA-256), shared by identical files.
-- A file starts `pending` (uploaded, not yet attached) and becomes `library` or `private`.
CREATE TABLE files (
    id {{id}},
    token TEXT NOT NULL CONSTRAINT files_token_unique UNIQUE,
    blob_key TEXT NOT NULL,
    thumb_key TEXT,
    kind TEXT NOT NULL CONSTRAINT files_kind_known CHECK (kind IN ('pdf', 'jpeg', 'png', 'webp', 'docx', 'xlsx')),
    name TEXT NOT NULL,
    size BIGINT NOT NULL,
    uploaded_by BIGINT NOT NULL CONSTRAINT files_uploader_fk REFERENCES users (id),
    created_at BIGINT NOT NULL,
    purpose TEXT NOT NULL DEFAULT 'pending' CONSTRAINT files_purpose_known CHECK (purpose IN ('pending', 'library', 'private')),
    -- Private files: whose matter, which community's lawyers see it, on which booking (none: 我的资料).
    resident_id BIGINT CONSTRAINT files_resident_fk REFERENCES users (id),
    community_id BIGINT CONSTRAINT files_community_fk REFERENCES communities (id),
    booking_id BIGINT CONSTRAINT files_booking_fk REFERENCES bookings (id),
    shared_at BIGINT,
    deleted_at BIGINT
);
CREATE INDEX files_blob_idx ON files (blob_key);
CREATE INDEX files_uploader_idx ON files (uploaded_by, created_at);
CREATE INDEX files_resident_idx ON files (resident_id, shared_at);
CREATE INDEX files_community_idx ON files (community_id, shared_at);

CREATE TABLE documents (
    id {{id}},
    title TEXT NOT NULL,
    category TEXT NOT NULL,
    tags TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    -- Title, tags and summary in lower case: substring search that works for Chinese on both databases.
    search_text TEXT NOT NULL,
    published_by BIGINT NOT NULL CONSTRAINT documents_publisher_fk REFERENCES users (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    downloads BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX documents_category_idx ON documents (category, updated_at);

-- Every version is kept; the highest is the current one.
CREATE TABLE document_versions (
    document_id BIGINT NOT NULL CONSTRAINT versions_document_fk REFERENCES documents (id),
    version BIGINT NOT NULL,
    file_id BIGINT NOT NULL CONSTRAINT versions_file_unique UNIQUE CONSTRAINT versions_file_fk REFERENCES files (id),
    note TEXT NOT NULL DEFAULT '',
    created_by BIGINT NOT NULL CONSTRAINT versions_author_fk REFERENCES users (id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (document_id, version)
);

-- 普法 articles. No target: every resident; else one street or one community.
CREATE TABLE articles (
    id {{id}},
    title TEXT NOT NULL,
    category TEXT NOT NULL,
    theme TEXT NOT NULL DEFAULT '',
    body_md TEXT NOT NULL,
    body_html TEXT NOT NULL,
    street_id BIGINT CONSTRAINT articles_street_fk REFERENCES streets (id),
    community_id BIGINT CONSTRAINT articles_community_fk REFERENCES communities (id),
    publish_at BIGINT NOT NULL,
    important BIGINT NOT NULL DEFAULT 0,
    -- Set once by whichever server delivers the article to inboxes (and SMS) first.
    announced_at BIGINT,
    author_id BIGINT NOT NULL CONSTRAINT articles_author_fk REFERENCES users (id),
    created_at BIGINT NOT NULL,
    reads BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX articles_publish_idx ON articles (publish_at);

-- Residents who asked for important articles by SMS.
ALTER TABLE users ADD COLUMN article_sms BIGINT NOT NULL DEFAULT 0;
