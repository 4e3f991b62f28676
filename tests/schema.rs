//! The field table against the service model: exactly the 115 request paths, with the model's
//! types, required-ness, bounds, patterns and enums.

use std::collections::BTreeSet;

use cognito_pool_console::pattern::Pattern;
use cognito_pool_console::schema::{self, Group, Shape, Widget, FIELDS};
use serde_json::Value;

/// The facts of every model path (type, required, min, max, pattern, enum, legacy), extracted
/// from the botocore 1.44.5 service model without its documentation text.
fn model() -> Vec<Value> {
    let text = include_str!("fixtures/model_paths.json");
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(paths)) => paths,
        other => panic!("fixture is not a JSON array: {other:?}"),
    }
}

#[test]
fn table_covers_exactly_the_model_paths() {
    let expected: BTreeSet<&str> = include_str!("fixtures/model_paths.txt").lines().collect();
    assert_eq!(expected.len(), 115);
    let table: Vec<&str> = FIELDS.iter().map(|f| f.path).collect();
    let unique: BTreeSet<&str> = table.iter().copied().collect();
    assert_eq!(
        unique.len(),
        table.len(),
        "a path appears twice in the table"
    );
    let missing: Vec<_> = expected.difference(&unique).collect();
    let extra: Vec<_> = unique.difference(&expected).collect();
    assert!(
        missing.is_empty(),
        "paths missing from the table: {missing:?}"
    );
    assert!(
        extra.is_empty(),
        "paths in the table but not in the model: {extra:?}"
    );
}

#[test]
fn table_facts_match_the_model() {
    for entry in model() {
        let path = entry["path"].as_str().unwrap_or_default();
        let field = schema::field(path).unwrap_or_else(|| panic!("{path} not in table"));
        let shape = match entry["type"].as_str() {
            Some("string") => Shape::String,
            Some("integer") => Shape::Integer,
            Some("boolean") => Shape::Boolean,
            Some("structure") => Shape::Structure,
            Some("list") => Shape::List,
            Some("map") => Shape::Map,
            other => panic!("{path}: unexpected type {other:?}"),
        };
        assert_eq!(field.shape, shape, "{path}: shape");
        assert_eq!(
            field.required,
            entry["required"] == Value::Bool(true),
            "{path}: required"
        );
        assert_eq!(field.min, entry["min"].as_u64(), "{path}: min");
        assert_eq!(field.max, entry["max"].as_u64(), "{path}: max");
        assert_eq!(
            field.pattern.map(Pattern::source),
            entry["pattern"].as_str(),
            "{path}: pattern"
        );
        let values: Vec<&str> = entry["enum"]
            .as_array()
            .map(|v| v.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        assert_eq!(field.values, values.as_slice(), "{path}: enum");
        assert_eq!(
            field.legacy,
            entry["legacy"] == Value::Bool(true),
            "{path}: legacy"
        );
    }
}

#[test]
fn every_entry_has_a_label_and_help_and_a_fitting_widget() {
    for field in FIELDS {
        assert!(!field.label.trim().is_empty(), "{}: no label", field.path);
        assert!(field.help.len() > 20, "{}: help too short", field.path);
        let fits = match field.widget {
            Widget::Text | Widget::Template => {
                field.shape == Shape::String && field.values.is_empty()
            }
            Widget::Select => field.shape == Shape::String && !field.values.is_empty(),
            Widget::Integer => field.shape == Shape::Integer,
            Widget::TriState => field.shape == Shape::Boolean,
            Widget::MultiSelect => {
                field.shape == Shape::List
                    && field.child("[]").is_some_and(|i| !i.values.is_empty())
            }
            Widget::TextList => {
                field.shape == Shape::List
                    && field.child("[]").is_some_and(|i| i.shape == Shape::String)
            }
            Widget::RecordList => {
                field.shape == Shape::List
                    && field
                        .child("[]")
                        .is_some_and(|i| i.shape == Shape::Structure)
            }
            Widget::KeyValue => field.shape == Shape::Map,
            Widget::Section => field.shape == Shape::Structure,
            Widget::Item => field.path.ends_with("[]") || field.path.ends_with('}'),
        };
        assert!(
            fits,
            "{}: widget {:?} does not fit shape {:?}",
            field.path, field.widget, field.shape
        );
    }
}

#[test]
fn siblings_have_distinct_labels_and_parents_come_first() {
    for (index, field) in FIELDS.iter().enumerate() {
        if let Some(parent) = field.parent() {
            let at = FIELDS.iter().position(|f| f.path == parent);
            assert!(
                at.is_some_and(|at| at < index),
                "{}: parent {parent} must come before it",
                field.path
            );
        }
        for sibling in FIELDS
            .iter()
            .filter(|f| f.parent() == field.parent() && f.path != field.path)
        {
            assert_ne!(
                sibling.label, field.label,
                "{} and {} share a label",
                field.path, sibling.path
            );
        }
    }
}

#[test]
fn the_four_legacy_fields_are_marked() {
    let legacy: Vec<&str> = FIELDS.iter().filter(|f| f.legacy).map(|f| f.path).collect();
    assert_eq!(
        legacy,
        [
            "SmsVerificationMessage",
            "EmailVerificationMessage",
            "EmailVerificationSubject",
            "AdminCreateUserConfig.UnusedAccountValidityDays"
        ]
    );
}

#[test]
fn groups_partition_the_table_and_top_level_members_are_25() {
    assert_eq!(schema::top_level().count(), 25);
    let grouped: usize = Group::ALL.iter().map(|g| g.fields().count()).sum();
    assert_eq!(grouped, FIELDS.len());
    for group in Group::ALL {
        assert!(group.fields().next().is_some(), "{group:?} is empty");
        // A nested entry sits in the group of its top-level member.
        for field in group.fields() {
            let mut top = field.path;
            while let Some(parent) = schema::parent_of(top) {
                top = parent;
            }
            assert_eq!(
                schema::field(top).map(|f| f.group),
                Some(group),
                "{}",
                field.path
            );
        }
    }
    let anchors: BTreeSet<&str> = Group::ALL.iter().map(|g| g.anchor()).collect();
    assert_eq!(anchors.len(), Group::ALL.len());
}

#[test]
fn path_helpers_follow_the_model_notation() {
    assert_eq!(schema::parent_of("A.B.C"), Some("A.B"));
    assert_eq!(schema::parent_of("A.B[]"), Some("A.B"));
    assert_eq!(schema::parent_of("A{key}"), Some("A"));
    assert_eq!(schema::parent_of("A{value}.X"), Some("A{value}"));
    assert_eq!(schema::parent_of("A"), None);
    let acr = schema::field("AcrConfiguration{value}.AcrValue").map(|f| (f.name(), f.depth()));
    assert_eq!(acr, Some(("AcrValue", 2)));
    let item =
        schema::field("AccountRecoverySetting.RecoveryMechanisms[]").map(|f| (f.name(), f.depth()));
    assert_eq!(item, Some(("[]", 2)));
}

#[test]
fn labels_and_paths_are_ascii_so_the_form_folds_their_case_as_ascii() {
    // `form::matches_filter` and the collection editors' nouns fold case with ASCII rules.
    for field in FIELDS {
        assert!(
            field.label.is_ascii(),
            "label of {}: {}",
            field.path,
            field.label
        );
        assert!(field.path.is_ascii(), "path {}", field.path);
    }
}
