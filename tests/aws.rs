//! The pure parts of talking to Cognito: timestamps, endpoints, framing and reading the three
//! operations, listing every page, and the apply decisions (risks, rebase, verification).

#![cfg(not(target_arch = "wasm32"))] // proptest is a native-only dev-dependency

use cognito_pool_console::aws::api::{self, Endpoint, Listing, Operation};
use cognito_pool_console::aws::apply::{self, differences, rebase, risks, same, verify};
use cognito_pool_console::aws::sign::{escaped, Key};
use cognito_pool_console::aws::time::*;
use cognito_pool_console::diff;
use proptest::prelude::*;
use serde_json::{json, Value};

// ---- time ---------------------------------------------------------------------------------

#[test]
fn iso8601_forms_of_the_cli_and_sdks_are_read() {
    let t = 1_795_305_600_000; // 2026-11-22T00:00:00Z
    assert_eq!(parse_iso8601("2026-11-22T00:00:00Z"), Some(t));
    assert_eq!(parse_iso8601("2026-11-22T00:00:00+00:00"), Some(t));
    assert_eq!(parse_iso8601(" 2026-11-22 01:30:00+01:30 "), Some(t));
    assert_eq!(parse_iso8601("2026-11-21T19:00:00-0500"), Some(t));
    assert_eq!(parse_iso8601("2026-11-22T00:00:00.123456Z"), Some(t + 123));
    assert_eq!(parse_iso8601("2026-11-22T00:00:00.5"), Some(t + 500));
    for bad in [
        "",
        "2026-11-22",
        "2026-13-01T00:00:00Z",
        "2026-02-29T00:00:00Z",
        "2026-11-22T24:00:00Z",
        "2026-11-22T00:00:00+25:00",
        "2026-11-22T00:00:00.Z",
        "２０２６-11-22T00:00:00Z",
    ] {
        assert_eq!(parse_iso8601(bad), None, "{bad}");
    }
    assert!(parse_iso8601("2028-02-29T00:00:00Z").is_some());
    assert_eq!(format_iso8601(t + 61_999), "2026-11-22T00:01:01Z");
}

#[test]
fn http_and_amz_dates_are_read_and_written() {
    let t = parse_iso8601("2026-11-22T02:04:49Z").unwrap();
    assert_eq!(parse_http_date("Sun, 22 Nov 2026 02:04:49 GMT"), Some(t));
    assert_eq!(parse_http_date("Sun, 22 Nov 2026 02:04:49 UTC"), None);
    assert_eq!(parse_http_date("22 Nov 2026 02:04:49 GMT"), None);
    assert_eq!(parse_amz_date("20261122T020449Z"), Some(t));
    assert_eq!(format_amz_date(t), "20261122T020449Z");
    assert_eq!(parse_amz_date("20261122T020449"), None);
    assert_eq!(format_remaining(3_725_000), "1 h 02 min");
    assert_eq!(format_remaining(59_000), "59 s");
    assert_eq!(format_remaining(-5), "0 s");
}

proptest! {
    #[test]
    fn dates_round_trip_through_every_form(secs in -2_000_000_000i64..10_000_000_000) {
        let ms = secs * 1000;
        prop_assert_eq!(parse_iso8601(&format_iso8601(ms)), Some(ms));
        prop_assert_eq!(parse_amz_date(&format_amz_date(ms)), Some(ms));
        let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
        prop_assert_eq!(days_from_civil(y, m, d), secs.div_euclid(86_400));
    }

    #[test]
    fn date_readers_never_panic(s in "\\PC{0,40}") {
        let _ = (parse_iso8601(&s), parse_http_date(&s), parse_amz_date(&s));
    }
}

// ---- what the signer's messages show ------------------------------------------------------

proptest! {
    #[test]
    fn escaped_text_is_written_as_the_standard_library_writes_it(s in "\\PC{0,24}|[\\x00-\\x7f\\u{80}-\\u{10ffff}]{0,24}") {
        prop_assert_eq!(escaped(&s), s.escape_default().to_string());
    }
}

// ---- endpoints ----------------------------------------------------------------------------

#[test]
fn regional_endpoints_follow_the_partition() {
    assert_eq!(
        Endpoint::for_region("eu-west-3").unwrap().url,
        "https://cognito-idp.eu-west-3.amazonaws.com/"
    );
    assert_eq!(
        Endpoint::for_region("cn-north-1").unwrap().url,
        "https://cognito-idp.cn-north-1.amazonaws.com.cn/"
    );
    let err = Endpoint::for_region("eu_west").unwrap_err();
    assert!(err.0.contains("not a Region code"), "{err}");
}

#[test]
fn custom_endpoints_are_this_machine_or_cognito_as_the_page_policy_allows() {
    assert_eq!(
        Endpoint::custom("http://127.0.0.1:4566").unwrap().url,
        "http://127.0.0.1:4566/"
    );
    assert_eq!(
        Endpoint::custom(" HTTP://LocalHost:9229/ ").unwrap().url,
        "http://localhost:9229/"
    );
    assert_eq!(
        Endpoint::custom("https://moto.localhost:8443/x/")
            .unwrap()
            .url,
        "https://moto.localhost:8443/x/"
    );
    assert_eq!(
        Endpoint::custom("https://cognito-idp.eu-west-3.amazonaws.com")
            .unwrap()
            .url,
        "https://cognito-idp.eu-west-3.amazonaws.com/"
    );
    for refused in [
        "http://10.0.0.5:4566",
        "http://127.0.0.1.evil.com/",
        "http://[::1]:4566",
        "https://vpce-1.example.com/",
        "http://cognito-idp.eu-west-3.amazonaws.com/",
        "https://cognito-idp.evil.amazonaws.com/",
    ] {
        let err = Endpoint::custom(refused).unwrap_err();
        assert!(
            err.0.contains("may send requests only to"),
            "{refused}: {err}"
        );
    }
    assert!(Endpoint::custom("127.0.0.1:4566")
        .unwrap_err()
        .0
        .contains("not a URL"));
    assert!(Endpoint::custom("ftp://127.0.0.1/").is_err());
    assert!(Endpoint::custom("https://user@localhost/").is_err());
    assert!(Endpoint::custom("https://localhost/?a=1").is_err());
    assert!(Endpoint::custom("https://").is_err());
}

// ---- framing ------------------------------------------------------------------------------

#[test]
fn a_call_is_posted_as_aws_json_with_its_target_and_signature() {
    let endpoint = Endpoint::for_region("us-east-1").unwrap();
    let key = Key {
        access_key_id: "ASIAEXAMPLEEXAMPLE",
        secret_access_key: "s3cr3t/+",
        session_token: Some("tok"),
    };
    let body = api::describe_body("us-east-1_abc");
    let prepared = api::prepare(
        Operation::DescribeUserPool,
        &endpoint,
        "us-east-1",
        key,
        body.clone(),
        1_795_305_600_000,
    )
    .unwrap();
    let get = |n: &str| {
        prepared
            .headers
            .iter()
            .find(|(k, _)| k == n)
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(prepared.url, endpoint.url);
    assert_eq!(prepared.body, body);
    assert_eq!(get("content-type"), Some("application/x-amz-json-1.1"));
    assert_eq!(
        get("x-amz-target"),
        Some("AWSCognitoIdentityProviderService.DescribeUserPool")
    );
    assert_eq!(get("x-amz-date"), Some("20261122T000000Z"));
    assert_eq!(get("x-amz-security-token"), Some("tok"));
    let auth = get("authorization").unwrap();
    assert!(auth.starts_with("AWS4-HMAC-SHA256 Credential=ASIAEXAMPLEEXAMPLE/20261122/us-east-1/cognito-idp/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, Signature="), "{auth}");
    let debug = format!("{prepared:?}");
    assert!(
        !debug.contains("tok\"") && !debug.contains("Signature="),
        "{debug}"
    );
    let body: Value = serde_json::from_str(&api::list_body(Some("t1"))).unwrap();
    assert_eq!(body, json!({"MaxResults": 60, "NextToken": "t1"}));
}

#[test]
fn list_pages_are_read_and_chained_until_the_last() {
    let page1 = api::read_list_page(r#"{"UserPools":[{"Id":"us-east-1_a","Name":"one","LastModifiedDate":1.70057487574E9,"LambdaConfig":{}}],"NextToken":"n1"}"#).unwrap();
    assert_eq!(page1.pools[0].last_modified, Some(1_700_574_875_740));
    let page2 = api::read_list_page(
        r#"{"UserPools":[{"Id":"us-east-1_b","Name":"two","CreationDate":1795312715.956}]}"#,
    )
    .unwrap();
    let mut listing = Listing::default();
    assert_eq!(listing.add(page1.clone()), Ok(Some("n1".into())));
    assert_eq!(listing.add(page2), Ok(None));
    assert_eq!(
        listing
            .pools
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>(),
        ["one", "two"]
    );
    let err = listing.add(page1).unwrap_err();
    assert!(err.0.contains("same page token twice"), "{err}");
    assert_eq!(api::read_list_page("{}").unwrap().pools, []);
    assert!(api::read_list_page(r#"{"UserPools":[{"Name":"x"}]}"#)
        .unwrap_err()
        .0
        .contains("no Id"));
    assert!(api::read_list_page("<html>")
        .unwrap_err()
        .0
        .contains("not JSON"));
}

#[test]
fn listing_stops_at_the_page_limit_and_keeps_what_it_read() {
    let mut listing = Listing::default();
    let mut stopped = None;
    for i in 0..api::MAX_PAGES + 5 {
        let page = api::ListPage {
            pools: vec![api::PoolSummary {
                id: format!("us-east-1_{i}"),
                name: String::new(),
                last_modified: None,
            }],
            next_token: Some(format!("t{i}")),
        };
        if let Err(e) = listing.add(page) {
            stopped = Some((i, e));
            break;
        }
    }
    let (at, err) = stopped.expect("the listing must stop");
    assert_eq!(at + 1, api::MAX_PAGES);
    assert_eq!(listing.pools.len(), api::MAX_PAGES);
    assert!(err.0.contains("Type the pool ID"), "{err}");
}

#[test]
fn describe_and_update_results_are_read() {
    let v = api::read_describe(r#"{"UserPool":{"Id":"us-east-1_a"}}"#).unwrap();
    assert_eq!(v["UserPool"]["Id"], "us-east-1_a");
    assert!(api::read_describe("{}")
        .unwrap_err()
        .0
        .contains("no UserPool"));
    assert!(api::read_describe("[1]")
        .unwrap_err()
        .0
        .contains("not an object"));
    assert_eq!(api::read_update(""), Ok(()));
    assert_eq!(api::read_update("{}"), Ok(()));
    assert!(api::read_update("OK").is_err());
}

// ---- apply decisions ----------------------------------------------------------------------

#[test]
fn same_ignores_number_form_and_order_of_plain_lists() {
    assert!(same(&json!(12), &json!(12.0)));
    assert!(same(
        &json!(["email", "phone_number"]),
        &json!(["phone_number", "email"])
    ));
    assert!(!same(&json!(["email"]), &json!(["email", "email"])));
    assert!(!same(
        &json!([{"Priority":1},{"Priority":2}]),
        &json!([{"Priority":2},{"Priority":1}])
    ));
    assert!(!same(&json!({"a":1}), &json!({"a":1,"b":2})));
    assert!(!same(&json!("1"), &json!(1)));
}

fn pool() -> Value {
    json!({
        "UserPoolId": "us-east-1_a",
        "Policies": {"PasswordPolicy": {"MinimumLength": 8, "RequireSymbols": true}},
        "DeletionProtection": "ACTIVE",
        "MfaConfiguration": "OFF",
        "AutoVerifiedAttributes": ["email"],
        "UserPoolTags": {"team": "id"}
    })
}

#[test]
fn risky_changes_are_named_once_each() {
    let mut draft = pool();
    draft["DeletionProtection"] = json!("INACTIVE");
    draft["MfaConfiguration"] = json!("ON");
    draft["EmailConfiguration"] = json!({"EmailSendingAccount": "DEVELOPER"});
    draft["SmsConfiguration"] = json!({"SnsCallerArn": "arn:aws:iam::1:role/x"});
    draft["Policies"]["PasswordPolicy"]["MinimumLength"] = json!(10);
    let found: Vec<&str> = risks(&diff::changes(&pool(), &draft))
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(found, ["deletion-protection", "mfa", "sending"]);
    let mut on = pool();
    on["DeletionProtection"] = json!("INACTIVE");
    assert!(
        risks(&diff::changes(&on, &pool())).is_empty(),
        "switching protection on is not a risk"
    );
    let mut no_tags = pool();
    no_tags["UserPoolTags"]["team"] = json!("other");
    assert!(risks(&diff::changes(&pool(), &no_tags)).is_empty());
}

#[test]
fn edits_move_onto_a_pool_that_changed_elsewhere() {
    let loaded = pool();
    let mut draft = pool();
    draft["Policies"]["PasswordPolicy"]["MinimumLength"] = json!(12);
    draft["UserPoolTags"]["team"] = json!("mine");
    let mut fresh = pool();
    fresh["MfaConfiguration"] = json!("OPTIONAL");
    fresh["UserPoolTags"]["team"] = json!("theirs");
    fresh["UserPoolTags"]["cost"] = json!("42");

    assert_eq!(differences(&loaded, &fresh).len(), 3);
    let rebased = rebase(&loaded, &draft, &fresh);
    assert_eq!(
        rebased.draft["MfaConfiguration"], "OPTIONAL",
        "their change is kept"
    );
    assert_eq!(rebased.draft["UserPoolTags"]["cost"], "42");
    assert_eq!(
        rebased.draft["Policies"]["PasswordPolicy"]["MinimumLength"], 12,
        "my change is kept"
    );
    assert_eq!(rebased.draft["UserPoolTags"]["team"], "mine");
    assert_eq!(rebased.overlaps.len(), 1);
    assert_eq!(rebased.overlaps[0].pointer, "/UserPoolTags/team");
    assert_eq!(rebased.overlaps[0].before, Some(json!("theirs")));
    assert_eq!(rebased.overlaps[0].after, Some(json!("mine")));

    // Removing a setting is an edit too; the same edit on both sides is no overlap.
    let mut removes = pool();
    removes.as_object_mut().unwrap().remove("UserPoolTags");
    let mut fresh2 = pool();
    fresh2.as_object_mut().unwrap().remove("UserPoolTags");
    fresh2["MfaConfiguration"] = json!("ON");
    let r = rebase(&loaded, &removes, &fresh2);
    assert!(r.overlaps.is_empty());
    assert!(r.draft.get("UserPoolTags").is_none());
    assert_eq!(r.draft["MfaConfiguration"], "ON");
}

#[test]
fn verification_lists_what_did_not_take_and_what_cognito_filled_in() {
    let sent = pool();
    let mut now = pool();
    now["Policies"]["PasswordPolicy"]["MinimumLength"] = json!(8.0);
    now["AutoVerifiedAttributes"] = json!(["email"]);
    now["EmailConfiguration"] = json!({"EmailSendingAccount": "COGNITO_DEFAULT"});
    assert!(verify(&sent, &now).verified());
    assert_eq!(verify(&sent, &now).filled_in.len(), 1);
    now["DeletionProtection"] = json!("INACTIVE");
    now.as_object_mut().unwrap().remove("UserPoolTags");
    let v = verify(&sent, &now);
    assert!(!v.verified());
    let pointers: Vec<&str> = v.not_applied.iter().map(|c| c.pointer.as_str()).collect();
    assert_eq!(pointers, ["/DeletionProtection", "/UserPoolTags/team"]);
    assert_eq!(v.not_applied[0].before, Some(json!("ACTIVE")));
    assert_eq!(v.not_applied[0].after, Some(json!("INACTIVE")));
    let _ = apply::Verification::default();
}
