"""tools/gen_methods.py: the generated backup methods are current, and each table method is a
method of its namespace with the table's parameters in the table's order."""

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
            assert len(typing.get_overloads(fn)) == len(method.overloads)
