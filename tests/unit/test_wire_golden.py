"""The wire forms of property values, batch objects, aggregations and their results, checked
against a recorded golden file.

Parts of these surfaces are generated from tables (``tools/gen_wire.py``) and the encoders
are shared between gRPC and REST; this test pins the bytes and JSON sent for every data type
(scalars, arrays, nested objects, references, vectors), the aggregate request of every metric
kind and flag, and what the decoders make of typed values and aggregate replies, so that a
change of a table or a refactoring cannot change them unnoticed. Run this file with
``GOLDEN_WRITE=1`` to re-record after a deliberate change.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
import warnings
from pathlib import Path
from typing import Any

from google.protobuf.message import Message

from weaviate_async.classes.aggregate import GroupByAggregate, Metrics
from weaviate_async.classes.data import GeoCoordinate, PhoneNumber, ReferenceToMulti
from weaviate_async.models.scope import CollectionScope
from weaviate_async.proto.weaviate.v1 import aggregate_pb2, batch_pb2, properties_pb2
from weaviate_async.wire import aggregate as agg_wire
from weaviate_async.wire import batch as batch_wire
from weaviate_async.wire import values

GOLDEN = Path(__file__).parent / "data" / "wire_golden.json"
U1 = uuid.UUID("9f1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d")
U2 = "0c1d2e3f-4a5b-4c6d-9e8f-a0b1c2d3e4f5"
WHEN = dt.datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=dt.timezone.utc)
WHEN2 = dt.datetime(2021, 1, 2, 3, 4, 5, tzinfo=dt.timezone(dt.timedelta(hours=2)))

#: One property per data type and shape the encoders tell apart.
PROPERTIES: dict[str, Any] = {
    "text": "héllo",
    "empty_text": "",
    "int": 42,
    "big_int": 2**70,
    "negative": -7,
    "number": 3.25,
    "bool_true": True,
    "bool_false": False,
    "none": None,
    "date": WHEN,
    "date_offset": WHEN2,
    "uuid": U1,
    "geo": GeoCoordinate(latitude=52.5, longitude=13.25),
    "phone": PhoneNumber(number="0301234567", default_country="DE"),
    "blob": b"\x00\x01binary\xff",
    "texts": ["a", "b", ""],
    "ints": [1, -2, 3],
    "numbers": [1.5, -2.0, 3],
    "bools": [True, False],
    "dates": [WHEN, WHEN2],
    "uuids": [U1, uuid.UUID(U2)],
    "empty": [],
    "tuple": ("x", "y"),
    "nested": {"a": 1, "b": "two", "c": [1.5], "d": {"e": True}, "f": []},
    "nested_list": [{"a": 1}, {"a": 2, "b": ["x"]}],
    "list_of_lists": [[1, 2], [3]],
}
REFERENCES: dict[str, Any] = {
    "single": U1,
    "several": [U1, U2],
    "multi": ReferenceToMulti(uuids=[U2], target_collection="Other"),
}
VECTORS: dict[str, Any] = {
    "none": None,
    "single": [0.1, 0.2, 0.3],
    "tuple": (1, 2),
    "empty": [],
    "named": {"a": [0.5, 0.25], "b": [[1.0, 2.0], [3.0, 4.0]]},
}


def _hex(data: bytes, message: type[Message] | None = None) -> str:
    """The bytes as hex; with ``message``, re-serialized deterministically first: protobuf
    writes the entries of a map (a Struct's fields) in an order that varies between runs."""
    if message is not None:
        data = message.FromString(data).SerializeToString(deterministic=True)
    return data.hex()


#: Properties whose encoding holds no map of several entries: their bytes are pinned as sent.
FLAT = {
    "text", "empty_text", "int", "big_int", "negative", "number", "bool_true", "bool_false",
    "none", "date", "date_offset", "uuid", "blob", "texts", "ints", "numbers", "bools",
    "dates", "uuids", "empty", "tuple",
}  # fmt: skip


def _plain(value: Any) -> Any:
    """A JSON-able form of a decoded value (type names kept, so a type change shows)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return f"{type(value).__name__}:{value!r}"


def _encoded() -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in PROPERTIES.items():
        one = {name: value}
        grpc = values.encode_grpc_properties(one).SerializeToString()
        out[f"grpc.{name}"] = _hex(grpc, batch_pb2.BatchObject.Properties)
        data = batch_wire.encode_object(0, "Coll", None, one, None, U1, None).data
        out[f"batch.{name}"] = _hex(data, batch_pb2.BatchObjectsRequest)
        if name in FLAT:
            out[f"raw.grpc.{name}"] = _hex(grpc)
            out[f"raw.batch.{name}"] = _hex(data)
        out[f"json.{name}"] = values.to_json_properties(one)
    out["grpc.all"] = _hex(
        values.encode_grpc_properties(PROPERTIES, REFERENCES).SerializeToString(),
        batch_pb2.BatchObject.Properties,
    )
    out["json.refs"] = values.references_json(REFERENCES)
    for name, vector in VECTORS.items():
        item = batch_wire.encode_object(3, "Coll", "tenant", PROPERTIES, REFERENCES, U1, vector)
        out[f"batch.object.{name}"] = _hex(item.data, batch_pb2.BatchObjectsRequest)
        report = batch_wire.batch_object(item)
        out[f"batch.report.{name}"] = _plain(
            {
                "properties": report.properties,
                "references": report.references,
                "vector": report.vector,
            }
        )
        if vector is not None:
            out[f"rest.vector.{name}"] = values.rest_vector_fields(vector)
    refs = batch_wire.encode_references("Coll", U1, "single", [U1, U2], "t")
    out["batch.references"] = [_hex(r.data) for r in refs]
    out["batch.request"] = _hex(batch_wire.request_bytes(refs, "QUORUM"))
    return out


def _typed_values() -> properties_pb2.Properties:
    V = properties_pb2.Value
    fields = {
        "text": V(text_value="t"),
        "int": V(int_value=-5),
        "number": V(number_value=2.5),
        "bool": V(bool_value=True),
        "blob": V(blob_value="AAEC"),
        "date": V(date_value="2024-05-06T07:08:09.123Z"),
        "empty_date": V(date_value=""),
        "uuid": V(uuid_value=U2),
        "geo": V(geo_value=properties_pb2.GeoCoordinate(latitude=1.5, longitude=-2.5)),
        "phone": V(
            phone_value=properties_pb2.PhoneNumber(
                input="0301234567",
                default_country="DE",
                country_code=49,
                international_formatted="+49 30 1234567",
                national=301234567,
                national_formatted="030 1234567",
                valid=True,
            )
        ),
        "null": V(null_value=0),
        "unset": V(),
        "object": V(object_value=properties_pb2.Properties(fields={"inner": V(text_value="x")})),
        "texts": V(list_value=properties_pb2.ListValue(text_values={"values": ["a", "b"]})),
        "bools": V(list_value=properties_pb2.ListValue(bool_values={"values": [True, False]})),
        "ints": V(
            list_value=properties_pb2.ListValue(
                int_values={
                    "values": b"".join(i.to_bytes(8, "little", signed=True) for i in (1, -2))
                }
            )
        ),
        "numbers": V(
            list_value=properties_pb2.ListValue(
                number_values={"values": bytes.fromhex("000000000000f83f0000000000000040")}
            )
        ),
        "dates": V(
            list_value=properties_pb2.ListValue(
                date_values={"values": ["2021-01-02T03:04:05+02:00", "2024-05-06T07:08:09Z"]}
            )
        ),
        "uuids": V(list_value=properties_pb2.ListValue(uuid_values={"values": [U2]})),
        "objects": V(
            list_value=properties_pb2.ListValue(
                object_values={"values": [properties_pb2.Properties(fields={"n": V(int_value=1)})]}
            )
        ),
        "empty_list": V(list_value=properties_pb2.ListValue()),
    }
    return properties_pb2.Properties(fields=fields)


def _decoded() -> dict[str, Any]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        decoded = values.decode_properties(_typed_values())
    out = {name: _plain(value) for name, value in sorted(decoded.items())}
    return {"decoded": out, "decode_warnings": [str(w.message) for w in caught]}


def _metrics() -> list[Any]:
    """Each metric kind with no flag, each flag alone, and every flag."""
    made: list[Any] = []
    kinds: dict[str, tuple[str, ...]] = {
        "text": ("count", "top_occurrences_count", "top_occurrences_value"),
        "integer": ("count", "maximum", "mean", "median", "minimum", "mode", "sum_"),
        "number": ("count", "maximum", "mean", "median", "minimum", "mode", "sum_"),
        "boolean": ("count", "percentage_false", "percentage_true", "total_false", "total_true"),
        "date_": ("count", "maximum", "median", "minimum", "mode"),
        "reference": ("pointing_to",),
    }
    for kind, flags in kinds.items():
        method = getattr(Metrics(f"p_{kind}"), kind)
        made.append(method())
        made.extend(method(**{flag: True}) for flag in flags)
        made.append(method(**dict.fromkeys(flags, True)))
    made.append(Metrics("p_text").text(limit=3))
    made.append(Metrics("p_text").text(top_occurrences_value=True, limit=7))
    return made


def _aggregations() -> dict[str, Any]:
    scope = CollectionScope("Coll", tenant="t")
    out: dict[str, Any] = {}
    metrics = _metrics()
    out["metrics.repr"] = [repr(m) for m in metrics]
    request = agg_wire.aggregate_request(
        scope,
        metrics=metrics,
        group_by=GroupByAggregate(prop="p_text", limit=4),
        total_count=False,
        object_limit=9,
    )
    out["request"] = _hex(request.SerializeToString())
    out["count_request"] = _hex(agg_wire.count_request(scope).SerializeToString())
    R = aggregate_pb2.AggregateReply
    A = R.Aggregations.Aggregation
    aggregations = R.Aggregations(
        aggregations=[
            A(
                property="p_integer",
                int=A.Integer(count=3, maximum=9, mean=4.5, median=4.0, minimum=1, mode=1, sum=13),
            ),
            A(
                property="p_number",
                number=A.Number(count=2, maximum=2.5, mean=2.0, minimum=1.5, sum=4.0),
            ),
            A(
                property="p_boolean",
                boolean=A.Boolean(
                    count=2,
                    percentage_false=float("nan"),
                    percentage_true=1.0,
                    total_false=0,
                    total_true=2,
                ),
            ),
            A(property="p_date", date=A.Date(count=1, maximum="2024-01-01T00:00:00Z")),
            A(
                property="p_text",
                text=A.Text(
                    count=4,
                    top_occurences=A.Text.TopOccurrences(
                        items=[A.Text.TopOccurrences.TopOccurrence(value="a", occurs=3)]
                    ),
                ),
            ),
            A(property="p_reference", reference=A.Reference(pointing_to=["Other"])),
        ]
    )
    single = R(single_result=R.Single(objects_count=6, aggregations=aggregations))
    for i, metric in enumerate(metrics):
        result = agg_wire.aggregate_result(single, grouped=False, metrics=[metric])
        out[f"single.{i}"] = repr(result)
    out["single.unasked"] = repr(agg_wire.aggregate_result(single, grouped=False))
    groups = []
    for kind, value in (
        ("text", "x"),
        ("int", 3),
        ("number", 1.5),
        ("boolean", True),
        ("texts", {"values": ["a"]}),
        ("ints", {"values": [1]}),
        ("numbers", {"values": [2.5]}),
        ("booleans", {"values": [False]}),
        ("geo", {"latitude": 1.0, "longitude": 2.0}),
    ):
        groups.append(
            R.Group(
                objects_count=2,
                aggregations=aggregations,
                grouped_by=R.Group.GroupedBy(path=["p"], **{kind: value}),
            )
        )
    grouped = R(grouped_results=R.Grouped(groups=groups))
    out["grouped"] = repr(agg_wire.aggregate_result(grouped, grouped=True, metrics=metrics[:3]))
    return out


def _current() -> dict[str, Any]:
    current: dict[str, Any] = {}
    current.update(_encoded())
    current.update(_decoded())
    current.update(_aggregations())
    # float32-rounded vectors and nan reprs are compared as JSON text
    return json.loads(json.dumps(current, sort_keys=True, default=str))


def test_wire_forms_match_golden() -> None:
    current = _current()
    if os.environ.get("GOLDEN_WRITE"):
        GOLDEN.write_text(json.dumps(current, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert sorted(current) == sorted(golden)
    for key in golden:
        assert current[key] == golden[key], key


def test_golden_covers_every_value_kind() -> None:
    """The decoded reply holds every oneof kind of ``Value`` and of ``ListValue``."""
    kinds = {f.name for f in properties_pb2.Value.DESCRIPTOR.oneofs_by_name["kind"].fields}
    seen = {v.WhichOneof("kind") for v in _typed_values().fields.values()}
    assert kinds <= seen
    list_kinds = {f.name for f in properties_pb2.ListValue.DESCRIPTOR.oneofs_by_name["kind"].fields}
    seen_lists = {
        v.list_value.WhichOneof("kind")
        for v in _typed_values().fields.values()
        if v.WhichOneof("kind") == "list_value"
    }
    assert list_kinds <= seen_lists
