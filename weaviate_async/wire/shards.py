"""Shard replies (pure): the verbose ``GET /v1/nodes/{collection}`` reply as :class:`Shard`
objects, and whether a ``GET /v1/schema/{collection}/shards`` reply says every shard is ready."""

from __future__ import annotations

from typing import Any

from weaviate_async.exceptions import EmptyResponseError, ResponseCannotBeDecodedError
from weaviate_async.models.shards import Shard

__all__ = ["shard_statuses_ready", "shards_from_nodes"]


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


def shard_statuses_ready(body: Any, operation: str = "batch.wait_for_vector_indexing") -> bool:
    """Whether every shard of a ``/schema/{collection}/shards`` reply is READY.

    A shard is ready when each of its replicas is READY (``per_node_status``, from servers that
    report one state per node), else when its one ``status`` is READY. A server reports
    ``INDEXING`` while a vector queue of the shard holds anything, so READY also means "nothing
    left to index"; any other state (READONLY, LAZY_LOADING, ...) is not ready.
    """
    if not isinstance(body, list):
        raise ResponseCannotBeDecodedError._with(
            f"expected a list of shard statuses, got {type(body).__name__}", operation=operation
        )
    for shard in body:
        if not isinstance(shard, dict):
            raise ResponseCannotBeDecodedError._with(
                f"expected a shard status object, got {type(shard).__name__}", operation=operation
            )
        per_node = shard.get("per_node_status")
        if isinstance(per_node, dict):
            if any(state != "READY" for state in per_node.values()):
                return False
        elif shard.get("status") != "READY":
            return False
    return True
