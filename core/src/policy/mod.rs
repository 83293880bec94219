//! Scope guard: what a ticket says that the provider does not support.
//!
//! - circumvention software and talk (VPN, Shadowsocks, V2Ray, 翻牆 …), whose
//!   tickets are closed;
//! - software the customer installs themselves (nginx, MySQL, 寶塔 …);
//! - secrets pasted by mistake (private keys, passwords, API tokens), which
//!   [`redact_secrets`] removes before sending and [`mask_for_storage`]
//!   keeps out of the stored draft.
//!
//! The text is normalised once (`normalize`: full-width forms, case, look-alike
//! letters, zero-width characters, Traditional/Simplified), the term lists
//! (`terms`, plain data) are matched in one pass (`matcher`), and each
//! term's rule tells ambiguous words apart (`SS` vs `ss -tlnp`, 機場 the
//! airport, 代理商 the reseller, a reverse proxy in nginx, a Trojan virus).
//! Every range points into the original text.

mod circumvention;
mod matcher;
mod normalize;
mod out_of_scope;
mod secrets;
mod storage;
mod terms;

use normalize::Norm;
use serde::{Deserialize, Serialize};

pub use secrets::MARKER as REDACTION_MARKER;
pub use storage::{Masked, STORAGE_MASK, mask_for_storage};

/// The `term` of a detected private key, which must never be sent.
pub const PRIVATE_KEY_TERM: &str = "private key";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermMatch {
    /// The canonical term (e.g. `Shadowsocks`), or for a secret its kind
    /// (`password`, `private key`, `API token`).
    pub term: String,
    /// Byte range of the match in the checked text (always on char
    /// boundaries).
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyReport {
    pub circumvention: Vec<TermMatch>,
    pub out_of_scope: Vec<TermMatch>,
    pub secrets: Vec<TermMatch>,
}

/// Everything the scope guard finds in `text`, each list by position.
pub fn check(text: &str) -> PolicyReport {
    let norm = Norm::new(text);
    PolicyReport {
        circumvention: circumvention::find(&norm),
        out_of_scope: out_of_scope::find(&norm),
        secrets: secrets::find(text, &norm),
    }
}

/// The circumvention terms in `text`, by position.
pub fn circumvention_terms(text: &str) -> Vec<TermMatch> {
    circumvention::find(&Norm::new(text))
}

/// The distinct canonical terms found, in order of first appearance.
pub fn distinct_terms(matches: &[TermMatch]) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    for m in matches {
        if !terms.contains(&m.term) {
            terms.push(m.term.clone());
        }
    }
    terms
}

/// `text` with the given secrets (from [`check`]) replaced by
/// [`REDACTION_MARKER`]; a private key goes as a whole block. Ranges that do
/// not fit `text` are ignored.
pub fn redact_secrets(text: &str, secrets: &[TermMatch]) -> String {
    secrets::redact(text, secrets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_terms_in_both_languages() {
        let terms = |t: &str| distinct_terms(&circumvention_terms(t));
        assert_eq!(terms("How do I set up a VPN on my VPS?"), ["VPN"]);
        assert_eq!(terms("我想在主機上搭梯子翻墙"), ["梯子", "翻牆"]);
        assert_eq!(
            terms("V2Ray and Shadowsocks config"),
            ["V2Ray", "Shadowsocks"]
        );
    }

    #[test]
    fn clean_texts_stay_clean() {
        for t in [
            "My VPS does not boot",
            "wrong IP address",
            "CN2 GIA 線路價格",
            "classes",
        ] {
            assert!(circumvention_terms(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn check_reports_all_three() {
        let text = "nginx 反向代理正常, 但 V2Ray 連不上. root 密碼: Xy9#pq12";
        let report = check(text);
        assert_eq!(distinct_terms(&report.circumvention), ["V2Ray"]);
        assert_eq!(
            distinct_terms(&report.out_of_scope),
            ["nginx", "reverse proxy"]
        );
        assert_eq!(distinct_terms(&report.secrets), ["password"]);
        assert_eq!(
            redact_secrets(text, &report.secrets),
            "nginx 反向代理正常, 但 V2Ray 連不上. root 密碼: [removed]"
        );
    }
}
