//! Temporary AWS credentials, read from what an administrator types or pastes.
//!
//! [`parse`] reads every form the AWS tools print (the output of
//! `aws configure export-credentials` in each `--format`, `aws sts` JSON, a Cognito Identity
//! `GetCredentialsForIdentity` response, a `~/.aws/credentials` profile) and tolerates what copy
//! and paste does to them (prompts, comments, quotes, CRLF, unrelated lines). [`from_fields`]
//! reads the "type them in" form. Both give a [`Parsed`] with plain-word [`Warning`]s, or a
//! [`ParseError`] that says what was recognised and what is missing.
//!
//! Pure: nothing here reads the clock ([`Parsed::checked_at`] and the [`Credentials`] methods
//! take `now`) or touches storage ([`Credentials::to_session_storage`] returns a string). The
//! secret and the session token never appear in `Debug` output or in any message.

use std::fmt;

use serde_json::{Map, Value};

use super::time::{format_iso8601, format_remaining, parse_iso8601, Millis};

/// Credentials that expire within this long (five minutes) get [`Warning::ExpiresSoon`].
pub const EXPIRES_SOON: Millis = 5 * 60_000;

/// An access key ID, its secret, and for temporary credentials the session token and expiry.
///
/// `Debug` shows the key ID masked (`ASIA…WXYZ`) and never the secret or the token.
#[derive(Clone, PartialEq)]
pub struct Credentials {
    /// `AKIA…` (long-term) or `ASIA…` (temporary); anything for a local emulator.
    pub access_key_id: String,
    /// The secret access key (may contain `/` and `+`).
    pub secret_access_key: String,
    /// The session token of temporary credentials.
    pub session_token: Option<String>,
    /// When temporary credentials stop working, if known.
    pub expires_at: Option<Millis>,
}

/// Text that `Debug` prints as it is, without quotes.
struct Plain(String);

impl fmt::Debug for Plain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let token = self.session_token.as_ref();
        f.debug_struct("Credentials")
            .field("access_key_id", &Plain(self.masked_key_id()))
            .field("secret_access_key", &Plain("<redacted>".to_owned()))
            .field(
                "session_token",
                &token.map(|t| Plain(format!("<redacted, {} chars>", t.chars().count()))),
            )
            .field(
                "expires_at",
                &self.expires_at.map(|at| Plain(format_iso8601(at))),
            )
            .finish()
    }
}

impl Credentials {
    /// Long-term credentials: an `AKIA` key ID, or no session token.
    pub fn is_long_term(&self) -> bool {
        self.access_key_id.starts_with("AKIA") || self.session_token.is_none()
    }

    /// Whether the expiry is known and not after `now`.
    pub fn is_expired(&self, now: Millis) -> bool {
        self.expires_at.is_some_and(|at| at <= now)
    }

    /// Time left before the expiry (zero once expired), or `None` when no expiry is known.
    pub fn remaining(&self, now: Millis) -> Option<Millis> {
        self.expires_at.map(|at| at.saturating_sub(now).max(0))
    }

    /// [`Warning::Expired`] or [`Warning::ExpiresSoon`] as of `now`, if either applies.
    pub fn expiry_warning(&self, now: Millis) -> Option<Warning> {
        let at = self.expires_at?;
        let left = at.saturating_sub(now);
        if left <= 0 {
            Some(Warning::Expired { at })
        } else {
            (left <= EXPIRES_SOON).then_some(Warning::ExpiresSoon {
                at,
                remaining: left,
            })
        }
    }

    /// The key ID as shown to people: its first and last four characters (`ASIA…WXYZ`), or
    /// all of it when it has eight characters or fewer.
    pub fn masked_key_id(&self) -> String {
        mask(&self.access_key_id)
    }

    /// A small JSON form for the opt-in "remember for this tab" (sessionStorage), read back
    /// exactly by [`Credentials::from_session_storage`].
    pub fn to_session_storage(&self) -> String {
        // Built member by member: `json!` with variables goes through serde's serializer, whose
        // error type and `unwrap` cost more wasm than these lines.
        let mut kept = Map::new();
        kept.insert("v".to_owned(), Value::from(1));
        kept.insert("id".to_owned(), Value::from(self.access_key_id.as_str()));
        kept.insert(
            "secret".to_owned(),
            Value::from(self.secret_access_key.as_str()),
        );
        kept.insert("token".to_owned(), Value::from(self.session_token.clone()));
        kept.insert("exp".to_owned(), Value::from(self.expires_at));
        crate::export::json_text(&Value::Object(kept))
    }

    /// Reads what [`Credentials::to_session_storage`] wrote; `None` for anything else.
    pub fn from_session_storage(text: &str) -> Option<Credentials> {
        let value = crate::json::parse(text.as_bytes()).ok()?;
        let obj = value.as_object()?;
        if obj.get("v")?.as_i64()? != 1 {
            return None;
        }
        let text = |name: &str| obj.get(name)?.as_str().map(str::to_owned);
        let session_token = match obj.get("token") {
            None | Some(Value::Null) => None,
            Some(token) => Some(token.as_str()?.to_owned()),
        };
        let expires_at = match obj.get("exp") {
            None | Some(Value::Null) => None,
            Some(at) => Some(at.as_i64()?),
        };
        Some(Credentials {
            access_key_id: text("id")?,
            secret_access_key: text("secret")?,
            session_token,
            expires_at,
        })
    }
}

/// Every input [`parse`] and [`from_fields`] recognise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `aws configure export-credentials` (default `--format process`): indented JSON
    /// `{"Version": 1, "AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"}`.
    Process,
    /// `--format env`: `export AWS_ACCESS_KEY_ID=…` lines.
    Env,
    /// `--format env-no-export`: `AWS_ACCESS_KEY_ID=…` lines.
    EnvNoExport,
    /// `--format powershell`: `$Env:AWS_ACCESS_KEY_ID="…"` lines.
    PowerShell,
    /// `--format windows-cmd`: `set AWS_ACCESS_KEY_ID=…` lines.
    WindowsCmd,
    /// `--format fish`: `set -gx AWS_ACCESS_KEY_ID "…"` lines (`set -x` and other flags too).
    Fish,
    /// `aws sts assume-role`, `get-session-token` or `assume-role-with-web-identity` output:
    /// `{"Credentials": {"AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"}, …}`.
    StsJson,
    /// Cognito Identity `GetCredentialsForIdentity`:
    /// `{"IdentityId", "Credentials": {"AccessKeyId", "SecretKey", "SessionToken", "Expiration"}}`.
    CognitoIdentity,
    /// A `~/.aws/credentials` profile: `aws_access_key_id = …` lines, maybe under `[name]`.
    IniProfile,
    /// Typed into the form's fields ([`from_fields`]).
    Fields,
}

impl Format {
    /// Every format, in the order the console lists them.
    pub const ALL: [Format; 10] = [
        Format::Process,
        Format::Env,
        Format::EnvNoExport,
        Format::PowerShell,
        Format::WindowsCmd,
        Format::Fish,
        Format::StsJson,
        Format::CognitoIdentity,
        Format::IniProfile,
        Format::Fields,
    ];

    /// A plain-English name for the UI ("Read as: …").
    pub fn label(self) -> &'static str {
        match self {
            Format::Process => "aws configure export-credentials (process JSON)",
            Format::Env => "aws configure export-credentials --format env (shell exports)",
            Format::EnvNoExport => {
                "aws configure export-credentials --format env-no-export (shell variables)"
            }
            Format::PowerShell => "aws configure export-credentials --format powershell",
            Format::WindowsCmd => "aws configure export-credentials --format windows-cmd",
            Format::Fish => "aws configure export-credentials --format fish",
            Format::StsJson => "aws sts assume-role / get-session-token (JSON)",
            Format::CognitoIdentity => "Cognito Identity GetCredentialsForIdentity (JSON)",
            Format::IniProfile => "~/.aws/credentials profile",
            Format::Fields => "typed in, field by field",
        }
    }

    /// What a field is called in this format (`AWS_SECRET_ACCESS_KEY`, `SecretKey`,
    /// `aws_session_token`, …), as messages name it.
    pub fn field_name(self, field: Field) -> &'static str {
        use Field::*;
        match (self, field) {
            (Format::Process | Format::StsJson | Format::CognitoIdentity, AccessKeyId) => {
                "AccessKeyId"
            }
            (Format::CognitoIdentity, SecretAccessKey) => "SecretKey",
            (Format::Process | Format::StsJson, SecretAccessKey) => "SecretAccessKey",
            (Format::Process | Format::StsJson | Format::CognitoIdentity, SessionToken) => {
                "SessionToken"
            }
            (Format::Process | Format::StsJson | Format::CognitoIdentity, Expiration) => {
                "Expiration"
            }
            (Format::IniProfile, AccessKeyId) => "aws_access_key_id",
            (Format::IniProfile, SecretAccessKey) => "aws_secret_access_key",
            (Format::IniProfile, SessionToken) => "aws_session_token",
            (Format::Fields, AccessKeyId) => "access key ID",
            (Format::Fields, SecretAccessKey) => "secret access key",
            (Format::Fields, SessionToken) => "session token",
            (Format::Fields | Format::IniProfile, Expiration) => "expiration",
            (_, AccessKeyId) => "AWS_ACCESS_KEY_ID",
            (_, SecretAccessKey) => "AWS_SECRET_ACCESS_KEY",
            (_, SessionToken) => "AWS_SESSION_TOKEN",
            (_, Expiration) => "AWS_CREDENTIAL_EXPIRATION",
        }
    }

    /// "This looks like …".
    fn what(self) -> &'static str {
        match self {
            Format::Process => "`aws configure export-credentials --format process` output",
            Format::Env => "`aws configure export-credentials --format env` output",
            Format::EnvNoExport => {
                "`aws configure export-credentials --format env-no-export` output"
            }
            Format::PowerShell => "`aws configure export-credentials --format powershell` output",
            Format::WindowsCmd => "`aws configure export-credentials --format windows-cmd` output",
            Format::Fish => "`aws configure export-credentials --format fish` output",
            Format::StsJson => "`aws sts assume-role` (or `get-session-token`) output",
            Format::CognitoIdentity => "a Cognito Identity GetCredentialsForIdentity response",
            Format::IniProfile => "a profile from ~/.aws/credentials",
            Format::Fields => "the typed values",
        }
    }

    /// What to copy instead, after a "this looks like … but" message.
    fn advice(self) -> &'static str {
        match self {
            Format::Process | Format::StsJson | Format::CognitoIdentity => {
                " Copy the whole output, from the first { to the last }."
            }
            Format::IniProfile => " Copy the whole profile block.",
            Format::Fields => "",
            _ => " Copy the whole output, all four lines.",
        }
    }

    /// Whether the format is one variable per line (its fields are "lines").
    fn is_lines(self) -> bool {
        !matches!(
            self,
            Format::Process | Format::StsJson | Format::CognitoIdentity | Format::Fields
        )
    }
}

/// One part of a set of credentials.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The access key ID.
    AccessKeyId,
    /// The secret access key.
    SecretAccessKey,
    /// The session token.
    SessionToken,
    /// The expiry time.
    Expiration,
}

/// Credentials read from text, with what they were read as.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The credentials.
    pub credentials: Credentials,
    /// The form they were read from.
    pub format: Format,
    /// `AWS_REGION` (else `AWS_DEFAULT_REGION`, or `region` in a profile), when present.
    pub region: Option<String>,
    /// Things the admin should know; none of them stops the credentials from being used.
    pub warnings: Vec<Warning>,
}

impl Parsed {
    /// The same, with the expiry warning as of `now` (replacing any earlier one).
    /// [`parse`] and [`from_fields`] cannot add it themselves: they do not read the clock.
    #[must_use]
    pub fn checked_at(mut self, now: Millis) -> Parsed {
        self.warnings
            .retain(|w| !matches!(w, Warning::Expired { .. } | Warning::ExpiresSoon { .. }));
        self.warnings.extend(self.credentials.expiry_warning(now));
        self
    }
}

/// Something about usable credentials that the admin should know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// Long-term credentials: an `AKIA` key ID (`akia`), or no session token.
    LongTerm {
        /// The key ID starts with `AKIA` (otherwise the session token is missing).
        akia: bool,
    },
    /// The expiry has passed.
    Expired {
        /// When they expired.
        at: Millis,
    },
    /// The credentials expire within [`EXPIRES_SOON`].
    ExpiresSoon {
        /// When they expire.
        at: Millis,
        /// How long is left.
        remaining: Millis,
    },
    /// The key ID is not `AKIA`/`ASIA` and 16 capital letters or digits.
    UnusualKeyId {
        /// The key ID, masked.
        key_id: String,
    },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::LongTerm { akia } => write!(
                f,
                "{} This console is meant for temporary credentials: a key held in a browser \
                 tab can be read by anything that runs in the page (an extension, an injected \
                 script), and a long-term key keeps working until someone deletes it, while \
                 temporary credentials expire on their own. Get temporary ones with \
                 `aws sts get-session-token`, or with `aws configure export-credentials` for a \
                 profile that uses IAM Identity Center (SSO) or assumes a role.",
                if *akia {
                    "This is a long-term access key (its ID starts with AKIA)."
                } else {
                    "There is no session token, so these are long-term credentials."
                }
            ),
            Warning::Expired { at } => write!(
                f,
                "These credentials expired at {}. Get new ones (run the command again) and \
                 paste them here.",
                format_iso8601(*at)
            ),
            Warning::ExpiresSoon { at, remaining } => write!(
                f,
                "These credentials expire in {} (at {}). Get fresh ones before starting a \
                 change that may take longer.",
                format_remaining(*remaining),
                format_iso8601(*at)
            ),
            Warning::UnusualKeyId { key_id } => write!(
                f,
                "The access key ID {key_id} does not look like an AWS one (AKIA or ASIA \
                 followed by 16 capital letters and digits). It is accepted because local \
                 emulators take any ID; check that it was copied whole."
            ),
        }
    }
}

/// Why text could not be read as credentials. Messages never contain the secret or the token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// Nothing but whitespace.
    Empty,
    /// No form of credentials recognised.
    NotRecognised,
    /// Starts like JSON but is not valid JSON (cut off, most likely).
    InvalidJson {
        /// Line of the error, counted in the pasted text.
        line: usize,
        /// Column of the error.
        column: usize,
    },
    /// JSON members such as `"AccessKeyId": …` without the braces around them.
    JsonFragment,
    /// Valid JSON with no credentials in it.
    JsonWithoutCredentials,
    /// Only an access key ID (masked here), nothing else.
    OnlyKeyId {
        /// The key ID, masked.
        key_id: String,
    },
    /// The form was recognised but a required part is absent or empty.
    Missing {
        /// The form recognised.
        format: Format,
        /// The part that is missing.
        field: Field,
    },
    /// A JSON member has a value that is not a string.
    NotText {
        /// The form recognised.
        format: Format,
        /// The part with the wrong type.
        field: Field,
    },
    /// The same variable is given twice with different values.
    Conflict {
        /// The variable, as it was written.
        variable: String,
    },
    /// The expiration is neither an ISO 8601 timestamp nor epoch seconds.
    BadExpiration {
        /// The form recognised.
        format: Format,
    },
}

const ACCEPTED: &str = "Paste one of: the output of `aws configure export-credentials` in any \
    --format (process, env, env-no-export, powershell, windows-cmd, fish); the JSON output of \
    `aws sts assume-role`, `get-session-token` or `assume-role-with-web-identity`; a Cognito \
    Identity GetCredentialsForIdentity response; or a profile block from ~/.aws/credentials \
    (aws_access_key_id = …). Or type the values in the fields.";

const TOKEN_NEEDED: &str = " Access key IDs that start with ASIA are temporary and work only \
    together with their session token.";

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::Empty => write!(f, "Nothing to read yet. {ACCEPTED}"),
            ParseError::NotRecognised => write!(f, "No credentials found. {ACCEPTED}"),
            ParseError::InvalidJson { line, column } => write!(
                f,
                "This starts like JSON but is not valid JSON (line {line}, column {column}); it \
                 was probably cut off. Copy the whole output, from the first {{ to the last }}."
            ),
            ParseError::JsonFragment => f.write_str(
                "This looks like part of a JSON output: it has credential members but not the \
                 braces around them. Copy the whole output, from the first { to the last }.",
            ),
            ParseError::JsonWithoutCredentials => f.write_str(
                "This is JSON, but it has no AccessKeyId: paste the output of \
                 `aws configure export-credentials --format process` or of `aws sts assume-role`.",
            ),
            ParseError::OnlyKeyId { key_id } => write!(
                f,
                "This is only an access key ID ({key_id}); the secret access key and the session \
                 token are needed too. Paste the whole output of \
                 `aws configure export-credentials --format env` (or another form it prints), \
                 or type each value in its field."
            ),
            ParseError::Missing {
                format: Format::Fields,
                field,
            } => {
                write!(f, "Enter the {}.", Format::Fields.field_name(*field))?;
                if *field == Field::SessionToken {
                    f.write_str(TOKEN_NEEDED)?;
                }
                Ok(())
            }
            ParseError::Missing { format, field } => {
                write!(
                    f,
                    "This looks like {}, but it has no {}{}.",
                    format.what(),
                    format.field_name(*field),
                    if format.is_lines() { " line" } else { "" }
                )?;
                if *field == Field::SessionToken {
                    f.write_str(TOKEN_NEEDED)?;
                }
                f.write_str(format.advice())
            }
            ParseError::NotText { format, field } => write!(
                f,
                "This looks like {}, but its {} is not text.{}",
                format.what(),
                format.field_name(*field),
                format.advice()
            ),
            ParseError::Conflict { variable } => write!(
                f,
                "{variable} is given twice, with different values. Paste one set of \
                 credentials at a time (from a ~/.aws/credentials file, only the profile you \
                 want)."
            ),
            ParseError::BadExpiration {
                format: Format::Fields,
            } => f.write_str(
                "The expiration is not a timestamp: enter it like 2026-11-22T13:00:00Z (UTC) \
                 or 2026-11-22T14:00:00+01:00, or leave it empty.",
            ),
            ParseError::BadExpiration { format } => write!(
                f,
                "This looks like {}, but its {} is not a timestamp such as \
                 2026-11-22T13:00:00+00:00 or epoch seconds.{}",
                format.what(),
                format.field_name(Field::Expiration),
                format.advice()
            ),
        }
    }
}

impl std::error::Error for ParseError {}

/// Reads credentials pasted in any [`Format`] but [`Format::Fields`].
///
/// JSON is found wherever it is in the text (after a command line, wrapped in other members);
/// otherwise the text is read line by line, skipping blank lines, comments (`#`, `;`, `REM`,
/// `::`), prompts (`$ `, `PS C:\>`) and unrelated variables. Values may be quoted. The result
/// has no expiry warnings yet: add them with [`Parsed::checked_at`].
///
/// # Errors
///
/// A [`ParseError`] saying what was recognised and what is missing: empty text, nothing
/// recognised, broken JSON, only a key ID, a missing key ID, secret or (for an `ASIA` key)
/// session token, a variable given twice with different values, or an expiration that is not a
/// timestamp.
pub fn parse(text: &str) -> Result<Parsed, ParseError> {
    let text = text.trim_start_matches('\u{feff}');
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(ParseError::Empty);
    }
    let mut json_error = None;
    if let Some(start) = text.find('{') {
        let end = text
            .rfind('}')
            .filter(|&e| e > start)
            .map_or(text.len(), |e| e + 1);
        match crate::json::parse(text.get(start..end).unwrap_or_default().as_bytes()) {
            // JSON with no credentials in a text that does not start with it (`{` in a
            // prompt, say): read the lines instead.
            Ok(value) => match from_json(&value) {
                Err(ParseError::JsonWithoutCredentials) if !trimmed.starts_with('{') => {}
                result => return result,
            },
            Err(e) => {
                let (line, column) = crate::json::position(text.as_bytes(), start + e.offset);
                let error = ParseError::InvalidJson { line, column };
                if trimmed.starts_with('{') {
                    return Err(error);
                }
                json_error = Some(error);
            }
        }
    }
    match from_lines(text) {
        Err(ParseError::NotRecognised) => Err(json_error.unwrap_or(
            if ["\"AccessKeyId\"", "\"SecretAccessKey\"", "\"SecretKey\""]
                .iter()
                .any(|m| text.contains(m))
            {
                ParseError::JsonFragment
            } else {
                ParseError::NotRecognised
            },
        )),
        result => result,
    }
}

/// Reads the "type them in" form: each value trimmed (and unquoted); an empty token or
/// expiration means none. The expiration is ISO 8601 (`2026-11-22T13:00:00Z`) or epoch seconds.
///
/// # Errors
///
/// [`ParseError::Missing`] (with [`Format::Fields`]) for an empty key ID or secret, or an empty
/// token with an `ASIA` key ID; [`ParseError::BadExpiration`] for an expiration that is not a
/// timestamp.
pub fn from_fields(
    access_key_id: &str,
    secret: &str,
    session_token: &str,
    expiration: &str,
) -> Result<Parsed, ParseError> {
    let value = |s: &str| Some(unquote(s).to_owned()).filter(|v| !v.is_empty());
    let expires_at = match value(expiration) {
        None => None,
        Some(text) => Some(read_time(&text).ok_or(ParseError::BadExpiration {
            format: Format::Fields,
        })?),
    };
    let (id, secret, token) = (value(access_key_id), value(secret), value(session_token));
    assemble(Format::Fields, id, secret, token, expires_at, None)
}

/// Checks the parts and builds the result with its warnings.
fn assemble(
    format: Format,
    id: Option<String>,
    secret: Option<String>,
    token: Option<String>,
    expires_at: Option<Millis>,
    region: Option<String>,
) -> Result<Parsed, ParseError> {
    let missing = |field| ParseError::Missing { format, field };
    let access_key_id = id.ok_or_else(|| missing(Field::AccessKeyId))?;
    let secret_access_key = secret.ok_or_else(|| missing(Field::SecretAccessKey))?;
    if token.is_none() && access_key_id.starts_with("ASIA") {
        return Err(missing(Field::SessionToken));
    }
    let credentials = Credentials {
        access_key_id,
        secret_access_key,
        session_token: token,
        expires_at,
    };
    let mut warnings = Vec::new();
    if credentials.is_long_term() {
        warnings.push(Warning::LongTerm {
            akia: credentials.access_key_id.starts_with("AKIA"),
        });
    }
    if !looks_like_key_id(&credentials.access_key_id) {
        warnings.push(Warning::UnusualKeyId {
            key_id: credentials.masked_key_id(),
        });
    }
    Ok(Parsed {
        credentials,
        format,
        region,
        warnings,
    })
}

/// `AKIA` or `ASIA` and 16 capital letters or digits.
fn looks_like_key_id(id: &str) -> bool {
    (id.starts_with("AKIA") || id.starts_with("ASIA"))
        && id.len() == 20
        && id
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// First four and last four characters, or all of a short ID.
fn mask(id: &str) -> String {
    let n = id.chars().count();
    if n <= 8 {
        return id.to_owned();
    }
    let tail = id.chars().skip(n - 4);
    id.chars().take(4).chain(Some('…')).chain(tail).collect()
}

/// An expiration written as ISO 8601 or as epoch seconds.
fn read_time(text: &str) -> Option<Millis> {
    parse_iso8601(text).or_else(|| epoch_number(text.trim()).and_then(epoch_millis))
}

/// Epoch seconds written as a JSON number (`1795352400`, `1.79E9`), read by the JSON reader the
/// console already carries: `str::parse::<f64>` would add core's exactly-rounding decimal
/// parser and its 10 KB table of powers of five to the wasm, for no better result once the
/// number is rounded to milliseconds. Text that is not a JSON number (`NaN`, `inf`, `+5`) is
/// not a time.
fn epoch_number(text: &str) -> Option<f64> {
    match crate::json::parse(text.as_bytes()) {
        Ok(Value::Number(number)) => number.as_f64(),
        _ => None,
    }
}

/// Epoch seconds (as the raw Cognito Identity API returns, e.g. `1.79E9`) as milliseconds.
/// Numbers from 10^11 on are read as milliseconds already (10^11 seconds is the year 5138).
fn epoch_millis(number: f64) -> Option<Millis> {
    if !(0.0..1e14).contains(&number) {
        None
    } else if number >= 1e11 {
        Some(number.round() as Millis)
    } else {
        Some((number * 1000.0).round() as Millis)
    }
}

/// Members that mark the object holding the credentials.
const JSON_MEMBERS: [&str; 4] = [
    "AccessKeyId",
    "SecretAccessKey",
    "SecretKey",
    "SessionToken",
];

/// The object holding the credentials, searched to a bounded depth, and its format.
fn locate(value: &Value, depth: u8) -> Option<(&Map<String, Value>, Format)> {
    let obj = match value {
        Value::Object(obj) => obj,
        Value::Array(items) if depth > 0 => {
            return items.iter().find_map(|v| locate(v, depth - 1));
        }
        _ => return None,
    };
    let cognito = |o: &Map<String, Value>| o.contains_key("SecretKey");
    if JSON_MEMBERS.iter().any(|m| obj.contains_key(*m)) {
        let format = if cognito(obj) {
            Format::CognitoIdentity
        } else {
            Format::Process
        };
        return Some((obj, format));
    }
    if let Some(inner) = obj.get("Credentials").and_then(Value::as_object) {
        let format = if cognito(inner) || obj.contains_key("IdentityId") {
            Format::CognitoIdentity
        } else {
            Format::StsJson
        };
        return Some((inner, format));
    }
    if depth == 0 {
        return None;
    }
    obj.values().find_map(|v| locate(v, depth - 1))
}

/// Reads the credentials out of a JSON document.
fn from_json(value: &Value) -> Result<Parsed, ParseError> {
    let (obj, format) = locate(value, 8).ok_or(ParseError::JsonWithoutCredentials)?;
    let text = |name: &str, field| match obj.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.trim().to_owned()).filter(|s| !s.is_empty())),
        Some(_) => Err(ParseError::NotText { format, field }),
    };
    let id = text("AccessKeyId", Field::AccessKeyId)?;
    let secret = match text("SecretAccessKey", Field::SecretAccessKey)? {
        Some(secret) => Some(secret),
        None => text("SecretKey", Field::SecretAccessKey)?,
    };
    let token = text("SessionToken", Field::SessionToken)?;
    let bad = ParseError::BadExpiration { format };
    let expires_at = match obj.get("Expiration") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.trim().is_empty() => None,
        Some(Value::String(s)) => Some(read_time(s).ok_or(bad)?),
        Some(Value::Number(n)) => Some(n.as_f64().and_then(epoch_millis).ok_or(bad)?),
        Some(_) => return Err(bad),
    };
    assemble(format, id, secret, token, expires_at, None)
}

/// Reads variables line by line (every format but the JSON ones).
fn from_lines(text: &str) -> Result<Parsed, ParseError> {
    // Key ID, secret, token, expiration, AWS_REGION, AWS_DEFAULT_REGION: (name, value).
    let mut found: [Option<(&str, &str)>; 6] = [None; 6];
    let mut format = None;
    let mut section = false;
    let mut bare_key = None;
    for line in text.split(['\n', '\r']) {
        let line = line.trim();
        if line.is_empty() || is_comment(line) {
            continue;
        }
        if line.starts_with('[') && line.ends_with(']') {
            section = true;
            continue;
        }
        let assigned = assignment(line).or_else(|| {
            ["$ ", "% ", ">"]
                .iter()
                .find_map(|prompt| assignment(line.split_once(prompt)?.1.trim_start()))
        });
        let Some((line_format, name, raw)) = assigned else {
            let word = clean(line);
            if bare_key.is_none()
                && word.len() >= 16
                && (word.starts_with("AKIA") || word.starts_with("ASIA"))
                && word.bytes().all(|b| b.is_ascii_alphanumeric())
            {
                bare_key = Some(word);
            }
            continue;
        };
        let index = match name.to_ascii_uppercase().as_str() {
            "AWS_ACCESS_KEY_ID" => 0,
            "AWS_SECRET_ACCESS_KEY" => 1,
            "AWS_SESSION_TOKEN" | "AWS_SECURITY_TOKEN" => 2,
            "AWS_CREDENTIAL_EXPIRATION" | "AWS_SESSION_EXPIRATION" => 3,
            "AWS_REGION" => 4,
            "REGION" if line_format == Format::IniProfile => 4,
            "AWS_DEFAULT_REGION" => 5,
            _ => continue,
        };
        format = format.or(Some(line_format));
        let value = clean(raw);
        if value.is_empty() {
            continue;
        }
        match found[index] {
            None => found[index] = Some((name, value)),
            Some((_, earlier)) if earlier != value && index < 4 => {
                return Err(ParseError::Conflict {
                    variable: name.to_owned(),
                });
            }
            Some(_) => {}
        }
    }
    let Some(mut format) = format else {
        return Err(
            bare_key.map_or(ParseError::NotRecognised, |key| ParseError::OnlyKeyId {
                key_id: mask(key),
            }),
        );
    };
    if section && format == Format::EnvNoExport {
        format = Format::IniProfile;
    }
    let value = |index: usize| found[index].map(|(_, v)| v.to_owned());
    let expires_at = match found[3] {
        None => None,
        Some((_, v)) => Some(read_time(v).ok_or(ParseError::BadExpiration { format })?),
    };
    let region = value(4).or(value(5));
    assemble(format, value(0), value(1), value(2), expires_at, region)
}

/// `#`, `;`, `//`, `::` and `REM` comment lines.
fn is_comment(line: &str) -> bool {
    ["#", ";", "//", "::"].iter().any(|c| line.starts_with(c))
        || prefix_ci(line, "rem").is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

/// `line` without `prefix`, compared ignoring ASCII case.
fn prefix_ci<'a>(line: &'a str, prefix: &str) -> Option<&'a str> {
    let head = line.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| line.get(prefix.len()..))
        .flatten()
}

/// What follows a leading command word (`export`, `set`) and whitespace.
fn command<'a>(line: &'a str, word: &str) -> Option<&'a str> {
    let rest = prefix_ci(line, word)?;
    rest.starts_with(char::is_whitespace)
        .then(|| rest.trim_start())
}

/// One variable assignment: its format, the variable's name, and the raw value.
fn assignment(line: &str) -> Option<(Format, &str, &str)> {
    let (format, name, value) = if let Some(rest) = command(line, "export") {
        let (name, value) = rest.split_once('=')?;
        (Format::Env, name, value)
    } else if let Some(rest) = prefix_ci(line, "$env:") {
        let (name, value) = rest.split_once('=')?;
        (Format::PowerShell, name, value)
    } else if let Some(mut rest) = command(line, "set") {
        let cmd = rest
            .strip_prefix('"')
            .map_or(rest, |r| r.strip_suffix('"').unwrap_or(r))
            .split_once('=')
            .filter(|(name, _)| !rest.starts_with('-') && !name.contains(char::is_whitespace));
        if let Some((name, value)) = cmd {
            (Format::WindowsCmd, name, value)
        } else {
            // fish: `set -gx NAME "value"` (any flags, or none)
            while rest.starts_with('-') {
                rest = rest.split_once(char::is_whitespace)?.1.trim_start();
            }
            let (name, value) = rest.split_once(char::is_whitespace)?;
            (Format::Fish, name, value)
        }
    } else {
        let (name, value) = line.split_once('=')?;
        let ini = name.ends_with(char::is_whitespace)
            || value.starts_with(char::is_whitespace)
            || name.contains(|c: char| c.is_ascii_lowercase());
        let format = if ini {
            Format::IniProfile
        } else {
            Format::EnvNoExport
        };
        (format, name, value)
    };
    let name = name.trim();
    let is_name = name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_');
    is_name.then_some((format, name, value))
}

/// Quote pairs a value may be wrapped in (straight, and the curly ones chat tools substitute).
const QUOTES: [(char, char); 4] = [('"', '"'), ('\'', '\''), ('“', '”'), ('‘', '’')];

/// A pasted value without its quotes, statement end (`;`) or trailing comment.
fn clean(raw: &str) -> &str {
    let value = raw.trim();
    for (open, close) in QUOTES {
        if let Some(inner) = value.strip_prefix(open) {
            return inner
                .split_once(close)
                .map_or(inner, |(inside, _)| inside)
                .trim();
        }
    }
    value
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .trim_end_matches(';')
}

/// A typed value, trimmed, without quotes around all of it.
fn unquote(text: &str) -> &str {
    let value = text.trim();
    QUOTES
        .iter()
        .find_map(|&(open, close)| value.strip_prefix(open)?.strip_suffix(close))
        .map_or(value, str::trim)
}
