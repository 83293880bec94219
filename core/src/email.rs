//! The e-mail check: it catches the typos customers make (no `@`, no domain
//! dot, spaces, doubled dots) and refuses what is no address at all (markup,
//! quoted strings, domain literals) without rejecting real addresses,
//! internationalised ones included.
//!
//! Rules, on the text [`fold_email`] gives (trimmed, full-width folded):
//! - at most [`MAX_EMAIL_BYTES`] bytes, no blank anywhere;
//! - local part: RFC 5322 dot-atom (letters, digits and
//!   ``!#$%&'*+/=?^_`{|}~-``, dots only between them), at most
//!   [`MAX_LOCAL_BYTES`] bytes; no quoted strings or comments;
//! - domain: at least two dot-separated labels of letters, digits and inner
//!   hyphens (at most 63 bytes each); the last one not all digits and at
//!   least two characters long;
//! - non-ASCII letters and digits (and combining marks) are allowed in both
//!   parts, as RFC 6531 allows; no other non-ASCII character is.

use crate::normalize::{fold_email, fold_ime, is_invisible};

/// RFC 5321's limit on a whole address (a path is 256 octets with `<>`).
pub const MAX_EMAIL_BYTES: usize = 254;
/// RFC 5321's limit on the part before the `@`.
pub const MAX_LOCAL_BYTES: usize = 64;
/// RFC 1035's limit on one domain label.
const MAX_LABEL_BYTES: usize = 63;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmailError {
    Missing,
    NoAt,
    /// Nothing before the `@`.
    BadLocal,
    /// A dot first, last or twice in a row before the `@`.
    LocalDots,
    /// More than [`MAX_LOCAL_BYTES`] bytes before the `@`.
    LocalTooLong,
    BadDomain,
    Spaces,
    /// A character no address may contain (`<`, `>`, `"`, `,`, a second `@`…).
    InvalidChar,
    /// More than [`MAX_EMAIL_BYTES`] bytes in all.
    TooLong,
}

impl EmailError {
    pub const ALL: [EmailError; 9] = [
        EmailError::Missing,
        EmailError::NoAt,
        EmailError::BadLocal,
        EmailError::LocalDots,
        EmailError::LocalTooLong,
        EmailError::BadDomain,
        EmailError::Spaces,
        EmailError::InvalidChar,
        EmailError::TooLong,
    ];

    pub fn code(self) -> &'static str {
        match self {
            EmailError::Missing => "required",
            EmailError::NoAt => "email.no_at",
            EmailError::BadLocal => "email.bad_local",
            EmailError::LocalDots => "email.local_dots",
            EmailError::LocalTooLong => "email.local_too_long",
            EmailError::BadDomain => "email.bad_domain",
            EmailError::Spaces => "email.spaces",
            EmailError::InvalidChar => "email.invalid_char",
            EmailError::TooLong => "too_long",
        }
    }
}

/// Checks an address as the customer typed it. On success returns the
/// address as it must be sent and shown: [`fold_email`] of the input.
pub fn check_email(input: &str) -> Result<String, EmailError> {
    let folded = fold_email(input);
    check_email_exact(&folded)?;
    Ok(folded)
}

/// Checks an address exactly as given, nothing trimmed or folded: what the
/// receiver does with a payload. Accepts only text that [`fold_email`]
/// leaves unchanged, so a full-width `ｃｈａｎ@…` is refused here.
pub fn check_email_exact(s: &str) -> Result<(), EmailError> {
    if s.trim().is_empty() {
        return Err(EmailError::Missing);
    }
    if s.len() > MAX_EMAIL_BYTES {
        return Err(EmailError::TooLong);
    }
    if s.chars().any(char::is_whitespace) {
        return Err(EmailError::Spaces);
    }
    if !s.chars().all(|c| c == '@' || c == '.' || is_local_char(c)) {
        return Err(EmailError::InvalidChar);
    }
    let Some((local, domain)) = s.rsplit_once('@') else {
        return Err(EmailError::NoAt);
    };
    if local.contains('@') {
        return Err(EmailError::InvalidChar);
    }
    if local.is_empty() {
        return Err(EmailError::BadLocal);
    }
    if local.len() > MAX_LOCAL_BYTES {
        return Err(EmailError::LocalTooLong);
    }
    if local.split('.').any(str::is_empty) {
        return Err(EmailError::LocalDots);
    }
    if !domain_ok(domain) {
        return Err(EmailError::BadDomain);
    }
    Ok(())
}

/// A dot-atom character (dots aside) of RFC 5322, or an international one.
fn is_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~-".contains(c) || is_intl_char(c)
}

/// A non-ASCII letter, digit or combining mark that typing or pasting
/// leaves as it is (not a full-width form, not invisible).
fn is_intl_char(c: char) -> bool {
    !c.is_ascii()
        && (c.is_alphanumeric() || is_combining_mark(c))
        && fold_ime(c) == c
        && !is_invisible(c)
}

/// Combining marks that `char::is_alphanumeric` leaves out but words in
/// some scripts need (accents typed decomposed, viramas, kana voicing).
fn is_combining_mark(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}'
            | '\u{0483}'..='\u{0489}'
            | '\u{0591}'..='\u{05C7}'
            | '\u{0610}'..='\u{061A}'
            | '\u{064B}'..='\u{065F}'
            | '\u{0900}'..='\u{0DFF}'
            | '\u{0E31}'..='\u{0E3A}'
            | '\u{0E47}'..='\u{0E4E}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{3099}'..='\u{309A}'
            | '\u{FE20}'..='\u{FE2F}'
    )
}

fn domain_ok(domain: &str) -> bool {
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.len() <= MAX_LABEL_BYTES
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || is_intl_char(c))
    };
    let tld_ok = |tld: &str| tld.chars().count() >= 2 && !tld.chars().all(|c| c.is_ascii_digit());
    domain.contains('.')
        && domain.split('.').all(label_ok)
        && domain.rsplit('.').next().is_some_and(tld_ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_real_addresses() {
        for ok in [
            "a@b.co",
            "chan.tai-man+vps@mail.example.hk",
            "王小明@例子.中国",
            "o'neil@example.ie",
            "x_y!#$%&*/=?^`{|}~@x-1.example.com",
            "josé@exa\u{301}mple.es",
            "a@xn--fsqu00a.xn--fiqs8s",
        ] {
            assert!(check_email(ok).is_ok(), "{ok}");
            assert_eq!(check_email_exact(ok), Ok(()), "{ok}");
        }
        assert_eq!(check_email(" ａ＠ｂ．ｃｏ ").unwrap(), "a@b.co");
        assert_eq!(check_email("a@b。co").unwrap(), "a@b.co");
    }

    #[test]
    fn rejects_typos_with_a_precise_reason() {
        assert_eq!(check_email(""), Err(EmailError::Missing));
        assert_eq!(check_email("   "), Err(EmailError::Missing));
        assert_eq!(check_email("a.b.co"), Err(EmailError::NoAt));
        assert_eq!(check_email("@b.co"), Err(EmailError::BadLocal));
        assert_eq!(check_email("a@b"), Err(EmailError::BadDomain));
        assert_eq!(check_email("a@b..co"), Err(EmailError::BadDomain));
        assert_eq!(check_email("a@b.c"), Err(EmailError::BadDomain));
        assert_eq!(check_email("a b@c.co"), Err(EmailError::Spaces));
        assert_eq!(check_email("a..b@c.co"), Err(EmailError::LocalDots));
        assert_eq!(check_email("a@b@c.co"), Err(EmailError::InvalidChar));
        assert_eq!(
            check_email(&format!("{}@b.co", "a".repeat(65))),
            Err(EmailError::LocalTooLong)
        );
        assert_eq!(
            check_email(&format!("{}@b.co", "a".repeat(300))),
            Err(EmailError::TooLong)
        );
    }

    #[test]
    fn the_exact_check_refuses_what_the_fold_would_change() {
        assert_eq!(
            check_email_exact("ｃｈａｎ@example.com"),
            Err(EmailError::InvalidChar)
        );
        assert_eq!(
            check_email_exact("a@example\u{200B}.com"),
            Err(EmailError::InvalidChar)
        );
        assert_eq!(check_email_exact(" a@b.co"), Err(EmailError::Spaces));
    }
}
