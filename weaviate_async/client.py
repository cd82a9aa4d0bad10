"""The async client: lifecycle, server facts and the namespaces.

Examples:
    >>> import weaviate_async as weaviate
    >>> async with weaviate.use_async_with_local() as client:
    ...     print(await client.is_ready())
    ...     meta = await client.get_meta()
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any

import attrs

from weaviate_async._client_namespaces import _ClientNamespaces
from weaviate_async._twin import twin
from weaviate_async._validate import invalid, invalid_type
from weaviate_async.connect._secrets import hidden_headers
from weaviate_async.connect.auth import AuthCredentials
from weaviate_async.connect.connection import Connection
from weaviate_async.connect.params import AdditionalConfig, ConnectionParams
from weaviate_async.exceptions import (
    WeaviateBaseError,
    WeaviateClosedClientError,
    WeaviateConnectionError,
    WeaviateTimeoutError,
)
from weaviate_async.types import NUMBER
from weaviate_async.wire.replies import json_object

if TYPE_CHECKING:
    from weaviate_async.connect.integrations import _Integrations
    from weaviate_async.embedded import EmbeddedOptions, EmbeddedServer

__all__ = ["TIMEOUT_TYPE", "Client", "RawGQLReturn", "WeaviateAsyncClient", "WeaviateClient"]

TIMEOUT_TYPE = tuple[NUMBER, NUMBER] | NUMBER
"""A timeout given as seconds or as a (connect, read) pair, as the official client spells it."""


class Client:
    """The v3 client's name, kept so that old programs fail with a clear message: constructing
    it raises ValueError pointing to the v4 API (``WeaviateClient`` and ``connect_to_*``)."""

    def __init__(self) -> None:
        raise ValueError(
            "The v3 client `weaviate.Client(...)` does not exist in the v4 API. Connect with "
            "`connect_to_local()`, `connect_to_weaviate_cloud()` or `connect_to_custom()` (or "
            "construct `WeaviateClient` / `WeaviateAsyncClient`) instead."
        )


#: The deprecation of ``graphql_raw_query`` (the official client's Dep031 since 4.24): the
#: server's GraphQL API is to be retired.
GRAPHQL_RAW_QUERY_DEPRECATION = (
    "Dep031: graphql_raw_query() is deprecated and will be removed from the client in a "
    "release after May 1, 2027, when Weaviate retires its GraphQL API. Use the collection "
    "query methods or the REST Search API instead; "
    "https://docs.weaviate.io/weaviate/api/graphql/migration tells how to move."
)


@attrs.frozen(kw_only=True)
class RawGQLReturn:
    """The reply of :meth:`WeaviateAsyncClient.graphql_raw_query`, split by GraphQL root field."""

    aggregate: dict[str, Any]
    explore: dict[str, Any]
    get: dict[str, Any]
    errors: list[dict[str, Any]] | None


@twin(name="WeaviateClient", root=True)
class WeaviateAsyncClient(_ClientNamespaces):
    """A client for one Weaviate server.

    ``await connect_to_local()`` (and the other ``connect_to_*`` helpers) returns a connected
    client. A client made otherwise is not connected yet: call :meth:`connect` and
    :meth:`close`, or use it in a block ``async with client:``.

    Examples:
        >>> client = WeaviateAsyncClient(
        ...     connection_params=ConnectionParams.from_url("http://localhost:8080", 50051)
        ... )
        >>> await client.connect()
        >>> await client.close()
    """

    def __init__(
        self,
        connection_params: ConnectionParams | None = None,
        embedded_options: EmbeddedOptions | None = None,
        auth_client_secret: AuthCredentials | None = None,
        additional_headers: Mapping[str, str] | None = None,
        additional_config: AdditionalConfig | None = None,
        skip_init_checks: bool = False,
    ) -> None:
        """Describe the client; nothing is sent until :meth:`connect`.

        Args:
            connection_params: where the server is. Exactly one of this and
                ``embedded_options`` must be given.
            embedded_options: start an embedded server (see :mod:`weaviate_async.embedded`)
                when connecting, and stop it when closing.
            auth_client_secret: credentials (``Auth.api_key(...)``, OIDC flows, ...).
            additional_headers: headers sent with every request, e.g. module API keys such
                as ``{"X-OpenAI-Api-Key": "..."}``.
            additional_config: timeouts, pool sizes, proxies, TLS and retries.
            skip_init_checks: do not check the server's meta, version and gRPC health on connect.
        """
        # TypeError as well, as the official client raises
        if (connection_params is None) == (embedded_options is None):
            raise invalid_type(
                "connection_params", "give exactly one of connection_params and embedded_options"
            )
        if connection_params is not None and not isinstance(connection_params, ConnectionParams):
            raise invalid_type("connection_params", "must be a ConnectionParams", connection_params)
        self._embedded_options = embedded_options
        self._embedded: EmbeddedServer | None = None
        self._auth = auth_client_secret
        self._headers = hidden_headers(dict(additional_headers or {}))
        self._config = additional_config or AdditionalConfig()
        self._skip_init_checks = skip_init_checks
        self._connection: Connection | None = (
            self._make_connection(connection_params) if connection_params is not None else None
        )

    def _make_connection(self, params: ConnectionParams) -> Connection:
        if params._grpc_web_path:
            raise invalid(
                "grpc_path_prefix",
                "grpc-web is for the official client under WebAssembly/Pyodide (with "
                "weaviate-client-web); this client speaks native gRPC: leave it None",
                params.grpc_path_prefix,
            )
        return Connection(
            params,
            auth=self._auth,
            headers=self._headers,
            config=self._config,
            skip_init_checks=self._skip_init_checks,
        )

    @property
    def _conn(self) -> Connection:
        if self._connection is None:
            from weaviate_async.exceptions import WeaviateClosedClientError

            # May be raised in a blocking caller's own thread (a property): worded for both.
            raise WeaviateClosedClientError._with(
                "the embedded server has not been started: connect the client first (its "
                "connect() method, or use it as a context manager)"
            )
        return self._connection

    # ------------------------------------------------------------------ lifecycle

    async def connect(self) -> None:
        """Connect: start the embedded server if configured, open the transports and check the
        server (meta, version, gRPC health) unless ``skip_init_checks``. Idempotent.

        Raises:
            WeaviateStartUpError: the server cannot be reached, is not ready, or is too old.
            AuthenticationFailedError: the server refused the credentials.
        """
        if self._connection is not None and self._connection.is_connected:
            return
        if self._embedded_options is not None and (
            self._embedded is None or not self._embedded.is_running()
        ):
            await self._start_embedded()
        await self._conn.connect()

    async def _start_embedded(self) -> None:
        import anyio.to_thread

        from weaviate_async.embedded import EmbeddedServer, find_binary

        assert self._embedded_options is not None
        # Provisioning may build for minutes: off the event loop. The process itself is
        # launched from this thread, which outlives it.
        await anyio.to_thread.run_sync(find_binary, self._embedded_options)
        server = self._embedded or EmbeddedServer(self._embedded_options)
        server.launch()
        self._embedded = server
        try:
            await anyio.to_thread.run_sync(server.wait_ready)
        except BaseException:
            server.stop()
            raise
        if self._connection is None:
            self._connection = self._make_connection(
                ConnectionParams.from_params(
                    http_host=server.host,
                    http_port=server.http_port,
                    http_secure=False,
                    grpc_host=server.host,
                    grpc_port=server.grpc_port,
                    grpc_secure=False,
                )
            )

    async def close(self) -> None:
        """Wait for in-flight requests, close the transports, and stop the embedded server if
        this client started one. Idempotent."""
        if self._connection is not None:
            await self._connection.close()
        if self._embedded is not None:
            import anyio.to_thread

            await anyio.to_thread.run_sync(self._embedded.stop)

    def is_connected(self) -> bool:
        """Whether the client is connected (and not closed)."""
        return self._connection is not None and self._connection.is_connected

    async def __aenter__(self) -> WeaviateAsyncClient:
        await self.connect()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    # ------------------------------------------------------------------ server facts

    async def is_ready(self) -> bool:
        """Whether the server answers ``/v1/.well-known/ready`` with 200 (False when it cannot
        be reached)."""
        return await self._probe("/.well-known/ready", "is_ready")

    async def is_live(self) -> bool:
        """Whether the server answers ``/v1/.well-known/live`` with 200 and its gRPC health
        service serves, as the official client checks both (False when either cannot be
        reached)."""
        if not await self._probe("/.well-known/live", "is_live"):
            return False
        try:
            await self._conn.grpc_health_check()
        except WeaviateBaseError:
            return False
        return True

    async def _probe(self, path: str, operation: str) -> bool:
        # A client never connected (or closed) is not ready either: the official client answers
        # False there too, and programs probe before connecting.
        try:
            status, _ = await self._conn.rest_status(
                "GET", path, operation=operation, ok=range(100, 600), timeout="init"
            )
        except (WeaviateConnectionError, WeaviateTimeoutError, WeaviateClosedClientError):
            return False
        return status == 200

    async def get_meta(self) -> dict[str, Any]:
        """The server's meta document: hostname, version, modules.

        Examples:
            >>> (await client.get_meta())["version"]
            '1.39.3'
        """
        meta = await self._conn.rest("GET", "/meta", operation="get_meta")
        return dict(json_object(meta, "the meta reply"))

    async def get_open_id_configuration(self) -> dict[str, Any] | None:
        """The server's OIDC configuration (``href``, ``clientId``, ``scopes``), or None when
        OIDC is not enabled on the server."""
        status, body = await self._conn.rest_status(
            "GET",
            "/.well-known/openid-configuration",
            operation="get_open_id_configuration",
            ok=(200, 404),
        )
        return dict(body) if status == 200 and body else None

    async def graphql_raw_query(self, gql_query: str) -> RawGQLReturn:
        """Send a raw GraphQL query and return its data by root field, and its errors.

        Deprecated (a DeprecationWarning on each call): Weaviate retires its GraphQL API after
        May 1, 2027, and this method goes with it; use the collection query methods or the
        REST Search API.

        Examples:
            >>> reply = await client.graphql_raw_query("{ Get { Article { title } } }")
            >>> reply.get["Article"]
        """
        warnings.warn(GRAPHQL_RAW_QUERY_DEPRECATION, DeprecationWarning, stacklevel=2)
        if not isinstance(gql_query, str) or not gql_query.strip():
            raise invalid("gql_query", "must be a non-empty string", gql_query)
        body = await self._conn.rest(
            "POST",
            "/graphql",
            operation="graphql_raw_query",
            json={"query": gql_query},
            idempotent=True,
        )
        data = (body or {}).get("data") or {}
        return RawGQLReturn(
            aggregate=data.get("Aggregate") or {},
            explore=data.get("Explore") or {},
            get=data.get("Get") or {},
            errors=(body or {}).get("errors"),
        )

    # ------------------------------------------------------------------ namespaces

    @functools.cached_property
    def integrations(self) -> _Integrations:
        """Model provider settings (API keys, base URLs, rate limits) sent with every later
        request: ``client.integrations.configure(Integrations.openai(api_key=...))``."""
        from weaviate_async.connect.integrations import _Integrations

        return _Integrations(self._add_headers)

    def _add_headers(self, headers: Mapping[str, str]) -> None:
        from weaviate_async.connect.integrations import merge_headers

        # Kept here too: an embedded client opens its connection only when connecting.
        self._headers = merge_headers(self._headers, hidden_headers(headers))
        if self._connection is not None:
            self._connection.update_headers(headers)

    def __repr__(self) -> str:
        if self._connection is None:
            where = "embedded (not started)"
        else:
            where = f"{self._connection.params.http.url}"
        state = "connected" if self.is_connected() else "not connected"
        auth = f" auth={type(self._auth).__name__.lstrip('_')}" if self._auth else ""
        return f"<WeaviateAsyncClient {where} {state}{auth}>"


WeaviateClient = WeaviateAsyncClient
"""The official client's name, here for the async client; ``weaviate_sync.client`` defines the
blocking ``WeaviateClient`` (the twin), so neither package imports the other's twin."""
