//! Configuration of a fake Discord: what is seeded and how strict the rate limits are.

use std::time::Duration;

/// Discord permission bits used by the fake (a subset of
/// <https://discord.com/developers/docs/topics/permissions>).
pub mod perms {
    pub const ADD_REACTIONS: u64 = 1 << 6;
    pub const VIEW_CHANNEL: u64 = 1 << 10;
    pub const SEND_MESSAGES: u64 = 1 << 11;
    pub const MANAGE_MESSAGES: u64 = 1 << 13;
    pub const EMBED_LINKS: u64 = 1 << 14;
    pub const ATTACH_FILES: u64 = 1 << 15;
    pub const READ_MESSAGE_HISTORY: u64 = 1 << 16;
    pub const USE_EXTERNAL_EMOJIS: u64 = 1 << 18;
    pub const USE_APPLICATION_COMMANDS: u64 = 1 << 31;
    pub const CREATE_PUBLIC_THREADS: u64 = 1 << 35;
    pub const SEND_MESSAGES_IN_THREADS: u64 = 1 << 38;

    /// What a freshly invited bot with a typical invite link gets.
    pub const BOT_DEFAULT: u64 = ADD_REACTIONS
        | VIEW_CHANNEL
        | SEND_MESSAGES
        | EMBED_LINKS
        | ATTACH_FILES
        | READ_MESSAGE_HISTORY
        | USE_EXTERNAL_EMOJIS
        | USE_APPLICATION_COMMANDS
        | CREATE_PUBLIC_THREADS
        | SEND_MESSAGES_IN_THREADS;

    /// The `@everyone` permissions of a new Discord server.
    pub const EVERYONE_DEFAULT: u64 = 2_248_473_465_835_073;
}

/// A per-route rate limit: at most `limit` requests per `per` in each bucket.
///
/// `pattern` is `"METHOD /path"` (without `/api/v10`), where `*` matches exactly one path
/// segment, e.g. `"POST /channels/*/messages"`. Buckets are per top-level resource (channel,
/// guild, webhook, interaction) like Discord's, so two channels never share a bucket.
#[derive(Clone, Debug)]
pub struct RouteLimit {
    pub pattern: String,
    pub limit: u32,
    pub per: Duration,
}

impl RouteLimit {
    pub fn new(pattern: impl Into<String>, limit: u32, per: Duration) -> Self {
        Self { pattern: pattern.into(), limit, per }
    }
}

/// How the fake rate limits REST requests.
#[derive(Clone, Debug)]
pub struct RateLimits {
    /// Checked in order; the first matching pattern decides the bucket.
    pub routes: Vec<RouteLimit>,
    /// The limit of every route no pattern matches; `None` sends no bucket headers for them.
    pub default_route: Option<(u32, Duration)>,
    /// Requests per second across all routes (Discord: 50). Interaction routes are exempt, as on
    /// Discord. `None` disables the global limit.
    pub global_per_second: Option<u32>,
}

impl RateLimits {
    /// Discord's documented or observed limits for the routes a bot uses most.
    pub fn discord() -> Self {
        let ms = Duration::from_millis;
        Self {
            routes: vec![
                RouteLimit::new("POST /channels/*/messages", 5, ms(5000)),
                RouteLimit::new("PATCH /channels/*/messages/*", 5, ms(5000)),
                RouteLimit::new("DELETE /channels/*/messages/*", 5, ms(1000)),
                RouteLimit::new("PUT /channels/*/messages/*/reactions/*/@me", 1, ms(250)),
                RouteLimit::new("DELETE /channels/*/messages/*/reactions/*/*", 1, ms(250)),
            ],
            default_route: Some((50, ms(1000))),
            global_per_second: Some(50),
        }
    }

    /// No limits at all (headers are still sent for configured routes: none).
    pub fn off() -> Self {
        Self { routes: Vec::new(), default_route: None, global_per_second: None }
    }
}

/// What the fake seeds and how it behaves. Start from [`FakeConfig::default`].
#[derive(Clone, Debug)]
pub struct FakeConfig {
    /// The bot token the fake accepts; `None` generates a realistic random one.
    pub token: Option<String>,
    pub bot_name: String,
    pub guild_name: String,
    /// Text channels of the guild; the first one is [`crate::FakeDiscord::channel_id`].
    pub channels: Vec<String>,
    /// Forum channels (type 15): no messages of their own, each post a thread with its first
    /// message. [`crate::FakeDiscord::channel`] finds them by name like text channels.
    pub forums: Vec<String>,
    /// Human members of the guild, besides the bot. The first one owns the guild (its
    /// interactions carry ADMINISTRATOR); the others have `@everyone`'s permissions.
    pub members: Vec<String>,
    /// Other bot accounts in the guild (another server's music bot, say): members whose user
    /// objects carry `"bot": true`.
    pub other_bots: Vec<String>,
    /// Roles of the guild besides @everyone and the bot's (a "Fans" role to ping, say).
    pub roles: Vec<String>,
    /// Permissions of the bot's managed role.
    pub bot_permissions: u64,
    pub rate_limits: RateLimits,
    /// How long a bot has to send the initial interaction response (Discord: 3 s).
    pub interaction_deadline: Duration,
    /// Whether an interaction callback asked `?with_response=true` answers with what it made
    /// (Discord since 2024). `false` answers 204 whatever is asked, as some proxies and older
    /// Discord-compatible servers do.
    pub callback_with_response: bool,
    /// The `heartbeat_interval` sent in HELLO. Discord's is about 41 s, so a short test never
    /// sees a heartbeat; lower it to test heartbeating.
    pub heartbeat_interval: Duration,
    /// Guilds besides the seeded one, each with one text channel of the guild's name (find it
    /// with [`crate::FakeDiscord::channel`]). Their ids spread them over the shards.
    pub extra_guilds: Vec<String>,
    /// The shard count `GET /gateway/bot` recommends.
    pub shards: u32,
    /// `GET /gateway/bot`'s `session_start_limit.max_concurrency`.
    pub max_concurrency: u32,
    /// The guild's `preferred_locale` (GUILD_CREATE) and every interaction's `guild_locale`.
    pub preferred_locale: String,
    /// Members whose Discord client is in another language than en-US: (member, locale). Their
    /// interactions carry it as `locale`.
    pub member_locales: Vec<(String, String)>,
}

impl Default for FakeConfig {
    fn default() -> Self {
        Self {
            token: None,
            bot_name: "recapbot".into(),
            guild_name: "Fake Guild".into(),
            channels: vec!["general".into(), "recaps".into()],
            forums: Vec::new(),
            members: vec!["alice".into(), "bob".into()],
            other_bots: Vec::new(),
            roles: vec!["Fans".into()],
            bot_permissions: perms::BOT_DEFAULT,
            rate_limits: RateLimits::discord(),
            interaction_deadline: Duration::from_secs(3),
            callback_with_response: true,
            heartbeat_interval: Duration::from_millis(41_250),
            extra_guilds: Vec::new(),
            shards: 1,
            max_concurrency: 1,
            preferred_locale: "en-US".into(),
            member_locales: Vec::new(),
        }
    }
}

impl FakeConfig {
    pub fn token(mut self, token: impl Into<String>) -> Self {
        self.token = Some(token.into());
        self
    }

    pub fn members(mut self, names: &[&str]) -> Self {
        self.members = names.iter().map(|n| n.to_string()).collect();
        self
    }

    /// Adds bot accounts besides the bot under test; they act like members (`react`, `slash`).
    pub fn other_bots(mut self, names: &[&str]) -> Self {
        self.other_bots = names.iter().map(|n| n.to_string()).collect();
        self
    }

    pub fn roles(mut self, names: &[&str]) -> Self {
        self.roles = names.iter().map(|n| n.to_string()).collect();
        self
    }

    pub fn channels(mut self, names: &[&str]) -> Self {
        self.channels = names.iter().map(|n| n.to_string()).collect();
        self
    }

    pub fn forums(mut self, names: &[&str]) -> Self {
        self.forums = names.iter().map(|n| n.to_string()).collect();
        self
    }

    pub fn bot_permissions(mut self, bits: u64) -> Self {
        self.bot_permissions = bits;
        self
    }

    pub fn rate_limits(mut self, limits: RateLimits) -> Self {
        self.rate_limits = limits;
        self
    }

    /// Interaction callbacks answer 204 even when asked `with_response`.
    pub fn without_callback_response(mut self) -> Self {
        self.callback_with_response = false;
        self
    }

    pub fn interaction_deadline(mut self, deadline: Duration) -> Self {
        self.interaction_deadline = deadline;
        self
    }

    /// The guild's language, as its settings give it (`"ja"`, `"pt-BR"`…).
    pub fn preferred_locale(mut self, locale: &str) -> Self {
        self.preferred_locale = locale.to_string();
        self
    }

    /// A member whose Discord client is in `locale` (`"ko"`, `"fr"`…).
    pub fn member_locale(mut self, member: &str, locale: &str) -> Self {
        self.member_locales.push((member.to_string(), locale.to_string()));
        self
    }

    pub fn heartbeat_interval(mut self, interval: Duration) -> Self {
        self.heartbeat_interval = interval;
        self
    }

    /// Seeds more guilds (see [`FakeConfig::extra_guilds`]).
    pub fn extra_guilds(mut self, names: &[&str]) -> Self {
        self.extra_guilds = names.iter().map(|n| n.to_string()).collect();
        self
    }

    /// What `GET /gateway/bot` reports: the recommended shard count and `max_concurrency`.
    pub fn sharding(mut self, shards: u32, max_concurrency: u32) -> Self {
        self.shards = shards;
        self.max_concurrency = max_concurrency;
        self
    }

    /// Turns every rate limit off, for tests that are not about rate limits.
    pub fn without_rate_limits(self) -> Self {
        self.rate_limits(RateLimits::off())
    }
}
