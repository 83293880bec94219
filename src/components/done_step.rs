use super::trace_summary::element;
use super::{Ctx, on_button};
use leptos::prelude::*;

/// Step 4: the reference the backend returned. Text and one button: written
/// as escaped markup, the button served by a click handler on the step.
pub fn done_step(c: Ctx) -> impl IntoView {
    let Ctx { i18n, form, .. } = c;
    let email = form.email.get_untracked();
    let html = move || {
        let mut html = String::new();
        element(&mut html, "h3", "", &i18n.text("done-title"));
        element(&mut html, "p", "", &i18n.text("done-reference"));
        element(
            &mut html,
            "p",
            " class=\"ltw-reference\" data-testid=\"reference\"",
            &form.reference.get(),
        );
        let next = i18n.t_args("done-next", &[("email", email.clone())]);
        element(&mut html, "p", "", &next);
        html.push_str("<div class=\"ltw-actions\">");
        element(
            &mut html,
            "button",
            " type=\"button\" class=\"ltw-button\"",
            &i18n.text("btn-new"),
        );
        html.push_str("</div>");
        html
    };
    let new_ticket = on_button(move || form.start_new_ticket());
    view! { <div class="ltw-step ltw-done" inner_html=html on:click=new_ticket></div> }
}
