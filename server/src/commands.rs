//! The server binary's commands: `serve` (the default), `migrate`, `create-admin`, `demo`,
//! `check-config`, `backup FILE` and `restore FILE`, so that whoever runs the portal needs no
//! other tool for these.

mod first_admin;

pub use first_admin::{create_admin, NewAdmin};

use crate::config::Config;
use crate::store::{sqlite_path, Backend, Store};
use std::path::Path;

/// What to do, from the command line.
#[derive(Debug, PartialEq)]
pub enum Command {
    /// Run the portal.
    Serve,
    /// Apply the database migrations and exit.
    Migrate,
    /// Create the first administrator.
    CreateAdmin(NewAdmin),
    /// Load the demo district into an empty database and exit.
    Demo,
    /// Check every setting and say what is wrong.
    CheckConfig,
    /// Copy the live database to a new file.
    Backup(String),
    /// Replace the SQLite database with a backup (the server stopped).
    Restore(String),
    /// Fill an empty PostgreSQL database with a synthetic programme of this size.
    Generate(crate::generate::Size),
    /// Add years of past work, at this scale, to the programme the database holds.
    History(f64),
    /// Print the usage.
    Help,
}

/// The usage text.
pub const USAGE: &str =
    "usage: server [serve | migrate | create-admin LOGIN PHONE NAME [--password-file FILE] [--force] | demo |
               check-config | backup FILE | restore FILE | generate N [YEAR] | generate-history [SCALE] | help]
  serve          run the portal (the default)
  migrate        apply the database migrations and exit
  create-admin LOGIN PHONE NAME [--password-file FILE] [--force]
                 create the first administrator (second factor by SMS to PHONE); the password is read
                 from FILE's first line or asked for, never given on the command line; refused when
                 an administrator exists, unless --force
  demo           load the demo district into an empty database and exit
  check-config   check every setting and the database, print what is wrong, exit 1 if anything is
  backup FILE    copy the live SQLite database to FILE (a new file); on PostgreSQL, print the pg_dump call
  restore FILE   replace the SQLite database with FILE (stop the server first), then migrate
  generate N [YEAR]  fill an empty PostgreSQL database with a synthetic programme of N communities
                 and a year of activity (YEAR, last year by default), for measuring at scale
  generate-history [SCALE]  add ten years of past work to the programme the database holds: at
                 SCALE 1 (the default) 2 million residents, 10 million bookings, 3 million
                 questions with their messages and 20 million services; 0.1 is a tenth
Every setting comes from the environment; see README.md.";

impl Command {
    /// Reads the arguments after the program name; `Err` with the usage when they make no sense.
    pub fn parse(args: &[String]) -> Result<Command, String> {
        match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
            [] | ["serve"] => Ok(Command::Serve),
            ["migrate"] => Ok(Command::Migrate),
            ["demo"] => Ok(Command::Demo),
            ["create-admin", rest @ ..] => {
                NewAdmin::parse(rest).map(Command::CreateAdmin).ok_or_else(|| USAGE.to_owned())
            }
            ["check-config"] => Ok(Command::CheckConfig),
            ["backup", file] => Ok(Command::Backup((*file).to_owned())),
            ["restore", file] => Ok(Command::Restore((*file).to_owned())),
            ["generate", n, rest @ ..] if rest.len() <= 1 => {
                let communities = n.parse().map_err(|_| USAGE.to_owned())?;
                let year = match rest {
                    [year] => year.parse().map_err(|_| USAGE.to_owned())?,
                    _ => crate::store::today().year - 1,
                };
                Ok(Command::Generate(crate::generate::Size { communities, year }))
            }
            ["generate-history", rest @ ..] if rest.len() <= 1 => match rest {
                [scale] => scale.parse().map(Command::History).map_err(|_| USAGE.to_owned()),
                _ => Ok(Command::History(1.0)),
            },
            ["help" | "--help" | "-h"] => Ok(Command::Help),
            _ => Err(USAGE.to_owned()),
        }
    }
}

/// Generates a programme of `size` into the empty database.
pub async fn generate(config: &Config, size: crate::generate::Size) -> Result<String, String> {
    let store = Store::open(&config.database_url, Some(1)).await.map_err(|e| e.to_string())?;
    let started = std::time::Instant::now();
    let records = crate::generate::generate(&store, size).await?;
    Ok(format!(
        "generated {} streets, {} communities and {records} records of {} in {:.0} s",
        size.streets(),
        size.communities,
        size.year,
        started.elapsed().as_secs_f64()
    ))
}

/// Adds a history of `scale` to the programme the database holds.
pub async fn history(config: &Config, scale: f64) -> Result<String, String> {
    let store = Store::open(&config.database_url, Some(1)).await.map_err(|e| e.to_string())?;
    let started = std::time::Instant::now();
    let [residents, bookings, questions, services] = crate::generate::history(&store, scale).await?;
    Ok(format!(
        "added {residents} residents, {bookings} bookings, {questions} questions and {services} services in {:.0} s",
        started.elapsed().as_secs_f64()
    ))
}

/// Loads the demo district, unless the database already holds a programme.
pub async fn demo(config: &Config) -> Result<String, String> {
    let store = Store::open(&config.database_url, Some(1)).await.map_err(|e| e.to_string())?;
    let blobs = crate::files::blobs::Blobs::open(config.storage_url.as_deref(), &config.data_dir)?;
    match crate::demo::load_if_empty(&store, &blobs).await {
        Ok(true) => Ok("demo district loaded".to_owned()),
        Ok(false) => {
            Err("the database already holds a programme: the demo district goes only into an empty one".to_owned())
        }
        Err(error) => Err(format!("demo: {error}")),
    }
}

/// Every problem with the configuration and what it points at, in plain words; empty when all is well.
pub async fn check_config(config: &Config) -> Vec<String> {
    let mut problems = Vec::new();
    if config.test_clock {
        problems.push("TEST_CLOCK=1 lets anyone move the server's clock: it is for the browser tests only".to_owned());
    }
    if std::fs::create_dir_all(&config.data_dir).is_err() || !writable(&config.data_dir) {
        problems.push(format!("DATA_DIR {} cannot be written to", config.data_dir.display()));
    }
    if !config.site_dir.join("index.html").is_file() {
        problems.push(format!(
            "SITE_DIR {} has no index.html: build the front end (scripts/build-web.sh)",
            config.site_dir.display()
        ));
    }
    if let Err(error) = Store::open(&config.database_url, Some(1)).await {
        problems.push(format!("the database at DATABASE_URL cannot be used: {error}"));
    }
    match crate::files::blobs::Blobs::open(config.storage_url.as_deref(), &config.data_dir) {
        Err(error) => problems.push(format!("file storage: {error}")),
        Ok(blobs) if !blobs.writable().await => problems.push("file storage cannot be written to".to_owned()),
        Ok(_) => {}
    }
    problems
}

fn writable(dir: &Path) -> bool {
    let probe = dir.join(".write-check");
    let ok = std::fs::write(&probe, b"ok").is_ok();
    let _ = std::fs::remove_file(&probe);
    ok
}

/// Copies the live database to `file` while the portal keeps running (SQLite's `VACUUM INTO`:
/// a consistent copy of one moment). On PostgreSQL it returns the `pg_dump` call to run instead.
pub async fn backup(config: &Config, file: &str) -> Result<String, String> {
    let store = Store::open(&config.database_url, Some(1)).await.map_err(|e| format!("database: {e}"))?;
    match store.backend {
        Backend::Postgres => Err(format!(
            "PostgreSQL is backed up with its own tool, for example:\n  pg_dump --format=custom --file {file} \"$DATABASE_URL\""
        )),
        Backend::Sqlite => {
            if Path::new(file).exists() {
                return Err(format!("{file} exists; back up to a new file"));
            }
            sqlx::query(&format!("VACUUM INTO '{}'", file.replace('\'', "''")))
                .execute(store.writer())
                .await
                .map_err(|e| format!("backup failed: {e}"))?;
            Ok(format!("backed up to {file}"))
        }
    }
}

/// Replaces the SQLite database with the backup in `file`, after checking it is a sound
/// database of this portal, then applies any migrations newer than the backup.
pub async fn restore(config: &Config, file: &str) -> Result<String, String> {
    let target = sqlite_path(&config.database_url)
        .ok_or("restore is for SQLite; on PostgreSQL use pg_restore with the pg_dump file")?
        .to_owned();
    let url = format!("sqlite://{file}?mode=ro");
    let check = async {
        let backup = <sqlx::AnyConnection as sqlx::Connection>::connect(&url).await?;
        let mut backup = backup;
        let integrity: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&mut backup).await?;
        let migrations: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations").fetch_one(&mut backup).await?;
        Ok::<_, sqlx::Error>((integrity, migrations))
    };
    sqlx::any::install_default_drivers();
    match check.await {
        Ok((integrity, migrations)) if integrity == "ok" && migrations > 0 => {}
        Ok((integrity, _)) => return Err(format!("{file} is not a sound backup of this portal ({integrity})")),
        Err(error) => return Err(format!("{file} is not a backup of this portal: {error}")),
    }
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{target}{suffix}"));
    }
    std::fs::copy(file, &target).map_err(|e| format!("cannot write {target}: {e}"))?;
    Store::open(&config.database_url, Some(1)).await.map_err(|e| format!("restored, but migrating failed: {e}"))?;
    Ok(format!("restored {target} from {file}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn commands_are_read_from_the_arguments() {
        assert_eq!(Command::parse(&args(&[])), Ok(Command::Serve));
        assert_eq!(Command::parse(&args(&["migrate"])), Ok(Command::Migrate));
        assert_eq!(Command::parse(&args(&["demo"])), Ok(Command::Demo));
        assert_eq!(Command::parse(&args(&["backup", "a.db"])), Ok(Command::Backup("a.db".into())));
        assert_eq!(Command::parse(&args(&["restore", "a.db"])), Ok(Command::Restore("a.db".into())));
        assert!(Command::parse(&args(&["backup"])).is_err());
        assert_eq!(Command::parse(&args(&["generate-history"])), Ok(Command::History(1.0)));
        assert_eq!(Command::parse(&args(&["generate-history", "0.1"])), Ok(Command::History(0.1)));
        assert!(Command::parse(&args(&["generate-history", "much"])).is_err());
        assert!(matches!(
            Command::parse(&args(&["generate", "600000", "2025"])),
            Ok(Command::Generate(crate::generate::Size { communities: 600_000, year: 2025 }))
        ));
        assert!(Command::parse(&args(&["generate", "many"])).is_err());
        assert!(Command::parse(&args(&["serve", "now"])).is_err());
    }
}
