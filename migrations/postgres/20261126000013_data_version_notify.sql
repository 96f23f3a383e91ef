-- Processes sharing the database learn of a change when it commits instead of asking before
-- every /recap: each bump also notifies 'recapbot_data_versions' with "kind version" (sent
-- at commit, never for a rolled-back change). The version in the payload keeps the
-- notifications and an explicit reading of data_versions comparable.
CREATE OR REPLACE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bumped BIGINT;
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = TG_ARGV[0]
        RETURNING version INTO bumped;
    PERFORM pg_notify('recapbot_data_versions', TG_ARGV[0] || ' ' || bumped);
    RETURN NULL;
END
$$;
