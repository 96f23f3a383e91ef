//! `/publish url:`: a server admin stores and announces one recap article.

use super::error::reply_privately;
use super::l10n::locale;
use super::{Context, Error};

/// Publish a recap article by its address: stored, and announced to subscribed channels.
#[poise::command(
    slash_command,
    guild_only,
    default_member_permissions = "MANAGE_GUILD",
    required_permissions = "MANAGE_GUILD"
)]
pub async fn publish(
    ctx: Context<'_>,
    #[description = "The article's address (https://…)"]
    #[max_length = 500]
    url: String,
) -> Result<(), Error> {
    let Some(guild) = ctx.guild_id() else { return Ok(()) };
    ctx.defer_ephemeral().await?;
    reply_privately(ctx, ctx.data().app.publish(&url, guild.into(), locale(ctx)).await?).await
}
