//! Button clicks on recap messages. All state is in each button's custom id, so buttons keep
//! working after a restart.

use poise::serenity_prelude as serenity;
use serenity::{
    ComponentInteraction, CreateAllowedMentions, CreateInteractionResponse,
    CreateInteractionResponseMessage,
};

use super::l10n::{click_locale, server_locale};
use super::message::{recap_message, spoiler_gate};
use super::{Data, Error};
use crate::app::{self, UserError};
use crate::ids::{GuildId, MessageId, UserId};
use crate::recap::render::PagerAction;

pub async fn on_click(
    ctx: &serenity::Context,
    click: &ComponentInteraction,
    action: PagerAction,
    spoilers: bool,
    data: &Data,
) -> Result<(), Error> {
    let (recap, page, step) = match action {
        PagerAction::Page { recap, page } => (recap, page as usize, None),
        PagerAction::Episode { recap, direction } => (recap, 0, Some(direction)),
        PagerAction::Reveal { recap } => (recap, 0, None),
    };
    let revealed = matches!(action, PagerAction::Reveal { .. });
    let guild = click.guild_id.map(GuildId::from);
    let view = match data.app.recap_view_by_id(recap, step, guild, Some(spoilers)).await {
        Ok(view) => view,
        Err(app::Error::User(error @ UserError::RecapGone)) => {
            let gone = CreateInteractionResponseMessage::new()
                .content(error.text(click_locale(click)))
                .ephemeral(true)
                .allowed_mentions(CreateAllowedMentions::new());
            click.create_response(&ctx.http, CreateInteractionResponse::Message(gone)).await?;
            return Ok(());
        }
        Err(error) => return Err(error),
    };
    // A member on an earlier episode is asked before a recap opens for them: a recap opens
    // when an alert's Read button or ⏮ shows its first page, or ⏭ moves to another episode.
    // A private copy they already said yes to turns its pages freely.
    let opens = step.is_some() || (page == 0 && !is_private(click));
    if let (false, true, Some(guild)) = (revealed, opens, guild) {
        let member = (guild, UserId::from(click.user.id));
        if let Some(progress) = data.app.ahead_of_progress(member, &view.recap).await? {
            let (question, button) =
                spoiler_gate(&view.recap, progress, spoilers, click_locale(click));
            let ask = CreateInteractionResponseMessage::new()
                .content(question)
                .components(vec![button])
                .ephemeral(true)
                .allowed_mentions(CreateAllowedMentions::new());
            click.create_response(&ctx.http, CreateInteractionResponse::Message(ask)).await?;
            return Ok(());
        }
    }
    if revealed {
        // The question was the member's alone; the recap takes its place, theirs alone too.
        let message = recap_message(&view, page, click_locale(click));
        let shown = CreateInteractionResponseMessage::new()
            .content("")
            .embed(message.embed)
            .components(message.components)
            .allowed_mentions(CreateAllowedMentions::new());
        let response = if is_private(click) {
            CreateInteractionResponse::UpdateMessage(shown)
        } else {
            CreateInteractionResponse::Message(shown.ephemeral(true))
        };
        click.create_response(&ctx.http, response).await?;
        return Ok(());
    }
    let store = &data.app.store;
    let post = store.post(MessageId::from(click.message.id)).await?;
    // A rating post always shows its own episode, so its reactions keep meaning that episode:
    // another episode opens for the clicker alone.
    let apart = post.is_some() && step.is_some();
    // What only the clicker sees speaks their language; what the channel shares, the server's.
    let locale = match guild {
        Some(guild) if !apart && !is_private(click) => server_locale(Some(&ctx.cache), guild),
        _ => click_locale(click),
    };
    let message = recap_message(&view, page, locale);
    let response = CreateInteractionResponseMessage::new()
        .embed(message.embed)
        .components(message.components)
        .allowed_mentions(CreateAllowedMentions::new());
    let response = match (&post, step) {
        (Some(_), Some(_)) => CreateInteractionResponse::Message(response.ephemeral(true)),
        (Some(post), None) => {
            store.set_post_page(post.message_id, page as u32).await?;
            CreateInteractionResponse::UpdateMessage(response)
        }
        (None, _) => CreateInteractionResponse::UpdateMessage(response),
    };
    click.create_response(&ctx.http, response).await?;
    Ok(())
}

/// Whether the clicked message is one only the clicker sees.
fn is_private(click: &ComponentInteraction) -> bool {
    click.message.flags.is_some_and(|f| f.contains(serenity::MessageFlags::EPHEMERAL))
}
