"""The connection: the only place where the client does I/O.

One :class:`Connection` per client owns one aiohttp session (REST, JSON through orjson) and a
small pool of grpclib channels (gRPC). Every call goes through :meth:`Connection.rest` or
:meth:`Connection.grpc`, which apply the credentials, the time limits and the retry policy, and
map failures to the exceptions of :mod:`weaviate_async.exceptions` (see ``errors.py``).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import ssl
import time
from collections.abc import Collection, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Literal

import orjson

from weaviate_async.connect import errors
from weaviate_async.connect.auth import AuthCredentials, _APIKey
from weaviate_async.connect.params import AdditionalConfig, ConnectionParams, RetryConfig
from weaviate_async.exceptions import (
    AuthenticationFailedError,
    ResponseCannotBeDecodedError,
    WeaviateBaseError,
    WeaviateClosedClientError,
    WeaviateConnectionError,
    WeaviateGRPCUnavailableError,
    WeaviateQueryError,
    WeaviateStartUpError,
    WeaviateUnsupportedFeatureError,
)

if TYPE_CHECKING:
    import aiohttp
    from grpclib.client import Channel

    from weaviate_async.connect.grpc_proxy import ProxyURL
    from weaviate_async.connect.oidc import TokenProvider

__all__ = ["MIN_SERVER_VERSION", "Connection", "TimeoutKind", "parse_version"]

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


def _delays(retry: RetryConfig) -> Iterator[float]:
    """Jittered exponential delays between attempts: backoff's ``expo`` bounds, ``full_jitter``
    spread (the decorator form does not fit: limits come from each client's config)."""
    import backoff

    bounds = backoff.expo(base=2, factor=retry.initial_delay, max_value=retry.max_delay)
    next(bounds)  # expo's generator starts with a bare yield for its send() protocol
    for bound in bounds:
        yield backoff.full_jitter(bound)


def _retry_after(value: str | None) -> float:
    if not value:
        return 0.0
    try:
        return max(0.0, float(value))
    except ValueError:
        return 0.0


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

    Namespaces call :meth:`rest`, :meth:`rest_status` and :meth:`grpc`.
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
        self._base_url = params.http.url + "/v1"
        self._session: aiohttp.ClientSession | None = None
        # The OIDC issuer gets a session of its own: the user's headers (module API keys) are
        # for Weaviate only.
        self._issuer_session: aiohttp.ClientSession | None = None
        self._channels: list[Channel] = []
        self._http_proxy: ProxyURL | None = None
        self._stubs: list[Any] = []
        self._next_stub = 0
        self._token_provider: TokenProvider | None = None
        self._static_auth: str | None = (
            f"Bearer {auth.api_key}" if isinstance(auth, _APIKey) else None
        )
        self._grpc_metadata: list[tuple[str, str]] = []
        self._connected = False
        self._generation = _fork_generation
        self._inflight = 0
        self._drained: asyncio.Event | None = None
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
        from weaviate_async.proto.weaviate.v1.weaviate_grpc import WeaviateStub

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
        if grpc_proxy is None:
            self._channels = [
                Channel(grpc.host, grpc.port, ssl=grpc_ssl)
                for _ in range(cfg.connection.grpc_channels)
            ]
        else:
            from weaviate_async.connect.grpc_proxy import ProxiedChannel

            self._channels = [
                ProxiedChannel(grpc.host, grpc.port, ssl=grpc_ssl, proxy=grpc_proxy)
                for _ in range(cfg.connection.grpc_channels)
            ]
        self._stubs = [WeaviateStub(ch) for ch in self._channels]
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
        status, oidc = await self.rest_status(
            "GET",
            "/.well-known/openid-configuration",
            operation="connect.oidc_discovery",
            ok=(200, 404),
            timeout="init",
        )
        if status == 404 or not isinstance(oidc, dict):
            raise AuthenticationFailedError(
                "the server has OIDC authentication disabled, but OIDC credentials were given; "
                "use Auth.api_key or connect without credentials",
                operation="connect",
                target="/v1/.well-known/openid-configuration",
                status=status,
            )
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
        channel: Channel = self._channels[0]
        limit = self.config.timeout.init
        try:
            reply = await HealthStub(channel).Check(
                health_pb2.HealthCheckRequest(),
                timeout=limit,
                metadata=await self._metadata(),
            )
        except (asyncio.TimeoutError, OSError, Exception) as exc:
            from weaviate_async.connect.grpc_proxy import ProxyTunnelError

            if isinstance(exc, WeaviateBaseError):
                raise
            hint = "check the gRPC host and port and that nothing blocks them"
            if isinstance(exc, asyncio.TimeoutError):
                reason = "timed out"
            elif isinstance(exc, ProxyTunnelError):
                reason, hint = str(exc), "check Proxies.grpc"
            elif (tls := _tls_problem(exc)) is not None:
                reason, hint = tls, "check AdditionalConfig(tls=...) and grpc_secure"
            else:
                reason = repr(exc)
            raise WeaviateGRPCUnavailableError(
                f"the gRPC endpoint {target} did not answer a health check ({reason}); {hint}",
                operation="connect.grpc_health",
                target="grpc.health.v1.Health/Check",
            ) from exc
        if reply.status != health_pb2.HealthCheckResponse.SERVING:
            raise WeaviateGRPCUnavailableError(
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
        channels, self._channels, self._stubs = self._channels, [], []
        provider, self._token_provider = self._token_provider, None
        if self._generation != _fork_generation:
            # Inherited from the parent process: not ours to close.
            _abandoned.extend([session, issuer_session, channels, provider])
            return
        if provider is not None:
            await provider.aclose()
        for channel in channels:
            channel.close()
        for http in (session, issuer_session):
            if http is not None:
                await http.close()

    def _reset_after_fork(self) -> None:
        _abandoned.extend([self._session, self._issuer_session, self._channels])
        self._inflight = 0
        self._open_transports()
        if self._token_provider is not None:
            _abandoned.append(self._token_provider)
            self._token_provider = self._token_provider.after_fork(session=self._issuer_session)

    def _require_open(self) -> tuple[aiohttp.ClientSession, list[Any]]:
        if not self._connected:
            from weaviate_async._loop_thread import spelled_call

            raise WeaviateClosedClientError(
                f"the client is not connected: call `{spelled_call('client.connect()')}` (or use "
                "it as a context manager) before using it, and do not use it after close()"
            )
        if self._generation != _fork_generation:
            self._reset_after_fork()
        assert self._session is not None
        return self._session, self._stubs

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
        timeout: TimeoutKind = "query",
        idempotent: bool | None = None,
    ) -> Any:
        """Call ``/v1{path}`` and return the decoded JSON body (None when empty).

        Raises the mapped exception for any status not in ``ok``.
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
        timeout: TimeoutKind = "query",
        idempotent: bool | None = None,
    ) -> tuple[int, Any]:
        """Like :meth:`rest`, and also return the status (one of ``ok``)."""
        import aiohttp

        session, _ = self._require_open()
        url = self._base_url + path
        limit: float = getattr(self.config.timeout, timeout)
        data = orjson.dumps(json) if json is not None else None
        if idempotent is None:
            idempotent = method in _IDEMPOTENT_METHODS
        retry = self.config.retry
        deadline = time.monotonic() + retry.max_time
        delays = _delays(retry)
        attempt = 0
        http_proxy = self._http_proxy
        proxy = http_proxy.display if http_proxy is not None else None
        proxy_headers = http_proxy.headers if http_proxy is not None else None
        # aiohttp sends proxy_headers only with CONNECT (https); a plain http request goes to the
        # proxy itself, so the proxy's credentials ride along in the request's headers.
        forward_headers = proxy_headers if not self.params.http.secure else None
        self._inflight += 1
        try:
            while True:
                attempt += 1
                can_retry = attempt < retry.max_tries and time.monotonic() < deadline
                auth = await self._authorization()
                try:
                    async with session.request(
                        method,
                        url,
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
                    raise errors.timeout_error(operation, path, limit) from None
                except aiohttp.ClientHttpProxyError as exc:
                    # The proxy refused the CONNECT tunnel (https). Not str(exc): it quotes the
                    # proxy's URL.
                    if exc.status in errors.RETRIABLE_HTTP and can_retry:
                        await asyncio.sleep(next(delays))
                        continue
                    raise self._proxy_refused(operation, path, exc.status, exc.message) from None
                except aiohttp.ClientConnectorError as exc:
                    # The request never left: retrying cannot apply a write twice.
                    tls = _tls_problem(exc)
                    if tls is None and can_retry:
                        await asyncio.sleep(next(delays))
                        continue
                    if isinstance(exc, aiohttp.ClientProxyConnectionError):
                        where = f"the proxy {proxy or '(from the environment)'}"
                    else:
                        where = self.params.http.url
                    raise WeaviateConnectionError(
                        f"{operation} failed: cannot reach {where} ({tls or exc.os_error})",
                        operation=operation,
                        target=path,
                    ) from exc
                except (aiohttp.ClientError, OSError) as exc:
                    tls = _tls_problem(exc)
                    if tls is None and idempotent and can_retry:
                        await asyncio.sleep(next(delays))
                        continue
                    raise WeaviateConnectionError(
                        f"{operation} failed: the connection to {self.params.http.url} broke "
                        f"({tls or f'{type(exc).__name__}: {exc}'})",
                        operation=operation,
                        target=path,
                    ) from exc
                if status == 407 and proxy is not None:
                    raise self._proxy_refused(
                        operation, path, status, "Proxy Authentication Required"
                    )
                if status in ok:
                    return status, self._decode(body, operation, path)
                if status in errors.RETRIABLE_HTTP and (idempotent or status == 429) and can_retry:
                    await asyncio.sleep(max(next(delays), _retry_after(retry_after)))
                    continue
                raise errors.http_error(status, body, operation=operation, target=path)
        finally:
            self._done()

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
            raise ResponseCannotBeDecodedError(
                f"{operation}: {path} answered a body that is not JSON: {body[:200]!r}",
                operation=operation,
                target=path,
            ) from exc

    def _done(self) -> None:
        self._inflight -= 1
        if self._inflight == 0 and self._drained is not None:
            self._drained.set()

    # ------------------------------------------------------------------ gRPC

    async def grpc(
        self,
        method: str,
        request: Any,
        *,
        operation: str,
        timeout: TimeoutKind = "query",
        retriable: bool = True,
        error: type[WeaviateBaseError] = WeaviateQueryError,
    ) -> Any:
        """Call the unary RPC ``weaviate.v1.Weaviate/{method}`` and return its reply message.

        Calls rotate over the channel pool. UNAVAILABLE and RESOURCE_EXHAUSTED are retried when
        ``retriable``; other failures raise the mapped exception (``error`` for plain failures).
        """
        from grpclib.exceptions import GRPCError, StreamTerminatedError

        from weaviate_async.connect.grpc_proxy import ProxyTunnelError

        _, stubs = self._require_open()
        limit: float = getattr(self.config.timeout, timeout)
        retry = self.config.retry
        deadline = time.monotonic() + retry.max_time
        delays = _delays(retry)
        target = f"weaviate.v1.Weaviate/{method}"
        attempt = 0
        self._inflight += 1
        try:
            while True:
                attempt += 1
                can_retry = retriable and attempt < retry.max_tries and time.monotonic() < deadline
                index = self._next_stub = (self._next_stub + 1) % len(stubs)
                call = getattr(stubs[index], method)
                try:
                    return await call(request, timeout=limit, metadata=await self._metadata())
                except asyncio.TimeoutError:
                    raise errors.timeout_error(operation, target, limit) from None
                except GRPCError as exc:
                    status = exc.status.name
                    if status in errors.RETRIABLE_GRPC and can_retry:
                        await asyncio.sleep(next(delays))
                        continue
                    raise errors.grpc_error(
                        status, exc.message, operation=operation, target=target, default=error
                    ) from exc
                except (StreamTerminatedError, ConnectionError, OSError) as exc:
                    tls = _tls_problem(exc)
                    if isinstance(exc, ProxyTunnelError):
                        transient, reason = exc.transient, str(exc)
                    else:
                        transient, reason = tls is None, tls or f"{type(exc).__name__}: {exc}"
                    if transient and can_retry:
                        await asyncio.sleep(next(delays))
                        continue
                    raise WeaviateConnectionError(
                        f"{operation} failed: gRPC {self.params.grpc.host}:{self.params.grpc.port}"
                        f" unreachable or broken ({reason})",
                        operation=operation,
                        target=target,
                    ) from exc
        finally:
            self._done()

    def __repr__(self) -> str:
        state = "connected" if self._connected else "closed"
        return f"<Connection {self.params.http.url} grpc={self.params.grpc.url} {state}>"
