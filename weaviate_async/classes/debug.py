"""What ``client.debug`` returns, at the official ``weaviate.classes.debug`` path.

Examples:
    >>> from weaviate_async.classes.debug import DebugRESTObject
"""

from __future__ import annotations

from weaviate_async.models.debug import DebugRESTObject

__all__ = ["DebugRESTObject"]
