"""Shared helpers of the parity tests: reading the installed official client and ours.

The official client (``weaviate``, 4.24.1) is imported for reading only. Module paths are
written as the official ones (``weaviate.classes.config``); :func:`ours` maps such a path to
the same path under ``weaviate_async`` or ``weaviate_sync``.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import inspect
import pkgutil
import typing
import warnings
from collections.abc import Iterable, Iterator, Mapping
from enum import Enum
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs

ABSENT: Any = object()
"""What :func:`get` gives for a name a module does not have."""
REQUIRED = "<required>"
"""A parameter without a default, in :func:`params`."""
FACTORY = "<factory>"
"""A parameter whose default is made by a factory (attrs, dataclasses), in :func:`params`."""

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


CONTEXT_DUNDERS = ("__enter__", "__exit__", "__aenter__", "__aexit__")


def public_static(cls: Any) -> dict[str, Any]:
    """The public members of a class as they are defined (``inspect.getattr_static``:
    properties stay properties), and its context-manager methods."""
    return {
        name: inspect.getattr_static(cls, name)
        for name in dir(cls)
        if not name.startswith("_") or name in CONTEXT_DUNDERS
    }


def shape(fn: Any, skip_self: bool = True) -> list[tuple[str, Any, Any]]:
    """``(name, kind, default)`` of each parameter of ``fn`` (without ``self``)."""
    parameters = list(inspect.signature(fn).parameters.values())
    if skip_self:
        parameters = parameters[1:]
    return [(p.name, p.kind, p.default) for p in parameters]


def official_names(module: ModuleType) -> list[str]:
    """The names a parity test compares in an official module: its ``__all__`` as written
    (private entries too), else the public names its own source defines."""
    names = getattr(module, "__all__", None)
    if names is not None:
        return list(names)
    return defined_names(module)


def default_of(value: Any) -> Any:
    """A parameter's default, comparable across the two clients: :data:`REQUIRED`,
    :data:`FACTORY`, an enum's value, or the value."""
    if value is inspect.Parameter.empty:
        return REQUIRED
    if value is attrs.NOTHING or value is dataclasses.MISSING or repr(value) == "<factory>":
        return FACTORY
    return value.value if isinstance(value, Enum) else value


def params(obj: Any, skip_self: bool = False) -> list[tuple[str, str, Any]] | None:
    """``(name, kind name, default)`` of each parameter (see :func:`default_of`), or None
    when ``obj`` has no signature."""
    try:
        parameters = list(inspect.signature(obj).parameters.values())
    except (TypeError, ValueError):
        return None
    if skip_self:
        parameters = parameters[1:]
    return [(p.name, p.kind.name, default_of(p.default)) for p in parameters]


def is_typeddict(obj: Any) -> bool:
    """``obj`` is a TypedDict class."""
    return isinstance(obj, type) and typing.is_typeddict(obj)


def is_namespace(cls: type) -> bool:
    """A class of factories (``Configure``, ``_Vectors`` ...), called through its members."""
    if cls.__init__ is not object.__init__:  # type: ignore[misc]
        return False
    public = [v for k, v in vars(cls).items() if not k.startswith("_")]
    return bool(public) and all(isinstance(v, staticmethod | classmethod | type) for v in public)


def nodes(path: str, official: Any, ours: Any) -> Iterator[tuple[str, Any, Any]]:
    """``(path, official, ours)`` for a name and, in classes, for their factories and nested
    classes (not in enums, exceptions and TypedDicts)."""
    yield path, official, ours
    if (
        not isinstance(official, type)
        or issubclass(official, Enum | BaseException)
        or is_typeddict(official)
    ):
        return
    for name, member in vars(official).items():
        if name.startswith("_") or not isinstance(member, staticmethod | classmethod | type):
            continue
        theirs = getattr(official, name)
        mine = get(ours, name) if ours is not ABSENT else ABSENT
        yield from nodes(f"{path}.{name}", theirs, mine)


def without_error_context(
    theirs: list[tuple[str, str, Any]], mine: list[tuple[str, str, Any]]
) -> list[tuple[str, str, Any]]:
    """An exception's parameters less the context this client adds after the official ones:
    keyword-only, with defaults (operation, target, status, server_message, field ...), so
    every call written for the official constructor works."""
    head = mine[: len(theirs)]
    extra = mine[len(theirs) :]
    if all(kind == "KEYWORD_ONLY" and default != REQUIRED for _, kind, default in extra):
        return head
    return mine


def difference(official: Any, ours: Any) -> str | None:
    """How ``ours`` differs from ``official``, or None: enum members, TypedDict keys, the
    parameters of classes and functions, the values of constants."""
    if ours is ABSENT:
        return "missing"
    if isinstance(official, type) and issubclass(official, Enum):
        theirs = {m.name: m.value for m in official}
        mine = {m.name: m.value for m in ours} if isinstance(ours, type) else None
        return None if theirs == mine else f"members {theirs} != {mine}"
    if is_typeddict(official):
        same = is_typeddict(ours) and set(official.__annotations__) == set(ours.__annotations__)
        return None if same else "TypedDict keys differ"
    if isinstance(official, type) and not isinstance(ours, type):
        return "not a class"
    if isinstance(official, type) and isinstance(ours, type) and is_namespace(official):
        return None  # its factories are compared one by one
    if callable(official) and (inspect.isclass(official) or inspect.isroutine(official)):
        theirs_p, mine_p = params(official), params(ours)
        if isinstance(official, type) and issubclass(official, BaseException) and mine_p:
            mine_p = without_error_context(theirs_p or [], mine_p)
        return None if theirs_p == mine_p else f"parameters\n  {theirs_p}\n  {mine_p}"
    if isinstance(official, int | float | str | bytes | dict | tuple | set | frozenset):
        return None if official == ours else f"value {official!r} != {ours!r}"
    return None  # a type alias or a TypeVar: its presence is what programs need


def _surface_pairs(
    modules: Mapping[str, str],
    moved: Mapping[str, tuple[str, Iterable[str]]] | None,
    exclude: Iterable[str],
) -> Iterator[tuple[str, str, str]]:
    skip = set(exclude)
    for official, ours in modules.items():
        for name in official_names(official_module(official)):
            if name not in skip:
                yield official, ours, name
    for official, (ours, names) in (moved or {}).items():
        for name in names:
            yield official, ours, name


def surface_names(
    modules: Mapping[str, str],
    moved: Mapping[str, tuple[str, Iterable[str]]] | None = None,
    exclude: Iterable[str] = (),
) -> list[tuple[str, str]]:
    """``(our module, name)`` for every name of the official ``modules`` (official path ->
    our path under the package), and the ``moved`` names (official module -> our module and
    the names it holds); names in ``exclude`` are left out."""
    return [(ours, name) for _, ours, name in _surface_pairs(modules, moved, exclude)]


def surface(
    modules: Mapping[str, str],
    moved: Mapping[str, tuple[str, Iterable[str]]] | None = None,
    exclude: Iterable[str] = (),
) -> list[tuple[str, Any, Any]]:
    """``(path, official, ours)`` of every name of :func:`surface_names` and its
    :func:`nodes`, ours read from ``weaviate_async``."""
    rows: list[tuple[str, Any, Any]] = []
    for official, ours, name in _surface_pairs(modules, moved, exclude):
        theirs = getattr(official_module(official), name)
        mine = get(importlib.import_module(f"weaviate_async.{ours}"), name)
        rows.extend(nodes(f"{ours}.{name}", theirs, mine))
    return rows


def is_real_reason(reason: str) -> bool:
    """A deviation's reason is a sentence, not a placeholder."""
    low = reason.lower()
    return len(reason) > 30 and "todo" not in low and "not done" not in low
