//! The import path of a pasted or opened document: `import::parse_json` on arbitrary bytes (a
//! paste is UTF-8 text, a file need not be), then `import::check_document`, as the page and the
//! request checker call them. Never panics; the syntax message says where (line and column);
//! a document is read as a Describe output exactly when it looks like one, an update body is
//! checked as it is; every finding's pointer resolves in the body that was checked.

#![no_main]

use cognito_pool_console::describe;
use cognito_pool_console::import::{self, Source};
use cognito_pool_console_fuzz::assert_pointers_resolve;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let document = match import::parse_json(data) {
        Ok(document) => document,
        Err(message) => {
            let plain =
                data.starts_with(b"\xEF\xBB\xBF") || data.iter().all(u8::is_ascii_whitespace);
            if !plain {
                let error =
                    serde_json::from_slice::<Value>(data).expect_err("parse_json refused JSON");
                let at = format!("line {}, column {}: ", error.line(), error.column());
                assert!(
                    message.starts_with(&at),
                    "{message:?} does not start with {at:?}"
                );
            }
            return;
        }
    };
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
