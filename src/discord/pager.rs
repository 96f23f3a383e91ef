//! Recap messages and their buttons: ◀ ▶ turn pages, ⏮ ⏭ move to the previous or next
//! episode. All state is in each button's custom id, so buttons keep working after a restart.

use poise::serenity_prelude as serenity;
use serenity::{
    ButtonStyle, ComponentInteraction, CreateActionRow, CreateAllowedMentions, CreateButton,
    CreateEmbed, CreateEmbedFooter, CreateInteractionResponse, CreateInteractionResponseMessage,
    FullEvent,
};

use super::{Data, Error};
use crate::recap::render::{
    self, custom_id, parse_custom_id, Direction, EmbedPage, PagerAction, RenderOptions, Scores,
};
use crate::recap::{EpisodeNumber, Recap};
use crate::store::Store;

/// A rendered recap page, ready for any of Discord's ways of sending a message.
pub struct RecapMessage {
    pub embed: CreateEmbed,
    pub components: Vec<CreateActionRow>,
}

pub fn embed(page: &EmbedPage) -> CreateEmbed {
    let mut embed =
        CreateEmbed::new().title(&page.title).description(&page.description).colour(0x5865F2);
    if let Some(url) = &page.url {
        embed = embed.url(url);
    }
    for field in &page.fields {
        embed = embed.field(&field.name, &field.value, field.inline);
    }
    if !page.footer.is_empty() {
        embed = embed.footer(CreateEmbedFooter::new(&page.footer));
    }
    if let Some(ts) = page.timestamp.and_then(|t| serenity::Timestamp::from_unix_timestamp(t).ok())
    {
        embed = embed.timestamp(ts);
    }
    embed
}

/// Page `page` of `recap` with its navigation buttons; `episodes` (the show's episodes with
/// recaps, in order) decides whether ⏮ and ⏭ have somewhere to go.
pub fn recap_message(
    recap: &Recap,
    episodes: &[EpisodeNumber],
    page: usize,
    spoilers: bool,
    scores: &Scores,
) -> RecapMessage {
    let pages = render::render_recap(recap, scores, &RenderOptions { spoilers });
    let page = page.min(pages.len().saturating_sub(1));
    let at = episodes.iter().position(|n| *n == recap.number);
    let has_previous = at.is_some_and(|i| i > 0);
    let has_next = at.is_some_and(|i| i + 1 < episodes.len());

    let button = |action: PagerAction, label: &str, enabled: bool| {
        CreateButton::new(custom_id(action, spoilers))
            .label(label)
            .style(ButtonStyle::Secondary)
            .disabled(!enabled)
    };
    let id = recap.id;
    let buttons = vec![
        button(
            PagerAction::Episode { recap: id, direction: Direction::Previous },
            "⏮",
            has_previous,
        ),
        button(PagerAction::Page { recap: id, page: page.saturating_sub(1) as u16 }, "◀", page > 0),
        button(
            PagerAction::Page { recap: id, page: (page + 1) as u16 },
            "▶",
            page + 1 < pages.len(),
        ),
        button(PagerAction::Episode { recap: id, direction: Direction::Next }, "⏭", has_next),
    ];
    RecapMessage { embed: embed(&pages[page]), components: vec![CreateActionRow::Buttons(buttons)] }
}

pub async fn on_event(
    ctx: &serenity::Context,
    event: &FullEvent,
    data: &Data,
) -> Result<(), Error> {
    use super::ratings::{is_rating_reaction, VoteJob};
    match event {
        FullEvent::InteractionCreate { interaction: serenity::Interaction::Component(click) } => {
            if let Some((action, spoilers)) = parse_custom_id(&click.data.custom_id) {
                on_pager_click(ctx, click, action, spoilers, &data.store).await?;
            }
        }
        // Queued, not applied here: the worker applies them in order.
        FullEvent::ReactionAdd { add_reaction } if is_rating_reaction(add_reaction) => {
            let _ = data.votes.send(VoteJob::Added(add_reaction.clone()));
        }
        FullEvent::ReactionRemove { removed_reaction } if is_rating_reaction(removed_reaction) => {
            let _ = data.votes.send(VoteJob::Removed(removed_reaction.clone()));
        }
        _ => {}
    }
    Ok(())
}

async fn on_pager_click(
    ctx: &serenity::Context,
    click: &ComponentInteraction,
    action: PagerAction,
    spoilers: bool,
    store: &Store,
) -> Result<(), Error> {
    let (recap_id, page, step) = match action {
        PagerAction::Page { recap, page } => (recap, page as usize, None),
        PagerAction::Episode { recap, direction } => (recap, 0, Some(direction)),
    };
    let Some(mut recap) = store.recap_by_id(recap_id).await? else {
        let gone = CreateInteractionResponseMessage::new()
            .content("This recap is no longer available.")
            .ephemeral(true)
            .allowed_mentions(CreateAllowedMentions::new());
        click.create_response(&ctx.http, CreateInteractionResponse::Message(gone)).await?;
        return Ok(());
    };
    let episodes = store.episodes_with_recaps(recap.show_id).await?;
    if let Some(direction) = step {
        let at = episodes.iter().position(|n| *n == recap.number);
        let target = match (at, direction) {
            (Some(i), Direction::Previous) if i > 0 => episodes.get(i - 1),
            (Some(i), Direction::Next) => episodes.get(i + 1),
            _ => None,
        };
        if let Some(target) = target {
            if let Some(found) = store.recap(recap.show_id, target.season, target.episode).await? {
                recap = found;
            }
        }
    }
    let guild = click.guild_id.map(|g| g.get());
    let scores = store.scores(recap.episode_id, guild).await?;
    let message = recap_message(&recap, &episodes, page, spoilers, &scores);
    let post = store.post(click.message.id.get()).await?;
    let response = CreateInteractionResponseMessage::new()
        .embed(message.embed)
        .components(message.components)
        .allowed_mentions(CreateAllowedMentions::new());
    let response = match (&post, step) {
        // A rating post always shows its own episode, so its reactions keep meaning that
        // episode: another episode opens for the clicker alone.
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
