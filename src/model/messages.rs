//! Verification and invitation message templates, and `AdminCreateUserConfig`.

use serde::Serialize;

use super::json::from_json;
use super::wire_enum;

/// `VerificationMessageTemplateType`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct VerificationMessageTemplate {
    /// SMS verification message (must contain `{####}`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sms_message: Option<String>,
    /// Email verification message with a code (must contain `{####}`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_message: Option<String>,
    /// Subject of the code email.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_subject: Option<String>,
    /// Email verification message with a link (must contain `{##text##}`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_message_by_link: Option<String>,
    /// Subject of the link email.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_subject_by_link: Option<String>,
    /// Code or link.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_email_option: Option<DefaultEmailOption>,
}

from_json!(VerificationMessageTemplate {
    sms_message: "SmsMessage",
    email_message: "EmailMessage",
    email_subject: "EmailSubject",
    email_message_by_link: "EmailMessageByLink",
    email_subject_by_link: "EmailSubjectByLink",
    default_email_option: "DefaultEmailOption",
});

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
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct AdminCreateUserConfig {
    /// Only administrators may create users (no self sign-up).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_admin_create_user_only: Option<bool>,
    /// Legacy validity of temporary passwords, in days.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unused_account_validity_days: Option<i64>,
    /// Invitation message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invite_message_template: Option<MessageTemplate>,
}

from_json!(AdminCreateUserConfig {
    allow_admin_create_user_only: "AllowAdminCreateUserOnly",
    unused_account_validity_days: "UnusedAccountValidityDays",
    invite_message_template: "InviteMessageTemplate",
});

/// `MessageTemplateType`: the invitation message.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct MessageTemplate {
    /// Invitation SMS.
    #[serde(rename = "SMSMessage", skip_serializing_if = "Option::is_none")]
    pub sms_message: Option<String>,
    /// Invitation email body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_message: Option<String>,
    /// Invitation email subject.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_subject: Option<String>,
}

from_json!(MessageTemplate {
    sms_message: "SMSMessage",
    email_message: "EmailMessage",
    email_subject: "EmailSubject",
});
