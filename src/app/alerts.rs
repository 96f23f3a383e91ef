//! Which channels hear about new recaps: `/alerts subscribe|unsubscribe|list`. The answers
//! are the sentences the admin reads (Discord markup for channels and roles).

use super::{App, Result};
use crate::ids::{ChannelId, GuildId, RoleId};
use crate::store::subscriptions::NewSubscription;

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
    pub async fn subscribe(&self, asked: Subscribe<'_>) -> Result<String> {
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
        let what = show.map(|s| format!("**{}**", s.name)).unwrap_or_else(|| "every show".into());
        let mention = asked.role.map(|r| format!(", mentioning <@&{r}>")).unwrap_or_default();
        let threads = if new.thread { ", each with a discussion thread" } else { "" };
        let posts = if new.forum { ", each as a post of its own" } else { "" };
        Ok(format!(
            "New recaps of {what} will be posted in <#{}>{posts}{mention}{threads}.",
            asked.channel
        ))
    }

    pub async fn unsubscribe(
        &self,
        guild: GuildId,
        channel: ChannelId,
        show: Option<&str>,
    ) -> Result<String> {
        let show = self.resolve_optional_show(show, Some(guild)).await?;
        let what = show
            .as_ref()
            .map(|s| format!("**{}**", s.name))
            .unwrap_or_else(|| "every show".to_string());
        Ok(if self.store.unsubscribe(guild, channel, show.map(|s| s.id)).await? {
            format!("<#{channel}> will no longer get alerts for {what}.")
        } else {
            format!("<#{channel}> had no alerts for {what}. `/alerts list` shows what there is.")
        })
    }

    /// The server's subscriptions, a broken one with the reason it stopped.
    pub async fn subscriptions_message(&self, guild: GuildId) -> Result<String> {
        let subscriptions = self.store.subscriptions(guild).await?;
        if subscriptions.is_empty() {
            return Ok("No alerts yet: `/alerts subscribe` posts new recaps in a channel.".into());
        }
        let mut text = String::from("**New-recap alerts**\n");
        for sub in &subscriptions {
            let show = sub.show.as_ref().map(|(_, name)| name.as_str()).unwrap_or("every show");
            let mut line = format!("<#{}> — {show}", sub.channel_id);
            if let Some(role) = sub.role_id {
                line.push_str(&format!(" · mentions <@&{role}>"));
            }
            line.push_str(if sub.spoilers { " · spoilers hidden" } else { " · spoilers shown" });
            if sub.thread {
                line.push_str(" · threads");
            }
            if let Some(reason) = &sub.broken_reason {
                line.push_str(&format!(
                    "\n  ⚠️ stopped: {reason}. Fix it, then subscribe again to resume."
                ));
            }
            if !push_line(&mut text, &line) {
                break;
            }
        }
        Ok(text)
    }

    /// Whether recap text hides behind spoiler markup in this server.
    pub async fn set_spoilers(&self, guild: GuildId, spoilers: bool) -> Result<String> {
        self.store.set_guild_spoilers(guild, spoilers).await?;
        Ok(if spoilers {
            "Recaps in this server are hidden behind spoiler markup."
        } else {
            "Recaps in this server are shown without spoiler markup."
        }
        .to_string())
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
