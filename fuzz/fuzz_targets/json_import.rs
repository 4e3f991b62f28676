//! The import path of a pasted or opened document: `import::parse_json` on arbitrary bytes (a
//! paste is UTF-8 text, a file need not be), then `import::check_document`, as the page and the
//! request checker call them. Never panics; the syntax message says where (line and column);
//! the console's JSON reader accepts exactly what serde_json accepts and builds the same value;
//! a document is read as a Describe output exactly when it looks like one, an update body is
//! checked as it is; every finding's pointer resolves in the body that was checked.

#![no_main]

use cognito_pool_console::describe;
use cognito_pool_console::import::{self, Source};
use cognito_pool_console::json;
use cognito_pool_console_fuzz::{assert_pointers_resolve, same_json};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let serde_reading = serde_json::from_slice::<Value>(data);
    let document = match import::parse_json(data) {
        Ok(document) => document,
        Err(message) => {
            let plain =
                data.starts_with(b"\xEF\xBB\xBF") || data.iter().all(u8::is_ascii_whitespace);
            if !plain {
                // The console's reader refuses exactly what serde_json refuses, and says where.
                assert!(serde_reading.is_err(), "parse_json refused JSON: {message}");
                let error =
                    json::parse(data).expect_err("parse_json refused what json::parse reads");
                let at = format!("line {}, column {}: ", error.line, error.column);
                assert!(
                    message.starts_with(&at),
                    "{message:?} does not start with {at:?}"
                );
                assert!(error.offset <= data.len());
            }
            return;
        }
    };
    match &serde_reading {
        Ok(theirs) => assert!(
            same_json(&document, theirs),
            "{document} but serde_json reads {theirs}"
        ),
        Err(e) => panic!("parse_json read {document}, serde_json refuses it ({e})"),
    }
    assert!(!data.starts_with(b"\xEF\xBB\xBF"));
    let report = import::check_document(document.clone());
    let describe_output = describe::is_describe_response(&document);
    assert_eq!(report.source == Source::DescribeOutput, describe_output);
    if !describe_output {
        assert_eq!(report.request, document);
        assert!(report.notes.is_empty());
    }
    assert_pointers_resolve(&report.request, &report.checked.findings);
});
