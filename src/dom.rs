//! The few DOM reads and writes the views need beyond what Leptos renders:
//! kept apart so that no view module has to import another for them.

use wasm_bindgen::JsCast;

/// The value of the control an event came from. Leptos's own
/// `event_target_value` assumes an `<input>` and throws on a `<textarea>`.
pub fn target_value(ev: &web_sys::Event) -> String {
    let Some(target) = ev.target() else {
        return String::new();
    };
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        input.value()
    } else if let Some(area) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.value()
    } else if let Some(select) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.value()
    } else {
        String::new()
    }
}

/// Whether an `input` event fired while an IME is still composing a word
/// (Chinese input): the value is taken when composition ends instead.
pub fn is_composing(ev: &web_sys::Event) -> bool {
    ev.dyn_ref::<web_sys::InputEvent>()
        .is_some_and(|e| e.is_composing())
}

/// Focuses `el` once the browser has laid out what was just rendered (a
/// step or a summary that appears in the same turn).
pub fn focus_after_render(el: web_sys::HtmlElement) {
    leptos::prelude::request_animation_frame(move || {
        let _ = el.focus();
    });
}

/// The selection (UTF-16 offsets) in the control an event came from.
pub fn selection_of(ev: &web_sys::Event) -> Option<(u32, u32)> {
    let target = ev.target()?;
    let (start, end) = if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        (input.selection_start().ok()??, input.selection_end().ok()??)
    } else {
        let area = target.dyn_ref::<web_sys::HtmlTextAreaElement>()?;
        (area.selection_start().ok()??, area.selection_end().ok()??)
    };
    Some((start, end))
}

/// The plain text a paste event carries.
pub fn pasted_text(ev: &web_sys::ClipboardEvent) -> Option<String> {
    ev.clipboard_data()?.get_data("text/plain").ok()
}
