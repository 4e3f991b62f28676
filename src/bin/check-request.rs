//! `check-request`: checks `UpdateUserPool` request files before anyone applies them.
//!
//! ```text
//! check-request FILE...
//! ```
//!
//! Each file is either the JSON body of an update (the `aws cognito-idp update-user-pool
//! --cli-input-json` / `--generate-cli-skeleton` shape) or the output of `aws cognito-idp
//! describe-user-pool`, which is first mapped onto the update that would leave the pool as it is.
//! Every finding goes to stdout as one JSON object per line with the keys `file`, `path`,
//! `pointer`, `severity`, `rule` and `message`. Notes and a per-file summary go to stderr.
//!
//! Exit status: 0 when no file has an error, 1 when any file has one, 2 when a file cannot be
//! read or is not JSON, or the findings could not be written (2 wins over 1; every file is still
//! checked).
//!
//! The program never panics on any input: this is the imperative shell around the pure
//! [`cognito_pool_console::validate`] and [`cognito_pool_console::describe`] functions.

use std::ffi::OsString;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use cognito_pool_console::import::{self, Source};
use cognito_pool_console::validate::{Finding, Severity};
use serde_json::{Map, Value};

const USAGE: &str = "\
Usage: check-request FILE...

Checks UpdateUserPool request files before they are applied, for example before
  aws cognito-idp update-user-pool --cli-input-json file://FILE

Each FILE is either
  - the JSON body of an UpdateUserPool request (the --cli-input-json shape, as printed by
    aws cognito-idp update-user-pool --generate-cli-skeleton), or
  - the output of aws cognito-idp describe-user-pool, which is first turned into the update
    that would leave the pool as it is (what was renamed or left out is noted on stderr).

Every finding is printed on stdout as one JSON object per line:
  {\"file\": ..., \"path\": ..., \"pointer\": ..., \"severity\": \"error\"|\"warning\",
   \"rule\": ..., \"message\": ...}
A summary per file goes to stderr.

Exit status:
  0  no file has an error (warnings allowed)
  1  at least one file has an error
  2  a file could not be read or is not JSON, or the output could not be written
     (2 wins over 1; the other files are still checked)

Options:
  -h, --help  show this text
  --          treat every following argument as a file name
";

/// The outcome of one file, ordered by how much it counts for the exit status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Outcome {
    /// Checked; no errors (warnings allowed).
    Clean,
    /// Checked; at least one error.
    Errors,
    /// Not checked: unreadable or not JSON.
    Unchecked,
}

impl Outcome {
    fn code(self) -> u8 {
        match self {
            Outcome::Clean => 0,
            Outcome::Errors => 1,
            Outcome::Unchecked => 2,
        }
    }
}

/// Where findings go: stdout, written line by line, tolerating a reader that goes away.
struct Sink<W: Write> {
    out: W,
    /// Set once a write failed: nothing more is written.
    closed: bool,
    /// Set when a write failed for another reason than the reader closing the pipe (the
    /// findings are then incomplete, which makes the exit status 2).
    failed: bool,
}

impl<W: Write> Sink<W> {
    fn new(out: W) -> Self {
        Sink {
            out,
            closed: false,
            failed: false,
        }
    }

    /// Writes one line. A closed pipe (`check-request x.json | head -1`) silently stops the
    /// output; the files are still checked so that the exit status stays meaningful.
    fn line(&mut self, line: &str) {
        if self.closed {
            return;
        }
        let written = self
            .out
            .write_all(line.as_bytes())
            .and_then(|()| self.out.write_all(b"\n"));
        if let Err(error) = written {
            self.stop(&error);
        }
    }

    fn flush(&mut self) {
        if self.closed {
            return;
        }
        if let Err(error) = self.out.flush() {
            self.stop(&error);
        }
    }

    fn stop(&mut self, error: &io::Error) {
        self.closed = true;
        if error.kind() != io::ErrorKind::BrokenPipe {
            self.failed = true;
            note(&format!(
                "check-request: cannot write the findings to stdout: {error}"
            ));
        }
    }
}

/// Writes a line to stderr; a failure to do so is ignored (there is nowhere left to report it).
fn note(line: &str) {
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "{line}");
}

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let mut files: Vec<OsString> = Vec::new();
    let mut options_done = false;
    for arg in args {
        if !options_done {
            match arg.to_str() {
                Some("-h" | "--help") => {
                    let mut out = io::stdout().lock();
                    let _ = out.write_all(USAGE.as_bytes());
                    let _ = out.flush();
                    return ExitCode::SUCCESS;
                }
                Some("--") => {
                    options_done = true;
                    continue;
                }
                Some(option) if option.starts_with('-') && option.len() > 1 => {
                    note(&format!(
                        "check-request: unknown option {option} (use -- before a file name that starts with -)\n"
                    ));
                    note(USAGE);
                    return ExitCode::from(2);
                }
                _ => {}
            }
        }
        files.push(arg);
    }
    if files.is_empty() {
        note("check-request: no files given\n");
        note(USAGE);
        return ExitCode::from(2);
    }

    let mut sink = Sink::new(io::stdout().lock());
    let mut worst = Outcome::Clean;
    for file in &files {
        let name = Path::new(file).display().to_string();
        worst = worst.max(check_file(Path::new(file), &name, &mut sink));
    }
    sink.flush();
    if sink.failed {
        worst = Outcome::Unchecked;
    }
    ExitCode::from(worst.code())
}

/// Reads, parses and checks one file, printing its findings, notes and summary.
fn check_file<W: Write>(path: &Path, name: &str, sink: &mut Sink<W>) -> Outcome {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) => {
            note(&format!("{name}: cannot read the file: {error}"));
            return Outcome::Unchecked;
        }
    };
    let document = match import::parse_json(&bytes) {
        Ok(document) => document,
        Err(message) => {
            note(&format!("{name}: not JSON: {message}"));
            return Outcome::Unchecked;
        }
    };

    let report = import::check_document(document);
    if report.source == Source::DescribeOutput {
        note(&format!(
            "{name}: a DescribeUserPool output; checking the update that would leave the pool as it is"
        ));
        for n in &report.notes {
            note(&format!("{name}: {}", n.message));
        }
    }
    let checked = report.checked;
    for finding in &checked.findings {
        sink.line(&finding_line(name, finding));
    }
    let errors = count(&checked.findings, Severity::Error);
    let warnings = count(&checked.findings, Severity::Warning);
    note(&format!(
        "{name}: {}, {}",
        plural(errors, "error"),
        plural(warnings, "warning")
    ));
    if errors > 0 {
        Outcome::Errors
    } else {
        Outcome::Clean
    }
}

/// One finding as a line of JSON with exactly the six documented keys.
fn finding_line(file: &str, finding: &Finding) -> String {
    let mut object = Map::new();
    object.insert("file".into(), Value::String(file.to_owned()));
    object.insert("path".into(), Value::String(finding.path.clone()));
    object.insert("pointer".into(), Value::String(finding.pointer.clone()));
    object.insert(
        "severity".into(),
        Value::String(finding.severity.as_str().to_owned()),
    );
    object.insert("rule".into(), Value::String(finding.rule.to_owned()));
    object.insert("message".into(), Value::String(finding.message.clone()));
    Value::Object(object).to_string()
}

fn count(findings: &[Finding], severity: Severity) -> usize {
    findings.iter().filter(|f| f.severity == severity).count()
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
