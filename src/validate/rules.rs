//! The cross-field and semantic rules of the catalogue (`rules.md`), run on the readable copy of
//! the request JSON: the model's enums name the values they compare with.
//!
//! Each rule keeps the id of the catalogue. Rules that only make sense against the configuration
//! loaded from the pool (the *baseline*) are skipped when there is none.

use serde_json::Value;

use super::constraints::join;
use super::{Finding, Severity};
use crate::model::{
    is_region_code, region_of_pool_id, AdvancedSecurityMode, AuthFactor, DefaultEmailOption,
    EmailSendingAccount, EncryptionKeyType, MfaConfiguration, OAuthFlow, RecoveryOptionName,
    Status, UserPoolTier,
};
use crate::pattern::Pattern;
use crate::schema::{self, Field};

/// A rule of the catalogue: id, severity (`None` for flow rules, which are about how the console
/// loads and sends rather than about a body) and title.
#[derive(Debug)]
pub struct RuleInfo {
    /// The id used in findings.
    pub id: &'static str,
    /// Error or warning; `None` for a flow rule.
    pub severity: Option<Severity>,
    /// What the rule is about.
    pub title: &'static str,
}

const fn rule(id: &'static str, severity: Option<Severity>, title: &'static str) -> RuleInfo {
    RuleInfo {
        id,
        severity,
        title,
    }
}

const E: Option<Severity> = Some(Severity::Error);
const W: Option<Severity> = Some(Severity::Warning);

/// Every rule of the catalogue, with the ids of `rules.md`.
pub static CATALOGUE: &[RuleInfo] = &[
    rule("R-MODEL-REQ", E, "Required members"),
    rule("R-MODEL-UNKNOWN", E, "No unknown members"),
    rule("R-MODEL-TYPE", E, "JSON types"),
    rule("R-MODEL-LEN", E, "String length min/max"),
    rule("R-MODEL-RANGE", E, "Integer min/max"),
    rule("R-MODEL-COUNT", E, "List / map entry counts"),
    rule("R-MODEL-ENUM", E, "Enum membership (case-sensitive)"),
    rule("R-MODEL-PATTERN", E, "Patterns (full-match, Java flavour)"),
    rule(
        "R-PWD-01",
        E,
        "MinimumLength lower bound 6 (and model max 99)",
    ),
    rule(
        "R-PWD-02",
        E,
        "TemporaryPasswordValidityDays excludes UnusedAccountValidityDays",
    ),
    rule(
        "R-PWD-03",
        W,
        "TemporaryPasswordValidityDays = 0 means \"default\"",
    ),
    rule("R-DEP-01", W, "Legacy verification-message parameters"),
    rule("R-DEP-02", W, "UnusedAccountValidityDays is legacy"),
    rule(
        "R-SIGNIN-01",
        E,
        "SOFTWARE_TOKEN is not a first auth factor",
    ),
    rule(
        "R-LAMBDA-01",
        E,
        "PreTokenGeneration must equal PreTokenGenerationConfig.LambdaArn",
    ),
    rule("R-LAMBDA-02", W, "Legacy PreTokenGeneration only"),
    rule(
        "R-LAMBDA-03",
        E,
        "Custom sender / inbound federation triggers use V1_0",
    ),
    rule("R-LAMBDA-04", E, "Custom sender triggers need KMSKeyID"),
    rule("R-LAMBDA-05", W, "KMSKeyID without a custom sender"),
    rule(
        "R-LAMBDA-07",
        W,
        "Custom auth challenge triggers come as a set",
    ),
    rule("R-ARN-02", W, "ARN names the expected service"),
    rule("R-MSG-01", E, "SMS templates contain {####}"),
    rule("R-MSG-02", E, "Email verification bodies contain {####}"),
    rule("R-MSG-03", E, "Link email body contains {##text##}"),
    rule(
        "R-MSG-05",
        W,
        "Custom email templates need EmailSendingAccount = DEVELOPER",
    ),
    rule("R-MSG-06", W, "Invitation templates include {####}"),
    rule(
        "R-VMT-01",
        E,
        "Not both EmailMessage and EmailMessageByLink",
    ),
    rule(
        "R-VMT-02",
        W,
        "CONFIRM_WITH_LINK: use EmailMessageByLink, leave EmailMessage blank",
    ),
    rule(
        "R-VMT-03",
        W,
        "CONFIRM_WITH_CODE: leave EmailMessageByLink blank",
    ),
    rule(
        "R-VMT-04",
        W,
        "Legacy EmailVerificationMessage together with link-style verification",
    ),
    rule(
        "R-VMT-05",
        W,
        "Link template whose only placeholder is {####}",
    ),
    rule("R-EMAIL-01", E, "DEVELOPER requires SourceArn"),
    rule("R-EMAIL-02", W, "SourceArn is an SES identity"),
    rule("R-EMAIL-03", W, "SourceArn Region"),
    rule("R-EMAIL-04", W, "From format"),
    rule("R-SMS-01", E, "SmsConfiguration needs exactly one sender"),
    rule("R-SMS-02", W, "SMS role ARNs are IAM roles"),
    rule("R-SMS-03", E, "Seoul pools use SNS in Tokyo"),
    rule("R-SMS-04", E, "EumsSms.Region is the pool Region"),
    rule("R-SMS-06", W, "SnsRegion looks like a Region code"),
    rule("R-MFA-01", W, "MFA ON outside creation"),
    rule("R-MFA-02", W, "Threat protection: prefer OPTIONAL MFA"),
    rule("R-MFA-03", W, "MFA without SMS configuration"),
    rule("R-TIER-01", E, "Threat protection needs the Plus tier"),
    rule("R-TIER-02", E, "Essentials-or-higher features on Lite"),
    rule("R-TIER-03", E, "DCR on Lite must be Disabled"),
    rule("R-TIER-04", W, "Always send UserPoolTier (flow rule)"),
    rule("R-ASF-01", W, "CustomAuthMode with threat protection OFF"),
    rule("R-DCR-01", W, "DCR without EnableStatus"),
    rule("R-DCR-02", W, "\"implicit\" grant is ignored"),
    rule("R-DCR-03", W, "Open registration with client_credentials"),
    rule("R-DCR-04", W, "dcr/register scope is never granted"),
    rule(
        "R-DCR-05",
        W,
        "Empty grant-type list disables that registration path",
    ),
    rule("R-ACR-02", E, "ACR names unique, including defaults"),
    rule("R-KEY-01", W, "KeyType and KmsKeyArn consistent"),
    rule(
        "R-KEY-02",
        W,
        "Key/Issuer configuration immutable in secondary Regions (flow rule)",
    ),
    rule("R-REC-01", E, "Recovery priorities unique"),
    rule("R-REC-02", E, "Recovery mechanisms unique"),
    rule("R-REC-03", E, "admin_only stands alone"),
    rule("R-REC-04", W, "Single mechanism should be Priority 1"),
    rule("R-REC-05", W, "SMS recovery vs SMS MFA"),
    rule("R-REC-06", W, "AccountRecoverySetting without mechanisms"),
    rule(
        "R-DEV-01",
        W,
        "Sending DeviceConfiguration activates device remembering",
    ),
    rule("R-LIST-01", W, "Duplicate entries in set-like lists"),
    rule("R-TAG-01", E, "At most 50 tags"),
    rule("R-ID-02", W, "UserPoolId prefix is a Region"),
    rule("R-FLOW-01", None, "Send the complete configuration"),
    rule(
        "R-FLOW-02",
        None,
        "Multi-Region replicas: global settings must match",
    ),
];

/// The rule id for a value outside an integer range: the password length has a rule of its own.
pub(super) fn range_rule(field: &Field) -> &'static str {
    if field.path == "Policies.PasswordPolicy.MinimumLength" {
        "R-PWD-01"
    } else {
        "R-MODEL-RANGE"
    }
}

/// The rule id for a value outside an enum: the single-version triggers have a rule of their own.
pub(super) fn enum_rule(field: &Field) -> &'static str {
    if field.name() == "LambdaVersion" && field.values == ["V1_0"] {
        "R-LAMBDA-03"
    } else {
        "R-MODEL-ENUM"
    }
}

/// The rule id for a value that misses its pattern: the message templates have rules of their
/// own.
pub(super) fn pattern_rule(field: &Field) -> &'static str {
    match field.pattern {
        Some(Pattern::SmsCode) => "R-MSG-01",
        Some(Pattern::EmailCode) => "R-MSG-02",
        Some(Pattern::EmailLink) => "R-MSG-03",
        _ => "R-MODEL-PATTERN",
    }
}

/// The maximum number of tags on a user pool (TagResource documentation).
pub const MAX_TAGS: usize = 50;

/// The ACR name Cognito gives level `n` when it is not customised.
fn default_acr_name(level: &str) -> Option<String> {
    let n = level.strip_prefix("Level")?;
    matches!(n, "1" | "2" | "3" | "4").then(|| format!("urn:cognito:loa:{n}"))
}

/// Runs every cross-field rule on `request`, the readable copy of a request body (see
/// [`super::constraints::Walked::readable`]): every structure in it has its required members,
/// every enum value is one of the model's, every integer fits in 64 bits. `baseline` is the
/// configuration loaded from the pool, read exactly (see [`super::reads_exactly`]).
pub(super) fn check(request: &Value, baseline: Option<&Value>, out: &mut Vec<Finding>) {
    let mut rules = Rules {
        request,
        baseline,
        out,
    };
    rules.identity();
    rules.passwords();
    rules.legacy_messages();
    rules.sign_in();
    rules.lambda();
    rules.templates();
    rules.email();
    rules.sms();
    rules.mfa();
    rules.tiers();
    rules.dcr();
    rules.acr();
    rules.keys();
    rules.recovery();
    rules.devices();
    rules.duplicates();
    rules.tags();
}

struct Rules<'a> {
    request: &'a Value,
    baseline: Option<&'a Value>,
    out: &'a mut Vec<Finding>,
}

/// The value at a model path of structures (`A.B.C`) in `value`.
fn at_path<'v>(value: &'v Value, path: &str) -> Option<&'v Value> {
    path.split('.')
        .try_fold(value, |value, name| value.get(name))
}

/// The pointer of a model path without list indexes or map keys (`A.B.C` -> `/A/B/C`).
fn pointer_of(path: &str) -> String {
    path.split('.')
        .fold(String::new(), |p, name| join(&p, name))
}

/// The label of a path, for messages.
fn label(path: &str) -> &'static str {
    schema::field(path).map_or("This setting", |f| f.label)
}

/// The service segment of an ARN (`lambda` in `arn:aws:lambda:...`).
fn arn_service(arn: &str) -> Option<&str> {
    arn.split(':').nth(2)
}

/// The Region segment of an ARN.
fn arn_region(arn: &str) -> Option<&str> {
    arn.split(':').nth(3)
}

const MFA: &str = "MfaConfiguration";
const FIRST_FACTORS: &str = "Policies.SignInPolicy.AllowedFirstAuthFactors";

impl<'a> Rules<'a> {
    /// The request's value at `path`.
    fn get(&self, path: &str) -> Option<&'a Value> {
        at_path(self.request, path)
    }

    /// Whether the request has a value at `path`.
    fn has(&self, path: &str) -> bool {
        self.get(path).is_some()
    }

    /// The request's string at `path`.
    fn text(&self, path: &str) -> Option<&'a str> {
        self.get(path)?.as_str()
    }

    /// The request's list at `path`.
    fn list(&self, path: &str) -> Option<&'a [Value]> {
        self.get(path)?.as_array().map(Vec::as_slice)
    }

    /// The request's integer at `path`.
    fn integer(&self, path: &str) -> Option<i64> {
        self.get(path)?.as_i64()
    }

    /// The loaded configuration's value at `path`.
    fn loaded(&self, path: &str) -> Option<&'a Value> {
        at_path(self.baseline?, path)
    }

    /// The Region of the pool, from its id.
    fn region(&self) -> Option<&'a str> {
        region_of_pool_id(self.text("UserPoolId")?)
    }

    fn at(&mut self, severity: Severity, rule: &'static str, path: &str, message: String) {
        self.out.push(Finding::new(
            severity,
            rule,
            path,
            pointer_of(path),
            message,
        ));
    }

    fn at_pointer(
        &mut self,
        severity: Severity,
        rule: &'static str,
        path: &str,
        pointer: String,
        message: String,
    ) {
        self.out
            .push(Finding::new(severity, rule, path, pointer, message));
    }

    fn error(&mut self, rule: &'static str, path: &str, message: String) {
        self.at(Severity::Error, rule, path, message);
    }

    fn warn(&mut self, rule: &'static str, path: &str, message: String) {
        self.at(Severity::Warning, rule, path, message);
    }

    /// R-ID-02.
    fn identity(&mut self) {
        let id = self.text("UserPoolId").unwrap_or_default();
        if id.is_empty() || !Pattern::UserPoolId.matches(id) {
            return;
        }
        if self.region().is_none() {
            self.warn(
                "R-ID-02",
                "UserPoolId",
                format!(
                    "The pool id \"{id}\" does not start with a Region code (as in us-east-1_AbCdEf123), so Region checks are skipped. Copy the id from the console or from ListUserPools."
                ),
            );
        }
    }

    /// R-PWD-02, R-PWD-03, R-DEP-02.
    fn passwords(&mut self) {
        const UNUSED: &str = "AdminCreateUserConfig.UnusedAccountValidityDays";
        const TEMP: &str = "Policies.PasswordPolicy.TemporaryPasswordValidityDays";
        let sent_temp = self.integer(TEMP);
        let loaded_temp = self.loaded(TEMP);
        if let Some(days) = self.integer(UNUSED) {
            if sent_temp.is_some() || loaded_temp.is_some() {
                let why = if sent_temp.is_some() {
                    "the request also sets the temporary password validity"
                } else {
                    "this pool already uses the temporary password validity setting"
                };
                if days == 0 {
                    self.warn(
                        "R-PWD-02",
                        UNUSED,
                        format!("Unused account validity is sent as 0 although {why}. Cognito tolerates 0 here, but leave it out."),
                    );
                } else {
                    self.error(
                        "R-PWD-02",
                        UNUSED,
                        format!("Unused account validity cannot be set because {why}: Cognito rejects it. Leave it out and use Policies > Password policy > temporary password validity ({TEMP}) instead."),
                    );
                }
            }
            self.warn(
                "R-DEP-02",
                UNUSED,
                "Unused account validity is a legacy setting that Cognito no longer uses. Set the temporary password validity in the password policy instead.".to_owned(),
            );
        }
        if sent_temp == Some(0) {
            self.warn(
                "R-PWD-03",
                TEMP,
                "A temporary password validity of 0 is treated as \"not set\": Cognito uses its default of 7 days. Enter the number of days you want (1 to 365).".to_owned(),
            );
        }
    }

    /// Whether the value at `path` is sent and is not just the loaded value sent back.
    fn sent_changed(&self, path: &str) -> bool {
        let value = self.get(path);
        value.is_some() && (self.baseline.is_none() || self.loaded(path) != value)
    }

    /// R-DEP-01: the three legacy message members, when they are not just the loaded value sent
    /// back unchanged.
    fn legacy_messages(&mut self) {
        let members = [
            (
                "SmsVerificationMessage",
                "VerificationMessageTemplate.SmsMessage",
            ),
            (
                "EmailVerificationMessage",
                "VerificationMessageTemplate.EmailMessage",
            ),
            (
                "EmailVerificationSubject",
                "VerificationMessageTemplate.EmailSubject",
            ),
        ];
        for (path, instead) in members {
            if self.sent_changed(path) {
                self.warn(
                    "R-DEP-01",
                    path,
                    format!("{} is a legacy setting that Cognito no longer uses. Edit the verification message template ({instead}) instead.", label(path)),
                );
            }
        }
    }

    /// The first auth factors, when the request has the list.
    fn first_factors(&self) -> Option<impl Iterator<Item = Option<AuthFactor>> + 'a> {
        let list = self.list(FIRST_FACTORS)?;
        Some(
            list.iter()
                .map(|factor| factor.as_str().and_then(AuthFactor::from_wire)),
        )
    }

    /// R-SIGNIN-01.
    fn sign_in(&mut self) {
        for (index, factor) in self.first_factors().into_iter().flatten().enumerate() {
            if factor == Some(AuthFactor::SoftwareToken) {
                self.at_pointer(
                    Severity::Error,
                    "R-SIGNIN-01",
                    "Policies.SignInPolicy.AllowedFirstAuthFactors[]",
                    format!("/Policies/SignInPolicy/AllowedFirstAuthFactors/{index}"),
                    "SOFTWARE_TOKEN (authenticator app) cannot be a first sign-in factor. Remove it; authenticator apps are set up as MFA instead.".to_owned(),
                );
            }
        }
    }

    /// R-LAMBDA-01, -02, -04, -05, -07 and R-ARN-02 for the triggers.
    fn lambda(&mut self) {
        if !self.has("LambdaConfig") {
            return;
        }
        // The plain triggers, then the function of each versioned one.
        let triggers = [
            "PreSignUp",
            "CustomMessage",
            "PostConfirmation",
            "PreAuthentication",
            "PostAuthentication",
            "DefineAuthChallenge",
            "CreateAuthChallenge",
            "VerifyAuthChallengeResponse",
            "PreTokenGeneration",
            "UserMigration",
            "PreTokenGenerationConfig.LambdaArn",
            "CustomSMSSender.LambdaArn",
            "CustomEmailSender.LambdaArn",
            "InboundFederation.LambdaArn",
        ];
        for name in triggers {
            let path = format!("LambdaConfig.{name}");
            if let Some(arn) = self.text(&path) {
                self.arn_service(&path, arn, "lambda", "a Lambda function");
            }
        }
        let key = self.text("LambdaConfig.KMSKeyID");
        if let Some(key) = key {
            self.arn_service("LambdaConfig.KMSKeyID", key, "kms", "a KMS key");
        }

        let legacy = self.text("LambdaConfig.PreTokenGeneration");
        let config = self.text("LambdaConfig.PreTokenGenerationConfig.LambdaArn");
        match (legacy, config) {
            (Some(legacy), Some(config)) if legacy != config => self.error(
                "R-LAMBDA-01",
                "LambdaConfig.PreTokenGenerationConfig.LambdaArn",
                "The pre token generation function ARN differs from the legacy pre token generation trigger. Both name the same trigger: make them identical, or clear the legacy one.".to_owned(),
            ),
            (Some(_), None) => self.warn(
                "R-LAMBDA-02",
                "LambdaConfig.PreTokenGeneration",
                "Only the legacy pre token generation trigger is set. Also set the versioned pre token generation trigger with the same function ARN and choose its event version.".to_owned(),
            ),
            _ => {}
        }

        let senders =
            self.has("LambdaConfig.CustomSMSSender") || self.has("LambdaConfig.CustomEmailSender");
        match (senders, key.is_some()) {
            (true, false) => self.error(
                "R-LAMBDA-04",
                "LambdaConfig.KMSKeyID",
                "Custom SMS and email sender triggers need a KMS key: Cognito encrypts codes and temporary passwords with it before handing them to the function. Enter the key ARN.".to_owned(),
            ),
            (false, true) => self.warn(
                "R-LAMBDA-05",
                "LambdaConfig.KMSKeyID",
                "A KMS key is set but there is no custom SMS or email sender trigger to use it. Add a sender trigger or clear the key.".to_owned(),
            ),
            _ => {}
        }

        let challenge = [
            "DefineAuthChallenge",
            "CreateAuthChallenge",
            "VerifyAuthChallengeResponse",
        ];
        let missing: Vec<&str> = challenge
            .into_iter()
            .filter(|name| !self.has(&format!("LambdaConfig.{name}")))
            .collect();
        if !missing.is_empty() && missing.len() < challenge.len() {
            self.warn(
                "R-LAMBDA-07",
                "LambdaConfig",
                format!(
                    "Custom authentication needs all three challenge triggers; {} is not set.",
                    missing.join(" and ")
                ),
            );
        }
    }

    /// R-ARN-02 / R-EMAIL-02 / R-SMS-02: an ARN that names another service than expected.
    fn arn_service(&mut self, path: &str, arn: &str, service: &str, what: &str) {
        let rule = match service {
            "ses" => "R-EMAIL-02",
            "iam" => "R-SMS-02",
            _ => "R-ARN-02",
        };
        if !Pattern::Arn.matches(arn) {
            return;
        }
        if let Some(found) = arn_service(arn).filter(|found| *found != service) {
            self.warn(
                rule,
                path,
                format!("{} should be the ARN of {what} (arn:…:{service}:…), but it names the {found} service.", label(path)),
            );
        }
    }

    /// R-MSG-05, R-MSG-06, R-VMT-01..05.
    fn templates(&mut self) {
        let developer = self
            .text("EmailConfiguration.EmailSendingAccount")
            .and_then(EmailSendingAccount::from_wire)
            == Some(EmailSendingAccount::Developer);

        // R-MSG-05: custom email text needs your own SES sender. A value sent back unchanged
        // from the loaded pool is left alone: Cognito returns such text for every pool.
        if !developer {
            let gated = [
                "VerificationMessageTemplate.EmailMessage",
                "VerificationMessageTemplate.EmailSubject",
                "VerificationMessageTemplate.EmailMessageByLink",
                "VerificationMessageTemplate.EmailSubjectByLink",
                "AdminCreateUserConfig.InviteMessageTemplate.EmailMessage",
                "AdminCreateUserConfig.InviteMessageTemplate.EmailSubject",
            ];
            for path in gated {
                if self.sent_changed(path) {
                    self.warn(
                        "R-MSG-05",
                        path,
                        format!("{} only takes effect when email is sent through your own Amazon SES (Email delivery > sending account DEVELOPER). With Cognito's built-in email it is ignored or rejected.", label(path)),
                    );
                }
            }
        }

        // R-MSG-06: invitations usually carry the temporary password.
        let messages = [
            "AdminCreateUserConfig.InviteMessageTemplate.SMSMessage",
            "AdminCreateUserConfig.InviteMessageTemplate.EmailMessage",
        ];
        for path in messages {
            if self.text(path).is_some_and(|t| !t.contains("{####}")) {
                self.warn(
                    "R-MSG-06",
                    path,
                    format!("{} has no {{####}} placeholder, so users created with a temporary password will not receive it. Add {{####}} unless your users have no passwords.", label(path)),
                );
            }
        }

        if !self.has("VerificationMessageTemplate") {
            self.legacy_link_conflict(None);
            return;
        }
        const CODE_PATH: &str = "VerificationMessageTemplate.EmailMessage";
        const LINK_PATH: &str = "VerificationMessageTemplate.EmailMessageByLink";
        let option = self
            .text("VerificationMessageTemplate.DefaultEmailOption")
            .and_then(DefaultEmailOption::from_wire);
        let code = self.has(CODE_PATH);
        let link_text = self.text(LINK_PATH);
        let link = link_text.is_some();
        if code && link {
            let both = "Cognito rejects a template with both a code message and a link message.";
            match option {
                Some(DefaultEmailOption::ConfirmWithLink) => self.error(
                    "R-VMT-01",
                    CODE_PATH,
                    format!("{both} Verification is by link, so clear the code message."),
                ),
                Some(DefaultEmailOption::ConfirmWithCode) => self.error(
                    "R-VMT-01",
                    LINK_PATH,
                    format!("{both} Verification is by code, so clear the link message."),
                ),
                None => {
                    for path in [CODE_PATH, LINK_PATH] {
                        self.error(
                            "R-VMT-01",
                            path,
                            format!("{both} Choose code or link verification and clear the other message."),
                        );
                    }
                }
            }
        } else {
            match option {
                Some(DefaultEmailOption::ConfirmWithLink) if code => self.warn(
                    "R-VMT-02",
                    CODE_PATH,
                    "Verification is by link, so the code message is not used: clear it and write the link message instead.".to_owned(),
                ),
                Some(DefaultEmailOption::ConfirmWithLink) if !link => self.warn(
                    "R-VMT-02",
                    LINK_PATH,
                    "Verification is by link but there is no link message; Cognito will use its default text. Write one with a {##link text##} placeholder.".to_owned(),
                ),
                Some(DefaultEmailOption::ConfirmWithCode) if link => self.warn(
                    "R-VMT-03",
                    LINK_PATH,
                    "Verification is by code, so the link message is not used: clear it, or switch to link verification.".to_owned(),
                ),
                _ => {}
            }
        }
        if link_text.is_some_and(|text| text.contains("{####}") && !has_named_link(text)) {
            self.warn(
                "R-VMT-05",
                LINK_PATH,
                "The link message's only placeholder is {####}, which Cognito reads as a link with no text. Write the link as {##Verify my email##}.".to_owned(),
            );
        }
        self.legacy_link_conflict(option);
    }

    /// R-VMT-04.
    fn legacy_link_conflict(&mut self, option: Option<DefaultEmailOption>) {
        if option == Some(DefaultEmailOption::ConfirmWithLink)
            && self.has("EmailVerificationMessage")
        {
            self.warn(
                "R-VMT-04",
                "EmailVerificationMessage",
                "The legacy email verification message (which needs a {####} code) is sent while verification is by link; this combination is known to make the update fail. Leave the legacy message out.".to_owned(),
            );
        }
    }

    /// R-EMAIL-01..04.
    fn email(&mut self) {
        if !self.has("EmailConfiguration") {
            return;
        }
        const SOURCE: &str = "EmailConfiguration.SourceArn";
        let source = self.text(SOURCE).filter(|s| !s.is_empty());
        let developer = self
            .text("EmailConfiguration.EmailSendingAccount")
            .and_then(EmailSendingAccount::from_wire)
            == Some(EmailSendingAccount::Developer);
        if developer && source.is_none() {
            self.error(
                "R-EMAIL-01",
                SOURCE,
                "Sending through your own SES (DEVELOPER) needs the ARN of a verified SES identity (arn:aws:ses:<region>:<account>:identity/<address or domain>).".to_owned(),
            );
        }
        if let Some(arn) = source {
            self.arn_service(SOURCE, arn, "ses", "an SES identity");
            if Pattern::Arn.matches(arn) {
                if let (Some(arn_region), Some(pool)) = (arn_region(arn), self.region()) {
                    if !arn_region.is_empty() && arn_region != pool {
                        self.warn(
                            "R-EMAIL-03",
                            SOURCE,
                            format!("The SES identity is in {arn_region} but the pool is in {pool}. Cognito supports only some Region pairs; use an identity in {pool} unless you know this pair works."),
                        );
                    }
                }
            }
        }
        if let Some(from) = self
            .text("EmailConfiguration.From")
            .filter(|f| !f.is_empty())
        {
            if !is_from_address(from) {
                self.warn(
                    "R-EMAIL-04",
                    "EmailConfiguration.From",
                    "The sender should be an address (admin@example.com) or a name with an address (Example Admin <admin@example.com>).".to_owned(),
                );
            }
        }
    }

    /// R-SMS-01..06.
    fn sms(&mut self) {
        if !self.has("SmsConfiguration") {
            return;
        }
        const SNS: &str = "SmsConfiguration.SnsCallerArn";
        const SNS_REGION: &str = "SmsConfiguration.SnsRegion";
        let sns = self.text(SNS).filter(|a| !a.is_empty());
        let eums = self.has("SmsConfiguration.EumsSms");
        match (sns, eums) {
            (None, false) => self.error(
                "R-SMS-01",
                SNS,
                "SMS delivery needs a sender: enter the IAM role ARN for Amazon SNS, or configure End User Messaging SMS instead.".to_owned(),
            ),
            (Some(_), true) => self.error(
                "R-SMS-01",
                "SmsConfiguration.EumsSms",
                "Choose one SMS sender: either the SNS role or End User Messaging SMS, not both. Clear one of them.".to_owned(),
            ),
            _ => {}
        }
        if let Some(arn) = sns {
            self.arn_service(SNS, arn, "iam", "an IAM role");
        }
        const EUMS_ROLE: &str = "SmsConfiguration.EumsSms.CallerArn";
        if let Some(arn) = self.text(EUMS_ROLE) {
            self.arn_service(EUMS_ROLE, arn, "iam", "an IAM role");
        }
        let pool = self.region();
        let sns_region = self.text(SNS_REGION);
        if pool == Some("ap-northeast-2") && sns.is_some() {
            match sns_region {
                Some("ap-northeast-1") => {}
                Some(other) => self.error(
                    "R-SMS-03",
                    SNS_REGION,
                    format!("Pools in Seoul (ap-northeast-2) send SMS through SNS in Tokyo: set the SNS Region to ap-northeast-1, not {other}."),
                ),
                None => self.warn(
                    "R-SMS-03",
                    SNS_REGION,
                    "Pools in Seoul (ap-northeast-2) send SMS through SNS in Tokyo: set the SNS Region to ap-northeast-1.".to_owned(),
                ),
            }
        }
        if let (Some(region), Some(pool)) = (self.text("SmsConfiguration.EumsSms.Region"), pool) {
            if region != pool {
                self.error(
                    "R-SMS-04",
                    "SmsConfiguration.EumsSms.Region",
                    format!("End User Messaging SMS must be in the pool's own Region ({pool}), not {region}. Set it to {pool} or leave it empty."),
                );
            }
        }
        if let Some(region) = sns_region {
            if !is_region_code(region) {
                self.warn(
                    "R-SMS-06",
                    SNS_REGION,
                    format!("\"{region}\" does not look like a Region code such as us-east-1."),
                );
            }
        }
    }

    /// The MFA setting of the request.
    fn mfa_setting(&self) -> Option<MfaConfiguration> {
        self.text(MFA).and_then(MfaConfiguration::from_wire)
    }

    /// Whether threat protection is on (the add-ons are sent and their mode is not OFF).
    fn threat_protection(&self) -> bool {
        self.text("UserPoolAddOns.AdvancedSecurityMode")
            .and_then(AdvancedSecurityMode::from_wire)
            .is_some_and(|mode| mode != AdvancedSecurityMode::Off)
    }

    /// R-MFA-01..03.
    fn mfa(&mut self) {
        let Some(mfa) = self.mfa_setting() else {
            return;
        };
        let was = self
            .loaded(MFA)
            .and_then(Value::as_str)
            .and_then(MfaConfiguration::from_wire);
        if mfa == MfaConfiguration::On && was != Some(MfaConfiguration::On) {
            self.warn(
                "R-MFA-01",
                MFA,
                "Making MFA required (ON) on an existing pool may be refused (older API versions allowed it only at creation), and users without an MFA method will be unable to sign in. OPTIONAL is the safer change.".to_owned(),
            );
        }
        if mfa == MfaConfiguration::On && self.threat_protection() {
            self.warn(
                "R-MFA-02",
                MFA,
                "With threat protection (adaptive authentication), choose OPTIONAL MFA so that risk decides when to ask for a second factor.".to_owned(),
            );
        }
        if mfa != MfaConfiguration::Off && !self.has("SmsConfiguration") {
            self.warn(
                "R-MFA-03",
                MFA,
                "MFA is on but no SMS delivery is configured: SMS codes cannot be sent. That is fine if users rely on authenticator apps or email codes; otherwise configure SMS delivery.".to_owned(),
            );
        }
    }

    /// R-TIER-01..04, R-ASF-01.
    fn tiers(&mut self) {
        let tier = self.text("UserPoolTier");
        const MODE: &str = "UserPoolAddOns.AdvancedSecurityMode";
        const CUSTOM: &str = "UserPoolAddOns.AdvancedSecurityAdditionalFlows.CustomAuthMode";
        if self.has("UserPoolAddOns") {
            let custom = self.has(CUSTOM);
            let on = self.threat_protection();
            let paths = [(MODE, on), (CUSTOM, custom)];
            for (path, _) in paths.into_iter().filter(|(_, sent)| *sent) {
                match tier.and_then(UserPoolTier::from_wire) {
                    Some(UserPoolTier::Plus) => {}
                    Some(other) => self.error(
                        "R-TIER-01",
                        path,
                        format!("Threat protection needs the Plus feature plan; this pool is on {other}. Switch the plan to PLUS or set threat protection to OFF."),
                    ),
                    None => self.warn(
                        "R-TIER-01",
                        path,
                        "Threat protection needs the Plus feature plan, and the request does not say which plan the pool is on. Set the feature plan to PLUS.".to_owned(),
                    ),
                }
            }
            if !on && custom {
                self.warn(
                    "R-ASF-01",
                    CUSTOM,
                    "Threat protection for custom authentication is set while threat protection itself is OFF. Turn threat protection on, or clear this setting.".to_owned(),
                );
            }
        }
        if tier.and_then(UserPoolTier::from_wire) == Some(UserPoolTier::Lite) {
            let beyond_password = self
                .first_factors()
                .is_some_and(|mut f| f.any(|f| f != Some(AuthFactor::Password)));
            if beyond_password {
                self.error(
                    "R-TIER-02",
                    FIRST_FACTORS,
                    "Sign-in with email or SMS codes or passkeys needs the Essentials or Plus plan; this pool is on LITE. Keep only PASSWORD or change the plan.".to_owned(),
                );
            }
            let acr = self.get("AcrConfiguration").and_then(Value::as_object);
            if acr.is_some_and(|a| !a.is_empty()) {
                self.error(
                    "R-TIER-02",
                    "AcrConfiguration",
                    "Custom ACR level names need the Essentials or Plus plan; this pool is on LITE. Remove them or change the plan.".to_owned(),
                );
            }
            let status = self
                .text("DcrConfiguration.EnableStatus")
                .and_then(Status::from_wire);
            if self.has("DcrConfiguration") && status != Some(Status::Disabled) {
                self.error(
                    "R-TIER-03",
                    "DcrConfiguration.EnableStatus",
                    "On the LITE plan, dynamic client registration must be sent as Disabled (leaving the status empty turns it on).".to_owned(),
                );
            }
        }
        if let Some(loaded) = self.loaded("UserPoolTier").and_then(Value::as_str) {
            if tier.is_none() {
                self.warn(
                    "R-TIER-04",
                    "UserPoolTier",
                    format!("The pool is on the {loaded} plan but the request leaves the plan out, and Cognito may then apply its default (ESSENTIALS). Keep it set to {loaded}."),
                );
            }
        }
    }

    /// R-DCR-01..05.
    fn dcr(&mut self) {
        if !self.has("DcrConfiguration") {
            return;
        }
        if !self.has("DcrConfiguration.EnableStatus") {
            self.warn(
                "R-DCR-01",
                "DcrConfiguration.EnableStatus",
                "Dynamic client registration is sent without a status, which turns it on. Choose Enabled or Disabled explicitly.".to_owned(),
            );
        }
        for name in ["AuthenticatedGrantTypes", "OpenDcrGrantTypes"] {
            let path = format!("DcrConfiguration.{name}");
            let Some(list) = self.list(&path) else {
                continue;
            };
            let open = name == "OpenDcrGrantTypes";
            if list.is_empty() {
                let which = if open { "open" } else { "authenticated" };
                self.warn(
                    "R-DCR-05",
                    &path,
                    format!("An empty grant type list makes Cognito reject every {which} registration. Add a grant type, or leave the list out to keep the default."),
                );
            }
            for (index, flow) in list.iter().enumerate() {
                let item_path = format!("{path}[]");
                let pointer = format!("/DcrConfiguration/{name}/{index}");
                match flow.as_str().and_then(OAuthFlow::from_wire) {
                    Some(OAuthFlow::Implicit) => self.at_pointer(
                        Severity::Warning,
                        "R-DCR-02",
                        &item_path,
                        pointer,
                        "Cognito accepts \"implicit\" here but ignores it. Remove it.".to_owned(),
                    ),
                    Some(OAuthFlow::ClientCredentials) if open => self.at_pointer(
                        Severity::Warning,
                        "R-DCR-03",
                        &item_path,
                        pointer,
                        "With client_credentials in open registration, anyone can register a machine-to-machine client, and you pay for its token requests. Remove it unless that is intended.".to_owned(),
                    ),
                    _ => {}
                }
            }
        }
        let scopes = self.list("DcrConfiguration.AllowedScopes");
        for (index, scope) in scopes.into_iter().flatten().enumerate() {
            if scope.as_str() == Some("aws.cognito/dcr/register") {
                self.at_pointer(
                    Severity::Warning,
                    "R-DCR-04",
                    "DcrConfiguration.AllowedScopes[]",
                    format!("/DcrConfiguration/AllowedScopes/{index}"),
                    "Registered clients can never obtain the aws.cognito/dcr/register scope, so listing it has no effect. Remove it.".to_owned(),
                );
            }
        }
    }

    /// R-ACR-02.
    fn acr(&mut self) {
        let Some(acr) = self.get("AcrConfiguration").and_then(Value::as_object) else {
            return;
        };
        // Effective names of the four levels, in order: custom ones, defaults for the rest.
        let mut effective: Vec<(String, (String, bool))> = Vec::new();
        for n in 1..=4 {
            let level = format!("Level{n}");
            if let Some(name) = default_acr_name(&level) {
                effective.push((level, (name, false)));
            }
        }
        for (level, config) in acr {
            let Some(name) = config.get("AcrValue").and_then(Value::as_str) else {
                continue;
            };
            if let Some((_, entry)) = effective.iter_mut().find(|(l, _)| l == level) {
                *entry = (name.to_owned(), true);
            }
        }
        for (level, (name, custom)) in &effective {
            if !custom {
                continue;
            }
            let clash: Vec<&str> = effective
                .iter()
                .filter(|(other, (other_name, _))| other != level && other_name == name)
                .map(|(other, _)| other.as_str())
                .collect();
            if !clash.is_empty() {
                self.at_pointer(
                    Severity::Error,
                    "R-ACR-02",
                    "AcrConfiguration{value}.AcrValue",
                    format!("{}/AcrValue", join("/AcrConfiguration", level)),
                    format!("The name \"{name}\" of {level} is also the name of {}. Each level needs its own name (levels you leave out are called urn:cognito:loa:1 to urn:cognito:loa:4).", clash.join(" and ")),
                );
            }
        }
    }

    /// R-KEY-01, R-KEY-02.
    fn keys(&mut self) {
        const ARN: &str = "KeyConfiguration.KmsKeyArn";
        if self.has("KeyConfiguration") {
            let key_type = self
                .text("KeyConfiguration.KeyType")
                .and_then(EncryptionKeyType::from_wire);
            let arn = self.text(ARN);
            match (key_type, arn) {
                (Some(EncryptionKeyType::CustomerManagedKey), None) => self.warn(
                    "R-KEY-01",
                    ARN,
                    "A customer-managed key is chosen but no key ARN is given. Enter the KMS key ARN.".to_owned(),
                ),
                (Some(EncryptionKeyType::AwsOwnedKey), Some(_)) => self.warn(
                    "R-KEY-01",
                    ARN,
                    "A key ARN is given but the key type is the AWS-owned key, so it is not used. Clear the ARN or choose CUSTOMER_MANAGED_KEY.".to_owned(),
                ),
                _ => {}
            }
            if let Some(arn) = arn {
                self.arn_service(ARN, arn, "kms", "a KMS key");
            }
        }
        if self.baseline.is_some() {
            if self.get("KeyConfiguration") != self.loaded("KeyConfiguration") {
                self.warn(
                    "R-KEY-02",
                    "KeyConfiguration",
                    "The encryption key settings differ from the pool's. In a secondary Region of a multi-Region pool they cannot change, and the update will fail there.".to_owned(),
                );
            }
            if self.get("IssuerConfiguration") != self.loaded("IssuerConfiguration") {
                self.warn(
                    "R-KEY-02",
                    "IssuerConfiguration",
                    "The issuer settings differ from the pool's. In a secondary Region of a multi-Region pool they cannot change, and the update will fail there.".to_owned(),
                );
            }
        }
    }

    /// R-REC-01..06.
    fn recovery(&mut self) {
        if !self.has("AccountRecoverySetting") {
            return;
        }
        const LIST: &str = "AccountRecoverySetting.RecoveryMechanisms";
        let Some(mechanisms) = self.list(LIST) else {
            self.warn(
                "R-REC-06",
                "AccountRecoverySetting",
                "Account recovery is sent without any method, so Cognito falls back to its legacy behaviour (SMS first, then email). Add recovery methods, or leave the whole setting out.".to_owned(),
            );
            return;
        };
        let mut seen_priority = Vec::new();
        let mut seen_name = Vec::new();
        for option in mechanisms {
            // Both members are required: the readable copy holds only options that have them.
            let priority = option.get("Priority").and_then(Value::as_i64);
            let name = option
                .get("Name")
                .and_then(Value::as_str)
                .unwrap_or_default();
            if let Some(priority) = priority {
                if seen_priority.contains(&priority) {
                    self.error(
                        "R-REC-01",
                        LIST,
                        format!(
                            "Two recovery methods have priority {priority}. Give them priorities 1 and 2."
                        ),
                    );
                }
                seen_priority.push(priority);
            }
            if seen_name.contains(&name) {
                self.error(
                    "R-REC-02",
                    LIST,
                    format!("The recovery method {name} is listed twice. Remove one."),
                );
            }
            seen_name.push(name);
        }
        let named = |option: RecoveryOptionName| seen_name.contains(&option.as_str());
        if mechanisms.len() > 1 && named(RecoveryOptionName::AdminOnly) {
            self.error(
                "R-REC-03",
                LIST,
                "admin_only turns off self-service recovery, so it cannot be combined with another method. Keep admin_only alone, or remove it.".to_owned(),
            );
        }
        if let [only] = mechanisms {
            if only.get("Priority").and_then(Value::as_i64) == Some(2) {
                self.at_pointer(
                    Severity::Warning,
                    "R-REC-04",
                    "AccountRecoverySetting.RecoveryMechanisms[].Priority",
                    "/AccountRecoverySetting/RecoveryMechanisms/0/Priority".to_owned(),
                    "The only recovery method has priority 2. Give it priority 1.".to_owned(),
                );
            }
        }
        let sms_mfa = matches!(
            self.mfa_setting(),
            Some(MfaConfiguration::On | MfaConfiguration::Optional)
        );
        if sms_mfa && named(RecoveryOptionName::VerifiedPhoneNumber) {
            self.warn(
                "R-REC-05",
                LIST,
                "Users who have SMS MFA cannot recover their password by SMS. Make sure they also have a verified email address as a recovery method.".to_owned(),
            );
        }
    }

    /// R-DEV-01.
    fn devices(&mut self) {
        if !self.has("DeviceConfiguration") {
            return;
        }
        let empty = !self.has("DeviceConfiguration.ChallengeRequiredOnNewDevice")
            && !self.has("DeviceConfiguration.DeviceOnlyRememberedOnUserPrompt");
        let newly = self.baseline.is_some() && self.loaded("DeviceConfiguration").is_none();
        if empty || newly {
            self.warn(
                "R-DEV-01",
                "DeviceConfiguration",
                "Sending device settings turns device remembering on for the pool. If that is not intended, switch the whole device section off.".to_owned(),
            );
        }
    }

    /// R-LIST-01.
    fn duplicates(&mut self) {
        let lists = [
            "AutoVerifiedAttributes",
            "UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate",
            FIRST_FACTORS,
            "DcrConfiguration.AuthenticatedGrantTypes",
            "DcrConfiguration.OpenDcrGrantTypes",
            "DcrConfiguration.AllowedScopes",
        ];
        for path in lists {
            let Some(list) = self.list(path) else {
                continue;
            };
            let items: Vec<&str> = list.iter().filter_map(Value::as_str).collect();
            let mut repeated: Vec<&str> = Vec::new();
            for (index, item) in items.iter().enumerate() {
                if items[..index].contains(item) && !repeated.contains(item) {
                    repeated.push(item);
                }
            }
            if !repeated.is_empty() {
                self.warn(
                    "R-LIST-01",
                    path,
                    format!("{} lists {} more than once; duplicates mean nothing here. Remove the repeats.", label(path), repeated.join(", ")),
                );
            }
        }
    }

    /// R-TAG-01.
    fn tags(&mut self) {
        let count = self
            .get("UserPoolTags")
            .and_then(Value::as_object)
            .map_or(0, serde_json::Map::len);
        if count > MAX_TAGS {
            self.error(
                "R-TAG-01",
                "UserPoolTags",
                format!("A user pool can have at most {MAX_TAGS} tags; this request has {count}. Remove {}.", count - MAX_TAGS),
            );
        }
    }
}

/// Whether a link template has a `{##text##}` placeholder with some text in it.
fn has_named_link(text: &str) -> bool {
    let mut rest = text;
    while let Some(start) = rest.find("{##") {
        let after = &rest[start + 3..];
        if let Some(end) = after.find("##}") {
            if !after[..end].trim_matches('#').trim().is_empty() {
                return true;
            }
        }
        rest = after;
    }
    false
}

/// Whether a sender is `addr@domain` or `Name <addr@domain>`.
fn is_from_address(from: &str) -> bool {
    let address = match (from.rfind('<'), from.strip_suffix('>')) {
        (Some(open), Some(inner)) => {
            if from[..open].trim().is_empty() {
                return false;
            }
            &inner[open + 1..]
        }
        (None, None) => from,
        _ => return false,
    };
    let Some((local, domain)) = address.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !address
            .chars()
            .any(|c| c.is_whitespace() || c == '<' || c == '>')
        && !domain.contains('@')
}
