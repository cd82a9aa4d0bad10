"""The verbose ``GET /v1/nodes/{collection}`` reply as :class:`Shard` objects (pure)."""

from __future__ import annotations

from typing import Any

from weaviate_async.collections.shards import Shard
from weaviate_async.exceptions import EmptyResponseError, ResponseCannotBeDecodedError

__all__ = ["shards_from_nodes"]


def shards_from_nodes(body: Any, operation: str = "collection.shards") -> list[Shard]:
    """Every shard of a verbose ``/nodes`` reply, node by node."""
    nodes = body.get("nodes") if isinstance(body, dict) else None
    if not nodes:
        raise EmptyResponseError("the nodes reply lists no node", operation=operation)
    try:
        return [
            Shard(
                collection=shard["class"],
                name=shard["name"],
                node=node["name"],
                object_count=int(shard.get("objectCount") or 0),
                vector_indexing_status=shard.get("vectorIndexingStatus", "READY"),
                vector_queue_length=int(shard.get("vectorQueueLength") or 0),
                compressed=bool(shard.get("compressed", False)),
                loaded=shard.get("loaded"),
            )
            for node in nodes
            for shard in node.get("shards") or []
        ]
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise ResponseCannotBeDecodedError._with(
            f"unexpected shape of the nodes reply ({type(exc).__name__}: {exc})",
            operation=operation,
        ) from exc
