//! The alert dispatcher: posts queued alerts into subscribed channels, exactly once.
//!
//! A row is claimed with a lease, posted, and marked delivered. If the process dies between the
//! post and the mark, the lease runs out and another claim finds the alert already in the
//! channel (its "Read the recap" button names the recap) instead of posting it again.

use std::sync::Arc;
use std::time::Duration;

use poise::serenity_prelude as serenity;
use serenity::{
    ButtonStyle, ChannelId, CreateActionRow, CreateAllowedMentions, CreateButton, CreateMessage,
    CreateThread, GetMessages, Http, HttpError, MessageId, RoleId,
};
use tokio::sync::Semaphore;
use tokio::task::JoinHandle;

use super::pace::{Pace, ALERT_REQUESTS_PER_SECOND};
use crate::recap::render::{self, custom_id, EmbedField, EmbedPage, PagerAction};
use crate::recap::Recap;
use crate::store::outbox::Delivery;
use crate::store::subscriptions::Subscription;
use crate::store::Store;

#[derive(Debug, Clone)]
pub struct DispatchOptions {
    /// How long a claimed alert is this dispatcher's before another may take it over.
    pub lease: Duration,
    /// Alerts posted at once; serenity's rate limiter keeps them within Discord's buckets.
    pub concurrency: usize,
    /// How often to look for alerts queued by other processes.
    pub poll: Duration,
    /// Tests only: stop right after posting, as a crash between the post and the commit would.
    #[doc(hidden)]
    pub crash_after_post: bool,
}

impl Default for DispatchOptions {
    fn default() -> Self {
        DispatchOptions {
            lease: Duration::from_secs(60),
            concurrency: 50,
            poll: Duration::from_secs(5),
            crash_after_post: false,
        }
    }
}

/// How one alert ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Posted(u64),
    /// Found in the channel from an earlier attempt: not posted again.
    AlreadyThere(u64),
    /// The channel cannot take alerts (deleted, no access, no permission): subscription broken.
    Broken(String),
    Retry(String),
    Crashed,
}

#[derive(Clone)]
pub struct Dispatcher {
    store: Store,
    http: Arc<Http>,
    options: DispatchOptions,
    pace: Arc<Pace>,
    /// Alerts posted in the current batch, to get their rating reactions once all are out.
    posted: Arc<std::sync::Mutex<Vec<(u64, u64)>>>,
}

const CLAIM_BATCH: u32 = 200;

impl Dispatcher {
    pub fn new(store: Store, http: Arc<Http>, options: DispatchOptions) -> Self {
        Dispatcher {
            store,
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
                    _ = self.store.alerts_wakeup() => {}
                    _ = tokio::time::sleep(self.options.poll) => {}
                }
            }
        })
    }

    /// Claims and posts one batch of due alerts, concurrently; returns how many it handled.
    pub async fn dispatch_once(&self) -> Result<usize, crate::discord::Error> {
        let claimed = self.store.claim_alerts(CLAIM_BATCH, self.options.lease).await?;
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
                    tracing::error!(%error, alert = delivery.id, "cannot record an alert's outcome");
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
                    super::ratings::add_rating_reactions(
                        http.clone(),
                        channel,
                        message,
                        Some(&pace),
                    )
                    .await;
                }
            });
        }
        Ok(count)
    }

    async fn record(&self, delivery: &Delivery, outcome: &Outcome) -> crate::store::Result<()> {
        match outcome {
            Outcome::Posted(message) | Outcome::AlreadyThere(message) => {
                self.store.alert_delivered(delivery.id, *message).await
            }
            Outcome::Broken(reason) => {
                self.store.mark_subscription_broken(delivery.subscription_id, reason).await?;
                self.store.alert_failed(delivery.id, reason).await
            }
            Outcome::Retry(error) => {
                let backoff = Duration::from_secs((5u64 << delivery.attempts.min(10)).min(3_600));
                tracing::warn!(alert = delivery.id, %error, ?backoff, "alert not posted; will retry");
                self.store.alert_retry(delivery.id, error, backoff).await
            }
            Outcome::Crashed => Ok(()),
        }
    }

    /// Posts one alert (or finds it already posted).
    pub async fn deliver(&self, delivery: &Delivery) -> Outcome {
        match self.try_deliver(delivery).await {
            Ok(outcome) => outcome,
            Err(error) => classify(&error),
        }
    }

    async fn try_deliver(&self, delivery: &Delivery) -> Result<Outcome, serenity::Error> {
        let loaded = async {
            let sub = self.store.subscription(delivery.subscription_id).await?;
            let recap = self.store.recap_by_id(delivery.recap_id).await?;
            crate::store::Result::Ok(sub.zip(recap))
        };
        let (sub, recap) = match loaded.await {
            Ok(Some(found)) => found,
            Ok(None) => {
                return Ok(Outcome::Broken("the subscription or the recap was removed".into()))
            }
            Err(error) => return Ok(Outcome::Retry(crate::store::StoreError::to_string(&error))),
        };
        let channel = ChannelId::new(sub.channel_id);
        let marker = custom_id(PagerAction::Page { recap: recap.id, page: 0 }, sub.spoilers);
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
                return Ok(Outcome::AlreadyThere(message.id.get()));
            }
        }

        self.pace.wait().await;
        let message = channel
            .send_message(&self.http, alert_message(&recap, &sub, &marker, &delivery.nonce))
            .await?;
        if self.options.crash_after_post {
            return Ok(Outcome::Crashed);
        }
        let id = message.id.get();
        // An alert is a rating post like a public /recap.
        if let Err(error) = self
            .store
            .record_post(id, sub.guild_id, sub.channel_id, recap.episode_id, recap.id)
            .await
        {
            tracing::error!(%error, "cannot record an alert as a rating post");
        }
        self.posted.lock().expect("posted alerts").push((sub.channel_id, id));
        if sub.thread {
            let name: String =
                format!("{} {} discussion", recap.show, recap.number).chars().take(100).collect();
            self.pace.wait().await;
            if let Err(error) = channel
                .create_thread_from_message(&self.http, MessageId::new(id), CreateThread::new(name))
                .await
            {
                tracing::warn!(%error, channel = sub.channel_id, "cannot open the alert's discussion thread");
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
            _ => None,
        };
        if let Some(reason) = reason {
            return Outcome::Broken(reason.to_string());
        }
        return Outcome::Retry(format!(
            "HTTP {}: {}",
            response.status_code.as_u16(),
            response.error.message
        ));
    }
    Outcome::Retry(error.to_string())
}

/// The summary an alert shows: the recap's opening, cut at a word near 300 characters.
fn summary(recap: &Recap) -> String {
    let first = recap.recap.split("\n\n").next().unwrap_or_default().trim();
    if first.chars().count() <= 300 {
        return first.to_string();
    }
    let cut: String = first.chars().take(300).collect();
    let at_word = cut.rfind(' ').map(|i| &cut[..i]).unwrap_or(&cut);
    format!("{at_word}…")
}

fn alert_message(recap: &Recap, sub: &Subscription, marker: &str, nonce: &str) -> CreateMessage {
    let summary = summary(recap);
    let mut fields = Vec::new();
    if let Some(rating) = &recap.rating {
        fields.push(EmbedField {
            name: "Critic rating".into(),
            value: rating.to_string(),
            inline: true,
        });
    }
    let source = match &recap.url {
        Some(url) => format!("[{}]({url})", recap.source_site),
        None => recap.source_site.clone(),
    };
    fields.push(EmbedField { name: "Source".into(), value: source, inline: true });
    let page = EmbedPage {
        title: render::headline(recap).chars().take(256).collect(),
        url: recap.url.clone().filter(|u| u.starts_with("http")),
        description: if sub.spoilers { render::spoiler(&summary) } else { summary },
        fields,
        footer: "Rate this episode with 1️⃣–5️⃣".into(),
        timestamp: recap.published_at,
    };
    let read = CreateButton::new(marker).label("Read the recap").style(ButtonStyle::Primary);
    let (content, mentions) = match sub.role_id {
        // The subscription's role is the one mention an alert may make.
        Some(role) => (
            format!("<@&{role}> New recap: **{}** {}", recap.show, recap.number),
            CreateAllowedMentions::new().roles(vec![RoleId::new(role)]),
        ),
        None => (
            format!("New recap: **{}** {}", recap.show, recap.number),
            CreateAllowedMentions::new(),
        ),
    };
    CreateMessage::new()
        .content(content)
        .embed(super::pager::embed(&page))
        .components(vec![CreateActionRow::Buttons(vec![read])])
        .allowed_mentions(mentions)
        .nonce(serenity::Nonce::String(nonce.to_string()))
        .enforce_nonce(true)
}
