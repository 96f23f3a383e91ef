//! What the bot processes sharing a database agree on: leases for work one process does for
//! all, facts about the deployment (the commands last registered), and which processes are
//! alive (to split Discord's global budget among them).

use std::time::Duration;

use super::{now, Result, Store};

/// How long a process counts as alive after its last heartbeat.
pub const PROCESS_ALIVE_FOR: Duration = Duration::from_secs(15);

impl Store {
    /// Takes the lease `name` for `holder` until `for_` from now, if nobody else holds it (or
    /// its holder let it run out); `true` if `holder` has it now. Taking it again extends it.
    pub async fn take_lease(&self, name: &str, holder: &str, for_: Duration) -> Result<bool> {
        let now = now();
        let until = now + for_.as_secs().max(1) as i64;
        let mut tx = self.begin_write().await?;
        // The conflict's WHERE is evaluated on the locked row, so two processes never both
        // see an expired lease as theirs.
        let taken: Option<String> = sqlx::query_scalar(
            "INSERT INTO leases (name, holder, until_at) VALUES ($1, $2, $3)
             ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until_at = excluded.until_at
             WHERE leases.until_at <= $4 OR leases.holder = excluded.holder
             RETURNING holder",
        )
        .bind(name)
        .bind(holder)
        .bind(until)
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(taken.is_some())
    }

    /// Gives the lease back early, if `holder` still has it.
    pub async fn release_lease(&self, name: &str, holder: &str) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM leases WHERE name = $1 AND holder = $2")
            .bind(name)
            .bind(holder)
            .execute(&mut *tx)
            .await?;
        tx.commit().await
    }

    /// A fact about the deployment, if recorded.
    pub async fn deployment_value(&self, name: &str) -> Result<Option<String>> {
        Ok(sqlx::query_scalar("SELECT value FROM deployment WHERE name = $1")
            .bind(name)
            .fetch_optional(self.pool())
            .await?)
    }

    pub async fn set_deployment_value(&self, name: &str, value: &str) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO deployment (name, value) VALUES ($1, $2)
             ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        )
        .bind(name)
        .bind(value)
        .execute(&mut *tx)
        .await?;
        tx.commit().await
    }

    /// Records that process `id` (running `shards`) is alive; returns how many processes are
    /// alive now, itself included. Processes silent for long are forgotten.
    pub async fn process_heartbeat(&self, id: &str, shards: &str) -> Result<u32> {
        let now = now();
        let alive_since = now - PROCESS_ALIVE_FOR.as_secs() as i64;
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO processes (id, shards, heartbeat_at) VALUES ($1, $2, $3)
             ON CONFLICT (id) DO UPDATE SET shards = excluded.shards, heartbeat_at = excluded.heartbeat_at",
        )
        .bind(id)
        .bind(shards)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM processes WHERE heartbeat_at < $1")
            .bind(now - 3_600)
            .execute(&mut *tx)
            .await?;
        let alive: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM processes WHERE heartbeat_at >= $1")
                .bind(alive_since)
                .fetch_one(&mut *tx)
                .await?;
        tx.commit().await?;
        Ok(u32::try_from(alive).unwrap_or(u32::MAX).max(1))
    }

    /// A stopping process leaves the registry at once, so the others take its budget share.
    pub async fn process_stopped(&self, id: &str) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM processes WHERE id = $1").bind(id).execute(&mut *tx).await?;
        tx.commit().await
    }
}
