//! Community ratings: rating posts (bot messages whose 1️⃣–5️⃣ reactions are votes) and the
//! votes, one per member per episode per server.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

use sqlx::Row;

use super::{now, Result, Store};
use crate::ids::{ChannelId, GuildId, MessageId, UserId};
use crate::recap::render::{Score, Scores};
use crate::recap::{EpisodeId, EpisodeNumber, RecapId, ShowId};

/// A bot message that carries rating reactions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    pub message_id: MessageId,
    pub guild_id: GuildId,
    pub channel_id: ChannelId,
    pub episode_id: EpisodeId,
    pub recap_id: Option<RecapId>,
    pub page: u32,
    pub shown_score: Option<String>,
}

/// What casting a vote changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VoteChange {
    /// The member's vote before, and the post whose reaction held it (if one still does).
    pub previous: Option<(u8, Option<MessageId>)>,
}

/// An episode's score in a season chart or a top list.
#[derive(Debug, Clone, PartialEq)]
pub struct EpisodeRating {
    pub show: String,
    pub number: EpisodeNumber,
    pub title: Option<String>,
    pub average: Option<f64>,
    pub votes: u32,
}

/// A member's vote, held by the reaction on `message`, replacing any earlier one.
async fn upsert_vote(
    conn: &mut sqlx::AnyConnection,
    guild: GuildId,
    user: UserId,
    episode: EpisodeId,
    score: u8,
    message: MessageId,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO ratings (guild_id, user_id, episode_id, score, message_id, voted_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (guild_id, user_id, episode_id)
         DO UPDATE SET score = excluded.score, message_id = excluded.message_id, voted_at = excluded.voted_at",
    )
    .bind(guild.db())
    .bind(user.db())
    .bind(episode.db())
    .bind(i64::from(score))
    .bind(message.db())
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// One number reaction added or removed, as the gateway reported it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VoteEvent {
    pub guild: GuildId,
    pub user: UserId,
    pub message: MessageId,
    pub score: u8,
    /// A reaction added (a vote cast or changed); false: one removed.
    pub added: bool,
}

/// A member's number reaction that no longer holds their vote, because a newer one does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Superseded {
    pub channel: ChannelId,
    pub message: MessageId,
    pub user: UserId,
    pub score: u8,
}

/// What a batch of reaction events changed.
#[derive(Debug, Default)]
pub struct AppliedVotes {
    /// Events that cast, changed or withdrew a vote.
    pub applied: usize,
    /// The episodes (per server) whose score changed: their posts must show it.
    pub changed: Vec<(GuildId, EpisodeId)>,
    /// Older reactions of members whose vote moved to another number.
    pub superseded: Vec<Superseded>,
}

/// A member's vote as stored: the score and the post whose reaction holds it.
type Held = Option<(u8, Option<MessageId>)>;

/// Rows per multi-row statement: 6 binds a row stays far below SQLite's and PostgreSQL's
/// bind limits.
const ROWS_PER_STATEMENT: usize = 500;

/// `$first, $first+1, …` for `count` binds.
fn placeholders(first: usize, count: usize) -> String {
    let mut list = String::new();
    for n in first..first + count {
        let _ = write!(list, "{}${n}", if n == first { "" } else { ", " });
    }
    list
}

/// The live rating posts among `messages`.
async fn posts_by_id(
    conn: &mut sqlx::AnyConnection,
    messages: &BTreeSet<MessageId>,
) -> Result<HashMap<MessageId, Post>> {
    let mut posts = HashMap::new();
    let messages: Vec<MessageId> = messages.iter().copied().collect();
    for chunk in messages.chunks(ROWS_PER_STATEMENT) {
        let sql = format!(
            "SELECT {POST_COLUMNS} FROM posts WHERE gone = 0 AND message_id IN ({})",
            placeholders(1, chunk.len())
        );
        let mut query = sqlx::query(&sql);
        for message in chunk {
            query = query.bind(message.db());
        }
        for row in query.fetch_all(&mut *conn).await? {
            let post = post_from_row(&row)?;
            posts.insert(post.message_id, post);
        }
    }
    Ok(posts)
}

/// An episode's [`Scores`] from its vote sums and counts, everywhere and in `guild`'s server.
pub(super) fn scores_from(
    total: Option<i64>,
    votes: i64,
    guild_total: Option<i64>,
    guild_votes: Option<i64>,
    guild: Option<GuildId>,
) -> Scores {
    Scores {
        server: guild.and_then(|_| score_from(guild_total, guild_votes.unwrap_or(0))),
        all_servers: score_from(total, votes),
    }
}

fn score_from(sum: Option<i64>, votes: i64) -> Option<Score> {
    (votes > 0)
        .then(|| Score { average: sum.unwrap_or(0) as f64 / votes as f64, votes: votes as u32 })
}

const POST_COLUMNS: &str =
    "message_id, guild_id, channel_id, episode_id, recap_id, page, shown_score";

fn post_from_row(row: &sqlx::any::AnyRow) -> Result<Post> {
    Ok(Post {
        message_id: MessageId::from_db(row.try_get("message_id")?),
        guild_id: GuildId::from_db(row.try_get("guild_id")?),
        channel_id: ChannelId::from_db(row.try_get("channel_id")?),
        episode_id: EpisodeId(row.try_get("episode_id")?),
        recap_id: row.try_get::<Option<i64>, _>("recap_id")?.map(RecapId),
        page: row.try_get::<i64, _>("page")? as u32,
        shown_score: row.try_get("shown_score")?,
    })
}

impl Store {
    /// Records a bot message as a rating post for the recap's episode.
    pub async fn record_post(
        &self,
        message: MessageId,
        guild: GuildId,
        channel: ChannelId,
        episode: EpisodeId,
        recap: RecapId,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO posts (message_id, guild_id, channel_id, episode_id, recap_id, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (message_id) DO NOTHING",
        )
        .bind(message.db())
        .bind(guild.db())
        .bind(channel.db())
        .bind(episode.db())
        .bind(recap.db())
        .bind(now())
        .execute(&mut *tx)
        .await?;
        tx.commit().await
    }

    pub async fn post(&self, message: MessageId) -> Result<Option<Post>> {
        let row = sqlx::query(&format!(
            "SELECT {POST_COLUMNS} FROM posts WHERE message_id = $1 AND gone = 0"
        ))
        .bind(message.db())
        .fetch_optional(self.pool())
        .await?;
        row.as_ref().map(post_from_row).transpose()
    }

    /// Rating posts created since `since` (unix seconds) that still exist, oldest first.
    pub async fn recent_posts(&self, since: i64) -> Result<Vec<Post>> {
        let rows = sqlx::query(&format!(
            "SELECT {POST_COLUMNS} FROM posts WHERE created_at >= $1 AND gone = 0 ORDER BY created_at, message_id"
        ))
        .bind(since)
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(post_from_row).collect()
    }

    /// The live rating posts of an episode in a server.
    pub async fn posts_of_episode(
        &self,
        guild: GuildId,
        episode: EpisodeId,
    ) -> Result<Vec<MessageId>> {
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT message_id FROM posts WHERE guild_id = $1 AND episode_id = $2 AND gone = 0",
        )
        .bind(guild.db())
        .bind(episode.db())
        .fetch_all(self.pool())
        .await?;
        Ok(ids.into_iter().map(MessageId::from_db).collect())
    }

    /// The message or its channel was deleted: stop reconciling and editing it.
    pub async fn mark_post_gone(&self, message: MessageId) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE posts SET gone = 1 WHERE message_id = $1")
            .bind(message.db())
            .execute(&mut *tx)
            .await?;
        tx.commit().await
    }

    pub async fn set_post_page(&self, message: MessageId, page: u32) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE posts SET page = $1 WHERE message_id = $2")
            .bind(i64::from(page))
            .bind(message.db())
            .execute(&mut *tx)
            .await?;
        tx.commit().await
    }

    pub async fn set_shown_score(&self, message: MessageId, shown: &str) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE posts SET shown_score = $1 WHERE message_id = $2")
            .bind(shown)
            .bind(message.db())
            .execute(&mut *tx)
            .await?;
        tx.commit().await
    }

    /// A member's 1–5 vote for an episode in a server, replacing any earlier one.
    pub async fn cast_vote(
        &self,
        guild: GuildId,
        user: UserId,
        episode: EpisodeId,
        score: u8,
        message: MessageId,
    ) -> Result<VoteChange> {
        let mut tx = self.begin_write().await?;
        let previous: Option<(i64, Option<i64>)> = sqlx::query_as(
            "SELECT score, message_id FROM ratings WHERE guild_id = $1 AND user_id = $2 AND episode_id = $3",
        )
        .bind(guild.db())
        .bind(user.db())
        .bind(episode.db())
        .fetch_optional(&mut *tx)
        .await?;
        upsert_vote(&mut tx, guild, user, episode, score, message).await?;
        tx.commit().await?;
        Ok(VoteChange { previous: previous.map(|(s, m)| (s as u8, m.map(MessageId::from_db))) })
    }

    /// Withdraws a member's vote if it is the one this reaction held; true if it did.
    pub async fn withdraw_vote(
        &self,
        guild: GuildId,
        user: UserId,
        episode: EpisodeId,
        score: u8,
        message: MessageId,
    ) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "DELETE FROM ratings
             WHERE guild_id = $1 AND user_id = $2 AND episode_id = $3 AND score = $4 AND message_id = $5",
        )
        .bind(guild.db())
        .bind(user.db())
        .bind(episode.db())
        .bind(i64::from(score))
        .bind(message.db())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(done.rows_affected() > 0)
    }

    /// Applies reaction events in one transaction, with the same outcome as applying them one
    /// by one in order: each member's last word on each episode stands, and a removed reaction
    /// withdraws the vote only if it still held it. Events on messages that are not rating
    /// posts are ignored. Each member's vote is read and written once, however many events.
    pub async fn apply_votes(&self, events: &[VoteEvent]) -> Result<AppliedVotes> {
        let mut done = AppliedVotes::default();
        if events.is_empty() {
            return Ok(done);
        }
        let mut tx = self.begin_write().await?;
        let messages: BTreeSet<MessageId> = events.iter().map(|e| e.message).collect();
        let mut posts = posts_by_id(&mut tx, &messages).await?;

        let mut members: BTreeMap<(GuildId, EpisodeId), BTreeSet<UserId>> = BTreeMap::new();
        for event in events {
            if let Some(post) = posts.get(&event.message) {
                members.entry((event.guild, post.episode_id)).or_default().insert(event.user);
            }
        }
        let mut before: HashMap<(GuildId, UserId, EpisodeId), Held> = HashMap::new();
        for ((guild, episode), users) in &members {
            let users: Vec<UserId> = users.iter().copied().collect();
            for chunk in users.chunks(ROWS_PER_STATEMENT) {
                let sql = format!(
                    "SELECT user_id, score, message_id FROM ratings
                     WHERE guild_id = $1 AND episode_id = $2 AND user_id IN ({})",
                    placeholders(3, chunk.len())
                );
                let mut query = sqlx::query_as::<_, (i64, i64, Option<i64>)>(&sql)
                    .bind(guild.db())
                    .bind(episode.db());
                for user in chunk {
                    query = query.bind(user.db());
                    before.insert((*guild, *user, *episode), None);
                }
                for (user, score, message) in query.fetch_all(&mut *tx).await? {
                    before.insert(
                        (*guild, UserId::from_db(user), *episode),
                        Some((score as u8, message.map(MessageId::from_db))),
                    );
                }
            }
        }

        // The events in order, in memory.
        let mut after = before.clone();
        let mut replaced: HashMap<(GuildId, UserId, EpisodeId), Vec<(u8, MessageId)>> =
            HashMap::new();
        for event in events {
            let Some(post) = posts.get(&event.message) else { continue };
            let key = (event.guild, event.user, post.episode_id);
            let held = after.get_mut(&key).expect("every member's vote was read");
            if event.added {
                if let Some((old, Some(old_message))) = *held {
                    if old != event.score {
                        replaced.entry(key).or_default().push((old, old_message));
                    }
                }
                *held = Some((event.score, Some(event.message)));
                done.applied += 1;
            } else if *held == Some((event.score, Some(event.message))) {
                *held = None;
                done.applied += 1;
            }
        }

        let mut upserts = Vec::new();
        let mut withdrawn: BTreeMap<(GuildId, EpisodeId), Vec<UserId>> = BTreeMap::new();
        let mut changed = BTreeSet::new();
        for (key @ (guild, user, episode), held) in &after {
            if before.get(key) == Some(held) {
                continue;
            }
            changed.insert((*guild, *episode));
            match held {
                Some((score, message)) => upserts.push((*key, *score, *message)),
                None => withdrawn.entry((*guild, *episode)).or_default().push(*user),
            }
        }
        let voted_at = now();
        for chunk in upserts.chunks(ROWS_PER_STATEMENT) {
            let mut sql = String::from(
                "INSERT INTO ratings (guild_id, user_id, episode_id, score, message_id, voted_at) VALUES ",
            );
            for i in 0..chunk.len() {
                let _ = write!(
                    sql,
                    "{}({})",
                    if i == 0 { "" } else { ", " },
                    placeholders(i * 6 + 1, 6)
                );
            }
            sql.push_str(
                " ON CONFLICT (guild_id, user_id, episode_id)
                 DO UPDATE SET score = excluded.score, message_id = excluded.message_id, voted_at = excluded.voted_at",
            );
            let mut query = sqlx::query(&sql);
            for ((guild, user, episode), score, message) in chunk {
                query = query
                    .bind(guild.db())
                    .bind(user.db())
                    .bind(episode.db())
                    .bind(i64::from(*score))
                    .bind(message.map(MessageId::db))
                    .bind(voted_at);
            }
            query.execute(&mut *tx).await?;
        }
        for ((guild, episode), users) in &withdrawn {
            for chunk in users.chunks(ROWS_PER_STATEMENT) {
                let sql = format!(
                    "DELETE FROM ratings WHERE guild_id = $1 AND episode_id = $2 AND user_id IN ({})",
                    placeholders(3, chunk.len())
                );
                let mut query = sqlx::query(&sql).bind(guild.db()).bind(episode.db());
                for user in chunk {
                    query = query.bind(user.db());
                }
                query.execute(&mut *tx).await?;
            }
        }

        // The reactions to take away: every number a member moved away from, except the
        // one that holds their vote now.
        let mut superseded = BTreeSet::new();
        for (key, olds) in &replaced {
            let (_, user, _) = *key;
            let now_held = after.get(key).copied().flatten();
            for &(score, message) in olds {
                if now_held != Some((score, Some(message))) {
                    superseded.insert((message, user, score));
                }
            }
        }
        let unknown: BTreeSet<MessageId> = superseded
            .iter()
            .map(|(message, _, _)| *message)
            .filter(|message| !posts.contains_key(message))
            .collect();
        if !unknown.is_empty() {
            posts.extend(posts_by_id(&mut tx, &unknown).await?);
        }
        tx.commit().await?;
        done.changed = changed.into_iter().collect();
        done.superseded = superseded
            .into_iter()
            .filter_map(|(message, user, score)| {
                let channel = posts.get(&message)?.channel_id;
                Some(Superseded { channel, message, user, score })
            })
            .collect();
        Ok(done)
    }

    /// Makes the votes held by `post` match its reactions as Discord reports them now
    /// (user → the 1–5 reactions they have on it), in one transaction. A vote whose reaction
    /// is still there stands; a member with several number reactions and no vote counts the
    /// highest (Discord does not say which came last). Returns (added or changed, removed).
    pub async fn reconcile_post(
        &self,
        post: &Post,
        reactions: &HashMap<UserId, Vec<u8>>,
    ) -> Result<(usize, usize)> {
        let mut tx = self.begin_write().await?;
        let held: Vec<(i64, i64, Option<i64>)> = sqlx::query_as(
            "SELECT user_id, score, message_id FROM ratings WHERE guild_id = $1 AND episode_id = $2",
        )
        .bind(post.guild_id.db())
        .bind(post.episode_id.db())
        .fetch_all(&mut *tx)
        .await?;
        let votes: HashMap<UserId, (u8, Option<MessageId>)> = held
            .into_iter()
            .map(|(u, s, m)| (UserId::from_db(u), (s as u8, m.map(MessageId::from_db))))
            .collect();

        let mut removed = 0;
        for (user, (score, message)) in &votes {
            let still_there = reactions.get(user).is_some_and(|scores| scores.contains(score));
            if *message == Some(post.message_id) && !still_there {
                sqlx::query(
                    "DELETE FROM ratings WHERE guild_id = $1 AND user_id = $2 AND episode_id = $3",
                )
                .bind(post.guild_id.db())
                .bind(user.db())
                .bind(post.episode_id.db())
                .execute(&mut *tx)
                .await?;
                removed += 1;
            }
        }
        let mut added = 0;
        let ordered: BTreeMap<&UserId, &Vec<u8>> = reactions.iter().collect();
        for (user, scores) in ordered {
            let Some(&best) = scores.iter().max() else { continue };
            let keeps_vote = votes.get(user).is_some_and(|(score, message)| {
                // Held here and still reacted, or held by another post of the same episode.
                *message != Some(post.message_id) || scores.contains(score)
            });
            if keeps_vote {
                continue;
            }
            upsert_vote(&mut tx, post.guild_id, *user, post.episode_id, best, post.message_id)
                .await?;
            added += 1;
        }
        sqlx::query("UPDATE posts SET reconciled_at = $1 WHERE message_id = $2")
            .bind(now())
            .bind(post.message_id.db())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok((added, removed))
    }

    /// The episode's score in `guild` (when given) and across all servers.
    pub async fn scores(&self, episode: EpisodeId, guild: Option<GuildId>) -> Result<Scores> {
        let row = sqlx::query(
            "SELECT CAST(SUM(score) AS BIGINT) AS total, COUNT(*) AS votes,
                    CAST(SUM(CASE WHEN guild_id = $2 THEN score ELSE 0 END) AS BIGINT) AS guild_total,
                    CAST(SUM(CASE WHEN guild_id = $2 THEN 1 ELSE 0 END) AS BIGINT) AS guild_votes
             FROM ratings WHERE episode_id = $1",
        )
        .bind(episode.db())
        .bind(guild.map(GuildId::db))
        .fetch_one(self.pool())
        .await?;
        Ok(scores_from(
            row.try_get("total")?,
            row.try_get("votes")?,
            row.try_get("guild_total").ok().flatten(),
            row.try_get("guild_votes")?,
            guild,
        ))
    }

    /// A season's episodes with their community scores.
    pub async fn season_ratings(
        &self,
        show: ShowId,
        season: u32,
        guild: Option<GuildId>,
    ) -> Result<Vec<EpisodeRating>> {
        self.episode_ratings(show, Some(season), guild).await
    }

    /// Every episode of the show with its community score, season by season.
    pub async fn show_ratings(
        &self,
        show: ShowId,
        guild: Option<GuildId>,
    ) -> Result<Vec<EpisodeRating>> {
        self.episode_ratings(show, None, guild).await
    }

    /// The episodes of one season (None: of every season) with the votes of `guild` (None:
    /// of every server).
    async fn episode_ratings(
        &self,
        show: ShowId,
        season: Option<u32>,
        guild: Option<GuildId>,
    ) -> Result<Vec<EpisodeRating>> {
        let rows = sqlx::query(
            "SELECT s.name, e.season, e.number, e.number_end, e.title,
                    CAST(SUM(r.score) AS BIGINT) AS total, COUNT(r.score) AS votes
             FROM episodes e JOIN shows s ON s.id = e.show_id
             LEFT JOIN ratings r ON r.episode_id = e.id AND ($3 IS NULL OR r.guild_id = $3)
             WHERE e.show_id = $1 AND ($2 IS NULL OR e.season = $2)
             GROUP BY s.name, e.season, e.number, e.number_end, e.title
             ORDER BY e.season, e.number",
        )
        .bind(show.db())
        .bind(season.map(i64::from))
        .bind(guild.map(GuildId::db))
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(rating_from_row).collect()
    }

    /// The critic's rating of each episode of the show that has one, on the five-point
    /// scale (the mean when several sites rated it), from the recaps `viewer` may see.
    pub async fn critic_ratings(
        &self,
        show: ShowId,
        viewer: Option<GuildId>,
    ) -> Result<Vec<(EpisodeNumber, f64)>> {
        let rows = sqlx::query(
            "SELECT e.season, e.number, e.number_end, r.critic_rating, r.critic_rating_out_of
             FROM recaps r JOIN episodes e ON e.id = r.episode_id
             WHERE e.show_id = $1 AND r.critic_rating IS NOT NULL
               AND ($2 IS NULL OR r.guild_id IS NULL OR r.guild_id = $2)
             ORDER BY e.season, e.number",
        )
        .bind(show.db())
        .bind(viewer.map(GuildId::db))
        .fetch_all(self.pool())
        .await?;
        let mut ratings: Vec<(EpisodeNumber, f64, u32)> = Vec::new();
        for row in rows {
            let number = EpisodeNumber {
                season: row.try_get::<i64, _>("season")? as u32,
                episode: row.try_get::<i64, _>("number")? as u32,
                episode_end: row.try_get::<Option<i64>, _>("number_end")?.map(|n| n as u32),
            };
            let value: f64 = row.try_get("critic_rating")?;
            let out_of: Option<f64> = row.try_get("critic_rating_out_of")?;
            let Some(five) = out_of.filter(|o| *o > 0.0).map(|o| value / o * 5.0) else { continue };
            match ratings.last_mut() {
                Some((last, sum, n)) if *last == number => {
                    *sum += five;
                    *n += 1;
                }
                _ => ratings.push((number, five, 1)),
            }
        }
        Ok(ratings.into_iter().map(|(number, sum, n)| (number, sum / f64::from(n))).collect())
    }

    /// The best-rated episodes with at least `min_votes` votes, best first.
    pub async fn top_episodes(
        &self,
        show: Option<ShowId>,
        guild: Option<GuildId>,
        min_votes: u32,
        limit: u32,
    ) -> Result<Vec<EpisodeRating>> {
        let rows = sqlx::query(
            "SELECT s.name, e.season, e.number, e.number_end, e.title,
                    CAST(SUM(r.score) AS BIGINT) AS total, COUNT(r.score) AS votes
             FROM ratings r JOIN episodes e ON e.id = r.episode_id JOIN shows s ON s.id = e.show_id
             WHERE ($1 IS NULL OR e.show_id = $1) AND ($2 IS NULL OR r.guild_id = $2)
             GROUP BY s.name, e.season, e.number, e.number_end, e.title
             HAVING COUNT(r.score) >= $3
             ORDER BY CAST(SUM(r.score) AS DOUBLE PRECISION) / COUNT(r.score) DESC, COUNT(r.score) DESC,
                      s.name, e.season, e.number
             LIMIT $4",
        )
        .bind(show.map(ShowId::db))
        .bind(guild.map(GuildId::db))
        .bind(i64::from(min_votes))
        .bind(i64::from(limit))
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(rating_from_row).collect()
    }

    /// Seasons of a show that have episodes, in order.
    pub async fn seasons(&self, show: ShowId) -> Result<Vec<u32>> {
        let seasons: Vec<i64> = sqlx::query_scalar(
            "SELECT DISTINCT season FROM episodes WHERE show_id = $1 ORDER BY season",
        )
        .bind(show.db())
        .fetch_all(self.pool())
        .await?;
        Ok(seasons.into_iter().map(|s| s as u32).collect())
    }
}

fn rating_from_row(row: &sqlx::any::AnyRow) -> Result<EpisodeRating> {
    let votes: i64 = row.try_get("votes")?;
    let total: Option<i64> = row.try_get("total")?;
    Ok(EpisodeRating {
        show: row.try_get("name")?,
        number: EpisodeNumber {
            season: row.try_get::<i64, _>("season")? as u32,
            episode: row.try_get::<i64, _>("number")? as u32,
            episode_end: row.try_get::<Option<i64>, _>("number_end")?.map(|n| n as u32),
        },
        title: row.try_get("title")?,
        average: score_from(total, votes).map(|s| s.average),
        votes: votes as u32,
    })
}
