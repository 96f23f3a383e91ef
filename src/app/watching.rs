//! Watch progress: a member says which episode they are on, and recaps of later episodes ask
//! before they show. Private to the member, per server.

use super::{App, Result, UserError};
use crate::ids::{GuildId, UserId};
use crate::recap::{EpisodeNumber, Recap};
pub use crate::store::watching::Progress;

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
    ) -> Result<String> {
        let show = self.resolve_show(show_query, Some(member.0)).await?;
        if episode == 0 || season == Some(0) {
            return Err(UserError::BadOption("Seasons and episodes count from 1.".into()).into());
        }
        let progress = Progress { season: season.unwrap_or(1), episode };
        self.store.set_progress(member, show.id, progress).await?;
        Ok(format!(
            "Noted: you're on {} of **{}**. Recaps of later episodes will ask before they show.",
            number(progress),
            show.name
        ))
    }

    /// The member's progress on every show, one line each.
    pub async fn progress_list(&self, member: Member) -> Result<String> {
        let shows = self.store.progress_list(member).await?;
        if shows.is_empty() {
            return Ok("You haven't noted where you are in any show. Use `/watching set`.".into());
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
    pub async fn clear_progress(&self, member: Member, show_query: Option<&str>) -> Result<String> {
        let show = match show_query {
            Some(query) => Some(self.resolve_show(query, Some(member.0)).await?),
            None => None,
        };
        let cleared = self.store.clear_progress(member, show.as_ref().map(|s| s.id)).await?;
        Ok(match (show, cleared) {
            (Some(show), 0) => format!("You had no progress noted for **{}**.", show.name),
            (Some(show), _) => format!("Forgot where you are in **{}**.", show.name),
            (None, n) => format!("Forgot where you are in {n} show(s)."),
        })
    }

    /// The member's progress when `recap` is of a later episode than they have watched.
    pub async fn ahead_of_progress(
        &self,
        member: Member,
        recap: &Recap,
    ) -> Result<Option<Progress>> {
        let Some(progress) = self.store.progress(member, recap.show_id).await? else {
            return Ok(None);
        };
        Ok(is_ahead(&recap.number, progress).then_some(progress))
    }
}

/// Whether an episode comes after the last one watched.
pub fn is_ahead(episode: &EpisodeNumber, progress: Progress) -> bool {
    (episode.season, episode.episode) > (progress.season, progress.episode)
}

/// "You're on E3 of **Show** — show E5 anyway?", in the shortest words that are unambiguous.
pub fn spoiler_question(recap: &Recap, progress: Progress) -> String {
    let (on, asked) = if recap.number.season == progress.season {
        (format!("E{}", progress.episode), format!("E{}", recap.number.episode))
    } else {
        (number(progress), format!("S{}E{}", recap.number.season, recap.number.episode))
    };
    format!("You're on {on} of **{}** — show {asked} anyway? It may spoil what you haven't watched yet.", recap.show)
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
