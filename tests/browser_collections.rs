//! Browser tests of the collection editors (a list of text, a list of records, key/value maps):
//! each test mounts one setting, as the form renders it, inside a provided form state, then
//! works it like a person (finds controls by their labels and buttons by their names, types,
//! picks, clicks) and checks the draft and what the page shows.
//! Run with `cargo test --target wasm32-unknown-unknown --test browser_collections`.
#![cfg(target_arch = "wasm32")]

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use cognito_pool_console::schema;
use cognito_pool_console::ui::form::collections::MapDrafts;
use cognito_pool_console::ui::form::FieldView;
use cognito_pool_console::ui::state::FormState;
use leptos::prelude::*;
use serde_json::{json, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// One setting mounted in a fresh element of the page, with its form state; removed on drop.
struct Mounted {
    root: HtmlElement,
    state: FormState,
    drafts: MapDrafts,
    /// Unmounts the view when dropped.
    _handle: Box<dyn Any>,
}

impl Mounted {
    /// Mounts the control of the table entry `path` (a top-level member or one level down) for
    /// a form whose baseline and draft are `baseline`.
    async fn setting(path: &str, baseline: Value) -> Self {
        let field = schema::field(path).unwrap_or_else(|| panic!("{path} is not in the table"));
        let pointer: String = path.split('.').map(|name| format!("/{name}")).collect();
        let document = web_sys::window().unwrap().document().unwrap();
        let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
        document.body().unwrap().append_child(&root).unwrap();
        let made: Rc<RefCell<Option<(FormState, MapDrafts)>>> = Rc::default();
        let slot = made.clone();
        let handle = leptos::mount::mount_to(root.clone(), move || {
            let state = FormState::new(baseline);
            provide_context(state);
            let drafts = MapDrafts::provide(state);
            *slot.borrow_mut() = Some((state, drafts));
            view! { <FieldView field pointer /> }
        });
        leptos::task::tick().await;
        let (state, drafts) = made.borrow_mut().take().expect("mounted");
        Mounted {
            root,
            state,
            drafts,
            _handle: Box::new(handle),
        }
    }

    fn document(&self) -> Value {
        self.state.document.get_untracked()
    }

    fn all(&self, selector: &str) -> Vec<Element> {
        all_in(&self.root, selector)
    }

    /// The row or record `<fieldset>` whose legend is `legend`.
    fn group(&self, legend: &str) -> Element {
        self.all("fieldset")
            .into_iter()
            .find(|f| {
                f.query_selector(":scope > legend")
                    .unwrap()
                    .is_some_and(|l| text(&l) == legend)
            })
            .unwrap_or_else(|| panic!("no group {legend}"))
    }

    /// The control labelled `label` (a `<label for>` with exactly that text) inside `scope`.
    fn control_in(&self, scope: &Element, label: &str) -> HtmlElement {
        let target = all_in(scope, "label")
            .into_iter()
            .find(|l| text(l) == label)
            .and_then(|l| l.get_attribute("for"))
            .unwrap_or_else(|| panic!("no label {label}"));
        self.root
            .query_selector(&format!("[id='{target}']"))
            .unwrap()
            .unwrap_or_else(|| panic!("label {label} names no control"))
            .unchecked_into()
    }

    fn control(&self, label: &str) -> HtmlElement {
        self.control_in(&self.root.clone().unchecked_into(), label)
    }

    /// The button whose accessible name is `name` (its `aria-label`, else its text).
    fn button(&self, name: &str) -> HtmlElement {
        self.all("button")
            .into_iter()
            .find(|b| b.get_attribute("aria-label").unwrap_or_else(|| text(b)) == name)
            .unwrap_or_else(|| panic!("no button {name}"))
            .unchecked_into()
    }

    async fn click(&self, name: &str) {
        let button = self.button(name);
        assert!(!is_disabled(&button), "{name} is disabled");
        button.click();
        settle().await;
    }

    /// The findings shown inside `scope`: (severity, rule, path, pointer).
    fn findings_in(scope: &Element) -> Vec<(String, String, String, String)> {
        all_in(scope, ".finding")
            .iter()
            .map(|f| {
                let attr = |name: &str| f.get_attribute(name).unwrap_or_default();
                (
                    attr("data-severity"),
                    attr("data-rule"),
                    attr("data-path"),
                    attr("data-pointer"),
                )
            })
            .collect()
    }

    fn rules_in(scope: &Element) -> Vec<String> {
        Self::findings_in(scope)
            .into_iter()
            .map(|(_, rule, _, _)| rule)
            .collect()
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

fn all_in(scope: &Element, selector: &str) -> Vec<Element> {
    let list = scope.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

fn text(element: &Element) -> String {
    element.text_content().unwrap_or_default().trim().to_owned()
}

fn is_disabled(element: &Element) -> bool {
    element.has_attribute("disabled")
}

/// Lets the reactive system and any zero-delay timers (focus moves) run.
async fn settle() {
    leptos::task::tick().await;
    Sleep::new(Duration::from_millis(5)).await;
    leptos::task::tick().await;
}

/// A timer as a future, on the page's `setTimeout`.
struct Sleep {
    state: Rc<(Cell<bool>, RefCell<Option<Waker>>)>,
}

impl Sleep {
    fn new(duration: Duration) -> Self {
        let state: Rc<(Cell<bool>, RefCell<Option<Waker>>)> = Rc::default();
        let timer = state.clone();
        set_timeout(
            move || {
                timer.0.set(true);
                if let Some(waker) = timer.1.borrow_mut().take() {
                    waker.wake();
                }
            },
            duration,
        );
        Sleep { state }
    }
}

impl Future for Sleep {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.state.0.get() {
            Poll::Ready(())
        } else {
            *self.state.1.borrow_mut() = Some(cx.waker().clone());
            Poll::Pending
        }
    }
}

/// Types `value` into a text input (an `input` event), then leaves it (`blur`).
async fn type_into(control: &HtmlElement, value: &str) {
    let input: &HtmlInputElement = control.unchecked_ref();
    input.set_value(value);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    input
        .dispatch_event(&web_sys::Event::new("blur").unwrap())
        .unwrap();
    settle().await;
}

/// Picks `value` in a select (a `change` event).
async fn pick(control: &HtmlElement, value: &str) {
    let select: &HtmlSelectElement = control.unchecked_ref();
    select.set_value(value);
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
}

fn value_of(control: &HtmlElement) -> String {
    match control.dyn_ref::<HtmlInputElement>() {
        Some(input) => input.value(),
        None => control.unchecked_ref::<HtmlSelectElement>().value(),
    }
}

fn focused_id() -> String {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

const POOL: &str = "us-east-1_Abc";

fn scopes(items: Value) -> Value {
    json!({ "UserPoolId": POOL, "DcrConfiguration": { "AllowedScopes": items } })
}

// ---- List of text: DcrConfiguration.AllowedScopes ---------------------------------------------

#[wasm_bindgen_test]
async fn each_scope_has_a_labelled_input_with_its_path_and_pointer() {
    let page = Mounted::setting(
        "DcrConfiguration.AllowedScopes",
        scopes(json!(["a/read", "b/write"])),
    )
    .await;
    let editor = page.all("fieldset.collection").remove(0);
    assert_eq!(
        editor.get_attribute("data-path").as_deref(),
        Some("DcrConfiguration.AllowedScopes")
    );
    assert_eq!(
        editor.get_attribute("data-pointer").as_deref(),
        Some("/DcrConfiguration/AllowedScopes")
    );
    assert_eq!(
        text(&editor.query_selector("legend").unwrap().unwrap()),
        "Allowed scopes"
    );
    let second = page.control("Scope 2");
    assert_eq!(value_of(&second), "b/write");
    assert_eq!(
        second.get_attribute("data-path").as_deref(),
        Some("DcrConfiguration.AllowedScopes[]")
    );
    assert_eq!(
        second.get_attribute("data-pointer").as_deref(),
        Some("/DcrConfiguration/AllowedScopes/1")
    );
    assert_eq!(value_of(&page.control("Scope 1")), "a/read");
    // The first row cannot move up, the last cannot move down.
    assert!(is_disabled(&page.button("Move up scope 1")));
    assert!(!is_disabled(&page.button("Move down scope 1")));
    assert!(is_disabled(&page.button("Move down scope 2")));
}

#[wasm_bindgen_test]
async fn a_scope_with_a_space_is_reported_at_its_own_row() {
    let page = Mounted::setting(
        "DcrConfiguration.AllowedScopes",
        scopes(json!(["a/read", "b/write"])),
    )
    .await;
    type_into(&page.control("Scope 2"), "b write").await;
    assert_eq!(
        page.document()["DcrConfiguration"]["AllowedScopes"],
        json!(["a/read", "b write"])
    );
    let row = page.control("Scope 2").closest("li").unwrap().unwrap();
    let shown = Mounted::findings_in(&row);
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert_eq!(shown[0].0, "error");
    assert_eq!(shown[0].3, "/DcrConfiguration/AllowedScopes/1");
    assert_eq!(
        page.control("Scope 2")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    assert!(
        Mounted::findings_in(&page.control("Scope 1").closest("li").unwrap().unwrap()).is_empty()
    );
    // Emptying the input keeps the row (an empty scope, reported) instead of removing it.
    type_into(&page.control("Scope 2"), "").await;
    assert_eq!(
        page.document()["DcrConfiguration"]["AllowedScopes"],
        json!(["a/read", ""])
    );
}

#[wasm_bindgen_test]
async fn scopes_are_added_moved_and_removed_with_their_values() {
    let page = Mounted::setting(
        "DcrConfiguration.AllowedScopes",
        scopes(json!(["a/read", "b/write"])),
    )
    .await;
    page.click("Add scope").await;
    assert_eq!(
        page.document()["DcrConfiguration"]["AllowedScopes"],
        json!(["a/read", "b/write", ""])
    );
    // The new row has the focus.
    assert_eq!(focused_id(), page.control("Scope 3").id());
    type_into(&page.control("Scope 3"), "c/admin").await;

    page.click("Move up scope 3").await;
    assert_eq!(
        page.document()["DcrConfiguration"]["AllowedScopes"],
        json!(["a/read", "c/admin", "b/write"])
    );
    let shown: Vec<String> = ["Scope 1", "Scope 2", "Scope 3"]
        .iter()
        .map(|l| value_of(&page.control(l)))
        .collect();
    assert_eq!(shown, ["a/read", "c/admin", "b/write"]);
    // The focus stays on the moved row.
    assert_eq!(focused_id(), page.button("Move up scope 2").id());

    page.click("Move down scope 1").await;
    assert_eq!(
        page.document()["DcrConfiguration"]["AllowedScopes"],
        json!(["c/admin", "a/read", "b/write"])
    );

    page.click("Remove scope 2").await;
    assert_eq!(
        page.document()["DcrConfiguration"]["AllowedScopes"],
        json!(["c/admin", "b/write"])
    );
    assert_eq!(value_of(&page.control("Scope 2")), "b/write");
    assert_eq!(focused_id(), page.button("Remove scope 2").id());
    page.click("Remove scope 2").await;
    page.click("Remove scope 1").await;
    // Removing the last scope leaves the list not set (the baseline had scopes, not an empty list).
    assert_eq!(page.document()["DcrConfiguration"], json!({}));
    assert!(page.all("fieldset.collection li").is_empty());
    assert_eq!(focused_id(), page.button("Add scope").id());
}

#[wasm_bindgen_test]
async fn a_bad_scope_keeps_its_finding_when_it_moves() {
    let page = Mounted::setting(
        "DcrConfiguration.AllowedScopes",
        scopes(json!(["a/read", "b/write"])),
    )
    .await;
    type_into(&page.control("Scope 2"), "b\"write").await;
    page.click("Move up scope 2").await;
    assert_eq!(value_of(&page.control("Scope 1")), "b\"write");
    let first = page.control("Scope 1").closest("li").unwrap().unwrap();
    let second = page.control("Scope 2").closest("li").unwrap().unwrap();
    assert_eq!(Mounted::findings_in(&first).len(), 1);
    assert_eq!(
        Mounted::findings_in(&first)[0].3,
        "/DcrConfiguration/AllowedScopes/0"
    );
    assert!(Mounted::findings_in(&second).is_empty());
}

#[wasm_bindgen_test]
async fn removing_the_last_scope_keeps_an_empty_list_the_baseline_had() {
    let page = Mounted::setting("DcrConfiguration.AllowedScopes", scopes(json!([]))).await;
    page.click("Add scope").await;
    assert_eq!(
        page.document()["DcrConfiguration"]["AllowedScopes"],
        json!([""])
    );
    page.click("Remove scope 1").await;
    assert_eq!(
        page.document()["DcrConfiguration"]["AllowedScopes"],
        json!([])
    );
}

#[wasm_bindgen_test]
async fn repeated_scopes_are_reported_on_the_list() {
    let page = Mounted::setting(
        "DcrConfiguration.AllowedScopes",
        scopes(json!(["a/read", "b/write"])),
    )
    .await;
    type_into(&page.control("Scope 2"), "a/read").await;
    let editor = page.all("fieldset.collection").remove(0);
    let list_findings = editor
        .query_selector(":scope > .field-findings")
        .unwrap()
        .unwrap();
    assert_eq!(Mounted::rules_in(&list_findings), ["R-LIST-01"]);
}

#[wasm_bindgen_test]
async fn add_scope_is_disabled_at_fifty() {
    let items: Vec<String> = (1..=49).map(|i| format!("s/{i}")).collect();
    let page = Mounted::setting("DcrConfiguration.AllowedScopes", scopes(json!(items))).await;
    assert!(!is_disabled(&page.button("Add scope")));
    page.click("Add scope").await;
    assert_eq!(
        page.document()["DcrConfiguration"]["AllowedScopes"]
            .as_array()
            .unwrap()
            .len(),
        50
    );
    assert!(is_disabled(&page.button("Add scope")));
    assert_eq!(text(&page.all(".limit-note")[0]), "At most 50 items.");
}

#[wasm_bindgen_test]
async fn the_rows_follow_a_list_replaced_by_an_import() {
    let page = Mounted::setting(
        "DcrConfiguration.AllowedScopes",
        scopes(json!(["a/read", "b/write"])),
    )
    .await;
    let imported = scopes(json!(["x/1", "x/2", "x/3"]));
    page.state.replace(imported.clone(), imported);
    settle().await;
    let shown: Vec<String> = ["Scope 1", "Scope 2", "Scope 3"]
        .iter()
        .map(|l| value_of(&page.control(l)))
        .collect();
    assert_eq!(shown, ["x/1", "x/2", "x/3"]);
    page.click("Move up scope 3").await;
    assert_eq!(
        page.document()["DcrConfiguration"]["AllowedScopes"],
        json!(["x/1", "x/3", "x/2"])
    );
    let imported = scopes(json!(["y/1"]));
    page.state.replace(imported.clone(), imported);
    settle().await;
    assert_eq!(page.all("fieldset.collection li").len(), 1);
    assert_eq!(value_of(&page.control("Scope 1")), "y/1");
}

// ---- List of records: AccountRecoverySetting.RecoveryMechanisms -------------------------------

fn recovery(items: Value) -> Value {
    json!({ "UserPoolId": POOL, "AccountRecoverySetting": { "RecoveryMechanisms": items } })
}

const MECHANISMS: &str = "AccountRecoverySetting.RecoveryMechanisms";

#[wasm_bindgen_test]
async fn a_recovery_method_is_a_group_of_ordinary_fields() {
    let page = Mounted::setting(
        MECHANISMS,
        recovery(json!([{ "Priority": 1, "Name": "verified_email" }])),
    )
    .await;
    let first = page.group("Recovery method 1");
    assert_eq!(
        first.get_attribute("data-pointer").as_deref(),
        Some("/AccountRecoverySetting/RecoveryMechanisms/0")
    );
    let priority = page.control_in(&first, "Priority");
    assert_eq!(value_of(&priority), "1");
    let row = priority.closest("[data-path]").unwrap().unwrap();
    assert_eq!(
        row.get_attribute("data-path").as_deref(),
        Some("AccountRecoverySetting.RecoveryMechanisms[].Priority")
    );
    assert_eq!(
        row.get_attribute("data-pointer").as_deref(),
        Some("/AccountRecoverySetting/RecoveryMechanisms/0/Priority")
    );
    assert_eq!(
        value_of(&page.control_in(&first, "Method")),
        "verified_email"
    );
}

#[wasm_bindgen_test]
async fn a_new_recovery_method_gets_the_free_priority_and_the_limit_is_two() {
    let page = Mounted::setting(
        MECHANISMS,
        recovery(json!([{ "Priority": 1, "Name": "verified_email" }])),
    )
    .await;
    page.click("Add recovery method").await;
    assert_eq!(
        page.document()["AccountRecoverySetting"]["RecoveryMechanisms"],
        json!([{ "Priority": 1, "Name": "verified_email" }, { "Priority": 2 }])
    );
    assert!(is_disabled(&page.button("Add recovery method")));
    let second = page.group("Recovery method 2");
    // The focus is on the member still to fill in.
    assert_eq!(focused_id(), page.control_in(&second, "Method").id());
    // The missing method shows after "Review".
    let method = page.control_in(&second, "Method");
    page.state.show_all.set(true);
    settle().await;
    assert!(
        Mounted::rules_in(&second).contains(&"R-MODEL-REQ".to_owned()),
        "{:?}",
        Mounted::findings_in(&second)
    );
    pick(&method, "verified_phone_number").await;
    assert!(Mounted::findings_in(&page.group("Recovery method 2")).is_empty());
    page.click("Remove recovery method 1").await;
    assert!(!is_disabled(&page.button("Add recovery method")));
    assert_eq!(
        page.document()["AccountRecoverySetting"]["RecoveryMechanisms"],
        json!([{ "Priority": 2, "Name": "verified_phone_number" }])
    );
}

#[wasm_bindgen_test]
async fn reordering_recovery_methods_keeps_each_value_with_its_row() {
    let page = Mounted::setting(
        MECHANISMS,
        recovery(json!([
            { "Priority": 1, "Name": "verified_email" },
            { "Priority": 2, "Name": "verified_phone_number" }
        ])),
    )
    .await;
    // A bad priority typed into the second row: its finding shows there.
    type_into(
        &page.control_in(&page.group("Recovery method 2"), "Priority"),
        "9",
    )
    .await;
    assert!(!Mounted::findings_in(&page.group("Recovery method 2")).is_empty());
    page.click("Move up recovery method 2").await;
    assert_eq!(
        page.document()["AccountRecoverySetting"]["RecoveryMechanisms"],
        json!([
            { "Priority": 9, "Name": "verified_phone_number" },
            { "Priority": 1, "Name": "verified_email" }
        ])
    );
    let first = page.group("Recovery method 1");
    assert_eq!(value_of(&page.control_in(&first, "Priority")), "9");
    assert_eq!(
        value_of(&page.control_in(&first, "Method")),
        "verified_phone_number"
    );
    let second = page.group("Recovery method 2");
    assert_eq!(value_of(&page.control_in(&second, "Priority")), "1");
    assert_eq!(
        value_of(&page.control_in(&second, "Method")),
        "verified_email"
    );
    // The finding moved with its row.
    let shown = Mounted::findings_in(&first);
    assert!(
        shown
            .iter()
            .any(|f| f.3 == "/AccountRecoverySetting/RecoveryMechanisms/0/Priority"),
        "{shown:?}"
    );
    assert!(Mounted::findings_in(&second).is_empty());
}

#[wasm_bindgen_test]
async fn two_methods_with_one_priority_are_reported_on_the_list() {
    let page = Mounted::setting(
        MECHANISMS,
        recovery(json!([
            { "Priority": 1, "Name": "verified_email" },
            { "Priority": 2, "Name": "verified_phone_number" }
        ])),
    )
    .await;
    type_into(
        &page.control_in(&page.group("Recovery method 2"), "Priority"),
        "1",
    )
    .await;
    let editor = page.all("fieldset.collection").remove(0);
    let list_findings = editor
        .query_selector(":scope > .field-findings")
        .unwrap()
        .unwrap();
    let shown = Mounted::findings_in(&list_findings);
    assert_eq!(
        shown,
        [(
            "error".to_owned(),
            "R-REC-01".to_owned(),
            MECHANISMS.to_owned(),
            "/AccountRecoverySetting/RecoveryMechanisms".to_owned()
        )]
    );
}

// ---- Key/value: UserPoolTags -------------------------------------------------------------------

fn tags(map: Value) -> Value {
    json!({ "UserPoolId": POOL, "UserPoolTags": map })
}

#[wasm_bindgen_test]
async fn renaming_a_tag_moves_its_entry() {
    let page = Mounted::setting("UserPoolTags", tags(json!({ "team": "identity" }))).await;
    let row = page.group("Tag 1");
    let key = page.control_in(&row, "Tag key");
    assert_eq!(value_of(&key), "team");
    assert_eq!(
        key.get_attribute("data-pointer").as_deref(),
        Some("/UserPoolTags/team")
    );
    type_into(&key, "owner").await;
    assert_eq!(
        page.document()["UserPoolTags"],
        json!({ "owner": "identity" })
    );
    assert_eq!(
        key.get_attribute("data-pointer").as_deref(),
        Some("/UserPoolTags/owner")
    );
    type_into(&page.control_in(&row, "Tag value"), "").await;
    // An empty value is a value.
    assert_eq!(page.document()["UserPoolTags"], json!({ "owner": "" }));
    // "Reset" puts the loaded tags back, and the rows follow.
    page.click("Reset").await;
    assert_eq!(
        page.document()["UserPoolTags"],
        json!({ "team": "identity" })
    );
    let row = page.group("Tag 1");
    assert_eq!(value_of(&page.control_in(&row, "Tag key")), "team");
    assert_eq!(value_of(&page.control_in(&row, "Tag value")), "identity");
}

#[wasm_bindgen_test]
async fn a_new_tag_joins_the_request_once_it_has_a_key() {
    let page = Mounted::setting("UserPoolTags", json!({ "UserPoolId": POOL })).await;
    page.click("Add tag").await;
    let row = page.group("Tag 1");
    assert_eq!(focused_id(), page.control_in(&row, "Tag key").id());
    type_into(&page.control_in(&row, "Tag value"), "blue").await;
    assert_eq!(page.document().get("UserPoolTags"), None);
    type_into(&page.control_in(&row, "Tag key"), "colour").await;
    assert_eq!(page.document()["UserPoolTags"], json!({ "colour": "blue" }));
    page.click("Remove tag 1").await;
    assert_eq!(page.document().get("UserPoolTags"), None);
}

#[wasm_bindgen_test]
async fn a_repeated_tag_key_is_an_error_on_the_later_row_and_both_rows_stay() {
    let page = Mounted::setting("UserPoolTags", tags(json!({ "team": "identity" }))).await;
    page.click("Add tag").await;
    let second = page.group("Tag 2");
    type_into(&page.control_in(&second, "Tag value"), "payments").await;
    type_into(&page.control_in(&second, "Tag key"), "team").await;

    // The draft holds the first row's entry; the second row is kept as typed.
    assert_eq!(
        page.document()["UserPoolTags"],
        json!({ "team": "identity" })
    );
    assert_eq!(
        value_of(&page.control_in(&page.group("Tag 1"), "Tag value")),
        "identity"
    );
    assert_eq!(value_of(&page.control_in(&second, "Tag key")), "team");
    assert_eq!(value_of(&page.control_in(&second, "Tag value")), "payments");

    let finding = second
        .query_selector(".finding")
        .unwrap()
        .expect("an error on the later row");
    assert_eq!(
        finding.get_attribute("data-rule").as_deref(),
        Some("R-FORM-DUPKEY")
    );
    assert_eq!(
        finding.get_attribute("data-severity").as_deref(),
        Some("error")
    );
    assert_eq!(
        finding.get_attribute("data-path").as_deref(),
        Some("UserPoolTags{key}")
    );
    assert_eq!(
        finding.get_attribute("data-pointer").as_deref(),
        Some("/UserPoolTags/team")
    );
    assert!(
        text(&finding).contains("Tag key team is used twice: each key can appear once"),
        "{}",
        text(&finding)
    );
    assert!(Mounted::findings_in(&page.group("Tag 1")).is_empty());
    assert_eq!(
        page.control_in(&second, "Tag key")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );

    // The form can count it: it is in the drafts' findings, an error.
    let counted = page.drafts.findings.get_untracked();
    assert_eq!(counted.len(), 1);
    assert_eq!(counted[0].rule, "R-FORM-DUPKEY");
    assert_eq!(counted[0].severity.as_str(), "error");

    // Removing the repeat clears it, and the first entry is untouched.
    page.click("Remove tag 2").await;
    assert!(page.all(".finding").is_empty());
    assert!(page.drafts.findings.get_untracked().is_empty());
    assert_eq!(
        page.document()["UserPoolTags"],
        json!({ "team": "identity" })
    );
}

#[wasm_bindgen_test]
async fn renaming_the_first_of_two_equal_keys_lets_the_second_in() {
    let page = Mounted::setting("UserPoolTags", tags(json!({ "team": "identity" }))).await;
    page.click("Add tag").await;
    let second = page.group("Tag 2");
    type_into(&page.control_in(&second, "Tag key"), "team").await;
    type_into(&page.control_in(&second, "Tag value"), "payments").await;
    assert_eq!(page.drafts.findings.get_untracked().len(), 1);
    type_into(&page.control_in(&page.group("Tag 1"), "Tag key"), "squad").await;
    assert_eq!(
        page.document()["UserPoolTags"],
        json!({ "squad": "identity", "team": "payments" })
    );
    assert!(page.drafts.findings.get_untracked().is_empty());
    assert!(Mounted::findings_in(&page.group("Tag 2")).is_empty());
}

#[wasm_bindgen_test]
async fn an_import_replaces_the_tag_rows_and_their_duplicates() {
    let page = Mounted::setting("UserPoolTags", tags(json!({ "team": "identity" }))).await;
    page.click("Add tag").await;
    type_into(&page.control_in(&page.group("Tag 2"), "Tag key"), "team").await;
    assert_eq!(page.drafts.findings.get_untracked().len(), 1);
    let imported = tags(json!({ "a": "1", "b": "2" }));
    page.state.replace(imported.clone(), imported);
    settle().await;
    assert!(page.drafts.findings.get_untracked().is_empty());
    assert!(page.all(".finding").is_empty());
    assert_eq!(
        value_of(&page.control_in(&page.group("Tag 1"), "Tag key")),
        "a"
    );
    assert_eq!(
        value_of(&page.control_in(&page.group("Tag 2"), "Tag value")),
        "2"
    );
}

#[wasm_bindgen_test]
async fn add_tag_is_disabled_at_fifty_tags() {
    let map: serde_json::Map<String, Value> =
        (1..=49).map(|i| (format!("k{i}"), json!("v"))).collect();
    let page = Mounted::setting("UserPoolTags", tags(Value::Object(map))).await;
    page.click("Add tag").await;
    assert!(is_disabled(&page.button("Add tag")));
}

// ---- Key/value: AcrConfiguration ---------------------------------------------------------------

fn acr(map: Value) -> Value {
    json!({ "UserPoolId": POOL, "AcrConfiguration": map })
}

#[wasm_bindgen_test]
async fn an_acr_level_that_does_not_exist_is_reported_at_its_key() {
    let page = Mounted::setting(
        "AcrConfiguration",
        acr(json!({ "Level5": { "AcrValue": "urn:example:high" } })),
    )
    .await;
    page.state.show_all.set(true);
    settle().await;
    let row = page.group("ACR level 1");
    let level = page.control_in(&row, "ACR level");
    assert_eq!(value_of(&level), "Level5");
    let shown = Mounted::findings_in(&row);
    assert!(
        shown.iter().any(|f| f.0 == "error"
            && f.2 == "AcrConfiguration{key}"
            && f.3 == "/AcrConfiguration/Level5"),
        "{shown:?}"
    );
    assert_eq!(level.get_attribute("aria-invalid").as_deref(), Some("true"));
    pick(&level, "Level3").await;
    assert_eq!(
        page.document()["AcrConfiguration"],
        json!({ "Level3": { "AcrValue": "urn:example:high" } })
    );
    assert!(Mounted::findings_in(&page.group("ACR level 1")).is_empty());
}

#[wasm_bindgen_test]
async fn acr_levels_are_added_with_a_free_level_up_to_four() {
    let page = Mounted::setting(
        "AcrConfiguration",
        acr(json!({ "Level1": { "AcrValue": "urn:example:low" } })),
    )
    .await;
    page.click("Add ACR level").await;
    let second = page.group("ACR level 2");
    assert_eq!(value_of(&page.control_in(&second, "ACR level")), "Level2");
    let name = page.control_in(&second, "ACR name");
    assert_eq!(focused_id(), name.id());
    // The new level has no name yet: reported once touched.
    type_into(&name, "").await;
    assert!(
        Mounted::rules_in(&second).contains(&"R-MODEL-REQ".to_owned()),
        "{:?}",
        Mounted::findings_in(&second)
    );
    type_into(&name, "urn:example:mid").await;
    assert_eq!(
        page.document()["AcrConfiguration"],
        json!({ "Level1": { "AcrValue": "urn:example:low" }, "Level2": { "AcrValue": "urn:example:mid" } })
    );
    assert!(Mounted::findings_in(&page.group("ACR level 2")).is_empty());
    page.click("Add ACR level").await;
    page.click("Add ACR level").await;
    assert!(is_disabled(&page.button("Add ACR level")));
    let keys: Vec<String> = page.document()["AcrConfiguration"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    assert_eq!(keys, ["Level1", "Level2", "Level3", "Level4"]);
}

#[wasm_bindgen_test]
async fn two_rows_for_one_acr_level_are_reported() {
    let page = Mounted::setting(
        "AcrConfiguration",
        acr(json!({ "Level1": { "AcrValue": "urn:example:low" } })),
    )
    .await;
    page.click("Add ACR level").await;
    let second = page.group("ACR level 2");
    type_into(&page.control_in(&second, "ACR name"), "urn:example:other").await;
    pick(&page.control_in(&second, "ACR level"), "Level1").await;
    assert_eq!(
        page.document()["AcrConfiguration"],
        json!({ "Level1": { "AcrValue": "urn:example:low" } })
    );
    let shown = Mounted::findings_in(&page.group("ACR level 2"));
    assert_eq!(
        shown,
        [(
            "error".to_owned(),
            "R-FORM-DUPKEY".to_owned(),
            "AcrConfiguration{key}".to_owned(),
            "/AcrConfiguration/Level1".to_owned()
        )]
    );
    assert_eq!(
        value_of(&page.control_in(&page.group("ACR level 2"), "ACR name")),
        "urn:example:other"
    );
}
