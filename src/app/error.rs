//! The two kinds of failure: what a member (or the operator) did that cannot be done, in
//! words they can act on, and what failed on our side, logged with its cause and answered
//! with one fixed sentence.

use crate::i18n::Locale;
use crate::recap::EpisodeNumber;
use crate::tr;

/// A request that cannot be served as asked. [`UserError::text`] is the whole answer, in the
/// member's language; `Display` is its English.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UserError {
    #[error("{}", self.text(Locale::EN))]
    UnknownShow { query: String, suggestions: Vec<String> },
    #[error("{}", self.text(Locale::EN))]
    UnknownEpisode { show: String, asked: Asked, existing: Vec<EpisodeNumber> },
    #[error("{}", self.text(Locale::EN))]
    AmbiguousEpisode { show: String, episode: u32, seasons: Vec<u32> },
    #[error("{}", self.text(Locale::EN))]
    UnknownSeason { show: String, season: u32, seasons: Vec<u32> },
    /// `permission` as Discord names it, or `None` when unknown.
    #[error("{}", self.text(Locale::EN))]
    MissingPermission { permission: Option<String>, command: String },
    /// `reason` is the intake's own (English) words.
    #[error("{}", self.text(Locale::EN))]
    CannotFollow { url: String, reason: String },
    #[error("{}", self.text(Locale::EN))]
    CannotRead { url: String, reason: String },
    #[error("{}", self.text(Locale::EN))]
    NotARecap { url: String, reason: String },
    #[error("{}", self.text(Locale::EN))]
    RecapGone,
    /// A bad option value: the id of the sentence that says so.
    #[error("{}", self.text(Locale::EN))]
    BadOption(&'static str),
}

/// Which episode a member asked for, when there is no recap of it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Asked {
    pub season: Option<u32>,
    pub episode: Option<u32>,
}

impl Asked {
    fn text(self, locale: Locale) -> String {
        match (self.season, self.episode) {
            (Some(season), Some(episode)) => {
                tr!(locale, "asked-season-episode", season = season, episode = episode)
            }
            (Some(season), None) => tr!(locale, "asked-season", season = season),
            (None, Some(episode)) => tr!(locale, "asked-episode", episode = episode),
            (None, None) => tr!(locale, "asked-any"),
        }
    }
}

impl UserError {
    /// The answer in `locale`.
    pub fn text(&self, locale: Locale) -> String {
        match self {
            UserError::UnknownShow { query, suggestions } => match suggestions.as_slice() {
                [] => tr!(locale, "show-unknown-none", query = query),
                [one] => tr!(locale, "show-unknown-one", query = query, suggestion = one),
                several => {
                    let bold: Vec<String> = several.iter().map(|s| format!("**{s}**")).collect();
                    tr!(
                        locale,
                        "show-unknown-several",
                        query = query,
                        suggestions = bold.join(", ")
                    )
                }
            },
            UserError::UnknownEpisode { show, existing, .. } if existing.is_empty() => {
                tr!(locale, "episode-none-yet", show = show)
            }
            UserError::UnknownEpisode { show, asked, existing } => tr!(
                locale,
                "episode-unknown",
                show = show,
                asked = asked.text(locale),
                existing = join(existing)
            ),
            UserError::AmbiguousEpisode { show, episode, seasons } => tr!(
                locale,
                "episode-ambiguous",
                show = show,
                episode = *episode,
                seasons = join(seasons)
            ),
            UserError::UnknownSeason { show, season, seasons } => tr!(
                locale,
                "season-unknown",
                show = show,
                season = *season,
                seasons = join(seasons)
            ),
            UserError::MissingPermission { permission, command } => {
                let permission =
                    permission.clone().unwrap_or_else(|| tr!(locale, "permission-the-required"));
                tr!(locale, "permission-missing", permission = permission, command = command)
            }
            UserError::CannotFollow { url, reason } => {
                tr!(locale, "feed-cannot-follow", url = url, reason = reason)
            }
            UserError::CannotRead { url, reason } => {
                tr!(locale, "url-cannot-read", url = url, reason = reason)
            }
            UserError::NotARecap { url, reason } => {
                tr!(locale, "url-not-a-recap", url = url, reason = refusal_reason(locale, reason))
            }
            UserError::RecapGone => tr!(locale, "recap-gone"),
            UserError::BadOption(id) => locale.text(id, &[]),
        }
    }
}

/// The intake's reason for refusing a page, in `locale`: each of its reasons has a message;
/// anything else stays as the intake wrote it.
fn refusal_reason(locale: Locale, reason: &str) -> String {
    use crate::ingest::refusal::{
        FAN_FICTION, FILM, INTERVIEW, LIST, NEWS, PREVIEW, SEASON_REVIEW,
    };
    let id = match reason {
        SEASON_REVIEW => "refused-season-review",
        LIST => "refused-list",
        NEWS => "refused-news",
        FILM => "refused-film",
        INTERVIEW => "refused-interview",
        PREVIEW => "refused-preview",
        FAN_FICTION => "refused-fan-fiction",
        _ => return reason.to_string(),
    };
    locale.text(id, &[])
}

fn join<T: ToString>(items: &[T]) -> String {
    items.iter().map(T::to_string).collect::<Vec<_>>().join(", ")
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::refusal::LIST;

    #[test]
    fn a_refused_page_is_explained_in_the_members_language() {
        let refused = |reason: &str| UserError::NotARecap {
            url: "https://example.com/tag/recaps".into(),
            reason: reason.into(),
        };
        assert_eq!(
            refused(LIST).text(Locale::EN),
            "https://example.com/tag/recaps is not a recap I can read: a list of articles."
        );
        assert!(refused(LIST).text(Locale::for_tag("ko")).contains("기사 목록"));
        assert!(refused(LIST).text(Locale::for_tag("fr")).contains("une liste d’articles"));
        // A reason the intake words some other way is shown as it is.
        assert!(refused("two shows in one post").text(Locale::for_tag("ja")).contains("two shows"));
    }
}
