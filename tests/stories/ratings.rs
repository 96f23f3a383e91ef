//! Community ratings through reactions, end to end: members react on the bot's recap posts
//! in the fake Discord, and the post shows the score they would see.

use std::process::{Child, Command};
use std::time::Duration;

use crate::support::bot::{config_for, sample, start_bot_with, stop_bot, T};
use crate::support::driver::{answer_until, keycap, member, message_in, Message, NOTIFIED};
use crate::support::TestDb;
use fake_discord::{perms, FakeConfig, FakeDiscord};
use recapbot::config::Config;
use recapbot::discord::Bot;
use recapbot::ids::{GuildId, MessageId, UserId};
use recapbot::store::Backend;
use serde_json::json;

/// Score edits this far apart keep the tests quick; the burst test uses the real interval.
fn quick(fake: &FakeDiscord) -> Config {
    let mut config = config_for(fake);
    config.tuning.score_edit_interval = Duration::from_millis(300);
    config
}

async fn setup(db: &TestDb, config: FakeConfig) -> (FakeDiscord, Bot) {
    db.store.save_article(&sample()).await.unwrap();
    let fake = FakeDiscord::start_with(config).await;
    let bot = start_bot_with(&fake, db, quick(&fake)).await;
    (fake, bot)
}

/// Posts `/recap` of the sample publicly and waits for its five rating reactions.
async fn rating_post(fake: &FakeDiscord) -> Message {
    let post = member(fake, "alice").recap("Soundtrack #1", 2).await;
    let message = post.id.expect("the reply is a message");
    let bot = fake.bot_user_id();
    fake.wait_until(T, "the bot's 1️⃣–5️⃣ reactions", |f| {
        (1..=5).all(|n| f.reactions(message, &keycap(n)).contains(&bot))
    })
    .await;
    post
}

/// The post's Community field as it shows now.
fn community(fake: &FakeDiscord, post: &Message) -> String {
    let id = post.id.expect("a posted message");
    let shown = message_in(fake, fake.channel_id(), id).expect("post exists");
    shown.field("Community").unwrap_or_default().to_string()
}

async fn wait_community(fake: &FakeDiscord, message: &Message, expected: &str) {
    let what = format!("the post to show {expected:?}");
    fake.wait_until(T, &what, |f| community(f, message) == expected).await;
}

/// Every vote stored, as (member, score), by member.
pub(crate) async fn votes(db: &TestDb) -> Vec<(i64, i64)> {
    sqlx::query_as("SELECT user_id, score FROM ratings ORDER BY user_id")
        .fetch_all(recapbot::harness::pool(&db.store))
        .await
        .unwrap()
}

/// The votes once there are any (a reaction reaches the database a moment after Discord).
pub(crate) async fn first_votes(db: &TestDb) -> Vec<(i64, i64)> {
    let deadline = tokio::time::Instant::now() + T;
    loop {
        let stored = votes(db).await;
        if !stored.is_empty() || tokio::time::Instant::now() > deadline {
            return stored;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

async fn a_member_reacts_and_the_post_shows_the_score(db: TestDb) {
    let (fake, _bot) = setup(&db, FakeConfig::default()).await;
    let post = rating_post(&fake).await;
    assert_eq!(
        community(&fake, &post),
        "No votes yet — rate with 1️⃣–5️⃣",
        "the bot's own reactions are no votes"
    );
    member(&fake, "alice").rates(&post, 4);
    wait_community(&fake, &post, "This server: ★ 4.0 · 1 vote\nAll servers: ★ 4.0 · 1 vote").await;
    member(&fake, "bob").rates(&post, 5);
    wait_community(&fake, &post, "This server: ★ 4.5 · 2 votes\nAll servers: ★ 4.5 · 2 votes")
        .await;
}

/// A Discord (or a proxy) that answers the callback with no body, whatever `with_response`
/// asks: the bot asks for its message instead, and the post still counts votes.
async fn a_callback_answered_without_its_message_still_makes_a_rating_post(db: TestDb) {
    let (fake, _bot) = setup(&db, FakeConfig::default().without_callback_response()).await;
    let post = rating_post(&fake).await;
    let id = post.id.unwrap();
    let bot = fake.bot_user_id();
    fake.wait_until(T, "the post's 1️⃣–5️⃣", |f| {
        (1..=5).all(|n| f.reactions(id, &keycap(n)).contains(&bot))
    })
    .await;
    member(&fake, "bob").rates(&post, 2);
    wait_community(&fake, &post, "This server: ★ 2.0 · 1 vote\nAll servers: ★ 2.0 · 1 vote").await;
}

async fn another_number_replaces_the_vote_and_the_old_reaction_goes(db: TestDb) {
    let config = FakeConfig::default().bot_permissions(perms::BOT_DEFAULT | perms::MANAGE_MESSAGES);
    let (fake, _bot) = setup(&db, config).await;
    let post = rating_post(&fake).await;
    let alice = member(&fake, "alice");
    alice.rates(&post, 4);
    wait_community(&fake, &post, "This server: ★ 4.0 · 1 vote\nAll servers: ★ 4.0 · 1 vote").await;
    alice.rates(&post, 2);
    wait_community(&fake, &post, "This server: ★ 2.0 · 1 vote\nAll servers: ★ 2.0 · 1 vote").await;
    let (id, alice_id) = (post.id.unwrap(), fake.user_id("alice"));
    fake.wait_until(T, "alice's 4️⃣ removed by the bot", |f| {
        !f.reactions(id, &keycap(4)).contains(&alice_id)
    })
    .await;
    assert_eq!(votes(&db).await, vec![(alice_id as i64, 2)]);
}

async fn without_manage_messages_the_newest_reaction_is_the_vote(db: TestDb) {
    let (fake, _bot) = setup(&db, FakeConfig::default()).await;
    let post = rating_post(&fake).await;
    let alice = member(&fake, "alice");
    alice.rates(&post, 4);
    wait_community(&fake, &post, "This server: ★ 4.0 · 1 vote\nAll servers: ★ 4.0 · 1 vote").await;
    alice.rates(&post, 1);
    wait_community(&fake, &post, "This server: ★ 1.0 · 1 vote\nAll servers: ★ 1.0 · 1 vote").await;
    assert!(
        fake.reactions(post.id.unwrap(), &keycap(4)).contains(&fake.user_id("alice")),
        "the bot could not remove it, and did not pretend to"
    );
    // Taking back the 4️⃣, which no longer holds the vote, changes nothing.
    alice.unrates(&post, 4);
    member(&fake, "bob").rates(&post, 3);
    wait_community(&fake, &post, "This server: ★ 2.0 · 2 votes\nAll servers: ★ 2.0 · 2 votes")
        .await;
}

async fn removing_the_reaction_withdraws_the_vote(db: TestDb) {
    let (fake, _bot) = setup(&db, FakeConfig::default()).await;
    let post = rating_post(&fake).await;
    let alice = member(&fake, "alice");
    alice.rates(&post, 4);
    wait_community(&fake, &post, "This server: ★ 4.0 · 1 vote\nAll servers: ★ 4.0 · 1 vote").await;
    alice.unrates(&post, 4);
    wait_community(&fake, &post, "No votes yet — rate with 1️⃣–5️⃣").await;
    assert!(votes(&db).await.is_empty());
}

async fn bots_and_other_emoji_and_other_messages_do_not_vote(db: TestDb) {
    let (fake, _bot) = setup(&db, FakeConfig::default().other_bots(&["dj-bot"])).await;
    let post = rating_post(&fake).await;
    let chatter = fake.user_message("bob", fake.channel_id(), "what a finale");
    let chatter = message_in(&fake, fake.channel_id(), chatter).expect("bob's message");
    let alice = member(&fake, "alice");
    member(&fake, "dj-bot").rates(&post, 5);
    alice.reacts(&post, "👍");
    alice.rates(&chatter, 4);
    // A real vote after them: once it shows, the ones before it have been handled.
    member(&fake, "bob").rates(&post, 3);
    wait_community(&fake, &post, "This server: ★ 3.0 · 1 vote\nAll servers: ★ 3.0 · 1 vote").await;
    assert_eq!(votes(&db).await, vec![(fake.user_id("bob") as i64, 3)]);
}

async fn two_posts_of_one_episode_hold_one_vote(db: TestDb) {
    let (fake, _bot) = setup(&db, FakeConfig::default()).await;
    let first = rating_post(&fake).await;
    let second = rating_post(&fake).await;
    assert_ne!(first.id, second.id);
    let alice = member(&fake, "alice");
    alice.rates(&first, 3);
    wait_community(&fake, &first, "This server: ★ 3.0 · 1 vote\nAll servers: ★ 3.0 · 1 vote").await;
    alice.rates(&second, 5);
    let expected = "This server: ★ 5.0 · 1 vote\nAll servers: ★ 5.0 · 1 vote";
    wait_community(&fake, &second, expected).await;
    wait_community(&fake, &first, expected).await;
    assert_eq!(votes(&db).await.len(), 1);
}

async fn votes_cast_and_withdrawn_while_offline_count_after_a_restart(db: TestDb) {
    let (fake, bot) = setup(&db, FakeConfig::default()).await;
    let post = rating_post(&fake).await;
    let alice = member(&fake, "alice");
    alice.rates(&post, 2);
    wait_community(&fake, &post, "This server: ★ 2.0 · 1 vote\nAll servers: ★ 2.0 · 1 vote").await;
    stop_bot(&fake, bot).await;

    // While the bot is down: alice takes her vote back, bob votes.
    alice.unrates(&post, 2);
    member(&fake, "bob").rates(&post, 5);
    let _bot = start_bot_with(&fake, &db, quick(&fake)).await;
    wait_community(&fake, &post, "This server: ★ 5.0 · 1 vote\nAll servers: ★ 5.0 · 1 vote").await;
    assert_eq!(votes(&db).await, vec![(fake.user_id("bob") as i64, 5)]);
}

async fn a_deleted_post_ends_its_reconciliation_quietly(db: TestDb) {
    let (fake, bot) = setup(&db, FakeConfig::default()).await;
    let post = rating_post(&fake).await.id.unwrap();
    stop_bot(&fake, bot).await;
    fake.delete_message(fake.channel_id(), post);
    let _bot = start_bot_with(&fake, &db, quick(&fake)).await;
    let pattern = format!("GET /channels/*/messages/{post}/reactions/*");
    fake.wait_until(T, "reconciliation to look at the deleted post", |f| {
        !f.requests_to(&pattern).is_empty()
    })
    .await;
    let gone = || async {
        sqlx::query_scalar::<_, i64>("SELECT gone FROM posts WHERE message_id = $1")
            .bind(post as i64)
            .fetch_one(recapbot::harness::pool(&db.store))
            .await
            .unwrap()
    };
    for _ in 0..50 {
        if gone().await == 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(gone().await, 1, "the post is marked gone");
    // A newer post that still exists: reconciliation reads posts oldest first, so once it
    // has read this one's reactions it is past the deleted post.
    let live = rating_post(&fake).await.id.unwrap();
    let asked = fake.requests_to(&pattern).len();
    stop_bot(&fake, _bot).await;
    let live_pattern = format!("GET /channels/*/messages/{live}/reactions/*");
    let before = fake.requests_to(&live_pattern).len();
    // The next start does not ask about the deleted post again.
    let _again = start_bot_with(&fake, &db, quick(&fake)).await;
    fake.wait_until(T, "reconciliation to read the live post", |f| {
        f.requests_to(&live_pattern).len() >= before + 5
    })
    .await;
    assert_eq!(fake.requests_to(&pattern).len(), asked);
}

/// 5,000 reaction events on one post: a handful of edits, and the last shows the exact score.
async fn a_burst_of_reactions_makes_few_edits_and_ends_exact(db: TestDb) {
    let members: Vec<String> = (0..250).map(|i| format!("fan{i:03}")).collect();
    let names: Vec<&str> =
        std::iter::once("alice").chain(members.iter().map(String::as_str)).collect();
    db.store.save_article(&sample()).await.unwrap();
    let fake = FakeDiscord::start_with(FakeConfig::default().members(&names)).await;
    let _bot = start_bot_with(&fake, &db, config_for(&fake)).await;
    let post = rating_post(&fake).await;
    let id = post.id.unwrap();
    let edits_before = fake.requests_to(&format!("PATCH /channels/*/messages/{id}")).len();

    let started = std::time::Instant::now();
    let mut events = 0;
    let mut final_votes = vec![None; members.len()];
    'burst: for round in 0..20u8 {
        for (i, name) in members.iter().enumerate() {
            if events >= 5_000 {
                break 'burst;
            }
            let score = ((i + usize::from(round)) % 5 + 1) as u8;
            let fan = member(&fake, name);
            match final_votes[i] {
                // Now and then a member takes their vote back instead of changing it.
                Some(previous) if round % 2 == 1 && i % 3 == 0 => {
                    fan.unrates(&post, previous);
                    final_votes[i] = None;
                }
                Some(previous) => {
                    fan.unrates(&post, previous);
                    fan.rates(&post, score);
                    events += 1;
                    final_votes[i] = Some(score);
                }
                None => {
                    fan.rates(&post, score);
                    final_votes[i] = Some(score);
                }
            }
            events += 1;
        }
    }
    let cast: Vec<u8> = final_votes.iter().flatten().copied().collect();
    assert!((5_000..=5_001).contains(&events));
    assert!(!cast.is_empty());
    let average = cast.iter().map(|&s| f64::from(s)).sum::<f64>() / cast.len() as f64;
    let expected = format!(
        "This server: ★ {average:.1} · {n} votes\nAll servers: ★ {average:.1} · {n} votes",
        n = cast.len()
    );
    let what = format!("the post to show {expected:?}");
    fake.wait_until(Duration::from_secs(90), &what, |f| community(f, &post) == expected).await;
    let elapsed = started.elapsed();
    let edits = fake.requests_to(&format!("PATCH /channels/*/messages/{id}")).len() - edits_before;
    let bound = (elapsed.as_secs_f64()
        / recapbot::config::Tuning::default().score_edit_interval.as_secs_f64())
    .ceil() as usize
        + 2;
    eprintln!("burst: {events} events, {edits} score edits in {elapsed:?}");
    assert!(edits <= bound, "{edits} edits in {elapsed:?} (at most {bound})");
    assert!(edits >= 1);
    let stored = votes(&db).await;
    assert_eq!(stored.len(), cast.len());
    let mut expected_votes: Vec<(i64, i64)> = members
        .iter()
        .zip(&final_votes)
        .filter_map(|(name, vote)| vote.map(|s| (fake.user_id(name) as i64, i64::from(s))))
        .collect();
    expected_votes.sort();
    assert_eq!(stored, expected_votes, "every member's final vote, exactly");
    assert_eq!(fake.rate_limited_count(), 0, "edits stayed within the rate limits");
}

/// Reaction events applied in batches end exactly as the same events applied one at a
/// time: changes, withdrawals, stale removals and a second post of the episode, interleaved.
async fn votes_applied_in_batches_end_as_one_by_one(db: TestDb) {
    use rand::{Rng, SeedableRng};
    use recapbot::ids::ChannelId;
    use recapbot::store::ratings::VoteEvent;

    let saved = db.store.save_article(&sample()).await.unwrap();
    let recap = db.store.recap_by_id(saved.recap_id()).await.unwrap().unwrap();
    let (one_by_one, batched) = (GuildId::new(1), GuildId::new(2));
    // Two posts of the episode in each server.
    for (guild, first) in [(one_by_one, 10), (batched, 20)] {
        for message in [first, first + 1] {
            db.store
                .record_post(
                    MessageId::new(message),
                    guild,
                    ChannelId::new(5),
                    recap.episode_id,
                    recap.id,
                )
                .await
                .unwrap();
        }
    }
    let mut rng = rand::rngs::StdRng::seed_from_u64(3);
    let script: Vec<(u64, u64, u8, bool)> = (0..3_000)
        .map(|_| {
            (rng.gen_range(0..40), rng.gen_range(0..2), rng.gen_range(1..=5), rng.gen_bool(0.6))
        })
        .collect();
    let event = |guild: GuildId, first: u64, &(user, post, score, added): &(u64, u64, u8, bool)| {
        VoteEvent {
            guild,
            user: UserId::new(100 + user),
            message: MessageId::new(first + post),
            score,
            added,
        }
    };
    let mut superseded_one = 0;
    for step in &script {
        superseded_one +=
            db.store.apply_votes(&[event(one_by_one, 10, step)]).await.unwrap().superseded.len();
    }
    let mut rest = &script[..];
    while !rest.is_empty() {
        let size = rng.gen_range(1..=400).min(rest.len());
        let batch: Vec<VoteEvent> = rest[..size].iter().map(|s| event(batched, 20, s)).collect();
        db.store.apply_votes(&batch).await.unwrap();
        rest = &rest[size..];
    }
    assert!(superseded_one > 0, "the script changes votes");
    let held = |guild: GuildId, first: i64| {
        let pool = recapbot::harness::pool(&db.store).clone();
        async move {
            sqlx::query_as::<_, (i64, i64, i64)>(
                "SELECT user_id, score, message_id - $2 FROM ratings WHERE guild_id = $1 ORDER BY user_id",
            )
            .bind(guild.db())
            .bind(first)
            .fetch_all(&pool)
            .await
            .unwrap()
        }
    };
    // A member's vote is their last number added, unless they then removed that very one.
    let mut model = std::collections::BTreeMap::new();
    for &(user, post, score, added) in &script {
        let vote = model.entry(100 + user as i64).or_insert(None);
        if added {
            *vote = Some((i64::from(score), post as i64));
        } else if *vote == Some((i64::from(score), post as i64)) {
            *vote = None;
        }
    }
    let expected: Vec<(i64, i64, i64)> =
        model.into_iter().filter_map(|(user, vote)| vote.map(|(s, p)| (user, s, p))).collect();
    assert!(!expected.is_empty());
    assert_eq!(held(one_by_one, 10).await, expected);
    assert_eq!(held(batched, 20).await, expected);
}

/// /recap answers from memory, yet a vote or a corrected recap is in the next answer once the
/// database's notification of it is in (a moment after the commit), whichever process made
/// the change (here a second store on the same database, as another bot process or
/// `recapbot import` would be).
async fn the_next_recap_shows_a_vote_or_a_corrected_recap_from_another_process(db: TestDb) {
    db.store.save_article(&sample()).await.unwrap();
    let other = recapbot::store::Store::open(&db.url).await.unwrap();
    let fake = FakeDiscord::start().await;
    let _bot = start_bot_with(&fake, &db, quick(&fake)).await;
    let alice = member(&fake, "alice");
    for _ in 0..2 {
        let answer = alice.recap("Soundtrack #1", 2).await;
        assert_eq!(answer.field("Community"), Some("No votes yet — rate with 1️⃣–5️⃣"));
    }

    let recap = other.list_recaps(None).await.unwrap().remove(0);
    let (guild, user) = (GuildId::new(fake.guild_id()), UserId::new(9_000));
    other.cast_vote(guild, user, recap.episode_id, 4, MessageId::new(1)).await.unwrap();
    let voted = Some("This server: ★ 4.0 · 1 vote\nAll servers: ★ 4.0 · 1 vote");
    let answer = answer_until(
        NOTIFIED,
        || alice.recap("Soundtrack #1", 2),
        |a| a.field("Community") == voted,
    )
    .await;
    assert_eq!(answer.field("Community"), voted, "the vote counts once its notification is in");

    let mut corrected = sample();
    corrected.recap = format!("{} A corrected closing line.", corrected.recap);
    other.save_article(&corrected).await.unwrap();
    let every_page = || async {
        let mut shown = alice.recap("Soundtrack #1", 2).await;
        let mut pages = shown.description().to_string();
        while shown.enabled_buttons().iter().any(|b| b == "▶") {
            shown = alice.click(&shown, "▶").await;
            pages.push_str(shown.description());
        }
        pages
    };
    let pages =
        answer_until(NOTIFIED, every_page, |p: &String| p.contains("A corrected closing line."))
            .await;
    assert!(pages.contains("A corrected closing line."), "the corrected recap shows");

    other.set_guild_spoilers(guild, false).await.unwrap();
    let answer = answer_until(
        NOTIFIED,
        || alice.recap("Soundtrack #1", 2),
        |a| !a.description().contains("||"),
    )
    .await;
    assert!(!answer.description().contains("||"), "the server's new setting applies");
}

/// `recapbot run` against the fake Discord (through its proxy address, so no test CA is
/// needed), as an operator starts it; its log goes to `log`.
fn recapbot_run(fake: &FakeDiscord, db: &TestDb, dir: &std::path::Path, log: &str) -> Child {
    let log = std::fs::File::create(dir.join(log)).unwrap();
    let guild = fake.guild_id().to_string();
    let env = [
        ("DISCORD_TOKEN", fake.token()),
        ("DISCORD_HTTP_PROXY", &fake.proxy_url()),
        ("DISCORD_DEV_GUILD_ID", &guild),
        ("DATABASE_URL", &db.url),
        ("RUST_LOG", "recapbot=info,warn"),
    ];
    crate::run::recapbot_command(dir, &["run"], &env)
        .stdout(log.try_clone().unwrap())
        .stderr(log)
        .spawn()
        .unwrap()
}

/// Sends SIGTERM, as a service manager stopping the bot does.
fn sigterm(child: &Child) {
    let pid = child.id().to_string();
    assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
}

async fn exit_of(mut child: Child) -> std::process::ExitStatus {
    let waited = tokio::task::spawn_blocking(move || child.wait());
    tokio::time::timeout(Duration::from_secs(30), waited)
        .await
        .expect("recapbot exits within 30 s of SIGTERM")
        .unwrap()
        .unwrap()
}

async fn sigterm_in_a_burst_of_votes_loses_none(db: TestDb) {
    let fans: Vec<String> = (0..300).map(|i| format!("fan{i:03}")).collect();
    let names: Vec<&str> =
        std::iter::once("alice").chain(fans.iter().map(String::as_str)).collect();
    db.store.save_article(&sample()).await.unwrap();
    let fake =
        FakeDiscord::start_with(FakeConfig::default().members(&names).without_rate_limits()).await;
    let dir = tempfile::tempdir().unwrap();
    let bot = recapbot_run(&fake, &db, dir.path(), "first.log");
    fake.wait_commands(T).await;
    let post = rating_post(&fake).await;

    // The database is slow to take writes just then (another process holds its write lock),
    // so the bot's vote queue is far behind when the signal comes.
    let mut held = db.store.begin_write().await.unwrap();
    if db.store.backend() == Backend::Postgres {
        sqlx::query("LOCK TABLE ratings IN EXCLUSIVE MODE").execute(&mut *held).await.unwrap();
    }
    // Every fan votes 4️⃣, then changes their mind to 2️⃣: Discord keeps both reactions where
    // the bot may not remove the older one, so only the order the bot saw them in says 2.
    for fan in &fans {
        let fan = member(&fake, fan);
        fan.rates(&post, 4);
        fan.rates(&post, 2);
    }
    // The gateway delivers in order: once the bot answers a command sent after the burst, it
    // has received every vote of it.
    member(&fake, "alice").slash("alerts list", json!([])).await;
    sigterm(&bot);
    let signalled = std::time::Instant::now();
    // A bot that stopped without its queue would be gone before the database answers.
    tokio::time::sleep(Duration::from_secs(2)).await;
    held.commit().await.unwrap();
    let status = exit_of(bot).await;
    eprintln!("SIGTERM to exit, the database locked for the first 2 s: {:?}", signalled.elapsed());
    let log = std::fs::read_to_string(dir.path().join("first.log")).unwrap();
    assert!(status.success(), "{status}: {log}");
    assert!(!log.contains("cannot apply a rating change"), "{log}");
    assert!(!log.contains("ERROR"), "{log}");

    let mut every_fan_says_two: Vec<(i64, i64)> =
        fans.iter().map(|fan| (fake.user_id(fan) as i64, 2)).collect();
    every_fan_says_two.sort();
    assert_eq!(votes(&db).await, every_fan_says_two, "every vote applied before the exit");

    // After a restart (which reconciles with Discord's reactions) the post shows them all.
    let bot = recapbot_run(&fake, &db, dir.path(), "second.log");
    // The first run may have shown the final score already: only an answer tells that the
    // second one is up (and listening for SIGTERM) before it is stopped below.
    fake.wait_identified(2, T).await;
    member(&fake, "alice").slash("alerts list", json!([])).await;
    wait_community(&fake, &post, "This server: ★ 2.0 · 300 votes\nAll servers: ★ 2.0 · 300 votes")
        .await;
    assert_eq!(votes(&db).await, every_fan_says_two);
    sigterm(&bot);
    let status = exit_of(bot).await;
    let log = std::fs::read_to_string(dir.path().join("second.log")).unwrap();
    assert!(status.success(), "{status}: {log}");
}

/// Votes straight into the store, for the chart and top-list tests.
pub(crate) async fn seed_votes(db: &TestDb, guild: u64, episode: u32, scores: &[u8]) {
    let mut article = sample();
    article.episode = episode;
    article.title = Some(format!("Track {episode}"));
    let saved = db.store.save_article(&article).await.unwrap();
    let recap = db.store.recap_by_id(saved.recap_id()).await.unwrap().unwrap();
    for (user, score) in scores.iter().enumerate() {
        let (guild, user) = (GuildId::new(guild), UserId::new(9_000 + user as u64));
        db.store.cast_vote(guild, user, recap.episode_id, *score, MessageId::new(1)).await.unwrap();
    }
}

async fn ratings_draws_the_season_as_a_chart_with_a_table(db: TestDb) {
    let fake = FakeDiscord::start().await;
    seed_votes(&db, fake.guild_id(), 1, &[5, 4, 4]).await;
    seed_votes(&db, fake.guild_id(), 2, &[3]).await;
    seed_votes(&db, fake.guild_id(), 3, &[]).await;
    let _bot = start_bot_with(&fake, &db, quick(&fake)).await;
    let reply = member(&fake, "alice")
        .slash(
            "ratings",
            json!([{"name": "show", "value": "soundtrack 1"}, {"name": "season", "value": 1}]),
        )
        .await;
    let text = reply.content();
    assert!(
        text.starts_with("**Soundtrack #1 — Season 1** · community ratings, this server"),
        "{text}"
    );
    for row in ["E1       4.3    3", "E2       3.0    1", "E3       –      0"] {
        assert!(text.contains(row), "{row:?} missing from {text}");
    }
    let attachments = reply.attachments();
    let chart = attachments.first().expect("the chart is attached");
    assert_eq!(chart.filename, "ratings.png");
    let png = fake.attachment(chart.id).expect("the chart was uploaded");
    let decoder = png::Decoder::new(std::io::Cursor::new(png));
    let reader = decoder.read_info().expect("a valid PNG");
    assert_eq!((reader.info().width, reader.info().height), (1000, 500));
}

/// Without a season, /ratings draws the whole show the way fans read it: a grid of seasons
/// and episodes, with the critic's ratings beside the community's when asked.
async fn ratings_without_a_season_draws_every_season_as_a_heatmap(db: TestDb) {
    let fake = FakeDiscord::start().await;
    seed_votes(&db, fake.guild_id(), 1, &[5, 4, 4]).await;
    seed_votes(&db, fake.guild_id(), 2, &[2]).await;
    let mut second = sample();
    second.season = 2;
    second.episode = 1;
    second.rating = Some(recapbot::recap::CriticRating::new(8.0, 10.0));
    let saved = db.store.save_article(&second).await.unwrap();
    let recap = db.store.recap_by_id(saved.recap_id()).await.unwrap().unwrap();
    let (guild, user) = (GuildId::new(fake.guild_id()), UserId::new(9_100));
    db.store.cast_vote(guild, user, recap.episode_id, 3, MessageId::new(1)).await.unwrap();
    let _bot = start_bot_with(&fake, &db, quick(&fake)).await;
    let alice = member(&fake, "alice");

    let reply = alice.slash("ratings", json!([{"name": "show", "value": "soundtrack 1"}])).await;
    let text = reply.content();
    assert!(
        text.starts_with("**Soundtrack #1** · 2 seasons, community ratings, this server"),
        "{text}"
    );
    for row in [
        "Season 1\nEpisode  Score  Votes\nE1       4.3    3\nE2       2.0    1",
        "Season 2\nEpisode  Score  Votes\nE1       3.0    1",
    ] {
        assert!(text.contains(row), "{row:?} missing from {text}");
    }
    let grid = reply
        .attachments()
        .first()
        .map(|a| fake.attachment(a.id).unwrap())
        .expect("the heatmap is attached");
    let decoder = png::Decoder::new(std::io::Cursor::new(grid));
    let reader = decoder.read_info().expect("a valid PNG");
    let (width, height) = (reader.info().width, reader.info().height);
    assert_ne!((width, height), (1000, 500), "a grid, not a season's bar chart");

    // compare:critic is a choice: Discord sends its index.
    let compared = alice
        .slash(
            "ratings",
            json!([{"name": "show", "value": "soundtrack 1"}, {"name": "compare", "value": 0}]),
        )
        .await;
    let text = compared.content();
    assert!(text.contains("community ratings and the critic's"), "{text}");
    assert!(
        text.contains("Critic: E1 4.0"),
        "season 2's critic rating, 8/10 on five points: {text}"
    );
    assert!(text.contains("Critic: E1 –, E2 –"), "season 1 has no critic rating: {text}");
    let taller = compared.attachments().first().map(|a| fake.attachment(a.id).unwrap()).unwrap();
    let reader = png::Decoder::new(std::io::Cursor::new(taller)).read_info().unwrap();
    assert!(reader.info().height > height, "a critic row under each season");
}

async fn top_ranks_episodes_and_leaves_out_thin_votes(db: TestDb) {
    let fake = FakeDiscord::start().await;
    let guild = fake.guild_id();
    seed_votes(&db, guild, 2, &[5, 5, 5]).await;
    seed_votes(&db, guild, 3, &[4, 4, 4, 4]).await;
    seed_votes(&db, guild, 4, &[5]).await;
    // Another server loves episode 5: it counts only across all servers.
    seed_votes(&db, 777, 5, &[5, 5, 5, 5, 5]).await;
    let _bot = start_bot_with(&fake, &db, quick(&fake)).await;

    let alice = member(&fake, "alice");
    let here = alice.slash("top", json!([])).await;
    let lines: Vec<&str> = here.content().lines().collect();
    assert_eq!(lines[0], "**Top episodes** · this server, at least 3 votes");
    assert_eq!(lines[1], "1. Soundtrack #1 — S1E2 · Track 2 — ★ 5.0 · 3 votes");
    assert_eq!(lines[2], "2. Soundtrack #1 — S1E3 · Track 3 — ★ 4.0 · 4 votes");
    assert_eq!(lines.len(), 3, "episode 4 has one vote, episode 5 none here: {lines:?}");

    // Scope is a choice: Discord sends the index of "all servers".
    let everywhere = alice.slash("top", json!([{"name": "scope", "value": 1}])).await;
    let text = everywhere.content();
    assert!(text.contains("1. Soundtrack #1 — S1E5 · Track 5 — ★ 5.0 · 5 votes"), "{text}");
}

async fn a_restart_in_the_middle_of_a_burst_loses_no_vote(db: TestDb) {
    let members: Vec<String> = (0..60).map(|i| format!("fan{i:02}")).collect();
    let names: Vec<&str> =
        std::iter::once("alice").chain(members.iter().map(String::as_str)).collect();
    db.store.save_article(&sample()).await.unwrap();
    let fake = FakeDiscord::start_with(FakeConfig::default().members(&names)).await;
    let bot = start_bot_with(&fake, &db, quick(&fake)).await;
    let post = rating_post(&fake).await;
    for (i, name) in members.iter().enumerate().take(30) {
        member(&fake, name).rates(&post, (i % 5) as u8 + 1);
    }
    stop_bot(&fake, bot).await;
    // The second half of the burst happens while the bot is down: new votes, changed votes
    // (the bot could not remove the old reaction), withdrawn votes.
    for (i, name) in members.iter().enumerate().skip(30) {
        member(&fake, name).rates(&post, (i % 5) as u8 + 1);
    }
    for name in &members[..10] {
        let score = (members.iter().position(|m| m == name).unwrap() % 5) as u8 + 1;
        member(&fake, name).unrates(&post, score);
    }
    let _bot = start_bot_with(&fake, &db, quick(&fake)).await;
    let expected: Vec<u8> = (10..60).map(|i| (i % 5) as u8 + 1).collect();
    let average = expected.iter().map(|&s| f64::from(s)).sum::<f64>() / expected.len() as f64;
    let shown = format!(
        "This server: ★ {average:.1} · 50 votes
All servers: ★ {average:.1} · 50 votes"
    );
    wait_community(&fake, &post, &shown).await;
    assert_eq!(votes(&db).await.len(), 50);
}

async fn recap_shows_the_server_score_beside_all_servers(db: TestDb) {
    let fake = FakeDiscord::start().await;
    seed_votes(&db, 777, 2, &[5, 5, 4]).await;
    seed_votes(&db, 778, 2, &[]).await;
    let _bot = start_bot_with(&fake, &db, quick(&fake)).await;
    let post = rating_post(&fake).await;
    assert_eq!(community(&fake, &post), "All servers: ★ 4.7 · 3 votes", "no vote here yet");
    member(&fake, "alice").rates(&post, 3);
    wait_community(&fake, &post, "This server: ★ 3.0 · 1 vote\nAll servers: ★ 4.2 · 4 votes").await;
}

async fn rating_reactions_come_after_the_reply(db: TestDb) {
    let (fake, _bot) = setup(&db, FakeConfig::default()).await;
    let post = rating_post(&fake).await.id.unwrap();
    let callback = fake.requests_to("POST /interactions/*/*/callback")[0].at;
    let reactions = fake.requests_to(&format!("PUT /channels/*/messages/{post}/reactions/*/@me"));
    assert_eq!(reactions.len(), 5);
    assert!(reactions.iter().all(|r| r.at > callback), "the reply went first");
    assert_eq!(fake.rate_limited_count(), 0, "the reaction route's limit was respected");
}

/// Forty public recaps in twenty channels at once ask for 200 reactions, more than Discord's
/// 50 requests a second allow: every post still gets its 1️⃣–5️⃣, and Discord never has to
/// say 429.
async fn a_burst_of_public_recaps_in_many_channels_gets_every_reaction_without_a_429(db: TestDb) {
    let rooms: Vec<String> = (0..20).map(|i| format!("room-{i:02}")).collect();
    let names: Vec<&str> = rooms.iter().map(String::as_str).collect();
    let (fake, _bot) = setup(&db, FakeConfig::default().channels(&names)).await;
    let asked: Vec<_> = (0..40)
        .map(|i| {
            let options =
                json!([{"name": "show", "value": "Soundtrack #1"}, {"name": "episode", "value": 2}]);
            fake.slash_in("alice", fake.channel(&rooms[i % rooms.len()]), "recap", options)
        })
        .collect();
    let mut posts = Vec::new();
    for handle in &asked {
        handle.reply(T).await;
        posts.push(handle.message_id().expect("a public recap is a message"));
    }
    let bot = fake.bot_user_id();
    fake.wait_until(Duration::from_secs(30), "every post's 1️⃣–5️⃣", |f| {
        posts.iter().all(|post| (1..=5).all(|n| f.reactions(*post, &keycap(n)).contains(&bot)))
    })
    .await;
    assert_eq!(fake.rate_limited_count(), 0, "no request was over Discord's limits");
}

/// Discord failing the first reaction leaves the post without its 1️⃣–5️⃣ for now; the next
/// start adds them.
async fn rating_reactions_discord_failed_are_added_at_the_next_start(db: TestDb) {
    let (fake, bot) = setup(&db, FakeConfig::default()).await;
    let reacting = "PUT /channels/*/messages/*/reactions/*/@me";
    fake.force_status_once(reacting, 500);
    let post = member(&fake, "alice").recap("Soundtrack #1", 2).await.id.unwrap();
    fake.wait_until(T, "the refused reaction", |f| !f.requests_to(reacting).is_empty()).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let me = fake.bot_user_id();
    let carried =
        |f: &FakeDiscord| (1..=5).filter(|n| f.reactions(post, &keycap(*n)).contains(&me)).count();
    assert_eq!(carried(&fake), 0, "the post was left for the next start");
    stop_bot(&fake, bot).await;

    let _bot = start_bot_with(&fake, &db, quick(&fake)).await;
    fake.wait_until(T, "the post's 1️⃣–5️⃣ after the restart", |f| carried(f) == 5).await;
}

backend_tests!(
    a_callback_answered_without_its_message_still_makes_a_rating_post,
    a_burst_of_public_recaps_in_many_channels_gets_every_reaction_without_a_429,
    rating_reactions_discord_failed_are_added_at_the_next_start,
    recap_shows_the_server_score_beside_all_servers,
    rating_reactions_come_after_the_reply,
    ratings_draws_the_season_as_a_chart_with_a_table,
    ratings_without_a_season_draws_every_season_as_a_heatmap,
    top_ranks_episodes_and_leaves_out_thin_votes,
    a_restart_in_the_middle_of_a_burst_loses_no_vote,
    a_member_reacts_and_the_post_shows_the_score,
    another_number_replaces_the_vote_and_the_old_reaction_goes,
    without_manage_messages_the_newest_reaction_is_the_vote,
    removing_the_reaction_withdraws_the_vote,
    bots_and_other_emoji_and_other_messages_do_not_vote,
    two_posts_of_one_episode_hold_one_vote,
    votes_cast_and_withdrawn_while_offline_count_after_a_restart,
    a_deleted_post_ends_its_reconciliation_quietly,
    a_burst_of_reactions_makes_few_edits_and_ends_exact,
    sigterm_in_a_burst_of_votes_loses_none,
    votes_applied_in_batches_end_as_one_by_one,
    the_next_recap_shows_a_vote_or_a_corrected_recap_from_another_process,
);
