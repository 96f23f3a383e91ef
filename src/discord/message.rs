//! Recap messages as Discord holds them: a rendered page as an embed, with ◀ ▶ to turn pages
//! and ⏮ ⏭ to move between episodes. Every message the bot sends about a recap — `/recap`,
//! a button click, a score edit — is built here from a [`RecapView`]; an alert from its recap.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use poise::serenity_prelude as serenity;
use serenity::{
    ButtonStyle, CreateActionRow, CreateAllowedMentions, CreateButton, CreateEmbed,
    CreateEmbedFooter, CreateMessage, Nonce,
};

use crate::app::watching::{spoiler_question, Progress};
use crate::i18n::Locale;
use crate::recap::render::{
    alert_page, custom_id, Direction, EmbedPage, PagerAction, RecapView, Score,
};
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
    let pages = rendered(view, locale);
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
    RecapMessage { embed: pages[page].clone(), components: vec![CreateActionRow::Buttons(buttons)] }
}

/// The embeds of the recaps shown lately, page by page. Once the recap is in memory, rendering
/// it (paging the text, the frame's translated words, the score line) is most of what `/recap`
/// does, and the same recap with the same scores, language and spoiler setting renders the same
/// every time. The key is the recap's allocation, which the catalogue shares for as long as the
/// recap stands and replaces when it changes; the entry holds the recap, so no other recap can
/// take its address while the entry lives.
static RENDERED: LazyLock<Mutex<HashMap<RenderKey, Rendered>>> = LazyLock::new(Mutex::default);
/// The recap an entry was rendered from (held, so its address stays its own) and its pages.
type Rendered = (Arc<Recap>, Arc<[CreateEmbed]>);
/// Rendered recaps kept (a few megabytes): past it, the memo starts again.
const RENDERED_MAX: usize = 1024;

#[derive(PartialEq, Eq, Hash)]
struct RenderKey {
    recap: usize,
    scores: [Option<(u64, u32)>; 2],
    locale: Locale,
    spoilers: bool,
}

fn rendered(view: &RecapView, locale: Locale) -> Arc<[CreateEmbed]> {
    let score = |s: Option<Score>| s.map(|s| (s.average.to_bits(), s.votes));
    let key = RenderKey {
        recap: Arc::as_ptr(&view.recap) as usize,
        scores: [score(view.scores.server), score(view.scores.all_servers)],
        locale,
        spoilers: view.spoilers,
    };
    let memo = || RENDERED.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((recap, pages)) = memo().get(&key) {
        if Arc::ptr_eq(recap, &view.recap) {
            return pages.clone();
        }
    }
    let pages: Arc<[CreateEmbed]> = view.pages(locale).iter().map(embed).collect();
    let mut memo = memo();
    if memo.len() >= RENDERED_MAX {
        memo.clear();
    }
    memo.insert(key, (view.recap.clone(), pages.clone()));
    pages
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::GuildId;
    use crate::recap::render::Scores;
    use crate::recap::{EpisodeId, EpisodeNumber, RecapId, ShowId};

    fn view(recap: Arc<Recap>, votes: u32) -> RecapView {
        let score = Score { average: 4.0, votes };
        RecapView {
            recap,
            episodes: Vec::new(),
            scores: Scores { server: Some(score), all_servers: Some(score) },
            spoilers: false,
        }
    }

    fn description(message: &RecapMessage) -> String {
        serde_json::to_value(&message.embed).unwrap()["description"].as_str().unwrap().to_string()
    }

    fn fields(message: &RecapMessage) -> String {
        serde_json::to_value(&message.embed).unwrap()["fields"].to_string()
    }

    #[test]
    fn a_recap_is_rendered_anew_when_its_votes_or_its_text_change() {
        let recap = Arc::new(Recap {
            id: RecapId(9),
            show_id: ShowId(1),
            show: "Signal".into(),
            episode_id: EpisodeId(2),
            number: EpisodeNumber { season: 1, episode: 3, episode_end: None },
            title: None,
            source_site: "example".into(),
            url: None,
            recap: "The radio crackles at 11:23.".into(),
            review: None,
            rating: None,
            published_at: None,
            updated_at: 1,
            owner: Some(GuildId::new(5)),
        });
        let first = recap_message(&view(recap.clone(), 3), 0, Locale::EN);
        assert!(fields(&first).contains("3 votes"), "{}", fields(&first));
        // The same recap again, then with a fourth vote: the score follows.
        assert_eq!(fields(&recap_message(&view(recap.clone(), 3), 0, Locale::EN)), fields(&first));
        let voted = recap_message(&view(recap.clone(), 4), 0, Locale::EN);
        assert!(fields(&voted).contains("4 votes"), "{}", fields(&voted));
        // A corrected recap is another allocation, even with the same id and update time.
        let corrected =
            Arc::new(Recap { recap: "The radio is silent.".into(), ..(*recap).clone() });
        let message = recap_message(&view(corrected, 3), 0, Locale::EN);
        assert_eq!(description(&message), "The radio is silent.");
    }
}
