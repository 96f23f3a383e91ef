//! Feeds served by a loopback recap site: first-poll suppression, new recaps published once,
//! conditional GET, broken and hostile feeds, the refusal of private addresses, pages that
//! never answer (time budget, back-off, polls side by side) and what a poll reports.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::support::{alerted_guilds, subscribe_everything, TestDb};
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use recapbot::config::FeedPollOptions;
use recapbot::ids::{ChannelId, GuildId};
use recapbot::ingest::fetch::{FetchPolicy, Fetcher};
use recapbot::ingest::poll::{Poller, MAX_ITEM_ATTEMPTS};
use recapbot::store::feeds::Feed;

const INTERVAL: Duration = Duration::from_secs(600);

/// A recap site on 127.0.0.1: `/feed` serves whatever the test put there (with an ETag),
/// `/soundtrack1-s1e3review/` the linked article of a summary-only item, and every address
/// under `/never/` accepts the request and never answers (a dead origin behind a proxy).
#[derive(Clone, Default)]
pub(crate) struct Site {
    feed: Arc<Mutex<(String, &'static str)>>,
    pub(crate) feed_requests: Arc<Mutex<Vec<Option<String>>>>,
    /// Paths asked for under `/never/`.
    unanswered: Arc<Mutex<Vec<String>>>,
}

async fn never_answer(State(site): State<Site>, uri: Uri) -> Response {
    site.unanswered.lock().unwrap().push(uri.path().to_string());
    std::future::pending().await
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
    pub(crate) async fn start() -> (Site, String) {
        let site = Site::default();
        let episode_three = data("soundtrack-1-s01e02.html")
            .replace("Episode 2", "Episode 3")
            .replace("Track 2 ", "Track 3 ")
            .replace("soundtrack1-s1e2review", "soundtrack1-s1e3review");
        let app = axum::Router::new()
            .route("/feed", get(serve_feed))
            .route("/never/*rest", get(never_answer))
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

    pub(crate) fn set_feed(&self, body: String, content_type: &'static str) {
        *self.feed.lock().unwrap() = (body, content_type);
    }

    fn unanswered(&self) -> usize {
        self.unanswered.lock().unwrap().len()
    }
}

/// A minimal RSS feed of summary-only recaps of `episodes`, each linking to a page under
/// `/never/` (the site's pages hang while its feed is served from a cache).
fn feed_of_hanging_pages(base: &str, episodes: std::ops::RangeInclusive<u32>) -> String {
    let items: String = episodes
        .map(|n| {
            format!(
                "<item><title>Soundtrack #1 – Season 1 Episode {n} Recap &amp; Review</title>\
                 <link>{base}/never/s1e{n}/</link><guid>s1e{n}</guid>\
                 <pubDate>{n:02} Mar 2022 08:30:00 +0000</pubDate>\
                 <description>Sun-Woo and Eun-Soo, episode {n}.</description></item>"
            )
        })
        .collect();
    format!("<rss version=\"2.0\"><channel><title>Stalled</title>{items}</channel></rss>")
}

/// The WordPress fixture with its links on the loopback site; `items` of its three items
/// (S1E2 recap with full content, a non-recap, S1E3 with only a summary) kept, newest first.
pub(crate) fn wordpress_feed(base: &str, keep_s1e3: bool) -> String {
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

/// A poller whose page fetches give up after `fetch_timeout` and whose polls after `budget`.
fn poller_within(db: &TestDb, fetch_timeout: Duration, budget: Duration) -> Poller {
    let policy =
        FetchPolicy { allow_private: true, timeout: fetch_timeout, ..FetchPolicy::default() };
    Poller::new(db.store.clone(), Fetcher::new(policy), INTERVAL)
        .with_options(FeedPollOptions { budget, ..FeedPollOptions::default() })
}

async fn feed_now(db: &TestDb, id: recapbot::ids::FeedId) -> Feed {
    db.store.feeds(None).await.unwrap().into_iter().find(|f| f.id == id).unwrap()
}

/// The feed's line in `/feeds list` and `recapbot feeds list`, times left as seconds.
fn state(feed: &Feed) -> String {
    recapbot::app::feeds::feed_state(feed, |t| t.to_string(), recapbot::i18n::Locale::EN)
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
    let counts = (first.recorded, first.not_recaps, first.published);
    assert_eq!(counts, (1, 1, 0), "no flood of old recaps: {first:?}");
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

/// Two bot processes share one database: a due feed is polled by one of them, once, and a
/// process that died holding a feed hands it over when its lease runs out.
async fn two_processes_poll_a_due_feed_once(db: TestDb) {
    let (site, base) = Site::start().await;
    site.set_feed(wordpress_feed(&base, false), "application/rss+xml");
    for i in 0..6 {
        db.store.add_feed(&format!("{base}/feed?copy={i}"), None, None, None, 0).await.unwrap();
    }
    let other = recapbot::store::Store::open(&db.url).await.unwrap();
    let policy = FetchPolicy { allow_private: true, ..FetchPolicy::default() };
    let (one, two) = (poller(&db), Poller::new(other.clone(), Fetcher::new(policy), INTERVAL));
    let (a, b) = tokio::join!(one.poll_due(), two.poll_due());
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a.len() + b.len(), 6, "every feed polled: {} + {}", a.len(), b.len());
    assert_eq!(site.feed_requests.lock().unwrap().len(), 6, "each feed fetched once");
    assert!(one.poll_due().await.unwrap().is_empty() && two.poll_due().await.unwrap().is_empty());

    // A process claims a feed and dies: nobody else polls it until its lease has run out.
    db.store.add_feed(&format!("{base}/feed?orphan"), None, None, None, 0).await.unwrap();
    let claimed = other.claim_due_feeds(10, 1).await.unwrap();
    assert_eq!(claimed.len(), 1);
    assert!(one.poll_due().await.unwrap().is_empty(), "leased to the dead process");
    tokio::time::sleep(Duration::from_millis(2_100)).await;
    assert_eq!(one.poll_due().await.unwrap().len(), 1, "taken over after the lease");
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

/// A site whose article pages never answer: the poll gives up when its budget is spent
/// rather than after every page's own timeout, says so, and leaves the items unread for the
/// next poll (which fetches the whole feed again rather than being told "not modified").
async fn item_pages_that_never_answer_end_the_poll_within_its_budget(db: TestDb) {
    let (site, base) = Site::start().await;
    site.set_feed(feed_of_hanging_pages(&base, 2..=3), "application/rss+xml");
    let id = db.store.add_feed(&format!("{base}/feed"), None, None, None, 10).await.unwrap();
    // Each page could take 30 s; the whole poll has one.
    let poller = poller_within(&db, Duration::from_secs(30), Duration::from_secs(1));
    let report =
        tokio::time::timeout(Duration::from_secs(20), poller.poll(&feed_now(&db, id).await))
            .await
            .expect("the poll ends within its budget, not after each page's 30 s")
            .unwrap();
    assert_eq!((report.out_of_time, report.published, report.failed), (2, 0, 0), "{report:?}");
    assert_eq!(site.unanswered(), 1, "the budget ran out waiting for the first page");

    let after = feed_now(&db, id).await;
    assert_eq!(
        state(&after),
        format!(
            "⚠️ last poll: 2 items: 2 left for the next poll: the poll ran out of time (1s); next poll {}",
            after.next_poll_at
        )
    );
    assert!(after.last_poll_partial && after.last_error.is_none(), "{after:?}");
    assert_eq!(after.etag, None, "the next poll reads the items it left");
    assert!(!db.store.feed_item_seen(id, "s1e2").await.unwrap(), "left for the next poll");
    assert_eq!(recap_count(&db).await, 0);
}

/// An item whose page fails is not fetched again on every poll: it waits twice as long after
/// each failure, and after MAX_ITEM_ATTEMPTS it is given up, reported, and left alone.
async fn a_failing_item_is_retried_with_back_off_then_given_up(db: TestDb) {
    let (site, base) = Site::start().await;
    site.set_feed(feed_of_hanging_pages(&base, 4..=4), "application/rss+xml");
    let id = db.store.add_feed(&format!("{base}/feed"), None, None, None, 10).await.unwrap();
    let poller = poller_within(&db, Duration::from_millis(300), Duration::from_secs(30));

    let first = poller.poll(&feed_now(&db, id).await).await.unwrap();
    assert_eq!(first.failed, 1, "{first:?}");
    assert_eq!(
        first.summary(),
        format!(
            "1 item: 1 failed, will be retried (Soundtrack #1 – Season 1 Episode 4 Recap & Review: \
             {base}/never/s1e4/: cannot fetch it: the fetch timed out)"
        )
    );
    let after = feed_now(&db, id).await;
    let retry_at = after.next_item_retry_at.expect("a retry is planned");
    let wait = retry_at - after.last_polled_at.unwrap();
    assert!((wait - 2 * INTERVAL.as_secs() as i64).abs() <= 2, "twice the interval: {wait}");
    assert!(
        state(&after).ends_with(&format!("; 1 failed item(s), next retry {retry_at}")),
        "{}",
        state(&after)
    );

    // Polled again before its time: the page is not asked for.
    let early = poller.poll(&feed_now(&db, id).await).await.unwrap();
    assert_eq!((early.waiting, early.failed), (1, 0), "{early:?}");
    assert_eq!(site.unanswered(), 1);

    for attempt in 2..=MAX_ITEM_ATTEMPTS {
        // Its time comes.
        sqlx::query("UPDATE feed_item_failures SET next_try_at = 0")
            .execute(recapbot::harness::pool(&db.store))
            .await
            .unwrap();
        let report = poller.poll(&feed_now(&db, id).await).await.unwrap();
        assert_eq!(site.unanswered(), attempt as usize);
        if attempt < MAX_ITEM_ATTEMPTS {
            assert_eq!(report.failed, 1, "{report:?}");
        } else {
            assert_eq!((report.failed, report.given_up), (0, 1), "{report:?}");
            assert!(
                report.summary().ends_with(&format!(
                    "the fetch timed out; given up after {MAX_ITEM_ATTEMPTS} tries)"
                )),
                "{}",
                report.summary()
            );
        }
    }
    let given_up = feed_now(&db, id).await;
    assert_eq!((given_up.failing_items, given_up.given_up_items), (0, 1));
    assert!(state(&given_up).ends_with("; 1 item(s) given up"), "{}", state(&given_up));
    assert!(db.store.feed_item_seen(id, "s1e4").await.unwrap());
    let later = poller.poll(&given_up).await.unwrap();
    assert!(!later.partial(), "{later:?}");
    assert_eq!(site.unanswered(), MAX_ITEM_ATTEMPTS as usize, "never asked for again");
}

/// A feed that never answers, due before a good one: the good one's new recap is stored and
/// its alert queued while the other is still waiting.
async fn a_feed_that_never_answers_holds_back_no_other(db: TestDb) {
    subscribe_everything(&db, GuildId::new(1), ChannelId::new(2)).await;
    let (site, base) = Site::start().await;
    site.set_feed(wordpress_feed(&base, true), "application/rss+xml");
    db.store.add_feed(&format!("{base}/never/feed"), None, None, None, 0).await.unwrap();
    db.store.add_feed(&format!("{base}/feed"), None, None, None, 2).await.unwrap();
    let poller = poller_within(&db, Duration::from_secs(60), Duration::from_secs(60));
    let polling = tokio::spawn(async move { poller.poll_due().await });

    let alerted = async {
        while db.store.outbox_counts().await.unwrap().pending == 0 {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    };
    tokio::time::timeout(Duration::from_secs(20), alerted)
        .await
        .expect("the good feed's recap is alerted while the other feed hangs");
    assert_eq!(site.unanswered(), 1, "the hanging feed was asked first");
    assert!(!polling.is_finished(), "the hanging feed is still being waited for");
    polling.abort();
}

/// A feed listing its 250 items oldest first: an item added at the end is found.
async fn a_long_feed_listing_oldest_first_still_brings_its_new_items(db: TestDb) {
    let (site, base) = Site::start().await;
    // Blogs that never trim their feed and list it in posting order; news, one a day.
    let news: String = (0..250)
        .map(|day| {
            let date = chrono::DateTime::from_timestamp(1_600_000_000 + day * 86_400, 0).unwrap();
            format!(
                "<item><title>Site news #{day}</title><link>{base}/news/{day}</link>\
                 <pubDate>{}</pubDate></item>",
                date.to_rfc2822()
            )
        })
        .collect();
    let feed = |new: &str| {
        format!(
            "<rss version=\"2.0\"><channel><title>Oldest first</title>{news}{new}</channel></rss>"
        )
    };
    site.set_feed(feed(""), "application/rss+xml");
    let id = db.store.add_feed(&format!("{base}/feed"), None, None, None, 0).await.unwrap();
    let poller = poller(&db);
    let first = poller.poll(&feed_now(&db, id).await).await.unwrap();
    assert_eq!((first.items, first.not_recaps), (250, 250), "{first:?}");

    let recap = format!(
        "<item><title>Soundtrack #1 – Season 1 Episode 3 Recap &amp; Review</title>\
         <link>{base}/soundtrack1-s1e3review/</link><pubDate>Fri, 01 Mar 2024 08:00:00 +0000</pubDate></item>"
    );
    site.set_feed(feed(&recap), "application/rss+xml");
    let new = poller.poll(&feed_now(&db, id).await).await.unwrap();
    assert_eq!((new.items, new.seen_before, new.published), (251, 250, 1), "{new:?}");
    assert_eq!(db.store.list_recaps(None).await.unwrap()[0].number.to_string(), "S1E3");
}

/// An Atom feed whose links are paths (no xml:base), and a JSON Feed whose ids are numbers.
async fn relative_links_and_numeric_ids_are_read(db: TestDb) {
    let (site, base) = Site::start().await;
    let poller = poller(&db);
    let atom = data("feeds/atom-html-content.xml").replace("https://kdramadiary.example", "");
    site.set_feed(atom, "application/atom+xml");
    let id = db.store.add_feed(&format!("{base}/feed?atom"), None, None, None, 3).await.unwrap();
    let report = poller.poll(&feed_now(&db, id).await).await.unwrap();
    assert_eq!(report.published, 1, "{report:?}");
    // The summary-only item's page is asked of the site (which has no such page).
    let not_found =
        format!("{base}/2023/08/moving-episodes-1-2-recap/: the server answered HTTP 404");
    assert!(report.errors.iter().any(|e| e.ends_with(&not_found)), "{report:?}");
    let moving = db.store.list_recaps(None).await.unwrap().pop().unwrap();
    assert_eq!(moving.show, "Moving");
    assert_eq!(
        moving.url.as_deref(),
        Some(format!("{base}/2023/08/moving-episodes-3-4-recap/").as_str()),
        "the link a member clicks leads to the site"
    );

    let json = data("feeds/jsonfeed-1.1.json")
        .replace("https://seoulful.example", &base)
        .replace(&format!("\"{base}/?p=901\""), "901");
    assert!(json.contains("\"id\": 901"));
    site.set_feed(json, "application/feed+json");
    let id = db.store.add_feed(&format!("{base}/feed?json"), None, None, None, 3).await.unwrap();
    let report = poller.poll(&feed_now(&db, id).await).await.expect("a numeric id is read");
    assert_eq!(report.published, 2, "{report:?}");
    assert!(db.store.feed_item_seen(id, "901").await.unwrap());
}

/// A site's feed mixes recaps with news: only the recaps are stored, and the poll's report,
/// `/feeds list` and `recapbot feeds list` count the rest.
async fn a_feed_mixing_recaps_and_news_stores_the_recaps_and_counts_the_rest(db: TestDb) {
    let guild = GuildId::new(77);
    let (site, base) = Site::start().await;
    let news = "<item><title>Netflix renews Moving for a second season</title>\
        <link>https://news.example/moving-renewed</link></item>\
        <item><title>Trailer: Squid Game returns for its final season</title>\
        <link>https://news.example/squid-trailer</link></item>";
    let feed = wordpress_feed(&base, true).replacen("<item>", &format!("{news}<item>"), 1);
    site.set_feed(feed, "application/rss+xml");
    let id = db.store.add_feed(&format!("{base}/feed"), None, Some(guild), None, 10).await.unwrap();
    let report = poller(&db).poll(&feed_now(&db, id).await).await.unwrap();
    let summary = "5 items: 2 new recaps stored, 3 not recaps (news, lists…)";
    assert_eq!(report.summary(), summary);
    assert_eq!(recap_count(&db).await, 2, "the recaps only");

    let app = crate::support::bot::app(&db.store);
    let listed = app.feeds_message(guild, recapbot::i18n::Locale::EN).await.unwrap();
    assert!(
        listed.contains(&format!("{base}/feed — ok, last poll: {summary}; next poll <t:")),
        "{listed}"
    );
    let out = crate::cli::recapbot(&db.url, &["feeds", "list"], None);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.contains(&format!("ok, last poll: {summary}")),
        "{stdout}"
    );
}

backend_tests!(
    two_processes_poll_a_due_feed_once,
    the_first_poll_records_and_later_items_are_published_once,
    backfill_announces_the_newest_items_of_the_first_poll,
    a_servers_feed_alerts_that_server_only,
    atom_and_json_feeds_become_recaps,
    broken_and_hostile_feeds_fail_with_a_reason_and_back_off,
    a_feed_on_a_private_address_is_refused_unless_allowed,
    item_pages_that_never_answer_end_the_poll_within_its_budget,
    a_failing_item_is_retried_with_back_off_then_given_up,
    a_feed_that_never_answers_holds_back_no_other,
    a_long_feed_listing_oldest_first_still_brings_its_new_items,
    relative_links_and_numeric_ids_are_read,
    a_feed_mixing_recaps_and_news_stores_the_recaps_and_counts_the_rest,
);
