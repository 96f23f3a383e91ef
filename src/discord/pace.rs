//! Spacing requests under Discord's global limit of 50 per second.
//!
//! serenity's rate limiter follows each route's bucket, but it learns of the global limit only
//! from a 429. A fan-out of a thousand alerts would run into that wall again and again, so the
//! dispatcher spaces its own requests below it instead.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::sync::Mutex;
use tokio::time::Instant;

/// Discord allows 50 requests per second per bot; leave room for commands and edits.
pub const ALERT_REQUESTS_PER_SECOND: u32 = 45;

#[derive(Debug)]
pub struct Pace {
    spacing: Duration,
    next: Mutex<Instant>,
    /// Requests in [`Pace::wait`] for their slot: while there are any, [`Pace::wait_behind`]
    /// holds back.
    waiting: AtomicUsize,
}

impl Pace {
    pub fn per_second(requests: u32) -> Self {
        Pace {
            spacing: Duration::from_secs(1) / requests.max(1),
            next: Mutex::new(Instant::now()),
            waiting: AtomicUsize::new(0),
        }
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
            tokio::time::sleep(self.spacing).await;
        }
        self.take_slot().await;
    }

    async fn take_slot(&self) {
        let slot = {
            let mut next = self.next.lock().await;
            let slot = (*next).max(Instant::now());
            *next = slot + self.spacing;
            slot
        };
        tokio::time::sleep_until(slot).await;
    }
}

/// Counts a waiter out however its wait ends (a cancelled future included).
struct Waiting<'a>(&'a AtomicUsize);

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}
