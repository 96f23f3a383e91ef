//! The alert outbox: one row per (new recap, subscribed channel), written in the transaction
//! that stores the recap, so an alert can be neither lost nor invented. Dispatchers claim rows
//! with an expiring lease; on PostgreSQL several processes share the outbox through
//! `FOR UPDATE SKIP LOCKED`.

use std::time::Duration;

use sqlx::{AnyConnection, Row};

use super::{now, Backend, Result, Store};
use crate::ids::{AlertId, GuildId, MessageId, RecapId, ShowId, SubscriptionId};

/// A claimed alert, to be posted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    pub id: AlertId,
    pub recap_id: RecapId,
    pub subscription_id: SubscriptionId,
    /// Stable per (recap, subscription): the message nonce.
    pub nonce: String,
    /// Including this one: above 1, an earlier attempt may have posted before it crashed.
    pub attempts: u32,
}

/// Queues the alerts of a newly stored recap, inside the transaction that stored it: one per
/// channel subscribed to its show or to every show (a channel subscribed both ways gets one).
/// A server's own recap (`owner`) is alerted in that server only.
pub async fn enqueue(
    conn: &mut AnyConnection,
    recap: RecapId,
    show: ShowId,
    owner: Option<GuildId>,
) -> Result<u64> {
    let now = now();
    let queued = sqlx::query(
        "INSERT INTO outbox (recap_id, subscription_id, nonce, next_attempt_at, created_at)
         SELECT $1, s.id, 'r' || $1 || 's' || s.id, $2, $2 FROM subscriptions s
         WHERE (s.show_id = $3 OR s.show_id IS NULL) AND s.broken_reason IS NULL
           AND ($4 IS NULL OR s.guild_id = $4)
           AND NOT EXISTS (
               SELECT 1 FROM subscriptions t
               WHERE t.channel_id = s.channel_id AND t.id < s.id
                 AND (t.show_id = $3 OR t.show_id IS NULL) AND t.broken_reason IS NULL)
         ON CONFLICT DO NOTHING",
    )
    .bind(recap.db())
    .bind(now)
    .bind(show.db())
    .bind(owner.map(GuildId::db))
    .execute(&mut *conn)
    .await?;
    Ok(queued.rows_affected())
}

/// A delivered alert that does not carry all its 1️⃣–5️⃣ yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OwedReactions {
    pub id: AlertId,
    pub subscription_id: SubscriptionId,
    pub message_id: MessageId,
}

/// Outbox rows by state, for `/alerts list`, tests and benchmarks.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct OutboxCounts {
    pub pending: u64,
    pub sending: u64,
    pub delivered: u64,
    pub failed: u64,
    /// Delivered alerts still owed some of their rating reactions.
    pub reactions_owed: u64,
}

impl Store {
    /// Claims up to `limit` due alerts for `lease`; an alert whose lease ran out (its
    /// dispatcher died) is due again.
    pub async fn claim_alerts(&self, limit: u32, lease: Duration) -> Result<Vec<Delivery>> {
        let rows = self
            .claim_leased(
                "state = 'sending', attempts = attempts + 1",
                "state IN ('pending', 'sending') AND next_attempt_at <= $2",
                "id, recap_id, subscription_id, nonce, attempts",
                lease,
                limit,
            )
            .await?;
        let mut claimed: Vec<Delivery> = rows
            .iter()
            .map(|row| {
                Ok(Delivery {
                    id: AlertId(row.try_get("id")?),
                    recap_id: RecapId(row.try_get("recap_id")?),
                    subscription_id: SubscriptionId(row.try_get("subscription_id")?),
                    nonce: row.try_get("nonce")?,
                    attempts: row.try_get::<i64, _>("attempts")? as u32,
                })
            })
            .collect::<Result<_>>()?;
        claimed.sort_by_key(|d| d.id);
        Ok(claimed)
    }

    /// The alert was posted as `message`; its reactions are this dispatcher's to add for
    /// `lease`, after which another claim may take them over.
    pub async fn alert_delivered(
        &self,
        id: AlertId,
        message: MessageId,
        lease: Duration,
    ) -> Result<()> {
        let now = now();
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "UPDATE outbox SET state = 'delivered', message_id = $1, delivered_at = $2, lease_until = $3
             WHERE id = $4",
        )
        .bind(message.db())
        .bind(now)
        .bind(now + lease.as_secs().max(1) as i64)
        .bind(id.db())
        .execute(&mut *tx)
        .await?;
        tx.commit().await
    }

    /// Claims up to `limit` delivered alerts that still owe reactions and that no dispatcher
    /// holds (one died, or stopped, before adding them).
    pub async fn claim_owed_reactions(
        &self,
        limit: u32,
        lease: Duration,
    ) -> Result<Vec<OwedReactions>> {
        let rows = self
            .claim_leased(
                "",
                "state = 'delivered' AND reacted_at IS NULL",
                "id, subscription_id, message_id",
                lease,
                limit,
            )
            .await?;
        let mut owed: Vec<OwedReactions> = rows
            .iter()
            .map(|row| {
                Ok(OwedReactions {
                    id: AlertId(row.try_get("id")?),
                    subscription_id: SubscriptionId(row.try_get("subscription_id")?),
                    message_id: MessageId::from_db(row.try_get("message_id")?),
                })
            })
            .collect::<Result<_>>()?;
        owed.sort_by_key(|o| o.id);
        Ok(owed)
    }

    /// Leases up to `limit` outbox rows matching `due` (whose `$2` is now) that no one holds,
    /// setting `set` too, and returns their `columns`. The one backend-specific statement of
    /// the outbox: PostgreSQL's row locks let several dispatchers claim side by side; SQLite
    /// has one writer, which is the lock.
    async fn claim_leased(
        &self,
        set: &str,
        due: &str,
        columns: &str,
        lease: Duration,
        limit: u32,
    ) -> Result<Vec<sqlx::any::AnyRow>> {
        let now = now();
        let skip_locked = match self.backend() {
            Backend::Postgres => "FOR UPDATE SKIP LOCKED",
            Backend::Sqlite => "",
        };
        let set = if set.is_empty() { String::new() } else { format!(", {set}") };
        let mut tx = self.begin_write().await?;
        let rows = sqlx::query(&format!(
            "UPDATE outbox SET lease_until = $1{set}
             WHERE id IN (
                 SELECT id FROM outbox
                 WHERE {due} AND (lease_until IS NULL OR lease_until <= $2)
                 ORDER BY id LIMIT $3 {skip_locked})
             RETURNING {columns}"
        ))
        .bind(now + lease.as_secs().max(1) as i64)
        .bind(now)
        .bind(i64::from(limit))
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(rows)
    }

    /// The alert carries all its reactions (or its message is gone): nothing more is owed.
    pub async fn alert_reacted(&self, id: AlertId) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE outbox SET reacted_at = $1, lease_until = NULL WHERE id = $2")
            .bind(now())
            .bind(id.db())
            .execute(&mut *tx)
            .await?;
        tx.commit().await
    }

    /// Gives up a claim without an outcome (the bot is stopping): the next claim, in this
    /// process or the next, takes the alert at once instead of after the lease.
    pub async fn release_alert(&self, id: AlertId) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE outbox SET lease_until = NULL WHERE id = $1")
            .bind(id.db())
            .execute(&mut *tx)
            .await?;
        tx.commit().await
    }

    /// A passing failure: try again after `delay`.
    pub async fn alert_retry(&self, id: AlertId, error: &str, delay: Duration) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "UPDATE outbox SET state = 'pending', last_error = $1, next_attempt_at = $2, lease_until = NULL
             WHERE id = $3",
        )
        .bind(error)
        .bind(now() + delay.as_secs() as i64)
        .bind(id.db())
        .execute(&mut *tx)
        .await?;
        tx.commit().await
    }

    /// A final failure: the alert will not be posted.
    pub async fn alert_failed(&self, id: AlertId, error: &str) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "UPDATE outbox SET state = 'failed', last_error = $1, lease_until = NULL WHERE id = $2",
        )
        .bind(error)
        .bind(id.db())
        .execute(&mut *tx)
        .await?;
        tx.commit().await
    }

    pub async fn outbox_counts(&self) -> Result<OutboxCounts> {
        let rows: Vec<(String, i64, i64)> = sqlx::query_as(
            "SELECT state, COUNT(*),
                    CAST(SUM(CASE WHEN state = 'delivered' AND reacted_at IS NULL THEN 1 ELSE 0 END) AS BIGINT)
             FROM outbox GROUP BY state",
        )
        .fetch_all(self.pool())
        .await?;
        let mut counts = OutboxCounts::default();
        for (state, n, owed) in rows {
            let n = n as u64;
            counts.reactions_owed += owed as u64;
            match state.as_str() {
                "pending" => counts.pending = n,
                "sending" => counts.sending = n,
                "delivered" => counts.delivered = n,
                _ => counts.failed += n,
            }
        }
        Ok(counts)
    }
}
