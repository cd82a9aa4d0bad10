"""A small OIDC issuer for tests, served in-process on a free loopback port.

It publishes a discovery document and an RSA key (JWKS) and issues RS256-signed JWT access tokens
at ``/token`` for the ``client_credentials``, ``password`` and ``refresh_token`` grants, with a
configurable short lifetime. It counts the tokens issued per grant and can be switched to fail.

Example:
    >>> with OIDCIssuer(client_id="weaviate", client_secret="s3cret", token_lifetime=4) as issuer:
    ...     issuer.url, issuer.counts["client_credentials"]
"""

from __future__ import annotations

import base64
import json
import secrets
import threading
import time
import urllib.parse
from collections import Counter
from collections.abc import Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

__all__ = ["OIDCIssuer"]


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _int_b64url(value: int) -> str:
    return _b64url(value.to_bytes((value.bit_length() + 7) // 8, "big"))


class OIDCIssuer:
    """An OIDC issuer on ``http://127.0.0.1:<free port>``.

    Attributes:
        client_id: the client every token is issued to (``aud`` and ``azp``).
        client_secret: the secret of the client-credentials grant.
        users: usernames and passwords for the password grant.
        token_lifetime: seconds an access token lives (``expires_in``; ``exp`` = ``iat`` + this).
        counts: tokens issued per grant (``client_credentials``, ``password``, ``refresh_token``)
            and refused requests (``refused``).
        requests: the form of each token request, secrets removed.
        fail_status: when not None, ``/token`` answers this status with ``fail_error``.
    """

    def __init__(
        self,
        *,
        client_id: str = "weaviate-test",
        client_secret: str = "issuer-client-secret",
        users: Mapping[str, str] | None = None,
        token_lifetime: float = 4,
        groups: tuple[str, ...] = ("testers",),
        rotate_refresh_tokens: bool = True,
    ) -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.users = dict(users or {})
        self.token_lifetime = token_lifetime
        self.groups = list(groups)
        self.rotate_refresh_tokens = rotate_refresh_tokens
        self.counts: Counter[str] = Counter()
        self.requests: list[dict[str, str]] = []
        self.fail_status: int | None = None
        self.fail_error = "temporarily_unavailable"
        self.fail_description = "the test issuer is switched to failing"
        self.delay = 0.0
        self._refresh_tokens: dict[str, dict[str, str]] = {}
        self._lock = threading.Lock()
        self._key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self._kid = secrets.token_hex(8)
        self._server: ThreadingHTTPServer | None = None
        self._port: int | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle

    @property
    def port(self) -> int:
        """The port it listens on."""
        assert self._port is not None, "the issuer is not started"
        return self._port

    @property
    def url(self) -> str:
        """The issuer URL (``iss``), without a trailing slash."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def discovery_url(self) -> str:
        """The URL of the discovery document."""
        return self.url + "/.well-known/openid-configuration"

    def start(self) -> OIDCIssuer:
        """Listen on a free loopback port, serving from a daemon thread."""
        issuer = self

        class Handler(_Handler):
            owner = issuer

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._port = int(self._server.server_address[1])
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="oidc-issuer", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> OIDCIssuer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- controls

    def fail(self, status: int = 503, error: str = "temporarily_unavailable") -> None:
        """Make ``/token`` answer ``status`` with an OAuth ``error`` until :meth:`recover`."""
        with self._lock:
            self.fail_status = status
            self.fail_error = error

    def recover(self) -> None:
        """Make ``/token`` work again."""
        with self._lock:
            self.fail_status = None

    def reset_counts(self) -> None:
        """Forget the counts and recorded requests."""
        with self._lock:
            self.counts.clear()
            self.requests.clear()

    # -- tokens

    def issue_access_token(self, sub: str, *, lifetime: float | None = None, **claims: Any) -> str:
        """A signed access token for ``sub`` (usable directly as a bearer token)."""
        now = int(time.time())
        life = self.token_lifetime if lifetime is None else lifetime
        body = {
            "iss": self.url,
            "aud": self.client_id,
            "azp": self.client_id,
            "sub": sub,
            "preferred_username": sub,
            "email": f"{sub}@example.test",
            "groups": self.groups,
            "iat": now,
            "exp": now + int(life),
            "jti": secrets.token_hex(8),
            **claims,
        }
        return self._sign(body)

    def _sign(self, claims: Mapping[str, Any]) -> str:
        header = {"alg": "RS256", "typ": "JWT", "kid": self._kid}
        signing_input = (
            _b64url(json.dumps(header, separators=(",", ":")).encode())
            + "."
            + _b64url(json.dumps(claims, separators=(",", ":")).encode())
        )
        signature = self._key.sign(signing_input.encode(), padding.PKCS1v15(), hashes.SHA256())
        return signing_input + "." + _b64url(signature)

    def jwks(self) -> dict[str, Any]:
        """The public key as a JWK set."""
        numbers = self._key.public_key().public_numbers()
        return {
            "keys": [
                {
                    "kty": "RSA",
                    "use": "sig",
                    "alg": "RS256",
                    "kid": self._kid,
                    "n": _int_b64url(numbers.n),
                    "e": _int_b64url(numbers.e),
                }
            ]
        }

    def discovery(self) -> dict[str, Any]:
        """The discovery document."""
        return {
            "issuer": self.url,
            "authorization_endpoint": self.url + "/authorize",
            "token_endpoint": self.url + "/token",
            "jwks_uri": self.url + "/jwks",
            "response_types_supported": ["code", "token"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "grant_types_supported": ["client_credentials", "password", "refresh_token"],
            "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"],
            "scopes_supported": ["openid", "email", "profile", "offline_access"],
        }

    def token(self, form: Mapping[str, str], basic: tuple[str, str] | None) -> tuple[int, Any]:
        """Answer a token request: (status, JSON body)."""
        if self.delay:
            time.sleep(self.delay)
        recorded = {
            k: v for k, v in form.items() if k not in ("client_secret", "password", "refresh_token")
        }
        with self._lock:
            self.requests.append(recorded)
            if self.fail_status is not None:
                self.counts["refused"] += 1
                return self.fail_status, {
                    "error": self.fail_error,
                    "error_description": self.fail_description,
                }
        client_id = form.get("client_id", "")
        client_secret = form.get("client_secret")
        if basic is not None:
            client_id, client_secret = basic
        if client_id != self.client_id:
            return self._refuse(401, "invalid_client", "unknown client")
        grant = form.get("grant_type", "")
        scope = form.get("scope", "")
        if grant == "client_credentials":
            if client_secret != self.client_secret:
                return self._refuse(401, "invalid_client", "client authentication failed")
            sub = f"service-account-{client_id}"
        elif grant == "password":
            username = form.get("username", "")
            if username not in self.users or self.users[username] != form.get("password"):
                return self._refuse(400, "invalid_grant", "invalid user credentials")
            sub = username
        elif grant == "refresh_token":
            if client_secret is not None and client_secret != self.client_secret:
                return self._refuse(401, "invalid_client", "client authentication failed")
            with self._lock:
                grant_info = self._refresh_tokens.get(form.get("refresh_token", ""))
                if grant_info is not None and self.rotate_refresh_tokens:
                    del self._refresh_tokens[form.get("refresh_token", "")]
            if grant_info is None:
                return self._refuse(400, "invalid_grant", "refresh token is not active")
            sub, scope = grant_info["sub"], grant_info["scope"]
        else:
            return self._refuse(400, "unsupported_grant_type", f"grant {grant!r} is not supported")

        answer: dict[str, Any] = {
            "access_token": self.issue_access_token(sub, scope=scope),
            "token_type": "Bearer",
            "expires_in": int(self.token_lifetime),
            "scope": scope,
        }
        # Like common issuers: a refresh token for the password grant, and whenever
        # offline_access is asked for; refresh grants hand out a new one.
        wants_refresh = grant == "password" or "offline_access" in scope.split()
        if grant == "refresh_token" and not self.rotate_refresh_tokens:
            wants_refresh = False
        if wants_refresh:
            refresh = secrets.token_urlsafe(24)
            with self._lock:
                self._refresh_tokens[refresh] = {"sub": sub, "scope": scope}
            answer["refresh_token"] = refresh
        with self._lock:
            self.counts[grant] += 1
        return 200, answer

    def _refuse(self, status: int, error: str, description: str) -> tuple[int, Any]:
        with self._lock:
            self.counts["refused"] += 1
        return status, {"error": error, "error_description": description}


class _Handler(BaseHTTPRequestHandler):
    owner: OIDCIssuer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet

    def _send(self, status: int, body: Any) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        path = urllib.parse.urlsplit(self.path).path
        if path == "/.well-known/openid-configuration":
            self._send(200, self.owner.discovery())
        elif path == "/jwks":
            self._send(200, self.owner.jwks())
        else:
            self._send(404, {"error": "not_found"})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode()
        path = urllib.parse.urlsplit(self.path).path
        if path != "/token":
            self._send(404, {"error": "not_found"})
            return
        form = dict(urllib.parse.parse_qsl(raw, keep_blank_values=True))
        basic: tuple[str, str] | None = None
        auth = self.headers.get("Authorization", "")
        if auth.lower().startswith("basic "):
            decoded = base64.b64decode(auth[6:]).decode()
            user, _, password = decoded.partition(":")
            basic = (urllib.parse.unquote(user), urllib.parse.unquote(password))
        status, body = self.owner.token(form, basic)
        self._send(status, body)
