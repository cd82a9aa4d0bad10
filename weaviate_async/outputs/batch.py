"""What batch writes return (``insert_many``), at the official ``weaviate.outputs.batch`` path.

Example:
    >>> from weaviate_async.outputs.batch import BatchObjectReturn
"""

from __future__ import annotations

from weaviate_async.classes.internal import BatchObjectReturn, ErrorObject

__all__ = ["BatchObjectReturn", "ErrorObject"]
