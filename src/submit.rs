//! Posting a ticket and sorting out the answer. Nothing here touches the
//! form: the customer's text stays in the form's signals whatever happens.

use crate::retry::{Failure, is_retryable, parse_retry_after};
use gloo_net::http::{Headers, Request};
use leptos::prelude::set_timeout_with_handle;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use ticket_core::payload::{Accepted, Rejected, Ticket};
use ticket_core::validate::FieldError;

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
    /// The browser would not build the request from the host page's
    /// settings (an endpoint that is no http(s) URL, a header value with a
    /// line break). Nothing was sent, and sending again cannot help.
    BadConfig,
}

pub struct Attempt<'a> {
    pub endpoint: &'a str,
    pub ticket: &'a Ticket,
    pub idempotency_key: &'a str,
    pub csrf_token: Option<&'a str>,
}

pub async fn post_ticket(attempt: Attempt<'_>) -> Outcome {
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let Some(request) = request(&attempt, signal.as_ref()) else {
        return Outcome::BadConfig;
    };
    let timed_out = Rc::new(Cell::new(false));
    let timer = controller.and_then(|c| {
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
    let outcome = match request.send().await {
        Err(_) => network(timed_out.get()),
        Ok(response) => {
            let status = response.status();
            let retry_after = parse_retry_after(response.headers().get("Retry-After").as_deref());
            match response.text().await {
                Ok(body) => classify(status, &body, retry_after),
                // The answer was cut off: the ticket may or may not be
                // stored, and the idempotency key makes a retry safe.
                Err(_) => network(timed_out.get()),
            }
        }
    };
    if let Some(t) = timer {
        t.clear();
    }
    outcome
}

/// The POST with its headers and JSON body; `None` when the browser refuses
/// to build it from the host page's settings.
fn request(attempt: &Attempt<'_>, signal: Option<&web_sys::AbortSignal>) -> Option<Request> {
    // Set on `web_sys::Headers`, whose errors are returned: gloo-net's own
    // `header()` throws on a value the browser refuses.
    let headers = web_sys::Headers::new().ok()?;
    headers
        .set("Idempotency-Key", attempt.idempotency_key)
        .ok()?;
    if let Some(token) = attempt.csrf_token {
        headers.set("X-CSRF-Token", token).ok()?;
    }
    // `json()` adds `Content-Type: application/json`.
    let request = Request::post(attempt.endpoint)
        .headers(Headers::from_raw(headers))
        .abort_signal(signal)
        .json(attempt.ticket)
        .ok()?;
    // `javascript:`, `data:` and the like build fine but can only fail.
    is_http_url(&request.url()).then_some(request)
}

/// The resolved URL of the request is one `fetch` can post to.
fn is_http_url(url: &str) -> bool {
    let scheme = url.split_once(':').map_or("", |(s, _)| s);
    scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http")
}

/// Pure, so the mapping is tested natively.
pub fn classify(status: u16, body: &str, retry_after_s: Option<u32>) -> Outcome {
    match status {
        200..=299 => match serde_json::from_str::<Accepted>(body) {
            Ok(a) if !a.reference.is_empty() => Outcome::Accepted(a.reference),
            _ => Outcome::Retry {
                failure: Failure::Server(status),
                retry_after_s,
            },
        },
        422 => match serde_json::from_str::<Rejected>(body) {
            Ok(r) if !r.errors.is_empty() => Outcome::Rejected(r.errors),
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
    let codes: Option<Vec<String>> = serde_json::from_str::<Rejected>(body)
        .ok()
        .map(|r| r.errors.into_iter().map(|e| e.code).collect());
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
        assert_eq!(
            classify(201, r#"{"reference":"LK-2","extra":{"a":[1]}}"#, None),
            Outcome::Accepted("LK-2".into())
        );
        let long = "<html>".repeat(100);
        match classify(403, &long, None) {
            Outcome::Refused { detail, .. } => assert_eq!(detail.chars().count(), 200),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn only_http_urls_are_posted_to() {
        for ok in [
            "https://example.com/api",
            "http://127.0.0.1:8787/api/tickets",
            "HTTPS://x/",
        ] {
            assert!(is_http_url(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "data:text/plain,x",
            "file:///etc",
            "",
            "/api",
        ] {
            assert!(!is_http_url(bad), "{bad}");
        }
    }
}
