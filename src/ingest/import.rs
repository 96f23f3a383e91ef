//! `recapbot import`: reading articles from files, stdin or URLs into the store, one
//! transaction per article, so a bad input costs only itself.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::ingest::article::{detect_format, parse_article, Article, ArticleError, Format, Hints};
use crate::ingest::charset;
use crate::ingest::fetch::{FetchError, Fetcher};
use crate::store::recaps::Saved;
use crate::store::{Store, StoreError};

/// Articles are a few kilobytes; anything this big is not one.
pub const MAX_ARTICLE_BYTES: u64 = 5 * 1024 * 1024;

/// Why one input could not be imported. Every message names what is wrong in words an
/// operator understands; the input's name is printed before it.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read it: {0}")]
    Read(#[source] std::io::Error),
    #[error("it is {} MB, larger than the {} MB an article may be", .0 / 1_000_000, MAX_ARTICLE_BYTES / 1024 / 1024)]
    TooLarge(u64),
    #[error("it is binary data, not a text, Markdown or HTML article")]
    Binary,
    #[error("cannot fetch it: {0}")]
    Fetch(String),
    #[error("the server answered HTTP {0}")]
    HttpStatus(u16),
    #[error("it is {0}, not an HTML or text page")]
    NotAnArticle(String),
    #[error("{0}")]
    Parse(#[from] ArticleError),
    #[error("{0}")]
    Store(#[from] StoreError),
    /// The page's reading did not finish: a bug in one of recapbot's rules ("reading it
    /// crashed: …"), or the runtime stopping under it ("cancelled").
    #[error("{0}")]
    Crashed(String),
}

/// Where an article comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Stdin,
    File(PathBuf),
    Url(String),
}

impl Source {
    /// `-` is stdin, `http(s)://…` a URL, anything else a path.
    pub fn parse(arg: &str) -> Source {
        if arg == "-" {
            Source::Stdin
        } else if arg.starts_with("http://") || arg.starts_with("https://") {
            Source::Url(arg.to_string())
        } else {
            Source::File(PathBuf::from(arg))
        }
    }

    /// A directory stands for the files in it (not recursive), in name order.
    pub fn expand(self) -> Vec<Source> {
        match &self {
            Source::File(path) if path.is_dir() => {
                let mut files: Vec<PathBuf> = std::fs::read_dir(path)
                    .map(|entries| {
                        entries
                            .filter_map(|e| e.ok())
                            .map(|e| e.path())
                            .filter(|p| p.is_file())
                            .collect()
                    })
                    .unwrap_or_default();
                files.sort();
                files.into_iter().map(Source::File).collect()
            }
            _ => vec![self],
        }
    }

    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "<stdin>".to_string(),
            Source::File(path) => path.display().to_string(),
            Source::Url(url) => url.clone(),
        }
    }
}

/// The raw text of an article and what it says about its own format.
#[derive(Debug)]
pub struct Fetched {
    pub text: String,
    pub format: Format,
    pub url: Option<String>,
}

/// Reads one source, enforcing the size cap and refusing binary data.
pub async fn read_source(source: &Source, fetcher: &Fetcher) -> Result<Fetched, ImportError> {
    match source {
        Source::Stdin => {
            use tokio::io::AsyncReadExt;
            let mut bytes = Vec::new();
            tokio::io::stdin()
                .take(MAX_ARTICLE_BYTES + 1)
                .read_to_end(&mut bytes)
                .await
                .map_err(ImportError::Read)?;
            check_size(bytes.len() as u64)?;
            Ok(Fetched { text: decode_text(&bytes, None)?, format: Format::Auto, url: None })
        }
        Source::File(path) => read_file(path).await,
        Source::Url(url) => fetch_url(url, fetcher).await,
    }
}

async fn read_file(path: &Path) -> Result<Fetched, ImportError> {
    let size = tokio::fs::metadata(path).await.map_err(ImportError::Read)?.len();
    check_size(size)?;
    let bytes = tokio::fs::read(path).await.map_err(ImportError::Read)?;
    file_contents(path, &bytes)
}

/// A file's bytes as `import` takes them: decoded as they declare, in the format its
/// extension names. Public so the corpus measures saved pages through this very intake.
pub fn file_contents(path: &Path, bytes: &[u8]) -> Result<Fetched, ImportError> {
    check_size(bytes.len() as u64)?;
    let format =
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("html" | "htm") => Format::Html,
            Some("md" | "markdown") => Format::Markdown,
            _ => Format::Auto,
        };
    Ok(Fetched { text: decode_text(bytes, None)?, format, url: None })
}

async fn fetch_url(url: &str, fetcher: &Fetcher) -> Result<Fetched, ImportError> {
    let page = fetcher.get(url, None, None).await.map_err(|e| match e {
        FetchError::Status(status) => ImportError::HttpStatus(status),
        other => ImportError::Fetch(other.to_string()),
    })?;
    let content_type = page.content_type.as_deref().unwrap_or("text/html").to_ascii_lowercase();
    let mime = content_type.split(';').next().unwrap_or("").trim().to_string();
    let format = match mime.as_str() {
        "text/html" | "application/xhtml+xml" => Format::Html,
        "text/markdown" => Format::Markdown,
        "text/plain" => Format::Auto,
        other => return Err(ImportError::NotAnArticle(other.to_string())),
    };
    let text = decode_text(&page.body, page.content_type.as_deref())?;
    Ok(Fetched { text, format, url: Some(page.url) })
}

fn check_size(bytes: u64) -> Result<(), ImportError> {
    if bytes > MAX_ARTICLE_BYTES {
        Err(ImportError::TooLarge(bytes))
    } else {
        Ok(())
    }
}

/// Text in the encoding the input declares (BOM, HTTP charset, `<meta>`), see
/// [`charset::decode`]; binary data is refused.
fn decode_text(bytes: &[u8], content_type: Option<&str>) -> Result<String, ImportError> {
    charset::decode(bytes, content_type).map_err(|_| ImportError::Binary)
}

/// Reads and parses one source into an article without storing it.
pub async fn load_article(
    source: &Source,
    hints: &Hints,
    fetcher: &Fetcher,
) -> Result<Article, ImportError> {
    let fetched = read_source(source, fetcher).await?;
    let hints = hints.clone();
    // Reading a page of megabytes takes a while: off the runtime's workers, so the bot's
    // other members are not kept waiting; and a rule that fails on some page fails that page,
    // not the batch or the command.
    tokio::task::spawn_blocking(move || parse_fetched(&fetched, &hints))
        .await
        .map_err(|error| ImportError::Crashed(super::poll::join_error_message(error)))?
        .map_err(ImportError::from)
}

/// Parses what [`read_source`] brought, in its format, with the address it was fetched from.
pub fn parse_fetched(fetched: &Fetched, hints: &Hints) -> Result<Article, ArticleError> {
    let format = match fetched.format {
        Format::Auto => detect_format(&fetched.text),
        known => known,
    };
    // A page's source is the address it was fetched from, never the site its canonical link
    // names (a page must not pass for, and overwrite, another site's recap). The address also
    // tells the show and episode when the page's text does not.
    let hints = match (&hints.url, &fetched.url) {
        (None, Some(url)) => Hints { url: Some(url.clone()), ..hints.clone() },
        _ => hints.clone(),
    };
    parse_article(&fetched.text, format, &hints)
}

/// What happened to one input.
#[derive(Debug)]
pub struct Outcome {
    pub source: String,
    pub result: Result<(Article, Option<Saved>), ImportError>,
}

/// Tally of a batch, printed as `3 imported, 1 updated, 0 unchanged, 1 failed`.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub imported: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub failed: usize,
    /// Parsed only (`--dry-run`).
    pub parsed: usize,
}

impl Summary {
    pub fn add(&mut self, outcome: &Outcome) {
        match &outcome.result {
            Ok((_, Some(Saved::Inserted(_)))) => self.imported += 1,
            Ok((_, Some(Saved::Updated(_)))) => self.updated += 1,
            Ok((_, Some(Saved::Unchanged(_)))) => self.unchanged += 1,
            Ok((_, None)) => self.parsed += 1,
            Err(_) => self.failed += 1,
        }
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.parsed > 0 {
            write!(f, "{} parsed (dry run, nothing stored), {} failed", self.parsed, self.failed)
        } else {
            write!(
                f,
                "{} imported, {} updated, {} unchanged, {} failed",
                self.imported, self.updated, self.unchanged, self.failed
            )
        }
    }
}

/// Imports one source: read, parse, store in one transaction (or only parse, for a dry run).
pub async fn import_one(
    store: Option<&Store>,
    source: &Source,
    hints: &Hints,
    fetcher: &Fetcher,
) -> Outcome {
    let result = async {
        let article = load_article(source, hints, fetcher).await?;
        let saved = match store {
            Some(store) => Some(store.save_article(&article).await?),
            None => None,
        };
        Ok((article, saved))
    }
    .await;
    Outcome { source: source.name(), result }
}

/// The JSON form of an imported article (`recapbot import --json`).
#[derive(Debug, Serialize)]
pub struct ArticleJson<'a> {
    pub show: &'a str,
    pub season: u32,
    pub episode: u32,
    pub episode_end: Option<u32>,
    pub title: Option<&'a str>,
    pub recap: &'a str,
    pub review: Option<&'a str>,
    /// The critic's rating on a five-point scale, whatever scale the site used.
    pub rating: Option<f32>,
    pub url: Option<&'a str>,
}

impl<'a> From<&'a Article> for ArticleJson<'a> {
    fn from(a: &'a Article) -> Self {
        ArticleJson {
            show: &a.show,
            season: a.season,
            episode: a.episode,
            episode_end: a.episode_end,
            title: a.title.as_deref(),
            recap: &a.recap,
            review: a.review.as_deref(),
            rating: a.rating.as_ref().map(|r| r.value / r.out_of * 5.0),
            url: a.url.as_deref(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE_HTML: &str = include_str!("../../tests/data/soundtrack-1-s01e02.html");

    #[tokio::test]
    async fn files_in_other_encodings_are_read_and_binary_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fetcher = Fetcher::new(crate::ingest::fetch::FetchPolicy::default());
        let expected = parse_article(SAMPLE_HTML, Format::Html, &Hints::default()).unwrap();

        // UTF-16LE with a BOM: NUL bytes everywhere, yet text.
        let utf16: Vec<u8> = std::iter::once(0xfeff_u16)
            .chain(SAMPLE_HTML.encode_utf16())
            .flat_map(u16::to_le_bytes)
            .collect();
        let path = dir.path().join("utf16.html");
        std::fs::write(&path, &utf16).expect("write");
        let article = load_article(&Source::File(path), &Hints::default(), &fetcher).await;
        assert_eq!(article.expect("UTF-16 page"), expected);

        // Windows-1252 declared in a <meta>, with a character outside ASCII.
        let page = SAMPLE_HTML
            .replacen(r#"<meta charset="UTF-8">"#, r#"<meta charset="windows-1252">"#, 1)
            .replace("&#8217;", "’");
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&page);
        assert!(!unmappable && bytes.contains(&0x92));
        let path = dir.path().join("cp1252.html");
        std::fs::write(&path, &bytes).expect("write");
        let fetched = read_source(&Source::File(path), &fetcher).await.expect("read");
        assert_eq!(fetched.text, page);

        let path = dir.path().join("image.html");
        std::fs::write(&path, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10").expect("write");
        let err = read_source(&Source::File(path), &fetcher).await.unwrap_err();
        assert!(matches!(err, ImportError::Binary), "{err:?}");
    }
}
