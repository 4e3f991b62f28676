//! Reading JSON text into a [`serde_json::Value`].
//!
//! Every document the console reads (a pasted or opened file, Cognito's answers, a stored
//! draft, pasted credentials) becomes a `Value`. `serde_json::from_slice` builds one through
//! serde's visitor machinery and carries its own float reader with a table of 309 powers of
//! ten: 6.8 KB of gzipped wasm in all (`make size-breakdown`, with every call stubbed out). This
//! reader builds the `Value` directly in a fraction of that. It accepts exactly the documents
//! serde_json accepts (the 127-level nesting limit included) and builds the same value;
//! `tests/json.rs` checks both against each other on generated and damaged documents.
//!
//! Writing JSON stays with serde_json (`serde_json::to_string`, [`crate::export`]).

use std::fmt;

use serde_json::{Map, Number, Value};

/// How many arrays and objects may enclose a value: serde_json refuses the 128th level.
const MAX_DEPTH: usize = 127;

/// Why a text is not JSON, and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// What is wrong.
    pub kind: Kind,
    /// The byte offset of the problem in the text (its length when the text ends too early).
    pub offset: usize,
    /// The line of `offset`, from 1.
    pub line: usize,
    /// The column of `offset` on its line, in bytes, from 1.
    pub column: usize,
}

/// What makes a text not JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The text ends before the value does; what was being read.
    Eof(Inside),
    /// Something other than a value where one must be.
    ExpectedValue,
    /// An object member that does not start with a name in double quotes.
    ExpectedName,
    /// A member name not followed by `:`.
    ExpectedColon,
    /// An array item not followed by `,` or `]`.
    ExpectedCommaOrBracket,
    /// An object member not followed by `,` or `}`.
    ExpectedCommaOrBrace,
    /// A `,` right before the closing `]` or `}`.
    TrailingComma,
    /// More than whitespace after the value.
    TrailingCharacters,
    /// A raw control character (U+0000 to U+001F) in a string.
    ControlCharacter,
    /// A backslash followed by a character that starts no escape.
    InvalidEscape,
    /// A `\u` escape without four hex digits, or half of a surrogate pair.
    InvalidUnicodeEscape,
    /// A number that breaks JSON's number syntax (`01`, `1.`, `.5`, `+1`, `1e`).
    InvalidNumber,
    /// A number too large for a 64-bit float.
    NumberOutOfRange,
    /// Bytes in a string that are not UTF-8.
    NotUtf8,
    /// Arrays and objects nested more than [`MAX_DEPTH`] levels deep.
    TooDeep,
}

/// The value being read when a text ended too early.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inside {
    /// A value had not started, or a literal or number was cut short.
    Value,
    /// A string.
    String,
    /// An array.
    Array,
    /// An object.
    Object,
}

impl Kind {
    /// The problem in a few words.
    pub fn describe(self) -> &'static str {
        match self {
            Kind::Eof(Inside::Value) => "the text ends where a value should be",
            Kind::Eof(Inside::String) => "the text ends inside a string (a closing \" is missing)",
            Kind::Eof(Inside::Array) => "the text ends inside an array (a closing ] is missing)",
            Kind::Eof(Inside::Object) => "the text ends inside an object (a closing } is missing)",
            Kind::ExpectedValue => {
                "expected a value here: an object, an array, a string in double quotes, a number, true, false or null"
            }
            Kind::ExpectedName => "expected a member name in double quotes",
            Kind::ExpectedColon => "expected a colon after the member name",
            Kind::ExpectedCommaOrBracket => "expected a comma or ] after the array item",
            Kind::ExpectedCommaOrBrace => "expected a comma or } after the member",
            Kind::TrailingComma => "a comma comes right before a closing bracket",
            Kind::TrailingCharacters => "more text follows the end of the JSON value",
            Kind::ControlCharacter => {
                "a string holds a raw control character (a line break or a tab, say)"
            }
            Kind::InvalidEscape => "a backslash in a string starts no known escape",
            Kind::InvalidUnicodeEscape => {
                "a \\u escape is not four hex digits, or is half of a surrogate pair"
            }
            Kind::InvalidNumber => "a number is not written the way JSON writes numbers",
            Kind::NumberOutOfRange => "a number is too large",
            Kind::NotUtf8 => "a string holds bytes that are not UTF-8",
            Kind::TooDeep => "arrays and objects are nested more than 127 levels deep",
        }
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (what, line, column) = (self.kind.describe(), self.line, self.column);
        write!(f, "{what} at line {line}, column {column}")
    }
}

/// The line and column (both from 1, the column in bytes) of byte `offset` of `text`.
pub fn position(text: &[u8], offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |newline| newline + 1);
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    (line, before.len() - line_start + 1)
}

/// Reads `text` as one JSON value, with nothing but whitespace around it.
///
/// # Errors
/// A [`SyntaxError`] at the first place where the text stops being JSON.
pub fn parse(text: &[u8]) -> Result<Value, SyntaxError> {
    let mut reader = Reader { text, at: 0 };
    let value = reader.value(0)?;
    reader.skip_whitespace();
    if reader.at < text.len() {
        return Err(reader.fail(Kind::TrailingCharacters));
    }
    Ok(value)
}

struct Reader<'a> {
    text: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn fail(&self, kind: Kind) -> SyntaxError {
        self.fail_at(kind, self.at)
    }

    fn fail_at(&self, kind: Kind, offset: usize) -> SyntaxError {
        let (line, column) = position(self.text, offset);
        SyntaxError {
            kind,
            offset,
            line,
            column,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    /// Skips whitespace and returns the next byte, or `Eof(inside)` at the end.
    fn next_token(&mut self, inside: Inside) -> Result<u8, SyntaxError> {
        self.skip_whitespace();
        self.peek().ok_or_else(|| self.fail(Kind::Eof(inside)))
    }

    /// A value enclosed by `depth` arrays and objects.
    fn value(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        match self.next_token(Inside::Value)? {
            b'n' => self.literal("null", Value::Null),
            b't' => self.literal("true", Value::Bool(true)),
            b'f' => self.literal("false", Value::Bool(false)),
            b'"' => self.string().map(Value::String),
            b'-' | b'0'..=b'9' => self.number(),
            b'[' | b'{' if depth >= MAX_DEPTH => Err(self.fail(Kind::TooDeep)),
            b'[' => self.array(depth + 1),
            b'{' => self.object(depth + 1),
            _ => Err(self.fail(Kind::ExpectedValue)),
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, SyntaxError> {
        for &expected in word.as_bytes() {
            match self.peek() {
                None => return Err(self.fail(Kind::Eof(Inside::Value))),
                Some(byte) if byte == expected => self.at += 1,
                Some(_) => return Err(self.fail(Kind::ExpectedValue)),
            }
        }
        Ok(value)
    }

    /// After an item of an array or a member of an object: `true` when `close` ended it.
    fn item_end(&mut self, inside: Inside, close: u8, kind: Kind) -> Result<bool, SyntaxError> {
        let byte = self.next_token(inside)?;
        self.at += 1;
        if byte == close {
            return Ok(true);
        }
        if byte != b',' {
            self.at -= 1;
            return Err(self.fail(kind));
        }
        if self.next_token(inside)? == close {
            return Err(self.fail(Kind::TrailingComma));
        }
        Ok(false)
    }

    fn array(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.at += 1;
        let mut items = Vec::new();
        if self.next_token(Inside::Array)? == b']' {
            self.at += 1;
        } else {
            loop {
                items.push(self.value(depth)?);
                if self.item_end(Inside::Array, b']', Kind::ExpectedCommaOrBracket)? {
                    break;
                }
            }
        }
        Ok(Value::Array(items))
    }

    fn object(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.at += 1;
        let mut members = Map::new();
        if self.next_token(Inside::Object)? == b'}' {
            self.at += 1;
            return Ok(Value::Object(members));
        }
        loop {
            if self.next_token(Inside::Object)? != b'"' {
                return Err(self.fail(Kind::ExpectedName));
            }
            let name = self.string()?;
            if self.next_token(Inside::Object)? != b':' {
                return Err(self.fail(Kind::ExpectedColon));
            }
            self.at += 1;
            // A name given twice keeps its last value, as with serde_json.
            members.insert(name, self.value(depth)?);
            if self.item_end(Inside::Object, b'}', Kind::ExpectedCommaOrBrace)? {
                return Ok(Value::Object(members));
            }
        }
    }

    /// A string, from its opening quote.
    fn string(&mut self) -> Result<String, SyntaxError> {
        self.at += 1;
        let mut out = String::new();
        loop {
            // A run of plain bytes ends at an ASCII byte, so it never splits a UTF-8 sequence.
            let start = self.at;
            while matches!(self.peek(), Some(byte) if byte >= 0x20 && byte != b'"' && byte != b'\\')
            {
                self.at += 1;
            }
            let run = self.text.get(start..self.at).unwrap_or_default();
            match std::str::from_utf8(run) {
                Ok(run) => out.push_str(run),
                Err(e) => return Err(self.fail_at(Kind::NotUtf8, start + e.valid_up_to())),
            }
            let byte = self
                .peek()
                .ok_or_else(|| self.fail(Kind::Eof(Inside::String)))?;
            match byte {
                b'"' => {
                    self.at += 1;
                    return Ok(out);
                }
                b'\\' => {
                    self.at += 1;
                    let escaped = self.escape()?;
                    out.push(escaped);
                }
                _ => return Err(self.fail(Kind::ControlCharacter)),
            }
        }
    }

    /// The character an escape stands for, from the byte after the backslash.
    fn escape(&mut self) -> Result<char, SyntaxError> {
        let byte = self
            .peek()
            .ok_or_else(|| self.fail(Kind::Eof(Inside::String)))?;
        let simple = match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(),
            _ => return Err(self.fail(Kind::InvalidEscape)),
        };
        self.at += 1;
        Ok(simple)
    }

    /// `uXXXX`, or a surrogate pair `uXXXX\uXXXX`.
    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        let start = self.at - 1;
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if self.peek() != Some(b'\\') || self.text.get(self.at + 1) != Some(&b'u') {
                    return Err(self.fail_at(Kind::InvalidUnicodeEscape, start));
                }
                self.at += 1;
                match self.hex4()? {
                    low @ 0xDC00..=0xDFFF => 0x10000 + ((first - 0xD800) << 10) + (low - 0xDC00),
                    _ => return Err(self.fail_at(Kind::InvalidUnicodeEscape, start)),
                }
            }
            code => code,
        };
        char::from_u32(code).ok_or_else(|| self.fail_at(Kind::InvalidUnicodeEscape, start))
    }

    /// The `u` and four hex digits of a `\u` escape.
    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        self.at += 1;
        let mut code = 0;
        for _ in 0..4 {
            let byte = self
                .peek()
                .ok_or_else(|| self.fail(Kind::Eof(Inside::String)))?;
            let digit = char::from(byte)
                .to_digit(16)
                .ok_or_else(|| self.fail(Kind::InvalidUnicodeEscape))?;
            code = code * 16 + digit;
            self.at += 1;
        }
        Ok(code)
    }

    /// Skips digits; `Eof` or `InvalidNumber` when there is not at least one.
    fn digits(&mut self) -> Result<(), SyntaxError> {
        match self.peek() {
            None => return Err(self.fail(Kind::Eof(Inside::Value))),
            Some(b'0'..=b'9') => {}
            Some(_) => return Err(self.fail(Kind::InvalidNumber)),
        }
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        Ok(())
    }

    /// A number: an integer when it has no fraction or exponent and fits in `u64` (`i64` when
    /// negative), otherwise a float, like serde_json.
    fn number(&mut self) -> Result<Value, SyntaxError> {
        let start = self.at;
        let negative = self.peek() == Some(b'-');
        self.at += usize::from(negative);
        let int_start = self.at;
        if self.peek() == Some(b'0') {
            self.at += 1;
            if matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.fail(Kind::InvalidNumber));
            }
        } else {
            self.digits()?;
        }
        let int_end = self.at;
        let mut frac_end = int_end;
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.digits()?;
            frac_end = self.at;
        }
        let mut exponent: i64 = 0;
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            let exp_negative = self.peek() == Some(b'-');
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            let exp_start = self.at;
            self.digits()?;
            for &digit in self.text.get(exp_start..self.at).unwrap_or_default() {
                // Beyond a million every non-zero number is out of range or zero anyway.
                exponent = (exponent * 10 + i64::from(digit - b'0')).min(1_000_000);
            }
            if exp_negative {
                exponent = -exponent;
            }
        }
        let int_digits = self.text.get(int_start..int_end).unwrap_or_default();
        let frac_digits = self.text.get(int_end + 1..frac_end).unwrap_or_default();
        if frac_end == int_end && self.at == int_end {
            if let Some(integer) = integer(int_digits, negative) {
                return Ok(Value::Number(integer));
            }
        }
        let magnitude = decimal(int_digits, frac_digits, exponent);
        let float = if negative { -magnitude } else { magnitude };
        Number::from_f64(float)
            .map(Value::Number)
            .ok_or_else(|| self.fail_at(Kind::NumberOutOfRange, start))
    }
}

/// An integer written without fraction or exponent, if `u64` (`i64` when negative) holds it.
/// `-0` is the float -0.0, as serde_json reads it.
fn integer(digits: &[u8], negative: bool) -> Option<Number> {
    let mut magnitude: u64 = 0;
    for &digit in digits {
        magnitude = magnitude
            .checked_mul(10)?
            .checked_add(u64::from(digit - b'0'))?;
    }
    if !negative {
        return Some(magnitude.into());
    }
    match magnitude {
        0 => None,
        m if m <= 1 << 63 => Some((m as i64).wrapping_neg().into()),
        _ => None,
    }
}

/// The value of `int_digits.frac_digits × 10^exponent`: exact when the significant digits fit
/// in 53 bits and the power of ten is at most 10²², otherwise within a few units in the last
/// place (serde_json's reader is not exact there either). Infinite when too large.
fn decimal(int_digits: &[u8], frac_digits: &[u8], mut exponent: i64) -> f64 {
    // The first 19 significant digits (they fit in u64); later ones only move the exponent.
    let mut significand: u64 = 0;
    let mut kept = 0;
    for (k, &digit) in int_digits.iter().chain(frac_digits).enumerate() {
        let is_fraction = k >= int_digits.len();
        if significand == 0 && digit == b'0' {
            exponent -= i64::from(is_fraction);
        } else if kept < 19 {
            significand = significand * 10 + u64::from(digit - b'0');
            kept += 1;
            exponent -= i64::from(is_fraction);
        } else {
            exponent += i64::from(!is_fraction);
        }
    }
    let value = significand as f64;
    match exponent {
        _ if significand == 0 => 0.0,
        e if e > 400 => f64::INFINITY,
        e if e < -400 => 0.0,
        e if e >= 0 => value * power_of_ten(e),
        e if e >= -308 => value / power_of_ten(-e),
        // 10^-309 and below are not normal floats: divide in two steps.
        e => value / power_of_ten(308) / power_of_ten(-e - 308),
    }
}

/// 10^`e` for `e` in 0..=400 (infinite from 309 on), from the powers 10^(2^k): exact up to
/// 10²², within a few units in the last place beyond.
fn power_of_ten(e: i64) -> f64 {
    const POWERS: [f64; 9] = [1e1, 1e2, 1e4, 1e8, 1e16, 1e32, 1e64, 1e128, 1e256];
    let mut power = 1.0;
    for (bit, factor) in POWERS.iter().enumerate() {
        if e >> bit & 1 == 1 {
            power *= factor;
        }
    }
    power
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> Kind {
        match parse(text.as_bytes()) {
            Err(e) => e.kind,
            Ok(v) => panic!("{text} was read as {v}"),
        }
    }

    #[test]
    fn reads_every_kind_of_value() {
        let value =
            parse(br#" {"a": [1, -2, 3.5, true, false, null, "x\u00e9\ud83d\ude00\n"], "b": {}} "#);
        let expected = serde_json::json!({"a": [1, -2, 3.5, true, false, null, "xé😀\n"], "b": {}});
        assert_eq!(value, Ok(expected));
    }

    #[test]
    fn integers_and_floats_are_told_apart_as_serde_json_does() {
        let number = |text: &str| match parse(text.as_bytes()) {
            Ok(Value::Number(n)) => n,
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(number("18446744073709551615").as_u64(), Some(u64::MAX));
        assert!(number("18446744073709551616").is_f64());
        assert_eq!(number("-9223372036854775808").as_i64(), Some(i64::MIN));
        assert!(number("-9223372036854775809").is_f64());
        assert!(number("-0").is_f64());
        assert!(number("1.0").is_f64());
        assert!(number("1e2").is_f64());
        assert_eq!(number("1e2").as_f64(), Some(100.0));
        assert_eq!(number("0e999999999999").as_f64(), Some(0.0));
        assert_eq!(number("1e-400").as_f64(), Some(0.0));
        assert_eq!(number("1.79E9").as_f64(), Some(1.79e9));
        assert_eq!(number("0.000123").as_f64(), Some(0.000123));
    }

    #[test]
    fn says_what_is_wrong_and_where() {
        let error = parse(b"{\n  \"a\": 1,\n}").err();
        assert_eq!(
            error.map(|e| (e.kind, e.line, e.column)),
            Some((Kind::TrailingComma, 3, 1))
        );
        let error = parse(b"[1, 2").err();
        assert_eq!(
            error.map(|e| (e.kind, e.offset, e.column)),
            Some((Kind::Eof(Inside::Array), 5, 6))
        );
        assert_eq!(kind("key: value"), Kind::ExpectedValue);
        assert_eq!(kind("{} x"), Kind::TrailingCharacters);
        assert_eq!(kind("\"a\tb\""), Kind::ControlCharacter);
        assert_eq!(kind("\"\\x\""), Kind::InvalidEscape);
        assert_eq!(kind("\"\\ud800\""), Kind::InvalidUnicodeEscape);
        assert_eq!(kind("\"\\udc00\""), Kind::InvalidUnicodeEscape);
        assert_eq!(kind("\"\\u12g4\""), Kind::InvalidUnicodeEscape);
        assert_eq!(kind("01"), Kind::InvalidNumber);
        assert_eq!(kind("1."), Kind::Eof(Inside::Value));
        assert_eq!(kind("1.e5"), Kind::InvalidNumber);
        assert_eq!(kind("1e400"), Kind::NumberOutOfRange);
        assert_eq!(kind("{1: 2}"), Kind::ExpectedName);
        assert_eq!(kind("{\"a\" 2}"), Kind::ExpectedColon);
        assert_eq!(kind("[1 2]"), Kind::ExpectedCommaOrBracket);
        assert_eq!(kind("{\"a\": 1 \"b\": 2}"), Kind::ExpectedCommaOrBrace);
        assert_eq!(kind(""), Kind::Eof(Inside::Value));
        assert_eq!(kind("\"abc"), Kind::Eof(Inside::String));
        assert_eq!(kind("{\"a\": 1"), Kind::Eof(Inside::Object));
        let latin1 = parse(b"[\"caf\xe9\"]").err();
        assert_eq!(latin1.map(|e| (e.kind, e.offset)), Some((Kind::NotUtf8, 5)));
    }

    #[test]
    fn nests_as_deep_as_serde_json_and_no_deeper() {
        let nested = |levels: usize| format!("{}{}", "[".repeat(levels), "]".repeat(levels));
        assert!(parse(nested(MAX_DEPTH).as_bytes()).is_ok());
        assert_eq!(kind(&nested(MAX_DEPTH + 1)), Kind::TooDeep);
        assert!(serde_json::from_str::<Value>(&nested(MAX_DEPTH)).is_ok());
        assert!(serde_json::from_str::<Value>(&nested(MAX_DEPTH + 1)).is_err());
    }

    #[test]
    fn positions_count_lines_and_bytes_from_one() {
        assert_eq!(position(b"ab\ncd", 0), (1, 1));
        assert_eq!(position(b"ab\ncd", 2), (1, 3));
        assert_eq!(position(b"ab\ncd", 3), (2, 1));
        assert_eq!(position(b"ab\ncd", 5), (2, 3));
    }
}
