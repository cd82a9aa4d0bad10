"""Aggregate requests and replies (pure). For now: the object count behind
``CollectionAsync.length()``; the full ``aggregate`` namespace builds on these."""

from __future__ import annotations

from typing import TYPE_CHECKING

from weaviate_async.exceptions import EmptyResponseError
from weaviate_async.proto.weaviate.v1 import aggregate_pb2

if TYPE_CHECKING:
    from weaviate_async.collections.scope import CollectionScope


def count_request(scope: CollectionScope) -> aggregate_pb2.AggregateRequest:
    """An ``AggregateRequest`` asking only for the number of objects of ``scope``."""
    return aggregate_pb2.AggregateRequest(
        collection=scope.name, tenant=scope.tenant or "", objects_count=True
    )


def count_from_reply(reply: aggregate_pb2.AggregateReply) -> int:
    """The object count of a single (ungrouped) aggregate reply."""
    if reply.WhichOneof("result") != "single_result" or not reply.single_result.HasField(
        "objects_count"
    ):
        raise EmptyResponseError(
            "the aggregate reply holds no object count", operation="collection.length"
        )
    return int(reply.single_result.objects_count)
