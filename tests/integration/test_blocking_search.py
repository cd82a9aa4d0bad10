"""Sync searches on the grpclib transport go out from the caller's thread, on the thread's own
blocking HTTP/2 connection (no hop onto the client's loop thread), against a real server."""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

import weaviate_sync
from weaviate_async.config import AdditionalConfig
from weaviate_async.connect._grpclib import GrpclibPool

if TYPE_CHECKING:
    from weaviate_async.embedded import EmbeddedServer


def _connect(server: EmbeddedServer) -> weaviate_sync.WeaviateClient:
    return weaviate_sync.connect_to_local(
        host=server.host,
        port=server.http_port,
        grpc_port=server.grpc_port,
        additional_config=AdditionalConfig(grpc_transport="grpclib"),
    )


def _pool(client: weaviate_sync.WeaviateClient) -> GrpclibPool:
    impl: Any = client._impl
    pool = impl._connection._transport
    assert isinstance(pool, GrpclibPool)
    return pool


class _Hops:
    """Counts the connection's hops onto its loop (``Connection._hop``)."""

    def __init__(self, client: weaviate_sync.WeaviateClient) -> None:
        impl: Any = client._impl
        connection = impl._connection
        self.count = 0
        hop = connection._hop

        def counted(awaitable: Any) -> Any:
            self.count += 1
            return hop(awaitable)

        connection._hop = counted


@pytest.fixture
def client(server: EmbeddedServer) -> Iterator[weaviate_sync.WeaviateClient]:
    c = _connect(server)
    try:
        yield c
    finally:
        c.close()


@pytest.fixture
def collection(client: weaviate_sync.WeaviateClient, collection_name: str) -> Any:
    from weaviate_sync.classes.config import DataType, Property

    col = client.collections.create(
        collection_name, properties=[Property(name="title", data_type=DataType.TEXT)]
    )
    col.data.insert_many([{"title": f"t{i}"} for i in range(3)])
    return col


def _titles(collection: Any) -> list[str]:
    reply = collection.query.fetch_objects(limit=10)
    return sorted(o.properties["title"] for o in reply.objects)


def test_a_search_runs_in_the_callers_thread(
    client: weaviate_sync.WeaviateClient, collection: Any
) -> None:
    hops = _Hops(client)
    for _ in range(3):
        assert _titles(collection) == ["t0", "t1", "t2"]
    assert hops.count == 0
    threads = [entry.thread for entry in _pool(client)._threads]
    assert threads == [threading.current_thread()]


def test_each_thread_has_a_channel_and_ended_threads_lose_theirs(
    client: weaviate_sync.WeaviateClient, collection: Any
) -> None:
    hops = _Hops(client)
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def work() -> None:
        try:
            barrier.wait()
            for _ in range(5):
                assert _titles(collection) == ["t0", "t1", "t2"]
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors, errors[:3]
    assert hops.count == 0
    pool = _pool(client)
    ended = list(pool._threads)
    assert {entry.thread for entry in ended} == set(threads)
    # The next new thread closes the channels (and loops) of the threads that ended.
    assert _titles(collection) == ["t0", "t1", "t2"]
    assert all(entry.retired and entry._sock is None for entry in ended)
    assert [entry.thread for entry in pool._threads] == [threading.current_thread()]


def test_a_thread_that_runs_an_event_loop_calls_directly_too(
    client: weaviate_sync.WeaviateClient, collection: Any
) -> None:
    # A blocking call blocks the caller's loop either way; it needs no loop of its own.
    hops = _Hops(client)

    async def inside_a_loop() -> list[str]:
        return _titles(collection)

    assert asyncio.run(inside_a_loop()) == ["t0", "t1", "t2"]
    assert hops.count == 0
    assert [entry.thread for entry in _pool(client)._threads] == [threading.current_thread()]


def test_failures_are_those_of_the_async_client(
    client: weaviate_sync.WeaviateClient, collection_name: str
) -> None:
    from weaviate_sync.classes.init import AdditionalConfig as SyncConfig
    from weaviate_sync.classes.init import Timeout

    hops = _Hops(client)
    missing = client.collections.use(collection_name)
    with pytest.raises(weaviate_sync.exceptions.WeaviateQueryError) as info:
        missing.query.fetch_objects()
    assert collection_name in str(info.value)
    assert hops.count == 0
    col = client.collections.create(collection_name)
    assert col.query.fetch_objects().objects == []  # the connection is still usable
    host, http_port, grpc_port = _ports(client)
    with (
        weaviate_sync.connect_to_local(
            host=host,
            port=http_port,
            grpc_port=grpc_port,
            additional_config=SyncConfig(grpc_transport="grpclib", timeout=Timeout(query=0.000001)),
            skip_init_checks=True,
        ) as hurried,
        pytest.raises(weaviate_sync.exceptions.WeaviateTimeoutError),
    ):
        hurried.collections.use(collection_name).query.fetch_objects()


def _ports(client: weaviate_sync.WeaviateClient) -> tuple[str, int, int]:
    impl: Any = client._impl
    params = impl._connection.params
    return params.http.host, params.http.port, params.grpc.port


def test_close_from_another_thread_closes_every_threads_channel(
    server: EmbeddedServer, collection_name: str
) -> None:
    c = _connect(server)
    col = c.collections.create(collection_name)
    assert len(col.query.fetch_objects().objects) == 0
    entries = list(_pool(c)._threads)
    assert len(entries) == 1
    closer = threading.Thread(target=c.close)
    closer.start()
    closer.join(60)
    assert entries[0].retired and entries[0]._sock is None
    with pytest.raises(weaviate_sync.exceptions.WeaviateClosedClientError):
        col.query.fetch_objects()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_forked_child_searches_on_channels_of_its_own(
    client: weaviate_sync.WeaviateClient, collection: Any
) -> None:
    assert _titles(collection) == ["t0", "t1", "t2"]
    parents = _pool(client)
    pid = os.fork()
    if pid == 0:
        status = 1
        try:
            signal.alarm(60)
            first = _titles(collection)  # hops: the connection reopens its transports
            second = _titles(collection)  # in this thread, on the child's own channel
            ok = first == second == ["t0", "t1", "t2"] and _pool(client) is not parents
            ok = ok and len(_pool(client)._threads) == 1
            client.close()
            status = 0 if ok else 2
        except BaseException:
            import traceback

            traceback.print_exc()
        finally:
            os._exit(status)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert _titles(collection) == ["t0", "t1", "t2"]  # the parent's channels are untouched
    assert _pool(client) is parents
