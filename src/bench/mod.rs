//! `recapbot bench`: import and lookup figures on fresh SQLite and PostgreSQL databases.
//!
//! Figures are medians and percentiles of one run on a shared machine: compare backends
//! as ratios within a run, not across runs.

use std::time::{Duration, Instant};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

pub mod corpus;
mod discord;
pub mod queries;

use crate::harness::scratch::{Scratch, TEST_DATABASE_URL};
use crate::recap::{Article, CriticRating};
use crate::store::{Backend, Store};

#[derive(Debug, Clone, Copy, clap::Args)]
pub struct BenchOptions {
    /// Shows to create, one recap each.
    #[arg(long, default_value_t = 10_000)]
    pub shows: usize,
    /// Show lookups to time.
    #[arg(long, default_value_t = 10_000)]
    pub lookups: usize,
    /// /recap requests to time against the fake Discord (0 skips it).
    #[arg(long, default_value_t = 2_000)]
    pub requests: usize,
    /// Episodes per show in the /recap latency store (5 × 10,000 shows = 50,000 recaps).
    #[arg(long, default_value_t = 5)]
    pub episodes_per_show: usize,
    /// Reaction events to time from the gateway to the database (0 skips it).
    #[arg(long, default_value_t = 5_000)]
    pub reactions: usize,
    /// Subscribed channels for the alert fan-out (0 skips it).
    #[arg(long, default_value_t = 1_000)]
    pub channels: usize,
    /// Feeds answering 304 to poll (0 skips it).
    #[arg(long, default_value_t = 1_000)]
    pub feeds: usize,
    /// Members casting the reaction events.
    #[arg(long, default_value_t = 1_000)]
    pub members: usize,
    /// Community votes per recap in the /recap stores (2 × 500,000 recaps = 1,000,000 votes).
    #[arg(long, default_value_t = 2)]
    pub votes_per_recap: usize,
    /// Public /recaps per second, started on schedule whatever the earlier ones do, against
    /// the fake enforcing Discord's rate limits (0 skips it).
    #[arg(long, default_value_t = 200)]
    pub load_rate: u32,
    /// How long the /recap load lasts, in seconds (0 skips it).
    #[arg(long, default_value_t = 60)]
    pub load_seconds: u64,
    /// Instead of the usual run: import, index, lookup and /recap at `--shows` and at ten
    /// times as many, side by side with the resident memory, to show how each grows.
    #[arg(long)]
    pub curve: bool,
}

const ADJECTIVES: &[&str] = &[
    "Crimson", "Silent", "Golden", "Hidden", "Last", "Midnight", "Broken", "Secret", "Little",
    "Wild", "Frozen", "Endless", "Lucky", "Lonely", "Burning", "Gentle", "Hotel", "Royal",
    "Strange", "Sweet", "Dear", "Blue", "Moonlit", "Second", "Electric",
];
const NOUNS: &[&str] = &[
    "Harbor",
    "Garden",
    "Signal",
    "Doctor",
    "Kingdom",
    "Melody",
    "Detective",
    "Island",
    "Summer",
    "Letter",
    "Prosecutor",
    "Chef",
    "Witness",
    "Palace",
    "Family",
    "Mirror",
    "Runway",
    "Ghost",
    "Promise",
    "Academy",
    "Soundtrack",
    "Tale",
    "Empire",
    "Village",
    "Season",
];
const SUFFIXES: &[&str] = &[
    "",
    " #1",
    ": Reborn",
    " 2",
    "’s Diary",
    " – The Return",
    " of Seoul",
    " (2024)",
    " Café",
    " 사랑",
    " Élite",
];

/// Distinct, realistic-looking show names: "Crimson Harbor: Reborn", "Lucky Chef #1".
pub fn show_names(count: usize) -> Vec<String> {
    let mut names = Vec::with_capacity(count);
    let mut round = 0;
    'outer: loop {
        for suffix in SUFFIXES {
            for adjective in ADJECTIVES {
                for noun in NOUNS {
                    let extra =
                        if round == 0 { String::new() } else { format!(" Vol. {}", round + 1) };
                    names.push(format!("{adjective} {noun}{suffix}{extra}"));
                    if names.len() == count {
                        break 'outer;
                    }
                }
            }
        }
        round += 1;
    }
    names
}

fn article(show: &str, i: usize) -> Article {
    Article {
        show: show.to_string(),
        aliases: Vec::new(),
        season: 1 + (i % 3) as u32,
        episode: 1 + (i % 16) as u32,
        episode_end: None,
        title: Some(format!("Chapter {i}")),
        recap: format!("Episode {} of {show} begins where we left off. ", i % 16 + 1).repeat(20),
        review: Some("A solid episode with a strong ending.".repeat(5)),
        rating: Some(CriticRating::new((i % 5 + 1) as f32, 5.0)),
        url: Some(format!("https://recaps.example/{i}")),
        published_at: None,
    }
}

/// Zero when nothing was timed (`--requests 0`), instead of an index out of bounds.
fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let last = sorted.len().saturating_sub(1);
    sorted.get((last as f64 * p).round() as usize).copied().unwrap_or_default()
}

fn micros(d: Duration) -> String {
    format!("{:.1} µs", d.as_secs_f64() * 1e6)
}

struct Figures {
    imports_per_sec: f64,
    index_build: Duration,
    lookup_median: Duration,
    lookup_p99: Duration,
    /// Per kind of query: (queries, times the intended show came first).
    top1: Vec<(queries::Kind, usize, usize)>,
}

async fn run_on(store: &Store, options: BenchOptions) -> anyhow::Result<Figures> {
    let names = show_names(options.shows);
    let articles: Vec<Article> = names.iter().enumerate().map(|(i, n)| article(n, i)).collect();

    let started = Instant::now();
    for article in &articles {
        store.save_article(article).await?;
    }
    let imports_per_sec = articles.len() as f64 / started.elapsed().as_secs_f64();

    let started = Instant::now();
    store.show_index().await?;
    let index_build = started.elapsed();

    let mut rng = StdRng::seed_from_u64(7);
    let maker = queries::QueryMaker::new(&names);
    let mut timings = Vec::with_capacity(options.lookups);
    let mut top1: Vec<_> = queries::Kind::ALL.iter().map(|k| (*k, 0, 0)).collect();
    for _ in 0..options.lookups {
        let target = rng.gen_range(0..names.len());
        let (kind, query) = maker.query(target, &mut rng);
        let started = Instant::now();
        let matches = store.search_shows(&query, 25).await?;
        timings.push(started.elapsed());
        let tally = top1.iter_mut().find(|(k, _, _)| *k == kind).expect("every kind is tallied");
        tally.1 += 1;
        if matches.first().is_some_and(|m| m.name == names[target]) {
            tally.2 += 1;
        }
    }
    timings.sort();
    Ok(Figures {
        imports_per_sec,
        index_build,
        lookup_median: percentile(&timings, 0.5),
        lookup_p99: percentile(&timings, 0.99),
        top1,
    })
}

fn print_figures(backend: &str, options: BenchOptions, f: &Figures) {
    println!("{backend}:");
    println!(
        "  import:  {} recaps at {:.0} imports/s (one transaction each)",
        options.shows, f.imports_per_sec
    );
    println!(
        "  index:   built over {} shows in {:.1} ms",
        options.shows,
        f.index_build.as_secs_f64() * 1e3
    );
    let hits: usize = f.top1.iter().map(|(_, _, hits)| hits).sum();
    println!(
        "  lookup:  {} queries, median {}, p99 {}; top result was the intended show {:.1}% of the time",
        options.lookups,
        micros(f.lookup_median),
        micros(f.lookup_p99),
        100.0 * hits as f64 / options.lookups.max(1) as f64
    );
    let by_kind: Vec<String> = f
        .top1
        .iter()
        .map(|(kind, n, hits)| {
            format!("{} {:.1}%", kind.label(), 100.0 * *hits as f64 / (*n).max(1) as f64)
        })
        .collect();
    println!("           by kind of query: {}", by_kind.join(", "));
}

/// The process's resident memory, from /proc/self/status (Linux), in MiB.
fn resident_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// One size of the cost curve on one backend.
struct CurvePoint {
    figures: Figures,
    recap: discord::Latency,
    rss_mib: f64,
}

async fn curve_point(
    backend: Backend,
    options: BenchOptions,
) -> anyhow::Result<Option<CurvePoint>> {
    let scratch = match backend {
        Backend::Sqlite => Scratch::sqlite().await?,
        Backend::Postgres => match Scratch::for_backend(Backend::Postgres).await? {
            Some(pg) => pg,
            None => return Ok(None),
        },
    };
    let figures = run_on(&scratch.store, options).await?;
    let recap = discord::recap_latency_on(&scratch.store, options).await?;
    let rss_mib = resident_mib().unwrap_or(0.0);
    scratch.remove().await?;
    Ok(Some(CurvePoint { figures, recap, rss_mib }))
}

/// `--curve`: the same figures at two sizes, side by side.
async fn curve(options: BenchOptions) -> anyhow::Result<()> {
    let sizes = [options.shows, options.shows * 10];
    let recaps = |shows: usize| shows * options.episodes_per_show;
    println!(
        "recapbot bench --curve: {} and {} shows ({} and {} recaps, {} and {} votes), {} lookups, {} /recap requests",
        sizes[0],
        sizes[1],
        recaps(sizes[0]),
        recaps(sizes[1]),
        recaps(sizes[0]) * options.votes_per_recap,
        recaps(sizes[1]) * options.votes_per_recap,
        options.lookups,
        options.requests
    );
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let mut points = Vec::new();
        for shows in sizes {
            match curve_point(backend, BenchOptions { shows, ..options }).await? {
                Some(point) => points.push((shows, point)),
                None => break,
            }
        }
        let [(small, a), (large, b)] = points.as_slice() else {
            println!("\n{backend:?}: SKIPPED (set {TEST_DATABASE_URL}=postgres://… to measure it)");
            continue;
        };
        println!("\n{backend:?}            {small:>12} shows {large:>12} shows   growth");
        let rows: [(&str, f64, f64, &str); 7] = [
            (
                "/recap median",
                a.recap.median.as_secs_f64() * 1e3,
                b.recap.median.as_secs_f64() * 1e3,
                "ms",
            ),
            ("/recap p99", a.recap.p99.as_secs_f64() * 1e3, b.recap.p99.as_secs_f64() * 1e3, "ms"),
            (
                "lookup p99",
                a.figures.lookup_p99.as_secs_f64() * 1e3,
                b.figures.lookup_p99.as_secs_f64() * 1e3,
                "ms",
            ),
            (
                "index build",
                a.figures.index_build.as_secs_f64() * 1e3,
                b.figures.index_build.as_secs_f64() * 1e3,
                "ms",
            ),
            ("import rate", a.figures.imports_per_sec, b.figures.imports_per_sec, "/s"),
            (
                "recaps in memory",
                a.recap.catalogue.1.as_secs_f64() * 1e3,
                b.recap.catalogue.1.as_secs_f64() * 1e3,
                "ms",
            ),
            ("resident memory", a.rss_mib, b.rss_mib, "MiB"),
        ];
        for (name, x, y, unit) in rows {
            println!("  {name:<16} {x:>12.2} {unit:<3} {y:>12.2} {unit:<3}  ×{:.2}", y / x);
        }
        println!("  (the data grew ×{:.0})", *large as f64 / *small as f64);
        for (shows, point) in [(small, a), (large, b)] {
            if point.recap.catalogue.0 != crate::store::cache::CatalogueState::Held {
                println!("  at {shows} shows the recaps did not fit in RECAPBOT_CATALOGUE_MB: /recap read the database");
            }
        }
    }
    Ok(())
}

pub async fn run(options: BenchOptions) -> anyhow::Result<()> {
    if options.curve {
        return curve(options).await;
    }
    println!("recapbot bench: {} shows/recaps, {} lookups\n", options.shows, options.lookups);
    let sqlite = Scratch::sqlite().await?;
    let sqlite_figures = run_on(&sqlite.store, options).await?;
    print_figures("SQLite", options, &sqlite_figures);
    sqlite.remove().await?;

    match Scratch::for_backend(Backend::Postgres).await? {
        Some(pg) => {
            let pg_figures = run_on(&pg.store, options).await?;
            print_figures("PostgreSQL", options, &pg_figures);
            pg.remove().await?;
            println!(
                "\nPostgreSQL/SQLite: imports/s ×{:.2}, lookup median ×{:.2}",
                pg_figures.imports_per_sec / sqlite_figures.imports_per_sec,
                pg_figures.lookup_median.as_secs_f64() / sqlite_figures.lookup_median.as_secs_f64()
            );
        }
        None => {
            println!("\nPostgreSQL: SKIPPED (set {TEST_DATABASE_URL}=postgres://… to measure it)")
        }
    }
    if options.requests > 0 {
        discord::recap_latency(options).await?;
    }
    if options.load_rate > 0 && options.load_seconds > 0 {
        discord::recap_load(options).await?;
    }
    if options.reactions > 0 {
        discord::reaction_ingest(options).await?;
    }
    if options.channels > 0 {
        discord::fan_out(options.channels).await?;
    }
    if options.feeds > 0 {
        discord::feed_polls(options.feeds).await?;
    }
    // The intake on real pages: per-field accuracy and pages per second.
    let corpus = std::path::Path::new("tests/corpus");
    if corpus.join("corpus.jsonl").exists() {
        println!("\nreal-page corpus ({}), text alone:", corpus.display());
        println!("{}", corpus::evaluate(corpus));
        println!("\nreal-page corpus, with each page's address:");
        println!("{}", corpus::evaluate_with(corpus, true));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn generated_show_names_are_distinct_shows() {
        let names = super::show_names(10_000);
        let keys: std::collections::HashSet<String> =
            names.iter().map(|n| crate::recap::names::fold(n)).collect();
        assert_eq!(keys.len(), 10_000);
    }
}
