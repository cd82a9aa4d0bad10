"""What ``client.debug`` returns: :class:`DebugRESTObject` (at the official
``weaviate.debug.types`` path).

Programs import them from :mod:`weaviate_async.debug.types`, which documents them; they are
defined here, below ``wire/`` and the namespaces that both use them.
"""

from __future__ import annotations

import datetime
import uuid as uuid_package
from typing import Any

import attrs

__all__ = ["DebugRESTObject"]


@attrs.frozen(kw_only=True)
class DebugRESTObject:
    """An object as the REST endpoint ``GET /v1/objects/{collection}/{id}`` returns it.

    Attributes:
        collection: the collection's name.
        creation_time: when the object was created (UTC).
        last_update_time: when it was last changed (UTC).
        properties: its properties as the server's JSON (dates as text, references as
            beacons).
        tenant: its tenant, in a multi-tenant collection.
        uuid: its id.
        vector: its unnamed vector, if it has one.
        vectors: its named vectors, by name (a multi-vector is a list of vectors).
    """

    collection: str
    creation_time: datetime.datetime
    last_update_time: datetime.datetime
    properties: dict[str, Any]
    tenant: str | None = None
    uuid: uuid_package.UUID
    vector: list[float] | None = None
    vectors: dict[str, Any] | None = None
