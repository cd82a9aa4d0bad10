"""The type variables of generic collections: a handle's properties and references types.

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from typing_extensions import TypeVar

from weaviate_async.types import WeaviateProperties

__all__ = [
    "DProperties",
    "IReferences",
    "NProperties",
    "Properties",
    "QProperties",
    "References",
    "TProperties",
    "TReferences",
]

Properties = TypeVar(
    "Properties", bound=Mapping[str, Any], default=WeaviateProperties, contravariant=True
)
"""The properties type of a collection handle and its namespaces (a TypedDict, or a mapping).

Contravariant, as in the official client."""

TProperties = TypeVar("TProperties", bound=Mapping[str, Any], default=WeaviateProperties)
"""The properties type a handle switches to (``with_data_model``), or an iterator yields."""

DProperties = TypeVar("DProperties", bound=Mapping[str, Any], default=dict[str, Any])
"""The properties of objects given to ``data`` methods."""

QProperties = TypeVar("QProperties", bound=Mapping[str, Any], default=WeaviateProperties)
"""The properties of objects a query returns."""

NProperties = TypeVar("NProperties", bound=Mapping[str, Any] | None, default=None)
"""The properties of a nested object, or None."""

References = TypeVar("References", bound=Mapping[str, Any] | None, default=None)
"""The references type of a collection handle and its namespaces (None: none returned)."""

IReferences = TypeVar("IReferences", bound=Mapping[str, Any] | None, default=None)
"""The references given to ``data`` methods, or None."""

TReferences = TypeVar("TReferences", bound=Mapping[str, Any] | None, default=None)
"""The references type a handle switches to, or an iterator yields."""
