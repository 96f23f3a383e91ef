//! The Discord shell: connecting, the commands, the gateway events, the vote worker and the
//! alert dispatcher. serenity and poise types stop here; a command turns its options into one
//! call of the use-case layer ([`crate::app`]) and its answer into one reply.

pub mod alerts;
mod client;
pub mod dispatcher;
mod error;
mod events;
mod feeds;
pub(crate) mod l10n;
mod message;
pub mod pace;
mod pager;
mod publish;
mod ratings;
pub mod reactions;
mod recap;
pub mod rest;
mod settings;
mod startup;
pub mod votes;
mod watching;

use std::time::Duration;

use poise::serenity_prelude as serenity;
use serenity::GatewayIntents;

pub use client::{check_token, connect, Bot, StartError, Transport};

use crate::app::App;

pub type Error = crate::app::Error;
pub type Context<'a> = poise::Context<'a, Data, Error>;
pub type Command = poise::Command<Data, Error>;

/// What every command and event handler can reach.
pub struct Data {
    pub app: App,
    /// Past this, a command defers its answer (Discord allows 3 s for the first response).
    pub defer_after: Duration,
    /// Discord's REST API for the calls that come in bursts, 429s waited out behind a proxy.
    pub rest: rest::Rest,
    /// The 1️⃣–5️⃣ under public recaps, paced under the global limit.
    pub rating_reactions: reactions::ReactionQueue,
    /// Edits rating posts' scores, coalesced.
    pub scores: votes::ScoreEditor,
    /// Reaction events, applied in order by one worker.
    pub votes: tokio::sync::mpsc::UnboundedSender<votes::VoteJob>,
    /// Each shard's reactions, in gateway order, into `votes`.
    pub reactions: events::ReactionFeed,
}

/// Only what the product needs: no privileged intent, so any server can add the bot.
pub const INTENTS: GatewayIntents =
    GatewayIntents::GUILDS.union(GatewayIntents::GUILD_MESSAGE_REACTIONS);

/// Every slash command the bot registers, in every shipped language.
pub fn commands() -> Vec<Command> {
    let mut commands = vec![
        recap::recap(),
        ratings::ratings(),
        ratings::top(),
        alerts::alerts(),
        feeds::feeds(),
        publish::publish(),
        settings::settings(),
        watching::watching(),
    ];
    l10n::localize(&mut commands);
    commands
}

impl From<serenity::Error> for Error {
    fn from(error: serenity::Error) -> Self {
        count_discord_error(&error);
        Error::internal(error)
    }
}

/// Counts an unsuccessful Discord response by its status, for `/metrics`.
pub(crate) fn count_discord_error(error: &serenity::Error) {
    if let serenity::Error::Http(serenity::HttpError::UnsuccessfulRequest(response)) = error {
        let status = response.status_code.as_u16().to_string();
        metrics::counter!(crate::observe::name::DISCORD_ERRORS, "status" => status).increment(1);
    }
}

/// Our ids and serenity's, converted only at this border.
macro_rules! id_conversions {
    ($($ours:ident),*) => {$(
        impl From<serenity::$ours> for crate::ids::$ours {
            fn from(id: serenity::$ours) -> Self {
                crate::ids::$ours::new(id.get())
            }
        }
        impl From<crate::ids::$ours> for serenity::$ours {
            fn from(id: crate::ids::$ours) -> Self {
                serenity::$ours::new(id.get())
            }
        }
    )*};
}

id_conversions!(GuildId, ChannelId, UserId, MessageId, RoleId);
