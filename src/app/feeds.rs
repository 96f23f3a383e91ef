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
            let state = feed_state(&feed, |t| format!("<t:{t}:R>"), locale);
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
/// did and the items waiting for a retry. The error and the poll's report are the poller's own
/// words, stored as it wrote them (English).
pub fn feed_state(feed: &Feed, when: impl Fn(i64) -> String, locale: Locale) -> String {
    let next = when(feed.next_poll_at);
    if let Some(error) = &feed.last_error {
        return tr!(locale, "feed-state-error", error = error, next = next);
    }
    if feed.last_polled_at.is_none() {
        return tr!(locale, "feed-state-unpolled");
    }
    let troubled = feed.last_poll_partial || feed.failing_items > 0;
    let report = feed.last_report.clone().unwrap_or_else(|| tr!(locale, "feed-state-done"));
    let id = if troubled { "feed-state-troubled" } else { "feed-state-ok" };
    let mut state = tr!(locale, id, report = report, next = next);
    if let (n @ 1.., Some(at)) = (feed.failing_items, feed.next_item_retry_at) {
        state.push_str(&tr!(locale, "feed-state-failing", count = n, next = when(at)));
    }
    if feed.given_up_items > 0 {
        state.push_str(&tr!(locale, "feed-state-given-up", count = feed.given_up_items));
    }
    state
}

#[cfg(test)]
mod tests {
    use super::*;

    fn polled(failing: u32, given_up: u32) -> Feed {
        Feed {
            id: FeedId(3),
            url: "https://example.com/feed".into(),
            show: None,
            guild_id: None,
            interval_secs: None,
            etag: None,
            last_modified: None,
            last_polled_at: Some(100),
            next_poll_at: 200,
            failures: 0,
            last_error: None,
            backfill: 0,
            first_polled: true,
            last_report: None,
            last_poll_partial: false,
            failing_items: failing,
            next_item_retry_at: Some(150),
            given_up_items: given_up,
        }
    }

    #[test]
    fn a_feeds_health_reads_in_the_admins_language_and_english_is_unchanged() {
        let when = |t: i64| format!("<t:{t}:R>");
        let english = |feed: &Feed| feed_state(feed, when, Locale::EN);
        assert_eq!(english(&polled(0, 0)), "ok, last poll: done; next poll <t:200:R>");
        assert_eq!(
            english(&polled(2, 1)),
            "⚠️ last poll: done; next poll <t:200:R>; 2 failed item(s), next retry <t:150:R>; \
             1 item(s) given up"
        );
        let unpolled = Feed { last_polled_at: None, ..polled(0, 0) };
        assert_eq!(english(&unpolled), "not polled yet");

        let korean = Locale::for_tag("ko");
        assert_eq!(feed_state(&unpolled, when, korean), "아직 확인하지 않음");
        assert_eq!(
            feed_state(&polled(2, 1), when, korean),
            "⚠️ 마지막 확인: 완료; 다음 확인 <t:200:R>; 실패한 항목 2개, 다음 재시도 <t:150:R>; \
             포기한 항목 1개"
        );
        let spanish = feed_state(&polled(1, 2), when, Locale::for_tag("es-ES"));
        assert!(spanish.contains("; 1 elemento fallido, próximo reintento <t:150:R>"), "{spanish}");
        assert!(spanish.ends_with("; 2 elementos abandonados"), "{spanish}");
        // The poller's own words stay as it wrote them.
        let failed = Feed { last_error: Some("HTTP 404".into()), ..polled(0, 0) };
        assert_eq!(feed_state(&failed, when, korean), "⚠️ HTTP 404 (다음 시도 <t:200:R>)");
    }
}
