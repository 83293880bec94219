use super::super::context::{use_config, use_form, use_uploader};
use super::file_item::FileItem;
use super::focus::focus_when_asked;
use crate::i18n::{I18n, keys, use_i18n};
use crate::uploading::files_of;
use leptos::html::Input;
use leptos::prelude::*;
use ticket_core::attachment::LIMITS;
use ticket_core::catalog::Category;
use wasm_bindgen::JsCast;

/// What the picker offers; the content decides all the same.
const ACCEPT: &str =
    "image/png,image/jpeg,image/webp,image/gif,application/pdf,text/plain,.txt,.log";

const MB: u64 = 1024 * 1024;

/// A size in the customer's language: bytes, KB or MB (MB = 2^20 bytes,
/// as the limits count them).
pub fn size_text(i18n: I18n, bytes: u64) -> String {
    let (key, size) = if bytes < 1024 {
        ("attachments-size-bytes", bytes.to_string())
    } else if bytes < MB {
        ("attachments-size-kb", format!("{}", bytes.div_ceil(1024)))
    } else {
        // In tenths, with integers: float formatting would add about
        // 10 KB of wasm (see `hop_table::short_number`).
        let tenths = (bytes.saturating_mul(10) + MB / 2) / MB;
        (
            "attachments-size-mb",
            format!("{}.{}", tenths / 10, tenths % 10),
        )
    };
    i18n.t_args(key, &[("size", size)])
}

/// The optional "Attachments" field: a labelled file picker that also
/// takes files dropped on the field (pasted images are taken by the whole
/// step, see `DetailsStep`), the reason a file was refused, and the list.
#[component]
pub fn AttachmentsField(category: &'static Category) -> impl IntoView {
    let i18n = use_i18n();
    let files = use_form().attachments;
    let uploader = use_uploader();
    let key = "attachments";
    let id = use_config().id(key);
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let input = NodeRef::<Input>::new();
    focus_when_asked(key, input);
    let over = RwSignal::new(false);

    let on_change = move |ev: leptos::ev::Event| {
        let Some(el) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        uploader.add(files_of(el.files()));
        // The same file can be chosen again after it was removed.
        el.set_value("");
    };
    let on_dragover = move |ev: leptos::ev::DragEvent| {
        // Without this the browser opens the file instead of dropping it.
        ev.prevent_default();
        over.set(true);
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        over.set(false);
        uploader.add(files_of(ev.data_transfer().and_then(|d| d.files())));
    };
    let limits = move || {
        i18n.t_args(
            "attachments-limits",
            &[
                ("count", LIMITS.max_files.to_string()),
                ("each", (LIMITS.max_file_bytes / MB).to_string()),
                ("total", (LIMITS.max_total_bytes / MB).to_string()),
            ],
        )
    };
    let hint = move || i18n.sentences(&[i18n.text(&keys::attachments_hint(category)), limits()]);
    let refusal = move || {
        files.refusal.get().map(|(name, code)| {
            i18n.t_args(
                "attachments-refused",
                &[("name", name), ("message", i18n.text(&keys::error(code)))],
            )
        })
    };
    // Said once files are listed: the customer learns it before a reload,
    // not after.
    let not_kept = move || {
        (!files.kept.get() && !files.files.with(Vec::is_empty))
            .then(|| i18n.text("attachments-not-kept"))
    };
    let lost = move || {
        files.lost.with(|lost| {
            (!lost.is_empty())
                .then(|| i18n.t_args("attachments-lost", &[("names", i18n.list(lost))]))
        })
    };
    let focus_input = move || {
        if let Some(el) = input.get_untracked() {
            let _ = el.focus();
        }
    };

    view! {
        <div
            class="ltw-field ltw-drop"
            class:ltw-drop--over=move || over.get()
            on:dragover=on_dragover
            on:dragleave=move |_| over.set(false)
            on:drop=on_drop
        >
            <label class="ltw-label" for=id.clone()>{i18n.t("field-attachments-label")}</label>
            <p class="ltw-hint" id=hint_id.clone()>{hint}</p>
            <input
                id=id
                type="file"
                multiple
                class="ltw-input ltw-file-input"
                accept=ACCEPT
                aria-describedby=format!("{hint_id} {error_id}")
                node_ref=input
                on:change=on_change
            />
            <p class="ltw-error" id=error_id aria-live="polite">{refusal}</p>
            <div role="status">
                {move || lost().map(|text| view! { <p class="ltw-note ltw-note--warn ltw-files-lost">{text}</p> })}
                {move || not_kept().map(|text| view! { <p class="ltw-note ltw-note--warn ltw-files-not-kept">{text}</p> })}
            </div>
            <ul class="ltw-files">
                <For
                    each=move || files.files.with(|f| f.iter().map(|e| e.uid).collect::<Vec<_>>())
                    key=|uid| *uid
                    let(uid)
                >
                    <FileItem uid on_removed=Callback::new(move |()| focus_input())/>
                </For>
            </ul>
        </div>
    }
}
