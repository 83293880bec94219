//! The customer's file name, for display only (the widget's list, the
//! payload's `name`, support's view). It is never used as a path: the
//! receiver stores files under their SHA-256.
//!
//! [`display_name`] reads the percent-encoded `X-Filename` header;
//! [`clean_name`] cleans a name already decoded:
//! - only the part after the last `/` or `\` is kept (a browser sends a
//!   bare name; a path is someone else's machine layout);
//! - control characters (NUL, line breaks, C1) are removed, and so are
//!   the invisible formatting characters that make a name read as another:
//!   bidirectional overrides, embeddings, isolates and marks
//!   (`photo\u{202E}gnp.exe` displays as `photoexe.png`), zero-width
//!   characters, the byte-order mark, line and paragraph separators;
//! - surrounding whitespace is trimmed; `.`, `..` and an empty result
//!   become [`FALLBACK`];
//! - at most [`MAX_NAME_CHARS`] characters: a longer name is cut on a
//!   character boundary, keeping a short extension (`…​.png`) so the type
//!   still shows.

/// The name shown for a file whose name is empty once cleaned.
pub const FALLBACK: &str = "attachment";
/// The longest name kept, in characters.
pub const MAX_NAME_CHARS: usize = 100;
/// The longest extension kept when a name is shortened (with its dot).
const MAX_EXTENSION_CHARS: usize = 10;

/// The name from a percent-encoded `X-Filename` value, cleaned. Invalid
/// escapes stay as they are; bytes that are not UTF-8 become U+FFFD.
pub fn display_name(header: &str) -> String {
    clean_name(&percent_decode(header))
}

/// `%XX` escapes decoded; `+` stays a plus (this is not a form).
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// True for the characters a displayed name must not contain.
pub fn is_hidden_or_control(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{061C}'              // Arabic letter mark
            | '\u{200B}'..='\u{200F}' // zero-width space/joiners, LRM, RLM
            | '\u{2028}'..='\u{202E}' // line/paragraph separators, embeddings, overrides
            | '\u{2060}'..='\u{206F}' // word joiner, isolates, deprecated format chars
            | '\u{FEFF}'              // byte-order mark
            | '\u{FFF9}'..='\u{FFFB}' // interlinear annotation
        )
}

/// `name` cleaned by the rules above.
pub fn clean_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let kept: String = last.chars().filter(|&c| !is_hidden_or_control(c)).collect();
    let trimmed = kept.trim();
    if trimmed.is_empty() || trimmed == "." || trimmed == ".." {
        return FALLBACK.to_owned();
    }
    shorten(trimmed)
}

fn shorten(name: &str) -> String {
    if name.chars().count() <= MAX_NAME_CHARS {
        return name.to_owned();
    }
    let extension = name
        .rfind('.')
        .map(|dot| &name[dot..])
        .filter(|ext| ext.chars().count() <= MAX_EXTENSION_CHARS)
        .unwrap_or("");
    let keep = MAX_NAME_CHARS - 1 - extension.chars().count();
    let stem: String = name.chars().take(keep).collect();
    format!("{}…{extension}", stem.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_the_header() {
        assert_eq!(
            display_name("console%20%E9%96%8B%E6%A9%9F.png"),
            "console 開機.png"
        );
        assert_eq!(display_name("a+b%2"), "a+b%2");
        assert_eq!(display_name("%FF.txt"), "\u{FFFD}.txt");
    }

    #[test]
    fn no_path_survives() {
        assert_eq!(display_name("..%2F..%2Fetc%2Fpasswd"), "passwd");
        assert_eq!(clean_name("C:\\Users\\chan\\boot.log"), "boot.log");
        assert_eq!(clean_name("../../"), FALLBACK);
        assert_eq!(clean_name(".."), FALLBACK);
        assert_eq!(display_name("%00"), FALLBACK);
        assert_eq!(display_name("a%00b.log"), "ab.log");
    }

    #[test]
    fn the_rtl_trick_shows_the_real_extension() {
        assert_eq!(display_name("photo%E2%80%AEgnp.exe"), "photognp.exe");
        assert_eq!(clean_name("a\u{2067}b\u{2069}\u{200B}.txt"), "ab.txt");
    }

    #[test]
    fn a_long_name_keeps_its_extension() {
        let long = format!("{}.png", "截".repeat(300));
        let short = clean_name(&long);
        assert_eq!(short.chars().count(), MAX_NAME_CHARS);
        assert!(short.ends_with("….png"));
        let no_ext = clean_name(&"x".repeat(500));
        assert_eq!(no_ext.chars().count(), MAX_NAME_CHARS);
    }
}
