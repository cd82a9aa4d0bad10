"""Generate ``weaviate_async/connect/helpers.py`` from one table.

Usage::

    python tools/gen_connect.py           # (re)write weaviate_async/connect/helpers.py
    python tools/gen_connect.py --check   # exit 1 when it differs from what the table makes

The ``use_async_with_*`` and ``connect_to_*`` entry points repeat their parameters (signature,
documentation, forwarding) per kind of server; the table (``tools/factory_tables/
connect_helpers.py``) writes each parameter and each kind once.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import one_module
from factory_tables.connect_helpers import ALIASES, KINDS, PARAMS, REQUIRED, Kind

TARGET = "weaviate_async/connect/helpers.py"
DOC = """Entry points: ``use_async_with_*`` build a client, ``connect_to_*`` build and connect one.

{note}

Examples:
    >>> client = await connect_to_local()             # connected
    >>> async with use_async_with_local() as client:  # connects on enter, closes on exit
    ...     ...
"""
HEADER = """
import warnings
from collections.abc import Mapping, Sequence

from weaviate_async.client import WeaviateAsyncClient
from weaviate_async.connect._secrets import hidden_headers
from weaviate_async.connect.auth import AuthCredentials, _APIKey
from weaviate_async.connect.params import AdditionalConfig, ConnectionParams, _cloud_params
from weaviate_async.embedded import DEFAULT_MODULES, DEFAULT_VERSION, EmbeddedOptions
"""


def _params(kind: Kind) -> list[tuple[str, str, object, str]]:
    """``(name, annotation, default, meaning)`` of each parameter of ``kind``."""
    out = []
    for spec in kind.params:
        name, _, key = spec.partition("=")
        out.append((name, *PARAMS[key or name]))
    return out


def _signature(kind: Kind) -> str:
    parts = []
    for name, annotation, default, _ in _params(kind):
        if default is REQUIRED:
            parts.append(f"{name}: {annotation}")
        elif isinstance(default, str) and default.startswith("="):
            parts.append(f"{name}: {annotation} = {default[1:]}")
        else:
            parts.append(f"{name}: {annotation} = {default!r}")
    return ", ".join(parts)


def _doc(summary: str, kind: Kind) -> str:
    """The docstring: ``summary``, then its ``Args`` before any ``Examples``."""
    head, _, examples = summary.partition("\n\nExamples:")
    args = "\n".join(
        textwrap.fill(
            f"{name}: {meaning}",
            92,
            initial_indent="    ",
            subsequent_indent="        ",
            break_on_hyphens=False,
            break_long_words=False,
        )
        for name, _, _, meaning in _params(kind)
    )
    doc = f"{head}\n\nArgs:\n{args}" + (f"\n\nExamples:{examples}" if examples else "")
    return '"""' + textwrap.indent(doc, "    ").lstrip() + '\n    """'


def _function(name: str, kind: Kind, summary: str, body: str, is_async: bool) -> str:
    prefix = "async def" if is_async else "def"
    return (
        f"{prefix} {name}({_signature(kind)}) -> WeaviateAsyncClient:\n"
        f"    {_doc(summary, kind)}\n" + textwrap.indent(body, "    ")
    )


_HIDE_HEADERS = "headers = hidden_headers(dict(headers)) if headers else headers\n"


def render() -> str:
    """The generated module, before formatting."""
    note = one_module.note("gen_connect.py", "connect_helpers.py")
    uses, connects, names = [], [], []
    for kind in KINDS:
        forwarded = ", ".join(name for name, *_ in _params(kind))
        uses.append(
            _function(
                f"use_async_with_{kind.name}", kind, kind.use_doc, f"return {kind.build}", False
            )
        )
        pre = kind.pre + "\n" if kind.pre else ""
        names_of = [name for name, *_ in _params(kind)]
        # The headers as the client holds them (module API keys hidden in repr): a traceback
        # with captured locals shows this frame when connecting fails.
        hiding = _HIDE_HEADERS if "headers" in names_of else ""
        pre = hiding + pre
        connects.append(
            _function(
                f"connect_to_{kind.name}",
                kind,
                kind.connect_doc,
                f"{pre}client = use_async_with_{kind.name}({forwarded})\n"
                "await client.connect()\nreturn client",
                True,
            )
        )
        names += [f"use_async_with_{kind.name}", f"connect_to_{kind.name}"]
        for alias, (of, doc) in ALIASES.items():
            if of == kind.name:
                connects.append(
                    _function(
                        f"connect_to_{alias}",
                        kind,
                        doc,
                        f"{hiding}return await connect_to_{of}({forwarded})",
                        True,
                    )
                )
                names.append(f"connect_to_{alias}")
    return (
        f'"""{DOC.format(note=note)}"""\n\nfrom __future__ import annotations\n{HEADER}\n'
        f"__all__ = {sorted(names)!r}\n\n\n" + "\n\n\n".join(uses + connects) + "\n"
    )


if __name__ == "__main__":
    sys.exit(one_module.main(__doc__, TARGET, render, "gen_connect.py"))
