//! A resident's copy of everything the portal holds about them, as one zip archive: `data.json`
//! (every row of every kind the data map exports, each column as stored), `index.html` (the same
//! as readable tables) and `files/` (the bytes of their files). Kinds are read from the data map,
//! so a kind added there is exported without more code. Built in memory: a resident's files are
//! at most a few uploads of `MAX_UPLOAD_BYTES`.

use super::data_map::{self, Export};
use crate::store::sql::Sql;
use crate::store::Store;
use app::i18n::Lang;
use app::pages::privacy::Section;
use serde_json::{Map, Value};
use sqlx::{Column, Row};
use std::io::Write;

/// Columns never exported: secrets, what only the servers use, and the address a worker who
/// opened the resident's matter acted from.
const NOT_EXPORTED: [&str; 5] = ["password_hash", "token", "blob_key", "thumb_key", "client_ip"];

/// The resident's rows of `table` (`rows_of`, with `{id}` and `{phone}`), each as JSON.
async fn rows(
    store: &Store,
    table: &str,
    rows_of: &str,
    id: i64,
    phone: &str,
) -> Result<Vec<Map<String, Value>>, sqlx::Error> {
    let mut sql = Sql::new(&format!("SELECT * FROM {table} WHERE "));
    let mut rest = rows_of;
    while let Some(at) = rest.find('{') {
        sql.push(&rest[..at]);
        let tail = &rest[at..];
        if let Some(after) = tail.strip_prefix("{id}") {
            sql.bind(id);
            rest = after;
        } else if let Some(after) = tail.strip_prefix("{phone}") {
            sql.bind(phone.to_owned());
            rest = after;
        } else {
            sql.push("{");
            rest = &tail[1..];
        }
    }
    sql.push(rest).push(" ORDER BY 1");
    let found = sql.fetch_rows(&store.pool).await?;
    Ok(found.iter().map(json_of).collect())
}

/// A row as JSON: each column as the integer, number or text it holds.
fn json_of(row: &sqlx::any::AnyRow) -> Map<String, Value> {
    let mut out = Map::new();
    for (k, column) in row.columns().iter().enumerate() {
        let name = column.name();
        if NOT_EXPORTED.contains(&name) {
            continue;
        }
        let value = if let Ok(v) = row.try_get::<Option<i64>, _>(k) {
            v.map_or(Value::Null, Value::from)
        } else if let Ok(v) = row.try_get::<Option<f64>, _>(k) {
            v.map_or(Value::Null, Value::from)
        } else if let Ok(v) = row.try_get::<Option<String>, _>(k) {
            v.map_or(Value::Null, Value::from)
        } else {
            Value::Null
        };
        out.insert(name.to_owned(), value);
    }
    out
}

/// One kind of data exported: its table, what it is, and the resident's rows.
pub struct Kind {
    pub table: &'static str,
    pub what: &'static str,
    pub rows: Vec<Map<String, Value>>,
}

/// Every exported kind of the resident `id` with phone `phone`.
pub async fn data(store: &Store, id: i64, phone: &str) -> Result<Vec<Kind>, sqlx::Error> {
    let mut out = Vec::new();
    for held in data_map::all().filter(|h| h.export == Export::Rows) {
        let rows = rows(store, held.table, held.rows_of, id, phone).await?;
        out.push(Kind { table: held.table, what: held.what, rows });
    }
    Ok(out)
}

/// A file of the archive: its name in `files/` and its bytes.
pub struct ArchivedFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The archive of `data` and `files`, its index in `lang`.
pub fn archive(lang: Lang, data: &[Kind], files: Vec<ArchivedFile>) -> Result<Vec<u8>, zip::result::ZipError> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    let tables: Map<String, Value> = data
        .iter()
        .map(|kind| (kind.table.to_owned(), Value::Array(kind.rows.iter().cloned().map(Value::Object).collect())))
        .collect();
    zip.start_file("data.json", options)?;
    zip.write_all(serde_json::to_string_pretty(&tables).unwrap_or_default().as_bytes())?;
    let sections = data
        .iter()
        .map(|kind| {
            let columns: Vec<String> = kind.rows.first().map(|r| r.keys().cloned().collect()).unwrap_or_default();
            let cells = |row: &Map<String, Value>| {
                columns
                    .iter()
                    .map(|c| match &row[c] {
                        Value::String(text) => text.clone(),
                        Value::Null => String::new(),
                        other => other.to_string(),
                    })
                    .collect()
            };
            Section {
                title: format!("{} ({})", kind.what, kind.table),
                rows: kind.rows.iter().map(cells).collect(),
                columns,
            }
        })
        .collect();
    let title = lang.messages().privacy_archive_title;
    let index = app::pages::render_offline(lang, title, || app::pages::privacy::archive_index(lang, sections));
    zip.start_file("index.html", options)?;
    zip.write_all(index.as_bytes())?;
    for file in files {
        zip.start_file(format!("files/{}", file.name), options)?;
        zip.write_all(&file.bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}
