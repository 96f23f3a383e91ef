//! The bot in the member's language: commands registered with their translations, answers in
//! the language of the member's Discord client, alerts in the server's.

use crate::support::bot::{config_for, sample, start_bot, start_bot_with, T};
use crate::support::driver::{member, messages_in};
use crate::support::{subscribe_everything, TestDb};
use fake_discord::{FakeConfig, FakeDiscord};
use recapbot::ids::{ChannelId, GuildId};
use serde_json::json;

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
    // The recap itself is not translated.
    assert!(alert.title().starts_with("Soundtrack #1 — S1E2"));
}

backend_tests!(
    each_member_is_answered_in_their_own_language,
    commands_reach_discord_with_their_translations,
    an_alert_speaks_the_servers_language,
);
