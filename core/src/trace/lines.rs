//! Paste clean-up: the lines of a paste without the noise that copying adds.

/// Splits a paste into its non-blank lines.
///
/// Handles LF, CRLF and lone CR line ends, a leading byte-order mark,
/// trailing spaces (Markdown line breaks) and a trailing `^C` left by an
/// interrupted command. Leading spaces are kept: continuation lines are
/// recognised by them. (Full-width forms were folded before.)
pub(crate) fn clean(text: &str) -> Vec<&str> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut out = Vec::new();
    let mut start = 0;
    // Byte scan: `\n` and `\r` are ASCII, so every cut is a char boundary.
    for (end, b) in text.bytes().chain([b'\n']).enumerate() {
        if b != b'\n' && b != b'\r' {
            continue;
        }
        let raw = text.get(start..end).unwrap_or_default();
        start = end + 1;
        let mut line = trim_end(raw);
        while let Some(rest) = line.strip_suffix("^C") {
            line = trim_end(rest);
        }
        if !line.is_empty() {
            out.push(line);
        }
    }
    out
}

/// `str::trim_end` with a fast path for ASCII.
fn trim_end(s: &str) -> &str {
    let b = s.as_bytes();
    let mut end = b.len();
    while end > 0 && b.get(end - 1).is_some_and(|c| c.is_ascii_whitespace()) {
        end -= 1;
    }
    let s = s.get(..end).unwrap_or(s);
    if s.as_bytes().last().is_some_and(|c| *c >= 0x80) {
        s.trim_end()
    } else {
        s
    }
}

/// A cleaned-up paste: its lines, each split into words once.
pub(crate) struct Paste<'a> {
    /// Each line with the range of its words in `words`.
    lines: Vec<(&'a str, usize, usize)>,
    words: Vec<&'a str>,
}

impl<'a> Paste<'a> {
    pub(crate) fn new(text: &'a str) -> Paste<'a> {
        let texts = clean(text);
        let mut lines = Vec::with_capacity(texts.len());
        let mut words = Vec::with_capacity(texts.len() * 8);
        for line in texts {
            let start = words.len();
            push_tokens(line, &mut words);
            lines.push((line, start, words.len()));
        }
        Paste { lines, words }
    }

    /// The lines with their words.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&'a str, &[&'a str])> + '_ {
        self.lines
            .iter()
            .map(|&(line, a, b)| (line, self.words.get(a..b).unwrap_or_default()))
    }

    /// The lines from number `from` on, as text.
    pub(crate) fn texts_from(&self, from: usize) -> impl Iterator<Item = &'a str> + '_ {
        self.lines.iter().skip(from).map(|&(line, _, _)| line)
    }
}

/// Appends the whitespace-separated words of a line to `buf`.
fn push_tokens<'a>(line: &'a str, buf: &mut Vec<&'a str>) {
    if !line.is_ascii() {
        buf.extend(line.split_whitespace());
        return;
    }
    // ASCII: a byte scan (every cut is a char boundary).
    let mut start = None;
    for (i, b) in line.bytes().enumerate() {
        match (b.is_ascii_whitespace(), start) {
            (true, Some(s)) => {
                buf.extend(line.get(s..i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        buf.extend(line.get(s..));
    }
}

/// True when the line starts with blank space (a continuation line).
pub(crate) fn indented(line: &str) -> bool {
    match line.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_whitespace(),
        _ => line.starts_with(char::is_whitespace),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_cleans() {
        let l = clean("\u{FEFF}a  \r\n\r\n b\r c^C \n\n  8  * *^C\n^C\n");
        assert_eq!(l, ["a", " b", " c", "  8  * *"]);
        assert_eq!(clean("x"), ["x"]);
    }

    #[test]
    fn words() {
        for line in [
            "  1.|-- a  0.0%\t 10 ",
            "a",
            "",
            "  ",
            "中 文  x",
            "\u{a0}a\u{a0}b",
        ] {
            let mut buf = Vec::new();
            push_tokens(line, &mut buf);
            assert_eq!(buf, line.split_whitespace().collect::<Vec<_>>(), "{line:?}");
        }
    }
}
