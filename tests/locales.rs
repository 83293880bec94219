//! Every user-visible text exists in every locale: the `.ftl` files parse,
//! hold the same message ids, and contain every id the code can ask for,
//! whether written literally in `src/` or computed from ticket-core data.

#![cfg(not(target_arch = "wasm32"))]

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use fluent_syntax::ast::{
    Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey,
};
use std::collections::{BTreeMap, BTreeSet};
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
        ids.insert(keys::attachments_hint(c));
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
    assert_eq!(Lang::ALL.len(), 3);
    let en = message_ids(Lang::En);
    for lang in Lang::ALL {
        let other = message_ids(lang);
        let only_en: Vec<_> = en.difference(&other).collect();
        let only_other: Vec<_> = other.difference(&en).collect();
        assert!(
            only_en.is_empty() && only_other.is_empty(),
            "missing in {}: {only_en:?}\nmissing in en: {only_other:?}",
            lang.tag()
        );
    }
    let tags: Vec<_> = Lang::ALL.iter().map(|l| l.tag()).collect();
    println!("locales: {} messages in each of {tags:?}", en.len());
}

/// The receiver accepts exactly the languages the widget speaks.
#[test]
fn the_receiver_accepts_every_language_of_the_widget() {
    let mut widget: Vec<&str> = Lang::ALL.iter().map(|l| l.tag()).collect();
    let mut core = ticket_core::validate::LOCALES.to_vec();
    widget.sort_unstable();
    core.sort_unstable();
    assert_eq!(widget, core);
    for lang in Lang::ALL {
        assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
    }
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
    // zh-Hans: the seed's Traditional titles in mainland wording.
    for (id, text) in [
        ("group-inquiry-title", "咨询类别"),
        ("group-technical-title", "技术类别"),
        ("group-china-title", "中国大陆合规专线"),
        ("cat-inquiry-price-title", "价格咨询"),
        ("cat-inquiry-plan-title", "套餐配置细则"),
        ("cat-technical-nic-title", "单网卡能否通网"),
        ("cat-technical-routing-title", "路由报障"),
        ("notice-circumvention-title", "重要声明"),
    ] {
        assert_eq!(tr(Lang::ZhHans, id), text, "{id}");
    }
    assert!(tr(Lang::ZhHans, "notice-circumvention").contains("恕不另行通知"));
    assert!(tr(Lang::ZhHans, "cat-technical-ip-scope").contains("子网掩码等信息"));
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

/// The variables of a message: those it uses as numbers (a selector or a
/// `NUMBER()` argument, at any depth) with the text keys of their selects,
/// and the others.
#[derive(Default)]
struct Variables {
    numeric: BTreeMap<&'static str, BTreeSet<&'static str>>,
    plain: BTreeSet<&'static str>,
}

impl Variables {
    fn of(pattern: &Pattern<&'static str>) -> Variables {
        let mut vars = Variables::default();
        vars.pattern(pattern);
        vars.plain.retain(|v| !vars.numeric.contains_key(v));
        vars
    }

    fn pattern(&mut self, pattern: &Pattern<&'static str>) {
        for element in &pattern.elements {
            if let PatternElement::Placeable { expression } = element {
                self.expression(expression);
            }
        }
    }

    fn expression(&mut self, expression: &Expression<&'static str>) {
        match expression {
            Expression::Select { selector, variants } => {
                let var = match selector {
                    InlineExpression::VariableReference { id } => id.name,
                    other => number_argument(other).expect("selectors are variables"),
                };
                let keys = self.numeric.entry(var).or_default();
                for v in variants {
                    if let VariantKey::Identifier { name } = v.key {
                        keys.insert(name);
                    }
                }
                for v in variants {
                    self.pattern(&v.value);
                }
            }
            Expression::Inline(InlineExpression::Placeable { expression }) => {
                self.expression(expression)
            }
            Expression::Inline(InlineExpression::VariableReference { id }) => {
                self.plain.insert(id.name);
            }
            Expression::Inline(other) => {
                if let Some(var) = number_argument(other) {
                    self.numeric.entry(var).or_default();
                }
            }
        }
    }

    /// Every combination of test values: the counts 0, 1, 2, 5 and a few
    /// that tell Fluent's number rules apart (`1.0` is not `one` in
    /// English, `007` prints as 7, `[0]` does not match `0.0`; NaN and
    /// infinity are left out, as fluent-bundle panics on their plural
    /// category), each text
    /// key of the variable's selects and a text that is no number, for
    /// each numeric variable; a marked text for the others.
    fn argument_sets(&self) -> Vec<Vec<(&'static str, String)>> {
        const NUMBERS: [&str; 12] = [
            "0", "1", "2", "5", "1.0", "1.5", "-1", "007", "0.0", "12.5", "1e3", "+5",
        ];
        let plain: Vec<(&'static str, String)> = self
            .plain
            .iter()
            .map(|v| (*v, format!("<{v} ‹value›>")))
            .collect();
        let mut sets = vec![plain];
        for (var, keys) in &self.numeric {
            let values: Vec<String> = NUMBERS
                .iter()
                .copied()
                .chain(keys.iter().copied())
                .chain(["‹not a number›"])
                .map(str::to_owned)
                .collect();
            sets = sets
                .into_iter()
                .flat_map(|set| {
                    values.iter().map(move |value| {
                        let mut set = set.clone();
                        set.push((*var, value.clone()));
                        set
                    })
                })
                .collect();
        }
        sets
    }
}

/// `NUMBER($name)`'s `name`.
fn number_argument(e: &InlineExpression<&'static str>) -> Option<&'static str> {
    match e {
        InlineExpression::FunctionReference { id, arguments } if id.name == "NUMBER" => {
            match arguments.positional.as_slice() {
                [InlineExpression::VariableReference { id }] => Some(id.name),
                _ => None,
            }
        }
        _ => None,
    }
}

/// A bundle of `lang` as the widget's texts are meant: no isolation marks
/// around arguments, and Fluent's built-in functions (`NUMBER`).
fn bundle(lang: Lang, source: String) -> FluentBundle<FluentResource> {
    let resource = FluentResource::try_new(source).expect("the .ftl file parses");
    let mut bundle = FluentBundle::new(vec![lang.tag().parse().unwrap()]);
    bundle.set_use_isolating(false);
    bundle.add_builtins().unwrap();
    bundle.add_resource(resource).unwrap();
    bundle
}

/// As the widget's arguments are meant (see `src/i18n/format.rs`): text,
/// read as a number where the message uses the variable as one.
fn fluent_args<'a>(vars: &Variables, set: &'a [(&'static str, String)]) -> FluentArgs<'a> {
    let mut args = FluentArgs::new();
    for (name, value) in set {
        if vars.numeric.contains_key(name) {
            args.set(*name, FluentValue::try_number(value));
        } else {
            args.set(*name, value.as_str());
        }
    }
    args
}

fn format(bundle: &FluentBundle<FluentResource>, id: &str, args: Option<&FluentArgs>) -> String {
    let pattern = bundle.get_message(id).unwrap().value().unwrap();
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, args, &mut errors)
        .into_owned()
}

/// Replaces the `target`-th variant (in source order, nested ones
/// included) of `pattern` by `mark`; returns how many variants it saw.
fn mark_variant(
    pattern: &mut Pattern<&'static str>,
    target: usize,
    mark: &'static str,
    seen: &mut usize,
) {
    for element in &mut pattern.elements {
        let PatternElement::Placeable { expression } = element else {
            continue;
        };
        if let Expression::Select { variants, .. } = expression {
            for v in variants {
                if *seen == target {
                    v.value.elements = vec![PatternElement::TextElement { value: mark }];
                }
                *seen += 1;
                mark_variant(&mut v.value, target, mark, seen);
            }
        }
    }
}

/// `build.rs` compiles the `.ftl` files into packs; every message, in every
/// locale, must read exactly as Fluent itself renders it: without
/// arguments, and with every combination of test values, so that each
/// variant of each select expression is compared (checked by marking the
/// variant and seeing the mark come out for one of those values).
#[test]
fn compiled_texts_match_fluent() {
    use ticket_widget::i18n::tr_args;

    let (mut checked, mut renderings, mut variants) = (0, 0, 0);
    for lang in Lang::ALL {
        let path = Path::new(ROOT)
            .join("locales")
            .join(lang.tag())
            .join("main.ftl");
        // Leaked so that variable names are `&'static str`, as `tr_args` takes.
        let source: &'static str = std::fs::read_to_string(&path).unwrap().leak();
        let ast = fluent_syntax::parser::parse(source).unwrap();
        let fluent = bundle(lang, source.to_owned());

        for entry in &ast.body {
            let Entry::Message(m) = entry else { continue };
            let id = m.id.name;
            let pattern = m.value.as_ref().unwrap();
            let vars = Variables::of(pattern);
            let sets = vars.argument_sets();
            for set in &sets {
                let args = fluent_args(&vars, set);
                assert_eq!(
                    tr_args(lang, id, set),
                    format(&fluent, id, Some(&args)),
                    "{} {id} with {set:?}",
                    lang.tag()
                );
                renderings += 1;
            }
            assert_eq!(
                tr_args(lang, id, &[]),
                format(&fluent, id, None),
                "{} {id} without arguments",
                lang.tag()
            );

            let mut count = 0;
            mark_variant(&mut pattern.clone(), usize::MAX, "", &mut count);
            for target in 0..count {
                let mark = "⟦this variant⟧";
                let mut marked = m.clone();
                let value = marked.value.as_mut().unwrap();
                mark_variant(value, target, mark, &mut 0);
                let resource = fluent_syntax::ast::Resource {
                    body: vec![Entry::Message(marked)],
                };
                let marked = bundle(lang, fluent_syntax::serializer::serialize(&resource));
                let reached = sets
                    .iter()
                    .any(|set| format(&marked, id, Some(&fluent_args(&vars, set))).contains(mark));
                assert!(
                    reached,
                    "{} {id}: variant {target} is not reached by the test values",
                    lang.tag()
                );
                variants += 1;
            }
            checked += 1;
        }
    }
    println!("{checked} messages, {renderings} renderings, {variants} select variants reached");
    assert!(checked > 300, "only {checked} messages checked");
    assert!(variants >= 2, "no select variants seen");
    assert_eq!(tr_args(Lang::En, "no-such-message", &[]), "no-such-message");
}

/// A count reads in the plural form its number takes in the language.
#[test]
fn counts_take_their_plural_form() {
    use ticket_widget::i18n::tr_args;
    let detected = |lang, hops: u32| {
        tr_args(
            lang,
            "trace-detected",
            &[("format", "mtr".into()), ("hops", hops.to_string())],
        )
    };
    assert_eq!(detected(Lang::En, 1), "Recognised: mtr, 1 hop");
    assert_eq!(detected(Lang::En, 0), "Recognised: mtr, 0 hops");
    assert_eq!(detected(Lang::En, 2), "Recognised: mtr, 2 hops");
    assert_eq!(detected(Lang::ZhHant, 1), "已辨識：mtr，共 1 個躍點");
    assert_eq!(detected(Lang::ZhHans, 1), "已识别：mtr，共 1 个跃点");
    assert_eq!(detected(Lang::ZhHans, 2), "已识别：mtr，共 2 个跃点");
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
        assert!(pack.starts_with("ltw-pack-2\u{2}"), "{}", lang.tag());
        let ids = &pack["ltw-pack-2\u{2}".len()..pack.find('\u{3}').unwrap()];
        let in_pack: BTreeSet<String> = ids.split('\u{2}').map(str::to_owned).collect();
        assert_eq!(in_pack, message_ids(lang), "{}", lang.tag());
    }
}

/// Chinese text takes Chinese punctuation (、，：（）…): no ASCII comma,
/// colon, semicolon, bracket, `!` or `?` next to a Chinese character, with
/// or without a space between (`梯子, 翻牆`, `電子郵件: …`). ASCII stays
/// where it belongs to code or data (`:: 只能`, `例如 :22`).
#[test]
fn chinese_texts_use_chinese_punctuation() {
    use ticket_widget::i18n::tr;
    let chinese =
        |c: &char| ('\u{3000}'..='\u{9fff}').contains(c) || ('\u{ff00}'..='\u{ffef}').contains(c);
    let ascii = |c: &char| ",:;()!?".contains(*c);
    let mut found = Vec::new();
    for (lang, id) in [Lang::ZhHant, Lang::ZhHans]
        .into_iter()
        .flat_map(|lang| message_ids(lang).into_iter().map(move |id| (lang, id)))
    {
        let text = tr(lang, &id);
        let chars: Vec<char> = text.chars().collect();
        let at = |i: usize| chars.get(i);
        let wrong = (0..chars.len()).any(|i| {
            let (before, after) = (i.checked_sub(1).and_then(at), at(i + 1));
            // A run such as `::` is code, not punctuation.
            if !ascii(&chars[i]) || before.is_some_and(ascii) || after.is_some_and(ascii) {
                return false;
            }
            let spaced = after == Some(&' ') && at(i + 2).is_some_and(chinese);
            before.is_some_and(chinese) || after.is_some_and(chinese) || spaced
        });
        if wrong {
            found.push(format!("{} {id}: {text}", lang.tag()));
        }
    }
    assert!(
        found.is_empty(),
        "ASCII punctuation in Chinese text:\n{}",
        found.join("\n")
    );
    assert_eq!(tr(Lang::ZhHant, "list-separator"), "、");
    assert_eq!(tr(Lang::ZhHans, "list-separator"), "、");
    assert_eq!(
        ticket_widget::i18n::tr_args(
            Lang::ZhHant,
            "error-summary-item",
            &[
                ("label", "電子郵件".into()),
                ("message", "請填寫此欄位。".into())
            ]
        ),
        "電子郵件：請填寫此欄位。"
    );
}

/// zh-Hans is written for mainland readers, not converted character by
/// character from zh-Hant: no Traditional characters, and mainland terms
/// where Taiwan and Hong Kong say otherwise.
#[test]
fn simplified_chinese_uses_simplified_characters_and_mainland_terms() {
    use ticket_widget::i18n::tr;
    // Traditional forms of characters these texts use (or would, converted
    // carelessly); each differs from its Simplified form.
    const TRADITIONAL: &str = "們這與資訊體網號點單務選擇將為請輸內時會從開關於問題類別項過詢價優費條啟動發錯誤碼區範圍圖個說處連線電郵複製貼執後樣態嘗試狀戶帳紀錄實際驗稱護權屬雙";
    // Taiwan / Hong Kong wording that a mainland reader would not use, as
    // they read after a character conversion.
    const NOT_MAINLAND: [&str; 14] = [
        "资讯",
        "伺服器",
        "预设",
        "登入",
        "软体",
        "网路",
        "位址",
        "记忆体",
        "硬体",
        "作业系统",
        "程式",
        "视讯",
        "连接埠",
        "权杖",
    ];
    let mut found = Vec::new();
    for id in message_ids(Lang::ZhHans) {
        if id.starts_with("lang-name-") {
            continue; // each language's own name is in its own script
        }
        let text = tr(Lang::ZhHans, &id);
        if let Some(c) = text.chars().find(|c| TRADITIONAL.contains(*c)) {
            found.push(format!("{id}: Traditional {c} in {text}"));
        }
        if let Some(term) = NOT_MAINLAND.iter().find(|t| text.contains(*t)) {
            found.push(format!("{id}: {term} in {text}"));
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
    for (id, term) in [
        ("cat-technical-ip-scope", "信息"),
        ("cat-technical-boot-scope", "服务器"),
        ("cat-technical-nic-title", "网卡"),
        ("cat-technical-general-excluded", "软件"),
        ("field-email-label", "邮箱"),
        ("err-ip-port", "端口"),
    ] {
        assert!(tr(Lang::ZhHans, id).contains(term), "{id} lacks {term}");
    }
}
