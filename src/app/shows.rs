//! Finding the show a member or the operator meant: one resolver for every command.

use super::{App, Result, UserError};
use crate::ids::GuildId;
use crate::recap::lookup::{ShowMatch, MAX_CHOICES};
use crate::recap::EpisodeNumber;
use crate::store::cache::Cached;

/// How close a typed show name must be to be taken without asking: exact, or the start of
/// exactly one show's name. Anything looser gets "did you mean".
const CONFIDENT_MATCH: f64 = 0.9;

/// How many matches a typed name is weighed among.
const SEARCHED: usize = 5;

/// Discord's limit on an autocomplete choice's name and value.
const MAX_CHOICE_CHARS: usize = 100;

/// One entry of the show picker: what the member reads, and the show's name it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShowChoice {
    /// The name, and the alias that matched when the member typed another name
    /// ("사랑의 불시착 · Crash Landing on You").
    pub label: String,
    pub name: String,
}

impl App {
    /// The show meant by `query`, or [`UserError::UnknownShow`] with up to three suggestions.
    /// `viewer` is the server asking: shows only its own recaps have stay hidden elsewhere.
    pub async fn resolve_show(&self, query: &str, viewer: Option<GuildId>) -> Result<ShowMatch> {
        self.resolve_show_in(&self.store.cached().await?, query, viewer).await
    }

    /// [`App::resolve_show`] within a request that already read the data versions.
    pub(super) async fn resolve_show_in(
        &self,
        store: &Cached<'_>,
        query: &str,
        viewer: Option<GuildId>,
    ) -> Result<ShowMatch> {
        Ok(self.resolve_show_listed(store, query, viewer).await?.0)
    }

    /// [`App::resolve_show_in`], with the show's episodes that have a recap `viewer` may see:
    /// read with whether it sees the show at all.
    pub(super) async fn resolve_show_listed(
        &self,
        store: &Cached<'_>,
        query: &str,
        viewer: Option<GuildId>,
    ) -> Result<(ShowMatch, Vec<EpisodeNumber>)> {
        let confident = self.confident_shows(query).await?;
        let ids: Vec<_> = confident.iter().map(|m| m.id).collect();
        let lists = store.episodes_of_shows(&ids, viewer).await?;
        self.pick_listed(store, query, confident, lists, viewer).await
    }

    /// The shows `query` may be taken for without asking, best first, whether or not the
    /// viewer sees them: from memory.
    pub(super) async fn confident_shows(&self, query: &str) -> Result<Vec<ShowMatch>> {
        // Only a beginning of a name (0.8 and up) can be confident: the typo-tolerant part of
        // the search, the slower one, is left for when there is no taking it.
        Ok(self
            .store
            .search_show_beginnings(query, SEARCHED)
            .await?
            .into_iter()
            .filter(|m| m.score >= CONFIDENT_MATCH)
            .collect())
    }

    /// Of the [`App::confident_shows`], with their episode lists (`lists`, in the same
    /// order), the one meant, or [`UserError::UnknownShow`] with suggestions.
    pub(super) async fn pick_listed(
        &self,
        store: &Cached<'_>,
        query: &str,
        confident: Vec<ShowMatch>,
        lists: Vec<Vec<EpisodeNumber>>,
        viewer: Option<GuildId>,
    ) -> Result<(ShowMatch, Vec<EpisodeNumber>)> {
        let seen: Vec<_> = confident
            .into_iter()
            .zip(lists)
            .filter(|(_, episodes)| viewer.is_none() || !episodes.is_empty())
            .collect();
        let shows: Vec<&ShowMatch> = seen.iter().map(|(show, _)| show).collect();
        if let Some(meant) = meant(&shows) {
            let meant = meant.id;
            return Ok(seen.into_iter().find(|(show, _)| show.id == meant).expect("one of them"));
        }
        let matches =
            visible(store, self.store.search_shows(query, SEARCHED).await?, viewer).await?;
        Err(UserError::UnknownShow {
            query: query.to_string(),
            suggestions: matches.into_iter().take(3).map(|m| m.name).collect(),
        }
        .into())
    }

    /// An optional show option: `None` when none was given.
    pub async fn resolve_optional_show(
        &self,
        query: Option<&str>,
        viewer: Option<GuildId>,
    ) -> Result<Option<ShowMatch>> {
        match query {
            Some(query) => self.resolve_show(query, viewer).await.map(Some),
            None => Ok(None),
        }
    }

    /// Show names for the autocomplete, best first, at most Discord's 25 choices of at most
    /// 100 characters.
    pub async fn complete_show(
        &self,
        partial: &str,
        viewer: Option<GuildId>,
    ) -> Result<Vec<ShowChoice>> {
        let matches = self.store.search_shows(partial, MAX_CHOICES).await?;
        Ok(visible(&self.store.cached().await?, matches, viewer)
            .await?
            .into_iter()
            // The value is what the command receives and must be the whole name.
            .filter(|m| m.name.chars().count() <= MAX_CHOICE_CHARS)
            .map(|m| {
                let label = match m.alias {
                    Some(alias) => {
                        let both = format!("{} · {alias}", m.name);
                        if both.chars().count() <= MAX_CHOICE_CHARS {
                            both
                        } else {
                            m.name.clone()
                        }
                    }
                    None => m.name.clone(),
                };
                ShowChoice { label, name: m.name }
            })
            .collect())
    }
}

/// Of the confident matches a viewer sees, the one taken without asking: the only one, or
/// the first when it is the whole name.
pub(super) fn meant<'a>(shows: &[&'a ShowMatch]) -> Option<&'a ShowMatch> {
    match shows {
        [one] => Some(one),
        [first, ..] if first.score >= 1.0 => Some(first),
        _ => None,
    }
}

/// The matches `viewer` may see: a show that only other servers' recaps brought in is none of
/// its business.
async fn visible(
    store: &Cached<'_>,
    matches: Vec<ShowMatch>,
    viewer: Option<GuildId>,
) -> Result<Vec<ShowMatch>> {
    let Some(viewer) = viewer else { return Ok(matches) };
    let ids: Vec<_> = matches.iter().map(|m| m.id).collect();
    let visible = store.shows_visible_to(&ids, viewer).await?;
    Ok(matches.into_iter().filter(|m| visible.contains(&m.id)).collect())
}
