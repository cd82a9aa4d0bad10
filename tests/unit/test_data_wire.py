"""Pure tests of the data requests: REST object bodies and beacons, BatchReferences,
BatchDelete, and the input checks of the shared value encoders (properties, vectors,
datetimes) both protocols use."""

from __future__ import annotations

import datetime as dt
import enum
import uuid as uuid_lib
from typing import Any, Literal

import numpy as np
import pytest

from weaviate_async.classes.batch import DeleteManyObject
from weaviate_async.classes.data import (
    DataReference,
    GeoCoordinate,
    PhoneNumber,
    ReferenceToMulti,
    _PhoneNumber,
)
from weaviate_async.classes.query import Filter
from weaviate_async.exceptions import WeaviateInvalidInputError
from weaviate_async.models.scope import CollectionScope
from weaviate_async.proto.weaviate.v1 import base_pb2, batch_delete_pb2, batch_pb2
from weaviate_async.wire import batch, delete, objects, references, values

UTC = dt.timezone.utc
U1 = uuid_lib.UUID(int=1)
U2 = uuid_lib.UUID(int=2)
U3 = uuid_lib.UUID(int=3)
PLAIN = CollectionScope.of("Article")
SCOPED = CollectionScope.of("Article", tenant="tenantA", consistency_level="QUORUM")


def _field(fn: Any, *args: Any, **kwargs: Any) -> str | None:
    with pytest.raises(WeaviateInvalidInputError) as info:
        fn(*args, **kwargs)
    return info.value.field


# ---------------------------------------------------------------------------------- properties


class Colour(str, enum.Enum):
    RED = "red"


# What each encoder does with a value the server does not store: refused before sending (field,
# words, and the class the official client fails with there) or None: sent, as the official
# client sends it, for the server to refuse (REST: 422; gRPC: that one object's error). REST
# bodies are JSON (no NaN); the gRPC arrays hold one kind of value and no None.
Refusal = tuple[str, str, type[Exception]] | None
PROPERTY_CASES: list[tuple[dict[str, Any], Refusal, Refusal | Literal["same"]]] = [
    ({"day": dt.date(2024, 1, 1)}, ("properties.day", "not date", ValueError), "same"),
    ({"days": [dt.date(2024, 1, 1)]}, ("properties.days[0]", "not date", ValueError), "same"),
    ({"s": {1, 2}}, ("properties.s", "set", ValueError), "same"),
    ({"c": object()}, ("properties.c", "cannot be stored", ValueError), "same"),
    ({"blobs": [b"a", b"b"]}, None, ("properties.blobs[0]", "blob", ValueError)),
    ({"l": ["a", None]}, None, ("properties.l[1]", "None", TypeError)),
    ({"l": [[1, 2], [3]]}, None, None),  # gRPC: in the Struct, as the official client sends it
    ({"l": [[1, 2], 3]}, None, ("properties.l[0]", "nested", ValueError)),
    ({"l": [GeoCoordinate(latitude=1, longitude=2)]}, None, ("properties.l[0]", "Geo", ValueError)),
    ({"l": [PhoneNumber(number="0201234567")]}, None, ("properties.l[0]", "Phone", ValueError)),
    ({"l": ["a", 1]}, None, ("properties.l[1]", "one kind", TypeError)),
    ({"l": [1, True]}, None, ("properties.l[1]", "one kind", TypeError)),
    ({"l": [{"a": 1}, "b"]}, None, ("properties.l[1]", "one kind", TypeError)),
    ({"n": 2**63}, None, None),
    ({"n": [1, -(2**63) - 1]}, None, ("properties.n[1]", "64-bit", ValueError)),
    ({"n": [np.int64(1), 2**64]}, None, ("properties.n[1]", "64-bit", ValueError)),
    ({"x": float("nan")}, ("properties.x", "finite", ValueError), None),
    ({"x": [1.0, float("inf")]}, ("properties.x[1]", "finite", ValueError), None),
    ({"x": np.float32("nan")}, ("properties.x", "finite", ValueError), "same"),
    ({"": 1}, None, None),  # an empty name: the server's to refuse
    ({1: "a"}, None, ("properties", "strings", TypeError)),  # REST writes the key "1"
]


@pytest.mark.parametrize(("props", "rest", "grpc"), PROPERTY_CASES)
def test_property_values_the_server_refuses(props: dict[str, Any], rest: Any, grpc: Any) -> None:
    grpc = rest if grpc == "same" else grpc
    for encode, refusal in (
        (values.to_json_properties, rest),
        (values.encode_grpc_properties, grpc),
        (lambda p: batch.encode_object(0, "C", None, p, None, None, None), grpc),
    ):
        if refusal is None:
            encode(props)  # sent
            continue
        field, words, official = refusal
        with pytest.raises(WeaviateInvalidInputError) as info:
            encode(props)
        assert isinstance(info.value, official), encode
        assert info.value.field in (field, f"objects[0].{field}"), encode
        assert words in str(info.value), encode


NAIVE_PROPERTIES: list[tuple[dict[str, Any], str]] = [
    ({"when": dt.datetime(2024, 1, 1)}, "properties.when"),
    ({"o": {"inner": dt.datetime(2024, 1, 1)}}, "properties.o.inner"),
    (
        {"days": [dt.datetime(2024, 1, 1, tzinfo=UTC), dt.datetime(2024, 1, 1)]},
        "properties.days[1]",
    ),
    ({"objs": [{"d": dt.datetime(2024, 1, 1)}]}, "properties.objs[0].d"),
]


@pytest.mark.parametrize(("props", "field"), NAIVE_PROPERTIES)
def test_naive_datetimes_are_taken_as_utc_with_a_warning(props: dict[str, Any], field: str) -> None:
    # the official client's Con002: a UserWarning, and the value is sent as UTC
    aware = values.to_json_properties(
        {k: _as_utc(v) for k, v in props.items()}  # the same values, zoned
    )
    for encode in (values.to_json_properties, values.encode_grpc_properties):
        with pytest.warns(UserWarning, match=field.replace("[", r"\[").replace("]", r"\]")):
            encoded = encode(props)
        if encode is values.to_json_properties:
            assert encoded == aware


def _as_utc(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, dict):
        return {k: _as_utc(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_utc(v) for v in value]
    return value


def test_property_values_both_encoders_accept() -> None:
    when = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    props = {
        "np_int": np.int64(7),
        "np_float": np.float32(0.5),
        "np_bool": np.bool_(True),
        "colour": Colour.RED,
        "ids": [U1, str(U2)],
        "mixed_text": ["a", U1, when],
        "nums": [1, 2.5, np.float64(3.0)],
        "np_ints": np.array([1, 2], dtype=np.int32),
        "flags": [np.bool_(False), True],
        "when": when,
        "phone": _PhoneNumber(number="020 1234567", default_country="NL", valid=True),
    }
    js = values.to_json_properties(props)
    assert js == {
        "np_int": 7,
        "np_float": 0.5,
        "np_bool": True,
        "colour": "red",
        "ids": [str(U1), str(U2)],
        "mixed_text": ["a", str(U1), "2024-01-02T03:04:05.000000-05:00"],
        "nums": [1.0, 2.5, 3.0],
        "np_ints": [1, 2],
        "flags": [False, True],
        "when": "2024-01-02T03:04:05.000000-05:00",
        "phone": {"input": "020 1234567", "defaultCountry": "NL"},
    }
    assert type(js["np_int"]) is int and type(js["colour"]) is str
    pb = values.encode_grpc_properties(props)
    s: Any = pb.non_ref_properties
    assert s["np_int"] == 7 and s["colour"] == "red" and s["np_bool"] is True
    assert {a.prop_name: list(a.values) for a in pb.text_array_properties} == {
        "ids": [str(U1), str(U2)],
        "mixed_text": ["a", str(U1), "2024-01-02T03:04:05.000000-05:00"],
    }
    assert [a.prop_name for a in pb.number_array_properties] == ["nums"]
    assert {a.prop_name: list(a.values) for a in pb.int_array_properties} == {"np_ints": [1, 2]}
    assert [list(a.values) for a in pb.boolean_array_properties] == [[False, True]]


def test_insert_many_reference_errors_name_the_object() -> None:
    field = _field(
        values.encode_grpc_properties,
        {"title": "x"},
        {"author": [U1, "nope"]},
        "objects[4].properties",
    )
    assert field == "objects[4].references.author[1]"


# ---------------------------------------------------------------------------------- vectors


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64, np.int32, np.int64])
def test_rest_vectors_any_numeric_dtype(dtype: Any) -> None:
    arr = np.array([1, 2, 3], dtype=dtype)
    assert values.rest_vector_fields(arr) == {"vector": [1.0, 2.0, 3.0]}
    assert values.rest_vector_fields({"v": arr}) == {"vectors": {"v": [1.0, 2.0, 3.0]}}


def test_rest_vectors_named_and_multi() -> None:
    out = values.rest_vector_fields(
        {"single": (0.5, 1), "multi": [[1, 2], [3, 4]], "arr": np.ones((2, 3), dtype=np.float16)}
    )
    assert out == {
        "vectors": {
            "single": [0.5, 1.0],
            "multi": [[1.0, 2.0], [3.0, 4.0]],
            "arr": [[1.0, 1.0, 1.0], [1.0, 1.0, 1.0]],
        }
    }


@pytest.mark.parametrize(
    ("vector", "field", "words"),
    [
        ([[1.0, 2.0], [3.0, 4.0]], "vector", "by name"),
        ([1.0, float("nan")], "vector[1]", "finite"),
        (np.array([1.0, np.inf]), "vector[1]", "finite"),
        ({"a": [1.0, 2.0], "b": [[1.0, 2.0], [3.0]]}, "vector['b'][1]", "dimensions"),
        ({"a": np.array([[1.0, np.nan], [1.0, 2.0]])}, "vector['a'][0][1]", "finite"),
        ({"a": np.array([[1.0, np.nan]])}, "vector['a'][1]", "finite"),  # squeezed
        ({"": [1.0]}, "vector", "names"),
        ("abc", "vector", "list, tuple or numpy"),
        ([1.0, "x"], "vector[1]", "number"),
    ],
)
def test_rest_vector_errors(vector: Any, field: str, words: str) -> None:
    with pytest.raises(WeaviateInvalidInputError) as info:
        values.rest_vector_fields(vector)
    assert info.value.field == field
    assert words in str(info.value)


# ---------------------------------------------------------------------------------- objects


def test_object_body_insert_and_replace() -> None:
    body = objects.object_body(
        SCOPED,
        properties={"title": "x"},
        references={
            "author": U1,
            "cites": ReferenceToMulti(uuids=[U2, U3], target_collection="paper"),
        },
        vector={"v": [1, 2]},
        uuid=str(U1),
    )
    assert body == {
        "class": "Article",
        "id": str(U1),
        "tenant": "tenantA",
        "properties": {
            "title": "x",
            "author": [{"beacon": f"weaviate://localhost/{U1}"}],
            "cites": [
                {"beacon": f"weaviate://localhost/Paper/{U2}"},
                {"beacon": f"weaviate://localhost/Paper/{U3}"},
            ],
        },
        "vectors": {"v": [1.0, 2.0]},
    }
    plain = objects.object_body(PLAIN, properties={}, vector=[0.5], uuid=str(U2))
    assert plain == {"class": "Article", "id": str(U2), "properties": {}, "vector": [0.5]}


def test_object_body_update_needs_no_properties() -> None:
    body = objects.object_body(PLAIN, properties=None, vector=[1.0], properties_required=False)
    assert body == {"class": "Article", "properties": {}, "vector": [1.0]}


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"properties": None}, "properties"),
        ({"properties": ["title"]}, "properties"),
        ({"properties": {"a": 1}, "references": {"a": U1}}, "references.a"),
        ({"properties": {}, "references": {"a": "nope"}}, "references.a"),
        ({"properties": {}, "references": {"a": [U1, 5]}}, "references.a[1]"),
        ({"properties": {}, "references": ["a"]}, "references"),
        ({"properties": {}, "vector": {"v": [float("nan")]}}, "vector['v'][0]"),
    ],
)
def test_object_body_errors(kwargs: dict[str, Any], field: str) -> None:
    assert _field(objects.object_body, PLAIN, **kwargs) == field


# ---------------------------------------------------------------------------------- references


def test_reference_rest_bodies() -> None:
    assert references.reference_path(SCOPED, str(U1).upper(), "author") == (
        f"/objects/Article/{U1}/references/author"
    )
    assert references.single_beacon(U2, "reference_add") == {"beacon": f"weaviate://localhost/{U2}"}
    assert references.single_beacon(
        ReferenceToMulti(uuids=[U2], target_collection="person"), "reference_add"
    ) == {"beacon": f"weaviate://localhost/Person/{U2}"}
    assert references.replace_beacons([U1, str(U2)]) == [
        {"beacon": f"weaviate://localhost/{U1}"},
        {"beacon": f"weaviate://localhost/{U2}"},
    ]
    assert references.replace_beacons([]) == []
    assert references.replace_beacons(ReferenceToMulti(uuids=U3, target_collection="P")) == [
        {"beacon": f"weaviate://localhost/P/{U3}"}
    ]


@pytest.mark.parametrize(
    ("call", "field", "words"),
    [
        (lambda: references.reference_path(PLAIN, "x", "author"), "from_uuid", "UUID"),
        (lambda: references.reference_path(PLAIN, U1, "a/b"), "from_property", "match"),
        (lambda: references.reference_path(PLAIN, U1, ""), "from_property", "match"),
        (lambda: references.single_beacon([U1], "reference_add"), "to", "reference_add_many"),
        (
            lambda: references.single_beacon(
                ReferenceToMulti(uuids=[U1, U2], target_collection="P"), "reference_delete"
            ),
            "to",
            "one target",
        ),
        (lambda: references.single_beacon("nope", "reference_add"), "to", "UUID"),
        (lambda: references.replace_beacons([U1, "nope"]), "to[1]", "UUID"),
        (lambda: references.replace_beacons(5), "to", "UUID"),
    ],
)
def test_reference_rest_errors(call: Any, field: str, words: str) -> None:
    with pytest.raises(WeaviateInvalidInputError) as info:
        call()
    assert info.value.field == field
    assert words in str(info.value)


def test_batch_references_request_expands_targets() -> None:
    plan = references.batch_references_request(
        [
            DataReference(from_property="author", from_uuid=U1, to_uuid=[U2, str(U3)]),
            DataReference.MultiTarget(
                from_property="cites", from_uuid=str(U2), to_uuid=U3, target_collection="paper"
            ),
        ],
        SCOPED,
    )
    sent = plan.request.references
    assert [(r.name, r.from_uuid, r.to_uuid, r.HasField("to_collection")) for r in sent] == [
        ("author", str(U1), str(U2), False),
        ("author", str(U1), str(U3), False),
        ("cites", str(U2), str(U3), True),
    ]
    assert {r.from_collection for r in sent} == {"Article"}
    assert {r.tenant for r in sent} == {"tenantA"}
    assert sent[2].to_collection == "Paper"
    assert plan.request.consistency_level == base_pb2.CONSISTENCY_LEVEL_QUORUM
    assert [r.index for r in plan.sent] == [0, 0, 1]
    assert plan.sent[2].to_object_collection == "Paper" and plan.sent[2].tenant == "tenantA"

    reply = batch_pb2.BatchReferencesReply(
        took=0.1, errors=[batch_pb2.BatchReferencesReply.BatchError(index=1, error="boom")]
    )
    res = references.batch_references_result(plan, reply, 0.25)
    assert res.has_errors and res.elapsed_seconds == 0.25
    assert list(res.errors) == [1]
    err = res.errors[1]
    assert err.message == "boom" and err.reference.index == 0
    assert err.reference.to_object_uuid == U3 and err.reference.from_property_name == "author"
    ok = references.batch_references_result(plan, batch_pb2.BatchReferencesReply(), 0.1)
    assert not ok.has_errors and ok.errors == {}

    unscoped = references.batch_references_request(
        [DataReference(from_property="a", from_uuid=U1, to_uuid=U2)], PLAIN
    )
    assert unscoped.request.references[0].tenant == ""
    assert not unscoped.request.HasField("consistency_level")


@pytest.mark.parametrize(
    ("refs", "field"),
    [
        ("abc", "refs"),
        ([{"from_uuid": U1}], "refs[0]"),
        ([DataReference("a", U1, U2), DataReference("a", "nope", U2)], "refs[1].from_uuid"),
        ([DataReference("a", U1, [U2, "x"])], "refs[0].to_uuid[1]"),
        ([DataReference("bad name", U1, U2)], "refs[0].from_property"),
    ],
)
def test_batch_references_errors(refs: Any, field: str) -> None:
    assert _field(references.batch_references_request, refs, PLAIN) == field


def test_batch_reference_return_add() -> None:
    plan = references.batch_references_request([DataReference("a", U1, [U2, U3])], PLAIN)
    first = references.batch_references_result(
        plan,
        batch_pb2.BatchReferencesReply(
            errors=[batch_pb2.BatchReferencesReply.BatchError(index=0, error="x")]
        ),
        1.0,
    )
    second = references.batch_references_result(
        plan,
        batch_pb2.BatchReferencesReply(
            errors=[batch_pb2.BatchReferencesReply.BatchError(index=1, error="y")]
        ),
        2.0,
    )
    both = first + second
    assert both.elapsed_seconds == 3.0 and both.has_errors
    assert {k: v.message for k, v in both.errors.items()} == {0: "x", 2: "y"}


# ---------------------------------------------------------------------------------- delete


def test_batch_delete_request() -> None:
    where = Filter.by_property("n").greater_than(3)
    req = delete.batch_delete_request(SCOPED, where, verbose=True, dry_run=True)
    assert req.collection == "Article" and req.tenant == "tenantA"
    assert req.verbose and req.dry_run
    assert req.consistency_level == base_pb2.CONSISTENCY_LEVEL_QUORUM
    assert req.filters.target.property == "n" and req.filters.value_int == 3
    plain = delete.batch_delete_request(PLAIN, where, verbose=False, dry_run=False)
    assert not plain.HasField("tenant") and not plain.HasField("consistency_level")
    assert _field(delete.batch_delete_request, PLAIN, None, verbose=False, dry_run=False) == (
        "where"
    )
    assert _field(delete.batch_delete_request, PLAIN, "n > 3", verbose=False, dry_run=False) == (
        "where"
    )
    assert _field(delete.batch_delete_request, PLAIN, where, verbose=1, dry_run=False) == (
        "verbose"
    )
    assert _field(delete.batch_delete_request, PLAIN, where, verbose=False, dry_run="no") == (
        "dry_run"
    )


def test_delete_many_result() -> None:
    reply = batch_delete_pb2.BatchDeleteReply(
        took=0.1,
        failed=1,
        matches=2,
        successful=1,
        objects=[
            batch_delete_pb2.BatchDeleteObject(uuid=U1.bytes, successful=True),
            batch_delete_pb2.BatchDeleteObject(uuid=U2.bytes, successful=False, error="locked"),
        ],
    )
    quiet = delete.delete_many_result(reply, verbose=False)
    assert (quiet.matches, quiet.successful, quiet.failed, quiet.objects) == (2, 1, 1, None)
    loud = delete.delete_many_result(reply, verbose=True)
    assert loud.objects == [
        DeleteManyObject(uuid=U1, successful=True, error=None),
        DeleteManyObject(uuid=U2, successful=False, error="locked"),
    ]


def test_delete_many_result_reads_a_uuid_with_leading_zero_bytes() -> None:
    # the server encodes the id as a big integer: its leading zero bytes are not sent
    lead = uuid_lib.UUID("0000c6a6-3942-4d86-3676-1825aaf44d11")
    reply = batch_delete_pb2.BatchDeleteReply(
        matches=1,
        successful=1,
        objects=[batch_delete_pb2.BatchDeleteObject(uuid=lead.bytes[2:], successful=True)],
    )
    (got,) = delete.delete_many_result(reply, verbose=True).objects
    assert got.uuid == lead and isinstance(got.uuid, uuid_lib.UUID)


def test_object_body_leaves_reserved_names_to_the_server() -> None:
    # the official insert (REST) sends them and the server answers 422: no local refusal
    body = objects.object_body(PLAIN, properties={"id": "x", "vector": [1], "_additional": 1})
    assert body["properties"] == {"id": "x", "vector": [1], "_additional": 1}
