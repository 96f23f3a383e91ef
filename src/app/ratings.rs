//! Community scores read back: a season's chart and the best-rated episodes.

use super::{App, Result, UserError};
use crate::i18n::Locale;
use crate::ids::GuildId;
use crate::recap::chart::{score_table, season_chart, EpisodeScore};
use crate::recap::heatmap::{heatmap_table, show_heatmap, SeasonScores};
use crate::recap::render::Score;
use crate::store::ratings::EpisodeRating;
use crate::tr;

/// `/top` lists this many episodes.
pub const TOP_COUNT: u32 = 10;
/// `RECAPBOT_TOP_MIN_VOTES` default.
pub const TOP_MIN_VOTES: u32 = 3;

/// A season's scores: a PNG chart and the same numbers as a text table (screen readers).
pub struct SeasonChart {
    pub show: String,
    pub season: u32,
    pub table: String,
    pub png: Vec<u8>,
}

/// Every season's scores as one grid, with the same numbers as text.
pub struct ShowHeatmap {
    pub show: String,
    pub seasons: usize,
    pub table: String,
    pub png: Vec<u8>,
}

/// The best-rated episodes, and what the list was asked for.
pub struct TopList {
    pub show: Option<String>,
    pub min_votes: u32,
    pub episodes: Vec<EpisodeRating>,
}

impl App {
    /// The chart of a season's scores (`season` None: the latest), counting the votes of
    /// `guild` (None: every server), asked by a member of `viewer`, its words in `locale`.
    /// `scope` names whose votes, for the chart's title.
    pub async fn season_chart(
        &self,
        show_query: &str,
        season: Option<u32>,
        (viewer, guild): (Option<GuildId>, Option<GuildId>),
        scope: &str,
        locale: Locale,
    ) -> Result<SeasonChart> {
        let show = self.resolve_show(show_query, viewer).await?;
        let seasons = self.store.seasons(show.id).await?;
        let season = match (season, seasons.last()) {
            (Some(wanted), _) if seasons.contains(&wanted) => wanted,
            (None, Some(latest)) => *latest,
            _ => {
                return Err(UserError::UnknownSeason {
                    show: show.name,
                    season: season.unwrap_or(0),
                    seasons,
                }
                .into())
            }
        };
        let episodes: Vec<EpisodeScore> = self
            .store
            .season_ratings(show.id, season, guild)
            .await?
            .iter()
            .map(|r| EpisodeScore { label: episode_label(r), average: r.average, votes: r.votes })
            .collect();
        let title =
            tr!(locale, "chart-title-season", show = &show.name, season = season, scope = scope);
        let table = score_table(&episodes, locale);
        // Drawing is CPU work: keep it off the async workers that serve other events.
        let png =
            tokio::task::spawn_blocking(move || season_chart(&title, &episodes, locale)).await??;
        Ok(SeasonChart { show: show.name, season, table, png })
    }

    /// Every season of the show as a grid of community scores (and, with `critic`, the
    /// critic's ratings beside them), counting the votes of `guild` (None: every server), its
    /// words in `locale`.
    pub async fn show_heatmap(
        &self,
        show_query: &str,
        critic: bool,
        (viewer, guild): (Option<GuildId>, Option<GuildId>),
        scope: &str,
        locale: Locale,
    ) -> Result<ShowHeatmap> {
        let show = self.resolve_show(show_query, viewer).await?;
        let ratings = self.store.show_ratings(show.id, guild).await?;
        let critics =
            if critic { self.store.critic_ratings(show.id, viewer).await? } else { Vec::new() };
        let mut seasons: Vec<SeasonScores> = Vec::new();
        for rating in &ratings {
            let number = rating.number;
            if seasons.last().map(|s| s.season) != Some(number.season) {
                seasons.push(SeasonScores {
                    season: number.season,
                    episodes: Vec::new(),
                    numbers: Vec::new(),
                    critic: Vec::new(),
                });
            }
            let season = seasons.last_mut().expect("a season was just pushed");
            season.episodes.push(EpisodeScore {
                label: episode_label(rating),
                average: rating.average,
                votes: rating.votes,
            });
            season.numbers.push((number.episode, number.episode_end));
            season.critic.push(critics.iter().find(|(n, _)| *n == number).map(|(_, r)| *r));
        }
        if seasons.is_empty() {
            let no_recaps = UserError::UnknownEpisode {
                show: show.name,
                asked: Default::default(),
                existing: vec![],
            };
            return Err(no_recaps.into());
        }
        let id = if critic { "chart-title-heatmap-critic" } else { "chart-title-heatmap" };
        let title = tr!(locale, id, show = &show.name, scope = scope);
        let table = heatmap_table(&seasons, critic, locale);
        let count = seasons.len();
        // Drawing is CPU work: keep it off the async workers that serve other events.
        let png =
            tokio::task::spawn_blocking(move || show_heatmap(&title, &seasons, critic, locale))
                .await??;
        Ok(ShowHeatmap { show: show.name, seasons: count, table, png })
    }

    /// The ten best-rated episodes (of one show, when given) with enough votes.
    pub async fn top(
        &self,
        show_query: Option<&str>,
        (viewer, guild): (Option<GuildId>, Option<GuildId>),
    ) -> Result<TopList> {
        let show = self.resolve_optional_show(show_query, viewer).await?;
        let min_votes = self.top_min_votes;
        let episodes = self
            .store
            .top_episodes(show.as_ref().map(|s| s.id), guild, min_votes, TOP_COUNT)
            .await?;
        Ok(TopList { show: show.map(|s| s.name), min_votes, episodes })
    }
}

fn episode_label(rating: &EpisodeRating) -> String {
    match rating.number.episode_end {
        Some(end) => format!("E{}–{end}", rating.number.episode),
        None => format!("E{}", rating.number.episode),
    }
}

impl TopList {
    /// The `/top` message: a numbered list, well under Discord's 2000 characters.
    pub fn message(&self, scope: &str, locale: Locale) -> String {
        let votes = self.min_votes;
        let mut text = match &self.show {
            Some(show) => tr!(locale, "top-title-show", show = show, scope = scope, votes = votes),
            None => tr!(locale, "top-title", scope = scope, votes = votes),
        };
        text.push('\n');
        if self.episodes.is_empty() {
            text.push_str(&tr!(locale, "top-none"));
            return text;
        }
        for (rank, rating) in self.episodes.iter().enumerate() {
            let score = Score { average: rating.average.unwrap_or(0.0), votes: rating.votes };
            let mut title = rating.title.as_deref().map(|t| format!(" · {t}")).unwrap_or_default();
            if title.chars().count() > 60 {
                title = format!("{}…", title.chars().take(59).collect::<String>());
            }
            let show: String = rating.show.chars().take(60).collect();
            let score = score.shown(locale);
            text.push_str(&format!("{}. {show} — {}{title} — {score}\n", rank + 1, rating.number));
        }
        text
    }
}
