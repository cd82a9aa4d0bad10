"""Connecting, server facts and closing, against the real server."""

from __future__ import annotations

import asyncio
import os
import time

import pytest

import weaviate_async
from tests.conftest import ADMIN_KEY, READER_KEY, SERVER_VERSION
from tests.fault_proxy import FaultProxy
from weaviate_async.auth import Auth
from weaviate_async.config import AdditionalConfig, RetryConfig, Timeout
from weaviate_async.connect.connection import parse_version
from weaviate_async.embedded import EmbeddedOptions, EmbeddedServer
from weaviate_async.exceptions import (
    AuthenticationFailedError,
    InsufficientPermissionsError,
    UnexpectedStatusCodeError,
    WeaviateClosedClientError,
    WeaviateConnectionError,
    WeaviateGRPCUnavailableError,
    WeaviateInvalidInputError,
    WeaviateStartUpError,
    WeaviateTimeoutError,
)


async def test_meta_version_is_the_pinned_version(
    client: weaviate_async.WeaviateAsyncClient,
) -> None:
    meta = await client.get_meta()
    assert meta["version"] == SERVER_VERSION
    assert "text2vec-bigram" in meta["modules"]


async def test_ready_live_and_grpc_health(client: weaviate_async.WeaviateAsyncClient) -> None:
    assert client.is_connected()
    assert await client.is_ready() is True
    assert await client.is_live() is True
    assert client._connection is not None
    await client._connection.grpc_health_check()


async def test_open_id_configuration_absent(client: weaviate_async.WeaviateAsyncClient) -> None:
    assert await client.get_open_id_configuration() is None


async def test_graphql_raw_query_reports_server_message(
    client: weaviate_async.WeaviateAsyncClient, collection_name: str
) -> None:
    assert client._connection is not None
    await client._connection.rest(
        "POST", "/schema", operation="test.setup", json={"class": collection_name}
    )
    deprecated = r"^Dep031: graphql_raw_query\(\) is deprecated .* May 1, 2027"
    with pytest.warns(DeprecationWarning, match=deprecated) as each:
        reply = await client.graphql_raw_query(
            f"{{ Get {{ {collection_name} {{ _additional {{ id }} }} }} }}"
        )
        bad = await client.graphql_raw_query("{ Get { NoSuchClass { x } } }")
    # deprecated, and still working: one warning per call, the replies as before
    assert len([w for w in each if w.category is DeprecationWarning]) == 2
    assert reply.get == {collection_name: []}
    assert reply.errors is None
    assert bad.errors and "NoSuchClass" in bad.errors[0]["message"]
    # the warning comes first, even for a query refused before sending
    with (
        pytest.warns(DeprecationWarning, match=deprecated),
        pytest.raises(WeaviateInvalidInputError),
    ):
        await client.graphql_raw_query("  ")


async def test_close_is_idempotent_and_blocks_further_use(server: EmbeddedServer) -> None:
    client = await weaviate_async.connect_to_local(
        host=server.host, port=server.http_port, grpc_port=server.grpc_port
    )
    await client.close()
    await client.close()
    assert not client.is_connected()
    with pytest.raises(WeaviateClosedClientError):
        await client.get_meta()


async def test_context_manager_connects_and_closes(server: EmbeddedServer) -> None:
    client = weaviate_async.use_async_with_local(
        host=server.host, port=server.http_port, grpc_port=server.grpc_port
    )
    assert not client.is_connected()
    async with client as c:
        assert c is client and c.is_connected()
        assert (await c.get_meta())["version"] == SERVER_VERSION
    assert not client.is_connected()


async def test_repr_names_the_server_not_the_secret(server: EmbeddedServer) -> None:
    client = weaviate_async.use_async_with_local(
        host=server.host, port=server.http_port, auth_credentials=Auth.api_key("very-secret")
    )
    assert "very-secret" not in repr(client)
    assert str(server.http_port) in repr(client)
    assert "very-secret" not in repr(Auth.api_key("very-secret"))


async def test_wrong_grpc_port_fails_start_up(server: EmbeddedServer) -> None:
    from weaviate_async.embedded import _free_ports

    client = weaviate_async.use_async_with_local(
        host=server.host, port=server.http_port, grpc_port=_free_ports(1)[0]
    )
    with pytest.raises(WeaviateGRPCUnavailableError) as info:
        await client.connect()
    assert isinstance(info.value, WeaviateStartUpError)
    assert not client.is_connected()


async def test_unreachable_server_fails_start_up() -> None:
    from weaviate_async.embedded import _free_ports

    port, grpc_port = _free_ports(2)
    client = weaviate_async.use_async_with_local(
        host="127.0.0.1",
        port=port,
        grpc_port=grpc_port,
        additional_config=AdditionalConfig(retry=RetryConfig(max_tries=2, initial_delay=0.05)),
    )
    with pytest.raises(WeaviateStartUpError) as info:
        await client.connect()
    assert str(port) in str(info.value)


async def test_skip_init_checks_connects_without_calls() -> None:
    from weaviate_async.embedded import _free_ports

    port, grpc_port = _free_ports(2)
    client = weaviate_async.use_async_with_local(
        host="127.0.0.1", port=port, grpc_port=grpc_port, skip_init_checks=True
    )
    await client.connect()
    assert client.is_connected()
    assert await client.is_ready() is False
    await client.close()


async def test_embedded_client_starts_and_stops_its_server() -> None:
    client = weaviate_async.use_async_with_embedded(version=SERVER_VERSION)
    async with client:
        assert (await client.get_meta())["version"] == SERVER_VERSION
        assert client._embedded is not None
        pid = client._embedded.pid
        assert pid is not None
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


# ---------------------------------------------------------------- authentication and RBAC


async def test_api_key_right_key_works(auth_server: EmbeddedServer) -> None:
    async with weaviate_async.use_async_with_local(
        host=auth_server.host,
        port=auth_server.http_port,
        grpc_port=auth_server.grpc_port,
        auth_credentials=Auth.api_key(ADMIN_KEY),
    ) as client:
        assert (await client.get_meta())["version"] == SERVER_VERSION
        assert client._connection is not None
        await client._connection.grpc_health_check()


async def test_api_key_wrong_key_raises_authentication_failed(auth_server: EmbeddedServer) -> None:
    client = weaviate_async.use_async_with_local(
        host=auth_server.host,
        port=auth_server.http_port,
        grpc_port=auth_server.grpc_port,
        auth_credentials=Auth.api_key("not-a-key"),
    )
    with pytest.raises(AuthenticationFailedError) as info:
        await client.connect()
    assert info.value.status == 401
    assert "not-a-key" not in str(info.value) and "not-a-key" not in repr(info.value)


async def test_no_key_raises_authentication_failed(auth_server: EmbeddedServer) -> None:
    client = weaviate_async.use_async_with_local(
        host=auth_server.host, port=auth_server.http_port, grpc_port=auth_server.grpc_port
    )
    with pytest.raises(AuthenticationFailedError):
        await client.connect()


async def test_limited_user_gets_insufficient_permissions(auth_server: EmbeddedServer) -> None:
    async with weaviate_async.use_async_with_local(
        host=auth_server.host,
        port=auth_server.http_port,
        grpc_port=auth_server.grpc_port,
        auth_credentials=Auth.api_key(READER_KEY),
    ) as client:
        assert client._connection is not None
        with pytest.raises(InsufficientPermissionsError) as info:
            await client._connection.rest(
                "POST", "/schema", operation="collections.create", json={"class": "Forbidden"}
            )
        assert info.value.status_code == 403
        assert info.value.server_message
        assert isinstance(info.value, UnexpectedStatusCodeError)


# ---------------------------------------------------------------- faults


@pytest.fixture
async def proxy(server: EmbeddedServer) -> FaultProxy:
    p = await FaultProxy(server.host, server.http_port).start()
    yield p  # type: ignore[misc]
    await p.stop()


async def test_slow_reply_times_out_within_ten_percent(
    server: EmbeddedServer, proxy: FaultProxy
) -> None:
    limit = 1.0
    async with weaviate_async.use_async_with_local(
        host="127.0.0.1",
        port=proxy.port,
        grpc_port=server.grpc_port,
        additional_config=AdditionalConfig(timeout=Timeout(query=limit, init=5)),
    ) as client:
        proxy.delay = 5.0
        started = time.monotonic()
        with pytest.raises(WeaviateTimeoutError) as info:
            await client.get_meta()
        elapsed = time.monotonic() - started
        assert limit <= elapsed <= limit * 1.1, elapsed
        assert "get_meta" in str(info.value) and "1 s" in str(info.value)


async def test_503_then_200_succeeds_after_one_retry(
    server: EmbeddedServer, proxy: FaultProxy
) -> None:
    async with weaviate_async.use_async_with_local(
        host="127.0.0.1", port=proxy.port, grpc_port=server.grpc_port
    ) as client:
        proxy.fail_next = 1
        meta = await client.get_meta()
        assert meta["version"] == SERVER_VERSION
        assert proxy.failed == 1


async def test_503_on_non_idempotent_write_is_not_retried(
    server: EmbeddedServer, proxy: FaultProxy
) -> None:
    async with weaviate_async.use_async_with_local(
        host="127.0.0.1", port=proxy.port, grpc_port=server.grpc_port
    ) as client:
        proxy.fail_next = 1
        assert client._connection is not None
        with pytest.raises(UnexpectedStatusCodeError) as info:
            await client._connection.rest(
                "POST", "/schema", operation="collections.create", json={"class": "NeverMade"}
            )
        assert info.value.status_code == 503
        assert info.value.server_message == "injected by proxy"
        assert proxy.failed == 1


async def test_server_stopped_then_restarted_client_recovers() -> None:
    srv = EmbeddedServer(EmbeddedOptions(version=SERVER_VERSION)).start()
    try:
        async with weaviate_async.use_async_with_local(
            host=srv.host,
            port=srv.http_port,
            grpc_port=srv.grpc_port,
            additional_config=AdditionalConfig(retry=RetryConfig(max_tries=2, initial_delay=0.05)),
        ) as client:
            assert (await client.get_meta())["version"] == SERVER_VERSION
            srv.kill()
            with pytest.raises(WeaviateConnectionError):
                await client.get_meta()
            assert await client.is_ready() is False
            srv.launch()
            await asyncio.get_running_loop().run_in_executor(None, srv.wait_ready)
            assert (await client.get_meta())["version"] == SERVER_VERSION
            assert client._connection is not None
            await client._connection.grpc_health_check()
    finally:
        srv.stop()


async def test_version_gate_raises_before_sending(
    client: weaviate_async.WeaviateAsyncClient,
) -> None:
    from weaviate_async.exceptions import WeaviateUnsupportedFeatureError

    assert client._connection is not None
    assert client._connection.server_version == parse_version(SERVER_VERSION)
    client._connection.require_version("anything old", "1.20.0")
    with pytest.raises(WeaviateUnsupportedFeatureError) as info:
        client._connection.require_version("a future feature", "99.1.0")
    assert info.value.feature == "a future feature"
    assert info.value.minimum_version == "99.1.0"
    assert SERVER_VERSION in str(info.value)


async def test_close_waits_for_in_flight_requests(
    server: EmbeddedServer, proxy: FaultProxy
) -> None:
    client = await weaviate_async.connect_to_local(
        host="127.0.0.1",
        port=proxy.port,
        grpc_port=server.grpc_port,
        additional_config=AdditionalConfig(timeout=Timeout(init=5, query=10)),
    )
    proxy.delay = 0.5
    pending = asyncio.ensure_future(client.get_meta())
    await asyncio.sleep(0.1)
    await client.close()
    assert (await pending)["version"] == SERVER_VERSION
    assert not client.is_connected()


async def test_module_headers_reach_the_server_without_leaking(server: EmbeddedServer) -> None:
    async with weaviate_async.use_async_with_local(
        host=server.host,
        port=server.http_port,
        grpc_port=server.grpc_port,
        headers={"X-OpenAI-Api-Key": "sk-not-real"},
    ) as client:
        assert (await client.get_meta())["version"] == SERVER_VERSION
        assert client._connection is not None
        await client._connection.grpc_health_check()
        assert "sk-not-real" not in repr(client) and "sk-not-real" not in repr(client._connection)
