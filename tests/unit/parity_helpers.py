"""Shared helpers of the parity tests: reading the installed official client and ours.

The official client (``weaviate``, 4.24.1) is imported for reading only. Module paths are
written as the official ones (``weaviate.classes.config``); :func:`ours` maps such a path to
the same path under ``weaviate_async`` or ``weaviate_sync``.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import warnings
from pathlib import Path
from types import ModuleType
from typing import Any

ABSENT: Any = object()
"""What :func:`get` gives for a name a module does not have."""

PACKAGES = ("weaviate_async", "weaviate_sync")


def official_module(path: str) -> ModuleType:
    """Import an official module quietly (its dependencies warn on import)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return importlib.import_module(path)


def official(path: str) -> Any:
    """The official object at ``module.name`` (the module is the longest importable prefix)."""
    parts = path.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        try:
            obj: Any = official_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for part in parts[cut:]:
            obj = getattr(obj, part)
        return obj
    raise ImportError(path)


def ours_path(path: str, package: str) -> str:
    """``weaviate.x.y`` -> ``<package>.x.y``."""
    head, _, rest = path.partition(".")
    assert head == "weaviate", path
    return f"{package}.{rest}" if rest else package


def ours(path: str, package: str) -> ModuleType | None:
    """Our module at the official module path, or None when there is none."""
    try:
        return importlib.import_module(ours_path(path, package))
    except ModuleNotFoundError as exc:
        if exc.name is not None and ours_path(path, package).startswith(exc.name):
            return None
        raise


def get(module: Any, name: str) -> Any:
    """``getattr`` that gives :data:`ABSENT` and hides deprecation warnings of aliases."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return getattr(module, name, ABSENT)


def walk_official(skip: tuple[str, ...] = ()) -> list[str]:
    """Every module of the official package, without private ones, ``weaviate.proto`` and the
    paths in ``skip`` (and their submodules); import failures are left to the caller."""
    root = official_module("weaviate")
    out: list[str] = []
    for info in pkgutil.walk_packages(root.__path__, "weaviate.", onerror=lambda _name: None):
        name = info.name
        if any(part.startswith("_") for part in name.split(".")):
            continue
        if name == "weaviate.proto" or name.startswith("weaviate.proto."):
            continue
        if any(name == s or name.startswith(s + ".") for s in skip):
            continue
        out.append(name)
    return sorted(out)


def defined_names(module: ModuleType) -> list[str]:
    """The public names a module's own source binds at top level (classes, functions,
    assignments and annotated assignments), in source order; imports are not counted."""
    source = Path(module.__file__).read_text() if module.__file__ else ""
    tree = ast.parse(source)
    out: list[str] = []
    for stmt in tree.body:
        if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            out.append(stmt.name)
        elif isinstance(stmt, ast.Assign):
            out.extend(t.id for t in stmt.targets if isinstance(t, ast.Name))
        elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
            out.append(stmt.target.id)
    return [n for n in dict.fromkeys(out) if not n.startswith("_")]


def module_names(module: ModuleType) -> list[str]:
    """The names a program may import from an official module: the public entries of its
    ``__all__`` when it has one, else the public names its own source defines."""
    names = getattr(module, "__all__", None)
    if names is not None:
        return [n for n in dict.fromkeys(names) if not n.startswith("_")]
    return defined_names(module)


def public_callables(cls: type) -> dict[str, Any]:
    """The public callable members of a class (methods, nested classes)."""
    return {
        name: member
        for name, member in inspect.getmembers(cls)
        if not name.startswith("_") and callable(member)
    }


def shape(fn: Any, skip_self: bool = True) -> list[tuple[str, Any, Any]]:
    """``(name, kind, default)`` of each parameter of ``fn`` (without ``self``)."""
    params = list(inspect.signature(fn).parameters.values())
    if skip_self:
        params = params[1:]
    return [(p.name, p.kind, p.default) for p in params]


def is_real_reason(reason: str) -> bool:
    """A deviation's reason is a sentence, not a placeholder."""
    low = reason.lower()
    return len(reason) > 30 and "todo" not in low and "not done" not in low
