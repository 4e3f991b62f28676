//! Properties shared by the fuzz targets in `fuzz_targets/`: what must hold of validation's
//! findings for any document, beyond "it does not panic".

use cognito_pool_console::model::json::FromJson;
use cognito_pool_console::model::UpdateUserPoolRequest;
use cognito_pool_console::validate::{self, Checked, Finding};
use serde_json::Value;

#[path = "../../tests/common/same_json.rs"]
mod same_json_impl;
pub use same_json_impl::same_json;

/// Every finding's pointer resolves in `document`: to the value itself, or (for a missing
/// required member) to the structure that should hold it. Cross-field findings may point at a
/// member that is absent (the rule says it should be there). The same property as
/// `tests/properties.rs`.
pub fn assert_pointers_resolve(document: &Value, findings: &[Finding]) {
    for finding in findings {
        let resolves = document.pointer(&finding.pointer).is_some()
            || (finding.rule == "R-MODEL-REQ"
                && finding
                    .pointer
                    .rfind('/')
                    .is_some_and(|cut| document.pointer(&finding.pointer[..cut]).is_some()))
            || finding.rule != "R-MODEL-REQ" && !finding.rule.starts_with("R-MODEL-");
        assert!(resolves, "{finding:?} does not resolve in {document}");
        assert!(!finding.message.is_empty(), "{finding:?} has no message");
    }
}

/// Checks `document` as an import does (optionally against a baseline, which must read exactly
/// as a request) and asserts what must hold of the outcome: pointers resolve, the typed model
/// reads the whole readable copy, and a faithful reading gives back the same document and the
/// same findings through the typed path ([`validate::check_request`]).
pub fn check_and_assert(document: &Value, baseline: Option<&Value>) -> Checked {
    let typed_baseline = baseline.map(|b| {
        assert!(
            validate::reads_exactly(b),
            "the baseline does not read exactly: {b}"
        );
        UpdateUserPoolRequest::from_json(b).expect("an exact baseline reads as a request")
    });
    let checked = validate::check_json(document, baseline);
    assert_pointers_resolve(document, &checked.findings);
    if let Some(readable) = &checked.readable {
        assert!(
            UpdateUserPoolRequest::from_json(readable).is_some(),
            "the typed model cannot read the readable copy {readable}"
        );
    }
    assert_eq!(checked.faithful, validate::reads_exactly(document));
    if let Some(request) = &checked.request() {
        let back = serde_json::to_value(request).expect("a typed request serialises");
        assert_eq!(&back, document, "the typed reading is not faithful");
        assert_eq!(
            validate::check_request(request, typed_baseline.as_ref()),
            checked.findings,
            "check_request and check_json disagree on {document}"
        );
    }
    checked
}
