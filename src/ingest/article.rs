//! Recap article parsing: plain text, Markdown and HTML.
//!
//! Every format is turned into the same stream of paragraphs ("blocks");
//! the headline gives show/season/episode (see [`super::headline`]; in plain
//! text it is chosen among the opening lines past the site furniture, see
//! [`super::opening`]; pages that are not episode recaps are refused, see
//! [`super::refusal`]; ratings are read by [`super::rating`]), the
//! blocks before a review heading ("The Episode Review", "Verdict", …) are
//! the recap, the blocks after it are the review, and site furniture
//! ("Previous Episode", "Share this:", "Leave a comment", …) is dropped.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use regex::Regex;
use std::collections::HashSet;

use scraper::{ElementRef, Html, Node, Selector};
use std::sync::LazyLock as Lazy;

use super::dom::{self, NodeId};
use super::headline::{self, parse_headline};
use super::jsonld;
use super::opening;
use super::rating::{self as ratings, ParsedRating};
use super::readable;
use super::refusal;
use crate::recap::gazetteer;
use crate::recap::names::{fold, fold_words, is_article, word_spans};
pub use crate::recap::{Article, CriticRating};

/// Input format of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    /// Guess with [`detect_format`].
    Auto,
}

/// Values given on the command line; they override or fill in what the
/// article says.
#[derive(Debug, Clone, Default)]
pub struct Hints {
    pub show: Option<String>,
    pub season: Option<u32>,
    pub episode: Option<u32>,
    pub url: Option<String>,
}

/// Why an article could not be parsed. Messages are one line; the caller
/// prefixes the input name.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ArticleError {
    #[error("the article is empty")]
    Empty,
    #[error("the input looks like binary data, not a text, Markdown or HTML article")]
    Binary,
    #[error("no headline found (no title line, <h1>, og:title or <title>)")]
    MissingHeadline,
    #[error("no show/season/episode found in the headline \"{0}\"")]
    NoHeadline(String),
    #[error("no recap paragraphs found after the headline")]
    NoRecapBody,
    /// The page reads fine but is not an episode recap; the reason is a
    /// short phrase ("a season review", "a list of articles", "news, not a recap").
    #[error("not an episode recap: {0}")]
    NotARecap(String),
    #[error("{0}")]
    TooDeep(#[from] dom::TooDeep),
}

/// Longest line that can be an episode title.
const MAX_TITLE_CHARS: usize = 120;
/// Headline length kept in [`ArticleError::NoHeadline`].
const MAX_ERROR_HEADLINE_CHARS: usize = 80;

/// Guesses the format: HTML documents or tag-heavy fragments are
/// [`Format::Html`], `# ` headings / `**bold**` / `[links](…)` are
/// [`Format::Markdown`], anything else is [`Format::Text`].
pub fn detect_format(input: &str) -> Format {
    let head: String =
        input.trim_start_matches('\u{feff}').trim_start().chars().take(4000).collect();
    let lower = head.to_lowercase();
    if lower.starts_with("<!doctype")
        || lower.starts_with("<html")
        || ["<html", "<body", "<article", "<head>"].iter().any(|t| lower.contains(t))
    {
        return Format::Html;
    }
    let paragraph_tags = lower.matches("<p>").count() + lower.matches("<p ").count();
    let closing_tags = lower.matches("</p>").count() + lower.matches("</div>").count();
    // ("<em>The Last of Us</em> Season 2, Episode 6 Recap": an excerpt's stray emphasis is
    // no document.)
    let starts_inline = INLINE_TAG_RE.find(&lower).is_some_and(|m| m.start() == 0);
    let starts_with_tag = lower.starts_with('<') && !starts_inline;
    if paragraph_tags >= 2 || closing_tags >= 2 || (starts_with_tag && lower.contains("</")) {
        return Format::Html;
    }
    let markdown_heading = head.lines().any(|l| MD_HEADING_RE.is_match(l.trim_start()));
    if markdown_heading || head.contains("**") || MD_LINK_RE.is_match(&head) {
        return Format::Markdown;
    }
    Format::Text
}

/// Parses a recap article. `hints` override the show/season/episode/url
/// found in the article and allow parsing articles whose headline has no
/// episode marker.
pub fn parse_article(input: &str, format: Format, hints: &Hints) -> Result<Article, ArticleError> {
    if looks_binary(input) {
        return Err(ArticleError::Binary);
    }
    let input = input.trim_start_matches('\u{feff}');
    if headline::normalize_whitespace(input).is_empty() {
        return Err(ArticleError::Empty);
    }
    let format = if format == Format::Auto { detect_format(input) } else { format };
    let doc = match format {
        Format::Html => html_document(input)?,
        Format::Markdown => text_document(input, true),
        Format::Text | Format::Auto => text_document(input, false),
    };
    build_article(doc, hints)
}

// ---------------------------------------------------------------------------
// Input checks
// ---------------------------------------------------------------------------

/// NUL bytes, or more than 10% control / replacement characters.
fn looks_binary(input: &str) -> bool {
    if input.contains('\0') {
        return true;
    }
    let (mut bad, mut total) = (0usize, 0usize);
    for c in input.chars().filter(|c| !c.is_whitespace()) {
        total += 1;
        if c == '\u{fffd}' || (c.is_control() && c != '\u{c}') {
            bad += 1;
        }
    }
    bad >= 4 && bad * 10 > total
}

// ---------------------------------------------------------------------------
// Common document model
// ---------------------------------------------------------------------------

/// One paragraph of the article.
#[derive(Debug, Clone)]
struct Block {
    text: String,
    /// Number of source lines (a title must be a single line).
    lines: usize,
}

/// What every format is turned into before recap/review splitting.
#[derive(Debug, Default)]
struct Document {
    headline: Option<String>,
    /// An `<h2>` right after the `<h1>` (HTML only).
    title_candidate: Option<String>,
    blocks: Vec<Block>,
    url: Option<String>,
    published_at: Option<DateTime<Utc>>,
    /// Rating found outside the paragraph stream (JSON-LD).
    rating: Option<CriticRating>,
    /// A bare score beside the headline ("7.0"), plain text only.
    opening_rating: Option<ParsedRating>,
    /// Index of the headline among the non-empty lines (plain text only).
    headline_start: usize,
    /// The headline as parsed when it was chosen among the opening lines.
    chosen: Option<headline::Headline>,
    /// The page has no headline: its first line is already prose.
    headline_prose: bool,
    /// The first non-empty lines of the page (plain text and Markdown), for
    /// telling recaps from other pages.
    opening: Vec<String>,
    /// The page's own metadata says it is fan fiction (HTML only).
    fan_fiction: bool,
}

/// The most of a page's text an article is read from. Recaps run to tens of kilobytes; past
/// this, a page (an archive, a hostile one) is left unread: the rules that search the text
/// are linear, but on megabytes of prose with curly quotes they took seconds.
pub const MAX_TEXT_BYTES: usize = 256 * 1024;
/// The most of one line (a headline, an opening line) that headline rules read: a few
/// headlines' length, so a headline glued to its first paragraph is still read whole.
const LINE_MAX_BYTES: usize = 4 * headline::HEADLINE_MAX_BYTES;

/// Turns paragraphs (lists of lines) into blocks: ordinary lines of one
/// paragraph are joined with a space; headings, furniture and rating lines
/// become blocks of their own so they can be recognised.
fn paragraphs_to_blocks(paragraphs: Vec<Vec<String>>) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut unread = MAX_TEXT_BYTES;
    for paragraph in paragraphs {
        let mut current: Vec<String> = Vec::new();
        for line in paragraph {
            if unread == 0 {
                break;
            }
            let mut line = headline::normalize_whitespace(&line);
            if line.is_empty() {
                continue;
            }
            line.truncate(headline::cut_to(&line, unread).len());
            unread -= line.len();
            // Inside a hard-wrapped paragraph, a continuation line starting in
            // lower case ("next episode we will…") is never furniture.
            let continuation =
                !current.is_empty() && line.chars().next().is_some_and(char::is_lowercase);
            // "Épisode 4 – Blocking – 15/20" over the text: a line numbering the episode
            // and naming it stands on its own, like a heading.
            // ("Episode 4 – 10/10 Episode 5 – 6/10" scores, and names nothing.)
            let numbered = current.is_empty()
                && NUMBERED_TITLE_LINE_RE.captures(&line).is_some_and(|c| {
                    c.get(2).is_some() && SCORE_RE.find(&c[4]).is_none_or(|m| m.start() > 0)
                });
            if !continuation && (numbered || classify(&line) != Kind::Body) {
                flush_lines(&mut current, &mut blocks);
                blocks.push(Block { text: line, lines: 1 });
            } else {
                current.push(line);
            }
        }
        flush_lines(&mut current, &mut blocks);
    }
    blocks
}

fn flush_lines(current: &mut Vec<String>, blocks: &mut Vec<Block>) {
    if !current.is_empty() {
        blocks.push(Block { text: current.join(" "), lines: current.len() });
        current.clear();
    }
}

// ---------------------------------------------------------------------------
// Line classification
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Body,
    RecapHeading,
    ReviewHeading,
    /// Starts the page footer: nothing after it is article text.
    FooterStart,
    /// Stray site furniture, skipped wherever it appears.
    Furniture,
    Rating(ParsedRating),
}

static REVIEW_HEADING_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)^(?:the\s+|our\s+|my\s+|final\s+)?(?:episode\s+(?:\d+\s+)?)?(?:review|verdict|take)$|^(?:final|closing|our|my)\s+thoughts$|^review\s*(?:&|and)\s*(?:verdict|thoughts)$",
    )
    .unwrap()
});

static RECAP_HEADING_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)^(?:the\s+)?(?:episode\s+(?:\d+\s+)?)?(?:recap|summary|synopsis)$|^(?:warning:?\s*)?spoilers?(?:\s+ahead)?!?$",
    )
    .unwrap()
});

static FOOTER_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)^(?:(?:previous|prev|next)\s+(?:episode|post|article)\b|(?:leave|post)\s+a\s+(?:comment|reply)\b|share\s+this\b|related(?:\s+(?:posts|articles|stories|reviews))?$|you\s+(?:may|might)\s+also\s+like\b|(?:\d+|no|one)\s+(?:comments?|responses?|replies|thoughts?\s+on)\b|comments?(?:\s*\(\d+\))?$|about\s+the\s+author$|more\s+from\s+|discover\s+more\s+from\b)",
    )
    .unwrap()
});

static FURNITURE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?ix)^(?:
            you\s+can\s+(?:read|check\s+out|find|catch\s+up)\b
          | (?:read|check\s+out)\s+(?:our|the)\s+(?:full|complete|season|other)\b
          | episode\s+rating$ | (?:our\s+|critic\s+|overall\s+)?rating$ | score$
          | click\s+(?:here|to)\b | read\s+more\b | (?:also\s+)?read\s+(?:also|next|more)\b | continue\s+reading\b
          | advertisement$ | advertisements$ | sponsored\b | ad$
          | like\s+this:?$ | like\s+loading | loading\s*(?:\.\.\.|…)?$
          | (?:share|tweet|pin|email|print|facebook|twitter|x|reddit|whatsapp|telegram|pinterest|linkedin|tumblr|pocket|threads|bluesky)(?:\s+(?:on|this|via|it)\b.*)?$
          | (?:related|also\s+read|see\s+also|tags?|filed\s+under|categor(?:y|ies)|posted\s+in)\s*:
          | (?:image|photo|picture|header\s+image)s?(?:\s+credits?)?\s*:
          | (?:subscribe|follow\s+us|sign\s+up\s+for)\b | cancel\s+reply$ | reply$ | report$
          | (?:\d+\s+)?(?:likes?|views?)$ | like$
        )",
    )
    .unwrap()
});

fn strip_bullet(s: &str) -> &str {
    s.trim_start_matches(|c: char| {
        matches!(c, '•' | '◦' | '▪' | '‣' | '·' | '●' | '○' | '■') || c.is_whitespace()
    })
}

fn classify(line: &str) -> Kind {
    let line = strip_bullet(line).trim();
    if line.is_empty() {
        return Kind::Furniture;
    }
    let chars = line.chars().count();
    if let Some(r) = ratings::parse_line(line) {
        return Kind::Rating(r);
    }
    let bare = line.trim_end_matches([':', '.', '!', ' ', '…']);
    if chars <= 40 && REVIEW_HEADING_RE.is_match(bare) {
        return Kind::ReviewHeading;
    }
    if chars <= 80 {
        if !line.ends_with('.') && FOOTER_RE.is_match(bare) {
            return Kind::FooterStart;
        }
        if RECAP_HEADING_RE.is_match(bare) {
            return Kind::RecapHeading;
        }
    }
    if chars <= 200 && FURNITURE_RE.is_match(line) {
        return Kind::Furniture;
    }
    if !line.chars().any(char::is_alphanumeric) {
        // Bullets, separators, "* * *", lone emoji.
        return Kind::Furniture;
    }
    Kind::Body
}

static BODY_START_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:in\s+)?episode\s+\d+\s+(?:of|begins?|starts?|opens?|picks)\b").unwrap()
});

/// A short single line that reads like an episode title rather than prose.
fn looks_like_title(s: &str) -> bool {
    let s = s.trim();
    let chars = s.chars().count();
    let words = s.split_whitespace().count();
    let last = s.trim_end_matches(['”', '’', '"', '\'', ')']).chars().last();
    // “Luffy is on the Move! A Turning Point of a New Era!”: quoted whole, it is one title.
    let quoted_whole = headline::trim_quotes(s).len() < s.len();
    chars > 0
        && chars <= MAX_TITLE_CHARS
        && words <= 20
        && classify(s) == Kind::Body
        // Japanese and Chinese sentences end in "。" and have no spaces to count words by.
        && !matches!(last, Some('.' | ',' | ';' | ':' | '…' | '。' | '．'))
        && !s.trim_end_matches('。').contains('。')
        && !opening::is_unspaced_prose(s)
        && (!matches!(last, Some('!' | '?')) || words <= 8 || quoted_whole)
        && !s.chars().next().is_some_and(char::is_lowercase)
        && (!opening::has_sentence_break(s) || quoted_whole)
        && !BODY_START_RE.is_match(s)
}

// ---------------------------------------------------------------------------
// Metadata lines (Source:, Published:)
// ---------------------------------------------------------------------------

static META_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)^[*_]{0,2}(source|url|canonical(?:\s+url)?|link|original(?:\s+article)?|published(?:\s+on)?|posted(?:\s+on)?|date|publication\s+date)[*_]{0,2}\s*:\s*[*_]{0,2}\s*(.+?)\s*$",
    )
    .unwrap()
});
static URL_RE: Lazy<Regex> = Lazy::new(|| Regex::new(r#"https?://[^\s<>()\[\]"']+"#).unwrap());

enum Meta {
    Url(String),
    Published(DateTime<Utc>),
}

fn parse_meta_line(line: &str) -> Option<Meta> {
    let caps = META_RE.captures(line.trim())?;
    let key = caps[1].to_ascii_lowercase();
    let value = caps[2].trim();
    if key.starts_with("publi") || key.starts_with("posted") || key == "date" {
        return parse_date(value.trim_matches(['*', '_'])).map(Meta::Published);
    }
    let found = URL_RE.find(value)?.as_str().trim_end_matches(['.', ',', ';']);
    url::Url::parse(found).ok()?;
    Some(Meta::Url(found.to_string()))
}

/// RFC 3339 / RFC 2822 timestamps, `2024-05-01 10:00:00`, `2024-05-01`,
/// `May 1, 2024`, `1 May 2024`. Dates without a time are midnight UTC.
fn parse_date(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.with_timezone(&Utc));
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Some(d.with_timezone(&Utc));
    }
    for f in ["%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%d %H:%M:%S%z"] {
        if let Ok(d) = DateTime::parse_from_str(s, f) {
            return Some(d.with_timezone(&Utc));
        }
    }
    for f in ["%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M"] {
        if let Ok(d) = NaiveDateTime::parse_from_str(s, f) {
            return Some(d.and_utc());
        }
    }
    let s = s.replace(['\u{a0}', ','], " ");
    let s = headline::normalize_whitespace(&s);
    for f in ["%Y-%m-%d", "%Y/%m/%d", "%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(&s, f) {
            return d.and_hms_opt(0, 0, 0).map(|d| d.and_utc());
        }
    }
    None
}

// ---------------------------------------------------------------------------
// Text and Markdown
// ---------------------------------------------------------------------------

static MD_HEADING_RE: Lazy<Regex> = Lazy::new(|| Regex::new(r"^#{1,6}\s+\S").unwrap());
static MD_RULE_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|={3,})$").unwrap());
static MD_LIST_RE: Lazy<Regex> = Lazy::new(|| Regex::new(r"^(?:[-*+]|\d{1,3}[.)])\s+").unwrap());
static MD_IMAGE_RE: Lazy<Regex> = Lazy::new(|| Regex::new(r"!\[[^\]]*\]\([^)]*\)").unwrap());
static MD_LINK_RE: Lazy<Regex> = Lazy::new(|| Regex::new(r"\[([^\]]*)\]\([^)]*\)").unwrap());
static MD_REF_LINK_RE: Lazy<Regex> = Lazy::new(|| Regex::new(r"\[([^\]]+)\]\[[^\]]*\]").unwrap());
static MD_LINK_DEF_RE: Lazy<Regex> = Lazy::new(|| Regex::new(r"^\[[^\]]+\]:\s*\S+").unwrap());
static MD_AUTOLINK_RE: Lazy<Regex> = Lazy::new(|| Regex::new(r"<(https?://[^>\s]+)>").unwrap());
/// Bold text; not asterisks among more of them ("Review *****", "****1/2 out of *****" rate
/// in stars).
static MD_STRONG_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(^|[^*])\*\*([^*]+?)\*\*($|[^*])|__(.+?)__").unwrap());
static MD_EM_STAR_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\*([^*\s](?:[^*]*[^*\s])?)\*").unwrap());
static MD_EM_UNDERSCORE_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(^|[^\w])_([^_\s](?:[^_]*[^_\s])?)_([^\w]|$)").unwrap());
static MD_STRIKE_RE: Lazy<Regex> = Lazy::new(|| Regex::new(r"~~(.+?)~~").unwrap());
static MD_CODE_RE: Lazy<Regex> = Lazy::new(|| Regex::new(r"`([^`]*)`").unwrap());
static MD_ESCAPE_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\\([\\`*_{}\[\]()#+\-.!>~|])").unwrap());
static HTML_TAG_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>").unwrap());

/// A source line after markup removal.
struct Line {
    text: String,
    /// Markdown headings and list items are paragraphs of their own.
    standalone: bool,
    /// Markdown heading level (1 for `#`).
    heading: Option<usize>,
}

/// Removes Markdown markup from one line. `None` for lines that are
/// markup only (rules, link definitions).
fn markdown_line(raw: &str) -> Option<Line> {
    let mut s = raw.trim();
    if MD_RULE_RE.is_match(s) || MD_LINK_DEF_RE.is_match(s) {
        return None;
    }
    while let Some(rest) = s.strip_prefix('>') {
        s = rest.trim_start();
    }
    let mut standalone = false;
    let mut heading = None;
    if MD_HEADING_RE.is_match(s) {
        heading = Some(s.chars().take_while(|&c| c == '#').count());
        s = s.trim_start_matches('#').trim().trim_end_matches('#').trim_end();
        standalone = true;
    } else if let Some(m) = MD_LIST_RE.find(s) {
        s = &s[m.end()..];
        standalone = true;
    }
    let s = MD_IMAGE_RE.replace_all(s, "");
    let s = MD_LINK_RE.replace_all(&s, "$1");
    let s = MD_REF_LINK_RE.replace_all(&s, "$1");
    let s = MD_AUTOLINK_RE.replace_all(&s, "$1");
    let s = MD_CODE_RE.replace_all(&s, "$1");
    let s = MD_STRONG_RE.replace_all(&s, "$1$2$3$4");
    let s = MD_STRIKE_RE.replace_all(&s, "$1");
    let s = MD_EM_STAR_RE.replace_all(&s, "$1");
    let s = MD_EM_UNDERSCORE_RE.replace_all(&s, "$1$2$3");
    let s = HTML_TAG_RE.replace_all(&s, "");
    let s = MD_ESCAPE_RE.replace_all(&s, "$1");
    Some(Line { text: headline::clean_text(&s), standalone, heading })
}

/// Emphasis, links and spans an extracted text kept as tags: they mark words, not blocks.
static INLINE_TAG_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)</?(?:em|i|b|strong|u|span|a)(?:\s[^<>]*)?>").unwrap());

fn text_line(raw: &str) -> Line {
    let text = INLINE_TAG_RE.replace_all(strip_bullet(raw), "");
    Line { text: headline::clean_text(&text), standalone: false, heading: None }
}

fn text_document(input: &str, markdown: bool) -> Document {
    let mut doc = Document::default();
    // Source lines; `None` is a paragraph break (blank line or metadata line).
    let mut items: Vec<Option<Line>> = Vec::new();
    for raw in input.lines() {
        if let Some(meta) = parse_meta_line(raw) {
            match meta {
                Meta::Url(u) => doc.url = doc.url.take().or(Some(u)),
                Meta::Published(d) => doc.published_at = doc.published_at.or(Some(d)),
            }
            items.push(None);
            continue;
        }
        let line = if markdown { markdown_line(raw) } else { Some(text_line(raw)) };
        items.push(line.filter(|l| !l.text.is_empty()));
    }

    // The headline: Markdown's first `#` heading that names an episode, else
    // the first headline-like line among the opening lines, else the first line.
    let lines: Vec<(usize, &Line)> =
        items.iter().enumerate().filter_map(|(i, l)| l.as_ref().map(|l| (i, l))).collect();
    let texts: Vec<String> = lines.iter().map(|(_, l)| l.text.clone()).collect();
    let h1 = lines
        .iter()
        .position(|(_, l)| l.heading == Some(1))
        .filter(|&k| parse_headline(&texts[k]).is_some());
    // Source lines [first, last] taken by the headline; lines above it are furniture.
    let (consumed, headline_text): (Option<(usize, usize)>, String) = match h1 {
        Some(k) => (Some((lines[k].0, lines[k].0)), texts[k].clone()),
        None => match opening::choose_headline(&texts) {
            Some(choice) => {
                doc.opening_rating = choice.rating.clone();
                doc.headline_start = choice.first;
                doc.chosen = Some(choice.parsed);
                (Some((lines[choice.first].0, lines[choice.last].0)), choice.text)
            }
            None => {
                let k = texts
                    .iter()
                    .position(|t| {
                        !opening::is_furniture_line(t) && ratings::parse_line(t).is_none()
                    })
                    .unwrap_or(0);
                doc.headline_start = k;
                // "Tercera entrega la emitida esta semana por MTV, que nos deja" / "con más lío
                // si cabe…": a line the next source line carries on in lower case is the start
                // of a hard-wrapped paragraph.
                let wrapped = lines.get(k + 1).is_some_and(|&(next, l)| {
                    next == lines[k].0 + 1 && l.text.starts_with(char::is_lowercase)
                });
                match lines.get(k) {
                    // A page without a headline starts with its text: keep it.
                    Some(_) if opening::is_prose(&texts[k]) || wrapped => {
                        doc.headline_prose = true;
                        (lines.get(k.wrapping_sub(1)).map(|&(i, _)| (0, i)), texts[k].clone())
                    }
                    Some(&(i, _)) => {
                        (Some((0, i)), opening::strip_glued_prefix(&texts[k]).to_string())
                    }
                    None => (None, String::new()),
                }
            }
        },
    };
    if !headline_text.is_empty() {
        doc.headline = Some(headline_text);
    }
    // The opening's rules try a line at each of its words: long lines are cut.
    doc.opening = texts
        .iter()
        .take(opening::OPENING_LINES * 2)
        .map(|t| headline::cut_to(t, LINE_MAX_BYTES).to_string())
        .collect();

    let mut paragraphs: Vec<Vec<String>> = vec![Vec::new()];
    let mut after_headline = 0;
    for (i, item) in items.into_iter().enumerate() {
        // Lines above the headline are site furniture.
        if let Some((first, last)) = consumed {
            if i <= last {
                if i >= first {
                    paragraphs.push(Vec::new());
                }
                continue;
            }
        }
        let Some(line) = item else {
            paragraphs.push(Vec::new());
            continue;
        };
        // Bylines, dates, image names and counters right below the headline.
        if consumed.is_some() && after_headline < 6 {
            after_headline += 1;
            // "Episode Review 8.9 / 10.0" is a rating, not a "a / b" breadcrumb.
            if line.text.chars().count() <= 80
                && opening::is_furniture_line(&line.text)
                && ratings::parse_line(&line.text).is_none()
            {
                paragraphs.push(Vec::new());
                continue;
            }
        }
        if line.standalone {
            paragraphs.push(vec![line.text]);
            paragraphs.push(Vec::new());
        } else {
            paragraphs.last_mut().expect("never empty").push(line.text);
        }
    }
    doc.blocks = paragraphs_to_blocks(paragraphs);
    doc
}

// ---------------------------------------------------------------------------
// HTML
// ---------------------------------------------------------------------------

fn selector(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

static SKIPPED_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "figcaption",
    "iframe",
    "svg",
    "button",
    "select",
    "textarea",
    "template",
    "object",
    "embed",
    "canvas",
    "input",
    "head",
    "title",
    "meta",
    "link",
];

static SKIPPED_CLASSES: &[&str] = &[
    "sharedaddy",
    "sd-sharing",
    "sd-block",
    "sharing",
    "share",
    "share-buttons",
    "social",
    "social-share",
    "jp-relatedposts",
    "related",
    "related-posts",
    "yarpp-related",
    "crp_related",
    "comments",
    "comments-area",
    "comment-respond",
    "comment-list",
    "post-navigation",
    "nav-links",
    "navigation",
    "breadcrumb",
    "breadcrumbs",
    "advertisement",
    "adsbygoogle",
    "ad-container",
    "screen-reader-text",
    "author-box",
    "newsletter",
    "widget",
    "sidebar",
    "wp-caption-text",
    "entry-meta",
];

static SKIPPED_IDS: &[&str] = &["comments", "respond", "jp-relatedposts", "sidebar", "secondary"];

static BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "dl",
    "dd",
    "dt",
    "pre",
    "figure",
    "hr",
    "address",
    "details",
    "summary",
    "center",
    "hgroup",
    "body",
    "html",
];

fn is_skipped(el: &ElementRef) -> bool {
    let e = el.value();
    SKIPPED_TAGS.contains(&e.name())
        || e.classes().any(|c| SKIPPED_CLASSES.contains(&c.to_ascii_lowercase().as_str()))
        || e.id().is_some_and(|id| SKIPPED_IDS.contains(&id.to_ascii_lowercase().as_str()))
        || e.attr("aria-hidden") == Some("true")
        || e.attr("hidden").is_some()
}

fn is_block(el: &ElementRef) -> bool {
    BLOCK_TAGS.contains(&el.value().name())
}

/// Elements with a block element somewhere below them, found in one pass
/// from the last node back (children before their parents) instead of a
/// subtree walk per element, which costs the nesting depth per node.
fn block_containers(root: ElementRef) -> HashSet<NodeId> {
    let mut containers = HashSet::new();
    let nodes: Vec<_> = root.descendants().collect();
    for node in nodes.into_iter().rev() {
        let Some(el) = ElementRef::wrap(node) else { continue };
        let contains = el
            .children()
            .filter_map(ElementRef::wrap)
            .any(|child| is_block(&child) || containers.contains(&child.id()));
        if contains {
            containers.insert(el.id());
        }
    }
    containers
}

/// Paragraph texts of `root` in document order; `<br>` becomes a line break.
/// An element holding blocks is a container whose own loose text forms
/// paragraphs between its blocks; a block without blocks inside is one
/// paragraph; anything else is inline text. Iterative: the nesting depth
/// of the page costs heap, not stack.
fn walk_blocks(root: ElementRef, skip: &[ElementRef], out: &mut Vec<String>) {
    let containers = block_containers(root);
    // One frame per open container: its remaining children and its loose text.
    let mut frames = vec![(root.children(), String::new())];
    while let Some((children, run)) = frames.last_mut() {
        let Some(child) = children.next() else {
            flush_run(run, out);
            frames.pop();
            continue;
        };
        match child.value() {
            Node::Text(t) => run.push_str(t),
            Node::Element(_) => {
                let Some(child_el) = ElementRef::wrap(child) else { continue };
                if skip.iter().any(|s| s.id() == child.id()) || is_skipped(&child_el) {
                    continue;
                }
                if child_el.value().name() == "br" {
                    run.push('\n');
                } else if containers.contains(&child.id()) {
                    flush_run(run, out);
                    frames.push((child_el.children(), String::new()));
                } else if is_block(&child_el) {
                    flush_run(run, out);
                    let mut text = String::new();
                    inline_text(child_el, skip, &mut text);
                    flush_run(&mut text, out);
                } else {
                    inline_text(child_el, skip, run);
                }
            }
            _ => {}
        }
    }
}

/// The text below `el` (skipped elements left out, `<br>` as a line break),
/// walked with an explicit stack.
fn inline_text(el: ElementRef, skip: &[ElementRef], out: &mut String) {
    let mut stack = vec![el.children()];
    while let Some(children) = stack.last_mut() {
        let Some(child) = children.next() else {
            stack.pop();
            continue;
        };
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                let Some(child_el) = ElementRef::wrap(child) else { continue };
                if skip.iter().any(|s| s.id() == child.id()) || is_skipped(&child_el) {
                    continue;
                }
                if e.name() == "br" {
                    out.push('\n');
                } else {
                    stack.push(child_el.children());
                }
            }
            _ => {}
        }
    }
}

fn flush_run(run: &mut String, out: &mut Vec<String>) {
    if run.chars().any(|c| !c.is_whitespace()) {
        out.push(std::mem::take(run));
    }
    run.clear();
}

fn element_text(el: &ElementRef) -> String {
    headline::clean_text(&el.text().collect::<String>())
}

fn meta_content(html: &Html, sel: &str) -> Option<String> {
    html.select(&selector(sel))
        .filter_map(|m| m.value().attr("content"))
        .map(headline::clean_text)
        .find(|s| !s.is_empty())
}

/// Drops a " | Site Name" suffix, and a " - Site Name" / " – Site Name"
/// suffix when the site name is known (og:site_name).
fn strip_site_suffix(title: &str, site_name: Option<&str>) -> String {
    let mut t = title.trim();
    if let Some(site) = site_name.filter(|s| !s.is_empty()) {
        for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
            if let Some(rest) = t.strip_suffix(site).and_then(|r| r.strip_suffix(sep)) {
                t = rest;
                break;
            }
        }
    }
    if let Some(i) = t.rfind(" | ") {
        if headline::trim_separators(&t[..i]).chars().any(char::is_alphanumeric) {
            t = &t[..i];
        }
    }
    t.trim().to_string()
}

/// How fan-fiction archives describe their pages in their metadata ("fanfiction, transformative
/// works", "a fanfiction story", "Fan Fiction Archive").
static FAN_FICTION_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:fan[\s-]?fic(?:tion)?s?|transformative\s+works)\b").unwrap()
});

static JSON_RATING_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r#""reviewRating"\s*:\s*\{[^}]*?"ratingValue"\s*:\s*"?([\d.]+)"?(?:[^}]*?"bestRating"\s*:\s*"?([\d.]+)"?)?"#)
        .unwrap()
});

fn html_document(input: &str) -> Result<Document, ArticleError> {
    let (html, deepest) = dom::parse_measured(input)?;
    let mut doc = Document::default();
    let mut skip = Vec::new();

    let site_name = meta_content(&html, r#"meta[property="og:site_name"]"#);
    doc.fan_fiction = html
        .select(&selector(
            r#"meta[name="keywords"], meta[name="classification"], meta[name="description"], meta[property="og:type"], meta[property="og:description"]"#,
        ))
        .filter_map(|m| m.value().attr("content"))
        .any(|c| FAN_FICTION_RE.is_match(c));
    let ld_selector = selector(r#"script[type="application/ld+json"]"#);
    let ld = jsonld::read(html.select(&ld_selector).map(|s| s.text().collect::<String>()));
    let h1 = html
        .select(&selector("article h1"))
        .chain(html.select(&selector("h1")))
        .find(|h| !element_text(h).is_empty());
    let h1_text = h1.map(|h| element_text(&h));
    if let Some(h1) = h1 {
        skip.push(h1);
        if let Some(h2) = title_heading_after(h1) {
            doc.title_candidate = Some(element_text(&h2));
            skip.push(h2);
        }
    }
    let page_titles = [
        meta_content(&html, r#"meta[property="og:title"]"#),
        meta_content(&html, r#"meta[name="twitter:title"]"#),
        html.select(&selector("title")).map(|t| element_text(&t)).find(|t| !t.is_empty()),
    ]
    .map(|t| t.map(|t| strip_site_suffix(&t, site_name.as_deref())));
    // The first source that names show and episode wins: structured data is
    // meant for machines, the <h1> is what readers see, og:title and <title>
    // are often shortened or carry the site's name. When none does (hints
    // then supply show and episode), the <h1> or the page title stands.
    let ld_episode = ld.episode.as_ref().map(jsonld::Episode::headline);
    let candidates = [ld_episode.clone(), ld.headline.clone(), h1_text.clone()]
        .into_iter()
        .chain(page_titles.clone());
    let best = candidates.flatten().find(|c| parse_headline(c).is_some());
    if best.is_some() && best == ld_episode {
        let name = ld.episode.as_ref().and_then(|e| e.name.clone());
        doc.title_candidate = doc.title_candidate.take().or(name);
    }
    doc.headline = best.or(h1_text).or_else(|| page_titles.into_iter().flatten().next());

    doc.url = html
        .select(&selector(r#"link[rel="canonical"]"#))
        .filter_map(|l| l.value().attr("href"))
        .chain(
            html.select(&selector(r#"meta[property="og:url"]"#))
                .filter_map(|m| m.value().attr("content")),
        )
        .map(str::trim)
        .find(|u| url::Url::parse(u).is_ok())
        .map(String::from);
    doc.published_at = html
        .select(&selector(
            r#"meta[property="article:published_time"], meta[itemprop="datePublished"], meta[name="date"]"#,
        ))
        .filter_map(|m| m.value().attr("content"))
        .chain(
            html.select(&selector("article time[datetime], time[datetime]"))
                .filter_map(|t| t.value().attr("datetime")),
        )
        .find_map(parse_date);
    // Scripts serde_json cannot read (sites write broken JSON-LD) may still
    // hold a rating the pattern finds.
    doc.rating = ld.rating.or_else(|| {
        html.select(&selector(r#"script[type="application/ld+json"]"#)).find_map(|s| {
            let json = s.text().collect::<String>();
            let c = JSON_RATING_RE.captures(&json)?;
            let value = c[1].parse().ok()?;
            let out_of = c.get(2).and_then(|m| m.as_str().parse().ok()).unwrap_or(5.0);
            (out_of > 0.0 && value >= 0.0 && value <= out_of).then(|| CriticRating {
                value,
                out_of,
                display: Some(format!("{value}/{out_of}")),
            })
        })
    });

    let root = body_root(&html, h1);
    let mut texts = Vec::new();
    // A page that marks no article container is read as a reader's view would; the headline
    // and title heading, which Readability may keep, are already the document's own.
    if root.is_none_or(|r| r.value().name() == "body") {
        if let Some(fragment) =
            readable::article_html(input, deepest).and_then(|a| dom::parse_fragment(&a).ok())
        {
            walk_blocks(fragment.root_element(), &[], &mut texts);
            let taken: Vec<String> = skip.iter().map(element_text).collect();
            texts.retain(|t| !taken.contains(&headline::clean_text(t)));
        }
    }
    if texts.is_empty() {
        if let Some(root) = root {
            walk_blocks(root, &skip, &mut texts);
        }
    }
    let paragraphs =
        texts.into_iter().map(|t| t.split('\n').map(headline::clean_text).collect()).collect();
    doc.blocks = paragraphs_to_blocks(paragraphs);
    Ok(doc)
}

/// An `<h2>` directly after the `<h1>` (also when the `<h1>` closes a
/// `<header>`/`<hgroup>`).
fn title_heading_after(h1: ElementRef) -> Option<ElementRef> {
    fn next(el: ElementRef) -> Option<ElementRef> {
        el.next_siblings().find_map(ElementRef::wrap)
    }
    let candidate = match next(h1) {
        Some(n) => n,
        None => {
            let parent = h1.parent().and_then(ElementRef::wrap)?;
            if !matches!(parent.value().name(), "header" | "hgroup" | "div") {
                return None;
            }
            next(parent)?
        }
    };
    let text = element_text(&candidate);
    (candidate.value().name() == "h2" && looks_like_title(&text)).then_some(candidate)
}

// Pages with such a container keep our own walk of it: Readability's cleaning of short
// blocks may drop the rating line and title <h2> the split relies on. Pages without one are
// read by Readability (see `readable`).
/// The element holding the article text: the `<article>` containing the
/// headline, any `<article>`, `<main>`, `.entry-content`/`.post-content`,
/// then `<body>`.
fn body_root<'a>(html: &'a Html, h1: Option<ElementRef<'a>>) -> Option<ElementRef<'a>> {
    // The outermost <article> around the headline is the first one in
    // document order that contains it; found from the headline upwards, as a
    // subtree search per <article> costs quadratic time on nested ones.
    let with_h1 = h1.and_then(|h| {
        h.ancestors().filter_map(ElementRef::wrap).filter(|a| a.value().name() == "article").last()
    });
    with_h1
        .or_else(|| html.select(&selector("article")).next())
        .or_else(|| html.select(&selector("main")).next())
        .or_else(|| {
            html.select(&selector(".entry-content, .post-content, [itemprop=articleBody]")).next()
        })
        .or_else(|| html.select(&selector("body")).next())
}

// ---------------------------------------------------------------------------
// Assembling the article
// ---------------------------------------------------------------------------

fn truncate_chars(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max).collect();
        t.push('…');
        t
    }
}

/// A line that only warns of spoilers: "Spoilers", "Spoiler alert!", "(Spoilers ahead)".
static SPOILER_LABEL_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\s*[\[(*_]*\s*(?:major\s+|minor\s+|mild\s+|heavy\s+)?spoilers?(?:\s+(?:alert|warning|ahead|below|inside))?\s*[!.:)\]*_]*\s*$").unwrap()
});

/// "Episode title: The Hunger", "Episode Title – Rage".
static EPISODE_TITLE_LINE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:episode|ep\.?)\s+(?:\d+\s+)?title\s*[:\-–—]\s*(.+)$").unwrap()
});
/// The title after an "Episode Title:" label. A quoted one ends at its closing quote:
/// "Episode Title: “Choose Your Pain”" is often run into the credits written under it.
fn labelled_title(value: &str) -> Option<String> {
    let value = value.trim();
    // "Episode Title: Memento Mori" / "Originally Aired: November 17th 2017": the next label
    // run into the line.
    let value = RUN_IN_LABEL_RE.find(value).map_or(value, |m| value[..m.start()].trim_end());
    for (open, close) in [('“', '”'), ('"', '"'), ('‘', '’'), ('«', '»')] {
        if let Some((inner, _)) = value.strip_prefix(open).and_then(|r| r.split_once(close)) {
            return headline::clean_title(inner);
        }
    }
    headline::clean_title(value)
}

/// A credit's or an air date's label after an episode title's: " Originally Aired:".
static RUN_IN_LABEL_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\s+(?:(?:Original(?:ly)?|First)\s+)?(?:Aired|Air\s*Date|Airdate|Broadcast|Written\s+[Bb]y|Directed\s+[Bb]y|Writers?|Directors?|Teleplay|Story|Release\s+Date)\s*:").unwrap()
});

/// Words that make a line after the headline a subtitle or dek, not an episode title.
static NOT_TITLE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:recaps?|reviews?|spoilers?|episodes?|season|starring|written\s+by|directed\s+by|posted|published|updated|(?:release|start|end|air|premiere)\s+date|genre|cast|network|air(?:s|ed)?\s+(?:on|at)|runtime)\b|\b\d{1,2}:\d{2}\b|^\(|^by\s|^(?:(?:release|air|original)\s+date|genre|cast|network|director|writers?|starring|runtime|country|language|aired|broadcast|source|credits?)s?\s*:")
        .unwrap()
});

/// A line right after the headline that is an episode title (the sample's
/// `Track 2 – A picture is worth a thousand words`), not a dek, byline,
/// date, rating or repeated marker.
fn title_line(text: &str, show: &str) -> Option<String> {
    if !looks_like_title(text)
        || crate::recap::names::fold(text) == crate::recap::names::fold(show)
        || opening::is_furniture_line(text)
        || NOT_TITLE_RE.is_match(text)
        || parse_headline(text).is_some()
        || text.split_whitespace().count() > 14
    {
        return None;
    }
    // "“First Day” and “#ThinkBrink” raise oh so many questions": a subtitle opening on the
    // titles it then talks about; the first is this page's first episode's.
    if let Some(c) = LEADING_QUOTED_TITLE_RE.captures(text) {
        return headline::clean_title(&c[1]);
    }
    headline::clean_title(text)
}

static LEADING_QUOTED_TITLE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r#"^[“"]([^”"]{2,80})[”"]\s+(?:and\s+[“"][^”"]{2,80}[”"]\s+)?\p{Ll}"#).unwrap()
});

/// "quantico-season-2-episode-3-stescalade-recap" → "quantico season 2 episode 3 stescalade recap".
/// A token that is an episode's marker: "05x04", "s01e04".
static MARKER_TOKEN_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^(?:\d{1,2}x\d{1,4}|s\d{1,4}e\d{1,4})$").unwrap());

fn url_headline(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    if let Some(thread) = subreddit_thread(&parsed) {
        return Some(thread);
    }
    let mut words: Vec<String> = Vec::new();
    for seg in parsed.path_segments()? {
        // "summer%E2%80%99s-desire-episode%C2%A06" is "summer’s desire episode 6".
        let seg = percent_decode(seg);
        // A file's extension goes ("…-recap.html"), a dot inside the slug stays
        // ("masters-sun-ep.-1-recap").
        let seg = match seg.rsplit_once('.') {
            Some((stem, ext)) if FILE_EXTENSION_RE.is_match(ext) => stem,
            _ => seg.as_str(),
        };
        // ".../a-journey-to-love/episode/10": the number after "episode" is the episode.
        let after_episode = words.last().is_some_and(|w| w.ends_with("episode"));
        // ".../index.php/2020/11/09/umbrella-academy-staffel-02-folge-01": the script's name
        // is no word of the slug.
        if seg.is_empty()
            || (seg.chars().all(|c| c.is_ascii_digit()) && !after_episode)
            || seg.eq_ignore_ascii_case("index")
        {
            continue;
        }
        let lower = seg.to_ascii_lowercase();
        if matches!(
            lower.as_str(),
            "review"
                | "reviews"
                | "recap"
                | "recaps"
                | "tv"
                | "anime"
                | "news"
                | "article"
                | "articles"
                | "posts"
                | "post"
                | "p"
                | "blog"
                | "category"
                | "tv-shows"
                | "shows"
                | "kdrama"
                | "k-drama"
                | "drama"
                | "dramas"
                | "entertainment"
                | "new-blog"
                // The same sections in other languages: ".../recenzje/dzien-trzeci-odcinek-5-…".
                | "recensioni"
                | "recenzje"
                | "rezensionen"
                | "kritiken"
                | "recensies"
                | "criticas"
                | "críticas"
                | "resenas"
                | "reseñas"
                | "critiques"
        ) {
            continue;
        }
        // "episodes-9-11-recap": a dash between two numbers is a range.
        let seg = NUMBER_RANGE_RE.replace_all(seg, "$1–$2");
        // "lovecraft-country-s01xe04-review": "s01xe04" is "s01e04" written with the "x" of
        // "1x04".
        let seg = SXE_RE.replace_all(&seg, "s${1}e${2}");
        // "the-walking-dead-6-temporada-episodio-9": the season's number before its word (but
        // "episodio-3-temporada-2" numbers the episode).
        let seg = {
            let s: &str = &seg;
            NUMBER_THEN_SEASON_RE
                .replace_all(s, |c: &regex::Captures| {
                    let before = s[..c.get(0).map_or(0, |m| m.start())].trim_end_matches('-');
                    let word = before.rsplit('-').next().unwrap_or("").to_lowercase();
                    let episode_word = matches!(
                        word.as_str(),
                        "episode"
                            | "episodio"
                            | "episódio"
                            | "capitulo"
                            | "capítulo"
                            | "folge"
                            | "ep"
                    );
                    if episode_word {
                        c[0].to_string()
                    } else {
                        format!("{}-{}", &c[2], &c[1])
                    }
                })
                .into_owned()
        };
        words.push(seg.replace(['-', '_', '+'], " "));
    }
    // "culture/a25881866/outlander-season-4-episode-11-recap": the slug that numbers the
    // episode is the headline; the sections and ids before it are the site's.
    if let Some(slug) = words
        .iter()
        .rev()
        .find(|w| URL_SLUG_MARKER_RE.is_match(w) && w.split_whitespace().count() >= 3)
    {
        words = vec![slug.clone()];
    }
    let text = headline::normalize_whitespace(&words.join(" "));
    // Leading labels ("drama review angel eyes") and ids ("301215 a journey to love"), trailing
    // ids ("… 01jd0mkm3vke", "… 215917").
    let mut tokens: Vec<&str> = text.split(' ').collect();
    while tokens.first().is_some_and(|w| {
        let id = w.len() >= 4 && w.chars().all(|c| c.is_ascii_digit());
        (id || matches!(
            *w,
            "recap"
                | "review"
                | "drama"
                | "kdrama"
                | "tv"
                | "anime"
                | "episode"
                | "and"
                | "recaps"
                | "reviews"
                | "sinopsis"
                | "critica"
                | "resumen"
                | "resumo"
                | "resena"
        )) && tokens.len() > 1
    }) {
        tokens.remove(0);
    }
    // ("…-about-last-night-05x04/": an episode's marker ends the slug; it is no id.)
    while tokens.last().is_some_and(|w| {
        w.len() >= 5
            && w.chars().any(|c| c.is_ascii_digit())
            && w.parse::<u32>().map_or(true, |n| n > 9999)
            && !MARKER_TOKEN_RE.is_match(w)
            // ("ski-into-love-eps-15-16": a range of episodes ends the slug; it is no id.)
            && !w.split('–').all(|n| !n.is_empty() && n.len() <= 4 && n.bytes().all(|b| b.is_ascii_digit()))
    }) {
        tokens.pop();
    }
    let text = tokens.join(" ");
    (!text.is_empty()).then_some(text)
}

/// A reddit thread's address (".../r/TheExpanse/comments/8gises/episode_discussion_s03e04_reload/…",
/// on reddit or a mirror of it): the subreddit's name, its words split where its capitals are,
/// before the thread's slug without the thread's kind — "the expanse s03e04 reload".
fn subreddit_thread(url: &url::Url) -> Option<String> {
    let segs: Vec<&str> = url.path_segments()?.collect();
    let at = segs.windows(3).position(|w| w[0] == "r" && w[2] == "comments")?;
    let (sub, slug) = (segs[at + 1], segs.get(at + 4)?);
    if sub.is_empty() || !sub.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let mut name = String::new();
    for (i, c) in sub.char_indices() {
        if i > 0 && c.is_ascii_uppercase() {
            name.push(' ');
        }
        name.push(c.to_ascii_lowercase());
    }
    let slug = percent_decode(slug).replace(['-', '_', '+'], " ");
    // "episode discussion", "discussion thread", "spoilers": the thread's kind, not its show.
    let slug = headline::normalize_whitespace(&THREAD_KIND_RE.replace_all(&slug, " "));
    // A slug naming its show ("mahou shoujo madokamagica episode 5" in r/anime) needs no
    // subreddit before it.
    // A one-word subreddit ("anime", "television", "kdrama", "thewalkingdead") is as often a
    // genre's as a show's: only a name its capitals split into words is taken for a show's.
    if parse_headline(&slug).is_some_and(|h| !h.show.trim().is_empty()) || !name.contains(' ') {
        return Some(slug);
    }
    Some(format!("{name} {slug}"))
}

static THREAD_KIND_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:(?:episode\s+)?discussion(?:\s+thread)?|spoilers?(?:rewatch)?)\b")
        .unwrap()
});

/// What ends a file's name in an address: "html", "php", "aspx".
static FILE_EXTENSION_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(?i:s?html?|php\d?|aspx?|jsp|cgi|txt)$").unwrap());

static SXE_RE: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i)\bs(\d{1,2})xe(\d{1,3})\b").unwrap());

/// "6-temporada": a season's number written before its word in a slug.
static NUMBER_THEN_SEASON_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)\b(\d{1,2})-(temporada|saison|staffel)\b").unwrap());

/// Two short numbers joined by a dash ("9-11"; not "s2e4-2022", a year after the episode, nor
/// "2-07", season and episode).
/// ("episode-32-33-34": a run of numbers is a range from the first to the last.)
static NUMBER_RANGE_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\b(\d{1,3})(?:-[1-9]\d{0,2})*-([1-9]\d{0,2})\b").unwrap());

/// An episode's number in an address's slug: "season 4 episode 11", "s01e04", "ep 5".
static URL_SLUG_MARKER_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:episodes?\s+\d|ep\s*\d|chapter\s+\d|s\d{1,2}\s*x?e\d|\d{1,2}x\d{1,3}\b)")
        .unwrap()
});

/// "https://www.animehajime.com/…" → "animehajime" (at least four letters).
fn site_name(url: &str) -> Option<String> {
    let host = url::Url::parse(url).ok()?.host_str()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let label: String =
        host.split('.').next()?.chars().filter(char::is_ascii_alphanumeric).collect();
    (label.len() >= 4).then_some(label)
}

/// "“Will They Pass Or Fail?” – May 7, 2022" → "“Will They Pass Or Fail?”": a title quoted
/// first is the title, whatever follows it; otherwise the text as it is.
fn leading_quoted(s: &str) -> &str {
    let s = s.trim();
    for (open, close) in [('“', '”'), ('"', '"'), ('‘', '’')] {
        if let Some(inner) = s.strip_prefix(open) {
            if let Some(end) = inner.find(close) {
                return &s[..open.len_utf8() + end + close.len_utf8()];
            }
        }
    }
    s
}

/// "%E2%80%99" → "’"; bytes that do not make UTF-8 become U+FFFD.
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match (b[i], b.get(i + 1).copied().and_then(hex), b.get(i + 2).copied().and_then(hex)) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (c, ..) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A headline that names no show: "Episode 4 Recap", "The Episode Recap", "Episode Recap:".
fn names_no_show(headline: &str) -> bool {
    const GENERIC: [&str; 26] = [
        "the",
        "episode",
        "episodes",
        "ep",
        "recap",
        "recaps",
        "review",
        "reviews",
        "summary",
        "synopsis",
        "and",
        "of",
        "a",
        "an",
        "chapter",
        "part",
        "sinopse",
        "sinopsis",
        "resumo",
        "resumen",
        "crítica",
        "critica",
        "episódio",
        "episodio",
        "capítulo",
        "capitulo",
    ];
    let lower = headline.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .collect();
    !words.is_empty() && words.iter().all(|w| GENERIC.contains(w))
}

/// The words of `needle` as written in `hay` (case-insensitive), to give a
/// name read from a URL its real capitals.
fn as_written(needle: &str, hay: &str) -> Option<String> {
    let words: Vec<String> = needle.split_whitespace().map(regex::escape).collect();
    if words.is_empty() {
        return None;
    }
    let re = Regex::new(&format!(r"(?i)\b{}\b", words.join(r"[\s\-–:’'.,]+"))).ok()?;
    re.find(hay).map(|m| m.as_str().to_string())
}

/// "crash landing on you" → "Crash Landing On You".
fn title_case(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            let mut c = w.chars();
            c.next().map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

static YEAR_TAIL_RE: Lazy<Regex> = Lazy::new(|| Regex::new(r"\s+(?:19|20)\d{2}$").unwrap());

/// "the one with the untamed recaps episodes 11 to 17" at a page that writes "Part 3 of The
/// Untamed recaps": the address's first words are the writer's, the longest run of its last
/// words that the page writes as a name is the show.
fn written_tail(show: &str, hay: &str) -> Option<String> {
    let mut words: Vec<&str> = show.split_whitespace().collect();
    // "… the untamed recaps": the address's label after the name.
    while words.last().is_some_and(|w| {
        matches!(w.to_lowercase().as_str(), "recap" | "recaps" | "review" | "reviews")
    }) {
        words.pop();
    }
    let hay_words = crate::recap::names::fold_words(hay);
    for k in 1..words.len() {
        let tail: Vec<String> =
            words[k..].iter().flat_map(|w| crate::recap::names::fold_words(w)).collect();
        if tail.iter().map(String::len).sum::<usize>() < 5 {
            return None;
        }
        // Two words at least: a single one ("doctor") may be a name cut short.
        if tail.len() < 2 {
            return None;
        }
        if hay_words.windows(tail.len()).any(|w| w == tail.as_slice()) {
            // A name in a cased script, capitalised as names are (an uncased one says nothing).
            let written = as_written(&words[k..].join(" "), hay).filter(|s| {
                s.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(|c| c.is_uppercase() || c.is_lowercase())
                    && refusal::name_like(s)
            });
            if written.is_some() {
                return written;
            }
        }
    }
    None
}

/// Show and episode from the page address, when the text names none.
fn headline_from_url(url: &str, opening: &[String], untitled: bool) -> Option<headline::Headline> {
    let mut h = parse_headline(&url_headline(url)?)?;
    let hay = opening.join("\n");
    // "lost romance 2020": a year in the address is not part of the name.
    let show = if gazetteer::lookup(&h.show).is_some() {
        // "reply-1997-episode-16": a known name that ends in a year ("Reply 1997") keeps it.
        h.show.clone()
    } else {
        YEAR_TAIL_RE.replace(&h.show, "").into_owned()
    };
    // A page with a headline of its own must name the show the address names;
    // a page whose title was lost starts with its text.
    h.show = match as_written(&show, &hay) {
        Some(s) => s,
        // "rhobh-season-6-episode-15-recap": an address writes a fan's acronym in lower case.
        None if untitled => gazetteer::expand_acronym(&show.to_uppercase())
            .map_or_else(|| title_case(&show), String::from),
        // A page whose first lines name no known show ("Kenneth Rocher's Blog", "SPOILERS
        // ABAIXO:") is about the known show its address names, as the gazetteer spells it
        // (an address has no spelling of its own).
        None if !names_a_known_show(opening) => match written_tail(&show, &hay) {
            Some(tail) => tail,
            None => gazetteer::lookup(&show)
                .or_else(|| {
                    gazetteer::names_in(&show).into_iter().find(|f| f.words >= 2).map(|f| f.title)
                })?
                .to_string(),
        },
        None => written_tail(&show, &hay)?,
    };
    // A title read from a URL only counts when the page writes it out.
    h.title = h.title.and_then(|t| {
        let t = t
            .split_whitespace()
            .take_while(|w| !matches!(*w, "recap" | "review"))
            .collect::<Vec<_>>()
            .join(" ");
        as_written(&t, &hay)
    });
    Some(h)
}

/// Whether the page's first lines name a show the gazetteer knows (of two words or more):
/// a page that names none ("Kenneth Rocher's Blog", "SPOILERS ABAIXO:", "Es geht endlich
/// weiter") leaves the show to its address.
fn names_a_known_show(opening: &[String]) -> bool {
    opening.iter().take(3).any(|l| gazetteer::names_in(l).iter().any(|f| f.words >= 2))
}

/// "…everything that happened in Episode 5", and a paragraph opening on its episode: "Episode
/// Two opens with Serena and Blair at a Parisian café".
static BODY_EPISODE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:in|of|from|for)\s+(?:this\s+week's\s+|the\s+latest\s+)?episode\s+(\d{{1,4}})\b|^episode\s+{}\s+(?:opens|begins|starts|picks\s+up|kicks\s+off)\b",
        headline::NUM
    ))
    .unwrap()
});
static SHOW_RECAP_TITLE_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^(.+?)\s+(?:recap|review)\s*[:\-–—]\s*(.+)$").unwrap());

/// "‘My Hero Academia’ Recap: ‘What I Can Do For Now’" and the opening text
/// says "everything that happened in Episode 5".
fn headline_from_body(headline_text: &str, opening: &[String]) -> Option<headline::Headline> {
    let c = SHOW_RECAP_TITLE_RE.captures(headline_text)?;
    let show = headline::clean_show(&c[1]);
    if show.is_empty() || show.split_whitespace().count() > 8 || !names_something(&show) {
        return None;
    }
    let episode = opening
        .iter()
        .take(15)
        .find_map(|l| BODY_EPISODE_RE.captures(l))
        .and_then(|c| headline::parse_number(c.get(1).or(c.get(2))?.as_str()))
        .filter(|&e| (1..=headline::MAX_NUMBER).contains(&e));
    let Some(episode) = episode else {
        // "‘Grey’s Anatomy’ Recap: Loss, Love and Legacy" over "grey's anatomyS8E4: Last week
        // on…": a line near the top names the same show with the episode's marker. The
        // writer's words after "Recap:" are a title only when quoted.
        let same = opening.iter().take(4).find_map(|l| {
            parse_headline(l).filter(|h| fold(&h.show) == fold(&show) && !fold(&show).is_empty())
        })?;
        let quoted = headline::trim_quotes(c[2].trim());
        let title =
            (quoted.len() < c[2].trim().len()).then(|| headline::clean_title(quoted)).flatten();
        // "‘Grey’s Anatomy’": quotes around a name with an apostrophe of its own.
        let show = match show.strip_prefix('‘').and_then(|s| s.strip_suffix('’')) {
            Some(inner) if !inner.is_empty() => inner.to_string(),
            _ => show,
        };
        return Some(headline::Headline { show, title, ..same });
    };
    let title = headline::clean_title(&c[2]);
    Some(headline::Headline { show, season: 1, episode, episode_end: None, title })
}

/// "Season 2, Episode 4: “Crackers Don’t Matter”" at …/farscape-rewatch-crackers-dont-matter-
/// spoilers/: a headline that is only an episode's marker, and an address whose words open
/// with a known show's name and say what the page is.
fn marker_under_address_name(headline_text: &str, words: &str) -> Option<headline::Headline> {
    let marker = headline::marker_without_show(headline_text)?;
    let found = gazetteer::names_in(words).into_iter().next().filter(|f| f.span.start == 0)?;
    // ("lost-love-in-times-…" is not Lost's, nor "the-search-…" a show's: the name is followed
    // by what the page is.)
    // (…/nashville/episode-guide/… is a broadcaster's guide.)
    let mut after = words[found.span.end..].split_whitespace();
    let (next, then) = (after.next().unwrap_or(""), after.next().unwrap_or(""));
    let labelled = matches!(next, "recap" | "review" | "rewatch" | "season" | "episode" | "ep")
        && then != "guide";
    labelled.then(|| headline::Headline { show: found.title.to_string(), ..marker })
}

/// "Episode 7 of", "Season 7, Episode 4 of", and a list opening its line: "Episodes 5, 6, and
/// 7 of", "In Episodes 9 and 10 of" (mid-sentence, "episodes 15 and 16 of Cross Ange" is a
/// column's item).
static EPISODE_OF_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:(?:season|series)\s+\d{1,3},?\s+)?(?:episode|ep\.?)\s+\d{1,4}\s+(?:(?:recap|review|summary)\s+)?of\s+|^\s*(?:in\s+)?episodes\s+\d{1,4}(?:\s*,\s*\d{1,4})*,?\s*(?:-|–|&|and|to)\s*\d{1,4}\s+of\s+")
        .unwrap()
});

/// A quoted title, in any of four ways of quoting (one capture group each): “…”, "…", ‘…’ or
/// '…', an apostrophe inside a word kept ("‘Jake’s Choice’").
const QUOTED_TITLE: &str =
    r#"(?:“([^”]{2,80})”|"([^"]{2,80})"|‘((?:[^’]|’\p{L}){2,80})’|'((?:[^']|'\p{L}){2,80})')"#;

/// "Here’s what you missed in House of the Dragon Episode 5 ‘We Light The Way’", "The Walking
/// Dead Episode 8×010 ‘The Lost and the Plunderers’", "With episode 4 – ‘Heart of the TVA’ –":
/// an episode's number (group 1), then its quoted title. Compiled once: the number is compared
/// after the match, so no page compiles a pattern of its own.
static QUOTED_AFTER_NUMBER_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:episode|ep\.?)\s*(?:\d{{1,2}}\s*[x×.]\s*)?0*{}\s*[,:–—-]?\s*{QUOTED_TITLE}",
        headline::NUM
    ))
    .unwrap()
});

/// "we delve into the third instalment of the three-episode premiere of season two, ‘The
/// Eagle and the Sceptre’", "the show’s eighth installment, “Front Man,” is…": the episode by
/// its ordinal (group 1), then its quoted title after a comma, within the sentence.
static QUOTED_AFTER_ORDINAL_RE: Lazy<Regex> = Lazy::new(|| {
    let ordinal = headline::ORD;
    Regex::new(&format!(
        r#"(?i)\bthe\s+(?:\p{{L}}+[’']s\s+)?{ordinal}\s+(?:episode|instalment|installment|chapter)\b[^.!?“”"‘’]{{0,80}},\s*{QUOTED_TITLE}"#
    ))
    .unwrap()
});

/// The title quoted right after episode `episode`'s number in `text`.
fn quoted_after_number(text: &str, episode: u32) -> Option<&str> {
    QUOTED_AFTER_NUMBER_RE
        .captures_iter(text)
        .filter(|c| headline::parse_number(&c[1]) == Some(episode))
        .find_map(|c| (2..=5).find_map(|i| c.get(i)).map(|m| m.as_str()))
}

/// The title quoted after "the third episode" (or "the 3rd episode") when `episode` is 3; only
/// the first twelve have ordinals in words.
fn quoted_after_ordinal(text: &str, episode: u32) -> Option<&str> {
    if episode as usize > headline::ORDINAL_WORDS.len() {
        return None;
    }
    QUOTED_AFTER_ORDINAL_RE
        .captures_iter(text)
        .filter(|c| headline::parse_number(&c[1]) == Some(episode))
        .find_map(|c| (2..=5).find_map(|i| c.get(i)).map(|m| m.as_str()))
}

/// A photo's caption where a title would be: "Diego Luna as Cassian Andor", "Pictured: …".
static CAPTION_WORDS_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:as|pictured|photo|still|credit|courtesy|by|update)\b|\d+x\d+").unwrap()
});

/// A show name in title case with at least one capitalised word ("Squid Game", not "to the").
fn names_something(show: &str) -> bool {
    refusal::name_like(show)
        && show.split_whitespace().any(|w| w.starts_with(char::is_uppercase))
        && !opening::not_a_name(show)
}

static PROSE_LEAD_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)\b(?:spoilers?\s+(?:ahead\s+)?for|happen(?:ed|s)\s+in|(?:recap|review)\s+of)\s+",
    )
    .unwrap()
});
/// The end of a sentence, or a quoted title run into the next one (`"Title"Squid Game’s…`).
static SENTENCE_END_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r#"[.!?]\s+\p{Lu}|[^\s"“][”"]\p{Lu}[\p{Ll}’']+\s"#).unwrap());

static EPISODE_OF_SHOW_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)\bepisode\s+of\s+").unwrap());
static EPISODE_NUMBER_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)\bepisode\s+(\d{1,4})\b").unwrap());

/// "episodio 3 de la temporada 2 de", "3º episódio da 8ª temporada de", "o quarto episódio da
/// temporada 4 de": where an episode is named before its show in Spanish or Portuguese prose.
static EPISODE_OF_RO_RE: Lazy<Regex> = Lazy::new(|| {
    // "o terceiro e quarto episódio de": a pair of ordinals.
    let ordinal = r"(?:primeir|segund|terceir|quart|quint|sext|s[ée]tim|oitav|non|d[ée]cim|primer|tercer|cuart|s[ée]ptim|octav|noven)[oa]?";
    Regex::new(&format!(r"(?i)(?:\b\d{{1,3}}\s?[ºª]\s+|\b(?:{ordinal}\s+(?:e|y)\s+)?{ordinal}\s+)?\b(?:epis[óo]dio|cap[íi]tulo)(?:\s+(?:\d{{1,4}}|um|uno|dos|dois|tres|três|cuatro|quatro|cinco|seis|siete|sete|ocho|oito|nueve|nove|diez|dez))?\s+d(?:a|o|e|el|e\s+la)\s+"))
        .unwrap()
});

/// A page without a headline whose opening prose says "Episode 7 of Escape
/// of the Seven: Resurrection starts with…" or "Spoiler warning for Season 7,
/// Episode 4 of “Game of Thrones”".
fn headline_from_prose(opening: &[String]) -> Option<headline::Headline> {
    let numbered = opening.iter().take(12).find_map(|line| {
        // "Leia também a recapitulação do episódio 10 de Run On": a link to another recap.
        if opening::is_furniture_line(line) {
            return None;
        }
        let m = EPISODE_OF_RE.find(line).or_else(|| EPISODE_OF_RO_RE.find(line))?;
        let h = parse_headline(&line[m.start()..])?;
        let words = h.show.split_whitespace().count();
        (1..=8).contains(&words).then_some(headline::Headline { title: None, ..h })
    });
    // A paragraph that opens with the show and its episode: "Wednesday 1×04 “Woe What a
    // Night” takes an ever so slight step…", "Only Murders in the Building episode 5 is a
    // tripartite journey…" (the name must read as one: title case, a few words).
    let opens_with_show = || {
        opening.iter().take(6).enumerate().find_map(|(i, line)| {
            let h = parse_headline(line)?;
            let words = h.show.split_whitespace().count();
            // "HBO‘s House of the Dragon Episode 4 opens…": a network's possessive may come first.
            let first = h.show.split(' ').next()?;
            let line = line.trim_start();
            let after_possessive = line
                .split_once(['’', '‘', '\''])
                .and_then(|(_, r)| r.strip_prefix("s "))
                .filter(|_| !line.split(' ').next().unwrap_or("").is_empty());
            // "„Slow Horses“-Episode 3 beginnt mitten in mehreren Krisen": or the name in quotes
            // glued to the marker (not "“The Constant” (Season 4, Episode 5) of Lost", an
            // episode's title before its show).
            let quoted_name = line
                .strip_prefix(['„', '“', '"', '«'])
                .and_then(|r| r.split_once(['“', '”', '"', '»']))
                .filter(|(_, after)| after.starts_with(['-', '‑']) || after.starts_with(" E"))
                .map(|(name, _)| name);
            let at_start = line.starts_with(first)
                || quoted_name.is_some_and(|n| n.starts_with(first))
                || after_possessive.is_some_and(|r| r.starts_with(first));
            let quoted =
                |t: &String| ["“", "\"", "‘"].iter().any(|q| line.contains(&format!("{q}{t}")));
            let title = h.title.clone().filter(quoted);
            // "사랑은 외나무 다리에서 5회에서는 …" opening the page: a short name in Hangul, kana
            // or Han, which have no capitals (not a category's first teaser further down).
            let east_asian_name = i == 0
                && words <= 5
                && refusal::name_like(&h.show)
                && h.show.starts_with(headline::is_east_asian);
            // "23일 방송된 KBS2 금요드라마 '스파이'(…) 6회에서 …": news quoting the drama's name
            // tells the episode, unless it is news of its ratings (시청률).
            // ("tvN '막돼먹은 영애씨 15' 6화가": the season's number inside the quotes.)
            let korean_news = headline::korean_programme(line).is_some_and(|p| {
                p.strip_prefix(h.show.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.trim().parse() == Ok(h.season))
            }) && !line.contains("시청률");
            let named = at_start && (names_something(&h.show) || east_asian_name);
            ((1..=8).contains(&words) && (named || korean_news))
                .then_some(headline::Headline { title, ..h })
        })
    };
    // "Contains spoilers for "The Last of Us" Episode 3 – "Long Long Time" We don't…",
    // "Here's a recap of everything that happened in Squid Game season 2 episode 3.": the
    // show right after the lead words, then its number, within one sentence.
    let named_in_sentence = || {
        opening.iter().take(8).find_map(|line| {
            PROSE_LEAD_RE.find_iter(line).find_map(|m| {
                let rest = &line[m.end()..];
                let sentence = SENTENCE_END_RE.find(rest).map_or(rest, |end| {
                    // Keep the character that ends the sentence ("Umbrella" of `Umbrella"Squid`).
                    let first = rest[end.start()..].chars().next().map_or(0, char::len_utf8);
                    &rest[..end.start() + first]
                });
                let h = parse_headline(sentence)?;
                let words = h.show.split_whitespace().count();
                let first = h.show.split(' ').next()?;
                let quotes = ['"', '“', '‘', '\''];
                // "Warning: Spoilers for episode 6 of Stranger Things season 2 ahead!": the
                // episode, then "of" and the show.
                let of_show =
                    EPISODE_OF_RE.find(sentence).filter(|m| m.start() == 0).is_some_and(|m| {
                        sentence[m.end()..].trim_start_matches(quotes).starts_with(first)
                    });
                let right_after = sentence.trim_start_matches(quotes).starts_with(first) || of_show;
                let quoted = |t: &String| {
                    ["“", "\"", "‘"].iter().any(|q| sentence.contains(&format!("{q}{t}")))
                };
                let title = h.title.clone().filter(quoted);
                ((1..=8).contains(&words) && right_after && names_something(&h.show))
                    .then_some(headline::Headline { title, ..h })
            })
        })
    };
    // "Whatta fantastic episode of Cheongdamdong Alice! Episode 9 revived my…"
    numbered
        .or_else(opens_with_show)
        .or_else(named_in_sentence)
        .or_else(|| opening.iter().take(6).find_map(|line| name_before_marker(line)))
        .or_else(|| {
            opening.iter().take(6).find_map(|line| {
                let m = EPISODE_OF_SHOW_RE.find(line)?;
                let n = EPISODE_NUMBER_RE.captures(line)?[1].parse::<u32>().ok()?;
                let h = parse_headline(&format!("Episode {n} of {}", &line[m.end()..]))?;
                let words = h.show.split_whitespace().count();
                (1..=8).contains(&words).then_some(headline::Headline { title: None, ..h })
            })
        })
        // "Chris Connor reviews the fourth episode of House of the Dragon season 2…"
        .or_else(|| {
            opening.iter().take(6).find_map(|line| {
                headline::ordinal_episode_in_prose(line).filter(|h| names_something(&h.show))
            })
        })
        // "The Penguin's third episode, "Bliss," opens…": after the "of" form, which may
        // name the season further down ("the fourth episode of Squid Game‘s second season").
        .or_else(|| {
            opening.iter().take(6).find_map(|line| {
                headline::possessive_ordinal_episode(line).filter(|h| names_something(&h.show))
            })
        })
        // "今回はそんなアニメ『青春ブタ野郎はバニーガール先輩の夢を見ない』第3話のあらすじ": Japanese
        // writes a work's name in 『』 or 「」, its number right after (or after its slot in
        // brackets: "「六本木クラス」(毎週木曜夜9:00-9:54、テレビ朝日系)第9話で"). Not news of an
        // episode's viewership (視聴率, on the line or twice in the opening) or of its trailer
        // (予告).
        .or_else(|| {
            let viewership: usize =
                opening.iter().take(6).map(|l| l.matches("視聴率").count()).sum();
            opening.iter().take(8).find_map(|line| {
                if viewership >= 2 || line.contains("視聴率") || line.contains("予告") {
                    return None;
                }
                let c = JAPANESE_NAME_NUMBER_RE.captures(line)?;
                let show = headline::clean_show(&c[1]);
                let episode = c[2]
                    .parse::<u32>()
                    .ok()
                    .filter(|&e| (1..=headline::MAX_NUMBER).contains(&e))?;
                refusal::name_like(&show).then_some(headline::Headline {
                    show,
                    season: 1,
                    episode,
                    episode_end: None,
                    title: None,
                })
            })
        })
}

/// "Season 3 Episode 4", "Episode 4": the marker a name stands right before in a sentence.
static MID_SENTENCE_MARKER_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:(?:season|series)\s+\d{1,3},?\s+)?episode\s+\d{1,4}\b").unwrap()
});

/// Small words a show's name may hold between its capitalised ones ("The Lord of the Rings").
fn name_joiner(word: &str) -> bool {
    matches!(word, "of" | "the" | "and" | "no" | "in" | "on" | "a" | "an" | "to" | "x" | "&")
}

/// "The first flashback scene in The Bear Season 3 Episode 4 (“Violet”) is…", "Honestly,
/// Shogun Episode 4, titled…": a name in title case inside a sentence, right before its
/// episode marker. The words before it must be the sentence's own (a lowercase word or a
/// comma), so a capital that only opens a sentence ("When Episode 4 ends…") is no name;
/// the episode's quoted title must follow.
fn name_before_marker(line: &str) -> Option<headline::Headline> {
    if opening::is_furniture_line(line) {
        return None;
    }
    MID_SENTENCE_MARKER_RE.find_iter(line).take(4).find_map(|m| {
        let before = &line[..m.start()];
        // A few words back: a name is short, and the walk stays linear in the line.
        let all: Vec<&str> = before.split_whitespace().rev().take(14).collect();
        // "Frieren: Beyond Journey’s End (Sōsō no Furīren) Episode 8": a name's other-language
        // form in parentheses may stand between the name and its marker.
        let skip = match all.first() {
            Some(w) if w.ends_with(')') => all.iter().take(5).position(|w| w.starts_with('('))? + 1,
            _ => 0,
        };
        let offset = |w: &str| w.as_ptr() as usize - line.as_ptr() as usize;
        let alias_at = (skip > 0).then(|| offset(all[skip - 1]));
        let back = &all[skip..];
        let in_name = |w: &str| {
            let capital = w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
            let inner =
                !w.ends_with([',', '.', '!', '?', ';', ')', '”', '"']) && !w.starts_with('(');
            inner && (capital || name_joiner(w))
        };
        // "the Yellowstone Ranch in Episode 3": a name ends on a word of its own.
        if back.first().is_none_or(|w| name_joiner(w)) {
            return None;
        }
        let mut run = back.iter().take(8).take_while(|w| in_name(w)).count();
        // "in The Bear": a small word before the name belongs to the sentence.
        while run > 0 && name_joiner(back[run - 1]) {
            run -= 1;
        }
        let (first, stop) = (*back.get(run.checked_sub(1)?)?, *back.get(run)?);
        // The word before the name carries on a sentence: "in", "Honestly,".
        let mid_sentence = stop.starts_with(char::is_lowercase)
            && !stop.ends_with(['.', '!', '?', ':'])
            || stop.ends_with(',');
        if !mid_sentence {
            return None;
        }
        // `first` borrows from `before`: its offset is where the name starts.
        let at = offset(first);
        let from = match alias_at {
            Some(alias) => format!("{}{}", &line[at..alias], &line[m.start()..]),
            None => line[at..].to_string(),
        };
        let sentence =
            SENTENCE_END_RE.find(&from).map_or(&from[..], |end| &from[..end.start() + 1]);
        let h = parse_headline(sentence)?;
        let words = h.show.split_whitespace().count();
        let named = (1..=8).contains(&words)
            && names_something(&h.show)
            && h.show.split(' ').next() == first.split(' ').next()
            && !name_joiner(first);
        let quoted =
            |t: &String| ["“", "\"", "‘"].iter().any(|q| sentence.contains(&format!("{q}{t}")));
        // A recap names the episode's title in quotes right after its number ("Episode 4
        // (“Violet”)", "Episode 4, titled "The Eightfold Fence,""); news, previews and
        // interviews mentioning an episode in passing seldom do.
        // (American style puts the sentence's period inside the quotes: “Frieren the Slayer.”)
        let title = h.title.clone().filter(quoted).map(|t| match t.strip_suffix(['.', ',']) {
            Some(cut) if !cut.ends_with('.') => cut.to_string(),
            _ => t,
        });
        (named && title.is_some()).then_some(headline::Headline { title, ..h })
    })
}

/// A work's name in 『』 or 「」 and its episode's counter right after it (or after the
/// broadcast slot in brackets, or after の: "「アンメット-ある脳外科医の日記-」(フジテレビ系)の第4話").
static JAPANESE_NAME_NUMBER_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"[『「]([^』」]{1,60})[』」]\s?(?:[(（][^)）]{0,80}[)）]\s?)?(?:の\s?)?(?:第)?(\d{1,4})\s?話")
        .unwrap()
});

/// "CHAPTER 1: “How to put an elephant in a refrigerator”", "Episode 5 – The Hunt",
/// "Episode 8, Made to Suffer", "7×14 – “PYT (Pretty Young Thing)”".
static NUMBERED_TITLE_LINE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:(?:chapter|[ée]pisode|ep\.?|part|session)\s*#?|\d{1,2}\s?[x×]\s?0?)(\d{1,4})(?:\s+(?:recap|review|summary))?(?:\s*([:\-–—.,])|(\s))\s*(.{2,100})$")
        .unwrap()
});

/// The title on a line that numbers `episode` and names it ("Episode 1 recap: Development Day"
/// heading one episode's part of a range recap). After a comma the rest must read
/// as a title, not run on as a sentence ("Episode 8, the gang finally…").
fn numbered_title(line: &str, episode: u32) -> Option<String> {
    let c = NUMBERED_TITLE_LINE_RE.captures(line)?;
    let rest = &c[4];
    // "EPISODE 7 Confession Gone Wrong": with no separator, only a title in capitals follows.
    let separator = c.get(2).map_or(" ", |m| m.as_str());
    let loose = matches!(separator, "," | " ");
    if c[1].parse::<u32>().ok() != Some(episode)
        || (loose && (!looks_like_title(rest) || rest.split_whitespace().count() > 8))
        || (separator == " " && !rest.starts_with(char::is_uppercase))
    {
        return None;
    }
    // "Épisode 4 – Blocking – 15/20": the writer's score ends the line; "Episode 4 – 10/10
    // Episode 5 – 6/10" scores two episodes and names none.
    let rest = rest.trim_end();
    if SCORE_RE.find(rest).is_some_and(|m| m.start() == 0) {
        return None;
    }
    let rest = match SCORE_RE.find_iter(rest).last() {
        Some(m)
            if m.end() == rest.len() && rest[..m.start()].trim_end().ends_with(['-', '–', '—']) =>
        {
            rest[..m.start()].trim_end().trim_end_matches(['-', '–', '—'])
        }
        _ => rest,
    };
    headline::clean_title(leading_quoted(rest))
}
/// The score after a dash ending a line: "Blocking – 15/20".
fn trailing_score(line: &str) -> Option<ParsedRating> {
    let line = line.trim_end();
    let m = SCORE_RE.find_iter(line).last()?;
    let dashed = line[..m.start()].trim_end().ends_with(['-', '–', '—']);
    (m.end() == line.len() && dashed).then(|| ratings::parse_value(m.as_str(), false)).flatten()
}

/// A score written as a fraction: "15/20", "6/10".
static SCORE_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\d{1,3}(?:[.,]\d{1,2})?\s*/\s*\d{1,3}\b").unwrap());
/// A headline up to a "Recap:" or "Review –" that a subtitle follows.
static AFTER_RECAP_WORD_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r#"(?i)\b(?:recap|review)\s*[:\-–—,]\s*[“"‘']?$"#).unwrap());
/// "is titled “The Theater and Its Double”", "called 'Driftmark'", "intitulado "Kill me"",
/// "The title of last night’s episode was “Lion in the Meadow,”",
/// "share your thoughts on “Jagged Little Tapestry.”", "episode 9, also known as “Yuri vs Yuri!
/// The Horror!! Rostelecom Cup, Free Skate”" (a character "also known as" is no title),
/// "se titula “Como te quiere una madre”".
static TITLED_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r#"(?i)\b(?:titled|entitled|called|named|episode\s+\d{1,4},?\s+(?:also\s+)?known\s+as|title\s+of\s+(?:[\p{L}’']+\s+){0,3}episode\s+(?:is|was)|(?:highlights|recap|review|events)\s+of|thoughts\s+on|(?:in)?titulad[oa]|se\s+titula|se\s+chama|intitul[ée]e?)\s*[:,]?\s*(?:“([^”]{2,80})”|"([^"]{2,80})"|‘((?:[^’]|’\p{L}){2,80})’)"#).unwrap()
});
/// "This episode, titled Narkina 5, may not be…", "This episode, forebodingly titled Woe’s
/// Hollow, also featured…", "L’episodio 2×06 di Euphoria, intitolato A
/// Thousand Little Trees of Blood, ci svela…": an episode's title named without quotes, set
/// off by commas after the word for "titled", in the sentence that names the episode.
static TITLED_UNQUOTED_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:episode|episodio|épisode|episódio|folge)\b[^.!?]{0,60}?,\s*(?:\p{L}+ly\s+)?(?:titled|entitled|intitolat[oa]|intitulad[oa]|titulad[oa]|intitulée?)\s+(?-i:(\p{Lu}[^,;:.!?()“”\x22]{0,60}?))\s*,").unwrap()
});
/// "episode of Game of Thrones “The Spoils of War”", "Episode 4, “The Spoils of War”".
static QUOTED_AFTER_EPISODE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r#"(?i)\bepisode(?:\s+\d{1,4})?\s*[,:(–—-]?\s*(?:“(\p{Lu}[^”]{1,80})”|"(\p{Lu}[^"]{1,80})")"#)
        .unwrap()
});

/// "its fourth episode, titled “Rook’s Rest.”", "Episode 3, titled “Bliss,”": the sentence
/// naming the episode gives its title (not "the previous episode, the aptly titled “Man City”").
static EPISODE_TITLED_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r#"(?i)\bepisode(?:\s+\d{1,4})?\s*,?\s+(?:is\s+|was\s+)?(?:aptly\s+|fittingly\s+)?(?:titled|entitled|called|named)\s*[:,]?\s*(?:“([^”]{2,80})”|"([^"]{2,80})"|‘((?:[^’]|’\p{L}){2,80})’)"#).unwrap()
});
/// Any quoted stretch of a line.
static QUOTED_ANY_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r#"“[^”]*”|"[^"]*"|‘[^’]*’|'[^']*'|«[^»]*»"#).unwrap());

/// "“Connor’s Wedding,” the third episode in the fourth and final season": a quoted title,
/// then the episode it is.
static QUOTED_THEN_EPISODE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r#"(?i)(?:“([^”]{2,80})”|"([^"]{2,80})")\s*,?\s+(?:is\s+)?the\s+(?:(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d{1,2}(?:st|nd|rd|th)|latest|new|penultimate|final)\s+)?episode\b"#)
        .unwrap()
});

/// A headline that numbers a season, even the first ("Season 1", "S01", "1x02", "2期").
static SEASON_SAID_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)season|series|temporada|saison|staffel|stagione|\bs\d|\d\s?[x×]\s?\d|\d\.\d|期|시즌",
    )
    .unwrap()
});

/// An episode title named in the opening paragraphs.
fn title_from_body(blocks: &[Block], show: &str, episode: u32) -> Option<String> {
    let quoted_after_show = Regex::new(&format!(
        r#"(?i){}[’']?s?,?\s*(?:“([^”]{{2,80}})”|"([^"]{{2,80}})")"#,
        regex::escape(show)
    ))
    .ok();
    // "アニメ『惑星のさみだれ』第3話「騎士と契約」のあらすじ": the title in 「」 after the same number.
    let japanese = Regex::new(&format!(r"(?:第)?{episode}\s?話\s?「([^」]{{1,60}})」")).ok();
    for b in blocks.iter().take(8) {
        let text = b.text.trim();
        if let Some(t) = numbered_title(text, episode) {
            return Some(t);
        }
        let res = [
            Some(&*TITLED_RE),
            Some(&*TITLED_UNQUOTED_RE),
            quoted_after_show.as_ref(),
            Some(&*QUOTED_AFTER_EPISODE_RE),
            Some(&*QUOTED_THEN_EPISODE_RE),
            japanese.as_ref(),
        ];
        for re in res.into_iter().flatten() {
            if let Some(c) = re.captures(text) {
                let inner = (1..=3).find_map(|i| c.get(i)).map(|m| m.as_str())?;
                let inner = inner.trim().trim_end_matches(['.', ',']);
                if inner.split_whitespace().count() <= 12 {
                    if let Some(t) = headline::clean_title(inner) {
                        return Some(t);
                    }
                }
            }
        }
    }
    // "“Long Long Time” is an emotionally devastating seventy-five minutes", "“The Eightfold
    // Fence” represents the beginning": a quoted name in title case standing as a sentence's
    // subject in a recap's opening is the episode's title (the show's own name aside).
    blocks.iter().take(8).find_map(|b| {
        QUOTED_SUBJECT_RE.captures_iter(&b.text).find_map(|c| {
            let inner = (1..=2).find_map(|i| c.get(i))?.as_str().trim();
            let own_name = fold(inner).contains(&fold(show)) || fold(show).contains(&fold(inner));
            // ("“Orchid” is annoyed", "“Oppa” has hidden her": one quoted word is a nickname.)
            let words = inner.split_whitespace().count();
            (words >= 2 && headline::name_like_words(inner) && !own_name)
                .then(|| headline::clean_title(inner))
                .flatten()
        })
    })
}

/// A quoted name, then a verb: its sentence's subject. No punctuation closes the quote's
/// words ("“Night Zero,” slowed" lists episodes; "“Eastwatch,” Bronn" is an aside).
static QUOTED_SUBJECT_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r#"(?:^|[\s(])(?:“(\p{Lu}[^”.,!?;:]{1,60})”|"(\p{Lu}[^".,!?;:]{1,60})")\s+(?:is|was|has|had|gave|gives|provides?|provided|represents|continues|delivers|delivered|opens|opened|begins|began|ends|ended|brings|brought|takes|took|offers|offered|introduces|introduced|proves|proved|marks|marked|picks|picked|serves|served|sets|feels|felt|kicks|wraps|turns|returns|follows|explores|reveals|revealed|focuses|centers|merely|finally|also|really|certainly)\b"#).unwrap()
});

/// The name of a known show that `show` holds with a site's or writer's words before or
/// after it: "Rainbow Recaps Doctor Crush", "TV Trial: Game of Thrones", "Twin Peaks Newbie".
/// The gazetteer only says where the name starts and ends; the page's spelling is kept.
fn gazetteer_name(show: &str) -> Option<String> {
    if gazetteer::lookup(show).is_some() {
        return None;
    }
    // "SHADOWHUNTERS Brings Out the Snarky Jace" over "Season 2, Episode 7": a known name, then
    // the writer's sentence about it.
    if let Some((first, rest)) = show.split_once(' ') {
        // (A verb's third person, "Brings": "Lost in Space" goes on with a name's small word.)
        let verb = rest.split_whitespace().next().is_some_and(|w| w.len() > 3 && w.ends_with('s'));
        if verb && headline::goes_on_as_sentence(rest) && gazetteer::lookup(first).is_some() {
            return Some(first.to_string());
        }
    }
    // "La Dolce Vita – Itaewon Class Ep 9 Review": the writer's own title, a dash, then the
    // show, which the marker follows.
    if let Some((_, last)) = show.rsplit_once(" – ").or_else(|| show.rsplit_once(" - ")) {
        let last = last.trim();
        if fold_words(last).len() >= 2 && gazetteer::lookup(last).is_some() {
            return Some(last.to_string());
        }
    }
    // "Double Tribals And A Whole Lot Of Chaos: Survivor 41": the writer's words, a colon, then
    // a known show (with its season's number), even a one-word one; a known name before the
    // colon is the show's own ("Star Wars: Andor").
    if let Some((lead, last)) = show.rsplit_once(": ") {
        let last = last.trim();
        let known = gazetteer::lookup(last).is_some() || numbered_season(last).is_some();
        // ("Light spoilers for Daredevil: Born Again": a known name holds the colon; "Agents of
        // SHIELD review: The Ghost": a page's kind before the colon, its title after.)
        let colon = lead.len();
        let lead_known = gazetteer::lookup(lead).is_some()
            || gazetteer::names_in(lead).iter().any(|f| f.words >= 2)
            || gazetteer::names_in(show).iter().any(|f| f.span.contains(&colon));
        let lead_words = fold_words(lead);
        let labelled = lead_words.last().is_some_and(|w| PAGE_KIND_WORDS.contains(&w.as_str()));
        if known && lead_words.len() >= 2 && !lead_known && !labelled {
            return Some(last.to_string());
        }
    }
    // A one-word name inside longer words is as likely another show's word ("Love" in "Love
    // Next Door", "The Great" in "The Great British Bake Off") as the show.
    let found = gazetteer::names_in(show).into_iter().find(|f| f.words >= 2)?;
    let after = &show[found.span.end..];
    let before_words = fold_words(&show[..found.span.start]);
    let after_words = fold_words(after);
    // Words on both sides is a longer name the gazetteer lacks ("Full House Take 2"); a number
    // after it is a sequel ("Dream High 2"), and a subtitle after a colon as often another
    // show as not ("Moon Lovers: Scarlet Heart Ryeo").
    // A year is a remake's, not a sequel's number ("Meteor Garden 2018").
    // ("Code Geass R2": an anime's second season is its "R2".)
    let sequel = after_words.first().is_some_and(|w| {
        (w.starts_with(|c: char| c.is_ascii_digit()) && !(after_words.len() == 1 && is_year(w)))
            || season_code(w).is_some()
    });
    let subtitle = after.trim_start().starts_with(':');
    // "A Journey to Love" is not "To Love" with words before it: a name that a small word
    // joins to the words before it, or that starts with one, or in lower case, goes on leftwards.
    let joiner =
        |w: Option<&String>| w.is_some_and(|w| headline::NAME_JOINERS.contains(&w.as_str()));
    let written = &show[found.span.clone()];
    // "Highlights and review of What We Do in the Shadows": a small word after a writer's label
    // is the label's, not the name's.
    let labelled = before_words.len() >= 2
        && PAGE_KIND_WORDS.contains(&before_words[before_words.len() - 2].as_str());
    // "In Frieren: Beyond Journey’s End episode 15, we got to see…": a sentence's opening
    // preposition alone before the name is no part of it.
    let opening_preposition = before_words.len() == 1
        && matches!(
            before_words[0].as_str(),
            "in" | "on" | "at" | "during" | "after" | "throughout"
        );
    // "Unraveling The Intense Moments In Chicago Fire" (an address's words): a sentence's
    // worth of words before the name is no longer name.
    let sentence_before = before_words.len() >= 4;
    let continues_leftwards =
        (joiner(before_words.last()) && !labelled && !opening_preposition && !sentence_before)
            || joiner(fold_words(written).iter().find(|w| !is_article(w)))
            || written.starts_with(char::is_lowercase);
    // "Kimi to Boku no Saigo no Senjou": a small word in lower case after it (a romanised
    // Japanese particle among them) goes on rightwards.
    let continues_rightwards = after.split_whitespace().next().is_some_and(|w| {
        w.starts_with(char::is_lowercase)
            && (headline::NAME_JOINERS.contains(&w) || ["no", "wa", "ga", "ni", "wo"].contains(&w))
    });
    let outside = match (!before_words.is_empty(), !after_words.is_empty()) {
        (true, false) => !continues_leftwards,
        (false, true) => !sequel && !subtitle && !continues_rightwards,
        _ => false,
    };
    outside.then(|| show[found.span].to_string())
}

/// A year from 1900 to 2099, as a remake or an edition is told apart by ("Meteor Garden 2018").
fn is_year(word: &str) -> bool {
    word.len() == 4
        && (word.starts_with("19") || word.starts_with("20"))
        && word.bytes().all(|b| b.is_ascii_digit())
}

/// "…/stranger-things-season-2-episode-6-the-spy-recap-and-review/", "…/game-of-thrones-s5e5-kill-
/// the-boy/": the words an address puts right after the episode's number, when the page writes
/// them too (which gives their spelling), are the episode's title.
fn title_from_address(url: &str, episode: u32, text: &str) -> Option<String> {
    let words = url_headline(url)?;
    let c = ADDRESS_MARKER_RE
        .captures_iter(&words)
        .find(|c| c[1].parse::<u32>().ok() == Some(episode))?;
    let after = c.get(2)?.as_str();
    let mut title: Vec<&str> = after.split_whitespace().collect();
    let label = |w: &&str| {
        let w = w.to_lowercase();
        PAGE_KIND_WORDS.contains(&w.as_str()) || ADDRESS_FURNITURE.contains(&w.as_str())
    };
    // "…-episode-3-review-a-meandering-but-exciting-journey": after the page's label come the
    // writer's own words, not the episode's title.
    if title.first().is_some_and(label) {
        return None;
    }
    while title.last().is_some_and(label) {
        title.pop();
    }
    // A number or a lone short word is no title ("…-episode-6-2", "…-episode-4-x").
    let letters: usize =
        title.iter().map(|w| w.chars().filter(|c| c.is_alphabetic()).count()).sum();
    if title.is_empty() || title.len() > 8 || letters < 4 || title.iter().any(label) {
        return None;
    }
    // Written as a whole in the page, not the start of a sentence the address cut short
    // ("…/severance-episode-3-just-set-092500552" under "Episode 3 Just Set Us on a…").
    let words: Vec<String> = title.iter().map(|w| regex::escape(w)).collect();
    let re = Regex::new(&format!(r"(?i)\b{}\b", words.join(r"[\s\-–:’'.,]+"))).ok()?;
    let whole = re.find_iter(text).find(|m| {
        let rest = text[m.end()..].trim_start_matches([' ', '\u{a0}']);
        !rest.starts_with(|c: char| c.is_alphanumeric())
    })?;
    headline::clean_title(whole.as_str())
}

/// An address's episode marker, its number (1) and the words after it (2).
static ADDRESS_MARKER_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:episode|ep|e|chapter|\d{1,2}x)\s*0*(\d{1,4})\s+((?:[\p{L}\d]+\s*){1,10})")
        .unwrap()
});

/// Words that say what kind of page this is, in a few languages: an address's words around an
/// episode's title, and a writer's lead-in before a show's name ("review of").
const PAGE_KIND_WORDS: [&str; 25] = [
    "recap",
    "recaps",
    "review",
    "reviews",
    "summary",
    "synopsis",
    "highlights",
    "breakdown",
    "analysis",
    "thoughts",
    "impressions",
    "explained",
    "ending",
    "spoilers",
    "discussion",
    "preview",
    "promo",
    "gallery",
    "theories",
    "recensione",
    "critica",
    "crítica",
    "analise",
    "análise",
    "resumen",
];
/// What else an address puts around an episode's title: joiners, formats and links.
const ADDRESS_FURNITURE: [&str; 14] = [
    "and", "la", "amp", "dub", "sub", "live", "season", "finale", "photos", "link", "video",
    "watch", "online", "download",
];

/// The season `text` gives `show`: "Show’s season 2", "Show’s second season", "season 2 of
/// Show"; with `episode`, only "Show’s season 2, episode 4" naming that episode. The patterns
/// are compiled once and the name compared after the match, so no page compiles its own.
fn season_named(text: &str, show: &str, episode: Option<u32>) -> Option<u32> {
    // The name is compared folded word by word ("Hells Kitchen" from an address is the text's
    // "Hell’s Kitchen"), within a window of text its own length or a little more, so a long
    // paragraph full of matches costs no more than its length.
    let words = fold_words(show);
    let window = show.len() + 16;
    let name_ends_at = |at: usize| {
        let mut from = at.saturating_sub(window);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let spans = word_spans(&text[from..at]);
        let Some(first) = spans.len().checked_sub(words.len()) else {
            return false;
        };
        let whole_word = first > 0 || !text[..from].ends_with(char::is_alphanumeric);
        !words.is_empty()
            && whole_word
            && spans[first..].iter().map(|w| &w.folded).eq(words.iter())
            // "The ninth episode of “Fargo” Season 2": a closing quote between the two.
            && text[from + spans[spans.len() - 1].range.end..at]
                .trim_matches(['”', '"', '’', '\'', ' '])
                .is_empty()
    };
    let name_starts_at = |at: usize| {
        let mut to = (at + window).min(text.len());
        while !text.is_char_boundary(to) {
            to -= 1;
        }
        let spans = word_spans(&text[at..to]);
        !words.is_empty()
            && spans.len() >= words.len()
            && spans[..words.len()].iter().map(|w| &w.folded).eq(words.iter())
            && text[at..at + spans[0].range.start]
                .trim_matches(['“', '"', '‘', '\'', ' '])
                .is_empty()
            && (spans[words.len() - 1].range.end < to - at || to == text.len())
    };
    let number = |c: &regex::Captures| {
        (1..c.len()).find_map(|i| c.get(i)).and_then(|m| headline::parse_number(m.as_str()))
    };
    match episode {
        Some(episode) => {
            // The season (1) said with this episode (2) right beside the name.
            let said = |re: &Regex, beside_name: &dyn Fn(regex::Match) -> bool| {
                re.captures_iter(text).find_map(|c| {
                    let said = c[2].parse::<u32>().ok() == Some(episode) && beside_name(c.get(0)?);
                    said.then(|| c[1].parse::<u32>().ok()).flatten()
                })
            };
            said(&SEASON_AND_EPISODE_AFTER_NAME_RE, &|m| name_ends_at(m.start()))
                // "spoilers for Season 28, Episode 5 of The Bachelor."
                .or_else(|| said(&SEASON_AND_EPISODE_OF_NAME_RE, &|m| name_starts_at(m.end())))
        }
        None => NAME_SEASON_RE
            .captures_iter(text)
            .find_map(|c| name_ends_at(c.get(0)?.start()).then(|| number(&c)).flatten())
            .or_else(|| {
                SEASON_OF_NAME_RE
                    .captures_iter(text)
                    .find_map(|c| name_starts_at(c.get(0)?.end()).then(|| number(&c)).flatten())
            }),
    }
}

/// What follows a show's name when the text gives its season: "’s season 2", "’s second season",
/// "’s season two".
static NAME_SEASON_RE: Lazy<Regex> = Lazy::new(|| {
    let (num, ord) = (headline::NUM, headline::ORD);
    Regex::new(&format!(r"(?i)(?:’s|'s)?\s+(?:season\s+{num}\b|{ord}\s+season\b)")).unwrap()
});
/// What comes before a show's name that the text gives the season of: "season 2 of ", "season
/// two of ".
static SEASON_OF_NAME_RE: Lazy<Regex> = Lazy::new(|| {
    let (num, ord) = (headline::NUM, headline::ORD);
    Regex::new(&format!(r"(?i)\b(?:season\s+{num}|{ord}\s+season)\s+of\s+")).unwrap()
});
/// "’s season 2, episode 4" after a show's name: season (1) and episode (2).
static SEASON_AND_EPISODE_AFTER_NAME_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?:’s|'s)?\s+season\s+(\d{1,2}),?\s+episode\s+0*(\d{1,4})\b").unwrap()
});

/// "Season 28, Episode 5 of " before a show's name: season (1) and episode (2).
static SEASON_AND_EPISODE_OF_NAME_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\bseason\s+(\d{1,2}),?\s+episode\s+0*(\d{1,4})\s+of\s+").unwrap()
});

/// "But in episode 6 of Daima, we finally learn…" on a page that opens "It’s safe to say that
/// Dragon Ball Daima is slowly…": a short name the gazetteer does not know, which a known name
/// the page writes near the top begins or ends with, is that name cut short.
fn full_name_on_page(show: &str, opening: &[String]) -> Option<String> {
    let short = fold_words(show);
    if short.is_empty() || short.len() > 2 || gazetteer::lookup(show).is_some() {
        return None;
    }
    opening.iter().take(12).find_map(|line| {
        gazetteer::names_in(line).into_iter().find_map(|f| {
            let written = &line[f.span.clone()];
            let long = fold_words(written);
            // The datasets also list a season as a name ("Frieren: Beyond Journey’s End Season
            // 2"); a season is no part of the show's name.
            let numbered = long.iter().any(|w| w == "season" || w == "part")
                || long.last().is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()));
            let cut_short = long.len() > short.len()
                && !numbered
                && (long.starts_with(&short) || long.ends_with(&short));
            cut_short.then(|| written.to_string())
        })
    })
}

/// "Outbreak Company 11", "Ben-To 12 - Orthrus' Weakness", and in an address
/// "jujutsu-kaisen-s2-18-right-and-wrong": an anime's name and a bare number, the way anime blogs
/// number episodes (a western show's bare number is its season, and is left to the grammar).
fn anime_numbered(text: &str) -> Option<headline::Headline> {
    let text = text.trim();
    BARE_NUMBER_RE.captures_iter(text).find_map(|c| {
        // A name is a few words long: a number further in follows a sentence, not a name.
        let at = c.get(0)?.start();
        if at > 200 {
            return None;
        }
        // ("REVIEW: Sailor Moon Crystal 33": the page's label is no part of the name.)
        let name = headline::strip_recap_noise(text[..at].trim_end_matches([' ', '-', '–', ':']));
        let episode = c[2].parse::<u32>().ok().filter(|n| (1..1900).contains(n))?;
        let season = c.get(1).map_or(Some(1), |s| s.as_str().parse::<u32>().ok())?;
        // "Fullmetal Alchemist: Brotherhood 19 – 24", "Death Note 21-26": a batch of episodes;
        // "Sarazanmai 4 & 5": a pair.
        let episode_end = c
            .get(3)
            .and_then(|m| m.as_str().parse::<u32>().ok())
            .filter(|&end| end > episode && end <= episode + 30);
        // One word is as likely a section's ("television-2") as an anime's name, unless it is
        // written as a name and the number ends the line ("Haikyuu!! 23").
        let whole_line = c.get(0)?.end() == text.len() && name.chars().any(char::is_uppercase);
        let named = (fold_words(name).len() >= 2 || whole_line) && gazetteer::is_anime(name);
        named.then(|| headline::Headline {
            show: name.to_string(),
            season: season.max(1),
            episode,
            episode_end,
            title: None,
        })
    })
}

/// "true-blood-5-10-gone-gone-gone", "supernatural-13-15-a-most-holy-man", "bones-10-01",
/// "gilmore-girls-104-the-deer-hunters": in an address, a known show's name (not an anime's,
/// whose bare numbers are episodes) and its season and episode as two bare numbers or as one
/// compact number. The page writing the name gives its spelling, else the gazetteer does.
fn numbered_after_name(words: &str, opening: &[String]) -> Option<headline::Headline> {
    // (One word names the show only where the address starts with it: "bones-10-01".)
    let (found, c) = gazetteer::names_in(words).into_iter().find_map(|f| {
        if f.words < 2 && f.span.start > 0 {
            return None;
        }
        let c = NUMBERS_AFTER_NAME_RE.captures(&words[f.span.end..])?;
        Some((f, c))
    })?;
    if gazetteer::is_anime(found.title) {
        return None;
    }
    let (season, episode) = match (c.get(1), c.get(2), c.get(3)) {
        (Some(s), Some(e), _) => (s.as_str().parse().ok()?, e.as_str().parse().ok()?),
        (_, _, Some(compact)) => {
            let (s, e) = compact.as_str().split_at(1);
            (s.parse().ok()?, e.parse().ok()?)
        }
        _ => return None,
    };
    let valid = |n: u32| (1..=40).contains(&n);
    if !valid(season) || !valid(episode) {
        return None;
    }
    let written = &words[found.span.clone()];
    let show = as_written(written, &opening.join("\n")).unwrap_or_else(|| found.title.to_string());
    Some(headline::Headline { show, season, episode, episode_end: None, title: None })
}

/// Right after the name: "5 10", "10 01" (season, episode) or "104" (season 1, episode 04),
/// then the end or a word.
static NUMBERS_AFTER_NAME_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^[\s-]+(?:(\d{1,2})[\s-]+(\d{1,2})|([1-9]\d{2}))(?:[\s-]+\p{L}|[\s-]*$)").unwrap()
});

/// A bare number after a name, with a season before it ("s2 18") and maybe the last of a
/// batch ("19 – 24"), then the end, a dash or words.
static BARE_NUMBER_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)\s(?:s(\d{1,2})\s+)?0*(\d{1,4})(?:\s*[-–&]\s*0*(\d{1,4}))?(?:$|\s*[-–—:|]|\s+\p{L})",
    )
    .unwrap()
});

/// "Stranger Things 2 Episode 1", "Hospital Playlist 2 Episode 10": a known show's name and a
/// number the gazetteer does not know as a show of its own is that show's season.
fn numbered_season(show: &str) -> Option<(String, u32)> {
    let (name, number) = show.trim().rsplit_once(' ')?;
    let season = number
        .parse::<u32>()
        .ok()
        .or_else(|| season_code(number))
        .filter(|n| (2..=50).contains(n))?;
    (gazetteer::lookup(show).is_none() && gazetteer::lookup(name).is_some())
        .then(|| (name.trim_end().to_string(), season))
}

/// "R2" after an anime's name: its second season ("Code Geass R2").
fn season_code(word: &str) -> Option<u32> {
    word.strip_prefix(['R', 'r']).filter(|n| n.len() == 1).and_then(|n| n.parse().ok())
}

/// "Sinopsis drama korea Cinderella and Four Knights episode 10 bakalan menjawab…",
/// "Recapitulamos a série Peacock One of Us Is Lying temporada 2, episódio 5": a known show's
/// name near the start of an opening line, its episode's marker right after it, within one
/// sentence.
/// The line is returned with it: it says what kind of page this is as a headline would.
static SEASON_THEN_EPISODE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:season|series)\s+(\d{1,2})\s*[:,\-–—]?\s*['‘“\x22]?(?:episode|ep\.?)\s*(\d{1,3})\b")
        .unwrap()
});

/// "Channel 4oD: Misfits (2010) Episode 3" over "'Misfits Series 2: 'Episode 3'", "TRUE BLOOD
/// “Let’s Get Out of Here” Review" over "TRUE BLOOD “Let’s Get Out of Here” Season 4 Episode 9 –
/// Now that was…": a line near the top that writes the show's name and the same episode's
/// season gives the season the headline left out.
fn season_beside_name(h: &headline::Headline, opening: &[String]) -> Option<u32> {
    let name = fold(&h.show);
    if name.is_empty() {
        return None;
    }
    opening.iter().take(8).find_map(|line| {
        let c = SEASON_THEN_EPISODE_RE.captures(line)?;
        let (season, episode) = (c[1].parse::<u32>().ok()?, c[2].parse::<u32>().ok()?);
        let named = fold(&line[..c.get(0)?.start()]).contains(&name);
        (named && episode == h.episode && season > 1).then_some(season)
    })
}

fn headline_from_gazetteer(opening: &[String]) -> Option<(headline::Headline, &str)> {
    name_then_marker(opening).or_else(|| marker_then_name(opening))
}

fn name_then_marker(opening: &[String]) -> Option<(headline::Headline, &str)> {
    opening.iter().take(8).find_map(|line| {
        // One word is as likely an ordinary one as a show's name ("From", "Episodes"); a name
        // deep in a sentence is a lede's aside ("…at the end of Cruel Summer Season 2 Episode
        // 5"), not what the page is about.
        // A name opening the first sentence's main clause leads it too: "As the flames roar and
        // the sirens wail, Chicago Fire Season 12 Episode 3 takes viewers…".
        let leads = |f: &gazetteer::Found| {
            let before = &line[..f.span.start];
            let words = fold_words(before).len();
            words <= 4
                || (words <= 12
                    && before.trim_end().ends_with(',')
                    && !before.contains(['.', '!', '?', ':']))
        };
        gazetteer::names_in(line).into_iter().filter(|f| f.words >= 2 && leads(f)).find_map(
            |found| {
                let rest = &line[found.span.start..];
                let show = line[found.span.clone()].to_string();
                if let Some((season, episode)) =
                    compact_number(&line[found.span.end..], found.title)
                {
                    let h = headline::Headline {
                        show,
                        season,
                        episode,
                        episode_end: None,
                        title: None,
                    };
                    return Some((h, line.as_str()));
                }
                let sentence = SENTENCE_END_RE.find(rest).map_or(rest, |end| &rest[..end.start()]);
                let h = parse_headline(sentence)?;
                (gazetteer::lookup(&h.show) == Some(found.title))
                    .then_some((headline::Headline { show, title: None, ..h }, line.as_str()))
            },
        )
    })
}

/// "Shrinking Recap: Trending Upward / Shrinking / Get in the Sea / Season 2 / Episode 7 /
/// Editor’s Rating", "Top Chef: Wisconsin Recap: Join the Club / … / Top Chef / Supper Club /
/// Season 21 Episode 5": a recap site's episode card under the headline, each field on a line of
/// its own: the show, the episode's title, its season, its number.
fn stacked_numbers(opening: &[String]) -> Option<(headline::Headline, Vec<String>)> {
    let lines: Vec<&str> = opening.iter().take(12).map(|l| l.trim()).collect();
    let positive = |n: &str| n.parse::<u32>().ok().filter(|&n| n > 0);
    // "Season 21 Episode 5" on one line (`at` is also the card's last), or "Season 2 / Episode
    // 7" on two.
    let (at, last, season, episode) = lines.iter().enumerate().find_map(|(i, line)| {
        if let Some(c) = SEASON_EPISODE_LINE_RE.captures(line) {
            return Some((i, i, positive(&c[1])?, positive(&c[2])?));
        }
        let season = positive(&SEASON_LINE_RE.captures(line)?[1])?;
        let episode = positive(&EPISODE_LINE_RE.captures(lines.get(i + 1)?)?[1])?;
        Some((i, i + 1, season, episode))
    })?;
    let (show, title) = (lines.get(at.checked_sub(2)?)?, lines[at - 1]);
    // The show's line is a name the headline above it starts with ("Shrinking Recap: …").
    let headline = lines[..at - 2].iter().find(|l| !opening::is_furniture_line(l))?;
    if !names_something(show) || !fold(headline).starts_with(&fold(show)) {
        return None;
    }
    // The card's own lines, which are no part of the recap (its rating line stays: it is read).
    let card = lines[at - 2..=last].iter().map(|l| l.to_string()).collect();
    let title = headline::clean_title(title).filter(|t| fold(t) != fold(show));
    let h =
        headline::Headline { show: show.to_string(), season, episode, episode_end: None, title };
    Some((h, card))
}

static SEASON_EPISODE_LINE_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^season\s+(\d{1,3}),?\s+episode\s+(\d{1,4})$").unwrap());
static SEASON_LINE_RE: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i)^season\s+(\d{1,3})$").unwrap());
static EPISODE_LINE_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^episode\s+(\d{1,4})$").unwrap());

/// "The Great British Bake Off: Week 5", "Strictly Come Dancing - Series 11, Week 4 [Review]",
/// "Strictly Come Dancing 2018 week 4 recap", "Dancing with the Stars Season 23, Week 5 – LIVE
/// BLOG!!": a weekly competition's episodes are its weeks.
/// Not a round-up's week ("Winter 2023 Anime Episode Reviews: Week 12", "Last Week in TV").
fn week_numbered(headline_text: &str) -> Option<headline::Headline> {
    let c = WEEK_RE.captures(headline_text.trim())?;
    let mut show = headline::clean_show(&c[1]);
    if let Some(year) = YEAR_TAIL_RE.find(&show).map(|m| m.start()) {
        show.truncate(year);
    }
    if ROUND_UP_WORDS_RE.is_match(&show)
        || !names_something(&show)
        || show.split_whitespace().count() > 6
    {
        return None;
    }
    let season = c.get(2).map_or(Some(1), |m| m.as_str().parse().ok())?;
    let episode = headline::parse_number(&c[3])?;
    Some(headline::Headline { show, season, episode, episode_end: None, title: None })
}

static WEEK_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(.{2,80}?)\s*(?:[:\-–—,]\s*)?(?:(?:series|season)\s+(\d{1,2}),?\s+)?week\s+(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:\s*(?:[–—\-]\s*|and\s+)?[\[(]?(?:recap|review|results?|live\s*blog)[\])]?!*)*(?:\s*:\s+[^:]{1,60})?$").unwrap()
});
static ROUND_UP_WORDS_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:anime|episodes?|reviews?|recaps?|round-?up|tv|television|watch(?:ing|list)?|winter|spring|summer|fall|autumn|dramas?|weekly|last|this|best|ratings?|sitcoms?|shows?|k-?drama|my|our)\b").unwrap()
});

/// "RECAP: The Amazing Race “Where My Dogs At” [Episode 3]", "Breaking Bad: “Ozymandias” Season
/// 5 Episode 14 Review": a known show right before a quoted name the gazetteer lacks (past a
/// colon or a dash), which is then the episode's title, not the show.
fn known_show_before_quotes(
    headline_text: &str,
    h: &headline::Headline,
) -> Option<(String, String)> {
    if h.title.is_some() {
        return None;
    }
    let at = headline_text.find(&h.show)?;
    let quoted = headline_text[..at].strip_suffix(['“', '"', '‘'])?.trim_end();
    let before = quoted.trim_end_matches([':', '-', '–', '—', ',']).trim_end();
    // (Past a colon the quotes hold the title even when a show has that name too:
    // "Friday Night Lights: "The Son" Review Season 4, Episode 5".)
    if gazetteer::lookup(&h.show).is_some() && before.len() == quoted.len() {
        return None;
    }
    let found = gazetteer::names_in(before)
        .into_iter()
        .find(|f| f.words >= 2 && f.span.end == before.len())?;
    Some((before[found.span].to_string(), h.show.clone()))
}

/// "The Gilded Age 302 Recap": three digits right after a known show's name and before the
/// word recap or review number the season and its episode, as production codes do. Not after
/// an anime's name, whose episodes run into the hundreds ("One Piece 302 review").
fn compact_number(after: &str, title: &str) -> Option<(u32, u32)> {
    let c = COMPACT_NUMBER_RE.captures(after)?;
    if gazetteer::is_anime(title) {
        return None;
    }
    Some((c[1].parse().ok()?, c[2].parse().ok()?))
}

static COMPACT_NUMBER_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^\s+([1-9])(0[1-9]|1\d|2[0-6])\s+(?:recap|review)\b").unwrap());

/// "Episode 20 – Sakamoto Days", "Episode 7 of Pachinko Season 2 delivered a whirlwind…",
/// "Reseña del capítulo 7 de kimetsu no yaiba": an
/// episode's marker opening a line, then a known show's name (and maybe its season). One word
/// names the show only on a page that never writes it in lower case, as it does "From".
fn marker_then_name(opening: &[String]) -> Option<(headline::Headline, &str)> {
    let lower_case: HashSet<&str> = opening
        .iter()
        .flat_map(|l| l.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.starts_with(char::is_lowercase))
        .collect();
    opening.iter().take(8).enumerate().find_map(|(i, line)| {
        // "…look no further than Episode Four of RuPaul’s Drag Race.": in the page's first
        // sentence, "episode N of" a known name says which, wherever it stands.
        let (c, of_form) = match MARKER_THEN_NAME_RE.captures(line) {
            Some(c) => (c, false),
            None if i < 2 => {
                let c = EPISODE_OF_NAME_RE.captures(line)?;
                let before = &line[..c.get(0)?.start()];
                let first_sentence = !SENTENCE_END_RE.is_match(before);
                (first_sentence && before.split_whitespace().count() <= 25).then_some((c, true))?
            }
            None => return None,
        };
        let episode = headline::parse_number(&c[1]).filter(|&e| e > 0)?;
        let rest = &line[c.get(0)?.end()..];
        // The name stands alone or before its season: "Episode 1 – Winter Is Coming" and
        // "Episode 2 – The Devil’s Chord" are titles that start like shows.
        let season_after =
            |f: &gazetteer::Found| SEASON_AFTER_NAME_RE.captures(&rest[f.span.end..]);
        // ("Episode 19 of Demon Slayer is one of…": after "of" a verb may follow the name.)
        let of = of_form || c.get(0).is_some_and(|m| m.as_str().trim_end().ends_with("of"));
        // "Season 4, Episode 10 - Hush": after a season's marker and the episode's, a dash
        // leads to the episode's title, whatever show shares its name.
        if !of && SEASON_WORD_RE.is_match(&c[0]) {
            return None;
        }
        let ends = |f: &gazetteer::Found| {
            let after = rest[f.span.end..].trim_start();
            of || season_after(f).is_some() || !after.starts_with(char::is_alphanumeric)
        };
        // "Episode 5 Odd Taxi": with only a space after the number, a name of two words or more.
        let spaced = c.get(2).is_some();
        // "welcome to episode thirteen of my Ghost in the Shell, Stand Alone Complex review".
        let rest = match rest.split_once(' ') {
            Some(("my" | "our", name)) if of => name,
            _ => rest,
        };
        let found = gazetteer::names_in(rest).into_iter().find(|f| {
            let written = &rest[f.span.clone()];
            f.span.start == 0
                && ends(f)
                && (f.words >= 2 || !spaced)
                && (f.words >= 2
                    || (written.starts_with(char::is_uppercase)
                        && !lower_case.contains(written.to_lowercase().as_str())))
        })?;
        let season = season_after(&found).and_then(|c| c[1].parse::<u32>().ok()).unwrap_or(1);
        let show = rest[found.span].to_string();
        let h = headline::Headline { show, season, episode, episode_end: None, title: None };
        Some((h, line.as_str()))
    })
}

static MARKER_THEN_NAME_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)^(?:\S+\s+){0,2}?(?:episode|ep\.?)\s*0*(\d{1,4})(?:\s*(?:[-–—:|]\s*|of\s+)|(\s+))",
    )
    .unwrap()
});
static EPISODE_OF_NAME_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:episode|ep\.?|episodio|cap[íi]tulo)\s*#?\s*{}\s+(?:of|de)\s+",
        headline::NUM
    ))
    .unwrap()
});
static SEASON_WORD_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)\b(?:season|series)\b").unwrap());
static SEASON_AFTER_NAME_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^\s*(?:season|series)\s+(\d{1,2})\b").unwrap());

fn build_article(doc: Document, hints: &Hints) -> Result<Article, ArticleError> {
    let Document {
        headline: headline_text,
        title_candidate,
        mut blocks,
        url,
        published_at,
        rating,
        opening_rating,
        headline_start,
        chosen,
        headline_prose,
        opening,
        fan_fiction,
    } = doc;
    let mut headline_text = headline_text.ok_or(ArticleError::MissingHeadline)?;
    // A page's `<title>` or first line can be megabytes long; the rules read its opening.
    headline_text.truncate(headline::cut_to(&headline_text, LINE_MAX_BYTES).len());
    let hint_show = hints.show.as_deref().map(str::trim).filter(|s| !s.is_empty());

    let from_headline = if headline_prose {
        None
    } else {
        // "Just finished watching episode 7 and…" names no show.
        chosen.or_else(|| {
            // ("Reseña del capítulo 7 de kimetsu no yaiba": nor does "Reseña del".)
            parse_headline(&headline_text).filter(|h| {
                !opening::starts_a_sentence(&h.show) && !opening::ends_in_preposition(&h.show)
            })
        })
    };
    let from_headline = from_headline.or_else(|| {
        hint_show.and_then(|show| parse_headline(&format!("{show} – {headline_text}")))
    });
    // An episode card under the headline says which episode it is, whatever two of its lines
    // joined would pass for ("Supper Club – Season 21 Episode 5").
    let card = stacked_numbers(&opening);
    let from_headline = card.as_ref().map(|(h, _)| h.clone()).or(from_headline);
    // Set when the page's address named the episode.
    let mut by_address = None;
    // Set when a known show's name in the opening named it.
    let mut gazetteer_line = None;
    let parsed = from_headline.clone().or_else(|| {
        if hints.episode.is_some() {
            return None;
        }
        let address = hints.url.as_deref().or(url.as_deref());
        // A headline with an episode marker and no show ("Episode 10 recap: Exposure of the
        // Desired Identity.") lets the address name the show, when it names the same episode.
        // A paragraph taken for the headline is no headline: its "Episode 12 ended with a plot
        // twist" is the episode before the one the address names.
        let marker_only = headline::marker_without_show(&headline_text)
            .filter(|_| !headline_prose)
            .map(|h| h.episode);
        // "Episode 10 Recap" on a line of its own under a caption taken for the headline.
        let marker_line = (marker_only.is_none() && !headline_prose)
            .then(|| {
                opening
                    .iter()
                    .take(8)
                    .filter(|l| l.split_whitespace().count() <= 6)
                    .find_map(|l| headline::marker_without_show(l).map(|h| h.episode))
            })
            .flatten();
        let marker = marker_only.or(marker_line);
        let bare = headline_prose || names_no_show(&headline_text) || marker.is_some();
        by_address = address
            .and_then(|u| headline_from_url(u, &opening, bare))
            .filter(|h| marker.is_none_or(|e| e == h.episode));
        // "Tá no ar o quinto episódio da segunda temporada de The Last of Us" at
        // …/eu-nao-ligo-analise-do-episodio-5-da-segunda-temporada-de-the-last-of-us: a slug
        // that opens with the writer's own words names no show the page writes; the show its
        // prose names for the same episode wins.
        let hay = opening.join("\n");
        let unwritten = by_address
            .as_ref()
            .filter(|a| as_written(&a.show, &hay).is_none())
            .map(|a| (a.season, a.episode));
        if let Some((season, episode)) = unwritten {
            // ("Summary for Episode 5~" names nothing: a name does not end in "for".)
            let named = |p: &headline::Headline| {
                names_something(&p.show)
                    && !p.show.rsplit(' ').next().is_some_and(|w| {
                        matches!(w.to_lowercase().as_str(), "for" | "of" | "the" | "a" | "an")
                    })
            };
            let prose = headline_from_prose(&opening).filter(|p| p.episode == episode && named(p));
            if let Some(p) = prose {
                by_address = None;
                return Some(headline::Headline { season: p.season.max(season), ..p });
            }
        }
        by_address
            .clone()
            .or_else(|| headline_from_body(&headline_text, &opening))
            .or_else(|| headline_from_prose(&opening))
            .or_else(|| {
                let (h, line) = headline_from_gazetteer(&opening)?;
                gazetteer_line = Some(line.to_string());
                Some(h)
            })
            .or_else(|| (!headline_prose).then(|| anime_numbered(&headline_text)).flatten())
            .or_else(|| (!headline_prose).then(|| week_numbered(&headline_text)).flatten())
            .or_else(|| anime_numbered(&address.and_then(url_headline)?))
            .or_else(|| numbered_after_name(&address.and_then(url_headline)?, &opening))
            .or_else(|| marker_under_address_name(&headline_text, &address.and_then(url_headline)?))
    });
    let parsed = parsed.map(|mut h| {
        // "MY HERO ACADEMIA's Season 2 Premiere": a known show's possessive before its marker
        // (but "Grey’s Season 5" is what fans call Grey's Anatomy).
        let bare = headline::without_possessive(&h.show);
        if let Some(bare) = bare.filter(|b| gazetteer::lookup(b).is_some()) {
            h.show = bare.to_string();
        }
        // "DC’s Legends of Tomorrow": a brand's possessive before a known name.
        if let Some(bare) = gazetteer::without_brand(&h.show) {
            h.show = bare.to_string();
        }
        // "The Traitors US": a country's edition, told by a tag the gazetteer's name lacks
        // ("Love Island USA" is known whole).
        let edition = h.show.rsplit_once(' ').filter(|(_, tag)| {
            ["US", "USA", "UK", "AU", "NZ", "Canada", "Australia"].contains(tag)
        });
        if let Some((name, _)) = edition {
            if gazetteer::lookup(&h.show).is_none() && gazetteer::lookup(name).is_some() {
                h.show = name.to_string();
            }
        }
        if let Some((name, title)) = known_show_before_quotes(&headline_text, &h) {
            (h.show, h.title) = (name, Some(title));
        }
        // ("“Fight My Way” Episode 2 Recap": a name the headline quotes whole is the show's,
        // whatever known name ends it.)
        let quoted_whole = ["“{}”", "\"{}\"", "‘{}’", "'{}'"]
            .iter()
            .any(|q| headline_text.contains(&q.replace("{}", &h.show)));
        if let Some(name) = gazetteer_name(&h.show).filter(|_| !quoted_whole) {
            h.show = name;
        }
        // "RHOBH Season 3 Episode 1": a fan's acronym for a name the gazetteer knows.
        if let Some(name) = gazetteer::expand_acronym(&h.show) {
            h.show = name.to_string();
        }
        // "Game of Thones": a known name misspelt by one letter.
        if let Some(name) = gazetteer::lookup_misspelt(&h.show) {
            h.show = name.to_string();
        }
        if let Some(name) = full_name_on_page(&h.show, &opening) {
            h.show = name;
        }
        // "chainsaw-man-ep-7-denji" (an image's name standing as the headline): a slug of a
        // known name is written as the gazetteer writes the name.
        // So is a known name the page writes all in lower case ("kimetsu no yaiba").
        let slug = !h.show.contains(' ') && h.show.contains('-');
        if slug || !h.show.chars().any(char::is_uppercase) {
            if let Some(name) = gazetteer::lookup(&h.show.replace('-', " ")) {
                h.show = name.to_string();
            }
        }
        // "Walking Dead Recap": the name every list writes with its "The".
        if let Some(name) = gazetteer::with_leading_article(&h.show) {
            h.show = name.to_string();
        }
        if let Some((name, season)) = numbered_season(&h.show).filter(|_| h.season == 1) {
            (h.show, h.season) = (name, season);
        }
        // "Unnie Recap: Rookie Historian Goo Hae Ryung (Episodes 11 & 12)": the words after
        // the site's "Recap:" are the known show, those before it the site's.
        let known_title = h
            .title
            .as_deref()
            .filter(|t| fold_words(t).len() >= 2 && gazetteer::lookup(&h.show).is_none())
            .and_then(gazetteer::lookup);
        if let Some(name) = known_title {
            (h.show, h.title) = (name.to_string(), None);
        }
        h
    });
    // "Game of Thrones episode 5 recap" at …/game-of-thrones-episode-5-season-7-story: a
    // headline without a season takes the season its address gives the same episode.
    let address = hints.url.as_deref().or(url.as_deref());
    let parsed = parsed.map(|mut h| {
        if let Some(u) = address.and_then(url_headline).and_then(|u| parse_headline(&u)) {
            let (ours, theirs) = (fold(&h.show), fold(&u.show));
            let same_show = !ours.is_empty() && (theirs.contains(&ours) || ours.contains(&theirs));
            if h.season == 1 && u.season > 1 && u.episode == h.episode && same_show {
                h.season = u.season;
            }
        }
        if h.season == 1 {
            h.season = season_beside_name(&h, &opening).unwrap_or(1);
        }
        h
    });
    // A story's "Chapter 1" reads as an episode marker; the page saying what it is settles it.
    if fan_fiction && hints.episode.is_none() {
        return Err(ArticleError::NotARecap(refusal::FAN_FICTION.to_string()));
    }
    // A page naming no episode at all keeps the plain "no show/season/episode" error.
    if hints.episode.is_none() && parsed.is_some() {
        let judged = if headline_prose { "" } else { headline_text.as_str() };
        let by_gazetteer = || {
            let line = gazetteer_line.as_deref()?;
            refusal::judge(line, parsed.as_ref(), &[], 0)
        };
        if let Some(reason) =
            refusal::judge(judged, from_headline.as_ref(), &opening, headline_start)
                .or_else(by_gazetteer)
        {
            return Err(ArticleError::NotARecap(reason.to_string()));
        }
        // "The third episode of House of the Dragon … will be released soon." above "House of
        // The Dragon: When and how to watch or stream Episode 3 of Season 1": a lede standing
        // where the headline would, and the page's own headline for the same episode below it,
        // which says what kind of page it is.
        if headline_prose {
            let episode = parsed.as_ref().map(|h| h.episode);
            let own = opening.iter().take(6).find_map(|l| {
                let l = opening::strip_glued_prefix(l).trim();
                let h = (!opening::is_prose(l)).then(|| parse_headline(l)).flatten()?;
                (Some(h.episode) == episode).then(|| (l.to_string(), h))
            });
            if let Some(reason) = own.and_then(|(l, h)| refusal::judge(&l, Some(&h), &[], 0)) {
                return Err(ArticleError::NotARecap(reason.to_string()));
            }
            // "House of the Dragon episode 9 trailer is out.": the lede's first sentence names
            // the episode and says it is news of it.
            let lede = opening::strip_glued_prefix(&headline_text);
            let first = lede.split_inclusive(['.', '!', '?']).next().unwrap_or(lede);
            let names_it = parse_headline(first).is_some_and(|h| Some(h.episode) == episode);
            let news = refusal::judge(first, None, &[], 0)
                .filter(|r| names_it && [refusal::NEWS, refusal::PREVIEW].contains(r));
            if let Some(reason) = news.filter(|_| first.split_whitespace().count() <= 25) {
                return Err(ArticleError::NotARecap(reason.to_string()));
            }
        }
        // ".../outlander-season-6-episode-6-promo-preview-what-happens-next": an address that
        // names the episode says what kind of page it is as a headline would.
        // ".../poll-was-the-last-of-us-episode-3-the-best-one-yet" under "The Last of Us Episode 3
        // HBO": an address naming the episode the headline names says so too.
        let episode = parsed.as_ref().map(|h| h.episode);
        let address_words = address.and_then(url_headline).filter(|w| {
            by_address.is_some() || parse_headline(w).is_some_and(|u| Some(u.episode) == episode)
        });
        let address_parsed =
            by_address.clone().or_else(|| address_words.as_deref().and_then(parse_headline));
        // (Only the address of a page whose headline named nothing says it is a list or a
        // season's review: ".../tag/episode-two" may hold a single review.)
        let judged =
            address_words.and_then(|w| refusal::judge(&w, address_parsed.as_ref(), &[], 0));
        let judged = judged
            .filter(|r| by_address.is_some() || [refusal::NEWS, refusal::PREVIEW].contains(r));
        if let Some(reason) = judged {
            return Err(ArticleError::NotARecap(reason.to_string()));
        }
    }
    // Blocks equal to the headline (repeated in the body) are dropped.
    if !headline_prose {
        blocks.retain(|b| !b.text.eq_ignore_ascii_case(&headline_text));
    }
    if let Some((_, card)) = &card {
        blocks.retain(|b| !card.contains(&b.text));
    }

    let mut title;
    // "Épisode 4 – Blocking – 15/20": the writer's score on the line that names the episode.
    let mut title_line_score = None;
    let (mut show, mut season, mut episode, mut episode_end);
    match parsed {
        Some(h) => {
            (show, season, episode, episode_end) = (h.show, h.season, h.episode, h.episode_end);
            // "'Severance' Episode 3 Just Set Us on a Dangerous Path" over "the first two
            // episodes of Severance season 2": a headline that says no season, and the opening
            // names the show's season.
            // "Alice In Borderland “Episode 2”" over "Season Two, Episode Two": the numbers
            // stated on the line after the headline.
            let next_line = blocks.first().filter(|b| b.lines == 1).and_then(|b| {
                headline::marker_without_show(&b.text).filter(|n| n.episode == episode)
            });
            if let Some(n) = next_line.filter(|_| season == 1) {
                season = n.season;
            }
            // (A lede standing for the headline is searched as the rest of the text is:
            // "Week four of Hell’s Kitchen season 14 is now in the books".)
            if season == 1 && (headline_prose || !SEASON_SAID_RE.is_match(&headline_text)) {
                // "House of the Dragon’s second season", "season 2 of House of the Dragon"; and
                // further down, "House of the Dragon’s season 2, episode 4" with this episode's
                // number.
                let near = blocks.iter().take(6).find_map(|b| season_named(&b.text, &show, None));
                let further = || {
                    blocks.iter().take(30).find_map(|b| season_named(&b.text, &show, Some(episode)))
                };
                if let Some(s) = near.or_else(further).filter(|&s| s <= 50) {
                    season = s.max(1);
                }
            }
            // "'Mad Men' Season 5 Episode 508": a production code, the season's number then the
            // episode's, where the episode's number alone was expected.
            let code = |e: u32| e / 100 == season && (1..=40).contains(&(e % 100));
            if season >= 2 && code(episode) && episode_end.is_none_or(code) {
                episode %= 100;
                episode_end = episode_end.map(|e| e % 100);
            }
            // "… Season 3, Episode 2 Recap: Of Rats, Romance, and the Rebirth of Self" over
            // "returns with Episode 2 of its third season, titled “The Rat Race,”": after the
            // word Recap the headline's words are often the writer's own; a title the text
            // names as such wins over them.
            let subtitle = h.title.as_ref().is_some_and(|t| {
                headline_text
                    .find(t.as_str())
                    .is_some_and(|at| AFTER_RECAP_WORD_RE.is_match(&headline_text[..at]))
            });
            // "House of the Dragon Soars in Episode 4: A Dance with Dragons Ignites" over "its
            // spectacular fourth episode, titled “Rook’s Rest.”": the text saying which title
            // the episode has outweighs the headline's unquoted words after its number.
            let said = || {
                blocks.iter().take(8).find_map(|b| {
                    let c = EPISODE_TITLED_RE.captures(&b.text)?;
                    let inner = (1..c.len()).find_map(|i| c.get(i))?.as_str();
                    headline::clean_title(inner.trim().trim_end_matches(['.', ',']))
                })
            };
            let unquoted = |t: &String| {
                !QUOTED_ANY_RE.find_iter(&headline_text).any(|m| m.as_str().contains(t.as_str()))
            };
            // ("Doctor Who - Series 8, Episode 4: Listen" over "as good as the episode entitled:
            // ‘Blink’ back in 2007 … Now I’m thinking Listen has taken its place": the text
            // names the headline's words as well, and the titled one is another episode.)
            let restated = |t: &String| {
                let alone = |text: &str, at: usize| {
                    let before = text[..at].chars().next_back();
                    let after = text[at + t.len()..].chars().next();
                    !before.is_some_and(char::is_alphanumeric)
                        && !after.is_some_and(char::is_alphanumeric)
                };
                blocks
                    .iter()
                    .take(8)
                    .any(|b| b.text.match_indices(t.as_str()).any(|(at, _)| alone(&b.text, at)))
            };
            let headline_title = match h.title {
                Some(t) if !subtitle && unquoted(&t) && !restated(&t) => Some(said().unwrap_or(t)),
                t => t,
            };
            // "Here’s what you missed in House of the Dragon Episode 5 ‘We Light The Way’.": the
            // show and the same number (or its season and number: "The Walking Dead Episode
            // 8×010 ‘The Lost and the Plunderers’"), then a quoted title.
            // "With episode 4 – ‘Heart of the TVA’ – things are back on track", "Contains
            // spoilers for 'Yellowjackets' Episode 6 'Saints'": the same number, then a quoted
            // title, with or without the show (quoted itself) before it.
            let named = || {
                blocks.iter().take(8).find_map(|b| {
                    let inner = match TITLED_RE.captures(&b.text) {
                        Some(c) => (1..c.len()).find_map(|i| c.get(i))?.as_str(),
                        None => quoted_after_number(&b.text, episode)
                            .or_else(|| quoted_after_ordinal(&b.text, episode))?,
                    };
                    headline::clean_title(inner.trim().trim_end_matches(['.', ',']))
                })
            };
            // A headline with no title of its own: the text's quoted title right after the
            // episode's number.
            let after_number = || {
                blocks.iter().take(8).find_map(|b| {
                    // ("The fourth episode of the second season of Marvel Studios, “Loki”": the
                    // show's own name is no title.)
                    let inner = quoted_after_number(&b.text, episode).or_else(|| {
                        quoted_after_ordinal(&b.text, episode).filter(|t| fold(t) != fold(&show))
                    })?;
                    headline::clean_title(inner.trim().trim_end_matches(['.', ',']))
                })
            };
            // "Extraordinary Attorney Woo: Episode 15 Recap" over the heading "Extraordinary
            // Attorney Woo Episode 15: Saying and Doing Things Not Asked": a heading further
            // down naming the same show and episode, with its title.
            // (Not a photo's caption: "Andor episode 8 – Diego Luna as Cassian Andor".)
            let heading = || {
                blocks.iter().take(8).filter(|b| b.lines == 1).find_map(|b| {
                    if opening::is_furniture_line(&b.text)
                        || !fold(&b.text).starts_with(&fold(&show))
                    {
                        return None;
                    }
                    let h = opening::accept(&b.text)?;
                    let t = h.title.filter(|t| {
                        // (Nor a list's "3 burning questions", nor a lede's "Kim Soo-Hyun, Kim
                        // Ji-Won navigate…".)
                        looks_like_title(t)
                            && t.split_whitespace().count() <= 8
                            && !t.starts_with(|c: char| c.is_ascii_digit())
                            && !t.contains(',')
                            && !CAPTION_WORDS_RE.is_match(t)
                    })?;
                    (h.episode == episode && fold(&h.show) == fold(&show)).then_some(t)
                })
            };
            title = if subtitle { named().or(headline_title) } else { headline_title }
                .or(title_candidate)
                .or_else(after_number)
                .or_else(heading)
                // "“Arcane” Episode 4, titled “Happy Progress Day!” opens with…": the text naming
                // the title as such.
                .or_else(said)
                // "の予告動画", "のTwitterの反応": a Japanese sentence's rest after its particle.
                .filter(|t| !t.starts_with(['の', 'は', 'が', 'を', 'に', 'で', 'と', 'も', 'へ']));
            // "\"All Happy Families Are Alike\"" heading a page whose show and episode only its
            // address gives: a quoted line standing as the headline is the episode's title.
            if title.is_none() && from_headline.is_none() && by_address.is_some() {
                let quoted = headline::trim_quotes(headline_text.trim());
                if quoted.len() < headline_text.trim().len() && looks_like_title(quoted) {
                    title = headline::clean_title(quoted);
                }
            }
            // "Spy x Family Episode 5 – Anime Hajime Updates" on animehajime.com: the site's name.
            if let (Some(t), Some(site)) = (&title, address.and_then(site_name)) {
                if fold(t).replace(' ', "").starts_with(&site) {
                    title = None;
                }
            }
            // "Shrinking S2 E3" / "Spoilers" / "“Psychological Something-ism”": a spoiler label
            // between the headline and the title line.
            if from_headline.is_some()
                && blocks.len() > 1
                && blocks
                    .first()
                    .is_some_and(|b| b.lines == 1 && SPOILER_LABEL_RE.is_match(&b.text))
            {
                blocks.remove(0);
            }
            if from_headline.is_some()
                && blocks.first().is_some_and(|b| b.lines == 1 && looks_like_title(&b.text))
            {
                let candidate = blocks.remove(0).text;
                // "Episode #7: “It is your first crush”" under the headline.
                let numbered = numbered_title(&candidate, episode);
                if numbered.is_some() {
                    title_line_score = trailing_score(&candidate);
                }
                // "Episode Title: Can You Face Your True Feelings?" under a forum thread's title.
                let labelled = || labelled_title(&EPISODE_TITLE_LINE_RE.captures(&candidate)?[1]);
                title =
                    title.or(numbered).or_else(labelled).or_else(|| title_line(&candidate, &show));
            }
            if title.is_none() {
                title = blocks
                    .iter()
                    .take(15)
                    .find_map(|b| labelled_title(&EPISODE_TITLE_LINE_RE.captures(&b.text)?[1]));
            }
            // "Session 16: Black Dog Serenade" heading the page's own part after its lede.
            if title.is_none() {
                title = blocks
                    .iter()
                    .take(12)
                    .filter(|b| b.lines == 1)
                    .find_map(|b| numbered_title(&b.text, episode));
            }
            if title.is_none() {
                title = title_from_body(&blocks, &show, episode);
            }
            // "This week’s episode is titled “If These Woods Could Talk”" in the lede above a
            // headline with no title: a sentence about the episode that names its title.
            if title.is_none() && from_headline.is_some() {
                title = opening.iter().take(headline_start.min(4)).find_map(|l| {
                    if !l.to_lowercase().contains("episode") {
                        return None;
                    }
                    // "Yellowjackets Season 3 Episode 3, ‘Them’s the Breaks’, starts off…" above
                    // "Yellowjackets Season 3 Episode 3 ends in chaos".
                    let inner = match TITLED_RE.captures(l) {
                        Some(c) => (1..c.len()).find_map(|i| c.get(i))?.as_str(),
                        None => quoted_after_number(l, episode)?,
                    };
                    headline::clean_title(inner.trim().trim_end_matches(['.', ',']))
                });
            }
            if title.is_none() {
                let hay: Vec<&str> = std::iter::once(headline_text.as_str())
                    .chain(blocks.iter().take(30).map(|b| b.text.as_str()))
                    .collect();
                title = address.and_then(|u| title_from_address(u, episode, &hay.join("\n")));
            }
        }
        None => {
            let (Some(hs), Some(he)) = (hint_show, hints.episode) else {
                return Err(ArticleError::NoHeadline(truncate_chars(
                    &headline_text,
                    MAX_ERROR_HEADLINE_CHARS,
                )));
            };
            (show, season, episode, episode_end) = (hs.to_string(), 1, he, None);
            title = title_candidate;
            let lower = headline_text.to_lowercase();
            let names_show = lower.contains(&hs.to_lowercase())
                || lower.contains("recap")
                || lower.contains("review");
            if !looks_like_title(&headline_text) {
                blocks.insert(0, Block { text: headline_text.clone(), lines: 1 });
            } else if !names_show {
                title = title.or(Some(headline_text.clone()));
            }
            // Otherwise it is a headline without an episode marker: neither title nor body.
        }
    }

    if let Some(s) = hint_show {
        show = s.to_string();
    }
    // "…spoilers lie ahead for Episode 4 of “Arcane.”": the show's own name, quoted, is no title.
    if title.as_deref().is_some_and(|t| fold(t) == fold(&show)) {
        title = None;
    }
    if let Some(s) = hints.season.filter(|&s| s > 0) {
        season = s;
    }
    if let Some(e) = hints.episode.filter(|&e| e > 0) {
        if e != episode {
            episode = e;
            episode_end = episode_end.filter(|&end| end > e);
        }
    }

    let sections = split_sections(&blocks);
    if sections.recap.is_empty() {
        return Err(ArticleError::NoRecapBody);
    }
    let hint_url = hints.url.as_deref().map(str::trim).filter(|u| !u.is_empty()).map(String::from);
    // A rating line wins; then a score beside the headline; then one given in
    // a sentence of the review ("I give this episode an 8/10").
    // ("Overall thoughts about “The Wedding”" / "I rate “The Wedding” a 4.5 / 5": or a verdict
    // standing as its own short paragraph near the top.)
    let prose_rating = || {
        let review = sections.review.iter().rev();
        let short = |p: &&String| p.split_whitespace().count() <= 15;
        review
            .chain(sections.recap.iter().rev().take(3))
            .chain(sections.recap.iter().take(12).filter(short))
            .find_map(|p| ratings::parse_prose(p))
    };
    let rating = sections
        .rating
        .clone()
        .or(opening_rating)
        .or(title_line_score)
        // "Photo credit: … / Critic’s Rating: 3.5 / 5.0" above a lede taken for the headline.
        .or_else(|| opening.iter().take(6).find_map(|l| ratings::parse_labelled(l)))
        .or_else(prose_rating)
        .map(|p| CriticRating { display: Some(p.display), ..p.rating })
        .or(rating.map(ratings::to_five));
    // "The Good Wife: Hitting the Fan" as the title line under "The Good Wife Recap: Hitting the
    // Fan – 5×5": the show's name before the title's colon is no part of it.
    let title = title.map(|t| match t.split_once(": ") {
        Some((name, rest)) if fold(name) == fold(&show) && !rest.trim().is_empty() => {
            rest.to_string()
        }
        _ => t,
    });
    let aliases: Vec<String> = headline::show_alias(&headline_text, &show).into_iter().collect();
    Ok(Article {
        aliases,
        show,
        season,
        episode,
        episode_end,
        title: title.map(|t| headline::trim_quotes(&t).to_string()).filter(|t| !t.is_empty()),
        recap: sections.recap.join("\n\n"),
        review: (!sections.review.is_empty()).then(|| sections.review.join("\n\n")),
        rating,
        url: hint_url.or(url),
        published_at,
    })
}

#[derive(Default)]
struct Sections {
    recap: Vec<String>,
    review: Vec<String>,
    rating: Option<ParsedRating>,
}

/// Recap until the review heading, review until the footer; furniture is
/// skipped everywhere, ratings are picked up everywhere (also in the footer).
fn split_sections(blocks: &[Block]) -> Sections {
    let mut out = Sections::default();
    let (mut in_review, mut in_footer) = (false, false);
    for block in blocks {
        match classify(&block.text) {
            Kind::Rating(r) => {
                out.rating.get_or_insert(r);
            }
            // "Share this Article:" under the headline is a share bar, not the page's end:
            // a footer only follows some of the article.
            Kind::FooterStart => in_footer |= !out.recap.is_empty() || !out.review.is_empty(),
            Kind::Furniture | Kind::RecapHeading => {}
            Kind::ReviewHeading => in_review |= !in_footer,
            Kind::Body if in_footer => {}
            Kind::Body => {
                let text = block.text.trim().to_string();
                if in_review {
                    out.review.push(text);
                } else {
                    out.recap.push(text);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = include_str!("../../tests/data/soundtrack-1-s01e02.txt");
    const SAMPLE_HTML: &str = include_str!("../../tests/data/soundtrack-1-s01e02.html");
    const SAMPLE_MD: &str = include_str!("../../tests/data/soundtrack-1-s01e02.md");

    const FORBIDDEN: [&str; 6] = [
        "Previous Episode",
        "Next Episode",
        "You can read our full season review",
        "Episode Rating",
        "Leave a comment",
        "The Episode Review",
    ];

    #[test]
    fn an_address_names_the_show_a_bare_headline_leaves_out() {
        // tests/corpus/pages/672-dzien-trzeci-e5-pl-naekranie.txt: "recenzje" is the site's
        // reviews section, as "reviews" is elsewhere.
        assert_eq!(
            url_headline("https://naekranie.pl/recenzje/dzien-trzeci-odcinek-5-recenzja")
                .as_deref(),
            Some("dzien trzeci odcinek 5 recenzja")
        );
        // tests/corpus/pages/1047-mandalorian-ch8-respawning.txt: a chapter numbers the slug, so
        // the section folder before it is the site's.
        assert_eq!(
            url_headline(
                "https://respawning.co.uk/films-tv/the-mandalorian-chapter-8-redemption-review/"
            )
            .as_deref(),
            Some("the mandalorian chapter 8 redemption review")
        );
        assert_eq!(
            url_headline("https://cdrama.wiki/301215-a-journey-to-love/episode/10").as_deref(),
            Some("a journey to love episode 10")
        );
        assert_eq!(
            url_headline("https://x.com/2010/07/09/summer%E2%80%99s-desire-episode%C2%A06/")
                .as_deref(),
            Some("summer’s desire episode 6")
        );
        // 436: a reddit thread names its show in the subreddit.
        assert_eq!(
            url_headline("https://r.darrennathanael.com/r/TheExpanse/comments/8gises/episode_discussion_s03e04_reload/dyd4l7y").as_deref(),
            Some("the expanse s03e04 reload")
        );
        assert_eq!(
            url_headline("https://r.genit.al/r/anime/comments/8f6z7l/spoilersrewatch_mahou_shoujo_madokamagica_episode_5/dy1ltgv/").as_deref(),
            Some("mahou shoujo madokamagica episode 5")
        );
        // 042 and 384: a dot inside the slug is not an extension; "s01xe04" is "s01e04".
        assert_eq!(
            url_headline("https://mydramalist.com/article/2013/08/08/masters-sun-ep.-1-recap")
                .as_deref(),
            Some("masters sun ep. 1 recap")
        );
        assert_eq!(
            url_headline("https://www.superpoweredfancast.com/lovecraft-country-s01xe04-review/")
                .as_deref(),
            Some("lovecraft country s01e04 review")
        );
        assert_eq!(
            url_headline("https://example.com/shows/kingdom-episode-3-recap.html").as_deref(),
            Some("kingdom episode 3 recap")
        );
        for bare in ["Episode 4 Recap", "The Episode Recap", "Episode Recap:"] {
            assert!(names_no_show(bare), "{bare}");
        }
        assert!(!names_no_show("Doctor Crush Episode 6"));
        let hints = Hints {
            url: Some("https://cdrama.wiki/301215-a-journey-to-love/episode/10".into()),
            ..Hints::default()
        };
        let page = "Episode 10 recap: Exposure of the Desired Identity.\n\nNing Yuan Zhou used the excuse of wanting to try out the carving knife given by Ruyi.";
        let a = parse_article(page, Format::Text, &hints).expect("a recap");
        assert_eq!((a.show.as_str(), a.season, a.episode), ("A Journey To Love", 1, 10));
        // The address must name the episode the headline names.
        let hints =
            Hints { url: Some("https://cdrama.wiki/a-journey-to-love/episode/11".into()), ..hints };
        assert!(parse_article(page, Format::Text, &hints).is_err());
    }

    /// A page read as if fetched from `url`, as a recap.
    fn parse_at(text: &str, url: &str) -> Article {
        let hints = Hints { url: Some(url.into()), ..Hints::default() };
        parse_article(text, Format::Text, &hints).expect("a recap")
    }

    /// Show, season and episode of a page read as if fetched from `url`.
    fn read_at(text: &str, url: &str) -> (String, u32, u32) {
        let a = parse_at(text, url);
        (a.show, a.season, a.episode)
    }

    fn parse(input: &str, format: Format) -> Article {
        parse_article(input, format, &Hints::default())
            .unwrap_or_else(|e| panic!("parse failed: {e}"))
    }

    fn assert_sample_fields(a: &Article) {
        assert_eq!(a.show, "Soundtrack #1");
        assert_eq!((a.season, a.episode, a.episode_end), (1, 2, None));
        assert_eq!(a.title.as_deref(), Some("Track 2 – A picture is worth a thousand words"));
        assert!(a.recap.starts_with("Episode 2 of Soundtrack #1 begin"), "recap: {}", a.recap);
        assert!(a.recap.ends_with("just starting to understand too."), "recap: {}", a.recap);
        let review = a.review.as_deref().expect("review");
        assert!(review.starts_with("It’s such a shame"), "review: {review}");
        assert!(review.ends_with("Roll on next week’s follow-up!"), "review: {review}");
        for bad in FORBIDDEN {
            assert!(!a.recap.contains(bad), "recap contains {bad:?}");
            assert!(!review.contains(bad), "review contains {bad:?}");
        }
        assert_eq!(a.recap.split("\n\n").count(), 9);
        assert_eq!(review.split("\n\n").count(), 3);
        assert!(!a.recap.contains('<') && !review.contains('<'));
        assert!(!a.recap.contains("**") && !a.recap.contains("]("));
    }

    #[test]
    fn sample_text_exact() {
        let a = parse(SAMPLE, Format::Text);
        assert_sample_fields(&a);
        assert_eq!(a.rating, None);
        assert_eq!(a.url, None);
        assert_eq!(a.published_at, None);
        assert_eq!(parse(SAMPLE, Format::Auto), a);
        assert_eq!(detect_format(SAMPLE), Format::Text);
    }

    #[test]
    fn sample_html_same_fields() {
        assert_eq!(detect_format(SAMPLE_HTML), Format::Html);
        let a = parse(SAMPLE_HTML, Format::Auto);
        assert_sample_fields(&a);
        let text = parse(SAMPLE, Format::Text);
        assert_eq!(a.recap, text.recap);
        assert_eq!(a.review, text.review);
        assert_eq!(a.rating.map(|r| (r.value, r.out_of)), Some((4.0, 5.0)));
        assert_eq!(a.url.as_deref(), Some("https://www.thereviewgeek.com/soundtrack1-s1e2review/"));
        assert_eq!(
            a.published_at.map(|d| d.to_rfc3339()).as_deref(),
            Some("2022-03-23T08:30:00+00:00")
        );
        for bad in [
            "Share this",
            "Related",
            "Loading",
            "Advertisement",
            "thoughts on",
            "Leave a Reply",
            "var ",
            "Home",
        ] {
            assert!(
                !a.recap.contains(bad) && !a.review.as_deref().unwrap().contains(bad),
                "{bad:?} leaked"
            );
        }
    }

    #[test]
    fn sample_markdown_same_fields() {
        assert_eq!(detect_format(SAMPLE_MD), Format::Markdown);
        let a = parse(SAMPLE_MD, Format::Auto);
        assert_sample_fields(&a);
        let text = parse(SAMPLE, Format::Text);
        assert_eq!(a.recap, text.recap);
        assert_eq!(a.review, text.review);
        assert_eq!(a.rating.map(|r| (r.value, r.out_of)), Some((4.0, 5.0)));
        assert_eq!(a.url.as_deref(), Some("https://www.thereviewgeek.com/soundtrack1-s1e2review/"));
        assert_eq!(
            a.published_at.map(|d| d.to_rfc3339()).as_deref(),
            Some("2022-03-23T00:00:00+00:00")
        );
    }

    #[test]
    fn html_h2_after_h1_is_title_and_og_fallbacks() {
        let html = r#"<html><head>
            <meta property="og:title" content="Ignored">
            <meta property="og:url" content="https://example.com/moving-3-4/">
            </head><body><article>
            <h1>Moving Episodes 3 &amp; 4 Recap</h1><h2>Secrets &#8211; and lies</h2>
            <p>Bong-Seok learns to fly.</p><p>Hee-Soo <em>notices</em>.<br>Mi-Hyun worries.</p>
            <h3>Verdict</h3><p>Great double bill.</p>
            <div class="rating"><div>Rating</div><div>★★★★☆</div></div>
            </article></body></html>"#;
        let a = parse(html, Format::Auto);
        assert_eq!(
            (a.show.as_str(), a.season, a.episode, a.episode_end),
            ("Moving", 1, 3, Some(4))
        );
        assert_eq!(a.title.as_deref(), Some("Secrets – and lies"));
        assert_eq!(a.recap, "Bong-Seok learns to fly.\n\nHee-Soo notices. Mi-Hyun worries.");
        assert_eq!(a.review.as_deref(), Some("Great double bill."));
        assert_eq!(a.rating.map(|r| (r.value, r.out_of)), Some((4.0, 5.0)));
        assert_eq!(a.url.as_deref(), Some("https://example.com/moving-3-4/"));
    }

    #[test]
    fn html_headline_from_title_tag_and_json_ld_rating() {
        let html = r#"<!DOCTYPE html><html><head>
            <title>The Glory Season 1 Episode 5 Recap &amp; Review | Drama Site</title>
            <script type="application/ld+json">{"@type":"Review","reviewRating":{"@type":"Rating","ratingValue":"8","bestRating":"10"}}</script>
            </head><body><main><div class="entry-content">
            <p>Dong-Eun moves her next piece.</p>
            <div>Loose text in a div.</div>
            </div></main></body></html>"#;
        let a = parse(html, Format::Html);
        assert_eq!((a.show.as_str(), a.season, a.episode), ("The Glory", 1, 5));
        assert_eq!(a.recap, "Dong-Eun moves her next piece.\n\nLoose text in a div.");
        assert_eq!(a.review, None);
        assert_eq!(a.rating.map(|r| (r.value, r.out_of)), Some((4.0, 5.0)));
        let og = r#"<html><head><meta property="og:site_name" content="Geek Site">
            <meta property="og:title" content="Fargo S05E09 - Geek Site"></head>
            <body><p>Dot escapes.</p><p>Roy does not.</p></body></html>"#;
        let a = parse(og, Format::Auto);
        assert_eq!(
            (a.show.as_str(), a.season, a.episode, a.title.as_deref()),
            ("Fargo", 5, 9, None)
        );
        assert_eq!(a.recap, "Dot escapes.\n\nRoy does not.");
    }

    #[test]
    fn text_double_episode_with_quoted_title_rating_and_metadata() {
        let input = "Recap: Kingdom, Season 1 Episodes 3 & 4, \"The Hunger\"\n\
            Source: <https://example.com/kingdom-1x03>\n\
            Published: 2024-05-01\n\n\
            Short Subtitle Line\n\n\
            The prince heads south.\n\
            The dead rise again.\n\n\
            Our Review:\n\n\
            Tense and bloody.\n\n\
            Rating: 8/10\n\n\
            Share this:\n\nTwitter\n\nLater text that is footer.";
        let a = parse(input, Format::Text);
        assert_eq!(
            (a.show.as_str(), a.season, a.episode, a.episode_end),
            ("Kingdom", 1, 3, Some(4))
        );
        assert_eq!(a.title.as_deref(), Some("The Hunger"));
        assert_eq!(a.recap, "The prince heads south. The dead rise again.");
        assert_eq!(a.review.as_deref(), Some("Tense and bloody."));
        // Ratings are converted to the five-point scale: 8/10 → 4/5.
        assert_eq!(a.rating.map(|r| (r.value, r.out_of)), Some((4.0, 5.0)));
        assert_eq!(a.url.as_deref(), Some("https://example.com/kingdom-1x03"));
        assert_eq!(
            a.published_at.map(|d| d.to_rfc3339()).as_deref(),
            Some("2024-05-01T00:00:00+00:00")
        );
    }

    #[test]
    fn body_numbers_are_not_ratings_and_stray_furniture_is_skipped() {
        let input = "Lovely Runner Episode 12 Recap\n\n\
            Sol is 1/2 of the duo and gives it 4/5 effort.\n\n\
            Advertisement\n\n\
            Sun-Jae sings.\n\n\
            •\n\n\
            Final Thoughts\n\n\
            Sweet.\n\n\
            Click here to read more reviews\n\n\
            Still review.\n\n\
            Next Episode\n\n\
            Footer text.";
        let a = parse(input, Format::Text);
        assert_eq!(a.title, None);
        assert_eq!(a.rating, None);
        assert_eq!(a.recap, "Sol is 1/2 of the duo and gives it 4/5 effort.\n\nSun-Jae sings.");
        assert_eq!(a.review.as_deref(), Some("Sweet.\n\nStill review."));

        // Hard-wrapped text: a wrapped line that happens to start with
        // "next episode" is body text, not the footer.
        let wrapped = "Moving Episode 3 Recap\n\nHee-Soo promises that in the\nnext episode she will fly\nover the school.\n\nMore.";
        let a = parse(wrapped, Format::Text);
        assert_eq!(
            a.recap,
            "Hee-Soo promises that in the next episode she will fly over the school.\n\nMore."
        );
    }

    #[test]
    fn ratings() {
        let r = |s: &str| ratings::parse_value(s, false).map(|p| p.rating);
        let five = |v| Some(CriticRating::new(v, 5.0));
        assert_eq!(r("4/5"), five(4.0));
        assert_eq!(r("8/10"), five(4.0));
        assert_eq!(r("4.5 out of 5"), five(4.5));
        assert_eq!(r("★★★★☆"), five(4.0));
        assert_eq!(r("★★★½"), five(3.5));
        assert_eq!(r("3.5 Stars"), five(3.5));
        assert_eq!(r("4/5 stars"), five(4.0));
        assert_eq!(r("6/5"), None);
        assert_eq!(r("hello"), None);
        let rated = |line: &str| match classify(line) {
            Kind::Rating(p) => Some((p.rating.value, p.display)),
            _ => None,
        };
        assert_eq!(rated("Episode Rating: 4/5"), Some((4.0, "4/5".to_string())));
        assert_eq!(rated("Our rating: 4.5 out of 5"), Some((4.5, "4.5 out of 5".to_string())));
        assert_eq!(rated("Grade: B+"), Some((4.25, "B+".to_string())));
        assert_eq!(rated("Rating: A-"), Some((4.5, "A-".to_string())));
        assert_eq!(rated("Our score: 10/10"), Some((5.0, "10/10".to_string())));
        assert_eq!(classify("Episode Rating"), Kind::Furniture);
        assert_eq!(classify("It was 1/2 good."), Kind::Body);
        assert_eq!(classify("A"), Kind::Body);
    }

    /// filmstories.co.uk/reviews/doctor-who-series-14-episode-2-the-devils-chord-spoiler-filled-review/
    #[test]
    fn a_share_bar_under_the_headline_is_not_the_page_end() {
        let input = "Doctor Who series 14 episode 2 | The Devil’s Chord spoiler-filled review\n\n\
            Doctor Who The Devil's Chord\nShare this Article:\n\n\
            Doctor Who heads off to The Beatles with The Devil’s Chord – and here’s our \
            spoiler-filled review of The Devil’s Chord.\n\n\
            Final warning: this review contains spoilers.\n\n\
            At the UK premiere for Doctor Who season 14, writer and showrunner Russell T Davies \
            took to the stage after a screening of Space Babies and The Devil’s Chord.\n";
        let a = parse(input, Format::Text);
        assert_eq!((a.show.as_str(), a.season, a.episode), ("Doctor Who", 14, 2));
        assert!(a.recap.contains("At the UK premiere"), "{}", a.recap);
    }

    /// tests/corpus/pages/100-sunnyside-s1e3.txt: a short page's rating line sits among the
    /// lines right below the headline, where bylines and breadcrumbs are dropped.
    #[test]
    fn a_spaced_fraction_below_the_headline_is_a_rating_not_a_breadcrumb() {
        let input = "Sunnyside Season 1 Episode 3 Review\n\n\
            Ladies and gentlemen, this was the episode Sunnyside needed to be from Day 1.\n\n\
            Episode Review 8.9 / 10.0";
        let a = parse(input, Format::Text);
        assert_eq!(a.rating.map(|r| r.to_string()).as_deref(), Some("8.9 / 10.0 (4.45/5)"));
    }

    /// tests/corpus/pages/272-wednesday-1x04-fangirlish.txt: no headline line, the first
    /// paragraph opens with the show, its number and the quoted title.
    #[test]
    fn a_paragraph_opening_with_the_show_and_number_names_the_episode() {
        let input = "Wednesday 1×04 “Woe What a Night” takes an ever so slight step away from the \
            series’ central mystery to focus on some more personal dynamics. That’s not to say that \
            the investigation is swept to the side completely.\n\
            So, if you’re here for the mystery, it’s not like you’re going to leave this episode \
            feeling unsatisfied.\n";
        let a = parse(input, Format::Text);
        assert_eq!((a.show.as_str(), a.season, a.episode), ("Wednesday", 1, 4));
        assert_eq!(a.title.as_deref(), Some("Woe What a Night"));
        let sentence = "Just finished watching episode 7 and I just had to do a review on it so \
            here I go!\n\nBefore I watched this episode I remember seeing the preview.\n";
        assert!(parse_article(sentence, Format::Text, &Hints::default()).is_err());
    }

    /// Pages with no headline line that name the show and episode in a sentence of the
    /// opening: tests/corpus/pages/233-last-of-us-e3-newsbreak.txt,
    /// 283-squid-game-s1e3-collider.txt, 281-squid-game-s2e3-whattowatch.txt and
    /// 210-house-of-the-dragon-e4-ru24-net.txt.
    #[test]
    fn a_sentence_of_the_opening_names_the_episode() {
        let pages = [
            (
                " date 2023-01-27 Contains spoilers for \"The Last of Us\" Episode 3 – \"Long Long \
                 Time\" We don't want to call it too soon, but HBO's \"The Last of Us\" may have \
                 just reached its pinnacle. The critically-acclaimed show's third episode is great.\n",
                ("The Last of Us", 1, 3, Some("Long Long Time")),
            ),
            (
                "Editor's note: The following contains spoilers for Squid Game Season 1, Episode 3, \
                 \"The Man With the Umbrella\"Squid Game’s Episode 3 picks up with the players \
                 returning to the game as the camera scrolls over the SUVs carrying them.\n",
                ("Squid Game", 1, 3, Some("The Man With the Umbrella")),
            ),
            (
                " date 2024-12-26 Squid Game season 2 marks the return of Netflix's global \
                 phenomenon.\nHere's a recap of everything that happened in Squid Game season 2 \
                 episode 3.\nThe third episode opens at the harbour. The team are loading onto the \
                 fisherman’s boat and use Gi-hun’s tracker to follow him to the island.\n",
                ("Squid Game", 2, 3, None),
            ),
            (
                "HBO‘s House of the Dragon Episode 4 opens a year after Episode 3, well into \
                 Princess Rhaenyra’s (Milly Alcock) exhaustive tour of the Seven Kingdoms in search \
                 of a husband. Spoilers, but it’s not going well.\n",
                ("House of the Dragon", 1, 4, None),
            ),
            // tests/corpus/pages/732-stranger-things-s2e6-cinemaspot.txt: the episode, then
            // "of" and the show with its season, behind the spoiler warning.
            (
                "Want to hear more from the actors and creators of your favorite shows and films? \
                 Subscribe to The Cinema Spot on YouTube for all of our upcoming interviews!\n\n+ \
                 posts\n\nWarning: Spoilers for episode 6 of Stranger Things season 2 ahead!\n\nThis \
                 episode introduced a turning point for the season, and showed us the conflict.\n",
                ("Stranger Things", 2, 6, None),
            ),
        ];
        for (input, (show, season, episode, title)) in pages {
            let a = parse(input, Format::Text);
            assert_eq!((a.show.as_str(), a.season, a.episode), (show, season, episode), "{input}");
            assert_eq!(a.title.as_deref(), title, "{input}");
        }
    }

    /// The tenth collection: titles the opening names (after the show and its number, before
    /// "the third episode", in 「」 after the number) and a Japanese name in 『』 before its
    /// number.
    #[test]
    fn titles_and_names_the_opening_gives() {
        let pages = [
            // tests/corpus/pages/726-hotd-e5-lifehacker.txt
            (
                " date 2022-09-20 House of the Dragon Episode 5 Recap: Every Storyline, Character \
                 and Easter Egg\n\nHouse of the Dragon‘s mid-season episode was the beginning of \
                 the end in a lot of ways. Here’s what you missed in House of the Dragon Episode 5 \
                 ‘We Light The Way’.\n",
                ("House of the Dragon", 1, 5, Some("We Light The Way")),
            ),
            // tests/corpus/pages/730-succession-s4e3-dailycal.txt
            (
                "Never just nuptials: ‘Succession’ season 4, episode 3 recap\n\nNever trust an HBO \
                 wedding. “Connor’s Wedding,” the third episode in the fourth and final season of \
                 “Succession,” is a deceptively innocent title.\n",
                ("Succession", 4, 3, Some("Connor’s Wedding")),
            ),
            // tests/corpus/pages/741-wakusei-no-samidare-e3-ja-animenian.txt
            (
                "惑星のさみだれ 第3話【アニメのあらすじとネタバレ感想まとめ】祖父の縛り付けは愛ゆえに\n\n\
                 この記事は約7分で読めます。\n\nアニメ『惑星のさみだれ』第3話「騎士と契約」のあらすじと感想を\
                 ネタバレ有りでまとめています。\n",
                ("惑星のさみだれ", 1, 3, Some("騎士と契約")),
            ),
            // tests/corpus/pages/744-bunny-girl-senpai-e3-ja-xn--wdkj4byd.txt
            (
                "シリーズ累計180万部突破の人気作「さくら荘のペットな彼女」でタッグを組んだ鴨志田一と×溝口ケージが\
                 描く、思春期ファンタジーライトノベルをアニメ化した作品『青春ブタ野郎はバニーガール先輩の夢を見ない』。\n\
                 2018年10月6日よりTVアニメの放送が開始しました!\n今回はそんなアニメ『青春ブタ野郎はバニーガール\
                 先輩の夢を見ない』第3話のあらすじ、感想、ネタバレについてまとめてみました!\n",
                ("青春ブタ野郎はバニーガール先輩の夢を見ない", 1, 3, None),
            ),
            // tests/corpus/pages/712-severance-e3-yahoo.txt: a headline without a season, and
            // the opening names the show's season.
            (
                "'Severance' Episode 3 Just Set Us on a Dangerous Path\n\nWell, here we go! As much \
                 as we enjoyed returning to Lumon in the first two episodes of Severance season 2—Kier \
                 knows that it inspired many a fan theory—I'm sure you started to wonder.\n",
                ("Severance", 2, 3, None),
            ),
        ];
        for (input, (show, season, episode, title)) in pages {
            let a = parse(input, Format::Text);
            assert_eq!((a.show.as_str(), a.season, a.episode), (show, season, episode), "{input}");
            assert_eq!(a.title.as_deref(), title, "{input}");
        }
    }

    /// The text saying "episode …, titled “X”" outweighs the headline's own unquoted words
    /// after the number; words that only mention a title stay behind the headline's. A headline
    /// without a title takes a quoted name the opening makes a sentence's subject.
    #[test]
    fn the_text_naming_the_episodes_title_outweighs_a_headline_subtitle() {
        let pages = [
            // tests/corpus/pages/211-house-of-the-dragon-s2e4-mojidelano.txt
            (
                "House of the Dragon Soars in Episode 4: A Dance with Dragons Ignites\n\n\nHouse \
                 of the Dragon\n\nHouse of the Dragon finally delivers the fire and fury fans have \
                 been craving in its spectacular fourth episode, titled “Rook’s Rest.” After \
                 establishing the simmering tensions and political maneuvering, the episode \
                 explodes into a breathtaking dragon battle.\n",
                Some("Rook’s Rest"),
            ),
            // tests/corpus/pages/899-the-penguin-e3-strokeandfill.txt: a verb after the number,
            // and the lede above the headline names the title.
            (
                "Editor’s note: The below recap contains spoilers for The Penguin Episode 3.\nMuch \
                 like a penguin will dodge leopard seals left and right, Colin Farrell‘s Oz Cobb \
                 kept on marching past death in last week’s episode of The Penguin, and now in \
                 Episode 3, titled “Bliss,” the stage has been set for an unholy alliance.\n‘The \
                 Penguin’ Episode 3 Reveals What Happened to Victor’s Family\n\nThe episode \
                 begins with a flashback set on the fateful election night.\n",
                Some("Bliss"),
            ),
            // tests/corpus/pages/893-shogun-e4-animeranku.txt: a quoted title as a sentence's
            // subject.
            (
                "Shogun Episode 4 Recap\n\nShogun has been a powder keg since its premiere \
                 episode. It opens with five daimyos fighting for control of Japan. “The Eightfold \
                 Fence” represents the beginning of the promised conflict.\n",
                Some("The Eightfold Fence"),
            ),
            // tests/corpus/pages/237-last-of-us-e3-splatterpunk.txt
            (
                "The Last of Us Episode 3\n\n“Long Long Time” is an emotionally devastating \
                 seventy-five minutes of television. I thought that I knew what I was in for.\n",
                Some("Long Long Time"),
            ),
            // tests/corpus/pages/1105-the-strain-s1e3-littlemisscritical.txt: the episodes
            // listed before it, a comma inside their quotes, are not the subject.
            (
                "Review: The Strain, Season 1, Episode 3\n\n\nThe Strain started strong with \
                 “Night Zero,” slowed a bit during “The Box,” but began building characters and \
                 storylines in the process, and now “Gone Smoother” continues that progression.\n",
                Some("Gone Smoother"),
            ),
            // tests/corpus/pages/172-love-between-fairy-devil-e12.txt: one quoted word is a
            // character's nickname.
            (
                "Love Between Fairy and Devil – Episode 12 – Recap and Review\n\nI’m going to \
                 keep with my previous naming convention, and “Orchid” is DFQC in Orchid’s body, \
                 and “DFQC” is Orchid in DFQC’s body.\n",
                None,
            ),
            // tests/corpus/pages/611-yuri-on-ice-e9-rare289.txt
            (
                "Yuri on Ice!! Episode 9 Review\n\nHey everyone!! I’m here with another review of \
                 Yuri on Ice!!. Today, we are going to talk about episode 9, also known as “Yuri vs \
                 Yuri! The Horror!! Rostelecom Cup, Free Skate”. As always, if you haven’t watched \
                 the episode yet, I highly suggest you do so.\n",
                Some("Yuri vs Yuri! The Horror!! Rostelecom Cup, Free Skate"),
            ),
            // tests/corpus/pages/1046-mandalorian-ch9-10-somersetsentinel.txt: a character's
            // other name.
            (
                "The Mandalorian Season 2 Episode 1 Review\n\nDin Djarin travels with The Child, \
                 also known as “Baby Yoda” to find other Mandalorians.\n",
                None,
            ),
            // Another episode's title, "the aptly titled", is no claim about this one.
            (
                "Ted Lasso Season 3 Episode 5: Signs\n\nBefore we get into the Jamie Lee-penned \
                 episode (the teamed last season the previous Manchester City episode, the aptly \
                 titled “Man City”) episode, I have to address two prediction failures.\n",
                Some("Signs"),
            ),
        ];
        for (input, title) in pages {
            let a = parse(input, Format::Text);
            assert_eq!(a.title.as_deref(), title, "{input}");
        }
    }

    #[test]
    fn a_list_of_episodes_opening_the_prose_names_the_show() {
        // tests/corpus/pages/778-penguin-e5-7-oratoryprep.txt
        let penguin =
            "Episodes 5, 6, and 7 of The Penguin were very exciting watches, and somehow \
            managed to be big steps up.\n\nThe fifth episode opens with Oz.\n";
        let a = parse(penguin, Format::Text);
        assert_eq!((a.show.as_str(), a.episode, a.episode_end), ("The Penguin", 5, Some(7)));
        // 941-lost-in-translation-column-unleashthefanboy.txt: a column's item mid-sentence.
        let column = "While still holding on to the gravity of what is happening, episodes 15 and \
            16 of Cross Ange were definitely on the light side.";
        assert!(!EPISODE_OF_RE.is_match(column));
    }

    #[test]
    fn a_name_inside_a_sentence_before_its_marker_and_quoted_title() {
        // tests/corpus/pages/831-the-bear-s3e4-joinhiitfactory.txt
        let bear =
            "Alright—is everybody in? The first flashback scene in The Bear Season 3 Episode 4 \
            (“Violet”) is between Carmy and Claire saying cutie-pie shit to each other as “Pearly \
            Dewdrops’ Drops” by the Cocteau Twins plays in the background. What, no Wilco?\n\n\
            Meanwhile, Marcus is back at his mother’s house, stewing in grief.\n";
        let a = parse(bear, Format::Text);
        assert_eq!((a.show.as_str(), a.season, a.episode), ("The Bear", 3, 4));
        assert_eq!(a.title.as_deref(), Some("Violet"));
        // tests/corpus/pages/894-shogun-e4-pixelation.txt
        let shogun =
            "Blackthorne finally did it. He stopped being a \"barbarian\" guest and actually \
            started acting like a samurai. Honestly, Shogun Episode 4, titled \"The Eightfold \
            Fence,\" is the moment the show stops being just a political thriller.\n\nWe pick up \
            right where the tension left off.\n";
        let a = parse(shogun, Format::Text);
        assert_eq!((a.show.as_str(), a.season, a.episode), ("Shogun", 1, 4));
        // 1048-yellowstone-s5e3-zavalaent.txt: "the Yellowstone Ranch in Episode 3" names a place.
        assert_eq!(
            name_before_marker(
                "showed up to the Yellowstone Ranch in Episode 3 (“Tall Drink of Water”), which"
            ),
            None
        );
        // 111-cruel-summer-showrunner-interview.txt: an interview names the episode in passing.
        assert_eq!(name_before_marker("A bombshell has rocked Megan's and Debbie's worlds at the end of Cruel Summer Season 2 Episode 5. It's the latest juicy reveal."), None);
        // tests/corpus/pages/175-frieren-e8-butwhytho.txt: the name's Japanese form in between.
        let h = name_before_marker(
            "But they don’t realize their time is running out as the demons prepare to overthrow \
             the town in Frieren: Beyond Journey’s End (Sōsō no Furīren) Episode 8, “Frieren the \
             Slayer.”",
        )
        .expect("a name");
        assert_eq!((h.show.as_str(), h.episode), ("Frieren: Beyond Journey’s End", 8));
        assert_eq!(h.title.as_deref(), Some("Frieren the Slayer"));
        // "When Episode 4 ends…": a capital that only opens the sentence.
        assert_eq!(name_before_marker("When Episode 4 (“Violet”) ends, Carmy cooks."), None);
    }

    /// Pages of the fifth collection whose text alone names the episode in prose.
    #[test]
    fn prose_names_the_episode_in_spanish_portuguese_and_english() {
        let pages = [
            // tests/corpus/pages/459-supernatural-8x03-pt-supernaturaltentation.txt
            (
                "Segue abaixo a review (revisão) do 3º episódio da 8ª temporada de Supernatural. É \
                 review, então não preciso dizer que tá cheio de spoiler pra quem ainda não \
                 assistiu o episódio. Certo? Lembrando que a review foi feita pelo Séries Maníacos.\n\n\
                 Um episódio comum de Supernatural.\n",
                ("Supernatural", 8, 3),
            ),
            // 424-twinkling-watermelon-e7-movieswithmikey.txt
            (
                "Welcome to the recap and review of Episode 7 of the popular K-drama series, \
                 Twinkling Watermelon. In this episode, we witness unexpected plot twists and \
                 emotional revelations.\n\nEpisode Recap\n\nThe episode begins with Eun-gyeol.\n",
                ("Twinkling Watermelon", 1, 7),
            ),
        ];
        for (input, (show, season, episode)) in pages {
            let a = parse(input, Format::Text);
            assert_eq!((a.show.as_str(), a.season, a.episode), (show, season, episode), "{input}");
        }
        // 398-one-of-us-is-lying-s2e5-pt-atsit.txt: a "read also" link names another recap.
        let linked = "Recapitulamos a série Peacock One of Us Is Lying temporada 2, episódio 5, \
            “Simon Says Ho Ho Ho”, que contém spoilers.\n\nLeia também a recapitulação do \
            episódio 10 de Run On – a importância de ouvir um ao outro\n\nO episódio começa.\n";
        assert!(parse_article(linked, Format::Text, &Hints::default())
            .map_or(true, |a| a.show != "Run On"));
    }

    /// The address of a page of the fifth collection, when its text does not say.
    #[test]
    fn the_address_fills_in_and_judges() {
        let with = |url: &str| Hints { url: Some(url.into()), ..Hints::default() };
        // 434-scream-2x03-es-dedeblog9.txt: a hard-wrapped first line is the text, not a headline.
        let wrapped =
            "Tercera entrega la emitida esta semana por MTV, que nos deja\ncon más lío si \
            cabe sobre el posible nuevo asesino/acosador que tiene a Audrey\nen sus manos.\n";
        let a = parse_article(
            wrapped,
            Format::Text,
            &with("https://dedeblog9.blogspot.com/2016/06/review-scream-2x03.html"),
        )
        .expect("a recap");
        assert_eq!((a.show.as_str(), a.season, a.episode), ("Scream", 2, 3));
        // 439-sparrow-e9-11-discardedmusings.txt: a range in the slug.
        let range = "Episodes 9-11 Recap\n\nAt the site of the exchange, Liu Sanmu is killed.\n";
        let a = parse_article(
            range,
            Format::Text,
            &with("https://discardedmusings.wordpress.com/2016/09/11/sparrow-%E9%BA%BB%E9%9B%80-episodes-9-11-recap/"),
        )
        .expect("a recap");
        assert_eq!((a.show.as_str(), a.episode, a.episode_end), ("Sparrow", 9, Some(11)));
        // 440: "s2e4-2022" is an episode and a year, not a range.
        assert_eq!(
            url_headline(
                "https://athenareviews.co.uk/post/only-murders-in-the-building-s2e4-2022-review"
            )
            .as_deref(),
            Some("only murders in the building s2e4 2022 review")
        );
        // 458-money-heist-1x08-pt-compendionerd.txt: "Sinopse:" names no show; the rating's
        // label is Portuguese.
        let sinopse = "Sinopse:\nTóquio confronta Alison por causa de Rio.\nREVIEW:\nVemos que o \
            vazamento das negociações começa afetar Raquel.\nClassificação Final: 3/5\n";
        let a = parse_article(
            sinopse,
            Format::Text,
            &with("https://compendionerd.com.br/2018/11/09/review-la-casa-de-papel-1x08-episodio-8/amp"),
        )
        .expect("a recap");
        assert_eq!((a.show.as_str(), a.season, a.episode), ("La Casa De Papel", 1, 8));
        assert_eq!(a.rating.map(|r| r.value), Some(3.0));
        // 471-outlander-s6e6-promo-preview-parade.txt: the address says it is a preview.
        let preview = "Season 6’s previous episode, “Give Me Liberty” (which premiered on Sunday, \
            April 3) focused on Jamie’s shifting allegiances from the British crown to the colonists, \
            who are meeting in secret and plotting rebellion.\n";
        let refused = parse_article(
            preview,
            Format::Text,
            &with("https://parade.pages.dev/posts/outlander-season-6-episode-6-promo-preview-what-happens-next-"),
        );
        assert!(matches!(refused, Err(ArticleError::NotARecap(_))), "{refused:?}");
    }

    /// 453-madoka-magica-e7-reddit-rtrace.txt: a rewatch thread's title, its episode title on
    /// the next line, and a schedule of dates that is no list of articles.
    #[test]
    fn a_forum_thread_with_an_episode_title_line() {
        let thread = "r/anime https://myanimelist.net/profile/Sayaka Apr 26 '18\n\n[Spoilers][Rewatch] \
            Mahou Shoujo Madoka☆Magica - Episode 7 Discussion Spoiler\n\nEpisode Title: Can You \
            Face Your True Feelings?\n\nSchedule/previous episode discussion\n\nDate Discussion\n\
            April 20th Episode 1\nApril 21st Episode 2\nApril 22nd Episode 3\nApril 23rd Episode 4\n\
            April 24th Episode 5\n\nKyubey is such a great villain.\n";
        let a = parse(thread, Format::Text);
        assert_eq!((a.show.as_str(), a.episode), ("Mahou Shoujo Madoka☆Magica", 7));
        assert_eq!(a.title.as_deref(), Some("Can You Face Your True Feelings?"));
    }

    /// tests/corpus/pages/162-discovery-of-romance-e7.txt and 200-one-piece-e1063-fandompost.txt:
    /// the title on its own line under the headline.
    #[test]
    fn a_title_line_under_the_headline() {
        let numbered = "Discovery of Romance Episode 7 Recap\n\nEpisode #7: “It is your first \
            crush”\n\nWe start episode 7 recapping the exchange between Kang Tae Ha and Han Yeo \
            Reum.\n";
        assert_eq!(parse(numbered, Format::Text).title.as_deref(), Some("It is your first crush"));
        let quoted = "One Piece Episode #1063 Anime Review\n\n“Luffy is on the Move! A Turning \
            Point of a New Era!”\n\nThe Straw Hats leave Wano and things happen this week.\n";
        assert_eq!(
            parse(quoted, Format::Text).title.as_deref(),
            Some("Luffy is on the Move! A Turning Point of a New Era!")
        );
    }

    /// embraceyourgeeknesseyg.com (the corpus's 966): a spoiler label between the headline and
    /// the quoted title line.
    #[test]
    fn a_spoiler_label_above_the_title_line() {
        let page = "Shrinking S2 E3\n\nSpoilers\n\n“Psychological Something-ism” \n\nShrinking \
            continues to be one of the best shows on Apple TV +. This cast is just extremely \
            strong.\n";
        let a = parse(page, Format::Text);
        assert_eq!((a.show.as_str(), a.season, a.episode), ("Shrinking", 2, 3));
        assert_eq!(a.title.as_deref(), Some("Psychological Something-ism"));
    }

    /// undeadearth.com: the title after the episode's number and a comma on the next line, but
    /// not a sentence that goes on after one.
    #[test]
    fn a_title_after_the_episode_number_and_a_comma() {
        let titled = "The Walking Dead – Season 3, Episode 8\n\nEpisode  8, Made to Suffer\n\n\
            The eighth episode starts with a new group fighting for their survival.\n";
        assert_eq!(parse(titled, Format::Text).title.as_deref(), Some("Made to Suffer"));
        let prose = "The Walking Dead – Season 3, Episode 8\n\nEpisode 8, the group finally \
            splits up and nobody is happy about it at all.\n\nMore happens.\n";
        assert_eq!(parse(prose, Format::Text).title, None);
    }

    /// leurr.com: after "Recap:" the headline's words are the writer's; the text names the title.
    #[test]
    fn a_title_the_text_names_wins_over_a_subtitle_after_recap() {
        let page = "And Just Like That… Season 3, Episode 2 Recap: Of Rats, Romance, and the \
            Rebirth of Self\n\nNew York is once again the main character. And Just Like That… \
            returns with Episode 2 of its third season, titled “The Rat Race,” and the episode \
            does not shy away from metaphor.\n\nMore happens after that.\n";
        assert_eq!(parse(page, Format::Text).title.as_deref(), Some("The Rat Race"));
        // tests/corpus/pages/919-rings-of-power-s2e3-sseditorial.txt: the episode by its ordinal,
        // then its quoted title.
        let page =
            "The Rings of Power Season 2, Episode 3 Recap: Lost in Adaptation\n\nWelcome back \
            one and all as we delve into the third instalment of the three-episode premiere of \
            season two, ‘The Eagle and the Sceptre’. A lot happens here, though, with not \
            entirely promising portents.\n\nMore happens after that.\n";
        assert_eq!(parse(page, Format::Text).title.as_deref(), Some("The Eagle and the Sceptre"));
        // Without a title named in the text, the headline's stands.
        let plain = "Severance Season 2, Episode 3 Recap: Who is Alive?\n\nMark wakes up at \
            Lumon again and nothing is as it was.\n\nMore happens after that.\n";
        assert_eq!(parse(plain, Format::Text).title.as_deref(), Some("Who is Alive?"));
    }

    /// seoulbeats.com and cdramainfo: a sentence or a bare marker where a show's name would be.
    #[test]
    fn a_sentence_opening_or_a_marker_is_no_show() {
        for input in [
            "With Episode 4, all characters begin school with everyone facing difficulties.\n\n\
             Things I Liked:\n",
            "Episode 5 recap: A Night in the Forest: Confronting the True Culprit\n\
             In Episode 5, after confirming the token, Mu Rong Jing He discovers a plot.\n",
        ] {
            let parsed = parse_article(input, Format::Text, &Hints::default());
            assert!(parsed.is_err(), "{input}: {parsed:?}");
        }
    }

    /// A Japanese paragraph has no spaces to count words by; its "。" still ends sentences.
    #[test]
    fn a_japanese_paragraph_is_body_not_a_title() {
        let input = "ぼっち・ざ・ろっく！ 第5話 感想\n\n\
            ぼっちちゃんが初めてライブに出る。バンドのみんなが彼女を待っている。\n";
        let a = parse(input, Format::Text);
        assert_eq!(
            (a.show.as_str(), a.episode, a.title.as_deref()),
            ("ぼっち・ざ・ろっく！", 5, None)
        );
        assert!(a.recap.starts_with("ぼっちちゃんが"), "{}", a.recap);
    }

    #[test]
    fn plain_text_headline_among_site_furniture() {
        let input = "176\nSite Logo\nheader_2022.jpg\nOpinion and Editorial\n\
            Published: Sunday 23rd Jan 2022 by Ryan\n7.0\nStranger Things\n\
            Season 4, Episode 2 Recap\n\nEleven is bullied at her new school.\n\n\
            Hopper is alive.\n";
        let a = parse(input, Format::Auto);
        assert_eq!((a.show.as_str(), a.season, a.episode), ("Stranger Things", 4, 2));
        assert_eq!(a.title, None);
        assert_eq!(a.rating.map(|r| (r.value, r.out_of)), Some((3.5, 5.0)));
        assert_eq!(a.recap, "Eleven is bullied at her new school.\n\nHopper is alive.");

        let forum = "r/StrangeNewWorlds • u/someone • May 19 '22\n\
            Strange New Worlds 1x03 “Ghosts of Illyria” Discussion\n\nUna hides a secret.\n";
        let a = parse(forum, Format::Text);
        assert_eq!((a.show.as_str(), a.season, a.episode), ("Strange New Worlds", 1, 3));
        assert_eq!(a.title.as_deref(), Some("Ghosts of Illyria"));

        let next_line = "The Flash: The Runaway Dinosaur – Review\n(Season 2, Episode 21)\n\n\
            Barry is stuck in the Speed Force.\n\nGrade: B+\n";
        let a = parse(next_line, Format::Text);
        assert_eq!(
            (a.show.as_str(), a.season, a.episode, a.title.as_deref()),
            ("The Flash", 2, 21, Some("The Runaway Dinosaur"))
        );
        assert_eq!(a.rating.map(|r| (r.value, r.out_of)), Some((4.25, 5.0)));

        // A byline or date after the headline is not an episode title.
        let byline = "Moving Episode 3 Recap\nBy Jane Doe\nJanuary 5, 2024\n\nHee-Soo flies.\n";
        let a = parse(byline, Format::Text);
        assert_eq!(a.title, None);
        assert_eq!(a.recap, "Hee-Soo flies.");

        // Vulture-style: the show line above the marker line, the title above both,
        // the rating under a label line.
        let vulture = "The Bear Recap: Sweet Tooth\nThe Bear\nSeason 3 Episode 5\n\
            Editor’s Rating\n4 stars\n\nCarmy opens the restaurant.\n";
        let a = parse(vulture, Format::Text);
        assert_eq!(
            (a.show.as_str(), a.season, a.episode, a.title.as_deref()),
            ("The Bear", 3, 5, Some("Sweet Tooth"))
        );
        assert_eq!(a.rating.map(|r| (r.value, r.out_of)), Some((4.0, 5.0)));
        assert_eq!(a.recap, "Carmy opens the restaurant.");

        // Markdown: the first `#` heading, below site furniture.
        let md = "[Home](/) | [TV](/tv)\n\n# Moving Episodes 3 & 4 Recap\n\nBong-Seok flies.\n";
        let a = parse(md, Format::Auto);
        assert_eq!((a.show.as_str(), a.episode, a.episode_end), ("Moving", 3, Some(4)));
    }

    #[test]
    fn pages_that_are_not_recaps_are_refused() {
        let none = Hints::default();
        let refused = |input: &str| match parse_article(input, Format::Text, &none) {
            Err(ArticleError::NotARecap(reason)) => reason,
            other => panic!("{input:?}: {other:?}"),
        };
        assert_eq!(
            refused("Queen of Tears Episode 7 ratings hit a new high\n\nViewership rose."),
            "news, not a recap"
        );
        assert_eq!(
            refused("Squid Game Season 3 Episode 1 release date and trailer\n\nNetflix says."),
            "news, not a recap"
        );
        assert_eq!(
            refused("The Office Season 3 Episode 1: Every Episode, Ranked\n\nList."),
            "a list of articles"
        );
        assert_eq!(
            refused("The Glory Season 1 Review: Episodes 1-8\n\nA triumph."),
            "a season review"
        );
        let index = "Reviews\nThe Flash Review: Think Fast (Season 4 Episode 22)\nBarry acts.\n\
            Continue Reading\nWestworld Review: The Riddle of the Sphinx (Season 2 Episode 4)\n\
            William visits.\nContinue Reading\n";
        assert_eq!(refused(index), "a list of articles");
        // A recap that talks about ratings is still a recap.
        let recap =
            "Queen of Tears Episode 7 Recap\n\nThe ratings war between the families heats up.";
        assert!(parse_article(recap, Format::Text, &none).is_ok());
    }

    #[test]
    fn markdown_cleanup() {
        let line = |s| markdown_line(s).map(|l| l.text);
        assert_eq!(line("## **Bold** and _em_ and *em*"), Some("Bold and em and em".into()));
        assert_eq!(
            line("See [the site](https://x.y) ![pic](a.jpg)now"),
            Some("See the site now".into())
        );
        assert_eq!(line("---"), None);
        assert_eq!(line("snake_case_name stays"), Some("snake_case_name stays".into()));
        assert_eq!(line("> quoted `code`"), Some("quoted code".into()));
    }

    #[test]
    fn hints_override_and_fill() {
        let hints = Hints {
            show: Some("Soundtrack No. 1".into()),
            season: Some(2),
            episode: Some(3),
            url: Some("https://override.example/".into()),
        };
        let a = parse_article(SAMPLE, Format::Text, &hints).unwrap();
        assert_eq!((a.show.as_str(), a.season, a.episode), ("Soundtrack No. 1", 2, 3));
        assert_eq!(a.url.as_deref(), Some("https://override.example/"));
        assert_eq!(a.title.as_deref(), Some("Track 2 – A picture is worth a thousand words"));

        // Headline without an episode marker: hints supply show + episode.
        let input = "Why everyone is talking about this drama\n\nThe leads finally meet.\n";
        let hints = Hints { show: Some("Moving".into()), episode: Some(7), ..Hints::default() };
        let a = parse_article(input, Format::Text, &hints).unwrap();
        assert_eq!((a.show.as_str(), a.season, a.episode), ("Moving", 1, 7));
        assert_eq!(a.title.as_deref(), Some("Why everyone is talking about this drama"));
        assert_eq!(a.recap, "The leads finally meet.");

        // A long first line becomes body text.
        let long = "Moving opens with a long sentence about flying that is clearly prose, not a headline at all.\n\nMore.";
        let a = parse_article(long, Format::Text, &hints).unwrap();
        assert!(a.recap.starts_with("Moving opens with"));
        assert_eq!(a.title, None);

        // Headline with an episode but no show: the hinted show completes it.
        let hints = Hints { show: Some("Moving".into()), ..Hints::default() };
        let a = parse_article("Episode 5 Recap\n\nText.", Format::Text, &hints).unwrap();
        assert_eq!((a.show.as_str(), a.episode), ("Moving", 5));

        // Hinted episode drops a now-invalid episode_end.
        let hints = Hints { episode: Some(4), ..Hints::default() };
        let a =
            parse_article("Moving Episodes 3 & 4 Recap\n\nText.", Format::Text, &hints).unwrap();
        assert_eq!((a.episode, a.episode_end), (4, None));
    }

    #[test]
    fn errors() {
        let none = Hints::default();
        assert_eq!(parse_article("", Format::Auto, &none), Err(ArticleError::Empty));
        assert_eq!(parse_article(" \n\t\u{a0}\n", Format::Text, &none), Err(ArticleError::Empty));
        assert_eq!(parse_article("abc\0def", Format::Auto, &none), Err(ArticleError::Binary));
        let control: String = "\u{1}\u{2}\u{3}\u{4}\u{5}ab".repeat(20);
        assert_eq!(parse_article(&control, Format::Auto, &none), Err(ArticleError::Binary));
        let long = format!("Top 10 K-dramas of 2024 {}\n\nBody.", "x".repeat(100));
        let err = parse_article(&long, Format::Text, &none).unwrap_err();
        match &err {
            ArticleError::NoHeadline(h) => {
                assert!(h.starts_with("Top 10 K-dramas of 2024") && h.chars().count() <= 81)
            }
            other => panic!("unexpected {other:?}"),
        }
        assert!(err
            .to_string()
            .starts_with("no show/season/episode found in the headline \"Top 10"));
        let list =
            parse_article("Top 10 episodes of Moving Episode 3\n\nBody.", Format::Text, &none);
        assert_eq!(list, Err(ArticleError::NotARecap("a list of articles".into())));
        assert_eq!(list.unwrap_err().to_string(), "not an episode recap: a list of articles");
        assert_eq!(
            parse_article(
                "Moving Episode 3 Recap\n\nPrevious Episode\n\nNext Episode",
                Format::Text,
                &none
            ),
            Err(ArticleError::NoRecapBody)
        );
        assert_eq!(
            parse_article(
                "Moving Episode 3 Recap\n\nThe Episode Review\n\nMeh.",
                Format::Text,
                &none
            ),
            Err(ArticleError::NoRecapBody)
        );
        assert_eq!(
            parse_article("<html><body><p>No heading here</p></body></html>", Format::Html, &none),
            Err(ArticleError::MissingHeadline)
        );
        for e in [
            ArticleError::Empty,
            ArticleError::Binary,
            ArticleError::NoRecapBody,
            ArticleError::MissingHeadline,
        ] {
            assert!(!e.to_string().contains('\n'));
        }
    }

    #[test]
    fn html_headline_from_the_best_source() {
        let page = |head: &str, h1: &str| {
            format!(
                "<html><head>{head}</head><body><article><h1>{h1}</h1>\
                 <p>Bong-Seok learns to fly.</p></article></body></html>"
            )
        };
        let fields = |a: &Article| (a.show.clone(), a.season, a.episode, a.title.clone());
        // A TVEpisode in an @graph, the <h1> without an episode marker.
        let ld = r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"WebPage","name":"Why this week broke my heart"},
            {"@type":"Review","itemReviewed":{"@type":"TVEpisode","name":"Secrets","episodeNumber":5,
             "partOfSeason":{"@type":"TVSeason","seasonNumber":2},"partOfSeries":{"@type":"TVSeries","name":"Moving"}},
             "reviewRating":{"ratingValue":9,"bestRating":10}}]}</script>"#;
        let a = parse(&page(ld, "Why this week broke my heart"), Format::Html);
        assert_eq!(fields(&a), ("Moving".into(), 2, 5, Some("Secrets".into())));
        assert_eq!(a.recap, "Bong-Seok learns to fly.");
        assert_eq!(a.rating.map(|r| (r.value, r.out_of)), Some((4.5, 5.0)));
        // An Article headline.
        let ld = r#"<script type="application/ld+json">[{"@type":"NewsArticle",
            "headline":"Moving Episode 7 Recap &#8211; The Flight"}]</script>"#;
        let a = parse(&page(ld, "Heartbreak on the rooftop"), Format::Html);
        assert_eq!(fields(&a), ("Moving".into(), 1, 7, Some("The Flight".into())));
        // og:title, then <title> without the site's name, when the <h1> has no episode.
        let og = r#"<meta property="og:title" content="Moving Episode 8 Recap">
            <title>Moving Episode 9 Recap | Drama Site</title>"#;
        assert_eq!(fields(&parse(&page(og, "Heartbreak"), Format::Html)).2, 8);
        let title = "<title>Moving Episode 9 Recap | Drama Site</title>";
        assert_eq!(fields(&parse(&page(title, "Heartbreak"), Format::Html)).2, 9);
        // An <h1> that names the episode beats og:title and <title>.
        assert_eq!(fields(&parse(&page(og, "Moving Episode 3 Recap"), Format::Html)).2, 3);
        // Broken JSON-LD is ignored.
        let broken = r#"<script type="application/ld+json">{"@type":"TVEpisode",</script>"#;
        assert_eq!(fields(&parse(&page(broken, "Moving Episode 3 Recap"), Format::Html)).2, 3);
    }

    #[test]
    fn a_fan_fiction_chapter_is_refused_by_what_its_page_says_it_is() {
        // The head and headings of an Archive of Our Own chapter (tests/corpus/html, h004).
        let ao3 = |keywords: &str| {
            format!(
                r#"<!DOCTYPE html><html><head><meta charset="utf-8" />
                <meta name="keywords" content="{keywords}" />
                <meta name="description" content="An Archive of Our Own, a project of the Organization for Transformative Works" />
                <title> Conversations with a Cryptid - Chapter 1 - AMournfulHowlInTheNight - My Hero Academia [Archive of Our Own] </title>
                </head><body><div id="main"><h2 class="title heading">Conversations with a Cryptid</h2>
                <h3 class="title">Chapter 1</h3><div class="userstuff"><p>Midoriya had not planned on meeting a cryptid tonight.</p></div></div></body></html>"#
            )
        };
        let refused = parse_article(
            &ao3("fanfiction, transformative works, otw, fair use, archive"),
            Format::Html,
            &Hints::default(),
        );
        assert_eq!(refused, Err(ArticleError::NotARecap("fan fiction".into())));
        // A recap that talks about fan fiction in its text is still a recap: only the page's
        // own metadata counts.
        let recap = r#"<html><head><meta name="description" content="Moving episode 3 recap">
            </head><body><article><h1>Moving Episode 3 Recap</h1>
            <p>Fans wrote fanfiction about this scene for years. Bong-Seok learns to fly.</p>
            </article></body></html>"#;
        assert_eq!(parse(recap, Format::Html).episode, 3);
    }

    #[test]
    fn deeply_nested_pages_are_refused_on_a_small_stack() {
        let page = |inner: String| {
            format!(
                "<!DOCTYPE html><html><body><article><h1>Moving Episode 3 Recap</h1>{inner}<p>Text.</p></article></body></html>"
            )
        };
        let inputs = [
            page(dom::nested("span", 1_000_000, false)),
            page(dom::nested("div", 5 * 1024 * 1024 / 5, false)),
            page(dom::nested("div", 600_000, true)),
        ];
        for input in inputs {
            let (result, elapsed) = dom::on_small_stack(move || {
                let start = std::time::Instant::now();
                (parse_article(&input, Format::Auto, &Hints::default()), start.elapsed())
            });
            assert_eq!(result, Err(ArticleError::TooDeep(dom::TooDeep::Depth)));
            assert!(elapsed < std::time::Duration::from_secs(10), "{elapsed:?}");
        }
        let msg = ArticleError::TooDeep(dom::TooDeep::Depth).to_string();
        assert_eq!(msg, "the page nests elements more than 512 deep; not an article");
    }

    #[test]
    fn megabytes_of_one_line_or_paragraph_are_read_from_their_opening() {
        let sentence = "Bong-Seok says “Episode 3” is not over, and Episode 3 of Moving goes on. ";
        let lines = vec![sentence; 4 * 1024 * 1024 / sentence.len()];
        let inputs = [
            // One paragraph of hard-wrapped lines, then one line of megabytes.
            (format!("Moving Episode 3 Recap\n\n{}", lines.join("\n")), Format::Text),
            (format!("Moving Episode 3 Recap {}", lines.concat()), Format::Text),
            (
                format!(
                    "<html><head><title>Moving Episode 3 Recap {0}</title></head><body><h1>Moving Episode 3 Recap</h1><p>{0}</p></body></html>",
                    lines.concat()
                ),
                Format::Html,
            ),
        ];
        for (input, format) in inputs {
            let (result, elapsed) = dom::on_small_stack(move || {
                let start = std::time::Instant::now();
                (parse_article(&input, format, &Hints::default()), start.elapsed())
            });
            let article = result.expect("a recap");
            assert_eq!((article.show.as_str(), article.season, article.episode), ("Moving", 1, 3));
            // Cut near the bound (the breaks between its paragraphs come on top).
            assert!(article.recap.len() < MAX_TEXT_BYTES * 11 / 10, "{}", article.recap.len());
            let opening = headline::cut_to(&article.recap, 200);
            assert!(opening.contains("Bong-Seok says"), "{opening}");
            // A stall, not a speed check (the benchmark times the parser); in a release build
            // the first input took 1.2 s before the text was bounded, 0.25 s after.
            assert!(elapsed < std::time::Duration::from_secs(30), "{elapsed:?}");
        }
    }

    #[test]
    fn nesting_below_the_limit_is_read_on_a_small_stack() {
        let depth = dom::MAX_DEPTH - 20;
        let mut inner = String::new();
        for i in 0..depth {
            inner.push_str(&format!("<div><span>Level {i} text.</span>"));
        }
        inner.push_str(&"</div>".repeat(depth));
        let input = format!(
            "<html><body><article><h1>Moving Episode 3 Recap</h1>{inner}</article></body></html>"
        );
        let a = dom::on_small_stack(move || parse_article(&input, Format::Html, &Hints::default()))
            .unwrap();
        let paragraphs: Vec<&str> = a.recap.split("\n\n").collect();
        assert_eq!(paragraphs.len(), depth);
        assert_eq!(paragraphs[0], "Level 0 text.");
        assert_eq!(paragraphs[depth - 1], format!("Level {} text.", depth - 1));
    }

    /// tests/corpus/pages/4254: a headline naming the show and the writer's subtitle, and the
    /// recap's first paragraph opening on its episode in words.
    #[test]
    fn a_paragraph_opening_on_its_episode_numbers_the_recap() {
        let opening: Vec<String> = [
            "Gossip Girl Recap: Double Identity",
            "Episode Two opens with Serena and Blair at a Parisian café.",
        ]
        .map(String::from)
        .to_vec();
        let h = headline_from_body(&opening[0], &opening).expect("a headline");
        assert_eq!((h.show.as_str(), h.episode), ("Gossip Girl", 2));
        let later = ["Gossip Girl Recap: Double Identity", "Blair says episode two was better."];
        assert!(headline_from_body(later[0], &later.map(String::from)).is_none());
    }

    /// tests/corpus/pages/4515: "Hush" is a show's name too, but after a season's marker and the
    /// episode's the dash leads to the episode's title; no show is read from it.
    #[test]
    fn a_title_after_season_and_episode_markers_is_no_show() {
        let line = |s: &str| vec![s.to_string()];
        assert!(marker_then_name(&line("Season 4, Episode 10 - Hush")).is_none());
        // Without the season's marker the name after the dash stands as the show.
        let (h, _) = marker_then_name(&line("Episode 10 - Hush")).expect("a known name");
        assert_eq!((h.show.as_str(), h.episode), ("Hush", 10));
    }

    #[test]
    fn format_detection() {
        assert_eq!(detect_format("<!DOCTYPE html><html></html>"), Format::Html);
        assert_eq!(detect_format("<p>One</p>\n<p>Two</p>"), Format::Html);
        assert_eq!(detect_format("# Show S01E01\n\nText"), Format::Markdown);
        assert_eq!(detect_format("Show S01E01\n\nSome **bold** text"), Format::Markdown);
        assert_eq!(detect_format("Soundtrack #1 – Season 1 Episode 2\n\nText"), Format::Text);
        // An excerpt that kept its headline's emphasis (tests/corpus/pages/4111) is text; a
        // fragment opening on a block is a document.
        let excerpt = "<em>The Last of Us</em> Season 2, Episode 6 Recap\n\nLooking for a recap?";
        assert_eq!(detect_format(excerpt), Format::Text);
        assert_eq!(detect_format("<div>One</div> two"), Format::Html);
    }

    #[test]
    fn dates() {
        let d = |s| parse_date(s).map(|d| d.to_rfc3339());
        assert_eq!(d("2024-05-01T10:00:00+02:00").as_deref(), Some("2024-05-01T08:00:00+00:00"));
        assert_eq!(d("May 1, 2024").as_deref(), Some("2024-05-01T00:00:00+00:00"));
        assert_eq!(d("1 May 2024").as_deref(), Some("2024-05-01T00:00:00+00:00"));
        assert_eq!(d("yesterday"), None);
    }

    /// julesharper.com (the corpus's 961): the address's first words are the writer's; the
    /// last ones, which the page writes, name the show.
    #[test]
    fn the_show_among_an_address_s_last_words() {
        let page = "Part 3 of The Untamed recaps (you can read Eps1-5 here and Eps 6-10 here).\n\n\
            Madame Yu – Yanli and JC’s mum\n\nPlot Summary\n\nJC, WWX and Yanli reunited.\n\n\
            MengYao tells Fanboy Nie, WWX and JC he’s been banished. They are all wtf at Red \
            Blade Master, who refuses to elaborate.\n";
        let url =
            "https://julesharper.com/2021/08/22/the-one-with-the-untamed-recaps-episodes-11-to-17/";
        let a = parse_at(page, url);
        assert_eq!((a.show.as_str(), a.season, a.episode), ("The Untamed", 1, 11));
        assert_eq!(a.episode_end, Some(17));
        assert_eq!(written_tail("what a start doctor", "Doctor Who returns"), None);
    }

    /// Pages of the sixth collection (480–539).
    #[test]
    fn sixth_collection_pages() {
        let with = |url: &str| Hints { url: Some(url.into()), ..Hints::default() };
        // 488-star-trek-discovery-ep5-scifimojo.txt: the quotes end a labelled title run into
        // the credits under it.
        assert_eq!(
            labelled_title("“Choose Your Pain” Story: Aaron Harberts, Gretchen J. Berg").as_deref(),
            Some("Choose Your Pain")
        );
        // 519-hsm-the-series-s01e04-justonemoreep.txt: a French marker and the score ending
        // the line; 213: a score is no title.
        assert_eq!(numbered_title("Épisode 4 – Blocking – 15/20", 4).as_deref(), Some("Blocking"));
        assert_eq!(numbered_title("Episode 4 – 10/10 Episode 5 – 6/10", 4), None);
        // 515-the-last-of-us-s2e5-analise-alangeek.txt: the slug opens with the writer's own
        // words; the show the prose names for the same episode wins.
        let prose = "Tá no ar o quinto episódio da segunda temporada de The Last of Us, que \
            começou bem Good Vibes, desanimador, mas terminou de uma forma sensacional. Vamos \
            comentar sobre ele aqui e se você não viu ainda, se prepara que vai ter spoiler.\n\n\
            Seguindo o padrão do quarto episódio, mais uma vez vimos a Ellie querendo desistir \
            da vingança do Joel.\n";
        let a = parse_article(
            prose,
            Format::Text,
            &with("https://alangeek.com.br/eu-nao-ligo-analise-do-episodio-5-da-segunda-temporada-de-the-last-of-us"),
        )
        .expect("a recap");
        assert_eq!((a.show.as_str(), a.season, a.episode), ("The Last of Us", 2, 5));
        // 493-king-eternal-monarch-ep13-recap-anjalisk96.txt: "Episode 12 ended with a plot
        // twist" in the first paragraph is the episode before the one the address names.
        let paragraph = "Episode 12 ended with a plot twist – looks like the Prime Minister is \
            also on Lee Rim’s side and since she has the scars – she probably was involved in \
            the killing of her counterpart as well. What really happened? Let’s find out.\n\n\
            It looks like Head Court Lady is indeed from the Republic! She was brought to the \
            Kingdom by Lee Gon’s grandfather.\n";
        let a = parse_article(
            paragraph,
            Format::Text,
            &with("https://anjalisk96.wordpress.com/2020/06/06/watch-with-me-the-king-eternal-monarch-ep-13-recap/"),
        )
        .expect("a recap");
        assert_eq!(a.episode, 13);
        // 514-big-little-lies-2x05-critica-mixdeseries.txt: "intitulado "Kill me"".
        let titled = "Crítica: 2×05 de Big Little Lies entrega ótimas atuações\n\n\
            Review do quinto episódio da segunda temporada de Big Little Lies, da HBO, intitulado \
            \"Kill me\".\n\nO novo episódio de Big Little Lies focou sua atenção principalmente em \
            Bonnie e Celeste, e nessa semana o plot principal se desenvolveu bastante.\n";
        let a = parse_article(titled, Format::Text, &Hints::default()).expect("a recap");
        assert_eq!(a.title.as_deref(), Some("Kill me"));
        // 510-agentes-de-shield-capitulo5-critica-guiltybit.txt: "el quinto capítulo de …" in
        // the opening prose.
        let h = headline_from_prose(&[
            "Ya hemos podido ver el quinto capítulo de Agentes de S.H.I.E.L.D. y en GuiltyBit vamos a dale un buen repasito, como de costumbre.".to_string(),
        ])
        .expect("the show and episode");
        assert_eq!((h.show.as_str(), h.episode), ("Agentes de S.H.I.E.L.D", 5));
        // 483-glee-s6e3-recap-hypable.txt: the title the text names over the writer's words
        // after "recap:".
        let glee = "‘Glee’ season 6, episode 3 recap: Becky’s new boyfriend\n\nOn Glee season 6, \
            episode 3, the New Directions cover Carole King and Alanis Morissette. Check out our \
            recap and share your thoughts on “Jagged Little Tapestry.”\n\nTonight’s episode of \
            Glee opens up to Kurt running into Blaine and Dave at the record store.\n";
        let a = parse_article(glee, Format::Text, &Hints::default()).expect("a recap");
        assert_eq!(a.title.as_deref(), Some("Jagged Little Tapestry"));
        // 511-gotham-1x22-resena-elblogdebatman.txt: a quoted line for a headline, the show
        // and episode only in the address.
        let quoted = "\"All Happy Families Are Alike\"\nGuión: Bruno Heller.\nDirección: Danny \
            Cannon.\n¡Finalmente llegó el día! Concluye la primera temporada de “Gotham”, y lo \
            hace en ámbitos de una guerra entre familias.\n";
        let a = parse_article(
            quoted,
            Format::Text,
            &with(
                "http://www.elblogdebatman.com/2015/05/resena-gotham-1x22-all-happy-families.html",
            ),
        )
        .expect("a recap");
        assert_eq!(
            (a.show.as_str(), a.season, a.episode, a.title.as_deref()),
            ("Gotham", 1, 22, Some("All Happy Families Are Alike"))
        );
        // 497-god-of-study-ep10-nokchaicecream.txt: a caption taken for the headline, and
        // "Episode 10 Recap" on a line of its own under it; the address names the show.
        let caption = "Hyun-jung’s last time depending on Baek-hyun.\nThis episode was a clean \
            finish for the Baek-Jung storyline. After this I think the drama can move much \
            faster.\n\nEpisode 10 Recap\n\nWe start back up with Baek-Pul. Baek-hyun brings his \
            face a little closer to Pul-ip’s, and right as he’s about to leave she runs.\n";
        let a = parse_article(
            caption,
            Format::Text,
            &with("https://nokchaicecream.wordpress.com/2010/06/15/god-of-study-episode-10/"),
        )
        .expect("a recap");
        assert_eq!((a.show.as_str(), a.episode), ("God Of Study", 10));
        // 505-cage-of-love-ep32-34-deerdrama.txt: a run of three numbers.
        assert!(url_headline("https://deerdrama.com/2015/06/16/the-cage-of-love-episode-32-33-34-review-summary-and-highlight/")
            .is_some_and(|h| h.contains("32–34")));
        // 516-medium-05x04-smiletic.txt: a marker ending the slug is no trailing id.
        assert_eq!(
            url_headline("https://smiletic.com/2009/08/02/medium-about-last-night-05x04/")
                .as_deref(),
            Some("medium about last night 05x04")
        );
        // 519-hsm-the-series-s01e04-justonemoreep.txt: the line numbering and naming the
        // episode, run into the text below it, carries the writer's score.
        let scored = "High School Musical: The Musical: The Series – S01E04\n\nÉpisode 4 – \
            Blocking – 15/20\nJe n’ai pas bien aimé la chanson originale de cet épisode, mais la \
            reprise était plutôt fun, ce qui fait que ça passait bien.\n";
        let a = parse_article(scored, Format::Text, &Hints::default()).expect("a recap");
        assert_eq!(a.title.as_deref(), Some("Blocking"));
        assert_eq!(a.rating.map(|r| (r.value, r.out_of)), Some((3.75, 5.0)));
        assert!(a.recap.starts_with("Je n’ai pas bien aimé"), "{}", a.recap);
    }

    /// Addresses of the seventh collection (540–599).
    #[test]
    fn seventh_collection_addresses() {
        let u = |url: &str| url_headline(url).and_then(|t| parse_headline(&t));
        let sse = |url: &str| u(url).map(|h| (h.show, h.season, h.episode, h.episode_end));
        // 577: a range of episodes ending the slug is no id to drop.
        assert_eq!(
            sse("https://reeltastesandtravels.com/2025/07/22/ski-into-love-eps-15-16/?query-1-page=10"),
            Some(("ski into love".into(), 1, 15, Some(16)))
        );
        // 544: the season's number before "temporada".
        assert_eq!(
            sse("https://magofilmes.blogspot.com/2016/02/the-walking-dead-6-temporada-episodio-9.html?m=1"),
            Some(("the walking dead".into(), 6, 9, None))
        );
        // ("episode-5-season-7" and "episodio-3-temporada-2" keep their order.)
        assert_eq!(
            sse("https://www.baltimoresun.com/entertainment/tv/bs-fe-game-of-thrones-episode-5-season-7-story.html")
                .map(|h| (h.1, h.2)),
            Some((7, 5))
        );
        assert_eq!(
            url_headline("https://example.com/x-episodio-3-temporada-2").as_deref(),
            Some("x episodio 3 temporada 2")
        );
        // 549: "index.php" is no word of the slug.
        assert_eq!(
            sse("https://nerdenthum.de/index.php/2020/11/09/umbrella-academy-staffel-02-folge-01"),
            Some(("umbrella academy".into(), 2, 1, None))
        );
        // 567: a Korean page opening with the show, its episode and a particle, in prose.
        let korean = "사랑은 외나무 다리에서 5회에서는 여러 흥미로운 요소가 포함되어 있지만, 전반적으로 \
            스토리 전개가 다소 아쉬운 느낌을 줍니다. 이 회차에서는 석지원과 윤지원의 관계에 대한 새로운 \
            전개와 함께 친구 차지혜의 복잡한 행동이 중심이 됩니다.\n이야기는 석지원이 다락방에서 과거 \
            연애 시절의 사진과 편지를 발견하는 장면으로 시작됩니다.\n";
        let a = parse_article(korean, Format::Text, &Hints::default()).expect("a recap");
        assert_eq!((a.show.as_str(), a.episode), ("사랑은 외나무 다리에서", 5));
        // 581: "recaps-" opening the slug is a label.
        assert_eq!(
            sse(
                "https://catatan-jejak.blogspot.com/2012/06/recaps-time-slip-dr-jin-episode-9.html"
            ),
            Some(("time slip dr jin".into(), 1, 9, None))
        );
    }

    /// The eleventh collection's titles (pages 771–830): named without quotes after "titled",
    /// or quoted after the show and a season×episode number.
    #[test]
    fn titles_named_without_quotes_or_after_a_season_and_episode() {
        // tests/corpus/pages/789-andor-e8-thedigitalfix.txt
        let page = "Andor episode 8 review: a chance to catch your breath\n\n\
            While Andor episode 7 was something of a stand-alone instalment in the sci-fi series, \
            episode 8 sparks a new three-part arc.\n\n\
            This episode, titled Narkina 5, may not be the most action-packed but it excels in \
            establishing the journey ahead.\n\n\
            There are lots of moving parts this week. After Andor was arrested in the previous \
            episode, he is deported from Niamos and sent to Narkina 5.\n";
        let a = parse(page, Format::Text);
        assert_eq!((a.show.as_str(), a.episode), ("Andor", 8));
        assert_eq!(a.title.as_deref(), Some("Narkina 5"));
        // tests/corpus/pages/771-walking-dead-8x10-bleedingcool.txt: a subtitle after "Review:"
        // gives way to the title quoted after "The Walking Dead Episode 8×010".
        let page = "The Walking Dead Season 8, Episode 10 Review: Depressingly on Point\n\n\
            We’re back once again with another edition of our weekly recap of AMC‘s The Walking \
            Dead Season 8; we’re back to the main action in a big way.\n\n\
            The Walking Dead Episode 8×010 ‘The Lost and the Plunderers’: Groups unite their \
            forces and converge on the Hilltop; Aaron and Enid search for allies.\n\n\
            The show’s mid-season finale saw Rick and his coalition beaten pretty hard but still \
            not broken.\n";
        let a = parse(page, Format::Text);
        assert_eq!((a.season, a.episode), (8, 10));
        assert_eq!(a.title.as_deref(), Some("The Lost and the Plunderers"));
        // tests/corpus/pages/776-slow-horses-e3-de-cmob.txt: a German paragraph opening with the
        // name in quotes, glued to the marker.
        let page =
            "„Slow Horses“-Episode 3 beginnt mitten in mehreren Krisen, die sich alle in den \
            ersten beiden Folgen entzündet haben. River Cartwright macht sich Sorgen um seinen \
            Kollegen Sid Baker.\nDie Folge beginnt mit Min und Louisa in der Kneipe, die sich die \
            Nachricht von Hassan Ahmeds Entführung ansehen.\n";
        let a = parse(page, Format::Text);
        assert_eq!((a.show.as_str(), a.season, a.episode), ("Slow Horses", 1, 3));
        // No title from a thing the recap says is titled, outside the episode's sentence.
        let page = "Andor episode 8 review\n\n\
            Cassian reads a book, titled Rebels, then sleeps. The episode is slow.\n\n\
            There are lots of moving parts this week, and the prison is grim.\n";
        assert_eq!(parse(page, Format::Text).title, None);
    }

    /// tests/corpus/pages/844-hotd-e3-when-to-watch-bolavip.txt: a lede that names the episode,
    /// then the page's own headline saying when and how to watch it.
    #[test]
    fn the_own_headline_below_a_lede_says_what_the_page_is() {
        let none = Hints::default();
        let page = " date 2022-09-03 The third episode of House of the Dragon, the prequel series for Games of Thrones, will be released soon. Here, check out when and how to watch or stream it.\n\nHouse of The Dragon: When and how to watch or stream Episode 3 of Season 1\n\nThe Games of Thrones’ prequel, House of the Dragon, premiered with the right foot and, so far, fans and critics agree that the series is a worthy successor.";
        let refused = parse_article(page, Format::Text, &none);
        assert!(matches!(refused, Err(ArticleError::NotARecap(_))), "{refused:?}");
        // A lede over a recap's own headline still imports.
        let page = "The third episode of House of the Dragon is the best yet, and it is not even close.\n\nHouse of the Dragon Episode 3 Recap\n\nRhaenyra rides out.";
        let h = parse_article(page, Format::Text, &none).expect("a recap");
        assert_eq!(h.episode, 3);
    }

    /// The twelfth collection's titles (pages 831–890): quoted right after the episode's number
    /// in the text, over no title or over the writer's words after "Review," in the headline.
    #[test]
    fn a_quoted_title_after_the_number_in_the_text() {
        let none = Hints::default();
        // tests/corpus/pages/846-yellowjackets-e6-meaww.txt
        let page = "'Yellowjackets' Episode 6 Review: Taissa shows her dark side in engrossing chapter\nContains spoilers for 'Yellowjackets' Episode 6 'Saints'\n'Yellowjackets' starts off the second half by showcasing the dark side of the characters.";
        let a = parse_article(page, Format::Text, &none).expect("a recap");
        assert_eq!(a.title.as_deref(), Some("Saints"));
        // tests/corpus/pages/863-loki-s2e4-jweasytech.txt
        let page = "Loki season 2 episode 4 review: Fixing the system\n\nLast week, Loki season 2 episode 3 Loki season 2 embraced the series’ more adventurous and wacky side with a little trip to ‘1893’ that felt both fresh and kind of messy. With episode 4 – ‘Heart of the TVA’ – things are back on track… until they literally aren’t.";
        let a = parse_article(page, Format::Text, &none).expect("a recap");
        assert_eq!(a.title.as_deref(), Some("Heart of the TVA"));
        // tests/corpus/pages/856-jjk-s2e16-esportsnews247.txt
        let page = "Jujutsu Kaisen Season 2 Episode 16 Review, Ratings, Key Points, Analysis And Impression\n\n20 hours ago By AI Smith\n\nIn the latest Jujutsu Kaisen Season 2 episode, the much-awaited clash between Toji Fushiguro and Megumi takes the spotlight. Titled “Thunderclap,” this sixteenth episode, premiering on November 9, 2023, delivers a cinematic experience.";
        let a = parse_article(page, Format::Text, &none).expect("a recap");
        assert_eq!(a.title.as_deref(), Some("Thunderclap"));
    }

    /// The fifteenth collection's titles (pages 1011–1070): a title the text says is the
    /// episode's over the writer's words after "Recap:", and one episode's heading in a range
    /// recap.
    #[test]
    fn titles_the_text_names_as_such() {
        let none = Hints::default();
        // tests/corpus/pages/1024-succession-s3e4-plex.txt
        let page = "Succession Season 3 Episode 4 Recap: Sometimes the Quick Way Takes Longer\n\nFriends and fellow Roy Family Downfall enthusiasts, we are back with another recap of Succession. The title of last night’s episode was “Lion in the Meadow,” and the theme of today’s recap is “sweating” because that hour of television had me STRESSED.";
        let a = parse_article(page, Format::Text, &none).expect("a recap");
        assert_eq!(a.title.as_deref(), Some("Lion in the Meadow"));
        // tests/corpus/pages/1052-abbott-elementary-s2e1-3-theenvoyweb.txt
        let page = "Abbott Elementary season 2 episodes 1, 2 & 3 recaps & review\n\nAbbott Elementary enters into its sophomore season with the same vibrant and comfortable humour as the original.\n\nEpisode 1 recap: Development Day\n\nAbbott Elementary season 2 premiere kicks off with Janine driving to the school.";
        let a = parse_article(page, Format::Text, &none).expect("a recap");
        assert_eq!((a.episode, a.episode_end), (1, Some(3)));
        assert_eq!(a.title.as_deref(), Some("Development Day"));
    }
    /// tests/corpus/pages/1019-greys-anatomy-s8e4-hollywood.txt: a headline with the show and
    /// no number, and a line under it with the show and the marker glued together.
    #[test]
    fn the_marker_on_a_line_under_a_headline_without_one() {
        let page = "‘Grey’s Anatomy’ Recap: Loss, Love and Legacy\n\n\ngrey's anatomyS8E4: Last week on Grey’s Anatomy, we had a little break from the women and got to see what our hunky male doctors were up to.";
        let a = parse_article(page, Format::Text, &Hints::default()).expect("a recap");
        assert_eq!((a.show.as_str(), a.season, a.episode), ("Grey’s Anatomy", 8, 4));
        assert_eq!(a.title, None);
    }
    /// tests/corpus/pages/1020-rhoa-s9e13-straightfromthea.txt: the title named in the lede
    /// above the headline.
    #[test]
    fn a_title_named_in_the_lede_above_the_headline() {
        let page = " date 2017-02-13 The Real Housewives of Atlanta bumped heads with the Grammy Awards as they aired the 13th episode of the 9th season last night (February 12, 2017).\n\nThis week’s episode is titled “If These Woods Could Talk” as the ‘housewives’ continue their ‘glamping’ trip alongside several friends.\n\nBravo synopsis:\n\nThe ladies finally reach the woods of Georgia for a fabulous weekend of “glamping,” but are shocked to learn that they’ll be spending their first night sleeping in tents.\n\nRead recap + watch full episode below…\n\nVIDEO: The Real Housewives of Atlanta S9 Ep13\n\nPot meet kettle…\n\nMarlo gets the party started by going in on her former friend, Kenya.";
        let a = parse_article(page, Format::Text, &Hints::default()).expect("a recap");
        assert_eq!((a.season, a.episode), (9, 13));
        assert_eq!(a.title.as_deref(), Some("If These Woods Could Talk"));
    }

    /// Pages of the fifty-eighth to sixtieth collections, read blind, and what they showed: a
    /// known show that reads like a sentence's start ("This is Us"), a slash inside an anime
    /// blog's headline (no breadcrumb), a run of episodes listed with middle dots over the first
    /// one's heading, an air date's label run into the episode title's.
    #[test]
    fn pages_from_the_fifty_eighth_to_sixtieth_collections() {
        let page = |text: &str| parse(text, Format::Text);
        let a = page(include_str!(
            "../../tests/corpus/pages/3231-this-is-us-s1e16-memphis-mylifemyfavorites.txt"
        ));
        assert_eq!(
            (a.show.as_str(), a.episode, a.title.as_deref()),
            ("This is Us", 16, Some("Memphis"))
        );
        let a =
            page(include_str!("../../tests/corpus/pages/3219-shingeki-no-kyojin-e5-mikomi.txt"));
        assert_eq!((a.show.as_str(), a.season, a.episode), ("Shingeki no Kyojin", 1, 5));
        let a = page(include_str!(
            "../../tests/corpus/pages/3291-story-of-lu-zhen-e8-12-sseikatsu.txt"
        ));
        assert_eq!((a.show.as_str(), a.episode, a.episode_end), ("後宮の涙", 8, Some(12)));
        let a = page(include_str!(
            "../../tests/corpus/pages/3186-the-punisher-s1e13-channelsuperhero.txt"
        ));
        assert_eq!(
            (a.show.as_str(), a.episode, a.title.as_deref()),
            ("The Punisher", 13, Some("Memento Mori"))
        );
        let a =
            page(include_str!("../../tests/corpus/pages/3183-luke-cage-s1e7-graphicpolicy.txt"));
        assert_eq!(a.show, "Luke Cage");
        assert_eq!(a.rating.and_then(|r| r.display).as_deref(), Some("8.35"));
    }

    /// The sixty-first to sixty-third collections' pages, read blind: a quoted title before the
    /// show (pages/3311, 3325), five asterisks after "Review" (3312), Japanese previews that say
    /// the episode is still to air (3360) or that the one before it has aired (3041), and a
    /// Korean ratings record beside the headline (3361).
    #[test]
    fn pages_from_the_sixty_first_to_sixty_third_collections() {
        let page = |text: &str| parse(text, Format::Text);
        let a = page(include_str!(
            "../../tests/corpus/pages/3311-better-call-saul-s4e8-coushatta-hotcorn.txt"
        ));
        assert_eq!((a.show.as_str(), a.title.as_deref()), ("Better Call Saul", Some("Coushatta")));
        let a = page(include_str!(
            "../../tests/corpus/pages/3312-game-of-thrones-s6e9-battle-of-the-bastards-critics-associated.txt"
        ));
        assert_eq!(a.title.as_deref(), Some("The Battle of the Bastards"));
        assert_eq!(a.rating.map(|r| (r.value, r.out_of)), Some((5.0, 5.0)));
        let refused = |text: &str| match parse_article(text, Format::Text, &Hints::default()) {
            Err(ArticleError::NotARecap(reason)) => reason,
            other => panic!("not refused: {other:?}"),
        };
        assert_eq!(
            refused(include_str!(
                "../../tests/corpus/pages/3360-not-recap-mitazono-e6-broadcast-preview-mdpr.txt"
            )),
            refusal::PREVIEW
        );
        assert_eq!(
            refused(include_str!(
                "../../tests/corpus/pages/3041-not-recap-gosaigyo-e8-preview-concern-news.txt"
            )),
            refusal::PREVIEW
        );
        assert_eq!(
            refused(include_str!(
                "../../tests/corpus/pages/3361-not-recap-queen-of-housewives-e12-ratings-ko-joynews24.txt"
            )),
            refusal::NEWS
        );
        // A marker alone over the text, the show in the address (pages/3393), and the rating
        // in asterisks under it.
        let hints = Hints {
            url: Some(
                "https://michaelgmunz.com/farscape-rewatch-crackers-dont-matter-spoilers/".into(),
            ),
            ..Hints::default()
        };
        let text = include_str!("../../tests/corpus/pages/3393-farscape-s2e4-michaelgmunz.txt");
        let a = parse_article(text, Format::Text, &hints).expect("a recap");
        assert_eq!((a.show.as_str(), a.season, a.episode), ("Farscape", 2, 4));
        assert_eq!(a.rating.map(|r| r.value), Some(4.5));
        // A verdict as its own short paragraph near the top (pages/3504).
        let a =
            page(include_str!("../../tests/corpus/pages/3504-outlander-s1e7-fantasyismorefun.txt"));
        assert_eq!(a.rating.map(|r| r.value), Some(4.5));
        // The same news of a recap's episode says it has aired (pages/3403).
        let a = page(include_str!("../../tests/corpus/pages/3403-unmet-e4-kyodo.txt"));
        assert_eq!(a.episode, 4);
    }

    /// A photo credit is furniture, not a headline; a headline glued onto a breadcrumb and cut
    /// short gives way to its whole copy on the next line, while a copy that only lacks "The"
    /// does not replace the headline.
    #[test]
    fn photo_credits_and_breadcrumbs_glued_onto_a_cut_headline() {
        let page = |text: &str| parse(text, Format::Text);
        let a = page(include_str!("../../tests/corpus/pages/1117-squid-game-s2e4-avclub.txt"));
        assert_eq!((a.show.as_str(), a.season, a.episode), ("Squid Game", 2, 4));
        let a = page(include_str!("../../tests/corpus/pages/1187-omitb-e5-thepopbreak.txt"));
        assert_eq!((a.show.as_str(), a.season, a.episode), ("Only Murders in the Building", 1, 5));
        let a = page(include_str!("../../tests/corpus/pages/068-walking-dead-s7e8.txt"));
        assert_eq!(
            (a.show.as_str(), a.title.as_deref()),
            ("The Walking Dead", Some("Hearts Still Beating"))
        );
    }

    /// tests/corpus/pages/2531-doctor-who-s8e4-stevepalmer.txt: the headline's "Listen" is the
    /// title, though the text names an older episode "entitled: ‘Blink’" (it says Listen too);
    /// "five star" under the headline is the rating. 2504-walking-dead-s3e4-archive-popkaiture.txt
    /// writes "Walking Dead", the show every list calls The Walking Dead.
    #[test]
    fn a_headline_title_the_text_repeats_and_a_rating_in_words() {
        let a = parse(
            include_str!("../../tests/corpus/pages/2531-doctor-who-s8e4-stevepalmer.txt"),
            Format::Text,
        );
        assert_eq!((a.show.as_str(), a.season, a.episode), ("Doctor Who", 8, 4));
        assert_eq!(a.title.as_deref(), Some("Listen"));
        assert_eq!(a.rating.map(|r| r.to_string()).as_deref(), Some("five star (5/5)"));
        let a = parse(
            include_str!("../../tests/corpus/pages/2504-walking-dead-s3e4-archive-popkaiture.txt"),
            Format::Text,
        );
        assert_eq!((a.show.as_str(), a.season, a.episode), ("The Walking Dead", 3, 4));
    }

    /// tests/corpus/pages/2508-not-recap-monthly-archive-spookycupboard.txt: a month's posts,
    /// each a teaser cut short by "... Continue Reading →", the first a review of an episode.
    #[test]
    fn teasers_cut_short_by_their_links_are_a_list() {
        let page = include_str!(
            "../../tests/corpus/pages/2508-not-recap-monthly-archive-spookycupboard.txt"
        );
        let refused = parse_article(page, Format::Text, &Hints::default());
        assert_eq!(refused, Err(ArticleError::NotARecap("a list of articles".into())));
    }

    /// tests/corpus/pages/2606-not-recap-house-of-the-dragon-e9-trailer-gadgets360.txt: a page
    /// with no headline whose first sentence is "House of the Dragon episode 9 trailer is out."
    #[test]
    fn a_lede_announcing_an_episodes_trailer_is_news() {
        let page = include_str!(
            "../../tests/corpus/pages/2606-not-recap-house-of-the-dragon-e9-trailer-gadgets360.txt"
        );
        let refused = parse_article(page, Format::Text, &Hints::default());
        assert_eq!(refused, Err(ArticleError::NotARecap(refusal::NEWS.into())));
    }

    /// The forty-sixth to forty-eighth collections: FanFare's date and time before the marker
    /// (2625), a site's "Unnie Recap:" before the known show (2697), a known name and the
    /// writer's sentence about it (2670), stars after a line under the headline (2653), an
    /// image's slug standing as the headline (1427).
    #[test]
    fn forty_sixth_to_forty_eighth_collection_pages() {
        let page = |text: &str| parse(text, Format::Text);
        let a =
            page(include_str!("../../tests/corpus/pages/2625-buffy-s2e7-fanfare-metafilter.txt"));
        assert_eq!((a.season, a.episode), (2, 7));
        let a = page(include_str!(
            "../../tests/corpus/pages/2697-rookie-historian-goo-hae-ryung-e11-12-unnietotherescue.txt"
        ));
        assert_eq!(
            (a.show.as_str(), a.episode, a.episode_end),
            ("Rookie Historian Goo Hae-Ryung", 11, Some(12))
        );
        let a = page(include_str!("../../tests/corpus/pages/2670-shadowhunters-s2e7-scifi4me.txt"));
        assert_eq!((a.show.as_str(), a.season, a.episode), ("SHADOWHUNTERS", 2, 7));
        let a = page(include_str!("../../tests/corpus/pages/2653-x-files-s1e10-moviegeekblog.txt"));
        assert_eq!(a.rating.map(|r| ratings::to_five(r).value), Some(3.5));
        let a = page(include_str!("../../tests/corpus/pages/1427-chainsaw-man-e7-gamezxc.txt"));
        assert_eq!((a.show.as_str(), a.episode), ("Chainsaw Man", 7));
        // The forty-eighth: "Reseña del capítulo 7 de kimetsu no yaiba" (2665), and an image's
        // caption in brackets above the text (2696).
        let a =
            page(include_str!("../../tests/corpus/pages/2665-kimetsu-no-yaiba-e7-es-sekaina.txt"));
        assert_eq!((a.show.as_str(), a.episode), ("Kimetsu no Yaiba", 7));
        // The forty-sixth: the headline again under itself, with the title quoted (2597).
        let a =
            page(include_str!("../../tests/corpus/pages/2597-peacemaker-e5-geeksgonnageek.txt"));
        assert_eq!((a.episode, a.title.as_deref()), (5, Some("Monkey Dory")));
        // The fifty-first: an anime's name and a pair of bare numbers (2816).
        let a = page(include_str!("../../tests/corpus/pages/2816-sarazanmai-e4-5-chigaijin.txt"));
        assert_eq!((a.show.as_str(), a.episode, a.episode_end), ("Sarazanmai", 4, Some(5)));
        let caption = "[Header Image: Kelly McCormack as Zeph, Thom Allison as Pree, Mayko Nguyen as Delle Seyah Kendry | Syfy/Space]";
        assert!(opening::is_furniture_line(caption));
        // The forty-seventh: a copyright line and its Korean credit line above the recap
        // (2635-love-rain-e3-loverain2012.txt) name no show.
        assert!(opening::is_furniture_line("© copyright: Sasha"));
        assert!(opening::is_furniture_line("크레딧: KBS  & Yoon's Color"));
        // The forty-fourth: the writer's stars closing the title line under the headline
        // (2479-persona-5-the-animation-e9-pilangel.txt) are the rating.
        let a = page(include_str!(
            "../../tests/corpus/pages/2479-persona-5-the-animation-e9-pilangel.txt"
        ));
        assert_eq!(a.title.as_deref(), Some("Reloj de dama de operación"));
        assert_eq!(a.rating.map(|r| ratings::to_five(r).value), Some(2.5));
    }

    /// Each real page reads as the show, season and episode given with it.
    fn assert_reads(pages: &[(&str, (&str, u32, u32))]) {
        for (page, expected) in pages {
            let a = parse(page, Format::Text);
            assert_eq!((a.show.as_str(), a.season, a.episode), *expected);
        }
    }

    /// A known show's name with a site's or writer's words around it in the headline:
    /// tests/corpus/pages/289-game-of-thrones-s8e2-fantasy-faction.txt,
    /// 687-game-of-thrones-s5e3-thereviewcourt.txt, 1235-sousou-no-frieren-e1-movieclipstrailer.txt
    /// and 085-slime-e3.txt.
    #[test]
    fn words_around_a_known_name_are_not_the_show() {
        let pages = [
            (
                include_str!(
                    "../../tests/corpus/pages/289-game-of-thrones-s8e2-fantasy-faction.txt"
                ),
                ("Game of Thrones", 8, 2),
            ),
            (
                include_str!(
                    "../../tests/corpus/pages/687-game-of-thrones-s5e3-thereviewcourt.txt"
                ),
                ("Game of Thrones", 5, 3),
            ),
            (
                include_str!(
                    "../../tests/corpus/pages/1235-sousou-no-frieren-e1-movieclipstrailer.txt"
                ),
                ("Sousou no Frieren", 1, 1),
            ),
            (
                include_str!("../../tests/corpus/pages/085-slime-e3.txt"),
                ("That Time I Got Reincarnated as a Slime", 1, 3),
            ),
        ];
        assert_reads(&pages);
        // The page's own spelling is kept; the gazetteer only says where the name ends.
        assert_eq!(gazetteer_name("Twin Peaks Newbie").as_deref(), Some("Twin Peaks"));
        // The writer's title, a dash, then the show (1929-itaewon-class-e9-inasianspaces.txt);
        // a sentence's worth of words before a name (1642-chicago-fire-s12e3-scpsmag.txt).
        assert_eq!(
            gazetteer_name("La Dolce Vita – Itaewon Class").as_deref(),
            Some("Itaewon Class")
        );
        assert_eq!(
            gazetteer_name("Unraveling The Intense Moments In Chicago Fire").as_deref(),
            Some("Chicago Fire")
        );
        // tests/corpus/pages/1545-frieren-e15-easttribun.txt: "In Frieren: Beyond Journey’s End
        // episode 15, we got to see…", a sentence's opening preposition.
        assert_eq!(
            gazetteer_name("In Frieren: Beyond Journey’s End").as_deref(),
            Some("Frieren: Beyond Journey’s End")
        );
        assert_eq!(gazetteer_name("Max Last Of Us").as_deref(), Some("Last Of Us"));
        // tests/corpus/pages/1273-wwdits-s5e7-1428elm.txt: "of" after the writer's label.
        assert_eq!(
            gazetteer_name("Highlights and review of What We Do in the Shadows").as_deref(),
            Some("What We Do in the Shadows")
        );
        // tests/corpus/pages/076-full-house-take-2-e5.txt, with its address.
        assert_eq!(
            gazetteer_name("Summary Full House Take 2").as_deref(),
            Some("Full House Take 2")
        );
    }

    /// Where words around a known name are part of a longer name the gazetteer lacks, the
    /// parsed name stands.
    #[test]
    fn a_longer_name_holding_a_known_one_stands() {
        for name in [
            // tests/corpus/pages/335-journey-to-love-e10-cdramawiki.txt ("To Love" is an anime).
            "A Journey to Love",
            // A sequel, a subtitle after a colon, words on both sides.
            "Dream High 2",
            "Moon Lovers: Scarlet Heart Ryeo",
            "Watch Game of Thrones Online",
            // Already a known name.
            "Game of Thrones",
            "The Walking Dead",
        ] {
            assert_eq!(gazetteer_name(name), None, "{name}");
        }
    }

    /// tests/corpus/pages/621-cinderella-four-knights-e10-curcol.txt opens on a sentence that
    /// names a known show and its episode; a lede naming one deep in its sentence
    /// (111-cruel-summer-showrunner-interview.txt, an interview) names no headline.
    #[test]
    fn a_known_name_opening_a_sentence_with_its_marker() {
        let a = parse(
            include_str!("../../tests/corpus/pages/621-cinderella-four-knights-e10-curcol.txt"),
            Format::Text,
        );
        assert_eq!((a.show.as_str(), a.season, a.episode), ("Cinderella and Four Knights", 1, 10));
        assert_eq!(a.title, None);
        let interview = [
            " date 2023-06-27 A bombshell has rocked Megan's and Debbie's worlds at the end of Cruel \
             Summer Season 2 Episode 5. It's the latest juicy reveal in this thrilling murder mystery."
                .to_string(),
        ];
        assert_eq!(headline_from_gazetteer(&interview), None);
        let page =
            include_str!("../../tests/corpus/pages/111-cruel-summer-showrunner-interview.txt");
        assert!(parse_article(page, Format::Text, &Hints::default()).is_err());
    }

    /// tests/corpus/pages/460-stranger-things-s2e1-3-culturess.txt: "Stranger Things 2" is the
    /// show's second season; "Hospital Playlist 2" is in the gazetteer as a show of its own.
    #[test]
    fn a_number_after_a_known_name_is_its_season() {
        assert_eq!(numbered_season("Stranger Things 2"), Some(("Stranger Things".to_string(), 2)));
        for name in
            ["Hospital Playlist 2", "Stranger Things", "Stranger Things 1", "Nowhere Show 2"]
        {
            assert_eq!(numbered_season(name), None, "{name}");
        }
    }

    /// tests/corpus/pages/622-outbreak-company-11-cyanime.txt and 1081-ben-to-e12-clanrain.txt
    /// number an anime's episode after its name; 259-jujutsu-kaisen-s2-18-starcrossed.txt's
    /// address does so with the season.
    #[test]
    fn a_bare_number_after_an_anime_is_its_episode() {
        let read = |text: &str| anime_numbered(text).map(|h| (h.show, h.season, h.episode));
        let numbered = [
            ("Outbreak Company 11", ("Outbreak Company", 1, 11)),
            ("Ben-To 12 - Orthrus' Weakness", ("Ben-To", 1, 12)),
            ("jujutsu kaisen s2 18 right and wrong", ("jujutsu kaisen", 2, 18)),
        ];
        for (text, (show, season, episode)) in numbered {
            assert_eq!(read(text), Some((show.to_string(), season, episode)), "{text}");
        }
        // A western show's number is its season; a one-word name may be a section's; a year is
        // no episode.
        for text in ["Stranger Things 3 Episode 4", "television 2", "Outbreak Company 2014"] {
            assert_eq!(read(text), None, "{text}");
        }
        let page = include_str!("../../tests/corpus/pages/622-outbreak-company-11-cyanime.txt");
        let a = parse(page, Format::Text);
        assert_eq!((a.show.as_str(), a.season, a.episode), ("Outbreak Company", 1, 11));
    }

    /// tests/corpus/pages/211-house-of-the-dragon-s2e4-mojidelano.txt: a headline without a
    /// season over "House of the Dragon’s season 2, episode 4" a dozen paragraphs down.
    #[test]
    fn the_text_names_the_season_the_headline_leaves_out() {
        let a = parse(
            include_str!("../../tests/corpus/pages/211-house-of-the-dragon-s2e4-mojidelano.txt"),
            Format::Text,
        );
        assert_eq!((a.show.as_str(), a.season, a.episode), ("House of the Dragon", 2, 4));
    }

    /// The title an address gives after the episode's number, when the page writes it too:
    /// tests/corpus/pages/799-doctor-who-8x04-listen-techsyd.txt and
    /// 787-stranger-things-2x06-it-nonsoloserietv.txt; not the writer's words after "review"
    /// (275-rings-of-power-e3-dexerto.txt) nor a sentence the address cut short
    /// (712-severance-e3-yahoo.txt).
    #[test]
    fn the_address_names_the_title_the_page_writes() {
        let read = |page: &str, url: &str| parse_at(page, url).title;
        let titled = [
            (
                include_str!("../../tests/corpus/pages/799-doctor-who-8x04-listen-techsyd.txt"),
                "https://techsyd.wordpress.com/2014/09/14/doctor-who-series-8-episode-4-listen/",
                "Listen",
            ),
            (
                include_str!(
                    "../../tests/corpus/pages/787-stranger-things-2x06-it-nonsoloserietv.txt"
                ),
                "https://nonsoloserietv.altervista.org/recensione-stranger-things-2x06-the-spy/",
                "The Spy",
            ),
        ];
        for (page, url, title) in titled {
            assert_eq!(read(page, url).as_deref(), Some(title), "{url}");
        }
        let untitled = [
            (
                include_str!("../../tests/corpus/pages/275-rings-of-power-e3-dexerto.txt"),
                "https://www.dexerto.com/tv-movies/rings-of-power-episode-3-review-a-meandering-but-exciting-journey-1926144/",
            ),
            (
                include_str!("../../tests/corpus/pages/712-severance-e3-yahoo.txt"),
                "https://uk.style.yahoo.com/severance-episode-3-just-set-092500552.html",
            ),
        ];
        for (page, url) in untitled {
            assert_eq!(read(page, url), None, "{url}");
        }
    }

    /// An episode's marker, then a known show's name standing alone or before its season:
    /// tests/corpus/pages/1336-sakamoto-days-e20-today24h24.txt and
    /// 1316-pachinko-s2e7-newsneural.txt. A title that starts like a show is no show
    /// (908-doctor-who-s1e1-3-inreviewcritics.txt's "Episode 2: The Devil’s Chord").
    #[test]
    fn a_known_name_after_the_marker() {
        let pages = [
            (
                include_str!("../../tests/corpus/pages/1336-sakamoto-days-e20-today24h24.txt"),
                ("Sakamoto Days", 1, 20),
            ),
            (
                include_str!("../../tests/corpus/pages/1316-pachinko-s2e7-newsneural.txt"),
                ("Pachinko", 2, 7),
            ),
        ];
        assert_reads(&pages);
        assert_eq!(marker_then_name(&["Episode 2: The Devil’s Chord".to_string()]), None);
    }

    /// Pages of the twenty-first and twenty-second collections, read blind at first:
    /// "The Gilded Age 302 Recap" numbers season and episode in three digits
    /// (1375-gilded-age-s3e2-robertkhederian.txt), a year after a known name is a remake's
    /// (1435-meteor-garden-2018-e7-skimmedmilkdrama.txt), "TV series" is no part of a name
    /// (1382-fallout-s1e5-jingyingquan.txt), a count of the writer's things after the name is
    /// the writer's (1399-boy-next-world-e7-fujoland.txt), and "the third and fourth episodes
    /// of Reacher's Second Season" is a pair (1371-reacher-s2e3-4-xplosionofawesome.txt).
    #[test]
    fn new_sites_name_their_episodes_these_ways_too() {
        let pages = [
            (
                include_str!("../../tests/corpus/pages/1375-gilded-age-s3e2-robertkhederian.txt"),
                ("The Gilded Age", 3, 2),
            ),
            (
                include_str!(
                    "../../tests/corpus/pages/1435-meteor-garden-2018-e7-skimmedmilkdrama.txt"
                ),
                ("Meteor Garden", 1, 7),
            ),
            (
                include_str!("../../tests/corpus/pages/1382-fallout-s1e5-jingyingquan.txt"),
                ("Fallout", 1, 5),
            ),
            (
                include_str!("../../tests/corpus/pages/1399-boy-next-world-e7-fujoland.txt"),
                ("The Boy Next World", 1, 7),
            ),
            (
                include_str!("../../tests/corpus/pages/1371-reacher-s2e3-4-xplosionofawesome.txt"),
                ("Reacher", 2, 3),
            ),
        ];
        assert_reads(&pages);
        let pair = parse(pages[4].0, Format::Text);
        assert_eq!(pair.episode_end, Some(4));
        // An anime's three digits are its episode's, not a season and an episode.
        assert_eq!(compact_number(" 302 Recap", "One Piece"), None);
        assert_eq!(compact_number(" 302 Recap", "The Gilded Age"), Some((3, 2)));
    }

    /// The twenty-sixth collection: "In Episodes 9 and 10 of When the Stars Gossip, …"
    /// (1630-when-the-stars-gossip-e9-10-omgsogd.txt); the season from "spoilers for Season 28,
    /// Episode 5 of The Bachelor." under a headline without one
    /// (1638-the-bachelor-s28e5-happytobehereblog.txt); a reposting site's hashtags after the
    /// title (1592-hacks-s2e3-nationalcybersecuritynews.txt).
    #[test]
    fn twenty_sixth_collection_pages() {
        let read = |page: &str| {
            let a = parse(page, Format::Text);
            (a.show, a.season, a.episode, a.episode_end, a.title)
        };
        let gossip = read(include_str!(
            "../../tests/corpus/pages/1630-when-the-stars-gossip-e9-10-omgsogd.txt"
        ));
        assert_eq!(
            (gossip.0.as_str(), gossip.1, gossip.2, gossip.3),
            ("When the Stars Gossip", 1, 9, Some(10))
        );
        let bachelor = read(include_str!(
            "../../tests/corpus/pages/1638-the-bachelor-s28e5-happytobehereblog.txt"
        ));
        assert_eq!((bachelor.0.as_str(), bachelor.1, bachelor.2), ("The Bachelor", 28, 5));
        let hacks = read(include_str!(
            "../../tests/corpus/pages/1592-hacks-s2e3-nationalcybersecuritynews.txt"
        ));
        assert_eq!(hacks.4.as_deref(), Some("Trust the Process"));
    }

    /// The twenty-seventh collection: "As the flames roar and the sirens wail, Chicago Fire
    /// Season 12 Episode 3 takes viewers…" (1641-chicago-fire-s12e3-landscapeinsight.txt); a
    /// review whose captions write the name both ways round
    /// ("Naoki Hanzawa", "Hanzawa Naoki") is no list of two shows
    /// (1664-hanzawa-naoki-e8-j-generation.txt); an address's "reply-1997" keeps a known name's
    /// year (1654-reply-1997-e16-mwave.txt, whose text does not name the drama).
    #[test]
    fn twenty_seventh_collection_pages() {
        let hanzawa = parse(
            include_str!("../../tests/corpus/pages/1664-hanzawa-naoki-e8-j-generation.txt"),
            Format::Text,
        );
        assert_eq!((hanzawa.show.as_str(), hanzawa.episode), ("Naoki Hanzawa", 8));
        let hints = Hints {
            url: Some("http://mwave.interest.me/en/kpop-news/article/15446/recap-reply-1997-episode-16-the-reason-why-first-loves-dont-come-true".into()),
            ..Hints::default()
        };
        let reply = parse_article(
            include_str!("../../tests/corpus/pages/1654-reply-1997-e16-mwave.txt"),
            Format::Text,
            &hints,
        )
        .expect("a recap");
        assert_eq!((reply.show.as_str(), reply.episode), ("Reply 1997", 16));
        // A known name opening the main clause of the first sentence.
        let fire = parse(
            include_str!("../../tests/corpus/pages/1641-chicago-fire-s12e3-landscapeinsight.txt"),
            Format::Text,
        );
        assert_eq!((fire.show.as_str(), fire.season, fire.episode), ("Chicago Fire", 12, 3));
    }

    /// A short name the page writes in full near the top: "Frieren Episode 1: …" over "Frieren:
    /// Beyond Journey’s End announced its ambitions…" (1233-frieren-e1-animetiger.txt), "…episode
    /// 6 of Daima" under "Dragon Ball Daima is slowly…"
    /// (1618-dragon-ball-daima-e6-thescreenscribe.txt). A known name keeps its length.
    #[test]
    fn a_short_name_is_the_full_name_the_page_writes() {
        let lines = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let frieren = lines(&[
            "Frieren Episode 1: The Perfect First Impression",
            "Frieren: Beyond Journey’s End announced its ambitions within its first episode.",
        ]);
        assert_eq!(
            full_name_on_page("Frieren", &frieren).as_deref(),
            Some("Frieren: Beyond Journey’s End")
        );
        let daima = lines(&[
            "It’s safe to say that Dragon Ball Daima is slowly, but very assuredly, building a plot full of mystery.",
        ]);
        assert_eq!(full_name_on_page("Daima", &daima).as_deref(), Some("Dragon Ball Daima"));
        // "Bon Appétit, Your Majesty proves in episode 8 that…" (1327-…-soapcentral.txt).
        let bon = lines(&[
            "Bon Appétit, Your Majesty proves in episode 8 that it still has plenty of hidden cards to play.",
        ]);
        assert_eq!(
            full_name_on_page("Bon Appétit", &bon).as_deref(),
            Some("Bon Appétit, Your Majesty")
        );
        assert_eq!(full_name_on_page("Dragon Ball Daima", &daima), None);
    }

    /// Titles: "7×14 – “PYT (Pretty Young Thing)”" keeps its brackets
    /// (1374-greys-anatomy-s7e14-21-fryingmineinbutter.txt); the lede's "Episode 3, ‘Them’s the
    /// Breaks’," above the headline (1353-yellowjackets-s3e3-grownewsus.txt); never a
    /// headline's "Tap To Know More" (1408-attorney-woo-e9-bondwithbrands.txt); and titles the
    /// prose gives (below).
    #[test]
    fn titles_on_new_sites() {
        let title = |page: &str| parse(page, Format::Text).title;
        assert_eq!(
            title(include_str!(
                "../../tests/corpus/pages/1374-greys-anatomy-s7e14-21-fryingmineinbutter.txt"
            ))
            .as_deref(),
            Some("PYT (Pretty Young Thing)")
        );
        assert_eq!(
            title(include_str!("../../tests/corpus/pages/1353-yellowjackets-s3e3-grownewsus.txt"))
                .as_deref(),
            Some("Them’s the Breaks")
        );
        let woo = include_str!("../../tests/corpus/pages/1408-attorney-woo-e9-bondwithbrands.txt");
        assert_ne!(title(woo).as_deref(), Some("Tap To Know More"));
        // A membership button under the headline, then "…the anime episode of Vinland Saga
        // Season 2 titled “Oath”" (1574-vinland-saga-s2e9-pelhamplus.txt).
        let vinland =
            include_str!("../../tests/corpus/pages/1574-vinland-saga-s2e9-pelhamplus.txt");
        assert_eq!(title(vinland).as_deref(), Some("Oath"));
        // "This episode, forebodingly titled Woe’s Hollow," (897-severance-s2e4-bgr.txt); "the
        // show’s eighth installment, “Front Man,”" (1290-squid-game-s1e8-marvytvseries.txt); not
        // "the fourth episode of … Marvel Studios, “Loki”" (862-loki-s2e4-whatsondisneyplus.txt).
        let titled = [
            (
                include_str!("../../tests/corpus/pages/897-severance-s2e4-bgr.txt"),
                Some("Woe’s Hollow"),
            ),
            (
                include_str!("../../tests/corpus/pages/1290-squid-game-s1e8-marvytvseries.txt"),
                Some("Front Man"),
            ),
            (include_str!("../../tests/corpus/pages/862-loki-s2e4-whatsondisneyplus.txt"), None),
        ];
        for (page, expected) in titled {
            assert_eq!(title(page).as_deref(), expected, "{}", &page[..60]);
        }
    }

    /// What a page puts above its headline is not the headline: a currency ticker whose
    /// "56.75 -0.2820" passed for season 56, episode 75
    /// (1396-the-glory-part2-first-two-clickthecity.txt), a "Table of contents" label
    /// (1427-chainsaw-man-e7-gamezxc.txt), a preview's bare heading over its own headline
    /// (1373-greys-anatomy-s17e7-preview-techradar247.txt), and a sentence's "While the season 3
    /// premiere" (1378-ted-lasso-football-feature-subjectifymedia.txt) or Portuguese "No episódio
    /// 10" (1409-attorney-woo-e10-pt-meugamer.txt) names no show.
    #[test]
    fn furniture_and_sentences_above_the_headline_name_no_show() {
        let read = |page: &str| parse_article(page, Format::Text, &Hints::default());
        let refused = [
            include_str!(
                "../../tests/corpus/pages/1396-the-glory-part2-first-two-clickthecity.txt"
            ),
            include_str!(
                "../../tests/corpus/pages/1373-greys-anatomy-s17e7-preview-techradar247.txt"
            ),
            include_str!(
                "../../tests/corpus/pages/1378-ted-lasso-football-feature-subjectifymedia.txt"
            ),
        ];
        for page in refused {
            assert!(read(page).is_err(), "{}", &page[..80]);
        }
        // (1427-chainsaw-man-e7-gamezxc.txt's "Table of contents" is no headline either: its
        // image's name "chainsaw-man-ep-7-denji" is, see forty_sixth_to_forty_eighth_….)
        let chainsaw =
            read(include_str!("../../tests/corpus/pages/1427-chainsaw-man-e7-gamezxc.txt"));
        assert!(chainsaw.is_ok_and(|a| a.show == "Chainsaw Man"));
        let woo =
            read(include_str!("../../tests/corpus/pages/1409-attorney-woo-e10-pt-meugamer.txt"));
        assert!(woo.is_err() || woo.as_ref().is_ok_and(|a| a.show != "No"), "{woo:?}");
    }

    /// The twenty-third collection, after it was measured blind: a recap site's episode card
    /// with the season and number on lines of their own (1441-shrinking-s2e7-interushracing.txt),
    /// a weekly competition's weeks (1451-gbbo-2018-week5-jenrosewrites.txt,
    /// 1490-strictly-s11-week4-dalemakeup.txt, 1489-strictly-2018-week4-entertainment-focus.txt),
    /// the season on the line after the headline (1445-alice-in-borderland-s2e2-gabbinggeek.txt),
    /// a known show's possessive (1462-my-hero-academia-s2e1-animemojo.txt), a quoted name before
    /// its "Act 2" (1486-arcane-e4-6-thegeekiary.txt), a full stop inside a quoted name and the
    /// show's own name as no title, the one the text says the episode is titled taken instead
    /// (1487-arcane-e4-upcomer.txt), and "Episode Air Date" above a
    /// spoiler warning (1460-dandadan-e3-rofluno.txt).
    #[test]
    fn cards_weeks_and_names_from_the_twenty_third_collection() {
        let pages = [
            (
                include_str!("../../tests/corpus/pages/1441-shrinking-s2e7-interushracing.txt"),
                ("Shrinking", 2, 7),
            ),
            (
                include_str!("../../tests/corpus/pages/1451-gbbo-2018-week5-jenrosewrites.txt"),
                ("The Great British Bake Off", 1, 5),
            ),
            (
                include_str!("../../tests/corpus/pages/1490-strictly-s11-week4-dalemakeup.txt"),
                ("Strictly Come Dancing", 11, 4),
            ),
            (
                include_str!(
                    "../../tests/corpus/pages/1489-strictly-2018-week4-entertainment-focus.txt"
                ),
                ("Strictly Come Dancing", 1, 4),
            ),
            (
                include_str!(
                    "../../tests/corpus/pages/1445-alice-in-borderland-s2e2-gabbinggeek.txt"
                ),
                ("Alice In Borderland", 2, 2),
            ),
            (
                include_str!("../../tests/corpus/pages/1462-my-hero-academia-s2e1-animemojo.txt"),
                ("MY HERO ACADEMIA", 2, 1),
            ),
            (
                include_str!("../../tests/corpus/pages/1486-arcane-e4-6-thegeekiary.txt"),
                ("Arcane", 1, 4),
            ),
            (include_str!("../../tests/corpus/pages/1487-arcane-e4-upcomer.txt"), ("Arcane", 1, 4)),
            (
                include_str!("../../tests/corpus/pages/1460-dandadan-e3-rofluno.txt"),
                ("Dandadan", 1, 3),
            ),
        ];
        assert_reads(&pages);
        // A country's edition told by a tag (1294-traitors-us-s3e5-dryedmangoez.txt) and an air
        // date after the label (1268-bachelorette-s17e3-celebdirtylaundry.txt) are no part of the
        // name; "the second episode of Season 5" names no show (1155-haven-s5e2-renegadecinema.txt).
        let named = [
            (
                include_str!("../../tests/corpus/pages/1294-traitors-us-s3e5-dryedmangoez.txt"),
                ("The Traitors", 3, 5),
            ),
            (
                include_str!(
                    "../../tests/corpus/pages/1268-bachelorette-s17e3-celebdirtylaundry.txt"
                ),
                ("The Bachelorette", 17, 3),
            ),
        ];
        assert_reads(&named);
        // "Critic’s Rating: 3.5 / 5.0" above the lede that names the episode
        // (1316-pachinko-s2e7-newsneural.txt).
        let pachinko = include_str!("../../tests/corpus/pages/1316-pachinko-s2e7-newsneural.txt");
        let rating = parse(pachinko, Format::Text).rating.expect("the critic's rating");
        assert_eq!((rating.value, rating.out_of), (3.5, 5.0));
        let haven = include_str!("../../tests/corpus/pages/1155-haven-s5e2-renegadecinema.txt");
        let haven = parse_article(haven, Format::Text, &Hints::default());
        assert!(haven.as_ref().is_err(), "{haven:?}");
        assert_eq!(parse(pages[0].0, Format::Text).title.as_deref(), Some("Get in the Sea"));
        // (Not “Arcane”, the show's own name: the episode the text says is titled.)
        assert_eq!(parse(pages[7].0, Format::Text).title.as_deref(), Some("Happy Progress Day!"));
        // A round-up's week is no episode.
        for headline in [
            "Winter 2023 Anime Episode Reviews: Week 12",
            "Last Week in TV - Week of April 13",
            "Weekly Roundup Winter 2019 Week 1",
        ] {
            assert_eq!(week_numbered(headline), None, "{headline}");
        }
    }

    /// The twenty-fourth collection, after it was measured blind: an episode card's season and
    /// number on one line under its show and title (1518-top-chef-s21e5-shocell.txt), and a known
    /// show before a quoted title the gazetteer lacks (1494-amazing-race-27-e3-allaboutthetea.txt).
    #[test]
    fn a_card_on_one_line_and_a_known_show_before_its_quoted_title() {
        let card = parse(
            include_str!("../../tests/corpus/pages/1518-top-chef-s21e5-shocell.txt"),
            Format::Text,
        );
        assert_eq!((card.show.as_str(), card.season, card.episode), ("Top Chef", 21, 5));
        assert_eq!(card.title.as_deref(), Some("Supper Club"));
        assert!(card.recap.starts_with("Alert: We person"), "{}", &card.recap[..80]);
        let race = parse(
            include_str!("../../tests/corpus/pages/1494-amazing-race-27-e3-allaboutthetea.txt"),
            Format::Text,
        );
        assert_eq!((race.show.as_str(), race.episode), ("The Amazing Race", 3));
        assert_eq!(race.title.as_deref(), Some("Where My Dogs At"));
    }

    /// The twenty-eighth to thirtieth collections' Asian pages (read blind first): episode
    /// counters run on in Japanese ("5話ネタバレ", "第5話を見た"), a genre word between the name in
    /// 【】 and its counter, Chinese "第10集", Thai "ตอนที่ 10", Tagalog "Kabanata/Episode 45";
    /// Japanese prose and a link to the last episode are no list of episodes.
    #[test]
    fn episode_counters_in_japanese_chinese_thai_and_tagalog() {
        let page = |text: &str| {
            let a = parse(text, Format::Text);
            (a.show, a.season, a.episode, a.title)
        };
        let ja = |show: &str, episode| (show.to_string(), 1, episode, None);
        assert_eq!(
            page(include_str!(
                "../../tests/corpus/pages/1836-kirawareru-yuuki-e4-ja-xn--5ck1a833wtjf.txt"
            )),
            ja("嫌われる勇気", 4)
        );
        assert_eq!(
            page(include_str!("../../tests/corpus/pages/1743-watadou-e5-ja-lovetv.txt")),
            ja("私たちはどうかしている", 5)
        );
        assert_eq!(
            page(include_str!("../../tests/corpus/pages/1835-watadou-e3-ja-tomatomarigi.txt")),
            ja("私たちはどうかしている", 3)
        );
        // "「SPY×FAMILY(スパイファミリー)」の第7話" over "「スパイファミリー」アニメ7話のネタバレ・感想!":
        // one show under two names.
        assert_eq!(
            page(include_str!("../../tests/corpus/pages/802-spy-family-7-ja-mamemoti.txt")),
            ja("SPY×FAMILY", 7)
        );
        // Korean news: "23일 방송된 KBS2 금요드라마 '스파이'(박현석 연출/한상운, 이강 극본) 6회에서 …"
        // names the drama in quotes after its kind; news of a drama's ratings (시청률) is no recap.
        assert_eq!(
            page(include_str!("../../tests/corpus/pages/1800-spy-e6-ko-wowtv.txt")),
            ja("스파이", 6)
        );
        let ratings_news = parse_article(
            include_str!(
                "../../tests/corpus/pages/1665-hanzawa-naoki-s2-ep5-ratings-news-ko-bdbfw.txt"
            ),
            Format::Text,
            &Hints::default(),
        );
        assert!(
            matches!(ratings_news, Err(ArticleError::NoHeadline(_))),
            "ratings news imported: {ratings_news:?}"
        );
        // "刀与花第10集分集剧情介绍": the label after the counter ("episode plot") is no title.
        assert_eq!(
            page(include_str!(
                "../../tests/corpus/pages/1762-blade-and-petal-e10-zh-jiayichem.txt"
            )),
            ja("刀与花", 10)
        );
        // "อ่านละคร วันนี้ที่รอคอย ตอนที่ 10 วันที่ 4 ก.ค. 56": "read the drama" before the name,
        // the air date after the counter.
        assert_eq!(
            page(include_str!(
                "../../tests/corpus/pages/1760-wan-nee-tee-ror-koy-e10-th-lakornthai-tv.txt"
            )),
            ja("วันนี้ที่รอคอย", 10)
        );
        assert_eq!(
            page(include_str!(
                "../../tests/corpus/pages/1748-a-beautiful-affair-e45-tl-ihcahieh.txt"
            )),
            ja("A Beautiful Affair", 45)
        );
        // "TVアニメ『忍者と殺し屋のふたりぐらし』の最新エピソード・第七葉(第7話)「…」のあらすじが公開されました。":
        // the news of a released synopsis is told in the sentence above the heading the
        // importer takes, with the address naming the show.
        let preview = parse_article(
            include_str!("../../tests/corpus/pages/828-ninja-koroshiya-e7-synopsis-ja.txt"),
            Format::Text,
            &Hints {
                url: Some("https://anime-press.net/news/ninja-koroshiya-episode7-synopsis".into()),
                ..Hints::default()
            },
        );
        assert_eq!(preview, Err(ArticleError::NotARecap("a preview".into())));
    }

    /// A known name after the bare number ("Episode 5 Odd Taxi"), and a known name that a
    /// lower-case particle carries on into a longer one ("Kimi to Boku" in "Kimi to Boku no Saigo
    /// no Senjou"): pages 1766 and 1758, read blind first.
    #[test]
    fn known_names_after_the_number_and_names_that_go_on() {
        let page = |text: &str| {
            let a = parse(text, Format::Text);
            (a.show, a.season, a.episode)
        };
        assert_eq!(
            page(include_str!("../../tests/corpus/pages/1766-odd-taxi-e5-korean-shows.txt")),
            ("Odd Taxi".to_string(), 1, 5)
        );
        assert_eq!(
            page(include_str!(
                "../../tests/corpus/pages/1758-kimi-to-boku-no-saigo-no-senjou-e8-pt-ptanime.txt"
            )),
            ("Kimi to Boku no Saigo no Senjou".to_string(), 1, 8)
        );
    }

    /// The thirty-first to thirty-third collections, read blind first: "‘Better Call Saul’
    /// S3x04" (1866), "Buffy The Vampire Slayer: HUSH (S4-E10)" (1988), "Haikyuu!! 23" alone
    /// (1990), a title with an apostrophe inside its quotes, "titled ‘The Heat Is Coming to
    /// Hell’s Kitchen.’" (1895), names misspelt by a letter ("Game of Thones", 1972) or written
    /// as a fan's acronym ("GOT Season Eight", 1973), and "Marvel's Agents of SHIELD" (1884).
    #[test]
    fn thirty_first_to_thirty_third_collection_pages() {
        let page = |text: &str| {
            let a = parse(text, Format::Text);
            (a.show, a.season, a.episode, a.title)
        };
        let saul = page(include_str!(
            "../../tests/corpus/pages/1866-better-call-saul-s3e4-filmexodus.txt"
        ));
        assert_eq!((saul.0.as_str(), saul.1, saul.2), ("Better Call Saul", 3, 4));
        let buffy = page(include_str!(
            "../../tests/corpus/pages/1988-buffy-s4e10-slasherfilmsanctuary.txt"
        ));
        assert_eq!((buffy.0.as_str(), buffy.1, buffy.2), ("Buffy The Vampire Slayer", 4, 10));
        let haikyuu =
            page(include_str!("../../tests/corpus/pages/1990-haikyuu-e23-sanniatasha.txt"));
        assert_eq!((haikyuu.0.as_str(), haikyuu.1, haikyuu.2), ("Haikyuu!!", 1, 23));
        let kitchen =
            page(include_str!("../../tests/corpus/pages/1895-hells-kitchen-s24e3-moviedelic.txt"));
        assert_eq!(kitchen.3.as_deref(), Some("The Heat Is Coming to Hell’s Kitchen"));
        let thones = page(include_str!(
            "../../tests/corpus/pages/1972-game-of-thrones-s8e4-thelincolnite.txt"
        ));
        assert_eq!((thones.0.as_str(), thones.1, thones.2), ("Game of Thrones", 8, 4));
        let got = page(include_str!(
            "../../tests/corpus/pages/1973-game-of-thrones-s8e4-sceneandheardnu.txt"
        ));
        assert_eq!((got.0.as_str(), got.1, got.2), ("Game of Thrones", 8, 4));
        let shield = page(include_str!(
            "../../tests/corpus/pages/1884-agents-of-shield-s2e11-comicbastards.txt"
        ));
        assert_eq!((shield.0.as_str(), shield.1, shield.2), ("Agents of SHIELD", 2, 11));
    }

    /// "Haikyuu!! Episodes 05-07 Review" over "Progress: Episode 07" (1841) is one review of a
    /// range, not a list; "Series 10 Review Round-Up: Ep 1, The Pilot" (1886) is a round-up of
    /// other outlets' reviews.
    #[test]
    fn a_range_with_its_own_episode_below_and_a_review_round_up() {
        let range = parse(
            include_str!("../../tests/corpus/pages/1841-haikyuu-e5-7-animesecrets.txt"),
            Format::Text,
        );
        assert_eq!(
            (range.show.as_str(), range.episode, range.episode_end),
            ("Haikyuu!!", 5, Some(7))
        );
        let round_up = parse_article(
            include_str!("../../tests/corpus/pages/1886-not-recap-doctor-who-review-roundup-doctorwho-tv.txt"),
            Format::Text,
            &Hints::default(),
        );
        assert_eq!(round_up, Err(ArticleError::NotARecap(refusal::LIST.into())));
    }

    /// "Week four of Hell’s Kitchen season 14 is now in the books"
    /// (1501-hells-kitchen-s14-week4-yourrealityrecaps.txt) gives the season of the show its
    /// address writes "hells-kitchen": names compare folded.
    #[test]
    fn the_season_beside_the_name_written_another_way() {
        let lede = "Week four of Hell’s Kitchen season 14 is now in the books and I am here with a complete recap for you!";
        assert_eq!(season_named(lede, "Hells Kitchen", None), Some(14));
        assert_eq!(season_named(lede, "Kitchen Nightmares", None), None);
        // A closing quote between name and season (pages/3073), a season in words (pages/2992).
        let quoted =
            "The ninth episode of “Fargo” Season 2, entitled “The Castle” aired last night on FX.";
        assert_eq!(season_named(quoted, "FARGO", None), Some(2));
        let worded =
            "I’ve made no secret of the fact I’m loving season two of The Mandalorian, but wow";
        assert_eq!(season_named(worded, "The Mandalorian", None), Some(2));
    }

    /// Blogger's own heading of a label page, "Showing posts with label Mushishi. Show all
    /// posts" (1845-not-recap-label-page-chiakinoshuccho.txt), and a podcast numbering its own
    /// seasons, "The Podcast Returns - Season Four, Episode One"
    /// (1882-not-recap-podcast-season-4-episode-1-anhedonicheadphones.txt).
    #[test]
    fn a_blogger_label_page_and_a_podcasts_own_episode_are_refused() {
        let refused = |text: &str| parse_article(text, Format::Text, &Hints::default());
        assert_eq!(
            refused(include_str!(
                "../../tests/corpus/pages/1845-not-recap-label-page-chiakinoshuccho.txt"
            )),
            Err(ArticleError::NotARecap(refusal::LIST.into()))
        );
        assert_eq!(
            refused(include_str!(
                "../../tests/corpus/pages/1882-not-recap-podcast-season-4-episode-1-anhedonicheadphones.txt"
            )),
            Err(ArticleError::NotARecap(refusal::PODCAST.into()))
        );
    }

    /// "If you like messy reality television, look no further than Episode Four of RuPaul’s
    /// Drag Race." (1952-drag-race-s18e4-thestranger.txt): in the first sentence, "episode N
    /// of" a known name, wherever it stands.
    #[test]
    fn episode_n_of_a_known_name_in_the_first_sentence() {
        let a = parse(
            include_str!("../../tests/corpus/pages/1952-drag-race-s18e4-thestranger.txt"),
            Format::Text,
        );
        assert_eq!((a.show.as_str(), a.episode), ("RuPaul’s Drag Race", 4));
    }

    /// Korean entertainment news naming the drama after its network and slot, its episode with a
    /// particle ("7화가"): 2908-hospital-playlist-s1e7-ko-mydaily.txt, and after the network
    /// alone with the season's number inside the quotes: 2926-rude-miss-young-ae-s15e6-ko-osen.txt.
    #[test]
    fn korean_news_after_the_network() {
        let page = |text: &str| parse(text, Format::Text);
        let a = page(include_str!(
            "../../tests/corpus/pages/2908-hospital-playlist-s1e7-ko-mydaily.txt"
        ));
        assert_eq!((a.show.as_str(), a.season, a.episode), ("슬기로운 의사생활", 1, 7));
        let a = page(include_str!(
            "../../tests/corpus/pages/2926-rude-miss-young-ae-s15e6-ko-osen.txt"
        ));
        assert_eq!((a.show.as_str(), a.season, a.episode), ("막돼먹은 영애씨", 15, 6));
    }

    /// The title line under the headline repeats the show before its colon
    /// (3085-the-good-wife-s5e5-reellifewithjane.txt).
    #[test]
    fn a_title_line_that_names_the_show_first() {
        let a = parse(
            include_str!("../../tests/corpus/pages/3085-the-good-wife-s5e5-reellifewithjane.txt"),
            Format::Text,
        );
        assert_eq!((a.season, a.episode, a.title.as_deref()), (5, 5, Some("Hitting the Fan")));
    }

    /// Japanese news naming the drama in 「」, its slot in brackets, then the episode
    /// (2998-roppongi-class-e9-thetv.txt); the same form in news of the episode's viewership
    /// stays refused (1953-not-recap-futekisetsu-e5-ratings-news-ja-the-audience-news.txt). A
    /// Portuguese pair in prose: "o terceiro e quarto episódio de Secret Royal Inspector & Joy"
    /// (2953-secret-royal-inspector-joy-s1e3-4-pt-ogenegeek.txt).
    #[test]
    fn japanese_news_and_a_portuguese_pair_in_prose() {
        let page = |text: &str| parse(text, Format::Text);
        let a = page(include_str!("../../tests/corpus/pages/2998-roppongi-class-e9-thetv.txt"));
        assert_eq!((a.show.as_str(), a.episode), ("六本木クラス", 9));
        let news = include_str!(
            "../../tests/corpus/pages/1953-not-recap-futekisetsu-e5-ratings-news-ja-the-audience-news.txt"
        );
        assert!(parse_article(news, Format::Text, &Hints::default()).is_err());
        let a = page(include_str!(
            "../../tests/corpus/pages/2953-secret-royal-inspector-joy-s1e3-4-pt-ogenegeek.txt"
        ));
        assert_eq!(
            (a.show.as_str(), a.episode, a.episode_end),
            ("Secret Royal Inspector & Joy", 3, Some(4))
        );
    }

    /// A batch of episodes after a known anime's name: "Fullmetal Alchemist: Brotherhood 19 –
    /// 24" (1658-fullmetal-alchemist-brotherhood-e19-24-hoganreviews.txt) and "Death Note
    /// 21-26" (1889-death-note-e21-26-creativecriticism.txt); and a Korean pair, "[한드리뷰]
    /// '여우각시별' 1&2화 감상 리뷰" (617-yeowoo-gaksi-byeol-e1-2-hobbylibrary.txt).
    #[test]
    fn a_batch_after_an_anime_name_and_a_korean_pair() {
        let batch = |line: &str| anime_numbered(line).map(|h| (h.show, h.episode, h.episode_end));
        assert_eq!(
            batch("Fullmetal Alchemist: Brotherhood 19 – 24"),
            Some(("Fullmetal Alchemist: Brotherhood".to_string(), 19, Some(24)))
        );
        assert_eq!(batch("Death Note 21-26"), Some(("Death Note".to_string(), 21, Some(26))));
        // The page's label before the name (2161-sailor-moon-crystal-e33-geekvolcano.txt).
        assert_eq!(
            batch("REVIEW: Sailor Moon Crystal 33"),
            Some(("Sailor Moon Crystal".to_string(), 33, None))
        );
        // A week's number after the name, then a subtitle
        // (2147-dancing-with-the-stars-week4-abc7news.txt).
        let week = week_numbered("'Dancing With The Stars' week 4: Dance-by-dance recap").unwrap();
        assert_eq!((week.show.as_str(), week.episode), ("Dancing With The Stars", 4));
        let live = week_numbered("Dancing with the Stars Season 23, Week 5 – LIVE BLOG!!").unwrap();
        assert_eq!(
            (live.show.as_str(), live.season, live.episode),
            ("Dancing with the Stars", 23, 5)
        );
        let pair = parse_headline("[한드리뷰] '여우각시별' 1&2화 감상 리뷰").expect("a headline");
        assert_eq!(
            (pair.show.as_str(), pair.episode, pair.episode_end),
            ("여우각시별", 1, Some(2))
        );
    }

    /// "Sinopsis Time Slip Dr. Jin Episode 5 (part 2)" says it is a synopsis, so the audience
    /// figures in its lede do not make it ratings news
    /// (2081-time-slip-dr-jin-e5-id-koreanfamilies.txt); "welcome to episode thirteen of my
    /// Ghost in the Shell, Stand Alone Complex review"
    /// (2100-ghost-in-the-shell-sac-e13-talesfromtheneonbeach.txt).
    #[test]
    fn a_synopsis_with_ratings_and_episode_n_of_my_review() {
        let jin = parse(
            include_str!("../../tests/corpus/pages/2081-time-slip-dr-jin-e5-id-koreanfamilies.txt"),
            Format::Text,
        );
        assert_eq!((jin.show.as_str(), jin.episode), ("Time Slip Dr. Jin", 5));
        let ghost = parse(
            include_str!(
                "../../tests/corpus/pages/2100-ghost-in-the-shell-sac-e13-talesfromtheneonbeach.txt"
            ),
            Format::Text,
        );
        assert_eq!(
            (ghost.show.as_str(), ghost.episode),
            ("Ghost in the Shell, Stand Alone Complex", 13)
        );
    }

    /// A page whose first lines name no known show takes the known show its address names, as
    /// the gazetteer spells it: "Kenneth Rocher's Blog" at …/that-time-i-got-reincarnated-as-a-
    /// slime-season-2-episode-5-review/ (251-tensura-s2e5-kennethrocher.txt), "Es geht endlich
    /// weiter" at …/umbrella-academy-staffel-02-folge-01 (549-umbrella-academy-s2e1-nerdenthum.txt).
    #[test]
    fn a_page_naming_no_known_show_takes_the_one_its_address_names() {
        assert_eq!(
            read_at(
                include_str!("../../tests/corpus/pages/251-tensura-s2e5-kennethrocher.txt"),
                "https://www.kennethrocher.com/that-time-i-got-reincarnated-as-a-slime-season-2-episode-5-review/"
            ),
            ("That Time I Got Reincarnated as a Slime".to_string(), 2, 5)
        );
        assert_eq!(
            read_at(
                include_str!("../../tests/corpus/pages/549-umbrella-academy-s2e1-nerdenthum.txt"),
                "https://nerdenthum.de/index.php/2020/11/09/umbrella-academy-staffel-02-folge-01"
            ),
            ("The Umbrella Academy".to_string(), 2, 1)
        );
    }

    /// A known show's season and episode as bare numbers in the address: …/review-bones-10-01-
    /// the-conspiracy-in-the-corpse/ (1677-bones-s10e1-sixdegreesofgeek.txt) and
    /// …/gilmore-girls-104-the-deer-hunters/ (975-gilmore-girls-104-gilmorenews.txt).
    #[test]
    fn season_and_episode_as_bare_numbers_in_the_address() {
        assert_eq!(
            read_at(
                include_str!("../../tests/corpus/pages/1677-bones-s10e1-sixdegreesofgeek.txt"),
                "https://sixdegreesofgeek.com/2014/09/29/review-bones-10-01-the-conspiracy-in-the-corpse/"
            ),
            ("Bones".to_string(), 10, 1)
        );
        assert_eq!(
            read_at(
                include_str!("../../tests/corpus/pages/975-gilmore-girls-104-gilmorenews.txt"),
                "http://www.gilmorenews.com/2007/11/12/gilmore-girls-104-the-deer-hunters/comment-page-1/"
            ),
            ("Gilmore Girls".to_string(), 1, 4)
        );
    }

    /// A page's text and what a reader takes from it: show, season, episode and title (a title
    /// of `None` is not checked: the page's headline gives none to take).
    type PageReading = (&'static str, &'static str, u32, u32, Option<&'static str>);

    fn assert_pages_read_as(expected: &[PageReading]) {
        for &(text, show, season, episode, title) in expected {
            let a = parse(text, Format::Text);
            assert_eq!((a.show.as_str(), a.season, a.episode), (show, season, episode));
            if title.is_some() {
                assert_eq!(a.title.as_deref(), title, "{show}");
            }
        }
    }

    /// Pages misread before the eighty-fifth collection: a season written beside the name on a
    /// line under the headline (2415, 3887); Japanese recaps whose counts of a series' length or
    /// a manga volume's chapters read as other episodes of a list (4075, 4197); a synopsis site's
    /// links around the page's own show (2250); a reality recap's "Power Ranking" (1223); a
    /// headline in an excerpt's stray emphasis tags (4111); a title's "Q & A" (4234).
    #[test]
    fn pages_whose_later_lines_or_list_words_misled_the_reader() {
        let expected: [PageReading; 8] = [
            (
                include_str!(
                    "../../tests/corpus/pages/4111-the-last-of-us-s2e6-intercitydailynews.txt"
                ),
                "The Last of Us",
                2,
                6,
                None,
            ),
            (
                include_str!("../../tests/corpus/pages/4234-homeland-s2e5-criminalelement.txt"),
                "Homeland",
                2,
                5,
                Some("Q & A"),
            ),
            (
                include_str!("../../tests/corpus/pages/2415-misfits-s2e3-fadedglamour.txt"),
                "Misfits",
                2,
                3,
                None,
            ),
            (
                include_str!("../../tests/corpus/pages/3887-true-blood-s4e9-tvequals.txt"),
                "True Blood",
                4,
                9,
                Some("Let’s Get Out of Here"),
            ),
            (
                include_str!("../../tests/corpus/pages/4075-apothecary-diaries-e8-ja-ciatr.txt"),
                "薬屋のひとりごと",
                1,
                8,
                Some("麦稈"),
            ),
            (
                include_str!(
                    "../../tests/corpus/pages/4197-sousou-no-frieren-e10-ja-somanystars.txt"
                ),
                "葬送のフリーレン",
                1,
                10,
                None,
            ),
            (
                include_str!("../../tests/corpus/pages/2250-saimdang-e7-sinopsista-id.txt"),
                "Saimdang Light's Diary",
                1,
                7,
                None,
            ),
            (
                include_str!("../../tests/corpus/pages/1223-survivor-47-e4-nkstoll.txt"),
                "Survivor",
                47,
                4,
                None,
            ),
        ];
        assert_pages_read_as(&expected);
    }

    /// The sixty-seventh to seventy-fifth collections' pages, new pages of sites the corpus
    /// already held, read blind: a headline inside a caption or behind share buttons (3721,
    /// 3746), the writer's words before a colon and a known show (3622), a quoted name not cut
    /// to a known name inside it (3695), the A.V. Club's, Entertainment Weekly's, Vulture's and
    /// TV Guide's cards (3625, 3617, 4047, 4008), a sentence's first word taken for a show
    /// (3710), forms of numbers ("Doctor Who: 10.06", "Season 2 (Episode 6)", "Episode 508",
    /// "シーズン5の第2話": 3728, 3829, 3864, 3783), a quoted title's "?!" (3767), a known show
    /// before a colon and quotes (3869, 4049), a name's "x" (3886), a streamer's name between a
    /// show and its numbers (3905), a heading with the title (3850), Japanese particles (4006,
    /// 4000, 3131), a brand's possessive (3931), a week's "Recap and Live Blog" (3986), a title
    /// in quotes under the headline (3919) and an anime's "R2" for its second season (3699).
    #[test]
    fn pages_from_the_sixty_seventh_to_seventy_fifth_collections() {
        let expected: [PageReading; 25] = [
            (
                include_str!("../../tests/corpus/pages/3746-yellowjackets-s2e4-spoilertv.txt"),
                "Yellowjackets",
                2,
                4,
                Some("Old Wounds"),
            ),
            (
                include_str!("../../tests/corpus/pages/3721-severance-s2e4-telltaletv.txt"),
                "Severance",
                2,
                4,
                Some("Woe’s Hollow"),
            ),
            (
                include_str!("../../tests/corpus/pages/3622-survivor-s41e9-barstoolsports.txt"),
                "Survivor",
                41,
                9,
                None,
            ),
            (
                include_str!("../../tests/corpus/pages/3695-fight-my-way-e2-jazminemedia.txt"),
                "Fight My Way",
                1,
                2,
                None,
            ),
            (
                include_str!("../../tests/corpus/pages/3625-battlestar-galactica-s4e11-avclub.txt"),
                "Battlestar Galactica",
                4,
                11,
                Some("Sometimes a Great Notion"),
            ),
            (
                include_str!("../../tests/corpus/pages/3617-glee-s2e3-ew.txt"),
                "Glee",
                2,
                3,
                Some("Grilled Cheesus"),
            ),
            (
                include_str!("../../tests/corpus/pages/3710-bodyguard-e4-yahoo.txt"),
                "Bodyguard",
                1,
                4,
                None,
            ),
            (
                include_str!("../../tests/corpus/pages/3728-doctor-who-s10e6-thedigitalfix.txt"),
                "Doctor Who",
                10,
                6,
                Some("Extremis"),
            ),
            (
                include_str!("../../tests/corpus/pages/3767-dan-da-dan-s1e2-bleedingcool.txt"),
                "Dan Da Dan",
                1,
                2,
                Some("That's a Space Alien, Ain't It?!"),
            ),
            (
                include_str!(
                    "../../tests/corpus/pages/3869-breaking-bad-s5e14-thefilteredlens.txt"
                ),
                "Breaking Bad",
                5,
                14,
                Some("Ozymandias"),
            ),
            (
                include_str!("../../tests/corpus/pages/3829-the-affair-s2e6-knightleyemma.txt"),
                "The Affair",
                2,
                6,
                None,
            ),
            (
                include_str!("../../tests/corpus/pages/3864-mad-men-s5e8-screenertv.txt"),
                "Mad Men",
                5,
                8,
                None,
            ),
            (
                include_str!("../../tests/corpus/pages/3886-spy-x-family-e12-thereviewmonster.txt"),
                "Spy x Family",
                1,
                12,
                None,
            ),
            (
                include_str!(
                    "../../tests/corpus/pages/3905-obi-wan-kenobi-part-6-superpoweredfancast.txt"
                ),
                "Obi-Wan Kenobi",
                1,
                6,
                None,
            ),
            (
                include_str!(
                    "../../tests/corpus/pages/3783-bungo-stray-dogs-s5e2-ja-clickthis.txt"
                ),
                "文豪ストレイドッグス",
                5,
                2,
                None,
            ),
            (
                include_str!(
                    "../../tests/corpus/pages/3850-extraordinary-attorney-woo-e15-marymekpop.txt"
                ),
                "Extraordinary Attorney Woo",
                1,
                15,
                Some("Saying and Doing Things Not Asked"),
            ),
            (
                include_str!("../../tests/corpus/pages/4006-miu404-e5-ja-ramen-eiga.txt"),
                "MIU404",
                1,
                5,
                None,
            ),
            (
                include_str!("../../tests/corpus/pages/4000-umi-no-hajimari-e5-ja-komimini.txt"),
                "海のはじまり",
                1,
                5,
                None,
            ),
            (
                include_str!("../../tests/corpus/pages/4047-broadchurch-s3e2-vulture.txt"),
                "Broadchurch",
                3,
                2,
                None,
            ),
            (
                include_str!("../../tests/corpus/pages/4008-mad-men-s3e13-tvguide.txt"),
                "Mad Men",
                3,
                13,
                Some("Shut the Door. Have a Seat"),
            ),
            (
                include_str!(
                    "../../tests/corpus/pages/3931-legends-of-tomorrow-s1e7-geeknation.txt"
                ),
                "Legends Of Tomorrow",
                1,
                7,
                None,
            ),
            (
                include_str!("../../tests/corpus/pages/4049-friday-night-lights-s4e5-sidereel.txt"),
                "Friday Night Lights",
                4,
                5,
                Some("The Son"),
            ),
            (
                include_str!("../../tests/corpus/pages/3986-survivor-43-e9-mjsbigblog.txt"),
                "Survivor",
                43,
                9,
                None,
            ),
            (
                include_str!("../../tests/corpus/pages/3919-the-flash-s2e13-atomicgeekdom.txt"),
                "The Flash",
                2,
                13,
                Some("Welcome to Earth-2"),
            ),
            (
                include_str!("../../tests/corpus/pages/3699-code-geass-r2-e19-lhyeung.txt"),
                "Code Geass",
                2,
                19,
                Some("Betrayal"),
            ),
        ];
        assert_pages_read_as(&expected);
        let a = parse(
            include_str!("../../tests/corpus/pages/3131-squid-game-s3e3-skysunvod.txt"),
            Format::Text,
        );
        assert!(!a.title.is_some_and(|t| t.starts_with('の')), "3131");
    }

    /// Pages of the seventy-sixth to eighty-fourth collections: a byline's initial before the
    /// headline (4158), Japanese 第15回 and "7回" (4192, 4162), a title in 【】 after the labels
    /// (4202), a morning drama's week (4180, 4106), a network after the name (4183), a Korean
    /// sentence over the headline (4094), a theme's "You are currently viewing" (4209), "Season 2
    /// – 05" (4304), "Recap: 2.8 Rose" (4323), "Castle 4-23: Always" (4345), a subtitle between
    /// long dashes (4213), the name in 【】 after a leading marker (4293).
    #[test]
    fn pages_from_the_seventy_sixth_to_eighty_fourth_collections() {
        let expected: [PageReading; 15] = [
            (
                include_str!("../../tests/corpus/pages/4158-outlander-s4e9-usatoday.txt"),
                "Outlander",
                4,
                9,
                Some("The Birds and the Bees"),
            ),
            (
                include_str!("../../tests/corpus/pages/4162-karyu-no-utage-e7-ja-ss-blog.txt"),
                "下流の宴",
                1,
                7,
                None,
            ),
            (
                include_str!("../../tests/corpus/pages/4192-hikaru-kimi-e-e15-ja-taigatv.txt"),
                "光る君へ",
                1,
                15,
                None,
            ),
            (
                include_str!("../../tests/corpus/pages/4195-dousuru-ieyasu-e30-ja-s-koichi.txt"),
                "どうする家康",
                1,
                30,
                Some("新たなる覇者"),
            ),
            (
                include_str!("../../tests/corpus/pages/4202-onna-joshu-naotora-e10-ja-taiga-nhk.txt"),
                "おんな城主直虎",
                1,
                10,
                Some("走れ竜宮小僧"),
            ),
            (
                include_str!("../../tests/corpus/pages/4183-poldark-s2e8-thirteen.txt"),
                "Poldark",
                2,
                8,
                None,
            ),
            (
                include_str!("../../tests/corpus/pages/4094-extraordinary-attorney-woo-e7-ko-hahapot.txt"),
                "이상한 변호사 우영우",
                1,
                7,
                Some("소덕동 이야기 1"),
            ),
            (
                include_str!("../../tests/corpus/pages/4106-boogie-woogie-e38-ja-dorama-wide.txt"),
                "ブギウギ",
                1,
                38,
                None,
            ),
            (
                include_str!("../../tests/corpus/pages/4180-tora-ni-tsubasa-e58-ja-xn--l8j1bc5qzj4b2az6t7a1489k.txt"),
                "虎に翼",
                1,
                58,
                None,
            ),
            (
                include_str!("../../tests/corpus/pages/4209-yellowjackets-s2e4-gardenstatejournal.txt"),
                "Yellowjackets",
                2,
                4,
                None,
            ),
            (
                include_str!("../../tests/corpus/pages/4304-oshi-no-ko-s2e5-likelysystems.txt"),
                "Oshi no Ko",
                2,
                5,
                None,
            ),
            (
                include_str!("../../tests/corpus/pages/4323-the-vampire-diaries-s2e8-vampirediariesonline.txt"),
                "The Vampire Diaries",
                2,
                8,
                Some("Rose"),
            ),
            (
                include_str!("../../tests/corpus/pages/4345-castle-s4e23-thedisneyblog.txt"),
                "Castle",
                4,
                23,
                Some("Always"),
            ),
            (
                include_str!("../../tests/corpus/pages/4213-dorokei-e6-ja-dorama9.txt"),
                "ドロ刑",
                1,
                6,
                None,
            ),
            (
                include_str!("../../tests/corpus/pages/4293-lion-no-kakurega-e5-ja-nanasato-jibika.txt"),
                "ライオンの隠れ家",
                1,
                5,
                None,
            ),
        ];
        assert_pages_read_as(&expected);
        let spooks = parse(
            include_str!("../../tests/corpus/pages/4256-spooks-s7e2-geeksyndicate.txt"),
            Format::Text,
        );
        assert_eq!(spooks.rating.map(|r| r.to_string()).as_deref(), Some("5 / 5 (5/5)"));
        let transcript = parse_article(
            include_str!(
                "../../tests/corpus/pages/4322-not-recap-bridgerton-s3e1-transcript-scrapsfromtheloft.txt"
            ),
            Format::Text,
            &Hints::default(),
        );
        assert!(matches!(transcript, Err(ArticleError::NotARecap(_))), "{transcript:?}");
    }

    /// Words in lower case quoted before a noun describe it and name no episode: "Gen V recaps:
    /// Episodes 2 and 3 have big “we need to get the plot moving” energy", whose next line
    /// opens on the titles, "“First Day” and “#ThinkBrink” raise oh so many questions"
    /// (1334-gen-v-s1e2-3-clubnseries.txt); "Okay, "traitor" plot lines are as old as the hills"
    /// (1332-task-e4-brit.txt).
    #[test]
    fn quoted_words_before_a_noun_are_no_title() {
        let title = |text: &str| parse(text, Format::Text).title;
        assert_eq!(
            title(include_str!("../../tests/corpus/pages/1334-gen-v-s1e2-3-clubnseries.txt"))
                .as_deref(),
            Some("First Day")
        );
        assert_eq!(
            title(include_str!("../../tests/corpus/pages/1332-task-e4-brit.txt")).as_deref(),
            Some("All Roads")
        );
    }

    /// The page's own episode numbered on a line of its own with its title: "EPISODE 7
    /// Confession Gone Wrong" under the headline
    /// (1495-marry-him-if-you-dare-e7-imaginelifewithoutdrama.txt), "Session 16: Black Dog
    /// Serenade" after the lede (1786-cowboy-bebop-sessions-16-17-maniadelight.txt).
    #[test]
    fn a_numbered_title_line_below_the_headline() {
        let title = |text: &str| parse(text, Format::Text).title;
        assert_eq!(
            title(include_str!(
                "../../tests/corpus/pages/1495-marry-him-if-you-dare-e7-imaginelifewithoutdrama.txt"
            ))
            .as_deref(),
            Some("Confession Gone Wrong")
        );
        assert_eq!(
            title(include_str!(
                "../../tests/corpus/pages/1786-cowboy-bebop-sessions-16-17-maniadelight.txt"
            ))
            .as_deref(),
            Some("Black Dog Serenade")
        );
        assert_eq!(
            numbered_title("Episode 4 is another interesting entry for the series.", 4),
            None
        );
    }

    /// A quoted title after the episode's number written as a word: "Shōgun Episode Nine:
    /// ‘Crimson Sky’" (240-shogun-e9-midnightreviews.txt), "with episode seven “Beach House”"
    /// (1226-girls-e7-8-suffolkvoice.txt).
    #[test]
    fn a_quoted_title_after_a_number_in_words() {
        assert_eq!(
            quoted_after_number("Shōgun Episode Nine: ‘Crimson Sky’", 9),
            Some("Crimson Sky")
        );
        assert_eq!(quoted_after_number("with episode seven “Beach House”", 7), Some("Beach House"));
        assert_eq!(quoted_after_number("with episode seven “Beach House”", 8), None);
    }
}
