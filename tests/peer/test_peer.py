#!/usr/bin/env python3
"""Self-test of the local Cognito peer (cognito_peer.py), run by `make test-peer`:

    tools/venv/bin/python -m unittest discover -s tests/peer -v

It starts the peer as a subprocess on a free port and sends it raw HTTP requests: signed by
botocore's SigV4Auth (at the real time, or at a fixed time by patching
botocore.auth.get_current_datetime) or by the small independent signer below, then tampered
with where a test says so.
"""

import datetime as dt
import hashlib
import hmac
import http.client
import json
import os
import re
import selectors
import signal
import subprocess
import sys
import tempfile
import time
import unittest
import uuid
from unittest import mock
from urllib.parse import urlsplit

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

HERE = os.path.dirname(os.path.abspath(__file__))
PEER = os.path.join(HERE, "cognito_peer.py")
JSON_TYPE = "application/x-amz-json-1.1"
TARGET_PREFIX = "AWSCognitoIdentityProviderService."
ORIGIN = "http://127.0.0.1:8080"
EXPOSED = "x-amzn-RequestId, x-amzn-ErrorType, x-amzn-ErrorMessage, Date"
BAD_SIGNATURE = (
    "The request signature we calculated does not match the signature you provided. "
    "Check your AWS Secret Access Key and signing method. Consult the service documentation for details."
)
INVALID_TOKEN = "The security token included in the request is invalid."


class Peer:
    """A cognito_peer.py subprocess on a free port."""

    def __init__(self, *args):
        self.dir = tempfile.TemporaryDirectory(prefix="cognito-peer-test-")
        creds_file = os.path.join(self.dir.name, "creds.json")
        self.stderr = open(os.path.join(self.dir.name, "stderr.txt"), "w+b")
        self.process = subprocess.Popen(
            [sys.executable, PEER, "--port", "0", "--creds-out", creds_file, *args],
            stdout=subprocess.PIPE,
            stderr=self.stderr,
        )
        line = self._read_line(timeout=30)
        match = re.fullmatch(rb"cognito_peer READY (\{.*\})\n", line)
        if not match:
            self.stop()
            raise RuntimeError(f"no READY line, got {line!r}; stderr:\n{self.stderr_text()}")
        ready = json.loads(match.group(1))
        assert ready["pid"] == self.process.pid, ready
        with open(creds_file, encoding="utf-8") as file:
            self.creds = json.load(file)
        assert self.creds["endpoint"] == ready["endpoint"], (self.creds, ready)
        parts = urlsplit(ready["endpoint"])
        self.host, self.port = parts.hostname, parts.port

    def _read_line(self, timeout):
        with selectors.DefaultSelector() as selector:
            selector.register(self.process.stdout, selectors.EVENT_READ)
            if not selector.select(timeout):
                return b""
        return self.process.stdout.readline()

    def stderr_text(self):
        self.stderr.seek(0)
        return self.stderr.read().decode(errors="replace")

    def stop(self):
        """SIGTERM by PID; the exit status."""
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
        try:
            return self.process.wait(timeout=15)
        finally:
            self.process.stdout.close()
            self.stderr.close()
            self.dir.cleanup()

    def request(self, method, path, body=b"", headers=()):
        """(status, headers, body bytes) of one raw HTTP request."""
        connection = http.client.HTTPConnection(self.host, self.port, timeout=15)
        try:
            connection.request(method, path, body=body, headers=dict(headers))
            answer = connection.getresponse()
            return answer.status, answer.headers, answer.read()
        finally:
            connection.close()

    def helper(self, path, payload=None):
        """POST to /peer-api/...; (status, parsed JSON body)."""
        body = b"" if payload is None else json.dumps(payload).encode()
        status, _, data = self.request("POST", path, body, [("Content-Type", "application/json")])
        return status, json.loads(data)

    def cognito(self, target, body):
        """An operation run as the admin through /peer-api/cognito; the parsed result."""
        status, result = self.helper("/peer-api/cognito", {"target": target, "body": body})
        assert status == 200, (target, status, result)
        return result


def botocore_signed(peer, target, body, creds, at=None, region="us-east-1"):
    """An AWSRequest for the peer, signed by botocore (at `at`, a UTC datetime, if given)."""
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    request = AWSRequest(
        "POST",
        f"http://{peer.host}:{peer.port}/",
        data=data,
        headers={"Content-Type": JSON_TYPE, "X-Amz-Target": TARGET_PREFIX + target},
    )
    credentials = Credentials(creds["accessKeyId"], creds["secretAccessKey"], creds.get("sessionToken"))
    auth = SigV4Auth(credentials, "cognito-idp", region)
    if at is None:
        auth.add_auth(request)
    else:
        with mock.patch("botocore.auth.get_current_datetime", return_value=at.replace(tzinfo=None)):
            auth.add_auth(request)
    return request


def hand_signed(peer, target, body, creds, region="us-east-1"):
    """(headers, body) signed with SigV4 written out here with hashlib and hmac, not botocore."""
    data = json.dumps(body).encode()
    amz_date = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    day = amz_date[:8]
    headers = {
        "content-type": JSON_TYPE,
        "host": f"{peer.host}:{peer.port}",
        "x-amz-date": amz_date,
        "x-amz-target": TARGET_PREFIX + target,
    }
    if creds.get("sessionToken"):
        headers["x-amz-security-token"] = creds["sessionToken"]
    names = sorted(headers)
    signed_headers = ";".join(names)
    canonical = "\n".join(
        [
            "POST",
            "/",
            "",
            *(f"{name}:{headers[name]}" for name in names),
            "",
            signed_headers,
            hashlib.sha256(data).hexdigest(),
        ]
    )
    scope = f"{day}/{region}/cognito-idp/aws4_request"
    string_to_sign = "\n".join(
        ["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical.encode()).hexdigest()]
    )
    key = ("AWS4" + creds["secretAccessKey"]).encode()
    for part in (day, region, "cognito-idp", "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    signature = hmac.new(key, string_to_sign.encode(), hashlib.sha256).hexdigest()
    headers["authorization"] = (
        f"AWS4-HMAC-SHA256 Credential={creds['accessKeyId']}/{scope}, "
        f"SignedHeaders={signed_headers}, Signature={signature}"
    )
    return headers, data


class PeerTestCase(unittest.TestCase):
    peer = None

    def send(self, request, origin=ORIGIN, replace_body=None):
        """Sends a signed AWSRequest (with another body if given); (status, headers, body)."""
        headers = [*request.headers.items(), ("Origin", origin)]
        status, response_headers, body = self.peer.request("POST", "/", replace_body or request.body, headers)
        self.responses.append((status, response_headers))
        return status, response_headers, body

    def call(self, target, body, creds, **kwargs):
        return self.send(botocore_signed(self.peer, target, body, creds, **kwargs))

    def assertJson(self, answer, status, error_type=None):
        """Asserts an answer's status, JSON content type, and error type; its parsed body."""
        code, headers, body = answer
        self.assertEqual(code, status, body)
        self.assertEqual(headers["Content-Type"], JSON_TYPE)
        parsed = json.loads(body)
        if error_type:
            self.assertEqual(parsed["__type"], error_type)
            self.assertEqual(headers["x-amzn-ErrorType"], error_type)
        return parsed

    def assertRejected(self, answer, error_type, message):
        self.assertEqual(self.assertJson(answer, 400, error_type)["message"], message)

    def setUp(self):
        self.responses = []

    def tearDown(self):
        # Every response this test got, errors included: readable from another origin.
        for status, headers in self.responses:
            with self.subTest(status=status):
                self.assertEqual(headers["Access-Control-Allow-Origin"], ORIGIN)
                self.assertEqual(headers["Access-Control-Expose-Headers"], EXPOSED)
                self.assertEqual(headers.get_all("Date"), [headers["Date"]])
                self.assertTrue(re.fullmatch(r"\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT", headers["Date"]))
                uuid.UUID(headers["x-amzn-RequestId"])


def setUpModule():
    PeerTestCase.peer = Peer()


def tearDownModule():
    PeerTestCase.peer.stop()


class SignedRequests(PeerTestCase):
    def setUp(self):
        super().setUp()
        self.console = self.peer.creds["console"]
        self.pool_id = self.peer.cognito("CreateUserPool", {"PoolName": "signed"})["UserPool"]["Id"]

    def test_describe_update_list_with_temporary_credentials(self):
        described = self.assertJson(
            self.call("DescribeUserPool", {"UserPoolId": self.pool_id}, self.console), 200
        )
        self.assertEqual(described["UserPool"]["Id"], self.pool_id)
        self.assertEqual(described["UserPool"]["MfaConfiguration"], "OFF")

        update = {
            "UserPoolId": self.pool_id,
            "MfaConfiguration": "OPTIONAL",
            "AutoVerifiedAttributes": ["email"],
        }
        self.assertEqual(self.assertJson(self.call("UpdateUserPool", update, self.console), 200), {})
        described = self.peer.cognito("DescribeUserPool", {"UserPoolId": self.pool_id})["UserPool"]
        self.assertEqual(
            (described["MfaConfiguration"], described["AutoVerifiedAttributes"]), ("OPTIONAL", ["email"])
        )

        listed = self.assertJson(self.call("ListUserPools", {"MaxResults": 60}, self.console), 200)
        self.assertIn(self.pool_id, [pool["Id"] for pool in listed["UserPools"]])

    def test_the_admin_key_and_an_independent_signer_are_accepted(self):
        self.assertJson(
            self.call("DescribeUserPool", {"UserPoolId": self.pool_id}, self.peer.creds["admin"]), 200
        )
        for creds in (self.console, self.peer.creds["admin"]):
            headers, data = hand_signed(self.peer, "DescribeUserPool", {"UserPoolId": self.pool_id}, creds)
            answer = self.peer.request("POST", "/", data, [*headers.items(), ("Origin", ORIGIN)])
            self.responses.append(answer[:2])
            self.assertEqual(self.assertJson(answer, 200)["UserPool"]["Id"], self.pool_id)

    def test_tampering_is_an_invalid_signature(self):
        body = {"UserPoolId": self.pool_id}
        secret = self.console["secretAccessKey"]
        # The peer's secrets are random: swap the first character for one it is not.
        wrong_secret = dict(self.console, secretAccessKey=("y" if secret[0] == "x" else "x") + secret[1:])
        self.assertRejected(
            self.call("DescribeUserPool", body, wrong_secret), "InvalidSignatureException", BAD_SIGNATURE
        )

        request = botocore_signed(self.peer, "DescribeUserPool", body, self.console)
        auth = request.headers["Authorization"]
        flipped = auth[:-1] + ("0" if auth[-1] != "0" else "1")
        request.headers.replace_header("Authorization", flipped)
        self.assertRejected(self.send(request), "InvalidSignatureException", BAD_SIGNATURE)

        request = botocore_signed(self.peer, "DescribeUserPool", body, self.console)
        changed = json.dumps({"UserPoolId": self.pool_id + "x"}).encode()
        self.assertRejected(
            self.send(request, replace_body=changed), "InvalidSignatureException", BAD_SIGNATURE
        )

    def test_a_wrong_or_missing_session_token_is_unrecognized(self):
        body = {"UserPoolId": self.pool_id}
        wrong_token = dict(self.console, sessionToken=self.peer.creds["readonly"]["sessionToken"])
        self.assertRejected(
            self.call("DescribeUserPool", body, wrong_token), "UnrecognizedClientException", INVALID_TOKEN
        )
        no_token = dict(self.console, sessionToken=None)
        self.assertRejected(
            self.call("DescribeUserPool", body, no_token), "UnrecognizedClientException", INVALID_TOKEN
        )

    def test_the_clock_window_is_five_minutes(self):
        body = {"UserPoolId": self.pool_id}
        now = dt.datetime.now(dt.timezone.utc)
        stamp = r"\d{8}T\d{6}Z"
        late = now - dt.timedelta(minutes=6)
        answer = self.assertJson(
            self.call("DescribeUserPool", body, self.console, at=late), 400, "InvalidSignatureException"
        )
        self.assertRegex(
            answer["message"],
            rf"^Signature expired: {late:%Y%m%dT%H%M%SZ} is now earlier than {stamp} \({stamp} - 5 min\.\)$",
        )
        early = now + dt.timedelta(minutes=6)
        answer = self.assertJson(
            self.call("DescribeUserPool", body, self.console, at=early), 400, "InvalidSignatureException"
        )
        self.assertRegex(
            answer["message"],
            rf"^Signature not yet current: {early:%Y%m%dT%H%M%SZ} is still later than "
            rf"{stamp} \({stamp} \+ 5 min\.\)$",
        )
        within = now - dt.timedelta(minutes=4)
        self.assertJson(self.call("DescribeUserPool", body, self.console, at=within), 200)

    def test_readonly_role_may_describe_but_not_update(self):
        readonly = self.peer.creds["readonly"]
        self.assertJson(self.call("DescribeUserPool", {"UserPoolId": self.pool_id}, readonly), 200)
        answer = self.call("UpdateUserPool", {"UserPoolId": self.pool_id, "MfaConfiguration": "ON"}, readonly)
        self.assertRejected(
            answer,
            "AccessDeniedException",
            "User: arn:aws:sts::123456789012:assumed-role/peer-readonly/browser "
            "is not authorized to perform: cognito-idp:UpdateUserPool",
        )
        self.assertEqual(
            self.peer.cognito("DescribeUserPool", {"UserPoolId": self.pool_id})["UserPool"][
                "MfaConfiguration"
            ],
            "OFF",
        )

    def test_expired_credentials(self):
        status, short = self.peer.helper("/peer-api/credentials?duration=1&role=console")
        self.assertEqual(status, 200)
        self.assertRegex(short["expiration"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
        time.sleep(2)
        self.assertRejected(
            self.call("DescribeUserPool", {"UserPoolId": self.pool_id}, short),
            "ExpiredTokenException",
            "The security token included in the request is expired",
        )

    def test_unknown_pool(self):
        answer = self.call("DescribeUserPool", {"UserPoolId": "us-east-1_doesnotexist"}, self.console)
        self.assertEqual(answer[0], 400)
        self.assertEqual(answer[1]["x-amzn-ErrorType"], "ResourceNotFoundException")
        self.assertEqual(
            json.loads(answer[2]),
            {
                "__type": "ResourceNotFoundException",
                "message": "User pool us-east-1_doesnotexist does not exist.",
            },
        )

    def test_moto_failures_are_json_500s(self):
        answer = self.call("NoSuchOperation", {}, self.console)
        self.assertEqual(
            self.assertJson(answer, 500, "InternalErrorException")["message"],
            "moto raised NotImplementedError: The no_such_operation action has not been implemented",
        )
        # moto stores an update of the wrong type, then fails on every describe of the pool.
        broken = {"UserPoolId": self.pool_id, "Policies": {"PasswordPolicy": {"MinimumLength": "twelve"}}}
        self.assertEqual(self.assertJson(self.call("UpdateUserPool", broken, self.console), 200), {})
        answer = self.call("DescribeUserPool", {"UserPoolId": self.pool_id}, self.console)
        self.assertIn("ValueError", self.assertJson(answer, 500, "InternalErrorException")["message"])


class UnsignedRequests(PeerTestCase):
    def test_no_authorization(self):
        headers = [
            ("Content-Type", JSON_TYPE),
            ("X-Amz-Target", TARGET_PREFIX + "ListUserPools"),
            ("Origin", ORIGIN),
        ]
        answer = self.peer.request("POST", "/", b'{"MaxResults": 10}', headers)
        self.responses.append(answer[:2])
        self.assertRejected(answer, "MissingAuthenticationTokenException", "Missing Authentication Token")
        # moto's own unauthenticated API (reset, reset-auth) is out of reach too.
        answer = self.peer.request("POST", "/moto-api/reset", b"", [("Origin", ORIGIN)])
        self.responses.append(answer[:2])
        self.assertRejected(answer, "MissingAuthenticationTokenException", "Missing Authentication Token")

    def test_garbage_authorization(self):
        headers = [
            ("Authorization", "garbage"),
            ("X-Amz-Target", TARGET_PREFIX + "ListUserPools"),
            ("Origin", ORIGIN),
        ]
        answer = self.peer.request("POST", "/", b"{}", headers)
        self.responses.append(answer[:2])
        self.assertRejected(
            answer,
            "IncompleteSignatureException",
            "Authorization header requires 'Credential' parameter. "
            "Authorization header requires 'Signature' parameter. "
            "Authorization header requires 'SignedHeaders' parameter. "
            "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. "
            "Authorization=garbage",
        )
        partial = "AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20261122/us-east-1/cognito-idp/aws4_request"
        headers = [("Authorization", partial), ("X-Amz-Date", "20261122T000000Z"), *headers[1:]]
        answer = self.peer.request("POST", "/", b"{}", headers)
        self.responses.append(answer[:2])
        self.assertRejected(
            answer,
            "IncompleteSignatureException",
            "Authorization header requires 'Signature' parameter. "
            f"Authorization header requires 'SignedHeaders' parameter. Authorization={partial}",
        )

    def test_preflight(self):
        requested = "authorization,content-type,x-amz-date,x-amz-security-token,x-amz-target,x-amz-user-agent"
        status, headers, body = self.peer.request(
            "OPTIONS",
            "/",
            headers=[
                ("Origin", ORIGIN),
                ("Access-Control-Request-Method", "POST"),
                ("Access-Control-Request-Headers", requested),
            ],
        )
        self.responses.append((status, headers))
        self.assertEqual((status, body), (204, b""))
        self.assertEqual(headers["Access-Control-Allow-Headers"], requested)
        self.assertEqual(headers["Access-Control-Allow-Methods"], "POST, GET, OPTIONS")
        self.assertEqual(headers["Access-Control-Max-Age"], "600")
        self.assertEqual(headers["Vary"], "Origin")

    def test_any_origin_is_echoed_by_default(self):
        status, headers, _ = self.peer.request(
            "GET", "/peer-api/health", headers=[("Origin", "https://other.example")]
        )
        self.assertEqual(status, 200)
        self.assertEqual(headers["Access-Control-Allow-Origin"], "https://other.example")


class Helpers(PeerTestCase):
    def test_health(self):
        answer = self.peer.request("GET", "/peer-api/health", headers=[("Origin", ORIGIN)])
        self.responses.append(answer[:2])
        self.assertEqual((answer[0], answer[2]), (200, b"ok"))

    def test_cognito_round_trip(self):
        pool = self.peer.cognito("CreateUserPool", {"PoolName": "round-trip"})["UserPool"]
        template = {
            "EmailSubject": "Vérifiez votre adresse 📧",
            "EmailMessage": "Code {####}",
            "DefaultEmailOption": "CONFIRM_WITH_CODE",
        }
        update = {
            "UserPoolId": pool["Id"],
            "VerificationMessageTemplate": template,
            "DeletionProtection": "ACTIVE",
        }
        self.assertEqual(self.peer.cognito("UpdateUserPool", update), {})
        described = self.peer.cognito("DescribeUserPool", {"UserPoolId": pool["Id"]})["UserPool"]
        self.assertEqual(
            described["VerificationMessageTemplate"]["EmailSubject"], "Vérifiez votre adresse 📧"
        )
        self.assertEqual(described["DeletionProtection"], "ACTIVE")
        # What the admin changed is what the console's credentials read.
        answer = self.call("DescribeUserPool", {"UserPoolId": pool["Id"]}, self.peer.creds["console"])
        self.assertEqual(self.assertJson(answer, 200)["UserPool"], described)
        # moto's errors come back as they are.
        status, error = self.peer.helper(
            "/peer-api/cognito", {"target": "DescribeUserPool", "body": {"UserPoolId": "us-east-1_nope"}}
        )
        self.assertEqual((status, error["__type"]), (400, "ResourceNotFoundException"))
        status, error = self.peer.helper("/peer-api/cognito", {"body": {}})
        self.assertEqual((status, error["__type"]), (400, "PeerApiError"))

    def test_planned_faults_answer_the_next_calls_then_moto_again(self):
        console = self.peer.creds["console"]
        plan = {"target": "ListUserPools", "error": "TooManyRequestsException", "status": 400, "count": 2}
        self.assertEqual(self.peer.helper("/peer-api/faults", plan), (200, {}))
        for _ in range(2):
            self.assertRejected(
                self.call("ListUserPools", {"MaxResults": 60}, console),
                "TooManyRequestsException",
                "Injected by the test peer (TooManyRequestsException)",
            )
        self.assertJson(self.call("ListUserPools", {"MaxResults": 60}, console), 200)
        # Planned faults come after the clock and expiry checks, and a reset drops those left.
        self.peer.helper("/peer-api/faults", {**plan, "error": "InternalErrorException", "status": 500})
        late = dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=6)
        self.assertJson(self.call("ListUserPools", {}, console, at=late), 400, "InvalidSignatureException")
        self.assertJson(self.call("ListUserPools", {}, console), 500, "InternalErrorException")
        self.peer.helper("/peer-api/reset-cognito")
        self.assertJson(self.call("ListUserPools", {"MaxResults": 60}, console), 200)
        status, body = self.peer.helper("/peer-api/faults", {"target": "ListUserPools"})
        self.assertEqual((status, body["__type"]), (400, "PeerApiError"))

    def test_reset_cognito_keeps_the_credentials(self):
        self.peer.cognito("CreateUserPool", {"PoolName": "doomed"})
        self.assertNotEqual(self.peer.cognito("ListUserPools", {"MaxResults": 60})["UserPools"], [])
        self.assertEqual(self.peer.helper("/peer-api/reset-cognito"), (200, {}))
        self.assertEqual(self.peer.cognito("ListUserPools", {"MaxResults": 60})["UserPools"], [])
        answer = self.call("ListUserPools", {"MaxResults": 60}, self.peer.creds["console"])
        self.assertEqual(self.assertJson(answer, 200), {"UserPools": []})

    def test_minted_credentials(self):
        status, readonly = self.peer.helper("/peer-api/credentials?role=readonly&duration=900")
        self.assertEqual(status, 200)
        self.assertEqual(sorted(readonly), ["accessKeyId", "expiration", "secretAccessKey", "sessionToken"])
        self.assertNotEqual(readonly["accessKeyId"], self.peer.creds["readonly"]["accessKeyId"])
        self.assertJson(self.call("ListUserPools", {"MaxResults": 1}, readonly), 200)
        answer = self.call("DeleteUserPool", {"UserPoolId": "us-east-1_any"}, readonly)
        self.assertJson(answer, 400, "AccessDeniedException")
        for query in ("role=admin", "duration=0", "duration=soon"):
            with self.subTest(query=query):
                self.assertEqual(self.peer.helper("/peer-api/credentials?" + query)[0], 400)


class Options(unittest.TestCase):
    """Peers with --allow-origin, --max-skew 0 and --seed, stopped with SIGTERM."""

    def test_allowed_origins_no_clock_window_and_sigterm(self):
        peer = Peer("--allow-origin", ORIGIN, "--max-skew", "0")
        try:
            preflight = [("Access-Control-Request-Method", "POST")]
            status, headers, _ = peer.request("OPTIONS", "/", headers=[("Origin", ORIGIN), *preflight])
            self.assertEqual((status, headers["Access-Control-Allow-Origin"]), (204, ORIGIN))
            status, headers, _ = peer.request(
                "OPTIONS", "/", headers=[("Origin", "http://evil.example"), *preflight]
            )
            self.assertEqual(status, 403)
            self.assertNotIn("Access-Control-Allow-Origin", headers)

            long_ago = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=1)
            request = botocore_signed(
                peer, "ListUserPools", {"MaxResults": 1}, peer.creds["console"], at=long_ago
            )
            status, _, body = peer.request("POST", "/", request.body, request.headers.items())
            self.assertEqual(status, 200, body)
        finally:
            exit_status = peer.stop()
        self.assertEqual(exit_status, 0)
        with self.assertRaises(ConnectionRefusedError):
            peer.request("GET", "/peer-api/health")

    def test_a_peer_restarted_with_the_same_seed_accepts_the_same_credentials(self):
        first = Peer("--seed", "7")
        first.stop()
        second = Peer("--seed", "7", "--port", str(first.port))
        try:
            self.assertEqual(second.port, first.port)
            for role in ("console", "readonly"):
                self.assertEqual(second.creds[role]["sessionToken"], first.creds[role]["sessionToken"])
            self.assertEqual(second.creds["admin"], first.creds["admin"])
            request = botocore_signed(second, "ListUserPools", {"MaxResults": 1}, first.creds["console"])
            status, _, body = second.request("POST", "/", request.body, request.headers.items())
            self.assertEqual((status, json.loads(body)), (200, {"UserPools": []}))
        finally:
            second.stop()
        third = Peer("--seed", "8")
        third.stop()
        self.assertNotEqual(third.creds["console"]["accessKeyId"], first.creds["console"]["accessKeyId"])


if __name__ == "__main__":
    unittest.main()
