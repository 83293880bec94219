//! Properties of the scope guard: no panic on any input (odd Unicode,
//! megabyte strings), ranges always on char boundaries of the original text,
//! invariance under the spelling tricks it normalises, linear time.

use proptest::prelude::*;
use std::time::{Duration, Instant};
use ticket_core::policy::{self, PolicyReport, TermMatch};

/// Characters that stress the normaliser and the matchers.
const TRICKY: &[char] = &[
    'a',
    's',
    'S',
    'v',
    'V',
    'p',
    'n',
    'x',
    '2',
    ' ',
    '.',
    '-',
    '_',
    ':',
    '/',
    '=',
    '@',
    '\n',
    '\r',
    '\t',
    '"',
    '「',
    '」',
    '：',
    '，',
    '。',
    '翻',
    '牆',
    '墙',
    '機',
    '场',
    '節',
    '點',
    '代',
    '理',
    '商',
    '密',
    '碼',
    '码',
    'Ｖ',
    'ｓ',
    '\u{3000}',
    '\u{200B}',
    '\u{00AD}',
    '\u{FEFF}',
    '\u{0301}',
    '\u{FE0F}',
    '\u{202E}',
    'Р',
    'ο',
    'İ',
    'ß',
    'ﬁ',
    '𝐕',
    'Ⓥ',
    '😀',
    '\u{10FFFF}',
    '\u{E0041}',
    '\0',
    '\u{7F}',
    '\u{85}',
    '\u{2028}',
];

const SNIPPETS: &[&str] = &[
    "vpn",
    "ss",
    "ss://",
    "V 2 R a y",
    "password: ",
    "密碼：",
    "token ",
    "-----BEGIN PRIVATE KEY-----",
    "-----END PRIVATE KEY-----",
    "-----begin ",
    "://a:b@",
    "ghp_",
    "AKIA",
    "eyJ",
    "翻牆",
    "代理商",
    "机场",
    "reverse proxy",
    "trojan",
    "clash",
    "節點",
];

fn tricky_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(TRICKY).prop_map(String::from),
        2 => proptest::sample::select(SNIPPETS).prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..200).prop_map(|v| v.concat())
}

fn assert_ranges_valid(text: &str, found: &[TermMatch]) {
    for m in found {
        assert!(m.start < m.end && m.end <= text.len(), "{m:?} in {text:?}");
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        assert!(!m.term.is_empty());
    }
}

fn assert_report_valid(text: &str, report: &PolicyReport) {
    assert_ranges_valid(text, &report.circumvention);
    assert_ranges_valid(text, &report.out_of_scope);
    assert_ranges_valid(text, &report.secrets);
    for list in [&report.circumvention, &report.out_of_scope, &report.secrets] {
        assert!(list.windows(2).all(|w| w[0].start <= w[1].start), "sorted");
    }
    assert!(
        report.secrets.windows(2).all(|w| w[0].end <= w[1].start),
        "secrets do not overlap"
    );
}

fn circ_terms(text: &str) -> Vec<String> {
    policy::circumvention_terms(text)
        .into_iter()
        .map(|m| m.term)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_string_is_checked_without_panic(text in any::<String>()) {
        let report = policy::check(&text);
        assert_report_valid(&text, &report);
        let _ = policy::redact_secrets(&text, &report.secrets);
    }

    #[test]
    fn tricky_strings_give_valid_ranges(text in tricky_text()) {
        let report = policy::check(&text);
        assert_report_valid(&text, &report);
        let redacted = policy::redact_secrets(&text, &report.secrets);
        if report.secrets.is_empty() {
            prop_assert_eq!(&redacted, &text);
        }
        prop_assert_eq!(policy::circumvention_terms(&text), report.circumvention);
    }

    /// Zero-width characters anywhere change nothing that is found.
    #[test]
    fn zero_width_characters_are_invisible(text in tricky_text(), seed in any::<u64>()) {
        let mut spiked = String::new();
        for (i, c) in text.chars().enumerate() {
            spiked.push(c);
            if (seed >> (i % 64)) & 1 == 1 {
                spiked.push('\u{200B}');
            }
        }
        prop_assert_eq!(circ_terms(&text), circ_terms(&spiked));
    }

    /// Full-width ASCII is the same text to the guard.
    #[test]
    fn full_width_is_ascii(text in "[ -~]{0,120}") {
        let wide: String = text
            .chars()
            .map(|c| match c {
                '!'..='~' => char::from_u32(c as u32 + 0xFEE0).unwrap(),
                ' ' => '\u{3000}',
                _ => c,
            })
            .collect();
        prop_assert_eq!(circ_terms(&text), circ_terms(&wide));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(6))]

    /// Megabyte strings made of a repeated random pattern.
    #[test]
    fn megabyte_strings(pattern in tricky_text()) {
        let pattern = if pattern.is_empty() { "x".to_owned() } else { pattern };
        let text = pattern.repeat(1_000_000 / pattern.len() + 1);
        let report = policy::check(&text);
        assert_report_valid(&text, &report);
        let _ = policy::redact_secrets(&text, &report.secrets);
    }
}

/// Patterns that could make a careless matcher quadratic.
const ADVERSARIAL: &[&str] = &[
    "a",
    "a ",
    "s ",
    "ss ",
    "s.",
    "v p n ",
    "password:",
    "password:x",
    "token:aaaaaaaaaaaaaaaaaaaa",
    "token ",
    "密碼：",
    "-----BEGIN ",
    "-----BEGIN PRIVATE KEY-----",
    "-----BEGIN PRIVATE KEY-----\n-----END ",
    "putty-user-key-file-",
    "://",
    "://a:",
    "翻",
    "代理",
    "機場 ",
    "ss節點",
    "trojan ",
    "clash ",
    "\u{200B}",
    "ｖ",
    "eyJ.",
    "ghp_",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
];

fn best_time(text: &str) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(policy::check(std::hint::black_box(text)));
            t.elapsed()
        })
        .min()
        .unwrap()
}

#[test]
fn time_is_linear_in_the_text() {
    const SMALL: usize = 32 * 1024;
    for pattern in ADVERSARIAL {
        let small = pattern.repeat(SMALL / pattern.len() + 1);
        let large = pattern.repeat(8 * (SMALL / pattern.len() + 1));
        let (ts, tl) = (best_time(&small), best_time(&large));
        // 8× the text may take 8× the time; allow a generous factor of 5
        // on top (and a floor for timer noise on tiny figures).
        let limit = ts.max(Duration::from_micros(200)) * 8 * 5;
        assert!(
            tl <= limit,
            "{pattern:?}: {ts:?} for {} bytes but {tl:?} for {} bytes",
            small.len(),
            large.len()
        );
    }
}
