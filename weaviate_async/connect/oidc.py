"""OIDC tokens: obtaining them from the issuer Weaviate trusts, and keeping them fresh.

The connection asks the server for its OIDC configuration (``/v1/.well-known/openid-configuration``:
the issuer's discovery URL, the client id and the default scopes) and hands it with the
credentials to :func:`create_token_provider`. The :class:`TokenProvider` it returns

* discovers the issuer's token endpoint from the discovery document,
* obtains tokens with the client-credentials grant (:class:`~weaviate_async.auth.Auth`
  ``.client_credentials``), the resource-owner password grant (``.client_password``) or starts
  from a given access token (``.bearer_token``),
* refreshes them in the background, in an asyncio task it owns, shortly before they expire: with
  the refresh-token grant when the issuer gave a refresh token, else by repeating the
  client-credentials grant,
* hands out ``"Bearer <access token>"`` from :meth:`TokenProvider.authorization`, which every REST
  request and gRPC call awaits.

Failures never hang and never leak secrets: a failed refresh is retried in the background while
the current token is still valid; once it is not, :meth:`TokenProvider.authorization` tries one
refresh bounded by the timeout and raises :class:`~weaviate_async.exceptions.AuthenticationFailedError`
with the issuer's error text if that fails too. Client secrets, passwords and tokens are never
part of an exception message, a ``repr`` or a log line.

Scopes follow the official client: the server's default scopes followed by the given ones; for
the password flow the given scope defaults to ``offline_access`` (so that the issuer hands out a
refresh token); for the client-credentials flow nothing is added, and an empty scope list is an
error except on Azure AD (``<client id>/.default``).
"""

from __future__ import annotations

import asyncio
import base64
import functools
import logging
import math
import ssl as _ssl
import time
import warnings
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

import attrs
import orjson

from weaviate_async.connect._secrets import Secret, hide
from weaviate_async.connect.auth import (
    AuthCredentials,
    _APIKey,
    _BearerToken,
    _ClientCredentials,
    _ClientPassword,
)
from weaviate_async.exceptions import (
    AuthenticationFailedError,
    MissingScopeError,
    ResponseCannotBeDecodedError,
)

if TYPE_CHECKING:
    import aiohttp

    from weaviate_async.connect._rest import RestTransport
    from weaviate_async.connect.params import AdditionalConfig

__all__ = [
    "TokenProvider",
    "create_token_provider",
    "discover_token_provider",
    "redact",
    "refresh_delay",
    "resolve_scopes",
    "stale_margin",
]

logger = logging.getLogger("weaviate_async.oidc")


def _no_refresh_token(detail: str) -> None:
    """The official client's warning (a UserWarning) for tokens that cannot be renewed."""
    warnings.warn(
        f"the identity provider gave no refresh token ({detail}): once the token expires, calls "
        "fail with AuthenticationFailedError. Enable refresh tokens at the provider, or ask for "
        'a scope that grants them (often "offline_access")',
        UserWarning,
        stacklevel=3,
    )


GrantKind = Literal["client_credentials", "password", "refresh_token"]
Clock = Callable[[], float]

_AZURE_PREFIX = "https://login.microsoftonline.com"
_MAX_ISSUER_TEXT = 300
# After a failed refresh of an expired token, authorization() re-raises that failure for this
# long instead of asking the issuer again on every call.
_FAILURE_HOLD = 1.0
_MIN_RETRY = 0.5
_MAX_RETRY = 30.0
_FORM_HEADERS = {
    "Content-Type": "application/x-www-form-urlencoded",
    "Accept": "application/json",
}


# --------------------------------------------------------------------------- pure helpers


def refresh_delay(expires_in: float) -> float:
    """Seconds after issuance at which a token living ``expires_in`` seconds is refreshed.

    85% of the lifetime, but at least 1.5 s before expiry, and never before half of it: 51 s for
    a 60 s token, 3060 s for an hour, 2.5 s for a 4 s token.
    """
    if expires_in <= 0:
        return 0.0
    return max(min(0.85 * expires_in, expires_in - 1.5), 0.5 * expires_in)


def stale_margin(expires_in: float) -> float:
    """Seconds before its nominal expiry at which a token is no longer sent.

    Issuers round ``exp`` down to whole seconds and the server checks it without leeway, so a
    token is considered expired one second early (a quarter of the lifetime for tokens shorter
    than four seconds).
    """
    if expires_in <= 0:
        return 0.0
    return min(1.0, 0.25 * expires_in)


def _split_scope(scope: str | Sequence[str] | None) -> list[str]:
    if scope is None:
        return []
    if isinstance(scope, str):
        return scope.split()
    return [s for item in scope for s in str(item).split()]


def _dedup(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(item for item in items if item))


def resolve_scopes(
    credentials: _ClientCredentials | _ClientPassword,
    server_scopes: Sequence[str] | None,
    *,
    client_id: str = "",
    token_endpoint: str = "",
) -> list[str]:
    """The scopes to request: the server's defaults, then the credentials' own.

    For the password flow the credentials' scope defaults to ``offline_access`` (a refresh token);
    a given scope replaces that default. For the client-credentials flow an empty result is an
    error, except on Azure AD where ``<client id>/.default`` is used.

    Raises:
        MissingScopeError: client credentials without any scope (an
            ``AuthenticationFailedError``).
    """
    given = credentials.scope
    if isinstance(credentials, _ClientPassword) and given is None:
        given = ["offline_access"]
    scopes = _dedup([*_split_scope(server_scopes), *_split_scope(given)])
    if isinstance(credentials, _ClientCredentials) and not scopes:
        if token_endpoint.startswith(_AZURE_PREFIX) and client_id:
            return [client_id + "/.default"]
        raise MissingScopeError(
            "the client-credentials flow needs a scope, and the server names no default scopes "
            "(AUTHENTICATION_OIDC_SCOPES): pass one, e.g. "
            'Auth.client_credentials(client_secret, scope="openid")',
            operation="oidc.scope",
        )
    return scopes


def redact(text: str, secrets: Iterable[str | None]) -> str:
    """``text`` with every occurrence of each non-empty secret replaced by ``***``."""
    for secret in sorted({s for s in secrets if s}, key=len, reverse=True):
        text = text.replace(secret, "***")
    return text


def _jwt_lifetime(token: str, now: float) -> float | None:
    """Seconds until the ``exp`` claim of a JWT (None when ``token`` is no JWT or has none)."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    try:
        payload = orjson.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
    except (ValueError, orjson.JSONDecodeError):
        return None
    exp = payload.get("exp") if isinstance(payload, dict) else None
    if isinstance(exp, bool) or not isinstance(exp, (int, float)):
        return None
    return float(exp) - now


# --------------------------------------------------------------------------- state


@attrs.frozen(kw_only=True)
class _Tokens:
    """One set of tokens and when to refresh them (monotonic clock; None: never expires)."""

    access_token: str = attrs.field(repr=False)
    refresh_token: str | None = attrs.field(default=None, repr=False)
    lifetime: float | None = None
    refresh_at: float | None = None
    stale_at: float | None = None

    @classmethod
    def issued(
        cls, access_token: str, refresh_token: str | None, lifetime: float | None, now: float
    ) -> _Tokens:
        if lifetime is None:
            return cls(access_token=access_token, refresh_token=refresh_token)
        return cls(
            access_token=access_token,
            refresh_token=refresh_token,
            lifetime=lifetime,
            refresh_at=now + refresh_delay(lifetime),
            stale_at=now + lifetime - stale_margin(lifetime),
        )


@attrs.frozen(kw_only=True)
class _Failure:
    """A failed token request, kept so that later calls can raise it again."""

    message: str
    operation: str
    target: str | None
    status: int | str | None
    server_message: str | None
    at: float

    def error(self) -> AuthenticationFailedError:
        return AuthenticationFailedError(
            self.message,
            operation=self.operation,
            target=self.target,
            status=self.status,
            server_message=self.server_message,
        )


@attrs.frozen(kw_only=True)
class _Settings:
    """What a provider needs to talk to the issuer; shared by a provider and its fork."""

    kind: Literal["client_credentials", "password", "bearer_token"]
    client_id: str
    token_endpoint: str | None
    scopes: tuple[str, ...]
    client_secret: str | None = attrs.field(default=None, repr=False)
    timeout: float
    proxy: str | None = None
    proxy_headers: dict[str, str] | None = attrs.field(default=None, repr=False)
    ssl: _ssl.SSLContext | bool | None = attrs.field(default=None, repr=False)

    def form(self, grant_type: GrantKind, **fields: str) -> dict[str, str]:
        """The form of a client-credentials or password grant: its fields and the scopes."""
        # Secret values: the form is a local of the frames that send it (tracebacks show them).
        form = {"grant_type": grant_type, **{k: hide(v) for k, v in fields.items()}}
        if self.scopes:
            form["scope"] = " ".join(self.scopes)
        return form

    def client_credentials_form(self) -> dict[str, str]:
        """The form of a client-credentials grant."""
        assert self.client_secret is not None
        return self.form("client_credentials", client_secret=self.client_secret)


# --------------------------------------------------------------------------- provider


class TokenProvider:
    """Hands out ``Authorization`` header values and keeps the OIDC tokens behind them fresh.

    Build one with :func:`create_token_provider`. The background refresh task belongs to the
    event loop the provider is first used on; :meth:`after_fork` gives a provider for a forked
    child's new loop, :meth:`aclose` stops the task.
    """

    def __init__(
        self,
        settings: _Settings,
        tokens: _Tokens,
        *,
        session: aiohttp.ClientSession | None,
        secrets: Sequence[str | None] = (),
        clock: Clock = time.monotonic,
    ) -> None:
        self._settings = settings
        self._tokens = tokens
        self._session = session
        self._owned_session: aiohttp.ClientSession | None = None
        self._secrets = tuple(s for s in secrets if s)
        self._clock = clock
        self._lock = asyncio.Lock()
        self._task: asyncio.Task[None] | None = None
        self._failure: _Failure | None = None  # the last failed refresh, until one works
        self._held_failure: _Failure | None = None  # the last failed refresh of authorization()
        self._closed = False

    def __repr__(self) -> str:
        s = self._settings
        tokens = self._tokens
        if tokens.stale_at is None:
            expiry = "no expiry"
        else:
            expiry = f"expires in {max(0.0, tokens.stale_at - self._clock()):.0f}s"
        refresh = "refreshable" if self._can_refresh() else "not refreshable"
        return (
            f"<TokenProvider {s.kind} client_id={s.client_id!r} "
            f"token_endpoint={s.token_endpoint!r} {expiry}, {refresh}>"
        )

    # -- public API

    async def authorization(self) -> str:
        """The ``Authorization`` header value, ``"Bearer <access token>"``.

        Returns the current token while it is valid (starting the background refresh when it is
        not running). An expired token is refreshed once, bounded by the timeout.

        Raises:
            AuthenticationFailedError: the token expired and could not be refreshed (the message
                names the cause, e.g. the issuer's error).
        """
        tokens = self._tokens
        now = self._clock()
        if tokens.stale_at is None or now < tokens.stale_at:
            self._ensure_refresher()
            return Secret("Bearer " + tokens.access_token)
        if not self._can_refresh():
            raise self._expired_error()
        held = self._held_failure
        if held is not None and now - held.at < _FAILURE_HOLD:
            raise held.error()
        try:
            await asyncio.wait_for(self._refresh(tokens, since=now), self._settings.timeout)
        except asyncio.TimeoutError:
            self._held_failure = self._fail(
                f"refreshing the expired OIDC token at {self._settings.token_endpoint} did not "
                f"finish within {self._settings.timeout:g}s",
                operation="oidc.refresh",
            )
            raise self._held_failure.error() from None
        except AuthenticationFailedError:
            self._held_failure = self._failure
            raise
        self._ensure_refresher()
        return Secret("Bearer " + self._tokens.access_token)

    async def aclose(self) -> None:
        """Stop the background refresh and close the HTTP session the provider opened itself
        (never the one it was given). Idempotent."""
        self._closed = True
        task, self._task = self._task, None
        if task is not None and not task.done():
            task.cancel()
            # wait() neither raises the task's outcome nor swallows our own cancellation.
            await asyncio.wait({task})
        owned, self._owned_session = self._owned_session, None
        if owned is not None:
            await owned.close()

    def after_fork(self, session: aiohttp.ClientSession | None = None) -> TokenProvider:
        """A provider for a forked child process: same tokens and settings, no background task
        (it starts on first use, in the child's event loop).

        Args:
            session: the child's new HTTP session for the issuer calls; without one the new
                provider opens (and closes in :meth:`aclose`) a session of its own.
        """
        return TokenProvider(
            self._settings,
            self._tokens,
            session=session,
            secrets=self._secrets,
            clock=self._clock,
        )

    # -- refreshing

    def _can_refresh(self) -> bool:
        if self._tokens.refresh_token is not None:
            return self._settings.token_endpoint is not None
        return self._settings.kind == "client_credentials"

    def _expired_error(self) -> AuthenticationFailedError:
        s = self._settings
        if s.kind == "bearer_token":
            cause = (
                "the access token given with Auth.bearer_token expired "
                f"(expires_in={self._tokens.lifetime:g}s) and no refresh token was given to "
                "renew it; pass refresh_token= or use another flow"
            )
        else:
            cause = (
                f"the OIDC access token of the {s.kind.replace('_', '-')} flow expired and the "
                "issuer gave no refresh token to renew it; ask the issuer for refresh tokens "
                '(e.g. scope "offline_access") or connect again'
            )
        return AuthenticationFailedError(cause, operation="oidc.refresh", target=s.token_endpoint)

    def _ensure_refresher(self) -> None:
        if self._closed or (self._task is not None and not self._task.done()):
            return
        if self._tokens.refresh_at is None or not self._can_refresh():
            return
        self._task = asyncio.get_running_loop().create_task(
            self._refresh_loop(), name="weaviate-oidc-refresh"
        )

    async def _refresh_loop(self) -> None:
        while not self._closed:
            tokens = self._tokens
            if tokens.refresh_at is None or tokens.stale_at is None:
                return
            now = self._clock()
            if self._failure is None:
                delay = tokens.refresh_at - now
            else:
                delay = min(max(_MIN_RETRY, (tokens.stale_at - now) / 2), _MAX_RETRY)
            await asyncio.sleep(max(delay, 0.1))
            try:
                await self._refresh(tokens)
            except AuthenticationFailedError as exc:
                # The official client warns (UserWarning) and keeps retrying, as this does.
                warnings.warn(
                    f"refreshing the OIDC token in the background failed; retrying ({exc.message})",
                    UserWarning,
                    stacklevel=1,
                )
                if self._clock() >= tokens.stale_at:
                    # authorization() takes over: it refreshes once more or raises.
                    return
            except Exception as exc:  # a bug must not kill refreshing silently
                self._fail(
                    f"refreshing the OIDC token failed unexpectedly ({type(exc).__name__})",
                    operation="oidc.refresh",
                )
                logger.exception("background OIDC token refresh failed unexpectedly")
                return

    async def _refresh(self, expected: _Tokens, *, since: float | None = None) -> None:
        """Replace ``expected`` by new tokens, unless another caller already did.

        With ``since``: a refresh that failed after that moment (while this call waited for the
        lock) is raised again instead of asking the issuer once more.
        """
        async with self._lock:
            if self._tokens is not expected:
                return
            failure = self._failure
            if since is not None and failure is not None and failure.at >= since:
                raise failure.error()
            self._tokens = await self._fetch_new_tokens(expected)
            self._failure = self._held_failure = None
        logger.debug("refreshed the OIDC access token (%s flow)", self._settings.kind)

    async def _fetch_new_tokens(self, current: _Tokens) -> _Tokens:
        s = self._settings
        if current.refresh_token is not None:
            form = {"grant_type": "refresh_token", "refresh_token": hide(current.refresh_token)}
            if s.client_secret is not None:
                form["client_secret"] = hide(s.client_secret)
            try:
                return await self._token_request(
                    form, grant="refresh_token", keep_refresh_token=current.refresh_token
                )
            except AuthenticationFailedError:
                if s.kind != "client_credentials":
                    raise
                logger.info("the refresh token was refused; repeating the client-credentials grant")
        return await self._token_request(s.client_credentials_form(), grant="client_credentials")

    # -- HTTP

    def _fail(
        self,
        message: str,
        *,
        operation: str,
        status: int | str | None = None,
        server_message: str | None = None,
    ) -> _Failure:
        failure = _Failure(
            message=redact(message, self._all_secrets()),
            operation=operation,
            target=self._settings.token_endpoint,
            status=status,
            server_message=(
                redact(server_message, self._all_secrets()) if server_message is not None else None
            ),
            at=self._clock(),
        )
        self._failure = failure
        return failure

    def _all_secrets(self) -> tuple[str | None, ...]:
        return (*self._secrets, self._tokens.access_token, self._tokens.refresh_token)

    async def _http(self) -> aiohttp.ClientSession:
        if self._session is not None:
            return self._session
        if self._owned_session is None or self._owned_session.closed:
            import aiohttp

            self._owned_session = aiohttp.ClientSession()
        return self._owned_session

    async def _token_request(
        self,
        form: Mapping[str, str],
        *,
        grant: GrantKind,
        keep_refresh_token: str | None = None,
    ) -> _Tokens:
        """POST a grant to the token endpoint and parse the answer.

        Raises:
            AuthenticationFailedError: the issuer refused, was unreachable, or answered garbage.
        """
        import aiohttp

        s = self._settings
        assert s.token_endpoint is not None
        operation = "oidc.refresh" if grant == "refresh_token" else "oidc.token"
        body = {**form}
        if s.client_id:
            body["client_id"] = s.client_id
        try:
            session = await self._http()
            async with session.post(
                s.token_endpoint,
                data=body,
                headers=_FORM_HEADERS,
                timeout=aiohttp.ClientTimeout(total=s.timeout),
                proxy=s.proxy,
                proxy_headers=s.proxy_headers,
                ssl=_ssl_setting(s.ssl, s.token_endpoint),
            ) as resp:
                status = resp.status
                raw = await resp.read()
        except asyncio.TimeoutError:
            raise self._fail(
                f"the OIDC issuer's token endpoint {s.token_endpoint} did not answer the "
                f"{grant} grant within {s.timeout:g}s",
                operation=operation,
            ).error() from None
        except aiohttp.ClientError as exc:
            raise self._fail(
                f"cannot reach the OIDC issuer's token endpoint {s.token_endpoint} for the "
                f"{grant} grant ({type(exc).__name__}: {exc})",
                operation=operation,
            ).error() from None
        payload = _json_dict(raw)
        if status != 200:
            issuer_text = _issuer_error_text(payload, raw)
            raise self._fail(
                f"the OIDC issuer refused the {grant} grant at {s.token_endpoint} "
                f"(HTTP {status}): {issuer_text}",
                operation=operation,
                status=status,
                server_message=issuer_text,
            ).error()
        access = payload.get("access_token") if payload is not None else None
        if payload is None or not isinstance(access, str) or not access:
            raise self._fail(
                f"the OIDC issuer's answer to the {grant} grant at {s.token_endpoint} holds no "
                "access token",
                operation=operation,
                status=status,
            ).error()
        refresh = payload.get("refresh_token")
        refresh_token = refresh if isinstance(refresh, str) and refresh else keep_refresh_token
        now = self._clock()
        lifetime = _lifetime(payload.get("expires_in"), access, time.time())
        return _Tokens.issued(access, refresh_token, lifetime, now)


@functools.cache
def _default_ssl_context() -> _ssl.SSLContext:
    return _ssl.create_default_context()


def _ssl_setting(given: _ssl.SSLContext | bool | None, url: str) -> _ssl.SSLContext | bool:
    # The Weaviate session's connector may skip certificate checks (plain-HTTP Weaviate), but the
    # issuer receives the client secret: verify it against the system's CAs unless told otherwise.
    if given is not None:
        return given
    return _default_ssl_context() if url.startswith("https:") else True


def _json_dict(raw: bytes) -> dict[str, Any] | None:
    try:
        value = orjson.loads(raw) if raw else None
    except orjson.JSONDecodeError:
        return None
    return value if isinstance(value, dict) else None


def _issuer_error_text(payload: Mapping[str, Any] | None, raw: bytes) -> str:
    """The OAuth error (RFC 6749 §5.2) of an issuer's answer, else the start of its body."""
    if payload is not None and isinstance(payload.get("error"), str):
        text = str(payload["error"])
        description = payload.get("error_description")
        if isinstance(description, str) and description:
            text += f": {description}"
    else:
        text = raw.decode("utf-8", "replace").strip() or "(empty answer)"
    if len(text) > _MAX_ISSUER_TEXT:
        text = text[:_MAX_ISSUER_TEXT] + "..."
    return text


def _lifetime(expires_in: object, access_token: str, wall_now: float) -> float | None:
    """Seconds the token lives: ``expires_in`` when given, else the JWT's ``exp``, else None."""
    if isinstance(expires_in, str):
        try:
            expires_in = float(expires_in)
        except ValueError:
            expires_in = None
    if (
        isinstance(expires_in, (int, float))
        and not isinstance(expires_in, bool)
        and math.isfinite(expires_in)
    ):
        return max(0.0, float(expires_in))
    from_jwt = _jwt_lifetime(access_token, wall_now)
    return None if from_jwt is None else max(0.0, from_jwt)


# --------------------------------------------------------------------------- construction


def _server_scopes(oidc_config: Mapping[str, Any]) -> list[str]:
    raw = oidc_config.get("scopes")
    if raw is None:
        return []
    if isinstance(raw, str):
        return raw.split()
    if isinstance(raw, list) and all(isinstance(s, str) for s in raw):
        return list(raw)
    raise AuthenticationFailedError(
        "the server's OIDC configuration has malformed scopes", operation="oidc.discovery"
    )


async def _discover_token_endpoint(
    session: aiohttp.ClientSession, href: str, settings: _Settings
) -> str:
    """The token endpoint named by the issuer's discovery document at ``href``."""
    import aiohttp

    timeout = settings.timeout

    def failed(message: str, **status: Any) -> AuthenticationFailedError:
        return AuthenticationFailedError(message, operation="oidc.discovery", target=href, **status)

    try:
        async with session.get(
            href,
            headers={"Accept": "application/json"},
            timeout=aiohttp.ClientTimeout(total=timeout),
            proxy=settings.proxy,
            proxy_headers=settings.proxy_headers,
            ssl=_ssl_setting(settings.ssl, href),
        ) as resp:
            status = resp.status
            raw = await resp.read()
    except asyncio.TimeoutError:
        raise failed(
            f"the OIDC issuer's discovery document {href} did not arrive within {timeout:g}s"
        ) from None
    except aiohttp.ClientError as exc:
        raise failed(
            f"cannot fetch the OIDC issuer's discovery document {href} "
            f"({type(exc).__name__}: {exc})"
        ) from None
    payload = _json_dict(raw)
    if status != 200 or payload is None:
        raise failed(
            f"the OIDC issuer's discovery document {href} could not be read (HTTP {status})",
            status=status,
            server_message=_issuer_error_text(payload, raw),
        )
    endpoint = payload.get("token_endpoint")
    if not isinstance(endpoint, str) or not endpoint:
        raise failed(f"the OIDC issuer's discovery document {href} names no token_endpoint")
    return endpoint


async def create_token_provider(
    credentials: AuthCredentials,
    *,
    session: aiohttp.ClientSession,
    oidc_config: Mapping[str, Any],
    timeout: float,
    proxy: str | None = None,
    proxy_headers: dict[str, str] | None = None,
    ssl: _ssl.SSLContext | bool | None = None,
    clock: Clock = time.monotonic,
) -> TokenProvider:
    """Obtain the first tokens for ``credentials`` and return a provider that keeps them fresh.

    Must be called in the event loop that will use the provider.

    Args:
        credentials: a bearer token, client credentials or a username and password.
        session: the HTTP session for the issuer calls (not closed by the provider).
        oidc_config: the server's ``/v1/.well-known/openid-configuration`` answer (``href``,
            ``clientId``, ``scopes``).
        timeout: the limit in seconds of each issuer call and of a refresh in
            :meth:`TokenProvider.authorization`.
        proxy: a proxy URL for the issuer calls, without credentials.
        proxy_headers: headers for the proxy (its ``Proxy-Authorization``).
        ssl: the TLS setting for the issuer calls; None verifies HTTPS issuers against the
            system's certificate authorities whatever the session's connector does.
        clock: a monotonic clock (tests).

    Raises:
        AuthenticationFailedError: the issuer could not be reached or refused the credentials,
            or the configuration is unusable (no scope for client credentials, ...).
    """
    if isinstance(credentials, _APIKey):
        raise TypeError("API keys need no token provider; send them as a bearer header")
    href = oidc_config.get("href")
    client_id = oidc_config.get("clientId") or ""
    if not isinstance(href, str) or not href or not isinstance(client_id, str):
        raise AuthenticationFailedError(
            "the server's OIDC configuration names no issuer (href) or no client id",
            operation="oidc.discovery",
            target="/v1/.well-known/openid-configuration",
        )
    server_scopes = _server_scopes(oidc_config)
    base = _Settings(
        kind="bearer_token",
        client_id=client_id,
        token_endpoint=None,
        scopes=(),
        timeout=timeout,
        proxy=proxy,
        proxy_headers=proxy_headers,
        ssl=ssl,
    )
    now = clock()

    if isinstance(credentials, _BearerToken):
        lifetime = float(credentials.expires_in)
        tokens = _Tokens.issued(credentials.access_token, credentials.refresh_token, lifetime, now)
        endpoint: str | None = None
        if credentials.refresh_token is not None:
            endpoint = await _discover_token_endpoint(session, href, base)
        else:
            _no_refresh_token(f"the access token is valid for {lifetime:g}s only")
        provider = TokenProvider(
            attrs.evolve(base, token_endpoint=endpoint),
            tokens,
            session=session,
            secrets=(credentials.access_token, credentials.refresh_token),
            clock=clock,
        )
        provider._ensure_refresher()
        return provider

    endpoint = await _discover_token_endpoint(session, href, base)
    scopes = resolve_scopes(
        credentials, server_scopes, client_id=client_id, token_endpoint=endpoint
    )
    grant: GrantKind
    if isinstance(credentials, _ClientCredentials):
        grant = "client_credentials"
        settings = attrs.evolve(
            base,
            kind=grant,
            token_endpoint=endpoint,
            scopes=tuple(scopes),
            client_secret=credentials.client_secret,
        )
        secret = hide(credentials.client_secret)
        form = settings.client_credentials_form()
    else:
        if endpoint.startswith(_AZURE_PREFIX):
            raise AuthenticationFailedError(
                "Microsoft Entra ID (Azure AD) does not support the password flow with this "
                "client; use the client-credentials flow or a bearer token",
                operation="oidc.token",
                target=endpoint,
            )
        grant = "password"
        settings = attrs.evolve(base, kind=grant, token_endpoint=endpoint, scopes=tuple(scopes))
        secret = hide(credentials.password)
        form = settings.form(grant, username=credentials.username, password=secret)
    provider = TokenProvider(
        settings, _Tokens(access_token=""), session=session, secrets=(secret,), clock=clock
    )
    provider._tokens = await provider._token_request(form, grant=grant)
    if grant == "password" and provider._tokens.refresh_token is None:
        issued_for = provider._tokens.lifetime
        _no_refresh_token(
            f"the access token is valid for {issued_for:g}s only"
            if issued_for is not None
            else "and no expiration time was given"
        )
    provider._ensure_refresher()
    return provider


async def discover_token_provider(
    discover: Callable[[], Awaitable[tuple[int, Any]]],
    auth: AuthCredentials,
    rest: RestTransport,
    config: AdditionalConfig,
) -> TokenProvider | None:
    """The token provider of ``auth``, from the server's OIDC configuration (``discover()``:
    its status and body), or None with a UserWarning when the server has none to give."""
    from weaviate_async.connect._network import ssl_context

    assert rest.issuer_session is not None
    where = rest.base_url + "/.well-known/openid-configuration"
    try:
        status, oidc = await discover()
    except ResponseCannotBeDecodedError:
        status, oidc = 200, None
    # The official client connects without authentication then, with a UserWarning.
    if status == 404:
        warnings.warn(
            "the client was given credentials, but the server has authentication switched "
            "off (no OIDC configuration): connecting without them",
            UserWarning,
            stacklevel=3,
        )
        return None
    if not isinstance(oidc, dict):
        warnings.warn(
            f"the server's OIDC configuration at {where} could not be read (a proxy in "
            "between?): connecting without authentication (an authorization header of your "
            "own is kept)",
            UserWarning,
            stacklevel=3,
        )
        return None
    tls = config.tls
    custom_tls = tls.ca_bundle or tls.client_cert or not tls.verify
    return await create_token_provider(
        auth,
        session=rest.issuer_session,
        oidc_config=oidc,
        timeout=config.timeout.init,
        proxy=rest.proxy.display if rest.proxy is not None else None,
        proxy_headers=rest.proxy.headers if rest.proxy is not None else None,
        ssl=ssl_context(config, alpn_h2=False) if custom_tls else None,
    )
