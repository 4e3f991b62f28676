#!/usr/bin/env python3
"""Generate the DescribeUserPool fixtures that come from the local emulator (moto), the AWS CLI
skeleton fixture, and candidate goldens for tests/describe.rs.

The fixtures are committed, so `cargo test` never needs Python. Re-run this only to refresh them.

Setup (once):
    python3 -m venv /tmp/motovenv
    /tmp/motovenv/bin/pip install 'moto[server]==5.2.5' boto3      # brings botocore 1.44.5

Run (from the crate root), naming the steps to run (default: moto skeleton):
    /tmp/motovenv/bin/python tests/tools/gen_describe_fixtures.py moto skeleton
    /tmp/motovenv/bin/python tests/tools/gen_describe_fixtures.py expected   # candidate goldens

What it writes:
  tests/fixtures/describe/moto_*.json
      The raw HTTP body of DescribeUserPool as moto 5.2.5 answers it in-process (captured from
      botocore's `after-call` event, byte for byte: epoch-second float timestamps and all). Pool
      ids are made reproducible with moto's seeded random; timestamps are whatever the clock says.
  tests/fixtures/requests/skeleton.json
      `aws cognito-idp update-user-pool --generate-cli-skeleton` output, generated the same way
      the CLI does (botocore.utils.ArgumentGenerator on the UpdateUserPool input shape of
      botocore 1.44.5). The CLI picks enum placeholders with random.choice; the seed is fixed.
  tests/fixtures/describe/*.expected.json   (step "expected"; overwrites existing goldens)
      The UpdateUserPool body for every fixture, computed by `expected_update` below: an
      implementation of ../shared/reference/describe_to_update.md written independently of
      src/describe.rs. Review every golden by hand before committing it.
"""

import json
import os
import random
import sys
from collections import OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
CRATE = os.path.dirname(os.path.dirname(HERE))
DESCRIBE_DIR = os.path.join(CRATE, "tests", "fixtures", "describe")
REQUESTS_DIR = os.path.join(CRATE, "tests", "fixtures", "requests")

ACCOUNT = "123456789012"


# --------------------------------------------------------------------------------------------
# The mapping of describe_to_update.md, section 1-3 (independent of src/describe.rs).

RENAMES = {"Id": "UserPoolId", "Name": "PoolName"}  # P1
READ_ONLY = {  # section 2 / P2
    "Status", "LastModifiedDate", "CreationDate", "SchemaAttributes", "AliasAttributes",
    "UsernameAttributes", "EstimatedNumberOfUsers", "SmsConfigurationFailure",
    "EmailConfigurationFailure", "Domain", "CustomDomain", "UsernameConfiguration", "Arn",
}


def drop_nulls(value):
    if isinstance(value, dict):
        return OrderedDict((k, drop_nulls(v)) for k, v in value.items() if v is not None)
    if isinstance(value, list):
        return [drop_nulls(v) for v in value]
    return value


def expected_update(describe):
    pool = describe["UserPool"]
    out = OrderedDict()
    for name, value in pool.items():
        if value is None or name in READ_ONLY:
            continue
        out[RENAMES.get(name, name)] = drop_nulls(value)
    # P3: TemporaryPasswordValidityDays in use -> UnusedAccountValidityDays is not sent.
    temp = out.get("Policies", {}).get("PasswordPolicy", {}).get("TemporaryPasswordValidityDays")
    if temp is not None and isinstance(out.get("AdminCreateUserConfig"), dict):
        out["AdminCreateUserConfig"].pop("UnusedAccountValidityDays", None)
    # An empty recovery list (legacy recovery) cannot be sent (min 1): leave the setting out.
    recovery = out.get("AccountRecoverySetting")
    if isinstance(recovery, dict) and recovery.get("RecoveryMechanisms") == []:
        del out["AccountRecoverySetting"]
    # P8: an empty DeviceConfiguration would switch device remembering on.
    if out.get("DeviceConfiguration") == {}:
        del out["DeviceConfiguration"]
    return out


def write_expected():
    for name in sorted(os.listdir(DESCRIBE_DIR)):
        if not name.endswith(".json") or name.endswith(".expected.json"):
            continue
        with open(os.path.join(DESCRIBE_DIR, name), encoding="utf-8") as f:
            describe = json.load(f, object_pairs_hook=OrderedDict)
        golden = os.path.join(DESCRIBE_DIR, name[: -len(".json")] + ".expected.json")
        with open(golden, "w", encoding="utf-8") as f:
            json.dump(expected_update(describe), f, indent=2, ensure_ascii=False)
            f.write("\n")
        print("wrote", os.path.relpath(golden, CRATE))


# --------------------------------------------------------------------------------------------
# The CLI skeleton.

def write_skeleton():
    import botocore
    import botocore.session
    from botocore.utils import ArgumentGenerator

    random.seed(20240418)
    model = botocore.session.get_session().get_service_model("cognito-idp")
    shape = model.operation_model("UpdateUserPool").input_shape
    skeleton = ArgumentGenerator().generate_skeleton(shape)
    path = os.path.join(REQUESTS_DIR, "skeleton.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(skeleton, f, indent=4)  # the CLI prints it with indent=4
        f.write("\n")
    print("wrote", os.path.relpath(path, CRATE), "(botocore", botocore.__version__ + ")")


# --------------------------------------------------------------------------------------------
# Pools in moto.

def lam(region, name):
    return f"arn:aws:lambda:{region}:{ACCOUNT}:function:{name}"


def scenarios():
    """(fixture name, region, create kwargs, [update kwargs...], domain or None)."""
    east = "us-east-1"
    yield ("moto_default", east, {"PoolName": "default-pool"}, [], None)

    yield (
        "moto_essentials_full",
        east,
        {
            "PoolName": "orders-prod",
            "UsernameAttributes": ["email"],
            "UsernameConfiguration": {"CaseSensitive": False},
            "Schema": [
                {"Name": "tenant_id", "AttributeDataType": "String", "Mutable": False,
                 "StringAttributeConstraints": {"MinLength": "1", "MaxLength": "36"}},
            ],
        },
        [
            {
                "UserPoolTier": "ESSENTIALS",
                "DeletionProtection": "ACTIVE",
                "Policies": {
                    "PasswordPolicy": {
                        "MinimumLength": 12, "RequireUppercase": True, "RequireLowercase": True,
                        "RequireNumbers": True, "RequireSymbols": False,
                        "PasswordHistorySize": 5, "TemporaryPasswordValidityDays": 3,
                    },
                    "SignInPolicy": {"AllowedFirstAuthFactors": ["PASSWORD", "EMAIL_OTP"]},
                },
                "LambdaConfig": {
                    "PreSignUp": lam(east, "orders-pre-signup"),
                    "PostConfirmation": lam(east, "orders-post-confirmation"),
                    "PreTokenGeneration": lam(east, "orders-pre-token"),
                    "PreTokenGenerationConfig": {
                        "LambdaVersion": "V2_0", "LambdaArn": lam(east, "orders-pre-token"),
                    },
                },
                "AutoVerifiedAttributes": ["email"],
                "VerificationMessageTemplate": {
                    "SmsMessage": "Your Orders code is {####}",
                    "EmailMessage": "Your Orders verification code is {####}.",
                    "EmailSubject": "Verify your Orders account",
                    "DefaultEmailOption": "CONFIRM_WITH_CODE",
                },
                "SmsAuthenticationMessage": "Your Orders sign-in code is {####}",
                "UserAttributeUpdateSettings": {"AttributesRequireVerificationBeforeUpdate": ["email"]},
                "MfaConfiguration": "OPTIONAL",
                "DeviceConfiguration": {
                    "ChallengeRequiredOnNewDevice": True, "DeviceOnlyRememberedOnUserPrompt": True,
                },
                "EmailConfiguration": {
                    "SourceArn": f"arn:aws:ses:{east}:{ACCOUNT}:identity/example.com",
                    "ReplyToEmailAddress": "support@example.com",
                    "EmailSendingAccount": "DEVELOPER",
                    "From": "Orders <no-reply@example.com>",
                    "ConfigurationSet": "orders-transactional",
                },
                "SmsConfiguration": {
                    "SnsCallerArn": f"arn:aws:iam::{ACCOUNT}:role/service-role/orders-sms",
                    "ExternalId": "orders-sms-external-id",
                    "SnsRegion": east,
                },
                "UserPoolTags": {"team": "orders", "env": "prod"},
                "AdminCreateUserConfig": {
                    "AllowAdminCreateUserOnly": True,
                    "InviteMessageTemplate": {
                        "SMSMessage": "Welcome {username}, your temporary password is {####}",
                        "EmailMessage": "Welcome {username}! Your temporary password is {####}",
                        "EmailSubject": "Your Orders account",
                    },
                },
                "UserPoolAddOns": {"AdvancedSecurityMode": "OFF"},
                "AccountRecoverySetting": {
                    "RecoveryMechanisms": [
                        {"Priority": 1, "Name": "verified_email"},
                        {"Priority": 2, "Name": "verified_phone_number"},
                    ]
                },
            }
        ],
        "orders-prod-auth",
    )

    west = "eu-west-1"
    yield (
        "moto_lite",
        west,
        {
            "PoolName": "hobby",
            "UserPoolTier": "LITE",
            "DeviceConfiguration": {},
            "AccountRecoverySetting": {"RecoveryMechanisms": [{"Priority": 1, "Name": "admin_only"}]},
            "AliasAttributes": ["email", "preferred_username"],
            "AutoVerifiedAttributes": ["email"],
        },
        [],
        None,
    )

    yield (
        "moto_plus",
        west,
        {"PoolName": "bank-customers", "UserPoolTier": "PLUS", "MfaConfiguration": "OFF"},
        [
            {
                "UserPoolTier": "PLUS",
                "MfaConfiguration": "OPTIONAL",
                "UserPoolAddOns": {
                    "AdvancedSecurityMode": "ENFORCED",
                    "AdvancedSecurityAdditionalFlows": {"CustomAuthMode": "AUDIT"},
                },
                "LambdaConfig": {
                    "DefineAuthChallenge": lam(west, "bank-define-challenge"),
                    "CreateAuthChallenge": lam(west, "bank-create-challenge"),
                    "VerifyAuthChallengeResponse": lam(west, "bank-verify-challenge"),
                    "CustomEmailSender": {"LambdaVersion": "V1_0", "LambdaArn": lam(west, "bank-email-sender")},
                    "KMSKeyID": f"arn:aws:kms:{west}:{ACCOUNT}:key/1f2e3d4c-5b6a-4789-90ab-cdef01234567",
                },
                "SmsConfiguration": {
                    "SnsCallerArn": f"arn:aws:iam::{ACCOUNT}:role/bank-sms", "SnsRegion": west,
                },
                "Policies": {"SignInPolicy": {"AllowedFirstAuthFactors": ["PASSWORD", "WEB_AUTHN"]}},
            }
        ],
        None,
    )

    yield (
        "moto_registration",
        east,
        {"PoolName": "partner-apis"},
        [
            {
                "UserPoolTier": "ESSENTIALS",
                "DcrConfiguration": {
                    "EnableStatus": "Enabled", "OpenDcrEnabled": False,
                    "AuthenticatedGrantTypes": ["code", "client_credentials"],
                    "AllowedScopes": ["openid", "email", "https://api.example.com/orders.read"],
                },
                "KeyConfiguration": {
                    "KeyType": "CUSTOMER_MANAGED_KEY",
                    "KmsKeyArn": f"arn:aws:kms:{east}:{ACCOUNT}:key/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                },
                "IssuerConfiguration": {"Type": "UPDATED"},
                "AcrConfiguration": {"Level2": {"AcrValue": "urn:example:loa:mfa"}},
            }
        ],
        None,
    )

    seoul = "ap-northeast-2"
    yield (
        "moto_seoul",
        seoul,
        {
            "PoolName": "seoul-members",
            "MfaConfiguration": "OPTIONAL",
            "SmsConfiguration": {
                "SnsCallerArn": f"arn:aws:iam::{ACCOUNT}:role/seoul-sms",
                "ExternalId": "seoul-members",
                "SnsRegion": "ap-northeast-1",
            },
            "AutoVerifiedAttributes": ["phone_number"],
            "UsernameAttributes": ["phone_number"],
        },
        [],
        None,
    )


def write_moto_fixtures():
    import boto3
    from moto import mock_aws
    from moto.moto_api._internal import mock_random

    for name, region, create, updates, domain in scenarios():
        mock_random.seed(sum(map(ord, name)))
        with mock_aws():
            client = boto3.client(
                "cognito-idp", region_name=region,
                aws_access_key_id="testing", aws_secret_access_key="testing",
            )
            raw = {}

            def grab(http_response, model, **_):
                raw[model.name] = http_response.content

            client.meta.events.register("after-call.cognito-idp", grab)
            pool_id = client.create_user_pool(**create)["UserPool"]["Id"]
            if domain:
                client.create_user_pool_domain(UserPoolId=pool_id, Domain=domain)
            for update in updates:
                client.update_user_pool(UserPoolId=pool_id, **update)
            client.describe_user_pool(UserPoolId=pool_id)
            body = raw["DescribeUserPool"]
        json.loads(body)  # it must be JSON
        path = os.path.join(DESCRIBE_DIR, name + ".json")
        with open(path, "wb") as f:
            f.write(body)
            f.write(b"\n")
        print("wrote", os.path.relpath(path, CRATE))


STEPS = {"moto": write_moto_fixtures, "skeleton": write_skeleton, "expected": write_expected}


def main(argv):
    steps = argv or ["moto", "skeleton"]
    unknown = [s for s in steps if s not in STEPS]
    if unknown:
        sys.exit(f"unknown step(s) {unknown}; choose from {sorted(STEPS)}")
    os.makedirs(DESCRIBE_DIR, exist_ok=True)
    os.makedirs(REQUESTS_DIR, exist_ok=True)
    for step in steps:
        STEPS[step]()


if __name__ == "__main__":
    main(sys.argv[1:])
