//! Email and SMS delivery settings.

use serde::Serialize;

use super::json::from_json;
use super::wire_enum;

/// `EmailConfigurationType`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct EmailConfiguration {
    /// SES identity ARN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_arn: Option<String>,
    /// Reply-to address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply_to_email_address: Option<String>,
    /// Cognito's own sender or your SES.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_sending_account: Option<EmailSendingAccount>,
    /// Sender address, optionally with a display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// SES configuration set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub configuration_set: Option<String>,
}

from_json!(EmailConfiguration {
    source_arn: "SourceArn",
    reply_to_email_address: "ReplyToEmailAddress",
    email_sending_account: "EmailSendingAccount",
    from: "From",
    configuration_set: "ConfigurationSet",
});

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
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct SmsConfiguration {
    /// IAM role that Cognito assumes to publish through SNS.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sns_caller_arn: Option<String>,
    /// External id of the SNS role's trust policy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// Region of the SNS configuration.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sns_region: Option<String>,
    /// End User Messaging SMS, the alternative to SNS.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eums_sms: Option<EumsSmsConfiguration>,
}

from_json!(SmsConfiguration {
    sns_caller_arn: "SnsCallerArn",
    external_id: "ExternalId",
    sns_region: "SnsRegion",
    eums_sms: "EumsSms",
});

/// `EumsSmsConfigurationType`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct EumsSmsConfiguration {
    /// IAM role that Cognito assumes (required).
    pub caller_arn: String,
    /// External id of the role's trust policy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// Phone number, sender id or pool that sends the messages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origination_identity: Option<String>,
    /// End User Messaging configuration set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub configuration_set_name: Option<String>,
    /// India DLT principal entity id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_entity_id: Option<String>,
    /// India DLT template id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_template_id: Option<String>,
    /// Region of the End User Messaging resources (the pool's Region).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
}

from_json!(EumsSmsConfiguration {
    caller_arn: "CallerArn",
    external_id: "ExternalId",
    origination_identity: "OriginationIdentity",
    configuration_set_name: "ConfigurationSetName",
    in_entity_id: "InEntityId",
    in_template_id: "InTemplateId",
    region: "Region",
});
