//! Connecting to Discord: the client, its framework, and the tasks that live as long as it.

use std::sync::Arc;
use std::time::Duration;

use poise::serenity_prelude as serenity;
use serenity::{ClientBuilder, CreateAllowedMentions, HttpBuilder, ShardManager};
use tokio::sync::mpsc::UnboundedSender;
use tokio::task::JoinHandle;

use super::pace::{self, Pace, PACED_REQUESTS_PER_SECOND};
use super::reactions::ReactionQueue;
use super::rest::Rest;
use super::votes::VoteJob;
use super::{dispatcher, rest, startup, votes, Command, Data, INTENTS};
use crate::app::App;
use crate::config::{without_credentials, Config, Shards};

/// How REST calls reach Discord.
#[derive(Debug, Clone)]
pub enum Transport {
    /// Straight to discord.com, with serenity's own rate limiter.
    Direct,
    /// Through a twilight-http-proxy-style rate-limiting proxy (`DISCORD_HTTP_PROXY`); the
    /// proxy owns rate limiting, so serenity's limiter is off, as that deployment expects, and
    /// the 429s it passes on are waited out by [`super::rest::Rest`].
    /// Its origin, without any `user:password@`: serenity logs its `Http`, proxy URL included,
    /// at debug level, and would have sent the bot token in place of that password anyway.
    Proxy(String),
    /// A prepared HTTP client (the tests' and sandbox's fake Discord, with its test CA).
    Client(reqwest::Client),
}

impl Transport {
    pub fn of(config: &Config) -> Transport {
        match (&config.tuning.discord_client, &config.discord_http_proxy) {
            (Some(client), _) => Transport::Client(client.clone()),
            (None, Some(proxy)) => {
                Transport::Proxy(without_credentials(proxy).trim_end_matches('/').to_string())
            }
            (None, None) => Transport::Direct,
        }
    }
}

/// Why the bot could not start or stopped: one line for the operator, never the token.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("DISCORD_TOKEN is not set: put the bot token from the Discord Developer Portal in the environment or .env (or run `recapbot sandbox` to try the bot without one)")]
    MissingToken,
    #[error("DISCORD_TOKEN is malformed: a bot token is three dot-separated parts, as the Developer Portal shows it")]
    MalformedToken,
    #[error("Discord refused DISCORD_TOKEN (close code 4004, authentication failed): reset the token in the Developer Portal and update it")]
    TokenRefused,
    #[error(
        "DISCORD_HTTP_PROXY {0:?} is not an http:// or https:// URL, such as http://127.0.0.1:3000"
    )]
    MalformedProxy(String),
    #[error("cannot connect to Discord: {0}")]
    Discord(String),
    #[error("{0}")]
    Shards(String),
    #[error("cannot serve /healthz and /metrics on RECAPBOT_METRICS_ADDR {addr}: {reason}")]
    MetricsAddr { addr: std::net::SocketAddr, reason: String },
}

impl StartError {
    /// Maps serenity's error without ever formatting a request (whose headers hold the token).
    pub fn from_serenity(error: &serenity::Error) -> StartError {
        use serenity::{GatewayError, HttpError};
        match error {
            serenity::Error::Gateway(GatewayError::InvalidAuthentication) => {
                StartError::TokenRefused
            }
            serenity::Error::Http(HttpError::UnsuccessfulRequest(response))
                if response.status_code.as_u16() == 401 =>
            {
                StartError::TokenRefused
            }
            serenity::Error::Http(HttpError::UnsuccessfulRequest(response)) => {
                StartError::Discord(format!(
                    "HTTP {} from {}: {}",
                    response.status_code.as_u16(),
                    url::Url::parse(&response.url)
                        .map(|u| u.path().to_string())
                        .unwrap_or_default(),
                    response.error.message
                ))
            }
            other => StartError::Discord(other.to_string()),
        }
    }
}

/// How long a stopping bot gives its vote queue and alerts in flight to finish: within the
/// 10 s Docker waits before it kills a container (systemd and Kubernetes wait longer). What is
/// left then is not lost: the next start reconciles votes with Discord's reactions and takes
/// over the alerts.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(8);

/// The running bot.
pub struct Bot {
    pub task: JoinHandle<Result<(), serenity::Error>>,
    pub shard_manager: Arc<ShardManager>,
    /// The vote worker, the alert dispatcher and the feed poller: stopped with the bot, so a
    /// stopped bot applies nothing.
    workers: Arc<std::sync::Mutex<Workers>>,
    /// This process in the database's process registry, left on shutdown.
    process: (crate::store::Store, String),
}

#[derive(Default)]
struct Workers {
    /// The vote worker's queue and task, from the first shard's READY on.
    votes: Option<(UnboundedSender<VoteJob>, JoinHandle<()>)>,
    alerts: Option<(dispatcher::Dispatcher, JoinHandle<()>)>,
    /// Tasks with nothing to finish (a feed poll is stored in one transaction or not at all).
    others: Vec<JoinHandle<()>>,
}

impl Bot {
    /// Ties a task's life to the bot's.
    pub fn adopt(&self, task: JoinHandle<()>) {
        self.workers.lock().expect("bot workers").others.push(task);
    }

    /// Waits for the client to end (it ends on a fatal error, such as a refused token).
    pub async fn wait(&mut self) -> Result<(), StartError> {
        match (&mut self.task).await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(StartError::from_serenity(&e)),
            Err(e) if e.is_cancelled() => Ok(()),
            Err(e) => Err(StartError::Discord(format!("the client task failed: {e}"))),
        }
    }

    /// Stops as `recapbot run` does on SIGTERM or Ctrl-C, losing nothing: no new alert is
    /// taken and every shard disconnects cleanly (Discord sees the bot go offline at once);
    /// then the votes already received and the alerts being posted finish, while the database
    /// is still there.
    pub async fn shutdown(mut self) {
        let (votes, alerts) = {
            let mut workers = self.workers.lock().expect("bot workers");
            (workers.votes.take(), workers.alerts.take())
        };
        if let Some((dispatcher, _)) = &alerts {
            dispatcher.stop();
        }
        self.shard_manager.shutdown_all().await;
        let _ = self.wait().await;
        let (store, process) = &self.process;
        if let Err(error) = store.process_stopped(process).await {
            tracing::warn!(%error, "cannot leave the process registry; the others notice in 15 s");
        }
        // No shard is left to queue a vote: everything before the stop is all there is.
        let mut unfinished = Vec::new();
        let finishing = async {
            if let Some((queue, worker)) = votes {
                unfinished.push(worker.abort_handle());
                let _ = queue.send(VoteJob::Stop);
                let _ = worker.await;
            }
            if let Some((_, task)) = alerts {
                unfinished.push(task.abort_handle());
                let _ = task.await;
            }
        };
        if tokio::time::timeout(SHUTDOWN_GRACE, finishing).await.is_err() {
            tracing::warn!(
                grace = ?SHUTDOWN_GRACE,
                "stopped before the vote queue and the alerts in flight finished; the next start reconciles the votes and takes the alerts over"
            );
            for task in unfinished {
                task.abort();
            }
        }
    }
}

impl Drop for Bot {
    /// Stops at once: the shard runners are tasks of their own, so aborting the client task
    /// alone would leave them connected and handling events.
    fn drop(&mut self) {
        self.task.abort();
        let mut workers = self.workers.lock().expect("bot workers");
        if let Some((_, worker)) = workers.votes.take() {
            worker.abort();
        }
        if let Some((_, task)) = workers.alerts.take() {
            task.abort();
        }
        for task in workers.others.drain(..) {
            task.abort();
        }
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            let shards = self.shard_manager.clone();
            runtime.spawn(async move { shards.shutdown_all().await });
            // Gone from the registry too: a process started next in its place would otherwise
            // find it alive and wait a heartbeat for it to shrink its share.
            let (store, process) = self.process.clone();
            runtime.spawn(async move {
                let _ = store.process_stopped(&process).await;
            });
        }
    }
}

/// A bot token's shape: what serenity would refuse before any network call.
pub fn check_token(token: &str) -> Result<(), StartError> {
    serenity::validate_token(token).map_err(|_| StartError::MalformedToken)
}

/// Connects `commands` to Discord with the vote worker and the alert dispatcher beside them.
/// [`crate::bot::start`] is the one caller in the product.
pub async fn connect(config: &Config, app: App, commands: Vec<Command>) -> Result<Bot, StartError> {
    let token = config.token().ok_or(StartError::MissingToken)?;
    check_token(token.expose())?;
    let shard_range = config.shard_range().map_err(StartError::Shards)?;
    // This process among those sharing the database: the pid tells an operator which one,
    // the time tells a restarted process (same pid in a new container) from its past self.
    let process = format!(
        "{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis())
            .unwrap_or_default()
    );
    let (client, proxy) = match Transport::of(config) {
        Transport::Direct => (rest::client(), None),
        Transport::Proxy(url) => {
            let parsed = url::Url::parse(&url).ok();
            if !parsed.is_some_and(|u| matches!(u.scheme(), "http" | "https") && u.has_host()) {
                let configured = config.discord_http_proxy.as_deref().unwrap_or_default();
                return Err(StartError::MalformedProxy(without_credentials(configured)));
            }
            (rest::client(), Some(url))
        }
        Transport::Client(client) => (client, None),
    };
    if let Some(proxy) = &proxy {
        tracing::info!("Discord's REST API through the proxy at {proxy}");
        if config.discord_http_proxy.as_deref().is_some_and(|url| url != without_credentials(url)) {
            tracing::warn!(
                "DISCORD_HTTP_PROXY's user name and password are not sent: every REST call carries the bot token in its Authorization header"
            );
        }
    }
    // One budget for every request this process sends but serenity's own: start-up's calls,
    // then through `Rest` alerts, reactions, score edits and the reconciliation's reads. Its
    // share is set (by the first heartbeat) before any alert is sent.
    let pace = Arc::new(Pace::per_second(PACED_REQUESTS_PER_SECOND));
    let rest = startup::StartupRest {
        client: client.clone(),
        origin: proxy.clone().unwrap_or_else(|| startup::DISCORD_ORIGIN.to_string()),
        token: token.clone(),
        pace: Some(pace.clone()),
    };
    let discovered = rest.discover().await?;
    let application_id = discovered.application_id;
    let shards = shard_range.unwrap_or_else(|| Shards::all(discovered.shards));
    let store = app.store.clone();
    let heartbeat = pace::keep_share(
        store.clone(),
        process.clone(),
        shards.to_string(),
        pace.clone(),
        config.tuning.heartbeat,
    )
    .await;
    let http = HttpBuilder::new(token.expose())
        .client(client.clone())
        .application_id(serenity::ApplicationId::new(application_id));
    let http = match &proxy {
        Some(url) => http.proxy(url).ratelimiter_disabled(true),
        None => http,
    }
    .build();

    let dev_guild = config.discord_dev_guild_id;
    let defer_after = config.tuning.defer_after;
    let (score_edit_interval, reconcile_window) =
        (config.tuning.score_edit_interval, config.reconcile_window());
    let (app_for_alerts, alert_options) = (app.clone(), config.tuning.alerts.clone());
    let (holder, rest_pace) = (process.clone(), pace.clone());
    let workers: Arc<std::sync::Mutex<Workers>> = Arc::default();
    let vote_worker = workers.clone();
    let framework = poise::Framework::builder()
        .options(poise::FrameworkOptions {
            commands,
            // Recaps quote whatever the article says; nothing the bot sends may ping.
            allowed_mentions: Some(CreateAllowedMentions::new()),
            on_error: |error| Box::pin(super::error::on_error(error)),
            pre_command: |ctx| Box::pin(super::error::command_started(ctx)),
            post_command: |ctx| Box::pin(super::error::command_ended(ctx, "ok")),
            event_handler: |framework, event| {
                Box::pin(super::events::route(
                    framework.serenity_context,
                    event,
                    framework.user_data,
                ))
            },
            ..Default::default()
        })
        .setup(move |ctx, ready, framework| {
            Box::pin(async move {
                let commands = &framework.options().commands;
                let registered =
                    serde_json::to_value(poise::builtins::create_application_commands(commands))
                        .map_err(crate::app::Error::internal)?;
                let registered = rest
                    .register_once(&app.store, &holder, application_id, dev_guild, &registered)
                    .await
                    .map_err(crate::app::Error::internal)?;
                tracing::info!(
                    user = %ready.user.name,
                    guilds = ready.guilds.len(),
                    commands = commands.len(),
                    scope = if dev_guild.is_some() { "dev guild" } else { "global" },
                    "ready; {}",
                    if registered {
                        "commands registered"
                    } else {
                        "commands already registered by this deployment"
                    }
                );
                let rest = Rest::new(ctx.http.clone()).with_pace(rest_pace);
                let (scores, votes, worker) = votes::start(
                    rest.clone(),
                    ctx.cache.clone(),
                    app.clone(),
                    ready.user.id,
                    score_edit_interval,
                );
                let (rating_reactions, reacting) = ReactionQueue::start(rest.behind());
                // Catch up with votes cast or withdrawn while the bot was offline, and with
                // the reactions it had not added yet. Each process reconciles the guilds of
                // its own shards.
                let _ = votes.send(votes::VoteJob::Reconcile(votes::Reconcile {
                    window: reconcile_window,
                    shards,
                    reactions: rating_reactions.clone(),
                }));
                {
                    let mut workers = vote_worker.lock().expect("bot workers");
                    workers.votes = Some((votes.clone(), worker));
                    workers.others.push(reacting);
                }
                // The first shard's READY reached the framework before its data existed.
                let reactions = super::events::ReactionFeed::default();
                reactions.collect(ctx, votes.clone());
                Ok(Data { app, defer_after, rest, rating_reactions, scores, votes, reactions })
            })
        })
        // Owners are never consulted, and start-up already asked who the application is.
        .initialize_owners(false)
        .build();

    // serenity asks `GET /gateway` here, outside `Rest`: it counts in the budget all the same.
    let place = pace.wait().await;
    let client = ClientBuilder::new_with_http(http, INTENTS).framework(framework).await;
    drop(place);
    let mut client = client.map_err(|e| StartError::from_serenity(&e))?;
    // serenity asked `GET /gateway` once more without retrying, and on failure fell back to
    // the public gateway (never the proxy's or the fake's): the URL start-up found wins.
    *client.ws_url.lock().await = discovered.gateway_url.clone();
    let shard_manager = client.shard_manager.clone();
    let dispatcher =
        dispatcher::Dispatcher::new(app_for_alerts, client.http.clone(), alert_options)
            .with_cache(client.cache.clone())
            .with_pace(pace);
    let dispatching = dispatcher.clone().spawn();
    {
        let mut workers = workers.lock().expect("bot workers");
        workers.alerts = Some((dispatcher, dispatching));
        workers.others.push(heartbeat);
    }
    let (identifying, app_store) = (process.clone(), store.clone());
    let task = tokio::spawn(async move {
        if let Err(error) = startup::identify_turn(&store, &identifying, shards, &discovered).await
        {
            tracing::warn!(%error, "cannot coordinate session starts through the database; starting anyway");
        }
        tracing::info!(%shards, "starting shards");
        // serenity 0.12.5 takes this range's end as the last shard to start, not one past it.
        client.start_shard_range(shards.first..shards.last, shards.count).await
    });
    Ok(Bot { task, shard_manager, workers, process: (app_store, process) })
}
