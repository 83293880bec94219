//! Text clean-up shared by the validators. Chinese IMEs often produce
//! full-width forms (`１９２．１６８`, `＠`, `：`) that mean the ASCII ones.

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
}
