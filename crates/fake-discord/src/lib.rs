//! An in-process fake of Discord's gateway and REST API, on 127.0.0.1 only, for testing
//! serenity/poise bots end to end.
//!
//! # Connecting a bot
//!
//! REST is served over TLS as `discord.com`, with a certificate from a CA generated at start-up;
//! [`FakeDiscord::http_client`] is a reqwest client that resolves `discord.com` to the fake and
//! trusts that CA, so the bot keeps serenity's own rate limiter. The gateway is plain
//! `ws://127.0.0.1:PORT/gateway`, handed out by `GET /gateway` and `GET /gateway/bot`.
//!
//! ```no_run
//! # async fn demo() -> Result<(), serenity::Error> {
//! use fake_discord::FakeDiscord;
//! use serenity::all::{ClientBuilder, GatewayIntents, HttpBuilder};
//!
//! let fake = FakeDiscord::start().await;
//! let http = HttpBuilder::new(fake.token()).client(fake.http_client()).build();
//! let intents = GatewayIntents::GUILDS | GatewayIntents::GUILD_MESSAGE_REACTIONS;
//! let mut client = ClientBuilder::new_with_http(http, intents) /* .framework(…) */ .await?;
//! // Abort this task to stop the bot: `shutdown_all` takes 5 s.
//! let bot = tokio::spawn(async move { client.start_autosharded().await });
//! fake.wait_ready(std::time::Duration::from_secs(5)).await;
//! # bot.abort();
//! # Ok(())
//! # }
//! ```
//!
//! Proxy mode (`HttpBuilder::proxy(fake.proxy_url()).ratelimiter_disabled(true)`) reaches the
//! same routes over plain HTTP.
//!
//! # Driving a test
//!
//! Members act with [`FakeDiscord::slash`], [`FakeDiscord::autocomplete`],
//! [`FakeDiscord::click`], [`FakeDiscord::select`], [`FakeDiscord::submit_modal`],
//! [`FakeDiscord::react`] and [`FakeDiscord::user_message`]; an [`InteractionHandle`] tells what
//! the bot answered. Every wait takes a timeout and panics with what the fake received.
//!
//! # What the fake enforces, like Discord
//!
//! - One initial interaction response, within 3 s (10062 after, 40060 for a second one), of a
//!   type valid for the interaction; follow-ups only after it; tokens live 15 minutes.
//! - Message bodies: not empty, content ≤ 2000, ≤ 10 embeds within Discord's sizes, ≤ 5 rows.
//! - Channel permissions of the bot (50001/50013), deleted channels and messages (10003/10008).
//! - Rate limits per bucket and a global 50/s, with Discord's headers and 429 bodies.
//! - Gateway: token check (close 4004), increasing `s`, RESUME replaying missed events, intents
//!   (events of intents the bot did not ask for are not sent; without MESSAGE_CONTENT other
//!   users' message content is blanked).
//!
//! Every payload the fake sends is first deserialized into serenity's model types, because
//! serenity silently drops events it cannot parse; a failure panics the next wait.
#![recursion_limit = "256"]

mod config;
mod gateway;
mod payloads;
mod rest;
mod state;
mod tls;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use anyhow::Context as _;
use serde_json::{json, Value};
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

pub use crate::config::{perms, FakeConfig, RateLimits, RouteLimit};
pub use crate::state::RecordedRequest;
use crate::state::{ConnCmd, InteractionState, State, World};

/// Shared by the servers and the test-side handles.
pub(crate) struct Inner {
    pub world: World,
    state: Mutex<State>,
    /// Bumped after every change, so waits need no polling.
    changed: watch::Sender<u64>,
    pub gateway_url: String,
    plain_addr: SocketAddr,
    rest_addr: SocketAddr,
    ca_pem: String,
}

impl Inner {
    /// The state lock; a panic elsewhere must not hide what the fake received.
    pub fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn bump(&self) {
        self.changed.send_modify(|v| *v += 1);
    }

    pub fn resume_url(&self) -> String {
        self.gateway_url.clone()
    }
}

/// Aborts the listeners when the last handle to the fake is dropped.
struct Tasks(Vec<JoinHandle<()>>);

impl Drop for Tasks {
    fn drop(&mut self) {
        for t in &self.0 {
            t.abort();
        }
    }
}

/// A running fake Discord. Cheap to clone; the servers stop when the last clone is dropped.
#[derive(Clone)]
pub struct FakeDiscord {
    inner: Arc<Inner>,
    _tasks: Arc<Tasks>,
}

/// Default timeout of waits that do not take one.
const SHORT: Duration = Duration::from_secs(5);

impl FakeDiscord {
    /// Starts a fake with [`FakeConfig::default`]. Panics if 127.0.0.1 cannot be bound.
    pub async fn start() -> Self {
        Self::start_with(FakeConfig::default()).await
    }

    /// Starts a fake with `config`. Panics if 127.0.0.1 cannot be bound.
    pub async fn start_with(config: FakeConfig) -> Self {
        match Self::try_start_with(config).await {
            Ok(f) => f,
            Err(e) => panic!("fake-discord failed to start: {e:#}"),
        }
    }

    /// Starts a fake with `config`.
    pub async fn try_start_with(config: FakeConfig) -> anyhow::Result<Self> {
        let tls = tls::make().context("making the test certificate authority")?;
        let rest_listener =
            TcpListener::bind("127.0.0.1:0").await.context("binding the REST listener")?;
        let plain_listener =
            TcpListener::bind("127.0.0.1:0").await.context("binding the gateway listener")?;
        let rest_addr = rest_listener.local_addr()?;
        let plain_addr = plain_listener.local_addr()?;
        let world = World::new(&config);
        let state = State::new(&world);
        let inner = Arc::new(Inner {
            world,
            state: Mutex::new(state),
            changed: watch::channel(0).0,
            gateway_url: format!("ws://{plain_addr}/gateway"),
            plain_addr,
            rest_addr,
            ca_pem: tls.ca_pem,
        });
        let router = axum::Router::new()
            .route("/gateway", axum::routing::get(gateway::upgrade))
            .fallback(rest::handle)
            .with_state(Arc::clone(&inner));
        let tls_task = tokio::spawn(tls::serve(rest_listener, tls.server, router.clone()));
        let plain_task = tokio::spawn(async move {
            if let Err(e) = axum::serve(plain_listener, router).tcp_nodelay(true).await {
                tracing::error!("fake-discord: plain listener stopped: {e}");
            }
        });
        Ok(Self { inner, _tasks: Arc::new(Tasks(vec![tls_task, plain_task])) })
    }

    // -- Connecting ---------------------------------------------------------------------------

    /// A reqwest client that reaches this fake as `https://discord.com`: give it to
    /// `serenity::all::HttpBuilder::client`.
    pub fn http_client(&self) -> reqwest::Client {
        // The PEM was generated by rcgen a moment ago, so parsing it cannot fail.
        let ca = reqwest::Certificate::from_pem(self.inner.ca_pem.as_bytes())
            .expect("fake-discord CA is valid PEM");
        reqwest::Client::builder()
            .use_rustls_tls()
            .resolve("discord.com", self.inner.rest_addr)
            .add_root_certificate(ca)
            .build()
            .expect("reqwest client with a resolve override and a root certificate")
    }

    /// The PEM of the CA that signed the fake's `discord.com` certificate.
    pub fn ca_cert_pem(&self) -> &str {
        &self.inner.ca_pem
    }

    /// Where the TLS REST listener is (the certificate is for `discord.com`).
    pub fn rest_addr(&self) -> SocketAddr {
        self.inner.rest_addr
    }

    /// `http://127.0.0.1:PORT` for `HttpBuilder::proxy` (needs `ratelimiter_disabled(true)`):
    /// serenity replaces `https://discord.com` with it, so paths stay `/api/v10/…`.
    pub fn proxy_url(&self) -> String {
        format!("http://{}", self.inner.plain_addr)
    }

    /// `ws://127.0.0.1:PORT/gateway`, as returned by `GET /gateway` and `/gateway/bot`.
    pub fn gateway_url(&self) -> &str {
        &self.inner.gateway_url
    }

    // -- Seeded ids ---------------------------------------------------------------------------

    /// The valid bot token (realistic-looking unless [`FakeConfig::token`] set one).
    pub fn token(&self) -> &str {
        &self.inner.world.token
    }

    pub fn guild_id(&self) -> u64 {
        self.inner.world.guild_id
    }

    /// The first seeded text channel ("general" by default).
    pub fn channel_id(&self) -> u64 {
        self.inner.world.channels[0].1
    }

    /// A seeded guild by name: the seeded one ([`FakeConfig::guild_name`]) or one of
    /// [`FakeConfig::extra_guilds`]. Panics on an unknown name.
    pub fn guild(&self, name: &str) -> u64 {
        let w = &self.inner.world;
        if name == w.guild_name {
            return w.guild_id;
        }
        w.extra_guilds
            .iter()
            .find(|g| g.0 == name)
            .map(|g| g.1)
            .unwrap_or_else(|| panic!("no seeded guild {name:?}; seeded: {:?}", w.extra_guilds))
    }

    /// A seeded text channel by name (an extra guild's channel has the guild's name). Panics
    /// on an unknown name.
    pub fn channel(&self, name: &str) -> u64 {
        let w = &self.inner.world;
        w.channels
            .iter()
            .map(|c| (&c.0, c.1))
            .chain(w.extra_guilds.iter().map(|g| (&g.0, g.2)))
            .find(|c| c.0 == name)
            .map(|c| c.1)
            .unwrap_or_else(|| panic!("no seeded channel {name:?}; seeded: {:?}", w.channels))
    }

    /// A seeded member's user id by name (`"alice"`, `"bob"`, or the bot's name). The first
    /// member owns the guild. Panics on an unknown name.
    pub fn user_id(&self, name: &str) -> u64 {
        let w = &self.inner.world;
        if name == w.bot_name {
            return w.bot_id;
        }
        w.members
            .iter()
            .find(|m| m.0 == name)
            .map(|m| m.1)
            .unwrap_or_else(|| panic!("no seeded member {name:?}; seeded: {:?}", w.members))
    }

    pub fn bot_user_id(&self) -> u64 {
        self.inner.world.bot_id
    }

    /// The application id (equal to the bot user id, as on Discord).
    pub fn application_id(&self) -> u64 {
        self.inner.world.bot_id
    }

    // -- Waiting --------------------------------------------------------------------------------

    /// Waits until `f` returns `Some`, re-checking after every change. On timeout, or if the fake
    /// built a payload serenity cannot parse, panics with what the fake received.
    pub(crate) async fn wait_for<T>(
        &self,
        timeout: Duration,
        what: &str,
        mut f: impl FnMut(&State) -> Option<T>,
    ) -> T {
        let mut rx = self.inner.changed.subscribe();
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            {
                let st = self.inner.lock();
                if !st.errors.is_empty() {
                    panic!(
                        "fake-discord failed while waiting for {what}:\n{}\n{}",
                        st.errors.join("\n"),
                        report(&st)
                    );
                }
                if let Some(v) = f(&st) {
                    return v;
                }
            }
            match tokio::time::timeout_at(deadline, rx.changed()).await {
                Ok(Ok(())) => {}
                _ => self.timed_out(timeout, what),
            }
        }
    }

    fn timed_out(&self, timeout: Duration, what: &str) -> ! {
        let st = self.inner.lock();
        panic!("fake-discord: timed out after {timeout:?} waiting for {what}\n{}", report(&st));
    }

    /// Waits until `done(self)` is true, re-checking after every change the fake sees; on timeout
    /// panics with what the fake received. For conditions the other waits do not cover, e.g.
    /// `fake.wait_until(T, "the edit", |f| f.message(c, id).is_some_and(|m| m["content"] == "x"))`.
    pub async fn wait_until(
        &self,
        timeout: Duration,
        what: &str,
        mut done: impl FnMut(&FakeDiscord) -> bool,
    ) {
        let mut rx = self.inner.changed.subscribe();
        let deadline = tokio::time::Instant::now() + timeout;
        while !done(self) {
            if tokio::time::timeout_at(deadline, rx.changed()).await.is_err() {
                self.timed_out(timeout, what);
            }
        }
        let errors = self.errors();
        assert!(
            errors.is_empty(),
            "fake-discord failed while waiting for {what}:\n{}",
            errors.join("\n")
        );
    }

    /// Waits until the bot identified and got READY and GUILD_CREATE.
    pub async fn wait_ready(&self, timeout: Duration) {
        self.wait_for(timeout, "the bot to IDENTIFY", |st| {
            (st.gateway.identify_count > 0).then_some(())
        })
        .await;
    }

    /// Waits until the bot registered commands (guild or global); returns them all.
    pub async fn wait_commands(&self, timeout: Duration) -> Vec<Value> {
        self.wait_for(timeout, "command registration", |st| {
            let all = all_commands(st);
            (!all.is_empty()).then_some(all)
        })
        .await
    }

    /// The registered commands: guild commands first, then global ones.
    pub fn commands(&self) -> Vec<Value> {
        all_commands(&self.inner.lock())
    }

    /// Waits for a request matching `pattern` (`"POST /channels/*/messages"`, `*` = one segment)
    /// and returns the first one.
    pub async fn wait_request(&self, pattern: &str, timeout: Duration) -> RecordedRequest {
        self.wait_for(timeout, &format!("a request {pattern}"), |st| {
            st.requests.iter().find(|r| matches_record(pattern, r)).cloned()
        })
        .await
    }

    // -- Recording ------------------------------------------------------------------------------

    /// Every REST request received, in order.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.inner.lock().requests.clone()
    }

    /// The requests matching `pattern` (see [`FakeDiscord::wait_request`]).
    pub fn requests_to(&self, pattern: &str) -> Vec<RecordedRequest> {
        self.inner.lock().requests.iter().filter(|r| matches_record(pattern, r)).cloned().collect()
    }

    /// Requests no route matched (answered 404). A test can assert this is empty.
    pub fn unexpected_requests(&self) -> Vec<RecordedRequest> {
        self.inner.lock().requests.iter().filter(|r| r.unexpected).cloned().collect()
    }

    /// Fake-side failures, e.g. a payload that serenity could not parse. Waits panic on them.
    pub fn errors(&self) -> Vec<String> {
        self.inner.lock().errors.clone()
    }

    // -- Rate limits ----------------------------------------------------------------------------

    /// The next request matching `pattern` gets a 429 with `Retry-After: retry_after` (seconds).
    pub fn force_429_once(&self, pattern: &str, retry_after: f64) {
        self.inner.lock().limiter.force(pattern, retry_after, false);
    }

    /// The next request matching `pattern` gets a global 429 (`X-RateLimit-Global: true`).
    pub fn force_global_429_once(&self, pattern: &str, retry_after: f64) {
        self.inner.lock().limiter.force(pattern, retry_after, true);
    }

    /// The next request matching `pattern` fails with `status` (a 500, 502 or 503 as Discord
    /// sometimes answers).
    pub fn force_status_once(&self, pattern: &str, status: u16) {
        self.inner.lock().limiter.force_status(pattern, status);
    }

    /// How many 429s the fake has sent.
    pub fn rate_limited_count(&self) -> u32 {
        self.inner.lock().limiter.count_429
    }

    // -- State ----------------------------------------------------------------------------------

    /// The messages of a channel, oldest first, as they are now (after edits, with reactions).
    /// Deleted messages are left out; ephemeral ones are included (their `flags` has 64).
    pub fn messages(&self, channel: u64) -> Vec<Value> {
        let st = self.inner.lock();
        st.channel_messages(&self.inner.world, channel)
    }

    /// One message as it is now, or `None` if it does not exist or was deleted.
    pub fn message(&self, channel: u64, id: u64) -> Option<Value> {
        let st = self.inner.lock();
        st.render_message(&self.inner.world, id)
            .filter(|m| m["channel_id"] == json!(channel.to_string()))
    }

    /// The bytes of an uploaded attachment, by the attachment's id.
    pub fn attachment(&self, attachment_id: u64) -> Option<Vec<u8>> {
        self.inner.lock().attachments.get(&attachment_id).cloned()
    }

    /// The users who reacted with `emoji` (`"👍"` or `"name:id"`), in reaction order.
    pub fn reactions(&self, message: u64, emoji: &str) -> Vec<u64> {
        self.inner
            .lock()
            .reactions
            .get(&(message, payloads::emoji_key(emoji)))
            .cloned()
            .unwrap_or_default()
    }

    /// A channel or thread as the fake stores it (a thread started from a message has the
    /// message's id), or `None` if deleted.
    pub fn channel_json(&self, channel: u64) -> Option<Value> {
        let st = self.inner.lock();
        st.channels.get(&channel).filter(|_| !st.deleted_channels.contains(&channel)).cloned()
    }

    /// The threads started in a channel (a forum's posts), oldest first.
    pub fn threads_in(&self, parent: u64) -> Vec<u64> {
        let st = self.inner.lock();
        st.channels
            .iter()
            .filter(|(_, c)| c["type"] == json!(11) && c["parent_id"] == json!(parent.to_string()))
            .map(|(id, _)| *id)
            .collect()
    }

    /// Deletes a channel: CHANNEL_DELETE is dispatched and REST answers 10003 Unknown Channel.
    pub fn delete_channel(&self, channel: u64) {
        let mut st = self.inner.lock();
        let c =
            st.channels.get(&channel).cloned().unwrap_or_else(|| panic!("no channel {channel}"));
        st.deleted_channels.insert(channel);
        let result = st.dispatch("CHANNEL_DELETE", c);
        drop(st);
        self.inner.bump();
        result.unwrap_or_else(|e| panic!("{e}"));
    }

    /// Deletes a message (as a moderator would): MESSAGE_DELETE is dispatched and REST answers
    /// 10008 Unknown Message.
    pub fn delete_message(&self, channel: u64, id: u64) {
        let mut st = self.inner.lock();
        let found =
            st.messages.get_mut(&id).filter(|m| m.json["channel_id"] == json!(channel.to_string()));
        let Some(m) = found else { panic!("no message {id} in channel {channel}") };
        m.deleted = true;
        let guild = st.guild_of(&self.inner.world, channel);
        let d = json!({"id": id.to_string(), "channel_id": channel.to_string(), "guild_id": guild.to_string()});
        let result = st.dispatch("MESSAGE_DELETE", d);
        drop(st);
        self.inner.bump();
        result.unwrap_or_else(|e| panic!("{e}"));
    }

    /// Denies permission bits (see [`perms`]) to the bot in a channel, like a member overwrite:
    /// CHANNEL_UPDATE is dispatched with the overwrite, REST answers 50013 Missing Permissions
    /// (50001 Missing Access if VIEW_CHANNEL is denied), and `app_permissions` of new
    /// interactions in that channel lack the bits. `deny_permission(c, 0)` lifts all denials.
    pub fn deny_permission(&self, channel: u64, bits: u64) {
        let mut st = self.inner.lock();
        if bits == 0 {
            st.denied.remove(&channel);
        } else {
            *st.denied.entry(channel).or_default() |= bits;
        }
        let denied = st.denied.get(&channel).copied().unwrap_or(0);
        let bot = self.bot_user_id();
        let Some(c) = st.channels.get_mut(&channel) else { panic!("no channel {channel}") };
        c["permission_overwrites"] = if denied == 0 {
            json!([])
        } else {
            json!([{"id": bot.to_string(), "type": 1, "allow": "0", "deny": denied.to_string()}])
        };
        let c = c.clone();
        let result = st.dispatch("CHANNEL_UPDATE", c);
        drop(st);
        self.inner.bump();
        result.unwrap_or_else(|e| panic!("{e}"));
    }

    // -- Users acting ---------------------------------------------------------------------------

    /// A member posts a message (MESSAGE_CREATE; content is hidden from bots without the
    /// MESSAGE_CONTENT intent). Returns the message id.
    pub fn user_message(&self, user: &str, channel: u64, content: &str) -> u64 {
        let uid = self.user_id(user);
        let w = &self.inner.world;
        let mut st = self.inner.lock();
        let id = st.id();
        let author = w.user_json(uid).unwrap_or_default();
        let mut msg = payloads::message(id, channel, Some(st.guild_of(w, channel)), author);
        msg["content"] = json!(content);
        st.messages.insert(id, state::StoredMessage { json: msg.clone(), deleted: false });
        let result = st.dispatch_message(w, "MESSAGE_CREATE", &msg);
        drop(st);
        self.inner.bump();
        result.unwrap_or_else(|e| panic!("{e}"));
        id
    }

    /// A member adds a reaction (`"👍"` or custom `"name:id"`): MESSAGE_REACTION_ADD is
    /// dispatched and `GET …/reactions/{emoji}` lists the member.
    pub fn react(&self, user: &str, channel: u64, message: u64, emoji: &str) {
        let uid = self.user_id(user);
        let mut st = self.inner.lock();
        let result = rest::add_reaction(
            &self.inner.world,
            &mut st,
            channel,
            message,
            &payloads::emoji_key(emoji),
            uid,
        );
        drop(st);
        self.inner.bump();
        if let Err(e) = result {
            panic!("react({user}, {channel}, {message}, {emoji}) failed: {e:?}");
        }
    }

    /// A member removes a reaction: MESSAGE_REACTION_REMOVE is dispatched.
    pub fn unreact(&self, user: &str, channel: u64, message: u64, emoji: &str) {
        let uid = self.user_id(user);
        let mut st = self.inner.lock();
        let result = rest::remove_reaction(
            &self.inner.world,
            &mut st,
            channel,
            message,
            &payloads::emoji_key(emoji),
            uid,
        );
        drop(st);
        self.inner.bump();
        if let Err(e) = result {
            panic!("unreact({user}, {channel}, {message}, {emoji}) failed: {e:?}");
        }
    }

    /// A member runs a slash command in [`FakeDiscord::channel_id`]. `command` may name a
    /// subcommand: `"alerts subscribe"` or `"group sub"`. Options are
    /// `[{"name": …, "value": …}]`; a missing `type` is taken from the registered command, and a
    /// user option may be given by member name. Panics if the command is not registered.
    pub fn slash(&self, user: &str, command: &str, options: Value) -> InteractionHandle {
        self.slash_in(user, self.channel_id(), command, options)
    }

    /// [`FakeDiscord::slash`] in another channel.
    pub fn slash_in(
        &self,
        user: &str,
        channel: u64,
        command: &str,
        options: Value,
    ) -> InteractionHandle {
        let data = self.command_data(command, options, false);
        self.create_interaction(user, channel, 2, data, None)
    }

    /// A member types in an autocompleted option. The option with `"focused": true` (or else the
    /// last one) is focused. Read the bot's choices with [`InteractionHandle::choices`].
    pub fn autocomplete(&self, user: &str, command: &str, options: Value) -> InteractionHandle {
        let data = self.command_data(command, options, true);
        self.create_interaction(user, self.channel_id(), 4, data, None)
    }

    /// A member clicks the button `custom_id` on a message the bot posted.
    pub fn click(
        &self,
        user: &str,
        message: impl Into<MessageRef>,
        custom_id: &str,
    ) -> InteractionHandle {
        self.component(user, message.into(), custom_id, None)
    }

    /// A member picks `values` in the string select menu `custom_id` on a bot message.
    pub fn select(
        &self,
        user: &str,
        message: impl Into<MessageRef>,
        custom_id: &str,
        values: &[&str],
    ) -> InteractionHandle {
        self.component(user, message.into(), custom_id, Some(values))
    }

    /// A member submits the modal the bot opened in answer to `opened_by`, with
    /// `(text input custom_id, value)` pairs.
    pub async fn submit_modal(
        &self,
        user: &str,
        opened_by: &InteractionHandle,
        values: &[(&str, &str)],
    ) -> InteractionHandle {
        let modal = opened_by.response(SHORT).await;
        assert_eq!(modal["type"], json!(9), "the bot answered with {modal}, not a modal");
        let rows: Vec<Value> = values
            .iter()
            .map(|(id, v)| json!({"type": 1, "components": [{"type": 4, "custom_id": id, "value": v}]}))
            .collect();
        let data = json!({"custom_id": modal["data"]["custom_id"], "components": rows});
        let (channel, source) = {
            let st = self.inner.lock();
            let it = &st.interactions[&opened_by.id];
            (it.channel_id, (it.kind == 3).then_some(it.original).flatten())
        };
        self.create_interaction(user, channel, 5, data, source)
    }

    fn command_data(&self, command: &str, options: Value, autocomplete: bool) -> Value {
        let mut path = command.split_whitespace();
        let name = path.next().unwrap_or_default();
        let sub: Vec<&str> = path.collect();
        let registered = self.commands();
        let Some(def) = registered.iter().find(|c| c["name"] == json!(name)) else {
            let names: Vec<&Value> = registered.iter().map(|c| &c["name"]).collect();
            panic!("/{name} is not registered (registered: {names:?}); wait_commands first?");
        };
        // Walk down to the subcommand's option definitions.
        let mut defs = def["options"].as_array().cloned().unwrap_or_default();
        for s in &sub {
            let Some(d) = defs.iter().find(|o| o["name"] == json!(s)) else {
                panic!("/{command}: {s:?} is not a subcommand of the registered command {def}");
            };
            defs = d["options"].as_array().cloned().unwrap_or_default();
        }
        let mut resolved = json!({});
        let mut given: Vec<Value> = options.as_array().cloned().unwrap_or_default();
        if autocomplete && !given.iter().any(|o| o["focused"] == json!(true)) {
            if let Some(last) = given.last_mut() {
                last["focused"] = json!(true);
            }
        }
        for o in &mut given {
            let decl = defs.iter().find(|d| d["name"] == o["name"]);
            if o["type"].is_null() {
                let Some(decl) = decl else {
                    panic!("/{command} has no option {}; declared: {defs:?}", o["name"]);
                };
                o["type"] = decl["type"].clone();
            }
            coerce_value(o);
            match o["type"].as_u64() {
                Some(6) => self.resolve_user(o, &mut resolved),
                Some(7) => {
                    self.resolve_channel(o, &mut resolved);
                    self.check_channel_type(command, o, decl, &resolved);
                }
                Some(8) => self.resolve_role(o, &mut resolved),
                _ => {}
            }
        }
        // Wrap the leaf options in their subcommand (and group) options.
        let mut leaf = Value::Array(given);
        let mut level = def["options"].as_array().cloned().unwrap_or_default();
        let mut wrappers = Vec::new();
        for s in &sub {
            let d = level.iter().find(|o| o["name"] == json!(s)).cloned().unwrap_or_default();
            wrappers.push((s.to_string(), d["type"].as_u64().unwrap_or(1)));
            level = d["options"].as_array().cloned().unwrap_or_default();
        }
        for (s, ty) in wrappers.into_iter().rev() {
            leaf = json!([{"name": s, "type": ty, "options": leaf}]);
        }
        let mut data = json!({
            "id": def["id"],
            "name": name,
            "type": def["type"],
            "options": leaf,
            "guild_id": self.guild_id().to_string(),
        });
        if resolved.as_object().is_some_and(|r| !r.is_empty()) {
            data["resolved"] = resolved;
        }
        data
    }

    /// Discord's channel picker offers only the channel types an option declares.
    fn check_channel_type(
        &self,
        command: &str,
        option: &Value,
        decl: Option<&Value>,
        resolved: &Value,
    ) {
        let Some(allowed) = decl.and_then(|d| d["channel_types"].as_array()) else { return };
        let id = option["value"].as_str().unwrap_or_default();
        let kind = &resolved["channels"][id]["type"];
        assert!(
            allowed.contains(kind),
            "/{command}: Discord does not offer a channel of type {kind} for option {} (channel_types {allowed:?})",
            option["name"]
        );
    }

    /// Turns a channel name (or id) into an id and adds the channel to `resolved`.
    fn resolve_channel(&self, option: &mut Value, resolved: &mut Value) {
        let raw = option["value"].as_str().unwrap_or_default().trim_start_matches('#').to_string();
        let id = raw.parse::<u64>().unwrap_or_else(|_| self.channel(&raw));
        option["value"] = json!(id.to_string());
        let name = self.inner.world.channels.iter().find(|c| c.1 == id).map(|c| c.0.clone());
        let kind = self.inner.lock().channels.get(&id).map_or(json!(0), |c| c["type"].clone());
        resolved["channels"][id.to_string()] = json!({
            "id": id.to_string(), "name": name.unwrap_or_else(|| "deleted-channel".into()),
            "type": kind, "permissions": "2248473465835073",
        });
    }

    /// Turns a role name (or id) into an id and adds the role to `resolved`.
    fn resolve_role(&self, option: &mut Value, resolved: &mut Value) {
        let raw = option["value"].as_str().unwrap_or_default().trim_start_matches('@').to_string();
        let roles = self.inner.world.roles();
        let role = roles
            .iter()
            .find(|r| r["id"] == json!(raw) || r["name"] == json!(raw))
            .unwrap_or_else(|| panic!("no role {raw:?}; roles: {roles:?}"))
            .clone();
        option["value"] = role["id"].clone();
        let id = role["id"].as_str().unwrap_or_default().to_string();
        resolved["roles"][id] = role;
    }

    /// A seeded role's id by name (`"Fans"`).
    pub fn role_id(&self, name: &str) -> u64 {
        let w = &self.inner.world;
        w.roles
            .iter()
            .find(|r| r.0 == name)
            .map(|r| r.1)
            .unwrap_or_else(|| panic!("no seeded role {name:?}"))
    }

    /// Turns a member name into an id and adds the user to `resolved`, as Discord does.
    fn resolve_user(&self, option: &mut Value, resolved: &mut Value) {
        let w = &self.inner.world;
        let raw = option["value"].as_str().unwrap_or_default().to_string();
        let id = raw
            .parse::<u64>()
            .ok()
            .filter(|id| w.is_member(*id))
            .unwrap_or_else(|| self.user_id(&raw));
        option["value"] = json!(id.to_string());
        if let (Some(u), Some(mut m)) = (w.user_json(id), w.member_json(id, true)) {
            m.as_object_mut().map(|o| o.remove("user"));
            resolved["users"][id.to_string()] = u;
            resolved["members"][id.to_string()] = m;
        }
    }

    fn component(
        &self,
        user: &str,
        message: MessageRef,
        custom_id: &str,
        values: Option<&[&str]>,
    ) -> InteractionHandle {
        let (channel, msg) = {
            let st = self.inner.lock();
            let Some(msg) = st.render_message(&self.inner.world, message.0) else {
                panic!("click: message {} does not exist (or was deleted)", message.0);
            };
            (msg["channel_id"].as_str().and_then(|c| c.parse().ok()).unwrap_or(0), msg)
        };
        if state::author_id(&msg) != self.bot_user_id() {
            panic!("click: message {} was not posted by the bot: {msg}", message.0);
        }
        let components: Vec<&Value> = msg["components"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|row| row["components"].as_array().into_iter().flatten())
            .collect();
        let Some(component) = components.iter().find(|c| c["custom_id"] == json!(custom_id)) else {
            let ids: Vec<&Value> = components.iter().map(|c| &c["custom_id"]).collect();
            panic!("click: message {} has no component {custom_id:?}; it has {ids:?}", message.0);
        };
        let mut data = json!({"custom_id": custom_id, "component_type": component["type"]});
        if let Some(values) = values {
            data["values"] = json!(values);
        }
        self.create_interaction_with_message(user, channel, data, msg)
    }

    fn create_interaction_with_message(
        &self,
        user: &str,
        channel: u64,
        data: Value,
        msg: Value,
    ) -> InteractionHandle {
        let source = state::id_of(&msg);
        self.create_interaction_inner(user, channel, 3, data, Some(source), Some(msg))
    }

    fn create_interaction(
        &self,
        user: &str,
        channel: u64,
        kind: u8,
        data: Value,
        source: Option<u64>,
    ) -> InteractionHandle {
        let msg = source.and_then(|s| self.inner.lock().render_message(&self.inner.world, s));
        self.create_interaction_inner(user, channel, kind, data, source, msg)
    }

    fn create_interaction_inner(
        &self,
        user: &str,
        channel: u64,
        kind: u8,
        data: Value,
        source: Option<u64>,
        message: Option<Value>,
    ) -> InteractionHandle {
        use rand::distributions::{Alphanumeric, DistString};
        let uid = self.user_id(user);
        let w = &self.inner.world;
        let mut st = self.inner.lock();
        let id = st.id();
        let token = format!(
            "aW50ZXJhY3Rpb246{id}:{}",
            Alphanumeric.sample_string(&mut rand::thread_rng(), 80)
        );
        // The guild owner has every permission, and Discord sends an administrator's computed
        // permissions with every bit set; other members have @everyone's.
        let member_perms = if uid == w.owner_id {
            serenity::all::Permissions::all().bits()
        } else {
            w.everyone_permissions
        };
        let mut member = w.member_json(uid, false).unwrap_or_default();
        member["permissions"] = json!(member_perms.to_string());
        let channel_json =
            st.channels.get(&channel).cloned().unwrap_or_else(|| panic!("no channel {channel}"));
        let app_permissions = st.bot_permissions(w, channel);
        let mut v = json!({
            "id": id.to_string(),
            "application_id": w.bot_id.to_string(),
            "type": kind,
            "token": token,
            "version": 1,
            "locale": w.member_locales.get(&uid).map_or("en-US", String::as_str),
            "guild_locale": w.preferred_locale,
            "entitlements": [],
            "authorizing_integration_owners": {"0": w.guild_id.to_string()},
            "context": 0,
            "attachment_size_limit": 10_485_760,
            "app_permissions": app_permissions.to_string(),
            "channel_id": channel.to_string(),
            "channel": {
                "id": channel.to_string(),
                "type": channel_json["type"],
                "name": channel_json["name"],
                "guild_id": w.guild_id.to_string(),
                "permissions": app_permissions.to_string(),
            },
            "guild_id": w.guild_id.to_string(),
            "guild": {"id": w.guild_id.to_string(), "locale": w.preferred_locale, "features": []},
            "member": member,
            "data": data,
        });
        // An interaction in another guild's channel comes from that guild.
        let guild = st.guild_of(w, channel).to_string();
        v["guild_id"] = json!(guild);
        v["guild"]["id"] = json!(guild);
        v["channel"]["guild_id"] = json!(guild);
        v["authorizing_integration_owners"]["0"] = json!(guild);
        if v["data"].get("guild_id").is_some() {
            v["data"]["guild_id"] = json!(guild);
        }
        if let Some(m) = message {
            v["message"] = m;
        }
        st.interactions.insert(
            id,
            InteractionState {
                kind,
                created: std::time::Instant::now(),
                channel_id: channel,
                initial: None,
                answered: None,
                original: source,
                followups: Vec::new(),
            },
        );
        st.tokens.insert(token.clone(), id);
        let result = st.dispatch("INTERACTION_CREATE", v);
        drop(st);
        self.inner.bump();
        result.unwrap_or_else(|e| panic!("{e}"));
        InteractionHandle { fake: self.clone(), id, token, source }
    }

    // -- Gateway hooks --------------------------------------------------------------------------

    /// Sends to the connection of the shard that owns the seeded guild.
    fn send_conn(&self, cmd: ConnCmd) {
        let mut st = self.inner.lock();
        let shard = st.shard_of(self.guild_id());
        let conn = if matches!(cmd, ConnCmd::Drop | ConnCmd::Close(..)) {
            // Later dispatches are kept for RESUME instead of going to a dying connection.
            st.gateway.conns.remove(&shard)
        } else {
            st.gateway.conns.get(&shard).cloned()
        };
        match conn {
            Some((_, tx)) => {
                let _ = tx.send(cmd);
            }
            None => panic!("fake-discord: no gateway connection to send {cmd:?} to"),
        }
    }

    /// Drops the gateway TCP connection without a close frame (a network failure).
    pub fn drop_gateway(&self) {
        self.send_conn(ConnCmd::Drop);
    }

    /// Closes the gateway connection with a close code (e.g. 4000 unknown error: resumable).
    pub fn close_gateway(&self, code: u16) {
        self.send_conn(ConnCmd::Close(code, "closed by the test"));
    }

    /// Sends RECONNECT (op 7): the bot should reconnect and RESUME.
    pub fn send_reconnect(&self) {
        self.send_conn(ConnCmd::Frame(
            json!({"op": 7, "s": null, "t": null, "d": null}).to_string(),
        ));
    }

    /// Sends INVALID_SESSION (op 9). If not resumable, the session is dead: a RESUME is answered
    /// with another op 9 and the bot must IDENTIFY again.
    pub fn send_invalid_session(&self, resumable: bool) {
        if !resumable {
            let mut st = self.inner.lock();
            let shard = st.shard_of(self.guild_id());
            if let Some(id) = st.gateway.sessions.get(&shard).map(|s| s.id.clone()) {
                st.gateway.dead_sessions.insert(id);
            }
        }
        self.send_conn(ConnCmd::Frame(
            json!({"op": 9, "s": null, "t": null, "d": resumable}).to_string(),
        ));
    }

    /// Leaves the next `n` heartbeats unacknowledged, so the bot sees a zombied connection.
    /// serenity 0.12 then restarts the shard: a new connection and a new IDENTIFY.
    pub fn skip_heartbeat_acks(&self, n: u32) {
        self.inner.lock().gateway.acks_to_skip = n;
    }

    /// How many IDENTIFYs with the right token the fake accepted.
    pub fn identify_count(&self) -> u32 {
        self.inner.lock().gateway.identify_count
    }

    /// How many heartbeats (op 1) the bot sent.
    pub fn heartbeat_count(&self) -> u32 {
        self.inner.lock().gateway.heartbeat_count
    }

    /// How many RESUMEs the fake accepted.
    pub fn resume_count(&self) -> u32 {
        self.inner.lock().gateway.resume_count
    }

    /// Whether a bot is connected to the gateway now (on the seeded guild's shard).
    pub fn gateway_connected(&self) -> bool {
        let st = self.inner.lock();
        st.gateway.conns.contains_key(&st.shard_of(self.guild_id()))
    }

    /// The shards with a live gateway connection now.
    pub fn connected_shards(&self) -> Vec<u32> {
        self.inner.lock().gateway.conns.keys().copied().collect()
    }

    /// Every IDENTIFY the fake accepted: the shard id, and when.
    pub fn identifies(&self) -> Vec<(u32, std::time::Instant)> {
        self.inner.lock().gateway.identifies.clone()
    }

    /// The shard whose session gets `guild`'s events: `(guild_id >> 22) % shard_count`, the
    /// count as the last IDENTIFY gave it.
    pub fn shard_of(&self, guild: u64) -> u32 {
        self.inner.lock().shard_of(guild)
    }

    /// Waits until `shards` all have a live gateway connection.
    pub async fn wait_shards(&self, shards: &[u32], timeout: Duration) {
        self.wait_for(timeout, &format!("shards {shards:?} to connect"), |st| {
            shards.iter().all(|s| st.gateway.conns.contains_key(s)).then_some(())
        })
        .await;
    }

    /// How many gateway WebSocket connections were opened.
    pub fn gateway_connections(&self) -> u32 {
        self.inner.lock().gateway.connections
    }

    /// Close codes the fake sent (e.g. 4004 for a wrong token).
    pub fn close_codes(&self) -> Vec<u16> {
        self.inner.lock().gateway.close_codes.clone()
    }

    /// Waits until the fake accepted `n` RESUMEs in total.
    pub async fn wait_resumed(&self, n: u32, timeout: Duration) {
        self.wait_for(timeout, &format!("{n} RESUME(s)"), |st| {
            (st.gateway.resume_count >= n).then_some(())
        })
        .await;
    }

    /// Waits until the fake accepted `n` IDENTIFYs in total.
    pub async fn wait_identified(&self, n: u32, timeout: Duration) {
        self.wait_for(timeout, &format!("{n} IDENTIFY(s)"), |st| {
            (st.gateway.identify_count >= n).then_some(())
        })
        .await;
    }

    /// Waits until the fake closed a gateway connection with `code`.
    pub async fn wait_close_code(&self, code: u16, timeout: Duration) {
        self.wait_for(timeout, &format!("gateway close {code}"), |st| {
            st.gateway.close_codes.contains(&code).then_some(())
        })
        .await;
    }
}

/// A message id, or the interaction whose reply is the message.
pub struct MessageRef(pub u64);

impl From<u64> for MessageRef {
    fn from(id: u64) -> Self {
        Self(id)
    }
}

impl From<&Value> for MessageRef {
    fn from(msg: &Value) -> Self {
        Self(state::id_of(msg))
    }
}

/// An interaction the fake sent; read what the bot answered.
#[derive(Clone)]
pub struct InteractionHandle {
    fake: FakeDiscord,
    pub id: u64,
    pub token: String,
    /// The message a component interaction came from.
    source: Option<u64>,
}

impl InteractionHandle {
    /// The initial response: `{"type": 4|5|6|7|8|9, "data": …}`.
    pub async fn response(&self, timeout: Duration) -> Value {
        let id = self.id;
        self.fake
            .wait_for(timeout, &format!("the initial response to interaction {id}"), |st| {
                st.interactions.get(&id).and_then(|it| it.initial.clone())
            })
            .await
    }

    /// The message the user sees for this interaction: the type-4 reply, the deferred message
    /// once edited (via `@original` or the first follow-up), or the clicked message after an
    /// update. Includes `flags` (64 = ephemeral), embeds, components, attachments and the
    /// `allowed_mentions` the bot sent.
    pub async fn reply(&self, timeout: Duration) -> Value {
        let id = self.id;
        let w = &self.fake.inner.world;
        self.fake
            .wait_for(timeout, &format!("the visible reply to interaction {id}"), |st| {
                let it = st.interactions.get(&id)?;
                let ty = it.initial.as_ref()?["type"].as_u64()?;
                let msg = st.render_message(w, it.original?)?;
                let loading = msg["flags"].as_u64().unwrap_or(0) & 128 != 0;
                // A deferred update (6) shows nothing new until the bot edits the message.
                let edited = ty != 6 || !msg["edited_timestamp"].is_null();
                (!loading && edited).then_some(msg)
            })
            .await
    }

    /// The autocomplete choices the bot answered (type 8).
    pub async fn choices(&self, timeout: Duration) -> Vec<Value> {
        let r = self.response(timeout).await;
        assert_eq!(r["type"], json!(8), "expected an autocomplete result, got {r}");
        r["data"]["choices"].as_array().cloned().unwrap_or_default()
    }

    /// The follow-up messages so far (current state).
    pub fn followups(&self) -> Vec<Value> {
        let st = self.fake.inner.lock();
        let ids = st.interactions.get(&self.id).map(|it| it.followups.clone()).unwrap_or_default();
        ids.into_iter().filter_map(|m| st.render_message(&self.fake.inner.world, m)).collect()
    }

    /// Waits until there are at least `n` follow-ups.
    pub async fn wait_followups(&self, n: usize, timeout: Duration) -> Vec<Value> {
        let id = self.id;
        let w = &self.fake.inner.world;
        self.fake
            .wait_for(timeout, &format!("{n} follow-up(s) to interaction {id}"), |st| {
                let ids = &st.interactions.get(&id)?.followups;
                (ids.len() >= n)
                    .then(|| ids.iter().filter_map(|m| st.render_message(w, *m)).collect())
            })
            .await
    }

    /// From INTERACTION_CREATE to the initial callback's arrival, once it arrived in time (a
    /// callback past the deadline is refused, so it never counts).
    pub fn response_time(&self) -> Option<Duration> {
        let st = self.fake.inner.lock();
        let it = st.interactions.get(&self.id)?;
        Some(it.answered?.duration_since(it.created))
    }

    /// The id of the message `@original` refers to, once there is one.
    pub fn message_id(&self) -> Option<u64> {
        self.fake.inner.lock().interactions.get(&self.id).and_then(|it| it.original).or(self.source)
    }
}

impl From<&InteractionHandle> for MessageRef {
    fn from(h: &InteractionHandle) -> Self {
        match h.message_id() {
            Some(id) => Self(id),
            None => panic!("interaction {} has no message yet; await reply() first", h.id),
        }
    }
}

/// Discord sends integers, numbers and booleans as JSON numbers and booleans; tests may write
/// them as strings.
fn coerce_value(option: &mut Value) {
    let Some(text) = option["value"].as_str().map(str::to_owned) else { return };
    let typed = match option["type"].as_u64() {
        Some(4) => text.parse::<i64>().ok().map(Value::from),
        Some(10) => text.parse::<f64>().ok().map(Value::from),
        Some(5) => text.parse::<bool>().ok().map(Value::from),
        _ => None,
    };
    // An autocomplete's focused option is always the raw string the user typed.
    if let (Some(v), false) = (typed, option["focused"] == json!(true)) {
        option["value"] = v;
    }
}

fn all_commands(st: &State) -> Vec<Value> {
    st.guild_commands.values().flatten().chain(st.global_commands.iter()).cloned().collect()
}

fn matches_record(pattern: &str, r: &RecordedRequest) -> bool {
    let segs: Vec<String> = r
        .path
        .split('/')
        .filter(|s| !s.is_empty())
        .map(|s| percent_encoding::percent_decode_str(s).decode_utf8_lossy().into_owned())
        .collect();
    rest::pattern_matches(pattern, &r.method, &segs)
}

/// What the fake received, for failure messages.
fn report(st: &State) -> String {
    let mut out = String::new();
    let g = &st.gateway;
    out.push_str(&format!(
        "gateway: {} connection(s), {} identify, {} resume, {} heartbeat(s), connected shards: {:?}, close codes sent: {:?}\n",
        g.connections,
        g.identify_count,
        g.resume_count,
        g.heartbeat_count,
        g.conns.keys().collect::<Vec<_>>(),
        g.close_codes
    ));
    for session in g.sessions.values() {
        let recent: Vec<String> = session.sent[session.sent.len().saturating_sub(10)..]
            .iter()
            .map(|(seq, frame)| {
                let t = serde_json::from_str::<Value>(frame)
                    .map(|v| v["t"].clone())
                    .unwrap_or_default();
                format!("{seq}:{}", t.as_str().unwrap_or("?"))
            })
            .collect();
        out.push_str(&format!("last dispatches: {}\n", recent.join(", ")));
    }
    let skip = st.requests.len().saturating_sub(30);
    out.push_str(&format!(
        "REST requests ({} total, last {} shown):\n",
        st.requests.len(),
        st.requests.len() - skip
    ));
    for r in &st.requests[skip..] {
        out.push_str(&format!("  {r}{}\n", if r.unexpected { "   <-- UNEXPECTED" } else { "" }));
    }
    out
}
