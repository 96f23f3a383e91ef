//! recapbot's end-to-end stories, one test binary (one link) with a module per capability.
//! Each Discord story runs the real bot, as `recapbot run` starts it, against the fake
//! Discord; each database story runs on SQLite and on PostgreSQL.

#[macro_use]
mod support;

mod alerts;
mod cli;
mod corpus;
mod feeds;
mod languages;
mod memory;
mod observe;
mod outage;
mod proxy;
mod ratings;
mod recap;
mod run;
mod scale;
mod store;
mod tenants;
