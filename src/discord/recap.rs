//! `/recap`: an episode's recap, paged, and the show-name autocomplete every command uses.

use poise::serenity_prelude as serenity;
use poise::CreateReply;
use serenity::{
    CreateAllowedMentions, CreateAutocompleteResponse, CreateInteractionResponse,
    CreateInteractionResponseMessage,
};
use std::sync::atomic::Ordering;

use super::error::within_deadline;
use super::l10n::{locale, server_locale};
use super::message::{recap_message, spoiler_gate};
use super::{Context, Error};
use crate::ids::{ChannelId, GuildId, MessageId, UserId};

pub async fn complete_show(ctx: Context<'_>, partial: &str) -> CreateAutocompleteResponse {
    let viewer = ctx.guild_id().map(GuildId::from);
    let choices = match ctx.data().app.complete_show(partial, viewer).await {
        Ok(choices) => choices
            .into_iter()
            .map(|choice| serenity::AutocompleteChoice::new(choice.label, choice.name))
            .collect(),
        Err(error) => {
            tracing::error!(%error, "show autocomplete failed");
            Vec::new()
        }
    };
    CreateAutocompleteResponse::new().set_choices(choices)
}

/// Show an episode's recap (spoilers!), its review and ratings.
#[poise::command(slash_command, guild_only)]
pub async fn recap(
    ctx: Context<'_>,
    #[description = "The show (start typing to search)"]
    #[autocomplete = "complete_show"]
    #[max_length = 100]
    show: String,
    #[description = "Season (default: the latest, or season 1 when an episode is given)"]
    #[min = 1]
    #[max = 9999]
    season: Option<u32>,
    #[description = "Episode (default: the latest)"]
    #[min = 1]
    #[max = 9999]
    episode: Option<u32>,
    #[description = "Only you see the answer"] private: Option<bool>,
) -> Result<(), Error> {
    let private = private.unwrap_or(false);
    let guild = ctx.guild_id().map(GuildId::from);
    let app = &ctx.data().app;
    let user = UserId::from(ctx.author().id);
    let work = async {
        match guild {
            Some(guild) => app.find_recap_for(&show, season, episode, (guild, user)).await,
            None => Ok((app.find_recap(&show, season, episode, None).await?, None)),
        }
    };
    let (view, ahead) = within_deadline(ctx, private, work).await?;
    if let Some(progress) = ahead {
        let (question, button) = spoiler_gate(&view.recap, progress, view.spoilers, locale(ctx));
        let ask = CreateReply::default().ephemeral(true).content(question).components(vec![button]);
        ctx.send(ask).await?;
        return Ok(());
    }
    // A public recap is the channel's: framed in the server's language, as its live score
    // edits will be.
    let frame = match (private, guild) {
        (false, Some(guild)) => server_locale(Some(&ctx.serenity_context().cache), guild),
        _ => locale(ctx),
    };
    let message = recap_message(&view, 0, frame);
    if let (false, Some(guild), poise::Context::Application(command)) = (private, guild, ctx) {
        if !command.has_sent_initial_response.load(Ordering::SeqCst) {
            // A public recap is a rating post: its 1️⃣–5️⃣ reactions are votes. The answer
            // says which message it is, so recording it costs Discord no second request.
            let answer = CreateInteractionResponseMessage::new()
                .embed(message.embed)
                .components(message.components)
                .allowed_mentions(CreateAllowedMentions::new());
            let posted = ctx
                .data()
                .rest
                .respond_with_message(
                    command.interaction.id,
                    &command.interaction.token,
                    &CreateInteractionResponse::Message(answer),
                )
                .await?;
            command.has_sent_initial_response.store(true, Ordering::SeqCst);
            let posted = match posted {
                Some(posted) => posted,
                None => command.interaction.get_response(ctx.http()).await?,
            };
            return record_rating_post(ctx, guild, &view, &posted).await;
        }
    }
    let reply = CreateReply::default()
        .ephemeral(private)
        .embed(message.embed)
        .components(message.components);
    let sent = ctx.send(reply).await?;
    if let (false, Some(guild)) = (private, guild) {
        // Answered after a defer: the message is the edited deferral.
        record_rating_post(ctx, guild, &view, &*sent.message().await?).await?;
    }
    Ok(())
}

/// A public recap is a rating post: recorded, so its 1️⃣–5️⃣ reactions count as votes, and its
/// 1️⃣–5️⃣ queued.
async fn record_rating_post(
    ctx: Context<'_>,
    guild: GuildId,
    view: &crate::recap::render::RecapView,
    message: &serenity::Message,
) -> Result<(), Error> {
    let (channel, id) = (ChannelId::from(message.channel_id), MessageId::from(message.id));
    let recap = &view.recap;
    ctx.data().app.store.record_post(id, guild, channel, recap.episode_id, recap.id).await?;
    ctx.data().rating_reactions.add(channel, id, Vec::new());
    Ok(())
}
