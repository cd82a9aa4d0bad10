"""Reference batches over REST for servers without the BatchReferences gRPC call
(connect/_batch_rest.py): the body and parameters from the gRPC request, and the REST answer as
the gRPC reply."""

from __future__ import annotations

import json
from typing import Any

import pytest
from aioresponses import CallbackResult, aioresponses

from tests.unit.test_rest_faults import _Response
from weaviate_async.connect import _batch_rest as batch_rest
from weaviate_async.connect.connection import Connection
from weaviate_async.connect.params import ConnectionParams
from weaviate_async.proto.weaviate.v1 import base_pb2, batch_pb2


def _request() -> batch_pb2.BatchReferencesRequest:
    return batch_pb2.BatchReferencesRequest(
        references=[
            batch_pb2.BatchReference(
                name="ref", from_collection="A", from_uuid="u1", to_collection="B", to_uuid="u2"
            ),
            batch_pb2.BatchReference(
                name="ref", from_collection="A", from_uuid="u3", to_uuid="u4", tenant="t"
            ),
        ],
        consistency_level=base_pb2.CONSISTENCY_LEVEL_QUORUM,
    )


def test_body_has_one_beacon_pair_per_reference_also_from_bytes() -> None:
    expected = [
        {"from": "weaviate://localhost/A/u1/ref", "to": "weaviate://localhost/B/u2"},
        {"from": "weaviate://localhost/A/u3/ref", "to": "weaviate://localhost/u4", "tenant": "t"},
    ]
    assert batch_rest.references_body(_request()) == expected
    assert batch_rest.references_body(_request().SerializeToString()) == expected


def test_consistency_level_becomes_a_query_parameter() -> None:
    assert batch_rest.references_params(_request()) == {"consistency_level": "QUORUM"}
    assert batch_rest.references_params(batch_pb2.BatchReferencesRequest()) == {}


def test_reply_lists_the_failed_references_by_position() -> None:
    body = [
        {"result": {"status": "SUCCESS"}},
        {"result": {"status": "FAILED", "errors": {"error": [{"message": "no such prop"}]}}},
        {"result": {"errors": {"error": [{"message": "a"}, {"message": "b"}]}}},
        {"result": {"status": "FAILED"}},
    ]
    reply = batch_rest.references_reply(body, took=0.5)
    assert reply.took == 0.5
    assert [(e.index, e.error) for e in reply.errors] == [
        (1, "no such prop"),
        (2, "a; b"),
        (3, "FAILED"),
    ]
    assert not batch_rest.references_reply([]).errors
    assert not batch_rest.references_reply(None).errors


async def test_an_older_server_gets_the_batch_over_rest(monkeypatch: pytest.MonkeyPatch) -> None:
    import aioresponses.core as core

    monkeypatch.setattr(core, "ClientResponse", _Response)
    conn = Connection(
        ConnectionParams.from_url("http://127.0.0.1:18080", grpc_port=18081),
        skip_init_checks=True,
    )
    await conn.connect()
    conn.server_version = (1, 34, 9)
    sent: list[Any] = []

    def grpc(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the gRPC call was used")

    conn._unary = grpc  # type: ignore[method-assign]
    answer = [{"result": {"status": "FAILED", "errors": {"error": [{"message": "bad"}]}}}, {}]
    try:
        with aioresponses() as mocked:
            url = "http://127.0.0.1:18080/v1/batch/references?consistency_level=QUORUM"

            def record(url: Any, **kwargs: Any) -> CallbackResult:
                body = kwargs.get("data")
                sent.append(json.loads(body) if body is not None else kwargs.get("json"))
                return CallbackResult(status=200, payload=answer)

            mocked.post(url, callback=record)
            reply = await conn.batch_references(_request(), operation="test")
    finally:
        await conn.close()
    assert sent == [batch_rest.references_body(_request())]
    assert [(e.index, e.error) for e in reply.errors] == [(0, "bad")]
