//! Newer settings: dynamic client registration, encryption key, issuer and ACR names.

use serde::{Deserialize, Serialize};

use super::wire_enum;

/// `DcrConfigurationType`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct DcrConfiguration {
    /// On or off (omitted means on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_status: Option<Status>,
    /// Anyone may register a client without a token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_dcr_enabled: Option<bool>,
    /// Grant types for clients registered with a token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authenticated_grant_types: Option<Vec<OAuthFlow>>,
    /// Grant types for clients registered openly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_dcr_grant_types: Option<Vec<OAuthFlow>>,
    /// Extra scopes registered clients may request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_scopes: Option<Vec<String>>,
}

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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct KeyConfiguration {
    /// AWS-owned or customer-managed key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_type: Option<EncryptionKeyType>,
    /// ARN of the customer-managed key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kms_key_arn: Option<String>,
}

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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct IssuerConfiguration {
    /// Issuer form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<IssuerType>,
}

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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct AcrLevelConfig {
    /// The custom name of the level (required).
    pub acr_value: String,
}
