-- What /recap's in-process cache holds is valid while these versions stand: every change to
-- the recaps, the votes or the settings bumps one in the same transaction (by trigger, so no
-- writer can forget), and each process compares them before it answers from memory.
CREATE TABLE data_versions (
    name     TEXT   PRIMARY KEY,
    version  BIGINT NOT NULL DEFAULT 0
);
INSERT INTO data_versions (name) VALUES ('recaps'), ('votes'), ('settings');
CREATE TRIGGER ratings_insert_version AFTER INSERT ON ratings
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'votes'; END;
CREATE TRIGGER ratings_update_version AFTER UPDATE ON ratings
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'votes'; END;
CREATE TRIGGER ratings_delete_version AFTER DELETE ON ratings
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'votes'; END;
CREATE TRIGGER recaps_insert_version AFTER INSERT ON recaps
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'recaps'; END;
CREATE TRIGGER recaps_update_version AFTER UPDATE ON recaps
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'recaps'; END;
CREATE TRIGGER recaps_delete_version AFTER DELETE ON recaps
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'recaps'; END;
CREATE TRIGGER episodes_insert_version AFTER INSERT ON episodes
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'recaps'; END;
CREATE TRIGGER episodes_update_version AFTER UPDATE ON episodes
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'recaps'; END;
CREATE TRIGGER episodes_delete_version AFTER DELETE ON episodes
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'recaps'; END;
CREATE TRIGGER shows_insert_version AFTER INSERT ON shows
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'recaps'; END;
CREATE TRIGGER shows_update_version AFTER UPDATE ON shows
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'recaps'; END;
CREATE TRIGGER shows_delete_version AFTER DELETE ON shows
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'recaps'; END;
CREATE TRIGGER show_aliases_insert_version AFTER INSERT ON show_aliases
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'recaps'; END;
CREATE TRIGGER show_aliases_update_version AFTER UPDATE ON show_aliases
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'recaps'; END;
CREATE TRIGGER show_aliases_delete_version AFTER DELETE ON show_aliases
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'recaps'; END;
CREATE TRIGGER guild_settings_insert_version AFTER INSERT ON guild_settings
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'settings'; END;
CREATE TRIGGER guild_settings_update_version AFTER UPDATE ON guild_settings
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'settings'; END;
CREATE TRIGGER guild_settings_delete_version AFTER DELETE ON guild_settings
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'settings'; END;
CREATE TRIGGER watch_progress_insert_version AFTER INSERT ON watch_progress
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'settings'; END;
CREATE TRIGGER watch_progress_update_version AFTER UPDATE ON watch_progress
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'settings'; END;
CREATE TRIGGER watch_progress_delete_version AFTER DELETE ON watch_progress
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'settings'; END;
