//! Attachments on any input: the display name of any `X-Filename` is
//! harmless and bounded, the sniffer and the JPEG reader never panic and
//! refuse programs whatever follows their magic, and the limits check says
//! exactly what the announced limits say.

use proptest::prelude::*;
use ticket_core::attachment::exif::{inspect, strip};
use ticket_core::attachment::limits::{FileFacts, LIMITS};
use ticket_core::attachment::name::{
    MAX_NAME_CHARS, clean_name, display_name, is_hidden_or_control,
};
use ticket_core::attachment::payload::{Attachment, validate_list};
use ticket_core::attachment::prepare::prepare;
use ticket_core::attachment::{Kind, Sniffed, sniff, text};

fn assert_harmless(name: &str) -> Result<(), TestCaseError> {
    prop_assert!(!name.is_empty());
    prop_assert!(name.chars().count() <= MAX_NAME_CHARS, "{name:?}");
    prop_assert!(!name.contains(['/', '\\', '\0']), "{name:?}");
    prop_assert!(!name.chars().any(is_hidden_or_control), "{name:?}");
    prop_assert!(name != "." && name != "..");
    // Cleaning is stable: a cleaned name passes the payload's check.
    prop_assert_eq!(clean_name(name), name);
    Ok(())
}

/// Names with the characters that matter here, percent-encoded or not.
fn tricky_name() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("../".to_owned()),
        Just("..\\".to_owned()),
        Just("%2F".to_owned()),
        Just("%5C".to_owned()),
        Just("%00".to_owned()),
        Just("%E2%80%AE".to_owned()),
        Just("\u{202E}".to_owned()),
        Just("\u{2066}".to_owned()),
        Just("%".to_owned()),
        Just(".".to_owned()),
        Just(" ".to_owned()),
        Just("截圖".to_owned()),
        Just("\u{1F600}".to_owned()),
        "[a-z.]{0,20}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_header_gives_a_harmless_bounded_name(header in tricky_name()) {
        assert_harmless(&display_name(&header))?;
        assert_harmless(&clean_name(&header))?;
    }

    #[test]
    fn any_bytes_percent_encoded_give_a_harmless_name(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let header: String = bytes.iter().map(|b| format!("%{b:02X}")).collect();
        assert_harmless(&display_name(&header))?;
    }

    #[test]
    fn sniffing_any_bytes_is_consistent(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        match sniff(&bytes) {
            Sniffed::Allowed(Kind::Text) => prop_assert!(text::decode(&bytes).is_some()),
            Sniffed::Empty => prop_assert!(bytes.is_empty()),
            _ => {}
        }
    }

    #[test]
    fn a_program_is_refused_whatever_follows(
        magic in prop::sample::select(vec![&b"MZ"[..], b"\x7fELF", b"\xcf\xfa\xed\xfe", b"\xfe\xed\xfa\xce"]),
        rest in prop::collection::vec(any::<u8>(), 0..200),
    ) {
        let bytes = [magic, &rest].concat();
        prop_assert!(matches!(sniff(&bytes), Sniffed::Executable(_)));
    }

    #[test]
    fn text_is_text(s in "[^\u{0}]{1,200}") {
        prop_assume!(!s.starts_with("MZ"));
        prop_assert_eq!(sniff(s.as_bytes()), Sniffed::Allowed(Kind::Text));
        let mut utf16 = vec![0xff, 0xfe];
        utf16.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        prop_assert_eq!(text::decode(&utf16), Some(s));
    }

    #[test]
    fn the_jpeg_reader_takes_any_input(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let with_soi = [&[0xFF, 0xD8][..], &bytes].concat();
        for input in [&bytes, &with_soi] {
            let _ = inspect(input);
            if let Ok(stripped) = strip(input) {
                // Nothing left to remove; at most the orientation, which
                // adds one small segment.
                let after = inspect(&stripped).unwrap();
                prop_assert!(!after.any(), "{after:?}");
                prop_assert!(stripped.len() <= input.len() + 32);
                prop_assert_eq!(strip(&stripped).unwrap(), stripped);
            }
        }
    }

    #[test]
    fn a_jpeg_cut_anywhere_is_read_without_a_panic(app1 in prop::collection::vec(any::<u8>(), 0..100), cut in any::<prop::sample::Index>()) {
        let mut jpeg = b"\xFF\xD8\xFF\xE1".to_vec();
        jpeg.extend_from_slice(&u16::try_from(app1.len() + 8).unwrap().to_be_bytes());
        jpeg.extend_from_slice(b"Exif\0\0");
        jpeg.extend_from_slice(&app1);
        jpeg.extend_from_slice(b"\xFF\xDA\x00\x02\x01\xFF\xD9");
        prop_assert!(inspect(&jpeg).unwrap().exif);
        prop_assert!(!inspect(&strip(&jpeg).unwrap()).unwrap().any());
        let cut = cut.index(jpeg.len());
        let _ = inspect(&jpeg[..cut]);
        let _ = strip(&jpeg[..cut]);
    }

    #[test]
    fn preparing_any_bytes_as_any_kind_sends_no_metadata_and_no_key(
        bytes in prop::collection::vec(any::<u8>(), 0..400),
        kind in prop::sample::select(Kind::ALL.to_vec()),
        key_at in any::<prop::sample::Index>(),
    ) {
        // Arbitrary bytes, and arbitrary text with a private key inside.
        let text = String::from_utf8_lossy(&bytes).replace('\0', "");
        let at = text.char_indices().map(|(i, _)| i).chain([text.len()]).nth(key_at.index(text.chars().count() + 1)).unwrap_or(0);
        let with_key = format!("{}\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7{}\n-----END RSA PRIVATE KEY-----\n{}", &text[..at], "x".repeat(64), &text[at..]);
        for input in [bytes.as_slice(), with_key.as_bytes()] {
            let p = prepare(kind, input);
            let sent = p.replaced.as_deref().unwrap_or(input);
            if kind == Kind::Jpeg
                && let Ok(after) = inspect(sent)
            {
                prop_assert!(!after.any() || p.metadata_unchecked);
            }
            if kind == Kind::Text && text::is_text(input) {
                prop_assert!(!String::from_utf8_lossy(sent).contains("BEGIN RSA PRIVATE KEY"));
            }
        }
    }

    #[test]
    fn the_list_check_is_the_announced_limits(
        files in prop::collection::vec((0u64..12 * 1024 * 1024, any::<bool>()), 0..8),
    ) {
        let facts: Vec<FileFacts> = files
            .iter()
            .map(|&(size, allowed)| FileFacts { size, kind: allowed.then_some(Kind::Png) })
            .collect();
        let ok = facts.len() <= 5
            && facts.iter().all(|f| f.kind.is_some() && (1..=10 * 1024 * 1024).contains(&f.size))
            && facts.iter().map(|f| f.size).sum::<u64>() <= 25 * 1024 * 1024;
        prop_assert_eq!(LIMITS.check_list(&facts).is_empty(), ok);
    }

    #[test]
    fn any_attachment_list_is_validated_without_a_panic(
        list in prop::collection::vec(
            (any::<String>(), tricky_name(), any::<String>(), any::<u64>(), "[0-9a-fA-F]{0,70}"),
            0..8,
        ),
    ) {
        let list: Vec<Attachment> = list
            .into_iter()
            .map(|(id, name, r#type, size, sha256)| Attachment { id, name, r#type, size, sha256 })
            .collect();
        for e in validate_list(&list) {
            prop_assert!(e.field.starts_with("attachments"));
            prop_assert!(e.code.starts_with("attachment."));
        }
    }
}
