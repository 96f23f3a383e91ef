//! Headline (article title) parsing for recap articles.
//!
//! A recap headline names a show and an episode, e.g.
//! `Soundtrack #1 – Season 1 Episode 2 Recap & Review`. [`parse_headline`]
//! finds the episode marker (`Season 1 Episode 2`, `S01E02`, `1x02`,
//! `Episode 12`, `Episodes 3 & 4`, …); the text before it is the show, the
//! text after it may carry an episode title.
//!
//! The pipeline is a set of small functions that are also used by the
//! article parser: [`clean_text`] (entities, dashes, whitespace),
//! [`strip_recap_noise`] ("Recap", "Review", "Recap & Review", …) and
//! [`trim_separators`] / [`trim_quotes`].

use regex::{Captures, Regex};
use std::borrow::Cow;
use std::sync::LazyLock as Lazy;

/// Show, season and episode named by a recap headline.
#[derive(Debug, Clone, PartialEq)]
pub struct Headline {
    pub show: String,
    pub season: u32,
    pub episode: u32,
    /// Last episode of a double-episode recap ("Episodes 3 & 4" → `Some(4)`).
    pub episode_end: Option<u32>,
    /// Episode title, when the headline carries one.
    pub title: Option<String>,
}

/// Largest season or episode number accepted.
pub const MAX_NUMBER: u32 = 9999;

/// Parses a recap headline. Returns `None` when no show or no episode
/// number can be found, or when a season/episode number is 0 or > 9999.
pub fn parse_headline(s: &str) -> Option<Headline> {
    let cleaned = clean_text(cut_to(s, HEADLINE_MAX_BYTES));
    let text = strip_leading_label(&cleaned);
    if text.is_empty() {
        return None;
    }
    // "Season 6 Episode 1and 2 Review": a number glued to the "and" of a pair.
    let unglued = GLUED_AND_RE.replace_all(text, "$1 and ");
    let unglued = VOLUME_CHAPTER_RE.replace_all(&unglued, " ");
    let unglued = SEASON_THEN_BRACKETED_EPISODE_RE.replace_all(&unglued, "$1 $2");
    let unglued = GLUED_JAPANESE_SEASON_RE.replace_all(&unglued, "$1 シーズン$2 $3");
    // ("Episode 4.09 : Dinner Party" has its own form.)
    let unglued = DOTTED_AFTER_NAME_RE.replace_all(&unglued, |c: &Captures| {
        if DOTTED_EPISODE_WORD_ALONE_RE.is_match(&c[1]) {
            c[0].to_string()
        } else {
            format!("{} S{}E{}", &c[1], &c[2], &c[3])
        }
    });
    // "“Chicago Fire” recap (2.7): “Lovers quarrel”": the season's dot in brackets after the label.
    let unglued = LABELLED_DOTTED_RE.replace_all(&unglued, "$1 S${2}E$3");
    // "grey's anatomyS8E4: Last week on…": a marker glued to the name by text extraction.
    let unglued = GLUED_MARKER_RE.replace_all(&unglued, "$1 $2");
    // "[HanCinema's Drama Review] "Squid Game - Season 2" Episode 4": the season quoted with
    // the name, read as if the quotes held the name alone.
    let unglued = QUOTED_NAME_SEASON_RE.replace_all(&unglued, "“$1” $2");
    let found = numbered_headline(&unglued);
    // "Episode Review: Sacred Seven 7": a label that says it is about an episode, then the
    // show and a bare number, which is the episode's.
    if found.is_none() && EPISODE_LABEL_RE.is_match(before_subslice(&cleaned, text)) {
        if let Some(c) = TRAILING_EPISODE_RE.captures(text) {
            let show = clean_show(&c[1]);
            let episode = c[2].parse::<u32>().ok().filter(|e| (1..=MAX_NUMBER).contains(e))?;
            if has_alphanumeric(&show) && !BARE_MARKER_RE.is_match(&show) {
                return Some(Headline { show, season: 1, episode, episode_end: None, title: None });
            }
        }
    }
    found
}

/// A name without the possessive it ends in ("Severance‘s" → "Severance"), if it ends in one.
pub fn without_possessive(name: &str) -> Option<&str> {
    ["’s", "'s", "‘s"].iter().find_map(|p| name.strip_suffix(p))
}

/// The episode a line numbers without naming a show ("Episode 10 Recap", "Season Two, Episode
/// Two", "(Season 2, Episode 21)"), read as if a show's name came before it.
pub fn marker_without_show(line: &str) -> Option<Headline> {
    parse_headline(&format!("Show – {line}")).filter(|h| h.show == "Show")
}

/// A headline is a line, not a page: past this many bytes a line is a paragraph, and only its
/// opening can name the episode. Callers try a long line at many of its words, so reading the
/// whole of a page that is one enormous line took time growing with its square.
pub const HEADLINE_MAX_BYTES: usize = 1024;

/// The first `max` bytes of `s`, fewer to end on a character.
pub fn cut_to(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// What `whole` holds before `part`, a slice of it (the stripping above also drops a closing
/// bracket, so `part` is not always a suffix).
fn before_subslice<'a>(whole: &'a str, part: &str) -> &'a str {
    let start = (part.as_ptr() as usize).saturating_sub(whole.as_ptr() as usize);
    whole.get(..start).unwrap_or("")
}

/// A lower-case letter glued to a following `S8E4`: "anatomyS8E4".
static GLUED_MARKER_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(\p{Ll})(S\d{1,2}E\d{1,3})\b").unwrap());
/// A digit glued to a following "and": "1and 2".
static QUOTED_NAME_SEASON_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r#"(?i)["“]([^"”]{1,80}?)\s*[-–—:]\s*((?:season|series)\s+\d{1,2})["”]"#).unwrap()
});
static SECOND_MARKER_IN_BRACKETS_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^\s*,\s*(?:S?\d{1,2}\s?[xE×]\s?\d{1,4})\s*[)\]]").unwrap());
static GLUED_AND_RE: Lazy<Regex> = Lazy::new(|| Regex::new(r"(\d)and\s+").unwrap());
static DIGITS_RE: Lazy<Regex> = Lazy::new(|| Regex::new(r"\d+").unwrap());
/// "3巻21話", "2巻の21話~23話": the chapters of a manga's volume that an episode adapts.
static VOLUME_CHAPTER_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\d{1,3}\s?巻\s?の?\s?第?\d{1,4}\s?話(?:\s?[~～〜\-–]\s?第?\d{1,4}\s?話)?").unwrap()
});
/// "文豪ストレイドッグスシーズン5の第2話": a Japanese season's counter glued to the name, "の"
/// before its episode's.
static GLUED_JAPANESE_SEASON_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(\S)シーズン\s?(\d{1,2})\s?の?\s?(第?\d{1,4}\s?話)").unwrap());
/// "The Affair: Season 2 (Episode 6)": the episode in brackets after its season.
static SEASON_THEN_BRACKETED_EPISODE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b((?:season|series)\s+\d{1,2})\s*\(\s*((?:episode|ep\.?)\s*\d{1,4})\s*\)")
        .unwrap()
});
/// The words before a season's dot and episode, "Episode 3.07", "Folge 2.05".
const DOTTED_EPISODE_WORD: &str =
    r"(?:Episodes?|Ep\.?|Epis[óo]dio|[ÉE]pisode|Folge|Puntata|Aflevering)";
static DOTTED_EPISODE_WORD_ALONE_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(&format!(r"(?i)^{DOTTED_EPISODE_WORD}$")).unwrap());
/// "Doctor Who 4.9 - Forest of the Dead", "Glee! 1.09 Wheels", "Fringe 1.9: "The Dreamscape"",
/// "Doctor Who: 10.06 Extremis", "… Recap – 2.8 “Two Boats and A Lifeguard”": the season's dot
/// right after a name (or a label and its dash, or the name's colon), then the title after a
/// dash, a two-digit episode and a title in capitals, or a quoted title. (A score has no name right before it, or no title after it.)
/// Rewritten as "S4E9" for the grammar.
static DOTTED_AFTER_NAME_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r#"(\S*[\p{L}!?’')])(?:\s+[-–—]|:)?\s(\d{1,2})\.(\d{1,2}\s+[-–—:]\s+\p{Lu}|\d{2}\s+\p{Lu}\p{Ll}|\d{1,2}:?\s+[“"‘]\p{Lu})"#,
    )
    .unwrap()
});
/// The season's dot in brackets after a label or a quoted title: "“Chicago Fire” recap (2.7):",
/// "The Leftovers, “Off Ramp” (2.3) - TV Review".
static LABELLED_DOTTED_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r#"(?i)(\brecap|\breview|,\s*[“"‘][^”"’“‘]{1,80}[”"’])\s*\((\d{1,2})\.(\d{1,2})\)"#)
        .unwrap()
});
/// A leading label that names an episode: "Episode Review:", "Anime Episode Recap –".
static EPISODE_LABEL_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)\bepisode\s+(?:recaps?|reviews?)\b").unwrap());
/// A name, then a bare number ending the headline.
static TRAILING_EPISODE_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(\p{L}.*?\p{L})\s+#?(\d{1,4})\s*$").unwrap());

/// The headline's own markers (`S2E5`, `Episode 5`, …) read in order of the forms.
fn numbered_headline(text: &str) -> Option<Headline> {
    for form in FORMS.iter() {
        for caps in form.re.captures_iter(text) {
            let whole = caps.get(0)?;
            let before = &text[..whole.start()];
            let after = &text[whole.end()..];
            // "2019.08.09", "1.4.2": bare numbers glued to more by dots or slashes are a
            // date or a version, not "08.09" (season 8, episode 9).
            let bare_numbers = whole.as_str().starts_with(|c: char| c.is_ascii_digit());
            if bare_numbers
                && (glued_to_number(before.as_bytes().iter().rev())
                    || glued_to_number(after.as_bytes().iter()))
            {
                continue;
            }
            // "The Flash: The Runaway Dinosaur – Review (Season 2, Episode 21)":
            // a marker in brackets after "Show: Title" names the show first.
            // ("Fringe Recap: Wallflower (Season 4 Episode 7, 4x07)": the same marker written
            // twice in the brackets.)
            // ("Game of Thrones: Battle of the Bastards (Season 6 Episode 9 Spoiler)": a label
            // before the bracket closes.)
            let bracketed = before.trim_end().ends_with(['(', '['])
                && (LABEL_THEN_CLOSING_BRACKET_RE.is_match(after)
                    || SECOND_MARKER_IN_BRACKETS_RE.is_match(after));
            let (show_raw, bracket_title) = if bracketed {
                split_show_title(before.trim_end().trim_end_matches(['(', '[']))
            } else {
                (before, None)
            };
            // "“Guerras abiertas” (VIS A VIS - Temporada 4 - Capítulo 4)": the episode's title,
            // quoted, then the show and its marker in brackets.
            let (show_raw, bracket_title) = match QUOTED_TITLE_THEN_SHOW_RE.captures(show_raw) {
                Some(c) if !bracketed && after.trim_start().starts_with([')', ']']) => {
                    (c.get(2).map_or(show_raw, |m| m.as_str()), clean_title(&c[1]))
                }
                _ => (show_raw, bracket_title),
            };
            // "Review: Severance, "Chikhai Bardo" | Season 2, Episode 7": the show and the
            // episode's quoted title before a bar, the marker after it.
            // "“Ozymandias” – BREAKING BAD, Season 5 Ep.14 (TV Review)": the quoted title, a
            // dash, then the show and its marker.
            let (show_raw, bracket_title) = match QUOTED_TITLE_DASH_SHOW_RE.captures(show_raw) {
                Some(c) if bracket_title.is_none() => {
                    (c.get(2).map_or(show_raw, |m| m.as_str()), clean_title(&c[1]))
                }
                _ => (show_raw, bracket_title),
            };
            // "'The Walking Dead' recap: Monsters, season 8, episode 3": a known show (of two
            // words or more), the page's label, then a short title in title case before the
            // marker (not "TV and Film Review: Severance", nor "The Rose Recap: The Bachelor").
            let (show_raw, bracket_title) = match SHOW_LABEL_TITLE_RE.captures(show_raw) {
                Some(c)
                    if bracket_title.is_none()
                        && name_like_words(&c[2])
                        && crate::recap::gazetteer::lookup(&clean_show(&c[1])).is_some()
                        && crate::recap::names::fold_words(&clean_show(&c[1]))
                            .iter()
                            .filter(|w| !crate::recap::names::is_article(w))
                            .count()
                            >= 2 =>
                {
                    match clean_title(&c[2]).filter(|t| !reads_as_subtitle(t)) {
                        Some(t) => (c.get(1).map_or(show_raw, |m| m.as_str()), Some(t)),
                        None => (show_raw, bracket_title),
                    }
                }
                _ => (show_raw, bracket_title),
            };
            let (show_raw, bracket_title) = match SHOW_QUOTED_TITLE_BAR_RE.captures(show_raw) {
                Some(c) if bracket_title.is_none() => {
                    (c.get(1).map_or(show_raw, |m| m.as_str()), clean_title(&c[2]))
                }
                _ => (show_raw, bracket_title),
            };
            // "Nb. episódios 13": a plural with one number counts the episodes.
            let plural = whole.as_str().to_lowercase();
            if ["episódios", "episodios", "capítulos", "capitulos"]
                .iter()
                .any(|w| plural.starts_with(w))
                && (form.numbers)(&caps).is_some_and(|(_, _, end)| end.is_none())
            {
                continue;
            }
            let mut show = clean_show(show_raw);
            // "Game of Thrones – Season 5×03": the word for season before a "5×03" that numbers
            // the season itself.
            if bare_numbers {
                if let Some(m) = SEASON_WORD_END_RE.find(&show) {
                    let head = clean_show(&show[..m.start()]);
                    if has_alphanumeric(&head) {
                        show = head;
                    }
                }
            }
            // "Spoiler Free Review of Episode 5", "Episode Discussion - S03E04": small words
            // left behind a label, and labels alone, are no name (but the show "From" is).
            let left_behind = show_raw.split_whitespace().count() > 1
                && show_raw
                    .split_whitespace()
                    .last()
                    .is_some_and(|w| w.eq_ignore_ascii_case(&show));
            if (left_behind && NAME_JOINERS.contains(&show.to_lowercase().as_str()))
                || GENERIC_SHOW_RE.is_match(&show)
                || sentence_start_only(&show)
            {
                show.clear();
            }
            let mut after = after;
            // "Entenda o final do episódio 4 de Task", "Resumen del episodio 3 de la temporada 2
            // de Severance": words ending in "of" lead to the marker; the show follows it.
            // "Ya hemos podido ver el quinto capítulo de Agentes de S.H.I.E.L.D.": an article
            // before the marker leads to it too.
            let leads_in = show.rsplit(' ').next().is_some_and(|w| {
                // "Warning: Spoilers for episode 6 of Stranger Things season 2 ahead!"
                ["of", "for", "do", "da", "de", "del", "dos", "das"].contains(&w)
                    || (show.contains(' ')
                        && (ARTICLES.contains(&w.to_lowercase().as_str())
                            // "(This review covers episodes 5 through 7 of Yellowjackets
                            // season 3…": the writer's verb leads to the marker.
                            || ["covers", "recaps", "reviews", "discusses"].contains(&w))
                        && OF_SHOW_RE.is_match(after))
            });
            let mut named_after = false;
            if leads_in && !bracketed {
                if let Some((named, rest)) = show_after_marker(after) {
                    show = named;
                    after = rest;
                    named_after = true;
                }
            }
            if !has_alphanumeric(&show) && !bracketed {
                // "Episode 5 Recap of Sealed with a Kiss", "Season 7, Episode 4 of “Game of Thrones”".
                if let Some((named, rest)) = show_after_marker(after) {
                    show = named;
                    after = rest;
                    named_after = true;
                } else if let Some(c) = LABELLED_JAPANESE_NAME_RE.captures(after) {
                    // "第5話ネタバレ【ライオンの隠れ家】あらすじ": the marker first, then the
                    // page's labels round the show's name in 【】.
                    if !LABEL_IN_BRACKETS_RE.is_match(&c[1]) {
                        show = clean_show(&c[1]);
                        after = "";
                        named_after = true;
                    }
                } else if let Some(c) = SHOW_THEN_LABEL_RE.captures(after) {
                    // "Episode 6 Euphoria Recap: The Next Episode": the marker first, then the
                    // show, named by the recap label after it.
                    let name = clean_show(&c[1]);
                    if name_like_words(&name) {
                        show = name;
                        after = &after[c.get(1).map_or(0, |m| m.end())..];
                        named_after = true;
                    }
                } else if let Some(c) = SHOW_WITH_YEAR_AFTER_RE.captures(after) {
                    // "Episode 12 Recap - In a Class of Her Own (2020)": a name with its year
                    // is a show's, not an episode title.
                    show = clean_show(&c[1]);
                    after = "";
                }
            }
            if !has_alphanumeric(&show)
                || dangling_season(&show)
                || BARE_MARKER_RE.is_match(&show)
                || DATE_SHOW_RE.is_match(&show)
                || LEADING_MARKER_RE.is_match(&show)
                // "▼第3話のあらすじ": an episode's counter is no part of a name.
                || COUNTER_IN_NAME_RE.is_match(&show)
                // "*Warning – episode 5 spoilers ahead*": a spoiler warning names no show.
                || WARNING_ONLY_RE.is_match(&show)
                // "While the season 3 premiere, which…": no name ends in its article.
                || ends_in_article(&show)
            {
                continue;
            }
            // A marker with out-of-range numbers makes the whole headline
            // invalid: do not fall back to a weaker form.
            let (season, episode, end) = (form.numbers)(&caps)?;
            // A marker without a season, and the season beside the name: "Prime Video’s The
            // Boys (Season 3): Herogasm (Episode 6) Review", "Spoilers for episode 6 of
            // Stranger Things season 2 ahead!".
            let beside = || {
                let c = SEASON_BESIDE_NAME_RE.captures(before).or_else(|| {
                    named_after
                        .then(|| {
                            SEASON_AFTER_NAME_RE
                                .captures(after)
                                .or_else(|| ORD_SEASON_AFTER_NAME_RE.captures(after))
                        })
                        .flatten()
                })?;
                parse_number(&c[1])
            };
            let mut season = if season == 1 && !SEASON_IN_MARKER_RE.is_match(whole.as_str()) {
                beside().unwrap_or(season)
            } else {
                season
            };
            if season == 1 && !SEASON_IN_MARKER_RE.is_match(whole.as_str()) && !named_after {
                // "Survivor 44 Episode 4 Recap", "Only Murders in the Building 3: episodio 4": a
                // number ending the name, before a marker that gives no season, is the season's.
                if let Some((name, n)) = season_after_name(&show).or_else(|| roman_season(&show)) {
                    show = name;
                    season = n;
                }
                // "Love Island 2019: Episode 12": a year ending the name, a separator after it,
                // dates the show's run and is no part of its name.
                if let Some(m) = BARE_YEAR_END_RE.find(&show) {
                    let separated = show_raw.trim_end().ends_with([':', '-', '–', '—', '|', ',']);
                    if separated && name_like_words(&show[..m.start()]) {
                        show = show[..m.start()].to_string();
                    }
                }
            }
            // "The Walking Dead 6: recensione episodio 6×14": a number ending the name that is
            // the marker's own season is no part of the name.
            if SEASON_IN_MARKER_RE.is_match(whole.as_str()) {
                if let Some(name) = name_before_number(&show, season) {
                    show = name;
                }
            }
            let episode_end = end.filter(|&e| e > episode && e <= MAX_NUMBER);
            let rest = match SECOND_MARKER_IN_BRACKETS_RE.find(after) {
                Some(m) if bracketed => &after[m.end()..],
                _ if bracketed => {
                    LABEL_THEN_CLOSING_BRACKET_RE.find(after).map_or(after, |m| &after[m.end()..])
                }
                _ => after,
            };
            let title =
                extract_title(rest).or(bracket_title).map(|t| close_quote_opened_before(before, t));
            // "Ted Lasso Season 3 Episode 4 Ted Lasso Season 3 Episode 4 Review: Big Week": a
            // headline printed twice leaves its second copy where the title would be.
            let title = match title.as_deref().and_then(numbered_headline) {
                Some(inner) if inner.show == show && inner.episode == episode => inner.title,
                _ => title,
            };
            // "【約束のネバーランド】アニメ5話のネタバレと感想【約ネバ】": the show's short name
            // where a title would stand.
            let title = title.filter(|t| !abbreviates(t, &show));
            // "Doctor Who 1x09-10: The Empty Child/The Doctor Dances": a pair's two titles;
            // the first episode's is the recap's.
            let title = match title {
                Some(t) if episode_end.is_some() => match t.split_once('/') {
                    Some((first, _)) => clean_title(first).or(Some(t)),
                    None => Some(t),
                },
                t => t,
            };
            return Some(Headline { show, season, episode, episode_end, title });
        }
    }
    None
}

/// Whether `short` is `name` shortened, in a script without spaces: "約ネバ" for
/// "約束のネバーランド", its characters in the name's order.
fn abbreviates(short: &str, name: &str) -> bool {
    let mut rest = name.chars();
    short.chars().count() < name.chars().count()
        && !short.is_ascii()
        && short.chars().all(|c| rest.any(|n| n == c))
}

/// "The Mandalorian ‘Chapter 13: The Jedi’ Review": a quote opened before the marker closes
/// after the title, and goes with the one the marker took.
fn close_quote_opened_before(before: &str, title: String) -> String {
    let opened = before.trim_end().chars().last();
    let closes = QUOTE_PAIRS.iter().find(|(open, _)| Some(*open) == opened).map(|&(_, c)| c);
    match closes.and_then(|close| title.strip_suffix(close)) {
        Some(inner) if !inner.contains(opened.unwrap_or(' ')) && has_alphanumeric(inner) => {
            inner.trim_end().to_string()
        }
        _ => title,
    }
}

/// A spoiler warning left where a name would be: "*Warning", "Spoiler Warning:".
static WARNING_ONLY_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^[*_\s]*(?:spoilers?\s+)?(?:warning|alert)\s*[:!*_]*$").unwrap());
/// An episode's counter in Japanese or Korean ("第3話", "3화"), or a morning drama's week ("第8週
/// 第38話"): no part of a show's name.
static COUNTER_IN_NAME_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\d\s?(?:話|회|화|週)(?:$|\P{L}|の)").unwrap());
/// A marker that numbers a season ("Season 1", "S01", "1x02", "2期"), even season 1.
static SEASON_IN_MARKER_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)season|series|temporada|saison|staffel|stagione|sezon|sesong|säsong|sæson|seizoen|\bs\d|\d\s?[x×.]\s?\d|期").unwrap()
});
/// "The Boys (Season 3)": a season in brackets beside the name.
static SEASON_BESIDE_NAME_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(r"(?i)[(\[]\s*(?:season|series|temporada|saison|staffel)\s+{NUM}\s*[)\]]"))
        .unwrap()
});
/// "… of Stranger Things season 2": the season right after a name read after the marker.
static SEASON_AFTER_NAME_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(r"(?i)^\s*,?\s*(?:season|series|temporada|saison|staffel)\s+{NUM}\b"))
        .unwrap()
});
/// "… of Severance’s second season": the season's ordinal right after a possessive name.
/// Also with "and" and a few words before "season": "… of Succession‘s 3rd and perhaps best
/// season", "its second and final season".
static ORD_SEASON_AFTER_NAME_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(&format!(r"(?i)^\s*{}", ord_season())).unwrap());
/// The season's ordinal, maybe with "and" and a few words before "season" (its number is
/// the pattern's first group).
fn ord_season() -> String {
    format!(r"{ORD}\s+(?:and\s+(?:\p{{L}}+\s+){{1,3}})?(?:season|series)\b")
}
/// A quoted title, then an opening bracket and the show: `"Guerras abiertas" (VIS A VIS - `.
/// ("The Doctor is all alone in "Heaven Sent" (Doctor Who, Series 9, Episode 11)": after the
/// writer's words.)
static QUOTED_TITLE_THEN_SHOW_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r#"^(?:.{0,120}?\s)?[“"«‘]([^”"»’“«‘]{1,80})[”"»’]\s*[(\[]\s*([^()\[\]]*\S[^()\[\]]*)$"#,
    )
    .unwrap()
});
/// A quoted title, a dash or bar, then the show: `“Ozymandias” – BREAKING BAD, ` (not a colon:
/// "‘Foundation’: A review of Episode One" quotes the show).
static QUOTED_TITLE_DASH_SHOW_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r#"^\s*[“"«‘]([^”"»’“«‘]{1,80})[”"»’]\s*[–—\-|]\s+(\S.*)$"#).unwrap());

/// The next two bytes are a dot or slash and then a digit.
fn glued_to_number<'a>(mut bytes: impl Iterator<Item = &'a u8>) -> bool {
    let sep = bytes.next().is_some_and(|b| matches!(b, b'.' | b'/'));
    sep && bytes.next().is_some_and(u8::is_ascii_digit)
}

/// The page's kind closing a bracketed tag: "[Outlander Summary]".
static BRACKET_LABEL_TAIL_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)\s+(?:summary|synopsis|recap|review)$").unwrap());

/// A bracketed tag's words without the page's kind closing them: "Outlander Summary" →
/// "Outlander".
fn without_page_kind(tag: &str) -> &str {
    BRACKET_LABEL_TAIL_RE.find(tag).map_or(tag, |m| &tag[..m.start()])
}
/// `Show recap: Title` before the marker: the show (1), the page's label, a short title (2).
static SHOW_LABEL_TITLE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\s*(\S.{0,60}?)\s+(?:recap|review)\s*:\s+(\S(?:[^:,]{0,40}[^\s:,])?)[\s,]*$")
        .unwrap()
});
/// `Show, "Title" | ` before the marker: the show, then the episode's quoted title, then a bar
/// (or nothing: "The Leftovers, “Off Ramp” (2.3) - TV Review").
static SHOW_QUOTED_TITLE_BAR_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r#"^\s*(\S[^“"‘]*?)\s*,\s*[“"‘]([^”"’“‘]{1,80})[”"’]\s*\|?\s*$"#).unwrap()
});
/// A bare year ending a name: "Love Island 2019".
static BARE_YEAR_END_RE: Lazy<Regex> = Lazy::new(|| Regex::new(r"\s+(?:19|20)\d{2}$").unwrap());
/// A one- or two-digit number ending a name: "Survivor 44", "Only Murders in the Building 3".
static NUMBER_END_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(.*\p{L}\S*)\s+(\d{1,2})$").unwrap());
/// Words that a number in a name follows as its own part: "Room No. 9", "Full House Take 2".
const NUMBERED_NAME_WORDS: [&str; 14] = [
    "no", "nr", "number", "take", "part", "pt", "vol", "volume", "chapter", "book", "act", "round",
    "room", "station",
];

/// The season a number ending the name gives ([`NUMBER_END_RE`]), and the name without it.
fn season_after_name(show: &str) -> Option<(String, u32)> {
    let (name, n) = number_ending_name(show)?;
    // A 2 ending a name is as often a sequel's ("Dream High 2") as a season's ("Hospital
    // Playlist 2"), so it stays in the name.
    (3..=60).contains(&n).then_some((name, n))
}

/// "Mob Psycho 100 III", "とある魔術の禁書目録Ⅲ": a later season as a Roman numeral ending the
/// name (from II; a lone "I", "V" or "X" is as likely a word or a letter of the name).
fn roman_season(show: &str) -> Option<(String, u32)> {
    const ROMAN: [&str; 8] = ["II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
    let c = ROMAN_END_RE.captures(show)?;
    let season = match (c.get(2), c.get(3)) {
        (Some(latin), _) => ROMAN.iter().position(|r| *r == latin.as_str())?,
        (_, Some(numeral)) => "ⅡⅢⅣⅤⅥⅦⅧⅨ".chars().position(|r| numeral.as_str().starts_with(r))?,
        _ => return None,
    } as u32
        + 2;
    let name = c[1].trim_end();
    // "World War II" is a war's name.
    (!name.to_lowercase().ends_with(" war")).then(|| (name.to_string(), season))
}

static ROMAN_END_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(.*[\p{L}\p{N}].*?)(?:\s+(II|III|IV|VI|VII|VIII|IX)|\s*([ⅡⅢⅣⅤⅥⅦⅧⅨ]))$").unwrap()
});

/// The name before a number ending it, when that number is `season`.
fn name_before_number(show: &str, season: u32) -> Option<String> {
    number_ending_name(show).filter(|(_, n)| *n == season).map(|(name, _)| name)
}

/// "Survivor 44" → ("Survivor", 44); not "Brooklyn Nine-Nine", "Room 104" or "Soundtrack #1".
fn number_ending_name(show: &str) -> Option<(String, u32)> {
    let c = NUMBER_END_RE.captures(show)?;
    let name = c.get(1)?.as_str();
    let last = name.rsplit(char::is_whitespace).next()?;
    let last = last.trim_end_matches('.').to_lowercase();
    if NUMBERED_NAME_WORDS.contains(&last.as_str()) || last.ends_with('#') {
        return None;
    }
    let n = c[2].parse::<u32>().ok()?;
    name_like_words(name).then(|| (name.to_string(), n))
}

static OF_SHOW_RE: Lazy<Regex> = Lazy::new(|| {
    // "of the popular K-drama series, Twinkling Watermelon", "de Task", "da Série",
    // "de esta serie, "La que se Avecina"".
    Regex::new(r"(?i)^\s*(?:(?:recap|review|summary|synopsis)(?:\s+and\s+review)?\s+)?(?:of|for|from|de|da|do|del)\s+(?:(?:the|a|an)\s+(?:(?:popular|hit|new|latest|acclaimed)\s+)*(?:(?:k-?drama|c-?drama|j-?drama|korean|chinese|japanese|drama|anime|tv)\s+)*(?:k-?drama|drama|anime|series|show)\s*,?\s+|(?:esta|essa|la|a|nuestra|nossa)\s+s[ée]rie\s*,?\s+)?").unwrap()
});
/// Small words inside a title-case name ("Sealed with a Kiss", "Escape of the Seven").
pub(crate) const NAME_JOINERS: [&str; 16] = [
    "of", "the", "a", "an", "and", "on", "in", "with", "to", "for", "at", "from", "by", "&", "or",
    "de",
];

/// Articles in the languages of the markers (English, Spanish, Portuguese, French).
const ARTICLES: [&str; 17] = [
    "the", "a", "an", "el", "la", "los", "las", "o", "os", "as", "um", "uma", "un", "una", "le",
    "les", "une",
];

/// An article or a demonstrative alone where the show's name would be: the start of a
/// sentence ("El tercer capítulo se titula …", "Este quinto capítulo ha sido …", "Die Episode
/// 12 beginnt in Tokio", "Questo episodio 3 …", "Deze aflevering 2 …"), a preposition
/// ("No episódio 10, a caminho…", "Di episode 3 dan 4 drama…", "In Episodes 9 and 10 of When
/// the Stars Gossip, …") or a recap's word for what came next ("First, episode 13 began…").
static SENTENCE_START_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:the|this|that|el|la|los|las|este|esta|ese|esa|o|a|os|as|esse|essa|neste|nesta|nesse|nessa|le|les|ce|cet|cette|der|die|das|diese|dieser|dieses|il|lo|gli|questo|questa|quest['’]|het|deze|dit|den|det|denne|dette|no|na|nos|nas|em|en|dans|im|nel|nella|di|pada|dalam|in|first|then|now|meanwhile|later|finally|next)$").unwrap()
});

/// Words that each start a sentence and nothing else: "Now, in", "Meanwhile".
fn sentence_start_only(show: &str) -> bool {
    let mut words =
        show.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).peekable();
    words.peek().is_some() && words.all(|w| SENTENCE_START_RE.is_match(w))
}

/// "While the", "in The": a sentence's words before a marker, never a name.
fn ends_in_article(show: &str) -> bool {
    let mut words = show.split_whitespace().rev();
    let last = words.next().unwrap_or_default();
    words.next().is_some()
        && (last.eq_ignore_ascii_case("the") || last.eq_ignore_ascii_case("an") || last == "a")
}

/// "Arcane." → "Arcane": a sentence's full stop that ended up inside a quoted name ("…Episode 4
/// of “Arcane.”"), but not an abbreviation's ("S.H.I.E.L.D.", "Mr.").
fn without_full_stop(s: &str) -> &str {
    match s.strip_suffix('.') {
        Some(bare) => {
            let last = bare.rsplit(' ').next().unwrap_or(bare);
            let word = last.chars().count() > 3 && last.ends_with(char::is_lowercase);
            if word && !last.contains('.') {
                bare
            } else {
                s
            }
        }
        None => s,
    }
}

/// The show named after the marker: a quoted name, or the title-case words
/// after "of" up to the first lower-case word that is not a joiner
/// ("Escape of the Seven: Resurrection starts with…").
fn show_after_marker(after: &str) -> Option<(String, &str)> {
    let m = OF_SHOW_RE.find(after)?;
    let rest = &after[m.end()..];
    if let Some(c) = QUOTED_RE.captures(rest).filter(|c| c.get(0).is_some_and(|w| w.start() == 0)) {
        let inner = (1..=8).find_map(|i| c.get(i))?;
        let end = c.get(0)?.end();
        let name = without_full_stop(trim_separators(inner.as_str())).to_string();
        return has_alphanumeric(&name).then_some((name, &rest[end..]));
    }
    let mut end = 0;
    let mut last_name_word = 0;
    for (i, word) in rest.split_inclusive(char::is_whitespace).enumerate() {
        let w = word.trim();
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        let starts_upper =
            w.chars().find(|c| c.is_alphanumeric()).is_some_and(|c| !c.is_lowercase());
        // ("Episode 12 of Spy x Family": the "x" of a name between two of its words.)
        let joiner =
            NAME_JOINERS.contains(&bare.to_lowercase().as_str()) || ["&", "x", "×"].contains(&w);
        // "de Severance: ‘¿Quién está vivo?’": a quoted title follows the name.
        let quoted = i > 0 && w.starts_with(['‘', '“', '"', '«', '¿', '¡']);
        if !(starts_upper || (i > 0 && joiner)) || (bare.is_empty() && w != "&") || quoted {
            break;
        }
        end += word.len();
        if starts_upper {
            last_name_word = end;
        }
        // A name ends at a sentence break: "Lost Romance begins." / "Kiss, and…"
        if w.ends_with(['.', '!', '?', ',', ';']) {
            break;
        }
    }
    // "de Luis Miguel: La serie": a name does not end in an article; the word after it
    // belongs to the name even in lower case.
    let ends_in_article = rest[..last_name_word]
        .split_whitespace()
        .last()
        .is_some_and(|w| ARTICLES.contains(&w.to_lowercase().as_str()));
    if ends_in_article {
        let next = rest[last_name_word..].split_inclusive(char::is_whitespace).next();
        if let Some(word) = next.filter(|w| w.trim().starts_with(char::is_alphabetic)) {
            last_name_word += word.len();
        }
    }
    let name = clean_show(&rest[..last_name_word]);
    let mut name = name.trim_end_matches(['.', '!', '?', ',', ';']).to_string();
    // "Episode 4 of Severance‘s second season": a possessive before the season's ordinal
    // belongs to the sentence, not to the name.
    if ORD_SEASON_AFTER_NAME_RE.is_match(&rest[last_name_word..]) {
        if let Some(bare) = without_possessive(&name) {
            name = bare.to_string();
        }
    }
    (has_alphanumeric(&name) && name.split_whitespace().count() <= 10)
        .then_some((name, &rest[last_name_word..]))
}

/// "The Flash: The Runaway Dinosaur – Review" → ("The Flash", "The Runaway Dinosaur");
/// without a separator the whole text is the show.
fn split_show_title(s: &str) -> (&str, Option<String>) {
    let s = strip_recap_noise(trim_separators(s));
    // "Buffy The Vampire Slayer, "The Wish" Review (3x09)": the show, a comma, the quoted title.
    if let Some(c) = SHOW_COMMA_QUOTED_RE.captures(s) {
        let (show, title) = (c.get(1).map_or("", |m| m.as_str()), trim_quotes(&c[2]));
        if has_alphanumeric(show) && has_alphanumeric(title) {
            return (show, Some(title.to_string()));
        }
    }
    for sep in [": ", " : ", " – ", " — ", " - ", " | "] {
        if let Some(i) = s.find(sep) {
            let (show, title) = (&s[..i], &s[i + sep.len()..]);
            // "Anime Episode Review : Tokyo Ghoul (Episode 10)": a label, then the show.
            if LABEL_ONLY_RE.is_match(show.trim()) && has_alphanumeric(title) {
                return (trim_separators(title), None);
            }
            // A quoted title is the title as written, even "Episode 7".
            let quoted = trim_quotes(title);
            let title = if quoted.len() < title.trim().len() && has_alphanumeric(quoted) {
                Some(quoted.to_string())
            } else {
                clean_title(title)
            };
            if has_alphanumeric(show) {
                if let Some(t) = title {
                    return (show, Some(t));
                }
            }
        }
    }
    (s, None)
}

/// What may stand between a bracketed marker and its closing bracket: "Spoiler)".
static LABEL_THEN_CLOSING_BRACKET_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^\s*(?:(?:spoilers?|recap|review|summary)\s*)?[)\]]").unwrap());

static SHOW_COMMA_QUOTED_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r#"^(.{2,80}?),\s+([“"][^“”"]{1,80}[”"])$"#).unwrap());

/// A marker left where the show's name would be ("Episode 5 recap: A Night in the Forest",
/// "Ep 3. Episode 3").
/// A season alone ("S3 episode 6"), a marker ("S3E6 Episode 6") and "Episode Number: 105"
/// are no name either.
static BARE_MARKER_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:(?:episode|ep\.?|chapter|part)(?:\s+(?:number|no\.?)\s*:)?\s*#?\d{1,4}\.?|s\d{1,4}(?:\s?e\d{1,4})?)$")
        .unwrap()
});
/// "Episode 5-8 Quick": a marker line run into the next one, not a name.
static LEADING_MARKER_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^(?:episodes?|ep\.?|chapter)\s*#?\d").unwrap());
/// Labels left where the show's name would be: "Episode Discussion", "Episódios" (but a show
/// may be called "Review").
/// Words for an episode or a thread, and a tag wholly in brackets ("(Rekap) Eps 10 'Yongpalyi':
/// …"), are no name.
static GENERIC_SHOW_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:(?:(?:episode|epis[óo]dios?|cap[íi]tulos?|discussion|thread)\s*)+|\([^()]{1,30}\)|\[[^\[\]]{1,30}\])$").unwrap()
});
/// "… Recap - In a Class of Her Own (2020)": a separator, a name and its year in brackets.
static SHOW_WITH_YEAR_AFTER_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)^\s*(?:(?:recap|review)\s*)?[:\-–—|]\s*(\p{Lu}[^()]{1,80}?)\s*\((?:19|20)\d{2}\)\s*$",
    )
    .unwrap()
});
/// After a leading Japanese marker, the page's labels round a name in 【】: "ネタバレ【ライオンの
/// 隠れ家】あらすじ".
static LABELLED_JAPANESE_NAME_RE: Lazy<Regex> = Lazy::new(|| {
    let label = JAPANESE_PAGE_LABELS;
    Regex::new(&format!(
        r"^\s*の?(?:{label}|[と&・、\s])*【([^【】]{{1,40}})】(?:{label}|[と&・、!！\s])*$"
    ))
    .unwrap()
});
/// After a leading marker, a name in title case and a recap label: " Euphoria Recap: The Next
/// Episode".
static SHOW_THEN_LABEL_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^\s*(\p{Lu}[^:|–—()\[\]]{0,60}?)\s+(?i:recap|review|recap\s*(?:&|and)\s*review)(?:\s*[:\-–—|]\s*\S.*)?$")
        .unwrap()
});
/// Words that say what kind of recap a page is: "Quick Recap", "Full Review".
const RECAP_KIND_WORDS: [&str; 16] = [
    "quick",
    "full",
    "brief",
    "short",
    "mini",
    "detailed",
    "in-depth",
    "live",
    "weekly",
    "final",
    "spoiler",
    "spoilers",
    "spoiler-free",
    "spoilery",
    "episode",
    "tv",
];
/// Every word of a name after a marker starts in upper case (or is a joiner): "Euphoria",
/// "The Last of Us", not "Was a Good".
pub(crate) fn name_like_words(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    // "Episode 5-8 Quick Recap": words that say what kind of recap it is name nothing.
    let kind_only = words.iter().all(|w| RECAP_KIND_WORDS.contains(&w.to_lowercase().as_str()));
    !kind_only
        && (1..=8).contains(&words.len())
        && words.iter().enumerate().all(|(i, w)| {
            w.chars().next().is_some_and(|c| !c.is_lowercase())
                || (i > 0 && NAME_JOINERS.contains(&w.to_lowercase().as_str()))
        })
}
/// A day left where the show's name would be: a schedule's "April 26th Episode 7".
static DATE_SHOW_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?$|^(?:\d{4}\s?年\s?)?\d{1,2}\s?月\s?\d{1,2}\s?日")
        .unwrap()
});

/// A section label that is no show's name: "Anime Episode Review", "TV Recap".
static LABEL_ONLY_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:(?:{GENRES}|tv|television|drama)\s+)?(?:episode\s+)?(?:recaps?|reviews?|summary|synopsis)$"
    ))
    .unwrap()
});

// ---------------------------------------------------------------------------
// Text cleaning
// ---------------------------------------------------------------------------

/// Decodes HTML entities, normalises unusual dashes and whitespace
/// (including non-breaking and zero-width spaces) and trims.
/// Typographic quotes are kept as they are.
pub fn clean_text(s: &str) -> String {
    let decoded = decode_entities(s);
    normalize_whitespace(&normalize_dashes(&decoded))
}

/// Decodes named (common subset) and numeric HTML entities. Double-encoded
/// entities such as `&amp;#8211;` are decoded too. Unknown entities are kept.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = s.to_string();
    // Two rounds handle `&amp;#8217;` as published by some feeds.
    for _ in 0..2 {
        if !out.contains('&') {
            break;
        }
        let next = ENTITY_RE.replace_all(&out, |c: &Captures| {
            decode_entity(&c[1]).map(String::from).unwrap_or_else(|| c[0].to_string())
        });
        if next == out {
            break;
        }
        out = next.into_owned();
    }
    out
}

static ENTITY_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,10});").unwrap()
});

fn decode_entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        return match code {
            // Windows-1252 code points commonly mis-encoded as numeric entities.
            130 => Some('‚'),
            132 => Some('„'),
            133 => Some('…'),
            145 => Some('‘'),
            146 => Some('’'),
            147 => Some('“'),
            148 => Some('”'),
            149 => Some('•'),
            150 => Some('–'),
            151 => Some('—'),
            0 => None,
            c => char::from_u32(c),
        };
    }
    let c = match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ensp" | "emsp" | "thinsp" => ' ',
        "zwj" | "zwnj" | "shy" => '\u{200b}',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "hellip" => '…',
        "middot" => '·',
        "bull" => '•',
        "star" => '☆',
        "starf" | "bigstar" => '★',
        "half" | "frac12" => '½',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "times" => '×',
        "deg" => '°',
        "aacute" => 'á',
        "Aacute" => 'Á',
        "agrave" => 'à',
        "acirc" => 'â',
        "auml" => 'ä',
        "Auml" => 'Ä',
        "aring" => 'å',
        "ccedil" => 'ç',
        "eacute" => 'é',
        "Eacute" => 'É',
        "egrave" => 'è',
        "ecirc" => 'ê',
        "euml" => 'ë',
        "iacute" => 'í',
        "iuml" => 'ï',
        "ntilde" => 'ñ',
        "Ntilde" => 'Ñ',
        "oacute" => 'ó',
        "ocirc" => 'ô',
        "ouml" => 'ö',
        "Ouml" => 'Ö',
        "oslash" => 'ø',
        "uacute" => 'ú',
        "uuml" => 'ü',
        "Uuml" => 'Ü',
        "szlig" => 'ß',
        _ => return None,
    };
    Some(c)
}

/// Maps rare dash variants onto the usual hyphen / en dash.
/// Em dashes are kept.
pub fn normalize_dashes(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{2010}' | '\u{2011}' => '-',
            '\u{2012}' | '\u{2015}' | '\u{2212}' => '–',
            c => c,
        })
        .collect()
}

/// Collapses runs of whitespace (including NBSP and other Unicode spaces)
/// into one space, drops zero-width characters and trims.
pub fn normalize_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}') {
            continue;
        }
        if c.is_whitespace() || c.is_control() {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
    }
    out
}

fn has_alphanumeric(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '–' | '—' | '-' | ':' | ',' | '|' | '·' | '•' | ';' | '/')
}

/// Trims separators (`– — - : , | ;` and whitespace) from both ends.
pub fn trim_separators(s: &str) -> &str {
    s.trim_matches(is_separator)
}

const QUOTE_PAIRS: [(char, char); 11] = [
    ('"', '"'),
    ('“', '”'),
    ('„', '“'),
    ('‘', '’'),
    ('\'', '\''),
    ('«', '»'),
    ('“', '“'),
    ('《', '》'),
    ('〈', '〉'),
    ('「', '」'),
    ('『', '』'),
];

/// Removes one pair of quotes enclosing the whole string, if present.
pub fn trim_quotes(s: &str) -> &str {
    let s = s.trim();
    for (open, close) in QUOTE_PAIRS {
        if let Some(inner) = s.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
            // `"A" and "B"` is not one quoted string.
            if !inner.contains(open) && !inner.contains(close) {
                return inner.trim();
            }
        }
    }
    s
}

// ---------------------------------------------------------------------------
// "Recap" / "Review" labels
// ---------------------------------------------------------------------------

/// `Recap:`, `Review –`, `TV Recap:`, `Anime Review:`, `Recap of`, `[Drama Recap]`,
/// `#` (hashtag), `TV Reviews` glued to the show ("TV ReviewsQuantico"), `TV Show Review:` and
/// "Major spoilers for" at the start of a headline.
static LEADING_LABEL_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)^(?:(?:(?:tv\s+(?:show|series)|(?:[\p{L}\-]+\s+){1,2}tv|tv|k-?drama|c-?drama|j-?drama|korean\s+drama|chinese\s+drama|japanese\s+drama|drama|anime|episode|series|show|weekly|live|spoiler)\s+)?(?:recaps?\s*(?:&|and|/)\s*reviews?|reviews?\s*(?:&|and|/)\s*recaps?|recaps?|reviews?|reactions?)(?:\s*#?\d{1,4})?\s*(?:of\s+|[:\-–—|]\s*)|(?:sinopsis|sinopse|synopsis|cr[íi]tica|rese[ñn]a|resumo|resumen|critiques?|recensione|recensie|recenzja|rezension|kritik)(?:\s+(?:lakorn|drama|k-?drama|dorama|anime|novela|serie|série|s[ée]ries))?\s*[:\-–—|]\s*|(?:recapping|reviewing)\s+|(?:an?\s+)?\p{L}[\p{L}\-]*['’]s\s+(?:recap|review)s?\s*[:\-–—|]\s*|(?:sinopsis|synopsis)\s+(?:drama|film)\s+(?:korea|china|jepang|thailand|thai|taiwan|mandarin)\s+|(?:sinopsis|synopsis)(?:\s+summary)?\s+for\s+|อ่านละคร\s*|nonton\s+|(?:the\s+following|this\s+(?:article|post|recap|review))\s+contains\s+(?:(?:major|minor|significant|full|heavy)\s+)?spoilers\s+(?:for|from|of)\s+|(?:contains\s+)?(?:(?:major|minor|mild|significant|full|heavy)\s+)?spoilers\s+for\s+|sinopsis\s+(?:full\s+)?|title\s*:\s*)",
    )
    .unwrap()
});
/// "VIDEO:", "Video –": a label for a video, before the show.
static VIDEO_LABEL_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^videos?\s*[:\-–—|]\s+").unwrap());
/// A podcast's or a column's own numbered episode heading the headline: "Podcast Fandom
/// Episode 54: ".
static OWN_EPISODE_LABEL_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:[\p{L}\d'’&]+\s+){0,4}(?:episode|ep\.?)\s*#?\d{1,4}\s*:\s+").unwrap()
});
/// A season and episode number still to come after such a label.
static SHOW_EPISODE_MARKER_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\bs\d{1,2}\s?e\d{1,3}\b|\b\d{1,2}\s?[x×]\s?\d{1,3}\b|\bseason\s*\d{1,2}\b[^:]*\bepisode\s*\d").unwrap()
});
/// The word for season ending a name, its number given by the marker after it.
static SEASON_WORD_END_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?:^|[\s\-–—:|,]+)(?:season|series|temporada|saison|staffel|stagione)$")
        .unwrap()
});
/// An air date after the name: "The Bachelorette Recap 06/21/21".
static TRAILING_DATE_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\s+\d{1,2}/\d{1,2}/(?:\d{2}|\d{4})$").unwrap());
/// What a Japanese recap's headline says the page holds: spoilers, impressions, synopsis,
/// analysis, a verdict, the cast, ratings, a chart of the characters, highlights, the ending.
pub(crate) const JAPANESE_PAGE_LABELS: &str =
    "(?:ネタバレ|感想|あらすじ|考察|評価|レビュー|キャスト|視聴率|相関図|見どころ|結末)";

/// "不適切にもほどがある ネタバレと感想", "いちばんすきな花あらすじ": a Japanese headline's labels
/// after the name.
static JAPANESE_LABELS_TAIL_RE: Lazy<Regex> = Lazy::new(|| {
    let label = JAPANESE_PAGE_LABELS;
    Regex::new(&format!(r"\s*{label}(?:\s*[と&・、]\s*{label})*$")).unwrap()
});
/// "The Boy Next World: 4 Things which Shocked yet Amazed Us in The": a count of the
/// writer's things after the name.
static LISTICLE_TAIL_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\s*[:\-–—|]\s+(?:the\s+)?\d{1,2}\s+(?:[\p{L}’'-]+\s+){0,2}(?:things|reasons|moments|takeaways|questions|details|scenes|highlights|thoughts|ways|lessons|clues|theories|reactions|revelations|twists|surprises)\b.*$").unwrap()
});
/// A leading `[Drama Recap]` / `【Review】` tag.
static LEADING_TAG_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(?:\[[^\]]{1,40}\]|【[^】]{1,40}】)\s*").unwrap());
/// A section name glued to the headline by text extraction: "TV ReviewsQuantico".
static GLUED_SECTION_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(?:TV\s*)?(?:Reviews|Recaps|News)(\p{Lu}\p{Ll})").unwrap());

const NOISE: &str = r"(?:(?:live\s+|episode\s+|in\s+|tv\s+|anime\s+|full\s+|spoiler[\s\-]?(?:filled|free|heavy)\s+|spoilery\s+|non[\s\-]?spoiler\s+|spoiler\s+)?(?:recaps?\s*(?:&|and|/|\+)\s*reviews?|reviews?\s*(?:&|and|/|\+)\s*recaps?|recaps?|reviews?)|spoilers?|ending\s+explained|explained|episode\s+guide|discussion|thoughts|rewatch|(?:cr[íi]tica|resumo|resumen|rese[ñn]a|an[áa]lise|an[áa]lisis|recensione|recensie|recenzja|rezension|kritik)(?:\s+(?:e|y|&)\s+(?:cr[íi]tica|resumo|resumen|rese[ñn]a|an[áa]lise|an[áa]lisis|revisi[óo]n))?(?:\s+d(?:[oa]s?|el|e)(?:\s+(?:epis[óo]dio|cap[íi]tulo))?|\s+episodio)?)";

static TRAILING_NOISE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i)(?:^|[\s\-–—:|,(\[])[(\[]?\s*(?:(?:our|my)\s+(?:recap|review)\s+of|{NOISE})\s*[)\]]?[\s\-–—:|,!.]*$"
    ))
        .unwrap()
});
static LEADING_NOISE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(r"(?i)^[\s\-–—:|,]*[(\[]?\s*{NOISE}\s*[)\]]?(?:[\s\-–—:|,!.]+|$)")).unwrap()
});

fn strip_leading_label(s: &str) -> &str {
    let mut s = s;
    loop {
        let before = s.len();
        // "【約束のネバーランド】2期3話": a tag the marker follows at once is the show's name.
        if let Some(m) = LEADING_TAG_RE.find(s) {
            let rest = &s[m.end()..];
            // "【私たちはどうかしている】ドラマ3話": or follows it after a genre word.
            // "[Outlander Summary] S02E13": or an episode's marker after a space, the tag naming
            // something besides the page's kind.
            let tag = m.as_str().trim().trim_matches(['[', ']', '【', '】']);
            let named_tag = has_alphanumeric(strip_recap_noise(without_page_kind(tag)));
            let marker_follows = rest
                .trim_start_matches(|c: char| "ドラマアニメ".contains(c))
                .starts_with(|c: char| c.is_ascii_digit() || c == '第')
                || (named_tag && marker_without_show(rest).is_some());
            if has_alphanumeric(rest) && !marker_follows {
                s = rest.trim_start();
            }
        }
        if let Some(c) = GLUED_SECTION_RE.captures(s) {
            s = &s[c.get(1).map_or(0, |m| m.start())..];
        }
        // "[Sinopsis Maids Episode 9 Part 1]": a headline wholly in brackets (a link to the
        // other part) reads as it would without them.
        if let Some(inner) = s.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            if !inner.contains(['[', ']']) && has_alphanumeric(inner) {
                s = inner.trim();
            }
        }
        // A hashtag: "#Quantico S2 Episode 3" (but "#1 Cheerleader" keeps its number).
        if let Some(rest) = s.strip_prefix('#') {
            if rest.starts_with(char::is_alphabetic) {
                s = rest;
            }
        }
        if let Some(m) = LEADING_LABEL_RE.find(s) {
            if has_alphanumeric(&s[m.end()..]) {
                s = s[m.end()..].trim_start();
            }
        }
        // "VIDEO: The Real Housewives of Atlanta S9 Ep13": a label for the page's video.
        if let Some(m) = VIDEO_LABEL_RE.find(s) {
            if has_alphanumeric(&s[m.end()..]) {
                s = s[m.end()..].trim_start();
            }
        }
        // "Podcast Fandom Episode 54: The Following S2E5 ‘Reflection’": a podcast's (or a
        // column's) own numbered episode before the show's, which the rest still numbers.
        if let Some(m) = OWN_EPISODE_LABEL_RE.find(s) {
            if SHOW_EPISODE_MARKER_RE.is_match(&s[m.end()..]) {
                s = s[m.end()..].trim_start();
            }
        }
        if s.len() == before {
            return s;
        }
    }
}

/// Strips "Recap", "Review", "Recap & Review", "Recap and Review",
/// "– Recap", "(Spoilers)", "Ending Explained" … from both ends, repeatedly.
pub fn strip_recap_noise(s: &str) -> &str {
    let mut s = s.trim();
    loop {
        let before = s.len();
        if let Some(m) = TRAILING_NOISE_RE.find(s) {
            s = s[..m.start()].trim_end();
        }
        if let Some(m) = LEADING_NOISE_RE.find(s) {
            s = s[m.end()..].trim_start();
        }
        if s.len() == before {
            return s;
        }
    }
}

// ---------------------------------------------------------------------------
// Episode markers
// ---------------------------------------------------------------------------

const WORD_NUMBERS: [&str; 20] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

pub(crate) const ORDINAL_WORDS: [&str; 12] = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth",
];

pub(crate) const NUM: &str = r"(\d{1,6}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)";
/// "3rd", "Third": an ordinal season ("My Hero Academia 3rd Season").
pub(crate) const ORD: &str = r"(\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)";

/// Portuguese and Spanish ordinals: "4º", "8ª", "4o" (in an address), "quarta", "tercer".
const ORD_RO: &str = r"(\d{1,3}\s?[ºª°]|\d{1,3}[oa]\b|primeir[oa]|primer[oa]?|segund[oa]|terceir[oa]|tercer[oa]?|quart[oa]|cuart[oa]|quint[oa]|sext[oa]|s[ée]tim[oa]|s[ée]ptim[oa]|oitav[oa]|octav[oa]|non[oa]|noven[oa]|d[ée]cim[oa])";
/// A number in Spanish or Portuguese words or digits: "el capítulo dos de la cuarta temporada".
const NUM_RO: &str = r"(\d{1,6}|um|uno|dos|dois|tres|três|cuatro|quatro|cinco|seis|siete|sete|ocho|oito|nueve|nove|diez|dez)";
/// The words of [`NUM_RO`], one to ten.
const WORD_NUMBERS_RO: [(&str, u32); 18] = [
    ("um", 1),
    ("uno", 1),
    ("dos", 2),
    ("dois", 2),
    ("tres", 3),
    ("três", 3),
    ("cuatro", 4),
    ("quatro", 4),
    ("cinco", 5),
    ("seis", 6),
    ("siete", 7),
    ("sete", 7),
    ("ocho", 8),
    ("oito", 8),
    ("nueve", 9),
    ("nove", 9),
    ("diez", 10),
    ("dez", 10),
];
/// "Episódio", "episodio", "Capítulo": an episode in Portuguese and Spanish.
const EP_RO: &str = r"(?:epis[óo]dios?|cap[íi]tulos?)";
/// The stems of [`ORD_RO`]'s words, first to tenth.
const ORDINAL_STEMS_RO: [(&str, u32); 19] = [
    ("primeir", 1),
    ("primer", 1),
    ("segund", 2),
    ("terceir", 3),
    ("tercer", 3),
    ("quart", 4),
    ("cuart", 4),
    ("quint", 5),
    ("sext", 6),
    ("sétim", 7),
    ("setim", 7),
    ("séptim", 7),
    ("septim", 7),
    ("oitav", 8),
    ("octav", 8),
    ("non", 9),
    ("noven", 9),
    ("décim", 10),
    ("decim", 10),
];

/// "the fourth episode of House of the Dragon season 2", "the 5th episode of Season 3 of Only
/// Murders in the Building": an episode named by its ordinal in the middle of a sentence. The
/// show is the run of title-case words after "of" (small words may join them), or the quoted
/// name after what Korean entertainment news calls it ("the 10th episode of the SBS
/// Friday-Saturday drama 'My Demon'").
/// A word of a show's name in prose; a dot only inside a word ("S.W.A.T."): "Building. With"
/// ends the name.
const PROSE_NAME_WORD: &str = r"(?:\p{Lu}|\d)(?:[\p{L}\p{N}’'&\-]|\.[\p{L}\p{N}])*";
/// Small words that may join a name's title-case words in prose.
const PROSE_NAME_SMALL: &str = r"of|the|and|in|on|a|an|to|at|for|with|from|my|your";

static ORDINAL_EPISODE_OF_RE: Lazy<Regex> = Lazy::new(|| {
    let (name_word, small) = (PROSE_NAME_WORD, PROSE_NAME_SMALL);
    Regex::new(&format!(
        r#"(?i:\bthe\s+{ORD}(?:\s+(?:and|&)\s+{ORD}\s+episodes|\s+episode)\s+of\s+(?:(?:season|series)\s+{NUM}\s+of\s+|the\s+{ORD}\s+(?:season|series)\s+of\s+)?)(?:(?:{name_word}\s+){{0,2}}{name_word},\s+["“‘]|(?:the\s+)?(?:[\p{{L}}\p{{N}}’'\-]+\s+){{0,4}}?(?:drama|series|show|sitcom|anime|program|programme)\s+["“‘']|["“‘])?((?:{name_word})(?:\s+(?-i:{small})|\s+{name_word}|:\s+{name_word})*)["”’']?(?i:\s+(?:\(\d{{4}}[-–]?\d{{0,4}}\)\s+)?(?:season|series)\s+{NUM})?"#
    ))
    .unwrap()
});

/// "The Penguin's third episode, "Bliss," opens…", "Picking up where the Pilot left off,
/// Grimm’s second episode feels…": a name's possessive, then the episode's ordinal (not
/// "Sunday's ninth episode of", where "of" names the show). The name starts the line, a
/// clause or follows a date; its first word is a capital's.
static POSSESSIVE_ORDINAL_EPISODE_RE: Lazy<Regex> = Lazy::new(|| {
    let (name_word, small) = (PROSE_NAME_WORD, PROSE_NAME_SMALL);
    Regex::new(&format!(
        r#"(?:^|[,;:]\s+|^date\s+[\d-]+\s+)(\p{{Lu}}[\p{{L}}\p{{N}}’'&\-]*(?:\s+(?:{small})|\s+{name_word}){{0,6}}?)[’'‘]s\s+(?i:{ORD}\s+episode)\b(?:,\s+["“]([^"“”]{{1,80}}?),?["”])?(?i:\s+(of|in)\b)?"#
    ))
    .unwrap()
});

/// A name with a possessive, then the season's ordinal: "Succession‘s 3rd and perhaps best season".
static POSSESSIVE_ORD_SEASON_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(r"(?i)^((?:\S+\s+){{0,6}}?\S+?)[’'‘]s\s+{}", ord_season())).unwrap()
});

static SEASON_ONLY_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^(?:season|series)\s+\d{1,3}$").unwrap());
/// "the second episode of Canada’s Drag Race Season 3 – The Who-Knows": the season's number,
/// which the name's title-case run took in.
static NAME_THEN_SEASON_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(.+?)\s+(?:Season|Series)\s+(\d{1,3})$").unwrap());

/// An episode named by a name's possessive and its ordinal ([`POSSESSIVE_ORDINAL_EPISODE_RE`]).
pub fn possessive_ordinal_episode(line: &str) -> Option<Headline> {
    let c = POSSESSIVE_ORDINAL_EPISODE_RE.captures(line)?;
    let episode = parse_number(&c[2])?;
    // A first episode is how previews and first impressions speak of a whole show, as in
    // `ordinal_episode_of`; "…'s third episode of the season" belongs to a longer phrase.
    if episode == 1 || c.get(4).is_some() {
        return None;
    }
    let show = clean_show(&c[1]);
    let words = show.split_whitespace().count();
    ((1..=8).contains(&words) && has_alphanumeric(&show)).then(|| Headline {
        show,
        season: 1,
        episode,
        episode_end: None,
        title: c.get(3).and_then(|t| clean_title(t.as_str())),
    })
}

/// An episode named by its ordinal in prose ([`ORDINAL_EPISODE_OF_RE`]); the first in `line`
/// whose show reads as a name.
pub fn ordinal_episode_in_prose(line: &str) -> Option<Headline> {
    ORDINAL_EPISODE_OF_RE.captures_iter(line).find_map(|c| {
        let episode = parse_number(&c[1])?;
        // "The first episode of Scum’s Wish makes a case as a contender among the top series
        // of the season": first impressions and season previews speak of a whole show this
        // way; a recap of one episode is not told apart from them by its prose alone.
        if episode == 1 {
            return None;
        }
        // "The third and fourth episodes of Reacher's Second Season": a pair.
        let episode_end = c.get(2).and_then(|m| parse_number(m.as_str())).filter(|&e| e > episode);
        let season =
            c.get(3).or(c.get(4)).or(c.get(6)).and_then(|m| parse_number(m.as_str())).unwrap_or(1);
        let mut show = c[5].trim();
        // Small words that ended the run belong to the sentence, not the name.
        while let Some((head, last)) = show.rsplit_once(' ') {
            if !last.starts_with(char::is_lowercase) {
                break;
            }
            show = head;
        }
        let mut show = clean_show(show);
        let mut season = season;
        if let Some(c) = NAME_THEN_SEASON_RE.captures(&show).filter(|_| season == 1) {
            season = c[2].parse().unwrap_or(1);
            show = c[1].to_string();
        }
        // "the 4th episode of Succession‘s 3rd and perhaps best season": a possessive name,
        // then the season's ordinal.
        if season == 1 {
            if let Some(p) = POSSESSIVE_ORD_SEASON_RE.captures(&line[c.get(5)?.start()..]) {
                if let Some(n) = parse_number(&p[2]) {
                    show = clean_show(&p[1]);
                    season = n;
                }
            }
        }
        let words = show.split_whitespace().count();
        // "The second episode of Season 5 feels…": a season, not a show.
        let season_only = SEASON_ONLY_RE.is_match(&show);
        ((1..=8).contains(&words) && has_alphanumeric(&show) && !season_only).then_some(Headline {
            show,
            season,
            episode,
            episode_end,
            title: None,
        })
    })
}

/// Parses a digit string, an English number word or an ordinal ("3rd",
/// "third"); checks the 1..=9999 range.
pub(crate) fn parse_number(s: &str) -> Option<u32> {
    if let Some(n) = kanji_number(s) {
        return Some(n);
    }
    let lower = s.to_lowercase();
    // "3rd", "4º", "8 ª", "4o"
    let digits = lower.trim_end_matches(|c: char| c.is_alphabetic() || matches!(c, '°' | ' '));
    let n = match digits.parse::<u64>() {
        Ok(n) => n,
        Err(_) => {
            let words = WORD_NUMBERS.iter().position(|w| *w == lower);
            let ordinals = ORDINAL_WORDS.iter().position(|w| *w == lower);
            match words.or(ordinals) {
                Some(i) => i as u64 + 1,
                None if WORD_NUMBERS_RO.iter().any(|(w, _)| *w == lower) => {
                    u64::from(WORD_NUMBERS_RO.iter().find(|(w, _)| *w == lower)?.1)
                }
                None => {
                    let stem = lower.strip_suffix(['o', 'a']).unwrap_or(&lower);
                    let ro = ORDINAL_STEMS_RO.iter().find(|(w, _)| *w == stem || *w == lower);
                    u64::from(ro?.1)
                }
            }
        }
    };
    (1..=u64::from(MAX_NUMBER)).contains(&n).then_some(n as u32)
}

/// A number below a hundred in kanji: "三" 3, "十二" 12, "二十" 20, "二十一" 21.
fn kanji_number(s: &str) -> Option<u32> {
    const DIGITS: [char; 9] = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let digit = |c: char| DIGITS.iter().position(|&d| d == c).map(|i| i as u32 + 1);
    let chars: Vec<char> = s.trim().chars().collect();
    match chars.iter().position(|&c| c == '十') {
        None if chars.len() == 1 => digit(chars[0]),
        Some(ten) if ten <= 1 && chars.len() - ten <= 2 => {
            let tens = if ten == 0 { 1 } else { digit(chars[0])? };
            let units = match chars.get(ten + 1) {
                Some(&c) => digit(c)?,
                None => 0,
            };
            Some(tens * 10 + units)
        }
        _ => None,
    }
}

fn parse_end(caps: &Captures, i: usize) -> Option<u32> {
    caps.get(i).and_then(|m| parse_number(m.as_str()))
}

type Numbers = fn(&Captures) -> Option<(u32, u32, Option<u32>)>;

struct Form {
    re: Regex,
    numbers: Numbers,
}

fn with_season(c: &Captures) -> Option<(u32, u32, Option<u32>)> {
    Some((parse_number(&c[1])?, parse_number(&c[2])?, parse_end(c, 3)))
}

fn without_season(c: &Captures) -> Option<(u32, u32, Option<u32>)> {
    Some((1, parse_number(&c[1])?, parse_end(c, 2)))
}

/// Episode markers, strongest first.
static FORMS: Lazy<Vec<Form>> = Lazy::new(|| {
    // "Episódios 1 a 4", "episodios 3 y 4", "episódios 3 e 4"
    let range_sep = r"\s*(?:-|–|—|~|&|\+|and|to|through|thru|\sa\s|\sy\s|\se\s|\set\s|\sund\s)\s*";
    let episode_word = r"(?:[ÉE]pisodes?|Epsiodes?|Epis[óo]dios?|Cap[íi]tulos?|Folgen?|Odcin(?:ek|ki|ka)|Aflevering(?:en)?|Avsnitt|Puntata|Tập(?:\s+thứ)?|Eps?\.?|Chapter|E)\s*(?:#|No\.?\s*)?";
    // "Episodes 1,2 & 3", "Episodes 5, 6, and 7": the list's last number ends the range.
    let end = format!(r"(?:(?:\s*,\s*\d{{1,4}})*,?{range_sep}(?:Episode\s*|Ep\.?\s*|E)?{NUM}\b)?");
    // Between "Season 5" and "Episode 3": punctuation, "Part 2", "Recap:".
    // "Quarta Temporada: Review dos Episódios 1 a 4": a label and "of the" in Portuguese.
    let between = r"\s*\)?\s*(?:[,:;\-–—|/.]\s*)?(?:(?:Part|Pt\.?|Cour)\s*\d{1,2}\s*[,:;\-–—|/]?\s*)?(?:(?:recap|review|resumo|resumen|cr[íi]tica)s?(?:\s+d(?:[oa]s?|el|e))?\s*[,:;\-–—|/]?\s*)?";
    let form = |re: String, numbers: Numbers| Form { re: Regex::new(&re).unwrap(), numbers };
    vec![
        // "Star Trek Discovery, S1.7, “Magic To Make The Sanest Man Go Mad”": a dot for the E
        form(r"(?i)\bS(\d{1,2})\.(\d{1,3})\b".into(), with_season),
        // S01E02, s1e2, S01 E02, S4-E10, S01E03-E04, S01E03-04, S01E03E04, S5EO2 (an O typed
        // for a 0), "S:01 E:13", "S:2 Ep:2"
        form(
            r"(?i)\bS:?(\d{1,6})\s?[:.,\-]?\s?E(?::\s?|p:\s?)?[Oo]?(\d{1,6})(?:(?:\s?(?:-|–|&|\+)\s?E?|E)(\d{1,6}))?\b"
                .into(),
            with_season,
        ),
        // Season 1 Episode 2, Season 1, Episode 2, Series 2 Ep. 3, Season One Episode Two,
        // Season 1 Episodes 3 & 4, Season Five Recap: Episodes 1-3, Season 2 Part 2 Episode 5,
        // Temporada 3 Capítulo 2, Temporada 1 Episódio 4, sezon 2, odcinki 4 - 5 (Polish),
        // sesong 8 episode 4 (Norwegian), Stagione 2 Puntata 3, Seizoen 1 Aflevering 2
        form(
            format!(
                r"(?i)\b(?:Season|Series|Temporada|Saison|Staffel|Stagione|Sezon|Sesong|Säsong|Sæson|Seizoen)\s*#?{NUM}\b{between}{episode_word}{NUM}\b{end}"
            ),
            with_season,
        ),
        // The number before the season's word: "Gra o Tron - 3 sezon - odcinek 2" (Polish),
        // "3. Staffel, Folge 4"
        form(
            format!(
                r"(?i)(?:^|\s)(\d{{1,2}})\.?\s*(?:sezon|staffel)\b{between}{episode_word}{NUM}\b{end}"
            ),
            with_season,
        ),
        // Quarta Temporada: Review dos Episódios 1 a 4, 2ª Temporada Episódio 3
        form(
            format!(r"(?i)(?:\b|^){ORD_RO}\s+Temporada\b{between}{episode_word}{NUM}\b{end}"),
            with_season,
        ),
        // 4º episódio, 3º episódio da 8ª temporada, o quarto episódio da temporada 4, "o
        // terceiro e quarto episódio de" (a pair)
        form(
            format!(
                r"(?i)(?:\b|^){ORD_RO}(?:\s+(?:e|y)\s+{ORD_RO})?\s+{EP_RO}\b(?:\s+(?:da|de\s+la|del?)\s+(?:{ORD_RO}\s+temporada\b|temporada\s+{NUM}\b))?"
            ),
            |c| {
                let season = c.get(3).or(c.get(4)).map_or(Some(1), |m| parse_number(m.as_str()));
                let episode = parse_number(&c[1])?;
                let end = c.get(2).and_then(|m| parse_number(m.as_str())).filter(|&e| e > episode);
                Some((season?, episode, end))
            },
        ),
        // episodio 3 de la temporada 2, episódio 4 da 4ª temporada
        form(
            format!(
                r"(?i)\b{EP_RO}\s*{NUM_RO}\s+(?:da|de\s+la|del?)\s+(?:{ORD_RO}\s+temporada|temporada\s+{NUM})\b"
            ),
            |c| Some((parse_number(c.get(2).or(c.get(3))?.as_str())?, parse_number(&c[1])?, None)),
        ),
        // 3rd Season Episode 1 & 2, Second Season Episode 4
        form(
            format!(r"(?i)\b{ORD}\s+(?:Season|Series)\b{between}{episode_word}{NUM}\b{end}"),
            with_season,
        ),
        // S2 Episode 3, S2 Ep 3, SN2 Ep5, SS1 Episode 22
        form(
            format!(r"(?i)\bS[NS]?(\d{{1,4}})\s*[,:\-–]?\s*(?:Episodes?|Eps?\.?)\s*#?{NUM}\b{end}"),
            with_season,
        ),
        // Euphoria season 2: What happened in episode 7?
        form(
            format!(
                r"(?i)\b(?:Season|Series)\s*{NUM}\b[:,\-–—]?\s+(?:[^\s]+\s+){{1,6}}?(?:Episodes?|Ep\.?)\s*#?{NUM}\b{end}"
            ),
            with_season,
        ),
        // Season eight’s second episode, Season 2's 5th episode
        form(
            format!(r"(?i)\b(?:Season|Series)\s*{NUM}(?:’s|'s)\s+{ORD}\s+episode\b"),
            with_season,
        ),
        // Teen Wolf season 3! The first episode…
        form(
            format!(
                r"(?i)\b(?:Season|Series)\s*{NUM}\b[:,\-–—!.]?\s+(?:[^\s]+\s+){{0,4}}?{ORD}\s+episode\b"
            ),
            with_season,
        ),
        // episode 4 of the ninth season
        form(
            format!(r"(?i)\b(?:Episode|Ep\.?)\s*#?{NUM}\s+of\s+(?:the\s+)?{ORD}\s+(?:Season|Series)\b"),
            |c| Some((parse_number(&c[2])?, parse_number(&c[1])?, None)),
        ),
        // Walking Dead: Episode 5 Season 1, episode-5-season-7 (an address)
        form(
            format!(r"(?i)\b(?:Episode|Ep\.?)\s*#?{NUM}\s*(?:[,\-–]|of)?\s*(?:Season|Series)\s*{NUM}\b"),
            |c| Some((parse_number(&c[2])?, parse_number(&c[1])?, None)),
        ),
        // Season Two Premiere, Series Premiere: the first episode
        form(format!(r"(?i)\b(?:Season|Series)\s*{NUM}\s+Premiere\b"), |c| {
            Some((parse_number(&c[1])?, 1, None))
        }),
        // 1x02, 1x03-04, 1x03-1x04, 2×02, S3x04
        form(
            r"(?i)\bS?(\d{1,2})\s?[x×]\s?(\d{1,4})(?:\s?(?:-|–|&)\s?(?:\d{1,2}[x×])?(\d{1,4}))?\b"
                .into(),
            with_season,
        ),
        // (Episode 3.07): season 3, episode 7; "Episodio 5.02: Sconosciuti", "Folge 2.05",
        // "True Blood Episode 4.2 Recap", "Episodes 1.7-1.9 reviewed!", "Mad Men -- Episode 4:2"
        form(
            format!(
                r"(?i)\b{DOTTED_EPISODE_WORD}\s*(\d{{1,2}})[.:](\d{{1,2}})(?:\s*[-–]\s*(?:\d{{1,2}}\.)?(\d{{1,2}}))?\b"
            ),
            with_season,
        ),
        // The episode before its season: German "Folge 3 von Staffel 8", "(Folge 3, Staffel 8:
        // …)", English "Episode 3 of Season 8"
        form(
            r"(?i)\b(?:Episode|Folge|Ep\.?)\s*(\d{1,4}),?\s+(?:(?:of|von|der|aus)\s+)?(?:the\s+)?(?:Season|Staffel|Series)\s+(\d{1,2})\b"
                .into(),
            |c| Some((parse_number(&c[2])?, parse_number(&c[1])?, None)),
        ),
        // Episode 12, Ep. 12, Episodes 3 & 4, Episodes 3-4, Episode 3 and 4, Episode #7, Chapter 4,
        // "Epsiode 13 & 14" (a common misspelling), "EP: 1-4" (a label's colon, singular only:
        // "Episodes: 16" in a drama's details is its length),
        // Episódio 4, Capítulo 2, Odcinek 5, Aflevering 2, Avsnitt 4, Puntata 2, Vietnamese
        // "tập 8" and "tập thứ 8", Tagalog "Kabanata 45" and "Kabanata/Episode 45", Thai "ตอนที่ 10",
        // Cowboy Bebop's "Sessions 16 and 17"
        form(
            format!(
                r"(?i)(?:\b|^)(?:[ÉE]pisodes?|Epsiodes?|Epis[óo]dios?|Cap[íi]tulos?|Odcin(?:ek|ki|ka)|Aflevering(?:en)?|Avsnitt|Puntata|Tập(?:\s+thứ)?|Kabanata(?:\s*/\s*Episode)?|ตอนที่|Sessions?|Ep\s*:|Eps?[.\-]?|Chapters?)-?\s*(?:#|No\.?\s*)?{NUM}\b{end}"
            ),
            without_season,
        ),
        // "Outlander (2:13) Dragonfly in Amber": season and episode in brackets, a colon between
        form(r"\((\d{1,2}):(\d{1,2})\)".into(), with_season),
        // Sailor Moon Crystal's "Act 10" (in digits: "Act One" is a play's)
        form(r"\bAct\s+(\d{1,3})\b".into(), without_season),
        // Russian, in Cyrillic or in an address: "1 серия 2 сезон", "walking-dead-1-seriya-2-sezon"
        form(
            r"(?i)(?:^|\s|-)(\d{1,4})[\s-]?(?:серия|seriya|seriia)[\s,-]+(\d{1,2})[\s-]?(?:сезон|sezon)(?:$|[\s,.-])".into(),
            |c| Some((parse_number(&c[2])?, parse_number(&c[1])?, None)),
        ),
        form(
            r"(?i)(?:^|\s|-)(?:сезон|sezon)[\s-]?(\d{1,2})[\s,.-]+(?:серия|seriya|seriia)[\s-]?(\d{1,4})(?:$|[\s,.-])".into(),
            with_season,
        ),
        // Turkish puts the number first: "Azize 5.Bölüm", "Yargı 23 Bölümünde"
        form(r"(?i)(?:^|\s)(\d{1,4})\s?\.?\s?b[öo]l[üu]m\w*".into(), |c| {
            Some((1, parse_number(&c[1])?, None))
        }),
        // 3-gatsu no Lion First Episode Impression (only at the end: "The first episode of X
        // makes a case…", "Sixth Episode Reframes…" are sentences, not headlines)
        form(
            format!(
                r"(?i)\b{ORD}\s+episode(?:\s+(?:impressions?|reviews?|recaps?|thoughts|reactions?))?\s*[!.]?$"
            ),
            |c| Some((1, parse_number(&c[1])?, None)),
        ),
        // "『イカゲーム シーズン3』第3話": the season's word in katakana, the name's quotes closing
        // after it
        form(r"シーズン\s?(\d{1,2})\s?[』」]?\s?(?:第)?\s?(\d{1,4})\s?話".into(), with_season),
        // A Japanese season's counter before the episode's: "約束のネバーランド 2期3話",
        // "第2期 第3話"
        form(r"(?:第)?(\d{1,2})\s?期\s?(?:第)?\s?(\d{1,4})\s?(?:話|회|화)".into(), with_season),
        // "「瓔珞(エイラク)」15話~21話", "『涙の女王』第7話~第11話": a range, each number with
        // its counter.
        form(
            r"(?:第|제)?\s?(\d{1,4})\s?(?:話|회|화)\s?[~～〜\-–]\s?(?:第|제)?\s?(\d{1,4})\s?(?:話|회|화)"
                .into(),
            |c| Some((1, parse_number(&c[1])?, c[2].parse().ok())),
        ),
        // "五月の青春 5話・6話", "「ホテルデルーナ」7話8話", "第7話・第8話・第9話": episodes in a
        // row, each with its counter (but "7話・10話" names two apart).
        form(
            r"(?:第|제)?\s?\d{1,4}\s?(?:話|회|화)(?:\s?[・、&＆]?\s?(?:第|제)?\s?\d{1,4}\s?(?:話|회|화))+".into(),
            |c| {
                let numbers: Vec<u32> =
                    DIGITS_RE.find_iter(&c[0]).filter_map(|m| m.as_str().parse().ok()).collect();
                let in_a_row = numbers.windows(2).all(|w| w[1] == w[0] + 1);
                in_a_row.then(|| (1, numbers[0], numbers.last().copied()))
            },
        ),
        // "後宮の涙」8・9・10・11・12話": a run of episodes listed with middle dots.
        form(r"(\d{1,4})(?:\s?・\s?\d{1,4})*\s?・\s?(\d{1,4})\s?(?:話|회|화)".into(), |c| {
            Some((1, parse_number(&c[1])?, c[2].parse().ok()))
        }),
        // Korean and Japanese episode counters: 3회, 3화, 3-4회, 제3화, 第3話, a Korean
        // particle glued to the counter ("5회에서는", "5화의"), Japanese running on at once
        // ("大恋愛5話ネタバレ", "第5話を見た感想"); a pair has its separator ("MIU404 8話" is
        // the show MIU404's episode 8)
        form(
            r"(?:제|第)?\s?(\d{1,4})(?:\s?(?:-|~|&|,)\s?(\d{1,4}))?\s?(?:(?:회|화)(?:에서는|에서도|에서|에선|에는|의|는|은|도|가)?(?:\b|$)|話)".into(),
            |c| match c.get(2) {
                Some(end) => Some((1, parse_number(&c[1])?, end.as_str().parse().ok())),
                None => Some((1, parse_number(&c[1])?, None)),
            },
        ),
        // Japanese "「光る君へ」第15回" (an NHK drama's instalment; not "3回目", a third time, nor
        // "第2回以降", from the second on), and
        // without its 第 right before the page's labels: "下流の宴 7回 あらすじと感想"
        form(r"第\s?(\d{1,3})\s?回(?:$|[^目数以])".into(), without_season),
        form(
            format!(r"(?:^|\D)(\d{{1,3}})\s?回\s?の?\s?{JAPANESE_PAGE_LABELS}"),
            without_season,
        ),
        // Chinese "刀与花第10集" (only with its 第: "全40集" is a drama's length)
        form(r"第\s?(\d{1,4})\s?集".into(), without_season),
        // The number in kanji: "約束のネバーランド|アニメ版第三話", "第十二集"
        form(r"第\s?([一二三四五六七八九十]{1,3})\s?(?:話|集)".into(), without_season),
        // Doctor Who 10.05 Review, Good Girls 2.07: "The Dubby" (a two-digit episode
        // followed by a label, a separator or the end, so "8.5" is not one, nor a price's
        // "56.75 -0.2820")
        form(
            r#"(?i)\b(\d{1,2})\.(\d{2})(?:\s*(?:[:|"“‘(]|[\-–—](?:\s|\p{L}|$)|recap|review|$))"#.into(),
            with_season,
        ),
        // Show E05 (two digits at least, so "E3" the expo is not an episode)
        form(r"(?:^|\s)E(\d{2,4})(?:\s?(?:-|–|&)\s?E?(\d{2,4}))?\b".into(), without_season),
        // "Vampire Diaries Episode Recap: 2.8 Rose": season and episode joined by a dot right
        // after the page's label
        form(r"(?i)\b(?:recap|review)\s*:\s*(\d{1,2})\.(\d{1,2})(?:\s|$)".into(), with_season),
        // "Castle 4-23: Always": season and a two-digit episode joined by a hyphen, a colon
        // and the title after them ("Kimi ni Todoke 07-08:", zero-padded, is a pair)
        form(r"(?:^|\s)([1-9]\d?)-(\d{2}):(?:\s|$)".into(), with_season),
        // "“Oshi no Ko” Season 2 – 05": the episode's number alone after the season's, ending
        // the headline
        form(r"(?i)\bseason\s+(\d{1,2})\s+[-–—]\s+(\d{1,3})$".into(), with_season),
        // Two 1.4: a one-digit episode after the season's dot, only as the headline's last
        // word right after a name ("Community score: 4.2" and a bare "8.5" are scores)
        form(r"\b\s(\d{1,2})\.([1-9])$".into(), with_season),
    ]
});

// ---------------------------------------------------------------------------
// Show and title
// ---------------------------------------------------------------------------

/// A "show" ending in "Season 2" (or "Winter 2022 Season") is the leftover of a marker
/// whose show was empty.
static DANGLING_SEASON_RE: Lazy<Regex> = Lazy::new(|| {
    // "Season 3 Episode Discussion - S03E04": a season and the word episode are no name.
    Regex::new(r"(?i)(?:^|[\s(\[])(?:season|series)(?:\s*#?\w+(?:’s|'s)?)?(?:\s+episodes?)?$")
        .unwrap()
});
/// "High School Musical: The Musical: The Series", "2gether The Series": "the series" ending
/// a name is part of it, not a season left without its number.
static THE_SERIES_RE: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i)\bthe\s+series$").unwrap());

/// "Summer Anime Ep 2 Reviews", "Fall 2013 Anime Episode 4 Reviews": a broadcast season of
/// the year (a round-up of that season's shows) is no name.
static SEASON_OF_THE_YEAR_RE: Lazy<Regex> = Lazy::new(|| {
    // "秋アニメ", "2021年春アニメ", "冬期": the same in Japanese.
    Regex::new(r"(?i)^(?:summer|winter|spring|fall|autumn)(?:\s+(?:19|20)\d{2})?(?:\s+anime)?$|^(?:(?:19|20)\d{2}\s*年?\s*)?[春夏秋冬]期?(?:アニメ)?$")
        .unwrap()
});

/// "アニメ10話は漫画の何話までやった?": a genre's word alone is no name.
static GENRE_ALONE_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(&format!(r"(?i)^(?:tv\s?)?{GENRES}$")).unwrap());

/// A season left where the show's name would be ([`DANGLING_SEASON_RE`]), a season of the year
/// ([`SEASON_OF_THE_YEAR_RE`]) or a genre ([`GENRE_ALONE_RE`]).
fn dangling_season(show: &str) -> bool {
    (DANGLING_SEASON_RE.is_match(show) && !THE_SERIES_RE.is_match(show))
        || SEASON_OF_THE_YEAR_RE.is_match(show.trim())
        || GENRE_ALONE_RE.is_match(show.trim())
}

static TRAILING_YEAR_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\s*[(\[](?:19|20)\d{2}[)\]]$").unwrap());
/// A kanji word and its reading in brackets, with more of the name after them.
static KANJI_READING_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(\p{Han})[(（][\p{Hiragana}\p{Katakana}ー・]{1,20}[)）](\S)").unwrap()
});
/// A name in Latin letters (two at least) and its katakana reading written straight after it.
static LATIN_THEN_READING_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(\p{Latin}[\p{Latin}\p{N}\s×&!?.'’:\-]*\p{Latin}[\p{Latin}\p{N}!?.]*)[\p{Katakana}ー・]{2,}$")
        .unwrap()
});
/// "Doctor Crush (Doctors)", "My Sunshine [何以笙箫默]": an alternative name in brackets after
/// the show.
/// Also a kana reading or label in brackets glued to a name: "SPY×FAMILY(スパイファミリー)",
/// "かくしごと(アニメ)", "かくしごと（アニメ）".
static TRAILING_ALIAS_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?:\s+(?:\((?:aka\s+|a\.k\.a\.\s+)?\p{L}[^()]{0,60}\)|\[\p{L}[^\[\]]{0,60}\])|\s*[(（][\p{Hiragana}\p{Katakana}ー・･\s]{1,30}[)）])$")
        .unwrap()
});

const NETWORKS: &str = r"(?:netflix|pbs|masterpiece|nhk|marvel|hbo(?:\s+max)?|max|hulu|disney\s*\+|disney\s+plus|disney|apple\s+tv\s*\+?|apple|amazon(?:\s+prime)?|prime\s+video|peacock|paramount\s*\+?|showtime|starz|fx|amc|bbc(?:\s+(?:one|two|three))?|itv|channel\s+4|cbs|nbc|abc|fox|the\s+cw|cw|tvn|jtbc|sbs|kbs2?|mbc|ocn|ena|viki|viu|tving|wavve|coupang\s+play|crunchyroll|funimation|hidive|iqiyi|wetv|youku|tencent|syfy|usa|tnt|tbs|bravo|lifetime|freeform|adult\s+swim|toonami|shudder|acorn\s+tv|britbox|sky(?:\s+atlantic)?|stan|crave|cbc|넷플릭스|티빙|웨이브|쿠팡플레이|디즈니\+?|왓챠)";
const GENRES: &str = r"(?:k[\s-]?dramas?|korean\s+(?:drama|series|tv\s+series)|c-?drama|chinese\s+drama|j-?drama|japanese\s+drama|thai\s+drama|t-?drama|taiwanese\s+drama|drama\s+(?:korea|china|jepang|thailand|taiwan|mandarin)|drakor|anime(?:\s+series)?|tv\s+(?:series|show)|連続ドラマW?|韓国ドラマ|韓ドラ|(?:nhk\s*)?大河ドラマ|ドラマ版?|アニメ版?|韓劇|韩剧)";

/// "Netflix’s King the Land", "HBO: Boardwalk Empire", "Channel 4oD: Misfits", "Anime Lounge:
/// Ruroni Kenshin", "SBS Korean Drama Secret Door", "K-Drama Moving",
/// "K-drama: Secret Garden", "TV | The Walking Dead" (a section name before a bar).
static LEADING_NETWORK_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:{NETWORKS}\s*(?:’s|'s|‘s)\s+|{NETWORKS}[0-9a-z]{{0,3}}\s*:\s+|{GENRES}\s+\p{{L}}+\s*:\s+|(?:韓劇|韩剧|陸劇|陆剧|日劇|日剧)\s*|{NETWORKS}\s+{GENRES}\s+|(?:(?:korean|chinese|japanese|thai|taiwanese)\s+)?{NETWORKS}\s+(?:drama|series)\s+|{GENRES}(?:\s*[:|]\s*|\s+)(?:(?:recap|review|reaction)s?(?:\s*[:|]\s*|\s+))?|(?:tv|television|entertainment|drama|dramas|anime|movies?\s*&\s*tv|tv\s+(?:reviews?|recaps?))\s*\|\s+|(?:{NETWORKS}\s*)?드라마\s+|.{{0,30}}?[!?]\s*(?:{NETWORKS}\s*)?드라마\s+|home\b.{{0,40}}?(?:reviews|recaps|news)\s+)"
    ))
    .unwrap()
});
/// "韓国ドラマ【トッケビ】": a genre before the name in 【】.
static GENRE_THEN_BRACKETED_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(&format!(r"(?i)^{GENRES}\s*【([^】]{{1,40}})】$")).unwrap());
/// "Fates and Furies Korean Drama", "Behind Every Star – K-Drama", "Little Women (K-Drama)",
/// "愛の不時着【韓国ドラマ】" (a Korean drama, in Japanese).
static TRAILING_GENRE_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(&format!(r"(?i)[\s\-–—:|,]*[(\[【]?\s*{GENRES}\s*[)\]】]?$")).unwrap());
/// A name, a recap label (with the kind of episode) and a separator before the writer's
/// words: "Grimm Winter Premiere Recap - Monroe Taken by the Wesenrein", "Breaking Bad Season 4
/// Finale Recap - Breaking Bad Season 4 Episode 13 Face Off" (a colon after the label
/// as often follows a site's label as a name: "Couch Recap: Hotel del Luna").
static LABEL_THEN_WORDS_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(\S.{0,60}?)\s+(?:(?:winter|spring|summer|fall|autumn|mid-?season|(?:season|series)(?:\s+\d{1,2})?)\s+)?(?:(?:premiere|finale)\s+)?(?:recap|review)\s+[\-–—|]\s+\S")
        .unwrap()
});
/// "ドロ刑ー警視庁捜査三課ー", "べらぼう~蔦重栄華乃夢噺~": a Japanese drama's subtitle, set off
/// by long dashes or waves after its name, in kanji ("ヒーロー" ends in a dash; "CLANNAD ~After
/// Story~" is the sequel's name).
static TRAILING_JAPANESE_SUBTITLE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?:[～~〜][^～~〜]{0,15}\p{Han}[^～~〜]{0,15}[～~〜]|ー[^ー]{0,15}\p{Han}[^ー]{0,15}ー)$",
    )
    .unwrap()
});
/// "虎に翼9週43話": a morning drama's week, between its name and the episode.
static TRAILING_WEEK_RE: Lazy<Regex> = Lazy::new(|| Regex::new(r"\s*第?\d{1,2}週$").unwrap());
/// "Poldark on MASTERPIECE", "Squid Game on Netflix": where the show airs, after its name.
static TRAILING_NETWORK_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(&format!(r"(?i)\s+on\s+{NETWORKS}$")).unwrap());
/// Korean entertainment news names a programme by its kind, then quotes it: "23일 방송된 KBS2
/// 금요드라마 '스파이'(박현석 연출/한상운, 이강 극본)" (the KBS2 Friday drama 'Spy' aired on the 23rd).
static KOREAN_PROGRAMME_QUOTE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(r#"(?:드라마|예능|시트콤|미니시리즈|(?:^|\s)(?i:{NETWORKS}|MBN|TV조선|채널A))\s*['‘"“]([^'’"”‘“(]{{1,40}})(?:\([^()]{{0,60}}\))?['’"”]"#)).unwrap()
});
/// The programme a line of Korean entertainment news names: "금요드라마 '스파이'" → "스파이".
pub fn korean_programme(line: &str) -> Option<&str> {
    KOREAN_PROGRAMME_QUOTE_RE.captures(line).and_then(|c| c.get(1)).map(|m| m.as_str().trim())
}

/// "Drama Review Corner ‘Legend Of The Blue Sea’": a quoted name after a short prefix; "“Arcane”
/// Act 2": before a label of its own.
static QUOTED_SHOW_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r#"(?:^|\s)(?:“([^”“]+)”|"([^"]+)"|‘((?:[^’‘]|’\p{L})+)’|'((?:[^']|'\p{L})+)')(?:\s+(?i:drama|series|anime|k-?drama|act\s+\d{1,2}))?[\s\-–—:|,]*$"#).unwrap()
});
/// A sentence ending in a possessive name: "… continues with Blue Lock’s".
static SENTENCE_POSSESSIVE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"^(.+?\s)(\p{Lu}[\p{L}\d\-]*(?:\s+(?:\p{Lu}[\p{L}\d\-]*|of|the|and|no))*)(?:’s|'s)$",
    )
    .unwrap()
});
/// "Here is a quick recap of", "A recap and review of", "This is the recap of", "Recap on",
/// "Overview of",
/// "Warning! Spoilers for".
static LEAD_PHRASE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:.{1,80}?[:\-–—|]\s+)?(?:here\s+is|here's|here’s|this\s+is|these\s+are)?\s*(?:a|an|the|our|my)?\s*(?:quick\s+|full\s+|short\s+|brief\s+|complete\s+|weekly\s+|live\s+)?(?:recaps?|reviews?|summary|synopsis|overview)(?:\s+(?:and|&)\s+(?:review|recap))?\s+(?:of|for|on)\s+|^what\s+(?:happened|happens)\s+(?:on|in)\s+|^[*_]*\s*(?:(?:spoiler\s+)?warning\s*[:!]?\s*)?spoilers?\s+(?:ahead\s+)?(?:for|from)\s+").unwrap()
});
/// Up to a lower-case "guide to" a few words in: "The basic B’s guide to ".
static GUIDE_TO_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(?:\S+\s+){0,4}?guide\s+to\s+").unwrap());
/// A capitalised name or two and a lower-case "reviews" or "recaps": "FTN reviews ".
static SITE_REVIEWS_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:\p{Lu}[\p{L}\p{N}'’&.\-]*\s+){1,3}(?:reviews|recaps)\s+").unwrap()
});
/// "MIDNIGHT REVIEWS Shōgun": a section or blog name in capitals before the show.
static CAPS_SECTION_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(?:[A-Z][A-Z'’&-]+\s+){0,3}(?:REVIEWS?|RECAPS?|NEWS)\s+").unwrap());
/// "House of the Dragon Soars in": a headline's verb glued to the show by the marker.
static TRAILING_VERB_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\s+(?:Soars|Shines|Stumbles|Sizzles|Delivers|Dazzles|Falters|Excels|Continues|Returns|Heats\s+Up|Kicks\s+Off|Picks\s+Up|Ramps\s+Up|Slows\s+Down|Goes\s+Big|Hits\s+Hard|Ends|Begins|Peaks|Triumphs|Struggles|Impresses|Disappoints)\s+(?:in|with|on|at|for)$").unwrap()
});
/// "Sullivan's Crossing Premiere", "Show Season Finale", "Show Series Premiere".
static TRAILING_EVENT_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)[\s\-–—:|,]+(?:(?:series|season|mid-?season|the)\s+)?(?:premiere|finale)$")
        .unwrap()
});
/// "Supergirl Crítica Ep": a short word for episode ending the name, its number gone.
static TRAILING_EP_WORD_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)[\s\-–—:|,]+ep\.?$").unwrap());
/// "the Little Women" (prose) → "Little Women"; "the last of us" stays.
static LOWER_THE_RE: Lazy<Regex> = Lazy::new(|| Regex::new(r"^the\s+(\p{Lu})").unwrap());

/// The show's other name that a headline gives beside it in brackets, in another script or
/// after "aka": "Crash Landing on You (사랑의 불시착) Episode 4" → 사랑의 불시착,
/// "사랑의 불시착 (Crash Landing on You)" → Crash Landing on You. A bracket in the same
/// script ("(Season 3)", "(Doctors)", "(2024)") could be anything, so it is not taken.
pub fn show_alias(headline: &str, show: &str) -> Option<String> {
    let text = clean_text(headline);
    let at = text.find(show)?;
    let rest = text[at + show.len()..].trim_start();
    let inner = rest.strip_prefix(['(', '（'])?;
    let inner = &inner[..inner.find([')', '）'])?];
    let (alias, said_aka) = match inner.trim().split_once(char::is_whitespace) {
        Some((aka, name)) if ["aka", "a.k.a."].contains(&aka.to_lowercase().as_str()) => {
            (name.trim(), true)
        }
        _ => (inner.trim(), false),
    };
    let east_asian = |s: &str| s.chars().any(is_east_asian);
    let fits = (1..=80).contains(&alias.chars().count())
        && alias.chars().any(char::is_alphabetic)
        && (said_aka || east_asian(alias) != east_asian(show));
    fits.then(|| alias.to_string())
}

/// Hangul, kana or Han: the scripts of K-, J- and C-drama titles.
pub(crate) fn is_east_asian(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x11FF | 0x3040..=0x30FF | 0x3130..=0x318F | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF)
}

/// Show name: the text before the episode marker, without recap labels,
/// separators, surrounding quotes, a trailing "(2024)", network
/// possessives ("Netflix’s"), genre tags ("K-Drama", "Korean Drama",
/// "Anime") and site/section prefixes before a quoted name.
pub fn clean_show(raw: &str) -> String {
    let mut s = trim_separators(raw);
    // "<愛の不時着 第1話あらすじ>": a line wrapped in angle brackets, cut at the marker.
    if !s.contains(['>', '＞']) {
        s = s.trim_start_matches(['<', '＜']);
    }
    // "[Outlander Summary] S02E13: Dragonfly in Amber.": a tag in brackets that is all the
    // name there is.
    if let Some(inner) = s.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        let name = without_page_kind(inner);
        if !inner.contains(['[', ']']) && has_alphanumeric(strip_recap_noise(name)) {
            s = trim_separators(name);
        }
    }
    // "Grimm Winter Premiere Recap - Monroe Taken by the Wesenrein": the name, the page's label,
    // then the writer's words.
    if let Some(name) = LABEL_THEN_WORDS_RE.captures(s).and_then(|c| c.get(1)) {
        if name_like_words(name.as_str()) {
            s = name.as_str().trim();
        }
    }
    // "こんにちは、編集部のマーロウです。VIVANT第8話は": the name starts after the last
    // Japanese full stop.
    if let Some((_, rest)) = s.rsplit_once('。').filter(|(_, rest)| has_alphanumeric(rest)) {
        s = trim_separators(rest);
    }
    // "MIU404の5話ネタバレ感想": the particle joining the name to its episode's counter.
    if let Some(name) = s.strip_suffix('の').filter(|n| n.chars().count() >= 2) {
        s = name.trim_end();
    }
    // "梨泰院(イテウォン)クラス": a kanji word's reading in brackets inside the name.
    let unread = KANJI_READING_RE.replace_all(s, "$1$2");
    let s_owned;
    if unread.len() < s.len() && has_alphanumeric(&unread) {
        s_owned = unread.into_owned();
        s = &s_owned;
    }
    // "VIVANTヴィヴァン 第7話": a name in Latin letters, its katakana reading glued on.
    if let Some(name) = LATIN_THEN_READING_RE.captures(s).and_then(|c| c.get(1)) {
        s = name.as_str().trim();
    }
    // "韓国ドラマ【トッケビ】": a genre, then the name in lenticular brackets; "今回は【silent】":
    // or a few words of the writer's.
    if let Some(name) = GENRE_THEN_BRACKETED_RE.captures(s).and_then(|c| c.get(1)) {
        s = name.as_str().trim();
    } else if let Some((lead, name)) = s.strip_suffix('】').and_then(|r| r.rsplit_once('【')) {
        // (The words end in a particle: "愛の不時着【韓国ドラマ】" is a name and its genre.)
        let particle = lead.trim_end().ends_with(['は', 'も', 'で', 'が', 'を']);
        if particle && lead.chars().count() <= 6 && !name.contains('【') && has_alphanumeric(name)
        {
            s = name.trim();
        }
    }
    // "Bütün Sırlar Açığa Çıktı | Azize 5.Bölüm": the words before a bar are the writer's
    // (or a section's); the name stands right before the marker.
    // ("Revenge | Recensione 1×09": a label alone after the bar leaves the name before it.)
    if let Some((first, last)) = s.rsplit_once(" | ") {
        if has_alphanumeric(strip_recap_noise(last)) {
            s = trim_separators(last);
        } else if has_alphanumeric(first) {
            s = trim_separators(first);
        }
    }
    loop {
        let before = s.len();
        // A show literally called "Review" keeps its name.
        let stripped = trim_separators(strip_recap_noise(s));
        if has_alphanumeric(stripped) {
            s = stripped;
        }
        s = trim_separators(trim_quotes(s));
        // "Humans ‘Episode 5’": a quote left open by the marker.
        for (open, close) in [
            ('‘', '’'),
            ('“', '”'),
            ('"', '"'),
            ('«', '»'),
            ('「', '」'),
            ('『', '』'),
            ('《', '》'),
        ] {
            let lone = s.matches(open).count() + s.matches(close).count() == 1;
            if lone && (s.starts_with([open, close]) || s.ends_with([open, close])) {
                s = trim_separators(s.trim_matches([open, close]));
            }
        }
        // "TVアニメ『 五等分の花嫁 』", "アニメ『五等分の花嫁』": Japanese writes a work's name
        // in 『』 or 「」, and the words around the brackets are labels.
        if let Some(inner) = [('『', '』'), ('「', '」')].iter().find_map(|&(open, close)| {
            let inner = trim_separators(s.split_once(open)?.1.split_once(close)?.0);
            (has_alphanumeric(inner) && inner.len() < s.len()).then_some(inner)
        }) {
            s = inner;
        }
        // "【約束のネバーランド】2期3話": or wholly in 【】 right before the marker.
        if let Some(inner) = s.strip_prefix('【').and_then(|r| r.strip_suffix('】')) {
            if has_alphanumeric(inner) && !inner.contains(['【', '】']) {
                s = trim_separators(inner);
            }
        }
        // Words after the name, in turn: an air date after the label ("The Bachelorette Recap
        // 06/21/21"), a count of the writer's things, a bracketed year, an alias, a genre tag.
        let tails = [
            &*JAPANESE_LABELS_TAIL_RE,
            &*TRAILING_DATE_RE,
            &*LISTICLE_TAIL_RE,
            &*TRAILING_YEAR_RE,
            &*TRAILING_ALIAS_RE,
            &*TRAILING_GENRE_RE,
            &*TRAILING_NETWORK_RE,
            &*TRAILING_WEEK_RE,
            &*TRAILING_JAPANESE_SUBTITLE_RE,
        ];
        for tail in tails {
            if let Some(m) = tail.find(s) {
                if has_alphanumeric(&s[..m.start()]) {
                    s = trim_separators(&s[..m.start()]);
                }
            }
        }
        if let Some(m) = LEADING_NETWORK_RE.find(s) {
            if has_alphanumeric(&s[m.end()..]) {
                s = trim_separators(&s[m.end()..]);
            }
        }
        if let Some(m) = LEADING_TAG_RE.find(s) {
            if has_alphanumeric(&s[m.end()..]) {
                s = trim_separators(&s[m.end()..]);
            }
        }
        if let Some(name) = korean_programme(s) {
            s = name;
        }
        if let Some(c) = QUOTED_SHOW_RE.captures(s) {
            let whole = c.get(0).expect("match");
            let prefix_words = s[..whole.start()].split_whitespace().count();
            let inner = (1..=4).find_map(|i| c.get(i)).map_or("", |m| m.as_str().trim());
            // "Juliette and Solo’s Partnership Hits a Rough Patch in ‘Silo’": a sentence of any
            // length whose last word, a preposition, introduces the quoted name.
            let introduced = s[..whole.start()]
                .split_whitespace()
                .last()
                .is_some_and(|w| matches!(w, "in" | "of" | "for" | "on" | "from" | "about"));
            if (prefix_words <= 5 || (introduced && prefix_words <= 16)) && has_alphanumeric(inner)
            {
                s = inner;
            }
        }
        // "The legendary match … continues with Blue Lock’s Season 2 Episode 8": a sentence
        // whose last words, a possessive name, own the marker.
        if let Some(c) = SENTENCE_POSSESSIVE_RE.captures(s) {
            let lowercase = c[1]
                .split_whitespace()
                .filter(|w| w.starts_with(char::is_lowercase) && !NAME_JOINERS.contains(w))
                .count();
            if lowercase >= 2 {
                s = c.get(2).map_or(s, |m| m.as_str());
            }
        }
        if let Some(m) = LEAD_PHRASE_RE.find(s) {
            if has_alphanumeric(&s[m.end()..]) {
                s = trim_separators(&s[m.end()..]);
            }
        }
        // "Recap on Girls": the preposition a stripped label leaves before the name, which
        // never starts with a lower-case "on" ("Of Kings and Prophets" keeps its "Of").
        if let Some((first, rest)) = s.split_once(' ') {
            if matches!(first, "on" | "of" | "for" | "about")
                && rest.starts_with(char::is_uppercase)
            {
                s = trim_separators(rest);
            }
        }
        // "The basic B’s guide to Love Island": the writer's "guide to" in lower case before a
        // name (but "The Hitchhiker's Guide to the Galaxy" is one).
        if let Some(m) = GUIDE_TO_RE.find(s) {
            let rest = &s[m.end()..];
            if rest.starts_with(char::is_uppercase) && has_alphanumeric(rest) {
                s = trim_separators(rest);
            }
        }
        // "FTN reviews Agents of SHIELD": a site's name and its verb before the show.
        if let Some(m) = SITE_REVIEWS_RE.find(s) {
            let rest = &s[m.end()..];
            if rest.starts_with(char::is_uppercase) && has_alphanumeric(rest) {
                s = trim_separators(rest);
            }
        }
        if let Some(m) = TRAILING_EVENT_RE.find(s) {
            if has_alphanumeric(&s[..m.start()]) {
                s = trim_separators(&s[..m.start()]);
            }
        }
        if let Some(m) = CAPS_SECTION_RE.find(s) {
            if has_alphanumeric(&s[m.end()..]) {
                s = trim_separators(&s[m.end()..]);
            }
        }
        if let Some(m) = TRAILING_VERB_RE.find(s) {
            if has_alphanumeric(&s[..m.start()]) {
                s = trim_separators(&s[..m.start()]);
            }
        }
        // "Praise Kier! Severance Season 2, Episode 3 is here!": an exclamation or a question
        // of a few words before the name is the writer's, and so is a teaser trailing off
        // ("When Loid Goes Too Far.. Spy x Family Season 1 Episode 12 [Review]").
        if let Some(m) = WRITERS_LEAD_END_RE.find(s) {
            let (head, tail) = (&s[..m.start()], &s[m.end()..]);
            let words = head.split_whitespace().count();
            if (2..=6).contains(&words)
                && tail.starts_with(' ')
                && tail.trim_start().starts_with(char::is_uppercase)
                && has_alphanumeric(tail)
            {
                s = trim_separators(tail);
            }
        }
        // "Queen of Tears Recap, Plot & Episode 11 to 14 Summary": a list of what the page
        // holds after the name.
        if let Some(m) = TRAILING_KIND_LIST_RE.find(s) {
            if has_alphanumeric(&s[..m.start()]) {
                s = trim_separators(&s[..m.start()]);
            }
        }
        // "Only Murders In The Building (Season 3) Episodes 1,2 & 3": the bracket the marker opened.
        if s.ends_with(['(', '[']) {
            s = trim_separators(&s[..s.len() - 1]);
        }
        // "Yellowstone' S5, E5": a stray quote mark after the name.
        if s.ends_with('\'') && s.matches('\'').count() == 1 && !s.ends_with("s'") {
            s = trim_separators(&s[..s.len() - 1]);
        }
        if let Some(c) = LOWER_THE_RE.captures(s) {
            s = &s[c.get(1).map_or(0, |m| m.start())..];
        }
        if let Some(tail) = repeated_tail(s) {
            s = tail;
        }
        // "Supergirl Crítica Ep 2x03": an abbreviation of episode left before the marker.
        if let Some(m) = TRAILING_EP_WORD_RE.find(s) {
            if has_alphanumeric(&s[..m.start()]) {
                s = trim_separators(&s[..m.start()]);
            }
        }
        // "抓住彩虹的男人 The Cage of Love" (an address): the same name in its own script first.
        if let Some((other, name)) = s.split_once(' ') {
            let latin = name.chars().any(|c| c.is_ascii_alphabetic());
            if latin && other.chars().all(is_east_asian) && !name.chars().any(is_east_asian) {
                s = trim_separators(name);
            }
        }
        // "Sparrow 麻雀" (an address, or a headline without brackets): the name, then the
        // same name in its own script, which [`show_alias`] keeps when it is bracketed.
        if let Some((name, other)) = s.rsplit_once(' ') {
            let latin = name.chars().any(|c| c.is_ascii_alphabetic());
            if latin && other.chars().all(is_east_asian) && !name.chars().any(is_east_asian) {
                s = trim_separators(name);
            }
        }
        s = without_full_stop(s);
        if s.len() == before {
            break;
        }
    }
    s.to_string()
}

/// Where a writer's lead before the name ends: "!", "?", or a trailing-off ".." or "…".
static WRITERS_LEAD_END_RE: Lazy<Regex> = Lazy::new(|| Regex::new(r"[!?]|\.{2,3}|…").unwrap());

/// "Recap, Plot &", "Review & Breakdown,": words for what the page holds, listed with commas
/// or ampersands, at the end of the name (one such word alone is [`strip_recap_noise`]'s).
static TRAILING_KIND_LIST_RE: Lazy<Regex> = Lazy::new(|| {
    let kind = r"(?:recap|review|summary|synopsis|plot|spoilers?|ending|explained|breakdown|analysis|discussion)";
    Regex::new(&format!(r"(?i)\s+{kind}(?:\s*(?:,|&|\+|/|\band\b)\s*(?:{kind}\b)?)+\s*$")).unwrap()
});

/// The name a breadcrumb trail ends on: a trail glued onto the headline names the show, then
/// the headline names it again ("Home ABC Abbott Elementary Abbott Elementary"), so a run of
/// two or more words repeated at the end, after other words, is the show. A name that is
/// itself doubled ("New York New York") has nothing before it and stays whole.
fn repeated_tail(s: &str) -> Option<&str> {
    let words: Vec<(usize, &str)> =
        s.split_whitespace().map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w)).collect();
    let n = words.len();
    (2..=n.saturating_sub(1) / 2).rev().find_map(|k| {
        let same = (0..k).all(|i| {
            crate::recap::names::fold(words[n - 2 * k + i].1)
                == crate::recap::names::fold(words[n - k + i].1)
        });
        same.then(|| &s[words[n - k].0..])
    })
}

/// A quoted title: `"Title"`, `“Title”`, `‘Title’`, `'Title'`, `«Title»`.
static QUOTED_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r#"(?:^|[\s,:;(\-–—|])(?:"([^"]+)"|“([^”“]+)[”“]|„([^“”]+)[“”]|‘((?:[^’]|’\p{L})+)’|'((?:[^']|'\p{L})+)'|«([^»]+)»|「([^」]+)」|『([^』]+)』)"#,
    )
    .unwrap()
});

static BRACKETED_RE: Lazy<Regex> = Lazy::new(|| Regex::new(r"\([^)]*\)|\[[^\]]*\]").unwrap());
static PART_IN_BRACKETS_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\(\s*part\s+(?:\d{1,2}|one|two|three|four|i{1,3}|iv)\s*\)$").unwrap()
});

/// Title-case words, then the page's own label: "The Lying Detective – Spoiler Review", "The
/// Stall Review And Recap", "Born In The Dark TV REVIEW".
static TITLE_BEFORE_LABEL_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(\p{Lu}\S*(?:\s+(?:\p{Lu}\S*|of|the|a|an|and|in|on|to|for|with|at|from|by|or|is))*?)\s*[\-–—|:]?\s*(?i:(?:(?:spoiler|spoilers|tv|episode|full)\s+)?(?:review|recap)s?(?:\s*(?:and|&|/)\s*(?:review|recap)s?)?)(?:$|[\s\-–—|:.!,])").unwrap()
});
/// Words a headline uses of itself, which make no title on their own ("Live Recap", "Full
/// Review", "Season Finale Recap").
static LABEL_WORDS_ONLY_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:(?:spoilers?|spoiler-filled|full|quick|live|tv|episode|weekly|mini|video|detailed|in-depth|podcast|english|dub|sub|season|series|mid-?season|finale|premiere|final|first|late|special|bonus|reaction|rewatch|the|a|an|my|our)\s*)+$").unwrap()
});
/// The rest of a headline that is a bracketed phrase alone: "(Pretty Much Dead Already)".
static BRACKETED_TITLE_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^\s*\(([^()]{3,80})\)\s*$").unwrap());

/// Words that are never an episode title on their own.
static GENERIC_TITLE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?ix)^(?:
            recaps? | reviews? | summary | synopsis | spoilers? | spoiler\s+alert | alert | discussion | thoughts | breakdown | rundown
          | (?:first\s+)?impressions?
          | (?:live\s+)?(?:recap|blog) | preview | reactions? | highlights | analysis | explained | ending\s+explained
          | (?:rating|grade|score|verdict)\b.* | (?:episode|ep\.?|part|chapter)(?:\s+(?:number|no\.?)\s*:)?\s*\d+.* | (?:season|series|mid-?season)?\s*(?:finale|premiere)
          | \+?\s*(?:english\s+)?(?:dub|sub)(?:bed)? | is\s+(?:mostly\s+)?a\s+skip.* | watch(?:\s+(?:online|free|now|here|full|it|on|the\s+episode|episode)\b.*)? | where\s+to\s+watch.*
          | plot | warning(?:\s*:\s*spoilers?)? | (?:korean\s+|k-?)?drama | scene[\s\-]by[\s\-]scene | an?\s+(?:discussion|review|recap) | bagian\b.* | [a-z]
          | free | online | full | hd | eng\s+sub | english\s+sub(?:titles)? | reviewed | screenshots? | mini
          | (?:(?:리뷰|리캡|후기|감상|줄거리|요약|정리|결말|썸네일|스포(?:일러)?|感想|レビュー|あらすじ|ネタバレ|考察|まとめ)[\s&,/・및]*)+
          | (?:分集)?剧情(?:介绍)? | opini[ãa]o | opini[óo]n | impress[õo]es(?:\s+semanais)?
          | アニメ | ドラマ | 放送 | 第?\d{1,4}話 | こんにちは[!！]? | こんばんは[!！]? | \d{4}\s*[年년]\s*\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일]
        )$",
    )
    .unwrap()
});

/// A Korean or Japanese review label in a candidate's first words ("리뷰: 여운을 남긴…", "드라마
/// 리뷰 – 염정아, 박해준", "解説&感想レビュー 優しい鬼にも裏が?"): a blog's category, or the writer's
/// own line after it, never the episode's title.
static REVIEW_LABEL_HEAD_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:\S+\s+)?\S*(?:리뷰|리캡|후기|감상|줄거리|レビュー|感想|あらすじ|ネタバレ)")
        .unwrap()
});

/// Labels listed together: "recap/review/opinion", "Review & Breakdown".
static LABEL_LIST_RE: Lazy<Regex> = Lazy::new(|| {
    let label = r"(?:recaps?|reviews?|opinions?|thoughts|reactions?|analysis|breakdown|summary|spoilers?|discussion)";
    Regex::new(&format!(r"(?i)^{label}(?:\s*[/&+,]\s*{label})+$")).unwrap()
});

/// What a page prints near its headline and is never an episode's title: the other half of a
/// label pair ("Recap & Breakdown" cut at its "&" leaves "& BREAKDOWN", "& Gallery"), a credit
/// ("Brought to you by OBS reviewer Heidi", "Dir. Kevin Bray"), a drama's info box ("Title: The
/// Heirs" over its cast list), an image's source ("출처: 넷플릭스 드라마 악연 캡쳐", "Sumber Dok
/// Gambar: SBS TV Korea Selatan"), a reading time ("14–20
/// minutes"), a share button ("Share with a friend", "Compartilhe"), a Thai date ("วันที่ 4 ก.ค. 56").
static NOT_A_TITLE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?ix)^(?:
            [&+]
          | title\s*:
          | \d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+\d{2,4})?$
          | (?:출처|sumber|source|fonte|fuente|quelle)\b[^:]{0,30}:
          | (?:brought\s+to\s+you|(?:directed|written|reviewed|recapped)\s+by|dir\.\s|details\s*:)
          | share(?:\s+(?:this|with|on|via)\b|$) | (?:compartilh[ea]|compart[ae]|partager|teilen)$
          | \d{1,3}(?:\s*[\-–—]\s*\d{1,3})?\s*(?:min(?:ute)?s?|hours?)\.?$
          | (?:tap|click|swipe|scroll)\s+(?:here\s+)?(?:to|for)\s+(?:know|read|see|find\s+out|learn)\b
          | (?:join|subscribe|sign\s+up|register)\s+(?:for|to|now|us|our|free)\b
          | (?:know|read|find\s+out|learn)\s+more$ | (?:all\s+)?you\s+need\s+to\s+know$
          | วันที่\s*\d
        )",
    )
    .unwrap()
});

/// Notes trailing a title: "+ English dub", "(Dub)", "[Spoilers]".
/// Words after a title that are not the title's: "+ English dub", the writer's stars
/// ("Reloj de dama de operación  ★★½", read as the rating), or the "Anime" of "FUTURE Anime
/// Review".
static TITLE_TAIL_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)[\s\-–—:|,]*(?:\+?\s*(?:english\s+)?(?:dub|sub)(?:bed)?|\s[★☆½]*★[★☆½]*|\sanime)\s*$",
    )
    .unwrap()
});

static CHAPTER_BEFORE_TITLE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:chapter\s+\d{1,3}\s*:\s+|第\d{1,4}話\s*[|｜:：]\s*)").unwrap()
});

/// Hashtags closing a line, each after a bar, a comma or a space.
static HASHTAG_TAIL_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?:\s*[|,]?\s*#[\p{L}\p{N}_]+)+\s*$").unwrap());

/// A site's name closing a title, a few capitalised words ending in "Review(s)", "Recap(s)"
/// or "Blog" after a spaced dash or bar: " - The Fantasy Review".
static SITE_TAIL_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\s+[\-–—|]\s+(?:The\s+)?\p{Lu}[\p{L}’']*(?:\s+\p{Lu}[\p{L}’']*){0,2}\s+(?:Reviews?|Recaps?|Blog)\s*$").unwrap()
});

/// Cleans a candidate episode title; `None` when nothing meaningful is left
/// (generic words, dates, bylines, ratings).
pub fn clean_title(s: &str) -> Option<String> {
    // "“PYT (Pretty Young Thing)”": brackets inside the quotes are the title's own.
    let without_brackets = if trim_quotes(s).len() < s.trim().len() {
        Cow::Borrowed(s)
    } else {
        // "Spyfall (Part 2)": a two-part story's part is the title's own (a recap's "(Part 2)"
        // alone is the post's).
        BRACKETED_RE.replace_all(s, |c: &Captures| {
            let after_words = c.get(0).is_some_and(|m| has_alphanumeric(&s[..m.start()]));
            if after_words && PART_IN_BRACKETS_RE.is_match(&c[0]) {
                c[0].to_string()
            } else {
                " ".to_string()
            }
        })
    };
    let mut s = trim_separators(&without_brackets);
    // "Trust the Process | #emailsecurity | #phishing | #ransomware": a reposting site's tags.
    if let Some(m) = HASHTAG_TAIL_RE.find(s) {
        if has_alphanumeric(&s[..m.start()]) {
            s = trim_separators(&s[..m.start()]);
        }
    }
    // "The Eagle and the Sceptre - The Fantasy Review": a review site's name after the title.
    if let Some(m) = SITE_TAIL_RE.find(s) {
        if has_alphanumeric(&s[..m.start()]) {
            s = trim_separators(&s[..m.start()]);
        }
    }
    loop {
        let before = s.len();
        s = trim_separators(strip_recap_noise(s));
        if let Some(m) = TITLE_TAIL_RE.find(s) {
            if has_alphanumeric(&s[..m.start()]) {
                s = trim_separators(&s[..m.start()]);
            }
        }
        if s.len() == before {
            break;
        }
    }
    let s = trim_separators(trim_quotes(s));
    // "“Chapter 13: The Jedi”": The Mandalorian numbers its chapters before their titles;
    // "第4話 | 最終選別", a Japanese episode's number before its title.
    let s =
        CHAPTER_BEFORE_TITLE_RE.find(s).filter(|m| m.end() < s.len()).map_or(s, |m| &s[m.end()..]);
    let s = SUMMARY_WORD_RE.replace_all(s, "");
    // "Recap~", "~recap/review/opinion~": a label between tildes.
    let s = normalize_whitespace(trim_separators(s.trim_matches('~')));
    let generic = GENERIC_TITLE_RE.is_match(&s)
        || REVIEW_LABEL_HEAD_RE.is_match(&s)
        || closed_sentence(&s)
        || LABEL_LIST_RE.is_match(&s)
        || NOT_A_TITLE_RE.is_match(&s)
        || NETWORK_ONLY_RE.is_match(&s)
        || super::opening::is_furniture_line(&s)
        // "with screenshots", "? to": the rest of a sentence, not a title (but Mr. Robot's
        // "eps2.3_logic_b0mb.hc", one word written like a file name, is one).
        || (s.starts_with(|c: char| c.is_ascii_lowercase() || matches!(c, '?' | '!' | '.' | ')'))
            && (s.contains(' ') || !s.contains(['_', '.']))
            // ("m1rr0r1ng.qt" too.)
            // "...and the Bag's in the River": Breaking Bad's title opens on its ellipsis.
            && !s.starts_with("..."));
    // "Dragonfly in Amber.": a headline's full stop is no part of the title (an acronym's, an
    // initial's or "Mr."'s is).
    let last_word = s.split_whitespace().last().unwrap_or("");
    let s = match s.strip_suffix('.') {
        Some(t)
            if !t.ends_with('.')
                && last_word.chars().count() > 4
                && last_word.matches('.').count() == 1 =>
        {
            t.to_string()
        }
        _ => s,
    };
    (has_alphanumeric(&s) && !generic).then_some(s)
}

/// "Elee Nova is unmoved by Nick Mohammed’s love of Greek cuisine.": a caption or a line of
/// dialogue is a sentence, closed by its full stop after a word; a title is not (an ellipsis
/// or a short "Mr." aside).
fn closed_sentence(s: &str) -> bool {
    s.strip_suffix('.').is_some_and(|r| r.ends_with(char::is_lowercase))
        && s.split_whitespace().count() >= 5
}

/// Words that carry a sentence on ("Brings Out the Snarky Jace"), not a name or a title.
pub fn goes_on_as_sentence(words: &str) -> bool {
    SENTENCE_GOES_ON_RE.is_match(words)
}

/// A verb right after the marker: the headline is a sentence, not "Show 1x02 Title".
static SENTENCE_GOES_ON_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:is|are|was|were|has|have|had|gets?|got|will|would|can|could|does|did|makes?|brings?|proves?|delivers?|returns?|shows?|ends?|begins?|starts?|sees?|takes?|gives?|goes|puts?|keeps?|feels?|reveals?|introduces?|explores?|offers?|teases?|features?|focuses|continues?|picks|soars?|stumbles?|tackles?|dives?|digs?|hits?|leaves|turns?|pays|reminds?|raises?|sets|kicks|wraps?|finally|just|still|also|and|but|to|in|on|at|of|with|for|as|the|a|an)\b").unwrap()
});

/// "Summary", "Synopsis" at either end of a title candidate.
static SUMMARY_WORD_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:plot\s+)?(?:summary|synopsis)\b[\s:\-–—]*|[\s:\-–—]*\b(?:plot\s+)?(?:summary|synopsis)$").unwrap()
});
/// A network or platform name alone ("| Netflix TV Recap").
static NETWORK_ONLY_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(r"(?i)^{NETWORKS}(?:\s+(?:tv|series|original|originals))?$")).unwrap()
});

/// Words that are never part of an episode title: the joiners of a
/// title-case name are lower case, other words are capitalised.
fn reads_as_subtitle(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() > 10 {
        return true;
    }
    if words.len() <= 3 {
        return false;
    }
    let content: Vec<&&str> = words
        .iter()
        .skip(1)
        .filter(|w| !NAME_JOINERS.contains(&w.to_lowercase().as_str()))
        .filter(|w| {
            !matches!(
                w.to_lowercase().as_str(),
                "is" | "are" | "be" | "it" | "as" | "but" | "so" | "not" | "vs" | "vs."
            )
        })
        .collect();
    let lower = content.iter().filter(|w| w.starts_with(|c: char| c.is_lowercase())).count();
    !content.is_empty() && lower * 2 > content.len()
}

/// A Japanese headline's labels after the number, then a bracketed title ending the line:
/// "のネタバレ感想!【走れ竜宮小僧】", "のネタバレ-みんなの感想【帰ってきた義経】".
static LABELLED_JAPANESE_TITLE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"^\s*の?\s*(?:{JAPANESE_PAGE_LABELS}|みんなの|[と&・、\-–!！\s])+【([^【】]{{1,30}})】\s*$"
    ))
    .unwrap()
});
/// What such brackets hold when they hold no title: "【ネタバレあり】", "【韓国ドラマ】", "【最終回】".
static LABEL_IN_BRACKETS_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!("(?i){JAPANESE_PAGE_LABELS}|{GENRES}|最終回|あり|注意")).unwrap()
});

/// Episode title from the text after the episode marker: a quoted string
/// wins; otherwise whatever remains after dropping recap labels and
/// bracketed notes ("(Season Finale)"), unless it reads as the rest of a
/// sentence ("is (mostly) a skip") or is a generic word.
fn extract_title(rest: &str) -> Option<String> {
    // "「五等分の花嫁 5話」おじさんも堕としちゃう風太郎": the bracket closing round the name and
    // its marker leaves the writer's own words after it.
    if rest.trim_start().starts_with(['」', '』']) {
        return None;
    }
    // "おんな城主直虎10話のネタバレ感想!【走れ竜宮小僧】": the page's labels, then the episode's
    // title in 【】 to the end of the line.
    if let Some(c) = LABELLED_JAPANESE_TITLE_RE.captures(rest) {
        let inner = c[1].trim();
        let labelled = LABEL_IN_BRACKETS_RE.is_match(inner);
        return (!labelled && has_alphanumeric(inner)).then(|| inner.to_string());
    }
    // "惑星のさみだれ 第3話【アニメのあらすじとネタバレ感想まとめ】祖父の縛り付けは愛ゆえに": a label
    // in 【】 after the number, then the writer's own words.
    if rest.trim_start().starts_with('【') {
        return None;
    }
    if let Some(caps) = QUOTED_RE.captures(rest) {
        let inner = (1..=8).find_map(|i| caps.get(i)).map(|m| m.as_str().trim())?;
        // "titled “Blue Genes,” as the score…": a comma the quote closed over is no part of it.
        let inner = inner.trim_end_matches(',').trim_end();
        // "big “we need to get the plot moving” energy", "“traitor” plot lines": words in
        // lower case quoted before a noun describe it; they name no episode.
        let after = &rest[caps.get(0).map_or(rest.len(), |m| m.end())..];
        let modifier = inner.starts_with(char::is_lowercase)
            && after.trim_start_matches(['”', '"', '’', '\'']).starts_with(' ')
            && after.trim_start_matches(['”', '"', '’', '\'', ' ']).starts_with(char::is_lowercase);
        if has_alphanumeric(inner)
            && !GENERIC_TITLE_RE.is_match(inner)
            && !closed_sentence(inner)
            && !modifier
        {
            return Some(inner.to_string());
        }
    }
    let first_word = rest.split_whitespace().next().unwrap_or("");
    let prose = first_word.chars().next().is_some_and(|c| c.is_lowercase() && c.is_ascii())
        && !LEADING_NOISE_RE.is_match(rest.trim_start());
    if prose {
        return None;
    }
    // "Is A Joke And I’m Not Laughing": the headline's sentence goes on; a
    // title follows a separator, a recap label or stands in another script.
    let t = rest.trim_start();
    // "S5, E5 (Finally!) Gives Us Some Action": the sentence goes on past the aside.
    if let Some(after_aside) = t.strip_prefix('(').and_then(|r| r.split_once(')')).map(|(_, r)| r) {
        let after_aside = after_aside.trim_start();
        if !after_aside.starts_with(is_separator) && SENTENCE_GOES_ON_RE.is_match(after_aside) {
            return None;
        }
    }
    // "S4E2 The Lying Detective – Spoiler Review", "Episode 3 The Stall Review And Recap",
    // "Ep 7: Born In The Dark TV REVIEW.": the words in title case before the page's label.
    if let Some(c) = TITLE_BEFORE_LABEL_RE.captures(trim_separators(t)) {
        // ("Recap And Review: The Red Dragon…" opens on a label: no title stands before it.)
        let labelled = LEADING_NOISE_RE.is_match(&c[1]);
        if !LABEL_WORDS_ONLY_RE.is_match(&c[1]) && !labelled {
            if let Some(title) = clean_title(&c[1]).filter(|t| !reads_as_subtitle(t)) {
                return Some(title);
            }
        }
    }
    // "Season 2, Episode 7 (Pretty Much Dead Already)": a title in brackets, all that follows.
    if let Some(c) = BRACKETED_TITLE_RE.captures(t) {
        let inner = c[1].trim();
        let named = inner.split_whitespace().count() >= 2 && super::refusal::name_like(inner);
        if named && !LABEL_WORDS_ONLY_RE.is_match(inner) {
            if let Some(title) = clean_title(inner).filter(|t| !reads_as_subtitle(t)) {
                return Some(title);
            }
        }
    }
    // "Supernatural Rewatch: 3x01 The Magnificent Seven": nothing but a name in title case
    // after the marker, to the end of the line.
    // ("… Episode 3 Reveals What Happened to Victor’s Family" is a sentence in title case.)
    let words = t.split_whitespace().count();
    let article = t
        .split_whitespace()
        .next()
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "the" | "a" | "an"));
    if (2..=8).contains(&words)
        && (article || !SENTENCE_GOES_ON_RE.is_match(t))
        && super::refusal::name_like(t)
        && !t.contains(['.', '!', '?', ',', ':', ';'])
        && !LABEL_WORDS_ONLY_RE.is_match(t)
    {
        if let Some(title) = clean_title(t) {
            return Some(title);
        }
    }
    let separated = t.starts_with(is_separator)
        || t.starts_with(['(', '['])
        || LEADING_NOISE_RE.is_match(t)
        || t.chars().next().is_some_and(|c| c.is_alphabetic() && !c.is_ascii());
    if !separated && SENTENCE_GOES_ON_RE.is_match(t) {
        return None;
    }
    // "review: A new bully is in town" is the article's subtitle.
    clean_title(rest).filter(|t| !reads_as_subtitle(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Headlines of the sixty-first to sixty-third collections: a quoted title before the
    /// show, after a dash (pages/3325) or inside the writer's sentence before the bracketed
    /// marker (3356); Sailor Moon Crystal's "Act" (3442); ranges with a counter on each number
    /// (3387, 3407); a pair's two titles (3448).
    #[test]
    fn headlines_from_the_sixty_first_to_sixty_third_collections() {
        let read =
            |line: &str| parse_headline(line).map(|h| (h.show, h.episode, h.episode_end, h.title));
        assert_eq!(
            read("“Ozymandias” – BREAKING BAD, Season 5 Ep.14 (TV Review)"),
            Some(("BREAKING BAD".into(), 14, None, Some("Ozymandias".into())))
        );
        assert_eq!(
            read(r#"The Doctor is all alone in "Heaven Sent" (Doctor Who, Series 9, Episode 11)"#),
            Some(("Doctor Who".into(), 11, None, Some("Heaven Sent".into())))
        );
        assert_eq!(
            read("Review: Sailor Moon Crystal Act 10 - Moon").map(|h| (h.0, h.1)),
            Some(("Sailor Moon Crystal".into(), 10))
        );
        assert_eq!(
            read("中国ドラマ「瓔珞(エイラク)」15話~21話ネタバレあらすじ").map(|h| (h.1, h.2)),
            Some((15, Some(21)))
        );
        assert_eq!(
            read("韓国ドラマ『涙の女王』第7話~第11話あらすじ&感想と評価").map(|h| (h.0, h.1, h.2)),
            Some(("涙の女王".into(), 7, Some(11)))
        );
        assert_eq!(
            read("Dr.Who-Review-S1ep9&10 – The Empty Child/The Doctor Dances").map(|h| h.3),
            Some(Some("The Empty Child".into()))
        );
        // Pages of the sixty-fourth to sixty-sixth collections: "(2:13)" (3521), a bracketed
        // tag naming the show (3520), a known show's label and a title before the marker
        // (3530), "S:2 Ep:2" (3527), the episode before its season in German (3574, 3575).
        assert_eq!(
            read("TV RECAP: Outlander (2:13) Dragonfly in Amber"),
            Some(("Outlander".into(), 13, None, Some("Dragonfly in Amber".into())))
        );
        assert_eq!(
            read("[Outlander Summary] S02E13: Dragonfly in Amber."),
            Some(("Outlander".into(), 13, None, Some("Dragonfly in Amber".into())))
        );
        assert_eq!(
            read("'The Walking Dead' recap: Monsters, season 8, episode 3"),
            Some(("The Walking Dead".into(), 3, None, Some("Monsters".into())))
        );
        assert_eq!(
            read("Review: Broadchurch S:2 Ep:2").map(|h| (h.0, h.1)),
            Some(("Broadchurch".into(), 2))
        );
        let german = parse_headline(
            r#"Bei "Game of Thrones" (Folge 3, Staffel 8: "Die lange Nacht") tobt der Kampf"#,
        );
        assert_eq!(german.map(|h| (h.season, h.episode)), Some((8, 3)));
        assert_eq!(clean_title("The F.I.P.").as_deref(), Some("The F.I.P."));
        assert_eq!(clean_show("不適切にもほどがある ネタバレと感想"), "不適切にもほどがある");
        assert_eq!(clean_show("今回は【silent】"), "silent");
        assert_eq!(clean_title("m1rr0r1ng.qt").as_deref(), Some("m1rr0r1ng.qt"));
        assert_eq!(clean_title("こんにちは!"), None);
    }

    /// Names as blind collections' pages wrote them before their markers: a greeting's
    /// sentence before the name (pages/3230), a katakana reading glued onto a Latin name
    /// (3229), a kanji word's bracketed reading inside one (3199), a site's "reviews" (3173).
    #[test]
    fn names_from_the_fifty_eighth_and_fifty_ninth_collections() {
        let show = |line: &str| parse_headline(line).map(|h| (h.show, h.episode));
        assert_eq!(
            show("こんにちは、編集部のマーロウです。VIVANT第8話は、テントの捕らえられた乃木の視点から"),
            Some(("VIVANT".to_string(), 8))
        );
        assert_eq!(
            show("VIVANTヴィヴァン 第7話のネタバレあらすじと第8話の予告 感想と考察"),
            Some(("VIVANT".to_string(), 7))
        );
        assert_eq!(clean_show("梨泰院(イテウォン)クラス"), "梨泰院クラス");
        assert_eq!(clean_show("SPY×FAMILY(スパイファミリー)"), "SPY×FAMILY");
        assert_eq!(
            show("TV REVIEW: FTN reviews Agents of SHIELD S01E17 “Turn, Turn, Turn”"),
            Some(("Agents of SHIELD".to_string(), 17))
        );
    }

    #[test]
    fn an_ordinal_episode_in_prose_names_show_season_and_episode() {
        let cases = [
            // tests/corpus/pages/214-house-of-the-dragon-s2e4-flickeringmyth.txt
            (
                "Chris Connor reviews the fourth episode of House of the Dragon season 2…",
                ("House of the Dragon", 2, 4),
            ),
            // tests/corpus/pages/246-only-murders-s3e5-laughingplace.txt
            (
                "C'est Lamour! Love is in the air in the 5th episode of Season 3 of Only Murders in the Building. With our favorite podcasters",
                ("Only Murders in the Building", 3, 5),
            ),
            // tests/corpus/pages/862-loki-s2e4-whatsondisneyplus.txt: the season's ordinal, and
            // the studio before the quoted name
            (
                "The fourth episode of the second season of Marvel Studios, “Loki”, has just dropped onto Disney+ around the world",
                ("Loki", 2, 4),
            ),
            // tests/corpus/pages/186-abbott-elementary-e4-obm.txt
            (
                "The fourth episode of Abbott Elementary (2021-) looks at the grade school",
                ("Abbott Elementary", 1, 4),
            ),
        ];
        for (line, (show, season, episode)) in cases {
            let h = ordinal_episode_in_prose(line).expect(line);
            assert_eq!((h.show.as_str(), h.season, h.episode), (show, season, episode), "{line}");
        }
        // Korean entertainment news names the drama after its network and slot:
        // tests/corpus/pages/1209-doctor-slump-e4-557951.txt and 1420-my-demon-e10-tenasia.txt.
        let news = [
            ("In the 4th episode of the JTBC weekend drama “Doctor Slump” aired on the night of the 4th (written by Baek Sun-woo, directed by Oh Hyun-jong), once again", ("Doctor Slump", 4)),
            ("In the 10th episode of the SBS Friday-Saturday drama 'My Demon', which aired on the 23rd, the devil Guwon (played by Song Kang) began a fateful battle", ("My Demon", 10)),
        ];
        for (line, (show, episode)) in news {
            let h = ordinal_episode_in_prose(line).expect(line);
            assert_eq!((h.show.as_str(), h.season, h.episode), (show, 1, episode), "{line}");
        }
        assert!(ordinal_episode_in_prose("the fourth episode of the series was slow").is_none());
        // tests/corpus/pages/060-first-impressions-category.txt, a category page.
        let first =
            "The first episode of Scum’s Wish makes a case as a contender among the top series";
        assert!(ordinal_episode_in_prose(first).is_none());
    }

    #[test]
    fn a_possessive_then_the_episode_ordinal_names_show_and_episode() {
        let lines = [
            // tests/corpus/pages/2568-the-penguin-e3-comicbookmovie.txt, a page without its
            // headline: the show's name starts the text, after the date.
            (
                r#"date 2024-10-06 The Penguin's third episode, "Bliss," opens with a flashback to the night of The Riddler's attack."#,
                ("The Penguin", 3, Some("Bliss")),
            ),
            // tests/corpus/pages/1687-grimm-s1e2-nerdsinbabeland.txt: after a clause's comma.
            (
                "Picking up where the Pilot left off, Grimm’s second episode feels a little more settled in its skin.",
                ("Grimm", 2, None),
            ),
        ];
        for (line, (show, episode, title)) in lines {
            let h = possessive_ordinal_episode(line).expect(line);
            assert_eq!((h.show.as_str(), h.episode, h.title.as_deref()), (show, episode, title));
        }
        // tests/corpus/pages/1887-gotham-s5e1-dctvu.txt: "Gotham’s first episode of the season
        // accurately paints…" — a first episode, and "of" leads on.
        let first = "Gotham’s first episode of the season accurately paints a picture";
        assert!(possessive_ordinal_episode(first).is_none());
        // tests/corpus/pages/2595-not-recap-game-of-thrones-s6e9-stills-heroichollywood.txt: a
        // name inside the sentence is no name of a show.
        assert!(possessive_ordinal_episode("First up is Sunday’s ninth episode").is_none());
    }

    /// tests/corpus/pages/1595-queen-of-tears-e14-terkepop.txt: a recap's "First," and "Now,
    /// in" before the episodes it walks through name no show.
    #[test]
    fn a_recaps_sequence_words_are_no_show() {
        for line in [
            "First, episode 13 began with a flashback of when the chairman first brought his family to their new house.",
            "Now, in Episode 14, it opens up to a bright and lovely scene as the two lovers stroll through the Botanischer Luftgarten park on their honeymoon in Germany.",
        ] {
            assert!(parse_headline(line).is_none(), "{line}");
        }
        assert!(sentence_start_only("Now, in"));
        assert!(!sentence_start_only("Now Apocalypse"));
    }

    /// Titles in title case before the page's own label, or in brackets after the marker:
    /// 1975-sherlock-s4e2-sherlockology.txt, 1624-poker-face-e3-signalhorizon.txt and
    /// 1984-the-walking-dead-s2e7-y2neil.txt; a label first is no title
    /// (209-house-of-the-dragon-s2e4-ru24.txt).
    #[test]
    fn a_title_before_the_label_or_in_brackets() {
        let title = |line: &str| parse_headline(line).and_then(|h| h.title);
        assert_eq!(
            title("Sherlock S4E2 The Lying Detective – Spoiler Review").as_deref(),
            Some("The Lying Detective")
        );
        assert_eq!(
            title("Poker Face Episode 3 The Stall Review And Recap- Maga Dogs And Pecan Logs")
                .as_deref(),
            Some("The Stall")
        );
        assert_eq!(
            title("The Walking Dead Rewatch – Season 2, Episode 7 (Pretty Much Dead Already)")
                .as_deref(),
            Some("Pretty Much Dead Already")
        );
        assert_eq!(
            title("‘House Of The Dragon’ Season 2, Episode 4 Recap And Review: The Red Dragon And The Gold")
                .as_deref(),
            Some("The Red Dragon And The Gold")
        );
    }

    /// Show, season, episode and title.
    type Expected<'a> = (&'a str, u32, u32, Option<&'a str>);

    /// Each line parses to its show, season, episode and title.
    fn assert_headlines(cases: &[(&str, Expected)]) {
        for &(line, (show, season, episode, title)) in cases {
            let h = parse_headline(line).expect(line);
            assert_eq!(
                (h.show.as_str(), h.season, h.episode, h.title.as_deref()),
                (show, season, episode, title),
                "{line}"
            );
        }
    }

    /// The thirty-fourth to thirty-sixth collections: a season's dot right after the name
    /// (1992-doctor-who-s4e9-brawny2004.txt, 2038-glee-s1e9-heydontjudgeme.txt) and after
    /// "Episode" (2117-true-blood-s4e2-thatshelf.txt), "SS1 Episode 22"
    /// (2004-code-geass-s1e22-gaftonosh.txt), and a plural label after the name
    /// (1998-bleach-e200-bluehighwind.txt).
    #[test]
    fn thirty_fourth_to_thirty_sixth_collection_headlines() {
        let cases = [
            (
                "Doctor Who 4.9 - Forest of the Dead",
                ("Doctor Who", 4, 9, Some("Forest of the Dead")),
            ),
            ("Glee! 1.09 Wheels", ("Glee!", 1, 9, Some("Wheels"))),
            ("True Blood Episode 4.2 Recap", ("True Blood", 4, 2, None)),
            ("Revisiting Code Geass - SS1 Episode 22", ("Revisiting Code Geass", 1, 22, None)),
            (
                "Bleach Recaps: Ep. 200, Not Suitable for Family Viewing",
                ("Bleach", 1, 200, Some("Not Suitable for Family Viewing")),
            ),
        ];
        assert_headlines(&cases);
        // After "Episode" the dotted number has a form of its own
        // (1861-the-office-s4e9-aceshowbiz.txt).
        let office = marker_without_show("Episode 4.09 : Dinner Party").expect("a marker");
        assert_eq!((office.season, office.episode), (4, 9));
    }

    /// The forty-third and forty-fifth collections: "Episode 4:2" with a colon
    /// (2431-mad-men-s4e2-heathpost.txt), a season's dot after the name before a quoted title
    /// (2518-fringe-s1e9-thesilenthunter.txt) or after a label's dash
    /// (2519-boardwalk-empire-s2e8-tmrzoo.txt), a network or a genre's section before a colon
    /// (2444-rurouni-kenshin-e1-12-gaminginsurrection.txt), a label ending "TV Recap:"
    /// (2501-fringe-s2e4-newsarama.txt) and a title that opens on an ellipsis
    /// (2430-breaking-bad-s1e3-aviewfrommycouch.txt).
    #[test]
    fn forty_third_to_forty_fifth_collection_headlines() {
        let cases = [
            ("Mad Men -- Episode 4:2", ("Mad Men", 4, 2, None)),
            ("Fringe 1.9: \"The Dreamscape\"", ("Fringe", 1, 9, Some("The Dreamscape"))),
            (
                "HBO: Boardwalk Empire Episode Review & Recap – 2.8 “Two Boats and A Lifeguard”",
                ("Boardwalk Empire", 2, 8, Some("Two Boats and A Lifeguard")),
            ),
            ("Anime Lounge: Ruroni Kenshin Ep. 1-12", ("Ruroni Kenshin", 1, 1, None)),
            (
                "Post Game TV Recap: FRINGE S2E4: \"Momentum Deferred\"",
                ("FRINGE", 2, 4, Some("Momentum Deferred")),
            ),
            (
                "Breaking Bad: Season 1, Episode 3: ...and the Bag's in the River",
                ("Breaking Bad", 1, 3, Some("...and the Bag's in the River")),
            ),
        ];
        assert_headlines(&cases);
        // The forty-sixth and forty-seventh: "EP-3" (2593-sakamoto-days-e3-anireload.txt) and a
        // Korean drama's tag in Japanese (2619-crash-landing-on-you-e5-marumi23.txt,
        // 2651-queen-of-tears-e10-mami-dresser.txt).
        let cases = [(
            "Sakamoto Days Anime Recap EP-3 |Summary In English",
            ("Sakamoto Days", 1, 3, Some("In English")),
        )];
        assert_headlines(&cases);
        // The forty-ninth to fifty-first: the season's dot in brackets after "recap"
        // (2716-chicago-fire-s2e7-afterellen.txt), a Korean drama in Chinese, its name in 《》
        // (2817-one-ordinary-day-e7-zh-screenpotatoes.txt).
        let cases = [(
            "“Chicago Fire” recap (2.7): “Lovers quarrel”",
            ("Chicago Fire", 2, 7, Some("Lovers quarrel")),
        )];
        assert_headlines(&cases);
        // A chapter's number before its title, inside the quotes
        // (2575-the-mandalorian-s2e5-eggplante.txt).
        let jedi = parse_headline("The Mandalorian 2.5: “Chapter 13: The Jedi” Review");
        assert_eq!(jedi.and_then(|h| h.title).as_deref(), Some("The Jedi"));
        // "S:01 E:13" (pages/3186).
        let colons = parse_headline("The Punisher S:01 E:13").expect("a headline");
        assert_eq!((colons.show.as_str(), colons.season, colons.episode), ("The Punisher", 1, 13));
        // … or before it, closing after the title (pages/2992).
        let quoted_before = parse_headline("The Mandalorian ‘Chapter 13: The Jedi’ Review Disney+");
        assert_eq!(quoted_before.and_then(|h| h.title).as_deref(), Some("The Jedi"));
        let chinese = "《韓劇某一天第7集劇情與評價心得》要活下來就要先改變自己";
        assert_eq!(
            parse_headline(chinese).map(|h| (h.show, h.episode)),
            Some(("某一天".into(), 7))
        );
        for (line, show) in [
            ("愛の不時着【韓国ドラマ】 5話", "愛の不時着"),
            ("韓国ドラマ 涙の女王 10話", "涙の女王"),
        ] {
            assert_eq!(parse_headline(line).map(|h| h.show).as_deref(), Some(show), "{line}");
        }
        // The writer's stars after a title are no part of it
        // (2479-persona-5-the-animation-e9-pilangel.txt).
        assert_eq!(
            clean_title("Reloj de dama de operación  ★★½").as_deref(),
            Some("Reloj de dama de operación")
        );
    }

    /// The fifty-second to fifty-sixth collections: "Episode-25" with a hyphen
    /// (2985-kaisi-teri-khudgharzi-e25-servepak.txt), a Japanese episode counted in kanji after
    /// "anime version" (2952-the-promised-neverland-s1e3-ja-kagatakublog.txt) and Indonesian
    /// "Sinopsis FULL" before a genre tag (2943-encounter-s1e3-id-idkpopers.txt).
    #[test]
    fn fifty_second_to_fifty_sixth_collection_headlines() {
        let cases = [
            (
                "Kaisi Teri Khudgharzi Episode-25 Review: Shamsher finally gets hired as a sales person",
                ("Kaisi Teri Khudgharzi", 1, 25, None),
            ),
            ("約束のネバーランド|アニメ版第三話【ネタバレ】", ("約束のネバーランド", 1, 3, None)),
            ("Sinopsis FULL K-Drama Encounter Episode 3", ("Encounter", 1, 3, None)),
            // 2887-broadchurch-s1e5-davidtennant.txt
            ("Broadchurch: Our Review Of Episode 5", ("Broadchurch", 1, 5, None)),
            // The fifty-fifth: a number glued to the name (3052-miu404-e8-elfournet.txt) and
            // "Anime Review" after the title (3053-erased-e11-animegirlsnyc.txt).
            ("MIU404 8話の感想【ネタバレあり】", ("MIU404", 1, 8, None)),
            // The fifty-sixth: a season's dot in brackets after the quoted title
            // (3069-the-leftovers-s2e3-nextprojection.txt), "S1.7"
            // (3106-star-trek-discovery-s1e7-musingsofamiddleagedgeek.txt) and a "Title:" label
            // (3103-the-expanse-s3e6-nayahscifi.txt).
            (
                "The Leftovers, “Off Ramp” (2.3) - TV Review",
                ("The Leftovers", 2, 3, Some("Off Ramp")),
            ),
            (
                "Star Trek Discovery, S1.7, “Magic To Make The Sanest Man Go Mad”",
                ("Star Trek Discovery", 1, 7, Some("Magic To Make The Sanest Man Go Mad")),
            ),
            (
                "Title: The Expanse Season 3 Episode 6: “Immolation”",
                ("The Expanse", 3, 6, Some("Immolation")),
            ),
            (
                "Boku Dake ga Inai Machi (Erased) – Episode 11 – FUTURE Anime Review",
                ("Boku Dake ga Inai Machi", 1, 11, Some("FUTURE")),
            ),
        ];
        assert_headlines(&cases);
        // 2884-canadas-drag-race-s3e2-crushingkrisis.txt: the season's number after the name the
        // ordinal's "of" leads to.
        let line = "Welcome to my review and power rankings of the second episode of Canada’s Drag Race Season 3 – The Who-Knows.";
        let h = ordinal_episode_in_prose(line).expect(line);
        assert_eq!((h.show.as_str(), h.season, h.episode), ("Canada’s Drag Race", 3, 2));
        // Lines under Japanese headlines that are no title: a date
        // (2978-frieren-e10-sayo.txt), a category (2981-shingeki-no-kyojin-e18-vod-halloffame.txt)
        // and "broadcast" after the number (2983-jujutsu-kaisen-s2e9-virtualgorillaplus.txt).
        for line in ["2024年1月3日", "アニメ", "放送"] {
            assert_eq!(clean_title(line), None, "{line}");
        }
        // The fifty-seventh: a number alone is no title
        // (3143-whats-wrong-with-secretary-kim-e3-4-wreckingcrewjapan.txt); a Japanese number
        // before the title (3127-kimetsu-no-yaiba-e4-workdotlife.txt).
        assert_eq!(clean_title("4話"), None);
        assert_eq!(clean_title("第4話 | 最終選別").as_deref(), Some("最終選別"));
        // 3142-goblin-e6-sakupi.txt and 3131-squid-game-s3e3-skysunvod.txt (its first line, from
        // the name's quotes): a genre before the name in 【】, and the season in katakana.
        let h = parse_headline(
            "韓国ドラマ【トッケビ】第6話「トッケビと死神の悩み」ストーリーのネタバレです。",
        )
        .unwrap();
        assert_eq!((h.show.as_str(), h.episode), ("トッケビ", 6));
        let h = parse_headline("『イカゲーム シーズン3』第3話が配信され").unwrap();
        assert_eq!((h.show.as_str(), h.season, h.episode), ("イカゲーム", 3, 3));
        // 2982-crash-landing-on-you-e1-so-funlife.txt: a line wrapped in angle brackets.
        assert_eq!(
            parse_headline("<愛の不時着 第1話あらすじ>").map(|h| h.show).as_deref(),
            Some("愛の不時着")
        );
        assert_eq!(parse_number("十二"), Some(12));
        assert_eq!(parse_number("二十一"), Some(21));
        assert_eq!(parse_number("十十"), None);
    }

    /// The thirty-seventh collection: the marker written twice in brackets after "Show Recap:
    /// Title" (2144-fringe-s4e7-fringetalk.txt), a spoiler warning in brackets is no title
    /// (2183-lost-s3e8-fiveleggediguana.txt), a range with the season's dot
    /// (2164-twilight-zone-s1e7-9-aintitcool.txt).
    #[test]
    fn thirty_seventh_collection_headlines() {
        let fringe = parse_headline("Fringe Recap: Wallflower (Season 4 Episode 7, 4x07)").unwrap();
        assert_eq!(
            (fringe.show.as_str(), fringe.season, fringe.episode, fringe.title.as_deref()),
            ("Fringe", 4, 7, Some("Wallflower"))
        );
        let lost = parse_headline("LOST Season 3 Episode 8 (WARNING: SPOILERS)").unwrap();
        assert_eq!((lost.show.as_str(), lost.episode, lost.title), ("LOST", 8, None));
        let range = marker_without_show("Episodes 1.7-1.9 reviewed!").unwrap();
        assert_eq!((range.season, range.episode, range.episode_end), (1, 7, Some(9)));
    }

    /// The thirty-eighth and thirty-ninth collections: a label alone after the bar
    /// (2281-revenge-s1e9-it-telefilmaddicted.txt), the show, a comma and the quoted title
    /// before the marker in brackets (2251-downton-abbey-s5e3-writingonthe4thwall.txt,
    /// 2253-buffy-s3e9-shangelsreviews.txt), a rewatch's label after the name
    /// (2242-supernatural-s3e1-themusicinthedark.txt), and a date is no title.
    #[test]
    fn thirty_eighth_and_thirty_ninth_collection_headlines() {
        let cases = [
            ("Revenge | Recensione 1×09 – Suspicion", ("Revenge", 1, 9, Some("Suspicion"))),
            (
                "Recap: Downton Abbey, “Episode Three” (5×03)",
                ("Downton Abbey", 5, 3, Some("Episode Three")),
            ),
            (
                "Buffy The Vampire Slayer, \"The Wish\" Review (3x09)",
                ("Buffy The Vampire Slayer", 3, 9, Some("The Wish")),
            ),
            (
                "Supernatural Rewatch Recap – Season 3 – Episode 1 – The Magnificent Seven",
                ("Supernatural", 3, 1, Some("The Magnificent Seven")),
            ),
        ];
        assert_headlines(&cases);
        assert_eq!(clean_title("11 Jun"), None);
    }

    /// Lead-ins of the twenty-fifth collection: a label ending in "of", and the writer's own
    /// sentence whose verb leads to the marker.
    #[test]
    fn twenty_fifth_collection_lead_ins() {
        let cases = [
            // tests/corpus/pages/1575-vinland-saga-s2e3-sportslumo.txt
            ("Overview of Vinland Saga Season 2: Episode 3", ("Vinland Saga", 2, 3, None)),
            // 1581-yellowjackets-s3e5-7-douxreviews.txt
            (
                "(This review covers episodes 5 through 7 of Yellowjackets season 3, and contains spoilers.)",
                ("Yellowjackets", 3, 5, Some(7)),
            ),
        ];
        for (line, (show, season, episode, end)) in cases {
            let h = parse_headline(line).expect(line);
            assert_eq!(
                (h.show.as_str(), h.season, h.episode, h.episode_end),
                (show, season, episode, end),
                "{line}"
            );
        }
    }

    /// Spanish and Portuguese headlines of the fifth collection: `Temporada`, `Capítulo`,
    /// `Episódio(s)`, ordinals (`4º`, `8ª`, `Quarta`), ranges with `a`, the show after `de`.
    #[test]
    fn spanish_and_portuguese_markers() {
        let cases = [
            // tests/corpus/pages/431-htgawm-s3e2-es-cines.txt
            (
                "Cómo defender a un asesino Temporada 3 Capítulo 2 Recap: There Are Worse Things Than Murder",
                ("Cómo defender a un asesino", 3, 2, None, Some("There Are Worse Things Than Murder")),
            ),
            // 441-agatha-e4-pt-telamania.txt
            (
                "Agatha Desde Sempre 4º episódio explicado | o que acontece?",
                ("Agatha Desde Sempre", 1, 4, None, None),
            ),
            // 444-oitnb-s4e1-4-pt-storia.txt
            (
                "Orange Is The New Black, Quarta Temporada: Review dos Episódios 1 a 4",
                ("Orange Is The New Black", 4, 1, Some(4), None),
            ),
            // 445-servant-s1e4-pt-cm-ob.txt
            ("Crítica: Servo Temporada 1 Episódio 4", ("Servo", 1, 4, None, None)),
            // 446-task-e4-pt-criticalhits.txt: the show after "de".
            ("Entenda o final do episódio 4 de Task", ("Task", 1, 4, None, None)),
            // 433-severance-s2e3-es-cronicaweb.txt
            (
                "Resumen del episodio 3 de la temporada 2 de Severance: ‘¿Quién está vivo?’",
                ("Severance", 2, 3, None, Some("¿Quién está vivo?")),
            ),
            // 443-only-murders-s4e4-pt-peacedoorball.txt
            (
                "Crítica do episódio 4 da 4ª temporada de Only Murders in the Building : uma mudança promissora no momento",
                ("Only Murders in the Building", 4, 4, None, None),
            ),
            // 459-supernatural-8x03-pt-supernaturaltentation.txt
            ("3º episódio da 8ª temporada de Supernatural", ("Supernatural", 8, 3, None, None)),
        ];
        for (line, (show, season, episode, end, title)) in cases {
            let h = parse_headline(line).expect(line);
            assert_eq!(
                (h.show.as_str(), h.season, h.episode, h.episode_end, h.title.as_deref()),
                (show, season, episode, end, title),
                "{line}"
            );
        }
        // 469-oitnb-season4-guide-pt-frwiki.txt: a plural with one number counts episodes.
        assert!(parse_headline("Nb. episódios 13").is_none());
    }

    /// Site words before the name in the fifth collection's headlines.
    #[test]
    fn labels_networks_and_taglines_before_the_show() {
        let cases = [
            // 422-ringer-e5-nypress.txt
            ("Recapping The CW's Ringer: Episode 5", "Ringer", 5),
            // 427-akyeon-e6-ko-dolim2000.txt
            ("넷플릭스 드라마 《악연》 6화 리뷰 – 모든 퍼즐이 맞춰지는 순간, 끝은 또 다른 시작이었다", "악연", 6),
            // 429-gwigung-e6-ko-freedy20.txt
            ("3주연속 1위!드라마 귀궁 6회 리뷰: 여운을 남긴 여리에 대한 강철이의 고백", "귀궁", 6),
            // 464-you-are-me-e8-id-k-adramanov.txt
            ("Sinopsis Lakorn : You Are Me episode 08 – 2", "You Are Me", 8),
            // 438-in-a-class-of-her-own-e12-chdramacorner.txt: a name with its year after the marker.
            ("Episode 12 Recap - In a Class of Her Own (2020)", "In a Class of Her Own", 12),
            // 090-on-e2.txt: a show called "On" keeps its name.
            ("Haru: \"On\" drama episode two recap and screenshots", "On", 2),
        ];
        for (line, show, episode) in cases {
            let h = parse_headline(line).expect(line);
            assert_eq!((h.show.as_str(), h.episode), (show, episode), "{line}");
        }
        // A name, then the same name in its own script (an address: 439-sparrow-e9-11).
        assert_eq!(clean_show("sparrow 麻雀"), "sparrow");
        assert_eq!(clean_show("무인도의 디바"), "무인도의 디바");
    }

    /// What is left where a name should be: no show, so no headline.
    #[test]
    fn leftovers_are_no_show() {
        for line in [
            // 461-pioneer-one-e5-pioneeronefansite.txt
            "Spoiler Free Review of Episode 5",
            // 436-expanse-s3e4-reddit-darrennathanael.txt
            "Season 3 Episode Discussion - S03E04 \"Reload\"",
            // 453-madoka-magica-e7-reddit-rtrace.txt: a rewatch schedule's row.
            "April 26th Episode 7",
            // 477-episodes-s3e3-guide-yidio.txt
            "Ep 3. Episode 3",
        ] {
            assert!(parse_headline(line).is_none(), "{line}");
        }
        // 179-from-s3e2-themovieblog.txt: the show "From".
        let h = parse_headline("from season 3 episode 2 review 2").expect("parses");
        assert_eq!((h.show.as_str(), h.season, h.episode), ("from", 3, 2));
    }

    #[test]
    fn season_dot_single_digit_episode_ends_a_headline() {
        // tests/corpus/pages/339-two-s1e4-abriefingwithmichael.txt
        let h = parse_headline("Two 1.4").expect("parses");
        assert_eq!((h.show.as_str(), h.season, h.episode), ("Two", 1, 4));
        assert!(parse_headline("7.5").is_none());
        // tests/corpus/pages/118-jujutsu-kaisen-s2-e25-27.txt
        assert!(parse_headline("Community score: 4.2").is_none());
    }

    #[test]
    fn an_episode_review_label_makes_a_trailing_number_the_episode() {
        // tests/corpus/pages/337-sacred-seven-e7-mediabeast.txt
        let h = parse_headline("Episode Review: Sacred Seven 7").expect("parses");
        assert_eq!((h.show.as_str(), h.season, h.episode), ("Sacred Seven", 1, 7));
        // Without the label a number is part of the name ("Dream High 2").
        assert!(parse_headline("Review: Dream High 2").is_none());
        assert!(parse_headline("Dream High 2").is_none());
    }

    #[test]
    fn a_breadcrumb_glued_onto_the_show_is_dropped() {
        // tests/corpus/pages/185-abbott-elementary-s3e4-tvacute.txt
        let h = parse_headline(
            "Home ABC Abbott Elementary Abbott Elementary Season 3 Episode 4 Recap : Smoking",
        )
        .expect("parses");
        assert_eq!((h.show.as_str(), h.season, h.episode), ("Abbott Elementary", 3, 4));
        assert_eq!(clean_show("Home TV Shows The Bear The Bear"), "The Bear");
        // Doubled names with nothing glued before them stay whole.
        assert_eq!(clean_show("New York New York"), "New York New York");
        assert_eq!(clean_show("Bye Bye Bye"), "Bye Bye Bye");
    }

    #[test]
    fn the_show_after_a_leading_marker_and_before_its_recap_label() {
        // tests/corpus/pages/837-euphoria-e6-blacknerdproblems.txt
        let h = parse_headline("Episode 6 Euphoria Recap: The Next Episode").expect("parses");
        assert_eq!((h.show.as_str(), h.season, h.episode), ("Euphoria", 1, 6));
        // A bare marker and a recap label still name no show.
        assert_eq!(parse_headline("Episode 5 recap: A Night in the Forest"), None);
        assert_eq!(parse_headline("Episode 5 review: a lot of fun"), None);
        // tests/corpus/pages/876-bcs-s6e1-2-know3verythingbetter.txt
        let h = parse_headline("Better Call Saul Season 6 Episode 1and 2 Review || Is it better than Breaking Bad? || Pink Man")
            .expect("parses");
        assert_eq!(
            (h.show.as_str(), h.season, h.episode, h.episode_end),
            ("Better Call Saul", 6, 1, Some(2))
        );
        // tests/corpus/pages/372-lost-love-in-times-e5-8-ninjareflection.txt
        assert_eq!(parse_headline("Episode 5-8 Quick Recap"), None);
    }

    #[test]
    fn tv_show_review_and_spoiler_warnings_are_labels() {
        // tests/corpus/pages/859-mandalorian-s2e1-5-elliotsview.txt
        let h = parse_headline(
            "TV Show Review: The Mandalorian, Season 2, Episodes 1-5 (or Chapters 9-13)",
        )
        .expect("parses");
        assert_eq!(
            (h.show.as_str(), h.season, h.episode, h.episode_end),
            ("The Mandalorian", 2, 1, Some(5))
        );
        // tests/corpus/pages/851-stranger-things-s4e2-nerdsandbeyond.txt
        let h = parse_headline("Major spoilers for Stranger Things season 4 episode 2 ahead.")
            .expect("parses");
        assert_eq!((h.show.as_str(), h.season, h.episode), ("Stranger Things", 4, 2));
        // tests/corpus/pages/846-yellowjackets-e6-meaww.txt
        let h = parse_headline("Contains spoilers for 'Yellowjackets' Episode 6 'Saints'")
            .expect("parses");
        assert_eq!((h.show.as_str(), h.episode), ("Yellowjackets", 6));
    }

    #[test]
    fn a_name_in_brackets_in_another_script_is_an_alias() {
        let cases = [
            (
                "Crash Landing on You (사랑의 불시착) Episode 4 Recap",
                "Crash Landing on You",
                Some("사랑의 불시착"),
            ),
            (
                "사랑의 불시착 (Crash Landing on You) 5화",
                "사랑의 불시착",
                Some("Crash Landing on You"),
            ),
            ("Doctor Crush (aka Doctors) Episode 6", "Doctor Crush", Some("Doctors")),
            (
                "Attack on Titan (進撃の巨人) Season 4 Episode 2",
                "Attack on Titan",
                Some("進撃の巨人"),
            ),
            ("Doctor Crush (Doctors) Episode 6", "Doctor Crush", None),
            (
                "Only Murders in the Building (Season 3) Episode 1",
                "Only Murders in the Building",
                None,
            ),
            ("Squid Game (2021) Episode 1", "Squid Game", None),
            ("Squid Game Episode 1 (spoilers)", "Squid Game", None),
        ];
        for (headline, show, alias) in cases {
            assert_eq!(show_alias(headline, show).as_deref(), alias, "{headline}");
        }
    }

    fn h(
        show: &str,
        season: u32,
        episode: u32,
        end: Option<u32>,
        title: Option<&str>,
    ) -> Option<Headline> {
        Some(Headline {
            show: show.into(),
            season,
            episode,
            episode_end: end,
            title: title.map(String::from),
        })
    }

    #[test]
    fn headline_table() {
        let rows: Vec<(&str, Option<Headline>)> = vec![
            // Site-style long forms
            (
                "Soundtrack #1 – Season 1 Episode 2 Recap & Review",
                h("Soundtrack #1", 1, 2, None, None),
            ),
            (
                "Soundtrack #1 &#8211; Season 1 Episode 2 Recap &amp; Review",
                h("Soundtrack #1", 1, 2, None, None),
            ),
            ("The Glory Season 1, Episode 2 Recap", h("The Glory", 1, 2, None, None)),
            // tests/corpus/pages/965-shrinking-s2e5-filmyap.txt: "SN2" is the season
            ("Shrinking SN2 Ep5", h("Shrinking", 2, 5, None, None)),
            // tests/corpus/pages/909-hometown-cha-cha-cha-e1-4-fluentinkdrama.txt ("EP: 1-4 Review –
            // The Love Story We Needed": the writer's subtitle is still read as the title)
            ("Hometown Cha-Cha-Cha EP: 1-4", h("Hometown Cha-Cha-Cha", 1, 1, Some(4), None)),
            ("Episodes: 16", None),
            // tests/corpus/pages/959-blue-lock-s2e8-esportvoice.txt: a sentence ending in the
            // show's possessive
            (
                "The legendary match between Blue Lock and U-20 Japan continues with Blue Lock’s Season 2 Episode 8, titled “Blue Genes,” as the score is now tied",
                h("Blue Lock", 2, 8, None, Some("Blue Genes")),
            ),
            ("Grey’s Season 5 Episode 3", h("Grey’s", 5, 3, None, None)),
            // tests/corpus/pages/1000-silo-s2e4-thenewsaffair.txt: a section heading whose
            // sentence introduces the quoted show with "in"
            (
                "Juliette and Solo’s Partnership Hits a Rough Patch in ‘Silo’ Season 2 Episode 4",
                h("Silo", 2, 4, None, None),
            ),
            // tests/corpus/pages/998-mr-queen-e13-14-lazyreader.txt: a misspelt "Episode"
            ("“MR. QUEEN” EPSIODE 13 & 14 RECAP", h("MR. QUEEN", 1, 13, Some(14), None)),
            ("Squid Game – Season 2 Episode 7 Recap and Review", h("Squid Game", 2, 7, None, None)),
            (
                "Alice in Borderland Season 2 Episode 8 Review",
                h("Alice in Borderland", 2, 8, None, None),
            ),
            ("The Bear Season 3 Episode 1 – Recap", h("The Bear", 3, 1, None, None)),
            ("Queen of Tears – Episode 7 Recap & Review", h("Queen of Tears", 1, 7, None, None)),
            ("Lovely Runner Episode 12 Recap", h("Lovely Runner", 1, 12, None, None)),
            ("Lovely Runner Ep. 12 recap", h("Lovely Runner", 1, 12, None, None)),
            ("Severance Season One Episode Three Recap", h("Severance", 1, 3, None, None)),
            ("Line of Duty Series 6 Episode 4 Review", h("Line of Duty", 6, 4, None, None)),
            // Compact forms
            ("The Last of Us S01E02", h("The Last of Us", 1, 2, None, None)),
            ("the last of us s1e2 recap", h("the last of us", 1, 2, None, None)),
            ("Fargo S05 E09 review", h("Fargo", 5, 9, None, None)),
            ("Doctor Who 1x02", h("Doctor Who", 1, 2, None, None)),
            ("Doctor Who 14x03 – Boom", h("Doctor Who", 14, 3, None, Some("Boom"))),
            ("Shōgun E05 recap", h("Shōgun", 1, 5, None, None)),
            // Double episodes
            ("Moving Episodes 3 & 4 Recap", h("Moving", 1, 3, Some(4), None)),
            ("Moving Episodes 3-4 Recap", h("Moving", 1, 3, Some(4), None)),
            ("Moving Episodes 3 and 4 Recap & Review", h("Moving", 1, 3, Some(4), None)),
            ("Moving – Episode 5 & 6 Recap", h("Moving", 1, 5, Some(6), None)),
            ("Kingdom S01E03-E04", h("Kingdom", 1, 3, Some(4), None)),
            ("Kingdom S01E03-04 recap", h("Kingdom", 1, 3, Some(4), None)),
            ("Sweet Home Season 2 Episodes 1-2 Recap", h("Sweet Home", 2, 1, Some(2), None)),
            ("Dark 1x03-04", h("Dark", 1, 3, Some(4), None)),
            ("Moving Episodes 4 & 3 Recap", h("Moving", 1, 4, None, None)),
            // Titles
            (
                "Recap: Yellowjackets, Season 2 Episode 3, \"Digestif\"",
                h("Yellowjackets", 2, 3, None, Some("Digestif")),
            ),
            (
                "Yellowjackets Season 2 Episode 3 “Digestif” Recap",
                h("Yellowjackets", 2, 3, None, Some("Digestif")),
            ),
            (
                "Review: The Crown – Season 6 Episode 4 ‘Aftermath’",
                h("The Crown", 6, 4, None, Some("Aftermath")),
            ),
            (
                "Andor Season 1 Episode 2 Recap – That Would Be Me",
                h("Andor", 1, 2, None, Some("That Would Be Me")),
            ),
            (
                "Andor Season 1 Episode 2: That Would Be Me",
                h("Andor", 1, 2, None, Some("That Would Be Me")),
            ),
            (
                "Squid Game Season 2 Episode 7 Recap (Season Finale)",
                h("Squid Game", 2, 7, None, None),
            ),
            // Colons, dashes, apostrophes, years, non-ASCII
            (
                "Star Wars: Skeleton Crew – Season 1 Episode 3",
                h("Star Wars: Skeleton Crew", 1, 3, None, None),
            ),
            (
                "Spider-Man: Freshman Year Episode 4 Recap",
                h("Spider-Man: Freshman Year", 1, 4, None, None),
            ),
            (
                "Grey&#8217;s Anatomy Season 20 Episode 5 Recap",
                h("Grey’s Anatomy", 20, 5, None, None),
            ),
            ("Grey&#039;s Anatomy S20E05", h("Grey's Anatomy", 20, 5, None, None)),
            ("Bob's Burgers Season 14 Episode 9 Recap", h("Bob's Burgers", 14, 9, None, None)),
            ("Shōgun (2024) Season 1 Episode 5", h("Shōgun", 1, 5, None, None)),
            ("사랑의 불시착 Season 1 Episode 3 Recap", h("사랑의 불시착", 1, 3, None, None)),
            ("사랑의 불시착 3회 리뷰", h("사랑의 불시착", 1, 3, None, None)),
            ("Élite – Season 8 Episode 1 Recap & Review", h("Élite", 8, 1, None, None)),
            ("Señorita 89 Season 2 Episode 4 Recap", h("Señorita 89", 2, 4, None, None)),
            ("\"Squid Game\" Season 2 Episode 1 Recap", h("Squid Game", 2, 1, None, None)),
            ("‘Squid Game’ Season 2, Episode 1 Review", h("Squid Game", 2, 1, None, None)),
            (
                "When Life Gives You Tangerines | Episode 4 Recap",
                h("When Life Gives You Tangerines", 1, 4, None, None),
            ),
            (
                "Love Is Blind: Habibi Season 1 Episode 10 Recap",
                h("Love Is Blind: Habibi", 1, 10, None, None),
            ),
            ("TV Recap: Severance Season 2 Episode 10", h("Severance", 2, 10, None, None)),
            ("Review — Severance Season 2 Episode 10", h("Severance", 2, 10, None, None)),
            ("Severance\u{a0}Season\u{a0}2 Episode\u{a0}10", h("Severance", 2, 10, None, None)),
            ("Review Season 1 Episode 2 Recap", h("Review", 1, 2, None, None)),
            ("9-1-1 Season 8 Episode 3 Recap", h("9-1-1", 8, 3, None, None)),
            ("The 8 Show Episode 1 Recap", h("The 8 Show", 1, 1, None, None)),
            (
                "Gyeongseong Creature Season 2 Episode 3 Recap &amp;amp; Review",
                h("Gyeongseong Creature", 2, 3, None, None),
            ),
            // Grammar added for real recap sites
            ("Doctor Who 2×02", h("Doctor Who", 2, 2, None, None)),
            ("Doctor Who 2x02 Recap", h("Doctor Who", 2, 2, None, None)),
            ("Lovely Runner Ep 12 Review", h("Lovely Runner", 1, 12, None, None)),
            ("Shōgun E05 – Review", h("Shōgun", 1, 5, None, None)),
            ("Tell Me a Story – Chapter 4: “Rage”", h("Tell Me a Story", 1, 4, None, Some("Rage"))),
            ("Severance Season Five Episode Twelve", h("Severance", 5, 12, None, None)),
            (
                "My Hero Academia 3rd Season Episode 1 & 2",
                h("My Hero Academia", 3, 1, Some(2), None),
            ),
            (
                "Attack on Titan Season 2 Part 2 Episode 5 Recap",
                h("Attack on Titan", 2, 5, None, None),
            ),
            ("The Crown Season Five Recap: Episodes 1-3", h("The Crown", 5, 1, Some(3), None)),
            ("Moving Episode 1 and 2 Recap", h("Moving", 1, 1, Some(2), None)),
            ("Game of Thrones S7:E5 Review (Spoilers)", h("Game of Thrones", 7, 5, None, None)),
            ("#Quantico S2 Episode 3 Recap", h("Quantico", 2, 3, None, None)),
            ("눈물의 여왕 1화", h("눈물의 여왕", 1, 1, None, None)),
            ("눈물의 여왕 1회", h("눈물의 여왕", 1, 1, None, None)),
            ("눈물의 여왕 제3화", h("눈물의 여왕", 1, 3, None, None)),
            ("逃げ恥 第2話", h("逃げ恥", 1, 2, None, None)),
            ("Doctor Who 10.05 Review", h("Doctor Who", 10, 5, None, None)),
            ("Good Girls 2.07: “The Dubby”", h("Good Girls", 2, 7, None, Some("The Dubby"))),
            ("Fargo rated 8.5 by fans", None),
            (
                "The Flash: The Runaway Dinosaur – Review (Season 2, Episode 21)",
                h("The Flash", 2, 21, None, Some("The Runaway Dinosaur")),
            ),
            ("Episode 5 Recap of Sealed with a Kiss", h("Sealed with a Kiss", 1, 5, None, None)),
            ("Game of Thrones Recap Season Two Premiere", h("Game of Thrones", 2, 1, None, None)),
            // Show names cleaned of networks, genre tags, site sections
            ("Netflix’s King the Land Episode 3 Recap", h("King the Land", 1, 3, None, None)),
            // page 1182: the writer's question before the show
            (
                "What Happened On Yellowstone Season 5 Episode 8",
                h("Yellowstone", 5, 8, None, None),
            ),
            (
                "Behind Every Star – K-Drama Episode 5 Recap & Review",
                h("Behind Every Star", 1, 5, None, None),
            ),
            ("the Little Women K-Drama Episode 5 Recap", h("Little Women", 1, 5, None, None)),
            ("[Drama Recap] Dream High 2 Episode 4", h("Dream High 2", 1, 4, None, None)),
            ("SBS Korean Drama Secret Door Episode 8", h("Secret Door", 1, 8, None, None)),
            (
                "Drama Review Corner ‘Legend Of The Blue Sea’ Episode 3",
                h("Legend Of The Blue Sea", 1, 3, None, None),
            ),
            (
                "Fates and Furies Korean Drama Recap: Episodes 3-4",
                h("Fates and Furies", 1, 3, Some(4), None),
            ),
            (
                "Anime Review: \"Sailor Moon Crystal\" Episode 12",
                h("Sailor Moon Crystal", 1, 12, None, None),
            ),
            ("TV ReviewsQuantico Season 2 Episode 3", h("Quantico", 2, 3, None, None)),
            ("Doctor Crush (Doctors) Episode 11 Recap", h("Doctor Crush", 1, 11, None, None)),
            // Titles only from explicit markers
            (
                "Love Alarm Episode #7: “It is your first crush”",
                h("Love Alarm", 1, 7, None, Some("It is your first crush")),
            ),
            (
                "Tell Me Lies season 2 episode 3 is (mostly) a skip (Review)",
                h("Tell Me Lies", 2, 3, None, None),
            ),
            ("Moving Episode 5 – Spoiler alert", h("Moving", 1, 5, None, None)),
            ("Moving Episode 5 – Rating: A", h("Moving", 1, 5, None, None)),
            ("Moving Episode 5 Recap + English dub", h("Moving", 1, 5, None, None)),
            ("Moving Episode 5 – January 5, 2024", h("Moving", 1, 5, None, None)),
            // tests/corpus/pages/255-yellowstone-s5e5-i929fm.txt
            (
                "Yellowstone' S5, E5 (Finally!) Gives Us Some Action",
                h("Yellowstone", 5, 5, None, None),
            ),
            // tests/corpus/pages/262-episodes-s3e7-paste.txt
            ("Episodes: “Episode 7” (Episode 3.07)", h("Episodes", 3, 7, None, Some("Episode 7"))),
            // tests/corpus/pages/248-only-murders-s3e1-3-highonfilms.txt
            (
                "Only Murders In The Building (Season 3) Episodes 1,2 & 3",
                h("Only Murders In The Building", 3, 1, Some(3), None),
            ),
            // tests/corpus/pages/211-house-of-the-dragon-s2e4-mojidelano.txt
            (
                "House of the Dragon Soars in Episode 4: A Dance with Dragons Ignites",
                h("House of the Dragon", 1, 4, None, Some("A Dance with Dragons Ignites")),
            ),
            // tests/corpus/pages/240-shogun-e9-midnightreviews.txt
            ("MIDNIGHT REVIEWS Shōgun Episode Nine", h("Shōgun", 1, 9, None, None)),
            // tests/corpus/pages/245-only-murders-s3e5-agentsoffandom.txt
            (
                "*Warning: Spoilers ahead for Only Murders in the Building season 3, episode 5*",
                h("Only Murders in the Building", 3, 5, None, None),
            ),
            // tests/corpus/pages/280-squid-game-e3-capturingfantasy.txt
            (
                "Carving the Sweet Success: A Recap of ‘Squid Game’ Episode 3",
                h("Squid Game", 1, 3, None, None),
            ),
            // tests/corpus/pages/254-yellowstone-s5e5-denofgeek.txt
            (
                "Yellowstone Season 5 Episode 5 Review: Watch ‘Em Ride Away",
                h("Yellowstone", 5, 5, None, Some("Watch ‘Em Ride Away")),
            ),
            // tests/corpus/pages/284-geumsujeo-e5-ko.txt: "drama" and "review thumbnail".
            ("드라마 금수저 5화 리뷰 썸네일", h("금수저", 1, 5, None, None)),
            // "Review", "impressions", "plot" in Korean and Japanese are labels, not titles.
            ("무빙 5화 리뷰", h("무빙", 1, 5, None, None)),
            ("'눈물의 여왕' 15회 줄거리 및 후기", h("눈물의 여왕", 1, 15, None, None)),
            ("葬送のフリーレン 第5話 感想", h("葬送のフリーレン", 1, 5, None, None)),
            // filmstories.co.uk/reviews/doctor-who-series-14-episode-2-the-devils-chord-spoiler-filled-review/
            (
                "Doctor Who series 14 episode 2 | The Devil’s Chord spoiler-filled review",
                h("Doctor Who", 14, 2, None, Some("The Devil’s Chord")),
            ),
            // An apostrophe inside single quotes does not close them.
            (
                "Doctor Who Series 14 Episode 2 Review: 'The Devil's Chord'",
                h("Doctor Who", 14, 2, None, Some("The Devil's Chord")),
            ),
            (
                "Doctor Who Series 14 Episode 2 Review: ‘The Devil’s Chord’",
                h("Doctor Who", 14, 2, None, Some("The Devil’s Chord")),
            ),
            // Negatives
            ("Top 10 K-dramas of 2024", None),
            ("Season 2 renewed", None),
            ("Squid Game Season 2 renewed", None),
            ("Episode Rating", None),
            ("Episode 5", None),
            ("S01E02", None),
            ("Recap: Season 1 Episode 2", None),
            ("The 10 best episodes of 2023", None),
            ("Netflix renews The Glory for Season 3", None),
            ("Squid Game S00E01", None),
            ("Squid Game Season 0 Episode 5", None),
            ("Squid Game Episode 0 Recap", None),
            ("Squid Game Season 10000 Episode 1", None),
            ("Squid Game Episode 12345 Recap", None),
            ("E3 2024 coverage", None),
            ("", None),
            ("   ", None),
            ("Recap & Review", None),
        ];
        let mut failures = Vec::new();
        for (input, expected) in &rows {
            let got = parse_headline(input);
            if &got != expected {
                failures
                    .push(format!("{input:?}\n   got:      {got:?}\n   expected: {expected:?}"));
            }
        }
        assert!(
            failures.is_empty(),
            "{} of {} rows failed:\n{}",
            failures.len(),
            rows.len(),
            failures.join("\n")
        );
        assert!(rows.len() >= 40);
    }

    #[test]
    fn prose_numbers_labels_and_dates() {
        let rows: Vec<(&str, Option<Headline>)> = vec![
            ("3-gatsu no Lion First Episode Impression", h("3-gatsu no Lion", 1, 1, None, None)),
            ("Season eight’s second episode", None),
            (
                "Grey’s Anatomy: episode 4 of the ninth season",
                h("Grey’s Anatomy", 9, 4, None, None),
            ),
            ("Walking Dead: Episode 5 Season 1 recap", h("Walking Dead", 1, 5, None, None)),
            (
                "Person Of Interest S5EO2- SNAFU review",
                h("Person Of Interest", 5, 2, None, Some("SNAFU")),
            ),
            (
                "K-drama: Secret Garden Episode 6 Summary and Review",
                h("Secret Garden", 1, 6, None, None),
            ),
            ("TV | The Walking Dead Season 5, Episode 7", h("The Walking Dead", 5, 7, None, None)),
            (
                "K-Drama Reaction: Hospital Playlist 2 | Episode 10",
                h("Hospital Playlist 2", 1, 10, None, None),
            ),
            (
                "Anime Episode Review : Tokyo Ghoul (Episode 10) Jason Is Cray Cray!",
                h("Tokyo Ghoul", 1, 10, None, Some("Jason Is Cray Cray!")),
            ),
            // A date is no season and episode; a round-up's own title names no show.
            ("방송 기간 : 2019.08.09 - 2019.09.28(완결)", None),
            ("Anime Winter 2022 Season: First Episode Impressions", None),
            ("The first episode of Scum’s Wish makes a case", None),
        ];
        for (input, want) in rows {
            assert_eq!(parse_headline(input), want, "{input}");
        }
    }

    #[test]
    fn entities_are_decoded() {
        assert_eq!(
            decode_entities("Tom &amp; Jerry &#8211; &#039;x&#039; &#x2019; &hellip;"),
            "Tom & Jerry – 'x' ’ …"
        );
        assert_eq!(decode_entities("&amp;#8211;"), "–");
        assert_eq!(decode_entities("a &bogus; b & c"), "a &bogus; b & c");
        assert_eq!(decode_entities("&#150;&#146;"), "–’");
    }

    #[test]
    fn whitespace_and_dashes_are_normalised() {
        assert_eq!(clean_text("  A\u{a0}\u{a0}B \t\n C\u{200b}D \u{2012} E  "), "A B CD – E");
    }

    #[test]
    fn recap_noise_is_stripped() {
        assert_eq!(strip_recap_noise("Recap & Review"), "");
        assert_eq!(strip_recap_noise("– Recap"), "");
        assert_eq!(strip_recap_noise("Title – Recap and Review"), "Title");
        assert_eq!(strip_recap_noise("Recap: Title"), "Title");
        assert_eq!(strip_recap_noise("Recapitulation"), "Recapitulation");
    }

    #[test]
    fn quotes_and_separators_trimmed() {
        assert_eq!(trim_quotes("“Title”"), "Title");
        assert_eq!(trim_quotes("\"A\" and \"B\""), "\"A\" and \"B\"");
        assert_eq!(trim_separators(" – Show: | "), "Show");
    }

    /// Headlines of the sixth collection (pages 480–539).
    #[test]
    fn sixth_collection_headlines() {
        let p = |s: &str| parse_headline(s).map(|h| (h.show, h.season, h.episode, h.title));
        // 519-hsm-the-series-s01e04-justonemoreep.txt: "The Series" ends the name; it is no
        // season left without its number.
        assert_eq!(
            p("High School Musical: The Musical: The Series – S01E04"),
            Some(("High School Musical: The Musical: The Series".into(), 1, 4, None))
        );
        assert_eq!(parse_headline("Winter 2022 Season – Episode 4"), None);
        // 484-playing-house-s3e6-guide-usanetwork.txt: a season alone is no name.
        assert_eq!(parse_headline("S3 episode 6 Aired on July 7, 2017"), None);
        // 488-star-trek-discovery-ep5-scifimojo.txt
        assert_eq!(parse_headline("Episode Number: 105 (Season 1, Episode 5)"), None);
        // 486-oitnb-s03e06-review-bollyai.txt: a marker before another is no show either.
        assert_eq!(parse_headline("S3E6 Episode 6"), None);
        // 508-luis-miguel-la-serie-episodio-3-chilango.txt: a name does not end in an article.
        assert_eq!(
            p("Lo bueno y lo malo del tercer episodio de Luis Miguel: La serie"),
            Some(("Luis Miguel: La serie".into(), 1, 3, None))
        );
        // 507 and 510: an article or a demonstrative opening a sentence is no show.
        assert_eq!(
            parse_headline(
                "El tercer capítulo se titula “Como te quiere una madre” y hemos tenido"
            ),
            None
        );
        assert_eq!(parse_headline("Este quinto capítulo ha sido una sorpresa muy grata."), None);
        // 510: an article before the marker leads to the show after it.
        assert_eq!(
            p("Ya hemos podido ver el quinto capítulo de Agentes de S.H.I.E.L.D. y en GuiltyBit vamos a dale un buen repasito").map(|h| (h.0, h.2)),
            Some(("Agentes de S.H.I.E.L.D".into(), 5))
        );
        // 512-la-que-se-avecina-5x08-elacantilado.txt: "de esta serie, "…"".
        assert_eq!(
            p("octavo capítulo de la quinta temporada de esta serie, \"La que se Avecina\"; pero"),
            Some(("La que se Avecina".into(), 5, 8, None))
        );
        // 501-dr-romantic-s2-ep6-sinopsis-masasha.txt: an Indonesian label before the name.
        assert_eq!(
            p("Sinopsis Drama Korea Dr. Romantic Season 2 Episode 6"),
            Some(("Dr. Romantic".into(), 2, 6, None))
        );
        // 518-episodes-s4-e3-e4-critiques-paperblog.txt: French markers and label, and a
        // show called "Episodes".
        assert_eq!(
            p("Critiques Séries : Episodes. Saison 4. Episodes 3 et 4.").map(|h| (h.1, h.2)),
            Some((4, 3))
        );
        assert_eq!(
            parse_headline("Critiques Séries : Episodes. Saison 4. Episodes 3 et 4.")
                .and_then(|h| h.episode_end),
            Some(4)
        );
        assert_eq!(
            p("Dark Staffel 3 Folge 4").map(|h| (h.0, h.1, h.2)),
            Some(("Dark".into(), 3, 4))
        );
        // 491 and 494: words left after the marker that are no title.
        assert_eq!(p("Doctor Who Series 10 Episode 3 Reviewed").and_then(|h| h.3), None);
        assert_eq!(p("Iron Man Episode 15-16 Mini Recap").and_then(|h| h.3), None);
        // 480-mr-robot-s2e5-review-thenerdrecites.txt: a title written like a file name.
        assert_eq!(
            p("Mr. Robot: season 2 episode 5 review – eps2.3_logic_b0mb.hc").and_then(|h| h.3),
            Some("eps2.3_logic_b0mb.hc".into())
        );
        assert_eq!(clean_title("with screenshots"), None);
    }

    /// Names read from addresses of the sixth collection.
    #[test]
    fn sixth_collection_address_names() {
        // 509-supergirl-2x03-critica-facilisimo.txt: "supergirl-critica-ep-2x03-aliens-everywhere".
        assert_eq!(clean_show("supergirl critica ep"), "supergirl");
        // 505-cage-of-love-ep32-34-deerdrama.txt: the name in its own script first.
        assert_eq!(clean_show("抓住彩虹的男人 the cage of love"), "the cage of love");
        assert_eq!(clean_show("Sparrow 麻雀"), "Sparrow");
    }

    /// Headlines of the seventh collection (pages 540–599).
    #[test]
    fn seventh_collection_headlines() {
        let p = |s: &str| parse_headline(s).map(|h| (h.show, h.season, h.episode, h.title));
        // 556: the Indonesian label "Sinopsis" alone before the name.
        assert_eq!(
            p("Sinopsis Arthdal Chronicles Episode 10 (RECAP), Hari Ini Minggu 25 Juni 2019.")
                .map(|h| (h.0, h.1, h.2)),
            Some(("Arthdal Chronicles".into(), 1, 10))
        );
        // 557: "Drama Korea", Indonesian for K-drama, before the name.
        assert_eq!(
            p("Spoiler Drama Korea Poong the Joseon Psychiatrist Episode 10").map(|h| h.0),
            Some("Poong the Joseon Psychiatrist".into())
        );
        // 576: the name in its own script in square brackets after the Latin one.
        assert_eq!(
            p("My Sunshine [何以笙箫默] Episode 5").map(|h| h.0),
            Some("My Sunshine".into())
        );
        // 575: "Resumen del episodio" before the marker is no part of the name.
        assert_eq!(
            p("Juego de Tronos: Resumen del episodio 7×07").map(|h| (h.0, h.1, h.2)),
            Some(("Juego de Tronos".into(), 7, 7))
        );
        // 567: a Korean particle glued to the episode's counter.
        assert_eq!(
            p("사랑은 외나무 다리에서 5회에서는 여러 흥미로운 요소가 포함되어 있지만")
                .map(|h| (h.0, h.2)),
            Some(("사랑은 외나무 다리에서".into(), 5))
        );
        assert_eq!(p("5회는 어땠나요").map(|h| h.2), None);
        // 561: the episode's title quoted, then the show and the marker in brackets.
        assert_eq!(
            p("\"Guerras abiertas\" (VIS A VIS - Temporada 4 - Capítulo 4)"),
            Some(("VIS A VIS".into(), 4, 4, Some("Guerras abiertas".into())))
        );
    }

    #[test]
    fn eighth_collection_headlines() {
        let p = |s: &str| parse_headline(s).map(|h| (h.show, h.season, h.episode));
        // 606: "Synopsis Summary for" before the name.
        assert_eq!(
            p("Synopsis Summary for The Musical Episode 8"),
            Some(("The Musical".into(), 1, 8))
        );
        // 624: a spoiler warning that names the show and its episode.
        assert_eq!(
            p("The following contains spoilers for Euphoria season 2 episode 2."),
            Some(("Euphoria".into(), 2, 2))
        );
        // 646: a round-up of a broadcast season's second episodes names no show.
        assert_eq!(p("Summer Anime Ep 2 Reviews *Spolier*"), None);
        assert_eq!(p("Fall 2013 Anime Episode 4 Reviews"), None);
        // tests/corpus/pages/703-autumn-anime-ep5-ja-lmiyafam.txt: the same in Japanese.
        assert_eq!(p("秋アニメ5話 感想"), None);
        assert_eq!(p("2021年春アニメ 第3話 まとめ"), None);
    }

    /// The word for a review in Italian, Dutch, Polish and German is a label, as "Review" and
    /// "Crítica" are, before or after the name.
    #[test]
    fn european_review_labels() {
        let p = |s: &str| parse_headline(s).map(|h| (h.show, h.season, h.episode, h.title));
        // tests/corpus/pages/667-prison-break-5x02-it-serietvinside.txt
        assert_eq!(p("Recensione Prison Break 5×02"), Some(("Prison Break".into(), 5, 2, None)));
        // tests/corpus/pages/663-the-good-place-2x05-it-showteller.txt
        assert_eq!(
            p("The Good Place – Recensione 2×05 “Crisi Esistenziale”"),
            Some(("The Good Place".into(), 2, 5, Some("Crisi Esistenziale".into())))
        );
        // tests/corpus/pages/668-game-of-thrones-5x05-it-telefilmelibri.txt
        assert_eq!(
            p("Game of Thrones: Recensione 5×05: Kill the Boy"),
            Some(("Game of Thrones".into(), 5, 5, Some("Kill the Boy".into())))
        );
        assert_eq!(p("Rezension: Dark 2x03"), Some(("Dark".into(), 2, 3, None)));
    }

    /// Season and episode words in Polish, Norwegian, Swedish, Danish, Dutch and Italian, and
    /// the Turkish number before `Bölüm`.
    #[test]
    fn more_european_markers() {
        let p = |s: &str| parse_headline(s).map(|h| (h.show, h.season, h.episode, h.episode_end));
        // tests/corpus/pages/673-terapia-bez-trzymanki-s2e4-5-pl-naekranie.txt
        assert_eq!(
            p("Terapia bez trzymanki - sezon 2, odcinki 4 - 5 - recenzja"),
            Some(("Terapia bez trzymanki".into(), 2, 4, Some(5)))
        );
        // tests/corpus/pages/674-game-of-thrones-s8e4-no-vg.txt
        assert_eq!(
            p("«Game of Thrones» sesong 8 episode 4: Indre drama før ny dødsbonanza"),
            Some(("Game of Thrones".into(), 8, 4, None))
        );
        // tests/corpus/pages/677-yargi-e23-tr-aslininsureti.txt
        assert_eq!(
            p("Yargı 23 Bölümünde tüm kategorilerde zirvede."),
            Some(("Yargı".into(), 1, 23, None))
        );
        assert_eq!(p("Azize 5.Bölüm Sonu Yorumu"), Some(("Azize".into(), 1, 5, None)));
        // tests/corpus/pages/675-azize-e5-tr-neizledik.txt: the writer's words before a bar.
        assert_eq!(
            p("Bütün Sırlar Açığa Çıktı | Azize 5.Bölüm Sonu Yorumu"),
            Some(("Azize".into(), 1, 5, None))
        );
        assert_eq!(
            p("All Secrets Come Out | Azize Episode 5 Review"),
            Some(("Azize".into(), 1, 5, None))
        );
        assert_eq!(
            p("Expeditie Robinson – Aflevering 2"),
            Some(("Expeditie Robinson".into(), 1, 2, None))
        );
        assert_eq!(p("Bron säsong 3 avsnitt 4"), Some(("Bron".into(), 3, 4, None)));
        // tests/corpus/pages/688-game-of-thrones-5x03-sashurai.txt: a writer's possessive label,
        // and the word season before a "5×03".
        assert_eq!(
            p("A Sashurai’s Review: Game of Thrones – Season 5×03 (We all know who is under that huge sheet, right?)"),
            Some(("Game of Thrones".into(), 5, 3, None))
        );
        assert_eq!(p("Sherlock Season 3x01"), Some(("Sherlock".into(), 3, 1, None)));
        // tests/corpus/pages/660-walking-dead-s4e2-es-digicronos.txt: the number in words.
        assert_eq!(
            p("capítulo dos de la cuarta temporada de “The Walking Dead” y la verdad es que casi"),
            Some(("The Walking Dead".into(), 4, 2, None))
        );
        // tests/corpus/pages/669-walking-dead-5-02-it-mondofox.txt: a season's dot in Italian.
        let h = parse_headline("The Walking Dead – Episodio 5.02: Sconosciuti").expect("a marker");
        assert_eq!((h.season, h.episode, h.title.as_deref()), (5, 2, Some("Sconosciuti")));
        // tests/corpus/pages/652-heavenly-delusion-e12-de-animemanga.txt: an article opening a
        // sentence is no show.
        assert_eq!(p("Die Episode 12 beginnt in Tokio, wo die Charaktere"), None);
        assert_eq!(p("Questo episodio 3 è il migliore"), None);
    }

    /// Japanese writes a work's name in 『』 (or 「」) and an episode's title in 「」 after
    /// its number; a bracket closing round the name and the marker leaves the writer's words.
    #[test]
    fn japanese_brackets_round_the_name_and_the_title() {
        let p = |s: &str| parse_headline(s).map(|h| (h.show, h.episode, h.title));
        // tests/corpus/pages/679-gotoubun-e5-ja-prcm.txt
        assert_eq!(
            p("TVアニメ『 五等分の花嫁 』第5話「全員で五等分」【感想コラム】"),
            Some(("五等分の花嫁".into(), 5, Some("全員で五等分".into())))
        );
        // tests/corpus/pages/682-gotoubun-e6-ja-mirikai.txt
        assert_eq!(
            p("アニメ『五等分の花嫁』6話「積み上げたもの」感想です。"),
            Some(("五等分の花嫁".into(), 6, Some("積み上げたもの".into())))
        );
        // tests/corpus/pages/681-mugen-gacha-e5-ja-funfuntanoshii.txt
        assert_eq!(
            p("無限ガチャ5話「小さな願い」感想|胸クソと優しさが同居する回の魅力"),
            Some(("無限ガチャ".into(), 5, Some("小さな願い".into())))
        );
        // tests/corpus/pages/678-gotoubun-e5-ja-ozblog.txt
        assert_eq!(
            p("【アニメ感想】「五等分の花嫁 5話」おじさんも堕としちゃう風太郎"),
            Some(("五等分の花嫁".into(), 5, None))
        );
        // tests/corpus/pages/741-wakusei-no-samidare-e3-ja-animenian.txt: a label in 【】 after
        // the number, then the writer's words, is no title.
        assert_eq!(
            p("惑星のさみだれ 第3話【アニメのあらすじとネタバレ感想まとめ】祖父の縛り付けは愛ゆえに"),
            Some(("惑星のさみだれ".into(), 3, None))
        );
    }

    /// The tenth collection's headlines (pages 711–770).
    #[test]
    fn seasons_counted_beside_the_name_and_other_languages() {
        let p = |s: &str| parse_headline(s).map(|h| (h.show, h.season, h.episode, h.title));
        // tests/corpus/pages/745-neverland-s2e3-ja-toki23.txt: a Japanese season counter.
        assert_eq!(
            p("【約束のネバーランド】2期3話 解説&感想レビュー 優しい鬼にも裏が?ムジカとソンジュどっちが味方?")
                .map(|h| (h.0, h.1, h.2)),
            Some(("約束のネバーランド".into(), 2, 3))
        );
        // tests/corpus/pages/739-big-mouth-e8-vi-voh.txt: Vietnamese "tập".
        assert_eq!(
            p("Review Big Mouth tập 8: Kwak Dong Yeon hy sinh cứu Lee Jong Suk, Big Mouse có đến 2 người?")
                .map(|h| (h.0, h.1, h.2)),
            Some(("Big Mouth".into(), 1, 8))
        );
        // tests/corpus/pages/748-maids-e9-id-kdramastory.txt: a headline wholly in brackets.
        assert_eq!(
            p("[Sinopsis Maids Episode 9 Part 1]").map(|h| (h.0, h.1, h.2)),
            Some(("Maids".into(), 1, 9))
        );
        // The same with a wide character before its closing bracket: the label before the
        // name was cut at a byte inside it and the whole import panicked.
        assert_eq!(
            p("[Sinopsis Maids Episode 9 Part 1 – 완결]").map(|h| (h.0, h.1, h.2)),
            Some(("Maids".into(), 1, 9))
        );
        assert_eq!(p("[何以笙箫默]"), None);
        // tests/corpus/pages/713-severance-s2e3-ariseright.txt: an exclamation before the name.
        assert_eq!(
            p("Praise Kier! Severance Season 2, Episode 3 is here!").map(|h| (h.0, h.1, h.2)),
            Some(("Severance".into(), 2, 3))
        );
        // tests/corpus/pages/734-the-boys-s3e6-mooreviews.txt: the season in brackets beside
        // the name, the episode in brackets after the title.
        assert_eq!(
            p("Prime Video’s The Boys (Season 3): Herogasm (Episode 6) Review"),
            Some(("The Boys".into(), 3, 6, Some("Herogasm".into())))
        );
        // tests/corpus/pages/732-stranger-things-s2e6-cinemaspot.txt: the show and its season
        // after "episode 6 of", behind "Spoilers for".
        assert_eq!(
            p("Warning: Spoilers for episode 6 of Stranger Things season 2 ahead!")
                .map(|h| (h.0, h.1, h.2)),
            Some(("Stranger Things".into(), 2, 6))
        );
        // tests/corpus/pages/918-rings-of-power-s2e3-thefantasyreviews.txt: the site's name after
        // the title.
        assert_eq!(
            p("Rings of Power, Season 2, Episode 3 Review  - The Eagle and the Sceptre - The Fantasy Review"),
            Some(("Rings of Power".into(), 2, 3, Some("The Eagle and the Sceptre".into())))
        );
        assert_eq!(clean_title("Pilot - Ted Lasso Review").as_deref(), Some("Pilot"));
        // tests/corpus/pages/932-hotd-e6-release-time-techradar.txt: a spoiler warning.
        assert_eq!(p("*Warning – episode 5 spoilers ahead*"), None);
        // tests/corpus/pages/897-severance-s2e4-bgr.txt: a possessive name, then the season's
        // ordinal.
        assert_eq!(
            p("Episode 4 of Severance‘s second season gave us everything from the MDR team")
                .map(|h| (h.0, h.1, h.2)),
            Some(("Severance".into(), 2, 4))
        );
        // tests/corpus/pages/714-ted-lasso-s3e4-telltaletv.txt: a headline printed twice.
        assert_eq!(
            p("Ted Lasso Season 3 Episode 4 Ted Lasso Season 3 Episode 4 Review: Big Week"),
            Some(("Ted Lasso".into(), 3, 4, Some("Big Week".into())))
        );
        // tests/corpus/pages/737-walking-dead-2x01-ru-pavlovsdog78.txt: Russian, in an address.
        assert_eq!(
            p("walking dead 1 seriya 2 sezon").map(|h| (h.0, h.1, h.2)),
            Some(("walking dead".into(), 2, 1))
        );
        assert_eq!(
            p("Ходячие мертвецы сезон 2, серия 1").map(|h| (h.0, h.1, h.2)),
            Some(("Ходячие мертвецы".into(), 2, 1))
        );
        // A name that ends in "!" and a season 1 the marker states keep what they say.
        assert_eq!(
            p("Go! Princess PreCure Episode 5").map(|h| (h.0, h.1, h.2)),
            Some(("Go! Princess PreCure".into(), 1, 5))
        );
        assert_eq!(p("The Boys (Season 3) Season 1 Episode 6").map(|h| (h.1, h.2)), Some((1, 6)));
    }

    /// The eleventh collection's Japanese headlines (pages 771–830): a reading or label in
    /// brackets glued to the name.
    #[test]
    fn japanese_reading_in_brackets_after_the_name() {
        let p = |s: &str| parse_headline(s).map(|h| (h.show, h.season, h.episode));
        assert_eq!(p("かくしごと(アニメ) 第7話 感想"), Some(("かくしごと".into(), 1, 7)));
        // tests/corpus/pages/802-spy-family-7-ja-mamemoti.txt
        assert_eq!(p("「SPY×FAMILY(スパイファミリー)」の第7話"), Some(("SPY×FAMILY".into(), 1, 7)));
        assert_eq!(p("葬送のフリーレン 第5話 感想").map(|h| h.2), Some(5));
        // An alias in brackets after a space still goes.
        assert_eq!(p("Doctor Crush (Doctors) Episode 7").map(|h| h.0), Some("Doctor Crush".into()));
    }

    /// A blog's running count after "Review", and a podcast's own episode before the show's.
    #[test]
    fn counted_reviews_and_podcast_episodes_before_the_name() {
        // tests/corpus/pages/779-penguin-e6-beyondmebtw.txt
        let h = parse_headline("Review 46 – The Penguin - Episode 6, Dir. Kevin Bray")
            .expect("a headline");
        assert_eq!((h.show.as_str(), h.season, h.episode), ("The Penguin", 1, 6));
        // tests/corpus/pages/800-the-following-s2e5-projectfandom.txt
        let h = parse_headline("Podcast Fandom Episode 54: The Following S2E5 ‘Reflection’")
            .expect("a headline");
        assert_eq!((h.show.as_str(), h.season, h.episode), ("The Following", 2, 5));
        assert_eq!(h.title.as_deref(), Some("Reflection"));
        // Without a second number the label's episode is the one meant.
        let h = parse_headline("Severance Episode 5: The Grim Barbarity").expect("a headline");
        assert_eq!((h.show.as_str(), h.episode), ("Severance", 5));
    }

    /// tests/corpus/pages/778-penguin-e5-7-oratoryprep.txt: a list of three episodes with a
    /// comma before "and".
    #[test]
    fn a_list_of_episodes_with_a_comma_before_and() {
        let h = parse_headline(
            "Episodes 5, 6, and 7 of The Penguin were very exciting watches, and somehow managed",
        )
        .expect("a headline");
        assert_eq!((h.show.as_str(), h.episode, h.episode_end), ("The Penguin", 5, Some(7)));
        let h = parse_headline("Moving Episodes 3, 4 and 5 Recap").expect("a headline");
        assert_eq!((h.episode, h.episode_end), (3, Some(5)));
    }

    /// Headlines of the fifteenth collection (pages 1011–1070).
    #[test]
    fn fifteenth_collection_headlines() {
        let p = |s: &str| parse_headline(s).map(|h| (h.show, h.season, h.episode, h.title));
        // tests/corpus/pages/1014-survivor-44-e4-outdoors.txt: the season's number ends the name.
        assert_eq!(
            p("Survivor 44 Episode 4 Recap: The Tide Turns!").map(|h| (h.0, h.1, h.2)),
            Some(("Survivor".into(), 44, 4))
        );
        // tests/corpus/pages/1039-big-brother-21-e5-hiddenremote.txt
        assert_eq!(
            p("Big Brother 21 Episode 5 recap: live eviction episode").map(|h| (h.0, h.1, h.2)),
            Some(("Big Brother".into(), 21, 5))
        );
        // tests/corpus/pages/1038-omitb-s3e4-techgameworld.txt
        assert_eq!(
            p("Review Only Murders in the Building 3: episodio 4").map(|h| (h.0, h.1, h.2)),
            Some(("Only Murders in the Building".into(), 3, 4))
        );
        // A 2 stays in the name: "Dream High 2" is a sequel of its own.
        assert_eq!(
            p("[Drama Recap] Dream High 2 Episode 5").map(|h| (h.0, h.1, h.2)),
            Some(("Dream High 2".into(), 1, 5))
        );
        // A number that is part of the name stays: "Room No. 9", "Full House Take 2".
        assert_eq!(
            p("Room No. 9 Episode 7").map(|h| (h.0, h.1, h.2)),
            Some(("Room No. 9".into(), 1, 7))
        );
        assert_eq!(
            p("Full House Take 2 Episode 5").map(|h| (h.0, h.1, h.2)),
            Some(("Full House Take 2".into(), 1, 5))
        );
        // A season in the marker wins: "Round 6 S2E6".
        assert_eq!(p("Round 6 S2E6").map(|h| (h.0, h.1, h.2)), Some(("Round 6".into(), 2, 6)));
        // tests/corpus/pages/1029-love-island-2019-e12-independent.txt: a year, then a colon.
        assert_eq!(
            p("Love Island 2019: Episode 12 chronicles emotional manipulation and a fraught recoupling")
                .map(|h| (h.0, h.1, h.2)),
            Some(("Love Island".into(), 1, 12))
        );
        // tests/corpus/pages/1030-love-island-e12-lovin.txt: the writer's "guide to".
        assert_eq!(
            p("The basic B’s guide to Love Island episode 12").map(|h| (h.0, h.1, h.2)),
            Some(("Love Island".into(), 1, 12))
        );
        assert_eq!(
            p("The Hitchhiker's Guide to the Galaxy Episode 3").map(|h| h.0),
            Some("The Hitchhiker's Guide to the Galaxy".into())
        );
        // tests/corpus/pages/1020-rhoa-s9e13-straightfromthea.txt: a label for the video.
        assert_eq!(
            p("VIDEO: The Real Housewives of Atlanta S9 Ep13").map(|h| (h.0, h.1, h.2)),
            Some(("The Real Housewives of Atlanta".into(), 9, 13))
        );
        // tests/corpus/pages/1055-severance-s2e7-episodicmedium.txt: the show and the quoted
        // title before a bar.
        assert_eq!(
            p("Review: Severance, \"Chikhai Bardo\" | Season 2, Episode 7"),
            Some(("Severance".into(), 2, 7, Some("Chikhai Bardo".into())))
        );
        // tests/corpus/pages/1025-succession-s3e4-awardswatch.txt: words between the season's
        // ordinal and "season".
        assert_eq!(
            ordinal_episode_in_prose("This past Sunday, there was much to process during the 4th episode of Succession‘s 3rd and perhaps best season yet.")
                .map(|h| (h.show, h.season, h.episode)),
            Some(("Succession".into(), 3, 4))
        );
    }

    #[test]
    fn label_halves_credits_and_buttons_are_no_titles() {
        // 777-penguin-e6-avgplanet9.txt, 925-jujutsu-kaisen-e4-animeshelter.txt: "Recap &
        // Breakdown" cut at its "&".
        assert_eq!(clean_title("& BREAKDOWN"), None);
        assert_eq!(clean_title("& Gallery"), None);
        // 163-the-heirs-e7.txt, 983-legendary-witch-e6-shikidrama.txt: labels between tildes.
        assert_eq!(clean_title("Recap~"), None);
        assert_eq!(clean_title("~recap/review/opinion~"), None);
        // 163-the-heirs-e7.txt: the drama's info box under the headline.
        assert_eq!(clean_title("Title: The Heirs"), None);
        // 1154-true-blood-s5e2-openbooksociety.txt, 779-penguin-e6-beyondmebtw.txt: credits.
        assert_eq!(clean_title("Brought to you by OBS reviewer Heidi"), None);
        assert_eq!(clean_title("Dir. Kevin Bray"), None);
        // 367-euphoria-s2e6-justonegirlsopinion.txt: a reading time.
        assert_eq!(clean_title("14–20 minutes"), None);
        // 855-ted-lasso-s3e7-streampunkent.txt, 607-the-last-of-us-2x05-flixlandia.txt,
        // 859-mandalorian-s2e1-5-elliotsview.txt: buttons and widgets.
        assert_eq!(clean_title("Share with a friend, neighbor or the world!"), None);
        assert_eq!(clean_title("Compartilhe"), None);
        assert_eq!(clean_title("Details: More information can be found at and"), None);
        // Titles that only look like them stay.
        assert_eq!(clean_title("Shared Custody").as_deref(), Some("Shared Custody"));
        assert_eq!(clean_title("Sixty Minutes to Live").as_deref(), Some("Sixty Minutes to Live"));
    }

    #[test]
    fn review_labels_categories_and_image_sources_are_no_titles() {
        // 429-gwigung-e6-ko-freedy20.txt, 145-for-first-love-e4-ko.txt,
        // 617-yeowoo-gaksi-byeol-e1-2-hobbylibrary.txt, 745-neverland-s2e3-ja-toki23.txt: a
        // review label, then the writer's own words or nothing.
        assert_eq!(clean_title("리뷰: 여운을 남긴 여리에 대한 강철이의 고백"), None);
        assert_eq!(clean_title("드라마 리뷰 – 염정아, 박해준"), None);
        assert_eq!(clean_title("영화·드라마 감상"), None);
        assert_eq!(
            clean_title("解説&感想レビュー 優しい鬼にも裏が?ムジカとソンジュどっちが味方?"),
            None
        );
        // 427-akyeon-e6-ko-dolim2000.txt, 685-scarlet-heart-ryeo-e9-id-aktriskorea.txt.
        assert_eq!(clean_title("출처: 넷플릭스 드라마 악연 캡쳐"), None);
        assert_eq!(clean_title("Sumber Dok Gambar: SBS TV Korea Selatan"), None);
        // 294-best-love-e6-zimbio.txt, 267-moving-finale-e18-20-dramapotatoes.txt,
        // 620-game-of-thrones-s8e4-rssing.txt, 623-moonlight-drawn-by-clouds-e10-drama-favorite.txt,
        // 953-alchemy-of-souls-s2e8-norecipejuststory.txt: genres, kinds of recap, parts.
        for junk in ["Korean Drama", "Plot", "Scene-By-Scene", "Bagian 2", "A", "A Discussion"] {
            assert_eq!(clean_title(junk), None, "{junk}");
        }
        // A title in those scripts stays.
        assert_eq!(clean_title("全員で五等分").as_deref(), Some("全員で五等分"));
        assert_eq!(
            clean_title("말할까, 숨길까, 그 갈림길").as_deref(),
            Some("말할까, 숨길까, 그 갈림길")
        );
    }

    #[test]
    fn a_sentence_closed_by_its_full_stop_is_no_title() {
        // 904-ted-lasso-s3e5-thespool.txt: a photo's caption under the headline.
        assert_eq!(
            clean_title("Elee Nova is unmoved by Nick Mohammed’s love of Greek cuisine."),
            None
        );
        // 260-jujutsu-kaisen-s2e9-abstractaf.txt: a line of dialogue quoted after the number.
        let h = parse_headline(
            "Jujutsu Kaisen season 2 episode 9 begins with this seemingly simple question, and his \
             juniors and fellow Jujutsu sorcerers take turns to answer. Kugisaki responds with the \
             most hilarious remark, “I don’t know much about him, but I can guarantee that he is \
             an idiot.”",
        )
        .unwrap();
        assert_eq!(h.title, None);
        // Short titles with a full stop stay.
        assert_eq!(
            clean_title("Mr. Robot Goes to Washington").as_deref(),
            Some("Mr. Robot Goes to Washington")
        );
        assert_eq!(clean_title("Previously On...").as_deref(), Some("Previously On..."));
    }

    #[test]
    fn a_verb_after_the_number_goes_on_as_a_sentence() {
        // 899-the-penguin-e3-strokeandfill.txt
        let h = parse_headline("‘The Penguin’ Episode 3 Reveals What Happened to Victor’s Family")
            .unwrap();
        assert_eq!((h.show.as_str(), h.episode, h.title), ("The Penguin", 3, None));
        // After a separator the same word starts a title.
        let h = parse_headline("The Penguin Episode 3: Reveals").unwrap();
        assert_eq!(h.title.as_deref(), Some("Reveals"));
    }

    /// A teaser trailing off before the name, the season quoted with the name, and a list of
    /// what the page holds after it.
    #[test]
    fn teasers_quoted_seasons_and_lists_of_contents_around_the_name() {
        let h = |s: &str| parse_headline(s).map(|h| (h.show, h.season, h.episode, h.episode_end));
        // tests/corpus/pages/1189-spy-x-family-s1e12-otakusinh.txt
        assert_eq!(
            h("When Loid Goes Too Far.. Spy x Family Season 1 Episode 12 [Review]"),
            Some(("Spy x Family".into(), 1, 12, None))
        );
        // tests/corpus/pages/1118-squid-game-s2e4-hancinema.txt
        assert_eq!(
            h("[HanCinema's Drama Review] \"Squid Game - Season 2\" Episode 4"),
            Some(("Squid Game".into(), 2, 4, None))
        );
        // tests/corpus/pages/1183-queen-of-tears-e11-14-wikibiotv.txt
        assert_eq!(
            h("Queen of Tears Recap, Plot & Episode 11 to 14 Summary"),
            Some(("Queen of Tears".into(), 1, 11, Some(14)))
        );
        // A name with a word for contents inside it keeps it.
        assert_eq!(
            h("The Walking Dead Season 7 Episode 8 Recap and Review: Hearts Still Beating"),
            Some(("The Walking Dead".into(), 7, 8, None))
        );
        assert_eq!(
            h("Plot Against America Episode 3"),
            Some(("Plot Against America".into(), 1, 3, None))
        );
    }

    /// A tag wholly in brackets before the marker is no show's name: the headline names none
    /// (tests/corpus/pages/749-yongpalyi-e10-id-inisajamostory.txt was filed under "(Rekap)").
    #[test]
    fn a_bracketed_tag_is_no_name() {
        let line = "(Rekap) Eps 10 'Yongpalyi': Joo Won Tak Bisa Kembali, Kim Tae Hee Siap Balas";
        assert_eq!(parse_headline(line), None);
        let h = parse_headline("(Review) Episode 3 of Squid Game").expect("a headline");
        assert_eq!((h.show.as_str(), h.episode), ("Squid Game", 3));
        let h = parse_headline("[Drama Recap] Dream High 2 Episode 4").expect("a headline");
        assert_eq!((h.show.as_str(), h.episode), ("Dream High 2", 4));
    }

    /// A writer's lead-in before the name: "Recap on", "Warning! Spoilers for" (pages 1226 and
    /// 1212 of the eighteenth collection, held out until the session's figures on it were
    /// taken).
    #[test]
    fn recap_on_and_warning_spoilers_for_lead_to_the_name() {
        let h = |s: &str| parse_headline(s).map(|h| (h.show, h.season, h.episode, h.episode_end));
        // tests/corpus/pages/1226-girls-e7-8-suffolkvoice.txt
        assert_eq!(h("Recap on Girls episodes 7 & 8"), Some(("Girls".into(), 1, 7, Some(8))));
        // tests/corpus/pages/1212-the-boys-s4e6-rottentomatoes-top.txt
        assert_eq!(
            h("Warning! Spoilers for The Boys season 4, episode 6 below."),
            Some(("The Boys".into(), 4, 6, None))
        );
    }

    /// The twenty-eighth to thirtieth collections' headlines (read blind first): labels in the
    /// plural and in Spanish and Italian, "Nonton" (Indonesian "watch"), a season numbered
    /// before its word, a name's number that is the marker's season.
    #[test]
    fn labels_and_seasons_from_the_twenty_eighth_to_thirtieth_collections() {
        let p = |s: &str| parse_headline(s).map(|h| (h.show, h.season, h.episode, h.title));
        // tests/corpus/pages/1741-doctors-e5-kdramastars.txt
        assert_eq!(
            p("Recap And Reviews Korean Drama Doctors: Episode 5"),
            Some(("Doctors".into(), 1, 5, None))
        );
        // tests/corpus/pages/1809-the-walking-dead-s6e14-it-thewalkingdeadita.txt
        assert_eq!(
            p("The Walking Dead 6: recensione episodio 6×14 “Twice as far”"),
            Some(("The Walking Dead".into(), 6, 14, Some("Twice as far".into())))
        );
        // tests/corpus/pages/1789-doctor-cha-e5-es-mundodrama.txt: "de K-drama" names no show.
        assert_eq!(
            p("Doctor Cha – Resumen y revisión del episodio 5 de K-drama"),
            Some(("Doctor Cha".into(), 1, 5, None))
        );
        // tests/corpus/pages/1734-gra-o-tron-s3e2-bucherwelt.txt
        assert_eq!(p("Gra o Tron - 3 sezon - odcinek 2"), Some(("Gra o Tron".into(), 3, 2, None)));
        // tests/corpus/pages/1770-dandadan-s1e6-id-qiuqa.txt
        assert_eq!(
            p("Nonton Dandadan Season 1 Episode 06 Review"),
            Some(("Dandadan".into(), 1, 6, None))
        );
        // tests/corpus/pages/1758-kimi-to-boku-no-saigo-no-senjou-e8-pt-ptanime.txt: "Opinião"
        // is the writer's label, not the episode's title.
        assert_eq!(
            p("Kimi to Boku no Saigo no Senjou Episódio 8 – Opinião"),
            Some(("Kimi to Boku no Saigo no Senjou".into(), 1, 8, None))
        );
        // A Roman numeral ending the name is the season: 1794-toaru-majutsu-index-3-e7-sakura.txt
        // (and 1768's "Mob Psycho 100 III episode 6").
        assert_eq!(
            p("『とある魔術の禁書目録Ⅲ』第7話、五和、がんばる(ネタバレあり)")
                .map(|h| (h.0, h.1, h.2)),
            Some(("とある魔術の禁書目録".into(), 3, 7))
        );
        assert_eq!(
            p("Mob Psycho 100 III episode 6").map(|h| (h.0, h.1, h.2)),
            Some(("Mob Psycho 100".into(), 3, 6))
        );
        // tests/corpus/pages/1786-cowboy-bebop-sessions-16-17-maniadelight.txt: Cowboy Bebop
        // calls its episodes sessions.
        assert_eq!(
            parse_headline("Cowboy Bebop Sessions 16 and 17").map(|h| (
                h.show,
                h.episode,
                h.episode_end
            )),
            Some(("Cowboy Bebop".into(), 16, Some(17)))
        );
        // A number that is no season stays: "Room 104" is the show.
        assert_eq!(p("Room 104 Season 2 Episode 3"), Some(("Room 104".into(), 2, 3, None)));
    }

    /// Japanese pages counting episodes in a row each with its counter (pages 2620, 3974), a
    /// series' length and a manga volume's chapters (2620, 4146), and a genre's word where a name
    /// would be (4146).
    #[test]
    fn japanese_counters_in_a_row_and_counts_that_number_no_episode() {
        let read = |s: &str| parse_headline(s).map(|h| (h.show, h.episode, h.episode_end));
        assert_eq!(
            read("五月の青春 5話・6話 あらすじと感想"),
            Some(("五月の青春".into(), 5, Some(6)))
        );
        assert_eq!(
            read("韓国ドラマ『ソンジェ背負って走れ』第7話・第8話・第9話・第10話・第11話のあらすじ"),
            Some(("ソンジェ背負って走れ".into(), 7, Some(11)))
        );
        assert_eq!(read("「ホテルデルーナ」7話8話・ネタバレあらすじ").map(|h| h.2), Some(Some(8)));
        // Two apart are two episodes named, no range.
        assert_ne!(read("「ホテルデルーナ」7話・10話").and_then(|h| h.2), Some(10));
        assert_eq!(read("2巻の21話~23話まで放送された"), None);
        assert_eq!(read("小説:1巻23話~24話"), None);
        assert_eq!(read("アニメ10話は漫画の何話までやった?"), None);
        assert_eq!(read("呪術廻戦アニメ10話の注目キャラ").map(|h| h.1), Some(10));
    }

    /// tests/corpus/pages/4531: "Spyfall (Part 2)" keeps its part; a post's "(Part 2)" alone is
    /// no title, and other brackets still go.
    #[test]
    fn a_two_part_storys_part_stays_in_its_title() {
        assert_eq!(clean_title("Spyfall (Part 2)").as_deref(), Some("Spyfall (Part 2)"));
        assert_eq!(clean_title("(Part 2)"), None);
        assert_eq!(clean_title("Spyfall (Review)").as_deref(), Some("Spyfall"));
    }
}
