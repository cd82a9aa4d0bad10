"""The vocabulary of the record tables (``tools/gen_wire.py``): a record is a class made of
fields (a dataclass or a frozen attrs class), an alias is a typing alias, a metric kind is one
method of ``Metrics`` with its request class.

A field's ``doc`` is its line under ``Attributes:`` in the class docstring (left out when
empty); ``default`` is the source text of its default (or of its ``attrs.field(...)``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class F:
    """One field of a record."""

    name: str
    annotation: str
    doc: str = ""
    default: str | None = None


@dataclass(frozen=True)
class Record:
    """One class: ``doc`` is its summary (paragraphs split by a blank line), ``bases`` the
    source text of its bases, ``style`` ``dataclass`` or ``attrs`` (frozen, keyword-only).
    ``inherited`` documents fields of a base (their annotations unused), ``examples`` are
    docstring lines written as they are."""

    name: str
    doc: str
    fields: tuple[F, ...] = ()
    bases: str = ""
    style: str = "dataclass"
    inherited: tuple[F, ...] = ()
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class Alias:
    """A typing alias: the union of ``members`` (one member: that expression itself).
    ``union`` writes ``Union[...]`` (members that are string forward references need it)."""

    name: str
    members: tuple[str, ...]
    doc: str = ""
    union: bool = False


@dataclass(frozen=True)
class Flag:
    """One statistic of a metric kind: an argument of ``Metrics.<method>`` (default False)
    and a bool field of its request class."""

    name: str
    doc: str


@dataclass(frozen=True)
class Extra:
    """An argument of ``Metrics.<method>`` that is no flag; ``field`` is the source text of
    its attrs field in the request class (None: the argument is not kept)."""

    name: str
    annotation: str
    default: str
    doc: str
    field: str | None = None


@dataclass(frozen=True)
class MetricKind:
    """One ``Metrics.<method>``: its request class ``metric`` (of ``property_name`` and the
    flags), the statistics (``flags``) and other arguments (``extra``). ``prepare`` is a line
    run first (a hand-written helper's call), ``notes`` and ``raises`` extend the docstring."""

    method: str
    metric: str
    about: str
    flags: tuple[Flag, ...]
    extra: tuple[Extra, ...] = ()
    summary: str = ""
    notes: str = ""
    raises: str = ""
    prepare: str = ""
