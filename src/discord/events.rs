//! The gateway event router: button clicks to the pager, number reactions to the vote
//! worker's queue. Everything else is ignored before it costs anything.
//!
//! serenity hands every event to the framework in a task of its own, so two reactions of one
//! member can reach a handler out of order. Reactions therefore reach the vote worker from a
//! collector instead: collectors run inside the shard's loop, in the order the gateway sent
//! the events. Each shard's collector is registered when the shard becomes ready; until then
//! (and never after) the framework's handler forwards them.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use poise::serenity_prelude as serenity;
use serenity::{CollectorCallback, Event, FullEvent, ShardId};
use tokio::sync::mpsc::UnboundedSender;

use super::votes::{is_rating_reaction, VoteJob};
use super::{pager, Data, Error};
use crate::recap::render::parse_custom_id;

/// Which collector of each shard is current: a shard that identifies again registers a new
/// one, and the older one removes itself at its next event without forwarding it.
#[derive(Default)]
pub struct ReactionFeed {
    generations: Mutex<HashMap<ShardId, Arc<AtomicU64>>>,
}

impl ReactionFeed {
    fn generation(&self, shard: ShardId) -> Option<Arc<AtomicU64>> {
        self.generations.lock().expect("reaction feed").get(&shard).cloned()
    }

    /// Registers the shard's collector, replacing any earlier one of the same shard.
    pub(super) fn collect(&self, ctx: &serenity::Context, votes: UnboundedSender<VoteJob>) {
        let generation = self
            .generations
            .lock()
            .expect("reaction feed")
            .entry(ctx.shard_id)
            .or_default()
            .clone();
        let mine = generation.fetch_add(1, Ordering::SeqCst) + 1;
        ctx.shard.add_collector(CollectorCallback(Box::new(move |event| {
            if generation.load(Ordering::SeqCst) != mine {
                return false;
            }
            let job = match event {
                Event::ReactionAdd(e) if is_rating_reaction(&e.reaction) => {
                    VoteJob::Added(e.reaction.clone())
                }
                Event::ReactionRemove(e) if is_rating_reaction(&e.reaction) => {
                    VoteJob::Removed(e.reaction.clone())
                }
                _ => return !votes.is_closed(),
            };
            votes.send(job).is_ok()
        })));
    }
}

pub async fn route(ctx: &serenity::Context, event: &FullEvent, data: &Data) -> Result<(), Error> {
    let collected = || data.reactions.generation(ctx.shard_id).is_some();
    match event {
        FullEvent::Ready { .. } => data.reactions.collect(ctx, data.votes.clone()),
        FullEvent::InteractionCreate { interaction: serenity::Interaction::Component(click) } => {
            if let Some((action, spoilers)) = parse_custom_id(&click.data.custom_id) {
                pager::on_click(ctx, click, action, spoilers, data).await?;
            }
        }
        // Only before the shard's collector exists (see the module's comment).
        FullEvent::ReactionAdd { add_reaction }
            if is_rating_reaction(add_reaction) && !collected() =>
        {
            let _ = data.votes.send(VoteJob::Added(add_reaction.clone()));
        }
        FullEvent::ReactionRemove { removed_reaction }
            if is_rating_reaction(removed_reaction) && !collected() =>
        {
            let _ = data.votes.send(VoteJob::Removed(removed_reaction.clone()));
        }
        _ => {}
    }
    Ok(())
}
