//! The one way the bot comes up, behind `recapbot run`, the sandbox, the tests and the
//! benchmark: the use cases over the store, the Discord client with its vote worker and
//! alert dispatcher, and the feed poller.

use crate::app::App;
use crate::config::Config;
use crate::discord::{self, Bot, StartError};
use crate::ingest::fetch::Fetcher;
use crate::ingest::poll::Poller;
use crate::store::Store;

/// The use cases, wired to `store` with `config`'s settings.
pub fn app(config: &Config, store: Store) -> App {
    App::new(store, Fetcher::new(config.fetch_policy()), config.top_min_votes)
}

/// Starts everything on an opened store. The bot stops (every task with it) when dropped.
pub async fn start(config: &Config, store: Store) -> Result<Bot, StartError> {
    start_with(config, store, discord::commands()).await
}

/// [`start`] with another set of commands (the benchmark's fixed-answer floor).
pub(crate) async fn start_with(
    config: &Config,
    store: Store,
    commands: Vec<discord::Command>,
) -> Result<Bot, StartError> {
    let app = app(config, store);
    let poller = Poller::new(app.store.clone(), app.fetcher.clone(), config.feed_interval())
        .with_options(config.tuning.feed_poll.clone());
    let store = app.store.clone();
    let bot = discord::connect(config, app, commands).await?;
    if config.catalogue_mb > 0 {
        let (store, budget) = (store.clone(), config.catalogue_budget());
        // In the background: /recap reads the database until it is held.
        bot.adopt(tokio::spawn(async move {
            store.hold_catalogue(budget).await;
        }));
    }
    // Feeds are polled beside the bot; their new recaps reach Discord through the outbox.
    bot.adopt(poller.spawn(config.tuning.feed_tick));
    if let Some(addr) = config.metrics_addr {
        let (_, server) = crate::observe::serve(addr, store, bot.shard_manager.clone())
            .await
            .map_err(|e| StartError::MetricsAddr { addr, reason: e.to_string() })?;
        bot.adopt(server);
    }
    Ok(bot)
}
