"""Batch ingestion through the public API (client.batch / collection.batch, every mode)
against the real server: every object ends acknowledged (and on the server) or in
failed_objects. Its blocking twin is generated (``__sync_twin__``)."""

from __future__ import annotations

import time
import uuid as uuid_lib
from typing import Any

import numpy as np
import pytest

from tests.batch_helpers import DIM, _props, _rest, _server_ids, _vectors
from weaviate_async.classes.config import Configure, DataType, Property, ReferenceProperty
from weaviate_async.classes.data import ReferenceToMulti
from weaviate_async.client import WeaviateAsyncClient
from weaviate_async.embedded import EmbeddedServer
from weaviate_async.exceptions import WeaviateInvalidInputError

__sync_twin__ = "tests/integration/test_batch_api_sync_gen.py"


async def _collection(client: WeaviateAsyncClient, name: str, **extra: Any) -> Any:
    return await client.collections.create(
        name,
        properties=[
            Property(name="title", data_type=DataType.TEXT),
            Property(name="count", data_type=DataType.INT),
            Property(name="when", data_type=DataType.DATE),
        ],
        vector_config=extra.pop("vector_config", Configure.Vectors.self_provided()),
        **extra,
    )


async def test_dynamic_batch_lands_every_object(
    client: WeaviateAsyncClient, server: EmbeddedServer, collection_name: str
) -> None:
    collection = await _collection(client, collection_name)
    vectors = _vectors(2000)
    given: dict[int, Any] = {}
    async with collection.batch.dynamic() as batch:
        for i in range(2000):
            uid = await batch.add_object(properties=_props(i), vector=vectors[i])
            given[i] = uid
    assert collection.batch.failed_objects == []
    assert batch.number_errors == 0
    results = collection.batch.results.objs
    assert len(results.uuids) == 2000 and not results.has_errors
    assert {i: str(u) for i, u in results.uuids.items()} == {i: str(u) for i, u in given.items()}
    assert sorted(_server_ids(server, collection_name)) == sorted(str(u) for u in given.values())
    obj = _rest(server, f"/objects/{collection_name}/{given[1234]}?include=vector")
    assert obj["properties"]["count"] == 1234
    assert np.allclose(obj.get("vector") or obj["vectors"]["default"], vectors[1234])


async def test_fixed_size_with_references_and_named_vectors(
    client: WeaviateAsyncClient, server: EmbeddedServer, collection_name: str
) -> None:
    target = await _collection(client, collection_name + "T")
    try:
        source = await client.collections.create(
            collection_name,
            properties=[Property(name="title", data_type=DataType.TEXT)],
            references=[
                ReferenceProperty(name="to", target_collection=collection_name + "T"),
                ReferenceProperty(
                    name="multi", target_collection=[collection_name + "T", collection_name]
                ),
            ],
            vector_config=[
                Configure.Vectors.self_provided(name="a"),
                Configure.Vectors.self_provided(name="b"),
            ],
        )
        targets = [uuid_lib.uuid4() for _ in range(10)]
        async with target.batch.fixed_size(batch_size=4, concurrent_requests=2) as tb:
            for i, t in enumerate(targets):
                await tb.add_object(properties=_props(i), uuid=t, vector=[0.5] * DIM)
        sources = [uuid_lib.uuid4() for _ in range(25)]
        async with source.batch.fixed_size(batch_size=10) as batch:
            for i, s in enumerate(sources):
                await batch.add_object(
                    {"title": f"s{i}"}, uuid=s, vector={"a": [1.0, float(i)], "b": [float(i)] * 3}
                )
                await batch.add_reference(s, "to", targets[i % 10])
                await batch.add_reference(
                    s,
                    "multi",
                    ReferenceToMulti(uuids=targets[:2], target_collection=collection_name + "T"),
                )
        assert source.batch.failed_objects == [] and source.batch.failed_references == []
        obj = _rest(server, f"/objects/{collection_name}/{sources[13]}?include=vector")
        beacons = [r["beacon"] for r in obj["properties"]["to"]]
        assert beacons == [f"weaviate://localhost/{collection_name}T/{targets[3]}"]
        multi = sorted(r["beacon"] for r in obj["properties"]["multi"])
        assert multi == sorted(f"weaviate://localhost/{collection_name}T/{t}" for t in targets[:2])
        assert obj["vectors"]["b"] == [13.0] * 3
    finally:
        await client.collections.delete(collection_name + "T")


async def test_client_batch_interleaves_collections_and_tenants(
    client: WeaviateAsyncClient, server: EmbeddedServer, collection_name: str
) -> None:
    plain = await _collection(client, collection_name)
    mt_name = collection_name + "Mt"
    await _collection(client, mt_name, multi_tenancy_config=Configure.multi_tenancy())
    try:
        _rest(server, f"/schema/{mt_name}/tenants", "POST", [{"name": "t1"}, {"name": "t2"}])
        expected: dict[tuple[str, str | None], set[str]] = {}
        async with client.batch.dynamic() as batch:
            for i in range(300):
                where = [(collection_name, None), (mt_name, "t1"), (mt_name, "t2")][i % 3]
                uid = await batch.add_object(
                    where[0][0].lower() + where[0][1:]
                    if i % 2
                    else where[0],  # first letter uppercased
                    properties=_props(i),
                    vector=[float(i)] * DIM,
                    tenant=where[1],
                )
                expected.setdefault(where, set()).add(str(uid))
        assert client.batch.failed_objects == []
        for (name, tenant), ids in expected.items():
            assert set(_server_ids(server, name, tenant)) == ids, (name, tenant)
        assert await plain.length() == 100
    finally:
        await client.collections.delete(mt_name)


async def test_invalid_objects_reported_by_index_and_uuid(
    client: WeaviateAsyncClient, server: EmbeddedServer, collection_name: str
) -> None:
    collection = await _collection(client, collection_name)
    bad_indices = {5, 17, 18, 42}
    ids: dict[int, str] = {}
    async with collection.batch.dynamic() as batch:
        for i in range(60):
            props = _props(i)
            if i in bad_indices:
                props["count"] = "not a number"  # the server refuses the type
            ids[i] = str(await batch.add_object(properties=props, vector=[1.0] * DIM))
        with pytest.raises(WeaviateInvalidInputError) as info:
            await batch.add_object(properties={"title": "x"}, vector=[1.0, "x"])
        assert "vector[1]" in str(info.value.field) and "objects[" in str(info.value.field)
    failed = collection.batch.failed_objects
    assert {f.object_.index for f in failed} == bad_indices
    assert {str(f.object_.uuid) for f in failed} == {ids[i] for i in bad_indices}
    assert all(f.message for f in failed)
    landed = set(_server_ids(server, collection_name))
    assert landed == {ids[i] for i in range(60) if i not in bad_indices}
    assert set(collection.batch.results.objs.errors) == bad_indices


async def test_small_batch_completes_without_polling(
    client: WeaviateAsyncClient, collection_name: str
) -> None:
    collection = await _collection(client, collection_name)
    timings = []
    for n in (99, 100, 1):
        start = time.perf_counter()
        async with collection.batch.dynamic() as batch:
            for i in range(n):
                await batch.add_object(properties=_props(i), vector=[1.0] * DIM)
        timings.append(time.perf_counter() - start)
    assert collection.batch.failed_objects == []
    # A round trip of a few hundred ms at most; the official client once slept a second here.
    assert max(timings) < 0.8, timings


async def test_flush_sends_what_was_added(
    client: WeaviateAsyncClient, server: EmbeddedServer, collection_name: str
) -> None:
    collection = await _collection(client, collection_name)
    async with collection.batch.fixed_size(batch_size=1000) as batch:
        for i in range(7):
            await batch.add_object(properties=_props(i), vector=[1.0] * DIM)
        await batch.flush()
        assert len(_server_ids(server, collection_name)) == 7
        await batch.add_object(properties=_props(7), vector=[1.0] * DIM)
    assert len(_server_ids(server, collection_name)) == 8


async def test_rate_limit_holds_the_rate(client: WeaviateAsyncClient, collection_name: str) -> None:
    collection = await _collection(client, collection_name)
    start = time.perf_counter()
    async with collection.batch.rate_limit(requests_per_minute=1200) as batch:  # 20 objects/s
        for i in range(100):
            await batch.add_object(properties=_props(i), vector=[1.0] * DIM)
    elapsed = time.perf_counter() - start
    assert collection.batch.failed_objects == []
    # 100 objects at 20/s with a one-second burst: at least 4 s, and not much more.
    assert 3.9 <= elapsed < 7.0, elapsed
    assert await collection.length() == 100


@pytest.mark.min_server("1.36.0")
async def test_stream_batch_lands_objects_and_references(
    client: WeaviateAsyncClient, server: EmbeddedServer, collection_name: str
) -> None:
    collection = await client.collections.create(
        collection_name,
        properties=[Property(name="n", data_type=DataType.INT)],
        references=[ReferenceProperty(name="next", target_collection=collection_name)],
        vector_config=Configure.Vectors.self_provided(),
    )
    ids = [uuid_lib.uuid4() for _ in range(3000)]
    vectors = _vectors(3000)
    bad = {10, 2500}
    async with collection.batch.stream() as batch:
        for i, uid in enumerate(ids):
            props: dict[str, Any] = {"n": i if i not in bad else "bad"}
            await batch.add_object(properties=props, uuid=uid, vector=vectors[i])
            if i:
                await batch.add_reference(ids[i - 1], "next", uid)
        await batch.add_reference(ids[5], "missing_property", ids[6])
    failed = collection.batch.failed_objects
    assert {f.object_.index for f in failed} == bad
    assert {str(f.object_.uuid) for f in failed} == {str(ids[i]) for i in bad}
    refs_failed = collection.batch.failed_references
    # The reference on the missing property fails; so do those from the objects that failed.
    assert any(r.reference.from_property_name == "missing_property" for r in refs_failed)
    landed = set(_server_ids(server, collection_name))
    assert landed == {str(u) for i, u in enumerate(ids) if i not in bad}
    obj = _rest(server, f"/objects/{collection_name}/{ids[41]}")
    assert [r["beacon"] for r in obj["properties"]["next"]] == [
        f"weaviate://localhost/{collection_name}/{ids[42]}"
    ]
    assert len(collection.batch.results.objs.uuids) == 3000 - len(bad)


@pytest.mark.min_server("1.36.0")
async def test_stream_client_batch_across_collections(
    client: WeaviateAsyncClient, server: EmbeddedServer, collection_name: str
) -> None:
    await _collection(client, collection_name)
    other = collection_name + "B"
    await _collection(client, other)
    try:
        async with client.batch.stream(concurrency=2) as batch:
            for i in range(1000):
                await batch.add_object(
                    collection_name if i % 2 else other, _props(i), vector=[1.0] * DIM
                )
        assert client.batch.failed_objects == []
        assert len(_server_ids(server, collection_name)) == 500
        assert len(_server_ids(server, other)) == 500
    finally:
        await client.collections.delete(other)


async def test_tenant_handle_batch_and_ingest(
    client: WeaviateAsyncClient, server: EmbeddedServer, collection_name: str
) -> None:
    await _collection(client, collection_name, multi_tenancy_config=Configure.multi_tenancy())
    _rest(server, f"/schema/{collection_name}/tenants", "POST", [{"name": "a"}, {"name": "b"}])
    base = client.collections.use(collection_name)
    async with base.with_tenant("a").batch.dynamic() as batch:
        for i in range(120):
            await batch.add_object(properties=_props(i), vector=[1.0] * DIM)
    assert base.with_tenant("a").batch.failed_objects == []
    result = await base.with_tenant("b").data.ingest(
        {"title": f"row {i}", "count": i} for i in range(250)
    )
    assert not result.has_errors and len(result.uuids) == 250
    assert len(_server_ids(server, collection_name, "a")) == 120
    assert set(_server_ids(server, collection_name, "b")) == {str(u) for u in result.uuids.values()}
    # Without a tenant, a multi-tenant collection refuses each object, and says why.
    async with base.batch.dynamic() as batch:
        await batch.add_object(properties=_props(0), vector=[1.0] * DIM)
    failed = base.batch.failed_objects
    assert len(failed) == 1 and "tenant" in failed[0].message.lower()
