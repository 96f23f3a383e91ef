//! Members' watch progress: the last episode of a show each member has watched, per server.

use sqlx::Row;

use super::{now, Result, Store};
use crate::ids::{GuildId, ShowId, UserId};

/// The last episode a member has watched of a show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Progress {
    pub season: u32,
    pub episode: u32,
}

impl Store {
    pub async fn set_progress(
        &self,
        (guild, user): (GuildId, UserId),
        show: ShowId,
        progress: Progress,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO watch_progress (guild_id, user_id, show_id, season, episode, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (guild_id, user_id, show_id) DO UPDATE
             SET season = excluded.season, episode = excluded.episode, updated_at = excluded.updated_at",
        )
        .bind(guild.db())
        .bind(user.db())
        .bind(show.db())
        .bind(i64::from(progress.season))
        .bind(i64::from(progress.episode))
        .bind(now())
        .execute(&mut *tx)
        .await?;
        tx.commit().await
    }

    pub async fn progress(
        &self,
        (guild, user): (GuildId, UserId),
        show: ShowId,
    ) -> Result<Option<Progress>> {
        let row = sqlx::query(
            "SELECT season, episode FROM watch_progress
             WHERE guild_id = $1 AND user_id = $2 AND show_id = $3",
        )
        .bind(guild.db())
        .bind(user.db())
        .bind(show.db())
        .fetch_optional(self.pool())
        .await?;
        row.map(|row| progress_from(&row)).transpose()
    }

    /// Every show the member has progress on, by show id.
    pub(crate) async fn progress_of_member(
        &self,
        guild: GuildId,
        user: UserId,
    ) -> Result<std::collections::HashMap<ShowId, Progress>> {
        let rows = sqlx::query(
            "SELECT show_id, season, episode FROM watch_progress WHERE guild_id = $1 AND user_id = $2",
        )
        .bind(guild.db())
        .bind(user.db())
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(|row| Ok((ShowId(row.try_get("show_id")?), progress_from(row)?))).collect()
    }

    /// Every show the member has progress on, by show name.
    pub async fn progress_list(
        &self,
        (guild, user): (GuildId, UserId),
    ) -> Result<Vec<(String, Progress)>> {
        let rows = sqlx::query(
            "SELECT s.name, w.season, w.episode FROM watch_progress w
             JOIN shows s ON s.id = w.show_id
             WHERE w.guild_id = $1 AND w.user_id = $2 ORDER BY s.name",
        )
        .bind(guild.db())
        .bind(user.db())
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(|row| Ok((row.try_get("name")?, progress_from(row)?))).collect()
    }

    /// Forgets the member's progress on `show` (None: on every show); how many were forgotten.
    pub async fn clear_progress(
        &self,
        (guild, user): (GuildId, UserId),
        show: Option<ShowId>,
    ) -> Result<u64> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "DELETE FROM watch_progress
             WHERE guild_id = $1 AND user_id = $2 AND ($3 IS NULL OR show_id = $3)",
        )
        .bind(guild.db())
        .bind(user.db())
        .bind(show.map(ShowId::db))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(done.rows_affected())
    }
}

fn progress_from(row: &sqlx::any::AnyRow) -> Result<Progress> {
    Ok(Progress {
        season: row.try_get::<i64, _>("season")? as u32,
        episode: row.try_get::<i64, _>("episode")? as u32,
    })
}
