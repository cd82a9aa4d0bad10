"""Secrets never show: API keys, OIDC client secrets, passwords, access and refresh tokens,
module API keys in headers and proxy passwords, each unique and greppable, set on a real server
(API keys and OIDC at once) and a local issuer, then looked for in everything captured while the
client works and fails: ``repr``/``str`` of the client, its connection, its configuration and
credentials; every log record at DEBUG of the root logger and of every library underneath
(hpack, h2, grpclib, aiohttp, asyncio, ...); exceptions (text, repr, notes, the formatted chain,
tracebacks with each frame's locals as Sentry records them, and rich's traceback with locals);
the command line's output. See :mod:`tests.leak_check` for the channels.

The HPACK state is checked too: secret headers are sent never-indexed, so the dynamic table of
the client's HTTP/2 connections never holds them (a header left there is compressed against
later headers, which an observer of the compressed sizes can probe).
"""

from __future__ import annotations

import asyncio
import os
import secrets
import subprocess
import sys
import threading
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

import weaviate_async
import weaviate_sync
from tests.conftest import SERVER_VERSION
from tests.connect_proxy import ConnectProxy
from tests.leak_check import DebugLogs, Evidence
from tests.oidc_issuer import OIDCIssuer
from weaviate_async.classes.config import Configure, DataType, Property
from weaviate_async.classes.init import AdditionalConfig, Proxies
from weaviate_async.classes.query import MetadataQuery
from weaviate_async.client import WeaviateAsyncClient
from weaviate_async.connect._option_checks import resolve_grpc_transport
from weaviate_async.connect.auth import Auth, AuthCredentials
from weaviate_async.connect.integrations import Integrations
from weaviate_async.embedded import EmbeddedOptions, EmbeddedServer
from weaviate_async.exceptions import AuthenticationFailedError, WeaviateBaseError

_RUN = secrets.token_hex(4)


def _secret(kind: str) -> str:
    # Unique per run and easy to grep; long enough that no text holds it by chance.
    return f"{kind}{_RUN}x{secrets.token_hex(12)}"


API_KEY = _secret("apikey")
WRONG_KEY = _secret("wrongkey")
CLIENT_ID = "weaviate-secrets-test"
CLIENT_SECRET = _secret("clientsecret")
USER = "secret-tester"
PASSWORD = _secret("password")
OPENAI_KEY = _secret("sk-openai")
COHERE_KEY = _secret("cohere")
PROXY_USER = "proxyuser"
PROXY_PASSWORD = _secret("proxypass")
WRONG_PROXY_PASSWORD = _secret("wrongproxypass")
STATIC = [
    API_KEY,
    WRONG_KEY,
    CLIENT_SECRET,
    PASSWORD,
    OPENAI_KEY,
    COHERE_KEY,
    PROXY_PASSWORD,
    WRONG_PROXY_PASSWORD,
    f"{PROXY_USER}:{PROXY_PASSWORD}",
    f"{PROXY_USER}:{WRONG_PROXY_PASSWORD}",
]


class RecordingIssuer(OIDCIssuer):
    """The test issuer, keeping every token it hands out (each is a secret to look for)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.handed_out: list[str] = []
        self._handed_lock = threading.Lock()

    def token(self, form: Any, basic: tuple[str, str] | None) -> tuple[int, Any]:
        status, body = super().token(form, basic)
        with self._handed_lock:
            for key in ("access_token", "refresh_token"):
                if isinstance(body, dict) and body.get(key):
                    self.handed_out.append(body[key])
        return status, body


@pytest.fixture(scope="module")
def issuer() -> Iterator[RecordingIssuer]:
    """An OIDC issuer with the test's client secret and user password."""
    with RecordingIssuer(
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        users={USER: PASSWORD},
        token_lifetime=600,
    ) as running:
        yield running


@pytest.fixture(scope="module")
def secret_server(issuer: RecordingIssuer) -> Iterator[EmbeddedServer]:
    """One server taking both the test's API key and the issuer's tokens (no anonymous access)."""
    srv = EmbeddedServer(
        EmbeddedOptions(
            version=SERVER_VERSION,
            anonymous_access=False,
            api_keys={API_KEY: "secret-admin"},
            admin_users=("secret-admin", USER, f"service-account-{CLIENT_ID}"),
            additional_env_vars={
                "AUTHENTICATION_OIDC_ENABLED": "true",
                "AUTHENTICATION_OIDC_ISSUER": issuer.url,
                "AUTHENTICATION_OIDC_CLIENT_ID": CLIENT_ID,
                "AUTHENTICATION_OIDC_USERNAME_CLAIM": "sub",
                "AUTHENTICATION_OIDC_SCOPES": "openid,email",
            },
        )
    ).start()
    yield srv
    srv.stop()


@pytest.fixture
def name() -> str:
    """A unique collection name (each test deletes its collection)."""
    return "Secrets" + secrets.token_hex(6)


@pytest.fixture
def logs() -> Iterator[DebugLogs]:
    """Every log record of the test, at DEBUG for the root and every library logger."""
    with DebugLogs() as captured:
        yield captured


def _headers() -> dict[str, str]:
    return {"X-OpenAI-Api-Key": OPENAI_KEY, "X-OpenAI-Organization": "org-not-secret"}


async def _connect(
    server: EmbeddedServer,
    auth: AuthCredentials | None,
    config: AdditionalConfig | None = None,
) -> WeaviateAsyncClient:
    return await weaviate_async.connect_to_local(
        host=server.host,
        port=server.http_port,
        grpc_port=server.grpc_port,
        headers=_headers(),
        auth_credentials=auth,
        additional_config=config,
    )


async def _work(client: WeaviateAsyncClient, evidence: Evidence, name: str) -> None:
    """What an application does, successes and failures, every object and error recorded."""
    client.integrations.configure(Integrations.cohere(api_key=COHERE_KEY))
    evidence.add_internals("client", client)
    evidence.add_internals("connection", client._conn)
    evidence.add_object("config", client._conn.config)
    evidence.add_object("params", client._conn.params)
    assert (await client.get_meta())["version"]
    collection = await client.collections.create(
        name,
        properties=[Property(name="title", data_type=DataType.TEXT)],
        vector_config=Configure.Vectors.self_provided(),
    )
    try:
        await collection.data.insert({"title": "one"}, vector=[0.1, 0.2, 0.3])
        await collection.data.insert_many(
            [{"title": f"many {i}"} for i in range(5)],
            # vectors given: nothing to vectorize (the module keys are only carried)
        )
        async with collection.batch.fixed_size(batch_size=10) as batch:
            for i in range(20):
                await batch.add_object({"title": f"batch {i}"}, vector=[0.3, 0.2, float(i)])
        assert not collection.batch.failed_objects
        found = await collection.query.near_vector(
            [0.1, 0.2, 0.3], limit=3, return_metadata=MetadataQuery(distance=True)
        )
        assert found.objects
        assert (await collection.aggregate.over_all(total_count=True)).total_count == 26
        with pytest.raises(WeaviateBaseError) as failed_search:
            await client.collections.use(name + "Missing").query.fetch_objects(limit=1)
        evidence.add_exception("failed-search", failed_search.value)
        with pytest.raises(WeaviateBaseError) as failed_rest:
            await client.collections.use(name + "Missing").data.insert({"title": "x"})
        evidence.add_exception("failed-insert", failed_rest.value)
        with pytest.raises(WeaviateBaseError) as failed_filter:
            await collection.query.bm25("x", query_properties=["nosuchproperty"])
        evidence.add_exception("failed-bm25", failed_filter.value)
    finally:
        await client.collections.delete(name)


def _grep(evidence: Evidence, logs: DebugLogs, extra: list[str]) -> None:
    evidence.add_logs(logs)
    assert evidence.count() > 5
    evidence.assert_clean([*STATIC, *extra])


async def test_api_key_and_module_keys_never_show(
    secret_server: EmbeddedServer, logs: DebugLogs, name: str
) -> None:
    evidence = Evidence()
    credentials = Auth.api_key(API_KEY)
    evidence.add_object("credentials", credentials)
    client = await _connect(secret_server, credentials)
    try:
        await _work(client, evidence, name)
    finally:
        await client.close()
    evidence.add_internals("closed-client", client)
    with pytest.raises(AuthenticationFailedError) as refused:
        await _connect(secret_server, Auth.api_key(WRONG_KEY))
    evidence.add_exception("failed-auth", refused.value)
    with pytest.raises(WeaviateBaseError) as closed:
        await client.get_meta()
    evidence.add_exception("closed", closed.value)
    # The libraries underneath did log at DEBUG (else this test would prove nothing).
    names = logs.names()
    if resolve_grpc_transport(client._conn.config.grpc_transport) == "grpclib":
        assert "hpack.hpack" in names, names
    _grep(evidence, logs, [])


@pytest.mark.parametrize("flow", ["client_credentials", "password", "bearer"])
async def test_oidc_secrets_and_tokens_never_show(
    secret_server: EmbeddedServer,
    issuer: RecordingIssuer,
    logs: DebugLogs,
    name: str,
    flow: str,
) -> None:
    evidence = Evidence()
    credentials: AuthCredentials
    if flow == "client_credentials":
        credentials = Auth.client_credentials(CLIENT_SECRET, scope="openid offline_access")
    elif flow == "password":
        credentials = Auth.client_password(USER, PASSWORD)
    else:
        status, body = issuer.token(
            {"grant_type": "password", "username": USER, "password": PASSWORD},
            (CLIENT_ID, CLIENT_SECRET),
        )
        assert status == 200
        credentials = Auth.bearer_token(
            body["access_token"], expires_in=600, refresh_token=body["refresh_token"]
        )
    evidence.add_object("credentials", credentials)
    client = await _connect(secret_server, credentials)
    try:
        evidence.add_object("token-provider", client._conn._token_provider)
        await _work(client, evidence, name)
    finally:
        await client.close()
    assert issuer.handed_out
    _grep(evidence, logs, list(issuer.handed_out))


async def test_oidc_refused_secret_never_shows(
    secret_server: EmbeddedServer, logs: DebugLogs
) -> None:
    evidence = Evidence()
    with pytest.raises(AuthenticationFailedError) as refused:
        await _connect(secret_server, Auth.client_password(USER, WRONG_KEY))
    evidence.add_exception("refused-password", refused.value)
    with pytest.raises(AuthenticationFailedError) as refused_cc:
        await _connect(secret_server, Auth.client_credentials(WRONG_KEY))
    evidence.add_exception("refused-client-secret", refused_cc.value)
    _grep(evidence, logs, [])


@pytest.fixture
async def proxy() -> AsyncIterator[ConnectProxy]:
    """A proxy that wants the test's proxy credentials."""
    running = await ConnectProxy(username=PROXY_USER, password=PROXY_PASSWORD).start()
    try:
        yield running
    finally:
        await running.stop()


async def test_proxy_password_never_shows(
    secret_server: EmbeddedServer, proxy: ConnectProxy, logs: DebugLogs, name: str
) -> None:
    evidence = Evidence()
    through = Proxies(
        http=proxy.url_with(PROXY_USER, PROXY_PASSWORD),
        grpc=proxy.url_with(PROXY_USER, PROXY_PASSWORD),
    )
    config = AdditionalConfig(proxies=through, trust_env=False)
    evidence.add_object("proxies", through)
    client = await _connect(secret_server, Auth.api_key(API_KEY), config)
    try:
        await _work(client, evidence, name)
        assert proxy.tunnels[secret_server.grpc_port] >= 1
        # The proxy got its own credentials each time (aiohttp used to replace them with
        # "Bearer <api key>" from the session's default headers: refused, and the key leaked).
        assert proxy.forwarded[secret_server.http_port] >= 1 and proxy.refused == 0
    finally:
        await client.close()
    wrong = Proxies(
        http=proxy.url_with(PROXY_USER, WRONG_PROXY_PASSWORD),
        grpc=proxy.url_with(PROXY_USER, WRONG_PROXY_PASSWORD),
    )
    with pytest.raises(WeaviateBaseError) as refused:
        await _connect(secret_server, Auth.api_key(API_KEY), AdditionalConfig(proxies=wrong))
    evidence.add_exception("proxy-refused", refused.value)
    assert proxy.refused >= 1
    _grep(evidence, logs, [])


def test_sync_client_never_shows_secrets(
    secret_server: EmbeddedServer, logs: DebugLogs, name: str
) -> None:
    evidence = Evidence()
    client = weaviate_sync.connect_to_local(
        host=secret_server.host,
        port=secret_server.http_port,
        grpc_port=secret_server.grpc_port,
        headers=_headers(),
        auth_credentials=weaviate_sync.classes.init.Auth.api_key(API_KEY),
    )
    try:
        evidence.add_object("sync-client", client)
        sync_config = weaviate_sync.classes.config
        collection = client.collections.create(
            name,
            properties=[sync_config.Property(name="title", data_type=sync_config.DataType.TEXT)],
            vector_config=sync_config.Configure.Vectors.self_provided(),
        )
        collection.data.insert({"title": "one"}, vector=[0.1, 0.2])
        assert collection.query.near_vector([0.1, 0.2], limit=1).objects
        # A failed search in the caller's thread (the blocking path) and on the loop.
        for attempt in range(2):
            with pytest.raises(WeaviateBaseError) as failed:
                client.collections.use(name + "Missing").query.fetch_objects(limit=1)
            evidence.add_exception(f"sync-failed-search-{attempt}", failed.value)
        client.collections.delete(name)
    finally:
        client.close()
    with pytest.raises(AuthenticationFailedError) as refused:
        weaviate_sync.connect_to_local(
            host=secret_server.host,
            port=secret_server.http_port,
            grpc_port=secret_server.grpc_port,
            headers=_headers(),
            auth_credentials=weaviate_sync.classes.init.Auth.api_key(WRONG_KEY),
        )
    evidence.add_exception("sync-failed-auth", refused.value)
    _grep(evidence, logs, [])


def _cli(server: EmbeddedServer, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WEAVIATE_")}
    command = [sys.executable, "-m", "weaviate_async.cli"]
    command += ["--url", f"http://{server.host}:{server.http_port}"]
    command += ["--grpc-port", str(server.grpc_port), *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)


def _cli_in_process(server: EmbeddedServer, *args: str) -> tuple[int, str]:
    from typer.testing import CliRunner

    from weaviate_async.cli.app import app

    url = ["--url", f"http://{server.host}:{server.http_port}", "--grpc-port"]
    result = CliRunner().invoke(app, [*url, str(server.grpc_port), *args])
    return result.exit_code, result.output


def test_command_line_never_prints_secrets(secret_server: EmbeddedServer) -> None:
    """The output of the command line, in a process of its own (a failure: what reaches the
    terminal) and in this one (the other cases, through typer's runner: faster)."""
    evidence = Evidence()
    wrong = _cli(secret_server, "--api-key", WRONG_KEY, "collections", "list")
    assert wrong.returncode == 1, wrong.stderr
    evidence.add("cli-wrong-key", wrong.stdout + wrong.stderr)
    runs = {
        "cli-ok": (
            0,
            [
                "--api-key",
                API_KEY,
                "--header",
                f"X-OpenAI-Api-Key: {OPENAI_KEY}",
                "collections",
                "list",
            ],
        ),
        "cli-bad-header": (
            2,
            [
                "--api-key",
                API_KEY,
                "--header",
                f"X-Cohere-Api-Key={COHERE_KEY}",
                "collections",
                "list",
            ],
        ),
        "cli-missing": (1, ["--api-key", API_KEY, "collections", "show", "NoSuchCollectionHere"]),
    }
    for channel, (expected, args) in runs.items():
        code, output = _cli_in_process(secret_server, *args)
        assert code == expected, output
        evidence.add(channel, output)
    evidence.assert_clean(STATIC)


async def test_secret_headers_stay_out_of_the_hpack_table(
    secret_server: EmbeddedServer, name: str
) -> None:
    """grpclib's HTTP/2 connections (the pool's, and a blocking caller's own) send secret
    headers never-indexed: none is in the encoder's dynamic table after calls."""
    client = await _connect(
        secret_server, Auth.api_key(API_KEY), AdditionalConfig(grpc_transport="grpclib")
    )
    try:
        client.integrations.configure(Integrations.cohere(api_key=COHERE_KEY))
        collection = await client.collections.create(
            name,
            properties=[Property(name="title", data_type=DataType.TEXT)],
            vector_config=Configure.Vectors.self_provided(),
        )
        await collection.data.insert({"title": "one"}, vector=[0.1, 0.2])
        await collection.query.fetch_objects(limit=1)
        async with collection.batch.fixed_size(batch_size=5) as batch:
            await batch.add_object({"title": "two"}, vector=[0.2, 0.1])
        pool: Any = client._conn._transport
        tables = []
        for channel in pool._channels:
            if channel._protocol is not None:
                h2 = channel._protocol.processor.connection._connection
                tables.append(list(h2.encoder.header_table.dynamic_entries))
        assert tables
        # A blocking caller's own connection (the sync facade's search path).
        await asyncio.to_thread(
            client._conn.search_blocking,
            _search_request(name),
            operation="test.search",
        )
        entries = [e for e in pool._threads if e._h2 is not None]
        assert entries
        tables += [list(e._h2.encoder.header_table.dynamic_entries) for e in entries]
        await client.collections.delete(name)
    finally:
        await client.close()
    names = {name for table in tables for name, _ in table}
    assert b"user-agent" in names or b"te" in names  # the table is in use...
    for table in tables:
        for name, value in table:
            assert name not in (b"authorization", b"x-openai-api-key", b"x-cohere-api-key")
            for secret in (API_KEY, OPENAI_KEY, COHERE_KEY):
                assert secret.encode() not in value  # ...but not for the secrets


def _search_request(name: str) -> Any:
    from weaviate_async.proto.weaviate.v1 import search_get_pb2

    return search_get_pb2.SearchRequest(
        collection=name, limit=1, uses_123_api=True, uses_125_api=True, uses_127_api=True
    )
