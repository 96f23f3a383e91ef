//! Publishing one article by its address: stored, and announced to subscribed channels.

use super::{App, Result, UserError};
use crate::i18n::Locale;
use crate::ids::GuildId;
use crate::ingest::article::{ArticleError, Hints};
use crate::ingest::import::{load_article, ImportError, Source};
use crate::recap::EpisodeNumber;
use crate::store::recaps::Saved;
use crate::tr;

impl App {
    /// Fetches, reads and stores the article at `url` as `guild`'s own (shown and alerted in
    /// that server only); the answer says what happened.
    pub async fn publish(&self, url: &str, guild: GuildId, locale: Locale) -> Result<String> {
        let source = Source::Url(url.to_string());
        let article = match load_article(&source, &Hints::default(), &self.fetcher).await {
            Ok(article) => article,
            // The reason alone ("a list of articles"), which the answer puts in the member's
            // language; any other failure to read the page is said as the reader says it.
            Err(ImportError::Parse(ArticleError::NotARecap(reason))) => {
                return Err(UserError::NotARecap { url: url.into(), reason }.into())
            }
            Err(ImportError::Parse(error)) => {
                return Err(
                    UserError::NotARecap { url: url.into(), reason: error.to_string() }.into()
                )
            }
            Err(ImportError::Store(error)) => return Err(error.into()),
            // The fetcher's own words ("… resolves to 10.0.0.5, a private address: not fetched").
            Err(ImportError::Fetch(reason)) => {
                return Err(UserError::CannotRead { url: url.into(), reason }.into())
            }
            Err(error) => {
                return Err(
                    UserError::CannotRead { url: url.into(), reason: error.to_string() }.into()
                )
            }
        };
        let number = EpisodeNumber {
            season: article.season,
            episode: article.episode,
            episode_end: article.episode_end,
        };
        let show = &article.show;
        Ok(match self.store.save_article_of(&article, Some(guild)).await? {
            Saved::Inserted(_) => {
                tr!(locale, "publish-inserted", show = show, number = number.to_string())
            }
            Saved::Updated(_) => {
                tr!(locale, "publish-updated", show = show, number = number.to_string())
            }
            Saved::Unchanged(_) => {
                tr!(locale, "publish-unchanged", show = show, number = number.to_string())
            }
        })
    }
}
