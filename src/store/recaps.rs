//! Episodes and their recaps.

use sha2::{Digest, Sha256};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use super::{now, shows, Result, Store};
use crate::ids::GuildId;
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

const RECAP_COLUMNS: &str =
    "r.id, s.id AS show_id, s.name AS show_name, e.id AS episode_id, e.season, e.number,
    e.number_end, e.title, r.source_site, r.url, r.recap, r.review, r.critic_rating,
    r.critic_rating_out_of, r.critic_rating_display, r.published_at, r.updated_at, r.guild_id
    FROM recaps r JOIN episodes e ON e.id = r.episode_id JOIN shows s ON s.id = e.show_id";

fn recap_from_row(row: &AnyRow) -> Result<Recap> {
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
        let row = sqlx::query(&format!(
            "SELECT {RECAP_COLUMNS}
             WHERE s.id = $1 AND e.season = $2
               AND (e.number = $3 OR (e.number < $3 AND e.number_end >= $3))
               AND ($4 IS NULL OR r.guild_id IS NULL OR r.guild_id = $4)
             ORDER BY e.number DESC, r.updated_at DESC LIMIT 1"
        ))
        .bind(show.db())
        .bind(i64::from(season))
        .bind(i64::from(episode))
        .bind(viewer.map(GuildId::db))
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(recap_from_row).transpose()
    }

    pub async fn recap_by_id(&self, id: RecapId) -> Result<Option<Recap>> {
        let row = sqlx::query(&format!("SELECT {RECAP_COLUMNS} WHERE r.id = $1"))
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
        let row = sqlx::query(&format!(
            "SELECT {RECAP_COLUMNS} WHERE s.id = $1
               AND ($2 IS NULL OR r.guild_id IS NULL OR r.guild_id = $2)
             ORDER BY e.season DESC, e.number DESC, r.updated_at DESC LIMIT 1"
        ))
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
        let rows: Vec<(i64, i64, Option<i64>)> = sqlx::query_as(
            "SELECT e.season, e.number, e.number_end FROM episodes e
             WHERE e.show_id = $1 AND EXISTS (
                 SELECT 1 FROM recaps r WHERE r.episode_id = e.id
                   AND ($2 IS NULL OR r.guild_id IS NULL OR r.guild_id = $2))
             ORDER BY e.season, e.number",
        )
        .bind(show.db())
        .bind(viewer.map(GuildId::db))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(season, episode, end)| EpisodeNumber {
                season: season as u32,
                episode: episode as u32,
                episode_end: end.map(|n| n as u32),
            })
            .collect())
    }

    /// Every stored recap, optionally of one show, by show then episode.
    pub async fn list_recaps(&self, show: Option<ShowId>) -> Result<Vec<Recap>> {
        let rows = sqlx::query(&format!(
            "SELECT {RECAP_COLUMNS} WHERE ($1 IS NULL OR s.id = $1)
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
        let list = shows.iter().map(|s| s.db().to_string()).collect::<Vec<_>>().join(",");
        let visible: Vec<i64> = sqlx::query_scalar(&format!(
            "SELECT DISTINCT e.show_id FROM episodes e JOIN recaps r ON r.episode_id = e.id
             WHERE e.show_id IN ({list}) AND (r.guild_id IS NULL OR r.guild_id = $1)"
        ))
        .bind(viewer.db())
        .fetch_all(&self.pool)
        .await?;
        Ok(shows.iter().copied().filter(|s| visible.contains(&s.db())).collect())
    }
}
