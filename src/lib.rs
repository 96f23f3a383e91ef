//! recapbot: episode recaps, community ratings and new-recap alerts for TV and K-drama fan
//! servers on Discord.
//!
//! The domain (`recap`) knows nothing of Discord or SQL; `store` owns the database; `ingest`
//! brings recaps in; `app` holds the use cases that the Discord shell (`discord`) and the
//! command line (`cli`) share; `bot::start` brings it all up. The binary is a thin shell
//! around [`cli::main`].

pub mod app;
#[cfg(feature = "sandbox")]
pub mod bench;
pub mod bot;
pub mod cli;
pub mod config;
pub mod discord;
#[cfg(feature = "sandbox")]
pub mod harness;
pub mod i18n;
pub mod ids;
pub mod ingest;
pub mod observe;
pub mod recap;
#[cfg(feature = "sandbox")]
pub mod sandbox;
pub mod store;
