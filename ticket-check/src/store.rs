//! Accepted tickets, one JSON object per line, appended to a file. Repeated
//! `Idempotency-Key`s store nothing; each key keeps the reference of its
//! first ticket and a SHA-256 of that ticket, so a repeat can be told from
//! a different ticket sent under the same key.

use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

pub struct Store {
    path: PathBuf,
    inner: Mutex<Inner>,
}

struct Inner {
    file: File,
    by_key: HashMap<String, Seen>,
    count: usize,
}

struct Seen {
    reference: String,
    fingerprint: String,
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
}

impl Store {
    pub fn open(path: &Path) -> std::io::Result<Store> {
        let mut by_key = HashMap::new();
        let mut count = 0;
        if let Ok(existing) = File::open(path) {
            for line in BufReader::new(existing).lines() {
                let Ok(record) = serde_json::from_str::<serde_json::Value>(&line?) else {
                    continue;
                };
                count += 1;
                if let (Some(key), Some(reference)) = (
                    record["idempotency_key"].as_str(),
                    record["reference"].as_str(),
                ) {
                    // Records written before the SHA-256 was stored (they
                    // may carry an older `ticket_fingerprint`) get it now.
                    let fingerprint = match record["ticket_sha256"].as_str() {
                        Some(f) => f.to_owned(),
                        None => fingerprint(&record["ticket"]),
                    };
                    let reference = reference.to_owned();
                    by_key.insert(
                        key.to_owned(),
                        Seen {
                            reference,
                            fingerprint,
                        },
                    );
                }
            }
        }
        let file = OpenOptions::new().create(true).append(true).open(path)?;
        Ok(Store {
            path: path.to_owned(),
            inner: Mutex::new(Inner {
                file,
                by_key,
                count,
            }),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Tickets in the file, counting those from before a restart.
    pub fn count(&self) -> usize {
        self.lock().count
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A poisoned lock only means another request panicked mid-write;
        // the map and file are still usable.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Stores `record` (which gets a `reference`) unless `key` was seen.
    ///
    /// The lookup, the write and the map update happen under one lock, so
    /// any number of concurrent requests with one key store one ticket and
    /// all get its reference.
    pub fn put(
        &self,
        key: Option<&str>,
        mut record: serde_json::Value,
        reference: impl FnOnce() -> String,
    ) -> std::io::Result<Stored> {
        let fingerprint = fingerprint(&record["ticket"]);
        let mut inner = self.lock();
        if let Some(seen) = key.and_then(|k| inner.by_key.get(k)) {
            return Ok(Stored::Repeat {
                reference: seen.reference.clone(),
                same_ticket: seen.fingerprint == fingerprint,
            });
        }
        let reference = reference();
        record["reference"] = reference.clone().into();
        record["idempotency_key"] = key.into();
        // Stored rather than recomputed after a restart: floats in the trace
        // summary need not parse back to the very same text.
        record["ticket_sha256"] = fingerprint.clone().into();
        let mut line = record.to_string();
        line.push('\n');
        let before = inner.file.metadata()?.len();
        if let Err(e) = inner.file.write_all(line.as_bytes()) {
            // A half-written line would swallow the next ticket's line too
            // (both unreadable after a restart): cut it off.
            let _ = inner.file.set_len(before);
            return Err(e);
        }
        inner.count += 1;
        if let Some(k) = key {
            inner.by_key.insert(
                k.to_owned(),
                Seen {
                    reference: reference.clone(),
                    fingerprint,
                },
            );
        }
        Ok(Stored::New(reference))
    }
}

/// SHA-256 (hex) of the ticket's canonical JSON: the ticket as the receiver
/// read it, written back by serde_json (members sorted, unknown members and
/// whitespace gone), so only a change of content changes it. Stable across
/// Rust versions and restarts, unlike `DefaultHasher`, and no crafted body
/// can pass for another ticket.
fn fingerprint(ticket: &serde_json::Value) -> String {
    Sha256::digest(ticket.to_string().as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Barrier};

    fn temp_store(name: &str) -> (Store, PathBuf) {
        let path =
            std::env::temp_dir().join(format!("ticket-store-{}-{name}.jsonl", std::process::id()));
        let _ = std::fs::remove_file(&path);
        (Store::open(&path).unwrap(), path)
    }

    fn record(message: &str) -> serde_json::Value {
        serde_json::json!({ "ticket": { "message": message } })
    }

    #[test]
    fn concurrent_puts_with_one_key_store_one_ticket() {
        let (store, path) = temp_store("concurrent");
        let store = Arc::new(store);
        let barrier = Arc::new(Barrier::new(32));
        let counter = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let results: Vec<Stored> = (0..32)
            .map(|_| {
                let (store, barrier, counter) = (store.clone(), barrier.clone(), counter.clone());
                std::thread::spawn(move || {
                    barrier.wait();
                    let n = counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    store
                        .put(Some("same"), record("hello"), || format!("REF-{n}"))
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
                Stored::Repeat { .. } => None,
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
        assert_eq!(store.count(), 1);
        assert_eq!(std::fs::read_to_string(&path).unwrap().lines().count(), 1);
        let _ = std::fs::remove_file(path);
    }

    #[test]
    fn keys_and_fingerprints_survive_a_restart() {
        let (store, path) = temp_store("restart");
        let Stored::New(first) = store.put(Some("k"), record("a"), || "R1".into()).unwrap() else {
            panic!("first put must store");
        };
        store.put(None, record("b"), || "R2".into()).unwrap();
        drop(store);
        let store = Store::open(&path).unwrap();
        assert_eq!(store.count(), 2);
        assert_eq!(
            store.put(Some("k"), record("a"), || "R3".into()).unwrap(),
            Stored::Repeat {
                reference: first.clone(),
                same_ticket: true
            }
        );
        assert_eq!(
            store
                .put(Some("k"), record("edited"), || "R4".into())
                .unwrap(),
            Stored::Repeat {
                reference: first,
                same_ticket: false
            }
        );
        assert_eq!(store.count(), 2);
        let _ = std::fs::remove_file(path);
    }

    #[test]
    fn records_from_before_the_sha256_get_it_on_opening() {
        let (store, path) = temp_store("legacy");
        drop(store);
        let legacy = serde_json::json!({
            "reference": "R1",
            "idempotency_key": "k",
            "ticket_fingerprint": "0123456789abcdef",
            "ticket": { "message": "a" },
        });
        std::fs::write(&path, format!("{legacy}\n")).unwrap();
        let store = Store::open(&path).unwrap();
        assert_eq!(
            store.put(Some("k"), record("a"), || "R2".into()).unwrap(),
            Stored::Repeat {
                reference: "R1".into(),
                same_ticket: true
            }
        );
        assert_eq!(
            store.put(Some("k"), record("b"), || "R3".into()).unwrap(),
            Stored::Repeat {
                reference: "R1".into(),
                same_ticket: false
            }
        );
        let _ = std::fs::remove_file(path);
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
