//! Issue 12, defect 2: full-width input was checked folded but sent
//! unfolded. `fold_for_field` gives the exact text the checks approved; the
//! receiver (`validate_ticket`, `ticket-check validate`) takes the e-mail
//! and IP as they are, so only that folded text passes there.

use proptest::prelude::*;
use ticket_core::ip::check_ip;
use ticket_core::normalize::{fold_email, fold_ip};
use ticket_core::payload::{PolicyFlags, SCHEMA_VERSION, Ticket};
use ticket_core::validate::{check_field, fold_for_field, validate_ticket};

fn ticket(email: &str, ip: &str) -> Ticket {
    let mut fields = std::collections::BTreeMap::new();
    fields.insert("ip".to_owned(), ip.to_owned());
    Ticket {
        schema_version: SCHEMA_VERSION,
        category: "technical.ip".into(),
        locale: "zh-Hant".into(),
        email: email.into(),
        name: String::new(),
        service: "vps-1".into(),
        subject: "IP".into(),
        message: "請問這個 IP 為何無法連線？".into(),
        fields,
        trace_summary: None,
        policy: PolicyFlags::default(),
        attachments: Vec::new(),
    }
}

fn errors(t: &Ticket) -> Vec<(String, String)> {
    validate_ticket(t)
        .into_iter()
        .map(|e| (e.field, e.code))
        .collect()
}

#[test]
fn typed_fullwidth_folds_to_the_ascii_the_checks_approved() {
    let cases = [
        (
            "email",
            "ｃｈａｎ＠ｅｘａｍｐｌｅ．ｃｏｍ",
            "chan@example.com",
        ),
        ("email", "  chan@example。com\u{3000}", "chan@example.com"),
        ("email", "王小明＠例子．中国", "王小明@例子.中国"),
        ("ip", "１９２．１６８．１．１", "192.168.1.1"),
        ("ip", "192。168。1。1", "192.168.1.1"),
        ("ip", " ２００１：ｄｂ８：：１ ", "2001:db8::1"),
        ("ip", "\u{200B}8.8.8.8\u{FEFF}", "8.8.8.8"),
    ];
    for (key, typed, sent) in cases {
        assert_eq!(check_field(key, typed, None), Ok(()), "{typed}");
        assert_eq!(fold_for_field(key, typed), sent, "{typed}");
        assert_eq!(check_field(key, sent, None), Ok(()), "{sent}");
    }
    assert_eq!(fold_for_field("subject", " ｈｉ "), " ｈｉ ");
    assert_eq!(fold_for_field("message", "１２３"), "１２３");
}

#[test]
fn the_receiver_stores_only_the_folded_form() {
    let typed = ticket("ｃｈａｎ＠ｅｘａｍｐｌｅ．ｃｏｍ", "１９２．１６８．１．１");
    assert_eq!(
        errors(&typed),
        [
            ("email".into(), "email.invalid_char".into()),
            ("ip".into(), "ip.invalid".into())
        ]
    );
    let sent = ticket(
        &fold_for_field("email", &typed.email),
        &fold_for_field("ip", &typed.fields["ip"]),
    );
    assert_eq!(errors(&sent), []);
    assert_eq!(
        errors(&ticket(" chan@example.com", "8.8.8.8 ")),
        [
            ("email".into(), "email.spaces".into()),
            ("ip".into(), "ip.invalid".into())
        ]
    );
}

proptest! {
    /// What the IP check approves for typed text, it approves for the
    /// folded text, giving the same address; and the folded text passes
    /// the receiver.
    #[test]
    fn ip_fold_is_what_the_check_read(input in prop_oneof![
        any::<String>(),
        "[0-9０-９.．。:：a-fＡ-Ｆ \u{3000}\u{200B}%/\\[\\]]{0,45}",
    ]) {
        let folded = fold_ip(&input);
        prop_assert_eq!(fold_ip(&folded), folded.clone());
        if let Ok(info) = check_ip(&input) {
            prop_assert_eq!(check_ip(&folded), Ok(info));
            let t = ticket("a@example.com", &folded);
            prop_assert!(errors(&t).is_empty(), "{:?}", errors(&t));
        }
    }

    #[test]
    fn email_fold_is_what_the_check_approved(input in prop_oneof![
        any::<String>(),
        "[a-zａ-ｚ.．。@＠ \u{3000}\u{200B}<>-]{0,40}",
    ]) {
        if check_field("email", &input, None).is_ok() {
            let t = ticket(&fold_email(&input), "8.8.8.8");
            prop_assert!(errors(&t).is_empty(), "{:?}", errors(&t));
        }
    }
}
