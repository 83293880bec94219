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
