//! JSON payloads the fake sends, and their check against serenity's own model types.
//!
//! serenity turns a gateway event it cannot deserialize into `Event::Unknown` and logs it at
//! DEBUG only, so a wrong fixture would make a test hang instead of fail. Every payload the fake
//! builds therefore goes through [`check_dispatch`] or [`check_rest`] first.

use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use serenity::model::prelude as m;

/// The serenity type a REST response body must deserialize into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    Message,
    Messages,
    Command,
    Commands,
    CurrentUser,
    AppInfo,
    Channel,
    GuildChannels,
    ActiveThreads,
    Member,
    Roles,
    Users,
    Gateway,
    BotGateway,
    /// `POST /interactions/…/callback?with_response=true`: `{"interaction", "resource"}`, the
    /// resource's message a `Message`.
    CallbackResponse,
}

fn check<T: DeserializeOwned>(what: &str, v: &Value) -> Result<(), String> {
    serde_json::from_value::<T>(v.clone())
        .map(|_| ())
        .map_err(|e| format!("fake-discord built a {what} serenity cannot parse: {e}\n{v:#}"))
}

/// Checks a REST response body against the type serenity deserializes it into.
pub(crate) fn check_rest(shape: Shape, v: &Value) -> Result<(), String> {
    match shape {
        Shape::Message => check::<m::Message>("Message", v),
        Shape::Messages => check::<Vec<m::Message>>("Vec<Message>", v),
        Shape::Command => check::<m::Command>("Command", v),
        Shape::Commands => check::<Vec<m::Command>>("Vec<Command>", v),
        Shape::CurrentUser => check::<m::CurrentUser>("CurrentUser", v),
        Shape::AppInfo => check::<m::CurrentApplicationInfo>("CurrentApplicationInfo", v),
        Shape::Channel => check::<m::Channel>("Channel", v),
        Shape::GuildChannels => check::<Vec<m::GuildChannel>>("Vec<GuildChannel>", v),
        Shape::ActiveThreads => check::<m::ThreadsData>("ThreadsData", v),
        Shape::Member => check::<m::Member>("Member", v),
        Shape::Roles => check::<Vec<m::Role>>("Vec<Role>", v),
        Shape::Users => check::<Vec<m::User>>("Vec<User>", v),
        Shape::Gateway => check::<m::Gateway>("Gateway", v),
        Shape::BotGateway => check::<m::BotGateway>("BotGateway", v),
        Shape::CallbackResponse => match v["resource"].get("message") {
            Some(message) => check::<m::Message>("Message", message),
            None => Ok(()),
        },
    }
}

/// Checks a dispatch (op 0) exactly as serenity reads it: as a `GatewayEvent`, and fails if
/// serenity would silently fall back to `Event::Unknown`.
pub(crate) fn check_dispatch(t: &str, d: &Value) -> Result<(), String> {
    let typed = match t {
        "READY" => check::<m::Ready>("Ready", d),
        "GUILD_CREATE" => check::<m::Guild>("Guild", d),
        "INTERACTION_CREATE" => check::<m::Interaction>("Interaction", d),
        "MESSAGE_CREATE" => check::<m::Message>("Message", d),
        "MESSAGE_REACTION_ADD" | "MESSAGE_REACTION_REMOVE" => check::<m::Reaction>("Reaction", d),
        "CHANNEL_CREATE" | "CHANNEL_UPDATE" | "CHANNEL_DELETE" | "THREAD_CREATE" => {
            check::<m::GuildChannel>("GuildChannel", d)
        }
        _ => Ok(()),
    };
    typed?;
    let frame = json!({"op": 0, "s": 1, "t": t, "d": d});
    match serde_json::from_value::<m::GatewayEvent>(frame) {
        Ok(m::GatewayEvent::Dispatch(_, m::Event::Unknown(_))) => {
            Err(format!("serenity would drop the {t} dispatch as an unknown event:\n{d:#}"))
        }
        Ok(_) => Ok(()),
        Err(e) => Err(format!("serenity cannot parse the {t} dispatch: {e}\n{d:#}")),
    }
}

/// The current time as Discord formats it.
pub(crate) fn now_timestamp() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

pub(crate) fn user(id: u64, name: &str, bot: bool) -> Value {
    json!({
        "id": id.to_string(),
        "username": name,
        "global_name": if bot { Value::Null } else { json!(capitalize(name)) },
        "discriminator": "0",
        "avatar": null,
        "bot": bot,
        "public_flags": 0,
    })
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

pub(crate) fn member(user: Value, roles: &[u64], permissions: Option<u64>) -> Value {
    let mut v = json!({
        "user": user,
        "nick": null,
        "avatar": null,
        "roles": roles.iter().map(u64::to_string).collect::<Vec<_>>(),
        "joined_at": "2025-01-01T00:00:00.000000+00:00",
        "premium_since": null,
        "deaf": false,
        "mute": false,
        "flags": 0,
        "pending": false,
        "communication_disabled_until": null,
    });
    if let Some(p) = permissions {
        v["permissions"] = json!(p.to_string());
    }
    v
}

pub(crate) fn role(id: u64, name: &str, permissions: u64, position: u32, managed: bool) -> Value {
    json!({
        "id": id.to_string(),
        "name": name,
        "color": 0,
        "colors": {"primary_color": 0, "secondary_color": null, "tertiary_color": null},
        "hoist": false,
        "icon": null,
        "unicode_emoji": null,
        "position": position,
        "permissions": permissions.to_string(),
        "managed": managed,
        "mentionable": false,
        "flags": 0,
    })
}

pub(crate) fn text_channel(id: u64, guild_id: u64, name: &str, position: u32) -> Value {
    json!({
        "id": id.to_string(),
        "type": 0,
        "guild_id": guild_id.to_string(),
        "name": name,
        "position": position,
        "permission_overwrites": [],
        "nsfw": false,
        "topic": null,
        "last_message_id": null,
        "rate_limit_per_user": 0,
        "parent_id": null,
        "flags": 0,
    })
}

pub(crate) fn thread_channel(id: u64, guild_id: u64, parent: u64, owner: u64, name: &str) -> Value {
    json!({
        "id": id.to_string(),
        "type": 11,
        "guild_id": guild_id.to_string(),
        "parent_id": parent.to_string(),
        "owner_id": owner.to_string(),
        "name": name,
        "last_message_id": null,
        "rate_limit_per_user": 0,
        "message_count": 0,
        "member_count": 1,
        "total_message_sent": 0,
        "flags": 0,
        "thread_metadata": {
            "archived": false,
            "auto_archive_duration": 1440,
            "archive_timestamp": now_timestamp(),
            "locked": false,
            "create_timestamp": now_timestamp(),
        },
    })
}

/// A message as Discord returns it; `fields` (content, embeds, …) are applied by the caller.
pub(crate) fn message(id: u64, channel_id: u64, guild_id: Option<u64>, author: Value) -> Value {
    let mut v = json!({
        "id": id.to_string(),
        "channel_id": channel_id.to_string(),
        "author": author,
        "content": "",
        "timestamp": now_timestamp(),
        "edited_timestamp": null,
        "tts": false,
        "mention_everyone": false,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": [],
        "components": [],
        "pinned": false,
        "type": 0,
        "flags": 0,
    });
    if let Some(g) = guild_id {
        v["guild_id"] = json!(g.to_string());
    }
    v
}

/// The JSON form of an emoji given as `"👍"` (unicode) or `"name:id"` (custom), the same
/// strings serenity puts in reaction URLs.
pub(crate) fn emoji(key: &str) -> Value {
    match key.rsplit_once(':') {
        Some((name, id)) if id.chars().all(|c| c.is_ascii_digit()) && !id.is_empty() => {
            json!({"id": id, "name": name.trim_start_matches("a:"), "animated": name.starts_with("a:")})
        }
        _ => json!({"id": null, "name": key}),
    }
}

/// Normalises the emoji forms serenity and tests use (`<:name:id>`, `name:id`, `👍`).
pub(crate) fn emoji_key(raw: &str) -> String {
    raw.trim_start_matches('<').trim_end_matches('>').trim_start_matches(':').to_string()
}
