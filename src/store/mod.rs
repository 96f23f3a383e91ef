//! Storage through sqlx, on SQLite (the embedded default) or PostgreSQL (several bot
//! processes sharing one database).
//!
//! Both backends run the same SQL: `$1` placeholders (SQLite accepts them too), `ON CONFLICT`
//! upserts, `RETURNING`, BIGINT columns and unix-second times. The few statements that must
//! differ say so where they are written.

pub mod feeds;
pub mod guilds;
pub mod outbox;
pub mod ratings;
pub mod recaps;
pub mod shows;
pub mod subscriptions;
pub mod watching;

use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::Migrator;
use sqlx::{AnyPool, Executor};
use tokio::sync::{Mutex, MutexGuard};

use crate::recap::lookup::ShowIndex;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/postgres");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("unsupported DATABASE_URL {0:?}: use sqlite://FILE or postgres://USER@HOST/DB")]
    UnsupportedUrl(String),
    #[error("cannot open the database: {0}")]
    Connect(#[source] sqlx::Error),
    #[error("cannot apply database migrations: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("database error: {0}")]
    Sql(#[from] sqlx::Error),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// The database, and the caches that spare it from answering every keystroke.
#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// SQLite has one writer at a time, and a deferred transaction that reads before it
    /// writes fails at once with SQLITE_BUSY when another one got there first. Taking this
    /// lock around write transactions turns that into orderly waiting within the process.
    sqlite_writer: Arc<Mutex<()>>,
    shows: Arc<shows::ShowCache>,
    /// Wakes this process's alert dispatcher when a recap was published here.
    alerts: Arc<tokio::sync::Notify>,
    /// The SQLite database file, if the database is one.
    sqlite_file: Option<std::path::PathBuf>,
}

/// A write transaction; on SQLite it also holds the writer lock until it ends.
pub struct WriteTx<'a> {
    pub tx: sqlx::Transaction<'a, sqlx::Any>,
    _writer: Option<MutexGuard<'a, ()>>,
}

impl WriteTx<'_> {
    pub async fn commit(self) -> Result<()> {
        self.tx.commit().await?;
        Ok(())
    }
}

impl std::ops::Deref for WriteTx<'_> {
    type Target = sqlx::AnyConnection;
    fn deref(&self) -> &Self::Target {
        &self.tx
    }
}

impl std::ops::DerefMut for WriteTx<'_> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.tx
    }
}

impl Store {
    /// Opens (creating the SQLite file if needed) and migrates the database at `url`.
    pub async fn open(url: &str) -> Result<Store> {
        let store = Store::connect(url).await?;
        store.migrate().await?;
        Ok(store)
    }

    /// Opens without migrating (`recapbot migrate` reports what it applies).
    pub async fn connect(url: &str) -> Result<Store> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Backend::Postgres
        } else {
            return Err(StoreError::UnsupportedUrl(url.to_string()));
        };
        let url = match backend {
            // Create the file on first use: the embedded default needs no set-up.
            Backend::Sqlite if !url.contains("mode=") => {
                format!("{url}{}mode=rwc", if url.contains('?') { '&' } else { '?' })
            }
            _ => url.to_string(),
        };
        let options = AnyConnectOptions::from_str(&url).map_err(StoreError::Connect)?;
        let pool = AnyPoolOptions::new()
            .max_connections(match backend {
                Backend::Sqlite => 4,
                Backend::Postgres => 10,
            })
            .acquire_timeout(Duration::from_secs(10))
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // WAL lets readers (autocomplete) run beside a writer (an import);
                        // the busy timeout covers other processes writing the same file.
                        conn.execute("PRAGMA foreign_keys = ON").await?;
                        conn.execute("PRAGMA journal_mode = WAL").await?;
                        conn.execute("PRAGMA synchronous = NORMAL").await?;
                        conn.execute("PRAGMA busy_timeout = 10000").await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await
            .map_err(StoreError::Connect)?;
        Ok(Store {
            pool,
            backend,
            sqlite_writer: Arc::new(Mutex::new(())),
            shows: Arc::new(shows::ShowCache::default()),
            alerts: Arc::new(tokio::sync::Notify::new()),
            sqlite_file: match backend {
                Backend::Sqlite => sqlite_file(&url),
                Backend::Postgres => None,
            },
        })
    }

    /// Applies pending migrations; returns how many were applied.
    pub async fn migrate(&self) -> Result<usize> {
        let migrator = match self.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        // sqlx takes no lock around SQLite migrations: processes starting at once on a new
        // file would each create the tables. A lock file beside the database serialises them.
        let _migrating = match &self.sqlite_file {
            Some(path) => Some(lock_file(path).await?),
            None => None,
        };
        let before = self.applied_migrations().await.unwrap_or(0);
        migrator.run(&self.pool).await?;
        let after = self.applied_migrations().await?;
        Ok(after.saturating_sub(before))
    }

    async fn applied_migrations(&self) -> Result<usize> {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM _sqlx_migrations WHERE success")
            .fetch_one(&self.pool)
            .await?;
        Ok(n as usize)
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub(crate) fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Begins a write transaction: one per unit of work (an article, a vote, an alert).
    pub async fn begin_write(&self) -> Result<WriteTx<'_>> {
        let writer = match self.backend {
            Backend::Sqlite => Some(self.sqlite_writer.lock().await),
            Backend::Postgres => None,
        };
        // On SQLite the transaction takes the write lock up front: a deferred one that reads
        // first cannot upgrade to a writer while another process writes, and fails at once
        // with "database is locked" instead of waiting out the busy timeout.
        let tx = match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        };
        Ok(WriteTx { tx, _writer: writer })
    }

    /// The show-name index for lookups, rebuilt when shows changed.
    pub async fn show_index(&self) -> Result<Arc<ShowIndex>> {
        self.shows.get(self).await
    }

    pub(crate) fn alerts_queued(&self) {
        self.alerts.notify_one();
    }

    /// Resolves when this process published a recap since the last call (other processes'
    /// alerts are found by polling).
    pub async fn alerts_wakeup(&self) {
        self.alerts.notified().await;
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// The file of a `sqlite://PATH?…` URL; `None` for an in-memory database.
fn sqlite_file(url: &str) -> Option<std::path::PathBuf> {
    let path = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    let path = path.split('?').next().unwrap_or_default();
    (!path.is_empty() && !path.contains(":memory:")).then(|| std::path::PathBuf::from(path))
}

/// An exclusive lock on `<database>.migrate-lock`, held until the returned file is dropped.
async fn lock_file(database: &std::path::Path) -> Result<std::fs::File> {
    let mut name = database.as_os_str().to_owned();
    name.push(".migrate-lock");
    let path = std::path::PathBuf::from(name);
    let locked = tokio::task::spawn_blocking(move || {
        let file =
            std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(&path)?;
        file.lock()?;
        Ok::<_, std::io::Error>(file)
    })
    .await
    .map_err(|e| StoreError::Connect(sqlx::Error::Io(std::io::Error::other(e))))?;
    locked.map_err(|e| StoreError::Connect(sqlx::Error::Io(e)))
}

/// Now, in unix seconds: the one clock the store writes.
pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}
