"""The pure parts of the grpclib transport's unary path: request framing and headers, and the
reply checks that must fail as grpclib's own ``client.Stream`` does."""

from __future__ import annotations

import pytest
from grpclib.const import Status
from grpclib.exceptions import GRPCError

from weaviate_async.connect._grpclib import (
    _check_head,
    _check_status,
    _framed,
    _request_headers,
)
from weaviate_async.proto.weaviate.v1 import search_get_pb2


def test_a_request_is_one_length_prefixed_uncompressed_message() -> None:
    assert _framed(b"xy") == b"\x00\x00\x00\x00\x02xy"
    request = search_get_pb2.SearchRequest(collection="Books", limit=3)
    body = request.SerializeToString()
    assert _framed(request) == b"\x00" + len(body).to_bytes(4, "big") + body


def test_request_headers_are_grpclibs_with_the_metadata_last() -> None:
    headers = _request_headers(
        "http", "localhost:50051", "/weaviate.v1.Weaviate/Search", 30.0, [("x-key", "v")]
    )
    assert headers[:4] == [
        (":method", "POST"),
        (":scheme", "http"),
        (":path", "/weaviate.v1.Weaviate/Search"),
        (":authority", "localhost:50051"),
    ]
    fields = dict(headers)
    assert fields["grpc-timeout"] == "30S"
    assert fields["te"] == "trailers"
    assert fields["content-type"] == "application/grpc"
    assert headers[-1] == ("x-key", "v")


@pytest.mark.parametrize("content_type", ["application/grpc", "application/grpc+proto"])
def test_good_reply_headers_pass(content_type: str) -> None:
    _check_head({":status": "200", "content-type": content_type})


@pytest.mark.parametrize(
    ("head", "status"),
    [
        ({":status": "503", "content-type": "application/grpc"}, Status.UNAVAILABLE),
        ({":status": "401", "content-type": "application/grpc"}, Status.UNAUTHENTICATED),
        ({":status": "418", "content-type": "application/grpc"}, Status.UNKNOWN),
        ({":status": "200"}, Status.UNKNOWN),
        ({":status": "200", "content-type": "application/json"}, Status.UNKNOWN),
        ({":status": "200", "content-type": "application/grpc+json"}, Status.UNKNOWN),
    ],
)
def test_bad_reply_headers_raise_grpclibs_status(head: dict[str, str], status: Status) -> None:
    with pytest.raises(GRPCError) as info:
        _check_head(head)
    assert info.value.status is status


def test_status_ok_passes() -> None:
    _check_status({"grpc-status": "0"})


@pytest.mark.parametrize(
    ("fields", "status", "message"),
    [
        (
            {"grpc-status": "5", "grpc-message": "no%20such%20class"},
            Status.NOT_FOUND,
            "no such class",
        ),
        ({"grpc-status": "14"}, Status.UNAVAILABLE, None),
        ({}, Status.UNKNOWN, "Missing grpc-status header"),
        ({"grpc-status": "x"}, Status.UNKNOWN, "Invalid grpc-status: 'x'"),
    ],
)
def test_error_statuses_raise_with_the_decoded_message(
    fields: dict[str, str], status: Status, message: str | None
) -> None:
    with pytest.raises(GRPCError) as info:
        _check_status(fields)
    assert info.value.status is status
    assert info.value.message == message


def test_abort_ends_a_call_waiting_in_another_thread() -> None:
    import socket
    import threading
    import time

    from grpclib.exceptions import StreamTerminatedError

    from weaviate_async.connect._h2_blocking import BlockingH2

    # A peer that accepts the connection and never answers: the call waits in recv.
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    connection = BlockingH2("127.0.0.1", port, None)
    outcome: list[BaseException] = []
    headers = _request_headers("http", f"127.0.0.1:{port}", "/x.Y/Z", 30.0, [])

    def call() -> None:
        try:
            connection.unary(headers, _framed(b""), 30.0)
        except BaseException as exc:
            outcome.append(exc)

    caller = threading.Thread(target=call)
    caller.start()
    peer, _ = listener.accept()
    try:
        deadline = time.monotonic() + 10
        while connection._sock is None and time.monotonic() < deadline:
            time.sleep(0.001)
        connection.abort()
        caller.join(10)
        assert not caller.is_alive()
        # A lost connection: in recv, or in sendall when the abort came before the request.
        assert len(outcome) == 1 and isinstance(outcome[0], (StreamTerminatedError, OSError))
        assert connection._sock is None  # the calling thread closed its socket
    finally:
        peer.close()
        listener.close()
