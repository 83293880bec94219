//! Accepted tickets, one JSON object per line, appended to a file. Repeated
//! `Idempotency-Key`s get the reference of the first ticket and store nothing.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

pub struct Store {
    path: PathBuf,
    inner: Mutex<Inner>,
}

struct Inner {
    file: File,
    by_key: HashMap<String, String>,
}

pub enum Stored {
    New(String),
    Repeat(String),
}

impl Store {
    pub fn open(path: &Path) -> std::io::Result<Store> {
        let mut by_key = HashMap::new();
        if let Ok(existing) = File::open(path) {
            for line in BufReader::new(existing).lines() {
                let Ok(record) = serde_json::from_str::<serde_json::Value>(&line?) else {
                    continue;
                };
                if let (Some(key), Some(reference)) = (
                    record["idempotency_key"].as_str(),
                    record["reference"].as_str(),
                ) {
                    by_key.insert(key.to_owned(), reference.to_owned());
                }
            }
        }
        let file = OpenOptions::new().create(true).append(true).open(path)?;
        Ok(Store {
            path: path.to_owned(),
            inner: Mutex::new(Inner { file, by_key }),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Stores `record` (which gets a `reference`) unless `key` was seen.
    pub fn put(
        &self,
        key: Option<&str>,
        mut record: serde_json::Value,
        reference: impl FnOnce() -> String,
    ) -> std::io::Result<Stored> {
        // A poisoned lock only means another request panicked mid-write;
        // the map and file are still usable.
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(existing) = key.and_then(|k| inner.by_key.get(k)) {
            return Ok(Stored::Repeat(existing.clone()));
        }
        let reference = reference();
        record["reference"] = reference.clone().into();
        record["idempotency_key"] = key.into();
        let mut line = record.to_string();
        line.push('\n');
        inner.file.write_all(line.as_bytes())?;
        inner.file.flush()?;
        if let Some(k) = key {
            inner.by_key.insert(k.to_owned(), reference.clone());
        }
        Ok(Stored::New(reference))
    }
}
