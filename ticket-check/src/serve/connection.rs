//! The accept loop: one hyper HTTP/1.1 connection per client (keep-alive),
//! each answered by the axum router, and a graceful stop.

use super::reply::HangUp;
use axum::Router;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use std::time::Duration;
use tokio::net::TcpListener;
use tower::ServiceExt;

/// A client has this long to send a request's headers.
const HEADER_TIMEOUT: Duration = Duration::from_secs(15);
/// After a stop signal, requests in flight get this long to finish.
const GRACE: Duration = Duration::from_secs(10);

/// Serves until `stop` completes, then waits (up to [`GRACE`]) for the
/// requests in flight; idle keep-alive connections close at once.
pub async fn serve(listener: TcpListener, app: Router, stop: impl Future<Output = ()>) {
    let graceful = GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(HEADER_TIMEOUT)
        .title_case_headers(true);
    let mut stop = std::pin::pin!(stop);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors, typically: retrying at once
                    // would only spin.
                    eprintln!("accept: {e}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        let app = app.clone();
        let service = hyper::service::service_fn(move |request: hyper::Request<Incoming>| {
            let mut request = request.map(axum::body::Body::new);
            request.extensions_mut().insert(ConnectInfo(peer));
            let app = app.clone();
            async move {
                let Ok(response) = app.oneshot(request).await;
                if response.extensions().get::<HangUp>().is_some() {
                    // An error from the service makes hyper close the
                    // connection without writing an answer.
                    return Err(std::io::Error::other("hang up (fault switch)"));
                }
                Ok(response)
            }
        });
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            let _ = connection.await;
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(GRACE) => eprintln!("stopping with requests still in flight"),
    }
}

/// Completes on SIGTERM (service managers) or Ctrl-C.
pub async fn stop_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => eprintln!("Ctrl-C: stopping"),
        () = terminate => eprintln!("SIGTERM: stopping"),
    }
}
