//! Verification and invitation message templates, and `AdminCreateUserConfig`.

use serde::{Deserialize, Serialize};

use super::wire_enum;

/// `VerificationMessageTemplateType`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct VerificationMessageTemplate {
    /// SMS verification message (must contain `{####}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sms_message: Option<String>,
    /// Email verification message with a code (must contain `{####}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_message: Option<String>,
    /// Subject of the code email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_subject: Option<String>,
    /// Email verification message with a link (must contain `{##text##}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_message_by_link: Option<String>,
    /// Subject of the link email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_subject_by_link: Option<String>,
    /// Code or link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_email_option: Option<DefaultEmailOption>,
}

wire_enum! {
    /// `DefaultEmailOptionType`.
    DefaultEmailOption {
        /// Verify by clicking a link.
        ConfirmWithLink = "CONFIRM_WITH_LINK",
        /// Verify by entering a code.
        ConfirmWithCode = "CONFIRM_WITH_CODE",
    }
}

/// `AdminCreateUserConfigType`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct AdminCreateUserConfig {
    /// Only administrators may create users (no self sign-up).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_admin_create_user_only: Option<bool>,
    /// Legacy validity of temporary passwords, in days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unused_account_validity_days: Option<i64>,
    /// Invitation message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invite_message_template: Option<MessageTemplate>,
}

/// `MessageTemplateType`: the invitation message.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct MessageTemplate {
    /// Invitation SMS.
    #[serde(
        default,
        rename = "SMSMessage",
        skip_serializing_if = "Option::is_none"
    )]
    pub sms_message: Option<String>,
    /// Invitation email body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_message: Option<String>,
    /// Invitation email subject.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_subject: Option<String>,
}
