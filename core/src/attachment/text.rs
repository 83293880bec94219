//! When a file counts as plain text (a log, a config, a command's output).
//!
//! - UTF-8 throughout (a UTF-8 byte-order mark is allowed), or
//! - UTF-16 with a byte-order mark (`FF FE` or `FE FF`), as Windows
//!   PowerShell writes `>` redirections and many Windows tools their logs:
//!   accepted, since refusing them would refuse most Windows logs; the
//!   content must decode (no lone surrogates) and the widget reads it with
//!   [`decode`] for the policy and secret checks. Without a BOM, UTF-16 is
//!   binary-looking (NUL bytes) and refused.
//! - No NUL character anywhere: NUL is what tells binary data from text.
//!   Other control characters are allowed (tabs, form feeds, the ANSI
//!   colour escapes of many logs).
//!
//! Legacy encodings (GBK, Big5, Latin-1) are not text by this rule: they
//! cannot be read back reliably. The customer can save the log as UTF-8.

const UTF8_BOM: &[u8] = b"\xef\xbb\xbf";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
}

/// The encoding by the rule above, or `None` if `bytes` are not text.
pub fn encoding(bytes: &[u8]) -> Option<Encoding> {
    decode_as(bytes).map(|(encoding, _)| encoding)
}

/// True when `bytes` are text by the rule above.
pub fn is_text(bytes: &[u8]) -> bool {
    encoding(bytes).is_some()
}

/// The text of `bytes` (without the byte-order mark), if they are text.
pub fn decode(bytes: &[u8]) -> Option<String> {
    decode_as(bytes).map(|(_, text)| text)
}

fn decode_as(bytes: &[u8]) -> Option<(Encoding, String)> {
    let (encoding, text) = if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        (Encoding::Utf16Le, utf16(rest, u16::from_le_bytes)?)
    } else if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        (Encoding::Utf16Be, utf16(rest, u16::from_be_bytes)?)
    } else {
        let rest = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
        (Encoding::Utf8, std::str::from_utf8(rest).ok()?.to_owned())
    };
    (!text.contains('\0')).then_some((encoding, text))
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Option<String> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str) -> Vec<u8> {
        let mut bytes = vec![0xff, 0xfe];
        for unit in text.encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        bytes
    }

    #[test]
    fn utf8_with_or_without_a_bom_and_with_ansi_colours() {
        assert_eq!(encoding(b"ok\n"), Some(Encoding::Utf8));
        assert_eq!(decode(b"\xef\xbb\xbfok"), Some("ok".to_owned()));
        assert!(is_text(b"\x1b[31mERROR\x1b[0m disk full\r\n\tat x\x0c"));
    }

    #[test]
    fn a_windows_log_in_utf16_with_a_bom_is_text() {
        let bytes = utf16le("Windows IP 設定\r\n");
        assert_eq!(encoding(&bytes), Some(Encoding::Utf16Le));
        assert_eq!(decode(&bytes).unwrap(), "Windows IP 設定\r\n");
        let mut be = vec![0xfe, 0xff];
        be.extend("ok".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be).unwrap(), "ok");
    }

    #[test]
    fn binary_odd_or_legacy_bytes_are_not_text() {
        assert!(!is_text(b"a\0b"));
        // UTF-16 without a BOM: NUL bytes.
        assert!(!is_text(b"o\0k\0"));
        // Odd length, lone surrogate, NUL inside UTF-16.
        assert!(!is_text(b"\xff\xfeo\0k"));
        assert!(!is_text(b"\xff\xfe\x00\xd8"));
        assert!(!is_text(b"\xff\xfe\0\0"));
        // GBK 開機.
        assert!(!is_text(b"\xe9\x5f\x99\x43"));
    }
}
