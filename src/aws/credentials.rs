//! The admin's AWS credentials, typed in or pasted in any of the forms admins already have:
//!
//! - `aws configure export-credentials --format process` (JSON with `Version`, `AccessKeyId`,
//!   `SecretAccessKey`, `SessionToken`, `Expiration`);
//! - the same command's `env` (`export AWS_…=…`), `env-no-export` (`AWS_…=…`), `powershell`
//!   (`$Env:AWS_…="…"`), `windows-cmd` (`set AWS_…=…`) and `fish` (`set -gx AWS_… …`) forms,
//!   `AWS_CREDENTIAL_EXPIRATION` included;
//! - `aws sts assume-role` / `get-session-token` output (`{"Credentials": {…}}`);
//! - Cognito Identity's `GetCredentialsForIdentity` (`SecretKey` instead of `SecretAccessKey`,
//!   `Expiration` in epoch seconds from the API);
//! - a profile of `~/.aws/credentials` (`aws_access_key_id = …`).
//!
//! Pure, and careful with secrets: the secret key and the session token appear in no message
//! and no `Debug` output.

use std::fmt;

use serde_json::{json, Map, Value};

use crate::aws::time::{format_iso8601, parse_iso8601, Millis};

/// A set of AWS credentials. `Debug` redacts the secret and the token; there is no `Display`.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    /// `ASIA…` (temporary) or `AKIA…` (long-term).
    pub access_key_id: String,
    /// The secret access key.
    pub secret_access_key: String,
    /// The session token of temporary credentials.
    pub session_token: Option<String>,
    /// When temporary credentials stop working, when known.
    pub expires_at: Option<Millis>,
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key_id", &mask(&self.access_key_id))
            .field("secret_access_key", &"<redacted>")
            .field(
                "session_token",
                &self
                    .session_token
                    .as_ref()
                    .map(|t| format!("<redacted, {} chars>", t.len())),
            )
            .field("expires_at", &self.expires_at.map(format_iso8601))
            .finish()
    }
}

/// `ASIA…WXYZ`: enough of a key id to tell keys apart (first and last four characters).
pub fn mask(key_id: &str) -> String {
    let chars: Vec<char> = key_id.chars().collect();
    if chars.len() <= 8 {
        return "…".to_owned();
    }
    let head: String = chars[..4].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}…{tail}")
}

impl Credentials {
    /// A long-term access key (`AKIA…`), or any key without a session token.
    pub fn is_long_term(&self) -> bool {
        self.access_key_id.starts_with("AKIA") || self.session_token.is_none()
    }

    /// Whether the credentials have expired at `now` (never, when no expiry is known).
    pub fn is_expired(&self, now: Millis) -> bool {
        self.expires_at.is_some_and(|at| at <= now)
    }

    /// Time left at `now`, when an expiry is known (negative once expired).
    pub fn remaining(&self, now: Millis) -> Option<Millis> {
        self.expires_at.map(|at| at - now)
    }

    /// The form kept in this tab's sessionStorage when the admin opts in.
    pub fn to_session_storage(&self) -> String {
        json!({
            "k": self.access_key_id,
            "s": self.secret_access_key,
            "t": self.session_token,
            "e": self.expires_at,
        })
        .to_string()
    }

    /// Reads [`Credentials::to_session_storage`]'s form; `None` for anything else.
    pub fn from_session_storage(text: &str) -> Option<Credentials> {
        let v: Value = serde_json::from_str(text).ok()?;
        let text = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
        let credentials = Credentials {
            access_key_id: text("k").filter(|k| !k.is_empty())?,
            secret_access_key: text("s").filter(|s| !s.is_empty())?,
            session_token: text("t"),
            expires_at: v.get("e").and_then(Value::as_i64),
        };
        Some(credentials)
    }
}

/// The form credentials were given in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `aws configure export-credentials --format process`.
    Process,
    /// `--format env`.
    Env,
    /// `--format env-no-export`.
    EnvNoExport,
    /// `--format powershell`.
    PowerShell,
    /// `--format windows-cmd`.
    WindowsCmd,
    /// `--format fish`.
    Fish,
    /// `aws sts assume-role`, `get-session-token`, `assume-role-with-web-identity`.
    StsJson,
    /// Cognito Identity's `GetCredentialsForIdentity`.
    CognitoIdentity,
    /// A profile of `~/.aws/credentials`.
    IniProfile,
    /// Typed into the four fields.
    Typed,
}

impl Format {
    /// What the admin knows it as.
    pub fn label(self) -> &'static str {
        match self {
            Format::Process => "aws configure export-credentials (process JSON)",
            Format::Env => "aws configure export-credentials --format env",
            Format::EnvNoExport => "aws configure export-credentials --format env-no-export",
            Format::PowerShell => "aws configure export-credentials --format powershell",
            Format::WindowsCmd => "aws configure export-credentials --format windows-cmd",
            Format::Fish => "aws configure export-credentials --format fish",
            Format::StsJson => "aws sts output (Credentials JSON)",
            Format::CognitoIdentity => "Cognito Identity GetCredentialsForIdentity output",
            Format::IniProfile => "a ~/.aws/credentials profile",
            Format::Typed => "the fields typed in",
        }
    }

    /// How this form writes the variable `name` (for messages about what is missing).
    fn spell(self, name: Name) -> String {
        let env = name.env();
        match self {
            Format::Process | Format::StsJson => name.json().to_owned(),
            Format::CognitoIdentity => match name {
                Name::Secret => "SecretKey".to_owned(),
                _ => name.json().to_owned(),
            },
            Format::Env => format!("export {env}=…"),
            Format::EnvNoExport => format!("{env}=…"),
            Format::PowerShell => format!("$Env:{env}=\"…\""),
            Format::WindowsCmd => format!("set {env}=…"),
            Format::Fish => format!("set -gx {env} …"),
            Format::IniProfile => format!("{} = …", env.to_ascii_lowercase()),
            Format::Typed => name.field().to_owned(),
        }
    }
}

/// The values credentials are made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Name {
    KeyId,
    Secret,
    Token,
    Expiration,
    Region,
}

impl Name {
    fn env(self) -> &'static str {
        match self {
            Name::KeyId => "AWS_ACCESS_KEY_ID",
            Name::Secret => "AWS_SECRET_ACCESS_KEY",
            Name::Token => "AWS_SESSION_TOKEN",
            Name::Expiration => "AWS_CREDENTIAL_EXPIRATION",
            Name::Region => "AWS_REGION",
        }
    }

    fn json(self) -> &'static str {
        match self {
            Name::KeyId => "AccessKeyId",
            Name::Secret => "SecretAccessKey",
            Name::Token => "SessionToken",
            Name::Expiration => "Expiration",
            Name::Region => "Region",
        }
    }

    fn field(self) -> &'static str {
        match self {
            Name::KeyId => "Access key ID",
            Name::Secret => "Secret access key",
            Name::Token => "Session token",
            Name::Expiration => "Expires at",
            Name::Region => "Region",
        }
    }

    /// The variable an environment-style or profile line sets, if it is one of ours.
    fn of_variable(name: &str) -> Option<Name> {
        Some(match name.to_ascii_uppercase().as_str() {
            "AWS_ACCESS_KEY_ID" => Name::KeyId,
            "AWS_SECRET_ACCESS_KEY" => Name::Secret,
            "AWS_SESSION_TOKEN" | "AWS_SECURITY_TOKEN" => Name::Token,
            "AWS_CREDENTIAL_EXPIRATION" => Name::Expiration,
            "AWS_REGION" | "AWS_DEFAULT_REGION" | "REGION" => Name::Region,
            _ => return None,
        })
    }
}

/// Something worth knowing about credentials that were read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// A long-term access key (or no session token).
    LongTerm,
    /// A key id that is not `AKIA`/`ASIA` and 16 more upper-case letters or digits.
    UnusualKeyId,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Warning::LongTerm => {
                "These are long-term credentials (an AKIA key, or no session token). They work, \
                 but a key that never expires should not be pasted into a web page: if it leaks, \
                 it stays usable until someone deletes it. Prefer temporary credentials, from \
                 `aws configure export-credentials` (with SSO or a role profile) or \
                 `aws sts get-session-token`."
            }
            Warning::UnusualKeyId => {
                "The access key ID does not look like an AWS one (AKIA or ASIA and 16 capital \
                 letters or digits). That is fine for a local emulator; for AWS, check that the \
                 whole ID was copied."
            }
        })
    }
}

/// Credentials read, with how they were given and what to know about them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    /// The credentials.
    pub credentials: Credentials,
    /// The form they were given in.
    pub format: Format,
    /// A Region given alongside (`AWS_REGION`, `AWS_DEFAULT_REGION`).
    pub region: Option<String>,
    /// Things worth knowing, in plain words.
    pub warnings: Vec<Warning>,
}

/// Why a paste or the typed fields give no credentials. The messages say what was recognised
/// and what is missing; they never quote a secret.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// Nothing was given.
    Empty,
    /// No form was recognised.
    NotRecognised,
    /// Only something that looks like an access key id.
    KeyIdOnly,
    /// JSON that could not be read.
    BadJson(String),
    /// JSON without the members credentials need.
    JsonWithout {
        /// The form recognised.
        format: Format,
        /// The members missing.
        missing: Vec<String>,
    },
    /// A recognised form with values missing.
    Missing {
        /// The form recognised.
        format: Format,
        /// How the missing values are written in that form.
        missing: Vec<String>,
    },
    /// The same variable set twice to different values.
    Conflict(&'static str),
    /// An expiry that is not a timestamp.
    BadExpiration(Format),
}

const ACCEPTED: &str = "the output of aws configure export-credentials (any --format), of aws sts \
                        assume-role or get-session-token, of Cognito Identity's \
                        GetCredentialsForIdentity, or a profile from ~/.aws/credentials";

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::Empty => write!(f, "Nothing was pasted. Paste {ACCEPTED}."),
            ParseError::NotRecognised => write!(
                f,
                "No credentials found in the text. Paste {ACCEPTED}, or type them in."
            ),
            ParseError::KeyIdOnly => f.write_str(
                "This is only an access key ID. The secret access key (and, for temporary \
                 credentials, the session token) are needed too: paste the whole output, or \
                 type all three in.",
            ),
            ParseError::BadJson(why) => write!(
                f,
                "This looks like JSON but cannot be read ({why}). Copy the whole output again, \
                 from the first {{ to the last }}."
            ),
            ParseError::JsonWithout { format, missing } => write!(
                f,
                "This is JSON ({}), but it has no {}. Paste the output of aws configure \
                 export-credentials --format process or of aws sts assume-role.",
                format.label(),
                missing.join(", ")
            ),
            ParseError::Missing { format, missing } => write!(
                f,
                "This looks like {} output, but it has no {} line. Copy the whole output, \
                 every line.",
                format.label(),
                missing.join(" or ")
            ),
            ParseError::Conflict(name) => write!(
                f,
                "{name} is set twice, to different values. Paste one set of credentials only."
            ),
            ParseError::BadExpiration(format) => write!(
                f,
                "The expiry ({}) is not a date and time. Write it like 2026-11-22T13:00:00Z, or \
                 leave it out.",
                format.spell(Name::Expiration)
            ),
        }
    }
}

impl std::error::Error for ParseError {}

/// Reads credentials pasted in any of the forms listed in the module docs.
///
/// # Errors
/// Nothing recognisable, or a recognised form with a value missing, a value set twice, or an
/// expiry that is not a timestamp (see [`ParseError`]).
pub fn parse(text: &str) -> Result<Parsed, ParseError> {
    let trimmed = strip_prompt(text.trim());
    if trimmed.is_empty() {
        return Err(ParseError::Empty);
    }
    if trimmed.starts_with('{') {
        return parse_json(trimmed);
    }
    parse_lines(trimmed)
}

/// Builds credentials from the four typed fields (an empty token or expiry means none).
///
/// # Errors
/// An empty key id or secret ([`ParseError::Missing`]), or an expiry that is not a timestamp.
pub fn from_fields(
    access_key_id: &str,
    secret: &str,
    session_token: &str,
    expiration: &str,
) -> Result<Parsed, ParseError> {
    let given = |s: &str| Some(s.trim()).filter(|s| !s.is_empty()).map(str::to_owned);
    let expiration = match given(expiration) {
        Some(text) => Some(parse_iso8601(&text).ok_or(ParseError::BadExpiration(Format::Typed))?),
        None => None,
    };
    let values = Values {
        key_id: given(access_key_id),
        secret: given(secret),
        token: given(session_token),
        expiration,
        region: None,
    };
    values.finish(Format::Typed)
}

/// A shell prompt copied along with the command output.
fn strip_prompt(text: &str) -> &str {
    text.strip_prefix("$ ").unwrap_or(text)
}

#[derive(Default)]
struct Values {
    key_id: Option<String>,
    secret: Option<String>,
    token: Option<String>,
    expiration: Option<Millis>,
    region: Option<String>,
}

impl Values {
    fn finish(self, format: Format) -> Result<Parsed, ParseError> {
        let mut missing = Vec::new();
        if self.key_id.is_none() {
            missing.push(format.spell(Name::KeyId));
        }
        if self.secret.is_none() {
            missing.push(format.spell(Name::Secret));
        }
        let (Some(access_key_id), Some(secret_access_key)) = (self.key_id, self.secret) else {
            return Err(ParseError::Missing { format, missing });
        };
        let credentials = Credentials {
            access_key_id,
            secret_access_key,
            session_token: self.token,
            expires_at: self.expiration,
        };
        let mut warnings = Vec::new();
        if credentials.is_long_term() {
            warnings.push(Warning::LongTerm);
        }
        if !looks_like_key_id(&credentials.access_key_id) {
            warnings.push(Warning::UnusualKeyId);
        }
        Ok(Parsed {
            credentials,
            format,
            region: self.region,
            warnings,
        })
    }
}

fn looks_like_key_id(id: &str) -> bool {
    (id.starts_with("AKIA") || id.starts_with("ASIA"))
        && id.len() == 20
        && id
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// An expiry as AWS writes it: an ISO 8601 string, or epoch seconds (integer, decimal or in
/// exponent form, as the Cognito Identity API sends).
fn expiration_of(value: &Value) -> Option<Millis> {
    match value {
        Value::String(text) => parse_iso8601(text).or_else(|| {
            text.trim()
                .parse::<f64>()
                .ok()
                .and_then(|s| expiration_of(&json!(s)))
        }),
        Value::Number(n) => n
            .as_f64()
            .filter(|s| s.is_finite() && *s > 0.0 && *s < 1e11)
            .map(|s| (s * 1000.0).round() as Millis),
        _ => None,
    }
}

fn parse_json(text: &str) -> Result<Parsed, ParseError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| ParseError::BadJson(e.to_string()))?;
    let Some(top) = value.as_object() else {
        return Err(ParseError::NotRecognised);
    };
    let (inner, format): (&Map<String, Value>, Format) = match top.get("Credentials") {
        Some(Value::Object(inner)) if inner.contains_key("SecretKey") => {
            (inner, Format::CognitoIdentity)
        }
        Some(Value::Object(inner)) => (inner, Format::StsJson),
        _ => (top, Format::Process),
    };
    let text_of = |k: &str| {
        inner
            .get(k)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    let mut values = Values {
        key_id: text_of("AccessKeyId"),
        secret: text_of("SecretAccessKey").or_else(|| text_of("SecretKey")),
        token: text_of("SessionToken"),
        expiration: None,
        region: top.get("Region").and_then(Value::as_str).map(str::to_owned),
    };
    if let Some(expiry) = inner.get("Expiration").filter(|v| !v.is_null()) {
        values.expiration = Some(expiration_of(expiry).ok_or(ParseError::BadExpiration(format))?);
    }
    if values.key_id.is_none() || values.secret.is_none() {
        let mut missing = Vec::new();
        if values.key_id.is_none() {
            missing.push(format.spell(Name::KeyId));
        }
        if values.secret.is_none() {
            missing.push(format.spell(Name::Secret));
        }
        return Err(ParseError::JsonWithout { format, missing });
    }
    values.finish(format)
}

/// A value without the quotes around it.
fn unquote(v: &str) -> &str {
    let v = v.trim();
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return &v[1..v.len() - 1];
        }
    }
    v
}

/// One line read as an assignment: its form, the variable and the value.
fn assignment(line: &str) -> Option<(Format, &str, &str)> {
    let lower = line.to_ascii_lowercase();
    if lower.starts_with("$env:") {
        let (name, value) = line[5..].split_once('=')?;
        return Some((Format::PowerShell, name.trim(), unquote(value)));
    }
    if let Some(rest) = line.strip_prefix("export ") {
        let (name, value) = rest.split_once('=')?;
        return Some((Format::Env, name.trim(), unquote(value)));
    }
    if let Some(rest) = line.strip_prefix("set ") {
        let rest = rest.trim_start();
        if rest.starts_with('-') {
            // fish: set -gx NAME VALUE (also -x, -Ux, --export, --global).
            let mut words = rest.split_whitespace().skip_while(|w| w.starts_with('-'));
            let name = words.next()?;
            let value = rest[rest.find(name)? + name.len()..].trim();
            return Some((Format::Fish, name, unquote(value)));
        }
        let (name, value) = rest.split_once('=')?;
        return Some((Format::WindowsCmd, name.trim(), unquote(value)));
    }
    let (name, value) = line.split_once('=')?;
    let name_trimmed = name.trim();
    if name_trimmed.is_empty() || name_trimmed.contains(char::is_whitespace) {
        return None;
    }
    let format = if name_trimmed.starts_with("aws_") || name != name_trimmed {
        Format::IniProfile
    } else {
        Format::EnvNoExport
    };
    Some((format, name_trimmed, unquote(value)))
}

fn parse_lines(text: &str) -> Result<Parsed, ParseError> {
    let mut values = Values::default();
    let mut format: Option<Format> = None;
    let mut seen_other = false;
    for raw in text.lines() {
        let line = strip_prompt(raw.trim());
        let lower = line.to_ascii_lowercase();
        if line.is_empty()
            || line.starts_with('#')
            || line.starts_with("::")
            || lower.starts_with("rem ")
            || (line.starts_with('[') && line.ends_with(']'))
        {
            continue;
        }
        let Some((form, variable, value)) = assignment(line) else {
            seen_other = true;
            continue;
        };
        let Some(name) = Name::of_variable(variable) else {
            continue;
        };
        format.get_or_insert(form);
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        let slot = match name {
            Name::KeyId => &mut values.key_id,
            Name::Secret => &mut values.secret,
            Name::Token => &mut values.token,
            Name::Region => &mut values.region,
            Name::Expiration => {
                let at = parse_iso8601(value)
                    .ok_or(ParseError::BadExpiration(format.unwrap_or(form)))?;
                if values.expiration.is_some_and(|e| e != at) {
                    return Err(ParseError::Conflict(name.env()));
                }
                values.expiration = Some(at);
                continue;
            }
        };
        match slot {
            Some(old) if old != value => return Err(ParseError::Conflict(name.env())),
            _ => *slot = Some(value.to_owned()),
        }
    }
    match format {
        Some(format) => values.finish(format),
        None if seen_other && looks_like_key_id(text.trim()) => Err(ParseError::KeyIdOnly),
        None => Err(ParseError::NotRecognised),
    }
}
