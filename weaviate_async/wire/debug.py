"""The REST object reply of ``client.debug`` as a :class:`DebugRESTObject` (pure)."""

from __future__ import annotations

import uuid as uuid_package
from typing import Any

from weaviate_async.exceptions import ResponseCannotBeDecodedError
from weaviate_async.models.debug import DebugRESTObject
from weaviate_async.wire.values import ms_to_datetime

__all__ = ["debug_object_from_json"]


def debug_object_from_json(data: Any) -> DebugRESTObject:
    """An object of ``GET /v1/objects/{collection}/{id}`` (times in ms since the epoch)."""
    try:
        return DebugRESTObject(
            collection=data["class"],
            creation_time=ms_to_datetime(int(data["creationTimeUnix"])),
            last_update_time=ms_to_datetime(int(data["lastUpdateTimeUnix"])),
            properties=dict(data.get("properties") or {}),
            tenant=data.get("tenant") or None,
            uuid=uuid_package.UUID(data["id"]),
            vector=data.get("vector") or None,
            vectors=data.get("vectors") or None,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ResponseCannotBeDecodedError._with(
            f"unexpected shape of an object reply ({type(exc).__name__}: {exc})",
            operation="debug.get_object_over_rest",
        ) from exc
