"""``collection.iterator()`` against the real server: 10,000 objects each seen exactly once (in
uuid order), also under a tenant; ``after`` and ``cache_size`` honoured; vectors, metadata,
properties and references as asked; arguments checked before anything is sent. Its blocking
twin is generated (``__sync_twin__``), so both packages are covered."""

from __future__ import annotations

import datetime as dt
import uuid as uuid_lib
from typing import Any, TypedDict

import pytest

from weaviate_async import connect_to_local
from weaviate_async.classes.config import Configure, DataType, Property, ReferenceProperty
from weaviate_async.classes.data import DataObject
from weaviate_async.classes.query import Filter, MetadataQuery, QueryReference
from weaviate_async.classes.tenants import Tenant
from weaviate_async.client import WeaviateAsyncClient
from weaviate_async.embedded import EmbeddedServer
from weaviate_async.exceptions import WeaviateInvalidInputError, WeaviateQueryError

__sync_twin__ = "tests/integration/test_iterator_sync_gen.py"

N = 10_000
SMALL = 300
UUIDS = [uuid_lib.uuid5(uuid_lib.NAMESPACE_URL, f"iterator-{i}") for i in range(N)]
INDEX = {u: i for i, u in enumerate(UUIDS)}
#: the order of the server's cursor: by uuid
ORDERED = sorted(UUIDS)
TARGETS = [uuid_lib.uuid5(uuid_lib.NAMESPACE_URL, f"iterator-target-{i}") for i in range(3)]
OTHER = [uuid_lib.uuid5(uuid_lib.NAMESPACE_URL, f"iterator-small-{i}") for i in range(SMALL)]


def _vector(i: int) -> list[float]:
    return [1.0, float(i % 97), float(i // 97)]


def _props(i: int) -> dict[str, Any]:
    return {"title": f"object {i}", "n": i}


class Numbered(TypedDict):
    n: int


@pytest.fixture(scope="module")
async def data(server: EmbeddedServer) -> Any:
    """Names of ``<name>`` (N objects, each with a vector and a reference to one of three
    objects of ``<name>T``) and ``<name>M`` (multi-tenant: N objects of tenant "big", SMALL
    others of tenant "small")."""
    c = await connect_to_local(host=server.host, port=server.http_port, grpc_port=server.grpc_port)
    name = "Iter" + uuid_lib.uuid4().hex[:10]
    try:
        target = await c.collections.create(
            name + "T",
            properties=[Property(name="label", data_type=DataType.TEXT)],
            vector_config=Configure.Vectors.self_provided(),
        )
        for i, uid in enumerate(TARGETS):
            await target.data.insert({"label": f"t{i}"}, uuid=uid, vector=[1.0, float(i)])
        props = [
            Property(name="title", data_type=DataType.TEXT),
            Property(name="n", data_type=DataType.INT),
        ]
        collection = await c.collections.create(
            name,
            properties=props,
            references=[ReferenceProperty(name="ref", target_collection=name + "T")],
            vector_config=Configure.Vectors.self_provided(),
        )
        result = await collection.data.insert_many(
            [
                DataObject(
                    properties=_props(i),
                    uuid=uid,
                    vector=_vector(i),
                    references={"ref": TARGETS[i % 3]},
                )
                for i, uid in enumerate(UUIDS)
            ]
        )
        assert not result.errors
        tenanted = await c.collections.create(
            name + "M",
            properties=props,
            vector_config=Configure.Vectors.self_provided(),
            multi_tenancy_config=Configure.multi_tenancy(enabled=True),
        )
        await tenanted.tenants.create([Tenant(name="big"), Tenant(name="small")])
        big = await tenanted.with_tenant("big").data.insert_many(
            [DataObject(properties=_props(i), uuid=uid) for i, uid in enumerate(UUIDS)]
        )
        small = await tenanted.with_tenant("small").data.insert_many(
            [DataObject(properties=_props(i), uuid=uid) for i, uid in enumerate(OTHER)]
        )
        assert not big.errors and not small.errors
        yield name
    finally:
        await c.collections.delete([name, name + "T", name + "M"])
        await c.close()


# ------------------------------------------------------------------------------ every object


async def test_every_object_exactly_once_in_uuid_order(
    client: WeaviateAsyncClient, data: str
) -> None:
    seen = [obj async for obj in client.collections.use(data).iterator()]
    assert len(seen) == N
    assert [obj.uuid for obj in seen] == ORDERED  # each once, in the cursor's order
    for obj in seen:
        assert obj.properties == _props(INDEX[obj.uuid])  # every property by default
        assert obj.vector == {} and obj.references is None  # none unless asked for
        assert obj.metadata.creation_time is None and obj.metadata.distance is None
        assert obj.collection == data


async def test_under_a_tenant(client: WeaviateAsyncClient, data: str) -> None:
    tenanted = client.collections.use(data + "M")
    big = [obj.uuid async for obj in tenanted.with_tenant("big").iterator(cache_size=1000)]
    assert big == ORDERED
    small = [obj async for obj in tenanted.with_tenant("small").iterator()]
    assert [obj.uuid for obj in small] == sorted(OTHER)
    assert all(obj.properties == _props(OTHER.index(obj.uuid)) for obj in small)
    with pytest.raises(WeaviateQueryError, match="multi-tenancy") as info:
        [obj async for obj in tenanted.iterator()]
    assert info.value.operation == "collection.iterator"


async def test_after_starts_behind_the_cursor(client: WeaviateAsyncClient, data: str) -> None:
    collection = client.collections.use(data)
    half = [obj.uuid async for obj in collection.iterator(after=ORDERED[N // 2 - 1])]
    assert half == ORDERED[N // 2 :]
    as_text = [obj.uuid async for obj in collection.iterator(after=str(ORDERED[-3]))]
    assert as_text == ORDERED[-2:]
    assert [obj async for obj in collection.iterator(after=ORDERED[-1])] == []
    # a cursor needs no existing object: the next uuid after it is where listing starts
    below = uuid_lib.UUID(int=ORDERED[100].int - 1)
    assert [obj.uuid async for obj in collection.iterator(after=below)] == ORDERED[100:]


async def test_each_iteration_starts_again(client: WeaviateAsyncClient, data: str) -> None:
    iterator = client.collections.use(data).iterator(after=ORDERED[-10], cache_size=3)
    first = [obj.uuid async for obj in iterator]
    assert first == ORDERED[-9:]
    async for obj in iterator:  # left early
        if obj.uuid == ORDERED[-8]:
            break
    again = [obj.uuid async for obj in iterator]
    assert again == first


# ------------------------------------------------------------------------------ what is returned


async def test_vectors_metadata_properties_and_references_as_asked(
    client: WeaviateAsyncClient, data: str
) -> None:
    collection = client.collections.use(data)
    started = dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=1)
    count = 0
    async for obj in collection.iterator(
        include_vector=True,
        return_metadata=MetadataQuery(creation_time=True),
        return_properties=["n"],
        return_references=QueryReference(link_on="ref", return_properties=["label"]),
        cache_size=2000,
    ):
        i = INDEX[obj.uuid]
        assert obj.properties == {"n": i}
        assert obj.vector == {"default": _vector(i)}
        created = obj.metadata.creation_time
        assert created is not None and created > started
        assert obj.references is not None
        (ref,) = obj.references["ref"].objects
        assert (ref.uuid, ref.properties) == (TARGETS[i % 3], {"label": f"t{i % 3}"})
        count += 1
    assert count == N
    named = [obj async for obj in collection.iterator(False, ["last_update_time"], cache_size=5000)]
    assert len(named) == N
    assert all(o.metadata.last_update_time is not None and o.vector == {} for o in named)
    assert all(o.metadata.creation_time is None for o in named)


async def test_a_data_model_names_the_properties(client: WeaviateAsyncClient, data: str) -> None:
    collection = client.collections.use(data)
    typed = [obj async for obj in collection.iterator(return_properties=Numbered)]
    assert [obj.properties for obj in typed] == [{"n": INDEX[u]} for u in ORDERED]
    none = [obj async for obj in collection.iterator(return_properties=[], cache_size=5000)]
    assert len(none) == N and all(obj.properties == {} for obj in none)
    handle = client.collections.use(data, data_model_properties=Numbered)
    assert [obj.properties async for obj in handle.iterator(after=ORDERED[-2])] == [
        {"n": INDEX[ORDERED[-1]]}
    ]


# ------------------------------------------------------------------------------ cache size


async def test_cache_size_is_the_page_size(
    client: WeaviateAsyncClient, collection_name: str
) -> None:
    collection = await client.collections.create(
        collection_name,
        properties=[Property(name="n", data_type=DataType.INT)],
        vector_config=Configure.Vectors.self_provided(),
    )
    ids = sorted(uuid_lib.uuid5(uuid_lib.NAMESPACE_URL, f"page-{i}") for i in range(40))

    async def fill() -> None:
        result = await collection.data.insert_many(
            [DataObject(properties={"n": i}, uuid=u) for i, u in enumerate(ids)]
        )
        assert not result.errors

    # Once the first object is seen, every other object is deleted: what still comes is the
    # rest of the page fetched with it, cache_size objects in all.
    for cache_size, expected in ((5, 5), (7, 7), (1, 1), (None, 40), (100, 40)):
        await fill()
        seen = []
        async for obj in collection.iterator(cache_size=cache_size):
            seen.append(obj.uuid)
            if len(seen) == 1:
                await collection.data.delete_many(where=Filter.by_id().not_equal(obj.uuid))
        assert seen == ids[:expected], cache_size
    # objects added behind the cursor while iterating are seen, once
    await collection.data.delete_many(where=Filter.by_id().contains_any(ids))
    await collection.data.insert_many(
        [DataObject(properties={"n": i}, uuid=u) for i, u in enumerate(ids[:20])]
    )
    seen = []
    async for obj in collection.iterator(cache_size=4):
        seen.append(obj.uuid)
        if len(seen) == 1:
            await collection.data.insert_many(
                [DataObject(properties={"n": i}, uuid=u) for i, u in enumerate(ids[20:])]
            )
    assert seen == ids


# ------------------------------------------------------------------------------ bad input


async def test_arguments_are_checked_before_anything_is_sent(
    client: WeaviateAsyncClient, data: str
) -> None:
    collection = client.collections.use(data)
    for bad in (0, -1, 1.5, "10", True, 2**32):
        with pytest.raises(WeaviateInvalidInputError, match="cache_size"):
            collection.iterator(cache_size=bad)  # type: ignore[arg-type]
    with pytest.raises(WeaviateInvalidInputError, match="after"):
        collection.iterator(after="not-a-uuid")
    with pytest.raises(WeaviateInvalidInputError, match="return_metadata"):
        collection.iterator(return_metadata=["distanse"])  # type: ignore[list-item]
    with pytest.raises(WeaviateInvalidInputError, match="return_properties"):
        collection.iterator(return_properties=[3])  # type: ignore[list-item]
    with pytest.raises(WeaviateInvalidInputError, match="return_references"):
        collection.iterator(return_references="ref")  # type: ignore[arg-type]
    with pytest.raises(WeaviateInvalidInputError, match="include_vector"):
        collection.iterator(include_vector=3)  # type: ignore[call-overload]
    missing = client.collections.use(data + "Missing")
    with pytest.raises(WeaviateQueryError, match="Missing"):
        [obj async for obj in missing.iterator()]
