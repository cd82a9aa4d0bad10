"""The one place where transport failures become the exceptions users catch.

Pure functions: given what the transport reported, build the exception. They never see headers,
so no credential can reach a message.
"""

from __future__ import annotations

from typing import Any

import orjson

from weaviate_async.exceptions import (
    ERROR_CODE_EXPLANATION,
    AuthenticationFailedError,
    InsufficientPermissionsError,
    ObjectAlreadyExistsError,
    UnexpectedStatusCodeError,
    WeaviateBaseError,
    WeaviateConnectionError,
    WeaviateQueryError,
    WeaviateTimeoutError,
)

__all__ = ["grpc_error", "http_error", "server_message", "timeout_error"]

RETRIABLE_HTTP = frozenset({429, 502, 503, 504})


def server_message(body: bytes | str | Any) -> str:
    """Extract the server's error text from a REST error body.

    Weaviate answers errors as ``{"error": [{"message": ...}]}``, ``{"message": ...}`` or
    ``{"code": ..., "message": ...}``; anything else is returned as text.
    """
    data: Any = body
    if isinstance(body, (bytes, str)):
        try:
            data = orjson.loads(body) if body else None
        except orjson.JSONDecodeError:
            text = body.decode(errors="replace") if isinstance(body, bytes) else body
            return text.strip()
    if isinstance(data, dict):
        errors = data.get("error")
        if isinstance(errors, list):
            messages = [str(e.get("message", e)) if isinstance(e, dict) else str(e) for e in errors]
            return "; ".join(messages)
        if "message" in data:
            return str(data["message"])
        if isinstance(errors, str):
            return errors
    if data is None:
        return ""
    return orjson.dumps(data).decode() if not isinstance(data, str) else data


def http_error(
    status: int, body: bytes | str | Any, *, operation: str, target: str
) -> WeaviateBaseError:
    """Build the exception for a REST reply with an unexpected status."""
    text = server_message(body)
    message = f"{operation} failed: {target} answered {status}: {text or '(no message)'}"
    if status in ERROR_CODE_EXPLANATION:
        message += f". {ERROR_CODE_EXPLANATION[status]}"
    cls: type[UnexpectedStatusCodeError] = UnexpectedStatusCodeError
    if status == 401:
        cls = AuthenticationFailedError
    elif status == 403:
        cls = InsufficientPermissionsError
    elif status in (409, 422) and "already exists" in text.lower():
        cls = ObjectAlreadyExistsError
    return cls._with(
        message,
        operation=operation,
        target=target,
        status=status,
        server_message=text,
        error=_json_body(body),
    )


def _json_body(body: bytes | str | Any) -> Any:
    """The reply's body as JSON (what the official client's ``error`` holds), else None."""
    if not isinstance(body, (bytes, str)):
        return body
    try:
        return orjson.loads(body) if body else None
    except orjson.JSONDecodeError:
        return None


def grpc_error(
    status: str,
    detail: str | None,
    *,
    operation: str,
    target: str,
    default: type[WeaviateBaseError] = WeaviateQueryError,
) -> WeaviateBaseError:
    """Build the exception for a failed gRPC call; ``status`` is the grpc status name."""
    text = detail or ""
    message = f"{operation} failed: {target} answered {status}: {text or '(no message)'}"
    cls: type[WeaviateBaseError] = default
    if status == "UNAUTHENTICATED":
        cls = AuthenticationFailedError
    elif status == "PERMISSION_DENIED":
        cls = InsufficientPermissionsError
    elif status == "ALREADY_EXISTS" or (
        "already exists" in text.lower() and status == "INVALID_ARGUMENT"
    ):
        cls = ObjectAlreadyExistsError
    elif status == "DEADLINE_EXCEEDED":
        cls = WeaviateTimeoutError
    elif status == "UNAVAILABLE":
        cls = WeaviateConnectionError
    return cls._with(
        message, operation=operation, target=target, status=status, server_message=text
    )


def timeout_error(operation: str, target: str, limit: float) -> WeaviateTimeoutError:
    """Build the exception for a call that ran out of time."""
    return WeaviateTimeoutError(
        f"{operation} timed out after {limit:g} s ({target})", operation=operation, target=target
    )
