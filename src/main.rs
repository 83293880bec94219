use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    // Marks for scripts/bench (startup as the page sees it). `catch`: a page
    // without the Performance API must still get its widget.
    #[wasm_bindgen(catch, js_namespace = performance)]
    fn mark(name: &str) -> Result<JsValue, JsValue>;
}

fn main() {
    let _ = mark("ltw-main-start");
    // Release builds abort on a panic without a message (scripts/build-release),
    // so the hook only helps in development.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    ticket_widget::start();
    let _ = mark("ltw-mounted");
}
