//! The database: one SQL dialect over SQLite (the embedded default) and PostgreSQL.
//!
//! Queries go through sqlx's `Any` driver, so each query is written once with `$n` parameters
//! and plain types (i64, f64, text). Instants are i64 UTC milliseconds, flags 0/1. The only
//! dialect difference, the auto-incrementing key, is handled in [`migrations`].

pub mod migrations;
pub mod rows;
pub mod settings;
pub mod sql;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, ConnectOptions, Executor};
use std::str::FromStr;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

/// Which database the store runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// A SQLite file, WAL mode.
    Sqlite,
    /// PostgreSQL.
    Postgres,
}

/// The connection pool and what it runs on.
#[derive(Debug, Clone)]
pub struct Store {
    /// The pool; every query goes through it.
    pub pool: AnyPool,
    /// The backend behind the pool.
    pub backend: Backend,
    /// Where writing transactions run (see [`Store::writer`]).
    writer: AnyPool,
}

/// A failure to open or migrate the database.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The URL names neither SQLite nor PostgreSQL.
    #[error("unsupported DATABASE_URL scheme (use sqlite:// or postgres://)")]
    Scheme,
    /// The database refused or failed.
    #[error(transparent)]
    Sql(#[from] sqlx::Error),
    /// A migration failed.
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// The database did not answer.
    #[error("the database cannot be reached: {0}")]
    Unreachable(sqlx::Error),
    /// The data directory could not be created.
    #[error("data directory: {0}")]
    Io(#[from] std::io::Error),
    /// After the migrations, a row points at one that does not exist.
    #[error("a migration left a reference to a missing row (PRAGMA foreign_key_check)")]
    BrokenReferences,
}

/// Runs the migrations on one connection. On SQLite its foreign keys are off meanwhile (the
/// pragma acts only outside a transaction, and each migration is one): a table is rebuilt to
/// change a constraint, and dropping the old one must not cascade to the rows that point at it.
/// Every reference is checked before the connection goes back to the pool.
async fn migrate(writer: &sqlx::AnyPool, backend: Backend) -> Result<(), StoreError> {
    let mut connection = writer.acquire().await.map_err(StoreError::Unreachable)?;
    let sqlite = backend == Backend::Sqlite;
    if sqlite {
        sqlx::query("PRAGMA foreign_keys = OFF").execute(&mut *connection).await?;
    }
    let migrated = migrations::migrator(backend).run(&mut *connection).await;
    if sqlite {
        let broken = sqlx::query("PRAGMA foreign_key_check").fetch_all(&mut *connection).await;
        sqlx::query("PRAGMA foreign_keys = ON").execute(&mut *connection).await?;
        if !broken?.is_empty() {
            return Err(StoreError::BrokenReferences);
        }
    }
    migrated?;
    Ok(())
}

impl Store {
    /// Connects (creating a SQLite file and its directory if needed) and runs the migrations.
    pub async fn open(url: &str, max_connections: Option<u32>) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Backend::Postgres
        } else {
            return Err(StoreError::Scheme);
        };
        if backend == Backend::Sqlite {
            if let Some(dir) = sqlite_path(url).and_then(|p| std::path::Path::new(p).parent().map(|d| d.to_owned())) {
                if !dir.as_os_str().is_empty() {
                    std::fs::create_dir_all(dir)?;
                }
            }
        }
        let options = AnyConnectOptions::from_str(url)?
            .log_statements(log::LevelFilter::Debug)
            .log_slow_statements(log::LevelFilter::Warn, Duration::from_millis(500));
        let size = max_connections.unwrap_or(match backend {
            Backend::Sqlite => 8,
            Backend::Postgres => 16,
        });
        // On a SQLite file, every write goes through the one writer connection: the readers are
        // opened read-only, so a write that took another way fails in every test instead of
        // meeting "database is locked" under load. A database in memory exists per connection:
        // it is read and written through its one pool.
        let separate_writer = backend == Backend::Sqlite && sqlite_path(url).is_some();
        let writer = if separate_writer {
            pool_options(backend, 1, false).connect_with(options.clone()).await.map_err(StoreError::Unreachable)?
        } else {
            pool_options(backend, size, false).connect_with(options.clone()).await.map_err(StoreError::Unreachable)?
        };
        migrate(&writer, backend).await?;
        let pool = if separate_writer {
            pool_options(backend, size, true).connect_with(options).await.map_err(StoreError::Unreachable)?
        } else {
            writer.clone()
        };
        Ok(Store { pool, backend, writer })
    }

    /// The pool for writing transactions. On SQLite it holds one connection, so writers queue
    /// for it in order, and its page cache stays warm: SQLite drops a connection's cache whenever
    /// another connection wrote, so with writes spread over the pool every write started cold.
    /// On PostgreSQL it is the pool.
    ///
    /// A write with `RETURNING` outside a transaction is read with `fetch_all`: on SQLite such a
    /// statement commits only when it has run to its end, and `fetch_one` hands back its row
    /// before that, so a commit that fails there (a full disk) would be lost, and the caller
    /// told of a row that is not there.
    pub fn writer(&self) -> &AnyPool {
        &self.writer
    }

    /// Whether the database answers.
    pub async fn ping(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }

    /// Writes one row and commits, through the writer: fails when the database cannot take a
    /// write (a full disk, a read-only file or server).
    pub async fn probe_write(&self) -> Result<(), sqlx::Error> {
        let mut tx = self.writer.begin().await?;
        lock_key(&mut tx, "readiness-probe").await?;
        tx.commit().await
    }
}

/// A pool of `size` connections to `backend`; `read_only` ones refuse every write (SQLite).
fn pool_options(backend: Backend, size: u32, read_only: bool) -> AnyPoolOptions {
    AnyPoolOptions::new()
        .max_connections(size)
        // A request waits this long for a connection: when the database is away, it soon
        // gets a clear 503 instead of hanging.
        .acquire_timeout(Duration::from_secs(5))
        // A pool pings each connection as it hands it out, to catch one a restarted server
        // dropped. A SQLite connection is an open file that cannot drop, and on SQLite the
        // ping is a round trip to the connection's thread as costly as the query itself.
        .test_before_acquire(backend == Backend::Postgres)
        .after_connect(move |conn, _| {
            Box::pin(async move {
                if backend == Backend::Sqlite {
                    // WAL lets readers run beside the one writer; busy_timeout makes a
                    // writer wait for the lock instead of failing at once.
                    conn.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;").await?;
                    if read_only {
                        conn.execute("PRAGMA query_only = ON;").await?;
                    }
                }
                Ok(())
            })
        })
}

/// The file path of a `sqlite://path?options` URL.
pub fn sqlite_path(url: &str) -> Option<&str> {
    let rest = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next()?;
    (!path.is_empty() && path != ":memory:").then_some(path)
}

/// Whether a failure's text says the database or the disk cannot take a write: SQLite's
/// "database or disk is full" and I/O errors, PostgreSQL's disk-full and read-only errors, and the
/// operating system's "no space", "quota" and "read-only file system" from the file store. Such a
/// failure is the machine's state, not a bug: the caller gets a 503 that promises nothing.
pub fn write_refused(text: &str) -> bool {
    const SIGNS: [&str; 10] = [
        "database or disk is full",
        "disk I/O error",
        "readonly database",
        "No space left on device",
        "os error 28",
        "Disk quota exceeded",
        "os error 122",
        "Read-only file system",
        "could not extend file",
        "read-only transaction",
    ];
    SIGNS.iter().any(|sign| text.contains(sign))
}

/// How far the clock of a browser-test server is moved (see [`set_clock`]); 0 in service.
static CLOCK_SHIFT_MS: AtomicI64 = AtomicI64::new(0);

/// Milliseconds since the Unix epoch, now: every time the server acts on is read here.
pub fn now_ms() -> i64 {
    let real = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX));
    real.saturating_add(CLOCK_SHIFT_MS.load(Ordering::Relaxed))
}

/// Today's date in Shanghai, by [`now_ms`].
pub fn today() -> app::time::LocalDate {
    app::time::Instant(now_ms()).to_shanghai().0
}

/// A date the server computed, written into a statement's text (`'2026-12-01'`) instead of
/// bound to it.
///
/// PostgreSQL plans a prepared statement anew at every execution for as long as a plan for any
/// value of its parameters looks dearer than one for the values at hand, and a range bound by
/// parameters on a large table does (its width unknown): planning the month page's and the
/// desk's statements cost more than running them once the tables held years of history. With a
/// range's ends in the text, a statement is planned for them and then kept, on each connection.
/// Only for values the server computes, never for what a user sent.
pub fn day_in_text(day: app::time::LocalDate) -> String {
    format!("'{day}'")
}

/// Makes this process's clock read `at` from now on (`None`: the real time again). For the
/// browser tests' server only, which must live through a consultation's hour in a second; it is
/// reachable only with `TEST_CLOCK=1` (`/test/clock`), and the API tests, many servers in one
/// process, never move it.
pub fn set_clock(at: Option<i64>) {
    CLOCK_SHIFT_MS.store(0, Ordering::Relaxed);
    if let Some(at) = at {
        CLOCK_SHIFT_MS.store(at.saturating_sub(now_ms()), Ordering::Relaxed);
    }
}

/// Locks an account's row until `tx` ends: the first write of a transaction that checks an "at
/// most N per account" rule, so that concurrent requests of one account are counted one after
/// the other. PostgreSQL holds the row lock; SQLite, whose writers take turns, holds the database's
/// write lock from this statement on (a transaction that writes first never reads stale data).
pub async fn lock_user(tx: &mut sqlx::Transaction<'_, sqlx::Any>, user_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET id = id WHERE id = $1").bind(user_id).execute(&mut **tx).await.map(|_| ())
}

/// Locks `key` until `tx` ends, as [`lock_user`] locks an account: for "at most N" rules whose
/// subject has no row (codes per phone number, per client address). Lock keys in a fixed order
/// when a rule needs several.
pub async fn lock_key(tx: &mut sqlx::Transaction<'_, sqlx::Any>, key: &str) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO limit_keys (key) VALUES ($1) ON CONFLICT (key) DO UPDATE SET key = excluded.key")
        .bind(key)
        .execute(&mut **tx)
        .await
        .map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::sqlite_path;

    #[test]
    fn a_full_or_read_only_disk_is_told_apart_from_a_bug() {
        assert!(super::write_refused("error returned from database: (code: 13) database or disk is full"));
        assert!(super::write_refused("Generic LocalFileSystem error: No space left on device (os error 28)"));
        assert!(super::write_refused("error returned from database: could not extend file \"base/1/2\""));
        assert!(!super::write_refused("error returned from database: no such table: bookings"));
    }

    #[test]
    fn finds_the_file_of_a_sqlite_url() {
        assert_eq!(sqlite_path("sqlite://./data/fai.db?mode=rwc"), Some("./data/fai.db"));
        assert_eq!(sqlite_path("sqlite:fai.db"), Some("fai.db"));
        assert_eq!(sqlite_path("sqlite::memory:"), None);
        assert_eq!(sqlite_path("postgres://x"), None);
    }
}
