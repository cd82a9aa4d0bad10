"""The inputs of ``data.insert_many`` and the reference helpers (``DataObject``, ``DataReference``
...), at the official ``weaviate.collections.classes.data`` path.

The objects are our own (see the imports); this module gives programs written for the
official client the path they import from.
"""

from __future__ import annotations

from weaviate_async.classes.batch import (
    Error,
    RefError,
)
from weaviate_async.classes.data import (
    DataObject,
    DataReference,
    DataReferenceMulti,
    DataReferences,
    P,
    R,
)

__all__ = [
    "DataObject",
    "DataReference",
    "DataReferenceMulti",
    "DataReferences",
    "Error",
    "P",
    "R",
    "RefError",
]
