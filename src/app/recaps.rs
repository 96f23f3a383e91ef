//! Loading what a recap message needs, the one way `/recap`, button clicks, score edits and
//! alerts all use.

use std::sync::Arc;

use super::watching::Member;
use super::{App, Result, UserError};
use crate::ids::{GuildId, UserId};
use crate::recap::render::{Direction, RecapView};
use crate::recap::{EpisodeNumber, Recap, RecapId};
use crate::store::cache::Cached;
use crate::store::watching::Progress;

impl App {
    /// `/recap`'s options to a recap: without season and episode, the show's latest; with only
    /// a season, its first episode; with only an episode, season 1 or else the only season
    /// that has it.
    pub async fn find_recap(
        &self,
        show_query: &str,
        season: Option<u32>,
        episode: Option<u32>,
        guild: Option<GuildId>,
    ) -> Result<RecapView> {
        let store = self.store.cached().await?;
        let (view, _) =
            self.find_recap_in(&store, show_query, season, episode, guild, None).await?;
        Ok(view)
    }

    /// [`App::find_recap`] for a member in a server, with their watch progress when the recap
    /// is of a later episode than they have watched: one reading of the data versions for both.
    pub async fn find_recap_for(
        &self,
        show_query: &str,
        season: Option<u32>,
        episode: Option<u32>,
        (guild, user): Member,
    ) -> Result<(RecapView, Option<Progress>)> {
        let store = self.store.cached().await?;
        let (view, progress) = self
            .find_recap_in(&store, show_query, season, episode, Some(guild), Some(user))
            .await?;
        let ahead = super::watching::ahead_of(progress, &view.recap);
        Ok((view, ahead))
    }

    /// The recap asked for, with how far `member` has watched its show. A show named in full
    /// costs one query for its episode list (and whether the server sees it) and, at the same
    /// time, one for the recap with everything beside it; none when cached.
    async fn find_recap_in(
        &self,
        store: &Cached<'_>,
        show_query: &str,
        season: Option<u32>,
        episode: Option<u32>,
        guild: Option<GuildId>,
        member: Option<UserId>,
    ) -> Result<(RecapView, Option<Progress>)> {
        let confident = self.confident_shows(show_query).await?;
        let ids: Vec<_> = confident.iter().map(|m| m.id).collect();
        // The recap the answer most likely needs is read beside the episode lists rather than
        // after them: the show meant if the viewer sees it, the episode in season 1 if none
        // was named. A wrong guess costs one more query after; a right one, the wait for one.
        let likely = super::shows::meant(&confident.iter().collect::<Vec<_>>())
            .zip(likely_at(season, episode))
            .map(|(show, at)| (show.id, at));
        let (lists, read_ahead) = match likely {
            Some((show, at)) => {
                let (lists, found) = tokio::join!(
                    store.episodes_of_shows(&ids, guild),
                    store.recap_in_view(show, at, guild, member)
                );
                (lists?, Some((show, at, found?)))
            }
            None => (store.episodes_of_shows(&ids, guild).await?, None),
        };
        let (show, existing) = self.pick_listed(store, show_query, confident, lists, guild).await?;
        let at = match (season, episode) {
            (None, None) => Some(None),
            (Some(season), None) => existing
                .iter()
                .find(|n| n.season == season)
                .map(|first| Some((season, first.episode))),
            (Some(season), Some(episode)) => Some(Some((season, episode))),
            (None, Some(episode)) => {
                let mut seasons: Vec<u32> =
                    existing.iter().filter(|n| covers(n, episode)).map(|n| n.season).collect();
                seasons.dedup();
                match seasons.as_slice() {
                    [] => None,
                    [only] => Some(Some((*only, episode))),
                    several if several.contains(&1) => Some(Some((1, episode))),
                    several => {
                        return Err(UserError::AmbiguousEpisode {
                            show: show.name,
                            episode,
                            seasons: several.to_vec(),
                        }
                        .into())
                    }
                }
            }
        };
        let found = match (at, read_ahead) {
            (Some(at), Some((likely, read_at, found))) if likely == show.id && read_at == at => {
                found
            }
            (Some(at), _) => store.recap_in_view(show.id, at, guild, member).await?,
            (None, _) => None,
        };
        match found {
            Some(found) => Ok((
                RecapView {
                    recap: found.recap,
                    episodes: existing,
                    scores: found.scores,
                    spoilers: found.spoilers,
                },
                found.progress,
            )),
            None => Err(UserError::UnknownEpisode {
                show: show.name,
                asked: describe_asked(season, episode),
                existing,
            }
            .into()),
        }
    }

    /// The view of a stored recap: its episode list, its scores (in `guild` and everywhere)
    /// and the spoiler setting (`spoilers`, else the server's).
    pub async fn recap_view(
        &self,
        recap: Recap,
        guild: Option<GuildId>,
        spoilers: Option<bool>,
    ) -> Result<RecapView> {
        let store = self.store.cached().await?;
        let episodes = store.episodes_with_recaps(recap.show_id, guild).await?;
        view_with_episodes(&store, recap.into(), episodes, guild, spoilers).await
    }

    /// The view of recap `id`, or of its previous or next episode when `step` says so.
    pub async fn recap_view_by_id(
        &self,
        id: RecapId,
        step: Option<Direction>,
        guild: Option<GuildId>,
        spoilers: Option<bool>,
    ) -> Result<RecapView> {
        let Some(mut recap) =
            self.store.recap_by_id(id).await?.filter(|recap| recap.visible_to(guild)).map(Arc::new)
        else {
            return Err(UserError::RecapGone.into());
        };
        let store = self.store.cached().await?;
        let episodes = store.episodes_with_recaps(recap.show_id, guild).await?;
        if let Some(target) = step.and_then(|d| neighbour(&episodes, &recap.number, d)) {
            if let Some(found) =
                store.recap(recap.show_id, target.season, target.episode, guild).await?
            {
                recap = found;
            }
        }
        view_with_episodes(&store, recap, episodes, guild, spoilers).await
    }
}

async fn view_with_episodes(
    store: &Cached<'_>,
    recap: Arc<Recap>,
    episodes: Vec<EpisodeNumber>,
    guild: Option<GuildId>,
    spoilers: Option<bool>,
) -> Result<RecapView> {
    let scores = store.scores(recap.episode_id, guild).await?;
    let spoilers = match (spoilers, guild) {
        (Some(spoilers), _) => spoilers,
        (None, Some(guild)) => store.guild_spoilers(guild).await?,
        (None, None) => true,
    };
    Ok(RecapView { recap, episodes, scores, spoilers })
}

/// The episode `/recap`'s options most likely resolve to before the show's episode list is
/// known (see [`App::find_recap`]): `None` for a season alone, whose first episode only the
/// list tells.
fn likely_at(season: Option<u32>, episode: Option<u32>) -> Option<Option<(u32, u32)>> {
    match (season, episode) {
        (None, None) => Some(None),
        (Some(season), Some(episode)) => Some(Some((season, episode))),
        (None, Some(episode)) => Some(Some((1, episode))),
        (Some(_), None) => None,
    }
}

/// Whether a stored episode (perhaps a double one) covers episode `episode`.
fn covers(number: &EpisodeNumber, episode: u32) -> bool {
    number.episode == episode || (number.episode < episode && number.episode_end >= Some(episode))
}

fn neighbour(
    episodes: &[EpisodeNumber],
    current: &EpisodeNumber,
    direction: Direction,
) -> Option<EpisodeNumber> {
    let at = episodes.iter().position(|n| n == current)?;
    match direction {
        Direction::Previous => at.checked_sub(1).and_then(|i| episodes.get(i)).copied(),
        Direction::Next => episodes.get(at + 1).copied(),
    }
}

fn describe_asked(season: Option<u32>, episode: Option<u32>) -> super::Asked {
    super::Asked { season, episode }
}
