-- A video consultation's meeting address: a room made from MEETING_URL_PATTERN when it was
-- booked, or a link its lawyer pasted.
ALTER TABLE bookings ADD COLUMN meeting_url TEXT;
