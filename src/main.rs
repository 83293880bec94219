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
    console_error_panic_hook::set_once();
    ticket_widget::start();
    let _ = mark("ltw-mounted");
}
