//! Watch progress: a member says which episode they are on, and recaps of later episodes ask
//! before they show. Private to the member, per server.

use super::{App, Result, UserError};
use crate::i18n::Locale;
use crate::ids::{GuildId, UserId};
use crate::recap::{EpisodeNumber, Recap};
pub use crate::store::watching::Progress;
use crate::tr;

/// A member in a server.
pub type Member = (GuildId, UserId);

impl App {
    /// Records that the member has watched `show` up to `season`/`episode`; the confirmation.
    pub async fn set_progress(
        &self,
        member: Member,
        show_query: &str,
        season: Option<u32>,
        episode: u32,
        locale: Locale,
    ) -> Result<String> {
        let show = self.resolve_show(show_query, Some(member.0)).await?;
        if episode == 0 || season == Some(0) {
            return Err(UserError::BadOption("counts-from-one").into());
        }
        let progress = Progress { season: season.unwrap_or(1), episode };
        self.store.set_progress(member, show.id, progress).await?;
        Ok(tr!(locale, "watching-noted", number = number(progress), show = show.name))
    }

    /// The member's progress on every show, one line each.
    pub async fn progress_list(&self, member: Member, locale: Locale) -> Result<String> {
        let shows = self.store.progress_list(member).await?;
        if shows.is_empty() {
            return Ok(tr!(locale, "watching-none"));
        }
        let mut text = String::new();
        for (show, progress) in &shows {
            if !super::alerts::push_line(&mut text, &format!("• **{show}**: {}", number(*progress)))
            {
                break;
            }
        }
        Ok(text.trim_end().to_string())
    }

    /// Forgets the member's progress on one show, or on all of them.
    pub async fn clear_progress(
        &self,
        member: Member,
        show_query: Option<&str>,
        locale: Locale,
    ) -> Result<String> {
        let show = match show_query {
            Some(query) => Some(self.resolve_show(query, Some(member.0)).await?),
            None => None,
        };
        let cleared = self.store.clear_progress(member, show.as_ref().map(|s| s.id)).await?;
        Ok(match (show, cleared) {
            (Some(show), 0) => tr!(locale, "watching-cleared-none", show = show.name),
            (Some(show), _) => tr!(locale, "watching-cleared-show", show = show.name),
            (None, n) => tr!(locale, "watching-cleared-all", count = n),
        })
    }

    /// The member's progress when `recap` is of a later episode than they have watched.
    pub async fn ahead_of_progress(
        &self,
        member: Member,
        recap: &Recap,
    ) -> Result<Option<Progress>> {
        Ok(ahead_of(self.store.progress(member, recap.show_id).await?, recap))
    }
}

/// `progress`, if `recap` is of a later episode than it.
pub(super) fn ahead_of(progress: Option<Progress>, recap: &Recap) -> Option<Progress> {
    progress.filter(|p| is_ahead(&recap.number, *p))
}

/// Whether an episode comes after the last one watched.
pub fn is_ahead(episode: &EpisodeNumber, progress: Progress) -> bool {
    (episode.season, episode.episode) > (progress.season, progress.episode)
}

/// "You're on E3 of **Show** — show E5 anyway?", in the shortest words that are unambiguous.
pub fn spoiler_question(recap: &Recap, progress: Progress, locale: Locale) -> String {
    let (on, asked) = if recap.number.season == progress.season {
        (format!("E{}", progress.episode), format!("E{}", recap.number.episode))
    } else {
        (number(progress), format!("S{}E{}", recap.number.season, recap.number.episode))
    };
    tr!(locale, "gate-question", on = on, show = &recap.show, asked = asked)
}

fn number(progress: Progress) -> String {
    format!("S{}E{}", progress.season, progress.episode)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_episodes_are_ahead_and_earlier_ones_are_not() {
        let on = Progress { season: 2, episode: 3 };
        let ep = |season, episode| EpisodeNumber { season, episode, episode_end: None };
        assert!(is_ahead(&ep(2, 4), on));
        assert!(is_ahead(&ep(3, 1), on));
        assert!(!is_ahead(&ep(2, 3), on));
        assert!(!is_ahead(&ep(1, 9), on));
    }
}
