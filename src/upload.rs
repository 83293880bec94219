//! Posting one attachment and sorting out the answer, as `submit.rs` does
//! for the ticket (same timeout, same idea of what is worth retrying).

use crate::exchange::{Exchange, exchange, keyed_headers, only_http};
use crate::retry::{Failure, is_retryable};
use gloo_net::http::{Headers, Request};
use serde::{Deserialize, Serialize};
use std::time::Duration;
use ticket_core::attachment::payload::{is_sha256_hex, is_valid_id};

/// Longer than a ticket's: a 10 MB file on a slow uplink takes a while.
const UPLOAD_TIMEOUT: Duration = Duration::from_secs(120);

/// What the receiver answers a stored upload with (`201`, or `200` for a
/// repeat of the same key).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stored {
    pub id: String,
    pub sha256: String,
    pub size: u64,
    /// The display name as the receiver cleaned it (absent on receivers
    /// that do not say).
    #[serde(default)]
    pub name: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum UploadOutcome {
    Stored(Stored),
    /// Worth sending again with the same idempotency key.
    Retry {
        failure: Failure,
        retry_after_s: Option<u32>,
    },
    /// Sending again cannot help; `code` is the receiver's error code if
    /// it gave one (`attachment.too_large`, …).
    Refused {
        status: u16,
        code: Option<String>,
    },
    /// The browser would not build the request from the page's settings.
    BadConfig,
}

pub struct Upload<'a> {
    /// The ticket endpoint; the file goes to `{endpoint}/attachments`.
    pub endpoint: &'a str,
    pub bytes: &'a js_sys::Uint8Array,
    pub content_type: &'a str,
    pub name: &'a str,
    pub idempotency_key: &'a str,
    pub csrf_token: Option<&'a str>,
}

/// `{endpoint}/attachments`, whether or not the endpoint ends in `/`.
pub fn upload_url(endpoint: &str) -> String {
    format!("{}/attachments", endpoint.trim_end_matches('/'))
}

pub async fn post_attachment(upload: Upload<'_>) -> UploadOutcome {
    match exchange(|signal| request(&upload, signal), UPLOAD_TIMEOUT).await {
        Exchange::NotBuilt => UploadOutcome::BadConfig,
        Exchange::Failed(failure) => UploadOutcome::Retry {
            failure,
            retry_after_s: None,
        },
        Exchange::Answered {
            status,
            body,
            retry_after_s,
        } => classify(status, &body, retry_after_s),
    }
}

fn request(upload: &Upload<'_>, signal: Option<&web_sys::AbortSignal>) -> Option<Request> {
    let headers = keyed_headers(
        upload.idempotency_key,
        upload.csrf_token,
        upload.content_type,
    )?;
    // Percent-encoded so that any name (Chinese, spaces, quotes) is a valid
    // header value; the receiver decodes and cleans it for display.
    let name = String::from(js_sys::encode_uri_component(upload.name));
    headers.set("X-Filename", &name).ok()?;
    let request = Request::post(&upload_url(upload.endpoint))
        .headers(Headers::from_raw(headers))
        .abort_signal(signal)
        .body(upload.bytes.clone())
        .ok()?;
    only_http(request)
}

/// Pure, so the mapping is tested natively.
pub fn classify(status: u16, body: &str, retry_after_s: Option<u32>) -> UploadOutcome {
    let code = || {
        serde_json::from_str::<serde_json::Value>(body)
            .ok()?
            .get("errors")?
            .get(0)?
            .get("code")?
            .as_str()
            .map(str::to_owned)
    };
    match status {
        200..=299 => match serde_json::from_str::<Stored>(body) {
            Ok(s) if is_valid_id(&s.id) && is_sha256_hex(&s.sha256) => UploadOutcome::Stored(s),
            // Stored, perhaps, but without an id the ticket cannot name it.
            _ => UploadOutcome::Refused { status, code: None },
        },
        s if is_retryable(s) => UploadOutcome::Retry {
            failure: Failure::Server(s),
            retry_after_s,
        },
        _ => UploadOutcome::Refused {
            status,
            code: code(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_answers() {
        let sha = "ab".repeat(32);
        let body = format!(r#"{{"id":"att_1","sha256":"{sha}","size":3,"name":"a.png"}}"#);
        assert_eq!(
            classify(201, &body, None),
            UploadOutcome::Stored(Stored {
                id: "att_1".into(),
                sha256: sha.clone(),
                size: 3,
                name: Some("a.png".into())
            })
        );
        assert!(matches!(
            classify(200, &body, None),
            UploadOutcome::Stored(_)
        ));
        for bad in ["", "{}", r#"{"id":"../x","sha256":"","size":1}"#] {
            assert_eq!(
                classify(201, bad, None),
                UploadOutcome::Refused {
                    status: 201,
                    code: None
                },
                "{bad}"
            );
        }
        assert_eq!(
            classify(503, "", Some(2)),
            UploadOutcome::Retry {
                failure: Failure::Server(503),
                retry_after_s: Some(2)
            }
        );
        assert_eq!(
            classify(
                415,
                r#"{"errors":[{"field":"body","code":"attachment.type_not_allowed"}]}"#,
                None
            ),
            UploadOutcome::Refused {
                status: 415,
                code: Some("attachment.type_not_allowed".into())
            }
        );
    }

    #[test]
    fn the_url_is_beside_the_endpoint() {
        assert_eq!(upload_url("/api/tickets"), "/api/tickets/attachments");
        assert_eq!(upload_url("/api/tickets/"), "/api/tickets/attachments");
    }
}
