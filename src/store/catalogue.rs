//! Every recap and every episode's vote tally, held in memory so that `/recap` of any
//! episode, not only of the shows asked about lately, is answered without the database.
//!
//! Loaded once in the background when the bot starts, when it fits in its byte budget (a
//! catalogue that does not is never held: /recap reads the database as before). Kept current
//! by the data versions: the shows and episodes each version changed are noted in
//! `data_changes` (migration 14), and a refresh reloads those alone. A reader uses the
//! catalogue only when it is at least as new as the versions its request started from.

use std::collections::HashMap;
use std::sync::Arc;

use futures::TryStreamExt;
use sqlx::Row;

use super::ratings::scores_from;
use super::recaps::{recap_from_row, RECAP_FIELDS, RECAP_TABLES};
use super::{id_list, Result, Store};
use crate::ids::GuildId;
use crate::recap::render::Scores;
use crate::recap::{EpisodeId, EpisodeNumber, Recap, ShowId};

/// Memory a catalogue may take unless configured (`RECAPBOT_CATALOGUE_MB`).
pub const DEFAULT_BUDGET_MB: u64 = 1024;

/// What holding one recap costs beyond its text: the struct, its map and list slots.
const RECAP_OVERHEAD: usize = 256;

/// A vote tally: the sum of the scores and how many there are.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Tally {
    total: i64,
    votes: i64,
}

/// An episode's votes, everywhere and per server.
#[derive(Debug, Clone, Default)]
struct EpisodeVotes {
    all: Tally,
    servers: Vec<(GuildId, Tally)>,
}

/// The recaps of every show and the votes on every episode, as of the versions in `as_of`.
#[derive(Debug, Default)]
pub(crate) struct Catalogue {
    /// Each show's recaps, by season, episode, then most recently updated first.
    shows: HashMap<ShowId, Vec<Arc<Recap>>>,
    votes: HashMap<EpisodeId, EpisodeVotes>,
    /// The `recaps` and `votes` data versions every change up to which is in here.
    pub(crate) recaps_as_of: i64,
    pub(crate) votes_as_of: i64,
    bytes: usize,
}

fn recap_bytes(recap: &Recap) -> usize {
    RECAP_OVERHEAD
        + recap.show.len()
        + recap.title.as_ref().map_or(0, String::len)
        + recap.source_site.len()
        + recap.url.as_ref().map_or(0, String::len)
        + recap.recap.len()
        + recap.review.as_ref().map_or(0, String::len)
        + recap.rating.as_ref().and_then(|r| r.display.as_ref()).map_or(0, String::len)
}

fn in_order(recaps: &mut [Arc<Recap>]) {
    recaps.sort_by(|a, b| {
        (a.number.season, a.number.episode)
            .cmp(&(b.number.season, b.number.episode))
            .then(b.updated_at.cmp(&a.updated_at))
            .then(b.id.0.cmp(&a.id.0))
    });
}

impl Catalogue {
    /// Memory taken, as counted against the budget.
    pub(crate) fn bytes(&self) -> usize {
        self.bytes
    }

    pub(crate) fn recaps(&self) -> usize {
        self.shows.values().map(Vec::len).sum()
    }

    fn add(&mut self, recap: Recap) {
        self.bytes += recap_bytes(&recap);
        self.shows.entry(recap.show_id).or_default().push(Arc::new(recap));
    }

    /// Puts each show's recaps in order once everything is added.
    fn sorted(mut self) -> Self {
        for recaps in self.shows.values_mut() {
            in_order(recaps);
        }
        self
    }

    /// Replaces what is held of `shows` by `recaps` (all of theirs, read afresh).
    pub(crate) fn replace_shows(&mut self, shows: &[ShowId], recaps: Vec<Recap>) {
        for show in shows {
            if let Some(old) = self.shows.remove(show) {
                self.bytes -= old.iter().map(|r| recap_bytes(r)).sum::<usize>();
            }
        }
        for recap in recaps {
            self.add(recap);
        }
        for show in shows {
            if let Some(recaps) = self.shows.get_mut(show) {
                in_order(recaps);
            }
        }
    }

    /// Replaces the tallies of `episodes` by `tallies` (all of theirs, read afresh).
    pub(crate) fn replace_votes(&mut self, episodes: &[EpisodeId], tallies: Vec<TallyRow>) {
        for episode in episodes {
            self.votes.remove(episode);
        }
        self.add_tallies(tallies);
    }

    fn add_tallies(&mut self, tallies: Vec<TallyRow>) {
        for row in tallies {
            let votes = self.votes.entry(row.episode).or_default();
            let tally = Tally { total: row.total, votes: row.votes };
            votes.all.total += tally.total;
            votes.all.votes += tally.votes;
            votes.servers.push((row.guild, tally));
        }
    }

    fn visible<'a>(
        &'a self,
        show: ShowId,
        viewer: Option<GuildId>,
    ) -> impl Iterator<Item = &'a Arc<Recap>> + 'a {
        self.shows.get(&show).into_iter().flatten().filter(move |r| r.visible_to(viewer))
    }

    /// The show's episodes that have a recap `viewer` may see, in order (as
    /// [`Store::episodes_with_recaps`]).
    pub(crate) fn episodes(&self, show: ShowId, viewer: Option<GuildId>) -> Vec<EpisodeNumber> {
        let mut numbers: Vec<EpisodeNumber> = Vec::new();
        for recap in self.visible(show, viewer) {
            if numbers.last() != Some(&recap.number) {
                numbers.push(recap.number);
            }
        }
        numbers
    }

    /// The recap [`Store::recap`] picks (`at`) or [`Store::latest_recap`] does (`None`).
    pub(crate) fn recap(
        &self,
        show: ShowId,
        at: Option<(u32, u32)>,
        viewer: Option<GuildId>,
    ) -> Option<Arc<Recap>> {
        // Within an episode the most recently updated comes first, so the first of the
        // highest-numbered match wins.
        let mut best: Option<&Arc<Recap>> = None;
        for recap in self.visible(show, viewer) {
            let n = recap.number;
            let matches = match at {
                None => true,
                Some((season, episode)) => {
                    n.season == season
                        && (n.episode == episode
                            || (n.episode < episode && n.episode_end >= Some(episode)))
                }
            };
            let better =
                best.is_none_or(|b| (n.season, n.episode) > (b.number.season, b.number.episode));
            if matches && better {
                best = Some(recap);
            }
        }
        best.cloned()
    }

    /// The episode's scores in `viewer`'s server and everywhere (as [`Store::scores`]).
    pub(crate) fn scores(&self, episode: EpisodeId, viewer: Option<GuildId>) -> Scores {
        let votes = self.votes.get(&episode);
        let all = votes.map(|v| v.all).unwrap_or_default();
        let server = viewer.and_then(|guild| {
            votes?.servers.iter().find(|(g, _)| *g == guild).map(|(_, tally)| *tally)
        });
        scores_from(
            Some(all.total),
            all.votes,
            server.map(|t| t.total),
            server.map(|t| t.votes),
            viewer,
        )
    }
}

/// One (episode, server) vote tally as read.
pub(crate) struct TallyRow {
    episode: EpisodeId,
    guild: GuildId,
    total: i64,
    votes: i64,
}

const TALLIES: &str = "SELECT episode_id, guild_id, CAST(SUM(score) AS BIGINT) AS total,
        COUNT(*) AS votes FROM ratings";

fn tally_from(row: &sqlx::any::AnyRow) -> Result<TallyRow> {
    Ok(TallyRow {
        episode: EpisodeId(row.try_get("episode_id")?),
        guild: GuildId::from_db(row.try_get("guild_id")?),
        total: row.try_get("total")?,
        votes: row.try_get("votes")?,
    })
}

impl Store {
    /// Every recap and tally, as of versions `as_of` (recaps, votes) read just before; `None`
    /// as soon as the recaps alone exceed `budget` bytes.
    pub(crate) async fn load_catalogue(
        &self,
        (recaps_as_of, votes_as_of): (i64, i64),
        budget: usize,
    ) -> Result<Option<Catalogue>> {
        let mut catalogue = Catalogue { recaps_as_of, votes_as_of, ..Catalogue::default() };
        let query = format!("SELECT {RECAP_FIELDS} {RECAP_TABLES}");
        let mut rows = sqlx::query(&query).fetch(self.pool());
        let mut read = 0usize;
        while let Some(row) = rows.try_next().await? {
            catalogue.add(recap_from_row(&row)?);
            read += 1;
            // Rows arrive buffered, so the loop would not wait between them: let the bot's
            // other work (the /recap answered meanwhile from the database) run.
            if read.is_multiple_of(256) {
                tokio::task::yield_now().await;
            }
            if catalogue.bytes > budget {
                return Ok(None);
            }
        }
        drop(rows);
        let tallies = sqlx::query(&format!("{TALLIES} GROUP BY episode_id, guild_id"))
            .fetch_all(self.pool())
            .await?;
        catalogue.add_tallies(tallies.iter().map(tally_from).collect::<Result<_>>()?);
        Ok(Some(catalogue.sorted()))
    }

    /// The ids of kind `kind` ("recaps": shows, "votes": episodes) changed after `version`.
    pub(crate) async fn changed_since(&self, kind: &str, version: i64) -> Result<Vec<i64>> {
        Ok(sqlx::query_scalar("SELECT id FROM data_changes WHERE kind = $1 AND version > $2")
            .bind(kind)
            .bind(version)
            .fetch_all(self.pool())
            .await?)
    }

    /// All the recaps of `shows`.
    pub(crate) async fn recaps_of_shows(&self, shows: &[ShowId]) -> Result<Vec<Recap>> {
        let rows = sqlx::query(&format!(
            "SELECT {RECAP_FIELDS} {RECAP_TABLES} WHERE s.id {}",
            self.backend.in_ids(1)
        ))
        .bind(id_list(self.backend, shows.iter().map(|s| s.db())))
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(recap_from_row).collect()
    }

    /// The tallies of `episodes`, per server.
    pub(crate) async fn tallies_of(&self, episodes: &[EpisodeId]) -> Result<Vec<TallyRow>> {
        let rows = sqlx::query(&format!(
            "{TALLIES} WHERE episode_id {} GROUP BY episode_id, guild_id",
            self.backend.in_ids(1)
        ))
        .bind(id_list(self.backend, episodes.iter().map(|e| e.0)))
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(tally_from).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recap::RecapId;

    fn recap(id: i64, season: u32, episode: u32, end: Option<u32>, updated: i64) -> Recap {
        Recap {
            id: RecapId(id),
            show_id: ShowId(1),
            show: "Show".into(),
            episode_id: EpisodeId(i64::from(season * 100 + episode)),
            number: EpisodeNumber { season, episode, episode_end: end },
            title: None,
            source_site: "site".into(),
            url: None,
            recap: "text".into(),
            review: None,
            rating: None,
            published_at: None,
            updated_at: updated,
            owner: None,
        }
    }

    fn owned(mut recap: Recap, guild: u64) -> Recap {
        recap.owner = Some(GuildId::new(guild));
        recap
    }

    fn catalogue(recaps: Vec<Recap>) -> Catalogue {
        let mut catalogue = Catalogue::default();
        for recap in recaps {
            catalogue.add(recap);
        }
        catalogue.sorted()
    }

    #[test]
    fn picks_the_recap_the_database_query_picks() {
        let c = catalogue(vec![
            recap(1, 1, 1, None, 10),
            recap(2, 1, 1, None, 20),
            recap(3, 1, 3, Some(4), 10),
            recap(4, 2, 1, None, 10),
            owned(recap(5, 2, 2, None, 10), 7),
        ]);
        let show = ShowId(1);
        let id = |r: Option<Arc<Recap>>| r.map(|r| r.id.0);
        assert_eq!(id(c.recap(show, Some((1, 1)), None)), Some(2), "the latest updated site");
        assert_eq!(id(c.recap(show, Some((1, 4)), None)), Some(3), "a double episode covers 4");
        assert_eq!(id(c.recap(show, Some((1, 5)), None)), None);
        assert_eq!(id(c.recap(show, None, Some(GuildId::new(8)))), Some(4), "another's is hidden");
        assert_eq!(id(c.recap(show, None, Some(GuildId::new(7)))), Some(5), "its own is seen");
        assert_eq!(id(c.recap(show, None, None)), Some(5), "the operator sees all");
        let numbers: Vec<_> =
            c.episodes(show, Some(GuildId::new(8))).iter().map(|n| (n.season, n.episode)).collect();
        assert_eq!(numbers, [(1, 1), (1, 3), (2, 1)]);
    }

    #[test]
    fn replacing_a_show_keeps_the_byte_count_and_the_order() {
        let mut c = catalogue(vec![recap(1, 1, 1, None, 10)]);
        let before = c.bytes();
        c.replace_shows(&[ShowId(1)], vec![recap(2, 1, 2, None, 10), recap(1, 1, 1, None, 10)]);
        assert_eq!(c.bytes(), before * 2);
        assert_eq!(c.recap(ShowId(1), None, None).map(|r| r.id.0), Some(2));
        c.replace_shows(&[ShowId(1)], Vec::new());
        assert_eq!((c.bytes(), c.recaps()), (0, 0));
    }

    #[test]
    fn tallies_add_up_per_server_and_everywhere() {
        let mut c = Catalogue::default();
        let row = |guild: u64, total, votes| TallyRow {
            episode: EpisodeId(9),
            guild: GuildId::new(guild),
            total,
            votes,
        };
        c.add_tallies(vec![row(1, 9, 2), row(2, 3, 1)]);
        let scores = c.scores(EpisodeId(9), Some(GuildId::new(2)));
        assert_eq!(scores.all_servers.map(|s| (s.votes, s.average)), Some((3, 4.0)));
        assert_eq!(scores.server.map(|s| (s.votes, s.average)), Some((1, 3.0)));
        assert_eq!(c.scores(EpisodeId(9), Some(GuildId::new(3))).server, None);
        c.replace_votes(&[EpisodeId(9)], Vec::new());
        assert_eq!(c.scores(EpisodeId(9), None).all_servers, None);
    }
}
