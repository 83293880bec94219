use super::trace_summary::{element, escape};
use super::{Ctx, closest, effect, on_click_ev};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The modal shown before sending a ticket that mentions circumvention
/// software. A native `<dialog>` opened with `showModal()` makes the rest of
/// the page inert and closes on Escape; "edit" is the default action.
///
/// `open` says whether the dialog is open (the dialog sets it to false when
/// closed); `on_edit` is "Edit my ticket", `on_confirm` "Submit anyway". The
/// scope guard's distinct circumvention terms are shown to the customer.
pub fn policy_dialog(
    c: Ctx,
    open: RwSignal<bool>,
    on_edit: impl Fn() + 'static,
    on_confirm: impl Fn() + 'static,
) -> impl IntoView {
    let Ctx { i18n, form, .. } = c;
    let policy = form.policy;
    let dialog_id = c.id("policy-dialog");
    let title_id = c.id("policy-title");
    let body_id = c.id("policy-body");
    let edit_id = c.id("policy-edit");

    let focus_edit = edit_id.clone();
    let labelled_by = title_id.clone();
    let described_by = body_id.clone();
    let lookup = dialog_id.clone();
    effect(move |_| {
        let is_open = open.get();
        let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&lookup))
            .and_then(|e| e.dyn_into::<web_sys::HtmlDialogElement>().ok())
        else {
            return;
        };
        if is_open {
            if !el.open() {
                let _ = el.show_modal();
            }
            super::app::focus_by_id(&focus_edit);
        } else if el.open() {
            el.close();
        }
    });

    // Text and two buttons: escaped markup rather than a view per element,
    // served by one click handler that tells the buttons apart by
    // `data-act`. It is only re-written when the language or the terms
    // change, which cannot happen while the modal dialog is open.
    let content = move || {
        let terms = policy.with(|p| p.circumvention.join(", "));
        let mut html = String::new();
        let title_attrs = format!(" id=\"{}\"", escape(&title_id));
        element(
            &mut html,
            "h3",
            &title_attrs,
            &i18n.text("policy-dialog-title"),
        );
        html.push_str("<div id=\"");
        html.push_str(&escape(&body_id));
        html.push_str("\"><p class=\"ltw-dialog-found\">");
        element(
            &mut html,
            "strong",
            "",
            &i18n.t_args("policy-dialog-found", &[("terms", terms)]),
        );
        html.push_str("</p><blockquote class=\"ltw-quote\">");
        element(
            &mut html,
            "strong",
            "",
            &i18n.text("notice-circumvention-title"),
        );
        element(&mut html, "p", "", &i18n.text("notice-circumvention"));
        html.push_str("</blockquote></div><div class=\"ltw-actions\">");
        let edit_attrs = format!(
            " type=\"button\" id=\"{}\" class=\"ltw-button ltw-button--primary\" autofocus data-act=\"edit\"",
            escape(&edit_id)
        );
        element(
            &mut html,
            "button",
            &edit_attrs,
            &i18n.text("policy-dialog-edit"),
        );
        element(
            &mut html,
            "button",
            " type=\"button\" class=\"ltw-button ltw-button--danger\" data-act=\"confirm\"",
            &i18n.text("policy-dialog-confirm"),
        );
        html.push_str("</div>");
        html
    };
    let act = move |ev: leptos::ev::MouseEvent| {
        let action = closest(&ev, "button").and_then(|b| b.get_attribute("data-act"));
        match action.as_deref() {
            Some("edit") => {
                open.set(false);
                on_edit();
            }
            Some("confirm") => {
                open.set(false);
                on_confirm();
            }
            _ => {}
        }
    };

    view! {
        <dialog
            class="ltw-dialog"
            id=dialog_id
            aria-labelledby=labelled_by
            aria-describedby=described_by
            inner_html=content
            on:click=on_click_ev(act)
            on:close=move |_| open.set(false)
        ></dialog>
    }
}
