//! Reading JSON into a small tree. Accepts what `serde_json` accepts into a
//! `serde_json::Value` (same grammar, same nesting limit, paired surrogates
//! only; numbers beyond f64's range too, as they stay text) and answers
//! `None` for everything else. It reads pastes and server answers, so no
//! input may make it panic.

/// Containers nested deeper than this are refused (as serde_json does), so
/// the recursion cannot exhaust the stack.
pub const MAX_DEPTH: usize = 127;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// The number as written (`12.5`, `-1e3`): each caller reads it its own
    /// way, and no general float parser ships in the wasm.
    Number(String),
    String(String),
    Array(Vec<Value>),
    /// Members in document order, repeated keys included.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// An object's member; of repeated keys the last, as serde_json keeps.
    pub fn get(&self, key: &str) -> Option<&Value> {
        let Value::Object(members) = self else {
            return None;
        };
        members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Value]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[(String, Value)]> {
        match self {
            Value::Object(members) => Some(members),
            _ => None,
        }
    }

    /// The number's text as written.
    pub fn as_number(&self) -> Option<&str> {
        match self {
            Value::Number(n) => Some(n),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }
}

/// `text` as one JSON value, with nothing but whitespace around it.
pub fn parse(text: &str) -> Option<Value> {
    let mut r = Reader { text, pos: 0 };
    let value = r.value(0)?;
    r.skip_space();
    (r.pos == text.len()).then_some(value)
}

/// The JSON value at the start of `text` (after whitespace); whatever
/// follows it is ignored.
pub fn parse_first(text: &str) -> Option<Value> {
    Reader { text, pos: 0 }.value(0)
}

struct Reader<'a> {
    text: &'a str,
    /// Byte offset; only ever moved past ASCII bytes or to the end of a run
    /// of non-ASCII text, so it always lies on a character boundary.
    pos: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.pos += 1;
        Some(b)
    }

    fn eat(&mut self, b: u8) -> bool {
        let found = self.peek() == Some(b);
        self.pos += usize::from(found);
        found
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Option<Value> {
        let rest = self.text.as_bytes().get(self.pos..)?;
        rest.starts_with(word.as_bytes()).then(|| {
            self.pos += word.len();
            value
        })
    }

    /// `depth`: containers open around this value.
    fn value(&mut self, depth: usize) -> Option<Value> {
        self.skip_space();
        match self.peek()? {
            b'n' => self.literal("null", Value::Null),
            b't' => self.literal("true", Value::Bool(true)),
            b'f' => self.literal("false", Value::Bool(false)),
            b'"' => self.string().map(Value::String),
            b'[' if depth < MAX_DEPTH => self.array(depth + 1).map(Value::Array),
            b'{' if depth < MAX_DEPTH => self.object(depth + 1).map(Value::Object),
            b'-' | b'0'..=b'9' => self.number().map(Value::Number),
            _ => None,
        }
    }

    fn array(&mut self, depth: usize) -> Option<Vec<Value>> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.eat(b']') {
            return Some(items);
        }
        loop {
            items.push(self.value(depth)?);
            self.skip_space();
            match self.next()? {
                b',' => {}
                b']' => return Some(items),
                _ => return None,
            }
        }
    }

    fn object(&mut self, depth: usize) -> Option<Vec<(String, Value)>> {
        self.pos += 1;
        let mut members = Vec::new();
        self.skip_space();
        if self.eat(b'}') {
            return Some(members);
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return None;
            }
            let key = self.string()?;
            self.skip_space();
            if !self.eat(b':') {
                return None;
            }
            members.push((key, self.value(depth)?));
            self.skip_space();
            match self.next()? {
                b',' => {}
                b'}' => return Some(members),
                _ => return None,
            }
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    fn number(&mut self) -> Option<String> {
        let start = self.pos;
        self.eat(b'-');
        if !self.eat(b'0') && self.digits() == 0 {
            return None;
        }
        if self.eat(b'.') && self.digits() == 0 {
            return None;
        }
        if self.eat(b'e') || self.eat(b'E') {
            let _ = self.eat(b'+') || self.eat(b'-');
            if self.digits() == 0 {
                return None;
            }
        }
        self.text.get(start..self.pos).map(str::to_owned)
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn string(&mut self) -> Option<String> {
        self.pos += 1;
        let mut s = String::new();
        loop {
            let start = self.pos;
            while self
                .peek()
                .is_some_and(|b| b != b'"' && b != b'\\' && b >= 0x20)
            {
                self.pos += 1;
            }
            // Stopped at an ASCII byte or the end: a character boundary.
            s.push_str(self.text.get(start..self.pos)?);
            match self.next()? {
                b'"' => return Some(s),
                b'\\' => s.push(self.escape()?),
                // A raw control character.
                _ => return None,
            }
        }
    }

    fn escape(&mut self) -> Option<char> {
        Some(match self.next()? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(),
            _ => return None,
        })
    }

    /// After `\u`: one character, or a UTF-16 surrogate pair written as two
    /// escapes. A lone surrogate is no character, so the text is refused.
    fn unicode_escape(&mut self) -> Option<char> {
        let high = self.hex4()?;
        if !(0xd800..0xdc00).contains(&high) {
            return char::from_u32(high);
        }
        if !(self.eat(b'\\') && self.eat(b'u')) {
            return None;
        }
        let low = self.hex4()?;
        if !(0xdc00..0xe000).contains(&low) {
            return None;
        }
        char::from_u32(0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00))
    }

    fn hex4(&mut self) -> Option<u32> {
        let mut n = 0;
        for _ in 0..4 {
            n = n * 16 + char::from(self.next()?).to_digit(16)?;
        }
        Some(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> Value {
        Value::String(text.to_owned())
    }

    #[test]
    fn reads_every_kind_of_value() {
        let v = parse(r#" {"a": [1, -2.5e+3, true, false, null], "b": {"c": "d"}, "a": 0} "#);
        let v = v.unwrap();
        assert_eq!(v.get("a").and_then(Value::as_number), Some("0"));
        assert_eq!(v.get("b").and_then(|b| b.get("c")), Some(&s("d")));
        assert_eq!(
            v.as_object()
                .and_then(|m| m.first())
                .map(|(_, a)| a.clone()),
            Some(Value::Array(vec![
                Value::Number("1".into()),
                Value::Number("-2.5e+3".into()),
                Value::Bool(true),
                Value::Bool(false),
                Value::Null,
            ]))
        );
        assert_eq!(parse("[]"), Some(Value::Array(vec![])));
        assert_eq!(parse("{}"), Some(Value::Object(vec![])));
    }

    #[test]
    fn reads_escapes_and_keeps_utf8() {
        assert_eq!(
            parse(r#""\"\\\/\b\f\n\r\t\u00e9\u7FFB\ud83d\ude00 翻牆""#),
            Some(s("\"\\/\u{8}\u{c}\n\r\té翻😀 翻牆"))
        );
    }

    #[test]
    fn refuses_what_serde_json_refuses() {
        for bad in [
            "",
            " ",
            "nul",
            "[1,]",
            "{\"a\":1,}",
            "{a:1}",
            "[1 2]",
            "01",
            "1.",
            ".5",
            "-",
            "1e",
            "+1",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\\ud800\\u0041\"",
            "\"\\x\"",
            "\"a\nb\"",
            "\"open",
            "[",
            "{\"a\"}",
            "1 2",
            "NaN",
            "\"\\u12\"",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn limits_nesting() {
        let nested = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(parse(&nested(MAX_DEPTH)).is_some());
        assert_eq!(parse(&nested(MAX_DEPTH + 1)), None);
        assert_eq!(parse(&"[".repeat(1 << 20)), None);
    }

    #[test]
    fn first_value_ignores_what_follows() {
        assert_eq!(
            parse_first("\n {\"a\":1}\n$ next command"),
            parse("{\"a\":1}")
        );
        assert_eq!(parse("{\"a\":1} x"), None);
    }
}
