//! `/alerts subscribe|unsubscribe|list`: which channels get new-recap alerts. Server admins
//! only: the command is hidden from members without Manage Server, and checked again here.

use poise::serenity_prelude as serenity;

use super::error::reply_privately;
use super::l10n::locale;
use super::recap::complete_show;
use super::{Context, Error};
use crate::app::alerts::Subscribe;
use crate::ids::{ChannelId, GuildId, RoleId};

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

/// Post new recaps in a channel.
#[poise::command(slash_command, guild_only, required_permissions = "MANAGE_GUILD")]
async fn subscribe(
    ctx: Context<'_>,
    #[description = "Where alerts go"]
    #[channel_types("Text", "News", "Forum")]
    channel: serenity::ChannelId,
    #[description = "Only this show (default: every show)"]
    #[autocomplete = "complete_show"]
    #[max_length = 100]
    show: Option<String>,
    #[description = "A role to mention in each alert"] role: Option<serenity::RoleId>,
    #[description = "Hide the summary behind spoiler markup (default: yes)"] spoilers: Option<bool>,
    #[description = "Open a discussion thread on each alert (default: no)"] thread: Option<bool>,
) -> Result<(), Error> {
    let Some(guild) = ctx.guild_id() else { return Ok(()) };
    // Discord sends the picked channel's type with the command.
    let forum = match ctx {
        poise::Context::Application(command) => {
            command.interaction.data.resolved.channels.get(&channel).map(|c| c.kind)
                == Some(serenity::ChannelType::Forum)
        }
        poise::Context::Prefix(_) => false,
    };
    let asked = Subscribe {
        guild: GuildId::from(guild),
        channel: ChannelId::from(channel),
        show: show.as_deref(),
        role: role.map(RoleId::from),
        spoilers: spoilers.unwrap_or(true),
        thread: thread.unwrap_or(false),
        forum,
        made_in: Some(ChannelId::from(ctx.channel_id())),
    };
    reply_privately(ctx, ctx.data().app.subscribe(asked, locale(ctx)).await?).await
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
    let app = &ctx.data().app;
    let text = app.unsubscribe(guild.into(), channel.into(), show.as_deref(), locale(ctx)).await?;
    reply_privately(ctx, text).await
}

/// What this server's channels are subscribed to.
#[poise::command(slash_command, guild_only, required_permissions = "MANAGE_GUILD")]
async fn list(ctx: Context<'_>) -> Result<(), Error> {
    let Some(guild) = ctx.guild_id() else { return Ok(()) };
    reply_privately(ctx, ctx.data().app.subscriptions_message(guild.into(), locale(ctx)).await?)
        .await
}
