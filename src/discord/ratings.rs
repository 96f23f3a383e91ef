//! `/ratings` (a season's community scores as a chart) and `/top` (the best-rated episodes).

use poise::serenity_prelude as serenity;
use poise::CreateReply;
use serenity::CreateAttachment;

use super::error::within_deadline;
use super::l10n::locale;
use super::recap::complete_show;
use super::{Context, Error};
use crate::i18n::Locale;
use crate::ids::GuildId;
use crate::tr;

/// Whose votes to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, poise::ChoiceParameter)]
pub enum Scope {
    #[name = "this server"]
    Server,
    #[name = "all servers"]
    All,
}

impl Scope {
    fn guild(self, ctx: Context<'_>) -> Option<GuildId> {
        match self {
            Scope::Server => ctx.guild_id().map(GuildId::from),
            Scope::All => None,
        }
    }

    /// Its choice's label, in `locale`.
    fn label(self, locale: Locale) -> String {
        match self {
            Scope::Server => tr!(locale, "choice-this-server"),
            Scope::All => tr!(locale, "choice-all-servers"),
        }
    }
}

/// What to set beside the community's scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, poise::ChoiceParameter)]
pub enum Compare {
    #[name = "critic"]
    Critic,
}

/// Chart the community's ratings: one season, or every season as a heatmap.
#[poise::command(slash_command, guild_only)]
pub async fn ratings(
    ctx: Context<'_>,
    #[description = "The show (start typing to search)"]
    #[autocomplete = "complete_show"]
    #[max_length = 100]
    show: String,
    #[description = "Season (default: every season, as a heatmap)"]
    #[min = 1]
    #[max = 9999]
    season: Option<u32>,
    #[description = "Whose votes (default: this server)"] scope: Option<Scope>,
    #[description = "Set the critic's ratings beside the community's (heatmap)"] compare: Option<
        Compare,
    >,
) -> Result<(), Error> {
    let scope = scope.unwrap_or(Scope::Server);
    let viewer = ctx.guild_id().map(GuildId::from);
    let votes = (viewer, scope.guild(ctx));
    let locale = locale(ctx);
    // The picture's words (title, axes) speak the same language as the answer around it.
    let chart_scope = scope.label(locale);
    let (text, png) = match season {
        Some(season) => {
            let work =
                ctx.data().app.season_chart(&show, Some(season), votes, &chart_scope, locale);
            let chart = within_deadline(ctx, false, work).await?;
            let title = tr!(
                locale,
                "ratings-season",
                show = &chart.show,
                season = chart.season,
                scope = scope.label(locale)
            );
            let text = format!("{title}\n```\n{}\n```", chart.table);
            (text, chart.png)
        }
        None => {
            let critic = compare == Some(Compare::Critic);
            let work = ctx.data().app.show_heatmap(&show, critic, votes, &chart_scope, locale);
            let heatmap = within_deadline(ctx, false, work).await?;
            let id = if critic { "ratings-heatmap-critic" } else { "ratings-heatmap" };
            let title = tr!(
                locale,
                id,
                show = &heatmap.show,
                seasons = heatmap.seasons,
                scope = scope.label(locale)
            );
            let text = format!("{title}\n```\n{}\n```", heatmap.table);
            (text, heatmap.png)
        }
    };
    let reply = CreateReply::default()
        .content(text)
        .attachment(CreateAttachment::bytes(png, "ratings.png"));
    ctx.send(reply).await?;
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
    let viewer = ctx.guild_id().map(GuildId::from);
    let work = ctx.data().app.top(show.as_deref(), (viewer, scope.guild(ctx)));
    let top = within_deadline(ctx, false, work).await?;
    let locale = locale(ctx);
    ctx.say(top.message(&scope.label(locale), locale)).await?;
    Ok(())
}
