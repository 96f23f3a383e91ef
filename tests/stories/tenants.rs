//! Servers are tenants: what a server's admin brings in (`/publish`, `/feeds add`) is that
//! server's, shown and alerted there only; what the operator imports is shared by all.

use axum::routing::get;
use recapbot::app::{Error, UserError};
use recapbot::ids::{ChannelId, GuildId};
use recapbot::ingest::article::Hints;
use recapbot::ingest::fetch::{FetchPolicy, Fetcher};
use recapbot::ingest::import::{import_one, Source};
use recapbot::store::recaps::Saved;

use crate::support::bot::app;
use crate::support::bot::sample;
use crate::support::{alerted_guilds, subscribe_everything, TestDb};

const ALPHA: GuildId = GuildId::new(111);
const BETA: GuildId = GuildId::new(222);

async fn a_servers_recap_is_shown_and_alerted_in_that_server_only(db: TestDb) {
    subscribe_everything(&db, ALPHA, ChannelId::new(1)).await;
    subscribe_everything(&db, BETA, ChannelId::new(2)).await;
    let mut planted = sample();
    planted.show = "Planted Show".into();
    planted.recap = "Text that only Alpha's admin brought in.".into();
    assert!(matches!(
        db.store.save_article_of(&planted, Some(ALPHA)).await.unwrap(),
        Saved::Inserted(_)
    ));
    assert_eq!(alerted_guilds(&db).await, [ALPHA.db()], "alerted in Alpha only");

    let app = app(&db.store);
    let seen = app.find_recap("Planted Show", None, None, Some(ALPHA)).await.unwrap();
    assert_eq!(seen.recap.recap, "Text that only Alpha's admin brought in.");
    match app.find_recap("Planted Show", None, None, Some(BETA)).await {
        Err(Error::User(UserError::UnknownShow { suggestions, .. })) => {
            assert!(suggestions.is_empty(), "{suggestions:?}")
        }
        other => panic!("Beta must not see Alpha's recap: {other:?}"),
    }
    assert!(app.complete_show("Planted", Some(BETA)).await.unwrap().is_empty());
    let offered = app.complete_show("Planted", Some(ALPHA)).await.unwrap();
    assert_eq!(offered.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), ["Planted Show"]);
}

async fn the_operators_recaps_are_shared_and_a_servers_copy_overwrites_nothing(db: TestDb) {
    subscribe_everything(&db, ALPHA, ChannelId::new(1)).await;
    subscribe_everything(&db, BETA, ChannelId::new(2)).await;
    db.store.save_article(&sample()).await.unwrap();
    assert_eq!(alerted_guilds(&db).await, [ALPHA.db(), BETA.db()], "shared: alerted everywhere");

    // Alpha's admin publishes the same site's page for the same episode, rewritten.
    let mut rewritten = sample();
    rewritten.recap = "Alpha's rewrite.".into();
    assert!(matches!(
        db.store.save_article_of(&rewritten, Some(ALPHA)).await.unwrap(),
        Saved::Inserted(_)
    ));
    let app = app(&db.store);
    let beta = app.find_recap("Soundtrack #1", Some(1), Some(2), Some(BETA)).await.unwrap();
    assert!(beta.recap.recap.starts_with("Episode 2 of Soundtrack #1"), "the shared recap");
    assert_eq!(db.store.list_recaps(None).await.unwrap().len(), 2, "two recaps, none replaced");
}

/// A recap site on loopback serving the sample page, whose canonical link names another site.
async fn impostor_site() -> String {
    let html = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/soundtrack-1-s01e02.html"),
    )
    .unwrap();
    let app = axum::Router::new()
        .route("/copy", get(move || async move { ([("content-type", "text/html")], html) }));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("{base}/copy")
}

async fn a_canonical_link_to_another_site_overwrites_nothing(db: TestDb) {
    // The real site's recap, imported by the operator.
    let file = Source::File(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/soundtrack-1-s01e02.html"),
    );
    let fetcher = Fetcher::new(FetchPolicy { allow_private: true, ..FetchPolicy::default() });
    let original = import_one(Some(&db.store), &file, &Hints::default(), &fetcher).await;
    assert!(matches!(original.result, Ok((_, Some(Saved::Inserted(_))))));

    // The same page served from elsewhere, claiming to be the real site's.
    let url = impostor_site().await;
    let copy =
        import_one(Some(&db.store), &Source::Url(url.clone()), &Hints::default(), &fetcher).await;
    let (article, saved) = copy.result.unwrap();
    assert_eq!(article.url.as_deref(), Some(url.as_str()), "its source is where it came from");
    assert!(matches!(saved, Some(Saved::Inserted(_))), "a recap of its own, not an update");
    let sites: Vec<String> =
        db.store.list_recaps(None).await.unwrap().into_iter().map(|r| r.source_site).collect();
    assert_eq!(sites, ["127.0.0.1", "thereviewgeek.com"]);
}

backend_tests!(
    a_servers_recap_is_shown_and_alerted_in_that_server_only,
    the_operators_recaps_are_shared_and_a_servers_copy_overwrites_nothing,
    a_canonical_link_to_another_site_overwrites_nothing,
);
