"""The connection: the only place where the client does I/O.

One :class:`Connection` per client holds a REST transport (one aiohttp session, JSON through
orjson; ``_rest.py``) and a gRPC transport (``_transport.py``: a pool of grpclib channels, or a
grpcio channel, chosen by ``AdditionalConfig.grpc_transport``; the connection never asks
which). Every call goes through :meth:`Connection.rest` or one typed method per RPC
(:meth:`Connection.search`, :meth:`Connection.batch_objects`, ...; ``_calls.py``), which
apply the credentials, the time limits and the retry policy (one engine for both protocols,
``retry.py``); the transports map failures to the exceptions of
:mod:`weaviate_async.exceptions` (see ``errors.py``), and the connection alone decides from a
failure's kind that the server may be restarting (a readiness probe before the next call).
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import AsyncIterator, Collection, Coroutine, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from weaviate_async import _fork
from weaviate_async._error_base import both
from weaviate_async.connect import retry as retry_engine
from weaviate_async.connect._calls import Calls, TimeoutKind
from weaviate_async.connect._grpc_transport import open_grpc_transport
from weaviate_async.connect._network import grpc_metadata, grpc_proxy, rest_proxy, user_headers
from weaviate_async.connect._secrets import Secret, hidden_headers, secret_header
from weaviate_async.connect._startup import MIN_SERVER_VERSION, parse_version, server_version
from weaviate_async.connect._transport import (
    BatchStream,
    BlockingUnary,
    run_now,
)
from weaviate_async.connect.auth import AuthCredentials, _APIKey
from weaviate_async.connect.params import AdditionalConfig, ConnectionParams
from weaviate_async.connect.retry import Failure, RetriableError, RetryPolicy, after_first
from weaviate_async.connect.retry import run as run_with_retry
from weaviate_async.exceptions import (
    AuthenticationFailedError,
    WeaviateBaseError,
    WeaviateClosedClientError,
    WeaviateConnectionError,
    WeaviateStartUpError,
    WeaviateTimeoutError,
    WeaviateUnsupportedFeatureError,
)
from weaviate_async.wire.unencodable import json_body

if TYPE_CHECKING:
    from weaviate_async._loop_thread import LoopThread
    from weaviate_async.connect._instrument import AttemptScope, CallScope, Instrumentation
    from weaviate_async.connect._rest import RestTransport
    from weaviate_async.connect._transport import GrpcTransport
    from weaviate_async.connect.oidc import TokenProvider
    from weaviate_async.connect.rpc import Rpc, RpcTable
    from weaviate_async.proto.weaviate.v1 import search_get_pb2

__all__ = ["MIN_SERVER_VERSION", "BatchStream", "Connection", "TimeoutKind", "parse_version"]

Req = TypeVar("Req")
Rep = TypeVar("Rep")
T = TypeVar("T")


_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
# After these the server may be restarting: the next call first probes its readiness.
_CONNECTION_LOST = frozenset({Failure.UNSENT, Failure.BROKEN})


class Connection(Calls):
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
        self._user_headers = user_headers(headers, with_credentials=auth is not None, stacklevel=5)
        self._base_url = params.http.url + "/v1"
        self._rest: RestTransport | None = None
        self._transport: GrpcTransport | None = None
        # Where blocking callers hop for what they cannot do in their own thread: the loop
        # thread of the blocking facade (or the loop the connection was opened on).
        self._loop: asyncio.AbstractEventLoop | None = None
        self._loop_thread: LoopThread | None = None
        from weaviate_async.connect.rpc import RPCS

        self._rpc: RpcTable = RPCS
        self._token_provider: TokenProvider | None = None
        self._static_auth: str | None = (
            Secret(f"Bearer {auth.api_key}") if isinstance(auth, _APIKey) else None
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
        self._generation = _fork.generation()
        # Why this client was refused in a forked child (grpcio), repeated on every later call.
        self._fork_refusal: str | None = None
        # Calls in flight, for close() to wait for: those on the loop (counted there, no lock)
        # and those of blocking callers in their own threads (counted under the lock).
        self._inflight = 0
        self._blocking = 0
        self._count_lock = threading.Lock()
        self._drained: asyncio.Event | None = None
        # Set when a call lost its connection to the server: the next attempt first waits for
        # the server's readiness (a restarted server answers gRPC before its schema is loaded).
        self._recovering = False
        # A gRPC call ran out of time: its connection may be dead (half-open, a hung server).
        self._grpc_suspect = False

        # What watches the calls (spans, metrics, hooks), decided when connecting; None costs
        # each call one attribute test.
        self._instr: Instrumentation | None = None
        self._counted_open = False
        self.meta: dict[str, Any] | None = None
        self.server_version: tuple[int, int, int] = (0, 0, 0)

    # ------------------------------------------------------------------ lifecycle

    @property
    def is_connected(self) -> bool:
        """Whether :meth:`connect` succeeded and :meth:`close` has not been called since."""
        return self._connected

    def _open_transports(self) -> None:
        from weaviate_async.connect._rest import RestTransport

        cfg = self.config
        http_proxy = rest_proxy(self.params, cfg)
        # The gRPC side first: its proxy URL may be invalid, and grpcio refuses a configuration
        # it cannot serve, before the REST session is opened.
        transport = open_grpc_transport(self.params, cfg, grpc_proxy(self.params, cfg))
        headers = {"content-type": "application/json", **self._user_headers}
        if self._static_auth is not None:
            headers["authorization"] = self._static_auth
        self._rest = RestTransport(
            self.params,
            cfg,
            headers=headers,
            proxy=http_proxy,
            issuer=self._auth is not None and not isinstance(self._auth, _APIKey),
        )
        self._transport = transport
        self._grpc_metadata = grpc_metadata(self._user_headers, self._static_auth)
        self._generation = _fork.generation()

    def update_headers(self, headers: Mapping[str, str]) -> None:
        """Send ``headers`` with every later REST and gRPC request, replacing headers of the same
        name (in any case). Used for module API keys set after connecting."""
        from weaviate_async.connect.integrations import merge_headers

        headers = hidden_headers(headers)
        self._user_headers = merge_headers(self._user_headers, headers)
        if self._rest is not None:
            self._rest.headers = merge_headers(self._rest.headers, headers)
        # A new list, not an update in place: calls in flight keep the one they read.
        self._grpc_metadata = grpc_metadata(self._grpc_metadata, None, replaced_by=headers)

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
        from weaviate_async.connect._instrument import instrumentation_for

        self._loop = asyncio.get_running_loop()
        self._loop_thread = current_loop_thread()
        self._instr = instrumentation_for(self.config, self.params, self._loop)
        self._open_transports()
        self._connected = True
        try:
            if self._auth is not None and not isinstance(self._auth, _APIKey):
                await self._start_oidc()
            if not self._skip_init_checks:
                await self._check_server()
        except (AuthenticationFailedError, WeaviateStartUpError):
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
        if self._instr is not None:
            self._instr.connection_opened(1)
            self._counted_open = True

    async def _start_oidc(self) -> None:
        from weaviate_async.connect.oidc import discover_token_provider

        assert self._auth is not None

        async def discover() -> tuple[int, Any]:
            return await self.rest_status(
                "GET",
                "/.well-known/openid-configuration",
                operation="connect.oidc_discovery",
                ok=(200, 404),
                timeout="init",
            )

        rest = self._require_open()
        self._token_provider = await discover_token_provider(
            discover, self._auth, rest, self.config
        )

    async def _check_server(self) -> None:
        meta = await self.rest("GET", "/meta", operation="connect.get_meta", timeout="init")
        self.server_version = server_version(meta, self._base_url)
        self.meta = meta
        await self.grpc_health_check()

    async def grpc_health_check(self) -> None:
        """Ask the gRPC health service whether the server serves.

        Raises:
            WeaviateGRPCUnavailableError: no answer, or not SERVING.
        """
        await self._grpc().check_health(self.config.timeout.init, self._metadata)

    async def close(self) -> None:
        """Wait for in-flight calls (bounded by the init timeout), then close the session, the
        channels and the token refresher. Idempotent."""
        if not self._connected:
            return
        self._connected = False
        if not _fork.forked_since(self._generation):
            with self._count_lock:
                drained = self._drained = asyncio.Event()
                busy = self._inflight or self._blocking
            if busy:
                with contextlib.suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(drained.wait(), self.config.timeout.init)
            if self._instr is not None:
                await self._instr.wait_for_hooks(self.config.timeout.init)
        await self._close_transports()

    async def _close_transports(self) -> None:
        if self._counted_open and self._instr is not None:
            self._counted_open = False
            self._instr.connection_opened(-1)
        self._connected = False
        rest, self._rest = self._rest, None
        transport, self._transport = self._transport, None
        provider, self._token_provider = self._token_provider, None
        if _fork.forked_since(self._generation):
            # Inherited from the parent process: not ours to close.
            _fork.abandon(rest, transport, provider)
            return
        if provider is not None:
            await provider.aclose()
        if transport is not None:
            await transport.close()
        if rest is not None:
            await rest.close()

    def _reset_after_fork(self) -> None:
        transport = self._transport
        if transport is not None:
            try:
                transport.refuse_after_fork()
            except WeaviateClosedClientError as exc:
                # Nothing inherited is used again, nor closed (close() returns at once now).
                _fork.abandon(transport, self._rest, self._token_provider)
                self._transport = self._rest = self._token_provider = None
                self._connected = False
                # Every later call in this child gets the same reason, not "not connected".
                self._fork_refusal = str(exc)
                raise
        _fork.abandon(self._rest, transport)
        # A lock held by another thread of the parent at fork would stay held here.
        self._count_lock = threading.Lock()
        self._inflight = self._blocking = 0
        self._open_transports()
        if self._token_provider is not None:
            _fork.abandon(self._token_provider)
            assert self._rest is not None
            self._token_provider = self._token_provider.after_fork(
                session=self._rest.issuer_session
            )

    def _require_open(self) -> RestTransport:
        if self._fork_refusal is not None and _fork.forked_since(self._generation):
            raise WeaviateClosedClientError._with(self._fork_refusal)
        if not self._connected:
            from weaviate_async._loop_thread import spelled_call

            raise WeaviateClosedClientError._with(
                f"the client is not connected: call `{spelled_call('client.connect()')}` (or use "
                "it as a context manager) before using it, and do not use it after close()"
            )
        if _fork.forked_since(self._generation):
            self._reset_after_fork()
        assert self._rest is not None
        return self._rest

    def _grpc(self) -> GrpcTransport:
        self._require_open()
        assert self._transport is not None
        return self._transport

    def _enter(self) -> None:
        self._inflight += 1

    def _done(self) -> None:
        self._inflight -= 1
        if self._inflight == 0 and self._drained is not None:
            self._check_drained()

    def _check_drained(self) -> None:
        # On the loop. A blocking call still counted signals again when it ends.
        drained = self._drained
        if drained is not None and self._inflight == 0 and self._blocking == 0:
            drained.set()

    def _leave_blocking(self) -> None:
        """The end of a call counted in a blocking caller's thread."""
        with self._count_lock:
            self._blocking -= 1
            signal = self._blocking == 0 and self._drained is not None
        if signal and self._loop is not None:
            with contextlib.suppress(RuntimeError):  # the loop is closed: nobody waits
                self._loop.call_soon_threadsafe(self._check_drained)

    def _note(self, failure: Exception) -> None:
        """The one place where a failure sets the recovery state: after a lost connection the
        next call first probes the server's readiness (:meth:`_await_ready`)."""
        if isinstance(failure, RetriableError) and failure.kind in _CONNECTION_LOST:
            self._recovering = True

    async def _revive(self, limit: float) -> None:
        """Before the first gRPC call after one that ran out of time: drop the connections
        that no longer answer (a call on a half-open connection would wait out its limit
        again, and so would every call after it)."""
        self._grpc_suspect = False
        transport = self._grpc()
        await transport.revive(min(limit, self._limits["init"]), await self._metadata())

    async def _await_ready(self, operation: str, target: str, limit: float) -> None:
        """Before the first call after a lost connection: one readiness probe (see
        ``RestTransport.ready``); not ready raises a retriable failure of the call."""
        await self._require_open().ready(operation, target, min(limit, self._limits["init"]))
        self._recovering = False

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
        authorization = await self._token_provider.authorization()
        return [*self._grpc_metadata, secret_header("authorization", authorization)]

    # ------------------------------------------------------------------ REST

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
        rest = self._require_open()
        limit = self._limits[timeout] if isinstance(timeout, str) else float(timeout)
        data = json_body(json) if json is not None else None
        if retry is None:
            if idempotent is None:
                idempotent = method in _IDEMPOTENT_METHODS
            policy = self._idempotent_policy if idempotent else self._write_policy
        elif idempotent is not None and idempotent != retry.idempotent:
            policy = attrs.evolve(retry, idempotent=idempotent)
        else:
            policy = retry

        async def attempt(time_limit: float, probe: AttemptScope | None = None) -> tuple[int, Any]:
            if self._recovering and not path.startswith("/.well-known/"):
                await self._await_ready(operation, path, time_limit)
            try:
                return await rest.attempt(
                    method,
                    path,
                    data,
                    params,
                    ok,
                    operation,
                    time_limit,
                    await self._authorization(),
                    probe,
                )
            except RetriableError as failure:
                self._note(failure)
                raise

        self._enter()
        try:
            instr = self._instr
            if instr is None:
                return await run_with_retry(policy, limit, attempt)
            call = instr.rest_call(operation, method, path, params, len(data or b""))
            return await instr.run(call, policy, limit, attempt)
        finally:
            self._done()

    # ------------------------------------------------------------------ gRPC

    def search_blocking(
        self, request: search_get_pb2.SearchRequest, *, operation: str
    ) -> search_get_pb2.SearchReply:
        """:meth:`search` for a blocking caller (the ``weaviate_sync`` facade); thread-safe.

        With a transport that can call from the caller's thread (grpcio; grpclib over the
        thread's own blocking HTTP/2 connection, in any thread), the first attempt
        runs there, through :meth:`_attempt` and counted in flight as any call; the attempts
        left after a retriable failure run on the loop, as for :meth:`search`. Otherwise (no
        such transport, OIDC tokens, a connection recovering or forked) the whole call hops
        onto the loop. Failures as for :meth:`search`.
        """
        rpc = self._rpc.search
        transport = self._transport
        call = transport.blocking_call() if transport is not None else None
        if (
            call is None
            or not self._connected
            or self._recovering
            or self._grpc_suspect
            or self._token_provider is not None
            or _fork.forked_since(self._generation)
        ):
            return self._hop(self._unary(rpc, request, operation, None, None, None))
        limit = self._limits[rpc.timeout]
        started = retry_engine._now()
        instr = self._instr
        scope = None if instr is None else instr.grpc_call(operation, rpc.target, request)
        with self._count_lock:
            self._blocking += 1
        try:
            try:
                if scope is None:
                    return run_now(self._attempt(rpc, request, operation, limit, rpc.error, call))
                return scope.first_attempt(
                    lambda probe: run_now(
                        self._attempt(rpc, request, operation, limit, rpc.error, call, probe)
                    )
                )
            except RetriableError as first:
                rest = after_first(self._idempotent_policy, first, started)
                if rest is None:
                    if scope is not None:
                        scope.finish(first)
                    raise first.error from first.error.__cause__
            delay, policy = rest
            time.sleep(delay)
            return self._hop(self._unary(rpc, request, operation, None, policy, None, scope))
        finally:
            self._leave_blocking()

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
        from weaviate_async._loop_thread import hop

        return hop(loop, awaitable)

    async def _unary(
        self,
        rpc: Rpc[Req, Rep],
        request: Req | bytes,
        operation: str,
        timeout: float | None,
        retry: RetryPolicy | None,
        error: type[WeaviateBaseError] | None,
        scope: CallScope | None = None,
    ) -> Rep:
        """The one implementation of the unary RPCs: retries around :meth:`_attempt`.

        ``scope``: the observed call whose first attempt ran in a blocking caller's thread
        (:meth:`search_blocking`); these attempts continue it."""
        self._require_open()
        limit = self._limits[rpc.timeout] if timeout is None else timeout
        if retry is None:
            retry = self._idempotent_policy if rpc.idempotent else self._write_policy
        failure_class = rpc.error if error is None else error

        async def attempt(time_limit: float, probe: AttemptScope | None = None) -> Rep:
            return await self._attempt(
                rpc, request, operation, time_limit, failure_class, None, probe
            )

        self._enter()
        try:
            instr = self._instr
            if instr is None:
                return await run_with_retry(retry, limit, attempt)
            if scope is None:
                scope = instr.grpc_call(operation, rpc.target, request)
            return await instr.run(scope, retry, limit, attempt)
        finally:
            self._done()

    async def _attempt(
        self,
        rpc: Rpc[Req, Rep],
        request: Req | bytes,
        operation: str,
        limit: float,
        error: type[WeaviateBaseError],
        blocking: BlockingUnary | None = None,
        probe: AttemptScope | None = None,
    ) -> Rep:
        """One unary call, the same for every RPC: on the event loop, or with ``blocking`` (the
        transport's blocking call) in the caller's thread, where it never suspends.
        ``probe`` (when calls are observed) adds its trace context to the metadata and learns
        the reply's size."""
        if self._recovering and blocking is None:
            await self._await_ready(operation, rpc.target, limit)
        if self._grpc_suspect and blocking is None:
            await self._revive(limit)
        metadata = self._grpc_metadata if self._token_provider is None else await self._metadata()
        if probe is not None:
            metadata = [*metadata, *probe.trace_headers().items()]
        transport = self._transport
        assert transport is not None
        started = retry_engine._now()
        try:
            if blocking is None:
                reply = await transport.unary(rpc, request, limit, metadata)
            else:
                reply = blocking(rpc, request, limit, metadata)
        except Exception as exc:
            failure = self._failure(exc, rpc, operation, limit, error, started)
            if failure is exc:
                raise
            raise failure from exc
        if reply is None:
            raise error._with(
                f"{operation} failed: {rpc.target} answered no message",
                operation=operation,
                target=rpc.target,
            )
        if probe is not None:
            probe.received(reply.ByteSize())
        result: Rep = reply
        return result

    @contextlib.asynccontextmanager
    async def _batch_stream(self, operation: str, limit: float) -> AsyncIterator[BatchStream]:
        if self._grpc_suspect:
            await self._revive(limit)
        transport = self._grpc()
        metadata = await self._metadata()
        instr = self._instr
        scope = probe = None
        if instr is not None:
            # The stream is one call of one attempt: never retried as a whole.
            scope = instr.grpc_call(operation, self._rpc.batch_stream.target, b"")
            probe = scope.attempt()
            metadata = [*metadata, *probe.trace_headers().items()]
        call = transport.stream(self._rpc.batch_stream, metadata)
        error = self._rpc.batch_stream.error

        def fail(exc: Exception) -> Exception:
            # A stream is never retried: the mapped exception itself.
            failure = self._failure(exc, self._rpc.batch_stream, operation, limit, error, None)
            return failure.error if isinstance(failure, RetriableError) else failure

        handle = BatchStream(call, fail, limit)
        self._enter()
        try:
            try:
                async with call:
                    try:
                        yield handle
                    finally:
                        if not handle._finished:
                            # Not read to its end: nothing more is wanted from the server.
                            with contextlib.suppress(Exception):
                                await call.abandon()
            except WeaviateBaseError:
                raise
            except Exception as exc:
                handle._raise(exc)
                raise
        except BaseException as exc:
            if scope is not None and probe is not None:
                probe.finish(exc)
                scope.finish(exc)
            raise
        else:
            if scope is not None and probe is not None:
                probe.finish(None)
                scope.finish(None)
        finally:
            self._done()

    def _failure(
        self,
        exc: Exception,
        rpc: Rpc[Any, Any],
        operation: str,
        limit: float,
        error: type[WeaviateBaseError],
        started: float | None,
    ) -> Exception:
        """The transport's classification of a failed call (``exc`` when it is no transport
        failure), noted for the recovery state."""
        transport = self._transport
        assert transport is not None
        failure = transport.classify(
            exc, target=rpc.target, operation=operation, limit=limit, error=error, started=started
        )
        self._note(failure)
        if isinstance(failure, RetriableError) and failure.kind is Failure.TIMEOUT:
            self._grpc_suspect = True
        mapped = failure.error if isinstance(failure, RetriableError) else failure
        if isinstance(mapped, (WeaviateTimeoutError, WeaviateConnectionError)) and not isinstance(
            mapped, error
        ):
            # The official client raises the call's own class (WeaviateQueryError for a
            # search...) for every gRPC failure, time-outs and lost connections included.
            mapped.__class__ = both(type(mapped), error)
        return failure

    def __repr__(self) -> str:
        state = "connected" if self._connected else "closed"
        return f"<Connection {self.params.http.url} grpc={self.params.grpc.url} {state}>"
