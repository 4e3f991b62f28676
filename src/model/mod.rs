//! The typed `UpdateUserPool` request: every member of the current service model, with the
//! exact PascalCase wire names. An absent value is `None` and is omitted from the JSON (never
//! `null`); map keys are kept as they are; enums carry exactly the model's values.
//!
//! Integers are `i64` so that a value outside the model's range (which the validator reports)
//! can still be held and shown; the wire type is a 32-bit integer.

mod delivery;
pub mod json;
mod lambda;
mod messages;
mod policies;
mod registration;
mod security;

use serde::Serialize;

use crate::sort::SortedMap;
use json::from_json;

pub use delivery::{
    EmailConfiguration, EmailSendingAccount, EumsSmsConfiguration, SmsConfiguration,
};
pub use lambda::{
    CustomEmailSenderVersion, CustomSmsSenderVersion, InboundFederationVersion, LambdaConfig,
    LambdaVersionConfig, PreTokenGenerationVersion,
};
pub use messages::{
    AdminCreateUserConfig, DefaultEmailOption, MessageTemplate, VerificationMessageTemplate,
};
pub use policies::{AuthFactor, PasswordPolicy, SignInPolicy, UserPoolPolicy};
pub use registration::{
    AcrLevelConfig, DcrConfiguration, EncryptionKeyType, IssuerConfiguration, IssuerType,
    KeyConfiguration, OAuthFlow, Status,
};
pub use security::{
    AccountRecoverySetting, AdvancedSecurityAdditionalFlows, AdvancedSecurityEnabledMode,
    AdvancedSecurityMode, DeletionProtection, DeviceConfiguration, MfaConfiguration,
    RecoveryOption, RecoveryOptionName, UserAttributeUpdateSettings, UserPoolAddOns,
    VerifiedAttribute,
};

/// Declares a string enum of the service model: wire values, `as_str`, `ALL`, and serde as a
/// plain JSON string (hand-written rather than derived: it is smaller in wasm).
macro_rules! wire_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $wire:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every value, in the model's order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The value on the wire.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $wire,)+
                }
            }

            /// The value for a wire string (exact, case-sensitive), if it is one.
            pub fn from_wire(value: &str) -> Option<Self> {
                match value {
                    $($wire => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        /// The first value: only a placeholder while a structure is read
        /// ([`crate::model::json::Member`]).
        impl Default for $name {
            fn default() -> Self {
                [$($name::$variant,)+][0]
            }
        }

        impl $crate::model::json::FromJson for $name {
            fn from_json(value: &serde_json::Value) -> Option<Self> {
                value.as_str().and_then($name::from_wire)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                $name::from_wire(&value).ok_or_else(|| {
                    serde::de::Error::unknown_variant(&value, &[$($wire,)+])
                })
            }
        }
    };
}
pub(crate) use wire_enum;

wire_enum! {
    /// The feature plan of the pool (`UserPoolTierType`).
    UserPoolTier {
        /// Lite.
        Lite = "LITE",
        /// Essentials (the default when omitted).
        Essentials = "ESSENTIALS",
        /// Plus.
        Plus = "PLUS",
    }
}

/// The body of an `UpdateUserPool` request (`UpdateUserPoolRequest`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateUserPoolRequest {
    /// The pool to update (required).
    pub user_pool_id: String,
    /// Password and sign-in policies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policies: Option<UserPoolPolicy>,
    /// Deletion protection.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deletion_protection: Option<DeletionProtection>,
    /// Lambda triggers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lambda_config: Option<LambdaConfig>,
    /// Attributes verified automatically.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auto_verified_attributes: Option<Vec<VerifiedAttribute>>,
    /// Legacy SMS verification message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sms_verification_message: Option<String>,
    /// Legacy email verification message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_verification_message: Option<String>,
    /// Legacy email verification subject.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_verification_subject: Option<String>,
    /// Verification message templates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verification_message_template: Option<VerificationMessageTemplate>,
    /// SMS authentication (MFA) message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sms_authentication_message: Option<String>,
    /// Verification before attribute updates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_attribute_update_settings: Option<UserAttributeUpdateSettings>,
    /// MFA mode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mfa_configuration: Option<MfaConfiguration>,
    /// Device remembering.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device_configuration: Option<DeviceConfiguration>,
    /// Email sending.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_configuration: Option<EmailConfiguration>,
    /// SMS sending.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sms_configuration: Option<SmsConfiguration>,
    /// Tags (keys are kept as given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_pool_tags: Option<SortedMap<String, String>>,
    /// Administrator-created users.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admin_create_user_config: Option<AdminCreateUserConfig>,
    /// Threat protection.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_pool_add_ons: Option<UserPoolAddOns>,
    /// Dynamic client registration.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dcr_configuration: Option<DcrConfiguration>,
    /// Account recovery.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_recovery_setting: Option<AccountRecoverySetting>,
    /// New pool name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pool_name: Option<String>,
    /// Feature plan.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_pool_tier: Option<UserPoolTier>,
    /// Encryption key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_configuration: Option<KeyConfiguration>,
    /// Token issuer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer_configuration: Option<IssuerConfiguration>,
    /// ACR level names, keyed `Level1`..`Level4`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acr_configuration: Option<SortedMap<String, AcrLevelConfig>>,
}

from_json!(UpdateUserPoolRequest {
    user_pool_id: "UserPoolId",
    policies: "Policies",
    deletion_protection: "DeletionProtection",
    lambda_config: "LambdaConfig",
    auto_verified_attributes: "AutoVerifiedAttributes",
    sms_verification_message: "SmsVerificationMessage",
    email_verification_message: "EmailVerificationMessage",
    email_verification_subject: "EmailVerificationSubject",
    verification_message_template: "VerificationMessageTemplate",
    sms_authentication_message: "SmsAuthenticationMessage",
    user_attribute_update_settings: "UserAttributeUpdateSettings",
    mfa_configuration: "MfaConfiguration",
    device_configuration: "DeviceConfiguration",
    email_configuration: "EmailConfiguration",
    sms_configuration: "SmsConfiguration",
    user_pool_tags: "UserPoolTags",
    admin_create_user_config: "AdminCreateUserConfig",
    user_pool_add_ons: "UserPoolAddOns",
    dcr_configuration: "DcrConfiguration",
    account_recovery_setting: "AccountRecoverySetting",
    pool_name: "PoolName",
    user_pool_tier: "UserPoolTier",
    key_configuration: "KeyConfiguration",
    issuer_configuration: "IssuerConfiguration",
    acr_configuration: "AcrConfiguration",
});

impl UpdateUserPoolRequest {
    /// The Region part of the pool id (`us-east-1` of `us-east-1_AbC`), when the id has one.
    pub fn region(&self) -> Option<&str> {
        region_of_pool_id(&self.user_pool_id)
    }
}

/// The Region prefix of a pool id, when the part before the last `_` looks like a Region code
/// (`xx-name-N`, e.g. `eu-west-1`, `us-gov-west-1`).
pub fn region_of_pool_id(id: &str) -> Option<&str> {
    let (prefix, _) = id.rsplit_once('_')?;
    is_region_code(prefix).then_some(prefix)
}

/// Whether `text` has the shape of a Region code: two lowercase letters, one or more
/// `-word` parts, and a final `-digits` (`ap-northeast-2`, `us-gov-west-1`).
pub fn is_region_code(text: &str) -> bool {
    let mut parts = text.split('-');
    let Some(first) = parts.next() else {
        return false;
    };
    let rest: Vec<&str> = parts.collect();
    let Some((last, middle)) = rest.split_last() else {
        return false;
    };
    first.len() == 2
        && first.bytes().all(|b| b.is_ascii_lowercase())
        && !middle.is_empty()
        && middle
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase()))
        && !last.is_empty()
        && last.bytes().all(|b| b.is_ascii_digit())
}
