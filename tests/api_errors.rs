//! Failed calls: reading AWS's error responses into kinds (`src/aws/error.rs`), what the admin is
//! told, retries with backoff (`src/aws/retry.rs`) and the clock offset (`src/aws/clock.rs`).
//!
//! The response shapes are the ones recorded in `shared/reference/peer.md`: the real service's
//! JSON errors quoted in public issues, the clock-skew messages of AWS JSON services, moto's own
//! JSON `ResourceNotFoundException`, moto's raw XML 403s, and what the test peer's wrapper sends.
//! Times are written out as epoch milliseconds computed independently (Python's
//! `calendar.timegm`), not with the crate's own parser.

#![cfg(not(target_arch = "wasm32"))] // proptest is a native-only dev-dependency

use std::collections::HashSet;

use cognito_pool_console::aws::clock::{Clock, SKEW_ERROR_THRESHOLD, SKEW_THRESHOLD};
use cognito_pool_console::aws::error::{ApiError, ErrorKind};
use cognito_pool_console::aws::retry::Backoff;
use proptest::prelude::*;
use serde_json::Value;

use ErrorKind as K;

const MIN: i64 = 60_000;
/// 2019-04-30T10:59:09Z, the server's time in the Rekognition "Signature expired" message.
const REKOGNITION_NOW: i64 = 1_556_621_949_000;
/// 2026-11-22T02:04:49Z, the peer's time in its "Signature not yet current" message.
const PEER_NOW: i64 = 1_795_313_089_000;

const EXPIRED: &str = "Signature expired: 20190430T075732Z is now earlier than 20190430T105409Z \
                       (20190430T105909Z - 5 min.)";
const NOT_YET: &str = "Signature not yet current: 20261122T021049Z is still later than \
                       20261122T020949Z (20261122T020449Z + 5 min.)";

/// A JSON 1.1 error body as Cognito sends it.
fn body(code: &str, message: &str) -> String {
    serde_json::json!({ "__type": code, "message": message }).to_string()
}

/// A 400 error response with a JSON body and a request id.
fn aws(code: &str, message: &str) -> ApiError {
    ApiError::from_response(400, None, Some("req-1"), &body(code, message))
}

#[test]
fn every_update_user_pool_exception_has_its_kind_and_keeps_code_message_and_ids() {
    let cases = [
        ("ConcurrentModificationException", K::ConcurrentModification),
        (
            "FeatureUnavailableInTierException",
            K::FeatureUnavailableInTier,
        ),
        ("InternalErrorException", K::InternalError),
        (
            "InvalidEmailRoleAccessPolicyException",
            K::InvalidEmailRoleAccessPolicy,
        ),
        ("InvalidParameterException", K::InvalidParameter),
        (
            "InvalidSmsRoleAccessPolicyException",
            K::InvalidSmsRoleAccessPolicy,
        ),
        (
            "InvalidSmsRoleTrustRelationshipException",
            K::InvalidSmsRoleTrustRelationship,
        ),
        ("NotAuthorizedException", K::NotAuthorized),
        ("ResourceNotFoundException", K::ResourceNotFound),
        ("TierChangeNotAllowedException", K::TierChangeNotAllowed),
        ("TooManyRequestsException", K::TooManyRequests),
        ("UserImportInProgressException", K::UserImportInProgress),
        ("UserPoolTaggingException", K::UserPoolTagging),
    ];
    for (code, kind) in cases {
        let message = format!("Text of {code}: keep \"quotes\" and  double  spaces.");
        let e = ApiError::from_response(400, None, Some(" abc-123 "), &body(code, &message));
        assert_eq!(e.kind, kind, "{code}");
        assert_eq!(e.code, code);
        assert_eq!(e.message, message, "the message is AWS's, verbatim");
        assert_eq!(e.status, Some(400));
        assert_eq!(e.request_id.as_deref(), Some("abc-123"));
        assert_eq!(ErrorKind::from_code(code), kind);
    }
}

#[test]
fn real_service_and_peer_authentication_failures() {
    let cases = [
        (
            "UnrecognizedClientException",
            "The security token included in the request is invalid.",
            K::UnrecognizedClient,
        ),
        (
            "InvalidSignatureException",
            "The request signature we calculated does not match the signature you provided. \
             Check your AWS Secret Access Key and signing method.",
            K::InvalidSignature,
        ),
        ("InvalidSignatureException", EXPIRED, K::InvalidSignature),
        (
            "IncompleteSignatureException",
            "Authorization header requires 'Credential' parameter.",
            K::IncompleteSignature,
        ),
        (
            "ExpiredTokenException",
            "The security token included in the request is expired",
            K::ExpiredToken,
        ),
        (
            "AccessDeniedException",
            "User: arn:aws:sts::123456789012:assumed-role/peer-readonly/browser is not \
             authorized to perform: cognito-idp:UpdateUserPool",
            K::AccessDenied,
        ),
        (
            "MissingAuthenticationTokenException",
            "Missing Authentication Token",
            K::MissingAuthenticationToken,
        ),
        ("ThrottlingException", "Rate exceeded", K::Throttling),
        (
            "ServiceUnavailableException",
            "Service unavailable",
            K::ServiceUnavailable,
        ),
    ];
    for (code, message, kind) in cases {
        let e = aws(code, message);
        assert_eq!(
            (e.kind, e.code.as_str(), e.message.as_str()),
            (kind, code, message)
        );
    }
}

#[test]
fn moto_resource_not_found_passes_through_as_is() {
    let raw = r#"{"__type": "ResourceNotFoundException", "message": "User pool us-east-1_nope does not exist."}"#;
    let e = ApiError::from_response(400, None, None, raw);
    assert_eq!(e.kind, K::ResourceNotFound);
    assert_eq!(e.message, "User pool us-east-1_nope does not exist.");
    assert_eq!(e.request_id, None);
}

#[test]
fn namespaced_types_are_cut_to_their_short_name() {
    let e = aws(
        "com.amazonaws.cognito.identity.idp.model#ResourceNotFoundException",
        "gone",
    );
    assert_eq!(
        (e.kind, e.code.as_str()),
        (K::ResourceNotFound, "ResourceNotFoundException")
    );
    let e = aws("aws.protocoltests#Foo", "odd");
    assert_eq!((e.kind, e.code.as_str()), (K::Unexpected, "Foo"));
    let e = aws(
        "InvalidParameterException:http://internal.amazon.com/coral/x/",
        "m",
    );
    assert_eq!(
        (e.kind, e.code.as_str()),
        (K::InvalidParameter, "InvalidParameterException")
    );
}

#[test]
fn the_error_type_header_is_used_when_the_body_has_no_type() {
    let header = "ResourceNotFoundException:http://internal.amazon.com/coral/com.amazonaws.cognito.identity.idp.model/";
    let e = ApiError::from_response(
        400,
        Some(header),
        Some("r"),
        r#"{"message":"User pool x does not exist."}"#,
    );
    assert_eq!(
        (e.kind, e.code.as_str()),
        (K::ResourceNotFound, "ResourceNotFoundException")
    );
    assert_eq!(e.message, "User pool x does not exist.");

    // Empty body (an API Gateway-style front end): the header alone decides.
    let e = ApiError::from_response(403, Some("MissingAuthenticationTokenException"), None, "");
    assert_eq!(e.kind, K::MissingAuthenticationToken);
    assert_eq!(e.message, "");

    // HTML body with the header: the header's type, the HTML as the message.
    let e = ApiError::from_response(
        403,
        Some("AccessDeniedException"),
        None,
        "<html>\n no \n</html>",
    );
    assert_eq!(
        (e.kind, e.message.as_str()),
        (K::AccessDenied, "<html> no </html>")
    );

    // When both say something, the body wins.
    let e = ApiError::from_response(
        400,
        Some("ThrottlingException"),
        None,
        &body("UserImportInProgressException", "busy"),
    );
    assert_eq!(e.kind, K::UserImportInProgress);
}

#[test]
fn capitalised_message_and_code_member_are_read() {
    let e = ApiError::from_response(
        400,
        None,
        None,
        r#"{"__type":"InvalidParameterException","Message":"1 validation error detected"}"#,
    );
    assert_eq!(
        (e.kind, e.message.as_str()),
        (K::InvalidParameter, "1 validation error detected")
    );
    let e = ApiError::from_response(400, None, None, r#"{"code":"TooManyRequestsException"}"#);
    assert_eq!((e.kind, e.message.as_str()), (K::TooManyRequests, ""));
}

#[test]
fn moto_xml_403s_are_read_by_their_code() {
    let xml = |code: &str, message: &str| {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ErrorResponse>\n  <Errors>\n    <Error>\n      \
             <Code>{code}</Code>\n      <Message>{message}</Message>\n    </Error>\n  </Errors>\n  \
             <RequestId>7a62c49f</RequestId>\n</ErrorResponse>"
        )
    };
    let cases = [
        ("SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.", K::InvalidSignature),
        ("InvalidClientTokenId", "The security token included in the request is invalid.", K::UnrecognizedClient),
        ("AccessDenied", "User: arn:aws:sts::123456789012:assumed-role/console/browser is not authorized to perform: cognito-idp:DeleteUserPool", K::AccessDenied),
    ];
    for (code, message, kind) in cases {
        let e = ApiError::from_response(403, None, None, &xml(code, message));
        assert_eq!(
            (e.kind, e.code.as_str(), e.message.as_str()),
            (kind, code, message)
        );
    }
    let e = ApiError::from_response(
        403,
        None,
        None,
        &xml("AccessDenied", "a &lt;b&gt; &amp; &quot;c&quot;"),
    );
    assert_eq!(e.message, "a <b> & \"c\"");
}

#[test]
fn bodies_that_are_not_json_are_not_json_unless_the_status_says_more() {
    let page = format!(
        "<!DOCTYPE html>\n<html>\n  <head><title>403 Forbidden</title></head>\n  <body>\t{}</body>\n</html>",
        "blocked ".repeat(60)
    );
    let e = ApiError::from_response(403, None, None, &page);
    assert_eq!(
        (e.kind, e.code.as_str(), e.status),
        (K::NotJson, "HTTP 403", Some(403))
    );
    assert!(e.message.starts_with(
        "<!DOCTYPE html> <html> <head><title>403 Forbidden</title></head> <body> blocked blocked"
    ));
    assert!(!e.message.contains('\n') && !e.message.contains('\t') && !e.message.contains("  "));
    assert_eq!(
        e.message.chars().count(),
        201,
        "200 characters and an ellipsis"
    );
    assert!(e.message.ends_with('…'));

    let short = ApiError::from_response(400, None, None, "Bad Request");
    assert_eq!(
        (short.kind, short.message.as_str()),
        (K::NotJson, "Bad Request")
    );
    let empty = ApiError::from_response(400, None, None, "");
    assert_eq!((empty.kind, empty.message.as_str()), (K::NotJson, ""));
    let array = ApiError::from_response(400, None, None, "[1, 2]");
    assert_eq!(array.kind, K::NotJson, "a JSON value that is not an object");
    let multibyte = ApiError::from_response(404, None, None, &"é".repeat(500));
    assert_eq!(multibyte.message.chars().count(), 201);

    let cases: [(u16, &str, ErrorKind); 7] = [
        (500, "", K::InternalError),
        (500, "{}", K::InternalError),
        (
            502,
            "<html><title>502 Bad Gateway</title></html>",
            K::InternalError,
        ),
        (504, "upstream timed out", K::InternalError),
        (
            503,
            "<html>Service Unavailable</html>",
            K::ServiceUnavailable,
        ),
        (429, "", K::Throttling),
        (429, "Too Many Requests", K::Throttling),
    ];
    for (status, text, kind) in cases {
        let e = ApiError::from_response(status, None, None, text);
        assert_eq!(e.kind, kind, "{status} {text}");
        assert_eq!(e.code, format!("HTTP {status}"));
        assert!(e.is_retryable(), "{status}");
    }
    let e = ApiError::from_response(500, None, None, &body("InternalErrorException", "boom"));
    assert_eq!(
        (e.kind, e.code.as_str()),
        (K::InternalError, "InternalErrorException")
    );

    let e = ApiError::from_response(400, None, None, r#"{"message":"something"}"#);
    assert_eq!(
        (e.kind, e.code.as_str(), e.message.as_str()),
        (K::Unexpected, "HTTP 400", "something")
    );
}

#[test]
fn unknown_codes_are_unexpected_and_keep_the_code() {
    let e = aws("LimitExceededException", "Limit exceeded for resource.");
    assert_eq!(
        (e.kind, e.code.as_str()),
        (K::Unexpected, "LimitExceededException")
    );
    assert!(e.to_string().contains("LimitExceededException"));
    assert!(!e.is_retryable());
}

#[test]
fn local_failures_have_no_status_but_keep_the_detail() {
    let e = ApiError::network("TypeError: Failed to fetch ");
    assert_eq!(
        (e.kind, e.code.as_str(), e.message.as_str()),
        (K::Network, "NetworkError", "TypeError: Failed to fetch")
    );
    assert_eq!((e.status, e.request_id.clone()), (None, None));
    let e = ApiError::timeout(30_000);
    assert_eq!(
        (e.kind, e.message.as_str(), e.status),
        (K::ClientTimeout, "No answer after 30 s.", None)
    );
    let e = ApiError::not_json(200, "<html>\n<body>Captive portal: sign in</body></html>");
    assert_eq!((e.kind, e.status), (K::NotJson, Some(200)));
    assert_eq!(
        e.message,
        "<html> <body>Captive portal: sign in</body></html>"
    );
    assert!(!e.is_retryable());
}

/// One realistic error of every kind (and the clock-skew case), with words its advice must hold.
fn one_of_each() -> Vec<(ApiError, Vec<&'static str>)> {
    let a = |code: &str| aws(code, "m");
    vec![
        (
            a("ConcurrentModificationException"),
            vec!["reload", "retries"],
        ),
        (
            a("FeatureUnavailableInTierException"),
            vec!["UserPoolTier", "PLUS"],
        ),
        (
            a("InternalErrorException"),
            vec!["not caused by your settings"],
        ),
        (
            a("InvalidEmailRoleAccessPolicyException"),
            vec![
                "email.cognito-idp.amazonaws.com",
                "ses:SendEmail",
                "ses:SendRawEmail",
                "SourceArn",
            ],
        ),
        (a("InvalidParameterException"), vec!["message", "fix"]),
        (
            a("InvalidSmsRoleAccessPolicyException"),
            vec!["sns:Publish"],
        ),
        (
            a("InvalidSmsRoleTrustRelationshipException"),
            vec![
                "sts:ExternalId",
                "sts:AssumeRole",
                "cognito-idp.amazonaws.com",
                "aws:SourceAccount",
                "aws:SourceArn",
            ],
        ),
        (a("NotAuthorizedException"), vec!["separate from IAM"]),
        (a("ResourceNotFoundException"), vec!["pool id", "region"]),
        (
            a("TierChangeNotAllowedException"),
            vec!["UserPoolTier", "separate apply"],
        ),
        (a("TooManyRequestsException"), vec!["retries", "quota"]),
        (a("UserImportInProgressException"), vec!["import job"]),
        (a("UserPoolTaggingException"), vec!["UserPoolTags"]),
        (
            a("UnrecognizedClientException"),
            vec!["session token", "partition", "typo"],
        ),
        (a("InvalidSignatureException"), vec!["secret access key"]),
        (a("IncompleteSignatureException"), vec!["access key id"]),
        (
            a("ExpiredTokenException"),
            vec!["fresh temporary credentials", "nothing you typed"],
        ),
        (
            a("AccessDeniedException"),
            vec![
                "cognito-idp:ListUserPools",
                "cognito-idp:DescribeUserPool",
                "cognito-idp:UpdateUserPool",
                "Read-only",
            ],
        ),
        (
            a("MissingAuthenticationTokenException"),
            vec!["credentials", "endpoint URL"],
        ),
        (a("ThrottlingException"), vec!["retries"]),
        (a("ServiceUnavailableException"), vec!["Health Dashboard"]),
        (
            ApiError::network("TypeError: Failed to fetch"),
            vec!["connection", "endpoint", "CORS", "OPTIONS"],
        ),
        (ApiError::timeout(30_000), vec!["safe"]),
        (ApiError::not_json(200, "<html>"), vec!["proxy"]),
        (a("LimitExceededException"), vec!["code"]),
        (
            aws("InvalidSignatureException", EXPIRED),
            vec!["clock", "retries once"],
        ),
    ]
}

#[test]
fn every_kind_is_reachable_and_has_its_own_summary_and_advice() {
    let all = one_of_each();
    let kinds: HashSet<ErrorKind> = all.iter().map(|(e, _)| e.kind).collect();
    assert_eq!(
        kinds.len(),
        25,
        "all 25 kinds (and the clock-skew case of InvalidSignature)"
    );
    let mut summaries = HashSet::new();
    let mut advice = HashSet::new();
    for (e, words) in &all {
        let (s, a) = (e.summary(), e.advice());
        assert!(s.len() > 20 && a.len() > 40, "{:?}", e.kind);
        assert!(!s.contains('\n'), "a summary is one line: {s}");
        for w in words {
            assert!(a.contains(w), "{:?} advice lacks {w:?}: {a}", e.kind);
        }
        assert!(summaries.insert(s.clone()), "summary shared: {s}");
        assert!(advice.insert(a.clone()), "advice shared: {a}");
    }
}

#[test]
fn policy_snippets_in_the_advice_are_valid_json_with_the_right_statements() {
    let snippet = |code: &str| -> Value {
        let advice = aws(code, "m").advice();
        let (_, json) = advice.split_once('\n').expect("a snippet on its own line");
        serde_json::from_str(json).expect("the snippet is JSON")
    };
    let trust = snippet("InvalidSmsRoleTrustRelationshipException");
    assert_eq!(trust["Principal"]["Service"], "cognito-idp.amazonaws.com");
    assert_eq!(trust["Action"], "sts:AssumeRole");
    assert_eq!(
        trust["Condition"]["StringEquals"]["sts:ExternalId"],
        "<ExternalId>"
    );
    assert!(trust["Condition"]["ArnLike"]["aws:SourceArn"]
        .as_str()
        .is_some_and(
            |s| s.starts_with("arn:aws:cognito-idp:") && s.ends_with(":userpool/<pool id>")
        ));
    let publish = snippet("InvalidSmsRoleAccessPolicyException");
    assert_eq!(
        (publish["Action"].as_str(), publish["Resource"].as_str()),
        (Some("sns:Publish"), Some("*"))
    );
    let ses = snippet("InvalidEmailRoleAccessPolicyException");
    assert_eq!(
        ses["Principal"]["Service"],
        "email.cognito-idp.amazonaws.com"
    );
    assert_eq!(
        ses["Action"],
        serde_json::json!(["ses:SendEmail", "ses:SendRawEmail"])
    );
}

#[test]
fn display_is_one_line_with_summary_and_code() {
    let e = aws("ResourceNotFoundException", "User pool x does not exist.");
    let shown = e.to_string();
    assert_eq!(
        shown,
        format!("{} (ResourceNotFoundException)", e.summary())
    );
    assert!(!shown.contains('\n'));
    let shown = ApiError::from_response(503, None, None, "").to_string();
    assert!(shown.ends_with("(HTTP 503)"), "{shown}");
}

#[test]
fn clock_skew_is_recognised_by_message_or_code() {
    assert!(aws("InvalidSignatureException", EXPIRED).is_clock_skew());
    assert!(aws("InvalidSignatureException", NOT_YET).is_clock_skew());
    assert!(aws("RequestTimeTooSkewed", "The difference is too large.").is_clock_skew());
    assert!(aws("RequestExpired", "Request has expired.").is_clock_skew());
    assert!(aws("RequestInTheFuture", "Request is not yet valid.").is_clock_skew());
    for code in [
        "RequestTimeTooSkewed",
        "RequestExpired",
        "RequestInTheFuture",
    ] {
        assert_eq!(ErrorKind::from_code(code), K::InvalidSignature, "{code}");
    }
    assert_eq!(aws("AuthFailure", "m").kind, K::Unexpected);
    assert!(aws(
        "AuthFailure",
        "Signature expired: 20190430T075732Z is now earlier than x"
    )
    .is_clock_skew());
    assert!(!aws(
        "AuthFailure",
        "AWS was not able to validate the provided access credentials"
    )
    .is_clock_skew());
    assert!(!aws(
        "InvalidSignatureException",
        "The request signature we calculated does not match the signature you provided."
    )
    .is_clock_skew());
    assert!(!aws(
        "ExpiredTokenException",
        "The security token included in the request is expired"
    )
    .is_clock_skew());
    assert!(
        !aws("UnrecognizedClientException", "Signature expired").is_clock_skew(),
        "only signature codes"
    );
    // The skew case reads differently from a wrong secret key.
    let wrong_key = aws("InvalidSignatureException", "does not match");
    let skew = aws("InvalidSignatureException", EXPIRED);
    assert_eq!(wrong_key.kind, skew.kind);
    assert_ne!(wrong_key.advice(), skew.advice());
    assert!(wrong_key.advice().contains("secret") && !wrong_key.advice().contains("clock"));
}

#[test]
fn server_time_is_the_parenthesised_time_of_either_skew_message() {
    assert_eq!(
        aws("InvalidSignatureException", EXPIRED).server_time(),
        Some(REKOGNITION_NOW)
    );
    assert_eq!(
        aws("InvalidSignatureException", NOT_YET).server_time(),
        Some(PEER_NOW)
    );
    assert_eq!(
        aws("RequestTimeTooSkewed", "too skewed").server_time(),
        None
    );
    assert_eq!(
        aws(
            "InvalidSignatureException",
            "Signature expired: (garbage - 5 min.)"
        )
        .server_time(),
        None
    );
    assert_eq!(
        aws(
            "InvalidSignatureException",
            "does not match (20190430T105909Z)"
        )
        .server_time(),
        None,
        "not a skew message"
    );
}

#[test]
fn retryable_errors_are_transient_ones() {
    let yes = [
        aws("TooManyRequestsException", "m"),
        aws("ThrottlingException", "m"),
        aws("ConcurrentModificationException", "m"),
        ApiError::from_response(500, None, None, &body("InternalErrorException", "m")),
        ApiError::from_response(503, None, None, &body("ServiceUnavailableException", "m")),
        ApiError::from_response(500, None, None, &body("SomethingNewException", "m")),
        ApiError::from_response(502, None, None, "<html>Bad Gateway</html>"),
        ApiError::network("Failed to fetch"),
        ApiError::timeout(1),
    ];
    for e in &yes {
        assert!(e.is_retryable(), "{e:?}");
    }
    let no = [
        "InvalidParameterException",
        "ResourceNotFoundException",
        "NotAuthorizedException",
        "AccessDeniedException",
        "ExpiredTokenException",
        "UnrecognizedClientException",
        "InvalidSignatureException",
        "IncompleteSignatureException",
        "UserImportInProgressException",
        "FeatureUnavailableInTierException",
        "TierChangeNotAllowedException",
        "UserPoolTaggingException",
        "InvalidSmsRoleAccessPolicyException",
        "InvalidSmsRoleTrustRelationshipException",
        "InvalidEmailRoleAccessPolicyException",
        "MissingAuthenticationTokenException",
        "LimitExceededException",
    ];
    for code in no {
        assert!(!aws(code, "m").is_retryable(), "{code}");
    }
    assert!(
        !aws("InvalidSignatureException", EXPIRED).is_retryable(),
        "the clock decides that one"
    );
    assert!(!ApiError::from_response(403, None, None, "<html>").is_retryable());
}

#[test]
fn standard_backoff_retries_three_times_with_growing_ceilings() {
    let b = Backoff::default();
    assert_eq!(b, Backoff::STANDARD);
    assert_eq!((b.max_attempts, b.base, b.cap), (4, 200, 5_000));
    let throttled = aws("ThrottlingException", "Rate exceeded");
    let retries: Vec<u32> = (0..10).filter(|&n| b.should_retry(n, &throttled)).collect();
    assert_eq!(retries, [0, 1, 2], "4 attempts in all");
    assert!(!b.should_retry(0, &aws("InvalidParameterException", "m")));
    assert!(!b.should_retry(u32::MAX, &throttled));

    let ceilings: Vec<i64> = (0..8).map(|n| b.ceiling(n)).collect();
    assert_eq!(ceilings, [200, 400, 800, 1_600, 3_200, 5_000, 5_000, 5_000]);
    assert_eq!(b.delay(0, 0.0), 0);
    assert_eq!(b.delay(0, 0.5), 100);
    assert_eq!(b.delay(2, 0.25), 200);
    assert_eq!(b.delay(3, 0.999_999), 1_599);
    assert_eq!(b.delay(20, 0.5), 2_500);
    assert_eq!(b.delay(1, f64::NAN), 0);
    assert_eq!(b.delay(1, -3.0), 0);
    assert_eq!(b.delay(1, 7.0), 400);
}

#[test]
fn a_policy_with_odd_numbers_stays_in_bounds() {
    let zero = Backoff {
        max_attempts: 0,
        base: 0,
        cap: 0,
    };
    assert_eq!(zero.delay(5, 0.9), 0);
    assert!(!zero.should_retry(0, &ApiError::network("x")));
    let huge = Backoff {
        max_attempts: u32::MAX,
        base: i64::MAX,
        cap: i64::MAX,
    };
    assert_eq!(huge.ceiling(u32::MAX), i64::MAX);
    assert!(huge.delay(70, 0.999) > i64::MAX / 2);
    let negative = Backoff {
        max_attempts: 2,
        base: -5,
        cap: -1,
    };
    assert_eq!(negative.delay(3, 0.5), 0);
}

proptest! {
    #[test]
    fn delay_is_within_zero_and_the_ceiling(attempt in any::<u32>(), random in 0.0f64..=1.0) {
        let b = Backoff::STANDARD;
        let ceiling = if attempt >= 5 { 5_000 } else { 200i64 << attempt };
        prop_assert_eq!(b.ceiling(attempt), ceiling);
        let d = b.delay(attempt, random);
        prop_assert!((0..=ceiling).contains(&d), "delay {} ceiling {}", d, ceiling);
        prop_assert!(b.ceiling(attempt.saturating_add(1)) >= b.ceiling(attempt));
    }

    #[test]
    fn any_response_gives_an_error_without_panicking(
        status in 0u16..1000,
        header in proptest::option::of(".{0,40}"),
        text in ".{0,300}",
    ) {
        let e = ApiError::from_response(status, header.as_deref(), None, &text);
        prop_assert_eq!(e.status, Some(status));
        prop_assert!(!e.summary().is_empty() && !e.advice().is_empty());
        prop_assert!(e.message.chars().count() <= 201 || serde_json::from_str::<Value>(&text).is_ok()
            || text.contains("<Message>"));
    }
}

fn skewed(message: &str) -> ApiError {
    aws("InvalidSignatureException", message)
}

#[test]
fn the_offset_is_learnt_from_a_date_10_minutes_off_but_not_2() {
    let local = 1_795_313_089_000;
    let mut clock = Clock::default();
    assert_eq!((clock.offset(), clock.now(local)), (0, local));

    assert!(!clock.observe_date(local, local + 2 * MIN));
    assert!(!clock.observe_date(local, local - 2 * MIN));
    assert!(!clock.observe_date(local, local + 4 * MIN + 59_999));
    assert!(!clock.observe_date(local, local - 4 * MIN - 59_999));
    assert_eq!(
        SKEW_THRESHOLD,
        5 * MIN,
        "SigV4's window, as the SDKs use it"
    );
    assert_eq!(clock.offset(), 0);

    assert!(clock.observe_date(local, local + 10 * MIN));
    assert_eq!(clock.offset(), 10 * MIN);
    assert_eq!(clock.now(local + 1_000), local + 10 * MIN + 1_000);

    // Later answers within 5 minutes of the corrected time leave it alone.
    assert!(!clock.observe_date(local + 5_000, local + 10 * MIN + 4_000));
    assert_eq!(clock.offset(), 10 * MIN);
    // The local clock was fixed meanwhile (jumped 10 minutes ahead): the offset follows.
    assert!(clock.observe_date(local + 10 * MIN, local + 10 * MIN));
    assert_eq!(clock.offset(), 0);
    // Exactly 5 minutes counts, as in the SDKs.
    assert!(clock.observe_date(local, local - SKEW_THRESHOLD));
    assert_eq!(clock.offset(), -SKEW_THRESHOLD);
}

#[test]
fn a_signature_expired_error_sets_the_clock_to_the_quoted_time_and_asks_for_one_retry() {
    let local = REKOGNITION_NOW - 3 * 60 * MIN - 1_500; // this computer is 3 hours slow
    let mut clock = Clock::default();
    let error = skewed(EXPIRED);
    assert!(clock.observe_error(local, &error, None));
    assert_eq!(clock.now(local), REKOGNITION_NOW);
    // The same error again (a second copy in flight) changes nothing: no second retry.
    assert!(!clock.observe_error(local + 200, &error, None));
}

#[test]
fn a_not_yet_current_error_corrects_a_fast_clock() {
    let local = PEER_NOW + 6 * MIN;
    let mut clock = Clock::default();
    assert!(clock.observe_error(local, &skewed(NOT_YET), Some(PEER_NOW + 1_000)));
    assert_eq!(
        clock.offset(),
        -6 * MIN,
        "the message's time comes before the Date header"
    );
}

#[test]
fn without_a_time_in_the_message_the_date_header_is_used() {
    let local = PEER_NOW - 7 * MIN;
    let mut clock = Clock::default();
    let e = aws(
        "RequestTimeTooSkewed",
        "The difference between the request time and the current time is too large.",
    );
    assert!(
        !clock.observe_error(local, &e, None),
        "no server time at all"
    );
    assert!(clock.observe_error(local, &e, Some(PEER_NOW)));
    assert_eq!(clock.now(local), PEER_NOW);
}

#[test]
fn a_skew_error_just_past_the_window_is_still_corrected() {
    // Signed 5 min 0.5 s behind AWS; the answer took 1.5 s, so the gap seen is under 5 minutes.
    let local = PEER_NOW - 5 * MIN + 1_000;
    let mut clock = Clock::default();
    let expired = "Signature expired: 20261122T015948Z is now earlier than 20261122T015949Z \
                   (20261122T020449Z - 5 min.)";
    assert!(clock.observe_error(local, &skewed(expired), None));
    assert_eq!(clock.now(local), PEER_NOW);
    // A skew error that disagrees by less than a minute is not about the clock: no retry.
    let mut clock = Clock::default();
    assert!(!clock.observe_error(PEER_NOW - SKEW_ERROR_THRESHOLD + 1, &skewed(NOT_YET), None));
    assert_eq!(clock.offset(), 0);
}

#[test]
fn other_errors_update_the_offset_from_the_date_but_ask_for_no_retry() {
    let local = PEER_NOW - 10 * MIN;
    let mut clock = Clock::default();
    let denied = aws("AccessDeniedException", "not authorized");
    assert!(!clock.observe_error(local, &denied, Some(PEER_NOW)));
    assert_eq!(clock.offset(), 10 * MIN);
    let mut clock = Clock::default();
    assert!(!clock.observe_error(local, &denied, Some(local + MIN * 2)));
    assert_eq!(clock.offset(), 0);
    assert!(!clock.observe_error(local, &ApiError::network("x"), None));
}
