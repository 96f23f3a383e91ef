//! A typed driver for stories: a member who runs commands, clicks and reacts, and the
//! message they see, asked for its title, fields and buttons instead of indexed as JSON.

use fake_discord::FakeDiscord;
use serde_json::{json, Value};

use super::bot::T;

/// A member of the fake server.
pub struct Member<'a> {
    fake: &'a FakeDiscord,
    name: &'a str,
}

pub fn member<'a>(fake: &'a FakeDiscord, name: &'a str) -> Member<'a> {
    Member { fake, name }
}

impl Member<'_> {
    /// `/recap show:… episode:…`
    pub async fn recap(&self, show: &str, episode: u32) -> Message {
        self.slash(
            "recap",
            json!([{"name": "show", "value": show}, {"name": "episode", "value": episode}]),
        )
        .await
    }

    /// Any slash command, with options as `[{"name": …, "value": …}]`.
    pub async fn slash(&self, command: &str, options: Value) -> Message {
        let handle = self.fake.slash(self.name, command, options);
        let json = handle.reply(T).await;
        Message { id: handle.message_id(), json }
    }

    /// Types into a command's focused option; the names of the choices the bot offers.
    pub async fn autocomplete(&self, command: &str, options: Value) -> Vec<String> {
        let choices = self.fake.autocomplete(self.name, command, options).choices(T).await;
        choices.iter().map(|c| c["name"].as_str().unwrap_or_default().to_string()).collect()
    }

    /// Clicks the button labelled `label` on `message`; the message as it then shows.
    pub async fn click(&self, message: &Message, label: &str) -> Message {
        let button = message.button(label);
        assert!(button.enabled, "the {label} button is greyed out");
        let id = message.id.expect("a message the bot posted");
        let handle = self.fake.click(self.name, id, &button.custom_id);
        let json = handle.reply(T).await;
        Message { id: handle.message_id(), json }
    }

    /// Reacts 1️⃣–5️⃣ on `message`.
    pub fn rates(&self, message: &Message, score: u8) {
        self.reacts(message, &keycap(score));
    }

    /// Takes back a 1️⃣–5️⃣ reaction on `message`.
    pub fn unrates(&self, message: &Message, score: u8) {
        let id = message.id.expect("a message in the channel");
        self.fake.unreact(self.name, self.fake.channel_id(), id, &keycap(score));
    }

    /// Reacts with any emoji on `message`.
    pub fn reacts(&self, message: &Message, emoji: &str) {
        let id = message.id.expect("a message in the channel");
        self.fake.react(self.name, self.fake.channel_id(), id, emoji);
    }
}

/// The 1️⃣–5️⃣ keycap emoji for `n`.
pub fn keycap(n: u8) -> String {
    format!("{n}\u{fe0f}\u{20e3}")
}

/// The messages in `channel` as members see them now, oldest first.
pub fn messages_in(fake: &FakeDiscord, channel: u64) -> Vec<Message> {
    fake.messages(channel).into_iter().map(Message::from_json).collect()
}

/// One message in `channel` as members see it now, or `None` once it is deleted.
pub fn message_in(fake: &FakeDiscord, channel: u64, id: u64) -> Option<Message> {
    fake.message(channel, id).map(Message::from_json)
}

/// A message as a member sees it.
#[derive(Debug, Clone)]
pub struct Message {
    pub id: Option<u64>,
    pub json: Value,
}

/// Shown as the JSON Discord renders, for assertion messages.
impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&self.json, f)
    }
}

/// A button as a member sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Button {
    pub label: String,
    pub enabled: bool,
    pub custom_id: String,
}

/// A file attached to a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub id: u64,
    pub filename: String,
}

impl Message {
    /// A message as the fake Discord renders it, its id read from the JSON.
    pub fn from_json(json: Value) -> Self {
        let id = json["id"].as_str().and_then(|id| id.parse().ok());
        Message { id, json }
    }

    pub fn content(&self) -> &str {
        self.json["content"].as_str().unwrap_or_default()
    }

    /// Only the member who asked sees it.
    pub fn is_private(&self) -> bool {
        self.json["flags"].as_u64().unwrap_or(0) & 64 != 0
    }

    /// Whom the message may ping, as the bot sent it (`{"parse": [], "roles": […], …}`).
    pub fn allowed_mentions(&self) -> &Value {
        &self.json["allowed_mentions"]
    }

    pub fn attachments(&self) -> Vec<Attachment> {
        self.json["attachments"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|a| Attachment {
                id: a["id"].as_str().and_then(|id| id.parse().ok()).expect("an attachment id"),
                filename: a["filename"].as_str().unwrap_or_default().to_string(),
            })
            .collect()
    }

    pub fn title(&self) -> &str {
        self.json["embeds"][0]["title"].as_str().unwrap_or_default()
    }

    pub fn description(&self) -> &str {
        self.json["embeds"][0]["description"].as_str().unwrap_or_default()
    }

    pub fn footer(&self) -> &str {
        self.json["embeds"][0]["footer"]["text"].as_str().unwrap_or_default()
    }

    /// The embed field called `name`.
    pub fn field(&self, name: &str) -> Option<&str> {
        self.json["embeds"][0]["fields"]
            .as_array()?
            .iter()
            .find(|f| f["name"] == name)
            .and_then(|f| f["value"].as_str())
    }

    pub fn buttons(&self) -> Vec<Button> {
        self.json["components"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
            .map(|b| Button {
                label: b["label"].as_str().unwrap_or_default().to_string(),
                enabled: !b["disabled"].as_bool().unwrap_or(false),
                custom_id: b["custom_id"].as_str().unwrap_or_default().to_string(),
            })
            .collect()
    }

    pub fn button(&self, label: &str) -> Button {
        self.buttons()
            .into_iter()
            .find(|b| b.label == label)
            .unwrap_or_else(|| panic!("no {label} button in {}", self.json))
    }

    /// The labels of the buttons a member can press, in order.
    pub fn enabled_buttons(&self) -> Vec<String> {
        self.buttons().into_iter().filter(|b| b.enabled).map(|b| b.label).collect()
    }
}

/// How long a change another process made may take to reach a bot's memory: its database
/// notification's way, a moment after the commit. Under the listener's 5 s check for a silent
/// connection, so a notification that never comes fails the story instead of being caught up.
pub const NOTIFIED: std::time::Duration = std::time::Duration::from_secs(2);

/// Asks with `ask` until the answer passes `shown`, for at most `within`; the last answer.
pub async fn answer_until<T, F, Fut>(
    within: std::time::Duration,
    mut ask: F,
    shown: impl Fn(&T) -> bool,
) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = T>,
{
    let started = std::time::Instant::now();
    loop {
        let answer = ask().await;
        if shown(&answer) || started.elapsed() >= within {
            return answer;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
}
