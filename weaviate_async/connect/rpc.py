"""The RPCs of ``weaviate.v1.Weaviate`` as typed values.

Each :class:`Rpc` names one method of ``protos/weaviate/v1/weaviate.proto`` with its request and
reply types, the time limit it gets by default (``query`` or ``insert`` from the client's
``Timeout``), whether it is idempotent and the exception class of its plain failures. The
connection has one typed method per RPC and one private implementation that takes an
:class:`Rpc`; nothing is looked up by name.
"""

from __future__ import annotations

from typing import Generic, Literal, TypeVar

import attrs
from grpclib.const import Cardinality

from weaviate_async.exceptions import WeaviateBaseError, WeaviateBatchError, WeaviateQueryError
from weaviate_async.proto.weaviate.v1 import (
    aggregate_pb2,
    batch_delete_pb2,
    batch_pb2,
    search_get_pb2,
    tenants_pb2,
)

__all__ = [
    "AGGREGATE",
    "BATCH_DELETE",
    "BATCH_OBJECTS",
    "BATCH_REFERENCES",
    "BATCH_STREAM",
    "RPCS",
    "SEARCH",
    "TENANTS_GET",
    "Rpc",
    "RpcTable",
]

Req = TypeVar("Req")
Rep = TypeVar("Rep")


@attrs.frozen
class Rpc(Generic[Req, Rep]):
    """One method of ``weaviate.v1.Weaviate``.

    Attributes:
        path: the HTTP/2 path, ``/weaviate.v1.Weaviate/<Method>``.
        cardinality: unary or streaming, as grpclib names it.
        request_type: the request message class.
        reply_type: the reply message class.
        timeout: the ``Timeout`` field that limits a call by default.
        idempotent: whether a call may be applied twice without harm (and so be retried after
            a broken connection).
        error: the exception class of plain failures (statuses with no class of their own).
    """

    path: str
    cardinality: Cardinality
    request_type: type[Req]
    reply_type: type[Rep]
    timeout: Literal["query", "insert"]
    idempotent: bool
    error: type[WeaviateBaseError]

    @property
    def target(self) -> str:
        """``weaviate.v1.Weaviate/<Method>``, as errors name it."""
        return self.path[1:]


def _unary(
    name: str,
    request_type: type[Req],
    reply_type: type[Rep],
    timeout: Literal["query", "insert"],
    *,
    idempotent: bool,
    error: type[WeaviateBaseError] = WeaviateQueryError,
) -> Rpc[Req, Rep]:
    return Rpc(
        f"/weaviate.v1.Weaviate/{name}",
        Cardinality.UNARY_UNARY,
        request_type,
        reply_type,
        timeout,
        idempotent,
        error,
    )


SEARCH = _unary(
    "Search", search_get_pb2.SearchRequest, search_get_pb2.SearchReply, "query", idempotent=True
)
AGGREGATE = _unary(
    "Aggregate",
    aggregate_pb2.AggregateRequest,
    aggregate_pb2.AggregateReply,
    "query",
    idempotent=True,
)
TENANTS_GET = _unary(
    "TenantsGet",
    tenants_pb2.TenantsGetRequest,
    tenants_pb2.TenantsGetReply,
    "query",
    idempotent=True,
)
# Objects are upserted by uuid, and the client always sends one: sending a batch twice gives
# the same result.
BATCH_OBJECTS = _unary(
    "BatchObjects",
    batch_pb2.BatchObjectsRequest,
    batch_pb2.BatchObjectsReply,
    "insert",
    idempotent=True,
    error=WeaviateBatchError,
)
# Adding a reference twice may store it twice.
BATCH_REFERENCES = _unary(
    "BatchReferences",
    batch_pb2.BatchReferencesRequest,
    batch_pb2.BatchReferencesReply,
    "insert",
    idempotent=False,
    error=WeaviateBatchError,
)
# Deleting what a filter matches twice leaves the same data; a retried call's counts describe
# its last attempt only.
BATCH_DELETE = _unary(
    "BatchDelete",
    batch_delete_pb2.BatchDeleteRequest,
    batch_delete_pb2.BatchDeleteReply,
    "insert",
    idempotent=True,
)
BATCH_STREAM: Rpc[batch_pb2.BatchStreamRequest, batch_pb2.BatchStreamReply] = Rpc(
    "/weaviate.v1.Weaviate/BatchStream",
    Cardinality.STREAM_STREAM,
    batch_pb2.BatchStreamRequest,
    batch_pb2.BatchStreamReply,
    "insert",
    False,
    WeaviateBatchError,
)


@attrs.frozen
class RpcTable:
    """Every RPC of the service, as typed attributes (the connection holds one)."""

    search: Rpc[search_get_pb2.SearchRequest, search_get_pb2.SearchReply] = SEARCH
    aggregate: Rpc[aggregate_pb2.AggregateRequest, aggregate_pb2.AggregateReply] = AGGREGATE
    tenants_get: Rpc[tenants_pb2.TenantsGetRequest, tenants_pb2.TenantsGetReply] = TENANTS_GET
    batch_objects: Rpc[batch_pb2.BatchObjectsRequest, batch_pb2.BatchObjectsReply] = BATCH_OBJECTS
    batch_references: Rpc[batch_pb2.BatchReferencesRequest, batch_pb2.BatchReferencesReply] = (
        BATCH_REFERENCES
    )
    batch_delete: Rpc[batch_delete_pb2.BatchDeleteRequest, batch_delete_pb2.BatchDeleteReply] = (
        BATCH_DELETE
    )
    batch_stream: Rpc[batch_pb2.BatchStreamRequest, batch_pb2.BatchStreamReply] = BATCH_STREAM


RPCS = RpcTable()
