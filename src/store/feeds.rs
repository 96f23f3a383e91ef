//! Recap sites' feeds and the items already seen in them.

use sqlx::{AnyConnection, Row};

use super::{now, Result, Store};
use crate::config::without_credentials;
use crate::ids::{EpisodeId, FeedId, GuildId, ShowId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    pub id: FeedId,
    pub url: String,
    pub show: Option<(ShowId, String)>,
    /// The server whose admin added it; `None` when the operator did.
    pub guild_id: Option<GuildId>,
    /// Per-feed poll interval in seconds, `None` for the default.
    pub interval_secs: Option<u64>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub last_polled_at: Option<i64>,
    pub next_poll_at: i64,
    pub failures: u32,
    pub last_error: Option<String>,
    /// Items of the first poll to announce anyway (the rest are only recorded).
    pub backfill: u32,
    pub first_polled: bool,
    /// What the last poll that read the feed did, one line ("12 items: 3 new recaps stored, …").
    pub last_report: Option<String>,
    /// The last poll left items for later (failed, waiting to retry, out of time).
    pub last_poll_partial: bool,
    /// Items that could not be read and wait for a retry.
    pub failing_items: u32,
    /// When the first of them is tried again.
    pub next_item_retry_at: Option<i64>,
    /// Items given up on after too many failures.
    pub given_up_items: u32,
}

impl Feed {
    /// The address as it may be shown or logged: without any `user:password@` in it.
    pub fn shown_url(&self) -> String {
        without_credentials(&self.url)
    }
}

fn feed_from_row(row: &sqlx::any::AnyRow) -> Result<Feed> {
    let show_id: Option<i64> = row.try_get("show_id")?;
    let show_name: Option<String> = row.try_get("show_name")?;
    Ok(Feed {
        id: FeedId(row.try_get("id")?),
        url: row.try_get("url")?,
        show: show_id.zip(show_name).map(|(id, name)| (ShowId(id), name)),
        guild_id: row.try_get::<Option<i64>, _>("guild_id")?.map(GuildId::from_db),
        interval_secs: row.try_get::<Option<i64>, _>("interval_secs")?.map(|s| s as u64),
        etag: row.try_get("etag")?,
        last_modified: row.try_get("last_modified")?,
        last_polled_at: row.try_get("last_polled_at")?,
        next_poll_at: row.try_get("next_poll_at")?,
        failures: row.try_get::<i64, _>("failures")? as u32,
        last_error: row.try_get("last_error")?,
        backfill: row.try_get::<i64, _>("backfill")? as u32,
        first_polled: row.try_get::<i64, _>("first_polled")? != 0,
        last_report: row.try_get("last_report")?,
        last_poll_partial: row.try_get::<i64, _>("last_poll_partial")? != 0,
        failing_items: row.try_get::<i64, _>("failing_items")? as u32,
        next_item_retry_at: row.try_get("next_item_retry_at")?,
        given_up_items: row.try_get::<i64, _>("given_up_items")? as u32,
    })
}

const FEED_COLUMNS: &str = "f.id, f.url, f.show_id, sh.name AS show_name, f.guild_id, f.interval_secs, f.etag,
    f.last_modified, f.last_polled_at, f.next_poll_at, f.failures, f.last_error, f.backfill, f.first_polled,
    f.last_report, f.last_poll_partial,
    (SELECT COUNT(*) FROM feed_item_failures x WHERE x.feed_id = f.id AND x.given_up = 0) AS failing_items,
    (SELECT MIN(x.next_try_at) FROM feed_item_failures x WHERE x.feed_id = f.id AND x.given_up = 0)
        AS next_item_retry_at,
    (SELECT COUNT(*) FROM feed_item_failures x WHERE x.feed_id = f.id AND x.given_up = 1) AS given_up_items
    FROM feeds f LEFT JOIN shows sh ON sh.id = f.show_id";

/// What a poll of one feed found, for its record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PollResult {
    /// The feed was read. `report` is the poll's one-line account (`None`: unchanged, the
    /// last one stands); `partial` when it left items for a later poll.
    Ok {
        etag: Option<String>,
        last_modified: Option<String>,
        report: Option<String>,
        partial: bool,
    },
    /// The feed itself could not be read (one line why).
    Failed(String),
}

/// An item that could not be read, waiting for its next try.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemFailure {
    pub attempts: u32,
    pub next_try_at: i64,
}

/// Rows per `IN (…)` list: far below SQLite's and PostgreSQL's bind limits.
const IN_CHUNK: usize = 500;

/// Whether a feed item was seen before (inside the item's transaction).
pub async fn item_seen(conn: &mut AnyConnection, feed: FeedId, guid: &str) -> Result<bool> {
    let seen: Option<i64> =
        sqlx::query_scalar("SELECT 1 FROM feed_items WHERE feed_id = $1 AND guid = $2")
            .bind(feed.db())
            .bind(guid)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(seen.is_some())
}

/// Records a feed item as seen (inside the transaction that stored its recap, if any).
pub async fn mark_item(
    conn: &mut AnyConnection,
    feed: FeedId,
    guid: &str,
    episode: Option<EpisodeId>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO feed_items (feed_id, guid, episode_id, seen_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (feed_id, guid) DO NOTHING",
    )
    .bind(feed.db())
    .bind(guid)
    .bind(episode.map(|id| id.db()))
    .bind(now())
    .execute(&mut *conn)
    .await?;
    // Read at last: its earlier failures are history.
    sqlx::query("DELETE FROM feed_item_failures WHERE feed_id = $1 AND guid = $2 AND given_up = 0")
        .bind(feed.db())
        .bind(guid)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

impl Store {
    /// Adds a feed (or, for a URL already added, updates its show and interval).
    pub async fn add_feed(
        &self,
        url: &str,
        show: Option<ShowId>,
        guild: Option<GuildId>,
        interval_secs: Option<u64>,
        backfill: u32,
    ) -> Result<FeedId> {
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO feeds (url, show_id, guild_id, interval_secs, next_poll_at, backfill, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $5)
             ON CONFLICT (url) DO UPDATE SET show_id = excluded.show_id, interval_secs = excluded.interval_secs
             RETURNING id",
        )
        .bind(url)
        .bind(show.map(|id| id.db()))
        .bind(guild.map(GuildId::db))
        .bind(interval_secs.map(|s| s as i64))
        .bind(now())
        .bind(i64::from(backfill))
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(FeedId(id))
    }

    /// Removes a feed by id or URL (within a guild's own feeds when `guild` is given).
    pub async fn remove_feed(&self, id_or_url: &str, guild: Option<GuildId>) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let id: i64 = id_or_url.parse().unwrap_or(-1);
        let done = sqlx::query(
            "DELETE FROM feeds WHERE (id = $1 OR url = $2) AND ($3 IS NULL OR guild_id = $3)",
        )
        .bind(id)
        .bind(id_or_url)
        .bind(guild.map(GuildId::db))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(done.rows_affected() > 0)
    }

    /// Every feed, or a guild's own.
    pub async fn feeds(&self, guild: Option<GuildId>) -> Result<Vec<Feed>> {
        let rows = sqlx::query(&format!(
            "SELECT {FEED_COLUMNS} WHERE ($1 IS NULL OR f.guild_id = $1) ORDER BY f.id"
        ))
        .bind(guild.map(GuildId::db))
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(feed_from_row).collect()
    }

    /// Feeds whose next poll time has come.
    /// Takes up to `limit` due feeds for this process to poll: each is leased for
    /// `lease_secs` (its next poll moved past the lease), so that another process sharing the
    /// database skips it, and takes it over if this one dies before recording the poll.
    pub async fn claim_due_feeds(&self, limit: u32, lease_secs: u64) -> Result<Vec<Feed>> {
        let now = now();
        let mut tx = self.begin_write().await?;
        let rows = sqlx::query(&format!(
            "SELECT {FEED_COLUMNS} WHERE f.next_poll_at <= $1 ORDER BY f.next_poll_at, f.id LIMIT $2"
        ))
        .bind(now)
        .bind(i64::from(limit))
        .fetch_all(&mut *tx)
        .await?;
        let due: Vec<Feed> = rows.iter().map(feed_from_row).collect::<Result<_>>()?;
        // The outer condition is checked again on a row another process updated meanwhile
        // (PostgreSQL re-reads it after the row lock), so a feed is leased once.
        let claimed: Vec<i64> = sqlx::query_scalar(
            "UPDATE feeds SET next_poll_at = $2
             WHERE next_poll_at <= $1 AND id IN (
                 SELECT id FROM feeds WHERE next_poll_at <= $1 ORDER BY next_poll_at, id LIMIT $3)
             RETURNING id",
        )
        .bind(now)
        .bind(now.saturating_add(i64::try_from(lease_secs).unwrap_or(i64::MAX)))
        .bind(i64::from(limit))
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(due.into_iter().filter(|f| claimed.contains(&f.id.db())).collect())
    }

    /// Records a poll: validators and the next poll time on success, the error and a
    /// backed-off next poll time on failure.
    pub async fn record_poll(
        &self,
        feed: &Feed,
        result: &PollResult,
        next_in_secs: u64,
    ) -> Result<()> {
        let now = now();
        let mut tx = self.begin_write().await?;
        match result {
            PollResult::Ok { etag, last_modified, report, partial } => {
                sqlx::query(
                    "UPDATE feeds SET etag = $1, last_modified = $2, last_polled_at = $3, next_poll_at = $4,
                         failures = 0, last_error = NULL, first_polled = 1, last_report = COALESCE($5, last_report),
                         last_poll_partial = $6
                     WHERE id = $7",
                )
                .bind(etag.as_deref())
                .bind(last_modified.as_deref())
                .bind(now)
                .bind(now + next_in_secs as i64)
                .bind(report.as_deref())
                .bind(i64::from(*partial))
                .bind(feed.id.db())
                .execute(&mut *tx)
                .await?;
            }
            PollResult::Failed(error) => {
                sqlx::query(
                    "UPDATE feeds SET last_polled_at = $1, next_poll_at = $2, failures = failures + 1, last_error = $3
                     WHERE id = $4",
                )
                .bind(now)
                .bind(now + next_in_secs as i64)
                .bind(error)
                .bind(feed.id.db())
                .execute(&mut *tx)
                .await?;
            }
        }
        tx.commit().await
    }
}

impl Store {
    /// One feed item as a unit of work: its recap (if it is one) and the note that the item
    /// was seen commit together, so a crash can neither lose the recap nor announce it twice.
    /// `publish` false stores the recap without announcing it.
    pub async fn save_feed_item(
        &self,
        feed: FeedId,
        guid: &str,
        article: Option<&crate::recap::Article>,
        publish: bool,
    ) -> Result<Option<super::recaps::Saved>> {
        let mut tx = self.begin_write().await?;
        // A feed a server's admin added brings that server's recaps; the operator's, shared ones.
        let owner: Option<i64> = sqlx::query_scalar("SELECT guild_id FROM feeds WHERE id = $1")
            .bind(feed.db())
            .fetch_optional(&mut *tx)
            .await?
            .flatten();
        let owner = owner.map(GuildId::from_db);
        let saved = match article {
            Some(article) => {
                Some(super::recaps::save_article(&mut tx, article, publish, owner).await?)
            }
            None => None,
        };
        mark_item(&mut tx, feed, guid, None).await?;
        tx.commit().await?;
        if let Some((outcome, new_show)) = saved {
            if new_show {
                self.shows_changed().await;
            }
            if publish && matches!(outcome, super::recaps::Saved::Inserted(_)) {
                self.alerts_queued();
            }
            return Ok(Some(outcome));
        }
        Ok(None)
    }

    /// Whether a feed's item was seen before.
    pub async fn feed_item_seen(&self, feed: FeedId, guid: &str) -> Result<bool> {
        let mut conn = self.pool().acquire().await?;
        item_seen(&mut conn, feed, guid).await
    }

    /// Which of `guids` the feed has seen: every item of a long feed is checked, in a few
    /// queries rather than one per item.
    pub async fn seen_feed_items(
        &self,
        feed: FeedId,
        guids: &[&str],
    ) -> Result<std::collections::HashSet<String>> {
        let mut seen = std::collections::HashSet::new();
        for chunk in guids.chunks(IN_CHUNK) {
            let placeholders: Vec<String> = (2..chunk.len() + 2).map(|i| format!("${i}")).collect();
            let sql = format!(
                "SELECT guid FROM feed_items WHERE feed_id = $1 AND guid IN ({})",
                placeholders.join(", ")
            );
            let mut query = sqlx::query_scalar::<_, String>(&sql).bind(feed.db());
            for guid in chunk {
                query = query.bind(*guid);
            }
            seen.extend(query.fetch_all(self.pool()).await?);
        }
        Ok(seen)
    }

    /// The feed's items that failed and are still to be retried, by guid.
    pub async fn feed_item_failures(
        &self,
        feed: FeedId,
    ) -> Result<std::collections::HashMap<String, ItemFailure>> {
        let rows = sqlx::query(
            "SELECT guid, attempts, next_try_at FROM feed_item_failures
             WHERE feed_id = $1 AND given_up = 0",
        )
        .bind(feed.db())
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                let failure = ItemFailure {
                    attempts: row.try_get::<i64, _>("attempts")? as u32,
                    next_try_at: row.try_get("next_try_at")?,
                };
                Ok((row.try_get("guid")?, failure))
            })
            .collect()
    }

    /// Records the `attempts`-th failure to read an item: tried again in `retry_in_secs`, or,
    /// when that is `None`, given up (and marked seen, so no poll reads it again).
    pub async fn record_feed_item_failure(
        &self,
        feed: FeedId,
        guid: &str,
        title: &str,
        attempts: u32,
        error: &str,
        retry_in_secs: Option<u64>,
    ) -> Result<()> {
        let now = now();
        let mut tx = self.begin_write().await?;
        if retry_in_secs.is_none() {
            mark_item(&mut tx, feed, guid, None).await?;
        }
        sqlx::query(
            "INSERT INTO feed_item_failures (feed_id, guid, title, attempts, last_error, next_try_at, given_up)
             VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (feed_id, guid) DO UPDATE SET title = excluded.title, attempts = excluded.attempts,
                 last_error = excluded.last_error, next_try_at = excluded.next_try_at,
                 given_up = excluded.given_up",
        )
        .bind(feed.db())
        .bind(guid)
        .bind(title)
        .bind(i64::from(attempts))
        .bind(error)
        .bind(retry_in_secs.map_or(now, |secs| now.saturating_add(secs as i64)))
        .bind(i64::from(retry_in_secs.is_none()))
        .execute(&mut *tx)
        .await?;
        tx.commit().await
    }
}
