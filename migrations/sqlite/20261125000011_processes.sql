-- Bot processes alive now: each beats every few seconds, and the global request budget
-- Discord gives the bot is split among the processes that beat recently.
CREATE TABLE processes (
    id           TEXT   NOT NULL PRIMARY KEY,
    shards       TEXT   NOT NULL,
    heartbeat_at BIGINT NOT NULL
);
