//! Reading a document someone brings (a file, a paste): JSON with helpful syntax messages, then
//! either an `UpdateUserPool` body or a `DescribeUserPool` output, checked.
//!
//! Shared by the `check-request` command and the browser, so both say the same things.

use serde_json::Value;

use crate::describe::{self, Note};
use crate::json::{self, Kind};
use crate::validate::{self, Checked};

/// What kind of document was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The JSON body of an update (`--cli-input-json` / `--generate-cli-skeleton` shape).
    UpdateBody,
    /// The output of `describe-user-pool`, mapped onto the update that leaves the pool as it is.
    DescribeOutput,
}

/// A document read and checked.
#[derive(Clone, Debug)]
pub struct Report {
    /// What the document was.
    pub source: Source,
    /// The `UpdateUserPool` body that was checked (the mapped one for a Describe output).
    pub request: Value,
    /// What the Describe mapping renamed, dropped or did not know (empty for an update body).
    pub notes: Vec<Note>,
    /// The findings, and the typed request when it could be read faithfully.
    pub checked: Checked,
}

/// Parses one JSON document, or says where and why it is not one and what to do about it.
///
/// # Errors
/// A message in plain words (with line and column when the syntax is wrong).
pub fn parse_json(bytes: &[u8]) -> Result<Value, String> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        return Err("the text starts with a UTF-8 byte order mark (BOM), which JSON readers such as the AWS CLI reject. Save it as UTF-8 without a BOM.".to_owned());
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("the file is empty. Put the JSON body of an UpdateUserPool request in it (aws cognito-idp update-user-pool --generate-cli-skeleton prints one), or the output of aws cognito-idp describe-user-pool.".to_owned());
    }
    json::parse(bytes).map_err(|error| {
        let hint = match error.kind {
            Kind::TooDeep => "No UpdateUserPool request nests more than a few levels.",
            Kind::Eof(_) => "The document ends too early: check for a missing closing } or ] or \".",
            Kind::TrailingCharacters => {
                "There is more text after the end of the first JSON value: give exactly one JSON object."
            }
            Kind::TrailingComma => "Remove that comma: JSON allows none before } or ].",
            Kind::ControlCharacter => {
                "Line breaks and tabs inside a string must be written as \\n and \\t."
            }
            Kind::NotUtf8 => "Save the file as UTF-8 (it looks like another encoding, such as Latin-1).",
            _ => {
                "Check the syntax near that position (a missing comma or quote, a comment, single quotes). Give exactly one JSON object: an UpdateUserPool body or a describe-user-pool output."
            }
        };
        let (line, column, what) = (error.line, error.column, error.kind.describe());
        format!("line {line}, column {column}: {what}. {hint}")
    })
}

/// Checks a parsed document. A Describe output is mapped first and checked as the round trip it
/// stands for: the pool's own settings are the baseline, so what is merely echoed back (legacy
/// messages, default email texts) is not reported as a change.
pub fn check_document(document: Value) -> Report {
    if describe::is_describe_response(&document) {
        if let Ok(mapped) = describe::describe_to_update(&document) {
            let baseline = validate::reads_exactly(&mapped.request).then_some(&mapped.request);
            let checked = validate::check_json(&mapped.request, baseline);
            return Report {
                source: Source::DescribeOutput,
                request: mapped.request,
                notes: mapped.notes,
                checked,
            };
        }
    }
    let checked = validate::check_json(&document, None);
    Report {
        source: Source::UpdateBody,
        request: document,
        notes: Vec::new(),
        checked,
    }
}
