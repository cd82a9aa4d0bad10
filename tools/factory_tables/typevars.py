"""The type variables of generic collections, the table ``tools/gen_typevars.py`` writes
``weaviate_async/typevars.py`` from.

One :class:`Var` per type variable: its name, its bound, its default (PEP 696) and what it
stands for; every one is a properties or a references variable of the same shape.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Var:
    """One type variable: ``Name = TypeVar("Name", bound=..., default=...)`` and its docstring."""

    name: str
    bound: str
    default: str
    doc: str
    contravariant: bool = False


#: the bounds of properties and of references variables
PROPS = "Mapping[str, Any]"
REFS = "Mapping[str, Any] | None"

DOC = """The type variables of generic collections: a handle's properties and references types.

They sit below every module that uses them (the models of ``classes``, the collection handle
and its namespaces) and are re-exported at the official paths
(``weaviate_async.collections.classes.types``, ``weaviate_async.collections.collection``).

Each has a default (PEP 696, through ``typing_extensions``), as in the official client, so that
an unannotated handle is fully typed for a strict type checker: ``client.collections.get("A")``
is a ``Collection[WeaviateProperties, None]``, and a bare ``DataObject`` or ``Collection`` in
an annotation needs no type arguments.

Examples:
    >>> from weaviate_async.typevars import Properties, References
    >>> class Handle(Generic[Properties, References]): ...
"""

VARS = (
    Var(
        "Properties",
        PROPS,
        "WeaviateProperties",
        "The properties type of a collection handle and its namespaces (a TypedDict, or a "
        "mapping).\n\nContravariant, as in the official client.",
        contravariant=True,
    ),
    Var(
        "TProperties",
        PROPS,
        "WeaviateProperties",
        "The properties type a handle switches to (``with_data_model``), or an iterator yields.",
    ),
    Var(
        "DProperties",
        PROPS,
        "dict[str, Any]",
        "The properties of objects given to ``data`` methods.",
    ),
    Var("QProperties", PROPS, "WeaviateProperties", "The properties of objects a query returns."),
    Var("NProperties", REFS, "None", "The properties of a nested object, or None."),
    Var(
        "References",
        REFS,
        "None",
        "The references type of a collection handle and its namespaces (None: none returned).",
    ),
    Var("IReferences", REFS, "None", "The references given to ``data`` methods, or None."),
    Var(
        "TReferences",
        REFS,
        "None",
        "The references type a handle switches to, or an iterator yields.",
    ),
)
