//! New-recap alerts end to end: subscriptions through `/alerts`, publishing when a recap first
//! enters the store, and exactly one alert in each subscribed channel, crashes included.

use std::sync::Arc;
use std::time::Duration;

use crate::support::bot::{app, config_for, sample, start_bot_with, stop_bot, T};
use crate::support::driver::{keycap, member, messages_in, Message};
use crate::support::TestDb;
use fake_discord::{perms, FakeConfig, FakeDiscord};
use recapbot::discord::dispatcher::{DispatchOptions, Dispatcher};
use recapbot::ids::{ChannelId, GuildId};
use recapbot::store::subscriptions::NewSubscription;
use recapbot::store::Store;
use serde_json::json;

/// Messages the bot posted in a channel (alerts, not interaction replies).
pub(crate) fn alerts_in(fake: &FakeDiscord, channel: u64) -> Vec<Message> {
    messages_in(fake, channel).into_iter().filter(|m| m.content().contains("New recap: ")).collect()
}

async fn wait_alerts(fake: &FakeDiscord, channel: u64, n: usize) -> Vec<Message> {
    let what = format!("{n} alert(s) in channel {channel}");
    fake.wait_until(T, &what, |f| alerts_in(f, channel).len() >= n).await;
    alerts_in(fake, channel)
}

async fn subscribed_channel_gets_one_alert_with_role_and_reactions(db: TestDb) {
    db.store
        .save_article(&{
            let mut other = sample();
            other.episode = 1;
            other
        })
        .await
        .unwrap();
    let fake = FakeDiscord::start().await;
    let _bot = start_bot_with(&fake, &db, config_for(&fake)).await;
    let recaps = fake.channel("recaps");
    let reply = member(&fake, "alice")
        .slash(
            "alerts subscribe",
            json!([{"name": "channel", "value": "recaps"}, {"name": "show", "value": "soundtrack 1"},
                   {"name": "role", "value": "Fans"}]),
        )
        .await;
    assert_eq!(
        reply.content(),
        format!(
            "New recaps of **Soundtrack #1** will be posted in <#{recaps}>, mentioning <@&{}>.",
            fake.role_id("Fans")
        )
    );

    // The recap arrives (an import, here): published once.
    db.store.save_article(&sample()).await.unwrap();
    let alerts = wait_alerts(&fake, recaps, 1).await;
    let alert = &alerts[0];
    let fans = fake.role_id("Fans");
    assert_eq!(alert.content(), format!("<@&{fans}> New recap: **Soundtrack #1** S1E2"));
    assert_eq!(
        alert.allowed_mentions()["roles"],
        json!([fans.to_string()]),
        "the role is the only ping"
    );
    assert_eq!(alert.allowed_mentions()["parse"], json!([]));
    assert_eq!(
        alert.title(),
        "Soundtrack #1 — S1E2 · Track 2 – A picture is worth a thousand words"
    );
    assert!(alert.description().starts_with("||Episode 2 of Soundtrack #1 begin"));
    let id = alert.id.expect("the alert's id");
    let bot = fake.bot_user_id();
    fake.wait_until(T, "1️⃣–5️⃣ on the alert", |f| {
        (1..=5).all(|n| f.reactions(id, &format!("{n}\u{fe0f}\u{20e3}")).contains(&bot))
    })
    .await;

    // Importing it again, or a corrected version, alerts no one.
    db.store.save_article(&sample()).await.unwrap();
    let mut corrected = sample();
    corrected.recap.push_str("\n\nCorrection: the song is called “Distance”.");
    db.store.save_article(&corrected).await.unwrap();
    outbox_settled(&db).await;
    assert_eq!(alerts_in(&fake, recaps).len(), 1);
    assert!(alerts_in(&fake, fake.channel_id()).is_empty(), "only the subscribed channel");
    assert_eq!(db.store.outbox_counts().await.unwrap().delivered, 1);
}

async fn a_forum_channel_gets_each_alert_as_a_post_with_its_reactions(db: TestDb) {
    let fake = FakeDiscord::start_with(FakeConfig::default().forums(&["recap-talk"])).await;
    let bot = start_bot_with(&fake, &db, config_for(&fake)).await;
    let forum = fake.channel("recap-talk");
    // The channel picker offers text, announcement and forum channels.
    let alerts = fake.commands().into_iter().find(|c| c["name"] == "alerts").unwrap();
    let subscribe = alerts["options"].as_array().unwrap().iter().find(|o| o["name"] == "subscribe");
    let channel_option = &subscribe.unwrap()["options"][0];
    assert_eq!(channel_option["channel_types"], json!([0, 5, 15]));
    let reply = member(&fake, "alice")
        .slash(
            "alerts subscribe",
            json!([{"name": "channel", "value": "recap-talk"}, {"name": "thread", "value": true}]),
        )
        .await;
    assert_eq!(
        reply.content(),
        format!(
            "New recaps of every show will be posted in <#{forum}>, each as a post of its own."
        )
    );

    db.store.save_article(&sample()).await.unwrap();
    fake.wait_until(T, "a post in the forum", |f| {
        !f.requests_to(&format!("POST /channels/{forum}/threads")).is_empty()
    })
    .await;
    let created = &fake.requests_to(&format!("POST /channels/{forum}/threads"))[0];
    assert_eq!(created.status, 200, "{created}");
    assert_eq!(created.body["name"], "Soundtrack #1 S1E2");
    // The post is a thread whose first message is the alert, with the same id.
    let threads = fake.threads_in(forum);
    assert_eq!(threads.len(), 1, "one post");
    let id = threads[0];
    let alert = &alerts_in(&fake, id)[0];
    assert_eq!(alert.id, Some(id));
    assert_eq!(alert.content(), "New recap: **Soundtrack #1** S1E2");
    assert!(alert.buttons().iter().any(|b| b.label == "Read the recap"));
    wait_all_five(&fake, id).await;
    outbox_settled(&db).await;
    assert_eq!(fake.requests_to("POST /channels/*/messages").len(), 0, "no plain message");
    assert!(fake.requests_to("POST /channels/*/messages/*/threads").is_empty(), "no extra thread");

    // A member's 4️⃣ on the post is a vote, like on any rating post.
    fake.react("alice", id, id, &keycap(4));
    let alice = fake.user_id("alice") as i64;
    assert_eq!(
        crate::ratings::first_votes(&db).await,
        [(alice, 4)],
        "the reaction on the forum post counted"
    );

    // A crash between the post and recording it, with two reactions added: the next claim
    // finds the post among the forum's active ones instead of posting it again.
    stop_bot(&fake, bot).await;
    for n in 3..=5 {
        fake.unreact("recapbot", id, id, &keycap(n));
    }
    recapbot::harness::execute(
        &db.store,
        "UPDATE outbox SET state = 'sending', message_id = NULL, delivered_at = NULL, reacted_at = NULL, lease_until = 0",
    )
    .await;
    let dispatcher = Dispatcher::new(app(&db.store), http(&fake), DispatchOptions::default());
    assert_eq!(dispatcher.dispatch_once().await.unwrap(), 1);
    dispatcher.complete_reactions().await;
    assert_eq!(fake.threads_in(forum), [id], "not posted twice");
    assert_eq!(bot_scores(&fake, id), [1, 2, 3, 4, 5]);
    let counts = db.store.outbox_counts().await.unwrap();
    assert_eq!((counts.delivered, counts.reactions_owed), (1, 0), "{counts:?}");
}

async fn only_server_managers_change_alerts(db: TestDb) {
    let fake = FakeDiscord::start().await;
    let _bot = start_bot_with(&fake, &db, config_for(&fake)).await;
    let alerts = fake.commands().into_iter().find(|c| c["name"] == "alerts").unwrap();
    assert_eq!(alerts["default_member_permissions"], json!(perms_manage_guild().to_string()));
    let reply = member(&fake, "bob")
        .slash("alerts subscribe", json!([{"name": "channel", "value": "recaps"}]))
        .await;
    assert!(reply.is_private());
    assert_eq!(
        reply.content(),
        "Only members with **Manage Server** permission can use /alerts subscribe."
    );
    assert!(db.store.subscriptions(GuildId::new(fake.guild_id())).await.unwrap().is_empty());
}

fn perms_manage_guild() -> u64 {
    1 << 5
}

async fn a_channel_subscribed_twice_gets_one_alert(db: TestDb) {
    let fake = FakeDiscord::start().await;
    db.store
        .save_article(&{
            let mut seed = sample();
            seed.episode = 1;
            seed
        })
        .await
        .unwrap();
    let (show, _) = db.store.find_show("Soundtrack #1").await.unwrap().unwrap();
    let channel = fake.channel("recaps");
    for show in [Some(show), None] {
        db.store.subscribe(&subscription(&fake, channel, show)).await.unwrap();
    }
    let _bot = start_bot_with(&fake, &db, config_for(&fake)).await;
    db.store.save_article(&sample()).await.unwrap();
    wait_alerts(&fake, channel, 1).await;
    outbox_settled(&db).await;
    assert_eq!(alerts_in(&fake, channel).len(), 1);
    assert_eq!(db.store.outbox_counts().await.unwrap().delivered, 1, "one alert was queued");
}

/// Alerts reach Discord only through the outbox: once nothing in it is pending, being sent or
/// owed reactions, no further alert or reaction can appear, and a story may count what the
/// channel holds.
pub(crate) async fn outbox_settled(db: &TestDb) {
    for _ in 0..200 {
        let counts = db.store.outbox_counts().await.unwrap();
        if counts.pending == 0 && counts.sending == 0 && counts.reactions_owed == 0 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the outbox did not settle: {:?}", db.store.outbox_counts().await.unwrap());
}

fn subscription(
    fake: &FakeDiscord,
    channel: u64,
    show: Option<recapbot::recap::ShowId>,
) -> NewSubscription {
    NewSubscription {
        guild_id: GuildId::new(fake.guild_id()),
        channel_id: ChannelId::new(channel),
        show,
        role_id: None,
        spoilers: true,
        thread: false,
        forum: false,
        made_in: None,
    }
}

fn http(fake: &FakeDiscord) -> Arc<serenity::all::Http> {
    Arc::new(serenity::all::HttpBuilder::new(fake.token()).client(fake.http_client()).build())
}

/// Behind a rate-limiting proxy (`DISCORD_HTTP_PROXY`), where serenity's own limiter is off and
/// a 429 reaches the bot.
fn proxied_http(fake: &FakeDiscord) -> Arc<serenity::all::Http> {
    Arc::new(
        serenity::all::HttpBuilder::new(fake.token())
            .proxy(fake.proxy_url())
            .ratelimiter_disabled(true)
            .build(),
    )
}

/// The 1️⃣–5️⃣ the bot has put on a message, in order.
/// Waits until each of `channels` holds one alert carrying all of 1️⃣–5️⃣.
pub(crate) async fn every_channel_has_one_complete_alert(fake: &FakeDiscord, channels: &[u64]) {
    fake.wait_until(Duration::from_secs(30), "every alert with its 1️⃣–5️⃣", |f| {
        channels.iter().all(|&c| {
            let alerts = alerts_in(f, c);
            alerts.len() == 1 && bot_scores(f, alerts[0].id.unwrap()) == [1, 2, 3, 4, 5]
        })
    })
    .await;
}

pub(crate) fn bot_scores(fake: &FakeDiscord, message: u64) -> Vec<u8> {
    let bot = fake.bot_user_id();
    (1..=5).filter(|&n| fake.reactions(message, &keycap(n)).contains(&bot)).collect()
}

async fn wait_all_five(fake: &FakeDiscord, message: u64) {
    fake.wait_until(T, "1️⃣–5️⃣ on the alert", |f| {
        bot_scores(f, message) == [1, 2, 3, 4, 5]
    })
    .await;
}

async fn a_crash_between_post_and_commit_posts_once_after_restart(db: TestDb) {
    let fake = FakeDiscord::start().await;
    let channel = fake.channel("recaps");
    db.store.subscribe(&subscription(&fake, channel, None)).await.unwrap();
    db.store.save_article(&sample()).await.unwrap();

    // Leases are kept in whole seconds: 3 s stays unexpired across the immediate second try.
    let lease = Duration::from_secs(3);
    let options = DispatchOptions { lease, ..DispatchOptions::default() };
    let crashed = Dispatcher::new(app(&db.store), http(&fake), options.clone());
    assert_eq!(crashed.dispatch_once().await.unwrap(), 1);
    crashed.complete_reactions().await;
    let alerts = alerts_in(&fake, channel);
    assert_eq!(alerts.len(), 1, "posted");
    let alert = alerts[0].id.unwrap();
    // The process dies between the post and recording it, with two of the five reactions
    // added: the row stays claimed, under the lease of the dispatcher that died.
    for n in 3..=5 {
        fake.unreact("recapbot", channel, alert, &keycap(n));
    }
    let lease_until = chrono::Utc::now().timestamp() + 3;
    recapbot::harness::execute(
        &db.store,
        &format!(
            "UPDATE outbox SET state = 'sending', message_id = NULL, delivered_at = NULL, reacted_at = NULL, lease_until = {lease_until}"
        ),
    )
    .await;
    assert_eq!(db.store.outbox_counts().await.unwrap().sending, 1);

    // The restarted process (same database, a new connection pool) takes the alert over once
    // its lease has run out, and finds it already posted.
    let restarted = Store::open(&db.url).await.unwrap();
    let dispatcher = Dispatcher::new(app(&restarted), http(&fake), options);
    assert_eq!(dispatcher.dispatch_once().await.unwrap(), 0, "still leased to the crashed process");
    // Time passes: the crashed process's lease runs out.
    recapbot::harness::execute(&db.store, "UPDATE outbox SET lease_until = 0").await;
    assert_eq!(dispatcher.dispatch_once().await.unwrap(), 1);
    dispatcher.complete_reactions().await;
    assert_eq!(alerts_in(&fake, channel).len(), 1, "not posted twice");
    wait_all_five(&fake, alert).await;
    let counts = restarted.outbox_counts().await.unwrap();
    assert_eq!((counts.delivered, counts.reactions_owed), (1, 0), "{counts:?}");

    // Another crash, after recording the alert but before its reactions: they are owed, and
    // the next claim after the lease adds the missing ones.
    fake.unreact("recapbot", channel, alert, &keycap(1));
    recapbot::harness::execute(&db.store, "UPDATE outbox SET reacted_at = NULL, lease_until = 0")
        .await;
    assert_eq!(restarted.outbox_counts().await.unwrap().reactions_owed, 1);
    assert_eq!(dispatcher.dispatch_once().await.unwrap(), 1);
    dispatcher.complete_reactions().await;
    wait_all_five(&fake, alert).await;
    assert_eq!(alerts_in(&fake, channel).len(), 1);
    assert_eq!(restarted.outbox_counts().await.unwrap().reactions_owed, 0);
    let added = fake.requests_to("PUT /channels/*/messages/*/reactions/*/@me");
    assert_eq!(
        added.iter().filter(|r| r.status == 204).count(),
        5 + 3 + 1,
        "only the missing reactions were added again"
    );
    restarted.close().await;
}

async fn a_rate_limited_reaction_is_waited_out_and_the_rest_still_added(db: TestDb) {
    // Limits off but for the one 429 forced here.
    let fake = FakeDiscord::start_with(FakeConfig::default().without_rate_limits()).await;
    let channel = fake.channel("recaps");
    db.store.subscribe(&subscription(&fake, channel, None)).await.unwrap();
    db.store.save_article(&sample()).await.unwrap();
    fake.force_429_once(&format!("PUT /channels/*/messages/*/reactions/{}/@me", keycap(3)), 0.3);
    let dispatcher =
        Dispatcher::new(app(&db.store), proxied_http(&fake), DispatchOptions::default());
    assert_eq!(dispatcher.dispatch_once().await.unwrap(), 1);
    dispatcher.complete_reactions().await;
    let alert = alerts_in(&fake, channel)[0].id.unwrap();
    assert_eq!(fake.rate_limited_count(), 1, "the third reaction got a 429");
    assert_eq!(bot_scores(&fake, alert), [1, 2, 3, 4, 5]);
    assert_eq!(db.store.outbox_counts().await.unwrap().reactions_owed, 0);
}

async fn a_bot_stopped_mid_fan_out_leaves_every_alert_for_the_next_start(db: TestDb) {
    let names: Vec<String> = (0..60).map(|i| format!("fans-{i:02}")).collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let fake = FakeDiscord::start_with(FakeConfig::default().channels(&refs)).await;
    let channels: Vec<u64> = names.iter().map(|name| fake.channel(name)).collect();
    for &channel in &channels {
        db.store.subscribe(&subscription(&fake, channel, None)).await.unwrap();
    }
    let bot = start_bot_with(&fake, &db, config_for(&fake)).await;
    db.store.save_article(&sample()).await.unwrap();
    let posted = |f: &FakeDiscord| channels.iter().map(|&c| alerts_in(f, c).len()).sum::<usize>();
    fake.wait_until(T, "the fan-out to start", |f| posted(f) >= 5).await;
    // The operator stops the bot (SIGTERM) in the middle of the fan-out.
    bot.shutdown().await;
    let stopped_at = posted(&fake);
    let held: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM outbox WHERE lease_until IS NOT NULL AND state <> 'failed'",
    )
    .fetch_one(recapbot::harness::pool(&db.store))
    .await
    .unwrap();
    assert_eq!(held, 0, "every alert not finished is handed back, none left under a lease");

    // The next start takes them at once (no lease to wait out): every channel ends with one
    // complete alert.
    let _bot = start_bot_with(&fake, &db, config_for(&fake)).await;
    every_channel_has_one_complete_alert(&fake, &channels).await;
    outbox_settled(&db).await;
    assert_eq!(posted(&fake), 60, "none posted twice ({stopped_at} before the stop)");
    let counts = db.store.outbox_counts().await.unwrap();
    assert_eq!((counts.delivered, counts.reactions_owed), (60, 0), "{counts:?}");
}

/// A recap alerted into 120 channels against Discord's limits (50 requests a second for the
/// bot, each channel's buckets with their `X-RateLimit-*` headers).
async fn a_fan_out_at_discord_s_limits_draws_no_429(db: TestDb) {
    fan_out_at_discord_s_limits(&db, config_for).await;
}

/// The bot started with `config` alerts one recap into 120 channels against the fake enforcing
/// Discord's limits: every channel gets its one alert with 1️⃣–5️⃣, every alert is out before
/// the first reaction, no request draws a 429, and no second, however aligned, holds more than
/// Discord's 50 of the requests it limits.
pub(crate) async fn fan_out_at_discord_s_limits(
    db: &TestDb,
    config: impl FnOnce(&FakeDiscord) -> recapbot::config::Config,
) {
    let names: Vec<String> = (0..120).map(|i| format!("fans-{i:03}")).collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let fake = FakeDiscord::start_with(FakeConfig::default().channels(&refs)).await;
    let channels: Vec<u64> = names.iter().map(|name| fake.channel(name)).collect();
    for &channel in &channels {
        db.store.subscribe(&subscription(&fake, channel, None)).await.unwrap();
    }
    let bot = start_bot_with(&fake, db, config(&fake)).await;
    db.store.save_article(&sample()).await.unwrap();
    every_channel_has_one_complete_alert(&fake, &channels).await;
    outbox_settled(db).await;
    stop_bot(&fake, bot).await;

    let requests = fake.requests();
    assert_eq!(fake.rate_limited_count(), 0, "no request drew a 429");
    let posts: Vec<_> = requests.iter().filter(|r| r.method == "POST").map(|r| r.at).collect();
    let reactions: Vec<_> = requests.iter().filter(|r| r.path.contains("/reactions/")).collect();
    assert_eq!((posts.len(), reactions.len()), (120, 600), "each alert and reaction sent once");
    let last_alert = posts.iter().max().unwrap();
    assert!(reactions.iter().all(|r| r.at > *last_alert), "a reaction before the last alert");
    // Interaction answers and webhook-token routes are exempt from the global limit.
    let mut limited: Vec<_> = requests
        .iter()
        .filter(|r| !r.path.starts_with("/interactions/") && !r.path.starts_with("/webhooks/"))
        .map(|r| r.at)
        .collect();
    limited.sort();
    let busiest = (0..limited.len())
        .map(|i| {
            limited[i..].iter().take_while(|&&at| at - limited[i] <= Duration::from_secs(1)).count()
        })
        .max()
        .unwrap_or(0);
    assert!(busiest <= 50, "{busiest} requests within one second");
}

async fn a_deleted_channel_or_missing_permission_breaks_the_subscription_without_retries(
    db: TestDb,
) {
    let fake =
        FakeDiscord::start_with(FakeConfig::default().channels(&["general", "recaps", "gone"]))
            .await;
    let (gone, denied) = (fake.channel("gone"), fake.channel("recaps"));
    for channel in [gone, denied] {
        db.store.subscribe(&subscription(&fake, channel, None)).await.unwrap();
    }
    fake.delete_channel(gone);
    fake.deny_permission(denied, perms::SEND_MESSAGES);
    db.store.save_article(&sample()).await.unwrap();
    let dispatcher = Dispatcher::new(app(&db.store), http(&fake), DispatchOptions::default());
    assert_eq!(dispatcher.dispatch_once().await.unwrap(), 2);
    let subs = db.store.subscriptions(GuildId::new(fake.guild_id())).await.unwrap();
    let reason = |channel: u64| {
        subs.iter().find(|s| s.channel_id.get() == channel).unwrap().broken_reason.clone()
    };
    assert_eq!(reason(gone).as_deref(), Some("the channel was deleted"));
    assert_eq!(
        reason(denied).as_deref(),
        Some("recapbot may not post there (Missing Permissions)")
    );
    assert_eq!(db.store.outbox_counts().await.unwrap().failed, 2);
    let posts_before = fake.requests_to("POST /channels/*/messages").len();
    assert_eq!(dispatcher.dispatch_once().await.unwrap(), 0, "no retry loop");
    // A broken subscription gets no new alerts either.
    let mut next = sample();
    next.episode = 3;
    db.store.save_article(&next).await.unwrap();
    assert_eq!(dispatcher.dispatch_once().await.unwrap(), 0);
    assert_eq!(fake.requests_to("POST /channels/*/messages").len(), posts_before);

    // /alerts list tells the admin.
    let _bot = start_bot_with(&fake, &db, config_for(&fake)).await;
    let list = member(&fake, "alice").slash("alerts list", json!([])).await;
    let text = list.content();
    assert!(
        text.contains(&format!(
            "<#{gone}> — every show · spoilers hidden\n  ⚠️ stopped: the channel was deleted."
        )),
        "{text}"
    );
}

/// When a subscription breaks, the admins hear it once, in the channel they subscribed from,
/// not only in `/alerts list`.
async fn admins_are_told_once_where_they_subscribed_when_alerts_break(db: TestDb) {
    let fake =
        FakeDiscord::start_with(FakeConfig::default().channels(&["general", "recaps"])).await;
    let (general, recaps) = (fake.channel("general"), fake.channel("recaps"));
    let _bot = start_bot_with(&fake, &db, config_for(&fake)).await;
    member(&fake, "alice")
        .slash("alerts subscribe", json!([{"name": "channel", "value": "recaps"}]))
        .await;
    fake.delete_channel(recaps);
    db.store.save_article(&sample()).await.unwrap();
    let what = "the admins told in #general";
    let told = |f: &FakeDiscord| {
        f.messages(general)
            .into_iter()
            .filter(|m| m["content"].as_str().is_some_and(|c| c.starts_with("⚠️")))
            .collect::<Vec<_>>()
    };
    fake.wait_until(T, what, |f| !told(f).is_empty()).await;
    let mut next = sample();
    next.episode = 3;
    db.store.save_article(&next).await.unwrap();
    outbox_settled(&db).await;
    let notes = told(&fake);
    assert_eq!(notes.len(), 1, "told once: {notes:?}");
    assert_eq!(
        notes[0]["content"],
        format!("⚠️ New-recap alerts in <#{recaps}> have stopped: the channel was deleted. Fix it, then run `/alerts subscribe` again.")
    );
    assert_eq!(notes[0]["allowed_mentions"]["parse"], json!([]), "the note pings no one");
}

/// Two dispatchers (two processes' worth of connection pools) share one outbox: every one of
/// 1,000 alerts lands exactly once.
async fn two_dispatchers_deliver_a_thousand_alerts_exactly_once(db: TestDb) {
    let names: Vec<String> = (0..1_000).map(|i| format!("fans-{i:04}")).collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let fake =
        FakeDiscord::start_with(FakeConfig::default().channels(&refs).without_rate_limits()).await;
    for name in &names {
        db.store.subscribe(&subscription(&fake, fake.channel(name), None)).await.unwrap();
    }
    db.store.save_article(&sample()).await.unwrap();
    assert_eq!(db.store.outbox_counts().await.unwrap().pending, 1_000);

    let second = Store::open(&db.url).await.unwrap();
    let run = |store: Store| {
        let dispatcher = Dispatcher::new(app(&store), http(&fake), DispatchOptions::default());
        tokio::spawn(async move {
            let mut handled = 0;
            loop {
                let n = dispatcher.dispatch_once().await.unwrap();
                if n == 0 {
                    return handled;
                }
                handled += n;
            }
        })
    };
    let (a, b) = (run(db.store.clone()), run(second.clone()));
    let (a, b) = (a.await.unwrap(), b.await.unwrap());
    assert_eq!(a + b, 1_000, "each alert handled by one dispatcher ({a} + {b})");
    for name in &names {
        assert_eq!(alerts_in(&fake, fake.channel(name)).len(), 1, "{name}");
    }
    assert_eq!(db.store.outbox_counts().await.unwrap().delivered, 1_000);
    second.close().await;
}

/// A recap site on loopback serving the sample article and a feed.
async fn recap_site() -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let html = std::fs::read_to_string(root.join("soundtrack-1-s01e02.html")).unwrap();
    let feed = std::fs::read_to_string(root.join("feeds/wordpress-rss2.xml")).unwrap();
    // A real tag page: excerpts of several recaps, none of them whole.
    let archive = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/corpus/pages/342-tag-page-cultural-learnings.txt"),
    )
    .unwrap();
    let app = axum::Router::new()
        .route(
            "/tag/recaps",
            axum::routing::get(move || async move { ([("content-type", "text/plain")], archive) }),
        )
        .route(
            "/recap",
            axum::routing::get(move || async move { ([("content-type", "text/html")], html) }),
        )
        .route(
            "/feed",
            axum::routing::get(
                move || async move { ([("content-type", "application/rss+xml")], feed) },
            ),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    base
}

/// The operator allows private addresses: the test's recap site is on loopback.
fn trusting(fake: &FakeDiscord) -> recapbot::config::Config {
    recapbot::config::Config { allow_private_urls: true, ..config_for(fake) }
}

async fn publish_by_url_alerts_once_and_opens_a_thread(db: TestDb) {
    let site = recap_site().await;
    let fake = FakeDiscord::start().await;
    let channel = fake.channel("recaps");
    db.store
        .subscribe(&NewSubscription { thread: true, ..subscription(&fake, channel, None) })
        .await
        .unwrap();
    let _bot = start_bot_with(&fake, &db, trusting(&fake)).await;
    let url = format!("{site}/recap");
    let alice = member(&fake, "alice");
    let reply = alice.slash("publish", json!([{"name": "url", "value": url}])).await;
    assert_eq!(
        reply.content(),
        "Published **Soundtrack #1** S1E2: subscribed channels get an alert."
    );
    let alerts = wait_alerts(&fake, channel, 1).await;
    let id = alerts[0].id.expect("the alert's id");
    fake.wait_until(T, "the discussion thread", |f| {
        !f.requests_to(&format!("POST /channels/*/messages/{id}/threads")).is_empty()
    })
    .await;
    let thread = &fake.requests_to(&format!("POST /channels/*/messages/{id}/threads"))[0];
    assert_eq!(thread.body["name"], "Soundtrack #1 S1E2 discussion");

    let again = alice.slash("publish", json!([{"name": "url", "value": url}])).await;
    assert_eq!(again.content(), "**Soundtrack #1** S1E2 is already published, unchanged.");
    outbox_settled(&db).await;
    assert_eq!(alerts_in(&fake, channel).len(), 1);
}

/// The server's owner, whose Discord is in Korean, publishes a real tag page.
async fn publishing_a_page_that_is_no_recap_says_why_in_the_members_language(db: TestDb) {
    let site = recap_site().await;
    let fake = FakeDiscord::start_with(
        FakeConfig::default().members(&["minji", "alice"]).member_locale("minji", "ko"),
    )
    .await;
    let channel = fake.channel("recaps");
    db.store.subscribe(&subscription(&fake, channel, None)).await.unwrap();
    let _bot = start_bot_with(&fake, &db, trusting(&fake)).await;
    let url = format!("{site}/tag/recaps");
    let reply =
        member(&fake, "minji").slash("publish", json!([{"name": "url", "value": url}])).await;
    // "… is not a recap I can read: a list of articles." — the reason in her words too.
    assert_eq!(reply.content(), format!("{url}은(는) 읽을 수 있는 요약 글이 아닙니다: 기사 목록."));
    outbox_settled(&db).await;
    assert!(alerts_in(&fake, channel).is_empty(), "nothing published");
    assert!(db.store.list_recaps(None).await.unwrap().is_empty(), "nothing stored");
}

async fn member_urls_to_private_addresses_are_refused(db: TestDb) {
    let site = recap_site().await;
    let fake = FakeDiscord::start().await;
    let _bot = start_bot_with(&fake, &db, config_for(&fake)).await;
    let alice = member(&fake, "alice");
    let reply =
        alice.slash("publish", json!([{"name": "url", "value": format!("{site}/recap")}])).await;
    let text = reply.content();
    assert!(
        text.starts_with(&format!(
            "Cannot read {site}/recap: 127.0.0.1 resolves to 127.0.0.1, a private address"
        )),
        "{text}"
    );
    let reply = alice
        .slash("feeds add", json!([{"name": "url", "value": "http://169.254.169.254/latest/"}]))
        .await;
    assert!(reply.content().contains("a private address: not fetched"), "{reply}");
    assert!(db.store.feeds(None).await.unwrap().is_empty());
}

async fn admins_follow_list_and_drop_feeds(db: TestDb) {
    let site = recap_site().await;
    let fake = FakeDiscord::start().await;
    let _bot = start_bot_with(&fake, &db, trusting(&fake)).await;
    let url = format!("{site}/feed");
    let alice = member(&fake, "alice");
    let added = alice.slash("feeds add", json!([{"name": "url", "value": url}])).await;
    assert_eq!(
        added.content(),
        format!("Following {url}. Recaps already in it are not announced; new ones will be.")
    );
    let listed = alice.slash("feeds list", json!([])).await;
    assert!(listed.content().contains(&format!("{url} — not polled yet")), "{listed}");
    let not_feed =
        alice.slash("feeds add", json!([{"name": "url", "value": format!("{site}/recap")}])).await;
    assert!(
        not_feed.content().starts_with(&format!("Cannot follow {site}/recap: not a feed")),
        "{not_feed}"
    );
    let removed = alice.slash("feeds remove", json!([{"name": "feed", "value": url}])).await;
    assert_eq!(removed.content(), format!("No longer following {url}."));
    assert!(db.store.feeds(None).await.unwrap().is_empty());
    let denied = member(&fake, "bob").slash("feeds list", json!([])).await;
    assert_eq!(
        denied.content(),
        "Only members with **Manage Server** permission can use /feeds list."
    );
}

async fn a_server_error_is_retried_with_back_off_and_posts_once(db: TestDb) {
    let fake = FakeDiscord::start().await;
    let channel = fake.channel("recaps");
    db.store.subscribe(&subscription(&fake, channel, None)).await.unwrap();
    db.store.save_article(&sample()).await.unwrap();
    fake.force_status_once("POST /channels/*/messages", 500);
    let dispatcher = Dispatcher::new(app(&db.store), http(&fake), DispatchOptions::default());
    assert_eq!(dispatcher.dispatch_once().await.unwrap(), 1);
    assert!(alerts_in(&fake, channel).is_empty());
    let (state, error, wait): (String, String, i64) =
        sqlx::query_as("SELECT state, last_error, next_attempt_at - created_at FROM outbox")
            .fetch_one(recapbot::harness::pool(&db.store))
            .await
            .unwrap();
    assert_eq!(state, "pending");
    assert!(error.starts_with("HTTP 500"), "{error}");
    assert!(wait >= 5, "backed off {wait} s");
    assert_eq!(dispatcher.dispatch_once().await.unwrap(), 0, "not before its time");
    // Time passes.
    recapbot::harness::execute(&db.store, "UPDATE outbox SET next_attempt_at = 0").await;
    assert_eq!(dispatcher.dispatch_once().await.unwrap(), 1);
    assert_eq!(alerts_in(&fake, channel).len(), 1);
    assert_eq!(db.store.outbox_counts().await.unwrap().delivered, 1);
    assert!(
        db.store.subscriptions(GuildId::new(fake.guild_id())).await.unwrap()[0]
            .broken_reason
            .is_none(),
        "a 5xx breaks nothing"
    );
}

async fn an_alert_discord_refuses_is_not_retried(db: TestDb) {
    let fake = FakeDiscord::start().await;
    let channel = fake.channel("recaps");
    db.store.subscribe(&subscription(&fake, channel, None)).await.unwrap();
    db.store.save_article(&sample()).await.unwrap();
    fake.force_status_once("POST /channels/*/messages", 400);
    let dispatcher = Dispatcher::new(app(&db.store), http(&fake), DispatchOptions::default());
    assert_eq!(dispatcher.dispatch_once().await.unwrap(), 1);
    assert!(alerts_in(&fake, channel).is_empty());
    let counts = db.store.outbox_counts().await.unwrap();
    assert_eq!((counts.failed, counts.pending), (1, 0), "final, not queued again: {counts:?}");
    // Time passes: nothing is tried again.
    recapbot::harness::execute(&db.store, "UPDATE outbox SET next_attempt_at = 0").await;
    assert_eq!(dispatcher.dispatch_once().await.unwrap(), 0);
    assert_eq!(fake.requests_to("POST /channels/*/messages").len(), 1);
}

backend_tests!(
    an_alert_discord_refuses_is_not_retried,
    a_server_error_is_retried_with_back_off_and_posts_once,
    publish_by_url_alerts_once_and_opens_a_thread,
    publishing_a_page_that_is_no_recap_says_why_in_the_members_language,
    member_urls_to_private_addresses_are_refused,
    admins_follow_list_and_drop_feeds,
    subscribed_channel_gets_one_alert_with_role_and_reactions,
    a_forum_channel_gets_each_alert_as_a_post_with_its_reactions,
    only_server_managers_change_alerts,
    a_channel_subscribed_twice_gets_one_alert,
    a_crash_between_post_and_commit_posts_once_after_restart,
    a_rate_limited_reaction_is_waited_out_and_the_rest_still_added,
    a_bot_stopped_mid_fan_out_leaves_every_alert_for_the_next_start,
    a_fan_out_at_discord_s_limits_draws_no_429,
    a_deleted_channel_or_missing_permission_breaks_the_subscription_without_retries,
    admins_are_told_once_where_they_subscribed_when_alerts_break,
    two_dispatchers_deliver_a_thousand_alerts_exactly_once,
);
