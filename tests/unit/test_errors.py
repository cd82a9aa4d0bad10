"""The mapping of transport failures to exceptions (pure)."""

from __future__ import annotations

import pytest

from weaviate_async.connect import errors
from weaviate_async.exceptions import (
    AuthenticationFailedError,
    InsufficientPermissionsError,
    ObjectAlreadyExistsError,
    UnexpectedStatusCodeError,
    WeaviateConnectionError,
    WeaviateQueryError,
    WeaviateTimeoutError,
)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b'{"error":[{"message":"class X already exists"}]}', "class X already exists"),
        (b'{"error":[{"message":"a"},{"message":"b"}]}', "a; b"),
        (b'{"code":601,"message":"id not found"}', "id not found"),
        (b"plain text failure", "plain text failure"),
        (b"", ""),
        ({"message": "already decoded"}, "already decoded"),
    ],
)
def test_server_message_shapes(body: object, expected: str) -> None:
    assert errors.server_message(body) == expected


@pytest.mark.parametrize(
    ("status", "body", "cls"),
    [
        (401, b'{"code":401,"message":"anonymous access not enabled"}', AuthenticationFailedError),
        (403, b'{"error":[{"message":"forbidden: user x"}]}', InsufficientPermissionsError),
        (
            422,
            b'{"error":[{"message":"class name \\"A\\" already exists"}]}',
            ObjectAlreadyExistsError,
        ),
        (422, b'{"error":[{"message":"invalid property"}]}', UnexpectedStatusCodeError),
        (500, b"boom", UnexpectedStatusCodeError),
    ],
)
def test_http_statuses_map_to_exceptions(status: int, body: bytes, cls: type) -> None:
    exc = errors.http_error(status, body, operation="collections.create", target="/schema")
    assert type(exc) is cls
    assert exc.status == status and exc.operation == "collections.create"
    assert exc.target == "/schema"
    assert isinstance(exc, UnexpectedStatusCodeError)
    assert exc.status_code == status
    assert exc.server_message and exc.server_message in str(exc)


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        ("UNAUTHENTICATED", AuthenticationFailedError),
        ("PERMISSION_DENIED", InsufficientPermissionsError),
        ("ALREADY_EXISTS", ObjectAlreadyExistsError),
        ("DEADLINE_EXCEEDED", WeaviateTimeoutError),
        ("UNAVAILABLE", WeaviateConnectionError),
        ("UNKNOWN", WeaviateQueryError),
        ("INVALID_ARGUMENT", WeaviateQueryError),
    ],
)
def test_grpc_statuses_map_to_exceptions(status: str, cls: type) -> None:
    exc = errors.grpc_error(status, "detail text", operation="query.near_vector", target="Search")
    assert type(exc) is cls
    assert exc.status == status and "detail text" in str(exc)
    assert exc.server_message == "detail text"


def test_timeout_error_names_operation_and_limit() -> None:
    exc = errors.timeout_error("get_meta", "/meta", 2.5)
    assert "get_meta" in str(exc) and "2.5 s" in str(exc)
