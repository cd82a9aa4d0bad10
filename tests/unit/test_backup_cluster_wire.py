"""The pure request builders and reply parsers of backups and the cluster (wire/backup.py,
wire/cluster.py). The replies are ones the v1.39.0 server sent (shortened); the calls
themselves are tested against the real server in tests/integration."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest

from weaviate_async.backup.backup import (
    BackupCompressionLevel,
    BackupConfigCreate,
    BackupConfigRestore,
    BackupStatus,
    BackupStorage,
)
from weaviate_async.backup.backup_location import BackupLocation
from weaviate_async.cluster.models import ReplicateOperationState, ReplicationType
from weaviate_async.exceptions import (
    EmptyResponseError,
    ResponseCannotBeDecodedError,
    WeaviateInvalidInputError,
)
from weaviate_async.wire import backup as wb
from weaviate_async.wire import cluster as wc


def test_create_body_with_every_option() -> None:
    body = wb.create_body(
        "nightly",
        include_collections=["article", "Author"],
        exclude_collections=None,
        incremental_base_backup_id="Base-1",
        config=BackupConfigCreate(
            cpu_percentage=40, chunk_size=128, compression_level="ZstdBestSpeed"
        ),
        backup_location=BackupLocation.S3(bucket="archive", path="weaviate/nightly"),
    )
    assert body == {
        "id": "nightly",
        "include": ["Article", "Author"],
        "exclude": [],
        "incremental_base_backup_id": "base-1",
        # ChunkSize is deprecated: never sent
        "config": {
            "CPUPercentage": 40,
            "CompressionLevel": "ZstdBestSpeed",
            "Bucket": "archive",
            "Path": "weaviate/nightly",
        },
    }


def test_create_body_minimal_and_one_name() -> None:
    body = wb.create_body(
        "b",
        include_collections=None,
        exclude_collections="article",
        incremental_base_backup_id=None,
        config=None,
        backup_location=None,
    )
    assert body == {"id": "b", "include": [], "exclude": ["Article"]}


class _Sent(Exception):
    """Raised by the stand-in connection with the body the official client would send."""


class _OfficialConnection:
    """Just enough of the official client's connection for its backup executor to build a
    request: a server version, and a ``post`` that hands over the body instead of sending."""

    def __init__(self, version: tuple[int, int, int]) -> None:
        from weaviate.util import _ServerVersion

        self._weaviate_version = _ServerVersion(*version)

    def post(self, **kwargs: Any) -> Any:
        raise _Sent(kwargs["weaviate_object"])


def _official_create(version: tuple[int, int, int], **kwargs: Any) -> dict[str, Any]:
    from weaviate.backup.backup import BackupStorage as TheirStorage
    from weaviate.backup.executor import _BackupExecutor

    executor: Any = _BackupExecutor(_OfficialConnection(version))  # type: ignore[arg-type]
    with pytest.raises(_Sent) as sent:
        executor.create("b", TheirStorage.FILESYSTEM, **kwargs)
    body: dict[str, Any] = sent.value.args[0]
    return body


@pytest.mark.parametrize(
    "kwargs",
    [
        {"include_roles": ["admin*", "reader"], "include_users": "ci-?"},
        {"include_roles": [], "include_users": []},
        {"include_roles": "viewer"},
        {"include_users": ("alice", "bob")},
        {},
    ],
)
def test_roles_and_users_of_a_backup_are_sent_as_the_official_client_sends_them(
    kwargs: dict[str, Any],
) -> None:
    ours = wb.create_body(
        "b",
        include_collections=None,
        exclude_collections=None,
        incremental_base_backup_id=None,
        config=None,
        backup_location=None,
        **kwargs,
    )
    theirs = _official_create((1, 40, 0), **kwargs)
    for key in ("includeRoles", "includeUsers"):
        assert (key in ours) is (key in theirs)
        if key in theirs:
            assert ours[key] == list(theirs[key])


def test_the_official_client_refuses_roles_and_users_before_1_40_but_not_their_absence() -> None:
    """What our create mirrors: given (even empty) they need 1.40; absent they need nothing."""
    from weaviate.exceptions import WeaviateUnsupportedFeatureError as TheirUnsupported

    for given in ({"include_roles": []}, {"include_users": "x"}):
        with pytest.raises(TheirUnsupported, match=r"1\.40\.0"):
            _official_create((1, 39, 3), **given)
    assert "includeRoles" not in _official_create((1, 39, 3), include_roles=None)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"include_roles": 3}, "include_roles"),
        ({"include_users": {"a": 1}}, "include_users"),
        ({"include_roles": ["a", None]}, "include_roles[1]"),
        ({"include_users": [7]}, "include_users[0]"),
    ],
)
def test_bad_roles_and_users_of_a_backup(kwargs: dict[str, Any], field: str) -> None:
    with pytest.raises(WeaviateInvalidInputError) as bad:
        wb.create_body(
            "b",
            include_collections=None,
            exclude_collections=None,
            incremental_base_backup_id=None,
            config=None,
            backup_location=None,
            **kwargs,
        )
    assert bad.value.field == field


def test_restore_body() -> None:
    body = wb.restore_body(
        include_collections=None,
        exclude_collections=["Old*"],
        roles_restore="all",
        users_restore="noRestore",
        config=BackupConfigRestore(cpu_percentage=5),
        backup_location=BackupLocation.FileSystem(path="/mnt/backups"),
        overwrite_alias=True,
    )
    assert body == {
        "include": [],
        "exclude": ["Old*"],
        "overwriteAlias": True,
        "config": {
            "CPUPercentage": 5,
            "Path": "/mnt/backups",
            "rolesOptions": "all",
            "usersOptions": "noRestore",
        },
    }


def test_location_params() -> None:
    assert wb.location_params(None) == {}
    assert wb.location_params(BackupLocation.FileSystem(path="/x")) == {"path": "/x"}
    assert wb.location_params(BackupLocation.Azure(path="p", bucket="c")) == {
        "path": "p",
        "bucket": "c",
    }
    assert wb.location_params(BackupLocation.GCP(path="p", bucket="b"))["bucket"] == "b"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Nightly-2024_01", "nightly-2024_01"), ("abc", "abc"), ("A", "a")],
)
def test_backup_ids_are_lowercased(value: str, expected: str) -> None:
    assert wb.backup_id_arg(value) == expected


@pytest.mark.parametrize("value", [None, 3])
def test_bad_backup_ids(value: object) -> None:
    with pytest.raises(WeaviateInvalidInputError) as bad:
        wb.backup_id_arg(value)
    assert bad.value.field == "backup_id"


@pytest.mark.parametrize("value", ["", "a b", "a/b", "ä", "a.b"])
def test_backup_ids_the_server_judges(value: str) -> None:
    # sent as the official client sends them: the server answers 422 (500 for "")
    assert wb.backup_id_arg(value) == value.lower()


def test_an_empty_backup_id_is_no_status_path() -> None:
    # GET /backups/{backend}/ would be the list of backups: refused, with the TypeError the
    # official client fails with on that list
    with pytest.raises(TypeError, match="backup_id"):
        wb.backup_id_arg("", status_path=True)


def test_backends() -> None:
    assert wb.backend_arg("S3") is BackupStorage.S3
    assert wb.backend_arg(BackupStorage.GCS) is BackupStorage.GCS
    with pytest.raises(WeaviateInvalidInputError) as bad:
        wb.backend_arg("tape")
    assert bad.value.field == "backend"


def test_status_and_list_replies() -> None:
    status = wb.status_from_json(
        {
            "backend": "filesystem",
            "completedAt": "2026-11-26T05:38:25.916Z",
            "id": "b1",
            "path": "/tmp/backups/b1",
            "size": 8.81e-07,
            "startedAt": "2026-11-26T05:38:23.913Z",
            "status": "SUCCESS",
        },
        "b1",
    )
    assert (status.status, status.backup_id, status.path, status.error) == (
        BackupStatus.SUCCESS,
        "b1",
        "/tmp/backups/b1",
        None,
    )
    assert status.size == pytest.approx(8.81e-07)
    listed = wb.list_from_json(
        [
            {
                "classes": ["Alpha"],
                "completedAt": "0001-01-01T00:00:00.000Z",
                "id": "c1",
                "startedAt": "2026-11-26T05:38:44.267Z",
                "status": "TRANSFERRING",
            }
        ]
    )
    assert listed[0].completed_at is None  # the server's zero time: not completed
    assert listed[0].started_at == dt.datetime(
        2026, 11, 26, 5, 38, 44, 267000, tzinfo=dt.timezone.utc
    )
    assert listed[0].collections == ["Alpha"] and listed[0].size == 0
    with pytest.raises(ResponseCannotBeDecodedError):
        wb.status_from_json({"status": "PAUSED", "id": "x"}, "x")
    with pytest.raises(ResponseCannotBeDecodedError):
        wb.list_from_json({"error": "not a list"})


def test_config_checks() -> None:
    assert BackupConfigCreate(compression_level="BestSpeed").CompressionLevel is (
        BackupCompressionLevel.BEST_SPEED
    )
    for bad in (0, 81, 1.5, True):
        with pytest.raises(WeaviateInvalidInputError):
            BackupConfigRestore(cpu_percentage=bad)


# ---------------------------------------------------------------------------------- cluster

NODES_VERBOSE = {
    "nodes": [
        {
            "batchStats": {"queueLength": 0, "ratePerSecond": 0},
            "name": "node1",
            "operationalMode": "ReadWrite",
            "shards": [
                {
                    "asyncReplicationStatus": [],
                    "class": "Alpha",
                    "compressed": False,
                    "loaded": True,
                    "name": "giUJsqlixdu4",
                    "numberOfReplicas": 1,
                    "objectCount": 1,
                    "replicationFactor": 1,
                    "vectorIndexingStatus": "READY",
                    "vectorQueueLength": 0,
                }
            ],
            "stats": {"objectCount": 1, "shardCount": 1},
            "status": "HEALTHY",
            "version": "1.39.0",
        }
    ]
}


def test_nodes_request() -> None:
    assert wc.nodes_request(None, None, None) == ("/nodes", {})
    assert wc.nodes_request("article", "s1", "verbose") == (
        "/nodes/Article",
        {"shardName": "s1", "output": "verbose"},
    )
    with pytest.raises(WeaviateInvalidInputError) as bad:
        wc.nodes_request(None, None, "full")
    assert bad.value.field == "output"


def test_nodes_replies() -> None:
    (verbose,) = wc.nodes_from_json(NODES_VERBOSE, verbose=True)
    assert verbose.name == "node1" and verbose.git_hash == "None" and verbose.version == "1.39.0"
    assert verbose.stats is not None and verbose.stats.object_count == 1
    (shard,) = verbose.shards or []
    assert (shard.collection, shard.node, shard.object_count, shard.loaded) == (
        "Alpha",
        "node1",
        1,
        True,
    )
    (minimal,) = wc.nodes_from_json(NODES_VERBOSE, verbose=False)
    assert minimal.shards is None and minimal.stats is None and minimal.status == "HEALTHY"
    with pytest.raises(EmptyResponseError):
        wc.nodes_from_json({"nodes": []}, verbose=False)


def test_statistics_reply() -> None:
    stats = wc.statistics_from_json(
        {
            "statistics": [
                {
                    "bootstrapped": True,
                    "candidates": {},
                    "dbLoaded": True,
                    "isVoter": True,
                    "leaderAddress": "127.0.0.1:40139",
                    "leaderId": "node1",
                    "name": "node1",
                    "open": True,
                    "raft": {
                        "appliedIndex": "3",
                        "latestConfiguration": [
                            {"address": "127.0.0.1:40139", "id": "node1", "suffrage": 0}
                        ],
                        "state": "Leader",
                        "term": "2",
                    },
                    "ready": True,
                    "status": "HEALTHY",
                }
            ],
            "synchronized": True,
        }
    )
    (node,) = stats.statistics
    assert stats.synchronized and node.is_open and node.leader_id == "node1"
    assert node.raft.state == "Leader" and node.raft.commit_index == ""
    assert node.raft.latest_configuration[0].node_id == "node1"


@pytest.mark.parametrize(
    "errors",
    [[{"message": "copy failed once", "whenErroredUnixMs": 1}, {"whenErroredUnixMs": 2}], [], None],
)
def test_replica_errors_are_read_as_4_24_reads_them(errors: Any) -> None:
    from weaviate.cluster.models import ReplicateOperationStatus as TheirStatus

    data = {"state": "HYDRATING", "errors": errors}
    theirs = TheirStatus._from_weaviate(data)
    ours = wc.operation_from_json(
        {
            "collection": "A",
            "id": str(uuid.uuid4()),
            "shard": "s",
            "sourceNode": "n1",
            "targetNode": "n2",
            "type": "COPY",
            "status": data,
        },
        include_history=False,
    ).status
    assert ours.errors == theirs.errors


def test_replication_replies() -> None:
    op_id = uuid.uuid4()
    data = {
        "collection": "Alpha",
        "id": str(op_id),
        "shard": "s1",
        "sourceNode": "node1",
        "targetNode": "node2",
        "type": "MOVE",
        "status": {
            "state": "HYDRATING",
            "errors": [{"message": "copy failed once", "whenErroredUnixMs": 1}],
        },
        "statusHistory": [{"state": "REGISTERED", "errors": None}],
    }
    with_history = wc.operation_from_json(data, include_history=True)
    assert with_history.uuid == op_id and with_history.transfer_type is ReplicationType.MOVE
    assert with_history.status.state is ReplicateOperationState.HYDRATING
    assert with_history.status.errors == ["copy failed once"]
    assert with_history.status_history is not None
    assert with_history.status_history[0].state is ReplicateOperationState.REGISTERED
    assert wc.operation_from_json(data, include_history=False).status_history is None
    state = wc.sharding_state_from_json(
        {"shardingState": {"collection": "Alpha", "shards": [{"shard": "s1", "replicas": ["n1"]}]}}
    )
    assert state.collection == "Alpha" and state.shards[0].replicas == ["n1"]


def test_replicate_body() -> None:
    assert wc.replicate_body("alpha", "s1", "node1", "node2", "MOVE") == {
        "collection": "Alpha",
        "shard": "s1",
        "sourceNode": "node1",
        "targetNode": "node2",
        "type": "MOVE",
    }
    for args, field in [
        (("A", "s", "n1", "n1", "COPY"), "target_node"),
        (("A", "", "n1", "n2", "COPY"), "shard"),
        (("A", "s", None, "n2", "COPY"), "source_node"),
        (("A", "s", "n1", "n2", "SWAP"), "replication_type"),
    ]:
        with pytest.raises(WeaviateInvalidInputError) as bad:
            wc.replicate_body(*args)
        assert bad.value.field == field


def test_replication_query_sends_what_the_server_filters_and_filters_the_rest() -> None:
    params, wanted = wc.replication_query("alpha", "s1", "node2", True)
    assert params == {"includeHistory": "true", "collection": "Alpha", "shard": "s1"}
    op = wc.operation_from_json(
        {
            "collection": "Alpha",
            "id": str(uuid.uuid4()),
            "shard": "s1",
            "sourceNode": "node1",
            "targetNode": "node2",
            "type": "COPY",
            "status": {"state": "READY", "errors": []},
        },
        include_history=False,
    )
    assert wanted(op)
    assert not wc.replication_query("Alpha", None, "node3", False)[1](op)
    assert wc.replication_query(None, "s1", None, False)[0] == {}  # no shard without collection
    assert not wc.replication_query(None, "s2", None, False)[1](op)
    assert wc.replication_query(None, None, "node2", False)[0] == {"targetNode": "node2"}
