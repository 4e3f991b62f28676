//! `LambdaConfig`: the Lambda triggers.

use serde::{Deserialize, Serialize};

use super::wire_enum;

/// `LambdaConfigType`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct LambdaConfig {
    /// Pre sign-up trigger ARN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pre_sign_up: Option<String>,
    /// Custom message trigger ARN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_message: Option<String>,
    /// Post confirmation trigger ARN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_confirmation: Option<String>,
    /// Pre authentication trigger ARN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pre_authentication: Option<String>,
    /// Post authentication trigger ARN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_authentication: Option<String>,
    /// Define auth challenge trigger ARN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub define_auth_challenge: Option<String>,
    /// Create auth challenge trigger ARN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_auth_challenge: Option<String>,
    /// Verify auth challenge response trigger ARN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verify_auth_challenge_response: Option<String>,
    /// Legacy pre token generation trigger ARN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pre_token_generation: Option<String>,
    /// User migration trigger ARN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_migration: Option<String>,
    /// Versioned pre token generation trigger.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pre_token_generation_config: Option<LambdaVersionConfig<PreTokenGenerationVersion>>,
    /// Custom SMS sender trigger.
    #[serde(
        default,
        rename = "CustomSMSSender",
        skip_serializing_if = "Option::is_none"
    )]
    pub custom_sms_sender: Option<LambdaVersionConfig<CustomSmsSenderVersion>>,
    /// Custom email sender trigger.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_email_sender: Option<LambdaVersionConfig<CustomEmailSenderVersion>>,
    /// KMS key that encrypts codes for the custom senders.
    #[serde(default, rename = "KMSKeyID", skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    /// Inbound federation trigger.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inbound_federation: Option<LambdaVersionConfig<InboundFederationVersion>>,
}

/// A versioned trigger: `PreTokenGenerationVersionConfigType`, `CustomSMSLambdaVersionConfigType`,
/// `CustomEmailLambdaVersionConfigType` and `InboundFederationLambdaType` share this shape and
/// differ only in the allowed versions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct LambdaVersionConfig<V> {
    /// Version of the event Cognito sends to the function.
    pub lambda_version: V,
    /// Function ARN.
    pub lambda_arn: String,
}

wire_enum! {
    /// `PreTokenGenerationLambdaVersionType`.
    PreTokenGenerationVersion {
        /// Version 1 event.
        V1_0 = "V1_0",
        /// Version 2 event (access token customisation).
        V2_0 = "V2_0",
        /// Version 3 event (machine-to-machine tokens too).
        V3_0 = "V3_0",
    }
}

wire_enum! {
    /// `CustomSMSSenderLambdaVersionType`.
    CustomSmsSenderVersion {
        /// Version 1 event.
        V1_0 = "V1_0",
    }
}

wire_enum! {
    /// `CustomEmailSenderLambdaVersionType`.
    CustomEmailSenderVersion {
        /// Version 1 event.
        V1_0 = "V1_0",
    }
}

wire_enum! {
    /// `InboundFederationLambdaVersionType`.
    InboundFederationVersion {
        /// Version 1 event.
        V1_0 = "V1_0",
    }
}
