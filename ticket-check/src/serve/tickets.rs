//! `POST /api/tickets`: read, check, store, answer.

use super::State;
use super::pow::{self, Verified};
use super::reply::Reply;
use super::spam;
use crate::limits::Limited;
use crate::reference::{new_reference, now_unix};
use crate::store::{Admit, Stored};
use crate::structure;
use axum::http::{HeaderMap, header::CONTENT_TYPE, header::RETRY_AFTER};
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use ticket_core::payload::{Proof, Ticket};
use ticket_core::{policy, trace, validate};

/// The longest `Idempotency-Key` kept; a longer one counts as none.
const MAX_KEY_LEN: usize = 255;

pub async fn receive(
    state: &Arc<State>,
    peer: SocketAddr,
    headers: &HeaderMap,
    body: &[u8],
) -> Reply {
    let is_json = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| {
            ct.trim()
                .to_ascii_lowercase()
                .starts_with("application/json")
        });
    if !is_json {
        return Reply::error(415, "body", "body.not_json");
    }
    // Only a body that is not JSON at all is a 400; JSON that is not a
    // ticket gets a 422 naming every member that is missing or wrong.
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(body) else {
        return Reply::error(400, "body", "body.invalid_json");
    };
    let ticket = match structure::read_ticket(&value) {
        Ok(ticket) => ticket,
        Err(errors) => return Reply::json(422, &serde_json::json!({ "errors": errors })),
    };
    if let Err(refusal) = spam::check(&value, &state.spam) {
        return refusal;
    }
    let proof = value
        .get("form")
        .and_then(|form| form.get("pow"))
        .and_then(|pow| serde_json::from_value::<Proof>(pow.clone()).ok());
    let proof = match state.pow.verify(proof.as_ref(), now_unix()) {
        Ok(proof) => proof,
        Err(code) => {
            eprintln!("refused a ticket: {code}");
            return Reply::error(422, "form.pow", code);
        }
    };
    let errors = validate::validate_ticket(&ticket);
    if !errors.is_empty() {
        return Reply::json(422, &serde_json::json!({ "errors": errors }));
    }
    if let Err(refusal) = super::attachments::check_ticket(state, &ticket).await {
        return refusal;
    }
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .filter(|k| !k.is_empty() && k.len() <= MAX_KEY_LEN)
        .map(str::to_owned);
    let ip = client_ip(state, peer, headers);
    let admit = admit(state, ip, ticket.email.clone(), proof);
    let form = value.get("form").cloned();
    store(state, ticket, form, key, admit).await
}

/// Asked by the store for a new ticket only (a repeated idempotency key is
/// answered before): a proof an accepted ticket already spent is a replay
/// (refused without counting against the rate limits); a ticket the rate
/// limits let through spends its proof.
fn admit(state: &Arc<State>, ip: String, email: String, proof: Option<Verified>) -> Admit {
    let state = Arc::clone(state);
    Box::new(move || {
        if proof.as_ref().is_some_and(|p| state.pow.is_spent(p)) {
            return Err(Limited {
                field: pow::REPLAYED,
                retry_after_secs: 0,
            });
        }
        state.limits.admit(&ip, &email)?;
        if let Some(proof) = &proof {
            state.pow.spend(proof, now_unix());
        }
        Ok(())
    })
}

/// The peer's address, or with `--trust-proxy` the `X-Real-IP` the proxy
/// in front set (a client can send that header too: only trust a proxy
/// that overwrites it).
pub(super) fn client_ip(state: &State, peer: SocketAddr, headers: &HeaderMap) -> String {
    let forwarded = state
        .trust_proxy
        .then(|| {
            headers
                .get("x-real-ip")?
                .to_str()
                .ok()?
                .trim()
                .parse::<IpAddr>()
                .ok()
        })
        .flatten();
    forwarded.unwrap_or(peer.ip()).to_string()
}

async fn store(
    state: &Arc<State>,
    ticket: Ticket,
    form: Option<serde_json::Value>,
    key: Option<String>,
    admit: Admit,
) -> Reply {
    let mut record = stored_record(&ticket);
    if let Some(form) = form {
        record["form"] = form;
    }
    let store_state = Arc::clone(state);
    // The store writes to disk: off the async workers.
    let outcome = tokio::task::spawn_blocking(move || {
        store_state
            .store
            .put_admitted(key.as_deref(), record, new_reference(), Some(admit))
    })
    .await;
    match outcome {
        Ok(Ok(Stored::New(reference))) => {
            eprintln!("stored ticket {reference} ({})", ticket.category);
            Reply::json(201, &serde_json::json!({ "reference": reference }))
        }
        Ok(Ok(Stored::Repeat {
            reference,
            same_ticket: true,
        })) => Reply::json(200, &serde_json::json!({ "reference": reference })),
        // A different ticket under a key already used: the customer edited
        // the form after a send whose answer they never saw (or two tabs
        // share a key). This ticket was not stored, so no success: 409 says
        // the key is taken, and the reference says which ticket did arrive,
        // so the client can tell the customer and send the edit as a new
        // ticket under a new key.
        Ok(Ok(Stored::Repeat {
            reference,
            same_ticket: false,
        })) => {
            eprintln!("key of ticket {reference} reused for a different ticket: 409");
            Reply::json(
                409,
                &serde_json::json!({
                    "errors": [{ "field": "idempotency_key", "code": "idempotency.conflict" }],
                    "reference": reference,
                }),
            )
        }
        Ok(Ok(Stored::Limited(Limited {
            field: pow::REPLAYED,
            ..
        }))) => {
            eprintln!("refused a ticket: its proof of work was already spent");
            Reply::error(422, "form.pow", "pow.replayed")
        }
        Ok(Ok(Stored::Limited(limited))) => {
            eprintln!(
                "rate limit ({}): refused for {} s",
                limited.field, limited.retry_after_secs
            );
            Reply::error(429, limited.field, "rate.limited")
                .with_header(RETRY_AFTER, limited.retry_after_secs.to_string())
        }
        Ok(Err(e)) => {
            eprintln!("could not store a ticket: {e}");
            Reply::error(503, "store", "store.unavailable")
        }
        Err(e) => {
            eprintln!("the store task failed: {e}");
            Reply::error(503, "store", "store.unavailable")
        }
    }
}

/// The ticket as the customer sent it, plus what the receiver's own checks
/// found: support can triage on `checks` without trusting the browser.
fn stored_record(ticket: &Ticket) -> serde_json::Value {
    let report = policy::check(&ticket.text_for_policy());
    let trace = ticket
        .fields
        .get("trace")
        .and_then(|t| trace::parse(t).ok());
    serde_json::json!({
        "received_at": now_unix(),
        "ticket": ticket,
        "checks": {
            "circumvention_terms": policy::distinct_terms(&report.circumvention),
            "out_of_scope_terms": policy::distinct_terms(&report.out_of_scope),
            "secrets_found": report.secrets.len(),
            "trace_summary": trace,
        },
    })
}
