//! Formats a message as `build.rs` compiled it (its text with markers for
//! variables, `NUMBER()` and select expressions) the way fluent-bundle
//! formats the `.ftl` source; tests/locales.rs holds the two side by side.
//!
//! Arguments come as strings. Where a message uses a variable as a number
//! (a selector, or `NUMBER($x)`), its argument is read as a number when it
//! parses as one, as `FluentValue::try_number` reads it: `"1"` selects
//! `[one]` in English, `"1.0"` does not. Elsewhere an argument is printed
//! as given. Nothing here may panic: a malformed message (a pack that is
//! not what this build wrote) yields whatever text it holds.

use super::pack_format::{DEFAULT, END, END_SELECT, NUMBER, NUMERIC, SELECT, VAR, VARIANT};
use super::plural::{self, Category, Operands};
use std::fmt::Write as _;

/// `message` with `args`, in the language tagged `tag` (for plural rules).
pub(super) fn format(tag: &str, message: &str, args: &[(&str, String)]) -> String {
    let mut out = String::new();
    pattern(&mut out, message, &Scope { tag, args });
    out
}

struct Scope<'a> {
    tag: &'a str,
    args: &'a [(&'a str, String)],
}

impl Scope<'_> {
    fn arg(&self, name: &str) -> Option<&str> {
        self.args
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A number as fluent-bundle holds one read from text (`FluentNumber`):
/// its value, and its fraction digits if written with a decimal point
/// (`"1.50"`: 2), which it keeps when printing and in plural rules.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Number {
    value: f64,
    fraction_digits: Option<usize>,
}

impl Number {
    fn parse(text: &str) -> Option<Number> {
        let value = text.parse::<f64>().ok()?;
        let fraction_digits = text.find('.').map(|p| text.len() - p - 1);
        Some(Number {
            value,
            fraction_digits,
        })
    }

    /// As fluent-bundle prints it with default options: the shortest
    /// decimal that reads back as the value, padded with zeros to the
    /// fraction digits written (no grouping).
    fn write(self, out: &mut String) {
        let start = out.len();
        let _ = write!(out, "{}", self.value);
        if let Some(wanted) = self.fraction_digits {
            let have = out[start..].find('.').map(|p| out.len() - start - p - 1);
            if have.is_none() {
                out.push('.');
            }
            let missing = wanted.saturating_sub(have.unwrap_or(0));
            out.extend(std::iter::repeat_n('0', missing));
        }
    }

    /// CLDR's operands, as fluent-bundle derives them; none for NaN and
    /// the infinities (no plural category matches those).
    fn operands(self) -> Option<Operands> {
        if !self.value.is_finite() {
            return None;
        }
        let shortest = self.value.abs().to_string();
        let (i, v) = match shortest.split_once('.') {
            Some((int, fraction)) => (int.parse().ok()?, fraction.len()),
            // Saturates, as fluent-bundle's conversion does.
            None => (self.value.abs() as u64, 0),
        };
        let v = v.max(self.fraction_digits.unwrap_or(0));
        Some(Operands { i, v })
    }
}

/// What a selector evaluates to.
enum Value<'a> {
    Text(&'a str),
    Number(Number),
    /// A missing argument, or `NUMBER()` of text that is no number: only
    /// the default variant is chosen.
    Nothing,
}

/// Splits `name END rest`.
fn name(rest: &str) -> (&str, &str) {
    rest.split_once(END).unwrap_or((rest, ""))
}

/// Writes the pattern at the start of `rest`, up to the end of its variant
/// or of the message.
fn pattern(out: &mut String, mut rest: &str, scope: &Scope) {
    loop {
        let stop = rest.find(|c| c <= END_SELECT).unwrap_or(rest.len());
        out.push_str(&rest[..stop]);
        let mut marker = rest[stop..].chars();
        rest = match marker.next() {
            Some(VAR) => {
                let (var, after) = name(marker.as_str());
                variable(out, var, scope);
                after
            }
            Some(NUMBER) => {
                let (var, after) = name(marker.as_str());
                match scope.arg(var).and_then(Number::parse) {
                    Some(n) => n.write(out),
                    // fluent-bundle writes a failed function call so.
                    None => out.push_str("NUMBER()"),
                }
                after
            }
            Some(SELECT) => select(out, marker.as_str(), scope),
            // The end of the message, or of this variant.
            _ => return,
        };
    }
}

fn variable(out: &mut String, var: &str, scope: &Scope) {
    let (numeric, var) = match var.strip_prefix(NUMERIC) {
        Some(var) => (true, var),
        None => (false, var),
    };
    match scope.arg(var) {
        Some(text) => match Number::parse(text).filter(|_| numeric) {
            Some(n) => n.write(out),
            None => out.push_str(text),
        },
        // As Fluent shows a missing argument.
        None => {
            out.push_str("{$");
            out.push_str(var);
            out.push('}');
        }
    }
}

/// Writes the variant a select expression chooses (`rest` follows its
/// SELECT marker); returns what follows the expression.
fn select<'m>(out: &mut String, rest: &'m str, scope: &Scope) -> &'m str {
    let (selector, mut rest) = name(rest);
    let value = match selector.strip_prefix(NUMERIC) {
        Some(var) => scope
            .arg(var)
            .and_then(Number::parse)
            .map_or(Value::Nothing, Value::Number),
        None => match scope.arg(selector) {
            Some(text) => Number::parse(text).map_or(Value::Text(text), Value::Number),
            None => Value::Nothing,
        },
    };
    let (mut chosen, mut default) = (None, None);
    loop {
        let mut marker = rest.chars();
        match marker.next() {
            Some(VARIANT) => {
                let (key, body) = name(marker.as_str());
                let (is_default, key) = match key.strip_prefix(DEFAULT) {
                    Some(key) => (true, key),
                    None => (false, key),
                };
                if chosen.is_none() && matches(key, &value, scope.tag) {
                    chosen = Some(body);
                }
                if is_default && default.is_none() {
                    default = Some(body);
                }
                rest = skip(body);
            }
            Some(END_SELECT) => {
                rest = marker.as_str();
                break;
            }
            _ => break,
        }
    }
    if let Some(body) = chosen.or(default) {
        pattern(out, body, scope);
    }
    rest
}

/// Whether the variant key `key` matches `value`, as fluent-bundle decides:
/// a number key (Fluent writes those with a digit or `-` first) matches an
/// equal number written with as many fraction digits; a plural category
/// matches a number of that category; any other key matches equal text.
fn matches(key: &str, value: &Value, tag: &str) -> bool {
    let number_key = key.starts_with(|c: char| c.is_ascii_digit() || c == '-');
    match value {
        Value::Text(text) => !number_key && key == *text,
        Value::Number(n) if number_key => Number::parse(key) == Some(*n),
        Value::Number(n) => {
            let category = Category::from_key(key);
            category.is_some() && n.operands().and_then(|o| plural::category(tag, o)) == category
        }
        Value::Nothing => false,
    }
}

/// The rest of a message after the variant pattern at the start of `rest`
/// (nested selects included): its next VARIANT or END_SELECT.
fn skip(rest: &str) -> &str {
    let mut depth = 0usize;
    for (at, c) in rest.char_indices() {
        match c {
            SELECT => depth += 1,
            END_SELECT if depth > 0 => depth -= 1,
            VARIANT | END_SELECT if depth == 0 => return &rest[at..],
            _ => {}
        }
    }
    ""
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(pairs: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
        pairs.iter().map(|(n, v)| (*n, (*v).to_owned())).collect()
    }

    /// `{ $n -> [0] none [one] one *[other] { $n } many }` then `!`.
    const COUNT: &str =
        "\u{6}n\u{1}\u{7}0\u{1}none\u{7}one\u{1}one\u{7}*other\u{1}\u{4}#n\u{1} many\u{8}!";

    #[test]
    fn plural_and_exact_keys_and_the_default() {
        let f = |n: &str| format("en", COUNT, &args(&[("n", n)]));
        assert_eq!(f("0"), "none!");
        assert_eq!(f("1"), "one!");
        assert_eq!(f("1.0"), "1.0 many!");
        assert_eq!(f("2"), "2 many!");
        assert_eq!(f("007"), "7 many!");
        assert_eq!(f("-1"), "one!");
        assert_eq!(f("0.0"), "0.0 many!", "[0] is no match for 0.0");
        assert_eq!(f("words"), "words many!");
        assert_eq!(format("en", COUNT, &[]), "{$n} many!");
        assert_eq!(format("zh-Hant", COUNT, &args(&[("n", "1")])), "1 many!");
    }

    #[test]
    fn number_placeables_print_as_fluent_does() {
        let f = |n: &str| format("en", "[\u{5}n\u{1}]", &args(&[("n", n)]));
        assert_eq!(f("1234567"), "[1234567]", "no grouping");
        assert_eq!(f("1.50"), "[1.50]");
        assert_eq!(f("1e3"), "[1000]");
        assert_eq!(f("+5"), "[5]");
        assert_eq!(f("five"), "[NUMBER()]");
        assert_eq!(format("en", "[\u{5}n\u{1}]", &[]), "[NUMBER()]");
        // A variable used only as text prints as given.
        assert_eq!(format("en", "\u{4}n\u{1}", &args(&[("n", "007")])), "007");
    }

    #[test]
    fn nested_selects_and_string_keys() {
        // { $a -> [x] { $b -> [one] 1 *[other] n } *[y] y } .
        let m = "\u{6}a\u{1}\u{7}x\u{1}\u{6}b\u{1}\u{7}one\u{1}1\u{7}*other\u{1}n\u{8}\u{7}*y\u{1}y\u{8}.";
        let f = |a: &str, b: &str| format("en", m, &args(&[("a", a), ("b", b)]));
        assert_eq!(f("x", "1"), "1.");
        assert_eq!(f("x", "3"), "n.");
        assert_eq!(f("z", "1"), "y.");
    }

    #[test]
    fn malformed_messages_do_not_panic() {
        for m in [
            "\u{6}",
            "\u{6}n",
            "\u{6}n\u{1}\u{7}",
            "\u{6}n\u{1}\u{7}*",
            "\u{6}#n\u{1}\u{7}one\u{1}\u{6}",
            "\u{8}\u{7}\u{4}",
            "\u{5}",
            "a\u{1}b",
        ] {
            let _ = format("en", m, &args(&[("n", "1")]));
        }
        assert_eq!(
            Number::parse("NaN").and_then(Number::operands),
            None,
            "no category"
        );
    }
}
