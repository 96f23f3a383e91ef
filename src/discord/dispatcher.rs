//! The alert dispatcher: posts queued alerts into subscribed channels, exactly once.
//!
//! A row is claimed with a lease, posted, and marked delivered. If the process dies between the
//! post and the mark, the lease runs out and another claim finds the alert already in the
//! channel (its "Read the recap" button names the recap) instead of posting it again.

use std::sync::Arc;
use std::time::Duration;

use poise::serenity_prelude as serenity;
use serenity::{CreateThread, GetMessages, Http, HttpError};
use tokio::sync::Semaphore;
use tokio::task::JoinHandle;

use super::message::{alert_marker, alert_message};
use super::pace::{Pace, ALERT_REQUESTS_PER_SECOND};
use crate::app::App;
pub use crate::config::DispatchOptions;
use crate::ids::{ChannelId, MessageId};
use crate::observe;
use crate::recap::Recap;
use crate::store::outbox::Delivery;
use crate::store::subscriptions::Subscription;

/// How one alert ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Posted(MessageId),
    /// Found in the channel from an earlier attempt: not posted again.
    AlreadyThere(MessageId),
    /// The channel cannot take alerts (deleted, no access, no permission): subscription broken.
    Broken(String),
    Retry(String),
    /// Discord refused this alert for good (a 4xx that is not about the channel): not retried.
    Failed(String),
}

#[derive(Clone)]
pub struct Dispatcher {
    app: App,
    http: Arc<Http>,
    options: DispatchOptions,
    pace: Arc<Pace>,
    /// Alerts posted in the current batch, to get their rating reactions once all are out.
    posted: Arc<std::sync::Mutex<Vec<(ChannelId, MessageId)>>>,
}

const CLAIM_BATCH: u32 = 200;

impl Dispatcher {
    pub fn new(app: App, http: Arc<Http>, options: DispatchOptions) -> Self {
        Dispatcher {
            app,
            http,
            options,
            pace: Arc::new(Pace::per_second(ALERT_REQUESTS_PER_SECOND)),
            posted: Arc::default(),
        }
    }

    /// Runs until aborted: dispatches whatever is due, then waits for a local publish or the
    /// next poll.
    pub fn spawn(self) -> JoinHandle<()> {
        tokio::spawn(async move {
            loop {
                match self.dispatch_once().await {
                    Ok(n) if n > 0 => continue,
                    Ok(_) => {}
                    Err(error) => tracing::error!(%error, "alert dispatch failed"),
                }
                tokio::select! {
                    _ = self.app.store.alerts_wakeup() => {}
                    _ = tokio::time::sleep(self.options.poll) => {}
                }
            }
        })
    }

    /// Claims and posts one batch of due alerts, concurrently; returns how many it handled.
    pub async fn dispatch_once(&self) -> Result<usize, crate::discord::Error> {
        let claimed = self.app.store.claim_alerts(CLAIM_BATCH, self.options.lease).await?;
        let count = claimed.len();
        let permits = Arc::new(Semaphore::new(self.options.concurrency.max(1)));
        let mut tasks = Vec::with_capacity(count);
        for delivery in claimed {
            let permit = permits.clone().acquire_owned().await?;
            let this = self.clone();
            tasks.push(tokio::spawn(async move {
                let _permit = permit;
                let outcome = this.deliver(&delivery).await;
                if let Err(error) = this.record(&delivery, &outcome).await {
                    tracing::error!(%error, alert = %delivery.id, "cannot record an alert's outcome");
                }
                outcome
            }));
        }
        for task in tasks {
            task.await?;
        }
        // Reactions after every alert of the batch is out: the alerts are what readers wait for.
        let posted = std::mem::take(&mut *self.posted.lock().expect("posted alerts"));
        if !posted.is_empty() {
            let (http, pace) = (self.http.clone(), self.pace.clone());
            tokio::spawn(async move {
                for (channel, message) in posted {
                    super::votes::add_rating_reactions(http.clone(), channel, message, Some(&pace))
                        .await;
                }
            });
        }
        Ok(count)
    }

    async fn record(&self, delivery: &Delivery, outcome: &Outcome) -> crate::store::Result<()> {
        let store = &self.app.store;
        let counted = match outcome {
            Outcome::Posted(_) | Outcome::AlreadyThere(_) => "delivered",
            Outcome::Broken(_) => "broken",
            Outcome::Failed(_) => "refused",
            Outcome::Retry(_) => "failed",
        };
        metrics::counter!(observe::name::ALERTS, "outcome" => counted).increment(1);
        match outcome {
            Outcome::Posted(message) | Outcome::AlreadyThere(message) => {
                store.alert_delivered(delivery.id, *message).await
            }
            Outcome::Broken(reason) => {
                store.mark_subscription_broken(delivery.subscription_id, reason).await?;
                store.alert_failed(delivery.id, reason).await
            }
            Outcome::Failed(error) => {
                tracing::warn!(alert = %delivery.id, %error, "alert refused by Discord; not retried");
                store.alert_failed(delivery.id, error).await
            }
            Outcome::Retry(error) => {
                let backoff = Duration::from_secs((5u64 << delivery.attempts.min(10)).min(3_600));
                tracing::warn!(alert = %delivery.id, %error, ?backoff, "alert not posted; will retry");
                store.alert_retry(delivery.id, error, backoff).await
            }
        }
    }

    /// Posts one alert (or finds it already posted).
    pub async fn deliver(&self, delivery: &Delivery) -> Outcome {
        match self.try_deliver(delivery).await {
            Ok(outcome) => outcome,
            Err(error) => classify(&error),
        }
    }

    /// The subscription and its recap; `None` if either was removed.
    async fn load(
        &self,
        delivery: &Delivery,
    ) -> crate::store::Result<Option<(Subscription, Recap)>> {
        let store = &self.app.store;
        let sub = store.subscription(delivery.subscription_id).await?;
        let recap = store.recap_by_id(delivery.recap_id).await?;
        Ok(sub.zip(recap))
    }

    async fn try_deliver(&self, delivery: &Delivery) -> Result<Outcome, serenity::Error> {
        let store = &self.app.store;
        let (sub, recap) = match self.load(delivery).await {
            Ok(Some(found)) => found,
            Ok(None) => {
                return Ok(Outcome::Broken("the subscription or the recap was removed".into()))
            }
            Err(error) => return Ok(Outcome::Retry(error.to_string())),
        };
        let channel = serenity::ChannelId::from(sub.channel_id);
        let marker = alert_marker(&recap, sub.spoilers);
        if delivery.attempts > 1 {
            // An earlier attempt may have posted before it could say so.
            self.pace.wait().await;
            let recent = channel.messages(&self.http, GetMessages::new().limit(50)).await?;
            let found = recent.iter().find(|m| {
                m.author.bot
                    && m.components.iter().flat_map(|row| &row.components).any(|c| match c {
                        serenity::ActionRowComponent::Button(b) => {
                            matches!(&b.data, serenity::ButtonKind::NonLink { custom_id, .. } if *custom_id == marker)
                        }
                        _ => false,
                    })
            });
            if let Some(message) = found {
                return Ok(Outcome::AlreadyThere(message.id.into()));
            }
        }

        self.pace.wait().await;
        let message =
            channel.send_message(&self.http, alert_message(&recap, &sub, &delivery.nonce)).await?;
        let id = MessageId::from(message.id);
        // An alert is a rating post like a public /recap.
        if let Err(error) =
            store.record_post(id, sub.guild_id, sub.channel_id, recap.episode_id, recap.id).await
        {
            tracing::error!(%error, "cannot record an alert as a rating post");
        }
        self.posted.lock().expect("posted alerts").push((sub.channel_id, id));
        if sub.thread {
            let name: String =
                format!("{} {} discussion", recap.show, recap.number).chars().take(100).collect();
            self.pace.wait().await;
            if let Err(error) = channel
                .create_thread_from_message(&self.http, message.id, CreateThread::new(name))
                .await
            {
                tracing::warn!(%error, channel = %sub.channel_id, "cannot open the alert's discussion thread");
            }
        }
        Ok(Outcome::Posted(id))
    }
}

/// Discord's answer decides: gone or forbidden is final, anything else is worth a retry.
fn classify(error: &serenity::Error) -> Outcome {
    if let serenity::Error::Http(HttpError::UnsuccessfulRequest(response)) = error {
        let reason = match response.error.code {
            10003 => Some("the channel was deleted"),
            50001 => Some("recapbot cannot see the channel (Missing Access)"),
            50013 => Some("recapbot may not post there (Missing Permissions)"),
            50008 => Some("alerts cannot be posted in that kind of channel"),
            _ => None,
        };
        if let Some(reason) = reason {
            return Outcome::Broken(reason.to_string());
        }
        let status = response.status_code.as_u16();
        let error = format!("HTTP {status}: {}", response.error.message);
        // The same request would be refused again: only a 429 or a server error is worth a retry.
        return if (400..500).contains(&status) && status != 429 {
            Outcome::Failed(error)
        } else {
            Outcome::Retry(error)
        };
    }
    Outcome::Retry(error.to_string())
}
