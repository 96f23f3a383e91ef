//! Spacing requests under Discord's global limit of 50 per second.
//!
//! serenity's rate limiter follows each route's bucket, but it learns of the global limit only
//! from a 429. A fan-out of a thousand alerts would run into that wall again and again, so the
//! dispatcher spaces its own requests below it instead.

use std::time::Duration;

use tokio::sync::Mutex;
use tokio::time::Instant;

/// Discord allows 50 requests per second per bot; leave room for commands and edits.
pub const ALERT_REQUESTS_PER_SECOND: u32 = 45;

#[derive(Debug)]
pub struct Pace {
    spacing: Duration,
    next: Mutex<Instant>,
}

impl Pace {
    pub fn per_second(requests: u32) -> Self {
        Pace { spacing: Duration::from_secs(1) / requests.max(1), next: Mutex::new(Instant::now()) }
    }

    /// Waits for this request's slot.
    pub async fn wait(&self) {
        let slot = {
            let mut next = self.next.lock().await;
            let slot = (*next).max(Instant::now());
            *next = slot + self.spacing;
            slot
        };
        tokio::time::sleep_until(slot).await;
    }
}
