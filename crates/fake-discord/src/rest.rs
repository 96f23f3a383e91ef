//! The REST API: request parsing, recording, rate limits and the routes a bot uses.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::extract::{Request, State as AxState};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use crate::config::{perms, RateLimits};
use crate::payloads::{self, Shape};
use crate::state::{
    author_id, id_of, InteractionState, RecordedRequest, State, StoredMessage, World,
};
use crate::Inner;

/// A file of a multipart body.
#[derive(Clone, Debug)]
pub(crate) struct FilePart {
    pub filename: String,
    pub content_type: Option<String>,
    pub bytes: Vec<u8>,
}

/// A parsed request.
pub(crate) struct Req {
    pub method: String,
    pub segs: Vec<String>,
    pub query: HashMap<String, String>,
    pub body: Value,
    pub files: Vec<FilePart>,
}

/// A successful answer.
pub(crate) enum Reply {
    Json(Value, Shape),
    Empty,
}

/// A Discord error: `{"message": …, "code": …}` with an HTTP status.
#[derive(Debug)]
pub(crate) struct ApiError {
    pub status: u16,
    pub code: u64,
    pub message: String,
    pub errors: Option<Value>,
    pub unexpected: bool,
    /// The headers and body of a 429, whose body is not `{message, code}`.
    pub rate_limit: Option<Box<(RlHeaders, Value)>>,
}

pub(crate) fn err(status: u16, code: u64, message: &str) -> ApiError {
    ApiError {
        status,
        code,
        message: message.to_string(),
        errors: None,
        unexpected: false,
        rate_limit: None,
    }
}

fn form_error(field: &str, code: &str, message: &str) -> ApiError {
    let mut e = err(400, 50035, "Invalid Form Body");
    e.errors = Some(json!({ field: {"_errors": [{"code": code, "message": message}]} }));
    e
}

pub(crate) fn unknown_channel() -> ApiError {
    err(404, 10003, "Unknown Channel")
}
pub(crate) fn unknown_message() -> ApiError {
    err(404, 10008, "Unknown Message")
}
fn unknown_interaction() -> ApiError {
    err(404, 10062, "Unknown interaction")
}
fn unknown_webhook() -> ApiError {
    err(404, 10015, "Unknown Webhook")
}

type RlHeaders = Vec<(&'static str, String)>;

/// Entry point for every non-gateway HTTP request, on both the TLS and the plain listener.
pub(crate) async fn handle(AxState(inner): AxState<Arc<Inner>>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let bytes = axum::body::to_bytes(body, 64 << 20).await.unwrap_or_default();
    let header = |name: &str| {
        parts.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_string()
    };
    let content_type = header("content-type");
    let auth = header("authorization");
    let raw_path = parts.uri.path().to_string();
    let query_str = parts.uri.query().unwrap_or("").to_string();
    let method = parts.method.as_str().to_string();

    let parsed = parse_body(&content_type, &bytes);
    let (body, files) = match &parsed {
        Ok((b, f)) => (b.clone(), f.clone()),
        Err(_) => (Value::Null, Vec::new()),
    };
    let versioned = raw_path.strip_prefix("/api/v10");
    let path = versioned.unwrap_or(&raw_path).to_string();
    let segs: Vec<String> = path
        .split('/')
        .filter(|s| !s.is_empty())
        .map(|s| percent_encoding::percent_decode_str(s).decode_utf8_lossy().into_owned())
        .collect();
    let query: HashMap<String, String> = query_str
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| {
            (
                k.to_string(),
                percent_encoding::percent_decode_str(v).decode_utf8_lossy().into_owned(),
            )
        })
        .collect();
    let mut record = RecordedRequest {
        method: method.clone(),
        path: path.clone(),
        query: query_str,
        body: body.clone(),
        files: files.iter().map(|f| f.filename.clone()).collect(),
        at: Instant::now(),
        status: 0,
        unexpected: false,
    };
    let req = Req { method, segs, query, body, files };

    let response = {
        let mut st = inner.lock();
        let mut rl_headers = RlHeaders::new();
        let outcome = if versioned.is_none() {
            Err(unexpected())
        } else {
            let parsed = parsed.map(|_| ());
            admit(&inner, &mut st, &req, parsed, &auth, &mut rl_headers)
        };
        let response = match outcome {
            Ok(Reply::Empty) => {
                record.status = 204;
                StatusCode::NO_CONTENT.into_response()
            }
            Ok(Reply::Json(v, shape)) => match payloads::check_rest(shape, &v) {
                Ok(()) => {
                    record.status = 200;
                    (StatusCode::OK, axum::Json(v)).into_response()
                }
                Err(e) => {
                    tracing::error!("{e}");
                    st.errors.push(e.clone());
                    record.status = 500;
                    (StatusCode::INTERNAL_SERVER_ERROR, e).into_response()
                }
            },
            Err(e) => {
                record.status = e.status;
                record.unexpected = e.unexpected;
                let mut body = json!({"message": e.message, "code": e.code});
                if let Some(errors) = e.errors {
                    body["errors"] = errors;
                }
                if let Some(limited) = e.rate_limit {
                    st.limiter.count_429 += 1;
                    (rl_headers, body) = *limited;
                }
                let status = StatusCode::from_u16(e.status).unwrap_or(StatusCode::BAD_REQUEST);
                (status, axum::Json(body)).into_response()
            }
        };
        if record.unexpected {
            tracing::warn!("fake-discord: unexpected request {record}");
        }
        st.requests.push(record);
        with_headers(response, &rl_headers)
    };
    inner.bump();
    response
}

/// Checks the body, the token and the rate limits, then routes.
fn admit(
    inner: &Inner,
    st: &mut State,
    req: &Req,
    parsed: Result<(), String>,
    auth: &str,
    rl_headers: &mut RlHeaders,
) -> Result<Reply, ApiError> {
    if let Err(e) = parsed {
        return Err(form_error("body", "BODY_INVALID", &e));
    }
    // As on Discord, `GET /gateway` needs no token.
    let open = req.method == "GET" && req.segs == ["gateway"];
    if !open && auth != format!("Bot {}", inner.world.token) {
        return Err(err(401, 0, "401: Unauthorized"));
    }
    *rl_headers =
        st.limiter.check(&inner.world.rate_limits, &req.method, &req.segs).map_err(|e| *e)?;
    route(inner, st, req)
}

fn unexpected() -> ApiError {
    let mut e = err(404, 0, "404: Not Found");
    e.unexpected = true;
    e
}

fn with_headers(mut response: Response, headers: &RlHeaders) -> Response {
    let map: &mut HeaderMap = response.headers_mut();
    for (k, v) in headers {
        if let Ok(v) = HeaderValue::from_str(v) {
            map.insert(HeaderName::from_static(k), v);
        }
    }
    response
}

// ---------------------------------------------------------------------------------------------
// Body parsing

fn parse_body(content_type: &str, bytes: &[u8]) -> Result<(Value, Vec<FilePart>), String> {
    if bytes.is_empty() {
        return Ok((Value::Null, Vec::new()));
    }
    if content_type.starts_with("multipart/form-data") {
        return parse_multipart(content_type, bytes);
    }
    serde_json::from_slice(bytes)
        .map(|v| (v, Vec::new()))
        .map_err(|e| format!("invalid JSON body: {e}"))
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| p + from)
}

/// Parses the multipart bodies serenity sends with files: a `payload_json` part and `files[n]`.
fn parse_multipart(content_type: &str, body: &[u8]) -> Result<(Value, Vec<FilePart>), String> {
    let boundary = content_type
        .split(';')
        .find_map(|p| p.trim().strip_prefix("boundary="))
        .map(|b| b.trim_matches('"'))
        .ok_or("multipart body without boundary")?;
    let delim = format!("--{boundary}").into_bytes();
    let mut json = Value::Null;
    let mut files = Vec::new();
    let mut pos =
        find(body, &delim, 0).ok_or("multipart body without a first boundary")? + delim.len();
    loop {
        if body.get(pos..pos + 2) == Some(b"--") {
            break;
        }
        let start = pos + 2; // Skip the CRLF after the boundary.
        let next = find(body, &delim, start).ok_or("multipart part without an end boundary")?;
        let part = &body[start..next.saturating_sub(2).max(start)];
        let split = find(part, b"\r\n\r\n", 0).ok_or("multipart part without headers")?;
        let headers = String::from_utf8_lossy(&part[..split]).to_string();
        let content = &part[split + 4..];
        let disposition = headers
            .lines()
            .find(|l| l.to_ascii_lowercase().starts_with("content-disposition"))
            .unwrap_or("");
        let param = |key: &str| {
            disposition
                .split(';')
                .find_map(|p| p.trim().strip_prefix(&format!("{key}=")))
                .map(|v| v.trim_matches('"').to_string())
        };
        let ctype = headers
            .lines()
            .find_map(|l| l.split_once(':').filter(|(k, _)| k.eq_ignore_ascii_case("content-type")))
            .map(|(_, v)| v.trim().to_string());
        match (param("name").as_deref(), param("filename")) {
            (Some("payload_json"), _) => {
                json = serde_json::from_slice(content)
                    .map_err(|e| format!("invalid payload_json: {e}"))?;
            }
            (_, Some(filename)) => {
                files.push(FilePart { filename, content_type: ctype, bytes: content.to_vec() })
            }
            _ => {}
        }
        pos = next + delim.len();
    }
    Ok((json, files))
}

// ---------------------------------------------------------------------------------------------
// Rate limits

struct Window {
    start: Instant,
    count: u32,
}

struct Forced {
    pattern: String,
    retry_after: f64,
    global: bool,
}

/// Fixed-window rate limits per bucket, a global limit, and 429s forced by tests.
#[derive(Default)]
pub(crate) struct Limiter {
    buckets: HashMap<String, Window>,
    global: Option<Window>,
    forced: Vec<Forced>,
    /// Server errors forced by tests: (pattern, HTTP status).
    failures: Vec<(String, u16)>,
    pub count_429: u32,
}

/// `pattern` is `"METHOD /a/*/b"` or `"/a/*/b"`; `*` matches one segment.
pub(crate) fn pattern_matches(pattern: &str, method: &str, segs: &[String]) -> bool {
    let (pm, path) = match pattern.split_once(' ') {
        Some((m, p)) => (Some(m), p),
        None => (None, pattern),
    };
    if pm.is_some_and(|m| !m.eq_ignore_ascii_case(method)) {
        return false;
    }
    let psegs: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    psegs.len() == segs.len() && psegs.iter().zip(segs).all(|(p, s)| *p == "*" || p == s)
}

/// Discord-like bucket template: ids, emojis and tokens become `*`.
fn template(method: &str, segs: &[String]) -> String {
    let parts: Vec<&str> = segs
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let token = i == 2 && matches!(segs[0].as_str(), "webhooks" | "interactions");
            let emoji = i > 0 && segs[i - 1] == "reactions";
            if token || emoji || s.chars().all(|c| c.is_ascii_digit()) {
                "*"
            } else {
                s.as_str()
            }
        })
        .collect();
    format!("{method} /{}", parts.join("/"))
}

fn rate_limited(retry_after: f64, global: bool, mut headers: RlHeaders) -> Box<ApiError> {
    let mut e = err(429, 0, "You are being rate limited.");
    headers.push(("retry-after", format!("{retry_after}")));
    if global {
        // serenity only checks that this header exists, so it is absent unless global.
        headers.push(("x-ratelimit-global", "true".into()));
        headers.push(("x-ratelimit-scope", "global".into()));
    } else {
        headers.push(("x-ratelimit-scope", "user".into()));
    }
    let body = json!({"message": "You are being rate limited.", "retry_after": retry_after, "global": global});
    e.rate_limit = Some(Box::new((headers, body)));
    Box::new(e)
}

impl Limiter {
    pub fn force_status(&mut self, pattern: &str, status: u16) {
        self.failures.push((pattern.to_string(), status));
    }

    pub fn force(&mut self, pattern: &str, retry_after: f64, global: bool) {
        self.forced.push(Forced { pattern: pattern.to_string(), retry_after, global });
    }

    /// Counts a request; returns the bucket headers, or the 429 to answer.
    fn check(
        &mut self,
        limits: &RateLimits,
        method: &str,
        segs: &[String],
    ) -> Result<RlHeaders, Box<ApiError>> {
        let now = Instant::now();
        let route = limits.routes.iter().find(|r| pattern_matches(&r.pattern, method, segs));
        let (pattern, limit, per) = match (route, limits.default_route) {
            (Some(r), _) => (r.pattern.clone(), r.limit, r.per),
            (None, Some((limit, per))) => (template(method, segs), limit, per),
            (None, None) => (template(method, segs), 0, Duration::ZERO),
        };
        let major = match segs.first().map(String::as_str) {
            Some("channels" | "guilds" | "webhooks" | "interactions") => {
                segs.get(1).cloned().unwrap_or_default()
            }
            _ => String::new(),
        };
        let bucket_name = {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            pattern.hash(&mut h);
            format!("{:016x}", h.finish())
        };

        if let Some(i) = self.failures.iter().position(|f| pattern_matches(&f.0, method, segs)) {
            let (_, status) = self.failures.remove(i);
            return Err(Box::new(err(status, 0, "500: Internal Server Error")));
        }

        if let Some(i) = self.forced.iter().position(|f| pattern_matches(&f.pattern, method, segs))
        {
            let f = self.forced.remove(i);
            let headers = if limit > 0 {
                bucket_headers(limit, 0, Duration::from_secs_f64(f.retry_after), &bucket_name)
            } else {
                Vec::new()
            };
            return Err(rate_limited(f.retry_after, f.global, headers));
        }

        let exempt = matches!(segs.first().map(String::as_str), Some("interactions"))
            || (segs.first().map(String::as_str) == Some("webhooks") && segs.len() >= 3);
        if let (Some(n), false) = (limits.global_per_second, exempt) {
            let w = self.global.get_or_insert(Window { start: now, count: 0 });
            if now >= w.start + Duration::from_secs(1) {
                *w = Window { start: now, count: 0 };
            }
            if w.count >= n {
                let retry =
                    (w.start + Duration::from_secs(1)).saturating_duration_since(now).as_secs_f64();
                return Err(rate_limited(round3(retry), true, Vec::new()));
            }
            w.count += 1;
        }

        if limit == 0 {
            return Ok(Vec::new());
        }
        let w = self
            .buckets
            .entry(format!("{pattern}|{major}"))
            .or_insert(Window { start: now, count: 0 });
        if now >= w.start + per {
            *w = Window { start: now, count: 0 };
        }
        let reset_after = (w.start + per).saturating_duration_since(now);
        if w.count >= limit {
            let headers = bucket_headers(limit, 0, reset_after, &bucket_name);
            return Err(rate_limited(round3(reset_after.as_secs_f64()), false, headers));
        }
        w.count += 1;
        Ok(bucket_headers(limit, limit - w.count, reset_after, &bucket_name))
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).ceil() / 1000.0
}

fn bucket_headers(limit: u32, remaining: u32, reset_after: Duration, bucket: &str) -> RlHeaders {
    let reset = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default() + reset_after;
    vec![
        ("x-ratelimit-limit", limit.to_string()),
        ("x-ratelimit-remaining", remaining.to_string()),
        ("x-ratelimit-reset", format!("{:.3}", reset.as_secs_f64())),
        ("x-ratelimit-reset-after", format!("{:.3}", reset_after.as_secs_f64())),
        ("x-ratelimit-bucket", bucket.to_string()),
    ]
}

// ---------------------------------------------------------------------------------------------
// Routes

fn snowflake(s: &str) -> Result<u64, ApiError> {
    s.parse().map_err(|_| {
        form_error("id", "NUMBER_TYPE_COERCE", &format!("Value \"{s}\" is not snowflake."))
    })
}

fn route(inner: &Inner, st: &mut State, r: &Req) -> Result<Reply, ApiError> {
    let w = &inner.world;
    let s: Vec<&str> = r.segs.iter().map(String::as_str).collect();
    match (r.method.as_str(), s.as_slice()) {
        ("GET", ["gateway"]) => Ok(Reply::Json(json!({"url": inner.gateway_url}), Shape::Gateway)),
        ("GET", ["gateway", "bot"]) => Ok(Reply::Json(
            json!({
                "url": inner.gateway_url,
                "shards": w.shards,
                "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 14_400_000, "max_concurrency": w.max_concurrency},
            }),
            Shape::BotGateway,
        )),
        ("GET", ["oauth2", "applications", "@me"]) => Ok(Reply::Json(app_info(w), Shape::AppInfo)),
        ("GET", ["users", "@me"]) => {
            let mut u = w.bot_user();
            u["verified"] = json!(true);
            u["mfa_enabled"] = json!(false);
            u["flags"] = json!(0);
            Ok(Reply::Json(u, Shape::CurrentUser))
        }
        (m @ ("GET" | "PUT" | "POST"), ["applications", app, "commands"]) => {
            commands(w, st, r, m, app, None)
        }
        (m @ ("GET" | "PUT" | "POST"), ["applications", app, "guilds", g, "commands"]) => {
            let g = snowflake(g)?;
            if !w.guild_ids().contains(&g) {
                return Err(err(404, 10004, "Unknown Guild"));
            }
            commands(w, st, r, m, app, Some(g))
        }
        ("POST", ["interactions", id, token, "callback"]) => {
            callback(w, st, r, snowflake(id)?, token)
        }
        (m, ["webhooks", app, token, "messages", mid]) => {
            webhook_message(w, st, r, m, app, token, mid)
        }
        ("POST", ["webhooks", app, token]) => followup(w, st, r, app, token),
        ("POST", ["channels", c, "messages"]) => post_message(w, st, r, snowflake(c)?),
        ("GET", ["channels", c, "messages"]) => list_messages(w, st, r, snowflake(c)?),
        (m @ ("GET" | "PATCH" | "DELETE"), ["channels", c, "messages", mid]) => {
            channel_message(w, st, r, m, snowflake(c)?, snowflake(mid)?)
        }
        (m @ ("PUT" | "DELETE"), ["channels", c, "messages", mid, "reactions", e, "@me"]) => {
            let (c, mid) = (snowflake(c)?, snowflake(mid)?);
            let e = payloads::emoji_key(e);
            if m == "PUT" {
                add_reaction(w, st, c, mid, &e, w.bot_id)
            } else {
                remove_reaction(w, st, c, mid, &e, w.bot_id)
            }
        }
        ("DELETE", ["channels", c, "messages", mid, "reactions", e, u]) => {
            let (c, mid, u) = (snowflake(c)?, snowflake(mid)?, snowflake(u)?);
            if u != w.bot_id {
                require(w, st, c, perms::MANAGE_MESSAGES)?;
            }
            remove_reaction(w, st, c, mid, &payloads::emoji_key(e), u)
        }
        ("GET", ["channels", c, "messages", mid, "reactions", e]) => {
            reaction_users(w, st, r, snowflake(c)?, snowflake(mid)?, &payloads::emoji_key(e))
        }
        ("POST", ["channels", c, "messages", mid, "threads"]) => {
            start_thread(w, st, r, snowflake(c)?, snowflake(mid)?)
        }
        ("POST", ["channels", c, "threads"]) => forum_post(w, st, r, snowflake(c)?),
        ("GET", ["channels", c]) => {
            let c = snowflake(c)?;
            require(w, st, c, 0)?;
            Ok(Reply::Json(st.channels[&c].clone(), Shape::Channel))
        }
        ("GET", ["guilds", g, rest @ ..]) => {
            if snowflake(g)? != w.guild_id {
                return Err(err(404, 10004, "Unknown Guild"));
            }
            match rest {
                ["channels"] => {
                    let list: Vec<Value> = st
                        .channels
                        .iter()
                        .filter(|(id, c)| {
                            !st.deleted_channels.contains(id) && c["type"] != json!(11)
                        })
                        .map(|(_, c)| c.clone())
                        .collect();
                    Ok(Reply::Json(Value::Array(list), Shape::GuildChannels))
                }
                ["threads", "active"] => {
                    let threads: Vec<Value> = st
                        .channels
                        .iter()
                        .filter(|(id, c)| {
                            !st.deleted_channels.contains(id)
                                && c["type"] == json!(11)
                                && c["thread_metadata"]["archived"] != json!(true)
                        })
                        .map(|(_, c)| c.clone())
                        .collect();
                    let list = json!({"threads": threads, "members": []});
                    Ok(Reply::Json(list, Shape::ActiveThreads))
                }
                ["members", u] => {
                    let m = w
                        .member_json(snowflake(u)?, false)
                        .ok_or_else(|| err(404, 10007, "Unknown Member"))?;
                    Ok(Reply::Json(m, Shape::Member))
                }
                ["roles"] => Ok(Reply::Json(Value::Array(w.roles()), Shape::Roles)),
                _ => Err(unexpected()),
            }
        }
        _ => Err(unexpected()),
    }
}

fn app_info(w: &World) -> Value {
    json!({
        "id": w.bot_id.to_string(),
        "name": w.bot_name,
        "icon": null,
        "description": "",
        "summary": "",
        "bot_public": true,
        "bot_require_code_grant": false,
        "verify_key": "0000000000000000000000000000000000000000000000000000000000000000",
        "owner": payloads::user(w.owner_id, w.user_name(w.owner_id).unwrap_or("owner"), false),
        "team": null,
        "flags": 0,
        "bot": w.bot_user(),
    })
}

/// Checks the channel exists and the bot may see it and has `needed` in it.
pub(crate) fn require(w: &World, st: &State, channel: u64, needed: u64) -> Result<(), ApiError> {
    if !st.channels.contains_key(&channel) || st.deleted_channels.contains(&channel) {
        return Err(unknown_channel());
    }
    let p = st.bot_permissions(w, channel);
    if p & perms::VIEW_CHANNEL == 0 {
        return Err(err(403, 50001, "Missing Access"));
    }
    if p & needed != needed {
        return Err(err(403, 50013, "Missing Permissions"));
    }
    Ok(())
}

fn commands(
    w: &World,
    st: &mut State,
    r: &Req,
    method: &str,
    app: &str,
    guild: Option<u64>,
) -> Result<Reply, ApiError> {
    if snowflake(app)? != w.bot_id {
        return Err(err(403, 50001, "Missing Access"));
    }
    let existing = match guild {
        Some(g) => st.guild_commands.get(&g).cloned().unwrap_or_default(),
        None => st.global_commands.clone(),
    };
    let build = |st: &mut State, def: &Value| -> Result<Value, ApiError> {
        let name = def["name"]
            .as_str()
            .ok_or_else(|| form_error("name", "BASE_TYPE_REQUIRED", "This field is required"))?;
        let id = existing
            .iter()
            .find(|c| c["name"] == json!(name))
            .map(id_of)
            .unwrap_or_else(|| st.id());
        let mut c = def.clone();
        let o = c
            .as_object_mut()
            .ok_or_else(|| form_error("_", "DICT_TYPE_CONVERT", "Only dictionaries may be used"))?;
        o.retain(|_, v| !v.is_null());
        o.insert("id".into(), json!(id.to_string()));
        o.insert("application_id".into(), json!(w.bot_id.to_string()));
        o.insert("version".into(), json!(st.id().to_string()));
        o.entry("type").or_insert(json!(1));
        o.entry("description").or_insert(json!(""));
        o.entry("default_member_permissions").or_insert(Value::Null);
        o.entry("nsfw").or_insert(json!(false));
        if let Some(g) = guild {
            o.insert("guild_id".into(), json!(g.to_string()));
        }
        Ok(c)
    };
    let list = match method {
        "GET" => existing,
        "PUT" => {
            let defs = r.body.as_array().ok_or_else(|| {
                form_error("_", "ARRAY_TYPE_CONVERT", "Only iterables may be used")
            })?;
            defs.iter().map(|d| build(st, d)).collect::<Result<Vec<_>, _>>()?
        }
        _ => {
            // POST upserts one command by name and answers it alone.
            let c = build(st, &r.body)?;
            let mut list: Vec<Value> =
                existing.into_iter().filter(|e| e["name"] != c["name"]).collect();
            list.push(c.clone());
            store_commands(st, guild, list);
            return Ok(Reply::Json(c, Shape::Command));
        }
    };
    if method == "PUT" {
        store_commands(st, guild, list.clone());
    }
    Ok(Reply::Json(Value::Array(list), Shape::Commands))
}

fn store_commands(st: &mut State, guild: Option<u64>, list: Vec<Value>) {
    match guild {
        Some(g) => {
            st.guild_commands.insert(g, list);
        }
        None => st.global_commands = list,
    }
}

/// Checks a message body like Discord does before creating or editing a message.
fn validate_message(data: &Value, files: &[FilePart], edit: bool) -> Result<(), ApiError> {
    let content = data["content"].as_str().unwrap_or("");
    if content.chars().count() > 2000 {
        return Err(form_error(
            "content",
            "BASE_TYPE_MAX_LENGTH",
            "Must be 2000 or fewer in length.",
        ));
    }
    let embeds = data["embeds"].as_array().map(Vec::as_slice).unwrap_or_default();
    if embeds.len() > 10 {
        return Err(form_error("embeds", "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length."));
    }
    let mut total = 0;
    for e in embeds {
        let len = |k: &str| e[k].as_str().map_or(0, |s| s.chars().count());
        if len("title") > 256 || len("description") > 4096 {
            return Err(form_error(
                "embeds",
                "BASE_TYPE_MAX_LENGTH",
                "Embed title or description is too long.",
            ));
        }
        let fields = e["fields"].as_array().map(Vec::as_slice).unwrap_or_default();
        if fields.len() > 25 {
            return Err(form_error(
                "embeds",
                "BASE_TYPE_MAX_LENGTH",
                "Must be 25 or fewer in length.",
            ));
        }
        total += len("title") + len("description");
        total += fields
            .iter()
            .map(|f| {
                f["name"].as_str().map_or(0, str::len) + f["value"].as_str().map_or(0, str::len)
            })
            .sum::<usize>();
    }
    if total > 6000 {
        return Err(form_error(
            "embeds",
            "BASE_TYPE_MAX_LENGTH",
            "Embed size exceeds maximum size of 6000",
        ));
    }
    if data["components"].as_array().is_some_and(|c| c.len() > 5) {
        return Err(form_error(
            "components",
            "BASE_TYPE_MAX_LENGTH",
            "Must be 5 or fewer in length.",
        ));
    }
    let empty = content.is_empty()
        && embeds.is_empty()
        && files.is_empty()
        && data["components"].as_array().is_none_or(Vec::is_empty)
        && data["sticker_ids"].as_array().is_none_or(Vec::is_empty)
        && data["poll"].is_null();
    if empty && !edit {
        return Err(err(400, 50006, "Cannot send an empty message"));
    }
    Ok(())
}

/// Applies a create/edit body to a stored message, storing new attachments' bytes.
fn apply_fields(st: &mut State, msg: &mut Value, data: &Value, files: &[FilePart], edit: bool) {
    for key in ["content", "components", "tts", "allowed_mentions", "poll", "sticker_ids"] {
        if !data[key].is_null() {
            msg[key] = data[key].clone();
        }
    }
    if let Some(embeds) = data["embeds"].as_array() {
        let embeds: Vec<Value> = embeds
            .iter()
            .map(|e| {
                let mut e = e.clone();
                if e["type"].is_null() {
                    e["type"] = json!("rich");
                }
                e
            })
            .collect();
        msg["embeds"] = Value::Array(embeds);
    }
    if let Some(flags) = data["flags"].as_u64() {
        // Only EPHEMERAL, SUPPRESS_EMBEDS and SUPPRESS_NOTIFICATIONS can be set by a bot.
        let settable = 64 | 4 | 4096;
        let old = msg["flags"].as_u64().unwrap_or(0);
        msg["flags"] = json!((old & !settable & !128) | (flags & settable) | (old & 64));
    }
    let channel = msg["channel_id"].as_str().unwrap_or("0").to_string();
    let existing: Vec<Value> = msg["attachments"].as_array().cloned().unwrap_or_default();
    let listed = data["attachments"].as_array();
    let mut attachments: Vec<Value> = match (edit, listed) {
        (true, Some(listed)) => existing
            .into_iter()
            .filter(|a| listed.iter().any(|l| l["id"].as_str() == a["id"].as_str()))
            .collect(),
        (true, None) => existing,
        (false, _) => Vec::new(),
    };
    for (i, f) in files.iter().enumerate() {
        let meta = listed.and_then(|l| {
            l.iter().find(|a| a["id"].as_u64() == Some(i as u64) || a["id"] == json!(i.to_string()))
        });
        let aid = st.id();
        let filename = meta.and_then(|m| m["filename"].as_str()).unwrap_or(&f.filename).to_string();
        let mut a = json!({
            "id": aid.to_string(),
            "filename": filename,
            "size": f.bytes.len(),
            "url": format!("https://cdn.discordapp.com/attachments/{channel}/{aid}/{filename}"),
            "proxy_url": format!("https://media.discordapp.net/attachments/{channel}/{aid}/{filename}"),
            "content_type": f.content_type.clone(),
        });
        if let Some(d) = meta.and_then(|m| m["description"].as_str()) {
            a["description"] = json!(d);
        }
        // PNG: width and height are the first fields of the IHDR chunk.
        if f.bytes.starts_with(b"\x89PNG\r\n\x1a\n") && f.bytes.len() >= 24 {
            let be = |i: usize| {
                u32::from_be_bytes([f.bytes[i], f.bytes[i + 1], f.bytes[i + 2], f.bytes[i + 3]])
            };
            a["width"] = json!(be(16));
            a["height"] = json!(be(20));
            a["content_type"] = json!("image/png");
        }
        st.attachments.insert(aid, f.bytes.clone());
        attachments.push(a);
    }
    msg["attachments"] = Value::Array(attachments);
    if edit {
        msg["edited_timestamp"] = json!(payloads::now_timestamp());
        // Any edit ends the "thinking…" state of a deferred response.
        let flags = msg["flags"].as_u64().unwrap_or(0);
        msg["flags"] = json!(flags & !128);
    }
}

/// Creates a message by the bot; `interaction` marks messages sent through an interaction.
fn create_bot_message(
    w: &World,
    st: &mut State,
    channel: u64,
    data: &Value,
    files: &[FilePart],
    interaction: bool,
) -> u64 {
    let id = st.id();
    create_bot_message_with_id(w, st, id, channel, data, files, interaction)
}

fn create_bot_message_with_id(
    w: &World,
    st: &mut State,
    id: u64,
    channel: u64,
    data: &Value,
    files: &[FilePart],
    interaction: bool,
) -> u64 {
    let guild = st.guild_of(w, channel);
    let mut msg = payloads::message(id, channel, Some(guild), w.bot_user());
    apply_fields(st, &mut msg, data, files, false);
    if interaction {
        msg["type"] = json!(20);
        msg["webhook_id"] = json!(w.bot_id.to_string());
        msg["application_id"] = json!(w.bot_id.to_string());
    }
    if let Some(reference) = data.get("message_reference").filter(|v| !v.is_null()) {
        let ref_id = reference["message_id"].as_str().and_then(|s| s.parse().ok()).unwrap_or(0);
        if let Some(referenced) = st.render_message(w, ref_id) {
            msg["type"] = json!(19);
            msg["message_reference"] = json!({"message_id": ref_id.to_string(), "channel_id": channel.to_string(), "guild_id": guild.to_string()});
            msg["referenced_message"] = referenced;
        }
    }
    st.messages.insert(id, StoredMessage { json: msg.clone(), deleted: false });
    if let Some(c) = st.channels.get_mut(&channel) {
        c["last_message_id"] = json!(id.to_string());
    }
    let _ = st.dispatch_message(w, "MESSAGE_CREATE", &msg);
    id
}

fn edit_message(
    w: &World,
    st: &mut State,
    id: u64,
    data: &Value,
    files: &[FilePart],
) -> Result<Value, ApiError> {
    validate_message(data, files, true)?;
    let mut msg = st
        .messages
        .get(&id)
        .filter(|m| !m.deleted)
        .map(|m| m.json.clone())
        .ok_or_else(unknown_message)?;
    apply_fields(st, &mut msg, data, files, true);
    if let Some(m) = st.messages.get_mut(&id) {
        m.json = msg.clone();
    }
    let _ = st.dispatch_message(w, "MESSAGE_UPDATE", &msg);
    st.render_message(w, id).ok_or_else(unknown_message)
}

fn delete_message(st: &mut State, id: u64) -> Result<(), ApiError> {
    let m = st.messages.get_mut(&id).filter(|m| !m.deleted).ok_or_else(unknown_message)?;
    m.deleted = true;
    let channel = m.json["channel_id"].clone();
    let guild = m.json["guild_id"].clone();
    let ephemeral = m.json["flags"].as_u64().unwrap_or(0) & 64 != 0;
    if !ephemeral {
        let _ = st.dispatch(
            "MESSAGE_DELETE",
            json!({"id": id.to_string(), "channel_id": channel, "guild_id": guild}),
        );
    }
    Ok(())
}

fn callback(w: &World, st: &mut State, r: &Req, id: u64, token: &str) -> Result<Reply, ApiError> {
    let it = st
        .interactions
        .get(&id)
        .filter(|_| st.tokens.get(token) == Some(&id))
        .ok_or_else(unknown_interaction)?;
    if it.initial.is_some() {
        return Err(err(400, 40060, "Interaction has already been acknowledged."));
    }
    if it.created.elapsed() > w.deadline {
        return Err(unknown_interaction());
    }
    let (kind, channel, source) = (it.kind, it.channel_id, it.original);
    let ty = r.body["type"].as_u64().unwrap_or(0);
    let allowed: &[u64] = match kind {
        2 => &[4, 5, 9],
        3 => &[4, 5, 6, 7, 9],
        4 => &[8],
        5 => &[4, 5, 6, 7],
        _ => &[],
    };
    if !allowed.contains(&ty) {
        return Err(form_error(
            "type",
            "INTERACTION_RESPONSE_TYPE_INVALID",
            "Interaction response type is not valid for this interaction",
        ));
    }
    let data = if r.body["data"].is_null() { json!({}) } else { r.body["data"].clone() };
    let original = match ty {
        4 => {
            validate_message(&data, &r.files, false)?;
            Some(create_bot_message(w, st, channel, &data, &r.files, true))
        }
        5 => {
            // The "bot is thinking…" message: LOADING (128), ephemeral if asked.
            let flags = data["flags"].as_u64().unwrap_or(0) & 64;
            let id = create_bot_message(w, st, channel, &json!({}), &[], true);
            if let Some(m) = st.messages.get_mut(&id) {
                m.json["flags"] = json!(flags | 128);
            }
            Some(id)
        }
        7 => {
            let source = source.ok_or_else(unknown_message)?;
            edit_message(w, st, source, &data, &r.files)?;
            Some(source)
        }
        8 => {
            let choices = data["choices"].as_array().map_or(0, Vec::len);
            if choices > 25 {
                return Err(form_error(
                    "choices",
                    "BASE_TYPE_MAX_LENGTH",
                    "Must be 25 or fewer in length.",
                ));
            }
            None
        }
        _ => source,
    };
    if let Some(it) = st.interactions.get_mut(&id) {
        it.initial = Some(json!({"type": ty, "data": data}));
        it.answered = Some(Instant::now());
        it.original = original;
    }
    // Discord answers 204 unless asked for what the callback made: then 200 with the
    // interaction and the resource, the message included for a message response.
    if !w.callback_with_response || r.query.get("with_response").map(String::as_str) != Some("true")
    {
        return Ok(Reply::Empty);
    }
    let mut resource = json!({"type": ty});
    if let Some(message) = original.filter(|_| matches!(ty, 4 | 5 | 7)) {
        resource["message"] = st.render_message(w, message).ok_or_else(unknown_message)?;
    }
    let interaction = json!({"id": id.to_string(), "type": kind, "response_message_id": original.map(|m| m.to_string())});
    Ok(Reply::Json(
        json!({"interaction": interaction, "resource": resource}),
        Shape::CallbackResponse,
    ))
}

/// Finds the interaction of a webhook token, enforcing the 15-minute token lifetime.
fn interaction_of<'a>(
    w: &World,
    st: &'a mut State,
    app: &str,
    token: &str,
) -> Result<&'a mut InteractionState, ApiError> {
    if snowflake(app)? != w.bot_id {
        return Err(unknown_webhook());
    }
    let id = *st.tokens.get(token).ok_or_else(unknown_webhook)?;
    let it = st.interactions.get_mut(&id).ok_or_else(unknown_webhook)?;
    if it.created.elapsed() > Duration::from_secs(15 * 60) {
        return Err(err(401, 50027, "Invalid Webhook Token"));
    }
    if it.initial.is_none() {
        return Err(unknown_webhook());
    }
    Ok(it)
}

fn webhook_message(
    w: &World,
    st: &mut State,
    r: &Req,
    method: &str,
    app: &str,
    token: &str,
    mid: &str,
) -> Result<Reply, ApiError> {
    let it = interaction_of(w, st, app, token)?;
    let id = if mid == "@original" {
        it.original.ok_or_else(unknown_message)?
    } else {
        let id = snowflake(mid)?;
        if it.original != Some(id) && !it.followups.contains(&id) {
            return Err(unknown_message());
        }
        id
    };
    match method {
        "GET" => {
            Ok(Reply::Json(st.render_message(w, id).ok_or_else(unknown_message)?, Shape::Message))
        }
        "PATCH" => Ok(Reply::Json(edit_message(w, st, id, &r.body, &r.files)?, Shape::Message)),
        "DELETE" => {
            delete_message(st, id)?;
            Ok(Reply::Empty)
        }
        _ => Err(unexpected()),
    }
}

fn followup(w: &World, st: &mut State, r: &Req, app: &str, token: &str) -> Result<Reply, ApiError> {
    let it = interaction_of(w, st, app, token)?;
    let (channel, original, deferred) =
        (it.channel_id, it.original, it.initial.as_ref().is_some_and(|i| i["type"] == json!(5)));
    validate_message(&r.body, &r.files, false)?;
    // After a deferred response, the first follow-up replaces the "thinking…" message.
    let loading = original
        .and_then(|o| st.messages.get(&o))
        .is_some_and(|m| !m.deleted && m.json["flags"].as_u64().unwrap_or(0) & 128 != 0);
    let id = match (deferred, loading, original) {
        (true, true, Some(o)) => {
            edit_message(w, st, o, &r.body, &r.files)?;
            if let Some(m) = st.messages.get_mut(&o) {
                m.json["edited_timestamp"] = Value::Null;
            }
            o
        }
        _ => {
            let id = create_bot_message(w, st, channel, &r.body, &r.files, true);
            if let Some(it) =
                st.tokens.get(token).copied().and_then(|i| st.interactions.get_mut(&i))
            {
                it.followups.push(id);
            }
            id
        }
    };
    Ok(Reply::Json(st.render_message(w, id).ok_or_else(unknown_message)?, Shape::Message))
}

fn is_thread(st: &State, channel: u64) -> bool {
    st.channels.get(&channel).is_some_and(|c| matches!(c["type"].as_u64(), Some(10..=12)))
}

fn is_forum(st: &State, channel: u64) -> bool {
    st.channels.get(&channel).is_some_and(|c| c["type"] == json!(15))
}

fn post_message(w: &World, st: &mut State, r: &Req, channel: u64) -> Result<Reply, ApiError> {
    if is_forum(st, channel) {
        require(w, st, channel, 0)?;
        return Err(err(400, 50008, "Cannot send messages in a non-text channel"));
    }
    let mut needed =
        if is_thread(st, channel) { perms::SEND_MESSAGES_IN_THREADS } else { perms::SEND_MESSAGES };
    if r.body["embeds"].as_array().is_some_and(|e| !e.is_empty()) {
        needed |= perms::EMBED_LINKS;
    }
    if !r.files.is_empty() {
        needed |= perms::ATTACH_FILES;
    }
    require(w, st, channel, needed)?;
    validate_message(&r.body, &r.files, false)?;
    let id = create_bot_message(w, st, channel, &r.body, &r.files, false);
    Ok(Reply::Json(st.render_message(w, id).ok_or_else(unknown_message)?, Shape::Message))
}

fn list_messages(w: &World, st: &mut State, r: &Req, channel: u64) -> Result<Reply, ApiError> {
    require(w, st, channel, perms::READ_MESSAGE_HISTORY)?;
    let limit = r.query.get("limit").and_then(|l| l.parse().ok()).unwrap_or(50usize).clamp(1, 100);
    let q = |k: &str| r.query.get(k).and_then(|v| v.parse::<u64>().ok());
    let mut list: Vec<Value> = st.channel_messages(w, channel);
    list.retain(|m| !is_ephemeral(m));
    if let Some(before) = q("before") {
        list.retain(|m| id_of(m) < before);
    }
    if let Some(after) = q("after") {
        list.retain(|m| id_of(m) > after);
        list.truncate(limit);
    }
    // Discord answers newest first.
    list.reverse();
    list.truncate(limit);
    Ok(Reply::Json(Value::Array(list), Shape::Messages))
}

fn is_ephemeral(msg: &Value) -> bool {
    msg["flags"].as_u64().unwrap_or(0) & 64 != 0
}

/// A message of a channel as channel routes see it: ephemeral messages exist only for the
/// interaction's webhook, so channel routes answer 10008 for them, as Discord does.
fn message_in(st: &State, channel: u64, id: u64) -> Result<Value, ApiError> {
    st.messages
        .get(&id)
        .filter(|m| !m.deleted && !is_ephemeral(&m.json))
        .filter(|m| m.json["channel_id"] == json!(channel.to_string()))
        .map(|m| m.json.clone())
        .ok_or_else(unknown_message)
}

fn channel_message(
    w: &World,
    st: &mut State,
    r: &Req,
    method: &str,
    channel: u64,
    id: u64,
) -> Result<Reply, ApiError> {
    require(w, st, channel, if method == "GET" { perms::READ_MESSAGE_HISTORY } else { 0 })?;
    let msg = message_in(st, channel, id)?;
    let own = author_id(&msg) == w.bot_id;
    match method {
        "GET" => {
            Ok(Reply::Json(st.render_message(w, id).ok_or_else(unknown_message)?, Shape::Message))
        }
        "PATCH" => {
            if !own {
                return Err(err(403, 50005, "Cannot edit a message authored by another user"));
            }
            Ok(Reply::Json(edit_message(w, st, id, &r.body, &r.files)?, Shape::Message))
        }
        _ => {
            if !own {
                require(w, st, channel, perms::MANAGE_MESSAGES)?;
            }
            delete_message(st, id)?;
            Ok(Reply::Empty)
        }
    }
}

/// Adds a reaction and dispatches MESSAGE_REACTION_ADD, as Discord does for every user.
pub(crate) fn add_reaction(
    w: &World,
    st: &mut State,
    channel: u64,
    id: u64,
    emoji: &str,
    user: u64,
) -> Result<Reply, ApiError> {
    if user == w.bot_id {
        require(w, st, channel, perms::ADD_REACTIONS | perms::READ_MESSAGE_HISTORY)?;
    } else if !st.channels.contains_key(&channel) || st.deleted_channels.contains(&channel) {
        return Err(unknown_channel());
    }
    let msg = message_in(st, channel, id)?;
    let users = st.reactions.entry((id, emoji.to_string())).or_default();
    if users.contains(&user) {
        return Ok(Reply::Empty);
    }
    users.push(user);
    let mut d = json!({
        "type": 0,
        "burst": false,
        "burst_colors": [],
        "user_id": user.to_string(),
        "channel_id": channel.to_string(),
        "message_id": id.to_string(),
        "message_author_id": author_id(&msg).to_string(),
        "guild_id": st.guild_of(w, channel).to_string(),
        "emoji": payloads::emoji(emoji),
    });
    if let Some(m) = w.member_json(user, false) {
        d["member"] = m;
    }
    st.dispatch("MESSAGE_REACTION_ADD", d).map_err(|e| err(500, 0, &e))?;
    Ok(Reply::Empty)
}

pub(crate) fn remove_reaction(
    w: &World,
    st: &mut State,
    channel: u64,
    id: u64,
    emoji: &str,
    user: u64,
) -> Result<Reply, ApiError> {
    if !st.channels.contains_key(&channel) || st.deleted_channels.contains(&channel) {
        return Err(unknown_channel());
    }
    message_in(st, channel, id)?;
    let Some(users) = st.reactions.get_mut(&(id, emoji.to_string())) else {
        return Ok(Reply::Empty);
    };
    let Some(pos) = users.iter().position(|u| *u == user) else { return Ok(Reply::Empty) };
    users.remove(pos);
    let d = json!({
        "type": 0,
        "burst": false,
        "user_id": user.to_string(),
        "channel_id": channel.to_string(),
        "message_id": id.to_string(),
        "guild_id": st.guild_of(w, channel).to_string(),
        "emoji": payloads::emoji(emoji),
    });
    st.dispatch("MESSAGE_REACTION_REMOVE", d).map_err(|e| err(500, 0, &e))?;
    Ok(Reply::Empty)
}

fn reaction_users(
    w: &World,
    st: &mut State,
    r: &Req,
    channel: u64,
    id: u64,
    emoji: &str,
) -> Result<Reply, ApiError> {
    require(w, st, channel, perms::READ_MESSAGE_HISTORY)?;
    message_in(st, channel, id)?;
    let limit = r.query.get("limit").and_then(|l| l.parse().ok()).unwrap_or(25usize).clamp(1, 100);
    let after = r.query.get("after").and_then(|a| a.parse::<u64>().ok()).unwrap_or(0);
    // Discord pages reaction users by ascending user id.
    let mut users = st.reactions.get(&(id, emoji.to_string())).cloned().unwrap_or_default();
    users.sort_unstable();
    let list: Vec<Value> = users
        .into_iter()
        .filter(|u| *u > after)
        .take(limit)
        .filter_map(|u| w.user_json(u))
        .collect();
    Ok(Reply::Json(Value::Array(list), Shape::Users))
}

fn start_thread(
    w: &World,
    st: &mut State,
    r: &Req,
    channel: u64,
    id: u64,
) -> Result<Reply, ApiError> {
    require(w, st, channel, perms::CREATE_PUBLIC_THREADS)?;
    let mut msg = message_in(st, channel, id)?;
    // A thread started from a message has the message's id.
    if st.channels.contains_key(&id) {
        return Err(err(400, 160004, "A thread has already been created for this message"));
    }
    let name = r.body["name"]
        .as_str()
        .filter(|n| !n.is_empty())
        .ok_or_else(|| form_error("name", "BASE_TYPE_REQUIRED", "This field is required"))?;
    let mut thread = payloads::thread_channel(id, st.guild_of(w, channel), channel, w.bot_id, name);
    if let Some(d) = r.body["auto_archive_duration"].as_u64() {
        thread["thread_metadata"]["auto_archive_duration"] = json!(d);
    }
    st.channels.insert(id, thread.clone());
    msg["thread"] = thread.clone();
    if let Some(m) = st.messages.get_mut(&id) {
        m.json = msg;
    }
    let mut event = thread.clone();
    event["newly_created"] = json!(true);
    st.dispatch("THREAD_CREATE", event).map_err(|e| err(500, 0, &e))?;
    Ok(Reply::Json(thread, Shape::Channel))
}

/// `POST /channels/{forum}/threads` with `{name, message}`: a forum post, a thread (type 11)
/// whose id is also its first message's. Discord answers with the thread and that message.
fn forum_post(w: &World, st: &mut State, r: &Req, forum: u64) -> Result<Reply, ApiError> {
    if !is_forum(st, forum) {
        require(w, st, forum, 0)?;
        return Err(err(400, 50024, "Cannot execute action on this channel type"));
    }
    let mut needed = perms::SEND_MESSAGES;
    let message = &r.body["message"];
    if message["embeds"].as_array().is_some_and(|e| !e.is_empty()) {
        needed |= perms::EMBED_LINKS;
    }
    require(w, st, forum, needed)?;
    let name =
        r.body["name"].as_str().filter(|n| !n.is_empty() && n.chars().count() <= 100).ok_or_else(
            || form_error("name", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length."),
        )?;
    if !message.is_object() {
        return Err(form_error("message", "BASE_TYPE_REQUIRED", "This field is required"));
    }
    validate_message(message, &r.files, false)?;
    let id = st.id();
    let thread = payloads::thread_channel(id, st.guild_of(w, forum), forum, w.bot_id, name);
    st.channels.insert(id, thread.clone());
    let mut event = thread.clone();
    event["newly_created"] = json!(true);
    st.dispatch("THREAD_CREATE", event).map_err(|e| err(500, 0, &e))?;
    create_bot_message_with_id(w, st, id, id, message, &r.files, false);
    let mut answer = thread;
    answer["message"] = st.render_message(w, id).ok_or_else(unknown_message)?;
    Ok(Reply::Json(answer, Shape::Channel))
}
