//! `/settings`: this server's recapbot preferences. Server admins only.

use super::error::reply_privately;
use super::l10n::locale;
use super::{Context, Error};

/// This server's recapbot preferences.
#[poise::command(
    slash_command,
    guild_only,
    default_member_permissions = "MANAGE_GUILD",
    required_permissions = "MANAGE_GUILD"
)]
pub async fn settings(
    ctx: Context<'_>,
    #[description = "Hide recap text behind spoiler markup (default: yes)"] spoilers: bool,
) -> Result<(), Error> {
    let Some(guild) = ctx.guild_id() else { return Ok(()) };
    reply_privately(ctx, ctx.data().app.set_spoilers(guild.into(), spoilers, locale(ctx)).await?)
        .await
}
