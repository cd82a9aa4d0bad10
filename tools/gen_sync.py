"""Generate ``weaviate_sync``, the blocking twin of ``weaviate_async``, and the blocking twins
of the async test modules that ask for one.

Usage::

    python tools/gen_sync.py            # (re)write weaviate_sync/ and the generated tests
    python tools/gen_sync.py --check    # exit 1 naming stale, missing or extra files, and notes
    python tools/gen_sync.py --bench    # the cost of one hop onto the loop thread

Nothing is imported to generate the facade classes: the source is parsed with :mod:`ast` and
signatures, annotations and docstrings are copied textually (``ast.unparse``) with their names
rewritten. A package's ``__all__`` that is not a literal is the one exception: the package is
imported to read it. The runtime is :mod:`weaviate_async._loop_thread` (``LoopThread``).

The rules (see README / docs/sync.md for the reasoning):

* A *facade class* is a class marked ``@twin`` (``weaviate_async._twin``; the decorator is
  resolved by name through the module's imports, also as ``@_twin.twin``). Its *twin* is
  named ``@twin(name=...)`` or the class name without "Async", lives in the mirror module
  under ``weaviate_sync``, keeps the facade's type parameters, holds the async instance
  (``_impl``) and the ``LoopThread`` (``_loop``), and gets one explicit method per public
  member of the facade (and of its bases in ``weaviate_async``, marked or not):

  - ``async def m`` -> ``def m`` (same parameters, defaults, annotations, docstring) running
    the coroutine on the loop, one hop per call;
  - ``@sync_via("m_threadsafe")`` on an ``async def``: the twin keeps the signature and the
    docstring but calls the plain, thread-safe ``self._impl.m_threadsafe(...)`` in the caller's
    thread, without a hop (it must be a plain ``def`` of the class or its bases, accepting the
    same arguments);
  - async iterators: an async generator, a member returning ``AsyncIterator`` /
    ``AsyncIterable`` / ``AsyncGenerator``, and ``__aiter__`` become generators (one hop per
    item, ``send`` forwarded, the async iterator closed on the loop when left early);
    ``__anext__`` becomes ``__next__``;
  - async context managers, entered and exited in ONE task on the loop (task groups and cancel
    scopes opened in ``__aenter__`` are left in their task; the ``with`` block's exception is
    re-raised inside the ``async with``): ``__aenter__``/``__aexit__`` become
    ``__enter__``/``__exit__`` (a twin whose ``__aenter__`` returns self gives itself); an
    ``@contextlib.asynccontextmanager`` method, and a plain or async method returning
    ``AbstractAsyncContextManager[X]`` / ``AsyncContextManager[X]``, return a blocking
    context manager (``AbstractContextManager[X]``); a method returning a twinned class that is
    an async context manager returns its twin, itself a context manager;
  - callbacks: a parameter ``Callable[..., Awaitable[X]]`` / ``Callable[..., Coroutine[Any,
    Any, X]]`` (or that ``| None``) is annotated ``Callable[..., X]`` and the user's blocking
    callable is handed to the async code as a coroutine function running it in a worker thread
    (it may call the blocking client);
  - plain ``def``, ``@property`` (and ``cached_property``), property setters, ``staticmethod``
    and a few dunders (``__repr__``, ``__len__``, ...) pass through; an async ``length()``
    also gives ``__len__``;
  - results whose annotation names a facade class (also ``X | None``, ``list[X]``,
    ``dict[K, X]``, iterators and async context managers of X, ``Self``) are wrapped in the
    twin; a property's (or public attribute's) twin is cached in a slot and given again while
    the async object is the same; parameters annotated with a facade class are unwrapped;
  - annotations: facade -> twin, ``AsyncIterator`` -> ``Iterator``, ``AsyncIterable`` ->
    ``Iterable``, ``AsyncGenerator[Y, S]`` -> ``Generator[Y, S, None]``, ``Awaitable[X]`` and
    ``Coroutine[A, B, X]`` -> ``X``, ``AbstractAsyncContextManager`` -> ``AbstractContextManager``;
  - docstrings speak to a blocking user: twinned class names renamed, ``await``, ``async
    with``, ``async for`` made blocking, ``use_async_with_x(`` -> ``connect_to_x(``,
    ``weaviate_async.<mirrored module>`` -> ``weaviate_sync...``;
  - private members (leading underscore) are not copied.

* What cannot be translated is an error (``GenError``: an async type nested where it cannot be
  adapted, a wrong ``@sync_via``, half an async context manager ...) or a *note* (a public
  attribute without annotation, an unknown decorator, a dunder or classmethod not copied):
  notes make ``--check`` (and a write) exit 1, so none stays in the sources.
* The *root* facade (``@twin(root=True)``: the client) keeps its constructor signature: the
  twin's ``__init__`` builds a private LoopThread and the async client; ``close()`` and
  ``__exit__`` also stop and join the loop thread.
* A module-level ``async def`` returning a root facade (``connect_to_*``) becomes a function
  that starts a fresh LoopThread, runs the coroutine there and returns the twin owning it.
  Other module-level ``async def`` run on a temporary LoopThread. Everything else is
  re-exported unchanged (the objects are identical).
* Modules without facade classes become thin re-export modules; packages become lazy
  (module ``__getattr__``) like their async originals, so ``import weaviate_sync`` is cheap.
* Tests: an async test module under ``tests/`` with a top-level
  ``__sync_twin__ = "tests/<dir>/<name>.py"`` gets that blocking twin, generated by edits of
  its text (comments kept): ``async def`` -> ``def``, ``await`` dropped, ``async with`` /
  ``async for`` (also in comprehensions) -> ``with`` / ``for``, ``weaviate_async`` ->
  ``weaviate_sync`` (twinned names renamed, ``use_async_with_x`` -> ``connect_to_x``),
  ``anext`` / ``aiter`` / ``StopAsyncIteration`` -> ``next`` / ``iter`` / ``StopIteration``,
  ``@pytest.mark.asyncio`` dropped, and the parameters of tests and fixtures named ``client``
  -> ``sync_client``, ``<x>_client`` -> ``sync_<x>_client`` (the fixtures in tests/conftest.py).
  Plain ``def test_*`` of the module (sync already) are left out; ``asyncio``/``anyio`` in the
  module is an error. ``--check`` covers the generated tests like the package.
"""

from __future__ import annotations

import argparse
import ast
import copy
import difflib
import importlib
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SRC_PACKAGE = "weaviate_async"
DST_PACKAGE = "weaviate_sync"
RUNTIME_MODULE = "weaviate_async._loop_thread"
MARKER_MODULE = "weaviate_async._twin"
"""Where ``@twin`` and ``@sync_via`` live; a generated package may also have its own ``_twin``."""
NOT_MIRRORED = (
    "weaviate_async.demo",
    "weaviate_async.wire",
    "weaviate_async.connect.connection",
    "weaviate_async.connect.errors",
    "weaviate_async.connect.grpc_proxy",
    "weaviate_async.connect.grpcio_channel",
    "weaviate_async.connect.grpcio_stream",
    "weaviate_async.connect.oidc",
    "weaviate_async.connect.retry",
    "weaviate_async.connect.rpc",
    "weaviate_async.collections.batch.engine",
    "weaviate_async.collections.batch.ledger",
    "weaviate_async.collections.batch.queue",
    "weaviate_async.collections.batch.sizing",
    "weaviate_async.collections.batch.stream",
    "weaviate_async.collections.batch.transport",
)
"""Public-looking modules that are no API (a script, the pure wire layer, the transport's and
the batch engine's internals, whose coroutines are only meaningful on the client's own loop):
no twin file."""
EXCLUDED = ("weaviate_async.proto", "weaviate_async._loop_thread")

PASS_THROUGH_DUNDERS = frozenset(
    {"__repr__", "__str__", "__len__", "__bool__", "__contains__", "__getitem__", "__format__"}
)
ASYNC_DUNDERS = {
    "__aenter__": "__enter__",
    "__aexit__": "__exit__",
    "__aiter__": "__iter__",
    "__anext__": "__next__",
}
KEPT_DECORATORS = frozenset({"overload", "property", "cached_property", "staticmethod"})
ASYNC_CONTEXT_MANAGER_DECORATORS = frozenset({"contextlib.asynccontextmanager"})

# async typing constructs -> (module, sync name)
ASYNC_TYPES = {
    "AsyncIterator": ("collections.abc", "Iterator"),
    "AsyncIterable": ("collections.abc", "Iterable"),
    "AsyncGenerator": ("collections.abc", "Generator"),
    "AsyncContextManager": ("contextlib", "AbstractContextManager"),
    "AbstractAsyncContextManager": ("contextlib", "AbstractContextManager"),
}
UNWRAPPED_TYPES = frozenset({"Awaitable", "Coroutine"})
ITERATOR_TYPES = frozenset({"AsyncIterator", "AsyncIterable", "AsyncGenerator"})
CONTEXT_TYPES = frozenset({"AsyncContextManager", "AbstractAsyncContextManager"})
TYPING_MODULES = frozenset({"typing", "typing_extensions", "collections.abc", "contextlib"})
BUILTINS = frozenset(dir(__import__("builtins")))


class GenError(Exception):
    """The source does not follow the conventions the generator relies on."""


# --------------------------------------------------------------------------- source model


@dataclass(frozen=True)
class Binding:
    kind: str  # "from" | "import" | "local"
    module: str  # the module imported from / imported / defining
    attr: str | None = None  # for "from": the imported name
    type_only: bool = False


@dataclass
class Module:
    name: str
    path: Path
    source: str
    tree: ast.Module
    is_package: bool
    bindings: dict[str, Binding] = field(default_factory=dict)
    classes: dict[str, ast.ClassDef] = field(default_factory=dict)
    functions: dict[str, ast.FunctionDef | ast.AsyncFunctionDef] = field(default_factory=dict)
    typevars: set[str] = field(default_factory=set)

    @property
    def public(self) -> bool:
        return not any(
            part.startswith("_") for part in self.name.split(".")[1:] if part != "__init__"
        )

    @property
    def package(self) -> str:
        return self.name if self.is_package else self.name.rpartition(".")[0]


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _top_level(body: list[ast.stmt], type_only: bool = False) -> Iterator[tuple[ast.stmt, bool]]:
    for stmt in body:
        if isinstance(stmt, ast.If):
            inner = type_only or _is_type_checking(stmt.test)
            yield from _top_level(stmt.body, inner)
            yield from _top_level(stmt.orelse, type_only)
        elif isinstance(stmt, ast.Try):
            yield from _top_level(stmt.body, type_only)
            for handler in stmt.handlers:
                yield from _top_level(handler.body, type_only)
        else:
            yield stmt, type_only


def load_module(name: str, path: Path) -> Module:
    source = path.read_text()
    tree = ast.parse(source, filename=str(path))
    mod = Module(name, path, source, tree, path.name == "__init__.py")
    for stmt, type_only in _top_level(tree.body):
        if isinstance(stmt, ast.Import):
            for alias in stmt.names:
                if alias.asname:
                    mod.bindings[alias.asname] = Binding("import", alias.name, None, type_only)
                else:
                    top = alias.name.split(".")[0]
                    mod.bindings.setdefault(top, Binding("import", alias.name, None, type_only))
        elif isinstance(stmt, ast.ImportFrom):
            base = stmt.module or ""
            if stmt.level:
                parts = mod.package.split(".")
                parts = parts[: len(parts) - stmt.level + 1]
                base = ".".join([*parts, base] if base else parts)
            for alias in stmt.names:
                if alias.name == "*":
                    continue
                mod.bindings[alias.asname or alias.name] = Binding(
                    "from", base, alias.name, type_only
                )
        elif isinstance(stmt, ast.ClassDef):
            mod.classes[stmt.name] = stmt
            mod.bindings[stmt.name] = Binding("local", name)
        elif isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
            mod.functions.setdefault(stmt.name, stmt)
            mod.bindings[stmt.name] = Binding("local", name)
        elif isinstance(stmt, ast.Assign | ast.AnnAssign):
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    mod.bindings[target.id] = Binding("local", name)
                    value = stmt.value
                    if isinstance(value, ast.Call) and _last_name(value.func) in (
                        "TypeVar",
                        "ParamSpec",
                        "TypeVarTuple",
                    ):
                        mod.typevars.add(target.id)
    return mod


def _last_name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def literal_all(mod: Module) -> list[str] | None:
    """The module's ``__all__`` when it is a literal, else None (absent or computed)."""
    for stmt, _ in _top_level(mod.tree.body):
        if isinstance(stmt, ast.Assign | ast.AnnAssign):
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
                try:
                    return list(ast.literal_eval(stmt.value))  # type: ignore[arg-type]
                except ValueError:
                    return None
    return None


def has_all(mod: Module) -> bool:
    return "__all__" in mod.bindings


class Tree:
    """Every module of the source package, parsed."""

    def __init__(
        self,
        root: Path,
        package: str = SRC_PACKAGE,
        target: str = DST_PACKAGE,
        excluded: Iterable[str] = EXCLUDED,
    ) -> None:
        self.root = root
        self.package = package
        self.target = target
        self.modules: dict[str, Module] = {}
        excluded = tuple(excluded)
        for path in sorted((root / package).rglob("*.py")):
            rel = path.relative_to(root).with_suffix("")
            parts = list(rel.parts)
            if parts[-1] == "__init__":
                parts.pop()
            name = ".".join(parts)
            if any(name == e or name.startswith(e + ".") for e in excluded):
                continue
            self.modules[name] = load_module(name, path)
        self.markers = frozenset({MARKER_MODULE, f"{package}._twin"})
        self.facades: dict[tuple[str, str], str] = {}  # (module, class) -> twin name
        self.roots: set[tuple[str, str]] = set()
        for mod in self.modules.values():
            twins: dict[str, str] = {}
            for cname, cls in mod.classes.items():
                spec = self.twin_spec(mod.name, cls)
                if spec is None:
                    continue
                name, root = spec
                if name in twins:
                    raise GenError(
                        f"{mod.name}: {twins[name]} and {cname} would both be twinned as {name}"
                    )
                twins[name] = cname
                self.facades[(mod.name, cname)] = name
                if root:
                    self.roots.add((mod.name, cname))

    # -- names

    def qualname(self, module: str, node: ast.expr) -> str | None:
        """The dotted name ``node`` (a name or attribute chain) stands for, seen from
        ``module``, following imports and re-exports inside the tree: what a decorator is."""
        if isinstance(node, ast.Name):
            return self._qualified(module, node.id, 0)
        if isinstance(node, ast.Attribute):
            base = self.qualname(module, node.value)
            return None if base is None else f"{base}.{node.attr}"
        return None

    def _qualified(self, module: str, name: str, depth: int) -> str | None:
        mod = self.modules.get(module)
        if mod is None or depth > 20:
            return f"{module}.{name}"
        binding = mod.bindings.get(name)
        if binding is None:
            return None
        if binding.kind == "local":
            return f"{module}.{name}"
        if binding.kind == "import":
            return name if binding.module.split(".")[0] == name else binding.module
        assert binding.attr is not None
        if binding.module in self.modules:
            found = self._qualified(binding.module, binding.attr, depth + 1)
            if found is not None:
                return found
        return f"{binding.module}.{binding.attr}"

    def is_marker(self, module: str, node: ast.expr, marker: str) -> bool:
        """Whether ``node`` (a decorator, or its call) is ``marker`` of the markers module."""
        target = node.func if isinstance(node, ast.Call) else node
        qualname = self.qualname(module, target)
        return qualname is not None and any(qualname == f"{m}.{marker}" for m in self.markers)

    def twin_spec(self, module: str, cls: ast.ClassDef) -> tuple[str, bool] | None:
        """``(twin name, root)`` when ``cls`` is marked ``@twin``, else None."""
        for dec in cls.decorator_list:
            if not self.is_marker(module, dec, "twin"):
                continue
            name = cls.name.replace("Async", "")
            root = False
            if isinstance(dec, ast.Call):
                if dec.args:
                    raise GenError(f"{module}.{cls.name}: @twin takes keyword arguments only")
                for kw in dec.keywords:
                    try:
                        value = ast.literal_eval(kw.value)
                    except ValueError:
                        value = None
                    if kw.arg == "name" and isinstance(value, str) and value.isidentifier():
                        name = value
                    elif kw.arg == "root" and isinstance(value, bool):
                        root = value
                    else:
                        raise GenError(
                            f"{module}.{cls.name}: @twin({kw.arg}=...) must be name=<identifier "
                            "literal> or root=<bool literal>"
                        )
            if name == cls.name:
                raise GenError(
                    f"{module}.{cls.name}: the twin needs a name of its own: give "
                    "@twin(name=...) (the default drops 'Async' from the class name)"
                )
            return name, root
        return None

    def resolve(self, module: str, name: str, depth: int = 0) -> tuple[str, str] | None:
        """Where ``name`` as seen in ``module`` is defined: (module, name) in the tree, or None."""
        mod = self.modules.get(module)
        if mod is None or depth > 20:
            return None
        binding = mod.bindings.get(name)
        if binding is None:
            return None
        if binding.kind == "local":
            return (module, name)
        if binding.kind == "from" and binding.attr is not None:
            return self.resolve(binding.module, binding.attr, depth + 1)
        return None

    def module_of(self, node: ast.AST, default: Module) -> Module:
        """The module whose source holds ``node`` (a class or function definition)."""
        owners = getattr(self, "_owners", None)
        if owners is None:
            owners = self._owners = {
                id(sub): mod
                for mod in self.modules.values()
                for sub in ast.walk(mod.tree)
                if isinstance(sub, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            }
        found: Module = owners.get(id(node), default)
        return found

    def mirrored(self, mod: Module) -> bool:
        """Whether ``mod`` gets a file in the twin package."""
        name = mod.name
        if any(name == n or name.startswith(n + ".") for n in NOT_MIRRORED):
            return False
        return self.has_twins(mod) or mod.public or name == self.package

    def sync_module_name(self, dotted: str) -> str:
        """``weaviate_async.a.b.C`` as a blocking user imports it: ``weaviate_sync.a.b.C``
        when ``weaviate_async.a.b`` has a twin module, else unchanged."""
        parts = dotted.split(".")
        for end in range(len(parts), 0, -1):
            mod = self.modules.get(".".join(parts[:end]))
            if mod is not None:
                if not self.mirrored(mod):
                    return dotted
                return ".".join([self.twin_module(mod.name), *parts[end:]])
        return dotted

    def rename_facades(self, text: str) -> str:
        """Twinned class names in ``text`` replaced by their twins' names."""
        pattern = getattr(self, "_facade_re", None)
        if pattern is None:
            names = sorted({re.escape(n) for (_, n) in self.facades}, key=lambda n: (-len(n), n))
            pattern = self._facade_re = (
                re.compile(r"\b(" + "|".join(names) + r")\b") if names else re.compile(r"(?!)")
            )
            self._facade_names = {n: t for (_, n), t in self.facades.items()}
        return pattern.sub(lambda m: self._facade_names[m.group(1)], text)

    def typing_name(self, module: str, node: ast.expr) -> str | None:
        """The name of the typing construct ``node`` stands for (``AsyncIterator``,
        ``Awaitable``, ``Callable`` ...), when it comes from a typing module."""
        qualname = self.qualname(module, node)
        if qualname is None:
            return None
        origin, _, attr = qualname.rpartition(".")
        return attr if origin in TYPING_MODULES else None

    def facade_of(self, module: str, name: str) -> tuple[str, str] | None:
        where = self.resolve(module, name)
        return where if where in self.facades else None

    def class_def(self, where: tuple[str, str]) -> ast.ClassDef | None:
        mod = self.modules.get(where[0])
        return mod.classes.get(where[1]) if mod else None

    def is_typevar(self, module: str, name: str) -> bool:
        where = self.resolve(module, name)
        return where is not None and where[1] in self.modules[where[0]].typevars

    def twin_module(self, module: str) -> str:
        return self.target + module[len(self.package) :]

    def has_twins(self, mod: Module) -> bool:
        return any(m == mod.name for m, _ in self.facades) or any(
            self.converted_function(mod, f) for f in mod.functions.values()
        )

    def converted_function(self, mod: Module, fn: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
        return isinstance(fn, ast.AsyncFunctionDef) and not fn.name.startswith("_")


# --------------------------------------------------------------------------- imports of a twin


class Imports:
    """The imports a generated module needs: runtime ones, and ones only for type checking."""

    def __init__(self, module: str) -> None:
        self.module = module
        self.names: dict[str, tuple[str, str | None, str]] = {}  # bound name -> spec
        self.runtime: set[str] = set()

    def need(self, bound: str, kind: str, module: str, attr: str | None, runtime: bool) -> None:
        spec = (kind, attr, module)
        if kind == "from" and module == self.module:
            return  # defined here
        old = self.names.get(bound)
        if old is not None and old != spec:
            if old[0] == "import" and kind == "import":  # import a.b and import a.c: both bind a
                extra = f"__import__{module}"
                self.names[extra] = spec
                if runtime:
                    self.runtime.add(extra)
                return
            raise GenError(f"{self.module}: name {bound!r} would be imported from two places")
        self.names[bound] = spec
        if runtime:
            self.runtime.add(bound)

    def render(self) -> str:
        runtime: list[str] = []
        typing_only: list[str] = []
        for bound, (kind, attr, module) in sorted(self.names.items()):
            if kind == "import":
                line = f"import {module}"
                if not bound.startswith("__import__") and bound != module.split(".")[0]:
                    line += f" as {bound}"
            else:
                line = f"from {module} import {attr}"
                if attr != bound:
                    line += f" as {bound}"
            (runtime if bound in self.runtime else typing_only).append(line)
        out = ["from __future__ import annotations", ""]
        if typing_only:
            runtime.append("from typing import TYPE_CHECKING")
        out.extend(sorted(set(runtime)))
        if typing_only:
            out.append("")
            out.append("if TYPE_CHECKING:")
            out.extend("    " + line for line in sorted(set(typing_only)))
        return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- expression rewriting


class Rewriter:
    """Rewrites expressions copied from a source module into a twin module, noting imports."""

    def __init__(self, tree: Tree, imports: Imports, twin_module: str) -> None:
        self.tree = tree
        self.imports = imports
        self.twin_module = twin_module

    def twin_ref(self, facade: tuple[str, str], runtime: bool) -> str:
        twin_name = self.tree.facades[facade]
        module = self.tree.twin_module(facade[0])
        self.imports.need(twin_name, "from", module, twin_name, runtime)
        return twin_name

    def source_ref(self, module: str, name: str, runtime: bool) -> str:
        """Import ``name`` as bound in source ``module`` (a class, alias, TypeVar...)."""
        self._need_name(module, name, runtime)
        return name

    def _need_name(self, module: str, name: str, runtime: bool) -> None:
        mod = self.tree.modules[module]
        binding = mod.bindings.get(name)
        if binding is None:
            if name in BUILTINS:
                return
            raise GenError(f"{module}: cannot resolve name {name!r} used in a signature")
        if binding.kind == "local":
            self.imports.need(name, "from", module, name, runtime)
        elif binding.kind == "from":
            self.imports.need(name, "from", binding.module, binding.attr, runtime)
        else:
            self.imports.need(name, "import", binding.module, None, runtime)

    def expr(
        self,
        node: ast.expr,
        module: str,
        *,
        runtime: bool,
        subst: dict[str, ast.expr] | None = None,
        annotation: bool = True,
    ) -> ast.expr:
        rewriter = _ExprRewriter(self, module, runtime, subst or {}, annotation)
        result: ast.expr = rewriter.visit(copy.deepcopy(node))
        return result


class _ExprRewriter(ast.NodeTransformer):
    def __init__(
        self,
        rw: Rewriter,
        module: str,
        runtime: bool,
        subst: dict[str, ast.expr],
        annotation: bool,
    ) -> None:
        self.annotation = annotation
        self.rw = rw
        self.module = module
        self.runtime = runtime
        self.subst = subst

    def _async_type(self, node: ast.expr) -> str | None:
        """The async typing construct ``node`` names (AsyncIterator, Awaitable, ...), if any."""
        name = _last_name(node)
        if name is None or (name not in ASYNC_TYPES and name not in UNWRAPPED_TYPES):
            return None
        kind = self.rw.tree.typing_name(self.module, node)
        return kind if kind in ASYNC_TYPES or kind in UNWRAPPED_TYPES else None

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        # a quoted annotation: rewrite its content, unquoted
        if self.annotation and isinstance(node.value, str):
            try:
                inner = ast.parse(node.value, mode="eval").body
            except SyntaxError:
                return node
            return self._v(inner)
        return node

    def _v(self, node: ast.expr) -> ast.expr:
        result: ast.expr = self.visit(node)
        return result

    def visit_Subscript(self, node: ast.Subscript) -> ast.AST:
        kind = self._async_type(node.value)
        if kind is not None:
            args = list(node.slice.elts) if isinstance(node.slice, ast.Tuple) else [node.slice]
            if kind == "Awaitable":
                return self._v(args[0])
            if kind == "Coroutine":
                return self._v(args[-1])
            module, sync = ASYNC_TYPES[kind]
            self.rw.imports.need(sync, "from", module, sync, self.runtime)
            new_args = [self.visit(a) for a in args]
            if kind == "AsyncGenerator":
                while len(new_args) < 2:
                    new_args.append(ast.Constant(None))
                new_args.append(ast.Constant(None))
            slice_: ast.expr = (
                ast.Tuple(elts=new_args, ctx=ast.Load()) if len(new_args) > 1 else new_args[0]
            )
            return ast.Subscript(value=ast.Name(sync, ast.Load()), slice=slice_, ctx=ast.Load())
        head = _last_name(node.value)
        node.value = self.visit(node.value)
        if head == "Literal":  # its strings are values, not quoted annotations
            return node
        if head == "Annotated" and isinstance(node.slice, ast.Tuple):
            node.slice.elts[0] = self.visit(node.slice.elts[0])
            return node
        node.slice = self.visit(node.slice)
        return node

    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:
        kind = self._async_type(node)
        if kind is not None and kind in ASYNC_TYPES:
            module, sync = ASYNC_TYPES[kind]
            self.rw.imports.need(sync, "from", module, sync, self.runtime)
            return ast.Name(sync, ast.Load())
        # a dotted name: import its root
        root = node
        while isinstance(root, ast.Attribute):
            root = root.value  # type: ignore[assignment]
        if isinstance(root, ast.Name):
            self.visit(root)
        return node

    def visit_Name(self, node: ast.Name) -> ast.AST:
        if node.id in self.subst:
            return copy.deepcopy(self.subst[node.id])
        kind = self._async_type(node)
        if kind is not None and kind in ASYNC_TYPES:
            module, sync = ASYNC_TYPES[kind]
            self.rw.imports.need(sync, "from", module, sync, self.runtime)
            return ast.Name(sync, ast.Load())
        facade = self.rw.tree.facade_of(self.module, node.id)
        if facade is not None:
            return ast.Name(self.rw.twin_ref(facade, self.runtime), ast.Load())
        self.rw._need_name(self.module, node.id, self.runtime)
        return node


# --------------------------------------------------------------------------- class twins


@dataclass
class Member:
    name: str
    module: str  # where it is defined (its names resolve there)
    defs: list[ast.FunctionDef | ast.AsyncFunctionDef]
    subst: dict[str, ast.expr]
    attr_annotation: ast.expr | None = None  # a public instance attribute


def _decorator_names(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> list[str]:
    out = []
    for dec in fn.decorator_list:
        target = dec.func if isinstance(dec, ast.Call) else dec
        if isinstance(target, ast.Attribute) and target.attr in ("setter", "deleter"):
            out.append(target.attr)
        else:
            out.append(_last_name(target) or "")
    return out


def _is_generator(fn: ast.AsyncFunctionDef | ast.FunctionDef) -> bool:
    class Finder(ast.NodeVisitor):
        found = False

        def visit_Yield(self, node: ast.Yield) -> None:
            self.found = True

        def visit_YieldFrom(self, node: ast.YieldFrom) -> None:
            self.found = True

        def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
            pass

        def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> None:
            pass

        def visit_Lambda(self, node: ast.Lambda) -> None:
            pass

    finder = Finder()
    for stmt in fn.body:
        finder.visit(stmt)
    return finder.found


@dataclass
class Adapter:
    """How a value of the async API becomes the twin's value: ``build(expr)`` is the
    expression (``Twin(expr, self._loop)``, ``self._loop.iterate(expr)``, ...)."""

    build: Callable[[str], str]
    repeats: bool = False  # ``build`` uses its argument twice: give the value a name first
    construct: Callable[[str], str] | None = None  # a plain twin (X or X | None): cacheable
    optional: bool = False
    facade: tuple[str, str] | None = None  # the async class ``construct`` wraps


def _unquote(ann: ast.expr) -> ast.expr:
    if isinstance(ann, ast.Constant) and isinstance(ann.value, str):
        try:
            return ast.parse(ann.value, mode="eval").body
        except SyntaxError:
            return ann
    return ann


def _args(node: ast.Subscript) -> list[ast.expr]:
    return list(node.slice.elts) if isinstance(node.slice, ast.Tuple) else [node.slice]


def _result_lines(adapter: Adapter | None, expr: str) -> list[str]:
    if adapter is None:
        return [f"return {expr}"]
    if adapter.repeats:
        return [f"_r = {expr}", f"return {adapter.build('_r')}"]
    return [f"return {adapter.build(expr)}"]


class ClassGen:
    def __init__(self, gen: ModuleGen, where: tuple[str, str]) -> None:
        self.gen = gen
        self.tree = gen.tree
        self.rw = gen.rw
        self.where = where
        cls = self.tree.class_def(where)
        if cls is None:
            raise GenError(f"{where[0]}: no class {where[1]}")
        self.cls: ast.ClassDef = cls
        self.twin = self.tree.facades[where]
        self.is_root = where in self.tree.roots
        self.notes = gen.notes
        self.slots: dict[str, tuple[str, str]] = {}  # extra slot -> (annotation, initial value)

    @classmethod
    def for_functions(cls, gen: ModuleGen) -> ClassGen:
        """A generator of module-level functions: signatures and argument adaptation only."""
        self = cls.__new__(cls)
        self.gen, self.tree, self.rw, self.notes = gen, gen.tree, gen.rw, gen.notes
        self.where, self.is_root, self.twin, self.slots = (gen.mod.name, "<module>"), False, "", {}
        return self

    # -- type parameters and members, through the bases defined in the source tree

    def type_params(self, module: str, cls: ast.ClassDef) -> list[str]:
        explicit: list[str] = []
        implicit: list[str] = []
        for base in cls.bases:
            if not isinstance(base, ast.Subscript):
                continue
            args = base.slice.elts if isinstance(base.slice, ast.Tuple) else [base.slice]
            if _last_name(base.value) in ("Generic", "Protocol"):
                explicit.extend(a.id for a in args if isinstance(a, ast.Name))
            for arg in args:
                for sub in ast.walk(arg):
                    if (
                        isinstance(sub, ast.Name)
                        and sub.id not in implicit
                        and self.tree.is_typevar(module, sub.id)
                    ):
                        implicit.append(sub.id)
        return explicit or implicit

    def linearize(self) -> list[tuple[str, ast.ClassDef, dict[str, ast.expr]]]:
        out: list[tuple[str, ast.ClassDef, dict[str, ast.expr]]] = []
        seen: set[tuple[str, str]] = set()

        def walk(module: str, cls: ast.ClassDef, subst: dict[str, ast.expr]) -> None:
            if (module, cls.name) in seen:
                return
            seen.add((module, cls.name))
            out.append((module, cls, subst))
            for base in cls.bases:
                head = base.value if isinstance(base, ast.Subscript) else base
                if not isinstance(head, ast.Name):
                    continue
                where = self.tree.resolve(module, head.id)
                if where is None:
                    continue
                bcls = self.tree.class_def(where)
                if bcls is None:
                    continue
                params = self.type_params(where[0], bcls)
                args: list[ast.expr] = []
                if isinstance(base, ast.Subscript):
                    args = (
                        list(base.slice.elts) if isinstance(base.slice, ast.Tuple) else [base.slice]
                    )
                new_subst = {
                    p: self.rw.expr(a, module, runtime=False, subst=subst)
                    for p, a in zip(params, args, strict=False)
                }
                walk(where[0], bcls, new_subst)

        walk(self.where[0], self.cls, {})
        return out

    def members(self) -> list[Member]:
        cached: list[Member] | None = getattr(self, "_members", None)
        if cached is None:
            cached = self._members = self._collect_members()
        return cached

    def _collect_members(self) -> list[Member]:
        result: dict[str, Member] = {}
        for module, cls, subst in self.linearize():
            local: dict[str, Member] = {}
            for stmt in cls.body:
                if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
                    member = local.setdefault(stmt.name, Member(stmt.name, module, [], subst))
                    member.defs.append(stmt)
                    if stmt.name == "__init__":
                        self._init_attributes(module, stmt, subst, local)
                elif (
                    isinstance(stmt, ast.AnnAssign)
                    and isinstance(stmt.target, ast.Name)
                    and not stmt.target.id.startswith("_")
                    and "ClassVar" not in ast.unparse(stmt.annotation)
                ):
                    local.setdefault(
                        stmt.target.id,
                        Member(stmt.target.id, module, [], subst, attr_annotation=stmt.annotation),
                    )
            for name, member in local.items():
                result.setdefault(name, member)
        return list(result.values())

    def _init_attributes(
        self,
        module: str,
        init: ast.FunctionDef | ast.AsyncFunctionDef,
        subst: dict[str, ast.expr],
        local: dict[str, Member],
    ) -> None:
        params = {a.arg: a.annotation for a in [*init.args.args, *init.args.kwonlyargs]}
        for stmt in ast.walk(init):
            target: ast.expr | None = None
            annotation: ast.expr | None = None
            if isinstance(stmt, ast.AnnAssign):
                target, annotation = stmt.target, stmt.annotation
            elif isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
                target = stmt.targets[0]
                if isinstance(stmt.value, ast.Name):
                    annotation = params.get(stmt.value.id)
            if not (
                isinstance(target, ast.Attribute)
                and isinstance(target.value, ast.Name)
                and target.value.id == "self"
                and not target.attr.startswith("_")
            ):
                continue
            if annotation is None:
                self.notes.append(
                    f"{module}.{self.where[1]}: public attribute self.{target.attr} has no "
                    "annotation: not exposed by the twin"
                )
                continue
            local.setdefault(
                target.attr, Member(target.attr, module, [], subst, attr_annotation=annotation)
            )

    # -- code

    def render(self) -> str:
        rw = self.rw
        params = self.type_params(self.where[0], self.cls)
        bases = ""
        if params:
            rw.imports.need("Generic", "from", "typing", "Generic", True)
            names = [rw.source_ref(self.where[0], p, True) for p in params]
            bases = f"(Generic[{', '.join(names)}])"
        src_ref = rw.source_ref(self.where[0], self.where[1], self.is_root)
        impl_type = f"{src_ref}[{', '.join(params)}]" if params else src_ref
        rw.imports.need("LoopThread", "from", RUNTIME_MODULE, "LoopThread", self.is_root)
        members = self.members()
        names = {m.name for m in members}
        if ("__aenter__" in names) != ("__aexit__" in names):
            raise GenError(
                f"{self.where[0]}.{self.where[1]}: an async context manager needs both "
                "__aenter__ and __aexit__"
            )
        body: list[str] = []
        for member in members:
            if member.name != "__init__":
                body.extend(self.member(member))
        doc = self.gen.docstring(self.cls)
        lines = [f"class {self.twin}{bases}:"]
        if doc:
            lines.append(f"    {doc}")
            lines.append("")
        slots = ", ".join(f'"{n}"' for n in sorted(["_impl", "_loop", *self.slots]))
        lines.append(f"    __slots__ = ({slots})")
        lines.append("")
        slot_lines = [f"self.{n}: {a} = {v}" for n, (a, v) in sorted(self.slots.items())]
        init = [m for m in members if m.name == "__init__"]
        if self.is_root:
            if not init:
                raise GenError(f"{self.where[0]}.{self.where[1]}: a root facade needs __init__")
            lines.extend(self.root_init(init[0], slot_lines))
        else:
            lines.extend(
                [
                    f"    def __init__(self, impl: {impl_type}, loop: LoopThread) -> None:",
                    "        self._impl = impl",
                    "        self._loop = loop",
                    *("        " + line for line in slot_lines),
                    "",
                ]
            )
        lines.extend(body)
        if self.is_root:
            lines.extend(
                [
                    "    @classmethod",
                    f"    def _wrap(cls, impl: {impl_type}, loop: LoopThread) -> {self.twin}:",
                    "        self = cls.__new__(cls)",
                    "        self._impl = impl",
                    "        self._loop = loop",
                    *(f"        self.{n} = {v}" for n, (_, v) in sorted(self.slots.items())),
                    "        return self",
                    "",
                ]
            )
        return "\n".join(lines) + "\n"

    def root_init(self, member: Member, slot_lines: list[str]) -> list[str]:
        fn = member.defs[-1]
        sig, call_args = self.signature(fn, member)
        lines = [f"    def __init__{sig}:"]
        doc = self.gen.docstring(fn)
        if doc:
            lines.append(f"        {doc}")
        lines.append(f"        self._impl = {self.where[1]}({call_args})")
        lines.append("        self._loop = LoopThread()")
        lines.extend("        " + line for line in slot_lines)
        lines.append("")
        return lines

    def signature(
        self,
        fn: ast.FunctionDef | ast.AsyncFunctionDef,
        member: Member,
        returns: str | None = None,
    ) -> tuple[str, str]:
        """The rewritten ``(params) -> ret`` and the arguments forwarding them (``returns``
        replaces the rewritten return annotation)."""
        args = copy.deepcopy(fn.args)
        call: list[str] = []
        module = member.module

        def fix(arg: ast.arg) -> None:
            if arg.annotation is not None:
                arg.annotation = self.rw.expr(
                    arg.annotation, module, runtime=False, subst=member.subst
                )

        for a in [*args.posonlyargs, *args.args, *args.kwonlyargs]:
            fix(a)
        for star in (args.vararg, args.kwarg):
            if star is not None:
                fix(star)
        args.defaults = [
            self.rw.expr(d, module, runtime=True, annotation=False) for d in args.defaults
        ]
        args.kw_defaults = [
            None if d is None else self.rw.expr(d, module, runtime=True, annotation=False)
            for d in args.kw_defaults
        ]
        original = fn.args
        positional = [*original.posonlyargs, *original.args]
        if positional and positional[0].arg in ("self", "cls") and not self._is_static(fn):
            positional = positional[1:]
        for a in positional:
            call.append(self.adapt_arg(a, module, fn.name))
        if original.vararg is not None:
            call.append(f"*{original.vararg.arg}")
        for a in original.kwonlyargs:
            call.append(f"{a.arg}={self.adapt_arg(a, module, fn.name)}")
        if original.kwarg is not None:
            call.append(f"**{original.kwarg.arg}")
        if returns is None and fn.returns is not None:
            ret = self.rw.expr(fn.returns, module, runtime=False, subst=member.subst)
            returns = ast.unparse(ret)
        arrow = f" -> {returns}" if returns is not None else ""
        return f"({ast.unparse(args)}){arrow}", ", ".join(call)

    def _is_static(self, fn: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
        return "staticmethod" in _decorator_names(fn)

    def _name(self, fn_name: str) -> str:
        if self.where[1] == "<module>":
            return f"{self.where[0]}.{fn_name}"
        return f"{self.where[0]}.{self.where[1]}.{fn_name}"

    # -- arguments

    def adapt_arg(self, arg: ast.arg, module: str, fn_name: str) -> str:
        """How the twin forwards ``arg``: a twin is unwrapped, a blocking callback made
        awaitable; anything else async in the annotation cannot be adapted (GenError)."""
        ann = arg.annotation
        if ann is None:
            return arg.arg
        ann = _unquote(ann)
        facade, optional = self.facade_in(ann, module)
        if facade is not None:
            return (
                f"None if {arg.arg} is None else {arg.arg}._impl"
                if optional
                else f"{arg.arg}._impl"
            )
        callback, optional = self.callback_in(ann, module)
        if callback:
            self.rw.imports.need(
                "to_thread_callback", "from", RUNTIME_MODULE, "to_thread_callback", True
            )
            if optional:
                return f"None if {arg.arg} is None else to_thread_callback({arg.arg})"
            return f"to_thread_callback({arg.arg})"
        if self._mentions_facade(ann, module) or self._mentions_async_type(ann, module):
            raise GenError(
                f"{self._name(fn_name)}: cannot adapt parameter {arg.arg!r} annotated "
                f"{ast.unparse(ann)!r} (supported: a twinned class X or X | None; a callback "
                "Callable[..., Awaitable[R]] or Callable[..., Coroutine[Any, Any, R]], or that "
                "| None)"
            )
        return arg.arg

    def _without_none(self, ann: ast.expr) -> tuple[ast.expr, bool]:
        """``X`` and whether ``ann`` was ``X | None`` / ``None | X`` / ``Optional[X]``."""
        if isinstance(ann, ast.BinOp) and isinstance(ann.op, ast.BitOr):
            for a, b in ((ann.left, ann.right), (ann.right, ann.left)):
                if isinstance(b, ast.Constant) and b.value is None:
                    return _unquote(a), True
        if isinstance(ann, ast.Subscript) and _last_name(ann.value) == "Optional":
            return _unquote(ann.slice), True
        return ann, False

    def callback_in(self, ann: ast.expr, module: str) -> tuple[bool, bool]:
        """Whether ``ann`` is an async callback (optionally ``| None``)."""
        inner, optional = self._without_none(ann)
        return self._is_async_callable(inner, module), optional

    def _is_async_callable(self, node: ast.expr, module: str) -> bool:
        if not isinstance(node, ast.Subscript):
            return False
        if self.tree.typing_name(module, node.value) != "Callable":
            return False
        result = _unquote(_args(node)[-1])
        head = result.value if isinstance(result, ast.Subscript) else result
        return self.tree.typing_name(module, head) in UNWRAPPED_TYPES

    def _mentions_async_type(self, ann: ast.expr, module: str) -> bool:
        for node in ast.walk(ann):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                inner = _unquote(node)
                if inner is not node and self._mentions_async_type(inner, module):
                    return True
            if isinstance(node, ast.Name | ast.Attribute):
                kind = self.tree.typing_name(module, node)
                if kind in ASYNC_TYPES or kind in UNWRAPPED_TYPES:
                    return True
        return False

    def facade_in(self, ann: ast.expr, module: str) -> tuple[tuple[str, str] | None, bool]:
        """The facade class ``ann`` names (optionally ``| None``)."""
        ann = _unquote(ann)
        inner, optional = self._without_none(ann)
        if optional:
            return self.facade_in(inner, module)[0], True
        head = ann.value if isinstance(ann, ast.Subscript) else ann
        if isinstance(head, ast.Name):
            if head.id == "Self" and self.where[1] != "<module>":
                return self.where, False
            return self.tree.facade_of(module, head.id), False
        return None, False

    # -- results

    def adapter(self, ann: ast.expr | None, module: str, fn_name: str) -> Adapter | None:
        """How a result annotated ``ann`` becomes the twin's result (None: as it is)."""
        if ann is None:
            return None
        ann = _unquote(ann)
        head = ann.value if isinstance(ann, ast.Subscript) else ann
        kind = self.tree.typing_name(module, head)
        if kind in ITERATOR_TYPES or kind in CONTEXT_TYPES:
            method = "iterate" if kind in ITERATOR_TYPES else "context"
            inner = (
                self.adapter(_args(ann)[0], module, fn_name)
                if isinstance(ann, ast.Subscript)
                else None
            )
            if inner is None:
                return Adapter(lambda v: f"self._loop.{method}({v})")
            return Adapter(lambda v: f"self._loop.{method}({v}, lambda _x: {inner.build('_x')})")
        if self._mentions_async_type(ann, module):
            raise GenError(
                f"{self._name(fn_name)}: cannot adapt a result annotated {ast.unparse(ann)!r} "
                "(async iterators and async context managers are adapted only as the result "
                "itself; async callables and awaitables not at all)"
            )
        if not self._mentions_facade(ann, module):
            return None
        if isinstance(ann, ast.Name) and ann.id == "Self":
            return Adapter(
                lambda v: (
                    f"self if {v} is self._impl else " + self.construct(v, self.where, "type(self)")
                ),
                repeats=True,
            )
        facade, optional = self.facade_in(ann, module)
        if facade is not None:
            found = facade

            def construct(v: str) -> str:
                return self.construct(v, found)

            if optional:
                return Adapter(
                    lambda v: f"None if {v} is None else {construct(v)}",
                    repeats=True,
                    construct=construct,
                    optional=True,
                    facade=found,
                )
            return Adapter(construct, construct=construct, facade=found)
        if isinstance(ann, ast.Subscript):
            head_name = _last_name(ann.value)
            args = _args(ann)
            if head_name in ("list", "List", "Sequence") and len(args) == 1:
                item = self.adapter(args[0], module, fn_name)
                if item is not None:
                    return Adapter(lambda v: f"[{item.build('_x')} for _x in {v}]")
            if (
                head_name in ("dict", "Dict", "Mapping")
                and len(args) == 2
                and not self._mentions_facade(args[0], module)
            ):
                value = self.adapter(args[1], module, fn_name)
                if value is not None:
                    return Adapter(
                        lambda v: f"{{_k: {value.build('_v')} for _k, _v in {v}.items()}}"
                    )
        raise GenError(
            f"{self._name(fn_name)}: cannot wrap a result annotated {ast.unparse(ann)!r} "
            "(supported: X, X | None, list[X], dict[K, X], async iterators and async context "
            "managers of X)"
        )

    def _mentions_facade(self, ann: ast.expr, module: str) -> bool:
        for node in ast.walk(ann):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                inner = _unquote(node)
                if inner is not node and self._mentions_facade(inner, module):
                    return True
            if isinstance(node, ast.Name) and (
                self.tree.facade_of(module, node.id) is not None or node.id == "Self"
            ):
                return True
        return False

    def construct(self, expr: str, facade: tuple[str, str], cls: str | None = None) -> str:
        name = cls or self.rw.twin_ref(facade, True)
        if facade in self.tree.roots:
            return f"{name}._wrap({expr}, self._loop)"
        return f"{name}({expr}, self._loop)"

    def awaitable_kind(self, ann: ast.expr | None, module: str) -> ast.expr | None:
        """For a plain def annotated ``Awaitable[X]``/``Coroutine[..., X]``: X."""
        if ann is None:
            return None
        ann = _unquote(ann)
        if not isinstance(ann, ast.Subscript):
            return None
        if self.tree.typing_name(module, ann.value) not in UNWRAPPED_TYPES:
            return None
        return _args(ann)[-1]

    def _returns_self(self, ann: ast.expr | None, module: str) -> bool:
        if ann is None:
            return True
        ann = _unquote(ann)
        return isinstance(ann, ast.Name) and (
            ann.id == "Self" or self.tree.facade_of(module, ann.id) == self.where
        )

    # -- members

    def member(self, member: Member) -> list[str]:
        name = member.name
        if member.attr_annotation is not None:
            ann = self.rw.expr(
                member.attr_annotation, member.module, runtime=False, subst=member.subst
            )
            ann_text = ast.unparse(ann)
            adapter = self.adapter(member.attr_annotation, member.module, name)
            body = self.property_body(name, f"self._impl.{name}", adapter, ann_text)
            return [
                "    @property",
                f"    def {name}(self) -> {ann_text}:",
                *("        " + b for b in body),
                "",
            ]
        is_dunder = name.startswith("__") and name.endswith("__")
        if name.startswith("_") and not is_dunder:
            return []
        if is_dunder and name not in PASS_THROUGH_DUNDERS and name not in ASYNC_DUNDERS:
            if name not in ("__init__", "__del__", "__slots__"):
                self.notes.append(f"{self._name(name)}: dunder not copied")
            return []
        out: list[str] = []
        overloads = [d for d in member.defs if "overload" in _decorator_names(d)]
        impls = [d for d in member.defs if "overload" not in _decorator_names(d)]
        for fn in overloads:
            sig, _ = self.signature(fn, member, self.context_returns(fn, member))
            out.append("    @overload")
            out.append(f"    def {name}{sig}: ...")
            out.append("")
            self.rw.imports.need("overload", "from", "typing", "overload", True)
        for fn in impls:
            out.extend(self.method(fn, member))
        return out

    def property_body(
        self, name: str, value: str, adapter: Adapter | None, ann_text: str | None
    ) -> list[str]:
        """A property's body; a twin result is cached in a slot and given again as long as the
        async object is the same (``client.collections is client.collections``)."""
        if adapter is None or adapter.construct is None or ann_text is None:
            return _result_lines(adapter, value)
        slot = f"_t_{name}"
        self.slots[slot] = (ann_text if adapter.optional else f"{ann_text} | None", "None")
        lines = [f"_r = {value}"]
        if adapter.optional:
            lines += ["if _r is None:", "    return None"]
        facade = adapter.facade
        twin_module = None if facade is None else self.tree.twin_module(facade[0])
        if facade is None or twin_module is None or twin_module == self.rw.twin_module:
            local_import: list[str] = []
            built = adapter.construct("_r")
        else:
            # The namespace's module loads when the namespace is first used, not when this
            # one is imported (cold start: ``client.batch`` should not cost a search script).
            twin_name = self.tree.facades[facade]
            self.rw.imports.need(twin_name, "from", twin_module, twin_name, False)
            local_import = [f"    from {twin_module} import {twin_name}", ""]
            built = self.construct("_r", facade, twin_name)
        return [
            *lines,
            f"_t = self.{slot}",
            "if _t is None or _t._impl is not _r:",
            *local_import,
            f"    _t = self.{slot} = {built}",
            "return _t",
        ]

    def decorators(
        self, fn: ast.FunctionDef | ast.AsyncFunctionDef, module: str, note: bool = True
    ) -> list[str]:
        """The kinds of ``fn``'s decorators: the kept ones by name, ``setter``/``deleter``,
        ``sync_via:<method>``, ``asynccontextmanager``; others are noted (when ``note``)."""
        out = []
        for dec, plain in zip(fn.decorator_list, _decorator_names(fn), strict=True):
            if self.tree.is_marker(module, dec, "sync_via"):
                if not (
                    isinstance(dec, ast.Call)
                    and len(dec.args) == 1
                    and not dec.keywords
                    and isinstance(dec.args[0], ast.Constant)
                    and isinstance(dec.args[0].value, str)
                ):
                    raise GenError(f'{self._name(fn.name)}: write @sync_via("<method name>")')
                out.append(f"sync_via:{dec.args[0].value}")
            elif self.tree.qualname(module, dec) in ASYNC_CONTEXT_MANAGER_DECORATORS:
                out.append("asynccontextmanager")
            elif plain in KEPT_DECORATORS or plain in ("setter", "deleter", "classmethod"):
                out.append(plain)
            elif note:
                self.notes.append(f"{self._name(fn.name)}: decorator @{plain} not copied")
        return out

    def context_returns(
        self, fn: ast.FunctionDef | ast.AsyncFunctionDef, member: Member
    ) -> str | None:
        """For an ``@asynccontextmanager`` method: ``AbstractContextManager[X]`` from its
        ``AsyncIterator[X]`` annotation (None for any other method)."""
        if "asynccontextmanager" not in self.decorators(fn, member.module, note=False):
            return None
        ann = _unquote(fn.returns) if fn.returns is not None else None
        self.rw.imports.need(
            "AbstractContextManager", "from", "contextlib", "AbstractContextManager", False
        )
        if not (
            isinstance(ann, ast.Subscript)
            and self.tree.typing_name(member.module, ann.value) in ITERATOR_TYPES
        ):
            raise GenError(
                f"{self._name(fn.name)}: annotate an @asynccontextmanager method as "
                "AsyncIterator[X] (or AsyncGenerator[X, None])"
            )
        item = self.rw.expr(_args(ann)[0], member.module, runtime=False, subst=member.subst)
        return f"AbstractContextManager[{ast.unparse(item)}]"

    def method(self, fn: ast.FunctionDef | ast.AsyncFunctionDef, member: Member) -> list[str]:
        module = member.module
        name = fn.name
        decorators = self.decorators(fn, module)
        via = next((d.split(":", 1)[1] for d in decorators if d.startswith("sync_via:")), None)
        if "classmethod" in decorators:
            self.notes.append(f"{self._name(name)}: classmethod not copied")
            return []
        is_async = isinstance(fn, ast.AsyncFunctionDef)
        out_name = ASYNC_DUNDERS.get(name, name)
        head: list[str] = []
        doc = self.gen.docstring(fn)
        returns: str | None = None
        body: list[str]
        if "property" in decorators or "cached_property" in decorators:
            head.append("    @property")
            ann_text = None
            if fn.returns is not None:
                ann_text = ast.unparse(
                    self.rw.expr(fn.returns, module, runtime=False, subst=member.subst)
                )
            adapter = self.adapter(fn.returns, module, name)
            body = self.property_body(name, f"self._impl.{name}", adapter, ann_text)
        elif "setter" in decorators:
            head.append(f"    @{name}.setter")
            value = fn.args.args[1]
            body = [f"self._impl.{name} = {self.adapt_arg(value, module, name)}"]
        elif "deleter" in decorators:
            head.append(f"    @{name}.deleter")
            body = [f"del self._impl.{name}"]
        elif "staticmethod" in decorators:
            if is_async:
                self.notes.append(f"{self._name(name)}: async staticmethod not copied")
                return []
            head.append("    @staticmethod")
            src = self.rw.source_ref(self.where[0], self.where[1], True)
            _, call = self.signature(fn, member)
            body = _result_lines(self.adapter(fn.returns, module, name), f"{src}.{name}({call})")
        elif name == "__aenter__":
            body = self.enter_body(fn, module)
        elif name == "__aexit__":
            _, call = self.signature(fn, member)
            body = self.exit_body(fn, call)
        elif name == "__aiter__":
            returns, body = self.iter_body(fn, member)
        elif name == "__anext__":
            body = self.next_body(fn, module)
        elif via is not None:
            if not is_async:
                raise GenError(f"{self._name(name)}: @sync_via marks an async def")
            self.check_via(fn, via)
            _, call = self.signature(fn, member)
            body = _result_lines(
                self.adapter(fn.returns, module, name), f"self._impl.{via}({call})"
            )
        elif "asynccontextmanager" in decorators:
            if not (is_async and _is_generator(fn)):
                raise GenError(
                    f"{self._name(name)}: @asynccontextmanager decorates an async generator"
                )
            returns = self.context_returns(fn, member)
            _, call = self.signature(fn, member)
            ann = _unquote(fn.returns) if fn.returns is not None else None
            assert isinstance(ann, ast.Subscript)
            inner = self.adapter(_args(ann)[0], module, name)
            wrap = "" if inner is None else f", lambda _x: {inner.build('_x')}"
            body = [f"return self._loop.context(self._impl.{name}({call}){wrap})"]
        else:
            _, call = self.signature(fn, member)
            target = f"self._impl.{name}({call})"
            if is_async and _is_generator(fn):
                body = _result_lines(self.generator_adapter(fn, module), target)
            elif is_async:
                body = _result_lines(
                    self.adapter(fn.returns, module, name), f"self._loop.run({target})"
                )
                if self.is_root and name == "close":
                    body = [
                        "try:",
                        *("    " + b for b in body),
                        "finally:",
                        "    self._loop.close()",
                    ]
            elif (inner_ann := self.awaitable_kind(fn.returns, module)) is not None:
                body = _result_lines(
                    self.adapter(inner_ann, module, name), f"self._loop.run({target})"
                )
            elif name == "__repr__":
                body = [f'return {target}.replace("{self.where[1]}", "{self.twin}", 1)']
            else:
                body = _result_lines(self.adapter(fn.returns, module, name), target)
        sig, _ = self.signature(fn, member, returns)
        lines = [*head, f"    def {out_name}{sig}:"]
        if doc:
            lines.append(f"        {doc}")
        lines.extend("        " + b for b in body)
        lines.append("")
        if name == "length" and is_async and len(fn.args.args) == 1:
            # The blocking API spells an async `length()` as `len(x)` too, as the official one.
            lines += [
                "    def __len__(self) -> int:",
                '        """The same as :meth:`length`."""',
                "        return self.length()",
                "",
            ]
        return lines

    def generator_adapter(self, fn: ast.AsyncFunctionDef | ast.FunctionDef, module: str) -> Adapter:
        if fn.returns is None:
            return Adapter(lambda v: f"self._loop.iterate({v})")
        ann = _unquote(fn.returns)
        head = ann.value if isinstance(ann, ast.Subscript) else ann
        adapter = self.adapter(ann, module, fn.name)
        if self.tree.typing_name(module, head) not in ITERATOR_TYPES or adapter is None:
            raise GenError(
                f"{self._name(fn.name)}: annotate an async generator as AsyncIterator[X], "
                "AsyncIterable[X] or AsyncGenerator[X, S]"
            )
        return adapter

    def check_via(self, fn: ast.AsyncFunctionDef | ast.FunctionDef, via: str) -> None:
        """``@sync_via(via)``: ``via`` is a plain def of the class (or of its bases in the
        tree) that accepts the arguments of ``fn``."""
        found: ast.FunctionDef | ast.AsyncFunctionDef | None = None
        for _, cls, _ in self.linearize():
            found = next(
                (
                    s
                    for s in cls.body
                    if isinstance(s, ast.FunctionDef | ast.AsyncFunctionDef) and s.name == via
                ),
                None,
            )
            if found is not None:
                break
        where = f"{self._name(fn.name)}: @sync_via({via!r})"
        if found is None:
            raise GenError(f"{where}: no method {via} in {self.where[1]} or its bases")
        if isinstance(found, ast.AsyncFunctionDef) or any(
            d in ("property", "cached_property", "staticmethod", "classmethod", "setter")
            for d in _decorator_names(found)
        ):
            raise GenError(f"{where}: {via} must be a plain def (it runs in the caller's thread)")
        target = found.args
        named = {a.arg for a in [*target.args, *target.kwonlyargs]}
        capacity = len(target.posonlyargs) + len(target.args) - 1  # without self
        source = fn.args
        positional = len(source.posonlyargs) + len(source.args) - 1
        if (positional > capacity and target.vararg is None) or (
            source.vararg is not None and target.vararg is None
        ):
            raise GenError(f"{where}: {via} takes fewer positional arguments")
        for a in source.kwonlyargs:
            if a.arg not in named and target.kwarg is None:
                raise GenError(f"{where}: {via} has no parameter {a.arg!r}")
        if source.kwarg is not None and target.kwarg is None:
            raise GenError(f"{where}: {via} takes no **{source.kwarg.arg}")

    def _need_entered(self) -> None:
        self.rw.imports.need("Entered", "from", RUNTIME_MODULE, "Entered", False)
        self.rw.imports.need("Any", "from", "typing", "Any", False)
        self.slots["_entered"] = ("list[Entered[Any]]", "[]")

    def enter_body(self, fn: ast.FunctionDef | ast.AsyncFunctionDef, module: str) -> list[str]:
        """``__enter__``: the async ``__aenter__`` in a task held open until ``__exit__``."""
        self._need_entered()
        enter = ["_w = self._loop.enter_async(self._impl)"]
        if self.is_root:  # a failed enter leaves no thread behind
            enter = ["try:", *("    " + e for e in enter), "except BaseException:"]
            enter += ["    self._loop.close()", "    raise"]
        lines = [*enter, "self._entered.append(_w)"]
        if self._returns_self(fn.returns, module):
            other = "_r" if fn.returns is None else self.construct("_r", self.where, "type(self)")
            return [*lines, "_r = _w.value", f"return self if _r is self._impl else {other}"]
        return [*lines, *_result_lines(self.adapter(fn.returns, module, fn.name), "_w.value")]

    def exit_body(self, fn: ast.FunctionDef | ast.AsyncFunctionDef, call: str) -> list[str]:
        """``__exit__``: ends the task of the matching ``__enter__``."""
        stmt = f"self._entered.pop().exit({call})"
        returns_none = isinstance(fn.returns, ast.Constant) and fn.returns.value is None
        body = [stmt] if returns_none else [f"return {stmt}"]
        if self.is_root:
            body = ["try:", *("    " + b for b in body), "finally:", "    self._loop.close()"]
        return body

    def iter_body(
        self, fn: ast.FunctionDef | ast.AsyncFunctionDef, member: Member
    ) -> tuple[str | None, list[str]]:
        """``__iter__`` from ``__aiter__``: a generator over the async iterator (closed on the
        loop when left early), or the twin itself when a plain ``def __aiter__`` returns the
        object itself and the class has no ``aclose`` (``__next__`` then steps it)."""
        module = member.module
        call = "self._loop.iterate(self._impl.__aiter__()"
        ann = _unquote(fn.returns) if fn.returns is not None else None
        head = ann.value if isinstance(ann, ast.Subscript) else ann
        if ann is not None and self.tree.typing_name(module, head) in ITERATOR_TYPES:
            adapter = self.adapter(ann, module, fn.name)
            assert adapter is not None
            return None, [f"return {adapter.build('self._impl.__aiter__()')}"]
        nxt = next((m for m in self.members() if m.name == "__anext__"), None)
        if nxt is None or not self._returns_self(ann, module):
            raise GenError(
                f"{self._name(fn.name)}: annotate __aiter__ as AsyncIterator[X] (or return "
                "Self from a class with __anext__)"
            )
        if isinstance(fn, ast.FunctionDef) and not any(m.name == "aclose" for m in self.members()):
            # A plain ``def __aiter__`` returning the object itself, with nothing to close: the
            # twin is its own iterator too (``iter(it) is it``), each ``next`` one step on the
            # loop. With ``aclose``, a generator closes it on the loop when left early.
            return None, ["self._impl.__aiter__()", "return self"]
        anext = nxt.defs[-1]
        item = anext.returns if isinstance(anext, ast.AsyncFunctionDef) else None
        if item is None:
            item = self.awaitable_kind(anext.returns, nxt.module)
        if item is None:
            return None, [f"return {call})"]
        inner = self.adapter(item, nxt.module, "__anext__")
        wrap = "" if inner is None else f", lambda _x: {inner.build('_x')}"
        self.rw.imports.need("Iterator", "from", "collections.abc", "Iterator", False)
        item_text = ast.unparse(self.rw.expr(item, nxt.module, runtime=False, subst=nxt.subst))
        return f"Iterator[{item_text}]", [f"return {call}{wrap})"]

    def next_body(self, fn: ast.FunctionDef | ast.AsyncFunctionDef, module: str) -> list[str]:
        """``__next__`` from ``__anext__``: one step on the loop."""
        item = fn.returns if isinstance(fn, ast.AsyncFunctionDef) else None
        if item is None:
            item = self.awaitable_kind(fn.returns, module)
        adapter = self.adapter(item, module, fn.name)
        return [
            "try:",
            "    _r = self._loop.run(self._impl.__anext__())",
            "except StopAsyncIteration:",
            "    raise StopIteration from None",
            f"return {'_r' if adapter is None else adapter.build('_r')}",
        ]


# --------------------------------------------------------------------------- modules


HEADER = (
    "# Generated by tools/gen_sync.py from {path}: do not edit.\n"
    "# Change {module} and run `python tools/gen_sync.py` instead.\n"
)


_SYNC_DOC = re.compile(r"\bawait (?=\S)|\basync (?=(?:with|for)\b)")
_CONNECT_DOC = re.compile(r"\buse_async_with_(\w+)\(")
_MODULE_DOC = re.compile(r"\b(weaviate_async)((?:\.\w+)*)")


def sync_text(tree: Tree, text: str) -> str:
    """Text a blocking user reads (copied docstrings, generated tests' docstrings): twinned
    class names become their twins' names, ``weaviate_async.<mirrored module>`` becomes
    ``weaviate_sync...``, ``use_async_with_x(...)`` becomes ``connect_to_x(...)``, and ``await``,
    ``async with``, ``async for`` lose their ``async``."""
    text = tree.rename_facades(text)
    text = _CONNECT_DOC.sub(lambda m: f"connect_to_{m.group(1)}(", text)
    text = _MODULE_DOC.sub(lambda m: tree.sync_module_name(m.group(0)), text)
    return _SYNC_DOC.sub("", text)


class ModuleGen:
    def __init__(self, tree: Tree, mod: Module, notes: list[str]) -> None:
        self.tree = tree
        self.mod = mod
        self.notes = notes
        self.twin_name = tree.twin_module(mod.name)
        self.imports = Imports(self.twin_name)
        self.rw = Rewriter(tree, self.imports, self.twin_name)

    def header(self) -> str:
        rel = self.mod.path.relative_to(self.tree.root).as_posix()
        return HEADER.format(path=rel, module=self.mod.name)

    def docstring(self, node: ast.AST) -> str | None:
        body = getattr(node, "body", None)
        if not body or not isinstance(body[0], ast.Expr):
            return None
        value = body[0].value
        if not (isinstance(value, ast.Constant) and isinstance(value.value, str)):
            return None
        source = self.tree.module_of(node, self.mod).source
        text = ast.get_source_segment(source, value) or repr(value.value)
        return sync_text(self.tree, text)

    def public_names(self, mod: Module) -> list[str]:
        names = literal_all(mod)
        if names is None and has_all(mod):
            names = list(importlib.import_module(mod.name).__all__)
        if names is None:
            names = sorted(
                n for n, b in mod.bindings.items() if b.kind == "local" and not n.startswith("_")
            )
        return names

    def module_doc(self) -> str:
        return f'"""Blocking twin of :mod:`{self.mod.name}` (see there for the documentation)."""\n'

    # -- a module with facade classes or converted functions

    def render_twins(self) -> str:
        parts: list[str] = []
        exported: list[str] = []
        public = self.public_names(self.mod)
        converted: set[str] = set()
        for cname in self.mod.classes:
            where = (self.mod.name, cname)
            if where in self.tree.facades:
                parts.append(ClassGen(self, where).render())
                converted.add(cname)
        for fname, fn in self.mod.functions.items():
            if self.tree.converted_function(self.mod, fn):
                parts.append(self.function(fn))
                converted.add(fname)
        twin_names = {t for (m, _), t in self.tree.facades.items() if m == self.mod.name}
        for name in public:
            if (self.mod.name, name) in self.tree.facades:
                exported.append(self.tree.facades[(self.mod.name, name)])
                if not name.startswith("_"):
                    # the official module holds both classes of a public pair (Collection and
                    # CollectionAsync): the async one is re-exported beside its twin
                    self.rw.source_ref(self.mod.name, name, True)
                    exported.append(name)
            elif name in twin_names:
                continue  # the source names its blocking twin (lazily): it is generated here
            elif name in converted:
                exported.append(name)
            else:
                self.rw.source_ref(self.mod.name, name, True)
                exported.append(name)
        all_ = "__all__ = [" + ", ".join(f'"{n}"' for n in sorted(exported)) + "]\n"
        return "\n\n".join(
            [self.header() + self.module_doc() + "\n" + self.imports.render(), all_, *parts]
        )

    def function(self, fn: ast.FunctionDef | ast.AsyncFunctionDef) -> str:
        member = Member(fn.name, self.mod.name, [fn], {})
        fake = ClassGen.for_functions(self)
        where = f"{self.mod.name}.{fn.name}"
        if _is_generator(fn) or fn.decorator_list:
            raise GenError(
                f"{where}: a module-level async def is a plain coroutine function (no async "
                "generator, no decorators): it runs on a temporary loop thread"
            )
        if fn.returns is not None and fake._mentions_async_type(fn.returns, self.mod.name):
            raise GenError(f"{where}: a module-level coroutine cannot return an async object")
        sig, call = fake.signature(fn, member)
        alias = "_async_" + self.mod.name.rpartition(".")[2]
        self.imports.need(alias, "import", self.mod.name, None, True)
        self.imports.need("LoopThread", "from", RUNTIME_MODULE, "LoopThread", True)
        target = f"{alias}.{fn.name}({call})"
        facade, optional = (
            fake.facade_in(fn.returns, self.mod.name) if fn.returns else (None, False)
        )
        lines = [f"def {fn.name}{sig}:"]
        doc = self.docstring(fn)
        if doc:
            lines.append(f"    {doc}")
        if facade is not None and facade in self.tree.roots and not optional:
            twin = self.rw.twin_ref(facade, True)
            lines += [
                "    loop = LoopThread()",
                "    try:",
                f"        return {twin}._wrap(loop.run({target}), loop)",
                "    except BaseException:",
                "        loop.close()",
                "        raise",
            ]
        elif fn.returns is not None and fake._mentions_facade(fn.returns, self.mod.name):
            raise GenError(
                f"{self.mod.name}.{fn.name}: a module-level coroutine may return a root facade "
                "(the client) or no facade at all"
            )
        else:
            lines += [
                "    loop = LoopThread()",
                "    try:",
                f"        return loop.run({target})",
                "    finally:",
                "        loop.close()",
            ]
        return "\n".join(lines) + "\n"

    # -- a module without facades: re-export

    def render_reexport(self) -> str:
        names = self.public_names(self.mod)
        for name in names:
            self.imports.need(name, "from", self.mod.name, name, True)
        self.imports.module = "<reexport>"  # importing from the source module is the point
        imports = self.imports.render()
        if "__getattr__" in self.mod.functions:
            # names the source module resolves on access (deprecated aliases) resolve here too
            imports += f"from {self.mod.name} import __getattr__ as __getattr__\n"
        body = "__all__ = [" + ", ".join(f'"{n}"' for n in sorted(names)) + "]\n"
        return self.header() + self._reexport_doc() + "\n" + imports + "\n\n" + body

    def _reexport_doc(self) -> str:
        return f'"""Re-exports :mod:`{self.mod.name}`: the objects are the same."""\n'

    # -- a package: lazy attributes

    def render_package(self) -> str:
        mod = self.mod
        names = self.public_names(mod)
        pkg_dir = mod.path.parent
        self.imports.module = "<package>"
        lazy: dict[str, str] = {}
        submodules: list[str] = []
        for name in names:
            if (pkg_dir / f"{name}.py").exists() or (pkg_dir / name / "__init__.py").exists():
                submodules.append(name)
                self.imports.need(name, "from", self.twin_name, name, False)
                continue
            origin = self._origin(name)
            origin_mod = self.tree.modules.get(origin)
            if origin_mod is not None and self.tree.has_twins(origin_mod) and origin != mod.name:
                fn = origin_mod.functions.get(name)
                if (origin, name) in self.tree.facades:
                    twin = self.tree.facades[(origin, name)]
                    lazy[twin] = self.tree.twin_module(origin)
                    self.imports.need(twin, "from", lazy[twin], twin, False)
                elif fn is not None and self.tree.converted_function(origin_mod, fn):
                    lazy[name] = self.tree.twin_module(origin)
                    self.imports.need(name, "from", lazy[name], name, False)
                    continue
            lazy[name] = origin
            self.imports.need(name, "from", origin, name, False)
        self.imports.need("Any", "from", "typing", "Any", True)
        self.imports.need("importlib", "import", "importlib", None, True)
        all_names = sorted({*lazy, *submodules})
        lazy_lines = "".join(f'    "{k}": "{v}",\n' for k, v in sorted(lazy.items()))
        subs = ", ".join(f'"{s}"' for s in sorted(submodules))
        body = (
            f"_LAZY: dict[str, str] = {{\n{lazy_lines}}}\n"
            f"_SUBMODULES: frozenset[str] = frozenset({{{subs}}})\n\n"
            "__all__ = [" + ", ".join(f'"{n}"' for n in all_names) + "]\n\n\n"
            "def __getattr__(name: str) -> Any:\n"
            "    if name in _LAZY:\n"
            "        value = getattr(importlib.import_module(_LAZY[name]), name)\n"
            "    elif name in _SUBMODULES:\n"
            '        value = importlib.import_module(f"{__name__}.{name}")\n'
            "    else:\n"
            '        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")\n'
            "    globals()[name] = value\n"
            "    return value\n\n\n"
            "def __dir__() -> list[str]:\n"
            "    return sorted(__all__)\n"
        )
        doc = (
            f'"""Blocking twin of :mod:`{mod.name}`: the same API, each call returning when done.'
            '\n\nNames load on first use (see there for the documentation)."""'
        )
        return self.header() + doc + "\n\n" + self.imports.render() + "\n\n" + body

    def _origin(self, name: str) -> str:
        binding = self.mod.bindings.get(name)
        if binding is not None and binding.kind == "from":
            return binding.module
        if binding is not None and binding.kind == "local":
            return self.mod.name
        # not statically visible (a lazy table without TYPE_CHECKING imports): ask the package
        value = getattr(importlib.import_module(self.mod.name), name)
        origin = getattr(value, "__module__", None)
        return origin if isinstance(origin, str) and origin in self.tree.modules else self.mod.name


# --------------------------------------------------------------------------- sync tests


TESTS_DIR = "tests"
SYNC_TWIN_MARKER = "__sync_twin__"
"""``__sync_twin__ = "tests/.../test_x_sync_gen.py"`` in an async test module: generate there
its blocking twin."""
TEST_HEADER = (
    "# Generated by tools/gen_sync.py from {path}: do not edit.\n"
    "# Change {path} and run `python tools/gen_sync.py` instead.\n"
)
GENERATED_MARK = "# Generated by tools/gen_sync.py from "
FIXTURE_TWINS = {"client": "sync_client"}
"""Fixtures of async clients and their blocking twins; any other fixture ``<x>_client`` becomes
``sync_<x>_client``."""
ASYNC_ONLY_NAMES = frozenset({"asyncio", "anyio", "pytest_asyncio", "trio"})
ASYNC_BUILTINS = {"anext": "next", "aiter": "iter", "StopAsyncIteration": "StopIteration"}
"""Builtins of the async iterator protocol and their blocking twins (in tests)."""
TEST_TYPING = {
    "AsyncIterator": "Iterator",
    "AsyncIterable": "Iterable",
    "AsyncGenerator": "Generator",
    "AbstractAsyncContextManager": "AbstractContextManager",
    "AsyncContextManager": "AbstractContextManager",
}


def fixture_twin(name: str) -> str | None:
    """The blocking twin of the fixture ``name``, if it is an async client fixture."""
    if name in FIXTURE_TWINS:
        return FIXTURE_TWINS[name]
    if name.endswith("_client") and not name.startswith("sync_"):
        return f"sync_{name}"
    return None


class SyncTestGen:
    """The blocking twin of an async test module, by edits of its source text (comments and
    layout survive): ``async def`` -> ``def``, ``await x`` -> ``x``, ``async with``/``async for``
    -> ``with``/``for``, ``weaviate_async`` -> ``weaviate_sync`` (twinned classes renamed,
    ``use_async_with_x`` -> ``connect_to_x``), async client fixtures -> their sync twins (see
    :func:`fixture_twin`); plain ``def test_*`` (sync already) are left out."""

    def __init__(self, tree: Tree, path: Path, rel: str) -> None:
        self.tree = tree
        self.rel = rel
        self.source = path.read_text()
        self.data = self.source.encode()
        self.module = ast.parse(self.source, filename=str(path))
        self.starts = [0]
        for line in self.data.splitlines(keepends=True):
            self.starts.append(self.starts[-1] + len(line))
        self.edits: list[tuple[int, int, str]] = []
        self.bindings = load_module("<test>", path).bindings

    # -- positions and edits

    def offset(self, line: int, col: int) -> int:
        return self.starts[line - 1] + col

    def span(self, node: ast.AST) -> tuple[int, int]:
        start = self.offset(node.lineno, node.col_offset)  # type: ignore[attr-defined]
        end = self.offset(node.end_lineno, node.end_col_offset)  # type: ignore[attr-defined]
        return start, end

    def replace(self, start: int, end: int, text: str) -> None:
        self.edits.append((start, end, text))

    def drop_keyword(self, at: int, keyword: bytes, node: ast.AST) -> None:
        """Remove ``keyword`` and the blanks after it, at byte ``at``."""
        if not self.data.startswith(keyword, at):
            raise GenError(f"{self.where(node)}: expected {keyword.decode()!r} here")
        end = at + len(keyword)
        while self.data[end : end + 1] in (b" ", b"\t"):
            end += 1
        self.replace(at, end, "")

    def drop_lines(self, first: int, last: int) -> None:
        self.replace(self.starts[first - 1], self.starts[last], "")

    def where(self, node: ast.AST) -> str:
        return f"{self.rel}:{getattr(node, 'lineno', '?')}"

    def error(self, node: ast.AST, what: str) -> GenError:
        return GenError(f"{self.where(node)}: {what} (cannot be made blocking)")

    # -- the module

    def target(self) -> str | None:
        for stmt in self.module.body:
            if (
                isinstance(stmt, ast.Assign)
                and len(stmt.targets) == 1
                and isinstance(stmt.targets[0], ast.Name)
                and stmt.targets[0].id == SYNC_TWIN_MARKER
            ):
                value = stmt.value
                if not (
                    isinstance(value, ast.Constant)
                    and isinstance(value.value, str)
                    and value.value.startswith(TESTS_DIR + "/")
                    and value.value.endswith(".py")
                    and value.value != self.rel
                ):
                    raise GenError(
                        f"{self.where(stmt)}: {SYNC_TWIN_MARKER} names the generated file, "
                        f'e.g. "{TESTS_DIR}/integration/test_x_sync_gen.py"'
                    )
                self.drop_lines(stmt.lineno, stmt.end_lineno or stmt.lineno)
                return value.value
        return None

    def render(self) -> str:
        first = self.module.body[0] if self.module.body else None
        for stmt in self.module.body:
            if stmt is first and _is_docstring(stmt):
                self.docstring(stmt)
            elif (
                isinstance(stmt, ast.FunctionDef)
                and stmt.name.startswith("test")
                and not self.is_fixture(stmt)
            ):
                start = min([stmt.lineno, *(d.lineno for d in stmt.decorator_list)])
                self.drop_lines(start, stmt.end_lineno or stmt.lineno)  # sync already
            else:
                self.statement(stmt)
        out = self.data
        last = len(out) + 1
        for start, end, text in sorted(self.edits, reverse=True):
            if end > last:
                raise GenError(f"{self.rel}: overlapping edits at byte {start}")
            out = out[:start] + text.encode() + out[end:]
            last = start
        return TEST_HEADER.format(path=self.rel) + out.decode()

    def docstring(self, stmt: ast.stmt) -> None:
        assert isinstance(stmt, ast.Expr)
        start, end = self.span(stmt.value)
        text = self.data[start:end].decode()
        self.replace(start, end, sync_text(self.tree, text))

    def is_fixture(self, fn: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
        return any("fixture" in ast.unparse(d) for d in fn.decorator_list)

    def local_fixtures(self) -> set[str]:
        """Fixtures the module defines itself: translated with it, so not renamed."""
        return {
            stmt.name
            for stmt in self.module.body
            if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef) and self.is_fixture(stmt)
        }

    def statement(self, stmt: ast.stmt) -> None:
        if isinstance(stmt, ast.Import | ast.ImportFrom):
            self.imports(stmt)
            return
        if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
            self.function(stmt)
            return
        if isinstance(stmt, ast.ClassDef):
            for dec in stmt.decorator_list:
                self.expression(dec, {})
            for base in stmt.bases:
                self.expression(base, {})
            for sub in stmt.body:
                self.statement(sub)
            return
        self.node(stmt, {})

    def function(self, fn: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        renames: dict[str, str] = {}
        if fn.name.startswith("test") or self.is_fixture(fn):
            for arg in [*fn.args.posonlyargs, *fn.args.args, *fn.args.kwonlyargs]:
                twin = fixture_twin(arg.arg)
                if twin is not None and arg.arg not in self.local_fixtures():
                    renames[arg.arg] = twin
        if isinstance(fn, ast.AsyncFunctionDef):
            self.drop_keyword(self.offset(fn.lineno, fn.col_offset), b"async", fn)
        for dec in fn.decorator_list:
            target = dec.func if isinstance(dec, ast.Call) else dec
            if (_dotted(target) or "").endswith("mark.asyncio"):  # nothing to run a loop for
                self.drop_lines(dec.lineno, dec.end_lineno or dec.lineno)
            else:
                self.expression(dec, renames)
        for arg in [
            *fn.args.posonlyargs,
            *fn.args.args,
            *fn.args.kwonlyargs,
            *([fn.args.vararg] if fn.args.vararg else []),
            *([fn.args.kwarg] if fn.args.kwarg else []),
        ]:
            if arg.arg in renames:
                start = self.offset(arg.lineno, arg.col_offset)
                self.replace(start, start + len(arg.arg.encode()), renames[arg.arg])
            if arg.annotation is not None:
                self.expression(arg.annotation, renames)
        for default in [*fn.args.defaults, *(d for d in fn.args.kw_defaults if d is not None)]:
            self.expression(default, renames)
        if fn.returns is not None:
            self.expression(fn.returns, renames)
        body = fn.body
        if body and _is_docstring(body[0]):
            self.docstring(body[0])
            body = body[1:]
        for stmt in body:
            self.node(stmt, renames)

    def node(self, node: ast.AST, renames: dict[str, str]) -> None:
        """Edit ``node`` and what it holds (statements and expressions)."""
        if isinstance(node, ast.Import | ast.ImportFrom):
            self.imports(node)
            return
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            self._nested(node, renames)
            return
        if isinstance(node, ast.AsyncWith | ast.AsyncFor):
            self.drop_keyword(self.offset(node.lineno, node.col_offset), b"async", node)
        elif isinstance(node, ast.Await):
            self.drop_keyword(self.offset(node.lineno, node.col_offset), b"await", node)
        elif isinstance(node, ast.comprehension) and node.is_async:
            self.drop_comprehension_async(node)
        elif isinstance(node, ast.Name | ast.Attribute | ast.Subscript):
            self.expression(node, renames)
            return
        for child in ast.iter_child_nodes(node):
            self.node(child, renames)

    def _nested(self, fn: ast.FunctionDef | ast.AsyncFunctionDef, renames: dict[str, str]) -> None:
        if isinstance(fn, ast.AsyncFunctionDef):
            self.drop_keyword(self.offset(fn.lineno, fn.col_offset), b"async", fn)
        for child in [*fn.decorator_list, fn.args, *fn.body]:
            self.node(child, renames)
        if fn.returns is not None:
            self.expression(fn.returns, renames)

    def drop_comprehension_async(self, comp: ast.comprehension) -> None:
        before = self.data[: self.offset(comp.target.lineno, comp.target.col_offset)].rstrip()
        if not before.endswith(b"for"):
            raise self.error(comp.target, "an async comprehension in an unexpected layout")
        head = before[:-3].rstrip()
        if not head.endswith(b"async"):
            raise self.error(comp.target, "an async comprehension in an unexpected layout")
        at = len(head) - 5
        self.replace(at, len(before) - 3, "")

    def expression(self, node: ast.expr, renames: dict[str, str]) -> None:
        """Edit an expression (names, dotted module paths, typing constructs) and its parts."""
        if isinstance(node, ast.Name):
            if node.id in ASYNC_ONLY_NAMES:
                raise self.error(node, f"uses {node.id}")
            new = self.rename(node.id, renames)
            if new is not None:
                start, end = self.span(node)
                self.replace(start, end, new)
            return
        if isinstance(node, ast.Attribute):
            dotted = _dotted(node)
            if dotted is not None and dotted.split(".")[0] in self._async_modules():
                self.dotted(node, dotted)
                return
            self.node(node.value, renames)
            return
        if isinstance(node, ast.Subscript):
            head = node.value
            if isinstance(head, ast.Name) and self._typing_name(head.id) == "AsyncGenerator":
                args = _args(node)
                end = self.offset(args[-1].end_lineno, args[-1].end_col_offset)  # type: ignore[arg-type]
                while len(args) < 2:
                    self.replace(end, end, ", None")
                    args.append(ast.Constant(None))
                self.replace(end, end, ", None")
            self.node(node.value, renames)
            self.node(node.slice, renames)
            return
        self.node(node, renames)

    def _async_modules(self) -> set[str]:
        """Names bound to ``weaviate_async`` (or a submodule) by ``import``."""
        return {
            bound
            for bound, b in self.bindings.items()
            if b.kind == "import" and b.module.split(".")[0] == self.tree.package
        }

    def dotted(self, node: ast.Attribute, dotted: str) -> None:
        """``weaviate_async.a.b.Name`` (through a module imported by ``import``) spelled for
        the twin: the module path in ``weaviate_sync``, ``Name`` renamed when twinned."""
        root, _, rest = dotted.partition(".")
        binding = self.bindings[root]
        aliased = root != binding.module.split(".")[0]
        full = f"{binding.module}.{rest}" if aliased else dotted
        parts = full.split(".")
        cut = next(
            (i for i in range(len(parts), 0, -1) if ".".join(parts[:i]) in self.tree.modules),
            0,
        )
        module = ".".join(parts[:cut])
        if not cut or not self.tree.mirrored(self.tree.modules[module]):
            raise self.error(node, f"uses {full}, which has no blocking twin")
        tail = parts[cut:]
        if tail:
            tail[0] = self._sync_attr(module, tail[0])
        synced = ".".join([self.tree.twin_module(module), *tail])
        if aliased:  # the alias now names the twin module: only what follows it changes
            synced = root + synced[len(self.tree.twin_module(binding.module)) :]
        start, end = self.span(node)
        self.replace(start, end, synced)

    def rename(self, name: str, renames: dict[str, str]) -> str | None:
        if name in renames:
            return renames[name]
        binding = self.bindings.get(name)
        if binding is None and name in ASYNC_BUILTINS:
            return ASYNC_BUILTINS[name]
        if binding is None or binding.kind != "from":
            return None
        if binding.module in TYPING_MODULES:
            attr = binding.attr or name
            if attr in ("Awaitable", "Coroutine"):
                raise GenError(f"{self.rel}: uses {attr} (cannot be made blocking)")
            return TEST_TYPING.get(name) if name == attr else None
        if binding.module.split(".")[0] != self.tree.package or name != binding.attr:
            return None
        new = self._sync_attr(binding.module, name)
        return None if new == name else new

    def _sync_attr(self, module: str, name: str) -> str:
        where = self.tree.resolve(module, name) if module in self.tree.modules else None
        if where is not None and where in self.tree.facades:
            return self.tree.facades[where]
        if name.startswith("use_async_with_"):
            return "connect_to_" + name[len("use_async_with_") :]
        return name

    def _typing_name(self, name: str) -> str | None:
        binding = self.bindings.get(name)
        if binding is not None and binding.kind == "from" and binding.module in TYPING_MODULES:
            return binding.attr
        return None

    def imports(self, stmt: ast.Import | ast.ImportFrom) -> None:
        new: ast.Import | ast.ImportFrom
        if isinstance(stmt, ast.Import):
            names = []
            for alias in stmt.names:
                name = alias.name
                if name.split(".")[0] == self.tree.package:
                    synced = self.tree.sync_module_name(name)
                    if synced == name:
                        raise self.error(stmt, f"imports {name}, which has no blocking twin")
                    name = synced
                names.append(ast.alias(name, alias.asname))
            new = ast.Import(names)
        else:
            module = stmt.module or ""
            names = []
            if module in TYPING_MODULES:
                for alias in stmt.names:
                    if alias.name in ("Awaitable", "Coroutine"):
                        raise self.error(stmt, f"imports {alias.name}")
                    names.append(ast.alias(TEST_TYPING.get(alias.name, alias.name), alias.asname))
            elif module.split(".")[0] == self.tree.package and not stmt.level:
                target = self.tree.sync_module_name(module)
                for alias in stmt.names:
                    names.append(ast.alias(self._sync_attr(module, alias.name), alias.asname))
                module = target
            else:
                return
            new = ast.ImportFrom(module, names, stmt.level)
        text = ast.unparse(new)
        if text != ast.unparse(stmt):
            start, end = self.span(stmt)
            self.replace(start, end, text)


def _is_docstring(stmt: ast.stmt) -> bool:
    return (
        isinstance(stmt, ast.Expr)
        and isinstance(stmt.value, ast.Constant)
        and isinstance(stmt.value.value, str)
    )


def _dotted(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return None if base is None else f"{base}.{node.attr}"
    return None


def sync_tests(tree: Tree, root: Path) -> dict[str, str]:
    """The blocking twins of the async test modules that opt in (``__sync_twin__``)."""
    out: dict[str, str] = {}
    base = root / TESTS_DIR
    if not base.exists():
        return out
    for path in sorted(base.rglob("*.py")):
        text = path.read_text()
        if SYNC_TWIN_MARKER not in text or text.startswith(GENERATED_MARK):
            continue
        rel = path.relative_to(root).as_posix()
        gen = SyncTestGen(tree, path, rel)
        target = gen.target()
        if target is None:
            continue
        if target in out:
            raise GenError(f"{rel}: {target} is the twin of another module already")
        out[target] = gen.render()
    return out


# --------------------------------------------------------------------------- driver


def _module_path(twin: str) -> str:
    return twin.replace(".", "/")


def generate(
    root: Path = REPO, package: str = SRC_PACKAGE, target: str = DST_PACKAGE
) -> tuple[dict[str, str], list[str]]:
    """The generated files (path relative to ``root`` -> text, unformatted) and notes."""
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    tree = Tree(root, package, target)
    files: dict[str, str] = {}
    notes: list[str] = []
    for name, mod in sorted(tree.modules.items()):
        if not tree.mirrored(mod):
            continue
        gen = ModuleGen(tree, mod, notes)
        twin_path = _module_path(gen.twin_name) + ("/__init__.py" if mod.is_package else ".py")
        if tree.has_twins(mod):
            if mod.is_package:
                raise GenError(f"{name}: keep facade classes out of package __init__ modules")
            files[twin_path] = gen.render_twins()
        elif mod.is_package:
            files[twin_path] = gen.render_package()
        else:
            files[twin_path] = gen.render_reexport()
    if (root / package / "py.typed").exists():
        files[f"{target}/py.typed"] = ""
    files.update(sync_tests(tree, root))
    return files, notes


def _ruff() -> str:
    candidate = Path(sys.executable).parent / "ruff"
    return str(candidate) if candidate.exists() else "ruff"


def format_files(
    files: dict[str, str],
    root: Path = REPO,
    first_party: tuple[str, ...] = (SRC_PACKAGE, DST_PACKAGE),
) -> dict[str, str]:
    """Sort imports and format with the project's ruff configuration, each file as if it were
    at its place in the repository (``--stdin-filename``), so ruff classifies imports as there."""
    ruff = _ruff()
    # first-party by name, not by what exists on disk yet (the output may not)
    known = ", ".join(f"'{p}'" for p in first_party)
    isort = ["--config", f"lint.isort.known-first-party = [{known}]"]
    out: dict[str, str] = {}
    for rel, text in sorted(files.items()):
        if not rel.endswith(".py"):
            out[rel] = text
            continue
        name = ["--stdin-filename", str(root / rel)]
        fixed = subprocess.run(
            [
                ruff,
                "check",
                "--quiet",
                "--fix-only",
                "--exit-zero",
                "--select",
                "I,F401,UP037",
                *isort,
                *name,
                "-",
            ],
            input=text,
            capture_output=True,
            text=True,
            cwd=root,
            check=True,
        ).stdout
        formatted = subprocess.run(
            [ruff, "format", "--quiet", *name, "-"],
            input=fixed,
            capture_output=True,
            text=True,
            cwd=root,
        )
        if formatted.returncode != 0:
            raise GenError(f"ruff format failed on {rel}: {formatted.stderr.strip()}")
        out[rel] = formatted.stdout
    return out


def existing_files(root: Path = REPO, target: str = DST_PACKAGE) -> dict[str, str]:
    """The files the generator owns now: the twin package, and generated test modules."""
    out: dict[str, str] = {}
    base = root / target
    if base.exists():
        for path in sorted(base.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                out[path.relative_to(root).as_posix()] = path.read_text()
    tests = root / TESTS_DIR
    if tests.exists():
        for path in sorted(tests.rglob("*.py")):
            text = path.read_text()
            if text.startswith(GENERATED_MARK):
                out[path.relative_to(root).as_posix()] = text
    return out


def build(
    root: Path = REPO, package: str = SRC_PACKAGE, target: str = DST_PACKAGE
) -> tuple[dict[str, str], list[str]]:
    files, notes = generate(root, package, target)
    return format_files(files, root, (package, target)), notes


def check(root: Path = REPO, package: str = SRC_PACKAGE, target: str = DST_PACKAGE) -> list[str]:
    """Files that differ from what the generator would write (stale, missing or extra), and
    the notes on constructs it could not translate: any of them fails ``--check``."""
    wanted, notes = build(root, package, target)
    have = existing_files(root, target)
    problems = [f"note: {note}" for note in notes]
    for rel in sorted(set(wanted) | set(have)):
        if rel not in have:
            problems.append(f"missing: {rel}")
        elif rel not in wanted:
            problems.append(f"not generated (remove it): {rel}")
        elif wanted[rel] != have[rel]:
            problems.append(f"stale: {rel}")
    return problems


def write(
    root: Path = REPO, package: str = SRC_PACKAGE, target: str = DST_PACKAGE
) -> tuple[list[str], list[str]]:
    wanted, notes = build(root, package, target)
    have = existing_files(root, target)
    changed = []
    for rel, text in wanted.items():
        if have.get(rel) != text:
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
            changed.append(rel)
    for rel in sorted(set(have) - set(wanted)):
        (root / rel).unlink()
        changed.append(f"removed {rel}")
    # empty directories left behind
    for path in (
        sorted((root / target).rglob("*"), reverse=True) if (root / target).exists() else []
    ):
        if (
            path.is_dir()
            and path.name != "__pycache__"
            and not any(p for p in path.iterdir() if p.name != "__pycache__")
        ):
            shutil.rmtree(path)
    return changed, notes


def bench(n: int = 20000, rounds: int = 7) -> None:
    """Microseconds per ``run(noop())``: run_coroutine_threadsafe vs LoopThread.run."""
    import asyncio
    import statistics
    import time

    sys.path.insert(0, str(REPO))
    from weaviate_async._loop_thread import LoopThread

    async def noop() -> int:
        return 1

    thread = LoopThread()
    thread.run(noop())
    loop = thread.loop

    def threadsafe() -> None:
        asyncio.run_coroutine_threadsafe(noop(), loop).result()

    def lean() -> None:
        thread.run(noop())

    results: dict[str, list[float]] = {"run_coroutine_threadsafe": [], "LoopThread.run": []}
    for _ in range(rounds):  # interleaved, so both see the same machine load
        for label, fn in (("run_coroutine_threadsafe", threadsafe), ("LoopThread.run", lean)):
            times = []
            for _ in range(n // rounds):
                start = time.perf_counter()
                fn()
                times.append(time.perf_counter() - start)
            results[label].extend(times)

    class Noop:
        async def __aenter__(self) -> Noop:
            return self

        async def __aexit__(self, *exc: object) -> None:
            return None

    cm = Noop()
    withs = []
    for _ in range(n // (2 * rounds) * rounds // 4):  # a `with` is two hops: fewer of them
        start = time.perf_counter()
        with thread.context(cm):
            pass
        withs.append(time.perf_counter() - start)
    thread.close()
    print(f"python {sys.version.split()[0]}, {n} calls each (interleaved), median per call:")
    for label, times in results.items():
        print(f"  {label:26s} {statistics.median(times) * 1e6:7.1f} us")
    print(
        f"  {'with LoopThread.context':26s} {statistics.median(withs) * 1e6:7.1f} us (enter + exit)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if weaviate_sync is stale or notes remain"
    )
    parser.add_argument("--bench", action="store_true", help="measure the loop-thread hop")
    parser.add_argument("--diff", action="store_true", help="with --check: show the diff")
    args = parser.parse_args(argv)
    if args.bench:
        bench()
        return 0
    try:
        if args.check:
            problems = check()
            wanted = build()[0] if args.diff else {}
            for problem in problems:
                print(problem)
                if args.diff and problem.startswith("stale: "):
                    rel = problem.split(": ", 1)[1]
                    have = (REPO / rel).read_text()
                    sys.stdout.writelines(
                        difflib.unified_diff(
                            have.splitlines(True), wanted[rel].splitlines(True), rel, rel
                        )
                    )
            if any(p.startswith("note: ") for p in problems):
                print("gen_sync made notes on constructs it cannot translate: fix the sources")
            if any(not p.startswith("note: ") for p in problems):
                print("generated files are out of date: run `python tools/gen_sync.py`")
            return 1 if problems else 0
        changed, notes = write()
    except GenError as exc:
        print(f"gen_sync: {exc}", file=sys.stderr)
        return 2
    for rel in changed:
        print(f"wrote {rel}" if not rel.startswith("removed") else rel)
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    return 1 if notes else 0


if __name__ == "__main__":
    sys.exit(main())
