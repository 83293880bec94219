//! Each language's texts live in a pack file next to the wasm (written by
//! `build.rs` from the `.ftl` files, named by `scripts/trunk-post-build`),
//! not in the wasm. `embed/loader.js` starts fetching the pack of the
//! language it expects while the wasm loads and hands that fetch over
//! (`start_loading`), together with a function that fetches any pack,
//! retrying a failed fetch (`set_loader`). Packs once loaded stay in memory
//! for the page's life. Nothing here may panic: a pack that cannot be had
//! is a failure the callers report.

use super::Lang;
use super::pack_format::{FIELD_SEP, PACK_MAGIC, SECTION_SEP};
use js_sys::{Function, Promise};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

/// A loaded pack: (id, message) pairs sorted by id.
type Messages = Vec<(&'static str, &'static str)>;

/// Called once a pack is loaded (`true`) or could not be had (`false`).
type Waiter = Box<dyn FnOnce(bool)>;

enum State {
    Missing,
    Loading(Vec<Waiter>),
    Loaded(Messages),
    Failed,
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    static PACKS: RefCell<[State; 3]> = const {
        RefCell::new([State::Missing, State::Missing, State::Missing])
    };
}

// Native code (tests, tools) has the packs built in; the browser fetches them.
#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static PACKS: RefCell<[State; 3]> = RefCell::new([Lang::En, Lang::ZhHant, Lang::ZhHans].map(|lang| {
        parse(built_pack(lang)).map_or(State::Failed, State::Loaded)
    }));
}

thread_local! {
    /// The loader's `load(tag)`, which returns a promise of a pack's text.
    static LOADER: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// `lang`'s pack as this build wrote it (for tests; see `install_built_packs`).
#[doc(hidden)]
pub fn built_pack(lang: Lang) -> &'static str {
    match lang {
        Lang::En => include_str!(concat!(env!("OUT_DIR"), "/packs/en.txt")),
        Lang::ZhHant => include_str!(concat!(env!("OUT_DIR"), "/packs/zh-Hant.txt")),
        Lang::ZhHans => include_str!(concat!(env!("OUT_DIR"), "/packs/zh-Hans.txt")),
    }
}

/// Installs every pack as this build wrote them, without the network: for
/// tests that mount components directly. The widget itself never calls it,
/// so the texts stay out of the release wasm.
#[doc(hidden)]
pub fn install_built_packs() {
    for lang in Lang::ALL {
        if !is_loaded(lang) {
            settle(lang, Some(built_pack(lang)));
        }
    }
}

/// Forgets a loaded pack, as if it had never been fetched (tests of loading
/// on demand).
#[doc(hidden)]
pub fn forget_pack(lang: Lang) {
    PACKS.with_borrow_mut(|p| {
        if matches!(p[lang.index()], State::Loaded(_)) {
            p[lang.index()] = State::Missing;
        }
    });
}

/// The function that fetches a pack: `load(tag)` → promise of its text.
pub fn set_loader(load: Option<Function>) {
    LOADER.set(load);
}

/// The (id, message) pairs of a pack, or `None` if `text` is no pack (an
/// error page served in its place, a truncated file).
fn parse(text: &'static str) -> Option<Messages> {
    let (ids, texts) = text.strip_prefix(PACK_MAGIC)?.split_once(SECTION_SEP)?;
    let (mut ids, mut texts) = (ids.split(FIELD_SEP), texts.split(FIELD_SEP));
    let mut messages = Vec::new();
    loop {
        match (ids.next(), texts.next()) {
            (Some(id), Some(text)) => messages.push((id, text)),
            (None, None) => return Some(messages),
            _ => return None,
        }
    }
}

/// The message `key` as compiled (see `build.rs`), with the language it is
/// in: `lang`, or while `lang`'s pack is not loaded another language
/// (English first), whose plural rules then apply. Console messages and a
/// configuration notice are better read in the wrong language than as ids.
pub(super) fn message(lang: Lang, key: &str) -> Option<(Lang, &'static str)> {
    PACKS.with_borrow(|packs| {
        let mut order = [lang, Lang::En, Lang::ZhHant, Lang::ZhHans].into_iter();
        let (from, messages) = order.find_map(|l| match &packs[l.index()] {
            State::Loaded(m) => Some((l, m)),
            _ => None,
        })?;
        let i = messages.binary_search_by(|(id, _)| (*id).cmp(key)).ok()?;
        messages.get(i).map(|(_, m)| (from, *m))
    })
}

pub fn is_loaded(lang: Lang) -> bool {
    PACKS.with_borrow(|p| matches!(p[lang.index()], State::Loaded(_)))
}

/// Calls `done(true)` once `lang`'s pack is loaded (at once if it is), or
/// `done(false)` if it cannot be had; starts fetching it if nobody has.
/// A pack that failed before is fetched again.
pub fn when_loaded(lang: Lang, done: impl FnOnce(bool) + 'static) {
    wait_for(lang, Box::new(done));
}

// Not generic: one copy of this for every caller.
fn wait_for(lang: Lang, done: Waiter) {
    if is_loaded(lang) {
        return done(true);
    }
    let fetch = PACKS.with_borrow_mut(|packs| {
        let state = &mut packs[lang.index()];
        let fetch = !matches!(state, State::Loading(_));
        if fetch {
            *state = State::Loading(Vec::new());
        }
        if let State::Loading(waiting) = state {
            waiting.push(done);
        }
        fetch
    });
    if fetch {
        let load = LOADER.with_borrow(Clone::clone);
        let promise = load
            .and_then(|f| f.call1(&JsValue::NULL, &lang.tag().into()).ok())
            .and_then(|p| p.dyn_into::<Promise>().ok());
        receive(lang, promise);
    }
}

/// Starts fetching `lang`'s pack ahead of need (the customer's pointer or
/// focus is on its button).
pub fn prefetch(lang: Lang) {
    when_loaded(lang, |_| {});
}

/// `lang`'s pack is on its way in `text`, a promise of its text (the
/// loader's early fetch).
pub fn start_loading(lang: Lang, text: Promise) {
    let take = PACKS.with_borrow_mut(|packs| {
        let state = &mut packs[lang.index()];
        let take = matches!(state, State::Missing | State::Failed);
        if take {
            *state = State::Loading(Vec::new());
        }
        take
    });
    if take {
        receive(lang, Some(text));
    }
}

/// Calls `done` once no pack is on its way any more.
pub fn when_settled(done: Box<dyn FnOnce()>) {
    let loading = Lang::ALL
        .into_iter()
        .find(|l| PACKS.with_borrow(|p| matches!(p[l.index()], State::Loading(_))));
    match loading {
        Some(lang) => when_loaded(lang, move |_| when_settled(done)),
        None => done(),
    }
}

/// Settles `lang`'s pack with what `promise` brings: a pack's text, or a
/// rejection (anything else fails the pack's check).
fn receive(lang: Lang, promise: Option<Promise>) {
    let Some(promise) = promise else {
        return settle(lang, None);
    };
    // Loaded packs live as long as the page.
    let got = Closure::once(move |text: JsValue| {
        settle(lang, text.as_string().map(|t| &*t.leak()));
    });
    let _ = promise.then2(&got, &got);
    // Left to the JS side for good: a few bytes per pack fetched.
    got.forget();
}

fn settle(lang: Lang, text: Option<&'static str>) {
    let messages = text.and_then(parse);
    let ok = messages.is_some();
    if !ok {
        web_sys::console::error_1(
            &format!(
                "ticket-widget: the {} texts could not be loaded",
                lang.tag()
            )
            .into(),
        );
    }
    let new = messages.map_or(State::Failed, State::Loaded);
    let old = PACKS.with_borrow_mut(|p| std::mem::replace(&mut p[lang.index()], new));
    if let State::Loading(waiting) = old {
        for done in waiting {
            done(ok);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packs_parse_and_anything_else_is_refused() {
        let m = parse("ltw-pack-2\u{2}a\u{2}b\u{3}A\u{2}B \u{4}x\u{1}!").unwrap();
        assert_eq!(m, [("a", "A"), ("b", "B \u{4}x\u{1}!")]);
        assert_eq!(parse("<!doctype html><p>Not found"), None);
        assert_eq!(parse("ltw-pack-2\u{2}a\u{2}b\u{3}A"), None, "truncated");
        assert_eq!(parse("ltw-pack-2\u{2}a\u{2}b"), None, "truncated");
        assert_eq!(parse("ltw-pack-1\u{2}a\u{3}A"), None, "an older format");
        for lang in Lang::ALL {
            let m = parse(built_pack(lang)).unwrap();
            assert!(m.len() > 150);
            assert!(m.windows(2).all(|w| w[0].0 < w[1].0), "sorted by id");
        }
    }
}
