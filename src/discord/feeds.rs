//! `/feeds add|list|remove`: the recap sites this server follows. Server admins only.

use super::error::reply_privately;
use super::l10n::locale;
use super::recap::complete_show;
use super::{Context, Error};
use crate::app::feeds::Follow;
use crate::tr;

/// The recap sites this server follows.
#[poise::command(
    slash_command,
    guild_only,
    subcommands("add", "list", "remove"),
    subcommand_required,
    default_member_permissions = "MANAGE_GUILD",
    required_permissions = "MANAGE_GUILD"
)]
pub async fn feeds(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Follow a recap site's RSS, Atom or JSON feed.
#[poise::command(slash_command, guild_only, required_permissions = "MANAGE_GUILD")]
async fn add(
    ctx: Context<'_>,
    #[description = "The feed's address (https://…)"]
    #[max_length = 500]
    url: String,
    #[description = "The show it is about, when its titles do not say"]
    #[autocomplete = "complete_show"]
    #[max_length = 100]
    show: Option<String>,
) -> Result<(), Error> {
    let Some(guild) = ctx.guild_id() else { return Ok(()) };
    ctx.defer_ephemeral().await?;
    let follow = Follow {
        url: &url,
        show: show.as_deref(),
        guild: Some(guild.into()),
        interval_secs: None,
        backfill: 0,
    };
    ctx.data().app.follow_feed(follow).await?;
    reply_privately(ctx, tr!(locale(ctx), "feeds-following", url = &url)).await
}

/// The feeds this server follows, with their health.
#[poise::command(slash_command, guild_only, required_permissions = "MANAGE_GUILD")]
async fn list(ctx: Context<'_>) -> Result<(), Error> {
    let Some(guild) = ctx.guild_id() else { return Ok(()) };
    reply_privately(ctx, ctx.data().app.feeds_message(guild.into(), locale(ctx)).await?).await
}

/// Stop following a feed.
#[poise::command(slash_command, guild_only, required_permissions = "MANAGE_GUILD")]
async fn remove(
    ctx: Context<'_>,
    #[description = "The feed's number (from /feeds list) or address"] feed: String,
) -> Result<(), Error> {
    let Some(guild) = ctx.guild_id() else { return Ok(()) };
    let text = if ctx.data().app.unfollow_feed(&feed, Some(guild.into())).await? {
        tr!(locale(ctx), "feeds-removed", feed = &feed)
    } else {
        tr!(locale(ctx), "feeds-not-followed", feed = &feed)
    };
    reply_privately(ctx, text).await
}
