//! Everything that brings recaps in: fetching untrusted URLs (`fetch`), reading articles
//! (`article`, with `headline` for show, season and episode), reading feeds (`feed`),
//! polling them (`poll`), and importing files, stdin and URLs (`import`).
//!
//! What comes out is a [`crate::recap::Article`]; storing it is the store's business.

pub mod article;
pub mod charset;
pub mod dom;
pub mod feed;
pub mod fetch;
pub mod headline;
pub mod import;
pub mod jsonld;
pub mod opening;
pub mod poll;
pub mod rating;
pub mod readable;
pub mod refusal;
