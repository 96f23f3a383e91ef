//! The opening lines of a plain-text page: which one is the headline.
//!
//! Extracted page text starts with site furniture: logos, menus, breadcrumbs,
//! section names, bylines and dates, comment counts, image file names, forum
//! header lines. The headline is the first headline-like line among the
//! first [`OPENING_LINES`] lines that names a show and an episode; the
//! episode marker may also sit on the line after it
//! (`The Flash: The Runaway Dinosaur – Review` / `(Season 2, Episode 21)`),
//! or the show alone on the line before it (`Stranger Things` /
//! `Season 4, Episode 2 Recap`).

use regex::Regex;
use std::sync::LazyLock as Lazy;

use super::headline::{self, marker_without_show, parse_headline, Headline};
use super::rating::{self, ParsedRating};
use super::refusal::name_like;
use crate::recap::names::{fold, fold_words};

/// How many non-empty lines from the top may hold the headline.
pub const OPENING_LINES: usize = 25;

/// The headline found among the opening lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// Index (into the lines given) of the first line used.
    pub first: usize,
    /// Index of the last line used (the same as `first` unless two lines were joined).
    pub last: usize,
    /// The headline text (two lines joined with " – " when needed).
    pub text: String,
    pub parsed: Headline,
    /// A bare score printed beside the headline ("7.0").
    pub rating: Option<ParsedRating>,
}

/// Extraction artefacts and dates glued to the front of a line:
/// ` date 2024-09-24 Title`, `Monday, October 3, 2016 Title`.
/// MetaFilter's FanFare: `March 18, 2015 11:19 PM - Season 2, Episode 7 - Subscribe`.
static GLUED_PREFIX_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?ix)^\s*(?:
            (?:date|published|posted|updated)\s*:?\s*\d{{4}}-\d{{2}}-\d{{2}}(?:[T\s]\d{{2}}:\d{{2}}(?::\d{{2}})?\S*)?
          | \d{{4}}-\d{{2}}-\d{{2}}(?:[T\s]\d{{2}}:\d{{2}}(?::\d{{2}})?\S*)?
          | {MONTHS}\s+\d{{1,2}},?\s+\d{{4}}\s+\d{{1,2}}:\d{{2}}\s*(?:[ap]\.?m\.?)?\s*[-–—|]
          | you\s+are\s+currently\s+(?:viewing|reading)
        )\s+"
    ))
    .unwrap()
});

/// Removes what a page glues to the front of its headline: a date, or a theme's "You are
/// currently viewing".
pub fn strip_glued_prefix(line: &str) -> &str {
    match GLUED_PREFIX_RE.find(line) {
        Some(m) if line[m.end()..].chars().any(char::is_alphabetic) => &line[m.end()..],
        _ => line,
    }
}

const MONTHS: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

static FURNITURE_LINE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?ix)^(?:
            [\d\s.,:/|+\-–()%]+$                                   # 176, 7.0, 12:30, 1/2
          | .{{0,40}}\blogo\b.{{0,20}}$                            # Site logo
          | \S+\.(?:jpe?g|png|gif|webp|svg|avif)(?:\?\S*)?$        # image file names
          | (?:©|\(c\)\s|copyright\b|크레딧\s*:).{{0,80}}$           # © copyright: Sasha
          | https?://\S+$ | www\.\S+$                              # bare addresses
          | (?:written\s+|posted\s+|published\s+|reviewed\s+)?(?:by|von|par|por)\s+\p{{Lu}}[\w.'’\-]*(?:\s+\p{{Lu}}[\w.'’\-]*){{0,3}}(?:\s*[,|•·\-–]\s*.*)?$  # bylines (By, German Von, French Par, Spanish Por)
          | (?:published|posted|updated|last\s+updated|posted\s+on|published\s+on|date|(?:first\s+)?aired|(?:(?:episode|original)\s+)?air\s*date|publi[ée]e?\s+le|mis\s+à\s+jour|publicad[oa]|atualizad[oa]|actualizad[oa])\b.{{0,80}}$
          | (?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+.{{0,40}}\d{{4}}.{{0,40}}$
          | {MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}.{{0,40}}$
          | \d{{1,2}}(?:st|nd|rd|th)?\s+{MONTHS},?\s+\d{{4}}.{{0,40}}$
          | \d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}.{{0,30}}$
          | \d+\s*(?:min(?:ute)?s?|hours?|days?|weeks?|months?)\s+(?:read|ago)\b.*$
          | \d+\s+(?:comments?|responses?|replies|views|shares|likes|articles|posts)$
          | (?:connect\s+with\s+us|follow\s+us(?:\s+on\s+.{{1,30}})?|skip\s+nav|newsletters?.*|sign\s+in.*|log\s+in.*|\(?photo\s+(?:courtesy|credit).*|\[?(?:photo|image|picture|still|header\s+image)s?(?:\s+credits?)?\s*:.*|image\s+(?:courtesy|credit|via).*|spoilers?\s+ahead|warning:?\s+spoilers?.*|spoilers?\s+(?:alert\s+|warning\s+)?(?:through|up\s+to|until)\s.*|warning:?\s+(?:potential|possible|major|minor|mild|heavy)\s+spoilers?\s+(?:ahead|below)\.?)$
          | (?:directors?|directed\s+by|writers?|starring|cast|creators?|created\s+by|showrunners?|executive\s+producers?|streaming\s+(?:platform|service|on)|where\s+to\s+watch|network|genre|runtime|(?:original\s+)?broadcast|format|featuring)\s*:.*$  # credits
          | .{{0,50}}\b\d{{1,2}}(?::\d{{2}})?/\d{{1,2}}(?::\d{{2}})?c$   # a network’s air time: Premieres Tuesday, June 25 8/7c
          | (?:usd|eur|gbp|php|jpy|krw|inr|idr|cad|aud)\s*[$€£₱¥₩₹]?\s*\d.*$   # a currency ticker
          | (?:table\s+of\s+contents|contents|in\s+this\s+article|jump\s+to)\s*:?$
          | (?:hi,?\s+)?what\s+are\s+you\s+looking\s+for\??$                # a search box
          | .*(?:»|›|\s>\s).*$                                    # breadcrumbs
          | \S+(?:\s+\S+){{0,2}}\s/\s.*$                              # Home / TV / …
          | .{{0,200}}[(\[](?:photos?|images?|pictures?|screenshots?)\s+(?:by|via|courtesy|credit)\b[^()\[\]]*[)\]]$  # a caption's credit
          | r/\w+.*$ | u/\w+.*$ | .*\s•\s+u/\w+.*$                  # forum headers
          | (?:latest|trending(?:\s+now)?|popular|related|previous|prev|next|up\s+next|read\s+(?:more|next|also)|see\s+also|also\s+read|recommended|breaking|hot|top\s+stories|must\s+read)\s*[:|»›].*$
          | (?:latest|recent|newest)\s+(?:posts|articles|stories|entries)\s*:$   # a widget's heading
          | (?:leia\s+(?:também|mais)|veja\s+(?:também|mais)|lea\s+también|lee\s+también|ver\s+también)\b.*$  # read-also links
          | (?:baca\s+(?:juga|episode\s+sebelumnya|sebelumnya|selengkapnya)|sebelumnya\s+baca)\b.*$  # Indonesian ones
          | (?:(?:make\s+)?(?:text|font)\s+(?:smaller|larger|size)\s*)+$  # text-size buttons
          | (?:(?:dark|light)\s+mode\s*)+$                           # a theme switch
          | (?:\S+\s+바로가기\s*)+$ | (?:tv\s*/\s*)?연예$              # Korean skip links, a news section
          | (?:アイキャッチ)?(?:画像|写真)(?:引用|出典|提供)\s*[:：].*$        # a Japanese image credit
          | (?:演|出演|主演|キャスト|脚本|監督|原作|演出)\s*[:：].*$          # Japanese credits
          | production\s+(?:number|code|no\.?)\s*:?\s*\S+$              # Production Number 176172
          | (?:netflix|hulu|disney\s*(?:\+|plus)|hbo(?:\s+max)?|max|apple\s+tv\s*(?:\+|plus)?|(?:amazon\s+)?prime\s+video|paramount\s*(?:\+|plus)|peacock|amc\+?|fx(?:\s+on\s+hulu)?|showtime|starz|crunchyroll|funimation|bbc\s+(?:one|two|three|iplayer)|itvx?|channel\s+4|viki|wetv|iqiyi|tvn|jtbc|kbs2?|mbc|sbs|ocn|ena)$  # a streamer's or network's name alone
          | (?:home|menu|search|skip\s+to\s+(?:main\s+)?content|sign\s+in|log\s*in|subscribe|newsletter|
               news|reviews?|recaps?|tv|tv\s+shows?|tv\s+(?:reviews?|recaps?)|(?:episode|weekly|drama|anime)\s+(?:reviews|recaps)|movies?|anime|k-?dramas?|dramas?|
               entertainment|features?|opinion|opinions?\s+and\s+editorial|editorial|blog|latest|trending|popular|
               categories|uncategori[sz]ed|(?:episode\s+)?(?:synopsis|summary)|archives?|about(?:\s+us)?|contact(?:\s+us)?|privacy\s+policy|advertisement|sponsored|スポンサー(?:リンク|ドリンク)|
               share|tweet|facebook|twitter|instagram|tiktok|youtube|pinterest|reddit|email|print|
               toggle\s+navigation|main\s+menu|close|open|more|all|part\s+\d+.*|videos?\s+by\s+.*|
               (?:leave\s+a\s+)?comments?|\d+\s+comments?)\s*:?$
        )"
    ))
    .unwrap()
});

/// Site furniture that never holds the headline (or an episode title).
pub fn is_furniture_line(line: &str) -> bool {
    let line = line.trim();
    // "«Game of Thrones» sesong 8 episode 4: …": a name in guillemets is quoted, and its
    // closing » is no breadcrumb's separator.
    let unquoted = GUILLEMETS_RE.replace_all(line, "$1");
    line.is_empty()
        || !line.chars().any(char::is_alphanumeric)
        || FURNITURE_LINE_RE.is_match(&unquoted)
}

/// A name quoted in guillemets: «Game of Thrones».
static GUILLEMETS_RE: Lazy<Regex> = Lazy::new(|| Regex::new(r"«([^«»]*)»").unwrap());

/// A sentence ending and the next beginning; a trailing-off ".." is a teaser's, not a
/// sentence's end ("When Loid Goes Too Far.. Spy x Family Season 1 Episode 12"), nor is a
/// name's initial ("Denny S. Bryce recaps ‘Outlander,’ season 4, episode 9…").
static SENTENCE_BREAK_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?:[^.\s]{2}|(?:^|\s)[^.\s\p{Lu}])[.!?][”’\x22']?\s+\p{Lu}").unwrap()
});

/// A Japanese sentence's polite ending: "第5話が放送されました。", "…なりそうです。", "ご注意下さい。".
static POLITE_ENDING_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?:ます|ました|です|でした|ません|下さい|ください)[。!！]").unwrap());

/// Prose in a script written without spaces, which no word count catches: Japanese with a
/// reading comma or a polite sentence ending ("第5話で「第一章完結!」ということで、第6話からは…").
pub fn is_unspaced_prose(line: &str) -> bool {
    let chars = line.chars().count();
    // ("…第6話「宮廷料理/塩茹で」のネタバレ、感想": a comma between a headline's labels is a
    // list's, not a sentence's.)
    let reading_comma = line.matches('、').count() > LABEL_COMMA_RE.find_iter(line).count();
    // (A polite ending is a sentence's whatever the Latin words among it: "TVアニメ 葬送の
    // フリーレンのネタバレ、感想です。詳しい内容は…".)
    (line.split_whitespace().count() <= 3 && (chars > 80 || (chars > 30 && reading_comma)))
        || POLITE_ENDING_RE.is_match(line)
}

/// A label a Japanese headline lists, and the comma after it: "ネタバレ、", "あらすじ、".
static LABEL_COMMA_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(&format!(r"{}\s*、", headline::JAPANESE_PAGE_LABELS)).unwrap());

/// A line that reads like prose rather than a headline.
pub fn is_prose(line: &str) -> bool {
    let words = line.split_whitespace().count();
    words > 30
        || is_unspaced_prose(line)
        || line.chars().count() > 220
        || (line.ends_with('.') && !line.ends_with("..") && words > 10)
        || (has_sentence_break(line) && words_outside_quotes(line) > 12)
        || KOREAN_SENTENCE_BREAK_RE.is_match(line)
}

/// A Korean sentence's end, then the next: "…수목드라마 1위를 지켰다. 시청률이 어디까지…". (Korean
/// has no capitals for [`SENTENCE_BREAK_RE`] to see.)
static KOREAN_SENTENCE_BREAK_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\p{Hangul}(?:다|요|죠)[.!?]\s+\p{Hangul}").unwrap());

/// Whether one sentence ends and another begins in `s`.
pub fn has_sentence_break(s: &str) -> bool {
    SENTENCE_BREAK_RE.is_match(s)
}

/// A double-quoted span ("That's a Space Alien, Ain't It?!"), read as one word.
static DOUBLE_QUOTED_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r#""[^"]{1,60}"|“[^“”]{1,60}”"#).unwrap());

/// Words, a quoted episode title counted as one: `Dan Da Dan Season 1 Ep. 2 "That's a Space
/// Alien, Ain't It?!" Review` is a headline, whatever its title's "?!" before "Review".
fn words_outside_quotes(line: &str) -> usize {
    DOUBLE_QUOTED_RE.replace_all(line, "Q").split_whitespace().count()
}

/// A show name that is the start of a sentence ("How would you rate",
/// "Here’s everything that happened in").
fn is_prose_show(show: &str) -> bool {
    // "★★★★ 회차에 따라 기복은 있지만, 이번 시즌도 독특하고 흥미롭다. 1, 2": a critic's stars,
    // then sentences (a Korean one ends in "다.").
    if show.starts_with(['★', '☆']) || show.contains("다. ") {
        return true;
    }
    let words: Vec<&str> = show.split_whitespace().collect();
    if words.len() > 12 {
        return true;
    }
    if words.len() < 4 || !words[0].chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let lower =
        words[1..].iter().filter(|w| w.chars().next().is_some_and(|c| c.is_lowercase())).count();
    lower * 10 >= (words.len() - 1) * 7
}

static QUESTION_SHOW_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:just|finally|currently|what|how|why|who|when|where|did|does|do|is|are|was|were|will|here'?s|here’s|here\s+is|this|that|these|in|on|summary|recap|review|spoilers?|warning|so|if|after|before|as|it|its|it's|we|i|you|our|my|your|episode)\b").unwrap()
});
static TRAILING_PREPOSITION_RE: Lazy<Regex> = Lazy::new(|| {
    // "Reseña del" (capítulo 7 de kimetsu no yaiba): Spanish's "of the" too.
    Regex::new(r"\s(?:of|for|in|from|to|on|about|with|and|the|a|del|de\s+la)$").unwrap()
});

/// "Reseña del", "Summary of": words that stop where a name would follow.
pub fn ends_in_preposition(show: &str) -> bool {
    TRAILING_PREPOSITION_RE.is_match(show)
}

/// "House of the Dragon: Summary and explanation of" → "House of the Dragon";
/// a show that is a sentence start gives `None`.
pub fn sensible_show(show: &str) -> Option<String> {
    if TRAILING_PREPOSITION_RE.is_match(show) {
        for sep in [": ", " – ", " — ", " - ", " | "] {
            if let Some(i) = show.find(sep) {
                let left = &show[..i];
                // ("My Hero Academia: Winners and losers of Episode 88": a known name may open
                // like a sentence.)
                let sentence = QUESTION_SHOW_RE.is_match(left)
                    && crate::recap::gazetteer::lookup(left.trim()).is_none();
                return (!left.trim().is_empty() && !sentence).then(|| left.trim().to_string());
            }
        }
        return None;
    }
    if is_prose_show(show) {
        return None;
    }
    if starts_a_sentence(show) || not_a_name(show) {
        return None;
    }
    Some(show.to_string())
}

/// "What happened in", "Summary for", "Just finished watching" (but "Who Is She" and
/// "Doctor Who" are names).
pub fn starts_a_sentence(show: &str) -> bool {
    let words = show.split_whitespace().count();
    // "That Time I Got Reincarnated as a Slime" is a name in title case.
    let title_case_name = words >= 4 && name_like(show);
    QUESTION_SHOW_RE.is_match(show)
        && show.split_whitespace().skip(1).any(|w| w.starts_with(char::is_lowercase))
        && words >= 2
        && !title_case_name
        // "This is Us Season 1 – Review of episode 16 ‘Memphis’".
        && crate::recap::gazetteer::lookup(show).is_none()
}

/// What a sentence or a bare marker leaves where a show's name would be: "With Episode 4,
/// all characters…", "Episode 5 recap: A Night in the Forest", "While episodes 1 to 3 of the
/// BBC drama clung to…", Japanese "前回第4話" ("last time, episode 4").
static NOT_A_NAME_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:with|in|on|after|during|before|since|as|at|for|from|so|and|but|then|this|that|our|my|while|whilst|when|although|though|because|whereas|unlike|despite|episode\s+\d+|ep\.?\s*\d+|前回|今回|次回)$").unwrap()
});

/// Whether `show` is only a sentence's opening word or a bare marker.
pub fn not_a_name(show: &str) -> bool {
    NOT_A_NAME_RE.is_match(show.trim())
}

/// Parses one line as a headline, refusing prose and sentence-start shows.
pub fn accept(line: &str) -> Option<Headline> {
    if is_prose(line) {
        return None;
    }
    let mut h = parse_headline(line)?;
    h.show = sensible_show(&h.show)?;
    Some(h)
}

/// Whether `show` is `clean` with other text glued onto its first word: "HomeTelevisionOnly
/// Murders in the Building" holds "Only Murders in the Building"; "The Walking Dead" does not
/// hold "Walking Dead", which only lacks a word.
fn glued_onto(show: &str, clean: &str) -> bool {
    let (ours, theirs) = (fold_words(show), fold_words(clean));
    let Some(start) = ours.len().checked_sub(theirs.len()) else {
        return false;
    };
    let Some((first, rest)) = theirs.split_first() else {
        return false;
    };
    let glued_word = &ours[start];
    glued_word.len() > first.len()
        && glued_word.ends_with(first.as_str())
        && ours[start + 1..] == *rest
}

/// "A B A B" (an image caption glued to itself) → "A B".
fn undouble(line: &str) -> &str {
    let t = line.trim();
    let n = t.len();
    if n >= 20 {
        let half = n / 2;
        for cut in [half, half + 1, half.saturating_sub(1)] {
            if t.is_char_boundary(cut) {
                let (a, b) = t.split_at(cut);
                if a.trim() == b.trim() {
                    return a.trim();
                }
            }
        }
    }
    t
}

/// A line that carries an episode marker but no show: "Season 4, Episode 2 Recap",
/// "(Season 2, Episode 21)", "Episode 4 Recap".
fn is_marker_only(line: &str) -> bool {
    parse_headline(line).is_none() && !is_prose(line) && marker_without_show(line).is_some()
}

/// A line that can stand before a marker-only line as the show (and title).
fn can_lead(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (1..=16).contains(&words)
        && !is_prose(line)
        && !is_furniture_line(line)
        && !RANKED_ENTRY_RE.is_match(line)
}

/// Vulture's card for an untitled episode, its "title" glued to its numbers: "Episode 2 Season 3
/// Episode 2".
static UNTITLED_CARD_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:Episode|Part|Chapter)\s+(\d{1,3})\s+((?:Season|Series)\s+\d{1,2},?\s+Episode\s+(\d{1,3}))$")
        .unwrap()
});

/// The numbers of a card line, its glued "Episode 2" dropped.
fn card_numbers(line: &str) -> &str {
    match UNTITLED_CARD_RE.captures(line) {
        Some(c) if c[1] == c[3] => c.get(2).map_or(line, |m| m.as_str()),
        _ => line,
    }
}

/// Vulture's headline: "Broadchurch Recap: Who Attacked Trish Winterman?", the show before the
/// label and the writer's own words after it.
static SHOW_RECAP_LABEL_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(\S.{0,60}?)\s+Recap:\s+\S").unwrap());

/// Entertainment Weekly's recap card: "S2 E3" over "Show DetailsAbout Glee".
static SHOW_DETAILS_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^Show Details\s*About\s+(\S.{0,80})$").unwrap());

/// "10 “Kids”" over "Season 3, Episode 5": a ranked list's entry, its place before the
/// episode's quoted title, leads no headline.
static RANKED_ENTRY_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r#"^\d{1,3}[.)]?\s+[“"‘«]"#).unwrap());

/// How many of `lines` the headline may be among: [`OPENING_LINES`] lines, not counting
/// the one-to-three-word entries of a menu printed above the article ("Support Us",
/// "Newsletter", "Video Games"…), within [`MAX_OPENING_LINES`].
fn opening_extent(lines: &[String]) -> usize {
    let mut counted = 0;
    for (i, line) in lines.iter().enumerate().take(MAX_OPENING_LINES) {
        if line.split_whitespace().count() > 3 {
            counted += 1;
        }
        if counted >= OPENING_LINES {
            return i + 1;
        }
    }
    lines.len().min(MAX_OPENING_LINES)
}

/// However long a page's menu, the headline is looked for no further down than this.
pub const MAX_OPENING_LINES: usize = 120;

/// Finds the headline among the first [`OPENING_LINES`] of `lines`
/// (non-empty, cleaned lines). `None` when no line names a show and an episode.
pub fn choose_headline(lines: &[String]) -> Option<Choice> {
    let n = opening_extent(lines);
    let stripped: Vec<&str> =
        lines[..n].iter().map(|l| undouble(strip_glued_prefix(l).trim())).collect();
    let mut found = None;
    let mut rating_above = None;
    // A lede that names the show and its episode ("What did you think of “Outlander” Season 6,
    // Episode 3, titled “Temperance”, which aired Sunday…"), standing where the headline would.
    let mut lede: Option<(usize, Headline)> = None;
    for i in 0..n {
        let line = stripped[i];
        if lede.is_none() && found.is_none() && is_prose(line) {
            lede = parse_headline(line)
                .filter(|h| name_like(&h.show))
                .and_then(|h| Some(Headline { show: sensible_show(&h.show)?, ..h }))
                .map(|h| (i, h));
        }
        if let Some(r) = rating::parse_line(line) {
            // "Score: B-" printed above the headline.
            rating_above = rating_above.or(Some(r));
            continue;
        }
        if is_furniture_line(line) {
            // "Home » TV » REVIEW: ‘Shōgun’ Episode 9 — “Crimson Sky”": the crumb for the page.
            let crumb = line.rsplit(['»', '›']).next().filter(|c| c.len() < line.len());
            if let Some(h) = crumb.map(str::trim).and_then(accept) {
                found = Some((i, i, crumb.unwrap_or(line).trim().to_string(), h));
                break;
            }
            continue;
        }
        if let Some(h) = accept(line) {
            // "HomeentertainmentAnime NewsFrieren: Beyond Journey's End ‒ Episode 10" over
            // "Frieren: Beyond Journey’s End ‒ Episode 10": a breadcrumb glued onto the
            // headline, and the headline alone on the next line.
            // "HomeTelevisionOnly Murders in the Building Episode 5 Review: No One Wins in..."
            // over the whole headline: the glued copy cut short, so its show, not its line,
            // ends with the clean copy's.
            // "Britt Lower in Severance Season 2 Episode 2. Courtesy of Apple TV+ Severance Season
            // 2 Episode 4 Review: Woe’s Hollow Britt Lower in…" and "Mastodon Mastodon Yellowjackets
            // - 2.04 - Old Wounds - Review": a caption or a row of share buttons around the
            // headline, whose clean copy stands a line or two below, past the site's name.
            let (ours, our_show) = (fold(line), fold_words(&h.show));
            let clean_copy = (i + 1..(i + 4).min(n)).find_map(|k| {
                let next = stripped[k];
                let theirs = fold(next);
                let g = accept(next)?;
                let glued = theirs.len() >= 8 && ours.len() > theirs.len();
                let at_end = glued && ours.ends_with(&theirs) && g.episode == h.episode;
                // (The caption may name another episode than the headline it holds; the
                // headline's show is the clean copy's behind the caption's words.)
                let their_show = fold_words(&g.show);
                let behind_words = our_show.len() > their_show.len()
                    && our_show.ends_with(&their_show)
                    && glued
                    && ours.contains(&theirs);
                // ("‘The Walking Dead’ Season 7 Episode 8 Recap and Review: Hearts Still Beating"
                // over the caption "Walking Dead Season 7 Episode 8": a shorter copy is no cleaner.)
                let loses = h.title.is_some() && g.title.is_none();
                let copy = (k == i + 1
                    && (at_end || (g.episode == h.episode && glued_onto(&h.show, &g.show))))
                    || (behind_words && !loses);
                copy.then_some((k, next, g))
            });
            if let Some((k, next, g)) = clean_copy {
                found = Some((k, k, next.to_string(), g));
                break;
            }
            found = Some((i, i, line.to_string(), h));
            break;
        }
        // "Only Murders In The Building (Season 3) Episodes 1,2 & 3: Mabel Mora, Charles…":
        // a headline run into the first paragraph, up to its colon.
        if let Some((lead, _)) = line.split_once(": ").filter(|(l, _)| l.chars().count() <= 100) {
            if let Some(h) = accept(lead).filter(|h| is_prose(line) && name_like(&h.show)) {
                found = Some((i, i, lead.to_string(), h));
                break;
            }
        }
        // The marker line, past an image name or a byline in between.
        let j = (i + 1..(i + 4).min(n)).find(|&j| {
            !is_furniture_line(stripped[j]) && rating::parse_line(stripped[j]).is_none()
        });
        let marker = j.map(|j| (j, card_numbers(stripped[j])));
        if let Some((j, next)) = marker.filter(|&(_, next)| can_lead(line) && is_marker_only(next))
        {
            let details = stripped.get(j + 1).filter(|_| j + 1 < n);
            let show_below = details.and_then(|l| SHOW_DETAILS_RE.captures(l));
            if let Some(named) = show_below {
                let card = format!("{} – {next}", named[1].trim());
                if let Some(h) = accept(&card) {
                    found = Some((j, j + 1, card, h));
                    break;
                }
            }
            let joined = if next.starts_with(['(', '[']) {
                format!("{line} {next}")
            } else {
                format!("{line} – {next}")
            };
            // Vulture: "Wednesday Recap: Burn, Baby, Burn" / "Wednesday" / "Friend or Woe" /
            // "Season 1 Episode 3": the show stands above its episode's title.
            // The A.V. Club's older card: "Battlestar Galactica: Sometimes a Great Notion" /
            // "Battlestar Galactica" / "Sometimes a Great Notion" / "Season 4 , Episode 11".
            let show_above = i.checked_sub(1).map(|k| stripped[k]).filter(|above| {
                stripped[i.saturating_sub(4)..i.saturating_sub(1)].iter().any(|l| {
                    split_lead(l).is_some_and(|(show, _)| fold(&show) == fold(above))
                        || fold(l) == fold(&format!("{above} {line}"))
                })
            });
            if let Some(show) = show_above {
                if let Some(mut h) = accept(&format!("{show} – {next}")) {
                    h.title = headline::clean_title(line).or(h.title);
                    found = Some((i - 1, j, format!("{show} – {next}"), h));
                    break;
                }
            }
            if let Some(mut h) = accept(&joined) {
                // "Sullivan & Son Episode Review: “Luck of the Half-Irish”" above the marker.
                if let Some((show, title)) = split_lead(line) {
                    h.show = show;
                    h.title = h.title.or(Some(title));
                } else if let Some((lead, title)) =
                    quoted_title_line(line, "").filter(|(lead, _)| !lead.is_empty())
                {
                    // TV Guide: "Mad Men Episode: "Shut the Door. Have a Seat"" over "Season 3,
                    // Episode 13".
                    let show = lead.strip_suffix(" Episode").unwrap_or(&lead).trim();
                    if name_like(show) {
                        (h.show, h.title) = (show.to_string(), Some(title));
                    }
                } else if let Some(c) = SHOW_RECAP_LABEL_RE.captures(line) {
                    let show = headline::clean_show(&c[1]);
                    if name_like(&show) && show.split_whitespace().count() <= 6 {
                        (h.show, h.title) = (show, None);
                    }
                }
                found = Some((i, j, joined, h));
                break;
            }
        }
    }
    // The list of the season's other episodes under such a lede ("“Echoes” (Season 6, Episode
    // 1)") is no headline for it.
    // (A caption run into the headline it holds is no lede: "Britt Lower in Severance Season 2
    // Episode 2. Courtesy of Apple TV+ Severance Season 2 Episode 4 Review: Woe’s Hollow…".)
    let holds_found = |k: usize| {
        found.as_ref().is_some_and(|(f, _, text, _)| {
            *f > k && text.len() >= 8 && fold(stripped[k]).contains(&fold(text))
        })
    };
    let lede = lede.filter(|(k, _)| !holds_found(*k));
    if let (Some((k, h)), Some((_, _, _, f))) = (&lede, &found) {
        // (Nor is the first episode's heading under a lede that names a run of them: "「後宮の
        // 涙」8・9・10・11・12話 感想とネタバレ" over "第8話 仕掛けられた罠".)
        if h.episode != f.episode || (h.episode_end.is_some() && f.episode_end.is_none()) {
            found = Some((*k, *k, stripped[*k].to_string(), h.clone()));
        }
    }
    let (first, last, text, mut parsed) = found?;
    // A bare score ("7.0") or a lone letter grade ("B+") beside the headline:
    // two lines above it, or below it until the text starts.
    let below = (last + 1..(last + 7).min(n)).take_while(|&j| !is_prose(stripped[j]));
    // "Ted Lasso: Season 1, Episode 2 “Biscuits” (B+)": the grade ends the headline.
    let in_headline = HEADLINE_GRADE_RE.captures(&text).and_then(|c| rating::parse_grade(&c[1]));
    // "The Haunting of Hill House ★★★★★" / "Episode 5:": a diary's stars beside the name.
    let stars = HEADLINE_STARS_RE.captures(&text).and_then(|c| rating::parse_line(&c[1]));
    if stars.is_some() {
        let bare = parsed.show.trim_end_matches(|c: char| "★☆½".contains(c) || c.is_whitespace());
        if !bare.is_empty() {
            parsed.show = bare.to_string();
        }
    }
    // "“The Battle of the Bastards” – Game of Thrones Season 6 Episode 9- Review *****": stars
    // typed as asterisks after the word review.
    let asterisks = HEADLINE_ASTERISKS_RE.captures(&text).and_then(|c| rating::parse_any(&c[1]));
    let in_headline = in_headline.or(stars).or(asterisks);
    let rating = (first.saturating_sub(2)..first)
        .chain(below)
        .find_map(|j| {
            rating::parse_bare_score(stripped[j]).or_else(|| rating::parse_grade(stripped[j]))
        })
        // "Persona 5. The Animation - Episodio 09" / "Reloj de dama de operación  ★★½": the
        // stars closing the title line below.
        .or_else(|| {
            (last + 1..(last + 3).min(n)).find_map(|j| {
                let c = HEADLINE_STARS_RE.captures(stripped[j]).filter(|c| {
                    c.get(0).is_some_and(|m| stripped[j][m.end()..].trim().is_empty())
                })?;
                rating::parse_line(&c[1])
            })
        })
        .or(rating_above)
        .or(in_headline);
    // "The Bear Recap: Sweet Tooth" above "The Bear" / "Season 3 Episode 5"; "Doctor Who –
    // “The Devil’s Chord”" or a quoted name alone above "Doctor Who: Series 14 – Episode 2".
    if parsed.title.is_none() {
        parsed.title = stripped[first.saturating_sub(3)..first].iter().rev().find_map(|l| {
            let (show, title) = split_lead(l).or_else(|| quoted_title_line(l, &parsed.show))?;
            let same = fold(&show) == fold(&parsed.show);
            same.then_some(title)
        });
    }
    // "Peacemaker episode 5 review" over "Peacemaker Episode 5 Review: ‘Monkey Dory’": the same
    // headline again, with the episode's title in quotes.
    if parsed.title.is_none() {
        parsed.title = stripped[last + 1..(last + 3).min(n)].iter().find_map(|l| {
            let again = accept(l).and_then(|again| {
                let same =
                    again.episode == parsed.episode && fold(&again.show) == fold(&parsed.show);
                // (Quoted: the words after a second copy's colon are as often the writer's.)
                // ("鬼滅の刃4話「最終選別」感想": Japanese quotes a title in 「」 right after its
                // number.)
                let title = again.title.filter(|t| {
                    let quoted = |q: &&str| {
                        [": ", " – ", " - "].iter().any(|sep| l.contains(&format!("{sep}{q}{t}")))
                    };
                    ["‘", "“", "\"", "'"].iter().any(quoted)
                        || l.contains(&format!("「{t}」"))
                        || l.contains(&format!("『{t}』"))
                });
                same.then_some(title).flatten()
            });
            // "Review: The Flash S2E13" over "Review: The Flash - "Welcome to Earth-2"": the
            // show again, with the title in quotes and no numbers.
            again.or_else(|| {
                let (show, title) = quoted_title_line(l, "")?;
                (!show.is_empty() && fold(&show) == fold(&parsed.show)).then_some(title)
            })
        });
    }
    // "Untamed Episodes 5 & 6 (Finale) Recap and Review" over "Untamed Recap ‘Terces' & 'All
    // Trails Lead Here’: Make Things Right": the show's recap line below names the (first)
    // episode's quoted title.
    if parsed.title.is_none() {
        parsed.title = stripped[last + 1..(last + 4).min(n)].iter().find_map(|l| {
            let c = RECAP_QUOTED_TITLE_RE.captures(l)?;
            let same = fold(&c[1]) == fold(&parsed.show);
            same.then(|| headline::clean_title(&c[2])).flatten()
        });
    }
    // "Game Of Thrones Episode 5 Is A Joke" / "Spoilers for Game Of Thrones season 8, episode 5 ahead."
    if !SEASON_WORD_RE.is_match(&text) {
        let season = stripped[last + 1..(last + 4).min(n)].iter().find_map(|l| {
            let c = SEASON_EPISODE_RE.captures(l)?;
            let (s, e) = (c[1].parse::<u32>().ok()?, c[2].parse::<u32>().ok()?);
            (e == parsed.episode && s > 0).then_some(s)
        });
        if let Some(s) = season {
            parsed.season = s;
        }
    }
    Some(Choice { first, last, text, parsed, rating })
}

/// "Untamed Recap ‘Terces' & 'All Trails Lead Here’: …": a show, the word recap or review, and
/// a quoted title (its closing quote may be a straight one).
static RECAP_QUOTED_TITLE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r#"(?i)^(.+?)\s+(?:recap|review)\s*[:\-–—]?\s*[‘“"']([^‘’“”"']{2,80})['’”"]"#)
        .unwrap()
});

static HEADLINE_GRADE_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\(([A-F][+\-−–]?)\)\s*$").unwrap());
/// A run of stars standing as a word in the headline.
static HEADLINE_STARS_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?:^|\s)((?:[★☆½⭐]\x{fe0f}?)*[★⭐]\x{fe0f}?(?:[★☆½⭐]\x{fe0f}?)*(?:\s1/2)?)(?:\s|$)",
    )
    .unwrap()
});
/// Stars typed as asterisks after the word review or recap, ending the headline.
static HEADLINE_ASTERISKS_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)\b(?:review|recap)\s*[-–—:|]?\s*(\*{1,5}\s*½?)\s*$").unwrap());
static SEASON_WORD_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:season|series|s\d+\s?e\d+|\d+x\d+)|\d+(?:st|nd|rd|th)\s+season").unwrap()
});
static SEASON_EPISODE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:season|series)\s+(\d{1,3})\s*[,:]?\s*(?:episode|ep\.?)\s*(\d{1,4})\b")
        .unwrap()
});
static LEAD_SPLIT_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(.+?)\s+(?:episode\s+)?(?:recap|review)\s*[:\-–—]\s*(.+)$").unwrap()
});

/// "Show – “Title”" → ("Show", "Title"); a line that is only a quoted name is `show`'s title.
fn quoted_title_line(line: &str, show: &str) -> Option<(String, String)> {
    let c = QUOTED_LINE_RE.captures(line)?;
    let lead = headline::clean_show(c.get(1).map_or("", |m| m.as_str()));
    let quoted = (2..=4).find_map(|i| c.get(i))?.as_str();
    let title = headline::clean_title(quoted)?;
    Some((if lead.is_empty() { show.to_string() } else { lead }, title))
}

static QUOTED_LINE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r#"^(?:(.+?)\s*[:\-–—|]\s*)?(?:“([^“”]+)”|"([^"]+)"|‘((?:[^‘’]|’\p{L})+)’)$"#)
        .unwrap()
});

/// "Show Episode Review: “Title”" → ("Show", "Title").
fn split_lead(line: &str) -> Option<(String, String)> {
    let c = LEAD_SPLIT_RE.captures(line)?;
    let show = headline::clean_show(&c[1]);
    let title = headline::clean_title(&c[2])?;
    (!show.is_empty()).then_some((show, title))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines of the blind collections' pages: a slash inside a long headline (pages/3219) is
    /// no breadcrumb's; a caption's photo credit (019), an "Airdate" (3273), a Japanese cast
    /// credit (3291) and a production number (2249) are furniture; a known show that reads like
    /// a sentence's start (3231) is a name.
    #[test]
    fn furniture_lines_and_names_from_the_blind_collections() {
        assert!(!is_furniture_line(
            "Shingeki no Kyojin - 05: First Battle / Defense of Trost (pt 1)"
        ));
        assert!(is_furniture_line("Home / Reviews / TV"));
        assert!(is_furniture_line(
            "A scene from ‘Quantico’ season 2 episode 3 (Photo by Giovanni Rufino / ABC)"
        ));
        assert!(is_furniture_line("Airdate: October 16, 2008"));
        assert!(is_furniture_line("演:劉雪華(リウ・シュエホア)"));
        assert!(is_furniture_line("Production number 40510-529"));
        assert!(is_furniture_line("Von Xaver Bitz"));
        assert!(!starts_a_sentence("This is Us"));
        assert!(starts_a_sentence("This is where"));
    }

    fn choose(lines: &[&str]) -> Option<(usize, String, Headline)> {
        candidate(lines).map(|c| (c.first, c.text, c.parsed))
    }

    fn candidate(lines: &[&str]) -> Option<Choice> {
        let lines: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
        choose_headline(&lines)
    }

    /// tests/corpus/pages/674-game-of-thrones-s8e4-no-vg.txt: guillemets quote a name; a lone
    /// » still separates a breadcrumb's crumbs.
    #[test]
    fn a_name_in_guillemets_is_no_breadcrumb() {
        assert!(!is_furniture_line(
            "«Game of Thrones» sesong 8 episode 4: Indre drama før ny dødsbonanza"
        ));
        assert!(is_furniture_line("Home » TV » Recaps"));
        assert!(is_furniture_line("Accueil » Séries » «Lupin» saison 3"));
        // tests/corpus/pages/686-game-of-thrones-s5e3-goodnerdbadnerd.txt: a widget's heading
        // above the page's own headline.
        assert!(is_furniture_line("Latest Posts:"));
        assert!(!is_furniture_line("Latest Posts"));
    }

    #[test]
    fn furniture_is_skipped() {
        for line in [
            "176",
            "7.0",
            "Site Logo",
            "header-image_2022.jpg",
            "Published: Sunday 23rd Jan 2022 by Ryan",
            "By Ryan Lee",
            "by HeyitsEst, June 16, 2013",
            "Monday, October 3, 2016",
            "Home » TV » Recaps",
            "r/StrangeNewWorlds • u/someone • May 19 '22",
            "Opinion and Editorial",
            // tests/corpus/pages/909-hometown-cha-cha-cha-e1-4-fluentinkdrama.txt: WordPress's
            // category for a post filed under none.
            "Uncategorized",
            // tests/corpus/pages/902-frieren-e12-theconartistsblog.txt: a section's label.
            "Episode Synopsis:",
            // nypress.com's text-size buttons under a headline (the corpus's 422).
            "Make text smaller Make text larger",
            "Anime",
            "5 min read",
            "Trending: Moving Episode 3 Recap",
            "Previous: Squid Game Season 2 Episode 6 Recap",
        ] {
            assert!(is_furniture_line(line), "{line:?}");
        }
        for line in ["Crash Landing on You – Episode 4 Recap", "A Candle In The Wind"] {
            assert!(!is_furniture_line(line), "{line:?}");
        }
    }

    #[test]
    fn headline_among_opening_lines() {
        let (i, _, h) =
            choose(&["Monday, October 3, 2016", "Recap: The K2 Episode 4", "Body."]).unwrap();
        assert_eq!((i, h.show.as_str(), h.episode), (1, "The K2", 4));

        let (_, _, h) = choose(&[
            "The Flash: The Runaway Dinosaur – Review",
            "(Season 2, Episode 21)",
            "Barry is stuck in the Speed Force.",
        ])
        .unwrap();
        assert_eq!(
            (h.show.as_str(), h.season, h.episode, h.title.as_deref()),
            ("The Flash", 2, 21, Some("The Runaway Dinosaur"))
        );

        let (i, text, h) = choose(&[
            "176",
            "SBS Entertainment Show",
            "Stranger Things",
            "Season 4, Episode 2 Recap",
            "Text.",
        ])
        .unwrap();
        assert_eq!((i, h.show.as_str(), h.season, h.episode), (2, "Stranger Things", 4, 2));
        assert_eq!(text, "Stranger Things – Season 4, Episode 2 Recap");

        let (_, text, h) =
            choose(&["Love Alarm", "love-alarm-still.jpg", "Episode #7: “It is your first crush”"])
                .unwrap();
        assert_eq!(text, "Love Alarm – Episode #7: “It is your first crush”");
        assert_eq!(
            (h.show.as_str(), h.episode, h.title.as_deref()),
            ("Love Alarm", 7, Some("It is your first crush"))
        );

        let (_, _, h) = choose(&[
            "The Bear Recap: Sweet Tooth",
            "The Bear",
            "Season 3 Episode 5",
            "Editor’s Rating",
            "4 stars",
            "Carmy opens the restaurant.",
        ])
        .unwrap();
        assert_eq!(
            (h.show.as_str(), h.season, h.episode, h.title.as_deref()),
            ("The Bear", 3, 5, Some("Sweet Tooth"))
        );

        // tests/corpus/pages/271-wednesday-s1e3-vulture-mirror.txt (Vulture's layout)
        let (_, _, h) = choose(&[
            "overnights",
            "Wednesday Recap: Burn, Baby, Burn",
            "Wednesday",
            "Friend or Woe",
            "Season 1 Episode 3",
            "Editor’s Rating 3 stars",
        ])
        .unwrap();
        assert_eq!(
            (h.show.as_str(), h.season, h.episode, h.title.as_deref()),
            ("Wednesday", 1, 3, Some("Friend or Woe"))
        );

        // tests/corpus/pages/248-only-murders-s3e1-3-highonfilms.txt: run into the paragraph.
        let (_, text, h) = choose(&[
            "Only Murders In The Building (Season 3) Episodes 1,2 & 3: Mabel Mora, Charles Savage, \
             and Oliver Putnam hoped to interact as regular humans rather than people discussing \
             murders. Their lives changed with Oliver getting rich.",
        ])
        .unwrap();
        assert_eq!(text, "Only Murders In The Building (Season 3) Episodes 1,2 & 3");
        assert_eq!((h.season, h.episode, h.episode_end), (3, 1, Some(3)));

        let (_, _, h) =
            choose(&["That Time I Got Reincarnated as a Slime Episode 2 Review"]).unwrap();
        assert_eq!(h.show, "That Time I Got Reincarnated as a Slime");

        // tests/corpus/pages/291-charlotte-e7-amino.txt: a sentence, not a show.
        assert_eq!(
            choose(&["Just finished watching episode 7 and I just had to do a review on it so here I go!"]),
            None
        );

        // popculturebanditcom.wordpress.com/2024/05/17/doctor-who-the-devils-chord
        let (_, _, h) = choose(&[
            "Doctor Who – “The Devil’s Chord”",
            "“The Devil’s Chord”",
            "Doctor Who: Series 14 – Episode 2",
            "Written by: Russell T Davies",
        ])
        .unwrap();
        assert_eq!(
            (h.show.as_str(), h.season, h.episode, h.title.as_deref()),
            ("Doctor Who", 14, 2, Some("The Devil’s Chord"))
        );

        let (_, _, h) =
            choose(&[" date 2024-11-20 Bad Sisters season 2 episode 3 review"]).unwrap();
        assert_eq!(h.show, "Bad Sisters");

        assert_eq!(choose(&["How would you rate episode 12 of", "Body text."]), None);
        assert_eq!(
            choose(&["Here’s everything that happened in Episode 5 of the show this week"]),
            None
        );
    }

    /// tests/corpus/pages/241-shogun-e9-butwhytho.txt: a menu of 60 one-word entries, then the
    /// page's breadcrumb ends in its headline.
    #[test]
    fn headline_in_a_breadcrumb_below_a_long_menu() {
        let mut lines: Vec<String> = vec!["Close Menu".into()];
        for i in 0..60 {
            lines.push(format!("Menu Entry {i}"));
        }
        lines.push("Home » TV » REVIEW: ‘Shōgun’ Episode 9 — “Crimson Sky”".into());
        lines.push("Yabushige brings Blackthorne to where they must commit to a surrender.".into());
        let c = choose_headline(&lines).expect("found below the menu");
        assert_eq!(
            (c.parsed.show.as_str(), c.parsed.episode, c.parsed.title.as_deref()),
            ("Shōgun", 9, Some("Crimson Sky"))
        );
    }

    /// tests/corpus/pages/842-frieren-e10-inew.txt: the crumbs glued onto the headline, the
    /// headline alone below.
    #[test]
    fn a_clean_copy_below_a_headline_glued_to_its_crumbs() {
        let (first, _, parsed) = choose(&[
            "Sunday, December 10, 2023",
            "HomeentertainmentAnime NewsFrieren: Beyond Journey's End ‒ Episode 10",
            "Frieren: Beyond Journey’s End ‒ Episode 10",
            "How would you rate episode 10 of",
        ])
        .expect("found");
        assert_eq!(
            (first, parsed.show.as_str(), parsed.episode),
            (2, "Frieren: Beyond Journey’s End", 10)
        );
    }

    /// tests/corpus/pages/868-hill-house-e5-letterboxd.txt: a diary entry's stars after the
    /// name, the episode on the line below.
    #[test]
    fn stars_beside_the_name_are_the_rating() {
        let c = candidate(&[
            "The Haunting of Hill House",
            "The Haunting of Hill House ★★★★★",
            "Episode 5:",
            "When Nell was at the sleep tech I was like: woah the actor playing the sleep tech is really good, sucks that he has such a small role.",
        ])
        .expect("found");
        assert_eq!((c.parsed.show.as_str(), c.parsed.episode), ("The Haunting of Hill House", 5));
        assert_eq!(c.rating.map(|r| r.rating.value), Some(5.0));
    }

    #[test]
    fn grade_below_headline() {
        let lines: Vec<String> = [
            "Severance Review: “Hide and Seek”",
            "(Season 1, Episode 7)",
            "By Ann Lee",
            "B+",
            "Mark finds out.",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let c = choose_headline(&lines).unwrap();
        assert_eq!(c.rating.map(|r| r.rating.value), Some(4.25));
        assert_eq!(c.parsed.title.as_deref(), Some("Hide and Seek"));
    }

    /// tests/corpus/pages/215-ted-lasso-s1e2-tvwithabe.txt
    #[test]
    fn grade_ending_the_headline() {
        let lines: Vec<String> = ["Ted Lasso: Season 1, Episode 2 “Biscuits” (B+)", "Body."]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let c = choose_headline(&lines).unwrap();
        assert_eq!(c.rating.map(|r| r.display).as_deref(), Some("B+"));
        assert_eq!(c.parsed.title.as_deref(), Some("Biscuits"));
    }

    #[test]
    fn bare_score_beside_headline() {
        let lines: Vec<String> =
            ["7.0", "Moving Episode 3 Recap", "Body."].iter().map(|s| s.to_string()).collect();
        let c = choose_headline(&lines).unwrap();
        assert_eq!(c.rating.map(|r| r.rating.value), Some(3.5));
    }

    /// Lines of the sixth collection that hold no headline.
    #[test]
    fn sixth_collection_furniture() {
        // 503-saimdang-ep6-sinopsis-sinopsismu.txt: a link to the previous episode's synopsis.
        assert!(is_furniture_line(
            "Baca Episode Sebelumnya Sinopsis Drama Korea Saimdang Light's Diary Episode 5"
        ));
        assert!(is_furniture_line("Baca juga: Sinopsis Moving Episode 4"));
        // 484-playing-house-s3e6-guide-usanetwork.txt: when the episode aired.
        assert!(is_furniture_line("Aired on July 7, 2017"));
        // 518-episodes-s4-e3-e4-critiques-paperblog.txt: a French byline.
        assert!(is_furniture_line("Publié le 30 avril 2015 par Delromainzika @cabreakingnews"));
        assert!(!is_furniture_line("Sinopsis Drama Korea Saimdang Light's Diary Episode 6"));
        // macgmagazine.com (the corpus's 564): a spoiler warning standing above the text.
        assert!(is_furniture_line("Warning: Potential spoilers ahead."));
        assert!(!is_furniture_line("Warning: Potential Spoilers Recap of Episode 5"));
    }

    /// Korean news pages and a Japanese blog: skip links (2909-extraordinary-you-s1e5-6-ko-imbc.txt) and the
    /// section above the article (2908-hospital-playlist-s1e7-ko-mydaily.txt); a critic's stars
    /// and sentences are no show (390-star-ratings-roundup-ko-peoplentools.txt).
    #[test]
    fn korean_news_furniture_and_a_critics_line() {
        assert!(is_furniture_line("주메뉴 바로가기 본문 바로가기"));
        assert!(is_furniture_line("TV/연예"));
        assert!(!is_furniture_line("어쩌다 발견한 하루"));
        // A Japanese image credit: 3126-kimetsu-no-yaiba-e4-trenist.txt.
        assert!(is_furniture_line("アイキャッチ画像引用:鬼滅の刃"));
        assert_eq!(
            sensible_show("★★★★ 회차에 따라 기복은 있지만, 이번 시즌도 독특하고 흥미롭다. 1, 2"),
            None
        );
    }

    /// Lines of the twenty-fifth collection that hold no headline and no title.
    #[test]
    fn twenty_fifth_collection_furniture() {
        // 1567-big-brother-12-e26-cbs.txt: a network's air time between the show's name and
        // "Season 12: Episode 26 - …".
        assert!(is_furniture_line("Premieres Tuesday, June 25 8/7c"));
        // 1571-doctor-who-14x03-boom-doctorwhoverdict.txt: a credits block.
        assert!(is_furniture_line("Broadcast: 18 May 2024"));
        assert!(is_furniture_line("Featuring: Fifteenth Doctor, Ruby"));
        assert!(is_furniture_line("Format: TV"));
        // 1585-oshi-no-ko-s3e6-myanimeforlife.txt: the section a review was filed in.
        assert!(is_furniture_line("Episode Reviews"));
        // 1619-dragon-ball-daima-e15-find-help.txt: a theme switch, twice.
        assert!(is_furniture_line("Dark Mode Light Mode"));
        assert!(!is_furniture_line(
            "Season 12: Episode 26 - The New HoH Nominates Two HouseGuests as the Final Four Tear Apart the House for $10,000"
        ));
        let lines: Vec<String> = [
            "Big Brother",
            "Premieres Tuesday, June 25 8/7c",
            "Season 12: Episode 26 - The New HoH Nominates Two HouseGuests as the Final Four Tear Apart the House for $10,000",
            "Posted on Jul 14, 2011 11:30am",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let h = choose_headline(&lines).unwrap().parsed;
        assert_eq!((h.show.as_str(), h.season, h.episode), ("Big Brother", 12, 26));
    }

    /// 485-outlander-s6e3-video-recap-goldderby.txt: a lede naming the show and its episode,
    /// and the season's other episodes listed at the end of the text.
    #[test]
    fn a_lede_over_a_list_of_other_episodes() {
        let lines: Vec<String> = [
            "date 2022-03-21 What did you think of “Outlander” Season 6, Episode 3, titled “Temperance”, which aired Sunday, March 20 on Starz? Senior editor Rob Licuria and super-fan Paula Sullivan-Licuria dish the highs and lows of the episode.",
            "For this third episode, Roger (Richard Rankin) saves baby Henri-Christian from almost drowning in the river, as Fergus worries for his new son’s quality of life.",
            "“Echoes” (Season 6, Episode 1)",
            "“Allegiance” (Season 6, Episode 2)",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let c = choose_headline(&lines).expect("a headline");
        let h = &c.parsed;
        assert_eq!((h.show.as_str(), h.season, h.episode), ("Outlander", 6, 3));
        assert_eq!(h.title.as_deref(), Some("Temperance"));
    }

    /// usnewsfeeds.com (the corpus's 980): a ranking of a season's episodes, each entry its
    /// place and quoted title over the episode's marker, is no headline "Kids".
    #[test]
    fn a_ranked_entry_leads_no_headline() {
        let lines: Vec<String> = [
            "Season 3 of The Bear dialed up the drama and took the foot off the gas of comedy.",
            "10 “Kids”",
            "Season 3, Episode 5",
            "There isn’t a singularly poor episode in The Bear‘s third season, though, in comparison with the excessive requirements set within the first two outings.",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert_eq!(choose_headline(&lines), None);
        // A show's name above its marker still leads.
        let show: Vec<String> = ["Stranger Things", "Season 4, Episode 2 Recap"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(choose_headline(&show).map(|c| c.parsed.show), Some("Stranger Things".into()));
    }

    /// recaplab.com (the corpus's 960): a double episode's headline over the show's recap line
    /// naming the episodes' quoted titles; the first is the title.
    #[test]
    fn a_recap_line_below_names_the_quoted_title() {
        let lines: Vec<String> = [
            "Untamed Episodes 5 & 6 (Finale) Recap and Review",
            "top of page",
            "Untamed Recap ‘Terces' & 'All Trails Lead Here’: Make Things Right",
            "Writer: Cherish",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let c = choose_headline(&lines).expect("a headline");
        assert_eq!((c.parsed.episode, c.parsed.episode_end), (5, Some(6)));
        assert_eq!(c.parsed.title.as_deref(), Some("Terces"));
    }

    /// tests/corpus/pages/4513: a known name that opens like a sentence ("My …") before the
    /// writer's words and the marker; an unknown one still does not stand as a show.
    #[test]
    fn a_known_name_opening_like_a_sentence_stands_before_a_colon() {
        let h = accept("My Hero Academia: Winners and losers of Episode 88").expect("a headline");
        assert_eq!((h.show.as_str(), h.episode), ("My Hero Academia", 88));
        assert!(accept("My thoughts: the best moments of Episode 88").is_none());
    }
}
