//! Turns a stored recap into Discord-sized embed pages.
//!
//! Plain data out: the Discord layer maps [`EmbedPage`] to an embed builder
//! (the sandbox prints what Discord then holds), and the tests check every
//! Discord limit. All lengths are counted in chars (Unicode scalar values),
//! as Discord counts them, never in bytes.
//!
//! Layout:
//! - The recap body fills the descriptions of the first page(s), split at
//!   paragraph, else sentence, else word boundaries (else between chars).
//! - The review goes as "Review" / "Review (cont.)" fields on the last recap
//!   page when it fits, else on page(s) of its own whose description starts
//!   with "**Review**".
//! - Every page carries the same info fields: "Critic rating" (when known),
//!   "Community" and "Source".
//! - The footer says "Page 2/3 · Published 1 May 2024" (parts omitted when
//!   there is one page / no publication date).
//!
//! The recap and review are the article's own words; the frame around them (field names,
//! score lines, footers) is in the reader's language, English the way it always was.

use std::sync::LazyLock;

use chrono::Datelike;

use crate::i18n::{Locale, PerLocale};
use crate::recap::{EpisodeNumber, Recap, RecapId};
use crate::tr;

/// Discord's limits for one embed.
pub const TITLE_MAX: usize = 256;
pub const DESCRIPTION_MAX: usize = 4096;
pub const FIELD_NAME_MAX: usize = 256;
pub const FIELD_VALUE_MAX: usize = 1024;
pub const FOOTER_MAX: usize = 2048;
pub const FIELDS_MAX: usize = 25;
pub const EMBED_MAX: usize = 6000;
/// Discord's limit for a component custom id.
pub const CUSTOM_ID_MAX: usize = 100;

/// Target description length per page, so fields fit under [`EMBED_MAX`].
const PAGE_TARGET: usize = 3500;
/// Room kept for the footer, which is only known once pages are counted.
const FOOTER_RESERVE: usize = 64;
/// A review needing more fields than this gets page(s) of its own.
const MAX_REVIEW_FIELDS: usize = 3;
/// Discord rejects longer embed urls.
const URL_MAX: usize = 2048;

/// The words around a recap in one locale. Those without numbers are formatted once per
/// locale: a recap message is rendered on every /recap, click and score edit.
struct Frame {
    locale: Locale,
    review: String,
    review_cont: String,
    critic_rating: String,
    community: String,
    source: String,
    unknown: String,
    empty: String,
    no_votes: String,
    rate: String,
}

static FRAMES: LazyLock<PerLocale<Frame>> = LazyLock::new(|| PerLocale::new(Frame::new));

impl Frame {
    fn of(locale: Locale) -> &'static Frame {
        FRAMES.get(locale)
    }

    fn new(locale: Locale) -> Frame {
        let text = |id: &str| locale.text(id, &[]);
        Frame {
            locale,
            review: text("recap-review"),
            review_cont: text("recap-review-cont"),
            critic_rating: text("recap-critic-rating"),
            community: text("recap-community"),
            source: text("recap-source"),
            unknown: text("recap-source-unknown"),
            empty: text("recap-empty"),
            no_votes: text("recap-no-votes"),
            rate: text("recap-rate"),
        }
    }

    /// "Page 2/3".
    fn page(&self, page: usize, pages: usize) -> String {
        tr!(self.locale, "recap-page", page = page, pages = pages)
    }

    /// "Published 1 May 2024" (UTC), or `None` for a time chrono cannot represent.
    fn published(&self, secs: i64) -> Option<String> {
        let date = chrono::DateTime::from_timestamp(secs, 0)?;
        Some(tr!(
            self.locale,
            "recap-published",
            day = date.day(),
            month = date.month(),
            year = date.year()
        ))
    }
}

/// Community scores for a recap.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    pub server: Option<Score>,
    pub all_servers: Option<Score>,
}

/// An average of 1–5 votes, shown as "★ 4.3 · 27 votes".
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    pub average: f64,
    pub votes: u32,
}

impl Score {
    /// "★ 4.3 · 27 votes" in `locale`.
    pub fn shown(&self, locale: Locale) -> String {
        format!("★ {:.1} · {}", self.average, tr!(locale, "score-votes", votes = self.votes))
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RenderOptions {
    /// Wrap recap and review text in Discord spoiler markup.
    pub spoilers: bool,
    /// The language of the frame around the recap.
    pub locale: Locale,
}

/// One embed, within every Discord limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedPage {
    pub title: String,
    /// A valid http(s) url, or `None`.
    pub url: Option<String>,
    /// Never longer than [`DESCRIPTION_MAX`]; may be empty only in theory.
    pub description: String,
    pub fields: Vec<EmbedField>,
    /// May be empty (single page, no publication date): then set no footer.
    pub footer: String,
    /// Publication time, unix seconds.
    pub timestamp: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedField {
    pub name: String,
    pub value: String,
    pub inline: bool,
}

impl EmbedPage {
    /// Characters as Discord counts them towards the 6000 limit.
    pub fn char_count(&self) -> usize {
        chars(&self.title)
            + chars(&self.description)
            + self.fields.iter().map(EmbedField::char_count).sum::<usize>()
            + chars(&self.footer)
    }
}

impl EmbedField {
    fn new(name: &str, value: String, inline: bool) -> Self {
        EmbedField {
            name: truncate(name, FIELD_NAME_MAX),
            value: truncate(&value, FIELD_VALUE_MAX),
            inline,
        }
    }

    fn char_count(&self) -> usize {
        chars(&self.name) + chars(&self.value)
    }
}

/// Everything a recap message shows: the recap, where it stands among the show's episodes
/// (for ⏮ ⏭), its community scores, and whether its text hides behind spoiler markup.
#[derive(Debug, Clone, PartialEq)]
pub struct RecapView {
    /// Shared with the catalogue that holds it: the same recap is the same allocation.
    pub recap: std::sync::Arc<Recap>,
    /// The show's episodes that have a recap, in order.
    pub episodes: Vec<EpisodeNumber>,
    pub scores: Scores,
    pub spoilers: bool,
}

impl RecapView {
    /// The recap's pages (never zero), framed in `locale`.
    pub fn pages(&self, locale: Locale) -> Vec<EmbedPage> {
        let options = RenderOptions { spoilers: self.spoilers, locale };
        render_recap(&self.recap, &self.scores, &options)
    }

    pub fn has_previous(&self) -> bool {
        self.position().is_some_and(|i| i > 0)
    }

    pub fn has_next(&self) -> bool {
        self.position().is_some_and(|i| i + 1 < self.episodes.len())
    }

    fn position(&self) -> Option<usize> {
        self.episodes.iter().position(|n| *n == self.recap.number)
    }
}

/// The one-page alert of a new recap: its opening paragraph (cut at a word near 300
/// characters), critic rating and source, within the same limits as every page, framed in
/// `locale`.
pub fn alert_page(recap: &Recap, spoilers: bool, locale: Locale) -> EmbedPage {
    let frame = Frame::of(locale);
    let summary = summary(&recap.recap);
    let mut fields = Vec::new();
    if let Some(rating) = &recap.rating {
        fields.push(EmbedField::new(&frame.critic_rating, rating.to_string(), true));
    }
    let url = embed_url(recap.url.as_deref());
    let source = match &url {
        Some(url) => format!("[{}]({url})", recap.source_site),
        None => recap.source_site.clone(),
    };
    fields.push(EmbedField::new(&frame.source, source, true));
    EmbedPage {
        title: truncate(&headline(recap), TITLE_MAX),
        url,
        description: truncate(&if spoilers { spoiler(&summary) } else { summary }, DESCRIPTION_MAX),
        fields,
        footer: frame.rate.clone(),
        timestamp: recap.published_at,
    }
}

/// A recap's opening paragraph, cut at a word near 300 characters.
fn summary(recap: &str) -> String {
    let first = recap.split("\n\n").next().unwrap_or_default().trim();
    if first.chars().count() <= 300 {
        return first.to_string();
    }
    let cut: String = first.chars().take(300).collect();
    let at_word = cut.rfind(' ').map(|i| &cut[..i]).unwrap_or(&cut);
    format!("{at_word}…")
}

/// Renders a recap as one or more embed pages (never zero).
pub fn render_recap(recap: &Recap, scores: &Scores, options: &RenderOptions) -> Vec<EmbedPage> {
    let spoilers = options.spoilers;
    let frame = Frame::of(options.locale);
    let title = truncate(&headline(recap), TITLE_MAX);
    let url = embed_url(recap.url.as_deref());
    let info = info_fields(recap, scores, url.as_deref(), frame);
    let info_len: usize = info.iter().map(EmbedField::char_count).sum();
    let fixed = chars(&title) + info_len + FOOTER_RESERVE;
    let budget = PAGE_TARGET.min(DESCRIPTION_MAX).min(EMBED_MAX.saturating_sub(fixed));

    let page = |description: String, extra: Vec<EmbedField>| EmbedPage {
        title: title.clone(),
        url: url.clone(),
        description,
        fields: extra.into_iter().chain(info.iter().cloned()).collect(),
        footer: String::new(),
        timestamp: recap.published_at,
    };

    let mut pages: Vec<EmbedPage> = if recap.recap.trim().is_empty() {
        vec![page(frame.empty.clone(), Vec::new())]
    } else {
        paginate(&recap.recap, budget, spoilers).into_iter().map(|d| page(d, Vec::new())).collect()
    };

    if let Some(review) = recap.review.as_deref().filter(|r| !r.trim().is_empty()) {
        let chunks = paginate(review, FIELD_VALUE_MAX, spoilers);
        let fields: Vec<EmbedField> = chunks
            .into_iter()
            .enumerate()
            .map(|(i, v)| {
                EmbedField::new(if i == 0 { &frame.review } else { &frame.review_cont }, v, false)
            })
            .collect();
        let last = pages.last_mut().expect("at least one page");
        let fields_len: usize = fields.iter().map(EmbedField::char_count).sum();
        if fields.len() <= MAX_REVIEW_FIELDS
            && last.fields.len() + fields.len() <= FIELDS_MAX
            && last.char_count() + fields_len + FOOTER_RESERVE <= EMBED_MAX
        {
            last.fields.splice(0..0, fields);
        } else {
            let heading_len = chars(&review_heading(&frame.review_cont));
            for (i, chunk) in paginate(review, budget.saturating_sub(heading_len), spoilers)
                .into_iter()
                .enumerate()
            {
                let heading =
                    review_heading(if i == 0 { &frame.review } else { &frame.review_cont });
                pages.push(page(heading + &chunk, Vec::new()));
            }
        }
    }

    let total = pages.len();
    let published = recap.published_at.and_then(|secs| frame.published(secs));
    for (i, p) in pages.iter_mut().enumerate() {
        let mut parts = Vec::new();
        if total > 1 {
            parts.push(frame.page(i + 1, total));
        }
        if let Some(published) = &published {
            parts.push(published.clone());
        }
        p.footer = truncate(&parts.join(" · "), FOOTER_MAX);
    }
    pages
}

/// "Soundtrack #1 — S1E2 · Track 2 – A picture is worth a thousand words"
/// (untruncated; [`render_recap`] cuts it to [`TITLE_MAX`]).
pub fn headline(recap: &Recap) -> String {
    let mut s = format!("{} — {}", recap.show.trim(), recap.number);
    if let Some(title) = recap.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        s.push_str(" · ");
        s.push_str(title);
    }
    s
}

/// "This server: ★ 4.3 · 27 votes\nAll servers: ★ 4.1 · 310 votes" in `locale`, or
/// `None` when nobody has voted.
pub fn score_line(scores: &Scores, locale: Locale) -> Option<String> {
    let lines: Vec<String> =
        [("score-this-server", scores.server), ("score-all-servers", scores.all_servers)]
            .into_iter()
            .filter_map(|(id, s)| {
                let s = s.filter(|s| s.votes > 0)?;
                Some(tr!(locale, id, score = s.shown(locale)))
            })
            .collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// Wraps each paragraph in Discord spoiler markup: `||…||`, paragraphs
/// separated by a blank line. A `|` in the text becomes `∣` (U+2223, same
/// length in chars) so the text can never close the spoiler early.
pub fn spoiler(text: &str) -> String {
    render_paragraphs(&paragraphs(text), true)
}

// ---------------------------------------------------------------------------
// Buttons
// ---------------------------------------------------------------------------

/// What a pager button does. Its state lives in the custom id so buttons
/// keep working after a restart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PagerAction {
    /// Show page `page` (zero-based index into [`render_recap`]'s pages).
    Page { recap: RecapId, page: u16 },
    /// Show the recap of the previous/next episode.
    Episode { recap: RecapId, direction: Direction },
    /// Show the recap although the member is on an earlier episode: they said yes.
    Reveal { recap: RecapId },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Previous,
    Next,
}

const ID_PREFIX: &str = "recap";

/// "recap:p:42:3:s" (page 3 of recap 42, spoilers on) or
/// "recap:e:42:next:n" (next episode, spoilers off). At most 36 chars.
pub fn custom_id(action: PagerAction, spoilers: bool) -> String {
    let flag = if spoilers { "s" } else { "n" };
    match action {
        PagerAction::Page { recap, page } => format!("{ID_PREFIX}:p:{}:{page}:{flag}", recap.0),
        PagerAction::Episode { recap, direction } => {
            let dir = match direction {
                Direction::Previous => "prev",
                Direction::Next => "next",
            };
            format!("{ID_PREFIX}:e:{}:{dir}:{flag}", recap.0)
        }
        PagerAction::Reveal { recap } => format!("{ID_PREFIX}:r:{}:0:{flag}", recap.0),
    }
}

/// The inverse of [`custom_id`]; `None` for anything it did not produce.
pub fn parse_custom_id(id: &str) -> Option<(PagerAction, bool)> {
    let parts: Vec<&str> = id.split(':').collect();
    let [ID_PREFIX, kind, recap, arg, flag] = parts[..] else {
        return None;
    };
    let recap = RecapId(canonical::<i64>(recap)?);
    let spoilers = match flag {
        "s" => true,
        "n" => false,
        _ => return None,
    };
    let action = match kind {
        "p" => PagerAction::Page { recap, page: canonical::<u16>(arg)? },
        "e" => {
            let direction = match arg {
                "prev" => Direction::Previous,
                "next" => Direction::Next,
                _ => return None,
            };
            PagerAction::Episode { recap, direction }
        }
        "r" if arg == "0" => PagerAction::Reveal { recap },
        _ => return None,
    };
    Some((action, spoilers))
}

/// Parses a number only in the form `to_string` writes it (no "+", no
/// leading zeros), so each action has exactly one id.
fn canonical<T: std::str::FromStr + ToString>(s: &str) -> Option<T> {
    let n: T = s.parse().ok()?;
    (n.to_string() == s).then_some(n)
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// Cuts `s` to at most `max` chars, ending in "…" when cut.
pub(crate) fn truncate(s: &str, max: usize) -> String {
    if chars(s) <= max {
        return s.to_string();
    }
    let kept: String = s.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}

fn review_heading(name: &str) -> String {
    format!("**{name}**\n\n")
}

/// The recap's url if Discord will accept it as an embed url.
fn embed_url(url: Option<&str>) -> Option<String> {
    let parsed = url::Url::parse(url?.trim()).ok()?;
    let ok = matches!(parsed.scheme(), "http" | "https")
        && parsed.host_str().is_some()
        && chars(parsed.as_str()) <= URL_MAX;
    ok.then(|| parsed.to_string())
}

fn info_fields(
    recap: &Recap,
    scores: &Scores,
    url: Option<&str>,
    frame: &Frame,
) -> Vec<EmbedField> {
    let mut fields = Vec::new();
    if let Some(rating) = &recap.rating {
        fields.push(EmbedField::new(&frame.critic_rating, rating.to_string(), true));
    }
    let community = score_line(scores, frame.locale).unwrap_or_else(|| frame.no_votes.clone());
    fields.push(EmbedField::new(&frame.community, community, true));
    let site = recap.source_site.trim();
    let site = if site.is_empty() { frame.unknown.as_str() } else { site };
    let source = match url {
        Some(url) => {
            let link = format!("[{site}]({})", url.replace('(', "%28").replace(')', "%29"));
            if chars(&link) <= FIELD_VALUE_MAX {
                link
            } else {
                site.to_string()
            }
        }
        None => site.to_string(),
    };
    fields.push(EmbedField::new(&frame.source, source, true));
    fields
}

/// Paragraphs (separated by blank lines), trimmed, none empty.
fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(current.join("\n").trim().to_string());
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(current.join("\n").trim().to_string());
    }
    out
}

fn render_paragraphs(paragraphs: &[String], spoilers: bool) -> String {
    let rendered: Vec<String> = paragraphs
        .iter()
        .map(|p| if spoilers { format!("||{}||", p.replace('|', "∣")) } else { p.clone() })
        .collect();
    rendered.join("\n\n")
}

/// Splits `text` into rendered chunks of at most `budget` chars each
/// (markup included), packing whole paragraphs where possible.
fn paginate(text: &str, budget: usize, spoilers: bool) -> Vec<String> {
    let overhead = if spoilers { 4 } else { 0 };
    // Guard against absurd budgets; real budgets are in the thousands.
    let budget = budget.max(overhead + 16);
    let mut pages: Vec<Vec<String>> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut current_len = 0;
    for para in paragraphs(text) {
        let len = chars(&para) + overhead;
        let sep = if current.is_empty() { 0 } else { 2 };
        if current_len + sep + len <= budget {
            current_len += sep + len;
            current.push(para);
            continue;
        }
        if !current.is_empty() {
            pages.push(std::mem::take(&mut current));
        }
        if len <= budget {
            current_len = len;
            current.push(para);
            continue;
        }
        let mut pieces = split_long(&para, budget - overhead);
        let last = pieces.pop().expect("a long paragraph has pieces");
        pages.extend(pieces.into_iter().map(|p| vec![p]));
        current_len = chars(&last) + overhead;
        current.push(last);
    }
    if !current.is_empty() || pages.is_empty() {
        pages.push(current);
    }
    pages.iter().map(|p| render_paragraphs(p, spoilers)).collect()
}

/// Splits one paragraph into pieces of at most `max` chars: at the last
/// sentence end in the second half of the window, else the last space, else
/// between chars (not inside an emoji sequence when avoidable).
fn split_long(text: &str, max: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text.trim();
    while chars(rest) > max {
        let window: Vec<(usize, char)> = rest.char_indices().take(max + 1).collect();
        let mut sentence = None;
        let mut word = None;
        for k in 1..=max {
            if window[k].1.is_whitespace() {
                word = Some(k);
                if ends_sentence(&window[..k]) {
                    sentence = Some(k);
                }
            }
        }
        let cut = match (sentence, word) {
            (Some(s), _) if s >= max / 2 => s,
            (_, Some(w)) => w,
            _ => hard_cut(&window, max),
        };
        let byte = window[cut].0;
        out.push(rest[..byte].trim_end().to_string());
        rest = rest[byte..].trim_start();
    }
    if !rest.is_empty() {
        out.push(rest.to_string());
    }
    out
}

fn ends_sentence(prefix: &[(usize, char)]) -> bool {
    let mut it = prefix.iter().rev().map(|&(_, c)| c).skip_while(|c| c.is_whitespace());
    let mut c = it.next();
    while matches!(c, Some('"' | '\'' | '”' | '’' | ')' | ']' | '»' | '」' | '』')) {
        c = it.next();
    }
    matches!(c, Some('.' | '!' | '?' | '…' | '。' | '！' | '？'))
}

/// A cut index in `1..=max` that does not separate a char from the joiner,
/// variation selector, skin tone or combining mark that goes with it.
fn hard_cut(window: &[(usize, char)], max: usize) -> usize {
    let glued = |c: char| {
        c == '\u{200d}'
            || ('\u{fe00}'..='\u{fe0f}').contains(&c)
            || ('\u{1f3fb}'..='\u{1f3ff}').contains(&c)
            || ('\u{e0020}'..='\u{e007f}').contains(&c)
            || unicode_normalization::char::is_combining_mark(c)
    };
    let mut cut = max;
    while cut > max / 2 && (glued(window[cut].1) || window[cut - 1].1 == '\u{200d}') {
        cut -= 1;
    }
    if cut <= max / 2 {
        max
    } else {
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::article::{parse_article, CriticRating, Format, Hints};
    use crate::recap::{EpisodeId, EpisodeNumber, ShowId};

    const SAMPLE: &str = include_str!("../../tests/data/soundtrack-1-s01e02.txt");

    fn sample() -> Recap {
        let a = parse_article(SAMPLE, Format::Text, &Hints::default()).unwrap();
        Recap {
            id: RecapId(7),
            show_id: ShowId(1),
            show: a.show,
            episode_id: EpisodeId(3),
            number: EpisodeNumber {
                season: a.season,
                episode: a.episode,
                episode_end: a.episode_end,
            },
            title: a.title,
            source_site: "TheReviewGeek".into(),
            url: Some("https://www.thereviewgeek.com/soundtrack1-s1e2review/".into()),
            recap: a.recap,
            review: a.review,
            rating: Some(CriticRating::new(4.0, 5.0)),
            published_at: Some(1_714_521_600), // 2024-05-01 00:00 UTC
            updated_at: 1_714_521_600,
            owner: None,
        }
    }

    fn recap_with(recap: String, review: Option<String>) -> Recap {
        Recap { recap, review, ..sample() }
    }

    fn scores() -> Scores {
        Scores {
            server: Some(Score { average: 4.3, votes: 27 }),
            all_servers: Some(Score { average: 4.1, votes: 310 }),
        }
    }

    const ON: RenderOptions = RenderOptions { spoilers: true, locale: Locale::EN };
    const OFF: RenderOptions = RenderOptions { spoilers: false, locale: Locale::EN };
    const REVIEW: &str = "Review";
    const REVIEW_CONT: &str = "Review (cont.)";
    const NO_VOTES: &str = "No votes yet — rate with 1️⃣–5️⃣";
    const EMPTY_RECAP: &str = "*No recap text.*";

    fn assert_limits(pages: &[EmbedPage]) {
        assert!(!pages.is_empty());
        for p in pages {
            assert!(chars(&p.title) <= TITLE_MAX, "title {}", chars(&p.title));
            assert!(chars(&p.description) <= DESCRIPTION_MAX, "desc {}", chars(&p.description));
            assert!(p.fields.len() <= FIELDS_MAX);
            for f in &p.fields {
                assert!(!f.name.is_empty() && chars(&f.name) <= FIELD_NAME_MAX);
                assert!(!f.value.is_empty() && chars(&f.value) <= FIELD_VALUE_MAX, "{f:?}");
            }
            assert!(chars(&p.footer) <= FOOTER_MAX);
            assert!(p.char_count() <= EMBED_MAX, "total {}", p.char_count());
        }
    }

    /// Text with markup and headings removed, whitespace dropped.
    fn squash(s: &str) -> String {
        s.replace(&review_heading(REVIEW_CONT), "")
            .replace(&review_heading(REVIEW), "")
            .replace("||", "")
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    }

    /// Text with markup and headings removed, whitespace normalised.
    fn words(s: &str) -> String {
        s.replace(&review_heading(REVIEW_CONT), "")
            .replace(&review_heading(REVIEW), "")
            .replace("||", " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn recap_text(pages: &[EmbedPage]) -> String {
        let descs: Vec<&str> = pages
            .iter()
            .map(|p| p.description.as_str())
            .filter(|d| !d.starts_with("**Review"))
            .collect();
        descs.join("\n\n")
    }

    fn review_text(pages: &[EmbedPage]) -> String {
        let mut parts: Vec<&str> = Vec::new();
        for p in pages {
            if p.description.starts_with("**Review") {
                parts.push(&p.description);
            }
            parts.extend(p.fields.iter().filter(|f| f.name.starts_with(REVIEW)).map(|f| &*f.value));
        }
        parts.join("\n\n")
    }

    /// ~`n` chars of English prose in paragraphs of varying length.
    fn prose(n: usize) -> String {
        let sentence = "Sun-Woo finally admits how he feels, and Eun-Soo is speechless. ";
        let mut s = String::new();
        let mut i = 0;
        while chars(&s) < n {
            s.push_str(sentence);
            i += 1;
            if i % (3 + i % 7) == 0 {
                s = s.trim_end().to_string();
                s.push_str("\n\n");
            }
        }
        s.trim().to_string()
    }

    #[test]
    fn sample_renders_one_page_with_headline_and_fields() {
        let recap = sample();
        assert_eq!(
            headline(&recap),
            "Soundtrack #1 — S1E2 · Track 2 – A picture is worth a thousand words"
        );
        let pages = render_recap(&recap, &scores(), &OFF);
        assert_eq!(pages.len(), 1);
        let p = &pages[0];
        assert_limits(&pages);
        assert_eq!(p.title, headline(&recap));
        assert_eq!(p.url.as_deref(), Some("https://www.thereviewgeek.com/soundtrack1-s1e2review/"));
        assert_eq!(p.description, recap.recap);
        let names: Vec<&str> = p.fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["Review", "Critic rating", "Community", "Source"]);
        assert_eq!(p.fields[0].value, recap.review.clone().unwrap());
        assert!(!p.fields[0].inline);
        assert_eq!(p.fields[1].value, "4/5");
        assert_eq!(
            p.fields[2].value,
            "This server: ★ 4.3 · 27 votes\nAll servers: ★ 4.1 · 310 votes"
        );
        assert_eq!(
            p.fields[3].value,
            "[TheReviewGeek](https://www.thereviewgeek.com/soundtrack1-s1e2review/)"
        );
        assert_eq!(p.footer, "Published 1 May 2024");
        assert_eq!(p.timestamp, Some(1_714_521_600));
    }

    #[test]
    fn sample_with_spoilers_wraps_every_paragraph() {
        let recap = sample();
        let pages = render_recap(&recap, &Scores::default(), &ON);
        assert_eq!(pages.len(), 1);
        let p = &pages[0];
        for para in p.description.split("\n\n") {
            assert!(para.starts_with("||") && para.ends_with("||"), "{para}");
        }
        assert!(p.fields[0].value.starts_with("||") && p.fields[0].value.ends_with("||"));
        assert_eq!(p.fields[2].value, NO_VOTES);
        assert_eq!(words(&p.description), words(&recap.recap));
    }

    #[test]
    fn long_recap_and_review_split_without_loss() {
        for options in [ON, OFF] {
            let body = prose(10_000);
            let review = prose(5_000);
            let recap = recap_with(body.clone(), Some(review.clone()));
            let pages = render_recap(&recap, &scores(), &options);
            assert!(pages.len() >= 4, "{} pages", pages.len());
            assert_limits(&pages);
            for p in &pages {
                assert!(chars(&p.description) <= PAGE_TARGET);
            }
            assert_eq!(words(&recap_text(&pages)), words(&body));
            assert_eq!(words(&review_text(&pages)), words(&review));
            // The long review has pages of its own, each with its heading.
            let last = pages.last().unwrap();
            assert!(last.description.starts_with("**Review (cont.)**\n\n"));
            let n = pages.len();
            for (i, p) in pages.iter().enumerate() {
                assert_eq!(p.footer, format!("Page {}/{n} · Published 1 May 2024", i + 1));
                assert_eq!(p.fields.len(), 3, "info fields on every page");
            }
        }
    }

    #[test]
    fn medium_review_becomes_fields_on_the_last_page() {
        let review = prose(1_800);
        let recap = recap_with(prose(10_000), Some(review.clone()));
        for options in [ON, OFF] {
            let pages = render_recap(&recap, &scores(), &options);
            assert_limits(&pages);
            let last = pages.last().unwrap();
            assert_eq!(last.fields[0].name, "Review");
            assert_eq!(last.fields[1].name, "Review (cont.)");
            assert!(pages.iter().all(|p| !p.description.starts_with("**Review")));
            assert_eq!(words(&review_text(&pages)), words(&review));
        }
    }

    #[test]
    fn splits_at_paragraphs_then_sentences_then_words() {
        // Paragraphs that fit are never split.
        let para = "Word ".repeat(300).trim().to_string(); // 1499 chars
        let text = [para.as_str(); 5].join("\n\n");
        let chunks = paginate(&text, 3500, false);
        assert_eq!(chunks.len(), 3);
        assert!(chunks.iter().all(|c| c.split("\n\n").all(|p| p == para)));

        // One huge paragraph splits after a sentence.
        let text = "This is a sentence. ".repeat(500);
        let chunks = paginate(&text, 3500, false);
        assert!(chunks.len() >= 3);
        for c in &chunks {
            assert!(c.ends_with('.'), "{}", &c[c.len() - 20..]);
            assert!(chars(c) <= 3500);
        }

        // No sentence ends: split between words.
        let text = "word ".repeat(2000);
        for c in paginate(&text, 1000, true) {
            assert!(c.starts_with("||word") && c.ends_with("word||"));
            assert!(chars(&c) <= 1000);
        }
    }

    #[test]
    fn counts_chars_not_bytes_korean_and_emoji() {
        let korean = "선우는 은수에게 마음을 고백한다. 🎬🍿 드라마가 끝났다! ".repeat(400);
        assert!(korean.len() > 3 * chars(&korean) / 2);
        for options in [ON, OFF] {
            let recap = recap_with(korean.clone(), Some("정말 좋은 에피소드 ❤️. ".repeat(200)));
            let pages = render_recap(&recap, &scores(), &options);
            assert_limits(&pages);
            // Bytes would be far more than the limits; chars are used fully.
            assert!(pages[0].description.len() > DESCRIPTION_MAX);
            assert!(chars(&pages[0].description) > 3000);
            assert_eq!(words(&recap_text(&pages)), words(&korean));
        }

        // No spaces at all: cut between chars, never inside one, never
        // inside an emoji ZWJ sequence.
        let family = "👨‍👩‍👧";
        let text = format!("{}{}", "가".repeat(5000), family.repeat(1500));
        let recap = recap_with(text.clone(), None);
        let pages = render_recap(&recap, &Scores::default(), &ON);
        assert_limits(&pages);
        assert_eq!(squash(&recap_text(&pages)), text.replace('|', "∣"));
        for p in &pages {
            let inner = p.description.trim_start_matches("||");
            assert!(!inner.starts_with('\u{200d}'), "page starts inside an emoji");
            assert!(!p.description.trim_end_matches("||").ends_with('\u{200d}'));
        }

        assert_eq!(truncate("가나다라마", 3), "가나…");
        assert_eq!(truncate("🎬🎬", 2), "🎬🎬");
    }

    #[test]
    fn long_title_url_and_site_stay_within_limits() {
        let mut recap = recap_with(prose(12_000), Some(prose(900)));
        recap.show = "드라마 🎬 ".repeat(100);
        recap.title = Some("x".repeat(500));
        recap.source_site = "Site ".repeat(400);
        recap.url = Some(format!("https://example.com/{}", "a".repeat(1500)));
        let pages = render_recap(&recap, &scores(), &ON);
        assert_limits(&pages);
        assert_eq!(chars(&pages[0].title), TITLE_MAX);
        assert!(pages[0].title.ends_with('…'));
        let source = pages[0].fields.iter().find(|f| f.name == "Source").unwrap();
        assert!(!source.value.starts_with('['), "too long for a link: site name only");

        recap.url = Some("javascript:alert(1)".into());
        let pages = render_recap(&recap, &scores(), &OFF);
        assert_eq!(pages[0].url, None);

        recap.url = Some("https://example.com/a_(b)".into());
        recap.source_site = "Site".into();
        let pages = render_recap(&recap, &scores(), &OFF);
        let source = pages[0].fields.iter().find(|f| f.name == "Source").unwrap();
        assert_eq!(source.value, "[Site](https://example.com/a_%28b%29)");
    }

    #[test]
    fn empty_recap_renders_one_page() {
        for body in ["", "  \n\n \t "] {
            let mut recap = recap_with(body.into(), None);
            recap.rating = None;
            recap.url = None;
            recap.published_at = None;
            recap.title = None;
            let pages = render_recap(&recap, &Scores::default(), &ON);
            assert_eq!(pages.len(), 1);
            assert_limits(&pages);
            assert_eq!(pages[0].title, "Soundtrack #1 — S1E2");
            assert_eq!(pages[0].description, EMPTY_RECAP);
            assert_eq!(pages[0].footer, "");
            let names: Vec<&str> = pages[0].fields.iter().map(|f| f.name.as_str()).collect();
            assert_eq!(names, ["Community", "Source"]);
            assert_eq!(pages[0].fields[1].value, "TheReviewGeek");
        }
    }

    #[test]
    fn spoiler_wraps_paragraphs_and_cannot_be_escaped() {
        assert_eq!(spoiler("One.\n\n\nTwo\nlines."), "||One.||\n\n||Two\nlines.||");
        assert_eq!(spoiler("a || b | c"), "||a ∣∣ b ∣ c||");
        assert_eq!(spoiler("||"), "||∣∣||");
        assert_eq!(spoiler("  \n "), "");
        // Only the wrapping pipes remain in every paragraph.
        let s = spoiler("x||y\n\n||z||\n\n|");
        for p in s.split("\n\n") {
            assert_eq!(p.matches('|').count(), 4, "{p}");
            assert!(p.starts_with("||") && p.ends_with("||"));
        }
        // Nothing else is escaped.
        assert_eq!(spoiler("@everyone *bold* <@1>"), "||@everyone *bold* <@1>||");
        // Without spoilers, no markup at all.
        let recap = recap_with("a | b".into(), None);
        assert_eq!(render_recap(&recap, &Scores::default(), &OFF)[0].description, "a | b");
    }

    #[test]
    fn custom_ids_round_trip() {
        let actions = [
            PagerAction::Page { recap: RecapId(42), page: 3 },
            PagerAction::Page { recap: RecapId(i64::MIN), page: u16::MAX },
            PagerAction::Page { recap: RecapId(0), page: 0 },
            PagerAction::Episode { recap: RecapId(i64::MAX), direction: Direction::Next },
            PagerAction::Episode { recap: RecapId(-1), direction: Direction::Previous },
            PagerAction::Reveal { recap: RecapId(7) },
        ];
        assert_eq!(custom_id(actions[0], true), "recap:p:42:3:s");
        assert_eq!(custom_id(actions[3], false), format!("recap:e:{}:next:n", i64::MAX));
        for action in actions {
            for spoilers in [true, false] {
                let id = custom_id(action, spoilers);
                assert!(chars(&id) <= CUSTOM_ID_MAX, "{id}");
                assert_eq!(parse_custom_id(&id), Some((action, spoilers)), "{id}");
            }
        }
    }

    #[test]
    fn parse_custom_id_rejects_garbage() {
        for id in [
            "",
            "recap",
            "recap:p:42:3",
            "recap:p:42:3:s:x",
            "recap:p:42:3:y",
            "recap:p:x:3:s",
            "recap:p:42:-1:s",
            "recap:p:42:65536:s",
            "recap:p:+42:3:s",
            "recap:p:042:3:s",
            "recap:p:42: 3:s",
            "recap:e:42:up:s",
            "recap:r:42:1:s",
            "recap:x:42:3:s",
            "vote:p:42:3:s",
            "RECAP:p:42:3:s",
            "recap:p:99999999999999999999:3:s",
            "🎬:p:42:3:s",
        ] {
            assert_eq!(parse_custom_id(id), None, "{id}");
        }
    }

    #[test]
    fn score_line_formats() {
        let score_line = |scores: &Scores| score_line(scores, Locale::EN);
        assert_eq!(score_line(&Scores::default()), None);
        let none = Scores { server: Some(Score { average: 0.0, votes: 0 }), all_servers: None };
        assert_eq!(score_line(&none), None);
        let one = Scores { server: Some(Score { average: 5.0, votes: 1 }), all_servers: None };
        assert_eq!(score_line(&one).unwrap(), "This server: ★ 5.0 · 1 vote");
        let all = Scores { server: None, all_servers: Some(Score { average: 3.456, votes: 2 }) };
        assert_eq!(score_line(&all).unwrap(), "All servers: ★ 3.5 · 2 votes");
        assert_eq!(
            score_line(&scores()).unwrap(),
            "This server: ★ 4.3 · 27 votes\nAll servers: ★ 4.1 · 310 votes"
        );
        assert_eq!(Score { average: 4.25, votes: 0 }.shown(Locale::EN).matches('.').count(), 1);
    }

    #[test]
    fn footer_pages_and_dates() {
        let english = Frame::of(Locale::EN);
        assert_eq!(english.published(1_714_521_600).as_deref(), Some("Published 1 May 2024"));
        assert_eq!(english.published(1_735_689_599).as_deref(), Some("Published 31 December 2024"));
        let mut recap = recap_with(prose(8_000), None);
        recap.published_at = None;
        let pages = render_recap(&recap, &Scores::default(), &OFF);
        let n = pages.len();
        assert!(n >= 3);
        assert_eq!(pages[n - 1].footer, format!("Page {n}/{n}"));
    }

    fn korean() -> RenderOptions {
        RenderOptions { spoilers: false, locale: Locale::for_tag("ko") }
    }

    #[test]
    fn a_korean_reader_gets_the_frame_in_korean_and_the_article_as_written() {
        let recap = sample();
        let pages = render_recap(&recap, &scores(), &korean());
        assert_limits(&pages);
        let p = &pages[0];
        let names: Vec<&str> = p.fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["리뷰", "평론가 평점", "커뮤니티", "출처"]);
        assert_eq!(
            p.fields[0].value,
            recap.review.clone().unwrap(),
            "the review is not translated"
        );
        assert_eq!(p.fields[2].value, "이 서버: ★ 4.3 · 27표\n모든 서버: ★ 4.1 · 310표");
        assert_eq!(p.footer, "2024년 5월 1일 게시");
        assert_eq!(p.description, recap.recap);

        let nobody = render_recap(&recap, &Scores::default(), &korean());
        assert_eq!(nobody[0].fields[2].value, "아직 투표가 없습니다 — 1️⃣–5️⃣로 평가해 주세요");

        // A long review on pages of its own is headed in Korean; every page counts in Korean.
        let long = recap_with(prose(8_000), Some(prose(5_000)));
        let pages = render_recap(&long, &scores(), &korean());
        assert_limits(&pages);
        let n = pages.len();
        assert!(pages[n - 1].description.starts_with("**리뷰 (계속)**\n\n"));
        assert_eq!(pages[0].footer, format!("1/{n}쪽 · 2024년 5월 1일 게시"));
    }

    #[test]
    fn votes_follow_each_languages_plural_rules() {
        let one = Score { average: 5.0, votes: 1 };
        let many = Score { average: 3.456, votes: 2 };
        let shown = |tag: &str, score: Score| score.shown(Locale::for_tag(tag));
        assert_eq!(shown("en-US", one), "★ 5.0 · 1 vote");
        assert_eq!(shown("en-US", many), "★ 3.5 · 2 votes");
        assert_eq!(shown("es-ES", one), "★ 5.0 · 1 voto");
        assert_eq!(shown("pt-BR", many), "★ 3.5 · 2 votos");
        assert_eq!(shown("fr", one), "★ 5.0 · 1 vote");
        assert_eq!(shown("ja", many), "★ 3.5 · 2票");
        let scores = Scores { server: Some(one), all_servers: Some(many) };
        assert_eq!(
            score_line(&scores, Locale::for_tag("fr")).unwrap(),
            "Ce serveur : ★ 5.0 · 1 vote\nTous les serveurs : ★ 3.5 · 2 votes"
        );
    }

    #[test]
    fn publication_dates_read_the_way_each_language_writes_them() {
        let may_first = 1_714_521_600;
        let published = |tag: &str| Frame::of(Locale::for_tag(tag)).published(may_first).unwrap();
        assert_eq!(published("ja"), "2024年5月1日公開");
        assert_eq!(published("es-ES"), "Publicado el 1 de mayo de 2024");
        assert_eq!(published("pt-BR"), "Publicado em 1 de maio de 2024");
        assert_eq!(published("fr"), "Publié le 1er mai 2024");
        let french = Frame::of(Locale::for_tag("fr"));
        assert_eq!(french.published(1_735_689_599).unwrap(), "Publié le 31 décembre 2024");
    }

    #[test]
    fn a_japanese_alert_is_framed_in_japanese() {
        let page = alert_page(&sample(), true, Locale::for_tag("ja"));
        let names: Vec<&str> = page.fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["批評家の評価", "出典"]);
        assert_eq!(page.footer, "1️⃣–5️⃣ でこのエピソードを評価しましょう");
        let english = alert_page(&sample(), true, Locale::EN);
        let names: Vec<&str> = english.fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["Critic rating", "Source"]);
        assert_eq!(english.footer, "Rate this episode with 1️⃣–5️⃣");
    }

    #[test]
    fn an_unknown_site_is_named_in_the_readers_language() {
        let mut recap = sample();
        recap.source_site = " ".into();
        recap.url = None;
        let source = |locale: Locale| {
            let options = RenderOptions { spoilers: false, locale };
            let pages = render_recap(&recap, &Scores::default(), &options);
            pages[0].fields.last().unwrap().value.clone()
        };
        assert_eq!(source(Locale::EN), "Unknown");
        assert_eq!(source(Locale::for_tag("es-ES")), "Desconocida");
    }
}
