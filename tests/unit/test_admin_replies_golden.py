"""The admin wire functions (backups, cluster, replication, tenants, exports), checked against
a recorded golden file: what each one builds or parses, or the error it raises, for replies and
arguments the server sends and some it should not (missing keys, wrong types, zero times). The
parsers are written from field tables; this pins that each reply still reads as it did. Run
with ``GOLDEN_WRITE=1`` to re-record after a deliberate change.
"""

from __future__ import annotations

import inspect
import json
import os
import uuid
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from weaviate_async.classes.tenants import (
    Tenant,
    TenantActivityStatus,
    TenantCreate,
    TenantCreateActivityStatus,
    TenantUpdate,
    TenantUpdateActivityStatus,
)
from weaviate_async.models.backup import BackupConfigCreate, BackupConfigRestore
from weaviate_async.models.backup_location import BackupLocation
from weaviate_async.proto.weaviate.v1 import tenants_pb2
from weaviate_async.wire import backup as wb
from weaviate_async.wire import cluster as wc
from weaviate_async.wire import export as we
from weaviate_async.wire import tenants as wt

GOLDEN = Path(__file__).parent / "data" / "admin_replies_golden.json"
OP = "11111111-2222-3333-4444-555555555555"

STATUS = {
    "backend": "filesystem",
    "completedAt": "2026-11-26T05:38:25.916Z",
    "id": "b1",
    "path": "/tmp/backups/b1",
    "size": 8.81e-07,
    "startedAt": "2026-11-26T05:38:23.913Z",
    "status": "SUCCESS",
}
LISTED = {
    "classes": ["Alpha", 3],
    "completedAt": "0001-01-01T00:00:00.000Z",
    "id": "c1",
    "startedAt": "2026-11-26T05:38:44.267Z",
    "status": "TRANSFERRING",
    "size": 12,
    "incremental_base_backup_id": "base",
}
SHARD = {
    "class": "Alpha",
    "compressed": False,
    "loaded": True,
    "name": "giUJ",
    "objectCount": 1,
    "vectorIndexingStatus": "READY",
    "vectorQueueLength": 2,
}
NODES = {
    "nodes": [
        {
            "name": "node1",
            "shards": [SHARD, {"name": "bare"}],
            "stats": {"objectCount": 1, "shardCount": 1},
            "status": "HEALTHY",
            "version": "1.39.0",
            "gitHash": "abc",
        },
        {"name": "node2", "stats": "odd", "shards": None},
    ]
}
RAFT = {
    "appliedIndex": "3",
    "commitIndex": 4,
    "fsmPending": "0",
    "lastContact": "0",
    "lastLogIndex": "5",
    "lastLogTerm": "2",
    "lastSnapshotIndex": "0",
    "lastSnapshotTerm": "0",
    "latestConfiguration": [
        {"address": "127.0.0.1:40139", "id": "node1", "suffrage": 0},
        "odd",
        {"id": None},
    ],
    "latestConfigurationIndex": "0",
    "numPeers": "0",
    "protocolVersion": "3",
    "protocolVersionMax": "3",
    "protocolVersionMin": "0",
    "snapshotVersionMax": "1",
    "snapshotVersionMin": "0",
    "state": "Leader",
    "term": "2",
}
STATISTICS = {
    "statistics": [
        {
            "candidates": {"node1": "127.0.0.1"},
            "dbLoaded": True,
            "initialLastAppliedIndex": 7,
            "isVoter": True,
            "leaderAddress": "127.0.0.1:40139",
            "leaderId": "node1",
            "name": "node1",
            "open": True,
            "raft": RAFT,
            "ready": True,
            "status": "HEALTHY",
        },
        {"name": "node2", "raft": None, "candidates": []},
    ],
    "synchronized": True,
}
OPERATION = {
    "collection": "Alpha",
    "id": OP,
    "shard": "s1",
    "sourceNode": "node1",
    "targetNode": "node2",
    "type": "MOVE",
    "status": {"state": "HYDRATING", "errors": [{"message": "copy failed"}, "plain", {}]},
    "statusHistory": [{"state": "REGISTERED", "errors": None}],
}
EXPORT = {
    "id": "e1",
    "backend": "filesystem",
    "path": "/tmp/e1",
    "status": "STARTED",
    "startedAt": "2026-11-26T05:38:23.913Z",
    "classes": ["Alpha"],
}
EXPORT_STATUS = {
    **EXPORT,
    "status": "SUCCESS",
    "completedAt": "2026-11-26T05:39:23.913Z",
    "tookInMs": 1200,
    "shardStatus": {
        "Alpha": {
            "s1": {"status": "SUCCESS", "objectsExported": 5},
            "s2": {"status": "SKIPPED", "skipReason": "empty", "error": ""},
        }
    },
}


def _pb_reply() -> tenants_pb2.TenantsGetReply:
    return tenants_pb2.TenantsGetReply(
        tenants=[
            tenants_pb2.Tenant(name=f"t{v}", activity_status=v)  # type: ignore[arg-type]
            for v in tenants_pb2.TenantActivityStatus.values()
            if v != tenants_pb2.TENANT_ACTIVITY_STATUS_UNSPECIFIED
        ]
    )


S = TenantActivityStatus
CASES: dict[str, Callable[[], Any]] = {
    "backup.status": lambda: wb.status_from_json(STATUS, "b1"),
    "backup.status.error": lambda: wb.status_from_json(
        {"status": "FAILED", "error": "boom", "size": True}, "b2"
    ),
    "backup.status.unknown": lambda: wb.status_from_json({"status": "PAUSED"}, "x"),
    "backup.status.not_object": lambda: wb.status_from_json([1], "x"),
    "backup.return": lambda: wb.backup_return_from_json({**LISTED, "path": "/p"}, "given"),
    "backup.return.empty": lambda: wb.backup_return_from_json({}, "given"),
    "backup.list": lambda: wb.list_from_json([LISTED, STATUS, {"status": "STARTED"}]),
    "backup.list.not_array": lambda: wb.list_from_json({"error": "x"}),
    "backup.list.bad_item": lambda: wb.list_from_json(["x"]),
    "backup.create": lambda: wb.create_body(
        "b1",
        include_collections=["alpha", "Beta"],
        exclude_collections=None,
        incremental_base_backup_id="Base",
        config=BackupConfigCreate(cpu_percentage=40, compression_level="BestSpeed"),
        backup_location=BackupLocation.S3(path="/p", bucket="b"),
        include_roles=["r*"],
        include_users="u",
    ),
    "backup.create.minimal": lambda: wb.create_body(
        "b1",
        include_collections=None,
        exclude_collections="alpha",
        incremental_base_backup_id=None,
        config=None,
        backup_location=BackupLocation.FileSystem(path="/x"),
    ),
    "backup.create.both": lambda: wb.create_body(
        "b1",
        include_collections="A",
        exclude_collections="B",
        incremental_base_backup_id=None,
        config=None,
        backup_location=None,
    ),
    "backup.restore": lambda: wb.restore_body(
        include_collections=None,
        exclude_collections=["x"],
        roles_restore="all",
        users_restore="noRestore",
        config=BackupConfigRestore(cpu_percentage=20),
        backup_location=BackupLocation.GCP(path="/g", bucket="gb"),
        overwrite_alias=True,
    ),
    "backup.restore.bad_roles": lambda: wb.restore_body(
        include_collections=None,
        exclude_collections=None,
        roles_restore="some",
        users_restore=None,
        config=None,
        backup_location=None,
        overwrite_alias=False,
    ),
    "backup.location": lambda: wb.location_params(BackupLocation.Azure(path="/a", bucket="c")),
    "backup.location.fs": lambda: wb.location_params(BackupLocation.FileSystem(path="/a")),
    "backup.location.bad": lambda: wb.location_params("s3"),
    "cluster.nodes.verbose": lambda: wc.nodes_from_json(NODES, verbose=True),
    "cluster.nodes.minimal": lambda: wc.nodes_from_json(NODES, verbose=False),
    "cluster.nodes.empty": lambda: wc.nodes_from_json({"nodes": []}, verbose=False),
    "cluster.nodes.bad": lambda: wc.nodes_from_json({"nodes": ["x"]}, verbose=False),
    "cluster.statistics": lambda: wc.statistics_from_json(STATISTICS),
    "cluster.statistics.empty": lambda: wc.statistics_from_json({}),
    "cluster.statistics.bad": lambda: wc.statistics_from_json([]),
    "cluster.sharding": lambda: wc.sharding_state_from_json(
        {"shardingState": {"collection": "A", "shards": [{"shard": "s", "replicas": ["n"]}, {}]}}
    ),
    "cluster.sharding.bad": lambda: wc.sharding_state_from_json({}),
    "cluster.operation.history": lambda: wc.operation_from_json(OPERATION, True),
    "cluster.operation.no_history_sent": lambda: wc.operation_from_json(
        {**OPERATION, "statusHistory": None}, True
    ),
    "cluster.operation": lambda: wc.operation_from_json(OPERATION, False),
    "cluster.operation.bad_state": lambda: wc.operation_from_json(
        {**OPERATION, "status": {"state": "NAPPING"}}, False
    ),
    "cluster.operation.bad_type": lambda: wc.operation_from_json(
        {**OPERATION, "type": "SWAP"}, False
    ),
    "cluster.operations": lambda: wc.operations_from_json([OPERATION], False),
    "cluster.operations.bad": lambda: wc.operations_from_json({}, False),
    "tenants.create": lambda: wt.create_body(
        ["a", Tenant(name="b", activity_status=S.INACTIVE), TenantCreate(name="c")]
    ),
    "tenants.create.one": lambda: wt.create_body(Tenant(name="b")),
    "tenants.create.offloaded": lambda: wt.create_body(
        ["a", Tenant(name="b", activity_status=S.OFFLOADED)]
    ),
    "tenants.create.one_offloaded": lambda: wt.create_body(
        Tenant(name="b", activity_status=S.OFFLOADED)
    ),
    "tenants.create.bad": lambda: wt.create_body(["a", 3]),
    "tenants.create.bad_one": lambda: wt.create_body(3),
    "tenants.update": lambda: wt.update_bodies(
        [
            Tenant(name="a", activity_status=S.OFFLOADED),
            TenantUpdate(name="b", activity_status=TenantUpdateActivityStatus.INACTIVE),
            Tenant(name="c"),
        ],
        size=2,
    ),
    "tenants.update.one": lambda: wt.update_bodies(TenantUpdate(name="b")),
    "tenants.update.onloading": lambda: wt.update_bodies(
        [Tenant(name="a", activity_status=S.ONLOADING)]
    ),
    "tenants.update.one_onloading": lambda: wt.update_bodies(
        Tenant(name="a", activity_status=S.ONLOADING)
    ),
    "tenants.update.name": lambda: wt.update_bodies(["a"]),
    "tenants.from_reply": lambda: wt.tenants_from_reply(_pb_reply()),
    "tenants.from_reply.unknown": lambda: wt.tenants_from_reply(
        tenants_pb2.TenantsGetReply(
            tenants=[tenants_pb2.Tenant(name="x", activity_status=0)]  # type: ignore[arg-type]
        )
    ),
    "tenants.from_json": lambda: (
        [
            wt.tenant_from_json({"name": n, "activityStatus": n})
            for n in [
                "ACTIVE",
                "HOT",
                "INACTIVE",
                "COLD",
                "OFFLOADED",
                "FROZEN",
                "OFFLOADING",
                "FREEZING",
                "ONLOADING",
                "UNFREEZING",
            ]
        ]
        + [wt.tenant_from_json({"name": "none"})]
    ),
    "tenants.from_json.unknown": lambda: wt.tenant_from_json({"name": "x", "activityStatus": "W"}),
    "tenants.from_json.bad": lambda: wt.tenant_from_json({"activityStatus": "ACTIVE"}),
    "tenants.models": lambda: [
        Tenant(name="a", activity_status="COLD"),
        TenantCreate(name="b", activity_status="HOT"),
        TenantUpdate(name="c", activity_status="FROZEN"),
        TenantUpdate(name="d", activity_status=S.OFFLOADED),
    ],
    "tenants.enums": lambda: [
        (e.__name__, inspect.cleandoc(e.__doc__ or ""), [(m.name, m.value) for m in e])
        for e in (TenantActivityStatus, TenantCreateActivityStatus, TenantUpdateActivityStatus)
    ],
    "tenants.models.bad": lambda: TenantCreate(name="b", activity_status="OFFLOADED"),
    "export.create": lambda: we.create_return(EXPORT),
    "export.create.bad": lambda: we.create_return({"id": "e"}),
    "export.status": lambda: we.status_return(EXPORT_STATUS),
    "export.status.minimal": lambda: we.status_return({**EXPORT, "shardStatus": None}),
    "export.status.bad": lambda: we.status_return({**EXPORT, "shardStatus": {"A": []}}),
    "export.body": lambda: we.create_body(
        we.export_target("E1", "FILESYSTEM"), "parquet", ["alpha"], None
    ),
}


def _outcome(case: Callable[[], Any]) -> str:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = repr(case())
        except Exception as exc:
            result = f"{type(exc).__name__}: {exc} (field {getattr(exc, 'field', None)})"
    return result + "".join(f" [{w.category.__name__}: {w.message}]" for w in caught)


def test_outcomes_match_golden() -> None:
    got = {name: _outcome(case) for name, case in CASES.items()}
    if os.environ.get("GOLDEN_WRITE"):
        GOLDEN.write_text(json.dumps(got, indent=1, sort_keys=True) + "\n")
    expected = json.loads(GOLDEN.read_text())
    assert got.keys() == expected.keys()
    for name in got:
        assert got[name] == expected[name], name


def test_operation_id_is_a_uuid() -> None:
    assert wc.operation_from_json(OPERATION, False).uuid == uuid.UUID(OP)


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_case_is_deterministic(name: str) -> None:
    assert _outcome(CASES[name]) == _outcome(CASES[name])


def test_from_fields_reads_camel_case_keys_with_the_reader_of_each_annotation() -> None:
    from dataclasses import dataclass

    from weaviate_async.wire.replies import from_fields

    @dataclass
    class Row:
        last_log_index: str
        object_count: int
        is_open: bool
        node_id: str
        extra: list[str]

    row = from_fields(
        Row,
        {"lastLogIndex": 5, "objectCount": True, "open": 1, "id": None},
        {"is_open": "open", "node_id": "id"},
        extra=["given"],
    )
    assert row == Row(last_log_index="5", object_count=0, is_open=True, node_id="", extra=["given"])
