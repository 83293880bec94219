//! Waiting inside an async task without blocking the page.

use wasm_bindgen_futures::JsFuture;

/// Resolves after `ms` milliseconds (at once without a window).
pub async fn sleep(ms: u32) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let ms = i32::try_from(ms).unwrap_or(i32::MAX);
        if window
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .is_err()
        {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}

pub fn browser_online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}
