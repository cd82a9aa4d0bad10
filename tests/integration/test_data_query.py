"""Data (insert, insert_many, exists, delete_by_id) and query (fetch, near_vector, near_object,
bm25, hybrid) against the real server."""

from __future__ import annotations

import datetime as dt
import uuid as uuid_lib
from typing import Any

import numpy as np
import pytest

from tests.conftest import rare_terms_rank_first
from weaviate_async.classes.data import DataObject, GeoCoordinate
from weaviate_async.classes.query import HybridFusion, MetadataQuery, QueryNested
from weaviate_async.client import WeaviateAsyncClient
from weaviate_async.collections.data import _DataCollectionAsync
from weaviate_async.collections.query import _QueryCollectionAsync
from weaviate_async.exceptions import (
    ObjectAlreadyExistsError,
    WeaviateInsertManyAllFailedError,
    WeaviateInvalidInputError,
    WeaviateQueryError,
)
from weaviate_async.models.scope import CollectionScope

DIM = 8
UTC = dt.timezone.utc


def _properties() -> list[dict[str, Any]]:
    return [
        {"name": "title", "dataType": ["text"]},
        {"name": "count", "dataType": ["int"]},
        {"name": "price", "dataType": ["number"]},
        {"name": "ok", "dataType": ["boolean"]},
        {"name": "when", "dataType": ["date"]},
        {"name": "ref_id", "dataType": ["uuid"]},
        {"name": "tags", "dataType": ["text[]"]},
        {"name": "scores", "dataType": ["number[]"]},
        {"name": "ranks", "dataType": ["int[]"]},
        {"name": "flags", "dataType": ["boolean[]"]},
        {"name": "days", "dataType": ["date[]"]},
        {"name": "place", "dataType": ["geoCoordinates"]},
        {
            "name": "meta",
            "dataType": ["object"],
            "nestedProperties": [
                {"name": "author", "dataType": ["text"]},
                {"name": "pages", "dataType": ["int"]},
                {
                    "name": "inner",
                    "dataType": ["object"],
                    "nestedProperties": [{"name": "deep", "dataType": ["text"]}],
                },
            ],
        },
        {
            "name": "parts",
            "dataType": ["object[]"],
            "nestedProperties": [{"name": "label", "dataType": ["text"]}],
        },
    ]


async def _create(client: WeaviateAsyncClient, name: str, *, named: bool = False) -> None:
    body: dict[str, Any] = {"class": name, "properties": _properties()}
    if named:
        body["vectorConfig"] = {
            "first": {"vectorizer": {"none": {}}, "vectorIndexType": "hnsw"},
            "second": {"vectorizer": {"none": {}}, "vectorIndexType": "flat"},
        }
    else:
        body["vectorizer"] = "none"
    assert client._connection is not None
    await client._connection.rest("POST", "/schema", operation="test", json=body)


def _ns(
    client: WeaviateAsyncClient, name: str
) -> tuple[_DataCollectionAsync, _QueryCollectionAsync]:
    assert client._connection is not None
    scope = CollectionScope.of(name)
    return _DataCollectionAsync(client._connection, scope), _QueryCollectionAsync(
        client._connection, scope
    )


def _rich() -> dict[str, Any]:
    return {
        "title": "the quick brown fox",
        "count": 42,
        "price": 9.5,
        "ok": True,
        "when": dt.datetime(2024, 5, 17, 12, 30, 15, 250000, tzinfo=UTC),
        "ref_id": uuid_lib.UUID("12345678-1234-5678-1234-567812345678"),
        "tags": ["a", "b"],
        "scores": [0.5, 1.25],
        "ranks": [3, 1, 2],
        "flags": [True, False],
        "days": [dt.datetime(2020, 1, 1, tzinfo=UTC)],
        "place": GeoCoordinate(latitude=52.5, longitude=13.25),
        "meta": {"author": "Ann", "pages": 7, "inner": {"deep": "yes"}},
        "parts": [{"label": "x"}, {"label": "y"}],
    }


_VECTORS = np.random.default_rng(7).standard_normal((1100, DIM))


def _vec(i: int) -> list[float]:
    return [float(v) for v in _VECTORS[i]]


async def test_insert_fetch_by_id_round_trip(
    client: WeaviateAsyncClient, collection_name: str
) -> None:
    await _create(client, collection_name)
    data, query = _ns(client, collection_name)
    vec = np.arange(DIM, dtype=np.float64) / 3.0
    uid = await data.insert(_rich(), vector=vec)
    assert isinstance(uid, uuid_lib.UUID)
    assert await data.exists(uid) is True
    assert await data.exists(uuid_lib.uuid4()) is False

    obj = await query.fetch_object_by_id(uid, include_vector=True)
    assert obj is not None
    assert obj.uuid == uid
    assert obj.collection == collection_name
    assert obj.properties == _rich()
    assert obj.metadata.creation_time.tzinfo is not None
    assert obj.metadata.last_update_time >= obj.metadata.creation_time
    np.testing.assert_allclose(obj.vector["default"], vec.astype(np.float32), rtol=0, atol=0)

    assert await query.fetch_object_by_id(uuid_lib.uuid4()) is None
    nested = await query.fetch_objects(
        return_properties=[
            "title",
            QueryNested(
                name="meta", properties=["author", QueryNested(name="inner", properties="deep")]
            ),
        ]
    )
    assert nested.objects[0].properties == {
        "title": "the quick brown fox",
        "meta": {"author": "Ann", "inner": {"deep": "yes"}},
    }
    with pytest.raises(ObjectAlreadyExistsError):
        await data.insert({"title": "again"}, uuid=uid)
    assert await data.delete_by_id(uid) is True
    # Server 1.39 answers 204 for an unknown uuid too (older servers: 404 -> False).
    assert isinstance(await data.delete_by_id(uuid_lib.uuid4()), bool)
    assert await data.exists(uid) is False


async def test_insert_many_1000_and_queries(
    client: WeaviateAsyncClient, collection_name: str
) -> None:
    await _create(client, collection_name)
    data, query = _ns(client, collection_name)
    objects: list[DataObject[dict[str, Any], None]] = [
        DataObject(
            properties={"title": f"object number {i}", "count": i, "price": i / 2},
            uuid=uuid_lib.UUID(int=i + 1),
            vector=_vec(i),
        )
        for i in range(1000)
    ]
    res = await data.insert_many(objects)
    assert not res.has_errors, res.errors
    assert len(res.uuids) == 1000 and res.uuids[5] == uuid_lib.UUID(int=6)
    assert res.elapsed_seconds > 0
    assert len(res.uuids) == 1000

    # fetch with limit / offset / after
    page = await query.fetch_objects(limit=10)
    assert [o.uuid for o in page.objects] == [uuid_lib.UUID(int=i) for i in range(1, 11)]
    page2 = await query.fetch_objects(limit=5, offset=10)
    assert [o.uuid for o in page2.objects] == [uuid_lib.UUID(int=i) for i in range(11, 16)]
    after = await query.fetch_objects(limit=3, after=uuid_lib.UUID(int=20))
    assert [o.uuid for o in after.objects] == [uuid_lib.UUID(int=i) for i in range(21, 24)]
    only_title = await query.fetch_objects(limit=1, return_properties=["title"])
    assert only_title.objects[0].properties == {"title": "object number 0"}
    none = await query.fetch_objects(limit=1, return_properties=False)
    assert none.objects[0].properties == {}

    # near_vector with distance, metadata, include_vector
    target = 123
    near = await query.near_vector(
        np.array(_vec(target)),
        limit=3,
        include_vector=True,
        return_metadata=MetadataQuery(distance=True, certainty=True, creation_time=True),
    )
    first = near.objects[0]
    assert first.uuid == uuid_lib.UUID(int=target + 1)
    assert first.properties["count"] == target
    assert first.metadata.distance is not None and first.metadata.distance < 1e-5
    assert first.metadata.certainty is not None and first.metadata.certainty > 0.99
    assert first.metadata.creation_time is not None
    np.testing.assert_allclose(
        first.vector["default"], np.asarray(_vec(target), dtype=np.float32), rtol=0, atol=0
    )
    assert first.metadata.score is None

    close = await query.near_vector(_vec(target), distance=0.0001, return_metadata=["distance"])
    assert [o.uuid for o in close.objects] == [uuid_lib.UUID(int=target + 1)]

    # near_object
    nobj = await query.near_object(
        uuid_lib.UUID(int=target + 1), limit=2, return_metadata=["distance"]
    )
    assert nobj.objects[0].uuid == uuid_lib.UUID(int=target + 1)
    assert len(nobj.objects) == 2

    # bm25
    kw = await query.bm25(
        "number 77", query_properties=["title"], limit=5, return_metadata=MetadataQuery.full()
    )
    titles = [o.properties["title"] for o in kw.objects]
    if rare_terms_rank_first():
        assert titles[0] == "object number 77"
    else:
        # before 1.39 the rare term may be left out right after the insert: the objects
        # matching only "number" score alike, so the top five are any of them
        assert len(titles) == 5 and all(t.startswith("object number ") for t in titles), titles
    assert kw.objects[0].metadata.score is not None and kw.objects[0].metadata.score > 0
    assert kw.objects[0].metadata.explain_score

    # hybrid with a vector
    hy = await query.hybrid(
        "number 500",
        vector=_vec(500),
        alpha=0.5,
        fusion_type=HybridFusion.RELATIVE_SCORE,
        limit=3,
        return_metadata=["score"],
    )
    assert hy.objects[0].metadata.score is not None
    kw_only = await query.hybrid("number 600", alpha=0, vector=_vec(1), limit=1)
    if rare_terms_rank_first():
        assert hy.objects[0].uuid == uuid_lib.UUID(int=501)
        assert kw_only.objects[0].properties["title"] == "object number 600"
    else:  # the same on 1.35.2's keyword part as for bm25 above
        assert kw_only.objects[0].properties["title"].startswith("object number ")

    auto = await query.near_vector(_vec(target), auto_limit=1, return_metadata=["distance"])
    assert 1 <= len(auto.objects) < 1000


async def test_insert_many_partial_failure(
    client: WeaviateAsyncClient, collection_name: str
) -> None:
    await _create(client, collection_name)
    data, _ = _ns(client, collection_name)
    given = uuid_lib.uuid4()
    objects: list[Any] = [
        {"title": "fine", "count": 1},
        DataObject(properties={"title": "bad", "count": "not a number"}, uuid=given),
        {"title": "also fine", "ok": False},
    ]
    res = await data.insert_many(objects)
    assert res.has_errors
    assert set(res.uuids) == {0, 2}
    assert set(res.errors) == {1}
    err = res.errors[1]
    assert "count" in err.message
    assert err.original_uuid == given
    assert err.object_.uuid == str(given) and err.object_.index == 1
    assert res.errors[1] is err
    assert await data.exists(res.uuids[0])
    assert not await data.exists(given)

    with pytest.raises(WeaviateInsertManyAllFailedError):
        await data.insert_many([{"count": "x"}, {"count": "y"}])
    # nothing inserted is every object failed, for the official client too
    with pytest.raises(WeaviateInsertManyAllFailedError) as empty:
        await data.insert_many([])
    assert str(empty.value).endswith("Here is the set of all errors: ")


async def test_named_vectors(client: WeaviateAsyncClient, collection_name: str) -> None:
    await _create(client, collection_name, named=True)
    data, query = _ns(client, collection_name)
    uid = await data.insert({"title": "rest"}, vector={"first": _vec(1), "second": [1.0, 0.0]})
    res = await data.insert_many(
        [
            DataObject(
                {"title": f"grpc {i}"}, vector={"first": _vec(i + 10), "second": [1.0, float(i)]}
            )
            for i in range(5)
        ]
    )
    assert not res.has_errors, res.errors
    got = await query.fetch_object_by_id(uid, include_vector=True)
    assert got is not None
    assert set(got.vector) == {"first", "second"}
    np.testing.assert_allclose(got.vector["first"], np.asarray(_vec(1), dtype=np.float32))
    one = await query.fetch_object_by_id(uid, include_vector=["second"])
    assert one is not None and set(one.vector) == {"second"}

    near = await query.near_vector(_vec(12), target_vector="first", limit=1, include_vector="first")
    assert near.objects[0].properties["title"] == "grpc 2"
    multi = await query.near_vector(
        # Not collinear: under cosine distance collinear vectors would all tie at 0.
        {"first": _vec(12), "second": [1.0, 2.0]},
        limit=1,
        return_metadata=["distance"],
    )
    assert multi.objects[0].properties["title"] == "grpc 2"
    with pytest.raises(WeaviateQueryError) as info:
        await query.near_vector(_vec(1), limit=1)
    assert info.value.server_message and "target" in info.value.server_message


async def test_invalid_input_sends_nothing(
    client: WeaviateAsyncClient, collection_name: str
) -> None:
    await _create(client, collection_name)
    data, query = _ns(client, collection_name)
    with pytest.raises(WeaviateInvalidInputError) as info:
        await data.insert_many(
            [
                DataObject({"title": "a"}, vector=[1.0, 2.0]),
                DataObject({"title": "b"}, vector=[1.0, "x"]),
            ]
        )
    assert info.value.field == "objects[1].vector[1]"
    # (vectors of different lengths are the server's to refuse, one object at a time:
    # test_batch_errors.py)
    assert (await query.fetch_objects()).objects == []
    # Both bounds at once: the server refuses, as it does for the official client.
    with pytest.raises(WeaviateQueryError, match="cannot provide distance and certainty"):
        await query.near_vector([1.0, 2.0], certainty=0.5, distance=0.5)
    with pytest.raises(WeaviateInvalidInputError):
        await query.fetch_objects(limit=-1)
