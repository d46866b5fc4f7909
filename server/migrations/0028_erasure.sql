-- A resident who erased their account: the row stays (bookings and questions still count in the
-- figures), emptied of everything that names them.
ALTER TABLE users ADD COLUMN erased_at BIGINT;
-- A lawyer's inbox message about a question quotes its title: it goes when the asker erases theirs.
ALTER TABLE notifications ADD COLUMN question_id BIGINT;
