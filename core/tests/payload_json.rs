//! The widget writes the payload and the receiver reads it, both with
//! serde_json: what is sent is read back unchanged, on random tickets, on
//! every fixture trace and on the documented example, and the JSON keeps the
//! shape `public/ticket.schema.json` documents. Any answer body is read
//! without a panic.

use proptest::prelude::*;
use std::collections::BTreeMap;
use ticket_core::attachment::Attachment;
use ticket_core::payload::{Accepted, PolicyFlags, Rejected, SCHEMA_VERSION, Ticket};
use ticket_core::trace::{Hop, Responder, TraceFormat, TraceSummary, parse};
use ticket_core::validate::FieldError;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-z\"\\\\\u{0}-\u{1f}\u{7f}翻牆😀 ]{0,12}",
    ]
}

/// Figures as the trace summary keeps them: whole thousandths, below 10¹².
fn figure() -> impl Strategy<Value = f64> {
    prop_oneof![
        (0u64..1_000_000).prop_map(|n| n as f64 / 1000.0),
        (0u64..1_000_000_000_000_000).prop_map(|n| n as f64 / 1000.0),
        Just(0.0),
    ]
}

fn responder() -> impl Strategy<Value = Responder> {
    (
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of(text()),
    )
        .prop_map(|(address, name, asn)| Responder { address, name, asn })
}

fn hop() -> impl Strategy<Value = Hop> {
    (
        any::<u32>(),
        prop::collection::vec(responder(), 0..3),
        prop::collection::vec(figure(), 0..4),
        any::<u32>(),
        prop::collection::vec(prop::option::of(figure()), 4),
    )
        .prop_map(|(hop, responders, rtts_ms, lost, f)| Hop {
            hop,
            responders,
            rtts_ms,
            lost,
            loss_pct: f[0],
            avg_ms: f[1],
            best_ms: f[2],
            worst_ms: f[3],
        })
}

fn summary() -> impl Strategy<Value = TraceSummary> {
    (
        prop::sample::select(TraceFormat::ALL.to_vec()),
        any::<u32>(),
        (prop::option::of(text()), prop::option::of(text())),
        prop::option::of(any::<bool>()),
        prop::option::of(figure()),
        prop::collection::vec(prop::option::of(any::<u32>()), 2),
        prop::collection::vec(hop(), 0..4),
    )
        .prop_map(
            |(format, hop_count, (destination, destination_name), reached, loss, h, hops)| {
                TraceSummary {
                    format,
                    hop_count,
                    destination,
                    destination_name,
                    reached,
                    final_loss_pct: loss,
                    loss_onset_hop: h[0],
                    worst_hop: h[1],
                    hops,
                }
            },
        )
}

fn attachment() -> impl Strategy<Value = Attachment> {
    (text(), text(), text(), any::<u64>(), text()).prop_map(|(id, name, r#type, size, sha256)| {
        Attachment {
            id,
            name,
            r#type,
            size,
            sha256,
        }
    })
}

fn ticket() -> impl Strategy<Value = Ticket> {
    (
        prop::collection::vec(text(), 7),
        prop::collection::btree_map(text(), text(), 0..4),
        prop::option::of(summary()),
        prop::collection::vec(prop::collection::vec(text(), 0..3), 3),
        any::<bool>(),
        any::<u32>(),
        prop::collection::vec(attachment(), 0..3),
    )
        .prop_map(
            |(t, fields, trace_summary, terms, acknowledged, version, attachments)| Ticket {
                schema_version: version,
                category: t[0].clone(),
                locale: t[1].clone(),
                email: t[2].clone(),
                name: t[3].clone(),
                service: t[4].clone(),
                subject: t[5].clone(),
                message: t[6].clone(),
                fields,
                trace_summary,
                policy: PolicyFlags {
                    circumvention_terms: terms[0].clone(),
                    acknowledged,
                    out_of_scope_terms: terms[1].clone(),
                    secrets_left: terms[2].clone(),
                },
                attachments,
            },
        )
}

/// Answers a receiver might give, well-formed or not.
fn answer() -> impl Strategy<Value = String> {
    let value = prop_oneof![
        Just("\"LK-1\"".to_owned()),
        Just("\"\"".to_owned()),
        Just("1".to_owned()),
        Just("null".to_owned()),
        Just("[]".to_owned()),
        Just(r#"[{"field":"email","code":"email.no_at"}]"#.to_owned()),
        Just(r#"[{"field":"email"}]"#.to_owned()),
        Just(r#"[{"field":"a","code":"b","extra":[1]},{"code":"c","field":"d"}]"#.to_owned()),
        Just(r#"[{"field":1,"code":"b"}]"#.to_owned()),
        Just("[1]".to_owned()),
    ];
    let key = prop::sample::select(vec!["reference", "errors", "other", "Reference"]);
    prop_oneof![
        prop::collection::btree_map(key, value, 0..3).prop_map(|m| {
            let members: Vec<String> = m.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
            format!("{{{}}}", members.join(","))
        }),
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn tickets_read_back_as_they_were_sent(t in ticket()) {
        let sent = t.to_json();
        prop_assert_eq!(&sent, &serde_json::to_string(&t).unwrap());
        let back: Ticket = serde_json::from_str(&sent).unwrap();
        prop_assert_eq!(&back, &t);
        prop_assert_eq!(back.to_json(), sent);
    }

    #[test]
    fn answers_read_back_as_they_were_sent(
        reference in text(),
        errors in prop::collection::vec((text(), text()), 0..4),
    ) {
        let a = Accepted { reference };
        let back: Accepted = serde_json::from_str(&serde_json::to_string(&a).unwrap()).unwrap();
        prop_assert_eq!(back, a);
        let r = Rejected {
            errors: errors.into_iter().map(|(field, code)| FieldError { field, code }).collect(),
        };
        let back: Rejected = serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
        prop_assert_eq!(back, r);
    }

    #[test]
    fn any_answer_is_read_without_a_panic(body in answer()) {
        let accepted = serde_json::from_str::<Accepted>(&body);
        let rejected = serde_json::from_str::<Rejected>(&body);
        // Members other than the expected one are ignored.
        if body.starts_with("{\"reference\":\"LK-1\"") {
            prop_assert!(accepted.is_ok());
        }
        if body == r#"{"errors":[{"field":"email","code":"email.no_at"}]}"# {
            prop_assert!(rejected.is_ok());
        }
    }
}

/// The field names and their order, as the receiver and support tools
/// expect them.
#[test]
fn a_ticket_is_written_in_the_documented_shape() {
    let t = ticket_with(None);
    assert_eq!(
        t.to_json(),
        concat!(
            r#"{"schema_version":1,"category":"technical.routing","locale":"zh-Hant","#,
            r#""email":"a@b.co","name":"陳大文","service":"vps-1","subject":"晚上丟包","#,
            r#""message":"每天晚上\n\t\"延遲\" 300ms","fields":{"trace":"1 x"},"#,
            r#""trace_summary":null,"policy":{"circumvention_terms":["VPN"],"#,
            r#""acknowledged":true,"out_of_scope_terms":[],"secrets_left":[]}}"#
        )
    );
    let answers: [(&str, Option<Accepted>); 3] = [
        (
            r#"{"reference":"LK-1","x":[1]}"#,
            Some(Accepted {
                reference: "LK-1".into(),
            }),
        ),
        (r#"{"reference":1}"#, None),
        ("<html>", None),
    ];
    for (body, expected) in answers {
        assert_eq!(
            serde_json::from_str::<Accepted>(body).ok(),
            expected,
            "{body}"
        );
    }
}

fn ticket_with(trace_summary: Option<TraceSummary>) -> Ticket {
    let mut fields = BTreeMap::new();
    fields.insert("trace".to_owned(), "1 x".to_owned());
    Ticket {
        schema_version: SCHEMA_VERSION,
        category: "technical.routing".into(),
        locale: "zh-Hant".into(),
        email: "a@b.co".into(),
        name: "陳大文".into(),
        service: "vps-1".into(),
        subject: "晚上丟包".into(),
        message: "每天晚上\n\t\"延遲\" 300ms".into(),
        fields,
        trace_summary,
        policy: PolicyFlags {
            circumvention_terms: vec!["VPN".into()],
            acknowledged: true,
            ..PolicyFlags::default()
        },
        attachments: Vec::new(),
    }
}

#[test]
fn every_fixture_trace_reads_back_as_it_was_sent() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/traces");
    let mut summaries = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if !path.is_file() {
            continue; // `real/`, with its own test
        }
        let paste = std::fs::read_to_string(path).unwrap();
        if let Ok(s) = parse(&paste) {
            let t = ticket_with(Some(s));
            assert_eq!(serde_json::from_str::<Ticket>(&t.to_json()).unwrap(), t);
            summaries += 1;
        }
    }
    assert!(summaries > 20);
}

#[test]
fn the_documented_example_reads_and_writes_the_same_both_ways() {
    let example = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../public/examples/ticket.json"
    ))
    .unwrap();
    let mut t: Ticket = serde_json::from_str(&example).unwrap();
    assert_eq!(serde_json::from_str::<Ticket>(&t.to_json()).unwrap(), t);
    t.trace_summary = parse(&t.fields["trace"]).ok();
    assert!(t.trace_summary.is_some());
    let sent = t.to_json();
    assert_eq!(serde_json::from_str::<Ticket>(&sent).unwrap(), t);
}

#[test]
fn the_schema_lists_every_trace_format_by_its_payload_name() {
    let schema = schema();
    let listed = &schema["$defs"]["trace_summary"]["properties"]["format"]["enum"];
    let ids: Vec<&str> = TraceFormat::ALL.iter().map(|f| f.id()).collect();
    assert_eq!(listed, &serde_json::json!(ids));
    for f in TraceFormat::ALL {
        assert_eq!(
            serde_json::to_string(&f).unwrap(),
            format!("\"{}\"", f.id())
        );
    }
}

#[test]
fn the_schema_lists_every_locale_the_receiver_accepts() {
    let schema = schema();
    let listed = &schema["properties"]["locale"]["enum"];
    assert_eq!(listed, &serde_json::json!(ticket_core::validate::LOCALES));
}

fn schema() -> serde_json::Value {
    serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../public/ticket.schema.json"
        ))
        .unwrap(),
    )
    .unwrap()
}

#[test]
fn the_schema_describes_every_member_of_the_form_signals() {
    use ticket_core::payload::{FormSignals, Proof};
    let schema = schema();
    let documented = &schema["properties"]["form"]["properties"];
    let every_part = FormSignals {
        honeypot: String::new(),
        fill_ms: Some(1),
        pow: Some(Proof::default()),
    };
    let sent = serde_json::to_value(&every_part).unwrap();
    let names = |v: &serde_json::Value| -> Vec<String> {
        let mut names: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        names.sort();
        names
    };
    assert_eq!(names(&sent), names(documented));
    assert_eq!(names(&sent["pow"]), names(&documented["pow"]["properties"]));
}

#[test]
fn the_schema_states_the_attachment_limits_and_types() {
    use ticket_core::attachment::{Kind, LIMITS, name::MAX_NAME_CHARS, payload::MAX_ID_LEN};
    let schema = schema();
    assert_eq!(
        schema["properties"]["attachments"]["maxItems"],
        LIMITS.max_files
    );
    let item = &schema["$defs"]["attachment"];
    assert_eq!(item["properties"]["size"]["maximum"], LIMITS.max_file_bytes);
    assert_eq!(item["properties"]["name"]["maxLength"], MAX_NAME_CHARS);
    assert_eq!(
        item["properties"]["id"]["pattern"],
        format!("^[A-Za-z0-9_-]{{1,{MAX_ID_LEN}}}$")
    );
    let types: Vec<&str> = Kind::ALL.iter().map(|k| k.mime()).collect();
    assert_eq!(item["properties"]["type"]["enum"], serde_json::json!(types));
    let description = schema["properties"]["attachments"]["description"]
        .as_str()
        .unwrap();
    for n in [LIMITS.max_file_bytes, LIMITS.max_total_bytes] {
        assert!(description.contains(&n.to_string()), "{n}");
    }
}

/// The example with attachments names the real fixtures (tests/fixtures/)
/// by their size and type, and passes the checks a receiver makes.
#[test]
fn the_example_with_attachments_is_valid_and_names_the_fixtures() {
    use ticket_core::attachment::{Sniffed, sniff};
    let example = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../public/examples/ticket-with-attachments.json"
    ))
    .unwrap();
    let t: Ticket = serde_json::from_str(&example).unwrap();
    assert_eq!(t.attachments.len(), 2);
    assert_eq!(serde_json::from_str::<Ticket>(&t.to_json()).unwrap(), t);
    assert!(
        ticket_core::validate_ticket(&t).is_empty(),
        "{:?}",
        ticket_core::validate_ticket(&t)
    );
    for a in &t.attachments {
        let bytes = std::fs::read(format!(
            "{}/../tests/fixtures/{}",
            env!("CARGO_MANIFEST_DIR"),
            a.name
        ))
        .unwrap();
        assert_eq!(a.size, bytes.len() as u64, "{}", a.name);
        let Sniffed::Allowed(kind) = sniff(&bytes) else {
            panic!("{} is not an allowed type", a.name);
        };
        assert_eq!(a.r#type, kind.mime());
    }
    // Without attachments the member is left out, as before.
    let plain: Ticket = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../public/examples/ticket.json"
        ))
        .unwrap(),
    )
    .unwrap();
    assert!(!plain.to_json().contains("attachments"));
}
