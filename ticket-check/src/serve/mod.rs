//! `ticket-check serve`: receives tickets at `POST /api/tickets`, validates
//! them with the same rules as the widget, and stores accepted ones; their
//! files come first, one per `POST /api/tickets/attachments`
//! (attachments/mod.rs). With
//! `--static DIR` it also serves the built widget; `--csp POLICY` sends a
//! Content-Security-Policy with those files, to check that the widget works
//! on a host page with a strict policy. Test-only fault switches (failures,
//! delays, dropped answers) are described in faults.rs.
//!
//! HTTP/1.1 through hyper with keep-alive and chunked bodies, the routes in
//! axum (routes.rs); SIGTERM or Ctrl-C stops taking connections and lets the
//! requests in flight finish.

mod attachments;
mod body;
mod connection;
mod negotiate;
mod options;
mod pow;
mod prune;
pub mod reply;
mod routes;
mod spam;
mod statics;
mod tickets;

use crate::deliver::{Targets, worker};
use crate::faults::Faults;
use crate::limits::Limits;
use crate::store::attachments::Attachments;
use crate::store::{Outbox, Store};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

pub struct State {
    pub store: Store,
    pub static_dir: Option<PathBuf>,
    pub faults: Faults,
    pub csp: Option<String>,
    pub limits: Arc<Limits>,
    pub trust_proxy: bool,
    pub spam: spam::SpamPolicy,
    pub pow: pow::Pow,
    pub attachments: Attachments,
    /// Uploads per client IP (see attachments/mod.rs).
    pub upload_limits: Limits,
}

pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let options = options::parse(args)?;
    // Before anything else: a target that cannot work (a secret not set)
    // stops the start, not the first delivery.
    let targets = Arc::new(Targets::build(&options.config)?);
    let wake = Arc::new(tokio::sync::Notify::new());
    let outbox = Outbox {
        targets: targets.names(),
        wake: Some(Arc::clone(&wake)),
    };
    if let Some(dir) = &options.static_dir {
        attachments::private::check_static_dir(dir, &options.store)?;
    }
    let store = Store::open_with_outbox(&options.store, outbox)
        .map_err(|e| format!("{}: {e}", options.store.display()))?;
    let pow = pow::Pow::new(options.pow_bits)?;
    let attachments = Attachments::open(&options.store)
        .map_err(|e| format!("{}: {e}", options.store.display()))?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("could not start the runtime: {e}"))?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(&options.addr)
            .await
            .map_err(|e| format!("{}: {e}", options.addr))?;
        let local = listener.local_addr().map_err(|e| e.to_string())?;
        // Tests and scripts read this line to learn the port (with --addr
        // …:0). Only this line goes to stdout, and a closed stdout must not
        // stop the server (println! would panic): everything else is logged
        // to stderr.
        {
            use std::io::Write;
            let mut out = std::io::stdout();
            let _ = writeln!(out, "listening on http://{local}").and_then(|()| out.flush());
        }
        eprintln!("storing tickets in {}", store.path().display());
        let (stop_worker, stopping) = tokio::sync::watch::channel(false);
        let delivering = (!targets.targets.is_empty()).then(|| {
            eprintln!("delivering to {}", targets.names().join(", "));
            let path = store.path().to_owned();
            tokio::spawn(async move {
                if let Err(e) = worker::run(&path, targets, wake, stopping).await {
                    eprintln!("delivery stopped: {e}");
                }
            })
        });
        let state = Arc::new(State {
            store,
            static_dir: options.static_dir,
            faults: options.faults,
            csp: options.csp,
            limits: Arc::new(Limits::new(options.rate_ip, options.rate_email)),
            trust_proxy: options.trust_proxy,
            spam: options.spam,
            pow,
            attachments,
            upload_limits: attachments::upload_limits(options.rate_ip),
        });
        let pruning = prune::start(
            Arc::clone(&state),
            options.keep_uploads_days,
            stop_worker.subscribe(),
        );
        connection::serve(listener, routes::router(state), connection::stop_signal()).await;
        // Deliveries in flight finish (each within its timeout) and are
        // recorded; what is left is sent after the next start.
        let _ = stop_worker.send(true);
        if let Some(worker) = delivering {
            let _ = worker.await;
        }
        if let Some(pruning) = pruning {
            let _ = pruning.await;
        }
        eprintln!("stopped");
        Ok(ExitCode::SUCCESS)
    })
}
