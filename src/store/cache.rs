//! What `/recap` reads (the recap, the show's episode list, the scores, the server's spoiler
//! setting, which shows a server sees, how far the member has watched), held in memory while the database's data versions
//! stand.
//!
//! Every change to recaps, votes or settings bumps its version in `data_versions` in the
//! same transaction, by trigger (migration 0012), whichever process makes it. Memory answers
//! only what was cached under the versions a request starts from; anything read after that
//! is at least as new as them.
//!
//! How a request learns the versions: on PostgreSQL, a listener connection follows the
//! notification each bump sends at commit (migration 13), so a request asks nothing while it
//! is connected; a commit of this process makes the next request read them once (its own
//! notification may still be on the way). While the listener is down, and until it has
//! listened again and read the versions afresh, every request reads them (one small query),
//! so a change made during a gap is never missed. On SQLite (no notifications; other
//! processes, such as `recapbot import`, may share the file) a request reads them only when
//! SQLite's data version says some connection committed since they were last read.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::atomic::{AtomicU64, AtomicU8, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock, Weak};
use std::time::Duration;

use super::catalogue::Catalogue;
use super::data_version::DataVersion;
use super::recaps::RecapInView;
use super::watching::Progress;
use super::{Backend, Result, Store};
use crate::ids::{GuildId, UserId};
use crate::recap::render::Scores;
use crate::recap::{EpisodeId, EpisodeNumber, Recap, ShowId};

/// Entries per kind: past this a kind starts over, so memory stays bounded by what members
/// actually ask for, never by the size of the catalogue.
const MAX_ENTRIES: usize = 20_000;

/// The channel `bump_data_version()` notifies, with "kind version".
const CHANNEL: &str = "recapbot_data_versions";

/// The listener connection's `application_name`, as `pg_stat_activity` shows it.
pub const LISTENER_NAME: &str = "recapbot data versions";

/// Silence on the listener connection after which it is asked for the versions: a connection
/// that died without a word (a host gone, a cable pulled) is found within this and
/// [`ANSWER`], not at TCP's leisure.
const SILENCE: Duration = Duration::from_secs(5);

/// How long the listener's connection may take to answer before it counts as gone.
const ANSWER: Duration = Duration::from_secs(2);

/// Waits between attempts to listen again, doubling from the first to the last.
const RETRY_FIRST: Duration = Duration::from_millis(100);
const RETRY_LAST: Duration = Duration::from_secs(30);

/// The data versions, one per kind of change.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Versions {
    recaps: i64,
    votes: i64,
    settings: i64,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum RecapKey {
    Episode(ShowId, u32, u32, Option<GuildId>),
    Latest(ShowId, Option<GuildId>),
}

#[derive(Default)]
struct State {
    versions: Option<Versions>,
    /// The listener is connected and has read the versions since it last listened: the held
    /// versions are current but for this process's own commits since `writes_seen`.
    live: bool,
    /// [`ViewCache::writes`] as of the last reading of the versions.
    writes_seen: u64,
    /// SQLite's data version (see [`DataVersion`]) as of the last reading of the versions.
    data_version_seen: Option<i64>,
    episodes: HashMap<(ShowId, Option<GuildId>), Vec<EpisodeNumber>>,
    recaps: HashMap<RecapKey, Option<Arc<Recap>>>,
    visible: HashMap<(ShowId, GuildId), bool>,
    scores: HashMap<(EpisodeId, Option<GuildId>), Scores>,
    spoilers: HashMap<GuildId, bool>,
    progress: HashMap<(GuildId, UserId, ShowId), Option<Progress>>,
    /// Every show a member has marked watched, in one server.
    members: HashMap<(GuildId, UserId), Arc<HashMap<ShowId, Progress>>>,
    /// Every recap and tally, once loaded (see [`Store::hold_catalogue`]).
    catalogue: Option<Catalogue>,
}

impl State {
    /// Moves each kind to a newer version, forgetting what that made stale. An older version
    /// (a request that read them before another one read newer, a notification overtaken by
    /// a reading) leaves its kind as it is.
    fn observe(&mut self, seen: Versions) {
        let Some(held) = self.versions.as_mut() else {
            self.versions = Some(seen);
            return;
        };
        if seen.recaps > held.recaps {
            held.recaps = seen.recaps;
            self.episodes.clear();
            self.recaps.clear();
            self.visible.clear();
        }
        if seen.votes > held.votes {
            held.votes = seen.votes;
            self.scores.clear();
        }
        if seen.settings > held.settings {
            held.settings = seen.settings;
            self.spoilers.clear();
            self.progress.clear();
            self.members.clear();
        }
    }

    /// Whether the catalogue is older than the versions held: a refresh is due.
    fn catalogue_behind(&self) -> bool {
        match (&self.catalogue, self.versions) {
            (Some(c), Some(v)) => c.recaps_as_of < v.recaps || c.votes_as_of < v.votes,
            _ => false,
        }
    }

    /// The catalogue when it holds every change up to `versions` (of recaps; and of votes,
    /// for the second value).
    fn catalogue_for(&self, versions: Versions) -> Option<(&Catalogue, bool)> {
        let catalogue = self.catalogue.as_ref()?;
        (catalogue.recaps_as_of >= versions.recaps)
            .then_some((catalogue, catalogue.votes_as_of >= versions.votes))
    }

    /// A notification's "kind version".
    fn notified(&mut self, payload: &str) {
        let Some((kind, version)) = payload.split_once(' ') else { return };
        let Ok(version) = version.parse::<i64>() else { return };
        let Some(mut seen) = self.versions else { return };
        match kind {
            "recaps" => seen.recaps = version,
            "votes" => seen.votes = version,
            "settings" => seen.settings = version,
            _ => return,
        }
        self.observe(seen);
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
    /// Write transactions this process committed.
    writes: AtomicU64,
    /// The PostgreSQL listener's task, once started.
    listener: Mutex<Option<tokio::task::AbortHandle>>,
    /// SQLite's data version, once asked for (`None` inside: not a file SQLite can open).
    data_version: OnceLock<Option<Mutex<DataVersion>>>,
    /// Wakes the catalogue's refresher: the versions moved past it.
    refresh: tokio::sync::Notify,
    /// The refresher's task, while a catalogue is held.
    refresher: Mutex<Option<tokio::task::AbortHandle>>,
    /// The catalogue's byte budget, once asked to hold one.
    budget: AtomicUsize,
    /// Where the catalogue is: see [`CatalogueState`].
    catalogue_state: AtomicU8,
}

/// Whether every recap is held in memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum CatalogueState {
    /// Not asked for (tests of the store alone, the CLI).
    Off = 0,
    Loading = 1,
    Held = 2,
    /// Larger than its budget, or unreadable: /recap reads the database instead.
    NotHeld = 3,
}

impl CatalogueState {
    fn from_u8(value: u8) -> Self {
        match value {
            1 => CatalogueState::Loading,
            2 => CatalogueState::Held,
            3 => CatalogueState::NotHeld,
            _ => CatalogueState::Off,
        }
    }
}

impl ViewCache {
    /// After a commit of this process: the next request reads the versions.
    pub(crate) fn committed(&self) {
        self.writes.fetch_add(1, Ordering::SeqCst);
    }

    /// Stops the listener and the refresher (the store is closing).
    pub(crate) fn stop(&self) {
        if let Some(task) = self.listener.lock().expect("view cache listener").take() {
            task.abort();
        }
        if let Some(task) = self.refresher.lock().expect("catalogue refresher").take() {
            task.abort();
        }
        self.state.lock().expect("view cache").live = false;
    }

    fn lose(&self) {
        self.state.lock().expect("view cache").live = false;
    }

    /// Applies versions read or notified, and wakes the refresher if the catalogue is now
    /// behind them.
    fn observe(&self, apply: impl FnOnce(&mut State)) {
        let behind = {
            let mut state = self.state.lock().expect("view cache");
            apply(&mut state);
            state.catalogue_behind()
        };
        if behind {
            self.refresh.notify_one();
        }
    }
}

impl Drop for ViewCache {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The store as of the data versions read when this was made: reads answer from memory what
/// was cached under the same versions, and the rest from the database.
pub struct Cached<'a> {
    store: &'a Store,
    versions: Versions,
}

impl Store {
    /// The data versions for the cached reads that follow: held in memory while the listener
    /// follows them, else read (one query).
    pub async fn cached(&self) -> Result<Cached<'_>> {
        let writes = self.views.writes.load(Ordering::SeqCst);
        let data_version = self.data_version();
        {
            let state = self.views.state.lock().expect("view cache");
            let unchanged =
                state.live || (data_version.is_some() && state.data_version_seen == data_version);
            match state.versions {
                Some(versions) if unchanged && state.writes_seen == writes => {
                    return Ok(Cached { store: self, versions });
                }
                _ => {}
            }
        }
        if self.backend == Backend::Postgres {
            self.follow_versions();
        }
        let versions = read_versions(self.pool()).await?;
        self.views.observe(|state| {
            state.observe(versions);
            state.writes_seen = state.writes_seen.max(writes);
            // Read before the versions: a commit in between shows as a change next time.
            state.data_version_seen = data_version;
        });
        Ok(Cached { store: self, versions })
    }

    /// SQLite's data version (no query through the pool); `None` on PostgreSQL, for an
    /// in-memory database, or when SQLite cannot say.
    fn data_version(&self) -> Option<i64> {
        let file = self.sqlite_file.as_deref()?;
        let connection =
            self.views.data_version.get_or_init(|| DataVersion::open(file).map(Mutex::new));
        connection.as_ref()?.lock().expect("data version").read()
    }

    /// Starts the listener that follows the versions' notifications, once.
    fn follow_versions(&self) {
        let Some(url) = self.postgres_url.clone() else { return };
        if self.pool().is_closed() {
            return;
        }
        let mut listener = self.views.listener.lock().expect("view cache listener");
        if listener.is_none() {
            let task = tokio::spawn(follow(url, std::sync::Arc::downgrade(&self.views)));
            *listener = Some(task.abort_handle());
        }
    }
}

impl Store {
    /// Loads every recap and tally into memory, if they fit in `budget` bytes, and keeps them
    /// current from then on (a background refresher reloads what each new data version
    /// changed). Returns once the catalogue is held or known not to fit; meanwhile, and if it
    /// does not fit, /recap reads the database as before.
    pub async fn hold_catalogue(&self, budget: usize) -> CatalogueState {
        let views = &self.views;
        if views
            .catalogue_state
            .compare_exchange(
                CatalogueState::Off as u8,
                CatalogueState::Loading as u8,
                Ordering::SeqCst,
                Ordering::SeqCst,
            )
            .is_err()
        {
            return self.catalogue_state();
        }
        // A load cut short (its bot stopped) leaves the catalogue to be asked for again.
        struct Unfinished<'a>(&'a AtomicU8);
        impl Drop for Unfinished<'_> {
            fn drop(&mut self) {
                let (loading, off) = (CatalogueState::Loading as u8, CatalogueState::Off as u8);
                let _ = self.0.compare_exchange(loading, off, Ordering::SeqCst, Ordering::SeqCst);
            }
        }
        let _unfinished = Unfinished(&views.catalogue_state);
        views.budget.store(budget, Ordering::SeqCst);
        let started = std::time::Instant::now();
        let loaded = async {
            let versions = read_versions(self.pool()).await?;
            self.load_catalogue((versions.recaps, versions.votes), budget).await
        }
        .await;
        let held = match loaded {
            Ok(Some(catalogue)) => {
                tracing::info!(
                    recaps = catalogue.recaps(),
                    mib = catalogue.bytes() / (1 << 20),
                    ms = started.elapsed().as_millis() as u64,
                    "every recap is held in memory"
                );
                views.state.lock().expect("view cache").catalogue = Some(catalogue);
                let task = tokio::spawn(refresh_catalogue(self.clone()));
                *views.refresher.lock().expect("catalogue refresher") = Some(task.abort_handle());
                // Whatever changed while it loaded.
                views.refresh.notify_one();
                true
            }
            Ok(None) => {
                tracing::warn!(
                    budget_mib = budget / (1 << 20),
                    "the recaps do not fit in RECAPBOT_CATALOGUE_MB: /recap reads them from the database"
                );
                false
            }
            Err(error) => {
                tracing::warn!(%error, "cannot load the recaps into memory: /recap reads them from the database");
                false
            }
        };
        let state = if held { CatalogueState::Held } else { CatalogueState::NotHeld };
        views.catalogue_state.store(state as u8, Ordering::SeqCst);
        self.catalogue_state()
    }

    pub fn catalogue_state(&self) -> CatalogueState {
        CatalogueState::from_u8(self.views.catalogue_state.load(Ordering::SeqCst))
    }

    /// Brings the catalogue up to the data versions: reloads the shows and the episodes'
    /// tallies changed since it was last brought up, in two queries each.
    async fn catch_up_catalogue(&self) -> Result<()> {
        let Some((recaps_as_of, votes_as_of)) = ({
            let state = self.views.state.lock().expect("view cache");
            state.catalogue.as_ref().map(|c| (c.recaps_as_of, c.votes_as_of))
        }) else {
            return Ok(());
        };
        // Read first: every change up to these is noted by the time they are read, and a
        // later one read below is merely newer than the versions say.
        let versions = read_versions(self.pool()).await?;
        let mut shows = Vec::new();
        let mut recaps = Vec::new();
        if versions.recaps > recaps_as_of {
            shows =
                self.changed_since("recaps", recaps_as_of).await?.into_iter().map(ShowId).collect();
            recaps = self.recaps_of_shows(&shows).await?;
        }
        let mut episodes = Vec::new();
        let mut tallies = Vec::new();
        if versions.votes > votes_as_of {
            episodes = self
                .changed_since("votes", votes_as_of)
                .await?
                .into_iter()
                .map(EpisodeId)
                .collect();
            tallies = self.tallies_of(&episodes).await?;
        }
        let budget = self.views.budget.load(Ordering::SeqCst);
        let mut state = self.views.state.lock().expect("view cache");
        let Some(catalogue) = state.catalogue.as_mut() else { return Ok(()) };
        if versions.recaps > catalogue.recaps_as_of {
            catalogue.replace_shows(&shows, recaps);
            catalogue.recaps_as_of = versions.recaps;
        }
        if versions.votes > catalogue.votes_as_of {
            catalogue.replace_votes(&episodes, tallies);
            catalogue.votes_as_of = versions.votes;
        }
        if catalogue.bytes() > budget {
            tracing::warn!(
                budget_mib = budget / (1 << 20),
                "the recaps outgrew RECAPBOT_CATALOGUE_MB: /recap reads them from the database from now on"
            );
            state.catalogue = None;
            self.views.catalogue_state.store(CatalogueState::NotHeld as u8, Ordering::SeqCst);
        }
        Ok(())
    }
}

/// Keeps the catalogue current for as long as it is held: wakes when the versions move past
/// it and catches up. While it is behind, readers whose versions it does not cover read the
/// database, so a slow or failing refresh costs speed, never a stale answer.
async fn refresh_catalogue(store: Store) {
    let mut retry = RETRY_FIRST;
    loop {
        store.views.refresh.notified().await;
        while let Err(error) = store.catch_up_catalogue().await {
            if store.pool().is_closed() {
                return;
            }
            tracing::warn!(%error, "cannot bring the in-memory recaps up to date; retrying in {} ms", retry.as_millis());
            tokio::time::sleep(retry).await;
            retry = (retry * 2).min(RETRY_LAST);
        }
        retry = RETRY_FIRST;
    }
}

async fn read_versions(pool: &sqlx::AnyPool) -> sqlx::Result<Versions> {
    let rows: Vec<(String, i64)> = sqlx::query_as(VERSIONS).fetch_all(pool).await?;
    Ok(versions_of(rows))
}

/// The same reading on the listener's own connection.
async fn read_versions_listening(
    listener: &mut sqlx::postgres::PgListener,
) -> sqlx::Result<Versions> {
    let rows: Vec<(String, i64)> = sqlx::query_as(VERSIONS).fetch_all(listener).await?;
    Ok(versions_of(rows))
}

const VERSIONS: &str = "SELECT name, version FROM data_versions";

fn versions_of(rows: Vec<(String, i64)>) -> Versions {
    let mut versions = Versions::default();
    for (name, version) in rows {
        match name.as_str() {
            "recaps" => versions.recaps = version,
            "votes" => versions.votes = version,
            "settings" => versions.settings = version,
            _ => {}
        }
    }
    versions
}

/// Follows the versions' notifications for as long as the cache lives: listens, reads the
/// versions (so nothing committed before the listening started is missed), then applies
/// each notification. A lost connection makes requests read the versions again until it
/// has listened and read them afresh.
async fn follow(url: String, views: Weak<ViewCache>) {
    use sqlx::postgres::{PgConnectOptions, PgListener, PgPoolOptions};
    use std::str::FromStr;
    let mut retry = RETRY_FIRST;
    loop {
        let listening = async {
            let options = PgConnectOptions::from_str(&url)?.application_name(LISTENER_NAME);
            let pool = PgPoolOptions::new()
                .max_connections(1)
                .max_lifetime(None)
                .idle_timeout(None)
                .connect_with(options)
                .await?;
            let mut listener = PgListener::connect_with(&pool).await?;
            // A lost connection must say so at once: reconnecting first would keep memory
            // answering, unchecked, for as long as that takes.
            listener.eager_reconnect(false);
            listener.listen(CHANNEL).await?;
            let versions = read_versions_listening(&mut listener).await?;
            Ok::<_, sqlx::Error>((listener, versions))
        };
        let lost = match tokio::time::timeout(RETRY_LAST, listening).await {
            Ok(Ok((mut listener, versions))) => {
                {
                    let Some(views) = views.upgrade() else { return };
                    views.observe(|state| {
                        state.observe(versions);
                        state.live = true;
                    });
                }
                if retry > RETRY_FIRST {
                    tracing::info!("following PostgreSQL's data version notifications again");
                }
                retry = RETRY_FIRST;
                let lost = listen(&mut listener, &views).await;
                let Some(views) = views.upgrade() else { return };
                views.lose();
                lost
            }
            Ok(Err(error)) => error.to_string(),
            Err(_) => format!("no answer within {} s", RETRY_LAST.as_secs()),
        };
        tracing::warn!(
            reason = %lost,
            "cannot follow PostgreSQL's data version notifications; /recap reads the versions on every request meanwhile, retrying in {} ms",
            retry.as_millis()
        );
        tokio::time::sleep(retry).await;
        retry = (retry * 2).min(RETRY_LAST);
    }
}

/// Applies notifications until the connection is lost; why it was.
async fn listen(listener: &mut sqlx::postgres::PgListener, views: &Weak<ViewCache>) -> String {
    loop {
        match tokio::time::timeout(SILENCE, listener.try_recv()).await {
            Ok(Ok(Some(notification))) => {
                let Some(views) = views.upgrade() else { return "closed".into() };
                views.observe(|state| state.notified(notification.payload()));
            }
            Ok(Ok(None)) => return "the connection was lost".into(),
            Ok(Err(error)) => return error.to_string(),
            // Quiet: is the connection still there? (try_recv is cancel-safe.)
            Err(_) => match tokio::time::timeout(ANSWER, read_versions_listening(listener)).await {
                Ok(Ok(versions)) => {
                    let Some(views) = views.upgrade() else { return "closed".into() };
                    views.observe(|state| state.observe(versions));
                }
                Ok(Err(error)) => return error.to_string(),
                Err(_) => return format!("no answer within {} s", ANSWER.as_secs()),
            },
        }
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

    /// Reads memory whatever versions it is at: everything there is at least as new as the
    /// versions this request started from (the held versions only move forward, and each
    /// reader checks the catalogue's own).
    fn peek<T>(&self, read: impl FnOnce(&State) -> Option<T>) -> Option<T> {
        read(&self.store.views.state.lock().expect("view cache"))
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
        Ok(self.episodes_of_shows(&[show], viewer).await?.remove(0))
    }

    /// See [`Store::episodes_of_shows`]: the shows not in memory read in one query, and
    /// remembered as visible to `viewer` or not as well.
    pub async fn episodes_of_shows(
        &self,
        shows: &[ShowId],
        viewer: Option<GuildId>,
    ) -> Result<Vec<Vec<EpisodeNumber>>> {
        let held = self.peek(|s| {
            let (catalogue, _) = s.catalogue_for(self.versions)?;
            Some(shows.iter().map(|show| catalogue.episodes(*show, viewer)).collect())
        });
        if let Some(lists) = held {
            return Ok(lists);
        }
        let mut lists: Vec<Option<Vec<EpisodeNumber>>> = self
            .get(|s| {
                Some(shows.iter().map(|show| s.episodes.get(&(*show, viewer)).cloned()).collect())
            })
            .unwrap_or_else(|| vec![None; shows.len()]);
        let missing: Vec<ShowId> =
            shows.iter().zip(&lists).filter(|(_, l)| l.is_none()).map(|(s, _)| *s).collect();
        if !missing.is_empty() {
            let read = self.store.episodes_of_shows(&missing, viewer).await?;
            self.put(|s| {
                for (show, list) in missing.iter().zip(&read) {
                    insert(&mut s.episodes, (*show, viewer), list.clone());
                    if let Some(viewer) = viewer {
                        insert(&mut s.visible, (*show, viewer), !list.is_empty());
                    }
                }
            });
            let mut read = missing.iter().zip(read);
            for (show, list) in shows.iter().zip(lists.iter_mut()) {
                if list.is_none() {
                    *list = read.find(|(s, _)| *s == show).map(|(_, l)| l);
                }
            }
        }
        Ok(lists.into_iter().map(Option::unwrap_or_default).collect())
    }

    /// See [`Store::recap_in_view`]: from memory when the recap and everything beside it
    /// were cached, else all of it in one query. `member` is in `viewer`'s server.
    pub async fn recap_in_view(
        &self,
        show: ShowId,
        at: Option<(u32, u32)>,
        viewer: Option<GuildId>,
        member: Option<UserId>,
    ) -> Result<Option<RecapInView>> {
        let key = match at {
            Some((season, episode)) => RecapKey::Episode(show, season, episode, viewer),
            None => RecapKey::Latest(show, viewer),
        };
        let held = self.peek(|s| {
            let (catalogue, votes_current) = s.catalogue_for(self.versions)?;
            let recap = catalogue.recap(show, at, viewer);
            let scores = recap
                .as_ref()
                .filter(|_| votes_current)
                .map(|recap| catalogue.scores(recap.episode_id, viewer));
            let spoilers = match viewer {
                Some(guild) => s.spoilers.get(&guild).copied(),
                None => Some(true),
            };
            let progress = match (viewer, member) {
                (Some(guild), Some(user)) => {
                    s.members.get(&(guild, user)).map(|shows| shows.get(&show).copied())
                }
                _ => Some(None),
            };
            Some((recap, scores, spoilers, progress))
        });
        if let Some((recap, scores, spoilers, progress)) = held {
            let Some(recap) = recap else { return Ok(None) };
            let scores = match scores {
                Some(scores) => scores,
                None => self.scores(recap.episode_id, viewer).await?,
            };
            let spoilers = match (spoilers, viewer) {
                (Some(spoilers), _) => spoilers,
                (None, Some(guild)) => self.guild_spoilers(guild).await?,
                (None, None) => true,
            };
            let progress = match (progress, viewer, member) {
                (Some(progress), _, _) => progress,
                (None, Some(guild), Some(user)) => {
                    self.member_progress(guild, user).await?.get(&show).copied()
                }
                _ => None,
            };
            return Ok(Some(RecapInView { recap, scores, spoilers, progress }));
        }
        let known = self.get(|s| {
            let Some(recap) = s.recaps.get(&key)?.clone() else { return Some(None) };
            let scores = *s.scores.get(&(recap.episode_id, viewer))?;
            let spoilers = match viewer {
                Some(guild) => *s.spoilers.get(&guild)?,
                None => true,
            };
            let progress = match (viewer, member) {
                (Some(guild), Some(user)) => *s.progress.get(&(guild, user, show))?,
                _ => None,
            };
            Some(Some(RecapInView { recap, scores, spoilers, progress }))
        });
        if let Some(known) = known {
            return Ok(known);
        }
        let read = self.store.recap_in_view(show, at, viewer, member).await?;
        self.put(|s| {
            let Some(view) = &read else {
                insert(&mut s.recaps, key, None);
                return;
            };
            insert(&mut s.recaps, key, Some(view.recap.clone()));
            insert(&mut s.scores, (view.recap.episode_id, viewer), view.scores);
            if let Some(guild) = viewer {
                insert(&mut s.spoilers, guild, view.spoilers);
                if let Some(user) = member {
                    insert(&mut s.progress, (guild, user, show), view.progress);
                }
            }
        });
        Ok(read)
    }

    /// See [`Store::recap`].
    pub async fn recap(
        &self,
        show: ShowId,
        season: u32,
        episode: u32,
        viewer: Option<GuildId>,
    ) -> Result<Option<Arc<Recap>>> {
        let held = self.peek(|s| {
            let (catalogue, _) = s.catalogue_for(self.versions)?;
            Some(catalogue.recap(show, Some((season, episode)), viewer))
        });
        if let Some(held) = held {
            return Ok(held);
        }
        let key = RecapKey::Episode(show, season, episode, viewer);
        if let Some(hit) = self.get(|s| s.recaps.get(&key).cloned()) {
            return Ok(hit);
        }
        let recap = self.store.recap(show, season, episode, viewer).await?.map(Arc::new);
        self.put(|s| insert(&mut s.recaps, key, recap.clone()));
        Ok(recap)
    }

    /// See [`Store::scores`].
    pub async fn scores(&self, episode: EpisodeId, guild: Option<GuildId>) -> Result<Scores> {
        let held = self.peek(|s| match s.catalogue_for(self.versions)? {
            (catalogue, true) => Some(catalogue.scores(episode, guild)),
            _ => None,
        });
        if let Some(held) = held {
            return Ok(held);
        }
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

    /// Every show `member` has marked watched in `guild`.
    async fn member_progress(
        &self,
        guild: GuildId,
        member: UserId,
    ) -> Result<Arc<HashMap<ShowId, Progress>>> {
        if let Some(hit) = self.get(|s| s.members.get(&(guild, member)).cloned()) {
            return Ok(hit);
        }
        let shows = Arc::new(self.store.progress_of_member(guild, member).await?);
        self.put(|s| insert(&mut s.members, (guild, member), shows.clone()));
        Ok(shows)
    }

    /// See [`Store::shows_visible_to`].
    pub async fn shows_visible_to(&self, shows: &[ShowId], viewer: GuildId) -> Result<Vec<ShowId>> {
        let held = self.peek(|s| {
            let (catalogue, _) = s.catalogue_for(self.versions)?;
            let seen = |show: &&ShowId| catalogue.recap(**show, None, Some(viewer)).is_some();
            Some(shows.iter().filter(seen).copied().collect())
        });
        if let Some(visible) = held {
            return Ok(visible);
        }
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
