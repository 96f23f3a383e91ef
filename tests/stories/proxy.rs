//! Behind a rate-limiting proxy (`DISCORD_HTTP_PROXY`), serenity's own rate limiter is off and
//! Discord's 429s reach the bot. Each is waited out as long as it asks and the request made
//! again, so no alert is posted twice or late and no reaction or vote is lost; a global one
//! holds every request of the process until it is over.

use std::time::Duration;

use fake_discord::{FakeConfig, FakeDiscord, RecordedRequest};
use recapbot::ids::{ChannelId, GuildId};
use recapbot::store::Backend;

use crate::alerts::{alerts_in, bot_scores, outbox_settled};
use crate::support::bot::{sample, start_bot_with, stop_bot, through_proxy, T};
use crate::support::driver::{keycap, member};
use crate::support::{on, subscribe_everything, TestDb};

/// What the 429s forced here ask for.
const ASKED: Duration = Duration::from_millis(1_500);

/// Only the 429s a story forces: the fake's own limits would add others at random.
async fn fake_discord(config: FakeConfig) -> FakeDiscord {
    FakeDiscord::start_with(config.without_rate_limits()).await
}

fn statuses(requests: &[RecordedRequest]) -> Vec<u16> {
    requests.iter().map(|r| r.status).collect()
}

/// The request after the 429 came no sooner than the 429 asked (on the fake's clock).
fn retried_as_asked(requests: &[RecordedRequest]) {
    let waited = requests[1].at - requests[0].at;
    assert!(waited >= ASKED, "retried {waited:?} after the 429, which asked for {ASKED:?}");
}

/// The channel's one alert, with its 1️⃣–5️⃣, once the outbox has nothing left to do.
async fn one_complete_alert(fake: &FakeDiscord, db: &TestDb, channel: u64) -> u64 {
    fake.wait_until(T, "an alert with its 1️⃣–5️⃣", |f| {
        alerts_in(f, channel).iter().any(|a| bot_scores(f, a.id.unwrap()) == [1, 2, 3, 4, 5])
    })
    .await;
    outbox_settled(db).await;
    let alerts = alerts_in(fake, channel);
    assert_eq!(alerts.len(), 1, "posted once");
    alerts[0].id.unwrap()
}

/// How many times each alert was claimed: 1 is posted at the first try, no back-off.
async fn attempts(db: &TestDb) -> Vec<i64> {
    sqlx::query_scalar("SELECT attempts FROM outbox ORDER BY id")
        .fetch_all(recapbot::harness::pool(&db.store))
        .await
        .unwrap()
}

async fn subscribe(fake: &FakeDiscord, db: &TestDb, channel: u64) {
    subscribe_everything(db, GuildId::new(fake.guild_id()), ChannelId::new(channel)).await;
}

#[tokio::test]
async fn an_alert_s_429_is_waited_out_as_asked_and_the_alert_posted_once() {
    on(Backend::Sqlite, |db| async move {
        let fake = fake_discord(FakeConfig::default()).await;
        let channel = fake.channel("recaps");
        subscribe(&fake, &db, channel).await;
        let _bot = start_bot_with(&fake, &db, through_proxy(&fake)).await;
        fake.force_429_once("POST /channels/*/messages", ASKED.as_secs_f64());
        db.store.save_article(&sample()).await.unwrap();
        one_complete_alert(&fake, &db, channel).await;
        let posts = fake.requests_to(&format!("POST /channels/{channel}/messages"));
        assert_eq!(statuses(&posts), [429, 200]);
        retried_as_asked(&posts);
        assert_eq!(attempts(&db).await, [1], "posted in its first delivery, not after a back-off");
    })
    .await;
}

#[tokio::test]
async fn a_reaction_s_429_is_waited_out_as_asked_and_the_reactions_stay_in_order() {
    on(Backend::Sqlite, |db| async move {
        let fake = fake_discord(FakeConfig::default()).await;
        let channel = fake.channel("recaps");
        subscribe(&fake, &db, channel).await;
        let _bot = start_bot_with(&fake, &db, through_proxy(&fake)).await;
        let third = format!("PUT /channels/*/messages/*/reactions/{}/@me", keycap(3));
        fake.force_429_once(&third, ASKED.as_secs_f64());
        db.store.save_article(&sample()).await.unwrap();
        one_complete_alert(&fake, &db, channel).await;
        let tries = fake.requests_to(&third);
        assert_eq!(statuses(&tries), [429, 204]);
        retried_as_asked(&tries);
        // Each keycap's digit, as its (percent-encoded) path begins with it.
        let added: String = fake
            .requests_to("PUT /channels/*/messages/*/reactions/*/@me")
            .iter()
            .filter_map(|r| r.path.split('/').nth(6)?.chars().next())
            .collect();
        assert_eq!(added, "123345", "in order, 3️⃣ twice");
    })
    .await;
}

/// Behind the proxy, the bot keeps each channel's bucket itself from Discord's headers: a
/// fan-out with its reactions (one a quarter second per channel) draws no 429 either.
#[tokio::test]
async fn a_fan_out_at_discord_s_limits_draws_no_429_through_the_proxy() {
    on(Backend::Sqlite, |db| async move {
        crate::alerts::fan_out_at_discord_s_limits(&db, through_proxy).await;
    })
    .await;
}

#[tokio::test]
async fn a_global_429_holds_every_request_until_it_is_over() {
    on(Backend::Sqlite, |db| async move {
        let names: Vec<String> = (0..30).map(|i| format!("fans-{i:02}")).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let fake = fake_discord(FakeConfig::default().channels(&refs)).await;
        let channels: Vec<u64> = names.iter().map(|name| fake.channel(name)).collect();
        for &channel in &channels {
            subscribe(&fake, &db, channel).await;
        }
        let _bot = start_bot_with(&fake, &db, through_proxy(&fake)).await;
        fake.force_global_429_once("POST /channels/*/messages", ASKED.as_secs_f64());
        db.store.save_article(&sample()).await.unwrap();
        crate::alerts::every_channel_has_one_complete_alert(&fake, &channels).await;
        outbox_settled(&db).await;
        assert_eq!(fake.rate_limited_count(), 1);
        assert!(channels.iter().all(|&c| alerts_in(&fake, c).len() == 1), "none posted twice");
        assert_eq!(attempts(&db).await, [1; 30], "every alert posted in its first delivery");

        let requests = fake.requests();
        let limited = requests.iter().find(|r| r.status == 429).unwrap();
        let retry = requests.iter().find(|r| r.path == limited.path && r.at > limited.at);
        let retry = retry.expect("the alert the 429 refused was posted again");
        assert!(retry.at - limited.at >= ASKED, "{:?} after the 429", retry.at - limited.at);
        // Requests already on their way when the 429 came may still arrive; none sent later
        // does before the 429 is over (a second's worth of the pace would have).
        let on_their_way = Duration::from_millis(300);
        let during: Vec<String> = requests
            .iter()
            .filter(|r| r.at > limited.at + on_their_way && r.at < limited.at + ASKED)
            .map(ToString::to_string)
            .collect();
        assert!(during.is_empty(), "sent during the global 429: {during:#?}");
    })
    .await;
}

#[tokio::test]
async fn a_429_on_the_start_up_reconciliation_s_reads_is_waited_out_and_the_vote_counts() {
    on(Backend::Sqlite, |db| async move {
        db.store.save_article(&sample()).await.unwrap();
        let fake = fake_discord(FakeConfig::default()).await;
        let bot = start_bot_with(&fake, &db, through_proxy(&fake)).await;
        let post = member(&fake, "alice").recap("Soundtrack #1", 2).await;
        let id = post.id.expect("a public recap");
        let me = fake.bot_user_id();
        fake.wait_until(T, "the bot's 1️⃣–5️⃣", |f| {
            (1..=5).all(|n| f.reactions(id, &keycap(n)).contains(&me))
        })
        .await;
        stop_bot(&fake, bot).await;

        // While the bot is down, bob votes; the first read of the next start draws a 429.
        member(&fake, "bob").rates(&post, 4);
        let reads = format!("GET /channels/*/messages/{id}/reactions/*");
        let before = fake.requests_to(&reads).len();
        fake.force_429_once(&reads, ASKED.as_secs_f64());
        let _bot = start_bot_with(&fake, &db, through_proxy(&fake)).await;
        let bob = fake.user_id("bob") as i64;
        assert_eq!(
            crate::ratings::first_votes(&db).await,
            [(bob, 4)],
            "the vote cast while the bot was down counts"
        );
        let tries = fake.requests_to(&reads).split_off(before);
        assert_eq!(statuses(&tries[..2]), [429, 200]);
        assert_eq!(tries[0].path, tries[1].path, "the same read again");
        retried_as_asked(&tries);
    })
    .await;
}
