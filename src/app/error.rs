//! The two kinds of failure: what a member (or the operator) did that cannot be done, in
//! words they can act on, and what failed on our side, logged with its cause and answered
//! with one fixed sentence.

use crate::recap::EpisodeNumber;

/// A request that cannot be served as asked. The `Display` text is the whole answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UserError {
    #[error("{}", unknown_show(query, suggestions))]
    UnknownShow { query: String, suggestions: Vec<String> },
    #[error("{}", unknown_episode(show, asked, existing))]
    UnknownEpisode { show: String, asked: String, existing: Vec<EpisodeNumber> },
    #[error(
        "**{show}** has an episode {episode} in seasons {}: add `season:` to pick one.",
        join(seasons)
    )]
    AmbiguousEpisode { show: String, episode: u32, seasons: Vec<u32> },
    #[error("**{show}** has no season {season}. Seasons: {}.", join(seasons))]
    UnknownSeason { show: String, season: u32, seasons: Vec<u32> },
    #[error("Only members with **{permission}** permission can use /{command}.")]
    MissingPermission { permission: String, command: String },
    #[error("Cannot follow {url}: {reason}.")]
    CannotFollow { url: String, reason: String },
    #[error("Cannot read {url}: {reason}.")]
    CannotRead { url: String, reason: String },
    #[error("{url} is not a recap I can read: {reason}.")]
    NotARecap { url: String, reason: String },
    #[error("This recap is no longer available.")]
    RecapGone,
    /// A bad option value, said as a whole sentence.
    #[error("{0}")]
    BadOption(String),
}

fn join<T: ToString>(items: &[T]) -> String {
    items.iter().map(T::to_string).collect::<Vec<_>>().join(", ")
}

fn unknown_show(query: &str, suggestions: &[String]) -> String {
    match suggestions {
        [] => format!("No show called “{query}” has recaps yet."),
        [one] => format!("No show called “{query}”. Did you mean **{one}**?"),
        several => format!(
            "No show called “{query}”. Did you mean {}?",
            several.iter().map(|s| format!("**{s}**")).collect::<Vec<_>>().join(", ")
        ),
    }
}

fn unknown_episode(show: &str, asked: &str, existing: &[EpisodeNumber]) -> String {
    if existing.is_empty() {
        format!("**{show}** has no recaps yet.")
    } else {
        format!("No recap of **{show}** {asked}. Recaps exist for: {}.", join(existing))
    }
}

/// Every failure of a use case, a command or an event handler.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    User(#[from] UserError),
    /// Ours: the database, Discord, a bug. The cause goes to the log, never to the member.
    #[error(transparent)]
    Internal(Box<dyn std::error::Error + Send + Sync>),
}

impl Error {
    pub fn internal(error: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        Error::Internal(error.into())
    }
}

/// Internal errors convert with `?`; user errors are built on purpose.
macro_rules! internal_from {
    ($($source:ty),* $(,)?) => {$(
        impl From<$source> for Error {
            fn from(error: $source) -> Self {
                Error::Internal(Box::new(error))
            }
        }
    )*};
}

internal_from!(
    crate::store::StoreError,
    crate::recap::chart::ChartError,
    tokio::task::JoinError,
    tokio::sync::AcquireError,
);

pub type Result<T, E = Error> = std::result::Result<T, E>;
