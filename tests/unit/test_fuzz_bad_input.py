"""Bad input, hypothesis-driven (issue 17): arbitrary property values, vectors, uuids, filters,
configuration builders and server replies fed to the client's pure parts. The property is the
same everywhere: a result, or a typed error (a ``WeaviateBaseError``; ``WeaviateInvalidInputError``
naming the field for the caller's input), never another exception type.

The number of examples comes from a hypothesis profile chosen by ``WEAVIATE_FUZZ_PROFILE``:
``badinput-suite`` (the default: derandomized, so CI sees the same examples every run) or
``badinput-fuzz`` (10,000 examples per case, random; ``nox -s reliability_fuzz``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import os
import uuid as uuid_lib
from collections.abc import Callable
from typing import Any

import numpy as np
import orjson
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from weaviate_async._validate import uuid_str
from weaviate_async.classes.config import Configure, DataType, Property
from weaviate_async.classes.config_collection import collection_create_json
from weaviate_async.classes.data import GeoCoordinate, PhoneNumber
from weaviate_async.classes.query import Filter
from weaviate_async.exceptions import WeaviateBaseError, WeaviateInvalidInputError
from weaviate_async.models.scope import CollectionScope
from weaviate_async.proto.weaviate.v1 import (
    aggregate_pb2,
    batch_pb2,
    search_get_pb2,
    tenants_pb2,
)
from weaviate_async.wire import aggregate as aggregate_wire
from weaviate_async.wire import backup as backup_wire
from weaviate_async.wire import cluster as cluster_wire
from weaviate_async.wire import config as config_wire
from weaviate_async.wire import rbac as rbac_wire
from weaviate_async.wire import search as search_wire
from weaviate_async.wire import tenants as tenants_wire
from weaviate_async.wire.batch import encode_object, encode_references, reply_errors
from weaviate_async.wire.filters import filters_pb
from weaviate_async.wire.objects import object_body
from weaviate_async.wire.unencodable import json_body
from weaviate_async.wire.values import rest_vector_fields

_SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
settings.register_profile(
    "badinput-suite",
    max_examples=int(os.environ.get("WEAVIATE_FUZZ_EXAMPLES", "500")),
    deadline=None,
    derandomize=True,
    suppress_health_check=_SLOW,
    database=None,
)
settings.register_profile(
    "badinput-fuzz",
    max_examples=int(os.environ.get("WEAVIATE_FUZZ_EXAMPLES", "10000")),
    deadline=None,
    suppress_health_check=_SLOW,
    database=None,
)
FUZZ = settings.get_profile(os.environ.get("WEAVIATE_FUZZ_PROFILE", "badinput-suite"))

# naive datetimes are taken as UTC with a warning, as the official client does
pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")
UTC = dt.timezone.utc
SCOPE = CollectionScope("Article")


# ------------------------------------------------------------------------------ strategies

# Any code point, lone surrogates included: st.text leaves them out (even from an alphabet), so
# the strings are joined from single characters.
_chars = st.one_of(st.characters(), st.sampled_from(["\ud800", "\udfff", "\x00", "\ufffe"]))
odd_text = st.lists(_chars, max_size=12).map("".join)
names = st.one_of(st.sampled_from(["title", "count", "id", "vector", "", "_id"]), odd_text)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(2**80), max_value=2**80),
    st.floats(allow_nan=True, allow_infinity=True),
    odd_text,
    st.binary(max_size=8),
    st.datetimes(timezones=st.one_of(st.none(), st.just(UTC))),
    st.dates(),
    st.uuids(),
    st.builds(GeoCoordinate, latitude=st.floats(-90, 90), longitude=st.floats(-180, 180)),
    st.builds(
        PhoneNumber, number=st.from_regex(r"\+?[0-9 ]{1,12}", fullmatch=True).filter(str.strip)
    ),
    st.just({1, 2}),
    st.just(object()),
    st.just(np.int64(3)),
    st.just(np.float32(0.5)),
    st.just(np.bool_(True)),
)
json_ish = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.tuples(inner, inner),
        st.dictionaries(names, inner, max_size=4),
    ),
    max_leaves=12,
)
properties = st.dictionaries(names, json_ish, max_size=5)


def _deep(depth: int, leaf: Any, as_list: bool) -> Any:
    value = leaf
    for _ in range(depth):
        value = [{"a": value}] if as_list else {"a": value}
    return value


deep_properties = st.builds(
    lambda depth, leaf, as_list, name: {"fine": "x", name: _deep(depth, leaf, as_list)},
    # around protobuf's limit (about 50 levels) and orjson's (254); Python's stack (about a
    # thousand) is tried by test_deep_nesting_names_the_property
    st.one_of(st.integers(min_value=1, max_value=300), st.just(600)),
    st.sampled_from(["x", 1, 1.5, ["a", "b"], "\ud800"]),
    st.booleans(),
    st.sampled_from(["title", "deep"]),
)

_dtypes = ["float32", "float64", "float16", "int8", "int64", "uint8", "bool", "complex64", "U3"]
numpy_vectors = st.builds(
    lambda dtype, shape, fill: np.full(shape, fill).astype(dtype),
    st.sampled_from(_dtypes),
    st.one_of(st.tuples(st.integers(0, 5)), st.tuples(st.integers(0, 3), st.integers(0, 3))),
    st.sampled_from([0.5, 1, -1, float("nan"), float("inf"), 1e39]),
)
plain_vectors = st.one_of(
    st.lists(st.floats(allow_nan=True, allow_infinity=True), max_size=6),
    st.lists(st.floats(width=32), min_size=1, max_size=6),
    st.lists(st.lists(st.floats(width=32), max_size=4), max_size=3),  # ragged too
    st.lists(st.one_of(st.integers(), st.text(max_size=2), st.none()), max_size=4),
    st.lists(st.integers(min_value=-(2**70), max_value=2**70), max_size=3),
)
vectors = st.one_of(
    plain_vectors,
    numpy_vectors,
    odd_text,
    st.binary(max_size=8),
    st.integers(),
    st.dictionaries(names, st.one_of(plain_vectors, numpy_vectors), max_size=3),
)

uuid_inputs = st.one_of(
    st.uuids(),
    st.uuids().map(str),
    st.uuids().map(lambda u: str(u).upper()),
    st.uuids().map(lambda u: u.hex),
    st.uuids().map(lambda u: "{" + str(u) + "}"),
    odd_text,
    st.integers(),
    st.binary(max_size=20),
    st.uuids().map(lambda u: u.bytes),
    st.none(),
    st.floats(),
)


def _checks(error: WeaviateInvalidInputError, prefix: str) -> None:
    """A refusal of the caller's input names the field."""
    assert error.field, error
    assert error.field.startswith(prefix), (error.field, prefix)


# ------------------------------------------------------------------------------ property values


@FUZZ
@given(properties=properties, index=st.integers(0, 10**6))
def test_property_values_for_the_grpc_batch(properties: dict[Any, Any], index: int) -> None:
    try:
        encode_object(index, "Article", None, properties, None, None, None)
    except WeaviateInvalidInputError as error:
        _checks(error, f"objects[{index}]")


@FUZZ
@given(properties=properties)
def test_property_values_for_rest_bodies(properties: dict[Any, Any]) -> None:
    try:
        json_body(object_body(SCOPE, properties=properties))
    except WeaviateInvalidInputError as error:
        _checks(error, "properties")


@FUZZ
@given(properties=deep_properties)
def test_deeply_nested_values_name_the_property(properties: dict[str, Any]) -> None:
    name = next(n for n in properties if n != "fine")
    for encode, prefix in (
        (lambda: encode_object(7, "Article", None, properties, None, None, None), "objects[7]"),
        (lambda: json_body(object_body(SCOPE, properties=properties)), "properties"),
    ):
        try:
            encode()
        except WeaviateInvalidInputError as error:
            _checks(error, f"{prefix}.properties.{name}" if prefix != "properties" else prefix)
            assert f".{name}" in (error.field or "")


# ------------------------------------------------------------------------------ vectors


@FUZZ
@given(vector=vectors)
def test_vectors(vector: Any) -> None:
    try:
        encode_object(0, "Article", None, {"title": "x"}, None, None, vector)
    except WeaviateInvalidInputError as error:
        _checks(error, "objects[0].vector")
    try:
        json_body(rest_vector_fields(vector))
    except WeaviateInvalidInputError as error:
        assert error.field
    for kwargs in ({}, {"target_vector": "a"}):
        try:
            search_wire.near_vector_pb(vector, **kwargs)
        except WeaviateInvalidInputError as error:
            assert error.field


# ------------------------------------------------------------------------------ uuids


@FUZZ
@given(value=uuid_inputs)
def test_uuids(value: Any) -> None:
    try:
        text = uuid_str(value, "uuid")
    except WeaviateInvalidInputError as error:
        assert error.field == "uuid"
    else:
        assert str(uuid_lib.UUID(text)) == text
    try:
        encode_object(0, "Article", None, None, None, value, None)
    except WeaviateInvalidInputError as error:
        assert error.field == "objects[0].uuid"
    for build in (
        lambda: Filter.by_id().equal(value),
        lambda: Filter.by_id().contains_any([value]),
    ):
        try:
            filters_pb(build())
        except WeaviateInvalidInputError as error:
            assert error.field


# ------------------------------------------------------------------------------ search texts

_SEARCHES: dict[str, Callable[[Any, Any], Any]] = {
    "near_text": lambda text, name: search_wire.near_text_pb([text, "b"], target_vector=name),
    "bm25": lambda text, name: search_wire.bm25_pb(text, query_properties=[name]),
    "hybrid": lambda text, name: search_wire.hybrid_pb(text, target_vector=name),
    "near_vector": lambda text, name: search_wire.near_vector_pb({name: [0.5]}),
    "aggregate_near_text": lambda text, name: aggregate_wire.near_text_pb(
        text, certainty=None, distance=None, move_to=None, move_away=None, target_vector=name
    ),
    "batch_tenant": lambda text, name: encode_object(0, "Article", text, {}, None, None, None),
    "references": lambda text, name: encode_references(
        "Article", uuid_lib.UUID(int=1), name, [uuid_lib.UUID(int=2)], text or None
    ),
}


@FUZZ
@given(search=st.sampled_from(sorted(_SEARCHES)), text=odd_text, name=names)
def test_texts_of_searches_and_batches(search: str, text: str, name: str) -> None:
    try:
        _SEARCHES[search](text, name)
    except WeaviateInvalidInputError as error:
        assert error.field


# ------------------------------------------------------------------------------ filters

_filter_values = st.one_of(
    scalars,
    st.lists(scalars, max_size=4),
    st.lists(st.integers(), max_size=4),
    st.lists(odd_text, max_size=4),
    st.lists(st.datetimes(timezones=st.just(UTC)), max_size=3),
)
_property_ops = [
    "equal",
    "not_equal",
    "less_than",
    "less_or_equal",
    "greater_than",
    "greater_or_equal",
    "like",
    "is_none",
    "contains_any",
    "contains_all",
    "contains_none",
]


@st.composite
def _leaf(draw: st.DrawFn) -> Callable[[], Any]:
    """A function building one filter (it may refuse its arguments)."""
    kind = draw(st.sampled_from(["property", "length", "time", "count", "ref", "geo"]))
    value = draw(_filter_values)
    name, other = draw(names), draw(names)
    if kind == "geo":
        distance = draw(st.one_of(st.floats(), odd_text))
        return lambda: Filter.by_property(name).within_geo_range(value, distance)
    if kind == "time":
        op = draw(st.sampled_from([*_property_ops[:6], "contains_any", "contains_none"]))
        return lambda: getattr(Filter.by_creation_time(), op)(value)
    if kind == "count":
        op = draw(st.sampled_from(_property_ops[:6]))
        return lambda: getattr(Filter.by_ref_count(name), op)(value)
    op = draw(st.sampled_from(_property_ops))
    if kind == "ref":
        return lambda: getattr(Filter.by_ref(name).by_property(other), op)(value)
    return lambda: getattr(Filter.by_property(name, length=kind == "length"), op)(value)


def _built(make: Callable[[], Any]) -> Any:
    try:
        return make()
    except WeaviateInvalidInputError as error:
        assert error.field
        return None


@FUZZ
@given(leaves=st.lists(_leaf(), min_size=1, max_size=5), how=st.sampled_from("&|ANn"))
def test_filters(leaves: list[Callable[[], Any]], how: str) -> None:
    built = [f for f in (_built(make) for make in leaves) if f is not None]
    if not built:
        return
    combined: Any = built[0]
    try:
        for other in built[1:]:
            combined = {"&": combined & other, "|": combined | other}.get(how, combined)
        if how == "A":
            combined = Filter.all_of(built)
        elif how == "N":
            combined = Filter.any_of(built)
        elif how == "n":
            combined = Filter.not_(combined)
        filters_pb(combined).SerializeToString()
    except WeaviateInvalidInputError as error:
        assert error.field


@FUZZ
@given(value=json_ish)
def test_filter_combinators_refuse_what_is_no_filter(value: Any) -> None:
    for combine in (Filter.all_of, Filter.any_of, Filter.not_):
        _built(lambda combine=combine: filters_pb(combine(value)))


# ------------------------------------------------------------------------------ configuration

_data_types = st.one_of(st.sampled_from(list(DataType)), odd_text, st.integers(), st.none())


@FUZZ
@given(
    name=names,
    data_type=_data_types,
    description=st.one_of(st.none(), odd_text, st.integers()),
    nested=st.one_of(
        st.none(),
        st.lists(
            st.builds(Property, name=st.just("n"), data_type=st.just(DataType.TEXT)), max_size=2
        ),
        odd_text,
    ),
    tokenization=st.one_of(st.none(), odd_text),
    collection=names,
)
def test_property_and_collection_builders(
    name: Any,
    data_type: Any,
    description: Any,
    nested: Any,
    tokenization: Any,
    collection: Any,
) -> None:
    try:
        prop = Property(
            name=name,
            data_type=data_type,
            description=description,
            nested_properties=nested,
            tokenization=tokenization,
        )
        body = collection_create_json(
            collection,
            properties=[prop],
            vector_config=Configure.Vectors.self_provided(),
            inverted_index_config=Configure.inverted_index(bm25_b=0.5, bm25_k1=1.2),
        )
        json_body(body)
    except WeaviateInvalidInputError as error:
        assert error.field


# ------------------------------------------------------------------------------ server replies: JSON

_json = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**64), max_value=2**64),
        st.floats(allow_nan=False),
        st.text(max_size=8),
        st.sampled_from(["READY", "HOT", "SUCCESS", "FROZEN", "weird_enum", "hnsw", "flat"]),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.one_of(
                st.text(max_size=6),
                st.sampled_from(
                    [
                        "class",
                        "properties",
                        "name",
                        "dataType",
                        "status",
                        "id",
                        "vectorConfig",
                        "vectorIndexType",
                        "vectorIndexConfig",
                        "nodes",
                        "shards",
                        "permissions",
                        "action",
                        "activityStatus",
                        "classes",
                    ]
                ),
            ),
            inner,
            max_size=5,
        ),
    ),
    max_leaves=20,
)
_JSON_PARSERS: dict[str, Callable[[Any], Any]] = {
    "collection_config": config_wire.collection_config_from_json,
    "collection_config_simple": config_wire.collection_config_simple_from_json,
    "backup_status": lambda body: backup_wire.status_from_json(body, "b1"),
    "backup_list": backup_wire.list_from_json,
    "nodes": lambda body: cluster_wire.nodes_from_json(body, "verbose"),
    "tenant": tenants_wire.tenant_from_json,
    "role": rbac_wire.role_from_json,
    "db_user": rbac_wire.db_user_from_json,
}


@FUZZ
@example(parser="nodes", body={"nodes": True})  # found by this test: TypeError
@example(parser="nodes", body={"nodes": [{"shards": 1}]})
@given(parser=st.sampled_from(sorted(_JSON_PARSERS)), body=_json)
def test_json_replies(parser: str, body: Any) -> None:
    with contextlib.suppress(WeaviateBaseError):
        _JSON_PARSERS[parser](body)


# ------------------------------------------------------------------------------ server replies: protobuf


def _search_reply() -> bytes:
    reply = search_get_pb2.SearchReply(took=0.5)
    result = reply.results.add()
    result.metadata.id = str(uuid_lib.UUID(int=7))
    result.metadata.vector_bytes = np.arange(4, dtype="<f4").tobytes()
    result.metadata.distance = 0.25
    result.metadata.distance_present = True
    fields = result.properties.non_ref_props.fields
    fields["title"].text_value = "x"
    fields["n"].int_value = 3
    fields["when"].date_value = "2024-01-01T00:00:00Z"
    return reply.SerializeToString()


def _garbled(seed: bytes) -> Any:
    """Bytes that start as a real reply and are then truncated, flipped or extended."""
    return st.one_of(
        st.binary(max_size=64),
        st.integers(0, len(seed)).map(lambda n: seed[:n]),
        st.tuples(st.integers(0, len(seed) - 1), st.integers(0, 255)).map(
            lambda p: seed[: p[0]] + bytes([p[1]]) + seed[p[0] + 1 :]
        ),
        st.binary(max_size=16).map(lambda tail: seed + tail),
    )


_SHAPES = [
    search_wire.ReplyShape(),
    search_wire.ReplyShape(single=True),
]


@FUZZ
@given(data=_garbled(_search_reply()), shape=st.sampled_from(_SHAPES))
def test_garbled_search_replies(data: bytes, shape: Any) -> None:
    try:
        reply = search_get_pb2.SearchReply.FromString(data)
    except Exception:  # protobuf's DecodeError: the transport's to map (tested apart)
        return
    with contextlib.suppress(WeaviateBaseError):
        search_wire.parse_reply(reply, shape, "Article")


@FUZZ
@given(
    data=st.binary(max_size=64),
    enum=st.integers(min_value=-(2**31), max_value=2**31 - 1),
)
def test_garbled_and_unknown_enums_in_other_replies(data: bytes, enum: int) -> None:
    for message, parse in (
        (batch_pb2.BatchObjectsReply, reply_errors),
        (tenants_pb2.TenantsGetReply, tenants_wire.tenants_from_reply),
        (aggregate_pb2.AggregateReply, aggregate_wire.count_from_reply),
    ):
        try:
            reply = message.FromString(data)
        except Exception:
            continue
        with contextlib.suppress(WeaviateBaseError):
            parse(reply)
    reply = tenants_pb2.TenantsGetReply()
    reply.tenants.add(name="t", activity_status=enum)  # an enum value no release knows
    with contextlib.suppress(WeaviateBaseError):
        tenants_wire.tenants_from_reply(reply)


def test_lone_surrogates_name_the_property() -> None:
    for props, field in (
        ({"title": "fine", "body": "\ud800"}, "objects[2].properties.body"),
        ({"tags": ["a", "b\udfff"]}, "objects[2].properties.tags[1]"),
        ({"inner": {"deep": "\ud800"}}, "objects[2].properties.inner.deep"),
    ):
        with pytest.raises(WeaviateInvalidInputError) as info:
            encode_object(2, "Article", None, props, None, None, None)
        assert info.value.field == field, info.value.field
        with pytest.raises(WeaviateInvalidInputError) as rest:
            json_body(object_body(SCOPE, properties=props))
        assert rest.value.field == field.replace("objects[2].", ""), rest.value.field


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (lambda: Filter.by_property("title").equal("\ud800"), "filters"),
        (lambda: Filter.by_property("ti\udc00tle").like("a*"), "filters"),
        (
            lambda: Filter.all_of(
                [
                    Filter.by_id().equal(uuid_lib.UUID(int=1)),
                    Filter.by_property("t").equal(["\ud800"][0]),
                ]
            ),
            "filters.filters[1]",
        ),
        (lambda: Filter.by_property("t").contains_any(["a", "\udfff"]), "filters"),
    ],
)
def test_lone_surrogates_in_filters_are_refused_by_name(make: Any, field: str) -> None:
    with pytest.raises(WeaviateInvalidInputError) as info:
        filters_pb(make())
    assert info.value.field == field
    assert "surrogate" in info.value.message


@pytest.mark.parametrize("depth", [60, 200, 3000])
def test_filters_nested_too_deeply_are_refused(depth: int) -> None:
    tree: Any = Filter.by_property("n").equal(1)
    for i in range(depth):
        tree = (
            Filter.not_(tree) if i % 2 else Filter.all_of([tree, Filter.by_property("m").equal(2)])
        )
    try:
        filters_pb(tree)
    except WeaviateInvalidInputError as error:
        assert error.field == "filters"


@pytest.mark.parametrize("as_list", [False, True])
@pytest.mark.parametrize("depth", [60, 200, 5000])
def test_deep_nesting_names_the_property(depth: int, as_list: bool) -> None:
    props = {"title": "fine", "deep": _deep(depth, "x", as_list)}
    with pytest.raises(WeaviateInvalidInputError) as info:
        encode_object(4, "Article", None, props, None, None, None)
    assert info.value.field == "objects[4].properties.deep"
    assert "nested" in info.value.message
    if depth > 200:
        with pytest.raises(WeaviateInvalidInputError) as rest:
            json_body(object_body(SCOPE, properties=props))
        assert rest.value.field == "properties.deep"


def test_nan_in_a_rest_body_is_refused_by_name() -> None:
    with pytest.raises(WeaviateInvalidInputError) as info:
        json_body(object_body(SCOPE, properties={"x": math.nan}))
    assert info.value.field


def test_json_body_is_what_orjson_writes() -> None:
    body = {"a": [1, 2.5, "x", None, True], "b": {"c": "é"}}
    assert json_body(body) == orjson.dumps(body)
