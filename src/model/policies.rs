//! `Policies`: password policy and sign-in policy.

use serde::Serialize;

use super::json::from_json;
use super::wire_enum;

/// `UserPoolPolicyType`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct UserPoolPolicy {
    /// Password rules.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password_policy: Option<PasswordPolicy>,
    /// Allowed first sign-in factors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sign_in_policy: Option<SignInPolicy>,
}

from_json!(UserPoolPolicy {
    password_policy: "PasswordPolicy",
    sign_in_policy: "SignInPolicy",
});

/// `PasswordPolicyType`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct PasswordPolicy {
    /// Minimum password length (6..99).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minimum_length: Option<i64>,
    /// Require an uppercase letter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub require_uppercase: Option<bool>,
    /// Require a lowercase letter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub require_lowercase: Option<bool>,
    /// Require a digit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub require_numbers: Option<bool>,
    /// Require a symbol.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub require_symbols: Option<bool>,
    /// Number of previous passwords that cannot be reused (0..24).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password_history_size: Option<i64>,
    /// Days a temporary password stays valid (0..365; 0 means the default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub temporary_password_validity_days: Option<i64>,
}

from_json!(PasswordPolicy {
    minimum_length: "MinimumLength",
    require_uppercase: "RequireUppercase",
    require_lowercase: "RequireLowercase",
    require_numbers: "RequireNumbers",
    require_symbols: "RequireSymbols",
    password_history_size: "PasswordHistorySize",
    temporary_password_validity_days: "TemporaryPasswordValidityDays",
});

/// `SignInPolicyType`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct SignInPolicy {
    /// Factors a user may sign in with first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed_first_auth_factors: Option<Vec<AuthFactor>>,
}

from_json!(SignInPolicy {
    allowed_first_auth_factors: "AllowedFirstAuthFactors",
});

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
