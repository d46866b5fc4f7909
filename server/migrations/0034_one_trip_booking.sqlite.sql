-- PostgreSQL's one-trip booking (a function there); on SQLite a booking is already one statement.
SELECT 1;
