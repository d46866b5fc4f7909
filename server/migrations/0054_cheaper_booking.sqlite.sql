-- PostgreSQL's booking function tries the seat as read first, and its board queue is written
-- from plpgsql; on SQLite a booking's two inserts are the server's, and the board reads views.
SELECT 1;
