-- Accounts of a new role, `agency`: the staff of a body that receives referrals.
ALTER TABLE users DROP CONSTRAINT users_role_known;
ALTER TABLE users ADD CONSTRAINT users_role_known
    CHECK (role IN ('resident', 'lawyer', 'assistant', 'staff', 'admin', 'agency'));
