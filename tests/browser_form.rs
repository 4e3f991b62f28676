//! Browser tests of the form's value controls, the findings shown as the admin types, the error
//! summary and the Review gate. The App is mounted in headless Chromium and used through labels
//! and DOM events, as a person would.
#![cfg(target_arch = "wasm32")]

mod browser_support;

use std::any::Any;

use browser_support::settle;
use cognito_pool_console::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

struct Page {
    root: HtmlElement,
    _handle: Box<dyn Any>,
}

impl Page {
    async fn open() -> Self {
        let document = web_sys::window().unwrap().document().unwrap();
        let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
        document.body().unwrap().append_child(&root).unwrap();
        let handle = leptos::mount::mount_to(root.clone(), App);
        settle().await;
        Page {
            root,
            _handle: Box::new(handle),
        }
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

    /// The control a visible label names (exact label text), found as a person would.
    fn labelled(&self, label: &str) -> Element {
        let found = self
            .all("label")
            .into_iter()
            .find(|l| l.text_content().unwrap_or_default().trim() == label)
            .unwrap_or_else(|| panic!("no label {label:?}"));
        let id = found
            .get_attribute("for")
            .unwrap_or_else(|| panic!("label {label:?} has no for"));
        self.root
            .query_selector(&format!("[id=\"{id}\"]"))
            .unwrap()
            .unwrap_or_else(|| panic!("label {label:?} points at nothing"))
    }

    /// Checks the "Send ..." switch of a section.
    async fn include(&self, section_label: &str) {
        let input: HtmlInputElement = self.labelled_prefix(&format!("Send {section_label}"));
        if !input.checked() {
            input.click();
            settle().await;
        }
    }

    fn labelled_prefix(&self, prefix: &str) -> HtmlInputElement {
        let found = self
            .all("label.include")
            .into_iter()
            .find(|l| {
                l.text_content()
                    .unwrap_or_default()
                    .trim()
                    .starts_with(prefix)
            })
            .unwrap_or_else(|| panic!("no switch {prefix:?}"));
        let id = found.get_attribute("for").unwrap();
        self.one(&format!("[id=\"{id}\"]")).unchecked_into()
    }

    async fn type_text(&self, label: &str, text: &str) {
        let element = self.labelled(label);
        if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
            input.set_value(text);
        } else if let Some(area) = element.dyn_ref::<HtmlTextAreaElement>() {
            area.set_value(text);
        }
        element
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
        settle().await;
    }

    async fn leave(&self, label: &str) {
        self.labelled(label)
            .dispatch_event(&web_sys::Event::new("blur").unwrap())
            .unwrap();
        settle().await;
    }

    async fn choose(&self, label: &str, value: &str) {
        let select: HtmlSelectElement = self.labelled(label).unchecked_into();
        select.set_value(value);
        select
            .dispatch_event(&web_sys::Event::new("change").unwrap())
            .unwrap();
        settle().await;
    }

    /// (rule, severity) of the findings shown next to the control at `pointer`.
    fn field_findings(&self, pointer: &str) -> Vec<(String, String)> {
        self.all(&format!(
            ".field[data-pointer=\"{pointer}\"] .field-findings .finding"
        ))
        .iter()
        .map(|f| {
            (
                f.get_attribute("data-rule").unwrap_or_default(),
                f.get_attribute("data-severity").unwrap_or_default(),
            )
        })
        .collect()
    }

    fn review_disabled(&self) -> bool {
        self.one("#review-button")
            .unchecked_into::<web_sys::HtmlButtonElement>()
            .disabled()
    }
}

impl Drop for Page {
    fn drop(&mut self) {
        self.root.remove();
    }
}

const MIN: &str = "/Policies/PasswordPolicy/MinimumLength";

async fn with_password_policy() -> Page {
    let page = Page::open().await;
    page.type_text("User pool ID", "us-east-1_Abc123").await;
    page.include("Policies").await;
    page.include("Password policy").await;
    page
}

#[wasm_bindgen_test]
async fn an_integer_shows_its_finding_once_touched_and_clears_it_when_fixed() {
    let page = with_password_policy().await;
    page.type_text("Minimum length", "5").await;
    assert_eq!(
        page.field_findings(MIN),
        [("R-PWD-01".to_owned(), "error".to_owned())]
    );
    let input = page.labelled("Minimum length");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = input.get_attribute("aria-describedby").unwrap_or_default();
    assert!(described.contains("findings"), "{described}");
    page.type_text("Minimum length", "12").await;
    assert!(page.field_findings(MIN).is_empty());
    assert_eq!(input.get_attribute("aria-invalid"), None);
}

#[wasm_bindgen_test]
async fn text_that_is_not_a_number_is_kept_and_reported() {
    let page = with_password_policy().await;
    page.type_text("Minimum length", "12a").await;
    let input: HtmlInputElement = page.labelled("Minimum length").unchecked_into();
    assert_eq!(input.value(), "12a");
    assert_eq!(
        page.field_findings(MIN),
        [("R-MODEL-TYPE".to_owned(), "error".to_owned())]
    );
}

#[wasm_bindgen_test]
async fn clearing_a_field_makes_it_not_set_and_untouched_fields_stay_quiet() {
    let page = with_password_policy().await;
    // An untouched field with a problem shows nothing next to it, but the summary lists it.
    page.include("Sign-in policy").await;
    assert!(page.field_findings(MIN).is_empty());
    page.type_text("Minimum length", "8").await;
    page.type_text("Minimum length", "").await;
    let summary = page.one(".summary").text_content().unwrap_or_default();
    assert!(!summary.contains("Minimum length"), "{summary}");
    assert!(page
        .all(".field.changed[data-pointer=\"/Policies/PasswordPolicy/MinimumLength\"]")
        .is_empty());
}

#[wasm_bindgen_test]
async fn tri_state_and_enum_selects_have_a_not_set_choice() {
    let page = with_password_policy().await;
    page.choose("Require symbols", "false").await;
    page.choose("Require symbols", "").await;
    page.choose("MFA requirement", "ON").await;
    // MFA ON without SMS delivery: two warnings, shown because the select was changed.
    page.leave("MFA requirement").await;
    let mfa = page.field_findings("/MfaConfiguration");
    assert!(
        mfa.contains(&("R-MFA-01".to_owned(), "warning".to_owned())),
        "{mfa:?}"
    );
    page.choose("MFA requirement", "").await;
    assert!(page.field_findings("/MfaConfiguration").is_empty());
}

#[wasm_bindgen_test]
async fn the_template_editor_counts_characters_and_marks_missing_placeholders() {
    let page = Page::open().await;
    page.type_text("MFA SMS message", "Your code").await;
    let meta = page.one("#ctl_2f_SmsAuthenticationMessage-count");
    assert!(meta
        .text_content()
        .unwrap_or_default()
        .contains("9 / 140 characters"));
    let missing = || {
        page.all("[data-pointer=\"/SmsAuthenticationMessage\"] .placeholder.missing")
            .len()
    };
    assert_eq!(missing(), 1);
    assert!(page
        .field_findings("/SmsAuthenticationMessage")
        .contains(&("R-MSG-01".to_owned(), "error".to_owned())));
    page.type_text("MFA SMS message", "Your code is {####}")
        .await;
    assert_eq!(missing(), 0);
    assert!(page.field_findings("/SmsAuthenticationMessage").is_empty());
}

#[wasm_bindgen_test]
async fn review_is_disabled_while_an_error_stands_and_warnings_need_acknowledging() {
    let page = with_password_policy().await;
    assert!(!page.review_disabled(), "a clean request can be reviewed");
    page.type_text("Minimum length", "5").await;
    assert!(page.review_disabled());
    page.type_text("Minimum length", "8").await;
    page.choose("MFA requirement", "ON").await;
    assert!(page.review_disabled(), "warnings are not acknowledged yet");
    let ack: HtmlInputElement = page.one("#ack-warnings").unchecked_into();
    ack.click();
    settle().await;
    assert!(!page.review_disabled());
    // A new warning needs a new acknowledgement.
    page.choose("MFA requirement", "OPTIONAL").await;
    assert!(page.review_disabled());
}

#[wasm_bindgen_test]
async fn the_summary_links_every_finding_to_its_control() {
    let page = with_password_policy().await;
    page.type_text("Minimum length", "5").await;
    let links = page.all(".summary .finding a");
    assert_eq!(links.len(), 1);
    let link: HtmlElement = links[0].clone().unchecked_into();
    link.click();
    settle().await;
    let active = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    assert_eq!(
        active.get_attribute("id"),
        page.labelled("Minimum length").get_attribute("id")
    );
}

#[wasm_bindgen_test]
async fn the_filter_narrows_the_form_to_matching_settings() {
    let page = with_password_policy().await;
    page.type_text("Find a setting", "minimumlength").await;
    let visible: Vec<String> = page
        .all(".field")
        .iter()
        .filter(|f| !f.has_attribute("hidden"))
        .map(|f| f.get_attribute("data-path").unwrap_or_default())
        .collect();
    assert_eq!(visible, ["Policies.PasswordPolicy.MinimumLength"]);
    page.type_text("Find a setting", "").await;
    assert!(page.all(".field[hidden]").is_empty());
}

#[wasm_bindgen_test]
async fn a_changed_field_is_marked_and_can_be_reset() {
    let page = with_password_policy().await;
    page.type_text("Minimum length", "10").await;
    assert_eq!(
        page.all(&format!(".field.changed[data-pointer=\"{MIN}\"]"))
            .len(),
        1
    );
    let reset: HtmlElement = page
        .one(&format!(".field[data-pointer=\"{MIN}\"] .link-button"))
        .unchecked_into();
    reset.click();
    settle().await;
    let input: HtmlInputElement = page.labelled("Minimum length").unchecked_into();
    assert_eq!(input.value(), "");
}

#[wasm_bindgen_test]
async fn legacy_settings_are_marked_and_folded_away() {
    let page = Page::open().await;
    let folds = page.all("details.legacy-fold");
    assert!(!folds.is_empty());
    for fold in &folds {
        assert!(!fold.has_attribute("open"), "folded by default");
        for field in fold
            .query_selector_all(".field")
            .map(|l| l.length())
            .into_iter()
        {
            assert!(field > 0);
        }
    }
    let legacy: Vec<String> = page
        .all("details.legacy-fold .field")
        .iter()
        .map(|f| f.get_attribute("data-path").unwrap_or_default())
        .collect();
    assert_eq!(
        legacy,
        [
            "SmsVerificationMessage",
            "EmailVerificationMessage",
            "EmailVerificationSubject"
        ]
    );
    assert_eq!(page.all(".field.legacy .tag").len(), 3);
}

#[wasm_bindgen_test]
async fn a_multi_select_keeps_the_model_order_and_reports_its_items() {
    let page = with_password_policy().await;
    page.include("Sign-in policy").await;
    let boxes = |value: &str| -> HtmlInputElement {
        page.all("[data-path=\"Policies.SignInPolicy.AllowedFirstAuthFactors[]\"]")
            .into_iter()
            .find(|b| b.get_attribute("value").as_deref() == Some(value))
            .unwrap_or_else(|| panic!("no box {value}"))
            .unchecked_into()
    };
    boxes("WEB_AUTHN").click();
    settle().await;
    boxes("PASSWORD").click();
    settle().await;
    assert_eq!(
        boxes("PASSWORD").get_attribute("data-pointer").as_deref(),
        Some("/Policies/SignInPolicy/AllowedFirstAuthFactors/0"),
        "PASSWORD comes first, as in the model"
    );
    boxes("SOFTWARE_TOKEN").click();
    settle().await;
    let shown = page.field_findings("/Policies/SignInPolicy/AllowedFirstAuthFactors");
    assert!(
        shown.contains(&("R-SIGNIN-01".to_owned(), "error".to_owned())),
        "{shown:?}"
    );
    let on_row: Vec<String> = page
        .all(".field[data-pointer=\"/Policies/SignInPolicy/AllowedFirstAuthFactors\"] .finding")
        .iter()
        .map(|f| f.get_attribute("data-pointer").unwrap_or_default())
        .collect();
    assert_eq!(on_row, ["/Policies/SignInPolicy/AllowedFirstAuthFactors/2"]);
    for value in ["PASSWORD", "WEB_AUTHN", "SOFTWARE_TOKEN"] {
        boxes(value).click();
        settle().await;
    }
    assert!(
        page.all(".field.changed[data-pointer=\"/Policies/SignInPolicy/AllowedFirstAuthFactors\"]")
            .is_empty(),
        "all unchecked: not set again"
    );
}

#[wasm_bindgen_test]
async fn each_setting_follows_its_own_value_changes_and_findings_across_members() {
    // The form listens to each top-level member apart (FormState's scopes): an edit in one
    // member must still update its own controls and leave every other member's as they were,
    // and a rule about two members must show where it is reported.
    const MFA: &str = "/MfaConfiguration";
    let changed = |page: &Page, pointer: &str| {
        !page
            .all(&format!(".field.changed[data-pointer=\"{pointer}\"]"))
            .is_empty()
    };
    let rules = |page: &Page, pointer: &str| -> Vec<String> {
        page.field_findings(pointer)
            .into_iter()
            .map(|(rule, _)| rule)
            .collect()
    };
    let page = with_password_policy().await;
    page.type_text("Minimum length", "10").await;
    assert!(changed(&page, MIN));
    assert!(!changed(&page, MFA));

    page.choose("MFA requirement", "OPTIONAL").await;
    assert!(changed(&page, MFA));
    assert!(changed(&page, MIN), "an edit elsewhere keeps this marker");
    // No SMS delivery configured (another member): the warning stands on MFA.
    assert_eq!(rules(&page, MFA), ["R-MFA-03"]);
    assert!(rules(&page, MIN).is_empty());

    page.type_text("Minimum length", "5").await;
    assert_eq!(rules(&page, MIN), ["R-PWD-01"]);
    assert_eq!(rules(&page, MFA), ["R-MFA-03"]);

    page.choose("MFA requirement", "OFF").await;
    assert!(rules(&page, MFA).is_empty());
    assert_eq!(rules(&page, MIN), ["R-PWD-01"]);

    // A legacy setting given a value opens its fold, so that the value can be seen.
    let label = "Email verification message (legacy)";
    let fold = || {
        page.labelled(label)
            .closest("details.legacy-fold")
            .unwrap()
            .unwrap()
    };
    assert!(!fold().has_attribute("open"));
    page.type_text(label, "Code {####}").await;
    assert!(fold().has_attribute("open"));
}
