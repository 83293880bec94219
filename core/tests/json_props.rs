//! `ticket_core::json` agrees with serde_json: strings are written to the
//! same text and read back, and the reader accepts exactly the texts
//! serde_json accepts, to the same values. It never panics.

use proptest::prelude::*;
use serde_json::Value as Serde;
use std::time::{Duration, Instant};
use ticket_core::json::{self, MAX_DEPTH, Value};

fn to_serde(v: &Value) -> Serde {
    match v {
        Value::Null => Serde::Null,
        Value::Bool(b) => Serde::Bool(*b),
        Value::Number(n) => serde_json::from_str(n).unwrap(),
        Value::String(s) => Serde::String(s.clone()),
        Value::Array(items) => Serde::Array(items.iter().map(to_serde).collect()),
        // Inserted in order, so a repeated key keeps its last value.
        Value::Object(members) => Serde::Object(
            members
                .iter()
                .map(|(k, v)| (k.clone(), to_serde(v)))
                .collect(),
        ),
    }
}

/// serde_json refuses numbers beyond f64's range (`1e999`); this reader
/// keeps every number as text.
fn has_huge_number(v: &Value) -> bool {
    match v {
        Value::Number(n) => n.parse::<f64>().is_ok_and(f64::is_infinite),
        Value::Array(items) => items.iter().any(has_huge_number),
        Value::Object(members) => members.iter().any(|(_, v)| has_huge_number(v)),
        _ => false,
    }
}

fn agrees_with_serde_json(text: &str) {
    let ours = json::parse(text);
    match (serde_json::from_str::<Serde>(text), &ours) {
        (Ok(theirs), Some(v)) => assert_eq!(to_serde(v), theirs, "{text:?}"),
        (Err(_), None) => {}
        (Err(e), Some(v)) => assert!(has_huge_number(v), "{text:?}: serde_json says {e}"),
        (Ok(_), None) => panic!("{text:?} refused, serde_json reads it"),
    }
}

/// Pieces of JSON, valid and broken, so random texts reach every branch.
const TOKENS: &[&str] = &[
    "{", "}", "[", "]", ",", ":", "\"", "\"a\"", "\"b\"", "null", "nul", "true", "false", "0", "1",
    "-", "12", ".", ".5", "e", "E+", "e-2", "01", " ", "\n", "\t", "\r", "\\", "\\\"", "\\\\",
    "\\/", "\\n", "\\u", "00e9", "d83d", "\\ud83d", "\\ude00", "dc00", "\\uD800", "\\u12", "\\x",
    "\u{1}", "\u{7f}", "é", "翻牆", "😀", "\u{feff}",
];

fn token_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..60).prop_map(|t| t.concat())
}

/// Valid JSON of every kind, with any text in strings and keys.
fn serde_value() -> impl Strategy<Value = Serde> {
    let leaf = prop_oneof![
        Just(Serde::Null),
        any::<bool>().prop_map(Serde::Bool),
        any::<i64>().prop_map(Serde::from),
        any::<u64>().prop_map(Serde::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Serde::from),
        any::<String>().prop_map(Serde::String),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Serde::Array),
            prop::collection::vec((any::<String>(), inner), 0..8)
                .prop_map(|m| Serde::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn strings_are_written_as_serde_json_writes_them_and_read_back(s in any::<String>()) {
        let text = json::to_string(&s);
        prop_assert_eq!(&text, &serde_json::to_string(&s).unwrap());
        prop_assert_eq!(json::parse(&text), Some(Value::String(s)));
    }

    #[test]
    fn reads_what_serde_json_writes(v in serde_value(), pretty in any::<bool>()) {
        let text = if pretty {
            serde_json::to_string_pretty(&v).unwrap()
        } else {
            serde_json::to_string(&v).unwrap()
        };
        // Compared with serde_json's reading, not with `v`: without its
        // `float_roundtrip` feature serde_json may read a float 1 ulp off.
        let theirs: Serde = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(json::parse(&text).as_ref().map(to_serde), Some(theirs));
    }

    #[test]
    fn accepts_and_refuses_what_serde_json_does(text in token_soup()) {
        agrees_with_serde_json(&text);
    }

    #[test]
    fn reads_unicode_escapes_as_serde_json_does(
        units in prop::collection::vec(
            prop_oneof![0u32..0x80, 0xd7f0u32..0xe010, 0u32..0x1_0000],
            1..4,
        ),
    ) {
        let text: String = units.iter().map(|u| format!("\\u{u:04x}")).collect();
        agrees_with_serde_json(&format!("\"{text}\""));
    }

    #[test]
    fn never_panics(text in any::<String>()) {
        let _ = json::parse(&text);
        let _ = json::parse_first(&text);
    }
}

#[test]
fn nesting_is_limited_as_in_serde_json() {
    for depth in [1, MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1, 1000] {
        let arrays = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        agrees_with_serde_json(&arrays);
        let objects = format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth));
        agrees_with_serde_json(&objects);
    }
}

/// A megabyte of garbage, or of open brackets, is answered at once.
#[test]
fn large_inputs_are_read_quickly_and_refused() {
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut garbage = String::new();
    while garbage.len() < 1 << 20 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        garbage.push_str(TOKENS[(seed % TOKENS.len() as u64) as usize]);
    }
    let long_string = format!("\"{}", "é\\n".repeat(1 << 18));
    let long_array = format!("[{}0", "0,".repeat(1 << 19));
    for text in [
        garbage,
        "[".repeat(1 << 20),
        "{\"a\":".repeat(1 << 18),
        long_string,
        long_array,
    ] {
        let start = Instant::now();
        assert_eq!(json::parse(&text), None);
        let _ = json::parse_first(&text);
        let head: String = text.chars().take(20).collect();
        assert!(start.elapsed() < Duration::from_secs(2), "{head}");
    }
}
