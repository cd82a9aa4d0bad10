"""OIDC end to end: a local issuer, a real weaviate-server trusting it, and the client's flows
(client credentials, password, bearer token) across token expiries, over REST and gRPC."""

from __future__ import annotations

import asyncio
import json
import logging
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

import weaviate_async
from tests.conftest import SERVER_VERSION
from tests.oidc_issuer import OIDCIssuer
from weaviate_async.client import WeaviateAsyncClient
from weaviate_async.connect.auth import Auth, AuthCredentials
from weaviate_async.embedded import EmbeddedOptions, EmbeddedServer
from weaviate_async.exceptions import AuthenticationFailedError, WeaviateBaseError
from weaviate_async.proto.weaviate.v1 import tenants_pb2

CLIENT_ID = "weaviate-oidc-test"
CLIENT_SECRET = "oidc-client-secret-5e1d"
USER = "alice"
PASSWORD = "alice-password-c0ffee"
LIFETIME = 4


@pytest.fixture(scope="module")
def oidc_issuer() -> Iterator[OIDCIssuer]:
    """The issuer the server trusts: 4-second access tokens."""
    with OIDCIssuer(
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        users={USER: PASSWORD},
        token_lifetime=LIFETIME,
    ) as issuer:
        yield issuer


@pytest.fixture(scope="module")
def oidc_server(oidc_issuer: OIDCIssuer) -> Iterator[EmbeddedServer]:
    """A weaviate-server with OIDC only (no anonymous access), trusting ``oidc_issuer``."""
    srv = EmbeddedServer(
        EmbeddedOptions(
            version=SERVER_VERSION,
            anonymous_access=False,
            additional_env_vars={
                "AUTHENTICATION_OIDC_ENABLED": "true",
                "AUTHENTICATION_OIDC_ISSUER": oidc_issuer.url,
                "AUTHENTICATION_OIDC_CLIENT_ID": CLIENT_ID,
                "AUTHENTICATION_OIDC_USERNAME_CLAIM": "sub",
                "AUTHENTICATION_OIDC_GROUPS_CLAIM": "groups",
                "AUTHENTICATION_OIDC_SCOPES": "openid,email",
            },
        )
    ).start()
    yield srv
    srv.stop()


@pytest.fixture(autouse=True)
def _fresh_issuer(oidc_issuer: OIDCIssuer) -> Iterator[None]:
    oidc_issuer.recover()
    oidc_issuer.reset_counts()
    yield
    oidc_issuer.recover()


@pytest.fixture
def no_secret_in_logs(caplog: pytest.LogCaptureFixture) -> Iterator[list[str]]:
    """Secrets to look for in every log record of the test (append tokens as they appear)."""
    caplog.set_level(logging.DEBUG, logger="weaviate_async")
    secrets = [CLIENT_SECRET, PASSWORD]
    yield secrets
    for record in caplog.records:
        message = record.getMessage()
        for secret in secrets:
            assert secret not in message, f"secret in log line: {message}"


async def _connect(server: EmbeddedServer, creds: AuthCredentials) -> WeaviateAsyncClient:
    return await weaviate_async.connect_to_local(
        host=server.host,
        port=server.http_port,
        grpc_port=server.grpc_port,
        auth_credentials=creds,
    )


@pytest.fixture
async def cc_client(oidc_server: EmbeddedServer) -> AsyncIterator[WeaviateAsyncClient]:
    client = await _connect(oidc_server, Auth.client_credentials(CLIENT_SECRET))
    try:
        yield client
    finally:
        await client.close()


async def _grpc_call(client: WeaviateAsyncClient) -> None:
    """An authenticated gRPC call: any answer but UNAUTHENTICATED is fine."""
    try:
        await client._conn.tenants_get(
            tenants_pb2.TenantsGetRequest(collection="NoSuchCollectionForOidc"),
            operation="test.tenants_get",
        )
    except AuthenticationFailedError:
        raise
    except WeaviateBaseError as exc:
        assert "unauthenticated" not in str(exc).lower()


async def _rest_and_grpc(client: WeaviateAsyncClient) -> None:
    assert (await client.get_meta())["version"]
    await _grpc_call(client)


def assert_no_secret(obj: object, *secrets: str) -> None:
    """No secret in the str/repr of ``obj``, its attributes, or its exception chain."""
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


def _password_grant(issuer: OIDCIssuer) -> dict[str, Any]:
    """Tokens fetched outside the client, for the bearer-token flow."""
    form = urllib.parse.urlencode(
        {
            "grant_type": "password",
            "client_id": CLIENT_ID,
            "username": USER,
            "password": PASSWORD,
            "scope": "openid offline_access",
        }
    ).encode()
    with urllib.request.urlopen(issuer.url + "/token", data=form, timeout=10) as resp:
        body: dict[str, Any] = json.loads(resp.read())
    return body


# --------------------------------------------------------------------------- tests


async def test_client_credentials_connects(
    cc_client: WeaviateAsyncClient, oidc_issuer: OIDCIssuer, no_secret_in_logs: list[str]
) -> None:
    meta = await cc_client.get_meta()
    assert meta["version"] == SERVER_VERSION
    await _grpc_call(cc_client)
    assert oidc_issuer.counts["client_credentials"] == 1
    # The server's default scopes; the client-credentials flow adds no offline_access.
    assert oidc_issuer.requests[0] == {
        "grant_type": "client_credentials",
        "scope": "openid email",
        "client_id": CLIENT_ID,
    }
    token = (await cc_client._conn._authorization() or "").removeprefix("Bearer ")
    no_secret_in_logs.append(token)
    assert_no_secret(cc_client, CLIENT_SECRET, token)
    assert_no_secret(cc_client._conn._token_provider, CLIENT_SECRET, token)


async def test_password_flow_connects(
    oidc_server: EmbeddedServer, oidc_issuer: OIDCIssuer, no_secret_in_logs: list[str]
) -> None:
    client = await _connect(oidc_server, Auth.client_password(USER, PASSWORD))
    try:
        await _rest_and_grpc(client)
        assert oidc_issuer.counts["password"] == 1
        assert oidc_issuer.requests[0]["scope"] == "openid email offline_access"
        assert_no_secret(client, PASSWORD)
    finally:
        await client.close()


@pytest.mark.parametrize(
    ("creds", "grant"),
    [
        (Auth.client_credentials(CLIENT_SECRET), "client_credentials"),
        (Auth.client_password(USER, PASSWORD), "refresh_token"),
    ],
    ids=["client_credentials", "password"],
)
async def test_keeps_working_across_expiries(
    oidc_server: EmbeddedServer,
    oidc_issuer: OIDCIssuer,
    creds: AuthCredentials,
    grant: str,
    no_secret_in_logs: list[str],
) -> None:
    client = await _connect(oidc_server, creds)
    try:
        await _rest_and_grpc(client)
        tokens = {await client._conn._authorization()}
        for _ in range(3):
            await asyncio.sleep(LIFETIME + 0.5)  # the previous token has expired by now
            await _rest_and_grpc(client)
            tokens.add(await client._conn._authorization())
        assert len(tokens) == 4
        assert oidc_issuer.counts[grant] >= 3
        assert oidc_issuer.counts["refused"] == 0
    finally:
        await client.close()


async def test_wrong_client_secret_fails_at_connect(
    oidc_server: EmbeddedServer, no_secret_in_logs: list[str]
) -> None:
    wrong = "not-the-client-secret-31337"
    no_secret_in_logs.append(wrong)
    start = time.monotonic()
    with pytest.raises(AuthenticationFailedError, match="invalid_client") as info:
        await _connect(oidc_server, Auth.client_credentials(wrong))
    assert time.monotonic() - start < 10
    assert info.value.status == 401
    assert_no_secret(info.value, wrong, CLIENT_SECRET)


async def test_wrong_password_fails_at_connect(
    oidc_server: EmbeddedServer, no_secret_in_logs: list[str]
) -> None:
    wrong = "not-the-password-4242"
    no_secret_in_logs.append(wrong)
    with pytest.raises(AuthenticationFailedError, match="invalid_grant") as info:
        await _connect(oidc_server, Auth.client_password(USER, wrong))
    assert_no_secret(info.value, wrong, PASSWORD)


async def test_refresh_failure_surfaces_quickly(
    cc_client: WeaviateAsyncClient, oidc_issuer: OIDCIssuer, no_secret_in_logs: list[str]
) -> None:
    await _rest_and_grpc(cc_client)
    token = (await cc_client._conn._authorization() or "").removeprefix("Bearer ")
    no_secret_in_logs.append(token)
    oidc_issuer.fail(503, "temporarily_unavailable")
    await asyncio.sleep(LIFETIME + 0.5)
    for call in (cc_client.get_meta, lambda: _grpc_call(cc_client)):
        start = time.monotonic()
        with pytest.raises(AuthenticationFailedError, match="temporarily_unavailable") as info:
            await call()
        assert time.monotonic() - start < 5
        assert_no_secret(info.value, CLIENT_SECRET, token)
    oidc_issuer.recover()
    await asyncio.sleep(1.1)
    await _rest_and_grpc(cc_client)  # recovers once the issuer does


async def test_bearer_token_without_refresh_expires(
    oidc_server: EmbeddedServer, oidc_issuer: OIDCIssuer, no_secret_in_logs: list[str]
) -> None:
    token = oidc_issuer.issue_access_token("bob", lifetime=LIFETIME)
    no_secret_in_logs.append(token)
    # the official client's Auth002 (a UserWarning) when the token cannot be renewed
    with pytest.warns(UserWarning, match="no refresh token"):
        client = await _connect(oidc_server, Auth.bearer_token(token, expires_in=LIFETIME))
    try:
        await _rest_and_grpc(client)
        await asyncio.sleep(LIFETIME)
        start = time.monotonic()
        with pytest.raises(AuthenticationFailedError, match="no refresh token") as info:
            await client.get_meta()
        assert time.monotonic() - start < 1
        with pytest.raises(AuthenticationFailedError, match="expired"):
            await _grpc_call(client)
        assert_no_secret(info.value, token)
        assert_no_secret(client, token)
    finally:
        await client.close()


async def test_bearer_token_with_refresh_token_is_refreshed(
    oidc_server: EmbeddedServer, oidc_issuer: OIDCIssuer, no_secret_in_logs: list[str]
) -> None:
    tokens = _password_grant(oidc_issuer)
    no_secret_in_logs += [tokens["access_token"], tokens["refresh_token"]]
    client = await _connect(
        oidc_server,
        Auth.bearer_token(
            tokens["access_token"],
            expires_in=tokens["expires_in"],
            refresh_token=tokens["refresh_token"],
        ),
    )
    try:
        await _rest_and_grpc(client)
        await asyncio.sleep(LIFETIME + 0.5)
        await _rest_and_grpc(client)
        assert oidc_issuer.counts["refresh_token"] >= 1
        assert_no_secret(client, tokens["access_token"], tokens["refresh_token"])
    finally:
        await client.close()


async def test_server_rejects_requests_without_token(oidc_server: EmbeddedServer) -> None:
    """The server really requires the tokens (no anonymous access)."""
    with pytest.raises(AuthenticationFailedError):
        await weaviate_async.connect_to_local(
            host=oidc_server.host, port=oidc_server.http_port, grpc_port=oidc_server.grpc_port
        )


def test_server_rejects_an_expired_token(
    oidc_server: EmbeddedServer, oidc_issuer: OIDCIssuer
) -> None:
    """The expiry tests are not vacuous: the server refuses a token once it has expired."""
    token = oidc_issuer.issue_access_token("bob", lifetime=1)
    request = urllib.request.Request(
        f"{oidc_server.url}/v1/meta", headers={"Authorization": f"Bearer {token}"}
    )
    with urllib.request.urlopen(request, timeout=10) as resp:
        assert resp.status == 200
    time.sleep(2.1)
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(request, timeout=10)
    assert info.value.code == 401
