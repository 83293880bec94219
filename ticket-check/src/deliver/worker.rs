//! The delivery worker: sends what the outbox says is due, records each
//! outcome, and sleeps until the next row is due or the store announces a
//! new ticket. Rows left pending by a stop or a crash are due at start.
//! A row is marked delivered only after the target accepted it, and
//! never twice; a failure schedules the next attempt (`Targets::backoff_ms`,
//! capped), without end: `ticket-check status` shows what is stuck.

use super::{Delivery, Targets};
use crate::reference::now_unix;
use crate::store::open_connection;
use crate::store::outbox::{self, Pending, now_ms};
use rusqlite::Connection;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{Notify, watch};
use tokio::task::JoinSet;

/// Rows sent at once (different targets and tickets in parallel).
const BATCH: usize = 16;
/// Look at the outbox at least this often (another process may add rows).
const IDLE_CHECK: Duration = Duration::from_secs(60);

type Db = Arc<Mutex<Connection>>;

/// Runs until `stop` turns true; the deliveries in flight then finish
/// (each within the attempt timeout) and are recorded.
pub async fn run(
    store: &Path,
    targets: Arc<Targets>,
    wake: Arc<Notify>,
    mut stop: watch::Receiver<bool>,
) -> Result<(), String> {
    let conn = open_connection(store).map_err(|e| format!("{}: {e}", store.display()))?;
    let db: Db = Arc::new(Mutex::new(conn));
    while !*stop.borrow() {
        let due = with_db(&db, |c| outbox::due(c, now_ms(), BATCH)).await;
        let due = match due {
            Ok(due) => due,
            Err(e) => {
                eprintln!("delivery: cannot read the outbox: {e}");
                Vec::new()
            }
        };
        if due.is_empty() {
            let next = with_db(&db, outbox::next_due).await.ok().flatten();
            let wait = next.map_or(IDLE_CHECK, |at| {
                Duration::from_millis(u64::try_from(at - now_ms()).unwrap_or(0)).min(IDLE_CHECK)
            });
            tokio::select! {
                () = tokio::time::sleep(wait) => {}
                () = wake.notified() => {}
                _ = stop.changed() => {}
            }
            continue;
        }
        let mut sending = JoinSet::new();
        for pending in due {
            let (db, targets) = (Arc::clone(&db), Arc::clone(&targets));
            sending.spawn(async move { attempt(&db, &targets, pending).await });
        }
        while sending.join_next().await.is_some() {}
    }
    Ok(())
}

/// One attempt at one row, and its outcome written down.
async fn attempt(db: &Db, targets: &Targets, pending: Pending) {
    let outcome = match targets.get(&pending.target) {
        None => Err(format!(
            "no target named {:?} in the config",
            pending.target
        )),
        Some(target) => match Delivery::read(&pending.reference, &pending.record) {
            Ok(delivery) => {
                let limit = Duration::from_secs(targets.retry.timeout_secs);
                match tokio::time::timeout(limit, target.deliver(&delivery)).await {
                    Ok(result) => result,
                    Err(_) => Err(format!("no answer within {} s", limit.as_secs())),
                }
            }
            Err(e) => Err(e),
        },
    };
    let id = pending.id;
    let (reference, target) = (&pending.reference, &pending.target);
    match outcome {
        Ok(()) => {
            let at = i64::try_from(now_unix()).unwrap_or(i64::MAX);
            match with_db(db, move |c| outbox::mark_delivered(c, id, at)).await {
                Ok(_) => eprintln!("delivered {reference} to {target}"),
                // Sent but not marked: it goes again, with the same
                // Message-ID / Idempotency-Key.
                Err(e) => eprintln!("delivered {reference} to {target}, not recorded: {e}"),
            }
        }
        Err(error) => {
            let failed = pending.attempts.saturating_add(1);
            let wait = targets.backoff_ms(failed);
            let next = now_ms().saturating_add(i64::try_from(wait).unwrap_or(i64::MAX));
            eprintln!(
                "delivery of {reference} to {target} failed (attempt {failed}): {error}; \
                 next try in {wait} ms"
            );
            let error_text = error.clone();
            if let Err(e) =
                with_db(db, move |c| outbox::mark_failed(c, id, &error_text, next)).await
            {
                eprintln!("delivery: cannot record the failure: {e}");
            }
        }
    }
}

/// Runs `job` on the worker's connection, off the async threads.
async fn with_db<T: Send + 'static>(
    db: &Db,
    job: impl FnOnce(&Connection) -> rusqlite::Result<T> + Send + 'static,
) -> Result<T, String> {
    let db = Arc::clone(db);
    tokio::task::spawn_blocking(move || {
        let conn = db.lock().unwrap_or_else(|e| e.into_inner());
        job(&conn).map_err(|e| e.to_string())
    })
    .await
    .map_err(|e| e.to_string())?
}
