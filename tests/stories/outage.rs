//! When the world is down: a database that is corrupt, read-only or unreachable, and a
//! Discord that is slow, failing or silent. The operator gets one line saying which, soon,
//! and nothing is lost; what may recover by itself is waited for.

use std::io::{BufRead, BufReader};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fake_discord::FakeDiscord;
use recapbot::store::Backend;

use crate::run::{all_output, recapbot, recapbot_command};
use crate::support::bot::{sample, start_bot, start_bot_with, through_proxy, T};
use crate::support::driver::member;
use crate::support::{on, sample_article};

/// The production log filter, so stderr holds what an operator would see.
const PRODUCTION_LOG: (&str, &str) = ("RUST_LOG", "recapbot=info,warn");

/// Within this, a broken database is reported: well before sqlx's 10 s pool timeout that
/// used to end in "pool timed out while waiting for an open connection".
const PROMPTLY: Duration = Duration::from_secs(5);

/// A token of the right shape, for `run` to get as far as the database.
const WELL_FORMED_TOKEN: &str =
    "MTMwMDAwMDAwMDAwMDAwMDAwMQ.GzXyAb.abcdefghijklmnopqrstuvwxyzabcdefghijklmn12";

/// Runs `recapbot ARGS` against `database_url`, returning its output and how long it took.
fn with_database(dir: &Path, database_url: &str, args: &[&str]) -> (Output, Duration) {
    let started = Instant::now();
    let out = recapbot(
        dir,
        args,
        &[
            ("DATABASE_URL", database_url),
            ("DISCORD_TOKEN", WELL_FORMED_TOKEN),
            ("DISCORD_HTTP_PROXY", "http://127.0.0.1:9"),
            PRODUCTION_LOG,
        ],
    );
    (out, started.elapsed())
}

/// Asserts the run failed with exit status 1 and exactly one line, `expected` in it.
fn fails_with_one_line(out: &Output, took: Duration, expected: &str) {
    let text = all_output(out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "one line, not: {text}");
    assert!(lines[0].starts_with("error: ") && lines[0].contains(expected), "{text}");
    assert!(took < PROMPTLY, "took {took:?} to say: {text}");
}

#[test]
fn a_corrupt_sqlite_file_is_named_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("recapbot.db");
    let garbage = b"these bytes were never a SQLite database ".repeat(200);
    std::fs::write(&file, &garbage).unwrap();
    let url = format!("sqlite://{}", file.display());
    for args in [&["migrate"][..], &["shows"], &["run"]] {
        let (out, took) = with_database(dir.path(), &url, args);
        fails_with_one_line(
            &out,
            took,
            &format!("{} is not a SQLite database, or it is corrupt", file.display()),
        );
    }
    assert_eq!(std::fs::read(&file).unwrap(), garbage, "the file was changed");
}

/// Another process in the middle of a long write (an import) is waited for, as SQLite's busy
/// timeout allows, rather than taken for a broken database.
#[tokio::test]
async fn a_database_busy_with_another_writer_is_waited_for() {
    use sqlx::{Connection, Executor};
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("recapbot.db").display());
    let out = recapbot(
        dir.path(),
        &["import", &sample_article().display().to_string()],
        &[("DATABASE_URL", &url)],
    );
    assert!(out.status.success(), "{}", all_output(&out));
    let mut writer = sqlx::SqliteConnection::connect(&url).await.unwrap();
    writer.execute("BEGIN IMMEDIATE").await.unwrap();
    let path = dir.path().to_path_buf();
    let url_for_reader = url.clone();
    let reader = tokio::task::spawn_blocking(move || {
        recapbot(&path, &["recaps"], &[("DATABASE_URL", &url_for_reader), PRODUCTION_LOG])
    });
    tokio::time::sleep(Duration::from_secs(4)).await;
    writer.execute("ROLLBACK").await.unwrap();
    let out = reader.await.unwrap();
    let text = all_output(&out);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("Soundtrack #1 — S1E2"), "{text}");
}

/// Whether this process is root, who may write any file whatever its mode.
fn running_as_root() -> bool {
    let probe = tempfile::NamedTempFile::new().unwrap();
    probe.as_file().metadata().unwrap().uid() == 0
}

/// `recapbot ARGS` as a user to whom read-only modes apply: "nobody" when the tests run as
/// root, else the test's own user.
fn as_unprivileged(dir: &Path, database_url: &str, args: &[&str]) -> (Output, Duration) {
    let mut command =
        recapbot_command(dir, args, &[("DATABASE_URL", database_url), PRODUCTION_LOG]);
    if running_as_root() {
        command.uid(65534).gid(65534);
    }
    let started = Instant::now();
    let out = command.output().unwrap();
    (out, started.elapsed())
}

fn set_mode(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn a_read_only_database_file_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("recapbot.db");
    let url = format!("sqlite://{}", file.display());
    let out = recapbot(dir.path(), &["migrate"], &[("DATABASE_URL", &url)]);
    assert!(out.status.success(), "{}", all_output(&out));
    set_mode(dir.path(), 0o777);
    set_mode(&file, 0o444);
    for args in [&["migrate"][..], &["shows"]] {
        let (out, took) = as_unprivileged(dir.path(), &url, args);
        fails_with_one_line(&out, took, &format!("{} is read-only", file.display()));
    }
}

#[test]
fn a_read_only_directory_says_so_for_a_new_and_an_existing_database() {
    let dir = tempfile::tempdir().unwrap();
    let existing = dir.path().join("recapbot.db");
    let out = recapbot(
        dir.path(),
        &["migrate"],
        &[("DATABASE_URL", &format!("sqlite://{}", existing.display()))],
    );
    assert!(out.status.success(), "{}", all_output(&out));
    set_mode(&existing, 0o666);
    set_mode(dir.path(), 0o555);
    let expected = format!("the directory {} is read-only", dir.path().display());
    for file in [existing, dir.path().join("new.db")] {
        let url = format!("sqlite://{}", file.display());
        let (out, took) = as_unprivileged(dir.path(), &url, &["shows"]);
        fails_with_one_line(&out, took, &expected);
    }
    // The embedded default, in a working directory the bot cannot write.
    let mut command = recapbot_command(dir.path(), &["shows"], &[PRODUCTION_LOG]);
    if running_as_root() {
        command.uid(65534).gid(65534);
    }
    let started = Instant::now();
    let out = command.output().unwrap();
    fails_with_one_line(&out, started.elapsed(), "the directory . is read-only");
    set_mode(dir.path(), 0o755);
}

#[test]
fn an_unreachable_postgresql_is_named_without_its_password() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let dir = tempfile::tempdir().unwrap();
    let url = format!("postgres://recapbot:hunter2secret@127.0.0.1:{port}/recaps");
    for args in [&["migrate"][..], &["shows"], &["run"]] {
        let (out, took) = with_database(dir.path(), &url, args);
        fails_with_one_line(
            &out,
            took,
            &format!("cannot reach PostgreSQL at 127.0.0.1:{port}: connection refused"),
        );
        assert!(!all_output(&out).contains("hunter2secret"), "{}", all_output(&out));
    }
}

#[test]
fn a_database_url_of_another_kind_is_refused_without_its_password() {
    let dir = tempfile::tempdir().unwrap();
    let (out, took) =
        with_database(dir.path(), "mysql://bot:hunter2secret@127.0.0.1/recaps", &["shows"]);
    fails_with_one_line(&out, took, "unsupported DATABASE_URL \"mysql://127.0.0.1/recaps\"");
}

/// The statuses the fake answered `pattern` with, in order.
fn statuses(fake: &FakeDiscord, pattern: &str) -> Vec<u16> {
    fake.requests_to(pattern).iter().map(|r| r.status).collect()
}

async fn recap_answers(fake: &FakeDiscord) {
    let reply = member(fake, "alice").recap("Soundtrack #1", 2).await;
    assert_eq!(
        reply.title(),
        "Soundtrack #1 — S1E2 · Track 2 – A picture is worth a thousand words"
    );
}

#[tokio::test]
async fn start_up_waits_out_a_429_as_long_as_discord_asks_then_serves_recap() {
    on(Backend::Sqlite, |db| async move {
        db.store.save_article(&sample()).await.unwrap();
        let fake = FakeDiscord::start().await;
        fake.force_429_once("GET /gateway/bot", 1.5);
        fake.force_429_once("GET /oauth2/applications/@me", 0.5);
        let _bot = start_bot_with(&fake, &db, through_proxy(&fake)).await;
        for route in ["GET /oauth2/applications/@me", "GET /gateway/bot"] {
            assert_eq!(statuses(&fake, route), [429, 200], "{route}");
        }
        let calls = fake.requests_to("GET /gateway/bot");
        let waited = calls[1].at - calls[0].at;
        assert!(waited >= Duration::from_millis(1500), "retried after {waited:?}, not Retry-After");
        recap_answers(&fake).await;
    })
    .await;
}

#[tokio::test]
async fn start_up_rides_out_discord_server_errors_then_serves_recap() {
    on(Backend::Sqlite, |db| async move {
        db.store.save_article(&sample()).await.unwrap();
        let fake = FakeDiscord::start().await;
        for _ in 0..2 {
            fake.force_status_once("GET /oauth2/applications/@me", 502);
            fake.force_status_once("GET /gateway/bot", 503);
        }
        fake.force_status_once("PUT /applications/*/guilds/*/commands", 500);
        let _bot = start_bot(&fake, &db).await;
        assert_eq!(statuses(&fake, "GET /oauth2/applications/@me"), [502, 502, 200]);
        assert_eq!(statuses(&fake, "GET /gateway/bot"), [503, 503, 200]);
        assert_eq!(statuses(&fake, "PUT /applications/*/guilds/*/commands"), [500, 200]);
        let calls = fake.requests_to("GET /oauth2/applications/@me");
        assert!(
            calls[2].at - calls[1].at > calls[1].at - calls[0].at,
            "each retry waits longer than the one before"
        );
        recap_answers(&fake).await;
    })
    .await;
}

#[tokio::test]
async fn a_refused_token_ends_start_up_at_once_without_retrying() {
    on(Backend::Sqlite, |db| async move {
        let fake = FakeDiscord::start().await;
        let mut config = through_proxy(&fake);
        config.discord_token = Some(recapbot::config::Secret::new(WELL_FORMED_TOKEN));
        let started = Instant::now();
        let refused = recapbot::bot::start(&config, db.store.clone()).await.err();
        assert!(
            matches!(refused, Some(recapbot::discord::StartError::TokenRefused)),
            "{refused:?}"
        );
        assert!(started.elapsed() < PROMPTLY);
        assert_eq!(statuses(&fake, "GET /oauth2/applications/@me"), [401]);
        assert!(!fake.gateway_connected());
    })
    .await;
}

/// Reads `child`'s stderr on a thread; the lines so far, shared.
fn collect_stderr(child: &mut std::process::Child) -> Arc<Mutex<Vec<String>>> {
    let lines = Arc::new(Mutex::new(Vec::new()));
    let stderr = child.stderr.take().expect("stderr is piped");
    let sink = lines.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            sink.lock().unwrap().push(line);
        }
    });
    lines
}

/// Waits until `done` holds for the lines so far, or `within` passes.
fn wait_for_lines(
    lines: &Arc<Mutex<Vec<String>>>,
    within: Duration,
    done: impl Fn(&[String]) -> bool,
) -> Vec<String> {
    let deadline = Instant::now() + within;
    loop {
        let now = lines.lock().unwrap().clone();
        if done(&now) || Instant::now() > deadline {
            return now;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A proxy that accepts connections and reads, and never says a word; the connections it
/// holds.
fn silent_proxy() -> (u16, Arc<Mutex<Vec<std::net::TcpStream>>>) {
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = silent.local_addr().unwrap().port();
    let accepted = Arc::new(Mutex::new(Vec::new()));
    let held = accepted.clone();
    std::thread::spawn(move || {
        for stream in silent.incoming().map_while(Result::ok) {
            held.lock().unwrap().push(stream);
        }
    });
    (port, accepted)
}

/// `recapbot run` with Discord behind `proxy`, as in production; its log, line by line.
fn run_against(proxy: &str) -> (tempfile::TempDir, std::process::Child, Arc<Mutex<Vec<String>>>) {
    let dir = tempfile::tempdir().unwrap();
    let mut child = recapbot_command(
        dir.path(),
        &["run"],
        &[("DISCORD_TOKEN", WELL_FORMED_TOKEN), ("DISCORD_HTTP_PROXY", proxy), PRODUCTION_LOG],
    )
    .stdout(Stdio::null())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    let lines = collect_stderr(&mut child);
    (dir, child, lines)
}

#[test]
fn a_proxy_that_never_answers_is_reported_within_seconds_and_retried() {
    // Accepts connections and reads, and never says a word.
    let (port, accepted) = silent_proxy();
    let (_dir, mut child, lines) =
        run_against(&format!("http://recap:pr0xyPassw0rd@127.0.0.1:{port}"));
    let started = Instant::now();
    let report = format!("Discord at http://127.0.0.1:{port} is not answering");
    let seen = wait_for_lines(&lines, Duration::from_secs(20), |lines| {
        lines.iter().filter(|l| l.contains(&report)).count() >= 2
    });
    let first_report = started.elapsed();
    let still_running = child.try_wait().unwrap().is_none();
    child.kill().unwrap();
    child.wait().unwrap();
    let text = seen.join("\n");
    assert!(seen.iter().any(|l| l.contains(&report) && l.contains("retrying in 1 s")), "{text}");
    assert!(seen.iter().any(|l| l.contains(&report) && l.contains("retrying in 2 s")), "{text}");
    assert!(first_report < Duration::from_secs(20), "{text}");
    assert!(still_running, "run gave up instead of retrying: {text}");
    assert!(accepted.lock().unwrap().len() >= 2, "no second try reached the proxy");
    assert!(!text.contains("pr0xyPassw0rd") && !text.contains("recap:"), "{text}");
}

#[test]
fn a_bot_stopped_while_discord_is_not_answering_exits_at_once_and_cleanly() {
    let (port, _accepted) = silent_proxy();
    let (_dir, mut child, lines) = run_against(&format!("http://127.0.0.1:{port}"));
    // Still starting: Discord's discovery is being retried.
    let seen = wait_for_lines(&lines, Duration::from_secs(20), |lines| {
        lines.iter().any(|l| l.contains("is not answering"))
    });
    assert!(seen.iter().any(|l| l.contains("is not answering")), "{}", seen.join("\n"));
    let pid = child.id().to_string();
    assert!(std::process::Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if Instant::now() > deadline {
            child.kill().unwrap();
            break None;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let text = wait_for_lines(&lines, Duration::from_secs(1), |_| false).join("\n");
    let status = status.unwrap_or_else(|| panic!("still running 10 s after SIGTERM: {text}"));
    assert!(status.success(), "{status}: {text}");
    assert!(text.contains("terminated while starting; exiting"), "{text}");
}

#[tokio::test]
async fn neither_a_proxy_url_s_credentials_nor_the_token_appear_in_trace_logs() {
    let fake = FakeDiscord::start().await;
    // A retry is logged with the proxy's address, as is the proxy itself at start.
    fake.force_status_once("GET /gateway/bot", 502);
    let proxy = fake.proxy_url().replace("http://", "http://recap:pr0xyPassw0rd@");
    let dir = tempfile::tempdir().unwrap();
    let mut child = recapbot_command(
        dir.path(),
        &["run"],
        &[
            ("DISCORD_TOKEN", fake.token()),
            ("DISCORD_HTTP_PROXY", &proxy),
            ("DISCORD_DEV_GUILD_ID", &fake.guild_id().to_string()),
            ("RUST_LOG", "trace"),
        ],
    )
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    let lines = collect_stderr(&mut child);
    fake.wait_commands(T).await;
    let seen = tokio::task::spawn_blocking(move || {
        wait_for_lines(&lines, T, |lines| lines.iter().any(|l| l.contains("commands registered")))
    })
    .await
    .unwrap();
    child.kill().unwrap();
    let out = child.wait_with_output().unwrap();
    let text = format!("{}{}", seen.join("\n"), String::from_utf8_lossy(&out.stdout));
    let shown = fake.proxy_url();
    assert!(text.contains(&format!("through the proxy at {shown}\n")), "{text}");
    assert!(text.contains("DISCORD_HTTP_PROXY's user name and password are not sent"), "{text}");
    assert!(text.contains(&format!("Discord at {shown} answered GET /gateway/bot with HTTP 502")));
    assert!(!text.contains("pr0xyPassw0rd") && !text.contains("recap:"), "{text}");
    // Not the token either, even at the trace level, not even as the hex of a gateway frame.
    assert!(text.contains("TRACE"), "trace logging was on");
    assert!(!text.contains(fake.token()), "the token leaked");
    assert!(!text.contains(&hex::encode(fake.token())[..40]), "the token leaked in hex");
    // Not the token either, even at the trace level, not even as the hex of a gateway frame.
    assert!(text.contains("TRACE"), "trace logging was on");
    assert!(!text.contains(fake.token()), "the token leaked");
    assert!(!text.contains(&hex::encode(fake.token())[..40]), "the token leaked in hex");
}

#[test]
fn a_database_in_a_missing_directory_says_which() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("not-made-yet");
    let url = format!("sqlite://{}", missing.join("recapbot.db").display());
    let (out, took) = with_database(dir.path(), &url, &["migrate"]);
    fails_with_one_line(&out, took, &format!("the directory {} does not exist", missing.display()));
    assert!(!missing.exists(), "nothing was created");
}

#[test]
fn a_malformed_database_url_says_why_once() {
    let dir = tempfile::tempdir().unwrap();
    let (out, took) =
        with_database(dir.path(), "postgres://bot:hunter2secret@[::1/recaps", &["shows"]);
    fails_with_one_line(&out, took, "invalid IPv6 address");
    let text = all_output(&out);
    assert_eq!(text.matches("invalid IPv6 address").count(), 1, "{text}");
    assert!(!text.contains("hunter2secret"), "{text}");
}

#[test]
fn a_malformed_proxy_url_is_refused_at_once_without_its_password() {
    let dir = tempfile::tempdir().unwrap();
    for (proxy, shown) in [
        ("localhost:3000", "\"localhost:3000\""),
        ("ftp://recap:pr0xyPassw0rd@proxy.internal/", "\"ftp://proxy.internal/\""),
    ] {
        let started = Instant::now();
        let out = recapbot(
            dir.path(),
            &["run"],
            &[("DISCORD_TOKEN", WELL_FORMED_TOKEN), ("DISCORD_HTTP_PROXY", proxy), PRODUCTION_LOG],
        );
        fails_with_one_line(
            &out,
            started.elapsed(),
            &format!("DISCORD_HTTP_PROXY {shown} is not an http:// or https:// URL"),
        );
        assert!(!all_output(&out).contains("pr0xyPassw0rd"), "{}", all_output(&out));
    }
}
