//! Feeds served by a loopback recap site: first-poll suppression, new recaps published once,
//! conditional GET, broken and hostile feeds, and the refusal of private addresses.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::support::{alerted_guilds, subscribe_everything, TestDb};
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use recapbot::ids::{ChannelId, GuildId};
use recapbot::ingest::fetch::{FetchPolicy, Fetcher};
use recapbot::ingest::poll::Poller;

const INTERVAL: Duration = Duration::from_secs(600);

/// A recap site on 127.0.0.1: `/feed` serves whatever the test put there (with an ETag), and
/// `/soundtrack1-s1e3review/` the linked article of a summary-only item.
#[derive(Clone, Default)]
struct Site {
    feed: Arc<Mutex<(String, &'static str)>>,
    feed_requests: Arc<Mutex<Vec<Option<String>>>>,
}

async fn serve_feed(State(site): State<Site>, headers: HeaderMap) -> Response {
    let if_none_match =
        headers.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()).map(String::from);
    site.feed_requests.lock().unwrap().push(if_none_match.clone());
    let (body, content_type) = site.feed.lock().unwrap().clone();
    let etag = format!("\"{:x}\"", body.len() * 31 + body.bytes().map(usize::from).sum::<usize>());
    if if_none_match.as_deref() == Some(etag.as_str()) {
        return StatusCode::NOT_MODIFIED.into_response();
    }
    ([(header::CONTENT_TYPE, content_type), (header::ETAG, etag.as_str())], body).into_response()
}

fn data(path: &str) -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(path),
    )
    .unwrap()
}

impl Site {
    async fn start() -> (Site, String) {
        let site = Site::default();
        let episode_three = data("soundtrack-1-s01e02.html")
            .replace("Episode 2", "Episode 3")
            .replace("Track 2 ", "Track 3 ")
            .replace("soundtrack1-s1e2review", "soundtrack1-s1e3review");
        let app = axum::Router::new()
            .route("/feed", get(serve_feed))
            .route(
                "/soundtrack1-s1e3review/",
                get(move || async move { ([(header::CONTENT_TYPE, "text/html")], episode_three) }),
            )
            .with_state(site.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        (site, base)
    }

    fn set_feed(&self, body: String, content_type: &'static str) {
        *self.feed.lock().unwrap() = (body, content_type);
    }
}

/// The WordPress fixture with its links on the loopback site; `items` of its three items
/// (S1E2 recap with full content, a non-recap, S1E3 with only a summary) kept, newest first.
fn wordpress_feed(base: &str, keep_s1e3: bool) -> String {
    let feed = data("feeds/wordpress-rss2.xml").replace("https://www.thereviewgeek.com", base);
    if keep_s1e3 {
        return feed;
    }
    let start = feed.find("<item>").unwrap();
    let items: Vec<&str> = feed[start..].split("<item>").filter(|s| !s.trim().is_empty()).collect();
    let kept: String =
        items.iter().filter(|i| !i.contains("Episode 3")).map(|i| format!("<item>{i}")).collect();
    let mut out = feed[..start].to_string();
    out.push_str(&kept);
    if !out.contains("</channel>") {
        out.push_str("</channel></rss>");
    }
    out
}

fn poller(db: &TestDb) -> Poller {
    let policy = FetchPolicy { allow_private: true, ..FetchPolicy::default() };
    Poller::new(db.store.clone(), Fetcher::new(policy), INTERVAL)
}

async fn recap_count(db: &TestDb) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM recaps")
        .fetch_one(recapbot::harness::pool(&db.store))
        .await
        .unwrap()
}

async fn the_first_poll_records_and_later_items_are_published_once(db: TestDb) {
    subscribe_everything(&db, GuildId::new(1), ChannelId::new(2)).await;
    let (site, base) = Site::start().await;
    site.set_feed(wordpress_feed(&base, false), "application/rss+xml");
    let id = db.store.add_feed(&format!("{base}/feed"), None, None, None, 0).await.unwrap();
    let poller = poller(&db);
    let feed =
        || async { db.store.feeds(None).await.unwrap().into_iter().find(|f| f.id == id).unwrap() };

    let first = poller.poll(&feed().await).await.unwrap();
    assert_eq!((first.recorded, first.published), (2, 0), "no flood of old recaps: {first:?}");
    assert_eq!(recap_count(&db).await, 1, "the recap already there is stored, quietly");
    assert_eq!(db.store.outbox_counts().await.unwrap().pending, 0);

    // Unchanged since: a conditional GET, answered 304.
    let again = poller.poll(&feed().await).await.unwrap();
    assert!(again.not_modified);
    assert!(site.feed_requests.lock().unwrap().last().unwrap().is_some(), "If-None-Match sent");

    // The site publishes episode 3 (summary only): the bot reads the linked page.
    site.set_feed(wordpress_feed(&base, true), "application/rss+xml");
    let new = poller.poll(&feed().await).await.unwrap();
    assert_eq!(new.published, 1, "{new:?}");
    let recap = db.store.list_recaps(None).await.unwrap().pop().unwrap();
    assert_eq!((recap.show.as_str(), recap.number.to_string().as_str()), ("Soundtrack #1", "S1E3"));
    assert_eq!(recap.url.as_deref(), Some(format!("{base}/soundtrack1-s1e3review/").as_str()));
    assert_eq!(db.store.outbox_counts().await.unwrap().pending, 1, "one alert queued");

    // The site re-issues its feed with new GUIDs: the same episode is not announced again.
    site.set_feed(wordpress_feed(&base, true).replace("?p=", "?post="), "application/rss+xml");
    let reissued = poller.poll(&feed().await).await.unwrap();
    assert_eq!(reissued.published, 0, "{reissued:?}");
    assert_eq!(db.store.outbox_counts().await.unwrap().pending, 1);
}

async fn backfill_announces_the_newest_items_of_the_first_poll(db: TestDb) {
    let (site, base) = Site::start().await;
    site.set_feed(wordpress_feed(&base, true), "application/rss+xml");
    db.store.add_feed(&format!("{base}/feed"), None, None, None, 2).await.unwrap();
    let polled = poller(&db).poll_due().await.unwrap();
    let report = polled[0].1.clone().unwrap();
    // The two newest items: the S1E3 recap (announced) and a listicle (not a recap).
    assert_eq!((report.published, report.not_recaps, report.recorded), (1, 1, 1), "{report:?}");
    assert_eq!(
        db.store
            .list_recaps(None)
            .await
            .unwrap()
            .iter()
            .map(|r| r.number.to_string())
            .collect::<Vec<_>>(),
        ["S1E2", "S1E3"],
        "the older recap stored quietly"
    );
    assert_eq!(db.store.outbox_counts().await.unwrap().pending, 0, "no subscriptions here");
}

/// A feed a server's admin follows brings that server's recaps: alerted there only, and
/// unseen by every other server.
async fn a_servers_feed_alerts_that_server_only(db: TestDb) {
    let (alpha, beta) = (GuildId::new(111), GuildId::new(222));
    subscribe_everything(&db, alpha, ChannelId::new(1)).await;
    subscribe_everything(&db, beta, ChannelId::new(2)).await;
    let (site, base) = Site::start().await;
    site.set_feed(wordpress_feed(&base, true), "application/rss+xml");
    db.store.add_feed(&format!("{base}/feed"), None, Some(alpha), None, 2).await.unwrap();
    let report = poller(&db).poll_due().await.unwrap()[0].1.clone().unwrap();
    assert_eq!(report.published, 1, "{report:?}");
    assert_eq!(
        alerted_guilds(&db).await,
        [alpha.db()],
        "alerted in the server that follows the feed only"
    );
    let app = crate::support::bot::app(&db.store);
    assert!(app.find_recap("Soundtrack #1", None, None, Some(beta)).await.is_err());
    assert!(app.find_recap("Soundtrack #1", None, None, Some(alpha)).await.is_ok());
}

async fn atom_and_json_feeds_become_recaps(db: TestDb) {
    let (site, base) = Site::start().await;
    let poller = poller(&db);
    for (fixture, content_type, show) in [
        ("feeds/atom-html-content.xml", "application/atom+xml", "Moving"),
        ("feeds/jsonfeed-1.1.json", "application/feed+json", "Lovely Runner"),
    ] {
        let local = data(fixture)
            .replace("https://seoulful.example", &base)
            .replace("https://kdramadiary.example", &base);
        site.set_feed(local, content_type);
        let url = format!("{base}/feed?{show}");
        let id = db.store.add_feed(&url, None, None, None, 10).await.unwrap();
        let feed = db.store.feeds(None).await.unwrap().into_iter().find(|f| f.id == id).unwrap();
        let report = poller.poll(&feed).await.unwrap();
        assert!(report.published >= 1, "{fixture}: {report:?}");
        assert!(db.store.find_show(show).await.unwrap().is_some(), "{fixture}: {show} stored");
    }
}

async fn broken_and_hostile_feeds_fail_with_a_reason_and_back_off(db: TestDb) {
    let (site, base) = Site::start().await;
    let poller = poller(&db);
    let cases = [
        (data("feeds/malformed.xml"), "not a feed"),
        (data("feeds/billion-laughs.xml"), "XML entities"),
        (data("feeds/external-entity.xml"), "XML entities"),
        ("<rss>".to_string() + &"x".repeat(6 * 1024 * 1024), "larger than"),
    ];
    for (i, (body, reason)) in cases.into_iter().enumerate() {
        site.set_feed(body, "application/rss+xml");
        let id =
            db.store.add_feed(&format!("{base}/feed?case={i}"), None, None, None, 0).await.unwrap();
        let feed = db.store.feeds(None).await.unwrap().into_iter().find(|f| f.id == id).unwrap();
        let error = poller.poll(&feed).await.unwrap_err();
        assert!(error.contains(reason), "case {i}: {error}");
        let after = db.store.feeds(None).await.unwrap().into_iter().find(|f| f.id == id).unwrap();
        assert_eq!(after.failures, 1);
        assert!(after.last_error.as_deref().unwrap().contains(reason));
        assert!(
            after.next_poll_at >= after.last_polled_at.unwrap() + INTERVAL.as_secs() as i64,
            "backed off"
        );
        // Twice as long after a second failure.
        poller.poll(&after).await.unwrap_err();
        let twice = db.store.feeds(None).await.unwrap().into_iter().find(|f| f.id == id).unwrap();
        assert_eq!(
            twice.next_poll_at - twice.last_polled_at.unwrap(),
            2 * INTERVAL.as_secs() as i64
        );
    }
    assert_eq!(recap_count(&db).await, 0);
}

async fn a_feed_on_a_private_address_is_refused_unless_allowed(db: TestDb) {
    let (site, base) = Site::start().await;
    site.set_feed(wordpress_feed(&base, true), "application/rss+xml");
    db.store.add_feed(&format!("{base}/feed"), None, None, None, 0).await.unwrap();
    let strict = Poller::new(db.store.clone(), Fetcher::new(FetchPolicy::default()), INTERVAL);
    let polled = strict.poll_due().await.unwrap();
    let error = polled[0].1.clone().unwrap_err();
    assert!(error.contains("127.0.0.1, a private address: not fetched"), "{error}");
    assert!(site.feed_requests.lock().unwrap().is_empty(), "nothing was sent to it");
}

backend_tests!(
    the_first_poll_records_and_later_items_are_published_once,
    backfill_announces_the_newest_items_of_the_first_poll,
    a_servers_feed_alerts_that_server_only,
    atom_and_json_feeds_become_recaps,
    broken_and_hostile_feeds_fail_with_a_reason_and_back_off,
    a_feed_on_a_private_address_is_refused_unless_allowed,
);
