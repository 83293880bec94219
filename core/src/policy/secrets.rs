//! Secrets pasted into a ticket: private keys, passwords, API tokens. The
//! match covers the secret value (the whole block for a key), so that
//! [`redact`] can remove it before the ticket is stored or sent on.

use super::TermMatch;
use super::normalize::Norm;

/// What replaces a secret in [`redact`].
pub const MARKER: &str = "[removed]";

/// Longest value read after a keyword (bytes).
const MAX_VALUE: usize = 1024;

const PRIVATE_KEY: &str = "private key";
const PASSWORD: &str = "password";
const TOKEN: &str = "API token";

/// Values after `password:` that are words, not passwords.
const NOT_SECRETS: &[&str] = &[
    "wrong",
    "incorrect",
    "invalid",
    "correct",
    "missing",
    "empty",
    "expired",
    "lost",
    "forgotten",
    "forgot",
    "reset",
    "changed",
    "change",
    "still",
    "being",
    "required",
    "none",
    "null",
    "unknown",
    "working",
    "same",
    "blank",
    "unchanged",
    "okay",
    "here",
    "below",
    "above",
    "attached",
    "please",
    "help",
    "does",
    "doesn't",
    "didn't",
    "cannot",
    "can't",
    "will",
    "should",
    "must",
    "from",
    "with",
    "that",
    "this",
    "your",
    "mine",
    "again",
    "login",
    "authentication",
    "failed",
];

/// Well-known token prefixes: (prefix, least length after it).
const TOKEN_PREFIXES: &[(&str, usize)] = &[
    ("ghp_", 30),
    ("gho_", 30),
    ("ghu_", 30),
    ("ghs_", 30),
    ("ghr_", 30),
    ("github_pat_", 20),
    ("glpat-", 20),
    ("sk-", 20),
    ("sk_live_", 16),
    ("sk_test_", 16),
    ("rk_live_", 16),
    ("xoxb-", 10),
    ("xoxp-", 10),
    ("xoxa-", 10),
    ("xoxs-", 10),
    ("AKIA", 16),
    ("ASIA", 16),
    ("AIza", 30),
    ("hf_", 30),
    ("npm_", 30),
    ("eyJ", 30),
];

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Password,
    Token,
}

pub(super) fn find(text: &str, norm: &Norm) -> Vec<TermMatch> {
    let mut found: Vec<(usize, usize, &'static str)> = Vec::new();
    private_keys(norm, &mut found);
    keyed_values(text, norm, &mut found);
    url_passwords(norm, &mut found);
    prefixed_tokens(text, &mut found);
    merge(found)
}

/// Overlapping ranges as one match, by start.
fn merge(mut found: Vec<(usize, usize, &'static str)>) -> Vec<TermMatch> {
    found.sort_by_key(|f| f.0);
    let mut merged: Vec<TermMatch> = Vec::new();
    for (start, end, term) in found {
        match merged.last_mut() {
            // Of the ranges with one start, the longest (the first found of
            // equally long ones) names the secret.
            Some(last) if start == last.start && end > last.end => {
                last.end = end;
                last.term = term.to_owned();
            }
            Some(last) if start < last.end => last.end = last.end.max(end),
            _ => merged.push(TermMatch {
                term: term.to_owned(),
                start,
                end,
            }),
        }
    }
    merged
}

/// `text` with every secret range replaced by [`MARKER`]. Ranges that are
/// not valid for `text` are ignored; overlapping ones are merged.
pub fn redact(text: &str, secrets: &[TermMatch]) -> String {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for m in secrets {
        let (a, b) = (m.start, m.end);
        if a < b && text.is_char_boundary(a) && text.is_char_boundary(b) {
            ranges.push((a, b));
        }
    }
    // Among ranges with the same start the loop below keeps the furthest
    // end whatever their order, so the start alone is enough.
    ranges.sort_by_key(|r| r.0);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (a, b) in ranges {
        if b <= at {
            continue;
        }
        if a >= at {
            out.push_str(&text[at..a]);
            out.push_str(MARKER);
        }
        at = b;
    }
    out.push_str(&text[at..]);
    out
}

/// PEM private keys (`-----BEGIN … PRIVATE KEY-----` to its END line, or to
/// the end of the text when cut off) and PuTTY key files.
fn private_keys(norm: &Norm, found: &mut Vec<(usize, usize, &'static str)>) {
    let s = norm.s.as_str();
    let mut from = 0;
    while let Some(rel) = s[from..].find("-----begin ") {
        let begin = from + rel;
        let label_at = begin + "-----begin ".len();
        let Some(label_len) = find_in_line(s, label_at, "-----", 80) else {
            from = label_at;
            continue;
        };
        let head_end = label_at + label_len + 5;
        if !s[label_at..label_at + label_len].contains(PRIVATE_KEY) {
            from = head_end;
            continue;
        }
        let end = match s[head_end..].find("-----end ") {
            Some(rel) => {
                let at = head_end + rel + "-----end ".len();
                find_in_line(s, at, "-----", 80).map_or_else(|| line_end(s, at), |n| at + n + 5)
            }
            None => s.len(),
        };
        found.push(orig(norm, begin, end, PRIVATE_KEY));
        from = end;
    }
    let mut from = 0;
    while let Some(rel) = s[from..].find("putty-user-key-file-") {
        let begin = from + rel;
        let end = match s[begin..].find("private-mac:") {
            Some(rel) => line_end(s, begin + rel),
            None => s.len(),
        };
        found.push(orig(norm, begin, end, PRIVATE_KEY));
        from = end;
    }
}

/// Values after `password:`, `pass=`, `root password is`, `密碼：`, `token:`,
/// `api key =`, `Bearer` and the like.
fn keyed_values(text: &str, norm: &Norm, found: &mut Vec<(usize, usize, &'static str)>) {
    let s = norm.s.as_str();
    let mut keywords: Vec<(usize, usize, Kind)> = Vec::new();
    for (i, &(a, b)) in norm.tokens.iter().enumerate() {
        let kind = match &s[a..b] {
            "password" | "passwd" | "passphrase" | "passcode" | "pass" | "pwd" => Kind::Password,
            "token" | "apikey" | "secret" | "bearer" => Kind::Token,
            "key"
                if i > 0
                    && norm.joinable(i - 1)
                    && matches!(norm.token(i - 1), "api" | "access" | "secret" | "private") =>
            {
                Kind::Token
            }
            _ => continue,
        };
        keywords.push((a, b, kind));
    }
    for (word, kind) in [
        ("密码", Kind::Password),
        ("口令", Kind::Password),
        ("密钥", Kind::Token),
        ("秘钥", Kind::Token),
        ("金钥", Kind::Token),
        ("令牌", Kind::Token),
    ] {
        let mut from = 0;
        while let Some(rel) = s[from..].find(word) {
            let a = from + rel;
            from = a + word.len();
            keywords.push((a, from, kind));
        }
    }
    keywords.sort_by_key(|k| k.0);
    let mut consumed = 0;
    for (start, end, kind) in keywords {
        if start < consumed {
            continue;
        }
        // A value read once is not read again from a keyword inside it,
        // which keeps this linear.
        if let Some((a, b, secret)) = value_after(text, norm, end, kind) {
            if secret {
                let term = if kind == Kind::Password {
                    PASSWORD
                } else {
                    TOKEN
                };
                found.push(orig(norm, a, b, term));
            }
            consumed = b;
        }
    }
}

/// The value after a keyword ending at `pos` of the normalised text, and
/// whether it looks like a secret.
fn value_after(text: &str, norm: &Norm, pos: usize, kind: Kind) -> Option<(usize, usize, bool)> {
    let s = norm.s.as_str();
    let mut p = skip_blanks(s, pos, false);
    let rest = &s[p..];
    let mut loose = false;
    if rest.starts_with([':', '=']) {
        p += 1;
        if s[p..].starts_with([':', '=', '>']) {
            p += 1;
        }
        p = skip_blanks(s, p, true);
    } else if let Some(sep) = ["is ", "是", "為", "为", "->", "=>"]
        .into_iter()
        .find(|sep| rest.starts_with(sep))
    {
        loose = true;
        p = skip_blanks(s, p + sep.len(), false);
        if s[p..].starts_with(':') {
            p = skip_blanks(s, p + 1, false);
        }
    } else if kind == Kind::Token {
        loose = true;
    } else {
        return None;
    }
    let (a, b) = value_span(s, p)?;
    let value = &s[a..b];
    let (oa, ob) = norm.orig(a, b);
    let original = &text[oa..ob];
    let placeholder = value
        .bytes()
        .all(|c| matches!(c, b'*' | b'x' | b'.' | b'#'))
        || (value.starts_with('<') && value.ends_with('>'))
        || value.starts_with('[')
        || value.starts_with("http");
    if value.len() < 4 || placeholder || NOT_SECRETS.contains(&value) {
        return Some((a, b, false));
    }
    let ok = match kind {
        Kind::Token => high_entropy(original),
        Kind::Password if loose => {
            (value.len() >= 6 && (has_symbol_or_digit(original) || mixed_case(original)))
                || value.len() >= 12
        }
        Kind::Password => true,
    };
    Some((a, b, ok))
}

/// The value starting at `p`: quoted, or a run of printable ASCII, without
/// trailing `,` `;` or an unmatched closing bracket.
fn value_span(s: &str, p: usize) -> Option<(usize, usize)> {
    let rest = &s[p..];
    let open = rest.chars().next()?;
    let close = match open {
        '"' | '\'' | '`' => Some(open),
        '「' => Some('」'),
        '『' => Some('』'),
        '“' => Some('”'),
        '‘' => Some('’'),
        _ => None,
    };
    if let Some(close) = close {
        let a = p + open.len_utf8();
        let limit = a + s[a..].len().min(MAX_VALUE);
        let b = s[a..]
            .char_indices()
            .take_while(|&(i, c)| a + i < limit && c != '\n')
            .find(|&(_, c)| c == close)
            .map(|(i, _)| a + i)?;
        return (b > a).then_some((a, b));
    }
    let bytes = s.as_bytes();
    let mut b = p;
    while b < bytes.len() && b - p < MAX_VALUE && (0x21..=0x7E).contains(&bytes[b]) {
        b += 1;
    }
    while b > p && matches!(bytes[b - 1], b',' | b';') {
        b -= 1;
    }
    for (opening, closing) in [(b'(', b')'), (b'[', b']'), (b'<', b'>')] {
        if b > p && bytes[b - 1] == closing && !bytes[p..b].contains(&opening) {
            b -= 1;
        }
    }
    (b > p).then_some((p, b))
}

/// `scheme://user:password@host`.
fn url_passwords(norm: &Norm, found: &mut Vec<(usize, usize, &'static str)>) {
    let s = norm.s.as_str();
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(rel) = s[from..].find("://") {
        let user = from + rel + 3;
        let mut i = user;
        let mut colon = None;
        while i < bytes.len() && i - user < 256 {
            match bytes[i] {
                b':' if colon.is_none() => colon = Some(i),
                b'@' => break,
                b'/' | b'?' | b'#' => {
                    i = bytes.len();
                    break;
                }
                c if !(0x21..=0x7E).contains(&c) => {
                    i = bytes.len();
                    break;
                }
                _ => {}
            }
            i += 1;
        }
        if let Some(c) = colon.filter(|&c| i < bytes.len() && bytes[i] == b'@' && c + 1 < i) {
            found.push(orig(norm, c + 1, i, PASSWORD));
            from = i;
        } else {
            from = user;
        }
    }
}

/// Tokens with a well-known prefix (`ghp_`, `sk-`, `AKIA` …) in the
/// original text, which keeps their case.
fn prefixed_tokens(text: &str, found: &mut Vec<(usize, usize, &'static str)>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !is_token_byte(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && is_token_byte(bytes[i]) {
            i += 1;
        }
        let mut end = i;
        while end > start && matches!(bytes[end - 1], b'.' | b'-') {
            end -= 1;
        }
        let run = &text[start..end];
        // The shortest prefixed token is `xoxb-` and 10 more.
        let hit = run.len() >= 15
            && TOKEN_PREFIXES.iter().any(|&(prefix, least)| {
                let Some(rest) = run.strip_prefix(prefix) else {
                    return false;
                };
                let shape = match prefix {
                    "AKIA" | "ASIA" => {
                        rest.len() == 16
                            && rest
                                .bytes()
                                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
                    }
                    "eyJ" => rest.matches('.').count() == 2,
                    _ => !rest.contains('.'),
                };
                shape
                    && rest.len() >= least
                    && rest.bytes().any(|b| b.is_ascii_digit())
                    && rest.bytes().any(|b| b.is_ascii_alphabetic())
            });
        if hit {
            found.push((start, end, TOKEN));
        }
    }
}

#[inline]
fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')
}

fn high_entropy(value: &str) -> bool {
    let mut seen = [false; 128];
    let mut distinct = 0;
    for b in value.bytes() {
        if b < 128 && !seen[usize::from(b)] {
            seen[usize::from(b)] = true;
            distinct += 1;
        }
    }
    value.len() >= 16
        && distinct >= 10
        && value.bytes().any(|b| b.is_ascii_digit())
        && value.bytes().any(|b| b.is_ascii_alphabetic())
}

fn has_symbol_or_digit(value: &str) -> bool {
    value.bytes().any(|b| !b.is_ascii_alphabetic())
}

fn mixed_case(value: &str) -> bool {
    value.bytes().any(|b| b.is_ascii_uppercase()) && value.bytes().any(|b| b.is_ascii_lowercase())
}

/// Skips spaces (and, if `newline`, one line break) from `p`.
fn skip_blanks(s: &str, mut p: usize, newline: bool) -> usize {
    let bytes = s.as_bytes();
    let mut newline = newline;
    while let Some(&b) = bytes.get(p) {
        match b {
            b' ' => {}
            b'\n' if newline => newline = false,
            _ => break,
        }
        p += 1;
    }
    p
}

/// Where `needle` starts within the line from `at`, relative to `at`, if
/// within `limit` bytes.
fn find_in_line(s: &str, at: usize, needle: &str, limit: usize) -> Option<usize> {
    let mut to = (at + limit + needle.len()).min(s.len());
    while !s.is_char_boundary(to) {
        to -= 1;
    }
    let window = &s[at..to];
    let window = &window[..window.find('\n').unwrap_or(window.len())];
    window.find(needle)
}

fn line_end(s: &str, at: usize) -> usize {
    s[at..].find('\n').map_or(s.len(), |n| at + n)
}

fn orig(norm: &Norm, a: usize, b: usize, term: &'static str) -> (usize, usize, &'static str) {
    let (start, end) = norm.orig(a, b);
    (start, end, term)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secrets(text: &str) -> Vec<&str> {
        find(text, &Norm::new(text))
            .into_iter()
            .map(|m| &text[m.start..m.end])
            .collect()
    }

    #[test]
    fn passwords_after_a_keyword() {
        assert_eq!(secrets("root password: Hunter2!x"), ["Hunter2!x"]);
        assert_eq!(secrets("DB_PASSWORD=s3cr3t"), ["s3cr3t"]);
        assert_eq!(
            secrets("the root password is Tr0ub4dor&3 now"),
            ["Tr0ub4dor&3"]
        );
        assert_eq!(secrets("密碼：Abc@12345，謝謝"), ["Abc@12345"]);
        assert_eq!(secrets("密码为 qwe123456"), ["qwe123456"]);
        assert_eq!(secrets("pwd = \"my pass 1\""), ["my pass 1"]);
        assert!(secrets("my password is wrong").is_empty());
        assert!(secrets("password reset does not work").is_empty());
        assert!(secrets("忘記密碼怎麼辦").is_empty());
        assert!(secrets("password: ********").is_empty());
    }

    #[test]
    fn keys_and_tokens() {
        let key = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----";
        assert_eq!(secrets(&format!("my key:\n{key}\nthanks")), [key]);
        let cut = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA";
        assert_eq!(secrets(cut), [cut]);
        assert!(secrets("-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----").is_empty());
        assert_eq!(
            secrets("token: 9f8e7d6c5b4a39281706f5e4d3c2b1a0"),
            ["9f8e7d6c5b4a39281706f5e4d3c2b1a0"]
        );
        assert_eq!(
            secrets("use ghp_aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0dF2hJ please"),
            ["ghp_aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0dF2hJ"]
        );
        assert_eq!(secrets("AKIAIOSFODNN7EXAMPLE"), ["AKIAIOSFODNN7EXAMPLE"]);
        assert_eq!(secrets("mysql://root:pa55word@db"), ["pa55word"]);
        assert!(secrets("the token is invalid, api key expired").is_empty());
        assert!(secrets("task-scheduler-service-2024-version").is_empty());
    }

    /// Of the ranges with one start the longest names the secret, as when
    /// they were sorted by start and then longest first.
    #[test]
    fn merge_keeps_the_longest_term_of_a_start() {
        const TERMS: [&str; 4] = ["a", "b", "c", "d"];
        let mut seed = 0x853c_49e6_748f_ea9bu64;
        for _ in 0..2000 {
            let mut found = Vec::new();
            for _ in 0..(seed % 7) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let start = (seed % 6) as usize;
                let end = start + (seed >> 8) as usize % 4;
                found.push((start, end, TERMS[(seed >> 16) as usize % 4]));
            }
            let mut want = found.clone();
            want.sort_by_key(|r| (r.0, std::cmp::Reverse(r.1)));
            let mut merged: Vec<TermMatch> = Vec::new();
            for (start, end, term) in want {
                match merged.last_mut() {
                    Some(last) if start < last.end => last.end = last.end.max(end),
                    _ => merged.push(TermMatch {
                        term: term.to_owned(),
                        start,
                        end,
                    }),
                }
            }
            assert_eq!(merge(found.clone()), merged, "{found:?}");
        }
    }

    #[test]
    fn redacts_values_and_blocks() {
        let text = "password: abc123 and\n-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\nbye";
        let found = find(text, &Norm::new(text));
        assert_eq!(
            redact(text, &found),
            "password: [removed] and\n[removed]\nbye"
        );
        let bogus = [TermMatch {
            term: "x".into(),
            start: 5,
            end: 500,
        }];
        assert_eq!(redact("short", &bogus), "short");
    }
}
