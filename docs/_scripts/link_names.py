"""An mkdocs hook: the guide pages link the names they use to their API reference entries.

An inline code span of a guide page (not of a code block, an HTML comment or a heading) that
names a documented object becomes a cross-reference to it, which mkdocs-autorefs resolves at
build time (and the strict build fails on one it cannot resolve):

- a public name of a documented module: `Filter`, `MetadataQuery`, `DataObject`,
  `WeaviateQueryError`, and one member of it: `Filter.by_property`, `Configure.Vectors`;
- a namespace reached through attributes, and its members: `collection.query`,
  `collection.query.near_vector`, `client.batch.dynamic()`, `collection.with_tenant(...)`;
- a documented module: `weaviate_async.classes.query`.

A page may name the namespace its bare member names belong to, from that line on:
``<!-- link-members: collection.query -->`` links `near_vector` to ``collection.query``'s.
A call's arguments are kept as written (`with_tenant(...)`); a name that two documented
modules define differently (``Shard``) stays plain. Each name is linked once per section (at
its first use after a heading), so a paragraph that repeats it stays readable.
"""

from __future__ import annotations

import enum
import importlib
import inspect
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

from docs_modules import NAMESPACES, public_modules  # noqa: E402

#: the receivers the guides write, and the class each stands for
RECEIVERS = {
    "client": "weaviate_async.client.WeaviateAsyncClient",
    "collection": "weaviate_async.collections.collection.CollectionAsync",
}

_FENCE = re.compile(r"^\s*(```|~~~)")
_SPAN = re.compile(r"(?<![`\[])`([^`\n]+)`(?![`\]])")
_MEMBERS = re.compile(r"^<!-- link-members: ([\w.]+) -->\s*$")
_CALL = re.compile(r"^([A-Za-z_][\w.]*)(\(.*\))?$")


def _members(cls: type) -> Iterable[str]:
    """The public members a class defines itself or takes from a generated method mixin
    (a ``_...Methods`` base written by tools/gen_methods.py)."""
    own = [k for k in cls.__mro__ if k is cls or k.__name__.endswith("Methods")]
    for name, value in {n: v for k in reversed(own) for n, v in vars(k).items()}.items():
        if name.startswith("_"):
            continue
        routine = isinstance(value, (staticmethod, classmethod, property, type))
        member = isinstance(cls, enum.EnumMeta) and isinstance(value, cls)
        if routine or member or inspect.isfunction(value):
            yield name


def _identifier(name: str, obj: Any, exporters: list[str], documented: set[str]) -> str:
    """Where the reference documents ``obj``: its defining module when that has a page, else
    the page of the module that says it re-exports it (the official path of a model defined
    in ``models/``), else the first page that exports it."""
    home = obj.__module__
    if home in documented and getattr(obj, "__qualname__", "") == name:
        return f"{home}.{name}"
    qualname = getattr(obj, "__qualname__", "")
    twin_home = "weaviate_sync" + home.removeprefix("weaviate_async")
    if qualname != name and qualname.replace("Async", "") == name and twin_home in documented:
        # an official blocking name bound to the async class (``Collection``): its twin in
        # weaviate_sync is the class documented under that name
        return f"{twin_home}.{name}"
    for module_name in exporters:
        doc = importlib.import_module(module_name).__doc__ or ""
        if f"defined in :mod:`{home}`" in doc:
            return f"{module_name}.{name}"
    modules = [importlib.import_module(m) for m in exporters]
    plain = [m.__name__ for m in modules if not hasattr(m, "__path__")]  # lazy packages last
    return f"{(plain or exporters)[0]}.{name}"


def name_table(root: Path = ROOT) -> dict[str, str]:
    """Text of a code span -> the identifier of its reference entry."""
    modules = public_modules(root, "weaviate_async")
    # the blocking twins (Collection, WeaviateClient) are defined, and documented, in weaviate_sync
    documented = set(modules) | set(public_modules(root, "weaviate_sync"))
    table: dict[str, str] = {module: module for module in modules}
    exporters: dict[str, list[str]] = {}
    objects: dict[str, Any] = {}
    ambiguous: set[str] = set()
    for module_name in modules:
        module = importlib.import_module(module_name)
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name, None)
            if name.startswith("_") or not (inspect.isclass(obj) or inspect.isfunction(obj)):
                continue
            if name in objects and objects[name] is not obj:
                ambiguous.add(name)  # two different objects of one name: no guess
            objects.setdefault(name, obj)
            exporters.setdefault(name, []).append(module_name)
    for name, obj in objects.items():
        if name in ambiguous:
            continue
        table[name] = _identifier(name, obj, exporters[name], documented)
        if inspect.isclass(obj):
            for member in _members(obj):
                table[f"{name}.{member}"] = f"{table[name]}.{member}"
    for receiver, path in RECEIVERS.items():
        for member in _members(_resolve(path)):
            table[f"{receiver}.{member}"] = f"{path}.{member}"
    for attribute, target in NAMESPACES:
        path = f"weaviate_async.{target}Async"
        table[attribute] = path
        for member in _members(_resolve(path)):
            table[f"{attribute}.{member}"] = f"{path}.{member}"
    return table


def _resolve(path: str) -> type:
    module, _, name = path.rpartition(".")
    cls: type = getattr(importlib.import_module(module), name)
    return cls


def link_code_spans(markdown: str, table: dict[str, str]) -> str:
    """``markdown`` with the code spans that name a documented object made cross-references."""
    linked: set[str] = set()
    members_of: list[str] = []  # the namespace that a page's bare member names belong to

    def link(match: re.Match[str]) -> str:
        text = match.group(1)
        call = _CALL.match(text.strip())
        identifier = None
        if call:
            identifier = table.get(call.group(1))
            if identifier is None and members_of and "." not in call.group(1):
                identifier = table.get(f"{members_of[-1]}.{call.group(1)}")
        if identifier is None or identifier in linked:
            return match.group(0)
        linked.add(identifier)
        return f"[`{text}`][{identifier}]"

    out: list[str] = []
    in_fence = in_comment = False
    for line in markdown.split("\n"):
        directive = _MEMBERS.match(line)
        if directive:
            members_of.append(directive.group(1))
        if in_comment:
            in_comment = "-->" not in line
        elif _FENCE.match(line):
            in_fence = not in_fence
        elif in_fence:
            pass
        elif line.lstrip().startswith("<!--"):
            in_comment = "-->" not in line
        elif line.startswith("#"):
            linked.clear()
        else:
            line = _SPAN.sub(link, line)
        out.append(line)
    return "\n".join(out)


_TABLE: dict[str, str] | None = None


def on_page_markdown(markdown: str, *, page: Any, **kwargs: Any) -> str:
    """mkdocs hook: link the guide pages' code spans (the reference pages are left alone)."""
    global _TABLE
    if page.file.src_uri.startswith("reference/"):
        return markdown
    if _TABLE is None:
        _TABLE = name_table()
    return link_code_spans(markdown, _TABLE)
