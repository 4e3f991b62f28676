//! SigV4 signing, pure: the request, the key, the scope and the time go in; the headers to add
//! come out. Nothing here reads the clock or the network.
//!
//! `aws-sigv4` signs: it derives the signing key from the secret, the date, the region and the
//! service ([`v4::generate_signing_key`]) and computes the signature over the string to sign
//! ([`v4::calculate_signature`]). This module writes the canonical request and the string to
//! sign itself, as the SigV4 specification lays them out, instead of going through
//! `aws-sigv4`'s `http_request` front end: that front end parses the request into the `http`
//! crate's URI and header-map types, which cost the page about 60 KB of wasm for three POSTs to
//! `/`. What it does is matched exactly: the same header normalisation, the same excluded
//! headers, path normalisation with double percent-encoding and the same query ordering.
//!
//! The signer is general (any method, URL, headers and body) so that it can be checked against
//! the AWS SigV4 test suite as well as against botocore's signatures of Cognito requests
//! (`tests/sign.rs`); [`crate::aws::api`] uses it for the three Cognito calls.

use std::fmt;
use std::fmt::Write as _;
use std::time::{Duration, UNIX_EPOCH};

use aws_sigv4::sign::v4;
use sha2::{Digest, Sha256};

use crate::aws::time::{format_amz_date, Millis};
use crate::sort;

const ALGORITHM: &str = "AWS4-HMAC-SHA256";

/// Headers that are sent but never signed (as `aws-sigv4` leaves them out): proxies and
/// browsers may change them on the way.
const UNSIGNED: [&str; 4] = [
    "authorization",
    "user-agent",
    "x-amzn-trace-id",
    "transfer-encoding",
];

/// The key a request is signed with. Borrowed, so that the secret is never copied into
/// anything longer-lived than one signature.
#[derive(Clone, Copy)]
pub struct Key<'a> {
    /// `ASIA…` for temporary credentials, `AKIA…` for long-term ones.
    pub access_key_id: &'a str,
    /// The secret access key.
    pub secret_access_key: &'a str,
    /// The session token of temporary credentials; it is signed (`X-Amz-Security-Token`).
    pub session_token: Option<&'a str>,
}

impl fmt::Debug for Key<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Key")
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &"<redacted>")
            .field("session_token", &self.session_token.map(|_| "<redacted>"))
            .finish()
    }
}

/// A request to sign.
#[derive(Clone, Copy, Debug)]
pub struct Request<'a> {
    /// `POST`, `GET`, …
    pub method: &'a str,
    /// The full URL; its authority is signed as the `host` header.
    pub url: &'a str,
    /// The headers that are sent and signed (besides `host`, which comes from the URL).
    pub headers: &'a [(&'a str, &'a str)],
    /// The exact body bytes.
    pub body: &'a [u8],
}

/// Why a request could not be signed. Never holds key material.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignError(String);

impl fmt::Display for SignError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the request could not be signed: {}", self.0)
    }
}

impl std::error::Error for SignError {}

/// `text` as `str::escape_default` writes it (printable ASCII as is; tab, return, newline,
/// quotes and backslash escaped; anything else as `\u{hex}`), so that an error message shows
/// exactly what was given. Written out here so that core's escape iterators are not linked
/// for three error messages (650 B of the shipped wasm, gzip -9).
pub fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\n' => out.push_str("\\n"),
            '\\' | '\'' | '"' => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            _ => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
        }
    }
    out
}

/// Signs `request` for `service` in `region` at `time` and returns the headers to add:
/// `x-amz-date`, `authorization` and, with a session token, `x-amz-security-token` (names in
/// lower case). No payload-hash header is added, as for botocore's Cognito requests.
///
/// # Errors
/// A URL or header the signer cannot read, a time before 1970, or an empty region or service.
pub fn sign(
    request: &Request<'_>,
    key: Key<'_>,
    region: &str,
    service: &str,
    time: Millis,
) -> Result<Vec<(String, String)>, SignError> {
    if region.is_empty() || service.is_empty() {
        return Err(SignError(
            "the region and the service must not be empty".into(),
        ));
    }
    let millis = u64::try_from(time).map_err(|_| SignError("the time is before 1970".into()))?;
    if request.method.is_empty() || !request.method.bytes().all(is_token) {
        return Err(SignError(format!(
            "`{}` is not an HTTP method",
            escaped(request.method)
        )));
    }
    let url = Url::parse(request.url)?;
    let amz_date = format_amz_date(time);
    let date = &amz_date[..8];

    // Every header by its lower-case name, values in the order given; `host` from the URL
    // unless one was given, then the date and the session token, which replace any given.
    let mut headers: Vec<(String, Vec<String>)> = Vec::new();
    for (name, value) in request.headers {
        if name.is_empty() || !name.bytes().all(is_token) {
            return Err(SignError(format!(
                "`{}` is not a header name",
                escaped(name)
            )));
        }
        if !value
            .bytes()
            .all(|b| b == b'\t' || (b >= b' ' && b != 0x7f))
        {
            return Err(SignError(format!(
                "the value of the {name} header holds a control character"
            )));
        }
        let name = name.to_ascii_lowercase();
        let value = collapse_spaces(value);
        match headers.iter_mut().find(|(n, _)| *n == name) {
            Some((_, values)) => values.push(value),
            None => headers.push((name, vec![value])),
        }
    }
    if !headers.iter().any(|(n, _)| n == "host") {
        headers.push(("host".into(), vec![url.host.to_owned()]));
    }
    let mut replace = |name: &str, value: &str| {
        headers.retain(|(n, _)| n != name);
        headers.push((name.to_owned(), vec![value.to_owned()]));
    };
    replace("x-amz-date", &amz_date);
    if let Some(token) = key.session_token {
        replace("x-amz-security-token", token);
    }
    headers.retain(|(n, _)| !UNSIGNED.contains(&n.as_str()));
    sort::sort_by(&mut headers, |a, b| a.0.cmp(&b.0));

    let signed_headers = headers
        .iter()
        .map(|(n, _)| n.as_str())
        .collect::<Vec<_>>()
        .join(";");
    let mut canonical = format!(
        "{}\n{}\n{}\n",
        request.method,
        canonical_path(url.path),
        canonical_query(url.query)
    );
    for (name, values) in &headers {
        canonical.push_str(name);
        canonical.push(':');
        canonical.push_str(&values.join(","));
        canonical.push('\n');
    }
    canonical.push('\n');
    canonical.push_str(&signed_headers);
    canonical.push('\n');
    canonical.push_str(&sha256_hex(request.body));

    let scope = format!("{date}/{region}/{service}/aws4_request");
    let string_to_sign = format!(
        "{ALGORITHM}\n{amz_date}\n{scope}\n{}",
        sha256_hex(canonical.as_bytes())
    );
    let signing_key = v4::generate_signing_key(
        key.secret_access_key,
        UNIX_EPOCH + Duration::from_millis(millis),
        region,
        service,
    );
    let signature = v4::calculate_signature(signing_key, string_to_sign.as_bytes());

    let mut out = vec![
        ("x-amz-date".to_owned(), amz_date.clone()),
        (
            "authorization".to_owned(),
            format!(
                "{ALGORITHM} Credential={}/{scope}, SignedHeaders={signed_headers}, Signature={signature}",
                key.access_key_id
            ),
        ),
    ];
    if let Some(token) = key.session_token {
        out.push(("x-amz-security-token".to_owned(), token.to_owned()));
    }
    Ok(out)
}

/// The parts of an absolute `http` / `https` URL that are signed.
struct Url<'a> {
    /// `host` or `host:port`, without a default port (80 for http, 443 for https).
    host: &'a str,
    /// The path as written (still percent-encoded), `""` for none.
    path: &'a str,
    /// The query as written, without the `?`.
    query: &'a str,
}

impl<'a> Url<'a> {
    fn parse(url: &'a str) -> Result<Self, SignError> {
        let bad = |why: &str| {
            SignError(format!(
                "`{}` is not a URL the console can call: {why}",
                escaped(url)
            ))
        };
        if !url.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(bad(
                "it holds a space, a control character or a non-ASCII character",
            ));
        }
        let (scheme, rest) = url
            .split_once("://")
            .ok_or_else(|| bad("it has no scheme"))?;
        let default_port = match scheme.to_ascii_lowercase().as_str() {
            "https" => ":443",
            "http" => ":80",
            _ => return Err(bad("it is neither http nor https")),
        };
        let rest = rest.split_once('#').map_or(rest, |(r, _)| r);
        let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, rest) = rest.split_at(authority_end);
        if authority.is_empty() || authority.contains('@') {
            return Err(bad("it has no host, or carries a user name"));
        }
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        let host = authority.strip_suffix(default_port).unwrap_or(authority);
        Ok(Url { host, path, query })
    }
}

/// The path with `.`, `..` and empty segments resolved, then percent-encoded once more (a `%`
/// already in it becomes `%25`): SigV4's canonical URI for every service but S3.
fn canonical_path(path: &str) -> String {
    let mut segments: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            other => segments.push(other),
        }
    }
    let trailing =
        path.len() > 1 && (path.ends_with('/') || path.ends_with("/.") || path.ends_with("/.."));
    let mut joined = String::from("/");
    joined.push_str(&segments.join("/"));
    if trailing && !segments.is_empty() {
        joined.push('/');
    }
    let mut out = String::with_capacity(joined.len());
    for byte in joined.bytes() {
        push_encoded(&mut out, byte, b"/");
    }
    out
}

/// The query's parameters decoded as a form, encoded again strictly and sorted by name, then
/// value: `a=1&b=`.
fn canonical_query(query: &str) -> String {
    let mut params: Vec<(String, String)> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (name, value) = p.split_once('=').unwrap_or((p, ""));
            (reencode(name), reencode(value))
        })
        .collect();
    sort::sort(&mut params);
    params
        .iter()
        .map(|(n, v)| format!("{n}={v}"))
        .collect::<Vec<_>>()
        .join("&")
}

/// Decodes a form-encoded query component (`+` is a space) and encodes every byte but the
/// unreserved ones.
fn reencode(component: &str) -> String {
    let bytes = component.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |at: usize| bytes.get(at).and_then(|b| char::from(*b).to_digit(16));
        match bytes[i] {
            b'+' => decoded.push(b' '),
            b'%' => match (hex(i + 1), hex(i + 2)) {
                (Some(hi), Some(lo)) => {
                    decoded.push((hi * 16 + lo) as u8);
                    i += 2;
                }
                _ => decoded.push(b'%'),
            },
            b => decoded.push(b),
        }
        i += 1;
    }
    // As a form decoder reads it: bytes that are not UTF-8 become U+FFFD.
    let text = String::from_utf8_lossy(&decoded);
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        push_encoded(&mut out, byte, b"");
    }
    out
}

/// Appends `byte` as is when it is unreserved (`A-Z a-z 0-9 - . _ ~`) or in `keep`, else as
/// `%XX`.
fn push_encoded(out: &mut String, byte: u8, keep: &[u8]) {
    if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) || keep.contains(&byte) {
        out.push(char::from(byte));
    } else {
        let _ = write!(out, "%{byte:02X}");
    }
}

/// Trims spaces (only spaces) at both ends and turns each run of spaces inside into one.
fn collapse_spaces(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for (i, part) in value
        .trim_matches(' ')
        .split(' ')
        .filter(|p| !p.is_empty())
        .enumerate()
    {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

/// A token character of RFC 9110 (header names, methods).
fn is_token(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// Lower-case hex of the SHA-256 of `bytes`.
fn sha256_hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(64);
    for byte in Sha256::digest(bytes) {
        let _ = write!(out, "{byte:02x}");
    }
    out
}
