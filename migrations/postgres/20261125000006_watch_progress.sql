-- Where a member is in a show, per server and private to them: /recap of a later episode
-- asks before showing it. (season, episode) is the last episode they have watched.
CREATE TABLE watch_progress (
    guild_id    BIGINT  NOT NULL,
    user_id     BIGINT  NOT NULL,
    show_id     BIGINT  NOT NULL REFERENCES shows (id) ON DELETE CASCADE,
    season      BIGINT  NOT NULL,
    episode     BIGINT  NOT NULL,
    updated_at  BIGINT  NOT NULL,
    PRIMARY KEY (guild_id, user_id, show_id)
);
