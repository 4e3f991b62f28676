//! Deletion protection, MFA, devices, threat protection, recovery and attribute updates.

use serde::Serialize;

use super::json::from_json;
use super::wire_enum;

wire_enum! {
    /// `DeletionProtectionType`.
    DeletionProtection {
        /// The pool cannot be deleted.
        Active = "ACTIVE",
        /// The pool can be deleted.
        Inactive = "INACTIVE",
    }
}

wire_enum! {
    /// `UserPoolMfaType`.
    MfaConfiguration {
        /// No MFA.
        Off = "OFF",
        /// MFA required for everyone.
        On = "ON",
        /// Each user may set up MFA.
        Optional = "OPTIONAL",
    }
}

wire_enum! {
    /// `VerifiedAttributeType`.
    VerifiedAttribute {
        /// Phone number.
        PhoneNumber = "phone_number",
        /// Email address.
        Email = "email",
    }
}

/// `UserAttributeUpdateSettingsType`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct UserAttributeUpdateSettings {
    /// Attributes whose new value must be verified before it replaces the old one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attributes_require_verification_before_update: Option<Vec<VerifiedAttribute>>,
}

from_json!(UserAttributeUpdateSettings {
    attributes_require_verification_before_update: "AttributesRequireVerificationBeforeUpdate",
});

/// `DeviceConfigurationType`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct DeviceConfiguration {
    /// Remembered devices may skip MFA.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub challenge_required_on_new_device: Option<bool>,
    /// Remember devices only when the user agrees.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device_only_remembered_on_user_prompt: Option<bool>,
}

from_json!(DeviceConfiguration {
    challenge_required_on_new_device: "ChallengeRequiredOnNewDevice",
    device_only_remembered_on_user_prompt: "DeviceOnlyRememberedOnUserPrompt",
});

/// `UserPoolAddOnsType`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct UserPoolAddOns {
    /// Threat protection mode for standard sign-in (required).
    pub advanced_security_mode: AdvancedSecurityMode,
    /// Threat protection for custom authentication.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub advanced_security_additional_flows: Option<AdvancedSecurityAdditionalFlows>,
}

from_json!(UserPoolAddOns {
    advanced_security_mode: "AdvancedSecurityMode",
    advanced_security_additional_flows: "AdvancedSecurityAdditionalFlows",
});

wire_enum! {
    /// `AdvancedSecurityModeType`.
    AdvancedSecurityMode {
        /// Off.
        Off = "OFF",
        /// Detect and log only.
        Audit = "AUDIT",
        /// Detect and act.
        Enforced = "ENFORCED",
    }
}

/// `AdvancedSecurityAdditionalFlowsType`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct AdvancedSecurityAdditionalFlows {
    /// Threat protection mode for custom authentication.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_auth_mode: Option<AdvancedSecurityEnabledMode>,
}

from_json!(AdvancedSecurityAdditionalFlows {
    custom_auth_mode: "CustomAuthMode",
});

wire_enum! {
    /// `AdvancedSecurityEnabledModeType`.
    AdvancedSecurityEnabledMode {
        /// Detect and log only.
        Audit = "AUDIT",
        /// Detect and act.
        Enforced = "ENFORCED",
    }
}

/// `AccountRecoverySettingType`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct AccountRecoverySetting {
    /// Recovery methods with their priorities.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recovery_mechanisms: Option<Vec<RecoveryOption>>,
}

from_json!(AccountRecoverySetting {
    recovery_mechanisms: "RecoveryMechanisms",
});

/// `RecoveryOptionType`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct RecoveryOption {
    /// 1 = first choice, 2 = fallback.
    pub priority: i64,
    /// The method.
    pub name: RecoveryOptionName,
}

from_json!(RecoveryOption {
    priority: "Priority",
    name: "Name",
});

wire_enum! {
    /// `RecoveryOptionNameType`.
    RecoveryOptionName {
        /// Code to a verified email address.
        VerifiedEmail = "verified_email",
        /// Code to a verified phone number.
        VerifiedPhoneNumber = "verified_phone_number",
        /// Only an administrator can reset the password.
        AdminOnly = "admin_only",
    }
}
