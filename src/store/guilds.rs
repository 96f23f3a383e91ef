//! Per-server preferences.

use super::{Result, Store};
use crate::ids::GuildId;

impl Store {
    /// Whether recap text is hidden behind spoiler markup in this server (on unless turned off).
    pub async fn guild_spoilers(&self, guild: GuildId) -> Result<bool> {
        let spoilers: Option<i64> =
            sqlx::query_scalar("SELECT spoilers FROM guild_settings WHERE guild_id = $1")
                .bind(guild.db())
                .fetch_optional(self.pool())
                .await?;
        Ok(spoilers.is_none_or(|s| s != 0))
    }

    pub async fn set_guild_spoilers(&self, guild: GuildId, spoilers: bool) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO guild_settings (guild_id, spoilers) VALUES ($1, $2)
             ON CONFLICT (guild_id) DO UPDATE SET spoilers = excluded.spoilers",
        )
        .bind(guild.db())
        .bind(i64::from(spoilers))
        .execute(&mut *tx)
        .await?;
        tx.commit().await
    }
}
