"""Generate ``weaviate_async/exceptions.py`` from one table.

Usage::

    python tools/gen_exceptions.py           # (re)write weaviate_async/exceptions.py
    python tools/gen_exceptions.py --check   # exit 1 when it differs from what the table makes

Some forty exception classes repeat one shape: the official constructor's parameters, often
this client's keyword-only context arguments forwarded to the parent, a message built from the
arguments, a few attributes. The table (``tools/factory_tables/exceptions.py``) writes each
class once, as data; the logic they share lives in ``weaviate_async/_error_base.py``.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import one_module
from factory_tables.exceptions import CLASSES, CTX, DOC, PROPS, Exc

TARGET = "weaviate_async/exceptions.py"
CONTEXT_PARAMS = (
    "operation: str | None = None, target: str | None = None, "
    "status: int | str | None = None, server_message: str | None = None"
)
HEADER = """
from typing import Any

from weaviate_async._error_base import (
    ERROR_CODE_EXPLANATION,
    ContextError,
    Picklable,
    deprecated_name,
    from_response,
    grpc_unavailable_text,
    status_number,
    as_server_message,
    unexpected_status_text,
)
"""


def _docstring(doc: str, indent: str) -> str:
    body = doc.replace("\n", "\n" + indent).replace(indent + "\n", "\n")
    return f'{indent}"""{body}' + (f'\n{indent}"""' if "\n\n" in doc else '"""')


def _init(exc: Exc) -> str:
    params = ["self"] + ([exc.params] if exc.params else [])
    if exc.context:
        params.append(("" if "*" in (exc.params or "") else "*, ") + CONTEXT_PARAMS)
    lines = [f"def __init__({', '.join(params)}) -> None:"]
    for target, value in exc.before.items():
        lines.append(f"    {target[1:] if target.startswith('=') else 'self.' + target} = {value}")
    if exc.parent == "super()":
        call = "super().__init__("
    elif exc.parent.startswith("self."):
        call = f"{exc.parent}("
    else:
        call = f"{exc.parent}.__init__(self, "
    lines.append(f"    {call}{exc.call.replace('{ctx}', CTX)})")
    lines += [f"    self.{target} = {value}" for target, value in exc.after.items()]
    return "\n".join(lines)


def _class(exc: Exc) -> str:
    parts = [_docstring(exc.doc, "    ")]
    if exc.attrs:
        parts.append("\n".join(f"    {line}" for line in exc.attrs))
    if exc.params is not None:
        parts.append(textwrap.indent(_init(exc), "    "))
    for prop in exc.props:
        annotation, doc, value = PROPS[prop]
        name = prop.partition("/")[0]
        parts.append(
            f"    @property\n    def {name}(self) -> {annotation}:\n"
            f'        """{doc}"""\n        return {value}'
        )
    return f"class {exc.name}({exc.bases}):\n" + "\n\n".join(parts)


def render() -> str:
    """The generated module, before formatting."""
    note = one_module.note("gen_exceptions.py", "exceptions.py", "weaviate_async/_error_base.py")
    summary, _, rest = DOC.rstrip("\n").partition("\n\n")
    doc = f"{summary}\n\n{note}\n\n{rest}"
    public = sorted(["ERROR_CODE_EXPLANATION"] + [c.name for c in CLASSES if c.name[0] != "_"])
    aliases = {alias: c.name for c in CLASSES for alias in c.aliases}
    return "\n".join(
        [
            f'"""{doc}\n"""\n\nfrom __future__ import annotations\n{HEADER}',
            f"__all__ = {public!r}\n",
            *(f"\n{_class(exc)}\n" for exc in CLASSES),
            "\n# The official client's older names of these classes: they resolve, with a "
            "DeprecationWarning.",
            f"_DEPRECATED_ALIASES = {dict(sorted(aliases.items()))!r}\n\n",
            "def __getattr__(name: str) -> Any:",
            "    return deprecated_name(__name__, name, _DEPRECATED_ALIASES, globals())",
        ]
    )


if __name__ == "__main__":
    sys.exit(one_module.main(__doc__, TARGET, render, "gen_exceptions.py"))
