//! `/watching set|list|clear`: where a member is in a show, so that recaps of later episodes
//! ask before they show. Every answer is private.

use super::error::reply_privately;
use super::l10n::locale;
use super::recap::complete_show;
use super::{Context, Error};
use crate::app::watching::Member;
use crate::ids::{GuildId, UserId};

/// Where you are in a show: recaps of later episodes ask before they show.
#[poise::command(
    slash_command,
    guild_only,
    subcommands("set", "list", "clear"),
    subcommand_required
)]
pub async fn watching(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Note the last episode you've watched.
#[poise::command(slash_command, guild_only)]
async fn set(
    ctx: Context<'_>,
    #[description = "The show (start typing to search)"]
    #[autocomplete = "complete_show"]
    #[max_length = 100]
    show: String,
    #[description = "The last episode you've watched"]
    #[min = 1]
    #[max = 9999]
    episode: u32,
    #[description = "Its season (default: 1)"]
    #[min = 1]
    #[max = 9999]
    season: Option<u32>,
) -> Result<(), Error> {
    let Some(member) = member(ctx) else { return Ok(()) };
    let noted = ctx.data().app.set_progress(member, &show, season, episode, locale(ctx)).await?;
    reply_privately(ctx, noted).await
}

/// The shows you've noted where you are in.
#[poise::command(slash_command, guild_only)]
async fn list(ctx: Context<'_>) -> Result<(), Error> {
    let Some(member) = member(ctx) else { return Ok(()) };
    reply_privately(ctx, ctx.data().app.progress_list(member, locale(ctx)).await?).await
}

/// Forget where you are in a show (or in every show).
#[poise::command(slash_command, guild_only)]
async fn clear(
    ctx: Context<'_>,
    #[description = "Only this show (default: every show)"]
    #[autocomplete = "complete_show"]
    #[max_length = 100]
    show: Option<String>,
) -> Result<(), Error> {
    let Some(member) = member(ctx) else { return Ok(()) };
    reply_privately(ctx, ctx.data().app.clear_progress(member, show.as_deref(), locale(ctx)).await?)
        .await
}

fn member(ctx: Context<'_>) -> Option<Member> {
    Some((GuildId::from(ctx.guild_id()?), UserId::from(ctx.author().id)))
}
