//! Configuration, read once at start-up from the environment (and `.env`), typed.
//! Every variable here is listed in README.md and `.env.example`.

use std::fmt;
use std::time::Duration;

use crate::ingest::fetch::FetchPolicy;

/// A secret (the bot token). Its `Debug` and `Display` never show the value, so logging a
/// config, an error or a panic message cannot leak it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The only way to read the value: grep for `expose` to audit every use.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl std::str::FromStr for Secret {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Secret(s.to_string()))
    }
}

/// The SQLite file used when `DATABASE_URL` is not set.
pub const DEFAULT_SQLITE_FILE: &str = "recapbot.db";
/// `RECAPBOT_RECONCILE_DAYS` default.
pub const RECONCILE_DAYS: u64 = 14;
/// `RECAPBOT_FEED_INTERVAL_MINUTES` default.
pub const FEED_INTERVAL_MINUTES: u64 = 10;
/// The longest poll interval anyone may set: a week.
pub const MAX_INTERVAL_MINUTES: u64 = 7 * 24 * 60;

/// Every setting, read once at start-up (the environment, `.env`, or the command line's
/// global options) and handed to whatever needs it. README's configuration table and
/// `.env.example` list the same variables.
#[derive(Debug, Clone, clap::Args)]
pub struct Config {
    /// Database: sqlite://FILE or postgres://USER@HOST/DB. Unset: the SQLite file
    /// recapbot.db in the working directory, created on first use.
    #[arg(long, env = "DATABASE_URL", global = true, hide_env_values = true)]
    pub database_url: Option<String>,

    /// Bot token from the Discord Developer Portal. Never logged. Unset: the default command
    /// is `sandbox` instead of `run`.
    #[arg(long, env = "DISCORD_TOKEN", global = true, hide_env_values = true)]
    pub discord_token: Option<Secret>,

    /// Register commands instantly in this one server (development) instead of globally.
    #[arg(long, env = "DISCORD_DEV_GUILD_ID", global = true)]
    pub discord_dev_guild_id: Option<u64>,

    /// Send every REST call through this twilight-http-proxy-style rate-limiting proxy
    /// (http://host:port); serenity's own rate limiter is then off.
    #[arg(long, env = "DISCORD_HTTP_PROXY", global = true)]
    pub discord_http_proxy: Option<String>,

    /// On start, reconcile the votes of rating posts from this many past days with their
    /// reactions on Discord (votes cast or withdrawn while the bot was offline).
    #[arg(long, env = "RECAPBOT_RECONCILE_DAYS", global = true, default_value_t = RECONCILE_DAYS,
          value_parser = clap::value_parser!(u64).range(0..=365))]
    pub reconcile_days: u64,

    /// `/top` leaves out episodes with fewer votes than this.
    #[arg(long, env = "RECAPBOT_TOP_MIN_VOTES", global = true, default_value_t = crate::app::ratings::TOP_MIN_VOTES)]
    pub top_min_votes: u32,

    /// Let feed and article URLs (members' and the operator's) reach private and loopback
    /// addresses: only for a feed server on your own network, and for tests.
    /// Accepts 1/0, true/false, yes/no, on/off in any case.
    #[arg(
        long,
        env = "RECAPBOT_ALLOW_PRIVATE_URLS",
        global = true,
        value_parser = clap::builder::BoolishValueParser::new(),
        action = clap::ArgAction::Set,
        num_args = 0..=1,
        require_equals = true,
        default_value = "false",
        default_missing_value = "true"
    )]
    pub allow_private_urls: bool,

    /// How often feeds are polled, unless a feed has its own interval.
    #[arg(long, env = "RECAPBOT_FEED_INTERVAL_MINUTES", global = true, default_value_t = FEED_INTERVAL_MINUTES,
          value_parser = clap::value_parser!(u64).range(1..=MAX_INTERVAL_MINUTES))]
    pub feed_interval_minutes: u64,

    /// Memory the bot may give to holding every recap and vote tally, so /recap of any
    /// episode is answered without the database; a catalogue larger than this is not held
    /// (0: never held).
    #[arg(long, env = "RECAPBOT_CATALOGUE_MB", global = true,
          default_value_t = crate::store::DEFAULT_CATALOGUE_MB)]
    pub catalogue_mb: u64,

    /// Serve `/healthz` and `/metrics` (Prometheus) on this address, e.g. `127.0.0.1:9464`.
    #[arg(long, env = "RECAPBOT_METRICS_ADDR", global = true)]
    pub metrics_addr: Option<std::net::SocketAddr>,

    /// How log lines are written to stderr: `text` for people, `json` for a log collector
    /// (one JSON object per line, with the command, guild and shard where they apply).
    #[arg(long, env = "RECAPBOT_LOG_FORMAT", global = true, value_enum, ignore_case = true,
          default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,

    /// Run only these shards, `FIRST-LAST` (`0-3`) or one (`2`), of `RECAPBOT_SHARD_COUNT`;
    /// unset, Discord's recommended count, all in this process.
    #[arg(long, env = "RECAPBOT_SHARDS", global = true, value_parser = parse_shard_range)]
    pub shards: Option<(u32, u32)>,

    /// How many shards the whole deployment runs (with `RECAPBOT_SHARDS`).
    #[arg(long, env = "RECAPBOT_SHARD_COUNT", global = true,
          value_parser = clap::value_parser!(u32).range(1..=65_536))]
    pub shard_count: Option<u32>,

    /// Timings and transports that are not settings of the product, only of its harness.
    #[arg(skip)]
    pub tuning: Tuning,
}

/// Which shards a process runs: `first..=last` of `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shards {
    pub first: u32,
    pub last: u32,
    pub count: u32,
}

impl Shards {
    /// Every shard of `count`, in one process.
    pub fn all(count: u32) -> Shards {
        let count = count.max(1);
        Shards { first: 0, last: count - 1, count }
    }

    /// Whether `guild`'s events come to this process: Discord gives a guild to shard
    /// `(guild_id >> 22) % count`.
    pub fn owns(&self, guild: u64) -> bool {
        let shard = (guild >> 22) % u64::from(self.count.max(1));
        (u64::from(self.first)..=u64::from(self.last)).contains(&shard)
    }

    /// How many shards this process runs.
    pub fn here(&self) -> u32 {
        self.last - self.first + 1
    }
}

impl fmt::Display for Shards {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{} of {}", self.first, self.last, self.count)
    }
}

/// `0-3` or `2`.
fn parse_shard_range(text: &str) -> Result<(u32, u32), String> {
    let bad = || format!("{text:?} is not a shard range such as 0-3 (or one shard, such as 2)");
    let number = |s: &str| s.trim().parse::<u32>().map_err(|_| bad());
    let (first, last) = match text.split_once('-') {
        Some((first, last)) => (number(first)?, number(last)?),
        None => (number(text)?, number(text)?),
    };
    if first > last {
        return Err(format!("shard range {text:?} ends before it starts"));
    }
    Ok((first, last))
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

impl Default for Config {
    /// The documented defaults, without reading the environment.
    fn default() -> Self {
        Config {
            database_url: None,
            discord_token: None,
            discord_dev_guild_id: None,
            discord_http_proxy: None,
            reconcile_days: RECONCILE_DAYS,
            top_min_votes: crate::app::ratings::TOP_MIN_VOTES,
            allow_private_urls: false,
            feed_interval_minutes: FEED_INTERVAL_MINUTES,
            catalogue_mb: crate::store::DEFAULT_CATALOGUE_MB,
            log_format: LogFormat::Text,
            metrics_addr: None,
            shards: None,
            shard_count: None,
            tuning: Tuning::default(),
        }
    }
}

impl Config {
    /// [`Config::catalogue_mb`] in bytes.
    pub fn catalogue_budget(&self) -> usize {
        usize::try_from(self.catalogue_mb.saturating_mul(1 << 20)).unwrap_or(usize::MAX)
    }

    /// `DATABASE_URL` or, unset, the embedded SQLite default in the working directory.
    pub fn database_url(&self) -> String {
        database_url(self.database_url.as_deref())
    }

    /// The token, unless unset or blank (`DISCORD_TOKEN=` as copied from `.env.example`).
    pub fn token(&self) -> Option<&Secret> {
        self.discord_token.as_ref().filter(|t| !t.expose().trim().is_empty())
    }

    pub fn reconcile_window(&self) -> Duration {
        Duration::from_secs(self.reconcile_days.saturating_mul(86_400))
    }

    pub fn feed_interval(&self) -> Duration {
        Duration::from_secs(self.feed_interval_minutes.saturating_mul(60))
    }

    /// The shards this process runs, when `RECAPBOT_SHARDS` and `RECAPBOT_SHARD_COUNT` say
    /// (`None`: all those Discord recommends). Both or neither, and the range within the count.
    pub fn shard_range(&self) -> Result<Option<Shards>, String> {
        match (self.shards, self.shard_count) {
            (None, None) => Ok(None),
            (Some(_), None) => Err("RECAPBOT_SHARDS is set but RECAPBOT_SHARD_COUNT is not: set both (e.g. RECAPBOT_SHARDS=0-3 and RECAPBOT_SHARD_COUNT=8), or neither to run every shard in this process".into()),
            (None, Some(_)) => Err("RECAPBOT_SHARD_COUNT is set but RECAPBOT_SHARDS is not: set both (e.g. RECAPBOT_SHARDS=0-3 and RECAPBOT_SHARD_COUNT=8), or neither to run every shard in this process".into()),
            (Some((first, last)), Some(count)) if last >= count => Err(format!(
                "RECAPBOT_SHARDS={first}-{last} does not fit RECAPBOT_SHARD_COUNT={count}: shards are numbered 0 to {}",
                count - 1
            )),
            (Some((first, last)), Some(count)) => Ok(Some(Shards { first, last, count })),
        }
    }

    /// The one policy for every URL the bot fetches, whoever handed it in.
    pub fn fetch_policy(&self) -> FetchPolicy {
        FetchPolicy { allow_private: self.allow_private_urls, ..FetchPolicy::default() }
    }
}

/// Timings that production keeps at their defaults and the tests and the benchmark shorten.
#[derive(Debug, Clone)]
pub struct Tuning {
    /// Past this, a command defers its answer (Discord allows 3 s for the first response).
    pub defer_after: Duration,
    /// The least time between two score edits of one rating post.
    pub score_edit_interval: Duration,
    pub alerts: DispatchOptions,
    /// How often the feed poller looks for due feeds.
    pub feed_tick: Duration,
    pub feed_poll: FeedPollOptions,
    /// A prepared HTTP client for Discord's REST API (the fake Discord's, with its test CA).
    pub discord_client: Option<reqwest::Client>,
    /// How often this process tells the others sharing the database it is alive.
    pub heartbeat: Duration,
}

impl Default for Tuning {
    fn default() -> Self {
        Tuning {
            defer_after: Duration::from_millis(2000),
            score_edit_interval: Duration::from_secs(3),
            alerts: DispatchOptions::default(),
            feed_tick: Duration::from_secs(30),
            feed_poll: FeedPollOptions::default(),
            discord_client: None,
            heartbeat: Duration::from_secs(5),
        }
    }
}

/// How feed polls share their time.
#[derive(Debug, Clone)]
pub struct FeedPollOptions {
    /// The longest one poll of one feed may take, its item pages included (each page fetch
    /// is capped by the fetcher too): items not reached by then wait for the next poll, so a
    /// site whose links never answer cannot stall polling.
    pub budget: Duration,
    /// Feeds polled at once, so one slow site does not hold the others back.
    pub concurrency: usize,
}

impl Default for FeedPollOptions {
    fn default() -> Self {
        FeedPollOptions { budget: Duration::from_secs(60), concurrency: 4 }
    }
}

#[derive(Debug, Clone)]
/// How the alert dispatcher claims and posts alerts.
pub struct DispatchOptions {
    /// How long a claimed alert is this dispatcher's before another may take it over.
    pub lease: Duration,
    /// Alerts on their way at once; the pace and each channel's bucket decide when each goes.
    pub concurrency: usize,
    /// How often to look for alerts queued by other processes.
    pub poll: Duration,
    /// Alerts claimed at once: what one process takes of a fan-out before the others.
    pub batch: u32,
}

impl Default for DispatchOptions {
    fn default() -> Self {
        DispatchOptions {
            lease: Duration::from_secs(60),
            concurrency: 50,
            poll: Duration::from_secs(5),
            batch: 200,
        }
    }
}

fn database_url(configured: Option<&str>) -> String {
    match configured.map(str::trim) {
        Some(url) if !url.is_empty() => url.to_string(),
        _ => format!("sqlite://{DEFAULT_SQLITE_FILE}"),
    }
}

/// `url` without its user name and password, if it has any: the one form in which a URL
/// that may carry credentials (a feed's, DATABASE_URL, DISCORD_HTTP_PROXY) is shown or logged.
pub fn without_credentials(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if !parsed.username().is_empty() || parsed.password().is_some() => {
            let _ = parsed.set_username("");
            let _ = parsed.set_password(None);
            parsed.to_string()
        }
        _ => url.to_string(),
    }
}

/// Loads `.env` if there is one. Variables already in the environment win.
pub fn load_dotenv() {
    // A missing .env is the normal case in production; a malformed one is worth a warning.
    if let Err(e) = dotenvy::dotenv() {
        if !e.not_found() {
            eprintln!("warning: ignoring .env: {e}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_never_prints_its_value() {
        let token = Secret::new("MTEw.real.token");
        assert_eq!(format!("{token:?}"), "Secret(***)");
        assert_eq!(format!("{token}"), "***");
        assert_eq!(token.expose(), "MTEw.real.token");
    }

    #[derive(clap::Parser)]
    struct Cli {
        #[command(flatten)]
        config: Config,
    }

    fn parse(args: &[&str]) -> Result<Config, clap::Error> {
        use clap::Parser;
        Cli::try_parse_from(std::iter::once("recapbot").chain(args.iter().copied()))
            .map(|c| c.config)
    }

    #[test]
    fn flags_read_the_way_operators_write_them() {
        for yes in ["1", "true", "TRUE", "yes", "Yes", "on", "ON"] {
            let config = parse(&[&format!("--allow-private-urls={yes}")]).unwrap();
            assert!(config.allow_private_urls, "{yes}");
        }
        for no in ["0", "false", "False", "no", "off", "OFF"] {
            let config = parse(&[&format!("--allow-private-urls={no}")]).unwrap();
            assert!(!config.allow_private_urls, "{no}");
        }
        assert!(parse(&["--allow-private-urls"]).unwrap().allow_private_urls);
        assert!(!parse(&[]).unwrap().allow_private_urls);
        assert!(parse(&["--allow-private-urls=maybe"]).is_err());
    }

    #[test]
    fn intervals_are_bounded() {
        assert!(parse(&["--feed-interval-minutes", "0"]).is_err());
        assert!(parse(&["--feed-interval-minutes", "18446744073709551615"]).is_err());
        assert_eq!(parse(&["--feed-interval-minutes", "30"]).unwrap().feed_interval_minutes, 30);
    }

    #[test]
    fn credentials_never_show() {
        assert_eq!(
            without_credentials("https://me:s3cret@feeds.example/rss"),
            "https://feeds.example/rss"
        );
        assert_eq!(without_credentials("https://feeds.example/rss"), "https://feeds.example/rss");
        assert_eq!(
            without_credentials("postgres://bot:hunter2@db.example:5432/recaps"),
            "postgres://db.example:5432/recaps"
        );
    }

    #[test]
    fn shard_ranges_need_their_count_and_fit_in_it() {
        let range = |args: &[&str]| parse(args).map_err(|e| e.to_string())?.shard_range();
        assert_eq!(range(&[]), Ok(None));
        assert_eq!(
            range(&["--shards", "2-3", "--shard-count", "4"]),
            Ok(Some(Shards { first: 2, last: 3, count: 4 }))
        );
        assert_eq!(
            range(&["--shards", "5", "--shard-count", "8"]),
            Ok(Some(Shards { first: 5, last: 5, count: 8 }))
        );
        assert!(range(&["--shards", "0-3"]).unwrap_err().contains("RECAPBOT_SHARD_COUNT is not"));
        assert!(range(&["--shard-count", "4"]).unwrap_err().contains("RECAPBOT_SHARDS is not"));
        assert!(range(&["--shards", "2-4", "--shard-count", "4"])
            .unwrap_err()
            .contains("numbered 0 to 3"));
        assert!(parse(&["--shards", "3-1", "--shard-count", "4"]).is_err());
        assert!(parse(&["--shards", "a-b", "--shard-count", "4"]).is_err());
    }

    #[test]
    fn a_guild_belongs_to_the_shard_of_its_timestamp() {
        let shards = Shards { first: 2, last: 3, count: 4 };
        assert!(shards.owns(2 << 22) && shards.owns((7 << 22) | 12345));
        assert!(!shards.owns(1 << 22) && !shards.owns(4 << 22));
        assert!(Shards::all(1).owns(81_384_788_765_712_384));
    }

    #[test]
    fn database_url_defaults_to_sqlite_file() {
        assert_eq!(database_url(None), "sqlite://recapbot.db");
        assert_eq!(database_url(Some("  ")), "sqlite://recapbot.db");
        assert_eq!(database_url(Some("postgres://db/x")), "postgres://db/x");
    }
}
