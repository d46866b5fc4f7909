-- PostgreSQL's roll-ups take writes through a queue (there); SQLite reads the board from views.
SELECT 1;
