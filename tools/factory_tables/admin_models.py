"""The read models of the admin areas (backups, cluster, nodes, shards, users, export, aliases,
tokenization, debug reads), generated into ``weaviate_async/models/`` by
``tools/gen_models.py``.

One :class:`Target` per module (format: ``tools/factory_tables/model_rows.py``): each model is
its official name, its docstring and its fields with their annotations and defaults; the
modules ``wire/`` parses replies into. ``models/scope.py`` (the collection scope, with logic)
and ``models/rbac.py`` stay hand-written.
"""

from __future__ import annotations

from factory_tables.model_rows import Class, Enum, Field, Target, Text

TARGETS = (
    Target(
        path="weaviate_async/models/aliases.py",
        doc="""What ``client.alias`` reads return: :class:`AliasReturn` (at the official
``weaviate.aliases.alias`` path).

Programs import them from :mod:`weaviate_async.aliases.alias`, which documents them; they are
defined here, below ``wire/`` and the namespaces that both use them.""",
        header="""
from __future__ import annotations

import attrs

__all__ = ["AliasReturn"]
""",
        items=(
            Class(
                "AliasReturn",
                """An alias and the collection it points to.

Attributes:
    alias: the alias's name.
    collection: the name of the collection it points to.
""",
                fields=(
                    Field("alias", "str"),
                    Field("collection", "str"),
                ),
                decorator="@attrs.frozen(kw_only=True)",
            ),
        ),
    ),
    Target(
        path="weaviate_async/models/backup.py",
        doc="""The models of backups: where they are written (:class:`BackupStorage`), how
(:class:`BackupConfigCreate`, :class:`BackupConfigRestore`) and what the server reports
(:class:`BackupReturn`, :class:`BackupStatusReturn`, :class:`BackupListReturn`).

Programs import them from :mod:`weaviate_async.backup.backup`, which documents them; they are
defined here, below ``wire/`` and the namespaces that both use them.""",
        header="""
from __future__ import annotations

import datetime
from enum import Enum

import attrs

from weaviate_async._validate import attrs_check, check_int, to_opt_enum

__all__ = [
    "STORAGE_NAMES",
    "BackupCompressionLevel",
    "BackupConfigCreate",
    "BackupConfigRestore",
    "BackupListReturn",
    "BackupReturn",
    "BackupStatus",
    "BackupStatusReturn",
    "BackupStorage",
]
""",
        items=(
            Text("""
#: The backends a backup can be written to (each needs its ``backup-*`` module on the server).
STORAGE_NAMES = {"filesystem", "s3", "gcs", "azure"}
"""),
            Enum(
                "BackupCompressionLevel",
                """How hard the server compresses the backup's files (gzip levels, or zstd ones).""",
                (
                    ("DEFAULT", "DefaultCompression"),
                    ("BEST_SPEED", "BestSpeed"),
                    ("BEST_COMPRESSION", "BestCompression"),
                    ("ZSTD_BEST_SPEED", "ZstdBestSpeed"),
                    ("ZSTD_DEFAULT", "ZstdDefaultCompression"),
                    ("ZSTD_BEST_COMPRESSION", "ZstdBestCompression"),
                    ("NO_COMPRESSION", "NoCompression"),
                ),
            ),
            Enum(
                "BackupStorage",
                """The backend a backup is written to: the server's ``backup-<name>`` module.""",
                (("FILESYSTEM", "filesystem"), ("S3", "s3"), ("GCS", "gcs"), ("AZURE", "azure")),
            ),
            Enum(
                "BackupStatus",
                """The phase of a backup or restore; SUCCESS, FAILED and CANCELED are final.""",
                (
                    ("STARTED", "STARTED"),
                    ("TRANSFERRING", "TRANSFERRING"),
                    ("TRANSFERRED", "TRANSFERRED"),
                    ("CANCELLING", "CANCELLING"),
                    ("FINALIZING", "FINALIZING"),
                    ("SUCCESS", "SUCCESS"),
                    ("FAILED", "FAILED"),
                    ("CANCELED", "CANCELED"),
                ),
            ),
            Text("""
def _compression(value: BackupCompressionLevel | str | None) -> BackupCompressionLevel | None:
    return to_opt_enum(BackupCompressionLevel, value, "compression_level")


_CPU = attrs_check(check_int, "cpu_percentage", minimum=1, maximum=80)
"""),
            Class(
                "BackupConfigRestore",
                """Options of a restore.

Attributes:
    CPUPercentage: the share of the server's CPU cores the restore may use, 1 to 80
        (keyword ``cpu_percentage``; the server's default is 50).

Examples:
    >>> await client.backup.restore("nightly", "filesystem", config=BackupConfigRestore(cpu_percentage=20))
""",
                fields=(
                    Field(
                        "CPUPercentage",
                        "int | None",
                        'attrs.field(default=None, alias="cpu_percentage", validator=_CPU)',
                    ),
                ),
                decorator="@attrs.frozen(kw_only=True)",
            ),
            Class(
                "BackupConfigCreate",
                """Options of a backup.

Attributes:
    CPUPercentage: the share of the server's CPU cores the backup may use, 1 to 80
        (keyword ``cpu_percentage``; the server's default is 50).
    ChunkSize: deprecated, has no effect and is not sent (keyword ``chunk_size``).
    CompressionLevel: how hard the files are compressed (keyword ``compression_level``; a
        :class:`BackupCompressionLevel` or its value).

Examples:
    >>> BackupConfigCreate(compression_level=BackupCompressionLevel.ZSTD_BEST_SPEED)
""",
                fields=(
                    Field(
                        "CPUPercentage",
                        "int | None",
                        'attrs.field(default=None, alias="cpu_percentage", validator=_CPU)',
                    ),
                    Field(
                        "ChunkSize",
                        "int | None",
                        'attrs.field(default=None, alias="chunk_size", validator=attrs_check(check_int, "chunk_size"))',
                    ),
                    Field(
                        "CompressionLevel",
                        "BackupCompressionLevel | None",
                        'attrs.field(default=None, alias="compression_level", converter=_compression)',
                    ),
                ),
                decorator="@attrs.frozen(kw_only=True)",
            ),
            Class(
                "BackupStatusReturn",
                """The state of a backup or restore, as the server reports it.

Attributes:
    error: the server's reason when the operation failed or was canceled.
    status: the phase (final: SUCCESS, FAILED, CANCELED).
    path: where the backup is (the backend's path or URL).
    backup_id: the backup's id (keyword ``id``).
    size: the backup's size in GiB, once known (0 otherwise).
""",
                fields=(
                    Field("error", "str | None", "None"),
                    Field("status", "BackupStatus"),
                    Field("path", "str"),
                    Field("backup_id", "str", 'attrs.field(alias="id")'),
                    Field("size", "float", "0"),
                ),
                decorator="@attrs.frozen(kw_only=True)",
            ),
            Class(
                "BackupReturn",
                """What ``backup.create`` and ``backup.restore`` return: the status and the collections
the operation covers.

Attributes:
    collections: the collections backed up or restored (keyword ``classes``).
""",
                fields=(
                    Field("collections", "list[str]", 'attrs.field(factory=list, alias="classes")'),
                ),
                decorator="@attrs.frozen(kw_only=True)",
                bases="BackupStatusReturn",
            ),
            Class(
                "BackupListReturn",
                """One backup of ``backup.list_backups``.

Attributes:
    collections: the collections it holds (keyword ``classes``).
    status: its phase.
    backup_id: its id (keyword ``id``).
    started_at: when it started (keyword ``startedAt``; aware, UTC).
    completed_at: when it finished (keyword ``completedAt``), None while running.
    size: its size in GiB.
    incremental_base_backup_id: the backup it is an increment of; None for a full backup,
        and also when the server leaves the field out (it shows it only to root users).
""",
                fields=(
                    Field("collections", "list[str]", 'attrs.field(factory=list, alias="classes")'),
                    Field("status", "BackupStatus"),
                    Field("backup_id", "str", 'attrs.field(alias="id")'),
                    Field(
                        "started_at",
                        "datetime.datetime | None",
                        'attrs.field(default=None, alias="startedAt")',
                    ),
                    Field(
                        "completed_at",
                        "datetime.datetime | None",
                        'attrs.field(default=None, alias="completedAt")',
                    ),
                    Field("size", "float", "0"),
                    Field("incremental_base_backup_id", "str | None", "None"),
                ),
                decorator="@attrs.frozen(kw_only=True)",
            ),
        ),
    ),
    Target(
        path="weaviate_async/models/backup_location.py",
        doc="""Where one backup is, when not at its backend's configured place: :class:`BackupLocation`.

Programs import them from :mod:`weaviate_async.backup.backup_location`, which documents them; they are
defined here, below ``wire/`` and the namespaces that both use them.""",
        header="""
from __future__ import annotations

from typing import TypeAlias

import attrs

from weaviate_async._validate import attrs_check, check_str

__all__ = ["BackupLocation", "BackupLocationType"]
""",
        items=(
            Text("""
_REQUIRED_STR = attrs_check(check_str, required=True, allow_empty=False)
"""),
            Class(
                "_BackupLocationConfig",
                """The base of the locations: a path on the backend.""",
                fields=(Field("path", "str", "attrs.field(validator=_REQUIRED_STR)"),),
                decorator="@attrs.frozen(kw_only=True)",
            ),
            Class(
                "_BackupLocationFilesystem",
                """A directory of the server's file system (``backup-filesystem``).

Attributes:
    path: the directory (absolute, on the server's machine).
""",
                decorator="@attrs.frozen(kw_only=True)",
                bases="_BackupLocationConfig",
            ),
            Class(
                "_BackupLocationS3",
                """A bucket and a key prefix of S3 or a compatible store (``backup-s3``).

Attributes:
    path: the key prefix within the bucket.
    bucket: the bucket.
""",
                fields=(Field("bucket", "str", "attrs.field(validator=_REQUIRED_STR)"),),
                decorator="@attrs.frozen(kw_only=True)",
                bases="_BackupLocationConfig",
            ),
            Class(
                "_BackupLocationGCP",
                """A Google Cloud Storage bucket and a path in it (``backup-gcs``).

Attributes:
    path: the path within the bucket.
    bucket: the bucket.
""",
                fields=(Field("bucket", "str", "attrs.field(validator=_REQUIRED_STR)"),),
                decorator="@attrs.frozen(kw_only=True)",
                bases="_BackupLocationConfig",
            ),
            Class(
                "_BackupLocationAzure",
                """An Azure Blob Storage container and a path in it (``backup-azure``).

Attributes:
    path: the path within the container.
    bucket: the container.
""",
                fields=(Field("bucket", "str", "attrs.field(validator=_REQUIRED_STR)"),),
                decorator="@attrs.frozen(kw_only=True)",
                bases="_BackupLocationConfig",
            ),
            Text("""
#: Any of the locations.
BackupLocationType: TypeAlias = (
    _BackupLocationFilesystem | _BackupLocationS3 | _BackupLocationGCP | _BackupLocationAzure
)
"""),
            Class(
                "BackupLocation",
                """The locations by backend: ``BackupLocation.FileSystem(path=...)``,
``BackupLocation.S3(bucket=..., path=...)``, ``BackupLocation.GCP(...)`` and
``BackupLocation.Azure(...)``.""",
                decorator="",
                body=(
                    """
FileSystem = _BackupLocationFilesystem
S3 = _BackupLocationS3
GCP = _BackupLocationGCP
Azure = _BackupLocationAzure
""",
                ),
            ),
        ),
    ),
    Target(
        path="weaviate_async/models/cluster.py",
        doc="""The models of replication and of the RAFT statistics, at the official
``weaviate.cluster.models`` path: replica operations (:class:`ReplicationType`,
:class:`ReplicateOperationState`, ...), sharding states and :class:`ClusterStatistics`.

Programs import them from :mod:`weaviate_async.cluster.models`, which documents them; they are
defined here, below ``wire/`` and the namespaces that both use them.""",
        header="""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import Enum
from typing import Any, Generic, TypeAlias, TypeVar

__all__ = [
    "ClusterStatistics",
    "H",
    "NodeStatistics",
    "RaftConfigurationMember",
    "RaftStats",
    "ReplicateOperation",
    "ReplicateOperationState",
    "ReplicateOperationStatus",
    "ReplicateOperationWithHistory",
    "ReplicateOperationWithoutHistory",
    "ReplicateOperations",
    "ReplicationType",
    "ShardReplicas",
    "ShardingState",
]
""",
        items=(
            Enum(
                "ReplicationType",
                """How a replica is placed on another node: COPY keeps the source replica, MOVE removes it
once the target's is ready.""",
                (("COPY", "COPY"), ("MOVE", "MOVE")),
            ),
            Enum(
                "ReplicateOperationState",
                """The phase of a replica operation; READY and CANCELLED are final.""",
                (
                    ("REGISTERED", "REGISTERED"),
                    ("HYDRATING", "HYDRATING"),
                    ("FINALIZING", "FINALIZING"),
                    ("DEHYDRATING", "DEHYDRATING"),
                    ("INTEGRATING", "INTEGRATING"),
                    ("READY", "READY"),
                    ("CANCELLED", "CANCELLED"),
                ),
            ),
            Class(
                "ReplicateOperationStatus",
                """A state of a replica operation.

Attributes:
    state: the phase.
    errors: the server's messages for the errors met in this phase.
""",
                fields=(
                    Field("state", "ReplicateOperationState"),
                    Field("errors", "list[str]"),
                ),
                decorator="@dataclass(frozen=True)",
            ),
            Text("""
#: The type of an operation's history: None, or the list of its states.
H = TypeVar("H", None, list[ReplicateOperationStatus])
"""),
            Class(
                "_ReplicateOperation",
                """A replica operation: a shard's replica copied or moved from one node to another.

Attributes:
    collection: the collection of the shard.
    shard: the shard's name.
    source_node: the node the replica comes from.
    status: the current state.
    status_history: the earlier states, oldest first, when asked for (else None).
    target_node: the node the replica goes to.
    transfer_type: COPY or MOVE.
    uuid: the operation's id.
""",
                fields=(
                    Field("collection", "str"),
                    Field("shard", "str"),
                    Field("source_node", "str"),
                    Field("status", "ReplicateOperationStatus"),
                    Field("status_history", "H"),
                    Field("target_node", "str"),
                    Field("transfer_type", "ReplicationType"),
                    Field("uuid", "uuid.UUID"),
                ),
                decorator="@dataclass(frozen=True)",
                bases="Generic[H]",
            ),
            Text("""
#: An operation without its history (``include_history=False``).
ReplicateOperationWithoutHistory = _ReplicateOperation[None]
#: An operation with its history.
ReplicateOperationWithHistory = _ReplicateOperation[list[ReplicateOperationStatus]]
#: Either.
ReplicateOperation: TypeAlias = ReplicateOperationWithoutHistory | ReplicateOperationWithHistory
#: A list of either.
ReplicateOperations: TypeAlias = (
    list[ReplicateOperationWithoutHistory] | list[ReplicateOperationWithHistory]
)
"""),
            Class(
                "ShardReplicas",
                """A shard and the nodes holding its replicas.

Attributes:
    name: the shard's name.
    replicas: the nodes' names.
""",
                fields=(
                    Field("name", "str"),
                    Field("replicas", "list[str]"),
                ),
                decorator="@dataclass(frozen=True)",
            ),
            Class(
                "ShardingState",
                """Where the replicas of a collection's shards are.

Attributes:
    collection: the collection.
    shards: each shard with its replicas' nodes.
""",
                fields=(
                    Field("collection", "str"),
                    Field("shards", "list[ShardReplicas]"),
                ),
                decorator="@dataclass(frozen=True)",
            ),
            Class(
                "RaftConfigurationMember",
                """A member of the RAFT cluster's latest configuration.

Attributes:
    address: its RAFT address (host:port).
    node_id: its node name.
    suffrage: 0 for a voter, 1 for a non-voter, 2 for a staging member.
""",
                fields=(
                    Field("address", "str"),
                    Field("node_id", "str"),
                    Field("suffrage", "int"),
                ),
                decorator="@dataclass(frozen=True)",
            ),
            Class(
                "RaftStats",
                """One node's RAFT statistics, as text, as the server reports them.""",
                fields=(
                    Field("applied_index", "str"),
                    Field("commit_index", "str"),
                    Field("fsm_pending", "str"),
                    Field("last_contact", "str"),
                    Field("last_log_index", "str"),
                    Field("last_log_term", "str"),
                    Field("last_snapshot_index", "str"),
                    Field("last_snapshot_term", "str"),
                    Field("latest_configuration", "list[RaftConfigurationMember]"),
                    Field("latest_configuration_index", "str"),
                    Field("num_peers", "str"),
                    Field("protocol_version", "str"),
                    Field("protocol_version_max", "str"),
                    Field("protocol_version_min", "str"),
                    Field("snapshot_version_max", "str"),
                    Field("snapshot_version_min", "str"),
                    Field("state", "str"),
                    Field("term", "str"),
                ),
                decorator="@dataclass(frozen=True)",
            ),
            Class(
                "NodeStatistics",
                """One node's view of the RAFT cluster.

Attributes:
    candidates: the election candidates, when an election runs.
    db_loaded: whether its database is loaded.
    initial_last_applied_index: the last applied log index when it started.
    is_voter: whether it votes.
    leader_address: the leader's RAFT address.
    leader_id: the leader's node name.
    name: its node name.
    is_open: whether its RAFT store is open.
    raft: its RAFT statistics.
    ready: whether it is ready.
    status: HEALTHY, UNHEALTHY, UNAVAILABLE or TIMEOUT.
""",
                fields=(
                    Field("candidates", "dict[str, Any]"),
                    Field("db_loaded", "bool"),
                    Field("initial_last_applied_index", "int"),
                    Field("is_voter", "bool"),
                    Field("leader_address", "str"),
                    Field("leader_id", "str"),
                    Field("name", "str"),
                    Field("is_open", "bool"),
                    Field("raft", "RaftStats"),
                    Field("ready", "bool"),
                    Field("status", "str"),
                ),
                decorator="@dataclass(frozen=True)",
            ),
            Class(
                "ClusterStatistics",
                """The RAFT statistics of every node (``cluster.statistics()``).

Attributes:
    statistics: one entry per node.
    synchronized: whether every node has applied the same log index.
""",
                fields=(
                    Field("statistics", "list[NodeStatistics]"),
                    Field("synchronized", "bool"),
                ),
                decorator="@dataclass(frozen=True)",
            ),
        ),
    ),
    Target(
        path="weaviate_async/models/consistency.py",
        doc="""How many replicas must answer: :class:`ConsistencyLevel`, in a module of its own so that the
collection scope (:mod:`weaviate_async.models.scope`) can use it without the configuration
builders.""",
        header="""
from __future__ import annotations

from enum import Enum

__all__ = ["ConsistencyLevel"]
""",
        items=(
            Enum(
                "ConsistencyLevel",
                """How many replicas must answer a read or acknowledge a write.

Attributes:
    ONE: one replica.
    QUORUM: a majority, ``n/2 + 1`` replicas.
    ALL: every replica.
""",
                (("ALL", "ALL"), ("ONE", "ONE"), ("QUORUM", "QUORUM")),
            ),
        ),
    ),
    Target(
        path="weaviate_async/models/debug.py",
        doc="""What ``client.debug`` returns: :class:`DebugRESTObject` (at the official
``weaviate.debug.types`` path).

Programs import them from :mod:`weaviate_async.debug.types`, which documents them; they are
defined here, below ``wire/`` and the namespaces that both use them.""",
        header="""
from __future__ import annotations

import datetime
import uuid as uuid_package
from typing import Any

import attrs

__all__ = ["DebugRESTObject"]
""",
        items=(
            Class(
                "DebugRESTObject",
                """An object as the REST endpoint ``GET /v1/objects/{collection}/{id}`` returns it.

Attributes:
    collection: the collection's name.
    creation_time: when the object was created (UTC).
    last_update_time: when it was last changed (UTC).
    properties: its properties as the server's JSON (dates as text, references as
        beacons).
    tenant: its tenant, in a multi-tenant collection.
    uuid: its id.
    vector: its unnamed vector, if it has one.
    vectors: its named vectors, by name (a multi-vector is a list of vectors).
""",
                fields=(
                    Field("collection", "str"),
                    Field("creation_time", "datetime.datetime"),
                    Field("last_update_time", "datetime.datetime"),
                    Field("properties", "dict[str, Any]"),
                    Field("tenant", "str | None", "None"),
                    Field("uuid", "uuid_package.UUID"),
                    Field("vector", "list[float] | None", "None"),
                    Field("vectors", "dict[str, Any] | None", "None"),
                ),
                decorator="@attrs.frozen(kw_only=True)",
            ),
        ),
    ),
    Target(
        path="weaviate_async/models/export.py",
        doc="""The models of collection exports (at the official ``weaviate.export.export`` path): where
an export is written (:class:`ExportStorage`), in which format (:class:`ExportFileFormat`), and
what the server reports (:class:`ExportCreateReturn`, :class:`ExportStatusReturn`, per shard
:class:`ShardProgress`).

Programs import them from :mod:`weaviate_async.export.export`, which documents them; they are
defined here, below ``wire/`` and the namespaces that both use them.""",
        header="""
from __future__ import annotations

import datetime
from enum import Enum

import attrs

from weaviate_async.models.backup import BackupStorage

__all__ = [
    "ExportCreateReturn",
    "ExportFileFormat",
    "ExportStatus",
    "ExportStatusReturn",
    "ExportStorage",
    "ShardExportStatus",
    "ShardProgress",
]
""",
        items=(
            Text("""
#: The backend an export is written to: the backup backends (the official client's
#: ``ExportStorage`` is its ``BackupStorage``, the same enum).
ExportStorage = BackupStorage
"""),
            Enum(
                "ExportFileFormat",
                """The file format of an export.

Attributes:
    PARQUET: Apache Parquet, one file per shard (and part).
""",
                (("PARQUET", "parquet"),),
            ),
            Enum(
                "ExportStatus",
                """The state of an export.

Attributes:
    STARTED: accepted, not writing yet.
    TRANSFERRING: writing.
    SUCCESS: done.
    FAILED: stopped by an error (``ExportStatusReturn.error`` says which).
    CANCELED: canceled by ``client.export.cancel``.
""",
                (
                    ("STARTED", "STARTED"),
                    ("TRANSFERRING", "TRANSFERRING"),
                    ("SUCCESS", "SUCCESS"),
                    ("FAILED", "FAILED"),
                    ("CANCELED", "CANCELED"),
                ),
            ),
            Enum(
                "ShardExportStatus",
                """The state of the export of one shard.

Attributes:
    TRANSFERRING: writing.
    SUCCESS: written.
    FAILED: stopped by an error.
    SKIPPED: nothing to write (``ShardProgress.skip_reason`` says why, e.g. an inactive
        tenant without data on disk).
""",
                (
                    ("TRANSFERRING", "TRANSFERRING"),
                    ("SUCCESS", "SUCCESS"),
                    ("FAILED", "FAILED"),
                    ("SKIPPED", "SKIPPED"),
                ),
            ),
            Class(
                "ShardProgress",
                """The export of one shard.

Attributes:
    status: its state.
    objects_exported: the objects written so far.
    error: the error that stopped it, if any.
    skip_reason: why it was skipped, if it was.
""",
                fields=(
                    Field("status", "ShardExportStatus"),
                    Field("objects_exported", "int", "0"),
                    Field("error", "str | None", "None"),
                    Field("skip_reason", "str | None", "None"),
                ),
                decorator="@attrs.frozen(kw_only=True)",
            ),
            Class(
                "ExportCreateReturn",
                """What the server answers when an export starts.

Attributes:
    export_id: the export's id.
    backend: the backend's name (``filesystem`` ...).
    path: where the files are written (a directory or a bucket URL).
    status: its state (``STARTED``).
    started_at: when it started.
    collections: the collections it exports.
""",
                fields=(
                    Field("export_id", "str"),
                    Field("backend", "str"),
                    Field("path", "str"),
                    Field("status", "ExportStatus"),
                    Field("started_at", "datetime.datetime | None", "None"),
                    Field("collections", "list[str]", "attrs.field(factory=list)"),
                ),
                decorator="@attrs.frozen(kw_only=True)",
            ),
            Class(
                "ExportStatusReturn",
                """The state of an export.

Attributes:
    completed_at: when it ended (success, failure or cancel).
    shard_status: per collection, per shard: its progress.
    error: why it failed, if it did.
    took_in_ms: how long it took, in milliseconds.
""",
                fields=(
                    Field("completed_at", "datetime.datetime | None", "None"),
                    Field("shard_status", "dict[str, dict[str, ShardProgress]] | None", "None"),
                    Field("error", "str | None", "None"),
                    Field("took_in_ms", "int | None", "None"),
                ),
                decorator="@attrs.frozen(kw_only=True)",
                bases="ExportCreateReturn",
            ),
        ),
    ),
    Target(
        path="weaviate_async/models/nodes.py",
        doc="""What ``cluster.nodes()`` returns: :class:`Node` with, in verbose output, its :class:`Shard`
list and :class:`Stats` (also at ``weaviate_async.outputs.cluster``).

Programs import them from :mod:`weaviate_async.cluster.nodes`, which documents them; they are
defined here, below ``wire/`` and the namespaces that both use them.""",
        header="""
from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from weaviate_async.models.shards import Shard, Shards

__all__ = ["Node", "NodeMinimal", "NodeVerbose", "Sh", "Shard", "Shards", "St", "Stats"]
""",
        items=(
            Class(
                "Stats",
                """A node's totals.

Attributes:
    object_count: objects on the node (of the collection asked for, when one was).
    shard_count: shards on the node.
""",
                fields=(
                    Field("object_count", "int"),
                    Field("shard_count", "int"),
                ),
                decorator="@dataclass(frozen=True)",
            ),
            Text("""
#: The type of a node's shards (None in the minimal output).
Sh = TypeVar("Sh")
#: The type of a node's stats (None in the minimal output).
St = TypeVar("St")
"""),
            Class(
                "Node",
                """One node of the cluster.

Attributes:
    git_hash: the server build's commit, when reported ("None" otherwise).
    name: the node's name.
    shards: its shard replicas (verbose output), else None.
    stats: its totals (verbose output), else None.
    status: HEALTHY, UNHEALTHY, UNAVAILABLE or TIMEOUT.
    version: the server's version.
""",
                fields=(
                    Field("git_hash", "str"),
                    Field("name", "str"),
                    Field("shards", "Sh"),
                    Field("stats", "St"),
                    Field("status", "str"),
                    Field("version", "str"),
                ),
                decorator="@dataclass(frozen=True)",
                bases="Generic[Sh, St]",
            ),
            Text("""
#: A node of the verbose output.
NodeVerbose = Node[Shards, Stats]
#: A node of the minimal output.
NodeMinimal = Node[None, None]
"""),
        ),
    ),
    Target(
        path="weaviate_async/models/shards.py",
        doc="""The shards of one collection on every node, as ``collection.shards()`` returns them (the
official ``weaviate.collections.classes.cluster.Shard``, a dataclass).

Programs import them from :mod:`weaviate_async.collections.shards`, which documents them; they are
defined here, below ``wire/`` and the namespaces that both use them.""",
        header="""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["Shard", "Shards"]
""",
        items=(
            Class(
                "Shard",
                """One shard of a collection on one node.

Attributes:
    collection: the collection's name.
    name: the shard's name (the tenant's name in a multi-tenant collection).
    node: the node that holds this replica.
    object_count: the number of objects in it (may lag behind recent writes).
    vector_indexing_status: ``READY``, ``INDEXING``, ``READONLY`` or ``LAZY_LOADING``.
    vector_queue_length: vectors waiting for the asynchronous index.
    compressed: whether its vector index is compressed (quantized).
    loaded: whether the shard is loaded (None when the server does not say).
""",
                fields=(
                    Field("collection", "str"),
                    Field("name", "str"),
                    Field("node", "str"),
                    Field("object_count", "int"),
                    Field(
                        "vector_indexing_status",
                        'Literal["READONLY", "INDEXING", "READY", "LAZY_LOADING"]',
                    ),
                    Field("vector_queue_length", "int"),
                    Field("compressed", "bool"),
                    Field("loaded", "bool | None"),
                ),
                decorator="@dataclass",
            ),
            Text("""
#: The shards of a collection, over every node.
Shards = list[Shard]
"""),
        ),
    ),
    Target(
        path="weaviate_async/models/tokenization.py",
        doc="""What ``client.tokenization`` returns: :class:`TokenizeResult` (at the official
``weaviate.tokenization.models`` path).

Programs import them from :mod:`weaviate_async.tokenization.models`, which documents them; they are
defined here, below ``wire/`` and the namespaces that both use them.""",
        header="""
from __future__ import annotations

import attrs

__all__ = ["TokenizeResult"]
""",
        items=(
            Class(
                "TokenizeResult",
                """The tokens the server makes of a text.

Attributes:
    indexed: the tokens as the inverted index stores them.
    query: the tokens a query matches with (stopwords removed).
""",
                fields=(
                    Field("indexed", "list[str]"),
                    Field("query", "list[str]"),
                ),
                decorator="@attrs.frozen(kw_only=True)",
            ),
        ),
    ),
    Target(
        path="weaviate_async/models/users.py",
        doc="""The users that ``client.users`` returns, at the official ``weaviate.users.users`` path.

Programs import them from :mod:`weaviate_async.users.users`, which documents them; they are
defined here, below ``wire/`` and the namespaces that both use them.""",
        header="""
# ruff: noqa: UP006, UP035

from __future__ import annotations

from datetime import datetime
from typing import Dict, Final, List, Literal

import attrs

from weaviate_async.models.rbac import Role, UserTypes

__all__ = [
    "USER_TYPE",
    "USER_TYPE_DB",
    "USER_TYPE_OIDC",
    "OwnUser",
    "UserBase",
    "UserDB",
    "UserOIDC",
]
""",
        items=(
            Text("""
#: The ``userType`` of a database user in role assignments.
USER_TYPE_DB: Final = "db"
#: The ``userType`` of an OIDC user in role assignments.
USER_TYPE_OIDC: Final = "oidc"
#: The user types of role assignments.
USER_TYPE = Literal["db", "oidc"]
"""),
            Class(
                "OwnUser",
                """The user the client is authenticated as (``users.get_my_user()``).

Attributes:
    user_id: the user's name.
    roles: its roles with their permissions, by name.
    groups: its OIDC groups (empty for other users).
""",
                fields=(
                    Field("user_id", "str"),
                    Field("roles", "Dict[str, Role]"),
                    Field("groups", "List[str]"),
                ),
                decorator="@attrs.define",
            ),
            Class(
                "UserBase",
                """A user and the names of its roles.""",
                fields=(
                    Field("user_id", "str"),
                    Field("role_names", "List[str]"),
                    Field("user_type", "UserTypes"),
                ),
                decorator="@attrs.define",
            ),
            Class(
                "UserDB",
                """A database user (``users.db.get`` / ``users.db.list_all``).

Attributes:
    active: whether its API key is accepted (``deactivate`` turns it off).
    created_at: when it was created (None for users configured in the server's
        environment, which have no creation time).
    last_used_time: when its key was last used (None when never, or not asked for).
    api_key_first_letters: the first letters of its API key, to tell keys apart.
""",
                fields=(
                    Field("active", "bool"),
                    Field("created_at", "datetime | None", "None"),
                    Field("last_used_time", "datetime | None", "None"),
                    Field("api_key_first_letters", "str | None", "None"),
                ),
                decorator="@attrs.define",
                bases="UserBase",
            ),
            Class(
                "UserOIDC",
                """An OIDC user.""",
                fields=(Field("user_type", "UserTypes", "UserTypes.OIDC"),),
                decorator="@attrs.define",
                bases="UserBase",
            ),
        ),
    ),
)
