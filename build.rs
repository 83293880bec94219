//! Compiles `locales/<lang>/main.ftl` into Rust statics, so the widget ships
//! its texts without a Fluent parser and resolver (they cost about half of
//! the wasm). The `.ftl` files stay the single source of every text.
//!
//! Only what the widget's texts use is accepted: plain text and string
//! variables (`{ $name }`). Selectors, terms, functions, attributes, number
//! literals and message references fail the build, as do syntax errors, so
//! nothing a translator writes is silently dropped.

use fluent_syntax::ast::{Entry, Expression, InlineExpression, PatternElement};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// (name of the generated text, locale directory); `Lang::messages` in
/// `src/i18n/mod.rs` refers to these names.
const LOCALES: [(&str, &str); 2] = [("EN", "en"), ("ZH_HANT", "zh-Hant")];

/// A message as alternating pieces: text, argument name, text, …
type Pieces = Vec<String>;

/// Between the pieces of a message in the generated text; `MISSING` stands
/// for a message a locale lacks. Neither may appear in a `.ftl` file.
const PIECE_SEP: &str = "\u{1}";
const MISSING: &str = "\u{0}";

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let mut tables: Vec<(&str, BTreeMap<String, Pieces>)> = Vec::new();
    let mut errors = Vec::new();
    for (table, dir) in LOCALES {
        let path = Path::new("locales").join(dir).join("main.ftl");
        println!("cargo::rerun-if-changed={}", path.display());
        let source =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        tables.push((table, messages(&path, &source, &mut errors)));
    }
    if !errors.is_empty() {
        for e in &errors {
            println!("cargo::error={e}");
        }
        return;
    }

    // One sorted id list for all locales; a locale without a message gets
    // `None` there (tests/locales.rs reports it), so the build still works
    // while a translation is under way.
    let ids: std::collections::BTreeSet<&String> =
        tables.iter().flat_map(|(_, m)| m.keys()).collect();
    let mut out = String::new();
    writeln!(out, "/// Every message id, sorted for a binary search.").unwrap();
    writeln!(out, "static IDS: [&str; {}] = [", ids.len()).unwrap();
    for id in &ids {
        writeln!(out, "    {id:?},").unwrap();
    }
    writeln!(out, "];").unwrap();
    // Per locale, all messages in id order in one string, and where each
    // starts: a table of string slices would cost 8 bytes per piece.
    for (table, messages) in &tables {
        let mut text = String::new();
        let mut starts = Vec::new();
        for id in &ids {
            starts.push(text.len());
            match messages.get(*id) {
                Some(pieces) => text.push_str(&pieces.join(PIECE_SEP)),
                None => text.push_str(MISSING),
            }
        }
        starts.push(text.len());
        if text.len() > usize::from(u16::MAX) {
            println!("cargo::error={table}: the texts outgrew u16 offsets; widen them");
        }
        writeln!(out, "static {table}: &str = {text:?};").unwrap();
        writeln!(
            out,
            "static {table}_STARTS: [u16; {}] = {starts:?};",
            starts.len()
        )
        .unwrap();
    }
    let dest = Path::new(&std::env::var_os("OUT_DIR").unwrap()).join("messages.rs");
    std::fs::write(dest, out).unwrap();
}

fn messages(path: &Path, source: &str, errors: &mut Vec<String>) -> BTreeMap<String, Pieces> {
    let at = |what: &str| format!("{}: {what}", path.display());
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(r) => r,
        Err((_, errs)) => {
            errors.extend(errs.iter().map(|e| at(&format!("syntax error: {e:?}"))));
            return BTreeMap::new();
        }
    };
    let mut out = BTreeMap::new();
    for entry in &resource.body {
        let message = match entry {
            Entry::Message(m) => m,
            Entry::Comment(_) | Entry::GroupComment(_) | Entry::ResourceComment(_) => continue,
            Entry::Term(t) => {
                errors.push(at(&format!("term -{} is not supported", t.id.name)));
                continue;
            }
            Entry::Junk { content } => {
                errors.push(at(&format!("unparsed text: {content:?}")));
                continue;
            }
        };
        let id = message.id.name;
        if !message.attributes.is_empty() {
            errors.push(at(&format!("{id}: attributes are not supported")));
        }
        let Some(pattern) = &message.value else {
            errors.push(at(&format!("{id}: has no value")));
            continue;
        };
        let mut pieces: Pieces = vec![String::new()];
        for element in &pattern.elements {
            match element {
                PatternElement::TextElement { value } => {
                    if value.contains(['\u{0}', '\u{1}']) {
                        errors.push(at(&format!("{id}: control characters U+0000/U+0001")));
                    }
                    pieces.last_mut().unwrap().push_str(value);
                }
                PatternElement::Placeable {
                    expression: Expression::Inline(InlineExpression::VariableReference { id: var }),
                } => {
                    pieces.push(var.name.to_owned());
                    pieces.push(String::new());
                }
                PatternElement::Placeable { .. } => errors.push(at(&format!(
                    "{id}: only {{ $variable }} placeables are supported"
                ))),
            }
        }
        // A trailing empty text piece carries nothing.
        if pieces.len() > 1 && pieces.last().is_some_and(String::is_empty) {
            pieces.pop();
        }
        if out.insert(id.to_owned(), pieces).is_some() {
            errors.push(at(&format!("{id}: defined twice")));
        }
    }
    out
}
