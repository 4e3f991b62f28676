//! The request as the admin takes it away: pretty JSON (the `--cli-input-json` shape) and a
//! ready `aws cognito-idp update-user-pool` command.

use crate::model::UpdateUserPoolRequest;

/// The request body as indented JSON, exactly what the console sends (absent settings omitted).
pub fn request_json(request: &UpdateUserPoolRequest) -> String {
    // Serialising plain structs, strings, integers and maps with string keys cannot fail. The
    // model is serialised only to compact text (each serde formatter is a whole copy of the
    // model's serialisation code, about 11 KB of wasm): `indent` lays that text out.
    indent(&serde_json::to_string(request).unwrap_or_default())
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

/// A POSIX shell command that applies the request with the AWS CLI: the JSON inline in single
/// quotes (a `'` inside it becomes `'\''`), and `--region` from the pool id when it has one.
pub fn cli_command(request: &UpdateUserPoolRequest) -> String {
    let json = serde_json::to_string(request).unwrap_or_default();
    let mut command = String::from("aws cognito-idp update-user-pool");
    if let Some(region) = request.region() {
        command.push_str(" --region ");
        command.push_str(region);
    }
    command.push_str(" --cli-input-json ");
    command.push_str(&shell_quote(&json));
    command
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
