//! Newer settings: dynamic client registration, encryption key, issuer and ACR names.

use serde::Serialize;

use super::json::from_json;
use super::wire_enum;

/// `DcrConfigurationType`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct DcrConfiguration {
    /// On or off (omitted means on).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enable_status: Option<Status>,
    /// Anyone may register a client without a token.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub open_dcr_enabled: Option<bool>,
    /// Grant types for clients registered with a token.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authenticated_grant_types: Option<Vec<OAuthFlow>>,
    /// Grant types for clients registered openly.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub open_dcr_grant_types: Option<Vec<OAuthFlow>>,
    /// Extra scopes registered clients may request.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed_scopes: Option<Vec<String>>,
}

from_json!(DcrConfiguration {
    enable_status: "EnableStatus",
    open_dcr_enabled: "OpenDcrEnabled",
    authenticated_grant_types: "AuthenticatedGrantTypes",
    open_dcr_grant_types: "OpenDcrGrantTypes",
    allowed_scopes: "AllowedScopes",
});

wire_enum! {
    /// `StatusType`.
    Status {
        /// On.
        Enabled = "Enabled",
        /// Off.
        Disabled = "Disabled",
    }
}

wire_enum! {
    /// `OAuthFlowType`.
    OAuthFlow {
        /// Authorization code grant.
        Code = "code",
        /// Implicit grant.
        Implicit = "implicit",
        /// Client credentials grant.
        ClientCredentials = "client_credentials",
    }
}

/// `KeyConfigurationType`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct KeyConfiguration {
    /// AWS-owned or customer-managed key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_type: Option<EncryptionKeyType>,
    /// ARN of the customer-managed key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_arn: Option<String>,
}

from_json!(KeyConfiguration {
    key_type: "KeyType",
    kms_key_arn: "KmsKeyArn",
});

wire_enum! {
    /// `EncryptionKeyType`.
    EncryptionKeyType {
        /// A key owned by AWS.
        AwsOwnedKey = "AWS_OWNED_KEY",
        /// A KMS key in your account.
        CustomerManagedKey = "CUSTOMER_MANAGED_KEY",
    }
}

/// `IssuerConfigurationType`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct IssuerConfiguration {
    /// Issuer form.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub r#type: Option<IssuerType>,
}

from_json!(IssuerConfiguration { r#type: "Type" });

wire_enum! {
    /// `IssuerType`.
    IssuerType {
        /// The original issuer.
        Original = "ORIGINAL",
        /// The updated issuer.
        Updated = "UPDATED",
    }
}

/// `AcrLevelConfigType`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct AcrLevelConfig {
    /// The custom name of the level (required).
    pub acr_value: String,
}

from_json!(AcrLevelConfig {
    acr_value: "AcrValue",
});
