use super::super::context::{use_config, use_form, use_uploader};
use super::focus::focus_when_asked;
use crate::attachments::{FileEntry, UploadState};
use crate::i18n::{I18n, keys, use_i18n};
use crate::retry::Failure;
use crate::uploading::files_of;
use leptos::html::Input;
use leptos::prelude::*;
use ticket_core::attachment::{ALL_CODES, LIMITS};
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

/// One listed file: thumbnail, name, size, upload state (announced
/// politely) with a progress bar, and its remove button.
#[component]
fn FileItem(uid: u32, on_removed: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let files = use_form().attachments;
    let FileEntry {
        name,
        size,
        thumbnail,
        ..
    } = files.entry(uid)?;
    let state = Memo::new(move |_| {
        files
            .files
            .with(|f| f.iter().find(|e| e.uid == uid).map(|e| e.state.clone()))
    });
    let state_text = move || {
        state.get().map(|s| match s {
            UploadState::Waiting => i18n.text("attachments-state-waiting"),
            UploadState::Uploading => i18n.text("attachments-state-uploading"),
            UploadState::Uploaded(_) => i18n.text("attachments-state-uploaded"),
            UploadState::Retrying {
                failure: Failure::Network,
            } => i18n.text("attachments-state-offline"),
            UploadState::Retrying { .. } => i18n.text("attachments-state-retrying"),
            UploadState::Failed { code } => {
                // The receiver's own words when it used one of the rules'
                // codes; a plain "could not be uploaded" otherwise.
                let message = match code.as_deref() {
                    Some(c) if ALL_CODES.contains(&c) => i18n.text(&keys::error(c)),
                    _ => i18n.text("attachments-upload-failed"),
                };
                i18n.t_args("attachments-state-failed", &[("message", message)])
            }
        })
    };
    let done = move || matches!(state.get(), Some(UploadState::Uploaded(_)));
    let remove = move |_| {
        files.remove(uid);
        on_removed.run(());
    };
    let remove_named = {
        let name = name.clone();
        move || i18n.t_args("attachments-remove-named", &[("name", name.clone())])
    };
    Some(view! {
        <li class="ltw-file">
            {thumbnail.map(|src| view! { <img class="ltw-thumb" src=src alt="" width="48" height="48"/> })}
            <span class="ltw-file-name">{name.clone()}</span>
            " "
            <span class="ltw-file-size">{move || size_text(i18n, size)}</span>
            " "
            <span class="ltw-file-state" aria-live="polite">{state_text}</span>
            // fetch() reports no upload progress, so the bar is
            // indeterminate while the file goes up and full once it is in.
            <progress class="ltw-progress" max="1" value=move || done().then_some("1") aria-label=name/>
            <button type="button" class="ltw-button ltw-button--small" aria-label=remove_named on:click=remove>
                {i18n.t("attachments-remove")}
            </button>
        </li>
    })
}
