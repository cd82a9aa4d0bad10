"""TLS (HTTPS and secure gRPC, mutual TLS) and proxies (HTTP forwarding, HTTP CONNECT for HTTPS
and gRPC) against real weaviate-server processes.

What weaviate-server v1.39.0 offers:

- HTTPS through go-swagger's flags ``--scheme https --tls-port --tls-certificate --tls-key``;
  ``--tls-ca`` makes the HTTPS listener require a client certificate signed by that CA
  (``tls.RequireAndVerifyClientCert``). The plain HTTP listener stays on beside it.
- TLS for gRPC through ``GRPC_CERT_FILE`` and ``GRPC_KEY_FILE`` (``credentials.NewServerTLSFromFile``):
  server authentication only; the gRPC server cannot require client certificates.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import weaviate_async
from tests.conftest import SERVER_VERSION
from tests.connect_proxy import ConnectProxy
from tests.tls_certs import TLSFiles, make_tls_files
from weaviate_async.connect.grpc_proxy import ProxyTunnelError, _open_tunnel, parse_proxy_url
from weaviate_async.connect.params import (
    AdditionalConfig,
    ConnectionParams,
    Proxies,
    RetryConfig,
    Timeout,
    TLSConfig,
)
from weaviate_async.embedded import EmbeddedOptions, EmbeddedServer
from weaviate_async.exceptions import (
    WeaviateConnectionError,
    WeaviateGRPCUnavailableError,
    WeaviateInvalidInputError,
    WeaviateStartUpError,
)

PROXY_USER = "proxy-user"
PROXY_PASSWORD = "s3cret-proxy-pass"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@attrs.frozen(kw_only=True)
class TLSServer:
    """A server with HTTPS on ``https_port`` and TLS on its gRPC port."""

    server: EmbeddedServer
    https_port: int
    files: TLSFiles
    mutual: bool

    def params(
        self, *, host: str = "127.0.0.1", http_secure: bool = True, grpc_secure: bool = True
    ) -> ConnectionParams:
        return ConnectionParams.from_params(
            http_host=host,
            http_port=self.https_port if http_secure else self.server.http_port,
            http_secure=http_secure,
            grpc_host=host,
            grpc_port=self.server.grpc_port,
            grpc_secure=grpc_secure,
        )


def _start_tls_server(files: TLSFiles, *, mutual: bool) -> TLSServer:
    https_port = _free_port()
    args = [
        "--scheme",
        "https",
        "--tls-host",
        "127.0.0.1",
        "--tls-port",
        str(https_port),
        "--tls-certificate",
        files.server_cert,
        "--tls-key",
        files.server_key,
    ]
    if mutual:
        args += ["--tls-ca", files.ca_cert]
    server = EmbeddedServer(
        EmbeddedOptions(
            version=SERVER_VERSION,
            modules=(),
            extra_args=tuple(args),
            additional_env_vars={
                "GRPC_CERT_FILE": files.server_cert,
                "GRPC_KEY_FILE": files.server_key,
            },
        )
    ).start()
    return TLSServer(server=server, https_port=https_port, files=files, mutual=mutual)


@pytest.fixture(scope="module")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> TLSFiles:
    """A CA, a loopback server certificate and a client certificate."""
    return make_tls_files(tmp_path_factory.mktemp("tls"))


@pytest.fixture(scope="module")
def tls_server(tls_files: TLSFiles) -> Iterator[TLSServer]:
    """HTTPS and secure gRPC, no client certificates asked for."""
    srv = _start_tls_server(tls_files, mutual=False)
    yield srv
    srv.server.stop()


@pytest.fixture(scope="module")
def mtls_server(tls_files: TLSFiles) -> Iterator[TLSServer]:
    """HTTPS that requires a client certificate signed by the test CA; secure gRPC."""
    srv = _start_tls_server(tls_files, mutual=True)
    yield srv
    srv.server.stop()


@pytest.fixture
async def proxy() -> AsyncIterator[ConnectProxy]:
    """An open HTTP proxy on loopback."""
    p = await ConnectProxy().start()
    yield p
    await p.stop()


@pytest.fixture
async def auth_proxy() -> AsyncIterator[ConnectProxy]:
    """An HTTP proxy on loopback that requires basic credentials."""
    p = await ConnectProxy(username=PROXY_USER, password=PROXY_PASSWORD).start()
    yield p
    await p.stop()


def _client(
    params: ConnectionParams, config: AdditionalConfig
) -> weaviate_async.WeaviateAsyncClient:
    return weaviate_async.WeaviateAsyncClient(connection_params=params, additional_config=config)


async def _check_rest_and_grpc(client: weaviate_async.WeaviateAsyncClient) -> None:
    """get_meta and the gRPC health check, plus a real weaviate.v1 call (Search) over gRPC."""
    assert (await client.get_meta())["version"] == SERVER_VERSION
    assert client._connection is not None
    await client._connection.grpc_health_check()
    name = "Tls" + uuid.uuid4().hex[:12]
    await client._connection.rest(
        "POST",
        "/schema",
        operation="test.setup",
        json={
            "class": name,
            "vectorizer": "none",
            "properties": [{"name": "title", "dataType": ["text"]}],
        },
    )
    try:
        await client.collections.get(name).data.insert({"title": "through"})
        page = await client.collections.get(name).query.fetch_objects()
        assert [o.properties["title"] for o in page.objects] == ["through"]
    finally:
        await client.collections.delete(name)


def _assert_no_secret(exc: BaseException, secret: str) -> None:
    seen: BaseException | None = exc
    while seen is not None:
        assert secret not in str(seen)
        assert secret not in repr(seen)
        seen = seen.__cause__ or seen.__context__


# --------------------------------------------------------------------------- TLS


async def test_https_and_grpc_tls_with_ca_bundle(tls_server: TLSServer) -> None:
    config = AdditionalConfig(tls=TLSConfig(ca_bundle=tls_server.files.ca_cert))
    async with _client(tls_server.params(), config) as client:
        assert client._connection is not None
        assert client._connection.params.http.url.startswith("https://")
        assert await client.is_ready()
        await _check_rest_and_grpc(client)


@pytest.mark.parametrize("transport", ["grpclib", "grpcio"])
async def test_without_a_ca_bundle_grpc_trusts_what_rest_trusts(
    tls_server: TLSServer, transport: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No ca_bundle: REST and gRPC (either transport) trust the same default CAs, here made
    the test CA through SSL_CERT_FILE (grpcio's own roots would refuse the server)."""
    monkeypatch.setenv("SSL_CERT_FILE", tls_server.files.ca_cert)
    monkeypatch.delenv("GRPC_DEFAULT_SSL_ROOTS_FILE_PATH", raising=False)
    config = AdditionalConfig(grpc_transport=transport)  # type: ignore[arg-type]
    async with _client(tls_server.params(), config) as client:
        await _check_rest_and_grpc(client)


async def test_tls_host_name_localhost_is_verified(tls_server: TLSServer) -> None:
    config = AdditionalConfig(tls=TLSConfig(ca_bundle=tls_server.files.ca_cert))
    async with _client(tls_server.params(host="localhost"), config) as client:
        assert (await client.get_meta())["version"] == SERVER_VERSION


@pytest.mark.parametrize("ca", ["system", "other"])
async def test_untrusted_server_certificate_fails_start_up_fast(
    tls_server: TLSServer, ca: str
) -> None:
    bundle = None if ca == "system" else tls_server.files.other_ca_cert
    config = AdditionalConfig(
        tls=TLSConfig(ca_bundle=bundle), retry=RetryConfig(max_tries=4, initial_delay=1.0)
    )
    started = time.monotonic()
    with pytest.raises(WeaviateStartUpError) as info:
        await _client(tls_server.params(), config).connect()
    message = str(info.value)
    assert "certificate" in message
    assert "CERTIFICATE_VERIFY_FAILED" in message or "verify" in message
    assert "ca_bundle" in message
    assert time.monotonic() - started < 1.0  # a certificate error is not retried


async def test_verify_false_works_without_the_ca(tls_server: TLSServer) -> None:
    config = AdditionalConfig(tls=TLSConfig(verify=False))
    if config.resolved_grpc_transport == "grpcio":
        # grpcio cannot skip verification: refused before anything is opened.
        with pytest.raises(WeaviateInvalidInputError, match=r"tls\.verify"):
            await _client(tls_server.params(), config).connect()
        return
    async with _client(tls_server.params(), config) as client:
        await _check_rest_and_grpc(client)


async def test_grpc_tls_without_the_ca_is_a_grpc_start_up_error(tls_server: TLSServer) -> None:
    # REST over the plain listener works; only gRPC (TLS) meets the untrusted certificate.
    with pytest.raises(WeaviateGRPCUnavailableError) as info:
        await _client(tls_server.params(http_secure=False), AdditionalConfig()).connect()
    assert "certificate" in str(info.value)
    assert "ca_bundle" in str(info.value)


async def test_plain_grpc_against_a_tls_port_fails_start_up(tls_server: TLSServer) -> None:
    config = AdditionalConfig(
        tls=TLSConfig(ca_bundle=tls_server.files.ca_cert), timeout=Timeout(init=2)
    )
    with pytest.raises(WeaviateGRPCUnavailableError):
        await _client(tls_server.params(grpc_secure=False), config).connect()


async def test_mutual_tls_with_a_client_certificate(mtls_server: TLSServer) -> None:
    files = mtls_server.files
    config = AdditionalConfig(
        tls=TLSConfig(
            ca_bundle=files.ca_cert, client_cert=files.client_cert, client_key=files.client_key
        )
    )
    async with _client(mtls_server.params(), config) as client:
        await _check_rest_and_grpc(client)


@pytest.mark.parametrize("verify", [True, False])
async def test_mutual_tls_without_a_client_certificate_fails(
    mtls_server: TLSServer, verify: bool
) -> None:
    tls = TLSConfig(ca_bundle=mtls_server.files.ca_cert) if verify else TLSConfig(verify=False)
    if not verify and AdditionalConfig().resolved_grpc_transport == "grpcio":
        with pytest.raises(WeaviateInvalidInputError, match=r"tls\.verify"):
            await _client(mtls_server.params(), AdditionalConfig(tls=tls)).connect()
        return
    with pytest.raises(WeaviateStartUpError) as info:
        await _client(mtls_server.params(), AdditionalConfig(tls=tls)).connect()
    message = str(info.value)
    assert "CERTIFICATE_REQUIRED" in message
    assert "client_cert" in message


async def test_mutual_tls_rejects_a_certificate_from_another_ca(
    mtls_server: TLSServer, tmp_path: Path
) -> None:
    stranger = make_tls_files(tmp_path)  # same names, different CA
    tls = TLSConfig(
        ca_bundle=mtls_server.files.ca_cert,
        client_cert=stranger.client_cert,
        client_key=stranger.client_key,
    )
    with pytest.raises(WeaviateStartUpError) as info:
        await _client(mtls_server.params(), AdditionalConfig(tls=tls)).connect()
    assert "client certificate" in str(info.value)


# --------------------------------------------------------------------------- proxies


def _local(server: EmbeddedServer) -> ConnectionParams:
    return ConnectionParams.from_params(
        http_host=server.host,
        http_port=server.http_port,
        http_secure=False,
        grpc_host=server.host,
        grpc_port=server.grpc_port,
        grpc_secure=False,
    )


async def test_rest_and_grpc_pass_through_the_proxy(
    server: EmbeddedServer, proxy: ConnectProxy
) -> None:
    config = AdditionalConfig(proxies=Proxies(http=proxy.url, grpc=proxy.url))
    async with _client(_local(server), config) as client:
        await _check_rest_and_grpc(client)
    assert proxy.forwarded[server.http_port] >= 1
    assert 1 <= proxy.tunnels[server.grpc_port] <= config.connection.grpc_channels
    assert set(proxy.tunnels) == {server.grpc_port}
    assert set(proxy.forwarded) == {server.http_port}


async def test_one_proxy_url_for_everything(server: EmbeddedServer, proxy: ConnectProxy) -> None:
    async with _client(_local(server), AdditionalConfig(proxies=proxy.url)) as client:
        await _check_rest_and_grpc(client)
    assert proxy.forwarded[server.http_port] >= 1
    assert proxy.tunnels[server.grpc_port] >= 1


async def test_grpc_proxy_only(server: EmbeddedServer, proxy: ConnectProxy) -> None:
    config = AdditionalConfig(proxies=Proxies(grpc=proxy.url))
    async with _client(_local(server), config) as client:
        await _check_rest_and_grpc(client)
    assert proxy.forwarded == {}
    assert proxy.tunnels[server.grpc_port] >= 1


async def test_proxy_credentials_are_sent(server: EmbeddedServer, auth_proxy: ConnectProxy) -> None:
    url = auth_proxy.url_with(PROXY_USER, PROXY_PASSWORD)
    config = AdditionalConfig(proxies=Proxies(http=url, grpc=url))
    async with _client(_local(server), config) as client:
        await _check_rest_and_grpc(client)
    assert auth_proxy.refused == 0
    assert auth_proxy.forwarded[server.http_port] >= 1
    assert auth_proxy.tunnels[server.grpc_port] >= 1


async def test_wrong_proxy_credentials_fail_naming_the_proxy_not_the_password(
    server: EmbeddedServer, auth_proxy: ConnectProxy
) -> None:
    url = auth_proxy.url_with(PROXY_USER, "wrong-" + PROXY_PASSWORD)
    config = AdditionalConfig(proxies=Proxies(http=url, grpc=url))
    with pytest.raises(WeaviateStartUpError) as info:
        await _client(_local(server), config).connect()
    message = str(info.value)
    assert auth_proxy.url in message
    assert "407" in message and "credentials" in message
    _assert_no_secret(info.value, PROXY_PASSWORD)
    assert auth_proxy.refused >= 1
    assert auth_proxy.forwarded == {} and auth_proxy.tunnels == {}


async def test_wrong_grpc_proxy_credentials_are_a_grpc_start_up_error(
    server: EmbeddedServer, auth_proxy: ConnectProxy
) -> None:
    url = auth_proxy.url_with(PROXY_USER, "wrong-" + PROXY_PASSWORD)
    config = AdditionalConfig(proxies=Proxies(grpc=url))
    with pytest.raises(WeaviateGRPCUnavailableError) as info:
        await _client(_local(server), config).connect()
    message = str(info.value)
    assert auth_proxy.url in message
    assert f"127.0.0.1:{server.grpc_port}" in message
    assert "407" in message
    _assert_no_secret(info.value, PROXY_PASSWORD)
    assert auth_proxy.tunnels == {}


async def test_missing_proxy_credentials_say_so(
    server: EmbeddedServer, auth_proxy: ConnectProxy
) -> None:
    with pytest.raises(WeaviateGRPCUnavailableError) as info:
        await _client(
            _local(server), AdditionalConfig(proxies=Proxies(grpc=auth_proxy.url))
        ).connect()
    assert "requires credentials" in str(info.value)


async def test_unreachable_grpc_proxy_is_named(server: EmbeddedServer) -> None:
    port = _free_port()
    config = AdditionalConfig(
        proxies=Proxies(grpc=f"http://{PROXY_USER}:{PROXY_PASSWORD}@127.0.0.1:{port}")
    )
    with pytest.raises(WeaviateGRPCUnavailableError) as info:
        await _client(_local(server), config).connect()
    assert f"http://127.0.0.1:{port}" in str(info.value)
    assert "unreachable" in str(info.value)
    _assert_no_secret(info.value, PROXY_PASSWORD)


async def test_https_and_grpc_tls_through_connect_tunnels(
    tls_server: TLSServer, auth_proxy: ConnectProxy
) -> None:
    url = auth_proxy.url_with(PROXY_USER, PROXY_PASSWORD)
    config = AdditionalConfig(
        proxies=Proxies(https=url, grpc=url),
        tls=TLSConfig(ca_bundle=tls_server.files.ca_cert),
    )
    async with _client(tls_server.params(), config) as client:
        await _check_rest_and_grpc(client)
    assert auth_proxy.tunnels[tls_server.https_port] >= 1
    assert auth_proxy.tunnels[tls_server.server.grpc_port] >= 1
    assert auth_proxy.forwarded == {}


async def test_untrusted_certificate_through_a_tunnel_is_still_a_tls_error(
    tls_server: TLSServer, proxy: ConnectProxy
) -> None:
    config = AdditionalConfig(proxies=Proxies(grpc=proxy.url))
    with pytest.raises(WeaviateGRPCUnavailableError) as info:
        await _client(tls_server.params(http_secure=False), config).connect()
    assert "certificate" in str(info.value)
    assert proxy.tunnels[tls_server.server.grpc_port] >= 1


async def test_wrong_https_proxy_credentials_fail_naming_the_proxy(
    tls_server: TLSServer, auth_proxy: ConnectProxy
) -> None:
    url = auth_proxy.url_with(PROXY_USER, "wrong-" + PROXY_PASSWORD)
    config = AdditionalConfig(
        proxies=Proxies(https=url), tls=TLSConfig(ca_bundle=tls_server.files.ca_cert)
    )
    with pytest.raises(WeaviateStartUpError) as info:
        await _client(tls_server.params(), config).connect()
    assert auth_proxy.url in str(info.value)
    assert "407" in str(info.value)
    _assert_no_secret(info.value, PROXY_PASSWORD)


async def test_trust_env_takes_the_grpc_proxy_from_the_environment(
    server: EmbeddedServer, proxy: ConnectProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in (
        "HTTP_PROXY",
        "http_proxy",
        "HTTPS_PROXY",
        "https_proxy",
        "ALL_PROXY",
        "all_proxy",
    ):
        monkeypatch.delenv(name, raising=False)
    for name in ("NO_PROXY", "no_proxy", "NO_GRPC_PROXY", "no_grpc_proxy", "grpc_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GRPC_PROXY", proxy.url)
    async with _client(_local(server), AdditionalConfig(trust_env=True)) as client:
        await _check_rest_and_grpc(client)
    assert proxy.tunnels[server.grpc_port] >= 1
    tunnels = proxy.tunnels[server.grpc_port]

    # Without trust_env, or with the host exempted, or with explicit proxies: no tunnel.
    async with _client(_local(server), AdditionalConfig()) as client:
        await _check_rest_and_grpc(client)
    monkeypatch.setenv("NO_GRPC_PROXY", f"localhost,{server.host}")
    async with _client(_local(server), AdditionalConfig(trust_env=True)) as client:
        await _check_rest_and_grpc(client)
    monkeypatch.delenv("NO_GRPC_PROXY")
    async with _client(
        _local(server), AdditionalConfig(trust_env=True, proxies=Proxies())
    ) as client:
        await _check_rest_and_grpc(client)
    assert proxy.tunnels[server.grpc_port] == tunnels


# --------------------------------------------------------------------------- pure helpers


def test_parse_proxy_url_keeps_the_password_out_of_sight() -> None:
    parsed = parse_proxy_url("http://user%40corp:p%3Ass@proxy.internal:3128")
    assert parsed.display == "http://proxy.internal:3128"
    assert parsed.authorization == "Basic dXNlckBjb3JwOnA6c3M="  # user@corp:p:ss
    assert "p:ss" not in repr(parsed) and "cDpzcw" not in repr(parsed)
    assert parse_proxy_url("proxy.internal:8080").display == "http://proxy.internal:8080"
    assert parse_proxy_url("http://[::1]:3128").display == "http://[::1]:3128"
    assert parse_proxy_url("http://proxy").port == 80
    with pytest.raises(WeaviateInvalidInputError) as info:
        parse_proxy_url("socks5://user:hunter2@proxy:1080", field="proxies.grpc")
    assert "hunter2" not in str(info.value)


async def test_open_tunnel_keeps_bytes_after_the_reply_head() -> None:
    # A proxy that sends the tunnel's first bytes in the same packet as its reply head: they
    # must stay in the socket for the HTTP/2 connection.
    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(b"HTTP/1.1 200 OK\r\nX-Any: 1\r\n\r\nFIRST-BYTES")
        await writer.drain()
        await reader.read()
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        sock = await _open_tunnel(parse_proxy_url(f"http://127.0.0.1:{port}"), "example", 1)
        try:
            data = b""
            while len(data) < len(b"FIRST-BYTES"):
                data += await asyncio.get_running_loop().sock_recv(sock, 64)
            assert data == b"FIRST-BYTES"
        finally:
            sock.close()
    finally:
        server.close()
        await server.wait_closed()


async def test_open_tunnel_reports_a_non_http_answer() -> None:
    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(b"SSH-2.0-nope\r\n\r\n")
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        with pytest.raises(ProxyTunnelError) as info:
            await _open_tunnel(parse_proxy_url(f"http://127.0.0.1:{port}"), "example", 1)
        assert "did not answer HTTP" in str(info.value)
        assert isinstance(info.value, ConnectionError)
    finally:
        server.close()
        await server.wait_closed()


def test_connection_error_hierarchy() -> None:
    assert issubclass(WeaviateGRPCUnavailableError, WeaviateStartUpError)
    assert issubclass(WeaviateStartUpError, WeaviateConnectionError)


async def test_unsupported_grpc_proxy_url_is_refused_at_connect() -> None:
    params = ConnectionParams.from_params(
        http_host="127.0.0.1",
        http_port=_free_port(),
        http_secure=False,
        grpc_host="127.0.0.1",
        grpc_port=_free_port(),
        grpc_secure=False,
    )
    config = AdditionalConfig(proxies=Proxies(grpc="socks5://user:hunter2@127.0.0.1:1080"))
    client = _client(params, config)
    with pytest.raises(WeaviateInvalidInputError) as info:
        await client.connect()
    assert "proxies.grpc" in str(info.value)
    assert "hunter2" not in str(info.value)
    assert not client.is_connected()


def test_sync_search_over_tls_runs_in_the_callers_thread(tls_server: TLSServer) -> None:
    """On grpclib a blocking search opens its own TLS connection in the caller's thread
    (``_h2_blocking``), verified against the same CA bundle."""
    import weaviate_sync
    from weaviate_async.connect._grpclib import GrpclibPool

    config = AdditionalConfig(
        grpc_transport="grpclib", tls=TLSConfig(ca_bundle=tls_server.files.ca_cert)
    )
    name = "Tls" + uuid.uuid4().hex[:12]
    with weaviate_sync.WeaviateClient(
        connection_params=tls_server.params(), additional_config=config
    ) as client:
        from weaviate_sync.classes.config import DataType, Property

        collection = client.collections.create(
            name, properties=[Property(name="title", data_type=DataType.TEXT)]
        )
        try:
            collection.data.insert({"title": "through"})
            page = collection.query.fetch_objects()
            assert [o.properties["title"] for o in page.objects] == ["through"]
            impl: Any = client._impl
            pool = impl._connection._transport
            assert isinstance(pool, GrpclibPool)
            assert [entry.thread for entry in pool._threads] == [threading.current_thread()]
        finally:
            client.collections.delete(name)


# ------------------------------------------------- verification on by default, every client


def _custom_kwargs(
    tls_server: TLSServer, transport: str, *, ca: bool, http_secure: bool = True
) -> dict[str, Any]:
    """connect_to_custom's arguments: only the transport chosen and, when ``ca``, the test CA;
    verification is left as it is by default."""
    tls = TLSConfig(ca_bundle=tls_server.files.ca_cert) if ca else TLSConfig()
    return {
        "http_host": "127.0.0.1",
        "http_port": tls_server.https_port if http_secure else tls_server.server.http_port,
        "http_secure": http_secure,
        "grpc_host": "127.0.0.1",
        "grpc_port": tls_server.server.grpc_port,
        "grpc_secure": True,
        "additional_config": AdditionalConfig(grpc_transport=transport, tls=tls),  # type: ignore[arg-type]
    }


def _transport_module(transport: str) -> str:
    return "grpcio_channel" if transport == "grpcio" else "_grpclib"


@pytest.fixture
def no_ca_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("SSL_CERT_FILE", "SSL_CERT_DIR", "GRPC_DEFAULT_SSL_ROOTS_FILE_PATH"):
        monkeypatch.delenv(name, raising=False)


def test_verification_is_on_unless_turned_off() -> None:
    assert TLSConfig().verify is True
    assert AdditionalConfig().tls.verify is True
    assert AdditionalConfig().tls.ca_bundle is None


@pytest.mark.usefixtures("no_ca_from_the_environment")
@pytest.mark.parametrize("transport", ["grpclib", "grpcio"])
async def test_async_client_verifies_certificates_by_default(
    tls_server: TLSServer, transport: str
) -> None:
    """Nothing said about verification: it is on. Without the test CA the self-signed server is
    refused over HTTPS and (REST in the clear) over secure gRPC; with the CA both work."""
    with pytest.raises(WeaviateStartUpError) as rest:
        await weaviate_async.connect_to_custom(**_custom_kwargs(tls_server, transport, ca=False))
    assert "certificate" in str(rest.value)
    with pytest.raises(WeaviateGRPCUnavailableError) as grpc:
        await weaviate_async.connect_to_custom(
            **_custom_kwargs(tls_server, transport, ca=False, http_secure=False)
        )
    assert "certificate" in str(grpc.value)
    assert "ca_bundle" in str(grpc.value)
    client = await weaviate_async.connect_to_custom(
        **_custom_kwargs(tls_server, transport, ca=True)
    )
    async with client:
        assert client._connection is not None
        assert client._connection.params.http.url.startswith("https://")
        assert type(client._connection._transport).__module__.endswith(_transport_module(transport))
        await _check_rest_and_grpc(client)


@pytest.mark.usefixtures("no_ca_from_the_environment")
@pytest.mark.parametrize("transport", ["grpclib", "grpcio"])
def test_sync_client_verifies_certificates_by_default(
    tls_server: TLSServer, transport: str
) -> None:
    """The blocking client likewise: refused without the CA (HTTPS, secure gRPC), accepted
    with it."""
    import weaviate_sync

    with pytest.raises(WeaviateStartUpError) as rest:
        weaviate_sync.connect_to_custom(**_custom_kwargs(tls_server, transport, ca=False))
    assert "certificate" in str(rest.value)
    with pytest.raises(WeaviateGRPCUnavailableError) as grpc:
        weaviate_sync.connect_to_custom(
            **_custom_kwargs(tls_server, transport, ca=False, http_secure=False)
        )
    assert "certificate" in str(grpc.value)
    assert "ca_bundle" in str(grpc.value)
    with weaviate_sync.connect_to_custom(
        **_custom_kwargs(tls_server, transport, ca=True)
    ) as client:
        impl: Any = client._impl
        assert impl._connection.params.http.url.startswith("https://")
        assert type(impl._connection._transport).__module__.endswith(_transport_module(transport))
        assert client.get_meta()["version"] == SERVER_VERSION
        name = "Tls" + uuid.uuid4().hex[:12]
        collection = client.collections.create_from_dict(
            {"class": name, "properties": [{"name": "title", "dataType": ["text"]}]}
        )
        try:
            collection.data.insert({"title": "verified"})
            page = collection.query.fetch_objects()  # over secure gRPC
            assert [o.properties["title"] for o in page.objects] == ["verified"]
        finally:
            client.collections.delete(name)
