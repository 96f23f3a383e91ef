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

    /// Polls every due feed, one after another.
    pub async fn poll_due(&self) -> crate::store::Result<Vec<(Feed, Result<PollReport, String>)>> {
        let mut done = Vec::new();
        for feed in self.store.due_feeds(100).await? {
            let report = self.poll(&feed).await;
            done.push((feed, report));
        }
        Ok(done)
    }

    /// Runs until aborted, looking for due feeds every `tick`.
    pub fn spawn(self, tick: Duration) -> JoinHandle<()> {
        tokio::spawn(async move {
            loop {
                match self.poll_due().await {
                    Ok(polled) => {
                        for (feed, report) in polled {
                            match report {
                                Ok(r) => tracing::info!(feed = %feed.url, ?r, "feed polled"),
                                Err(e) => {
                                    tracing::warn!(feed = %feed.url, error = %e, "feed poll failed")
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
                // 2^failures × the interval, capped: a broken feed is not hammered.
                let backoff =
                    self.interval(feed).saturating_mul(1 << feed.failures.min(16)).min(MAX_BACKOFF);
                let failed = PollResult::Failed(error.clone());
                self.store
                    .record_poll(feed, &failed, backoff.as_secs())
                    .await
                    .map_err(|e| e.to_string())?;
                Err(error)
            }
        }
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
        let parsed = parse_feed(&fetched.body).map_err(|e| e.to_string())?;
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
            let article = if !announce && !matches!(candidate(item, show_hint), Candidate::Recap(_))
            {
                // The first poll of a new feed stores what is there without announcing it, and
                // does not fetch a page per summary-only item just for that.
                None
            } else {
                match self.article(item, show_hint).await {
                    Ok(article) => article,
                    Err(error) => {
                        tracing::warn!(feed = %feed.url, item = %item.title, %error, "feed item not read");
                        report.failed += 1;
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
        show_hint: Option<&str>,
    ) -> Result<Option<Article>, String> {
        match candidate(item, show_hint) {
            Candidate::Recap(article) => Ok(Some(*article)),
            Candidate::NotARecap => Ok(None),
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
