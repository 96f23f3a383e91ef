-- Which shows and episodes each data version changed: see the SQLite migration of the same
-- number. Here the versions are bumped once per statement (bump_data_version), so each table
-- gets one more statement trigger per event that reads the statement's rows (a transition
-- table) and notes their ids with the version the bump just set. Triggers of one event fire
-- in name order: '<table>_version' (the bump) before '<table>_version_noted_*'. One function
-- per way of finding the id, in static SQL, so each session plans it once.
CREATE TABLE data_changes (
    kind     TEXT   NOT NULL,
    id       BIGINT NOT NULL,
    version  BIGINT NOT NULL,
    PRIMARY KEY (kind, id)
);
CREATE INDEX data_changes_since ON data_changes (kind, version);

CREATE FUNCTION note_episode_votes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO data_changes (kind, id, version)
    SELECT 'votes', ids.id, (SELECT version FROM data_versions WHERE name = 'votes')
    FROM (SELECT DISTINCT episode_id FROM changed_rows) AS ids (id)
    WHERE ids.id IS NOT NULL
    ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version;
    RETURN NULL;
END
$$;

CREATE FUNCTION note_show_of_episode() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO data_changes (kind, id, version)
    SELECT 'recaps', ids.id, (SELECT version FROM data_versions WHERE name = 'recaps')
    FROM (SELECT DISTINCT e.show_id FROM changed_rows c JOIN episodes e ON e.id = c.episode_id) AS ids (id)
    WHERE ids.id IS NOT NULL
    ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version;
    RETURN NULL;
END
$$;

CREATE FUNCTION note_show_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO data_changes (kind, id, version)
    SELECT 'recaps', ids.id, (SELECT version FROM data_versions WHERE name = 'recaps')
    FROM (SELECT DISTINCT show_id FROM changed_rows) AS ids (id)
    WHERE ids.id IS NOT NULL
    ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version;
    RETURN NULL;
END
$$;

CREATE FUNCTION note_show() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO data_changes (kind, id, version)
    SELECT 'recaps', ids.id, (SELECT version FROM data_versions WHERE name = 'recaps')
    FROM (SELECT DISTINCT id FROM changed_rows) AS ids (id)
    WHERE ids.id IS NOT NULL
    ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version;
    RETURN NULL;
END
$$;

CREATE TRIGGER ratings_version_noted_insert AFTER INSERT ON ratings
    REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_episode_votes();
CREATE TRIGGER ratings_version_noted_update_old AFTER UPDATE ON ratings
    REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_episode_votes();
CREATE TRIGGER ratings_version_noted_update_new AFTER UPDATE ON ratings
    REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_episode_votes();
CREATE TRIGGER ratings_version_noted_delete AFTER DELETE ON ratings
    REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_episode_votes();
CREATE TRIGGER recaps_version_noted_insert AFTER INSERT ON recaps
    REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_show_of_episode();
CREATE TRIGGER recaps_version_noted_update_old AFTER UPDATE ON recaps
    REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_show_of_episode();
CREATE TRIGGER recaps_version_noted_update_new AFTER UPDATE ON recaps
    REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_show_of_episode();
CREATE TRIGGER recaps_version_noted_delete AFTER DELETE ON recaps
    REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_show_of_episode();
CREATE TRIGGER episodes_version_noted_insert AFTER INSERT ON episodes
    REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_show_id();
CREATE TRIGGER episodes_version_noted_update_old AFTER UPDATE ON episodes
    REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_show_id();
CREATE TRIGGER episodes_version_noted_update_new AFTER UPDATE ON episodes
    REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_show_id();
CREATE TRIGGER episodes_version_noted_delete AFTER DELETE ON episodes
    REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_show_id();
CREATE TRIGGER shows_version_noted_insert AFTER INSERT ON shows
    REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_show();
CREATE TRIGGER shows_version_noted_update_old AFTER UPDATE ON shows
    REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_show();
CREATE TRIGGER shows_version_noted_update_new AFTER UPDATE ON shows
    REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_show();
CREATE TRIGGER shows_version_noted_delete AFTER DELETE ON shows
    REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_show();
CREATE TRIGGER show_aliases_version_noted_insert AFTER INSERT ON show_aliases
    REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_show_id();
CREATE TRIGGER show_aliases_version_noted_update_old AFTER UPDATE ON show_aliases
    REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_show_id();
CREATE TRIGGER show_aliases_version_noted_update_new AFTER UPDATE ON show_aliases
    REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_show_id();
CREATE TRIGGER show_aliases_version_noted_delete AFTER DELETE ON show_aliases
    REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_show_id();
