-- Which shows and episodes each data version changed, so a process holding the catalogue in
-- memory reloads those alone instead of everything: one row per (kind, id), the version of
-- its latest change (a later change overwrites it, so the table never outgrows the data). A
-- process that holds version N reads `WHERE kind = ? AND version > N`.
--   recaps: show ids (a recap, episode, show or alias of the show changed)
--   votes:  episode ids (a vote on the episode changed)
-- The triggers that bump the versions now note the ids too, after the bump in the same
-- trigger, so the noted version is the bumped one. An update notes the row's old and new id.
CREATE TABLE data_changes (
    kind     TEXT   NOT NULL,
    id       BIGINT NOT NULL,
    version  BIGINT NOT NULL,
    PRIMARY KEY (kind, id)
);
CREATE INDEX data_changes_since ON data_changes (kind, version);

DROP TRIGGER ratings_insert_version;
CREATE TRIGGER ratings_insert_version AFTER INSERT ON ratings
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'votes';
    INSERT INTO data_changes (kind, id, version) SELECT 'votes', NEW.episode_id, version FROM data_versions WHERE name = 'votes'
        ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version;
END;

DROP TRIGGER ratings_update_version;
CREATE TRIGGER ratings_update_version AFTER UPDATE ON ratings
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'votes';
    INSERT INTO data_changes (kind, id, version) SELECT 'votes', OLD.episode_id, version FROM data_versions WHERE name = 'votes'
        ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version;
    INSERT INTO data_changes (kind, id, version) SELECT 'votes', NEW.episode_id, version FROM data_versions WHERE name = 'votes'
        ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version;
END;

DROP TRIGGER ratings_delete_version;
CREATE TRIGGER ratings_delete_version AFTER DELETE ON ratings
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'votes';
    INSERT INTO data_changes (kind, id, version) SELECT 'votes', OLD.episode_id, version FROM data_versions WHERE name = 'votes'
        ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version;
END;

DROP TRIGGER recaps_insert_version;
CREATE TRIGGER recaps_insert_version AFTER INSERT ON recaps
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'recaps';
    INSERT INTO data_changes (kind, id, version) SELECT 'recaps', e.show_id, v.version FROM episodes e, data_versions v WHERE e.id = NEW.episode_id AND v.name = 'recaps'
        ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version;
END;

DROP TRIGGER recaps_update_version;
CREATE TRIGGER recaps_update_version AFTER UPDATE ON recaps
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'recaps';
    INSERT INTO data_changes (kind, id, version) SELECT 'recaps', e.show_id, v.version FROM episodes e, data_versions v WHERE e.id = OLD.episode_id AND v.name = 'recaps'
        ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version;
    INSERT INTO data_changes (kind, id, version) SELECT 'recaps', e.show_id, v.version FROM episodes e, data_versions v WHERE e.id = NEW.episode_id AND v.name = 'recaps'
        ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version;
END;

DROP TRIGGER recaps_delete_version;
CREATE TRIGGER recaps_delete_version AFTER DELETE ON recaps
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'recaps';
    INSERT INTO data_changes (kind, id, version) SELECT 'recaps', e.show_id, v.version FROM episodes e, data_versions v WHERE e.id = OLD.episode_id AND v.name = 'recaps'
        ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version;
END;

DROP TRIGGER episodes_insert_version;
CREATE TRIGGER episodes_insert_version AFTER INSERT ON episodes
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'recaps';
    INSERT INTO data_changes (kind, id, version) SELECT 'recaps', NEW.show_id, version FROM data_versions WHERE name = 'recaps'
        ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version;
END;

DROP TRIGGER episodes_update_version;
CREATE TRIGGER episodes_update_version AFTER UPDATE ON episodes
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'recaps';
    INSERT INTO data_changes (kind, id, version) SELECT 'recaps', OLD.show_id, version FROM data_versions WHERE name = 'recaps'
        ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version;
    INSERT INTO data_changes (kind, id, version) SELECT 'recaps', NEW.show_id, version FROM data_versions WHERE name = 'recaps'
        ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version;
END;

DROP TRIGGER episodes_delete_version;
CREATE TRIGGER episodes_delete_version AFTER DELETE ON episodes
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'recaps';
    INSERT INTO data_changes (kind, id, version) SELECT 'recaps', OLD.show_id, version FROM data_versions WHERE name = 'recaps'
        ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version;
END;

DROP TRIGGER shows_insert_version;
CREATE TRIGGER shows_insert_version AFTER INSERT ON shows
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'recaps';
    INSERT INTO data_changes (kind, id, version) SELECT 'recaps', NEW.id, version FROM data_versions WHERE name = 'recaps'
        ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version;
END;

DROP TRIGGER shows_update_version;
CREATE TRIGGER shows_update_version AFTER UPDATE ON shows
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'recaps';
    INSERT INTO data_changes (kind, id, version) SELECT 'recaps', OLD.id, version FROM data_versions WHERE name = 'recaps'
        ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version;
    INSERT INTO data_changes (kind, id, version) SELECT 'recaps', NEW.id, version FROM data_versions WHERE name = 'recaps'
        ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version;
END;

DROP TRIGGER shows_delete_version;
CREATE TRIGGER shows_delete_version AFTER DELETE ON shows
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'recaps';
    INSERT INTO data_changes (kind, id, version) SELECT 'recaps', OLD.id, version FROM data_versions WHERE name = 'recaps'
        ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version;
END;

DROP TRIGGER show_aliases_insert_version;
CREATE TRIGGER show_aliases_insert_version AFTER INSERT ON show_aliases
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'recaps';
    INSERT INTO data_changes (kind, id, version) SELECT 'recaps', NEW.show_id, version FROM data_versions WHERE name = 'recaps'
        ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version;
END;

DROP TRIGGER show_aliases_update_version;
CREATE TRIGGER show_aliases_update_version AFTER UPDATE ON show_aliases
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'recaps';
    INSERT INTO data_changes (kind, id, version) SELECT 'recaps', OLD.show_id, version FROM data_versions WHERE name = 'recaps'
        ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version;
    INSERT INTO data_changes (kind, id, version) SELECT 'recaps', NEW.show_id, version FROM data_versions WHERE name = 'recaps'
        ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version;
END;

DROP TRIGGER show_aliases_delete_version;
CREATE TRIGGER show_aliases_delete_version AFTER DELETE ON show_aliases
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'recaps';
    INSERT INTO data_changes (kind, id, version) SELECT 'recaps', OLD.show_id, version FROM data_versions WHERE name = 'recaps'
        ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version;
END;
