//! `recapbot sandbox`: the real bot against the fake Discord on this machine, no token and no
//! network. Slash commands typed at a prompt (or read from a file) are sent as a member would
//! send them, and the answers printed as a Discord user would see them.

use std::collections::HashMap;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context as _;
use fake_discord::{FakeConfig, FakeDiscord};
use futures::FutureExt;
use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

use crate::config::{Config, Secret};
use crate::ingest::article::Hints;
use crate::ingest::fetch::Fetcher;
use crate::ingest::import::{self, Source, Summary};
use crate::store::Store;

const ANSWER_TIMEOUT: Duration = Duration::from_secs(10);
const MEMBER: &str = "alice";
/// Where the files the bot posts (charts) are kept, so a newcomer can open them; relative to
/// the working directory, like the embedded database.
const ATTACHMENTS_DIR: &str = "sandbox-attachments";

pub struct SandboxOptions {
    /// Articles to import first (files or directories).
    pub articles: Vec<PathBuf>,
    /// Read commands from this file instead of the prompt.
    pub script: Option<PathBuf>,
}

/// Where the sample articles are when none are named: the shared samples beside the
/// checkout, else the copy the tests use.
pub fn default_articles() -> Vec<PathBuf> {
    ["../shared/samples", "tests/data"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.is_dir())
        .into_iter()
        .collect()
}

pub async fn run(config: Config, store: Store, options: SandboxOptions) -> anyhow::Result<()> {
    let fetcher = Fetcher::new(config.fetch_policy());
    let mut summary = Summary::default();
    for source in options.articles.iter().flat_map(|p| Source::File(p.clone()).expand()) {
        let outcome = import::import_one(Some(&store), &source, &Hints::default(), &fetcher).await;
        if let Err(e) = &outcome.result {
            println!("skipped {}: {e}", outcome.source);
        }
        summary.add(&outcome);
    }
    println!("articles: {summary}");

    let fake = FakeDiscord::try_start_with(FakeConfig::default())
        .await
        .context("cannot start the fake Discord")?;
    let config = fake_discord_config(config, &fake);
    let bot = crate::bot::start(&config, store.clone()).await?;
    let commands = fake.wait_commands(Duration::from_secs(30)).await;
    let names: Vec<String> =
        commands.iter().filter_map(|c| c["name"].as_str()).map(|n| format!("/{n}")).collect();
    let shows = store.search_shows("", 5).await?.into_iter().map(|m| m.name).collect::<Vec<_>>();
    println!(
        "recapbot is online in a fake Discord server on 127.0.0.1 (no token, no network); you are {MEMBER} in #general.\n\
         commands: {}\nshows: {}\n\
         try: /recap show:\"Soundtrack #1\" episode:2 · react 4 · /ratings show:soundtrack · /recap show:soundtrak · autocomplete /recap show:sou · click ▶ · help · quit",
        names.join(" "),
        if shows.is_empty() { "(none imported)".to_string() } else { shows.join(", ") }
    );

    let mut session = Session {
        fake: fake.clone(),
        last_message: None,
        attachments: PathBuf::from(ATTACHMENTS_DIR),
    };
    let interactive = options.script.is_none();
    let reader: Box<dyn tokio::io::AsyncRead + Unpin + Send> = match &options.script {
        Some(path) => Box::new(
            tokio::fs::File::open(path)
                .await
                .with_context(|| format!("cannot open {}", path.display()))?,
        ),
        None => Box::new(tokio::io::stdin()),
    };
    let mut reader = BufReader::new(reader);
    let mut stdout = tokio::io::stdout();
    // A mistake at the prompt (or a bug it meets) answers with one line, never ends the session.
    std::panic::set_hook(Box::new(|info| tracing::debug!(%info, "sandbox command panicked")));
    loop {
        if interactive {
            stdout.write_all(b"> ").await?;
            stdout.flush().await?;
        }
        let line = match read_line(&mut reader).await? {
            None => break,
            Some(Ok(line)) => line,
            Some(Err(problem)) => {
                println!("{problem}");
                continue;
            }
        };
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if !interactive {
            println!("> {line}");
        }
        if matches!(line, "quit" | "exit") {
            break;
        }
        match AssertUnwindSafe(session.execute(line)).catch_unwind().await {
            Ok(Ok(out)) => println!("{out}"),
            Ok(Err(e)) => println!("{e:#}"),
            Err(panic) => println!("could not do that: {}", panic_text(&panic)),
        }
    }
    drop(bot);
    Ok(())
}

/// `config` pointed at the fake Discord: its token, its server, its TLS client.
pub fn fake_discord_config(mut config: Config, fake: &FakeDiscord) -> Config {
    config.discord_token = Some(Secret::new(fake.token()));
    config.discord_dev_guild_id = Some(fake.guild_id());
    config.tuning.discord_client = Some(fake.http_client());
    config
}

/// The longest line the prompt takes; the rest of a longer one is read and dropped.
const MAX_LINE_BYTES: usize = 16 * 1024;

/// One line of input: `None` at the end, `Some(Err(why))` for a line that cannot be a command
/// (too long, not UTF-8), read without ever holding more than [`MAX_LINE_BYTES`].
async fn read_line(
    reader: &mut (impl AsyncBufReadExt + Unpin),
) -> std::io::Result<Option<Result<String, String>>> {
    let mut line = Vec::new();
    let mut too_long = false;
    loop {
        let available = reader.fill_buf().await?;
        if available.is_empty() {
            if line.is_empty() && !too_long {
                return Ok(None);
            }
            break;
        }
        let (chunk, used, done) = match available.iter().position(|&b| b == b'\n') {
            Some(at) => (&available[..at], at + 1, true),
            None => (available, available.len(), false),
        };
        if line.len() + chunk.len() > MAX_LINE_BYTES {
            too_long = true;
        } else {
            line.extend_from_slice(chunk);
        }
        reader.consume(used);
        if done {
            break;
        }
    }
    if too_long {
        return Ok(Some(Err(format!(
            "that line is longer than {} KB; nothing was run",
            MAX_LINE_BYTES / 1024
        ))));
    }
    Ok(Some(
        String::from_utf8(line).map_err(|_| "that line is not UTF-8 text; nothing was run".into()),
    ))
}

fn panic_text(panic: &Box<dyn std::any::Any + Send>) -> String {
    let text = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("an internal error");
    text.lines().next().unwrap_or_default().to_string()
}

struct Session {
    fake: FakeDiscord,
    last_message: Option<Value>,
    attachments: PathBuf,
}

impl Session {
    async fn execute(&mut self, line: &str) -> anyhow::Result<String> {
        if line == "help" {
            return Ok("/COMMAND name:value name:\"quoted value\" — run a slash command\n\
                       autocomplete /COMMAND option:partial — what the show picker offers\n\
                       click LABEL — click a button (◀ ▶ ⏮ ⏭) on the last answer\n\
                       react N — vote N (1–5) on the last answer, as a member would with N️⃣\n\
                       quit"
                .to_string());
        }
        if let Some(rest) = line.strip_prefix("autocomplete ") {
            let (command, mut options) = parse_command(rest)?;
            if let Some(last) = options.as_array_mut().and_then(|a| a.last_mut()) {
                last["focused"] = json!(true);
            }
            let choices =
                self.fake.autocomplete(MEMBER, &command, options).choices(ANSWER_TIMEOUT).await;
            if choices.is_empty() {
                return Ok("(no suggestions)".to_string());
            }
            return Ok(choices
                .iter()
                .filter_map(|c| c["name"].as_str())
                .map(|n| format!("  {n}"))
                .collect::<Vec<_>>()
                .join("\n"));
        }
        if let Some(score) = line.strip_prefix("react ") {
            let score: u8 = score
                .trim()
                .parse()
                .ok()
                .filter(|n| (1..=5).contains(n))
                .context("react takes 1 to 5")?;
            let message =
                self.last_message.clone().context("nothing to react to yet: run /recap first")?;
            let id = message["id"]
                .as_str()
                .and_then(|i| i.parse::<u64>().ok())
                .context("message without id")?;
            let channel = self.fake.channel_id();
            let emoji = format!("{score}\u{fe0f}\u{20e3}");
            // A member can react once the bot's own 1️⃣–5️⃣ are there (the post is recorded).
            let bot = self.fake.bot_user_id();
            let what = "the bot's rating reactions (only public recaps and alerts carry them)";
            self.fake
                .wait_until(ANSWER_TIMEOUT, what, |f| f.reactions(id, &emoji).contains(&bot))
                .await;
            let before = self.fake.message(channel, id).map(|m| m["embeds"].clone());
            self.fake.react(MEMBER, channel, id, &emoji);
            // The score on the post is edited in by the bot; show the post once it is.
            let edited =
                |f: &FakeDiscord| f.message(channel, id).map(|m| m["embeds"].clone()) != before;
            let deadline = tokio::time::Instant::now() + ANSWER_TIMEOUT;
            while !edited(&self.fake) && tokio::time::Instant::now() < deadline {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            let shown = self.fake.message(channel, id).context("the post is gone")?;
            self.last_message = Some(shown.clone());
            return Ok(self.show(&shown));
        }
        if let Some(label) = line.strip_prefix("click ") {
            let message =
                self.last_message.clone().context("nothing to click yet: run a command first")?;
            let button = buttons(&message)
                .into_iter()
                .find(|b| b["label"].as_str() == Some(label.trim()))
                .with_context(|| format!("the last answer has no button “{}”", label.trim()))?;
            if button["disabled"].as_bool() == Some(true) {
                return Ok(format!("the “{}” button is greyed out", label.trim()));
            }
            let id = message["id"]
                .as_str()
                .and_then(|i| i.parse::<u64>().ok())
                .context("message without id")?;
            let custom_id = button["custom_id"].as_str().unwrap_or_default();
            let reply = self.fake.click(MEMBER, id, custom_id).reply(ANSWER_TIMEOUT).await;
            let shown = self.show(&reply);
            self.last_message = Some(reply);
            return Ok(shown);
        }
        if line.starts_with('/') {
            let (command, options) = parse_command(line)?;
            let name = command.split_whitespace().next().unwrap_or_default();
            let registered = self.fake.commands();
            if !registered.iter().any(|c| c["name"] == name) {
                let known: Vec<String> = registered
                    .iter()
                    .filter_map(|c| c["name"].as_str())
                    .map(|n| format!("/{n}"))
                    .collect();
                anyhow::bail!("no command /{name}; the commands are {}", known.join(" "));
            }
            let reply = self.fake.slash(MEMBER, &command, options).reply(ANSWER_TIMEOUT).await;
            let shown = self.show(&reply);
            self.last_message = Some(reply);
            return Ok(shown);
        }
        anyhow::bail!("not understood: {line:?} (type help)")
    }

    /// The message as text, with every file it carries saved under the attachments folder and
    /// named by its path there.
    fn show(&self, message: &Value) -> String {
        let mut saved = HashMap::new();
        for attachment in message["attachments"].as_array().into_iter().flatten() {
            let Some(id) = attachment["id"].as_str() else { continue };
            let Some(bytes) = id.parse().ok().and_then(|id| self.fake.attachment(id)) else {
                continue;
            };
            // The file name comes from the bot's message: keep only a plain name so it
            // cannot point outside the folder.
            let name = attachment["filename"].as_str().unwrap_or("file");
            let name: String = name
                .chars()
                .map(|c| if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '_' })
                .collect();
            let path = self.attachments.join(format!("{id}-{}", name.trim_start_matches('.')));
            let written = std::fs::create_dir_all(&self.attachments)
                .and_then(|()| std::fs::write(&path, bytes));
            saved.insert(
                id.to_string(),
                match written {
                    Ok(()) => format!("saved as {}", path.display()),
                    Err(e) => format!("could not be saved to {}: {e}", path.display()),
                },
            );
        }
        describe_message(message, &saved)
    }
}

/// `/recap show:"Soundtrack #1" episode:2` → ("recap", [{name, value}, …]); numbers and
/// booleans become JSON numbers and booleans.
pub fn parse_command(line: &str) -> anyhow::Result<(String, Value)> {
    let line = line.trim().strip_prefix('/').context("a command starts with /")?;
    let mut words: Vec<String> = Vec::new();
    let mut options = Vec::new();
    let mut rest = line.trim();
    while !rest.is_empty() {
        let token_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        match rest[..token_end].split_once(':') {
            Some((name, _)) => {
                let after = rest[name.len() + 1..].trim_start();
                let (value, remaining) = if let Some(quoted) = after.strip_prefix('"') {
                    let end = quoted
                        .find('"')
                        .with_context(|| format!("unclosed quote in option {name}"))?;
                    (json!(quoted[..end]), &quoted[end + 1..])
                } else {
                    let end = after.find(char::is_whitespace).unwrap_or(after.len());
                    let raw = &after[..end];
                    let value = match raw {
                        "true" => json!(true),
                        "false" => json!(false),
                        _ => raw.parse::<i64>().map(|n| json!(n)).unwrap_or_else(|_| json!(raw)),
                    };
                    (value, &after[end..])
                };
                options.push(json!({"name": name, "value": value}));
                rest = remaining.trim_start();
            }
            None => {
                words.push(rest[..token_end].to_string());
                rest = rest[token_end..].trim_start();
            }
        }
    }
    anyhow::ensure!(!words.is_empty(), "no command name");
    Ok((words.join(" "), Value::Array(options)))
}

fn buttons(message: &Value) -> Vec<Value> {
    message["components"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
        .filter(|c| c["type"] == json!(2))
        .collect()
}

/// A message as a Discord user would see it, in plain text; `saved` says, by attachment id,
/// where each file went.
pub fn describe_message(message: &Value, saved: &HashMap<String, String>) -> String {
    let mut out = Vec::new();
    if message["flags"].as_u64().unwrap_or(0) & 64 != 0 {
        out.push("[only you can see this]".to_string());
    }
    if let Some(content) = message["content"].as_str().filter(|c| !c.is_empty()) {
        out.push(content.to_string());
    }
    for embed in message["embeds"].as_array().into_iter().flatten() {
        let mut title = embed["title"].as_str().unwrap_or_default().to_string();
        if let Some(url) = embed["url"].as_str() {
            title = format!("{title} <{url}>");
        }
        out.push(format!("┃ {title}"));
        if let Some(description) = embed["description"].as_str() {
            for line in description.lines() {
                out.push(format!("┃ {line}"));
            }
        }
        for field in embed["fields"].as_array().into_iter().flatten() {
            out.push(format!(
                "┃ {}: {}",
                field["name"].as_str().unwrap_or_default(),
                field["value"].as_str().unwrap_or_default()
            ));
        }
        if let Some(footer) = embed["footer"]["text"].as_str() {
            out.push(format!("┃ {footer}"));
        }
    }
    for attachment in message["attachments"].as_array().into_iter().flatten() {
        let mut line = format!(
            "[attachment: {} ({} bytes)",
            attachment["filename"].as_str().unwrap_or("file"),
            attachment["size"].as_u64().unwrap_or(0)
        );
        if let Some(whereabouts) = attachment["id"].as_str().and_then(|id| saved.get(id)) {
            line.push_str(&format!(", {whereabouts}"));
        }
        line.push(']');
        out.push(line);
    }
    let labels: Vec<String> = buttons(message)
        .iter()
        .map(|b| {
            let label = b["label"].as_str().unwrap_or("?");
            if b["disabled"].as_bool() == Some(true) {
                format!("({label})")
            } else {
                format!("[{label}]")
            }
        })
        .collect();
    if !labels.is_empty() {
        out.push(format!("buttons: {}   (greyed out in parentheses)", labels.join(" ")));
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_quoted_numeric_and_boolean_options() {
        let (name, options) =
            parse_command("/recap show:\"Soundtrack #1\" episode:2 private:true").unwrap();
        assert_eq!(name, "recap");
        assert_eq!(
            options,
            json!([{"name":"show","value":"Soundtrack #1"},{"name":"episode","value":2},{"name":"private","value":true}])
        );
        let (name, options) = parse_command("/alerts subscribe show:soundtrak").unwrap();
        assert_eq!(name, "alerts subscribe");
        assert_eq!(options, json!([{"name":"show","value":"soundtrak"}]));
        assert!(parse_command("/recap show:\"unclosed").is_err());
    }
}
