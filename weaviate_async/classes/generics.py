"""Generic data models of collections at the official ``weaviate.classes.generics`` path:
references and nested objects in a ``TypedDict`` of a collection's properties.

Examples:
    >>> class Author(TypedDict):
    ...     name: str
    >>> class Book(TypedDict):
    ...     title: str
    ...     author: CrossReference[Author]
"""

from __future__ import annotations

from weaviate_async.classes.internal import CrossReference, CrossReferenceAnnotation, Nested

__all__ = ["CrossReference", "CrossReferenceAnnotation", "Nested"]
