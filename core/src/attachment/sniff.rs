//! The type of a file, read from its first bytes (magic numbers), never
//! from its name: a Windows program renamed `screenshot.png` is still a
//! program.
//!
//! Rules, in order:
//! 1. Empty: nothing to read.
//! 2. Executables are recognised first and always refused: PE/DOS (`MZ`),
//!    ELF, Mach-O (32/64-bit, both byte orders, universal binaries),
//!    WebAssembly and Java class files (`CAFEBABE` is also the universal
//!    Mach-O magic). A text file that happens to start with the letters
//!    `MZ` is refused too: a rare false refusal is the price of never
//!    passing a program on as text.
//! 3. The image and PDF signatures at offset 0: PNG, JPEG (`FF D8 FF`),
//!    WebP (`RIFF….WEBP`), GIF (87a/89a), PDF (`%PDF-`).
//! 4. Otherwise text, when [`super::text::is_text`] accepts the whole
//!    content. A script with a shebang line (`#!/bin/sh`) is text: it is
//!    stored and shown as text and never run, so it is no more dangerous
//!    than a pasted config. It cannot pass as an image, since the declared
//!    type must match (see [`super::declared`]).
//! 5. Anything else (archives, Office documents, binary data) is unknown.

use super::kind::Kind;
use super::text;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sniffed {
    Allowed(Kind),
    /// A program, named by its format (`PE`, `ELF`, `Mach-O`, …).
    Executable(&'static str),
    Unknown,
    Empty,
}

impl Sniffed {
    pub fn kind(self) -> Option<Kind> {
        match self {
            Sniffed::Allowed(kind) => Some(kind),
            _ => None,
        }
    }
}

const EXECUTABLES: &[(&[u8], &str)] = &[
    (b"MZ", "PE"),
    (b"\x7fELF", "ELF"),
    (b"\xfe\xed\xfa\xce", "Mach-O"),
    (b"\xfe\xed\xfa\xcf", "Mach-O"),
    (b"\xce\xfa\xed\xfe", "Mach-O"),
    (b"\xcf\xfa\xed\xfe", "Mach-O"),
    (b"\xca\xfe\xba\xbe", "Mach-O universal or Java class"),
    (b"\xca\xfe\xba\xbf", "Mach-O universal"),
    (b"\0asm", "WebAssembly"),
];

const SIGNATURES: &[(&[u8], Kind)] = &[
    (b"\x89PNG\r\n\x1a\n", Kind::Png),
    (b"\xff\xd8\xff", Kind::Jpeg),
    (b"GIF87a", Kind::Gif),
    (b"GIF89a", Kind::Gif),
    (b"%PDF-", Kind::Pdf),
];

/// What `bytes` are. Reads the whole content only for text (to check it
/// is text throughout); signatures are checked on the first bytes.
pub fn sniff(bytes: &[u8]) -> Sniffed {
    if bytes.is_empty() {
        return Sniffed::Empty;
    }
    if let Some((_, name)) = EXECUTABLES.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Sniffed::Executable(name);
    }
    if let Some((_, kind)) = SIGNATURES.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Sniffed::Allowed(*kind);
    }
    if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        return Sniffed::Allowed(Kind::Webp);
    }
    if text::is_text(bytes) {
        return Sniffed::Allowed(Kind::Text);
    }
    Sniffed::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_allowed_type_by_its_signature() {
        let cases: [(&[u8], Kind); 8] = [
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", Kind::Png),
            (b"\xff\xd8\xff\xe0\0\x10JFIF\0", Kind::Jpeg),
            (b"RIFF\x24\0\0\0WEBPVP8 ", Kind::Webp),
            (b"GIF89a\x01\0\x01\0", Kind::Gif),
            (b"GIF87a", Kind::Gif),
            (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", Kind::Pdf),
            (b"2026-11-24 21:03 kernel: eth0 link up\n", Kind::Text),
            ("開機失敗\r\n".as_bytes(), Kind::Text),
        ];
        for (bytes, kind) in cases {
            assert_eq!(sniff(bytes), Sniffed::Allowed(kind), "{bytes:?}");
        }
    }

    #[test]
    fn programs_are_refused_whatever_follows() {
        for bytes in [
            &b"MZ\x90\0\x03\0\0\0"[..],
            b"\x7fELF\x02\x01\x01",
            b"\xcf\xfa\xed\xfe\x07\0\0\x01",
            b"\xca\xfe\xba\xbe\0\0\0\x02",
            b"\0asm\x01\0\0\0",
            // A PE whose stub happens to look like text.
            b"MZ this program cannot be run in DOS mode",
        ] {
            assert!(matches!(sniff(bytes), Sniffed::Executable(_)), "{bytes:?}");
        }
    }

    #[test]
    fn a_script_is_text_and_other_binaries_are_unknown() {
        assert_eq!(
            sniff(b"#!/bin/sh\nrm -rf /tmp/x\n"),
            Sniffed::Allowed(Kind::Text)
        );
        assert_eq!(sniff(b"PK\x03\x04\x14\0"), Sniffed::Unknown);
        assert_eq!(sniff(b"RIFF\x24\0\0\0WAVEfmt "), Sniffed::Unknown);
        assert_eq!(sniff(b"RIFF\x24\0\0\0WEB"), Sniffed::Unknown);
        // Letters that begin a signature are still just text.
        assert_eq!(sniff(b"RIFF"), Sniffed::Allowed(Kind::Text));
        assert_eq!(sniff(b"text\0with a NUL"), Sniffed::Unknown);
        assert_eq!(sniff(b""), Sniffed::Empty);
    }
}
