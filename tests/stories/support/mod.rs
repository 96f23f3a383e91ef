//! Shared by the integration tests: running one test body on each database backend.
#![allow(dead_code)]

pub mod bot;
pub mod driver;

use std::future::Future;
use std::io::Write;
use std::sync::Once;

use recapbot::harness::scratch::{Scratch, TEST_DATABASE_URL};
use recapbot::store::{Backend, Store};

/// A migrated store of its own for one test, and the URL the binary can be given.
#[derive(Clone)]
pub struct TestDb {
    pub store: Store,
    pub url: String,
}

/// When set (CI sets it), a PostgreSQL test that cannot run fails instead of skipping.
const REQUIRE_POSTGRES: &str = "RECAPBOT_REQUIRE_POSTGRES";

static SKIP_NOTICE: Once = Once::new();

/// Runs `test` on a fresh database of `backend`. Without `TEST_DATABASE_URL`, PostgreSQL
/// tests are skipped, and say so on the terminal (libtest's capture does not hide a direct
/// write to stderr).
pub async fn on<F, Fut>(backend: Backend, test: F)
where
    F: FnOnce(TestDb) -> Fut,
    Fut: Future<Output = ()>,
{
    let scratch = match Scratch::for_backend(backend).await {
        Ok(Some(scratch)) => scratch,
        Ok(None) => {
            if std::env::var_os(REQUIRE_POSTGRES).is_some() {
                panic!("{REQUIRE_POSTGRES} is set but {TEST_DATABASE_URL} is not: PostgreSQL tests cannot run");
            }
            SKIP_NOTICE.call_once(|| {
                let _ = writeln!(
                    std::io::stderr(),
                    "\n*** PostgreSQL tests SKIPPED: set {TEST_DATABASE_URL}=postgres://postgres@127.0.0.1:5432/test to run them ***\n"
                );
            });
            return;
        }
        Err(e) => panic!("cannot create a scratch {backend:?} database: {e}"),
    };
    test(TestDb { store: scratch.store.clone(), url: scratch.url.clone() }).await;
    scratch.remove().await.expect("scratch database removed");
}

/// Declares each listed `async fn(TestDb)` as two tests, `sqlite::name` and `postgres::name`.
#[macro_export]
macro_rules! backend_tests {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[tokio::test] async fn $name() {
                $crate::support::on(recapbot::store::Backend::Sqlite, super::$name).await
            })*
        }
        mod postgres {
            $(#[tokio::test] async fn $name() {
                $crate::support::on(recapbot::store::Backend::Postgres, super::$name).await
            })*
        }
    };
}

/// The sample recap article, as recap sites publish it.
pub fn sample_article() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/soundtrack-1-s01e02.txt")
}

/// The servers whose channels have an alert queued, in order.
pub async fn alerted_guilds(db: &TestDb) -> Vec<i64> {
    sqlx::query_scalar(
        "SELECT s.guild_id FROM outbox o JOIN subscriptions s ON s.id = o.subscription_id
         ORDER BY s.guild_id",
    )
    .fetch_all(recapbot::harness::pool(&db.store))
    .await
    .unwrap()
}

/// Subscribes `channel` of `guild` to new recaps of every show.
pub async fn subscribe_everything(
    db: &TestDb,
    guild: recapbot::ids::GuildId,
    channel: recapbot::ids::ChannelId,
) {
    let sub = recapbot::store::subscriptions::NewSubscription {
        guild_id: guild,
        channel_id: channel,
        show: None,
        role_id: None,
        spoilers: true,
        thread: false,
        forum: false,
        made_in: None,
    };
    db.store.subscribe(&sub).await.unwrap();
}
