//! One file in the Attachments list.

use super::super::context::{use_form, use_uploader};
use super::attachments_field::size_text;
use crate::attachments::{FileEntry, FileNotes, UploadState};
use crate::i18n::{I18n, keys, use_i18n};
use crate::retry::Failure;
use leptos::prelude::*;
use ticket_core::attachment::ALL_CODES;

/// One listed file: thumbnail, name, size, upload state (announced
/// politely) with a progress bar, what was done to it before the upload,
/// and its remove button.
#[component]
pub fn FileItem(uid: u32, on_removed: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let files = use_form().attachments;
    let uploader = use_uploader();
    let FileEntry {
        name,
        size,
        thumbnail,
        notes,
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
        uploader.remove(uid);
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
            <progress class="ltw-file-progress" max="1" value=move || done().then_some("1") aria-label=name/>
            <button type="button" class="ltw-button ltw-button--small" aria-label=remove_named on:click=remove>
                {i18n.t("attachments-remove")}
            </button>
            <FileNoteList notes/>
        </li>
    })
}

/// What was removed from the file before its upload, and what the scope
/// guard found in it; nothing when there is nothing to say.
#[component]
fn FileNoteList(notes: FileNotes) -> impl IntoView {
    let i18n = use_i18n();
    let lines = move || note_lines(i18n, &notes);
    move || {
        let lines = lines();
        (!lines.is_empty()).then(|| {
            view! {
                <ul class="ltw-file-notes">
                    {lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                </ul>
            }
        })
    }
}

fn note_lines(i18n: I18n, notes: &FileNotes) -> Vec<String> {
    let mut lines = Vec::new();
    if notes.location_removed {
        lines.push(i18n.text("attachments-note-location-removed"));
    } else if notes.metadata_removed {
        lines.push(i18n.text("attachments-note-metadata-removed"));
    }
    if notes.metadata_unchecked {
        lines.push(i18n.text("attachments-note-metadata-unchecked"));
    }
    if notes.private_keys_removed > 0 {
        lines.push(i18n.text("attachments-note-key-removed"));
    }
    if !notes.secrets.is_empty() {
        let kinds: Vec<String> = notes
            .secrets
            .iter()
            .map(|k| i18n.text(&keys::secret_kind(k)))
            .collect();
        lines.push(i18n.t_args("attachments-note-secrets", &[("kinds", i18n.list(&kinds))]));
    }
    if !notes.circumvention.is_empty() {
        lines.push(i18n.t_args(
            "attachments-note-circumvention",
            &[("terms", i18n.list(&notes.circumvention))],
        ));
    }
    lines
}
