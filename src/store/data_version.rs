//! Whether a SQLite database changed since it was last asked, in a few microseconds:
//! `PRAGMA data_version` on a connection of its own that never writes, called in place. Any
//! commit by any other connection, this process's pool or another process sharing the file,
//! changes the number. Through sqlx the same question would hop to a worker thread and back,
//! which costs more than the rest of a cached `/recap`.

use std::path::Path;
use std::ptr;

use libsqlite3_sys as ffi;

pub(crate) struct DataVersion {
    db: *mut ffi::sqlite3,
    stmt: *mut ffi::sqlite3_stmt,
}

// SAFETY: the connection is opened in SQLite's serialized mode (SQLITE_OPEN_FULLMUTEX) and
// only ever used behind a mutex, one call at a time; nothing else holds its pointers.
unsafe impl Send for DataVersion {}

impl DataVersion {
    /// A connection to the database file at `path`; `None` if SQLite cannot open it.
    pub(crate) fn open(path: &Path) -> Option<DataVersion> {
        let path = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).ok()?;
        let mut this = DataVersion { db: ptr::null_mut(), stmt: ptr::null_mut() };
        let flags = ffi::SQLITE_OPEN_READWRITE | ffi::SQLITE_OPEN_FULLMUTEX;
        // SAFETY: valid C strings and out-pointers; `this` closes whatever was opened on drop.
        unsafe {
            if ffi::sqlite3_open_v2(path.as_ptr(), &mut this.db, flags, ptr::null())
                != ffi::SQLITE_OK
            {
                return None;
            }
            let sql = c"PRAGMA data_version";
            let prepared =
                ffi::sqlite3_prepare_v2(this.db, sql.as_ptr(), -1, &mut this.stmt, ptr::null_mut());
            (prepared == ffi::SQLITE_OK && !this.stmt.is_null()).then_some(this)
        }
    }

    /// The number; `None` when SQLite cannot say just now (a busy WAL recovery): then the
    /// caller asks the database itself.
    pub(crate) fn read(&mut self) -> Option<i64> {
        // SAFETY: `stmt` is a prepared statement of `db`, both live until drop. The reset ends
        // the read transaction the step began, so no snapshot is held between calls.
        unsafe {
            let version = (ffi::sqlite3_step(self.stmt) == ffi::SQLITE_ROW)
                .then(|| ffi::sqlite3_column_int64(self.stmt, 0));
            ffi::sqlite3_reset(self.stmt);
            version
        }
    }
}

impl Drop for DataVersion {
    fn drop(&mut self) {
        // SAFETY: finalizing a null statement and closing a null connection are no-ops.
        unsafe {
            ffi::sqlite3_finalize(self.stmt);
            ffi::sqlite3_close(self.db);
        }
    }
}
