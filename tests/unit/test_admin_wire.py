"""Pure parts of tenants, aliases, export, tokenization, debug and shards: request bodies, input
checks (raised before anything is sent) and reply parsing, including the server's older status
names that a single-node server without an offload module never reports."""

from __future__ import annotations

import datetime as dt
import uuid as uuid_lib
import warnings

import pytest

from weaviate_async.classes.config import Configure, StopwordsPreset
from weaviate_async.classes.config_models import StopwordsConfig
from weaviate_async.classes.tenants import (
    Tenant,
    TenantActivityStatus,
    TenantCreate,
    TenantCreateActivityStatus,
    TenantUpdate,
    TenantUpdateActivityStatus,
)
from weaviate_async.classes.tokenization import StopwordsCreate, Tokenization
from weaviate_async.exceptions import (
    EmptyResponseError,
    ResponseCannotBeDecodedError,
    WeaviateInvalidInputError,
)
from weaviate_async.export.export import ExportStatus, ExportStorage, ShardExportStatus
from weaviate_async.proto.weaviate.v1 import tenants_pb2
from weaviate_async.wire import aliases as alias_wire
from weaviate_async.wire import debug as debug_wire
from weaviate_async.wire import export as export_wire
from weaviate_async.wire import shards as shards_wire
from weaviate_async.wire import tenants as wire
from weaviate_async.wire import tokenization as tok_wire

S = TenantActivityStatus


# ----------------------------------------------------------------------------- tenant models


def test_tenant_defaults_to_active_and_takes_status_text() -> None:
    assert Tenant(name="a").activity_status is S.ACTIVE
    assert Tenant(name="a", activity_status="INACTIVE").activity_status is S.INACTIVE  # type: ignore[arg-type]
    # a member of a sibling enum is read by its value
    made = TenantCreate(name="a", activity_status=TenantActivityStatus.INACTIVE)  # type: ignore[arg-type]
    assert made.activity_status is TenantCreateActivityStatus.INACTIVE


@pytest.mark.parametrize(
    ("cls", "old", "new"),
    [
        (Tenant, "HOT", "ACTIVE"),
        (Tenant, "COLD", "INACTIVE"),
        (Tenant, "FROZEN", "OFFLOADED"),
        (TenantCreate, "HOT", "ACTIVE"),
        (TenantCreate, "COLD", "INACTIVE"),
        (TenantUpdate, "HOT", "ACTIVE"),
        (TenantUpdate, "COLD", "INACTIVE"),
        (TenantUpdate, "FROZEN", "OFFLOADED"),
    ],
)
def test_deprecated_status_names_become_the_new_ones_with_a_warning(
    cls: type, old: str, new: str
) -> None:
    with pytest.warns(DeprecationWarning, match=f"{old} is deprecated: use {new}"):
        tenant = cls(name="t", activity_status=old)
    assert tenant.activity_status.value == new


def test_tenant_models_refuse_bad_input() -> None:
    assert Tenant(name="").name == ""  # the server's to refuse, as with the official models
    with pytest.raises(WeaviateInvalidInputError, match="'name'"):
        TenantUpdate(name=3)  # type: ignore[arg-type]
    with pytest.raises(WeaviateInvalidInputError, match=r"'activity_status'.*'ACTIVE'"):
        TenantCreate(name="a", activity_status="OFFLOADED")  # type: ignore[arg-type]
    with pytest.raises(WeaviateInvalidInputError, match="'activity_status'"):
        TenantUpdate(name="a", activity_status="OFFLOADING")  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- tenant bodies


def test_create_body_from_every_input_form() -> None:
    assert wire.create_body("a") == [{"name": "a", "activityStatus": "ACTIVE"}]
    body = wire.create_body(
        [
            "a",
            Tenant(name="b", activity_status=S.INACTIVE),
            TenantCreate(name="c", activity_status=TenantCreateActivityStatus.INACTIVE),
            TenantCreate(name="d"),
        ]
    )
    assert body == [
        {"name": "a", "activityStatus": "ACTIVE"},
        {"name": "b", "activityStatus": "INACTIVE"},
        {"name": "c", "activityStatus": "INACTIVE"},
        {"name": "d", "activityStatus": "ACTIVE"},
    ]
    assert wire.create_body(("x",)) == [{"name": "x", "activityStatus": "ACTIVE"}]
    assert wire.create_body([]) == []


def test_create_body_refuses_what_cannot_be_created() -> None:
    with pytest.raises(WeaviateInvalidInputError, match=r"'tenants\[1\].activity_status'"):
        wire.create_body(["a", Tenant(name="b", activity_status=S.OFFLOADED)])
    with pytest.raises(WeaviateInvalidInputError, match=r"'tenants\[1\]'"):
        wire.create_body(["a", 3])
    with pytest.raises(WeaviateInvalidInputError, match="'tenants'"):
        wire.create_body(TenantUpdate(name="a"))
    with pytest.raises(WeaviateInvalidInputError, match="'tenants'"):
        wire.create_body({"a"})
    # a name the server does not allow is the server's to refuse (422), as the official
    # client sends it
    assert wire.create_body(["", " "]) == [
        {"name": "", "activityStatus": "ACTIVE"},
        {"name": " ", "activityStatus": "ACTIVE"},
    ]
    with pytest.raises(TypeError, match="'tenant'"):  # its path would be the list's
        wire.one_name("")


def test_update_bodies_are_chunked_by_100() -> None:
    tenants = [TenantUpdate(name=f"t{i}", activity_status="INACTIVE") for i in range(250)]  # type: ignore[arg-type]
    bodies = wire.update_bodies(tenants)
    assert [len(b) for b in bodies] == [100, 100, 50]
    assert bodies[2][-1] == {"name": "t249", "activityStatus": "INACTIVE"}
    assert wire.update_bodies(Tenant(name="a", activity_status=S.OFFLOADED)) == [
        [{"name": "a", "activityStatus": "OFFLOADED"}]
    ]
    assert wire.update_bodies([]) == []


def test_update_bodies_refuse_read_only_statuses_and_names() -> None:
    for status in (S.OFFLOADING, S.ONLOADING):
        with pytest.raises(WeaviateInvalidInputError, match=r"'tenants\[0\].activity_status'"):
            wire.update_bodies([Tenant(name="a", activity_status=status)])
    with pytest.raises(WeaviateInvalidInputError, match="'tenants'"):
        wire.update_bodies("a")
    with pytest.raises(WeaviateInvalidInputError, match=r"'tenants\[0\]'"):
        wire.update_bodies(["a"])


def test_status_updates_and_names() -> None:
    updates = wire.status_updates(["a", Tenant(name="b")], TenantUpdateActivityStatus.OFFLOADED)
    assert [(u.name, u.activity_status.value) for u in updates] == [
        ("a", "OFFLOADED"),
        ("b", "OFFLOADED"),
    ]
    assert wire.names_of(Tenant(name="x")) == ["x"]
    with pytest.raises(WeaviateInvalidInputError, match="'tenant'"):
        wire.status_updates(7, TenantUpdateActivityStatus.ACTIVE)
    with pytest.raises(WeaviateInvalidInputError, match="'tenant'"):
        wire.one_name(TenantCreate(name="a"))


# ----------------------------------------------------------------------------- tenant replies


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        ("ACTIVE", S.ACTIVE),
        ("HOT", S.ACTIVE),
        ("INACTIVE", S.INACTIVE),
        ("COLD", S.INACTIVE),
        ("OFFLOADED", S.OFFLOADED),
        ("FROZEN", S.OFFLOADED),
        ("OFFLOADING", S.OFFLOADING),
        ("FREEZING", S.OFFLOADING),
        ("ONLOADING", S.ONLOADING),
        ("UNFREEZING", S.ONLOADING),
    ],
)
def test_every_server_status_name_reads_as_the_current_member(
    raw: str, status: TenantActivityStatus
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # server replies never warn
        assert wire.tenant_from_json({"name": "t", "activityStatus": raw}).activity_status is status


def test_proto_statuses() -> None:
    pb = tenants_pb2
    reply = pb.TenantsGetReply(
        tenants=[
            pb.Tenant(name="h", activity_status=pb.TENANT_ACTIVITY_STATUS_HOT),
            pb.Tenant(name="i", activity_status=pb.TENANT_ACTIVITY_STATUS_INACTIVE),
            pb.Tenant(name="f", activity_status=pb.TENANT_ACTIVITY_STATUS_FROZEN),
            pb.Tenant(name="o", activity_status=pb.TENANT_ACTIVITY_STATUS_OFFLOADING),
            pb.Tenant(name="u", activity_status=pb.TENANT_ACTIVITY_STATUS_UNFREEZING),
        ]
    )
    got = {n: t.activity_status for n, t in wire.tenants_from_reply(reply).items()}
    assert got == {
        "h": S.ACTIVE,
        "i": S.INACTIVE,
        "f": S.OFFLOADED,
        "o": S.OFFLOADING,
        "u": S.ONLOADING,
    }
    bad = pb.TenantsGetReply(tenants=[pb.Tenant(name="x")])  # UNSPECIFIED
    with pytest.raises(ResponseCannotBeDecodedError, match="'x'"):
        wire.tenants_from_reply(bad)


def test_tenants_get_request() -> None:
    assert not wire.tenants_get_request("C").HasField("names")
    req = wire.tenants_get_request("C", ["a", "b"])
    assert req.collection == "C" and list(req.names.values) == ["a", "b"]


def test_tenant_from_json_refuses_unknown_shapes() -> None:
    with pytest.raises(ResponseCannotBeDecodedError):
        wire.tenant_from_json({"activityStatus": "HOT"})
    with pytest.raises(ResponseCannotBeDecodedError, match="WARM"):
        wire.tenant_from_json({"name": "t", "activityStatus": "WARM"})


# ----------------------------------------------------------------------------- aliases, shards


def test_alias_replies() -> None:
    body = {"aliases": [{"alias": "A", "class": "C"}, {"alias": "B", "class": "C"}]}
    assert {k: v.collection for k, v in alias_wire.aliases_from_json(body).items()} == {
        "A": "C",
        "B": "C",
    }
    with pytest.raises(ResponseCannotBeDecodedError):
        alias_wire.aliases_from_json({"aliases": [{"alias": "A"}]})
    with pytest.raises(ResponseCannotBeDecodedError):
        alias_wire.aliases_from_json([])


def test_shards_from_nodes() -> None:
    body = {
        "nodes": [
            {
                "name": "n1",
                "shards": [
                    {
                        "class": "C",
                        "name": "s",
                        "objectCount": 3,
                        "vectorIndexingStatus": "INDEXING",
                        "vectorQueueLength": 2,
                        "compressed": True,
                        "loaded": False,
                    }
                ],
            },
            {"name": "n2", "shards": None},
        ]
    }
    [shard] = shards_wire.shards_from_nodes(body)
    assert (shard.node, shard.object_count, shard.vector_indexing_status, shard.loaded) == (
        "n1",
        3,
        "INDEXING",
        False,
    )
    with pytest.raises(EmptyResponseError):
        shards_wire.shards_from_nodes({"nodes": []})
    with pytest.raises(ResponseCannotBeDecodedError):
        shards_wire.shards_from_nodes({"nodes": [{"name": "n", "shards": [{"name": "s"}]}]})


# ----------------------------------------------------------------------------- export


def test_export_target_and_body() -> None:
    target = export_wire.export_target("Nightly-1", "FileSystem")
    assert target == export_wire.ExportTarget("nightly-1", ExportStorage.FILESYSTEM)
    assert target.path == "/export/filesystem/nightly-1"
    body = export_wire.create_body(target, "parquet", "article", None)
    assert body == {"id": "nightly-1", "file_format": "parquet", "include": ["Article"]}
    body = export_wire.create_body(target, "parquet", None, ["a", "B"])
    assert body["exclude"] == ["A", "B"] and "include" not in body


def test_export_input_checks() -> None:
    with pytest.raises(WeaviateInvalidInputError, match="'export_id'"):
        export_wire.export_target("no spaces", "filesystem")
    with pytest.raises(WeaviateInvalidInputError, match="'export_id'"):
        export_wire.export_target(5, "filesystem")
    with pytest.raises(WeaviateInvalidInputError, match="'backend'"):
        export_wire.export_target("x", "ftp")
    target = export_wire.export_target("x", ExportStorage.S3)
    with pytest.raises(WeaviateInvalidInputError, match=r"'exclude_collections'.*not both"):
        export_wire.create_body(target, "parquet", ["A"], ["B"])
    with pytest.raises(WeaviateInvalidInputError, match="'file_format'"):
        export_wire.create_body(target, "csv", None, None)
    with pytest.raises(WeaviateInvalidInputError, match="'include_collections'"):
        export_wire.create_body(target, "parquet", ("A",), None)
    with pytest.raises(WeaviateInvalidInputError, match="'include_collections'"):
        export_wire.create_body(target, "parquet", [3], None)


def test_export_status_reply() -> None:
    status = export_wire.status_return(
        {
            "id": "e",
            "backend": "filesystem",
            "path": "/x/e",
            "status": "SUCCESS",
            "startedAt": "2026-01-02T03:04:05.123456789Z",
            "completedAt": "2026-01-02T03:04:06Z",
            "classes": ["A"],
            "shardStatus": {
                "A": {
                    "s1": {"objectsExported": 4, "status": "SUCCESS"},
                    "s2": {"status": "SKIPPED", "skipReason": "no data"},
                }
            },
            "tookInMs": 12,
        }
    )
    assert status.status is ExportStatus.SUCCESS and status.took_in_ms == 12
    assert status.started_at == dt.datetime(2026, 1, 2, 3, 4, 5, 123456, tzinfo=dt.timezone.utc)
    assert status.shard_status is not None
    assert status.shard_status["A"]["s1"].objects_exported == 4
    assert status.shard_status["A"]["s2"].status is ShardExportStatus.SKIPPED
    assert status.shard_status["A"]["s2"].skip_reason == "no data"
    with pytest.raises(ResponseCannotBeDecodedError):
        export_wire.status_return({"id": "e", "backend": "filesystem", "status": "WEIRD"})
    created = export_wire.create_return(
        {"id": "e", "backend": "filesystem", "path": "/p", "status": "STARTED"}
    )
    assert created.collections == [] and created.started_at is None


# ----------------------------------------------------------------------------- tokenization


def test_tokenize_body() -> None:
    assert tok_wire.tokenize_body("a b", Tokenization.WORD) == {
        "text": "a b",
        "tokenization": "word",
    }
    body = tok_wire.tokenize_body(
        "x",
        "trigram",
        analyzer_config=Configure.text_analyzer(ascii_fold=True, ascii_fold_ignore=["é"]),
        stopwords=StopwordsCreate(preset=StopwordsPreset.EN, additions=["foo"]),
    )
    assert body == {
        "text": "x",
        "tokenization": "trigram",
        "analyzerConfig": {"asciiFold": True, "asciiFoldIgnore": ["é"]},
        "stopwords": {"preset": "en", "additions": ["foo"]},
    }
    from_config = tok_wire.tokenize_body(
        "x", "word", stopwords=StopwordsConfig(preset=StopwordsPreset.NONE, removals=["a"])
    )
    assert from_config["stopwords"] == {"preset": "none", "removals": ["a"]}
    presets = tok_wire.tokenize_body("x", "word", stopword_presets={"mine": ("foo",)})
    assert presets["stopwordPresets"] == {"mine": ["foo"]}


def test_tokenize_input_checks() -> None:
    with pytest.raises(WeaviateInvalidInputError, match="'tokenization'"):
        tok_wire.tokenize_body("x", "bpe")
    with pytest.raises(WeaviateInvalidInputError, match="'text'"):
        tok_wire.tokenize_body(None, "word")
    with pytest.raises(WeaviateInvalidInputError, match="'text'"):
        tok_wire.tokenize_body(b"x", "word")
    with pytest.raises(WeaviateInvalidInputError, match="not both"):
        tok_wire.tokenize_body("x", "word", stopwords=StopwordsCreate(), stopword_presets={})
    with pytest.raises(WeaviateInvalidInputError, match=r"'stopword_presets\.p'"):
        tok_wire.tokenize_body("x", "word", stopword_presets={"p": "foo"})
    with pytest.raises(WeaviateInvalidInputError, match="'analyzer_config'"):
        tok_wire.tokenize_body("x", "word", analyzer_config={"asciiFold": True})
    with pytest.raises(WeaviateInvalidInputError, match="'stopwords'"):
        tok_wire.tokenize_body("x", "word", stopwords={"preset": "en"})
    with pytest.raises(ResponseCannotBeDecodedError):
        tok_wire.tokenize_result({"indexed": [1]}, "tokenization.text")


# ----------------------------------------------------------------------------- debug


def test_debug_object_reply() -> None:
    uid = uuid_lib.uuid4()
    obj = debug_wire.debug_object_from_json(
        {
            "class": "C",
            "id": str(uid),
            "creationTimeUnix": 1700000000123,
            "lastUpdateTimeUnix": 1700000000456,
            "properties": {"a": 1},
            "vectors": {"v": [0.5]},
            "tenant": "t",
        }
    )
    assert obj.uuid == uid and obj.tenant == "t" and obj.vectors == {"v": [0.5]}
    assert obj.vector is None
    assert obj.creation_time == dt.datetime(
        2023, 11, 14, 22, 13, 20, 123000, tzinfo=dt.timezone.utc
    )
    with pytest.raises(ResponseCannotBeDecodedError):
        debug_wire.debug_object_from_json({"class": "C"})
