//! A real poise bot against the fake: each test is one user story.

mod common;

use std::time::Duration;

use common::{start_bot, T};
use fake_discord::{FakeConfig, FakeDiscord};
use serde_json::json;

#[tokio::test]
async fn ping_is_answered_pong() {
    let fake = FakeDiscord::start().await;
    let _bot = start_bot(&fake).await;

    let reply = fake.slash("alice", "ping", json!([])).reply(T).await;

    assert_eq!(reply["content"], "pong");
    assert_eq!(fake.identify_count(), 1);
    assert!(fake.unexpected_requests().is_empty(), "{:?}", fake.unexpected_requests());
}

#[tokio::test]
async fn registered_commands_keep_their_option_types() {
    let fake = FakeDiscord::start().await;
    let _bot = start_bot(&fake).await;

    let commands = fake.commands();
    let recap = commands.iter().find(|c| c["name"] == "recap").expect("recap registered");
    assert_eq!(recap["options"][0]["type"], 3);
    assert_eq!(recap["options"][0]["autocomplete"], true);
    assert_eq!(recap["guild_id"], fake.guild_id().to_string());
}

#[tokio::test]
async fn a_deferred_command_is_edited_through_original() {
    let fake = FakeDiscord::start().await;
    let _bot = start_bot(&fake).await;

    let slow = fake.slash("bob", "slow", json!([]));

    assert_eq!(slow.response(T).await["type"], 5);
    assert_eq!(slow.reply(T).await["content"], "done slowly");
    assert_eq!(fake.requests_to("PATCH /webhooks/*/*/messages/@original").len(), 1);
}

#[tokio::test]
async fn option_values_reach_the_command_and_subcommands_reply_ephemerally() {
    let fake = FakeDiscord::start().await;
    let _bot = start_bot(&fake).await;

    let recap = fake
        .slash("alice", "recap", json!([{"name": "show", "value": "Severance"}]))
        .reply(T)
        .await;
    let sub = fake
        .slash("alice", "alerts subscribe", json!([{"name": "show", "value": "The Bear"}]))
        .reply(T)
        .await;

    assert_eq!(recap["content"], "recap of Severance");
    assert_eq!(sub["content"], "subscribed to The Bear");
    assert_eq!(sub["flags"].as_u64().unwrap_or(0) & 64, 64, "ephemeral");
}

#[tokio::test]
async fn autocomplete_offers_matching_shows() {
    let fake = FakeDiscord::start().await;
    let _bot = start_bot(&fake).await;

    let choices = fake
        .autocomplete("alice", "recap", json!([{"name": "show", "value": "s"}]))
        .choices(T)
        .await;

    let names: Vec<&str> = choices.iter().filter_map(|c| c["name"].as_str()).collect();
    assert_eq!(names, ["Severance", "Squid Game", "Succession"]);
}

#[tokio::test]
async fn clicking_the_button_updates_the_message() {
    let fake = FakeDiscord::start().await;
    let _bot = start_bot(&fake).await;
    let counter = fake.slash("alice", "counter", json!([]));
    counter.reply(T).await;

    let click = fake.click("bob", &counter, "inc");

    assert_eq!(click.response(T).await["type"], 7);
    assert_eq!(click.reply(T).await["content"], "count: 1");
    let id = counter.message_id().expect("counter message");
    assert_eq!(fake.message(fake.channel_id(), id).expect("still there")["content"], "count: 1");
}

#[tokio::test]
async fn a_reaction_reaches_the_event_handler() {
    let fake = FakeDiscord::start().await;
    let mut bot = start_bot(&fake).await;
    let counter = fake.slash("alice", "counter", json!([]));
    counter.reply(T).await;
    let message = counter.message_id().expect("message");

    fake.react("bob", fake.channel_id(), message, "👍");

    let seen = tokio::time::timeout(T, bot.reactions.recv()).await.expect("reaction event in time");
    assert_eq!(seen, Some(format!("{} 👍", fake.user_id("bob"))));
    assert_eq!(fake.reactions(message, "👍"), [fake.user_id("bob")]);
}

#[tokio::test]
async fn a_429_on_the_callback_is_retried_after_retry_after() {
    let fake = FakeDiscord::start().await;
    let _bot = start_bot(&fake).await;
    fake.force_429_once("POST /interactions/*/*/callback", 0.5);

    let reply = fake.slash("alice", "ping", json!([])).reply(T).await;

    assert_eq!(reply["content"], "pong");
    let calls = fake.requests_to("POST /interactions/*/*/callback");
    assert_eq!(calls.iter().map(|r| r.status).collect::<Vec<_>>(), [429, 204]);
    let gap = calls[1].at - calls[0].at;
    assert!(gap >= Duration::from_millis(500), "retried after {gap:?}");
    assert_eq!(fake.rate_limited_count(), 1);
}

#[tokio::test]
async fn a_dropped_gateway_is_resumed_and_the_next_ping_answered() {
    let fake = FakeDiscord::start().await;
    let _bot = start_bot(&fake).await;

    fake.drop_gateway();
    let reply = fake.slash("alice", "ping", json!([])).reply(T).await;

    assert_eq!(reply["content"], "pong");
    assert_eq!(fake.resume_count(), 1);
    assert_eq!(fake.identify_count(), 1);
}

#[tokio::test]
async fn reconnect_request_leads_to_a_resume() {
    let fake = FakeDiscord::start().await;
    let _bot = start_bot(&fake).await;

    fake.send_reconnect();
    fake.wait_resumed(1, T).await;

    assert_eq!(fake.slash("alice", "ping", json!([])).reply(T).await["content"], "pong");
}

#[tokio::test]
async fn a_non_resumable_invalid_session_leads_to_a_new_identify() {
    let fake = FakeDiscord::start().await;
    let _bot = start_bot(&fake).await;

    fake.send_invalid_session(false);
    fake.wait_identified(2, Duration::from_secs(15)).await;

    assert_eq!(fake.slash("alice", "ping", json!([])).reply(T).await["content"], "pong");
}

#[tokio::test]
async fn an_interaction_answered_twice_is_refused_with_40060() {
    let fake = FakeDiscord::start().await;
    let _bot = start_bot(&fake).await;
    let ping = fake.slash("alice", "ping", json!([]));
    ping.reply(T).await;

    // A second initial response, sent the way a buggy bot would.
    let http = serenity::all::HttpBuilder::new(fake.token()).client(fake.http_client()).build();
    let again = serenity::all::CreateInteractionResponse::Message(
        serenity::all::CreateInteractionResponseMessage::new().content("again"),
    );
    let err = http
        .create_interaction_response(ping.id.into(), &ping.token, &again, Vec::new())
        .await
        .expect_err("second response refused");

    assert!(err.to_string().contains("already been acknowledged"), "{err}");
}

#[tokio::test]
async fn a_response_after_the_deadline_is_refused_with_10062() {
    let fake = FakeDiscord::start_with(
        FakeConfig::default().interaction_deadline(Duration::from_millis(100)),
    )
    .await;
    let _bot = start_bot(&fake).await;

    fake.slash("alice", "nap", json!([]));

    let callback = fake.wait_request("POST /interactions/*/*/callback", T).await;
    assert_eq!(callback.status, 404);
}

#[tokio::test]
async fn follow_ups_are_posted_and_edited() {
    let fake = FakeDiscord::start().await;
    let _bot = start_bot(&fake).await;

    let steps = fake.slash("alice", "steps", json!([]));

    assert_eq!(steps.reply(T).await["content"], "step 1");
    fake.wait_until(T, "the follow-up edit", |_| {
        steps.followups().first().is_some_and(|m| m["content"] == "step 2 done")
    })
    .await;
    assert_eq!(fake.requests_to("PATCH /webhooks/*/*/messages/*").len(), 1);
}

#[tokio::test]
async fn a_modal_is_opened_and_submitted() {
    let fake = FakeDiscord::start().await;
    let _bot = start_bot(&fake).await;
    let feedback = fake.slash("alice", "feedback", json!([]));

    let modal = feedback.response(T).await;
    let submit = fake.submit_modal("alice", &feedback, &[("text", "great recaps")]).await;

    assert_eq!(modal["type"], 9);
    assert_eq!(submit.response(T).await["type"], 6);
    let thanks = feedback.wait_followups(1, T).await;
    assert_eq!(thanks[0]["content"], "thanks: great recaps");
}

#[tokio::test]
async fn heartbeats_are_acknowledged() {
    let fake = FakeDiscord::start_with(
        FakeConfig::default().heartbeat_interval(Duration::from_millis(100)),
    )
    .await;
    let _bot = start_bot(&fake).await;

    fake.wait_until(T, "three heartbeats", |f| f.heartbeat_count() >= 3).await;

    // serenity reconnects when a heartbeat is not acknowledged; it never had to.
    assert_eq!(fake.gateway_connections(), 1);
}

#[tokio::test]
async fn integer_and_user_options_are_typed_like_discord_sends_them() {
    let fake = FakeDiscord::start().await;
    let _bot = start_bot(&fake).await;

    let options = json!([{"name": "episode", "value": "4"}, {"name": "who", "value": "bob"}]);
    let reply = fake.slash("alice", "rate", options).reply(T).await;

    assert_eq!(reply["content"], "bob rated 4");
}

#[tokio::test]
async fn an_ephemeral_reply_is_not_a_channel_message() {
    let fake = FakeDiscord::start().await;
    let _bot = start_bot(&fake).await;
    let sub =
        fake.slash("alice", "alerts subscribe", json!([{"name": "show", "value": "The Bear"}]));
    let id: u64 =
        sub.reply(T).await["id"].as_str().and_then(|s| s.parse().ok()).expect("message id");

    let http = serenity::all::HttpBuilder::new(fake.token()).client(fake.http_client()).build();
    let err = http.get_message(fake.channel_id().into(), id.into()).await.expect_err("not visible");

    assert!(err.to_string().contains("Unknown Message"), "{err}");
}

#[tokio::test]
async fn a_missed_heartbeat_ack_makes_the_bot_reconnect() {
    let fake = FakeDiscord::start_with(
        FakeConfig::default().heartbeat_interval(Duration::from_millis(100)),
    )
    .await;
    let _bot = start_bot(&fake).await;

    fake.skip_heartbeat_acks(1);
    // serenity restarts a zombied shard after a 5 s pause between shard boots.
    fake.wait_identified(2, Duration::from_secs(15)).await;

    assert_eq!(fake.slash("alice", "ping", json!([])).reply(T).await["content"], "pong");
}

#[tokio::test]
async fn an_attachment_in_a_reply_is_kept_byte_for_byte() {
    let fake = FakeDiscord::start().await;
    let _bot = start_bot(&fake).await;

    let reply = fake.slash("alice", "card", json!([])).reply(T).await;

    let attachment = &reply["attachments"][0];
    assert_eq!(attachment["filename"], "card.png");
    let id = attachment["id"].as_str().and_then(|s| s.parse().ok()).expect("attachment id");
    assert_eq!(fake.attachment(id).as_deref(), Some(&b"\x89PNG fake image"[..]));
}
