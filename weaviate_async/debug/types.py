"""What ``client.debug`` returns: :class:`DebugRESTObject` (at the official
``weaviate.debug.types`` path).

The objects are defined in :mod:`weaviate_async.models.debug`, below the wire layer that
reads them from the server's replies; this module is the path programs import them from.
"""

from __future__ import annotations

from weaviate_async.models.debug import DebugRESTObject

__all__ = ["DebugRESTObject"]
