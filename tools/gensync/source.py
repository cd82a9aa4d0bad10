"""The source model: every module of the async package parsed, its bindings, its facade
classes and where each twin lives."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .common import (
    DST_PACKAGE,
    EXCLUDED,
    MARKER_MODULE,
    NOT_MIRRORED,
    SRC_PACKAGE,
    TYPING_MODULES,
    GenError,
)

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
