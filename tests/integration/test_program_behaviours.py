"""Behaviours that programs written for the official client rely on, against the real server:
results read the same through ``obj.vector``, ``obj.__dict__``, ``vars``, ``asdict``, ``copy``
and pickle; ``is_ready()`` before connecting; ``list_all()`` sorted by name; vectors given as
tensors and series; ``collection.iterator()`` being its own iterator; ``return_properties`` as
a TypedDict; data models checked as the official client checks them; permissions with an empty
resource name; and (issue 14, part 2) ``insert_many([])``, empty vectors, numpy rows as vectors
and an empty collection name, each as the official client behaves. Its blocking twin is
generated (``__sync_twin__``), so both packages are covered."""

from __future__ import annotations

import copy
import dataclasses
import datetime
import math
import pickle
import socket
import struct
import uuid as uuid_lib
from typing import Any, Dict, TypedDict  # noqa: UP035 - Dict[...] is what programs pass

import numpy as np
import pandas as pd
import polars as pl
import pytest
import typing_extensions

import weaviate_async
from tests.conftest import ADMIN_KEY
from weaviate_async.classes.config import Configure, DataType, Property, ReferenceProperty
from weaviate_async.classes.data import DataObject
from weaviate_async.classes.generics import CrossReference, Nested
from weaviate_async.classes.query import HybridVector, MetadataQuery, QueryReference, Sort
from weaviate_async.classes.rbac import Permissions
from weaviate_async.client import WeaviateAsyncClient
from weaviate_async.connect.auth import Auth
from weaviate_async.connect.params import ConnectionParams
from weaviate_async.embedded import EmbeddedServer
from weaviate_async.exceptions import (
    InvalidDataModelError,
    UnexpectedStatusCodeError,
    WeaviateBatchError,
    WeaviateInsertManyAllFailedError,
    WeaviateInvalidInputError,
    WeaviateQueryError,
)

__sync_twin__ = "tests/integration/test_program_behaviours_sync_gen.py"


def _f32(values: list[float]) -> list[float]:
    """``values`` as the server stores them (float32), read back as Python floats."""
    return list(struct.unpack(f"<{len(values)}f", struct.pack(f"<{len(values)}f", *values)))


# ----------------------------------------------------------------------------- stand-ins


class TorchLike:
    """Behaves as a torch tensor does for the official client: ``squeeze().tolist()``; its
    ``__array__`` fails, as a tensor's does when it requires grad or lives on a GPU."""

    def __init__(self, rows: list[Any]) -> None:
        self.rows = rows

    def squeeze(self) -> TorchLike:
        rows = self.rows
        while isinstance(rows, list) and len(rows) == 1 and isinstance(rows[0], list):
            rows = rows[0]
        return TorchLike(rows)

    def tolist(self) -> list[Any]:
        return self.rows

    @property
    def ndim(self) -> int:
        return 2 if self.rows and isinstance(self.rows[0], list) else 1

    def __array__(self, *args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("Can't call numpy() on Tensor that requires grad")


class TensorFlowLike:
    """Behaves as an eager TensorFlow tensor does for the official client: ``.numpy()``, no
    ``tolist``."""

    def __init__(self, values: list[float]) -> None:
        self.values = values

    def numpy(self) -> Any:
        return np.asarray(self.values, dtype=np.float32)


# ----------------------------------------------------------------------------- 1. vectors out


def _doors(obj: Any) -> list[Any]:
    """The vector field of ``obj`` as each generic reader of a dataclass sees it."""
    return [
        obj.vector,
        obj.__dict__["vector"],
        vars(obj)["vector"],
        dataclasses.asdict(obj)["vector"],
        copy.copy(obj).__dict__["vector"],
        copy.deepcopy(obj).__dict__["vector"],
        pickle.loads(pickle.dumps(obj)).__dict__["vector"],
    ]


async def test_result_vectors_are_plain_lists_through_every_door(
    client: WeaviateAsyncClient, collection_name: str
) -> None:
    author = await client.collections.create(
        collection_name + "A",
        properties=[Property(name="name", data_type=DataType.TEXT)],
        vector_config=Configure.Vectors.self_provided(),
    )
    try:
        author_id = await author.data.insert({"name": "Ann"}, vector=[0.5, 0.25, 0.125])
        books = await client.collections.create(
            collection_name,
            properties=[Property(name="title", data_type=DataType.TEXT)],
            references=[ReferenceProperty(name="author", target_collection=collection_name + "A")],
            vector_config=Configure.Vectors.self_provided(),
        )
        vec = [0.1, 0.2, 0.3]
        book_id = await books.data.insert(
            {"title": "A"}, vector=vec, references={"author": author_id}
        )
        expected = {"default": _f32(vec)}
        q = books.query
        results = [
            (await q.fetch_objects(include_vector=True)).objects[0],
            (await q.near_vector(vec, include_vector=True, limit=1)).objects[0],
            await q.fetch_object_by_id(book_id, include_vector=True),
        ]
        async for obj in books.iterator(include_vector=True):
            results.append(obj)
        for obj in results:
            for seen in _doors(obj):
                assert seen == expected and type(seen) is dict
                assert type(seen["default"]) is list and type(seen["default"][0]) is float
        # What an integration package does with every result: convert, then pop the vector.
        converted = dict(results[0].__dict__)
        assert converted["vector"].pop("default") == _f32(vec)
        with_ref = (
            await q.fetch_objects(
                return_references=QueryReference(link_on="author", include_vector=True)
            )
        ).objects[0]
        target = with_ref.references["author"].objects[0]
        assert target.__dict__["vector"] == {"default": _f32([0.5, 0.25, 0.125])}
        assert (await q.fetch_objects()).objects[0].__dict__["vector"] == {}
    finally:
        await client.collections.delete([collection_name, collection_name + "A"])


# ----------------------------------------------------------------------------- 2. is_ready


async def test_is_ready_on_a_client_never_connected_answers_false(server: EmbeddedServer) -> None:
    params = ConnectionParams.from_params(
        server.host, server.http_port, False, server.host, server.grpc_port, False
    )
    c = WeaviateAsyncClient(connection_params=params)
    assert await c.is_ready() is False
    assert await c.is_live() is False
    await c.connect()
    try:
        assert await c.is_ready() is True
        assert await c.is_live() is True
    finally:
        await c.close()
    assert await c.is_ready() is False
    # is_live asks the gRPC health service too, as the official client does.
    with socket.socket() as s:
        s.bind((server.host, 0))
        closed_port = s.getsockname()[1]
    no_grpc = WeaviateAsyncClient(
        connection_params=ConnectionParams.from_params(
            server.host, server.http_port, False, server.host, closed_port, False
        ),
        skip_init_checks=True,
    )
    await no_grpc.connect()
    try:
        assert await no_grpc.is_ready() is True
        assert await no_grpc.is_live() is False
    finally:
        await no_grpc.close()


# ----------------------------------------------------------------------------- 3. list_all


async def test_list_all_is_sorted_by_name(
    client: WeaviateAsyncClient, collection_name: str
) -> None:
    names = [f"Zz{collection_name}", f"Aa{collection_name}", f"Mm{collection_name}"]
    try:
        for name in names:  # created out of order
            await client.collections.create(name)
        for simple in (True, False):
            listed = await client.collections.list_all(simple=simple)
            assert type(listed) is dict
            assert list(listed) == sorted(listed)
            assert [n for n in listed if n in names] == sorted(names)
        assert list(await client.collections.list_all()) == sorted(
            await client.collections.list_all()
        )
    finally:
        await client.collections.delete(names)


# ----------------------------------------------------------------------------- 4. vectors in


def _vector_kinds(values: list[float]) -> dict[str, Any]:
    return {
        "list": list(values),
        "tuple": tuple(values),
        "numpy": np.asarray(values, dtype=np.float64),
        "pandas": pd.Series(values),
        "polars": pl.Series(values),
        "torch": TorchLike([list(values)]),  # shape (1, n): squeezed as the official client does
        "tensorflow": TensorFlowLike(list(values)),
    }


async def test_vectors_given_as_tensors_and_series(
    client: WeaviateAsyncClient, collection_name: str
) -> None:
    col = await client.collections.create(
        collection_name,
        properties=[Property(name="kind", data_type=DataType.TEXT)],
        vector_config=Configure.Vectors.self_provided(),
    )
    kinds = list(_vector_kinds([1.0, 0.0, 0.0]))

    def vector(i: int, way: int) -> list[float]:
        return [float(i + 1), float(way + 1), 0.5]

    expected: dict[uuid_lib.UUID, list[float]] = {}
    for i, kind in enumerate(kinds):
        given = _vector_kinds(vector(i, 0))[kind]
        expected[await col.data.insert({"kind": kind}, vector=given)] = vector(i, 0)
    many = await col.data.insert_many(
        [
            DataObject(properties={"kind": kind}, vector=_vector_kinds(vector(i, 1))[kind])
            for i, kind in enumerate(kinds)
        ]
    )
    assert not many.errors
    for i, uid in many.uuids.items():
        expected[uid] = vector(i, 1)
    async with col.batch.dynamic() as batch:
        for i, kind in enumerate(kinds):
            uid = uuid_lib.uuid4()
            await batch.add_object(
                {"kind": kind}, uuid=uid, vector=_vector_kinds(vector(i, 2))[kind]
            )
            expected[uid] = vector(i, 2)
    assert not col.batch.failed_objects
    for uid, values in expected.items():
        obj = await col.query.fetch_object_by_id(uid, include_vector=True)
        assert obj is not None and obj.vector["default"] == _f32(values)
    for i, kind in enumerate(kinds):
        query = _vector_kinds(vector(i, 0))[kind]
        near = await col.query.near_vector(
            query, limit=1, return_metadata=MetadataQuery(distance=True)
        )
        assert expected[near.objects[0].uuid] == vector(i, 0), kind
        hybrid = await col.query.hybrid("", vector=query, alpha=1.0, limit=1)
        assert expected[hybrid.objects[0].uuid] == vector(i, 0), kind
        sub = await col.query.hybrid("", vector=HybridVector.near_vector(query), alpha=1.0, limit=1)
        assert expected[sub.objects[0].uuid] == vector(i, 0), kind
    with pytest.raises(WeaviateInvalidInputError):
        await col.data.insert({"kind": "bad"}, vector=object())
    # NaN and infinities: the server takes them over gRPC, as the official client sends them;
    # a REST body (JSON) cannot carry them, there both clients refuse before sending.
    nan = await col.data.insert_many(
        [DataObject(properties={"kind": "nan"}, vector=np.array([np.nan, 0.0, 1.0]))]
    )
    assert not nan.errors and len(nan.uuids) == 1
    assert (await col.query.near_vector([math.inf, 0.0, 1.0], limit=1)).objects is not None
    with pytest.raises(WeaviateInvalidInputError):
        await col.data.insert({"kind": "nan"}, vector=[math.nan, 0.0, 1.0])


# ----------------------------------------------------------------------------- 5. iterator


async def test_iterator_is_its_own_iterator(
    client: WeaviateAsyncClient, collection_name: str
) -> None:
    col = await client.collections.create(
        collection_name, properties=[Property(name="n", data_type=DataType.INT)]
    )
    uids = sorted([await col.data.insert({"n": i}) for i in range(3)])
    it = col.iterator(cache_size=2)
    assert aiter(it) is it  # the blocking twin: iter(it) is it, as the official client's
    first = await anext(it)
    assert first.uuid == uids[0]
    assert [(await anext(it)).uuid for _ in range(2)] == uids[1:]
    for _ in range(2):  # exhausted, and stays so
        with pytest.raises(StopAsyncIteration):
            await anext(it)
    assert [o.uuid async for o in it] == uids  # a loop starts again from the cursor
    with pytest.raises(StopAsyncIteration):
        await anext(it)
    after = col.iterator(after=uids[0])
    assert (await anext(after)).uuid == uids[1]
    # The cursor with offset or sort is the server's to refuse, as for the official client.
    with pytest.raises(WeaviateQueryError, match="offset cannot be set"):
        await col.query.fetch_objects(after=uids[0], offset=1)
    with pytest.raises(WeaviateQueryError, match="sort cannot be set"):
        await col.query.fetch_objects(after=uids[0], sort=Sort.by_property("n"))


# ----------------------------------------------------------------------------- 6. TypedDicts


class Meta(TypedDict):
    lang: str


class Titled(TypedDict):
    title: str


class TitledNested(TypedDict):
    title: str
    meta: Nested[Meta]


class NoKeys(TypedDict):
    pass


class ExtTitled(typing_extensions.TypedDict):
    title: str


class AuthorProps(TypedDict):
    name: str


class BookRefs(TypedDict):
    author: CrossReference[AuthorProps]


@dataclasses.dataclass
class TitledDataclass:
    title: str


async def test_return_properties_as_typeddicts(
    client: WeaviateAsyncClient, collection_name: str
) -> None:
    await client.collections.create(
        collection_name + "A",
        properties=[
            Property(name="name", data_type=DataType.TEXT),
            Property(name="born", data_type=DataType.INT),
        ],
    )
    try:
        authors = client.collections.use(collection_name + "A")
        author_id = await authors.data.insert({"name": "Ann", "born": 1900})
        books = await client.collections.create(
            collection_name,
            properties=[
                Property(name="title", data_type=DataType.TEXT),
                Property(name="pages", data_type=DataType.INT),
                Property(
                    name="meta",
                    data_type=DataType.OBJECT,
                    nested_properties=[
                        Property(name="lang", data_type=DataType.TEXT),
                        Property(name="isbn", data_type=DataType.TEXT),
                    ],
                ),
            ],
            references=[ReferenceProperty(name="author", target_collection=collection_name + "A")],
            generative_config=Configure.Generative.dummy(),
        )
        await books.data.insert(
            {"title": "T", "pages": 3, "meta": {"lang": "en", "isbn": "x"}},
            references={"author": author_id},
        )
        q = books.query
        assert (await q.fetch_objects(return_properties=Titled)).objects[0].properties == {
            "title": "T"
        }
        assert (await q.fetch_objects(return_properties=ExtTitled)).objects[0].properties == {
            "title": "T"
        }
        nested = (await q.fetch_objects(return_properties=TitledNested)).objects[0]
        assert nested.properties == {"title": "T", "meta": {"lang": "en"}}
        assert (await q.fetch_objects(return_properties=NoKeys)).objects[0].properties == {}
        ref = (await q.fetch_objects(return_properties=Titled, return_references=BookRefs)).objects[
            0
        ]
        assert ref.references["author"].objects[0].properties == {"name": "Ann"}
        gen = await books.generate.fetch_objects(
            single_prompt="Say {title}", return_properties=Titled
        )
        assert gen.objects[0].properties == {"title": "T"} and gen.objects[0].generative is not None
        assert [o.properties async for o in books.iterator(return_properties=Titled)] == [
            {"title": "T"}
        ]
        # A handle typed by a TypedDict returns its keys; by dict[...] every property.
        typed = client.collections.use(collection_name, data_model_properties=Titled)
        assert (await typed.query.fetch_objects()).objects[0].properties == {"title": "T"}
        legacy = Dict[str, Any]  # noqa: UP006 - the spelling programs pass
        generic = client.collections.use(collection_name, data_model_properties=legacy)
        assert set((await generic.query.fetch_objects()).objects[0].properties) == {
            "title",
            "pages",
            "meta",
        }
        # The official client refuses any other class here, dict itself included.
        for model in (dict, TitledDataclass):
            with pytest.raises(WeaviateInvalidInputError):
                await q.fetch_objects(return_properties=model)
            with pytest.raises(WeaviateInvalidInputError):
                books.iterator(return_properties=model)
    finally:
        await client.collections.delete([collection_name, collection_name + "A"])


# ----------------------------------------------------------------------------- 8. data models


class PlainClass:
    title: str


async def test_data_models_are_checked_as_the_official_client_checks_them(
    client: WeaviateAsyncClient, collection_name: str
) -> None:
    import pydantic

    class PydanticModel(pydantic.BaseModel):
        title: str

    colls = client.collections
    for model in (TitledDataclass, PydanticModel, PlainClass, dict, int):
        with pytest.raises(InvalidDataModelError):
            colls.get(collection_name, data_model_properties=model)
        with pytest.raises(InvalidDataModelError):
            colls.use(collection_name, model)
        with pytest.raises(InvalidDataModelError):
            colls.get(collection_name, data_model_references=model)
        with pytest.raises(InvalidDataModelError):
            colls.use(collection_name).data.with_data_model(model)
        colls.get(collection_name, model, model, skip_argument_validation=True)
    with pytest.raises(InvalidDataModelError):
        await colls.create(collection_name, data_model_properties=TitledDataclass)
    assert not await colls.exists(collection_name)  # refused before anything was sent
    for good in (Titled, ExtTitled, Dict[str, Any], dict[str, Any], None):  # noqa: UP006
        colls.use(collection_name, good, good)
    col = await colls.create(collection_name, data_model_properties=Titled)
    assert col.name == collection_name and await colls.exists(collection_name)


# ----------------------------------------------------------------------------- 7. permissions


async def test_permissions_with_an_empty_alias_name(auth_server: EmbeddedServer) -> None:
    s = auth_server
    perms = Permissions.alias(alias="", collection="*", read=True)  # as at import time
    role = "EmptyAlias" + uuid_lib.uuid4().hex[:8]
    async with weaviate_async.use_async_with_local(
        host=s.host,
        port=s.http_port,
        grpc_port=s.grpc_port,
        auth_credentials=Auth.api_key(ADMIN_KEY),
    ) as c:
        await c.roles.create(role_name=role, permissions=perms)
        try:
            got = await c.roles.get(role)
            assert got is not None
            assert [(p.alias, p.collection) for p in got.alias_permissions] == [("*", "*")]
        finally:
            await c.roles.delete(role)


# ----------------------------------------------------------------------------- 8. issue 14, part 2


async def test_insert_many_of_nothing_raises_as_the_official_client(
    client: WeaviateAsyncClient, collection_name: str
) -> None:
    col = await client.collections.create(collection_name)
    # the official client sends the empty batch and, nothing being inserted, raises this
    with pytest.raises(WeaviateInsertManyAllFailedError, match=r"the set of all errors: $"):
        await col.data.insert_many([])


async def _vector_of(col: Any, uid: uuid_lib.UUID) -> dict[str, Any]:
    obj = await col.query.fetch_object_by_id(uid, include_vector=True)
    assert obj is not None
    return dict(obj.vector)


async def test_an_empty_vector_is_the_servers_to_judge(
    client: WeaviateAsyncClient, collection_name: str
) -> None:
    col = await client.collections.create(
        collection_name,
        properties=[Property(name="t", data_type=DataType.TEXT)],
        vector_config=Configure.Vectors.self_provided(),
    )
    # Sent, as the official client sends it: the server stores the object without a vector.
    empty = await col.data.insert({"t": "rest"}, vector=[])
    assert await _vector_of(col, empty) == {}
    many = await col.data.insert_many([DataObject(properties={"t": "many"}, vector=[])])
    assert not many.errors and await _vector_of(col, many.uuids[0]) == {}
    batched = uuid_lib.uuid4()
    async with col.batch.fixed_size(batch_size=10) as batch:
        await batch.add_object({"t": "batch"}, uuid=batched, vector=np.array([]))
    assert not col.batch.failed_objects and await _vector_of(col, batched) == {}
    # replace with an empty vector drops the vector; update with one leaves it
    kept = await col.data.insert({"t": "kept"}, vector=[1.0, 2.0])
    await col.data.update(kept, {"t": "kept"}, vector=[])
    assert await _vector_of(col, kept) == {"default": [1.0, 2.0]}
    await col.data.replace(kept, {"t": "gone"}, vector=[])
    assert await _vector_of(col, kept) == {}
    # a search with an empty vector is refused before sending, by the official client too
    with pytest.raises(WeaviateInvalidInputError):
        await col.query.near_vector([])
    with pytest.raises(WeaviateInvalidInputError):
        await col.query.hybrid("x", vector=[])


async def test_numpy_rows_as_vectors(client: WeaviateAsyncClient, collection_name: str) -> None:
    def row(i: float) -> Any:
        return np.array([[i, 1.0, 0.0]])  # shape (1, 3), as a model's encode() often gives

    # An object's array of shape (1, n) is one vector: squeezed, as the official client does.
    col = await client.collections.create(
        collection_name,
        properties=[Property(name="t", data_type=DataType.TEXT)],
        vector_config=Configure.Vectors.self_provided(),
    )
    first = await col.data.insert({"t": "a"}, vector=row(1.0))
    many = await col.data.insert_many([DataObject(properties={"t": "b"}, vector=row(2.0))])
    assert not many.errors
    batched = uuid_lib.uuid4()
    async with col.batch.fixed_size(batch_size=10) as batch:
        await batch.add_object({"t": "c"}, uuid=batched, vector=row(3.0))
    assert not col.batch.failed_objects
    assert await _vector_of(col, first) == {"default": [1.0, 1.0, 0.0]}
    assert await _vector_of(col, many.uuids[0]) == {"default": [2.0, 1.0, 0.0]}
    assert await _vector_of(col, batched) == {"default": [3.0, 1.0, 0.0]}
    await col.data.replace(first, {"t": "a"}, vector=row(4.0))
    assert await _vector_of(col, first) == {"default": [4.0, 1.0, 0.0]}
    # A search's 2-D array is a multi-vector, as the official client sends it: the server
    # refuses it for a regular index.
    with pytest.raises(WeaviateQueryError, match="multi"):
        await col.query.near_vector(row(4.0))

    named = await client.collections.create(
        collection_name + "Named",
        properties=[Property(name="t", data_type=DataType.TEXT)],
        vector_config=[
            Configure.Vectors.self_provided(name="one"),
            Configure.MultiVectors.self_provided(name="multi"),
        ],
    )
    try:
        # REST writes and batches squeeze named arrays as well ...
        uid = await named.data.insert({"t": "a"}, vector={"one": row(1.0)})
        assert (await _vector_of(named, uid))["one"] == [1.0, 1.0, 0.0]
        other = uuid_lib.uuid4()
        async with named.batch.fixed_size(batch_size=10) as batch:
            await batch.add_object({"t": "c"}, uuid=other, vector={"one": row(3.0)})
        assert not named.batch.failed_objects
        assert (await _vector_of(named, other))["one"] == [3.0, 1.0, 0.0]
        # ... while in insert_many a named array keeps its shape: a multi-vector of one row
        multi = await named.data.insert_many(
            [DataObject(properties={"t": "m"}, vector={"one": row(5.0)[0], "multi": row(5.0)})]
        )
        assert not multi.errors
        assert (await _vector_of(named, multi.uuids[0]))["multi"] == [[5.0, 1.0, 0.0]]
        hit = await named.query.near_vector(row(5.0), target_vector="multi", limit=1)
        assert hit.objects[0].uuid == multi.uuids[0]
    finally:
        await client.collections.delete(collection_name + "Named")


async def test_an_empty_collection_name_is_the_servers_to_refuse(
    client: WeaviateAsyncClient,
) -> None:
    col = client.collections.use("")  # no request yet, no refusal
    # each refusal is the server's, with the official client's exception class
    with pytest.raises(WeaviateQueryError, match="could not find class"):
        await col.query.fetch_objects()
    with pytest.raises(WeaviateQueryError, match="could not find class"):
        await col.aggregate.over_all(total_count=True)
    with pytest.raises(UnexpectedStatusCodeError) as insert:
        await col.data.insert({"t": "x"})
    assert insert.value.status_code == 422
    with pytest.raises(WeaviateBatchError):
        await col.data.insert_many([{"t": "x"}])
    # its path would be the whole schema's: refused as collections.exists("") refuses
    with pytest.raises(WeaviateInvalidInputError):
        await col.exists()
    with pytest.raises(WeaviateInvalidInputError):
        await client.collections.exists("")


# Values the server does not store, and what each path does with them: sent for the server to
# refuse where the official client sends them; refused before sending, with the class the
# official client fails with, where it fails before sending too.
SERVER_REFUSES_OVER_REST: dict[str, dict[Any, Any]] = {
    "an empty name": {"": "x"},
    "an int as a name": {1: "x"},
    "an int beyond int64": {"i": 2**64},
    "None in a list": {"ts": ["a", None]},
    "a list of lists": {"ns": [[1.0], [2.0]]},
    "a list of mixed kinds": {"ts": ["a", 1]},
    "an empty nested name": {"o": {"": "x"}},
}
SERVER_REFUSES_OVER_GRPC: dict[str, dict[Any, Any]] = {
    "an empty name": {"": "x"},
    "NaN": {"n": math.nan},
    "infinity": {"n": -math.inf},
    "an int beyond int64": {"i": 2**64},
    "NaN in a list": {"ns": [1.0, math.nan]},
    "a list of lists": {"ns": [[1.0], [2.0]]},
    "an empty nested name": {"o": {"": "x"}},
}
CLIENT_REFUSES: dict[str, tuple[dict[Any, Any], type[Exception], type[Exception]]] = {
    # case: (properties, class over REST, class over gRPC), as the official client fails
    "NaN": ({"n": math.nan}, ValueError, type(None)),
    "None in a list": ({"ts": ["a", None]}, type(None), TypeError),
    "a list of mixed kinds": ({"ts": ["a", 1]}, type(None), TypeError),
    "an int as a name": ({1: "x"}, type(None), TypeError),
    "a date": ({"d": datetime.date(2020, 1, 1)}, ValueError, ValueError),
    "a set": ({"ts": {"a"}}, ValueError, ValueError),
}


async def test_property_values_the_server_refuses(
    client: WeaviateAsyncClient, collection_name: str
) -> None:
    col = await client.collections.create(
        collection_name,
        properties=[
            Property(name="n", data_type=DataType.NUMBER),
            Property(name="i", data_type=DataType.INT),
            Property(name="d", data_type=DataType.DATE),
            Property(name="ts", data_type=DataType.TEXT_ARRAY),
            Property(name="ns", data_type=DataType.NUMBER_ARRAY),
            Property(
                name="o",
                data_type=DataType.OBJECT,
                nested_properties=[Property(name="a", data_type=DataType.TEXT)],
            ),
        ],
    )
    base = await col.data.insert({"ts": ["base"]})
    for case, props in SERVER_REFUSES_OVER_REST.items():
        for write in (
            lambda p: col.data.insert(p),
            lambda p: col.data.replace(base, p),
            lambda p: col.data.update(base, p),
        ):
            with pytest.raises(UnexpectedStatusCodeError) as refused:
                await write(dict(props))
            assert refused.value.status_code == 422, case
    for case, props in SERVER_REFUSES_OVER_GRPC.items():
        many = await col.data.insert_many([dict(props), {"ts": ["fine"]}])
        assert list(many.errors) == [0] and list(many.uuids) == [1], case
        async with col.batch.fixed_size(batch_size=10) as batch:
            await batch.add_object(dict(props))
        assert len(col.batch.failed_objects) == 1, case
    for case, (props, over_rest, over_grpc) in CLIENT_REFUSES.items():
        for kind, calls in (
            (over_rest, (lambda p: col.data.insert(p),)),
            (over_grpc, (lambda p: col.data.insert_many([p]),)),
        ):
            if kind is type(None):
                continue
            for call in calls:
                with pytest.raises(WeaviateInvalidInputError) as refused_here:
                    await call(dict(props))
                assert isinstance(refused_here.value, kind), case
    fetched = await col.query.fetch_objects(limit=100)
    assert len(fetched.objects) == 1 + len(SERVER_REFUSES_OVER_GRPC)  # base and each "fine"


async def test_tenant_names_are_the_servers_to_refuse(
    client: WeaviateAsyncClient, collection_name: str
) -> None:
    col = await client.collections.create(
        collection_name, multi_tenancy_config=Configure.multi_tenancy(enabled=True)
    )
    for name in ("", "a b", "x" * 100):
        with pytest.raises(UnexpectedStatusCodeError) as refused:
            await col.tenants.create(name)
        assert refused.value.status_code == 422
    # "" reads as no tenant on the server, which a multi-tenant collection refuses
    with pytest.raises(UnexpectedStatusCodeError) as no_tenant:
        await col.with_tenant("").data.insert({})
    assert no_tenant.value.status_code == 422
    with pytest.raises(WeaviateQueryError, match="multi-tenancy enabled"):
        await col.with_tenant("").query.fetch_objects()
    assert await col.tenants.get_by_name("a b") is None
    # its path would be the list of every tenant: refused, with the official client's TypeError
    with pytest.raises(WeaviateInvalidInputError) as empty:
        await col.tenants.get_by_name("")
    assert isinstance(empty.value, TypeError)
