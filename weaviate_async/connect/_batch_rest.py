"""Reference batches over REST (``POST /v1/batch/references``), for servers without the
``BatchReferences`` gRPC call (seen missing on 1.32.0; 1.35.2 has it).

The official client always sends reference batches over REST; this client uses gRPC where the
server has it and converts the same request and reply here otherwise, so that callers see one
shape either way.
"""

from __future__ import annotations

from typing import Any

from weaviate_async.proto.weaviate.v1 import base_pb2, batch_pb2

__all__ = ["GRPC_REFERENCES_MINIMUM", "references_body", "references_params", "references_reply"]

#: The first server version this client sends reference batches to over gRPC.
GRPC_REFERENCES_MINIMUM = (1, 35, 0)

_LEVELS = {
    base_pb2.CONSISTENCY_LEVEL_ONE: "ONE",
    base_pb2.CONSISTENCY_LEVEL_QUORUM: "QUORUM",
    base_pb2.CONSISTENCY_LEVEL_ALL: "ALL",
}


def _request(request: batch_pb2.BatchReferencesRequest | bytes) -> batch_pb2.BatchReferencesRequest:
    if isinstance(request, (bytes, bytearray, memoryview)):
        return batch_pb2.BatchReferencesRequest.FromString(bytes(request))
    return request


def references_body(request: batch_pb2.BatchReferencesRequest | bytes) -> list[dict[str, Any]]:
    """The REST body of a ``BatchReferencesRequest``: one beacon pair per reference."""
    out: list[dict[str, Any]] = []
    for ref in _request(request).references:
        target = (
            f"weaviate://localhost/{ref.to_collection}/{ref.to_uuid}"
            if ref.HasField("to_collection") and ref.to_collection
            else f"weaviate://localhost/{ref.to_uuid}"
        )
        item: dict[str, Any] = {
            "from": f"weaviate://localhost/{ref.from_collection}/{ref.from_uuid}/{ref.name}",
            "to": target,
        }
        if ref.tenant:
            item["tenant"] = ref.tenant
        out.append(item)
    return out


def references_params(request: batch_pb2.BatchReferencesRequest | bytes) -> dict[str, str]:
    """The query parameters (the consistency level) of a ``BatchReferencesRequest``."""
    req = _request(request)
    if req.HasField("consistency_level") and req.consistency_level in _LEVELS:
        return {"consistency_level": _LEVELS[req.consistency_level]}
    return {}


def references_reply(body: Any, took: float = 0.0) -> batch_pb2.BatchReferencesReply:
    """The REST answer (one result per reference, in request order) as the gRPC reply: an
    error entry, by position, for each reference the server did not add."""
    errors: list[batch_pb2.BatchReferencesReply.BatchError] = []
    for index, item in enumerate(body if isinstance(body, list) else []):
        result = item.get("result") if isinstance(item, dict) else None
        if not isinstance(result, dict):
            continue
        found = (result.get("errors") or {}).get("error") or []
        messages = [str(e.get("message", "")) for e in found if isinstance(e, dict)]
        if messages or result.get("status") == "FAILED":
            errors.append(
                batch_pb2.BatchReferencesReply.BatchError(
                    index=index, error="; ".join(messages) or "FAILED"
                )
            )
    return batch_pb2.BatchReferencesReply(took=took, errors=errors)
