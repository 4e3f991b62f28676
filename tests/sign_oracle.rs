//! `src/aws/sign.rs` writes the canonical request itself and leaves only the key derivation and
//! the signature to `aws-sigv4`. Here `aws-sigv4`'s complete `http_request` signer (which the
//! page does not link) is the oracle: for generated requests (methods, paths with dot segments,
//! doubled slashes and escapes, queries, repeated and oddly cased headers with runs of spaces,
//! bodies, with and without a session token) both must produce the same `Authorization`.
#![cfg(not(target_arch = "wasm32"))] // proptest and the oracle's crates are native-only dev-dependencies

use std::time::{Duration, UNIX_EPOCH};

use aws_sigv4::http_request::{self, SignableBody, SignableRequest, SigningSettings};
use aws_sigv4::sign::v4;
use aws_smithy_runtime_api::client::identity::Identity;
use cognito_pool_console::aws::sign::{sign, Key, Request};
use proptest::prelude::*;

/// What aws-sigv4's own signer returns for the same request, headers by lower-case name.
fn oracle(request: &Request<'_>, key: Key<'_>, region: &str, millis: u64) -> Vec<(String, String)> {
    let identity: Identity = aws_credential_types::Credentials::new(
        key.access_key_id,
        key.secret_access_key,
        key.session_token.map(str::to_owned),
        None,
        "oracle",
    )
    .into();
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(region)
        .name("cognito-idp")
        .time(UNIX_EPOCH + Duration::from_millis(millis))
        .settings(SigningSettings::default())
        .build()
        .expect("signing params")
        .into();
    let signable = SignableRequest::new(
        request.method,
        request.url,
        request.headers.iter().copied(),
        SignableBody::Bytes(request.body),
    )
    .expect("the oracle reads the request");
    let (instructions, _) = http_request::sign(signable, &params)
        .expect("the oracle signs")
        .into_parts();
    let (headers, _) = instructions.into_parts();
    headers
        .into_iter()
        .map(|h| (h.name().to_ascii_lowercase(), h.value().to_owned()))
        .collect()
}

fn get<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// One path segment: plain, a dot segment, empty (a doubled slash), or with escapes and
/// characters that need encoding.
fn segment() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9._~-]{1,6}",
        Just(".".to_owned()),
        Just("..".to_owned()),
        Just(String::new()),
        "[a-z]{0,3}(%2F|%20|%25|%E1%88%B4|!|\\$|'|\\(|\\)|\\*|\\+|,|;|=|:|@)[a-z]{0,3}",
    ]
}

fn path() -> impl Strategy<Value = String> {
    (prop::collection::vec(segment(), 0..5), any::<bool>()).prop_map(|(segments, trailing)| {
        let mut path = String::new();
        for s in segments {
            path.push('/');
            path.push_str(&s);
        }
        if trailing || path.is_empty() {
            path.push('/');
        }
        path
    })
}

fn query_part() -> impl Strategy<Value = String> {
    "([a-zA-Z0-9._~-]|%20|%2B|\\+|%E1%88%B4|%3D|%26|\\*|!|'){0,5}"
}

fn query() -> impl Strategy<Value = String> {
    prop::collection::vec((query_part(), prop::option::of(query_part())), 0..4).prop_map(|ps| {
        ps.into_iter()
            .map(|(k, v)| match v {
                Some(v) => format!("{k}={v}"),
                None => k,
            })
            .collect::<Vec<_>>()
            .join("&")
    })
}

fn header_name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Content-Type".to_owned()),
        Just("X-Amz-Target".to_owned()),
        Just("x-amz-target".to_owned()),
        Just("User-Agent".to_owned()),
        Just("X-Amz-Security-Token".to_owned()),
        Just("X-Amz-Date".to_owned()),
        "[A-Za-z][A-Za-z0-9-]{0,8}",
    ]
}

fn header_value() -> impl Strategy<Value = String> {
    "[ ]{0,2}[!-~]{0,6}([ ]{1,3}[!-~]{1,6}){0,2}[ ]{0,2}"
}

fn headers() -> impl Strategy<Value = Vec<(String, String)>> {
    prop::collection::vec((header_name(), header_value()), 0..5)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_console_signer_agrees_with_aws_sigv4s_own(
        method in prop_oneof![Just("POST"), Just("GET"), Just("PUT"), Just("DELETE")],
        host in prop_oneof![
            Just("https://cognito-idp.eu-west-1.amazonaws.com"),
            Just("https://cognito-idp.eu-west-1.amazonaws.com:443"),
            Just("http://127.0.0.1:5000"),
            Just("http://localhost:80"),
            Just("HTTPS://Example.com:8443"),
        ],
        path in path(),
        query in query(),
        headers in headers(),
        body in prop::collection::vec(any::<u8>(), 0..64),
        token in prop::option::of("[A-Za-z0-9+/=]{1,40}"),
        region in prop_oneof![Just("eu-west-1"), Just("us-east-1"), Just("cn-north-1")],
        millis in 0u64..4_102_444_800_000,
    ) {
        let url = if query.is_empty() { format!("{host}{path}") } else { format!("{host}{path}?{query}") };
        let headers: Vec<(&str, &str)> = headers.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        let request = Request { method, url: &url, headers: &headers, body: &body };
        let key = Key {
            access_key_id: "ASIAORACLEEXAMPLE",
            secret_access_key: "oracle/secret+key",
            session_token: token.as_deref(),
        };
        let ours = sign(&request, key, region, "cognito-idp", i64::try_from(millis).unwrap())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let theirs = oracle(&request, key, region, millis);
        for name in ["authorization", "x-amz-date", "x-amz-security-token"] {
            prop_assert_eq!(get(&ours, name), get(&theirs, name), "{} for {} {}", name, method, url);
        }
    }
}
