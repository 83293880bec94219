//! Thin i18n over the `.ftl` files, compiled by `build.rs` into one text
//! pack per language that the widget fetches (`packs.rs`; no Fluent runtime
//! and no text ships in the wasm), and the current language as a signal in
//! context so only text nodes re-render on a switch.

mod detect;
mod format;
pub mod keys;
mod pack_format;
mod packs;
mod plural;

pub use detect::{initial_lang, initial_lang_over, remember_lang};
pub use packs::{
    built_pack, forget_pack, install_built_packs, is_loaded, prefetch, set_loader, start_loading,
    when_loaded, when_settled,
};

use leptos::prelude::*;

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    ZhHant,
    ZhHans,
}

impl Lang {
    /// In the order the language buttons show them.
    pub const ALL: [Lang; 3] = [Lang::ZhHans, Lang::ZhHant, Lang::En];

    /// BCP 47 tag, as used for `lang` attributes and the payload's `locale`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhHant => "zh-Hant",
            Lang::ZhHans => "zh-Hans",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(tag))
    }

    /// The language's name in itself, from its own `.ftl` (`build.rs`):
    /// available before its pack is.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => NAME_EN,
            Lang::ZhHant => NAME_ZH_HANT,
            Lang::ZhHans => NAME_ZH_HANS,
        }
    }

    /// The index of the language's pack slot (`packs.rs`).
    fn index(self) -> usize {
        self as usize
    }
}

/// The message `key` in `lang`, with string arguments. A missing key yields
/// the key itself, so a gap shows up as text instead of breaking the form;
/// a missing argument shows as `{$name}`, as Fluent does. Counts are passed
/// as text too (`n.to_string()`): a select on them picks the plural form
/// (`format.rs`). While `lang`'s pack is not loaded, the text comes from a
/// language that is (see `packs::message`).
pub fn tr_args(lang: Lang, key: &str, args: &[(&'static str, String)]) -> String {
    match packs::message(lang, key) {
        Some((from, message)) => format::format(from.tag(), message, args),
        None => key.to_owned(),
    }
}

pub fn tr(lang: Lang, key: &str) -> String {
    tr_args(lang, key, &[])
}

/// Marks a literal message id that is not passed straight to a lookup, so
/// `tests/locales.rs` finds it when it checks that every id used exists.
pub const fn key(id: &'static str) -> &'static str {
    id
}

/// The language of one widget, shared with its components through context.
#[derive(Clone, Copy)]
pub struct I18n {
    pub lang: RwSignal<Lang>,
}

impl I18n {
    pub fn new(lang: Lang) -> I18n {
        I18n {
            lang: RwSignal::new(lang),
        }
    }

    /// A reactive text: re-evaluated when the language changes.
    pub fn t(self, key: &'static str) -> impl Fn() -> String + Clone + Send + Sync + 'static {
        self.tk(std::borrow::Cow::Borrowed(key))
    }

    /// A reactive text for a key computed once: one closure type for every
    /// such site keeps the wasm small.
    pub fn tk(
        self,
        key: std::borrow::Cow<'static, str>,
    ) -> impl Fn() -> String + Clone + Send + Sync + 'static {
        move || tr(self.lang.get(), &key)
    }

    /// The text now, for keys computed at run time (tracked as well).
    pub fn text(self, key: &str) -> String {
        tr(self.lang.get(), key)
    }

    pub fn t_args(self, key: &str, args: &[(&'static str, String)]) -> String {
        tr_args(self.lang.get(), key, args)
    }

    /// Items of a list in running text, with the language's separator
    /// (`, ` in English, `、` in Chinese).
    pub fn list(self, items: &[String]) -> String {
        items.join(&self.text("list-separator"))
    }

    /// Sentences shown as one text: a space between English sentences,
    /// none between Chinese ones.
    pub fn sentences(self, sentences: &[String]) -> String {
        sentences.join(&self.text("sentence-separator"))
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}
