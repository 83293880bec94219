//! Issue 12, defect 5: the e-mail check accepted markup and invalid forms.
//! The widget (`check_field` as the customer types) and the receiver /
//! `ticket-check validate` (`validate_ticket`) use the same rules.

use proptest::prelude::*;
use ticket_core::email::{EmailError, check_email, check_email_exact};
use ticket_core::normalize::fold_email;
use ticket_core::payload::{PolicyFlags, SCHEMA_VERSION, Ticket};
use ticket_core::validate::{check_field, validate_ticket};

/// The code the widget shows for `input`, and the one the receiver gives
/// for a ticket carrying it; they must agree.
fn codes(input: &str) -> (Option<&'static str>, Option<String>) {
    let widget = check_field("email", input, None).err();
    let ticket = Ticket {
        schema_version: SCHEMA_VERSION,
        category: "inquiry.price".into(),
        locale: "en".into(),
        email: input.into(),
        name: String::new(),
        service: String::new(),
        subject: "Price".into(),
        message: "How much is the plan per year?".into(),
        fields: Default::default(),
        trace_summary: None,
        policy: PolicyFlags::default(),
        attachments: Vec::new(),
    };
    let receiver = validate_ticket(&ticket)
        .into_iter()
        .find(|e| e.field == "email")
        .map(|e| e.code);
    (widget, receiver)
}

fn both(input: &str, code: &str) {
    assert_eq!(
        codes(input),
        (Some(code), Some(code.to_owned())),
        "{input:?}"
    );
}

#[test]
fn markup_is_refused_by_widget_and_receiver_alike() {
    for input in [
        "a@example.com<svg/onload=alert(1)>",
        "a@example.com<svg/onload=…>",
        "x<img/src=x/onerror=alert(1)>@example.com",
        "x<img/src=x/onerror=…>@example.com",
        "a@<b>.com",
        "\"a\"@example.com",
        "a(comment)@example.com",
        "a@[192.0.2.1]",
        "a,b@example.com",
        "a;b@example.com",
        "a:b@example.com",
        "a\\b@example.com",
        "a@b@example.com",
        "a\u{0}@example.com",
        "a\u{7f}@example.com",
    ] {
        both(input, "email.invalid_char");
    }
}

#[test]
fn dots_out_of_place_before_the_at() {
    for input in [
        "a..b@example.com",
        ".a@example.com",
        "a.@example.com",
        ".@example.com",
    ] {
        both(input, "email.local_dots");
    }
}

#[test]
fn bad_domains() {
    for input in [
        "a@exa_mple.com",
        "a@-example.com",
        "a@example-.com",
        "a@mail.-example.com",
        "a@example.com-",
        "a@example",
        "a@example.",
        "a@.example.com",
        "a@example..com",
        "a@example.c",
        "a@192.0.2.1",
        "a@example.123",
        "a@exa!mple.com",
        "a@exa+mple.com",
        "a@exa/mple.com",
        "a@exa=mple.com",
        "a@",
    ] {
        both(input, "email.bad_domain");
    }
    let long_label = format!("a@{}.com", "b".repeat(64));
    both(&long_label, "email.bad_domain");
    assert!(check_email(&format!("a@{}.com", "b".repeat(63))).is_ok());
}

#[test]
fn spaces_anywhere_say_spaces() {
    for input in [
        "c h@x.com",
        "ch@x .com",
        "ch @x.com",
        "ch@ x.com",
        "c\th@x.com",
        "c\u{3000}h@x.com",
        "c\u{a0}h@x.com",
        "c h<b>@x.com",
    ] {
        both(input, "email.spaces");
    }
}

#[test]
fn the_local_part_length_has_its_own_code() {
    let local = "a".repeat(65);
    both(&format!("{local}@example.com"), "email.local_too_long");
    let ok = format!("{}@example.com", "a".repeat(64));
    assert_eq!(codes(&ok), (None, None));
    // 22 CJK characters are 66 bytes: RFC 5321 counts octets.
    both(
        &format!("{}@例子.中国", "王".repeat(22)),
        "email.local_too_long",
    );
    both(&format!("{}@b.co", "a".repeat(260)), "too_long");
}

#[test]
fn the_other_codes() {
    both("", "required");
    both("example.com", "email.no_at");
    both("@example.com", "email.bad_local");
}

#[test]
fn real_addresses_pass_both() {
    for input in [
        "chan@example.com",
        "chan.tai-man+vps@mail.example.hk",
        "o'neil@example.ie",
        "user_name@example.co.uk",
        "!#$%&'*+/=?^_`{|}~-@example.com",
        "王小明@例子.中国",
        "müller@bücher.de",
        "a@xn--bcher-kva.de",
        "1@2.example",
    ] {
        assert_eq!(codes(input), (None, None), "{input:?}");
    }
}

#[test]
fn the_widget_folds_and_the_receiver_takes_only_the_folded_form() {
    let typed = "ｃｈａｎ＠ｅｘａｍｐｌｅ．ｃｏｍ";
    assert_eq!(check_email(typed).as_deref(), Ok("chan@example.com"));
    assert_eq!(check_field("email", typed, None), Ok(()));
    // Sent unfolded, the receiver refuses it rather than storing it.
    assert_eq!(codes(typed).1.as_deref(), Some("email.invalid_char"));
    assert_eq!(
        codes(" chan@example.com").1.as_deref(),
        Some("email.spaces")
    );
    assert_eq!(codes(&fold_email(typed)), (None, None));
    assert_eq!(
        check_email("chan@example。com").as_deref(),
        Ok("chan@example.com")
    );
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-z0-9.<>@\"/=_ -]{0,40}",
        proptest::collection::vec(
            prop::sample::select(vec![
                'a', 'Z', '0', '.', '@', '<', '>', '/', '=', '-', '_', '"', ' ', '\u{3000}', '＠',
                '．', '。', 'ａ', '王', '\u{200B}', '\u{301}', '+', '\'', '\n',
            ]),
            0..80,
        )
        .prop_map(|v| v.into_iter().collect()),
    ]
}

proptest! {
    #[test]
    fn no_panic_and_fold_consistency(input in any_text()) {
        let typed = check_email(&input);
        let exact = check_email_exact(&input);
        // What the widget approves is the folded text, which the exact
        // check (the receiver's) approves too.
        if let Ok(sent) = &typed {
            prop_assert_eq!(sent, &fold_email(&input));
            prop_assert_eq!(check_email_exact(sent), Ok(()));
        }
        // The exact check only approves text that folding leaves as it is.
        if exact.is_ok() {
            prop_assert_eq!(fold_email(&input), input.clone());
            prop_assert_eq!(typed, Ok(input.clone()));
        }
        // Markup never passes.
        if input.contains(['<', '>', '"']) {
            prop_assert!(exact.is_err());
        }
        let folded = fold_email(&input);
        prop_assert_eq!(fold_email(&folded), folded.clone());
    }

    #[test]
    fn markup_around_a_good_address_is_refused(
        local in "[a-z]{1,10}",
        tag in prop::sample::select(vec!["<svg/onload=x>", "<img src=x>", "<b>", "</a>", "\"><x>"]),
        at_end in any::<bool>(),
    ) {
        let input = if at_end {
            format!("{local}@example.com{tag}")
        } else {
            format!("{local}{tag}@example.com")
        };
        let err = check_email(&input).unwrap_err();
        prop_assert!(
            matches!(err, EmailError::InvalidChar | EmailError::Spaces),
            "{} gave {:?}", input, err
        );
    }
}
