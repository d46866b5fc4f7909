-- Bookings found by an index whatever the history. A lawyer's bookings of a month (the month
-- page's held, missed and rated) were found among every booking of the lawyer's communities, and
-- the district staff's desk (every community's bookings from today) among all bookings: 0.2–0.6 s
-- each once a district holds ten years of bookings (10 million), against milliseconds on a new one.
CREATE INDEX bookings_lawyer_idx ON bookings (lawyer_id, slot_start);
CREATE INDEX bookings_slot_idx ON bookings (slot_start);
