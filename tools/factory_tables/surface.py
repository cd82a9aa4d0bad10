"""The form of the tables ``tools/gen_filters.py`` generates the query-argument surfaces from.

A table module defines ``MODULE`` (a :class:`Surface`): the generated file, its docstring, the
code before its classes (imports, ``__all__``), its classes (:class:`Cls`) and the code after
them (aliases). A class is written once, as data: its docstring, bases and decorator, its
class-level statements, its fields (:class:`Field`; a record's ``Attributes:`` section is made
from their docs) and its methods (:class:`Method`).

A method is its name, its parameters after ``self`` / ``cls`` (none for a static method), what
it returns, its docstring and its body. Bodies are short: they call the hand-written logic of
the module the surface sits on (checks, wire forms), so the table only gives each public name
its signature and words.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Method:
    """One method: see the module docstring."""

    name: str
    params: str
    returns: str
    doc: str
    body: str
    #: "" (an instance method), "static", "class" or "property"
    kind: str = ""


@dataclass(frozen=True)
class Field:
    """One field of a record class: ``name: annotation [= value]`` and its line of docs (an
    enum's member when ``annotation`` is empty: ``name = value``)."""

    name: str
    annotation: str
    value: str = ""
    doc: str = ""


@dataclass(frozen=True)
class Cls:
    """One class of the generated module."""

    name: str
    doc: str
    bases: str = ""
    decorator: str = ""
    #: class-level statements before the fields (``__slots__``, ClassVars)
    body: str = ""
    fields: list[Field] = field(default_factory=list)
    methods: list[Method] = field(default_factory=list)
    #: code written right after the class (a module-level alias or helper of it)
    after: str = ""


@dataclass(frozen=True)
class Surface:
    """A generated module: where it goes, what it says and imports, and its classes."""

    path: str
    doc: str
    header: str
    classes: list[Cls]
    footer: str = ""
