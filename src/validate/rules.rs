//! The cross-field and semantic rules of the catalogue (`rules.md`), run on the typed request.
//!
//! Each rule keeps the id of the catalogue. Rules that only make sense against the configuration
//! loaded from the pool (the *baseline*) are skipped when there is none.

use super::constraints::join;
use super::{Finding, Severity};
use crate::model::{
    AdvancedSecurityMode, AuthFactor, DefaultEmailOption, EmailSendingAccount, EncryptionKeyType,
    MfaConfiguration, OAuthFlow, RecoveryOptionName, Status, UpdateUserPoolRequest, UserPoolTier,
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

/// Runs every cross-field rule.
pub(super) fn check(
    request: &UpdateUserPoolRequest,
    baseline: Option<&UpdateUserPoolRequest>,
    out: &mut Vec<Finding>,
) {
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
    request: &'a UpdateUserPoolRequest,
    baseline: Option<&'a UpdateUserPoolRequest>,
    out: &'a mut Vec<Finding>,
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

impl Rules<'_> {
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
        let id = &self.request.user_pool_id;
        if id.is_empty() || !Pattern::UserPoolId.matches(id) {
            return;
        }
        if self.request.region().is_none() {
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
        let temp_days = |r: &UpdateUserPoolRequest| {
            r.policies
                .as_ref()
                .and_then(|p| p.password_policy.as_ref())
                .and_then(|p| p.temporary_password_validity_days)
        };
        let sent_temp = temp_days(self.request);
        let loaded_temp = self.baseline.and_then(temp_days);
        let unused = self
            .request
            .admin_create_user_config
            .as_ref()
            .and_then(|c| c.unused_account_validity_days);
        const UNUSED: &str = "AdminCreateUserConfig.UnusedAccountValidityDays";
        const TEMP: &str = "Policies.PasswordPolicy.TemporaryPasswordValidityDays";
        if let Some(days) = unused {
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

    /// R-DEP-01: the three legacy message members, when they are not just the loaded value sent
    /// back unchanged.
    fn legacy_messages(&mut self) {
        let r = self.request;
        let b = self.baseline;
        let members = [
            (
                "SmsVerificationMessage",
                &r.sms_verification_message,
                b.map(|b| &b.sms_verification_message),
                "VerificationMessageTemplate.SmsMessage",
            ),
            (
                "EmailVerificationMessage",
                &r.email_verification_message,
                b.map(|b| &b.email_verification_message),
                "VerificationMessageTemplate.EmailMessage",
            ),
            (
                "EmailVerificationSubject",
                &r.email_verification_subject,
                b.map(|b| &b.email_verification_subject),
                "VerificationMessageTemplate.EmailSubject",
            ),
        ];
        for (path, value, loaded, instead) in members {
            if value.is_some() && loaded != Some(value) {
                self.warn(
                    "R-DEP-01",
                    path,
                    format!("{} is a legacy setting that Cognito no longer uses. Edit the verification message template ({instead}) instead.", label(path)),
                );
            }
        }
    }

    /// R-SIGNIN-01.
    fn sign_in(&mut self) {
        let factors = self
            .request
            .policies
            .as_ref()
            .and_then(|p| p.sign_in_policy.as_ref())
            .and_then(|s| s.allowed_first_auth_factors.as_ref());
        for (index, factor) in factors.into_iter().flatten().enumerate() {
            if *factor == AuthFactor::SoftwareToken {
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
        let Some(lambda) = &self.request.lambda_config else {
            return;
        };
        let plain = [
            ("PreSignUp", &lambda.pre_sign_up),
            ("CustomMessage", &lambda.custom_message),
            ("PostConfirmation", &lambda.post_confirmation),
            ("PreAuthentication", &lambda.pre_authentication),
            ("PostAuthentication", &lambda.post_authentication),
            ("DefineAuthChallenge", &lambda.define_auth_challenge),
            ("CreateAuthChallenge", &lambda.create_auth_challenge),
            (
                "VerifyAuthChallengeResponse",
                &lambda.verify_auth_challenge_response,
            ),
            ("PreTokenGeneration", &lambda.pre_token_generation),
            ("UserMigration", &lambda.user_migration),
        ];
        let versioned = [
            (
                "PreTokenGenerationConfig",
                lambda
                    .pre_token_generation_config
                    .as_ref()
                    .map(|c| &c.lambda_arn),
            ),
            (
                "CustomSMSSender",
                lambda.custom_sms_sender.as_ref().map(|c| &c.lambda_arn),
            ),
            (
                "CustomEmailSender",
                lambda.custom_email_sender.as_ref().map(|c| &c.lambda_arn),
            ),
            (
                "InboundFederation",
                lambda.inbound_federation.as_ref().map(|c| &c.lambda_arn),
            ),
        ];
        for (name, arn) in plain {
            if let Some(arn) = arn {
                self.arn_service(
                    &format!("LambdaConfig.{name}"),
                    arn,
                    "lambda",
                    "a Lambda function",
                );
            }
        }
        for (name, arn) in versioned {
            if let Some(arn) = arn {
                self.arn_service(
                    &format!("LambdaConfig.{name}.LambdaArn"),
                    arn,
                    "lambda",
                    "a Lambda function",
                );
            }
        }
        if let Some(key) = &lambda.kms_key_id {
            self.arn_service("LambdaConfig.KMSKeyID", key, "kms", "a KMS key");
        }

        match (&lambda.pre_token_generation, &lambda.pre_token_generation_config) {
            (Some(legacy), Some(config)) if *legacy != config.lambda_arn => self.error(
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

        let senders = lambda.custom_sms_sender.is_some() || lambda.custom_email_sender.is_some();
        match (senders, lambda.kms_key_id.is_some()) {
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
            (
                "DefineAuthChallenge",
                lambda.define_auth_challenge.is_some(),
            ),
            (
                "CreateAuthChallenge",
                lambda.create_auth_challenge.is_some(),
            ),
            (
                "VerifyAuthChallengeResponse",
                lambda.verify_auth_challenge_response.is_some(),
            ),
        ];
        let set = challenge.iter().filter(|(_, on)| *on).count();
        if set > 0 && set < challenge.len() {
            let missing: Vec<&str> = challenge
                .iter()
                .filter(|(_, on)| !on)
                .map(|(name, _)| *name)
                .collect();
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
        let r = self.request;
        let developer = r
            .email_configuration
            .as_ref()
            .and_then(|e| e.email_sending_account)
            == Some(EmailSendingAccount::Developer);
        let vmt = r.verification_message_template.as_ref();
        let invite = r
            .admin_create_user_config
            .as_ref()
            .and_then(|c| c.invite_message_template.as_ref());

        // R-MSG-05: custom email text needs your own SES sender. A value sent back unchanged
        // from the loaded pool is left alone: Cognito returns such text for every pool.
        if !developer {
            let bvmt = self
                .baseline
                .and_then(|b| b.verification_message_template.as_ref());
            let binvite = self
                .baseline
                .and_then(|b| b.admin_create_user_config.as_ref())
                .and_then(|c| c.invite_message_template.as_ref());
            let gated = [
                (
                    "VerificationMessageTemplate.EmailMessage",
                    vmt.and_then(|v| v.email_message.as_ref()),
                    bvmt.and_then(|v| v.email_message.as_ref()),
                ),
                (
                    "VerificationMessageTemplate.EmailSubject",
                    vmt.and_then(|v| v.email_subject.as_ref()),
                    bvmt.and_then(|v| v.email_subject.as_ref()),
                ),
                (
                    "VerificationMessageTemplate.EmailMessageByLink",
                    vmt.and_then(|v| v.email_message_by_link.as_ref()),
                    bvmt.and_then(|v| v.email_message_by_link.as_ref()),
                ),
                (
                    "VerificationMessageTemplate.EmailSubjectByLink",
                    vmt.and_then(|v| v.email_subject_by_link.as_ref()),
                    bvmt.and_then(|v| v.email_subject_by_link.as_ref()),
                ),
                (
                    "AdminCreateUserConfig.InviteMessageTemplate.EmailMessage",
                    invite.and_then(|v| v.email_message.as_ref()),
                    binvite.and_then(|v| v.email_message.as_ref()),
                ),
                (
                    "AdminCreateUserConfig.InviteMessageTemplate.EmailSubject",
                    invite.and_then(|v| v.email_subject.as_ref()),
                    binvite.and_then(|v| v.email_subject.as_ref()),
                ),
            ];
            for (path, value, loaded) in gated {
                if value.is_some() && (self.baseline.is_none() || value != loaded) {
                    self.warn(
                        "R-MSG-05",
                        path,
                        format!("{} only takes effect when email is sent through your own Amazon SES (Email delivery > sending account DEVELOPER). With Cognito's built-in email it is ignored or rejected.", label(path)),
                    );
                }
            }
        }

        // R-MSG-06: invitations usually carry the temporary password.
        if let Some(invite) = invite {
            let messages = [
                (
                    "AdminCreateUserConfig.InviteMessageTemplate.SMSMessage",
                    &invite.sms_message,
                ),
                (
                    "AdminCreateUserConfig.InviteMessageTemplate.EmailMessage",
                    &invite.email_message,
                ),
            ];
            for (path, text) in messages {
                if let Some(text) = text.as_ref().filter(|t| !t.contains("{####}")) {
                    let _ = text;
                    self.warn(
                        "R-MSG-06",
                        path,
                        format!("{} has no {{####}} placeholder, so users created with a temporary password will not receive it. Add {{####}} unless your users have no passwords.", label(path)),
                    );
                }
            }
        }

        let Some(vmt) = vmt else {
            self.legacy_link_conflict(None);
            return;
        };
        let option = vmt.default_email_option;
        let code = vmt.email_message.is_some();
        let link = vmt.email_message_by_link.is_some();
        const CODE_PATH: &str = "VerificationMessageTemplate.EmailMessage";
        const LINK_PATH: &str = "VerificationMessageTemplate.EmailMessageByLink";
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
        if let Some(text) = &vmt.email_message_by_link {
            if text.contains("{####}") && !has_named_link(text) {
                self.warn(
                    "R-VMT-05",
                    LINK_PATH,
                    "The link message's only placeholder is {####}, which Cognito reads as a link with no text. Write the link as {##Verify my email##}.".to_owned(),
                );
            }
        }
        self.legacy_link_conflict(option);
    }

    /// R-VMT-04.
    fn legacy_link_conflict(&mut self, option: Option<DefaultEmailOption>) {
        if option == Some(DefaultEmailOption::ConfirmWithLink)
            && self.request.email_verification_message.is_some()
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
        let Some(email) = &self.request.email_configuration else {
            return;
        };
        let source = email.source_arn.as_deref().filter(|s| !s.is_empty());
        if email.email_sending_account == Some(EmailSendingAccount::Developer) && source.is_none() {
            self.error(
                "R-EMAIL-01",
                "EmailConfiguration.SourceArn",
                "Sending through your own SES (DEVELOPER) needs the ARN of a verified SES identity (arn:aws:ses:<region>:<account>:identity/<address or domain>).".to_owned(),
            );
        }
        if let Some(arn) = source {
            self.arn_service(
                "EmailConfiguration.SourceArn",
                arn,
                "ses",
                "an SES identity",
            );
            if Pattern::Arn.matches(arn) {
                if let (Some(arn_region), Some(pool)) = (arn_region(arn), self.request.region()) {
                    if !arn_region.is_empty() && arn_region != pool {
                        self.warn(
                            "R-EMAIL-03",
                            "EmailConfiguration.SourceArn",
                            format!("The SES identity is in {arn_region} but the pool is in {pool}. Cognito supports only some Region pairs; use an identity in {pool} unless you know this pair works."),
                        );
                    }
                }
            }
        }
        if let Some(from) = email.from.as_deref().filter(|f| !f.is_empty()) {
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
        let Some(sms) = &self.request.sms_configuration else {
            return;
        };
        let sns = sms.sns_caller_arn.as_deref().filter(|a| !a.is_empty());
        match (sns, &sms.eums_sms) {
            (None, None) => self.error(
                "R-SMS-01",
                "SmsConfiguration.SnsCallerArn",
                "SMS delivery needs a sender: enter the IAM role ARN for Amazon SNS, or configure End User Messaging SMS instead.".to_owned(),
            ),
            (Some(_), Some(_)) => self.error(
                "R-SMS-01",
                "SmsConfiguration.EumsSms",
                "Choose one SMS sender: either the SNS role or End User Messaging SMS, not both. Clear one of them.".to_owned(),
            ),
            _ => {}
        }
        if let Some(arn) = sns {
            self.arn_service("SmsConfiguration.SnsCallerArn", arn, "iam", "an IAM role");
        }
        if let Some(eums) = &sms.eums_sms {
            self.arn_service(
                "SmsConfiguration.EumsSms.CallerArn",
                &eums.caller_arn,
                "iam",
                "an IAM role",
            );
        }
        let pool = self.request.region();
        if pool == Some("ap-northeast-2") && sns.is_some() {
            match sms.sns_region.as_deref() {
                Some("ap-northeast-1") => {}
                Some(other) => self.error(
                    "R-SMS-03",
                    "SmsConfiguration.SnsRegion",
                    format!("Pools in Seoul (ap-northeast-2) send SMS through SNS in Tokyo: set the SNS Region to ap-northeast-1, not {other}."),
                ),
                None => self.at(
                    Severity::Warning,
                    "R-SMS-03",
                    "SmsConfiguration.SnsRegion",
                    "Pools in Seoul (ap-northeast-2) send SMS through SNS in Tokyo: set the SNS Region to ap-northeast-1.".to_owned(),
                ),
            }
        }
        if let (Some(region), Some(pool)) = (
            sms.eums_sms.as_ref().and_then(|e| e.region.as_deref()),
            pool,
        ) {
            if region != pool {
                self.error(
                    "R-SMS-04",
                    "SmsConfiguration.EumsSms.Region",
                    format!("End User Messaging SMS must be in the pool's own Region ({pool}), not {region}. Set it to {pool} or leave it empty."),
                );
            }
        }
        if let Some(region) = sms.sns_region.as_deref() {
            if !crate::model::is_region_code(region) {
                self.warn(
                    "R-SMS-06",
                    "SmsConfiguration.SnsRegion",
                    format!("\"{region}\" does not look like a Region code such as us-east-1."),
                );
            }
        }
    }

    /// R-MFA-01..03.
    fn mfa(&mut self) {
        let r = self.request;
        let Some(mfa) = r.mfa_configuration else {
            return;
        };
        let was = self.baseline.and_then(|b| b.mfa_configuration);
        if mfa == MfaConfiguration::On && was != Some(MfaConfiguration::On) {
            self.warn(
                "R-MFA-01",
                "MfaConfiguration",
                "Making MFA required (ON) on an existing pool may be refused (older API versions allowed it only at creation), and users without an MFA method will be unable to sign in. OPTIONAL is the safer change.".to_owned(),
            );
        }
        let threat = r
            .user_pool_add_ons
            .as_ref()
            .is_some_and(|a| a.advanced_security_mode != AdvancedSecurityMode::Off);
        if mfa == MfaConfiguration::On && threat {
            self.warn(
                "R-MFA-02",
                "MfaConfiguration",
                "With threat protection (adaptive authentication), choose OPTIONAL MFA so that risk decides when to ask for a second factor.".to_owned(),
            );
        }
        if mfa != MfaConfiguration::Off && r.sms_configuration.is_none() {
            self.warn(
                "R-MFA-03",
                "MfaConfiguration",
                "MFA is on but no SMS delivery is configured: SMS codes cannot be sent. That is fine if users rely on authenticator apps or email codes; otherwise configure SMS delivery.".to_owned(),
            );
        }
    }

    /// R-TIER-01..04, R-ASF-01.
    fn tiers(&mut self) {
        let r = self.request;
        let tier = r.user_pool_tier;
        if let Some(addons) = &r.user_pool_add_ons {
            let custom = addons
                .advanced_security_additional_flows
                .as_ref()
                .and_then(|f| f.custom_auth_mode);
            let on = addons.advanced_security_mode != AdvancedSecurityMode::Off;
            if on || custom.is_some() {
                let mut paths = Vec::new();
                if on {
                    paths.push("UserPoolAddOns.AdvancedSecurityMode");
                }
                if custom.is_some() {
                    paths.push("UserPoolAddOns.AdvancedSecurityAdditionalFlows.CustomAuthMode");
                }
                for path in paths {
                    match tier {
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
            }
            if !on && custom.is_some() {
                self.warn(
                    "R-ASF-01",
                    "UserPoolAddOns.AdvancedSecurityAdditionalFlows.CustomAuthMode",
                    "Threat protection for custom authentication is set while threat protection itself is OFF. Turn threat protection on, or clear this setting.".to_owned(),
                );
            }
        }
        if tier == Some(UserPoolTier::Lite) {
            let factors = r
                .policies
                .as_ref()
                .and_then(|p| p.sign_in_policy.as_ref())
                .and_then(|s| s.allowed_first_auth_factors.as_ref());
            if factors.is_some_and(|f| f.iter().any(|f| *f != AuthFactor::Password)) {
                self.error(
                    "R-TIER-02",
                    "Policies.SignInPolicy.AllowedFirstAuthFactors",
                    "Sign-in with email or SMS codes or passkeys needs the Essentials or Plus plan; this pool is on LITE. Keep only PASSWORD or change the plan.".to_owned(),
                );
            }
            if r.acr_configuration.as_ref().is_some_and(|a| !a.is_empty()) {
                self.error(
                    "R-TIER-02",
                    "AcrConfiguration",
                    "Custom ACR level names need the Essentials or Plus plan; this pool is on LITE. Remove them or change the plan.".to_owned(),
                );
            }
            if let Some(dcr) = &r.dcr_configuration {
                if dcr.enable_status != Some(Status::Disabled) {
                    self.error(
                        "R-TIER-03",
                        "DcrConfiguration.EnableStatus",
                        "On the LITE plan, dynamic client registration must be sent as Disabled (leaving the status empty turns it on).".to_owned(),
                    );
                }
            }
        }
        if let Some(loaded) = self.baseline.and_then(|b| b.user_pool_tier) {
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
        let Some(dcr) = &self.request.dcr_configuration else {
            return;
        };
        if dcr.enable_status.is_none() {
            self.warn(
                "R-DCR-01",
                "DcrConfiguration.EnableStatus",
                "Dynamic client registration is sent without a status, which turns it on. Choose Enabled or Disabled explicitly.".to_owned(),
            );
        }
        let lists = [
            ("AuthenticatedGrantTypes", &dcr.authenticated_grant_types),
            ("OpenDcrGrantTypes", &dcr.open_dcr_grant_types),
        ];
        for (name, list) in lists {
            let Some(list) = list else { continue };
            let path = format!("DcrConfiguration.{name}");
            if list.is_empty() {
                let which = if name == "OpenDcrGrantTypes" {
                    "open"
                } else {
                    "authenticated"
                };
                self.warn(
                    "R-DCR-05",
                    &path,
                    format!("An empty grant type list makes Cognito reject every {which} registration. Add a grant type, or leave the list out to keep the default."),
                );
            }
            for (index, flow) in list.iter().enumerate() {
                let item_path = format!("{path}[]");
                let pointer = format!("/DcrConfiguration/{name}/{index}");
                match flow {
                    OAuthFlow::Implicit => self.at_pointer(
                        Severity::Warning,
                        "R-DCR-02",
                        &item_path,
                        pointer,
                        "Cognito accepts \"implicit\" here but ignores it. Remove it.".to_owned(),
                    ),
                    OAuthFlow::ClientCredentials if name == "OpenDcrGrantTypes" => self
                        .at_pointer(
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
        for (index, scope) in dcr.allowed_scopes.iter().flatten().enumerate() {
            if scope == "aws.cognito/dcr/register" {
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
        let Some(acr) = &self.request.acr_configuration else {
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
            if let Some((_, entry)) = effective.iter_mut().find(|(l, _)| l == level) {
                *entry = (config.acr_value.clone(), true);
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
        let r = self.request;
        if let Some(key) = &r.key_configuration {
            let arn = key.kms_key_arn.as_deref();
            match (key.key_type, arn) {
                (Some(EncryptionKeyType::CustomerManagedKey), None) => self.warn(
                    "R-KEY-01",
                    "KeyConfiguration.KmsKeyArn",
                    "A customer-managed key is chosen but no key ARN is given. Enter the KMS key ARN.".to_owned(),
                ),
                (Some(EncryptionKeyType::AwsOwnedKey), Some(_)) => self.warn(
                    "R-KEY-01",
                    "KeyConfiguration.KmsKeyArn",
                    "A key ARN is given but the key type is the AWS-owned key, so it is not used. Clear the ARN or choose CUSTOMER_MANAGED_KEY.".to_owned(),
                ),
                _ => {}
            }
            if let Some(arn) = arn {
                self.arn_service("KeyConfiguration.KmsKeyArn", arn, "kms", "a KMS key");
            }
        }
        if let Some(baseline) = self.baseline {
            if r.key_configuration != baseline.key_configuration {
                self.warn(
                    "R-KEY-02",
                    "KeyConfiguration",
                    "The encryption key settings differ from the pool's. In a secondary Region of a multi-Region pool they cannot change, and the update will fail there.".to_owned(),
                );
            }
            if r.issuer_configuration != baseline.issuer_configuration {
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
        let r = self.request;
        let Some(setting) = &r.account_recovery_setting else {
            return;
        };
        const LIST: &str = "AccountRecoverySetting.RecoveryMechanisms";
        let Some(mechanisms) = &setting.recovery_mechanisms else {
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
            if seen_priority.contains(&option.priority) {
                self.error(
                    "R-REC-01",
                    LIST,
                    format!(
                        "Two recovery methods have priority {}. Give them priorities 1 and 2.",
                        option.priority
                    ),
                );
            }
            seen_priority.push(option.priority);
            if seen_name.contains(&option.name) {
                self.error(
                    "R-REC-02",
                    LIST,
                    format!(
                        "The recovery method {} is listed twice. Remove one.",
                        option.name
                    ),
                );
            }
            seen_name.push(option.name);
        }
        if mechanisms.len() > 1 && seen_name.contains(&RecoveryOptionName::AdminOnly) {
            self.error(
                "R-REC-03",
                LIST,
                "admin_only turns off self-service recovery, so it cannot be combined with another method. Keep admin_only alone, or remove it.".to_owned(),
            );
        }
        if let [only] = mechanisms.as_slice() {
            if only.priority == 2 {
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
            r.mfa_configuration,
            Some(MfaConfiguration::On | MfaConfiguration::Optional)
        );
        if sms_mfa && seen_name.contains(&RecoveryOptionName::VerifiedPhoneNumber) {
            self.warn(
                "R-REC-05",
                LIST,
                "Users who have SMS MFA cannot recover their password by SMS. Make sure they also have a verified email address as a recovery method.".to_owned(),
            );
        }
    }

    /// R-DEV-01.
    fn devices(&mut self) {
        let Some(devices) = &self.request.device_configuration else {
            return;
        };
        let empty = devices.challenge_required_on_new_device.is_none()
            && devices.device_only_remembered_on_user_prompt.is_none();
        let newly = self
            .baseline
            .is_some_and(|b| b.device_configuration.is_none());
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
        let r = self.request;
        let mut lists: Vec<(&str, Vec<&str>)> = Vec::new();
        let names = |items: &[crate::model::VerifiedAttribute]| {
            items.iter().map(|i| i.as_str()).collect::<Vec<_>>()
        };
        if let Some(list) = &r.auto_verified_attributes {
            lists.push(("AutoVerifiedAttributes", names(list)));
        }
        if let Some(list) = r
            .user_attribute_update_settings
            .as_ref()
            .and_then(|u| u.attributes_require_verification_before_update.as_ref())
        {
            lists.push((
                "UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate",
                names(list),
            ));
        }
        if let Some(list) = r
            .policies
            .as_ref()
            .and_then(|p| p.sign_in_policy.as_ref())
            .and_then(|s| s.allowed_first_auth_factors.as_ref())
        {
            lists.push((
                "Policies.SignInPolicy.AllowedFirstAuthFactors",
                list.iter().map(|f| f.as_str()).collect(),
            ));
        }
        if let Some(dcr) = &r.dcr_configuration {
            if let Some(list) = &dcr.authenticated_grant_types {
                lists.push((
                    "DcrConfiguration.AuthenticatedGrantTypes",
                    list.iter().map(|f| f.as_str()).collect(),
                ));
            }
            if let Some(list) = &dcr.open_dcr_grant_types {
                lists.push((
                    "DcrConfiguration.OpenDcrGrantTypes",
                    list.iter().map(|f| f.as_str()).collect(),
                ));
            }
            if let Some(list) = &dcr.allowed_scopes {
                lists.push((
                    "DcrConfiguration.AllowedScopes",
                    list.iter().map(String::as_str).collect(),
                ));
            }
        }
        for (path, items) in lists {
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
        if let Some(tags) = &self.request.user_pool_tags {
            if tags.len() > MAX_TAGS {
                self.error(
                    "R-TAG-01",
                    "UserPoolTags",
                    format!("A user pool can have at most {MAX_TAGS} tags; this request has {}. Remove {}.", tags.len(), tags.len() - MAX_TAGS),
                );
            }
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
