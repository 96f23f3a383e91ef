//! What an operator watches: `/healthz` says whether the bot can serve, `/metrics` counts
//! what it did, in the Prometheus text format.

use std::time::Duration;

use fake_discord::{FakeConfig, FakeDiscord};
use serde_json::json;

use crate::support::bot::{config_for, sample, start_bot_with, T};
use crate::support::driver::member;
use crate::support::TestDb;

/// A free port on 127.0.0.1 for the bot's metrics server.
fn free_addr() -> std::net::SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap()
}

async fn get(url: &str) -> (u16, String) {
    let response = reqwest::get(url).await.expect("the metrics server answers");
    (response.status().as_u16(), response.text().await.unwrap())
}

async fn health_and_metrics_tell_an_operator_what_the_bot_does(db: TestDb) {
    db.store.save_article(&sample()).await.unwrap();
    // Heartbeats often enough that the bot has measured its gateway latency in a moment.
    let beats = FakeConfig { heartbeat_interval: Duration::from_millis(200), ..Default::default() };
    let fake = FakeDiscord::start_with(beats).await;
    let mut config = config_for(&fake);
    let addr = free_addr();
    config.metrics_addr = Some(addr);
    let _bot = start_bot_with(&fake, &db, config).await;

    let healthz = format!("http://{addr}/healthz");
    let mut health = get(&healthz).await;
    let deadline = tokio::time::Instant::now() + T;
    while health.0 != 200 && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
        health = get(&healthz).await;
    }
    assert_eq!(health, (200, "ok: 1 shard(s) connected, the database answers".into()));

    let alice = member(&fake, "alice");
    alice.recap("Soundtrack #1", 2).await;
    alice.slash("recap", json!([{"name": "show", "value": "no such show at all"}])).await;
    // Counted once each command has finished, just after its answer.
    let metrics = format!("http://{addr}/metrics");
    let wanted: [(&str, &[&str]); 6] = [
        ("recapbot_commands_total{", &["command=\"recap\"", "outcome=\"ok\""]),
        // The 1️⃣–5️⃣ under the recap, each answered 204 No Content.
        ("recapbot_discord_responses_total{", &["status=\"204\""]),
        ("recapbot_commands_total{", &["command=\"recap\"", "outcome=\"user_error\""]),
        ("recapbot_command_duration_seconds", &["command=\"recap\""]),
        ("recapbot_gateway_latency_seconds", &["shard=\"0\""]),
        ("recapbot_outbox_depth", &[]),
    ];
    let deadline = tokio::time::Instant::now() + T;
    loop {
        let (status, text) = get(&metrics).await;
        assert_eq!(status, 200);
        let missing: Vec<_> = wanted
            .iter()
            .filter(|(name, labels)| {
                !text.lines().any(|l| l.starts_with(name) && labels.iter().all(|x| l.contains(x)))
            })
            .collect();
        if missing.is_empty() {
            break;
        }
        assert!(tokio::time::Instant::now() < deadline, "missing {missing:?} in\n{text}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // The database goes away: the bot cannot serve, and says why.
    db.store.close().await;
    let (status, reason) = get(&healthz).await;
    assert_eq!(status, 503, "{reason}");
    assert!(reason.starts_with("the database does not answer"), "{reason}");
}

backend_tests!(health_and_metrics_tell_an_operator_what_the_bot_does);
