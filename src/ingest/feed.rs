//! Feed parsing: RSS 2.0, Atom and JSON Feed documents into recap
//! candidates.
//!
//! [`parse_feed`] turns the fetched bytes into [`FeedItem`]s (with
//! [`feed_rs`]), after refusing XML documents that declare entities.
//! [`candidate`] decides what to do with one item: build the recap from
//! the item's own full content, fetch the linked page, or skip it.
//! Deduplication (on guid and on the episode) is the caller's job.

use chrono::{DateTime, Utc};
use regex::Regex;
use sha2::{Digest, Sha256};
use std::sync::LazyLock as Lazy;

use crate::ingest::article::{parse_article, Article, ArticleError, Format, Hints};
use crate::ingest::dom::{self, TooDeep};
use crate::ingest::headline::{self, parse_headline, Headline};

/// At most this many items of a feed are read: the newest by date. Not the first in
/// document order, since some feeds list their oldest items first.
pub const MAX_ITEMS: usize = 1000;
/// Larger documents are refused without parsing.
pub const MAX_FEED_BYTES: usize = 16 * 1024 * 1024;
/// Item content with at least this many characters of text is a full
/// article; shorter content is an excerpt and the linked page is fetched.
pub const MIN_CONTENT_CHARS: usize = 500;

/// Why a feed document could not be parsed. Messages are one line.
#[derive(Debug, thiserror::Error)]
pub enum FeedError {
    #[error("not a feed: {0}")]
    Malformed(String),
    #[error("the feed declares XML entities, which recapbot does not expand")]
    Entities,
    #[error("the feed is too large ({0} bytes, at most {MAX_FEED_BYTES} are read)")]
    TooLarge(usize),
}

/// One feed item (RSS `<item>`, Atom `<entry>`, JSON Feed item).
#[derive(Debug, Clone, PartialEq)]
pub struct FeedItem {
    /// The item's id (RSS guid, Atom id, JSON id), else its link, else
    /// `title-sha256:` and the SHA-256 of the title.
    pub guid: String,
    /// Plain text: markup removed, entities decoded, whitespace collapsed.
    pub title: String,
    pub link: Option<String>,
    /// Publication time, else last update time.
    pub published: Option<DateTime<Utc>>,
    /// Full content as published: `content:encoded`, Atom `<content>`,
    /// JSON Feed `content_html` (or `content_text`). Usually HTML.
    pub content: Option<String>,
    /// RSS `<description>`, Atom `<summary>`, JSON Feed `summary`, as published.
    pub summary: Option<String>,
}

/// A parsed feed.
#[derive(Debug, Clone)]
pub struct ParsedFeed {
    pub title: Option<String>,
    /// In document order; when the feed has more than [`MAX_ITEMS`], its newest
    /// [`MAX_ITEMS`] (undated ones last), newest first.
    pub items: Vec<FeedItem>,
}

/// Parses an RSS (0.9x/1.0/2.0), Atom or JSON Feed document. Pass the raw
/// bytes (not text decoded by the HTTP client): the XML prolog's encoding
/// is honoured. A feed without items is not an error.
pub fn parse_feed(bytes: &[u8]) -> Result<ParsedFeed, FeedError> {
    parse_feed_at(bytes, None)
}

/// [`parse_feed`] for a document fetched from `url`: relative item links (Atom feeds
/// without `xml:base` write `href="/2024/05/recap/"`) resolve against it.
pub fn parse_feed_at(bytes: &[u8], url: Option<&str>) -> Result<ParsedFeed, FeedError> {
    if bytes.len() > MAX_FEED_BYTES {
        return Err(FeedError::TooLarge(bytes.len()));
    }
    let json_ids_as_text;
    let bytes = if looks_like_xml(bytes) {
        if declares_entities(bytes) {
            return Err(FeedError::Entities);
        }
        bytes
    } else if let Some(coerced) = json_item_ids_as_text(bytes) {
        json_ids_as_text = coerced;
        &json_ids_as_text[..]
    } else {
        bytes
    };
    // Without the feed's `user:password@`: resolved links end up in public recap posts.
    let base = url.and_then(|u| url::Url::parse(&crate::config::without_credentials(u)).ok());
    let parser = feed_rs::parser::Builder::new()
        // Leave missing ids empty so the fallbacks below apply.
        .id_generator(|_links, _title, _base| String::new())
        .base_uri(base.as_ref().map(url::Url::as_str))
        .build();
    let feed = parser
        .parse(bytes)
        .map_err(|e| FeedError::Malformed(headline::normalize_whitespace(&e.to_string())))?;
    let title = feed.title.as_ref().map(text_to_plain).filter(|t| !t.is_empty());
    let mut entries = feed.entries;
    if entries.len() > MAX_ITEMS {
        // A stable sort: undated items (None, the least) end up last, in document order.
        entries.sort_by_key(|e| std::cmp::Reverse(e.published.or(e.updated)));
        entries.truncate(MAX_ITEMS);
    }
    let items = entries.into_iter().map(|e| feed_item(e, base.as_ref())).collect();
    Ok(ParsedFeed { title, items })
}

/// JSON Feed says a reader must coerce an item `id` given as a number (some generators
/// write the post number, `"id": 901`) to a string; feed-rs refuses the whole feed instead.
/// The document with such ids written as strings, or `None` when there is nothing to change
/// (or it is not JSON: feed-rs then says why).
fn json_item_ids_as_text(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut document: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    let mut changed = false;
    for item in document.get_mut("items")?.as_array_mut()? {
        if let Some(id) = item.get_mut("id").filter(|id| id.is_number()) {
            *id = serde_json::Value::String(id.to_string());
            changed = true;
        }
    }
    changed.then(|| serde_json::to_vec(&document).ok()).flatten()
}

// ---------------------------------------------------------------------------
// Entity refusal
// ---------------------------------------------------------------------------

/// Mirrors feed-rs's choice: XML when the first `<` comes before the first `{`.
fn looks_like_xml(bytes: &[u8]) -> bool {
    bytes.iter().find(|&&b| b == b'<' || b == b'{') != Some(&b'{')
}

/// True for a `<!ENTITY` declaration anywhere, or a `<!DOCTYPE` with an
/// internal subset (`[`). NUL bytes are ignored so that UTF-16/32 documents
/// are checked too. Linear time; nothing is expanded.
fn declares_entities(bytes: &[u8]) -> bool {
    let stripped: Vec<u8>;
    let bytes = if bytes.contains(&0) {
        stripped = bytes.iter().copied().filter(|&b| b != 0).collect();
        &stripped[..]
    } else {
        bytes
    };
    let starts_with = |at: usize, word: &[u8]| {
        bytes.get(at..at + word.len()).is_some_and(|s| s.eq_ignore_ascii_case(word))
    };
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        if starts_with(i, b"<!ENTITY") {
            return true;
        }
        if starts_with(i, b"<!DOCTYPE") {
            // Up to the closing `>`, skipping quoted system/public ids.
            let mut quote = None;
            let mut j = i + b"<!DOCTYPE".len();
            while j < bytes.len() {
                let b = bytes[j];
                match quote {
                    Some(q) if b == q => quote = None,
                    Some(_) => {}
                    None if b == b'"' || b == b'\'' => quote = Some(b),
                    None if b == b'[' => return true,
                    None if b == b'>' => break,
                    None => {}
                }
                j += 1;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    false
}

// ---------------------------------------------------------------------------
// Items
// ---------------------------------------------------------------------------

static TAG_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>").unwrap());

fn is_markup_type(t: &feed_rs::model::Text) -> bool {
    t.content_type.as_str() != "text/plain"
}

/// Title-like text: tags removed when the text is HTML, then entities
/// decoded (also double-encoded ones such as `&amp;#8211;`) and whitespace
/// collapsed.
fn text_to_plain(t: &feed_rs::model::Text) -> String {
    if is_markup_type(t) {
        headline::clean_text(&TAG_RE.replace_all(&t.content, " "))
    } else {
        headline::clean_text(&t.content)
    }
}

fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// The item's web page: an `alternate` (or unqualified) link.
fn item_link(links: &[feed_rs::model::Link]) -> Option<String> {
    links
        .iter()
        .filter(|l| l.rel.as_deref().is_none_or(|r| r.eq_ignore_ascii_case("alternate")))
        .find_map(|l| non_empty(&l.href))
}

fn feed_item(entry: feed_rs::model::Entry, base: Option<&url::Url>) -> FeedItem {
    let title = entry.title.as_ref().map(text_to_plain).unwrap_or_default();
    // feed-rs resolves XML links against the document's address; JSON Feed's `url` it leaves.
    let link = item_link(&entry.links).map(|link| match base {
        Some(base) if url::Url::parse(&link).is_err() => {
            base.join(&link).map(String::from).unwrap_or(link)
        }
        _ => link,
    });
    let guid = non_empty(&entry.id).or_else(|| link.clone()).unwrap_or_else(|| {
        format!("title-sha256:{}", hex::encode(Sha256::digest(title.as_bytes())))
    });
    FeedItem {
        guid,
        link,
        published: entry.published.or(entry.updated),
        content: entry.content.and_then(|c| c.body).and_then(|b| non_empty(&b)),
        summary: entry.summary.and_then(|s| non_empty(&s.content)),
        title,
    }
}

// ---------------------------------------------------------------------------
// Candidates
// ---------------------------------------------------------------------------

/// What to do with one item: a recap found in the item itself, a recap
/// whose text must be fetched from `link` (the feed has only a summary),
/// or not a recap (title not recognised).
#[derive(Debug)]
pub enum Candidate {
    Recap(Box<Article>),
    /// Fetch `url` and parse it with `parse_article(page, Format::Auto, &hints)`.
    FetchLink {
        url: String,
        hints: Hints,
    },
    NotARecap,
    /// The item's own content cannot be read (the message says why, in one
    /// line); the poller counts it as a failed item.
    Failed(String),
}

/// A season marker written out in a headline ("Season 2", "S02E03", "2x03").
static EXPLICIT_SEASON_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:season|series)\s*\d|\bs\d{1,4}\s*e\d|\b\d{1,4}x\d{1,4}\b").unwrap()
});

/// Classifies one item. `show_hint` is the show the feed is about (if it
/// is about one show): it lets titles without a show name ("Episode 5
/// Recap") count, and it becomes the article's show.
///
/// Items whose content has at least [`MIN_CONTENT_CHARS`] characters of
/// text are parsed here; when that fails for lack of a recap body, or when
/// the feed has only a summary, the item's link is to be fetched. Items
/// without a recognised headline, and items to fetch without a link, are
/// [`Candidate::NotARecap`].
pub fn candidate(item: &FeedItem, show_hint: Option<&str>) -> Candidate {
    let show_hint = show_hint.map(str::trim).filter(|s| !s.is_empty());
    let Some(found) = recognise(&item.title, show_hint) else {
        return Candidate::NotARecap;
    };
    let hints = hints_for(item, show_hint, &found);
    let fetch = || match &item.link {
        Some(url) => Candidate::FetchLink { url: url.clone(), hints: hints.clone() },
        None => Candidate::NotARecap,
    };
    let Some(content) = item.content.as_deref() else {
        return fetch();
    };
    match text_chars(content) {
        Ok(chars) if chars >= MIN_CONTENT_CHARS => {}
        Ok(_) => return fetch(),
        Err(e) => return Candidate::Failed(format!("its content: {e}")),
    }
    let document = format!(
        "<!DOCTYPE html><html><body><article><h1>{}</h1>\n{}\n</article></body></html>",
        escape_html(&item.title),
        content_as_html(content)
    );
    match parse_article(&document, Format::Html, &hints) {
        Ok(mut article) => {
            article.published_at = article.published_at.or(item.published);
            Candidate::Recap(Box::new(article))
        }
        Err(
            ArticleError::MissingHeadline
            | ArticleError::NoHeadline(_)
            | ArticleError::NotARecap(_),
        ) => Candidate::NotARecap,
        Err(ArticleError::Empty | ArticleError::Binary | ArticleError::NoRecapBody) => fetch(),
        Err(e @ ArticleError::TooDeep(_)) => Candidate::Failed(format!("its content: {e}")),
    }
}

/// The title's headline, or with the hinted show in front of it.
fn recognise(title: &str, show_hint: Option<&str>) -> Option<Headline> {
    parse_headline(title).or_else(|| parse_headline(&format!("{} {title}", show_hint?)))
}

/// Show from the hint, url from the item, and the episode (and the season,
/// when the title writes one out) from the title, so a linked page whose
/// heading lacks them still parses.
fn hints_for(item: &FeedItem, show_hint: Option<&str>, found: &Headline) -> Hints {
    Hints {
        show: show_hint.map(String::from),
        season: EXPLICIT_SEASON_RE.is_match(&item.title).then_some(found.season),
        episode: Some(found.episode),
        url: item.link.clone(),
    }
}

/// Characters of text in an HTML (or plain-text) fragment.
fn text_chars(content: &str) -> Result<usize, TooDeep> {
    let text = dom::parse_fragment(content)?.root_element().text().collect::<String>();
    Ok(headline::normalize_whitespace(&text).chars().count())
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// HTML content as it is; plain text (JSON `content_text`, Atom
/// `type="text"`) as paragraphs split on blank lines.
fn content_as_html(content: &str) -> String {
    if TAG_RE.is_match(content) {
        return content.to_string();
    }
    let mut html = String::new();
    for paragraph in content.replace("\r\n", "\n").split("\n\n") {
        let lines: Vec<String> =
            paragraph.lines().map(str::trim).filter(|l| !l.is_empty()).map(escape_html).collect();
        if !lines.is_empty() {
            html.push_str("<p>");
            html.push_str(&lines.join("<br>"));
            html.push_str("</p>\n");
        }
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    const RSS: &str = include_str!("../../tests/data/feeds/wordpress-rss2.xml");
    const ATOM: &str = include_str!("../../tests/data/feeds/atom-html-content.xml");
    const JSON: &str = include_str!("../../tests/data/feeds/jsonfeed-1.1.json");
    const NO_GUID: &str = include_str!("../../tests/data/feeds/rss2-guid-fallback.xml");
    const EMPTY: &str = include_str!("../../tests/data/feeds/empty-rss2.xml");
    const EMPTY_ATOM: &str = include_str!("../../tests/data/feeds/empty-atom.xml");
    const MALFORMED: &str = include_str!("../../tests/data/feeds/malformed.xml");
    const MALFORMED_JSON: &str = include_str!("../../tests/data/feeds/malformed.json");
    const LAUGHS: &str = include_str!("../../tests/data/feeds/billion-laughs.xml");
    const XXE: &str = include_str!("../../tests/data/feeds/external-entity.xml");
    const SAMPLE_HTML: &str = include_str!("../../tests/data/soundtrack-1-s01e02.html");

    fn parse(doc: &str) -> ParsedFeed {
        parse_feed(doc.as_bytes()).unwrap_or_else(|e| panic!("parse failed: {e}"))
    }

    fn recap(c: Candidate) -> Article {
        match c {
            Candidate::Recap(a) => *a,
            other => panic!("expected a recap, got {other:?}"),
        }
    }

    fn rfc3339(d: Option<DateTime<Utc>>) -> Option<String> {
        d.map(|d| d.to_rfc3339())
    }

    #[test]
    fn wordpress_rss_items() {
        let feed = parse(RSS);
        assert_eq!(feed.title.as_deref(), Some("TheReviewGeek"));
        let titles: Vec<&str> = feed.items.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Soundtrack #1 – Season 1 Episode 2 Recap & Review",
                "Top 10 K-dramas of 2024",
                "Soundtrack #1 – Season 1 Episode 3 Recap & Review",
            ]
        );
        let first = &feed.items[0];
        assert_eq!(first.guid, "https://www.thereviewgeek.com/?p=123456");
        assert_eq!(
            first.link.as_deref(),
            Some("https://www.thereviewgeek.com/soundtrack1-s1e2review/")
        );
        assert_eq!(rfc3339(first.published).as_deref(), Some("2022-03-23T08:30:00+00:00"));
        assert!(first.content.as_deref().unwrap().contains("<h3 class=\"wp-block-heading\">"));
        assert!(first.summary.as_deref().unwrap().starts_with("Episode 2 of Soundtrack #1"));
        let third = &feed.items[2];
        assert_eq!(third.content, None);
        assert!(third.summary.is_some());
    }

    #[test]
    fn rss_content_encoded_builds_the_sample_recap() {
        let feed = parse(RSS);
        let a = recap(candidate(&feed.items[0], None));
        assert_eq!(a.show, "Soundtrack #1");
        assert_eq!((a.season, a.episode, a.episode_end), (1, 2, None));
        assert_eq!(a.title.as_deref(), Some("Track 2 – A picture is worth a thousand words"));
        assert!(
            a.recap.starts_with("Episode 2 of Soundtrack #1 begin with Sun-Woo"),
            "{}",
            a.recap
        );
        assert!(a.recap.ends_with("just starting to understand too."), "{}", a.recap);
        let review = a.review.as_deref().expect("review");
        assert!(review.starts_with("It’s such a shame"), "{review}");
        assert!(review.ends_with("Roll on next week’s follow-up!"), "{review}");
        assert_eq!(a.url.as_deref(), Some("https://www.thereviewgeek.com/soundtrack1-s1e2review/"));
        assert_eq!(rfc3339(a.published_at).as_deref(), Some("2022-03-23T08:30:00+00:00"));
        assert_eq!(a.rating.as_ref().map(|r| (r.value, r.out_of)), Some((4.0, 5.0)));
        for bad in ["Previous Episode", "Next Episode", "Advertisement", "Share this", "<"] {
            assert!(!a.recap.contains(bad) && !review.contains(bad), "{bad:?} leaked");
        }
        // Same text as the article page itself.
        let page = parse_article(SAMPLE_HTML, Format::Html, &Hints::default()).unwrap();
        assert_eq!(a.recap, page.recap);
        assert_eq!(a.review, page.review);
        // The show hint overrides the show name.
        let hinted = recap(candidate(&feed.items[0], Some("Soundtrack No. 1")));
        assert_eq!((hinted.show.as_str(), hinted.episode), ("Soundtrack No. 1", 2));
    }

    #[test]
    fn non_recap_items_are_skipped() {
        let feed = parse(RSS);
        assert!(matches!(candidate(&feed.items[1], None), Candidate::NotARecap));
        assert!(matches!(candidate(&feed.items[1], Some("Moving")), Candidate::NotARecap));
        for title in [
            "Top 10 K-dramas of 2024",
            "Trailer: Squid Game returns for its final season",
            "Netflix renews Moving for a second season",
            "",
        ] {
            let item = FeedItem { title: title.into(), ..feed.items[0].clone() };
            assert!(matches!(candidate(&item, None), Candidate::NotARecap), "{title:?}");
            assert!(matches!(candidate(&item, Some("Moving")), Candidate::NotARecap), "{title:?}");
        }
    }

    #[test]
    fn summary_only_item_is_fetched() {
        let feed = parse(RSS);
        let item = &feed.items[2];
        match candidate(item, None) {
            Candidate::FetchLink { url, hints } => {
                assert_eq!(url, "https://www.thereviewgeek.com/soundtrack1-s1e3review/");
                assert_eq!(hints.url.as_deref(), Some(url.as_str()));
                assert_eq!((hints.show, hints.season, hints.episode), (None, Some(1), Some(3)));
            }
            other => panic!("expected FetchLink, got {other:?}"),
        }
        let no_link = FeedItem { link: None, ..item.clone() };
        assert!(matches!(candidate(&no_link, None), Candidate::NotARecap));
        // Short content counts as a summary.
        let short = FeedItem { content: Some("<p>Sun-Woo packs.</p>".into()), ..item.clone() };
        assert!(matches!(candidate(&short, None), Candidate::FetchLink { .. }));
    }

    #[test]
    fn long_content_without_recap_body_falls_back_to_fetch() {
        let feed = parse(RSS);
        let review_only = format!(
            "<h3>The Episode Review</h3><p>{}</p>",
            "A long review paragraph with no recap before it. ".repeat(20)
        );
        let item = FeedItem { content: Some(review_only), ..feed.items[0].clone() };
        assert!(matches!(candidate(&item, None), Candidate::FetchLink { .. }));
    }

    #[test]
    fn show_hint_completes_titles_without_show() {
        let feed = parse(ATOM);
        let item = &feed.items[2];
        assert_eq!(item.title, "Episode 5 Recap");
        assert!(matches!(candidate(item, None), Candidate::NotARecap));
        match candidate(item, Some("Moving")) {
            Candidate::FetchLink { url, hints } => {
                assert_eq!(url, "https://kdramadiary.example/2023/08/moving-episode-5-recap/");
                assert_eq!(hints.show.as_deref(), Some("Moving"));
                // No season in the title: left to the page.
                assert_eq!((hints.season, hints.episode), (None, Some(5)));
            }
            other => panic!("expected FetchLink, got {other:?}"),
        }
    }

    #[test]
    fn atom_html_content() {
        let feed = parse(ATOM);
        assert_eq!(feed.title.as_deref(), Some("K-Drama Diary"));
        assert_eq!(feed.items.len(), 3);
        let item = &feed.items[0];
        assert_eq!(item.guid, "tag:kdramadiary.example,2023:post-3412");
        assert_eq!(item.title, "Moving – Episodes 3 & 4 Recap & Review");
        // The alternate link, not the replies link listed first.
        assert_eq!(
            item.link.as_deref(),
            Some("https://kdramadiary.example/2023/08/moving-episodes-3-4-recap/")
        );
        assert_eq!(rfc3339(item.published).as_deref(), Some("2023-08-16T12:00:00+00:00"));
        let a = recap(candidate(item, None));
        assert_eq!(
            (a.show.as_str(), a.season, a.episode, a.episode_end),
            ("Moving", 1, 3, Some(4))
        );
        assert_eq!(a.title.as_deref(), Some("Secrets in the schoolyard"));
        assert!(a.recap.starts_with("Episode 3 opens with Bong-Seok"), "{}", a.recap);
        assert!(a.recap.ends_with("over the rooftops of the city."), "{}", a.recap);
        assert_eq!(a.recap.split("\n\n").count(), 5);
        let review = a.review.as_deref().expect("review");
        assert!(review.starts_with("Moving keeps finding"), "{review}");
        assert!(!review.contains("Leave a comment"));
        // 8.5/10 on the five-point scale.
        assert_eq!(a.rating.as_ref().map(|r| (r.value, r.out_of)), Some((4.25, 5.0)));
        assert_eq!(a.url, item.link);
        assert_eq!(rfc3339(a.published_at).as_deref(), Some("2023-08-16T12:00:00+00:00"));

        // Only a summary; published falls back to updated.
        let second = &feed.items[1];
        assert_eq!(second.content, None);
        assert_eq!(rfc3339(second.published).as_deref(), Some("2023-08-10T09:15:00+00:00"));
        assert!(matches!(candidate(second, None), Candidate::FetchLink { .. }));
    }

    #[test]
    fn json_feed_content_html_and_text() {
        let feed = parse(JSON);
        assert_eq!(feed.title.as_deref(), Some("Seoulful Recaps"));
        assert_eq!(feed.items.len(), 3);
        let item = &feed.items[0];
        assert_eq!(item.guid, "https://seoulful.example/?p=901");
        assert_eq!(
            item.link.as_deref(),
            Some("https://seoulful.example/lovely-runner-episode-12-recap/")
        );
        assert_eq!(item.summary.as_deref(), Some("Sol races against time."));
        let a = recap(candidate(item, None));
        assert_eq!((a.show.as_str(), a.season, a.episode), ("Lovely Runner", 1, 12));
        assert_eq!(a.title.as_deref(), Some("The Umbrella"));
        assert!(a.recap.starts_with("Sol wakes up in 2008"), "{}", a.recap);
        assert!(a.review.as_deref().unwrap().starts_with("Twelve episodes in"));
        assert_eq!(rfc3339(a.published_at).as_deref(), Some("2024-05-28T14:00:00+00:00"));
        assert_eq!(a.url, item.link);

        // content_text: plain text paragraphs.
        let text = &feed.items[1];
        assert!(text.content.as_deref().unwrap().contains("\n\n"));
        let a = recap(candidate(text, None));
        assert_eq!((a.show.as_str(), a.season, a.episode), ("Queen of Tears", 1, 16));
        assert_eq!(a.recap.split("\n\n").count(), 4);
        assert!(a.review.as_deref().unwrap().starts_with("A finale that"));

        // Not a recap.
        assert!(matches!(candidate(&feed.items[2], None), Candidate::NotARecap));
    }

    #[test]
    fn guid_fallbacks() {
        let feed = parse(NO_GUID);
        let guids: Vec<&str> = feed.items.iter().map(|i| i.guid.as_str()).collect();
        assert_eq!(guids[0], "moving-s1e1-guid");
        assert_eq!(guids[1], "https://example.com/moving-episode-2-recap/");
        let expected = format!(
            "title-sha256:{}",
            hex::encode(Sha256::digest("Moving Episode 3 Recap".as_bytes()))
        );
        assert_eq!(guids[2], expected);
        assert_eq!(feed.items[2].link, None);
        // Stable across parses.
        assert_eq!(parse(NO_GUID).items, feed.items);
    }

    #[test]
    fn empty_feeds_are_fine() {
        let feed = parse(EMPTY);
        assert_eq!(feed.title.as_deref(), Some("Quiet Drama Blog"));
        assert!(feed.items.is_empty());
        assert!(parse(EMPTY_ATOM).items.is_empty());
    }

    #[test]
    fn malformed_documents() {
        for doc in [MALFORMED, MALFORMED_JSON, "", "hello", "<html><body>Not a feed</body></html>"]
        {
            match parse_feed(doc.as_bytes()) {
                Err(e @ FeedError::Malformed(_)) => {
                    let msg = e.to_string();
                    assert!(msg.starts_with("not a feed: "), "{msg}");
                    assert!(!msg.contains('\n'), "{msg}");
                }
                other => panic!("expected Malformed for {doc:?}, got {other:?}"),
            }
        }
        // feed-rs's own message is kept.
        let msg = parse_feed(MALFORMED.as_bytes()).unwrap_err().to_string();
        assert!(msg.starts_with("not a feed: unable to parse XML:"), "{msg}");
        assert!(msg.contains("</channel>"), "{msg}");
        let msg = parse_feed(MALFORMED_JSON.as_bytes()).unwrap_err().to_string();
        assert!(msg.starts_with("not a feed: unable to parse JSON:"), "{msg}");
    }

    #[test]
    fn entity_declarations_are_refused() {
        for doc in [LAUGHS, XXE] {
            let start = Instant::now();
            let err = parse_feed(doc.as_bytes()).unwrap_err();
            assert!(matches!(err, FeedError::Entities), "{err:?}");
            assert!(start.elapsed() < Duration::from_secs(1));
            assert!(!err.to_string().contains("root:"));
        }
        // Lower case, bare ENTITY outside a DOCTYPE, UTF-16.
        let lower = "<?xml version=\"1.0\"?><!doctype rss [ ]><rss version=\"2.0\"/>";
        assert!(matches!(parse_feed(lower.as_bytes()), Err(FeedError::Entities)));
        let bare = "<rss version=\"2.0\"><!ENTITY a \"b\"><channel/></rss>";
        assert!(matches!(parse_feed(bare.as_bytes()), Err(FeedError::Entities)));
        let utf16: Vec<u8> = std::iter::once(0xfeff_u16)
            .chain(LAUGHS.encode_utf16())
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert!(matches!(parse_feed(&utf16), Err(FeedError::Entities)));
        // A DOCTYPE without an internal subset (RSS 0.91 style) is fine, also
        // with a bracket inside its quoted system id.
        let dtd = r#"<?xml version="1.0"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd[1]">
            <rss version="2.0"><channel><title>Old</title></channel></rss>"#;
        assert_eq!(parse(dtd).title.as_deref(), Some("Old"));
        // JSON is never checked for XML declarations.
        let json =
            r#"{"version":"https://jsonfeed.org/version/1.1","title":"<!ENTITY x>","items":[]}"#;
        assert_eq!(parse(json).title.as_deref(), Some("<!ENTITY x>"));
    }

    /// Some feeds list their oldest items first and never drop any: a long one keeps its
    /// newest items, wherever they stand in the document.
    #[test]
    fn a_long_feed_keeps_its_newest_items_whatever_their_order() {
        let mut doc = String::from("<rss version=\"2.0\"><channel><title>Many</title>");
        let start = DateTime::parse_from_rfc3339("2024-01-01T00:00:00Z").unwrap();
        for i in 0..MAX_ITEMS + 50 {
            let date = (start + chrono::Duration::hours(i as i64)).to_rfc2822();
            doc.push_str(&format!(
                "<item><title>Moving Episode {i} Recap</title><pubDate>{date}</pubDate></item>"
            ));
        }
        doc.push_str("<item><title>Moving Special Recap</title></item></channel></rss>");
        let feed = parse(&doc);
        assert_eq!(feed.items.len(), MAX_ITEMS);
        let titles: Vec<&str> = feed.items.iter().map(|i| i.title.as_str()).collect();
        assert!(titles.contains(&format!("Moving Episode {} Recap", MAX_ITEMS + 49).as_str()));
        assert!(titles.contains(&"Moving Episode 50 Recap"));
        assert!(!titles.contains(&"Moving Episode 49 Recap"), "the oldest go");
        assert!(!titles.contains(&"Moving Special Recap"), "undated counts as oldest");
    }

    /// WordPress-style Atom without `xml:base`: the links are paths on the feed's site.
    const RELATIVE_ATOM: &str = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Diary</title>
        <id>diary</id>
        <entry><id>a</id><title>Moving Episode 5 Recap</title>
          <link rel="alternate" href="/2023/08/moving-episode-5-recap/"/></entry>
        <entry xml:base="https://cdn.kdramadiary.example/posts/"><id>b</id>
          <title>Moving Episode 6 Recap</title><link href="moving-6/"/></entry>
        </feed>"#;

    #[test]
    fn relative_links_resolve_against_the_feeds_address() {
        let at = "https://reader:s3cret@kdramadiary.example/feed/atom/";
        let feed = parse_feed_at(RELATIVE_ATOM.as_bytes(), Some(at)).unwrap();
        let links: Vec<_> = feed.items.iter().map(|i| i.link.as_deref()).collect();
        assert_eq!(
            links,
            [
                // Never with the feed's credentials: the link ends up in public posts.
                Some("https://kdramadiary.example/2023/08/moving-episode-5-recap/"),
                // An xml:base, where there is one, wins.
                Some("https://cdn.kdramadiary.example/posts/moving-6/"),
            ]
        );
        // JSON Feed's `url` too.
        let json = JSON.replace("https://seoulful.example/lovely", "/lovely");
        let feed = parse_feed_at(json.as_bytes(), Some("http://seoulful.example/feed.json"));
        assert_eq!(
            feed.unwrap().items[0].link.as_deref(),
            Some("http://seoulful.example/lovely-runner-episode-12-recap/")
        );
    }

    /// Generators that write the post number as the id (`"id": 901`): the JSON Feed spec
    /// tells readers to coerce it to a string.
    #[test]
    fn json_feed_numeric_ids_are_read_as_text() {
        let json = JSON
            .replace(r#""id": "https://seoulful.example/?p=901""#, r#""id": 901"#)
            .replace(r#""id": "https://seoulful.example/?p=880""#, r#""id": 8.5e2"#);
        assert_ne!(json, JSON, "the fixture's ids were replaced");
        let feed = parse(&json);
        let guids: Vec<&str> = feed.items.iter().map(|i| i.guid.as_str()).collect();
        assert_eq!(guids, ["901", "850.0", "https://seoulful.example/?p=870"]);
        assert_eq!(feed.items[0].title, "Lovely Runner Episode 12 Recap: “The Umbrella”");
    }

    /// Two sites' recaps of one episode in an aggregator feed without guids.
    #[test]
    fn same_title_different_links_are_different_items() {
        let doc = "<rss version=\"2.0\"><channel><title>Planet K-drama</title>\
            <item><title>Moving Episode 3 Recap</title><link>https://a.example/m3</link></item>\
            <item><title>Moving Episode 3 Recap</title><link>https://b.example/m3</link></item>\
            </channel></rss>";
        let feed = parse(doc);
        assert_eq!(feed.items.len(), 2);
        assert_ne!(feed.items[0].guid, feed.items[1].guid);
    }

    #[test]
    fn too_large_is_refused() {
        let big = vec![b' '; MAX_FEED_BYTES + 1];
        assert!(matches!(parse_feed(&big), Err(FeedError::TooLarge(_))));
    }

    fn rss_with_content(content: &str) -> String {
        format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Deep</title>\
             <item><title>Moving Episode 3 Recap</title><link>https://example.com/m3</link>\
             <content:encoded xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><![CDATA[{content}]]></content:encoded></item>\
             <item><title>Moving Episode 4 Recap</title><link>https://example.com/m4</link></item>\
             </channel></rss>"
        )
    }

    #[test]
    fn deeply_nested_item_content_fails_alone_on_a_small_stack() {
        let inputs = [
            rss_with_content(&dom::nested("span", 1_000_000, false)),
            rss_with_content(&dom::nested("div", 5 * 1024 * 1024 / 5, false)),
            rss_with_content(&format!(
                "{}<p>{}</p>",
                dom::nested("div", 100_000, true),
                "Long enough to count as the full article. ".repeat(20)
            )),
        ];
        for doc in inputs {
            let (first, second, elapsed) = dom::on_small_stack(move || {
                let start = Instant::now();
                let feed = parse_feed(doc.as_bytes()).unwrap();
                let first = candidate(&feed.items[0], None);
                let second = candidate(&feed.items[1], None);
                (first, second, start.elapsed())
            });
            match first {
                Candidate::Failed(e) => assert_eq!(
                    e,
                    "its content: the page nests elements more than 512 deep; not an article"
                ),
                other => panic!("expected Failed, got {other:?}"),
            }
            assert!(matches!(second, Candidate::FetchLink { .. }));
            assert!(elapsed < Duration::from_secs(10), "{elapsed:?}");
        }
    }

    fn deep_atom(depth: usize) -> String {
        format!(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Deep</title>\
             <entry><id>a</id><title>Moving Episode 3 Recap</title>\
             <content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">{}{}</div></content></entry>\
             <entry><id>b</id><title>Moving Episode 4 Recap</title><x>{}{}</x></entry></feed>",
            "<b>".repeat(depth),
            "</b>".repeat(depth),
            "<y>".repeat(depth),
            "</y>".repeat(depth),
        )
    }

    #[test]
    fn deeply_nested_feed_xml_on_a_small_stack() {
        // Nesting in the XML itself (Atom XHTML content, unknown elements), read by feed-rs
        // without recursion; beyond 65535 levels it refuses the document.
        let (too_deep, items, first, elapsed) = dom::on_small_stack(|| {
            let start = Instant::now();
            let too_deep =
                parse_feed(deep_atom(1_000_000).as_bytes()).map(|_| ()).map_err(|e| e.to_string());
            let feed = parse_feed(deep_atom(60_000).as_bytes()).unwrap();
            let titles: Vec<String> = feed.items.iter().map(|i| i.title.clone()).collect();
            let first = candidate(&feed.items[0], None);
            (too_deep, titles, first, start.elapsed())
        });
        let err = too_deep.unwrap_err();
        assert!(
            err.starts_with("not a feed: unable to parse XML:") && err.contains("nests"),
            "{err}"
        );
        assert_eq!(items, ["Moving Episode 3 Recap", "Moving Episode 4 Recap"]);
        assert!(matches!(first, Candidate::Failed(_)), "{first:?}");
        assert!(elapsed < Duration::from_secs(10), "{elapsed:?}");
    }

    #[test]
    fn plain_text_content_becomes_paragraphs() {
        assert_eq!(
            content_as_html("One & two\nthree\n\n\nFour <3"),
            "<p>One &amp; two<br>three</p>\n<p>Four &lt;3</p>\n"
        );
        assert_eq!(content_as_html("<p>kept</p>"), "<p>kept</p>");
        assert_eq!(text_chars("<p>a &amp; b</p>\n<p> c </p>"), Ok(7));
    }
}
