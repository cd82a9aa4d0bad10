"""The server's JSON key of a configuration field, written once, as field metadata.

Create models (``Configure.*``), update models (``Reconfigure.*``) and read models (what
``collection.config.get()`` returns) declare each option with :func:`keyed`; its metadata names
the JSON key (``"cleanupIntervalSeconds"``), a path into a nested object with ``/``
(``"bm25/b"``), or a function of the value that names it (a quantizer is sent under its own
name). Serialisation is derived from it: :func:`keyed_json` writes a new object,
:func:`merge_keyed` writes the changes into a copy of the server's current object. Fields
without the metadata are not sent. Keys are written in the order the fields are declared,
unless a field gives an ``order`` (fields without one are 0; a stable sort).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any

import attrs

__all__ = [
    "JSON",
    "conversions",
    "json_aliases",
    "json_keys",
    "key_metadata",
    "keyed",
    "keyed_json",
    "merge_keyed",
    "plain",
]

#: the metadata entry holding a field's JSON key (or ``/``-separated path)
JSON = "json"
#: the metadata entry placing a key before (negative) or after (positive) the others
ORDER = "json_order"
#: the metadata entries of a read model's field whose JSON form differs from its value: the
#: function from the server's JSON (None: ignore it) and the function back to JSON
READ = "json_read"
WRITE = "json_write"

#: a JSON key or path, or a function of the field's value that gives it
JsonKey = str | Callable[[Any], str]


def keyed(
    json_key: JsonKey,
    *,
    order: int = 0,
    read: Callable[[Any], Any] | None = None,
    write: Callable[[Any], Any] | None = None,
    **field: Any,
) -> Any:
    """An attrs field sent as ``json_key``; other arguments go to ``attrs.field``."""
    if "factory" not in field:
        field.setdefault("default", None)
    metadata = {**field.pop("metadata", {}), **key_metadata(json_key, order=order)}
    if read is not None:
        metadata[READ] = read
    if write is not None:
        metadata[WRITE] = write
    return attrs.field(metadata=metadata, **field)


def key_metadata(json_key: JsonKey, *, order: int = 0) -> dict[str, Any]:
    """The metadata of a field sent as ``json_key``, for fields that need ``attrs.field``
    itself (mypy reads a converter's argument type only there)."""
    return {JSON: json_key, ORDER: order} if order else {JSON: json_key}


def conversions(cls: type, name: str) -> tuple[Callable[[Any], Any] | None, ...]:
    """The ``read`` and ``write`` functions of field ``name`` of ``cls`` (None when absent)."""
    metadata = attrs.fields_dict(cls)[name].metadata
    return metadata.get(READ), metadata.get(WRITE)


_KEYS: dict[type, tuple[tuple[str, JsonKey], ...]] = {}


def json_keys(cls: type) -> tuple[tuple[str, JsonKey], ...]:
    """``(attribute, json key)`` of every keyed field of ``cls``, in the order they are sent."""
    found = _KEYS.get(cls)
    if found is None:
        keyed_fields = sorted(
            (f for f in attrs.fields(cls) if JSON in f.metadata),
            key=lambda f: f.metadata.get(ORDER, 0),
        )
        found = _KEYS[cls] = tuple((f.name, f.metadata[JSON]) for f in keyed_fields)
    return found


def plain(value: Any) -> Any:
    """``value`` as JSON data: enums by value, nested models by their ``to_json()``,
    containers copied."""
    if isinstance(value, Enum):
        return value.value
    to_json = getattr(value, "to_json", None)
    if to_json is not None:
        return to_json()
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, Mapping):
        return {k: plain(v) for k, v in value.items()}
    return value


def _place(out: dict[str, Any], path: JsonKey, value: Any) -> None:
    *parents, last = (path(value) if callable(path) else path).split("/")
    for part in parents:
        child = out.get(part)
        # a copy, so that the caller's current object is never changed in place
        child = dict(child) if isinstance(child, Mapping) else {}
        out[part] = child
        out = child
    out[last] = plain(value)


def keyed_json(obj: Any, out: dict[str, Any] | None = None) -> dict[str, Any]:
    """The keyed fields of ``obj`` that are not None, placed in ``out`` (a new dict when None)."""
    target: dict[str, Any] = {} if out is None else out
    for name, path in json_keys(type(obj)):
        value = getattr(obj, name)
        if value is not None:
            _place(target, path, value)
    return target


def merge_keyed(obj: Any, current: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of ``current`` (the server's object) with ``obj``'s keyed fields that are not
    None written over it; nested objects named by a path are merged, not replaced."""
    return keyed_json(obj, copy.deepcopy(dict(current)))


def json_aliases(cls: type) -> dict[str, str]:
    """``{json key: attribute}`` of the keyed fields whose key is a top-level name other than
    the attribute's: the official client's models name these fields as the server does."""
    return {
        k: name for name, k in json_keys(cls) if isinstance(k, str) and "/" not in k and k != name
    }
