//! A connected bot for end-to-end tests: the fake Discord and `discord::start`, the code path
//! behind `recapbot run`.

use std::time::Duration;

use fake_discord::FakeDiscord;
use recapbot::config::Config;
use recapbot::discord::Bot;
use recapbot::ingest::article::{parse_article, Format, Hints};
use recapbot::recap::Article;
use serde_json::Value;

use super::{sample_article, TestDb};

pub const T: Duration = Duration::from_secs(10);

pub fn sample() -> Article {
    let text = std::fs::read_to_string(sample_article()).unwrap();
    parse_article(&text, Format::Text, &Hints::default()).unwrap()
}

/// The bot's configuration pointed at the fake Discord, every other setting at its default.
pub fn config_for(fake: &FakeDiscord) -> Config {
    recapbot::sandbox::fake_discord_config(Config::default(), fake)
}

/// The bot's settings for the fake Discord reached through `DISCORD_HTTP_PROXY`, where
/// nothing below the bot retries a 429 for it (serenity's rate limiter is off).
pub fn through_proxy(fake: &FakeDiscord) -> Config {
    let mut config = config_for(fake);
    config.tuning.discord_client = None;
    config.discord_http_proxy = Some(fake.proxy_url());
    config
}

/// The use cases over a store, with the default settings (for driving a dispatcher alone).
pub fn app(store: &recapbot::store::Store) -> recapbot::app::App {
    recapbot::bot::app(&Config::default(), store.clone())
}

pub async fn start_bot(fake: &FakeDiscord, db: &TestDb) -> Bot {
    start_bot_with(fake, db, config_for(fake)).await
}

pub async fn start_bot_with(fake: &FakeDiscord, db: &TestDb, config: Config) -> Bot {
    let bot = recapbot::bot::start(&config, db.store.clone()).await.expect("bot starts");
    fake.wait_commands(T).await;
    bot
}

/// A fake Discord and a connected bot over a store holding the sample article.
pub async fn online(db: &TestDb) -> (FakeDiscord, Bot) {
    db.store.save_article(&sample()).await.unwrap();
    let fake = FakeDiscord::start().await;
    let bot = start_bot(&fake, db).await;
    (fake, bot)
}

pub fn embed(reply: &Value) -> &Value {
    &reply["embeds"][0]
}

pub fn field<'a>(embed: &'a Value, name: &str) -> Option<&'a str> {
    embed["fields"].as_array()?.iter().find(|f| f["name"] == name).and_then(|f| f["value"].as_str())
}

/// Stops the bot and waits until the fake Discord sees it gone: from here on, events reach
/// nobody, as while a real bot is offline.
pub async fn stop_bot(fake: &FakeDiscord, bot: Bot) {
    drop(bot);
    fake.wait_until(T, "the bot to disconnect", |f| !f.gateway_connected()).await;
}
