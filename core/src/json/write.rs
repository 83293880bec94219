//! Writing JSON exactly as `serde_json::to_string` does for the same data:
//! compact, fields in declaration order, non-ASCII text as UTF-8, only `"`,
//! `\` and control characters escaped.

use std::collections::BTreeMap;
use std::fmt::Write;

/// A value that writes itself as JSON.
pub trait ToJson {
    fn write_json(&self, out: &mut String);
}

pub fn to_string<T: ToJson + ?Sized>(value: &T) -> String {
    let mut out = String::new();
    value.write_json(&mut out);
    out
}

/// Writes `{"name":value,…}`, one [`field`](Object::field) at a time.
pub struct Object<'a> {
    out: &'a mut String,
    empty: bool,
}

impl<'a> Object<'a> {
    pub fn new(out: &'a mut String) -> Object<'a> {
        out.push('{');
        Object { out, empty: true }
    }

    pub fn field<T: ToJson + ?Sized>(&mut self, name: &str, value: &T) -> &mut Self {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        name.write_json(self.out);
        self.out.push(':');
        value.write_json(self.out);
        self
    }

    pub fn end(self) {
        self.out.push('}');
    }
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        out.push('"');
        let mut plain = 0;
        for (i, b) in self.bytes().enumerate() {
            let escape = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0c => "\\f",
                0x00..=0x1f => "\\u00",
                _ => continue,
            };
            // `i` is at an ASCII byte, so both ends are character boundaries.
            out.push_str(self.get(plain..i).unwrap_or_default());
            out.push_str(escape);
            if escape == "\\u00" {
                out.push(hex_digit(b >> 4));
                out.push(hex_digit(b & 0xf));
            }
            plain = i + 1;
        }
        out.push_str(self.get(plain..).unwrap_or_default());
        out.push('"');
    }
}

fn hex_digit(d: u8) -> char {
    char::from_digit(u32::from(d), 16).unwrap_or('0')
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        self.as_str().write_json(out);
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl ToJson for u32 {
    fn write_json(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

/// Rounded to the thousandth, the precision of the payload's figures (the
/// trace summary keeps its milliseconds and percentages to it). For such
/// values below 10¹² this is the text serde_json writes, the shortest that
/// reads back (`12.5`, `3.0`, `0.001`), without shipping a float formatter.
/// Like serde_json, NaN and infinities are written as `null`.
impl ToJson for f64 {
    fn write_json(&self, out: &mut String) {
        if !self.is_finite() {
            out.push_str("null");
            return;
        }
        if self.is_sign_negative() {
            out.push('-');
        }
        let thousandths = (self.abs() * 1000.0).round() as u64;
        let _ = write!(out, "{}.{:03}", thousandths / 1000, thousandths % 1000);
        while out.ends_with('0') && !out.ends_with(".0") {
            out.pop();
        }
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(v) => v.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (i, v) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            v.write_json(out);
        }
        out.push(']');
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

impl<T: ToJson> ToJson for BTreeMap<String, T> {
    fn write_json(&self, out: &mut String) {
        let mut object = Object::new(out);
        for (k, v) in self {
            object.field(k, v);
        }
        object.end();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_serde_json() {
        assert_eq!(to_string("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(to_string("\n\r\t\u{8}\u{c}"), r#""\n\r\t\b\f""#);
        assert_eq!(to_string("\u{0}\u{1f}\u{7f}"), "\"\\u0000\\u001f\u{7f}\"");
        assert_eq!(to_string("翻牆 😀 /"), "\"翻牆 😀 /\"");
        assert_eq!(to_string(""), "\"\"");
    }

    #[test]
    fn writes_figures_to_the_thousandth() {
        let cases = [
            (12.5, "12.5"),
            (3.0, "3.0"),
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (0.001, "0.001"),
            (10.1, "10.1"),
            (100.0, "100.0"),
            (33.333_333, "33.333"),
            (0.000_4, "0.0"),
            (999_999_999_999.0, "999999999999.0"),
            (f64::NAN, "null"),
            (f64::INFINITY, "null"),
        ];
        for (x, text) in cases {
            assert_eq!(to_string(&x), text, "{x}");
        }
    }

    #[test]
    fn writes_objects_arrays_and_maps() {
        let mut map = BTreeMap::new();
        map.insert("b".to_owned(), vec![1u32, 2]);
        map.insert("a".to_owned(), vec![]);
        let mut out = String::new();
        let mut o = Object::new(&mut out);
        o.field("map", &map).field("none", &None::<bool>);
        o.field("yes", &true);
        o.end();
        assert_eq!(out, r#"{"map":{"a":[],"b":[1,2]},"none":null,"yes":true}"#);
        assert_eq!(to_string(&BTreeMap::<String, u32>::new()), "{}");
    }
}
