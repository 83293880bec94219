//! Which language a widget starts in. The customer's own earlier choice wins,
//! then the embedding page's `data-lang`, then the browser's languages.

use super::Lang;

const STORAGE_KEY: &str = "ticket-widget.lang";

/// Maps one browser language tag to a widget language. All Chinese goes to
/// zh-Hant for now (there is no zh-Hans text yet); anything else is English.
pub fn lang_for_tag(tag: &str) -> Option<Lang> {
    let lower = tag.trim().to_ascii_lowercase();
    if lower == "zh" || lower.starts_with("zh-") || lower.starts_with("zh_") {
        Some(Lang::ZhHant)
    } else if lower == "en" || lower.starts_with("en-") {
        Some(Lang::En)
    } else {
        None
    }
}

/// The first browser language the widget speaks, else English.
pub fn lang_for_tags<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
    tags.into_iter().find_map(lang_for_tag).unwrap_or(Lang::En)
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn initial_lang(data_lang: Option<&str>) -> Lang {
    let remembered = storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|tag| Lang::from_tag(&tag));
    if let Some(lang) = remembered.or_else(|| data_lang.and_then(lang_for_tag)) {
        return lang;
    }
    let browser: Vec<String> = web_sys::window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|v| v.as_string())
                .collect()
        })
        .unwrap_or_default();
    lang_for_tags(browser.iter().map(String::as_str))
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

    #[test]
    fn chinese_variants_map_to_traditional() {
        for tag in [
            "zh-TW",
            "zh-HK",
            "zh-MO",
            "zh-Hant",
            "zh-Hant-TW",
            "zh",
            "zh-CN",
            "ZH-tw",
        ] {
            assert_eq!(lang_for_tag(tag), Some(Lang::ZhHant), "{tag}");
        }
        assert_eq!(lang_for_tag("en-GB"), Some(Lang::En));
        assert_eq!(lang_for_tag("ja"), None);
        assert_eq!(lang_for_tag("zhx"), None);
    }

    #[test]
    fn first_spoken_browser_language_wins() {
        assert_eq!(lang_for_tags(["ja", "zh-HK", "en"]), Lang::ZhHant);
        assert_eq!(lang_for_tags(["fr", "en-US", "zh-TW"]), Lang::En);
        assert_eq!(lang_for_tags(["fr"]), Lang::En);
        assert_eq!(lang_for_tags([]), Lang::En);
    }
}
