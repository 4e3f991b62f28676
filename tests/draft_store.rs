//! Drafts kept across reloads: key naming, the versioned format, validation of what is read
//! back, what to write after an edit, and saved-at times.

use cognito_pool_console::draft_store::{
    current_key, earlier_key, iso_utc, key, key_for, plan_save, pool_id, pool_of_key, read_all,
    time_label, DecodeError, Save, StoredDraft, KEY_PREFIX, VERSION,
};
use serde_json::{json, Value};

const POOL: &str = "us-east-1_AbC123def";

fn stored() -> StoredDraft {
    StoredDraft {
        saved_at: 1_735_732_800_000,
        baseline: json!({ "UserPoolId": POOL, "MfaConfiguration": "OFF" }),
        draft: json!({ "UserPoolId": POOL, "MfaConfiguration": "OPTIONAL" }),
        rows: Vec::new(),
    }
}

#[test]
fn a_draft_is_keyed_by_the_pool_its_baseline_names() {
    assert_eq!(key(POOL), format!("cognito-pool-console/draft/{POOL}"));
    assert_eq!(key(""), "cognito-pool-console/draft/new");
    assert_eq!(key("  "), "cognito-pool-console/draft/new");
    assert_eq!(
        key(" eu-west-1_x "),
        "cognito-pool-console/draft/eu-west-1_x"
    );
    assert_eq!(key_for(&json!({ "UserPoolId": POOL })), key(POOL));
    assert_eq!(key_for(&json!({})), key(""));
    assert_eq!(key_for(&json!({ "UserPoolId": 12 })), key(""));
    assert_eq!(key_for(&json!([1])), key(""));
    assert_eq!(pool_id(&json!({ "UserPoolId": POOL })), POOL);
}

#[test]
fn only_this_consoles_keys_name_a_pool() {
    assert_eq!(pool_of_key(&key(POOL)), Some(POOL));
    assert_eq!(pool_of_key(&key("")), Some("new"));
    assert_eq!(pool_of_key(KEY_PREFIX), None);
    assert_eq!(pool_of_key("other-app/draft/x"), None);
    assert_eq!(pool_of_key("theme"), None);
}

#[test]
fn the_stored_format_is_versioned_json_with_four_members_and_rows_only_when_kept() {
    let text = stored().encode();
    assert_eq!(
        text,
        format!(
            r#"{{"version":1,"savedAt":1735732800000,"baseline":{{"MfaConfiguration":"OFF","UserPoolId":"{POOL}"}},"draft":{{"MfaConfiguration":"OPTIONAL","UserPoolId":"{POOL}"}}}}"#
        )
    );
    let value: Value = serde_json::from_str(&text).unwrap();
    let mut names: Vec<&String> = value.as_object().unwrap().keys().collect();
    names.sort();
    assert_eq!(names, ["baseline", "draft", "savedAt", "version"]);
    assert_eq!(value["version"], json!(VERSION));

    // Rows a key/value editor holds that the request cannot: a fifth member, read back as is.
    let with_rows = StoredDraft {
        rows: tag_rows(),
        ..stored()
    };
    let text = with_rows.encode();
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        value["rows"],
        json!({ "/UserPoolTags": [["team", "a"], ["team", "b"], ["", "no key yet"]] })
    );
    assert_eq!(StoredDraft::decode_entry(&key(POOL), &text), Ok(with_rows));
}

fn tag_rows() -> Vec<(String, Vec<(String, Value)>)> {
    vec![(
        "/UserPoolTags".to_owned(),
        vec![
            ("team".to_owned(), json!("a")),
            ("team".to_owned(), json!("b")),
            (String::new(), json!("no key yet")),
        ],
    )]
}

#[test]
fn rows_of_another_shape_are_an_error_that_names_the_member() {
    for rows in [
        r#"[]"#,
        r#"{"/UserPoolTags":{}}"#,
        r#"{"/UserPoolTags":[["k"]]}"#,
        r#"{"/UserPoolTags":[[1,"v"]]}"#,
    ] {
        let text = format!(
            r#"{{"version":1,"savedAt":5,"baseline":{{"UserPoolId":"{POOL}"}},"draft":{{"UserPoolId":"{POOL}"}},"rows":{rows}}}"#
        );
        match StoredDraft::decode(&text) {
            Err(error @ DecodeError::BadMember { member: "rows", .. }) => {
                assert!(error.to_string().contains("rows"), "{error}");
            }
            other => panic!("{rows}: {other:?}"),
        }
    }
}

#[test]
fn rows_the_request_cannot_hold_are_saved_even_when_the_request_is_unchanged() {
    let s = stored();
    // A tag row without a key changes nothing in the request, but it was typed.
    match plan_save(&s.baseline, &s.baseline, &tag_rows(), 3, &[]).as_slice() {
        [Save::Store { key: k, text }] => {
            let read = StoredDraft::decode_entry(k, text).unwrap();
            assert_eq!(read.rows, tag_rows());
            assert!(read.differs_from(&s.baseline, &s.baseline), "offered back");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_encoded_draft_reads_back_the_same() {
    let original = stored();
    assert_eq!(
        StoredDraft::decode(&original.encode()),
        Ok(original.clone())
    );
    assert_eq!(
        StoredDraft::decode_entry(&key(POOL), &original.encode()),
        Ok(original)
    );
    // A whole maximal request, with every kind of value.
    let maximal: Value =
        serde_json::from_str(include_str!("fixtures/maximal_request.json")).unwrap();
    let big = StoredDraft {
        saved_at: 0,
        baseline: json!({ "UserPoolId": pool_id(&maximal) }),
        draft: maximal,
        rows: Vec::new(),
    };
    assert_eq!(StoredDraft::decode(&big.encode()), Ok(big));
}

#[test]
fn members_beyond_the_five_are_dropped_when_read() {
    let text = format!(
        r#"{{"version":1,"savedAt":5,"baseline":{{"UserPoolId":"{POOL}"}},"draft":{{"UserPoolId":"{POOL}"}},"secretAccessKey":"x"}}"#
    );
    let read = StoredDraft::decode(&text).unwrap();
    assert!(!read.encode().contains("secretAccessKey"));
}

#[test]
fn corrupt_or_foreign_entries_are_errors_that_say_why() {
    let cases: &[(&str, DecodeError)] = &[
        ("{\"version\":1,", DecodeError::NotJson(String::new())),
        ("", DecodeError::NotJson(String::new())),
        ("[1,2]", DecodeError::NotAnObject),
        ("\"draft\"", DecodeError::NotAnObject),
        (r#"{"theme":"dark"}"#, DecodeError::NoVersion),
        (
            r#"{"version":2,"savedAt":1,"baseline":{},"draft":{}}"#,
            DecodeError::UnsupportedVersion("2".into()),
        ),
        (
            r#"{"version":"1","savedAt":1,"baseline":{},"draft":{}}"#,
            DecodeError::UnsupportedVersion("\"1\"".into()),
        ),
        (
            r#"{"version":1,"baseline":{},"draft":{}}"#,
            DecodeError::BadMember {
                member: "savedAt",
                expected: "a whole number of milliseconds",
            },
        ),
        (
            r#"{"version":1,"savedAt":-3,"baseline":{},"draft":{}}"#,
            DecodeError::BadMember {
                member: "savedAt",
                expected: "a whole number of milliseconds",
            },
        ),
        (
            r#"{"version":1,"savedAt":1.5,"baseline":{},"draft":{}}"#,
            DecodeError::BadMember {
                member: "savedAt",
                expected: "a whole number of milliseconds",
            },
        ),
        (
            r#"{"version":1,"savedAt":1,"baseline":[],"draft":{}}"#,
            DecodeError::BadMember {
                member: "baseline",
                expected: "a JSON object (a request body)",
            },
        ),
        (
            r#"{"version":1,"savedAt":1,"baseline":{}}"#,
            DecodeError::BadMember {
                member: "draft",
                expected: "a JSON object (a request body)",
            },
        ),
    ];
    for (text, expected) in cases {
        let error = StoredDraft::decode(text).expect_err(text);
        match (&error, expected) {
            (DecodeError::NotJson(why), DecodeError::NotJson(_)) => assert!(!why.is_empty()),
            _ => assert_eq!(&error, expected, "{text}"),
        }
        assert!(!error.to_string().is_empty());
    }
}

#[test]
fn an_entry_under_another_pools_key_is_refused() {
    let text = stored().encode();
    assert_eq!(
        StoredDraft::decode_entry(&key("eu-west-1_Other"), &text),
        Err(DecodeError::WrongKey { pool: POOL.into() })
    );
    assert_eq!(
        StoredDraft::decode_entry(&key(""), &text),
        Err(DecodeError::WrongKey { pool: POOL.into() })
    );
}

#[test]
fn reading_storage_keeps_our_drafts_reports_our_broken_entries_and_skips_the_rest() {
    let good = stored();
    let read = read_all(vec![
        ("theme".into(), "dark".into()),
        (key(""), "{not json".into()),
        (key(POOL), good.encode()),
        ("other/draft/x".into(), "{}".into()),
    ]);
    assert_eq!(read.drafts, [(key(POOL), good)]);
    assert_eq!(read.ignored.len(), 1);
    assert_eq!(read.ignored[0].0, key(""));
    assert!(matches!(read.ignored[0].1, DecodeError::NotJson(_)));
}

#[test]
fn an_edited_draft_is_stored_under_its_baselines_key() {
    let s = stored();
    match plan_save(&s.baseline, &s.draft, &[], s.saved_at, &[]).as_slice() {
        [Save::Store { key: k, text }] => {
            assert_eq!(*k, key(POOL));
            assert_eq!(StoredDraft::decode_entry(k, text), Ok(s.clone()));
        }
        other => panic!("{other:?}"),
    }
    // Typing a new pool id in the draft does not move it: the baseline names the key.
    let renamed = json!({ "UserPoolId": "eu-west-1_New" });
    assert!(matches!(
        plan_save(&s.baseline, &renamed, &[], 1, &[]).as_slice(),
        [Save::Store { key: k, .. }] if *k == key(POOL)
    ));
}

#[test]
fn a_draft_without_changes_removes_its_entry() {
    let body = json!({ "UserPoolId": "" });
    assert_eq!(
        plan_save(&body, &body.clone(), &[], 1, &[]),
        [Save::Remove { key: key("") }]
    );
}

#[test]
fn an_entry_still_offered_back_is_set_aside_before_this_visits_draft_takes_its_key() {
    let earlier = stored();
    let undecided = vec![(key(POOL), earlier.clone())];
    // This visit's edits of the same pool.
    let now = json!({ "UserPoolId": POOL, "MfaConfiguration": "ON" });
    let plan = plan_save(&earlier.baseline, &now, &[], 9, &undecided);
    let aside = earlier_key(&key(POOL), earlier.saved_at);
    assert_eq!(aside, format!("{}~{}", key(POOL), earlier.saved_at));
    match plan.as_slice() {
        [Save::SetAside { from, to, text }, Save::Store {
            key: k,
            text: current,
        }] => {
            assert_eq!(*from, key(POOL));
            assert_eq!(*to, aside);
            // The earlier entry reads back unchanged under its own key...
            assert_eq!(StoredDraft::decode_entry(to, text), Ok(earlier.clone()));
            // ...and this visit's draft under the pool's current key.
            let current = StoredDraft::decode_entry(k, current).expect("this visit's entry");
            assert_eq!(*k, key(POOL));
            assert_eq!((current.saved_at, current.draft), (9, now.clone()));
        }
        other => panic!("{other:?}"),
    }
    // A draft without changes writes nothing while the earlier entry is offered: removing the
    // pool's entry would remove it.
    assert_eq!(
        plan_save(&earlier.baseline, &earlier.baseline, &[], 9, &undecided),
        []
    );
    // Other pools' undecided entries do not hold this one back.
    let elsewhere = vec![(key(""), earlier.clone())];
    assert!(matches!(
        plan_save(&earlier.baseline, &earlier.draft, &[], 9, &elsewhere).as_slice(),
        [Save::Store { .. }]
    ));
    // A set-aside key already taken by another offered entry is never reused.
    let both = vec![
        (key(POOL), earlier.clone()),
        (aside.clone(), earlier.clone()),
    ];
    match plan_save(&earlier.baseline, &now, &[], 9, &both).as_slice() {
        [Save::SetAside { to, .. }, Save::Store { .. }] => {
            assert_eq!(*to, earlier_key(&key(POOL), earlier.saved_at + 1));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn set_aside_keys_name_their_pool_and_are_read_back() {
    let earlier = stored();
    let aside = earlier_key(&key(POOL), 42);
    assert_eq!(current_key(&aside), key(POOL));
    assert_eq!(current_key(&key(POOL)), key(POOL));
    assert_eq!(pool_of_key(&aside), Some(POOL));
    assert_eq!(pool_of_key(&earlier_key(&key(""), 7)), Some("new"));
    // Setting aside a set-aside entry again keeps one suffix.
    assert_eq!(earlier_key(&aside, 43), earlier_key(&key(POOL), 43));
    // Only `~` and digits make a suffix.
    assert_eq!(
        current_key("cognito-pool-console/draft/x~"),
        "cognito-pool-console/draft/x~"
    );
    assert_eq!(
        current_key("cognito-pool-console/draft/x~1a"),
        "cognito-pool-console/draft/x~1a"
    );
    let read = read_all(vec![
        (aside.clone(), earlier.encode()),
        (key(POOL), earlier.encode()),
    ]);
    assert_eq!(
        read.drafts,
        [
            (key(POOL), earlier.clone()),
            (aside.clone(), earlier.clone())
        ]
    );
    // A set-aside entry of another pool is refused like any entry under the wrong key.
    assert_eq!(
        StoredDraft::decode_entry(&earlier_key(&key("eu-west-1_Other"), 1), &earlier.encode()),
        Err(DecodeError::WrongKey { pool: POOL.into() })
    );
}

#[test]
fn a_stored_draft_knows_whether_it_differs_and_how_much_it_changes() {
    let s = stored();
    assert!(!s.differs_from(&s.baseline, &s.draft));
    assert!(s.differs_from(&s.baseline, &s.baseline));
    assert!(s.differs_from(&json!({ "UserPoolId": "" }), &s.draft));
    assert_eq!(s.change_count(), 1);
    assert_eq!(s.pool_id(), POOL);
}

#[test]
fn saved_at_times_read_in_local_time() {
    // 2025-01-01T12:00:00Z
    let noon = 1_735_732_800_000;
    assert_eq!(iso_utc(noon), "2025-01-01T12:00:00Z");
    assert_eq!(time_label(noon, 0), "2025-01-01 12:00");
    assert_eq!(time_label(noon, 120), "2025-01-01 14:00");
    assert_eq!(time_label(noon, -13 * 60), "2024-12-31 23:00");
    assert_eq!(time_label(noon, 5 * 60 + 30), "2025-01-01 17:30");
    assert_eq!(iso_utc(0), "1970-01-01T00:00:00Z");
    // Leap days, and a century that is not a leap year.
    assert_eq!(iso_utc(951_782_400_000), "2000-02-29T00:00:00Z");
    assert_eq!(iso_utc(1_709_208_000_999), "2024-02-29T12:00:00Z");
    assert_eq!(iso_utc(4_107_542_400_000), "2100-03-01T00:00:00Z");
    assert_eq!(time_label(0, -60), "1969-12-31 23:00");
}
