//! `/recap` end to end: the real bot (started as `recapbot run` starts it) against the fake
//! Discord, asserting what a member sees.

use std::time::Duration;

use crate::support::bot::{config_for, online, sample, start_bot, start_bot_with, stop_bot, T};
use crate::support::driver::{member, message_in, Message};
use crate::support::TestDb;
use fake_discord::FakeDiscord;
use recapbot::ingest::article::{parse_article, Format, Hints};
use serde_json::{json, Value};

/// Every limit Discord puts on an embed, counted in characters as Discord counts them.
fn assert_within_discord_limits(reply: &Message) {
    let e = &reply.json["embeds"][0];
    let chars = |v: &Value| v.as_str().map(|s| s.chars().count()).unwrap_or(0);
    assert!(chars(&e["title"]) <= 256);
    assert!(chars(&e["description"]) <= 4096, "description of {} chars", chars(&e["description"]));
    let fields = e["fields"].as_array().cloned().unwrap_or_default();
    assert!(fields.len() <= 25);
    let mut total = chars(&e["title"]) + chars(&e["description"]) + chars(&e["footer"]["text"]);
    for f in &fields {
        assert!(chars(&f["name"]) <= 256 && chars(&f["value"]) <= 1024);
        total += chars(&f["name"]) + chars(&f["value"]);
    }
    assert!(total <= 6000, "embed of {total} chars");
    assert_eq!(reply.allowed_mentions()["parse"], json!([]), "mentions must be off: {reply}");
}

async fn commands_are_registered_with_their_options(db: TestDb) {
    let (fake, _bot) = online(&db).await;
    let commands = fake.commands();
    let recap = commands.iter().find(|c| c["name"] == "recap").expect("/recap registered");
    let options: Vec<(&str, bool)> = recap["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["name"].as_str().unwrap(), o["autocomplete"].as_bool().unwrap_or(false)))
        .collect();
    assert_eq!(
        options,
        [("show", true), ("season", false), ("episode", false), ("private", false)]
    );
    assert!(fake.unexpected_requests().is_empty(), "{:?}", fake.unexpected_requests());
}

async fn recap_shows_the_sample_episode_behind_spoilers(db: TestDb) {
    let (fake, _bot) = online(&db).await;
    let reply = member(&fake, "alice").recap("Soundtrack #1", 2).await;
    assert!(!reply.is_private());
    assert_eq!(
        reply.title(),
        "Soundtrack #1 — S1E2 · Track 2 – A picture is worth a thousand words"
    );
    assert!(
        reply.description().starts_with("||Episode 2 of Soundtrack #1 begin"),
        "{}",
        reply.description()
    );
    assert!(reply.description().trim_end().ends_with("just starting to understand too.||"));
    let review = reply.field("Review").expect("review under its own heading");
    assert!(review.contains("Roll on next week’s follow-up!"));
    assert!(reply.field("Community").unwrap().contains("No votes yet"));
    assert_eq!(reply.field("Source"), Some("local"));
    assert!(reply.enabled_buttons().is_empty(), "one page, one episode: nothing to press");
    assert_within_discord_limits(&reply);
    assert!(fake.unexpected_requests().is_empty(), "{:?}", fake.unexpected_requests());
}

async fn latest_episode_when_none_is_given_and_private_is_ephemeral(db: TestDb) {
    let mut later = sample();
    later.episode = 3;
    later.title = Some("Track 3".into());
    db.store.save_article(&later).await.unwrap();
    let (fake, _bot) = online(&db).await;
    let reply = member(&fake, "bob")
        .slash(
            "recap",
            json!([{"name": "show", "value": "soundtrack 1"}, {"name": "private", "value": true}]),
        )
        .await;
    assert!(reply.is_private(), "private:true answers only the caller");
    assert_eq!(reply.title(), "Soundtrack #1 — S1E3 · Track 3");
    assert_eq!(reply.enabled_buttons(), ["⏮"], "the previous episode is one click away");
}

/// A site's own verdict reads as the site wrote it, beside the five-point value that lets a
/// reader compare it with other sites' ratings.
async fn the_critic_rating_shows_as_the_site_wrote_it(db: TestDb) {
    let pages = [
        "Moving Episode 3 Recap\n\nBong-seok floats above the school roof.\n\nGrade: B+\n",
        "Moving Episode 4 Recap\n\nHee-soo finds out her own secret.\n\nRating: 7.0/10\n",
        "Moving Episode 5 Recap\n\nJang Ju-won remembers the agency.\n\nOur rating: 4/5\n",
    ];
    for page in pages {
        let article = parse_article(page, Format::Text, &Hints::default()).unwrap();
        db.store.save_article(&article).await.unwrap();
    }
    let (fake, _bot) = online(&db).await;
    let alice = member(&fake, "alice");
    let rating = |reply: &Message| reply.field("Critic rating").map(String::from);
    assert_eq!(rating(&alice.recap("Moving", 3).await).as_deref(), Some("B+ (4.25/5)"));
    assert_eq!(rating(&alice.recap("Moving", 4).await).as_deref(), Some("7.0/10 (3.5/5)"));
    // Already on the five-point scale: said once.
    assert_eq!(rating(&alice.recap("Moving", 5).await).as_deref(), Some("4/5"));
}

async fn unknown_show_and_episode_say_what_exists(db: TestDb) {
    let (fake, _bot) = online(&db).await;
    let alice = member(&fake, "alice");
    let reply = alice.slash("recap", json!([{"name": "show", "value": "soundtrak"}])).await;
    assert!(reply.is_private());
    assert_eq!(reply.content(), "No show called “soundtrak”. Did you mean **Soundtrack #1**?");

    let reply = alice.recap("Soundtrack #1", 9).await;
    assert!(reply.is_private());
    assert_eq!(reply.content(), "No recap of **Soundtrack #1** episode 9. Recaps exist for: S1E2.");
}

async fn autocomplete_finds_soundtrack_from_a_typo(db: TestDb) {
    let mut noise = sample();
    for i in 0..40 {
        noise.show = format!("Sound Show {i}");
        db.store.save_article(&noise).await.unwrap();
    }
    let (fake, _bot) = online(&db).await;
    let alice = member(&fake, "alice");
    let choices = alice
        .autocomplete("recap", json!([{"name": "show", "value": "soundtrak", "focused": true}]))
        .await;
    assert_eq!(choices.first().map(String::as_str), Some("Soundtrack #1"), "{choices:?}");
    let choices = alice
        .autocomplete("recap", json!([{"name": "show", "value": "sound", "focused": true}]))
        .await;
    assert_eq!(choices.len(), 25, "Discord takes at most 25 choices");
}

/// A K-drama stored under its Korean name is found by fans who type it in Latin letters or
/// by its English name, and the picker says which name matched.
async fn a_korean_show_is_found_by_romanization_and_english_name(db: TestDb) {
    let mut cloy = sample();
    cloy.show = "사랑의 불시착".into();
    db.store.save_article(&cloy).await.unwrap();
    let (id, _) = db.store.find_show("사랑의 불시착").await.unwrap().unwrap();
    db.store.add_alias(id, "Crash Landing on You").await.unwrap();
    let (fake, _bot) = online(&db).await;
    let alice = member(&fake, "alice");
    let focused = |value: &str| json!([{"name": "show", "value": value, "focused": true}]);

    let choices = alice.autocomplete("recap", focused("sarang")).await;
    assert_eq!(choices, ["사랑의 불시착"]);
    let choices = alice.autocomplete("recap", focused("crash landing")).await;
    assert_eq!(choices, ["사랑의 불시착 · Crash Landing on You"]);

    let reply = alice.recap("sarangui bulsichak", 2).await;
    assert!(reply.title().starts_with("사랑의 불시착 — S1E2"), "{}", reply.title());
}

/// A member who has noted they are on episode 3 is asked before the recap of episode 5 shows
/// — privately, with a button to see it anyway — while earlier episodes and other members'
/// recaps show as always.
async fn a_recap_past_a_members_progress_asks_first(db: TestDb) {
    let mut fifth = sample();
    fifth.episode = 5;
    fifth.title = Some("Track 5".into());
    db.store.save_article(&sample()).await.unwrap();
    db.store.save_article(&fifth).await.unwrap();
    let (fake, _bot) = online(&db).await;
    let (alice, bob) = (member(&fake, "alice"), member(&fake, "bob"));

    let noted = alice
        .slash(
            "watching set",
            json!([{"name": "show", "value": "soundtrack 1"}, {"name": "episode", "value": 3}]),
        )
        .await;
    assert!(noted.is_private());
    assert!(
        noted.content().starts_with("Noted: you're on S1E3 of **Soundtrack #1**."),
        "{}",
        noted.content()
    );

    let asked = alice.recap("Soundtrack #1", 5).await;
    assert!(asked.is_private(), "the question is alice's alone");
    assert_eq!(
        asked.content(),
        "You're on E3 of **Soundtrack #1** — show E5 anyway? It may spoil what you haven't watched yet."
    );
    assert!(
        asked.json["embeds"].as_array().is_none_or(|e| e.is_empty()),
        "nothing of E5 shows: {}",
        asked.json
    );
    let shown = alice.click(&asked, "Show it anyway").await;
    assert!(shown.is_private());
    assert!(shown.title().starts_with("Soundtrack #1 — S1E5 · Track 5"), "{}", shown.title());

    let earlier = alice.recap("Soundtrack #1", 2).await;
    assert!(!earlier.is_private(), "an episode she has watched shows as always");
    let for_bob = bob.recap("Soundtrack #1", 5).await;
    assert!(!for_bob.is_private() && for_bob.title().starts_with("Soundtrack #1 — S1E5"));

    let list = alice.slash("watching list", json!([])).await;
    assert_eq!(list.content(), "• **Soundtrack #1**: S1E3");
    let cleared = alice.slash("watching clear", json!([])).await;
    assert_eq!(cleared.content(), "Forgot where you are in 1 show(s).");
    let now = alice.recap("Soundtrack #1", 5).await;
    assert!(!now.is_private() && now.title().starts_with("Soundtrack #1 — S1E5"));
}

/// An alert's Read button honours progress too: a member who is behind is asked, privately,
/// and the alert stays as everyone else sees it.
async fn an_alerts_read_button_asks_a_member_who_is_behind(db: TestDb) {
    let (fake, _bot) = online(&db).await;
    let alice = member(&fake, "alice");
    let recaps = fake.channel("recaps");
    alice
        .slash(
            "alerts subscribe",
            json!([{"name": "channel", "value": "recaps"}, {"name": "spoilers", "value": true}]),
        )
        .await;
    alice
        .slash(
            "watching set",
            json!([{"name": "show", "value": "Soundtrack #1"}, {"name": "episode", "value": 2}]),
        )
        .await;
    let mut fourth = sample();
    fourth.episode = 4;
    db.store.save_article(&fourth).await.unwrap();
    fake.wait_until(T, "the alert", |f| !f.messages(recaps).is_empty()).await;
    let alert = Message::from_json(fake.messages(recaps)[0].clone());

    let asked = alice.click(&alert, "Read the recap").await;
    assert!(asked.is_private());
    assert!(
        asked.content().starts_with("You're on E2 of **Soundtrack #1** — show E4 anyway?"),
        "{}",
        asked.content()
    );
    let unchanged = message_in(&fake, recaps, alert.id.unwrap()).unwrap();
    assert_eq!(unchanged.description(), alert.description(), "the alert is as it was");
    let shown = alice.click(&asked, "Show it anyway").await;
    assert!(
        shown.is_private() && shown.title().starts_with("Soundtrack #1 — S1E4"),
        "{}",
        shown.json
    );
}

/// A recap far longer than one embed: paged within every limit, page by page with ▶, and
/// nothing of the text lost.
async fn a_long_recap_pages_with_buttons(db: TestDb) {
    let paragraph = "Ji-woo finally confronts the producer about the missing demo tape, and the studio falls silent. ";
    let long_recap: String =
        (0..12).map(|i| format!("Part {i}. {}\n\n", paragraph.repeat(9))).collect();
    assert!(long_recap.chars().count() > 10_000);
    let mut long = sample();
    long.show = "Studio Nights".into();
    long.recap = long_recap.trim().to_string();
    db.store.save_article(&long).await.unwrap();
    let (fake, _bot) = online(&db).await;

    let bob = member(&fake, "bob");
    let mut reply = member(&fake, "alice")
        .slash("recap", json!([{"name": "show", "value": "Studio Nights"}]))
        .await;
    assert!(reply.footer().starts_with("Page 1/"), "{}", reply.footer());
    assert!(!reply.button("◀").enabled);
    let mut seen = String::new();
    let mut pages = 0;
    loop {
        assert_within_discord_limits(&reply);
        pages += 1;
        seen.push_str(reply.description());
        if !reply.button("▶").enabled {
            break;
        }
        reply = bob.click(&reply, "▶").await;
        assert!(reply.footer().starts_with(&format!("Page {}/", pages + 1)), "{}", reply.footer());
    }
    assert!(pages >= 3, "{pages} pages");
    let words =
        |s: &str| s.replace("||", " ").split_whitespace().map(String::from).collect::<Vec<_>>();
    let seen_words = words(&seen);
    for part in 0..12 {
        assert!(seen.contains(&format!("Part {part}.")), "part {part} missing");
    }
    assert!(seen_words.len() >= words(&long.recap).len(), "recap text lost across pages");
}

async fn episode_buttons_move_between_episodes(db: TestDb) {
    let mut next = sample();
    next.episode = 3;
    next.title = Some("Track 3".into());
    db.store.save_article(&next).await.unwrap();
    let (fake, _bot) = online(&db).await;
    let alice = member(&fake, "alice");
    let reply = alice.recap("Soundtrack #1", 2).await;
    assert!(!reply.button("⏮").enabled);
    let reply = alice.click(&reply, "⏭").await;
    assert_eq!(reply.title(), "Soundtrack #1 — S1E3 · Track 3");
    assert!(!reply.button("⏭").enabled);
}

async fn buttons_keep_working_after_a_restart(db: TestDb) {
    let mut next = sample();
    next.episode = 3;
    db.store.save_article(&next).await.unwrap();
    let (fake, bot) = online(&db).await;
    let alice = member(&fake, "alice");
    let reply = alice.recap("Soundtrack #1", 2).await;
    stop_bot(&fake, bot).await;
    let _restarted = start_bot(&fake, &db).await;
    fake.wait_identified(2, T).await;
    let reply = alice.click(&reply, "⏭").await;
    assert!(reply.title().starts_with("Soundtrack #1 — S1E3 ·"), "{reply}");
}

async fn everyone_in_an_article_pings_nobody(db: TestDb) {
    let mut rude = sample();
    rude.show = "Ping Drama".into();
    rude.recap =
        "@everyone look! <@&1100000000000000003> and <@1100000000000000002> were on screen.".into();
    db.store.save_article(&rude).await.unwrap();
    let (fake, _bot) = online(&db).await;
    let reply = member(&fake, "alice")
        .slash("recap", json!([{"name": "show", "value": "Ping Drama"}]))
        .await;
    assert!(reply.description().contains("@everyone"));
    assert_eq!(
        reply.allowed_mentions(),
        &json!({"parse": [], "roles": [], "users": []}),
        "{reply}"
    );
    for request in fake.requests().iter().filter(|r| r.method != "GET" && !r.body.is_null()) {
        if request.path.contains("/callback") || request.path.contains("/messages") {
            let body = &request.body;
            let mentions = body
                .get("data")
                .map(|d| &d["allowed_mentions"])
                .unwrap_or(&body["allowed_mentions"]);
            if !mentions.is_null() {
                assert_eq!(mentions["parse"], json!([]), "{request}");
            }
        }
    }
}

async fn a_dropped_gateway_resumes_and_recap_still_answers(db: TestDb) {
    let (fake, _bot) = online(&db).await;
    fake.drop_gateway();
    fake.wait_resumed(1, Duration::from_secs(20)).await;
    let reply = member(&fake, "alice")
        .slash("recap", json!([{"name": "show", "value": "Soundtrack #1"}]))
        .await;
    assert_eq!(
        reply.title(),
        "Soundtrack #1 — S1E2 · Track 2 – A picture is worth a thousand words"
    );
}

async fn a_429_on_the_callback_is_retried_after_retry_after(db: TestDb) {
    let (fake, _bot) = online(&db).await;
    fake.force_429_once("POST /interactions/*/*/callback", 1.0);
    let reply = member(&fake, "alice")
        .slash("recap", json!([{"name": "show", "value": "Soundtrack #1"}]))
        .await;
    assert!(reply.title().starts_with("Soundtrack #1"));
    let callbacks = fake.requests_to("POST /interactions/*/*/callback");
    assert_eq!(callbacks.len(), 2, "one 429, one retry");
    assert_eq!(callbacks[0].status, 429);
    let waited = callbacks[1].at.duration_since(callbacks[0].at);
    assert!(waited >= Duration::from_millis(950), "retried after {waited:?}");
}

async fn a_slow_answer_is_deferred_then_edited_in(db: TestDb) {
    db.store.save_article(&sample()).await.unwrap();
    let fake = FakeDiscord::start().await;
    // A bot that considers every answer slow takes the path a slow database would force.
    let mut settings = config_for(&fake);
    settings.tuning.defer_after = Duration::ZERO;
    let _bot = start_bot_with(&fake, &db, settings).await;
    let handle = fake.slash("alice", "recap", json!([{"name": "show", "value": "Soundtrack #1"}]));
    assert_eq!(
        handle.response(T).await["type"],
        json!(5),
        "deferred: Discord shows “recapbot is thinking…”"
    );
    let reply = Message::from_json(handle.reply(T).await);
    assert_eq!(
        reply.title(),
        "Soundtrack #1 — S1E2 · Track 2 – A picture is worth a thousand words"
    );
    assert_within_discord_limits(&reply);
    assert!(fake.unexpected_requests().is_empty(), "{:?}", fake.unexpected_requests());
}

async fn a_server_can_turn_spoiler_markup_off(db: TestDb) {
    let (fake, _bot) = online(&db).await;
    let alice = member(&fake, "alice");
    let set = alice.slash("settings", json!([{"name": "spoilers", "value": false}])).await;
    assert_eq!(set.content(), "Recaps in this server are shown without spoiler markup.");
    let reply = alice.slash("recap", json!([{"name": "show", "value": "Soundtrack #1"}])).await;
    let description = reply.description();
    assert!(description.starts_with("Episode 2 of Soundtrack #1 begin"), "{description}");
    assert!(!description.contains("||"));
    let denied =
        member(&fake, "bob").slash("settings", json!([{"name": "spoilers", "value": true}])).await;
    assert_eq!(
        denied.content(),
        "Only members with **Manage Server** permission can use /settings."
    );
    assert!(!db.store.guild_spoilers(recapbot::ids::GuildId::new(fake.guild_id())).await.unwrap());
}

backend_tests!(
    a_server_can_turn_spoiler_markup_off,
    a_slow_answer_is_deferred_then_edited_in,
    commands_are_registered_with_their_options,
    recap_shows_the_sample_episode_behind_spoilers,
    latest_episode_when_none_is_given_and_private_is_ephemeral,
    unknown_show_and_episode_say_what_exists,
    the_critic_rating_shows_as_the_site_wrote_it,
    autocomplete_finds_soundtrack_from_a_typo,
    a_korean_show_is_found_by_romanization_and_english_name,
    a_recap_past_a_members_progress_asks_first,
    an_alerts_read_button_asks_a_member_who_is_behind,
    a_long_recap_pages_with_buttons,
    episode_buttons_move_between_episodes,
    buttons_keep_working_after_a_restart,
    everyone_in_an_article_pings_nobody,
    a_dropped_gateway_resumes_and_recap_still_answers,
    a_429_on_the_callback_is_retried_after_retry_after,
);
