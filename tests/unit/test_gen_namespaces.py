"""tools/gen_namespaces.py: the client's generated namespaces are current, and each table entry
is a property of the client that builds its class on the client's connection."""

from __future__ import annotations

import functools
import importlib
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
TOOL = REPO / "tools" / "gen_namespaces.py"


def _tool() -> Any:
    sys.path.insert(0, str(TOOL.parent))  # the tool imports gen_search beside it
    try:
        return importlib.import_module("gen_namespaces")
    finally:
        sys.path.remove(str(TOOL.parent))


@pytest.mark.source_tree
def test_generated_namespaces_are_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(TOOL), "--check"], capture_output=True, text=True, cwd=REPO
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.source_tree
def test_every_namespace_is_built_on_the_clients_connection() -> None:
    gen_namespaces = _tool()
    from weaviate_async.client import WeaviateAsyncClient
    from weaviate_async.connect.params import ConnectionParams

    client = WeaviateAsyncClient(
        connection_params=ConnectionParams.from_url("http://localhost:8080", 50051)
    )
    for ns in gen_namespaces.NAMESPACES:
        assert isinstance(getattr(WeaviateAsyncClient, ns.name), functools.cached_property)
        made = getattr(client, ns.name)
        assert type(made) is getattr(importlib.import_module(ns.module), ns.cls)
        assert getattr(client, ns.name) is made  # made once


@pytest.mark.source_tree
def test_every_handle_namespace_is_made_once_on_the_handles_scope() -> None:
    gen_namespaces = _tool()
    from weaviate_async.client import WeaviateAsyncClient
    from weaviate_async.collections.collection import CollectionAsync
    from weaviate_async.connect.params import ConnectionParams

    client = WeaviateAsyncClient(
        connection_params=ConnectionParams.from_url("http://localhost:8080", 50051)
    )
    handle = client.collections.use("Article").with_tenant("t1")
    for ns in gen_namespaces.HANDLE_NAMESPACES:
        assert isinstance(getattr(CollectionAsync, ns.name), property)
        made = getattr(handle, ns.name)
        assert type(made) is getattr(importlib.import_module(ns.module), ns.cls)
        assert getattr(handle, ns.name) is made  # made once per handle
    assert handle.data._scope.tenant == "t1"
