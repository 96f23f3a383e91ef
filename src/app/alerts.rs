//! Which channels hear about new recaps: `/alerts subscribe|unsubscribe|list`. The answers
//! are the sentences the admin reads (Discord markup for channels and roles).

use super::{App, Result};
use crate::i18n::Locale;
use crate::ids::{ChannelId, GuildId, RoleId};
use crate::store::subscriptions::NewSubscription;
use crate::tr;

/// What a server admin asked for.
pub struct Subscribe<'a> {
    pub guild: GuildId,
    pub channel: ChannelId,
    pub show: Option<&'a str>,
    pub role: Option<RoleId>,
    pub spoilers: bool,
    pub thread: bool,
    /// The channel is a forum: alerts are posts there.
    pub forum: bool,
    /// Where the admin ran the command: where a breakage will be reported.
    pub made_in: Option<ChannelId>,
}

/// Discord's message limit, with room for the "…" that says the list goes on.
const MESSAGE_BUDGET: usize = 1_900;

impl App {
    pub async fn subscribe(&self, asked: Subscribe<'_>, locale: Locale) -> Result<String> {
        let show = self.resolve_optional_show(asked.show, Some(asked.guild)).await?;
        let new = NewSubscription {
            guild_id: asked.guild,
            channel_id: asked.channel,
            show: show.as_ref().map(|s| s.id),
            role_id: asked.role,
            spoilers: asked.spoilers,
            // A forum post is a thread already.
            thread: asked.thread && !asked.forum,
            forum: asked.forum,
            made_in: asked.made_in,
        };
        self.store.subscribe(&new).await?;
        let what = show
            .map(|s| format!("**{}**", s.name))
            .unwrap_or_else(|| tr!(locale, "alerts-every-show"));
        let mut details = String::new();
        if new.forum {
            details.push_str(&tr!(locale, "alerts-detail-posts"));
        }
        if let Some(role) = asked.role {
            details.push_str(&tr!(locale, "alerts-detail-mention", role = format!("<@&{role}>")));
        }
        if new.thread {
            details.push_str(&tr!(locale, "alerts-detail-threads"));
        }
        let channel = format!("<#{}>", asked.channel);
        Ok(tr!(locale, "alerts-subscribed", what = what, channel = channel, details = details))
    }

    pub async fn unsubscribe(
        &self,
        guild: GuildId,
        channel: ChannelId,
        show: Option<&str>,
        locale: Locale,
    ) -> Result<String> {
        let show = self.resolve_optional_show(show, Some(guild)).await?;
        let what = show
            .as_ref()
            .map(|s| format!("**{}**", s.name))
            .unwrap_or_else(|| tr!(locale, "alerts-every-show"));
        let id = if self.store.unsubscribe(guild, channel, show.map(|s| s.id)).await? {
            "alerts-unsubscribed"
        } else {
            "alerts-not-subscribed"
        };
        Ok(tr!(locale, id, channel = format!("<#{channel}>"), what = what))
    }

    /// The server's subscriptions, a broken one with the reason it stopped.
    pub async fn subscriptions_message(&self, guild: GuildId, locale: Locale) -> Result<String> {
        let subscriptions = self.store.subscriptions(guild).await?;
        if subscriptions.is_empty() {
            return Ok(tr!(locale, "alerts-none"));
        }
        let mut text = tr!(locale, "alerts-list-title") + "\n";
        let every_show = tr!(locale, "alerts-every-show");
        for sub in &subscriptions {
            let show = sub.show.as_ref().map(|(_, name)| name.as_str()).unwrap_or(&every_show);
            let mut parts = vec![format!("<#{}> — {show}", sub.channel_id)];
            if let Some(role) = sub.role_id {
                parts.push(tr!(locale, "alerts-list-mentions", role = format!("<@&{role}>")));
            }
            parts.push(if sub.spoilers {
                tr!(locale, "alerts-list-spoilers-hidden")
            } else {
                tr!(locale, "alerts-list-spoilers-shown")
            });
            if sub.thread {
                parts.push(tr!(locale, "alerts-list-threads"));
            }
            let mut line = parts.join(" · ");
            if let Some(reason) = &sub.broken_reason {
                line.push_str("\n  ");
                line.push_str(&tr!(locale, "alerts-list-stopped", reason = reason));
            }
            if !push_line(&mut text, &line) {
                break;
            }
        }
        Ok(text)
    }

    /// Whether recap text hides behind spoiler markup in this server.
    pub async fn set_spoilers(
        &self,
        guild: GuildId,
        spoilers: bool,
        locale: Locale,
    ) -> Result<String> {
        self.store.set_guild_spoilers(guild, spoilers).await?;
        Ok(if spoilers {
            tr!(locale, "settings-spoilers-hidden")
        } else {
            tr!(locale, "settings-spoilers-shown")
        })
    }
}

/// Appends a line if the message stays within Discord's limit; else ends it with "…".
pub(crate) fn push_line(text: &mut String, line: &str) -> bool {
    if text.chars().count() + line.chars().count() > MESSAGE_BUDGET {
        text.push('…');
        return false;
    }
    text.push_str(line);
    text.push('\n');
    true
}
