"""Entry points: ``use_async_with_*`` build a client, ``connect_to_*`` build and connect one.

Examples:
    >>> client = await connect_to_local()             # connected
    >>> async with use_async_with_local() as client:  # connects on enter, closes on exit
    ...     ...
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from urllib.parse import urlparse

from weaviate_async._validate import invalid
from weaviate_async.client import WeaviateAsyncClient
from weaviate_async.connect.auth import AuthCredentials, _APIKey
from weaviate_async.connect.params import AdditionalConfig, ConnectionParams
from weaviate_async.embedded import DEFAULT_MODULES, DEFAULT_VERSION, EmbeddedOptions

__all__ = [
    "connect_to_custom",
    "connect_to_embedded",
    "connect_to_local",
    "connect_to_wcs",
    "connect_to_weaviate_cloud",
    "use_async_with_custom",
    "use_async_with_embedded",
    "use_async_with_local",
    "use_async_with_weaviate_cloud",
]


def use_async_with_local(
    host: str = "localhost",
    port: int = 8080,
    grpc_port: int = 50051,
    headers: Mapping[str, str] | None = None,
    additional_config: AdditionalConfig | None = None,
    skip_init_checks: bool = False,
    auth_credentials: AuthCredentials | None = None,
) -> WeaviateAsyncClient:
    """A client for a server on this machine (or ``host``) over plain HTTP and gRPC; not yet
    connected.

    Examples:
        >>> async with use_async_with_local(port=8080, grpc_port=50051) as client:
        ...     await client.is_ready()
    """
    return use_async_with_custom(
        http_host=host,
        http_port=port,
        http_secure=False,
        grpc_host=host,
        grpc_port=grpc_port,
        grpc_secure=False,
        headers=headers,
        additional_config=additional_config,
        auth_credentials=auth_credentials,
        skip_init_checks=skip_init_checks,
    )


def _cloud_params(cluster_url: str) -> ConnectionParams:
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


def use_async_with_weaviate_cloud(
    cluster_url: str,
    auth_credentials: AuthCredentials | None,
    headers: Mapping[str, str] | None = None,
    additional_config: AdditionalConfig | None = None,
    skip_init_checks: bool = False,
) -> WeaviateAsyncClient:
    """A client for a Weaviate Cloud cluster (HTTPS on 443, gRPC on ``grpc-<host>``:443); not
    yet connected.

    Examples:
        >>> client = use_async_with_weaviate_cloud("my-cluster.weaviate.cloud", Auth.api_key("k"))
    """
    return WeaviateAsyncClient(
        connection_params=_cloud_params(cluster_url),
        auth_client_secret=auth_credentials,
        additional_headers=headers,
        additional_config=additional_config,
        skip_init_checks=skip_init_checks,
    )


def use_async_with_custom(
    http_host: str,
    http_port: int,
    http_secure: bool,
    grpc_host: str,
    grpc_port: int,
    grpc_secure: bool,
    headers: Mapping[str, str] | None = None,
    additional_config: AdditionalConfig | None = None,
    auth_credentials: AuthCredentials | None = None,
    skip_init_checks: bool = False,
) -> WeaviateAsyncClient:
    """A client for any server, each protocol's host, port and TLS flag given; not yet
    connected."""
    return WeaviateAsyncClient(
        connection_params=ConnectionParams.from_params(
            http_host=http_host,
            http_port=http_port,
            http_secure=http_secure,
            grpc_host=grpc_host,
            grpc_port=grpc_port,
            grpc_secure=grpc_secure,
        ),
        auth_client_secret=auth_credentials,
        additional_headers=headers,
        additional_config=additional_config,
        skip_init_checks=skip_init_checks,
    )


def use_async_with_embedded(
    hostname: str = "127.0.0.1",
    port: int | None = None,
    grpc_port: int | None = None,
    headers: Mapping[str, str] | None = None,
    additional_config: AdditionalConfig | None = None,
    version: str = DEFAULT_VERSION,
    persistence_data_path: str | None = None,
    binary_path: str | None = None,
    environment_variables: Mapping[str, str] | None = None,
    modules: Sequence[str] = DEFAULT_MODULES,
) -> WeaviateAsyncClient:
    """A client that starts its own server when it connects and stops it when it closes.

    The server binary is provisioned as :func:`weaviate_async.embedded.find_binary` says.
    ``port`` and ``grpc_port`` default to free ports.

    Examples:
        >>> async with use_async_with_embedded() as client:
        ...     print((await client.get_meta())["version"])
    """
    return WeaviateAsyncClient(
        embedded_options=EmbeddedOptions(
            hostname=hostname,
            port=port,
            grpc_port=grpc_port,
            version=version,
            persistence_data_path=persistence_data_path,
            binary_path=binary_path,
            additional_env_vars=environment_variables,
            modules=tuple(modules),
        ),
        additional_headers=headers,
        additional_config=additional_config,
    )


async def connect_to_local(
    host: str = "localhost",
    port: int = 8080,
    grpc_port: int = 50051,
    headers: Mapping[str, str] | None = None,
    additional_config: AdditionalConfig | None = None,
    skip_init_checks: bool = False,
    auth_credentials: AuthCredentials | None = None,
) -> WeaviateAsyncClient:
    """Connect to a server on this machine (or ``host``); see :func:`use_async_with_local`."""
    client = use_async_with_local(
        host, port, grpc_port, headers, additional_config, skip_init_checks, auth_credentials
    )
    await client.connect()
    return client


async def connect_to_weaviate_cloud(
    cluster_url: str,
    auth_credentials: AuthCredentials | None,
    headers: Mapping[str, str] | None = None,
    additional_config: AdditionalConfig | None = None,
    skip_init_checks: bool = False,
) -> WeaviateAsyncClient:
    """Connect to a Weaviate Cloud cluster; see :func:`use_async_with_weaviate_cloud`."""
    if auth_credentials is not None and not isinstance(auth_credentials, _APIKey):
        warnings.warn(
            "connecting to Weaviate Cloud with OIDC credentials is deprecated: use an API key "
            "(Auth.api_key)",
            DeprecationWarning,
            stacklevel=2,
        )
    client = use_async_with_weaviate_cloud(
        cluster_url, auth_credentials, headers, additional_config, skip_init_checks
    )
    await client.connect()
    return client


async def connect_to_wcs(
    cluster_url: str,
    auth_credentials: AuthCredentials | None,
    headers: Mapping[str, str] | None = None,
    additional_config: AdditionalConfig | None = None,
    skip_init_checks: bool = False,
) -> WeaviateAsyncClient:
    """The older name of :func:`connect_to_weaviate_cloud`."""
    return await connect_to_weaviate_cloud(
        cluster_url, auth_credentials, headers, additional_config, skip_init_checks
    )


async def connect_to_custom(
    http_host: str,
    http_port: int,
    http_secure: bool,
    grpc_host: str,
    grpc_port: int,
    grpc_secure: bool,
    headers: Mapping[str, str] | None = None,
    additional_config: AdditionalConfig | None = None,
    auth_credentials: AuthCredentials | None = None,
    skip_init_checks: bool = False,
) -> WeaviateAsyncClient:
    """Connect to any server; see :func:`use_async_with_custom`."""
    client = use_async_with_custom(
        http_host,
        http_port,
        http_secure,
        grpc_host,
        grpc_port,
        grpc_secure,
        headers,
        additional_config,
        auth_credentials,
        skip_init_checks,
    )
    await client.connect()
    return client


async def connect_to_embedded(
    hostname: str = "127.0.0.1",
    port: int | None = None,
    grpc_port: int | None = None,
    headers: Mapping[str, str] | None = None,
    additional_config: AdditionalConfig | None = None,
    version: str = DEFAULT_VERSION,
    persistence_data_path: str | None = None,
    binary_path: str | None = None,
    environment_variables: Mapping[str, str] | None = None,
    modules: Sequence[str] = DEFAULT_MODULES,
) -> WeaviateAsyncClient:
    """Start an embedded server and connect to it; see :func:`use_async_with_embedded`."""
    client = use_async_with_embedded(
        hostname,
        port,
        grpc_port,
        headers,
        additional_config,
        version,
        persistence_data_path,
        binary_path,
        environment_variables,
        modules,
    )
    await client.connect()
    return client
