//! Slash commands. Each one resolves what was asked through the store, renders through
//! `recap::render`, and only then touches Discord.

use std::time::Duration;

use poise::serenity_prelude as serenity;
use poise::CreateReply;
use serenity::CreateAutocompleteResponse;

use super::{Context, Data, Error};
use crate::recap::lookup::{ShowMatch, MAX_CHOICES};
use crate::recap::{EpisodeNumber, Recap};
use crate::store::Store;

/// Discord gives 3 s for the first answer; past this the bot defers and edits later.
pub const DEFER_AFTER: Duration = Duration::from_millis(2000);

/// How close a typed show name must be to be taken without asking: exact, or the start of
/// exactly one show's name. Anything looser gets "did you mean".
const CONFIDENT_MATCH: f64 = 0.9;

pub fn all() -> Vec<poise::Command<Data, Error>> {
    vec![
        recap(),
        super::charts::ratings(),
        super::charts::top(),
        super::subscriptions::alerts(),
        super::subscriptions::feeds(),
        super::subscriptions::publish(),
        super::subscriptions::settings(),
    ]
}

/// What `/recap` found for the options given.
#[derive(Debug)]
pub enum Lookup {
    /// The recap, and the show's episodes that have one (for ⏮ ⏭).
    Found {
        recap: Box<Recap>,
        episodes: Vec<EpisodeNumber>,
    },
    UnknownShow {
        query: String,
        suggestions: Vec<String>,
    },
    UnknownEpisode {
        show: String,
        asked: String,
        existing: Vec<EpisodeNumber>,
    },
    /// Only an episode was given and several seasons have it.
    AmbiguousEpisode {
        show: String,
        episode: u32,
        seasons: Vec<u32>,
    },
}

/// The show a member meant by `query`, or (as `Err`) the "did you mean" to answer with.
pub async fn resolve_show(
    store: &Store,
    query: &str,
) -> crate::store::Result<Result<ShowMatch, Lookup>> {
    let matches = store.search_shows(query, 5).await?;
    let confident: Vec<_> = matches.iter().filter(|m| m.score >= CONFIDENT_MATCH).collect();
    Ok(match confident.as_slice() {
        [one] => Ok((*one).clone()),
        [first, ..] if first.score >= 1.0 => Ok((*first).clone()),
        _ => Err(Lookup::UnknownShow {
            query: query.to_string(),
            suggestions: matches.into_iter().take(3).map(|m| m.name).collect(),
        }),
    })
}

/// An optional show option: `Ok(None)` when none was given, `Err` with the "did you mean" to
/// answer when it names no show.
pub async fn resolve_optional_show(
    store: &Store,
    query: Option<&str>,
) -> crate::store::Result<Result<Option<ShowMatch>, String>> {
    let Some(query) = query else { return Ok(Ok(None)) };
    Ok(match resolve_show(store, query).await? {
        Ok(show) => Ok(Some(show)),
        Err(unknown) => Err(not_found_message(&unknown).unwrap_or_default()),
    })
}

/// Runs `work`, deferring the interaction first if it takes longer than the bot's
/// `defer_after`: Discord drops an interaction not answered within 3 s.
pub async fn within_deadline<T>(
    ctx: Context<'_>,
    ephemeral: bool,
    work: impl std::future::Future<Output = Result<T, Error>>,
) -> Result<T, Error> {
    tokio::pin!(work);
    tokio::select! {
        done = &mut work => done,
        _ = tokio::time::sleep(ctx.data().defer_after) => {
            if ephemeral { ctx.defer_ephemeral().await?; } else { ctx.defer().await?; }
            work.await
        }
    }
}

/// Resolves `/recap`'s options to a recap: without season and episode, the show's latest;
/// with only an episode, season 1 or else the only season that has it.
pub async fn find_recap(
    store: &Store,
    show_query: &str,
    season: Option<u32>,
    episode: Option<u32>,
) -> crate::store::Result<Lookup> {
    let show = match resolve_show(store, show_query).await? {
        Ok(show) => show,
        Err(unknown) => return Ok(unknown),
    };

    let existing = store.episodes_with_recaps(show.id).await?;
    let found = match (season, episode) {
        (None, None) => store.latest_recap(show.id).await?,
        (Some(season), None) => match existing.iter().find(|n| n.season == season) {
            Some(first) => store.recap(show.id, season, first.episode).await?,
            None => None,
        },
        (Some(season), Some(episode)) => store.recap(show.id, season, episode).await?,
        (None, Some(episode)) => {
            let mut seasons: Vec<u32> = existing
                .iter()
                .filter(|n| {
                    n.episode == episode || (n.episode < episode && n.episode_end >= Some(episode))
                })
                .map(|n| n.season)
                .collect();
            seasons.dedup();
            match seasons.as_slice() {
                [] => None,
                [only] => store.recap(show.id, *only, episode).await?,
                several if several.contains(&1) => store.recap(show.id, 1, episode).await?,
                several => {
                    return Ok(Lookup::AmbiguousEpisode {
                        show: show.name,
                        episode,
                        seasons: several.to_vec(),
                    })
                }
            }
        }
    };
    Ok(match found {
        Some(recap) => Lookup::Found { recap: Box::new(recap), episodes: existing },
        None => Lookup::UnknownEpisode {
            show: show.name,
            asked: describe_asked(season, episode),
            existing,
        },
    })
}

fn describe_asked(season: Option<u32>, episode: Option<u32>) -> String {
    match (season, episode) {
        (Some(s), Some(e)) => format!("season {s}, episode {e}"),
        (Some(s), None) => format!("season {s}"),
        (None, Some(e)) => format!("episode {e}"),
        (None, None) => "any episode".to_string(),
    }
}

/// The words a member reads when `/recap` found nothing.
pub fn not_found_message(lookup: &Lookup) -> Option<String> {
    match lookup {
        Lookup::Found { .. } => None,
        Lookup::UnknownShow { query, suggestions } => Some(match suggestions.as_slice() {
            [] => format!("No show called “{query}” has recaps yet."),
            [one] => format!("No show called “{query}”. Did you mean **{one}**?"),
            several => format!(
                "No show called “{query}”. Did you mean {}?",
                several.iter().map(|s| format!("**{s}**")).collect::<Vec<_>>().join(", ")
            ),
        }),
        Lookup::UnknownEpisode { show, asked, existing } => Some(if existing.is_empty() {
            format!("**{show}** has no recaps yet.")
        } else {
            format!(
                "No recap of **{show}** {asked}. Recaps exist for: {}.",
                existing.iter().map(EpisodeNumber::to_string).collect::<Vec<_>>().join(", ")
            )
        }),
        Lookup::AmbiguousEpisode { show, episode, seasons } => Some(format!(
            "**{show}** has an episode {episode} in seasons {}: add `season:` to pick one.",
            seasons.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")
        )),
    }
}

pub async fn complete_show(ctx: Context<'_>, partial: &str) -> CreateAutocompleteResponse {
    let choices = match ctx.data().store.search_shows(partial, MAX_CHOICES).await {
        Ok(matches) => matches
            .into_iter()
            // A choice's name and value are at most 100 characters.
            .filter(|m| m.name.chars().count() <= 100)
            .map(|m| serenity::AutocompleteChoice::new(m.name.clone(), m.name))
            .collect(),
        Err(error) => {
            tracing::error!(%error, "show autocomplete failed");
            Vec::new()
        }
    };
    CreateAutocompleteResponse::new().set_choices(choices)
}

/// Show an episode's recap (spoilers!), its review and ratings.
#[poise::command(slash_command, guild_only)]
async fn recap(
    ctx: Context<'_>,
    #[description = "The show (start typing to search)"]
    #[autocomplete = "complete_show"]
    #[max_length = 100]
    show: String,
    #[description = "Season (default: the latest, or season 1 when an episode is given)"]
    #[min = 1]
    #[max = 9999]
    season: Option<u32>,
    #[description = "Episode (default: the latest)"]
    #[min = 1]
    #[max = 9999]
    episode: Option<u32>,
    #[description = "Only you see the answer"] private: Option<bool>,
) -> Result<(), Error> {
    let private = private.unwrap_or(false);
    let store = ctx.data().store.clone();
    let guild = ctx.guild_id().map(|g| g.get());
    let work = async move {
        let lookup = find_recap(&store, &show, season, episode).await?;
        let message = match &lookup {
            Lookup::Found { recap, episodes } => {
                let spoilers = match guild {
                    Some(guild) => store.guild_spoilers(guild).await?,
                    None => true,
                };
                let scores = store.scores(recap.episode_id, guild).await?;
                Some(super::pager::recap_message(recap, episodes, 0, spoilers, &scores))
            }
            _ => None,
        };
        Ok::<_, Error>((lookup, message))
    };
    let (lookup, message) = within_deadline(ctx, private, work).await?;

    match (message, not_found_message(&lookup)) {
        (Some(message), _) => {
            let reply = CreateReply::default()
                .ephemeral(private)
                .embed(message.embed)
                .components(message.components);
            let sent = ctx.send(reply).await?;
            if let (false, Lookup::Found { recap, .. }, Some(guild)) =
                (private, &lookup, ctx.guild_id())
            {
                // A public recap is a rating post: its 1️⃣–5️⃣ reactions are votes.
                let message = sent.message().await?;
                let (channel, id) = (message.channel_id.get(), message.id.get());
                ctx.data()
                    .store
                    .record_post(id, guild.get(), channel, recap.episode_id, recap.id)
                    .await?;
                tokio::spawn(super::ratings::add_rating_reactions(
                    ctx.serenity_context().http.clone(),
                    channel,
                    id,
                    None,
                ));
            }
        }
        (None, text) => {
            let text = text.unwrap_or_else(|| "Nothing found.".to_string());
            ctx.send(CreateReply::default().content(text).ephemeral(true)).await?;
        }
    }
    Ok(())
}

/// Answers a fixed string: what `/recap` costs with no work at all (`recapbot bench`).
#[poise::command(slash_command, rename = "recap")]
pub async fn fixed_recap(
    ctx: Context<'_>,
    #[description = "The show"] show: String,
    #[description = "Season"] season: Option<u32>,
    #[description = "Episode"] episode: Option<u32>,
    #[description = "Only you see the answer"] private: Option<bool>,
) -> Result<(), Error> {
    let _ = (show, season, episode, private);
    ctx.say("A fixed answer.").await?;
    Ok(())
}

/// One handler for every failure: the log gets the whole error, the member a sentence.
pub async fn on_error(error: poise::FrameworkError<'_, Data, Error>) {
    match error {
        poise::FrameworkError::Command { error, ctx, .. } => {
            tracing::error!(command = %ctx.command().qualified_name, error = %error, "command failed");
            let text = format!(
                "Sorry, /{} failed on our side. The error was logged; please try again in a moment.",
                ctx.command().qualified_name
            );
            let _ = ctx.send(CreateReply::default().content(text).ephemeral(true)).await;
        }
        poise::FrameworkError::MissingUserPermissions { missing_permissions, ctx, .. } => {
            // serenity names it "Manage Guild"; Discord's apps call it Manage Server.
            let needed = missing_permissions
                .map(|p| p.to_string().replace("Manage Guild", "Manage Server"))
                .unwrap_or_else(|| "the required".into());
            let text = format!(
                "Only members with **{needed}** permission can use /{}.",
                ctx.command().qualified_name
            );
            let _ = ctx.send(CreateReply::default().content(text).ephemeral(true)).await;
        }
        other => {
            if let Err(e) = poise::builtins::on_error(other).await {
                tracing::error!(error = %e, "error while handling an error");
            }
        }
    }
}
