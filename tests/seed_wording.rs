//! The texts that come from the provider's Support Ticket Scope of Service
//! (group titles, category titles and scope texts, what a category does
//! not cover, the important notice) are its words, in both languages: the
//! file `shared/seed/scope-of-service.txt` beside the repository. The only
//! differences allowed are the ones the locale file lists at its top and
//! `normalise` applies to the seed below.

#![cfg(not(target_arch = "wasm32"))]

use ticket_core::catalog::{CATEGORIES, Group};
use ticket_widget::i18n::{Lang, keys, tr};

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/seed/scope-of-service.txt"
);

/// The languages the seed is written in. zh-Hans is not one: its texts are
/// the seed's Traditional Chinese in mainland wording, not character for
/// character (tests/locales.rs checks its titles).
const SEED_LANGS: [Lang; 2] = [Lang::En, Lang::ZhHant];

/// The English part of the seed starts with this line; the Chinese is before it.
const ENGLISH_START: &str = "LeiKwan Host Support Ticket Scope of Service";

fn seed() -> String {
    std::fs::read_to_string(SEED).unwrap_or_else(|e| {
        panic!(
            "the provider's scope text is missing ({SEED}: {e}); the wording \
             cannot be checked. It lives in shared/seed/ beside the repository."
        )
    })
}

/// A heading or paragraph of the seed, with the numbered items under it.
struct Section {
    heading: String,
    items: Vec<Item>,
}

/// `  1. Title` and its bullet `    • text`.
struct Item {
    title: String,
    text: String,
}

fn sections(part: &str) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::new();
    for line in part.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let numbered = trimmed
            .split_once(". ")
            .filter(|(n, _)| line.starts_with(' ') && n.bytes().all(|b| b.is_ascii_digit()));
        if let Some((_, title)) = numbered {
            let section = out.last_mut().expect("an item under a heading");
            section.items.push(Item {
                title: title.to_owned(),
                text: String::new(),
            });
        } else if let Some(text) = trimmed.strip_prefix("• ") {
            let item = out.last_mut().and_then(|s| s.items.last_mut());
            item.expect("a bullet under an item").text = text.to_owned();
        } else {
            out.push(Section {
                heading: trimmed.to_owned(),
                items: Vec::new(),
            });
        }
    }
    out
}

/// The seed's text as the locale file may write it (the list at the top of
/// each `.ftl` file). zh-Hant: the half-width `( ) , :` inside Chinese
/// sentences become full-width `（ ） ， ：`, without a space before `（`.
fn normalise(lang: Lang, seed: &str) -> String {
    match lang {
        Lang::En => seed.to_owned(),
        Lang::ZhHant | Lang::ZhHans => seed
            .replace(" (", "（")
            .replace('(', "（")
            .replace(')', "）")
            .replace(',', "，")
            .replace(':', "："),
    }
}

/// The seed's half in `lang`, as (the sections with items: the groups; the
/// other sections).
fn seed_part(lang: Lang) -> (Vec<Section>, Vec<Section>) {
    let seed = seed();
    let (zh, en) = seed
        .split_once(ENGLISH_START)
        .unwrap_or_else(|| panic!("{SEED}: no line {ENGLISH_START:?}"));
    let part = match lang {
        Lang::En => en,
        Lang::ZhHant | Lang::ZhHans => zh,
    };
    sections(part)
        .into_iter()
        .partition(|s| !s.items.is_empty())
}

/// Adds a difference between a text and the seed's to `problems`.
fn compare(problems: &mut Vec<String>, what: String, text: String, seed: String) {
    if text != seed {
        problems.push(format!("{what}\n   text: {text}\n   seed: {seed}"));
    }
}

#[test]
fn group_and_category_texts_are_the_seeds() {
    let (mut problems, mut checked) = (Vec::new(), 0);
    for lang in SEED_LANGS {
        let (groups, _) = seed_part(lang);
        assert_eq!(groups.len(), Group::ALL.len(), "{}: groups", lang.tag());
        for (group, section) in Group::ALL.into_iter().zip(&groups) {
            let at = |what: &str| format!("{} {}: {what}", lang.tag(), group.id());
            let title = tr(lang, &keys::group_title(group));
            compare(
                &mut problems,
                at("title"),
                title,
                normalise(lang, &section.heading),
            );
            let categories: Vec<_> = CATEGORIES.iter().filter(|c| c.group == group).collect();
            assert_eq!(
                categories.len(),
                section.items.len(),
                "{}",
                at("categories")
            );
            for (c, item) in categories.into_iter().zip(&section.items) {
                let title = tr(lang, &keys::category_title(c));
                let what = at(&format!("{} title", c.id));
                compare(&mut problems, what, title, normalise(lang, &item.title));
                // What a category does not cover is the end of its bullet,
                // after a no-break space in English.
                let mut text = tr(lang, &keys::category_scope(c));
                if let Some(exclusion) = keys::category_exclusion(c) {
                    if lang == Lang::En {
                        text.push('\u{a0}');
                    }
                    text.push_str(&tr(lang, &exclusion));
                }
                let what = at(&format!("{} scope", c.id));
                compare(&mut problems, what, text, normalise(lang, &item.text));
                checked += 1;
            }
        }
    }
    assert!(
        problems.is_empty(),
        "not the seed's words:\n{}",
        problems.join("\n")
    );
    assert_eq!(checked, 2 * CATEGORIES.len());
}

#[test]
fn the_important_notice_is_the_seeds() {
    for lang in SEED_LANGS {
        let (_, others) = seed_part(lang);
        let title = tr(lang, "notice-circumvention-title");
        let at = others
            .iter()
            .position(|s| normalise(lang, &s.heading) == title)
            .unwrap_or_else(|| panic!("{}: no heading {title:?} in the seed", lang.tag()));
        let text = others.get(at + 1).map(|s| normalise(lang, &s.heading));
        assert_eq!(
            Some(tr(lang, "notice-circumvention")),
            text,
            "{}",
            lang.tag()
        );
    }
}

/// The normalisation changes only what the locale files list.
#[test]
fn normalising_touches_only_the_listed_punctuation() {
    assert_eq!(
        normalise(Lang::ZhHant, "KYC (實名登記)、請注意:此項(例如:a, b)"),
        "KYC（實名登記）、請注意：此項（例如：a， b）"
    );
    assert_eq!(
        normalise(Lang::En, "KYC (Real-name: a, b)"),
        "KYC (Real-name: a, b)"
    );
}
