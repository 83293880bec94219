use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    // Marks for scripts/bench (startup as the page sees it). `catch`: a page
    // without the Performance API must still get its widget.
    #[wasm_bindgen(catch, js_namespace = performance)]
    fn mark(name: &str) -> Result<JsValue, JsValue>;
}

/// Called by `embed/loader.js` once the wasm is instantiated, with the
/// language packs' loader, its early fetch (`lang`, `text`) and `done`,
/// called once the widgets found are mounted (see `ticket_widget::start`).
/// Not the automatic `main`: the loader has to hand those over first.
#[wasm_bindgen]
pub fn start(
    load: Option<js_sys::Function>,
    lang: Option<String>,
    text: Option<js_sys::Promise>,
    done: Option<js_sys::Function>,
) {
    let _ = mark("ltw-main-start");
    // Release builds abort on a panic without a message (scripts/build-release),
    // so the hook only helps in development.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    ticket_widget::start(load, lang, text, move || {
        let _ = mark("ltw-mounted");
        if let Some(done) = done {
            let _ = done.call0(&JsValue::NULL);
        }
    });
}

fn main() {}
