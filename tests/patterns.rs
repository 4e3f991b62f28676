//! Tests for the hand-written matchers of the 14 UpdateUserPool model patterns.
//!
//! 1. Table-driven examples (matching and non-matching values) for every pattern.
//! 2. A differential test against the `regex` crate (dev-dependency only): every Java source is
//!    translated to an anchored Rust regex with Java semantics (ASCII `\w`/`\s`, Java line
//!    terminators for `.`), then compared with `Pattern::matches` on the table values and on
//!    property-generated strings.
//! 3. `Pattern::ALL` / `Pattern::source()` against the model text.

#![cfg(not(target_arch = "wasm32"))] // proptest and regex are native-only dev-dependencies

use std::collections::HashSet;
use std::sync::LazyLock;

use cognito_pool_console::pattern::{is_lmsnp, Pattern};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};
use regex::Regex;

// ---------------------------------------------------------------------------------------------
// 3. Sources
// ---------------------------------------------------------------------------------------------

/// The 14 distinct patterns of /work/shared/reference/update_user_pool_model.json, verbatim
/// (hard-coded: the test must not read the shared reference at run time).
const MODEL_SOURCES: [(Pattern, &str); 14] = [
    (Pattern::UserPoolId, r"[\w-]+_[0-9a-zA-Z]+"),
    (Pattern::PoolName, r"[\w\s+=,.@-]+"),
    (
        Pattern::Arn,
        r"arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?",
    ),
    (
        Pattern::OptionalArn,
        r"(arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?)?",
    ),
    (Pattern::SmsCode, r".*\{####\}.*"),
    (Pattern::SmsInvite, r"(?s).*"),
    (
        Pattern::EmailCode,
        r"[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*\{####\}[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*",
    ),
    (
        Pattern::EmailLink,
        r"[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*\{##[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*##\}[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*",
    ),
    (Pattern::EmailInvite, r"[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*"),
    (Pattern::EmailSubject, r"[\p{L}\p{M}\p{S}\p{N}\p{P}\s]+"),
    (
        Pattern::EmailAddress,
        r"[\p{L}\p{M}\p{S}\p{N}\p{P}]+@[\p{L}\p{M}\p{S}\p{N}\p{P}]+",
    ),
    (Pattern::SesConfigurationSet, r"^[a-zA-Z0-9_-]+$"),
    (Pattern::QuotelessAscii, r"[\x21\x23-\x5B\x5D-\x7E]+"),
    (Pattern::AcrLevelKey, r"Level[1-4]"),
];

#[test]
fn all_has_14_distinct_sources_equal_to_the_model() {
    let sources: HashSet<&str> = Pattern::ALL.iter().map(|p| p.source()).collect();
    assert_eq!(sources.len(), 14);
    let variants: HashSet<Pattern> = Pattern::ALL.iter().copied().collect();
    assert_eq!(variants.len(), 14);
    for (p, expected) in MODEL_SOURCES {
        assert_eq!(p.source(), expected, "{p:?}");
        assert!(Pattern::ALL.contains(&p), "{p:?} missing from ALL");
    }
}

#[test]
fn hints_are_fragments() {
    for p in Pattern::ALL {
        let h = p.hint();
        assert!(!h.is_empty(), "{p:?}");
        assert!(!h.ends_with('.'), "{p:?}: {h}");
        assert_eq!(h.trim(), h, "{p:?}");
    }
    assert!(Pattern::Arn.hint().contains("arn:aws:"));
}

// ---------------------------------------------------------------------------------------------
// 1. Table
// ---------------------------------------------------------------------------------------------

struct Case {
    pattern: Pattern,
    good: &'static [&'static str],
    bad: &'static [&'static str],
}

const ARN_GOOD: &[&str] = &[
    "arn:aws:lambda:us-east-1:123456789012:function:my-trigger",
    "arn:aws:iam::123456789012:role/my-role",
    "arn:aws:lambda:us-east-1:123456789012:function:my-fn:PROD",
    "arn:a:b::0:c:d:e",
    "arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com",
    "arn:aws:kms:us-east-1:1:key/abc+=,.@-_",
    "arn:aws-cn:sns:cn-north-1:123456789012:my_topic",
    "arn:arn:arn:arn:0:arn",
];

const ARN_BAD: &[&str] = &[
    "arn",
    "arn:",
    "arn:aws:iam::123456789012:",
    "arn:aws:iam::12a:role/x",
    "arn:aws:iam:::role/x",
    "arn::iam::1:x",
    "arn:aws:::1:x",
    "arn:a:b:c:1:d:e:f:g",
    "ARN:aws:iam::1:x",
    " arn:aws:iam::1:x",
    "arn:aws:iam::1:x ",
    "arn:aws:iam::1:x\n",
    "xarn:aws:iam::1:y",
    "arn:aws:iam::1:role/é",
    "arn:aws:iam::1:x::",
    "arn:aws:iam::1:x:y:",
    "arn:aws:iam::1",
    "arn:aws:iam::1:role name",
    "arn:aws:iam::+1:x",
    "arn:aws:iam::١٢:x",
];

const CASES: &[Case] = &[
    Case {
        pattern: Pattern::UserPoolId,
        good: &[
            "us-east-1_abc",
            "us-east-1_EXAMPLE1",
            "eu-west-3_AbC123xyZ",
            "a_b_c",
            "a_1",
            "a-_1",
            "-_1",
            "__a",
            "a__b",
        ],
        bad: &[
            "",
            "_",
            "a_",
            "_a",
            "abc",
            "a_b-c",
            "a_b c",
            " a_1",
            "a_1 ",
            "a_1\n",
            "us-east-1_ab.c",
            "é_1",
            "a_1é",
            "a_1_",
        ],
    },
    Case {
        pattern: Pattern::PoolName,
        good: &[
            "My Pool",
            "pool_1",
            "a+b=c,d.e@f-g",
            " ",
            "\t\n\r\x0B\x0C",
            "x",
        ],
        bad: &[
            "",
            "pool:1",
            "pool/1",
            "pool\u{A0}1",
            "poolé",
            "pool!",
            "\u{2028}",
            "pool\u{85}",
        ],
    },
    Case {
        pattern: Pattern::Arn,
        good: ARN_GOOD,
        bad: ARN_BAD,
    },
    Case {
        pattern: Pattern::OptionalArn,
        good: ARN_GOOD,
        bad: ARN_BAD,
    },
    Case {
        pattern: Pattern::OptionalArn,
        good: &[""],
        bad: &[" ", "\n", ":"],
    },
    Case {
        pattern: Pattern::Arn,
        good: &[],
        bad: &[""],
    },
    Case {
        pattern: Pattern::SmsCode,
        good: &[
            "Your code is {####}",
            "{####}",
            "{####}{####}",
            "code {####} é 😀 \t\x0B\x0C",
            "{{####}}",
            "\u{A0}{####}\u{200B}",
            "\u{E000}{####}\u{0}",
        ],
        bad: &[
            "",
            "Your code is {###}",
            "{####}\n",
            "line1\n{####}",
            "{####}\r",
            "{####}\r\n",
            "{####}\u{85}",
            "{####}\u{2028}",
            "{####}\u{2029}",
            "{ #### }",
            "{#####}",
            "{####",
        ],
    },
    Case {
        pattern: Pattern::SmsInvite,
        good: &[
            "",
            "anything",
            "a\nb\r\n",
            "\u{2028}\u{85}\u{2029}",
            "\u{0}",
            "Your username is {username} and temporary password is {####}.",
        ],
        bad: &[],
    },
    Case {
        pattern: Pattern::EmailCode,
        good: &[
            "{####}",
            "Your code is {####}.",
            "Code:\n{####}\r\n\t",
            "\x0B{####}\x0C",
            "😀 {####} é\u{301} 中",
            "**{####}**",
            "{{####}}",
            "<p>Your code is {####}</p>",
            "{##{####}##}",
            "{#####}{####}",
        ],
        bad: &[
            "",
            "Your code is {###}",
            "{####}\u{A0}",
            "\u{3000}{####}",
            "{####}\u{2003}",
            "{####}\u{200B}",
            "{####}\u{FEFF}",
            "{####}\u{E000}",
            "{####}\u{378}",
            "{####}\u{7}",
            "{####}\u{7F}",
            "{####}\u{2028}",
            "{####}\u{85}",
            "{#####}",
            "{##link##}",
        ],
    },
    Case {
        pattern: Pattern::EmailLink,
        good: &[
            "{##Click here##}",
            "Verify: {##Verify email##}\n",
            "{####}",
            "{##}{##}",
            "{##a##}{##",
            "a {## b ##} c ##}",
            "{#####}",
            "<a>{##Verify 😀 é##}</a>",
            "\x0B{##\t##}\x0C",
        ],
        bad: &[
            "",
            "Click here",
            "##}{##",
            "{##}",
            "{###}",
            "{## link ##}\u{A0}",
            "{##\u{200B}##}",
            "{## link #}",
            "{# link ##}",
            "{## link ##}\u{2029}",
            "{## link ##}\u{E000}",
        ],
    },
    Case {
        pattern: Pattern::EmailInvite,
        good: &[
            "",
            "Hello {username}, your temporary password is {####}",
            "😀",
            "\n\t\r\x0B\x0C",
            " ",
            "*",
            "é\u{301}中",
        ],
        bad: &[
            "\u{A0}",
            "\u{200B}",
            "a\u{E000}",
            "\u{378}",
            "\u{2028}",
            "\u{85}",
            "\u{0}",
            "\u{7F}",
            "\u{3000}",
            "Hi\u{AD}",
        ],
    },
    Case {
        pattern: Pattern::EmailSubject,
        good: &[
            "Your verification code",
            "Verify 😀",
            "\t",
            " ",
            "\x0B",
            "é\u{301}",
            "中文",
            "{####}",
            "I \u{2764}\u{FE0F} it",
            "\u{1F1FA}\u{1F1F8}",
        ],
        bad: &[
            "",
            "\u{A0}",
            "family \u{1F468}\u{200D}\u{1F469}",
            "Hi\u{A0}there",
            "Hi\u{2003}there",
            "Hi\u{200B}",
            "Hi\u{2028}",
            "Hi\u{E000}",
            "\u{FEFF}Hi",
            "Hi\u{85}",
            "Hi\u{378}",
        ],
    },
    Case {
        pattern: Pattern::EmailAddress,
        good: &[
            "no-reply@example.com",
            "a@b",
            "a@b@c",
            "@@@",
            "ü@bücher.de",
            "😀@😀",
            "\"quoted\"@example.com",
            "Name<a@b>",
        ],
        bad: &[
            "",
            "@",
            "@@",
            "a@",
            "@b",
            "ab",
            "a b@c",
            "a@b c",
            "a\u{A0}@b",
            "a@b\u{200B}",
            "a@b\n",
            "\ta@b",
            "a@\u{E000}",
        ],
    },
    Case {
        pattern: Pattern::SesConfigurationSet,
        good: &["my-config_set1", "a", "-", "_", "Z9"],
        bad: &["", "a b", "a.b", "é", "a\n", "^a$", "a$", "\n"],
    },
    Case {
        pattern: Pattern::QuotelessAscii,
        good: &[
            "openid",
            "aws.cognito.signin.user.admin",
            "!#$%&'()*+,-./:;<=>?@[]^_`{|}~",
            "a[b]c",
            "https://example.com/scope",
        ],
        bad: &[
            "", "a b", "\"", "a\"b", "a\\b", "\u{7F}", "é", "a\tb", "a\n",
        ],
    },
    Case {
        pattern: Pattern::AcrLevelKey,
        good: &["Level1", "Level2", "Level3", "Level4"],
        bad: &[
            "", "Level0", "Level5", "level1", "Level", "Level12", " Level1", "Level1\n", "LEVEL1",
            "Level١", "xLevel1",
        ],
    },
];

#[test]
fn table_values() {
    let mut failures = Vec::new();
    for case in CASES {
        for v in case.good {
            if !case.pattern.matches(v) {
                failures.push(format!("{:?} should match {v:?}", case.pattern));
            }
        }
        for v in case.bad {
            if case.pattern.matches(v) {
                failures.push(format!("{:?} should not match {v:?}", case.pattern));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_pattern_has_table_values() {
    for p in Pattern::ALL {
        let good = CASES
            .iter()
            .filter(|c| c.pattern == p)
            .map(|c| c.good.len())
            .sum::<usize>();
        let bad = CASES
            .iter()
            .filter(|c| c.pattern == p)
            .map(|c| c.bad.len())
            .sum::<usize>();
        assert!(good >= 4, "{p:?}: only {good} matching values");
        assert!(
            bad >= 4 || p == Pattern::SmsInvite,
            "{p:?}: only {bad} non-matching values"
        );
    }
}

#[test]
fn lmsnp_categories() {
    // In the class: letters, marks, symbols (incl. emoji), numbers, punctuation.
    for c in [
        'a',
        'Z',
        '0',
        '_',
        '-',
        '@',
        '{',
        '#',
        '}',
        '*',
        '~',
        'é',
        '\u{301}',
        '中',
        '😀',
        '€',
        '©',
        '½',
        '١',
        '«',
        '–',
        'ß',
        'Ω',
        '\u{1F1FA}',
    ] {
        assert!(is_lmsnp(c), "{c:?} (U+{:04X}) should be LMSNP", c as u32);
    }
    // Not in the class: separators, controls, format, private use, unassigned, noncharacters.
    for c in [
        ' ',
        '\t',
        '\n',
        '\r',
        '\x0B',
        '\x0C',
        '\0',
        '\x7F',
        '\u{85}',
        '\u{A0}',
        '\u{AD}',
        '\u{2003}',
        '\u{2028}',
        '\u{2029}',
        '\u{3000}',
        '\u{200B}',
        '\u{FEFF}',
        '\u{E000}',
        '\u{F8FF}',
        '\u{378}',
        '\u{FFFF}',
        '\u{10FFFF}',
        '\u{F0000}',
        '\u{E0001}',
    ] {
        assert!(
            !is_lmsnp(c),
            "{c:?} (U+{:04X}) should not be LMSNP",
            c as u32
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 2. Differential test against the `regex` crate
// ---------------------------------------------------------------------------------------------

/// Java `\w` and `\s` (ASCII only), as class contents.
const JAVA_WORD: &str = "a-zA-Z0-9_";
const JAVA_SPACE: &str = r" \t\n\x0B\x0C\r";
/// Java `.` without `(?s)`: anything but a line terminator.
const JAVA_DOT: &str = r"[^\n\r\x{85}\x{2028}\x{2029}]";

/// Translate a Java pattern (of the kind used by the model) into an anchored Rust regex with the
/// same whole-value semantics.
fn translate(java: &str) -> String {
    let dotall = java.starts_with("(?s)");
    let mut out = String::from("^(?:");
    let mut in_class = false;
    let mut chars = java.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let Some(e) = chars.next() else {
                    panic!("dangling escape in {java}")
                };
                match (e, in_class) {
                    ('w', true) => out.push_str(JAVA_WORD),
                    ('w', false) => out.push_str(&format!("[{JAVA_WORD}]")),
                    ('s', true) => out.push_str(JAVA_SPACE),
                    ('s', false) => out.push_str(&format!("[{JAVA_SPACE}]")),
                    _ => {
                        out.push('\\');
                        out.push(e);
                    }
                }
            }
            '[' if !in_class => {
                in_class = true;
                out.push(c);
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            '.' if !in_class && !dotall => out.push_str(JAVA_DOT),
            _ => out.push(c),
        }
    }
    assert!(!in_class, "unterminated class in {java}");
    out.push_str(")$");
    out
}

static REGEXES: LazyLock<Vec<(Pattern, Regex)>> = LazyLock::new(|| {
    Pattern::ALL
        .iter()
        .map(|&p| {
            let src = translate(p.source());
            let re = Regex::new(&src).unwrap_or_else(|e| panic!("{p:?}: {src}: {e}"));
            (p, re)
        })
        .collect()
});

fn reference(p: Pattern) -> &'static Regex {
    match REGEXES.iter().find(|(q, _)| *q == p) {
        Some((_, re)) => re,
        None => panic!("no regex for {p:?}"),
    }
}

#[test]
fn translation_examples() {
    assert_eq!(
        translate(r"[\w-]+_[0-9a-zA-Z]+"),
        r"^(?:[a-zA-Z0-9_-]+_[0-9a-zA-Z]+)$"
    );
    assert_eq!(
        translate(r".*\{####\}.*"),
        r"^(?:[^\n\r\x{85}\x{2028}\x{2029}]*\{####\}[^\n\r\x{85}\x{2028}\x{2029}]*)$"
    );
    assert_eq!(translate(r"(?s).*"), r"^(?:(?s).*)$");
    assert_eq!(
        translate(r"[\w\s+=,.@-]+"),
        r"^(?:[a-zA-Z0-9_ \t\n\x0B\x0C\r+=,.@-]+)$"
    );
}

#[test]
fn differential_on_table_values() {
    let mut checked = 0;
    for case in CASES {
        for v in case.good.iter().chain(case.bad.iter()) {
            // Every table value against every pattern, not only its own.
            for p in Pattern::ALL {
                assert_eq!(
                    p.matches(v),
                    reference(p).is_match(v),
                    "{p:?} on {v:?} (regex {})",
                    reference(p).as_str()
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 1000);
}

/// Characters assigned long ago (Unicode 6.1 or earlier), so Python's Unicode 14 table and the
/// regex crate's newer tables agree on them.
const COMMON: &[&str] = &[
    "a",
    "Z",
    "e",
    "L",
    "v",
    "l",
    "0",
    "1",
    "4",
    "5",
    "9",
    "_",
    "-",
    "+",
    "=",
    ",",
    ".",
    "@",
    "/",
    ":",
    "{",
    "}",
    "#",
    "*",
    "\"",
    "\\",
    "!",
    "~",
    "[",
    "]",
    "^",
    "$",
    " ",
    "\t",
    "\n",
    "\r",
    "\x0B",
    "\x0C",
    "\0",
    "\x7F",
    "\u{85}",
    "\u{A0}",
    "\u{AD}",
    "\u{2003}",
    "\u{3000}",
    "\u{2028}",
    "\u{2029}",
    "\u{200B}",
    "\u{FEFF}",
    "\u{E000}",
    "\u{378}",
    "\u{FFFF}",
    "😀",
    "é",
    "\u{301}",
    "中",
    "€",
    "©",
    "½",
    "١",
    "«",
    "–",
    "ß",
    "Ω",
    "\u{1F1FA}",
    "arn:",
    "{####}",
    "{##",
    "##}",
    "Level",
    "_",
];

/// Fragments that steer generated values near each pattern's boundary.
fn relevant(p: Pattern) -> &'static [&'static str] {
    match p {
        Pattern::UserPoolId => &[
            "a",
            "Z",
            "0",
            "9",
            "_",
            "_",
            "-",
            "us-east-1",
            "_abc",
            "abc",
            "1",
            " ",
            ".",
            "é",
        ],
        Pattern::PoolName => &[
            "a", "Z", "0", "_", " ", "\t", "\n", "\r", "\x0B", "\x0C", "+", "=", ",", ".", "@",
            "-", ":", "/", "\u{A0}", "é", "!",
        ],
        Pattern::Arn | Pattern::OptionalArn => &[
            "arn:",
            "arn:",
            ":",
            ":",
            ":",
            "aws",
            "lambda",
            "us-east-1",
            "123",
            "0",
            "function",
            "my-fn",
            "+",
            "=",
            "/",
            ",",
            ".",
            "@",
            "-",
            "_",
            "arn",
            " ",
            "é",
            "\n",
            "x",
        ],
        Pattern::SmsCode | Pattern::SmsInvite => &[
            "{####}", "{###", "#", "}", "{", "a", " ", "\n", "\r", "\u{85}", "\u{2028}",
            "\u{2029}", "é", "😀", "\t", "\x0B", "\u{A0}", "\u{200B}",
        ],
        Pattern::EmailCode | Pattern::EmailLink | Pattern::EmailInvite | Pattern::EmailSubject => {
            &[
                "{####}", "{##", "##}", "{##", "##}", "#", "{", "}", "*", "a", " ", "\t", "\n",
                "\r", "\x0B", "\x0C", "\u{A0}", "\u{3000}", "😀", "é", "\u{301}", "中", "\u{200B}",
                "\u{E000}", "\u{378}", "\u{7}", "\u{2028}", "\u{85}", "a", "b", "c",
            ]
        }
        Pattern::EmailAddress => &[
            "a",
            "@",
            "@",
            "example.com",
            ".",
            "é",
            "😀",
            " ",
            "\u{A0}",
            "\u{200B}",
            "+",
            "中",
            "\u{301}",
            "b",
        ],
        Pattern::SesConfigurationSet => &["a", "Z", "0", "_", "-", " ", ".", "é", "Config", "\n"],
        Pattern::QuotelessAscii => &[
            "a", "!", "\"", "#", "[", "\\", "]", "~", "\u{7F}", " ", "é", "{", "z", "\t",
        ],
        Pattern::AcrLevelKey => &[
            "Level", "Level", "L", "evel", "1", "4", "5", "0", "level", " ", "\n", "١",
        ],
    }
}

fn fragment(p: Pattern) -> impl Strategy<Value = &'static str> {
    prop_oneof![
        4 => proptest::sample::select(relevant(p)),
        1 => proptest::sample::select(COMMON),
    ]
}

/// Free strings: a concatenation of fragments.
fn random_value(p: Pattern) -> impl Strategy<Value = String> {
    proptest::collection::vec(fragment(p), 0..12).prop_map(|parts| parts.concat())
}

/// Near misses: a table value (of this pattern) with up to three single-character edits
/// (insert a fragment, replace a character by a fragment, delete a character).
fn mutated_value(p: Pattern) -> impl Strategy<Value = String> {
    let seeds: Vec<&'static str> = CASES
        .iter()
        .filter(|c| c.pattern == p)
        .flat_map(|c| c.good.iter().chain(c.bad.iter()).copied())
        .collect();
    let edit = (any::<proptest::sample::Index>(), 0u8..3, fragment(p));
    (
        proptest::sample::select(seeds),
        proptest::collection::vec(edit, 0..4),
    )
        .prop_map(|(seed, edits)| {
            let mut v: Vec<String> = seed.chars().map(String::from).collect();
            for (at, op, frag) in edits {
                let i = at.index(v.len() + 1);
                match op {
                    0 => v.insert(i, frag.to_string()),
                    1 if i < v.len() => v[i] = frag.to_string(),
                    2 if i < v.len() => {
                        v.remove(i);
                    }
                    _ => v.push(frag.to_string()),
                }
            }
            v.concat()
        })
}

fn value_strategy(p: Pattern) -> impl Strategy<Value = String> {
    prop_oneof![random_value(p), mutated_value(p)]
}

const CASES_PER_PATTERN: u32 = 3000;

fn check(p: Pattern, v: &str) -> Result<(), TestCaseError> {
    let re = reference(p);
    prop_assert_eq!(
        p.matches(v),
        re.is_match(v),
        "{:?} on {:?} (regex {})",
        p,
        v,
        re.as_str()
    );
    Ok(())
}

macro_rules! differential {
    ($($name:ident => $pattern:expr,)*) => {
        proptest! {
            #![proptest_config(Config {
                cases: CASES_PER_PATTERN,
                failure_persistence: None,
                ..Config::default()
            })]
            $(
                #[test]
                fn $name(v in value_strategy($pattern)) {
                    check($pattern, &v)?;
                }
            )*
        }
    };
}

differential! {
    differential_user_pool_id => Pattern::UserPoolId,
    differential_pool_name => Pattern::PoolName,
    differential_arn => Pattern::Arn,
    differential_optional_arn => Pattern::OptionalArn,
    differential_sms_code => Pattern::SmsCode,
    differential_sms_invite => Pattern::SmsInvite,
    differential_email_code => Pattern::EmailCode,
    differential_email_link => Pattern::EmailLink,
    differential_email_invite => Pattern::EmailInvite,
    differential_email_subject => Pattern::EmailSubject,
    differential_email_address => Pattern::EmailAddress,
    differential_ses_configuration_set => Pattern::SesConfigurationSet,
    differential_quoteless_ascii => Pattern::QuotelessAscii,
    differential_acr_level_key => Pattern::AcrLevelKey,
}

/// The generators must produce both matching and non-matching values for every pattern, or the
/// differential tests above would prove little.
#[test]
fn generators_reach_both_outcomes() {
    for p in Pattern::ALL {
        let mut runner = TestRunner::deterministic();
        let strategy = value_strategy(p);
        let (mut yes, mut no) = (0u32, 0u32);
        for _ in 0..CASES_PER_PATTERN {
            let v = match strategy.new_tree(&mut runner) {
                Ok(tree) => tree.current(),
                Err(e) => panic!("{p:?}: {e}"),
            };
            if p.matches(&v) {
                yes += 1;
            } else {
                no += 1;
            }
        }
        let min = CASES_PER_PATTERN / 40;
        assert!(yes >= min, "{p:?}: only {yes} matching values generated");
        if p != Pattern::SmsInvite {
            assert!(no >= min, "{p:?}: only {no} non-matching values generated");
        }
    }
}

/// `is_lmsnp` against the regex crate's `\p{..}` on every code point that both Unicode versions
/// know (assigned in Unicode 14.0 or earlier, per the regex crate's `Age` property), plus all
/// code points unassigned in both.
#[test]
fn lmsnp_exhaustive_against_regex() {
    let class = Regex::new(r"^[\p{L}\p{M}\p{S}\p{N}\p{P}]$").unwrap_or_else(|e| panic!("{e}"));
    let old = Regex::new(r"^\p{Age=14.0}$").unwrap_or_else(|e| panic!("{e}"));
    let mut buf = [0u8; 4];
    let (mut compared, mut newer) = (0u32, 0u32);
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        let s = c.encode_utf8(&mut buf);
        let ours = is_lmsnp(c);
        let theirs = class.is_match(s);
        if old.is_match(s) || !theirs {
            assert_eq!(ours, theirs, "U+{:04X}", c as u32);
            compared += 1;
        } else {
            // Assigned after Unicode 14.0: unassigned (Cn) in our table.
            assert!(!ours, "U+{:04X}", c as u32);
            newer += 1;
        }
    }
    assert!(compared > 1_000_000);
    assert!(newer < 20_000, "{newer} code points newer than the table");
}
