"""Large writes against the real server: ``insert_many`` and ``reference_add_many`` go out in
requests of bounded size (whatever the call's size) and land once each; a request that runs out
of time is a WeaviateTimeoutError on both gRPC transports, carrying what landed, and inserting
the rest again with the uuids it names completes the input without a duplicate. Its blocking
twin is generated (``__sync_twin__``).

The suite inserts ``LARGE_WRITES_OBJECTS`` (8,000) objects of 64 dimensions with the request
bound lowered to ``LARGE_WRITES_MAX_BYTES`` (256 KiB) into a flat index; the nox session
``reliability_large_writes`` runs 200,000 into an HNSW index with the client's own bound."""

from __future__ import annotations

import math
import os
import time
import uuid
from typing import Any

import numpy as np
import pytest

from tests.write_hooks import HoldingProxy, record_writes
from weaviate_async import use_async_with_custom
from weaviate_async.classes.config import Configure, DataType, Property, ReferenceProperty
from weaviate_async.classes.data import DataObject, DataReference
from weaviate_async.classes.init import AdditionalConfig, Timeout
from weaviate_async.client import WeaviateAsyncClient
from weaviate_async.embedded import EmbeddedServer
from weaviate_async.exceptions import WeaviateTimeoutError

__sync_twin__ = "tests/integration/test_large_writes_sync_gen.py"

OBJECTS = int(os.environ.get("LARGE_WRITES_OBJECTS", "8000"))
# 0: the client's own bound
MAX_BYTES = int(os.environ.get("LARGE_WRITES_MAX_BYTES", str(256 * 1024))) or None
INDEX = os.environ.get("LARGE_WRITES_INDEX", "flat")
DIM = 64
TRANSPORTS = ["grpclib", "grpcio"]


def _vectors(n: int, seed: int = 7) -> Any:
    return np.random.default_rng(seed).random((n, DIM), dtype=np.float32)


def _objects(n: int, uuids: list[uuid.UUID] | None = None) -> list[DataObject[Any, Any]]:
    vectors = _vectors(n)
    return [
        DataObject(
            {"title": f"object {i}", "count": i},
            vector=vectors[i],
            uuid=None if uuids is None else uuids[i],
        )
        for i in range(n)
    ]


async def _collection(client: WeaviateAsyncClient, name: str) -> Any:
    index = Configure.VectorIndex.hnsw() if INDEX == "hnsw" else Configure.VectorIndex.flat()
    return await client.collections.create(
        name,
        properties=[
            Property(name="title", data_type=DataType.TEXT),
            Property(name="count", data_type=DataType.INT),
        ],
        vector_config=Configure.Vectors.self_provided(vector_index_config=index),
    )


async def _count(collection: Any) -> int:
    result = await collection.aggregate.over_all(total_count=True)
    return int(result.total_count)


async def test_insert_many_goes_out_in_bounded_requests_and_stores_each_object_once(
    client: WeaviateAsyncClient, collection_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    collection = await _collection(client, collection_name)
    objects = _objects(OBJECTS)
    with record_writes(monkeypatch, MAX_BYTES) as seen:
        bound = seen.bound
        started, cpu = time.perf_counter(), time.process_time()
        result = await collection.data.insert_many(objects)
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    total = sum(seen.objects)
    print(
        f"\ninsert_many: {OBJECTS} objects of {DIM}-d, {len(seen.objects)} requests, "
        f"max {max(seen.objects) / 1e6:.2f} MB, total {total / 1e6:.1f} MB, "
        f"wall {wall:.1f} s, client CPU {cpu:.1f} s"
    )
    assert not result.has_errors and not result.errors
    assert max(seen.objects) <= bound
    assert len(seen.objects) >= math.ceil(total / bound) >= 2
    # one result per object, by input index, and every uuid distinct
    assert sorted(result.uuids) == list(range(OBJECTS))
    assert len(set(result.uuids.values())) == OBJECTS
    assert await _count(collection) == OBJECTS
    last = result.uuids[OBJECTS - 1]
    stored = await collection.query.fetch_object_by_id(last)
    assert stored is not None and stored.properties["count"] == OBJECTS - 1


async def test_reference_add_many_goes_out_in_bounded_requests(
    client: WeaviateAsyncClient, collection_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    await client.collections.create(collection_name + "T")
    try:
        collection = await client.collections.create(
            collection_name,
            references=[ReferenceProperty(name="to", target_collection=collection_name + "T")],
        )
        target = await client.collections.use(collection_name + "T").data.insert({})
        sources = (await collection.data.insert_many([{}] * 50)).uuids
        refs = [
            DataReference(from_property="to", from_uuid=sources[i % 50], to_uuid=target)
            for i in range(2000)
        ]
        with record_writes(monkeypatch, 64 * 1024) as seen:
            result = await collection.data.reference_add_many(refs)
        assert not result.has_errors
        assert len(seen.references) >= 3 and max(seen.references) <= 64 * 1024
        # every source holds the references sent to it (40 each), none lost or doubled
        found = await collection.query.fetch_object_by_id(
            sources[0], return_references=[_ref_query()]
        )
        assert found is not None and len(found.references["to"].objects) == 40
    finally:
        await client.collections.delete(collection_name + "T")


def _ref_query() -> Any:
    from weaviate_async.classes.query import QueryReference

    return QueryReference(link_on="to")


@pytest.mark.parametrize("grpc_transport", TRANSPORTS)
async def test_a_write_that_runs_out_of_time_is_a_timeout_and_a_retry_with_its_uuids_completes(
    client: WeaviateAsyncClient,
    server: EmbeddedServer,
    collection_name: str,
    monkeypatch: pytest.MonkeyPatch,
    grpc_transport: str,
) -> None:
    collection = await _collection(client, collection_name)
    proxy = HoldingProxy(server.host, server.grpc_port)
    n = 1500
    try:
        with record_writes(monkeypatch, 64 * 1024) as seen:
            # the third request meets a server that stops answering
            seen.before = lambda number: proxy.hold.set() if number == 3 else None
            async with use_async_with_custom(
                http_host=server.host,
                http_port=server.http_port,
                http_secure=False,
                grpc_host="127.0.0.1",
                grpc_port=proxy.port,
                grpc_secure=False,
                additional_config=AdditionalConfig(
                    timeout=Timeout(insert=2), grpc_transport=grpc_transport
                ),
            ) as held:
                data = held.collections.use(collection_name).data
                started = time.monotonic()
                with pytest.raises(WeaviateTimeoutError) as caught:
                    await data.insert_many(_objects(n))
                # within the request's deadline (2 s and 1 s per MB), not a retry's
                assert time.monotonic() - started < 10
                partial = caught.value.partial_result
                proxy.release()
                # the first two requests were answered; the third is in doubt, the rest unsent
                assert len(seen.objects) == 3
                answered = len(partial.uuids)
                assert answered > 0 and answered + len(partial.errors) == n
                assert sorted([*partial.uuids, *partial.errors]) == list(range(n))
                doubt = [e for e in partial.errors.values() if "not confirmed" in e.message]
                unsent = [e for e in partial.errors.values() if "not sent" in e.message]
                assert doubt and unsent and len(doubt) + len(unsent) == len(partial.errors)
                # what was answered is stored; a retry of the rest, with their uuids, completes
                # the input and stores nothing twice
                assert await _count(collection) >= answered
                again = [
                    DataObject(e.object_.properties, uuid=e.object_.uuid, vector=e.object_.vector)
                    for e in partial.errors.values()
                ]
                retried = await data.insert_many(again)
                assert not retried.has_errors
                assert await _count(collection) == n
    finally:
        proxy.close()


async def test_a_rest_write_that_runs_out_of_time_is_a_timeout_and_its_uuid_tells_if_it_landed(
    client: WeaviateAsyncClient, server: EmbeddedServer, collection_name: str
) -> None:
    collection = await _collection(client, collection_name)
    proxy = HoldingProxy(server.host, server.http_port)
    uid = uuid.uuid4()
    try:
        async with use_async_with_custom(
            http_host="127.0.0.1",
            http_port=proxy.port,
            http_secure=False,
            grpc_host=server.host,
            grpc_port=server.grpc_port,
            grpc_secure=False,
            additional_config=AdditionalConfig(timeout=Timeout(insert=1)),
        ) as held:
            data = held.collections.use(collection_name).data
            proxy.hold.set()
            with pytest.raises(WeaviateTimeoutError):
                await data.insert({"title": "once", "count": 1}, uuid=uid)
            proxy.release()
            # the request reached the server: the object is there although the call timed out,
            # under the uuid the caller chose; replacing it by that uuid is safe
            deadline = time.monotonic() + 30
            while not await collection.data.exists(uid):
                assert time.monotonic() < deadline, "the timed-out insert never landed"
            await data.replace(uid, {"title": "once", "count": 1})
            assert await _count(collection) == 1
    finally:
        proxy.close()
