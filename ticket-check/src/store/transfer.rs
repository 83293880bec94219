//! `ticket-check export` and `ticket-check import`: the store as JSON lines,
//! one record per ticket in the shape the JSON-lines store of earlier
//! versions wrote: `{received_at, ticket, checks, reference,
//! idempotency_key, ticket_sha256}`, and for a ticket with attachments
//! `attachment_files`: what the receiver stored of each (id, sha256, size,
//! type, name, exif, gps, created_at, and `file`, the path of its bytes
//! under `<store>.files/`).

use super::{StoreError, fingerprint, open_connection};
use rusqlite::{Connection, OpenFlags, params};
use std::io::{BufRead, Write};
use std::path::Path;

/// Writes every stored ticket, oldest first, as one JSON line each.
pub fn export(store: &Path, out: &mut impl Write) -> Result<usize, String> {
    // An existing store only: exporting a mistyped path must not create one.
    let conn = Connection::open_with_flags(
        store,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| format!("{}: {e}", store.display()))?;
    conn.busy_timeout(std::time::Duration::from_secs(10))
        .map_err(|e| e.to_string())?;
    // A store from before attachments (export does not migrate it).
    let with_attachments = conn
        .query_row(
            "SELECT COUNT(*) FROM sqlite_master WHERE name = 'ticket_attachments'",
            [],
            |row| row.get::<_, i64>(0),
        )
        .map_err(|e| e.to_string())?
        > 0;
    let mut query = conn
        .prepare(
            "SELECT reference, idempotency_key, ticket_sha256, record FROM tickets ORDER BY id",
        )
        .map_err(|e| e.to_string())?;
    let rows = query
        .query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, Option<String>>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, String>(3)?,
            ))
        })
        .map_err(|e| e.to_string())?;
    let mut n = 0;
    for row in rows {
        let (reference, key, sha256, record) = row.map_err(|e| e.to_string())?;
        let mut record: serde_json::Value =
            serde_json::from_str(&record).map_err(|e| format!("{reference}: {e}"))?;
        let files = if with_attachments {
            super::attachments::linked(&conn, &reference).map_err(|e| e.to_string())?
        } else {
            Vec::new()
        };
        record["reference"] = reference.into();
        record["idempotency_key"] = key.into();
        record["ticket_sha256"] = sha256.into();
        if !files.is_empty() {
            record["attachment_files"] = files.into();
        }
        writeln!(out, "{record}").map_err(|e| e.to_string())?;
        n += 1;
    }
    Ok(n)
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Imported {
    pub added: usize,
    /// Already in the store (same reference or key): an import can be run
    /// again after an interruption.
    pub present: usize,
    /// Lines that are not a stored ticket (blank, torn by a crash, …).
    pub skipped: usize,
}

/// Adds the tickets of a JSON-lines store (as `ticket-check serve` wrote
/// before SQLite) to `store`, in one transaction.
pub fn import(lines: impl BufRead, store: &Path) -> Result<Imported, String> {
    let mut conn = open_connection(store).map_err(|e| format!("{}: {e}", store.display()))?;
    let tx = conn
        .transaction()
        .map_err(|e| StoreError::from(e).to_string())?;
    let mut counts = Imported::default();
    {
        let mut insert = tx
            .prepare(
                "INSERT OR IGNORE INTO tickets
                 (reference, idempotency_key, ticket_sha256, received_at, record)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .map_err(|e| e.to_string())?;
        for line in lines.lines() {
            let line = line.map_err(|e| e.to_string())?;
            let Ok(mut record) = serde_json::from_str::<serde_json::Value>(&line) else {
                counts.skipped += 1;
                continue;
            };
            let Some(object) = record.as_object_mut() else {
                counts.skipped += 1;
                continue;
            };
            let reference = object.remove("reference");
            let key = object.remove("idempotency_key");
            let sha256 = object.remove("ticket_sha256");
            // Older lines carry a non-cryptographic `ticket_fingerprint`.
            object.remove("ticket_fingerprint");
            // Stored facts of linked attachments, not part of the record
            // (the files themselves do not travel with an export).
            object.remove("attachment_files");
            let (Some(reference), Some(ticket)) = (
                reference.as_ref().and_then(|r| r.as_str()),
                object.get("ticket"),
            ) else {
                counts.skipped += 1;
                continue;
            };
            // Lines written before the SHA-256 was stored get it now.
            let sha256 = match sha256.as_ref().and_then(|s| s.as_str()) {
                Some(s) => s.to_owned(),
                None => fingerprint(ticket),
            };
            let received_at = object
                .get("received_at")
                .and_then(serde_json::Value::as_i64)
                .unwrap_or(0);
            let added = insert
                .execute(params![
                    reference,
                    key.as_ref().and_then(|k| k.as_str()),
                    sha256,
                    received_at,
                    record.to_string()
                ])
                .map_err(|e| format!("{reference}: {e}"))?;
            if added == 1 {
                counts.added += 1;
            } else {
                counts.present += 1;
            }
        }
    }
    tx.commit().map_err(|e| e.to_string())?;
    Ok(counts)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{remove, temp_path};
    use super::super::{Store, Stored};
    use super::*;

    #[test]
    fn an_old_jsonl_store_comes_over_with_its_keys() {
        let path = temp_path("import");
        let old = [
            serde_json::json!({
                "received_at": 5, "reference": "LK-20261125-AAAAAA", "idempotency_key": "k1",
                "ticket_sha256": fingerprint(&serde_json::json!({ "message": "a" })),
                "ticket": { "message": "a" }, "checks": { "secrets_found": 0 },
            }),
            // From before the SHA-256 was stored.
            serde_json::json!({
                "reference": "LK-20261125-BBBBBB", "idempotency_key": "k2",
                "ticket_fingerprint": "0123456789abcdef", "ticket": { "message": "b" },
            }),
        ];
        let text = format!("{}\n{}\n{{torn", old[0], old[1]);
        let counts = import(text.as_bytes(), &path).unwrap();
        assert_eq!(
            counts,
            Imported {
                added: 2,
                present: 0,
                skipped: 1
            }
        );
        // Run again: nothing twice.
        assert_eq!(import(text.as_bytes(), &path).unwrap().present, 2);

        let store = Store::open(&path).unwrap();
        let record = |m: &str| serde_json::json!({ "ticket": { "message": m } });
        assert_eq!(
            store.put(Some("k2"), record("b"), "R".into()).unwrap(),
            Stored::Repeat {
                reference: "LK-20261125-BBBBBB".into(),
                same_ticket: true
            }
        );
        assert_eq!(
            store.put(Some("k1"), record("edited"), "R".into()).unwrap(),
            Stored::Repeat {
                reference: "LK-20261125-AAAAAA".into(),
                same_ticket: false
            }
        );
        drop(store);

        let mut out = Vec::new();
        assert_eq!(export(&path, &mut out).unwrap(), 2);
        let lines: Vec<serde_json::Value> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines[0], old[0]);
        assert_eq!(lines[1]["reference"], "LK-20261125-BBBBBB");
        assert_eq!(lines[1]["idempotency_key"], "k2");
        assert_eq!(
            lines[1]["ticket_sha256"],
            fingerprint(&serde_json::json!({ "message": "b" }))
        );
        remove(&path);
    }

    #[test]
    fn exporting_a_missing_store_fails_and_creates_nothing() {
        let path = temp_path("missing");
        assert!(export(&path, &mut Vec::new()).is_err());
        assert!(!path.exists());
    }
}
