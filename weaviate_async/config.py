"""Client configuration, as in the official client's ``weaviate.config``.

Examples:
    >>> from weaviate_async.config import AdditionalConfig, Timeout
    >>> AdditionalConfig(timeout=Timeout(query=10))
"""

from weaviate_async.connect.params import (
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
    "GrpcConfig",
    "Proxies",
    "RetryConfig",
    "TLSConfig",
    "Timeout",
]
