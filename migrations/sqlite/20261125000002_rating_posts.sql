-- A rating post shows one recap (of its episode) at one page; score edits re-render that page.
ALTER TABLE posts ADD COLUMN recap_id BIGINT REFERENCES recaps (id) ON DELETE CASCADE;
ALTER TABLE posts ADD COLUMN page BIGINT NOT NULL DEFAULT 0;
-- Reconciliation walks the recent posts of each guild.
CREATE INDEX ratings_message ON ratings (message_id);
