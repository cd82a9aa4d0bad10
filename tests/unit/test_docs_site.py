"""The documentation's tooling: how the docs tests read a page's examples, how they point its
connections at a test server, and which modules the API reference covers."""

from __future__ import annotations

import ast
import importlib
import itertools
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.docs_blocks import blocks, page_server, pages, point_at_server

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

from docs_modules import NAMESPACES, public_modules  # noqa: E402

PAGE = """# A page

<!-- docs-server: auth -->
<!-- docs-setup
    client = make()
-->

```python
print(client)
```

- in a list:

    ```python
    x = 1
    ```

<!-- no-run: needs a cloud cluster and its key -->
```python
weaviate.connect_to_weaviate_cloud(URL)
```

```bash
pip install x
```

```python
--8<-- "docs/examples/app.py:section"
```

<!-- docs-teardown
client.close()
-->
"""


def test_blocks_of_a_page(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(PAGE)
    found = [(b.kind, b.code, b.reason) for b in blocks(page)]
    assert found == [
        ("setup", "client = make()", ""),
        ("example", "print(client)", ""),
        ("example", "x = 1", ""),
        ("no-run", "weaviate.connect_to_weaviate_cloud(URL)", "needs a cloud cluster and its key"),
        ("include", '--8<-- "docs/examples/app.py:section"', ""),
        ("teardown", "client.close()", ""),
    ]
    assert blocks(page)[1].line == 9  # the block's first line, for the traceback
    assert page_server(PAGE) == "auth"
    assert page_server("# no marker") == "server"


def _calls(tree: ast.Module) -> list[str]:
    return [ast.unparse(n) for n in ast.walk(tree) if isinstance(n, ast.Call)]


def test_local_connections_point_at_the_server() -> None:
    code = """
a = weaviate.connect_to_local()
b = use_async_with_local("localhost", 8080, grpc_port=50051, headers={"k": "v"})
c = weaviate.connect_to_embedded()
d = connect_to_embedded(version="1.30.0")
"""
    tree = point_at_server(code, host="127.0.0.1", port=1234, grpc_port=5678, version="1.39.3")
    assert _calls(tree) == [
        "weaviate.connect_to_local(host='127.0.0.1', port=1234, grpc_port=5678)",
        "use_async_with_local(headers={'k': 'v'}, host='127.0.0.1', port=1234, grpc_port=5678)",
        "weaviate.connect_to_embedded(version='1.39.3')",
        "connect_to_embedded(version='1.30.0')",
    ]


def test_positional_arguments_past_the_address_are_refused() -> None:
    with pytest.raises(ValueError, match="by keyword"):
        point_at_server(
            "connect_to_local('h', 1, 2, {'k': 'v'})", host="h", port=1, grpc_port=2, version="v"
        )


def test_every_page_is_read() -> None:
    names = {page.name for page in pages()}
    assert {"index.md", "migration.md", "batch.md", "README.md"} <= names


@pytest.mark.source_tree  # the site's reference is built from the source tree's modules
def test_reference_modules_mirror_each_other() -> None:
    async_modules = public_modules(ROOT, "weaviate_async")
    sync_modules = public_modules(ROOT, "weaviate_sync")
    assert [m.partition(".")[2] for m in async_modules] == [
        m.partition(".")[2] for m in sync_modules
    ]
    assert "weaviate_async.collections.query" in async_modules
    assert not [m for m in async_modules if ".wire" in m or ".proto" in m or "._" in m]
    for parent, child in itertools.pairwise(async_modules):
        assert parent.split(".") < child.split(".")  # parents before children


@pytest.mark.parametrize("attribute, path", NAMESPACES)
def test_reference_namespaces_exist(attribute: str, path: str) -> None:
    module, _, name = path.rpartition(".")
    assert hasattr(importlib.import_module(f"weaviate_async.{module}"), f"{name}Async")
    assert hasattr(importlib.import_module(f"weaviate_sync.{module}"), name)


def _link_names() -> Any:
    sys.path.insert(0, str(ROOT / "docs" / "_scripts"))
    return importlib.import_module("link_names")


GUIDE = """# Title

`Filter` and `Filter` again, `collection.with_tenant(...)`, `limit`, [`Filter`][x.Filter].

<!-- docs-setup
`Filter`
-->

```python
`Filter`
```

## Next section

`Filter`, `near_vector` (no namespace named yet).

<!-- link-members: collection.query -->
`near_vector`, `client.close()`.
"""


def test_guide_code_spans_become_references() -> None:
    table = {
        "Filter": "pkg.filters.Filter",
        "collection.with_tenant": "pkg.Collection.with_tenant",
        "collection.query.near_vector": "pkg.Query.near_vector",
        "client.close": "pkg.Client.close",
    }
    out = _link_names().link_code_spans(GUIDE, table).split("\n")
    # once per section; the call's arguments kept; plain names and links left alone
    assert out[2] == (
        "[`Filter`][pkg.filters.Filter] and `Filter` again, "
        "[`collection.with_tenant(...)`][pkg.Collection.with_tenant], `limit`, "
        "[`Filter`][x.Filter]."
    )
    assert out[5] == out[9] == "`Filter`"  # a hidden setup and a code block are code
    assert out[14] == "[`Filter`][pkg.filters.Filter], `near_vector` (no namespace named yet)."
    assert (
        out[17] == "[`near_vector`][pkg.Query.near_vector], [`client.close()`][pkg.Client.close]."
    )


@pytest.mark.source_tree  # the table is made from the source tree's modules
def test_guide_name_table() -> None:
    table = _link_names().name_table()
    assert table["Filter"] == "weaviate_async.classes.filters.Filter"
    assert table["Filter.by_property"] == "weaviate_async.classes.filters.Filter.by_property"
    assert table["collection.query.near_vector"] == (
        "weaviate_async.collections.query._QueryCollectionAsync.near_vector"
    )
    assert table["client.batch.dynamic"] == (
        "weaviate_async.collections.batch.wrapper._BatchClientWrapperAsync.dynamic"
    )
    # a model defined in models/ (no page) links to the official path that documents it
    assert table["BackupStorage"] == "weaviate_async.backup.backup.BackupStorage"
    assert table["Role"] == "weaviate_async.rbac.models.Role"
    # the blocking twins are documented in weaviate_sync
    assert table["Collection"] == "weaviate_sync.collections.collection.Collection"
    assert "Shard" not in table  # a batch shard and a cluster shard: no guess
