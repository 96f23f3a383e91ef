//! Spacing requests under Discord's global limit of 50 per second.
//!
//! serenity's rate limiter follows each route's bucket, but it learns of the global limit only
//! from a 429. A fan-out of a thousand alerts would run into that wall again and again, so the
//! dispatcher spaces its own requests below it instead.
//!
//! The limit is the bot's, not a process's: processes sharing a database split it, each
//! taking `45 / processes alive` (see [`keep_share`]).

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Mutex;
use tokio::time::Instant;

/// Discord allows 50 requests per second per bot; leave room for commands and edits.
pub const ALERT_REQUESTS_PER_SECOND: u32 = 45;

#[derive(Debug)]
pub struct Pace {
    /// Nanoseconds between two requests: changes as processes come and go.
    spacing: AtomicU64,
    next: Mutex<Instant>,
    /// Until when a global 429 holds every request back (see [`Pace::hold`]).
    held_until: std::sync::Mutex<Instant>,
    /// Requests in [`Pace::wait`] for their slot: while there are any, [`Pace::wait_behind`]
    /// holds back.
    waiting: AtomicUsize,
}

impl Pace {
    pub fn per_second(requests: u32) -> Self {
        Pace {
            spacing: AtomicU64::new(spacing(requests, 1)),
            next: Mutex::new(Instant::now()),
            held_until: std::sync::Mutex::new(Instant::now()),
            waiting: AtomicUsize::new(0),
        }
    }

    /// Takes `1 / processes` of `requests` per second from now on.
    pub fn share(&self, requests: u32, processes: u32) {
        self.spacing.store(spacing(requests, processes), Ordering::SeqCst);
    }

    fn spacing(&self) -> Duration {
        Duration::from_nanos(self.spacing.load(Ordering::SeqCst))
    }

    /// Waits for this request's slot.
    pub async fn wait(&self) {
        self.waiting.fetch_add(1, Ordering::SeqCst);
        let _done = Waiting(&self.waiting);
        self.take_slot().await;
    }

    /// Waits for a slot that no [`Pace::wait`] wants: the reactions under alerts go after the
    /// alerts still to post, so a fan-out posts every alert first and completes them after.
    pub async fn wait_behind(&self) {
        while self.waiting.load(Ordering::SeqCst) > 0 {
            tokio::time::sleep(self.spacing()).await;
        }
        self.take_slot().await;
    }

    async fn take_slot(&self) {
        loop {
            let slot = {
                let mut next = self.next.lock().await;
                let slot = (*next).max(Instant::now());
                *next = slot + self.spacing();
                slot
            };
            tokio::time::sleep_until(slot).await;
            // A global 429 came while this request waited for a slot inside it: going at the
            // hold's end with every other such request would be the burst that drew it.
            if self.held_until() <= slot {
                return;
            }
        }
    }

    /// Discord said the bot is over its global limit for `wait`: no slot is given before it
    /// is over, and slots already given inside it are taken again after it.
    pub async fn hold(&self, wait: Duration) {
        let until = Instant::now() + wait;
        {
            let mut held = self.held_until.lock().expect("pace hold");
            *held = (*held).max(until);
        }
        let mut next = self.next.lock().await;
        *next = (*next).max(until);
    }

    /// Waits out a global 429's hold, if there is one: for requests that are not paced.
    pub async fn held(&self) {
        loop {
            let until = self.held_until();
            if until <= Instant::now() {
                return;
            }
            tokio::time::sleep_until(until).await;
        }
    }

    fn held_until(&self) -> Instant {
        *self.held_until.lock().expect("pace hold")
    }
}

/// Counts a waiter out however its wait ends (a cancelled future included).
struct Waiting<'a>(&'a AtomicUsize);

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

fn spacing(requests: u32, processes: u32) -> u64 {
    let per_second = f64::from(requests.max(1)) / f64::from(processes.max(1));
    (1e9 / per_second) as u64
}

/// Beats `id`'s heartbeat every `every` and keeps `pace` at this process's share of
/// [`ALERT_REQUESTS_PER_SECOND`], until aborted. The first beat is done before it returns, so
/// a process starts at its share, not at the whole budget.
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
                        pace.share(ALERT_REQUESTS_PER_SECOND, alive);
                    }
                    // Keeping the last share is the safe side: a process that cannot reach the
                    // database posts nothing new anyway.
                    Err(error) => tracing::warn!(%error, "cannot record this process's heartbeat"),
                }
            }
        }
    };
    beat().await;
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
    fn processes_split_the_budget() {
        let pace = Pace::per_second(ALERT_REQUESTS_PER_SECOND);
        assert_eq!(pace.spacing().as_micros(), 22_222);
        pace.share(ALERT_REQUESTS_PER_SECOND, 2);
        assert_eq!(pace.spacing().as_micros(), 44_444);
        pace.share(ALERT_REQUESTS_PER_SECOND, 0);
        assert_eq!(pace.spacing().as_micros(), 22_222);
    }

    #[tokio::test(start_paused = true)]
    async fn a_global_429_holds_every_slot_until_it_is_over() {
        let pace = Arc::new(Pace::per_second(10));
        let start = Instant::now();
        // Three requests take slots at 0, 100 and 200 ms; the first is sent and draws a
        // global 429 asking for 300 ms.
        pace.wait().await;
        let waiting: Vec<_> = (0..2)
            .map(|_| {
                let pace = pace.clone();
                tokio::spawn(async move {
                    pace.wait().await;
                    start.elapsed()
                })
            })
            .collect();
        tokio::time::sleep(Duration::from_millis(10)).await;
        pace.hold(Duration::from_millis(300)).await;
        let mut went: Vec<Duration> = Vec::new();
        for task in waiting {
            went.push(task.await.unwrap());
        }
        went.sort();
        assert!(went[0] >= Duration::from_millis(310), "went inside the hold: {went:?}");
        assert!(went[1] >= went[0] + Duration::from_millis(100), "not spaced after it: {went:?}");
    }

    #[tokio::test(start_paused = true)]
    async fn unpaced_requests_wait_out_a_hold_too() {
        let pace = Pace::per_second(10);
        let start = Instant::now();
        pace.hold(Duration::from_millis(200)).await;
        pace.held().await;
        assert!(start.elapsed() >= Duration::from_millis(200));
    }
}
