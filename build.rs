//! Compiles `locales/<lang>/main.ftl` into one small text "pack" per
//! language, so the widget ships its texts without a Fluent parser and
//! resolver, and without any text inside the wasm: the loader fetches the
//! starting language's pack in parallel with the wasm, and the other one
//! only when the customer asks for it. The `.ftl` files stay the single
//! source of every text.
//!
//! Only what the widget's texts use is accepted: plain text and string
//! variables (`{ $name }`). Selectors, terms, functions, attributes, number
//! literals and message references fail the build, as do syntax errors, so
//! nothing a translator writes is silently dropped.
//!
//! The pack format (read by `src/i18n/packs.rs`, almost no decoding code):
//! `PACK_MAGIC`, the message ids sorted (byte order, as `str::cmp`) and
//! joined by `FIELD_SEP`, `SECTION_SEP`, then the messages in the same order
//! joined by `FIELD_SEP`, each message's pieces joined by `PIECE_SEP`. Pieces
//! alternate: text, argument name, text, … The ids travel in the pack, so
//! the wasm holds no id table; all ids first, then all texts, compresses
//! 120 B better than id and text alternating. A language without some
//! message simply lacks it (tests/locales.rs reports that); the widget then
//! shows the id.
//!
//! Where the packs go:
//! - `$OUT_DIR/packs/<tag>.txt`: `include_str!`ed by the test-only
//!   `i18n::install_built_packs` (browser component tests, native tests);
//! - `<cargo profile dir>/ticket-widget-packs/<tag>.txt`, the profile
//!   directory being three levels above `OUT_DIR`
//!   (`<target>/<triple>/<profile>/build/ticket-widget-<hash>/out`): a fixed
//!   place for `scripts/trunk-post-build`, which finds it through `cargo
//!   metadata`'s `target_directory`, the wasm target and `TRUNK_PROFILE`,
//!   and copies the packs to `dist/` under content-hashed names. Written
//!   through a temporary file and a rename, so a concurrent build of the
//!   same profile never leaves half a pack.

use fluent_syntax::ast::{Entry, Expression, InlineExpression, PatternElement};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// (name of the generated constant, locale directory = BCP 47 tag, id of
/// the language's own name); `Lang` in `src/i18n/mod.rs` refers to these.
const LOCALES: [(&str, &str, &str); 2] = [
    ("EN", "en", "lang-name-en"),
    ("ZH_HANT", "zh-Hant", "lang-name-zh-hant"),
];

/// A message as alternating pieces: text, argument name, text, …
type Pieces = Vec<String>;

/// The separators of a pack (see above); none may appear in a `.ftl` file.
/// `src/i18n/packs.rs` has the same constants.
const PACK_MAGIC: &str = "ltw-pack-1\u{2}";
const SECTION_SEP: &str = "\u{3}";
const FIELD_SEP: &str = "\u{2}";
const PIECE_SEP: &str = "\u{1}";

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let mut tables: Vec<(&str, &str, &str, BTreeMap<String, Pieces>)> = Vec::new();
    let mut errors = Vec::new();
    for (table, tag, own_name) in LOCALES {
        let path = Path::new("locales").join(tag).join("main.ftl");
        println!("cargo::rerun-if-changed={}", path.display());
        let source =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        tables.push((table, tag, own_name, messages(&path, &source, &mut errors)));
    }
    if !errors.is_empty() {
        for e in &errors {
            println!("cargo::error={e}");
        }
        return;
    }

    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap());
    // OUT_DIR is <profile>/build/<package>-<hash>/out.
    let profile_dir = out_dir
        .ancestors()
        .nth(3)
        .map(|p| p.join("ticket-widget-packs"));
    let mut out = String::new();
    for (table, tag, own_name, messages) in &tables {
        let ids: Vec<&str> = messages.keys().map(String::as_str).collect();
        let texts: Vec<String> = messages.values().map(|p| p.join(PIECE_SEP)).collect();
        let pack = format!(
            "{PACK_MAGIC}{}{SECTION_SEP}{}",
            ids.join(FIELD_SEP),
            texts.join(FIELD_SEP)
        );
        write_atomically(&out_dir.join("packs"), tag, &pack);
        if let Some(dir) = &profile_dir {
            write_atomically(dir, tag, &pack);
        }
        // Each language's name in itself, for the language buttons: they
        // show both names before the other language's pack is loaded.
        let name = match messages.get(*own_name).map(|p| p.as_slice()) {
            Some([name]) => name.clone(),
            _ => {
                println!("cargo::error={tag}: {own_name} must be plain text");
                String::new()
            }
        };
        writeln!(out, "const NAME_{table}: &str = {name:?};").unwrap();
    }
    std::fs::write(out_dir.join("messages.rs"), out).unwrap();
}

/// Writes `<dir>/<tag>.txt` through a temporary file and a rename.
fn write_atomically(dir: &Path, tag: &str, text: &str) {
    std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let tmp = dir.join(format!("{tag}.txt.{}", std::process::id()));
    std::fs::write(&tmp, text).unwrap_or_else(|e| panic!("{}: {e}", tmp.display()));
    let dest = dir.join(format!("{tag}.txt"));
    std::fs::rename(&tmp, &dest).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
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
                    if value.contains(['\u{0}', '\u{1}', '\u{2}', '\u{3}']) {
                        errors.push(at(&format!("{id}: control characters U+0000-U+0003")));
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
