//! Posting a ticket and sorting out the answer. Nothing here touches the
//! form: the customer's text stays in the form's signals whatever happens.

use crate::exchange::{Exchange, exchange, keyed_headers, only_http};
use crate::retry::{Failure, is_retryable};
use gloo_net::http::{Headers, Request};
use std::time::Duration;
use ticket_core::payload::{FormSignals, Rejected, Ticket};
use ticket_core::validate::FieldError;

/// Long enough for a slow mobile link, short enough that a stalled request
/// turns into a visible retry instead of an endless spinner.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(20);

#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// 2xx: the ticket is stored, with its reference if the server gave one
    /// (a 2xx is never sent again: that would store it twice).
    Accepted(Option<String>),
    /// 422: what is wrong, field by field.
    Rejected(Vec<FieldError>),
    /// 422 on attachments only, each `attachment.unknown` or
    /// `attachment.mismatch`: the receiver no longer holds these files (by
    /// their position in the ticket's `attachments`). They are uploaded
    /// again and the ticket resent.
    FilesLost(Vec<usize>),
    /// 422 on `form.pow` only: the proof of work is missing, expired,
    /// spent or from before the receiver restarted. A new one is worked out
    /// and the ticket sent again.
    NeedsProof,
    /// 409 `idempotency.conflict`: this key already delivered another
    /// version of the ticket (stored as `first_reference`); these changes
    /// need a key of their own.
    Conflict { first_reference: Option<String> },
    /// Worth sending again with the same idempotency key.
    Retry {
        failure: Failure,
        retry_after_s: Option<u32>,
    },
    /// Other 4xx: sending again will not help. `body` is what the server
    /// answered, for the page's console: never shown to the customer, who
    /// is told in plain words instead.
    Refused { status: u16, body: String },
    /// The browser would not build the request from the host page's
    /// settings (an endpoint that is no http(s) URL, a header value with a
    /// line break). Nothing was sent, and sending again cannot help.
    BadConfig,
}

pub struct Attempt<'a> {
    pub endpoint: &'a str,
    pub ticket: &'a Ticket,
    /// Posted beside the ticket (`form`), for the receiver's spam checks.
    pub form: &'a FormSignals,
    pub idempotency_key: &'a str,
    pub csrf_token: Option<&'a str>,
}

pub async fn post_ticket(attempt: Attempt<'_>) -> Outcome {
    match exchange(|signal| request(&attempt, signal), REQUEST_TIMEOUT).await {
        Exchange::NotBuilt => Outcome::BadConfig,
        Exchange::Failed(failure) => Outcome::Retry {
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

/// The POST with its headers and JSON body; `None` when the browser refuses
/// to build it from the host page's settings.
fn request(attempt: &Attempt<'_>, signal: Option<&web_sys::AbortSignal>) -> Option<Request> {
    let headers = keyed_headers(
        attempt.idempotency_key,
        attempt.csrf_token,
        "application/json",
    )?;
    let body = attempt.ticket.to_json_with_form(attempt.form);
    let request = Request::post(attempt.endpoint)
        .headers(Headers::from_raw(headers))
        .abort_signal(signal)
        .body(body)
        .ok()?;
    only_http(request)
}

/// Pure, so the mapping is tested natively.
pub fn classify(status: u16, body: &str, retry_after_s: Option<u32>) -> Outcome {
    let answer = serde_json::from_str::<serde_json::Value>(body).ok();
    let reference = answer
        .as_ref()
        .and_then(|a| a.get("reference")?.as_str())
        .filter(|r| !r.trim().is_empty())
        .map(str::to_owned);
    let errors = answer
        .as_ref()
        .and_then(|a| a.get("errors")?.as_array())
        .map_or(&[][..], Vec::as_slice);
    let has_code = |code: &str| errors.iter().any(|e| e.get("code") == Some(&code.into()));
    let only_on = |field: &str| {
        !errors.is_empty() && errors.iter().all(|e| e.get("field") == Some(&field.into()))
    };
    match status {
        200..=299 => Outcome::Accepted(reference),
        409 if has_code("idempotency.conflict") => Outcome::Conflict {
            first_reference: reference,
        },
        422 if only_on("form.pow") => Outcome::NeedsProof,
        422 if lost_files(errors).is_some() => {
            Outcome::FilesLost(lost_files(errors).unwrap_or_default())
        }
        // The receiver's minimum fill time: a fast person, or a draft sent
        // at once. Waiting `Retry-After` and sending again is all it takes.
        429 if has_code("spam.too_fast") => Outcome::Retry {
            failure: Failure::TooFast,
            retry_after_s,
        },
        422 => match serde_json::from_str::<Rejected>(body) {
            Ok(r) if !r.errors.is_empty() => Outcome::Rejected(r.errors),
            _ => refused(status, body),
        },
        s if is_retryable(s) => Outcome::Retry {
            failure: Failure::Server(s),
            retry_after_s,
        },
        _ => refused(status, body),
    }
}

/// The positions of the files named, if every error is a lost file.
fn lost_files(errors: &[serde_json::Value]) -> Option<Vec<usize>> {
    use ticket_core::attachment::payload::{MISMATCH, UNKNOWN};
    let mut lost = Vec::new();
    for e in errors {
        let code = e.get("code")?.as_str()?;
        if code != UNKNOWN && code != MISMATCH {
            return None;
        }
        let index = e
            .get("field")?
            .as_str()?
            .strip_prefix("attachments[")?
            .split_once(']')?
            .0
            .parse()
            .ok()?;
        if !lost.contains(&index) {
            lost.push(index);
        }
    }
    (!lost.is_empty()).then_some(lost)
}

/// The server's answer, cut short for the console.
fn refused(status: u16, body: &str) -> Outcome {
    Outcome::Refused {
        status,
        body: body.trim().chars().take(500).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_answers() {
        assert_eq!(
            classify(201, r#"{"reference":"LK-1"}"#, None),
            Outcome::Accepted(Some("LK-1".into()))
        );
        assert_eq!(
            classify(201, r#"{"reference":"LK-2","extra":{"a":[1]}}"#, None),
            Outcome::Accepted(Some("LK-2".into()))
        );
        // Stored all the same: confirmed without a reference, never resent.
        for body in ["oops", "{}", r#"{"reference":""}"#, ""] {
            assert_eq!(classify(201, body, None), Outcome::Accepted(None), "{body}");
        }
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
        let too_large = r#"{"errors":[{"field":"body","code":"body.too_large"}]}"#;
        assert_eq!(
            classify(413, too_large, None),
            Outcome::Refused {
                status: 413,
                body: too_large.into()
            }
        );
        let long = "<html>".repeat(100);
        match classify(403, &long, None) {
            Outcome::Refused { body, .. } => assert_eq!(body.chars().count(), 500),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_key_that_delivered_another_version_is_a_conflict() {
        let body = r#"{"errors":[{"field":"idempotency_key","code":"idempotency.conflict"}],"reference":"LK-7"}"#;
        assert_eq!(
            classify(409, body, None),
            Outcome::Conflict {
                first_reference: Some("LK-7".into())
            }
        );
        // Another 409 is refused like any 4xx.
        assert!(matches!(
            classify(409, "{}", None),
            Outcome::Refused { status: 409, .. }
        ));
    }

    #[test]
    fn proof_of_work_and_fill_time_refusals_are_retried() {
        for code in ["pow.missing", "pow.expired", "pow.replayed", "pow.invalid"] {
            let body = format!(r#"{{"errors":[{{"field":"form.pow","code":"{code}"}}]}}"#);
            assert_eq!(classify(422, &body, None), Outcome::NeedsProof, "{code}");
        }
        let too_fast = r#"{"errors":[{"field":"form.fill_ms","code":"spam.too_fast"}]}"#;
        assert_eq!(
            classify(429, too_fast, Some(2)),
            Outcome::Retry {
                failure: Failure::TooFast,
                retry_after_s: Some(2)
            }
        );
        // A honeypot refusal is final: not a field the customer can fix.
        let honeypot = r#"{"errors":[{"field":"form.honeypot","code":"spam.honeypot"}]}"#;
        assert_eq!(
            classify(422, honeypot, None),
            Outcome::Rejected(vec![FieldError {
                field: "form.honeypot".into(),
                code: "spam.honeypot".into()
            }])
        );
    }

    #[test]
    fn files_the_receiver_no_longer_holds_are_sent_again() {
        let body = r#"{"errors":[{"field":"attachments[1].id","code":"attachment.unknown"},
            {"field":"attachments[0].sha256","code":"attachment.mismatch"},
            {"field":"attachments[0].size","code":"attachment.mismatch"}]}"#;
        assert_eq!(classify(422, body, None), Outcome::FilesLost(vec![1, 0]));
        // Mixed with anything else, the errors are the customer's to see.
        let mixed = r#"{"errors":[{"field":"attachments[0].id","code":"attachment.unknown"},
            {"field":"email","code":"email.no_at"}]}"#;
        assert!(matches!(classify(422, mixed, None), Outcome::Rejected(_)));
        for odd in [
            r#"{"errors":[{"field":"attachments[x].id","code":"attachment.unknown"}]}"#,
            r#"{"errors":[{"field":"attachments","code":"attachment.unknown"}]}"#,
            r#"{"errors":[{"field":"attachments[0].id","code":"attachment.id_invalid"}]}"#,
        ] {
            assert!(
                matches!(classify(422, odd, None), Outcome::Rejected(_)),
                "{odd}"
            );
        }
    }
}
