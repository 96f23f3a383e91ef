//! The gateway: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME, and the hooks tests
//! use to break the connection.

use std::sync::Arc;

use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::extract::State as AxState;
use axum::response::Response;
use serde_json::{json, Value};
use tokio::sync::mpsc;

use crate::state::{ConnCmd, Session, State, World};
use crate::Inner;

pub(crate) async fn upgrade(AxState(inner): AxState<Arc<Inner>>, ws: WebSocketUpgrade) -> Response {
    ws.on_upgrade(move |socket| connection(inner, socket))
}

async fn connection(inner: Arc<Inner>, mut socket: WebSocket) {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let conn_id = {
        let mut st = inner.lock();
        st.gateway.next_conn += 1;
        st.gateway.connections += 1;
        st.gateway.next_conn
    };
    inner.bump();
    let interval = inner.world.heartbeat_interval.as_millis() as u64;
    let hello = json!({"op": 10, "s": null, "t": null, "d": {"heartbeat_interval": interval}});
    if socket.send(Message::Text(hello.to_string())).await.is_err() {
        return;
    }
    loop {
        tokio::select! {
            incoming = socket.recv() => {
                let text = match incoming {
                    Some(Ok(Message::Text(t))) => t,
                    Some(Ok(Message::Binary(b))) => String::from_utf8_lossy(&b).into_owned(),
                    Some(Ok(Message::Close(_))) | None | Some(Err(_)) => break,
                    Some(Ok(_)) => continue,
                };
                let Ok(frame) = serde_json::from_str::<Value>(&text) else {
                    let _ = close(&mut socket, 4002, "Error while decoding payload.").await;
                    break;
                };
                let reply = {
                    let mut st = inner.lock();
                    on_frame(&inner.world, &inner.resume_url(), &mut st, conn_id, &tx, &frame)
                };
                inner.bump();
                match reply {
                    Reply::None => {},
                    Reply::Send(v) => {
                        if socket.send(Message::Text(v.to_string())).await.is_err() {
                            break;
                        }
                    },
                    Reply::Close(code, reason) => {
                        inner.lock().gateway.close_codes.push(code);
                        let _ = close(&mut socket, code, reason).await;
                        break;
                    },
                }
            }
            cmd = rx.recv() => match cmd {
                Some(ConnCmd::Frame(f)) => {
                    if socket.send(Message::Text(f)).await.is_err() {
                        break;
                    }
                },
                Some(ConnCmd::Close(code, reason)) => {
                    inner.lock().gateway.close_codes.push(code);
                    let _ = close(&mut socket, code, reason).await;
                    break;
                },
                // Returning drops the socket: the TCP connection ends without a close frame.
                Some(ConnCmd::Drop) | None => break,
            },
        }
    }
    inner.lock().gateway.conns.retain(|_, (id, _)| *id != conn_id);
    inner.bump();
}

async fn close(socket: &mut WebSocket, code: u16, reason: &'static str) -> Result<(), axum::Error> {
    socket.send(Message::Close(Some(CloseFrame { code, reason: reason.into() }))).await
}

enum Reply {
    None,
    Send(Value),
    Close(u16, &'static str),
}

fn token_ok(world: &World, sent: &Value) -> bool {
    let sent = sent.as_str().unwrap_or("");
    sent.strip_prefix("Bot ").unwrap_or(sent) == world.token
}

fn on_frame(
    world: &World,
    resume_url: &str,
    st: &mut State,
    conn: u64,
    tx: &mpsc::UnboundedSender<ConnCmd>,
    frame: &Value,
) -> Reply {
    match frame["op"].as_u64() {
        Some(1) => {
            st.gateway.heartbeat_count += 1;
            if st.gateway.acks_to_skip > 0 {
                // A zombied connection, as seen by the bot.
                st.gateway.acks_to_skip -= 1;
                return Reply::None;
            }
            Reply::Send(json!({"op": 11, "s": null, "t": null, "d": null}))
        }
        Some(2 | 6) if st.gateway.conns.values().any(|(id, _)| *id == conn) => {
            Reply::Close(4005, "Already authenticated.")
        }
        Some(2) => {
            if !token_ok(world, &frame["d"]["token"]) {
                return Reply::Close(4004, "Authentication failed.");
            }
            // `shard: [id, count]`; without it, the one shard of one.
            let shard = &frame["d"]["shard"];
            let count = shard[1].as_u64().and_then(|n| u32::try_from(n).ok()).unwrap_or(1).max(1);
            let id = shard[0].as_u64().and_then(|n| u32::try_from(n).ok()).unwrap_or(0);
            if id >= count {
                return Reply::Close(4010, "Invalid shard.");
            }
            st.gateway.identify_count += 1;
            st.gateway.identifies.push((id, std::time::Instant::now()));
            st.gateway.shard_count = count;
            st.gateway.intents = frame["d"]["intents"].as_u64().unwrap_or(0);
            let session_id = format!("fake-session-{}", st.id());
            st.gateway
                .sessions
                .insert(id, Session { id: session_id.clone(), seq: 0, sent: Vec::new() });
            st.gateway.conns.insert(id, (conn, tx.clone()));
            let guilds: Vec<u64> =
                world.guild_ids().into_iter().filter(|g| st.shard_of(*g) == id).collect();
            let ready = json!({
                "v": 10,
                "user": {
                    "id": world.bot_id.to_string(), "username": world.bot_name, "discriminator": "0",
                    "global_name": null, "avatar": null, "bot": true, "verified": true, "mfa_enabled": false, "flags": 0,
                },
                "guilds": guilds.iter().map(|g| json!({"id": g.to_string(), "unavailable": true})).collect::<Vec<_>>(),
                "session_id": session_id,
                "resume_gateway_url": resume_url,
                "shard": [id, count],
                "application": {"id": world.bot_id.to_string(), "flags": 0},
                "private_channels": [],
                "presences": [],
                "relationships": [],
            });
            let mut result = st.dispatch_to(id, "READY", ready);
            for guild in guilds {
                let created = guild_create(world, st, guild);
                result = result.and_then(|()| st.dispatch_to(id, "GUILD_CREATE", created));
            }
            if let Err(e) = result {
                tracing::error!("{e}");
            }
            Reply::None
        }
        Some(6) => {
            let d = &frame["d"];
            let session_id = d["session_id"].as_str().unwrap_or("");
            let seq = d["seq"].as_u64().unwrap_or(0);
            if !token_ok(world, &d["token"]) {
                return Reply::Close(4004, "Authentication failed.");
            }
            let shard =
                st.gateway.sessions.iter().find(|(_, s)| s.id == session_id).map(|(k, _)| *k);
            let Some(shard) = shard.filter(|_| !st.gateway.dead_sessions.contains(session_id))
            else {
                return Reply::Send(json!({"op": 9, "s": null, "t": null, "d": false}));
            };
            st.gateway.resume_count += 1;
            st.gateway.conns.insert(shard, (conn, tx.clone()));
            if let Some(session) = st.gateway.sessions.get(&shard) {
                for (_, f) in session.sent.iter().filter(|(s, _)| *s > seq) {
                    let _ = tx.send(ConnCmd::Frame(f.clone()));
                }
            }
            if let Err(e) = st.dispatch_to(shard, "RESUMED", json!({})) {
                tracing::error!("{e}");
            }
            Reply::None
        }
        _ => Reply::None,
    }
}

/// GUILD_CREATE of `guild` with its current channels (threads included) and the members.
fn guild_create(world: &World, st: &State, guild: u64) -> Value {
    let (channels, threads): (Vec<Value>, Vec<Value>) = st
        .channels
        .iter()
        .filter(|(id, _)| !st.deleted_channels.contains(id))
        .filter(|(id, _)| st.guild_of(world, **id) == guild)
        .map(|(_, c)| c.clone())
        .partition(|c| c["type"] != json!(11));
    let mut members: Vec<Value> =
        world.members.iter().filter_map(|(_, id)| world.member_json(*id, false)).collect();
    members.extend(world.member_json(world.bot_id, false));
    let name = world.extra_guilds.iter().find(|g| g.1 == guild).map_or(&world.guild_name, |g| &g.0);
    let system_channel = match world.extra_guilds.iter().find(|g| g.1 == guild) {
        Some(extra) => Some(extra.2.to_string()),
        None => world.channels.first().map(|c| c.1.to_string()),
    };
    let mut roles = world.roles();
    // Every guild's @everyone role has the guild's id.
    roles[0]["id"] = json!(guild.to_string());
    json!({
        "id": guild.to_string(),
        "name": name,
        "icon": null,
        "splash": null,
        "discovery_splash": null,
        "owner_id": world.owner_id.to_string(),
        "afk_channel_id": null,
        "afk_timeout": 300,
        "joined_at": "2025-01-01T00:00:00.000000+00:00",
        "large": false,
        "unavailable": false,
        "member_count": members.len(),
        "members": members,
        "channels": channels,
        "threads": threads,
        "roles": roles,
        "emojis": [],
        "features": [],
        "stickers": [],
        "voice_states": [],
        "presences": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "soundboard_sounds": [],
        "default_message_notifications": 0,
        "explicit_content_filter": 0,
        "mfa_level": 0,
        "nsfw_level": 0,
        "verification_level": 0,
        "premium_tier": 0,
        "premium_subscription_count": 0,
        "system_channel_id": system_channel,
        "system_channel_flags": 0,
        "rules_channel_id": null,
        "public_updates_channel_id": null,
        "safety_alerts_channel_id": null,
        "application_id": null,
        "vanity_url_code": null,
        "description": null,
        "banner": null,
        "preferred_locale": world.preferred_locale,
        "max_members": 500000,
        "max_video_channel_users": 25,
        "premium_progress_bar_enabled": false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::FakeConfig;
    use crate::payloads::check_dispatch;

    #[test]
    fn the_seeded_guild_is_a_guild_serenity_accepts() {
        let world = World::new(&FakeConfig::default());
        let st = State::new(&world);
        let guild = guild_create(&world, &st, world.guild_id);

        assert_eq!(check_dispatch("GUILD_CREATE", &guild), Ok(()));
        assert_eq!(guild["channels"].as_array().map(Vec::len), Some(2));
    }

    #[test]
    fn a_payload_serenity_would_drop_is_reported() {
        let world = World::new(&FakeConfig::default());
        let mut guild = guild_create(&world, &State::new(&world), world.guild_id);
        // Roles without `colors` are silently turned into an unknown event by serenity 0.12.5.
        guild["roles"][0].as_object_mut().map(|r| r.remove("colors"));

        let err = check_dispatch("GUILD_CREATE", &guild).unwrap_err();

        assert!(err.contains("colors"), "{err}");
    }
}
