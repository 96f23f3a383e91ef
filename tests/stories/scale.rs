//! Several `recapbot run` processes sharing one PostgreSQL database, each running a range of
//! the bot's shards, as a deployment grown past one process runs them: every guild answered by
//! the process owning its shard, once; the commands registered once; a feed polled once; each
//! alert posted once per channel, even when a process is killed in the middle of a fan-out.

use std::path::Path;
use std::process::Child;
use std::time::Duration;

use fake_discord::{FakeConfig, FakeDiscord, RateLimits};
use recapbot::ids::{ChannelId, GuildId};
use recapbot::store::Backend;
use serde_json::json;

use crate::feeds::{wordpress_feed, Site};
use crate::support::bot::sample;
use crate::support::{on, subscribe_everything};

/// Guilds besides the fake's own; with it, one on each of the 4 shards.
const GUILDS: [&str; 3] = ["Second Guild", "Third Guild", "Fourth Guild"];
const SHARDS: u32 = 4;
/// Session starts Discord allows at once: shards 0 and 2 share a bucket, 1 and 3 the other.
const MAX_CONCURRENCY: u32 = 2;
/// Start-up of 4 shards, 5 s apart in each bucket.
const STARTED: Duration = Duration::from_secs(40);
const T: Duration = Duration::from_secs(30);

/// A `recapbot run` process, killed (SIGKILL) when dropped so a failing story leaves none.
struct Process {
    child: Child,
    log: std::path::PathBuf,
}

impl Process {
    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// How many alert batches this process has claimed so far.
    fn batches(&self) -> usize {
        self.log().matches("posting alerts").count()
    }

    fn kill_9(&mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `recapbot run` for `shards` of [`SHARDS`], through the fake's proxy address.
fn run_shards(fake: &FakeDiscord, url: &str, dir: &Path, shards: &str) -> Process {
    let log = dir.join(format!("shards-{shards}.log"));
    let file = std::fs::File::create(&log).unwrap();
    let count = SHARDS.to_string();
    let env = [
        ("DISCORD_TOKEN", fake.token()),
        ("DISCORD_HTTP_PROXY", &fake.proxy_url()),
        ("DATABASE_URL", url),
        ("RECAPBOT_SHARDS", shards),
        ("RECAPBOT_SHARD_COUNT", &count),
        ("RECAPBOT_ALLOW_PRIVATE_URLS", "1"),
        ("RUST_LOG", "recapbot=info,warn"),
    ];
    let child = crate::run::recapbot_command(dir, &["run"], &env)
        .stdout(file.try_clone().unwrap())
        .stderr(file)
        .spawn()
        .unwrap();
    Process { child, log }
}

fn alerts_in(fake: &FakeDiscord, channel: u64) -> Vec<serde_json::Value> {
    fake.messages(channel)
        .into_iter()
        .filter(|m| m["content"].as_str().is_some_and(|c| c.contains("New recap: ")))
        .collect()
}

fn all_five(fake: &FakeDiscord, message: &serde_json::Value) -> bool {
    let id: u64 = message["id"].as_str().unwrap().parse().unwrap();
    let bot = fake.bot_user_id();
    recapbot::discord::votes::RATING_EMOJI.iter().all(|e| fake.reactions(id, e).contains(&bot))
}

/// Waits until every channel has `n` alerts, each with its 1️⃣–5️⃣.
async fn wait_alerts(fake: &FakeDiscord, channels: &[u64], n: usize) {
    let what = format!("{n} alert(s) with their reactions in each of {} channels", channels.len());
    fake.wait_until(T, &what, |f| {
        channels.iter().all(|c| {
            let alerts = alerts_in(f, *c);
            alerts.len() >= n && alerts.iter().all(|a| all_five(f, a))
        })
    })
    .await;
}

#[tokio::test]
async fn two_processes_split_the_shards_and_do_everything_once() {
    on(Backend::Postgres, |db| async move {
        let mut channels: Vec<String> = vec!["general".into()];
        channels.extend((0..30).map(|i| format!("news-{i:02}")));
        let names: Vec<&str> = channels.iter().map(String::as_str).collect();
        // In proxy mode the proxy keeps each route's bucket; what processes must share between
        // them is the bot's global limit.
        let global_only =
            RateLimits { routes: Vec::new(), default_route: None, global_per_second: Some(50) };
        let fake = FakeDiscord::start_with(
            FakeConfig::default()
                .channels(&names)
                .extra_guilds(&GUILDS)
                .sharding(SHARDS, MAX_CONCURRENCY)
                .rate_limits(global_only),
        )
        .await;
        db.store.save_article(&sample()).await.unwrap();
        let mut subscribed = Vec::new();
        for name in &names {
            subscribed.push((fake.guild_id(), fake.channel(name)));
        }
        for guild in GUILDS {
            subscribed.push((fake.guild(guild), fake.channel(guild)));
        }
        for (guild, channel) in &subscribed {
            subscribe_everything(&db, GuildId::new(*guild), ChannelId::new(*channel)).await;
        }
        let subscribed: Vec<u64> = subscribed.into_iter().map(|(_, c)| c).collect();
        // A recap site whose feed brings a new recap (S1E3) on the first poll.
        let (site, base) = Site::start().await;
        site.set_feed(wordpress_feed(&base, true), "application/rss+xml");
        db.store.add_feed(&format!("{base}/feed"), None, None, None, 2).await.unwrap();

        let dir = tempfile::tempdir().unwrap();
        let mut first = run_shards(&fake, &db.url, dir.path(), "0-1");
        let mut second = run_shards(&fake, &db.url, dir.path(), "2-3");
        fake.wait_shards(&[0, 1, 2, 3], STARTED).await;
        fake.wait_commands(T).await;
        let logs = || format!("{}\n{}", first.log(), second.log());

        // Each shard started once, and never two in one bucket within 5 s.
        let identifies = fake.identifies();
        assert_eq!(identifies.len(), 4, "{identifies:?}\n{}", logs());
        for bucket in 0..MAX_CONCURRENCY {
            let mut starts: Vec<_> =
                identifies.iter().filter(|(s, _)| s % MAX_CONCURRENCY == bucket).collect();
            starts.sort_by_key(|(_, at)| *at);
            for pair in starts.windows(2) {
                let apart = pair[1].1 - pair[0].1;
                assert!(apart >= Duration::from_millis(4_900), "{pair:?} only {apart:?} apart");
            }
        }
        assert_eq!(
            fake.requests_to("PUT /applications/*/commands").len(),
            1,
            "commands registered once for the deployment\n{}",
            logs()
        );

        // A member in each guild asks for a recap: one answer each, from the shard's owner.
        let guilds: Vec<u64> =
            std::iter::once(fake.guild_id()).chain(GUILDS.map(|g| fake.guild(g))).collect();
        let mut shards: Vec<u32> = guilds.iter().map(|g| fake.shard_of(*g)).collect();
        shards.sort_unstable();
        assert_eq!(shards, [0, 1, 2, 3], "one guild on each shard");
        let in_guild = std::iter::once(fake.channel("general")).chain(GUILDS.map(|g| fake.channel(g)));
        for channel in in_guild {
            let recap = fake.slash_in(
                "alice",
                channel,
                "recap",
                json!([{"name": "show", "value": "Soundtrack #1"}, {"name": "episode", "value": 2}]),
            );
            let reply = recap.reply(T).await;
            assert!(reply.to_string().contains("Soundtrack #1"), "{reply}");
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert_eq!(
            fake.requests_to("POST /interactions/*/*/callback").len(),
            4,
            "each /recap answered exactly once"
        );

        // The feed's new recap: polled by one process, alerted once in every channel.
        wait_alerts(&fake, &subscribed, 1).await;
        assert_eq!(site.feed_requests.lock().unwrap().len(), 1, "the feed was polled once");
        for channel in &subscribed {
            assert_eq!(alerts_in(&fake, *channel).len(), 1, "channel {channel}");
        }

        // Another recap, and the process posting its alerts is killed in the middle.
        let before = (first.batches(), second.batches());
        db.store
            .save_article(&{
                let mut next = sample();
                next.episode = 4;
                next
            })
            .await
            .unwrap();
        fake.wait_until(T, "the second recap's first alert", |f| {
            subscribed.iter().any(|c| alerts_in(f, *c).len() == 2)
        })
        .await;
        let second_posts = second.batches() > before.1;
        let (victim, survivor) =
            if second_posts { (&mut second, &first) } else { (&mut first, &second) };
        victim.kill_9();
        // The killed process's leases run out (60 s in production; the story skips the wait).
        recapbot::harness::execute(&db.store, "UPDATE outbox SET lease_until = 0").await;
        wait_alerts(&fake, &subscribed, 2).await;
        for channel in &subscribed {
            assert_eq!(alerts_in(&fake, *channel).len(), 2, "no alert twice, none lost: {channel}");
        }
        // The reactions on Discord come before their record in the outbox.
        let deadline = tokio::time::Instant::now() + T;
        let counts = loop {
            let counts = db.store.outbox_counts().await.unwrap();
            if counts.reactions_owed == 0 || tokio::time::Instant::now() > deadline {
                break counts;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        };
        assert_eq!(counts.delivered as usize, 2 * subscribed.len(), "{counts:?}");
        assert_eq!(counts.reactions_owed, 0, "every alert's reactions recorded: {counts:?}");
        assert_eq!(
            fake.rate_limited_count(),
            0,
            "the processes kept within the bot's global limit together\nsurvivor:\n{}",
            survivor.log()
        );
        assert!(fake.unexpected_requests().is_empty(), "{:?}", fake.unexpected_requests());
    })
    .await;
}

/// Two processes' dispatchers share one fan-out behind a proxy (where each 429 reaches the
/// bot): each paces itself at its share of the bot's global budget, so together they stay
/// under Discord's 50 requests a second and draw no 429, where each at the whole budget draws
/// some (`two_dispatchers_at_the_whole_budget_each` counts them).
#[tokio::test]
async fn two_dispatchers_split_the_global_budget_and_draw_no_429() {
    on(Backend::Postgres, |db| async move {
        let (limited, requests) = fan_out_by_two(db, true).await;
        assert_eq!(limited, 0, "no 429 in {requests} requests");
    })
    .await;
}

/// What the split saves: the same fan-out with each process at the whole budget. A
/// measurement (`--ignored --nocapture`), not a test.
#[tokio::test]
#[ignore]
async fn two_dispatchers_at_the_whole_budget_each() {
    on(Backend::Postgres, |db| async move {
        let (limited, requests) = fan_out_by_two(db, false).await;
        println!("without the split: {limited} × 429 in {requests} requests");
    })
    .await;
}

/// One recap alerted into 100 channels by two processes' dispatchers, each pacing at its
/// share (`split`) or at the whole budget; returns the 429s and the requests Discord saw.
async fn fan_out_by_two(db: crate::support::TestDb, split: bool) -> (u32, usize) {
    use std::sync::Arc;

    use recapbot::discord::dispatcher::{DispatchOptions, Dispatcher};
    use recapbot::discord::pace::{keep_share, Pace, PACED_REQUESTS_PER_SECOND};

    {
        let names: Vec<String> = (0..100).map(|i| format!("news-{i:03}")).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let global_only =
            RateLimits { routes: Vec::new(), default_route: None, global_per_second: Some(50) };
        let fake = FakeDiscord::start_with(
            FakeConfig::default().channels(&names).rate_limits(global_only),
        )
        .await;
        for name in &names {
            let channel = ChannelId::new(fake.channel(name));
            subscribe_everything(&db, GuildId::new(fake.guild_id()), channel).await;
        }
        // Small claims, so that both processes take part in the one fan-out.
        let options = DispatchOptions {
            batch: 10,
            poll: Duration::from_millis(100),
            ..DispatchOptions::default()
        };
        let mut running = Vec::new();
        for process in ["first", "second"] {
            let store = recapbot::store::Store::open(&db.url).await.unwrap();
            let pace = Arc::new(Pace::per_second(PACED_REQUESTS_PER_SECOND));
            let beat = if split {
                keep_share(
                    store.clone(),
                    process.into(),
                    "0-0 of 1".into(),
                    pace.clone(),
                    Duration::from_secs(1),
                )
                .await
            } else {
                tokio::spawn(async {})
            };
            let http = serenity::all::HttpBuilder::new(fake.token())
                .proxy(fake.proxy_url())
                .ratelimiter_disabled(true)
                .build();
            let dispatcher =
                Dispatcher::new(crate::support::bot::app(&store), Arc::new(http), options.clone())
                    .with_pace(pace);
            running.push((beat, dispatcher.clone(), dispatcher.spawn()));
        }
        // Both beat before the recap comes: each knows it has half.
        tokio::time::sleep(Duration::from_millis(1_200)).await;
        db.store.save_article(&sample()).await.unwrap();

        let channels: Vec<u64> = names.iter().map(|n| fake.channel(n)).collect();
        let what = "an alert with its reactions in each of 100 channels";
        let done = |f: &FakeDiscord| {
            channels.iter().all(|c| {
                let alerts = alerts_in(f, *c);
                alerts.len() == 1 && all_five(f, &alerts[0])
            })
        };
        if split {
            fake.wait_until(Duration::from_secs(60), what, done).await;
        } else {
            // Refused alerts wait out their back-off: the 429s are all drawn by then.
            tokio::time::sleep(Duration::from_secs(20)).await;
        }
        for (beat, dispatcher, task) in running {
            dispatcher.stop();
            let _ = task.await;
            beat.abort();
        }
        let limited = fake.rate_limited_count();
        if split {
            let posted = fake.requests_to("POST /channels/*/messages").len();
            assert_eq!(posted, 100, "each alert posted once");
        }
        (limited, fake.requests().len())
    }
}

/// The leases start-up work is done under: one holder at a time, taken over once it ran out.
async fn a_lease_is_one_process_s_until_it_runs_out(db: crate::support::TestDb) {
    let other = recapbot::store::Store::open(&db.url).await.unwrap();
    let second = Duration::from_secs(1);
    assert!(db.store.take_lease("register-commands", "a", second).await.unwrap());
    assert!(!other.take_lease("register-commands", "b", second).await.unwrap(), "a holds it");
    assert!(db.store.take_lease("register-commands", "a", second).await.unwrap(), "a extends it");
    assert!(other.take_lease("another-lease", "b", second).await.unwrap(), "leases are apart");
    // a dies without giving it back: b gets it once it has run out.
    tokio::time::sleep(Duration::from_millis(2_100)).await;
    assert!(other.take_lease("register-commands", "b", second).await.unwrap());
    other.release_lease("register-commands", "b").await.unwrap();
    assert!(db.store.take_lease("register-commands", "a", second).await.unwrap(), "given back");
    // Two processes beat: each counts both alive.
    assert_eq!(db.store.process_heartbeat("a", "0-1 of 4").await.unwrap(), 1);
    assert_eq!(other.process_heartbeat("b", "2-3 of 4").await.unwrap(), 2);
    other.process_stopped("b").await.unwrap();
    assert_eq!(db.store.process_heartbeat("a", "0-1 of 4").await.unwrap(), 1, "b left");
}

backend_tests!(a_lease_is_one_process_s_until_it_runs_out);
