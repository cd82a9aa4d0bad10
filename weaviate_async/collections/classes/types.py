"""The property and reference types and type variables of generic collections, at the official
``weaviate.collections.classes.types`` path.

The objects are our own (see the imports); this module gives programs written for the
official client the path they import from.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from weaviate_async.classes.batch import (
    T,
)
from weaviate_async.classes.data import (
    GeoCoordinate,
    P,
    PhoneNumber,
    R,
)
from weaviate_async.classes.internal import (
    M,
    Properties,
    References,
    TProperties,
    TReferences,
)
from weaviate_async.types import PhoneNumberType, WeaviateField, WeaviateProperties

__all__ = [
    "DProperties",
    "GeoCoordinate",
    "IReferences",
    "M",
    "NProperties",
    "P",
    "PhoneNumber",
    "PhoneNumberType",
    "Properties",
    "QP",
    "QProperties",
    "QR",
    "R",
    "References",
    "T",
    "TProperties",
    "TReferences",
    "WeaviateField",
    "WeaviateProperties",
]

DProperties = TypeVar("DProperties", bound=Mapping[str, Any])
"""The properties of objects given to ``data`` methods."""
QProperties = TypeVar("QProperties", bound=Mapping[str, Any])
"""The properties of objects a query returns."""
NProperties = TypeVar("NProperties", bound=Mapping[str, Any] | None)
"""The properties of a nested object, or None."""
QP = TypeVar("QP")
"""The properties type of a query's results."""
QR = TypeVar("QR")
"""The references type of a query's results."""
IReferences = TypeVar("IReferences", bound=Mapping[str, Any] | None)
"""The references given to ``data`` methods, or None."""
