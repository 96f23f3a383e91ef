//! Recap sites' feeds: fetching untrusted URLs safely, reading RSS/Atom/JSON Feed, and
//! polling them into the store.

pub mod fetch;
pub mod parse;
pub mod poll;
