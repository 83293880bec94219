use super::super::context::use_form;
use super::text_field::TextField;
use crate::i18n::{key, keys, use_i18n};
use leptos::prelude::*;
use ticket_core::catalog::Field;

/// IP field: besides errors, says what kind of address a valid but
/// non-public one is, since support cannot act on a LAN address.
#[component]
pub fn IpField() -> impl IntoView {
    let i18n = use_i18n();
    let value = use_form().field(Field::Ip);
    let info = Memo::new(move |_| value.with(|v| ticket_core::ip::check_ip(v).ok()));
    let note = move || {
        info.get().map(|info| {
            let args = [
                ("address", info.address.clone()),
                ("version", info.version.to_string()),
            ];
            let (class, key) = if info.is_public() {
                ("ltw-note ltw-note--ok", key("ip-public").to_owned())
            } else {
                ("ltw-note ltw-note--warn", keys::ip_scope(info.scope.id()))
            };
            view! { <p class=class>{i18n.t_args(&key, &args)}</p> }
        })
    };
    view! {
        <TextField key=Field::Ip.id()/>
        {note}
    }
}
