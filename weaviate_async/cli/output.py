"""What the command line prints: JSON for scripts (``--json``), rich tables otherwise."""

from __future__ import annotations

import datetime as dt
import enum
import uuid as uuid_lib
from collections.abc import Mapping, Sequence
from typing import Any

import attrs
import orjson

__all__ = ["Output", "plain"]


def plain(value: Any) -> Any:
    """A result object made into JSON-ready values (attrs classes as dicts, enums as their
    values, uuids and dates as text)."""
    if isinstance(value, enum.Enum):  # before str: many enums here are str enums
        return plain(value.value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (uuid_lib.UUID, dt.date, dt.datetime)):
        return str(value) if isinstance(value, uuid_lib.UUID) else value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [plain(v) for v in value]
    if attrs.has(type(value)):
        return {f.name: plain(getattr(value, f.name)) for f in attrs.fields(type(value))}
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return plain(to_dict())
    if hasattr(value, "__dict__"):
        return {k: plain(v) for k, v in vars(value).items() if not k.startswith("_")}
    return str(value)


@attrs.define
class Output:
    """Prints results as JSON (``json=True``) or as rich tables and lines."""

    json: bool = False

    def data(self, value: Any) -> None:
        """A whole result: JSON, or pretty-printed."""
        if self.json:
            print(orjson.dumps(plain(value), option=orjson.OPT_INDENT_2).decode())
        else:
            from rich import print_json

            print_json(orjson.dumps(plain(value)).decode())

    def table(
        self, title: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], raw: Any = None
    ) -> None:
        """Rows as a table (``raw``: what ``--json`` prints instead, default the rows as dicts)."""
        if self.json:
            if raw is None:
                raw = [dict(zip(columns, row, strict=True)) for row in rows]
            print(orjson.dumps(plain(raw), option=orjson.OPT_INDENT_2).decode())
            return
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title)
        for column in columns:
            table.add_column(column)
        for row in rows:
            table.add_row(*("" if v is None else str(plain(v)) for v in row))
        Console().print(table)

    def message(self, text: str, **fields: Any) -> None:
        """A line for people, or ``{"message": ..., **fields}`` for scripts."""
        if self.json:
            print(orjson.dumps(plain({"message": text, **fields})).decode())
        else:
            from rich.console import Console

            Console().print(text)
