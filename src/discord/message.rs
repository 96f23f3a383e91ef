//! Recap messages as Discord holds them: a rendered page as an embed, with ◀ ▶ to turn pages
//! and ⏮ ⏭ to move between episodes. Every message the bot sends about a recap — `/recap`,
//! a button click, a score edit — is built here from a [`RecapView`]; an alert from its recap.

use poise::serenity_prelude as serenity;
use serenity::{
    ButtonStyle, CreateActionRow, CreateAllowedMentions, CreateButton, CreateEmbed,
    CreateEmbedFooter, CreateMessage, Nonce,
};

use crate::app::watching::{spoiler_question, Progress};
use crate::i18n::Locale;
use crate::recap::render::{alert_page, custom_id, Direction, EmbedPage, PagerAction, RecapView};
use crate::recap::Recap;
use crate::store::subscriptions::Subscription;
use crate::tr;

/// A rendered recap page, ready for any of Discord's ways of sending a message.
pub struct RecapMessage {
    pub embed: CreateEmbed,
    pub components: Vec<CreateActionRow>,
}

pub fn embed(page: &EmbedPage) -> CreateEmbed {
    let mut embed =
        CreateEmbed::new().title(&page.title).description(&page.description).colour(0x5865F2);
    if let Some(url) = &page.url {
        embed = embed.url(url);
    }
    for field in &page.fields {
        embed = embed.field(&field.name, &field.value, field.inline);
    }
    if !page.footer.is_empty() {
        embed = embed.footer(CreateEmbedFooter::new(&page.footer));
    }
    if let Some(ts) = page.timestamp.and_then(|t| serenity::Timestamp::from_unix_timestamp(t).ok())
    {
        embed = embed.timestamp(ts);
    }
    embed
}

/// Page `page` of the view, with its navigation buttons, framed in `locale`: the reader's
/// for a message only they see, the server's for one the whole channel reads.
pub fn recap_message(view: &RecapView, page: usize, locale: Locale) -> RecapMessage {
    let pages = view.pages(locale);
    let page = page.min(pages.len().saturating_sub(1));
    let spoilers = view.spoilers;
    let button = |action: PagerAction, label: &str, enabled: bool| {
        CreateButton::new(custom_id(action, spoilers))
            .label(label)
            .style(ButtonStyle::Secondary)
            .disabled(!enabled)
    };
    let id = view.recap.id;
    let buttons = vec![
        button(
            PagerAction::Episode { recap: id, direction: Direction::Previous },
            "⏮",
            view.has_previous(),
        ),
        button(PagerAction::Page { recap: id, page: page.saturating_sub(1) as u16 }, "◀", page > 0),
        button(
            PagerAction::Page { recap: id, page: (page + 1) as u16 },
            "▶",
            page + 1 < pages.len(),
        ),
        button(
            PagerAction::Episode { recap: id, direction: Direction::Next },
            "⏭",
            view.has_next(),
        ),
    ];
    RecapMessage { embed: embed(&pages[page]), components: vec![CreateActionRow::Buttons(buttons)] }
}

/// The question a member on an earlier episode is asked before a recap opens for them, and
/// the button that opens it anyway.
pub fn spoiler_gate(
    recap: &Recap,
    progress: Progress,
    spoilers: bool,
    locale: Locale,
) -> (String, CreateActionRow) {
    let reveal = CreateButton::new(custom_id(PagerAction::Reveal { recap: recap.id }, spoilers))
        .label(tr!(locale, "gate-show-anyway"))
        .style(ButtonStyle::Danger);
    (spoiler_question(recap, progress, locale), CreateActionRow::Buttons(vec![reveal]))
}

/// The custom id of an alert's "Read the recap" button: it opens the recap, and it marks the
/// message as the alert of that recap, so a retried delivery can find it.
pub fn alert_marker(recap: &Recap, spoilers: bool) -> String {
    custom_id(PagerAction::Page { recap: recap.id, page: 0 }, spoilers)
}

/// A new-recap alert for a subscription, in the server's language: its role is the one
/// mention it may make. The alert hides its summary behind spoiler markup as the
/// subscription asked.
pub fn alert_message(
    recap: &Recap,
    sub: &Subscription,
    nonce: &str,
    locale: Locale,
) -> CreateMessage {
    let read = CreateButton::new(alert_marker(recap, sub.spoilers))
        .label(tr!(locale, "alert-read"))
        .style(ButtonStyle::Primary);
    let new = tr!(locale, "alert-new", show = &recap.show, number = recap.number.to_string());
    let (content, mentions) = match sub.role_id {
        Some(role) => (
            format!("<@&{role}> {new}"),
            CreateAllowedMentions::new().roles(vec![serenity::RoleId::from(role)]),
        ),
        None => (new, CreateAllowedMentions::new()),
    };
    CreateMessage::new()
        .content(content)
        .embed(embed(&alert_page(recap, sub.spoilers, locale)))
        .components(vec![CreateActionRow::Buttons(vec![read])])
        .allowed_mentions(mentions)
        .nonce(Nonce::String(nonce.to_string()))
        .enforce_nonce(true)
}
