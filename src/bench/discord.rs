//! The figures that need the fake Discord: `/recap` latency beside a bot that answers a fixed
//! string, and reaction events ingested per second beside the database's own upsert rate.

use std::time::{Duration, Instant};

use fake_discord::{FakeConfig, FakeDiscord};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::json;

use super::{article, micros, percentile, show_names, BenchOptions};
use crate::config::Config;
use crate::discord::{Command, Context, Error};
use crate::harness::scratch::Scratch;
use crate::ids::{ChannelId, GuildId, MessageId, UserId};
use crate::sandbox::fake_discord_config;
use crate::store::cache::CatalogueState;
use crate::store::{Backend, Store};

const T: Duration = Duration::from_secs(30);

async fn backends() -> anyhow::Result<Vec<(&'static str, Scratch)>> {
    let mut all = vec![("SQLite", Scratch::sqlite().await?)];
    if let Some(pg) = Scratch::for_backend(Backend::Postgres).await? {
        all.push(("PostgreSQL", pg));
    }
    Ok(all)
}

fn config(fake: &FakeDiscord) -> Config {
    fake_discord_config(Config::default(), fake)
}

/// Answers a fixed string: what `/recap` costs with no work at all, the latency floor.
#[poise::command(slash_command, rename = "recap")]
async fn fixed_recap(
    ctx: Context<'_>,
    #[description = "The show"] show: String,
    #[description = "Season"] season: Option<u32>,
    #[description = "Episode"] episode: Option<u32>,
    #[description = "Only you see the answer"] private: Option<bool>,
) -> Result<(), Error> {
    let _ = (show, season, episode, private);
    ctx.say("A fixed answer.").await?;
    Ok(())
}

fn floor_commands() -> Vec<Command> {
    vec![fixed_recap()]
}

/// Shows a server's members ask about again and again, for the warm figure: the few airing
/// this week, where the uniform draw over every show is the cold worst case.
const HOT_SHOWS: usize = 20;

/// The timings of one bot's `/recap`s: each from INTERACTION_CREATE to the callback's arrival
/// at the fake (its own clock, as the load figure takes it), and apart, to the moment the
/// waiting driver saw it, which adds the fake's answer to the bot and the driver's wake-up.
#[derive(Default)]
struct Timings {
    callback: Vec<Duration>,
    seen: Vec<Duration>,
}

impl Timings {
    async fn time(&mut self, fake: &FakeDiscord, options: &serde_json::Value) {
        let started = Instant::now();
        let handle = fake.slash("alice", "recap", options.clone());
        handle.response(T).await;
        self.seen.push(started.elapsed());
        self.callback.push(handle.response_time().expect("answered in time"));
    }

    fn sorted(mut self) -> Self {
        self.callback.sort();
        self.seen.sort();
        self
    }
}

/// The same `/recap`s asked of the bot and of the fixed-string bot in turn, each running on
/// its own fake beside the other, the first to be asked alternating. Whatever else the
/// machine does at a moment (the database settling after the load, another process) falls
/// on both alike, where timing one bot after the other would charge it to whichever ran then.
async fn time_recaps(
    bot: &FakeDiscord,
    floor: &FakeDiscord,
    names: &[String],
    options: BenchOptions,
) -> (Timings, Timings) {
    let mut rng = StdRng::seed_from_u64(11);
    let (mut recap, mut fixed) = (Timings::default(), Timings::default());
    for i in 0..options.requests {
        let show = &names[rng.gen_range(0..names.len())];
        let episode = rng.gen_range(1..=options.episodes_per_show) as i64;
        // Private, so the rating-post bookkeeping of public replies is not in this figure.
        let options = json!([{"name": "show", "value": show}, {"name": "episode", "value": episode},
                             {"name": "private", "value": true}]);
        if i % 2 == 0 {
            recap.time(bot, &options).await;
            fixed.time(floor, &options).await;
        } else {
            fixed.time(floor, &options).await;
            recap.time(bot, &options).await;
        }
    }
    (recap.sorted(), fixed.sorted())
}

/// Waits until the bot just started on `store` holds every recap in memory (or knows they do
/// not fit), which it loads in the background as it starts: the figures are its steady state.
async fn catalogue_settled(
    store: Store,
    loading: Instant,
) -> anyhow::Result<(CatalogueState, Duration)> {
    while matches!(store.catalogue_state(), CatalogueState::Loading | CatalogueState::Off) {
        anyhow::ensure!(loading.elapsed() < Duration::from_secs(600), "the catalogue never loaded");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    Ok((store.catalogue_state(), loading.elapsed()))
}

/// `episodes` recaps for each show, a thousand per transaction, and `votes` community votes
/// on each, from members of fifty other servers.
async fn load(
    store: &Store,
    names: &[String],
    episodes: usize,
    votes: usize,
) -> anyhow::Result<()> {
    let mut batch = Vec::with_capacity(1_000);
    for (i, name) in names.iter().enumerate() {
        for episode in 1..=episodes {
            let mut recap = article(name, i);
            recap.season = 1;
            recap.episode = episode as u32;
            recap.url = Some(format!("https://recaps.example/{i}/{episode}"));
            batch.push(recap);
            if batch.len() == 1_000 {
                store.save_articles(&batch).await?;
                batch.clear();
            }
        }
    }
    store.save_articles(&batch).await?;
    if votes > 0 {
        // One statement: the votes are the data /recap reads, not something to time here.
        let voters: Vec<String> = (1..=votes).map(|k| format!("SELECT {k} AS k")).collect();
        sqlx::query(&format!(
            "INSERT INTO ratings (guild_id, user_id, episode_id, score, message_id, voted_at)
             SELECT 1000 + e.id % 50, 5000 + v.k, e.id, (e.id + v.k) % 5 + 1, NULL, $1
             FROM episodes e CROSS JOIN ({}) v",
            voters.join(" UNION ALL ")
        ))
        .bind(crate::store::now())
        .execute(store.pool())
        .await?;
    }
    // Fresh planner statistics, as autovacuum would have gathered on a live database.
    if store.backend() == Backend::Postgres {
        sqlx::query("ANALYZE").execute(store.pool()).await?;
    }
    Ok(())
}

/// `/recap`'s latency on one loaded store beside the fixed-string bot's.
pub struct Latency {
    pub median: Duration,
    pub p99: Duration,
    pub floor_median: Duration,
    pub floor_p99: Duration,
    /// The same, asked about [`HOT_SHOWS`] shows only (the cache warm).
    pub hot_median: Duration,
    pub hot_p99: Duration,
    /// The cold median and p99 and the floor's, as the driver saw the answers arrive.
    pub seen: [Duration; 4],
    /// Whether every recap was held in memory, and how long after the bot's start.
    pub catalogue: (CatalogueState, Duration),
}

/// Loads `store` and times `/recap` on it, turn and turn about with the fixed-string bot.
pub async fn recap_latency_on(store: &Store, options: BenchOptions) -> anyhow::Result<Latency> {
    let names = show_names(options.shows);
    load(store, &names, options.episodes_per_show, options.votes_per_recap).await?;

    let fake = FakeDiscord::start_with(FakeConfig::default().without_rate_limits()).await;
    let started = Instant::now();
    let real = crate::bot::start(&config(&fake), store.clone()).await?;
    let settled = tokio::spawn(catalogue_settled(store.clone(), started));
    let floor_fake = FakeDiscord::start_with(FakeConfig::default().without_rate_limits()).await;
    let floor =
        crate::bot::start_with(&config(&floor_fake), store.clone(), floor_commands()).await?;
    fake.wait_commands(T).await;
    floor_fake.wait_commands(T).await;
    let catalogue = settled.await??;
    let (recap, fixed) = time_recaps(&fake, &floor_fake, &names, options).await;
    let hot_names = &names[..HOT_SHOWS.min(names.len())];
    let (hot, _) = time_recaps(&fake, &floor_fake, hot_names, options).await;
    drop((real, floor));
    Ok(Latency {
        median: percentile(&recap.callback, 0.5),
        p99: percentile(&recap.callback, 0.99),
        floor_median: percentile(&fixed.callback, 0.5),
        floor_p99: percentile(&fixed.callback, 0.99),
        hot_median: percentile(&hot.callback, 0.5),
        hot_p99: percentile(&hot.callback, 0.99),
        seen: [
            percentile(&recap.seen, 0.5),
            percentile(&recap.seen, 0.99),
            percentile(&fixed.seen, 0.5),
            percentile(&fixed.seen, 0.99),
        ],
        catalogue,
    })
}

pub async fn recap_latency(options: BenchOptions) -> anyhow::Result<()> {
    println!(
        "\n/recap latency: {} requests, {} shows, {} recaps, {} votes, fake Discord on 127.0.0.1 (rate limits off); INTERACTION_CREATE to the callback's arrival; the bot and the fixed-string bot asked in turn",
        options.requests,
        options.shows,
        options.shows * options.episodes_per_show,
        options.shows * options.episodes_per_show * options.votes_per_recap
    );
    for (backend, scratch) in backends().await? {
        let l = recap_latency_on(&scratch.store, options).await?;
        println!(
            "  {backend}: every recap {} in memory {:.0} ms after the bot started",
            if l.catalogue.0 == CatalogueState::Held { "held" } else { "NOT held" },
            l.catalogue.1.as_secs_f64() * 1e3
        );
        println!(
            "  {backend}: /recap median {}, p99 {}; fixed-string bot median {}, p99 {}; median ratio ×{:.2}, p99 ratio ×{:.2}",
            micros(l.median),
            micros(l.p99),
            micros(l.floor_median),
            micros(l.floor_p99),
            l.median.as_secs_f64() / l.floor_median.as_secs_f64(),
            l.p99.as_secs_f64() / l.floor_p99.as_secs_f64()
        );
        let [seen_median, seen_p99, floor_seen_median, floor_seen_p99] = l.seen;
        println!(
            "  {backend}, until the driver saw each answer: /recap median {}, p99 {}; fixed-string bot median {}, p99 {}; median ratio ×{:.2}, p99 ratio ×{:.2}",
            micros(seen_median),
            micros(seen_p99),
            micros(floor_seen_median),
            micros(floor_seen_p99),
            seen_median.as_secs_f64() / floor_seen_median.as_secs_f64(),
            seen_p99.as_secs_f64() / floor_seen_p99.as_secs_f64()
        );
        println!(
            "  {backend}, {HOT_SHOWS} shows asked again and again: /recap median {}, p99 {}; median ratio ×{:.2}, p99 ratio ×{:.2}",
            micros(l.hot_median),
            micros(l.hot_p99),
            l.hot_median.as_secs_f64() / l.floor_median.as_secs_f64(),
            l.hot_p99.as_secs_f64() / l.floor_p99.as_secs_f64()
        );
        scratch.remove().await?;
    }
    Ok(())
}

/// Reaction events from MESSAGE_REACTION_ADD to the vote durable in the database, beside the
/// database's own upsert rate for as many votes.
pub async fn reaction_ingest(options: BenchOptions) -> anyhow::Result<()> {
    let members: Vec<String> = (0..options.members).map(|i| format!("fan{i:05}")).collect();
    let mut names: Vec<&str> = vec!["alice"];
    names.extend(members.iter().map(String::as_str));
    println!(
        "\nreaction ingest: {} MESSAGE_REACTION_ADD events from {} members",
        options.reactions,
        members.len()
    );
    for (backend, scratch) in backends().await? {
        let store = scratch.store.clone();
        store.save_article(&article("Crimson Harbor", 1)).await?;
        let recap = store.list_recaps(None).await?.remove(0);

        // The database alone: as many vote upserts, one transaction each.
        let started = Instant::now();
        for i in 0..options.reactions {
            store
                .cast_vote(
                    GuildId::new(1),
                    UserId::new((i % members.len()) as u64),
                    recap.episode_id,
                    (i % 5) as u8 + 1,
                    MessageId::new(1),
                )
                .await?;
        }
        let raw = options.reactions as f64 / started.elapsed().as_secs_f64();

        let fake =
            FakeDiscord::start_with(FakeConfig::default().members(&names).without_rate_limits())
                .await;
        let bot = crate::bot::start(&config(&fake), store.clone()).await?;
        fake.wait_commands(T).await;
        let handle =
            fake.slash("alice", "recap", json!([{"name": "show", "value": "Crimson Harbor"}]));
        handle.reply(T).await;
        let post = handle.message_id().expect("the recap was posted");
        let channel = fake.channel_id();
        // The bot records its post just after the reply; reactions before that are only
        // caught up by the check after the burst, which would be timed instead of ingest.
        while store.post(MessageId::new(post)).await?.is_none() {
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        // Each member adds a number reaction; after a round of every member they come round
        // again with the next number (which changes their vote: the same number twice would
        // be no event at all).
        let score_of = |i: usize| (i % 5 + i / members.len()) % 5 + 1;
        let started = Instant::now();
        for i in 0..options.reactions {
            let emoji = format!("{}\u{fe0f}\u{20e3}", score_of(i));
            fake.react(&members[i % members.len()], channel, post, &emoji);
        }
        let sent = started.elapsed();
        let expected_votes = options.reactions.min(members.len()) as i64;
        let last = options.reactions - 1;
        let last_voter = fake.user_id(&members[last % members.len()]) as i64;
        let last_score = score_of(last) as i64;
        loop {
            let (votes, score): (i64, Option<i64>) = sqlx::query_as(
                "SELECT (SELECT COUNT(*) FROM ratings WHERE guild_id = $1),
                        (SELECT score FROM ratings WHERE guild_id = $1 AND user_id = $2)",
            )
            .bind(fake.guild_id() as i64)
            .bind(last_voter)
            .fetch_one(store.pool())
            .await?;
            if votes == expected_votes && score == Some(last_score) {
                break;
            }
            anyhow::ensure!(
                started.elapsed() < Duration::from_secs(300),
                "reaction ingest did not finish"
            );
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        let durable = started.elapsed();
        let ingest = options.reactions as f64 / durable.as_secs_f64();
        println!(
            "  {backend}: {ingest:.0} events/s gateway→database (the fake took {:.0} ms to send them); raw upserts {raw:.0}/s; ratio ×{:.2}",
            sent.as_secs_f64() * 1e3,
            ingest / raw
        );
        // What members see: the post ends on the score the database holds, edited at most
        // once per interval along the way.
        let scores = store.scores(recap.episode_id, Some(GuildId::new(fake.guild_id()))).await?;
        let final_line =
            crate::recap::render::score_line(&scores, crate::i18n::Locale::EN).unwrap_or_default();
        let shows_final = |f: &FakeDiscord| {
            f.message(channel, post).is_some_and(|m| {
                m["embeds"][0]["fields"].as_array().is_some_and(|fields| {
                    fields.iter().any(|field| field["value"].as_str() == Some(final_line.as_str()))
                })
            })
        };
        while !shows_final(&fake) {
            anyhow::ensure!(
                started.elapsed() < Duration::from_secs(300),
                "the post never showed the final score {final_line:?}"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        let shown = started.elapsed();
        let edits = fake.requests_to(&format!("PATCH /channels/*/messages/{post}")).len();
        println!(
            "  {backend}: the post showed the final score ({}) {:.1} s after the first event, in {edits} edits",
            final_line.replace('\n', " / "),
            shown.as_secs_f64()
        );
        // The bot lets its queue finish before the database it writes to goes away.
        bot.shutdown().await;
        scratch.remove().await?;
    }
    Ok(())
}

/// One recap to `channels` subscribed channels against the fake enforcing Discord's limits
/// (50 requests/s globally, per-channel buckets): wall time beside the bound N/50 s.
pub async fn fan_out(channels: usize) -> anyhow::Result<()> {
    use crate::discord::dispatcher::{DispatchOptions, Dispatcher};
    use crate::store::subscriptions::NewSubscription;

    let names: Vec<String> = (0..channels).map(|i| format!("fans-{i:04}")).collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    println!(
        "\nalert fan-out: one recap to {channels} channels, fake Discord enforcing 50 requests/s"
    );
    for (backend, scratch) in backends().await? {
        let fake = FakeDiscord::start_with(FakeConfig::default().channels(&refs)).await;
        for name in &names {
            let sub = NewSubscription {
                guild_id: GuildId::new(fake.guild_id()),
                channel_id: ChannelId::new(fake.channel(name)),
                show: None,
                role_id: None,
                spoilers: true,
                thread: false,
                forum: false,
                made_in: None,
            };
            scratch.store.subscribe(&sub).await?;
        }
        let http = std::sync::Arc::new(
            serenity::all::HttpBuilder::new(fake.token()).client(fake.http_client()).build(),
        );
        let app = crate::bot::app(&Config::default(), scratch.store.clone());
        let dispatcher = Dispatcher::new(app, http, DispatchOptions::default());
        scratch.store.save_article(&article("Crimson Harbor", 1)).await?;
        let started = Instant::now();
        while dispatcher.dispatch_once().await.map_err(|e| anyhow::anyhow!("{e}"))? > 0 {}
        let wall = started.elapsed().as_secs_f64();
        let delivered = scratch.store.outbox_counts().await?.delivered;
        // The reactions that follow the alerts are not part of the fan-out; they are handed
        // back to the outbox before the database goes.
        dispatcher.stop();
        dispatcher.complete_reactions().await;
        let bound = channels as f64 / 50.0;
        println!(
            "  {backend}: {delivered} alerts in {wall:.1} s; bound {bound:.1} s; ×{:.2} the bound; {} × 429",
            wall / bound,
            fake.rate_limited_count()
        );
        scratch.remove().await?;
    }
    Ok(())
}

/// Polls of feeds that answer 304 Not Modified, per second.
pub async fn feed_polls(feeds: usize) -> anyhow::Result<()> {
    use axum::http::{header, HeaderMap, StatusCode};
    use axum::response::IntoResponse;

    use crate::ingest::fetch::{FetchPolicy, Fetcher};
    use crate::ingest::poll::Poller;

    let app = axum::Router::new().route(
        "/feed/:n",
        axum::routing::get(|headers: HeaderMap| async move {
            if headers.contains_key(header::IF_NONE_MATCH) {
                StatusCode::NOT_MODIFIED.into_response()
            } else {
                (
                    [(header::ETAG, "\"v1\""), (header::CONTENT_TYPE, "application/rss+xml")],
                    "<rss version=\"2.0\"><channel><title>t</title></channel></rss>",
                )
                    .into_response()
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    tokio::spawn(async move { axum::serve(listener, app).await });
    println!("\nfeed polls: {feeds} feeds answering 304 Not Modified (loopback server)");
    for (backend, scratch) in backends().await? {
        for i in 0..feeds {
            scratch.store.add_feed(&format!("{base}/feed/{i}"), None, None, None, 0).await?;
        }
        let fetcher = Fetcher::new(FetchPolicy { allow_private: true, ..FetchPolicy::default() });
        // Interval 0: every feed is due again at once.
        let poller = Poller::new(scratch.store.clone(), fetcher, Duration::ZERO);
        while !poller.poll_due().await?.is_empty() {
            if scratch.store.feeds(None).await?.iter().all(|f| f.etag.is_some()) {
                break;
            }
        }
        let started = Instant::now();
        let mut polled = 0;
        while polled < feeds {
            polled += poller.poll_due().await?.len();
        }
        let rate = polled as f64 / started.elapsed().as_secs_f64();
        println!(
            "  {backend}: {rate:.0} polls/s (each a conditional GET answered 304 and one update)"
        );
        scratch.remove().await?;
    }
    Ok(())
}

/// Channels and members the /recap load comes from.
const LOAD_CHANNELS: usize = 25;
const LOAD_MEMBERS: usize = 200;

/// What a steady stream of public `/recap`s costs with Discord's rate limits on.
struct Load {
    sent: usize,
    answered: usize,
    /// INTERACTION_CREATE to the callback's arrival, of the answered ones.
    p50: Duration,
    p99: Duration,
    /// Callbacks that came too late (refused by the fake) or never.
    late: usize,
    rate_limited: u32,
    limited_routes: std::collections::BTreeMap<String, usize>,
    /// Rating reactions added while the load ran, and those still missing at its end.
    reactions_added: usize,
    reactions_missing: usize,
    /// How far behind its schedule the driver sent the last request.
    driver_lag: Duration,
}

/// `--load-rate` public `/recap`s a second for `--load-seconds`, open loop: each request
/// starts on its schedule whatever the earlier ones are doing, from members in several
/// channels asking about hot and cold shows.
async fn load_on(store: &Store, options: BenchOptions) -> anyhow::Result<Load> {
    let names = show_names(options.shows);
    load(store, &names, options.episodes_per_show, options.votes_per_recap).await?;
    let channels: Vec<String> = (0..LOAD_CHANNELS).map(|i| format!("load-{i:02}")).collect();
    let members: Vec<String> = (0..LOAD_MEMBERS).map(|i| format!("fan{i:03}")).collect();
    let fake = FakeDiscord::start_with(
        FakeConfig::default()
            .channels(&channels.iter().map(String::as_str).collect::<Vec<_>>())
            .members(&members.iter().map(String::as_str).collect::<Vec<_>>()),
    )
    .await;
    let channel_ids: Vec<u64> = channels.iter().map(|c| fake.channel(c)).collect();
    let started = Instant::now();
    let bot = crate::bot::start(&config(&fake), store.clone()).await?;
    let settled = tokio::spawn(catalogue_settled(store.clone(), started));
    fake.wait_commands(T).await;
    let (held, after) = settled.await??;
    println!(
        "  every recap {} in memory {:.0} ms after the bot started; the load starts then",
        if held == CatalogueState::Held { "held" } else { "NOT held" },
        after.as_secs_f64() * 1e3
    );

    let total = options.load_rate as usize * options.load_seconds as usize;
    let every = Duration::from_secs(1) / options.load_rate;
    let mut rng = StdRng::seed_from_u64(13);
    let mut handles = Vec::with_capacity(total);
    let started = tokio::time::Instant::now();
    let mut ticks = tokio::time::interval_at(started, every);
    // A late tick is sent at once, then the schedule goes on: the rate holds on average.
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
    let mut driver_lag = Duration::ZERO;
    for i in 0..total {
        let due = ticks.tick().await;
        driver_lag = due.elapsed();
        // Half the requests are about the few shows airing this week.
        let show = if rng.gen_bool(0.5) {
            &names[rng.gen_range(0..HOT_SHOWS.min(names.len()))]
        } else {
            &names[rng.gen_range(0..names.len())]
        };
        let episode = rng.gen_range(1..=options.episodes_per_show) as i64;
        let member = &members[rng.gen_range(0..members.len())];
        let channel = channel_ids[i % channel_ids.len()];
        let options =
            json!([{"name": "show", "value": show}, {"name": "episode", "value": episode}]);
        handles.push(fake.slash_in(member, channel, "recap", options));
    }
    // The last requests get their deadline to be answered.
    tokio::time::sleep(Duration::from_secs(4)).await;

    let mut times: Vec<Duration> = handles.iter().filter_map(|h| h.response_time()).collect();
    times.sort();
    let answered = times.len();
    let late = total - times.iter().filter(|t| **t <= Duration::from_secs(3)).count();
    let bot_id = fake.bot_user_id();
    let mut added = 0;
    for post in handles.iter().filter_map(|h| h.message_id()) {
        added += (1..=5)
            .filter(|n| fake.reactions(post, &format!("{n}\u{fe0f}\u{20e3}")).contains(&bot_id))
            .count();
    }
    let posts = handles.iter().filter(|h| h.message_id().is_some()).count();
    let rate_limited = fake.rate_limited_count();
    // Which routes drew them, ids and tokens left out: what to fix when there are any.
    let mut limited_routes: std::collections::BTreeMap<String, usize> = Default::default();
    for request in fake.requests().iter().filter(|r| r.status == 429) {
        let route: Vec<&str> = request
            .path
            .split('/')
            .enumerate()
            .map(|(i, s)| {
                let token = i == 3 && request.path.starts_with("/webhooks/");
                if token || (!s.is_empty() && s.chars().all(|c| c.is_ascii_digit())) {
                    "*"
                } else {
                    s
                }
            })
            .collect();
        *limited_routes.entry(format!("{} {}", request.method, route.join("/"))).or_default() += 1;
    }
    bot.shutdown().await;
    Ok(Load {
        sent: total,
        answered,
        p50: if times.is_empty() { Duration::ZERO } else { percentile(&times, 0.5) },
        p99: if times.is_empty() { Duration::ZERO } else { percentile(&times, 0.99) },
        late,
        rate_limited,
        limited_routes,
        reactions_added: added,
        reactions_missing: posts * 5 - added,
        driver_lag,
    })
}

pub async fn recap_load(options: BenchOptions) -> anyhow::Result<()> {
    println!(
        "\n/recap under load: {} public /recap a second for {} s from {LOAD_MEMBERS} members in {LOAD_CHANNELS} channels, {} shows, fake Discord enforcing its rate limits (50 requests/s globally)",
        options.load_rate, options.load_seconds, options.shows
    );
    for (backend, scratch) in backends().await? {
        let l = load_on(&scratch.store, options).await?;
        println!(
            "  {backend}: {} sent, {} answered; INTERACTION_CREATE→callback p50 {}, p99 {} (p99/p50 ×{:.2}); {} past the 3 s deadline; {} × 429; driver behind schedule by {} at the end",
            l.sent,
            l.answered,
            micros(l.p50),
            micros(l.p99),
            l.p99.as_secs_f64() / l.p50.as_secs_f64().max(1e-9),
            l.late,
            l.rate_limited,
            micros(l.driver_lag),
        );
        if !l.limited_routes.is_empty() {
            println!("  {backend}: 429s by route: {:?}", l.limited_routes);
        }
        let run = options.load_seconds as f64 + 4.0;
        let budget = f64::from(crate::discord::pace::PACED_REQUESTS_PER_SECOND);
        println!(
            "  {backend}: rating reactions added {} ({:.1}/s over the run, the budget being {budget}/s), still queued at the end {} (×{:.1} the added; {:.0} s more at {budget}/s)",
            l.reactions_added,
            l.reactions_added as f64 / run,
            l.reactions_missing,
            l.reactions_missing as f64 / l.reactions_added.max(1) as f64,
            l.reactions_missing as f64 / budget
        );
        scratch.remove().await?;
    }
    Ok(())
}
