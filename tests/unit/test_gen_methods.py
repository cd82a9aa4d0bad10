"""tools/gen_methods.py: the generated methods (backup, batch, ...) are current, and each table
method is a method of its namespace with the table's parameters in the table's order."""

from __future__ import annotations

import importlib
import inspect
import subprocess
import sys
import typing
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
TOOL = REPO / "tools" / "gen_methods.py"


def _tool() -> Any:
    sys.path.insert(0, str(TOOL.parent))  # the tool imports gen_search beside it
    try:
        return importlib.import_module("gen_methods")
    finally:
        sys.path.remove(str(TOOL.parent))


@pytest.mark.source_tree
def test_generated_backup_methods_are_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(TOOL), "--check"], capture_output=True, text=True, cwd=REPO
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.source_tree
def test_every_table_method_is_on_its_namespace() -> None:
    from weaviate_async.backup.namespace import _BackupAsync
    from weaviate_async.cluster.namespace import _ClusterAsync
    from weaviate_async.cluster.replicate import _ReplicateAsync
    from weaviate_async.collections.backups import _CollectionBackupAsync
    from weaviate_async.collections.collections import _CollectionsAsync
    from weaviate_async.collections.config import _ConfigCollectionAsync
    from weaviate_async.collections.data import _DataCollectionAsync
    from weaviate_async.collections.tenants import _TenantsAsync
    from weaviate_async.export.namespace import _ExportAsync
    from weaviate_async.groups.namespace import _GroupsOIDCAsync
    from weaviate_async.rbac.roles import _RolesAsync
    from weaviate_async.tokenization.namespace import _TokenizationAsync
    from weaviate_async.users.namespace import _UsersAsync, _UsersDBAsync, _UsersOIDCAsync

    tool = _tool()
    for cls, methods in (
        (_BackupAsync, tool.CLIENT_METHODS),
        (_CollectionBackupAsync, tool.COLLECTION_METHODS),
        (_TenantsAsync, tool.TENANT_METHODS),
        (_ExportAsync, tool.EXPORT_METHODS),
        (_ReplicateAsync, tool.REPLICATE_METHODS),
        (_ClusterAsync, tool.CLUSTER_METHODS),
        (_DataCollectionAsync, tool.DATA_METHODS),
        (_UsersOIDCAsync, tool.USER_ROLE_METHODS),
        (_UsersDBAsync, tool.USER_ROLE_METHODS + tool.USER_DB_METHODS),
        (_UsersAsync, tool.USERS_METHODS),
        (_GroupsOIDCAsync, tool.GROUP_METHODS),
        (_RolesAsync, tool.ROLES_METHODS),
        (_ConfigCollectionAsync, tool.CONFIG_METHODS),
        (_TokenizationAsync, tool.TOKENIZE_METHODS),
        (_CollectionsAsync, tool.COLLECTIONS_METHODS),
    ):
        for method in methods:
            fn = getattr(cls, method.name)
            assert inspect.iscoroutinefunction(fn)
            params = list(inspect.signature(fn).parameters)
            assert params == ["self", *method.positional, *method.keywords]
            assert fn.__doc__ and method.summary.split("\n")[0] in fn.__doc__
            if sys.version_info >= (3, 11):  # typing.overload records overloads from 3.11
                assert len(typing.get_overloads(fn)) == len(method.overloads)


# The signatures of the generated batch methods as they were written by hand before
# (captured from that code): the table must reproduce them exactly.
_BATCH_SIGNATURES = {
    "_BatchClientWrapperAsync.dynamic": "(self, consistency_level: 'ConsistencyLevel | None' = None, *, progress: 'ProgressOption' = False) -> '_BatchClientAsync'",
    "_BatchClientWrapperAsync.fixed_size": "(self, batch_size: 'int' = 100, concurrent_requests: 'int' = 2, consistency_level: 'ConsistencyLevel | None' = None, *, progress: 'ProgressOption' = False) -> '_BatchClientAsync'",
    "_BatchClientWrapperAsync.rate_limit": "(self, requests_per_minute: 'int', consistency_level: 'ConsistencyLevel | None' = None, *, progress: 'ProgressOption' = False) -> '_BatchClientAsync'",
    "_BatchClientWrapperAsync.stream": "(self, *, concurrency: 'int | None' = None, consistency_level: 'ConsistencyLevel | None' = None, progress: 'ProgressOption' = False) -> '_BatchClientAsync'",
    "_BatchClientWrapperAsync.experimental": "(self, *, concurrency: 'int | None' = None, consistency_level: 'ConsistencyLevel | None' = None) -> '_BatchClientAsync'",
    "_BatchCollectionWrapperAsync.dynamic": "(self, *, progress: 'ProgressOption' = False) -> '_BatchCollectionAsync[Properties]'",
    "_BatchCollectionWrapperAsync.fixed_size": "(self, batch_size: 'int' = 100, concurrent_requests: 'int' = 2, *, progress: 'ProgressOption' = False) -> '_BatchCollectionAsync[Properties]'",
    "_BatchCollectionWrapperAsync.rate_limit": "(self, requests_per_minute: 'int', *, progress: 'ProgressOption' = False) -> '_BatchCollectionAsync[Properties]'",
    "_BatchCollectionWrapperAsync.stream": "(self, *, concurrency: 'int | None' = None, progress: 'ProgressOption' = False) -> '_BatchCollectionAsync[Properties]'",
    "_BatchCollectionWrapperAsync.experimental": "(self, *, concurrency: 'int | None' = None) -> '_BatchCollectionAsync[Properties]'",
    "_BatchClientAsync.add_object": "(self, collection: 'str', properties: 'Mapping[str, Any] | None' = None, references: 'ReferenceInputs | None' = None, uuid: 'UUID | None' = None, vector: 'Any' = None, tenant: 'Any' = None) -> 'UUID'",
    "_BatchClientAsync._add_object_threadsafe": "(self, collection: 'str', properties: 'Mapping[str, Any] | None' = None, references: 'ReferenceInputs | None' = None, uuid: 'UUID | None' = None, vector: 'Any' = None, tenant: 'Any' = None) -> 'UUID'",
    "_BatchClientAsync.add_reference": "(self, from_uuid: 'UUID', from_collection: 'str', from_property: 'str', to: 'ReferenceInput | Sequence[UUID]', tenant: 'Any' = None) -> 'None'",
    "_BatchClientAsync._add_reference_threadsafe": "(self, from_uuid: 'UUID', from_collection: 'str', from_property: 'str', to: 'ReferenceInput | Sequence[UUID]', tenant: 'Any' = None) -> 'None'",
    "_BatchCollectionAsync.add_object": "(self, properties: 'Properties | None' = None, references: 'ReferenceInputs | None' = None, uuid: 'UUID | None' = None, vector: 'Any' = None) -> 'UUID'",
    "_BatchCollectionAsync._add_object_threadsafe": "(self, properties: 'Properties | None' = None, references: 'ReferenceInputs | None' = None, uuid: 'UUID | None' = None, vector: 'Any' = None) -> 'UUID'",
    "_BatchCollectionAsync.add_reference": "(self, from_uuid: 'UUID', from_property: 'str', to: 'ReferenceInput | Sequence[UUID]') -> 'None'",
    "_BatchCollectionAsync._add_reference_threadsafe": "(self, from_uuid: 'UUID', from_property: 'str', to: 'ReferenceInput | Sequence[UUID]') -> 'None'",
}


@pytest.mark.source_tree
def test_batch_table_methods_keep_their_signatures() -> None:
    from weaviate_async.collections.batch.base import _BatchClientAsync, _BatchCollectionAsync
    from weaviate_async.collections.batch.wrapper import (
        _BatchClientWrapperAsync,
        _BatchCollectionWrapperAsync,
    )

    classes = {
        cls.__name__: cls
        for cls in (
            _BatchClientAsync,
            _BatchCollectionAsync,
            _BatchClientWrapperAsync,
            _BatchCollectionWrapperAsync,
        )
    }
    for where, expected in _BATCH_SIGNATURES.items():
        cls_name, name = where.split(".")
        fn = getattr(classes[cls_name], name)
        assert str(inspect.signature(fn)) == expected, where
        assert fn.__doc__, where
        # the public add methods run on the loop; their blocking paths and the modes do not
        assert inspect.iscoroutinefunction(fn) == (name in ("add_object", "add_reference")), where
