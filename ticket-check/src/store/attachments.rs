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

/// What [`Attachments::prune`] removed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pruned {
    pub uploads: usize,
    pub files: usize,
}

impl Attachments {
    /// Forgets the uploads made before `before` (seconds since 1970) that
    /// no ticket names, and deletes their bytes unless another upload has
    /// the same. Under the upload lock, so no upload of the same bytes can
    /// find a file that is about to go. A ticket that names a pruned id
    /// later gets `attachment.unknown`, and the widget uploads the file
    /// again (its draft keeps the bytes).
    pub fn prune(&self, before: u64) -> Result<Pruned, StoreError> {
        let conn = self.lock();
        let before = i64::try_from(before).unwrap_or(i64::MAX);
        let tx = conn.unchecked_transaction()?;
        let gone: Vec<String> = tx
            .prepare(
                "DELETE FROM attachments WHERE created_at < ?1
                 AND id NOT IN (SELECT attachment_id FROM ticket_attachments)
                 RETURNING sha256",
            )?
            .query_map([before], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        let mut unused: Vec<&String> = Vec::new();
        for sha in &gone {
            let still: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM attachments WHERE sha256 = ?1)",
                [sha],
                |row| row.get(0),
            )?;
            if !still && !unused.contains(&sha) {
                unused.push(sha);
            }
        }
        // The rows go first: a crash between leaves a file no row names
        // (found again by nothing, harmless), never a row without a file.
        tx.commit()?;
        let files = unused
            .into_iter()
            .filter_map(|sha| files::path_of(&self.files, sha))
            .filter(|path| std::fs::remove_file(path).is_ok())
            .count();
        Ok(Pruned {
            uploads: gone.len(),
            files,
        })
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

    #[test]
    fn pruning_forgets_old_unnamed_uploads_and_keeps_shared_bytes() {
        let path = temp_path("prune");
        let store = Attachments::open(&path).unwrap();
        let at = |id: &str, sha: char, created_at: u64| Record {
            created_at,
            ..record(id, sha)
        };
        for (key, r, bytes) in [
            ("k1", at("att_old", 'a', 1), b"old"),
            ("k2", at("att_named", 'b', 1), b"nam"),
            ("k3", at("att_new", 'c', 100), b"new"),
            ("k4", at("att_twin_old", 'd', 1), b"twn"),
            ("k5", at("att_twin_new", 'd', 100), b"twn"),
        ] {
            store.save(key, r, bytes, None).unwrap();
        }
        {
            let conn = store.lock();
            conn.execute(
                "INSERT INTO tickets (reference, idempotency_key, ticket_sha256, received_at, record)
                 VALUES ('LK-1', 'tk', 'f', 1, '{}')",
                [],
            )
            .unwrap();
            let ticket = serde_json::json!({"attachments": [{"id": "att_named"}]});
            link(&conn, "LK-1", &ticket).unwrap();
        }
        let file =
            |sha: char| files::path_of(store.files_dir(), &sha.to_string().repeat(64)).unwrap();
        assert!(file('a').exists());

        // Made before time 10, named by no ticket: the old one, and the old
        // twin's row (its bytes stay: the new twin has the same).
        assert_eq!(
            store.prune(10).unwrap(),
            Pruned {
                uploads: 2,
                files: 1
            }
        );
        assert!(!file('a').exists());
        assert!(file('b').exists() && file('c').exists() && file('d').exists());
        let ids = [
            "att_old",
            "att_named",
            "att_new",
            "att_twin_old",
            "att_twin_new",
        ];
        let mut left: Vec<String> = store.find(&ids).unwrap().into_keys().collect();
        left.sort();
        assert_eq!(left, ["att_named", "att_new", "att_twin_new"]);
        // Again: nothing more to do.
        assert_eq!(store.prune(10).unwrap(), Pruned::default());
        std::fs::remove_dir_all(store.files_dir()).ok();
        remove(&path);
    }
}
