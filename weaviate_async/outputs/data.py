"""What ``collection.data`` returns beyond the batch results, at the official
``weaviate.outputs.data`` path.

Examples:
    >>> from weaviate_async.outputs.data import DeleteManyReturn
"""

from __future__ import annotations

from weaviate_async.classes.batch import DeleteManyObject, DeleteManyReturn, Error, RefError

__all__ = ["DeleteManyObject", "DeleteManyReturn", "Error", "RefError"]
