//! `recapbot run` and `recapbot sandbox` as an operator starts them: the binary, its one-line
//! errors, and never the token in any output.

use std::process::{Command, Output, Stdio};
use std::time::Duration;

use fake_discord::{FakeConfig, FakeDiscord};

/// `recapbot ARGS` in `dir` with only `env` configured, as an operator would start it.
pub(crate) fn recapbot(dir: &std::path::Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    recapbot_command(dir, args, env).output().unwrap()
}

/// The command [`recapbot`] runs, for a test that needs to change or watch it.
pub(crate) fn recapbot_command(
    dir: &std::path::Path,
    args: &[&str],
    env: &[(&str, &str)],
) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_recapbot"));
    command
        .args(args)
        .current_dir(dir)
        .env_remove("DISCORD_TOKEN")
        .env_remove("DATABASE_URL")
        .env_remove("DISCORD_HTTP_PROXY")
        .env("RUST_LOG", "debug")
        .stdin(Stdio::null());
    for (k, v) in env {
        command.env(k, v);
    }
    command
}

pub(crate) fn all_output(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

#[test]
fn run_without_a_token_says_how_to_get_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = recapbot(dir.path(), &["run"], &[]);
    assert!(!out.status.success());
    assert!(all_output(&out).contains("DISCORD_TOKEN is not set"), "{}", all_output(&out));
}

#[test]
fn a_malformed_token_is_refused_before_connecting_and_not_printed() {
    let dir = tempfile::tempdir().unwrap();
    let token = "definitely-not-a-token";
    let out = recapbot(dir.path(), &["run"], &[("DISCORD_TOKEN", token)]);
    assert!(!out.status.success());
    let text = all_output(&out);
    assert!(text.contains("DISCORD_TOKEN is malformed"), "{text}");
    assert!(!text.contains(token), "the token leaked: {text}");
}

#[tokio::test]
async fn a_token_discord_refuses_ends_with_one_clear_line_and_no_token_in_the_logs() {
    let fake = FakeDiscord::start_with(FakeConfig::default()).await;
    // Well-formed, but not the token the fake Discord knows.
    let wrong = "MTMwMDAwMDAwMDAwMDAwMDAwMQ.GzXyAb.wrongwrongwrongwrongwrongwrongwrongwrong12";
    let dir = tempfile::tempdir().unwrap();
    let proxy = fake.proxy_url();
    let path = dir.path().to_path_buf();
    let out = tokio::time::timeout(
        Duration::from_secs(60),
        tokio::task::spawn_blocking(move || {
            recapbot(&path, &["run"], &[("DISCORD_TOKEN", wrong), ("DISCORD_HTTP_PROXY", &proxy)])
        }),
    )
    .await
    .expect("recapbot run gives up on a refused token")
    .unwrap();
    let text = all_output(&out);
    assert!(!out.status.success());
    assert!(text.contains("Discord refused DISCORD_TOKEN"), "{text}");
    assert!(!text.contains(wrong) && !text.contains("wrongwrong"), "the token leaked: {text}");
    assert!(!text.contains("panicked"), "{text}");
}

#[test]
fn sandbox_answers_recap_commands_from_a_script_with_no_token_and_no_network() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("commands.txt");
    std::fs::write(
        &script,
        "/recap show:\"Soundtrack #1\" episode:2\nclick ▶\nreact 4\n/ratings show:soundtrack\n/recap show:soundtrak\nautocomplete /recap show:sou\n",
    )
    .unwrap();
    let samples =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/soundtrack-1-s01e02.txt");
    let out = recapbot(
        dir.path(),
        &["sandbox", samples.to_str().unwrap(), "--script", script.to_str().unwrap()],
        &[("RUST_LOG", "warn")],
    );
    let text = all_output(&out);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("articles: 1 imported"), "{text}");
    assert!(
        text.contains("┃ Soundtrack #1 — S1E2 · Track 2 – A picture is worth a thousand words"),
        "{text}"
    );
    assert!(text.contains("┃ ||Episode 2 of Soundtrack #1 begin"), "{text}");
    assert!(text.contains("No show called “soundtrak”. Did you mean **Soundtrack #1**?"), "{text}");
    assert!(text.contains("  Soundtrack #1\n"), "{text}");
    assert!(text.contains("the “▶” button is greyed out"), "{text}");
    assert!(text.contains("┃ Community: This server: ★ 4.0 · 1 vote"), "{text}");
    assert!(text.contains("E2       4.0    1"), "{text}");
    // The chart is kept where the newcomer can open it, and the line says where.
    let saved = text
        .lines()
        .find_map(|l| l.strip_prefix("[attachment: ratings.png (")?.split(", saved as ").nth(1))
        .unwrap_or_else(|| panic!("the chart's path is not shown: {text}"));
    let chart = dir.path().join(saved.trim_end_matches(']'));
    assert!(chart.starts_with(dir.path().join("sandbox-attachments")), "{}", chart.display());
    let png = std::fs::read(&chart).unwrap_or_else(|e| panic!("{}: {e}", chart.display()));
    assert!(png.starts_with(b"\x89PNG"), "{} is not a PNG", chart.display());
    assert!(dir.path().join("recapbot.db").exists(), "the embedded SQLite default was used");
    // Asked for warnings, the log holds no library's debug chatter (the gateway's handshake).
    assert!(!text.contains("DEBUG"), "{text}");
}

/// An operator who ships logs to a collector gets one JSON object per line, naming the
/// command and the server it came from.
#[test]
fn json_logs_are_one_object_per_line_with_command_and_guild() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("commands.txt");
    std::fs::write(&script, "/recap show:\"Soundtrack #1\" episode:2\n").unwrap();
    let samples =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/soundtrack-1-s01e02.txt");
    let out = recapbot(
        dir.path(),
        &["sandbox", samples.to_str().unwrap(), "--script", script.to_str().unwrap()],
        &[("RUST_LOG", "recapbot=info"), ("RECAPBOT_LOG_FORMAT", "JSON")],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{}", all_output(&out));
    let lines: Vec<serde_json::Value> = stderr
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect();
    let command = lines
        .iter()
        .find(|l| l["command"] == "recap")
        .unwrap_or_else(|| panic!("no log line names the command: {stderr}"));
    assert!(command["guild"].as_u64().is_some_and(|g| g > 0), "{command}");
    assert!(command["shard"].is_u64(), "{command}");
    assert!(lines.iter().all(|l| l["level"].is_string() && l["timestamp"].is_string()), "{stderr}");
}

/// Whatever is typed at the sandbox's prompt, it answers with a line and carries on.
#[test]
fn the_sandbox_answers_malformed_input_with_a_line_and_carries_on() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("commands.txt");
    let mut input: Vec<u8> = Vec::new();
    for line in [
        &b"/nosuchcommand"[..],
        b"/recap show:\"unclosed",
        b"/recap",
        b"\xff\xfe not text",
        &vec![b'A'; 1_000_000],
        b"/recap show:\"Soundtrack #1\" episode:2",
    ] {
        input.extend_from_slice(line);
        input.push(b'\n');
    }
    std::fs::write(&script, input).unwrap();
    let samples =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/soundtrack-1-s01e02.txt");
    let out = recapbot(
        dir.path(),
        &["sandbox", samples.to_str().unwrap(), "--script", script.to_str().unwrap()],
        &[("RUST_LOG", "error")],
    );
    let text = all_output(&out);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("no command /nosuchcommand; the commands are /recap"), "{text}");
    assert!(text.contains("unclosed quote in option show"), "{text}");
    assert!(text.contains("/recap could not read its options"), "{text}");
    assert!(text.contains("that line is not UTF-8 text; nothing was run"), "{text}");
    assert!(text.contains("that line is longer than 16 KB; nothing was run"), "{text}");
    assert!(
        text.contains("┃ Soundtrack #1 — S1E2 · Track 2 – A picture is worth a thousand words"),
        "the session went on: {text}"
    );
}
