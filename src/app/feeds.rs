//! The recap sites a server (or the operator) follows.

use super::{App, Result, UserError};
use crate::i18n::Locale;
use crate::ids::{FeedId, GuildId};
use crate::ingest::feed::parse_feed;
use crate::store::feeds::Feed;
use crate::tr;

/// A feed to follow.
pub struct Follow<'a> {
    pub url: &'a str,
    /// The show it is about, when its item titles do not say.
    pub show: Option<&'a str>,
    /// The server whose admin follows it; `None` for the operator's own.
    pub guild: Option<GuildId>,
    pub interval_secs: Option<u64>,
    /// Items of the first poll to announce anyway.
    pub backfill: u32,
}

impl App {
    /// Fetches the feed now, under the fetch policy, and follows it only if it is a feed: a
    /// private address or a page that is not a feed is refused before anything is stored.
    pub async fn follow_feed(&self, follow: Follow<'_>) -> Result<FeedId> {
        let url = follow.url;
        let cannot = |reason: String| UserError::CannotFollow { url: url.to_string(), reason };
        let parsed = url::Url::parse(url).map_err(|e| cannot(format!("not a URL ({e})")))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(cannot("only http(s) feeds can be followed".into()).into());
        }
        let fetched = self.fetcher.get(url, None, None).await.map_err(|e| cannot(e.to_string()))?;
        parse_feed(&fetched.body).map_err(|e| cannot(e.to_string()))?;
        let show = self.resolve_optional_show(follow.show, follow.guild).await?;
        let id = self
            .store
            .add_feed(url, show.map(|s| s.id), follow.guild, follow.interval_secs, follow.backfill)
            .await?;
        Ok(id)
    }

    /// The server's feeds (`None`: every feed, for the operator).
    pub async fn feeds(&self, guild: Option<GuildId>) -> Result<Vec<Feed>> {
        Ok(self.store.feeds(guild).await?)
    }

    /// Stops following a feed by number or address; false if there was none such (in this
    /// server, when `guild` is given).
    pub async fn unfollow_feed(&self, feed: &str, guild: Option<GuildId>) -> Result<bool> {
        Ok(self.store.remove_feed(feed, guild).await?)
    }

    /// `/feeds list`: each feed with its health.
    pub async fn feeds_message(&self, guild: GuildId, locale: Locale) -> Result<String> {
        let feeds = self.feeds(Some(guild)).await?;
        if feeds.is_empty() {
            return Ok(tr!(locale, "feeds-none"));
        }
        let mut text = tr!(locale, "feeds-list-title") + "\n";
        for feed in feeds {
            let state = feed_state(&feed, |t| format!("<t:{t}:R>"));
            if !super::alerts::push_line(
                &mut text,
                &format!("`{}` {} — {state}", feed.id, feed.shown_url()),
            ) {
                break;
            }
        }
        Ok(text)
    }
}

/// A feed's health in one line, for `/feeds list` and `recapbot feeds list` (`when` writes a
/// time the way the reader's medium shows it): the feed's own error, or what its last poll
/// did and the items waiting for a retry.
pub fn feed_state(feed: &Feed, when: impl Fn(i64) -> String) -> String {
    if let Some(error) = &feed.last_error {
        return format!("⚠️ {error} (next try {})", when(feed.next_poll_at));
    }
    if feed.last_polled_at.is_none() {
        return "not polled yet".to_string();
    }
    let troubled = feed.last_poll_partial || feed.failing_items > 0;
    let mut state = format!(
        "{} last poll: {}; next poll {}",
        if troubled { "⚠️" } else { "ok," },
        feed.last_report.as_deref().unwrap_or("done"),
        when(feed.next_poll_at)
    );
    if let (n @ 1.., Some(at)) = (feed.failing_items, feed.next_item_retry_at) {
        state.push_str(&format!("; {n} failed item(s), next retry {}", when(at)));
    }
    if feed.given_up_items > 0 {
        state.push_str(&format!("; {} item(s) given up", feed.given_up_items));
    }
    state
}
