//! `ticket-check`: the ticket rules on the command line, and a small
//! reference receiver for development, tests and the provider's backend team.
//!
//!   ticket-check trace [FILE]      summary of an MTR / traceroute paste (stdin without FILE)
//!   ticket-check ip ADDR           validity and scope of an IP address
//!   ticket-check policy [FILE]     circumvention / out-of-scope / secret findings
//!   ticket-check validate [FILE]   check a ticket payload as the receiver would
//!   ticket-check serve [--addr HOST:PORT] [--store FILE] [--static DIR [--csp POLICY]]

mod checks;
mod http;
mod reference;
mod serve;
mod store;

use std::process::ExitCode;

const USAGE: &str = "usage: ticket-check <trace [FILE] | ip ADDR | policy [FILE] | validate [FILE] | serve [--addr HOST:PORT] [--store FILE] [--static DIR [--csp POLICY]]>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or_default();
    let result = match args.first().map(String::as_str) {
        Some("trace") => checks::trace(rest),
        Some("ip") => checks::ip(rest),
        Some("policy") => checks::policy(rest),
        Some("validate") => checks::validate(rest),
        Some("serve") => serve::run(rest),
        Some("-h" | "--help") => {
            println!("{USAGE}");
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
