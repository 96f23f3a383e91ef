//! The gateway event router: button clicks to the pager, number reactions to the vote
//! worker's queue. Everything else is ignored before it costs anything.

use poise::serenity_prelude as serenity;
use serenity::FullEvent;

use super::votes::{is_rating_reaction, VoteJob};
use super::{pager, Data, Error};
use crate::recap::render::parse_custom_id;

pub async fn route(ctx: &serenity::Context, event: &FullEvent, data: &Data) -> Result<(), Error> {
    match event {
        FullEvent::InteractionCreate { interaction: serenity::Interaction::Component(click) } => {
            if let Some((action, spoilers)) = parse_custom_id(&click.data.custom_id) {
                pager::on_click(ctx, click, action, spoilers, data).await?;
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
