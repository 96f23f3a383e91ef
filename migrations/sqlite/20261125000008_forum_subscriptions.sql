-- A forum channel has no messages of its own: an alert there is a post, a thread whose first
-- message is the alert (and whose id is that message's).
ALTER TABLE subscriptions ADD COLUMN forum BIGINT NOT NULL DEFAULT 0;
