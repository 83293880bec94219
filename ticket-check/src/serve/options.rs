//! `ticket-check serve` command-line options.

use super::spam::SpamPolicy;
use crate::faults::Faults;
use crate::limits::Rate;
use std::path::PathBuf;

pub struct Options {
    pub addr: String,
    pub store: PathBuf,
    pub static_dir: Option<PathBuf>,
    pub faults: Faults,
    pub csp: Option<String>,
    pub rate_ip: Option<Rate>,
    pub rate_email: Option<Rate>,
    pub trust_proxy: bool,
    pub spam: SpamPolicy,
    /// Leading zero bits of the proof of work a ticket must carry; 0: off.
    pub pow_bits: u32,
}

pub fn parse(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        addr: "127.0.0.1:8787".into(),
        store: "tickets.db".into(),
        static_dir: None,
        faults: Faults::default(),
        csp: None,
        rate_ip: Rate::parse("20/600")?,
        rate_email: Rate::parse("10/3600")?,
        trust_proxy: false,
        spam: SpamPolicy::default(),
        pow_bits: 0,
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
            "--rate-ip" => options.rate_ip = Rate::parse(&value()?)?,
            "--rate-email" => options.rate_email = Rate::parse(&value()?)?,
            "--trust-proxy" => options.trust_proxy = true,
            "--min-fill-ms" => {
                let v = value()?;
                options.spam.min_fill_ms = v
                    .parse()
                    .map_err(|_| format!("--min-fill-ms {v}: not a number of milliseconds"))?;
            }
            "--require-form" => options.spam.require_form = true,
            "--pow-bits" => {
                let v = value()?;
                options.pow_bits = v
                    .parse()
                    .ok()
                    .filter(|bits| *bits <= super::pow::MAX_BITS)
                    .ok_or(format!(
                        "--pow-bits {v}: a number of bits from 0 (off) to {}",
                        super::pow::MAX_BITS
                    ))?;
            }
            other => return Err(format!("serve: unknown option {other}")),
        }
    }
    Ok(options)
}
