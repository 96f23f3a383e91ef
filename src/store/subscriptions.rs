//! Alert subscriptions: which channels hear about new recaps of which shows.

use sqlx::Row;

use super::{now, Result, Store};
use crate::ids::{ChannelId, GuildId, RoleId, ShowId, SubscriptionId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    pub id: SubscriptionId,
    pub guild_id: GuildId,
    pub channel_id: ChannelId,
    /// `None`: every show.
    pub show: Option<(ShowId, String)>,
    pub role_id: Option<RoleId>,
    pub spoilers: bool,
    pub thread: bool,
    /// A forum channel: each alert is a post of its own (a thread), not a message.
    pub forum: bool,
    /// Why alerts stopped (deleted channel, missing permission); `None` while healthy.
    pub broken_reason: Option<String>,
    /// Where `/alerts subscribe` was run: where a breakage is reported.
    pub made_in: Option<ChannelId>,
}

/// What a server admin asked for with `/alerts subscribe`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSubscription {
    pub guild_id: GuildId,
    pub channel_id: ChannelId,
    pub show: Option<ShowId>,
    pub role_id: Option<RoleId>,
    pub spoilers: bool,
    pub thread: bool,
    /// A forum channel: each alert is a post of its own (a thread), not a message.
    pub forum: bool,
    /// Where `/alerts subscribe` was run (`None`: not through Discord).
    pub made_in: Option<ChannelId>,
}

impl Subscription {
    /// Where the alert posted as `message` is: a forum post's own thread, whose id is its
    /// first message's, or else the subscribed channel.
    pub fn alert_channel(&self, message: crate::ids::MessageId) -> ChannelId {
        if self.forum {
            ChannelId::new(message.get())
        } else {
            self.channel_id
        }
    }
}

fn subscription_from_row(row: &sqlx::any::AnyRow) -> Result<Subscription> {
    let show_id: Option<i64> = row.try_get("show_id")?;
    let show_name: Option<String> = row.try_get("show_name")?;
    Ok(Subscription {
        id: SubscriptionId(row.try_get("id")?),
        guild_id: GuildId::from_db(row.try_get("guild_id")?),
        channel_id: ChannelId::from_db(row.try_get("channel_id")?),
        show: show_id.zip(show_name).map(|(id, name)| (ShowId(id), name)),
        role_id: row.try_get::<Option<i64>, _>("role_id")?.map(RoleId::from_db),
        spoilers: row.try_get::<i64, _>("spoilers")? != 0,
        thread: row.try_get::<i64, _>("thread")? != 0,
        forum: row.try_get::<i64, _>("forum")? != 0,
        broken_reason: row.try_get("broken_reason")?,
        made_in: row.try_get::<Option<i64>, _>("made_in")?.map(ChannelId::from_db),
    })
}

pub(crate) const SUBSCRIPTION_COLUMNS: &str =
    "s.id, s.guild_id, s.channel_id, s.show_id, sh.name AS show_name,
    s.role_id, s.spoilers, s.thread, s.forum, s.broken_reason, s.made_in";

impl Store {
    /// Subscribes a channel (again: a re-subscription updates the options and heals it).
    pub async fn subscribe(&self, new: &NewSubscription) -> Result<SubscriptionId> {
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO subscriptions (guild_id, channel_id, show_id, role_id, spoilers, thread, forum, created_at, made_in)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
             ON CONFLICT (guild_id, channel_id, COALESCE(show_id, 0)) DO UPDATE
                 SET role_id = excluded.role_id, spoilers = excluded.spoilers, thread = excluded.thread,
                     forum = excluded.forum, broken_reason = NULL, made_in = excluded.made_in
             RETURNING id",
        )
        .bind(new.guild_id.db())
        .bind(new.channel_id.db())
        .bind(new.show.map(ShowId::db))
        .bind(new.role_id.map(RoleId::db))
        .bind(i64::from(new.spoilers))
        .bind(i64::from(new.thread))
        .bind(i64::from(new.forum))
        .bind(now())
        .bind(new.made_in.map(ChannelId::db))
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(SubscriptionId(id))
    }

    /// Removes a channel's subscription to one show (or to every show); true if there was one.
    pub async fn unsubscribe(
        &self,
        guild: GuildId,
        channel: ChannelId,
        show: Option<ShowId>,
    ) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "DELETE FROM subscriptions WHERE guild_id = $1 AND channel_id = $2 AND COALESCE(show_id, 0) = $3",
        )
        .bind(guild.db())
        .bind(channel.db())
        .bind(show.map(|s| s.0).unwrap_or(0))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(done.rows_affected() > 0)
    }

    pub async fn subscriptions(&self, guild: GuildId) -> Result<Vec<Subscription>> {
        let rows = sqlx::query(&format!(
            "SELECT {SUBSCRIPTION_COLUMNS} FROM subscriptions s LEFT JOIN shows sh ON sh.id = s.show_id
             WHERE s.guild_id = $1 ORDER BY s.channel_id, sh.name"
        ))
        .bind(guild.db())
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(subscription_from_row).collect()
    }

    pub async fn subscription(&self, id: SubscriptionId) -> Result<Option<Subscription>> {
        let row = sqlx::query(&format!(
            "SELECT {SUBSCRIPTION_COLUMNS} FROM subscriptions s LEFT JOIN shows sh ON sh.id = s.show_id
             WHERE s.id = $1"
        ))
        .bind(id.db())
        .fetch_optional(self.pool())
        .await?;
        row.as_ref().map(subscription_from_row).transpose()
    }

    /// Stops alerts to a subscription that cannot receive them, and says why.
    /// Records why a subscription's alerts stopped; true when it was healthy until now (so
    /// the admins are told once).
    pub async fn mark_subscription_broken(&self, id: SubscriptionId, reason: &str) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let newly = sqlx::query(
            "UPDATE subscriptions SET broken_reason = $1 WHERE id = $2 AND broken_reason IS NULL",
        )
        .bind(reason)
        .bind(id.db())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(newly.rows_affected() == 1)
    }
}
