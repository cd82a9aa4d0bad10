"""What queries return (objects, their metadata, property value types), at the official
``weaviate.outputs.query`` path.

Example:
    >>> from weaviate_async.outputs.query import QueryReturn, Object
"""

from __future__ import annotations

from weaviate_async.classes.data import GeoCoordinate, ReferenceInput, ReferenceInputs
from weaviate_async.classes.internal import (
    MetadataReturn,
    MetadataSingleObjectReturn,
    Object,
    ObjectSingleReturn,
    QueryReturn,
)
from weaviate_async.types import (
    NearVectorInputType,
    PhoneNumberType,
    WeaviateField,
    WeaviateProperties,
)

__all__ = [
    "GeoCoordinate",
    "MetadataReturn",
    "MetadataSingleObjectReturn",
    "NearVectorInputType",
    "Object",
    "ObjectSingleReturn",
    "PhoneNumberType",
    "QueryReturn",
    "ReferenceInput",
    "ReferenceInputs",
    "WeaviateField",
    "WeaviateProperties",
]
