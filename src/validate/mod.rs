//! Validation: a request body as JSON (the form's draft, an import) or typed in, findings out.
//!
//! Per-field model constraints come first ([`constraints`], driven by the field table), then
//! the cross-field rules of the catalogue ([`rules`]). Every finding names the model path, the
//! JSON pointer of the exact value, a severity, the rule id and a plain-words message.

mod constraints;
mod rules;

use std::fmt;

use serde_json::Value;

use crate::model::json::FromJson;
use crate::model::UpdateUserPoolRequest;

pub use constraints::join as join_pointer;
pub use rules::CATALOGUE;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The API would reject the request, or it would not do what it says: blocks sending.
    Error,
    /// Accepted by the API, but probably not what the admin wants: needs acknowledgement.
    Warning,
}

impl Severity {
    /// `"error"` or `"warning"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem found in a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Model path of the field the finding belongs to (`A.B`, `A[]`, `A{key}`, `A{value}`).
    pub path: String,
    /// RFC 6901 pointer to the exact value (`/AccountRecoverySetting/RecoveryMechanisms/1/Priority`).
    pub pointer: String,
    /// Error or warning.
    pub severity: Severity,
    /// Rule id from the catalogue (`R-MODEL-LEN`, `R-PWD-02`, ...).
    pub rule: &'static str,
    /// What is wrong and what would be right, in plain words.
    pub message: String,
}

impl Finding {
    pub(crate) fn new(
        severity: Severity,
        rule: &'static str,
        path: impl Into<String>,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Finding {
            path: path.into(),
            pointer: pointer.into(),
            severity,
            rule,
            message: message.into(),
        }
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = if self.pointer.is_empty() {
            "/"
        } else {
            &self.pointer
        };
        write!(
            f,
            "{} {} at {}: {}",
            self.severity, self.rule, at, self.message
        )
    }
}

/// Whether any finding is an error.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

/// The outcome of checking raw JSON.
#[derive(Clone, Debug)]
pub struct Checked {
    /// The JSON minus whatever the model cannot hold (type errors, unknown members, unknown enum
    /// values, structures missing a required member): what the cross-field rules ran on. `None`
    /// when the JSON is not an object.
    pub readable: Option<Value>,
    /// Whether `readable` is the whole input: nothing had to be dropped.
    pub faithful: bool,
    /// Everything found, model constraints first, then cross-field rules. Cross-field findings
    /// inside a structure that holds an unreadable value (a type error, an unknown enum value, a
    /// missing required member) are withheld until that value is fixed: the rules would see it as
    /// absent.
    pub findings: Vec<Finding>,
}

impl Checked {
    /// The typed request, when the JSON reads as one without dropping anything: no type errors,
    /// no unknown members, no missing required members, no unknown enum values.
    pub fn request(&self) -> Option<UpdateUserPoolRequest> {
        if !self.faithful {
            return None;
        }
        UpdateUserPoolRequest::from_json(self.readable.as_ref()?)
    }
}

/// Whether `value` reads exactly as a request body (what [`Checked::faithful`] says): a baseline
/// must, and only such a draft can be exported or sent as it is.
pub fn reads_exactly(value: &Value) -> bool {
    let mut findings = Vec::new();
    constraints::walk_request(value, &mut findings).faithful
}

/// Checks a request body given as raw JSON (an import, a file, the form's draft).
///
/// Reports JSON type errors (`"12"` for an integer, `null`, ...), unknown or misspelled members,
/// missing required members and every model constraint, then runs the cross-field rules on what
/// could be read. `baseline` is the configuration loaded from the pool, when there is one and
/// it [`reads_exactly`]: some rules compare against it (see [`CATALOGUE`]). Never panics.
pub fn check_json(value: &Value, baseline: Option<&Value>) -> Checked {
    let mut findings = Vec::new();
    let walked = constraints::walk_request(value, &mut findings);
    if let Some(readable) = &walked.readable {
        let mut cross = Vec::new();
        rules::check(readable, baseline, &mut cross);
        let inside = |pointer: &str, scope: &str| {
            pointer
                .strip_prefix(scope)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        };
        findings.extend(cross.into_iter().filter(|finding| {
            !walked
                .unreliable
                .iter()
                .any(|scope| inside(&finding.pointer, scope))
        }));
    }
    Checked {
        readable: walked.readable,
        faithful: walked.faithful,
        findings,
    }
}

/// Checks a typed request: the same model constraints and cross-field rules as [`check_json`]
/// on its JSON; type errors cannot occur.
pub fn check_request(
    request: &UpdateUserPoolRequest,
    baseline: Option<&UpdateUserPoolRequest>,
) -> Vec<Finding> {
    let baseline = baseline.and_then(|b| serde_json::to_value(b).ok());
    match serde_json::to_value(request) {
        Ok(value) => check_json(&value, baseline.as_ref()).findings,
        Err(error) => vec![Finding::new(
            Severity::Error,
            "R-MODEL-TYPE",
            "",
            "",
            format!("The request could not be turned into JSON: {error}"),
        )],
    }
}
