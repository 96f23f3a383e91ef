//! Test and benchmark support, built only with the `sandbox` feature (on by default): scratch
//! databases, and a look at tables that the product's API does not expose. The lean bot
//! (`--no-default-features`) has none of it.

pub mod scratch;

use crate::store::Store;

/// One number from a query on the store's tables (counts, checks of what a test expects).
pub async fn query_i64(store: &Store, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(store.pool()).await.unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// Runs a statement on the store's tables: what a test does to stand for a crash or the
/// passing of time (an outbox row left claimed, a retry come due).
pub async fn execute(store: &Store, sql: &str) {
    sqlx::query(sql).execute(store.pool()).await.unwrap_or_else(|e| panic!("{sql}: {e}"));
}

/// The store's pool, for tests that read rows the product never reads back (an outbox row's
/// back-off, a post's `gone` flag).
pub fn pool(store: &Store) -> &sqlx::AnyPool {
    store.pool()
}
