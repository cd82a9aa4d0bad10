"""What ``client.alias`` reads return: :class:`AliasReturn` (at the official
``weaviate.aliases.alias`` path).

The objects are defined in :mod:`weaviate_async.models.aliases`, below the wire layer that
reads them from the server's replies; this module is the path programs import them from.
"""

from __future__ import annotations

from weaviate_async.models.aliases import (
    AliasReturn,
)

__all__ = [
    "AliasReturn",
]
