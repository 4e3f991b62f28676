//! The request as the admin takes it away: pretty JSON (the `--cli-input-json` shape) and a
//! ready `aws cognito-idp update-user-pool` command.

use crate::model::UpdateUserPoolRequest;

/// The request body as indented JSON, exactly what the console sends (absent settings omitted).
pub fn request_json(request: &UpdateUserPoolRequest) -> String {
    // Serialising plain structs, strings, integers and maps with string keys cannot fail.
    serde_json::to_string_pretty(request).unwrap_or_default()
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
