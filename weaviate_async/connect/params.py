"""Where the server is and how to talk to it: connection parameters and client configuration.

Examples:
    >>> params = ConnectionParams.from_url("http://localhost:8080", grpc_port=50051)
    >>> config = AdditionalConfig(timeout=Timeout(query=10, insert=60, init=5))
"""

from __future__ import annotations

import warnings
from typing import Any, Literal
from urllib.parse import urlparse

import attrs

from weaviate_async._validate import invalid
from weaviate_async.connect._options import GrpcConfig, Proxies, RetryConfig, TLSConfig

__all__ = [
    "AdditionalConfig",
    "ConnectionConfig",
    "ConnectionParams",
    "GrpcConfig",
    "ProtocolParams",
    "Proxies",
    "RetryConfig",
    "TLSConfig",
    "Timeout",
]


GrpcTransport = Literal["grpclib", "grpcio"]
GRPC_TRANSPORTS: tuple[GrpcTransport, ...] = ("grpclib", "grpcio")
GRPC_TRANSPORT_ENV = "WEAVIATE_ASYNC_GRPC_TRANSPORT"
"""The environment variable that picks the gRPC transport when the config does not."""


def _check_port(field: str) -> Any:
    def check(_: object, __: object, value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 65536:
            raise invalid(field, "must be an int between 1 and 65535", value)

    return check


def _check_positive(field: str) -> Any:
    def check(_: object, __: object, value: float) -> None:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            raise invalid(field, "must be a positive number of seconds", value)

    return check


@attrs.frozen(kw_only=True)
class ProtocolParams:
    """Host, port and TLS flag of one protocol (HTTP or gRPC)."""

    host: str = attrs.field()
    port: int = attrs.field(validator=_check_port("port"))
    secure: bool = False

    @host.validator
    def _check_host(self, _: object, value: str) -> None:
        if not isinstance(value, str) or not value or "/" in value or " " in value:
            raise invalid("host", "must be a host name or address without scheme or path", value)

    @property
    def scheme(self) -> str:
        """``https`` or ``http``."""
        return "https" if self.secure else "http"

    @property
    def url(self) -> str:
        """``scheme://host:port`` (IPv6 hosts in brackets)."""
        host = f"[{self.host}]" if ":" in self.host and not self.host.startswith("[") else self.host
        return f"{self.scheme}://{host}:{self.port}"


@attrs.frozen(kw_only=True)
class ConnectionParams:
    """The HTTP (REST) and gRPC endpoints of one server.

    Examples:
        >>> ConnectionParams.from_params(
        ...     http_host="localhost", http_port=8080, http_secure=False,
        ...     grpc_host="localhost", grpc_port=50051, grpc_secure=False,
        ... )
    """

    http: ProtocolParams
    grpc: ProtocolParams
    #: The official client's grpc-web path (gRPC carried over the REST endpoint, for
    #: WebAssembly/Pyodide only). Accepted so that such code builds its parameters; a client
    #: given a non-empty one refuses it, as the official client does outside Pyodide.
    grpc_path_prefix: str | None = attrs.field(default=None)

    @grpc_path_prefix.validator
    def _check_prefix(self, _: object, value: str | None) -> None:
        if value is not None and not isinstance(value, str):
            raise invalid("grpc_path_prefix", "must be a str or None", value)

    @property
    def _grpc_web_path(self) -> str:
        """The grpc-web path with one leading slash and none trailing; "" for native gRPC."""
        cleaned = (self.grpc_path_prefix or "").strip("/")
        return f"/{cleaned}" if cleaned else ""

    @classmethod
    def from_url(
        cls,
        url: str,
        grpc_port: int,
        grpc_secure: bool = False,
        grpc_path_prefix: str | None = None,
    ) -> ConnectionParams:
        """Build from a REST URL (``http://host:port``) and a gRPC port on the same host; gRPC
        uses TLS when asked to or when the URL is ``https``."""
        parsed = urlparse(url)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise invalid("url", "must look like http(s)://host[:port]", url)
        secure = parsed.scheme == "https"
        port = parsed.port or (443 if secure else 80)
        return cls(
            http=ProtocolParams(host=parsed.hostname, port=port, secure=secure),
            grpc=ProtocolParams(host=parsed.hostname, port=grpc_port, secure=grpc_secure or secure),
            grpc_path_prefix=grpc_path_prefix,
        )

    @classmethod
    def from_params(
        cls,
        http_host: str,
        http_port: int,
        http_secure: bool,
        grpc_host: str,
        grpc_port: int,
        grpc_secure: bool,
        grpc_path_prefix: str | None = None,
    ) -> ConnectionParams:
        """Build from each protocol's host, port and TLS flag."""
        return cls(
            http=ProtocolParams(host=http_host, port=http_port, secure=http_secure),
            grpc=ProtocolParams(host=grpc_host, port=grpc_port, secure=grpc_secure),
            grpc_path_prefix=grpc_path_prefix,
        )


def _cloud_params(cluster_url: str) -> ConnectionParams:
    """A Weaviate Cloud cluster's endpoints: HTTPS on 443, gRPC on ``grpc-<host>``:443."""
    if not isinstance(cluster_url, str) or not cluster_url.strip():
        raise invalid("cluster_url", "must be a non-empty string", cluster_url)
    url = cluster_url.strip()
    host = urlparse(url).hostname if "://" in url else url.split("/")[0]
    if not host:
        raise invalid("cluster_url", "must name a host", cluster_url)
    return ConnectionParams.from_params(
        http_host=host,
        http_port=443,
        http_secure=True,
        grpc_host=f"grpc-{host}",
        grpc_port=443,
        grpc_secure=True,
    )


@attrs.frozen(kw_only=True)
class Timeout:
    """Time limits in seconds: ``init`` for connecting and start-up checks, ``query`` for reads
    and searches, ``insert`` for writes and batches.

    ``stream`` bounds a server-side batching stream as a whole (None: no limit of its own).

    Examples:
        >>> Timeout(query=60, insert=120, init=5)
    """

    query: float = attrs.field(default=30.0, validator=_check_positive("timeout.query"))
    insert: float = attrs.field(default=90.0, validator=_check_positive("timeout.insert"))
    init: float = attrs.field(default=2.0, validator=_check_positive("timeout.init"))
    stream: float | None = attrs.field(
        default=None, validator=attrs.validators.optional(_check_positive("timeout.stream"))
    )


def _no_effect(hint: str, default: object) -> Any:
    """A validator warning that an option of the official client has no effect here."""

    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value != default:
            warnings.warn(
                f"{attribute.name} has no effect in this client: {hint}",
                DeprecationWarning,
                stacklevel=3,
            )

    return check


@attrs.frozen
class ConnectionConfig:
    """Connection pool limits.

    Attributes:
        session_pool_connections: HTTP connections kept per host.
        session_pool_maxsize: HTTP connections in all.
        session_pool_max_retries: accepted for the official client's programs; retries are set
            with ``AdditionalConfig(retry=RetryConfig(...))`` (another value warns).
        session_pool_timeout: accepted likewise; the time limits are ``Timeout``'s (another value
            warns).
        grpc_channels: gRPC channels (HTTP/2 connections) to spread calls over, so that large
            batches do not starve queries.
        grpc_max_message_size: the largest gRPC message sent or received, in bytes.
    """

    session_pool_connections: int = 20
    session_pool_maxsize: int = 100
    session_pool_max_retries: int = attrs.field(
        default=3,
        validator=_no_effect("set retries with AdditionalConfig(retry=RetryConfig(...))", 3),
    )
    session_pool_timeout: int = attrs.field(
        default=5, validator=_no_effect("the time limits are set with Timeout(...)", 5)
    )
    grpc_channels: int = attrs.field(default=2, kw_only=True)
    grpc_max_message_size: int = attrs.field(default=100 * 1024 * 1024, kw_only=True)

    @grpc_channels.validator
    def _check_channels(self, _: object, value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 64:
            raise invalid("grpc_channels", "must be an int from 1 to 64", value)


def _to_timeout(value: Timeout | tuple[float, float] | None) -> Timeout:
    if value is None:
        return Timeout()
    if isinstance(value, tuple):
        # The official client's tuple form is (query, insert).
        return Timeout(query=value[0], insert=value[1])
    return value


def _to_proxies(value: str | Proxies | None) -> Proxies | None:
    if isinstance(value, str):
        return Proxies(http=value, https=value, grpc=value)
    return value


@attrs.frozen(kw_only=True)
class AdditionalConfig:
    """Client-wide settings beyond where the server is.

    Attributes:
        connection: connection pool limits.
        proxies: proxy URLs (a string means the same proxy for REST and gRPC).
        timeout: time limits.
        trust_env: when ``proxies`` is None, take proxies from the environment (see
            :class:`Proxies`).
        grpc_config: the official client's grpcio channel settings; accepted, without effect
            here (warns; see :class:`GrpcConfig`).
        tls: CA bundle, client certificate and verification for HTTPS and secure gRPC.
        retry: retries of idempotent calls.
        grpc_transport: the gRPC implementation: ``"grpclib"`` (pure Python on the client's
            event loop, the default) or ``"grpcio"`` (grpcio's C core; needs the ``grpcio``
            extra: ``pip install "weaviate-async[grpcio]"``). grpcio spends less client CPU per
            call, and lets the blocking client's searches skip the hop onto its loop thread;
            it cannot be used across ``os.fork()`` and always verifies TLS certificates (see
            docs/performance.md). None: the environment variable
            ``WEAVIATE_ASYNC_GRPC_TRANSPORT`` if set, else ``"grpclib"``.

    Examples:
        >>> AdditionalConfig(timeout=Timeout(query=5), trust_env=True)
        >>> AdditionalConfig(grpc_transport="grpcio")
    """

    connection: ConnectionConfig = attrs.field(factory=ConnectionConfig)
    proxies: Proxies | None = attrs.field(default=None, converter=_to_proxies)
    timeout: Timeout = attrs.field(factory=Timeout, converter=_to_timeout)
    trust_env: bool = False
    grpc_config: GrpcConfig | None = attrs.field(
        default=None,
        validator=_no_effect(
            "gRPC goes through grpclib: set TLS with TLSConfig and the message size limit with "
            "ConnectionConfig(grpc_max_message_size=...)",
            None,
        ),
    )
    tls: TLSConfig = attrs.field(factory=TLSConfig)
    retry: RetryConfig = attrs.field(factory=RetryConfig)
    grpc_transport: GrpcTransport | None = attrs.field(default=None)

    @grpc_transport.validator
    def _check_transport(self, _: object, value: str | None) -> None:
        if value is not None and value not in GRPC_TRANSPORTS:
            raise invalid("grpc_transport", 'must be "grpclib" or "grpcio"', value)

    @property
    def resolved_grpc_transport(self) -> GrpcTransport:
        """The transport in effect: ``grpc_transport``, else the environment's
        ``WEAVIATE_ASYNC_GRPC_TRANSPORT``, else ``"grpclib"``."""
        if self.grpc_transport is not None:
            return self.grpc_transport
        import os

        value = os.environ.get(GRPC_TRANSPORT_ENV, "").strip().lower() or "grpclib"
        if value not in GRPC_TRANSPORTS:
            raise invalid(GRPC_TRANSPORT_ENV, 'must be "grpclib" or "grpcio"', value)
        return value
