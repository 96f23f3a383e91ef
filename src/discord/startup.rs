//! The REST calls start-up makes once: who the application is, where the gateway is and how
//! many shards it wants (before connecting), and the slash commands (once READY).
//!
//! serenity makes these calls with no timeout and turns a 429 or a 5xx into a fatal error,
//! so a restarted bot exited at Discord's first bad moment and hung on a proxy that never
//! answered. Here each call is retried until Discord answers it: after `Retry-After` for a
//! 429, with capped exponential back-off for a 5xx, a timeout or a refused connection, each
//! retry announced in the log. Only a refused token (401) or another 4xx, which waiting
//! cannot mend, ends start-up.

use std::time::Duration;

use reqwest::{Method, StatusCode};
use serde_json::Value;

use super::rest::{retry_after, MIN_RETRY_AFTER};
use super::StartError;
use crate::config::{Secret, Shards};
use crate::store::{Backend, Store};

/// Discord's REST API root; a proxy takes the place of this origin, as serenity does it.
pub const DISCORD_ORIGIN: &str = "https://discord.com";

/// How long one start-up call may go unanswered before it counts as failed.
pub const ANSWER_WITHIN: Duration = Duration::from_secs(5);
/// The first wait after a failure; each further failure doubles it.
const FIRST_RETRY: Duration = Duration::from_secs(1);
/// The longest wait between two tries: a Discord back after an outage is found within this.
const MAX_RETRY: Duration = Duration::from_secs(60);

/// What start-up learns from Discord before connecting.
#[derive(Debug, Clone)]
pub struct Discovered {
    pub application_id: u64,
    pub gateway_url: String,
    pub shards: u32,
    /// Session starts Discord allows at once: shard `id` starts in bucket
    /// `id % max_concurrency`, one start per bucket every 5 s, across every process.
    pub max_concurrency: u32,
    /// Session starts left today, and when the count resets.
    pub starts_remaining: u32,
    pub starts_reset_after: Duration,
}

/// Start-up's way to Discord's REST API: the client every REST call uses, and the origin
/// (discord.com, or the proxy standing in for it, never with credentials: it is logged).
#[derive(Clone)]
pub struct StartupRest {
    pub client: reqwest::Client,
    pub origin: String,
    pub token: Secret,
    /// The process's request budget, which these calls count in when given (the alerts that
    /// may follow at once must leave room for them).
    pub pace: Option<std::sync::Arc<super::pace::Pace>>,
}

impl StartupRest {
    /// The application and the gateway, as `GET /oauth2/applications/@me` and
    /// `GET /gateway/bot` tell them.
    pub async fn discover(&self) -> Result<Discovered, StartError> {
        let application = self.call(Method::GET, "/oauth2/applications/@me", None).await?;
        let application_id = application["id"]
            .as_str()
            .and_then(|id| id.parse().ok())
            .ok_or_else(|| self.malformed("/oauth2/applications/@me", "no application id"))?;
        let gateway = self.call(Method::GET, "/gateway/bot", None).await?;
        let gateway_url = gateway["url"]
            .as_str()
            .ok_or_else(|| self.malformed("/gateway/bot", "no gateway url"))?
            .to_string();
        let number = |v: &Value| v.as_u64().and_then(|n| u32::try_from(n).ok());
        let shards = number(&gateway["shards"]).unwrap_or(1);
        let limit = &gateway["session_start_limit"];
        Ok(Discovered {
            application_id,
            gateway_url,
            shards: shards.max(1),
            max_concurrency: number(&limit["max_concurrency"]).unwrap_or(1).max(1),
            starts_remaining: number(&limit["remaining"]).unwrap_or(u32::MAX),
            starts_reset_after: Duration::from_millis(limit["reset_after"].as_u64().unwrap_or(0)),
        })
    }

    /// Registers `commands` (their JSON, as poise builds it) in `guild`, or globally.
    pub async fn register_commands(
        &self,
        application_id: u64,
        guild: Option<u64>,
        commands: &Value,
    ) -> Result<(), StartError> {
        let path = match guild {
            Some(guild) => format!("/applications/{application_id}/guilds/{guild}/commands"),
            None => format!("/applications/{application_id}/commands"),
        };
        self.call(Method::PUT, &path, Some(commands)).await.map(drop)
    }

    /// Registers `commands` unless this deployment already registered the very same ones
    /// (same application, scope and JSON): with several processes, the first to start
    /// registers and the others find its hash. Under a lease, so processes starting together
    /// do not both register. On SQLite, whose database is usually one process's (and the
    /// sandbox's, against a fresh fake Discord each time), it registers on every start as
    /// before. Returns whether it registered.
    pub async fn register_once(
        &self,
        store: &Store,
        holder: &str,
        application_id: u64,
        guild: Option<u64>,
        commands: &Value,
    ) -> Result<bool, StartError> {
        if store.backend() == Backend::Sqlite {
            self.register_commands(application_id, guild, commands).await?;
            return Ok(true);
        }
        let hash = {
            use sha2::Digest;
            let scope = guild.map_or_else(|| "global".to_string(), |g| format!("guild {g}"));
            let digest = sha2::Sha256::digest(format!("{application_id} {scope} {commands}"));
            digest.iter().map(|b| format!("{b:02x}")).collect::<String>()
        };
        let db = |e: crate::store::StoreError| StartError::Discord(format!("database: {e}"));
        while !store.take_lease(REGISTER_LEASE, holder, LEASE_FOR).await.map_err(db)? {
            tokio::time::sleep(LEASE_RETRY).await;
        }
        let result = async {
            if store.deployment_value(COMMANDS_HASH).await.map_err(db)?.as_deref() == Some(&hash) {
                return Ok(false);
            }
            self.register_commands(application_id, guild, commands).await?;
            store.set_deployment_value(COMMANDS_HASH, &hash).await.map_err(db)?;
            Ok(true)
        }
        .await;
        let _ = store.release_lease(REGISTER_LEASE, holder).await;
        result
    }

    /// `method path` until Discord answers it with success or a final refusal.
    async fn call(
        &self,
        method: Method,
        path: &str,
        body: Option<&Value>,
    ) -> Result<Value, StartError> {
        let shown = &self.origin;
        let mut backoff = FIRST_RETRY;
        loop {
            let mut request = self
                .client
                .request(method.clone(), format!("{}/api/v10{path}", self.origin))
                .headers(self.headers()?)
                .timeout(ANSWER_WITHIN);
            if let Some(body) = body {
                // By hand: reqwest's `json` feature is not among the product's.
                request = request
                    .header(reqwest::header::CONTENT_TYPE, "application/json")
                    .body(body.to_string());
            }
            let place = match &self.pace {
                Some(pace) => Some(pace.wait().await),
                None => None,
            };
            let sent = request.send().await;
            drop(place);
            let wait = match sent {
                Err(error) if error.is_timeout() => {
                    tracing::warn!(
                        "Discord at {shown} is not answering {method} {path} within {} s; retrying in {} s",
                        ANSWER_WITHIN.as_secs(),
                        backoff.as_secs()
                    );
                    next(&mut backoff)
                }
                Err(error) => {
                    tracing::warn!(
                        "Discord at {shown} cannot be reached ({}); retrying in {} s",
                        reason(&error),
                        backoff.as_secs()
                    );
                    next(&mut backoff)
                }
                Ok(response) => {
                    let status = response.status();
                    let retry_after = retry_after(response.headers());
                    // The request's timeout covers the body too.
                    let text = response.text().await.unwrap_or_default();
                    if status.is_success() {
                        if let Ok(json) = serde_json::from_str(&text) {
                            return Ok(json);
                        }
                        tracing::warn!(
                            "Discord at {shown} answered {method} {path} with no JSON; retrying in {} s",
                            backoff.as_secs()
                        );
                        next(&mut backoff)
                    } else if status == StatusCode::UNAUTHORIZED {
                        return Err(StartError::TokenRefused);
                    } else if status == StatusCode::TOO_MANY_REQUESTS {
                        let wait = retry_after.unwrap_or(backoff).max(MIN_RETRY_AFTER);
                        tracing::warn!(
                            "Discord rate-limited {method} {path}; retrying in {:.1} s as it asks",
                            wait.as_secs_f64()
                        );
                        wait
                    } else if status.is_server_error() {
                        tracing::warn!(
                            "Discord at {shown} answered {method} {path} with HTTP {}; retrying in {} s",
                            status.as_u16(),
                            backoff.as_secs()
                        );
                        next(&mut backoff)
                    } else {
                        let message = serde_json::from_str::<Value>(&text)
                            .ok()
                            .and_then(|v| v["message"].as_str().map(str::to_string))
                            .unwrap_or_default();
                        return Err(StartError::Discord(format!(
                            "Discord at {shown} answered {method} {path} with HTTP {}: {message}",
                            status.as_u16()
                        )));
                    }
                }
            };
            tokio::time::sleep(wait).await;
        }
    }

    /// As serenity sends them; the token's header is marked sensitive, so no Debug prints it.
    fn headers(&self) -> Result<reqwest::header::HeaderMap, StartError> {
        use reqwest::header::{HeaderValue, AUTHORIZATION, USER_AGENT};
        let mut authorization = HeaderValue::from_str(&format!("Bot {}", self.token.expose()))
            .map_err(|_| StartError::MalformedToken)?;
        authorization.set_sensitive(true);
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(AUTHORIZATION, authorization);
        headers.insert(USER_AGENT, HeaderValue::from_static(serenity::constants::USER_AGENT));
        Ok(headers)
    }

    fn malformed(&self, path: &str, what: &str) -> StartError {
        StartError::Discord(format!("Discord at {} answered GET {path} with {what}", self.origin))
    }
}

/// The lease under which one process registers the commands for all.
const REGISTER_LEASE: &str = "register-commands";
/// The registered commands' hash, in the deployment table.
const COMMANDS_HASH: &str = "commands-hash";
/// Long enough for a registration retried through a few bad moments; a holder that dies
/// hands over when it runs out.
const LEASE_FOR: Duration = Duration::from_secs(30);
const LEASE_RETRY: Duration = Duration::from_millis(500);

/// serenity starts a process's shards one by one, 5 s apart (Discord's identify interval).
pub const IDENTIFY_INTERVAL: Duration = Duration::from_secs(5);

/// Waits until this process may start `shards`: across processes, one session start per
/// identify bucket (`shard % max_concurrency`) every 5 s. The process leases every bucket
/// its shards use for as long as serenity takes to start them, so another process's shards
/// in those buckets start after; a process that dies lets its leases run out. Also waits for
/// the day's session starts to reset if too few are left.
pub async fn identify_turn(
    store: &Store,
    holder: &str,
    shards: Shards,
    discovered: &Discovered,
) -> Result<(), crate::store::StoreError> {
    if discovered.starts_remaining < shards.here() {
        tracing::warn!(
            remaining = discovered.starts_remaining,
            "Discord allows only {} more session starts until its limit resets; waiting {} s",
            discovered.starts_remaining,
            discovered.starts_reset_after.as_secs()
        );
        tokio::time::sleep(discovered.starts_reset_after).await;
    }
    let mut buckets: Vec<u32> =
        (shards.first..=shards.last).map(|s| s % discovered.max_concurrency).collect();
    buckets.sort_unstable();
    buckets.dedup();
    // The last shard identifies (here - 1) intervals after the first; the bucket is free one
    // interval after that, plus a second for the whole seconds leases are kept in.
    let hold = IDENTIFY_INTERVAL * shards.here() + Duration::from_secs(1);
    let mut told = false;
    loop {
        let mut taken = Vec::new();
        for bucket in &buckets {
            let name = format!("identify-bucket-{bucket}");
            if !store.take_lease(&name, holder, hold).await? {
                break;
            }
            taken.push(name);
        }
        if taken.len() == buckets.len() {
            return Ok(());
        }
        for name in taken {
            store.release_lease(&name, holder).await?;
        }
        if !told {
            tracing::info!(%shards, "waiting for other processes' shards to finish identifying");
            told = true;
        }
        tokio::time::sleep(LEASE_RETRY).await;
    }
}

/// This wait, and doubles the next one up to [`MAX_RETRY`].
fn next(backoff: &mut Duration) -> Duration {
    let wait = *backoff;
    *backoff = (*backoff * 2).min(MAX_RETRY);
    wait
}

/// Why a request got no response, in a few words and without its URL.
fn reason(error: &reqwest::Error) -> String {
    use std::error::Error as _;
    let mut cause: Option<&(dyn std::error::Error + 'static)> = error.source();
    while let Some(inner) = cause {
        if let Some(io) = inner.downcast_ref::<std::io::Error>() {
            return match io.kind() {
                std::io::ErrorKind::ConnectionRefused => "connection refused".into(),
                _ => io.to_string(),
            };
        }
        cause = inner.source();
    }
    if error.is_connect() {
        "cannot connect".into()
    } else {
        "the request failed".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_a_minute() {
        let mut backoff = FIRST_RETRY;
        let waits: Vec<u64> = (0..9).map(|_| next(&mut backoff).as_secs()).collect();
        assert_eq!(waits, [1, 2, 4, 8, 16, 32, 60, 60, 60]);
    }
}
