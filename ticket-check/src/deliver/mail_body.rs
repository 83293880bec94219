//! The mail's two parts: plain text, and HTML built by maud, which escapes
//! every value it is given (no customer text reaches the HTML unescaped).

use super::report::Report;
use maud::{DOCTYPE, html};
use std::fmt::Write;

pub fn text(report: &Report) -> String {
    let mut out = String::new();
    let w = report.words;
    let _ = writeln!(out, "{}\n", report.heading);
    facts(&mut out, &report.facts);
    section(&mut out, &report.message_label);
    let _ = writeln!(out, "{}", report.message);
    if !report.fields.is_empty() {
        section(&mut out, w.fields);
        facts(&mut out, &report.fields);
    }
    if let Some(trace) = &report.trace {
        section(&mut out, w.trace);
        facts(&mut out, &trace.facts);
        if !trace.hops.is_empty() {
            out.push('\n');
            table(&mut out, &w.columns, &trace.hops);
        }
        section(&mut out, w.trace_as_pasted);
        let _ = writeln!(out, "{}", trace.pasted.trim_end());
    }
    section(&mut out, w.findings);
    facts(&mut out, &report.findings);
    let _ = writeln!(out, "\n-- \n{}", w.reply_hint);
    out
}

fn section(out: &mut String, title: &str) {
    let _ = writeln!(
        out,
        "\n{title}\n{}",
        "-".repeat(title.chars().count().max(3))
    );
}

fn facts(out: &mut String, rows: &[(String, String)]) {
    for (label, value) in rows {
        let _ = writeln!(out, "{label}: {value}");
    }
}

/// Columns padded to their widest cell (by characters), numbers right.
fn table(out: &mut String, head: &[&str; 6], rows: &[[String; 6]]) {
    let mut widths = head.map(|h| h.chars().count());
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: [&str; 6]| {
        let mut s = String::new();
        for (i, (cell, width)) in cells.iter().zip(widths).enumerate() {
            let pad = " ".repeat(width - cell.chars().count());
            if i == 1 {
                let _ = write!(s, "  {cell}{pad}");
            } else {
                let _ = write!(s, "  {pad}{cell}");
            }
        }
        s.trim_end().to_owned()
    };
    let _ = writeln!(out, "{}", line(*head));
    for row in rows {
        let _ = writeln!(out, "{}", line(row.each_ref().map(String::as_str)));
    }
}

pub fn html(report: &Report) -> String {
    let w = report.words;
    let cell = "padding:2px 8px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top";
    let num = "padding:2px 8px;border-bottom:1px solid #ddd;text-align:right";
    let facts = |rows: &[(String, String)]| {
        html! {
            table style="border-collapse:collapse" {
                @for (label, value) in rows {
                    tr { th style=(cell) { (label) } td style=(cell) { (value) } }
                }
            }
        }
    };
    html! {
        (DOCTYPE)
        html {
            head { meta charset="utf-8"; title { (report.heading) } }
            body style="font-family:sans-serif;font-size:14px" {
                h1 style="font-size:18px" { (report.heading) }
                (facts(&report.facts))
                h2 style="font-size:16px" { (report.message_label) }
                div style="white-space:pre-wrap;border-left:3px solid #ccc;padding-left:8px" {
                    (report.message)
                }
                @if !report.fields.is_empty() {
                    h2 style="font-size:16px" { (w.fields) }
                    (facts(&report.fields))
                }
                @if let Some(trace) = &report.trace {
                    h2 style="font-size:16px" { (w.trace) }
                    (facts(&trace.facts))
                    @if !trace.hops.is_empty() {
                        table class="trace" style="border-collapse:collapse;margin-top:8px" {
                            tr { @for (i, h) in w.columns.iter().enumerate() {
                                th style=(if i == 1 { cell } else { num }) { (h) }
                            } }
                            @for row in &trace.hops {
                                tr { @for (i, c) in row.iter().enumerate() {
                                    td style=(if i == 1 { cell } else { num }) { (c) }
                                } }
                            }
                        }
                    }
                    h3 style="font-size:14px" { (w.trace_as_pasted) }
                    pre style="font-size:12px;background:#f6f6f6;padding:8px" { (trace.pasted) }
                }
                h2 style="font-size:16px" { (w.findings) }
                (facts(&report.findings))
                p style="color:#666" { (w.reply_hint) }
            }
        }
    }
    .into_string()
}
