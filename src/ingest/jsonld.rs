//! schema.org JSON-LD (`<script type="application/ld+json">`) in an article
//! page: the episode it is about, the article's headline, the critic's rating.
//!
//! Sites (Yoast, Rank Math, news CMSs) write one object, an array of them, or
//! an `@graph`, with the episode sometimes nested in a Review's
//! `itemReviewed`; so every object up to a small depth is looked at.

use std::collections::VecDeque;

use regex::Regex;
use serde_json::Value;
use std::sync::LazyLock as Lazy;

use crate::ingest::headline;
use crate::recap::CriticRating;

/// Larger scripts are skipped unread: structured data is a few kilobytes.
pub const MAX_SCRIPT_BYTES: usize = 256 * 1024;
/// Objects looked at per page, over all scripts.
const MAX_OBJECTS: usize = 2000;
/// Nesting followed below a script's top level (serde_json itself stops at 128).
const MAX_DEPTH: usize = 16;

/// A `TVEpisode`: `partOfSeries.name`, `partOfSeason.seasonNumber`, `episodeNumber`.
#[derive(Debug, Clone, PartialEq)]
pub struct Episode {
    pub series: String,
    pub season: Option<u32>,
    pub episode: u32,
    /// The episode's own `name`, when it is more than "Episode 5".
    pub name: Option<String>,
}

impl Episode {
    /// The episode written as a headline that [`headline::parse_headline`] reads.
    pub fn headline(&self) -> String {
        match self.season {
            Some(season) => format!("{} – Season {season} Episode {}", self.series, self.episode),
            None => format!("{} – Episode {}", self.series, self.episode),
        }
    }
}

/// What a page's JSON-LD says; every field is the first found in document order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageData {
    pub episode: Option<Episode>,
    /// An article-like object's `headline`, else its `name`.
    pub headline: Option<String>,
    pub rating: Option<CriticRating>,
}

const ARTICLE_TYPES: &[&str] = &[
    "article",
    "newsarticle",
    "blogposting",
    "review",
    "criticreview",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "reviewnewsarticle",
];

fn types(object: &serde_json::Map<String, Value>) -> Vec<String> {
    let bare = |t: &str| {
        let t = t.rsplit(['/', ':']).next().unwrap_or(t);
        t.to_ascii_lowercase()
    };
    match object.get("@type") {
        Some(Value::String(t)) => vec![bare(t)],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).map(bare).collect(),
        _ => Vec::new(),
    }
}

fn text(value: Option<&Value>) -> Option<String> {
    let s = match value? {
        Value::String(s) => s.as_str(),
        // {"@value": "…"} and one-element arrays are common.
        Value::Object(o) => return text(o.get("@value")),
        Value::Array(a) => return a.iter().find_map(|v| text(Some(v))),
        _ => return None,
    };
    let s = headline::clean_text(s);
    (!s.is_empty()).then_some(s)
}

fn number(value: Option<&Value>) -> Option<f64> {
    match value? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().replace(',', ".").parse().ok(),
        Value::Array(a) => a.first().and_then(|v| number(Some(v))),
        _ => None,
    }
}

fn whole(value: Option<&Value>) -> Option<u32> {
    let n = number(value)?;
    (n.fract() == 0.0 && (1.0..10_000.0).contains(&n)).then_some(n as u32)
}

fn object(value: Option<&Value>) -> Option<&serde_json::Map<String, Value>> {
    match value? {
        Value::Object(o) => Some(o),
        Value::Array(a) => a.iter().find_map(|v| v.as_object()),
        _ => None,
    }
}

/// "Episode 3", "Ep. 3", "E03": a number, not a title.
static GENERIC_NAME_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^(?:episode|ep\.?|e)\s*\d+$").expect("valid regex"));

fn episode(o: &serde_json::Map<String, Value>) -> Option<Episode> {
    let episode = whole(o.get("episodeNumber"))?;
    let season = object(o.get("partOfSeason"));
    let series = object(o.get("partOfSeries"))
        .or_else(|| season.and_then(|s| object(s.get("partOfSeries"))))
        .and_then(|s| text(s.get("name")))?;
    let season = season.and_then(|s| whole(s.get("seasonNumber")));
    let name = text(o.get("name"))
        .filter(|n| !GENERIC_NAME_RE.is_match(n) && headline::parse_headline(n).is_none())
        .filter(|n| !n.eq_ignore_ascii_case(&series));
    Some(Episode { series, season, episode, name })
}

fn rating(o: &serde_json::Map<String, Value>) -> Option<CriticRating> {
    let r = object(o.get("reviewRating"))?;
    let value = number(r.get("ratingValue"))? as f32;
    let out_of = number(r.get("bestRating")).map_or(5.0, |b| b as f32);
    (out_of > 0.0 && out_of <= 100.0 && (0.0..=out_of).contains(&value)).then(|| CriticRating {
        value,
        out_of,
        display: Some(format!("{value}/{out_of}")),
    })
}

/// Reads the texts of a page's JSON-LD scripts. Scripts that are too large
/// or not valid JSON are skipped.
pub fn read<I: IntoIterator<Item = String>>(scripts: I) -> PageData {
    let mut data = PageData::default();
    let mut seen = 0usize;
    for script in scripts {
        if script.len() > MAX_SCRIPT_BYTES {
            continue;
        }
        let Ok(root) = serde_json::from_str::<Value>(script.trim()) else { continue };
        // Breadth first, so that top-level objects come before nested ones.
        let mut queue = VecDeque::from([(&root, 0usize)]);
        while let Some((value, depth)) = queue.pop_front() {
            if seen >= MAX_OBJECTS {
                return data;
            }
            seen += 1;
            let children: Box<dyn Iterator<Item = &Value>> = match value {
                Value::Array(items) => Box::new(items.iter()),
                Value::Object(o) => {
                    let kinds = types(o);
                    if kinds.iter().any(|t| t == "tvepisode" || t == "episode") {
                        data.episode = data.episode.take().or_else(|| episode(o));
                    }
                    if kinds.iter().any(|t| ARTICLE_TYPES.contains(&t.as_str())) {
                        data.headline = data
                            .headline
                            .take()
                            .or_else(|| text(o.get("headline")))
                            .or_else(|| text(o.get("name")));
                    }
                    data.rating = data.rating.take().or_else(|| rating(o));
                    Box::new(o.values())
                }
                _ => continue,
            };
            if depth < MAX_DEPTH {
                queue.extend(
                    children.filter(|v| v.is_object() || v.is_array()).map(|v| (v, depth + 1)),
                );
            }
        }
    }
    data
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_with_review_of_an_episode() {
        let script = r#"{"@context":"https://schema.org","@graph":[
            {"@type":"WebPage","name":"Moving Episode 5 Recap | Drama Site"},
            {"@type":["Review","Article"],"headline":"Moving Episode 5 Recap &#038; Review",
             "reviewRating":{"@type":"Rating","ratingValue":"4.5","bestRating":5},
             "itemReviewed":{"@type":"TVEpisode","name":"Secrets","episodeNumber":"5",
               "partOfSeason":{"@type":"TVSeason","seasonNumber":1},
               "partOfSeries":{"@type":"TVSeries","name":"Moving"}}}]}"#;
        let data = read([script.to_string()]);
        assert_eq!(data.headline.as_deref(), Some("Moving Episode 5 Recap & Review"));
        let episode = data.episode.expect("episode");
        assert_eq!(
            episode,
            Episode {
                series: "Moving".into(),
                season: Some(1),
                episode: 5,
                name: Some("Secrets".into())
            }
        );
        assert_eq!(episode.headline(), "Moving – Season 1 Episode 5");
        let parsed = headline::parse_headline(&episode.headline()).expect("parses");
        assert_eq!((parsed.show.as_str(), parsed.season, parsed.episode), ("Moving", 1, 5));
        assert_eq!(data.rating.map(|r| r.to_string()).as_deref(), Some("4.5/5"));
    }

    #[test]
    fn series_through_the_season_and_generic_names() {
        let script = r#"[{"@type":"http://schema.org/TVEpisode","name":"Episode 3","episodeNumber":3,
            "partOfSeason":{"seasonNumber":"2","partOfSeries":{"name":"Kingdom"}}}]"#;
        let episode = read([script.to_string()]).episode.expect("episode");
        assert_eq!(
            (episode.series.as_str(), episode.season, episode.episode),
            ("Kingdom", Some(2), 3)
        );
        assert_eq!(episode.name, None);
    }

    #[test]
    fn bad_scripts_are_skipped() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let huge =
            format!(r#"{{"@type":"Article","headline":"{}"}}"#, "x".repeat(MAX_SCRIPT_BYTES));
        let scripts = [
            "{not json".to_string(),
            deep,
            huge,
            r#"{"@type":"TVEpisode","episodeNumber":"two","partOfSeries":{"name":"X"}}"#.into(),
            r#"{"@type":"BlogPosting","name":"Queen of Tears Episode 16 Recap"}"#.into(),
        ];
        let data = read(scripts);
        assert_eq!(data.episode, None);
        assert_eq!(data.headline.as_deref(), Some("Queen of Tears Episode 16 Recap"));
    }
}
