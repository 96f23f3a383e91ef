//! The fake's world: seeded ids (fixed at start) and mutable state (messages, interactions,
//! reactions, gateway session, recorded requests).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tokio::sync::mpsc;

use crate::config::{perms, FakeConfig, RateLimits};
use crate::payloads;
use crate::rest::Limiter;

/// Ids and settings fixed when the fake starts.
#[derive(Debug)]
pub(crate) struct World {
    pub token: String,
    pub bot_id: u64,
    pub bot_name: String,
    pub guild_id: u64,
    pub guild_name: String,
    pub owner_id: u64,
    pub bot_role_id: u64,
    /// Text channels in order (the first is "the" channel), then forum channels.
    pub channels: Vec<(String, u64)>,
    /// Which of `channels` are forums.
    pub forums: HashSet<u64>,
    /// Human members; the first is the guild owner.
    pub members: Vec<(String, u64)>,
    /// Plain roles members can be given or mentioned (besides @everyone and the bot's).
    pub roles: Vec<(String, u64)>,
    /// Members that are bot accounts (other than the bot under test).
    pub other_bots: Vec<u64>,
    pub bot_permissions: u64,
    pub everyone_permissions: u64,
    pub rate_limits: RateLimits,
    pub deadline: Duration,
    pub callback_with_response: bool,
    pub heartbeat_interval: Duration,
    /// Guilds besides the seeded one: (name, guild id, its one text channel's id).
    pub extra_guilds: Vec<(String, u64, u64)>,
    /// What `GET /gateway/bot` recommends, and its `session_start_limit.max_concurrency`.
    pub shards: u32,
    pub max_concurrency: u32,
    pub preferred_locale: String,
    /// Member id → the locale their interactions carry (en-US when absent).
    pub member_locales: HashMap<u64, String>,
}

/// Snowflake-looking ids: Discord ids from 2025 are about this large.
const ID_BASE: u64 = 1_300_000_000_000_000_000;

impl World {
    pub fn new(cfg: &FakeConfig) -> Self {
        let bot_id = ID_BASE + 1;
        let guild_id = ID_BASE + 2;
        let bot_role_id = ID_BASE + 3;
        let channels: Vec<(String, u64)> = cfg
            .channels
            .iter()
            .chain(&cfg.forums)
            .enumerate()
            .map(|(i, n)| (n.clone(), ID_BASE + 10 + i as u64))
            .collect();
        let forums = channels.iter().skip(cfg.channels.len()).map(|(_, id)| *id).collect();
        let members: Vec<(String, u64)> = cfg
            .members
            .iter()
            .chain(&cfg.other_bots)
            .enumerate()
            .map(|(i, n)| (n.clone(), ID_BASE + 100 + i as u64))
            .collect();
        let roles = cfg
            .roles
            .iter()
            .enumerate()
            .map(|(i, n)| (n.clone(), ID_BASE + 50 + i as u64))
            .collect();
        let other_bots =
            members.iter().filter(|(n, _)| cfg.other_bots.contains(n)).map(|(_, id)| *id).collect();
        let token = cfg.token.clone().unwrap_or_else(|| realistic_token(bot_id));
        // Consecutive timestamps past the seeded guild's: guild i lands on shard
        // `(seeded + 1 + i) % count`, so a few extra guilds cover every shard.
        let extra_guilds = cfg
            .extra_guilds
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let guild = ((guild_id >> 22) + 1001 + i as u64) << 22;
                (n.clone(), guild, ID_BASE + 500 + i as u64)
            })
            .collect();
        let member_locales = cfg
            .member_locales
            .iter()
            .map(|(name, locale)| {
                let id = members.iter().find(|(n, _)| n == name).map(|m| m.1);
                (id.unwrap_or_else(|| panic!("no member {name}")), locale.clone())
            })
            .collect();
        Self {
            token,
            bot_id,
            bot_name: cfg.bot_name.clone(),
            guild_id,
            guild_name: cfg.guild_name.clone(),
            owner_id: members.first().map_or(ID_BASE + 99, |m| m.1),
            bot_role_id,
            channels,
            forums,
            members,
            roles,
            other_bots,
            bot_permissions: cfg.bot_permissions,
            everyone_permissions: perms::EVERYONE_DEFAULT,
            rate_limits: cfg.rate_limits.clone(),
            deadline: cfg.interaction_deadline,
            callback_with_response: cfg.callback_with_response,
            heartbeat_interval: cfg.heartbeat_interval,
            extra_guilds,
            shards: cfg.shards.max(1),
            max_concurrency: cfg.max_concurrency.max(1),
            preferred_locale: cfg.preferred_locale.clone(),
            member_locales,
        }
    }

    /// Every guild the bot is in: the seeded one first.
    pub fn guild_ids(&self) -> Vec<u64> {
        std::iter::once(self.guild_id).chain(self.extra_guilds.iter().map(|g| g.1)).collect()
    }

    pub fn user_name(&self, id: u64) -> Option<&str> {
        if id == self.bot_id {
            return Some(&self.bot_name);
        }
        self.members.iter().find(|m| m.1 == id).map(|m| m.0.as_str())
    }

    pub fn user_json(&self, id: u64) -> Option<Value> {
        self.user_name(id)
            .map(|n| payloads::user(id, n, id == self.bot_id || self.other_bots.contains(&id)))
    }

    pub fn bot_user(&self) -> Value {
        payloads::user(self.bot_id, &self.bot_name, true)
    }

    pub fn member_json(&self, id: u64, with_permissions: bool) -> Option<Value> {
        let user = self.user_json(id)?;
        let (roles, p) = if id == self.bot_id {
            (vec![self.bot_role_id], self.everyone_permissions | self.bot_permissions)
        } else {
            (vec![], self.everyone_permissions)
        };
        Some(payloads::member(user, &roles, with_permissions.then_some(p)))
    }

    pub fn roles(&self) -> Vec<Value> {
        let mut roles = vec![
            payloads::role(self.guild_id, "@everyone", self.everyone_permissions, 0, false),
            payloads::role(self.bot_role_id, &self.bot_name, self.bot_permissions, 1, true),
        ];
        for (i, (name, id)) in self.roles.iter().enumerate() {
            roles.push(payloads::role(*id, name, 0, 2 + i as u32, false));
        }
        roles
    }

    pub fn is_member(&self, id: u64) -> bool {
        id == self.bot_id || self.members.iter().any(|m| m.1 == id)
    }
}

/// `MTMwMD…` style: base64 of the bot id, a timestamp part and an HMAC-looking part.
fn realistic_token(bot_id: u64) -> String {
    use rand::distributions::{Alphanumeric, DistString};
    let mut rng = rand::thread_rng();
    let id_part = base64_nopad(bot_id.to_string().as_bytes());
    format!(
        "{id_part}.{}.{}",
        Alphanumeric.sample_string(&mut rng, 6),
        Alphanumeric.sample_string(&mut rng, 38)
    )
}

fn base64_nopad(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, b)| acc | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(A[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

/// One request the fake received.
#[derive(Clone, Debug)]
pub struct RecordedRequest {
    pub method: String,
    /// The path without `/api/v10`, e.g. `/channels/1/messages`.
    pub path: String,
    pub query: String,
    /// The JSON body, or the `payload_json` part of a multipart body; `Null` when empty.
    pub body: Value,
    /// Names of the files of a multipart body.
    pub files: Vec<String>,
    pub at: Instant,
    pub status: u16,
    /// No route of the fake matched it.
    pub unexpected: bool,
}

impl std::fmt::Display for RecordedRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let q = if self.query.is_empty() { String::new() } else { format!("?{}", self.query) };
        write!(f, "{} {}{} -> {}", self.method, self.path, q, self.status)?;
        if !self.body.is_null() {
            let body = self.body.to_string();
            let cut: String = body.chars().take(300).collect();
            write!(f, " {cut}")?;
        }
        Ok(())
    }
}

pub(crate) struct StoredMessage {
    pub json: Value,
    pub deleted: bool,
}

/// An interaction the fake created, and what the bot answered.
pub(crate) struct InteractionState {
    pub kind: u8,
    pub created: Instant,
    pub channel_id: u64,
    /// `{"type": n, "data": …}` of the initial callback.
    pub initial: Option<Value>,
    /// When the initial callback arrived.
    pub answered: Option<Instant>,
    /// The message `@original` refers to (for components: the clicked message).
    pub original: Option<u64>,
    pub followups: Vec<u64>,
}

/// Commands sent from the driver or the REST side to the live gateway connection.
#[derive(Debug)]
pub(crate) enum ConnCmd {
    Frame(String),
    Close(u16, &'static str),
    /// Drop the TCP connection without a close frame.
    Drop,
}

pub(crate) struct Session {
    pub id: String,
    pub seq: u64,
    /// Every dispatch of the session, for RESUME.
    pub sent: Vec<(u64, String)>,
}

/// Discord's rule for which shard gets a guild's events.
pub(crate) fn shard_of(guild: u64, shard_count: u32) -> u32 {
    ((guild >> 22) % u64::from(shard_count.max(1))) as u32
}

#[derive(Default)]
pub(crate) struct GatewayState {
    /// Each shard's session, kept for RESUME while its connection is away.
    pub sessions: BTreeMap<u32, Session>,
    /// Each shard's live connection.
    pub conns: BTreeMap<u32, (u64, mpsc::UnboundedSender<ConnCmd>)>,
    /// The shard count the last IDENTIFY gave (1 until one gives another).
    pub shard_count: u32,
    /// Every accepted IDENTIFY: which shard, and when.
    pub identifies: Vec<(u32, Instant)>,
    pub next_conn: u64,
    pub connections: u32,
    pub identify_count: u32,
    pub resume_count: u32,
    pub heartbeat_count: u32,
    /// Heartbeats to leave unacknowledged (a test hook).
    pub acks_to_skip: u32,
    pub intents: u64,
    /// Sessions invalidated with `resumable: false`.
    pub dead_sessions: HashSet<String>,
    pub close_codes: Vec<u16>,
}

#[derive(Default)]
pub(crate) struct State {
    pub next_id: u64,
    pub requests: Vec<RecordedRequest>,
    /// Payloads the fake built that serenity could not parse, and other fake-side failures.
    pub errors: Vec<String>,
    pub channels: BTreeMap<u64, Value>,
    pub deleted_channels: HashSet<u64>,
    /// Permission bits denied to the bot per channel (a member overwrite).
    pub denied: HashMap<u64, u64>,
    pub messages: BTreeMap<u64, StoredMessage>,
    pub attachments: HashMap<u64, Vec<u8>>,
    /// (message, emoji key) -> users in reaction order.
    pub reactions: BTreeMap<(u64, String), Vec<u64>>,
    pub global_commands: Vec<Value>,
    pub guild_commands: BTreeMap<u64, Vec<Value>>,
    pub interactions: HashMap<u64, InteractionState>,
    pub tokens: HashMap<String, u64>,
    pub gateway: GatewayState,
    pub limiter: Limiter,
}

/// Gateway intent bits an event needs (<https://discord.com/developers/docs/events/gateway#list-of-intents>).
fn intent_of(t: &str) -> Option<u64> {
    match t {
        "CHANNEL_CREATE" | "CHANNEL_UPDATE" | "CHANNEL_DELETE" | "THREAD_CREATE" => Some(1 << 0),
        "MESSAGE_CREATE" | "MESSAGE_UPDATE" | "MESSAGE_DELETE" => Some(1 << 9),
        "MESSAGE_REACTION_ADD" | "MESSAGE_REACTION_REMOVE" => Some(1 << 10),
        _ => None,
    }
}

pub(crate) const MESSAGE_CONTENT_INTENT: u64 = 1 << 15;

impl State {
    pub fn new(world: &World) -> Self {
        let mut st = State { next_id: ID_BASE + 1_000_000, ..State::default() };
        st.gateway.shard_count = 1;
        for (i, (name, guild, channel)) in world.extra_guilds.iter().enumerate() {
            st.channels.insert(*channel, payloads::text_channel(*channel, *guild, name, i as u32));
        }
        for (i, (name, id)) in world.channels.iter().enumerate() {
            let mut channel = payloads::text_channel(*id, world.guild_id, name, i as u32);
            if world.forums.contains(id) {
                channel["type"] = json!(15);
            }
            st.channels.insert(*id, channel);
        }
        st
    }

    /// A fresh snowflake-looking id.
    pub fn id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    /// The guild a channel belongs to (the seeded one for a channel the fake does not know).
    pub fn guild_of(&self, world: &World, channel: u64) -> u64 {
        self.channels
            .get(&channel)
            .and_then(|c| c["guild_id"].as_str())
            .and_then(|g| g.parse().ok())
            .unwrap_or(world.guild_id)
    }

    /// The shard that gets `guild`'s events under the current shard count.
    pub fn shard_of(&self, guild: u64) -> u32 {
        shard_of(guild, self.gateway.shard_count)
    }

    /// Sends a dispatch on the gateway, to the one shard that owns its guild (shard 0 for
    /// events of no guild), after checking serenity can parse it. See [`State::dispatch_to`].
    pub fn dispatch(&mut self, t: &str, d: Value) -> Result<(), String> {
        let guild = d["guild_id"].as_str().and_then(|g| g.parse().ok());
        let shard = guild.map_or(0, |g| self.shard_of(g));
        self.dispatch_to(shard, t, d)
    }

    /// Sends a dispatch on `shard`'s session. Events are kept for RESUME; without a session
    /// (that shard not identified) they are dropped, as Discord would.
    pub fn dispatch_to(&mut self, shard: u32, t: &str, d: Value) -> Result<(), String> {
        if let Err(e) = payloads::check_dispatch(t, &d) {
            self.errors.push(e.clone());
            return Err(e);
        }
        if let Some(bit) = intent_of(t) {
            if self.gateway.intents & bit == 0 {
                return Ok(());
            }
        }
        let Some(session) = self.gateway.sessions.get_mut(&shard) else {
            tracing::warn!("fake-discord: {t} dropped: shard {shard} has no gateway session");
            return Ok(());
        };
        session.seq += 1;
        let frame = json!({"op": 0, "s": session.seq, "t": t, "d": d}).to_string();
        session.sent.push((session.seq, frame.clone()));
        if let Some((_, tx)) = self.gateway.conns.get(&shard) {
            // A closed receiver means the connection is going away; RESUME replays the event.
            let _ = tx.send(ConnCmd::Frame(frame));
        }
        Ok(())
    }

    /// Sends a message event, hiding the content of other users' messages like Discord does when
    /// the bot lacks the MESSAGE_CONTENT intent.
    pub fn dispatch_message(&mut self, world: &World, t: &str, msg: &Value) -> Result<(), String> {
        if msg["flags"].as_u64().unwrap_or(0) & 64 != 0 {
            return Ok(()); // Ephemeral messages are never dispatched.
        }
        let mut d = msg.clone();
        let by_bot = d["author"]["id"] == json!(world.bot_id.to_string());
        if !by_bot && self.gateway.intents & MESSAGE_CONTENT_INTENT == 0 {
            d["content"] = json!("");
            d["embeds"] = json!([]);
            d["attachments"] = json!([]);
            d["components"] = json!([]);
        }
        if t == "MESSAGE_CREATE" {
            if let Some(m) = world.member_json(author_id(&d), false) {
                let mut m = m;
                m.as_object_mut().map(|o| o.remove("user"));
                d["member"] = m;
            }
        }
        self.dispatch(t, d)
    }

    /// The bot's effective permissions in a channel (threads inherit their parent's).
    pub fn bot_permissions(&self, world: &World, channel: u64) -> u64 {
        let base = world.everyone_permissions | world.bot_permissions;
        let parent = self
            .channels
            .get(&channel)
            .and_then(|c| c["parent_id"].as_str())
            .and_then(|p| p.parse().ok());
        let denied = self.denied.get(&channel).copied().unwrap_or(0)
            | parent.and_then(|p| self.denied.get(&p).copied()).unwrap_or(0);
        base & !denied
    }

    /// A stored message with its current reactions, as the REST API returns it.
    pub fn render_message(&self, world: &World, id: u64) -> Option<Value> {
        let stored = self.messages.get(&id).filter(|m| !m.deleted)?;
        let mut v = stored.json.clone();
        let reactions: Vec<Value> = self
            .reactions
            .range((id, String::new())..)
            .take_while(|((m, _), _)| *m == id)
            .filter(|(_, users)| !users.is_empty())
            .map(|((_, emoji), users)| {
                json!({
                    "count": users.len(),
                    "count_details": {"burst": 0, "normal": users.len()},
                    "me": users.contains(&world.bot_id),
                    "me_burst": false,
                    "burst_colors": [],
                    "emoji": payloads::emoji(emoji),
                })
            })
            .collect();
        if !reactions.is_empty() {
            v["reactions"] = Value::Array(reactions);
        }
        Some(v)
    }

    pub fn channel_messages(&self, world: &World, channel: u64) -> Vec<Value> {
        let ids: Vec<u64> = self
            .messages
            .iter()
            .filter(|(_, m)| !m.deleted && m.json["channel_id"] == json!(channel.to_string()))
            .map(|(id, _)| *id)
            .collect();
        ids.into_iter().filter_map(|id| self.render_message(world, id)).collect()
    }
}

pub(crate) fn author_id(msg: &Value) -> u64 {
    msg["author"]["id"].as_str().and_then(|s| s.parse().ok()).unwrap_or(0)
}

pub(crate) fn id_of(v: &Value) -> u64 {
    v["id"].as_str().and_then(|s| s.parse().ok()).unwrap_or(0)
}
