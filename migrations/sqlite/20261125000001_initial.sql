-- recapbot schema, SQLite flavour. Keep in step with migrations/postgres: same tables,
-- same columns, same natural keys. Times are unix seconds (BIGINT) on both backends.

CREATE TABLE shows (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    -- Folded form (lower case, no accents, no punctuation, no spaces): the natural key,
    -- so "Soundtrack #1" and "soundtrack 1" are one show.
    name_key    TEXT    NOT NULL UNIQUE,
    created_at  BIGINT  NOT NULL
);

CREATE TABLE show_aliases (
    show_id     BIGINT  NOT NULL REFERENCES shows (id) ON DELETE CASCADE,
    alias       TEXT    NOT NULL,
    alias_key   TEXT    NOT NULL UNIQUE
);
CREATE INDEX show_aliases_show ON show_aliases (show_id);

CREATE TABLE episodes (
    id          INTEGER PRIMARY KEY,
    show_id     BIGINT  NOT NULL REFERENCES shows (id) ON DELETE CASCADE,
    season      BIGINT  NOT NULL CHECK (season >= 1),
    number      BIGINT  NOT NULL CHECK (number >= 1),
    -- Set for double episodes ("Episodes 3 & 4"): the last episode the recap covers.
    number_end  BIGINT  CHECK (number_end IS NULL OR number_end > number),
    title       TEXT,
    UNIQUE (show_id, season, number)
);

CREATE TABLE recaps (
    id              INTEGER PRIMARY KEY,
    episode_id      BIGINT  NOT NULL REFERENCES episodes (id) ON DELETE CASCADE,
    -- Host of the recap site ("soapcentral.com"), or "local" for an article imported from a file.
    source_site     TEXT    NOT NULL,
    url             TEXT,
    recap           TEXT    NOT NULL,
    review          TEXT,
    critic_rating   DOUBLE PRECISION,
    critic_rating_out_of DOUBLE PRECISION,
    published_at    BIGINT,
    -- SHA-256 of the parsed fields: an import of an unchanged article writes nothing.
    content_hash    TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL,
    updated_at      BIGINT  NOT NULL,
    UNIQUE (episode_id, source_site)
);
CREATE INDEX recaps_published ON recaps (published_at);

-- Per-server preferences (spoiler markup on by default).
CREATE TABLE guild_settings (
    guild_id    BIGINT  PRIMARY KEY,
    spoilers    BIGINT  NOT NULL DEFAULT 1
);

CREATE TABLE ratings (
    guild_id    BIGINT  NOT NULL,
    user_id     BIGINT  NOT NULL,
    episode_id  BIGINT  NOT NULL REFERENCES episodes (id) ON DELETE CASCADE,
    score       BIGINT  NOT NULL CHECK (score BETWEEN 1 AND 5),
    -- The message whose reaction holds the vote, so removing that reaction withdraws it.
    message_id  BIGINT,
    voted_at    BIGINT  NOT NULL,
    PRIMARY KEY (guild_id, user_id, episode_id)
);
CREATE INDEX ratings_episode ON ratings (episode_id);

CREATE TABLE feeds (
    id              INTEGER PRIMARY KEY,
    url             TEXT    NOT NULL UNIQUE,
    show_id         BIGINT  REFERENCES shows (id) ON DELETE SET NULL,
    -- The server whose admin added it; NULL when the operator did.
    guild_id        BIGINT,
    interval_secs   BIGINT,
    etag            TEXT,
    last_modified   TEXT,
    last_polled_at  BIGINT,
    next_poll_at    BIGINT  NOT NULL,
    failures        BIGINT  NOT NULL DEFAULT 0,
    last_error      TEXT,
    backfill        BIGINT  NOT NULL DEFAULT 0,
    first_polled    BIGINT  NOT NULL DEFAULT 0,
    created_at      BIGINT  NOT NULL
);

CREATE TABLE feed_items (
    feed_id     BIGINT  NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    guid        TEXT    NOT NULL,
    episode_id  BIGINT  REFERENCES episodes (id) ON DELETE SET NULL,
    seen_at     BIGINT  NOT NULL,
    PRIMARY KEY (feed_id, guid)
);

CREATE TABLE subscriptions (
    id              INTEGER PRIMARY KEY,
    guild_id        BIGINT  NOT NULL,
    channel_id      BIGINT  NOT NULL,
    -- NULL: every show.
    show_id         BIGINT  REFERENCES shows (id) ON DELETE CASCADE,
    role_id         BIGINT,
    spoilers        BIGINT  NOT NULL DEFAULT 1,
    thread          BIGINT  NOT NULL DEFAULT 0,
    -- Why delivery stopped (deleted channel, missing permission); NULL while healthy.
    broken_reason   TEXT,
    created_at      BIGINT  NOT NULL
);
CREATE UNIQUE INDEX subscriptions_natural ON subscriptions (guild_id, channel_id, COALESCE(show_id, 0));
CREATE INDEX subscriptions_show ON subscriptions (show_id);

-- Bot messages that carry rating reactions: a reaction on one of these is a vote.
CREATE TABLE posts (
    message_id  BIGINT  PRIMARY KEY,
    guild_id    BIGINT  NOT NULL,
    channel_id  BIGINT  NOT NULL,
    episode_id  BIGINT  NOT NULL REFERENCES episodes (id) ON DELETE CASCADE,
    created_at  BIGINT  NOT NULL,
    -- The score text last written into the message, to skip edits that change nothing.
    shown_score TEXT,
    reconciled_at BIGINT,
    gone        BIGINT  NOT NULL DEFAULT 0
);
CREATE INDEX posts_guild_episode ON posts (guild_id, episode_id);
CREATE INDEX posts_created ON posts (created_at);

-- One row per (recap, subscription), written in the transaction that publishes the recap.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    recap_id        BIGINT  NOT NULL REFERENCES recaps (id) ON DELETE CASCADE,
    subscription_id BIGINT  NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    state           TEXT    NOT NULL DEFAULT 'pending',
    nonce           TEXT    NOT NULL UNIQUE,
    attempts        BIGINT  NOT NULL DEFAULT 0,
    lease_until     BIGINT,
    next_attempt_at BIGINT  NOT NULL,
    message_id      BIGINT,
    last_error      TEXT,
    created_at      BIGINT  NOT NULL,
    delivered_at    BIGINT,
    UNIQUE (recap_id, subscription_id)
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
