//! Throw-away databases for tests and benchmarks: a fresh SQLite file, or a fresh database
//! on a PostgreSQL server, each migrated, so runs never see each other's rows.

use std::path::PathBuf;

use sqlx::{Connection, Executor};

use crate::store::{Backend, Result, Store, StoreError};

/// The environment variable naming a PostgreSQL server for the tests and benchmarks
/// (`postgres://postgres@127.0.0.1:5432/test`). Unset: PostgreSQL runs are skipped.
pub const TEST_DATABASE_URL: &str = "TEST_DATABASE_URL";

/// A migrated store on a database of its own, removed by [`Scratch::remove`].
pub struct Scratch {
    pub store: Store,
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    Dir(#[allow(dead_code)] tempfile::TempDir),
    Postgres { admin_url: String, database: String },
}

fn unique_suffix() -> String {
    use rand::Rng;
    format!("{}_{:08x}", std::process::id(), rand::thread_rng().gen::<u32>())
}

impl Scratch {
    /// A fresh SQLite file in a temporary directory.
    pub async fn sqlite() -> Result<Scratch> {
        let dir = tempfile::tempdir().map_err(|e| StoreError::Connect(sqlx::Error::Io(e)))?;
        let path: PathBuf = dir.path().join("recapbot.db");
        let url = format!("sqlite://{}", path.display());
        let store = Store::open(&url).await?;
        Ok(Scratch { store, url, cleanup: Cleanup::Dir(dir) })
    }

    /// A fresh database on the PostgreSQL server `admin_url` points at.
    pub async fn postgres(admin_url: &str) -> Result<Scratch> {
        sqlx::any::install_default_drivers();
        let database = format!("recapbot_t_{}", unique_suffix());
        let mut admin =
            sqlx::AnyConnection::connect(admin_url).await.map_err(StoreError::Connect)?;
        admin.execute(format!("CREATE DATABASE {database}").as_str()).await?;
        admin.close().await?;
        let url = replace_database(admin_url, &database);
        let store = Store::open(&url).await?;
        Ok(Scratch {
            store,
            url,
            cleanup: Cleanup::Postgres { admin_url: admin_url.to_string(), database },
        })
    }

    /// One scratch store per backend: SQLite always, PostgreSQL if `TEST_DATABASE_URL` is set.
    pub async fn for_backend(backend: Backend) -> Result<Option<Scratch>> {
        match backend {
            Backend::Sqlite => Ok(Some(Scratch::sqlite().await?)),
            Backend::Postgres => match std::env::var(TEST_DATABASE_URL) {
                Ok(url) if !url.trim().is_empty() => Ok(Some(Scratch::postgres(&url).await?)),
                _ => Ok(None),
            },
        }
    }

    /// Closes the store and drops its database.
    pub async fn remove(self) -> Result<()> {
        self.store.close().await;
        match self.cleanup {
            Cleanup::Dir(dir) => drop(dir),
            Cleanup::Postgres { admin_url, database } => {
                let mut admin =
                    sqlx::AnyConnection::connect(&admin_url).await.map_err(StoreError::Connect)?;
                admin
                    .execute(format!("DROP DATABASE IF EXISTS {database} WITH (FORCE)").as_str())
                    .await?;
                admin.close().await?;
            }
        }
        Ok(())
    }
}

/// The same server URL with another database name.
fn replace_database(url: &str, database: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, format!("?{query}")),
        None => (url, String::new()),
    };
    let authority_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    let server = match base[authority_end..].find('/') {
        Some(slash) => &base[..authority_end + slash],
        None => base,
    };
    format!("{server}/{database}{query}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn replaces_only_the_database_name() {
        assert_eq!(
            super::replace_database("postgres://postgres@127.0.0.1:5432/test", "x"),
            "postgres://postgres@127.0.0.1:5432/x"
        );
        assert_eq!(
            super::replace_database("postgres://h/test?sslmode=disable", "x"),
            "postgres://h/x?sslmode=disable"
        );
        assert_eq!(super::replace_database("postgres://h", "x"), "postgres://h/x");
    }
}
