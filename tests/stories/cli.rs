//! `recapbot import`, `recaps`, `migrate` as an operator runs them: the binary, its output
//! and exit status, and what ends up in the database.

use std::io::Write;
use std::net::SocketAddr;
use std::process::{Command, Output, Stdio};

use crate::support::{sample_article, TestDb};
use axum::http::header;
use axum::routing::get;

pub fn recapbot(database_url: &str, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_recapbot"))
        .args(args)
        .env("DATABASE_URL", database_url)
        .env_remove("RUST_LOG")
        .env_remove("RECAPBOT_ALLOW_PRIVATE_URLS")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("recapbot binary runs");
    let mut pipe = child.stdin.take().unwrap();
    if let Some(input) = stdin {
        pipe.write_all(input.as_bytes()).unwrap();
    }
    drop(pipe);
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn sample_path() -> String {
    sample_article().display().to_string()
}

/// A recap site on loopback: the sample as HTML, a PNG, and a 404.
async fn recap_site() -> SocketAddr {
    let html = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/soundtrack-1-s01e02.html"),
    )
    .unwrap();
    let app = axum::Router::new()
        .route(
            "/recap",
            get(
                move || async move { ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html) },
            ),
        )
        .route(
            "/poster.png",
            get(|| async {
                ([(header::CONTENT_TYPE, "image/png")], vec![0x89u8, b'P', b'N', b'G'])
            }),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    addr
}

async fn recap_count(db: &TestDb) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM recaps")
        .fetch_one(recapbot::harness::pool(&db.store))
        .await
        .unwrap()
}

async fn importing_twice_reports_imported_then_unchanged(db: TestDb) {
    let first = recapbot(&db.url, &["import", &sample_path()], None);
    assert!(first.status.success(), "{}", text(&first.stderr));
    assert!(text(&first.stderr).contains("imported: Soundtrack #1 — S1E2"));
    assert!(text(&first.stderr).contains("1 imported, 0 updated, 0 unchanged, 0 failed"));

    let second = recapbot(&db.url, &["import", &sample_path()], None);
    assert!(second.status.success());
    assert!(text(&second.stderr).contains("0 imported, 0 updated, 1 unchanged, 0 failed"));
    assert_eq!(recap_count(&db).await, 1);

    let listed = recapbot(&db.url, &["recaps", "--show", "soundtrack 1"], None);
    assert_eq!(
        text(&listed.stdout),
        "Soundtrack #1 — S1E2 · Track 2 – A picture is worth a thousand words · local · 2388 chars\n1 recap(s)\n"
    );
    // The one show resolver, as /recap has it: a typo gets "did you mean", not a guess.
    let typo = recapbot(&db.url, &["recaps", "--show", "soundtrak"], None);
    assert!(!typo.status.success());
    assert!(
        text(&typo.stderr).contains("No show called “soundtrak”. Did you mean Soundtrack #1?"),
        "{}",
        text(&typo.stderr)
    );
}

async fn a_batch_with_bad_files_imports_the_good_one_and_names_each_failure(db: TestDb) {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path.display().to_string()
    };
    let empty = write("empty.txt", b"   \n\n");
    let binary = write("photo.txt", &[0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0xfe]);
    let huge = write("huge.txt", &vec![b'a'; 6 * 1024 * 1024]);
    let not_recap =
        write("listicle.txt", b"Top 10 K-dramas of 2024\n\nOur favourite shows this year.");
    let no_body = write("no-body.txt", b"Soundtrack #1 Season 1 Episode 3 Recap\n");
    let missing = dir.path().join("missing.txt").display().to_string();

    let out = recapbot(
        &db.url,
        &["import", &empty, &sample_path(), &binary, &huge, &not_recap, &no_body, &missing],
        None,
    );
    let stderr = text(&out.stderr);
    assert!(!out.status.success(), "a failed input makes the exit status non-zero");
    assert!(stderr.contains("1 imported, 0 updated, 0 unchanged, 6 failed"), "{stderr}");
    let failure = |path: &str| {
        stderr
            .lines()
            .find(|l| l.starts_with(&format!("failed: {path}: ")))
            .unwrap_or_else(|| panic!("{stderr}"))
            .to_string()
    };
    assert!(failure(&empty).contains("empty"));
    assert!(failure(&binary).contains("binary data"));
    assert!(failure(&huge).contains("larger than the 5 MB"));
    assert!(failure(&not_recap)
        .contains("no show/season/episode found in the headline \"Top 10 K-dramas of 2024\""));
    assert!(failure(&no_body).contains("no recap paragraphs"));
    assert!(failure(&missing).contains("cannot read it"));
    assert_eq!(recap_count(&db).await, 1, "only the good article is stored");
}

async fn json_output_has_one_object_per_recap_with_the_documented_keys(db: TestDb) {
    let out = recapbot(&db.url, &["import", "--json", &sample_path()], None);
    let lines: Vec<String> = text(&out.stdout).lines().map(String::from).collect();
    assert_eq!(lines.len(), 1);
    let value: serde_json::Value = serde_json::from_str(&lines[0]).unwrap();
    let keys: Vec<&str> = value.as_object().unwrap().keys().map(String::as_str).collect();
    let mut expected =
        ["show", "season", "episode", "episode_end", "title", "recap", "review", "rating", "url"];
    expected.sort();
    let mut keys = keys;
    keys.sort();
    assert_eq!(keys, expected);
    assert_eq!(value["show"], "Soundtrack #1");
    assert_eq!(value["season"], 1);
    assert_eq!(value["episode"], 2);
    assert_eq!(value["title"], "Track 2 – A picture is worth a thousand words");
}

async fn dry_run_parses_and_stores_nothing(db: TestDb) {
    let out = recapbot(&db.url, &["import", "--dry-run", "--json", &sample_path()], None);
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("\"show\":\"Soundtrack #1\""));
    assert!(text(&out.stderr).contains("1 parsed (dry run, nothing stored), 0 failed"));
    assert_eq!(recap_count(&db).await, 0);
}

async fn stdin_with_hints_fills_what_the_headline_lacks(db: TestDb) {
    let article = "Our thoughts on this week's episode\n\nThe pair finally talk about the song.\n";
    let out = recapbot(
        &db.url,
        &["import", "-", "--show", "Soundtrack #1", "--season", "1", "--episode", "3"],
        Some(article),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("imported: Soundtrack #1 — S1E3 (<stdin>)"));
}

async fn urls_are_fetched_and_bad_responses_explained(db: TestDb) {
    let site = recap_site().await;
    let page = format!("http://{site}/recap");
    let png = format!("http://{site}/poster.png");
    let gone = format!("http://{site}/gone");
    let closed = "http://127.0.0.1:1/recap".to_string();
    // The operator's fetches follow the one address policy: loopback is refused unless the
    // operator allows private addresses.
    let refused = tokio::task::spawn_blocking({
        let (url, page) = (db.url.clone(), page.clone());
        move || recapbot(&url, &["import", &page], None)
    })
    .await
    .unwrap();
    assert!(!refused.status.success());
    assert!(
        text(&refused.stderr).contains("127.0.0.1, a private address: not fetched"),
        "{}",
        text(&refused.stderr)
    );
    assert_eq!(recap_count(&db).await, 0);

    let out = tokio::task::spawn_blocking({
        let url = db.url.clone();
        let args = [
            "import".to_string(),
            "--allow-private-urls".to_string(),
            page.clone(),
            png.clone(),
            gone.clone(),
            closed.clone(),
        ];
        move || recapbot(&url, &args.iter().map(String::as_str).collect::<Vec<_>>(), None)
    })
    .await
    .unwrap();
    let stderr = text(&out.stderr);
    assert!(stderr.contains(&format!("imported: Soundtrack #1 — S1E2 ({page})")), "{stderr}");
    assert!(
        stderr.contains(&format!("failed: {png}: it is image/png, not an HTML or text page")),
        "{stderr}"
    );
    assert!(stderr.contains(&format!("failed: {gone}: the server answered HTTP 404")), "{stderr}");
    assert!(stderr.contains(&format!("failed: {closed}: cannot fetch it")), "{stderr}");
    assert!(stderr.contains("1 imported, 0 updated, 0 unchanged, 3 failed"));
    let recap = db.store.list_recaps(None).await.unwrap().pop().unwrap();
    assert_eq!(recap.rating.map(|r| r.to_string()).as_deref(), Some("4/5"));
    assert!(recap.url.is_some());
}

async fn migrate_reports_and_is_idempotent(db: TestDb) {
    // The scratch database is migrated already: nothing left to apply.
    let out = recapbot(&db.url, &["migrate"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("0 migration(s) applied"));
}

async fn an_alias_finds_the_show_and_its_recaps(db: TestDb) {
    assert!(recapbot(&db.url, &["import", &sample_path()], None).status.success());
    let out = recapbot(&db.url, &["shows", "alias", "soundtrack 1", "OST One"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "“OST One” now finds Soundtrack #1\n");
    let listed = recapbot(&db.url, &["recaps", "--show", "OST One"], None);
    assert!(text(&listed.stdout).starts_with("Soundtrack #1 — S1E2"), "{}", text(&listed.stdout));
    let unknown = recapbot(&db.url, &["shows", "alias", "soundtrak", "x"], None);
    assert!(!unknown.status.success());
    assert!(
        text(&unknown.stderr).contains("Did you mean Soundtrack #1?"),
        "{}",
        text(&unknown.stderr)
    );
    // The plain query still ranks shows.
    let ranked = recapbot(&db.url, &["shows", "sound"], None);
    assert!(text(&ranked.stdout).contains("Soundtrack #1"), "{}", text(&ranked.stdout));
}

backend_tests!(
    an_alias_finds_the_show_and_its_recaps,
    importing_twice_reports_imported_then_unchanged,
    a_batch_with_bad_files_imports_the_good_one_and_names_each_failure,
    json_output_has_one_object_per_recap_with_the_documented_keys,
    dry_run_parses_and_stores_nothing,
    stdin_with_hints_fills_what_the_headline_lacks,
    urls_are_fetched_and_bad_responses_explained,
    migrate_reports_and_is_idempotent,
);

#[test]
fn a_fresh_directory_gets_its_sqlite_file_on_first_use() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_recapbot"))
        .args(["import", &sample_path()])
        .current_dir(dir.path())
        .env_remove("DATABASE_URL")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(dir.path().join("recapbot.db").exists());
}

#[test]
fn help_lists_the_commands() {
    let out = Command::new(env!("CARGO_BIN_EXE_recapbot")).arg("--help").output().unwrap();
    let help = text(&out.stdout);
    for command in ["import", "migrate", "recaps", "shows", "bench"] {
        assert!(help.contains(command), "{help}");
    }
}

/// A fresh directory under the system's temporary directory, for a story's own files.
fn scratch_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("recapbot-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `count` real-shaped articles: the sample with its episode number changed.
fn articles(dir: &std::path::Path, episodes: std::ops::Range<u32>) {
    let sample = std::fs::read_to_string(sample_article()).unwrap();
    std::fs::create_dir_all(dir).unwrap();
    for episode in episodes {
        let text = sample.replacen("Episode 2 Recap", &format!("Episode {episode} Recap"), 1);
        std::fs::write(dir.join(format!("e{episode:03}.txt")), text).unwrap();
    }
}

/// Two imports at once on the embedded SQLite default, and processes migrating a new file at
/// once: every article lands, no process fails.
#[test]
fn processes_share_one_sqlite_file() {
    let dir = scratch_dir("shared-sqlite");
    let url = format!("sqlite://{}", dir.join("recapbot.db").display());
    let migrating: Vec<_> = (0..8)
        .map(|_| {
            let url = url.clone();
            std::thread::spawn(move || recapbot(&url, &["migrate"], None))
        })
        .collect();
    for process in migrating {
        let out = process.join().unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
    }

    articles(&dir.join("a"), 1..61);
    articles(&dir.join("b"), 61..121);
    let importing: Vec<_> = ["a", "b"]
        .into_iter()
        .map(|part| {
            let (url, path) = (url.clone(), dir.join(part).display().to_string());
            std::thread::spawn(move || recapbot(&url, &["import", &path], None))
        })
        .collect();
    for process in importing {
        let out = process.join().unwrap();
        let stderr = text(&out.stderr);
        assert!(out.status.success(), "{stderr}");
        assert!(stderr.contains("60 imported, 0 updated, 0 unchanged, 0 failed"), "{stderr}");
    }
    let listed = recapbot(&url, &["recaps"], None);
    assert!(text(&listed.stdout).ends_with("120 recap(s)\n"), "{}", text(&listed.stdout));
    let _ = std::fs::remove_dir_all(&dir);
}
