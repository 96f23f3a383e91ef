//! /recap answers from memory, yet what another process changes is in the next answer: here a
//! real `recapbot import` process beside the bot, and on PostgreSQL a bot whose notification
//! listener is cut and comes back.

use std::time::{Duration, Instant};

use crate::cli::recapbot;
use crate::support::bot::{sample, start_bot, T};
use crate::support::driver::{answer_until, member, Member, Message, NOTIFIED};
use crate::support::{on, sample_article, TestDb};
use fake_discord::FakeDiscord;
use recapbot::ids::{GuildId, MessageId, UserId};
use recapbot::store::cache::{CatalogueState, LISTENER_NAME};
use recapbot::store::{Backend, Store};
use serde_json::json;

/// The sample article as a file with `edit` applied, in `dir`.
/// `/recap` asked privately: a public answer is a rating post, recorded by a write of the
/// bot's own, after which it reads the data versions anyway; a private one leaves memory to
/// answer.
async fn recap(alice: &Member<'_>, episode: u32) -> Message {
    alice
        .slash(
            "recap",
            json!([{"name": "show", "value": "Soundtrack #1"}, {"name": "episode", "value": episode},
                   {"name": "private", "value": true}]),
        )
        .await
}

fn edited_sample(dir: &std::path::Path, name: &str, edit: impl Fn(String) -> String) -> String {
    let text = std::fs::read_to_string(sample_article()).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, edit(text)).unwrap();
    path.display().to_string()
}

/// `recapbot import FILE`, the bot running on meanwhile (as it would beside an operator's
/// import, taking the database's notification as it comes).
async fn import(db: &TestDb, file: &str, expect: &str) {
    let (url, file) = (db.url.clone(), file.to_string());
    let out = tokio::task::spawn_blocking(move || recapbot(&url, &["import", &file], None))
        .await
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success() && said.contains(expect), "{said}");
}

async fn the_next_recap_shows_what_recapbot_import_changed(db: TestDb) {
    db.store.save_article(&sample()).await.unwrap();
    let fake = FakeDiscord::start().await;
    let _bot = start_bot(&fake, &db).await;
    let alice = member(&fake, "alice");
    // Asked twice, so the second answer came from memory.
    for _ in 0..2 {
        let answer = recap(&alice, 2).await;
        assert!(!answer.description().contains("A corrected line."));
        assert!(!answer.enabled_buttons().contains(&"⏭".to_string()), "no next episode yet");
        let missing = recap(&alice, 3).await;
        assert_eq!(
            missing.content(),
            "No recap of **Soundtrack #1** episode 3. Recaps exist for: S1E2."
        );
    }

    let dir = tempfile::tempdir().unwrap();
    let corrected = edited_sample(dir.path(), "corrected.txt", |text| {
        text.replace("Yep, that’ll do it!", "Yep, that’ll do it! A corrected line.")
    });
    import(&db, &corrected, "0 imported, 1 updated").await;
    let answer = answer_until(
        NOTIFIED,
        || recap(&alice, 2),
        |a| a.description().contains("A corrected line."),
    )
    .await;
    assert!(answer.description().contains("A corrected line."), "{}", answer.description());

    let next = edited_sample(dir.path(), "next.txt", |text| {
        text.replace("Season 1 Episode 2", "Season 1 Episode 3").replace("Track 2 –", "Track 3 –")
    });
    import(&db, &next, "1 imported").await;
    let answer = answer_until(NOTIFIED, || recap(&alice, 3), |a| a.title().contains("S1E3")).await;
    assert!(answer.title().contains("S1E3"), "{}", answer.content());
    let answer = recap(&alice, 2).await;
    assert!(answer.enabled_buttons().contains(&"⏭".to_string()), "E3 is next now");
}

/// The bot's listener connection, once it has listened and read the versions (its last
/// statement, and it waits for the next notification); its process id.
async fn listening(db: &TestDb, not: Option<i32>) -> i32 {
    let started = Instant::now();
    loop {
        let pid: Option<i32> = sqlx::query_scalar(
            "SELECT pid FROM pg_stat_activity
             WHERE datname = current_database() AND application_name = $1 AND state = 'idle'
               AND query LIKE 'SELECT name, version FROM data_versions%' AND pid <> COALESCE($2, 0)",
        )
        .bind(LISTENER_NAME)
        .bind(not)
        .fetch_optional(recapbot::harness::pool(&db.store))
        .await
        .unwrap();
        if let Some(pid) = pid {
            return pid;
        }
        assert!(started.elapsed() < T, "the bot listens for data version notifications");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// PostgreSQL ends the listener's connection (a server restart, a network cut, an idle
/// reaper): a vote cast before the bot listens again is in its answers all the same, and so
/// is one cast once it listens again.
#[tokio::test]
async fn a_vote_while_the_bot_cannot_listen_is_in_its_next_recap() {
    on(Backend::Postgres, |db| async move {
        db.store.save_article(&sample()).await.unwrap();
        let other = Store::open(&db.url).await.unwrap();
        let episode = other.list_recaps(None).await.unwrap().remove(0).episode_id;
        let fake = FakeDiscord::start().await;
        let _bot = start_bot(&fake, &db).await;
        let guild = GuildId::new(fake.guild_id());
        let alice = member(&fake, "alice");
        for _ in 0..2 {
            let answer = recap(&alice, 2).await;
            assert_eq!(answer.field("Community"), Some("No votes yet — rate with 1️⃣–5️⃣"));
        }

        let pid = listening(&db, None).await;
        let cut: bool = sqlx::query_scalar("SELECT pg_terminate_backend($1)")
            .bind(pid)
            .fetch_one(recapbot::harness::pool(&db.store))
            .await
            .unwrap();
        assert!(cut);
        other.cast_vote(guild, UserId::new(9_001), episode, 4, MessageId::new(1)).await.unwrap();
        let one = Some("This server: ★ 4.0 · 1 vote\nAll servers: ★ 4.0 · 1 vote");
        let answer =
            answer_until(NOTIFIED, || recap(&alice, 2), |a| a.field("Community") == one).await;
        assert_eq!(
            answer.field("Community"),
            one,
            "the vote cast while the listener was cut counts"
        );

        listening(&db, Some(pid)).await;
        other.cast_vote(guild, UserId::new(9_002), episode, 2, MessageId::new(1)).await.unwrap();
        let two = Some("This server: ★ 3.0 · 2 votes\nAll servers: ★ 3.0 · 2 votes");
        let answer =
            answer_until(NOTIFIED, || recap(&alice, 2), |a| a.field("Community") == two).await;
        assert_eq!(
            answer.field("Community"),
            two,
            "once listening again, the next vote counts too"
        );
        other.close().await;
    })
    .await;
}

/// PostgreSQL drops every connection the bot holds (a restart, a failover, an idle reaper):
/// a member asking a moment later gets the recap, not a database error. The bot hands out a
/// pooled connection unchecked only while it was in use within the last second.
#[tokio::test]
async fn connections_dropped_under_the_bot_cost_no_answer() {
    on(Backend::Postgres, |db| async move {
        db.store.save_article(&sample()).await.unwrap();
        let fake = FakeDiscord::start().await;
        let _bot = start_bot(&fake, &db).await;
        let alice = member(&fake, "alice");
        let before = recap(&alice, 2).await;
        assert!(before.title().contains("Soundtrack #1"), "{}", before.title());

        let admin = Store::open(&db.url).await.unwrap();
        let cut: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity
             WHERE datname = current_database() AND pid <> pg_backend_pid()) AS cut",
        )
        .fetch_one(recapbot::harness::pool(&admin))
        .await
        .unwrap();
        assert!(cut >= 1, "the bot held connections");
        tokio::time::sleep(Duration::from_millis(1_500)).await;

        // Each asks the database: the versions (the listener is reconnecting, or just has),
        // and a recap not asked before.
        let again = recap(&alice, 2).await;
        assert_eq!(again.title(), before.title(), "{}", again.description());
        let latest = alice
            .slash(
                "recap",
                json!([{"name": "show", "value": "Soundtrack #1"},
                                  {"name": "private", "value": true}]),
            )
            .await;
        assert!(latest.title().contains("Soundtrack #1"), "{}", latest.description());
        admin.close().await;
    })
    .await;
}

/// `/recap` of `show`, privately (see [`recap`]); `episode` when given.
async fn recap_of(alice: &Member<'_>, show: &str, episode: Option<u32>) -> Message {
    let mut options =
        vec![json!({"name": "show", "value": show}), json!({"name": "private", "value": true})];
    if let Some(episode) = episode {
        options.push(json!({"name": "episode", "value": episode}));
    }
    alice.slash("recap", json!(options)).await
}

/// The sample article as a recap of `show`, episode `episode`.
fn sample_of(show: &str, episode: u32) -> recapbot::recap::Article {
    let mut article = sample();
    article.show = show.to_string();
    article.episode = episode;
    article
}

/// Once the bot holds every recap in memory, any show is answered from it, not only those
/// asked about lately; and what another process changes reaches the answers show by show: a
/// new episode of one show, a vote on another's, a corrected recap of a third. A recap
/// another server's admin brought in stays theirs.
async fn every_recap_in_memory_follows_another_process_show_by_show(db: TestDb) {
    for show in ["Soundtrack #1", "Crimson Harbor", "Moon Lovers"] {
        db.store.save_article(&sample_of(show, 2)).await.unwrap();
    }
    let other = Store::open(&db.url).await.unwrap();
    let fake = FakeDiscord::start().await;
    let _bot = start_bot(&fake, &db).await;
    let started = Instant::now();
    while db.store.catalogue_state() != CatalogueState::Held {
        assert!(
            started.elapsed() < T,
            "the bot holds every recap: {:?}",
            db.store.catalogue_state()
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let alice = member(&fake, "alice");
    for show in ["Soundtrack #1", "Crimson Harbor", "Moon Lovers"] {
        let answer = recap_of(&alice, show, None).await;
        assert!(answer.title().contains(show), "{}", answer.title());
        assert!(answer.title().contains("S1E2"), "{}", answer.title());
    }

    let guild = GuildId::new(fake.guild_id());
    other.save_article(&sample_of("Crimson Harbor", 3)).await.unwrap();
    let moon = other.list_recaps(None).await.unwrap();
    let moon = moon.iter().find(|r| r.show == "Moon Lovers").unwrap().episode_id;
    other.cast_vote(guild, UserId::new(9_003), moon, 5, MessageId::new(1)).await.unwrap();
    let mut corrected = sample_of("Soundtrack #1", 2);
    corrected.recap = format!("A corrected opening line. {}", corrected.recap);
    other.save_article(&corrected).await.unwrap();
    let elsewhere = GuildId::new(fake.guild_id() + 1);
    let mut theirs = sample_of("Soundtrack #1", 5);
    theirs.url = Some("https://their-own-site.example/soundtrack-1-episode-5".into());
    other.save_article_of(&theirs, Some(elsewhere)).await.unwrap();

    let latest = answer_until(
        NOTIFIED,
        || recap_of(&alice, "Crimson Harbor", None),
        |a| a.title().contains("S1E3"),
    )
    .await;
    assert!(latest.title().contains("S1E3"), "the new episode is the latest: {}", latest.title());
    let voted = Some("This server: ★ 5.0 · 1 vote\nAll servers: ★ 5.0 · 1 vote");
    let answer = answer_until(
        NOTIFIED,
        || recap_of(&alice, "Moon Lovers", Some(2)),
        |a| a.field("Community") == voted,
    )
    .await;
    assert_eq!(answer.field("Community"), voted);
    let answer = answer_until(
        NOTIFIED,
        || recap_of(&alice, "Soundtrack #1", Some(2)),
        |a| a.description().contains("A corrected opening line."),
    )
    .await;
    assert!(answer.description().contains("A corrected opening line."), "{}", answer.description());
    let theirs = recap_of(&alice, "Soundtrack #1", Some(5)).await;
    assert_eq!(
        theirs.content(),
        "No recap of **Soundtrack #1** episode 5. Recaps exist for: S1E2.",
        "another server's recap is theirs alone"
    );
    let latest = recap_of(&alice, "Soundtrack #1", None).await;
    assert!(latest.title().contains("S1E2"), "{}", latest.title());
    assert_eq!(db.store.catalogue_state(), CatalogueState::Held, "still held after the changes");
    other.close().await;
}

/// Recaps that do not fit in the memory given to them are not held: /recap reads them from the
/// database, and what another process changes is in the next answer all the same.
async fn recaps_too_large_for_their_memory_are_read_from_the_database(db: TestDb) {
    db.store.save_article(&sample()).await.unwrap();
    assert_eq!(db.store.hold_catalogue(1_000).await, CatalogueState::NotHeld);
    let fake = FakeDiscord::start().await;
    let _bot = start_bot(&fake, &db).await;
    let alice = member(&fake, "alice");
    let answer = recap(&alice, 2).await;
    assert!(answer.title().contains("Soundtrack #1"), "{}", answer.content());
    let other = Store::open(&db.url).await.unwrap();
    other.save_article(&sample_of("Soundtrack #1", 3)).await.unwrap();
    let answer = answer_until(NOTIFIED, || recap(&alice, 3), |a| a.title().contains("S1E3")).await;
    assert!(answer.title().contains("S1E3"), "{}", answer.content());
    assert_eq!(db.store.catalogue_state(), CatalogueState::NotHeld);
    other.close().await;
}

backend_tests!(
    the_next_recap_shows_what_recapbot_import_changed,
    every_recap_in_memory_follows_another_process_show_by_show,
    recaps_too_large_for_their_memory_are_read_from_the_database
);
