//! Critic ratings as recap sites write them: `8/10`, `4 out of 5`, `★★★½`,
//! `4.5 stars`, letter grades (`Grade: B+`, `Rating: A-`) and a bare score
//! beside the headline (`7.0`).
//!
//! Every rating is converted to the five-point scale; the text it was read
//! from is kept in [`ParsedRating::display`] so it can be shown as written.
//!
//! Letter grades (out of 5):
//!
//! | grade | value | grade | value | grade | value |
//! |-------|-------|-------|-------|-------|-------|
//! | A+    | 5.00  | B     | 3.75  | C-    | 2.50  |
//! | A     | 4.75  | B-    | 3.50  | D+    | 2.25  |
//! | A-    | 4.50  | C+    | 3.25  | D     | 2.00  |
//! | B+    | 4.25  | C     | 3.00  | D-    | 1.75  |
//! |       |       |       |       | F     | 1.00  |
//!
//! (`F+`/`F-` are read as `F`; `E` as `D-`.)

use regex::Regex;
use std::sync::LazyLock as Lazy;

use super::headline::parse_number;
use crate::recap::CriticRating;

/// A rating read from text: the value on the five-point scale and the text as written.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedRating {
    /// Always `out_of: 5.0`.
    pub rating: CriticRating,
    /// The rating as written ("8/10", "B+", "★★★½").
    pub display: String,
}

impl ParsedRating {
    fn new(value: f32, out_of: f32, display: &str) -> Option<ParsedRating> {
        let valid = out_of > 0.0 && out_of <= 100.0 && (0.0..=out_of).contains(&value);
        valid.then(|| ParsedRating {
            rating: to_five(CriticRating::new(value, out_of)),
            display: display.trim().to_string(),
        })
    }
}

/// Converts a rating to the five-point scale, rounded to two decimals.
pub fn to_five(r: CriticRating) -> CriticRating {
    if r.out_of == 5.0 || r.out_of <= 0.0 {
        return r;
    }
    let value = (r.value * 5.0 / r.out_of * 100.0).round() / 100.0;
    CriticRating { value, out_of: 5.0, ..r }
}

/// The letter-grade table (see the module documentation).
pub fn letter_grade(grade: &str) -> Option<f32> {
    let g = grade.trim().to_ascii_uppercase();
    let g = g.replace(['−', '–'], "-").replace(" MINUS", "-").replace(" PLUS", "+");
    let v = match g.as_str() {
        "A+" => 5.0,
        "A" => 4.75,
        "A-" => 4.5,
        "B+" => 4.25,
        "B" => 3.75,
        "B-" => 3.5,
        "C+" => 3.25,
        "C" => 3.0,
        "C-" => 2.5,
        "D+" => 2.25,
        "D" => 2.0,
        "D-" | "E" | "E+" | "E-" => 1.75,
        "F" | "F+" | "F-" => 1.0,
        _ => return None,
    };
    Some(v)
}

const NUMBER: &str = r"(\d{1,3}(?:[.,]\d{1,2}|\s?½)?)";
/// A blog's own unit in capitals after the scale, on a line of its own: "3 out of 5 Gooey
/// Baltars" (1982-battlestar-galactica-s3e13-servewithchips.txt).
const JOKE_UNIT: &str = r"(?-i:(?:\s+\p{Lu}[\p{L}'’]*){1,3})";

static FRACTION_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i)^{NUMBER}\s*(?:(?:/|out\s+of|von)\s*(\d{{1,3}}(?:[.,]\d)?)(?:\s*(?:stars?|points?|pts\.?)|{JOKE_UNIT})?|of\s*(\d{{1,3}}(?:[.,]\d)?)\s*(?:stars?|points?|pts\.?))\s*[.!]?$"
    ))
    .unwrap()
});
/// "4 stars", "3.5 ★", and in words: "five star", "Three and a half stars".
static STARS_WORD_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(\d(?:[.,]\d{1,2})?|\d\s*½|½|one|two|three|four|five)(\s+and\s+a\s+half)?\s*(?:stars?|★)\s*[.!]?$")
        .unwrap()
});
static GRADE_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^([A-F])\s?([+\-−–]|\s(?i:minus|plus))?$").unwrap());
static BARE_SCORE_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(\d{1,2}[.,]\d{1,2}|10|\d)$").unwrap());

fn number(s: &str) -> Option<f32> {
    let s = s.replace(',', ".");
    let s = s.replace(' ', "");
    if let Some(whole) = s.strip_suffix('½') {
        let w: f32 = if whole.is_empty() { 0.0 } else { whole.parse().ok()? };
        return Some(w + 0.5);
    }
    s.parse().ok()
}

/// Parses a whole rating value: "4/5", "8/10", "4.5 out of 5", "3.5 Stars",
/// "★★★★☆", "★★★½". Letter grades only when `grades` is set (a lone "A"
/// is a word, not a grade, unless a label says it is a rating).
pub fn parse_value(s: &str, grades: bool) -> Option<ParsedRating> {
    // "4 1/2 stars", "3 1/2 out of 5": a half written as a fraction, read as "4½ stars" and
    // shown as written.
    if let Some(c) = MIXED_HALF_RE.captures(s.trim()) {
        let halved = format!("{}½{}", &c[1], &c[2]);
        let written = s.trim().trim_matches(['(', ')', '[', ']', '*', '_']).trim();
        return parse_written_value(&halved, grades)
            .map(|r| ParsedRating { display: written.to_string(), ..r });
    }
    // "Five out of five", "eight out of ten": the numbers in words, shown as written.
    if let Some(c) = WORDS_OUT_OF_RE.captures(s.trim()) {
        let (value, scale) = (parse_number(&c[1])?, parse_number(&c[2])?);
        let written = s.trim().trim_end_matches(['.', '!']).trim();
        return parse_written_value(&format!("{value} out of {scale}"), grades)
            .map(|r| ParsedRating { display: written.to_string(), ..r });
    }
    parse_written_value(s, grades)
}

static WORDS_OUT_OF_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(one|two|three|four|five|six|seven|eight|nine|ten)\s+out\s+of\s+(five|ten|5|10)\s*[.!]?$")
        .unwrap()
});

static MIXED_HALF_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^[(\[*_]*(\d)\s+1/2(\s*(?:/\s*\d|out\s+of\b|stars?\b).*)$").unwrap()
});

/// "My rating: ***" (2879-buffy-the-vampire-slayer-s3e9-forcedviewing.txt), "Rating: ****":
/// stars typed as asterisks, which elsewhere only wrap a value in bold (and a line of them
/// alone is a divider).
/// Also "****1/2 out of *****" (3393-farscape-s2e4-michaelgmunz.txt): asterisks out of
/// asterisks, which no divider is.
static ASTERISK_STARS_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(\*{1,10})\s*(½|1/2)?(?:\s*(?:out\s+of|/)\s*(\*{1,10}))?$").unwrap()
});

/// Stars typed as asterisks: one to five of them out of five or, `scale_stated`, out of the
/// asterisks written after them.
fn asterisks(s: &str, scale_stated: bool) -> Option<ParsedRating> {
    let c = ASTERISK_STARS_RE.captures(s.trim())?;
    let stars = c[1].len();
    let out_of = match c.get(3) {
        Some(scale) if scale_stated => scale.as_str().len(),
        None if !scale_stated && stars <= 5 => 5,
        _ => return None,
    };
    let half = if c.get(2).is_some() { 0.5 } else { 0.0 };
    ParsedRating::new(stars as f32 + half, out_of as f32, s.trim())
}

fn asterisk_stars(s: &str) -> Option<ParsedRating> {
    asterisks(s, false)
}

fn asterisks_out_of(s: &str) -> Option<ParsedRating> {
    asterisks(s, true)
}

fn parse_written_value(s: &str, grades: bool) -> Option<ParsedRating> {
    let s = s.trim().trim_matches(['(', ')', '[', ']', '*', '_']).trim();
    let s = s.trim_end_matches(['.', '!']).trim();
    // "- 8/10 -": a score set off by dashes on both sides (but "B-" keeps its minus).
    let dashes = ['-', '–', '—'];
    let s = s.strip_prefix(dashes).and_then(|t| t.strip_suffix(dashes)).map_or(s, str::trim);
    // "1 of 4" (a slide or a part) is a counter; "3 of 4 stars" is a rating.
    if let Some(c) = FRACTION_RE.captures(s) {
        let out_of = c.get(2).or(c.get(3))?;
        return ParsedRating::new(number(&c[1])?, number(out_of.as_str())?, s);
    }
    if let Some(c) = STARS_WORD_RE.captures(s) {
        let word = c[1].to_lowercase();
        let whole = match parse_number(&word) {
            Some(n) => n as f32,
            None => number(&c[1])?,
        };
        let half = if c.get(2).is_some() { 0.5 } else { 0.0 };
        return ParsedRating::new(whole + half, 5.0, s);
    }
    if grades {
        if let Some(c) = GRADE_RE.captures(s) {
            let sign = c.get(2).map_or("", |m| m.as_str());
            let v = letter_grade(&format!("{}{sign}", &c[1]))?;
            return ParsedRating::new(v, 5.0, s);
        }
    }
    let (value, out_of) = star_glyphs(s)?;
    ParsedRating::new(value, out_of, s)
}

fn star_glyphs(s: &str) -> Option<(f32, f32)> {
    let (mut full, mut half, mut empty) = (0u32, 0u32, 0u32);
    // "⭐️⭐️⭐️ 1/2" (2653-x-files-s1e10-moviegeekblog.txt): the half star written as a fraction.
    let s = match s.trim_end().strip_suffix("1/2") {
        Some(stars) if stars.ends_with(char::is_whitespace) => {
            half += 1;
            stars
        }
        _ => s,
    };
    for c in s.chars() {
        match c {
            '★' | '⭐' | '✭' | '✮' | '🌟' => full += 1,
            '½' | '⯪' | '⯨' => half += 1,
            '☆' | '✩' | '✰' => empty += 1,
            c if c.is_whitespace() || c == '\u{fe0f}' => {}
            _ => return None,
        }
    }
    if full + half == 0 && empty == 0 {
        return None;
    }
    let value = full as f32 + 0.5 * half as f32;
    let shown = (full + half + empty) as f32;
    let out_of = if empty == 0 { shown.max(5.0) } else { shown };
    Some((value, out_of))
}

/// "Episode Rating: 4/5", "Our rating – 4.5 out of 5", "Score: 8/10", "Grade: B+", "Overall: 9.0/10",
/// "Filmyhype.com Ratings: 3.5/5 (three and a half stars)" (a site's name with its domain).
static LABEL_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)^(?:[\p{L}'’]+(?:\.[\p{L}]+)?\s+){0,3}(?:rating|score|grade|verdict|mark|review|overall|classifica[çc][ãa]o|avalia[çc][ãa]o|nota|calificaci[óo]n|puntuaci[óo]n|puntaje|pontua[çc][ãa]o|valoraci[óo]n|voto|valutazione|punteggio|bewertung|wertung|ocena|beoordeling|puan)(?:s|\(s\))?(?:\s+final)?(?:\s+d[aoe]l?\s+cr[íi]tic[ao]s?|\s+of\s+the\s+critic)?\s*(?:\(?\s*out\s+of\s+(\d{1,3})\s*\)?)?(?:\s*,[^:]{1,30})?\s*[:\-–—=]?\s*(.+)$",
    )
    .unwrap()
});

static AGGREGATE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:imdb|rotten\s+tomatoes|tomatometer|metacritic|mal|myanimelist|anilist|mdl|mydramalist|audience|readers?'?|users?'?|viewers?'?|community|fans?'?|average|avg\.?|family\s+friendly)\b").unwrap()
});

/// A labelled rating line ("Rating: 8/10", "Grade: B+", "Score: 7.5").
/// A bare number after a label is out of 10 (out of 5 when ≤ 5 and written
/// with a half, "Rating: 3.5"), unless the label names the scale.
pub fn parse_labelled(line: &str) -> Option<ParsedRating> {
    // Aggregated scores are not the critic's.
    if AGGREGATE_RE.is_match(line.trim().trim_start_matches(['*', '_'])) {
        return None;
    }
    if let Some(r) = LABEL_RE.captures(line.trim()).and_then(|c| asterisk_stars(&c[2])) {
        return Some(r);
    }
    let line = line.trim().trim_matches(['*', '_']).trim();
    let c = LABEL_RE.captures(line)?;
    let value = c[2].trim().trim_matches(['*', '_']).trim();
    let value = value.trim_end_matches(['.', '!']).trim();
    if let Some(r) = parse_value(value, true) {
        return Some(r);
    }
    // "Rating: 8/10 – a great hour", "Rating: ★★★★☆ (4/5)", "Grade: B+ (very good)"
    if let Some(m) = LEADING_VALUE_RE.find(value) {
        if let Some(r) = parse_value(m.as_str(), true) {
            return Some(r);
        }
        // "Puntaje: 8/10- Otro soberbio episodio": a dash glued to the score's last digit.
        let score = m.as_str().trim_end();
        let unglued = score.trim_end_matches(['-', '–', '—', ',', ';', ':']);
        if unglued.len() < score.len() && unglued.ends_with(|c: char| c.is_ascii_digit()) {
            if let Some(r) = parse_value(unglued, true) {
                return Some(r);
            }
        }
    }
    // "Rating: 7.5" / "Score: 8" / "Rating (out of 5): 4": out of 10, or
    // out of 5 for values up to 5.
    let bare = BARE_SCORE_RE.captures(value)?;
    let v = number(&bare[1])?;
    let out_of = match c.get(1) {
        Some(m) => m.as_str().parse().ok()?,
        None if v <= 5.0 => 5.0,
        None => 10.0,
    };
    ParsedRating::new(v, out_of, value)
}

/// The rating at the start of a longer value.
static LEADING_VALUE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:\d{1,3}(?:[.,]\d{1,2}|\s?½)?\s*(?:/|out\s+of)\s*\d{1,3}(?:[.,]\d)?(?:\s*stars?)?|\d(?:[.,]5)?\s*stars?|[★☆½⭐✩✭✮\s]+)(?:[\s(\[,;:–—\-]|$)|^[A-F][+\-−–]?\s*(?:$|[(\[,;–—])").unwrap()
});

/// "I give this episode an 8/10", "it gets 4 out of 5 stars", "Rate It: 5 / 5.": a rating in
/// a sentence.
static PROSE_RATING_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:(?:i\s+|i['’]m\s+|i\s+am\s+|i['’]ll\s+|i\s+will\s+)?(?:give|gave|giving|rate|rated|rating)\s+(?:it|this(?:\s+(?:one|episode|week))?|“[^”]{1,80}”)|(?:it|this\s+(?:episode|one))\s+(?:gets|earns|deserves)|(?:rating|score|grade)(?:\s+(?:of|is)|\s*:)):?\s+(?:a\s+|an\s+|a\s+solid\s+)?(\d{1,3}(?:[.,]\d{1,2})?\s*(?:/|out\s+of)\s*\d{1,3}(?:[.,]\d)?(?:\s*stars?)?|\d(?:[.,]5)?\s*stars?)").unwrap()
});

/// "…keeping the viewer guessing. Very exciting and completely different. 10/10": a score
/// standing alone after the paragraph's last sentence, its verdict.
static CLOSING_SCORE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"[.!?…]\s+(\d{1,2}(?:[.,]\d)?\s*(?:/|out\s+of)\s*(?:10|5))\s*[.!]?$").unwrap()
});

/// "für diese Folge vergebe ich mal wieder 8 von 10 *Sternchen*!": a German critic giving
/// the episode its score in a sentence.
static PROSE_RATING_DE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:vergebe|gebe|gibt|vergibt|bekommt|erh[äa]lt|verdient)\b[^.!?]{0,40}?\b(\d{1,2}(?:[.,]\d)?\s*(?:/|von)\s*(?:10|5))(?:\s*\*?(?:sternchen|sternen?|punkten?)\b|\s*[.!,;)]|\s*$)").unwrap()
});

/// "This episode gets a B+ from me", "I give it an A-": a letter grade given in a sentence. The
/// grade is matched case-sensitively: "give it a big hug" holds none.
static PROSE_GRADE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?:\b(?i:give|gave|giving)\s+(?i:it|this(?:\s+(?:one|episode|week))?)|\b(?i:it|this(?:\s+(?:one|episode))?)\s+(?i:gets|earns|deserves))\s+(?i:an?\s+)?([A-F][+\-−]?)(?:\s|[.,!;)]|$)").unwrap()
});

/// "I give “Long Long Time” 10 cassette tapes out of 10": a score counted in the critic's own
/// unit.
static PROSE_COUNT_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r#"(?i)\b(?:give|gave|giving|rate|rated)\s+(?:it|this(?:\s+(?:one|episode|week))?|“[^”]{{1,80}}”|"[^"]{{1,80}}")\s+(?:an?\s+)?{COUNTED_SCORE}"#
    ))
    .unwrap()
});

/// "10 cassette tapes out of 10": the value, one to three words of unit, the scale.
const COUNTED_SCORE: &str = r"(\d{1,2}(?:[.,]5)?)\s+(?:[\p{L}'’\-]+\s+){1,3}out\s+of\s+(5|10)\b";
static COUNTED_SCORE_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(&format!(r"(?i)^{COUNTED_SCORE}\s*[.!]?$")).unwrap());

fn counted_score(c: &regex::Captures, display: &str) -> Option<ParsedRating> {
    ParsedRating::new(number(&c[1])?, number(&c[2])?, display)
}

/// A rating given in a sentence of the review, or standing alone after its last sentence.
pub fn parse_prose(text: &str) -> Option<ParsedRating> {
    let critics = PROSE_RATING_RE.captures(text).filter(|c| {
        // "…holds an IMDb rating: 8.1/10": the aggregate's label stands just before.
        let before = &text[..c.get(0).map_or(0, |m| m.start())];
        let words: Vec<&str> = before.split_whitespace().rev().take(2).collect();
        !words.iter().any(|w| AGGREGATE_RE.is_match(w.trim_start_matches(['(', '“', '"'])))
    });
    let c = critics
        .or_else(|| CLOSING_SCORE_RE.captures(text))
        .or_else(|| PROSE_RATING_DE_RE.captures(text));
    if let Some(c) = c {
        return parse_value(c[1].trim(), false);
    }
    if let Some(c) = PROSE_GRADE_RE.captures(text) {
        return parse_value(&c[1], true);
    }
    let c = PROSE_COUNT_RE.captures(text)?;
    let display = c.get(0).map_or("", |m| m.as_str());
    counted_score(&c, &display[display.find(&c[1]).unwrap_or(0)..])
}

/// A whole line that is a rating: a value ("4/5", "★★★★") or a labelled rating.
pub fn parse_line(line: &str) -> Option<ParsedRating> {
    let line = line.trim();
    if line.chars().count() > 80 {
        // "Puntaje: 8/10- Otro soberbio episodio para una serie que …": a labelled score
        // opening the verdict's paragraph.
        return LABELLED_SCORE_OPENING_RE.find(line).and_then(|m| parse_labelled(m.as_str()));
    }
    if line.chars().count() <= 60 {
        if let Some(r) = asterisks_out_of(line)
            .or_else(|| parse_value(line, false))
            .or_else(|| score_with_verdict(line))
        {
            return Some(r);
        }
    }
    parse_labelled(line)
}

/// "7/10 – Good", "8/10 – Great episode", "★★★☆☆ (3/5)": a score on the usual scales opening a
/// short line, a few words of verdict after it.
fn score_with_verdict(line: &str) -> Option<ParsedRating> {
    let m = LEADING_VALUE_RE.find(line)?;
    let separators = ['(', '[', '–', '—', '-', ':', ','];
    let score = m.as_str().trim_end_matches(|c: char| c.is_whitespace() || separators.contains(&c));
    let rest = line[score.len()..].trim_start();
    let verdict = rest.trim_start_matches(separators).trim();
    let usual_scale = USUAL_SCALE_RE.is_match(score);
    (usual_scale && rest.starts_with(separators) && verdict.split_whitespace().count() <= 4)
        .then(|| parse_value(score, false))
        .flatten()
}

/// Out of 5, 10 or 100, or in stars: "9/11 – the day" is a date, not a score.
static USUAL_SCALE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)(?:(?:/|out\s+of)\s*(?:5|10|100)(?:[.,]0)?(?:\s*stars?)?|stars?|^[★☆½⭐✩✭✮\s]+)$",
    )
    .unwrap()
});

/// A label and a score out of some scale opening a long line: "Puntaje: 8/10- Otro …",
/// "Episode Rating(s): 8/10 (plot finally gets moving, climax should come within an episode or two)",
/// "Filmyhype.com Ratings: 3.5/5 (three and a half stars) [yasr_overall_rating …]".
static LABELLED_SCORE_OPENING_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:[\p{L}'’]+(?:\.[\p{L}]+)?\s+){0,2}(?:rating|score|grade|nota|calificaci[óo]n|puntuaci[óo]n|puntaje|valoraci[óo]n|pontua[çc][ãa]o)(?:s|\(s\))?\s*:\s*\d{1,3}(?:[.,]\d{1,2})?\s*/\s*\d{1,3}\b").unwrap()
});

/// A bare score printed beside the headline ("7.0", "8.5", "8.35"): out of 10.
pub fn parse_bare_score(line: &str) -> Option<ParsedRating> {
    let line = line.trim();
    let c = DECIMAL_SCORE_RE.captures(line)?;
    let v = number(&c[1])?;
    ParsedRating::new(v, 10.0, line)
}

/// A score with its decimals: a bare whole number beside a headline is as often a count.
static DECIMAL_SCORE_RE: Lazy<Regex> = Lazy::new(|| Regex::new(r"^(\d{1,2}[.,]\d{1,2})$").unwrap());

/// A lone letter grade on its own line ("B+"), as printed beside a headline.
pub fn parse_grade(line: &str) -> Option<ParsedRating> {
    let line = line.trim();
    GRADE_RE.is_match(line).then(|| parse_value(line, true)).flatten()
}

/// A rating as a reader writes it down (corpus annotations): any of the above.
pub fn parse_any(s: &str) -> Option<ParsedRating> {
    asterisk_stars(s)
        .or_else(|| asterisks_out_of(s))
        .or_else(|| parse_value(s, true))
        .or_else(|| parse_labelled(s))
        .or_else(|| parse_bare_score(s))
        .or_else(|| COUNTED_SCORE_RE.captures(s.trim()).and_then(|c| counted_score(&c, s.trim())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn five(s: &str) -> Option<f32> {
        parse_any(s).map(|r| r.rating.value)
    }

    /// "****1/2 out of *****" under a headline (pages/3393).
    #[test]
    fn asterisks_out_of_asterisks() {
        assert_eq!(parse_line("****1/2 out of *****").map(|r| r.rating.value), Some(4.5));
        assert_eq!(parse_line("*****"), None);
    }

    /// "Overall Rating: 8.35" (pages/3183): a score with two decimals, out of ten.
    #[test]
    fn a_bare_score_with_two_decimals() {
        assert_eq!(parse_bare_score("8.35").map(|r| r.display).as_deref(), Some("8.35"));
        assert!(five("8.35").is_some_and(|v| (v - 4.175).abs() < 0.01));
        assert_eq!(parse_bare_score("176"), None);
    }

    /// "3 out of 5 Gooey Baltars" on a line of its own
    /// (1982-battlestar-galactica-s3e13-servewithchips.txt): the blog's own unit after the
    /// scale; a count in lower case is no rating.
    #[test]
    fn a_blogs_own_unit_after_the_scale() {
        let r = parse_line("3 out of 5 Gooey Baltars").expect("a rating");
        assert_eq!((r.rating.value, r.rating.out_of), (3.0, 5.0));
        assert!(parse_line("3 out of 5 contestants").is_none());
    }

    /// Stars typed as asterisks after a label: 2879-buffy-the-vampire-slayer-s3e9-forcedviewing.txt
    /// ("My rating: ***") and 2963-the-office-s3e5-themidnightcafe.txt ("Rating: ****").
    #[test]
    fn asterisks_after_a_label_are_stars() {
        let r = parse_labelled("My rating: ***").expect("a rating");
        assert_eq!((r.rating.value, r.rating.out_of, r.display.as_str()), (3.0, 5.0, "***"));
        assert_eq!(parse_labelled("Rating: ****").map(|r| r.rating.value), Some(4.0));
        assert_eq!(five("***"), Some(3.0));
        // 2585-agatha-all-along-s1e7-geeksandgamers.txt: a line of asterisks alone divides.
        assert!(parse_line("**").is_none());
    }

    #[test]
    fn values_convert_to_five() {
        assert_eq!(five("4/5"), Some(4.0));
        // 2531-doctor-who-s8e4-stevepalmer.txt prints "five star" under its headline.
        assert_eq!(five("five star"), Some(5.0));
        assert_eq!(five("Three and a half stars"), Some(3.5));
        // 3619-doctor-who-s4e10-bbc.txt ends its review "Five out of five".
        assert_eq!(five("Five out of five"), Some(5.0));
        assert_eq!(five("eight out of ten"), Some(4.0));
        assert_eq!(
            parse_line("Five out of five").map(|r| r.display),
            Some("Five out of five".into())
        );
        assert_eq!(five("eleven out of ten"), None);
        assert_eq!(five("8/10"), Some(4.0));
        assert_eq!(five("7 out of 10"), Some(3.5));
        assert_eq!(five("4.5 out of 5"), Some(4.5));
        assert_eq!(five("★★★½"), Some(3.5));
        assert_eq!(five("⭐\u{fe0f}⭐\u{fe0f}⭐\u{fe0f} 1/2"), Some(3.5));
        assert_eq!(five("★★★★☆"), Some(4.0));
        assert_eq!(five("4 stars"), Some(4.0));
        assert_eq!(five("4.5 Stars"), Some(4.5));
        assert_eq!(five("B+"), Some(4.25));
        assert_eq!(five("A-"), Some(4.5));
        assert_eq!(five("F"), Some(1.0));
        assert_eq!(five("7.0"), Some(3.5));
        assert_eq!(five("6/5"), None);
        // virtualhaven.org: the verdict's score set off by dashes; rereflektion.blogspot.com.
        assert_eq!(five("- 8/10 -"), Some(4.0));
        assert_eq!(five("B-"), Some(3.5));
        assert_eq!(five("8 von 10"), Some(4.0));
        assert_eq!(five("hello"), None);
        assert_eq!(five("10 cassette tapes out of 10"), Some(5.0));
    }

    #[test]
    fn labelled_lines() {
        let v = |s| parse_line(s).map(|r| (r.rating.value, r.display));
        assert_eq!(v("Grade: B+"), Some((4.25, "B+".into())));
        assert_eq!(v("Rating: A-"), Some((4.5, "A-".into())));
        assert_eq!(v("Episode Rating: 4/5"), Some((4.0, "4/5".into())));
        assert_eq!(v("Score: 8.5"), Some((4.25, "8.5".into())));
        assert_eq!(v("Rating: 8/10"), Some((4.0, "8/10".into())));
        assert_eq!(v("A"), None);
        assert_eq!(v("Episode Rating"), None);
        assert_eq!(v("Rating: A story of love"), None);
        assert_eq!(v("Final grade, this episode: C minus."), Some((2.5, "C minus".into())));
        assert_eq!(v("Sullywood Rating: 7/10"), Some((3.5, "7/10".into())));
        // tests/corpus/pages/1428-chainsaw-man-e7-filmyhype.txt: a site's name with its domain.
        assert_eq!(
            v("Filmyhype.com Ratings: 3.5/5 (three and a half stars) [yasr_overall_rating size=”large”]"),
            Some((3.5, "3.5/5".into()))
        );
        assert_eq!(v("Final Review 9/10"), Some((4.5, "9/10".into())));
        assert_eq!(v("Episode Review 8.9 / 10.0"), Some((4.45, "8.9 / 10.0".into())));
        assert_eq!(v("Rating: 4.5"), Some((4.5, "4.5".into())));
        assert_eq!(v("Score: 7.5"), Some((3.75, "7.5".into())));
        assert_eq!(v("Rating: 8/10 – a great hour"), Some((4.0, "8/10".into())));
        assert_eq!(v("Rating: ★★★★☆ (4/5)"), Some((4.0, "★★★★☆".into())));
        assert_eq!(v("Grade: B+ (very good)"), Some((4.25, "B+".into())));
        assert_eq!(v("IMDb rating: 8.1/10"), None);
        // sampensfire.com on The Last of Us episode 2 (the corpus's 1010): the overall score
        // above the per-part ones ("Story 8.8/10").
        assert_eq!(v("Overall: 9.0/10"), Some((4.5, "9.0/10".into())));
        assert_eq!(v("Overall, a fine hour."), None);
        let p = |s| parse_prose(s).map(|r| r.rating.value);
        assert_eq!(p("All in all, I give this episode an 8/10."), Some(4.0));
        assert_eq!(p("It gets 4 out of 5 stars from me."), Some(4.0));
        assert_eq!(p("Sol is 1/2 of the duo."), None);
        // undeadearth.com on The Walking Dead 3x08.
        assert_eq!(p("So I’m mad and giving it a 3 out of 5."), Some(3.0));
        assert_eq!(p("Giving 3 out of 5 kids a cold is no rating."), None);
        // abriefingwithmichael.com on Two 1x04.
        assert_eq!(
            p("Very exciting and completely different to anything else on TV. 10/10"),
            Some(5.0)
        );
        assert_eq!(p("It aired at 9/10 central."), None);
        // gfpods.com on Alien: Earth episode 4 (the corpus's 457).
        assert_eq!(p("Strong ideas carry it across the finish line. 7 out of 10."), Some(3.5));
        // compendionerd.com.br on La Casa de Papel 1x08 (458).
        assert_eq!(v("Classificação Final: 3/5"), Some((3.0, "3/5".into())));
        assert_eq!(v("Nota: solo los miembros de este blog pueden publicar comentarios."), None);
        // culturess.com's slide counter beside a headline (460), not a rating.
        assert_eq!(v("1 of 4"), None);
        assert_eq!(five("3 of 4 stars"), Some(3.75));
        // rereflektion.blogspot.com on Ringer 1x03 (the corpus's 573).
        assert_eq!(
            p("Übrigens..für diese Folge vergebe ich mal wieder 8 von 10 *Sternchen*!"),
            Some(4.0)
        );
        assert_eq!(p("Ich gebe zu, dass die Folge 3 von 10 Minuten verschenkt."), None);
    }

    /// Scores as reviews print them beside a verdict or write them in a sentence.
    #[test]
    fn scores_with_verdicts_halves_and_grades_in_sentences() {
        let v = |s| parse_line(s).map(|r| (r.rating.value, r.display));
        assert_eq!(v("7/10 – Good"), Some((3.5, "7/10".into())));
        assert_eq!(v("8/10 - Great episode"), Some((4.0, "8/10".into())));
        assert_eq!(v("★★★☆☆ (3/5)"), Some((3.0, "★★★☆☆".into())));
        assert_eq!(v("Rating: 4½/5"), Some((4.5, "4½/5".into())));
        assert_eq!(v("Rating: 4 1/2 stars"), Some((4.5, "4 1/2 stars".into())));
        assert_eq!(v("3 1/2 out of 5"), Some((3.5, "3 1/2 out of 5".into())));
        // A date or a count opening a line is no score.
        assert_eq!(v("9/11 – the day everything changed"), None);
        assert_eq!(v("7/10 – and then the long road to the finale begins again"), None);
        assert_eq!(v("4 1/2 hours later"), None);
        let p = |s| parse_prose(s).map(|r| (r.rating.value, r.display));
        // splatterpunkzine.com on The Last of Us episode 3 (the corpus's 237).
        assert_eq!(
            p("the only way to properly get how amazing their performances is to watch the \
               episode yourself. I give “Long Long Time” 10 cassette tapes out of 10."),
            Some((5.0, "10 cassette tapes out of 10".into()))
        );
        assert_eq!(p("This episode gets a B+ from me."), Some((4.25, "B+".into())));
        assert_eq!(p("I give it an A- for ambition."), Some((4.5, "A-".into())));
        assert_eq!(p("I give it a big hug and a 4 out of 10 in my heart."), None);
        assert_eq!(p("This one earns a 4/5."), Some((4.0, "4/5".into())));
        assert_eq!(p("A tidy hour. My score: 8/10."), Some((4.0, "8/10".into())));
        assert_eq!(p("It holds an IMDb rating: 8.1/10 so far."), None);
        assert_eq!(p("I gave 3 friends out of 10 a call."), None);
    }

    /// 513-equalizer-s5e2-critica-perambranews.txt: the critic named after the label, and a
    /// decimal comma on both sides of the slash.
    #[test]
    fn a_label_naming_the_critic() {
        let r = parse_labelled("Avaliação da crítica: 3,5 / 5,0").expect("a rating");
        assert_eq!((r.rating.value, r.rating.out_of), (3.5, 5.0));
        assert!(parse_labelled("Nota do crítico: 8/10").is_some());
        // univision.com on The Walking Dead 1x02 (the corpus's 619): Spanish "Puntaje".
        let r = parse_labelled("Puntaje: 8/10- Otro soberbio episodio para una serie")
            .expect("a rating");
        assert_eq!((r.rating.value, r.rating.out_of, r.display.as_str()), (4.0, 5.0, "8/10"));
        let long = "Puntaje: 8/10- Otro soberbio episodio para una serie que está demostrando el \
                    enorme potencial televisivo de los comics.";
        assert_eq!(parse_line(long).map(|r| r.rating.value), Some(4.0));
        assert_eq!(parse_line(&format!("Rating agencies say {}", "x".repeat(80))), None);
    }

    /// The words for a score in Italian, German, Polish, Dutch and Turkish label it as
    /// "Rating" and "Puntaje" do.
    #[test]
    fn more_score_labels() {
        // tests/corpus/pages/668-game-of-thrones-5x05-it-telefilmelibri.txt
        let r = parse_line("Voto: 5.5").expect("a rating");
        assert_eq!((r.rating.value, r.rating.out_of, r.display.as_str()), (2.75, 5.0, "5.5"));
        assert!(parse_line("Bewertung: 4/5").is_some());
        assert!(parse_line("Punteggio: 7/10").is_some());
        assert_eq!(parse_line("Voto: per favore"), None);
        // tests/corpus/pages/1776-toradora-e19-20-psychsouljam.txt: a plural in brackets, and a
        // verdict making the line long.
        let r = parse_line(
            "Episode Rating(s): 8/10 (plot finally gets moving, climax should come within an episode or two)",
        )
        .expect("a rating");
        assert_eq!((r.rating.value, r.rating.out_of), (4.0, 5.0));
    }
}
