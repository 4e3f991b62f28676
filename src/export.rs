//! The request as the admin takes it away: pretty JSON (the `--cli-input-json` shape) and a
//! ready `aws cognito-idp update-user-pool` command.

use serde_json::Value;

use crate::model::region_of_pool_id;
use crate::schema::{self, Field, Shape};

/// The request body as indented JSON, exactly what the console sends (absent settings omitted).
///
/// `document` is the draft as the typed request reads it exactly (`FromJson` gives `Some`): the
/// export is built from the JSON rather than from the typed request, so that serde's derived
/// serialisation of the whole model (about 10 KB of wasm) is not in the app.
pub fn request_json(document: &Value) -> String {
    indent(&compact(document))
}

/// A POSIX shell command that applies the request with the AWS CLI: the JSON inline in single
/// quotes (a `'` inside it becomes `'\''`), and `--region` from the pool id when it has one.
pub fn cli_command(document: &Value) -> String {
    let mut command = String::from("aws cognito-idp update-user-pool");
    let pool_id = document.get("UserPoolId").and_then(Value::as_str);
    if let Some(region) = pool_id.and_then(region_of_pool_id) {
        command.push_str(" --region ");
        command.push_str(region);
    }
    command.push_str(" --cli-input-json ");
    command.push_str(&shell_quote(&compact(document)));
    command
}

/// `document` as compact JSON with the members of each structure in the form's order (the
/// field table's: the pool's id, name and plan first), then map entries and any members the
/// model does not know, in key order.
pub fn compact(document: &Value) -> String {
    let mut out = String::with_capacity(1024);
    let top: Vec<&'static Field> = schema::top_level().collect();
    write_ordered(&mut out, document, Some(&top), None);
    out
}

/// `value` as compact JSON, members in key order: what `value.to_string()` gives, written here
/// so that serde_json's serializer (with its pretty printer) is not in the wasm.
pub fn json_text(value: &Value) -> String {
    let mut out = String::new();
    push_json(&mut out, value);
    out
}

/// Appends `value` as [`json_text`] writes it.
pub fn push_json(out: &mut String, value: &Value) {
    write_ordered(out, value, None, None);
}

/// Appends `text` as a JSON string, escaped as serde_json escapes it: `"` and `\`, the
/// short forms `\b \t \n \f \r`, and `\u00xx` for the other control characters.
pub fn push_json_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            c if c < ' ' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let b = c as usize;
                out.push_str("\\u00");
                out.push(char::from(HEX[b >> 4]));
                out.push(char::from(HEX[b & 15]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Writes `value`; `members` are the known members when it is a structure, `entries` the
/// entry of a map's values or a list's items.
fn write_ordered(
    out: &mut String,
    value: &Value,
    members: Option<&[&'static Field]>,
    entries: Option<&'static Field>,
) {
    match value {
        Value::Object(map) => {
            out.push('{');
            let mut written = 0;
            let mut put =
                |out: &mut String, key: &str, value: &Value, field: Option<&'static Field>| {
                    if written > 0 {
                        out.push(',');
                    }
                    written += 1;
                    push_json_string(out, key);
                    out.push(':');
                    write_field(out, value, field);
                };
            let known = members.unwrap_or_default();
            for field in known {
                if let Some(value) = map.get(field.name()) {
                    put(out, field.name(), value, Some(field));
                }
            }
            for (key, value) in map {
                if !known.iter().any(|f| f.name() == key) {
                    put(out, key, value, entries);
                }
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (at, item) in items.iter().enumerate() {
                if at > 0 {
                    out.push(',');
                }
                write_field(out, item, entries);
            }
            out.push(']');
        }
        Value::String(text) => push_json_string(out, text),
        Value::Number(number) => out.push_str(&number.to_string()),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Null => out.push_str("null"),
    }
}

/// Writes the value of `field` (its members, or its map values / list items, in order).
fn write_field(out: &mut String, value: &Value, field: Option<&'static Field>) {
    let Some(field) = field else {
        return write_ordered(out, value, None, None);
    };
    match field.shape {
        Shape::Structure => {
            let members: Vec<&'static Field> = field.children().collect();
            write_ordered(out, value, Some(&members), None);
        }
        Shape::Map => write_ordered(out, value, None, field.child("{value}")),
        Shape::List => write_ordered(out, value, None, field.child("[]")),
        _ => write_ordered(out, value, None, None),
    }
}

/// Quotes a string for a POSIX shell: one single-quoted word.
pub fn shell_quote(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('\'');
    for c in text.chars() {
        if c == '\'' {
            quoted.push_str("'\\''");
        } else {
            quoted.push(c);
        }
    }
    quoted.push('\'');
    quoted
}

/// Compact JSON laid out as `serde_json::to_string_pretty` does: two spaces per level, one
/// member or element per line, `": "` after keys, `{}` and `[]` kept when empty. The input must
/// be compact JSON (no white space outside strings), as `serde_json::to_string` writes it.
pub fn indent(compact: &str) -> String {
    fn line(out: &mut String, depth: usize) {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    }
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let mut chars = compact.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                out.push(c);
                while let Some(c) = chars.next() {
                    out.push(c);
                    if c == '\\' {
                        if let Some(escaped) = chars.next() {
                            out.push(escaped);
                        }
                    } else if c == '"' {
                        break;
                    }
                }
            }
            '{' | '[' => {
                out.push(c);
                match chars.next_if(|next| matches!(next, '}' | ']')) {
                    Some(close) => out.push(close),
                    None => {
                        depth += 1;
                        line(&mut out, depth);
                    }
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                line(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                line(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}
