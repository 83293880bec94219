//! The outbox table: which ticket still has to reach which target. Rows
//! are written in the ticket's transaction (`enqueue`), read and updated
//! by the delivery worker, and shown by `ticket-check status`.

use rusqlite::{Connection, OptionalExtension, params};
use std::time::{SystemTime, UNIX_EPOCH};

pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// One row per target for a ticket just stored, due at once.
pub fn enqueue(conn: &Connection, reference: &str, targets: &[String]) -> rusqlite::Result<()> {
    let now = now_ms();
    let mut insert = conn.prepare_cached(
        "INSERT OR IGNORE INTO outbox (reference, target, next_at_ms) VALUES (?1, ?2, ?3)",
    )?;
    for target in targets {
        insert.execute(params![reference, target, now])?;
    }
    Ok(())
}

/// A delivery to make: the outbox row and the stored ticket.
#[derive(Debug)]
pub struct Pending {
    pub id: i64,
    pub reference: String,
    pub target: String,
    pub attempts: u32,
    /// The stored record (`{received_at, ticket, checks, form}`) as JSON.
    pub record: String,
}

/// Undelivered rows due by `now`, the longest waiting first.
pub fn due(conn: &Connection, now: i64, limit: usize) -> rusqlite::Result<Vec<Pending>> {
    let mut query = conn.prepare_cached(
        "SELECT o.id, o.reference, o.target, o.attempts, t.record
         FROM outbox o JOIN tickets t ON t.reference = o.reference
         WHERE o.delivered_at IS NULL AND o.next_at_ms <= ?1
         ORDER BY o.next_at_ms, o.id LIMIT ?2",
    )?;
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    query
        .query_map(params![now, limit], |row| {
            Ok(Pending {
                id: row.get(0)?,
                reference: row.get(1)?,
                target: row.get(2)?,
                attempts: row.get(3)?,
                record: row.get(4)?,
            })
        })?
        .collect()
}

/// When the next undelivered row is due (ms), if any is.
pub fn next_due(conn: &Connection) -> rusqlite::Result<Option<i64>> {
    conn.prepare_cached("SELECT MIN(next_at_ms) FROM outbox WHERE delivered_at IS NULL")?
        .query_row([], |row| row.get(0))
}

/// Marks a row delivered; false if it already was (it never changes twice).
pub fn mark_delivered(conn: &Connection, id: i64, at_secs: i64) -> rusqlite::Result<bool> {
    let changed = conn
        .prepare_cached(
            "UPDATE outbox SET delivered_at = ?2, attempts = attempts + 1, last_error = NULL
             WHERE id = ?1 AND delivered_at IS NULL",
        )?
        .execute(params![id, at_secs])?;
    Ok(changed == 1)
}

/// Counts a failed attempt and schedules the next one.
pub fn mark_failed(
    conn: &Connection,
    id: i64,
    error: &str,
    next_at_ms: i64,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "UPDATE outbox SET attempts = attempts + 1, last_error = ?2, next_at_ms = ?3
         WHERE id = ?1 AND delivered_at IS NULL",
    )?
    .execute(params![id, error, next_at_ms])?;
    Ok(())
}

/// One target's state for a ticket, for `ticket-check status`.
#[derive(Debug, PartialEq, Eq)]
pub struct TargetStatus {
    pub target: String,
    pub attempts: u32,
    pub last_error: Option<String>,
    pub next_at_ms: i64,
    pub delivered_at: Option<i64>,
}

/// `None` when no ticket has this reference; else its outbox rows.
pub fn status(
    conn: &Connection,
    reference: &str,
) -> rusqlite::Result<Option<(i64, Vec<TargetStatus>)>> {
    let received: Option<i64> = conn
        .query_row(
            "SELECT received_at FROM tickets WHERE reference = ?1",
            [reference],
            |row| row.get(0),
        )
        .optional()?;
    let Some(received) = received else {
        return Ok(None);
    };
    let mut query = conn.prepare(
        "SELECT target, attempts, last_error, next_at_ms, delivered_at
         FROM outbox WHERE reference = ?1 ORDER BY id",
    )?;
    let rows = query
        .query_map([reference], |row| {
            Ok(TargetStatus {
                target: row.get(0)?,
                attempts: row.get(1)?,
                last_error: row.get(2)?,
                next_at_ms: row.get(3)?,
                delivered_at: row.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Some((received, rows)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::schema;

    fn db() -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        schema::migrate(&mut conn).unwrap();
        conn.execute(
            "INSERT INTO tickets (reference, ticket_sha256, received_at, record)
             VALUES ('LK-1', 'x', 7, '{}')",
            [],
        )
        .unwrap();
        conn
    }

    #[test]
    fn a_row_is_due_until_delivered_once() {
        let conn = db();
        enqueue(&conn, "LK-1", &["smtp".into(), "hook".into()]).unwrap();
        enqueue(&conn, "LK-1", &["smtp".into()]).unwrap();
        let due_now = due(&conn, now_ms(), 10).unwrap();
        assert_eq!(due_now.len(), 2);
        let smtp = &due_now[0];
        mark_failed(&conn, smtp.id, "refused", now_ms() + 60_000).unwrap();
        assert_eq!(due(&conn, now_ms(), 10).unwrap().len(), 1);
        assert!(mark_delivered(&conn, smtp.id, 9).unwrap());
        assert!(!mark_delivered(&conn, smtp.id, 10).unwrap());
        let (received, rows) = status(&conn, "LK-1").unwrap().unwrap();
        assert_eq!(received, 7);
        assert_eq!(
            rows[0],
            TargetStatus {
                target: "smtp".into(),
                attempts: 2,
                last_error: None,
                next_at_ms: rows[0].next_at_ms,
                delivered_at: Some(9),
            }
        );
        assert_eq!((rows[1].attempts, rows[1].delivered_at), (0, None));
        assert!(status(&conn, "LK-2").unwrap().is_none());
    }
}
