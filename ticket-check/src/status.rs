//! `ticket-check status REF`: where a ticket stands with each delivery
//! target, read from the outbox. Exit code 1 when the store has no such
//! ticket, 2 for a bad command line or an unreadable store.

use crate::config::Config;
use crate::reference::datetime;
use crate::store::outbox::{self, TargetStatus, now_ms};
use crate::transfer::DEFAULT_STORE;
use rusqlite::{Connection, OpenFlags};
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: ticket-check status REF [--store FILE | --config FILE]";

pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let mut reference = None;
    let mut store = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--store" => store = Some(PathBuf::from(it.next().ok_or(USAGE)?)),
            "--config" => {
                let config = Config::load(it.next().ok_or(USAGE)?.as_ref())?;
                store = store.or(config.store.path);
            }
            other if reference.is_none() && !other.starts_with("--") => {
                reference = Some(other.to_owned());
            }
            _ => return Err(USAGE.into()),
        }
    }
    let reference = reference.ok_or(USAGE)?;
    let store = store.unwrap_or_else(|| DEFAULT_STORE.into());
    // An existing store only: a mistyped path must not create one.
    let conn = Connection::open_with_flags(&store, OpenFlags::SQLITE_OPEN_READ_WRITE)
        .map_err(|e| format!("{}: {e}", store.display()))?;
    conn.busy_timeout(std::time::Duration::from_secs(10))
        .map_err(|e| e.to_string())?;
    let found =
        outbox::status(&conn, &reference).map_err(|e| format!("{}: {e}", store.display()))?;
    let Some((received, rows)) = found else {
        eprintln!("{reference}: no such ticket in {}", store.display());
        return Ok(ExitCode::from(1));
    };
    println!(
        "{reference}  received {}",
        datetime(u64::try_from(received).unwrap_or(0))
    );
    if rows.is_empty() {
        println!("  no delivery targets were configured when it arrived");
    }
    let width = rows.iter().map(|r| r.target.len()).max().unwrap_or(0);
    for row in &rows {
        println!("  {:width$}  {}", row.target, describe(row));
    }
    Ok(ExitCode::SUCCESS)
}

fn describe(row: &TargetStatus) -> String {
    let tries = |n: u32| format!("{n} attempt{}", if n == 1 { "" } else { "s" });
    match row.delivered_at {
        Some(at) => format!(
            "delivered {} ({})",
            datetime(u64::try_from(at).unwrap_or(0)),
            tries(row.attempts)
        ),
        None => {
            let wait_s = (row.next_at_ms - now_ms()).max(0) / 1000;
            let error = row
                .last_error
                .as_deref()
                .map(|e| format!(", last error: {e}"))
                .unwrap_or_default();
            format!(
                "pending ({}, next try in {wait_s} s{error})",
                tries(row.attempts)
            )
        }
    }
}
