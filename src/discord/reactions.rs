//! The 1️⃣–5️⃣ under public `/recap` posts, queued instead of sent at once.
//!
//! Every public recap asks for five reactions, and Discord allows a bot 50 requests a second
//! in all: 200 recaps a second would ask for 1,000. serenity's limiter learns of the global
//! limit only from a 429, so reactions sent as soon as they are asked for run into it again
//! and again (the road to a Cloudflare ban). Here they take the process's paced places
//! behind the alerts (a [`Rest::behind`]), one channel's posts in order, channels in turn, and
//! the answer to the member never waits for them.
//!
//! The queue is in memory: reactions a stopped process had not added yet are added by the
//! next start's reconciliation, which reads every recent post's reactions anyway.

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver, UnboundedSender};
use tokio::task::{JoinHandle, JoinSet};

use super::rest::Rest;
use super::votes::{is_gone, rating_reaction};
use crate::ids::{ChannelId, MessageId};

/// Channels getting reactions at once. A channel's reactions wait for its route's bucket (one
/// per 250 ms on Discord) before taking a place, so lanes keep the budget busy meanwhile.
const LANES: usize = 16;

/// A post and the scores it already carries.
struct Owed {
    channel: ChannelId,
    message: MessageId,
    present: Vec<u8>,
}

/// The rating reactions still to add. Cheap to clone; clones share the queue.
#[derive(Clone)]
pub struct ReactionQueue {
    jobs: UnboundedSender<Owed>,
    /// Reactions asked for and not yet added (nor given up).
    backlog: Arc<AtomicUsize>,
}

impl ReactionQueue {
    /// Starts the queue's worker on `rest` (paced, behind the alerts); it stops when the task is
    /// aborted (with the bot) or every clone of the queue is dropped.
    pub fn start(rest: Rest) -> (ReactionQueue, JoinHandle<()>) {
        let (jobs, queue) = unbounded_channel();
        let backlog = Arc::new(AtomicUsize::new(0));
        let worker = tokio::spawn(run(queue, rest, backlog.clone()));
        (ReactionQueue { jobs, backlog }, worker)
    }

    /// Queues the 1️⃣–5️⃣ `message` lacks (`present`: the scores it carries). Never waits.
    pub fn add(&self, channel: ChannelId, message: MessageId, present: Vec<u8>) {
        let missing = (1..=5u8).filter(|s| !present.contains(s)).count();
        if missing == 0 {
            return;
        }
        self.backlog.fetch_add(missing, Ordering::SeqCst);
        if self.jobs.send(Owed { channel, message, present }).is_err() {
            self.backlog.fetch_sub(missing, Ordering::SeqCst);
        }
    }

    /// Reactions queued and not yet added.
    pub fn backlog(&self) -> usize {
        self.backlog.load(Ordering::SeqCst)
    }
}

async fn run(mut queue: UnboundedReceiver<Owed>, rest: Rest, backlog: Arc<AtomicUsize>) {
    let mut waiting: HashMap<ChannelId, VecDeque<Owed>> = HashMap::new();
    // Channels with posts waiting and no lane, in the order they are to get one.
    let mut turns: VecDeque<ChannelId> = VecDeque::new();
    let mut busy: HashSet<ChannelId> = HashSet::new();
    let mut lanes: JoinSet<ChannelId> = JoinSet::new();
    let mut open = true;
    loop {
        while lanes.len() < LANES {
            let Some(channel) = turns.pop_front() else { break };
            let Some(post) = waiting.get_mut(&channel).and_then(VecDeque::pop_front) else {
                continue;
            };
            busy.insert(channel);
            let (rest, backlog) = (rest.clone(), backlog.clone());
            lanes.spawn(async move {
                react(&rest, &post, &backlog).await;
                post.channel
            });
        }
        if !open && lanes.is_empty() {
            return;
        }
        tokio::select! {
            job = queue.recv(), if open => match job {
                Some(post) => {
                    let channel = post.channel;
                    let posts = waiting.entry(channel).or_default();
                    if posts.is_empty() && !busy.contains(&channel) {
                        turns.push_back(channel);
                    }
                    posts.push_back(post);
                }
                None => open = false,
            },
            Some(done) = lanes.join_next(), if !lanes.is_empty() => {
                let Ok(channel) = done else { continue };
                busy.remove(&channel);
                // The channel goes to the back: one busy channel does not hold the others up.
                match waiting.get(&channel) {
                    Some(posts) if !posts.is_empty() => turns.push_back(channel),
                    _ => {
                        waiting.remove(&channel);
                    }
                }
            }
        }
    }
}

/// Adds one post's missing reactions in order.
async fn react(rest: &Rest, post: &Owed, backlog: &AtomicUsize) {
    let mut present = post.present.clone();
    for score in (1..=5u8).filter(|s| !post.present.contains(s)) {
        let added = rest.create_reaction(post.channel, post.message, &rating_reaction(score)).await;
        match added {
            Ok(()) => {
                present.push(score);
                backlog.fetch_sub(1, Ordering::SeqCst);
            }
            Err(error) => {
                let left = (1..=5u8).filter(|s| !present.contains(s)).count();
                backlog.fetch_sub(left, Ordering::SeqCst);
                if is_gone(&error) {
                    tracing::debug!(channel = %post.channel, "a rating post went before its reactions");
                } else {
                    tracing::warn!(%error, channel = %post.channel, message = %post.message, "cannot add the rating reactions; the next start adds them");
                }
                return;
            }
        }
    }
}
