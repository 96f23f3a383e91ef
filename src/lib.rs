//! recapbot: episode recaps, community ratings and new-recap alerts for TV and K-drama fan
//! servers on Discord.
//!
//! The domain (`recap`) knows nothing of Discord or SQL; `store` owns the database;
//! `ingest` brings recaps in; the binary is a thin shell around [`cli::main`].

pub mod bench;
pub mod cli;
pub mod config;
pub mod discord;
pub mod ingest;
pub mod recap;
pub mod sandbox;
pub mod store;
