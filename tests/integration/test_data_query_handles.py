"""Data and query through the public handles (``client.collections.create(...)``, then
``collection.data`` and ``collection.query``) against a real server, with the server's
read-back asserted: inserts, exists, fetch with ``after``, near_vector, bm25, a handle with a
consistency level, delete, and refused input. test_data_query.py covers the same calls in
depth through the namespaces directly; this module runs them the way a program does, and its
generated twin runs them through the blocking facade."""

from __future__ import annotations

import uuid as uuid_lib
from typing import Any

import numpy as np
import pytest

from tests.conftest import rare_terms_rank_first
from weaviate_async.classes.config import Configure, DataType, Property
from weaviate_async.classes.data import DataObject
from weaviate_async.classes.query import MetadataQuery
from weaviate_async.exceptions import ObjectAlreadyExistsError, WeaviateInvalidInputError

__sync_twin__ = "tests/integration/test_data_query_handles_sync_gen.py"

DIM = 8
_VECTORS = np.random.default_rng(11).standard_normal((64, DIM))


def _vec(i: int) -> list[float]:
    return [float(v) for v in _VECTORS[i]]


async def test_data_and_query(client: Any, collection_name: str) -> None:
    col = await client.collections.create(
        collection_name,
        properties=[
            Property(name="title", data_type=DataType.TEXT),
            Property(name="count", data_type=DataType.INT),
        ],
        vector_config=Configure.Vectors.self_provided(),
    )
    assert await col.length() == 0
    first = await col.data.insert(
        {"title": "the lonely fox", "count": -1}, vector=np.array(_vec(40))
    )
    assert isinstance(first, uuid_lib.UUID)
    res = await col.data.insert_many(
        [
            DataObject(
                properties={"title": f"object number {i}", "count": i},
                uuid=uuid_lib.UUID(int=i + 1),
                vector=_vec(i),
            )
            for i in range(20)
        ]
    )
    assert not res.has_errors, res.errors
    assert len(res.uuids) == 20 and res.uuids[4] == uuid_lib.UUID(int=5)
    assert await col.length() == 21

    assert await col.data.exists(first) is True
    assert await col.data.exists(uuid_lib.UUID(int=3)) is True
    assert await col.data.exists(uuid_lib.uuid4()) is False

    page = await col.query.fetch_objects(limit=5)
    assert [o.uuid for o in page.objects] == [uuid_lib.UUID(int=i) for i in range(1, 6)]
    assert page.objects[0].properties == {"title": "object number 0", "count": 0}
    assert page.objects[0].collection == collection_name
    after = await col.query.fetch_objects(
        limit=2, after=uuid_lib.UUID(int=10), return_properties=["count"]
    )
    assert [o.properties for o in after.objects] == [{"count": 10}, {"count": 11}]

    near = await col.query.near_vector(
        _vec(7), limit=3, include_vector=True, return_metadata=MetadataQuery(distance=True)
    )
    assert near.objects[0].uuid == uuid_lib.UUID(int=8)
    assert near.objects[0].properties["count"] == 7
    assert near.objects[0].metadata.distance is not None
    assert near.objects[0].metadata.distance < 1e-5
    np.testing.assert_allclose(
        near.objects[0].vector["default"], np.asarray(_vec(7), dtype=np.float32)
    )
    assert len(near.objects) == 3
    lonely = await col.query.near_vector(_vec(40), limit=1)
    assert lonely.objects[0].uuid == first

    kw = await col.query.bm25("lonely", query_properties=["title"], return_metadata=["score"])
    assert [o.uuid for o in kw.objects] == [first]
    assert kw.objects[0].metadata.score is not None and kw.objects[0].metadata.score > 0
    kw2 = await col.query.bm25("number 13", limit=3)
    if rare_terms_rank_first():
        assert kw2.objects[0].properties["title"] == "object number 13"
    else:
        # before 1.39 the rare term may be left out right after the inserts: all the objects
        # matching "number" score alike
        assert len(kw2.objects) == 3 and all(
            o.properties["title"].startswith("object number ") for o in kw2.objects
        )

    # a handle with a consistency level reads and writes the same collection
    quorum = col.with_consistency_level("ALL")
    second = await quorum.data.insert({"title": "written with ALL", "count": 100})
    assert await quorum.data.exists(second) and await col.data.exists(second)
    assert await quorum.length() == 22
    got = await quorum.query.bm25("ALL", query_properties=["title"])
    assert [o.uuid for o in got.objects] == [second]

    assert await col.data.delete_by_id(first) is True
    assert await col.data.exists(first) is False
    assert await col.length() == 21
    assert (await col.query.bm25("lonely")).objects == []

    with pytest.raises(ObjectAlreadyExistsError):
        await col.data.insert({"title": "dup"}, uuid=uuid_lib.UUID(int=1))
    with pytest.raises(WeaviateInvalidInputError) as info:
        await col.data.insert_many([DataObject({"title": "nan"}, vector=[1.0, "x"])])
    assert info.value.field == "objects[0].vector[1]"
    with pytest.raises(WeaviateInvalidInputError) as info:
        await col.query.near_vector(_vec(1), certainty=1.5)
    assert info.value.field == "certainty"
    assert await col.length() == 21


async def test_named_vectors_data_and_query(client: Any, collection_name: str) -> None:
    col = await client.collections.create(
        collection_name,
        properties=[Property(name="title", data_type=DataType.TEXT)],
        vector_config=[
            Configure.Vectors.self_provided(name="first"),
            Configure.Vectors.self_provided(
                name="second", vector_index_config=Configure.VectorIndex.flat()
            ),
        ],
    )
    uid = await col.data.insert({"title": "rest"}, vector={"first": _vec(1), "second": [1.0, 0.0]})
    res = await col.data.insert_many(
        [
            DataObject({"title": f"grpc {i}"}, vector={"first": _vec(i + 10), "second": [0.0, i]})
            for i in range(1, 5)
        ]
    )
    assert not res.has_errors, res.errors
    assert await col.length() == 5
    near = await col.query.near_vector(
        _vec(12), target_vector="first", limit=1, include_vector="first"
    )
    assert near.objects[0].properties["title"] == "grpc 2"
    assert set(near.objects[0].vector) == {"first"}
    back = await col.query.near_vector([1.0, 0.0], target_vector="second", limit=1)
    assert back.objects[0].uuid == uid
