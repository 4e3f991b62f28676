//! Email and SMS delivery settings.

use serde::{Deserialize, Serialize};

use super::wire_enum;

/// `EmailConfigurationType`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct EmailConfiguration {
    /// SES identity ARN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_arn: Option<String>,
    /// Reply-to address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to_email_address: Option<String>,
    /// Cognito's own sender or your SES.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_sending_account: Option<EmailSendingAccount>,
    /// Sender address, optionally with a display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// SES configuration set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub configuration_set: Option<String>,
}

wire_enum! {
    /// `EmailSendingAccountType`.
    EmailSendingAccount {
        /// Cognito's built-in email.
        CognitoDefault = "COGNITO_DEFAULT",
        /// Your Amazon SES configuration.
        Developer = "DEVELOPER",
    }
}

/// `SmsConfigurationType`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct SmsConfiguration {
    /// IAM role that Cognito assumes to publish through SNS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sns_caller_arn: Option<String>,
    /// External id of the SNS role's trust policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// Region of the SNS configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sns_region: Option<String>,
    /// End User Messaging SMS, the alternative to SNS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eums_sms: Option<EumsSmsConfiguration>,
}

/// `EumsSmsConfigurationType`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct EumsSmsConfiguration {
    /// IAM role that Cognito assumes (required).
    pub caller_arn: String,
    /// External id of the role's trust policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// Phone number, sender id or pool that sends the messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origination_identity: Option<String>,
    /// End User Messaging configuration set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub configuration_set_name: Option<String>,
    /// India DLT principal entity id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_entity_id: Option<String>,
    /// India DLT template id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_template_id: Option<String>,
    /// Region of the End User Messaging resources (the pool's Region).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
}
