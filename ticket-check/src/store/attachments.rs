//! Attachment metadata in the store (migration 3): one row per accepted
//! upload, found again by its `Idempotency-Key` (a repeat answers the same
//! id) or by its id (a ticket naming it). Uploads are rare next to the
//! reads and writes of tickets, so they use a connection of their own
//! behind a mutex; SQLite (WAL, busy timeout) orders them with the
//! ticket writer.

use super::{Admit, StoreError, files, open_connection};
use crate::limits::Limited;
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// What the receiver keeps of an upload.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Record {
    pub id: String,
    pub sha256: String,
    pub size: u64,
    #[serde(rename = "type")]
    pub r#type: String,
    /// For display only (cleaned by `attachment::name`).
    pub name: String,
    /// A JPEG with EXIF metadata, and whether it holds a location. The
    /// receiver keeps the bytes as sent (their SHA-256 is in the ticket)
    /// and records this for support.
    pub exif: bool,
    pub gps: bool,
    pub created_at: u64,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Saved {
    New(Record),
    /// The key was used before for the same bytes: the first upload's record.
    Repeat(Record),
    /// The key was used before for other bytes: nothing stored.
    Conflict(Record),
    /// A new upload that `admit` turned away: nothing stored.
    Limited(Limited),
}

pub struct Attachments {
    conn: Mutex<Connection>,
    files: PathBuf,
}

impl Attachments {
    /// The attachments of the store at `store` (migrated if need be).
    pub fn open(store: &Path) -> Result<Attachments, StoreError> {
        Ok(Attachments {
            conn: Mutex::new(open_connection(store)?),
            files: files::dir_of(store),
        })
    }

    #[cfg(test)]
    pub fn files_dir(&self) -> &Path {
        &self.files
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding it cannot leave SQLite's state torn.
        self.conn.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Stores the bytes (if new) and the record under `key`, unless the
    /// key was used before or `admit` (asked only for a new upload, so
    /// repeats never count against a limit) refuses. Blocking: call it off
    /// the async workers.
    pub fn save(
        &self,
        key: &str,
        record: Record,
        bytes: &[u8],
        admit: Option<Admit>,
    ) -> Result<Saved, StoreError> {
        let conn = self.lock();
        if let Some(seen) = by_key(&conn, key)? {
            return Ok(if seen.sha256 == record.sha256 {
                Saved::Repeat(seen)
            } else {
                Saved::Conflict(seen)
            });
        }
        if let Some(Err(limited)) = admit.map(|admit| admit()) {
            return Ok(Saved::Limited(limited));
        }
        // The file first: a row never names bytes that are not on disk.
        files::write(&self.files, &record.sha256, bytes)
            .map_err(|e| StoreError::Db(format!("{}: {e}", self.files.display())))?;
        conn.execute(
            "INSERT INTO attachments
             (id, idempotency_key, sha256, size, type, name, exif, gps, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                record.id,
                key,
                record.sha256,
                record.size as i64,
                record.r#type,
                record.name,
                record.exif,
                record.gps,
                record.created_at as i64
            ],
        )?;
        Ok(Saved::New(record))
    }

    /// The records of those of `ids` that exist.
    pub fn find(&self, ids: &[&str]) -> Result<HashMap<String, Record>, StoreError> {
        let conn = self.lock();
        let mut found = HashMap::new();
        for id in ids {
            if let Some(record) = query_one(&conn, "id", id)? {
                found.insert(record.id.clone(), record);
            }
        }
        Ok(found)
    }
}

const COLUMNS: &str = "id, sha256, size, type, name, exif, gps, created_at";

fn read_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Record> {
    Ok(Record {
        id: row.get(0)?,
        sha256: row.get(1)?,
        size: u64::try_from(row.get::<_, i64>(2)?).unwrap_or(0),
        r#type: row.get(3)?,
        name: row.get(4)?,
        exif: row.get(5)?,
        gps: row.get(6)?,
        created_at: u64::try_from(row.get::<_, i64>(7)?).unwrap_or(0),
    })
}

fn by_key(conn: &Connection, key: &str) -> rusqlite::Result<Option<Record>> {
    query_one(conn, "idempotency_key", key)
}

fn query_one(conn: &Connection, column: &str, value: &str) -> rusqlite::Result<Option<Record>> {
    // `column` is one of two names above, never input.
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM attachments WHERE {column} = ?1"
    ))?
    .query_row([value], read_row)
    .optional()
}

/// Links the ticket stored as `reference` to the attachments its JSON
/// names (`ticket.attachments[].id`), in order. Ids the store does not
/// hold are skipped (the receiver refused such a ticket before), so this
/// never fails a batch of other tickets.
pub fn link(
    conn: &Connection,
    reference: &str,
    ticket: &serde_json::Value,
) -> rusqlite::Result<()> {
    let Some(list) = ticket.get("attachments").and_then(|a| a.as_array()) else {
        return Ok(());
    };
    let mut insert = conn.prepare_cached(
        "INSERT OR IGNORE INTO ticket_attachments (reference, attachment_id, position)
         SELECT ?1, id, ?3 FROM attachments WHERE id = ?2",
    )?;
    for (position, item) in list.iter().enumerate() {
        if let Some(id) = item.get("id").and_then(|id| id.as_str()) {
            insert.execute(params![reference, id, position as i64])?;
        }
    }
    Ok(())
}

/// The attachments linked to `reference`, in the ticket's order, each
/// with the path of its bytes relative to the files folder.
pub fn linked(conn: &Connection, reference: &str) -> rusqlite::Result<Vec<serde_json::Value>> {
    let mut query = conn.prepare_cached(&format!(
        "SELECT {} FROM ticket_attachments t JOIN attachments a ON a.id = t.attachment_id
         WHERE t.reference = ?1 ORDER BY t.position",
        COLUMNS
            .split(", ")
            .map(|c| format!("a.{c}"))
            .collect::<Vec<_>>()
            .join(", ")
    ))?;
    let rows = query.query_map([reference], read_row)?;
    rows.map(|row| {
        let record = row?;
        let mut value = serde_json::to_value(&record).unwrap_or_default();
        if let Some(path) = files::path_of(Path::new(""), &record.sha256) {
            value["file"] = path.to_string_lossy().into_owned().into();
        }
        Ok(value)
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::super::tests::{remove, temp_path};
    use super::*;

    fn record(id: &str, sha: char) -> Record {
        Record {
            id: id.into(),
            sha256: sha.to_string().repeat(64),
            size: 3,
            r#type: "text/plain".into(),
            name: "a.log".into(),
            exif: false,
            gps: false,
            created_at: 1,
        }
    }

    #[test]
    fn a_key_keeps_its_first_upload() {
        let path = temp_path("attachments");
        let store = Attachments::open(&path).unwrap();
        let first = record("att_1", 'a');
        assert_eq!(
            store.save("k", first.clone(), b"abc", None).unwrap(),
            Saved::New(first.clone())
        );
        assert_eq!(
            store.save("k", record("att_2", 'a'), b"abc", None).unwrap(),
            Saved::Repeat(first.clone())
        );
        assert_eq!(
            store.save("k", record("att_3", 'b'), b"xyz", None).unwrap(),
            Saved::Conflict(first.clone())
        );
        let found = store.find(&["att_1", "att_2", "nope"]).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found["att_1"], first);
        let file = files::path_of(store.files_dir(), &first.sha256).unwrap();
        assert_eq!(std::fs::read(file).unwrap(), b"abc");
        let _ = std::fs::remove_dir_all(store.files_dir());
        remove(&path);
    }
}
