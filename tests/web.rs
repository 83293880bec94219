//! Component tests in headless Chromium (wasm-bindgen-test): the widget is
//! mounted into the test page and driven through its real DOM.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use std::cell::RefCell;
use std::rc::Rc;
use ticket_widget::components::App;
use ticket_widget::config::WidgetConfig;
use ticket_widget::i18n::{self, Lang, tr};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

struct Mounted {
    root: HtmlElement,
    instance: usize,
    _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

fn mount(lang: &str, instance: usize) -> Mounted {
    // A language remembered by an earlier test must not leak into this one.
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    // Every language's texts, as build.rs wrote them, without the network.
    i18n::install_built_packs();
    i18n::set_loader(None);
    mount_keeping_storage(lang, instance)
}

/// A widget on the details step of `category`.
async fn on_details(instance: usize, category: &str) -> Mounted {
    let w = mount("en", instance);
    settle().await;
    w.choose(category).await;
    w.button(&en("btn-next")).click();
    settle().await;
    w
}

/// Mounts a widget on what the storage holds, as after a reload.
fn mount_keeping_storage(lang: &str, instance: usize) -> Mounted {
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let config = WidgetConfig {
        endpoint: Some("/api/tickets".into()),
        lang: Some(lang.into()),
        instance,
        ..WidgetConfig::default()
    };
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <App config=config.clone()/> }.into_any()
    });
    Mounted {
        root,
        instance,
        _handle: handle,
    }
}

impl Mounted {
    fn id(&self, name: &str) -> String {
        format!("ltw{}-{name}", self.instance)
    }

    fn el<T: JsCast>(&self, name: &str) -> T {
        document()
            .get_element_by_id(&self.id(name))
            .unwrap_or_else(|| panic!("no element #{}", self.id(name)))
            .unchecked_into()
    }

    fn text(&self) -> String {
        self.root.text_content().unwrap_or_default()
    }

    /// The `data-group` of each topic list (and "" for the policy notice)
    /// the widget marks as shown (style/widget.css hides the others).
    fn shown_topics(&self) -> Vec<String> {
        let shown = self.root.query_selector_all(".ltw-topics--chosen").unwrap();
        (0..shown.length())
            .filter_map(|i| shown.item(i))
            .map(|n| {
                n.unchecked_into::<web_sys::Element>()
                    .get_attribute("data-group")
                    .unwrap_or_default()
            })
            .collect()
    }

    fn click(&self, name: &str) {
        self.el::<HtmlElement>(name).click();
    }

    fn button(&self, label: &str) -> HtmlElement {
        let buttons = self.root.query_selector_all("button").unwrap();
        (0..buttons.length())
            .filter_map(|i| buttons.item(i))
            .map(|n| n.unchecked_into::<HtmlElement>())
            .find(|b| b.text_content().is_some_and(|t| t.trim() == label))
            .unwrap_or_else(|| panic!("no button {label:?}"))
    }

    fn type_text(&self, name: &str, value: &str) {
        let el: web_sys::Element = self.el(name);
        if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
            input.set_value(value);
        } else if let Some(area) = el.dyn_ref::<HtmlTextAreaElement>() {
            area.set_value(value);
        } else {
            panic!("#{name} is not a text control");
        }
        let event = web_sys::Event::new("input").unwrap();
        el.dispatch_event(&event).unwrap();
    }

    fn value(&self, name: &str) -> String {
        let el: web_sys::Element = self.el(name);
        el.dyn_ref::<HtmlInputElement>()
            .map(|i| i.value())
            .or_else(|| el.dyn_ref::<HtmlTextAreaElement>().map(|t| t.value()))
            .unwrap()
    }

    async fn choose(&self, category: &str) {
        let group = category.split('.').next().unwrap();
        self.click(&format!("group-{group}"));
        settle().await;
        self.click(&format!("cat-{}", category.replace('.', "-")));
        settle().await;
    }
}

/// Stands in for the loader's `load(tag)`: each call is recorded with the
/// functions that resolve or reject its promise, for the test to call.
type Requests = Rc<RefCell<Vec<(String, js_sys::Function, js_sys::Function)>>>;

fn fake_loader() -> Requests {
    let requests: Requests = Rc::default();
    let recorded = Rc::clone(&requests);
    let load = Closure::<dyn FnMut(JsValue) -> js_sys::Promise>::new(move |tag: JsValue| {
        let recorded = Rc::clone(&recorded);
        js_sys::Promise::new(&mut |resolve, reject| {
            let tag = tag.as_string().unwrap_or_default();
            recorded.borrow_mut().push((tag, resolve, reject));
        })
    });
    i18n::set_loader(Some(load.into_js_value().unchecked_into()));
    requests
}

/// Waits (up to 2 s) until `done` holds.
async fn until(what: &str, mut done: impl FnMut() -> bool) {
    for _ in 0..200 {
        if done() {
            return;
        }
        let wait = js_sys::Promise::new(&mut |wake, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&wake, 10)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(wait).await.unwrap();
    }
    panic!("never: {what}");
}

/// Properties of freshly rendered elements are set a tick after the
/// elements themselves, so wait twice before reading the DOM.
async fn settle() {
    tick().await;
    tick().await;
}

fn en(key: &str) -> String {
    tr(Lang::En, key)
}

const MTR: &str = "HOST: home                Loss%   Snt   Last   Avg  Best  Wrst StDev
  1.|-- 192.168.1.1               0.0%    10    0.8   0.9   0.7   1.2   0.1
  2.|-- 202.97.33.14              0.0%    10   28.4  29.1  27.9  31.0   0.9
  3.|-- 203.0.113.20             30.0%    10  305.8 303.2 296.1 312.4   5.2
";

#[wasm_bindgen_test]
async fn category_guidance_and_exclusions_are_visible_before_choosing() {
    let w = mount("en", 1);
    settle().await;
    w.click("group-technical");
    settle().await;
    let text = w.text();
    assert!(text.contains(&en("cat-technical-routing-title")));
    assert!(text.contains(&en("cat-technical-routing-scope")));
    assert!(text.contains(&en("cat-technical-general-excluded")));
    assert!(text.contains(&en("notice-circumvention")));
    assert_eq!(
        w.shown_topics(),
        ["technical", ""],
        "the group's topics and the notice"
    );
    // The scope of service puts its Important Notice after all three
    // groups: inquiries carry it too.
    w.click("group-inquiry");
    settle().await;
    assert!(w.text().contains(&en("cat-inquiry-refund-scope")));
    assert!(w.text().contains(&en("notice-circumvention")));
    assert_eq!(w.shown_topics(), ["inquiry", ""]);
}

/// Every group's topics are in the markup (a prerendered step needs them
/// before the wasm); none is shown before a group is chosen.
#[wasm_bindgen_test]
async fn no_topics_are_shown_before_a_group_is_chosen() {
    let w = mount("en", 77);
    settle().await;
    assert_eq!(w.shown_topics(), Vec::<String>::new());
    assert!(w.text().contains(&en("cat-china-kyc-title")));
}

#[wasm_bindgen_test]
async fn switching_language_keeps_everything_typed() {
    let w = mount("en", 2);
    settle().await;
    w.choose("technical.routing").await;
    w.button(&en("btn-next")).click();
    settle().await;
    w.type_text("email", "chan@example.com");
    w.type_text("trace", MTR);
    w.type_text("message", "晚上丟包嚴重，請協助檢查。");
    settle().await;

    w.root
        .query_selector("button[lang='zh-Hant']")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    settle().await;
    assert_eq!(w.value("email"), "chan@example.com");
    assert_eq!(w.value("trace"), MTR);
    assert_eq!(w.value("message"), "晚上丟包嚴重，請協助檢查。");
    assert!(w.text().contains(&tr(Lang::ZhHant, "field-email-label")));
    assert!(w.text().contains("已辨識：mtr --report"));

    // Back to the topic step and forward again: still the same choice and text.
    w.button(&tr(Lang::ZhHant, "btn-back")).click();
    settle().await;
    assert!(w.el::<HtmlInputElement>("cat-technical-routing").checked());
    w.button(&tr(Lang::ZhHant, "btn-next")).click();
    settle().await;
    assert_eq!(w.value("email"), "chan@example.com");
    assert_eq!(w.value("trace"), MTR);
    assert_eq!(w.value("message"), "晚上丟包嚴重，請協助檢查。");
}

#[wasm_bindgen_test]
async fn next_with_problems_shows_errors_at_fields_and_in_a_summary() {
    let w = mount("en", 3);
    settle().await;
    w.button(&en("btn-next")).click();
    settle().await;
    assert!(w.text().contains(&en("category-required")));

    w.choose("technical.ip").await;
    w.button(&en("btn-next")).click();
    settle().await;
    w.type_text("email", "not-an-address");
    w.type_text("ip", "010.0.0.1");
    w.button(&en("btn-next")).click();
    settle().await;
    let summary = w.el::<HtmlElement>("error-summary").text_content().unwrap();
    assert!(summary.contains(&en("err-email-no-at")), "{summary}");
    assert!(summary.contains(&en("err-ip-leading-zero")), "{summary}");
    assert!(summary.contains(&en("err-required")), "{summary}");
    let email_error = w.el::<HtmlElement>("email-error").text_content().unwrap();
    assert_eq!(email_error, en("err-email-no-at"));
    assert_eq!(
        w.el::<HtmlInputElement>("email")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    // Typed text is untouched by validation.
    assert_eq!(w.value("ip"), "010.0.0.1");
}

#[wasm_bindgen_test]
async fn a_ping_paste_is_refused_with_a_reason_and_a_trace_is_summarised() {
    let w = mount("en", 4);
    settle().await;
    w.choose("technical.routing").await;
    w.button(&en("btn-next")).click();
    settle().await;
    w.type_text("trace", "PING 8.8.8.8 (8.8.8.8) 56(84) bytes of data.\n64 bytes from 8.8.8.8: icmp_seq=1 ttl=117 time=1.23 ms\n");
    w.el::<HtmlElement>("trace").focus().unwrap();
    w.el::<HtmlElement>("trace").blur().unwrap();
    settle().await;
    assert_eq!(
        w.el::<HtmlElement>("trace-error").text_content().unwrap(),
        en("err-trace-ping")
    );
    w.type_text("trace", MTR);
    settle().await;
    assert_eq!(
        w.el::<HtmlElement>("trace-error").text_content().unwrap(),
        ""
    );
    assert!(w.text().contains("Recognised: mtr --report"));
    let select: HtmlSelectElement = w.el("direction");
    select.set_value("both");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(select.value(), "both");
}

#[wasm_bindgen_test]
async fn circumvention_terms_open_the_policy_dialog_and_edit_keeps_the_text() {
    let w = mount("en", 5);
    settle().await;
    w.choose("inquiry.price").await;
    w.button(&en("btn-next")).click();
    settle().await;
    let message = "Which plan is best for running Shadowsocks for my family?";
    w.type_text("email", "a@example.com");
    w.type_text("subject", "Plan question");
    w.type_text("message", message);
    settle().await;
    assert!(
        w.text()
            .contains("Shadowsocks. Tickets about circumvention software")
    );
    w.button(&en("btn-next")).click();
    settle().await;
    w.button(&en("btn-back")).click();
    settle().await;
    assert_eq!(
        w.value("message"),
        message,
        "back from review keeps the message"
    );
    w.button(&en("btn-next")).click();
    settle().await;
    w.button(&en("btn-submit")).click();
    settle().await;
    let dialog: web_sys::HtmlDialogElement = w
        .root
        .query_selector("dialog")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(dialog.open(), "the policy dialog should be open");
    let dialog_text = dialog.text_content().unwrap();
    assert!(dialog_text.contains("Shadowsocks"));
    assert!(dialog_text.contains(&en("notice-circumvention")));
    // "Edit my ticket" is the default action and keeps everything.
    assert_eq!(
        document().active_element().and_then(|e| e.text_content()),
        Some(en("policy-dialog-edit"))
    );
    w.button(&en("policy-dialog-edit")).click();
    settle().await;
    assert_eq!(w.value("message"), message);
}

#[wasm_bindgen_test]
async fn secrets_are_flagged_and_removed_on_request_and_out_of_scope_software_is_explained() {
    let w = mount("en", 6);
    settle().await;
    w.choose("technical.general").await;
    w.button(&en("btn-next")).click();
    settle().await;
    w.type_text(
        "message",
        "nginx keeps returning 502. My root password: Hunter2Secret! please check",
    );
    settle().await;
    let text = w.text();
    assert!(text.contains("Your text mentions nginx."), "{text}");
    assert!(text.contains(&en("cat-technical-general-excluded")));
    assert!(text.contains("seems to contain a password"), "{text}");
    w.button(&en("secrets-remove")).click();
    settle().await;
    let message = w.value("message");
    assert!(!message.contains("Hunter2Secret!"), "{message}");
    assert!(message.contains("[removed]") && message.starts_with("nginx keeps returning 502."));
    assert!(!w.text().contains("seems to contain"));
}

/// What the customer typed shows as text in the review and never becomes
/// elements.
#[wasm_bindgen_test]
async fn markup_typed_by_the_customer_shows_as_text_in_the_review() {
    let w = mount("en", 7);
    settle().await;
    w.choose("inquiry.price").await;
    w.button(&en("btn-next")).click();
    settle().await;
    let subject = "<img src=x id=injected-img> & \"quotes\" 'too'";
    let message = "</dd><script id=injected-script>1</script><b id=injected-b>bold</b>";
    w.type_text("email", "a@example.com");
    w.type_text("subject", subject);
    w.type_text("message", message);
    settle().await;
    w.button(&en("btn-next")).click();
    settle().await;
    let review = w
        .root
        .query_selector(".ltw-review")
        .unwrap()
        .expect("the review list");
    let shown = review.text_content().unwrap_or_default();
    assert!(shown.contains(subject), "subject shown as typed: {shown}");
    assert!(shown.contains(message), "message shown as typed: {shown}");
    for id in ["injected-img", "injected-script", "injected-b"] {
        assert!(
            document().get_element_by_id(id).is_none(),
            "{id} became an element"
        );
    }
}

impl Mounted {
    fn lang_button(&self, tag: &str) -> HtmlElement {
        self.root
            .query_selector(&format!("button[lang='{tag}']"))
            .unwrap()
            .unwrap()
            .unchecked_into()
    }

    fn title(&self) -> String {
        self.root
            .query_selector(".ltw-title")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap_or_default()
    }
}

/// The other language's pack is fetched on demand: the switch waits for it
/// (the button says it is busy), then happens by itself, and nothing typed
/// is lost on the way.
#[wasm_bindgen_test]
async fn switching_to_a_language_not_loaded_yet_happens_when_it_arrives_and_keeps_everything_typed()
{
    let w = mount("en", 8);
    i18n::forget_pack(Lang::ZhHant);
    let requests = fake_loader();
    settle().await;
    w.choose("technical.routing").await;
    w.button(&en("btn-next")).click();
    settle().await;
    w.type_text("email", "chan@example.com");
    w.type_text("trace", MTR);
    w.type_text("message", "晚上丟包嚴重，請協助檢查。");
    settle().await;

    // Intent (the pointer on the button) starts the fetch; once only.
    let zh = w.lang_button("zh-Hant");
    // `pointerover`, as a pointer entering the button fires (it bubbles to
    // the group, which listens).
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    let enter = web_sys::CustomEvent::new_with_event_init_dict("pointerover", &init).unwrap();
    zh.dispatch_event(&enter).unwrap();
    zh.dispatch_event(&enter).unwrap();
    assert_eq!(requests.borrow().len(), 1);
    assert_eq!(requests.borrow()[0].0, "zh-Hant");

    zh.click();
    settle().await;
    assert_eq!(zh.get_attribute("aria-busy").as_deref(), Some("true"));
    assert_eq!(w.title(), en("widget-title"), "still English meanwhile");
    assert_eq!(w.value("message"), "晚上丟包嚴重，請協助檢查。");
    assert_eq!(requests.borrow().len(), 1, "no second fetch");

    let resolve = requests.borrow()[0].1.clone();
    resolve
        .call1(&JsValue::NULL, &i18n::built_pack(Lang::ZhHant).into())
        .unwrap();
    until("the switch to zh-Hant", || {
        w.title() == tr(Lang::ZhHant, "widget-title")
    })
    .await;
    settle().await;
    assert_eq!(zh.get_attribute("aria-busy"), None);
    assert_eq!(zh.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(w.value("email"), "chan@example.com");
    assert_eq!(w.value("trace"), MTR);
    assert_eq!(w.value("message"), "晚上丟包嚴重，請協助檢查。");
    assert!(w.text().contains("已辨識：mtr --report"));

    // Back and forth again: both packs are in memory, the switch is at once.
    w.lang_button("en").click();
    settle().await;
    assert_eq!(w.title(), en("widget-title"));
    w.lang_button("zh-Hant").click();
    settle().await;
    assert_eq!(w.title(), tr(Lang::ZhHant, "widget-title"));
    assert_eq!(requests.borrow().len(), 1);
}

/// A pack that cannot be had leaves the widget in its language, saying so
/// in that language; asking again fetches again.
#[wasm_bindgen_test]
async fn a_language_that_cannot_be_loaded_leaves_the_current_one_and_says_so() {
    let w = mount("zh-Hant", 9);
    i18n::forget_pack(Lang::En);
    let requests = fake_loader();
    settle().await;
    w.choose("inquiry.price").await;
    w.button(&tr(Lang::ZhHant, "btn-next")).click();
    settle().await;
    w.type_text("message", "續約價格是多少？");
    settle().await;

    let english = w.lang_button("en");
    english.click();
    settle().await;
    assert_eq!(english.get_attribute("aria-busy").as_deref(), Some("true"));
    let reject = requests.borrow()[0].2.clone();
    reject.call1(&JsValue::NULL, &"offline".into()).unwrap();
    until("the failure to be told", || {
        w.text().contains(&tr(Lang::ZhHant, "lang-load-failed"))
    })
    .await;
    settle().await;
    assert_eq!(english.get_attribute("aria-busy"), None);
    assert_eq!(w.title(), tr(Lang::ZhHant, "widget-title"));
    assert_eq!(w.value("message"), "續約價格是多少？");

    english.click();
    settle().await;
    assert_eq!(requests.borrow().len(), 2, "asked again, fetched again");
    assert!(!w.text().contains(&tr(Lang::ZhHant, "lang-load-failed")));
    let resolve = requests.borrow()[1].1.clone();
    resolve
        .call1(&JsValue::NULL, &i18n::built_pack(Lang::En).into())
        .unwrap();
    until("the switch to English", || w.title() == en("widget-title")).await;
    assert_eq!(w.value("message"), "續約價格是多少？");
}

/// A host waits for its language's pack with the page's fallback content in
/// it; if the pack never comes, the fallback stays and the page hears why.
#[wasm_bindgen_test]
async fn a_host_keeps_its_fallback_until_its_texts_arrive_or_for_good_if_they_cannot() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    i18n::install_built_packs();
    i18n::forget_pack(Lang::En);
    let requests = fake_loader();
    let errors: Rc<RefCell<Vec<String>>> = Rc::default();
    let host = |id: &str| -> HtmlElement {
        let el: HtmlElement = document().create_element("div").unwrap().unchecked_into();
        el.set_id(id);
        el.set_attribute("data-endpoint", "/api/tickets").unwrap();
        el.set_attribute("data-lang", "en").unwrap();
        el.set_text_content(Some("Please write to support@example.com"));
        document().body().unwrap().append_child(&el).unwrap();
        el
    };
    let listener = {
        let errors = Rc::clone(&errors);
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
            let kind = js_sys::Reflect::get(&e.detail(), &"kind".into()).unwrap();
            let target: web_sys::Element = e.target().unwrap().unchecked_into();
            errors
                .borrow_mut()
                .push(format!("{} {}", target.id(), kind.as_string().unwrap()));
        })
    };
    document()
        .add_event_listener_with_callback("ticket-widget:error", listener.as_ref().unchecked_ref())
        .unwrap();

    let late = host("pack-late");
    assert!(ticket_widget::mount::mount(late.clone()));
    assert!(!ticket_widget::mount::mount(late.clone()), "claimed once");
    assert_eq!(
        late.text_content().unwrap(),
        "Please write to support@example.com"
    );
    let resolve = requests.borrow()[0].1.clone();
    resolve
        .call1(&JsValue::NULL, &i18n::built_pack(Lang::En).into())
        .unwrap();
    until("the widget", || {
        late.query_selector(".ltw").unwrap().is_some()
    })
    .await;
    assert!(late.has_attribute("data-ticket-widget-mounted"));

    i18n::forget_pack(Lang::En);
    let never = host("pack-never");
    assert!(ticket_widget::mount::mount(never.clone()));
    let reject = requests.borrow()[1].2.clone();
    reject.call1(&JsValue::NULL, &"404".into()).unwrap();
    until("the load error", || !errors.borrow().is_empty()).await;
    assert_eq!(*errors.borrow(), ["pack-never load"]);
    assert_eq!(
        never.text_content().unwrap(),
        "Please write to support@example.com"
    );
    assert!(!never.has_attribute("data-ticket-widget-mounted"));

    document()
        .remove_event_listener_with_callback(
            "ticket-widget:error",
            listener.as_ref().unchecked_ref(),
        )
        .unwrap();
    late.remove();
    never.remove();
    i18n::install_built_packs();
}

// Injection: whatever the customer types, and whatever a trace or the
// server puts in front of them, shows as text. Leptos escapes every text it
// renders; these tests prove no markup reaches the DOM as elements and no
// handler in it runs, on every step.

// Short enough for the order number's 64 characters; a handler's
// `__pwned=1` sets `window.__pwned`.
const IMG: &str = "<img src=x onerror=__pwned=1>";
const SVG: &str = "\"><svg onload=__pwned=1>";
const SCRIPT: &str = "</dd><script>__pwned=1</script>";

/// Markup for one free-text field; the message gets a script as well.
fn markup(field: &str) -> String {
    if field == "message" {
        format!("{IMG}{SVG}{SCRIPT}")
    } else {
        format!("{IMG}{SVG}")
    }
}

/// An `mtr --json` report whose second and third hops' hosts are markup
/// (the JSON reader keeps host names verbatim).
fn trace_with_markup_host() -> String {
    format!(
        r#"{{"report":{{"mtr":{{"src":"home","dst":"203.0.113.50","tests":5}},"hubs":[{},{},{}]}}}}"#,
        hub_json(1, "192.168.0.1", 1.3),
        hub_json(2, IMG, 15.6),
        hub_json(3, SVG, 14.9),
    )
}

/// `text` as a JSON string literal.
fn json_string(text: &str) -> String {
    js_sys::JSON::stringify(&text.into())
        .unwrap()
        .as_string()
        .unwrap()
}

/// One hop of an `mtr --json` report.
fn hub_json(count: u32, host: &str, avg: f64) -> String {
    let host = json_string(host);
    format!(
        r#"{{"count":{count},"host":{host},"ASN":"AS???","Loss%":0.0,"Snt":5,"Last":{avg},"Avg":{avg},"Best":{avg},"Wrst":{avg},"StDev":0.1}}"#
    )
}

impl Mounted {
    /// No element from the markup exists in the widget, and no handler ran.
    fn assert_inert(&self, step: &str) {
        for tag in ["img", "svg", "script"] {
            assert!(
                self.root.query_selector(tag).unwrap().is_none(),
                "{step}: a <{tag}> was created inside the widget"
            );
        }
        let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__pwned".into()).unwrap();
        assert!(pwned.is_undefined(), "{step}: a handler in the markup ran");
    }

    fn text_fields(&self, names: &[&str]) {
        for name in names {
            self.type_text(name, &markup(name));
            let el: HtmlElement = self.el(name);
            el.focus().unwrap();
            el.blur().unwrap();
        }
    }
}

/// Stands in for the network: every `fetch` answers `status` with `body`.
/// Returns the page's own `fetch`, to put back.
fn fake_fetch(status: u16, body: &str) -> JsValue {
    let window = web_sys::window().unwrap();
    let original = js_sys::Reflect::get(&window, &"fetch".into()).unwrap();
    let fake = js_sys::Function::new_with_args(
        "",
        &format!(
            "return Promise.resolve(new Response({}, {{status: {status}, headers: {{'Content-Type': 'application/json'}}}}));",
            json_string(body)
        ),
    );
    js_sys::Reflect::set(&window, &"fetch".into(), &fake).unwrap();
    original
}

fn restore_fetch(original: JsValue) {
    js_sys::Reflect::set(&web_sys::window().unwrap(), &"fetch".into(), &original).unwrap();
}

/// Every customer field, with markup, through every step: the details with
/// their errors and summary, the review (list, trace table, raw JSON), the
/// confirmation (with a reference that is markup too), and back to the
/// start.
#[wasm_bindgen_test]
async fn markup_in_every_field_and_in_a_trace_never_becomes_elements_on_any_step() {
    let window = web_sys::window().unwrap();
    js_sys::Reflect::delete_property(window.unchecked_ref::<js_sys::Object>(), &"__pwned".into())
        .unwrap();
    // Each category brings its own fields: the IP, the trace and direction,
    // the OS template, the order number.
    let cases: [(&str, &[&str]); 4] = [
        ("technical.ip", &["ip"]),
        ("technical.routing", &["trace"]),
        ("technical.boot", &["os_template"]),
        ("inquiry.refund", &["order_number"]),
    ];
    for (n, (category, fields)) in cases.into_iter().enumerate() {
        let w = mount("en", 20 + n);
        settle().await;
        w.assert_inert("topic step");
        w.choose(category).await;
        w.button(&en("btn-next")).click();
        settle().await;

        // Markup everywhere, the e-mail and the IP invalid because of it.
        w.text_fields(&["email", "name", "service", "subject", "message"]);
        w.text_fields(fields);
        settle().await;
        w.assert_inert(&format!("{category}: details"));
        w.button(&en("btn-next")).click();
        settle().await;
        assert!(
            !w.el::<HtmlElement>("error-summary")
                .text_content()
                .unwrap()
                .is_empty(),
            "{category}: the error summary shows"
        );
        w.assert_inert(&format!("{category}: details with the error summary"));

        // Valid where validation requires it; markup stays everywhere else.
        w.type_text("email", "chan@example.com");
        if fields.contains(&"ip") {
            w.type_text("ip", "203.0.113.7");
        }
        if fields.contains(&"trace") {
            w.type_text("trace", &trace_with_markup_host());
            let select: HtmlSelectElement = w.el("direction");
            select.set_value("both");
            select
                .dispatch_event(&web_sys::Event::new("change").unwrap())
                .unwrap();
        }
        settle().await;
        if fields.contains(&"trace") {
            assert!(
                w.text().contains(IMG) && w.text().contains(SVG),
                "the host name shows as text in the hop table"
            );
        }
        w.assert_inert(&format!("{category}: details, valid"));
        w.button(&en("btn-next")).click();
        settle().await;
        w.assert_inert(&format!("{category}: review"));
        let review = w.root.query_selector(".ltw-review").unwrap();
        let review = review.expect("the review step").text_content().unwrap();
        assert!(review.contains(&markup("subject")), "{review}");
        assert!(review.contains(&markup("name")), "{review}");

        let original = fake_fetch(
            201,
            &format!(
                r#"{{"reference":{}}}"#,
                json_string(&format!("LK-1 {IMG} {SVG}"))
            ),
        );
        w.button(&en("btn-submit")).click();
        until("the confirmation", || {
            w.root.query_selector(".ltw-reference").unwrap().is_some()
        })
        .await;
        restore_fetch(original);
        settle().await;
        let reference = w
            .root
            .query_selector(".ltw-reference")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap();
        assert_eq!(reference, format!("LK-1 {IMG} {SVG}"));
        w.assert_inert(&format!("{category}: confirmation"));

        w.button(&en("btn-new")).click();
        settle().await;
        w.assert_inert(&format!("{category}: a new ticket"));
    }
}

// Simplified Chinese, the third language.

fn hans(key: &str) -> String {
    tr(Lang::ZhHans, key)
}

/// Sets what `navigator.languages` returns (an own property shadowing the
/// prototype's getter); `None` takes it away again.
fn set_browser_languages(tags: Option<&[&str]>) {
    let navigator = web_sys::window().unwrap().navigator();
    let navigator: &js_sys::Object = navigator.unchecked_ref();
    match tags {
        Some(tags) => {
            let list: js_sys::Array = tags.iter().map(|t| JsValue::from_str(t)).collect();
            let descriptor = js_sys::Object::new();
            js_sys::Reflect::set(&descriptor, &"value".into(), &list).unwrap();
            js_sys::Reflect::set(&descriptor, &"configurable".into(), &true.into()).unwrap();
            js_sys::Object::define_property(navigator, &"languages".into(), &descriptor);
        }
        None => {
            js_sys::Reflect::delete_property(navigator, &"languages".into()).unwrap();
        }
    }
}

/// Every row of the negotiation, fed through the browser itself: the
/// host's `data-lang`, then the remembered choice, then `navigator.languages`.
#[wasm_bindgen_test]
async fn the_starting_language_follows_data_lang_then_the_remembered_choice_then_the_browser() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let rows: [(&[&str], Lang); 14] = [
        (&["zh-CN"], Lang::ZhHans),
        (&["zh-SG"], Lang::ZhHans),
        (&["zh-Hans"], Lang::ZhHans),
        (&["zh-Hans-HK"], Lang::ZhHans),
        (&["zh-TW"], Lang::ZhHant),
        (&["zh-HK"], Lang::ZhHant),
        (&["zh-MO"], Lang::ZhHant),
        (&["zh-Hant"], Lang::ZhHant),
        (&["zh-Hant-CN"], Lang::ZhHant),
        (&["zh"], Lang::ZhHans),
        (&["fr", "zh-HK"], Lang::ZhHant),
        (&["en-GB", "zh-CN"], Lang::En),
        (&["ja", "de"], Lang::En),
        (&[], Lang::En),
    ];
    for (tags, expected) in rows {
        set_browser_languages(Some(tags));
        assert_eq!(i18n::initial_lang(None), expected, "{tags:?}");
    }

    // The remembered choice beats the browser; data-lang beats both.
    set_browser_languages(Some(&["zh-TW"]));
    storage.set_item("ticket-widget.lang", "zh-Hans").unwrap();
    assert_eq!(i18n::initial_lang(None), Lang::ZhHans);
    assert_eq!(i18n::initial_lang(Some("en")), Lang::En);
    assert_eq!(i18n::initial_lang(Some("zh-HK")), Lang::ZhHant);
    assert_eq!(i18n::initial_lang(Some("zh")), Lang::ZhHans);
    // A data-lang the widget does not speak leaves it to the others.
    assert_eq!(i18n::initial_lang(Some("fr")), Lang::ZhHans);
    storage.clear().unwrap();
    assert_eq!(i18n::initial_lang(Some("fr")), Lang::ZhHant);

    // A whole widget, mounted as the loader mounts it, without data-lang.
    i18n::install_built_packs();
    i18n::set_loader(None);
    set_browser_languages(Some(&["zh-CN", "en"]));
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    host.set_attribute("data-endpoint", "/api/tickets").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    assert!(ticket_widget::mount::mount(host.clone()));
    until("the widget", || {
        host.query_selector(".ltw").unwrap().is_some()
    })
    .await;
    settle().await;
    let section = host.query_selector(".ltw").unwrap().unwrap();
    assert_eq!(section.get_attribute("lang").as_deref(), Some("zh-Hans"));
    let title = host.query_selector(".ltw-title").unwrap().unwrap();
    assert_eq!(title.text_content().unwrap(), hans("widget-title"));
    set_browser_languages(None);
    host.remove();
}

/// Three buttons, each language named in its own script; switching among
/// them keeps everything typed, and the zh-Hans pack is fetched only once
/// the customer shows intent.
#[wasm_bindgen_test]
async fn three_languages_each_named_in_its_own_script_and_zh_hans_loads_when_wanted() {
    let w = mount("en", 30);
    i18n::forget_pack(Lang::ZhHans);
    let requests = fake_loader();
    settle().await;
    let names: Vec<(String, String)> = {
        let buttons = w.root.query_selector_all("button.ltw-lang").unwrap();
        (0..buttons.length())
            .filter_map(|i| buttons.item(i))
            .map(|n| n.unchecked_into::<HtmlElement>())
            .map(|b| (b.get_attribute("lang").unwrap(), b.text_content().unwrap()))
            .collect()
    };
    assert_eq!(
        names,
        [
            ("zh-Hans".to_owned(), "简体中文".to_owned()),
            ("zh-Hant".to_owned(), "繁體中文".to_owned()),
            ("en".to_owned(), "English".to_owned()),
        ]
    );
    w.choose("technical.routing").await;
    w.button(&en("btn-next")).click();
    settle().await;
    w.type_text("email", "wang@example.cn");
    w.type_text("trace", MTR);
    w.type_text("message", "晚上丢包严重，请帮忙检查。");
    settle().await;
    assert!(requests.borrow().is_empty(), "nothing fetched unasked");

    // Focus (the keyboard's way of showing intent) starts the fetch.
    let simplified = w.lang_button("zh-Hans");
    let focus = web_sys::Event::new("focus").unwrap();
    simplified.dispatch_event(&focus).unwrap();
    settle().await;
    assert_eq!(requests.borrow().len(), 1);
    assert_eq!(requests.borrow()[0].0, "zh-Hans");
    simplified.click();
    settle().await;
    assert_eq!(
        simplified.get_attribute("aria-busy").as_deref(),
        Some("true")
    );
    let resolve = requests.borrow()[0].1.clone();
    resolve
        .call1(&JsValue::NULL, &i18n::built_pack(Lang::ZhHans).into())
        .unwrap();
    until("the switch to zh-Hans", || {
        w.title() == hans("widget-title")
    })
    .await;
    settle().await;
    assert_eq!(
        simplified.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(w.value("email"), "wang@example.cn");
    assert_eq!(w.value("trace"), MTR);
    assert_eq!(w.value("message"), "晚上丢包严重，请帮忙检查。");
    assert!(w.text().contains(&hans("field-trace-label")));
    assert!(w.text().contains("已识别：mtr --report"), "{}", w.text());

    // Among all three, at once now, and nothing typed lost.
    for tag in ["zh-Hant", "en", "zh-Hans"] {
        w.lang_button(tag).click();
        settle().await;
        let lang = Lang::from_tag(tag).unwrap();
        assert_eq!(w.title(), tr(lang, "widget-title"), "{tag}");
        assert_eq!(w.value("message"), "晚上丢包严重，请帮忙检查。");
        assert_eq!(w.value("trace"), MTR);
    }
    assert_eq!(requests.borrow().len(), 1, "fetched once");
    assert_eq!(
        web_sys::window()
            .unwrap()
            .local_storage()
            .unwrap()
            .unwrap()
            .get_item("ticket-widget.lang")
            .unwrap()
            .as_deref(),
        Some("zh-Hans"),
        "the choice is remembered"
    );
}

/// Validation, the error summary, the IP scope, the policy hint and dialog
/// all speak zh-Hans.
#[wasm_bindgen_test]
async fn a_simplified_chinese_widget_validates_and_warns_in_simplified_chinese() {
    let w = mount("zh-Hans", 31);
    settle().await;
    assert_eq!(w.title(), hans("widget-title"));
    w.button(&hans("btn-next")).click();
    settle().await;
    assert!(w.text().contains(&hans("category-required")));

    w.choose("technical.ip").await;
    w.button(&hans("btn-next")).click();
    settle().await;
    w.type_text("email", "not-an-address");
    w.type_text("ip", "010.0.0.1");
    w.button(&hans("btn-next")).click();
    settle().await;
    let summary = w.el::<HtmlElement>("error-summary").text_content().unwrap();
    assert!(summary.contains(&hans("error-summary-title")), "{summary}");
    assert!(
        summary.contains(&format!(
            "{}：{}",
            hans("field-email-label"),
            hans("err-email-no-at")
        )),
        "{summary}"
    );
    assert!(summary.contains(&hans("err-ip-leading-zero")), "{summary}");
    w.type_text("ip", "192.168.1.1");
    w.el::<HtmlElement>("ip").focus().unwrap();
    w.el::<HtmlElement>("ip").blur().unwrap();
    settle().await;
    assert!(
        w.text().contains("192.168.1.1 是私有（局域网）地址"),
        "{}",
        w.text()
    );

    w.button(&hans("btn-back")).click();
    settle().await;
    w.choose("inquiry.price").await;
    w.button(&hans("btn-next")).click();
    settle().await;
    w.type_text("email", "li@example.cn");
    w.type_text("subject", "套餐价格");
    w.type_text("message", "请问哪个套餐适合给家人用 Shadowsocks 翻墙？");
    settle().await;
    assert!(
        w.text().contains("与翻墙软件相关的工单会被直接关闭"),
        "{}",
        w.text()
    );
    w.button(&hans("btn-next")).click();
    settle().await;
    w.button(&hans("btn-submit")).click();
    settle().await;
    let dialog: web_sys::HtmlDialogElement = w
        .root
        .query_selector("dialog")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(dialog.open(), "the policy dialog should be open");
    let dialog_text = dialog.text_content().unwrap();
    assert!(dialog_text.contains(&hans("policy-dialog-title")));
    assert!(dialog_text.contains(&hans("notice-circumvention")));
    w.button(&hans("policy-dialog-edit")).click();
    settle().await;
    assert_eq!(
        w.value("message"),
        "请问哪个套餐适合给家人用 Shadowsocks 翻墙？"
    );
}

/// The proof of work runs on Web Crypto in asynchronous batches: the page
/// keeps handling its events (here a timer that ticks as often as it may)
/// while it is solved, and the nonce found has the zero bits asked for.
/// Logs the hashes per second (README: how `--pow-bits` was chosen).
#[wasm_bindgen_test]
async fn the_proof_of_work_is_solved_without_holding_up_the_page() {
    let window = web_sys::window().unwrap();
    let tick = js_sys::Function::new_no_args("window.__powTicks = (window.__powTicks || 0) + 1;");
    let ticker = window
        .set_interval_with_callback_and_timeout_and_arguments_0(&tick, 0)
        .unwrap();

    // Eight challenges, so that the rate is not one lucky (or unlucky) draw.
    let bits = 13;
    let subtle = window.crypto().unwrap().subtle();
    let (mut tries, mut elapsed) = (0.0, 0.0);
    for round in 0..8 {
        let challenge = format!("1796000000.{round:04x}.abcd");
        let started = js_sys::Date::now();
        let nonce = ticket_widget::pow::solve(&challenge, bits)
            .await
            .expect("solved");
        elapsed += js_sys::Date::now() - started;
        tries += nonce.parse::<f64>().unwrap() + 1.0;
        // Checked with a digest of its own.
        let data = format!("{challenge}:{nonce}");
        let digest = subtle
            .digest_with_str_and_u8_array("SHA-256", data.as_bytes())
            .unwrap();
        let digest = wasm_bindgen_futures::JsFuture::from(digest).await.unwrap();
        let digest = js_sys::Uint8Array::new(&digest).to_vec();
        assert!(ticket_core::payload::leading_zero_bits(&digest) >= bits);
    }
    window.clear_interval_with_handle(ticker);
    web_sys::console::log_1(
        &format!(
            "proof of work: {tries} hashes in {elapsed} ms: {:.0} hashes/s",
            tries / elapsed * 1000.0
        )
        .into(),
    );
    // A solver that held the page for its whole run would let no timer
    // through; this one lets one through between its batches.
    let ticks = js_sys::Reflect::get(&window, &"__powTicks".into())
        .unwrap()
        .as_f64()
        .unwrap_or(0.0);
    assert!(
        elapsed < 50.0 || ticks >= elapsed / 50.0,
        "{ticks} timer ticks in {elapsed} ms"
    );
}

/// Stands in for the network while files are added: each request's URL,
/// `Content-Type`, `X-Filename` and `Idempotency-Key` are kept in
/// `window.__uploads` and its body in `window.__bodies`, and the answer is
/// what a receiver gives a stored file.
fn fake_upload_fetch() -> JsValue {
    let window = web_sys::window().unwrap();
    let original = js_sys::Reflect::get(&window, &"fetch".into()).unwrap();
    let fake = js_sys::Function::new_no_args(&format!(
        "window.__uploads = []; window.__bodies = []; return function(req) {{
            window.__uploads.push([String(req.url), req.headers.get('Content-Type'), req.headers.get('X-Filename'), req.headers.get('Idempotency-Key')]);
            const n = window.__uploads.length;
            return req.arrayBuffer().then(b => {{
                window.__bodies.push(new Uint8Array(b));
                return new Response(JSON.stringify({{id: 'att_' + n, sha256: '{}', size: b.byteLength}}), {{status: 201}});
            }});
        }};",
        "ab".repeat(32)
    ))
    .call0(&JsValue::NULL)
    .unwrap();
    js_sys::Reflect::set(&window, &"fetch".into(), &fake).unwrap();
    original
}

fn bodies() -> Vec<Vec<u8>> {
    let list = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__bodies".into()).unwrap();
    js_sys::Array::from(&list)
        .iter()
        .map(|b| js_sys::Uint8Array::new(&b).to_vec())
        .collect()
}

fn uploads() -> Vec<Vec<String>> {
    let list = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__uploads".into()).unwrap();
    js_sys::Array::from(&list)
        .iter()
        .map(|r| {
            js_sys::Array::from(&r)
                .iter()
                .map(|v| v.as_string().unwrap_or_default())
                .collect()
        })
        .collect()
}

const PNG_HEAD: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

fn file(bytes: &[u8], name: &str) -> web_sys::File {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    web_sys::File::new_with_u8_array_sequence(&parts, name).unwrap()
}

fn transfer(files: &[web_sys::File]) -> web_sys::DataTransfer {
    let dt = web_sys::DataTransfer::new().unwrap();
    for f in files {
        dt.items().add_with_file(f).unwrap();
    }
    dt
}

/// Dispatches `new {class}(type, {key: dt, bubbles, cancelable})` on `el`
/// (a drop's `dataTransfer`, a paste's `clipboardData`).
fn dispatch_with_data(
    el: &web_sys::Element,
    class: &str,
    kind: &str,
    key: &str,
    dt: &web_sys::DataTransfer,
) {
    let f = js_sys::Function::new_with_args(
        "el, dt",
        &format!(
            "el.dispatchEvent(new {class}('{kind}', {{{key}: dt, bubbles: true, cancelable: true}}));"
        ),
    );
    f.call2(&JsValue::NULL, el, dt).unwrap();
}

fn file_names(w: &Mounted) -> Vec<String> {
    let names = w.root.query_selector_all(".ltw-file-name").unwrap();
    (0..names.length())
        .filter_map(|i| names.item(i)?.text_content())
        .collect()
}

/// The picker (files set on the input, then `change`), a drop on the field
/// and a pasted screenshot each add a file, which is uploaded at once to
/// `{endpoint}/attachments` with its sniffed type and encoded name; the
/// review lists them.
#[wasm_bindgen_test]
async fn picker_drop_and_paste_each_add_a_file_that_is_uploaded() {
    let original = fake_upload_fetch();
    let w = on_details(60, "technical.boot").await;
    assert!(
        w.text().contains(&en("attachments-hint-technical-boot")),
        "the category's hint shows"
    );
    let input: HtmlInputElement = w.el("attachments");
    assert_eq!(input.type_(), "file");
    assert!(input.multiple());
    let label = w
        .root
        .query_selector(&format!("label[for='{}']", w.id("attachments")))
        .unwrap();
    assert!(label.is_some(), "the picker has a label");

    input.set_files(transfer(&[file(PNG_HEAD, "console.png")]).files().as_ref());
    input
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    until("the picked file is listed", || {
        file_names(&w) == ["console.png"]
    })
    .await;

    let field = input.parent_element().unwrap();
    dispatch_with_data(
        &field,
        "DragEvent",
        "drop",
        "dataTransfer",
        &transfer(&[file(b"boot ok\n", "boot.log")]),
    );
    until("the dropped file is listed", || file_names(&w).len() == 2).await;

    let message: web_sys::Element = w.el("message");
    let shot = file(PNG_HEAD, "image.png");
    dispatch_with_data(
        &message,
        "ClipboardEvent",
        "paste",
        "clipboardData",
        &transfer(&[shot]),
    );
    until("the pasted screenshot is listed", || {
        file_names(&w).len() == 3
    })
    .await;
    assert_eq!(file_names(&w), ["console.png", "boot.log", "image.png"]);

    until("every file is uploaded", || {
        w.text().matches(&en("attachments-state-uploaded")).count() == 3
    })
    .await;
    let sent = uploads();
    assert_eq!(sent.len(), 3, "{sent:?}");
    assert!(sent[0][0].ends_with("/api/tickets/attachments"), "{sent:?}");
    assert_eq!(sent[0][1], "image/png");
    assert_eq!(sent[0][2], "console.png");
    assert_eq!(sent[1][1], "text/plain");
    assert_ne!(sent[0][3], sent[1][3], "each file has its own key");
    let remove = w
        .root
        .query_selector("button[aria-label='Remove boot.log']")
        .unwrap();
    assert!(remove.is_some(), "the remove button names its file");
    restore_fetch(original);
}

/// Too large (from `File.size`, never read), a program named `.png`, and
/// a sixth file are refused next to the field before any request, in the
/// customer's language; what was listed stays.
#[wasm_bindgen_test]
async fn over_limit_and_wrong_type_files_are_refused_before_any_upload() {
    let original = fake_upload_fetch();
    let w = mount("en", 61);
    settle().await;
    w.choose("technical.general").await;
    w.button(&en("btn-next")).click();
    settle().await;
    let input: HtmlInputElement = w.el("attachments");
    let pick = |files: &[web_sys::File]| {
        input.set_files(transfer(files).files().as_ref());
        input
            .dispatch_event(&web_sys::Event::new("change").unwrap())
            .unwrap();
    };
    let error = || {
        w.el::<HtmlElement>("attachments-error")
            .text_content()
            .unwrap_or_default()
    };

    pick(&[file(&vec![0u8; 30 * 1024 * 1024], "big.png")]);
    until("the big file is refused", || {
        error().contains(&en("err-attachment-too-large"))
    })
    .await;
    assert!(error().contains("big.png"), "{}", error());

    pick(&[file(b"MZ\x90\0\x03\0\0\0", "setup.png")]);
    until("the program is refused", || {
        error().contains(&en("err-attachment-type-not-allowed"))
    })
    .await;
    assert!(file_names(&w).is_empty());
    assert!(uploads().is_empty(), "nothing refused was sent");

    let five: Vec<_> = (0..6)
        .map(|i| file(PNG_HEAD, &format!("s{i}.png")))
        .collect();
    pick(&five);
    until("the sixth is refused", || {
        error().contains(&en("err-attachment-too-many"))
    })
    .await;
    assert_eq!(file_names(&w).len(), 5);
    let live = w
        .el::<HtmlElement>("attachments-error")
        .get_attribute("aria-live");
    assert_eq!(live.as_deref(), Some("polite"));
    until("the five are uploaded", || uploads().len() == 5).await;
    restore_fetch(original);
}

#[path = "web/files.rs"]
mod files;

/// What a customer chose in a prerendered step before the wasm arrived
/// (`prerender::chosen`): the checked group, with the checked topic only if
/// it is one of that group's and offered; made the form's own unless a
/// draft already moved past the first step.
#[wasm_bindgen_test]
async fn a_choice_made_in_a_prerendered_step_is_read_and_kept() {
    use ticket_core::catalog::Group;
    use ticket_widget::config::Choice;
    use ticket_widget::prerender::{chosen, keep_choice};
    use ticket_widget::state::{Form, Step};
    let root = document().create_element("div").unwrap();
    let radio =
        |name: &str, value: &str| format!("<input type=radio name=ltw42-{name} value={value}>");
    root.set_inner_html(&format!(
        "{}{}{}{}",
        radio("group", "technical"),
        radio("group", "inquiry"),
        radio("category", "technical.routing"),
        radio("category", "inquiry.price"),
    ));
    let check = |value: &str| {
        let input: HtmlInputElement = root
            .query_selector(&format!("input[value='{value}']"))
            .unwrap()
            .unwrap()
            .unchecked_into();
        input.set_checked(true);
    };
    let config = |categories: Option<&str>| {
        WidgetConfig::from_attributes(
            |name| match name {
                "endpoint" => Some("/api/tickets".into()),
                "categories" => categories.map(Into::into),
                _ => None,
            },
            None,
            42,
        )
    };
    let routing = ticket_core::catalog::find("technical.routing").unwrap();

    assert_eq!(chosen(&root, &config(None)), None, "nothing checked");
    check("technical.routing");
    assert_eq!(
        chosen(&root, &config(None)),
        None,
        "a topic without its group"
    );
    check("technical");
    assert_eq!(
        chosen(&root, &config(None)),
        Some(Choice::Category(routing))
    );
    let only_boot = config(Some("technical.boot"));
    assert_eq!(
        chosen(&root, &only_boot),
        Some(Choice::Group(Group::Technical)),
        "a topic the page does not offer"
    );
    check("inquiry");
    assert_eq!(
        chosen(&root, &config(None)),
        Some(Choice::Group(Group::Inquiry)),
        "the topic of another group"
    );

    let owner = Owner::new();
    owner.with(|| {
        let fresh = Form::new();
        keep_choice(fresh, Some(Choice::Category(routing)));
        assert_eq!(fresh.category.get_untracked(), Some(routing));
        assert_eq!(fresh.group.get_untracked(), Some(routing.group));

        let restored = Form::new();
        restored.step.set(Step::Details);
        keep_choice(restored, Some(Choice::Group(Group::Inquiry)));
        assert_eq!(restored.group.get_untracked(), None, "the draft wins");
    });
}
