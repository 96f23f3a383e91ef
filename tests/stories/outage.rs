//! When the world is down: a database that is corrupt, read-only or unreachable, and a
//! Discord that is slow, failing or silent. The operator gets one line saying which, soon,
//! and nothing is lost; what may recover by itself is waited for.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::Output;
use std::time::{Duration, Instant};

use crate::run::{all_output, recapbot, recapbot_command};

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
