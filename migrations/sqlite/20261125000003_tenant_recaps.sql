-- Servers are tenants: a recap a server's admin brought in (/publish, /feeds add) belongs to
-- that server (guild_id); one the operator brought in (import, `feeds add`) has none and is
-- shared. A server's copy of a site's recap keeps the (episode, source) key apart from the
-- shared one through its source key ("site#g<guild>", see store/recaps.rs), so it never
-- overwrites it; SQLite cannot change the table's UNIQUE constraint inside a migration.
ALTER TABLE recaps ADD COLUMN guild_id BIGINT;
