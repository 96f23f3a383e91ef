//! The command line. `main.rs` only calls [`main`].

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::config::{self, DEFAULT_SQLITE_FILE};
use crate::ingest::article::Hints;
use crate::ingest::import::{self, ArticleJson, Source, Summary};
use crate::store::Store;

#[derive(Debug, Parser)]
#[command(
    name = "recapbot",
    version,
    about = "Episode recaps, community ratings and new-recap alerts for TV and K-drama fan servers on Discord."
)]
pub struct Cli {
    /// Database: sqlite://FILE or postgres://USER@HOST/DB. Unset: the SQLite file
    /// recapbot.db in the working directory, created on first use.
    #[arg(long, env = "DATABASE_URL", global = true, hide_env_values = true)]
    database_url: Option<String>,

    /// Bot token from the Discord Developer Portal. Never logged. Unset: the default command
    /// is `sandbox` instead of `run`.
    #[arg(long, env = "DISCORD_TOKEN", global = true, hide_env_values = true)]
    discord_token: Option<crate::config::Secret>,

    /// Register commands instantly in this one server (development) instead of globally.
    #[arg(long, env = "DISCORD_DEV_GUILD_ID", global = true)]
    discord_dev_guild_id: Option<u64>,

    /// Send every REST call through this twilight-http-proxy-style rate-limiting proxy
    /// (http://host:port); serenity's own rate limiter is then off.
    #[arg(long, env = "DISCORD_HTTP_PROXY", global = true)]
    discord_http_proxy: Option<String>,

    /// On start, reconcile the votes of rating posts from this many past days with their
    /// reactions on Discord (votes cast or withdrawn while the bot was offline).
    #[arg(long, env = "RECAPBOT_RECONCILE_DAYS", global = true, default_value_t = crate::discord::RECONCILE_DAYS)]
    reconcile_days: u64,

    /// `/top` leaves out episodes with fewer votes than this.
    #[arg(long, env = "RECAPBOT_TOP_MIN_VOTES", global = true, default_value_t = 3)]
    top_min_votes: u32,

    /// Let feeds and article URLs reach private and loopback addresses (only for a feed
    /// server on your own network, and for tests). Off: such URLs are refused.
    #[arg(long, env = "RECAPBOT_ALLOW_PRIVATE_URLS", global = true)]
    allow_private_urls: bool,

    /// How often feeds are polled, unless a feed has its own interval.
    #[arg(long, env = "RECAPBOT_FEED_INTERVAL_MINUTES", global = true, default_value_t = 10)]
    feed_interval_minutes: u64,

    /// Without a command: `run` when DISCORD_TOKEN is set, else `sandbox`.
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Connect to Discord and serve the commands (needs DISCORD_TOKEN). Stops on Ctrl-C or SIGTERM.
    Run,
    /// Try the bot with no token and no network: the real bot against a fake Discord on
    /// 127.0.0.1, commands typed at a prompt (or read from --script).
    #[command(
        after_help = "At the prompt:\n  /recap show:\"Soundtrack #1\" episode:2\n  /recap show:soundtrak private:true\n  autocomplete /recap show:sou\n  click ▶\n  quit"
    )]
    Sandbox {
        /// Articles to import first (files or directories). Default: ../shared/samples, else tests/data.
        articles: Vec<std::path::PathBuf>,
        /// Read the commands from this file instead of the prompt.
        #[arg(long)]
        script: Option<std::path::PathBuf>,
    },
    /// Import recap articles (plain text, Markdown or HTML) from files, directories, URLs or stdin.
    #[command(
        after_help = "Examples:\n  recapbot import ../shared/samples\n  recapbot import https://site.example/show-s01e02-recap/\n  cat article.md | recapbot import - --show \"Soundtrack #1\" --season 1 --episode 2\n  recapbot import article.html --dry-run --json"
    )]
    Import {
        /// Files, directories (their files), http(s) URLs, or - for stdin.
        #[arg(required = true, value_name = "PATH|URL|-")]
        inputs: Vec<String>,
        /// The show's name, when the article's headline does not say it (or says it differently).
        #[arg(long)]
        show: Option<String>,
        /// The season, when the headline does not say it.
        #[arg(long)]
        season: Option<u32>,
        /// The episode, when the headline does not say it.
        #[arg(long)]
        episode: Option<u32>,
        /// Parse and print, store nothing.
        #[arg(long)]
        dry_run: bool,
        /// Print one JSON object per recap (show, season, episode, episode_end, title, recap, review, rating, url).
        #[arg(long)]
        json: bool,
    },
    /// Recap sites' feeds (RSS, Atom, JSON Feed): new recaps in them are stored and announced.
    Feeds {
        #[command(subcommand)]
        action: FeedsAction,
    },
    /// Apply database migrations (they are also applied on every start).
    Migrate,
    /// List stored recaps.
    Recaps {
        /// Only this show (any spelling the show search understands).
        #[arg(long)]
        show: Option<String>,
    },
    /// Rank shows for a query, as /recap's autocomplete does.
    Shows {
        /// What a member would type, e.g. "soundtrak".
        #[arg(default_value = "")]
        query: String,
    },
    /// Measure imports, lookups, /recap latency, reaction ingest, alert fan-out and feed polls
    /// on fresh SQLite and (with TEST_DATABASE_URL) PostgreSQL databases.
    Bench(crate::bench::BenchOptions),
}

#[derive(Debug, Subcommand)]
enum FeedsAction {
    /// Follow a feed. Its first poll records what is already there without announcing it.
    Add {
        url: String,
        /// The show the feed is about, when its item titles do not name it.
        #[arg(long)]
        show: Option<String>,
        /// Poll this feed every N minutes instead of the default.
        #[arg(long)]
        interval_minutes: Option<u64>,
        /// Announce the newest N items of the first poll anyway.
        #[arg(long, default_value_t = 0)]
        backfill: u32,
    },
    /// Feeds with their last error and next poll time.
    List,
    /// Stop following a feed (by id or URL).
    Remove { feed: String },
    /// Poll every due feed now and report.
    Poll,
}

pub fn main() -> ExitCode {
    config::load_dotenv();
    let cli = Cli::parse();
    init_tracing();
    let runtime = tokio::runtime::Runtime::new().expect("cannot start the tokio runtime");
    match runtime.block_on(run(cli)) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn init_tracing() {
    use tracing_subscriber::EnvFilter;
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("recapbot=info,warn"));
    tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).init();
}

async fn open_store(cli_url: Option<&str>) -> anyhow::Result<Store> {
    let url = config::database_url(cli_url);
    let store = Store::open(&url).await?;
    Ok(store)
}

async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let db = cli.database_url.as_deref();
    // `DISCORD_TOKEN=` (as copied from .env.example) means no token.
    let discord_token = cli.discord_token.filter(|t| !t.expose().trim().is_empty());
    let command = cli.command.unwrap_or(match discord_token {
        Some(_) => Command::Run,
        None => Command::Sandbox { articles: Vec::new(), script: None },
    });
    match command {
        Command::Run => {
            let token = discord_token.ok_or(crate::discord::StartError::MissingToken)?;
            let transport = match cli.discord_http_proxy {
                Some(proxy) => crate::discord::Transport::Proxy(proxy),
                None => crate::discord::Transport::Direct,
            };
            crate::discord::check_token(token.expose())?;
            let store = open_store(db).await?;
            // Feeds are polled beside the bot; their new recaps reach Discord through the outbox.
            let fetcher = crate::ingest::fetch::Fetcher::new(fetch_policy(cli.allow_private_urls));
            let interval = std::time::Duration::from_secs(cli.feed_interval_minutes * 60);
            let _poller = crate::ingest::poll::Poller::new(store.clone(), fetcher, interval)
                .spawn(std::time::Duration::from_secs(30));
            let settings = crate::discord::BotSettings {
                reconcile_window: std::time::Duration::from_secs(cli.reconcile_days * 86_400),
                top_min_votes: cli.top_min_votes,
                ..crate::discord::BotSettings::new(token, cli.discord_dev_guild_id, transport)
            };
            run_bot(settings, store).await
        }
        Command::Sandbox { articles, script } => {
            let store = open_store(db).await?;
            let articles =
                if articles.is_empty() { crate::sandbox::default_articles() } else { articles };
            crate::sandbox::run(store, crate::sandbox::SandboxOptions { articles, script }).await?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Import { inputs, show, season, episode, dry_run, json } => {
            let hints = Hints { show, season, episode, url: None };
            let store = if dry_run { None } else { Some(open_store(db).await?) };
            let summary = run_import(store.as_ref(), &inputs, &hints, json).await;
            eprintln!("{summary}");
            Ok(if summary.failed > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
        }
        Command::Feeds { action } => {
            let store = open_store(db).await?;
            run_feeds(
                &store,
                action,
                fetch_policy(cli.allow_private_urls),
                cli.feed_interval_minutes,
            )
            .await
        }
        Command::Migrate => {
            let url = config::database_url(db);
            let store = Store::connect(&url).await?;
            let applied = store.migrate().await?;
            let place = if db.is_some() {
                "the database".to_string()
            } else {
                DEFAULT_SQLITE_FILE.to_string()
            };
            println!("{applied} migration(s) applied to {place}; schema is up to date");
            Ok(ExitCode::SUCCESS)
        }
        Command::Recaps { show } => {
            let store = open_store(db).await?;
            let show_id = match show {
                Some(name) => match store.search_shows(&name, 1).await?.into_iter().next() {
                    Some(found) => Some(found.id),
                    None => anyhow::bail!("no show matches {name:?}"),
                },
                None => None,
            };
            let recaps = store.list_recaps(show_id).await?;
            let mut out = std::io::stdout().lock();
            for r in &recaps {
                let title = r.title.as_deref().map(|t| format!(" · {t}")).unwrap_or_default();
                let rating =
                    r.rating.as_ref().map(|c| format!(" · critic {c}")).unwrap_or_default();
                writeln!(
                    out,
                    "{} — {}{title} · {}{rating} · {} chars",
                    r.show,
                    r.number,
                    r.source_site,
                    r.recap.len()
                )?;
            }
            writeln!(out, "{} recap(s)", recaps.len())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Shows { query } => {
            let store = open_store(db).await?;
            let matches = store.search_shows(&query, 25).await?;
            if matches.is_empty() {
                println!("no show matches {query:?}");
            }
            for m in matches {
                println!("{:.2}  {}", m.score, m.name);
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Bench(options) => {
            crate::bench::run(options).await?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn fetch_policy(allow_private: bool) -> crate::ingest::fetch::FetchPolicy {
    crate::ingest::fetch::FetchPolicy { allow_private, ..Default::default() }
}

async fn run_feeds(
    store: &Store,
    action: FeedsAction,
    policy: crate::ingest::fetch::FetchPolicy,
    interval_minutes: u64,
) -> anyhow::Result<ExitCode> {
    let when = |t: i64| {
        chrono::DateTime::from_timestamp(t, 0)
            .map(|d| d.format("%Y-%m-%d %H:%M UTC").to_string())
            .unwrap_or_default()
    };
    match action {
        FeedsAction::Add { url, show, interval_minutes, backfill } => {
            let parsed =
                url::Url::parse(&url).map_err(|e| anyhow::anyhow!("{url:?} is not a URL: {e}"))?;
            anyhow::ensure!(
                matches!(parsed.scheme(), "http" | "https"),
                "only http(s) feeds can be followed"
            );
            let show_id = match show {
                Some(name) => {
                    let mut tx = store.begin_write().await?;
                    let (id, _) = crate::store::shows::upsert(&mut tx, &name).await?;
                    tx.commit().await?;
                    Some(id)
                }
                None => None,
            };
            let id = store
                .add_feed(&url, show_id, None, interval_minutes.map(|m| m * 60), backfill)
                .await?;
            println!(
                "feed {id} added: {url} (first poll records its items without announcing them)"
            );
        }
        FeedsAction::List => {
            let feeds = store.feeds(None).await?;
            for f in &feeds {
                let show = f.show.as_ref().map(|(_, n)| format!(" [{n}]")).unwrap_or_default();
                let last = f.last_polled_at.map(when).unwrap_or_else(|| "never".into());
                let error = f
                    .last_error
                    .as_ref()
                    .map(|e| format!(" · last error: {e}"))
                    .unwrap_or_default();
                println!(
                    "{} {}{show} · polled {last} · next {}{error}",
                    f.id,
                    f.url,
                    when(f.next_poll_at)
                );
            }
            println!("{} feed(s)", feeds.len());
        }
        FeedsAction::Remove { feed } => {
            anyhow::ensure!(store.remove_feed(&feed, None).await?, "no feed {feed:?}");
            println!("feed {feed} removed");
        }
        FeedsAction::Poll => {
            let fetcher = crate::ingest::fetch::Fetcher::new(policy);
            let interval = std::time::Duration::from_secs(interval_minutes * 60);
            let poller = crate::ingest::poll::Poller::new(store.clone(), fetcher, interval);
            let mut failed = false;
            for (feed, report) in poller.poll_due().await? {
                match report {
                    Ok(r) => println!(
                        "{}: {} new recap(s), {} already known, {} recorded, {} not recaps{}",
                        feed.url,
                        r.published,
                        r.known,
                        r.recorded,
                        r.not_recaps,
                        if r.not_modified { " (not modified)" } else { "" }
                    ),
                    Err(e) => {
                        failed = true;
                        println!("{}: failed: {e}", feed.url);
                    }
                }
            }
            return Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS });
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs the bot until a signal (clean shutdown) or a fatal error (one line, non-zero exit).
async fn run_bot(settings: crate::discord::BotSettings, store: Store) -> anyhow::Result<ExitCode> {
    let mut bot = crate::discord::start(settings, store).await?;
    let mut terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
    tokio::select! {
        ended = bot.wait() => {
            ended?;
            Ok(ExitCode::SUCCESS)
        }
        _ = tokio::signal::ctrl_c() => {
            tracing::info!("interrupted; disconnecting");
            bot.shutdown().await;
            Ok(ExitCode::SUCCESS)
        }
        _ = terminate.recv() => {
            tracing::info!("terminated; disconnecting");
            bot.shutdown().await;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Imports every input (directories expanded), printing a line per input as it goes.
async fn run_import(
    store: Option<&Store>,
    inputs: &[String],
    hints: &Hints,
    json: bool,
) -> Summary {
    let fetcher = import::operator_fetcher();
    let mut summary = Summary::default();
    for source in inputs.iter().flat_map(|arg| Source::parse(arg).expand()) {
        let outcome = import::import_one(store, &source, hints, &fetcher).await;
        summary.add(&outcome);
        match &outcome.result {
            Ok((article, saved)) => {
                if json {
                    let line = serde_json::to_string(&ArticleJson::from(article))
                        .expect("article serializes");
                    println!("{line}");
                }
                let what = match saved {
                    Some(crate::store::recaps::Saved::Inserted(_)) => "imported",
                    Some(crate::store::recaps::Saved::Updated(_)) => "updated",
                    Some(crate::store::recaps::Saved::Unchanged(_)) => "unchanged",
                    None => "parsed",
                };
                let number = crate::recap::EpisodeNumber {
                    season: article.season,
                    episode: article.episode,
                    episode_end: article.episode_end,
                };
                eprintln!("{what}: {} — {} ({})", article.show, number, outcome.source);
            }
            Err(error) => eprintln!("failed: {}: {error}", outcome.source),
        }
    }
    summary
}
