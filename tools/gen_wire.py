"""Generate the record classes of aggregations, batches and search results from tables.

Usage::

    python tools/gen_wire.py           # (re)write the generated modules
    python tools/gen_wire.py --check   # exit 1 when one differs from what its table makes

The return shapes of the client are records: a class of typed fields with a docstring that
lists them, repeated dozens of times (the statistics of each aggregated data type, the objects,
groups and metadata of a search, what a batch reports). The metric kinds of ``Metrics`` repeat
one pattern too (a request class of flags, and a method whose arguments are the same flags).
So the fields (annotation, default, documentation) and the kinds are written once, in
``tools/factory_tables/`` (``records.py`` holds the vocabulary), and the modules are
generated; the behaviour around them stays hand-written (``classes/_metric_flags.py``,
``classes/batch.py``, ``classes/_internal_objects.py``).
"""

from __future__ import annotations

import argparse
import difflib
import sys
import textwrap
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from factory_tables import aggregate_classes as agg
from factory_tables import batch_classes as batch
from factory_tables import internal_classes as internal
from factory_tables.records import Alias, MetricKind, Record
from gen_search import REPO, format_module

WIDTH = 100


# ------------------------------------------------------------------------------- emitters


def _wrap(
    text: str, indent: str, hanging: str | None = None, first: str = "", width: int = WIDTH
) -> list[str]:
    """``text`` (paragraphs split by a blank line) wrapped at WIDTH under ``indent`` (its first
    line after ``indent + first``, its other lines under ``hanging`` when given)."""
    out: list[str] = []
    for i, paragraph in enumerate(text.split("\n\n")):
        if i:
            out.append("")
        out += textwrap.wrap(
            paragraph,
            width,
            initial_indent=indent + (first if i == 0 else ""),
            subsequent_indent=indent if hanging is None else hanging,
            break_on_hyphens=False,
            break_long_words=False,
        )
    return out


def docstring(
    summary: str, indent: str, sections: Iterable[tuple[str, Iterable[tuple[str, str]]]] = ()
) -> list[str]:
    """A docstring: the summary, then each non-empty section (``Args:``) of ``name: doc``
    entries (an entry without a name is a paragraph of its own)."""
    # 3 short of the width: the closing quotes may follow the last line (ruff puts them there)
    lines = _wrap(summary, indent, first='"""', width=WIDTH - 3)
    has_sections = False
    for title, entries in sections:
        entries = list(entries)
        if not entries:
            continue
        has_sections = True
        lines += ["", f"{indent}{title}:"]
        if title == "Examples":
            lines += [f"{indent}    {doc}" for _, doc in entries]
            continue
        for name, doc in entries:
            head = f"{indent}    {name}: " if name else f"{indent}    "
            wrapped = _wrap(doc, " " * len(head), f"{indent}        ")
            lines.append(head + wrapped[0].lstrip())
            lines += wrapped[1:]
    if not has_sections and len(lines[-1]) + 3 <= WIDTH:
        return [*lines[:-1], lines[-1] + '"""']
    return [*lines, f'{indent}"""']


def record(rec: Record) -> str:
    """A record class: its decorator, docstring (``Attributes:`` from the fields' docs) and
    fields."""
    decorator = "@attrs.frozen(kw_only=True)" if rec.style == "attrs" else "@dataclass"
    head = f"class {rec.name}({rec.bases}):" if rec.bases else f"class {rec.name}:"
    attributes = [(f.name, f.doc) for f in (*rec.inherited, *rec.fields) if f.doc]
    sections: list[tuple[str, Iterable[tuple[str, str]]]] = [
        ("Examples", [("", e) for e in rec.examples]),
        ("Attributes", attributes),
    ]
    lines = [decorator, head, *docstring(rec.doc, "    ", sections)]
    if rec.fields:
        lines.append("")
    for f in rec.fields:
        default = "" if f.default is None else f" = {f.default}"
        lines.append(f"    {f.name}: {f.annotation}{default}")
    return "\n".join(lines) + "\n"


def alias(a: Alias) -> str:
    """A typing alias, with its documentation comment."""
    if len(a.members) == 1:
        value = a.members[0]
    elif a.union:
        value = "Union[\n" + "".join(f"    {m},\n" for m in a.members) + "]"
    else:
        value = "(\n" + "".join(f"    {'| ' if i else ''}{m}\n" for i, m in enumerate(a.members))
        value += ")"
    doc = "".join(f"#: {line}\n" for line in textwrap.wrap(a.doc, WIDTH - 3)) if a.doc else ""
    return f"{doc}{a.name}: TypeAlias = {value}\n"


def metric_class(kind: MetricKind) -> str:
    """The request class of a metric kind: the property name and a bool per statistic."""
    lines = [
        "@attrs.frozen(kw_only=True)",
        f"class {kind.metric}:",
        *docstring(
            f"The statistics of {kind.about} (made by ``Metrics(p).{kind.method}()``).", "    "
        ),
        "",
        "    property_name: str = attrs.field(validator=name)",
    ]
    lines += [f"    {f.name}: bool = attrs.field(validator=flag)" for f in kind.flags]
    lines += [f"    {e.name}: {e.annotation} = {e.field}" for e in kind.extra if e.field]
    return "\n".join(lines) + "\n"


def metric_method(kind: MetricKind) -> str:
    """``Metrics.<method>``: every statistic when none is chosen, then the request class."""
    params = [f"{f.name}: bool = False" for f in kind.flags]
    params += [f"{e.name}: {e.annotation} = {e.default}" for e in kind.extra]
    summary = kind.summary or f"Statistics of {kind.about} (every one when none is chosen)."
    if kind.notes:
        summary += "\n\n" + kind.notes
    args = [(f.name, f.doc) for f in kind.flags] + [(e.name, e.doc) for e in kind.extra]
    raises = [(kind.raises.split(": ", 1)[0], kind.raises.split(": ", 1)[1])] if kind.raises else []
    sections: list[tuple[str, Iterable[tuple[str, str]]]] = [("Args", args), ("Raises", raises)]
    flags = ", ".join(f"{f.name}={f.name}" for f in kind.flags)
    kept = "".join(f", {e.name}={e.name}" for e in kind.extra if e.field)
    lines = [
        f"    def {kind.method}(self, {', '.join(params)}) -> {kind.metric}:",
        *docstring(summary, "        ", sections),
    ]
    if kind.prepare:
        lines.append(f"        {kind.prepare}")
    lines += [
        f"        flags = _all_if_none({flags})",
        f"        return {kind.metric}(property_name=self.__property, **flags{kept})",
    ]
    return "\n".join(lines) + "\n"


def metrics_class() -> str:
    """``Metrics``: one method per metric kind."""
    sections = [("Examples", [("", e) for e in agg.METRICS_EXAMPLE])]
    lines = ["class Metrics:", *docstring(agg.METRICS_DOC, "    ", sections), ""]
    lines += [
        "    def __init__(self, property_: str) -> None:",
        "        self.__property = _property_name(property_)",
        "",
        "    def __repr__(self) -> str:",
        '        return f"Metrics({self.__property!r})"',
    ]
    return "\n".join(lines) + "\n\n" + "\n".join(metric_method(k) for k in agg.KINDS)


def _all(names: Iterable[str]) -> str:
    return "__all__ = [\n" + "".join(f'    "{n}",\n' for n in sorted(names)) + "]\n"


def _public(blocks: Iterable[Record | Alias]) -> list[str]:
    return [b.name for b in blocks if not b.name.startswith("_")]


def render_aggregate() -> str:
    """``weaviate_async/classes/aggregate.py``."""
    names = _public([*agg.BEFORE, *agg.ALIASES_REQUEST, *agg.RESULTS, *agg.ALIASES_RESULT])
    names += [*_public([*agg.RETURNS, agg.GROUPED_BY_VALUE, *agg.GROUPS]), "Metrics"]
    parts = [
        agg.DOC + "\n\nfrom __future__ import annotations\n\n" + "\n".join(agg.IMPORTS) + "\n",
        _all(names),
        "# ---------------------------------------------------------------------------------- "
        "requests\n",
        *(metric_class(k) for k in agg.KINDS),
        *(alias(a) for a in agg.ALIASES_REQUEST),
        *(record(r) for r in agg.BEFORE),
        metrics_class(),
        "# ---------------------------------------------------------------------------------- "
        "results\n",
        *(record(r) for r in agg.RESULTS),
        *(alias(a) for a in agg.ALIASES_RESULT),
        *(record(r) for r in agg.RETURNS),
        alias(agg.GROUPED_BY_VALUE),
        *(record(r) for r in agg.GROUPS),
    ]
    return "\n\n".join(parts)


def render_records(module: Any) -> str:
    """A module of records (and aliases) from a table module with DOC, IMPORTS and BLOCKS
    (records, aliases and verbatim lines, in order) and optionally ALL (its ``__all__``)."""
    blocks = module.BLOCKS
    parts = [module.DOC + "\n\nfrom __future__ import annotations\n\n"]
    parts[0] += "\n".join(module.IMPORTS) + "\n"
    names = [b.name for b in blocks if isinstance(b, (Record, Alias))]
    parts.append(_all(getattr(module, "ALL", None) or names))
    for block in blocks:
        if isinstance(block, Record):
            parts.append(record(block))
        elif isinstance(block, Alias):
            parts.append(alias(block))
        else:
            parts.append(block)
    return "\n\n".join(parts)


TARGETS: dict[str, Callable[[], str]] = {
    "weaviate_async/classes/aggregate.py": render_aggregate,
    batch.TARGET: lambda: render_records(batch),
    internal.RECORDS_TARGET: lambda: render_records(internal.RECORDS),
    internal.TARGET: lambda: render_records(internal),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail when a module is stale")
    args = parser.parse_args()
    stale = 0
    for rel, render in TARGETS.items():
        path = REPO / rel
        text = format_module(render(), rel)
        current = path.read_text() if path.exists() else ""
        if text == current:
            continue
        if args.check:
            stale += 1
            sys.stdout.writelines(
                difflib.unified_diff(
                    current.splitlines(True), text.splitlines(True), rel, "generated", n=1
                )
            )
        else:
            path.write_text(text)
            print(f"wrote {rel}")
    if stale:
        print(f"{stale} generated module(s) stale: run python tools/gen_wire.py", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
