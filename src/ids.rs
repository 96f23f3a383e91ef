//! Typed ids, so a channel id can never be passed where a guild id is wanted, nor a show id
//! where an episode id is. They become the database's integers only where a query binds or
//! reads them (`db()` and `from_db`), and serenity's ids only in `src/discord/`.

use serde::Serialize;

/// Ids the store assigns (database row ids).
macro_rules! row_id {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        pub struct $name(pub i64);

        impl $name {
            pub fn db(self) -> i64 {
                self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

row_id!(ShowId, EpisodeId, RecapId, FeedId, SubscriptionId, AlertId);

/// Ids Discord assigns: snowflakes, unsigned 64-bit, stored as BIGINT (the bits as `i64`).
macro_rules! snowflake {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        pub struct $name(u64);

        impl $name {
            pub const fn new(id: u64) -> Self {
                $name(id)
            }

            pub const fn get(self) -> u64 {
                self.0
            }

            /// The value a query binds: snowflakes fit in 63 bits, so the cast keeps them.
            pub fn db(self) -> i64 {
                self.0 as i64
            }

            pub fn from_db(value: i64) -> Self {
                $name(value as u64)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

snowflake!(
    /// A Discord server.
    GuildId,
    ChannelId,
    UserId,
    MessageId,
    RoleId,
);
