"""Where the server is and how to talk to it: connection parameters and client configuration.

Examples:
    >>> params = ConnectionParams.from_url("http://localhost:8080", grpc_port=50051)
    >>> config = AdditionalConfig(timeout=Timeout(query=10, insert=60, init=5))
"""

from __future__ import annotations

from urllib.parse import urlparse

import attrs

from weaviate_async._validate import invalid
from weaviate_async.connect._option_checks import check_port
from weaviate_async.connect._options import (
    AdditionalConfig,
    ConnectionConfig,
    GrpcConfig,
    Proxies,
    RetryConfig,
    Timeout,
    TLSConfig,
)

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


@attrs.frozen(kw_only=True)
class ProtocolParams:
    """Host, port and TLS flag of one protocol (HTTP or gRPC)."""

    host: str = attrs.field()
    port: int = attrs.field(validator=check_port("port"))
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
