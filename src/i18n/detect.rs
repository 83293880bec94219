//! Which language a widget starts in: the embedding page's `data-lang`,
//! then the customer's own earlier choice, then the browser's languages,
//! else English (a prerendered first step's language comes before the
//! browser's). `negotiate` is the rule, a pure function; `initial_lang`
//! feeds it from the page. `embed/loader.js` guesses by the same rules.

use super::Lang;

const STORAGE_KEY: &str = "ticket-widget.lang";

/// Maps one language tag (`data-lang`, or one of the browser's) to a widget
/// language, `None` for a language the widget does not speak. For Chinese a
/// script subtag decides (`zh-Hans*`, `zh-Hant*`), else the region: `CN`
/// and `SG` read Simplified, `TW`, `HK` and `MO` Traditional. A bare `zh`,
/// and any other region, is Simplified (the most readers).
pub fn lang_for_tag(tag: &str) -> Option<Lang> {
    let lower = tag.trim().to_ascii_lowercase().replace('_', "-");
    let mut subtags = lower.split('-');
    match subtags.next() {
        Some("en") => Some(Lang::En),
        Some("zh") => {
            let rest: Vec<&str> = subtags.collect();
            let has = |wanted: &[&str]| rest.iter().any(|s| wanted.contains(s));
            if has(&["hans"]) {
                Some(Lang::ZhHans)
            } else if has(&["hant", "tw", "hk", "mo"]) {
                Some(Lang::ZhHant)
            } else {
                Some(Lang::ZhHans)
            }
        }
        _ => None,
    }
}

/// The first browser language the widget speaks, else English.
pub fn lang_for_tags<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
    tags.into_iter().find_map(lang_for_tag).unwrap_or(Lang::En)
}

/// The starting language, in order: the page's `data-lang` (if the widget
/// speaks it), the language the customer chose before (`remembered`, a
/// tag as `remember_lang` stores it), the browser's languages
/// (`navigator.languages`, in the customer's order), English.
pub fn negotiate<'a>(
    data_lang: Option<&str>,
    remembered: Option<&str>,
    browser: impl IntoIterator<Item = &'a str>,
) -> Lang {
    data_lang
        .and_then(lang_for_tag)
        .or_else(|| remembered.and_then(Lang::from_tag))
        .unwrap_or_else(|| lang_for_tags(browser))
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn initial_lang(data_lang: Option<&str>) -> Lang {
    initial_lang_over(data_lang, None)
}

/// `initial_lang` for a host holding a prerendered first step in
/// `prerendered`: the page chose that language for this visitor (by
/// `Accept-Language`, or because the page is in it), so it comes before
/// the browser's languages, after `data-lang` and the customer's own
/// earlier choice.
pub fn initial_lang_over(data_lang: Option<&str>, prerendered: Option<Lang>) -> Lang {
    let remembered = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    let browser: Vec<String> = web_sys::window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|v| v.as_string())
                .collect()
        })
        .unwrap_or_default();
    negotiate(
        data_lang,
        remembered.as_deref(),
        prerendered
            .map(Lang::tag)
            .into_iter()
            .chain(browser.iter().map(String::as_str)),
    )
}

/// Private browsing may refuse storage; the choice then lasts for the page.
pub fn remember_lang(lang: Lang) {
    if let Some(s) = storage() {
        let _ = s.set_item(STORAGE_KEY, lang.tag());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn browser(tags: &[&str]) -> Lang {
        negotiate(None, None, tags.iter().copied())
    }

    #[test]
    fn mainland_and_singapore_and_simplified_script_read_simplified() {
        for tag in [
            "zh-CN",
            "zh-SG",
            "zh-Hans",
            "zh-Hans-CN",
            "zh-Hans-HK",
            "zh-hans-tw",
            "ZH-cn",
            "zh_CN",
        ] {
            assert_eq!(browser(&[tag]), Lang::ZhHans, "{tag}");
        }
    }

    #[test]
    fn taiwan_hong_kong_macao_and_traditional_script_read_traditional() {
        for tag in [
            "zh-TW",
            "zh-HK",
            "zh-MO",
            "zh-Hant",
            "zh-Hant-TW",
            "zh-Hant-CN",
            "ZH-tw",
            "zh_HK",
        ] {
            assert_eq!(browser(&[tag]), Lang::ZhHant, "{tag}");
        }
    }

    #[test]
    fn a_bare_zh_reads_simplified() {
        assert_eq!(browser(&["zh"]), Lang::ZhHans);
        assert_eq!(browser(&[" ZH "]), Lang::ZhHans);
    }

    #[test]
    fn anything_else_is_english() {
        for tags in [
            &["en-GB"][..],
            &["en"],
            &["ja"],
            &["zhx"],
            &["fr", "de"],
            &[""],
            &[],
        ] {
            assert_eq!(browser(tags), Lang::En, "{tags:?}");
        }
        assert_eq!(lang_for_tag("ja"), None);
        assert_eq!(lang_for_tag("zhx-CN"), None);
    }

    #[test]
    fn the_first_browser_language_spoken_wins() {
        assert_eq!(browser(&["ja", "zh-HK", "en"]), Lang::ZhHant);
        assert_eq!(browser(&["fr", "en-US", "zh-CN"]), Lang::En);
        assert_eq!(browser(&["zh-CN", "zh-TW"]), Lang::ZhHans);
        assert_eq!(browser(&["ko", "zh-TW", "zh-CN"]), Lang::ZhHant);
    }

    #[test]
    fn data_lang_comes_first() {
        assert_eq!(
            negotiate(Some("zh-Hans"), Some("en"), ["zh-TW"]),
            Lang::ZhHans
        );
        assert_eq!(
            negotiate(Some("zh-TW"), Some("zh-Hans"), ["en"]),
            Lang::ZhHant
        );
        assert_eq!(negotiate(Some("en"), Some("zh-Hant"), ["zh-CN"]), Lang::En);
        assert_eq!(negotiate(Some("zh"), None, ["en"]), Lang::ZhHans);
    }

    #[test]
    fn then_the_remembered_choice() {
        assert_eq!(negotiate(None, Some("zh-Hans"), ["zh-TW"]), Lang::ZhHans);
        assert_eq!(negotiate(None, Some("zh-Hant"), ["en"]), Lang::ZhHant);
        // A data-lang the widget does not speak does not count.
        assert_eq!(negotiate(Some("fr"), Some("en"), ["zh-CN"]), Lang::En);
    }

    #[test]
    fn then_the_browser_and_a_remembered_tag_must_be_exact() {
        assert_eq!(negotiate(None, None, ["zh-SG"]), Lang::ZhHans);
        assert_eq!(negotiate(Some("fr"), None, ["zh-MO"]), Lang::ZhHant);
        // Storage someone else wrote to: not a tag of ours, so ignored.
        assert_eq!(negotiate(None, Some("zh"), ["zh-TW"]), Lang::ZhHant);
        assert_eq!(negotiate(None, Some(""), []), Lang::En);
    }
}
