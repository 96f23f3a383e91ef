-- What /recap's in-process cache holds is valid while these versions stand: every change to
-- the recaps, the votes or the settings bumps one in the same transaction (by trigger, so no
-- writer can forget), and each process compares them before it answers from memory.
CREATE TABLE data_versions (
    name     TEXT   PRIMARY KEY,
    version  BIGINT NOT NULL DEFAULT 0
);
INSERT INTO data_versions (name) VALUES ('recaps'), ('votes'), ('settings');
CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = TG_ARGV[0];
    RETURN NULL;
END
$$;
CREATE TRIGGER ratings_version AFTER INSERT OR UPDATE OR DELETE ON ratings
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('votes');
CREATE TRIGGER recaps_version AFTER INSERT OR UPDATE OR DELETE ON recaps
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('recaps');
CREATE TRIGGER episodes_version AFTER INSERT OR UPDATE OR DELETE ON episodes
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('recaps');
CREATE TRIGGER shows_version AFTER INSERT OR UPDATE OR DELETE ON shows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('recaps');
CREATE TRIGGER show_aliases_version AFTER INSERT OR UPDATE OR DELETE ON show_aliases
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('recaps');
CREATE TRIGGER guild_settings_version AFTER INSERT OR UPDATE OR DELETE ON guild_settings
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('settings');
CREATE TRIGGER watch_progress_version AFTER INSERT OR UPDATE OR DELETE ON watch_progress
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('settings');
