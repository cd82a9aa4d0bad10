"""Filters (``Filter`` and what its builders return), at the official
``weaviate.collections.classes.filters`` path.

The objects are our own (see the imports); this module gives programs written for the
official client the path they import from.
"""

from __future__ import annotations

from weaviate_async.classes.data import GeoCoordinate
from weaviate_async.classes.filters import (
    Filter,
    FilterByCreationTime,
    FilterById,
    FilterByProperty,
    FilterByRef,
    FilterByUpdateTime,
    FilterReturn,
    FilterValues,
    FilterValuesList,
)

__all__ = [
    "Filter",
    "FilterByCreationTime",
    "FilterById",
    "FilterByProperty",
    "FilterByRef",
    "FilterByUpdateTime",
    "FilterReturn",
    "FilterValues",
    "FilterValuesList",
    "GeoCoordinate",
]
