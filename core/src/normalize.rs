//! Text clean-up shared by the validators. Chinese IMEs often produce
//! full-width forms (`１９２．１６８`, `＠`, `：`) that mean the ASCII ones.
//!
//! [`fold_email`] and [`fold_ip`] give the exact text the e-mail and IP checks
//! approve, so that the widget can send (and show) what was checked rather
//! than what was typed.

/// Maps full-width ASCII variants (U+FF01..=U+FF5E) and the ideographic space
/// to ASCII; every other character is kept.
pub fn fold_fullwidth(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// [`fold_fullwidth`] over a whole string, borrowing when nothing changes.
pub fn fold_fullwidth_str(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().all(|c| fold_fullwidth(c) == c) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.chars().map(fold_fullwidth).collect())
    }
}

/// [`fold_fullwidth`] plus the stops and colons Chinese IMEs type in place
/// of `.` and `:` in addresses.
pub fn fold_ime(c: char) -> char {
    match c {
        // Ideographic full stop, halfwidth ideographic full stop, small full stop.
        '\u{3002}' | '\u{FF61}' | '\u{FE52}' => '.',
        // Small colon.
        '\u{FE55}' => ':',
        _ => fold_fullwidth(c),
    }
}

/// Invisible characters that copy and paste drags along (zero-width space,
/// joiners, direction marks, word joiner, byte-order mark). The customer
/// cannot see them, so they could not fix an error about them: they are
/// dropped from addresses.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}')
}

/// An address as typed → the text its check reads: surrounding blanks and
/// invisible characters dropped, [`fold_ime`] applied. Spaces inside are
/// kept (they are an error the customer must see).
fn fold_address(input: &str) -> String {
    // `char::is_whitespace` covers the ideographic space U+3000 too.
    let trimmed = input.trim_matches(|c: char| c.is_whitespace() || is_invisible(c));
    trimmed
        .chars()
        .filter(|&c| !is_invisible(c))
        .map(fold_ime)
        .collect()
}

/// The e-mail address the e-mail check approves for `input`:
/// `ｃｈａｎ＠ｅｘａｍｐｌｅ．ｃｏｍ` → `chan@example.com`. What the widget
/// sends and shows once the check passes.
pub fn fold_email(input: &str) -> String {
    fold_address(input)
}

/// The IP address text the IP check reads for `input`:
/// `１９２．１６８．１．１` → `192.168.1.1`, `192。168。1。1` → `192.168.1.1`.
pub fn fold_ip(input: &str) -> String {
    fold_address(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_fullwidth_digits_and_punctuation() {
        assert_eq!(fold_fullwidth_str("１９２．１６８：＠ａＺ"), "192.168:@aZ");
        assert_eq!(fold_fullwidth_str("a\u{3000}b"), "a b");
        assert!(matches!(
            fold_fullwidth_str("plain"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(fold_fullwidth_str("中文"), "中文");
    }

    #[test]
    fn folds_addresses_as_typed_with_an_ime() {
        assert_eq!(
            fold_email("ｃｈａｎ＠ｅｘａｍｐｌｅ．ｃｏｍ"),
            "chan@example.com"
        );
        assert_eq!(
            fold_email("\u{3000} chan@example。com\u{200B} "),
            "chan@example.com"
        );
        assert_eq!(fold_email("c h@x.com"), "c h@x.com");
        assert_eq!(fold_email("王小明@例子.中国"), "王小明@例子.中国");
        assert_eq!(fold_ip("１９２．１６８．１．１"), "192.168.1.1");
        assert_eq!(fold_ip("192。168｡1﹒1"), "192.168.1.1");
        assert_eq!(fold_ip("ｆｅ８０﹕﹕１"), "fe80::1");
        assert_eq!(fold_ip("   "), "");
    }
}
