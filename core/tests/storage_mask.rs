//! Issue 12, defect 6: pasted secrets were kept word for word in the
//! `localStorage` draft. `mask_for_storage` gives what may be stored: no
//! private key, other secrets masked, plain text unchanged.

use proptest::prelude::*;
use ticket_core::policy::{REDACTION_MARKER, STORAGE_MASK, mask_for_storage};

const OPENSSH_KEY: &str = "-----BEGIN OPENSSH PRIVATE KEY-----
b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
QyNTUxOQAAACBa1s7bJ3Qz0m0lWcQX9Vh2dQpN1sGkR9X2bVqK3fJ8TwAAAJgH3wqYB98K
mAAAAAtzc2gtZWQyNTUxOQAAACBa1s7bJ3Qz0m0lWcQX9Vh2dQpN1sGkR9X2bVqK3fJ8Tw
AAAEA3J0b290QHZwczEyMzQ1Njc4OTBhYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMj
-----END OPENSSH PRIVATE KEY-----";

#[test]
fn an_openssh_private_key_never_survives() {
    let text = format!("Hi, I cannot log in with this key:\n{OPENSSH_KEY}\nThanks, Chan");
    let m = mask_for_storage(&text);
    assert!(m.private_key_removed);
    assert_eq!(
        m.text,
        format!("Hi, I cannot log in with this key:\n{REDACTION_MARKER}\nThanks, Chan")
    );
    assert!(m.masked.is_empty());
}

#[test]
fn a_key_pasted_without_its_end_line_goes_to_the_end() {
    let cut: String = OPENSSH_KEY.lines().take(3).collect::<Vec<_>>().join("\n");
    let m = mask_for_storage(&format!("key:\n{cut}"));
    assert!(m.private_key_removed);
    assert_eq!(m.text, format!("key:\n{REDACTION_MARKER}"));
}

#[test]
fn a_key_body_pasted_without_its_begin_line_is_removed_too() {
    let body = OPENSSH_KEY.lines().skip(1).collect::<Vec<_>>().join("\n");
    let text = format!("my key\n{body}\nplease check");
    let m = mask_for_storage(&text);
    assert!(m.private_key_removed);
    assert_eq!(m.text, format!("my key\n{REDACTION_MARKER}\nplease check"));
}

#[test]
fn pem_and_putty_keys_are_removed() {
    for key in [
        "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n-----END RSA PRIVATE KEY-----",
        "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\n-----END PRIVATE KEY-----",
        "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPrivate-Lines: 1\nAAAAIGhOvOrSzdtGi5Dz5SxgmFu9rlnOQdKsJAXTaK1tN+Pb\nPrivate-MAC: 6d0a2c7c5fb4f2ed6b3b9c2e3a0d1f4e5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e",
    ] {
        let m = mask_for_storage(&format!("a\n{key}\nb"));
        assert!(m.private_key_removed, "{key}");
        assert_eq!(m.text, format!("a\n{REDACTION_MARKER}\nb"), "{key}");
    }
}

#[test]
fn a_password_line_never_survives_but_its_place_shows() {
    let m = mask_for_storage("root login\npassword: hunter2\nthanks");
    assert!(!m.text.contains("hunter2"), "{}", m.text);
    assert_eq!(
        m.text,
        format!("root login\npassword: {STORAGE_MASK}\nthanks")
    );
    assert_eq!(m.masked, ["password"]);
    assert!(!m.private_key_removed);

    let m = mask_for_storage("密碼：Abc@12345，謝謝");
    assert_eq!(m.text, format!("密碼：{STORAGE_MASK}，謝謝"));
    let m = mask_for_storage("mysql://root:pa55word@db.example.com/app");
    assert_eq!(
        m.text,
        format!("mysql://root:{STORAGE_MASK}@db.example.com/app")
    );
}

#[test]
fn tokens_keep_their_prefix() {
    let m = mask_for_storage("use ghp_aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0dF2hJ please");
    assert_eq!(m.text, format!("use ghp_{STORAGE_MASK} please"));
    assert_eq!(m.masked, ["API token"]);
    let m = mask_for_storage("AKIAIOSFODNN7EXAMPLE and password: s3cr3t!");
    assert_eq!(
        m.text,
        format!("AKIA{STORAGE_MASK} and password: {STORAGE_MASK}")
    );
    assert_eq!(m.masked, ["API token", "password"]);
}

#[test]
fn plain_text_is_unchanged() {
    for text in [
        "",
        "My VPS does not boot since the reboot.",
        "my password is wrong, please reset it",
        "password: ********",
        "我的伺服器無法連線，請協助。",
        "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkq\n-----END PUBLIC KEY-----",
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGhOvOrSzdtGi5Dz5SxgmFu9rlnOQdKsJAXTaK1tN+Pb chan@pc",
    ] {
        let m = mask_for_storage(text);
        assert_eq!(m.text, text);
        assert!(!m.private_key_removed && m.masked.is_empty(), "{text}");
    }
}

#[test]
fn masking_twice_changes_nothing() {
    let text =
        format!("password: hunter2\n{OPENSSH_KEY}\ntoken: ghp_aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0dF2hJ");
    let once = mask_for_storage(&text);
    let twice = mask_for_storage(&once.text);
    assert_eq!(twice.text, once.text);
    assert!(!twice.private_key_removed && twice.masked.is_empty());
}

fn base64_line() -> impl Strategy<Value = String> {
    "[A-Za-z0-9+/]{24,70}"
}

fn surrounding() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-zA-Z0-9 :=\\n.-]{0,80}",
        Just(String::new()),
    ]
}

proptest! {
    #[test]
    fn no_panic_on_any_text(text in any::<String>()) {
        let m = mask_for_storage(&text);
        // Nothing found, nothing changed.
        if !m.private_key_removed && m.masked.is_empty() {
            prop_assert_eq!(m.text, text);
        }
    }

    #[test]
    fn a_private_key_body_never_survives(
        before in surrounding(),
        after in surrounding(),
        kind in prop::sample::select(vec!["OPENSSH", "RSA", "EC", "ENCRYPTED", ""]),
        body in proptest::collection::vec(base64_line(), 1..6),
        with_end in any::<bool>(),
        crlf in any::<bool>(),
    ) {
        let nl = if crlf { "\r\n" } else { "\n" };
        let label = if kind.is_empty() { String::new() } else { format!("{kind} ") };
        let mut key = format!("-----BEGIN {label}PRIVATE KEY-----{nl}{}", body.join(nl));
        if with_end {
            key.push_str(&format!("{nl}-----END {label}PRIVATE KEY-----"));
        }
        let text = format!("{before}\n{key}\n{after}");
        let m = mask_for_storage(&text);
        prop_assert!(m.private_key_removed);
        for line in &body {
            prop_assert!(!m.text.contains(line.as_str()), "{} survived in {:?}", line, m.text);
        }
    }

    #[test]
    fn a_headless_openssh_body_never_survives(
        before in "[a-z :\\n]{0,40}",
        after in "[a-z :\\n]{0,40}",
        body in proptest::collection::vec(base64_line(), 0..5),
    ) {
        let body: Vec<String> = std::iter::once(format!("b3BlbnNzaC1rZXktdjEAAAAABG5vbmU{}", "A".repeat(20)))
            .chain(body)
            .collect();
        let text = format!("{before}\n{}\n{after}", body.join("\n"));
        let m = mask_for_storage(&text);
        prop_assert!(m.private_key_removed);
        for line in &body {
            prop_assert!(!m.text.contains(line.as_str()), "{} survived in {:?}", line, m.text);
        }
    }
}
