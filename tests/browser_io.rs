//! Browser tests of import, export, the change list and drafts kept across reloads: the panels
//! are mounted around a `FormState` of their own in a real page (headless Chromium) and driven
//! through the DOM by their labels, as a person would. A reload is a remount with a fresh state.
//! Run with `cargo test --target wasm32-unknown-unknown --test browser_io`.
#![cfg(target_arch = "wasm32")]

use std::any::Any;
use std::cell::Cell;
use std::rc::Rc;

use cognito_pool_console::draft_store::{self, StoredDraft};
use cognito_pool_console::import;
use cognito_pool_console::ui::io::{download_name, ChangesView, ExportPanel, ImportPanel};
use cognito_pool_console::ui::state::FormState;
use leptos::prelude::*;
use serde_json::{json, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const POOL: &str = "us-east-1_AbC123def";

/// The three panels mounted in a fresh element, around their own form state; removed on drop.
struct Mounted {
    root: HtmlElement,
    state: FormState,
    /// Unmounts the view when dropped.
    _handle: Box<dyn Any>,
}

impl Mounted {
    async fn with(baseline: Value) -> Self {
        let document = web_sys::window().unwrap().document().unwrap();
        let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
        document.body().unwrap().append_child(&root).unwrap();
        let slot = Rc::new(Cell::new(None));
        let out = slot.clone();
        let handle = leptos::mount::mount_to(root.clone(), move || {
            let state = FormState::new(baseline);
            out.set(Some(state));
            provide_context(state);
            view! {
                <ImportPanel />
                <ChangesView />
                <ExportPanel />
            }
        });
        settle().await;
        Mounted {
            root,
            state: slot.get().expect("mounted"),
            _handle: Box::new(handle),
        }
    }

    async fn empty() -> Self {
        Mounted::with(json!({ "UserPoolId": "" })).await
    }

    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().unchecked_into())
            .collect()
    }

    fn one(&self, selector: &str) -> Element {
        self.root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
    }

    fn has(&self, selector: &str) -> bool {
        self.root.query_selector(selector).unwrap().is_some()
    }

    /// The control a `<label>` with exactly this text is for.
    fn labelled(&self, label: &str) -> Element {
        let target = self
            .all("label")
            .iter()
            .find(|l| text(l) == label)
            .and_then(|l| l.get_attribute("for"))
            .unwrap_or_else(|| panic!("no label {label}"));
        self.one(&format!("#{target}"))
    }

    /// Pastes `value` into the text box labelled `label` (one input event).
    async fn type_into(&self, label: &str, value: &str) {
        let input: web_sys::HtmlTextAreaElement = self.labelled(label).unchecked_into();
        input.set_value(value);
        input
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
        settle().await;
    }

    /// The button whose accessible name (aria-label, else its text) is `name`.
    fn button(&self, name: &str) -> HtmlElement {
        self.all("button")
            .into_iter()
            .find(|b| b.get_attribute("aria-label").unwrap_or_else(|| text(b)) == name)
            .unwrap_or_else(|| panic!("no button {name}"))
            .unchecked_into()
    }

    fn has_button(&self, name: &str) -> bool {
        self.all("button")
            .iter()
            .any(|b| b.get_attribute("aria-label").unwrap_or_else(|| text(b)) == name)
    }

    async fn click(&self, name: &str) {
        self.button(name).click();
        settle().await;
    }

    /// `(severity, rule, path, pointer)` of the findings inside `scope`.
    fn findings(&self, scope: &str) -> Vec<(String, String, String, String)> {
        self.all(&format!("{scope} .findings .finding"))
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

    fn draft(&self) -> Value {
        self.state.document.get_untracked()
    }

    fn baseline(&self) -> Value {
        self.state.baseline.get_untracked()
    }

    async fn edit(&self, pointer: &str, value: Option<Value>) {
        self.state.edit(pointer, value);
        settle().await;
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

fn text(element: &Element) -> String {
    element.text_content().unwrap_or_default().trim().to_owned()
}

/// Lets the reactive system and effects run.
async fn settle() {
    for _ in 0..3 {
        leptos::task::tick().await;
    }
}

/// Waits `ms` milliseconds of real time (for promises the browser resolves: files, clipboard).
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Removes every entry of this console, so that each test starts as a first visit.
fn clear_drafts() {
    let storage = storage();
    let keys: Vec<String> = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|k| draft_store::pool_of_key(k).is_some())
        .collect();
    for key in keys {
        storage.remove_item(&key).unwrap();
    }
}

fn stored(key: &str) -> Option<String> {
    storage().get_item(key).unwrap()
}

// ---- Import ------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn an_import_shows_its_findings_and_replaces_nothing_until_import_is_pressed() {
    clear_drafts();
    let page = Mounted::with(json!({ "UserPoolId": POOL })).await;
    let body = json!({
        "UserPoolId": "us-east-1_Other1",
        "Policies": { "PasswordPolicy": { "MinimumLength": "12" } },
        "Colour": "blue"
    });
    page.type_into("Import JSON", &body.to_string()).await;
    let shown = page.findings("#import");
    assert!(
        shown.contains(&(
            "error".into(),
            "R-MODEL-TYPE".into(),
            "Policies.PasswordPolicy.MinimumLength".into(),
            "/Policies/PasswordPolicy/MinimumLength".into()
        )),
        "{shown:?}"
    );
    assert!(
        shown
            .iter()
            .any(|f| f.1 == "R-MODEL-UNKNOWN" && f.3 == "/Colour"),
        "{shown:?}"
    );
    assert!(text(&page.one(".import-result")).contains("UpdateUserPool request body"));
    // Nothing replaced yet.
    assert_eq!(page.draft(), json!({ "UserPoolId": POOL }));
    assert_eq!(page.baseline(), json!({ "UserPoolId": POOL }));

    page.click("Import").await;
    assert_eq!(page.draft(), body);
    assert_eq!(page.baseline(), body);
    assert_eq!(text(&page.one("#changes .io-count")), "No changes");
    // The imported problems show on their fields straight away.
    let touched = page.state.touched.get_untracked();
    assert!(touched.contains("/Policies/PasswordPolicy/MinimumLength"));
    assert!(touched.contains("/Colour"));
    assert!(text(&page.one(".import-feedback .io-status")).contains("Imported the request body"));
}

#[wasm_bindgen_test]
async fn a_describe_output_is_imported_as_the_update_that_leaves_the_pool_as_it_is() {
    clear_drafts();
    let page = Mounted::empty().await;
    let describe = include_str!("fixtures/describe/aws_minimal.json");
    page.type_into("Import JSON", describe).await;
    assert!(text(&page.one(".import-result")).contains("DescribeUserPool output"));
    page.click("Import").await;
    let mapped = import::check_document(import::parse_json(describe.as_bytes()).unwrap()).request;
    assert_eq!(mapped["UserPoolId"], "us-east-2_M1n1mal");
    assert_eq!(page.baseline(), mapped);
    assert_eq!(page.draft(), mapped);
}

#[wasm_bindgen_test]
async fn text_that_is_not_a_json_object_is_refused_with_the_reason() {
    clear_drafts();
    let page = Mounted::empty().await;
    page.type_into("Import JSON", "{\"UserPoolId\": \"x\",}")
        .await;
    let result = text(&page.one(".import-result"));
    assert!(
        result.contains("not JSON") && result.contains("line 1"),
        "{result}"
    );
    page.click("Import").await;
    assert!(text(&page.one(".import-feedback .io-status")).contains("not JSON"));
    page.type_into("Import JSON", "[1, 2]").await;
    page.click("Import").await;
    assert!(text(&page.one(".import-feedback .io-status")).contains("only a JSON object"));
    assert_eq!(page.draft(), json!({ "UserPoolId": "" }));
    // The text stays.
    let input: web_sys::HtmlTextAreaElement = page.labelled("Import JSON").unchecked_into();
    assert_eq!(input.value(), "[1, 2]");
}

#[wasm_bindgen_test]
async fn importing_over_a_changed_draft_asks_first_and_undo_brings_the_draft_back() {
    clear_drafts();
    let page = Mounted::with(json!({ "UserPoolId": POOL })).await;
    page.edit("/PoolName", Some(json!("typed by hand"))).await;
    let typed = page.draft();
    let body = json!({ "UserPoolId": POOL, "MfaConfiguration": "OFF" });
    page.type_into("Import JSON", &body.to_string()).await;

    page.click("Import").await;
    assert!(text(&page.one(".io-confirm")).contains("1 change"));
    assert_eq!(
        page.draft(),
        typed,
        "nothing replaced before the admin says yes"
    );
    page.click("Keep my draft").await;
    assert!(!page.has(".io-confirm"));
    assert_eq!(page.draft(), typed);

    page.click("Import").await;
    page.click("Replace my draft").await;
    assert_eq!(page.draft(), body);
    assert_eq!(page.baseline(), body);

    page.click("Undo import").await;
    assert_eq!(page.draft(), typed);
    assert_eq!(page.baseline(), json!({ "UserPoolId": POOL }));
    assert!(page.state.touched.get_untracked().contains("/PoolName"));
    // Undoing is not losing either: the import can be redone.
    assert!(!page.has_button("Undo import"));
    page.click("Redo import").await;
    assert_eq!(page.draft(), body);
}

#[wasm_bindgen_test]
async fn a_file_can_be_opened_into_the_import_box() {
    clear_drafts();
    let page = Mounted::empty().await;
    let input: web_sys::HtmlInputElement = page.labelled("Open a file…").unchecked_into();
    assert_eq!(input.type_(), "file");
    assert_eq!(input.accept(), ".json,application/json");
    // A file as the browser's picker would give it.
    let parts = js_sys::Array::of1(&r#"{"UserPoolId": "us-east-1_File1"}"#.into());
    let file = web_sys::File::new_with_str_sequence(&parts, "pool.json").unwrap();
    // `new DataTransfer()` holds a FileList a script may give an input (through Reflect: the
    // crate's web-sys features have no DataTransfer).
    let get = |target: &wasm_bindgen::JsValue, name: &str| {
        js_sys::Reflect::get(target, &name.into()).unwrap()
    };
    let constructor: js_sys::Function = get(&js_sys::global(), "DataTransfer").unchecked_into();
    let transfer = js_sys::Reflect::construct(&constructor, &js_sys::Array::new()).unwrap();
    let items = get(&transfer, "items");
    let add: js_sys::Function = get(&items, "add").unchecked_into();
    add.call1(&items, &file).unwrap();
    input.set_files(Some(get(&transfer, "files").unchecked_ref()));
    input
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    for _ in 0..50 {
        sleep(20).await;
        if text(&page.one(".import-feedback .io-status")).contains("Opened pool.json") {
            break;
        }
    }
    let area: web_sys::HtmlTextAreaElement = page.labelled("Import JSON").unchecked_into();
    assert_eq!(area.value(), r#"{"UserPoolId": "us-east-1_File1"}"#);
    page.click("Import").await;
    assert_eq!(page.draft(), json!({ "UserPoolId": "us-east-1_File1" }));
}

// ---- Export ------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn the_exported_json_is_the_draft_and_the_command_applies_it() {
    clear_drafts();
    let page = Mounted::with(json!({ "UserPoolId": POOL })).await;
    page.edit("/Policies/PasswordPolicy/MinimumLength", Some(json!(12)))
        .await;
    page.edit("/PoolName", Some(json!("it's mine"))).await;
    page.click("Show the request as JSON and as an AWS CLI command")
        .await;
    let json: web_sys::HtmlTextAreaElement = page.labelled("Request JSON").unchecked_into();
    assert!(json.read_only());
    let exported: Value = serde_json::from_str(&json.value()).unwrap();
    assert_eq!(exported, page.draft());

    let command: web_sys::HtmlTextAreaElement = page.labelled("AWS CLI command").unchecked_into();
    let command = command.value();
    assert!(
        command
            .starts_with("aws cognito-idp update-user-pool --region us-east-1 --cli-input-json '{"),
        "{command}"
    );
    assert!(
        command.contains(r#""PoolName":"it'\''s mine""#),
        "{command}"
    );

    let link = page.one("a.io-download");
    assert_eq!(text(&link), "Download JSON");
    assert_eq!(
        link.get_attribute("download").as_deref(),
        Some("update-user-pool-us-east-1_AbC123def.json")
    );
    let href = link.get_attribute("href").unwrap();
    let body = href
        .strip_prefix("data:application/json;charset=utf-8,")
        .unwrap();
    let body = String::from(js_sys::decode_uri_component(body).unwrap());
    assert_eq!(body, json.value());
}

#[wasm_bindgen_test]
async fn a_draft_with_unreadable_values_is_not_exported_and_the_panel_says_why() {
    clear_drafts();
    let page = Mounted::with(json!({ "UserPoolId": POOL })).await;
    page.edit("/MfaConfiguration", Some(json!("on"))).await;
    page.click("Show the request as JSON and as an AWS CLI command")
        .await;
    assert!(!page.has("#export-json"));
    assert!(!page.has("a.io-download"));
    let problem = text(&page.one("#export .io-problem"));
    assert!(
        problem.contains("cannot be exported while 1 value"),
        "{problem}"
    );
    assert_eq!(
        page.findings("#export"),
        [(
            "error".into(),
            "R-MODEL-ENUM".into(),
            "MfaConfiguration".into(),
            "/MfaConfiguration".into()
        )]
    );
    page.edit("/MfaConfiguration", Some(json!("ON"))).await;
    assert!(page.has("#export-json"));
}

#[wasm_bindgen_test]
async fn copy_puts_the_text_on_the_clipboard_or_selects_it() {
    clear_drafts();
    let page = Mounted::with(json!({ "UserPoolId": POOL })).await;
    page.click("Show the request as JSON and as an AWS CLI command")
        .await;
    page.click("Copy the request JSON").await;
    let status = || {
        page.all("#export .io-copy-status")
            .first()
            .map(text)
            .unwrap_or_default()
    };
    for _ in 0..100 {
        if !status().is_empty() {
            break;
        }
        sleep(20).await;
    }
    let shown = status();
    if shown != "Copied" {
        // Headless browsers may refuse the clipboard: the text is selected for Ctrl+C instead.
        assert!(shown.contains("The text is selected"), "{shown}");
        let area: web_sys::HtmlTextAreaElement = page.labelled("Request JSON").unchecked_into();
        assert_eq!(area.selection_start().unwrap(), Some(0));
        assert_eq!(
            area.selection_end().unwrap(),
            Some(area.value().encode_utf16().count() as u32)
        );
    }
}

#[wasm_bindgen_test]
fn download_names_carry_the_pool_id() {
    assert_eq!(download_name(POOL), format!("update-user-pool-{POOL}.json"));
    assert_eq!(download_name(""), "update-user-pool-new.json");
    assert_eq!(download_name("a/b c"), "update-user-pool-a-b-c.json");
}

// ---- Changes -----------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn the_change_list_shows_each_edit_with_old_and_new_and_reset_reverts_it() {
    clear_drafts();
    let baseline = json!({
        "UserPoolId": POOL,
        "Policies": { "PasswordPolicy": { "MinimumLength": 8 } }
    });
    let page = Mounted::with(baseline.clone()).await;
    assert_eq!(text(&page.one("#changes .io-count")), "No changes");
    assert!(page.all("#changes .change").is_empty());

    page.edit("/Policies/PasswordPolicy/MinimumLength", Some(json!(12)))
        .await;
    page.edit("/PoolName", Some(json!("renamed"))).await;
    assert_eq!(
        text(&page.one("#changes .io-count")),
        "2 changed settings compared with the baseline"
    );
    let rows = page.all("#changes .change");
    let row = rows
        .iter()
        .find(|r| {
            r.get_attribute("data-pointer").as_deref()
                == Some("/Policies/PasswordPolicy/MinimumLength")
        })
        .expect("the length change");
    assert_eq!(
        row.get_attribute("data-path").as_deref(),
        Some("Policies.PasswordPolicy.MinimumLength")
    );
    let label = cognito_pool_console::schema::field("Policies.PasswordPolicy.MinimumLength")
        .unwrap()
        .label;
    assert_eq!(
        text(&row.query_selector(".change-label").unwrap().unwrap()),
        label
    );
    assert_eq!(
        text(&row.query_selector(".change-before").unwrap().unwrap()),
        "8"
    );
    assert_eq!(
        text(&row.query_selector(".change-after").unwrap().unwrap()),
        "12"
    );
    let name_row = rows
        .iter()
        .find(|r| r.get_attribute("data-pointer").as_deref() == Some("/PoolName"))
        .expect("the name change");
    assert_eq!(
        text(&name_row.query_selector(".change-before").unwrap().unwrap()),
        "not set"
    );

    page.click(&format!("Reset {label}")).await;
    assert_eq!(page.draft()["Policies"], baseline["Policies"]);
    assert_eq!(page.all("#changes .change").len(), 1);
    page.click("Reset Pool name").await;
    assert_eq!(page.draft(), baseline);
    assert_eq!(text(&page.one("#changes .io-count")), "No changes");
}

/// The pointers of the change list's rows, top to bottom.
fn change_rows(page: &Mounted) -> Vec<String> {
    page.all("#changes .change")
        .iter()
        .filter_map(|r| r.get_attribute("data-pointer"))
        .collect()
}

#[wasm_bindgen_test]
async fn the_change_list_follows_the_changes_in_order_and_keeps_the_rows_it_can() {
    clear_drafts();
    let baseline = json!({ "UserPoolId": POOL, "PoolName": "before" });
    let page = Mounted::with(baseline.clone()).await;
    let in_order = |page: &Mounted| -> Vec<String> {
        cognito_pool_console::diff::changes(&baseline, &page.draft())
            .into_iter()
            .map(|c| c.pointer)
            .collect()
    };
    // Edited out of the order the list keeps.
    page.edit("/Policies/PasswordPolicy/MinimumLength", Some(json!(12)))
        .await;
    page.edit("/PoolName", Some(json!("after"))).await;
    page.edit("/DeletionProtection", Some(json!("ACTIVE")))
        .await;
    let order = in_order(&page);
    assert_eq!(order.len(), 3);
    assert_eq!(change_rows(&page), order);

    // A row whose values stay the same is the same element after an edit elsewhere; the
    // edited one is rebuilt in its place with its new value.
    let name_row = page.one("#changes .change[data-pointer='/PoolName']");
    page.edit("/Policies/PasswordPolicy/MinimumLength", Some(json!(14)))
        .await;
    assert_eq!(change_rows(&page), order);
    let name_now = page.one("#changes .change[data-pointer='/PoolName']");
    assert!(name_now.is_same_node(Some(&name_row)));
    let length =
        page.one("#changes .change[data-pointer='/Policies/PasswordPolicy/MinimumLength']");
    assert_eq!(
        text(&length.query_selector(".change-after").unwrap().unwrap()),
        "14"
    );

    // A row in the middle goes; the others stay in order.
    page.edit("/PoolName", Some(json!("before"))).await;
    assert_eq!(change_rows(&page), in_order(&page));
    assert_eq!(change_rows(&page).len(), 2);
    assert!(!name_row.is_connected());
}

// ---- Drafts across reloads ---------------------------------------------------------------

/// A first visit in which the admin edits an empty form; returns the draft stored for it.
async fn first_visit_with_an_edit() -> Value {
    clear_drafts();
    let page = Mounted::empty().await;
    page.edit("/PoolName", Some(json!("work in progress")))
        .await;
    let text = stored(&draft_store::key("")).expect("the draft is stored as the admin types");
    let saved = StoredDraft::decode_entry(&draft_store::key(""), &text).unwrap();
    assert_eq!(saved.draft, page.draft());
    assert_eq!(saved.baseline, page.baseline());
    page.draft()
}

#[wasm_bindgen_test]
async fn a_saved_draft_is_offered_back_after_a_reload_and_restore_brings_it_back() {
    let draft = first_visit_with_an_edit().await;
    let page = Mounted::empty().await;
    let offer = text(&page.one(".draft-offer"));
    assert!(
        offer.starts_with("Restore the draft from ") && offer.contains('?'),
        "{offer}"
    );
    assert!(offer.contains("(1 change)"), "{offer}");
    assert_eq!(
        page.draft(),
        json!({ "UserPoolId": "" }),
        "nothing restored unasked"
    );
    page.click("Restore").await;
    assert_eq!(page.draft(), draft);
    assert!(!page.has(".draft-offer"));
    assert!(stored(&draft_store::key("")).is_some());
}

#[wasm_bindgen_test]
async fn restoring_over_a_changed_draft_asks_first_and_can_be_undone() {
    let saved = first_visit_with_an_edit().await;
    let page = Mounted::empty().await;
    page.edit("/MfaConfiguration", Some(json!("OFF"))).await;
    let typed = page.draft();
    page.click("Restore").await;
    let question = text(&page.one(".restore-feedback .io-confirm"));
    assert!(question.contains("1 change"), "{question}");
    assert!(!page.has(".import-feedback .io-confirm"));
    assert_eq!(page.draft(), typed);
    // The question has the focus.
    let focused = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .map(|e| text(&e));
    assert_eq!(focused.as_deref(), Some("Replace my draft"));
    page.click("Replace my draft").await;
    assert_eq!(page.draft(), saved);
    assert!(text(&page.one(".restore-feedback .io-status")).contains("Restored"));
    page.click("Undo restore").await;
    assert_eq!(page.draft(), typed);
}

#[wasm_bindgen_test]
async fn an_imported_pools_draft_is_kept_under_its_id_and_offered_after_a_reload() {
    clear_drafts();
    let page = Mounted::empty().await;
    page.type_into("Import JSON", &json!({ "UserPoolId": POOL }).to_string())
        .await;
    page.click("Import").await;
    assert_eq!(
        stored(&draft_store::key(POOL)),
        None,
        "no changes, nothing kept"
    );
    page.edit("/PoolName", Some(json!("edited after import")))
        .await;
    let draft = page.draft();
    assert!(stored(&draft_store::key(POOL)).is_some());
    drop(page);

    let page = Mounted::empty().await;
    let offer = page.one(".draft-offer");
    assert_eq!(
        offer.get_attribute("data-key"),
        Some(draft_store::key(POOL))
    );
    assert!(
        text(&offer).starts_with(&format!("Restore the draft of pool {POOL} from ")),
        "{}",
        text(&offer)
    );
    page.click("Restore").await;
    assert_eq!(page.draft(), draft);
    assert_eq!(page.baseline(), json!({ "UserPoolId": POOL }));
    clear_drafts();
}

#[wasm_bindgen_test]
async fn discarding_a_saved_draft_removes_it() {
    first_visit_with_an_edit().await;
    let page = Mounted::empty().await;
    assert!(page.has(".draft-offer"));
    page.click("Discard").await;
    assert!(!page.has(".draft-offer"));
    assert_eq!(stored(&draft_store::key("")), None);
    drop(page);
    let page = Mounted::empty().await;
    assert!(
        !page.has(".draft-offer"),
        "nothing offered on the next visit"
    );
}

#[wasm_bindgen_test]
async fn a_draft_still_offered_back_is_set_aside_not_overwritten_by_new_typing() {
    first_visit_with_an_edit().await;
    let current = draft_store::key("");
    let before = stored(&current).unwrap();
    let earlier = StoredDraft::decode(&before).unwrap();
    let aside = draft_store::earlier_key(&current, earlier.saved_at);
    let page = Mounted::empty().await;
    page.edit("/PoolName", Some(json!("something else"))).await;
    // The earlier entry moved, unchanged, to its own key; this visit's typing took the pool's.
    assert_eq!(stored(&aside), Some(before));
    let now = StoredDraft::decode_entry(&current, &stored(&current).unwrap()).unwrap();
    assert_eq!(now.draft, page.draft());
    // It is still offered here, under its own key.
    let offers = page.all(".draft-offer");
    assert_eq!(offers.len(), 1);
    assert_eq!(offers[0].get_attribute("data-key"), Some(aside.clone()));
    assert!(
        text(&offers[0]).starts_with("Restore the draft from "),
        "{}",
        text(&offers[0])
    );
    drop(page);

    // The next visit offers both, and restoring the earlier one removes its own entry: it is
    // the form's draft now, kept under the pool's key (after setting this visit's aside).
    let page = Mounted::empty().await;
    let keys: Vec<Option<String>> = page
        .all(".draft-offer")
        .iter()
        .map(|o| o.get_attribute("data-key"))
        .collect();
    assert_eq!(keys, [Some(current.clone()), Some(aside.clone())]);
    let restore = page
        .one(&format!(
            ".draft-offer[data-key=\"{aside}\"] button.primary"
        ))
        .unchecked_into::<web_sys::HtmlElement>();
    restore.click();
    settle().await;
    assert_eq!(page.draft(), earlier.draft);
    assert_eq!(stored(&aside), None);
    let second = draft_store::earlier_key(&current, now.saved_at);
    assert_eq!(
        StoredDraft::decode_entry(&second, &stored(&second).unwrap())
            .unwrap()
            .draft,
        now.draft,
        "the second visit's draft, still offered, was set aside in turn"
    );
    assert_eq!(
        StoredDraft::decode_entry(&current, &stored(&current).unwrap())
            .unwrap()
            .draft,
        earlier.draft
    );
    clear_drafts();
}

#[wasm_bindgen_test]
async fn a_corrupt_or_foreign_entry_is_ignored_with_a_note() {
    clear_drafts();
    storage().set_item(&draft_store::key(""), "{oops").unwrap();
    let other_pool = StoredDraft {
        saved_at: 1,
        baseline: json!({ "UserPoolId": POOL }),
        draft: json!({ "UserPoolId": POOL, "PoolName": "x" }),
        rows: Vec::new(),
    };
    // A valid draft, under a key that is not its pool's.
    storage()
        .set_item(
            &draft_store::key("eu-west-1_Elsewhere"),
            &other_pool.encode(),
        )
        .unwrap();
    let page = Mounted::empty().await;
    assert!(!page.has(".draft-offer"));
    let notes = page.all(".draft-offers .io-note");
    assert_eq!(notes.len(), 2);
    assert!(notes
        .iter()
        .all(|n| text(n).contains("could not be read and was ignored")));
    // The broken entry does not stop drafts from being kept.
    page.edit("/PoolName", Some(json!("kept"))).await;
    let saved = stored(&draft_store::key("")).unwrap();
    assert!(StoredDraft::decode(&saved).is_ok());
    page.click("Remove it").await;
    assert_eq!(page.all(".draft-offers .io-note").len(), 1);
    clear_drafts();
}

#[wasm_bindgen_test]
async fn when_storage_refuses_a_write_the_admin_is_told_and_the_draft_stays() {
    clear_drafts();
    let page = Mounted::empty().await;
    let prototype = js_sys::Reflect::get(&js_sys::global(), &"Storage".into())
        .and_then(|s| js_sys::Reflect::get(&s, &"prototype".into()))
        .unwrap();
    let original = js_sys::Reflect::get(&prototype, &"setItem".into()).unwrap();
    let refuse = js_sys::Function::new_no_args(
        "throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');",
    );
    js_sys::Reflect::set(&prototype, &"setItem".into(), &refuse).unwrap();
    page.edit("/PoolName", Some(json!("not lost"))).await;
    js_sys::Reflect::set(&prototype, &"setItem".into(), &original).unwrap();
    let problem = text(&page.one(".draft-offers .io-problem"));
    assert!(problem.contains("could not be saved"), "{problem}");
    assert!(problem.contains("quota"), "{problem}");
    assert_eq!(page.draft()["PoolName"], "not lost");
    // The next successful write clears the message.
    page.edit("/PoolName", Some(json!("not lost, saved"))).await;
    assert!(!page.has(".draft-offers .io-problem"));
}
