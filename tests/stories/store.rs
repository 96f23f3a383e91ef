//! The store on both backends: what importing articles leaves in the database.

use crate::support::{sample_article, TestDb};
use recapbot::ids::GuildId;
use recapbot::ingest::article::{parse_article, Format, Hints};
use recapbot::ingest::import::{self, Source};
use recapbot::recap::Article;
use recapbot::store::recaps::Saved;

fn sample() -> Article {
    let text = std::fs::read_to_string(sample_article()).unwrap();
    parse_article(&text, Format::Text, &Hints::default()).unwrap()
}

async fn count(db: &TestDb, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(recapbot::harness::pool(&db.store))
        .await
        .unwrap()
}

async fn importing_the_sample_stores_what_recap_will_show(db: TestDb) {
    let saved = db.store.save_article(&sample()).await.unwrap();
    assert!(matches!(saved, Saved::Inserted(_)));

    let (show, name) = db.store.find_show("soundtrack 1").await.unwrap().expect("show stored");
    assert_eq!(name, "Soundtrack #1");
    let recap = db.store.recap(show, 1, 2, None).await.unwrap().expect("S1E2 stored");
    assert_eq!(recap.number.to_string(), "S1E2");
    assert_eq!(recap.title.as_deref(), Some("Track 2 – A picture is worth a thousand words"));
    assert!(recap.recap.starts_with("Episode 2 of Soundtrack #1 begin"));
    assert!(recap.recap.ends_with("just starting to understand too."));
    assert!(recap.review.as_deref().unwrap().ends_with("Roll on next week’s follow-up!"));
    assert_eq!(recap.source_site, "local");
    assert_eq!(db.store.latest_recap(show, None).await.unwrap().unwrap().id, recap.id);
}

async fn importing_the_same_article_twice_changes_nothing(db: TestDb) {
    let first = db.store.save_article(&sample()).await.unwrap();
    let before = db.store.recap_by_id(first.recap_id()).await.unwrap().unwrap();
    let second = db.store.save_article(&sample()).await.unwrap();
    assert_eq!(second, Saved::Unchanged(first.recap_id()));
    assert_eq!(db.store.recap_by_id(first.recap_id()).await.unwrap().unwrap(), before);
    for table in ["shows", "episodes", "recaps"] {
        assert_eq!(count(&db, table).await, 1, "{table}");
    }
}

async fn an_updated_article_updates_in_place(db: TestDb) {
    let first = db.store.save_article(&sample()).await.unwrap();
    let mut corrected = sample();
    corrected.recap.push_str("\n\nUpdate: the song is now on streaming services.");
    let second = db.store.save_article(&corrected).await.unwrap();
    assert_eq!(second, Saved::Updated(first.recap_id()));
    let recap = db.store.recap_by_id(first.recap_id()).await.unwrap().unwrap();
    assert!(recap.recap.ends_with("now on streaming services."));
    assert_eq!(count(&db, "recaps").await, 1);
}

async fn the_same_episode_from_another_site_is_a_second_recap(db: TestDb) {
    let local = db.store.save_article(&sample()).await.unwrap();
    let mut other = sample();
    other.url = Some("https://www.kdramarecaps.example/soundtrack-1-2".into());
    let web = db.store.save_article(&other).await.unwrap();
    assert_ne!(local.recap_id(), web.recap_id());
    assert_eq!(count(&db, "episodes").await, 1);
    let recap = db.store.recap_by_id(web.recap_id()).await.unwrap().unwrap();
    assert_eq!(recap.source_site, "kdramarecaps.example");
}

async fn a_double_episode_answers_for_both_numbers(db: TestDb) {
    let mut double = sample();
    double.episode = 3;
    double.episode_end = Some(4);
    db.store.save_article(&double).await.unwrap();
    let (show, _) = db.store.find_show("Soundtrack #1").await.unwrap().unwrap();
    let for_four =
        db.store.recap(show, 1, 4, None).await.unwrap().expect("episode 4 is in the double recap");
    assert_eq!(for_four.number.to_string(), "S1E3–4");
    assert!(db.store.recap(show, 1, 5, None).await.unwrap().is_none());
    assert_eq!(db.store.episodes_with_recaps(show, None).await.unwrap(), vec![for_four.number]);
}

async fn a_failing_article_writes_nothing(db: TestDb) {
    // The show is written first; the episode then breaks a CHECK constraint. The transaction
    // must take the show back with it.
    let mut broken = sample();
    broken.show = "A Show That Must Not Exist".into();
    broken.episode = 4;
    broken.episode_end = Some(2);
    assert!(db.store.save_article(&broken).await.is_err());
    assert_eq!(count(&db, "shows").await, 0);
    assert!(db.store.find_show("A Show That Must Not Exist").await.unwrap().is_none());
}

async fn show_lookup_tolerates_typos_and_aliases(db: TestDb) {
    db.store.save_article(&sample()).await.unwrap();
    let mut cloy = sample();
    cloy.show = "Crash Landing on You".into();
    let saved = db.store.save_article(&cloy).await.unwrap();
    let cloy_id = db.store.recap_by_id(saved.recap_id()).await.unwrap().unwrap().show_id;
    db.store.add_alias(cloy_id, "사랑의 불시착").await.unwrap();

    for query in ["soundtrack 1", "Soundtrack#1", "soundtrak", "SOUND"] {
        let found = db.store.search_shows(query, 25).await.unwrap();
        assert_eq!(
            found.first().map(|m| m.name.as_str()),
            Some("Soundtrack #1"),
            "query {query:?}"
        );
    }
    let found = db.store.search_shows("사랑의", 25).await.unwrap();
    assert_eq!(found.first().map(|m| m.name.as_str()), Some("Crash Landing on You"));
    assert!(db.store.search_shows("zzqxv", 25).await.unwrap().is_empty());
}

/// The show a recap lands on, as `/recap` would list it.
async fn stored_show(db: &TestDb, article: &Article) -> String {
    let saved = db.store.save_article(article).await.unwrap();
    db.store.recap_by_id(saved.recap_id()).await.unwrap().unwrap().show
}

fn page(headline: &str) -> Article {
    let text = format!("{headline}\n\nThe episode opens on a dark and stormy night.\n");
    parse_article(&text, Format::Text, &Hints::default()).unwrap()
}

/// A page that gives the show's name in two scripts teaches the other as an alias: members
/// find the show by either (and by the Hangul's romanization), and a page in the other
/// script lands on the same show. A server's own page reads aliases but teaches none.
async fn a_name_in_brackets_in_another_script_becomes_an_alias(db: TestDb) {
    let english = page("Crash Landing on You (사랑의 불시착) Episode 4 Recap");
    assert_eq!(english.aliases, ["사랑의 불시착"]);
    assert_eq!(stored_show(&db, &english).await, "Crash Landing on You");
    for query in ["사랑의 불시착", "sarangui bulsichak"] {
        let found = db.store.search_shows(query, 1).await.unwrap();
        assert_eq!(found[0].name, "Crash Landing on You", "{query}");
        assert_eq!(found[0].alias.as_deref(), Some("사랑의 불시착"), "{query}");
    }
    let korean = page("사랑의 불시착 (Crash Landing on You) 5화 Episode 5 리뷰");
    assert_eq!(stored_show(&db, &korean).await, "Crash Landing on You");

    let planted = page("Squid Game (눈물의 여왕) Episode 1 Recap");
    db.store.save_article_of(&planted, Some(GuildId::new(77))).await.unwrap();
    let found = db.store.search_shows("눈물의 여왕", 3).await.unwrap();
    assert!(found.iter().all(|m| m.alias.is_none()), "a server taught an alias: {found:?}");
}

/// A headline that wraps a followed show's name (or alias) in a site's own wording still
/// files the recap under that show, whatever the wording; other shows stay apart.
async fn a_headline_containing_a_stored_show_lands_on_it(db: TestDb) {
    let slime = "That Time I Got Reincarnated as a Slime";
    assert_eq!(stored_show(&db, &page(&format!("{slime} Episode 2 Review"))).await, slime);
    // tests/corpus/pages/085-slime-e3.txt
    let wrapped = page(&format!("A Good Action Anime Series so Far – {slime} Episode 3 Review"));
    assert_eq!(stored_show(&db, &wrapped).await, slime);

    // tests/corpus/pages/089-haburashi-e2-3.txt, through an alias.
    let mut toothbrush = sample();
    toothbrush.show = "Toothbrush".into();
    let saved = db.store.save_article(&toothbrush).await.unwrap();
    let id = db.store.recap_by_id(saved.recap_id()).await.unwrap().unwrap().show_id;
    db.store.add_alias(id, "Haburashi").await.unwrap();
    let line = r#"Yuki Uchida: "Haburashi/Onna Tomodachi" drama episode two and three recaps"#;
    assert_eq!(stored_show(&db, &page(line)).await, "Toothbrush");

    // A sequel stays its own show; the longest stored name held wins.
    for show in ["Dream High", "Dream High 2"] {
        let mut article = sample();
        article.show = show.into();
        assert_eq!(stored_show(&db, &article).await, show);
    }
    let mut article = sample();
    article.show = "[Drama Recap] Dream High 2".into();
    assert_eq!(stored_show(&db, &article).await, "Dream High 2");

    // Only whole words count: "Removing" does not hold "Moving".
    let mut moving = sample();
    moving.show = "Moving".into();
    assert_eq!(stored_show(&db, &moving).await, "Moving");
    let mut other = sample();
    other.show = "Removing Ghosts".into();
    assert_eq!(stored_show(&db, &other).await, "Removing Ghosts");

    // A leading article does not make another show; tests/corpus/pages/334-walking-dead-s1e5-zombiesloversunite.txt
    let mut article = sample();
    article.show = "The Walking Dead".into();
    assert_eq!(stored_show(&db, &article).await, "The Walking Dead");
    for show in ["Walking Dead", "Recap – Walking Dead"] {
        article.show = show.into();
        assert_eq!(stored_show(&db, &article).await, "The Walking Dead", "{show}");
    }
    article.show = "Fear the Walking Dead".into();
    assert_eq!(stored_show(&db, &article).await, "Fear the Walking Dead");
}

async fn a_batch_import_goes_on_past_a_bad_file(db: TestDb) {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("not-a-recap.txt");
    std::fs::write(&bad, "Top 10 K-dramas of 2024\n\nA list, not a recap.").unwrap();
    let fetcher = recapbot::ingest::fetch::Fetcher::new(Default::default());
    let mut summary = import::Summary::default();
    for source in [Source::File(sample_article()), Source::File(bad)] {
        summary
            .add(&import::import_one(Some(&db.store), &source, &Hints::default(), &fetcher).await);
    }
    assert_eq!(summary.to_string(), "1 imported, 0 updated, 0 unchanged, 1 failed");
    assert_eq!(count(&db, "recaps").await, 1);
}

/// Recaps without a critic rating, then with one, on the same pooled connections: the
/// statement first prepared for a missing rating takes a real one afterwards.
async fn rated_recaps_follow_unrated_ones(db: TestDb) {
    for episode in 1..=12 {
        let mut unrated = sample();
        unrated.episode = episode;
        unrated.rating = None;
        db.store.save_article(&unrated).await.unwrap();
    }
    for episode in 13..=24 {
        let mut rated = sample();
        rated.episode = episode;
        rated.rating = Some(recapbot::recap::CriticRating::new(4.5, 5.0));
        db.store.save_article(&rated).await.unwrap();
    }
    let recaps = db.store.list_recaps(None).await.unwrap();
    assert_eq!(recaps.iter().filter(|r| r.rating.is_some()).count(), 12);
    assert_eq!(recaps.last().unwrap().rating.as_ref().unwrap().to_string(), "4.5/5");
}

/// Hosted PostgreSQL servers require TLS: `sslmode=require` gets an encrypted connection
/// where the server offers one, and a one-line refusal naming TLS where it does not.
#[tokio::test]
async fn postgres_connects_over_tls_when_the_url_requires_it() {
    crate::support::on(recapbot::store::Backend::Postgres, |db| async move {
        let require = format!("{}?sslmode=require", db.url);
        let server_offers_tls: String = sqlx::query_scalar("SHOW ssl")
            .fetch_one(recapbot::harness::pool(&db.store))
            .await
            .unwrap();
        match recapbot::store::Store::connect(&require).await {
            Ok(store) => {
                assert_eq!(server_offers_tls, "on");
                let encrypted: bool =
                    sqlx::query_scalar("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
                        .fetch_one(recapbot::harness::pool(&store))
                        .await
                        .unwrap();
                assert!(encrypted, "sslmode=require connected without TLS");
                store.close().await;
            }
            Err(error) => {
                assert_eq!(server_offers_tls, "off", "TLS failed: {error}");
                let line = error.to_string();
                assert!(line.contains("TLS") && !line.contains('\n'), "{line}");
            }
        }
    })
    .await;
}

backend_tests!(
    a_name_in_brackets_in_another_script_becomes_an_alias,
    rated_recaps_follow_unrated_ones,
    importing_the_sample_stores_what_recap_will_show,
    importing_the_same_article_twice_changes_nothing,
    an_updated_article_updates_in_place,
    the_same_episode_from_another_site_is_a_second_recap,
    a_double_episode_answers_for_both_numbers,
    a_failing_article_writes_nothing,
    show_lookup_tolerates_typos_and_aliases,
    a_headline_containing_a_stored_show_lands_on_it,
    a_batch_import_goes_on_past_a_bad_file,
);
