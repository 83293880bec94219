//! The ticket as markdown, for helpdesks that render it (WHMCS with
//! `markdown=true`). Customer text goes in fenced blocks or has the
//! characters markdown gives a meaning to escaped, so it shows as typed.

use super::report::Report;
use std::fmt::Write;

pub fn markdown(report: &Report) -> String {
    let w = report.words;
    let mut out = String::new();
    let _ = writeln!(out, "**{}**\n", escape(&report.heading));
    facts(&mut out, &report.facts);
    let _ = writeln!(out, "\n**{}**\n", escape(&report.message_label));
    fenced(&mut out, &report.message);
    if !report.fields.is_empty() {
        let _ = writeln!(out, "\n**{}**\n", escape(w.fields));
        facts(&mut out, &report.fields);
    }
    if let Some(trace) = &report.trace {
        let _ = writeln!(out, "\n**{}**\n", escape(w.trace));
        facts(&mut out, &trace.facts);
        if !trace.hops.is_empty() {
            out.push('\n');
            let _ = writeln!(out, "| {} |", w.columns.map(escape).join(" | "));
            let _ = writeln!(out, "|---:|:---|---:|---:|---:|---:|");
            for row in &trace.hops {
                let cells: Vec<String> = row.iter().map(|c| escape(c)).collect();
                let _ = writeln!(out, "| {} |", cells.join(" | "));
            }
        }
        let _ = writeln!(out, "\n**{}**\n", escape(w.trace_as_pasted));
        fenced(&mut out, &trace.pasted);
    }
    let _ = writeln!(out, "\n**{}**\n", escape(w.findings));
    facts(&mut out, &report.findings);
    out
}

fn facts(out: &mut String, rows: &[(String, String)]) {
    for (label, value) in rows {
        let _ = writeln!(out, "- **{}:** {}", escape(label), escape(value));
    }
}

/// A code fence longer than any run of backticks in `text`.
fn fenced(out: &mut String, text: &str) {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest.max(2) + 1);
    let _ = writeln!(out, "{fence}text\n{}\n{fence}", text.trim_end());
}

/// Backslash before every ASCII punctuation mark markdown may read, and
/// line breaks as spaces (one table cell or list item stays one).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\r' | '\n' => out.push(' '),
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '-' | '.'
            | '!' | '|' | '<' | '>' | '~' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_customer_text_is_escaped() {
        assert_eq!(escape("a|b *c* <x>\nd"), "a\\|b \\*c\\* \\<x\\> d");
        let mut out = String::new();
        fenced(&mut out, "```\nrm -rf\n```");
        assert!(out.starts_with("````text\n"), "{out}");
        assert!(out.ends_with("\n````\n"), "{out}");
    }
}
