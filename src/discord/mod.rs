//! The Discord layer: connecting, the commands, the button handler. serenity and poise types
//! stop here; everything below works on the domain and the store.

pub mod alerts;
mod charts;
pub mod commands;
mod pace;
mod pager;
pub mod ratings;
mod subscriptions;

use std::sync::Arc;
use std::time::Duration;

use poise::serenity_prelude as serenity;
use serenity::{ClientBuilder, CreateAllowedMentions, GatewayIntents, HttpBuilder, ShardManager};
use tokio::task::JoinHandle;

use crate::config::Secret;
use crate::store::Store;

pub type Error = Box<dyn std::error::Error + Send + Sync>;
pub type Context<'a> = poise::Context<'a, Data, Error>;

/// What every command and event handler can reach.
pub struct Data {
    pub store: Store,
    /// Past this, a command defers its answer (Discord allows 3 s for the first response).
    pub defer_after: Duration,
    /// Edits rating posts' scores, coalesced.
    pub scores: ratings::ScoreEditor,
    /// `/top` leaves out episodes with fewer votes.
    pub top_min_votes: u32,
    /// Fetches members' URLs under the operator's policy.
    pub fetcher: crate::ingest::fetch::Fetcher,
    /// Reaction events, applied in order by one worker.
    pub votes: tokio::sync::mpsc::UnboundedSender<ratings::VoteJob>,
}

/// Only what the product needs: no privileged intent, so any server can add the bot.
pub const INTENTS: GatewayIntents =
    GatewayIntents::GUILDS.union(GatewayIntents::GUILD_MESSAGE_REACTIONS);

/// How REST calls reach Discord.
#[derive(Debug, Clone)]
pub enum Transport {
    /// Straight to discord.com, with serenity's own rate limiter.
    Direct,
    /// Through a twilight-http-proxy-style rate-limiting proxy (`DISCORD_HTTP_PROXY`); the
    /// proxy owns rate limiting, so serenity's limiter is off, as that deployment expects.
    Proxy(String),
    /// A prepared HTTP client (the tests' and sandbox's fake Discord, with its test CA).
    Client(reqwest::Client),
}

#[derive(Debug, Clone)]
pub struct BotSettings {
    pub token: Secret,
    /// Register commands to this guild only (instant), instead of globally (up to an hour).
    pub dev_guild: Option<u64>,
    pub transport: Transport,
    /// How long a command may work before it defers; [`commands::DEFER_AFTER`] in production.
    pub defer_after: Duration,
    /// The least time between two score edits of one rating post.
    pub score_edit_interval: Duration,
    /// Rating posts younger than this are reconciled with their reactions on start.
    pub reconcile_window: Duration,
    /// `/top` leaves out episodes with fewer votes than this.
    pub top_min_votes: u32,
    pub alerts: alerts::DispatchOptions,
    /// What members' URLs (`/feeds add`, `/publish`) may reach.
    pub fetch: crate::ingest::fetch::FetchPolicy,
}

/// Score edits of one post are at most this frequent (a burst of votes makes a few edits).
pub const SCORE_EDIT_INTERVAL: Duration = Duration::from_secs(3);
/// `RECAPBOT_RECONCILE_DAYS` default.
pub const RECONCILE_DAYS: u64 = 14;

impl BotSettings {
    pub fn new(token: Secret, dev_guild: Option<u64>, transport: Transport) -> Self {
        BotSettings {
            token,
            dev_guild,
            transport,
            defer_after: commands::DEFER_AFTER,
            score_edit_interval: SCORE_EDIT_INTERVAL,
            reconcile_window: Duration::from_secs(RECONCILE_DAYS * 86_400),
            top_min_votes: charts::TOP_MIN_VOTES,
            alerts: alerts::DispatchOptions::default(),
            fetch: crate::ingest::fetch::FetchPolicy::default(),
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
    #[error("cannot connect to Discord: {0}")]
    Discord(String),
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

/// The running bot.
pub struct Bot {
    pub task: JoinHandle<Result<(), serenity::Error>>,
    pub shard_manager: Arc<ShardManager>,
    /// The alert dispatcher (REST only, so it runs beside the gateway) and the vote worker.
    background: Arc<std::sync::Mutex<Vec<JoinHandle<()>>>>,
}

impl Bot {
    /// Waits for the client to end (it ends on a fatal error, such as a refused token).
    pub async fn wait(&mut self) -> Result<(), StartError> {
        match (&mut self.task).await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(StartError::from_serenity(&e)),
            Err(e) if e.is_cancelled() => Ok(()),
            Err(e) => Err(StartError::Discord(format!("the client task failed: {e}"))),
        }
    }

    /// Disconnects every shard cleanly (Discord sees the bot go offline at once).
    pub async fn shutdown(mut self) {
        self.shard_manager.shutdown_all().await;
        let _ = self.wait().await;
    }
}

impl Drop for Bot {
    /// Stops at once: the shard runners are tasks of their own, so aborting the client task
    /// alone would leave them connected and handling events.
    fn drop(&mut self) {
        self.task.abort();
        for task in self.background.lock().expect("background tasks").drain(..) {
            task.abort();
        }
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            let shards = self.shard_manager.clone();
            runtime.spawn(async move { shards.shutdown_all().await });
        }
    }
}

/// A bot token's shape: what serenity would refuse before any network call.
pub fn check_token(token: &str) -> Result<(), StartError> {
    serenity::validate_token(token).map_err(|_| StartError::MalformedToken)
}

/// Starts the bot: the one code path behind `recapbot run`, the sandbox and the tests.
pub async fn start(settings: BotSettings, store: Store) -> Result<Bot, StartError> {
    launch(settings, store, commands::all()).await
}

/// The benchmark's floor: the same client, framework and fake, with a `/recap` that answers
/// a fixed string without touching the store.
pub async fn start_floor(settings: BotSettings, store: Store) -> Result<Bot, StartError> {
    launch(settings, store, vec![commands::fixed_recap()]).await
}

async fn launch(
    settings: BotSettings,
    store: Store,
    commands: Vec<poise::Command<Data, Error>>,
) -> Result<Bot, StartError> {
    check_token(settings.token.expose())?;
    let http = match settings.transport {
        Transport::Direct => HttpBuilder::new(settings.token.expose()),
        Transport::Proxy(url) => {
            HttpBuilder::new(settings.token.expose()).proxy(url).ratelimiter_disabled(true)
        }
        Transport::Client(client) => HttpBuilder::new(settings.token.expose()).client(client),
    }
    .build();

    let dev_guild = settings.dev_guild.map(serenity::GuildId::new);
    let defer_after = settings.defer_after;
    let (score_edit_interval, reconcile_window) =
        (settings.score_edit_interval, settings.reconcile_window);
    let top_min_votes = settings.top_min_votes;
    let (store_for_alerts, alert_options) = (store.clone(), settings.alerts.clone());
    // Tasks that live as long as the bot: stopped with it, so a stopped bot applies nothing.
    let background: Arc<std::sync::Mutex<Vec<JoinHandle<()>>>> = Arc::default();
    let background_tasks = background.clone();
    let fetcher = crate::ingest::fetch::Fetcher::new(settings.fetch.clone());
    let framework = poise::Framework::builder()
        .options(poise::FrameworkOptions {
            commands,
            // Recaps quote whatever the article says; nothing the bot sends may ping.
            allowed_mentions: Some(CreateAllowedMentions::new()),
            on_error: |error| Box::pin(commands::on_error(error)),
            event_handler: |framework, event| {
                Box::pin(pager::on_event(framework.serenity_context, event, framework.user_data))
            },
            ..Default::default()
        })
        .setup(move |ctx, ready, framework| {
            Box::pin(async move {
                let commands = &framework.options().commands;
                match dev_guild {
                    Some(guild) => poise::builtins::register_in_guild(ctx, commands, guild).await?,
                    None => poise::builtins::register_globally(ctx, commands).await?,
                }
                tracing::info!(
                    user = %ready.user.name,
                    guilds = ready.guilds.len(),
                    commands = commands.len(),
                    scope = if dev_guild.is_some() { "dev guild" } else { "global" },
                    "ready; commands registered"
                );
                let (scores, votes, worker) = ratings::start(
                    ctx.http.clone(),
                    store.clone(),
                    ready.user.id,
                    score_edit_interval,
                );
                // Catch up with votes cast or withdrawn while the bot was offline.
                let _ = votes.send(ratings::VoteJob::Reconcile(reconcile_window));
                background_tasks.lock().expect("background tasks").push(worker);
                Ok(Data { store, defer_after, scores, votes, top_min_votes, fetcher })
            })
        })
        .build();

    let mut client = ClientBuilder::new_with_http(http, INTENTS)
        .framework(framework)
        .await
        .map_err(|e| StartError::from_serenity(&e))?;
    let shard_manager = client.shard_manager.clone();
    let dispatcher =
        alerts::Dispatcher::new(store_for_alerts, client.http.clone(), alert_options).spawn();
    background.lock().expect("background tasks").push(dispatcher);
    let task = tokio::spawn(async move { client.start_autosharded().await });
    Ok(Bot { task, shard_manager, background })
}
