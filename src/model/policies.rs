//! `Policies`: password policy and sign-in policy.

use serde::{Deserialize, Serialize};

use super::wire_enum;

/// `UserPoolPolicyType`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct UserPoolPolicy {
    /// Password rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password_policy: Option<PasswordPolicy>,
    /// Allowed first sign-in factors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sign_in_policy: Option<SignInPolicy>,
}

/// `PasswordPolicyType`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct PasswordPolicy {
    /// Minimum password length (6..99).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum_length: Option<i64>,
    /// Require an uppercase letter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub require_uppercase: Option<bool>,
    /// Require a lowercase letter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub require_lowercase: Option<bool>,
    /// Require a digit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub require_numbers: Option<bool>,
    /// Require a symbol.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub require_symbols: Option<bool>,
    /// Number of previous passwords that cannot be reused (0..24).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password_history_size: Option<i64>,
    /// Days a temporary password stays valid (0..365; 0 means the default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temporary_password_validity_days: Option<i64>,
}

/// `SignInPolicyType`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct SignInPolicy {
    /// Factors a user may sign in with first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_first_auth_factors: Option<Vec<AuthFactor>>,
}

wire_enum! {
    /// `AuthFactorType`.
    AuthFactor {
        /// Password.
        Password = "PASSWORD",
        /// One-time code by email.
        EmailOtp = "EMAIL_OTP",
        /// One-time code by SMS.
        SmsOtp = "SMS_OTP",
        /// Passkey.
        WebAuthn = "WEB_AUTHN",
        /// Authenticator app (not accepted as a first factor).
        SoftwareToken = "SOFTWARE_TOKEN",
    }
}
