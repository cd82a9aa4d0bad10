"""The OIDC token provider: scope handling, refresh timing, redaction, and the provider against
the local test issuer (no Weaviate server)."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import aiohttp
import pytest

from tests.oidc_issuer import OIDCIssuer
from weaviate_async.connect.auth import Auth
from weaviate_async.connect.oidc import (
    TokenProvider,
    create_token_provider,
    redact,
    refresh_delay,
    resolve_scopes,
    stale_margin,
)
from weaviate_async.exceptions import AuthenticationFailedError

SECRET = "unit-client-secret-0f3c"
PASSWORD = "unit-password-9a1b"


# --------------------------------------------------------------------------- scopes


def test_client_credentials_scopes_are_server_defaults_then_given() -> None:
    creds = Auth.client_credentials(SECRET, scope="api  read")
    assert resolve_scopes(creds, ["openid", "api"]) == ["openid", "api", "read"]
    creds = Auth.client_credentials(SECRET, scope=["a b", "c"])
    assert resolve_scopes(creds, None) == ["a", "b", "c"]


def test_client_credentials_adds_no_offline_access() -> None:
    assert resolve_scopes(Auth.client_credentials(SECRET), ["openid"]) == ["openid"]


def test_client_credentials_without_any_scope_fails_without_the_secret() -> None:
    with pytest.raises(AuthenticationFailedError, match="needs a scope") as info:
        resolve_scopes(Auth.client_credentials(SECRET), [])
    assert SECRET not in str(info.value) and SECRET not in repr(info.value)


def test_client_credentials_on_azure_defaults_to_dot_default() -> None:
    scopes = resolve_scopes(
        Auth.client_credentials(SECRET),
        None,
        client_id="abc",
        token_endpoint="https://login.microsoftonline.com/tenant/oauth2/v2.0/token",
    )
    assert scopes == ["abc/.default"]


def test_password_scope_defaults_to_offline_access() -> None:
    creds = Auth.client_password("alice", PASSWORD)
    assert resolve_scopes(creds, ["openid", "email"]) == ["openid", "email", "offline_access"]
    assert resolve_scopes(creds, None) == ["offline_access"]


def test_password_given_scope_replaces_the_default() -> None:
    creds = Auth.client_password("alice", PASSWORD, scope="profile openid")
    assert resolve_scopes(creds, ["openid"]) == ["openid", "profile"]


# --------------------------------------------------------------------------- timing


@pytest.mark.parametrize(
    ("expires_in", "delay"),
    [(60, 51.0), (3600, 3060.0), (4, 2.5), (10, 8.5), (2, 1.0), (0, 0.0), (-5, 0.0)],
)
def test_refresh_delay(expires_in: float, delay: float) -> None:
    assert refresh_delay(expires_in) == pytest.approx(delay)


@pytest.mark.parametrize("expires_in", [1, 2, 3, 4, 5, 10, 30, 60, 300, 3600, 86400])
def test_refresh_comes_before_the_token_is_stale(expires_in: float) -> None:
    delay = refresh_delay(expires_in)
    stale = expires_in - stale_margin(expires_in)
    assert 0 < delay < stale <= expires_in
    assert delay >= 0.5 * expires_in
    if expires_in >= 4:
        assert expires_in - delay >= 1.5
        assert stale_margin(expires_in) == 1.0


# --------------------------------------------------------------------------- redaction


def test_redact_replaces_every_secret_longest_first() -> None:
    text = "abc abcdef xyz"
    assert redact(text, ["abc", "abcdef", None, ""]) == "*** *** xyz"


def test_credentials_repr_hides_secrets() -> None:
    for creds in (
        Auth.client_credentials(SECRET),
        Auth.client_password("alice", PASSWORD),
        Auth.bearer_token(SECRET, refresh_token=PASSWORD),
    ):
        assert SECRET not in repr(creds) and PASSWORD not in repr(creds)


# --------------------------------------------------------------------------- against the issuer


@pytest.fixture(scope="module")
def issuer() -> Iterator[OIDCIssuer]:
    with OIDCIssuer(client_secret=SECRET, users={"alice": PASSWORD}, token_lifetime=2) as running:
        yield running


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    # Like the connection's session: JSON content type by default, which token requests override.
    async with aiohttp.ClientSession(headers={"content-type": "application/json"}) as s:
        yield s


@pytest.fixture(autouse=True)
def _fresh_issuer(issuer: OIDCIssuer) -> Iterator[None]:
    issuer.recover()
    issuer.delay = 0.0
    issuer.reset_counts()
    yield
    issuer.recover()
    issuer.delay = 0.0


def _config(issuer: OIDCIssuer, scopes: list[str] | None = None) -> dict[str, Any]:
    return {"href": issuer.discovery_url, "clientId": issuer.client_id, "scopes": scopes}


def assert_no_secret(obj: object, *secrets: str) -> None:
    """No secret in the str/repr of ``obj``, its fields, or its exception chain."""
    seen: set[int] = set()
    todo: list[object] = [obj]
    while todo:
        item = todo.pop()
        if item is None or id(item) in seen:
            continue
        seen.add(id(item))
        texts = [str(item), repr(item)]
        if isinstance(item, BaseException):
            texts += [repr(a) for a in item.args]
            texts += [repr(v) for v in vars(item).values()]
            todo += [item.__cause__, item.__context__]
        for text in texts:
            for secret in secrets:
                assert secret not in text, f"secret leaked in {type(item).__name__}: {text}"


async def test_client_credentials_provider_refreshes_in_the_background(
    issuer: OIDCIssuer, session: aiohttp.ClientSession
) -> None:
    provider = await create_token_provider(
        Auth.client_credentials(SECRET),
        session=session,
        oidc_config=_config(issuer, ["openid"]),
        timeout=5,
    )
    try:
        first = await provider.authorization()
        assert first.startswith("Bearer ey")
        assert issuer.requests[0] == {
            "grant_type": "client_credentials",
            "scope": "openid",
            "client_id": issuer.client_id,
        }
        await asyncio.sleep(1.6)  # the 2 s token is refreshed at 1 s
        assert issuer.counts["client_credentials"] >= 2
        assert await provider.authorization() != first
        assert_no_secret(provider, SECRET, first)
    finally:
        await provider.aclose()


async def test_password_provider_uses_the_refresh_token(
    issuer: OIDCIssuer, session: aiohttp.ClientSession
) -> None:
    provider = await create_token_provider(
        Auth.client_password("alice", PASSWORD),
        session=session,
        oidc_config=_config(issuer, ["openid"]),
        timeout=5,
    )
    try:
        assert issuer.requests[0]["scope"] == "openid offline_access"
        assert "password" not in issuer.requests[0]  # the issuer does not record it
        await asyncio.sleep(2.3)
        await provider.authorization()
        assert issuer.counts["password"] == 1
        assert issuer.counts["refresh_token"] >= 1
    finally:
        await provider.aclose()


async def test_wrong_secret_fails_with_the_issuer_text(
    issuer: OIDCIssuer, session: aiohttp.ClientSession
) -> None:
    wrong = "wrong-secret-77aa"
    with pytest.raises(AuthenticationFailedError, match="invalid_client") as info:
        await create_token_provider(
            Auth.client_credentials(wrong),
            session=session,
            oidc_config=_config(issuer, ["openid"]),
            timeout=5,
        )
    assert info.value.status == 401
    assert_no_secret(info.value, wrong)


async def test_expired_token_refresh_failure_raises_quickly(
    issuer: OIDCIssuer, session: aiohttp.ClientSession, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="weaviate_async")
    provider = await create_token_provider(
        Auth.client_credentials(SECRET),
        session=session,
        oidc_config=_config(issuer, ["openid"]),
        timeout=5,
    )
    token = (await provider.authorization()).removeprefix("Bearer ")
    try:
        issuer.fail(503)
        await asyncio.sleep(2.2)
        start = time.monotonic()
        with pytest.raises(AuthenticationFailedError, match="temporarily_unavailable") as info:
            await provider.authorization()
        assert time.monotonic() - start < 2
        assert_no_secret(info.value, SECRET, token)
        issuer.recover()
        await asyncio.sleep(1.1)  # past the hold on repeated failures
        assert (await provider.authorization()).startswith("Bearer ")
    finally:
        await provider.aclose()
    for record in caplog.records:
        assert SECRET not in record.getMessage() and token not in record.getMessage()


async def test_hanging_issuer_is_bounded_by_the_timeout(
    issuer: OIDCIssuer, session: aiohttp.ClientSession
) -> None:
    provider = await create_token_provider(
        Auth.client_credentials(SECRET),
        session=session,
        oidc_config=_config(issuer, ["openid"]),
        timeout=0.5,
    )
    try:
        issuer.delay = 3.0
        await asyncio.sleep(2.0)
        start = time.monotonic()
        with pytest.raises(AuthenticationFailedError, match=r"0\.5s"):
            await provider.authorization()
        assert time.monotonic() - start < 1.5
    finally:
        issuer.delay = 0.0
        await provider.aclose()


async def test_bearer_token_without_refresh_expires(
    issuer: OIDCIssuer, session: aiohttp.ClientSession
) -> None:
    token = issuer.issue_access_token("bob", lifetime=2)
    # No issuer call is needed: even an unreachable discovery URL is fine.
    provider = await create_token_provider(
        Auth.bearer_token(token, expires_in=2),
        session=session,
        oidc_config={"href": "http://127.0.0.1:9/x", "clientId": "c"},
        timeout=1,
    )
    assert await provider.authorization() == "Bearer " + token
    await asyncio.sleep(1.6)  # stale half a second early
    with pytest.raises(AuthenticationFailedError, match="no refresh token") as info:
        await provider.authorization()
    assert_no_secret(info.value, token)
    assert_no_secret(provider, token)
    await provider.aclose()


async def test_unreachable_issuer_is_an_authentication_error(
    session: aiohttp.ClientSession,
) -> None:
    with pytest.raises(AuthenticationFailedError, match="cannot fetch"):
        await create_token_provider(
            Auth.client_credentials(SECRET),
            session=session,
            oidc_config={
                "href": "http://127.0.0.1:9/.well-known/openid-configuration",
                "clientId": "c",
            },
            timeout=2,
        )


async def test_after_fork_gives_a_provider_for_a_new_loop(
    issuer: OIDCIssuer, session: aiohttp.ClientSession
) -> None:
    provider = await create_token_provider(
        Auth.client_credentials(SECRET),
        session=session,
        oidc_config=_config(issuer, ["openid"]),
        timeout=5,
    )
    token = await provider.authorization()
    child = provider.after_fork()
    await provider.aclose()
    result: dict[str, Any] = {}

    async def in_child_loop(p: TokenProvider) -> None:
        result["same"] = await p.authorization() == token
        await asyncio.sleep(2.2)  # expiry: refreshed with the provider's own session
        result["refreshed"] = await p.authorization() != token
        await p.aclose()

    # A new thread stands in for the child process: a fresh event loop, none of the parent's.
    thread = threading.Thread(target=lambda: asyncio.run(in_child_loop(child)))
    thread.start()
    await asyncio.to_thread(thread.join, 30)
    assert result == {"same": True, "refreshed": True}


async def test_concurrent_callers_share_one_failed_refresh(
    issuer: OIDCIssuer, session: aiohttp.ClientSession
) -> None:
    provider = await create_token_provider(
        Auth.client_credentials(SECRET),
        session=session,
        oidc_config=_config(issuer, ["openid"]),
        timeout=5,
    )
    try:
        issuer.fail(400, "invalid_client")
        await asyncio.sleep(1.6)
        before = issuer.counts["refused"]
        results = await asyncio.gather(
            *(provider.authorization() for _ in range(10)), return_exceptions=True
        )
        assert all(isinstance(r, AuthenticationFailedError) for r in results)
        assert issuer.counts["refused"] - before <= 2
    finally:
        await provider.aclose()
