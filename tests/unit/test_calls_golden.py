"""The generated call methods (``tools/gen_calls.py``) keep the signatures and docstrings they
had when they were written by hand (captured from that code before it was generated)."""

from __future__ import annotations

import hashlib
import inspect

import attrs
import pytest

from weaviate_async.connect import rpc as rpc_module
from weaviate_async.connect._calls import Calls
from weaviate_async.connect.connection import Connection
from weaviate_async.connect.rpc import RPCS, RpcTable

#: name -> (signature, first 16 hex digits of the docstring's sha256), from the hand-written code.
GOLDEN = {
    "rest": (
        "(self, method: 'str', path: 'str', *, operation: 'str', json: 'Any' = None, params: 'Mapping[str, str] | None' = None, ok: 'Collection[int]' = (200,), timeout: 'TimeoutKind | float' = 'query', idempotent: 'bool | None' = None, retry: 'RetryPolicy | None' = None) -> 'Any'",
        "0a8390ba5f709f18",
    ),
    "rest_status": (
        "(self, method: 'str', path: 'str', *, operation: 'str', json: 'Any' = None, params: 'Mapping[str, str] | None' = None, ok: 'Collection[int]' = (200,), timeout: 'TimeoutKind | float' = 'query', idempotent: 'bool | None' = None, retry: 'RetryPolicy | None' = None) -> 'tuple[int, Any]'",
        "864b3586e52d4e06",
    ),
    "search": (
        "(self, request: 'search_get_pb2.SearchRequest', *, operation: 'str', timeout: 'float | None' = None, retry: 'RetryPolicy | None' = None, error: 'type[WeaviateBaseError] | None' = None) -> 'search_get_pb2.SearchReply'",
        "86b89dbffb5c5830",
    ),
    "aggregate": (
        "(self, request: 'aggregate_pb2.AggregateRequest', *, operation: 'str', timeout: 'float | None' = None, retry: 'RetryPolicy | None' = None, error: 'type[WeaviateBaseError] | None' = None) -> 'aggregate_pb2.AggregateReply'",
        "08964e85c8183c7f",
    ),
    "tenants_get": (
        "(self, request: 'tenants_pb2.TenantsGetRequest', *, operation: 'str', timeout: 'float | None' = None, retry: 'RetryPolicy | None' = None, error: 'type[WeaviateBaseError] | None' = None) -> 'tenants_pb2.TenantsGetReply'",
        "b607b6b37a3b905b",
    ),
    "batch_objects": (
        "(self, request: 'batch_pb2.BatchObjectsRequest | bytes', *, operation: 'str', timeout: 'float | None' = None, retry: 'RetryPolicy | None' = None, error: 'type[WeaviateBaseError] | None' = None) -> 'batch_pb2.BatchObjectsReply'",
        "9510720ba8b58692",
    ),
    "batch_references": (
        "(self, request: 'batch_pb2.BatchReferencesRequest | bytes', *, operation: 'str', timeout: 'float | None' = None, retry: 'RetryPolicy | None' = None, error: 'type[WeaviateBaseError] | None' = None) -> 'batch_pb2.BatchReferencesReply'",
        "e3ae372b6af7caa9",
    ),
    "batch_delete": (
        "(self, request: 'batch_delete_pb2.BatchDeleteRequest', *, operation: 'str', timeout: 'float | None' = None, retry: 'RetryPolicy | None' = None, error: 'type[WeaviateBaseError] | None' = None) -> 'batch_delete_pb2.BatchDeleteReply'",
        "b07c754cd8c3c1c5",
    ),
    "batch_stream": (
        "(self, *, operation: 'str', timeout: 'float | None' = None) -> 'AbstractAsyncContextManager[BatchStream]'",
        "30b9f7aad8c6a4e3",
    ),
}


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_call_method_unchanged(name: str) -> None:
    method = getattr(Calls, name)
    signature, doc_hash = GOLDEN[name]
    assert str(inspect.signature(method)) == signature
    doc = inspect.getdoc(method)
    assert doc is not None
    assert hashlib.sha256(doc.encode()).hexdigest()[:16] == doc_hash


def test_connection_rest_status_matches_the_generated_stub() -> None:
    # The connection's implementation takes what the generated ``rest`` forwards.
    assert inspect.signature(Connection.rest_status) == inspect.signature(Calls.rest_status)


#: attribute -> the RPC's fields, from the hand-written ``rpc.py``.
RPC_GOLDEN = {
    "search": ("Search", "UNARY_UNARY", "SearchRequest", "SearchReply", "query", True, "Query"),
    "aggregate": (
        "Aggregate",
        "UNARY_UNARY",
        "AggregateRequest",
        "AggregateReply",
        "query",
        True,
        "Query",
    ),
    "tenants_get": (
        "TenantsGet",
        "UNARY_UNARY",
        "TenantsGetRequest",
        "TenantsGetReply",
        "query",
        True,
        "Query",
    ),
    "batch_objects": (
        "BatchObjects",
        "UNARY_UNARY",
        "BatchObjectsRequest",
        "BatchObjectsReply",
        "insert",
        True,
        "Batch",
    ),
    "batch_references": (
        "BatchReferences",
        "UNARY_UNARY",
        "BatchReferencesRequest",
        "BatchReferencesReply",
        "insert",
        False,
        "Batch",
    ),
    "batch_delete": (
        "BatchDelete",
        "UNARY_UNARY",
        "BatchDeleteRequest",
        "BatchDeleteReply",
        "insert",
        True,
        "Query",
    ),
    "batch_stream": (
        "BatchStream",
        "STREAM_STREAM",
        "BatchStreamRequest",
        "BatchStreamReply",
        "insert",
        False,
        "Batch",
    ),
}


def test_rpcs_unchanged() -> None:
    assert [field.name for field in attrs.fields(RpcTable)] == list(RPC_GOLDEN)
    for name, (
        method,
        cardinality,
        request,
        reply,
        timeout,
        idempotent,
        error,
    ) in RPC_GOLDEN.items():
        rpc = getattr(RPCS, name)
        assert rpc is getattr(rpc_module, name.upper())
        assert rpc.path == f"/weaviate.v1.Weaviate/{method}"
        assert rpc.target == rpc.path[1:]
        assert rpc.cardinality.name == cardinality
        assert (rpc.request_type.__name__, rpc.reply_type.__name__) == (request, reply)
        assert (rpc.timeout, rpc.idempotent) == (timeout, idempotent)
        assert rpc.error.__name__ == f"Weaviate{error}Error"
