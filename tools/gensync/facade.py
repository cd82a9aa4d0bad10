"""The facade generator: one twin module per module of the async package (class twins,
re-export modules, lazy packages)."""

from __future__ import annotations

import ast
import copy
import importlib
from collections.abc import Callable
from dataclasses import dataclass

from .common import (
    ASYNC_CONTEXT_MANAGER_DECORATORS,
    ASYNC_DUNDERS,
    ASYNC_TYPES,
    CONTEXT_TYPES,
    ITERATOR_TYPES,
    KEPT_DECORATORS,
    PASS_THROUGH_DUNDERS,
    RUNTIME_MODULE,
    UNWRAPPED_TYPES,
    GenError,
)
from .source import Module, Tree, _last_name, has_all, literal_all
from .translate import Imports, Rewriter, _args, sync_text

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
        first = fn.args.args[0] if fn.args.args else None
        if (
            first is not None
            and first.annotation is not None
            and fake._mentions_facade(first.annotation, self.mod.name)
        ):
            # a function of a facade (a collection, the client) runs on that facade's loop
            if facade is not None:
                raise GenError(f"{where}: a function of a facade cannot return a facade")
            lines.append(f"    return {first.arg}._loop.run({target})")
        elif facade is not None and facade in self.tree.roots and not optional:
            twin = self.rw.twin_ref(facade, True)
            if any(arg.arg == "headers" for arg in fn.args.args):
                # As the async helper does: this frame's locals hold the headers as the client
                # does (module API keys hidden in repr) while connecting, which may fail.
                self.imports.need(
                    "hidden_headers",
                    "from",
                    "weaviate_async.connect._secrets",
                    "hidden_headers",
                    True,
                )
                lines.append("    headers = hidden_headers(dict(headers)) if headers else headers")
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
        aliases = self._twin_aliases()
        for name in names:
            if name not in aliases:
                self.imports.need(name, "from", self.mod.name, name, True)
        for facade, _ in aliases.values():
            twin = self.tree.facades[facade]
            self.imports.need(twin, "from", self.tree.twin_module(facade[0]), twin, True)
        self.imports.module = "<reexport>"  # importing from the source module is the point
        imports = self.imports.render()
        if "__getattr__" in self.mod.functions:
            # names the source module resolves on access (deprecated aliases) resolve here too
            imports += f"from {self.mod.name} import __getattr__ as __getattr__\n"
        body = "__all__ = [" + ", ".join(f'"{n}"' for n in sorted(names)) + "]\n"
        for name, (facade, doc) in aliases.items():
            body += f"\n{name} = {self.tree.facades[facade]}\n" + (f"{doc}\n" if doc else "")
        return self.header() + self._reexport_doc(bool(aliases)) + "\n" + imports + "\n\n" + body

    def _twin_aliases(self) -> dict[str, tuple[tuple[str, str], str | None]]:
        """The official blocking names of this module (``BatchClient = _BatchClientAsync``: a
        name without "Async" bound to a twinned class), which name the twin here, so that
        the async package never imports the blocking one; each with its docstring."""
        found: dict[str, tuple[tuple[str, str], str | None]] = {}
        body = self.mod.tree.body
        for i, stmt in enumerate(body):
            if not (
                isinstance(stmt, ast.Assign)
                and len(stmt.targets) == 1
                and isinstance(stmt.targets[0], ast.Name)
                and isinstance(stmt.value, ast.Name)
                and "Async" not in stmt.targets[0].id
            ):
                continue
            facade = self.tree.facade_of(self.mod.name, stmt.value.id)
            if facade is None:
                continue
            nxt = body[i + 1] if i + 1 < len(body) else None
            doc = None
            if isinstance(nxt, ast.Expr) and isinstance(nxt.value, ast.Constant):
                doc = ast.get_source_segment(self.mod.source, nxt)
            found[stmt.targets[0].id] = (facade, doc)
        return found

    def _reexport_doc(self, twins: bool = False) -> str:
        if twins:
            return (
                f'"""Re-exports :mod:`{self.mod.name}`; its official blocking names name\n'
                'the blocking twins here."""\n'
            )
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
                if name in {t for (m, _), t in self.tree.facades.items() if m == origin}:
                    # an official blocking name the source module binds to its async class
                    lazy[name] = self.tree.twin_module(origin)
                    self.imports.need(name, "from", lazy[name], name, False)
                    continue
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
