//! The domain: recaps, the articles they come from, and finding shows by name.
//! Nothing here knows about Discord or the database.

pub mod chart;
pub mod gazetteer;
pub mod heatmap;
pub mod lookup;
pub mod names;
pub mod render;
pub mod romanize;

use chrono::{DateTime, Utc};
use serde::Serialize;

pub use crate::ids::{EpisodeId, RecapId, ShowId};

/// Which episode(s) a recap covers: `S1E2`, or `S1E3–4` for a double episode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct EpisodeNumber {
    pub season: u32,
    pub episode: u32,
    pub episode_end: Option<u32>,
}

impl std::fmt::Display for EpisodeNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "S{}E{}", self.season, self.episode)?;
        if let Some(end) = self.episode_end {
            write!(f, "–{end}")?;
        }
        Ok(())
    }
}

/// A recap as stored: what `/recap` shows and `recapbot recaps` lists.
#[derive(Debug, Clone, PartialEq)]
pub struct Recap {
    pub id: RecapId,
    pub show_id: ShowId,
    pub show: String,
    pub episode_id: EpisodeId,
    pub number: EpisodeNumber,
    pub title: Option<String>,
    pub source_site: String,
    pub url: Option<String>,
    pub recap: String,
    pub review: Option<String>,
    pub rating: Option<CriticRating>,
    pub published_at: Option<i64>,
    pub updated_at: i64,
    /// The server whose admin brought it in, which alone sees it; `None`: shared by all.
    pub owner: Option<crate::ids::GuildId>,
}

impl Recap {
    /// Whether a member of `viewer` may see it (`None`: the operator, who sees everything).
    pub fn visible_to(&self, viewer: Option<crate::ids::GuildId>) -> bool {
        match (self.owner, viewer) {
            (None, _) | (_, None) => true,
            (Some(owner), Some(viewer)) => owner == viewer,
        }
    }
}

/// "4/5"; a rating the critic wrote another way shows that form first, so readers see the
/// site's own verdict and a value they can compare across sites: "B+ (4.25/5)".
impl std::fmt::Display for CriticRating {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let scaled = format!("{}/{}", self.value, self.out_of);
        match self.display.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
            Some(written) if written != scaled => write!(f, "{written} ({scaled})"),
            _ => f.write_str(&scaled),
        }
    }
}

/// A critic's rating, e.g. 4 out of 5.
#[derive(Debug, Clone, PartialEq)]
pub struct CriticRating {
    pub value: f32,
    pub out_of: f32,
    /// The rating as the critic wrote it ("7.0/10", "B+", "★★★½"), when known.
    pub display: Option<String>,
}

impl CriticRating {
    /// A rating known only by its value.
    pub fn new(value: f32, out_of: f32) -> CriticRating {
        CriticRating { value, out_of, display: None }
    }
}

/// A recap as it comes in (from an article page, a feed item or a file), before it is stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub show: String,
    /// Other names of the show the page gives ("Crash Landing on You (사랑의 불시착)").
    pub aliases: Vec<String>,
    pub season: u32,
    pub episode: u32,
    pub episode_end: Option<u32>,
    pub title: Option<String>,
    /// Recap paragraphs, joined with a blank line.
    pub recap: String,
    /// Review paragraphs (after the review heading), joined with a blank line.
    pub review: Option<String>,
    pub rating: Option<CriticRating>,
    pub url: Option<String>,
    pub published_at: Option<DateTime<Utc>>,
}
