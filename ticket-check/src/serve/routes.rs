//! Which path and method get which answer, and the headers every answer
//! carries.

use super::State;
use super::body::{self, BodyError};
use super::reply::Reply;
use super::{attachments, statics, tickets};
use axum::Router;
use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State as Shared};
use axum::http::{HeaderMap, HeaderValue, Method, Uri, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use std::net::SocketAddr;
use std::sync::Arc;

pub const TICKETS_PATH: &str = "/api/tickets";
/// The proof-of-work challenge, `{endpoint}/challenge` for the widget;
/// 404 unless `--pow-bits` asks for a proof.
pub const CHALLENGE_PATH: &str = "/api/tickets/challenge";
/// Uploads, one file each (attachments/mod.rs): the tickets path + `/attachments`.
pub const ATTACHMENTS_PATH: &str = "/api/tickets/attachments";
pub const MAX_BODY: usize = 1024 * 1024;
/// Only with `--enable-fault-control` (see faults.rs); 404 otherwise.
const FAULTS_PATH: &str = "/__faults";
const COUNT_PATH: &str = "/__tickets/count";

pub fn router(state: Arc<State>) -> Router {
    Router::new()
        .route(TICKETS_PATH, post(post_ticket).fallback(not_allowed))
        .route(CHALLENGE_PATH, get(challenge).fallback(not_allowed))
        .route(
            ATTACHMENTS_PATH,
            post(attachments::post).fallback(not_allowed),
        )
        .route("/api/health", get(health).fallback(not_allowed))
        .route("/healthz", get(healthz).fallback(not_allowed))
        .route(FAULTS_PATH, any(fault_control))
        .route(COUNT_PATH, any(ticket_count))
        .fallback(static_file)
        .layer(middleware::from_fn(preflight))
        .layer(middleware::map_response(common_headers))
        .with_state(state)
}

async fn read_body(body: Body) -> Result<Vec<u8>, Reply> {
    match body::read(body, MAX_BODY).await {
        Ok(bytes) => Ok(bytes.to_vec()),
        Err(BodyError::TooLarge) => Err(Reply::error(413, "body", "body.too_large")),
        Err(BodyError::Broken) => Err(Reply::hang_up()),
    }
}

async fn post_ticket(
    Shared(state): Shared<Arc<State>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Body,
) -> Reply {
    let body = match read_body(body).await {
        Ok(body) => body,
        Err(reply) => return reply,
    };
    let shared = Arc::clone(&state);
    state
        .faults
        .around(|| async move { tickets::receive(&shared, peer, &headers, &body).await })
        .await
}

async fn challenge(Shared(state): Shared<Arc<State>>) -> Reply {
    if !state.pow.enabled() {
        return not_found().await;
    }
    Reply::json(200, &state.pow.issue(crate::reference::now_unix()))
}

async fn health() -> Reply {
    Reply::json(200, &serde_json::json!({ "ok": true }))
}

/// For load balancers and monitoring: 200 when the store answers.
async fn healthz(Shared(state): Shared<Arc<State>>) -> Reply {
    let store = Arc::clone(&state);
    match tokio::task::spawn_blocking(move || store.store.count()).await {
        Ok(Ok(tickets)) => Reply::json(
            200,
            &serde_json::json!({ "ok": true, "store": "ok", "tickets": tickets }),
        ),
        _ => Reply::json(
            503,
            &serde_json::json!({ "ok": false, "store": "unavailable" }),
        ),
    }
}

async fn not_allowed() -> Reply {
    Reply::error(405, "method", "method.not_allowed")
}

async fn not_found() -> Reply {
    Reply::error(404, "path", "not_found")
}

async fn fault_control(Shared(state): Shared<Arc<State>>, method: Method, body: Body) -> Reply {
    if !state.faults.control_enabled() {
        return not_found().await;
    }
    match read_body(body).await {
        Ok(body) => state.faults.control(&method, &body),
        Err(reply) => reply,
    }
}

async fn ticket_count(Shared(state): Shared<Arc<State>>, method: Method) -> Reply {
    if !state.faults.control_enabled() {
        return not_found().await;
    }
    if method != Method::GET {
        return not_allowed().await;
    }
    match state.store.count() {
        Ok(count) => Reply::json(200, &serde_json::json!({ "count": count })),
        Err(e) => {
            eprintln!("could not count the tickets: {e}");
            Reply::error(503, "store", "store.unavailable")
        }
    }
}

async fn static_file(
    Shared(state): Shared<Arc<State>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Reply {
    if method != Method::GET && method != Method::HEAD {
        return not_allowed().await;
    }
    let Some(dir) = &state.static_dir else {
        return not_found().await;
    };
    let reply = statics::serve_file(dir, uri.path(), &headers).await;
    match &state.csp {
        Some(policy) => reply.with_header(header::CONTENT_SECURITY_POLICY, policy.clone()),
        None => reply,
    }
}

/// Any `OPTIONS` is a CORS preflight: the headers below are the answer.
async fn preflight(request: Request, next: Next) -> Response {
    if request.method() == Method::OPTIONS {
        return Reply::empty(204).into_response();
    }
    next.run(request).await
}

/// The widget may be embedded on another origin than the receiver's, and
/// no answer (a ticket reference, an error) is for a cache: only the static
/// files say how long they keep (statics.rs).
async fn common_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    for (name, value) in [
        (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
        (header::ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, OPTIONS"),
        (
            header::ACCESS_CONTROL_ALLOW_HEADERS,
            "Content-Type, Idempotency-Key, X-CSRF-Token, X-Filename",
        ),
        // Without this a cross-origin widget cannot read how long to wait.
        (header::ACCESS_CONTROL_EXPOSE_HEADERS, "Retry-After"),
        (header::CACHE_CONTROL, "no-store"),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    ] {
        if name != header::CACHE_CONTROL || !headers.contains_key(&name) {
            headers.insert(name, HeaderValue::from_static(value));
        }
    }
    response
}
