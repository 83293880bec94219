//! `ticket-check`: the ticket rules on the command line, and a small
//! reference receiver for development, tests and the provider's backend team.
//!
//!   ticket-check trace [FILE]      summary of an MTR / traceroute paste (stdin without FILE)
//!   ticket-check ip ADDR           validity and scope of an IP address
//!   ticket-check policy [FILE]     circumvention / out-of-scope / secret findings
//!   ticket-check validate [FILE]   check a ticket payload as the receiver would
//!   ticket-check serve [--addr HOST:PORT] [--store FILE] [--static DIR [--csp POLICY]] [fault switches]
//!   ticket-check export [--store FILE]        the stored tickets as JSON lines
//!   ticket-check import FILE [--store FILE]   add a JSON-lines store of earlier versions
//!   ticket-check status REF [--store FILE | --config FILE]   delivery status of a ticket
//!
//! The fault switches are for tests only; see faults.rs and `--help`.

mod checks;
mod config;
mod deliver;
mod faults;
mod limits;
mod reference;
mod serve;
mod status;
mod store;
mod structure;
mod transfer;

use std::process::ExitCode;

const USAGE: &str = "usage: ticket-check <trace [FILE] | ip ADDR | policy [FILE] | validate [FILE] | serve [OPTIONS] | export | import FILE | status REF> (--help for more)";

const HELP: &str = "\
usage: ticket-check <command>

  trace [FILE]      summary of an MTR / traceroute paste (stdin without FILE)
  ip ADDR           validity and scope of an IP address
  policy [FILE]     circumvention / out-of-scope / secret findings
  validate [FILE]   check a ticket payload as the receiver would
  serve [OPTIONS]   the receiver: POST /api/tickets, POST /api/tickets/attachments
  export [--store FILE]        every stored ticket as one JSON line, oldest first
  import FILE [--store FILE]   add the tickets of a JSON-lines store (tickets.jsonl of
                               earlier versions); tickets already there are left alone
  status REF [--store FILE | --config FILE]
                    where ticket REF stands with each delivery target: delivered (when)
                    or pending (attempts, last error, next try); exit code 1 if the
                    store has no such ticket

serve options:
  --config FILE     read the store, these options and the delivery targets from a TOML
                    file (see the README); the options below override the file's
  --addr HOST:PORT  listen address (default 127.0.0.1:8787; port 0 picks a free one)
  --store FILE      SQLite database of accepted tickets (default tickets.db)
  --static DIR      also serve the built widget from DIR
  --csp POLICY      with --static: send this Content-Security-Policy with the files
  --rate-ip N/SECS      at most N new tickets per client IP in any SECS seconds, or off
                        (default 20/600); refused with 429 and Retry-After
  --rate-email N/SECS   the same per e-mail address (default 10/3600)
  --trust-proxy         take the client IP from X-Real-IP (set it in the proxy in front)
  --min-fill-ms MS      a ticket whose form.fill_ms is below MS (default 3000) gets 429
                        spam.too_fast with Retry-After: the seconds missing (the widget
                        then sends it again); a filled form.honeypot is 422 spam.honeypot
  --require-form        also refuse tickets without form.fill_ms
  --keep-uploads-days N
                        forget uploads no ticket names after N days (default 7; 0: never)
  --pow-bits N          ask every ticket for a proof of work: GET /api/tickets/challenge
                        hands out a challenge (valid 2 hours); SHA-256(challenge \":\" nonce)
                        must start with N zero bits (default 0: off, the route answers 404;
                        14 costs a phone about a second). Refusals: 422 form.pow with
                        pow.missing, pow.invalid, pow.expired, pow.insufficient, pow.replayed

serve fault injection, for tests only (all off unless given here):
  --fail-next N:STATUS    answer the next N ticket POSTs with STATUS (400-599), store nothing
                          (attachment uploads count as POSTs too)
  --fail-uploads N        answer the next N attachment uploads with that STATUS (default 503)
  --retry-after SECS      send Retry-After: SECS with every 429 and 503 ticket answer
  --delay-ms MS           wait MS (at most 60000) before every ticket answer
  --drop-after-store N    for the next N ticket POSTs that reach the store (new or repeated
                          key): store, then close the connection without answering
  --enable-fault-control  POST /__faults replaces the fault settings at run time, e.g.
                          {\"fail_next\": 2, \"status\": 503, \"retry_after\": 1, \"delay_ms\": 0,
                           \"drop_after_store\": 0, \"fail_uploads\": 0} (absent fields: off, status 503);
                          GET /__faults shows them, GET /__tickets/count gives {\"count\": N}.
                          Without this switch both paths answer 404.
";

fn main() -> ExitCode {
    // ring for every TLS connection (SMTP, webhooks, WHMCS): rustls refuses
    // to guess when a build has enabled more than one provider. An error
    // only says one is installed already.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or_default();
    let result = match args.first().map(String::as_str) {
        Some("trace") => checks::trace(rest),
        Some("ip") => checks::ip(rest),
        Some("policy") => checks::policy(rest),
        Some("validate") => checks::validate(rest),
        Some("serve") => serve::run(rest),
        Some("export") => transfer::export(rest),
        Some("import") => transfer::import(rest),
        Some("status") => status::run(rest),
        Some("-h" | "--help") => {
            print!("{HELP}");
            Ok(ExitCode::SUCCESS)
        }
        _ => Err(USAGE.to_owned()),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("ticket-check: {message}");
            ExitCode::from(2)
        }
    }
}
