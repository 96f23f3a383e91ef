//! `/alerts subscribe|unsubscribe|list`: which channels get new-recap alerts. Server admins
//! only: the command is hidden from members without Manage Server, and checked again here.

use poise::serenity_prelude as serenity;
use poise::CreateReply;

use super::commands::{complete_show, not_found_message, resolve_show};
use super::{Context, Error};
use crate::store::subscriptions::NewSubscription;

/// New-recap alerts in this server's channels.
#[poise::command(
    slash_command,
    guild_only,
    subcommands("subscribe", "unsubscribe", "list"),
    subcommand_required,
    default_member_permissions = "MANAGE_GUILD",
    required_permissions = "MANAGE_GUILD"
)]
pub async fn alerts(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

async fn reply(ctx: Context<'_>, text: String) -> Result<(), Error> {
    ctx.send(CreateReply::default().content(text).ephemeral(true)).await?;
    Ok(())
}

/// Post new recaps in a channel.
#[poise::command(slash_command, guild_only, required_permissions = "MANAGE_GUILD")]
async fn subscribe(
    ctx: Context<'_>,
    #[description = "Where alerts go"] channel: serenity::ChannelId,
    #[description = "Only this show (default: every show)"]
    #[autocomplete = "complete_show"]
    #[max_length = 100]
    show: Option<String>,
    #[description = "A role to mention in each alert"] role: Option<serenity::RoleId>,
    #[description = "Hide the summary behind spoiler markup (default: yes)"] spoilers: Option<bool>,
    #[description = "Open a discussion thread on each alert (default: no)"] thread: Option<bool>,
) -> Result<(), Error> {
    let Some(guild) = ctx.guild_id() else { return Ok(()) };
    let store = &ctx.data().store;
    let show = match show {
        Some(query) => match resolve_show(store, &query).await? {
            Ok(found) => Some(found),
            Err(unknown) => {
                return reply(ctx, not_found_message(&unknown).unwrap_or_default()).await
            }
        },
        None => None,
    };
    let new = NewSubscription {
        guild_id: guild.get(),
        channel_id: channel.get(),
        show: show.as_ref().map(|s| s.id),
        role_id: role.map(|r| r.get()),
        spoilers: spoilers.unwrap_or(true),
        thread: thread.unwrap_or(false),
    };
    store.subscribe(&new).await?;
    let what = show.map(|s| format!("**{}**", s.name)).unwrap_or_else(|| "every show".to_string());
    let mention = role.map(|r| format!(", mentioning <@&{r}>")).unwrap_or_default();
    let threads = if new.thread { ", each with a discussion thread" } else { "" };
    reply(ctx, format!("New recaps of {what} will be posted in <#{channel}>{mention}{threads}."))
        .await
}

/// Stop posting new recaps in a channel.
#[poise::command(slash_command, guild_only, required_permissions = "MANAGE_GUILD")]
async fn unsubscribe(
    ctx: Context<'_>,
    #[description = "The channel"] channel: serenity::ChannelId,
    #[description = "The show (default: the every-show subscription)"]
    #[autocomplete = "complete_show"]
    #[max_length = 100]
    show: Option<String>,
) -> Result<(), Error> {
    let Some(guild) = ctx.guild_id() else { return Ok(()) };
    let store = &ctx.data().store;
    let show = match show {
        Some(query) => match resolve_show(store, &query).await? {
            Ok(found) => Some(found),
            Err(unknown) => {
                return reply(ctx, not_found_message(&unknown).unwrap_or_default()).await
            }
        },
        None => None,
    };
    let what = show
        .as_ref()
        .map(|s| format!("**{}**", s.name))
        .unwrap_or_else(|| "every show".to_string());
    let text = if store.unsubscribe(guild.get(), channel.get(), show.map(|s| s.id)).await? {
        format!("<#{channel}> will no longer get alerts for {what}.")
    } else {
        format!("<#{channel}> had no alerts for {what}. `/alerts list` shows what there is.")
    };
    reply(ctx, text).await
}

/// What this server's channels are subscribed to.
#[poise::command(slash_command, guild_only, required_permissions = "MANAGE_GUILD")]
async fn list(ctx: Context<'_>) -> Result<(), Error> {
    let Some(guild) = ctx.guild_id() else { return Ok(()) };
    let subscriptions = ctx.data().store.subscriptions(guild.get()).await?;
    if subscriptions.is_empty() {
        return reply(
            ctx,
            "No alerts yet: `/alerts subscribe` posts new recaps in a channel.".into(),
        )
        .await;
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
        // Discord's message limit; a server with this many subscriptions reads the rest in the log.
        if text.chars().count() + line.chars().count() > 1_900 {
            text.push('…');
            break;
        }
        text.push_str(&line);
        text.push('\n');
    }
    reply(ctx, text).await
}
