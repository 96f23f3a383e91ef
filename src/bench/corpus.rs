//! Accuracy of the article parser on a corpus of real pages.
//!
//! A corpus directory holds `corpus.jsonl` (one object per page: `file`,
//! `url`, `site`, `kind` `"recap"`/`"not_recap"`, `show`, `season`,
//! `episode`, `episode_end`, `title`, `rating` as written, or `reason`) and
//! the page texts it names. [`evaluate`] reads each page as `recapbot import`
//! reads a file (charset, format by extension) and compares field by field.

use std::fmt;
use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::ingest::article::Hints;
use crate::ingest::import::{file_contents, parse_fetched};
use crate::ingest::rating;
use crate::recap::names::fold;

/// Hits out of the pages where a field was checked.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Ratio {
    pub hits: usize,
    pub total: usize,
}

impl Ratio {
    fn count(&mut self, hit: bool) {
        self.total += 1;
        self.hits += usize::from(hit);
    }

    /// Share of hits, 1.0 when nothing was checked.
    pub fn ratio(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.hits as f64 / self.total as f64
        }
    }
}

impl fmt::Display for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{} ({:.1}%)", self.hits, self.total, 100.0 * self.ratio())
    }
}

/// Per-field accuracy on a corpus.
#[derive(Debug, Clone, Default)]
pub struct CorpusReport {
    /// Pages read (recaps + non-recaps).
    pub pages: usize,
    /// Recaps imported at all.
    pub imported: Ratio,
    /// Recaps with show, season and episode right.
    pub show_season_episode: Ratio,
    /// Recaps with the right last episode (`None` included).
    pub episode_end: Ratio,
    /// Recaps whose reader gave a title: title right.
    pub title: Ratio,
    /// Recaps whose reader gave a rating: rating right (five-point value within 0.05).
    pub rating: Ratio,
    /// Non-recaps refused.
    pub refused: Ratio,
    /// Time spent in the parser.
    pub elapsed: Duration,
    /// One line per miss: file, field, expected, got.
    pub misses: Vec<String>,
    /// Lines of corpus.jsonl that could not be read.
    pub bad_entries: Vec<String>,
    /// What the parser made of every page, one line each (not printed by `Display`).
    pub parsed: Vec<String>,
}

impl CorpusReport {
    pub fn pages_per_second(&self) -> f64 {
        let secs = self.elapsed.as_secs_f64();
        if secs > 0.0 {
            self.pages as f64 / secs
        } else {
            0.0
        }
    }
}

impl fmt::Display for CorpusReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "corpus: {} pages", self.pages)?;
        writeln!(f, "  imported (recaps):        {}", self.imported)?;
        writeln!(f, "  show+season+episode:      {}", self.show_season_episode)?;
        writeln!(f, "  episode_end:              {}", self.episode_end)?;
        writeln!(f, "  title (where given):      {}", self.title)?;
        writeln!(f, "  rating (where given):     {}", self.rating)?;
        writeln!(f, "  non-recaps refused:       {}", self.refused)?;
        writeln!(f, "  speed:                    {:.0} pages/s", self.pages_per_second())?;
        for line in &self.bad_entries {
            writeln!(f, "  bad entry: {line}")?;
        }
        if !self.misses.is_empty() {
            writeln!(f, "misses:")?;
            for m in &self.misses {
                writeln!(f, "  {m}")?;
            }
        }
        Ok(())
    }
}

/// Titles compare on their folded words: case, quotes and punctuation do not count.
fn same_title(a: &str, b: &str) -> bool {
    fold(a) == fold(b)
}

fn str_field<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty())
}

fn u32_field(v: &Value, key: &str) -> Option<u32> {
    v.get(key).and_then(Value::as_u64).and_then(|n| u32::try_from(n).ok())
}

/// Reads `dir/corpus.jsonl` and the pages it names, parses each page as
/// the importer would (format detected, no hints) and compares.
pub fn evaluate(dir: &Path) -> CorpusReport {
    evaluate_with(dir, false)
}

/// [`evaluate`], optionally giving the parser each page's address (as an
/// importer that fetched the page knows it) through [`Hints::url`].
pub fn evaluate_with(dir: &Path, with_urls: bool) -> CorpusReport {
    evaluate_pages(dir, with_urls, |_| true)
}

/// [`evaluate_with`] on the pages whose file (as `corpus.jsonl` names it, "pages/001-….txt")
/// `keep` accepts: an earlier collection alone, say.
pub fn evaluate_pages(dir: &Path, with_urls: bool, keep: impl Fn(&str) -> bool) -> CorpusReport {
    let mut report = CorpusReport::default();
    let index = match std::fs::read_to_string(dir.join("corpus.jsonl")) {
        Ok(s) => s,
        Err(e) => {
            report.bad_entries.push(format!("corpus.jsonl: {e}"));
            return report;
        }
    };
    for line in index.lines().filter(|l| !l.trim().is_empty()) {
        let entry: Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                report.bad_entries.push(format!("{e}: {line}"));
                continue;
            }
        };
        let Some(file) = str_field(&entry, "file") else {
            report.bad_entries.push(format!("no file: {line}"));
            continue;
        };
        if !keep(file) {
            continue;
        }
        let bytes = match std::fs::read(dir.join(file)) {
            Ok(b) => b,
            Err(e) => {
                report.bad_entries.push(format!("{file}: {e}"));
                continue;
            }
        };
        let started = Instant::now();
        let hints = Hints {
            url: str_field(&entry, "url").filter(|_| with_urls).map(String::from),
            ..Hints::default()
        };
        // Exactly `recapbot import FILE`'s intake: the charset the page declares, the format
        // its extension names (a saved `.html` page is read as HTML, an excerpt sniffed).
        let parsed = file_contents(Path::new(file), &bytes)
            .map_err(|e| e.to_string())
            .and_then(|fetched| parse_fetched(&fetched, &hints).map_err(|e| e.to_string()));
        report.elapsed += started.elapsed();
        report.pages += 1;
        report.parsed.push(match &parsed {
            Ok(a) => format!(
                "{file}: {:?} S{}E{}{} title={:?} rating={:?} recap={:?}",
                a.show,
                a.season,
                a.episode,
                a.episode_end.map(|e| format!("-{e}")).unwrap_or_default(),
                a.title,
                a.rating.as_ref().map(|r| r.to_string()),
                a.recap.chars().take(60).collect::<String>()
            ),
            Err(e) => format!("{file}: error: {e}"),
        });
        let mut miss = |field: &str, expected: String, got: String| {
            report.misses.push(format!("{file}: {field}: expected {expected}, got {got}"));
        };

        if str_field(&entry, "kind") == Some("not_recap") {
            let refused = parsed.is_err();
            if let Ok(a) = &parsed {
                miss(
                    "refusal",
                    format!("refused ({})", str_field(&entry, "reason").unwrap_or("not a recap")),
                    format!("{} S{}E{}", a.show, a.season, a.episode),
                );
            }
            report.refused.count(refused);
            continue;
        }

        let article = match parsed {
            Ok(a) => a,
            Err(e) => {
                report.imported.count(false);
                report.show_season_episode.count(false);
                report.episode_end.count(false);
                if let Some(t) = str_field(&entry, "title") {
                    report.title.count(false);
                    let _ = t;
                }
                if str_field(&entry, "rating").is_some() {
                    report.rating.count(false);
                }
                miss("import", "a recap".into(), format!("error: {e}"));
                continue;
            }
        };
        report.imported.count(true);

        let show = str_field(&entry, "show").unwrap_or("");
        let season = u32_field(&entry, "season").unwrap_or(1);
        let episode = u32_field(&entry, "episode").unwrap_or(0);
        let sse = fold(show) == fold(&article.show)
            && season == article.season
            && episode == article.episode;
        if !sse {
            miss(
                "show+season+episode",
                format!("{show:?} S{season}E{episode}"),
                format!("{:?} S{}E{}", article.show, article.season, article.episode),
            );
        }
        report.show_season_episode.count(sse);

        let end = u32_field(&entry, "episode_end").filter(|&e| e != episode);
        let end_ok = end == article.episode_end;
        if !end_ok {
            miss("episode_end", format!("{end:?}"), format!("{:?}", article.episode_end));
        }
        report.episode_end.count(end_ok);

        if let Some(t) = str_field(&entry, "title") {
            let ok = article.title.as_deref().is_some_and(|got| same_title(got, t));
            if !ok {
                miss("title", format!("{t:?}"), format!("{:?}", article.title));
            }
            report.title.count(ok);
        }

        if let Some(r) = str_field(&entry, "rating") {
            let expected = rating::parse_any(r).map(|p| p.rating.value);
            let got = article.rating.clone().map(|c| rating::to_five(c).value);
            let ok = matches!((expected, got), (Some(e), Some(g)) if (e - g).abs() <= 0.05);
            if !ok {
                miss("rating", format!("{r:?} ({expected:?}/5)"), format!("{got:?}/5"));
            }
            report.rating.count(ok);
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evaluates_a_tiny_corpus() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("pages")).unwrap();
        std::fs::write(
            dir.path().join("pages/a.txt"),
            "Moving Episodes 3 & 4 Recap\n\nBong-Seok flies.\n\nRating: 8/10\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("pages/b.txt"), "Top 10 K-dramas of 2024\n\nList.\n")
            .unwrap();
        let index = [
            r#"{"file":"pages/a.txt","kind":"recap","show":"moving","season":1,"episode":3,"episode_end":4,"title":null,"rating":"8/10"}"#,
            r#"{"file":"pages/b.txt","kind":"not_recap","reason":"list"}"#,
        ]
        .join("\n");
        std::fs::write(dir.path().join("corpus.jsonl"), index).unwrap();
        let r = evaluate(dir.path());
        assert_eq!(r.pages, 2, "{r}");
        assert_eq!(r.show_season_episode, Ratio { hits: 1, total: 1 }, "{r}");
        assert_eq!(r.episode_end, Ratio { hits: 1, total: 1 }, "{r}");
        assert_eq!(r.rating, Ratio { hits: 1, total: 1 }, "{r}");
        assert_eq!(r.refused, Ratio { hits: 1, total: 1 }, "{r}");
        assert!(r.to_string().contains("pages/s"));
        // One collection alone.
        let r = evaluate_pages(dir.path(), false, |f| f == "pages/b.txt");
        assert_eq!((r.pages, r.refused), (1, Ratio { hits: 1, total: 1 }), "{r}");
    }
}
