//! `ticket-check serve` command-line options.

use crate::faults::Faults;
use std::path::PathBuf;

pub struct Options {
    pub addr: String,
    pub store: PathBuf,
    pub static_dir: Option<PathBuf>,
    pub faults: Faults,
    pub csp: Option<String>,
}

pub fn parse(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        addr: "127.0.0.1:8787".into(),
        store: "tickets.db".into(),
        static_dir: None,
        faults: Faults::default(),
        csp: None,
    };
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        if options.faults.take_arg(flag, &mut it)? {
            continue;
        }
        let mut value = || it.next().cloned().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--addr" => options.addr = value()?,
            "--store" => options.store = value()?.into(),
            "--static" => options.static_dir = Some(value()?.into()),
            "--csp" => options.csp = Some(value()?),
            other => return Err(format!("serve: unknown option {other}")),
        }
    }
    Ok(options)
}
