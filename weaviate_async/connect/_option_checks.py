"""The checks and conversions of the client's option classes (generated into
``weaviate_async/connect/_options.py`` and ``_option_parts.py`` from ``tools/factory_tables/settings_models.py``): each
refuses a bad value with a message of its own, naming the option.
"""

from __future__ import annotations

import os
import warnings
from typing import Any, Literal

import attrs

from weaviate_async._validate import invalid

GrpcTransport = Literal["grpclib", "grpcio"]
GRPC_TRANSPORTS: tuple[GrpcTransport, ...] = ("grpclib", "grpcio")
GRPC_TRANSPORT_ENV = "WEAVIATE_ASYNC_GRPC_TRANSPORT"
"""The environment variable that picks the gRPC transport when the config does not."""


def check_port(field: str) -> Any:
    """A validator: an int from 1 to 65535."""

    def check(_: object, __: object, value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 65536:
            raise invalid(field, "must be an int between 1 and 65535", value)

    return check


def check_positive(field: str) -> Any:
    """A validator: a positive number of seconds."""

    def check(_: object, __: object, value: float) -> None:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            raise invalid(field, "must be a positive number of seconds", value)

    return check


def no_effect(hint: str, default: object) -> Any:
    """A validator warning that an option of the official client has no effect here."""

    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value != default:
            warnings.warn(
                f"{attribute.name} has no effect in this client: {hint}",
                DeprecationWarning,
                stacklevel=3,
            )

    return check


def check_channels(_: object, __: object, value: int) -> None:
    """A validator: the number of gRPC channels, an int from 1 to 64."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 64:
        raise invalid("grpc_channels", "must be an int from 1 to 64", value)


def check_transport(_: object, __: object, value: str | None) -> None:
    """A validator: None or one of :data:`GRPC_TRANSPORTS`."""
    if value is not None and value not in GRPC_TRANSPORTS:
        raise invalid("grpc_transport", 'must be "grpclib" or "grpcio"', value)


def resolve_grpc_transport(given: GrpcTransport | None) -> GrpcTransport:
    """``given``, else the environment's ``WEAVIATE_ASYNC_GRPC_TRANSPORT``, else ``"grpclib"``."""
    if given is not None:
        return given
    value = os.environ.get(GRPC_TRANSPORT_ENV, "").strip().lower() or "grpclib"
    if value not in GRPC_TRANSPORTS:
        raise invalid(GRPC_TRANSPORT_ENV, 'must be "grpclib" or "grpcio"', value)
    return value


# The converters keep the private names they had in params.py (the settings golden test
# records each converter by name).


def proxy_url_repr(url: str | None) -> str:
    """The ``repr`` of a proxy URL with its password masked (``http://user:***@host:port``)."""
    if url is None or "@" not in url:
        return repr(url)
    scheme, sep, rest = url.rpartition("://")
    credentials, _, address = rest.rpartition("@")
    user = credentials.partition(":")[0]
    return repr(f"{scheme}{sep}{user}:***@{address}")


def to_hooks(value: Any) -> tuple[Any, ...]:
    """``event_hooks`` as a tuple: one callable or an iterable of them, each called with each
    request's event (an async one's coroutine is run as a task on the client's loop)."""
    if value is None:
        return ()
    hooks = (value,) if callable(value) else value
    try:
        hooks = tuple(hooks)
    except TypeError:
        raise invalid(
            "event_hooks", "must be a callable or a sequence of callables", value
        ) from None
    for hook in hooks:
        if not callable(hook):
            raise invalid("event_hooks", "must hold callables", hook)
    return hooks


def check_threshold(_: object, __: object, value: float | None) -> None:
    """``slow_operation_threshold``: None (off) or a number of seconds >= 0."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise invalid("slow_operation_threshold", "must be None or a number of seconds >= 0", value)
