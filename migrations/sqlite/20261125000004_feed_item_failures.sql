-- A feed item that could not be read (its page never answered, its content is broken) is
-- retried with back-off instead of on every poll, and given up after a few tries; one row
-- per item still failing. A given-up item is also marked seen in feed_items.
CREATE TABLE feed_item_failures (
    feed_id     BIGINT  NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    guid        TEXT    NOT NULL,
    title       TEXT    NOT NULL,
    attempts    BIGINT  NOT NULL,
    last_error  TEXT    NOT NULL,
    next_try_at BIGINT  NOT NULL,
    given_up    BIGINT  NOT NULL DEFAULT 0,
    PRIMARY KEY (feed_id, guid)
);

-- What the last poll did, as the admin reads it ("12 items: 3 new recaps stored, 8 not
-- recaps (news, lists…), 1 failed: …"), and whether it left work undone.
ALTER TABLE feeds ADD COLUMN last_report TEXT;
ALTER TABLE feeds ADD COLUMN last_poll_partial BIGINT NOT NULL DEFAULT 0;
