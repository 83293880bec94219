//! Scope guard: circumvention-software terms the provider closes tickets
//! for. (First list; issue 4 makes detection thorough.)

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermMatch {
    /// The canonical term (e.g. `Shadowsocks`).
    pub term: String,
    /// Byte range of the match in the checked text.
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyReport {
    pub circumvention: Vec<TermMatch>,
    pub out_of_scope: Vec<TermMatch>,
    pub secrets: Vec<TermMatch>,
}

/// (canonical term, lower-case spellings). ASCII spellings only match whole
/// words, so `VPS` is not `VPN` and `address` does not contain `ss`.
const CIRCUMVENTION: &[(&str, &[&str])] = &[
    ("VPN", &["vpn", "vpns"]),
    ("Shadowsocks", &["shadowsocks", "ssr"]),
    ("V2Ray", &["v2ray", "v2rayn", "v2rayng"]),
    ("Xray", &["xray"]),
    ("Trojan", &["trojan-go"]),
    ("Clash", &["clash"]),
    ("proxy", &["proxy", "proxies"]),
    ("翻牆", &["翻牆", "翻墙"]),
    ("梯子", &["梯子"]),
    ("科學上網", &["科學上網", "科学上网"]),
];

pub fn check(text: &str) -> PolicyReport {
    PolicyReport {
        circumvention: circumvention_terms(text),
        ..PolicyReport::default()
    }
}

pub fn circumvention_terms(text: &str) -> Vec<TermMatch> {
    let lower = text.to_lowercase();
    // Lower-casing can change byte lengths for a few scripts; positions are
    // then only approximate, which is fine for highlighting.
    let mut found: Vec<TermMatch> = Vec::new();
    for (term, spellings) in CIRCUMVENTION {
        for spelling in *spellings {
            let ascii = spelling.is_ascii();
            for (start, _) in lower.match_indices(spelling) {
                let end = start + spelling.len();
                let word_char = |c: char| c.is_ascii_alphanumeric();
                let before_ok = lower[..start]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !word_char(c));
                let after_ok = lower[end..].chars().next().is_none_or(|c| !word_char(c));
                if !ascii || (before_ok && after_ok) {
                    found.push(TermMatch {
                        term: (*term).to_owned(),
                        start,
                        end,
                    });
                }
            }
        }
    }
    found.sort_by_key(|m| m.start);
    found
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
}
