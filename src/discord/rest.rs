//! The REST calls the bot makes in bursts — alerts and their threads, the 1️⃣–5️⃣ under rating
//! posts, score edits, the start-up reconciliation's reads — and what a 429 means for them.
//!
//! Straight to Discord, serenity's rate limiter keeps each route's bucket and waits out a 429
//! itself. Behind a rate-limiting proxy (`DISCORD_HTTP_PROXY`) that limiter must stay off:
//! serenity 0.12.5's limiter sends its requests to discord.com, never to the proxy. Without it
//! serenity turns a 429 into an error that has lost the wait it asked for (`Retry-After` is a
//! header, and the body's `retry_after` does not fit its error type), so the proxy's 429s —
//! its buckets are every process's — cost alerts a back-off of minutes and reactions their
//! place. Here a proxied request is sent by our own client instead, a 429 is waited out as
//! long as it asks, a global one holding every request of the process (through its
//! [`Pace`]), and the request is tried again. Whatever else Discord answers becomes serenity's
//! own error, so callers handle failures as they always did.
//!
//! Either way every request takes its place in the process's [`Pace`] (Discord's global limit)
//! and, before that, waits for its route's bucket as Discord's `X-RateLimit-Remaining` and
//! `X-RateLimit-Reset-After` describe it: a request whose bucket is empty waits alone, holding
//! no place that the requests to other channels could use.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use ::serenity::http::{
    ErrorResponse, Http, LightMethod, Multipart, MultipartUpload, RatelimitingBucket, Request,
    Route,
};
use poise::serenity_prelude as serenity;
use reqwest::header::{HeaderMap, RETRY_AFTER};
use reqwest::StatusCode;
use serde::de::DeserializeOwned;
use tokio::time::Instant;

use super::pace::Pace;
use crate::observe::name;

/// The least wait after a 429, whatever it says: a proxy answering "Retry-After: 0" again and
/// again is no busy loop.
pub(crate) const MIN_RETRY_AFTER: Duration = Duration::from_millis(100);
/// The wait after a 429 that names none.
const UNSAID_RETRY_AFTER: Duration = Duration::from_secs(1);
/// The longest 429 a request waits out; past it (Cloudflare bans for an hour) the request
/// fails and its caller's own retry takes over (an alert's back-off, owed reactions).
const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);
/// How many 429s in a row one request waits out before it fails.
const RATE_LIMITED_TRIES: u32 = 5;
/// How long one REST call may take, its body included: a proxy queues a request while its
/// bucket is empty, so this is generous, but one that never answers holds nothing forever.
const ANSWERED_WITHIN: Duration = Duration::from_secs(30);

/// The HTTP client for Discord's REST API when no prepared one is given: serenity's own has
/// no timeouts, and a proxy that never answers would hold every call forever.
pub(crate) fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .use_rustls_tls()
        .connect_timeout(super::startup::ANSWER_WITHIN)
        .timeout(ANSWERED_WITHIN)
        .build()
        .expect("a rustls reqwest client builds")
}

/// Discord's REST API for the bursty calls: serenity's [`Http`] straight to Discord, our own
/// client and 429 handling behind a proxy. Cheap to clone; clones share the client.
#[derive(Clone)]
pub struct Rest {
    http: Arc<Http>,
    /// Behind a proxy: the client proxied calls are sent with.
    proxied: Option<reqwest::Client>,
    /// The process's request budget, which a global 429 holds back.
    pace: Option<Arc<Pace>>,
    /// Takes places behind every request waiting for one (see [`Pace::wait_behind`]).
    behind: bool,
    /// What Discord said of each route's bucket, shared by the clones.
    buckets: Arc<Buckets>,
}

impl From<Arc<Http>> for Rest {
    fn from(http: Arc<Http>) -> Self {
        Rest::new(http)
    }
}

/// Interaction answers and webhook-token routes are outside the bot's global limit on
/// Discord: pacing them would put a member's answer behind a fan-out's alerts.
fn exempt_from_global_limit(route: &Route<'_>) -> bool {
    matches!(
        route,
        Route::InteractionResponse { .. }
            | Route::WebhookWithToken { .. }
            | Route::WebhookMessage { .. }
            | Route::WebhookOriginalInteractionResponse { .. }
            | Route::WebhookFollowupMessage { .. }
            | Route::WebhookFollowupMessages { .. }
    )
}

/// What a 429 asks for.
#[derive(Debug, Clone, Copy, PartialEq)]
struct RateLimited {
    wait: Option<Duration>,
    /// The bot's global limit, not one route's: every request waits.
    global: bool,
}

impl Rest {
    /// Proxy mode is an `Http` built with `.proxy(..)` and `.ratelimiter_disabled(true)`, as
    /// [`super::connect`] builds it for `DISCORD_HTTP_PROXY`.
    pub fn new(http: Arc<Http>) -> Self {
        let proxied = (http.proxy.is_some() && http.ratelimiter.is_none()).then(client);
        Rest { http, proxied, pace: None, behind: false, buckets: Arc::default() }
    }

    /// Every request takes its place in `pace` first; a global 429 holds the places back.
    pub fn with_pace(mut self, pace: Arc<Pace>) -> Self {
        self.pace = Some(pace);
        self
    }

    /// The same, its requests going after every request of the pace that is waiting for a
    /// place (an alert's reactions after the alerts still to post).
    pub fn behind(&self) -> Self {
        Rest { behind: true, ..self.clone() }
    }

    async fn place(&self, route: &Route<'_>) -> Option<super::pace::Place<'_>> {
        if exempt_from_global_limit(route) {
            return None;
        }
        let pace = self.pace.as_deref()?;
        Some(if self.behind { pace.wait_behind().await } else { pace.wait().await })
    }

    pub async fn send_message(
        &self,
        channel: impl Into<serenity::ChannelId>,
        message: &serenity::CreateMessage,
    ) -> Result<serenity::Message, serenity::Error> {
        let route = Route::ChannelMessages { channel_id: channel.into() };
        let body = serde_json::to_vec(message)?;
        self.fire(Request::new(route, LightMethod::Post).body(Some(body))).await
    }

    /// A forum post, its first message the thread's.
    pub async fn create_forum_post(
        &self,
        channel: impl Into<serenity::ChannelId>,
        post: &serenity::CreateForumPost<'_>,
    ) -> Result<serenity::GuildChannel, serenity::Error> {
        let route = Route::ChannelForumPosts { channel_id: channel.into() };
        // As serenity sends it: a form whose `payload_json` is the post.
        let form = Multipart {
            upload: MultipartUpload::Attachments(Vec::new()),
            fields: Vec::new(),
            payload_json: Some(serde_json::to_string(post)?),
        };
        self.fire(Request::new(route, LightMethod::Post).multipart(Some(form))).await
    }

    pub async fn create_thread_from_message(
        &self,
        channel: impl Into<serenity::ChannelId>,
        message: impl Into<serenity::MessageId>,
        thread: &serenity::CreateThread<'_>,
    ) -> Result<serenity::GuildChannel, serenity::Error> {
        let route =
            Route::ChannelMessageThreads { channel_id: channel.into(), message_id: message.into() };
        let body = serde_json::to_vec(thread)?;
        self.fire(Request::new(route, LightMethod::Post).body(Some(body))).await
    }

    pub async fn edit_message(
        &self,
        channel: impl Into<serenity::ChannelId>,
        message: impl Into<serenity::MessageId>,
        edit: &serenity::EditMessage,
    ) -> Result<serenity::Message, serenity::Error> {
        let route =
            Route::ChannelMessage { channel_id: channel.into(), message_id: message.into() };
        let body = serde_json::to_vec(edit)?;
        self.fire(Request::new(route, LightMethod::Patch).body(Some(body))).await
    }

    pub async fn message(
        &self,
        channel: impl Into<serenity::ChannelId>,
        message: impl Into<serenity::MessageId>,
    ) -> Result<serenity::Message, serenity::Error> {
        let route =
            Route::ChannelMessage { channel_id: channel.into(), message_id: message.into() };
        self.fire(Request::new(route, LightMethod::Get)).await
    }

    /// The channel's latest `limit` messages, newest first.
    pub async fn recent_messages(
        &self,
        channel: impl Into<serenity::ChannelId>,
        limit: u8,
    ) -> Result<Vec<serenity::Message>, serenity::Error> {
        let route = Route::ChannelMessages { channel_id: channel.into() };
        let params = vec![("limit", limit.to_string())];
        self.fire(Request::new(route, LightMethod::Get).params(Some(params))).await
    }

    pub async fn active_threads(
        &self,
        guild: impl Into<serenity::GuildId>,
    ) -> Result<serenity::ThreadsData, serenity::Error> {
        let route = Route::GuildThreadsActive { guild_id: guild.into() };
        self.fire(Request::new(route, LightMethod::Get)).await
    }

    /// The bot's own reaction.
    pub async fn create_reaction(
        &self,
        channel: impl Into<serenity::ChannelId>,
        message: impl Into<serenity::MessageId>,
        emoji: &serenity::ReactionType,
    ) -> Result<(), serenity::Error> {
        let emoji = emoji.as_data();
        let route = Route::ChannelMessageReactionMe {
            channel_id: channel.into(),
            message_id: message.into(),
            reaction: &emoji,
        };
        self.request(Request::new(route, LightMethod::Put)).await.map(drop)
    }

    /// A member's reaction, taken away.
    pub async fn delete_reaction(
        &self,
        channel: impl Into<serenity::ChannelId>,
        message: impl Into<serenity::MessageId>,
        user: impl Into<serenity::UserId>,
        emoji: &serenity::ReactionType,
    ) -> Result<(), serenity::Error> {
        let emoji = emoji.as_data();
        let route = Route::ChannelMessageReaction {
            channel_id: channel.into(),
            message_id: message.into(),
            user_id: user.into(),
            reaction: &emoji,
        };
        self.request(Request::new(route, LightMethod::Delete)).await.map(drop)
    }

    /// One page of who reacted with `emoji`: up to `limit` (at most 100) after `after`.
    pub async fn reaction_users(
        &self,
        channel: impl Into<serenity::ChannelId>,
        message: impl Into<serenity::MessageId>,
        emoji: &serenity::ReactionType,
        limit: u8,
        after: Option<serenity::UserId>,
    ) -> Result<Vec<serenity::User>, serenity::Error> {
        let emoji = emoji.as_data();
        let route = Route::ChannelMessageReactionEmoji {
            channel_id: channel.into(),
            message_id: message.into(),
            reaction: &emoji,
        };
        let mut params = vec![("limit", limit.min(100).to_string())];
        if let Some(after) = after {
            params.push(("after", after.to_string()));
        }
        self.fire(Request::new(route, LightMethod::Get).params(Some(params))).await
    }

    /// Answers an interaction with a message and returns that message, as the callback's
    /// `with_response` gives it: a public answer's id without `GET …/messages/@original`,
    /// whose bucket serenity keeps per application, so every interaction's read would queue
    /// behind every other's. `None`: answered, but the message did not come back.
    pub async fn respond_with_message(
        &self,
        interaction: serenity::InteractionId,
        token: &str,
        response: &serenity::CreateInteractionResponse,
    ) -> Result<Option<serenity::Message>, serenity::Error> {
        #[derive(serde::Deserialize)]
        struct Answered {
            resource: Resource,
        }
        #[derive(serde::Deserialize)]
        struct Resource {
            message: serenity::Message,
        }
        let route = Route::InteractionResponse { interaction_id: interaction, token };
        let body = serde_json::to_vec(response)?;
        let request = Request::new(route, LightMethod::Post)
            .body(Some(body))
            .params(Some(vec![("with_response", "true".to_string())]));
        let answered = self.request(request).await?.bytes().await?;
        // A Discord that ignores `with_response` answers 204 with no body: the caller asks
        // for the message instead.
        Ok(serde_json::from_slice::<Answered>(&answered).ok().map(|a| a.resource.message))
    }

    async fn fire<T: DeserializeOwned>(&self, request: Request<'_>) -> Result<T, serenity::Error> {
        let response = self.request(request).await?;
        Ok(serde_json::from_slice(&response.bytes().await?)?)
    }

    /// Performs `request`: a successful response, or serenity's error for any other.
    async fn request(&self, request: Request<'_>) -> Result<reqwest::Response, serenity::Error> {
        let method = request.method_ref().reqwest_method();
        let bucket = request.route_ref().ratelimiting_bucket();
        let bucket = (!bucket.is_none()).then(|| (method.clone(), bucket));
        let Some(client) = &self.proxied else {
            if let Some(bucket) = &bucket {
                self.buckets.wait(bucket).await;
            }
            let place = self.place(request.route_ref()).await;
            let answered = self.http.request(request).await;
            drop(place);
            match &answered {
                Ok(response) => {
                    count_response(response.status());
                    if let Some(bucket) = bucket {
                        self.buckets.update(bucket, response.headers());
                    }
                }
                Err(serenity::Error::Http(serenity::HttpError::UnsuccessfulRequest(r))) => {
                    count_response(r.status_code)
                }
                Err(_) => {}
            }
            return answered;
        };
        let mut limited = 0;
        loop {
            if let Some(bucket) = &bucket {
                self.buckets.wait(bucket).await;
            }
            let place = self.place(request.route_ref()).await;
            let proxy = self.http.proxy.as_deref();
            let built = request.clone().build(client, self.http.token(), proxy)?.build()?;
            let response = client.execute(built).await;
            drop(place);
            let response = response?;
            let status = response.status();
            count_response(status);
            if let Some(bucket) = &bucket {
                self.buckets.update(bucket.clone(), response.headers());
            }
            if status.is_success() {
                return Ok(response);
            }
            if status != StatusCode::TOO_MANY_REQUESTS {
                return Err(unsuccessful(response, method).await);
            }
            metrics::counter!(name::DISCORD_ERRORS, "status" => "429").increment(1);
            limited += 1;
            let (asked, response) = read_429(response).await;
            let wait = asked.wait.unwrap_or(UNSAID_RETRY_AFTER).max(MIN_RETRY_AFTER);
            if limited >= RATE_LIMITED_TRIES || wait > MAX_RETRY_AFTER {
                tracing::warn!(
                    route = %request.route_ref().path(),
                    wait = wait.as_secs_f64(),
                    limited,
                    "rate limited through the proxy; leaving this request for later"
                );
                return Err(unsuccessful(response, method).await);
            }
            tracing::debug!(
                route = %request.route_ref().path(),
                wait = wait.as_secs_f64(),
                global = asked.global,
                "rate limited through the proxy; waiting as asked"
            );
            if let (true, Some(pace)) = (asked.global, &self.pace) {
                pace.hold(wait);
            }
            tokio::time::sleep(wait).await;
        }
    }
}

/// A route's bucket as serenity groups them (the route and its major parameter), and the
/// method, which Discord's buckets tell apart.
type BucketKey = (reqwest::Method, RatelimitingBucket);

/// Each bucket's requests left and when it refills, from Discord's latest answer on it.
#[derive(Default)]
struct Buckets(Mutex<HashMap<BucketKey, Bucket>>);

struct Bucket {
    limit: u32,
    remaining: u32,
    reset: Instant,
    /// How long the bucket's window is, for the next one's estimate until Discord answers.
    window: Duration,
}

/// Buckets kept before the ones already refilled are forgotten: one per channel alerted.
const BUCKETS_KEPT: usize = 10_000;

impl Buckets {
    /// Waits until `key`'s bucket has a request left, and takes it.
    async fn wait(&self, key: &BucketKey) {
        loop {
            let refill = {
                let mut buckets = self.0.lock().expect("buckets");
                let Some(bucket) = buckets.get_mut(key) else { return };
                let now = Instant::now();
                if bucket.reset <= now {
                    // A new window, which Discord starts with the first request in it.
                    bucket.remaining = bucket.limit;
                    bucket.reset = now + bucket.window;
                }
                if bucket.remaining > 0 {
                    bucket.remaining -= 1;
                    return;
                }
                bucket.reset
            };
            tokio::time::sleep_until(refill).await;
        }
    }

    /// Takes what an answer says of its bucket (`X-RateLimit-Limit`, `-Remaining`,
    /// `-Reset-After`: relative, so the two clocks need not agree).
    fn update(&self, key: BucketKey, headers: &HeaderMap) {
        let number = |name: &str| headers.get(name)?.to_str().ok()?.trim().parse::<f64>().ok();
        let (Some(remaining), Some(reset_after)) =
            (number("x-ratelimit-remaining"), number("x-ratelimit-reset-after").and_then(seconds))
        else {
            return;
        };
        let remaining = remaining.max(0.0) as u32;
        let limit = number("x-ratelimit-limit").map_or(remaining + 1, |l| l.max(1.0) as u32);
        let now = Instant::now();
        let mut buckets = self.0.lock().expect("buckets");
        if buckets.len() >= BUCKETS_KEPT {
            buckets.retain(|_, bucket| bucket.reset > now);
        }
        let window = buckets.get(&key).map_or(reset_after, |b| b.window.max(reset_after));
        buckets.insert(key, Bucket { limit, remaining, reset: now + reset_after, window });
    }
}

/// Every Discord response to the bot's bulk traffic (alerts, reactions, score edits,
/// reconciliation reads) by status, successes included (serenity's own calls, such as
/// interaction answers, count only their failures, in the errors counter).
fn count_response(status: StatusCode) {
    metrics::counter!(name::DISCORD_RESPONSES, "status" => status.as_u16().to_string())
        .increment(1);
}

/// serenity's error for an unsuccessful response, as its own `Http` makes it.
async fn unsuccessful(response: reqwest::Response, method: reqwest::Method) -> serenity::Error {
    let response = ErrorResponse::from_response(response, method).await;
    serenity::Error::Http(serenity::HttpError::UnsuccessfulRequest(response))
}

/// What a 429 asks for, and the response to turn into an error if it is not waited out. Its
/// headers say it when they can; else its body is read, and the response made again from it.
async fn read_429(response: reqwest::Response) -> (RateLimited, reqwest::Response) {
    let headers = rate_limited(response.headers(), None);
    if headers.wait.is_some() {
        return (headers, response);
    }
    let (status, url) = (response.status(), response.url().clone());
    let body = response.bytes().await.unwrap_or_default();
    let asked = rate_limited(&HeaderMap::new(), Some(&body));
    let again = {
        use reqwest::ResponseBuilderExt;
        axum::http::Response::builder().status(status).url(url).body(body.to_vec())
    };
    let response = again.map(reqwest::Response::from).expect("a status and a body make a response");
    (RateLimited { wait: asked.wait, global: headers.global || asked.global }, response)
}

/// A 429's wait and scope: `Retry-After` and `X-RateLimit-Global` (present only when global),
/// or the body's `retry_after` and `global`, as Discord sends both.
fn rate_limited(headers: &HeaderMap, body: Option<&[u8]>) -> RateLimited {
    let body: serde_json::Value =
        body.and_then(|b| serde_json::from_slice(b).ok()).unwrap_or_default();
    let wait = retry_after(headers).or_else(|| body["retry_after"].as_f64().and_then(seconds));
    let global = headers.contains_key("x-ratelimit-global") || body["global"] == true;
    RateLimited { wait, global }
}

/// A 429's `Retry-After` (seconds, possibly fractional), within reason.
pub(crate) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    seconds(headers.get(RETRY_AFTER)?.to_str().ok()?.trim().parse().ok()?)
}

fn seconds(seconds: f64) -> Option<Duration> {
    (seconds.is_finite() && seconds >= 0.0).then(|| Duration::from_secs_f64(seconds.min(3_600.0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, value.parse().unwrap());
        }
        map
    }

    #[test]
    fn a_429_says_how_long_in_its_header_or_else_its_body() {
        let body =
            br#"{"message": "You are being rate limited.", "retry_after": 0.25, "global": false}"#;
        let said = rate_limited(&headers(&[("retry-after", "1.5")]), Some(&body[..]));
        assert_eq!(said, RateLimited { wait: Some(Duration::from_millis(1_500)), global: false });
        let said = rate_limited(&HeaderMap::new(), Some(&body[..]));
        assert_eq!(said, RateLimited { wait: Some(Duration::from_millis(250)), global: false });
        let said = rate_limited(&headers(&[("retry-after", "soon")]), Some(&b"not json"[..]));
        assert_eq!(said, RateLimited { wait: None, global: false });
        let said = rate_limited(&headers(&[("retry-after", "-3")]), None);
        assert_eq!(said.wait, None);
    }

    #[test]
    fn a_global_429_is_told_by_its_header_or_its_body() {
        let global = rate_limited(&headers(&[("x-ratelimit-global", "true")]), None);
        assert!(global.global);
        let body = br#"{"retry_after": 2, "global": true}"#;
        let global = rate_limited(&HeaderMap::new(), Some(&body[..]));
        assert_eq!(global, RateLimited { wait: Some(Duration::from_secs(2)), global: true });
        assert!(!rate_limited(&headers(&[("x-ratelimit-scope", "user")]), None).global);
    }
}
