//! The optional proof of work (`--pow-bits N`), a captcha without a third
//! party: `GET /api/tickets/challenge` hands out a challenge, and a ticket
//! must carry a nonce such that SHA-256(`challenge ":" nonce`) starts with
//! N zero bits (`form.pow`). About 2^N hashes for the browser, one for us.
//!
//! A challenge is `EXPIRES.RANDOM.MAC`: the MAC (HMAC-SHA256 under a key
//! drawn at start) makes it tamper-proof without storing it, and the expiry
//! bounds how long it can be used. Only challenges spent by an accepted
//! ticket are remembered, until they expire, so one solution cannot carry
//! a flood of tickets. The key lives only in this process: a restart makes
//! the challenges out there invalid (`pow.invalid`), and the widget then
//! simply fetches and solves a new one.

use hmac::digest::KeyInit;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::Mutex;
use ticket_core::payload::{Proof, leading_zero_bits};

type HmacSha256 = Hmac<Sha256>;

/// Long enough to write a ticket at leisure after the widget fetched its
/// challenge (at the first keystroke); an older one gets `pow.expired`, and
/// the widget solves a new one.
pub const VALIDITY_SECS: u64 = 2 * 60 * 60;
/// A nonce is a counter: longer ones are not a browser's.
const MAX_NONCE_LEN: usize = 64;
/// What the store's admission check reports for a replayed proof (in
/// place of a rate limit's `client` or `email`): answered 422 `pow.replayed`.
pub const REPLAYED: &str = "form.pow";
/// More would take a phone minutes.
pub const MAX_BITS: u32 = 32;

pub struct Pow {
    /// Leading zero bits asked for; 0: no proof asked, no challenge route.
    bits: u32,
    /// As long as SHA-256's block, so HMAC takes it as it is.
    key: [u8; 64],
    /// Challenges spent by accepted tickets, with their expiry.
    spent: Mutex<HashMap<String, u64>>,
}

/// A proof that checked out, to be spent when its ticket is stored.
#[derive(Debug, PartialEq, Eq)]
pub struct Verified {
    challenge: String,
    expires: u64,
}

impl Pow {
    /// With a random key; `bits` 0 turns the proof off.
    pub fn new(bits: u32) -> Result<Pow, String> {
        let mut key = [0u8; 64];
        getrandom::fill(&mut key).map_err(|e| format!("no random key for --pow-bits: {e}"))?;
        Ok(Pow::with_key(bits, key))
    }

    pub fn with_key(bits: u32, key: [u8; 64]) -> Pow {
        Pow {
            bits: bits.min(MAX_BITS),
            key,
            spent: Mutex::new(HashMap::new()),
        }
    }

    pub fn enabled(&self) -> bool {
        self.bits > 0
    }

    /// The answer to `GET …/challenge`: `{challenge, bits, expires}`.
    pub fn issue(&self, now: u64) -> serde_json::Value {
        let mut random = [0u8; 16];
        // Without the OS's randomness, the time still makes the challenge
        // unique; the MAC keeps it unforgeable either way.
        if getrandom::fill(&mut random).is_err() {
            random[..8].copy_from_slice(&now.to_le_bytes());
        }
        let expires = now + VALIDITY_SECS;
        let body = format!("{expires}.{}", hex(&random));
        let challenge = format!("{body}.{}", hex(&self.mac(&body)));
        serde_json::json!({ "challenge": challenge, "bits": self.bits, "expires": expires })
    }

    /// Checks `proof` (signature, expiry, work) at `now`; `Ok(None)` when no
    /// proof is asked for. `Err` is the refusal code for `form.pow`.
    pub fn verify(
        &self,
        proof: Option<&Proof>,
        now: u64,
    ) -> Result<Option<Verified>, &'static str> {
        if !self.enabled() {
            return Ok(None);
        }
        let Some(proof) = proof else {
            return Err("pow.missing");
        };
        let (body, mac) = proof.challenge.rsplit_once('.').ok_or("pow.invalid")?;
        let expires: u64 = body
            .split_once('.')
            .and_then(|(expires, _)| expires.parse().ok())
            .ok_or("pow.invalid")?;
        let mac = unhex(mac).ok_or("pow.invalid")?;
        let mut check = self.keyed();
        check.update(body.as_bytes());
        check.verify_slice(&mac).map_err(|_| "pow.invalid")?;
        if expires < now {
            return Err("pow.expired");
        }
        let nonce = &proof.nonce;
        if nonce.is_empty() || nonce.len() > MAX_NONCE_LEN {
            return Err("pow.invalid");
        }
        let digest = Sha256::new()
            .chain_update(proof.challenge.as_bytes())
            .chain_update(b":")
            .chain_update(nonce.as_bytes())
            .finalize();
        if leading_zero_bits(&digest) < self.bits {
            return Err("pow.insufficient");
        }
        Ok(Some(Verified {
            challenge: proof.challenge.clone(),
            expires,
        }))
    }

    /// An accepted ticket already spent this proof's challenge.
    pub fn is_spent(&self, proof: &Verified) -> bool {
        let spent = self.spent.lock().unwrap_or_else(|e| e.into_inner());
        spent.contains_key(&proof.challenge)
    }

    /// Spends the challenge of a ticket about to be stored: false when an
    /// accepted ticket already spent it (a replay). Called in the store's
    /// order, for new tickets only, so a retry of a stored ticket under its
    /// idempotency key is answered before it gets here.
    pub fn spend(&self, proof: &Verified, now: u64) -> bool {
        let mut spent = self.spent.lock().unwrap_or_else(|e| e.into_inner());
        // Expired challenges are refused anyway: no need to remember them.
        spent.retain(|_, expires| *expires >= now);
        match spent.entry(proof.challenge.clone()) {
            std::collections::hash_map::Entry::Occupied(_) => false,
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(proof.expires);
                true
            }
        }
    }

    fn keyed(&self) -> HmacSha256 {
        <HmacSha256 as KeyInit>::new(&self.key.into())
    }

    fn mac(&self, body: &str) -> Vec<u8> {
        let mut mac = self.keyed();
        mac.update(body.as_bytes());
        mac.finalize().into_bytes().to_vec()
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.is_ascii() {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: u64 = 1_800_000_000;

    fn challenge(pow: &Pow, now: u64) -> String {
        pow.issue(now)["challenge"].as_str().unwrap().to_owned()
    }

    /// What the widget does: count up until the hash has the zero bits.
    fn solve(challenge: &str, bits: u32) -> Proof {
        (0u64..)
            .map(|n| Proof {
                challenge: challenge.to_owned(),
                nonce: n.to_string(),
            })
            .find(|p| {
                let digest = Sha256::digest(format!("{}:{}", p.challenge, p.nonce));
                leading_zero_bits(&digest) >= bits
            })
            .unwrap()
    }

    #[test]
    fn a_solved_challenge_verifies_once() {
        let pow = Pow::with_key(8, [7; 64]);
        let issued = pow.issue(NOW);
        assert_eq!(issued["bits"], 8);
        assert_eq!(issued["expires"], NOW + VALIDITY_SECS);
        let proof = solve(issued["challenge"].as_str().unwrap(), 8);
        let verified = pow.verify(Some(&proof), NOW + 60).unwrap().unwrap();
        assert!(!pow.is_spent(&verified));
        assert!(pow.spend(&verified, NOW + 60));
        // The same proof again verifies, but cannot be spent twice.
        let again = pow.verify(Some(&proof), NOW + 61).unwrap().unwrap();
        assert!(pow.is_spent(&again));
        assert!(!pow.spend(&again, NOW + 61));
        // Each challenge is new.
        assert_ne!(challenge(&pow, NOW), challenge(&pow, NOW));
    }

    #[test]
    fn missing_tampered_foreign_and_expired_proofs_are_refused() {
        let pow = Pow::with_key(8, [7; 64]);
        assert_eq!(pow.verify(None, NOW), Err("pow.missing"));
        let proof = solve(&challenge(&pow, NOW), 8);
        // A later expiry written into a real challenge breaks its MAC.
        let (expires, rest) = proof.challenge.split_once('.').unwrap();
        let later: u64 = expires.parse::<u64>().unwrap() + 86_400;
        let tampered = Proof {
            challenge: format!("{later}.{rest}"),
            ..proof.clone()
        };
        assert_eq!(pow.verify(Some(&tampered), NOW), Err("pow.invalid"));
        // Another receiver's (another key's) challenge.
        let other = Pow::with_key(8, [8; 64]);
        let foreign = solve(&challenge(&other, NOW), 8);
        assert_eq!(pow.verify(Some(&foreign), NOW), Err("pow.invalid"));
        for junk in ["", "x", "1.2", "1.2.zz", "..", "😀.😀.😀"] {
            let p = Proof {
                challenge: junk.into(),
                nonce: "1".into(),
            };
            assert_eq!(pow.verify(Some(&p), NOW), Err("pow.invalid"), "{junk}");
        }
        let long = Proof {
            nonce: "1".repeat(65),
            ..proof.clone()
        };
        assert_eq!(pow.verify(Some(&long), NOW), Err("pow.invalid"));
        assert_eq!(
            pow.verify(Some(&proof), NOW + VALIDITY_SECS + 1),
            Err("pow.expired")
        );
        assert!(pow.verify(Some(&proof), NOW + VALIDITY_SECS).is_ok());
    }

    #[test]
    fn too_little_work_is_refused() {
        let pow = Pow::with_key(12, [7; 64]);
        let c = challenge(&pow, NOW);
        // Enough for 4 bits is (almost always) not enough for 12: find one
        // that has fewer than 12.
        let weak = (0u64..)
            .map(|n| Proof {
                challenge: c.clone(),
                nonce: n.to_string(),
            })
            .find(|p| {
                let d = Sha256::digest(format!("{}:{}", p.challenge, p.nonce));
                (4..12).contains(&leading_zero_bits(&d))
            })
            .unwrap();
        assert_eq!(pow.verify(Some(&weak), NOW), Err("pow.insufficient"));
        assert!(pow.verify(Some(&solve(&c, 12)), NOW).is_ok());
    }

    #[test]
    fn off_asks_for_nothing() {
        let pow = Pow::with_key(0, [7; 64]);
        assert!(!pow.enabled());
        assert_eq!(pow.verify(None, NOW), Ok(None));
    }

    #[test]
    fn spent_challenges_are_forgotten_once_expired() {
        let pow = Pow::with_key(1, [7; 64]);
        let proof = solve(&challenge(&pow, NOW), 1);
        let v = pow.verify(Some(&proof), NOW).unwrap().unwrap();
        assert!(pow.spend(&v, NOW));
        let later = NOW + VALIDITY_SECS + 1;
        let fresh = solve(&challenge(&pow, later), 1);
        let v2 = pow.verify(Some(&fresh), later).unwrap().unwrap();
        assert!(pow.spend(&v2, later));
        assert_eq!(pow.spent.lock().unwrap().len(), 1);
    }
}
