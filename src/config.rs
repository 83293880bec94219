//! What the embedding page tells a widget through `data-*` attributes on its
//! host element (`<div data-ticket-widget data-endpoint="/api/tickets">`).
//! Parsing never fails: what cannot be used is listed in `problems`, which
//! the widget shows and logs instead of leaving the host page a blank box.

use ticket_core::catalog::{self, Category, Group};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WidgetConfig {
    /// Where tickets are POSTed. Missing means the widget cannot work, and
    /// says so instead of showing a form that fails at the end.
    pub endpoint: Option<String>,
    /// `data-lang`: the host page's language, the first rule of `i18n::initial_lang`.
    pub lang: Option<String>,
    /// Makes element ids unique when a page holds several widgets.
    pub instance: usize,
    /// Tells this widget's draft from the drafts of other widgets on the
    /// page: the host element's `id`, else `#` and the instance number.
    pub widget_id: String,
    /// `data-csrf-token`, else the page's `<meta name="csrf-token">`, for
    /// backends that protect the endpoint with a token.
    pub csrf_token: Option<String>,
    /// `data-support-email`: shown as another way to reach support.
    pub support_email: Option<String>,
    /// What the form starts with (`data-email`, `data-category`, …).
    pub prefill: Prefill,
    /// `data-categories`: the only categories offered; `None` offers all.
    pub offered: Option<Vec<&'static Category>>,
    /// What the page got wrong, in attribute order.
    pub problems: Vec<ConfigProblem>,
}

/// Values the form starts with, from attributes or `TicketWidget.prefill`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Prefill {
    pub email: Option<String>,
    pub name: Option<String>,
    pub service: Option<String>,
    pub ip: Option<String>,
    /// A category id, or a group id to open just that group.
    pub category: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigProblem {
    MissingEndpoint,
    /// `data-category` (or a prefilled category) names no category or group.
    UnknownCategory(String),
    /// An entry of `data-categories` names no category or group.
    UnknownOffered(String),
    /// The prefilled category exists but `data-categories` does not offer it.
    CategoryNotOffered(String),
    /// `data-endpoint` is not an http(s) address (a `javascript:` or `data:`
    /// URL, or one with spaces or control characters): nothing could be
    /// posted to it, so this is said up front instead of as a network error.
    BadEndpoint(String),
    /// The CSRF token holds a character no HTTP header may carry (a line
    /// break, a non-ASCII letter): every POST would fail in the browser.
    BadCsrfToken,
}

impl ConfigProblem {
    /// The Fluent message id and its `id` argument (empty when unused).
    pub fn message(&self) -> (&'static str, &str) {
        use crate::i18n::key;
        match self {
            ConfigProblem::MissingEndpoint => (key("config-missing-endpoint"), ""),
            ConfigProblem::UnknownCategory(id) => (key("config-unknown-category"), id),
            ConfigProblem::UnknownOffered(id) => (key("config-unknown-offered"), id),
            ConfigProblem::CategoryNotOffered(id) => (key("config-category-not-offered"), id),
            ConfigProblem::BadEndpoint(id) => (key("config-bad-endpoint"), id),
            ConfigProblem::BadCsrfToken => (key("config-bad-csrf-token"), ""),
        }
    }

    /// Without an endpoint that can be posted to there is no form to show;
    /// the rest only limit it.
    pub fn is_fatal(&self) -> bool {
        matches!(
            self,
            ConfigProblem::MissingEndpoint
                | ConfigProblem::BadEndpoint(_)
                | ConfigProblem::BadCsrfToken
        )
    }
}

/// A `data-category` / `data-categories` entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    Group(Group),
    Category(&'static Category),
}

impl Choice {
    pub fn parse(id: &str) -> Option<Choice> {
        let id = id.trim();
        catalog::find(id).map(Choice::Category).or_else(|| {
            Group::ALL
                .into_iter()
                .find(|g| g.id() == id)
                .map(Choice::Group)
        })
    }

    pub fn group(self) -> Group {
        match self {
            Choice::Group(g) => g,
            Choice::Category(c) => c.group,
        }
    }
}

/// Trimmed, and `None` when empty: an empty attribute means "not given".
fn clean(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

impl WidgetConfig {
    pub fn from_element(el: &web_sys::HtmlElement, instance: usize) -> WidgetConfig {
        let data = el.dataset();
        let mut config =
            WidgetConfig::from_attributes(|name| data.get(name), page_csrf_token(), instance);
        let id = el.id();
        if !id.trim().is_empty() {
            config.widget_id = id;
        }
        config
    }

    /// `data(name)` reads `data-<name>` in dataset spelling (`csrfToken`).
    pub fn from_attributes(
        data: impl Fn(&str) -> Option<String>,
        meta_csrf_token: Option<String>,
        instance: usize,
    ) -> WidgetConfig {
        let get = |name: &str| clean(data(name));
        let mut problems = Vec::new();
        let endpoint = get("endpoint");
        match endpoint.as_deref() {
            None => problems.push(ConfigProblem::MissingEndpoint),
            Some(e) if !is_postable(e) => problems.push(ConfigProblem::BadEndpoint(e.to_owned())),
            Some(_) => {}
        }
        let offered = get("categories").and_then(|list| {
            let mut chosen: Vec<&'static Category> = Vec::new();
            for entry in list.split(',').map(str::trim).filter(|e| !e.is_empty()) {
                match Choice::parse(entry) {
                    Some(Choice::Category(c)) => chosen.push(c),
                    Some(Choice::Group(g)) => chosen.extend(g.categories()),
                    None => problems.push(ConfigProblem::UnknownOffered(entry.to_owned())),
                }
            }
            // Catalog order, whatever order the page listed them in.
            (!chosen.is_empty()).then(|| {
                catalog::CATEGORIES
                    .iter()
                    .filter(|c| chosen.contains(c))
                    .collect()
            })
        });
        let csrf_token = get("csrfToken").or_else(|| clean(meta_csrf_token));
        if csrf_token.as_deref().is_some_and(|t| !is_header_value(t)) {
            problems.push(ConfigProblem::BadCsrfToken);
        }
        let mut config = WidgetConfig {
            endpoint,
            lang: get("lang"),
            instance,
            widget_id: format!("#{instance}"),
            csrf_token,
            support_email: get("supportEmail"),
            prefill: Prefill {
                email: get("email"),
                name: get("name"),
                service: get("service"),
                ip: get("ip"),
                category: get("category"),
            },
            offered,
            problems: Vec::new(),
        };
        let prefilled = config.prefill.category.as_deref();
        if let Some(Err(problem)) = prefilled.map(|id| config.check_choice(id)) {
            problems.push(problem);
        }
        config.problems = problems;
        config
    }

    /// Prefix for this widget's element ids.
    pub fn id(&self, name: &str) -> String {
        format!("ltw{}-{name}", self.instance)
    }

    pub fn offers(&self, category: &Category) -> bool {
        self.offered
            .as_ref()
            .is_none_or(|list| list.iter().any(|c| c.id == category.id))
    }

    pub fn offers_group(&self, group: Group) -> bool {
        group.categories().any(|c| self.offers(c))
    }

    pub fn offered_groups(&self) -> Vec<Group> {
        Group::ALL
            .into_iter()
            .filter(|g| self.offers_group(*g))
            .collect()
    }

    /// A category or group id the form may be set to.
    pub fn check_choice(&self, id: &str) -> Result<Choice, ConfigProblem> {
        let choice =
            Choice::parse(id).ok_or_else(|| ConfigProblem::UnknownCategory(id.to_owned()))?;
        let offered = match choice {
            Choice::Category(c) => self.offers(c),
            Choice::Group(g) => self.offers_group(g),
        };
        if offered {
            Ok(choice)
        } else {
            Err(ConfigProblem::CategoryNotOffered(id.to_owned()))
        }
    }
}

/// An address the browser can POST a ticket to: relative, protocol-relative
/// or http(s), with no white space or control characters.
fn is_postable(endpoint: &str) -> bool {
    if endpoint
        .chars()
        .any(|c| c.is_whitespace() || c.is_control())
    {
        return false;
    }
    // A scheme is what stands before the first ':' that comes before any
    // '/', '?' or '#' ("api/x:y" is a path, "javascript:x" a scheme).
    let head_end = endpoint.find(['/', '?', '#']).unwrap_or(endpoint.len());
    match endpoint[..head_end].split_once(':') {
        None => true,
        Some((scheme, _)) => {
            scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")
        }
    }
}

/// What `fetch` accepts in a header: visible ASCII, spaces and tabs.
fn is_header_value(value: &str) -> bool {
    value.chars().all(|c| c == '\t' || (' '..='~').contains(&c))
}

/// Frameworks such as Rails and Laravel put the token in the page head.
fn page_csrf_token() -> Option<String> {
    use wasm_bindgen::JsCast;
    let meta = web_sys::window()?
        .document()?
        .query_selector("meta[name='csrf-token']")
        .ok()??;
    meta.dyn_into::<web_sys::HtmlMetaElement>()
        .ok()
        .map(|m| m.content())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn parse(attrs: &[(&str, &str)], meta: Option<&str>) -> WidgetConfig {
        let map: HashMap<String, String> = attrs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        WidgetConfig::from_attributes(|n| map.get(n).cloned(), meta.map(str::to_owned), 3)
    }

    #[test]
    fn reads_every_attribute() {
        let c = parse(
            &[
                ("endpoint", " /api/tickets "),
                ("lang", "en"),
                ("csrfToken", "tok"),
                ("supportEmail", "help@example.com"),
                ("email", "a@example.com"),
                ("name", "Chan"),
                ("service", "vps-1"),
                ("ip", "203.0.113.7"),
                ("category", "technical.ip"),
            ],
            Some("meta-token"),
        );
        assert_eq!(c.endpoint.as_deref(), Some("/api/tickets"));
        assert_eq!(c.csrf_token.as_deref(), Some("tok"));
        assert_eq!(c.support_email.as_deref(), Some("help@example.com"));
        assert_eq!(c.prefill.ip.as_deref(), Some("203.0.113.7"));
        assert_eq!(c.prefill.category.as_deref(), Some("technical.ip"));
        assert_eq!(c.offered, None);
        assert!(c.problems.is_empty(), "{:?}", c.problems);
        assert_eq!(c.id("email"), "ltw3-email");
    }

    #[test]
    fn csrf_token_falls_back_to_the_meta_tag_and_empty_means_absent() {
        let c = parse(&[("endpoint", "/t"), ("csrfToken", "  ")], Some("m"));
        assert_eq!(c.csrf_token.as_deref(), Some("m"));
        let c = parse(&[("endpoint", "/t"), ("email", "")], Some(" "));
        assert_eq!(c.csrf_token, None);
        assert_eq!(c.prefill.email, None);
    }

    #[test]
    fn missing_endpoint_is_fatal() {
        let c = parse(&[], None);
        assert_eq!(c.problems, [ConfigProblem::MissingEndpoint]);
        assert!(c.problems[0].is_fatal());
    }

    #[test]
    fn endpoints_that_cannot_be_posted_to_are_fatal() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript:void(0)",
            "data:text/html,x",
            "ftp://example.com/t",
            "/api/ti ckets",
            "/api/\u{0}x",
        ] {
            let c = parse(&[("endpoint", bad)], None);
            assert_eq!(
                c.problems,
                [ConfigProblem::BadEndpoint(bad.into())],
                "{bad}"
            );
            assert!(c.problems[0].is_fatal());
        }
        for good in [
            "/api/tickets",
            "api/tickets",
            "https://support.example.com/api",
            "HTTP://127.0.0.1:8787/api/tickets",
            "//support.example.com/api",
            "/api/x:y?next=a:b",
        ] {
            assert!(
                parse(&[("endpoint", good)], None).problems.is_empty(),
                "{good}"
            );
        }
    }

    #[test]
    fn a_csrf_token_no_header_can_carry_is_fatal() {
        for bad in ["tok\nen", "tok\ren", "令牌"] {
            let c = parse(&[("endpoint", "/t"), ("csrfToken", bad)], None);
            assert_eq!(c.problems, [ConfigProblem::BadCsrfToken], "{bad:?}");
            assert!(c.problems[0].is_fatal());
        }
        let c = parse(&[("endpoint", "/t")], Some("meta\ntoken"));
        assert_eq!(c.problems, [ConfigProblem::BadCsrfToken]);
        let c = parse(&[("endpoint", "/t"), ("csrfToken", "a+b/c=d ~")], None);
        assert!(c.problems.is_empty());
    }

    #[test]
    fn categories_take_ids_and_groups_in_catalog_order() {
        let c = parse(
            &[
                ("endpoint", "/t"),
                ("categories", "technical.routing, inquiry ,nope"),
            ],
            None,
        );
        let ids: Vec<&str> = c.offered.as_ref().unwrap().iter().map(|c| c.id).collect();
        assert_eq!(
            ids,
            [
                "inquiry.price",
                "inquiry.plan",
                "inquiry.discount",
                "inquiry.refund",
                "technical.routing"
            ]
        );
        assert_eq!(c.problems, [ConfigProblem::UnknownOffered("nope".into())]);
        assert_eq!(c.offered_groups(), [Group::Inquiry, Group::Technical]);
        assert!(!c.offers(catalog::find("technical.ip").unwrap()));
        assert!(!c.offers_group(Group::China));
    }

    #[test]
    fn nothing_valid_in_categories_offers_everything() {
        let c = parse(&[("endpoint", "/t"), ("categories", "x,y")], None);
        assert_eq!(c.offered, None);
        assert_eq!(c.problems.len(), 2);
    }

    #[test]
    fn prefilled_category_must_exist_and_be_offered() {
        let c = parse(&[("endpoint", "/t"), ("category", "technical.nope")], None);
        assert_eq!(
            c.problems,
            [ConfigProblem::UnknownCategory("technical.nope".into())]
        );
        let c = parse(
            &[
                ("endpoint", "/t"),
                ("category", "china.kyc"),
                ("categories", "inquiry"),
            ],
            None,
        );
        assert_eq!(
            c.problems,
            [ConfigProblem::CategoryNotOffered("china.kyc".into())]
        );
        let c = parse(&[("endpoint", "/t"), ("category", "china")], None);
        assert!(c.problems.is_empty());
        assert_eq!(c.check_choice("china"), Ok(Choice::Group(Group::China)));
    }
}
