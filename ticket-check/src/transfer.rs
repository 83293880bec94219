//! `ticket-check export` and `ticket-check import`: moving tickets out of
//! and into the store as JSON lines (see store/transfer.rs).

use std::path::PathBuf;
use std::process::ExitCode;

pub const DEFAULT_STORE: &str = "tickets.db";

/// `--store FILE` and the other arguments, in order.
fn split_store(args: &[String]) -> Result<(PathBuf, Vec<&String>), String> {
    let mut store = PathBuf::from(DEFAULT_STORE);
    let mut rest = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        if arg == "--store" {
            store = it.next().ok_or("--store needs a value")?.into();
        } else {
            rest.push(arg);
        }
    }
    Ok((store, rest))
}

pub fn export(args: &[String]) -> Result<ExitCode, String> {
    let (store, rest) = split_store(args)?;
    if let Some(extra) = rest.first() {
        return Err(format!("export: unexpected argument {extra}"));
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    crate::store::transfer::export(&store, &mut out)?;
    std::io::Write::flush(&mut out).map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}

pub fn import(args: &[String]) -> Result<ExitCode, String> {
    let (store, rest) = split_store(args)?;
    let [file] = rest.as_slice() else {
        return Err("usage: ticket-check import FILE [--store FILE]".into());
    };
    let lines = std::fs::File::open(file).map_err(|e| format!("{file}: {e}"))?;
    let counts = crate::store::transfer::import(std::io::BufReader::new(lines), &store)?;
    eprintln!(
        "{}: {} tickets added, {} already there, {} lines that are not a ticket skipped",
        store.display(),
        counts.added,
        counts.present,
        counts.skipped
    );
    Ok(ExitCode::SUCCESS)
}
