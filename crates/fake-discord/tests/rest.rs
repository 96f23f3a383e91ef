//! The REST side driven by serenity's own `Http` client, without a gateway.

use std::time::{Duration, Instant};

use fake_discord::{perms, FakeConfig, FakeDiscord, RateLimits};
use serenity::all::{
    ChannelId, ClientBuilder, CreateAttachment, CreateMessage, CreateThread, EditMessage,
    EventHandler, GatewayIntents, Http, HttpBuilder, ReactionType, UserId,
};

const T: Duration = Duration::from_secs(5);

fn http(fake: &FakeDiscord) -> Http {
    HttpBuilder::new(fake.token()).client(fake.http_client()).build()
}

/// Discord's error code of a failed request.
fn code(e: &serenity::Error) -> Option<isize> {
    match e {
        serenity::Error::Http(serenity::http::HttpError::UnsuccessfulRequest(r)) => {
            Some(r.error.code)
        }
        _ => None,
    }
}

#[tokio::test]
async fn messages_are_posted_edited_and_deleted() {
    let fake = FakeDiscord::start().await;
    let http = http(&fake);
    let channel = ChannelId::new(fake.channel_id());

    let posted =
        channel.send_message(&http, CreateMessage::new().content("first")).await.expect("posted");
    channel
        .edit_message(&http, posted.id, EditMessage::new().content("edited"))
        .await
        .expect("edited");
    let fetched = channel.message(&http, posted.id).await.expect("fetched");

    assert_eq!(fetched.content, "edited");
    assert_eq!(fake.messages(fake.channel_id())[0]["content"], "edited");
    channel.delete_message(&http, posted.id).await.expect("deleted");
    assert_eq!(code(&channel.message(&http, posted.id).await.unwrap_err()), Some(10008));
}

#[tokio::test]
async fn attachments_are_stored_and_described() {
    let fake = FakeDiscord::start().await;
    let http = http(&fake);
    // A 1×1 PNG header is enough for the fake to read the size.
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend_from_slice(&[0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
    let file = CreateAttachment::bytes(png.clone(), "card.png");

    let msg = ChannelId::new(fake.channel_id())
        .send_message(&http, CreateMessage::new().content("card").add_file(file))
        .await
        .expect("posted");

    let a = &msg.attachments[0];
    assert_eq!((a.filename.as_str(), a.width, a.height), ("card.png", Some(1), Some(1)));
    assert_eq!(fake.attachment(a.id.get()), Some(png));
}

#[tokio::test]
async fn reactions_are_listed_page_by_page() {
    let fake = FakeDiscord::start().await;
    let http = http(&fake);
    let channel = ChannelId::new(fake.channel_id());
    let msg =
        channel.send_message(&http, CreateMessage::new().content("rate me")).await.expect("posted");
    fake.react("alice", fake.channel_id(), msg.id.get(), "⭐");
    fake.react("bob", fake.channel_id(), msg.id.get(), "⭐");
    http.create_reaction(channel, msg.id, &ReactionType::Unicode("⭐".into()))
        .await
        .expect("bot reacts");

    let star = ReactionType::Unicode("⭐".into());
    let first =
        channel.reaction_users(&http, msg.id, star.clone(), Some(2), None).await.expect("page 1");
    let after = first.last().map(|u| u.id);
    let second = channel.reaction_users(&http, msg.id, star, Some(2), after).await.expect("page 2");

    assert_eq!(first.len() + second.len(), 3);
    let fetched = channel.message(&http, msg.id).await.expect("message");
    assert_eq!((fetched.reactions[0].count, fetched.reactions[0].me), (3, true));
}

#[tokio::test]
async fn missing_channel_and_permissions_give_discord_errors() {
    let fake = FakeDiscord::start().await;
    let http = http(&fake);
    let general = ChannelId::new(fake.channel_id());
    let recaps = ChannelId::new(fake.channel("recaps"));

    fake.deny_permission(general.get(), perms::SEND_MESSAGES);
    let denied = general.send_message(&http, CreateMessage::new().content("x")).await.unwrap_err();
    fake.deny_permission(general.get(), perms::VIEW_CHANNEL);
    let hidden = general.send_message(&http, CreateMessage::new().content("x")).await.unwrap_err();
    fake.delete_channel(recaps.get());
    let gone = recaps.send_message(&http, CreateMessage::new().content("x")).await.unwrap_err();

    assert_eq!(
        (code(&denied), code(&hidden), code(&gone)),
        (Some(50013), Some(50001), Some(10003))
    );
}

#[tokio::test]
async fn a_thread_can_be_started_from_a_message() {
    let fake = FakeDiscord::start().await;
    let http = http(&fake);
    let channel = ChannelId::new(fake.channel_id());
    let msg = channel
        .send_message(&http, CreateMessage::new().content("episode 1"))
        .await
        .expect("posted");

    let thread = channel
        .create_thread_from_message(&http, msg.id, CreateThread::new("Episode 1"))
        .await
        .expect("thread");

    assert_eq!((thread.id.get(), thread.name.as_str()), (msg.id.get(), "Episode 1"));
    assert_eq!(thread.parent_id, Some(channel));
}

#[tokio::test]
async fn guild_lookups_answer() {
    let fake = FakeDiscord::start().await;
    let http = http(&fake);
    let guild = serenity::all::GuildId::new(fake.guild_id());

    let channels = guild.channels(&http).await.expect("channels");
    let member = guild.member(&http, UserId::new(fake.user_id("alice"))).await.expect("member");
    let roles = guild.roles(&http).await.expect("roles");
    let me = http.get_current_user().await.expect("current user");

    assert_eq!(channels.len(), 2);
    assert_eq!(member.user.name, "alice");
    assert_eq!(roles.len(), 3, "@everyone, the bot's role and Fans");
    assert_eq!(me.id.get(), fake.bot_user_id());
}

#[tokio::test]
async fn serenity_waits_out_the_message_bucket() {
    let fake = FakeDiscord::start_with(FakeConfig::default().rate_limits(RateLimits {
        routes: vec![fake_discord::RouteLimit::new(
            "POST /channels/*/messages",
            2,
            Duration::from_millis(600),
        )],
        ..RateLimits::discord()
    }))
    .await;
    let http = http(&fake);
    let channel = ChannelId::new(fake.channel_id());

    let start = Instant::now();
    for i in 0..3 {
        channel
            .send_message(&http, CreateMessage::new().content(format!("m{i}")))
            .await
            .expect("posted");
    }

    // The third message waits for the bucket to reset; serenity does it pre-emptively, so no 429.
    assert!(start.elapsed() >= Duration::from_millis(500), "{:?}", start.elapsed());
    assert_eq!(fake.rate_limited_count(), 0);
    let last = &fake.requests_to("POST /channels/*/messages")[2];
    assert_eq!(last.status, 200);
}

#[tokio::test]
async fn a_global_429_is_retried() {
    let fake = FakeDiscord::start().await;
    let http = http(&fake);
    fake.force_global_429_once("GET /users/@me", 0.2);

    http.get_current_user().await.expect("retried");

    let calls = fake.requests_to("GET /users/@me");
    assert_eq!(calls.iter().map(|r| r.status).collect::<Vec<_>>(), [429, 200]);
}

#[tokio::test]
async fn an_unexpected_route_is_recorded() {
    let fake = FakeDiscord::start().await;
    let http = http(&fake);

    let err =
        http.get_guild_webhooks(serenity::all::GuildId::new(fake.guild_id())).await.unwrap_err();

    assert_eq!(code(&err), Some(0));
    let unexpected = fake.unexpected_requests();
    assert_eq!(unexpected.len(), 1);
    assert_eq!(unexpected[0].path, format!("/guilds/{}/webhooks", fake.guild_id()));
}

#[tokio::test]
async fn proxy_mode_reaches_the_same_routes() {
    let fake = FakeDiscord::start().await;
    let http =
        HttpBuilder::new(fake.token()).proxy(fake.proxy_url()).ratelimiter_disabled(true).build();

    let msg = ChannelId::new(fake.channel_id())
        .send_message(&http, CreateMessage::new().content("via proxy"))
        .await
        .expect("posted");

    assert_eq!(
        fake.message(fake.channel_id(), msg.id.get()).expect("stored")["content"],
        "via proxy"
    );
}

struct Nothing;
impl EventHandler for Nothing {}

#[tokio::test]
async fn a_wrong_token_is_closed_with_4004_and_the_client_fails() {
    let fake = FakeDiscord::start().await;
    let http = HttpBuilder::new("MTIz.wrong.token").client(fake.http_client()).build();
    let mut client = ClientBuilder::new_with_http(http, GatewayIntents::GUILDS)
        .event_handler(Nothing)
        .await
        .expect("client");

    // `start` only needs `GET /gateway`, which Discord serves without a token.
    let result = tokio::time::timeout(T, client.start()).await.expect("client ends in time");

    assert!(result.is_err(), "{result:?}");
    assert_eq!(fake.close_codes(), [4004]);
    assert_eq!(fake.identify_count(), 0);
}

#[tokio::test]
async fn a_429_carries_discords_headers_and_body() {
    let fake = FakeDiscord::start().await;
    fake.force_429_once("GET /users/@me", 1.5);

    let response = fake
        .http_client()
        .get("https://discord.com/api/v10/users/@me")
        .header("Authorization", format!("Bot {}", fake.token()))
        .send()
        .await
        .expect("response");

    assert_eq!(response.status(), 429);
    let header =
        |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
    assert_eq!(header("retry-after").as_deref(), Some("1.5"));
    assert_eq!(header("x-ratelimit-scope").as_deref(), Some("user"));
    assert_eq!(header("x-ratelimit-remaining").as_deref(), Some("0"));
    assert!(header("x-ratelimit-bucket").is_some());
    assert_eq!(header("x-ratelimit-global"), None);
    let body: serde_json::Value = response.json().await.expect("json body");
    assert_eq!(
        body,
        serde_json::json!({"message": "You are being rate limited.", "retry_after": 1.5, "global": false})
    );
}

#[tokio::test]
async fn more_than_50_requests_a_second_hit_the_global_limit() {
    let fake = FakeDiscord::start().await;
    // Without serenity's rate limiter (proxy mode), the 429s reach the caller.
    let http =
        HttpBuilder::new(fake.token()).proxy(fake.proxy_url()).ratelimiter_disabled(true).build();

    let calls = (0..55).map(|_| http.get_current_user());
    let results = futures::future::join_all(calls).await;

    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 50);
    let global = fake.requests_to("GET /users/@me").iter().filter(|r| r.status == 429).count();
    assert_eq!(global, 5);
}

#[tokio::test]
async fn a_message_deleted_by_a_moderator_is_gone() {
    let fake = FakeDiscord::start().await;
    let http = http(&fake);
    let channel = ChannelId::new(fake.channel_id());
    let id = fake.user_message("alice", channel.get(), "spoilers!");

    fake.delete_message(channel.get(), id);

    let err = channel.message(&http, serenity::all::MessageId::new(id)).await.unwrap_err();
    assert_eq!(code(&err), Some(10008));
    assert!(fake.messages(channel.get()).is_empty());
}
