//! Every user-visible text exists in every locale: the `.ftl` files parse,
//! hold the same message ids, and contain every id the code can ask for,
//! whether written literally in `src/` or computed from ticket-core data.

#![cfg(not(target_arch = "wasm32"))]

use fluent_syntax::ast::Entry;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use ticket_core::catalog::{CATEGORIES, DIRECTIONS, Field, Group};
use ticket_core::ip::Scope;
use ticket_widget::i18n::{Lang, keys};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn message_ids(lang: Lang) -> BTreeSet<String> {
    let path = Path::new(ROOT)
        .join("locales")
        .join(lang.tag())
        .join("main.ftl");
    let source =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let resource = fluent_syntax::parser::parse(source.as_str())
        .unwrap_or_else(|(_, errors)| panic!("{}: syntax errors: {errors:?}", path.display()));
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            Entry::Message(m) => {
                assert!(
                    m.value.is_some(),
                    "{}: message {} has no value",
                    lang.tag(),
                    m.id.name
                );
                Some(m.id.name.to_owned())
            }
            _ => None,
        })
        .collect()
}

/// The first string literal passed to a lookup (`t`, `text`, `t_args`,
/// `tr`, `tr_args`, `key`, `line`) anywhere in `src/`.
fn literal_ids_in_code() -> BTreeSet<String> {
    const CALLS: [&str; 7] = ["t", "text", "t_args", "tr", "tr_args", "key", "line"];
    let mut ids = BTreeSet::new();
    let mut files: Vec<PathBuf> = vec![Path::new(ROOT).join("src")];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let code = std::fs::read_to_string(&path).unwrap();
        for (at, _) in code.match_indices('(') {
            let before = &code[..at];
            let name_start = before
                .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .map_or(0, |i| i + 1);
            if !CALLS.contains(&&before[name_start..]) {
                continue;
            }
            let rest = code[at + 1..].trim_start();
            if let Some(literal) = rest.strip_prefix('"') {
                let id = literal.split('"').next().unwrap();
                ids.insert(id.to_owned());
            }
        }
    }
    ids
}

/// Ids the code computes from ticket-core data.
fn computed_ids() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for group in Group::ALL {
        ids.insert(keys::group_title(group));
        ids.insert(keys::group_intro(group));
    }
    for c in &CATEGORIES {
        ids.insert(keys::category_title(c));
        ids.insert(keys::category_scope(c));
        ids.extend(keys::category_exclusion(c));
        ids.extend(keys::category_notice(c));
    }
    for key in keys::COMMON_FIELDS {
        ids.insert(keys::field_label(key));
        ids.insert(keys::field_hint(key));
    }
    for f in Field::ALL {
        ids.insert(keys::field_label(f.id()));
        ids.insert(keys::field_hint(f.id()));
    }
    for d in DIRECTIONS {
        ids.insert(keys::choice(Field::Direction, d));
    }
    for code in ticket_core::validate::all_error_codes() {
        ids.insert(keys::error(code));
    }
    for kind in keys::SECRET_KINDS {
        ids.insert(keys::secret_kind(kind));
    }
    for scope in Scope::ALL.into_iter().filter(|s| *s != Scope::Public) {
        ids.insert(keys::ip_scope(scope.id()));
    }
    ids
}

#[test]
fn every_locale_has_the_same_messages() {
    let en = message_ids(Lang::En);
    let zh = message_ids(Lang::ZhHant);
    let only_en: Vec<_> = en.difference(&zh).collect();
    let only_zh: Vec<_> = zh.difference(&en).collect();
    assert!(
        only_en.is_empty() && only_zh.is_empty(),
        "missing in zh-Hant: {only_en:?}\nmissing in en: {only_zh:?}"
    );
    println!("locales: {} messages in each of en and zh-Hant", en.len());
}

#[test]
fn every_id_the_code_asks_for_exists_in_every_locale() {
    let wanted: BTreeSet<String> = literal_ids_in_code()
        .into_iter()
        .chain(computed_ids())
        .collect();
    assert!(
        wanted.len() > 100,
        "scanner found too few ids: {}",
        wanted.len()
    );
    for lang in Lang::ALL {
        let have = message_ids(lang);
        let missing: Vec<_> = wanted.difference(&have).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", lang.tag());
    }
}

#[test]
fn the_scanner_sees_literal_lookups() {
    let ids = literal_ids_in_code();
    for id in [
        "widget-title",
        "step-progress",
        "trace-reached-yes",
        "lang-load-failed",
        "ip-public",
    ] {
        assert!(ids.contains(id), "{id} not found by the scanner");
    }
}

#[test]
fn texts_follow_the_scope_of_service() {
    use ticket_widget::i18n::tr;
    assert_eq!(
        tr(Lang::En, "cat-technical-routing-title"),
        "Reporting Routing Issues"
    );
    assert_eq!(tr(Lang::ZhHant, "cat-china-kyc-title"), "KYC（實名登記）");
    assert!(tr(Lang::ZhHant, "notice-circumvention").contains("恕不另行通知"));
    assert!(tr(Lang::En, "cat-technical-general-excluded").contains("customer-installed software"));
    // Arguments come out without Unicode isolation marks.
    assert_eq!(
        ticket_widget::i18n::tr_args(
            Lang::En,
            "step-progress",
            &[
                ("current", "1".into()),
                ("total", "4".into()),
                ("name", "Topic".into())
            ]
        ),
        "Step 1 of 4: Topic"
    );
}

/// `build.rs` compiles the `.ftl` files into tables; every message, in every
/// locale, must read exactly as Fluent itself renders it, with and without
/// its arguments.
#[test]
fn compiled_texts_match_fluent() {
    use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    use ticket_widget::i18n::tr_args;

    let mut checked = 0;
    for lang in Lang::ALL {
        let path = Path::new(ROOT)
            .join("locales")
            .join(lang.tag())
            .join("main.ftl");
        // Leaked so that variable names are `&'static str`, as `tr_args` takes.
        let source: &'static str = std::fs::read_to_string(&path).unwrap().leak();
        let ast = fluent_syntax::parser::parse(source).unwrap();
        let resource = FluentResource::try_new(source.to_owned()).unwrap();
        let mut bundle = FluentBundle::new(vec![lang.tag().parse().unwrap()]);
        bundle.set_use_isolating(false);
        bundle.add_resource(resource).unwrap();

        for entry in &ast.body {
            let Entry::Message(m) = entry else { continue };
            let id = m.id.name;
            let vars: Vec<&'static str> = m
                .value
                .iter()
                .flat_map(|p| &p.elements)
                .filter_map(|e| match e {
                    PatternElement::Placeable {
                        expression: Expression::Inline(InlineExpression::VariableReference { id }),
                    } => Some(id.name),
                    _ => None,
                })
                .collect();
            let pattern = bundle.get_message(id).unwrap().value().unwrap();
            let with: Vec<(&'static str, String)> = vars
                .iter()
                .map(|v| (*v, format!("<{v} ‹value›>")))
                .collect();
            let mut args = FluentArgs::new();
            for (name, value) in &with {
                args.set(*name, value.clone());
            }
            let mut errors = Vec::new();
            let fluent = bundle.format_pattern(pattern, Some(&args), &mut errors);
            assert_eq!(tr_args(lang, id, &with), fluent, "{} {id}", lang.tag());
            let fluent_bare = bundle.format_pattern(pattern, None, &mut errors);
            assert_eq!(
                tr_args(lang, id, &[]),
                fluent_bare,
                "{} {id} without arguments",
                lang.tag()
            );
            checked += 1;
        }
    }
    assert!(checked > 300, "only {checked} messages checked");
    assert_eq!(tr_args(Lang::En, "no-such-message", &[]), "no-such-message");
}

/// The language buttons show each language's name from the wasm (build.rs
/// takes it from the language's own `.ftl`), before that language's pack is
/// loaded: the same text as in the packs.
#[test]
fn language_names_are_built_in_as_the_packs_have_them() {
    use ticket_widget::i18n::tr;
    for lang in Lang::ALL {
        let id = format!("lang-name-{}", lang.tag().to_ascii_lowercase());
        assert_eq!(lang.native_name(), tr(lang, &id), "{id}");
        for other in Lang::ALL {
            assert_eq!(
                tr(other, &id),
                lang.native_name(),
                "{id} in {}",
                other.tag()
            );
        }
    }
}

/// The packs build.rs writes next to its output (for scripts/trunk-post-build)
/// are the texts the widget reads: every message of the `.ftl` file.
#[test]
fn every_message_is_in_its_language_pack() {
    for lang in Lang::ALL {
        let pack = ticket_widget::i18n::built_pack(lang);
        assert!(pack.starts_with("ltw-pack-1\u{2}"), "{}", lang.tag());
        let ids = &pack["ltw-pack-1\u{2}".len()..pack.find('\u{3}').unwrap()];
        let in_pack: BTreeSet<String> = ids.split('\u{2}').map(str::to_owned).collect();
        assert_eq!(in_pack, message_ids(lang), "{}", lang.tag());
    }
}
