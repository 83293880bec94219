//! The one-shot subcommands: read input, print JSON, exit 0 or 1.

use std::io::Read;
use std::process::ExitCode;
use ticket_core::{ip, payload::Ticket, policy, trace, validate};

fn read_input(args: &[String]) -> Result<String, String> {
    let mut bytes = Vec::new();
    match args.first() {
        Some(path) if path != "-" => {
            bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
        }
        _ => {
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("stdin: {e}"))?;
        }
    }
    // Windows consoles may hand over non-UTF-8 bytes; parse what we can.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn print_json(value: &impl serde::Serialize) -> Result<(), String> {
    let text = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
    println!("{text}");
    Ok(())
}

pub fn trace(args: &[String]) -> Result<ExitCode, String> {
    let input = read_input(args)?;
    match trace::parse(&input) {
        Ok(summary) => {
            print_json(&summary)?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("not a trace: {}", e.reason());
            Ok(ExitCode::from(1))
        }
    }
}

pub fn ip(args: &[String]) -> Result<ExitCode, String> {
    let addr = args.first().ok_or("usage: ticket-check ip ADDR")?;
    let out = match ip::check_ip(addr) {
        Ok(info) => serde_json::json!({
            "valid": true,
            "address": info.address,
            "version": info.version,
            "scope": info.scope.id(),
            "public": info.is_public(),
        }),
        Err(e) => serde_json::json!({
            "valid": false,
            "address": null,
            "version": null,
            "scope": null,
            "public": false,
            "error": e.code(),
        }),
    };
    print_json(&out)?;
    Ok(ExitCode::SUCCESS)
}

pub fn policy(args: &[String]) -> Result<ExitCode, String> {
    let input = read_input(args)?;
    print_json(&policy::check(&input))?;
    Ok(ExitCode::SUCCESS)
}

pub fn validate(args: &[String]) -> Result<ExitCode, String> {
    let input = read_input(args)?;
    let ticket: Ticket = match serde_json::from_str(&input) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("not a ticket payload: {e}");
            return Ok(ExitCode::from(1));
        }
    };
    let errors = validate::validate_ticket(&ticket);
    print_json(&serde_json::json!({ "valid": errors.is_empty(), "errors": errors }))?;
    Ok(if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
