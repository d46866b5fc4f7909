-- The open questions' queues, served by indexes of the open questions alone: answered questions
-- now close by themselves after a quiet while, so these stay as large as the current work while
-- years of closed questions pile up beside them. Until now a lawyer's queue read every question
-- not closed (1.3 million on a country's year, 118 ms a queue). One index per way a question
-- reaches a lawyer (claimed by them, routed to them, open to their street), and the staff's
-- queue in deadline order.
CREATE INDEX questions_open_claimed_idx ON questions (claimed_by) WHERE status <> 'closed';
CREATE INDEX questions_open_routed_idx ON questions (routed_to) WHERE status <> 'closed' AND claimed_by IS NULL;
CREATE INDEX questions_open_street_idx ON questions (community_id) WHERE status <> 'closed' AND claimed_by IS NULL AND route_step = 3;
CREATE INDEX questions_open_deadline_idx ON questions (deadline_at) WHERE status <> 'closed';
