-- The channel where /alerts subscribe was run: where the admins are, so a subscription that
-- breaks (deleted channel, lost permission) is reported there once.
ALTER TABLE subscriptions ADD COLUMN made_in BIGINT;
