//! The widget's own words for categories, scopes, fields and directions,
//! read from its Fluent files at compile time, so that staff read the same
//! titles as the customer saw (and the seed's scope texts verbatim). Only
//! plain one-line messages are read; a message with placeables is not
//! one of those asked for.

use crate::config::StaffLanguage;

const EN: &str = include_str!("../../../locales/en/main.ftl");
const ZH_HANT: &str = include_str!("../../../locales/zh-Hant/main.ftl");
const ZH_HANS: &str = include_str!("../../../locales/zh-Hans/main.ftl");

fn source(language: StaffLanguage) -> &'static str {
    match language {
        StaffLanguage::En => EN,
        StaffLanguage::ZhHant => ZH_HANT,
        StaffLanguage::ZhHans => ZH_HANS,
    }
}

/// The text of the message `id`, if it is a plain one-line message.
fn message(language: StaffLanguage, id: &str) -> Option<&'static str> {
    source(language).lines().find_map(|line| {
        let value = line.strip_prefix(id)?.strip_prefix(" = ")?.trim();
        (!value.is_empty() && !value.contains('{')).then_some(value)
    })
}

/// The category's title, or its id for one the widget does not know.
pub fn category_title(language: StaffLanguage, id: &str) -> String {
    message(language, &format!("cat-{}-title", id.replace('.', "-")))
        .map_or_else(|| id.to_owned(), str::to_owned)
}

/// What the category covers (and what it excludes, if the scope says).
pub fn category_scope(language: StaffLanguage, id: &str) -> String {
    let slug = id.replace('.', "-");
    let scope = message(language, &format!("cat-{slug}-scope")).unwrap_or_default();
    match message(language, &format!("cat-{slug}-excluded")) {
        Some(excluded) => format!("{scope} {excluded}"),
        None => scope.to_owned(),
    }
}

/// The form's label of a common or category field (`email`, `os_template`).
pub fn field_label(language: StaffLanguage, id: &str) -> String {
    message(language, &format!("field-{}-label", id.replace('_', "-")))
        .map_or_else(|| id.to_owned(), str::to_owned)
}

/// A field's value as the form showed it (the direction's words).
pub fn field_value(language: StaffLanguage, id: &str, value: &str) -> String {
    if id == "direction"
        && let Some(words) = message(language, &format!("direction-{}", value.replace('_', "-")))
    {
        return words.to_owned();
    }
    value.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ticket_core::{CATEGORIES, Field};

    const ALL: [StaffLanguage; 3] = [
        StaffLanguage::En,
        StaffLanguage::ZhHant,
        StaffLanguage::ZhHans,
    ];

    #[test]
    fn every_category_and_field_has_words_in_every_language() {
        for language in ALL {
            for category in &CATEGORIES {
                assert_ne!(category_title(language, category.id), category.id);
                assert!(!category_scope(language, category.id).is_empty());
            }
            for field in Field::ALL {
                assert_ne!(field_label(language, field.id()), field.id());
            }
            for common in ["email", "name", "service", "subject", "message"] {
                assert_ne!(field_label(language, common), common);
            }
            for direction in ticket_core::catalog::DIRECTIONS {
                assert_ne!(field_value(language, "direction", direction), *direction);
            }
        }
        assert_eq!(
            category_title(StaffLanguage::ZhHant, "technical.routing"),
            "路由報障"
        );
        assert!(category_scope(StaffLanguage::En, "technical.general").contains("excludes"));
        assert_eq!(category_title(StaffLanguage::En, "nope.nope"), "nope.nope");
    }
}
