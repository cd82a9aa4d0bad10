"""The layers of weaviate_async, read from the source's imports (TYPE_CHECKING ones included).

Namespaces (the client, ``collections/`` and the admin packages) sit above ``wire/``; ``wire/``
above the models it reads and writes (``classes/``, ``models/``); ``models/`` above nothing of
the client but the validation kit. And the collection handle's namespaces take the type
variables they share from ``typevars.py``, not from the handle (which imports them): no circle.
No two modules import each other, directly or round a loop, even from inside a function.
"""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "weaviate_async"

# The installed-wheel run has no source tree next to the tests, and deselects these.
pytestmark = pytest.mark.source_tree

#: packages and modules that hold namespaces (what calls the server)
NAMESPACES = (
    "weaviate_async.client",
    "weaviate_async.collections",
    "weaviate_async.aliases",
    "weaviate_async.backup",
    "weaviate_async.cluster",
    "weaviate_async.debug",
    "weaviate_async.export",
    "weaviate_async.groups",
    "weaviate_async.rbac",
    "weaviate_async.tokenization",
    "weaviate_async.users",
)


def _imports(path: Path) -> set[str]:
    """The weaviate_async modules ``path`` imports, anywhere in the file."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.split(".")[0] == "weaviate_async"}


def _under(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def _violations(folder: str, allowed: tuple[str, ...]) -> list[str]:
    return [
        f"{path.relative_to(PACKAGE.parent)} imports {name}"
        for path in sorted((PACKAGE / folder).rglob("*.py"))
        for name in sorted(_imports(path))
        if not _under(name, allowed)
    ]


def test_wire_imports_no_namespace() -> None:
    allowed = (
        "weaviate_async.wire",
        "weaviate_async.classes",
        "weaviate_async.models",
        "weaviate_async.proto",
        "weaviate_async.exceptions",
        "weaviate_async._validate",
        "weaviate_async.types",
        "weaviate_async.typevars",
    )
    assert not any(_under(a, NAMESPACES) for a in allowed)
    assert _violations("wire", allowed) == []


def test_models_sit_below_everything_else() -> None:
    allowed = ("weaviate_async.models", "weaviate_async._validate", "weaviate_async.exceptions")
    assert (PACKAGE / "models" / "scope.py").is_file()
    assert _violations("models", allowed) == []


def test_classes_import_no_wire_and_no_namespace() -> None:
    bad = [
        f"{path.name} imports {name}"
        for path in sorted((PACKAGE / "classes").rglob("*.py"))
        for name in _imports(path)
        if _under(name, (*NAMESPACES, "weaviate_async.wire"))
    ]
    assert bad == []


def test_the_handles_namespaces_do_not_import_the_handle() -> None:
    handle = "weaviate_async.collections.collection"
    users = [
        path.relative_to(PACKAGE.parent)
        for path in sorted((PACKAGE / "collections").rglob("*.py"))
        # _collections_methods.py is the generated public half of collections.py
        if path.name
        not in ("collection.py", "collections.py", "_collections_methods.py", "__init__.py")
        and handle in _imports(path)
    ]
    assert users == []
    assert "weaviate_async.collections" not in str(_imports(PACKAGE / "typevars.py"))


def _module_names() -> dict[str, Path]:
    names: dict[str, Path] = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def _module_imports(path: Path, names: dict[str, Path]) -> set[str]:
    """The modules of the package ``path`` imports anywhere (a function's body included), with
    ``from package import module`` taken as an import of that module."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.add(sub if sub in names else node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found & names.keys()


def test_no_import_circle() -> None:
    names = _module_names()
    graph = {name: _module_imports(path, names) - {name} for name, path in names.items()}
    try:
        graphlib.TopologicalSorter(graph).prepare()
    except graphlib.CycleError as err:
        pytest.fail(f"modules import each other: {' -> '.join(err.args[1])}")


def test_no_import_circle_is_found_where_there_is_one(tmp_path: Path) -> None:
    names = {"weaviate_async.a": tmp_path / "a.py", "weaviate_async.b": tmp_path / "b.py"}
    names["weaviate_async.a"].write_text("from weaviate_async import b\n")
    names["weaviate_async.b"].write_text("def f():\n    from weaviate_async.a import x\n")
    graph = {name: _module_imports(path, names) for name, path in names.items()}
    assert graph == {
        "weaviate_async.a": {"weaviate_async.b"},
        "weaviate_async.b": {"weaviate_async.a"},
    }
    with pytest.raises(graphlib.CycleError):
        graphlib.TopologicalSorter(graph).prepare()
