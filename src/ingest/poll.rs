//! Polling feeds: conditional GET, new items into recaps (published once, through the outbox),
//! and exponential back-off on errors.

use std::time::Duration;

use tokio::task::JoinHandle;

use super::feed::{candidate, parse_feed, Candidate, FeedItem};
use super::fetch::Fetcher;
use crate::ingest::article::Article;
use crate::store::feeds::{Feed, PollResult};
use crate::store::recaps::Saved;
use crate::store::Store;

/// How often a feed is polled unless it says otherwise.
pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(600);
/// The longest a failing feed waits between tries.
pub const MAX_BACKOFF: Duration = Duration::from_secs(6 * 3600);

/// What one poll did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PollReport {
    pub not_modified: bool,
    pub items: usize,
    /// New recaps stored (and so announced).
    pub published: usize,
    /// Recaps the store had already (same episode from the same site): nothing announced.
    pub known: usize,
    /// Items recorded without announcing (the first poll of a new feed).
    pub recorded: usize,
    pub not_recaps: usize,
    /// Items that could not be read this time; tried again next poll.
    pub failed: usize,
    /// Why, one line per failed item: `title: error`.
    pub errors: Vec<String>,
}

#[derive(Clone)]
pub struct Poller {
    store: Store,
    fetcher: Fetcher,
    default_interval: Duration,
}

impl Poller {
    pub fn new(store: Store, fetcher: Fetcher, default_interval: Duration) -> Self {
        Poller { store, fetcher, default_interval }
    }

    /// Polls every due feed, one after another, each in a task of its own (see
    /// [`Poller::poll_isolated`]).
    pub async fn poll_due(&self) -> crate::store::Result<Vec<(Feed, Result<PollReport, String>)>> {
        let mut done = Vec::new();
        for feed in self.store.due_feeds(100).await? {
            let report = self.poll_isolated(&feed).await;
            done.push((feed, report));
        }
        Ok(done)
    }

    /// Polls one feed in its own task, so that a panic while reading it (a parser bug
    /// some input runs into) costs only that feed: it is recorded and backed off like
    /// any other failure, and the caller goes on with the next feed.
    pub async fn poll_isolated(&self, feed: &Feed) -> Result<PollReport, String> {
        let poller = self.clone();
        let task_feed = feed.clone();
        match tokio::spawn(async move { poller.poll(&task_feed).await }).await {
            Ok(result) => result,
            Err(join_error) => {
                let error = if join_error.is_panic() {
                    format!("reading the feed crashed: {}", panic_message(join_error.into_panic()))
                } else {
                    "the poll was cancelled".to_string()
                };
                tracing::error!(feed = %feed.shown_url(), %error, "feed poll panicked");
                self.record_failure(feed, &error).await?;
                Err(error)
            }
        }
    }

    /// Runs until aborted, looking for due feeds every `tick`.
    pub fn spawn(self, tick: Duration) -> JoinHandle<()> {
        tokio::spawn(async move {
            loop {
                match self.poll_due().await {
                    Ok(polled) => {
                        for (feed, report) in polled {
                            match report {
                                Ok(r) => {
                                    tracing::info!(feed = %feed.shown_url(), ?r, "feed polled")
                                }
                                Err(e) => {
                                    tracing::warn!(feed = %feed.shown_url(), error = %e, "feed poll failed")
                                }
                            }
                        }
                    }
                    Err(error) => tracing::error!(%error, "cannot list due feeds"),
                }
                tokio::time::sleep(tick).await;
            }
        })
    }

    fn interval(&self, feed: &Feed) -> Duration {
        feed.interval_secs.map(Duration::from_secs).unwrap_or(self.default_interval)
    }

    /// Polls one feed and records the outcome; the error is the one line `feeds list` shows.
    pub async fn poll(&self, feed: &Feed) -> Result<PollReport, String> {
        match self.poll_items(feed).await {
            Ok((report, validators)) => {
                let next = self.interval(feed).as_secs();
                self.store.record_poll(feed, &validators, next).await.map_err(|e| e.to_string())?;
                Ok(report)
            }
            Err(error) => {
                self.record_failure(feed, &error).await?;
                Err(error)
            }
        }
    }

    async fn record_failure(&self, feed: &Feed, error: &str) -> Result<(), String> {
        // 2^failures × the interval, capped: a broken feed is not hammered.
        let backoff =
            self.interval(feed).saturating_mul(1 << feed.failures.min(16)).min(MAX_BACKOFF);
        let failed = PollResult::Failed(crate::ingest::headline::normalize_whitespace(error));
        self.store.record_poll(feed, &failed, backoff.as_secs()).await.map_err(|e| e.to_string())
    }

    async fn poll_items(&self, feed: &Feed) -> Result<(PollReport, PollResult), String> {
        let fetched = self
            .fetcher
            .get(&feed.url, feed.etag.as_deref(), feed.last_modified.as_deref())
            .await
            .map_err(|e| e.to_string())?;
        let validators = PollResult::Ok {
            etag: fetched.etag.clone(),
            last_modified: fetched.last_modified.clone(),
        };
        if fetched.not_modified {
            return Ok((PollReport { not_modified: true, ..PollReport::default() }, validators));
        }
        // Parsing is CPU work on untrusted input: off the async workers.
        let body = fetched.body;
        let parsed = tokio::task::spawn_blocking(move || parse_feed(&body))
            .await
            .map_err(join_error_message)?
            .map_err(|e| e.to_string())?;
        let mut report = PollReport { items: parsed.items.len(), ..PollReport::default() };

        // Feeds list the newest first; recaps are stored (and announced) oldest first.
        let mut items: Vec<&FeedItem> = parsed.items.iter().collect();
        items.sort_by_key(|i| i.published);
        let announce_from =
            if feed.first_polled { 0 } else { items.len().saturating_sub(feed.backfill as usize) };
        let show_hint = feed.show.as_ref().map(|(_, name)| name.as_str());

        for (position, item) in items.into_iter().enumerate() {
            let seen =
                self.store.feed_item_seen(feed.id, &item.guid).await.map_err(|e| e.to_string())?;
            if seen {
                continue;
            }
            let announce = position >= announce_from;
            let found = classify(item, show_hint).await;
            let just_record =
                matches!(found, Ok(Candidate::FetchLink { .. } | Candidate::NotARecap));
            let article = if !announce && just_record {
                // The first poll of a new feed stores what is there without announcing it, and
                // does not fetch a page per summary-only item just for that. An item that
                // cannot be read still counts as failed rather than seen.
                None
            } else {
                match self.article(item, found).await {
                    Ok(article) => article,
                    Err(error) => {
                        tracing::warn!(feed = %feed.shown_url(), item = %item.title, %error, "feed item not read");
                        report.failed += 1;
                        report.errors.push(format!("{}: {error}", item.title));
                        continue;
                    }
                }
            };
            if !announce {
                self.store
                    .save_feed_item(feed.id, &item.guid, article.as_ref(), false)
                    .await
                    .map_err(|e| e.to_string())?;
                report.recorded += 1;
                continue;
            }
            match self
                .store
                .save_feed_item(feed.id, &item.guid, article.as_ref(), true)
                .await
                .map_err(|e| e.to_string())?
            {
                Some(Saved::Inserted(_)) => report.published += 1,
                Some(_) => report.known += 1,
                None => report.not_recaps += 1,
            }
        }
        Ok((report, validators))
    }

    /// The recap in a feed item: from its content, or from the page it links to.
    async fn article(
        &self,
        item: &FeedItem,
        found: Result<Candidate, String>,
    ) -> Result<Option<Article>, String> {
        match found? {
            Candidate::Recap(article) => Ok(Some(*article)),
            Candidate::NotARecap => Ok(None),
            Candidate::Failed(error) => Err(error),
            Candidate::FetchLink { url, hints } => {
                let source = crate::ingest::import::Source::Url(url.clone());
                let mut article =
                    crate::ingest::import::load_article(&source, &hints, &self.fetcher)
                        .await
                        .map_err(|e| format!("{url}: {e}"))?;
                if article.published_at.is_none() {
                    article.published_at = item.published;
                }
                Ok(Some(article))
            }
        }
    }
}

/// [`candidate`] on a blocking thread: item content is parsed there.
async fn classify(item: &FeedItem, show_hint: Option<&str>) -> Result<Candidate, String> {
    let (item, show_hint) = (item.clone(), show_hint.map(String::from));
    tokio::task::spawn_blocking(move || candidate(&item, show_hint.as_deref()))
        .await
        .map_err(join_error_message)
}

fn join_error_message(error: tokio::task::JoinError) -> String {
    if error.is_panic() {
        format!("reading it crashed: {}", panic_message(error.into_panic()))
    } else {
        "cancelled".to_string()
    }
}

fn panic_message(payload: Box<dyn std::any::Any + Send>) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .map(|s| crate::ingest::headline::normalize_whitespace(&s))
        .unwrap_or_else(|| "a panic".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::fetch::FetchPolicy;
    use axum::http::{header, StatusCode};
    use axum::response::IntoResponse;
    use axum::routing::get;

    const RSS: &str = include_str!("../../tests/data/feeds/wordpress-rss2.xml");

    /// An RSS feed whose first recap item nests `depth` spans and whose second is fine.
    fn hostile_feed(depth: usize) -> String {
        let start = RSS.find("<item>").expect("fixture has items");
        let deep = format!(
            "<item><title>Moving Episode 3 Recap</title><guid>deep</guid>\
             <link>http://unused.invalid/deep</link>\
             <content:encoded><![CDATA[{}]]></content:encoded></item>",
            "<span>".repeat(depth)
        );
        format!("{}{deep}{}", &RSS[..start], &RSS[start..])
    }

    async fn site() -> String {
        let app = axum::Router::new()
            .route(
                "/good",
                get(|| async { ([(header::CONTENT_TYPE, "application/rss+xml")], RSS) }),
            )
            .route("/broken", get(|| async { StatusCode::INTERNAL_SERVER_ERROR.into_response() }))
            .route(
                "/hostile",
                get(|| async {
                    ([(header::CONTENT_TYPE, "application/rss+xml")], hostile_feed(1_000_000))
                }),
            );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("address"));
        tokio::spawn(async move { axum::serve(listener, app).await.expect("serve") });
        base
    }

    #[tokio::test]
    async fn one_bad_feed_or_item_does_not_stop_the_others() {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite:{}", dir.path().join("poll.db").display());
        let store = Store::open(&url).await.expect("store");
        let base = site().await;
        for path in ["/broken", "/hostile", "/good"] {
            store.add_feed(&format!("{base}{path}"), None, None, None, 0).await.expect("add");
        }
        let fetcher = Fetcher::new(FetchPolicy {
            allow_private: true,
            max_bytes: 16 << 20,
            ..FetchPolicy::default()
        });
        let poller = Poller::new(store.clone(), fetcher, DEFAULT_INTERVAL);
        let polled = poller.poll_due().await.expect("poll");
        assert_eq!(polled.len(), 3);
        for (feed, result) in &polled {
            match feed.url.rsplit('/').next() {
                Some("broken") => {
                    let error = result.as_ref().expect_err("a 500 fails the feed");
                    assert!(error.contains("500"), "{error}");
                }
                Some("hostile") => {
                    let report = result.as_ref().expect("the other items are read");
                    assert_eq!(report.items, 4);
                    assert_eq!(report.failed, 1);
                    assert_eq!(
                        report.errors,
                        ["Moving Episode 3 Recap: its content: the page nests elements more than 512 deep; not an article"]
                    );
                }
                Some("good") => {
                    let report = result.as_ref().expect("good feed");
                    assert_eq!((report.items, report.failed, report.recorded), (3, 0, 3));
                }
                other => panic!("unexpected feed {other:?}"),
            }
        }
        // The failure is recorded with back-off; the failed item is tried again next time.
        let feeds = store.feeds(None).await.expect("feeds");
        let broken = feeds.iter().find(|f| f.url.ends_with("/broken")).expect("broken");
        assert_eq!(broken.failures, 1);
        assert!(broken.last_error.as_deref().is_some_and(|e| e.contains("500")));
        let hostile = feeds.iter().find(|f| f.url.ends_with("/hostile")).expect("hostile");
        assert_eq!(hostile.failures, 0);
        assert!(!store.feed_item_seen(hostile.id, "deep").await.expect("seen"));
    }
}

/// The panic path, met through a real input rather than a test hook: with overflow checks
/// on (debug builds), recording a successful poll of a feed whose interval is near
/// `i64::MAX` seconds overflows in the store and panics.
#[cfg(all(test, debug_assertions))]
mod panic_tests {
    use super::*;
    use crate::ingest::fetch::FetchPolicy;
    use axum::http::header;
    use axum::routing::get;

    const RSS: &str = include_str!("../../tests/data/feeds/wordpress-rss2.xml");

    #[tokio::test]
    async fn a_panicking_feed_is_recorded_and_the_next_is_polled() {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite:{}", dir.path().join("poll.db").display());
        let store = Store::open(&url).await.expect("store");
        let app = axum::Router::new().route(
            "/feed",
            get(|| async { ([(header::CONTENT_TYPE, "application/rss+xml")], RSS) }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("address"));
        tokio::spawn(async move { axum::serve(listener, app).await.expect("serve") });
        let (absurd, fine) = (format!("{base}/feed?absurd"), format!("{base}/feed?fine"));
        store.add_feed(&absurd, None, None, Some(i64::MAX as u64), 0).await.expect("add");
        store.add_feed(&fine, None, None, None, 0).await.expect("add");

        let fetcher = Fetcher::new(FetchPolicy { allow_private: true, ..FetchPolicy::default() });
        let poller = Poller::new(store.clone(), fetcher, DEFAULT_INTERVAL);
        let polled = poller.poll_due().await.expect("poll");
        assert_eq!(polled.len(), 2);
        let result = |u: &str| polled.iter().find(|(f, _)| f.url == u).map(|(_, r)| r.clone());
        let error = result(&absurd).expect("polled").expect_err("panicked");
        assert!(error.starts_with("reading the feed crashed: "), "{error}");
        assert!(result(&fine).expect("polled").is_ok());
        let feeds = store.feeds(None).await.expect("feeds");
        let recorded = feeds.iter().find(|f| f.url == absurd).expect("feed");
        assert_eq!(recorded.failures, 1);
        assert_eq!(recorded.last_error.as_deref(), Some(error.as_str()));
    }
}
