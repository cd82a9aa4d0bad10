"""client.debug.get_object_over_rest against the real server: unnamed and named vectors,
tenants, consistency level and node, a missing object, and the server's refusals. Its blocking
twin is generated (``__sync_twin__``)."""

from __future__ import annotations

import datetime as dt
import uuid as uuid_lib

import pytest

from weaviate_async.classes.config import Configure, ConsistencyLevel, DataType, Property
from weaviate_async.classes.tenants import Tenant
from weaviate_async.client import WeaviateAsyncClient
from weaviate_async.exceptions import UnexpectedStatusCodeError, WeaviateInvalidInputError

__sync_twin__ = "tests/integration/test_debug_sync_gen.py"

PROPS = [
    Property(name="title", data_type=DataType.TEXT),
    Property(name="n", data_type=DataType.INT),
]


async def test_an_object_with_its_vector_and_times(
    client: WeaviateAsyncClient, collection_name: str
) -> None:
    collection = await client.collections.create(
        collection_name, properties=PROPS, vector_config=Configure.Vectors.self_provided()
    )
    before = dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=5)
    uid = await collection.data.insert({"title": "hello", "n": 3}, vector=[0.5, 0.25])
    obj = await client.debug.get_object_over_rest(collection_name, uid)
    assert obj is not None
    assert obj.uuid == uid and obj.collection == collection_name and obj.tenant is None
    assert obj.properties == {"title": "hello", "n": 3}
    # self_provided() is the named vector "default"
    vectors = obj.vectors or {}
    assert obj.vector == [0.5, 0.25] or vectors.get("default") == [0.5, 0.25]
    assert before < obj.creation_time <= obj.last_update_time
    assert obj.creation_time.tzinfo is not None

    same = await client.debug.get_object_over_rest(
        collection_name.lower(), str(uid), consistency_level=ConsistencyLevel.ALL
    )
    assert same == obj
    node = (await collection.shards())[0].node
    on_node = await client.debug.get_object_over_rest(collection_name, uid, node_name=node)
    assert on_node is not None and on_node.uuid == uid

    assert await client.debug.get_object_over_rest(collection_name, uuid_lib.uuid4()) is None
    with pytest.raises(UnexpectedStatusCodeError, match="mutually exclusive"):
        await client.debug.get_object_over_rest(
            collection_name, uid, consistency_level=ConsistencyLevel.ONE, node_name="node1"
        )


async def test_named_vectors_and_tenants(client: WeaviateAsyncClient, collection_name: str) -> None:
    collection = await client.collections.create(
        collection_name,
        properties=PROPS,
        vector_config=[
            Configure.Vectors.self_provided(name="a"),
            Configure.Vectors.self_provided(name="b"),
        ],
        multi_tenancy_config=Configure.multi_tenancy(enabled=True),
    )
    await collection.tenants.create(["t1", "t2"])
    uid = await collection.with_tenant("t1").data.insert(
        {"title": "x"}, vector={"a": [1.0, 2.0], "b": [3.0, 4.0, 5.0]}
    )
    obj = await client.debug.get_object_over_rest(collection_name, uid, tenant="t1")
    assert obj is not None and obj.tenant == "t1"
    assert obj.vectors == {"a": [1.0, 2.0], "b": [3.0, 4.0, 5.0]}
    assert await client.debug.get_object_over_rest(collection_name, uid, tenant="t2") is None
    got = await client.debug.get_object_over_rest(
        collection_name,
        uid,
        tenant=Tenant(name="t1"),  # type: ignore[arg-type]
    )
    assert got == obj
    with pytest.raises(UnexpectedStatusCodeError, match="without tenant"):
        await client.debug.get_object_over_rest(collection_name, uid)


async def test_input_errors(client: WeaviateAsyncClient) -> None:
    with pytest.raises(WeaviateInvalidInputError, match="'uuid'"):
        await client.debug.get_object_over_rest("Article", "not-a-uuid")
    with pytest.raises(WeaviateInvalidInputError, match="'collection'"):
        await client.debug.get_object_over_rest(3, uuid_lib.uuid4())  # type: ignore[arg-type]
    # A name the server would never create is a missing collection, as for the official client.
    assert await client.debug.get_object_over_rest("bad name", uuid_lib.uuid4()) is None
    with pytest.raises(WeaviateInvalidInputError, match="'consistency_level'"):
        await client.debug.get_object_over_rest(
            "Article",
            uuid_lib.uuid4(),
            consistency_level="MOST",  # type: ignore[arg-type]
        )
    with pytest.raises(WeaviateInvalidInputError, match="'node_name'"):
        await client.debug.get_object_over_rest("Article", uuid_lib.uuid4(), node_name="")
