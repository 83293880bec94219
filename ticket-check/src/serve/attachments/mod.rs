//! `POST {endpoint}/attachments` (`/api/tickets/attachments`): one file
//! per request, the raw bytes as the body, with `Content-Type`, a
//! percent-encoded `X-Filename` and its own `Idempotency-Key`.
//!
//! - `201 {"id", "sha256", "size", "type", "name"}`: stored (`name` as
//!   cleaned for display). The same key with the same bytes again answers
//!   `200` with the same body (as a repeated ticket does); with other
//!   bytes `409 idempotency.conflict`, naming the first upload's `id`.
//! - `400`: a missing or bad `Idempotency-Key` or `X-Filename`, or an
//!   empty body (`attachment.empty`).
//! - `413 attachment.too_large`: over 10 MB; refused from the
//!   `Content-Length` before any byte is read, else after at most 10 MB + 1
//!   byte, and the connection closes.
//! - `415 attachment.type_not_allowed`: the content is not PNG, JPEG,
//!   WebP, GIF, PDF or text (an executable, whatever its name), and
//!   `415 attachment.type_mismatch`: the `Content-Type` does not name the
//!   type the content has.
//!
//! - `429 rate.limited` with `Retry-After`: the client IP stored as many
//!   new uploads as [`upload_limits`] allows (repeats are free).
//!
//! A ticket names its files in `attachments`; [`check_ticket`] refuses
//! (422) ids the receiver did not issue and a `sha256`, `size` or `type`
//! other than stored, each by its path (`attachments[0].id`).

mod body;
mod headers;
pub mod private;

use super::State;
use super::reply::Reply;
use crate::limits::{Limits, Rate};
use crate::reference::now_unix;
use crate::store::Admit;
use crate::store::attachments::{Record, Saved};
use axum::body::Body;
use axum::extract::{ConnectInfo, State as Shared};
use axum::http::HeaderMap;
use axum::http::header::{CONNECTION, RETRY_AFTER};
use body::UploadError;
use sha2::{Digest, Sha256};
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use ticket_core::Ticket;
use ticket_core::attachment::{LIMITS, Sniffed, declared, exif, limits, sniff};
use ticket_core::validate::FieldError;

fn too_large() -> Reply {
    Reply::error(413, "body", limits::TOO_LARGE).with_header(CONNECTION, "close".to_owned())
}

/// Uploads per client IP: the ticket limit (`--rate-ip`) times the files a
/// ticket may carry, so a customer who may send N tickets may upload
/// their files, while one address cannot fill the disk.
pub fn upload_limits(per_ip: Option<Rate>) -> Limits {
    let per_ip = per_ip.map(|rate| Rate {
        count: rate.count.saturating_mul(LIMITS.max_files),
        window: rate.window,
    });
    Limits::new(per_ip, None)
}

pub async fn post(
    Shared(state): Shared<Arc<State>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Body,
) -> Reply {
    let upload = match headers::read(&headers) {
        Ok(upload) => upload,
        Err(reply) => return reply,
    };
    let max = LIMITS.max_file_bytes;
    if headers::content_length(&headers).is_some_and(|n| n > max) {
        return too_large();
    }
    let bytes = match body::read_at_most(body, usize::try_from(max).unwrap_or(usize::MAX)).await {
        Ok(bytes) => bytes,
        Err(UploadError::TooLarge) => return too_large(),
        Err(UploadError::Broken) => return Reply::hang_up(),
    };
    let ip = super::tickets::client_ip(&state, peer, &headers);
    let shared = Arc::clone(&state);
    state
        .faults
        .around_upload(|| async move { receive(&shared, ip, upload, &bytes).await })
        .await
}

async fn receive(state: &Arc<State>, ip: String, upload: headers::Upload, bytes: &[u8]) -> Reply {
    let kind = match sniff(bytes) {
        Sniffed::Allowed(kind) => kind,
        Sniffed::Empty => return Reply::error(400, "body", limits::EMPTY),
        Sniffed::Executable(format) => {
            eprintln!("refused an upload: a {format} executable");
            return Reply::error(415, "body", limits::TYPE_NOT_ALLOWED);
        }
        Sniffed::Unknown => return Reply::error(415, "body", limits::TYPE_NOT_ALLOWED),
    };
    if !declared::agrees(&upload.content_type, kind) {
        return Reply::error(415, "content_type", declared::TYPE_MISMATCH);
    }
    let metadata = if kind == ticket_core::attachment::Kind::Jpeg {
        // A JPEG the reader cannot follow is still stored: browsers show
        // such files, and support may need them.
        exif::inspect(bytes).unwrap_or_default()
    } else {
        exif::Metadata::default()
    };
    let sha256 = hex(&Sha256::digest(bytes));
    let record = Record {
        id: new_id(&sha256),
        sha256,
        size: bytes.len() as u64,
        r#type: kind.mime().to_owned(),
        name: upload.name,
        exif: metadata.exif,
        gps: metadata.gps,
        created_at: now_unix(),
    };
    let store = Arc::clone(state);
    let bytes = bytes.to_vec();
    let key = upload.key;
    let limiter = Arc::clone(state);
    let admit: Admit = Box::new(move || limiter.upload_limits.admit(&ip, ""));
    let saved = tokio::task::spawn_blocking(move || {
        store.attachments.save(&key, record, &bytes, Some(admit))
    })
    .await;
    match saved {
        Ok(Ok(Saved::New(record))) => {
            eprintln!(
                "stored attachment {} ({}, {} bytes{})",
                record.id,
                record.r#type,
                record.size,
                if record.gps { ", EXIF with GPS" } else { "" }
            );
            Reply::json(201, &answer(&record))
        }
        Ok(Ok(Saved::Repeat(record))) => Reply::json(200, &answer(&record)),
        Ok(Ok(Saved::Conflict(record))) => {
            eprintln!(
                "key of attachment {} reused for other bytes: 409",
                record.id
            );
            Reply::json(
                409,
                &serde_json::json!({
                    "errors": [{ "field": "idempotency_key", "code": "idempotency.conflict" }],
                    "id": record.id,
                }),
            )
        }
        Ok(Ok(Saved::Limited(limited))) => {
            eprintln!(
                "upload rate limit: refused for {} s",
                limited.retry_after_secs
            );
            Reply::error(429, limited.field, "rate.limited")
                .with_header(RETRY_AFTER, limited.retry_after_secs.to_string())
        }
        Ok(Err(e)) => {
            eprintln!("could not store an attachment: {e}");
            Reply::error(503, "store", "store.unavailable")
        }
        Err(e) => {
            eprintln!("the attachment task failed: {e}");
            Reply::error(503, "store", "store.unavailable")
        }
    }
}

fn answer(record: &Record) -> serde_json::Value {
    serde_json::json!({
        "id": record.id,
        "sha256": record.sha256,
        "size": record.size,
        "type": record.r#type,
        "name": record.name,
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `att_` and 32 hex digits. Unique (time, a counter, the process) rather
/// than secret: a ticket must also name the file's SHA-256 and size, so
/// knowing an id alone gives nothing.
fn new_id(sha256: &str) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let seed = format!(
        "{nanos}:{}:{}:{sha256}",
        COUNTER.fetch_add(1, Ordering::Relaxed),
        std::process::id()
    );
    format!("att_{}", hex(&Sha256::digest(seed.as_bytes())[..16]))
}

/// 422 (as `Reply`) when the ticket names an attachment the receiver did
/// not store, or one whose `sha256`, `size` or `type` differ from what it
/// stored; each error by its path, as every 422 does.
pub async fn check_ticket(state: &Arc<State>, ticket: &Ticket) -> Result<(), Reply> {
    if ticket.attachments.is_empty() {
        return Ok(());
    }
    let ids: Vec<String> = ticket.attachments.iter().map(|a| a.id.clone()).collect();
    let store = Arc::clone(state);
    let found = tokio::task::spawn_blocking(move || {
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        store.attachments.find(&ids)
    })
    .await;
    let found = match found {
        Ok(Ok(found)) => found,
        Ok(Err(e)) => {
            eprintln!("could not read the attachments: {e}");
            return Err(Reply::error(503, "store", "store.unavailable"));
        }
        Err(e) => {
            eprintln!("the attachment task failed: {e}");
            return Err(Reply::error(503, "store", "store.unavailable"));
        }
    };
    let mut errors = Vec::new();
    let mut push = |field: String, code: &str| {
        errors.push(FieldError {
            field,
            code: code.to_owned(),
        });
    };
    for (i, a) in ticket.attachments.iter().enumerate() {
        let Some(stored) = found.get(&a.id) else {
            push(format!("attachments[{i}].id"), UNKNOWN);
            continue;
        };
        if stored.sha256 != a.sha256 {
            push(format!("attachments[{i}].sha256"), MISMATCH);
        }
        if stored.size != a.size {
            push(format!("attachments[{i}].size"), MISMATCH);
        }
        if stored.r#type != a.r#type {
            push(format!("attachments[{i}].type"), MISMATCH);
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Reply::json(422, &serde_json::json!({ "errors": errors })))
    }
}

pub use ticket_core::attachment::payload::{MISMATCH, UNKNOWN};
