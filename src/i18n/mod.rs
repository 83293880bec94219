//! Thin i18n over `fluent-bundle`: one bundle per language, built on first
//! use from the `.ftl` files compiled into the binary, and the current
//! language as a signal in context so only text nodes re-render on a switch.

mod detect;
pub mod keys;

pub use detect::{initial_lang, remember_lang};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use leptos::prelude::*;
use std::sync::LazyLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    ZhHant,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::ZhHant, Lang::En];

    /// BCP 47 tag, as used for `lang` attributes and the payload's `locale`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhHant => "zh-Hant",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(tag))
    }

    fn source(self) -> &'static str {
        match self {
            Lang::En => include_str!("../../locales/en/main.ftl"),
            Lang::ZhHant => include_str!("../../locales/zh-Hant/main.ftl"),
        }
    }
}

fn build(lang: Lang) -> FluentBundle<FluentResource> {
    let id = lang.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Isolation marks (U+2068/9) only matter for mixed-direction text; both
    // languages here are left-to-right, and the marks would leak into copies.
    bundle.set_use_isolating(false);
    // A broken .ftl file is caught by tests/locales.rs; at run time a
    // partly-parsed resource is better than none.
    let resource = FluentResource::try_new(lang.source().to_owned()).unwrap_or_else(|(r, _)| r);
    let _ = bundle.add_resource(resource);
    bundle
}

static EN: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| build(Lang::En));
static ZH_HANT: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| build(Lang::ZhHant));

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    match lang {
        Lang::En => &EN,
        Lang::ZhHant => &ZH_HANT,
    }
}

/// The message `key` in `lang`, with string arguments. A missing key yields
/// the key itself, so a gap shows up as text instead of breaking the form.
pub fn tr_args(lang: Lang, key: &str, args: &[(&'static str, String)]) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        return key.to_owned();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    let mut errors = Vec::new();
    let args = (!args.is_empty()).then_some(&fluent_args);
    bundle
        .format_pattern(pattern, args, &mut errors)
        .into_owned()
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
    pub fn t(self, key: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
        move || tr(self.lang.get(), key)
    }

    /// The text now, for keys computed at run time (tracked as well).
    pub fn text(self, key: &str) -> String {
        tr(self.lang.get(), key)
    }

    pub fn t_args(self, key: &str, args: &[(&'static str, String)]) -> String {
        tr_args(self.lang.get(), key, args)
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}
