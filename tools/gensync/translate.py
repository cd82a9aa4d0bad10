"""Shared translation helpers: the imports a generated module needs, the rewriting of
expressions copied from the async source, and the text a blocking user reads."""

from __future__ import annotations

import ast
import copy
import re

from .common import ASYNC_TYPES, BUILTINS, UNWRAPPED_TYPES, GenError
from .source import Tree, _last_name

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


def _args(node: ast.Subscript) -> list[ast.expr]:
    return list(node.slice.elts) if isinstance(node.slice, ast.Tuple) else [node.slice]


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
