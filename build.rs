//! Compiles `locales/<lang>/main.ftl` into one small text "pack" per
//! language, so the widget ships its texts without a Fluent parser and
//! resolver, and without any text inside the wasm: the loader fetches the
//! starting language's pack in parallel with the wasm, and the others
//! only when the customer asks for one. The `.ftl` files stay the single
//! source of every text.
//!
//! What the texts may use: plain text, `{ $variable }`, `{ NUMBER($variable) }`
//! (default options), string and number literals, and select expressions
//! on `$variable` or `NUMBER($variable)` with plural-category (`[one]`),
//! number (`[0]`) and string keys and a default (`*`) variant, nested or
//! not. Terms, other functions, named arguments, attributes and message
//! references fail the build, as do syntax errors, so nothing a translator
//! writes is silently dropped. `src/i18n/format.rs` formats the result as
//! fluent-bundle does (tests/locales.rs compares every message and variant).
//!
//! The pack format (read by `src/i18n/packs.rs`, almost no decoding code):
//! `PACK_MAGIC`, the message ids sorted (byte order, as `str::cmp`) and
//! joined by `FIELD_SEP`, `SECTION_SEP`, then the messages in the same order
//! joined by `FIELD_SEP`. The ids travel in the pack, so the wasm holds no
//! id table; all ids first, then all texts, compresses 120 B better than id
//! and text alternating. A language without some message simply lacks it
//! (tests/locales.rs reports that); the widget then shows the id.
//!
//! A message is its text with markers (U+0001–U+0008, which no `.ftl` text
//! may hold; names and keys are Fluent identifiers or numbers, so neither
//! holds a marker, `#` or `*`):
//! - `VAR [#] name END`: `{ $name }`; `#` when the message also uses `$name`
//!   as a number (a selector or `NUMBER()`), so it prints as Fluent prints
//!   a number argument;
//! - `NUMBER name END`: `{ NUMBER($name) }`;
//! - `SELECT [#] name END`, variants, `END_SELECT`: a select expression on
//!   `$name`, or on `NUMBER($name)` with `#`; each variant is
//!   `VARIANT [*] key END` and its pattern, `*` marking the default.
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

use fluent_syntax::ast::{
    Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey,
};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// (name of the generated constant, locale directory = BCP 47 tag, id of
/// the language's own name); `Lang` in `src/i18n/mod.rs` refers to these.
const LOCALES: [(&str, &str, &str); 3] = [
    ("EN", "en", "lang-name-en"),
    ("ZH_HANT", "zh-Hant", "lang-name-zh-hant"),
    ("ZH_HANS", "zh-Hans", "lang-name-zh-hans"),
];

// The pack format's separators and markers, shared with src/i18n.
include!("src/i18n/pack_format.rs");

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    stamp_build();
    println!("cargo::rerun-if-changed=src/i18n/pack_format.rs");
    let mut tables: Vec<(&str, &str, &str, BTreeMap<String, String>)> = Vec::new();
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
        let texts: Vec<&str> = messages.values().map(String::as_str).collect();
        let pack = format!(
            "{PACK_MAGIC}{}{SECTION_SEP}{}",
            ids.join(FIELD_SEP.encode_utf8(&mut [0; 4])),
            texts.join(FIELD_SEP.encode_utf8(&mut [0; 4]))
        );
        write_atomically(&out_dir.join("packs"), tag, &pack);
        if let Some(dir) = &profile_dir {
            write_atomically(dir, tag, &pack);
        }
        // Each language's name in itself, for the language buttons: they
        // show every name before the other languages' packs are loaded.
        let name = match messages.get(*own_name) {
            Some(name) if !name.contains(is_marker) => name.clone(),
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

fn messages(path: &Path, source: &str, errors: &mut Vec<String>) -> BTreeMap<String, String> {
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
        let mut numeric = BTreeSet::new();
        numeric_variables(pattern, &mut numeric);
        let mut compiler = Compiler {
            numeric,
            text: String::new(),
            problems: Vec::new(),
        };
        compiler.pattern(pattern);
        errors.extend(compiler.problems.iter().map(|p| at(&format!("{id}: {p}"))));
        if out.insert(id.to_owned(), compiler.text).is_some() {
            errors.push(at(&format!("{id}: defined twice")));
        }
    }
    out
}

fn is_marker(c: char) -> bool {
    c <= END_SELECT
}

/// `NUMBER($name)`'s `name`, if `e` is that call (positional, no options).
fn number_call<'s>(e: &InlineExpression<&'s str>) -> Option<&'s str> {
    match e {
        InlineExpression::FunctionReference { id, arguments } if id.name == "NUMBER" => {
            match (arguments.positional.as_slice(), arguments.named.is_empty()) {
                ([InlineExpression::VariableReference { id }], true) => Some(id.name),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The variables a message uses as numbers: selectors and `NUMBER()`
/// arguments, at any depth.
fn numeric_variables<'s>(pattern: &Pattern<&'s str>, out: &mut BTreeSet<&'s str>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            numeric_in(expression, out);
        }
    }
}

fn numeric_in<'s>(expression: &Expression<&'s str>, out: &mut BTreeSet<&'s str>) {
    match expression {
        Expression::Select { selector, variants } => {
            match selector {
                InlineExpression::VariableReference { id } => {
                    out.insert(id.name);
                }
                other => out.extend(number_call(other)),
            }
            for v in variants {
                numeric_variables(&v.value, out);
            }
        }
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            numeric_in(expression, out);
        }
        Expression::Inline(inline) => out.extend(number_call(inline)),
    }
}

/// Writes one message in the pack's form (see the top of this file).
struct Compiler<'s> {
    numeric: BTreeSet<&'s str>,
    text: String,
    problems: Vec<String>,
}

impl<'s> Compiler<'s> {
    fn pattern(&mut self, pattern: &Pattern<&'s str>) {
        for element in &pattern.elements {
            match element {
                PatternElement::TextElement { value } => self.literal(value),
                PatternElement::Placeable { expression } => self.expression(expression),
            }
        }
    }

    fn literal(&mut self, text: &str) {
        if text.contains(is_marker) {
            self.problems
                .push("control characters U+0000-U+0008 are reserved".into());
        }
        self.text.push_str(text);
    }

    fn name(&mut self, flag: Option<char>, name: &str) {
        self.text.extend(flag);
        self.text.push_str(name);
        self.text.push(END);
    }

    fn expression(&mut self, expression: &Expression<&'s str>) {
        match expression {
            Expression::Inline(inline) => self.inline(inline),
            Expression::Select { selector, variants } => {
                self.text.push(SELECT);
                match (selector, number_call(selector)) {
                    (InlineExpression::VariableReference { id }, _) => self.name(None, id.name),
                    (_, Some(name)) => self.name(Some(NUMERIC), name),
                    _ => self
                        .problems
                        .push("a selector must be $variable or NUMBER($variable)".into()),
                }
                for variant in variants {
                    self.text.push(VARIANT);
                    let key = match variant.key {
                        VariantKey::Identifier { name } => name,
                        VariantKey::NumberLiteral { value } => value,
                    };
                    self.name(variant.default.then_some(DEFAULT), key);
                    self.pattern(&variant.value);
                }
                self.text.push(END_SELECT);
            }
        }
    }

    fn inline(&mut self, inline: &InlineExpression<&'s str>) {
        match inline {
            InlineExpression::VariableReference { id } => {
                self.text.push(VAR);
                let numeric = self.numeric.contains(id.name).then_some(NUMERIC);
                self.name(numeric, id.name);
            }
            InlineExpression::StringLiteral { value } => {
                self.literal(&fluent_syntax::unicode::unescape_unicode_to_string(value));
            }
            // As Fluent writes a number literal (`1.50` stays `1.50`).
            InlineExpression::NumberLiteral { value } => match value.parse::<f64>() {
                Ok(n) => {
                    let mut text = n.to_string();
                    if let Some(fraction) = value.find('.').map(|p| value.len() - p - 1) {
                        let have = text.find('.').map(|p| text.len() - p - 1);
                        if have.is_none() {
                            text.push('.');
                        }
                        text.push_str(&"0".repeat(fraction.saturating_sub(have.unwrap_or(0))));
                    }
                    self.literal(&text);
                }
                Err(_) => self.problems.push(format!("bad number {value}")),
            },
            InlineExpression::Placeable { expression } => self.expression(expression),
            other => match number_call(other) {
                Some(name) => {
                    self.text.push(NUMBER);
                    self.name(None, name);
                }
                None => self.problems.push(
                    "only $variable, NUMBER($variable), literals and selects are supported".into(),
                ),
            },
        }
    }
}

/// `TICKET_WIDGET_BUILD`: a digest of everything the widget's markup comes
/// from (its sources, the catalog's, the texts, the locked dependencies).
/// The prerendered first step carries it, and the wasm takes such a
/// fragment over only when it was built from the very same: hydrating
/// markup of another build would fail (`src/prerender.rs`). Both are built
/// by the same toolchain, so std's fixed-key hasher gives both the same.
fn stamp_build() {
    use std::hash::{DefaultHasher, Hasher};
    const FROM: [&str; 5] = ["src", "core/src", "locales", "Cargo.lock", "Cargo.toml"];
    fn walk(path: &Path, files: &mut Vec<PathBuf>) {
        match std::fs::read_dir(path) {
            Ok(entries) => entries.flatten().for_each(|e| walk(&e.path(), files)),
            Err(_) => files.push(path.to_owned()),
        }
    }
    let mut files = Vec::new();
    for from in FROM {
        println!("cargo::rerun-if-changed={from}");
        walk(Path::new(from), &mut files);
    }
    files.sort();
    let mut hasher = DefaultHasher::new();
    for file in files {
        hasher.write(file.to_string_lossy().as_bytes());
        hasher.write(&std::fs::read(&file).unwrap_or_default());
    }
    println!(
        "cargo::rustc-env=TICKET_WIDGET_BUILD={:016x}",
        hasher.finish()
    );
}
