//! Precision and recall of the circumvention guard on a labelled set of
//! realistic tickets (`fixtures/policy/labelled.txt`); both must be 100%.

use ticket_core::policy;

struct Case {
    line: usize,
    circumvention: bool,
    out_of_scope: bool,
    text: String,
}

/// Expands `\n` and `\u{…}` escapes.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if let Some(r) = rest.strip_prefix("\\n") {
            out.push('\n');
            rest = r;
        } else if let Some(r) = rest.strip_prefix("\\u{") {
            let close = r.find('}').expect("closed \\u{");
            let code = u32::from_str_radix(&r[..close], 16).expect("hex code point");
            out.push(char::from_u32(code).expect("a char"));
            rest = &r[close + 1..];
        } else {
            out.push('\\');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

fn cases() -> Vec<Case> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/policy/labelled.txt"
    );
    let data = std::fs::read_to_string(path).expect("labelled set");
    data.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let (label, text) = l.split_once(" | ").expect("`LABEL | text`");
            let (label, oos) = match label.trim().strip_suffix("+oos") {
                Some(base) => (base, true),
                None => (label.trim(), false),
            };
            let circumvention = match label {
                "circ" => true,
                "clean" => false,
                other => panic!("line {}: unknown label {other}", i + 1),
            };
            Case {
                line: i + 1,
                circumvention,
                out_of_scope: oos,
                text: unescape(text),
            }
        })
        .collect()
}

#[test]
fn labelled_set_precision_and_recall() {
    let cases = cases();
    let (mut tp, mut fp, mut fn_, mut tn) = (0u32, 0u32, 0u32, 0u32);
    let mut wrong = Vec::new();
    for c in &cases {
        let report = policy::check(&c.text);
        let flagged = !report.circumvention.is_empty();
        match (c.circumvention, flagged) {
            (true, true) => tp += 1,
            (false, false) => tn += 1,
            (true, false) => {
                fn_ += 1;
                wrong.push(format!("line {}: missed: {}", c.line, c.text));
            }
            (false, true) => {
                fp += 1;
                wrong.push(format!(
                    "line {}: false alarm {:?}: {}",
                    c.line,
                    policy::distinct_terms(&report.circumvention),
                    c.text
                ));
            }
        }
        if c.out_of_scope && report.out_of_scope.is_empty() {
            wrong.push(format!(
                "line {}: out-of-scope not found: {}",
                c.line, c.text
            ));
        }
    }
    let precision = 100.0 * f64::from(tp) / f64::from((tp + fp).max(1));
    let recall = 100.0 * f64::from(tp) / f64::from((tp + fn_).max(1));
    println!(
        "policy labelled set: precision {precision:.1}% recall {recall:.1}% (n={}, {} circumvention, {} clean)",
        cases.len(),
        tp + fn_,
        tn + fp
    );
    assert!(cases.len() >= 60, "the set needs at least 60 tickets");
    assert!(
        (tp + fn_) * 3 >= cases.len() as u32 && (tn + fp) * 3 >= cases.len() as u32,
        "the set should be about half and half"
    );
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}
