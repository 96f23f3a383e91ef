//! Keeping the bot's REST traffic under Discord's global limit of 50 requests per second.
//!
//! serenity's rate limiter follows each route's bucket, but it learns of the global limit only
//! from a 429. A fan-out of a thousand alerts would run into that wall again and again, so
//! every request the process sends through [`super::rest::Rest`] takes a place here first.
//!
//! Discord counts a request at some moment between its sending and its answer, and may count
//! in a sliding or a fixed window. So a request goes only while fewer than the process's share
//! of its requests may fall into the same second: those on their way, and those answered less
//! than [`WINDOW`] ago. Any `limit + 1` requests then span more than a second however the
//! network delays them, so no second-long window, however aligned, holds more than `limit`.
//! An idle stretch is not lost: after it, a whole second's worth goes at once.
//!
//! The limit is the bot's, not a process's: processes sharing a database split it, each
//! taking [`PACED_REQUESTS_PER_SECOND`]` / processes alive` (see [`keep_share`]).

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Notify;
use tokio::time::Instant;

/// Discord's global limit: requests per second per bot, every process together.
pub const GLOBAL_REQUESTS_PER_SECOND: u32 = 50;

/// What the processes' paced requests may use of [`GLOBAL_REQUESTS_PER_SECOND`]. Interaction
/// answers and follow-ups are exempt from the limit, and every other request a process sends
/// counts in its pace: start-up's calls, serenity's `GET /gateway`, then alerts, reactions,
/// score edits and reconciliation reads. Two a second stay free for what escapes that: the two
/// discovery calls (`GET /oauth2/applications/@me`, `GET /gateway/bot`) of a process starting
/// beside running ones, before it can know of them, and serenity's own retry of a 429.
pub const PACED_REQUESTS_PER_SECOND: u32 = GLOBAL_REQUESTS_PER_SECOND - 2;

/// How long an answered request still counts: Discord's second, and a hair for timer and clock
/// granularity (the answer is the latest Discord can have counted it).
pub const WINDOW: Duration = Duration::from_millis(1_010);

#[derive(Debug)]
pub struct Pace {
    state: std::sync::Mutex<State>,
    /// Wakes the request at the head of the queue: a place was freed or the share grew.
    freed: Notify,
    /// Requests take their places in the order they asked (tokio's mutex is fair).
    turn: tokio::sync::Mutex<()>,
    /// Requests in [`Pace::wait`] for their place: while there are any, [`Pace::wait_behind`]
    /// holds back.
    waiting: AtomicUsize,
    /// Wakes [`Pace::wait_behind`] when the last such request has its place.
    idle: Notify,
    /// Tells a [`Pace::wait_behind`] at the head of the queue that a request wants to go first.
    queued: Notify,
}

#[derive(Debug)]
struct State {
    /// Requests in any [`WINDOW`]: this process's share.
    limit: usize,
    /// Places taken whose requests are not answered yet.
    in_flight: usize,
    /// When the requests answered within the last [`WINDOW`] were, oldest first.
    answered: VecDeque<Instant>,
    /// Until when a global 429 holds every request back (see [`Pace::hold`]).
    held_until: Instant,
}

impl State {
    /// Takes a place at `now`, or says when to look again (`None`: when a request is answered).
    fn take(&mut self, now: Instant) -> Result<(), Option<Instant>> {
        while self.answered.front().is_some_and(|&at| at + WINDOW <= now) {
            self.answered.pop_front();
        }
        if now < self.held_until {
            return Err(Some(self.held_until));
        }
        let used = self.in_flight + self.answered.len();
        if used < self.limit {
            self.in_flight += 1;
            return Ok(());
        }
        // Once the answers up to this one are a window old, fewer than `limit` count.
        Err(self.answered.get(used - self.limit).map(|&at| at + WINDOW))
    }
}

/// A request's place: held while it is on its way, it counts for a [`WINDOW`] after it is
/// dropped (when its answer came, or it was given up).
#[must_use = "the place is freed when dropped"]
pub struct Place<'a>(&'a Pace);

impl Drop for Place<'_> {
    fn drop(&mut self) {
        {
            let mut state = self.0.state();
            state.in_flight -= 1;
            state.answered.push_back(Instant::now());
        }
        self.0.freed.notify_waiters();
    }
}

impl Pace {
    pub fn per_second(requests: u32) -> Self {
        Pace {
            state: std::sync::Mutex::new(State {
                limit: limit(requests, 1),
                in_flight: 0,
                answered: VecDeque::new(),
                held_until: Instant::now(),
            }),
            freed: Notify::new(),
            turn: tokio::sync::Mutex::new(()),
            waiting: AtomicUsize::new(0),
            idle: Notify::new(),
            queued: Notify::new(),
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().expect("pace state")
    }

    /// Takes `1 / processes` of `requests` per second from now on.
    pub fn share(&self, requests: u32, processes: u32) {
        self.state().limit = limit(requests, processes);
        self.freed.notify_waiters();
    }

    /// Requests in any second this process may send.
    pub fn limit(&self) -> usize {
        self.state().limit
    }

    /// Waits for this request's place.
    pub async fn wait(&self) -> Place<'_> {
        self.waiting.fetch_add(1, Ordering::SeqCst);
        let _done = Waiting(self);
        self.queued.notify_waiters();
        let _turn = self.turn.lock().await;
        self.take_place(false).await.expect("only a place behind gives way")
    }

    /// Waits for a place that no [`Pace::wait`] wants: the reactions under alerts go after the
    /// alerts still to post, so a fan-out posts every alert first and completes them after.
    pub async fn wait_behind(&self) -> Place<'_> {
        loop {
            loop {
                let idle = self.idle.notified();
                tokio::pin!(idle);
                idle.as_mut().enable();
                if self.waiting.load(Ordering::SeqCst) == 0 {
                    break;
                }
                idle.await;
            }
            let _turn = self.turn.lock().await;
            if let Some(place) = self.take_place(true).await {
                return place;
            }
        }
    }

    /// Called with the turn held: nobody else is looking for a place meanwhile. `behind`: gives
    /// the turn up (`None`) as soon as a [`Pace::wait`] queues, rather than make it wait.
    async fn take_place(&self, behind: bool) -> Option<Place<'_>> {
        loop {
            let (freed, queued) = (self.freed.notified(), self.queued.notified());
            tokio::pin!(freed, queued);
            freed.as_mut().enable();
            queued.as_mut().enable();
            if behind && self.waiting.load(Ordering::SeqCst) > 0 {
                return None;
            }
            let next = match self.state().take(Instant::now()) {
                Ok(()) => return Some(Place(self)),
                Err(next) => next,
            };
            let until = async {
                match next {
                    Some(at) => tokio::time::sleep_until(at).await,
                    None => std::future::pending().await,
                }
            };
            tokio::select! {
                _ = until => {}
                _ = freed => {}
                _ = queued, if behind => {}
            }
        }
    }

    /// Discord said the bot is over its global limit for `wait`: no place is given before it
    /// is over.
    pub fn hold(&self, wait: Duration) {
        let until = Instant::now() + wait;
        let mut state = self.state();
        state.held_until = state.held_until.max(until);
    }
}

/// Counts a waiter out however its wait ends (a cancelled future included).
struct Waiting<'a>(&'a Pace);

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        if self.0.waiting.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.0.idle.notify_waiters();
        }
    }
}

/// Whole requests per second: each process rounds its share down, so together they never
/// exceed `requests`; at least one, or a process could send nothing.
fn limit(requests: u32, processes: u32) -> usize {
    (requests / processes.max(1)).max(1) as usize
}

/// Beats `id`'s heartbeat every `every` and keeps `pace` at this process's share of
/// [`PACED_REQUESTS_PER_SECOND`], until aborted. The first beat is done before it returns, so
/// a process starts at its share, not at the whole budget; and a process that finds others
/// alive sends nothing through `pace` for `every`, until each of them has beaten since and
/// taken its smaller share (they would otherwise still be spending the whole of theirs).
pub async fn keep_share(
    store: crate::store::Store,
    id: String,
    shards: String,
    pace: Arc<Pace>,
    every: Duration,
) -> tokio::task::JoinHandle<()> {
    let beat = {
        let (store, id, pace) = (store.clone(), id.clone(), pace.clone());
        move || {
            let (store, id, shards, pace) =
                (store.clone(), id.clone(), shards.clone(), pace.clone());
            async move {
                match store.process_heartbeat(&id, &shards).await {
                    Ok(alive) => {
                        metrics::gauge!(crate::observe::name::PROCESSES_ALIVE)
                            .set(f64::from(alive));
                        pace.share(PACED_REQUESTS_PER_SECOND, alive);
                        Some(alive)
                    }
                    // Keeping the last share is the safe side: a process that cannot reach the
                    // database posts nothing new anyway.
                    Err(error) => {
                        tracing::warn!(%error, "cannot record this process's heartbeat");
                        None
                    }
                }
            }
        }
    };
    // Twice: processes starting together each count before the other's first beat is
    // committed, and would both take the whole budget; counting again after its own commit,
    // the later of the two sees the other.
    beat().await;
    if beat().await.is_some_and(|alive| alive > 1) {
        pace.hold(every);
    }
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(every).await;
            beat().await;
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn processes_split_the_budget_in_whole_requests() {
        let pace = Pace::per_second(PACED_REQUESTS_PER_SECOND);
        assert_eq!(pace.limit(), 48);
        pace.share(PACED_REQUESTS_PER_SECOND, 2);
        assert_eq!(pace.limit(), 24);
        pace.share(PACED_REQUESTS_PER_SECOND, 5);
        assert_eq!(pace.limit(), 9, "rounded down: five processes send 45, not 50");
        pace.share(PACED_REQUESTS_PER_SECOND, 0);
        assert_eq!(pace.limit(), 48);
        pace.share(PACED_REQUESTS_PER_SECOND, 100);
        assert_eq!(pace.limit(), 1);
    }

    /// When `n` requests, each answered `latency` after it took its place, went.
    async fn send(pace: &Arc<Pace>, n: usize, latency: Duration) -> Vec<(Instant, Instant)> {
        let tasks: Vec<_> = (0..n)
            .map(|_| {
                let pace = pace.clone();
                tokio::spawn(async move {
                    let _place = pace.wait().await;
                    let sent = Instant::now();
                    tokio::time::sleep(latency).await;
                    (sent, Instant::now())
                })
            })
            .collect();
        let mut went = Vec::with_capacity(n);
        for task in tasks {
            went.push(task.await.unwrap());
        }
        went.sort();
        went
    }

    /// The most requests Discord may have counted in one second, wherever it counted each
    /// between its sending and its answer: a request sent within a second of an earlier one's
    /// answer may fall into that one's second.
    fn most_in_a_second(went: &[(Instant, Instant)]) -> usize {
        went.iter()
            .map(|&(_, answered)| {
                went.iter()
                    .filter(|&&(sent, end)| {
                        end >= answered && sent <= answered + Duration::from_secs(1)
                    })
                    .count()
            })
            .max()
            .unwrap_or(0)
    }

    #[tokio::test(start_paused = true)]
    async fn a_second_s_worth_goes_at_once_then_each_waits_for_a_place_to_free() {
        let pace = Arc::new(Pace::per_second(10));
        let start = Instant::now();
        let went = send(&pace, 35, Duration::from_millis(30)).await;
        let at = |i: usize| went[i].0 - start;
        assert_eq!(at(9), Duration::ZERO, "the first ten go at once");
        // The eleventh waits for the first answer (30 ms) to be a window old.
        assert_eq!(at(10), Duration::from_millis(30) + WINDOW);
        assert_eq!(at(20), (Duration::from_millis(30) + WINDOW) * 2);
        assert_eq!(at(30), (Duration::from_millis(30) + WINDOW) * 3);
        assert!(most_in_a_second(&went) <= 10, "{went:?}");
    }

    #[tokio::test(start_paused = true)]
    async fn a_slow_answer_keeps_its_place_taken_without_stopping_the_others() {
        let pace = Arc::new(Pace::per_second(3));
        let start = Instant::now();
        // One request hangs for 5 s; the other two places keep turning.
        let slow = {
            let pace = pace.clone();
            tokio::spawn(async move {
                let _place = pace.wait().await;
                tokio::time::sleep(Duration::from_secs(5)).await;
            })
        };
        tokio::task::yield_now().await;
        let went = send(&pace, 6, Duration::from_millis(10)).await;
        let last = went.last().unwrap().0 - start;
        assert!(last < Duration::from_secs(3), "the slow one stalled the rest: {last:?}");
        let two_at_a_time = went.chunks(2).all(|pair| pair[0].0 == pair[1].0);
        assert!(two_at_a_time, "{went:?}");
        slow.await.unwrap();
    }

    #[tokio::test(start_paused = true)]
    async fn a_smaller_share_takes_effect_for_the_next_request() {
        let pace = Arc::new(Pace::per_second(10));
        let start = Instant::now();
        drop(pace.wait().await);
        pace.share(10, 2);
        let went = send(&pace, 5, Duration::ZERO).await;
        let at: Vec<_> = went.iter().map(|w| w.0 - start).collect();
        // Five a second now, the one already sent included.
        assert_eq!(at[..4], [Duration::ZERO; 4]);
        assert_eq!(at[4], WINDOW);
    }

    #[tokio::test(start_paused = true)]
    async fn a_global_429_holds_every_place_until_it_is_over() {
        let pace = Arc::new(Pace::per_second(10));
        let start = Instant::now();
        drop(pace.wait().await);
        pace.hold(Duration::from_millis(300));
        let went = send(&pace, 3, Duration::ZERO).await;
        assert!(went.iter().all(|w| w.0 - start >= Duration::from_millis(300)), "{went:?}");
    }

    #[tokio::test(start_paused = true)]
    async fn reactions_wait_behind_every_alert_still_to_post() {
        let pace = Arc::new(Pace::per_second(2));
        let order = Arc::new(std::sync::Mutex::new(Vec::new()));
        let go = |what: &'static str, behind: bool| {
            let (pace, order) = (pace.clone(), order.clone());
            tokio::spawn(async move {
                let _place = if behind { pace.wait_behind().await } else { pace.wait().await };
                order.lock().unwrap().push(what);
            })
        };
        // Two alerts fill the second; a reaction and two more alerts ask meanwhile.
        let mut tasks = vec![go("alert", false), go("alert", false)];
        tokio::task::yield_now().await;
        tasks.push(go("reaction", true));
        tokio::task::yield_now().await;
        tasks.extend([go("alert", false), go("alert", false)]);
        for task in tasks {
            task.await.unwrap();
        }
        assert_eq!(*order.lock().unwrap(), ["alert", "alert", "alert", "alert", "reaction"]);
    }
}
