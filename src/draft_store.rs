//! Where a widget keeps its draft in `localStorage`: one slot per endpoint,
//! per widget on the page and per browser tab. Two tabs, or two widgets on
//! one page, never write over each other's draft or share an idempotency
//! key; a reload finds its own tab's draft again, and a draft left by
//! another tab (or an earlier visit) is offered, not silently taken.
//!
//! A slot's key is `ticket-widget.draft:<endpoint> <widget> <tab>`. Spaces
//! separate the parts because none of them can hold one: the endpoint is
//! refused with white space (`config`), the widget id has it replaced, and
//! the tab id is hex. Drafts saved before slots existed sit under
//! `ticket-widget.draft:<endpoint>` and are offered like another tab's.

use crate::draft::{Draft, new_idempotency_key};

const PREFIX: &str = "ticket-widget.draft:";
/// The tab's own id, in `sessionStorage`: it survives a reload of the tab
/// but a new tab gets a new one.
const TAB_KEY: &str = "ticket-widget.tab";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slot {
    endpoint: String,
    widget: String,
    tab: String,
}

/// A draft some other tab (or an earlier visit) left for this widget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Offer {
    /// Where it is stored, so that taking it over removes it there.
    pub storage_key: String,
    pub draft: Draft,
}

impl Slot {
    /// This tab's slot for the widget `widget` posting to `endpoint`.
    pub fn for_this_tab(endpoint: &str, widget: &str) -> Slot {
        Slot::new(endpoint, widget, &tab_id())
    }

    pub fn new(endpoint: &str, widget: &str, tab: &str) -> Slot {
        let no_spaces = |s: &str| s.replace(char::is_whitespace, "_");
        Slot {
            endpoint: no_spaces(endpoint),
            widget: no_spaces(widget),
            tab: no_spaces(tab),
        }
    }

    pub fn storage_key(&self) -> String {
        format!("{}{}", self.family(), self.tab)
    }

    /// What every tab's slot of this widget starts with.
    fn family(&self) -> String {
        format!("{PREFIX}{} {} ", self.endpoint, self.widget)
    }

    /// Whether `key` is another tab's draft of this widget, or a draft
    /// saved for the endpoint before there were slots.
    pub fn is_other(&self, key: &str) -> bool {
        let legacy = key.strip_prefix(PREFIX) == Some(self.endpoint.as_str());
        let other_tab = key
            .strip_prefix(&self.family())
            .is_some_and(|tab| !tab.is_empty() && !tab.contains(' ') && tab != self.tab);
        legacy || other_tab
    }

    /// This tab's own draft, e.g. after a reload.
    pub fn load_own(&self) -> Option<Draft> {
        Draft::from_json(&storage()?.get_item(&self.storage_key()).ok()??)
    }

    /// The draft another tab left for this widget with the most text in it,
    /// if any is worth offering.
    pub fn other_draft(&self) -> Option<Offer> {
        let storage = storage()?;
        let length = storage.length().ok()?;
        (0..length)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|key| self.is_other(key))
            .filter_map(|key| {
                let draft = Draft::from_json(&storage.get_item(&key).ok()??)?;
                draft.has_content().then_some(Offer {
                    storage_key: key,
                    draft,
                })
            })
            .max_by_key(|offer| offer.draft.message.len() + offer.draft.subject.len())
    }

    /// Takes another tab's draft over: it is removed there, and it gets a
    /// key of its own, since the other tab may still send its copy.
    pub fn take_over(&self, offer: Offer) -> Draft {
        if let Some(s) = storage() {
            let _ = s.remove_item(&offer.storage_key);
        }
        Draft {
            idempotency_key: new_idempotency_key(),
            ..offer.draft
        }
    }

    /// False when the browser refuses (private mode, quota): the form then
    /// keeps working from memory and says so.
    pub fn save(&self, draft: &Draft) -> bool {
        storage().is_some_and(|s| s.set_item(&self.storage_key(), &draft.to_json()).is_ok())
    }

    pub fn clear(&self) {
        if let Some(s) = storage() {
            let _ = s.remove_item(&self.storage_key());
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// This tab's id, made on first use. Without `sessionStorage` every page
/// load is a tab of its own: a reload then offers the draft instead of
/// restoring it silently, and nothing is lost.
fn tab_id() -> String {
    let session = web_sys::window().and_then(|w| w.session_storage().ok().flatten());
    if let Some(id) = session
        .as_ref()
        .and_then(|s| s.get_item(TAB_KEY).ok().flatten())
        .filter(|id| !id.is_empty())
    {
        return id;
    }
    let id: String = new_idempotency_key()
        .chars()
        .filter(|c| *c != '-')
        .collect();
    if let Some(s) = session {
        let _ = s.set_item(TAB_KEY, &id);
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_tab_and_widget_has_its_own_slot() {
        let a = Slot::new("/api/tickets", "account-widget", "t1");
        let b = Slot::new("/api/tickets", "account-widget", "t2");
        let sales = Slot::new("/api/tickets", "sales-widget", "t1");
        assert_eq!(
            a.storage_key(),
            "ticket-widget.draft:/api/tickets account-widget t1"
        );
        assert_ne!(a.storage_key(), b.storage_key());
        assert_ne!(a.storage_key(), sales.storage_key());
        assert!(a.is_other(&b.storage_key()));
        assert!(!a.is_other(&a.storage_key()));
        assert!(!a.is_other(&sales.storage_key()));
        assert!(!sales.is_other(&a.storage_key()));
    }

    #[test]
    fn drafts_from_before_slots_are_offered_to_every_widget_of_their_endpoint() {
        let a = Slot::new("/api/tickets", "#0", "t1");
        assert!(a.is_other("ticket-widget.draft:/api/tickets"));
        assert!(!a.is_other("ticket-widget.draft:/api/other"));
        assert!(!a.is_other("ticket-widget.draft:/api/tickets-v2 #0 t9"));
        assert!(!a.is_other("ticket-widget.tab"));
    }

    #[test]
    fn white_space_cannot_make_one_slot_look_like_another() {
        let odd = Slot::new("/api/tickets", "a b", "t1");
        assert_eq!(odd.storage_key(), "ticket-widget.draft:/api/tickets a_b t1");
        let a = Slot::new("/api/tickets", "a", "t1");
        assert!(!a.is_other(&odd.storage_key()));
    }
}
