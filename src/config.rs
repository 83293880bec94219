//! What the embedding page tells a widget through `data-*` attributes on its
//! host element (`<div data-ticket-widget data-endpoint="/api/tickets">`).

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WidgetConfig {
    /// Where tickets are POSTed. Missing means the widget cannot work, and
    /// says so instead of showing a form that fails at the end.
    pub endpoint: Option<String>,
    /// `data-lang`: the host page's language, a hint for the first language.
    pub lang: Option<String>,
    /// Makes element ids unique when a page holds several widgets.
    pub instance: usize,
    /// Sent as `X-CSRF-Token` when the host page uses CSRF protection.
    pub csrf_token: Option<String>,
    /// Where a customer can send the ticket by hand if posting keeps failing.
    pub support_email: Option<String>,
}

impl WidgetConfig {
    pub fn from_element(el: &web_sys::HtmlElement, instance: usize) -> WidgetConfig {
        let data = el.dataset();
        let non_empty = |name: &str| {
            data.get(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        WidgetConfig {
            endpoint: non_empty("endpoint"),
            lang: non_empty("lang"),
            instance,
            csrf_token: non_empty("csrfToken").or_else(csrf_meta),
            support_email: non_empty("supportEmail"),
        }
    }

    /// Prefix for this widget's element ids.
    pub fn id(&self, name: &str) -> String {
        format!("ltw{}-{name}", self.instance)
    }
}

/// `<meta name="csrf-token" content="…">`, the usual place frameworks put it.
fn csrf_meta() -> Option<String> {
    let meta = web_sys::window()?
        .document()?
        .query_selector("meta[name='csrf-token']")
        .ok()??;
    meta.get_attribute("content")
        .filter(|v| !v.trim().is_empty())
}
