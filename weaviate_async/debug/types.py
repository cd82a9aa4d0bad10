"""Re-exports :mod:`weaviate_async.models.debug` at the official ``weaviate.debug.types`` path.

The objects are defined there, below the wire layer that reads them from the server's
replies; this module gives programs the path they import from.
"""

from __future__ import annotations

from weaviate_async.models.debug import DebugRESTObject

__all__ = ["DebugRESTObject"]
