//! Accepted tickets in SQLite. One writer thread owns the connection and
//! commits whatever requests are waiting in one transaction (group commit:
//! one disk flush for many tickets under load); a request is answered only
//! once its transaction is on disk. Repeated `Idempotency-Key`s store
//! nothing; each key keeps the reference of its first ticket and a SHA-256
//! of that ticket, so a repeat can be told from a different ticket sent
//! under the same key.

pub mod attachments;
pub mod files;
pub mod outbox;
mod schema;
pub mod transfer;

use crate::limits::Limited;
use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};
use tokio::sync::Notify;

/// At most this many requests share one transaction.
const MAX_BATCH: usize = 256;

pub struct Store {
    path: PathBuf,
    jobs: mpsc::Sender<Job>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Stored {
    New(String),
    /// The key was seen before. `same_ticket` is false when the customer
    /// changed the ticket between the first send and this one.
    Repeat {
        reference: String,
        same_ticket: bool,
    },
    /// A new ticket that `admit` turned away: nothing stored.
    Limited(Limited),
}

/// Asked only for a ticket that would be stored (a new key), in the
/// writer's order: repeats never count against a rate limit, and two sends
/// of one key cannot both be counted.
pub type Admit = Box<dyn FnOnce() -> Result<(), Limited> + Send>;

#[derive(Debug)]
pub enum StoreError {
    /// What SQLite said (kept as text: one failed transaction answers
    /// every request in it).
    Db(String),
    /// The writer thread is gone (it only stops with the process).
    Closed,
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Db(e) => write!(f, "{e}"),
            StoreError::Closed => write!(f, "the store's writer has stopped"),
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        StoreError::Db(e.to_string())
    }
}

type Reply<T> = mpsc::SyncSender<Result<T, StoreError>>;

enum Job {
    Put {
        key: Option<String>,
        record: serde_json::Value,
        reference: String,
        admit: Option<Admit>,
        reply: Reply<Stored>,
    },
    Count {
        reply: Reply<usize>,
    },
}

/// Opens (and creates or migrates) the database at `path`.
pub fn open_connection(path: &Path) -> Result<Connection, StoreError> {
    let mut conn = Connection::open(path)?;
    schema::configure(&conn)?;
    schema::migrate(&mut conn)?;
    Ok(conn)
}

/// Where accepted tickets go besides the store: one outbox row per
/// target, committed with the ticket, and a nudge for the delivery worker.
#[derive(Clone, Default)]
pub struct Outbox {
    pub targets: Vec<String>,
    pub wake: Option<Arc<Notify>>,
}

impl Store {
    #[cfg(test)]
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_with_outbox(path, Outbox::default())
    }

    /// As `open`, and each new ticket gets an outbox row per target.
    pub fn open_with_outbox(path: &Path, outbox: Outbox) -> Result<Store, StoreError> {
        let conn = open_connection(path)?;
        let (jobs, inbox) = mpsc::channel();
        std::thread::Builder::new()
            .name("store-writer".into())
            .spawn(move || writer(conn, &inbox, &outbox))
            .map_err(|_| StoreError::Closed)?;
        Ok(Store {
            path: path.to_owned(),
            jobs,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn ask<T>(&self, job: impl FnOnce(Reply<T>) -> Job) -> Result<T, StoreError> {
        let (reply, answer) = mpsc::sync_channel(1);
        self.jobs.send(job(reply)).map_err(|_| StoreError::Closed)?;
        answer.recv().map_err(|_| StoreError::Closed)?
    }

    /// Tickets in the store, counting those from before a restart.
    pub fn count(&self) -> Result<usize, StoreError> {
        self.ask(|reply| Job::Count { reply })
    }

    /// Stores `record` under `reference` unless `key` was seen; returns
    /// once the outcome is committed. Any number of concurrent requests
    /// with one key store one ticket and all get its reference.
    #[cfg(test)]
    pub fn put(
        &self,
        key: Option<&str>,
        record: serde_json::Value,
        reference: String,
    ) -> Result<Stored, StoreError> {
        self.put_admitted(key, record, reference, None)
    }

    /// As `put`, but a new ticket is stored only if `admit` agrees.
    pub fn put_admitted(
        &self,
        key: Option<&str>,
        record: serde_json::Value,
        reference: String,
        admit: Option<Admit>,
    ) -> Result<Stored, StoreError> {
        self.ask(|reply| Job::Put {
            key: key.map(str::to_owned),
            record,
            reference,
            admit,
            reply,
        })
    }
}

fn writer(mut conn: Connection, inbox: &mpsc::Receiver<Job>, outbox: &Outbox) {
    while let Ok(first) = inbox.recv() {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match inbox.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        if run_batch(&mut conn, batch, &outbox.targets)
            && let Some(wake) = &outbox.wake
        {
            wake.notify_one();
        }
    }
}

enum Outcome {
    Stored(Stored),
    Count(usize),
}

/// Runs `batch` in one transaction and answers each job after the commit
/// (or each with the error, after a rollback). True when a new ticket was
/// committed with outbox rows.
fn run_batch(conn: &mut Connection, mut batch: Vec<Job>, targets: &[String]) -> bool {
    let outcomes = (|| -> rusqlite::Result<Vec<Outcome>> {
        let tx = conn.transaction()?;
        let mut outcomes = Vec::with_capacity(batch.len());
        for job in &mut batch {
            outcomes.push(match job {
                Job::Put {
                    key,
                    record,
                    reference,
                    admit,
                    ..
                } => {
                    let stored = put(&tx, key.as_deref(), record, reference, admit.take())?;
                    if let Stored::New(reference) = &stored {
                        outbox::enqueue(&tx, reference, targets)?;
                    }
                    Outcome::Stored(stored)
                }
                Job::Count { .. } => Outcome::Count(count(&tx)?),
            });
        }
        tx.commit()?;
        Ok(outcomes)
    })();
    match outcomes {
        Ok(outcomes) => {
            let delivering = !targets.is_empty()
                && outcomes
                    .iter()
                    .any(|o| matches!(o, Outcome::Stored(Stored::New(_))));
            for (job, outcome) in batch.into_iter().zip(outcomes) {
                match (job, outcome) {
                    (Job::Put { reply, .. }, Outcome::Stored(s)) => {
                        let _ = reply.send(Ok(s));
                    }
                    (Job::Count { reply }, Outcome::Count(n)) => {
                        let _ = reply.send(Ok(n));
                    }
                    _ => {}
                }
            }
            delivering
        }
        Err(e) => {
            eprintln!("store: transaction failed: {e}");
            for job in batch {
                let error = StoreError::Db(e.to_string());
                match job {
                    Job::Put { reply, .. } => {
                        let _ = reply.send(Err(error));
                    }
                    Job::Count { reply } => {
                        let _ = reply.send(Err(error));
                    }
                }
            }
            false
        }
    }
}

fn count(conn: &Connection) -> rusqlite::Result<usize> {
    let n: i64 = conn.query_row("SELECT COUNT(*) FROM tickets", [], |row| row.get(0))?;
    Ok(usize::try_from(n).unwrap_or(0))
}

fn put(
    conn: &Connection,
    key: Option<&str>,
    record: &serde_json::Value,
    reference: &str,
    admit: Option<Admit>,
) -> rusqlite::Result<Stored> {
    let fingerprint = fingerprint(&record["ticket"]);
    if let Some(key) = key {
        let seen: Option<(String, String)> = conn
            .prepare_cached(
                "SELECT reference, ticket_sha256 FROM tickets WHERE idempotency_key = ?1",
            )?
            .query_row([key], |row| Ok((row.get(0)?, row.get(1)?)))
            .optional()?;
        if let Some((reference, seen_fingerprint)) = seen {
            return Ok(Stored::Repeat {
                reference,
                same_ticket: seen_fingerprint == fingerprint,
            });
        }
    }
    if let Some(Err(limited)) = admit.map(|admit| admit()) {
        return Ok(Stored::Limited(limited));
    }
    let received_at = record["received_at"].as_i64().unwrap_or(0);
    conn.prepare_cached(
        "INSERT INTO tickets (reference, idempotency_key, ticket_sha256, received_at, record)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        reference,
        key,
        fingerprint,
        received_at,
        record.to_string()
    ])?;
    attachments::link(conn, reference, &record["ticket"])?;
    Ok(Stored::New(reference.to_owned()))
}

/// SHA-256 (hex) of the ticket's canonical JSON: the ticket as the receiver
/// read it, written back by serde_json (members sorted, unknown members and
/// whitespace gone), so only a change of content changes it. Stable across
/// Rust versions and restarts, unlike `DefaultHasher`, and no crafted body
/// can pass for another ticket.
pub fn fingerprint(ticket: &serde_json::Value) -> String {
    Sha256::digest(ticket.to_string().as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
pub mod tests {
    use super::*;
    use std::sync::{Arc, Barrier};

    /// A fresh store file under the temp folder, removed by `remove`.
    pub fn temp_path(name: &str) -> PathBuf {
        let path =
            std::env::temp_dir().join(format!("ticket-store-{}-{name}.db", std::process::id()));
        remove(&path);
        path
    }

    pub fn remove(path: &Path) {
        for suffix in ["", "-wal", "-shm"] {
            let mut p = path.as_os_str().to_owned();
            p.push(suffix);
            let _ = std::fs::remove_file(p);
        }
    }

    fn record(message: &str) -> serde_json::Value {
        serde_json::json!({ "received_at": 1, "ticket": { "message": message } })
    }

    #[test]
    fn concurrent_puts_with_one_key_store_one_ticket() {
        let path = temp_path("concurrent");
        let store = Arc::new(Store::open(&path).unwrap());
        let barrier = Arc::new(Barrier::new(32));
        let results: Vec<Stored> = (0..32)
            .map(|n| {
                let (store, barrier) = (store.clone(), barrier.clone());
                std::thread::spawn(move || {
                    barrier.wait();
                    store
                        .put(Some("same"), record("hello"), format!("REF-{n}"))
                        .unwrap()
                })
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|t| t.join().unwrap())
            .collect();
        let new: Vec<&String> = results
            .iter()
            .filter_map(|r| match r {
                Stored::New(reference) => Some(reference),
                Stored::Repeat { .. } | Stored::Limited(_) => None,
            })
            .collect();
        assert_eq!(new.len(), 1);
        for r in &results {
            if let Stored::Repeat {
                reference,
                same_ticket,
            } = r
            {
                assert_eq!(reference, new[0]);
                assert!(same_ticket);
            }
        }
        assert_eq!(store.count().unwrap(), 1);
        remove(&path);
    }

    #[test]
    fn keys_and_fingerprints_survive_a_restart() {
        let path = temp_path("restart");
        let store = Store::open(&path).unwrap();
        let Stored::New(first) = store.put(Some("k"), record("a"), "R1".into()).unwrap() else {
            panic!("first put must store");
        };
        store.put(None, record("b"), "R2".into()).unwrap();
        drop(store);
        let store = Store::open(&path).unwrap();
        assert_eq!(store.count().unwrap(), 2);
        assert_eq!(
            store.put(Some("k"), record("a"), "R3".into()).unwrap(),
            Stored::Repeat {
                reference: first.clone(),
                same_ticket: true
            }
        );
        assert_eq!(
            store.put(Some("k"), record("edited"), "R4".into()).unwrap(),
            Stored::Repeat {
                reference: first,
                same_ticket: false
            }
        );
        assert_eq!(store.count().unwrap(), 2);
        remove(&path);
    }

    #[test]
    fn the_fingerprint_is_the_sha256_of_the_canonical_ticket() {
        // printf '{"message":"a"}' | sha256sum
        assert_eq!(
            fingerprint(&serde_json::json!({ "message": "a" })),
            "5ede4b802644738be204d8396acbe8f58f08f4a52ca580361ccdc4b9d25d86eb"
        );
    }
}
