//! Community ratings through reactions: rating posts get 1️⃣–5️⃣, a member's number reaction
//! is their vote, the post shows the live score, and on start the bot catches up with votes
//! cast or withdrawn while it was offline.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::sync::mpsc::UnboundedSender;
use tokio::task::JoinHandle;

use poise::serenity_prelude as serenity;
use serenity::{CreateAllowedMentions, EditMessage, HttpError, Reaction, ReactionType};

use super::rest::Rest;

use crate::app::App;
use crate::i18n::Locale;
use crate::ids::{ChannelId, GuildId, MessageId, UserId};
use crate::observe;
use crate::recap::render::Scores;
use crate::recap::EpisodeId;
use crate::store::ratings::{Post, Superseded, VoteEvent};
use crate::store::Store;

/// The reactions a rating post carries, 1 to 5.
pub const RATING_EMOJI: [&str; 5] = [
    "1\u{fe0f}\u{20e3}",
    "2\u{fe0f}\u{20e3}",
    "3\u{fe0f}\u{20e3}",
    "4\u{fe0f}\u{20e3}",
    "5\u{fe0f}\u{20e3}",
];

/// The score a reaction stands for: 1️⃣–5️⃣ (with or without the emoji variation selector).
pub fn score_of(emoji: &ReactionType) -> Option<u8> {
    let ReactionType::Unicode(name) = emoji else { return None };
    let mut chars = name.chars().filter(|c| *c != '\u{fe0f}');
    let digit = chars.next()?.to_digit(10)?;
    (chars.next() == Some('\u{20e3}') && chars.next().is_none() && (1..=5).contains(&digit))
        .then_some(digit as u8)
}

pub(super) fn rating_reaction(score: u8) -> ReactionType {
    ReactionType::Unicode(RATING_EMOJI[usize::from(score - 1)].to_string())
}

/// Discord's codes for a message or channel that is gone, or that the bot may no longer see.
pub(super) fn is_gone(error: &serenity::Error) -> bool {
    matches!(
        error,
        serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) if matches!(r.error.code, 10003 | 10008 | 50001)
    )
}

fn is_missing_permission(error: &serenity::Error) -> bool {
    matches!(error, serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) if r.error.code == 50013)
}

/// The score text a post shows, as rendered: what edits compare to skip no-op edits (a
/// server that changes its language gets its posts redone in it with the next vote).
pub fn shown_score(scores: &Scores, locale: Locale) -> String {
    crate::recap::render::score_line(scores, locale).unwrap_or_default()
}

/// Adds, in order, the 1️⃣–5️⃣ a rating post lacks (`present`: the scores the bot already
/// reacted with). A 429 is waited out below (by serenity's limiter, or [`Rest`] behind a
/// proxy), so the rest are never dropped for it. `Err` is the error that stopped it, with the
/// reactions before it in place.
pub async fn add_missing_reactions(
    rest: &Rest,
    channel: ChannelId,
    message: MessageId,
    present: &[u8],
) -> Result<(), serenity::Error> {
    for score in (1..=5u8).filter(|score| !present.contains(score)) {
        rest.create_reaction(channel, message, &rating_reaction(score)).await?;
    }
    Ok(())
}

/// The scores a message already carries as the bot's own reactions.
pub fn own_scores(message: &serenity::Message) -> Vec<u8> {
    message.reactions.iter().filter(|r| r.me).filter_map(|r| score_of(&r.reaction_type)).collect()
}

/// How often a failing score edit is tried before it waits for the next vote.
const EDIT_TRIES: u32 = 3;

/// Coalesces score edits: the first vote on a post edits it at once, later ones at most once
/// per `interval`, and the last edit always reads the final score from the database.
///
/// serenity hands every gateway event to its own task, so two reactions of one member in
/// quick succession can be applied out of order. A post that saw a burst is therefore checked
/// against Discord's own reaction lists once the burst settles, and the last edit shows that.
#[derive(Clone)]
pub struct ScoreEditor {
    app: App,
    rest: Rest,
    /// Where each server's language is: a rating post is the channel's, framed in it.
    cache: Arc<serenity::Cache>,
    interval: Duration,
    state: Arc<Mutex<EditorState>>,
    /// The vote worker, which checks a post against Discord after a burst.
    jobs: UnboundedSender<VoteJob>,
    /// Set when the bot stops: edits still waiting for their interval are dropped rather than
    /// made against a database that is closing.
    stopped: Arc<AtomicBool>,
}

#[derive(Default)]
struct EditorState {
    /// Posts with an edit task running.
    running: HashSet<MessageId>,
    /// Posts whose score changed since their task last read it.
    dirty: HashSet<MessageId>,
    last_edit: HashMap<MessageId, Instant>,
}

impl ScoreEditor {
    /// The post's score changed: make sure an edit follows.
    pub fn touch(&self, message: MessageId) {
        if self.stopped.load(Ordering::SeqCst) {
            return;
        }
        {
            let mut state = self.state.lock().expect("score editor state");
            state.dirty.insert(message);
            if !state.running.insert(message) {
                return;
            }
        }
        let editor = self.clone();
        tokio::spawn(async move { editor.run(message).await });
    }

    async fn run(self, message: MessageId) {
        let (mut edits, mut failures) = (0, 0);
        loop {
            let last =
                self.state.lock().expect("score editor state").last_edit.get(&message).copied();
            if let Some(last) = last {
                tokio::time::sleep_until((last + self.interval).into()).await;
            }
            if self.stopped.load(Ordering::SeqCst) {
                self.state.lock().expect("score editor state").running.remove(&message);
                return;
            }
            self.state.lock().expect("score editor state").dirty.remove(&message);
            let failed = match self.edit(message).await {
                Ok(()) => false,
                Err(error) => {
                    tracing::warn!(%error, %message, "cannot update a rating post's score");
                    true
                }
            };
            edits += 1;
            failures = if failed { failures + 1 } else { 0 };
            let mut state = self.state.lock().expect("score editor state");
            // A failed edit (a timeout under load) is tried again after the interval: the
            // post must end on the final score even if no vote follows.
            if failed && failures < EDIT_TRIES {
                state.dirty.insert(message);
            }
            state.last_edit.insert(message, Instant::now());
            if !state.dirty.contains(&message) {
                state.running.remove(&message);
                if edits > 1 {
                    // A burst: make sure out-of-order events left nothing wrong behind. The
                    // check waits one more interval, so that events still in flight in
                    // serenity's per-event tasks (late under load) are applied before it.
                    let (jobs, settle) = (self.jobs.clone(), self.interval);
                    tokio::spawn(async move {
                        tokio::time::sleep(settle).await;
                        let _ = jobs.send(VoteJob::Check(message));
                    });
                }
                return;
            }
        }
    }

    fn stop(&self) {
        self.stopped.store(true, Ordering::SeqCst);
    }

    async fn edit(&self, message: MessageId) -> Result<(), crate::discord::Error> {
        let store = &self.app.store;
        let Some(post) = store.post(message).await? else { return Ok(()) };
        let Some(recap) = (match post.recap_id {
            Some(id) => store.recap_by_id(id).await?,
            None => None,
        }) else {
            return Ok(());
        };
        let view = self.app.recap_view(recap, Some(post.guild_id), None).await?;
        let locale = super::l10n::server_locale(Some(&self.cache), post.guild_id);
        let shown = shown_score(&view.scores, locale);
        if post.shown_score.as_deref() == Some(shown.as_str()) {
            return Ok(());
        }
        let page = super::message::recap_message(&view, post.page as usize, locale);
        let edit =
            EditMessage::new().embed(page.embed).allowed_mentions(CreateAllowedMentions::new());
        match self.rest.edit_message(post.channel_id, message, &edit).await {
            Ok(_) => store.set_shown_score(message, &shown).await?,
            Err(e) if is_gone(&e) => store.mark_post_gone(message).await?,
            Err(e) => return Err(e.into()),
        }
        Ok(())
    }

    /// Every rating post of the episode in the guild shows the same server score.
    async fn touch_episode(&self, guild: GuildId, episode: EpisodeId) -> crate::store::Result<()> {
        for message in self.app.store.posts_of_episode(guild, episode).await? {
            self.touch(message);
        }
        Ok(())
    }
}

/// Work for the vote worker. Reaction events and reconciliations go through one queue, so
/// a reconciliation's snapshot of Discord's reactions never overwrites an event that came
/// after it, and a member's "4️⃣ then 2️⃣" is never applied as "2️⃣ then 4️⃣".
pub enum VoteJob {
    Added(Reaction),
    Removed(Reaction),
    /// Make one post's votes match its reactions on Discord (after a burst).
    Check(MessageId),
    /// Reconcile the rating posts of the start-up reconciliation.
    Reconcile(Reconcile),
    /// The bot is stopping: apply everything queued before this, then end.
    Stop,
}

/// Which rating posts a start-up reconciliation checks, and how fast.
pub struct Reconcile {
    /// Posts younger than this.
    pub window: Duration,
    /// Posts in guilds of these shards: each process reconciles its own guilds.
    pub shards: crate::config::Shards,
    /// Where the 1️⃣–5️⃣ a post lacks go (a stop or a failure before they were all added).
    pub reactions: super::reactions::ReactionQueue,
}

/// Most reaction events applied in one transaction.
const MAX_BATCH: usize = 1_000;

/// Starts the vote worker; returns the score editor, the worker's queue and its task.
///
/// The worker applies reaction events in batches: whatever queued up while the previous
/// batch was being written goes into the next transaction, in order. A lone reaction is
/// therefore applied at once, and a burst costs one transaction per batch instead of one per
/// event, which is what keeps the one ordered queue ahead of the gateway.
pub fn start(
    rest: Rest,
    cache: Arc<serenity::Cache>,
    app: App,
    bot: serenity::UserId,
    interval: Duration,
) -> (ScoreEditor, UnboundedSender<VoteJob>, JoinHandle<()>) {
    let (jobs, mut queue) = tokio::sync::mpsc::unbounded_channel::<VoteJob>();
    let bot = UserId::from(bot);
    let store = app.store.clone();
    let editor = ScoreEditor {
        app,
        rest: rest.clone(),
        cache,
        interval,
        state: Arc::default(),
        jobs: jobs.clone(),
        stopped: Arc::default(),
    };
    let worker_editor = editor.clone();
    let worker = tokio::spawn(async move {
        let editor = worker_editor;
        let remover = start_remover(rest.clone(), editor.stopped.clone());
        let mut next: Option<VoteJob> = None;
        loop {
            let job = match next.take() {
                Some(job) => job,
                None => match queue.recv().await {
                    Some(job) => job,
                    None => break,
                },
            };
            let result = match job {
                VoteJob::Added(_) | VoteJob::Removed(_) => {
                    let mut batch = vec![job];
                    while batch.len() < MAX_BATCH {
                        match queue.try_recv() {
                            Ok(job @ (VoteJob::Added(_) | VoteJob::Removed(_))) => batch.push(job),
                            Ok(other) => {
                                next = Some(other);
                                break;
                            }
                            Err(_) => break,
                        }
                    }
                    apply_reactions(&batch, bot, &store, &editor, &remover).await
                }
                VoteJob::Check(message) => check_post(&rest, &store, &editor, bot, message).await,
                VoteJob::Reconcile(job) => {
                    reconcile(&rest, &store, &editor, bot, &job).await;
                    Ok(())
                }
                VoteJob::Stop => {
                    // The next start's reconciliation shows the final scores.
                    editor.stop();
                    break;
                }
            };
            if let Err(error) = result {
                tracing::error!(%error, "cannot apply a rating change");
            }
        }
    });
    (editor, jobs, worker)
}

/// Takes members' older number reactions away, one after another, beside the vote worker:
/// a vote is durable without it, and Discord paces these calls far below the rate at which
/// votes arrive. Stops with the bot.
fn start_remover(rest: Rest, stopped: Arc<AtomicBool>) -> UnboundedSender<Superseded> {
    let (sender, mut queue) = tokio::sync::mpsc::unbounded_channel::<Superseded>();
    tokio::spawn(async move {
        while let Some(old) = queue.recv().await {
            if stopped.load(Ordering::SeqCst) {
                return;
            }
            let removal = rest
                .delete_reaction(old.channel, old.message, old.user, &rating_reaction(old.score))
                .await;
            match removal {
                Ok(()) => {}
                Err(e) if is_missing_permission(&e) || is_gone(&e) => {
                    tracing::debug!(
                        channel = %old.channel,
                        "cannot remove an older rating reaction; it no longer counts"
                    )
                }
                Err(error) => {
                    tracing::warn!(%error, channel = %old.channel, "cannot remove an older rating reaction")
                }
            }
        }
    });
    sender
}

/// The vote a reaction event stands for, if it is one: a member's number reaction in a server.
fn vote_event(job: &VoteJob, bot: UserId) -> Option<VoteEvent> {
    let (reaction, added) = match job {
        VoteJob::Added(reaction) => (reaction, true),
        VoteJob::Removed(reaction) => (reaction, false),
        _ => return None,
    };
    let score = score_of(&reaction.emoji)?;
    let (guild, user) = (reaction.guild_id?, reaction.user_id?);
    if is_bot(reaction, bot) {
        return None;
    }
    Some(VoteEvent {
        guild: GuildId::from(guild),
        user: UserId::from(user),
        message: MessageId::from(reaction.message_id),
        score,
        added,
    })
}

/// Applies a batch of reaction events in one transaction, then has the posts show the new
/// scores and the older reactions taken away. One vote per member: without Manage Messages
/// the newest reaction is the vote and the older ones simply do not count.
async fn apply_reactions(
    batch: &[VoteJob],
    bot: UserId,
    store: &Store,
    editor: &ScoreEditor,
    remover: &UnboundedSender<Superseded>,
) -> Result<(), crate::discord::Error> {
    let events: Vec<VoteEvent> = batch.iter().filter_map(|job| vote_event(job, bot)).collect();
    let applied = match store.apply_votes(&events).await {
        Ok(applied) => applied,
        Err(error) if events.len() > 1 => {
            // One event the database refuses must not cost the others their votes.
            tracing::warn!(%error, events = events.len(), "a batch of votes failed; applying them one by one");
            let mut all = crate::store::ratings::AppliedVotes::default();
            for event in &events {
                match store.apply_votes(std::slice::from_ref(event)).await {
                    Ok(one) => {
                        all.applied += one.applied;
                        all.changed.extend(one.changed);
                        all.superseded.extend(one.superseded);
                    }
                    Err(error) => tracing::error!(%error, "cannot apply a rating change"),
                }
            }
            all
        }
        Err(error) => return Err(error.into()),
    };
    metrics::counter!(observe::name::VOTES_APPLIED).increment(applied.applied as u64);
    let mut changed = applied.changed;
    changed.sort();
    changed.dedup();
    for (guild, episode) in changed {
        editor.touch_episode(guild, episode).await?;
    }
    for old in applied.superseded {
        let _ = remover.send(old);
    }
    Ok(())
}

/// Makes one post's votes match its reactions on Discord, and shows the result.
async fn check_post(
    rest: &Rest,
    store: &Store,
    editor: &ScoreEditor,
    bot: UserId,
    message: MessageId,
) -> Result<(), crate::discord::Error> {
    let Some(post) = store.post(message).await? else { return Ok(()) };
    match read_votes(rest, &post, bot).await {
        Ok((reactions, _)) => {
            let (added, removed) = store.reconcile_post(&post, &reactions).await?;
            if added + removed > 0 {
                tracing::info!(
                    %message,
                    added,
                    removed,
                    "a burst left votes out of step; corrected"
                );
                editor.touch_episode(post.guild_id, post.episode_id).await?;
            }
        }
        Err(e) if is_gone(&e) => store.mark_post_gone(message).await?,
        Err(e) => return Err(e.into()),
    }
    Ok(())
}

/// Only number reactions are worth queueing; the rest never reach the database.
pub fn is_rating_reaction(reaction: &Reaction) -> bool {
    score_of(&reaction.emoji).is_some()
}

/// Who may vote: members, not bots (this one included).
fn is_bot(reaction: &Reaction, bot: UserId) -> bool {
    reaction.user_id.map(UserId::from) == Some(bot)
        || reaction.member.as_ref().is_some_and(|m| m.user.bot)
}

/// What a start-up reconciliation did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Reconciled {
    pub posts: usize,
    pub votes_added: usize,
    pub votes_removed: usize,
    pub posts_gone: usize,
}

/// Reads the reactions of the rating posts of the last `window` through REST and makes the
/// votes match: what members did while the bot was offline counts. A deleted post or channel
/// ends that post's reconciliation for good; other errors leave it for the next start.
pub async fn reconcile(
    rest: &Rest,
    store: &Store,
    editor: &ScoreEditor,
    bot: UserId,
    job: &Reconcile,
) -> Reconciled {
    let since = crate::store::now() - job.window.as_secs() as i64;
    let posts = match store.recent_posts(since).await {
        Ok(posts) => posts,
        Err(error) => {
            tracing::error!(%error, "cannot list rating posts to reconcile");
            return Reconciled::default();
        }
    };
    let mut done = Reconciled::default();
    for post in posts.into_iter().filter(|p| job.shards.owns(p.guild_id.get())) {
        match read_votes(rest, &post, bot).await {
            Ok((reactions, own)) => match store.reconcile_post(&post, &reactions).await {
                Ok((added, removed)) => {
                    job.reactions.add(post.channel_id, post.message_id, own);
                    done.posts += 1;
                    done.votes_added += added;
                    done.votes_removed += removed;
                    editor.touch(post.message_id);
                }
                Err(error) => {
                    tracing::error!(%error, message = %post.message_id, "cannot reconcile a rating post")
                }
            },
            Err(error) if is_gone(&error) => {
                done.posts_gone += 1;
                if let Err(error) = store.mark_post_gone(post.message_id).await {
                    tracing::error!(%error, "cannot mark a rating post gone");
                }
            }
            Err(error) => {
                tracing::warn!(%error, message = %post.message_id, "cannot read a rating post's reactions")
            }
        }
    }
    tracing::info!(?done, "rating posts reconciled");
    done
}

/// Every member's number reactions on a post (bots left out), page by page, and the scores
/// this bot reacted with.
async fn read_votes(
    rest: &Rest,
    post: &Post,
    bot: UserId,
) -> Result<(HashMap<UserId, Vec<u8>>, Vec<u8>), serenity::Error> {
    const PAGE: u8 = 100;
    let mut votes: HashMap<UserId, Vec<u8>> = HashMap::new();
    let mut own = Vec::new();
    for score in 1..=5u8 {
        let mut after: Option<serenity::UserId> = None;
        loop {
            let users = rest
                .reaction_users(
                    post.channel_id,
                    post.message_id,
                    &rating_reaction(score),
                    PAGE,
                    after,
                )
                .await?;
            for user in &users {
                if UserId::from(user.id) == bot {
                    own.push(score);
                } else if !user.bot {
                    votes.entry(UserId::from(user.id)).or_default().push(score);
                }
            }
            match users.last() {
                Some(last) if users.len() == usize::from(PAGE) => after = Some(last.id),
                _ => break,
            }
        }
    }
    Ok((votes, own))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keycap_numbers_are_scores_and_nothing_else_is() {
        for (i, emoji) in RATING_EMOJI.iter().enumerate() {
            assert_eq!(score_of(&ReactionType::Unicode(emoji.to_string())), Some(i as u8 + 1));
        }
        // Some clients send keycaps without the variation selector.
        assert_eq!(score_of(&ReactionType::Unicode("4\u{20e3}".into())), Some(4));
        for other in ["👍", "6\u{fe0f}\u{20e3}", "0\u{fe0f}\u{20e3}", "4", "⭐"] {
            assert_eq!(score_of(&ReactionType::Unicode(other.into())), None, "{other}");
        }
    }
}
