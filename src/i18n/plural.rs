//! CLDR cardinal plural rules of the widget's languages, as data: a select
//! expression's `[one]`, `[few]`, … keys match a number through these.
//! Only the conditions these languages need are written; a language whose
//! rules need another condition adds it here (CLDR's `plurals.xml` gives
//! them, https://unicode.org/reports/tr35/tr35-numbers.html#Language_Plural_Rules).

/// A CLDR plural category, as spelled in a Fluent variant key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl Category {
    /// The category a variant key names, if it names one.
    pub fn from_key(key: &str) -> Option<Category> {
        Some(match key {
            "zero" => Category::Zero,
            "one" => Category::One,
            "two" => Category::Two,
            "few" => Category::Few,
            "many" => Category::Many,
            "other" => Category::Other,
            _ => return None,
        })
    }
}

/// The CLDR operands the rules below read: `i`, the integer digits of the
/// absolute value, and `v`, the number of visible fraction digits (`1.0`
/// has one, so it is not `one` in English).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Operands {
    pub i: u64,
    pub v: usize,
}

/// The conditions of CLDR rules that the widget's languages use.
#[derive(Clone, Copy, Debug)]
enum Condition {
    /// `i = n and v = 0`: the integer n, written without a fraction.
    Integer(u64),
}

impl Condition {
    fn holds(self, n: Operands) -> bool {
        match self {
            Condition::Integer(i) => n.i == i && n.v == 0,
        }
    }
}

/// Per BCP 47 tag, the categories other than `other` in CLDR's order, each
/// with its condition; a number that meets none is `other`.
const RULES: [(&str, &[(Category, Condition)]); 3] = [
    ("en", &[(Category::One, Condition::Integer(1))]),
    // Chinese has one form for every number.
    ("zh-Hant", &[]),
    ("zh-Hans", &[]),
];

/// The plural category of a number with operands `n` in the language
/// tagged `tag`; `None` for a language without rules here (tests make sure
/// every language of the widget has them).
pub fn category(tag: &str, n: Operands) -> Option<Category> {
    let (_, rules) = RULES.iter().find(|(t, _)| *t == tag)?;
    let category = rules
        .iter()
        .find(|(_, condition)| condition.holds(n))
        .map_or(Category::Other, |(category, _)| *category);
    Some(category)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn n(i: u64, v: usize) -> Operands {
        Operands { i, v }
    }

    #[test]
    fn english_one_is_the_integer_1_without_a_fraction() {
        assert_eq!(category("en", n(1, 0)), Some(Category::One));
        for other in [
            n(0, 0),
            n(2, 0),
            n(5, 0),
            n(1, 1),
            n(1, 2),
            n(11, 0),
            n(21, 0),
        ] {
            assert_eq!(category("en", other), Some(Category::Other), "{other:?}");
        }
    }

    #[test]
    fn chinese_has_only_other() {
        for tag in ["zh-Hant", "zh-Hans"] {
            for number in [n(0, 0), n(1, 0), n(2, 0), n(1, 1), n(5, 0)] {
                assert_eq!(category(tag, number), Some(Category::Other), "{tag}");
            }
        }
    }

    #[test]
    fn every_language_of_the_widget_has_rules() {
        for lang in Lang::ALL {
            assert!(category(lang.tag(), n(1, 0)).is_some(), "{}", lang.tag());
        }
        assert_eq!(category("fr", n(1, 0)), None);
    }

    #[test]
    fn keys_name_categories() {
        assert_eq!(Category::from_key("one"), Some(Category::One));
        assert_eq!(Category::from_key("other"), Some(Category::Other));
        assert_eq!(Category::from_key("One"), None);
        assert_eq!(Category::from_key("1"), None);
    }
}
