//! Polling feeds: conditional GET, new items into recaps (published once, through the outbox),
//! exponential back-off on errors (of the feed, and of each item), each poll within a time
//! budget, a few feeds at once.

use std::collections::HashSet;
use std::time::Duration;

use futures::StreamExt;
use tokio::task::JoinHandle;
use tokio::time::Instant;

use super::feed::{candidate, parse_feed_at, Candidate, FeedItem};
use super::fetch::Fetcher;
use crate::config::FeedPollOptions;
use crate::ingest::article::Article;
use crate::observe;
use crate::store::feeds::{Feed, ItemFailure, PollResult};
use crate::store::recaps::Saved;
use crate::store::Store;

/// How often a feed is polled unless it says otherwise.
pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(600);
/// The longest a failing feed, or a failing item, waits between tries.
pub const MAX_BACKOFF: Duration = Duration::from_secs(6 * 3600);
/// An item that failed this many times is given up on (about five hours of tries at the
/// default interval).
pub const MAX_ITEM_ATTEMPTS: u32 = 5;
/// Failed items named in a poll's one-line report; the rest are counted.
const ERRORS_SHOWN: usize = 3;
/// The longest a poll's one-line report gets (it is one line of `/feeds list`).
const REPORT_CHARS: usize = 400;

/// What one poll did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PollReport {
    pub not_modified: bool,
    pub items: usize,
    /// Items handled by an earlier poll.
    pub seen_before: usize,
    /// New recaps stored (and so announced).
    pub published: usize,
    /// Recaps the store had already (same episode from the same site): nothing announced.
    pub known: usize,
    /// Items recorded without announcing (the first poll of a new feed).
    pub recorded: usize,
    /// News, lists, trailers…: seen, nothing stored.
    pub not_recaps: usize,
    /// Items that could not be read this time; tried again after a back-off.
    pub failed: usize,
    /// Items that failed before and whose next try has not come yet.
    pub waiting: usize,
    /// Items that failed [`MAX_ITEM_ATTEMPTS`] times: no longer tried.
    pub given_up: usize,
    /// Items not reached before the poll's time budget ran out: read by the next poll.
    pub out_of_time: usize,
    /// The budget, when it ran out.
    pub budget_spent: Option<Duration>,
    /// Why, one line per failed or given-up item: `title: error`.
    pub errors: Vec<String>,
}

impl PollReport {
    /// Whether the poll left items for a later one.
    pub fn partial(&self) -> bool {
        self.failed + self.waiting + self.out_of_time > 0
    }

    /// The poll in one line, as `/feeds list` and `recapbot feeds` show it: "12 items: 3 new
    /// recaps stored, 8 not recaps (news, lists…), 1 failed, will be retried (Title: why)".
    pub fn summary(&self) -> String {
        if self.not_modified {
            return "unchanged since the poll before".to_string();
        }
        let counted = [
            (self.published, "new recap stored", "new recaps stored"),
            (self.recorded, "recorded without announcing", "recorded without announcing"),
            (self.known, "recap already known", "recaps already known"),
            (self.not_recaps, "not a recap (news, lists…)", "not recaps (news, lists…)"),
            (self.seen_before, "seen before", "seen before"),
            (self.failed, "failed, will be retried", "failed, will be retried"),
            (self.waiting, "waiting to be retried", "waiting to be retried"),
            (self.given_up, "given up after repeated failures", "given up after repeated failures"),
        ];
        let mut parts: Vec<String> = counted
            .iter()
            .filter(|(n, _, _)| *n > 0)
            .map(|&(n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
            .collect();
        if self.out_of_time > 0 {
            let budget = self.budget_spent.map(|b| format!(" ({b:?})")).unwrap_or_default();
            parts.push(format!(
                "{} left for the next poll: the poll ran out of time{budget}",
                self.out_of_time
            ));
        }
        let mut line = format!("{} item{}", self.items, if self.items == 1 { "" } else { "s" });
        if !parts.is_empty() {
            line.push_str(": ");
            line.push_str(&parts.join(", "));
        }
        if !self.errors.is_empty() {
            let mut shown: Vec<String> = self.errors.iter().take(ERRORS_SHOWN).cloned().collect();
            if self.errors.len() > ERRORS_SHOWN {
                shown.push(format!("and {} more", self.errors.len() - ERRORS_SHOWN));
            }
            line.push_str(&format!(" ({})", shown.join("; ")));
        }
        crate::recap::render::truncate(&line, REPORT_CHARS)
    }
}

/// `interval` doubled `doublings` times, at most [`MAX_BACKOFF`]: a broken feed or page is
/// not hammered.
fn backoff(interval: Duration, doublings: u32) -> Duration {
    interval.saturating_mul(1 << doublings.min(16)).min(MAX_BACKOFF)
}

/// How much longer than a poll's budget a claimed feed stays leased to its process.
const FEED_LEASE_MARGIN: Duration = Duration::from_secs(60);

#[derive(Clone)]
pub struct Poller {
    store: Store,
    fetcher: Fetcher,
    default_interval: Duration,
    options: FeedPollOptions,
}

impl Poller {
    pub fn new(store: Store, fetcher: Fetcher, default_interval: Duration) -> Self {
        Poller { store, fetcher, default_interval, options: FeedPollOptions::default() }
    }

    /// With another time budget per poll and number of feeds polled at once.
    pub fn with_options(self, options: FeedPollOptions) -> Self {
        Poller { options, ..self }
    }

    /// Polls every due feed, [`FeedPollOptions::concurrency`] at a time, each in a task of
    /// its own (see [`Poller::poll_isolated`]): a slow site holds back no other. The results
    /// come in the order the polls finished.
    pub async fn poll_due(&self) -> crate::store::Result<Vec<(Feed, Result<PollReport, String>)>> {
        // Leased for the poll's budget and a margin: long enough that no other process
        // polls the feed meanwhile, short enough that a dead one's feeds are soon taken over.
        let lease = self.options.budget.as_secs() + FEED_LEASE_MARGIN.as_secs();
        let due = self.store.claim_due_feeds(100, lease).await?;
        Ok(futures::stream::iter(due)
            .map(|feed| async move {
                let report = self.poll_isolated(&feed).await;
                (feed, report)
            })
            .buffer_unordered(self.options.concurrency.max(1))
            .collect()
            .await)
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
                                Ok(r) if r.partial() || r.given_up > 0 => {
                                    tracing::warn!(feed = %feed.shown_url(), report = %r.summary(), "feed polled in part")
                                }
                                Ok(r) => {
                                    tracing::info!(feed = %feed.shown_url(), report = %r.summary(), "feed polled")
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
            Ok((report, (etag, last_modified))) => {
                let next = self.interval(feed).as_secs();
                // A 304 next time would hide the items this poll left: no validators then.
                let (etag, last_modified) =
                    if report.partial() { (None, None) } else { (etag, last_modified) };
                let result = PollResult::Ok {
                    etag,
                    last_modified,
                    report: (!report.not_modified).then(|| report.summary()),
                    partial: report.partial(),
                };
                let counted = match (report.not_modified, report.partial()) {
                    (true, _) => "unchanged",
                    (false, true) => "partial",
                    (false, false) => "ok",
                };
                metrics::counter!(observe::name::FEED_POLLS, "result" => counted).increment(1);
                self.store.record_poll(feed, &result, next).await.map_err(|e| e.to_string())?;
                Ok(report)
            }
            Err(error) => {
                metrics::counter!(observe::name::FEED_POLLS, "result" => "failed").increment(1);
                self.record_failure(feed, &error).await?;
                Err(error)
            }
        }
    }

    async fn record_failure(&self, feed: &Feed, error: &str) -> Result<(), String> {
        let backoff = backoff(self.interval(feed), feed.failures);
        let failed = PollResult::Failed(crate::ingest::headline::normalize_whitespace(error));
        self.store.record_poll(feed, &failed, backoff.as_secs()).await.map_err(|e| e.to_string())
    }

    /// Reads the feed and its new items until done or until the poll's budget is spent.
    async fn poll_items(
        &self,
        feed: &Feed,
    ) -> Result<(PollReport, (Option<String>, Option<String>)), String> {
        let budget = self.options.budget;
        let deadline = Instant::now() + budget;
        let out_of_time = || format!("the feed did not answer within the poll's time ({budget:?})");
        let fetched = tokio::time::timeout_at(
            deadline,
            self.fetcher.get(&feed.url, feed.etag.as_deref(), feed.last_modified.as_deref()),
        )
        .await
        .map_err(|_| out_of_time())?
        .map_err(|e| e.to_string())?;
        let validators = (fetched.etag.clone(), fetched.last_modified.clone());
        if fetched.not_modified {
            return Ok((PollReport { not_modified: true, ..PollReport::default() }, validators));
        }
        // Parsing is CPU work on untrusted input: off the async workers.
        let (body, url) = (fetched.body, fetched.url);
        let parsed = tokio::task::spawn_blocking(move || parse_feed_at(&body, Some(&url)))
            .await
            .map_err(join_error_message)?
            .map_err(|e| e.to_string())?;
        let mut report = PollReport { items: parsed.items.len(), ..PollReport::default() };

        // Feeds list the newest first, or the oldest: every item is checked against those
        // already seen, and recaps are stored (and announced) oldest first.
        let mut items: Vec<&FeedItem> = parsed.items.iter().collect();
        items.sort_by_key(|i| i.published);
        let guids: Vec<&str> = items.iter().map(|i| i.guid.as_str()).collect();
        let seen = self.store.seen_feed_items(feed.id, &guids).await.map_err(|e| e.to_string())?;
        let failures = self.store.feed_item_failures(feed.id).await.map_err(|e| e.to_string())?;
        let announce_from =
            if feed.first_polled { 0 } else { items.len().saturating_sub(feed.backfill as usize) };
        let show_hint = feed.show.as_ref().map(|(_, name)| name.as_str());
        let now = crate::store::now();
        // A feed listing one guid twice is read once.
        let mut handled: HashSet<&str> = HashSet::new();

        for (position, item) in items.into_iter().enumerate() {
            if seen.contains(&item.guid) || !handled.insert(&item.guid) {
                report.seen_before += 1;
                continue;
            }
            let earlier = failures.get(&item.guid);
            if earlier.is_some_and(|f| f.next_try_at > now) {
                report.waiting += 1;
                continue;
            }
            if Instant::now() >= deadline {
                report.out_of_time += 1;
                continue;
            }
            let announce = position >= announce_from;
            let Ok(found) = tokio::time::timeout_at(deadline, classify(item, show_hint)).await
            else {
                report.out_of_time += 1;
                continue;
            };
            if matches!(found, Ok(Candidate::NotARecap)) {
                self.store
                    .save_feed_item(feed.id, &item.guid, None, announce)
                    .await
                    .map_err(|e| e.to_string())?;
                report.not_recaps += 1;
                continue;
            }
            let article = if !announce && matches!(found, Ok(Candidate::FetchLink { .. })) {
                // The first poll of a new feed stores what is there without announcing it, and
                // does not fetch a page per summary-only item just for that. An item that
                // cannot be read still counts as failed rather than seen.
                None
            } else {
                match tokio::time::timeout_at(deadline, self.article(item, found)).await {
                    Err(_) => {
                        report.out_of_time += 1;
                        continue;
                    }
                    Ok(Ok(article)) => article,
                    Ok(Err(error)) => {
                        self.item_failed(feed, item, earlier, &error, &mut report).await?;
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
        if report.out_of_time > 0 {
            report.budget_spent = Some(budget);
        }
        Ok((report, validators))
    }

    /// Records an item that could not be read: tried again after a back-off that doubles with
    /// each failure, and given up on after [`MAX_ITEM_ATTEMPTS`].
    async fn item_failed(
        &self,
        feed: &Feed,
        item: &FeedItem,
        earlier: Option<&ItemFailure>,
        error: &str,
        report: &mut PollReport,
    ) -> Result<(), String> {
        let error = crate::ingest::headline::normalize_whitespace(error);
        let attempts = earlier.map_or(0, |f| f.attempts) + 1;
        let retry_in = (attempts < MAX_ITEM_ATTEMPTS)
            .then(|| backoff(self.interval(feed), attempts).as_secs());
        tracing::warn!(feed = %feed.shown_url(), item = %item.title, attempts, %error, "feed item not read");
        self.store
            .record_feed_item_failure(feed.id, &item.guid, &item.title, attempts, &error, retry_in)
            .await
            .map_err(|e| e.to_string())?;
        if retry_in.is_some() {
            report.failed += 1;
            report.errors.push(format!("{}: {error}", item.title));
        } else {
            report.given_up += 1;
            report.errors.push(format!("{}: {error}; given up after {attempts} tries", item.title));
        }
        Ok(())
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

pub(crate) fn join_error_message(error: tokio::task::JoinError) -> String {
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
                    let counts = (report.items, report.failed, report.recorded, report.not_recaps);
                    assert_eq!(counts, (3, 0, 2, 1));
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
