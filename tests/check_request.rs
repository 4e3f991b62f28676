//! Tests of the `check-request` binary, run as a process exactly as a pipeline would run it.
//!
//! `tests/fixtures/requests/` holds small UpdateUserPool bodies (and a few DescribeUserPool
//! outputs, the AWS CLI skeleton and some files that are not JSON). `expected.json` there lists,
//! for every file, the exit status of `check-request FILE` and exactly the findings
//! (rule, pointer, severity) it prints. Together the files trigger every rule of the catalogue
//! that can fire on a body without a baseline; see [`EXCLUDED`] for the others.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use cognito_pool_console::validate::CATALOGUE;
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_check-request");

/// Rules with a severity that no request file can trigger, because the checker has no baseline
/// (the configuration loaded from the pool). Both are covered by the baseline tests in
/// `tests/validate.rs`. Parts of R-PWD-02 (the pool already uses TemporaryPasswordValidityDays),
/// R-DEV-01 (device settings sent although the loaded pool had none), R-MFA-01 (warn only when
/// *changing* to ON), R-DEP-01 and R-MSG-05 (unchanged loaded values are not flagged) also need a
/// baseline; their baseline-free parts are covered here.
const EXCLUDED: &[(&str, &str)] = &[
    (
        "R-TIER-04",
        "fires only when the loaded pool had a UserPoolTier and the request drops it",
    ),
    (
        "R-KEY-02",
        "fires only when KeyConfiguration/IssuerConfiguration differ from the loaded pool",
    ),
];

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/requests")
}

/// Runs the checker in the fixture directory (so that `file` is the bare name).
fn run<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Output {
    run_in(&fixtures(), args)
}

fn run_in<S: AsRef<std::ffi::OsStr>>(dir: &Path, args: &[S]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the check-request binary runs")
}

fn code(output: &Output) -> i32 {
    output
        .status
        .code()
        .unwrap_or_else(|| panic!("killed by a signal: {:?}", output.status))
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// One printed finding.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Line {
    file: String,
    rule: String,
    pointer: String,
    severity: String,
}

/// Parses stdout, checking the shape of every line: a JSON object with exactly the six keys, all
/// strings, a known rule, a severity of "error" or "warning".
fn lines(output: &Output) -> Vec<Line> {
    let checkable: BTreeSet<&str> = CATALOGUE
        .iter()
        .filter(|r| r.severity.is_some())
        .map(|r| r.id)
        .collect();
    let want_keys: BTreeSet<&str> = ["file", "path", "pointer", "severity", "rule", "message"]
        .into_iter()
        .collect();
    stdout(output)
        .lines()
        .map(|line| {
            let value: Value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("stdout line is not JSON ({e}): {line}"));
            let object = value
                .as_object()
                .unwrap_or_else(|| panic!("not an object: {line}"));
            let keys: BTreeSet<&str> = object.keys().map(String::as_str).collect();
            assert_eq!(keys, want_keys, "keys of {line}");
            let get = |key: &str| {
                object[key]
                    .as_str()
                    .unwrap_or_else(|| panic!("{key} is not a string: {line}"))
                    .to_owned()
            };
            let finding = Line {
                file: get("file"),
                rule: get("rule"),
                pointer: get("pointer"),
                severity: get("severity"),
            };
            assert!(
                checkable.contains(finding.rule.as_str()),
                "unknown rule: {line}"
            );
            assert!(
                finding.severity == "error" || finding.severity == "warning",
                "severity: {line}"
            );
            assert!(!get("message").is_empty(), "empty message: {line}");
            assert!(
                finding.pointer.is_empty() || finding.pointer.starts_with('/'),
                "pointer: {line}"
            );
            // Only a document that is not an object has no path.
            assert_eq!(
                get("path").is_empty(),
                finding.pointer.is_empty(),
                "path and pointer: {line}"
            );
            finding
        })
        .collect()
}

struct Expectation {
    exit: i32,
    findings: Vec<(String, String, String)>,
}

fn expectations() -> BTreeMap<String, Expectation> {
    let text = fs::read_to_string(fixtures().join("expected.json")).expect("expected.json");
    let value: Value = serde_json::from_str(&text).expect("expected.json is JSON");
    let files = value["files"].as_object().expect("a files object");
    files
        .iter()
        .map(|(name, entry)| {
            let exit = entry["exit"].as_i64().expect("exit") as i32;
            let mut findings: Vec<(String, String, String)> = entry["findings"]
                .as_array()
                .expect("findings")
                .iter()
                .map(|f| {
                    let s = |k: &str| f[k].as_str().expect("string").to_owned();
                    (s("rule"), s("pointer"), s("severity"))
                })
                .collect();
            findings.sort();
            (name.clone(), Expectation { exit, findings })
        })
        .collect()
}

/// The stderr summary `check-request` prints for a fixture, from its expectation.
fn summary(name: &str) -> String {
    let expectation = &expectations()[name];
    let count = |severity: &str| {
        expectation
            .findings
            .iter()
            .filter(|(_, _, s)| s == severity)
            .count()
    };
    let plural = |n: usize, noun: &str| {
        if n == 1 {
            format!("1 {noun}")
        } else {
            format!("{n} {noun}s")
        }
    };
    format!(
        "{name}: {}, {}",
        plural(count("error"), "error"),
        plural(count("warning"), "warning")
    )
}

fn fixture_files() -> BTreeSet<String> {
    fs::read_dir(fixtures())
        .expect("fixture directory")
        .map(|e| e.expect("entry").file_name().into_string().expect("UTF-8"))
        .filter(|name| name != "expected.json")
        .collect()
}

/// A scratch directory for generated files, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir =
            std::env::temp_dir().join(format!("check-request-test-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("scratch directory");
        Scratch(dir)
    }

    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> &Self {
        fs::write(self.0.join(name), bytes).expect("write scratch file");
        self
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

#[test]
fn expected_json_lists_every_fixture() {
    let listed: BTreeSet<String> = expectations().into_keys().collect();
    assert_eq!(listed, fixture_files());
}

#[test]
fn each_fixture_prints_exactly_its_expected_findings_and_exit_status() {
    for (name, want) in expectations() {
        let output = run(&[&name]);
        let mut got: Vec<(String, String, String)> = lines(&output)
            .into_iter()
            .map(|l| {
                assert_eq!(l.file, name, "file key");
                (l.rule, l.pointer, l.severity)
            })
            .collect();
        got.sort();
        assert_eq!(
            got,
            want.findings,
            "{name}: findings\nstderr:\n{}",
            stderr(&output)
        );
        assert_eq!(code(&output), want.exit, "{name}: exit status");
        if want.exit != 2 {
            assert!(
                stderr(&output).contains(&format!("{name}: ")),
                "{name}: a summary on stderr"
            );
        }
    }
}

#[test]
fn the_fixtures_cover_every_rule_that_can_fire_without_a_baseline() {
    let names: Vec<String> = fixture_files().into_iter().collect();
    let output = run(&names);
    assert_eq!(code(&output), 2, "some fixtures are not JSON");
    let seen: BTreeSet<String> = lines(&output).into_iter().map(|l| l.rule).collect();

    let excluded: BTreeSet<String> = EXCLUDED.iter().map(|(id, _)| (*id).to_owned()).collect();
    let checkable: BTreeSet<String> = CATALOGUE
        .iter()
        .filter(|r| r.severity.is_some())
        .map(|r| r.id.to_owned())
        .collect();
    assert_eq!(CATALOGUE.len(), 68, "the catalogue of rules.md");
    assert_eq!(checkable.len(), 66, "68 rules minus the 2 flow rules");
    assert!(excluded.is_subset(&checkable), "exclusions name real rules");
    let missing: Vec<&String> = checkable
        .difference(&excluded)
        .filter(|id| !seen.contains(*id))
        .collect();
    assert!(missing.is_empty(), "rules no fixture triggers: {missing:?}");
    let unexpected: Vec<&String> = seen.intersection(&excluded).collect();
    assert!(
        unexpected.is_empty(),
        "excluded rules fired without a baseline: {unexpected:?}"
    );
    assert_eq!(seen.len(), 64);

    // The expectations list the same rules.
    let listed: BTreeSet<String> = expectations()
        .into_values()
        .flat_map(|e| e.findings.into_iter().map(|(rule, _, _)| rule))
        .collect();
    assert_eq!(listed, seen);
}

#[test]
fn several_files_are_all_checked_and_the_worst_status_wins() {
    let cases: &[(&[&str], i32)] = &[
        (&["valid_minimal.json", "valid_full.json"], 0),
        (&["valid_minimal.json", "legacy_unused_only.json"], 0),
        (
            &[
                "legacy_unused_only.json",
                "tags_too_many.json",
                "valid_full.json",
            ],
            1,
        ),
        (&["tags_too_many.json", "not_json_empty.json"], 2),
        (&["not_json_yaml.json", "tags_too_many.json"], 2),
        (
            &[
                "no-such-file.json",
                "valid_minimal.json",
                "tags_too_many.json",
            ],
            2,
        ),
        (&["tags_too_many.json", "no-such-file.json"], 2),
    ];
    let expected = expectations();
    for (files, want) in cases {
        let output = run(files);
        assert_eq!(code(&output), *want, "{files:?}\n{}", stderr(&output));
        // Every readable file was checked, whatever came before or after it.
        let printed = lines(&output);
        for file in *files {
            let Some(expectation) = expected.get(*file) else {
                continue;
            };
            let count = printed.iter().filter(|l| l.file == *file).count();
            assert_eq!(count, expectation.findings.len(), "{file} in {files:?}");
        }
    }
}

#[test]
fn a_missing_file_is_named_with_the_os_error() {
    let output = run(&["no-such-file.json"]);
    assert_eq!(code(&output), 2);
    assert!(output.stdout.is_empty());
    let err = stderr(&output);
    assert!(err.contains("no-such-file.json"), "{err}");
    assert!(err.contains("cannot read"), "{err}");
    assert!(err.contains("os error"), "the OS error is shown: {err}");
}

#[test]
fn a_directory_is_not_a_request_file() {
    let output = run(&["."]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains(".: cannot read the file"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn files_that_are_not_json_are_explained_with_line_and_column() {
    let output = run(&["not_json_trailing_comma.json"]);
    assert_eq!(code(&output), 2);
    let err = stderr(&output);
    assert!(
        err.contains("not_json_trailing_comma.json: not JSON: line 4, column 1"),
        "{err}"
    );

    let err = stderr(&run(&["not_json_yaml.json"]));
    assert!(
        err.contains("not_json_yaml.json: not JSON: line 1, column 1"),
        "{err}"
    );

    let err = stderr(&run(&["not_json_empty.json"]));
    assert!(
        err.contains("not_json_empty.json: not JSON: the file is empty"),
        "{err}"
    );
    assert!(
        err.contains("--generate-cli-skeleton"),
        "says what to do: {err}"
    );

    let err = stderr(&run(&["not_json_bom.json"]));
    assert!(err.contains("byte order mark"), "{err}");
}

#[test]
fn a_json_array_is_a_finding_not_a_crash() {
    let output = run(&["top_level_array.json"]);
    assert_eq!(code(&output), 1);
    let printed = lines(&output);
    assert_eq!(printed.len(), 1);
    assert_eq!(
        (printed[0].rule.as_str(), printed[0].pointer.as_str()),
        ("R-MODEL-TYPE", "")
    );
}

#[test]
fn the_cli_skeleton_is_checked_without_crashing() {
    // `aws cognito-idp update-user-pool --generate-cli-skeleton`: every string "", every integer
    // 0, every boolean true, one-item lists, {"KeyName": ""} maps, random enum values.
    let output = run(&["skeleton.json"]);
    assert_eq!(code(&output), 1);
    let printed = lines(&output);
    let has = |rule: &str, pointer: &str| {
        printed
            .iter()
            .any(|l| l.rule == rule && l.pointer == pointer)
    };
    assert!(has("R-MODEL-LEN", "/UserPoolId"));
    assert!(has("R-PWD-01", "/Policies/PasswordPolicy/MinimumLength"));
    assert!(has("R-MODEL-PATTERN", "/AcrConfiguration/KeyName"));
    assert!(has(
        "R-MODEL-RANGE",
        "/AccountRecoverySetting/RecoveryMechanisms/0/Priority"
    ));
    assert!(
        stderr(&output).contains(&summary("skeleton.json")),
        "{}",
        stderr(&output)
    );
}

#[test]
fn the_summary_and_describe_notes_go_to_stderr() {
    let output = run(&["password_zero_days.json"]);
    assert_eq!(
        stderr(&output).trim(),
        "password_zero_days.json: 1 error, 3 warnings"
    );
    assert_eq!(summary("password_zero_days.json"), stderr(&output).trim());

    let output = run(&["describe_clean.json"]);
    assert_eq!(code(&output), 0);
    assert!(output.stdout.is_empty());
    let err = stderr(&output);
    for line in err.lines() {
        assert!(
            line.starts_with("describe_clean.json: "),
            "prefixed: {line}"
        );
    }
    assert!(
        err.contains("describe_clean.json: Id becomes UserPoolId."),
        "{err}"
    );
    assert!(
        err.contains("describe_clean.json: Name becomes PoolName."),
        "{err}"
    );
    assert!(
        err.contains("SchemaAttributes is not part of an update"),
        "{err}"
    );
    assert!(
        err.contains("legacy unused account validity is left out"),
        "{err}"
    );
    assert!(
        err.ends_with("describe_clean.json: 0 errors, 0 warnings\n"),
        "{err}"
    );
}

#[test]
fn help_prints_the_usage_and_succeeds() {
    for flag in ["--help", "-h"] {
        let output = run(&[flag]);
        assert_eq!(code(&output), 0, "{flag}");
        let out = stdout(&output);
        assert!(out.starts_with("Usage: check-request FILE..."), "{out}");
        assert!(out.contains("Exit status"), "{out}");
        assert!(output.stderr.is_empty());
    }
}

#[test]
fn no_arguments_print_the_usage_and_fail() {
    let output = run::<&str>(&[]);
    assert_eq!(code(&output), 2);
    assert!(output.stdout.is_empty());
    assert!(stderr(&output).contains("Usage: check-request FILE..."));
}

#[test]
fn an_unknown_option_is_a_usage_error_and_double_dash_ends_options() {
    let output = run(&["--strict", "valid_minimal.json"]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("unknown option --strict"),
        "{}",
        stderr(&output)
    );

    let scratch = Scratch::new("dash");
    scratch.write("-odd-name.json", r#"{"UserPoolId": "us-east-1_AbC123def"}"#);
    let output = run_in(&scratch.0, &["--", "-odd-name.json"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
}

/// A small deterministic byte generator (xorshift), so that the "random" file is reproducible.
fn noise(len: usize) -> Vec<u8> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state.to_le_bytes()[3]
        })
        .collect()
}

#[test]
fn hostile_files_never_crash_the_checker() {
    let scratch = Scratch::new("hostile");
    let ten_mb = 10 * 1024 * 1024;
    let huge_name = format!(
        r#"{{"UserPoolId": "us-east-1_AbC123def", "PoolName": "{}"}}"#,
        "a".repeat(ten_mb)
    );
    let many_tags = {
        let tags: Vec<String> = (0..200_000).map(|i| format!(r#""k{i}": "v""#)).collect();
        format!(
            r#"{{"UserPoolId": "us-east-1_AbC123def", "UserPoolTags": {{{}}}}}"#,
            tags.join(", ")
        )
    };
    // 100 levels inside an unknown member: within the JSON reader's limit of 127 (serde_json's).
    let deep_ok = format!(
        r#"{{"UserPoolId": "us-east-1_AbC123def", "Future": {}1{}}}"#,
        "[".repeat(100),
        "]".repeat(100)
    );
    scratch
        .write("random.json", noise(64 * 1024))
        .write("random-10mb.json", noise(ten_mb))
        .write("huge-name.json", &huge_name)
        .write("many-tags.json", &many_tags)
        .write("deep.json", format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)))
        .write("deep-object.json", "{\"a\":".repeat(5_000) + "1" + &"}".repeat(5_000))
        .write("deep-ok.json", &deep_ok)
        .write("latin1.json", b"{\"UserPoolId\": \"us-east-1_AbC\xe9\"}".as_slice())
        .write("nul.json", b"\0\0\0\0".as_slice())
        .write("lone-surrogate.json", r#"{"UserPoolId": "us-east-1_AbC123def", "PoolName": "\ud800"}"#)
        .write("float-overflow.json", r#"{"UserPoolId": "us-east-1_AbC123def", "Policies": {"PasswordPolicy": {"MinimumLength": 1e400}}}"#)
        .write("big-integers.json", r#"{"UserPoolId": "us-east-1_AbC123def", "Policies": {"PasswordPolicy": {"MinimumLength": 99999999999999999999, "PasswordHistorySize": -99999999999999999999, "TemporaryPasswordValidityDays": 18446744073709551615}}, "AccountRecoverySetting": {"RecoveryMechanisms": [{"Priority": 1.0, "Name": "verified_email"}]}}"#);

    let cases: &[(&str, i32, &str)] = &[
        ("random.json", 2, "not JSON"),
        ("random-10mb.json", 2, "not JSON"),
        ("huge-name.json", 1, "1 error"),
        ("many-tags.json", 1, "1 error"),
        ("deep.json", 2, "nested more than 127 levels"),
        ("deep-object.json", 2, "nested more than 127 levels"),
        ("deep-ok.json", 1, "1 error"),
        ("latin1.json", 2, "not JSON"),
        ("nul.json", 2, "not JSON"),
        ("lone-surrogate.json", 2, "not JSON"),
        ("float-overflow.json", 2, "a number is too large"),
        ("big-integers.json", 1, "4 errors"),
    ];
    for (file, want, message) in cases {
        let output = run_in(&scratch.0, &[file]);
        let err = stderr(&output);
        assert!(!err.contains("panicked"), "{file}: {err}");
        assert_eq!(code(&output), *want, "{file}: {err}");
        assert!(err.contains(message), "{file}: {err}");
        lines(&output);
    }

    let printed = lines(&run_in(&scratch.0, &["huge-name.json"]));
    assert_eq!(
        printed
            .iter()
            .map(|l| (l.rule.as_str(), l.pointer.as_str()))
            .collect::<Vec<_>>(),
        [("R-MODEL-LEN", "/PoolName")]
    );
    // Whole numbers beyond 64 bits are out of range (not "a number with a fraction"); 1.0 is
    // not a whole number on the wire.
    let printed = lines(&run_in(&scratch.0, &["big-integers.json"]));
    let mut got: Vec<(&str, &str)> = printed
        .iter()
        .map(|l| (l.rule.as_str(), l.pointer.as_str()))
        .collect();
    got.sort();
    assert_eq!(
        got,
        [
            (
                "R-MODEL-RANGE",
                "/Policies/PasswordPolicy/PasswordHistorySize"
            ),
            (
                "R-MODEL-RANGE",
                "/Policies/PasswordPolicy/TemporaryPasswordValidityDays"
            ),
            (
                "R-MODEL-TYPE",
                "/AccountRecoverySetting/RecoveryMechanisms/0/Priority"
            ),
            ("R-PWD-01", "/Policies/PasswordPolicy/MinimumLength"),
        ]
    );
    let printed = lines(&run_in(&scratch.0, &["many-tags.json"]));
    assert_eq!(
        printed
            .iter()
            .map(|l| (l.rule.as_str(), l.pointer.as_str()))
            .collect::<Vec<_>>(),
        [("R-TAG-01", "/UserPoolTags")]
    );
}

#[test]
fn a_reader_that_stops_early_does_not_crash_the_checker() {
    // Enough findings to fill the pipe, so that the checker is still writing when the reader
    // goes away (like `check-request *.json | head -1`).
    let files = vec!["skeleton.json"; 400];
    let mut child = Command::new(BIN)
        .args(&files)
        .current_dir(fixtures())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let stdout = child.stdout.take().expect("stdout");
    let mut first = String::new();
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("one line");
    assert!(first.starts_with('{'), "{first}");
    // The reader is dropped here: the pipe is closed.
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("stderr");
    let status = child.wait().expect("wait");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(
        status.code(),
        Some(1),
        "exit status still reports the errors: {err}"
    );
    assert_eq!(err.matches(&summary("skeleton.json")).count(), 400);
}

#[test]
fn an_output_that_cannot_be_written_is_exit_status_2() {
    let Ok(full) = fs::OpenOptions::new().write(true).open("/dev/full") else {
        return; // not Linux
    };
    let output = Command::new(BIN)
        .arg("skeleton.json")
        .current_dir(fixtures())
        .stdout(Stdio::from(full))
        .output()
        .expect("run");
    let err = stderr(&output);
    assert_eq!(code(&output), 2, "{err}");
    assert!(err.contains("cannot write the findings"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_describe_output_is_checked_against_itself_so_echoed_values_are_quiet() {
    // The moto pool echoes its legacy messages and default email texts. As a Describe output the
    // pool is its own baseline, so those echoes are not findings; the same body given as an
    // update (no baseline) reports them.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/describe");
    let describe = run_in(&dir, &["moto_default.json"]);
    let echoed = |output: &Output| {
        lines(output)
            .iter()
            .filter(|l| l.rule == "R-DEP-01" || l.rule == "R-MSG-05")
            .count()
    };
    assert_eq!(echoed(&describe), 0, "{}", stdout(&describe));
    let body = run_in(&dir, &["moto_default.expected.json"]);
    assert!(echoed(&body) > 0, "{}", stdout(&body));
}
