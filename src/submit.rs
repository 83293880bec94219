//! Posting a ticket and sorting out the answer. Nothing here touches the
//! form: the customer's text stays in the form's signals whatever happens.

use ticket_core::payload::{Accepted, Rejected, Ticket};
use ticket_core::validate::FieldError;

#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// 2xx with a ticket reference.
    Accepted(String),
    /// 422: what is wrong, field by field.
    Rejected(Vec<FieldError>),
    /// 5xx (or a 2xx without a reference): worth trying again.
    ServerError(u16),
    /// Other 4xx: trying again will not help; show what the server said.
    Refused { status: u16, detail: String },
    /// No answer at all (offline, DNS, CORS, connection reset).
    Network,
}

pub async fn post_ticket(endpoint: &str, ticket: &Ticket) -> Outcome {
    let request = match gloo_net::http::Request::post(endpoint).json(ticket) {
        Ok(r) => r,
        Err(_) => return Outcome::Network,
    };
    let response = match request.send().await {
        Ok(r) => r,
        Err(_) => return Outcome::Network,
    };
    let status = response.status();
    let body = response.text().await.unwrap_or_default();
    classify(status, &body)
}

/// Pure, so the mapping is tested natively.
pub fn classify(status: u16, body: &str) -> Outcome {
    match status {
        200..=299 => match serde_json::from_str::<Accepted>(body) {
            Ok(a) if !a.reference.is_empty() => Outcome::Accepted(a.reference),
            _ => Outcome::ServerError(status),
        },
        422 => match serde_json::from_str::<Rejected>(body) {
            Ok(r) if !r.errors.is_empty() => Outcome::Rejected(r.errors),
            _ => Outcome::Refused {
                status,
                detail: short_detail(body),
            },
        },
        500..=599 => Outcome::ServerError(status),
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
            classify(201, r#"{"reference":"LK-1"}"#),
            Outcome::Accepted("LK-1".into())
        );
        assert_eq!(classify(201, "oops"), Outcome::ServerError(201));
        assert_eq!(
            classify(
                422,
                r#"{"errors":[{"field":"email","code":"email.no_at"}]}"#
            ),
            Outcome::Rejected(vec![FieldError {
                field: "email".into(),
                code: "email.no_at".into()
            }])
        );
        assert_eq!(classify(503, ""), Outcome::ServerError(503));
        assert_eq!(
            classify(
                413,
                r#"{"errors":[{"field":"body","code":"body.too_large"}]}"#
            ),
            Outcome::Refused {
                status: 413,
                detail: "body.too_large".into()
            }
        );
        let long = "<html>".repeat(100);
        match classify(403, &long) {
            Outcome::Refused { detail, .. } => assert_eq!(detail.chars().count(), 200),
            other => panic!("{other:?}"),
        }
    }
}
