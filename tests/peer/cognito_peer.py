#!/usr/bin/env python3
"""The local Cognito (cognito-idp) peer of the end-to-end tests.

moto 5.2.5 runs in this process (its own DomainDispatcherApplication, served threaded by
Werkzeug like `moto_server`), with SigV4 verification on from the very first request, behind a
small WSGI middleware that makes it answer a browser the way the real endpoint does:

- CORS: preflights are answered here (moto would route them to S3 and fail); every response,
  errors and 500s included, carries Access-Control-Allow-Origin and exposes Date and x-amzn-*;
- every response has a Date (added by http.server) and an x-amzn-RequestId;
- checks moto lacks: the X-Amz-Date clock window (--max-skew), expiry of the temporary
  credentials minted here, a missing or malformed Authorization header (moto answers 500);
- moto's XML 403 auth errors become AWS-shaped JSON 400s, an empty 200 becomes `{}`, and any
  500 becomes a JSON InternalErrorException;
- test helpers under /peer-api/ (no auth): mint credentials, drop every user pool, run any
  cognito-idp operation as the admin.

Run (from the repository root, after tools/setup.sh):
    tools/venv/bin/python tests/peer/cognito_peer.py --port 4566 --creds-out target/peer-creds.json
It prints one line `cognito_peer READY {"endpoint": ..., "pid": ...}` once it listens (on
127.0.0.1 only) and stops cleanly on SIGTERM or SIGINT.

This file uses moto internals (settings, the IAM/STS/cognito-idp backends, the server's WSGI
app and request handler, ActionAuthenticatorMixin.PUBLIC_OPERATIONS, mock_random). They are those of moto
5.2.5 exactly, which tests/peer/requirements.txt pins.
"""

import argparse
import base64
import datetime as dt
import json
import os
import re
import signal
import sys
import threading
import traceback
import uuid
import xml.etree.ElementTree as ET
from http import HTTPStatus
from urllib.parse import parse_qs

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from moto import settings
from moto.cognitoidp.models import cognitoidp_backends
from moto.core import DEFAULT_ACCOUNT_ID
from moto.core.authorization import ActionAuthenticatorMixin
from moto.iam.models import iam_backends
from moto.moto_api._internal import mock_random
from moto.moto_server.werkzeug_app import (
    DomainDispatcherApplication,
    MotoRequestHandler,
    create_backend_app,
)
from moto.sts.models import sts_backends
from moto.sts.utils import SESSION_TOKEN_PREFIX
from werkzeug.serving import make_server
from werkzeug.test import EnvironBuilder

REGION = "us-east-1"
JSON_TYPE = "application/x-amz-json-1.1"
TARGET_PREFIX = "AWSCognitoIdentityProviderService."
EXPOSE_HEADERS = "x-amzn-RequestId, x-amzn-ErrorType, x-amzn-ErrorMessage, Date"
AMZ_DATE = "%Y%m%dT%H%M%SZ"
# moto's XML 403 error codes and the JSON error types the real endpoint answers with (HTTP 400).
AUTH_ERRORS = {
    "SignatureDoesNotMatch": "InvalidSignatureException",
    "InvalidClientTokenId": "UnrecognizedClientException",
    "AccessDenied": "AccessDeniedException",
}
# The roles tests sign with, and the cognito-idp actions each may call.
ROLES = {
    "console": ["cognito-idp:*"],
    "readonly": ["cognito-idp:DescribeUserPool", "cognito-idp:ListUserPools"],
}
# Headers of moto's responses that the middleware sets itself or drops. http.server adds Date and
# Server to every response: a second Date from moto would make the header unparseable. moto's own
# request ids are not UUIDs.
REPLACED_HEADERS = {"content-length", "date", "server", "vary", "x-amzn-requestid"}


def utc_now():
    return dt.datetime.now(dt.timezone.utc)


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def amz(moment):
    return moment.strftime(AMZ_DATE)


def policy(actions, principal=None):
    statement = {"Effect": "Allow", "Action": actions}
    if principal:
        statement["Principal"] = {"AWS": principal}
    else:
        statement["Resource"] = "*"
    return json.dumps({"Version": "2012-10-17", "Statement": [statement]})


def response(status, body, content_type=JSON_TYPE, headers=()):
    """(status code, headers, body bytes) with a JSON or text body."""
    if not isinstance(body, bytes):
        body = json.dumps(body).encode()
    return status, [("Content-Type", content_type), *headers], body


def aws_error(error_type, message, status=400):
    """An error as AWS's JSON protocol has it."""
    return response(
        status, {"__type": error_type, "message": message}, headers=[("x-amzn-ErrorType", error_type)]
    )


class Identities:
    """The admin IAM user, the two roles, and the STS sessions minted for them (in moto)."""

    def __init__(self):
        iam = iam_backends[DEFAULT_ACCOUNT_ID]["aws"]
        user = iam.create_user(REGION, "peer-admin")
        iam.put_user_policy(user.name, "allow-all", policy(["*"]))
        key = iam.create_access_key(user.name)
        self.admin = {"accessKeyId": key.access_key_id, "secretAccessKey": key.secret_access_key}
        self.role_arns = {}
        for name, actions in ROLES.items():
            trust = policy(["sts:AssumeRole"], principal=user.arn)
            role = iam.create_role(f"peer-{name}", trust, "/", None, "", [], None)
            iam.put_role_policy(role.name, "cognito-idp", policy(actions))
            self.role_arns[name] = role.arn
        # access key id -> (session token, expiry) of every session minted here: moto records an
        # expiration but never checks it.
        self.sessions = {}
        self.lock = threading.Lock()

    def mint(self, role, duration):
        session = sts_backends[DEFAULT_ACCOUNT_ID]["aws"].assume_role(
            region_name=REGION,
            role_session_name="browser",
            role_arn=self.role_arns[role],
            policy=None,
            duration=duration,
            external_id=None,
        )
        # moto draws session tokens from os.urandom: drawn from its seedable random instead, the
        # tokens are reproducible with --seed like everything else.
        token = base64.b64encode(mock_random.randbytes(266)).decode()
        session.session_token = SESSION_TOKEN_PREFIX + token[len(SESSION_TOKEN_PREFIX) :]
        # Rounded up to the second the JSON shows: the credentials live at least `duration` s.
        expires = utc_now() + dt.timedelta(seconds=duration)
        expires = expires.replace(microsecond=0) + dt.timedelta(seconds=bool(expires.microsecond))
        with self.lock:
            self.sessions[session.access_key_id] = (session.session_token, expires)
        return {
            "accessKeyId": session.access_key_id,
            "secretAccessKey": session.secret_access_key,
            "sessionToken": session.session_token,
            "expiration": iso(expires),
        }

    def expired(self, access_key_id, token):
        with self.lock:
            known_token, expires = self.sessions.get(access_key_id, (None, None))
        return known_token is not None and token == known_token and utc_now() >= expires


class Peer:
    """The WSGI middleware in front of moto's app."""

    def __init__(self, identities, allow_origins, max_skew):
        self.moto_app = DomainDispatcherApplication(create_backend_app)
        self.identities = identities
        self.allow_origins = set(allow_origins or ())
        self.max_skew = max_skew
        self.endpoint = None  # set once the port is known
        # Errors to answer instead of moto, per operation: [error type, HTTP status, count left].
        # Set through /peer-api/faults, to show the console's retries on throttling and 5xx.
        self.faults = {}
        self.faults_lock = threading.Lock()

    def __call__(self, environ, start_response):
        origin = environ.get("HTTP_ORIGIN")
        allowed = origin is not None and (not self.allow_origins or origin in self.allow_origins)
        path = environ.get("PATH_INFO", "")
        if environ["REQUEST_METHOD"] == "OPTIONS":
            status, headers, body = self.preflight(environ, allowed)
        elif path.startswith("/peer-api/"):
            status, headers, body = self.helper(environ, path)
        else:
            status, headers, body = self.aws(environ)

        headers.append(("x-amzn-RequestId", str(uuid.uuid4())))
        if status != 204:  # a 204 must not have a Content-Length
            headers.append(("Content-Length", str(len(body))))
        headers.append(("Vary", "Origin"))
        if allowed:
            headers.append(("Access-Control-Allow-Origin", origin))
        headers.append(("Access-Control-Expose-Headers", EXPOSE_HEADERS))
        start_response(f"{status} {HTTPStatus(status).phrase}", headers)
        return [body]

    def preflight(self, environ, allowed):
        if not allowed:
            return response(403, b"origin not allowed", "text/plain; charset=utf-8")
        headers = [
            ("Access-Control-Allow-Methods", "POST, GET, OPTIONS"),
            ("Access-Control-Max-Age", "600"),
        ]
        requested = environ.get("HTTP_ACCESS_CONTROL_REQUEST_HEADERS")
        if requested:
            headers.append(("Access-Control-Allow-Headers", requested))
        return 204, headers, b""

    # --- AWS requests ---------------------------------------------------------------------------

    def aws(self, environ):
        auth = environ.get("HTTP_AUTHORIZATION")
        if auth is None:
            # moto lets its public operations (SignUp, InitiateAuth, ...) through unsigned. This
            # also keeps moto's unauthenticated /moto-api/ (reset, reset-auth) out of reach.
            if environ.get("HTTP_X_AMZ_TARGET") in ActionAuthenticatorMixin.PUBLIC_OPERATIONS:
                return self.moto(environ)
            return aws_error("MissingAuthenticationTokenException", "Missing Authentication Token")
        rejection = self.check_signed(environ, auth)
        return rejection or self.injected_fault(environ) or self.moto(environ)

    def injected_fault(self, environ):
        """The next planned error for this operation, if one is left (see /peer-api/faults).
        Planned errors answer requests that passed the clock, expiry and form checks above, before
        moto checks the signature itself: they stand for AWS's throttling and outages."""
        operation = environ.get("HTTP_X_AMZ_TARGET", "").rpartition(".")[2]
        with self.faults_lock:
            fault = self.faults.get(operation)
            if not fault or fault[2] <= 0:
                return None
            fault[2] -= 1
            error_type, status = fault[0], fault[1]
        return aws_error(error_type, f"Injected by the test peer ({error_type})", status=status)

    def check_signed(self, environ, auth):
        """What AWS rejects before checking the signature itself and moto does not (or 500s on)."""
        params = dict(re.findall(r"(Credential|SignedHeaders|Signature)=([^,\s]+)", auth))
        amz_date = environ.get("HTTP_X_AMZ_DATE")
        problems = [
            f"Authorization header requires '{name}' parameter."
            for name in ("Credential", "Signature", "SignedHeaders")
            if name not in params
        ]
        if amz_date is None:  # AWS also takes a Date header; moto does not (KeyError, 500)
            problems.append(
                "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."
            )
        if problems or not auth.startswith("AWS4-HMAC-SHA256 "):
            return aws_error("IncompleteSignatureException", " ".join([*problems, f"Authorization={auth}"]))
        try:
            signed_at = dt.datetime.strptime(amz_date, AMZ_DATE).replace(tzinfo=dt.timezone.utc)
        except ValueError:
            message = f"Date must be in ISO-8601 'basic format'. Got '{amz_date}'."
            return aws_error("IncompleteSignatureException", message)

        if self.max_skew:
            now = utc_now().replace(microsecond=0)
            skew = dt.timedelta(seconds=self.max_skew)
            window = f"{self.max_skew // 60} min." if self.max_skew % 60 == 0 else f"{self.max_skew} s."
            if signed_at < now - skew:
                message = f"{amz_date} is now earlier than {amz(now - skew)} ({amz(now)} - {window})"
                return aws_error("InvalidSignatureException", "Signature expired: " + message)
            if signed_at > now + skew:
                message = f"{amz_date} is still later than {amz(now + skew)} ({amz(now)} + {window})"
                return aws_error("InvalidSignatureException", "Signature not yet current: " + message)

        access_key_id = params["Credential"].split("/")[0]
        if self.identities.expired(access_key_id, environ.get("HTTP_X_AMZ_SECURITY_TOKEN")):
            return aws_error("ExpiredTokenException", "The security token included in the request is expired")
        return None

    def moto(self, environ):
        """Runs moto's app on `environ`; its answer, reshaped the way the real endpoint answers."""
        captured = []

        def start_response(status, headers, exc_info=None):
            captured[:] = [status, headers]

        try:
            result = self.moto_app(environ, start_response)
            try:
                body = b"".join(result)
            finally:
                if hasattr(result, "close"):
                    result.close()
        except Exception as exc:
            # moto's Flask apps run in debug mode and let exceptions out (an unknown operation, a
            # wrong Content-Type, a pool an invalid update broke); moto_server's Werkzeug turns
            # them into an HTML 500 page without CORS headers.
            traceback.print_exc()
            return aws_error("InternalErrorException", f"moto raised {type(exc).__name__}: {exc}", status=500)
        status = int(captured[0].split()[0])
        # moto's flask-cors headers are replaced by ours, like the ones listed.
        headers = [
            (name, value)
            for name, value in captured[1]
            if name.lower() not in REPLACED_HEADERS and not name.lower().startswith("access-control-")
        ]

        if status == 403 and body.lstrip().startswith(b"<"):
            try:
                xml = ET.fromstring(body)
                code, message = xml.findtext(".//Code"), xml.findtext(".//Message")
            except ET.ParseError:
                code = message = None
            if code in AUTH_ERRORS:
                return aws_error(AUTH_ERRORS[code], message)
        if status == 200 and not body and "HTTP_X_AMZ_TARGET" in environ:
            # moto answers operations without output (UpdateUserPool) with an empty text/html
            # body; the JSON protocol's empty output is `{}`.
            return response(200, b"{}")
        return status, headers, body

    # --- /peer-api/ -----------------------------------------------------------------------------

    def helper(self, environ, path):
        """The test helpers, without authentication:
        GET  /peer-api/health                                   200 `ok`
        POST /peer-api/credentials?role=console|readonly&duration=S    fresh temporary credentials
        POST /peer-api/reset-cognito                            drops every user pool, 200 `{}`
        POST /peer-api/cognito {"target": Op, "body": {...}[, "region": R]}   Op as the admin
        POST /peer-api/faults {"target": Op, "error": T, "status": N, "count": C}
                                                                the next C signed Op calls get error
                                                                T with HTTP status N, 200 `{}`
        """
        method = environ["REQUEST_METHOD"]
        if path == "/peer-api/health":
            if method != "GET":
                return aws_error("PeerApiError", "use GET", status=405)
            return response(200, b"ok", "text/plain; charset=utf-8")
        if path not in ("/peer-api/credentials", "/peer-api/reset-cognito", "/peer-api/cognito", "/peer-api/faults"):
            return aws_error("PeerApiError", f"no helper {path}", status=404)
        if method != "POST":
            return aws_error("PeerApiError", "use POST", status=405)

        if path == "/peer-api/credentials":
            query = parse_qs(environ.get("QUERY_STRING", ""))
            role = query.get("role", ["console"])[0]
            duration = query.get("duration", ["3600"])[0]
            if role not in ROLES:
                return aws_error("PeerApiError", f"role must be one of {sorted(ROLES)}")
            if not duration.isdigit() or not 1 <= int(duration) <= 43200:
                return aws_error("PeerApiError", "duration must be 1 to 43200 seconds")
            return response(200, self.identities.mint(role, int(duration)))

        if path == "/peer-api/reset-cognito":
            # Every account's and region's cognito-idp backend; IAM and STS stay as they are.
            for account_backends in cognitoidp_backends.values():
                account_backends.reset()
            with self.faults_lock:
                self.faults.clear()
            return response(200, {})

        length = int(environ.get("CONTENT_LENGTH") or 0)
        if path == "/peer-api/faults":
            try:
                plan = json.loads(environ["wsgi.input"].read(length))
                fault = [str(plan["error"]), int(plan.get("status", 400)), int(plan.get("count", 1))]
                target = str(plan["target"])
                HTTPStatus(fault[1])
            except (ValueError, KeyError, TypeError) as exc:
                return aws_error("PeerApiError", f'expected {{"target", "error", "status", "count"}}: {exc!r}')
            with self.faults_lock:
                self.faults[target] = fault
            return response(200, {})
        try:
            call = json.loads(environ["wsgi.input"].read(length))
            target, body = call["target"], call.get("body", {})
            region = call.get("region", REGION)
        except (ValueError, KeyError, TypeError) as exc:
            return aws_error("PeerApiError", f'expected {{"target": ..., "body": {{...}}}}: {exc!r}')
        return self.as_admin(target, body, region)

    def as_admin(self, target, body, region):
        """Runs one cognito-idp operation through moto, signed with the admin's key."""
        data = json.dumps(body).encode()
        request = AWSRequest(
            "POST",
            self.endpoint + "/",
            data=data,
            headers={"Content-Type": JSON_TYPE, "X-Amz-Target": TARGET_PREFIX + target},
        )
        admin = Credentials(self.identities.admin["accessKeyId"], self.identities.admin["secretAccessKey"])
        SigV4Auth(admin, "cognito-idp", region).add_auth(request)
        environ = EnvironBuilder(
            method="POST", base_url=self.endpoint, path="/", headers=list(request.headers.items()), data=data
        ).get_environ()
        return self.moto(environ)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=4566, help="0 picks a free port (default 4566)")
    parser.add_argument("--creds-out", help="write the endpoint and credentials to this JSON file")
    parser.add_argument(
        "--allow-origin",
        action="append",
        metavar="ORIGIN",
        help="a CORS origin to allow (repeat for more); default: any origin, echoed",
    )
    parser.add_argument(
        "--max-skew", type=int, default=300, help="seconds X-Amz-Date may be off (default 300; 0: no check)"
    )
    parser.add_argument(
        "--seed",
        type=int,
        help="seed moto's random numbers: the same seed gives the same keys, secrets and tokens (and "
        "pool ids), so a peer restarted with it accepts the credentials of the one before",
    )
    args = parser.parse_args()

    # Verify every request's signature, from the first one on (moto's default is never).
    settings.INITIAL_NO_AUTH_ACTION_COUNT = 0
    if args.seed is not None:
        mock_random.seed(args.seed)
    identities = Identities()
    creds = {role: identities.mint(role, 12 * 3600) for role in ROLES}
    peer = Peer(identities, args.allow_origin, args.max_skew)
    server = make_server("127.0.0.1", args.port, peer, threaded=True, request_handler=MotoRequestHandler)
    peer.endpoint = f"http://127.0.0.1:{server.server_port}"
    if args.creds_out:
        document = {"endpoint": peer.endpoint, "region": REGION, **creds, "admin": identities.admin}
        os.makedirs(os.path.dirname(os.path.abspath(args.creds_out)), exist_ok=True)
        partial = args.creds_out + ".partial"
        with open(partial, "w", encoding="utf-8") as file:
            json.dump(document, file, indent=2)
        os.replace(partial, args.creds_out)  # readers never see half a file

    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    serving = threading.Thread(target=server.serve_forever, name="serve")
    serving.start()
    print("cognito_peer READY " + json.dumps({"endpoint": peer.endpoint, "pid": os.getpid()}), flush=True)
    stop.wait()
    server.shutdown()
    serving.join()
    server.server_close()
    print("cognito_peer stopped", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
