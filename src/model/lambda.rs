//! `LambdaConfig`: the Lambda triggers.

use serde::Serialize;

use super::json::from_json;
use super::wire_enum;

/// `LambdaConfigType`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct LambdaConfig {
    /// Pre sign-up trigger ARN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pre_sign_up: Option<String>,
    /// Custom message trigger ARN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_message: Option<String>,
    /// Post confirmation trigger ARN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub post_confirmation: Option<String>,
    /// Pre authentication trigger ARN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pre_authentication: Option<String>,
    /// Post authentication trigger ARN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub post_authentication: Option<String>,
    /// Define auth challenge trigger ARN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub define_auth_challenge: Option<String>,
    /// Create auth challenge trigger ARN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub create_auth_challenge: Option<String>,
    /// Verify auth challenge response trigger ARN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verify_auth_challenge_response: Option<String>,
    /// Legacy pre token generation trigger ARN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pre_token_generation: Option<String>,
    /// User migration trigger ARN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_migration: Option<String>,
    /// Versioned pre token generation trigger.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pre_token_generation_config: Option<LambdaVersionConfig<PreTokenGenerationVersion>>,
    /// Custom SMS sender trigger.
    #[serde(rename = "CustomSMSSender", skip_serializing_if = "Option::is_none")]
    pub custom_sms_sender: Option<LambdaVersionConfig<CustomSmsSenderVersion>>,
    /// Custom email sender trigger.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_email_sender: Option<LambdaVersionConfig<CustomEmailSenderVersion>>,
    /// KMS key that encrypts codes for the custom senders.
    #[serde(rename = "KMSKeyID", skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    /// Inbound federation trigger.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inbound_federation: Option<LambdaVersionConfig<InboundFederationVersion>>,
}

from_json!(LambdaConfig {
    pre_sign_up: "PreSignUp",
    custom_message: "CustomMessage",
    post_confirmation: "PostConfirmation",
    pre_authentication: "PreAuthentication",
    post_authentication: "PostAuthentication",
    define_auth_challenge: "DefineAuthChallenge",
    create_auth_challenge: "CreateAuthChallenge",
    verify_auth_challenge_response: "VerifyAuthChallengeResponse",
    pre_token_generation: "PreTokenGeneration",
    user_migration: "UserMigration",
    pre_token_generation_config: "PreTokenGenerationConfig",
    custom_sms_sender: "CustomSMSSender",
    custom_email_sender: "CustomEmailSender",
    kms_key_id: "KMSKeyID",
    inbound_federation: "InboundFederation",
});

/// A versioned trigger: `PreTokenGenerationVersionConfigType`, `CustomSMSLambdaVersionConfigType`,
/// `CustomEmailLambdaVersionConfigType` and `InboundFederationLambdaType` share this shape and
/// differ only in the allowed versions.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct LambdaVersionConfig<V> {
    /// Version of the event Cognito sends to the function.
    pub lambda_version: V,
    /// Function ARN.
    pub lambda_arn: String,
}

from_json!(LambdaVersionConfig<V> {
    lambda_version: "LambdaVersion",
    lambda_arn: "LambdaArn",
});

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
