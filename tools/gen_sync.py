"""Generate ``weaviate_sync``, the blocking twin of ``weaviate_async``.

Usage::

    python tools/gen_sync.py            # (re)write weaviate_sync/
    python tools/gen_sync.py --check    # exit 1 naming stale, missing or extra files
    python tools/gen_sync.py --bench    # the cost of one hop onto the loop thread

Nothing is imported to generate the facade classes: the source is parsed with :mod:`ast` and
signatures, annotations and docstrings are copied textually (``ast.unparse``) with their names
rewritten. A package's ``__all__`` that is not a literal is the one exception: the package is
imported to read it.

The rules (see README / ARCHITECTURE for the reasoning):

* A *facade class* is a class defined in a ``weaviate_async`` module whose name contains
  "Async". Its *twin* is named without "Async", lives in the mirror module under
  ``weaviate_sync``, keeps the facade's type parameters, holds the async instance
  (``_impl``) and the :class:`~weaviate_async._loop_thread.LoopThread` (``_loop``), and gets
  one explicit method per public member of the facade (and of its bases in ``weaviate_async``):

  - ``async def m`` -> ``def m`` (same parameters, defaults, annotations, docstring) running
    the coroutine on the loop; an async generator (or a member returning ``AsyncIterator`` /
    ``AsyncGenerator`` / ``AsyncIterable``) and ``__aiter__`` become iterators;
  - plain ``def``, ``@property`` (and ``cached_property``), property setters, ``staticmethod``
    and a few dunders (``__repr__``, ``__len__``, ...) pass through;
  - results whose annotation names a facade class (also ``X | None``, ``list[X]``,
    ``dict[K, X]``, iterators of X, ``Self``) are wrapped in the twin; parameters annotated with
    a facade class are unwrapped;
  - ``__aenter__``/``__aexit__`` become ``__enter__``/``__exit__``;
  - annotations: facade -> twin, ``AsyncIterator`` -> ``Iterator``, ``AsyncIterable`` ->
    ``Iterable``, ``AsyncGenerator[Y, S]`` -> ``Generator[Y, S, None]``, ``Awaitable[X]`` and
    ``Coroutine[A, B, X]`` -> ``X``, ``AbstractAsyncContextManager`` -> ``AbstractContextManager``;
  - private members (leading underscore) and other decorators are not copied.

* The *root* facade (``WeaviateAsyncClient``) keeps its constructor signature: the twin's
  ``__init__`` builds a private LoopThread and the async client; ``close()`` and ``__exit__``
  also stop and join the loop thread.
* A module-level ``async def`` returning a root facade (``connect_to_*``) becomes a function
  that starts a fresh LoopThread, runs the coroutine there and returns the twin owning it.
  Other module-level ``async def`` run on a temporary LoopThread. Everything else is
  re-exported unchanged (the objects are identical).
* Modules without facade classes become thin re-export modules; packages become lazy
  (module ``__getattr__``) like their async originals, so ``import weaviate_sync`` is cheap.
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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SRC_PACKAGE = "weaviate_async"
DST_PACKAGE = "weaviate_sync"
RUNTIME_MODULE = "weaviate_async._loop_thread"
ROOT_CLASSES = frozenset({"WeaviateAsyncClient"})
NOT_MIRRORED = (
    "weaviate_async.demo",
    "weaviate_async.wire",
    "weaviate_async.connect.connection",
    "weaviate_async.connect.errors",
    "weaviate_async.connect.grpc_proxy",
    "weaviate_async.connect.oidc",
    "weaviate_async.connect.retry",
    "weaviate_async.connect.rpc",
)
"""Public-looking modules that are no API (a script, the pure wire layer, the transport's
internals, whose coroutines are only meaningful on the client's own loop): no twin file."""
MODEL_PACKAGES = frozenset({"classes", "exceptions"})
EXCLUDED = ("weaviate_async.proto", "weaviate_async._loop_thread")

PASS_THROUGH_DUNDERS = frozenset(
    {"__repr__", "__str__", "__len__", "__bool__", "__contains__", "__getitem__", "__format__"}
)
KEPT_DECORATORS = frozenset({"overload", "property", "cached_property", "staticmethod"})

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


def is_facade(mod: Module, cls: ast.ClassDef) -> bool:
    """A facade class: "Async" in its name, and not a model (``classes``, attrs, dataclass) or
    an exception (``_AsyncReplicationConfig`` is a model of async replication)."""
    if "Async" not in cls.name:
        return False
    if any(part in MODEL_PACKAGES for part in mod.name.split(".")[1:2]):
        return False
    if cls.decorator_list:  # @attrs.define, @dataclass ...: a value object
        return False
    return not any(
        (_last_name(b) or "").endswith(("Error", "Exception", "Warning")) for b in cls.bases
    )


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
        self.facades: dict[tuple[str, str], str] = {}  # (module, class) -> twin name
        for mod in self.modules.values():
            for cname, cls in mod.classes.items():
                if is_facade(mod, cls):
                    self.facades[(mod.name, cname)] = cname.replace("Async", "")

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
        if isinstance(node, ast.Name):
            binding = self.rw.tree.modules[self.module].bindings.get(node.id)
            if binding is None or binding.kind != "from" or binding.module not in TYPING_MODULES:
                return None
            return binding.attr
        return name

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
        self.is_root = where[1] in ROOT_CLASSES
        self.notes = gen.notes

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
        doc = self.gen.docstring(self.cls)
        lines = [f"class {self.twin}{bases}:"]
        if doc:
            lines.append(f"    {doc}")
            lines.append("")
        lines.append('    __slots__ = ("_impl", "_loop")')
        lines.append("")
        members = self.members()
        init = [m for m in members if m.name == "__init__"]
        if self.is_root:
            if not init:
                raise GenError(f"{self.where[0]}.{self.where[1]}: a root facade needs __init__")
            lines.extend(self.root_init(init[0], impl_type))
        else:
            lines.extend(
                [
                    f"    def __init__(self, impl: {impl_type}, loop: LoopThread) -> None:",
                    "        self._impl = impl",
                    "        self._loop = loop",
                    "",
                ]
            )
        for member in members:
            if member.name != "__init__":
                lines.extend(self.member(member))
        if self.is_root:
            lines.extend(
                [
                    "    @classmethod",
                    f"    def _wrap(cls, impl: {impl_type}, loop: LoopThread) -> {self.twin}:",
                    "        self = cls.__new__(cls)",
                    "        self._impl = impl",
                    "        self._loop = loop",
                    "        return self",
                    "",
                ]
            )
        return "\n".join(lines) + "\n"

    def root_init(self, member: Member, impl_type: str) -> list[str]:
        fn = member.defs[-1]
        sig, call_args = self.signature(fn, member)
        lines = [f"    def __init__{sig}:"]
        doc = self.gen.docstring(fn)
        if doc:
            lines.append(f"        {doc}")
        lines.append(f"        self._impl = {self.where[1]}({call_args})")
        lines.append("        self._loop = LoopThread()")
        lines.append("")
        return lines

    def signature(
        self, fn: ast.FunctionDef | ast.AsyncFunctionDef, member: Member
    ) -> tuple[str, str]:
        """The rewritten ``(params) -> ret`` and the arguments forwarding them."""
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
            call.append(self.unwrap_arg(a, module))
        if original.vararg is not None:
            call.append(f"*{original.vararg.arg}")
        for a in original.kwonlyargs:
            call.append(f"{a.arg}={self.unwrap_arg(a, module)}")
        if original.kwarg is not None:
            call.append(f"**{original.kwarg.arg}")
        returns = ""
        if fn.returns is not None:
            ret = self.rw.expr(fn.returns, module, runtime=False, subst=member.subst)
            returns = f" -> {ast.unparse(ret)}"
        return f"({ast.unparse(args)}){returns}", ", ".join(call)

    def _is_static(self, fn: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
        return "staticmethod" in _decorator_names(fn)

    def unwrap_arg(self, arg: ast.arg, module: str) -> str:
        ann = arg.annotation
        if ann is not None:
            facade, optional = self.facade_in(ann, module)
            if facade is not None:
                return (
                    f"None if {arg.arg} is None else {arg.arg}._impl"
                    if optional
                    else (f"{arg.arg}._impl")
                )
        return arg.arg

    def facade_in(self, ann: ast.expr, module: str) -> tuple[tuple[str, str] | None, bool]:
        """The facade class ``ann`` names (optionally ``| None``)."""
        if isinstance(ann, ast.Constant) and isinstance(ann.value, str):
            ann = ast.parse(ann.value, mode="eval").body
        if isinstance(ann, ast.BinOp) and isinstance(ann.op, ast.BitOr):
            for a, b in ((ann.left, ann.right), (ann.right, ann.left)):
                if isinstance(b, ast.Constant) and b.value is None:
                    return self.facade_in(a, module)[0], True
        head = ann.value if isinstance(ann, ast.Subscript) else ann
        if isinstance(head, ast.Name):
            if _last_name(head) == "Optional" and isinstance(ann, ast.Subscript):
                return self.facade_in(ann.slice, module)[0], True
            return self.tree.facade_of(module, head.id), False
        return None, False

    def wrap(self, ann: ast.expr | None, expr: str, module: str, fn_name: str) -> list[str]:
        """Statements returning ``expr`` wrapped as its annotation ``ann`` says."""
        if ann is None:
            return [f"return {expr}"]
        if isinstance(ann, ast.Constant) and isinstance(ann.value, str):
            ann = ast.parse(ann.value, mode="eval").body
        if not self._mentions_facade(ann, module):
            return [f"return {expr}"]
        if isinstance(ann, ast.Name) and _last_name(ann) == "Self":
            return [
                f"_r = {expr}",
                f"return self if _r is self._impl else {self.construct('_r', self.where, 'type(self)')}",
            ]
        facade, optional = self.facade_in(ann, module)
        if facade is not None:
            built = self.construct("_r", facade)
            if optional:
                return [f"_r = {expr}", f"return None if _r is None else {built}"]
            return [f"return {self.construct(expr, facade)}"]
        if isinstance(ann, ast.Subscript):
            head = _last_name(ann.value)
            args = list(ann.slice.elts) if isinstance(ann.slice, ast.Tuple) else [ann.slice]
            if head in ("list", "List", "Sequence") and len(args) == 1:
                item, opt = self.facade_in(args[0], module)
                if item is not None and not opt:
                    return [f"return [{self.construct('_x', item)} for _x in {expr}]"]
            if head in ("dict", "Dict", "Mapping") and len(args) == 2:
                item, opt = self.facade_in(args[1], module)
                if item is not None and not opt and not self._mentions_facade(args[0], module):
                    return [
                        f"return {{_k: {self.construct('_v', item)} for _k, _v in {expr}.items()}}"
                    ]
            if head in ITERATOR_TYPES:
                item, opt = self.facade_in(args[0], module)
                if item is not None and not opt:
                    return [
                        f"return ({self.construct('_x', item)} for _x in "
                        f"self._loop.iterate({expr}))"
                    ]
        raise GenError(
            f"{module}.{self.where[1]}.{fn_name}: cannot wrap a result annotated "
            f"{ast.unparse(ann)!r} (supported: X, X | None, list[X], dict[K, X], iterators of X)"
        )

    def _mentions_facade(self, ann: ast.expr, module: str) -> bool:
        for node in ast.walk(ann):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                try:
                    inner = ast.parse(node.value, mode="eval").body
                except SyntaxError:
                    continue
                if self._mentions_facade(inner, module):
                    return True
            if isinstance(node, ast.Name) and (
                self.tree.facade_of(module, node.id) is not None or node.id == "Self"
            ):
                return True
        return False

    def construct(self, expr: str, facade: tuple[str, str], cls: str | None = None) -> str:
        name = cls or self.rw.twin_ref(facade, True)
        if facade[1] in ROOT_CLASSES:
            return f"{name}._wrap({expr}, self._loop)"
        return f"{name}({expr}, self._loop)"

    def iterator_kind(self, ann: ast.expr | None, module: str) -> bool:
        if isinstance(ann, ast.Constant) and isinstance(ann.value, str):
            ann = ast.parse(ann.value, mode="eval").body
        head = ann.value if isinstance(ann, ast.Subscript) else ann
        if head is None or _last_name(head) not in ITERATOR_TYPES:
            return False
        if isinstance(head, ast.Name):
            binding = self.tree.modules[module].bindings.get(head.id)
            return binding is not None and binding.module in TYPING_MODULES
        return True

    def awaitable_kind(self, ann: ast.expr | None, module: str) -> ast.expr | None:
        """For a plain def annotated ``Awaitable[X]``/``Coroutine[..., X]``: X."""
        if not isinstance(ann, ast.Subscript) or _last_name(ann.value) not in UNWRAPPED_TYPES:
            return None
        args = list(ann.slice.elts) if isinstance(ann.slice, ast.Tuple) else [ann.slice]
        return args[-1]

    def member(self, member: Member) -> list[str]:
        name = member.name
        if member.attr_annotation is not None:
            ann = self.rw.expr(
                member.attr_annotation, member.module, runtime=False, subst=member.subst
            )
            body = self.wrap(member.attr_annotation, f"self._impl.{name}", member.module, name)
            return [
                "    @property",
                f"    def {name}(self) -> {ast.unparse(ann)}:",
                *("        " + b for b in body),
                "",
            ]
        is_dunder = name.startswith("__") and name.endswith("__")
        if name.startswith("_") and not is_dunder:
            return []
        if is_dunder and name not in PASS_THROUGH_DUNDERS | {
            "__aenter__",
            "__aexit__",
            "__aiter__",
        }:
            if name not in ("__anext__", "__init__", "__del__", "__slots__"):
                self.notes.append(f"{self.where[0]}.{self.where[1]}.{name}: dunder not copied")
            return []
        out: list[str] = []
        overloads = [d for d in member.defs if "overload" in _decorator_names(d)]
        impls = [d for d in member.defs if "overload" not in _decorator_names(d)]
        for fn in overloads:
            sig, _ = self.signature(fn, member)
            out.append("    @overload")
            out.append(f"    def {name}{sig}: ...")
            out.append("")
            self.rw.imports.need("overload", "from", "typing", "overload", True)
        for fn in impls:
            out.extend(self.method(fn, member))
        return out

    def method(self, fn: ast.FunctionDef | ast.AsyncFunctionDef, member: Member) -> list[str]:
        module = member.module
        name = fn.name
        decorators = _decorator_names(fn)
        for dec in decorators:
            if dec not in KEPT_DECORATORS and dec not in ("setter", "deleter"):
                self.notes.append(f"{module}.{self.where[1]}.{name}: decorator @{dec} not copied")
        if "classmethod" in decorators:
            self.notes.append(f"{module}.{self.where[1]}.{name}: classmethod not copied")
            return []
        sig, call = self.signature(fn, member)
        is_async = isinstance(fn, ast.AsyncFunctionDef)
        out_name = {
            "__aenter__": "__enter__",
            "__aexit__": "__exit__",
            "__aiter__": "__iter__",
        }.get(name, name)
        head: list[str] = []
        doc = self.gen.docstring(fn)
        body: list[str]
        if "property" in decorators or "cached_property" in decorators:
            head.append("    @property")
            body = self.wrap(fn.returns, f"self._impl.{name}", module, name)
        elif "setter" in decorators:
            head.append(f"    @{name}.setter")
            value = fn.args.args[1]
            body = [f"self._impl.{name} = {self.unwrap_arg(value, module)}"]
        elif "deleter" in decorators:
            head.append(f"    @{name}.deleter")
            body = [f"del self._impl.{name}"]
        elif "staticmethod" in decorators:
            if is_async:
                self.notes.append(f"{module}.{self.where[1]}.{name}: async staticmethod not copied")
                return []
            head.append("    @staticmethod")
            src = self.rw.source_ref(self.where[0], self.where[1], True)
            body = self.wrap(fn.returns, f"{src}.{name}({call})", module, name)
        else:
            target = f"self._impl.{name}({call})"
            if name == "__aenter__":
                ann = fn.returns
                returns_self = ann is None or (
                    isinstance(ann, ast.Name | ast.Constant)
                    and (
                        _last_name(ann) == "Self"
                        or (
                            isinstance(ann, ast.Name)
                            and self.tree.facade_of(module, ann.id) == self.where
                        )
                        or (isinstance(ann, ast.Constant) and ann.value in (self.where[1], "Self"))
                    )
                )
                if returns_self:
                    body = [f"self._loop.run({target})", "return self"]
                else:
                    body = self.wrap(ann, f"self._loop.run({target})", module, name)
                if self.is_root:
                    body = [
                        "try:",
                        *("    " + b for b in body),
                        "except BaseException:",
                        "    self._loop.close()",
                        "    raise",
                    ]
            elif (is_async and _is_generator(fn)) or self.iterator_kind(fn.returns, module):
                if is_async and not _is_generator(fn):  # a coroutine returning an iterator
                    target = f"self._loop.run({target})"
                body = self.wrap_iter(fn.returns, target, module, name)
            elif is_async:
                body = self.wrap(fn.returns, f"self._loop.run({target})", module, name)
                if self.is_root and name in ("close", "__aexit__"):
                    body = [
                        "try:",
                        *("    " + b for b in body),
                        "finally:",
                        "    self._loop.close()",
                    ]
            elif (inner := self.awaitable_kind(fn.returns, module)) is not None:
                body = self.wrap(inner, f"self._loop.run({target})", module, name)
            elif name == "__repr__":
                body = [f'return {target}.replace("{self.where[1]}", "{self.twin}", 1)']
            else:
                body = self.wrap(fn.returns, target, module, name)
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

    def wrap_iter(self, ann: ast.expr | None, expr: str, module: str, name: str) -> list[str]:
        if ann is not None and self._mentions_facade(ann, module):
            return self.wrap(ann, expr, module, name)
        return [f"return self._loop.iterate({expr})"]


# --------------------------------------------------------------------------- modules


HEADER = (
    "# Generated by tools/gen_sync.py from {path}: do not edit.\n"
    "# Change {module} and run `python tools/gen_sync.py` instead.\n"
)


_SYNC_WORDS = {"await ": "", "async with ": "with ", "async for ": "for "}
_SYNC_DOC = re.compile(r"\b(?:await |async with |async for )")


class ModuleGen:
    def __init__(self, tree: Tree, mod: Module, notes: list[str]) -> None:
        self.tree = tree
        self.mod = mod
        self.notes = notes
        self.twin_name = tree.twin_module(mod.name)
        self.imports = Imports(self.twin_name)
        self.rw = Rewriter(tree, self.imports, self.twin_name)
        names = sorted((re.escape(n) for (_, n) in tree.facades), key=lambda n: (-len(n), n))
        self._doc_re = re.compile(r"\b(" + "|".join(names) + r")\b") if names else None

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
        text = ast.get_source_segment(self.mod_of(node).source, value) or repr(value.value)
        if self._doc_re is not None:
            lookup = {n: t for (_, n), t in self.tree.facades.items()}
            text = self._doc_re.sub(lambda m: lookup[m.group(1)], text)
        if node is not self.mod.tree:
            text = _SYNC_DOC.sub(lambda m: _SYNC_WORDS[m.group(0)], text)
        return text

    def mod_of(self, node: ast.AST) -> Module:
        for mod in self.tree.modules.values():
            for sub in ast.walk(mod.tree):
                if sub is node:
                    return mod
        return self.mod

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
        for name in public:
            if (self.mod.name, name) in self.tree.facades:
                exported.append(self.tree.facades[(self.mod.name, name)])
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
        fake = ClassGen.__new__(ClassGen)
        fake.gen, fake.tree, fake.rw, fake.notes = self, self.tree, self.rw, self.notes
        fake.where, fake.is_root = (self.mod.name, fn.name), False
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
        if facade is not None and facade[1] in ROOT_CLASSES and not optional:
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
        body = "__all__ = [" + ", ".join(f'"{n}"' for n in sorted(names)) + "]\n"
        return self.header() + self._reexport_doc() + "\n" + self.imports.render() + "\n\n" + body

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
        if any(name == n or name.startswith(n + ".") for n in NOT_MIRRORED):
            continue
        gen = ModuleGen(tree, mod, notes)
        twin_path = _module_path(gen.twin_name) + ("/__init__.py" if mod.is_package else ".py")
        if tree.has_twins(mod):
            if mod.is_package:
                raise GenError(f"{name}: keep facade classes out of package __init__ modules")
            files[twin_path] = gen.render_twins()
        elif mod.is_package:
            if mod.public or name == package:
                files[twin_path] = gen.render_package()
        elif mod.public:
            files[twin_path] = gen.render_reexport()
    if (root / package / "py.typed").exists():
        files[f"{target}/py.typed"] = ""
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
    out: dict[str, str] = {}
    base = root / target
    if not base.exists():
        return out
    for path in sorted(base.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            out[path.relative_to(root).as_posix()] = path.read_text()
    return out


def build(
    root: Path = REPO, package: str = SRC_PACKAGE, target: str = DST_PACKAGE
) -> tuple[dict[str, str], list[str]]:
    files, notes = generate(root, package, target)
    return format_files(files, root, (package, target)), notes


def check(root: Path = REPO, package: str = SRC_PACKAGE, target: str = DST_PACKAGE) -> list[str]:
    """Files that differ from what the generator would write (stale, missing or extra)."""
    wanted, _ = build(root, package, target)
    have = existing_files(root, target)
    problems = []
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
    for path in sorted((root / target).rglob("*"), reverse=True):
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
    thread.close()
    print(f"python {sys.version.split()[0]}, {n} calls each (interleaved), median per call:")
    for label, times in results.items():
        print(f"  {label:26s} {statistics.median(times) * 1e6:7.1f} us")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if weaviate_sync is stale")
    parser.add_argument("--bench", action="store_true", help="measure the loop-thread hop")
    parser.add_argument("--diff", action="store_true", help="with --check: show the diff")
    parser.add_argument("-v", "--verbose", action="store_true", help="print the notes")
    args = parser.parse_args(argv)
    if args.bench:
        bench()
        return 0
    try:
        if args.check:
            problems = check()
            for problem in problems:
                print(problem)
                if args.diff and problem.startswith("stale: "):
                    rel = problem.split(": ", 1)[1]
                    wanted, _ = build()
                    have = (REPO / rel).read_text()
                    sys.stdout.writelines(
                        difflib.unified_diff(
                            have.splitlines(True), wanted[rel].splitlines(True), rel, rel
                        )
                    )
            if problems:
                print("weaviate_sync is out of date: run `python tools/gen_sync.py`")
                return 1
            return 0
        changed, notes = write()
    except GenError as exc:
        print(f"gen_sync: {exc}", file=sys.stderr)
        return 2
    for rel in changed:
        print(f"wrote {rel}" if not rel.startswith("removed") else rel)
    if args.verbose:
        for note in notes:
            print(f"note: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
