//! Posting a ticket and sorting out the answer. Nothing here touches the
//! form: the customer's text stays in the form's signals whatever happens.

use crate::retry::{Failure, is_retryable, parse_retry_after};
use leptos::prelude::set_timeout_with_handle;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use ticket_core::payload::{Accepted, Rejected, Ticket};
use ticket_core::validate::FieldError;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Long enough for a slow mobile link, short enough that a stalled request
/// turns into a visible retry instead of an endless spinner.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(20);

#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// 2xx with a ticket reference.
    Accepted(String),
    /// 422: what is wrong, field by field.
    Rejected(Vec<FieldError>),
    /// Worth sending again with the same idempotency key.
    Retry {
        failure: Failure,
        retry_after_s: Option<u32>,
    },
    /// Other 4xx: sending again will not help; show what the server said.
    Refused { status: u16, detail: String },
}

pub struct Attempt<'a> {
    pub endpoint: &'a str,
    pub ticket: &'a Ticket,
    pub idempotency_key: &'a str,
    pub csrf_token: Option<&'a str>,
}

pub async fn post_ticket(attempt: Attempt<'_>) -> Outcome {
    let controller = web_sys::AbortController::new().ok();
    let timed_out = Rc::new(Cell::new(false));
    let timer = controller.clone().and_then(|c| {
        let timed_out = Rc::clone(&timed_out);
        set_timeout_with_handle(
            move || {
                timed_out.set(true);
                c.abort();
            },
            REQUEST_TIMEOUT,
        )
        .ok()
    });
    let network = |timed_out: bool| Outcome::Retry {
        failure: if timed_out {
            Failure::Timeout
        } else {
            Failure::Network
        },
        retry_after_s: None,
    };
    let signal = controller.as_ref().map(|c| c.signal());
    let outcome = match request(&attempt, signal.as_ref()) {
        Err(_) => network(false),
        Ok(request) => match JsFuture::from(fetch(&request)).await {
            Err(_) => network(timed_out.get()),
            Ok(response) => {
                let response: web_sys::Response = response.unchecked_into();
                let status = response.status();
                let retry_after = parse_retry_after(
                    response
                        .headers()
                        .get("Retry-After")
                        .ok()
                        .flatten()
                        .as_deref(),
                );
                match text(&response).await {
                    Some(body) => classify(status, &body, retry_after),
                    // The answer was cut off: the ticket may or may not be
                    // stored, and the idempotency key makes a retry safe.
                    None => network(timed_out.get()),
                }
            }
        },
    };
    if let Some(t) = timer {
        t.clear();
    }
    outcome
}

#[wasm_bindgen]
extern "C" {
    /// The global `fetch`, not `window.fetch`: no window lookup (as gloo-net
    /// does it).
    #[wasm_bindgen(js_name = fetch)]
    fn fetch(request: &web_sys::Request) -> js_sys::Promise;
}

/// The POST with its headers; an error when the browser refuses to build it
/// (a malformed endpoint or header value).
fn request(
    attempt: &Attempt<'_>,
    signal: Option<&web_sys::AbortSignal>,
) -> Result<web_sys::Request, JsValue> {
    let headers = web_sys::Headers::new()?;
    headers.set("Idempotency-Key", attempt.idempotency_key)?;
    if let Some(token) = attempt.csrf_token {
        headers.set("X-CSRF-Token", token)?;
    }
    headers.set("Content-Type", "application/json")?;
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_signal(signal);
    init.set_body(&JsValue::from(attempt.ticket.to_json()));
    web_sys::Request::new_with_str_and_init(attempt.endpoint, &init)
}

/// The whole answer as text; `None` when it was cut off.
async fn text(response: &web_sys::Response) -> Option<String> {
    let body = JsFuture::from(response.text().ok()?).await.ok()?;
    body.as_string()
}

/// Pure, so the mapping is tested natively.
pub fn classify(status: u16, body: &str, retry_after_s: Option<u32>) -> Outcome {
    match status {
        200..=299 => match Accepted::from_json(body) {
            Some(a) if !a.reference.is_empty() => Outcome::Accepted(a.reference),
            _ => Outcome::Retry {
                failure: Failure::Server(status),
                retry_after_s,
            },
        },
        422 => match Rejected::from_json(body) {
            Some(r) if !r.errors.is_empty() => Outcome::Rejected(r.errors),
            _ => Outcome::Refused {
                status,
                detail: short_detail(body),
            },
        },
        s if is_retryable(s) => Outcome::Retry {
            failure: Failure::Server(s),
            retry_after_s,
        },
        _ => Outcome::Refused {
            status,
            detail: short_detail(body),
        },
    }
}

/// A server's error text, shortened and shown as plain text (never HTML).
fn short_detail(body: &str) -> String {
    let codes: Option<Vec<String>> =
        Rejected::from_json(body).map(|r| r.errors.into_iter().map(|e| e.code).collect());
    let text = match codes {
        Some(c) if !c.is_empty() => c.join(", "),
        _ => body.trim().to_owned(),
    };
    text.chars().take(200).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_answers() {
        assert_eq!(
            classify(201, r#"{"reference":"LK-1"}"#, None),
            Outcome::Accepted("LK-1".into())
        );
        assert_eq!(
            classify(201, "oops", None),
            Outcome::Retry {
                failure: Failure::Server(201),
                retry_after_s: None
            }
        );
        assert_eq!(
            classify(
                422,
                r#"{"errors":[{"field":"email","code":"email.no_at"}]}"#,
                None
            ),
            Outcome::Rejected(vec![FieldError {
                field: "email".into(),
                code: "email.no_at".into()
            }])
        );
        assert_eq!(
            classify(503, "", Some(3)),
            Outcome::Retry {
                failure: Failure::Server(503),
                retry_after_s: Some(3)
            }
        );
        assert_eq!(
            classify(429, "", None),
            Outcome::Retry {
                failure: Failure::Server(429),
                retry_after_s: None
            }
        );
        assert_eq!(
            classify(
                413,
                r#"{"errors":[{"field":"body","code":"body.too_large"}]}"#,
                None
            ),
            Outcome::Refused {
                status: 413,
                detail: "body.too_large".into()
            }
        );
        let long = "<html>".repeat(100);
        match classify(403, &long, None) {
            Outcome::Refused { detail, .. } => assert_eq!(detail.chars().count(), 200),
            other => panic!("{other:?}"),
        }
    }
}
