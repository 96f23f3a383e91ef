//! A minimal real poise bot connected to the fake, as production would connect to Discord.

use std::time::Duration;

use fake_discord::FakeDiscord;
use poise::serenity_prelude as serenity;
use serenity::{
    ClientBuilder, CreateActionRow, CreateButton, CreateInteractionResponse,
    CreateInteractionResponseMessage, EditInteractionResponse, FullEvent, GatewayIntents,
    HttpBuilder,
};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

pub type Error = Box<dyn std::error::Error + Send + Sync>;
pub type Context<'a> = poise::Context<'a, Data, Error>;

pub const T: Duration = Duration::from_secs(5);

pub struct Data {
    /// Reactions the event handler saw: "user_id emoji".
    reactions: mpsc::UnboundedSender<String>,
}

/// Replies pong.
#[poise::command(slash_command)]
async fn ping(ctx: Context<'_>) -> Result<(), Error> {
    ctx.say("pong").await?;
    Ok(())
}

/// Defers, then edits the original response.
#[poise::command(slash_command)]
async fn slow(ctx: Context<'_>) -> Result<(), Error> {
    ctx.defer().await?;
    if let poise::Context::Application(app) = ctx {
        app.interaction
            .edit_response(ctx.http(), EditInteractionResponse::new().content("done slowly"))
            .await?;
    }
    Ok(())
}

async fn complete_show(_ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let choices = ["Severance", "Squid Game", "Succession", "The Bear"]
        .into_iter()
        .filter(|s| s.to_lowercase().starts_with(&partial.to_lowercase()))
        .map(serenity::AutocompleteChoice::from)
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// Shows the recap of a show.
#[poise::command(slash_command)]
async fn recap(
    ctx: Context<'_>,
    #[description = "Show"]
    #[autocomplete = "complete_show"]
    show: String,
) -> Result<(), Error> {
    ctx.say(format!("recap of {show}")).await?;
    Ok(())
}

/// Manages alerts.
#[poise::command(slash_command, subcommands("subscribe"))]
async fn alerts(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Subscribes to a show's alerts.
#[poise::command(slash_command)]
async fn subscribe(ctx: Context<'_>, #[description = "Show"] show: String) -> Result<(), Error> {
    ctx.send(
        poise::CreateReply::default().content(format!("subscribed to {show}")).ephemeral(true),
    )
    .await?;
    Ok(())
}

/// Posts a counter with a +1 button.
#[poise::command(slash_command)]
async fn counter(ctx: Context<'_>) -> Result<(), Error> {
    let button = CreateButton::new("inc").label("+1");
    let reply = poise::CreateReply::default()
        .content("count: 0")
        .components(vec![CreateActionRow::Buttons(vec![button])]);
    ctx.send(reply).await?;
    Ok(())
}

/// Takes longer than Discord's deadline for the initial response when the fake is configured so.
#[poise::command(slash_command)]
async fn nap(ctx: Context<'_>) -> Result<(), Error> {
    // The point of this command is to be slow.
    tokio::time::sleep(Duration::from_millis(300)).await;
    ctx.say("yawn").await?;
    Ok(())
}

/// Says three steps: a reply, a follow-up, then edits the follow-up.
#[poise::command(slash_command)]
async fn steps(ctx: Context<'_>) -> Result<(), Error> {
    ctx.say("step 1").await?;
    let second = ctx.say("step 2").await?;
    second.edit(ctx, poise::CreateReply::default().content("step 2 done")).await?;
    Ok(())
}

/// Rates an episode on behalf of a member.
#[poise::command(slash_command)]
async fn rate(
    ctx: Context<'_>,
    #[description = "Episode"] episode: u32,
    #[description = "Who"] who: serenity::User,
) -> Result<(), Error> {
    ctx.say(format!("{} rated {episode}", who.name)).await?;
    Ok(())
}

/// Replies with an image attachment.
#[poise::command(slash_command)]
async fn card(ctx: Context<'_>) -> Result<(), Error> {
    let image = serenity::CreateAttachment::bytes(b"\x89PNG fake image".to_vec(), "card.png");
    ctx.send(poise::CreateReply::default().content("your card").attachment(image)).await?;
    Ok(())
}

#[derive(Debug, poise::Modal)]
#[name = "Feedback"]
struct Feedback {
    #[name = "Your thoughts"]
    text: String,
}

/// Asks for feedback in a modal.
#[poise::command(slash_command)]
async fn feedback(ctx: poise::ApplicationContext<'_, Data, Error>) -> Result<(), Error> {
    use poise::Modal as _;
    if let Some(f) = Feedback::execute(ctx).await? {
        ctx.say(format!("thanks: {}", f.text)).await?;
    }
    Ok(())
}

async fn on_event(ctx: &serenity::Context, event: &FullEvent, data: &Data) -> Result<(), Error> {
    match event {
        FullEvent::InteractionCreate { interaction: serenity::Interaction::Component(click) }
            if click.data.custom_id == "inc" =>
        {
            let n: u32 = click.message.content.trim_start_matches("count: ").parse().unwrap_or(0);
            let update =
                CreateInteractionResponseMessage::new().content(format!("count: {}", n + 1));
            click
                .create_response(&ctx.http, CreateInteractionResponse::UpdateMessage(update))
                .await?;
        }
        FullEvent::ReactionAdd { add_reaction } => {
            let user = add_reaction.user_id.map(|u| u.get()).unwrap_or(0);
            let _ = data.reactions.send(format!("{user} {}", add_reaction.emoji));
        }
        _ => {}
    }
    Ok(())
}

/// The running bot; aborting is instant where `shutdown_all` takes 5 s.
pub struct Bot {
    pub task: JoinHandle<Result<(), serenity::Error>>,
    pub reactions: mpsc::UnboundedReceiver<String>,
}

impl Drop for Bot {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Starts the bot against the fake and waits until its commands are registered.
pub async fn start_bot(fake: &FakeDiscord) -> Bot {
    let (tx, rx) = mpsc::unbounded_channel();
    let guild = serenity::GuildId::new(fake.guild_id());
    let framework = poise::Framework::builder()
        .options(poise::FrameworkOptions {
            commands: vec![
                ping(),
                slow(),
                recap(),
                alerts(),
                counter(),
                nap(),
                steps(),
                feedback(),
                rate(),
                card(),
            ],
            event_handler: |fw, event| Box::pin(on_event(fw.serenity_context, event, fw.user_data)),
            ..Default::default()
        })
        .setup(move |ctx, _ready, framework| {
            Box::pin(async move {
                poise::builtins::register_in_guild(ctx, &framework.options().commands, guild)
                    .await?;
                Ok(Data { reactions: tx })
            })
        })
        .build();
    let http = HttpBuilder::new(fake.token()).client(fake.http_client()).build();
    let intents = GatewayIntents::GUILDS | GatewayIntents::GUILD_MESSAGE_REACTIONS;
    let task = tokio::spawn(async move {
        let mut client = ClientBuilder::new_with_http(http, intents).framework(framework).await?;
        client.start_autosharded().await
    });
    fake.wait_commands(T).await;
    Bot { task, reactions: rx }
}
