"""The connection: the only place where the client does I/O.

One :class:`Connection` per client owns one aiohttp session (REST, JSON through orjson) and a
small pool of grpclib channels (gRPC). Every call goes through :meth:`Connection.rest` or one
typed method per RPC (:meth:`Connection.search`, :meth:`Connection.batch_objects`, ...), which
apply the credentials, the time limits and the retry policy (one engine for both protocols,
``retry.py``), and map failures to the exceptions of :mod:`weaviate_async.exceptions` (see
``errors.py``).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import ssl
import sys
import time
import warnings
from collections.abc import AsyncIterator, Awaitable, Collection, Coroutine, Mapping
from contextlib import AbstractAsyncContextManager
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import attrs
import orjson

from weaviate_async.connect import errors
from weaviate_async.connect import retry as retry_engine
from weaviate_async.connect.auth import AuthCredentials, _APIKey
from weaviate_async.connect.params import AdditionalConfig, ConnectionParams
from weaviate_async.connect.retry import (
    Failure,
    RetriableError,
    RetryPolicy,
    after_first,
    retry_after_seconds,
)
from weaviate_async.connect.retry import run as run_with_retry
from weaviate_async.exceptions import (
    AuthenticationFailedError,
    ResponseCannotBeDecodedError,
    WeaviateBaseError,
    WeaviateClosedClientError,
    WeaviateConnectionError,
    WeaviateGRPCUnavailableError,
    WeaviateStartUpError,
    WeaviateUnsupportedFeatureError,
)

if TYPE_CHECKING:
    import aiohttp
    from grpclib.client import Channel
    from grpclib.client import Stream as GrpcStream

    from weaviate_async._loop_thread import LoopThread
    from weaviate_async.connect.grpc_proxy import ProxyURL
    from weaviate_async.connect.grpcio_channel import GrpcioChannel
    from weaviate_async.connect.oidc import TokenProvider
    from weaviate_async.connect.rpc import Rpc, RpcTable
    from weaviate_async.proto.weaviate.v1 import (
        aggregate_pb2,
        batch_delete_pb2,
        batch_pb2,
        search_get_pb2,
        tenants_pb2,
    )

__all__ = ["MIN_SERVER_VERSION", "BatchStream", "Connection", "TimeoutKind", "parse_version"]

Req = TypeVar("Req")
Rep = TypeVar("Rep")

T = TypeVar("T")


async def _limited(awaitable: Awaitable[T], seconds: float) -> T:
    """``await awaitable`` within ``seconds`` (TimeoutError after)."""
    if sys.version_info >= (3, 11):
        async with asyncio.timeout(seconds):
            return await awaitable
    return await asyncio.wait_for(awaitable, seconds)  # pragma: no cover - Python 3.10


TimeoutKind = Literal["init", "query", "insert"]
MIN_SERVER_VERSION = (1, 27, 0)

_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})

# Bumped in a forked child: a connection compares it on use and rebuilds its transports, since
# sockets and event-loop objects inherited from the parent are not usable in the child.
_fork_generation = 0
_abandoned: list[object] = []


def _after_fork_in_child() -> None:
    global _fork_generation
    _fork_generation += 1


os.register_at_fork(after_in_child=_after_fork_in_child)


def parse_version(text: str) -> tuple[int, int, int]:
    """``"1.39.0"`` or ``"1.39.0-rc.1"`` -> ``(1, 39, 0)``."""
    core = text.strip().lstrip("v").split("-")[0].split("+")[0]
    parts = [int(p) if p.isdigit() else 0 for p in core.split(".")[:3]]
    while len(parts) < 3:
        parts.append(0)
    return parts[0], parts[1], parts[2]


def _ssl_context(config: AdditionalConfig, *, alpn_h2: bool) -> ssl.SSLContext:
    tls = config.tls
    ctx = ssl.create_default_context(cafile=tls.ca_bundle)
    if tls.client_cert:
        ctx.load_cert_chain(tls.client_cert, tls.client_key)
    if not tls.verify:
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
    if alpn_h2:
        ctx.set_alpn_protocols(["h2"])
    return ctx


def _find_ssl_error(exc: BaseException) -> ssl.SSLError | None:
    # The ssl module's own error, not a wrapper that subclasses it (aiohttp's certificate error
    # does, without the ``verify_message``).
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        item = todo.pop()
        if item is None or id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, ssl.SSLError) and type(item).__module__ == "ssl":
            return item
        todo.extend([item.__cause__, item.__context__])
        todo.extend(getattr(item, name, None) for name in ("os_error", "certificate_error"))
    return None


def _dns_problem(exc: BaseException, host: str) -> str | None:
    """A hint when the host name did not resolve (a mistyped or deleted cluster URL), else None."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, socket.gaierror) or isinstance(
            getattr(seen, "os_error", None), socket.gaierror
        ):
            return f"the host name {host!r} does not resolve: check the URL ({seen})"
        seen = seen.__cause__ or seen.__context__
    return None


def _tls_problem(exc: BaseException) -> str | None:
    """A hint for a failed TLS handshake, or None when ``exc`` is not a TLS failure.

    TLS failures are not retried: the next attempt fails the same way.
    """
    found = _find_ssl_error(exc)
    text = str(found if found is not None else exc)
    if found is None and "[SSL:" not in text:
        return None
    reason = (getattr(found, "reason", None) or text).upper()
    if isinstance(found, ssl.SSLCertVerificationError) or "CERTIFICATE_VERIFY_FAILED" in reason:
        message = getattr(found, "verify_message", None)
        detail = f"CERTIFICATE_VERIFY_FAILED: {message}" if message else text
        return (
            f"the server's TLS certificate could not be verified ({detail}); trust the CA that "
            "signed it with TLSConfig(ca_bundle=...), and check that the certificate names the "
            "host you connect to"
        )
    if "CERTIFICATE_REQUIRED" in reason or "BAD_CERTIFICATE" in reason or "UNKNOWN_CA" in reason:
        return (
            f"the server refused the TLS handshake ({text}); it requires a client certificate "
            "it trusts (mutual TLS): pass TLSConfig(client_cert=..., client_key=...)"
        )
    if "WRONG_VERSION_NUMBER" in reason or "RECORD_LAYER_FAILURE" in reason:
        return (
            f"the TLS handshake failed ({text}); the port does not seem to speak TLS: check "
            "http_secure / grpc_secure"
        )
    return f"the TLS handshake failed ({text})"


def _env_grpc_proxy(host: str) -> str | None:
    """``GRPC_PROXY``/``grpc_proxy`` unless ``host`` is listed in ``NO_GRPC_PROXY`` or
    ``NO_PROXY`` (either case), as grpcio reads them."""
    # Both spellings, upper case first, as the official client reads them.
    url = next((os.environ[n] for n in ("GRPC_PROXY", "grpc_proxy") if os.environ.get(n)), None)
    if not url:
        return None
    for name in ("NO_GRPC_PROXY", "no_grpc_proxy", "NO_PROXY", "no_proxy"):
        if _no_proxy_matches(host, os.environ.get(name, "")):
            return None
    return url


def _no_proxy_matches(host: str, value: str) -> bool:
    """Whether a ``NO_PROXY`` list (``*``, host names, domain suffixes, optional ports)
    exempts ``host``."""
    host = host.strip("[]").lower()
    for raw in value.split(","):
        entry = raw.strip().lower()
        if entry == "*":
            return True
        if entry.count(":") == 1:  # host:port (IPv6 addresses hold several colons)
            entry = entry.split(":")[0]
        entry = entry.strip("[]").removeprefix("*").lstrip(".")
        if entry and (host == entry or host.endswith("." + entry)):
            return True
    return False


def _request_headers(
    authorization: str | None, proxy_headers: Mapping[str, str] | None
) -> dict[str, str] | None:
    headers = dict(proxy_headers or {})
    if authorization:
        headers["authorization"] = authorization
    return headers or None


class Connection:
    """REST and gRPC transport of one client. Not used directly by applications.

    Namespaces call :meth:`rest` and :meth:`rest_status`, one typed method per RPC
    (:meth:`search`, :meth:`aggregate`, :meth:`tenants_get`, :meth:`batch_objects`,
    :meth:`batch_references`, :meth:`batch_delete`) and :meth:`batch_stream`.
    """

    def __init__(
        self,
        params: ConnectionParams,
        *,
        auth: AuthCredentials | None = None,
        headers: Mapping[str, str] | None = None,
        config: AdditionalConfig | None = None,
        skip_init_checks: bool = False,
    ) -> None:
        self.params = params
        self.config = config or AdditionalConfig()
        self._auth = auth
        self._skip_init_checks = skip_init_checks
        self._user_headers = dict(headers or {})
        if auth is not None:
            given = [name for name in self._user_headers if name.lower() == "authorization"]
            if given:
                # As the official client: the credentials win, the header is dropped.
                warnings.warn(
                    "both an authorization header and auth credentials were given: the "
                    "credentials are used and the header is ignored (give an access token as "
                    "Auth.bearer_token(...) instead)",
                    UserWarning,
                    stacklevel=4,
                )
                for name in given:
                    del self._user_headers[name]
        self._base_url = params.http.url + "/v1"
        self._session: aiohttp.ClientSession | None = None
        # The OIDC issuer gets a session of its own: the user's headers (module API keys) are
        # for Weaviate only.
        self._issuer_session: aiohttp.ClientSession | None = None
        self._channels: list[Channel] = []
        # The grpcio transport (AdditionalConfig.grpc_transport="grpcio") instead of _channels.
        self._grpcio: GrpcioChannel | None = None
        # Where blocking callers hop for what they cannot do in their own thread: the loop
        # thread of the blocking facade (or the loop the connection was opened on).
        self._loop: asyncio.AbstractEventLoop | None = None
        self._loop_thread: LoopThread | None = None
        self._http_proxy: ProxyURL | None = None
        self._grpc_proxy_in_use: ProxyURL | None = None
        self._next_channel = 0
        from weaviate_async.connect.rpc import RPCS

        self._rpc: RpcTable = RPCS
        self._token_provider: TokenProvider | None = None
        self._static_auth: str | None = (
            f"Bearer {auth.api_key}" if isinstance(auth, _APIKey) else None
        )
        self._grpc_metadata: list[tuple[str, str]] = []
        # Built once: the calls of one client share them.
        self._limits = {
            "query": self.config.timeout.query,
            "insert": self.config.timeout.insert,
            "init": self.config.timeout.init,
        }
        self._idempotent_policy = RetryPolicy.from_config(self.config.retry, idempotent=True)
        self._write_policy = RetryPolicy.from_config(self.config.retry, idempotent=False)
        self._connected = False
        self._generation = _fork_generation
        self._inflight = 0
        self._drained: asyncio.Event | None = None
        # Set when a call lost its connection to the server: the next attempt first waits for
        # the server's readiness (a restarted server answers gRPC before its schema is loaded).
        self._recovering = False
        self.meta: dict[str, Any] | None = None
        self.server_version: tuple[int, int, int] = (0, 0, 0)

    # ------------------------------------------------------------------ lifecycle

    @property
    def is_connected(self) -> bool:
        """Whether :meth:`connect` succeeded and :meth:`close` has not been called since."""
        return self._connected

    def _open_transports(self) -> None:
        import aiohttp
        from grpclib.client import Channel

        from weaviate_async.connect.grpc_proxy import parse_proxy_url
        from weaviate_async.connect.rpc import PassThroughCodec

        cfg = self.config
        rest_proxy = self._proxy()
        # Credentials travel as a Proxy-Authorization header, never inside the URL that aiohttp
        # holds: its errors quote that URL.
        self._http_proxy = (
            parse_proxy_url(
                rest_proxy, field="proxies.https" if self.params.http.secure else "proxies.http"
            )
            if rest_proxy
            else None
        )
        grpc_proxy = self._grpc_proxy()  # before anything is opened: the URL may be invalid
        if cfg.resolved_grpc_transport == "grpcio":
            from weaviate_async.connect.grpcio_channel import check_usable

            check_usable(secure=self.params.grpc.secure, tls=cfg.tls)
        http_ssl: ssl.SSLContext | bool = (
            _ssl_context(cfg, alpn_h2=False) if self.params.http.secure else False
        )
        connector = aiohttp.TCPConnector(
            limit=cfg.connection.session_pool_maxsize,
            limit_per_host=cfg.connection.session_pool_connections,
            ssl=http_ssl,
            enable_cleanup_closed=False,
        )
        headers = {"content-type": "application/json", **self._user_headers}
        if self._static_auth is not None:
            headers["authorization"] = self._static_auth
        self._session = aiohttp.ClientSession(
            connector=connector,
            headers=headers,
            trust_env=cfg.trust_env,
            json_serialize=lambda obj: orjson.dumps(obj).decode(),
            skip_auto_headers=("User-Agent",),
        )
        if self._auth is not None and not isinstance(self._auth, _APIKey):
            self._issuer_session = aiohttp.ClientSession(trust_env=cfg.trust_env)
        grpc = self.params.grpc
        grpc_ssl = _ssl_context(cfg, alpn_h2=True) if grpc.secure else None
        # One codec for every channel: it passes pre-encoded requests through. Status details
        # (google.rpc.Status) are not decoded: errors are mapped from the status and message.
        codec = PassThroughCodec()
        self._grpc_proxy_in_use = grpc_proxy
        if cfg.resolved_grpc_transport == "grpcio":
            from weaviate_async.connect.grpcio_channel import GrpcioChannel

            self._channels = []
            self._grpcio = GrpcioChannel(
                grpc.host,
                grpc.port,
                secure=grpc.secure,
                tls=cfg.tls,
                proxy=grpc_proxy.url if grpc_proxy is not None else None,
                max_message_size=cfg.connection.grpc_max_message_size,
            )
        elif grpc_proxy is None:
            self._channels = [
                Channel(grpc.host, grpc.port, ssl=grpc_ssl, codec=codec)
                for _ in range(cfg.connection.grpc_channels)
            ]
        else:
            from weaviate_async.connect.grpc_proxy import ProxiedChannel

            self._channels = [
                ProxiedChannel(grpc.host, grpc.port, ssl=grpc_ssl, proxy=grpc_proxy, codec=codec)
                for _ in range(cfg.connection.grpc_channels)
            ]
        metadata = [(k.lower(), v) for k, v in self._user_headers.items()]
        if self._static_auth is not None:
            metadata.append(("authorization", self._static_auth))
        self._grpc_metadata = metadata
        self._generation = _fork_generation

    def update_headers(self, headers: Mapping[str, str]) -> None:
        """Send ``headers`` with every later REST and gRPC request, replacing headers of the same
        name (in any case). Used for module API keys set after connecting."""
        from weaviate_async.connect.integrations import merge_headers

        self._user_headers = merge_headers(self._user_headers, headers)
        if self._session is not None:
            self._session.headers.update(headers)
        replaced = {name.lower() for name in headers}
        # A new list, not an update in place: calls in flight keep the one they read.
        self._grpc_metadata = [
            *((k, v) for k, v in self._grpc_metadata if k not in replaced),
            *((name.lower(), value) for name, value in headers.items()),
        ]

    async def connect(self) -> None:
        """Open the transports and run the start-up checks (unless ``skip_init_checks``).

        Raises:
            AuthenticationFailedError: the server refused the credentials.
            WeaviateGRPCUnavailableError: REST works but gRPC does not answer.
            WeaviateStartUpError: the server is unreachable, not ready, or too old.
        """
        if self._connected:
            return
        from weaviate_async._loop_thread import current_loop_thread

        self._loop = asyncio.get_running_loop()
        self._loop_thread = current_loop_thread()
        self._open_transports()
        self._connected = True
        try:
            if self._auth is not None and not isinstance(self._auth, _APIKey):
                await self._start_oidc()
            if not self._skip_init_checks:
                await self._check_server()
        except AuthenticationFailedError:
            await self._close_transports()
            raise
        except WeaviateStartUpError:
            await self._close_transports()
            raise
        except WeaviateBaseError as exc:
            await self._close_transports()
            raise WeaviateStartUpError(
                f"could not connect to Weaviate at {self.params.http.url}: {exc}",
                operation="connect",
                target=exc.target,
                status=exc.status,
                server_message=exc.server_message,
            ) from exc
        except BaseException:
            await self._close_transports()
            raise

    async def _start_oidc(self) -> None:
        from weaviate_async.connect.oidc import create_token_provider

        assert self._issuer_session is not None and self._auth is not None
        where = self._base_url + "/.well-known/openid-configuration"
        try:
            status, oidc = await self.rest_status(
                "GET",
                "/.well-known/openid-configuration",
                operation="connect.oidc_discovery",
                ok=(200, 404),
                timeout="init",
            )
        except ResponseCannotBeDecodedError:
            status, oidc = 200, None
        # The official client connects without authentication then, with a UserWarning.
        if status == 404:
            warnings.warn(
                "the client was given credentials, but the server has authentication switched "
                "off (no OIDC configuration): connecting without them",
                UserWarning,
                stacklevel=2,
            )
            return
        if not isinstance(oidc, dict):
            warnings.warn(
                f"the server's OIDC configuration at {where} could not be read (a proxy in "
                "between?): connecting without authentication (an authorization header of your "
                "own is kept)",
                UserWarning,
                stacklevel=2,
            )
            return
        tls = self.config.tls
        custom_tls = tls.ca_bundle or tls.client_cert or not tls.verify
        self._token_provider = await create_token_provider(
            self._auth,
            session=self._issuer_session,
            oidc_config=oidc,
            timeout=self.config.timeout.init,
            proxy=self._http_proxy.display if self._http_proxy is not None else None,
            proxy_headers=self._http_proxy.headers if self._http_proxy is not None else None,
            ssl=_ssl_context(self.config, alpn_h2=False) if custom_tls else None,
        )

    async def _check_server(self) -> None:
        meta = await self.rest("GET", "/meta", operation="connect.get_meta", timeout="init")
        if not isinstance(meta, dict) or "version" not in meta:
            raise WeaviateStartUpError(
                f"{self._base_url}/meta did not answer Weaviate's meta document",
                operation="connect",
                target="/v1/meta",
            )
        self.meta = meta
        self.server_version = parse_version(str(meta["version"]))
        if self.server_version < MIN_SERVER_VERSION:
            minimum = ".".join(map(str, MIN_SERVER_VERSION))
            raise WeaviateStartUpError(
                f"Weaviate {meta['version']} is too old for this client; it needs {minimum} "
                "or newer",
                operation="connect",
                target="/v1/meta",
            )
        await self.grpc_health_check()

    async def grpc_health_check(self) -> None:
        """Ask the gRPC health service whether the server serves.

        Raises:
            WeaviateGRPCUnavailableError: no answer, or not SERVING.
        """

        from weaviate_async.proto.grpc.health.v1 import health_pb2
        from weaviate_async.proto.grpc.health.v1.health_grpc import HealthStub

        target = f"{self.params.grpc.host}:{self.params.grpc.port}"
        self._require_open()
        limit = self.config.timeout.init
        try:
            if self._grpcio is not None:
                reply = await self._grpcio.unary(
                    "/grpc.health.v1.Health/Check", health_pb2.HealthCheckResponse
                )(health_pb2.HealthCheckRequest(), timeout=limit, metadata=await self._metadata())
            else:
                reply = await HealthStub(self._channels[0]).Check(
                    health_pb2.HealthCheckRequest(),
                    timeout=limit,
                    metadata=await self._metadata(),
                )
        except (asyncio.TimeoutError, OSError, Exception) as exc:
            from weaviate_async.connect.grpc_proxy import ProxyTunnelError

            if isinstance(exc, WeaviateBaseError):
                raise
            hint = "check the gRPC host and port and that nothing blocks them"
            status = _grpcio_status(exc)
            if isinstance(exc, asyncio.TimeoutError) or (
                status and status[0] == "DEADLINE_EXCEEDED"
            ):
                reason = "timed out"
            elif status is not None:
                tls = _grpcio_tls_problem(status[1])
                proxied = self._grpcio_proxy_problem(status[1])
                reason = tls or proxied or f"{status[0]}: {status[1]}"
                if tls is not None:
                    hint = "check AdditionalConfig(tls=...) and grpc_secure"
                elif proxied is not None:
                    hint = "check Proxies.grpc"
            elif isinstance(exc, ProxyTunnelError):
                reason, hint = str(exc), "check Proxies.grpc"
            elif (tls := _tls_problem(exc)) is not None:
                reason, hint = tls, "check AdditionalConfig(tls=...) and grpc_secure"
            else:
                reason = repr(exc)
            raise WeaviateGRPCUnavailableError._with(
                f"the gRPC endpoint {target} did not answer a health check ({reason}); {hint}",
                operation="connect.grpc_health",
                target="grpc.health.v1.Health/Check",
            ) from exc
        if reply.status != health_pb2.HealthCheckResponse.SERVING:
            raise WeaviateGRPCUnavailableError._with(
                f"the gRPC endpoint {target} is not serving (status {reply.status})",
                operation="connect.grpc_health",
                target="grpc.health.v1.Health/Check",
            )

    async def close(self) -> None:
        """Wait for in-flight calls (bounded by the init timeout), then close the session, the
        channels and the token refresher. Idempotent."""
        if not self._connected:
            return
        self._connected = False
        if self._inflight and self._generation == _fork_generation:
            self._drained = asyncio.Event()
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._drained.wait(), self.config.timeout.init)
        await self._close_transports()

    async def _close_transports(self) -> None:
        self._connected = False
        session, self._session = self._session, None
        issuer_session, self._issuer_session = self._issuer_session, None
        channels, self._channels = self._channels, []
        grpcio, self._grpcio = self._grpcio, None
        provider, self._token_provider = self._token_provider, None
        if self._generation != _fork_generation:
            # Inherited from the parent process: not ours to close.
            _abandoned.extend([session, issuer_session, channels, grpcio, provider])
            return
        if provider is not None:
            await provider.aclose()
        for channel in channels:
            channel.close()
        if grpcio is not None:
            await grpcio.close()
        for http in (session, issuer_session):
            if http is not None:
                await http.close()

    def _reset_after_fork(self) -> None:
        if self._grpcio is not None:
            # grpcio's core (its threads, its pollers) does not survive fork: refuse clearly
            # rather than hang in the child.
            _abandoned.append(self._grpcio)
            self._grpcio = None
            self._connected = False
            raise WeaviateClosedClientError._with(
                'a client on the grpcio transport (grpc_transport="grpcio") cannot be used in '
                "a process forked from the one that connected it (nor can a new one be opened "
                'there): use grpc_transport="grpclib", which reconnects after a fork, or start '
                'the process with the "spawn" method'
            )
        _abandoned.extend([self._session, self._issuer_session, self._channels])
        self._inflight = 0
        self._open_transports()
        if self._token_provider is not None:
            _abandoned.append(self._token_provider)
            self._token_provider = self._token_provider.after_fork(session=self._issuer_session)

    def _require_open(self) -> aiohttp.ClientSession:
        if not self._connected:
            from weaviate_async._loop_thread import spelled_call

            raise WeaviateClosedClientError._with(
                f"the client is not connected: call `{spelled_call('client.connect()')}` (or use "
                "it as a context manager) before using it, and do not use it after close()"
            )
        if self._generation != _fork_generation:
            self._reset_after_fork()
        assert self._session is not None
        return self._session

    # ------------------------------------------------------------------ version gating

    def require_version(self, feature: str, minimum: str) -> None:
        """Raise WeaviateUnsupportedFeatureError when the server is older than ``minimum``."""
        if self.server_version == (0, 0, 0):
            return  # unknown (skip_init_checks): let the server decide
        if self.server_version < parse_version(minimum):
            raise WeaviateUnsupportedFeatureError(
                feature, current=".".join(map(str, self.server_version)), minimum=minimum
            )

    # ------------------------------------------------------------------ credentials

    async def _authorization(self) -> str | None:
        if self._token_provider is None:
            return None
        return await self._token_provider.authorization()

    async def _metadata(self) -> list[tuple[str, str]]:
        if self._token_provider is None:
            return self._grpc_metadata
        return [*self._grpc_metadata, ("authorization", await self._token_provider.authorization())]

    # ------------------------------------------------------------------ REST

    async def rest(
        self,
        method: str,
        path: str,
        *,
        operation: str,
        json: Any = None,
        params: Mapping[str, str] | None = None,
        ok: Collection[int] = (200,),
        timeout: TimeoutKind | float = "query",
        idempotent: bool | None = None,
        retry: RetryPolicy | None = None,
    ) -> Any:
        """Call ``/v1{path}`` and return the decoded JSON body (None when empty).

        Args:
            method: the HTTP method.
            path: the path below ``/v1``.
            operation: what the caller does, for error messages (e.g. ``"data.insert"``).
            json: the request body, encoded with orjson.
            params: query parameters.
            ok: the statuses that are success.
            timeout: a ``Timeout`` field name, or seconds.
            idempotent: whether the call may be applied twice without harm; by default GET,
                HEAD, PUT, DELETE and OPTIONS are, POST and PATCH are not.
            retry: a policy for this call instead of the client's; an explicit
                ``idempotent`` overrides the policy's.

        Raises:
            ResponseCannotBeDecodedError: the body of a successful reply is not JSON.
            WeaviateTimeoutError: an attempt ran out of time.
            WeaviateConnectionError: the server could not be reached, or the connection broke.
            UnexpectedStatusCodeError: (or a subclass) any status not in ``ok``, with the
                server's message, once retries (if any) are exhausted.
        """
        return (
            await self.rest_status(
                method,
                path,
                operation=operation,
                json=json,
                params=params,
                ok=ok,
                timeout=timeout,
                idempotent=idempotent,
                retry=retry,
            )
        )[1]

    async def rest_status(
        self,
        method: str,
        path: str,
        *,
        operation: str,
        json: Any = None,
        params: Mapping[str, str] | None = None,
        ok: Collection[int] = (200,),
        timeout: TimeoutKind | float = "query",
        idempotent: bool | None = None,
        retry: RetryPolicy | None = None,
    ) -> tuple[int, Any]:
        """Like :meth:`rest`, and also return the status (one of ``ok``)."""
        session = self._require_open()
        limit = self._limits[timeout] if isinstance(timeout, str) else float(timeout)
        data = orjson.dumps(json) if json is not None else None
        if retry is None:
            if idempotent is None:
                idempotent = method in _IDEMPOTENT_METHODS
            policy = self._idempotent_policy if idempotent else self._write_policy
        elif idempotent is not None and idempotent != retry.idempotent:
            policy = attrs.evolve(retry, idempotent=idempotent)
        else:
            policy = retry

        async def attempt(time_limit: float) -> tuple[int, Any]:
            return await self._rest_attempt(
                session, method, path, data, params, ok, operation, time_limit
            )

        self._inflight += 1
        try:
            return await run_with_retry(policy, limit, attempt)
        finally:
            self._done()

    async def _rest_attempt(
        self,
        session: aiohttp.ClientSession,
        method: str,
        path: str,
        data: bytes | None,
        params: Mapping[str, str] | None,
        ok: Collection[int],
        operation: str,
        limit: float,
    ) -> tuple[int, Any]:
        """One HTTP request; a failure another attempt may mend raises RetriableError."""
        import aiohttp

        http_proxy = self._http_proxy
        proxy = http_proxy.display if http_proxy is not None else None
        proxy_headers = http_proxy.headers if http_proxy is not None else None
        # aiohttp sends proxy_headers only with CONNECT (https); a plain http request goes to the
        # proxy itself, so the proxy's credentials ride along in the request's headers.
        forward_headers = proxy_headers if not self.params.http.secure else None
        if self._recovering and not path.startswith("/.well-known/"):
            await self._await_ready(operation, path, limit)
        auth = await self._authorization()
        try:
            async with session.request(
                method,
                self._base_url + path,
                data=data,
                params=params,
                headers=_request_headers(auth, forward_headers),
                timeout=aiohttp.ClientTimeout(total=limit),
                proxy=proxy,
                proxy_headers=proxy_headers,
            ) as resp:
                status = resp.status
                body = await resp.read()
                retry_after = resp.headers.get("Retry-After")
        except asyncio.TimeoutError:
            raise _retriable(
                Failure.TIMEOUT, errors.timeout_error(operation, path, limit)
            ) from None
        except aiohttp.ClientHttpProxyError as exc:
            # The proxy refused the CONNECT tunnel (https): nothing reached the server. Not
            # str(exc): it quotes the proxy's URL.
            refused = self._proxy_refused(operation, path, exc.status, exc.message)
            if exc.status in errors.RETRIABLE_HTTP:
                raise _retriable(Failure.UNSENT, refused) from None
            raise refused from None
        except aiohttp.ClientConnectorError as exc:
            # The request never left: retrying cannot apply a write twice.
            tls = _tls_problem(exc)
            if isinstance(exc, aiohttp.ClientProxyConnectionError):
                where = f"the proxy {proxy or '(from the environment)'}"
            else:
                where = self.params.http.url
            dns = _dns_problem(exc, self.params.http.host)
            unreachable = WeaviateConnectionError(
                f"{operation} failed: cannot reach {where} ({tls or dns or exc.os_error})",
                operation=operation,
                target=path,
            )
            if tls is not None:
                raise unreachable from exc
            self._recovering = True
            raise _retriable(Failure.UNSENT, unreachable, exc) from exc
        except (aiohttp.ClientError, OSError) as exc:
            tls = _tls_problem(exc)
            broken = WeaviateConnectionError(
                f"{operation} failed: the connection to {self.params.http.url} broke "
                f"({tls or f'{type(exc).__name__}: {exc}'}){self._reset_hint(exc)}",
                operation=operation,
                target=path,
            )
            if tls is not None:
                raise broken from exc
            self._recovering = True
            raise _retriable(Failure.BROKEN, broken, exc) from exc
        if status in ok:
            return status, self._decode(body, operation, path)
        if status == 407 and proxy is not None:
            raise self._proxy_refused(operation, path, status, "Proxy Authentication Required")
        failed = errors.http_error(status, body, operation=operation, target=path)
        if status == 429:
            raise _retriable(
                Failure.THROTTLED, failed, retry_after=retry_after_seconds(retry_after)
            )
        if status in errors.RETRIABLE_HTTP:
            raise _retriable(
                Failure.UNAVAILABLE, failed, retry_after=retry_after_seconds(retry_after)
            )
        raise failed

    async def _await_ready(self, operation: str, target: str, limit: float) -> None:
        """Before the first call after a lost connection: one readiness probe.

        A restarted server accepts connections (and answers gRPC health checks with SERVING)
        before it has loaded its schema, and answers calls in that window with errors such as
        "could not find class"; ``/v1/.well-known/ready`` answers 200 only once it serves. Not
        ready (or unreachable) is a retriable failure of the call, before anything was sent.
        """
        import aiohttp

        session = self._require_open()
        proxy = self._http_proxy
        try:
            async with session.get(
                self._base_url + "/.well-known/ready",
                timeout=aiohttp.ClientTimeout(total=min(limit, self._limits["init"])),
                proxy=proxy.display if proxy is not None else None,
                proxy_headers=proxy.headers if proxy is not None else None,
                headers=proxy.headers
                if proxy is not None and not self.params.http.secure
                else None,
            ) as resp:
                status = resp.status
                await resp.read()
        except (asyncio.TimeoutError, aiohttp.ClientError, OSError) as exc:
            tls = _tls_problem(exc)
            if tls is not None:  # never retried: the next attempt fails the same way
                raise WeaviateConnectionError(
                    f"{operation} failed: cannot reach {self.params.http.url} ({tls})",
                    operation=operation,
                    target=target,
                ) from exc
            reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            dns = _dns_problem(exc, self.params.http.host)
            reason = (dns or reason) + self._reset_hint(exc)
            status = 0
        else:
            if status == 200:
                self._recovering = False
                return
            reason = f"its readiness probe answered {status}"
            dns = None
        state = "cannot be reached" if dns else "is not ready after a lost connection"
        raise _retriable(
            Failure.UNSENT,
            WeaviateConnectionError(
                f"{operation} failed: the server at {self.params.http.url} {state} ({reason})",
                operation=operation,
                target=target,
                status=status or None,
            ),
        )

    def _reset_hint(self, exc: BaseException) -> str:
        """A hint when a TLS connection with a client certificate is reset: under TLS 1.3 the
        server checks the client's certificate after the handshake, and a refusal may reach
        the client as a reset rather than as an alert."""
        if not (self.params.http.secure and self.config.tls.client_cert):
            return ""
        seen: set[int] = set()
        todo: list[BaseException | None] = [exc]
        while todo:
            item = todo.pop()
            if item is None or id(item) in seen:
                continue
            seen.add(id(item))
            if isinstance(item, ConnectionResetError) or getattr(item, "errno", None) == 104:
                return (
                    "; a reset right after the TLS handshake is how a server may refuse a "
                    "client certificate it does not trust: check TLSConfig(client_cert=..., "
                    "client_key=...) and the CA the server trusts"
                )
            todo.extend([item.__cause__, item.__context__])
        return ""

    def _proxy(self) -> str | None:
        proxies = self.config.proxies
        if proxies is None:
            return None
        return proxies.https if self.params.http.secure else proxies.http

    def _grpc_proxy(self) -> ProxyURL | None:
        """The HTTP CONNECT proxy for gRPC: ``Proxies.grpc`` when proxies are configured;
        otherwise, with ``trust_env``, ``GRPC_PROXY``/``grpc_proxy`` from the environment (the
        official client reads the same variables; ``NO_GRPC_PROXY``/``NO_PROXY`` exempt hosts)."""
        from weaviate_async.connect.grpc_proxy import parse_proxy_url

        proxies = self.config.proxies
        if proxies is not None:
            url = proxies.grpc
        elif self.config.trust_env:
            url = _env_grpc_proxy(self.params.grpc.host)
        else:
            url = None
        return parse_proxy_url(url, field="proxies.grpc") if url else None

    def _proxy_refused(
        self, operation: str, path: str, status: int, reason: str
    ) -> WeaviateConnectionError:
        shown = self._http_proxy.display if self._http_proxy is not None else "from the environment"
        hint = ""
        if status == 407:
            hint = (
                "; the proxy rejected the credentials in the proxy URL"
                if self._http_proxy is not None and self._http_proxy.authorization
                else "; the proxy requires credentials: put user:password in the proxy URL"
            )
        return WeaviateConnectionError(
            f"{operation} failed: the HTTP proxy {shown} refused the request to "
            f"{self.params.http.url} with {status} {reason}{hint}",
            operation=operation,
            target=path,
            status=status,
        )

    @staticmethod
    def _decode(body: bytes, operation: str, path: str) -> Any:
        if not body:
            return None
        try:
            return orjson.loads(body)
        except orjson.JSONDecodeError as exc:
            raise ResponseCannotBeDecodedError._with(
                f"{operation}: {path} answered a body that is not JSON: {body[:200]!r}",
                operation=operation,
                target=path,
            ) from exc

    def _done(self) -> None:
        self._inflight -= 1
        if self._inflight == 0 and self._drained is not None:
            self._drained.set()

    # ------------------------------------------------------------------ gRPC

    async def search(
        self,
        request: search_get_pb2.SearchRequest,
        *,
        operation: str,
        timeout: float | None = None,
        retry: RetryPolicy | None = None,
        error: type[WeaviateBaseError] | None = None,
    ) -> search_get_pb2.SearchReply:
        """Call ``Search`` (idempotent; limited by ``Timeout.query`` unless ``timeout``).

        Args:
            request: the search request.
            operation: what the caller does, for error messages (e.g. ``"query.near_vector"``).
            timeout: seconds for each attempt instead of the client's ``Timeout.query``.
            retry: a policy for this call instead of the client's.
            error: the exception class of plain failures (default WeaviateQueryError).

        Raises:
            WeaviateQueryError: (or ``error``) the server failed the call, with its message.
            WeaviateConnectionError: the server could not be reached or the call broke, once
                retries are exhausted (UNAVAILABLE maps here too).
            WeaviateTimeoutError: the call ran out of time.
            AuthenticationFailedError, InsufficientPermissionsError: UNAUTHENTICATED,
                PERMISSION_DENIED.

        Examples:
            >>> reply = await connection.search(request, operation="query.fetch_objects")
        """
        return await self._unary(self._rpc.search, request, operation, timeout, retry, error)

    def search_blocking(
        self, request: search_get_pb2.SearchRequest, *, operation: str
    ) -> search_get_pb2.SearchReply:
        """:meth:`search` for a blocking caller (the ``weaviate_sync`` facade), in the caller's
        thread; thread-safe.

        On the grpcio transport the call goes out on grpcio's blocking channel from the
        caller's thread: no hop onto the event loop. A first attempt that fails in a way a
        retry may mend hands the attempts left to the loop, which runs them as for
        :meth:`search` (readiness probe after a lost connection, delays). Otherwise (grpclib,
        OIDC tokens to refresh, a connection recovering or forked) the whole call runs on the
        loop. Failures as for :meth:`search`.
        """
        grpcio = self._grpcio
        if (
            grpcio is None
            or not self._connected
            or self._recovering
            or self._token_provider is not None
            or self._generation != _fork_generation
        ):
            return self._hop(self.search(request, operation=operation))
        rpc = self._rpc.search
        limit = self._limits[rpc.timeout]
        started = retry_engine._now()
        try:
            reply: search_get_pb2.SearchReply = grpcio.blocking_unary(rpc.path, rpc.reply_type)(
                request, timeout=limit, metadata=self._grpc_metadata or None
            )
            return reply
        except Exception as exc:
            failure = self._grpc_failure(
                exc, rpc.target, operation, limit, rpc.error, started=started
            )
            if not isinstance(failure, RetriableError):
                if failure is exc:
                    raise
                raise failure from exc
            first = failure
        rest = after_first(self._idempotent_policy, first, started)
        if rest is None:
            raise first.error from first.error.__cause__
        delay, policy = rest
        import time

        time.sleep(delay)
        return self._hop(self.search(request, operation=operation, retry=policy))

    def _hop(self, awaitable: Coroutine[Any, Any, T]) -> T:
        """Run ``awaitable`` on the connection's loop from another thread and wait for it."""
        thread = self._loop_thread
        if thread is not None:
            return thread.run(awaitable)
        loop = self._loop
        if loop is None or loop.is_closed():
            awaitable.close()
            self._require_open()  # raises: never connected
            raise WeaviateClosedClientError._with("the client's event loop is closed")
        return asyncio.run_coroutine_threadsafe(awaitable, loop).result()

    async def aggregate(
        self,
        request: aggregate_pb2.AggregateRequest,
        *,
        operation: str,
        timeout: float | None = None,
        retry: RetryPolicy | None = None,
        error: type[WeaviateBaseError] | None = None,
    ) -> aggregate_pb2.AggregateReply:
        """Call ``Aggregate`` (idempotent; ``Timeout.query``); failures as :meth:`search`."""
        return await self._unary(self._rpc.aggregate, request, operation, timeout, retry, error)

    async def tenants_get(
        self,
        request: tenants_pb2.TenantsGetRequest,
        *,
        operation: str,
        timeout: float | None = None,
        retry: RetryPolicy | None = None,
        error: type[WeaviateBaseError] | None = None,
    ) -> tenants_pb2.TenantsGetReply:
        """Call ``TenantsGet`` (idempotent; ``Timeout.query``); failures as :meth:`search`."""
        return await self._unary(self._rpc.tenants_get, request, operation, timeout, retry, error)

    async def batch_objects(
        self,
        request: batch_pb2.BatchObjectsRequest | bytes,
        *,
        operation: str,
        timeout: float | None = None,
        retry: RetryPolicy | None = None,
        error: type[WeaviateBaseError] | None = None,
    ) -> batch_pb2.BatchObjectsReply:
        """Call ``BatchObjects`` (``Timeout.insert`` unless ``timeout``).

        A batch is idempotent (objects are upserted by the uuid the client chose), so by
        default it is retried after a broken connection and UNAVAILABLE as well; pass a
        ``retry`` policy with a longer ``max_time`` and ``retry_timeouts=True`` to ride through
        a server restart.

        Args:
            request: the request message, or its serialization (``bytes``; e.g. the
                concatenated encodings of ``objects`` fields), sent as it is.
            operation: what the caller does, for error messages.
            timeout: seconds for each attempt (scale it with the request's size).
            retry: a policy for this call instead of the client's.
            error: the exception class of plain failures (default WeaviateBatchError).

        Raises:
            WeaviateBatchError: (or ``error``) the batch as a whole failed on the server.
            WeaviateConnectionError, WeaviateTimeoutError: as for :meth:`search`.
        """
        return await self._unary(self._rpc.batch_objects, request, operation, timeout, retry, error)

    async def batch_references(
        self,
        request: batch_pb2.BatchReferencesRequest | bytes,
        *,
        operation: str,
        timeout: float | None = None,
        retry: RetryPolicy | None = None,
        error: type[WeaviateBaseError] | None = None,
    ) -> batch_pb2.BatchReferencesReply:
        """Call ``BatchReferences`` (``Timeout.insert``). Not idempotent by default (a reference
        added twice may be stored twice): retried only when it cannot have been applied.

        A server older than 1.35 gets the same batch over REST (``/v1/batch/references``, as
        the official client always sends it), its answer converted to the gRPC reply.
        """
        from weaviate_async.wire import batch_rest as wire_batch_rest

        if (0, 0, 0) < self.server_version < wire_batch_rest.GRPC_REFERENCES_MINIMUM:
            started = time.monotonic()
            body = await self.rest(
                "POST",
                "/batch/references",
                operation=operation,
                json=wire_batch_rest.references_body(request),
                params=wire_batch_rest.references_params(request) or None,
                timeout=timeout if timeout is not None else "insert",
                idempotent=False,
                retry=retry,
            )
            return wire_batch_rest.references_reply(body, time.monotonic() - started)
        return await self._unary(
            self._rpc.batch_references, request, operation, timeout, retry, error
        )

    async def batch_delete(
        self,
        request: batch_delete_pb2.BatchDeleteRequest,
        *,
        operation: str,
        timeout: float | None = None,
        retry: RetryPolicy | None = None,
        error: type[WeaviateBaseError] | None = None,
    ) -> batch_delete_pb2.BatchDeleteReply:
        """Call ``BatchDelete`` (idempotent; ``Timeout.insert``); plain failures raise
        ``error`` (default WeaviateQueryError)."""
        return await self._unary(self._rpc.batch_delete, request, operation, timeout, retry, error)

    async def _unary(
        self,
        rpc: Rpc[Req, Rep],
        request: Req | bytes,
        operation: str,
        timeout: float | None,
        retry: RetryPolicy | None,
        error: type[WeaviateBaseError] | None,
    ) -> Rep:
        """The one implementation of the unary RPCs: retries around :meth:`_unary_attempt`."""
        self._require_open()
        limit = self._limits[rpc.timeout] if timeout is None else timeout
        if retry is None:
            retry = self._idempotent_policy if rpc.idempotent else self._write_policy
        failure_class = rpc.error if error is None else error

        async def attempt(time_limit: float) -> Rep:
            return await self._unary_attempt(rpc, request, operation, time_limit, failure_class)

        self._inflight += 1
        try:
            return await run_with_retry(retry, limit, attempt)
        finally:
            self._done()

    async def _unary_attempt(
        self,
        rpc: Rpc[Req, Rep],
        request: Req | bytes,
        operation: str,
        limit: float,
        error: type[WeaviateBaseError],
    ) -> Rep:
        """One call on the next channel of the pool."""
        if self._recovering:
            await self._await_ready(operation, rpc.target, limit)
        metadata = self._grpc_metadata if self._token_provider is None else await self._metadata()
        grpcio = self._grpcio
        if grpcio is not None:
            started = retry_engine._now()
            try:
                reply = await grpcio.unary(rpc.path, rpc.reply_type)(
                    request, timeout=limit, metadata=metadata or None
                )
            except Exception as exc:
                failure = self._grpc_failure(
                    exc, rpc.target, operation, limit, error, started=started
                )
                if failure is exc:
                    raise
                raise failure from exc
            return reply  # type: ignore[no-any-return]
        channels = self._channels
        index = self._next_channel = (self._next_channel + 1) % len(channels)
        stream = channels[index].request(
            rpc.path,
            rpc.cardinality,
            rpc.request_type,
            rpc.reply_type,
            timeout=limit,
            metadata=metadata,
        )
        try:
            async with stream:
                await stream.send_message(request, end=True)  # type: ignore[arg-type]
                reply = await stream.recv_message()
        except Exception as exc:
            failure = self._grpc_failure(exc, rpc.target, operation, limit, error)
            if failure is exc:
                raise
            raise failure from exc
        if reply is None:
            raise error._with(
                f"{operation} failed: {rpc.target} answered no message",
                operation=operation,
                target=rpc.target,
            )
        return reply

    def _grpc_failure(
        self,
        exc: Exception,
        target: str,
        operation: str,
        limit: float,
        error: type[WeaviateBaseError],
        *,
        started: float | None = None,
    ) -> Exception:
        """The exception for a failed gRPC call: a RetriableError holding the mapped exception,
        the mapped exception itself, or ``exc`` unchanged (not a transport failure).
        ``started``: when the attempt began (``retry._now()``), where the caller knows it."""
        from grpclib.exceptions import GRPCError, StreamTerminatedError

        from weaviate_async.connect.grpc_proxy import ProxyTunnelError

        if isinstance(exc, (asyncio.TimeoutError, TimeoutError)):
            return _retriable(Failure.TIMEOUT, errors.timeout_error(operation, target, limit))
        grpcio_status = _grpcio_status(exc) if self._grpcio is not None else None
        if grpcio_status is not None:
            overdue = started is not None and retry_engine._now() - started >= limit
            return self._grpcio_failure(
                grpcio_status, exc, target, operation, limit, error, overdue=overdue
            )
        if isinstance(exc, GRPCError):
            status = exc.status.name
            mapped = errors.grpc_error(
                status, exc.message, operation=operation, target=target, default=error
            )
            mapped.__cause__ = exc
            kind = _GRPC_RETRIABLE.get(status)
            return mapped if kind is None else _retriable(kind, mapped, exc)
        where = f"gRPC {self.params.grpc.host}:{self.params.grpc.port}"
        if isinstance(exc, StreamTerminatedError):
            # The connection was lost or the stream reset after the request went out.
            broken = WeaviateConnectionError(
                f"{operation} failed: {where} broke the call ({exc})",
                operation=operation,
                target=target,
            )
            self._recovering = True
            return _retriable(Failure.BROKEN, broken, exc)
        if isinstance(exc, OSError):
            # Raised while opening the connection (or the proxy tunnel): nothing was sent.
            tls = _tls_problem(exc)
            if isinstance(exc, ProxyTunnelError):
                transient, reason = exc.transient, str(exc)
            else:
                transient, reason = tls is None, tls or f"{type(exc).__name__}: {exc}"
            unreachable = WeaviateConnectionError(
                f"{operation} failed: {where} unreachable ({reason})",
                operation=operation,
                target=target,
            )
            unreachable.__cause__ = exc
            if not transient:
                return unreachable
            self._recovering = True
            return _retriable(Failure.UNSENT, unreachable, exc)
        return exc

    def _grpcio_proxy_problem(self, details: str) -> str | None:
        """What a grpcio failure says about the gRPC proxy, when one is configured (grpcio
        opens the CONNECT tunnel itself and reports its failures in the status details)."""
        proxy = self._grpc_proxy_in_use
        if proxy is None:
            return None
        where = f"the proxy {proxy.display}"
        if "response code 407" in details:
            hint = (
                "; the proxy rejected the credentials in the proxy URL"
                if proxy.authorization
                else "; the proxy requires credentials: put user:password in the proxy URL"
            )
            return f"{where} refused the tunnel with 407 Proxy Authentication Required{hint}"
        if "response code" in details:
            return f"{where} refused the tunnel ({details})"
        if _grpcio_unsent(details):
            return f"{where} is unreachable ({details})"
        return None

    def _grpcio_failure(
        self,
        status: tuple[str, str],
        exc: Exception,
        target: str,
        operation: str,
        limit: float,
        error: type[WeaviateBaseError],
        *,
        overdue: bool = False,
    ) -> Exception:
        """:meth:`_grpc_failure` for grpcio, which reports transport failures as statuses.
        ``overdue``: the attempt's time limit had passed when it failed."""
        name, details = status
        where = f"gRPC {self.params.grpc.host}:{self.params.grpc.port}"
        if (
            name == "DEADLINE_EXCEEDED"
            and ("Deadline Exceeded" in details or "RST_STREAM" in details)
        ) or (name == "CANCELLED" and "RST_STREAM" in details and overdue):
            # The client's own deadline, noticed by grpcio or by the server, which then resets
            # the stream: grpcio reports that as DEADLINE_EXCEEDED or, when the server's reset
            # (CANCEL) arrives first, as CANCELLED (a status the server sends itself carries its
            # message).
            return _retriable(Failure.TIMEOUT, errors.timeout_error(operation, target, limit), exc)
        if name == "UNAVAILABLE":
            tls = _grpcio_tls_problem(details)
            if tls is not None:  # never retried: the next attempt fails the same way
                failed = WeaviateConnectionError(
                    f"{operation} failed: {where} unreachable ({tls})",
                    operation=operation,
                    target=target,
                )
                failed.__cause__ = exc
                return failed
            if _grpcio_unsent(details) or "response code" in details:
                self._recovering = True
                unreachable = WeaviateConnectionError(
                    f"{operation} failed: {where} unreachable "
                    f"({self._grpcio_proxy_problem(details) or details})",
                    operation=operation,
                    target=target,
                )
                return _retriable(Failure.UNSENT, unreachable, exc)
            if _grpcio_lost(details):
                # The connection was lost after the request may have gone out.
                self._recovering = True
                broken = WeaviateConnectionError(
                    f"{operation} failed: {where} broke the call ({details})",
                    operation=operation,
                    target=target,
                )
                return _retriable(Failure.BROKEN, broken, exc)
        mapped = errors.grpc_error(name, details, operation=operation, target=target, default=error)
        mapped.__cause__ = exc
        kind = _GRPC_RETRIABLE.get(name)
        return mapped if kind is None else _retriable(kind, mapped, exc)

    def batch_stream(
        self, *, operation: str, timeout: float | None = None
    ) -> AbstractAsyncContextManager[BatchStream]:
        """Open the bidirectional ``BatchStream`` call, with the credentials of unary calls.

        The stream is not retried: the caller owns the protocol (Start, Data..., Stop) and
        re-sends what was not acknowledged on a new stream. Leaving the block before
        :meth:`BatchStream.recv` returned None (the server's end) cancels the call.

        Args:
            operation: what the caller does, for error messages.
            timeout: seconds each send or receive may wait (default ``Timeout.insert``).

        Raises:
            WeaviateConnectionError: the server could not be reached or the stream broke.
            WeaviateBatchError: the server ended the stream with an error status (statuses
                with a class of their own map as for unary calls).
            WeaviateTimeoutError: a send or receive ran out of time.

        Examples:
            >>> async with connection.batch_stream(operation="batch.stream") as stream:
            ...     await stream.send(BatchStreamRequest(start=BatchStreamRequest.Start()))
            ...     started = await stream.recv()
        """
        return self._batch_stream(operation, self._limits["insert"] if timeout is None else timeout)

    @contextlib.asynccontextmanager
    async def _batch_stream(self, operation: str, limit: float) -> AsyncIterator[BatchStream]:
        self._require_open()
        rpc = self._rpc.batch_stream
        grpc_stream: Any
        if self._grpcio is not None:
            from weaviate_async.connect.grpcio_stream import GrpcioStream

            grpc_stream = GrpcioStream(
                self._grpcio.stream(rpc.path, rpc.reply_type), await self._metadata()
            )
        else:
            channels = self._channels
            index = self._next_channel = (self._next_channel + 1) % len(channels)
            grpc_stream = channels[index].request(
                rpc.path,
                rpc.cardinality,
                rpc.request_type,
                rpc.reply_type,
                metadata=await self._metadata(),
            )
        handle = BatchStream(self, grpc_stream, operation, limit)
        self._inflight += 1
        try:
            try:
                async with grpc_stream:
                    try:
                        yield handle
                    finally:
                        if not handle._finished and grpc_stream._send_request_done:
                            # Not read to its end: nothing more is wanted from the server.
                            with contextlib.suppress(Exception):
                                await grpc_stream.cancel()
            except WeaviateBaseError:
                raise
            except Exception as exc:
                failure = self._stream_error(exc, operation, limit)
                if failure is exc:
                    raise
                raise failure from exc
        finally:
            self._done()

    def _raise_stream_error(
        self,
        exc: Exception,
        operation: str,
        limit: float,
        stream: GrpcStream[Any, Any] | None = None,
    ) -> None:
        """Raise the mapped exception of ``exc`` (from it), or return for a caller's bare
        ``raise`` when ``exc`` is no transport failure."""
        failure = self._stream_error(exc, operation, limit, stream)
        if failure is not exc:
            raise failure from exc

    def _stream_error(
        self,
        exc: Exception,
        operation: str,
        limit: float,
        stream: GrpcStream[Any, Any] | None = None,
    ) -> Exception:
        """The mapped exception of a failed stream operation (never retried)."""
        from grpclib.exceptions import GRPCError, StreamTerminatedError

        if isinstance(exc, StreamTerminatedError) and stream is not None:
            # A server that fails the call sends its status in trailers and then resets the
            # stream; the status says more than the reset. grpclib reads it the same way when
            # its own context manager exits (``_maybe_raise`` is private API of grpclib 0.4).
            try:
                stream._maybe_raise()
            except GRPCError as status:
                exc = status
        rpc = self._rpc.batch_stream
        mapped = self._grpc_failure(exc, rpc.target, operation, limit, rpc.error)
        return mapped.error if isinstance(mapped, RetriableError) else mapped

    def __repr__(self) -> str:
        state = "connected" if self._connected else "closed"
        return f"<Connection {self.params.http.url} grpc={self.params.grpc.url} {state}>"


class BatchStream:
    """An open ``BatchStream`` call (from :meth:`Connection.batch_stream`).

    Messages are :class:`~weaviate_async.proto.weaviate.v1.batch_pb2.BatchStreamRequest`
    values or their serialization (``bytes``). Each send and receive is limited by the
    stream's time limit; failures raise the mapped exceptions, as unary calls do.
    """

    __slots__ = ("_conn", "_finished", "_limit", "_operation", "_stream")

    def __init__(
        self,
        conn: Connection,
        stream: GrpcStream[batch_pb2.BatchStreamRequest, batch_pb2.BatchStreamReply],
        operation: str,
        limit: float,
    ) -> None:
        self._conn = conn
        self._stream = stream
        self._operation = operation
        self._limit = limit
        self._finished = False

    async def send(self, message: batch_pb2.BatchStreamRequest | bytes) -> None:
        """Send one message (the first one also opens the HTTP/2 stream)."""
        try:
            await _limited(self._stream.send_message(message), self._limit)  # type: ignore[arg-type]
        except Exception as exc:
            self._conn._raise_stream_error(exc, self._operation, self._limit, self._stream)
            raise

    async def recv(self) -> batch_pb2.BatchStreamReply | None:
        """The next message from the server, or None when the server ended the stream.

        At the end, the client's side is ended too (if it was not) and the server's final
        status is read: an error status raises its mapped exception. After the end, None again.
        """
        if self._finished:
            return None
        try:
            return await _limited(self._recv(), self._limit)
        except Exception as exc:
            self._conn._raise_stream_error(exc, self._operation, self._limit, self._stream)
            raise

    async def _recv(self) -> batch_pb2.BatchStreamReply | None:
        stream = self._stream
        reply = await stream.recv_message()
        if reply is None:
            self._finished = True
            if not stream._end_done:
                await stream.end()
            await stream.recv_trailing_metadata()
        return reply

    async def end(self) -> None:
        """End the client's side of the stream (HTTP/2 half-close); replies still arrive.
        Idempotent."""
        stream = self._stream
        if stream._end_done:
            return
        try:
            await _limited(stream.end(), self._limit)
        except Exception as exc:
            self._conn._raise_stream_error(exc, self._operation, self._limit, self._stream)
            raise


def _grpcio_status(exc: BaseException) -> tuple[str, str] | None:
    if "grpc" not in sys.modules:
        return None
    from weaviate_async.connect.grpcio_channel import status_of

    return status_of(exc)


def _grpcio_tls_problem(details: str) -> str | None:
    """A hint for a grpcio TLS failure (grpcio reports it as UNAVAILABLE), else None."""
    upper = details.upper()
    if "CERTIFICATE_VERIFY_FAILED" in upper or "CERTIFICATE VERIFY FAILED" in upper:
        return (
            f"the server's TLS certificate could not be verified ({details}); trust the CA "
            "that signed it with TLSConfig(ca_bundle=...)"
        )
    if "SSL" in upper and "HANDSHAKE" in upper:
        return f"the TLS handshake failed ({details})"
    return None


def _grpcio_unsent(details: str) -> bool:
    """Whether a grpcio UNAVAILABLE says the connection could not be opened (nothing sent)."""
    text = details.lower()
    return "failed to connect" in text or "connection refused" in text or "dns resolution" in text


def _grpcio_lost(details: str) -> bool:
    """Whether a grpcio UNAVAILABLE says the connection broke (not the server's own status)."""
    text = details.lower()
    return any(
        words in text
        for words in (
            "socket closed",
            "connection reset",
            "broken pipe",
            "goaway",
            "end of tcp stream",
            "connection aborted",
            "recvmsg",
            "sendmsg",
        )
    )


def _retriable(
    kind: Failure,
    error: WeaviateBaseError,
    cause: BaseException | None = None,
    *,
    retry_after: float = 0.0,
) -> RetriableError:
    error.__cause__ = cause
    return RetriableError(kind, error, retry_after=retry_after)


_GRPC_RETRIABLE = {
    "UNAVAILABLE": Failure.UNAVAILABLE,
    "RESOURCE_EXHAUSTED": Failure.THROTTLED,
    "DEADLINE_EXCEEDED": Failure.TIMEOUT,
}
