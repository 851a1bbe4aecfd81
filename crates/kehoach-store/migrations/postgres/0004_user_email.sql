-- Where an account's reminders go. Optional: an account without one gets
-- reminders in the app only.
ALTER TABLE users ADD COLUMN email TEXT;
