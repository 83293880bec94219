//! What of the customer's text may be written to the browser's storage
//! (the draft kept across reloads): a private key never, other secrets only
//! masked. Unlike [`super::redact_secrets`], which acts at sending time on
//! the secrets the customer was warned about, this runs on every save.

use super::normalize::Norm;
use super::{PRIVATE_KEY_TERM, REDACTION_MARKER, secrets};

/// What stands for a masked secret in stored text (after the kept prefix
/// of a token). The same in every language, and no secret itself.
pub const STORAGE_MASK: &str = "••••••";

/// Leading characters of a token kept before [`STORAGE_MASK`]: enough for
/// `ghp_` or `AKIA` to say which token it was.
const TOKEN_KEEP: usize = 4;

/// The start of an OpenSSH private key body (`openssh-key-v1\0` in base64),
/// recognised even when the `BEGIN` line was not pasted with it.
const OPENSSH_BODY: &str = "b3BlbnNzaC1rZXktdjE";

/// The text to store and what was taken out of it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Masked {
    /// The text with every private key replaced by the redaction marker
    /// (`[removed]`) and every other secret by [`STORAGE_MASK`].
    pub text: String,
    /// A private key was removed: the customer should be told it will not
    /// come back after a reload.
    pub private_key_removed: bool,
    /// The kinds of the other secrets masked (`password`, `API token`),
    /// each once, in order of first appearance.
    pub masked: Vec<String>,
}

/// `text` as it may be written to storage. Plain text comes back
/// unchanged, and masking the result again changes nothing.
pub fn mask_for_storage(text: &str) -> Masked {
    let mut ranges: Vec<(usize, usize, &str)> = secrets::find(text, &Norm::new(text))
        .iter()
        .map(|m| {
            let term = if m.term == PRIVATE_KEY_TERM {
                PRIVATE_KEY_TERM
            } else if m.term == "password" {
                "password"
            } else {
                "API token"
            };
            (m.start, m.end, term)
        })
        .collect();
    ranges.extend(headless_openssh_keys(text).map(|(a, b)| (a, b, PRIVATE_KEY_TERM)));
    // By start, the longest first, and of equal ones a key first: it is
    // removed whole, and the customer is told.
    ranges.sort_by_key(|r| (r.0, std::cmp::Reverse(r.1), r.2 != PRIVATE_KEY_TERM));

    let mut out = Masked {
        text: String::with_capacity(text.len()),
        ..Masked::default()
    };
    let mut at = 0;
    for (a, b, term) in ranges {
        // What overlaps a range already replaced is covered up to there.
        let a = a.max(at);
        let (Some(before), Some(secret)) = (text.get(at..a), text.get(a..b)) else {
            continue;
        };
        if secret.is_empty() {
            continue;
        }
        out.text.push_str(before);
        if term == PRIVATE_KEY_TERM {
            out.text.push_str(REDACTION_MARKER);
            out.private_key_removed = true;
        } else {
            let keep = if term == "password" { 0 } else { TOKEN_KEEP };
            let cut = secret.char_indices().nth(keep).map_or(0, |(i, _)| i);
            out.text.push_str(secret.get(..cut).unwrap_or_default());
            out.text.push_str(STORAGE_MASK);
            if !out.masked.iter().any(|t| t == term) {
                out.masked.push(term.to_owned());
            }
        }
        at = b;
    }
    out.text.push_str(text.get(at..).unwrap_or_default());
    out
}

/// OpenSSH key bodies pasted without their `BEGIN` line: from
/// [`OPENSSH_BODY`] to the end of its line, the base64 lines after it and
/// an `END` line right after those.
fn headless_openssh_keys(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let start = from + text.get(from..)?.find(OPENSSH_BODY)?;
        let rest = text.get(start..)?;
        let mut len = 0;
        for (i, line) in rest.split_inclusive('\n').enumerate() {
            let content = line.trim();
            let base64 = !content.is_empty()
                && content
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='));
            if i == 0 || base64 || content.starts_with("-----END") {
                len += line.len();
            }
            if i > 0 && !base64 {
                break;
            }
        }
        // The line break after the key stays, so the text keeps its lines.
        let end = start + rest.get(..len).map_or(len, |k| k.trim_end().len());
        from = end.max(start + OPENSSH_BODY.len());
        Some((start, end))
    })
}
