//! The signer (`src/aws/sign.rs`) against the AWS SigV4 test suite and against botocore's
//! signatures of Cognito requests (fixtures in `tests/fixtures/sigv4/`).

use std::fs;
use std::path::{Path, PathBuf};

use cognito_pool_console::aws::sign::{sign, Key, Request};
use cognito_pool_console::aws::time::{parse_amz_date, parse_iso8601};
use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sigv4")
}

/// A request of the test suite: method, path, headers in order, body.
struct SuiteRequest {
    method: String,
    path: String,
    headers: Vec<(String, String)>,
    body: String,
}

/// Reads `request.txt`: the request line, `Name:value` headers (a line starting with
/// whitespace continues the previous value), a blank line, the body.
fn read_request(text: &str) -> SuiteRequest {
    let (head, body) = text.split_once("\n\n").unwrap_or((text, ""));
    let mut lines = head.lines();
    let first = lines.next().expect("request line");
    let mut parts = first.split(' ');
    let method = parts.next().expect("method").to_owned();
    let path = parts.next().expect("path").to_owned();
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in lines {
        if line.starts_with(' ') || line.starts_with('\t') {
            let last = headers.last_mut().expect("a continued header");
            last.1.push('\n');
            last.1.push_str(line);
        } else {
            let (name, value) = line.split_once(':').expect("Name:value");
            headers.push((name.to_owned(), value.to_owned()));
        }
    }
    SuiteRequest {
        method,
        path,
        headers,
        body: body.to_owned(),
    }
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// `text` with every byte outside printable ASCII written as `%XX`, as a browser's URL holds it.
fn browser_encoded(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_graphic() {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[test]
fn every_applicable_case_of_the_aws_sigv4_test_suite_signs_as_expected() {
    let mut cases: Vec<PathBuf> = fs::read_dir(fixtures().join("suite"))
        .expect("suite folder")
        .map(|e| e.expect("entry").path())
        .collect();
    cases.sort();
    assert!(cases.len() >= 25, "only {} suite cases", cases.len());
    for case in cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let context: Value =
            serde_json::from_str(&fs::read_to_string(case.join("context.json")).unwrap()).unwrap();
        let request = read_request(&fs::read_to_string(case.join("request.txt")).unwrap());
        let signed =
            read_request(&fs::read_to_string(case.join("header-signed-request.txt")).unwrap());
        let host = header(&request.headers, "host").expect("host");
        // As a browser sends it: bytes outside printable ASCII percent-encoded.
        let url = format!("https://{host}{}", browser_encoded(&request.path));
        let sent: Vec<(&str, &str)> = request
            .headers
            .iter()
            .filter(|(n, _)| !n.eq_ignore_ascii_case("host"))
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        let creds = &context["credentials"];
        let key = Key {
            access_key_id: creds["access_key_id"].as_str().unwrap(),
            secret_access_key: creds["secret_access_key"].as_str().unwrap(),
            session_token: creds["token"].as_str(),
        };
        let time = parse_iso8601(context["timestamp"].as_str().unwrap()).expect("timestamp");
        let out = sign(
            &Request {
                method: &request.method,
                url: &url,
                headers: &sent,
                body: request.body.as_bytes(),
            },
            key,
            context["region"].as_str().unwrap(),
            context["service"].as_str().unwrap(),
            time,
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        for expected in ["Authorization", "X-Amz-Date", "X-Amz-Security-Token"] {
            assert_eq!(
                header(&out, expected),
                header(&signed.headers, expected),
                "{name}: {expected}"
            );
        }
    }
}

#[test]
fn cognito_requests_sign_exactly_as_botocore_signs_them() {
    let text = fs::read_to_string(fixtures().join("botocore.json")).expect("botocore.json");
    let vectors: Value = serde_json::from_str(&text).unwrap();
    let cases = vectors["cases"].as_array().expect("cases");
    assert!(cases.len() >= 10, "only {} botocore cases", cases.len());
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let headers: Vec<(&str, &str)> = case["headers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| (h[0].as_str().unwrap(), h[1].as_str().unwrap()))
            .collect();
        let key = Key {
            access_key_id: case["access_key_id"].as_str().unwrap(),
            secret_access_key: case["secret_access_key"].as_str().unwrap(),
            session_token: case["session_token"].as_str(),
        };
        let time = parse_amz_date(case["amz_date"].as_str().unwrap()).expect("amz_date");
        let out = sign(
            &Request {
                method: case["method"].as_str().unwrap(),
                url: case["url"].as_str().unwrap(),
                headers: &headers,
                body: case["body"].as_str().unwrap().as_bytes(),
            },
            key,
            case["region"].as_str().unwrap(),
            case["service"].as_str().unwrap(),
            time,
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        let expected = &case["expected"];
        assert_eq!(
            header(&out, "authorization"),
            expected["authorization"].as_str(),
            "{name}"
        );
        assert_eq!(
            header(&out, "x-amz-date"),
            expected["x-amz-date"].as_str(),
            "{name}"
        );
        assert_eq!(
            header(&out, "x-amz-security-token"),
            expected["x-amz-security-token"].as_str(),
            "{name}"
        );
    }
}

#[test]
fn a_changed_byte_anywhere_changes_the_signature() {
    let headers = [
        ("content-type", "application/x-amz-json-1.1"),
        ("x-amz-target", "T.Op"),
    ];
    let base = Request {
        method: "POST",
        url: "https://cognito-idp.us-east-1.amazonaws.com/",
        headers: &headers,
        body: b"{}",
    };
    let key = Key {
        access_key_id: "ASIAEXAMPLE",
        secret_access_key: "secret",
        session_token: Some("token"),
    };
    let at = 1_795_000_000_000;
    let auth = |r: &Request, k: Key, region: &str, t| {
        header(
            &sign(r, k, region, "cognito-idp", t).unwrap(),
            "authorization",
        )
        .unwrap()
        .to_owned()
    };
    let reference = auth(&base, key, "us-east-1", at);
    let other_headers = [
        ("content-type", "application/x-amz-json-1.1"),
        ("x-amz-target", "T.Oq"),
    ];
    let variants = [
        auth(
            &Request {
                body: b"{ }",
                ..base
            },
            key,
            "us-east-1",
            at,
        ),
        auth(
            &Request {
                headers: &other_headers,
                ..base
            },
            key,
            "us-east-1",
            at,
        ),
        auth(
            &Request {
                url: "https://cognito-idp.us-east-2.amazonaws.com/",
                ..base
            },
            key,
            "us-east-1",
            at,
        ),
        auth(
            &base,
            Key {
                secret_access_key: "secreT",
                ..key
            },
            "us-east-1",
            at,
        ),
        auth(
            &base,
            Key {
                session_token: Some("tokem"),
                ..key
            },
            "us-east-1",
            at,
        ),
        auth(&base, key, "us-east-2", at),
        auth(&base, key, "us-east-1", at + 1000),
    ];
    for (i, v) in variants.iter().enumerate() {
        assert_ne!(v, &reference, "variant {i} signed the same");
    }
}

#[test]
fn bad_input_is_an_error_not_a_panic() {
    let key = Key {
        access_key_id: "A",
        secret_access_key: "s",
        session_token: None,
    };
    let ok = Request {
        method: "POST",
        url: "https://h/",
        headers: &[],
        body: b"",
    };
    assert!(sign(&ok, key, "", "cognito-idp", 0).is_err());
    assert!(sign(&ok, key, "us-east-1", "cognito-idp", -1).is_err());
    assert!(sign(
        &Request {
            url: "not a url at all \u{0}",
            ..ok
        },
        key,
        "us-east-1",
        "cognito-idp",
        0
    )
    .is_err());
    let bad_header = [("x-bad", "line\nbreak\u{0}")];
    assert!(sign(
        &Request {
            headers: &bad_header,
            ..ok
        },
        key,
        "us-east-1",
        "cognito-idp",
        0
    )
    .is_err());
    // What was refused is shown as written, escaped.
    let refusal = |request: Request<'_>| match sign(&request, key, "us-east-1", "cognito-idp", 0) {
        Ok(_) => panic!("signed {:?}", request.method),
        Err(err) => err.to_string(),
    };
    let err = refusal(Request {
        method: "PO\tST\u{e9}",
        ..ok
    });
    assert!(
        err.contains("`PO\\tST\\u{e9}` is not an HTTP method"),
        "{err}"
    );
    let quoted = [("x\"y", "1")];
    let err = refusal(Request {
        headers: &quoted,
        ..ok
    });
    assert!(err.contains("`x\\\"y` is not a header name"), "{err}");
    let debug = format!("{key:?}");
    assert!(!debug.contains("\"s\""), "{debug}");
}
