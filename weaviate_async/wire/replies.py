"""Reading the admin endpoints' JSON replies (pure): the shape checks the backup and cluster
parsers share, and a dataclass read from the camelCase keys of its fields."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from weaviate_async.exceptions import ResponseCannotBeDecodedError

__all__ = ["from_fields", "json_array", "json_object"]

T = TypeVar("T")

# How a field of each annotation reads a value the server may leave out (missing or null: ""
# or 0; a number where a text belongs is written out).
_READERS: dict[str, Callable[[Any], Any]] = {
    "str": lambda v: "" if v is None else str(v),
    "int": lambda v: int(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else 0,
    "bool": bool,
}


def _shape(value: Any, kind: type, what: str) -> Any:
    if not isinstance(value, kind):
        name = "a JSON object" if kind is Mapping else "a JSON array"
        raise ResponseCannotBeDecodedError._with(f"{what}: expected {name}, got {value!r:.200}")
    return value


def json_object(value: Any, what: str) -> Mapping[str, Any]:
    """``value`` when it is a JSON object, else a decode error naming ``what``."""
    return _shape(value, Mapping, what)  # type: ignore[no-any-return]


def json_array(value: Any, what: str) -> list[Any]:
    """``value`` when it is a JSON array, else a decode error naming ``what``."""
    return _shape(value, list, what)  # type: ignore[no-any-return]


def from_fields(
    cls: type[T], data: Mapping[str, Any], keys: Mapping[str, str] | None = None, **given: Any
) -> T:
    """An instance of the dataclass ``cls``: the fields in ``given`` as they are, every other
    one read from ``data`` under its name in camelCase (or ``keys[name]``) by the reader of its
    annotation (``str``, ``int`` or ``bool``)."""
    for field in dataclasses.fields(cls):  # type: ignore[arg-type]
        if field.name not in given:
            head, *rest = field.name.split("_")
            key = (keys or {}).get(field.name) or head + "".join(p.title() for p in rest)
            # The annotation is its text under ``from __future__ import annotations``.
            kind = str(getattr(field.type, "__name__", field.type))
            given[field.name] = _READERS[kind](data.get(key))
    return cls(**given)
