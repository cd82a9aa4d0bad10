"""gRPC statuses a real server will not produce on demand (RESOURCE_EXHAUSTED, UNAVAILABLE,
DEADLINE_EXCEEDED), answered by a grpclib server in the test process that only plays back a
script of statuses; how the connection retries and maps them is what is tested. The retry
engine's clock is replaced: delays are recorded, not waited for.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from typing import Any

import pytest
from grpclib.const import Status
from grpclib.exceptions import GRPCError
from grpclib.server import Server, Stream

from tests.unit.retry_clock import FakeClock
from weaviate_async.connect.connection import Connection
from weaviate_async.connect.params import AdditionalConfig, ConnectionParams, RetryConfig
from weaviate_async.connect.retry import RetryPolicy
from weaviate_async.exceptions import (
    WeaviateBatchError,
    WeaviateConnectionError,
    WeaviateQueryError,
    WeaviateTimeoutError,
)
from weaviate_async.proto.weaviate.v1 import batch_pb2, search_get_pb2
from weaviate_async.proto.weaviate.v1.weaviate_grpc import WeaviateBase


class Scripted(WeaviateBase):
    """Each RPC fails with the next status of its script, then answers an empty reply."""

    def __init__(self) -> None:
        self.scripts: dict[str, list[tuple[Status, str]]] = {}
        self.calls: dict[str, int] = {}
        self.requests: list[Any] = []

    async def _play(self, name: str, stream: Stream[Any, Any], reply: Any) -> None:
        self.requests.append(await stream.recv_message())
        self.calls[name] = self.calls.get(name, 0) + 1
        script = self.scripts.get(name, [])
        if script:
            status, message = script.pop(0)
            raise GRPCError(status, message)
        await stream.send_message(reply)

    async def Search(self, stream: Stream[Any, Any]) -> None:
        await self._play("Search", stream, search_get_pb2.SearchReply(took=0.5))

    async def BatchObjects(self, stream: Stream[Any, Any]) -> None:
        await self._play("BatchObjects", stream, batch_pb2.BatchObjectsReply(took=0.25))

    async def BatchReferences(self, stream: Stream[Any, Any]) -> None:
        await self._play("BatchReferences", stream, batch_pb2.BatchReferencesReply())

    async def BatchDelete(self, stream: Stream[Any, Any]) -> None:
        raise GRPCError(Status.UNIMPLEMENTED)

    async def TenantsGet(self, stream: Stream[Any, Any]) -> None:
        raise GRPCError(Status.UNIMPLEMENTED)

    async def Aggregate(self, stream: Stream[Any, Any]) -> None:
        raise GRPCError(Status.UNIMPLEMENTED)

    async def BatchStream(self, stream: Stream[Any, Any]) -> None:
        raise GRPCError(Status.UNIMPLEMENTED)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    return FakeClock().install(monkeypatch)


@pytest.fixture
async def service() -> AsyncIterator[tuple[Scripted, int]]:
    scripted = Scripted()
    server = Server([scripted])
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    await server.start("127.0.0.1", port)
    try:
        yield scripted, port
    finally:
        server.close()
        # Not server.wait_closed(): it ends with asyncio's Server.wait_closed(), which from
        # Python 3.12 on also waits for every client connection to close, and grpcio keeps a
        # closed channel's connection in its process-wide subchannel pool (the wait never ends).
        # What must finish here is the server's request handlers.
        closing = [asyncio.ensure_future(h.wait_closed()) for h in server._handlers]
        if closing:
            await asyncio.wait(closing)


@pytest.fixture(params=["grpclib", "grpcio"])
async def conn(
    service: tuple[Scripted, int], request: pytest.FixtureRequest
) -> AsyncIterator[Connection]:
    # Both transports map the same statuses the same way (the service is grpclib's server).
    retry = RetryConfig(max_tries=4, max_time=30.0, initial_delay=0.2, max_delay=1.0)
    c = Connection(
        ConnectionParams.from_url("http://127.0.0.1:1", grpc_port=service[1]),
        config=AdditionalConfig(retry=retry, grpc_transport=request.param),
        skip_init_checks=True,
    )
    await c.connect()
    try:
        yield c
    finally:
        await c.close()


SEARCH = search_get_pb2.SearchRequest(collection="Article", limit=3)


async def test_resource_exhausted_is_retried(
    conn: Connection, service: tuple[Scripted, int], clock: FakeClock
) -> None:
    scripted, _ = service
    scripted.scripts["Search"] = [(Status.RESOURCE_EXHAUSTED, "quota")] * 2
    reply = await conn.search(SEARCH, operation="query.fetch_objects")
    assert reply.took == 0.5
    assert scripted.calls["Search"] == 3 and len(clock.sleeps) == 2


async def test_unavailable_retried_for_reads_until_attempts_run_out(
    conn: Connection, service: tuple[Scripted, int], clock: FakeClock
) -> None:
    scripted, _ = service
    scripted.scripts["Search"] = [(Status.UNAVAILABLE, f"draining {i}") for i in range(1, 6)]
    with pytest.raises(WeaviateConnectionError) as info:
        await conn.search(SEARCH, operation="query.fetch_objects")
    assert info.value.status == "UNAVAILABLE" and info.value.server_message == "draining 4"
    assert scripted.calls["Search"] == 4


async def test_unavailable_not_retried_for_references(
    conn: Connection, service: tuple[Scripted, int], clock: FakeClock
) -> None:
    # A reference added twice may be stored twice: no retry after the server may have acted.
    scripted, _ = service
    scripted.scripts["BatchReferences"] = [(Status.UNAVAILABLE, "going away")]
    with pytest.raises(WeaviateConnectionError, match="going away"):
        await conn.batch_references(batch_pb2.BatchReferencesRequest(), operation="batch.refs")
    assert scripted.calls["BatchReferences"] == 1 and clock.sleeps == []


async def test_deadline_exceeded_retried_for_batches_with_a_policy_that_allows_it(
    conn: Connection, service: tuple[Scripted, int], clock: FakeClock
) -> None:
    scripted, _ = service
    request = batch_pb2.BatchObjectsRequest(objects=[batch_pb2.BatchObject(uuid="u1")])
    scripted.scripts["BatchObjects"] = [(Status.DEADLINE_EXCEEDED, "slow disk")]
    with pytest.raises(WeaviateTimeoutError, match="slow disk"):
        await conn.batch_objects(request, operation="batch.objects")
    assert scripted.calls["BatchObjects"] == 1
    scripted.scripts["BatchObjects"] = [(Status.DEADLINE_EXCEEDED, "slow disk")] * 3
    patient = RetryPolicy(max_tries=10, max_time=600.0, idempotent=True, retry_timeouts=True)
    reply = await conn.batch_objects(request, operation="batch.objects", retry=patient, timeout=5)
    assert reply.took == 0.25
    assert scripted.calls["BatchObjects"] == 5


async def test_plain_failures_raise_the_rpcs_error_class_or_the_callers(
    conn: Connection, service: tuple[Scripted, int], clock: FakeClock
) -> None:
    scripted, _ = service
    scripted.scripts["BatchObjects"] = [(Status.INTERNAL, "disk full")] * 2
    request = batch_pb2.BatchObjectsRequest()
    with pytest.raises(WeaviateBatchError) as info:
        await conn.batch_objects(request, operation="batch.objects")
    assert info.value.server_message == "disk full" and info.value.status == "INTERNAL"
    assert info.value.target == "weaviate.v1.Weaviate/BatchObjects"

    class Mine(WeaviateQueryError):
        pass

    with pytest.raises(Mine):
        await conn.batch_objects(request, operation="batch.objects", error=Mine)
    assert scripted.calls["BatchObjects"] == 2 and clock.sleeps == []


async def test_bytes_and_message_requests_reach_the_server_alike(
    conn: Connection, service: tuple[Scripted, int]
) -> None:
    scripted, _ = service
    objects = [batch_pb2.BatchObject(uuid=f"u{i}", collection="A") for i in range(3)]
    message = batch_pb2.BatchObjectsRequest(objects=objects)
    encoded = b"".join(
        batch_pb2.BatchObjectsRequest(objects=[o]).SerializeToString() for o in objects
    )
    await conn.batch_objects(message, operation="batch.objects")
    await conn.batch_objects(encoded, operation="batch.objects")
    assert scripted.requests[-1] == scripted.requests[-2] == message
