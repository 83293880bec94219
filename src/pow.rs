//! The receiver's optional proof of work, done while the customer types:
//! the challenge is fetched at the first keystroke in the details step
//! (never at page load), and solved with the browser's own SHA-256 (Web
//! Crypto, so the wasm carries no hash code) in slices of 10 ms, between
//! which the page handles input as usual.
//! A receiver without proof of work answers the challenge with 404: then
//! nothing is solved and tickets go without a proof.

use gloo_net::http::Request;
use js_sys::{Array, JSON, Promise, Reflect, Uint8Array};
use leptos::prelude::*;
use leptos::task::spawn_local;
use ticket_core::payload::{Proof, leading_zero_bits};
use wasm_bindgen_futures::JsFuture;

/// Digests asked for at once.
const BATCH: u32 = 16;
/// Work for this long, then let the page handle its events. Chromium
/// resolves a small digest at once (a microtask), so awaiting digests alone
/// would never give the event loop a turn: without these breaks, typing
/// would freeze until the proof is found.
const SLICE_MS: f64 = 10.0;
/// The receiver asks for at most 32 bits; far past that, give up.
const MAX_TRIES: u64 = 1 << 36;
/// How often a send held for the proof looks whether it is ready.
const POLL_MS: i32 = 50;

#[derive(Clone, Debug, PartialEq)]
enum Work {
    /// Nothing fetched yet.
    Idle,
    /// Fetching or solving a challenge.
    Working,
    /// Done: the proof to send, or none (the receiver asks for none, or
    /// the challenge could not be had: the receiver then says what it
    /// misses, and the sender asks for a new one).
    Ready(Option<Proof>),
}

/// Plain stored values, not signals: nothing on screen shows the work,
/// and a send held for it polls (`proof`), which costs the wasm less than
/// an effect would.
#[derive(Clone, Copy)]
pub struct ProofOfWork {
    work: StoredValue<Work>,
    /// Bumped by `renew`, so a solve still running for an older challenge
    /// cannot overwrite the new one.
    round: StoredValue<u32>,
    endpoint: StoredValue<Option<String>>,
}

impl ProofOfWork {
    pub fn new(endpoint: Option<String>) -> ProofOfWork {
        ProofOfWork {
            work: StoredValue::new(Work::Idle),
            round: StoredValue::new(0),
            endpoint: StoredValue::new(endpoint),
        }
    }

    /// Starts fetching and solving, once.
    pub fn start(self) {
        if self.work.get_value() != Work::Idle {
            return;
        }
        let Some(endpoint) = self.endpoint.get_value() else {
            return self.work.set_value(Work::Ready(None));
        };
        self.work.set_value(Work::Working);
        let round = self.round.get_value();
        spawn_local(async move {
            let proof = fetch_and_solve(&challenge_url(&endpoint)).await;
            // `try_`: the widget may have been unmounted meanwhile.
            if self.round.try_get_value() == Some(round) {
                self.work.try_set_value(Work::Ready(proof));
            }
        });
    }

    /// The proof to send (`Some(None)`: none is needed), once it is
    /// worked out; `None` if the widget was removed meanwhile.
    pub async fn proof(self) -> Option<Option<Proof>> {
        loop {
            match self.work.try_get_value()? {
                Work::Ready(proof) => return Some(proof),
                Work::Idle => self.start(),
                Work::Working => pause(POLL_MS).await,
            }
        }
    }

    /// The receiver refused the proof (expired, spent, or from before its
    /// restart): a new challenge.
    pub fn renew(self) {
        self.forget();
        self.start();
    }

    /// The proof was spent by an accepted ticket: the next ticket fetches
    /// its own, once the customer types it.
    pub fn forget(self) {
        self.round.update_value(|r| *r = r.wrapping_add(1));
        self.work.set_value(Work::Idle);
    }
}

/// `{endpoint}/challenge`, the query string (if any) kept at the end.
pub fn challenge_url(endpoint: &str) -> String {
    let (path, query) = match endpoint.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (endpoint, None),
    };
    let path = path.trim_end_matches('/');
    match query {
        Some(query) => format!("{path}/challenge?{query}"),
        None => format!("{path}/challenge"),
    }
}

async fn pause(ms: i32) {
    let timer = Promise::new(&mut |wake, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&wake, ms);
        }
    });
    let _ = JsFuture::from(timer).await;
}

async fn fetch_and_solve(url: &str) -> Option<Proof> {
    let response = Request::get(url).send().await.ok()?;
    // 404: this receiver asks for no proof. Anything else but 200: no
    // proof either, and the receiver's answer to the ticket says more.
    if response.status() != 200 {
        return None;
    }
    // `{challenge, bits, expires}`, read with the browser's JSON: a serde
    // type of its own would cost the wasm more than these lines.
    let answer = JSON::parse(&response.text().await.ok()?).ok()?;
    let member = |name: &str| Reflect::get(&answer, &name.into()).ok();
    let challenge = member("challenge")?.as_string()?;
    let bits = member("bits")?.as_f64()?;
    if !(0.0..=64.0).contains(&bits) {
        return None;
    }
    let nonce = solve(&challenge, bits as u32).await?;
    Some(Proof { challenge, nonce })
}

/// The first counter value whose SHA-256(`challenge:n`) starts with `bits`
/// zero bits; `None` where Web Crypto is missing (a page over plain HTTP).
pub async fn solve(challenge: &str, bits: u32) -> Option<String> {
    let subtle = web_sys::window()?.crypto().ok()?.subtle();
    let mut next: u64 = 0;
    let mut slice_began = js_sys::Date::now();
    while next < MAX_TRIES {
        if js_sys::Date::now() - slice_began >= SLICE_MS {
            pause(0).await;
            slice_began = js_sys::Date::now();
        }
        let digests = Array::new();
        for i in 0..u64::from(BATCH) {
            let data = format!("{challenge}:{}", next + i);
            let digest = subtle
                .digest_with_str_and_u8_array("SHA-256", data.as_bytes())
                .ok()?;
            digests.push(&digest);
        }
        let digests: Array = JsFuture::from(Promise::all(&digests)).await.ok()?.into();
        for i in 0..BATCH {
            let digest = Uint8Array::new(&digests.get(i)).to_vec();
            if leading_zero_bits(&digest) >= bits {
                return Some((next + u64::from(i)).to_string());
            }
        }
        next += u64::from(BATCH);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_challenge_sits_beside_the_tickets() {
        assert_eq!(
            challenge_url("https://example.com/api/tickets"),
            "https://example.com/api/tickets/challenge"
        );
        assert_eq!(challenge_url("/api/tickets/"), "/api/tickets/challenge");
        assert_eq!(
            challenge_url("https://x/submit?site=3"),
            "https://x/submit/challenge?site=3"
        );
    }
}
