//! Configuration, read once at start-up from the environment (and `.env`), typed.
//! Every variable here is listed in README.md and `.env.example`.

use std::fmt;

/// A secret (the bot token). Its `Debug` and `Display` never show the value, so logging a
/// config, an error or a panic message cannot leak it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The only way to read the value: grep for `expose` to audit every use.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl std::str::FromStr for Secret {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Secret(s.to_string()))
    }
}

/// The SQLite file used when `DATABASE_URL` is not set.
pub const DEFAULT_SQLITE_FILE: &str = "recapbot.db";

/// `DATABASE_URL` or, unset, the embedded SQLite default in the working directory.
pub fn database_url(configured: Option<&str>) -> String {
    match configured.map(str::trim) {
        Some(url) if !url.is_empty() => url.to_string(),
        _ => format!("sqlite://{DEFAULT_SQLITE_FILE}"),
    }
}

/// Loads `.env` if there is one. Variables already in the environment win.
pub fn load_dotenv() {
    // A missing .env is the normal case in production; a malformed one is worth a warning.
    if let Err(e) = dotenvy::dotenv() {
        if !e.not_found() {
            eprintln!("warning: ignoring .env: {e}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_never_prints_its_value() {
        let token = Secret::new("MTEw.real.token");
        assert_eq!(format!("{token:?}"), "Secret(***)");
        assert_eq!(format!("{token}"), "***");
        assert_eq!(token.expose(), "MTEw.real.token");
    }

    #[test]
    fn database_url_defaults_to_sqlite_file() {
        assert_eq!(database_url(None), "sqlite://recapbot.db");
        assert_eq!(database_url(Some("  ")), "sqlite://recapbot.db");
        assert_eq!(database_url(Some("postgres://db/x")), "postgres://db/x");
    }
}
