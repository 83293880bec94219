//! `ticket-check serve` command-line options.

use super::spam::SpamPolicy;
use crate::config::Config;
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
    /// The file's delivery targets and retry schedule (empty without one).
    pub config: Config,
    /// Leading zero bits of the proof of work a ticket must carry; 0: off.
    pub pow_bits: u32,
    /// Days an upload no ticket names is kept (0: for ever).
    pub keep_uploads_days: u32,
}

/// The options of `--config FILE` (if given), then those of the command
/// line, which override the file's.
pub fn parse(args: &[String]) -> Result<Options, String> {
    let config = match args.iter().position(|a| a == "--config") {
        Some(i) => {
            let path = args.get(i + 1).ok_or("--config needs a value")?;
            Config::load(path.as_ref())?
        }
        None => Config::default(),
    };
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
        config: Config::default(),
        pow_bits: 0,
        keep_uploads_days: 7,
    };
    apply_file(&mut options, config)?;
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        if options.faults.take_arg(flag, &mut it)? {
            continue;
        }
        let mut value = || it.next().cloned().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--config" => {
                value()?;
            }
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
                    .and_then(pow_bits)
                    .ok_or(format!("--pow-bits {v}: {POW_BITS_RANGE}"))?;
            }
            "--keep-uploads-days" => {
                let v = value()?;
                options.keep_uploads_days = v
                    .parse()
                    .map_err(|_| format!("--keep-uploads-days {v}: {KEEP_DAYS}"))?;
            }
            other => return Err(format!("serve: unknown option {other}")),
        }
    }
    Ok(options)
}

const KEEP_DAYS: &str = "a number of days (0: keep for ever)";

const POW_BITS_RANGE: &str = "a number of bits from 0 (off) to 32";

/// `bits` if a phone can do that much work (see `pow::MAX_BITS`).
fn pow_bits(bits: u32) -> Option<u32> {
    (bits <= super::pow::MAX_BITS).then_some(bits)
}

fn apply_file(options: &mut Options, config: Config) -> Result<(), String> {
    if let Some(path) = &config.store.path {
        options.store.clone_from(path);
    }
    let serve = &config.serve;
    if let Some(addr) = &serve.addr {
        options.addr.clone_from(addr);
    }
    if serve.static_dir.is_some() {
        options.static_dir.clone_from(&serve.static_dir);
    }
    if serve.csp.is_some() {
        options.csp.clone_from(&serve.csp);
    }
    if let Some(rate) = &serve.rate_ip {
        options.rate_ip = Rate::parse(rate).map_err(|e| format!("serve.rate_ip: {e}"))?;
    }
    if let Some(rate) = &serve.rate_email {
        options.rate_email = Rate::parse(rate).map_err(|e| format!("serve.rate_email: {e}"))?;
    }
    if let Some(trust) = serve.trust_proxy {
        options.trust_proxy = trust;
    }
    if let Some(ms) = serve.min_fill_ms {
        options.spam.min_fill_ms = ms;
    }
    if let Some(require) = serve.require_form {
        options.spam.require_form = require;
    }
    if let Some(bits) = serve.pow_bits {
        options.pow_bits =
            pow_bits(bits).ok_or(format!("serve.pow_bits {bits}: {POW_BITS_RANGE}"))?;
    }
    if let Some(days) = serve.keep_uploads_days {
        options.keep_uploads_days = days;
    }
    options.config = config;
    Ok(())
}
