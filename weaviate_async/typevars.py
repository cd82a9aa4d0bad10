"""The type variables of generic collections: a handle's properties and references types,
defined in :mod:`weaviate_async.classes._typevars` (see there) so that the models of ``classes``
take them from below.

Examples:
    >>> from weaviate_async.typevars import Properties, References
    >>> class Handle(Generic[Properties, References]): ...
"""

from __future__ import annotations

from weaviate_async.classes._typevars import (
    DProperties,
    IReferences,
    NProperties,
    Properties,
    QProperties,
    References,
    TProperties,
    TReferences,
)

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
