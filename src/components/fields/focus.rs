use super::super::context::use_focus_field;
use crate::dom::focus_after_render;
use leptos::prelude::*;
use leptos::tachys::html::element::ElementType;
use wasm_bindgen::JsCast;

/// Gives the control focus when `FocusField` asks for `key` (an error
/// summary link, the policy dialog's "edit"), once it is on screen.
pub fn focus_when_asked<E>(key: &'static str, control: NodeRef<E>)
where
    E: ElementType + 'static,
    E::Output: JsCast + Clone + 'static,
{
    let focus = use_focus_field();
    Effect::new(move |_| {
        if focus.is_asked(key)
            && let Some(el) = control.get()
        {
            untrack(|| focus.done());
            focus_after_render(el.unchecked_into());
        }
    });
}
