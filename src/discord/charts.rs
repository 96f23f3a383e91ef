//! `/ratings` (a season's community scores as a chart) and `/top` (the best-rated episodes).

use poise::serenity_prelude as serenity;
use poise::CreateReply;
use serenity::CreateAttachment;

use super::commands::{
    complete_show, not_found_message, resolve_optional_show, resolve_show, within_deadline,
};
use super::{Context, Error};
use crate::recap::chart::{score_table, season_chart, EpisodeScore};
use crate::recap::render::Score;
use crate::store::ratings::EpisodeRating;

/// Whose votes to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, poise::ChoiceParameter)]
pub enum Scope {
    #[name = "this server"]
    Server,
    #[name = "all servers"]
    All,
}

impl Scope {
    fn guild(self, ctx: Context<'_>) -> Option<u64> {
        match self {
            Scope::Server => ctx.guild_id().map(|g| g.get()),
            Scope::All => None,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Scope::Server => "this server",
            Scope::All => "all servers",
        }
    }
}

/// `/top` leaves out episodes with fewer votes than this (`RECAPBOT_TOP_MIN_VOTES`).
pub const TOP_MIN_VOTES: u32 = 3;
const TOP_COUNT: u32 = 10;

fn episode_label(rating: &EpisodeRating) -> String {
    match rating.number.episode_end {
        Some(end) => format!("E{}–{end}", rating.number.episode),
        None => format!("E{}", rating.number.episode),
    }
}

/// Chart a season's community ratings.
#[poise::command(slash_command, guild_only)]
pub async fn ratings(
    ctx: Context<'_>,
    #[description = "The show (start typing to search)"]
    #[autocomplete = "complete_show"]
    #[max_length = 100]
    show: String,
    #[description = "Season (default: the latest)"]
    #[min = 1]
    #[max = 9999]
    season: Option<u32>,
    #[description = "Whose votes (default: this server)"] scope: Option<Scope>,
) -> Result<(), Error> {
    let scope = scope.unwrap_or(Scope::Server);
    let guild = scope.guild(ctx);
    let store = ctx.data().store.clone();
    let work = async move {
        let show = match resolve_show(&store, &show).await? {
            Ok(show) => show,
            Err(unknown) => return Ok(Err(not_found_message(&unknown).unwrap_or_default())),
        };
        let seasons = store.seasons(show.id).await?;
        let season = match (season, seasons.last()) {
            (Some(wanted), _) if seasons.contains(&wanted) => wanted,
            (None, Some(latest)) => *latest,
            _ => {
                let known = seasons.iter().map(u32::to_string).collect::<Vec<_>>().join(", ");
                return Ok(Err(format!(
                    "**{}** has no season {}. Seasons: {known}.",
                    show.name,
                    season.unwrap_or(0)
                )));
            }
        };
        let episodes: Vec<EpisodeScore> = store
            .season_ratings(show.id, season, guild)
            .await?
            .iter()
            .map(|r| EpisodeScore { label: episode_label(r), average: r.average, votes: r.votes })
            .collect();
        let title = format!("{} — Season {season} · {}", show.name, scope.label());
        let table = score_table(&episodes);
        // Drawing is CPU work: keep it off the async workers that serve other events.
        let chart = tokio::task::spawn_blocking(move || season_chart(&title, &episodes)).await??;
        Ok::<_, Error>(Ok((show.name, season, table, chart)))
    };
    match within_deadline(ctx, false, work).await? {
        Ok((show, season, table, chart)) => {
            let text = format!(
                "**{show} — Season {season}** · community ratings, {}\n```\n{table}\n```",
                scope.label()
            );
            let reply = CreateReply::default()
                .content(text)
                .attachment(CreateAttachment::bytes(chart, "ratings.png"));
            ctx.send(reply).await?;
        }
        Err(message) => {
            ctx.send(CreateReply::default().content(message).ephemeral(true)).await?;
        }
    }
    Ok(())
}

/// The ten best-rated episodes.
#[poise::command(slash_command, guild_only)]
pub async fn top(
    ctx: Context<'_>,
    #[description = "Only this show"]
    #[autocomplete = "complete_show"]
    #[max_length = 100]
    show: Option<String>,
    #[description = "Whose votes (default: this server)"] scope: Option<Scope>,
) -> Result<(), Error> {
    let scope = scope.unwrap_or(Scope::Server);
    let guild = scope.guild(ctx);
    let store = ctx.data().store.clone();
    let min_votes = ctx.data().top_min_votes;
    let work = async move {
        let show = match resolve_optional_show(&store, show.as_deref()).await? {
            Ok(show) => show,
            Err(did_you_mean) => return Ok(Err(did_you_mean)),
        };
        let top =
            store.top_episodes(show.as_ref().map(|s| s.id), guild, min_votes, TOP_COUNT).await?;
        Ok::<_, Error>(Ok((show.map(|s| s.name), top)))
    };
    match within_deadline(ctx, false, work).await? {
        Ok((show, top)) => {
            ctx.say(top_list(show.as_deref(), scope, min_votes, &top)).await.map(drop)?
        }
        Err(message) => {
            ctx.send(CreateReply::default().content(message).ephemeral(true)).await.map(drop)?
        }
    }
    Ok(())
}

/// The `/top` message: a numbered list, well under Discord's 2000 characters.
pub fn top_list(show: Option<&str>, scope: Scope, min_votes: u32, top: &[EpisodeRating]) -> String {
    let of = show.map(|s| format!(" of **{s}**")).unwrap_or_default();
    let mut text =
        format!("**Top episodes{of}** · {}, at least {min_votes} votes\n", scope.label());
    if top.is_empty() {
        text.push_str("No episode has enough votes yet: react 1️⃣–5️⃣ on a recap to rate it.");
        return text;
    }
    for (rank, rating) in top.iter().enumerate() {
        let score = Score { average: rating.average.unwrap_or(0.0), votes: rating.votes };
        let mut title = rating.title.as_deref().map(|t| format!(" · {t}")).unwrap_or_default();
        if title.chars().count() > 60 {
            title = format!("{}…", title.chars().take(59).collect::<String>());
        }
        let show: String = rating.show.chars().take(60).collect();
        text.push_str(&format!("{}. {show} — {}{title} — {score}\n", rank + 1, rating.number));
    }
    text
}
