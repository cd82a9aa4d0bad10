"""The property and reference types and type variables of generic collections, at the official
``weaviate.collections.classes.types`` path.

The objects are our own (see the imports); this module gives programs written for the
official client the path they import from.
"""

from __future__ import annotations

from typing import TypeVar

from weaviate_async.classes.batch import (
    T,
)
from weaviate_async.classes.data import GeoCoordinate, PhoneNumber
from weaviate_async.classes.internal import M
from weaviate_async.types import PhoneNumberType, WeaviateField, WeaviateProperties
from weaviate_async.typevars import (
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

P = TypeVar("P")
"""The properties type of a generic result (any type)."""
R = TypeVar("R")
"""The references type of a generic result (any type)."""
QP = TypeVar("QP")
"""The properties type of a query's results."""
QR = TypeVar("QR")
"""The references type of a query's results."""
