//! What `/recap` reads (the recap, the show's episode list, the scores, the server's spoiler
//! setting, which shows a server sees, how far the member has watched), held in memory while the database's data versions
//! stand.
//!
//! Every change to recaps, votes or settings bumps its version in `data_versions` in the
//! same transaction, by trigger (migration 0012), whichever process makes it. A request reads
//! the versions first (one small query) and answers from memory only what was cached under
//! those very versions; anything read after that is at least as new as them, so a vote or a
//! re-imported recap is in the very next `/recap`, in this process or any other sharing the
//! database.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Mutex;

use super::watching::Progress;
use super::{Result, Store};
use crate::ids::{GuildId, UserId};
use crate::recap::render::Scores;
use crate::recap::{EpisodeId, EpisodeNumber, Recap, ShowId};

/// Entries per kind: past this a kind starts over, so memory stays bounded by what members
/// actually ask for, never by the size of the catalogue.
const MAX_ENTRIES: usize = 20_000;

/// The data versions, one per kind of change.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Versions {
    recaps: i64,
    votes: i64,
    settings: i64,
}

impl Versions {
    fn at_least(&self, other: &Versions) -> bool {
        self.recaps >= other.recaps && self.votes >= other.votes && self.settings >= other.settings
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum RecapKey {
    Episode(ShowId, u32, u32, Option<GuildId>),
    Latest(ShowId, Option<GuildId>),
}

#[derive(Default)]
struct State {
    versions: Option<Versions>,
    episodes: HashMap<(ShowId, Option<GuildId>), Vec<EpisodeNumber>>,
    recaps: HashMap<RecapKey, Option<Recap>>,
    visible: HashMap<(ShowId, GuildId), bool>,
    scores: HashMap<(EpisodeId, Option<GuildId>), Scores>,
    spoilers: HashMap<GuildId, bool>,
    progress: HashMap<(GuildId, UserId, ShowId), Option<Progress>>,
}

impl State {
    /// Moves to newer versions, forgetting what they made stale. Older versions (a request
    /// that read them before another one read newer) leave the cache as it is.
    fn observe(&mut self, seen: Versions) {
        let Some(held) = self.versions else {
            self.versions = Some(seen);
            return;
        };
        if held == seen || !seen.at_least(&held) {
            return;
        }
        if seen.recaps != held.recaps {
            self.episodes.clear();
            self.recaps.clear();
            self.visible.clear();
        }
        if seen.votes != held.votes {
            self.scores.clear();
        }
        if seen.settings != held.settings {
            self.spoilers.clear();
            self.progress.clear();
        }
        self.versions = Some(seen);
    }
}

fn insert<K: Eq + Hash, V>(map: &mut HashMap<K, V>, key: K, value: V) {
    if map.len() >= MAX_ENTRIES {
        map.clear();
    }
    map.insert(key, value);
}

#[derive(Default)]
pub(crate) struct ViewCache {
    state: Mutex<State>,
}

/// The store as of the data versions read when this was made: reads answer from memory what
/// was cached under the same versions, and the rest from the database.
pub struct Cached<'a> {
    store: &'a Store,
    versions: Versions,
}

impl Store {
    /// Reads the data versions (one query) for the cached reads that follow.
    pub async fn cached(&self) -> Result<Cached<'_>> {
        let rows: Vec<(String, i64)> = sqlx::query_as("SELECT name, version FROM data_versions")
            .fetch_all(self.pool())
            .await?;
        let mut versions = Versions::default();
        for (name, version) in rows {
            match name.as_str() {
                "recaps" => versions.recaps = version,
                "votes" => versions.votes = version,
                "settings" => versions.settings = version,
                _ => {}
            }
        }
        self.views.state.lock().expect("view cache").observe(versions);
        Ok(Cached { store: self, versions })
    }
}

impl Cached<'_> {
    fn get<T>(&self, read: impl FnOnce(&State) -> Option<T>) -> Option<T> {
        let state = self.store.views.state.lock().expect("view cache");
        if state.versions == Some(self.versions) {
            read(&state)
        } else {
            None
        }
    }

    fn put(&self, write: impl FnOnce(&mut State)) {
        let mut state = self.store.views.state.lock().expect("view cache");
        if state.versions == Some(self.versions) {
            write(&mut state);
        }
    }

    /// See [`Store::episodes_with_recaps`].
    pub async fn episodes_with_recaps(
        &self,
        show: ShowId,
        viewer: Option<GuildId>,
    ) -> Result<Vec<EpisodeNumber>> {
        let key = (show, viewer);
        if let Some(hit) = self.get(|s| s.episodes.get(&key).cloned()) {
            return Ok(hit);
        }
        let episodes = self.store.episodes_with_recaps(show, viewer).await?;
        self.put(|s| insert(&mut s.episodes, key, episodes.clone()));
        Ok(episodes)
    }

    /// See [`Store::recap`].
    pub async fn recap(
        &self,
        show: ShowId,
        season: u32,
        episode: u32,
        viewer: Option<GuildId>,
    ) -> Result<Option<Recap>> {
        let key = RecapKey::Episode(show, season, episode, viewer);
        if let Some(hit) = self.get(|s| s.recaps.get(&key).cloned()) {
            return Ok(hit);
        }
        let recap = self.store.recap(show, season, episode, viewer).await?;
        self.put(|s| insert(&mut s.recaps, key, recap.clone()));
        Ok(recap)
    }

    /// See [`Store::latest_recap`].
    pub async fn latest_recap(
        &self,
        show: ShowId,
        viewer: Option<GuildId>,
    ) -> Result<Option<Recap>> {
        let key = RecapKey::Latest(show, viewer);
        if let Some(hit) = self.get(|s| s.recaps.get(&key).cloned()) {
            return Ok(hit);
        }
        let recap = self.store.latest_recap(show, viewer).await?;
        self.put(|s| insert(&mut s.recaps, key, recap.clone()));
        Ok(recap)
    }

    /// See [`Store::scores`].
    pub async fn scores(&self, episode: EpisodeId, guild: Option<GuildId>) -> Result<Scores> {
        let key = (episode, guild);
        if let Some(hit) = self.get(|s| s.scores.get(&key).copied()) {
            return Ok(hit);
        }
        let scores = self.store.scores(episode, guild).await?;
        self.put(|s| insert(&mut s.scores, key, scores));
        Ok(scores)
    }

    /// See [`Store::guild_spoilers`].
    pub async fn guild_spoilers(&self, guild: GuildId) -> Result<bool> {
        if let Some(hit) = self.get(|s| s.spoilers.get(&guild).copied()) {
            return Ok(hit);
        }
        let spoilers = self.store.guild_spoilers(guild).await?;
        self.put(|s| insert(&mut s.spoilers, guild, spoilers));
        Ok(spoilers)
    }

    /// See [`Store::progress`].
    pub async fn progress(
        &self,
        (guild, user): (GuildId, UserId),
        show: ShowId,
    ) -> Result<Option<Progress>> {
        let key = (guild, user, show);
        if let Some(hit) = self.get(|s| s.progress.get(&key).copied()) {
            return Ok(hit);
        }
        let progress = self.store.progress((guild, user), show).await?;
        self.put(|s| insert(&mut s.progress, key, progress));
        Ok(progress)
    }

    /// See [`Store::shows_visible_to`].
    pub async fn shows_visible_to(&self, shows: &[ShowId], viewer: GuildId) -> Result<Vec<ShowId>> {
        let known: Option<Vec<ShowId>> = self.get(|s| {
            let mut visible = Vec::new();
            for show in shows {
                if *s.visible.get(&(*show, viewer))? {
                    visible.push(*show);
                }
            }
            Some(visible)
        });
        if let Some(visible) = known {
            return Ok(visible);
        }
        let visible = self.store.shows_visible_to(shows, viewer).await?;
        self.put(|s| {
            for show in shows {
                insert(&mut s.visible, (*show, viewer), visible.contains(show));
            }
        });
        Ok(visible)
    }
}
