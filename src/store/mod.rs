//! Storage through sqlx, on SQLite (the embedded default) or PostgreSQL (several bot
//! processes sharing one database).
//!
//! Both backends run the same SQL: `$1` placeholders (SQLite accepts them too), `ON CONFLICT`
//! upserts, `RETURNING`, BIGINT columns and unix-second times. The few statements that must
//! differ say so where they are written.

pub mod cache;
mod catalogue;
pub use catalogue::DEFAULT_BUDGET_MB as DEFAULT_CATALOGUE_MB;
mod data_version;
pub mod deployment;
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

/// How long a pooled connection may sit idle and still be handed out without a ping.
const TRUSTED_IDLE: Duration = Duration::from_secs(1);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// `IN (…)` over the ids bound at `$param` as [`id_list`]: one statement text whatever
    /// the ids, so it is prepared once per connection instead of once per list (a list
    /// spelled into the SQL made every `/recap` parse and plan a statement of its own).
    pub(crate) fn in_ids(self, param: usize) -> String {
        match self {
            Backend::Sqlite => format!("IN (SELECT value FROM json_each(${param}))"),
            Backend::Postgres => format!("= ANY(CAST(${param} AS BIGINT[]))"),
        }
    }
}

/// Ids bound for [`Backend::in_ids`]: `[1,2]` is both a JSON array and, with its brackets
/// made braces, a PostgreSQL array literal.
pub(crate) fn id_list(backend: Backend, ids: impl IntoIterator<Item = i64>) -> String {
    let joined = ids.into_iter().map(|id| id.to_string()).collect::<Vec<_>>().join(",");
    match backend {
        Backend::Sqlite => format!("[{joined}]"),
        Backend::Postgres => format!("{{{joined}}}"),
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("unsupported DATABASE_URL {0:?}: use sqlite://FILE or postgres://USER@HOST/DB")]
    UnsupportedUrl(String),
    #[error("{0} is not a SQLite database, or it is corrupt: point DATABASE_URL at recapbot's database, or move this file away to start a new one")]
    NotADatabase(String),
    #[error("the directory {0} does not exist: create it, or point DATABASE_URL elsewhere")]
    NoDirectory(String),
    /// The file, or the directory SQLite must create its journal in.
    #[error("{0} is read-only: recapbot needs to write its database and create files beside it")]
    ReadOnly(String),
    #[error("cannot reach PostgreSQL at {address}: {reason}")]
    Unreachable { address: String, reason: String },
    #[error("PostgreSQL at {address} refused the connection: {reason}")]
    Refused { address: String, reason: String },
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
    /// What `/recap` reads, while the data versions stand.
    views: Arc<cache::ViewCache>,
    /// Wakes this process's alert dispatcher when a recap was published here.
    alerts: Arc<tokio::sync::Notify>,
    /// The SQLite database file, if the database is one.
    sqlite_file: Option<std::path::PathBuf>,
    /// The PostgreSQL URL, if the database is one, for the view cache's listener (it holds the
    /// password: never logged).
    postgres_url: Option<String>,
}

/// A write transaction; on SQLite it also holds the writer lock until it ends.
pub struct WriteTx<'a> {
    pub tx: sqlx::Transaction<'a, sqlx::Any>,
    _writer: Option<MutexGuard<'a, ()>>,
    views: &'a cache::ViewCache,
}

impl WriteTx<'_> {
    pub async fn commit(self) -> Result<()> {
        self.tx.commit().await?;
        self.views.committed();
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
            return Err(StoreError::UnsupportedUrl(crate::config::without_credentials(url)));
        };
        let url = match backend {
            // Create the file on first use: the embedded default needs no set-up.
            Backend::Sqlite if !url.contains("mode=") => {
                format!("{url}{}mode=rwc", if url.contains('?') { '&' } else { '?' })
            }
            _ => url.to_string(),
        };
        let options = AnyConnectOptions::from_str(&url).map_err(StoreError::Connect)?;
        probe(backend, &options, &url).await?;
        let pool = AnyPoolOptions::new()
            .max_connections(match backend {
                Backend::Sqlite => 4,
                Backend::Postgres => 10,
            })
            .acquire_timeout(Duration::from_secs(10))
            // sqlx pings every connection it hands out: a second round trip per query, which
            // doubled a cold /recap's database time. A connection used within the last
            // moment is known alive; one idle longer (across a database restart, say) is
            // still pinged, and replaced if that fails.
            .test_before_acquire(false)
            // A task cancelled inside `begin` (a stopping bot, a timeout) can hand its connection
            // back with the BEGIN run but no transaction left to end it: on SQLite it then holds
            // the write lock, and every other writer waits out its busy timeout and fails with
            // "database is locked". Such a connection is closed, which rolls it back, never reused.
            .after_release(|conn, _meta| {
                Box::pin(async move { Ok(!sqlx::Connection::is_in_transaction(conn)) })
            })
            .before_acquire(|conn, meta| {
                Box::pin(async move {
                    // Released before its worker had run the BEGIN: caught here instead.
                    if sqlx::Connection::is_in_transaction(conn) {
                        return Ok(false);
                    }
                    if meta.idle_for > TRUSTED_IDLE {
                        sqlx::Connection::ping(conn).await?;
                    }
                    Ok(true)
                })
            })
            .after_connect(move |conn, _meta| Box::pin(prepare(conn, backend)))
            .connect_with(options)
            .await
            .map_err(StoreError::Connect)?;
        Ok(Store {
            pool,
            backend,
            sqlite_writer: Arc::new(Mutex::new(())),
            shows: Arc::new(shows::ShowCache::default()),
            views: Arc::default(),
            alerts: Arc::new(tokio::sync::Notify::new()),
            sqlite_file: match backend {
                Backend::Sqlite => sqlite_file(&url),
                Backend::Postgres => None,
            },
            postgres_url: (backend == Backend::Postgres).then_some(url),
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
        Ok(WriteTx { tx, _writer: writer, views: &self.views })
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

    /// Whether the database answers: the cheapest round trip, for health checks.
    pub async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    pub async fn close(&self) {
        self.views.stop();
        self.pool.close().await;
    }
}

/// Every pooled connection's settings.
async fn prepare(conn: &mut sqlx::AnyConnection, backend: Backend) -> sqlx::Result<()> {
    if backend == Backend::Sqlite {
        // WAL lets readers (autocomplete) run beside a writer (an import); the busy timeout
        // covers other processes writing the same file, and comes first: switching a new file
        // to WAL waits for another process's migration like any write.
        conn.execute("PRAGMA busy_timeout = 10000").await?;
        conn.execute("PRAGMA foreign_keys = ON").await?;
        conn.execute("PRAGMA journal_mode = WAL").await?;
        conn.execute("PRAGMA synchronous = NORMAL").await?;
    }
    Ok(())
}

/// How long the first connection may take before the database counts as unreachable.
const PROBE_TIMEOUT: Duration = Duration::from_secs(3);

/// Opens one connection before the pool does, to fail at once with the reason. The pool
/// would retry a refused connection and swallow a failing `prepare` until its 10 s acquire
/// timeout, then report only "pool timed out".
async fn probe(backend: Backend, options: &AnyConnectOptions, url: &str) -> Result<()> {
    use sqlx::{ConnectOptions, Connection};
    let attempt = async {
        let mut conn = options.connect().await?;
        prepare(&mut conn, backend).await?;
        if backend == Backend::Sqlite {
            // A read-only file opens and reads fine; taking the write lock is what fails.
            // Another process writing now (SQLITE_BUSY) says nothing either way: not waited for.
            conn.execute("PRAGMA busy_timeout = 0").await?;
            match conn.execute("BEGIN IMMEDIATE").await {
                Ok(_) => {
                    conn.execute("ROLLBACK").await?;
                }
                Err(sqlx::Error::Database(busy)) if sqlite_code(&*busy) == Some(SQLITE_BUSY) => {}
                Err(error) => return Err(error),
            }
        }
        conn.close().await
    };
    let answered = match backend {
        // A local file: SQLite's busy timeout bounds any wait for other processes.
        Backend::Sqlite => Ok(attempt.await),
        Backend::Postgres => tokio::time::timeout(PROBE_TIMEOUT, attempt).await,
    };
    match answered {
        Ok(Ok(())) => Ok(()),
        Ok(Err(error)) => Err(explain(backend, url, error)),
        Err(_) => Err(StoreError::Unreachable {
            address: postgres_address(url),
            reason: format!("no answer within {} s", PROBE_TIMEOUT.as_secs()),
        }),
    }
}

/// SQLite's primary result codes that start-up tells apart.
const SQLITE_BUSY: i32 = 5;
const SQLITE_READONLY: i32 = 8;
const SQLITE_CORRUPT: i32 = 11;
const SQLITE_CANTOPEN: i32 = 14;
const SQLITE_NOTADB: i32 = 26;

/// The primary result code of a SQLite error (the low byte of the extended code sqlx gives).
fn sqlite_code(error: &dyn sqlx::error::DatabaseError) -> Option<i32> {
    error.code()?.parse::<i32>().ok().map(|code| code & 0xff)
}

/// A connection failure in the operator's terms, never with the URL's password.
fn explain(backend: Backend, url: &str, error: sqlx::Error) -> StoreError {
    match backend {
        Backend::Sqlite => {
            let file = sqlite_file(url)
                .map(|path| path.display().to_string())
                .unwrap_or_else(|| "the in-memory database".into());
            match &error {
                sqlx::Error::Database(db) => match sqlite_code(&**db) {
                    Some(SQLITE_CORRUPT | SQLITE_NOTADB) => StoreError::NotADatabase(file),
                    Some(SQLITE_CANTOPEN) if missing_directory(url).is_some() => {
                        StoreError::NoDirectory(missing_directory(url).unwrap_or_default())
                    }
                    Some(code @ (SQLITE_READONLY | SQLITE_CANTOPEN)) => match read_only_part(url) {
                        Some(part) => StoreError::ReadOnly(part),
                        None if code == SQLITE_READONLY => StoreError::ReadOnly(file),
                        None => StoreError::Connect(error),
                    },
                    _ => StoreError::Connect(error),
                },
                sqlx::Error::Io(io) if is_read_only(io) => {
                    StoreError::ReadOnly(read_only_part(url).unwrap_or(file))
                }
                _ => StoreError::Connect(error),
            }
        }
        Backend::Postgres => {
            let address = postgres_address(url);
            match error {
                sqlx::Error::Io(io) => StoreError::Unreachable { address, reason: io_reason(&io) },
                sqlx::Error::Tls(tls) => {
                    StoreError::Unreachable { address, reason: format!("TLS failed: {tls}") }
                }
                sqlx::Error::Database(db) => {
                    StoreError::Refused { address, reason: db.message().to_string() }
                }
                other => StoreError::Connect(other),
            }
        }
    }
}

/// `host:port` of a PostgreSQL URL: where it points, without who connects or with what.
fn postgres_address(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(parsed) => format!(
            "{}:{}",
            parsed.host_str().filter(|h| !h.is_empty()).unwrap_or("localhost"),
            parsed.port().unwrap_or(5432)
        ),
        Err(_) => "the configured address".into(),
    }
}

/// An I/O error as the one-line reason an operator acts on ("connection refused").
fn io_reason(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::ConnectionRefused => "connection refused (is the server running?)".into(),
        ErrorKind::TimedOut => "timed out".into(),
        ErrorKind::NotFound => format!("cannot resolve the host ({error})"),
        _ => error.to_string(),
    }
}

fn is_read_only(error: &std::io::Error) -> bool {
    matches!(
        error.kind(),
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
    )
}

/// The directory a SQLite file is to be in, if it does not exist.
fn missing_directory(url: &str) -> Option<String> {
    let dir = sqlite_file(url)?.parent()?.to_path_buf();
    (!dir.as_os_str().is_empty() && !dir.exists()).then(|| dir.display().to_string())
}

/// What this process may not write of a SQLite database: the file, or the directory where
/// SQLite creates its journal (and recapbot its migration lock). Tried, not inferred from
/// permission bits, which say nothing of a read-only mount or of root.
fn read_only_part(url: &str) -> Option<String> {
    let file = sqlite_file(url)?;
    if file.exists() && std::fs::OpenOptions::new().append(true).open(&file).is_err() {
        return Some(file.display().to_string());
    }
    let dir = match file.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let probe = dir.join(format!(".recapbot-write-check-{}", std::process::id()));
    let created = std::fs::OpenOptions::new().write(true).create_new(true).open(&probe).is_ok();
    let _ = std::fs::remove_file(&probe);
    (!created).then(|| format!("the directory {}", dir.display()))
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
    locked.map_err(|e| {
        if is_read_only(&e) {
            let url = format!("sqlite://{}", database.display());
            StoreError::ReadOnly(read_only_part(&url).unwrap_or(database.display().to_string()))
        } else {
            StoreError::Connect(sqlx::Error::Io(e))
        }
    })
}

/// Now, in unix seconds: the one clock the store writes.
pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}
