-- The board counts a period's locked months and lists the duties corrected after locking.
CREATE INDEX month_reviews_month_idx ON month_reviews (month, status);
CREATE INDEX duty_corrections_after_lock_idx ON duty_corrections (served_on) WHERE after_lock = 1 AND status = 'approved';
