-- An alert is complete once it carries its 1️⃣–5️⃣. A delivered alert whose reacted_at is NULL
-- still owes them: a dispatcher that stops or dies between posting an alert and reacting to it
-- leaves them to the next claim instead of losing them.
ALTER TABLE outbox ADD COLUMN reacted_at BIGINT;
-- Alerts delivered before this column existed are left as they are.
UPDATE outbox SET reacted_at = delivered_at WHERE state = 'delivered';
CREATE INDEX outbox_unreacted ON outbox (id) WHERE state = 'delivered' AND reacted_at IS NULL;
