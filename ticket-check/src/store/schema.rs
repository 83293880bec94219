//! The database's tables, as numbered migrations: `PRAGMA user_version`
//! says how many have run, and opening a store runs the rest, each in its
//! own transaction. Never edit a migration that has shipped; add one.

use rusqlite::Connection;

const MIGRATIONS: &[&str] = &[
    // 1: accepted tickets. `record` is the stored JSON without the columns
    // beside it ({received_at, ticket, checks}); `ticket_sha256` tells a
    // repeat of a key from a different ticket sent under it.
    "CREATE TABLE tickets (
        id              INTEGER PRIMARY KEY,
        reference       TEXT NOT NULL UNIQUE,
        idempotency_key TEXT UNIQUE,
        ticket_sha256   TEXT NOT NULL,
        received_at     INTEGER NOT NULL,
        record          TEXT NOT NULL
    );",
    // 2: the outbox. One row per accepted ticket and delivery target,
    // written in the ticket's own transaction; `delivered_at` (unix
    // seconds) is set once, by the delivery worker.
    "CREATE TABLE outbox (
        id           INTEGER PRIMARY KEY,
        reference    TEXT NOT NULL REFERENCES tickets (reference),
        target       TEXT NOT NULL,
        attempts     INTEGER NOT NULL DEFAULT 0,
        next_at_ms   INTEGER NOT NULL,
        last_error   TEXT,
        delivered_at INTEGER,
        UNIQUE (reference, target)
    );
    CREATE INDEX outbox_pending ON outbox (next_at_ms) WHERE delivered_at IS NULL;",
    // 3: attachments. The bytes are files named by their SHA-256 beside
    // the store (see files.rs); a row per accepted upload, under the
    // upload's own `Idempotency-Key`. `name` is for display only, never a
    // path. `ticket_attachments` links a ticket to the files it named, in
    // its order, written in the ticket's own transaction.
    "CREATE TABLE attachments (
        id              TEXT PRIMARY KEY,
        idempotency_key TEXT NOT NULL UNIQUE,
        sha256          TEXT NOT NULL,
        size            INTEGER NOT NULL,
        type            TEXT NOT NULL,
        name            TEXT NOT NULL,
        exif            INTEGER NOT NULL,
        gps             INTEGER NOT NULL,
        created_at      INTEGER NOT NULL
    );
    CREATE TABLE ticket_attachments (
        reference     TEXT NOT NULL REFERENCES tickets (reference),
        attachment_id TEXT NOT NULL REFERENCES attachments (id),
        position      INTEGER NOT NULL,
        PRIMARY KEY (reference, attachment_id)
    );",
];

/// Brings the database up to the newest schema.
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let done: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    let done = usize::try_from(done).unwrap_or(usize::MAX);
    if done > MIGRATIONS.len() {
        return Err(rusqlite::Error::InvalidParameterName(format!(
            "the store has schema version {done}; this ticket-check knows up to {}",
            MIGRATIONS.len()
        )));
    }
    for (number, sql) in MIGRATIONS.iter().enumerate().skip(done) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", number as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

/// The connection settings every user of the store shares: WAL (readers
/// never wait for the writer) and `synchronous = FULL`, so that a commit
/// is on disk before the receiver answers 201, even across a power cut.
pub fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_run_once_and_record_the_version() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        migrate(&mut conn).unwrap();
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |row| row.get(0))
            .unwrap();
        assert_eq!(version, MIGRATIONS.len() as i64);
    }

    #[test]
    fn a_newer_store_is_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", 999).unwrap();
        assert!(migrate(&mut conn).is_err());
    }
}
