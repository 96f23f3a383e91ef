//! The recap sites a server (or the operator) follows.

use super::{App, Result, UserError};
use crate::ids::{FeedId, GuildId};
use crate::ingest::feed::parse_feed;
use crate::store::feeds::Feed;

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
    pub async fn feeds_message(&self, guild: GuildId) -> Result<String> {
        let feeds = self.feeds(Some(guild)).await?;
        if feeds.is_empty() {
            return Ok("This server follows no feeds: `/feeds add` follows one.".into());
        }
        let mut text = String::from("**Feeds**\n");
        for feed in feeds {
            let state = match (&feed.last_error, feed.last_polled_at) {
                (Some(error), _) => format!("⚠️ {error} (next try <t:{}:R>)", feed.next_poll_at),
                (None, Some(_)) => format!("ok, next poll <t:{}:R>", feed.next_poll_at),
                (None, None) => "not polled yet".to_string(),
            };
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
