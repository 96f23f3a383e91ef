//! What an operator watches: `/metrics` in the Prometheus text format and `/healthz`, served
//! on `RECAPBOT_METRICS_ADDR`. The counters are recorded where things happen, through the
//! `metrics` facade; with no address set nothing is installed and recording costs nothing.

use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use poise::serenity_prelude::{ConnectionStage, ShardManager};
use tokio::task::JoinHandle;

use crate::store::Store;

/// The metric names, one place.
pub mod name {
    /// Commands run, by `command` and `outcome` (`ok`, `user_error`, `error`).
    pub const COMMANDS: &str = "recapbot_commands_total";
    /// How long a command took, by `command`.
    pub const COMMAND_SECONDS: &str = "recapbot_command_duration_seconds";
    /// Reaction events (a vote cast, changed or withdrawn) applied to the database.
    pub const VOTES_APPLIED: &str = "recapbot_vote_events_applied_total";
    /// Alerts by `outcome`: `delivered`, `failed` (will be retried), `refused` (final),
    /// `broken` (the subscription broke).
    pub const ALERTS: &str = "recapbot_alerts_total";
    /// Alerts waiting in the outbox (pending or being sent), at the last scrape.
    pub const OUTBOX_DEPTH: &str = "recapbot_outbox_depth";
    /// Feed polls by `result`: `ok`, `partial`, `unchanged`, `failed`.
    pub const FEED_POLLS: &str = "recapbot_feed_polls_total";
    /// Unsuccessful Discord responses by `status` (429s are counted apart).
    pub const DISCORD_ERRORS: &str = "recapbot_discord_errors_total";
    /// Discord's responses to the bot's bulk REST traffic by `status`, successes included.
    pub const DISCORD_RESPONSES: &str = "recapbot_discord_responses_total";
    /// Gateway heartbeat latency by `shard`, at the last scrape.
    pub const GATEWAY_LATENCY: &str = "recapbot_gateway_latency_seconds";
    /// Bot processes sharing the database that beat within 15 s, as this process last saw:
    /// Discord's global request budget is split among them.
    pub const PROCESSES_ALIVE: &str = "recapbot_processes_alive";
}

/// Installs the process's metrics recorder, once (the recorder is process-wide).
pub fn recorder() -> Option<PrometheusHandle> {
    static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();
    HANDLE
        .get_or_init(|| match PrometheusBuilder::new().install_recorder() {
            Ok(handle) => Some(handle),
            Err(error) => {
                tracing::warn!(%error, "metrics are off: another recorder is installed");
                None
            }
        })
        .clone()
}

#[derive(Clone)]
struct Observed {
    store: Store,
    shards: Arc<ShardManager>,
    metrics: Option<PrometheusHandle>,
}

/// Serves `/healthz` and `/metrics` on `addr`. Binding happens now, so a taken address is a
/// start-up error and not a silent gap.
pub async fn serve(
    addr: SocketAddr,
    store: Store,
    shards: Arc<ShardManager>,
) -> std::io::Result<(SocketAddr, JoinHandle<()>)> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let bound = listener.local_addr()?;
    let state = Observed { store, shards, metrics: recorder() };
    let app = Router::new()
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics_text))
        .with_state(state);
    let task = tokio::spawn(async move {
        if let Err(error) = axum::serve(listener, app).await {
            tracing::error!(%error, "the metrics server stopped");
        }
    });
    tracing::info!(%bound, "serving /healthz and /metrics");
    Ok((bound, task))
}

/// 200 when every shard is connected and the database answers; 503 with the reason otherwise.
async fn healthz(State(state): State<Observed>) -> (StatusCode, String) {
    match health(&state).await {
        Ok(fine) => (StatusCode::OK, fine),
        Err(reason) => (StatusCode::SERVICE_UNAVAILABLE, reason),
    }
}

async fn health(state: &Observed) -> Result<String, String> {
    let stages: Vec<(u32, ConnectionStage)> = {
        let runners = state.shards.runners.lock().await;
        runners.iter().map(|(id, runner)| (id.0, runner.stage)).collect()
    };
    if stages.is_empty() {
        return Err("no shard has started yet".into());
    }
    if let Some((id, stage)) = stages.iter().find(|(_, s)| *s != ConnectionStage::Connected) {
        return Err(format!("shard {id} is {stage}, not connected"));
    }
    match tokio::time::timeout(Duration::from_secs(2), state.store.ping()).await {
        Ok(Ok(_)) => Ok(format!("ok: {} shard(s) connected, the database answers", stages.len())),
        Ok(Err(error)) => Err(format!("the database does not answer: {error}")),
        Err(_) => Err("the database does not answer within 2 s".into()),
    }
}

async fn metrics_text(State(state): State<Observed>) -> (StatusCode, String) {
    let Some(handle) = &state.metrics else {
        return (StatusCode::SERVICE_UNAVAILABLE, "metrics are off in this process\n".into());
    };
    for (id, latency) in state
        .shards
        .runners
        .lock()
        .await
        .iter()
        .filter_map(|(id, runner)| Some((id.0, runner.latency?)))
    {
        metrics::gauge!(name::GATEWAY_LATENCY, "shard" => id.to_string())
            .set(latency.as_secs_f64());
    }
    if let Ok(counts) = state.store.outbox_counts().await {
        metrics::gauge!(name::OUTBOX_DEPTH).set((counts.pending + counts.sending) as f64);
    }
    (StatusCode::OK, handle.render())
}
