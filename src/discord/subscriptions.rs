//! `/alerts subscribe|unsubscribe|list`: which channels get new-recap alerts. Server admins
//! only: the command is hidden from members without Manage Server, and checked again here.

use poise::serenity_prelude as serenity;
use poise::CreateReply;

use super::commands::{complete_show, resolve_optional_show};
use super::{Context, Error};
use crate::store::subscriptions::NewSubscription;

/// New-recap alerts in this server's channels.
#[poise::command(
    slash_command,
    guild_only,
    subcommands("subscribe", "unsubscribe", "list"),
    subcommand_required,
    default_member_permissions = "MANAGE_GUILD",
    required_permissions = "MANAGE_GUILD"
)]
pub async fn alerts(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

async fn reply(ctx: Context<'_>, text: String) -> Result<(), Error> {
    ctx.send(CreateReply::default().content(text).ephemeral(true)).await?;
    Ok(())
}

/// Post new recaps in a channel.
#[poise::command(slash_command, guild_only, required_permissions = "MANAGE_GUILD")]
async fn subscribe(
    ctx: Context<'_>,
    #[description = "Where alerts go"] channel: serenity::ChannelId,
    #[description = "Only this show (default: every show)"]
    #[autocomplete = "complete_show"]
    #[max_length = 100]
    show: Option<String>,
    #[description = "A role to mention in each alert"] role: Option<serenity::RoleId>,
    #[description = "Hide the summary behind spoiler markup (default: yes)"] spoilers: Option<bool>,
    #[description = "Open a discussion thread on each alert (default: no)"] thread: Option<bool>,
) -> Result<(), Error> {
    let Some(guild) = ctx.guild_id() else { return Ok(()) };
    let store = &ctx.data().store;
    let show = match resolve_optional_show(store, show.as_deref()).await? {
        Ok(show) => show,
        Err(did_you_mean) => return reply(ctx, did_you_mean).await,
    };
    let new = NewSubscription {
        guild_id: guild.get(),
        channel_id: channel.get(),
        show: show.as_ref().map(|s| s.id),
        role_id: role.map(|r| r.get()),
        spoilers: spoilers.unwrap_or(true),
        thread: thread.unwrap_or(false),
    };
    store.subscribe(&new).await?;
    let what = show.map(|s| format!("**{}**", s.name)).unwrap_or_else(|| "every show".to_string());
    let mention = role.map(|r| format!(", mentioning <@&{r}>")).unwrap_or_default();
    let threads = if new.thread { ", each with a discussion thread" } else { "" };
    reply(ctx, format!("New recaps of {what} will be posted in <#{channel}>{mention}{threads}."))
        .await
}

/// Stop posting new recaps in a channel.
#[poise::command(slash_command, guild_only, required_permissions = "MANAGE_GUILD")]
async fn unsubscribe(
    ctx: Context<'_>,
    #[description = "The channel"] channel: serenity::ChannelId,
    #[description = "The show (default: the every-show subscription)"]
    #[autocomplete = "complete_show"]
    #[max_length = 100]
    show: Option<String>,
) -> Result<(), Error> {
    let Some(guild) = ctx.guild_id() else { return Ok(()) };
    let store = &ctx.data().store;
    let show = match resolve_optional_show(store, show.as_deref()).await? {
        Ok(show) => show,
        Err(did_you_mean) => return reply(ctx, did_you_mean).await,
    };
    let what = show
        .as_ref()
        .map(|s| format!("**{}**", s.name))
        .unwrap_or_else(|| "every show".to_string());
    let text = if store.unsubscribe(guild.get(), channel.get(), show.map(|s| s.id)).await? {
        format!("<#{channel}> will no longer get alerts for {what}.")
    } else {
        format!("<#{channel}> had no alerts for {what}. `/alerts list` shows what there is.")
    };
    reply(ctx, text).await
}

/// What this server's channels are subscribed to.
#[poise::command(slash_command, guild_only, required_permissions = "MANAGE_GUILD")]
async fn list(ctx: Context<'_>) -> Result<(), Error> {
    let Some(guild) = ctx.guild_id() else { return Ok(()) };
    let subscriptions = ctx.data().store.subscriptions(guild.get()).await?;
    if subscriptions.is_empty() {
        return reply(
            ctx,
            "No alerts yet: `/alerts subscribe` posts new recaps in a channel.".into(),
        )
        .await;
    }
    let mut text = String::from("**New-recap alerts**\n");
    for sub in &subscriptions {
        let show = sub.show.as_ref().map(|(_, name)| name.as_str()).unwrap_or("every show");
        let mut line = format!("<#{}> — {show}", sub.channel_id);
        if let Some(role) = sub.role_id {
            line.push_str(&format!(" · mentions <@&{role}>"));
        }
        line.push_str(if sub.spoilers { " · spoilers hidden" } else { " · spoilers shown" });
        if sub.thread {
            line.push_str(" · threads");
        }
        if let Some(reason) = &sub.broken_reason {
            line.push_str(&format!(
                "\n  ⚠️ stopped: {reason}. Fix it, then subscribe again to resume."
            ));
        }
        // Discord's message limit; a server with this many subscriptions reads the rest in the log.
        if text.chars().count() + line.chars().count() > 1_900 {
            text.push('…');
            break;
        }
        text.push_str(&line);
        text.push('\n');
    }
    reply(ctx, text).await
}

/// The recap sites this server follows.
#[poise::command(
    slash_command,
    guild_only,
    rename = "feeds",
    subcommands("feeds_add", "feeds_list", "feeds_remove"),
    subcommand_required,
    default_member_permissions = "MANAGE_GUILD",
    required_permissions = "MANAGE_GUILD"
)]
pub async fn feeds(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Follow a recap site's RSS, Atom or JSON feed.
#[poise::command(slash_command, guild_only, rename = "add", required_permissions = "MANAGE_GUILD")]
async fn feeds_add(
    ctx: Context<'_>,
    #[description = "The feed's address (https://…)"]
    #[max_length = 500]
    url: String,
    #[description = "The show it is about, when its titles do not say"]
    #[autocomplete = "complete_show"]
    #[max_length = 100]
    show: Option<String>,
) -> Result<(), Error> {
    let Some(guild) = ctx.guild_id() else { return Ok(()) };
    ctx.defer_ephemeral().await?;
    let data = ctx.data();
    // Fetched now, under the operator's policy: a private address or a non-feed is refused
    // before anything is stored.
    let fetched = match data.fetcher.get(&url, None, None).await {
        Ok(fetched) => fetched,
        Err(error) => return reply(ctx, format!("Cannot follow {url}: {error}.")).await,
    };
    if let Err(error) = crate::ingest::feed::parse_feed(&fetched.body) {
        return reply(ctx, format!("Cannot follow {url}: {error}.")).await;
    }
    let show_id = match resolve_optional_show(&data.store, show.as_deref()).await? {
        Ok(show) => show.map(|s| s.id),
        Err(did_you_mean) => return reply(ctx, did_you_mean).await,
    };
    data.store.add_feed(&url, show_id, Some(guild.get()), None, 0).await?;
    reply(
        ctx,
        format!("Following {url}. Recaps already in it are not announced; new ones will be."),
    )
    .await
}

/// The feeds this server follows, with their health.
#[poise::command(slash_command, guild_only, rename = "list", required_permissions = "MANAGE_GUILD")]
async fn feeds_list(ctx: Context<'_>) -> Result<(), Error> {
    let Some(guild) = ctx.guild_id() else { return Ok(()) };
    let feeds = ctx.data().store.feeds(Some(guild.get())).await?;
    if feeds.is_empty() {
        return reply(ctx, "This server follows no feeds: `/feeds add` follows one.".into()).await;
    }
    let mut text = String::from("**Feeds**\n");
    for feed in feeds {
        let state = match (&feed.last_error, feed.last_polled_at) {
            (Some(error), _) => format!("⚠️ {error} (next try <t:{}:R>)", feed.next_poll_at),
            (None, Some(_)) => format!("ok, next poll <t:{}:R>", feed.next_poll_at),
            (None, None) => "not polled yet".to_string(),
        };
        let line = format!("`{}` {} — {state}\n", feed.id, feed.url);
        if text.chars().count() + line.chars().count() > 1_900 {
            text.push('…');
            break;
        }
        text.push_str(&line);
    }
    reply(ctx, text).await
}

/// Stop following a feed.
#[poise::command(
    slash_command,
    guild_only,
    rename = "remove",
    required_permissions = "MANAGE_GUILD"
)]
async fn feeds_remove(
    ctx: Context<'_>,
    #[description = "The feed's number (from /feeds list) or address"] feed: String,
) -> Result<(), Error> {
    let Some(guild) = ctx.guild_id() else { return Ok(()) };
    let text = if ctx.data().store.remove_feed(&feed, Some(guild.get())).await? {
        format!("No longer following {feed}.")
    } else {
        format!("This server follows no feed {feed}. `/feeds list` shows what it follows.")
    };
    reply(ctx, text).await
}

/// Publish a recap article by its address: stored, and announced to subscribed channels.
#[poise::command(
    slash_command,
    guild_only,
    default_member_permissions = "MANAGE_GUILD",
    required_permissions = "MANAGE_GUILD"
)]
pub async fn publish(
    ctx: Context<'_>,
    #[description = "The article's address (https://…)"]
    #[max_length = 500]
    url: String,
) -> Result<(), Error> {
    use crate::ingest::article::Hints;
    use crate::ingest::import::ImportError;
    use crate::store::recaps::Saved;
    ctx.defer_ephemeral().await?;
    let data = ctx.data();
    let source = crate::ingest::import::Source::Url(url.clone());
    let article = match crate::ingest::import::load_article(
        &source,
        &Hints::default(),
        &data.fetcher,
    )
    .await
    {
        Ok(article) => article,
        Err(ImportError::Parse(error)) => {
            return reply(ctx, format!("{url} is not a recap I can read: {error}.")).await
        }
        // The fetcher's own words ("… resolves to 10.0.0.5, a private address: not fetched").
        Err(ImportError::Fetch(error)) => {
            return reply(ctx, format!("Cannot read {url}: {error}.")).await
        }
        Err(error) => return reply(ctx, format!("Cannot read {url}: {error}.")).await,
    };
    let number = crate::recap::EpisodeNumber {
        season: article.season,
        episode: article.episode,
        episode_end: article.episode_end,
    };
    let text = match data.store.save_article(&article).await? {
        Saved::Inserted(_) => {
            format!("Published **{}** {number}: subscribed channels get an alert.", article.show)
        }
        Saved::Updated(_) => {
            format!("Updated the stored recap of **{}** {number} (no new alert).", article.show)
        }
        Saved::Unchanged(_) => {
            format!("**{}** {number} is already published, unchanged.", article.show)
        }
    };
    reply(ctx, text).await
}

/// This server's recapbot preferences.
#[poise::command(
    slash_command,
    guild_only,
    default_member_permissions = "MANAGE_GUILD",
    required_permissions = "MANAGE_GUILD"
)]
pub async fn settings(
    ctx: Context<'_>,
    #[description = "Hide recap text behind spoiler markup (default: yes)"] spoilers: bool,
) -> Result<(), Error> {
    let Some(guild) = ctx.guild_id() else { return Ok(()) };
    ctx.data().store.set_guild_spoilers(guild.get(), spoilers).await?;
    let text = if spoilers {
        "Recaps in this server are hidden behind spoiler markup."
    } else {
        "Recaps in this server are shown without spoiler markup."
    };
    reply(ctx, text.to_string()).await
}
