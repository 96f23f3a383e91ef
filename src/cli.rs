//! The command line. `main.rs` only calls [`main`].

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::config::{self, Config, LogFormat, DEFAULT_SQLITE_FILE};
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
    #[command(flatten)]
    config: Config,

    /// Without a command: `run` when DISCORD_TOKEN is set, else `sandbox`.
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Connect to Discord and serve the commands (needs DISCORD_TOKEN). Stops on Ctrl-C or SIGTERM.
    Run,
    #[cfg(feature = "sandbox")]
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
    /// Rank shows for a query, as /recap's autocomplete does; `shows alias SHOW ALIAS` gives a
    /// show another name.
    #[command(args_conflicts_with_subcommands = true)]
    Shows {
        #[command(subcommand)]
        action: Option<ShowsAction>,
        /// What a member would type, e.g. "soundtrak".
        #[arg(default_value = "")]
        query: String,
    },
    #[cfg(feature = "sandbox")]
    /// Measure imports, lookups, /recap latency, reaction ingest, alert fan-out and feed polls
    /// on fresh SQLite and (with TEST_DATABASE_URL) PostgreSQL databases.
    Bench(crate::bench::BenchOptions),
}

#[derive(Debug, Subcommand)]
enum ShowsAction {
    /// Another name the show is known by ("CLOY", "사랑의 불시착"): lookups find the show by it,
    /// and recaps whose headline names the show so are stored under it.
    Alias {
        /// The show, as /recap would find it.
        show: String,
        /// The other name.
        alias: String,
    },
}

#[derive(Debug, Subcommand)]
enum FeedsAction {
    /// Follow a feed. Its first poll records what is already there without announcing it.
    Add {
        url: String,
        /// The show the feed is about, when its item titles do not name it.
        #[arg(long)]
        show: Option<String>,
        /// Poll this feed every N minutes (1 to a week) instead of the default.
        #[arg(long, value_parser = clap::value_parser!(u64).range(1..=config::MAX_INTERVAL_MINUTES))]
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
    init_tracing(cli.config.log_format);
    let runtime = tokio::runtime::Runtime::new().expect("cannot start the tokio runtime");
    match runtime.block_on(run(cli)) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {}", one_line(&error));
            ExitCode::FAILURE
        }
    }
}

/// The error and its causes on one line, each said once: many of our errors already quote
/// their cause, which `{:#}` would then repeat ("…: invalid IPv6 address: invalid IPv6 address").
fn one_line(error: &anyhow::Error) -> String {
    let mut line = error.to_string();
    for cause in error.chain().skip(1) {
        let text = cause.to_string();
        if !line.contains(&text) {
            line.push_str(": ");
            line.push_str(&text);
        }
    }
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn init_tracing(format: LogFormat) {
    use tracing_subscriber::EnvFilter;
    let mut filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("recapbot=info,warn"));
    // tungstenite's trace level prints every gateway frame in hex, IDENTIFY's token too: a trace
    // level asked for stops at debug there. Only then, so that a quieter log stays quiet.
    if std::env::var("RUST_LOG").is_ok_and(|asked| asked.contains("trace")) {
        filter = filter.add_directive("tungstenite=debug".parse().expect("a valid directive"));
    }
    // Colour only for a person at a terminal: escape codes garble a log file or journal.
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(ansi);
    match format {
        LogFormat::Text => logs.init(),
        LogFormat::Json => logs.json().flatten_event(true).init(),
    }
}

async fn open_store(config: &Config) -> anyhow::Result<Store> {
    Ok(Store::open(&config.database_url()).await?)
}

async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let config = cli.config;
    let command = match (cli.command, config.token()) {
        (Some(command), _) => command,
        (None, Some(_)) => Command::Run,
        #[cfg(feature = "sandbox")]
        (None, None) => Command::Sandbox { articles: Vec::new(), script: None },
        #[cfg(not(feature = "sandbox"))]
        (None, None) => Command::Run,
    };
    match command {
        Command::Run => {
            let token = config.token().ok_or(crate::discord::StartError::MissingToken)?;
            crate::discord::check_token(token.expose())?;
            // A service manager may stop the bot while it is still starting (migrations,
            // Discord's discovery retries): listening first makes that a clean exit too.
            let mut stop = StopSignals::listen()?;
            let starting = async {
                let store = open_store(&config).await?;
                anyhow::Ok(crate::bot::start(&config, store).await?)
            };
            let bot = tokio::select! {
                bot = starting => bot?,
                signal = stop.next() => {
                    tracing::info!("{signal} while starting; exiting");
                    return Ok(ExitCode::SUCCESS);
                }
            };
            run_bot(bot, stop).await
        }
        #[cfg(feature = "sandbox")]
        Command::Sandbox { articles, script } => {
            let store = open_store(&config).await?;
            let articles =
                if articles.is_empty() { crate::sandbox::default_articles() } else { articles };
            crate::sandbox::run(config, store, crate::sandbox::SandboxOptions { articles, script })
                .await?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Import { inputs, show, season, episode, dry_run, json } => {
            let hints = Hints { show, season, episode, url: None };
            let store = if dry_run { None } else { Some(open_store(&config).await?) };
            let summary = run_import(&config, store.as_ref(), &inputs, &hints, json).await;
            eprintln!("{summary}");
            Ok(if summary.failed > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
        }
        Command::Feeds { action } => {
            let store = open_store(&config).await?;
            run_feeds(&config, store, action).await
        }
        Command::Migrate => {
            let store = Store::connect(&config.database_url()).await?;
            let applied = store.migrate().await?;
            let place = if config.database_url.is_some() {
                "the database".to_string()
            } else {
                DEFAULT_SQLITE_FILE.to_string()
            };
            println!("{applied} migration(s) applied to {place}; schema is up to date");
            Ok(ExitCode::SUCCESS)
        }
        Command::Recaps { show } => {
            let app = crate::bot::app(&config, open_store(&config).await?);
            let show_id = match show {
                Some(name) => Some(resolve_show(&app, &name).await?.id),
                None => None,
            };
            let recaps = app.store.list_recaps(show_id).await?;
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
        Command::Shows { action: Some(ShowsAction::Alias { show, alias }), .. } => {
            let app = crate::bot::app(&config, open_store(&config).await?);
            let show = resolve_show(&app, &show).await?;
            if let Some((owner, name)) = app.store.find_show(&alias).await? {
                anyhow::ensure!(owner == show.id, "“{alias}” already names {name}");
            }
            app.store.add_alias(show.id, &alias).await?;
            println!("“{alias}” now finds {}", show.name);
            Ok(ExitCode::SUCCESS)
        }
        Command::Shows { action: None, query } => {
            let store = open_store(&config).await?;
            let matches = store.search_shows(&query, 25).await?;
            if matches.is_empty() {
                println!("no show matches {query:?}");
            }
            for m in matches {
                println!("{:.2}  {}", m.score, m.name);
            }
            Ok(ExitCode::SUCCESS)
        }
        #[cfg(feature = "sandbox")]
        Command::Bench(options) => {
            crate::bench::run(options).await?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The one show resolver, as the command line says its "did you mean".
async fn resolve_show(
    app: &crate::app::App,
    name: &str,
) -> anyhow::Result<crate::recap::lookup::ShowMatch> {
    app.resolve_show(name, None).await.map_err(|e| anyhow::anyhow!("{}", plain(&e.to_string())))
}

/// A user error's sentence without Discord's bold markup, for a terminal.
fn plain(text: &str) -> String {
    text.replace("**", "")
}

async fn run_feeds(config: &Config, store: Store, action: FeedsAction) -> anyhow::Result<ExitCode> {
    let when = |t: i64| {
        chrono::DateTime::from_timestamp(t, 0)
            .map(|d| d.format("%Y-%m-%d %H:%M UTC").to_string())
            .unwrap_or_default()
    };
    let app = crate::bot::app(config, store);
    match action {
        FeedsAction::Add { url, show, interval_minutes, backfill } => {
            let follow = crate::app::feeds::Follow {
                url: &url,
                show: show.as_deref(),
                guild: None,
                interval_secs: interval_minutes.map(|m| m * 60),
                backfill,
            };
            let id = app
                .follow_feed(follow)
                .await
                .map_err(|e| anyhow::anyhow!("{}", plain(&e.to_string())))?;
            let url = config::without_credentials(&url);
            println!(
                "feed {id} added: {url} (first poll records its items without announcing them)"
            );
        }
        FeedsAction::List => {
            let feeds = app.feeds(None).await?;
            for f in &feeds {
                let show = f.show.as_ref().map(|(_, n)| format!(" [{n}]")).unwrap_or_default();
                let last = f.last_polled_at.map(when).unwrap_or_else(|| "never".into());
                let state = crate::app::feeds::feed_state(f, when, crate::i18n::Locale::EN);
                println!("{} {}{show} · polled {last} · {state}", f.id, f.shown_url());
            }
            println!("{} feed(s)", feeds.len());
        }
        FeedsAction::Remove { feed } => {
            anyhow::ensure!(app.unfollow_feed(&feed, None).await?, "no feed {feed:?}");
            println!("feed {feed} removed");
        }
        FeedsAction::Poll => {
            let poller = crate::ingest::poll::Poller::new(
                app.store.clone(),
                app.fetcher.clone(),
                config.feed_interval(),
            )
            .with_options(config.tuning.feed_poll.clone());
            let mut failed = false;
            for (feed, report) in poller.poll_due().await? {
                match report {
                    Ok(r) => println!("{}: {}", feed.shown_url(), r.summary()),
                    Err(e) => {
                        failed = true;
                        println!("{}: failed: {e}", feed.shown_url());
                    }
                }
            }
            return Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS });
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// SIGTERM (a service manager's stop) and SIGINT (Ctrl-C), listened for from the start.
struct StopSignals {
    terminate: tokio::signal::unix::Signal,
    interrupt: tokio::signal::unix::Signal,
}

impl StopSignals {
    fn listen() -> std::io::Result<Self> {
        use tokio::signal::unix::{signal, SignalKind};
        Ok(StopSignals {
            terminate: signal(SignalKind::terminate())?,
            interrupt: signal(SignalKind::interrupt())?,
        })
    }

    /// Waits for the next stop request and says which one it was.
    async fn next(&mut self) -> &'static str {
        tokio::select! {
            _ = self.terminate.recv() => "terminated",
            _ = self.interrupt.recv() => "interrupted",
        }
    }
}

/// Runs the bot until a signal (clean shutdown) or a fatal error (one line, non-zero exit).
async fn run_bot(mut bot: crate::discord::Bot, mut stop: StopSignals) -> anyhow::Result<ExitCode> {
    tokio::select! {
        ended = bot.wait() => {
            ended?;
            Ok(ExitCode::SUCCESS)
        }
        signal = stop.next() => {
            tracing::info!("{signal}; disconnecting");
            bot.shutdown().await;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Imports every input (directories expanded), printing a line per input as it goes.
async fn run_import(
    config: &Config,
    store: Option<&Store>,
    inputs: &[String],
    hints: &Hints,
    json: bool,
) -> Summary {
    let fetcher = crate::ingest::fetch::Fetcher::new(config.fetch_policy());
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
