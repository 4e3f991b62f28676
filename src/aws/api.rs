//! The three Cognito operations the console calls: where they go, how they are framed and
//! signed, and how their results are read. Pure: [`prepare`] returns the exact request to send
//! (URL, headers, body) and the `read_*` functions take the response body; the browser edge
//! (`crate::ui::client`) does the sending.
//!
//! Cognito speaks AWS JSON 1.1: `POST /` with `Content-Type: application/x-amz-json-1.1` and
//! `X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>`.

use std::fmt;

use serde_json::{Map, Value};

use crate::aws::sign::{self, Key, SignError};
use crate::aws::time::Millis;
use crate::model::is_region_code;

/// The signing name of Cognito user pools.
pub const SERVICE: &str = "cognito-idp";
/// The content type of every request.
pub const CONTENT_TYPE: &str = "application/x-amz-json-1.1";
/// Most pools one `ListUserPools` page may return (the model's maximum).
pub const PAGE_SIZE: u32 = 60;
/// Pages read at most when listing pools (60 × 50 = 3,000 pools, above any account's quota).
pub const MAX_PAGES: usize = 50;

/// An operation of the Cognito user pools API.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operation {
    /// List the pools of the account in the Region, a page at a time.
    ListUserPools,
    /// Read the whole configuration of one pool.
    DescribeUserPool,
    /// Replace the configuration of one pool.
    UpdateUserPool,
}

impl Operation {
    /// The operation's name, as in the `X-Amz-Target` header and IAM actions.
    pub fn name(self) -> &'static str {
        match self {
            Operation::ListUserPools => "ListUserPools",
            Operation::DescribeUserPool => "DescribeUserPool",
            Operation::UpdateUserPool => "UpdateUserPool",
        }
    }

    /// The `X-Amz-Target` header value.
    pub fn target(self) -> String {
        format!("AWSCognitoIdentityProviderService.{}", self.name())
    }
}

/// Where requests go: Cognito's regional endpoint, or an emulator's URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    /// The URL requests are posted to, ending in `/`.
    pub url: String,
    /// Whether this is an override rather than AWS's own endpoint.
    pub custom: bool,
}

/// Why an endpoint or a Region cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EndpointError(pub String);

impl fmt::Display for EndpointError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Endpoint {
    /// Cognito's public endpoint for `region` (`https://cognito-idp.eu-west-3.amazonaws.com/`;
    /// `amazonaws.com.cn` in the China Regions).
    ///
    /// # Errors
    /// `region` is not a Region code.
    pub fn for_region(region: &str) -> Result<Endpoint, EndpointError> {
        if !is_region_code(region) {
            return Err(EndpointError(format!(
                "\"{region}\" is not a Region code. Use the form of eu-west-3 or us-east-1: it is \
                 the part of the user pool ID before the underscore."
            )));
        }
        let domain = if region.starts_with("cn-") {
            "amazonaws.com.cn"
        } else {
            "amazonaws.com"
        };
        Ok(Endpoint {
            url: format!("https://{SERVICE}.{region}.{domain}/"),
            custom: false,
        })
    }

    /// An endpoint typed by the admin: a local emulator (moto, cognito-local) on this machine,
    /// over `http://` or `https://` (`localhost`, `127.0.0.1`, `*.localhost`), or Cognito's own
    /// endpoint of another Region over `https://`. The page's Content-Security-Policy lets
    /// requests reach nothing else, so anything else is refused here with the reason, rather
    /// than failing later as a blocked request.
    ///
    /// # Errors
    /// Not an http(s) URL, a host the page may not reach, or a URL with a user name, query or
    /// fragment.
    pub fn custom(text: &str) -> Result<Endpoint, EndpointError> {
        let text = text.trim();
        let (scheme, rest) = text.split_once("://").ok_or_else(|| {
            EndpointError(format!(
                "\"{text}\" is not a URL. Write it in full, e.g. http://127.0.0.1:4566 for a \
                 local emulator."
            ))
        })?;
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "https" && scheme != "http" {
            return Err(EndpointError(format!(
                "The endpoint must start with http:// or https://, not {scheme}://."
            )));
        }
        let (authority, path) = rest.split_once('/').map_or((rest, ""), |(a, p)| (a, p));
        if authority.is_empty() || authority.contains(['@', '?', '#']) || path.contains(['?', '#'])
        {
            return Err(EndpointError(
                "The endpoint must be a plain address such as http://127.0.0.1:4566, without \
                 user name, query or fragment."
                    .into(),
            ));
        }
        let host = host_of(authority);
        let local =
            matches!(host.as_str(), "localhost" | "127.0.0.1") || host.ends_with(".localhost");
        let cognito = scheme == "https"
            && host
                .strip_prefix("cognito-idp.")
                .and_then(|h| {
                    h.strip_suffix(".amazonaws.com")
                        .or_else(|| h.strip_suffix(".amazonaws.com.cn"))
                })
                .is_some_and(is_region_code);
        if !local && !cognito {
            return Err(EndpointError(format!(
                "This page may send requests only to Cognito's endpoints \
                 (https://cognito-idp.<Region>.amazonaws.com) and to an emulator on this machine \
                 (localhost or 127.0.0.1), so it cannot reach {host}. Leave the endpoint empty \
                 for AWS, or run the emulator on this machine."
            )));
        }
        let path = path.trim_end_matches('/');
        let url = if path.is_empty() {
            format!("{scheme}://{}/", authority.to_ascii_lowercase())
        } else {
            format!("{scheme}://{}/{path}/", authority.to_ascii_lowercase())
        };
        Ok(Endpoint { url, custom: true })
    }
}

/// The host of an authority, without its port, in lower case.
fn host_of(authority: &str) -> String {
    let authority = authority.to_ascii_lowercase();
    if authority.starts_with('[') {
        return authority
            .split_inclusive(']')
            .next()
            .unwrap_or_default()
            .to_owned();
    }
    authority.split(':').next().unwrap_or_default().to_owned()
}

/// A request ready to send: the browser sends exactly these headers and body to `url`.
#[derive(Clone, PartialEq, Eq)]
pub struct Prepared {
    /// Where to `POST`.
    pub url: String,
    /// Every header to send, signature included (`host` is the browser's).
    pub headers: Vec<(String, String)>,
    /// The body, as signed.
    pub body: String,
}

impl fmt::Debug for Prepared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.headers.iter().map(|(n, _)| n.as_str()).collect();
        f.debug_struct("Prepared")
            .field("url", &self.url)
            .field("headers", &names)
            .field("body_len", &self.body.len())
            .finish()
    }
}

/// Frames and signs one call.
///
/// # Errors
/// The signer refused the request (see [`sign::sign`]).
pub fn prepare(
    operation: Operation,
    endpoint: &Endpoint,
    region: &str,
    key: Key<'_>,
    body: String,
    time: Millis,
) -> Result<Prepared, SignError> {
    let target = operation.target();
    let headers = [
        ("content-type", CONTENT_TYPE),
        ("x-amz-target", target.as_str()),
    ];
    let signed = sign::sign(
        &sign::Request {
            method: "POST",
            url: &endpoint.url,
            headers: &headers,
            body: body.as_bytes(),
        },
        key,
        region,
        SERVICE,
        time,
    )?;
    let mut all: Vec<(String, String)> = headers
        .iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect();
    all.extend(signed);
    Ok(Prepared {
        url: endpoint.url.clone(),
        headers: all,
        body,
    })
}

/// The body of one `ListUserPools` page.
pub fn list_body(next_token: Option<&str>) -> String {
    let mut body = Map::new();
    body.insert("MaxResults".to_owned(), Value::from(PAGE_SIZE));
    if let Some(token) = next_token {
        body.insert("NextToken".to_owned(), Value::from(token));
    }
    crate::export::json_text(&Value::Object(body))
}

/// The body of `DescribeUserPool`.
pub fn describe_body(pool_id: &str) -> String {
    let mut body = Map::new();
    body.insert("UserPoolId".to_owned(), Value::from(pool_id));
    crate::export::json_text(&Value::Object(body))
}

/// One pool in the list.
#[derive(Clone, Debug, PartialEq)]
pub struct PoolSummary {
    /// The pool id (`us-east-1_AbCdEf123`).
    pub id: String,
    /// The pool's name.
    pub name: String,
    /// When it was last changed, when Cognito says.
    pub last_modified: Option<Millis>,
}

/// One page of `ListUserPools`.
#[derive(Clone, Debug, PartialEq)]
pub struct ListPage {
    /// The pools of this page.
    pub pools: Vec<PoolSummary>,
    /// The token of the next page; `None` on the last one.
    pub next_token: Option<String>,
}

/// A response that is JSON but not the shape the operation returns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShapeError(pub String);

impl fmt::Display for ShapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn parse_object(body: &str, operation: Operation) -> Result<Map<String, Value>, ShapeError> {
    match crate::json::parse(body.as_bytes()) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(ShapeError(format!(
            "The {} response is JSON but not an object.",
            operation.name()
        ))),
        Err(e) => Err(ShapeError(format!(
            "The {} response is not JSON ({e}).",
            operation.name()
        ))),
    }
}

/// A timestamp as Cognito sends it: epoch seconds, as an integer, a decimal or in exponent
/// form (`1.70057487574E9`).
pub fn epoch_seconds(value: &Value) -> Option<Millis> {
    let seconds = value.as_f64()?;
    seconds
        .is_finite()
        .then(|| (seconds * 1000.0).round() as Millis)
}

/// Reads a `ListUserPools` page.
///
/// # Errors
/// The body is not a JSON object, `UserPools` is not a list, or a pool has no `Id`.
pub fn read_list_page(body: &str) -> Result<ListPage, ShapeError> {
    let map = parse_object(body, Operation::ListUserPools)?;
    let pools = match map.get("UserPools") {
        None => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| {
                let id = item.get("Id").and_then(Value::as_str).ok_or_else(|| {
                    ShapeError("A pool in the ListUserPools response has no Id.".into())
                })?;
                Ok(PoolSummary {
                    id: id.to_owned(),
                    name: item
                        .get("Name")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_owned(),
                    last_modified: item.get("LastModifiedDate").and_then(epoch_seconds),
                })
            })
            .collect::<Result<_, _>>()?,
        Some(_) => {
            return Err(ShapeError(
                "UserPools in the ListUserPools response is not a list.".into(),
            ))
        }
    };
    let next_token = map
        .get("NextToken")
        .and_then(Value::as_str)
        .filter(|t| !t.is_empty())
        .map(str::to_owned);
    Ok(ListPage { pools, next_token })
}

/// Reads a `DescribeUserPool` response: the whole response object (`{"UserPool": {...}}`), as
/// [`crate::describe::describe_to_update`] takes it.
///
/// # Errors
/// The body is not a JSON object or has no `UserPool` object.
pub fn read_describe(body: &str) -> Result<Value, ShapeError> {
    let map = parse_object(body, Operation::DescribeUserPool)?;
    match map.get("UserPool") {
        Some(Value::Object(_)) => Ok(Value::Object(map)),
        _ => Err(ShapeError(
            "The DescribeUserPool response has no UserPool object.".into(),
        )),
    }
}

/// Reads an `UpdateUserPool` response: `{}` from Cognito; an empty body is accepted too (some
/// emulators send nothing).
///
/// # Errors
/// A body that is neither empty nor a JSON object.
pub fn read_update(body: &str) -> Result<(), ShapeError> {
    if body.trim().is_empty() {
        return Ok(());
    }
    parse_object(body, Operation::UpdateUserPool).map(|_| ())
}

/// The pools read so far while listing every page, and when to stop.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Listing {
    /// Every pool of the pages read, in order.
    pub pools: Vec<PoolSummary>,
    tokens: Vec<String>,
}

impl Listing {
    /// Adds a page and says which page to read next: `Ok(Some(token))`, or `Ok(None)` when the
    /// list is complete.
    ///
    /// # Errors
    /// Cognito handed back a token it already gave (the list would never end), or there are more
    /// than [`MAX_PAGES`] pages. The pools read so far stay in [`Listing::pools`].
    pub fn add(&mut self, page: ListPage) -> Result<Option<String>, ShapeError> {
        self.pools.extend(page.pools);
        let Some(token) = page.next_token else {
            return Ok(None);
        };
        if self.tokens.contains(&token) {
            return Err(ShapeError(format!(
                "Listing stopped after {} pools: the service sent the same page token twice. \
                 Type the pool ID instead.",
                self.pools.len()
            )));
        }
        if self.tokens.len() + 1 >= MAX_PAGES {
            return Err(ShapeError(format!(
                "Listing stopped after {} pages ({} pools). Type the pool ID if yours is not \
                 among them.",
                MAX_PAGES,
                self.pools.len()
            )));
        }
        self.tokens.push(token.clone());
        Ok(Some(token))
    }
}
