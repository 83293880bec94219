//! Issue 12, defect 7: the widget refuses an over-limit paste at paste time
//! and names the limit. `max_len` / `exceeds_max_len` must say exactly what
//! the checks enforce.

use ticket_core::catalog::Field;
use ticket_core::validate::{LenUnit, MaxLen, check_field, exceeds_max_len, max_len};

fn chars(max: usize) -> Option<MaxLen> {
    Some(MaxLen {
        max,
        unit: LenUnit::Chars,
    })
}

#[test]
fn limits_by_key() {
    assert_eq!(max_len("message"), chars(20_000));
    assert_eq!(max_len("subject"), chars(200));
    assert_eq!(max_len("name"), chars(100));
    assert_eq!(max_len("service"), chars(200));
    assert_eq!(max_len("ip"), chars(100));
    assert_eq!(max_len("os_template"), chars(120));
    assert_eq!(max_len("order_number"), chars(64));
    assert_eq!(
        max_len("trace"),
        Some(MaxLen {
            max: 256 * 1024,
            unit: LenUnit::Bytes
        })
    );
    assert_eq!(
        max_len("email"),
        Some(MaxLen {
            max: 254,
            unit: LenUnit::Bytes
        })
    );
    assert_eq!(max_len("direction"), None);
    assert_eq!(max_len("bogus"), None);
}

/// A value of `n` units for `key`, valid apart from its length.
fn sized(key: &str, n: usize) -> String {
    match key {
        "email" => {
            // 60 + `@` before the domain; labels of 9 and a last one of 3–12.
            let room = n - 61;
            let mut domain = String::new();
            while domain.len() + 13 <= room {
                domain.push_str("bbbbbbbbb.");
            }
            domain.push_str(&"c".repeat(room - domain.len()));
            format!("{}@{domain}", "a".repeat(60))
        }
        "trace" => {
            let row = "  1.|-- 10.0.0.1  0.0%  10  1.0  1.0  0.9  2.0  0.1\n";
            let mut t = String::from("HOST: vps  Loss%   Snt   Last   Avg  Best  Wrst StDev\n");
            t.push_str(row);
            t.push_str(&"x".repeat(n - t.len()));
            t
        }
        _ => "字".repeat(n),
    }
}

#[test]
fn the_limit_is_the_one_the_check_enforces() {
    let mut keys = vec!["name", "service", "subject", "message", "email"];
    keys.extend(Field::ALL.iter().map(|f| f.id()));
    for key in keys {
        let Some(limit) = max_len(key) else { continue };
        if key == "ip" {
            continue; // see below: an address has no filler that stays valid
        }
        let at = sized(key, limit.max);
        let over = sized(key, limit.max + 1);
        let measure = |s: &str| match limit.unit {
            LenUnit::Chars => s.trim().chars().count(),
            LenUnit::Bytes => s.len(),
        };
        assert_eq!(measure(&at), limit.max, "{key}");
        assert_eq!(exceeds_max_len(key, &at), None, "{key}");
        assert_ne!(check_field(key, &at, None), Err("too_long"), "{key}");
        assert_eq!(exceeds_max_len(key, &over), Some(limit), "{key}");
        let code = check_field(key, &over, None).unwrap_err();
        assert!(
            code.ends_with("too_long") || code.ends_with("too_large"),
            "{key}: {code}"
        );
    }
}

#[test]
fn ip_over_its_limit() {
    let over = format!("1.2.3.4{}", "0".repeat(100));
    assert_eq!(check_field("ip", &over, None), Err("ip.too_long"));
    assert_eq!(exceeds_max_len("ip", &over), chars(100));
    assert_eq!(exceeds_max_len("ip", "  1.2.3.4  "), None);
}

#[test]
fn surrounding_blanks_do_not_count_for_text() {
    let text = format!("  {}  \n", "a".repeat(200));
    assert_eq!(exceeds_max_len("subject", &text), None);
    assert_eq!(exceeds_max_len("subject", &format!("{text}b")), chars(200));
}

#[test]
fn a_megabyte_paste_is_refused_with_its_limit() {
    let paste = "x".repeat(1 << 20);
    assert_eq!(exceeds_max_len("message", &paste), chars(20_000));
    assert_eq!(
        exceeds_max_len("trace", &paste),
        Some(MaxLen {
            max: 256 * 1024,
            unit: LenUnit::Bytes
        })
    );
}
