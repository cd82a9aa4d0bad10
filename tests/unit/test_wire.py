"""Pure tests of weaviate_async.wire: vectors, property values and batch messages (search:
test_search_wire.py)."""

from __future__ import annotations

import datetime as dt
import struct
import uuid as uuid_lib
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from weaviate_async._validate import uuid_str
from weaviate_async.classes.batch import ErrorObject
from weaviate_async.classes.data import DataObject, GeoCoordinate, PhoneNumber, ReferenceToMulti
from weaviate_async.exceptions import WeaviateInsertManyAllFailedError, WeaviateInvalidInputError
from weaviate_async.models.scope import CollectionScope
from weaviate_async.proto.weaviate.v1 import (
    base_pb2,
    batch_pb2,
    properties_pb2,
)
from weaviate_async.wire import batch, values

UTC = dt.timezone.utc
F32_MAX = float(np.finfo(np.float32).max)

finite_f32 = st.floats(
    min_value=-F32_MAX, max_value=F32_MAX, allow_nan=False, allow_infinity=False, width=32
)


# ---------------------------------------------------------------------------------- vectors


@given(st.lists(finite_f32, min_size=1, max_size=64))
def test_pack_vector_round_trip(vec: list[float]) -> None:
    packed = values.pack_vector(vec)
    assert packed == np.asarray(vec, dtype="<f4").tobytes()
    assert values.unpack_vector(packed) == vec  # width=32 floats are exact in float32
    assert values.pack_vector(tuple(vec)) == packed
    assert values.pack_vector(np.asarray(vec, dtype=np.float64)) == packed
    assert values.pack_vector(np.asarray(vec, dtype=np.float32)) == packed


@given(st.integers(1, 5), st.integers(1, 9), st.data())
def test_pack_multi_vector_round_trip(rows: int, dim: int, data: st.DataObject) -> None:
    mv = [data.draw(st.lists(finite_f32, min_size=dim, max_size=dim)) for _ in range(rows)]
    packed = values.pack_multi_vector(mv)
    assert packed[:2] == struct.pack("<H", dim)
    assert values.unpack_multi_vector(packed) == mv
    assert values.pack_multi_vector(np.asarray(mv)) == packed
    assert values.is_multi_vector(mv) and values.is_multi_vector(np.asarray(mv))
    assert not values.is_multi_vector(mv[0])


def test_vectors_may_hold_nan_and_infinities_as_in_the_official_client() -> None:
    # The server takes them over gRPC; only JSON (REST bodies) cannot carry them.
    for vector in ([1.0, float("nan")], [float("inf"), 1.0], np.array([1.0, np.nan])):
        assert len(values.pack_vector(vector, "vector")) == 8
    assert values.pack_any_vector(np.array([[np.inf, 1.0]]), "v")[0][:2] == b"\x02\x00"


@pytest.mark.parametrize(
    ("vector", "field"),
    [
        ([], "vector"),
        ([1.0, "2"], "vector[1]"),
        ([1.0, None], "vector[1]"),
        ([1e39], "vector[0]"),
        ([[1.0], 2.0], "vector[0]"),
        ("abc", "vector"),
        (np.array([1.0, 1e39]), "vector[1]"),
        (np.array(["a", "b"]), "vector"),
        (np.zeros((2, 2)), "vector"),
        (np.array([]), "vector"),
    ],
)
def test_pack_vector_rejects_with_field(vector: Any, field: str) -> None:
    with pytest.raises(WeaviateInvalidInputError) as info:
        values.pack_vector(vector, "vector")
    assert info.value.field == field
    assert field in str(info.value)


def test_multi_vector_rows_must_agree() -> None:
    with pytest.raises(WeaviateInvalidInputError) as info:
        values.pack_multi_vector([[1.0, 2.0], [1.0]], "v")
    assert info.value.field == "v[1]"


def test_vectors_pb_named() -> None:
    vecs = values.vectors_pb({"a": [1.0, 2.0], "b": np.ones((2, 3))})
    assert [(v.name, v.type) for v in vecs] == [
        ("a", base_pb2.Vectors.VECTOR_TYPE_SINGLE_FP32),
        ("b", base_pb2.Vectors.VECTOR_TYPE_MULTI_FP32),
    ]
    assert values.unpack_multi_vector(vecs[1].vector_bytes) == [[1.0] * 3] * 2


# ---------------------------------------------------------------------------------- dates, uuids


aware = st.datetimes(
    min_value=dt.datetime(1, 1, 2),
    max_value=dt.datetime(9999, 12, 30),
    timezones=st.sampled_from([UTC, dt.timezone(dt.timedelta(hours=5, minutes=30))]),
)


@given(aware)
def test_rfc3339_round_trip(value: dt.datetime) -> None:
    text = values.datetime_to_rfc3339(value)
    back = values.parse_rfc3339(text)
    assert back == value and back.utcoffset() == value.utcoffset()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-01-02T03:04:05Z", dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)),
        ("2024-01-02T03:04:05.123456789Z", dt.datetime(2024, 1, 2, 3, 4, 5, 123456, tzinfo=UTC)),
        ("2024-01-02T03:04:05.1+01:00", dt.datetime(2024, 1, 2, 2, 4, 5, 100000, tzinfo=UTC)),
    ],
)
def test_parse_server_dates(text: str, expected: dt.datetime) -> None:
    assert values.parse_rfc3339(text) == expected


def test_naive_datetime_is_taken_as_utc_with_a_warning() -> None:
    # as the official client (its Con002 UserWarning): never refused
    with pytest.warns(UserWarning, match="properties.when") as caught:
        text = values.datetime_to_rfc3339(dt.datetime(2024, 1, 1), "properties.when")
    assert text == "2024-01-01T00:00:00.000000+00:00"
    assert caught[0].filename == __file__
    offset = dt.timezone(dt.timedelta(hours=2))
    assert (
        values.datetime_to_rfc3339(dt.datetime(2024, 1, 1, tzinfo=offset))
        == "2024-01-01T00:00:00.000000+02:00"
    )


def test_uuid_str() -> None:
    u = uuid_lib.uuid4()
    assert uuid_str(u, "x") == str(u)
    assert uuid_str(str(u).upper(), "x") == str(u)
    with pytest.raises(WeaviateInvalidInputError) as info:
        uuid_str("nope", "after")
    assert info.value.field == "after"


# ---------------------------------------------------------------------------------- properties


def _as_python(p: Any) -> dict[str, Any]:
    """Read BatchObject.Properties / ObjectPropertiesValue back as the server does."""
    out: dict[str, Any] = {}
    if p.HasField("non_ref_properties"):
        for k, v in p.non_ref_properties.items():
            out[k] = v
    for a in p.text_array_properties:
        out[a.prop_name] = list(a.values)
    for a in p.int_array_properties:
        out[a.prop_name] = list(a.values)
    for a in p.boolean_array_properties:
        out[a.prop_name] = list(a.values)
    for a in p.number_array_properties:
        out[a.prop_name] = list(struct.unpack(f"<{len(a.values_bytes) // 8}d", a.values_bytes))
    for o in p.object_properties:
        out[o.prop_name] = _as_python(o.value)
    for oa in p.object_array_properties:
        out[oa.prop_name] = [_as_python(v) for v in oa.values]
    for name in p.empty_list_props:
        out[name] = []
    return out


def _normalize(value: Any) -> Any:
    # Struct numbers are doubles: ints come back as floats.
    if isinstance(value, dict):
        return {k: _normalize(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_normalize(v) for v in value]
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


names = st.text(st.characters(min_codepoint=97, max_codepoint=122), min_size=1, max_size=6).filter(
    lambda n: n not in {"id", "vector"}
)
ints = st.integers(-(2**53), 2**53)
floats = st.floats(allow_nan=False, allow_infinity=False)
scalars = st.one_of(
    st.text(max_size=10),
    ints,
    floats,
    st.booleans(),
    aware,
    st.uuids(),
    st.builds(
        GeoCoordinate,
        latitude=st.floats(-90, 90),
        longitude=st.floats(-180, 180),
    ),
)
arrays = st.one_of(
    st.lists(st.text(max_size=5), min_size=1, max_size=4),
    st.lists(ints, min_size=1, max_size=4),
    st.lists(floats, min_size=1, max_size=4),
    st.lists(st.booleans(), min_size=1, max_size=4),
    st.lists(aware, min_size=1, max_size=3),
    st.lists(st.uuids(), min_size=1, max_size=3),
    st.just([]),
)
props = st.recursive(
    st.dictionaries(names, st.one_of(scalars, arrays), max_size=5),
    lambda inner: st.dictionaries(
        names,
        st.one_of(scalars, arrays, inner, st.lists(inner, min_size=1, max_size=2)),
        max_size=4,
    ),
    max_leaves=12,
)


@settings(max_examples=200)
@given(props)
def test_grpc_properties_match_json_form(p: dict[str, Any]) -> None:
    """Both encoders agree: what gRPC carries equals the REST JSON of the same properties."""
    encoded = values.encode_grpc_properties(p)
    as_json = values.to_json_properties(p)
    assert _normalize(_as_python(encoded)) == _normalize(as_json)


def test_grpc_properties_layout() -> None:
    when = dt.datetime(2024, 1, 1, tzinfo=UTC)
    p = values.encode_grpc_properties(
        {
            "t": "x",
            "i": 3,
            "f": 1.5,
            "b": True,
            "n": None,
            "d": when,
            "u": uuid_lib.UUID(int=1),
            "g": GeoCoordinate(latitude=1.0, longitude=2.0),
            "ph": PhoneNumber(number="020 1234567", default_country="NL"),
            "blob": b"\x00\x01",
            "ta": ["a"],
            "ia": [1, 2],
            "fa": [1.0, 2],
            "ba": [True],
            "da": [when],
            "e": [],
            "o": {"x": 1},
            "oa": [{"y": "z"}],
            "np": np.array([1.5, 2.5]),
        },
        {
            "ref": uuid_lib.UUID(int=2),
            "multi": ReferenceToMulti(
                uuids=["00000000-0000-0000-0000-000000000003"], target_collection="Other"
            ),
        },
    )
    s: Any = p.non_ref_properties
    assert s["t"] == "x" and s["i"] == 3 and s["b"] is True and s["n"] is None
    assert s["d"] == "2024-01-01T00:00:00.000000+00:00"
    assert s["u"] == str(uuid_lib.UUID(int=1))
    assert dict(s["g"]) == {"latitude": 1.0, "longitude": 2.0}
    assert dict(s["ph"]) == {"input": "020 1234567", "defaultCountry": "NL"}
    assert s["blob"] == "AAE="
    assert [a.prop_name for a in p.text_array_properties] == ["ta", "da"]
    assert [a.prop_name for a in p.int_array_properties] == ["ia"]
    assert [a.prop_name for a in p.number_array_properties] == ["fa", "np"]
    assert list(p.empty_list_props) == ["e"]
    assert p.single_target_ref_props[0].uuids == [str(uuid_lib.UUID(int=2))]
    assert p.multi_target_ref_props[0].target_collection == "Other"


@pytest.mark.parametrize(
    ("properties", "field"),
    [
        # (NaN and infinities travel over gRPC: the server refuses that object)
        ({"id": "x"}, "properties.id"),
        ({"a": {"b": {1, 2}}}, "properties.a.b"),
        ({"l": [1, 2**64]}, "properties.l[1]"),
        ({"mixed": ["a", 1]}, "properties.mixed[1]"),
        ({"d": dt.date(2024, 1, 1)}, "properties.d"),
        ({"s": {1, 2}}, "properties.s"),
    ],
)
def test_invalid_properties_name_the_field(properties: dict[str, Any], field: str) -> None:
    with pytest.raises(WeaviateInvalidInputError) as info:
        values.encode_grpc_properties(properties)
    assert info.value.field == field


def _value(**kw: Any) -> properties_pb2.Value:
    return properties_pb2.Value(**kw)


def test_decode_every_value_kind() -> None:
    u = uuid_lib.uuid4()
    fields = {
        "t": _value(text_value="x"),
        "i": _value(int_value=-5),
        "f": _value(number_value=1.5),
        "b": _value(bool_value=False),
        "d": _value(date_value="2024-01-02T03:04:05Z"),
        "u": _value(uuid_value=str(u)),
        "blob": _value(blob_value="AAE="),
        "g": _value(geo_value=properties_pb2.GeoCoordinate(latitude=1.5, longitude=2.5)),
        "p": _value(
            phone_value=properties_pb2.PhoneNumber(input="0201234567", country_code=31, valid=True)
        ),
        "n": _value(null_value=0),
        "fa": _value(
            list_value=properties_pb2.ListValue(
                number_values=properties_pb2.NumberValues(values=struct.pack("<2d", 1.0, 2.5))
            )
        ),
        "ia": _value(
            list_value=properties_pb2.ListValue(
                int_values=properties_pb2.IntValues(values=struct.pack("<2q", -1, 2**40))
            )
        ),
        "ta": _value(
            list_value=properties_pb2.ListValue(text_values=properties_pb2.TextValues(values=["a"]))
        ),
        "ba": _value(
            list_value=properties_pb2.ListValue(
                bool_values=properties_pb2.BoolValues(values=[True])
            )
        ),
        "da": _value(
            list_value=properties_pb2.ListValue(
                date_values=properties_pb2.DateValues(values=["2020-01-01T00:00:00Z"])
            )
        ),
        "ua": _value(
            list_value=properties_pb2.ListValue(
                uuid_values=properties_pb2.UuidValues(values=[str(u)])
            )
        ),
        "o": _value(object_value=properties_pb2.Properties(fields={"x": _value(int_value=1)})),
        "oa": _value(
            list_value=properties_pb2.ListValue(
                object_values=properties_pb2.ObjectValues(
                    values=[properties_pb2.Properties(fields={"y": _value(text_value="z")})]
                )
            )
        ),
        "empty": _value(list_value=properties_pb2.ListValue()),
    }
    out = values.decode_properties(properties_pb2.Properties(fields=fields))
    assert out["t"] == "x" and out["i"] == -5 and out["f"] == 1.5 and out["b"] is False
    assert out["d"] == dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert out["u"] == u and out["ua"] == [u]
    assert out["blob"] == "AAE="
    assert out["g"] == GeoCoordinate(latitude=1.5, longitude=2.5)
    assert out["p"].number == "0201234567" and out["p"].country_code == 31 and out["p"].valid
    assert out["n"] is None
    assert out["fa"] == [1.0, 2.5] and out["ia"] == [-1, 2**40]
    assert out["ta"] == ["a"] and out["ba"] == [True]
    assert out["da"] == [dt.datetime(2020, 1, 1, tzinfo=UTC)]
    assert out["o"] == {"x": 1} and out["oa"] == [{"y": "z"}]
    assert out["empty"] == []


# ---------------------------------------------------------------------------------- batch


def _decoded(plan: batch.InsertManyPlan) -> batch_pb2.BatchObjectsRequest:
    data = batch.request_bytes(plan.items, plan.consistency_level)
    return batch_pb2.BatchObjectsRequest.FromString(data)


def test_batch_request_and_result() -> None:
    given_uuid = uuid_lib.UUID(int=7)
    objects: list[Any] = [
        {"title": "a"},
        DataObject(properties={"title": "b"}, uuid=given_uuid, vector=np.array([1.0, 2.0])),
        DataObject(properties={"title": "c"}, vector={"x": [1.0], "y": [[1.0, 2.0], [3.0, 4.0]]}),
    ]
    plan = batch.insert_many_plan(objects, CollectionScope.of("C", "t1", "QUORUM"))
    req = _decoded(plan)
    assert req.consistency_level == base_pb2.CONSISTENCY_LEVEL_QUORUM
    assert [o.collection for o in req.objects] == ["C"] * 3
    assert [o.tenant for o in req.objects] == ["t1"] * 3
    assert req.objects[1].uuid == str(given_uuid)
    assert req.objects[1].vector_bytes == struct.pack("<2f", 1.0, 2.0)
    assert [v.name for v in req.objects[2].vectors] == ["x", "y"]
    assert plan.uuids[1] == str(given_uuid)
    uuid_lib.UUID(plan.uuids[0])
    # The hand-assembled bytes read back as the message protobuf would have built.
    expected = batch_pb2.BatchObjectsRequest(
        objects=[
            batch_pb2.BatchObject(
                uuid=plan.uuids[0],
                collection="C",
                tenant="t1",
                properties=values.encode_grpc_properties({"title": "a"}),
            ),
            batch_pb2.BatchObject(
                uuid=str(given_uuid),
                collection="C",
                tenant="t1",
                properties=values.encode_grpc_properties({"title": "b"}),
                vector_bytes=struct.pack("<2f", 1.0, 2.0),
            ),
            batch_pb2.BatchObject(
                uuid=plan.uuids[2],
                collection="C",
                tenant="t1",
                properties=values.encode_grpc_properties({"title": "c"}),
                vectors=values.vectors_pb({"x": [1.0], "y": [[1.0, 2.0], [3.0, 4.0]]}),
            ),
        ],
        consistency_level=base_pb2.CONSISTENCY_LEVEL_QUORUM,
    )
    assert req == expected

    res = batch.insert_many_result(plan, {1: "boom"}, 0.5)
    assert res.has_errors and res.elapsed_seconds == 0.5
    assert set(res.uuids) == {0, 2} and res.uuids[0] == uuid_lib.UUID(plan.uuids[0])
    err = res.errors[1]
    assert isinstance(err, ErrorObject) and err.message == "boom"
    assert err.original_uuid == given_uuid and err.object_.index == 1
    assert err.object_.uuid == str(given_uuid) and err.object_.tenant == "t1"
    with pytest.warns(DeprecationWarning):
        assert res.all_responses[1] is err

    with pytest.raises(WeaviateInsertManyAllFailedError, match="bad"):
        batch.insert_many_result(plan, dict.fromkeys(range(3), "bad"), 0.1)


def test_split_by_size_keeps_order_and_limit() -> None:
    plan = batch.insert_many_plan(
        [DataObject({"n": i}, vector=[float(i)] * 100) for i in range(50)], CollectionScope.of("C")
    )
    sizes = {item.size for item in plan.items}
    limit = 5 * max(sizes) + 1
    groups = list(batch.split_by_size(plan.items, limit))
    assert [item.index for group in groups for item in group] == list(range(50))
    assert all(sum(item.size for item in group) <= limit for group in groups)
    assert len(groups) == 10
    # One item larger than the limit travels alone.
    assert [len(g) for g in batch.split_by_size(plan.items[:3], 1)] == [1, 1, 1]


def test_stream_data_and_references_encode_as_protobuf_would() -> None:
    plan = batch.insert_many_plan([{"a": 1}, {"a": 2}], CollectionScope.of("C"))
    refs = batch.encode_references(
        "C",
        plan.uuids[0],
        "link",
        ReferenceToMulti(uuids=[plan.uuids[1]], target_collection="D"),
        "t",
    )
    assert [r.to_collection for r in refs] == ["D"]
    data = batch.stream_data_bytes(plan.items, refs)
    message = batch_pb2.BatchStreamRequest.FromString(data)
    assert [o.uuid for o in message.data.objects.values] == plan.uuids
    ref = message.data.references.values[0]
    assert (ref.name, ref.from_uuid, ref.to_uuid, ref.to_collection, ref.tenant) == (
        "link",
        plan.uuids[0],
        plan.uuids[1],
        "D",
        "t",
    )
    assert refs[0].beacon == f"weaviate://localhost/C/{plan.uuids[0]}/link"
    many = batch.encode_references("C", plan.uuids[0], "link", plan.uuids, None)
    assert [r.index for r in many] == [0, 1] and [r.to_collection for r in many] == [None, None]
    with pytest.raises(WeaviateInvalidInputError) as info:
        batch.encode_references("C", plan.uuids[0], "link", ["nope"], None)
    assert info.value.field == "to[0]"


@pytest.mark.parametrize(
    ("objects", "field"),
    [
        ([DataObject({}, vector=[[1.0], [2.0]])], "objects[0].vector"),
        ([DataObject({}, uuid="x")], "objects[0].uuid"),
        ([{"a": 1}, 5], "objects[1]"),
        ([{"a": 1}, {"b": dt.date(2024, 1, 1)}], "objects[1].properties.b"),
        ({"a": 1}, "objects"),
    ],
)
def test_batch_invalid_input(objects: Any, field: str) -> None:
    # Vectors of different lengths are the server's to refuse, object by object (the official
    # client sends them): tests/integration/test_batch_errors.py.
    with pytest.raises(WeaviateInvalidInputError) as info:
        batch.insert_many_plan(objects, CollectionScope.of("C"))
    assert info.value.field == field


_scalars = st.one_of(
    st.text(max_size=20),
    st.integers(min_value=-(2**53), max_value=2**53),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
    st.datetimes(timezones=st.just(dt.timezone.utc)),
    st.uuids(),
)
_property_values = st.one_of(
    _scalars,
    st.lists(st.text(max_size=5), max_size=3),
    st.lists(st.integers(min_value=-1000, max_value=1000), max_size=3),
    st.dictionaries(st.sampled_from(["a", "b"]), st.integers(min_value=0, max_value=9), max_size=2),
)


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.from_regex(r"[A-Za-z][A-Za-z0-9_]{0,10}", fullmatch=True).filter(
            lambda n: n not in ("id", "vector")
        ),
        _property_values,
        max_size=6,
    )
)
def test_hand_encoded_objects_read_back_as_protobuf_encodes_them(props: dict[str, Any]) -> None:
    item = batch.encode_object(0, "C", "t", props, None, None, [0.5, 1.5])
    sent = batch_pb2.BatchObjectsRequest.FromString(batch.request_bytes([item])).objects[0]
    assert (sent.uuid, sent.collection, sent.tenant) == (item.uuid, "C", "t")
    assert sent.vector_bytes == struct.pack("<2f", 0.5, 1.5)
    if props:
        assert sent.properties == values.encode_grpc_properties(props)
    else:
        assert not sent.HasField("properties")
    made = uuid_lib.UUID(item.uuid)
    assert (made.version, made.variant, str(made)) == (4, uuid_lib.RFC_4122, item.uuid)


def test_a_failed_object_is_reported_as_it_was_sent() -> None:
    when = dt.datetime(2024, 5, 6, 7, 8, 9, tzinfo=dt.timezone.utc)
    target = uuid_lib.UUID(int=9)
    props = {
        "title": "t",
        "n": 3,
        "x": 1.5,
        "ok": False,
        "none": None,
        "when": when,
        "tags": ["a", "b"],
        "ints": [1, 2],
        "floats": [0.5, 2.5],
        "flags": [True],
        "empty": [],
        "obj": {"inner": "v", "k": 2},
        "objs": [{"inner": "w"}],
    }
    refs = {"one": target, "many": ReferenceToMulti(uuids=[target], target_collection="D")}
    item = batch.encode_object(
        4, "C", "t1", props, refs, target, {"v": [1.0, 2.0], "m": [[1.0], [2.0]]}
    )
    reported = batch.batch_object(item)
    assert (reported.collection, reported.tenant, reported.index, reported.uuid) == (
        "C",
        "t1",
        4,
        str(target),
    )
    assert reported.properties == {
        **props,
        "n": 3.0,
        "when": when.isoformat(timespec="microseconds"),
    }
    assert reported.references == {
        "one": [str(target)],
        "many": ReferenceToMulti(uuids=[str(target)], target_collection="D"),
    }
    assert reported.vector == {"v": [1.0, 2.0], "m": [[1.0], [2.0]]}
    # Only the encoded bytes are held, not the caller's objects.
    assert not hasattr(item, "properties") and not hasattr(item, "vector")


class _TorchLike:
    def __init__(self, rows: Any) -> None:
        self.rows = rows

    def squeeze(self) -> Any:
        rows = self.rows
        while isinstance(rows, list) and len(rows) == 1 and isinstance(rows[0], list):
            rows = rows[0]
        return _TorchLike(rows)

    def tolist(self) -> Any:
        return self.rows

    def __array__(self, *args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("requires grad")  # as a tensor that requires grad


class _TensorFlowLike:
    def __init__(self, values: list[float]) -> None:
        self.values = values

    def numpy(self) -> Any:
        return np.asarray(self.values)


class _SeriesLike:
    def __init__(self, values: list[float]) -> None:
        self.values = values

    def to_list(self) -> list[float]:
        return self.values


def test_tensors_and_series_are_read_as_the_official_client_reads_them() -> None:
    packed = struct.pack("<2f", 1.0, 2.0)
    for stand_in in (
        _TorchLike([[1.0, 2.0]]),
        _TensorFlowLike([1.0, 2.0]),
        _SeriesLike([1.0, 2.0]),
    ):
        assert values.plain_vector(stand_in) == [1.0, 2.0]
        assert values.pack_vector(stand_in, "v") == packed
        assert values.pack_any_vector(stand_in, "v") == (packed, values._SINGLE)
        assert not values.is_multi_vector(stand_in)
    rows = _TorchLike([[1.0, 2.0], [3.0, 4.0]])
    assert values.is_multi_vector(rows) and values.pack_any_vector(rows, "v")[1] == values._MULTI
    arr = np.array([1.0, 2.0])
    assert values.plain_vector(arr) is arr  # numpy is packed from its memory, unconverted
    with pytest.raises(WeaviateInvalidInputError):
        values.pack_vector(object(), "v")
