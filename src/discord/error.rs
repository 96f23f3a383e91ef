//! One handler for every failure, and the deadline every command answers within.

use poise::CreateReply;

use super::l10n::locale;
use super::{Context, Data, Error};
use crate::app::UserError;
use crate::i18n::Locale;
use crate::observe::name;
use crate::tr;

/// Runs `work`, deferring the interaction first if it takes longer than the bot's
/// `defer_after`: Discord drops an interaction not answered within 3 s.
pub async fn within_deadline<T>(
    ctx: Context<'_>,
    ephemeral: bool,
    work: impl std::future::Future<Output = Result<T, Error>>,
) -> Result<T, Error> {
    let defer = || async {
        if ephemeral {
            ctx.defer_ephemeral().await
        } else {
            ctx.defer().await
        }
    };
    let patience = ctx.data().defer_after;
    // No patience at all means always defer: a race against a zero-length sleep could go
    // either way.
    if patience.is_zero() {
        defer().await?;
        return work.await;
    }
    tokio::pin!(work);
    tokio::select! {
        done = &mut work => done,
        _ = tokio::time::sleep(patience) => {
            defer().await?;
            work.await
        }
    }
}

/// An answer only the member who asked sees.
pub async fn reply_privately(ctx: Context<'_>, text: impl Into<String>) -> Result<(), Error> {
    ctx.send(CreateReply::default().content(text).ephemeral(true)).await?;
    Ok(())
}

/// Logs the command and notes when it started, for its duration.
pub async fn command_started(ctx: Context<'_>) {
    tracing::info!(
        command = %ctx.command().qualified_name,
        guild = ctx.guild_id().map(|g| g.get()),
        shard = ctx.serenity_context().shard_id.0,
        "command"
    );
    ctx.set_invocation_data(std::time::Instant::now()).await;
}

/// Counts the command by its outcome, with its duration.
pub async fn command_ended(ctx: Context<'_>, outcome: &'static str) {
    let command = ctx.command().qualified_name.clone();
    if let Some(started) = ctx.invocation_data::<std::time::Instant>().await {
        metrics::histogram!(name::COMMAND_SECONDS, "command" => command.clone())
            .record(started.elapsed().as_secs_f64());
    }
    metrics::counter!(name::COMMANDS, "command" => command, "outcome" => outcome).increment(1);
}

/// A user error is answered privately in its own words; anything else is logged with its
/// cause and answered with one fixed sentence.
pub async fn on_error(error: poise::FrameworkError<'_, Data, Error>) {
    match error {
        poise::FrameworkError::Command { error: Error::User(error), ctx, .. } => {
            command_ended(ctx, "user_error").await;
            let _ = reply_privately(ctx, error.text(locale(ctx))).await;
        }
        poise::FrameworkError::Command { error: Error::Internal(error), ctx, .. } => {
            command_ended(ctx, "error").await;
            tracing::error!(
                command = %ctx.command().qualified_name,
                guild = ctx.guild_id().map(|g| g.get()),
                shard = ctx.serenity_context().shard_id.0,
                error = %error,
                cause = ?error.source(),
                "command failed"
            );
            let text = tr!(locale(ctx), "error-internal", command = &ctx.command().qualified_name);
            let _ = reply_privately(ctx, text).await;
        }
        poise::FrameworkError::MissingUserPermissions { missing_permissions, ctx, .. } => {
            // serenity names it "Manage Guild"; Discord's apps call it Manage Server.
            let permission =
                missing_permissions.map(|p| p.to_string().replace("Manage Guild", "Manage Server"));
            let error = UserError::MissingPermission {
                permission,
                command: ctx.command().qualified_name.to_string(),
            };
            let _ = reply_privately(ctx, error.text(locale(ctx))).await;
        }
        // Discord's clients send every required option; a hand-made request may not.
        poise::FrameworkError::ArgumentParse { error, ctx, .. } => {
            let command = &ctx.command().qualified_name;
            let text =
                tr!(locale(ctx), "error-options", command = command, error = error.to_string());
            let _ = reply_privately(ctx, text).await;
        }
        poise::FrameworkError::CommandStructureMismatch { ctx, description, .. } => {
            tracing::warn!(command = %ctx.command().qualified_name, %description, "options not as registered");
            let text = tr!(
                Locale::for_tag(&ctx.interaction.locale),
                "error-options-outdated",
                command = &ctx.command().qualified_name,
                description = description
            );
            let reply = CreateReply::default().content(text).ephemeral(true);
            let _ = poise::Context::Application(ctx).send(reply).await;
        }
        other => {
            if let Err(e) = poise::builtins::on_error(other).await {
                tracing::error!(error = %e, "error while handling an error");
            }
        }
    }
}
