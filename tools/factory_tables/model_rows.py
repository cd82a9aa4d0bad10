"""The row types of the read-model tables that ``tools/gen_models.py`` generates modules from.

A table module defines ``TARGETS``: one :class:`Target` per generated module, with its
docstring, its header (imports, ``__all__``, module-level constants) and its items in order:
:class:`Enum` (members and values), :class:`Class` (decorator, bases, docstring, fields and
class-level statements), :class:`Text` (a type alias or a constant with its ``#:`` comment)
and :class:`Section` (a banner comment). A :class:`Field` is an attribute, its annotation and
its right-hand side (None: required); :func:`keyed_field` writes the right-hand side of a
configuration field from its JSON key (derived from the name when it is the camelCase of it),
so that serialisation stays derived from the ``keyed`` metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: the marker of a field without a default
REQUIRED = object()


@dataclass(frozen=True)
class Field:
    """An attribute: ``name: annotation [= value]``."""

    name: str
    annotation: str
    value: str | None = None


@dataclass(frozen=True)
class Class:
    """A model class; ``body`` holds the statements after its fields (methods, constants)."""

    name: str
    doc: str
    fields: tuple[Field, ...] = ()
    decorator: str = "@attrs.define(kw_only=True)"
    bases: str = ""
    body: tuple[str, ...] = ()


@dataclass(frozen=True)
class Enum:
    """An enum class: ``members`` are ``(NAME, value)``, the values written as strings."""

    name: str
    doc: str
    members: tuple[tuple[str, str], ...]
    bases: str = "str, Enum"


@dataclass(frozen=True)
class Text:
    """Module-level text written as it is: a type alias or a constant with its comment."""

    text: str


@dataclass(frozen=True)
class Section:
    """A banner comment between groups of items."""

    title: str


Item = Class | Enum | Text | Section


@dataclass(frozen=True)
class Target:
    """One generated module: its path, docstring, header and items."""

    path: str
    doc: str
    header: str
    items: tuple[Item, ...]
    footer: str = ""
    #: resolve the string annotations of every class at import (the converters read them)
    resolve_types: bool = False


def camel(name: str) -> str:
    """``cleanup_interval_seconds`` -> ``cleanupIntervalSeconds``."""
    return re.sub(r"_([a-z])", lambda m: m.group(1).upper(), name)


def keyed_field(
    name: str,
    annotation: str,
    default: object = None,
    *,
    key: str | None = None,
    factory: str | None = None,
    **options: str,
) -> Field:
    """A configuration field sent as ``key`` (default: the camelCase of ``name``); ``default``
    and ``options`` are Python expressions as text."""
    args = [repr(key if key is not None else camel(name)).replace("'", '"')]
    args += [f"{k}={v}" for k, v in options.items() if k == "order"]
    if factory is not None:
        args.append(f"factory={factory}")
    elif default is not None:
        args.append(f"default={default}")
    args += [f"{k}={v}" for k, v in options.items() if k != "order"]
    return Field(name, annotation, f"keyed({', '.join(args)})")
