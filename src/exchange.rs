//! One HTTP attempt with a time limit, for the ticket (`submit.rs`) and for
//! each attachment (`upload.rs`): what came back, or why nothing did. Each
//! caller sorts the answer out by its own rules.

use crate::retry::{Failure, parse_retry_after};
use gloo_net::http::Request;
use leptos::prelude::set_timeout_with_handle;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

pub enum Exchange {
    /// The request could not be built from the page's settings: nothing
    /// was sent.
    NotBuilt,
    /// No whole answer: the network failed, the time ran out, or the body
    /// was cut off (so the request may or may not have arrived).
    Failed(Failure),
    Answered {
        status: u16,
        body: String,
        retry_after_s: Option<u32>,
    },
}

/// The headers every POST of a ticket or a file carries: its idempotency
/// key, the page's CSRF token if it gave one, and the body's type. Set on
/// `web_sys::Headers`, whose errors are returned (gloo-net's own `header()`
/// throws on a value the browser refuses); `None` then.
pub fn keyed_headers(
    idempotency_key: &str,
    csrf_token: Option<&str>,
    content_type: &str,
) -> Option<web_sys::Headers> {
    let headers = web_sys::Headers::new().ok()?;
    headers.set("Idempotency-Key", idempotency_key).ok()?;
    if let Some(token) = csrf_token {
        headers.set("X-CSRF-Token", token).ok()?;
    }
    headers.set("Content-Type", content_type).ok()?;
    Some(headers)
}

/// `request` if its resolved URL is one `fetch` can post to: `javascript:`,
/// `data:` and the like build fine but can only fail.
pub fn only_http(request: Request) -> Option<Request> {
    is_http_url(&request.url()).then_some(request)
}

fn is_http_url(url: &str) -> bool {
    let scheme = url.split_once(':').map_or("", |(s, _)| s);
    scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http")
}

/// Builds the request with an abort signal (`build` returns `None` when the
/// browser refuses it), sends it, and aborts it after `limit`.
pub async fn exchange(
    build: impl FnOnce(Option<&web_sys::AbortSignal>) -> Option<Request>,
    limit: Duration,
) -> Exchange {
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let Some(request) = build(signal.as_ref()) else {
        return Exchange::NotBuilt;
    };
    let timed_out = Rc::new(Cell::new(false));
    let timer = controller.and_then(|c| {
        let timed_out = Rc::clone(&timed_out);
        set_timeout_with_handle(
            move || {
                timed_out.set(true);
                c.abort();
            },
            limit,
        )
        .ok()
    });
    let failed = |timed_out: bool| {
        Exchange::Failed(if timed_out {
            Failure::Timeout
        } else {
            Failure::Network
        })
    };
    let outcome = match request.send().await {
        Err(_) => failed(timed_out.get()),
        Ok(response) => {
            let status = response.status();
            let retry_after_s = parse_retry_after(response.headers().get("Retry-After").as_deref());
            match response.text().await {
                Ok(body) => Exchange::Answered {
                    status,
                    body,
                    retry_after_s,
                },
                Err(_) => failed(timed_out.get()),
            }
        }
    };
    if let Some(t) = timer {
        t.clear();
    }
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;

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
