//! The bot in the member's language: commands registered with their translations, answers in
//! the language of the member's Discord client, alerts in the server's.

use crate::support::bot::{config_for, sample, start_bot, start_bot_with, T};
use crate::support::driver::{keycap, member, message_in, messages_in, Message};
use crate::support::{subscribe_everything, TestDb};
use fake_discord::{FakeConfig, FakeDiscord};
use recapbot::ids::{ChannelId, GuildId, MessageId, UserId};
use serde_json::json;

/// The names of a recap message's fields, in order.
fn field_names(message: &Message) -> Vec<String> {
    let fields = message.json["embeds"][0]["fields"].as_array().cloned().unwrap_or_default();
    fields.iter().map(|f| f["name"].as_str().unwrap_or_default().to_string()).collect()
}

async fn each_member_is_answered_in_their_own_language(db: TestDb) {
    db.store.save_article(&sample()).await.unwrap();
    let config = FakeConfig::default()
        .members(&["alice", "minji", "claire"])
        .member_locale("minji", "ko")
        .member_locale("claire", "fr");
    let fake = FakeDiscord::start_with(config).await;
    let _bot = start_bot(&fake, &db).await;
    let typo = json!([{"name": "show", "value": "soundtrak"}]);

    let english = member(&fake, "alice").slash("recap", typo.clone()).await;
    assert!(english.is_private());
    assert_eq!(english.content(), "No show called “soundtrak”. Did you mean **Soundtrack #1**?");
    let korean = member(&fake, "minji").slash("recap", typo.clone()).await;
    assert_eq!(
        korean.content(),
        "“soundtrak”(이)라는 작품이 없습니다. **Soundtrack #1**을(를) 찾으셨나요?"
    );
    let french = member(&fake, "claire").slash("recap", typo).await;
    assert_eq!(
        french.content(),
        "Aucune série appelée « soundtrak ». Vouliez-vous dire **Soundtrack #1** ?"
    );

    // A missing episode names what was asked in the member's words too.
    let ninth = json!([{"name": "show", "value": "soundtrack 1"}, {"name": "episode", "value": 9}]);
    let korean = member(&fake, "minji").slash("recap", ninth).await;
    assert_eq!(
        korean.content(),
        "**Soundtrack #1** 9회의 요약이 없습니다. 요약이 있는 회차: S1E2."
    );

    // Watch progress and the spoiler gate speak Korean; English stays as it was.
    let on_first =
        json!([{"name": "show", "value": "soundtrack 1"}, {"name": "episode", "value": 1}]);
    let noted = member(&fake, "minji").slash("watching set", on_first.clone()).await;
    assert_eq!(
        noted.content(),
        "기록했습니다: **Soundtrack #1** S1E1까지 보셨습니다. 이후 회차의 요약은 보여주기 전에 물어봅니다."
    );
    let gate = member(&fake, "minji").recap("Soundtrack #1", 2).await;
    assert!(gate.is_private());
    assert!(
        gate.content().starts_with("**Soundtrack #1**을(를) E1까지 보셨습니다."),
        "{}",
        gate.content()
    );
    assert_eq!(gate.buttons()[0].label, "그래도 보기");
    member(&fake, "alice").slash("watching set", on_first).await;
    let gate = member(&fake, "alice").recap("Soundtrack #1", 2).await;
    assert_eq!(
        gate.content(),
        "You're on E1 of **Soundtrack #1** — show E2 anyway? It may spoil what you haven't watched yet."
    );
    assert_eq!(gate.buttons()[0].label, "Show it anyway");
    assert!(fake.unexpected_requests().is_empty(), "{:?}", fake.unexpected_requests());
}

async fn a_private_recap_speaks_the_members_language_a_public_one_the_servers(db: TestDb) {
    let saved = db.store.save_article(&sample()).await.unwrap();
    let config = FakeConfig::default().members(&["alice", "minji"]).member_locale("minji", "ko");
    let fake = FakeDiscord::start_with(config).await;
    let episode = db.store.recap_by_id(saved.recap_id()).await.unwrap().unwrap().episode_id;
    for (user, score) in [(9_001, 5), (9_002, 4)] {
        let (guild, user) = (GuildId::new(fake.guild_id()), UserId::new(user));
        db.store.cast_vote(guild, user, episode, score, MessageId::new(1)).await.unwrap();
    }
    let _bot = start_bot(&fake, &db).await;
    let private = json!([
        {"name": "show", "value": "Soundtrack #1"},
        {"name": "episode", "value": 2},
        {"name": "private", "value": true},
    ]);

    let korean = member(&fake, "minji").slash("recap", private.clone()).await;
    assert!(korean.is_private());
    assert_eq!(field_names(&korean), ["리뷰", "커뮤니티", "출처"]);
    assert_eq!(korean.field("커뮤니티"), Some("이 서버: ★ 4.5 · 2표\n모든 서버: ★ 4.5 · 2표"));
    let review = korean.field("리뷰").unwrap();
    assert!(review.contains("Roll on next week’s follow-up!"), "the review is the site's own");
    assert!(korean.title().starts_with("Soundtrack #1 — S1E2"));

    let english = member(&fake, "alice").slash("recap", private).await;
    assert_eq!(field_names(&english), ["Review", "Community", "Source"]);
    assert_eq!(
        english.field("Community"),
        Some("This server: ★ 4.5 · 2 votes\nAll servers: ★ 4.5 · 2 votes")
    );

    // A public recap is the channel's, whoever asks: in the server's language.
    let public = member(&fake, "minji").recap("Soundtrack #1", 2).await;
    assert!(!public.is_private());
    assert_eq!(field_names(&public), ["Review", "Community", "Source"]);
    assert!(fake.unexpected_requests().is_empty(), "{:?}", fake.unexpected_requests());
}

/// The ratings chart's table reads in the member's language, its columns still aligned.
async fn the_ratings_table_speaks_the_members_language(db: TestDb) {
    let fake = FakeDiscord::start_with(
        FakeConfig::default().members(&["alice", "lucia"]).member_locale("lucia", "es-ES"),
    )
    .await;
    for (episode, scores) in [(1, &[5u8, 4, 4][..]), (2, &[3][..]), (3, &[][..])] {
        crate::ratings::seed_votes(&db, fake.guild_id(), episode, scores).await;
    }
    let _bot = start_bot(&fake, &db).await;
    let season = json!([{"name": "show", "value": "soundtrack 1"}, {"name": "season", "value": 1}]);
    let reply = member(&fake, "lucia").slash("ratings", season).await;
    let text = reply.content();
    assert!(text.contains("Episodio  Nota   Votos\nE1        4.3    3\n"), "{text}");
    assert!(text.contains("E3        –      0"), "{text}");
    assert_eq!(reply.attachments().len(), 1, "the chart is attached");
}

async fn commands_reach_discord_with_their_translations(db: TestDb) {
    let fake = FakeDiscord::start().await;
    let _bot = start_bot(&fake, &db).await;
    let commands = fake.commands();
    let recap = commands.iter().find(|c| c["name"] == "recap").expect("/recap registered");
    assert_eq!(recap["name_localizations"]["ko"], "요약");
    assert_eq!(recap["name_localizations"]["ja"], "あらすじ");
    assert_eq!(recap["name_localizations"]["es-ES"], "resumen");
    assert_eq!(recap["name_localizations"]["pt-BR"], "resumo");
    assert_eq!(recap["name_localizations"]["fr"], "résumé");
    let show = &recap["options"][0];
    assert_eq!(show["name"], "show");
    assert_eq!(show["description_localizations"]["ko"], "작품 (입력하면 검색됩니다)");
    for command in &commands {
        for locale in ["ko", "ja", "es-ES", "pt-BR", "fr"] {
            assert!(
                command["description_localizations"][locale].is_string(),
                "/{} has no {locale} description",
                command["name"]
            );
        }
    }
}

async fn an_alert_speaks_the_servers_language(db: TestDb) {
    let fake = FakeDiscord::start_with(FakeConfig::default().preferred_locale("ja")).await;
    let _bot = start_bot_with(&fake, &db, config_for(&fake)).await;
    let recaps = fake.channel("recaps");
    subscribe_everything(&db, GuildId::new(fake.guild_id()), ChannelId::new(recaps)).await;

    db.store.save_article(&sample()).await.unwrap();
    fake.wait_until(T, "the alert", |f| !messages_in(f, recaps).is_empty()).await;
    let alert = &messages_in(&fake, recaps)[0];
    assert_eq!(alert.content(), "新着あらすじ: **Soundtrack #1** S1E2");
    assert_eq!(alert.buttons()[0].label, "あらすじを読む");
    // The recap itself is not translated; the frame around it is.
    assert!(alert.title().starts_with("Soundtrack #1 — S1E2"));
    assert_eq!(field_names(alert), ["出典"]);
    assert_eq!(alert.footer(), "1️⃣–5️⃣ でこのエピソードを評価しましょう");

    // A vote on the alert: the live score it then shows is in Japanese too.
    let id = alert.id.expect("the alert's id");
    let bot = fake.bot_user_id();
    fake.wait_until(T, "1️⃣–5️⃣ on the alert", |f| {
        (1..=5).all(|n| f.reactions(id, &keycap(n)).contains(&bot))
    })
    .await;
    fake.react("alice", recaps, id, &keycap(4));
    let score = "このサーバー: ★ 4.0 · 1票\n全サーバー: ★ 4.0 · 1票";
    fake.wait_until(T, "the alert's score in Japanese", |f| {
        message_in(f, recaps, id).is_some_and(|m| m.field("コミュニティ") == Some(score))
    })
    .await;
    let scored = message_in(&fake, recaps, id).unwrap();
    assert_eq!(field_names(&scored), ["レビュー", "コミュニティ", "出典"]);

    // A member whose client is in English turns the shared post: it stays in Japanese.
    let read = member(&fake, "alice").click(&scored, "あらすじを読む").await;
    assert!(!read.is_private());
    assert_eq!(field_names(&read), ["レビュー", "コミュニティ", "出典"]);
}

backend_tests!(
    each_member_is_answered_in_their_own_language,
    a_private_recap_speaks_the_members_language_a_public_one_the_servers,
    the_ratings_table_speaks_the_members_language,
    commands_reach_discord_with_their_translations,
    an_alert_speaks_the_servers_language,
);
