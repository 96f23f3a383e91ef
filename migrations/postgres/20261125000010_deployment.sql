-- What several bot processes sharing one database agree on.
-- A lease: one holder at a time until `until_at` (unix seconds); a holder that dies simply
-- lets it run out. Used for start-up work one process does for all (registering commands,
-- each identify bucket's session starts).
CREATE TABLE leases (
    name     TEXT   NOT NULL PRIMARY KEY,
    holder   TEXT   NOT NULL,
    until_at BIGINT NOT NULL
);

-- Facts about the deployment as a whole, such as the hash of the slash commands last
-- registered with Discord, so that only a process bringing new commands registers them.
CREATE TABLE deployment (
    name  TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
);
