//! A pragmatic e-mail check: it catches the typos customers make (no `@`,
//! no domain dot, spaces, a full-width `＠`) without rejecting real addresses.

use crate::normalize::fold_fullwidth_str;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmailError {
    Missing,
    NoAt,
    BadLocal,
    BadDomain,
    Spaces,
    TooLong,
}

impl EmailError {
    pub const ALL: [EmailError; 6] = [
        EmailError::Missing,
        EmailError::NoAt,
        EmailError::BadLocal,
        EmailError::BadDomain,
        EmailError::Spaces,
        EmailError::TooLong,
    ];

    pub fn code(self) -> &'static str {
        match self {
            EmailError::Missing => "required",
            EmailError::NoAt => "email.no_at",
            EmailError::BadLocal => "email.bad_local",
            EmailError::BadDomain => "email.bad_domain",
            EmailError::Spaces => "email.spaces",
            EmailError::TooLong => "too_long",
        }
    }
}

/// Returns the address as it should be stored (trimmed, full-width folded).
pub fn check_email(input: &str) -> Result<String, EmailError> {
    let folded = fold_fullwidth_str(input.trim());
    let s = folded.as_ref();
    if s.is_empty() {
        return Err(EmailError::Missing);
    }
    if s.len() > 254 {
        return Err(EmailError::TooLong);
    }
    if s.chars().any(char::is_whitespace) {
        return Err(EmailError::Spaces);
    }
    let Some((local, domain)) = s.rsplit_once('@') else {
        return Err(EmailError::NoAt);
    };
    if local.is_empty() || local.len() > 64 || local.contains('@') {
        return Err(EmailError::BadLocal);
    }
    let labels_ok = domain
        .split('.')
        .all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'));
    let tld_ok = domain
        .rsplit('.')
        .next()
        .is_some_and(|tld| tld.chars().count() >= 2);
    if !domain.contains('.') || !labels_ok || !tld_ok {
        return Err(EmailError::BadDomain);
    }
    Ok(s.to_owned())
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
        ] {
            assert!(check_email(ok).is_ok(), "{ok}");
        }
        assert_eq!(check_email(" ａ＠ｂ．ｃｏ ").unwrap(), "a@b.co");
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
        assert_eq!(
            check_email(&format!("{}@b.co", "a".repeat(300))),
            Err(EmailError::TooLong)
        );
    }
}
