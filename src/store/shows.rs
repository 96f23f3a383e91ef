//! Shows and their aliases.

use std::sync::Arc;
use std::time::{Duration, Instant};

use sqlx::{AnyConnection, Row};
use tokio::sync::RwLock;

use super::{now, Result, Store};
use crate::recap::lookup::{ShowIndex, ShowMatch, ShowNames, MAX_CHOICES};
use crate::recap::names::{contains_name, fold, fold_words, ARTICLES};
use crate::recap::ShowId;

/// How long a built index is trusted before asking the database whether shows changed
/// (another process, such as `recapbot import` or a second shard, may have added some).
const INDEX_RECHECK: Duration = Duration::from_secs(2);

/// Returns the show stored under `name`'s folded key, else the stored show `name` contains
/// ([`named_within`]), creating one if neither exists; true if created.
pub async fn upsert(conn: &mut AnyConnection, name: &str) -> Result<(ShowId, bool)> {
    let key = fold(name);
    if let Some(id) = id_by_key(conn, &key).await? {
        return Ok((id, false));
    }
    if let Some(id) = named_within(conn, name).await? {
        return Ok((id, false));
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO shows (name, name_key, created_at) VALUES ($1, $2, $3)
         ON CONFLICT (name_key) DO UPDATE SET name_key = excluded.name_key
         RETURNING id",
    )
    .bind(name.trim())
    .bind(&key)
    .bind(now())
    .fetch_one(&mut *conn)
    .await?;
    Ok((ShowId(id), true))
}

/// Like [`upsert`], but a show already stored under one of the page's other names for it wins
/// over creating one; and the operator's pages teach those names as aliases. A server's
/// pages only read them: an alias changes lookups in every server.
pub async fn upsert_known_as(
    conn: &mut AnyConnection,
    name: &str,
    aliases: &[String],
    teach: bool,
) -> Result<(ShowId, bool)> {
    // The name itself first, then the page's other names: each is looked up once.
    let mut known = id_by_key(conn, &fold(name)).await?;
    for alias in aliases {
        if known.is_some() {
            break;
        }
        known = id_by_key(conn, &fold(alias)).await?;
    }
    let (id, mut changed) = match known {
        Some(id) => (id, false),
        None => upsert(conn, name).await?,
    };
    if teach {
        for alias in aliases {
            let key = fold(alias);
            if key.is_empty() || id_by_key(conn, &key).await?.is_some() {
                continue;
            }
            sqlx::query("INSERT INTO show_aliases (show_id, alias, alias_key) VALUES ($1, $2, $3)")
                .bind(id.db())
                .bind(alias.trim())
                .bind(&key)
                .execute(&mut *conn)
                .await?;
            changed = true;
        }
    }
    Ok((id, changed))
}

/// The show a name or alias folds to, if any.
pub async fn id_by_key(conn: &mut AnyConnection, key: &str) -> Result<Option<ShowId>> {
    let id: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM shows WHERE name_key = $1
         UNION ALL SELECT show_id FROM show_aliases WHERE alias_key = $1",
    )
    .bind(key)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(id.map(ShowId))
}

/// The stored show whose name or alias `name` holds, set apart by punctuation
/// ([`contains_name`]), the longest when several do. Sites wrap a show's name in wording no
/// cleaning rule can foresee ("A Good Action Anime Series so Far – That Time I Got
/// Reincarnated as a Slime", "Haburashi/Onna Tomodachi"); once the show is in the store,
/// every recap of it lands there, while a sequel ("Dream High 2") stays its own show.
async fn named_within(conn: &mut AnyConnection, name: &str) -> Result<Option<ShowId>> {
    let keys = held_keys(&fold_words(name));
    if keys.is_empty() {
        return Ok(None);
    }
    let params: Vec<String> = (1..=keys.len()).map(|i| format!("${i}")).collect();
    let params = params.join(", ");
    let sql = format!(
        "SELECT id, name FROM shows WHERE name_key IN ({params})
         UNION ALL
         SELECT show_id, alias FROM show_aliases WHERE alias_key IN ({params})"
    );
    let mut query = sqlx::query_as(&sql);
    for key in &keys {
        query = query.bind(key);
    }
    let candidates: Vec<(i64, String)> = query.fetch_all(&mut *conn).await?;
    let best = candidates
        .into_iter()
        .filter(|(_, stored)| contains_name(name, stored))
        // The longest name first ("Dream High 2" over "Dream High"); the older show on a tie.
        .max_by_key(|(id, stored)| (fold(stored).chars().count(), std::cmp::Reverse(*id)));
    Ok(best.map(|(id, _)| ShowId(id)))
}

/// Every key a stored name or alias could have for a name of these words to hold it
/// ([`contains_name`]): each run of the words, as it is and after a leading article ("The
/// Walking Dead" is held by "… – Walking Dead"). Found through the keys' unique indexes, so
/// an import costs the same with a hundred shows stored or a million, where matching every
/// stored key against the name read them all.
fn held_keys(words: &[String]) -> Vec<String> {
    let mut keys = std::collections::BTreeSet::new();
    for start in 0..words.len() {
        let mut run = String::new();
        for word in &words[start..] {
            run.push_str(word);
            for article in ARTICLES {
                keys.insert(format!("{article}{run}"));
            }
            keys.insert(run.clone());
        }
    }
    keys.into_iter().collect()
}

impl Store {
    /// Adds another name the show is known by ("CLOY", "사랑의 불시착").
    pub async fn add_alias(&self, show: ShowId, alias: &str) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO show_aliases (show_id, alias, alias_key) VALUES ($1, $2, $3)
             ON CONFLICT (alias_key) DO NOTHING",
        )
        .bind(show.db())
        .bind(alias.trim())
        .bind(fold(alias))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        self.shows.invalidate().await;
        Ok(())
    }

    /// The show exactly named (after folding) `name` or aliased so.
    pub async fn find_show(&self, name: &str) -> Result<Option<(ShowId, String)>> {
        let mut conn = self.pool.acquire().await?;
        let Some(id) = id_by_key(&mut conn, &fold(name)).await? else { return Ok(None) };
        let name: String = sqlx::query_scalar("SELECT name FROM shows WHERE id = $1")
            .bind(id.db())
            .fetch_one(&mut *conn)
            .await?;
        Ok(Some((id, name)))
    }

    /// Ranks shows for what a member typed: the autocomplete and "did you mean".
    pub async fn search_shows(&self, query: &str, limit: usize) -> Result<Vec<ShowMatch>> {
        self.shows.search(self, query, limit.min(MAX_CHOICES), true).await
    }

    /// [`Store::search_shows`] without the typo-tolerant matches (see
    /// [`ShowIndex::search_beginnings`]): enough to take a name typed out, and cheaper.
    pub async fn search_show_beginnings(
        &self,
        query: &str,
        limit: usize,
    ) -> Result<Vec<ShowMatch>> {
        self.shows.search(self, query, limit.min(MAX_CHOICES), false).await
    }

    /// Forgets the cached show index, after this process changed shows.
    pub(crate) async fn shows_changed(&self) {
        self.shows.invalidate().await;
    }

    async fn load_show_names(&self) -> Result<Vec<ShowNames>> {
        let rows = sqlx::query(
            "SELECT s.id, s.name, a.alias FROM shows s
             LEFT JOIN show_aliases a ON a.show_id = s.id ORDER BY s.id",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut shows: Vec<ShowNames> = Vec::new();
        for row in rows {
            let id = ShowId(row.try_get("id")?);
            let alias: Option<String> = row.try_get("alias")?;
            if shows.last().map(|s| s.id) != Some(id) {
                shows.push(ShowNames { id, name: row.try_get("name")?, aliases: Vec::new() });
            }
            if let (Some(alias), Some(show)) = (alias, shows.last_mut()) {
                show.aliases.push(alias);
            }
        }
        Ok(shows)
    }

    async fn shows_version(&self) -> Result<(i64, i64, i64)> {
        let row = sqlx::query(
            "SELECT (SELECT COUNT(*) FROM shows) AS n, (SELECT COALESCE(MAX(id), 0) FROM shows) AS max_id,
                    (SELECT COUNT(*) FROM show_aliases) AS aliases",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok((row.try_get("n")?, row.try_get("max_id")?, row.try_get("aliases")?))
    }
}

#[derive(Default)]
pub(crate) struct ShowCache {
    state: RwLock<Option<Cached>>,
}

/// What an index answered to each query asked (a /recap asks by the name the member chose,
/// again and again): a search is half a millisecond, a remembered one is not. It belongs to
/// its index, so a rebuilt index starts with none.
type Searches =
    Arc<std::sync::Mutex<std::collections::HashMap<(String, usize, bool), Vec<ShowMatch>>>>;

/// Searches remembered at most: past this the memo starts over, so memory follows what
/// members ask, not the catalogue.
const MAX_SEARCHES: usize = 10_000;

struct Cached {
    index: Arc<ShowIndex>,
    searches: Searches,
    version: (i64, i64, i64),
    checked: Instant,
}

impl ShowCache {
    pub(crate) async fn get(&self, store: &Store) -> Result<Arc<ShowIndex>> {
        Ok(self.indexed(store).await?.0)
    }

    /// The current index's answer to `query`, remembered with it.
    pub(crate) async fn search(
        &self,
        store: &Store,
        query: &str,
        limit: usize,
        typos: bool,
    ) -> Result<Vec<ShowMatch>> {
        let (index, searches) = self.indexed(store).await?;
        let key = (query.to_string(), limit, typos);
        if let Some(hit) = searches.lock().expect("search memo").get(&key) {
            return Ok(hit.clone());
        }
        let found =
            if typos { index.search(query, limit) } else { index.search_beginnings(query, limit) };
        let mut memo = searches.lock().expect("search memo");
        if memo.len() >= MAX_SEARCHES {
            memo.clear();
        }
        memo.insert(key, found.clone());
        Ok(found)
    }

    /// The current index and the searches remembered of it.
    async fn indexed(&self, store: &Store) -> Result<(Arc<ShowIndex>, Searches)> {
        let current = |c: &Cached| (c.index.clone(), c.searches.clone());
        if let Some(cached) = &*self.state.read().await {
            if cached.checked.elapsed() < INDEX_RECHECK {
                return Ok(current(cached));
            }
        }
        let mut state = self.state.write().await;
        // Another task may have refreshed it while this one waited for the lock.
        if let Some(cached) = &*state {
            if cached.checked.elapsed() < INDEX_RECHECK {
                return Ok(current(cached));
            }
        }
        let version = store.shows_version().await?;
        if let Some(cached) = state.as_mut() {
            if cached.version == version {
                cached.checked = Instant::now();
                return Ok(current(cached));
            }
        }
        let index = Arc::new(ShowIndex::new(store.load_show_names().await?));
        let cached =
            Cached { index, searches: Searches::default(), version, checked: Instant::now() };
        let fresh = current(&cached);
        *state = Some(cached);
        Ok(fresh)
    }

    async fn invalidate(&self) {
        *self.state.write().await = None;
    }
}
