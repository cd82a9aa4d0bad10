"""Generate the provider factory namespaces (``Configure.Vectors`` and its older forms) from
tables.

Usage::

    python tools/gen_factories.py           # (re)write the generated modules
    python tools/gen_factories.py --check   # exit 1 when they differ from what the tables make

Each table module of ``tools/factory_tables`` (see its package docstring for the format) lists
the factories of one module family with their official signatures and docstrings and the
hand-written builder each calls; this tool writes them out as classes of static methods.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import importlib
import re
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))

from factory_tables import F, Module, Namespace  # noqa: E402
from gen_search import format_module  # noqa: E402

#: the table modules of tools/factory_tables, one per generated module
TABLES = ("vectorizer_modules", "vectorizers", "generative", "generative_runtime", "rerankers")


def _split(signature: str) -> list[str]:
    """The comma-separated items of ``signature``, commas inside brackets left alone."""
    items, depth, start = [], 0, 0
    for i, char in enumerate(signature):
        if char in "[(":
            depth += 1
        elif char in "])":
            depth -= 1
        if char == "," and depth == 0:
            items.append(signature[start:i])
            start = i + 1
    items.append(signature[start:])
    return [item.strip() for item in items]


def _parameters(module: Module, factory: F) -> list[tuple[str, str | None, str | None]]:
    """The factory's parameters as (name, annotation, default); ``("*", None, None)`` marks
    where the keyword-only ones start."""
    out: list[tuple[str, str | None, str | None]] = []
    for item in _split(factory.signature):
        if not item:
            continue
        if item == "*":
            out.append(("*", None, None))
            continue
        if ":" not in item:
            if item not in module.params:
                raise SystemExit(f"{factory.method}: {item!r} is not in the parameter catalog")
            annotation, default = module.params[item][:2]
            out.append((item, annotation, default))
            continue
        name, rest = (s.strip() for s in item.split(":", 1))
        annotation, _, default = rest.partition("=")
        out.append((name, annotation.strip(), default.strip() or None))
    return out


def _expand(build: str, forwarded: list[str]) -> str:
    """``build`` with its ``**`` replaced by ``p=p`` for every forwarded parameter it does not
    name elsewhere."""
    if "**" not in build:
        return build
    named = {
        n.id
        for n in ast.walk(ast.parse(build.replace("**", "None"), mode="eval"))
        if isinstance(n, ast.Name)
    }
    keywords = ", ".join(f"{p}={p}" for p in forwarded if p not in named)
    expanded = build.replace("**", keywords)
    return re.sub(r"\(\s*,\s*", "(", re.sub(r",\s*,", ",", re.sub(r",\s*\)", ")", expanded)))


def _settings(module: Module, factory: F, names: list[str]) -> str:
    """``provider(module, {JSON key: check, ...})`` for a factory that names its module."""
    entries = []
    for name in names:
        if factory.module == f"={name}":  # the parameter naming the module
            continue
        entry = module.params.get(name, ())
        if len(entry) != 4:
            raise SystemExit(f"{factory.method}: {name!r} has no JSON key and check in the catalog")
        check = factory.checks.get(name, entry[3]).replace("{p}", name)
        if check == "-":  # taken (and checked in ``pre``), not sent
            continue
        entries.append(f"{factory.keys.get(name, entry[2])!r}: {check}")
    if factory.extra:
        entries.append(factory.extra)
    name = factory.module[1:] if factory.module.startswith("=") else repr(factory.module)
    return f"{factory.provider or module.provider}({name}, {{{', '.join(entries)}}})"


def _method(module: Module, ns: Namespace, factory: F) -> str:
    params = _parameters(module, factory)
    rendered = []
    for name, annotation, default in params:
        if name == "*":
            rendered.append("*")
        else:
            rendered.append(f"{name}: {annotation}" + ("" if default is None else f" = {default}"))
    names = [p[0] for p in params if p[0] != "*"]
    if factory.module:
        returned = ns.wrap.format(build=_settings(module, factory, names))
    elif factory.raw:
        returned = _expand(factory.build, names)
    else:
        forwarded = [n for n in names if n not in ns.wrapper_params]
        returned = ns.wrap.format(build=_expand(factory.build, forwarded))
    body = [f'"""{factory.doc}"""'.replace("\n", "\n    ")] if factory.doc else []
    if factory.pre:
        body.append(factory.pre)
    body.append(f"return {returned}")
    code = "\n".join(body)
    decorator = "@staticmethod\n" if ns.cls else ""
    return (
        f"{decorator}def {factory.method}({', '.join(rendered)}) -> {factory.returns or ns.returns}:\n"
        + textwrap.indent(code, "    ")
        + "\n"
    )


def render(module: Module, table: str) -> str:
    """The generated module, before formatting."""
    note = (
        f"Generated by ``tools/gen_factories.py`` from ``tools/factory_tables/{table}.py``; "
        "change the table (or the hand-written builders) and regenerate "
        "(``python tools/gen_factories.py``), not this file."
    )
    # the note goes right after the summary, where a reader (and a line count) looks first
    summary, _, rest = module.doc.rstrip("\n").partition("\n\n")
    doc = f"{summary}\n\n{textwrap.fill(note, 95)}" + (f"\n\n{rest}" if rest else "")
    parts = [f'"""{doc}\n"""\n\nfrom __future__ import annotations\n{module.header}']
    for ns in module.namespaces:
        methods = "\n".join(_method(module, ns, f) for f in ns.factories)
        if not ns.cls:
            parts.append("\n\n" + "\n\n".join(_method(module, ns, f) for f in ns.factories))
            continue
        cls_doc = f'"""{ns.doc}"""'.replace("\n", "\n    ")
        parts.append(f"\n\nclass {ns.cls}:\n    {cls_doc}\n\n" + textwrap.indent(methods, "    "))
    return "\n".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail when the files are stale")
    args = parser.parse_args()
    stale = 0
    for table in TABLES:
        module: Module = importlib.import_module(f"factory_tables.{table}").MODULE
        path = REPO / module.path
        text = format_module(render(module, table), module.path)
        current = path.read_text() if path.exists() else ""
        if text == current:
            continue
        if args.check:
            stale += 1
            sys.stdout.writelines(
                difflib.unified_diff(
                    current.splitlines(True), text.splitlines(True), module.path, "generated", n=1
                )
            )
        else:
            path.write_text(text)
            print(f"wrote {module.path}")
    if stale:
        print(
            f"{stale} generated module(s) stale: run python tools/gen_factories.py", file=sys.stderr
        )
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
