//! The use cases: what the Discord commands and the command line both do — resolve a show,
//! load what a recap message needs, chart ratings, subscribe a channel, follow a feed,
//! publish an article. Plain async functions over the store and the intake, no Discord types:
//! a command passes its options in and replies with what comes out.

pub mod alerts;
pub mod error;
pub mod feeds;
pub mod publish;
pub mod ratings;
pub mod recaps;
pub mod shows;
pub mod watching;

pub use error::{Asked, Error, Result, UserError};

use crate::ingest::fetch::Fetcher;
use crate::store::Store;

/// What every use case can reach. Cheap to clone.
#[derive(Clone)]
pub struct App {
    pub store: Store,
    /// Fetches URLs that members and the operator hand in, under the operator's policy.
    pub fetcher: Fetcher,
    /// `/top` leaves out episodes with fewer votes (`RECAPBOT_TOP_MIN_VOTES`).
    pub top_min_votes: u32,
}

impl App {
    pub fn new(store: Store, fetcher: Fetcher, top_min_votes: u32) -> Self {
        App { store, fetcher, top_min_votes }
    }
}
