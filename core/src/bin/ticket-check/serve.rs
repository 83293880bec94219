//! `ticket-check serve`: receives tickets at `POST /api/tickets`, validates
//! them with the same rules as the widget, and appends accepted ones to a
//! JSON-lines file. With `--static DIR` it also serves the built widget, so
//! one process is enough for a demo or an end-to-end test. Test-only fault
//! switches (failures, delays, dropped answers) are described in faults.rs.
//! `--csp POLICY` sends a Content-Security-Policy with the static files, to
//! check that the widget works on a host page with a strict policy.

use crate::faults::Faults;
use crate::http::{self, ReadError, Request, Response};
use crate::reference::{new_reference, now_unix};
use crate::store::{Store, Stored};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;
use ticket_core::{payload::Ticket, policy, trace, validate};

pub const TICKETS_PATH: &str = "/api/tickets";
const MAX_BODY: usize = 1024 * 1024;
/// Only with `--enable-fault-control` (see faults.rs); 404 otherwise.
const FAULTS_PATH: &str = "/__faults";
const COUNT_PATH: &str = "/__tickets/count";

struct Config {
    addr: String,
    store: PathBuf,
    static_dir: Option<PathBuf>,
    faults: Faults,
    csp: Option<String>,
}

fn parse_args(args: &[String]) -> Result<Config, String> {
    let mut config = Config {
        addr: "127.0.0.1:8787".into(),
        store: "tickets.jsonl".into(),
        static_dir: None,
        faults: Faults::default(),
        csp: None,
    };
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        if config.faults.take_arg(flag, &mut it)? {
            continue;
        }
        let mut value = || it.next().cloned().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--addr" => config.addr = value()?,
            "--store" => config.store = value()?.into(),
            "--static" => config.static_dir = Some(value()?.into()),
            "--csp" => config.csp = Some(value()?),
            other => return Err(format!("serve: unknown option {other}")),
        }
    }
    Ok(config)
}

pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let config = parse_args(args)?;
    let store =
        Store::open(&config.store).map_err(|e| format!("{}: {e}", config.store.display()))?;
    let listener = TcpListener::bind(&config.addr).map_err(|e| format!("{}: {e}", config.addr))?;
    let local = listener.local_addr().map_err(|e| e.to_string())?;
    // Tests and scripts read this line to learn the port (with --addr …:0).
    // Only this line goes to stdout, and a closed stdout must not stop the
    // server (println! would panic): everything else is logged to stderr.
    {
        use std::io::Write;
        let mut out = std::io::stdout();
        let _ = writeln!(out, "listening on http://{local}").and_then(|()| out.flush());
    }
    eprintln!("storing tickets in {}", store.path().display());
    let state = Arc::new(State {
        store,
        static_dir: config.static_dir,
        faults: config.faults,
        csp: config.csp,
    });
    for stream in listener.incoming() {
        let stream = match stream {
            Ok(stream) => stream,
            Err(e) => {
                // Out of file descriptors, typically: retrying at once
                // would only spin.
                eprintln!("accept: {e}");
                std::thread::sleep(Duration::from_millis(50));
                continue;
            }
        };
        let state = Arc::clone(&state);
        // `thread::spawn` panics when the OS refuses a thread; under such
        // load dropping one connection beats stopping the receiver.
        if let Err(e) = std::thread::Builder::new().spawn(move || handle(&state, stream)) {
            eprintln!("could not start a connection thread: {e}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

struct State {
    store: Store,
    static_dir: Option<PathBuf>,
    faults: Faults,
    csp: Option<String>,
}

fn handle(state: &State, stream: TcpStream) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(15)));
    match http::read_request(&stream, MAX_BODY) {
        Ok(request) => {
            // No response: a fault asked to hang up; dropping the stream does.
            if let Some(response) = route(state, &request) {
                let _ = http::write_response(&stream, &with_cors(response));
            }
        }
        Err(ReadError::TooLarge) => {
            let response = Response::error(413, "body", "body.too_large");
            let _ = http::write_response(&stream, &with_cors(response));
            // Closing with unread input makes the kernel reset the connection,
            // and the client may never see the 413: read the rest first.
            let _ = stream.shutdown(std::net::Shutdown::Write);
            http::drain(&stream, 16 * MAX_BODY);
        }
        Err(ReadError::Malformed) => {}
    }
}

/// The widget may be embedded on another origin than the receiver's.
fn with_cors(mut response: Response) -> Response {
    response.headers.extend([
        ("Access-Control-Allow-Origin", "*".to_owned()),
        ("Access-Control-Allow-Methods", "POST, OPTIONS".to_owned()),
        (
            "Access-Control-Allow-Headers",
            "Content-Type, Idempotency-Key, X-CSRF-Token".to_owned(),
        ),
        // Without this a cross-origin widget cannot read how long to wait.
        ("Access-Control-Expose-Headers", "Retry-After".to_owned()),
    ]);
    response
}

fn with_csp(mut response: Response, csp: Option<&str>) -> Response {
    if let Some(policy) = csp {
        response
            .headers
            .push(("Content-Security-Policy", policy.to_owned()));
    }
    response
}

fn route(state: &State, request: &Request) -> Option<Response> {
    let path = request.path.split('?').next().unwrap_or("");
    let control = state.faults.control_enabled();
    Some(match (request.method.as_str(), path) {
        ("OPTIONS", _) => Response {
            status: 204,
            content_type: "text/plain",
            headers: Vec::new(),
            body: Vec::new(),
        },
        ("POST", TICKETS_PATH) => return state.faults.around(|| receive(state, request)),
        (_, TICKETS_PATH) => Response::error(405, "method", "method.not_allowed"),
        ("GET", "/api/health") => Response::json(200, &serde_json::json!({ "ok": true })),
        (_, FAULTS_PATH | COUNT_PATH) if !control => Response::error(404, "path", "not_found"),
        (_, FAULTS_PATH) => state.faults.control(request),
        ("GET", COUNT_PATH) => {
            Response::json(200, &serde_json::json!({ "count": state.store.count() }))
        }
        ("GET" | "HEAD", _) => match &state.static_dir {
            Some(dir) => with_csp(serve_file(dir, path), state.csp.as_deref()),
            None => Response::error(404, "path", "not_found"),
        },
        _ => Response::error(405, "method", "method.not_allowed"),
    })
}

fn receive(state: &State, request: &Request) -> Response {
    let is_json = request.header("content-type").is_some_and(|ct| {
        ct.trim()
            .to_ascii_lowercase()
            .starts_with("application/json")
    });
    if !is_json {
        return Response::error(415, "body", "body.not_json");
    }
    let ticket: Ticket = match serde_json::from_slice(&request.body) {
        Ok(t) => t,
        Err(_) => return Response::error(400, "body", "body.invalid_json"),
    };
    let errors = validate::validate_ticket(&ticket);
    if !errors.is_empty() {
        return Response::json(422, &serde_json::json!({ "errors": errors }));
    }
    let record = stored_record(&ticket);
    let key = request
        .header("idempotency-key")
        .filter(|k| !k.is_empty() && k.len() <= 255);
    match state.store.put(key, record, new_reference) {
        Ok(Stored::New(reference)) => {
            eprintln!("stored ticket {reference} ({})", ticket.category);
            Response::json(201, &serde_json::json!({ "reference": reference }))
        }
        Ok(Stored::Repeat {
            reference,
            same_ticket: true,
        }) => Response::json(200, &serde_json::json!({ "reference": reference })),
        // A different ticket under a key already used: the customer edited
        // the form after a send whose answer they never saw (or two tabs
        // share a key). This ticket was not stored, so no success: 409 says
        // the key is taken, and the reference says which ticket did arrive,
        // so the client can tell the customer and send the edit as a new
        // ticket under a new key.
        Ok(Stored::Repeat {
            reference,
            same_ticket: false,
        }) => {
            eprintln!("key of ticket {reference} reused for a different ticket: 409");
            Response::json(
                409,
                &serde_json::json!({
                    "errors": [{ "field": "idempotency_key", "code": "idempotency.conflict" }],
                    "reference": reference,
                }),
            )
        }
        Err(e) => {
            eprintln!("could not store a ticket: {e}");
            Response::error(503, "store", "store.unavailable")
        }
    }
}

/// The ticket as the customer sent it, plus what the receiver's own checks
/// found: support can triage on `checks` without trusting the browser.
fn stored_record(ticket: &Ticket) -> serde_json::Value {
    let report = policy::check(&ticket.text_for_policy());
    let trace = ticket
        .fields
        .get("trace")
        .and_then(|t| trace::parse(t).ok());
    serde_json::json!({
        "received_at": now_unix(),
        "ticket": ticket,
        "checks": {
            "circumvention_terms": policy::distinct_terms(&report.circumvention),
            "out_of_scope_terms": policy::distinct_terms(&report.out_of_scope),
            "secrets_found": report.secrets.len(),
            "trace_summary": trace,
        },
    })
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("json") => "application/json",
        // The widget's language packs (ticket-widget-<lang>-<hash>.txt).
        Some("txt") => "text/plain; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        _ => "application/octet-stream",
    }
}

fn serve_file(dir: &Path, url_path: &str) -> Response {
    let relative = url_path.trim_start_matches('/');
    let relative = if relative.is_empty() || relative.ends_with('/') {
        format!("{relative}index.html")
    } else {
        relative.to_owned()
    };
    let candidate = Path::new(&relative);
    if candidate
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return Response::error(404, "path", "not_found");
    }
    let full = dir.join(candidate);
    match std::fs::read(&full) {
        Ok(body) => Response {
            status: 200,
            content_type: content_type(&full),
            headers: Vec::new(),
            body,
        },
        Err(_) => Response::error(404, "path", "not_found"),
    }
}
