"""Network faults between the client and the real server, injected by the fault proxy
(``tests/fault_proxy.py``): for REST (aiohttp), unary gRPC (search, and insert_many's
BatchObjects; grpclib and grpcio) and the batch stream, each fault surfaces as its typed error
within its time limit, is retried only where the retry engine allows (the proxy counts the
requests), and the next call succeeds once the fault ends, on the same client.

``NETFAULT_REPEAT`` runs each case that many times (the ``reliability_faults`` nox session).
"""

from __future__ import annotations

import asyncio
import os
import re
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any

import pytest

import weaviate_async
from tests.fault_proxy import FaultProxy
from weaviate_async.classes.config import DataType, Property
from weaviate_async.config import AdditionalConfig, RetryConfig, Timeout
from weaviate_async.embedded import EmbeddedServer
from weaviate_async.exceptions import (
    WeaviateBaseError,
    WeaviateBatchError,
    WeaviateConnectionError,
    WeaviateQueryError,
    WeaviateStartUpError,
    WeaviateTimeoutError,
)

LIMIT = 0.4  # seconds: every call's time limit (query, insert)
MARGIN = 0.5  # seconds a failure may come after its limit on a busy machine
TRIES = 3  # RetryConfig.max_tries
REPEAT = int(os.environ.get("NETFAULT_REPEAT", "1"))
TRANSPORTS = ["grpclib", "grpcio"]
SEARCH = "/weaviate.v1.Weaviate/Search"
BATCH_OBJECTS = "/weaviate.v1.Weaviate/BatchObjects"
BATCH_STREAM = "/weaviate.v1.Weaviate/BatchStream"

Client = weaviate_async.WeaviateAsyncClient


def _config(transport: str = "grpclib", *, init: float = 5.0) -> AdditionalConfig:
    return AdditionalConfig(
        grpc_transport=transport,  # type: ignore[arg-type]
        timeout=Timeout(query=LIMIT, insert=LIMIT, init=init),
        retry=RetryConfig(max_tries=TRIES, initial_delay=0.02, max_delay=0.05, max_time=10.0),
    )


class Rig:
    """Two proxies in front of the shared server (REST, gRPC), a collection to work on, and a
    blocking client straight to the server to look at what was stored."""

    def __init__(
        self, server: EmbeddedServer, rest: FaultProxy, grpc: FaultProxy, name: str, direct: Any
    ) -> None:
        self.server = server
        self.rest = rest
        self.grpc = grpc
        self.name = name
        self.direct = direct

    def client(self, transport: str = "grpclib", **options: Any) -> Client:
        return weaviate_async.use_async_with_local(
            host="127.0.0.1",
            port=self.rest.port,
            grpc_port=self.grpc.port,
            additional_config=_config(transport, **options),
        )


@pytest.fixture(scope="module")
def collection(server: EmbeddedServer) -> Iterator[tuple[str, Any]]:
    import weaviate_sync

    name = f"NetFaults{uuid.uuid4().hex[:8]}"
    with weaviate_sync.connect_to_local(
        host=server.host, port=server.http_port, grpc_port=server.grpc_port
    ) as direct:
        created = direct.collections.create(
            name, properties=[Property(name="n", data_type=DataType.INT)]
        )
        created.data.insert_many([{"n": i} for i in range(3)])
        yield name, direct
        direct.collections.delete(name)


@pytest.fixture
async def rig(server: EmbeddedServer, collection: tuple[str, Any]) -> AsyncIterator[Rig]:
    rest = await FaultProxy(server.host, server.http_port).start()
    grpc = await FaultProxy(server.host, server.grpc_port, http=False).start()
    try:
        yield Rig(server, rest, grpc, *collection)
    finally:
        await rest.stop()
        await grpc.stop()


async def _count(rig: Rig) -> int:
    reply = rig.direct.collections.use(rig.name).aggregate.over_all(total_count=True)
    return int(reply.total_count or 0)


# ---------------------------------------------------------------- the paths

Call = Callable[[Client, str], Awaitable[Any]]


async def _rest_read(client: Client, name: str) -> Any:
    return await client.collections.use(name).config.get()


async def _rest_write(client: Client, name: str) -> Any:
    return await client.collections.use(name).data.insert({"n": 100})


async def _search(client: Client, name: str) -> Any:
    return await client.collections.use(name).query.fetch_objects(limit=2)


async def _insert_many(client: Client, name: str) -> Any:
    return await client.collections.use(name).data.insert_many([{"n": 200}, {"n": 201}])


# path -> (call, proxy side, request marker, idempotent, objects a successful call adds)
PATHS: dict[str, tuple[Call, str, str, bool, int]] = {
    "rest.read": (_rest_read, "rest", "GET /v1/schema/", True, 0),
    "rest.write": (_rest_write, "rest", "POST /v1/objects", False, 1),
    "grpc.search": (_search, "grpc", SEARCH, True, 0),
    "grpc.insert_many": (_insert_many, "grpc", BATCH_OBJECTS, True, 2),
}
CASES = [
    pytest.param(path, transport, id=f"{path}-{transport}")
    for path in PATHS
    for transport in (["grpclib"] if path.startswith("rest") else TRANSPORTS)
]


def _proxy(rig: Rig, side: str) -> FaultProxy:
    return rig.rest if side == "rest" else rig.grpc


async def _fails_within(
    call: Awaitable[Any], error: type[WeaviateBaseError], limit: float
) -> tuple[WeaviateBaseError, float]:
    started = time.monotonic()
    with pytest.raises(error) as info:
        await asyncio.wait_for(call, limit + 10)  # a hang fails the test, it does not stall it
    elapsed = time.monotonic() - started
    _record(type(info.value).__name__, elapsed)
    assert elapsed <= limit + MARGIN, (elapsed, info.value)
    return info.value, elapsed


#: The class the official client raises for any failure of a gRPC call on that path: ours
#: (a time-out, a lost connection) is an instance of it too, so its except clauses catch ours.
OFFICIAL = {"grpc.search": WeaviateQueryError, "grpc.insert_many": WeaviateBatchError}


def _also_official(path: str, error: WeaviateBaseError) -> None:
    official = OFFICIAL.get(path)
    if official is not None:
        assert isinstance(error, official), type(error).__mro__
    else:  # over REST the official client raises the time-out and connection classes alone
        assert not isinstance(error, (WeaviateQueryError, WeaviateBatchError))


def _record(error: str, elapsed: float) -> None:
    # NETFAULT_REPORT=file: one line per failure seen (test, error class, seconds), for the
    # figures of docs/reliability.md.
    report = os.environ.get("NETFAULT_REPORT")
    if report:
        case = os.environ.get("PYTEST_CURRENT_TEST", "?").split("::")[-1].split(" ")[0]
        with open(report, "a", encoding="utf-8") as out:
            out.write(f"{case}\t{error}\t{elapsed:.3f}\n")


async def _recovers(rig: Rig, client: Client, call: Call, proxy: FaultProxy) -> None:
    # Several calls: grpclib spreads them over its channels, and each must work again.
    proxy.clear()
    for _ in range(4):
        await asyncio.wait_for(call(client, rig.name), LIMIT * TRIES + 10)


# ---------------------------------------------------------------- time limits


@pytest.mark.parametrize("repeat", range(REPEAT))
@pytest.mark.parametrize("fault", ["delay", "halfopen", "trickle"])
@pytest.mark.parametrize(("path", "transport"), CASES)
async def test_a_stalled_reply_times_out_once_and_the_client_recovers(
    rig: Rig, path: str, transport: str, fault: str, repeat: int
) -> None:
    """A reply held back, never coming, or coming a byte at a time: WeaviateTimeoutError
    after the call's limit, not retried (a time limit is the caller's patience), and the next
    call succeeds once the network is sound again."""
    call, side, marker, _, _ = PATHS[path]
    proxy = _proxy(rig, side)
    async with rig.client(transport) as client:
        await call(client, rig.name)  # warm: the connection is open
        before = proxy.count(marker)
        proxy.inject(fault, "down", seconds=LIMIT * 5, chunk=1, interval=0.05)  # type: ignore[arg-type]
        error, _ = await _fails_within(call(client, rig.name), WeaviateTimeoutError, LIMIT)
        _also_official(path, error)
        assert re.search(rf"timed out after {LIMIT:g}\d* s", str(error)), error
        assert proxy.count(marker) - before == 1
        await _recovers(rig, client, call, proxy)


@pytest.mark.parametrize("repeat", range(REPEAT))
@pytest.mark.parametrize("fault", ["drop", "reset"])
@pytest.mark.parametrize(("path", "transport"), CASES)
async def test_a_broken_connection_is_retried_only_when_idempotent(
    rig: Rig, path: str, transport: str, fault: str, repeat: int
) -> None:
    """The connection closed (FIN) or reset (RST) as the reply comes: the request may have
    been applied, so WeaviateConnectionError at once for a write, after every try for an
    idempotent call; the next call succeeds once the fault ends."""
    call, side, marker, idempotent, adds = PATHS[path]
    proxy = _proxy(rig, side)
    async with rig.client(transport) as client:
        await call(client, rig.name)
        stored = await _count(rig)
        before = proxy.count(marker)
        proxy.inject(fault, "down")  # type: ignore[arg-type]
        error, _ = await _fails_within(
            call(client, rig.name), WeaviateConnectionError, LIMIT * TRIES
        )
        _also_official(path, error)
        attempts = proxy.count(marker) - before
        if side == "rest" and idempotent:
            # After a lost connection each retry first probes readiness, through the same fault:
            # the probe fails, so the probes take the tries left. aiohttp itself sends an
            # idempotent request once more when a reused connection closes before answering.
            assert 1 <= attempts <= 2, proxy.requests
            assert proxy.count("/.well-known/ready") >= TRIES - 1
        elif not idempotent or transport == "grpclib":
            assert attempts == (TRIES if idempotent else 1), proxy.requests
        else:
            # grpcio opens a new connection before it sends a retry, and the fault cuts that
            # too: the retries fail before the request goes out.
            assert 1 <= attempts <= TRIES, proxy.requests
        # the write was applied once or not at all (the cut may come before the server read
        # it), never twice
        assert await _count(rig) in (stored, stored + adds)
        await _recovers(rig, client, call, proxy)


@pytest.mark.parametrize("repeat", range(REPEAT))
@pytest.mark.parametrize(("path", "transport"), CASES)
async def test_a_request_dropped_on_its_way_is_a_connection_error(
    rig: Rig, path: str, transport: str, repeat: int
) -> None:
    """The connection is cut as the request goes out (it never reaches the server): the
    same error; nothing stored."""
    call, side, _, _, _ = PATHS[path]
    proxy = _proxy(rig, side)
    async with rig.client(transport) as client:
        await call(client, rig.name)
        stored = await _count(rig)
        proxy.inject("reset", "up")
        error, _ = await _fails_within(
            call(client, rig.name), WeaviateConnectionError, LIMIT * TRIES
        )
        _also_official(path, error)
        assert proxy.tripped >= 1
        assert await _count(rig) == stored
        await _recovers(rig, client, call, proxy)


@pytest.mark.parametrize("repeat", range(REPEAT))
@pytest.mark.parametrize(("path", "transport"), CASES)
async def test_a_server_that_accepts_and_never_answers(
    rig: Rig, path: str, transport: str, repeat: int
) -> None:
    """A hung server: connections are accepted and nothing comes back. A call on a new
    connection times out after its limit; once the server answers again, the next call works."""
    call, side, _, _, _ = PATHS[path]
    proxy = _proxy(rig, side)
    proxy.inject("silent")
    async with weaviate_async.use_async_with_local(
        host="127.0.0.1",
        port=rig.rest.port,
        grpc_port=rig.grpc.port,
        skip_init_checks=True,
        additional_config=_config(transport),
    ) as client:
        error, _ = await _fails_within(call(client, rig.name), WeaviateTimeoutError, LIMIT)
        _also_official(path, error)
        assert proxy.connections >= 1
        await _recovers(rig, client, call, proxy)


@pytest.mark.parametrize("repeat", range(REPEAT))
@pytest.mark.parametrize("side", ["rest", "grpc"])
async def test_connecting_to_a_server_that_never_answers_fails_within_init(
    rig: Rig, side: str, repeat: int
) -> None:
    """The start-up checks meet a hung server: WeaviateStartUpError within the init limit
    (each check has it), not a hang."""
    _proxy(rig, side).inject("silent")
    init = 1.0
    client = rig.client(init=init)
    # REST: the meta request; gRPC: the health check (REST answers first)
    await _fails_within(client.connect(), WeaviateStartUpError, init * 2)
    await client.close()


# ---------------------------------------------------------------- the batch stream


@pytest.mark.parametrize("repeat", range(REPEAT))
@pytest.mark.parametrize("fault", ["drop", "reset", "halfopen", "delay"])
@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_the_batch_stream_rides_through_a_fault(
    rig: Rig, transport: str, fault: str, repeat: int
) -> None:
    """Server-side batching while the stream's connection fails: the stream is reopened and
    re-sends what was not acknowledged; every object is stored once, none failed."""
    proxy = rig.grpc
    async with rig.client(transport) as client:
        collection = client.collections.use(rig.name)
        stored = await _count(rig)
        objects = 60
        ids = [uuid.uuid4() for _ in range(objects)]
        started = time.monotonic()
        async with collection.batch.stream() as batch:
            for i in range(20):
                await batch.add_object({"n": 1000 + i}, uuid=ids[i])
            await _poll(lambda: proxy.count(BATCH_STREAM) >= 1)
            opened = proxy.count(BATCH_STREAM)
            proxy.inject(fault, "down", seconds=LIMIT * 3)  # type: ignore[arg-type]
            for i in range(20, objects):
                await batch.add_object({"n": 1000 + i}, uuid=ids[i])
            await _poll(lambda: proxy.tripped >= 1)
            proxy.clear()
        elapsed = time.monotonic() - started
        _record("completed", elapsed)
        assert collection.batch.failed_objects == []
        if fault != "delay":  # a slow stream is kept; a broken or dead one is replaced
            assert proxy.count(BATCH_STREAM) > opened, proxy.requests
        assert await _count(rig) == stored + objects
        assert elapsed < 20, elapsed


@pytest.mark.parametrize("repeat", range(REPEAT))
@pytest.mark.parametrize("fault", ["drop", "halfopen"])
@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_a_batch_stream_call_fails_typed_within_its_limit(
    rig: Rig, transport: str, fault: str, repeat: int
) -> None:
    """The stream handle itself (what the batch engine drives): a receive on a broken or dead
    connection raises WeaviateConnectionError or WeaviateTimeoutError within the limit."""
    from weaviate_async.proto.weaviate.v1 import batch_pb2

    proxy = rig.grpc
    expected = WeaviateConnectionError if fault == "drop" else WeaviateTimeoutError
    async with rig.client(transport) as client:
        connection = client._connection
        assert connection is not None
        proxy.inject(fault, "down")  # type: ignore[arg-type]

        async def exchange() -> None:
            async with connection.batch_stream(operation="batch.stream") as stream:
                start = batch_pb2.BatchStreamRequest(start=batch_pb2.BatchStreamRequest.Start())
                await stream.send(start)
                while await stream.recv() is not None:
                    pass

        await _fails_within(exchange(), expected, LIMIT * 2)
        proxy.clear()
        await _search(client, rig.name)


async def _poll(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.01)
