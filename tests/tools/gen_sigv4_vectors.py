#!/usr/bin/env python3
"""Generate tests/fixtures/sigv4/botocore.json: SigV4 test vectors for cognito-idp requests,
signed by botocore's SigV4Auth at fixed times, for checking the console's own signer.

The fixture is committed, so the Rust tests never need Python. Re-run this only to refresh it
(from the repository root, after tools/setup.sh):
    tools/venv/bin/python tests/tools/gen_sigv4_vectors.py

Each case is a POST with exactly the headers listed (content-type, x-amz-target) and the body
string as given, sent to `url`; the signer adds Host (from the URL: with the port when the URL
has one), X-Amz-Date and, with a session token, X-Amz-Security-Token, and signs all of them.
`expected` holds the three headers botocore produced; `intermediate` its canonical request and
string to sign, for finding where a mismatch starts. Bodies are signed as their UTF-8 bytes.

botocore signs at "now": the fixed time comes from patching botocore.auth.get_current_datetime
(setting request.context["timestamp"] has no effect, add_auth overwrites it).
"""

import base64
import datetime as dt
import hashlib
import json
import os
from unittest import mock

import botocore
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

CRATE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(CRATE, "tests", "fixtures", "sigv4", "botocore.json")
JSON_TYPE = "application/x-amz-json-1.1"
TARGET_PREFIX = "AWSCognitoIdentityProviderService."


def fake_token(seed, length=356):
    """A made-up session token of the usual length and alphabet, the same on every run."""
    material = b""
    while len(material) < length:
        material += hashlib.sha512(seed.encode() + len(material).to_bytes(4, "big")).digest()
    return "IQoJb3JpZ2luX2Vj" + base64.b64encode(material).decode()[: length - 16]


# Made-up keys: an IAM user's (no token) and two sets of temporary credentials.
USER = {
    "access_key_id": "AKIAZ2PEXAMPLEUSER01",
    "secret_access_key": "q8Vd+Jm3/Xw0uTn5yR2kLp7sHcE9fGbA4iZoWe1M",
}
TEMP = {
    "access_key_id": "ASIAZ2PEXAMPLETEMP01",
    "secret_access_key": "tY6/u+O1pQzR8cVn3mKwL0eJx9bHsD2gFa5iUo7E",
    "session_token": fake_token("temp-1"),
}
TEMP_GOV = {
    "access_key_id": "ASIAZ2PEXAMPLEGOV002",
    "secret_access_key": "Hn4kP9sW2/eR7tYu+I0oPaS3dF6gJ1lZxC8vBm5N",
    "session_token": fake_token("temp-gov", length=412),
}


def compact(document):
    """JSON as an SDK sends it: no spaces, UTF-8 text left as it is."""
    return json.dumps(document, separators=(",", ":"), ensure_ascii=False)


# A complete UpdateUserPool request as the console sends it, with French and emoji text.
LARGE_UPDATE = {
    "UserPoolId": "eu-west-3_Ab12Cd34E",
    "Policies": {
        "PasswordPolicy": {
            "MinimumLength": 12,
            "RequireUppercase": True,
            "RequireLowercase": True,
            "RequireNumbers": True,
            "RequireSymbols": False,
            "PasswordHistorySize": 5,
            "TemporaryPasswordValidityDays": 3,
        },
        "SignInPolicy": {"AllowedFirstAuthFactors": ["PASSWORD", "EMAIL_OTP"]},
    },
    "DeletionProtection": "ACTIVE",
    "LambdaConfig": {
        "PreSignUp": "arn:aws:lambda:eu-west-3:123456789012:function:pre-sign-up",
        "PreTokenGenerationConfig": {
            "LambdaVersion": "V2_0",
            "LambdaArn": "arn:aws:lambda:eu-west-3:123456789012:function:pre-token",
        },
        "CustomEmailSender": {
            "LambdaVersion": "V1_0",
            "LambdaArn": "arn:aws:lambda:eu-west-3:123456789012:function:email-sender",
        },
        "KMSKeyID": "arn:aws:kms:eu-west-3:123456789012:key/1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d",
    },
    "AutoVerifiedAttributes": ["email"],
    "VerificationMessageTemplate": {
        "EmailMessage": "Bonjour ! Votre code de vérification est {####}. À bientôt 👋",
        "EmailSubject": "Vérifiez votre adresse e-mail ✉️",
        "EmailMessageByLink": "Cliquez ici pour vérifier : {##Vérifier##} 🔗",
        "EmailSubjectByLink": "Dernière étape : vérifiez votre adresse 📧",
        "SmsMessage": "Code : {####}",
        "DefaultEmailOption": "CONFIRM_WITH_LINK",
    },
    "SmsAuthenticationMessage": "Votre code d’authentification : {####}",
    "UserAttributeUpdateSettings": {"AttributesRequireVerificationBeforeUpdate": ["email"]},
    "MfaConfiguration": "OPTIONAL",
    "DeviceConfiguration": {"ChallengeRequiredOnNewDevice": True, "DeviceOnlyRememberedOnUserPrompt": True},
    "EmailConfiguration": {
        "SourceArn": "arn:aws:ses:eu-west-3:123456789012:identity/no-reply@exemple.fr",
        "ReplyToEmailAddress": "support@exemple.fr",
        "EmailSendingAccount": "DEVELOPER",
        "From": "Équipe Exemple <no-reply@exemple.fr>",
        "ConfigurationSet": "transactionnel",
    },
    "SmsConfiguration": {
        "SnsCallerArn": "arn:aws:iam::123456789012:role/cognito-sms",
        "ExternalId": "0f4e2c9a-7b1d-4e3f-8a6c-5d2b1e0f9a8c",
        "SnsRegion": "eu-west-3",
    },
    "UserPoolTags": {"équipe": "identité", "environment": "production", "cost-center": "42"},
    "AdminCreateUserConfig": {
        "AllowAdminCreateUserOnly": True,
        "InviteMessageTemplate": {
            "SMSMessage": "Identifiant {username}, mot de passe provisoire {####}",
            "EmailMessage": "Bienvenue ! Identifiant : {username} — mot de passe provisoire : {####} 🎉",
            "EmailSubject": "Votre accès à l’espace client",
        },
    },
    "UserPoolAddOns": {
        "AdvancedSecurityMode": "ENFORCED",
        "AdvancedSecurityAdditionalFlows": {"CustomAuthMode": "AUDIT"},
    },
    "AccountRecoverySetting": {
        "RecoveryMechanisms": [
            {"Priority": 1, "Name": "verified_email"},
            {"Priority": 2, "Name": "verified_phone_number"},
        ]
    },
    "UserPoolTier": "PLUS",
}

# A pagination token as the service hands it out: opaque base64 with '+', '/' and '='.
NEXT_TOKEN = "ZXUtd2VzdC0zX0FiMTJDZDM0RTp1cy1lYXN0LTFfWnk5OFh3NzZW+/0aBcDeFgHiJkLmNoPqRsTuVwXyZ==="

CASES = [
    # name, credentials, region, url (None: the region's AWS endpoint), time, operation, body
    (
        "list-user-pools",
        TEMP,
        "us-east-1",
        None,
        "20261122T064512Z",
        "ListUserPools",
        compact({"MaxResults": 60}),
    ),
    (
        "list-user-pools-next-token",
        TEMP,
        "eu-west-3",
        None,
        "20261122T064513Z",
        "ListUserPools",
        compact({"MaxResults": 60, "NextToken": NEXT_TOKEN}),
    ),
    (
        "list-user-pools-iam-user",
        USER,
        "ap-southeast-2",
        None,
        "20260315T101010Z",
        "ListUserPools",
        compact({"MaxResults": 1}),
    ),
    (
        "describe-user-pool",
        TEMP,
        "ap-southeast-2",
        None,
        "20260704T120000Z",
        "DescribeUserPool",
        compact({"UserPoolId": "ap-southeast-2_Qw3Er5Ty7"}),
    ),
    (
        "describe-user-pool-gov",
        TEMP_GOV,
        "us-gov-west-1",
        None,
        "20261122T064514Z",
        "DescribeUserPool",
        compact({"UserPoolId": "us-gov-west-1_Gv1Ab2Cd3"}),
    ),
    (
        "update-user-pool-large-utf8",
        TEMP,
        "eu-west-3",
        None,
        "20261122T064515Z",
        "UpdateUserPool",
        compact(LARGE_UPDATE),
    ),
    (
        "update-user-pool-large-utf8-iam-user",
        USER,
        "eu-west-3",
        None,
        "20261122T064516Z",
        "UpdateUserPool",
        compact(LARGE_UPDATE),
    ),
    (
        # The same text as JSON escapes (ASCII only): other bytes, so another signature.
        "update-user-pool-escaped-utf8",
        TEMP,
        "eu-west-3",
        None,
        "20261122T064517Z",
        "UpdateUserPool",
        json.dumps(
            {
                "UserPoolId": "eu-west-3_Ab12Cd34E",
                "SmsAuthenticationMessage": "Votre code d’accès : {####} ✅",
            },
            separators=(",", ":"),
        ),
    ),
    (
        # Pretty-printed: the body is signed byte for byte, newlines and indentation included.
        "update-user-pool-pretty-printed",
        TEMP,
        "us-east-1",
        None,
        "20261122T064518Z",
        "UpdateUserPool",
        json.dumps({"UserPoolId": "us-east-1_Ab12Cd34E", "MfaConfiguration": "OFF"}, indent=2) + "\n",
    ),
    ("empty-object-body", TEMP, "us-east-1", None, "20261122T064519Z", "ListUserPools", "{}"),
    (
        # One second before midnight on New Year's Eve: the scope's date is the old day's.
        "day-boundary",
        TEMP,
        "us-east-1",
        None,
        "20261231T235959Z",
        "DescribeUserPool",
        compact({"UserPoolId": "us-east-1_Ab12Cd34E"}),
    ),
    (
        "midnight-leap-day",
        USER,
        "eu-west-3",
        None,
        "20280229T000000Z",
        "ListUserPools",
        compact({"MaxResults": 10}),
    ),
    (
        "local-moto",
        TEMP,
        "us-east-1",
        "http://127.0.0.1:4566/",
        "20261122T064520Z",
        "DescribeUserPool",
        compact({"UserPoolId": "us-east-1_ced69a2442384b2ea927873d32c40a06"}),
    ),
    (
        "local-cognito-local",
        USER,
        "us-east-1",
        "http://localhost:9229/",
        "20261122T064521Z",
        "UpdateUserPool",
        compact(
            {"UserPoolId": "local_5PtUq2nE", "AutoVerifiedAttributes": ["email"], "MfaConfiguration": "OFF"}
        ),
    ),
]


def sign(name, creds, region, url, amz_date, operation, body):
    url = url or f"https://cognito-idp.{region}.amazonaws.com/"
    headers = [["content-type", JSON_TYPE], ["x-amz-target", TARGET_PREFIX + operation]]
    request = AWSRequest("POST", url, data=body.encode("utf-8"), headers=dict(headers))
    credentials = Credentials(creds["access_key_id"], creds["secret_access_key"], creds.get("session_token"))
    signer = SigV4Auth(credentials, "cognito-idp", region)
    # Keep the canonical request and string to sign that add_auth computes on the way.
    intermediate = {}
    string_to_sign = signer.string_to_sign

    def recording_string_to_sign(request, canonical_request):
        intermediate["canonical_request"] = canonical_request
        intermediate["string_to_sign"] = string_to_sign(request, canonical_request)
        return intermediate["string_to_sign"]

    signer.string_to_sign = recording_string_to_sign
    at = dt.datetime.strptime(amz_date, "%Y%m%dT%H%M%SZ")  # naive UTC, as botocore has it
    with mock.patch("botocore.auth.get_current_datetime", return_value=at):
        signer.add_auth(request)
    assert request.headers["X-Amz-Date"] == amz_date
    return {
        "name": name,
        "access_key_id": creds["access_key_id"],
        "secret_access_key": creds["secret_access_key"],
        "session_token": creds.get("session_token"),
        "region": region,
        "service": "cognito-idp",
        "amz_date": amz_date,
        "method": "POST",
        "url": url,
        "headers": headers,
        "body": body,
        "expected": {
            "authorization": request.headers["Authorization"],
            "x-amz-date": request.headers["X-Amz-Date"],
            "x-amz-security-token": request.headers.get("X-Amz-Security-Token"),
        },
        "intermediate": intermediate,
    }


def main():
    document = {
        "botocore": botocore.__version__,
        "generator": "tests/tools/gen_sigv4_vectors.py",
        "cases": [sign(*case) for case in CASES],
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as file:
        json.dump(document, file, indent=2, ensure_ascii=False)
        file.write("\n")
    print(f"{OUT}: {len(document['cases'])} cases, botocore {botocore.__version__}")


if __name__ == "__main__":
    main()
