//! Property tests: arbitrary JSON and arbitrary strings fed to the validator and the Describe
//! mapping never panic, and what they report is consistent with the document.

#![cfg(not(target_arch = "wasm32"))] // proptest and regex are native-only dev-dependencies

mod common;

use cognito_pool_console::describe;
use cognito_pool_console::export;
use cognito_pool_console::model::json::FromJson;
use cognito_pool_console::model::UpdateUserPoolRequest;
use cognito_pool_console::schema::{Shape, FIELDS};
use cognito_pool_console::validate;
use common::place;
use proptest::prelude::*;
use serde_json::{json, Map, Value};

/// Arbitrary JSON, with member names drawn mostly from the model so the walk goes deep.
fn arbitrary_json() -> impl Strategy<Value = Value> {
    let names: Vec<&'static str> = FIELDS.iter().map(|f| f.name()).collect();
    let name = prop_oneof![
        3 => proptest::sample::select(names),
        1 => Just("UserPool"),
        1 => Just("Level1"),
        1 => "[A-Za-z]{1,12}".prop_map(|s| Box::leak(s.into_boxed_str()) as &'static str),
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<u64>().prop_map(|n| json!(n)),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| json!(f)),
        any::<String>().prop_map(Value::String),
        "(\\{####\\}|arn:aws:[a-z]{1,6}:us-east-1:[0-9]{1,12}:[a-z/]{1,10}|Level[0-9]|[A-Z_]{2,12}|us-east-1_[a-zA-Z0-9]{1,9})"
            .prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 96, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((name.clone(), inner), 0..8).prop_map(|members| {
                Value::Object(
                    members
                        .into_iter()
                        .map(|(k, v)| (k.to_owned(), v))
                        .collect::<Map<_, _>>(),
                )
            }),
        ]
    })
}

/// The string paths whose value can be placed (map keys are placed as keys, not values).
fn string_fields() -> impl Strategy<Value = &'static cognito_pool_console::schema::Field> {
    let fields: Vec<_> = FIELDS
        .iter()
        .filter(|f| f.shape == Shape::String && !f.path.ends_with("{key}"))
        .collect();
    proptest::sample::select(fields)
}

/// Every finding's pointer resolves in the document: to the value itself, or (for a missing
/// required member, or the request as a whole) to the structure that should hold it.
fn pointers_resolve(document: &Value, findings: &[validate::Finding]) -> Result<(), TestCaseError> {
    for finding in findings {
        let resolves = document.pointer(&finding.pointer).is_some()
            || (finding.rule == "R-MODEL-REQ"
                && finding
                    .pointer
                    .rfind('/')
                    .is_some_and(|cut| document.pointer(&finding.pointer[..cut]).is_some()))
            || finding.rule != "R-MODEL-REQ" && !finding.rule.starts_with("R-MODEL-");
        prop_assert!(resolves, "{finding:?} does not resolve in {document}");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_json_never_panics_the_validator(document in arbitrary_json()) {
        let checked = validate::check_json(&document, None);
        pointers_resolve(&document, &checked.findings)?;
        // The rules run on the readable copy: the typed model reads all of it, and it is the
        // whole document exactly when the document reads as a request.
        if let Some(readable) = &checked.readable {
            prop_assert!(UpdateUserPoolRequest::from_json(readable).is_some(), "{}", readable);
        }
        prop_assert_eq!(
            validate::reads_exactly(&document),
            UpdateUserPoolRequest::from_json(&document).is_some()
        );
        prop_assert_eq!(checked.faithful, validate::reads_exactly(&document));
        if let Some(request) = &checked.request() {
            // A faithful reading reports the same findings through the typed path.
            prop_assert_eq!(&validate::check_request(request, None), &checked.findings);
            prop_assert_eq!(&serde_json::to_value(request).ok(), &Some(document.clone()));
        }
    }

    #[test]
    fn the_json_text_is_serde_jsons_compact_text(document in arbitrary_json(), key in any::<String>(), text in any::<String>()) {
        prop_assert_eq!(export::json_text(&document), document.to_string());
        // Any key and any string, control characters and quotes included.
        let odd = json!({ key.clone(): text.clone(), "list": [text, key, "\u{1}\u{1f}\"\\/\u{7f}"] });
        prop_assert_eq!(export::json_text(&odd), odd.to_string());
    }

    #[test]
    fn the_export_layout_matches_serde_json_pretty(document in arbitrary_json()) {
        let compact = serde_json::to_string(&document).expect("compact");
        prop_assert_eq!(export::indent(&compact), serde_json::to_string_pretty(&document).expect("pretty"));
        // The export of a document the typed request reads exactly is that request's JSON.
        if let Some(typed) = UpdateUserPoolRequest::from_json(&document) {
            let back: Value = serde_json::from_str(&export::compact(&document)).expect("json");
            prop_assert_eq!(Some(back), serde_json::to_value(&typed).ok());
        }
    }

    #[test]
    fn arbitrary_json_never_panics_the_describe_mapping(pool in arbitrary_json()) {
        let document = json!({ "UserPool": pool });
        if let Ok(mapped) = describe::describe_to_update(&document) {
            let checked = validate::check_json(&mapped.request, None);
            pointers_resolve(&mapped.request, &checked.findings)?;
        }
        let _ = describe::describe_to_update(&pool);
    }

    #[test]
    fn arbitrary_values_at_every_path_never_panic(index in 0..FIELDS.len(), value in arbitrary_json()) {
        let field = &FIELDS[index];
        let (document, pointer) = place(field.path, value);
        let checked = validate::check_json(&document, None);
        pointers_resolve(&document, &checked.findings)?;
        // A value of the wrong JSON type is always reported at its own pointer.
        let placed = document.pointer(&pointer).cloned().unwrap_or(Value::Null);
        let right_type = match field.shape {
            Shape::String => placed.is_string(),
            Shape::Integer => placed.is_i64() || placed.is_u64(),
            Shape::Boolean => placed.is_boolean(),
            Shape::Structure | Shape::Map => placed.is_object(),
            Shape::List => placed.is_array(),
        };
        // A whole number past 64 bits, which serde_json can only hold as a float, is read as
        // the number it is: out of range (every integer setting has bounds), not of the wrong type.
        let huge_whole = field.shape == Shape::Integer
            && placed.is_f64()
            && placed.as_f64().is_some_and(|f| f.fract() == 0.0 && (9.2e18..1e30).contains(&f.abs()));
        if huge_whole {
            prop_assert!(field.min.is_some() && field.max.is_some());
            prop_assert!(checked.findings.iter().any(|f| f.pointer == pointer
                && (f.rule == "R-MODEL-RANGE" || f.rule == "R-PWD-01")));
            prop_assert!(checked.request().is_none());
        } else if !right_type && !field.path.ends_with("{key}") {
            prop_assert!(checked.findings.iter().any(|f| f.pointer == pointer && f.rule == "R-MODEL-TYPE"));
            prop_assert!(checked.request().is_none());
        }
    }

    #[test]
    fn arbitrary_strings_get_a_length_finding_exactly_when_out_of_bounds(field in string_fields(), text in any::<String>()) {
        let (document, pointer) = place(field.path, json!(text));
        let findings = validate::check_json(&document, None).findings;
        let length = text.chars().count() as u64;
        let outside = field.min.is_some_and(|m| length < m) || field.max.is_some_and(|m| length > m);
        let reported = findings.iter().any(|f| f.pointer == pointer && f.rule == "R-MODEL-LEN");
        prop_assert_eq!(reported, outside);
    }
}

/// The case proptest found (2026-12-06): a whole number past 64 bits in an integer setting is
/// out of range, which the property once expected to be a type error.
#[test]
fn a_whole_number_past_64_bits_is_out_of_range() {
    let field = FIELDS
        .iter()
        .find(|f| f.path == "Policies.PasswordPolicy.MinimumLength")
        .expect("in the table");
    let (document, pointer) = place(field.path, json!(2.165813309932774e24));
    let checked = validate::check_json(&document, None);
    let rules: Vec<&str> = checked
        .findings
        .iter()
        .filter(|f| f.pointer == pointer)
        .map(|f| f.rule)
        .collect();
    assert_eq!(rules, ["R-PWD-01"]);
    assert!(checked.request().is_none());
}
