"""Parity of backups, cluster and replication with the installed official client (4.24).

1. The namespaces: every public method of the official ``_BackupAsync`` / ``_Backup``,
   ``_CollectionBackupAsync`` / ``_CollectionBackup``, ``_ClusterAsync`` / ``_Cluster`` and
   ``_ReplicateAsync`` / ``_Replicate`` exists on ours (async and its generated sync twin) with
   the same parameters: names, kinds and defaults (an enum default by its value). Ours has no
   other public member than the official one (``replications`` included).
2. The models and modules: every public name of the official modules below exists at the
   mirrored path in ``weaviate_async`` and is the same object in ``weaviate_sync``; classes take
   the same constructor parameters (also the nested ``BackupLocation.*``), enums hold the same
   members, TypedDicts the same keys, constants the same values.

What differs on purpose in a signature is listed with its reason (``EXTRA_PARAMETERS``); no
model differs in its constructor.

Deviations that signatures do not show, each with its reason:

* The official backup models are pydantic models, ours frozen attrs classes with the same
  fields and constructor keywords (no pydantic dependency); ``model_dump`` and friends are not
  there. The cluster models are frozen dataclasses (official: mutable dataclasses).
* Bad arguments raise ``WeaviateInvalidInputError`` (a ``ValueError``) naming the field, before
  anything is sent (official: ``TypeError`` / ``ValueError`` for some, none for others):
  backup ids are checked against the server's ``[a-z0-9_-]`` after lowercasing,
  ``cpu_percentage`` against its 1-80 range, ``roles_restore`` / ``users_restore`` against
  their two values, ``replicate`` refuses a target node equal to the source,
  ``include_roles`` / ``include_users`` must be names (the server refuses anything else).
* ``wait_for_completion`` polls from 0.2 s up to every second (official: every second) and the
  final :class:`BackupReturn` carries the final ``error``, ``size`` and ``path`` (official:
  only the final status).
* ``BackupListReturn.completed_at`` is None while a backup runs (the server sends the zero
  time, year 1, which the official client returns as such).
* ``ReplicateOperationStatus.errors`` holds the server's error messages as str, as the
  official annotation says (and as 4.24 reads them; 4.23 passed the error objects through).
* A 501 of the replication API (the server runs without ``REPLICA_MOVEMENT_ENABLED``) raises
  ``UnexpectedStatusCodeError`` saying so, not the server's empty message.
* ``replications.get`` and ``replications.query`` have one more overload, for an
  ``include_history`` that is a plain bool (so typed code that passes a bool variable checks).
"""

from __future__ import annotations

import importlib
import inspect
import warnings
from collections.abc import Iterator
from typing import Any

import pytest

from tests.unit import parity_helpers as h


def _official(path: str) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a dependency of theirs warns on import
        module_name, _, attr = path.rpartition(":")
        module = importlib.import_module(module_name or path)
        return getattr(module, attr) if module_name else module


# ------------------------------------------------------------------------------------------
# 1. the namespaces
# ------------------------------------------------------------------------------------------

#: (label, official async, official sync, ours async, ours sync)
NAMESPACES = [
    (
        "backup",
        "weaviate.backup:_BackupAsync",
        "weaviate.backup:_Backup",
        "weaviate_async.backup:_BackupAsync",
        "weaviate_sync.backup:_Backup",
    ),
    (
        "collection.backup",
        "weaviate.collections.backups:_CollectionBackupAsync",
        "weaviate.collections.backups:_CollectionBackup",
        "weaviate_async.collections.backups:_CollectionBackupAsync",
        "weaviate_sync.collections.backups:_CollectionBackup",
    ),
    (
        "cluster",
        "weaviate.cluster:_ClusterAsync",
        "weaviate.cluster:_Cluster",
        "weaviate_async.cluster:_ClusterAsync",
        "weaviate_sync.cluster:_Cluster",
    ),
    (
        "cluster.replications",
        "weaviate.cluster.replicate:_ReplicateAsync",
        "weaviate.cluster.replicate:_Replicate",
        "weaviate_async.cluster.replicate:_ReplicateAsync",
        "weaviate_sync.cluster.replicate:_Replicate",
    ),
]

_WAIT_TIMEOUT = (
    "ours alone: keyword-only, default None (wait as long as it takes, as the official client "
    "does); with wait_for_completion, gives up waiting after that many seconds with "
    "WeaviateTimeoutError while the operation goes on on the server"
)
#: (namespace, method, parameter) -> reason
EXTRA_PARAMETERS: dict[tuple[str, str, str], str] = {
    ("backup", "create", "wait_timeout"): _WAIT_TIMEOUT,
    ("backup", "restore", "wait_timeout"): _WAIT_TIMEOUT,
    ("collection.backup", "create", "wait_timeout"): _WAIT_TIMEOUT,
    ("collection.backup", "restore", "wait_timeout"): _WAIT_TIMEOUT,
}
#: Public members of the official namespaces that are instance attributes, set in __init__.
INSTANCE_ATTRIBUTES = {"cluster": {"replications"}}


def _load(path: str) -> Any:
    module_name, _, attr = path.rpartition(":")
    if module_name.startswith("weaviate."):
        return _official(path)
    return getattr(importlib.import_module(module_name), attr)


def _members(cls: type) -> dict[str, Any]:
    return {name: m for name, m in inspect.getmembers(cls) if not name.startswith("_")}


def _namespace_rows() -> Iterator[Any]:
    for label, their_async, their_sync, our_async, our_sync in NAMESPACES:
        yield pytest.param(label, their_async, our_async, True, id=f"{label}-async")
        yield pytest.param(label, their_sync, our_sync, False, id=f"{label}-sync")


@pytest.mark.parametrize(("label", "theirs_path", "ours_path", "is_async"), list(_namespace_rows()))
def test_namespace_methods_take_the_official_parameters(
    label: str, theirs_path: str, ours_path: str, is_async: bool
) -> None:
    theirs, ours = _load(theirs_path), _load(ours_path)
    official = _members(theirs)
    mine = _members(ours)
    expected = set(official) | INSTANCE_ATTRIBUTES.get(label, set())
    assert set(mine) == expected, f"{label}: {sorted(set(mine) ^ expected)}"
    compared = 0
    for name, fn in official.items():
        if not callable(fn):
            continue
        have = [
            p
            for p in h.params(mine[name], skip_self=True)
            if (label, name, p[0]) not in EXTRA_PARAMETERS
        ]
        assert have == h.params(fn, skip_self=True), f"{label}.{name}"
        assert inspect.iscoroutinefunction(mine[name]) is is_async, f"{label}.{name}"
        compared += 1
    assert compared == len([f for f in official.values() if callable(f)]) >= 4


def test_extra_parameters_are_keyword_only_with_a_default() -> None:
    by_label = {row[0]: row for row in NAMESPACES}
    for (label, method, param), reason in EXTRA_PARAMETERS.items():
        assert len(reason) > 40
        for path in by_label[label][3:]:
            p = inspect.signature(getattr(_load(path), method)).parameters[param]
            assert p.kind is inspect.Parameter.KEYWORD_ONLY and p.default is None


def test_client_and_collection_have_the_namespaces() -> None:
    from weaviate_async.client import WeaviateAsyncClient
    from weaviate_async.collections.collection import CollectionAsync
    from weaviate_sync.client import WeaviateClient
    from weaviate_sync.collections.collection import Collection

    for client_cls in (WeaviateAsyncClient, WeaviateClient):
        assert {"backup", "cluster"} <= set(dir(client_cls))
    for collection_cls in (CollectionAsync, Collection):
        assert "backup" in dir(collection_cls)


# ------------------------------------------------------------------------------------------
# 2. the models and modules
# ------------------------------------------------------------------------------------------

#: official module -> our module (under weaviate_async and weaviate_sync)
MODULES = {
    "weaviate.backup": "backup",
    "weaviate.backup.backup": "backup.backup",
    "weaviate.backup.backup_location": "backup.backup_location",
    "weaviate.classes.backup": "classes.backup",
    "weaviate.outputs.backup": "outputs.backup",
    "weaviate.cluster.models": "cluster.models",
    "weaviate.cluster.types": "cluster.types",
    "weaviate.collections.classes.cluster": "cluster.nodes",
    "weaviate.outputs.cluster": "outputs.cluster",
    "weaviate.classes.replication": "classes.replication",
    "weaviate.outputs.replication": "outputs.replication",
}
#: names compared as namespaces in part 1, not as models
NAMESPACE_NAMES = {"_Backup", "_BackupAsync"}


SURFACE = h.surface(MODULES, exclude=NAMESPACE_NAMES)


@pytest.mark.parametrize(
    ("module", "name"),
    [
        pytest.param(ours, name, id=f"{ours}.{name}")
        for ours, name in h.surface_names(MODULES, exclude=NAMESPACE_NAMES)
    ],
)
def test_name_exists_in_both_packages_as_one_object(module: str, name: str) -> None:
    mine = getattr(importlib.import_module(f"weaviate_async.{module}"), name, h.ABSENT)
    twin = getattr(importlib.import_module(f"weaviate_sync.{module}"), name, h.ABSENT)
    assert mine is not h.ABSENT, f"weaviate_async.{module}.{name} is missing"
    assert twin is mine, f"weaviate_sync.{module}.{name} is not weaviate_async's object"


def test_models_match_the_official_client() -> None:
    problems = [
        f"{path}: {diff}"
        for path, official, ours in SURFACE
        if (diff := h.difference(official, ours)) is not None
    ]
    assert not problems, "\n".join(problems)


def test_the_surface_is_big_enough_to_mean_something() -> None:
    paths = {path for path, _, _ in SURFACE}
    assert "classes.backup.BackupLocation.S3" in paths
    assert "outputs.cluster.NodeVerbose" in paths
    assert "cluster.models.RaftStats" in paths
    assert "outputs.replication.ReplicateOperationState" in paths
    assert len(paths) > 60


def test_model_fields_read_like_the_official_ones() -> None:
    """Attribute names (not only constructor keywords) are the official ones."""
    from weaviate_async.backup.backup import (
        BackupCompressionLevel,
        BackupConfigCreate,
        BackupListReturn,
        BackupReturn,
        BackupStatus,
    )

    config = BackupConfigCreate(
        cpu_percentage=10, chunk_size=5, compression_level=BackupCompressionLevel.BEST_SPEED
    )
    assert (config.CPUPercentage, config.ChunkSize, config.CompressionLevel) == (
        10,
        5,
        BackupCompressionLevel.BEST_SPEED,
    )
    ret = BackupReturn(status=BackupStatus.SUCCESS, path="/p", id="b", classes=["A"])
    assert (ret.backup_id, ret.collections, ret.size, ret.error) == ("b", ["A"], 0, None)
    listed = BackupListReturn(status=BackupStatus.STARTED, id="b")
    assert (listed.started_at, listed.completed_at, listed.collections) == (None, None, [])
