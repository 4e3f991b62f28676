//! The 14 distinct string patterns of the UpdateUserPool model, as small hand-written matchers.
//!
//! Every pattern matches the **whole** value with Java semantics: `\w` and `\s` are ASCII-only,
//! `.` does not match line terminators unless `(?s)` is set, and `\p{L}` etc. are Unicode general
//! categories.

/// One of the model's distinct patterns. The field table names a pattern by this enum.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pattern {
    /// `[\w-]+_[0-9a-zA-Z]+` (UserPoolIdType)
    UserPoolId,
    /// `[\w\s+=,.@-]+` (UserPoolNameType)
    PoolName,
    /// `arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?` (ArnType)
    Arn,
    /// The ARN pattern wrapped in `(...)?`, so the empty string matches too (OptionalArnType).
    OptionalArn,
    /// `.*\{####\}.*` (SmsVerificationMessageType)
    SmsCode,
    /// `(?s).*` (SmsInviteMessageType)
    SmsInvite,
    /// `[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*\{####\}[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*` (EmailVerificationMessageType)
    EmailCode,
    /// `[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*\{##[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*##\}[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*`
    /// (EmailVerificationMessageByLinkType)
    EmailLink,
    /// `[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*` (EmailInviteMessageType)
    EmailInvite,
    /// `[\p{L}\p{M}\p{S}\p{N}\p{P}\s]+` (EmailVerificationSubjectType, ...ByLinkType)
    EmailSubject,
    /// `[\p{L}\p{M}\p{S}\p{N}\p{P}]+@[\p{L}\p{M}\p{S}\p{N}\p{P}]+` (EmailAddressType)
    EmailAddress,
    /// `^[a-zA-Z0-9_-]+$` (SESConfigurationSet)
    SesConfigurationSet,
    /// `[\x21\x23-\x5B\x5D-\x7E]+` (ScopeType, AcrValueType)
    QuotelessAscii,
    /// `Level[1-4]` (AcrLevelKeyType)
    AcrLevelKey,
}

mod unicode_table;

impl Pattern {
    /// Every pattern, in declaration order.
    pub const ALL: [Pattern; 14] = [
        Pattern::UserPoolId,
        Pattern::PoolName,
        Pattern::Arn,
        Pattern::OptionalArn,
        Pattern::SmsCode,
        Pattern::SmsInvite,
        Pattern::EmailCode,
        Pattern::EmailLink,
        Pattern::EmailInvite,
        Pattern::EmailSubject,
        Pattern::EmailAddress,
        Pattern::SesConfigurationSet,
        Pattern::QuotelessAscii,
        Pattern::AcrLevelKey,
    ];

    /// The model's regex source text, verbatim (e.g. `arn:[\w+=/,.@-]+:...`).
    #[must_use]
    pub fn source(self) -> &'static str {
        match self {
            Pattern::UserPoolId => r"[\w-]+_[0-9a-zA-Z]+",
            Pattern::PoolName => r"[\w\s+=,.@-]+",
            Pattern::Arn => {
                r"arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?"
            }
            Pattern::OptionalArn => {
                r"(arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?)?"
            }
            Pattern::SmsCode => r".*\{####\}.*",
            Pattern::SmsInvite => r"(?s).*",
            Pattern::EmailCode => {
                r"[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*\{####\}[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*"
            }
            Pattern::EmailLink => {
                r"[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*\{##[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*##\}[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*"
            }
            Pattern::EmailInvite => r"[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*",
            Pattern::EmailSubject => r"[\p{L}\p{M}\p{S}\p{N}\p{P}\s]+",
            Pattern::EmailAddress => r"[\p{L}\p{M}\p{S}\p{N}\p{P}]+@[\p{L}\p{M}\p{S}\p{N}\p{P}]+",
            Pattern::SesConfigurationSet => r"^[a-zA-Z0-9_-]+$",
            Pattern::QuotelessAscii => r"[\x21\x23-\x5B\x5D-\x7E]+",
            Pattern::AcrLevelKey => r"Level[1-4]",
        }
    }

    /// Whole-value match with Java semantics (`java.util.regex.Pattern.matches`).
    ///
    /// Never allocates and never panics, whatever the input.
    #[must_use]
    pub fn matches(self, value: &str) -> bool {
        match self {
            Pattern::UserPoolId => user_pool_id(value),
            // [\w\s+=,.@-]+
            Pattern::PoolName => {
                !value.is_empty()
                    && value.bytes().all(|b| {
                        is_word_byte(b)
                            || is_java_space_byte(b)
                            || matches!(b, b'+' | b'=' | b',' | b'.' | b'@' | b'-')
                    })
            }
            Pattern::Arn => arn(value),
            Pattern::OptionalArn => value.is_empty() || arn(value),
            // .*\{####\}.*  ('.' excludes the Java line terminators)
            Pattern::SmsCode => {
                !value.chars().any(is_java_line_terminator) && contains(value.as_bytes(), b"{####}")
            }
            // (?s).*
            Pattern::SmsInvite => true,
            // `{`, `#`, `}` are themselves in the class, so the placeholder can sit anywhere.
            Pattern::EmailCode => {
                value.chars().all(is_email_text_char) && contains(value.as_bytes(), b"{####}")
            }
            // Needs "{##" and, at or after its end, "##}" ("{####}" qualifies). The first "{##"
            // leaves the most room for the "##}".
            Pattern::EmailLink => {
                value.chars().all(is_email_text_char)
                    && find(value.as_bytes(), b"{##")
                        .and_then(|i| value.as_bytes().get(i + 3..))
                        .is_some_and(|rest| contains(rest, b"##}"))
            }
            Pattern::EmailInvite => value.chars().all(is_email_text_char),
            Pattern::EmailSubject => !value.is_empty() && value.chars().all(is_email_text_char),
            // `@` is itself punctuation: any `@` that is neither first nor last can be the separator.
            Pattern::EmailAddress => {
                let len = value.len();
                value.chars().all(is_lmsnp)
                    && value
                        .bytes()
                        .enumerate()
                        .any(|(i, b)| b == b'@' && i > 0 && i + 1 < len)
            }
            // ^[a-zA-Z0-9_-]+$ (the anchors add nothing to a whole-value match)
            Pattern::SesConfigurationSet => {
                !value.is_empty() && value.bytes().all(|b| is_word_byte(b) || b == b'-')
            }
            // [\x21\x23-\x5B\x5D-\x7E]+: printable ASCII except space, `"` and `\`
            Pattern::QuotelessAscii => {
                !value.is_empty()
                    && value
                        .bytes()
                        .all(|b| matches!(b, 0x21 | 0x23..=0x5B | 0x5D..=0x7E))
            }
            Pattern::AcrLevelKey => matches!(value, "Level1" | "Level2" | "Level3" | "Level4"),
        }
    }

    /// A short plain-English description of what the pattern allows, usable after "must be ...".
    #[must_use]
    pub fn hint(self) -> &'static str {
        match self {
            Pattern::UserPoolId => {
                "a user pool ID such as us-east-1_EXAMPLE (letters, digits, _ or -, then an underscore and letters or digits)"
            }
            Pattern::PoolName => {
                "one or more ASCII letters, digits, white space or + = , . @ _ - characters"
            }
            Pattern::Arn => "an ARN such as arn:aws:lambda:us-east-1:123456789012:function:my-trigger",
            Pattern::OptionalArn => {
                "empty or an ARN such as arn:aws:iam::123456789012:role/my-sms-role"
            }
            Pattern::SmsCode => "a single line of text that contains the {####} code placeholder",
            Pattern::SmsInvite => "any text",
            Pattern::EmailCode => {
                "text that contains the {####} code placeholder, using only visible characters and ASCII white space"
            }
            Pattern::EmailLink => {
                "text that contains a {##link text##} placeholder, using only visible characters and ASCII white space"
            }
            Pattern::EmailInvite => {
                "text using only visible characters and ASCII white space (no control, invisible or non-breaking space characters)"
            }
            Pattern::EmailSubject => {
                "one or more visible characters or ASCII white space (no control, invisible or non-breaking space characters)"
            }
            Pattern::EmailAddress => {
                "an email address such as no-reply@example.com, without spaces or invisible characters"
            }
            Pattern::SesConfigurationSet => {
                "an SES configuration set name made of letters, digits, _ and - only"
            }
            Pattern::QuotelessAscii => {
                "one or more printable ASCII characters other than space, double quote and backslash"
            }
            Pattern::AcrLevelKey => "one of Level1, Level2, Level3 or Level4",
        }
    }
}

/// Whether `c` is in the Java class `[\p{L}\p{M}\p{S}\p{N}\p{P}]`: its Unicode general category
/// is a Letter, Mark, Symbol, Number or Punctuation.
///
/// Equivalently, `c` is neither a Separator (Zs, Zl, Zp, so no space of any kind, including
/// U+0020 and NBSP U+00A0) nor Other (Cc control, Cf format such as U+200B, Co private use,
/// Cn unassigned; Cs surrogates cannot occur in a `char`). The categories come from a generated
/// table (see `tests/tools/gen_unicode_table.py`), so code points assigned in a Unicode version
/// newer than the table's count as unassigned and are rejected.
#[must_use]
pub fn is_lmsnp(c: char) -> bool {
    if c.is_ascii() {
        // Printable ASCII without the space: all of it is L, N, P or S.
        matches!(c, '\x21'..='\x7E')
    } else {
        !unicode_table::is_excluded(u32::from(c))
    }
}

/// Java `\w` (ASCII): `[a-zA-Z0-9_]`.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Java `\s` (ASCII): `[ \t\n\x0B\f\r]`. Note that this includes the vertical tab, unlike
/// [`u8::is_ascii_whitespace`].
fn is_java_space_byte(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// The Java line terminators, which `.` does not match without `(?s)`.
fn is_java_line_terminator(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// The class `[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]` of the email bodies and subjects (`*` is
/// punctuation anyway).
fn is_email_text_char(c: char) -> bool {
    is_lmsnp(c) || (c.is_ascii() && is_java_space_byte(c as u8))
}

/// `[\w-]+_[0-9a-zA-Z]+`. `_` is in `\w`, so the separator may be any `_`; only the last one can
/// work, because an alphanumeric suffix contains no `_`.
fn user_pool_id(value: &str) -> bool {
    let b = value.as_bytes();
    if !b.iter().all(|&c| is_word_byte(c) || c == b'-') {
        return false;
    }
    match b.iter().rposition(|&c| c == b'_') {
        Some(i) if i > 0 => b
            .get(i + 1..)
            .is_some_and(|s| !s.is_empty() && s.iter().all(u8::is_ascii_alphanumeric)),
        _ => false,
    }
}

/// Byte offset of the first occurrence of `needle` (non-empty, a few bytes) in `haystack`.
/// A naive scan: the needles are tiny, and it avoids pulling `str` searching (and its panic
/// paths) into the wasm binary.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Whether `needle` occurs in `haystack`.
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    find(haystack, needle).is_some()
}

/// `[\w+=/,.@-]`: the ARN segment class (it contains no `:`).
fn is_arn_byte(b: u8) -> bool {
    is_word_byte(b) || matches!(b, b'+' | b'=' | b'/' | b',' | b'.' | b'@' | b'-')
}

/// `arn:A+:A+:(A*)?:[0-9]+:A+(:A+)?(:A+)?` with `A = [\w+=/,.@-]`. Since `A` has no `:`, the value
/// splits on `:` into 6 to 8 segments, each checked on its own.
fn arn(value: &str) -> bool {
    let mut count = 0usize;
    for (i, seg) in value.as_bytes().split(|&b| b == b':').enumerate() {
        let ok = match i {
            0 => seg == b"arn",
            3 => seg.iter().copied().all(is_arn_byte),
            4 => !seg.is_empty() && seg.iter().all(u8::is_ascii_digit),
            1 | 2 | 5..=7 => !seg.is_empty() && seg.iter().copied().all(is_arn_byte),
            _ => false,
        };
        if !ok {
            return false;
        }
        count = i + 1;
    }
    (6..=8).contains(&count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_merged_and_sized() {
        let mut prev: Option<u32> = None;
        let mut n = 0usize;
        let mut cp = 0u32;
        // Walk every code point once and rebuild the range count from the lookup.
        while cp <= 0x10FFFF {
            let ex = unicode_table::is_excluded(cp);
            if ex && prev.is_none() {
                n += 1;
                prev = Some(cp);
            } else if !ex {
                prev = None;
            }
            cp += 1;
        }
        assert_eq!(n, unicode_table::RANGE_COUNT);
        assert!(!unicode_table::UNICODE_VERSION.is_empty());
    }

    #[test]
    fn ascii_fast_path_agrees_with_table() {
        for b in 0u8..0x80 {
            let c = char::from(b);
            assert_eq!(
                is_lmsnp(c),
                !unicode_table::is_excluded(u32::from(b)),
                "{b:#x}"
            );
        }
    }
}
