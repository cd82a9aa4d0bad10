"""The generated gRPC code in weaviate_async/proto/ (see tools/gen_protos.py).

Covers: the private descriptor pool (coexistence with the official client and with
grpcio-health-checking, checked in subprocesses so this process never imports them),
the upb runtime, Struct fields, message round trips, grpclib stubs end to end, and
that the checked-in files are what the pinned generator writes.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from google.protobuf import descriptor_pool, json_format, struct_pb2
from google.protobuf.internal import api_implementation

from weaviate_async.proto import _pool
from weaviate_async.proto.grpc.health.v1 import health_grpc, health_pb2
from weaviate_async.proto.weaviate.v1 import (
    base_pb2,
    base_search_pb2,
    batch_pb2,
    properties_pb2,
    search_get_pb2,
    weaviate_grpc,
)

ROOT = Path(__file__).resolve().parents[2]
GEN_PROTOS = ROOT / "tools" / "gen_protos.py"
# The generated modules as imported: the source tree, or an installed wheel (nox -s build).
PROTO_DIR = Path(_pool.__file__).resolve().parent

STRUCT_DATA = {
    "title": "Hello",
    "count": 3,
    "ratio": 0.5,
    "flag": True,
    "nothing": None,
    "tags": ["a", "b", 1, None, {"deep": [True]}],
    "nested": {"inner": {"x": 1.25}, "empty": {}, "none": []},
}


def _gen_protos() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_protos", GEN_PROTOS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _search_request() -> search_get_pb2.SearchRequest:
    Op = base_pb2.Filters.Operator
    return search_get_pb2.SearchRequest(
        collection="Article",
        tenant="tenant-a",
        consistency_level=base_pb2.CONSISTENCY_LEVEL_QUORUM,
        limit=10,
        filters=base_pb2.Filters(
            operator=Op.OPERATOR_AND,
            filters=[
                base_pb2.Filters(
                    operator=Op.OPERATOR_EQUAL,
                    target=base_pb2.FilterTarget(property="title"),
                    value_text="Hello",
                ),
                base_pb2.Filters(
                    operator=Op.OPERATOR_CONTAINS_ANY,
                    target=base_pb2.FilterTarget(
                        single_target=base_pb2.FilterReferenceSingleTarget(
                            on="hasAuthor", target=base_pb2.FilterTarget(property="age")
                        )
                    ),
                    value_int_array=base_pb2.IntArray(values=[30, 40]),
                ),
                base_pb2.Filters(
                    operator=Op.OPERATOR_WITHIN_GEO_RANGE,
                    target=base_pb2.FilterTarget(property="location"),
                    value_geo=base_pb2.GeoCoordinatesFilter(
                        latitude=52.5, longitude=13.25, distance=1000.0
                    ),
                ),
            ],
        ),
        near_vector=base_search_pb2.NearVector(
            certainty=0.75,
            vectors=[base_pb2.Vectors(name="default", vector_bytes=b"\x00\x00\x80?")],
        ),
        metadata=search_get_pb2.MetadataRequest(uuid=True, distance=True),
        properties=search_get_pb2.PropertiesRequest(non_ref_properties=["title", "count"]),
        uses_127_api=True,
    )


def _batch_request() -> batch_pb2.BatchObjectsRequest:
    obj = batch_pb2.BatchObject(
        uuid="9f1c0a3e-34b1-4bcb-9e6a-0e0f4f3a9d21",
        collection="Article",
        vector_bytes=b"\x00\x00\x80?\x00\x00\x00@",
        properties=batch_pb2.BatchObject.Properties(
            text_array_properties=[base_pb2.TextArrayProperties(prop_name="x", values=["y"])],
            empty_list_props=["none_yet"],
        ),
    )
    obj.properties.non_ref_properties.update(STRUCT_DATA)
    nested = obj.properties.object_properties.add(prop_name="address")
    nested.value.non_ref_properties.update({"city": "Berlin", "zip": 10115})
    return batch_pb2.BatchObjectsRequest(
        objects=[obj, batch_pb2.BatchObject(uuid="2", collection="Article")],
        consistency_level=base_pb2.CONSISTENCY_LEVEL_ALL,
    )


# -- runtime and pool --------------------------------------------------------------------


@pytest.mark.skipif(
    os.environ.get("PROTOCOL_BUFFERS_PYTHON_IMPLEMENTATION", "upb") != "upb",
    reason="protobuf implementation forced by PROTOCOL_BUFFERS_PYTHON_IMPLEMENTATION",
)
def test_messages_are_upb_backed() -> None:
    assert api_implementation.Type() == "upb"
    from google._upb import _message as upb_message

    for cls in (
        search_get_pb2.SearchRequest,
        batch_pb2.BatchObjectsRequest,
        batch_pb2.BatchObject.Properties,
        health_pb2.HealthCheckResponse,
        _pool.Struct,
    ):
        assert issubclass(cls, upb_message.Message), cls
        assert type(cls) is upb_message.MessageMeta, cls
    props = batch_pb2.BatchObject.Properties()
    assert type(props.non_ref_properties) is _pool.Struct


def test_generated_files_use_the_private_pool() -> None:
    default = descriptor_pool.Default()
    assert _pool.POOL is not default
    pb2_files = sorted(PROTO_DIR.rglob("*_pb2.py"))
    assert len(pb2_files) == 12
    for path in pb2_files:
        text = path.read_text(encoding="utf-8")
        assert "_descriptor_pool.Default()" not in text, path
        assert "DESCRIPTOR = _pool.POOL.AddSerializedFile(" in text, path
    for module in (search_get_pb2, batch_pb2, base_pb2, health_pb2):
        assert module.DESCRIPTOR.pool is _pool.POOL
        with pytest.raises(KeyError):
            default.FindFileByName(module.DESCRIPTOR.name)
    assert search_get_pb2.SearchRequest.__module__ == search_get_pb2.__name__
    assert batch_pb2.BatchObject.Properties.__qualname__ == "BatchObject.Properties"
    # The well-known type comes from the pool too, not from google.protobuf.struct_pb2.
    field = batch_pb2.BatchObject.Properties.DESCRIPTOR.fields_by_name["non_ref_properties"]
    assert field.message_type.file.pool is _pool.POOL
    assert field.message_type is _pool.Struct.DESCRIPTOR
    assert _pool.Struct is not struct_pb2.Struct


def test_checked_in_gencode_matches_the_pinned_version() -> None:
    gen = _gen_protos()
    for path in PROTO_DIR.rglob("*_pb2.py"):
        text = path.read_text(encoding="utf-8")
        assert f"# Protobuf Python Version: {gen.GENCODE_VERSION}\n" in text, path


# -- Struct / Value / ListValue fields -----------------------------------------------------


def test_struct_field_filled_in_place() -> None:
    props = batch_pb2.BatchObject.Properties()
    props.non_ref_properties.update(STRUCT_DATA)
    struct = props.non_ref_properties
    assert struct["title"] == "Hello"
    assert struct["count"] == 3.0
    assert struct["nothing"] is None
    assert list(struct["tags"])[:4] == ["a", "b", 1.0, None]
    assert struct["tags"][4]["deep"][0] is True
    assert struct["nested"]["inner"]["x"] == 1.25
    assert json_format.MessageToDict(struct) == STRUCT_DATA

    struct["added"] = "later"
    struct.get_or_create_list("more").extend([1, "two"])
    struct.get_or_create_struct("obj")["k"] = False
    back = batch_pb2.BatchObject.Properties.FromString(props.SerializeToString())
    assert back == props
    assert back.non_ref_properties["added"] == "later"
    assert list(back.non_ref_properties["more"]) == [1.0, "two"]
    assert back.non_ref_properties["obj"]["k"] is False


def test_struct_field_via_constructor() -> None:
    standalone = _pool.Struct()
    standalone.update({"a": 1, "b": ["x"]})
    from_struct = base_pb2.ObjectPropertiesValue(non_ref_properties=standalone)
    from_dict = base_pb2.ObjectPropertiesValue(non_ref_properties={"a": 1, "b": ["x"]})
    assert from_struct == from_dict
    assert json_format.MessageToDict(from_dict.non_ref_properties) == {"a": 1, "b": ["x"]}
    back = base_pb2.ObjectPropertiesValue.FromString(from_struct.SerializeToString())
    assert back.non_ref_properties["b"][0] == "x"

    value = _pool.Value(list_value=_pool.ListValue())
    value.list_value.append("v")
    assert value.WhichOneof("kind") == "list_value"


def test_default_pool_struct_is_another_class() -> None:
    """What _pool.py's docstring promises about google.protobuf.struct_pb2 instances."""
    other = struct_pb2.Struct()
    other.update({"a": [1, 2], "b": {"c": "d"}})
    msg = base_pb2.ObjectPropertiesValue()
    with pytest.raises(TypeError):
        msg.non_ref_properties.CopyFrom(other)
    with pytest.raises(TypeError):
        msg.non_ref_properties.MergeFrom(other)
    msg = base_pb2.ObjectPropertiesValue()
    msg.non_ref_properties.update(other)
    assert json_format.MessageToDict(msg.non_ref_properties) == {"a": [1, 2], "b": {"c": "d"}}
    parsed = base_pb2.ObjectPropertiesValue()
    parsed.non_ref_properties.ParseFromString(other.SerializeToString())
    assert parsed == msg


def test_null_value_enum_field() -> None:
    value = properties_pb2.Value(null_value=struct_pb2.NULL_VALUE)
    assert value.WhichOneof("kind") == "null_value"
    back = properties_pb2.Value.FromString(value.SerializeToString())
    assert back.WhichOneof("kind") == "null_value"
    assert back.null_value == 0


# -- round trips -------------------------------------------------------------------------


def test_search_request_round_trip() -> None:
    request = _search_request()
    data = request.SerializeToString()
    back = search_get_pb2.SearchRequest.FromString(data)
    assert back == request
    assert back.SerializeToString(deterministic=True) == request.SerializeToString(
        deterministic=True
    )
    assert back.HasField("filters") and back.HasField("consistency_level")
    assert not back.HasField("hybrid_search")
    inner = back.filters.filters
    assert [f.operator for f in inner] == [
        base_pb2.Filters.OPERATOR_EQUAL,
        base_pb2.Filters.OPERATOR_CONTAINS_ANY,
        base_pb2.Filters.OPERATOR_WITHIN_GEO_RANGE,
    ]
    assert inner[0].WhichOneof("test_value") == "value_text"
    assert inner[1].target.WhichOneof("target") == "single_target"
    assert list(inner[1].value_int_array.values) == [30, 40]
    assert inner[2].value_geo.longitude == 13.25
    assert back.near_vector.certainty == 0.75


def test_batch_objects_request_round_trip() -> None:
    request = _batch_request()
    back = batch_pb2.BatchObjectsRequest.FromString(request.SerializeToString())
    assert back == request
    first = back.objects[0]
    assert json_format.MessageToDict(first.properties.non_ref_properties) == STRUCT_DATA
    address = first.properties.object_properties[0].value.non_ref_properties
    assert address["city"] == "Berlin"
    assert list(first.properties.empty_list_props) == ["none_yet"]
    assert not back.objects[1].HasField("properties")


# -- grpclib -----------------------------------------------------------------------------


class _Weaviate(weaviate_grpc.WeaviateBase):
    def __init__(self) -> None:
        self.requests: list[object] = []

    async def Search(self, stream: Any) -> None:
        request = await stream.recv_message()
        self.requests.append(request)
        props = properties_pb2.Properties()
        props.fields["title"].text_value = request.filters.filters[0].value_text
        props.fields["missing"].null_value = struct_pb2.NULL_VALUE
        await stream.send_message(
            search_get_pb2.SearchReply(
                took=1.5,
                results=[
                    search_get_pb2.SearchResult(
                        properties=search_get_pb2.PropertiesResult(non_ref_props=props),
                        metadata=search_get_pb2.MetadataResult(id="abc", distance=0.25),
                    )
                ],
            )
        )

    async def BatchObjects(self, stream: Any) -> None:
        request = await stream.recv_message()
        self.requests.append(request)
        errors = [
            batch_pb2.BatchObjectsReply.BatchError(index=i, error="no properties")
            for i, obj in enumerate(request.objects)
            if not obj.HasField("properties")
        ]
        await stream.send_message(batch_pb2.BatchObjectsReply(took=0.5, errors=errors))

    async def _unimplemented(self, stream: Any) -> None:
        from grpclib.const import Status
        from grpclib.exceptions import GRPCError

        raise GRPCError(Status.UNIMPLEMENTED)

    BatchReferences = BatchDelete = TenantsGet = Aggregate = BatchStream = _unimplemented


class _Health(health_grpc.HealthBase):
    async def Check(self, stream: Any) -> None:
        await stream.recv_message()
        await stream.send_message(
            health_pb2.HealthCheckResponse(status=health_pb2.HealthCheckResponse.SERVING)
        )

    async def List(self, stream: Any) -> None:
        await stream.recv_message()
        reply = health_pb2.HealthListResponse()
        reply.statuses[""].status = health_pb2.HealthCheckResponse.SERVING
        await stream.send_message(reply)

    async def Watch(self, stream: Any) -> None:
        await stream.recv_message()
        for status in ("SERVING", "NOT_SERVING"):
            await stream.send_message(
                health_pb2.HealthCheckResponse(
                    status=health_pb2.HealthCheckResponse.ServingStatus.Value(status)
                )
            )


async def test_grpclib_stubs_end_to_end() -> None:
    from grpclib.client import Channel
    from grpclib.server import Server

    weaviate_service = _Weaviate()
    server = Server([weaviate_service, _Health()])
    with tempfile.TemporaryDirectory(prefix="wa-proto-") as tmp:
        socket_path = str(Path(tmp) / "grpc.sock")
        await server.start(path=socket_path)
        try:
            channel = Channel(path=socket_path)
            try:
                stub = weaviate_grpc.WeaviateStub(channel)
                search = _search_request()
                reply = await stub.Search(search, timeout=10)
                assert isinstance(reply, search_get_pb2.SearchReply)
                fields = reply.results[0].properties.non_ref_props.fields
                assert fields["title"].text_value == "Hello"
                assert fields["missing"].WhichOneof("kind") == "null_value"
                assert reply.results[0].metadata.distance == 0.25

                batch = _batch_request()
                batch_reply = await stub.BatchObjects(batch, timeout=10)
                assert [(e.index, e.error) for e in batch_reply.errors] == [(1, "no properties")]
                assert weaviate_service.requests == [search, batch]
                received = weaviate_service.requests[1].objects[0].properties
                assert json_format.MessageToDict(received.non_ref_properties) == STRUCT_DATA

                health = health_grpc.HealthStub(channel)
                check = await health.Check(health_pb2.HealthCheckRequest(), timeout=10)
                assert check.status == health_pb2.HealthCheckResponse.SERVING
                listed = await health.List(health_pb2.HealthListRequest(), timeout=10)
                assert listed.statuses[""].status == health_pb2.HealthCheckResponse.SERVING
                async with health.Watch.open(timeout=10) as stream:
                    await stream.send_message(health_pb2.HealthCheckRequest(), end=True)
                    statuses = []
                    while (message := await stream.recv_message()) is not None:
                        statuses.append(message.status)
                assert statuses == [
                    health_pb2.HealthCheckResponse.SERVING,
                    health_pb2.HealthCheckResponse.NOT_SERVING,
                ]
            finally:
                channel.close()
        finally:
            server.close()
            await server.wait_closed()


# -- coexistence with the official client and grpcio-health-checking ---------------------

_COEXIST = textwrap.dedent(
    """
    import sys

    def import_ours():
        global ours_batch, ours_health, ours_search
        from weaviate_async.proto.weaviate.v1 import batch_pb2 as ours_batch
        from weaviate_async.proto.weaviate.v1 import search_get_pb2 as ours_search
        from weaviate_async.proto.weaviate.v1 import weaviate_grpc  # noqa: F401
        from weaviate_async.proto.grpc.health.v1 import health_grpc  # noqa: F401
        from weaviate_async.proto.grpc.health.v1 import health_pb2 as ours_health

    def import_theirs():
        global official_batch, official_health
        import weaviate  # noqa: F401
        import weaviate.collections  # noqa: F401  (loads its generated protos)
        # The official package moves its generated modules between releases
        # (weaviate.proto.v1.batch_pb2, weaviate.proto.v1.v6300.v1.batch_pb2, ...).
        official_batch = next(
            module
            for name, module in sorted(sys.modules.items())
            if name.startswith("weaviate.proto.") and name.endswith(".batch_pb2")
        )
        from grpc_health.v1 import health_pb2 as official_health

    for step in sys.argv[1].split(","):
        {"ours": import_ours, "theirs": import_theirs}[step]()

    from google.protobuf import json_format

    # Same wire format both ways.
    request = ours_batch.BatchObjectsRequest()
    obj = request.objects.add(uuid="u1", collection="Article")
    obj.properties.non_ref_properties.update({"a": [1, "x", None], "b": {"c": True}})
    theirs = official_batch.BatchObjectsRequest.FromString(request.SerializeToString())
    assert json_format.MessageToDict(theirs.objects[0].properties.non_ref_properties) == {
        "a": [1, "x", None], "b": {"c": True}
    }
    assert ours_batch.BatchObjectsRequest.FromString(theirs.SerializeToString()) == request
    status = official_health.HealthCheckResponse(
        status=official_health.HealthCheckResponse.SERVING
    )
    back = ours_health.HealthCheckResponse.FromString(status.SerializeToString())
    assert back.status == ours_health.HealthCheckResponse.SERVING
    assert type(back) is not type(status)
    assert ours_search.SearchRequest.DESCRIPTOR.file.pool is not (
        official_batch.BatchObjectsRequest.DESCRIPTOR.file.pool
    )
    print("COEXIST-OK")
    """
)


@pytest.mark.parametrize("implementation", ["upb", "python"])
@pytest.mark.parametrize("order", ["ours,theirs", "theirs,ours"])
def test_coexists_with_official_client_and_grpc_health(order: str, implementation: str) -> None:
    for module in ("weaviate", "grpc_health"):
        # The test extra installs both; their absence is a broken environment, not a skip.
        assert importlib.util.find_spec(module) is not None, f"{module} is not installed"
    env = {**os.environ, "PROTOCOL_BUFFERS_PYTHON_IMPLEMENTATION": implementation}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, "-c", _COEXIST, order],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "COEXIST-OK" in result.stdout
    for marker in ("duplicate symbol", "Conflict register"):
        assert marker not in output


# -- the generator -----------------------------------------------------------------------


def test_gen_protos_refuses_other_grpcio_tools(monkeypatch: pytest.MonkeyPatch) -> None:
    gen = _gen_protos()
    monkeypatch.setattr(gen, "_grpc_tools_version", lambda: "1.85.1")
    with pytest.raises(SystemExit) as excinfo:
        gen.generate()
    message = str(excinfo.value)
    assert f"grpcio-tools=={gen.GRPCIO_TOOLS_VERSION}" in message
    assert "found 1.85.1" in message
