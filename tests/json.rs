//! The console's JSON reader (`cognito_pool_console::json`) against serde_json's: the same
//! documents accepted, the same values built (floats within rounding), on edge cases, on
//! documents serde_json wrote, and on those documents damaged byte by byte.

#![cfg(not(target_arch = "wasm32"))] // proptest is a native-only dev-dependency

#[path = "common/same_json.rs"]
mod same_json;

use cognito_pool_console::json;
use proptest::prelude::*;
use same_json::same_json;
use serde_json::Value;

/// Both readers accept `text` and agree on its value, or both refuse it.
fn agree(text: &[u8]) -> Result<(), String> {
    let shown = String::from_utf8_lossy(text);
    match (json::parse(text), serde_json::from_slice::<Value>(text)) {
        (Ok(ours), Ok(theirs)) if same_json(&ours, &theirs) => Ok(()),
        (Ok(ours), Ok(theirs)) => Err(format!("{shown:?}: read as {ours}, serde_json {theirs}")),
        (Err(_), Err(_)) => Ok(()),
        (Ok(ours), Err(e)) => Err(format!(
            "{shown:?}: read as {ours}, serde_json refuses ({e})"
        )),
        (Err(e), Ok(theirs)) => Err(format!(
            "{shown:?}: refused ({e}), serde_json reads {theirs}"
        )),
    }
}

#[test]
fn edge_cases_are_read_or_refused_as_serde_json_does() {
    let nest = |open: &str, close: &str, levels: usize| open.repeat(levels) + &close.repeat(levels);
    let mut cases: Vec<String> = [
        "",
        " ",
        "\n\t\r ",
        "-",
        "-0",
        "-0.0",
        "0",
        "00",
        "01",
        "-01",
        "0x1",
        ".5",
        "5.",
        "+1",
        "1e",
        "1e+",
        "1E+2",
        "1e-2",
        "1.5e3",
        "1.5E-3",
        "1e400",
        "-1e400",
        "1e-400",
        "0e999999",
        "0.0e-999999999999999999999",
        "1e999999999999999999999",
        "1.7976931348623157e308",
        "1.8e308",
        "5e-324",
        "2e-324",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "123456789012345678901234567890",
        "0.1234567890123456789012345",
        "NaN",
        "Infinity",
        "-Infinity",
        "nul",
        "null",
        "nulll",
        "tru",
        "true",
        "false",
        "falsey",
        "\"\\ud800\"",
        "\"\\ud800\\udc00\"",
        "\"\\udc00\"",
        "\"\\ud800\\u0041\"",
        "\"\\ud800x\"",
        "\"\\ud800\\\"",
        "\"\\u00e9\"",
        "\"\\uD83D\\uDE00\"",
        "\"\\udbff\\udfff\"",
        "\"\\uDB40\\uDC00\"",
        "\"\\udbff\"",
        "\"\\u12\"",
        "\"\\u12g4\"",
        "\"\\/\\b\\f\\n\\r\\t\\\\\\\"\"",
        "\"\\'\"",
        "\"\\x41\"",
        "\"a",
        "\"\\",
        "\"\\u",
        "[1,]",
        "[,1]",
        "[,]",
        "{,}",
        "{\"a\":1,}",
        "{\"a\"}",
        "{\"a\":}",
        "{\"a\" 1}",
        "{1:2}",
        "{'a':1}",
        "[1 2]",
        "{\"a\":1 \"b\":2}",
        "{\"a\":1,\"a\":2}",
        "[] []",
        "{\"a\":1}}",
        "\"a\" \"b\"",
        "\u{feff}{}",
        "{}\u{0}",
        "\u{a0}1",
        "\u{c}1",
        "1 ",
        " [ 1 , { \"a\" : [ ] } ] ",
        "[\"\u{7f}\"]",
        "\"\u{1}\"",
        "\"é😀\"",
        "[1,2",
        "{\"a\":[1,{\"b\":",
        "//x\n{}",
        "{} // x",
        "[1]\n\n",
        "true false",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    for levels in [126, 127, 128, 129] {
        cases.push(nest("[", "]", levels));
        cases.push(nest("{\"a\":", "}", levels).replacen("{\"a\":}", "{\"a\":1}", 1));
        cases.push(nest("[{\"a\":", "}]", levels / 2));
    }
    let mut failures: Vec<String> = cases
        .iter()
        .filter_map(|c| agree(c.as_bytes()).err())
        .collect();
    // Bytes that are not UTF-8, inside and outside strings.
    for bytes in [
        &b"\"caf\xe9\""[..],
        b"\xff",
        b"[\"\xc3\"]",
        b"\"\xed\xa0\x80\"",
        b"\"\xf4\x90\x80\x80\"",
    ] {
        failures.extend(agree(bytes).err());
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn positions_point_at_the_problem() {
    let at = |text: &str| {
        json::parse(text.as_bytes())
            .err()
            .map(|e| (e.line, e.column))
    };
    assert_eq!(at("{\n  \"a\": 1,\n}"), Some((3, 1)));
    assert_eq!(at("{\"a\": tru}"), Some((1, 10)));
    assert_eq!(at("[1,\n 2\n 3]"), Some((3, 2)));
    assert_eq!(at("\"abc"), Some((1, 5)));
    assert_eq!(at("[1e400]"), Some((1, 2)));
}

/// Any JSON value: every kind of number and string, nested arrays and objects.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        (-40i32..40, 0u32..1000).prop_map(|(e, m)| Value::from(f64::from(m) * 10f64.powi(e))),
        any::<String>().prop_map(Value::String),
        "[\"\\\\/\u{0}-\u{1f}a-zé😀]{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((any::<String>(), inner), 0..6)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

/// Bytes that make JSON, or break it, when put into a document.
fn json_byte() -> impl Strategy<Value = u8> {
    prop_oneof![
        4 => proptest::sample::select(b"{}[]\",:\\ \n\t0123456789-+.eEutrfalsn/bx".to_vec()),
        1 => any::<u8>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn what_serde_json_writes_is_read_back_alike(value in any_json()) {
        for text in [serde_json::to_string(&value), serde_json::to_string_pretty(&value)] {
            let text = text.map_err(|e| TestCaseError::fail(e.to_string()))?;
            let read = json::parse(text.as_bytes());
            prop_assert!(read.as_ref().is_ok_and(|read| same_json(read, &value)), "{text}: {read:?}");
            agree(text.as_bytes()).map_err(TestCaseError::fail)?;
        }
    }

    #[test]
    fn strings_written_as_unicode_escapes_are_read_back(text in any::<String>()) {
        let escaped: String = text.encode_utf16().map(|unit| format!("\\u{unit:04x}")).collect();
        let document = format!("\"{escaped}\"");
        prop_assert_eq!(json::parse(document.as_bytes()), Ok(Value::String(text)));
        agree(document.as_bytes()).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn damaged_documents_are_refused_or_read_as_serde_json_reads_them(
        value in any_json(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0..3u8, json_byte()), 1..5),
    ) {
        let mut text = serde_json::to_string(&value)
            .map_err(|e| TestCaseError::fail(e.to_string()))?
            .into_bytes();
        for (place, edit, byte) in edits {
            let at = place.index(text.len() + 1);
            match edit {
                0 => text.insert(at, byte),
                1 if at < text.len() => { text.remove(at); }
                _ if at < text.len() => text[at] = byte,
                _ => text.push(byte),
            }
        }
        agree(&text).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn any_short_text_is_refused_or_read_as_serde_json_reads_it(
        text in prop::collection::vec(json_byte(), 0..24),
    ) {
        agree(&text).map_err(TestCaseError::fail)?;
    }
}
