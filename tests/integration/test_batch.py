"""Batch ingestion beyond plain use of the API: cancellation, rate limits with async indexing,
ingest from iterables, requests split to the server's message limit."""

from __future__ import annotations

import asyncio
import time
import uuid as uuid_lib
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

import weaviate_async
from tests.batch_helpers import DIM, _props, _rest, _server_ids, _vectors
from tests.conftest import SERVER_VERSION
from tests.integration.test_batch_api import _collection
from weaviate_async.classes.batch import Shard
from weaviate_async.classes.config import Configure
from weaviate_async.classes.data import DataObject
from weaviate_async.client import WeaviateAsyncClient
from weaviate_async.embedded import EmbeddedOptions, EmbeddedServer


@pytest.fixture
async def small_limit_server() -> AsyncIterator[EmbeddedServer]:
    """A server whose gRPC messages are limited to 1 MB."""
    srv = EmbeddedServer(
        EmbeddedOptions(
            version=SERVER_VERSION, additional_env_vars={"GRPC_MAX_MESSAGE_SIZE": "1000000"}
        )
    )
    await asyncio.to_thread(srv.start)
    try:
        yield srv
    finally:
        await asyncio.to_thread(srv.stop)


async def test_rate_limit_with_async_indexing(
    async_indexing_client: WeaviateAsyncClient,
) -> None:
    name = "RateAsync" + uuid_lib.uuid4().hex[:8]
    collection = await _collection(async_indexing_client, name)
    try:
        start = time.perf_counter()
        async with collection.batch.rate_limit(requests_per_minute=1800) as batch:  # 30/s
            for i in range(120):
                await batch.add_object(properties=_props(i), vector=[1.0] * DIM)
        elapsed = time.perf_counter() - start
        assert collection.batch.failed_objects == []
        assert 2.9 <= elapsed < 6.0, elapsed
        await collection.batch.wait_for_vector_indexing()
        assert await collection.length() == 120
    finally:
        await async_indexing_client.collections.delete(name)


async def test_wait_for_vector_indexing_returns_once_every_shard_is_ready(
    async_indexing_client: WeaviateAsyncClient, async_indexing_server: EmbeddedServer
) -> None:
    """Readiness as 4.24 decides it: each shard (or tenant) the batch wrote to is READY, which
    the server says only once its vector queues are empty; checked over plain REST."""
    name = "WaitIdx" + uuid_lib.uuid4().hex[:8]
    tenants_name = "WaitIdxMt" + uuid_lib.uuid4().hex[:8]
    client, srv = async_indexing_client, async_indexing_server
    await _collection(client, name)
    tenants = await _collection(
        client, tenants_name, multi_tenancy_config=Configure.multi_tenancy(enabled=True)
    )
    try:
        await tenants.tenants.create(["a", "b"])
        vectors = _vectors(3000)
        async with client.batch.fixed_size(batch_size=500, concurrent_requests=2) as batch:
            for i in range(3000):
                await batch.add_object(name, properties=_props(i), vector=vectors[i])
                await batch.add_object(
                    tenants_name, properties=_props(i), vector=vectors[i], tenant="ab"[i % 2]
                )
        assert client.batch.failed_objects == []
        await client.batch.wait_for_vector_indexing()
        for path in (f"/schema/{name}/shards", f"/schema/{tenants_name}/shards?tenant=a"):
            assert [s["status"] for s in _rest(srv, path)] == ["READY"]
        nodes = _rest(srv, "/nodes?output=verbose")["nodes"]
        mine = [
            sh for n in nodes for sh in n["shards"] or [] if sh["class"] in (name, tenants_name)
        ]
        assert len(mine) == 3 and all(sh["vectorQueueLength"] == 0 for sh in mine)

        # given shards: one tenant of the collection, by its name in lowercase first
        more = _vectors(2000)
        async with tenants.with_tenant("b").batch.fixed_size(batch_size=500) as batch:
            for i in range(2000):
                await batch.add_object(properties=_props(i), vector=more[i])
        await tenants.batch.wait_for_vector_indexing(
            shards=[Shard(collection=tenants_name[0].lower() + tenants_name[1:], tenant="b")]
        )
        status = _rest(srv, f"/schema/{tenants_name}/shards?tenant=b")
        assert [s["status"] for s in status] == ["READY"]
        assert await tenants.with_tenant("b").length() == 3500
    finally:
        await client.collections.delete([name, tenants_name])


async def test_cancelling_the_owner_reports_unconfirmed(
    client: WeaviateAsyncClient, server: EmbeddedServer, collection_name: str
) -> None:
    collection = await _collection(client, collection_name)
    added: list[str] = []

    async def produce() -> None:
        async with collection.batch.fixed_size(batch_size=50, concurrent_requests=2) as batch:
            for i in range(100_000):
                added.append(str(await batch.add_object(properties=_props(i), vector=[1.0] * DIM)))

    task = asyncio.create_task(produce())
    # cancel once the server has acknowledged something (how soon depends on its load)
    for _ in range(1200):  # 60 s at most
        if collection.batch.results.objs.uuids:
            break
        await asyncio.sleep(0.05)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    failed = {str(f.object_.uuid) for f in collection.batch.failed_objects}
    acked = {str(u) for u in collection.batch.results.objs.uuids.values()}
    assert added and failed and acked
    assert failed.isdisjoint(acked)
    assert failed | acked == set(added)
    on_server = set(_server_ids(server, collection_name))
    assert acked <= on_server  # acknowledged means stored
    assert all("cancelled" in f.message for f in collection.batch.failed_objects)


async def test_ingest_iterables_with_progress(
    client: WeaviateAsyncClient, server: EmbeddedServer, collection_name: str
) -> None:
    collection = await _collection(client, collection_name)
    seen: list[tuple[int, int, int]] = []
    vectors = _vectors(5000)

    def rows() -> Iterator[Any]:
        for i in range(5000):
            if i % 2:
                yield DataObject(properties=_props(i), vector=vectors[i])
            else:
                yield {"title": f"plain {i}", "count": i}

    result = await collection.data.ingest(rows(), progress=lambda *a: seen.append(a))
    assert not result.has_errors and len(result.uuids) == 5000
    assert seen and seen[-1][0] == 5000 and seen[-1][2] == 5000
    assert len(_server_ids(server, collection_name)) == 5000

    async def arows() -> AsyncIterator[dict[str, Any]]:
        for i in range(10):
            yield {"title": f"async {i}", "count": -i}

    result = await collection.data.ingest(arows())
    assert len(result.uuids) == 10 and await collection.length() == 5010


async def test_large_requests_are_split_not_failed(
    small_limit_server: EmbeddedServer,
) -> None:
    s = small_limit_server
    async with weaviate_async.use_async_with_local(
        host=s.host, port=s.http_port, grpc_port=s.grpc_port
    ) as client:
        name = "Split" + uuid_lib.uuid4().hex[:8]
        collection = await _collection(
            client, name, vector_config=Configure.Vectors.self_provided()
        )
        vectors = _vectors(1500, 1024)  # 4 KB each: 6 MB in all, the limit is 1 MB
        result = await collection.data.insert_many(
            [DataObject(properties=_props(i), vector=vectors[i]) for i in range(1500)]
        )
        assert not result.has_errors and len(result.uuids) == 1500
        async with collection.batch.fixed_size(batch_size=1000) as batch:
            for i in range(1500):
                await batch.add_object(properties=_props(i), vector=vectors[i])
        assert collection.batch.failed_objects == []
        assert await collection.length() == 3000
