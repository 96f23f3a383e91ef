//! The alert dispatcher: posts queued alerts into subscribed channels, exactly once.
//!
//! A row is claimed with a lease, posted, and marked delivered. If the process dies between the
//! post and the mark, the lease runs out and another claim finds the alert already in the
//! channel (its "Read the recap" button names the recap) instead of posting it again.
//!
//! A delivered alert then gets its 1️⃣–5️⃣, after every alert due is out (the alerts are what
//! readers wait for), and is marked reacted. Until then the reactions are owed in the
//! outbox: one the process did not get to (it died, or stopped) is finished by a later claim.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::StreamExt;
use poise::serenity_prelude as serenity;
use serenity::{CreateForumPost, CreateThread, HttpError};
use tokio::sync::{watch, Semaphore};
use tokio::task::JoinHandle;

use super::message::{alert_marker, alert_message};
use super::pace::{Pace, PACED_REQUESTS_PER_SECOND};
use super::rest::Rest;
use crate::app::App;
pub use crate::config::DispatchOptions;
use crate::i18n::Locale;
use crate::ids::{AlertId, ChannelId, MessageId};
use crate::observe;
use crate::recap::Recap;
use crate::store::outbox::{Delivery, OwedReactions};
use crate::store::subscriptions::Subscription;
use crate::tr;

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
    rest: Rest,
    options: DispatchOptions,
    /// Alerts whose reactions this process is adding, so that a claim of owed reactions whose
    /// lease ran out meanwhile does not queue them twice.
    reacting: Arc<Mutex<HashSet<AlertId>>>,
    /// The reaction runs under way, for [`Dispatcher::complete_reactions`].
    runs: Arc<Mutex<Vec<JoinHandle<()>>>>,
    /// Set by [`Dispatcher::stop`].
    stopping: Arc<watch::Sender<bool>>,
    /// Servers' system channels, where a broken subscription is reported when the channel
    /// the admin subscribed from cannot take it.
    cache: Option<Arc<serenity::Cache>>,
}

/// A delivered alert's message, to get its reactions.
struct ToReact {
    alert: AlertId,
    channel: ChannelId,
    message: MessageId,
    /// The scores it already carries, when known (none on an alert just posted).
    present: Option<Vec<u8>>,
}

impl Dispatcher {
    /// `rest`: serenity's `Http` will do (straight to Discord, or behind a proxy).
    pub fn new(app: App, rest: impl Into<Rest>, options: DispatchOptions) -> Self {
        let pace = Arc::new(Pace::per_second(PACED_REQUESTS_PER_SECOND));
        let rest: Rest = rest.into();
        Dispatcher {
            app,
            rest: rest.with_pace(pace),
            options,
            reacting: Arc::default(),
            runs: Arc::default(),
            stopping: Arc::new(watch::channel(false).0),
            cache: None,
        }
    }

    /// Spaces requests with the process's one budget (shared with the other REST bursts).
    pub fn with_pace(mut self, pace: Arc<Pace>) -> Self {
        self.rest = self.rest.with_pace(pace);
        self
    }

    /// Reads servers' system channels from the gateway's cache.
    pub fn with_cache(mut self, cache: Arc<serenity::Cache>) -> Self {
        self.cache = Some(cache);
        self
    }

    /// Runs until [`Dispatcher::stop`]: dispatches whatever is due, then waits for a local
    /// publish or the next poll. The task ends once the alerts in flight are recorded.
    pub fn spawn(self) -> JoinHandle<()> {
        tokio::spawn(async move {
            let mut stopping = self.stopping.subscribe();
            while !*stopping.borrow_and_update() {
                match self.dispatch_once().await {
                    Ok(n) if n > 0 => continue,
                    Ok(_) => {}
                    Err(error) => tracing::error!(%error, "alert dispatch failed"),
                }
                tokio::select! {
                    _ = self.app.store.alerts_wakeup() => {}
                    _ = tokio::time::sleep(self.options.poll) => {}
                    _ = stopping.changed() => {}
                }
            }
            self.complete_reactions().await;
        })
    }

    /// Takes no new alert: alerts being posted finish and are recorded; those of the batch not
    /// yet started, and reactions not yet added, are handed back to the outbox for the next
    /// claim (in the next process) to take at once.
    pub fn stop(&self) {
        self.stopping.send_replace(true);
    }

    fn is_stopping(&self) -> bool {
        *self.stopping.borrow()
    }

    /// Waits for the reaction runs handed off so far.
    pub async fn complete_reactions(&self) {
        loop {
            let runs = std::mem::take(&mut *self.runs.lock().expect("reaction runs"));
            if runs.is_empty() {
                return;
            }
            for run in runs {
                let _ = run.await;
            }
        }
    }

    /// Claims and posts due alerts until none is left, `concurrency` of them on their way at
    /// a time, and hands their reactions (and any owed from earlier) to a run of their own;
    /// returns how many alerts it handled. The next batch is claimed as soon as the last of
    /// the previous one has started, so requests keep going while the claim is made and no
    /// batch waits for its slowest alert: the pace, not the round trips, sets the wall time.
    pub async fn dispatch_once(&self) -> Result<usize, crate::discord::Error> {
        let permits = Arc::new(Semaphore::new(self.options.concurrency.max(1)));
        let mut tasks = Vec::new();
        let mut count = 0;
        while !self.is_stopping() {
            let claimed =
                self.app.store.claim_alerts(self.options.batch, self.options.lease).await?;
            if claimed.is_empty() {
                break;
            }
            tracing::info!(alerts = claimed.len(), "posting alerts");
            count += claimed.len();
            for delivery in claimed {
                let permit = permits.clone().acquire_owned().await?;
                let this = self.clone();
                tasks.push(tokio::spawn(async move {
                    let _permit = permit;
                    if this.is_stopping() {
                        this.release(delivery.id).await;
                        return None;
                    }
                    let outcome = this.deliver(&delivery).await;
                    match this.record(&delivery, &outcome).await {
                        Ok(to_react) => to_react,
                        Err(error) => {
                            tracing::error!(%error, alert = %delivery.id, "cannot record an alert's outcome");
                            None
                        }
                    }
                }));
            }
        }
        let mut to_react = Vec::with_capacity(tasks.len());
        for task in tasks {
            to_react.extend(task.await?);
        }
        if !self.is_stopping() {
            let owed =
                self.app.store.claim_owed_reactions(self.options.batch, self.options.lease).await?;
            count += owed.len();
            for owed in owed {
                if let Some(item) = self.owed_to_react(owed).await {
                    to_react.push(item);
                }
            }
        }
        to_react.retain(|item| self.reacting.lock().expect("reacting").insert(item.alert));
        if !to_react.is_empty() {
            let this = self.clone();
            // Alerts side by side: Discord limits reactions per channel (about four a second),
            // so one alert after another would take over a second each; the pace keeps the
            // whole run under the global limit.
            let run = tokio::spawn(async move {
                let concurrency = this.options.concurrency.max(1);
                futures::stream::iter(to_react)
                    .for_each_concurrent(concurrency, |item| {
                        let this = &this;
                        async move {
                            let alert = item.alert;
                            if this.is_stopping() {
                                this.release(alert).await;
                            } else {
                                this.react(item).await;
                            }
                            this.reacting.lock().expect("reacting").remove(&alert);
                        }
                    })
                    .await;
            });
            let mut runs = self.runs.lock().expect("reaction runs");
            runs.retain(|run| !run.is_finished());
            runs.push(run);
        }
        Ok(count)
    }

    /// An alert speaks to the whole server, not to one member.
    fn guild_locale(&self, guild: crate::ids::GuildId) -> Locale {
        super::l10n::server_locale(self.cache.as_deref(), guild)
    }

    /// Says once, where the server's admins will see it, that a subscription's alerts stopped
    /// and why: in the channel `/alerts subscribe` was run from, else the system channel.
    async fn tell_admins(&self, sub: &Subscription, reason: &str) {
        let system = self.cache.as_ref().and_then(|cache| {
            cache.guild(serenity::GuildId::from(sub.guild_id))?.system_channel_id
        });
        let Some(channel) = [sub.made_in, system.map(ChannelId::from)]
            .into_iter()
            .flatten()
            .find(|c| *c != sub.channel_id)
        else {
            return;
        };
        let locale = self.guild_locale(sub.guild_id);
        let channel_mention = format!("<#{}>", sub.channel_id);
        let text = match &sub.show {
            Some((_, show)) => tr!(
                locale,
                "alerts-stopped-show",
                show = show,
                channel = channel_mention,
                reason = reason
            ),
            None => tr!(locale, "alerts-stopped", channel = channel_mention, reason = reason),
        };
        let message = serenity::CreateMessage::new()
            .content(text)
            .allowed_mentions(serenity::CreateAllowedMentions::new());
        if let Err(error) = self.rest.send_message(channel, &message).await {
            tracing::warn!(%error, %channel, "cannot tell the admins that alerts stopped");
        }
    }

    /// Where an owed alert's message is; `None` when its subscription is gone.
    async fn owed_to_react(&self, owed: OwedReactions) -> Option<ToReact> {
        match self.app.store.subscription(owed.subscription_id).await {
            Ok(Some(sub)) => Some(ToReact {
                alert: owed.id,
                channel: sub.alert_channel(owed.message_id),
                message: owed.message_id,
                present: None,
            }),
            Ok(None) => None,
            Err(error) => {
                tracing::error!(%error, alert = %owed.id, "cannot load an alert's subscription");
                None
            }
        }
    }

    async fn release(&self, alert: AlertId) {
        if let Err(error) = self.app.store.release_alert(alert).await {
            tracing::error!(%error, %alert, "cannot hand an alert back to the outbox");
        }
    }

    /// Adds the reactions an alert lacks and records it complete. What Discord refuses for good
    /// (the message deleted, no permission to react) is not tried again; anything else is left
    /// owed, for a later claim.
    async fn react(&self, item: ToReact) {
        let (rest, channel, message) = (&self.rest.behind(), item.channel, item.message);
        let present = match item.present {
            Some(present) => present,
            None => match rest.message(channel, message).await {
                Ok(found) => super::votes::own_scores(&found),
                Err(error) => return self.reactions_failed(item.alert, &error).await,
            },
        };
        let added = super::votes::add_missing_reactions(rest, channel, message, &present).await;
        match added {
            Ok(()) => {
                if let Err(error) = self.app.store.alert_reacted(item.alert).await {
                    tracing::error!(%error, alert = %item.alert, "cannot record an alert's reactions");
                }
            }
            Err(error) => self.reactions_failed(item.alert, &error).await,
        }
    }

    async fn reactions_failed(&self, alert: AlertId, error: &serenity::Error) {
        if matches!(classify(error), Outcome::Retry(_)) {
            // Kept under this dispatcher's lease: tried again once it runs out, not at once.
            tracing::warn!(%error, %alert, "cannot add an alert's rating reactions yet; will retry");
            return;
        }
        tracing::warn!(%error, %alert, "Discord refused an alert's rating reactions; not retried");
        if let Err(error) = self.app.store.alert_reacted(alert).await {
            tracing::error!(%error, %alert, "cannot record an alert's reactions");
        }
    }

    /// Records how the alert ended; a delivered one is returned, to get its reactions.
    async fn record(
        &self,
        delivery: &Delivery,
        outcome: &Outcome,
    ) -> crate::store::Result<Option<ToReact>> {
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
                store.alert_delivered(delivery.id, *message, self.options.lease).await?;
                let Some(sub) = store.subscription(delivery.subscription_id).await? else {
                    return Ok(None);
                };
                let present = matches!(outcome, Outcome::Posted(_)).then(Vec::new);
                return Ok(Some(ToReact {
                    alert: delivery.id,
                    channel: sub.alert_channel(*message),
                    message: *message,
                    present,
                }));
            }
            Outcome::Broken(reason) => {
                let newly =
                    store.mark_subscription_broken(delivery.subscription_id, reason).await?;
                store.alert_failed(delivery.id, reason).await?;
                if newly {
                    if let Some(sub) = store.subscription(delivery.subscription_id).await? {
                        self.tell_admins(&sub, reason).await;
                    }
                }
            }
            Outcome::Failed(error) => {
                tracing::warn!(alert = %delivery.id, %error, "alert refused by Discord; not retried");
                store.alert_failed(delivery.id, error).await?;
            }
            Outcome::Retry(error) => {
                let backoff = Duration::from_secs((5u64 << delivery.attempts.min(10)).min(3_600));
                tracing::warn!(alert = %delivery.id, %error, ?backoff, "alert not posted; will retry");
                store.alert_retry(delivery.id, error, backoff).await?;
            }
        }
        Ok(None)
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

    /// An alert an earlier attempt posted: among the channel's recent messages, or in a forum
    /// among the active posts titled `title` (a post's first message has the thread's id).
    async fn find_posted(
        &self,
        sub: &Subscription,
        title: &str,
        marker: &str,
    ) -> Result<Option<MessageId>, serenity::Error> {
        let is_alert = |m: &serenity::Message| {
            m.author.bot
                && m.components.iter().flat_map(|row| &row.components).any(|c| match c {
                    serenity::ActionRowComponent::Button(b) => {
                        matches!(&b.data, serenity::ButtonKind::NonLink { custom_id, .. } if custom_id == marker)
                    }
                    _ => false,
                })
        };
        let channel = serenity::ChannelId::from(sub.channel_id);
        if !sub.forum {
            let recent = self.rest.recent_messages(channel, 50).await?;
            return Ok(recent.iter().find(|m| is_alert(m)).map(|m| m.id.into()));
        }
        let active = self.rest.active_threads(sub.guild_id).await?;
        for thread in active.threads {
            if thread.parent_id != Some(channel) || thread.name != title {
                continue;
            }
            // A forum post's first message has the thread's id.
            let first = self.rest.message(thread.id, serenity::MessageId::new(thread.id.get()));
            match first.await {
                Ok(message) if is_alert(&message) => return Ok(Some(message.id.into())),
                Ok(_) => {}
                Err(error) if super::votes::is_gone(&error) => {}
                Err(error) => return Err(error),
            }
        }
        Ok(None)
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
        let title: String = format!("{} {}", recap.show, recap.number).chars().take(100).collect();
        if delivery.attempts > 1 {
            // An earlier attempt may have posted before it could say so.
            if let Some(found) = self.find_posted(&sub, &title, &marker).await? {
                return Ok(Outcome::AlreadyThere(found));
            }
        }

        let message = alert_message(&recap, &sub, &delivery.nonce, self.guild_locale(sub.guild_id));
        let id = if sub.forum {
            let post = CreateForumPost::new(title, message);
            MessageId::new(self.rest.create_forum_post(channel, &post).await?.id.get())
        } else {
            MessageId::from(self.rest.send_message(channel, &message).await?.id)
        };
        // An alert is a rating post like a public /recap.
        let posted_in = sub.alert_channel(id);
        if let Err(error) =
            store.record_post(id, sub.guild_id, posted_in, recap.episode_id, recap.id).await
        {
            tracing::error!(%error, "cannot record an alert as a rating post");
        }
        if sub.thread && !sub.forum {
            let name: String =
                format!("{} {} discussion", recap.show, recap.number).chars().take(100).collect();
            if let Err(error) =
                self.rest.create_thread_from_message(channel, id, &CreateThread::new(name)).await
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
