//! Episodes and their recaps.

use sha2::{Digest, Sha256};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use super::ratings::scores_from;
use super::watching::Progress;
use super::{id_list, now, shows, Result, Store};
use crate::ids::{GuildId, UserId};
use crate::recap::render::Scores;
use crate::recap::{Article, CriticRating};
use crate::recap::{EpisodeId, EpisodeNumber, Recap, RecapId, ShowId};

/// What storing an article did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    /// A recap the store did not have: the one case that publishes it.
    Inserted(RecapId),
    /// The same episode from the same site, with different text: updated in place.
    Updated(RecapId),
    /// Exactly what was stored already: nothing written.
    Unchanged(RecapId),
}

impl Saved {
    pub fn recap_id(self) -> RecapId {
        match self {
            Saved::Inserted(id) | Saved::Updated(id) | Saved::Unchanged(id) => id,
        }
    }
}

/// The site a recap came from: the URL's host without `www.`, or `local` for a file.
pub fn source_site(url: Option<&str>) -> String {
    url.and_then(|u| url::Url::parse(u).ok())
        .and_then(|u| u.host_str().map(|h| h.trim_start_matches("www.").to_lowercase()))
        .unwrap_or_else(|| "local".to_string())
}

/// How a recap's source is stored: the site, and for a server's own copy the server too, so
/// that the copy and the shared recap of the same site's page never share a row.
fn source_key(site: &str, owner: Option<GuildId>) -> String {
    match owner {
        Some(guild) => format!("{site}{OWNER_MARK}{guild}"),
        None => site.to_string(),
    }
}

/// Separates the site from the owning server in a stored source key; no host contains it.
const OWNER_MARK: &str = "#g";

/// Fingerprint of everything a reader would see, so re-imports of the same text write nothing.
fn content_hash(article: &Article) -> String {
    let mut hash = Sha256::new();
    // The written form counts (a re-import that newly keeps it stores it), but a rating
    // without one hashes as before so earlier imports stay unchanged.
    let rating = article.rating.as_ref().map(|r| match &r.display {
        Some(written) => format!("{}/{} {written}", r.value, r.out_of),
        None => format!("{}/{}", r.value, r.out_of),
    });
    let published = article.published_at.map(|t| t.timestamp().to_string());
    for part in [
        Some(article.show.as_str()),
        article.title.as_deref(),
        Some(article.recap.as_str()),
        article.review.as_deref(),
        rating.as_deref(),
        article.url.as_deref(),
        published.as_deref(),
    ] {
        // A separator that cannot occur in text keeps ("ab", "c") apart from ("a", "bc").
        hash.update(part.unwrap_or("\u{0}none").as_bytes());
        hash.update([0xff]);
    }
    hex::encode(hash.finalize())
}

/// Stores one article inside the caller's transaction: show, episode and recap. The flag is
/// true when the article brought a show the store did not know (the show index is stale).
///
/// A newly stored recap is published (its alerts queued) unless `publish` is false: the
/// first poll of a new feed stores what is already there without announcing it.
///
/// `owner` is the server whose admin brought the article in: its recap is that server's
/// alone, shown and alerted there only. `None` (the operator's) is shared by every server.
pub async fn save_article(
    conn: &mut AnyConnection,
    article: &Article,
    publish: bool,
    owner: Option<GuildId>,
) -> Result<(Saved, bool)> {
    let (show, new_show) =
        shows::upsert_known_as(conn, &article.show, &article.aliases, owner.is_none()).await?;
    // Episodes are shared: a server's article may add one, but only the operator's articles
    // change what an existing episode is called.
    let episode_id: i64 = sqlx::query_scalar(if owner.is_none() {
        "INSERT INTO episodes (show_id, season, number, number_end, title) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (show_id, season, number) DO UPDATE
             SET number_end = COALESCE(excluded.number_end, episodes.number_end),
                 title = COALESCE(excluded.title, episodes.title)
         RETURNING id"
    } else {
        "INSERT INTO episodes (show_id, season, number, number_end, title) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (show_id, season, number) DO UPDATE SET show_id = episodes.show_id
         RETURNING id"
    })
    .bind(show.db())
    .bind(i64::from(article.season))
    .bind(i64::from(article.episode))
    .bind(article.episode_end.map(i64::from))
    .bind(article.title.as_deref())
    .fetch_one(&mut *conn)
    .await?;

    let site = source_key(&source_site(article.url.as_deref()), owner);
    let hash = content_hash(article);
    let existing: Option<(i64, String)> = sqlx::query_as(
        "SELECT id, content_hash FROM recaps WHERE episode_id = $1 AND source_site = $2",
    )
    .bind(episode_id)
    .bind(&site)
    .fetch_optional(&mut *conn)
    .await?;
    let (rating, out_of) = match &article.rating {
        // As text, cast in SQL: sqlx's Any driver binds a missing f64 as a 4-byte float on
        // PostgreSQL, and a statement first prepared with one then rejects a real rating
        // ("incorrect binary data format"). Text has one type whether present or not.
        Some(r) => (Some(f64::from(r.value).to_string()), Some(f64::from(r.out_of).to_string())),
        None => (None, None),
    };
    let rating_display = article.rating.as_ref().and_then(|r| r.display.as_deref());
    let published = article.published_at.map(|t| t.timestamp());
    let now = now();
    match existing {
        Some((id, stored_hash)) if stored_hash == hash => {
            Ok((Saved::Unchanged(RecapId(id)), new_show))
        }
        Some((id, _)) => {
            sqlx::query(
                "UPDATE recaps SET url = $1, recap = $2, review = $3,
                     critic_rating = CAST($4 AS DOUBLE PRECISION),
                     critic_rating_out_of = CAST($5 AS DOUBLE PRECISION),
                     published_at = COALESCE($6, published_at),
                     content_hash = $7, updated_at = $8, critic_rating_display = $10
                 WHERE id = $9",
            )
            .bind(article.url.as_deref())
            .bind(&article.recap)
            .bind(article.review.as_deref())
            .bind(rating)
            .bind(out_of)
            .bind(published)
            .bind(&hash)
            .bind(now)
            .bind(id)
            .bind(rating_display)
            .execute(&mut *conn)
            .await?;
            Ok((Saved::Updated(RecapId(id)), new_show))
        }
        None => {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO recaps (episode_id, source_site, url, recap, review, critic_rating,
                     critic_rating_out_of, published_at, content_hash, created_at, updated_at, guild_id,
                     critic_rating_display)
                 VALUES ($1, $2, $3, $4, $5, CAST($6 AS DOUBLE PRECISION),
                     CAST($7 AS DOUBLE PRECISION), $8, $9, $10, $10, $11, $12)
                 RETURNING id",
            )
            .bind(episode_id)
            .bind(&site)
            .bind(article.url.as_deref())
            .bind(&article.recap)
            .bind(article.review.as_deref())
            .bind(rating)
            .bind(out_of)
            .bind(published)
            .bind(&hash)
            .bind(now)
            .bind(owner.map(GuildId::db))
            .bind(rating_display)
            .fetch_one(&mut *conn)
            .await?;
            // Publishing: a recap the store did not have alerts its subscribers, in this
            // same transaction, whatever brought it (a feed, an import, an admin).
            if publish {
                super::outbox::enqueue(conn, RecapId(id), show, owner).await?;
            }
            Ok((Saved::Inserted(RecapId(id)), new_show))
        }
    }
}

pub(super) const RECAP_FIELDS: &str =
    "r.id, s.id AS show_id, s.name AS show_name, e.id AS episode_id, e.season, e.number,
    e.number_end, e.title, r.source_site, r.url, r.recap, r.review, r.critic_rating,
    r.critic_rating_out_of, r.critic_rating_display, r.published_at, r.updated_at, r.guild_id";
pub(super) const RECAP_TABLES: &str =
    "FROM recaps r JOIN episodes e ON e.id = r.episode_id JOIN shows s ON s.id = e.show_id";

/// Which recap of an episode is shown (binds: show, season, episode, viewer): the one the
/// viewer may see (the shared recaps and its own, never another server's; no viewer, the
/// operator, sees every one), of the episode stored under that number or of a double episode
/// covering it, the most recently updated site's.
const EPISODE_RECAP: &str = "WHERE s.id = $1 AND e.season = $2
       AND (e.number = $3 OR (e.number < $3 AND e.number_end >= $3))
       AND ($4 IS NULL OR r.guild_id IS NULL OR r.guild_id = $4)
     ORDER BY e.number DESC, r.updated_at DESC LIMIT 1";

/// [`EPISODE_RECAP`] of the show's latest episode (binds: show, viewer).
const LATEST_RECAP: &str = "WHERE s.id = $1
       AND ($2 IS NULL OR r.guild_id IS NULL OR r.guild_id = $2)
     ORDER BY e.season DESC, e.number DESC, r.updated_at DESC LIMIT 1";

/// What a recap message shows beside the recap, read in the same query: the episode's scores
/// (binds: the viewer's server as `$g`, the member as `$u`), the server's spoiler setting and
/// how far the member has watched the show.
fn beside_recap(g: usize, u: usize) -> String {
    format!(
        ", (SELECT CAST(SUM(v.score) AS BIGINT) FROM ratings v WHERE v.episode_id = e.id) AS total,
           (SELECT COUNT(*) FROM ratings v WHERE v.episode_id = e.id) AS votes,
           (SELECT CAST(SUM(v.score) AS BIGINT) FROM ratings v
               WHERE v.episode_id = e.id AND v.guild_id = ${g}) AS guild_total,
           (SELECT COUNT(*) FROM ratings v WHERE v.episode_id = e.id AND v.guild_id = ${g})
               AS guild_votes,
           (SELECT spoilers FROM guild_settings WHERE guild_id = ${g}) AS spoilers,
           (SELECT w.season FROM watch_progress w
               WHERE w.guild_id = ${g} AND w.user_id = ${u} AND w.show_id = s.id) AS watched_season,
           (SELECT w.episode FROM watch_progress w
               WHERE w.guild_id = ${g} AND w.user_id = ${u} AND w.show_id = s.id) AS watched_episode"
    )
}

/// A recap with what its message shows beside it (see [`Store::recap_in_view`]).
#[derive(Debug, Clone)]
pub struct RecapInView {
    pub recap: std::sync::Arc<Recap>,
    pub scores: Scores,
    /// The server's spoiler setting (on without a server).
    pub spoilers: bool,
    /// How far the member has watched the show, when a member asked.
    pub progress: Option<Progress>,
}

pub(super) fn recap_from_row(row: &AnyRow) -> Result<Recap> {
    let rating: Option<f64> = row.try_get("critic_rating")?;
    let out_of: Option<f64> = row.try_get("critic_rating_out_of")?;
    let display: Option<String> = row.try_get("critic_rating_display")?;
    Ok(Recap {
        id: RecapId(row.try_get("id")?),
        show_id: ShowId(row.try_get("show_id")?),
        show: row.try_get("show_name")?,
        episode_id: EpisodeId(row.try_get("episode_id")?),
        number: EpisodeNumber {
            season: row.try_get::<i64, _>("season")? as u32,
            episode: row.try_get::<i64, _>("number")? as u32,
            episode_end: row.try_get::<Option<i64>, _>("number_end")?.map(|n| n as u32),
        },
        title: row.try_get("title")?,
        source_site: {
            let key: String = row.try_get("source_site")?;
            key.split_once(OWNER_MARK).map_or(key.clone(), |(site, _)| site.to_string())
        },
        url: row.try_get("url")?,
        recap: row.try_get("recap")?,
        review: row.try_get("review")?,
        rating: rating.map(|value| CriticRating {
            value: value as f32,
            out_of: out_of.unwrap_or(5.0) as f32,
            display,
        }),
        published_at: row.try_get("published_at")?,
        updated_at: row.try_get("updated_at")?,
        owner: row.try_get::<Option<i64>, _>("guild_id")?.map(GuildId::from_db),
    })
}

impl Store {
    /// Stores one of the operator's articles (shared by every server) in its own transaction.
    pub async fn save_article(&self, article: &Article) -> Result<Saved> {
        self.save_article_of(article, None).await
    }

    /// Stores one article for `owner` (see [`save_article`]) in its own transaction.
    pub async fn save_article_of(
        &self,
        article: &Article,
        owner: Option<GuildId>,
    ) -> Result<Saved> {
        Ok(self.save_articles_of(std::slice::from_ref(article), owner).await?.remove(0))
    }

    /// Stores many of the operator's articles in one transaction (bulk loads, backfills).
    pub async fn save_articles(&self, articles: &[Article]) -> Result<Vec<Saved>> {
        self.save_articles_of(articles, None).await
    }

    async fn save_articles_of(
        &self,
        articles: &[Article],
        owner: Option<GuildId>,
    ) -> Result<Vec<Saved>> {
        let mut tx = self.begin_write().await?;
        let mut saved = Vec::with_capacity(articles.len());
        let mut new_shows = false;
        for article in articles {
            let (outcome, new_show) = save_article(&mut tx, article, true, owner).await?;
            saved.push(outcome);
            new_shows |= new_show;
        }
        tx.commit().await?;
        if new_shows {
            self.shows_changed().await;
        }
        if saved.iter().any(|s| matches!(s, Saved::Inserted(_))) {
            self.alerts_queued();
        }
        Ok(saved)
    }

    /// The recap of one episode; the most recently updated one if several sites have it.
    ///
    /// `viewer` is the server asking: it sees the shared recaps and its own, never another
    /// server's. `None` is the operator, who sees every recap.
    pub async fn recap(
        &self,
        show: ShowId,
        season: u32,
        episode: u32,
        viewer: Option<GuildId>,
    ) -> Result<Option<Recap>> {
        let row = sqlx::query(&format!("SELECT {RECAP_FIELDS} {RECAP_TABLES} {EPISODE_RECAP}"))
            .bind(show.db())
            .bind(i64::from(season))
            .bind(i64::from(episode))
            .bind(viewer.map(GuildId::db))
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(recap_from_row).transpose()
    }

    pub async fn recap_by_id(&self, id: RecapId) -> Result<Option<Recap>> {
        let row = sqlx::query(&format!("SELECT {RECAP_FIELDS} {RECAP_TABLES} WHERE r.id = $1"))
            .bind(id.db())
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(recap_from_row).transpose()
    }

    /// The recap of the show's latest episode (highest season, then episode) that `viewer`
    /// may see (see [`Store::recap`]).
    pub async fn latest_recap(
        &self,
        show: ShowId,
        viewer: Option<GuildId>,
    ) -> Result<Option<Recap>> {
        let row = sqlx::query(&format!("SELECT {RECAP_FIELDS} {RECAP_TABLES} {LATEST_RECAP}"))
            .bind(show.db())
            .bind(viewer.map(GuildId::db))
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(recap_from_row).transpose()
    }

    /// The episodes of a show that have a recap `viewer` may see, in order.
    pub async fn episodes_with_recaps(
        &self,
        show: ShowId,
        viewer: Option<GuildId>,
    ) -> Result<Vec<EpisodeNumber>> {
        Ok(self.episodes_of_shows(&[show], viewer).await?.remove(0))
    }

    /// [`Store::episodes_with_recaps`] of each of `shows`, in the order given, in one query.
    /// A show whose list is empty is none of the viewer's business (see
    /// [`Store::shows_visible_to`]).
    pub async fn episodes_of_shows(
        &self,
        shows: &[ShowId],
        viewer: Option<GuildId>,
    ) -> Result<Vec<Vec<EpisodeNumber>>> {
        if shows.is_empty() {
            return Ok(Vec::new());
        }
        let rows: Vec<(i64, i64, i64, Option<i64>)> = sqlx::query_as(&format!(
            "SELECT e.show_id, e.season, e.number, e.number_end FROM episodes e
             WHERE e.show_id {} AND EXISTS (
                 SELECT 1 FROM recaps r WHERE r.episode_id = e.id
                   AND ($1 IS NULL OR r.guild_id IS NULL OR r.guild_id = $1))
             ORDER BY e.show_id, e.season, e.number",
            self.backend.in_ids(2)
        ))
        .bind(viewer.map(GuildId::db))
        .bind(id_list(self.backend, shows.iter().map(|s| s.db())))
        .fetch_all(&self.pool)
        .await?;
        let mut lists = vec![Vec::new(); shows.len()];
        for (show, season, episode, end) in rows {
            let number = EpisodeNumber {
                season: season as u32,
                episode: episode as u32,
                episode_end: end.map(|n| n as u32),
            };
            for (i, _) in shows.iter().enumerate().filter(|(_, s)| s.db() == show) {
                lists[i].push(number);
            }
        }
        Ok(lists)
    }

    /// The recap of episode `at` (season, episode) of the show as [`Store::recap`] picks it,
    /// or of its latest episode as [`Store::latest_recap`] does, with its scores in `viewer`'s
    /// server and everywhere, that server's spoiler setting and how far `member` has watched
    /// the show: one query for everything a recap message shows.
    pub async fn recap_in_view(
        &self,
        show: ShowId,
        at: Option<(u32, u32)>,
        viewer: Option<GuildId>,
        member: Option<UserId>,
    ) -> Result<Option<RecapInView>> {
        let viewer_db = viewer.map(GuildId::db);
        let member_db = member.map(UserId::db);
        let row = match at {
            Some((season, episode)) => {
                sqlx::query(&format!(
                    "SELECT {RECAP_FIELDS} {} {RECAP_TABLES} {EPISODE_RECAP}",
                    beside_recap(4, 5)
                ))
                .bind(show.db())
                .bind(i64::from(season))
                .bind(i64::from(episode))
                .bind(viewer_db)
                .bind(member_db)
                .fetch_optional(&self.pool)
                .await?
            }
            None => {
                sqlx::query(&format!(
                    "SELECT {RECAP_FIELDS} {} {RECAP_TABLES} {LATEST_RECAP}",
                    beside_recap(2, 3)
                ))
                .bind(show.db())
                .bind(viewer_db)
                .bind(member_db)
                .fetch_optional(&self.pool)
                .await?
            }
        };
        let Some(row) = row else { return Ok(None) };
        let spoilers: Option<i64> = row.try_get("spoilers")?;
        let watched: (Option<i64>, Option<i64>) =
            (row.try_get("watched_season")?, row.try_get("watched_episode")?);
        Ok(Some(RecapInView {
            recap: recap_from_row(&row)?.into(),
            scores: scores_from(
                row.try_get("total")?,
                row.try_get("votes")?,
                row.try_get("guild_total")?,
                row.try_get("guild_votes")?,
                viewer,
            ),
            spoilers: spoilers.is_none_or(|s| s != 0),
            progress: match watched {
                (Some(season), Some(episode)) => {
                    Some(Progress { season: season as u32, episode: episode as u32 })
                }
                _ => None,
            },
        }))
    }

    /// Every stored recap, optionally of one show, by show then episode.
    pub async fn list_recaps(&self, show: Option<ShowId>) -> Result<Vec<Recap>> {
        let rows = sqlx::query(&format!(
            "SELECT {RECAP_FIELDS} {RECAP_TABLES} WHERE ($1 IS NULL OR s.id = $1)
             ORDER BY s.name, e.season, e.number, r.source_site"
        ))
        .bind(show.map(|id| id.db()))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(recap_from_row).collect()
    }
}

impl Store {
    /// Of `shows`, those with a recap `viewer` may see (see [`Store::recap`]), in the order given.
    pub async fn shows_visible_to(&self, shows: &[ShowId], viewer: GuildId) -> Result<Vec<ShowId>> {
        if shows.is_empty() {
            return Ok(Vec::new());
        }
        let visible: Vec<i64> = sqlx::query_scalar(&format!(
            "SELECT DISTINCT e.show_id FROM episodes e JOIN recaps r ON r.episode_id = e.id
             WHERE e.show_id {} AND (r.guild_id IS NULL OR r.guild_id = $1)",
            self.backend.in_ids(2)
        ))
        .bind(viewer.db())
        .bind(id_list(self.backend, shows.iter().map(|s| s.db())))
        .fetch_all(&self.pool)
        .await?;
        Ok(shows.iter().copied().filter(|s| visible.contains(&s.db())).collect())
    }
}
