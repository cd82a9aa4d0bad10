"""The REST transport: one aiohttp session (JSON through orjson), one request per attempt.

:meth:`RestTransport.attempt` sends one request and maps its failures to the client's
exceptions, as :class:`~weaviate_async.connect.retry.RetriableError` where another attempt may
mend them; the connection runs the attempts (``retry.py``) and keeps the recovery state.
"""

from __future__ import annotations

import asyncio
from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, Any

import aiohttp
import orjson

from weaviate_async.connect import errors
from weaviate_async.connect._network import (
    dns_problem,
    request_headers,
    reset_hint,
    ssl_context,
    tls_problem,
)
from weaviate_async.connect._transport import retriable
from weaviate_async.connect.grpc_proxy import auth_hint
from weaviate_async.connect.retry import Failure, retry_after_seconds
from weaviate_async.exceptions import ResponseCannotBeDecodedError, WeaviateConnectionError

if TYPE_CHECKING:
    import ssl

    from weaviate_async.connect._instrument import AttemptScope
    from weaviate_async.connect.grpc_proxy import ProxyURL
    from weaviate_async.connect.params import AdditionalConfig, ConnectionParams

__all__ = ["RestTransport", "decode"]


class RestTransport:
    """The aiohttp sessions of one connection: Weaviate's and, for OIDC, the issuer's (the
    user's headers, module API keys among them, are for Weaviate only)."""

    def __init__(
        self,
        params: ConnectionParams,
        config: AdditionalConfig,
        *,
        headers: Mapping[str, str],
        proxy: ProxyURL | None,
        issuer: bool,
    ) -> None:
        self._url = params.http.url
        self._host = params.http.host
        self._secure = params.http.secure
        self._client_cert = config.tls.client_cert
        self.base_url = self._url + "/v1"
        self.proxy = proxy
        # aiohttp sends proxy_headers only with CONNECT (https); a plain http request goes to the
        # proxy itself, so the proxy's credentials ride along in the request's headers.
        self._forward_headers = proxy.headers if proxy is not None and not self._secure else None
        self._proxy = proxy.display if proxy is not None else None
        self._proxy_headers = proxy.headers if proxy is not None else None
        http_ssl: ssl.SSLContext | bool = (
            ssl_context(config, alpn_h2=False) if self._secure else False
        )
        connector = aiohttp.TCPConnector(
            limit=config.connection.session_pool_maxsize,
            limit_per_host=config.connection.session_pool_connections,
            ssl=http_ssl,
            enable_cleanup_closed=False,
        )
        # The headers go with each request, not as the session's defaults: aiohttp copies a
        # session's default headers into the CONNECT request to a proxy, and moves an
        # ``Authorization`` among them into ``Proxy-Authorization`` (the API key and module keys
        # would be handed to the proxy, and the proxy's own credentials replaced).
        self.headers: dict[str, str] = dict(headers)
        self.session = aiohttp.ClientSession(
            connector=connector,
            trust_env=config.trust_env,
            json_serialize=lambda obj: orjson.dumps(obj).decode(),
            skip_auto_headers=("User-Agent",),
        )
        self.issuer_session = aiohttp.ClientSession(trust_env=config.trust_env) if issuer else None

    async def attempt(
        self,
        method: str,
        path: str,
        data: bytes | None,
        params: Mapping[str, str] | None,
        ok: Collection[int],
        operation: str,
        limit: float,
        authorization: str | None,
        probe: AttemptScope | None = None,
    ) -> tuple[int, Any]:
        """One HTTP request; a failure another attempt may mend raises RetriableError.

        ``probe`` (when the calls are observed) adds its trace context to the headers and
        learns the reply's size, status and the server's request id."""
        proxy = self._proxy
        headers = request_headers(self.headers, authorization, self._forward_headers)
        if probe is not None:
            headers.update(probe.trace_headers())
        try:
            async with self.session.request(
                method,
                self.base_url + path,
                data=data,
                params=params,
                headers=headers,
                timeout=aiohttp.ClientTimeout(total=limit),
                proxy=proxy,
                proxy_headers=self._proxy_headers,
            ) as resp:
                status = resp.status
                body = await resp.read()
                retry_after = resp.headers.get("Retry-After")
                if probe is not None:
                    probe.received(len(body), str(status), resp.headers.get("X-Request-Id"))
        except asyncio.TimeoutError:
            raise retriable(Failure.TIMEOUT, errors.timeout_error(operation, path, limit)) from None
        except aiohttp.ClientHttpProxyError as exc:
            raise self._proxy_failure(operation, path, exc) from None
        except aiohttp.ClientConnectorError as exc:
            # The request never left: retrying cannot apply a write twice.
            tls = tls_problem(exc)
            if isinstance(exc, aiohttp.ClientProxyConnectionError):
                where = f"the proxy {proxy or '(from the environment)'}"
            else:
                where = self._url
            dns = dns_problem(exc, self._host)
            unreachable = WeaviateConnectionError(
                f"{operation} failed: cannot reach {where} ({tls or dns or exc.os_error})",
                operation=operation,
                target=path,
            )
            if tls is not None:
                raise unreachable from exc
            raise retriable(Failure.UNSENT, unreachable, exc) from exc
        except (aiohttp.ClientError, OSError) as exc:
            tls = tls_problem(exc)
            broken = WeaviateConnectionError(
                f"{operation} failed: the connection to {self._url} broke "
                f"({tls or f'{type(exc).__name__}: {exc}'}){self._reset_hint(exc)}",
                operation=operation,
                target=path,
            )
            if tls is not None:
                raise broken from exc
            raise retriable(Failure.BROKEN, broken, exc) from exc
        if status in ok:
            return status, decode(body, operation, path)
        if status == 407 and proxy is not None:
            raise self._proxy_refused(operation, path, status, "Proxy Authentication Required")
        failed = errors.http_error(status, body, operation=operation, target=path)
        if status == 429:
            raise retriable(Failure.THROTTLED, failed, retry_after=retry_after_seconds(retry_after))
        if status in errors.RETRIABLE_HTTP:
            raise retriable(
                Failure.UNAVAILABLE, failed, retry_after=retry_after_seconds(retry_after)
            )
        raise failed

    async def ready(self, operation: str, target: str, limit: float) -> None:
        """One readiness probe (``/v1/.well-known/ready``), before the first call after a lost
        connection: returns when the server serves; not ready (or unreachable) raises a
        retriable failure of the call, before anything was sent.

        A restarted server accepts connections (and answers gRPC health checks with SERVING)
        before it has loaded its schema, and answers calls in that window with errors such as
        "could not find class"; the readiness endpoint answers 200 only once it serves.
        """
        try:
            async with self.session.get(
                self.base_url + "/.well-known/ready",
                timeout=aiohttp.ClientTimeout(total=limit),
                headers=self._forward_headers,
                proxy=self._proxy,
                proxy_headers=self._proxy_headers,
            ) as resp:
                status = resp.status
                await resp.read()
        except aiohttp.ClientHttpProxyError as exc:
            # The proxy, not the server, refused: the call's own failure, as its attempt says.
            raise self._proxy_failure(operation, target, exc) from None
        except (asyncio.TimeoutError, aiohttp.ClientError, OSError) as exc:
            tls = tls_problem(exc)
            if tls is not None:  # never retried: the next attempt fails the same way
                raise WeaviateConnectionError(
                    f"{operation} failed: cannot reach {self._url} ({tls})",
                    operation=operation,
                    target=target,
                ) from exc
            reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            dns = dns_problem(exc, self._host)
            reason = (dns or reason) + self._reset_hint(exc)
            status = 0
        else:
            if status == 200:
                return
            reason = f"its readiness probe answered {status}"
            dns = None
        state = "cannot be reached" if dns else "is not ready after a lost connection"
        raise retriable(
            Failure.UNSENT,
            WeaviateConnectionError(
                f"{operation} failed: the server at {self._url} {state} ({reason})",
                operation=operation,
                target=target,
                status=status or None,
            ),
        )

    def _reset_hint(self, exc: BaseException) -> str:
        return reset_hint(exc, secure=self._secure, client_cert=self._client_cert)

    def _proxy_failure(
        self, operation: str, path: str, exc: aiohttp.ClientHttpProxyError
    ) -> Exception:
        # The proxy refused the CONNECT tunnel (https): nothing reached the server. Not
        # str(exc): it quotes the proxy's URL.
        refused = self._proxy_refused(operation, path, exc.status, exc.message)
        if exc.status in errors.RETRIABLE_HTTP:
            return retriable(Failure.UNSENT, refused)
        return refused

    def _proxy_refused(
        self, operation: str, path: str, status: int, reason: str
    ) -> WeaviateConnectionError:
        proxy = self.proxy
        shown = proxy.display if proxy is not None else "from the environment"
        hint = auth_hint(proxy) if status == 407 else ""
        return WeaviateConnectionError(
            f"{operation} failed: the HTTP proxy {shown} refused the request to "
            f"{self._url} with {status} {reason}{hint}",
            operation=operation,
            target=path,
            status=status,
        )

    async def close(self) -> None:
        """Close both sessions."""
        for http in (self.session, self.issuer_session):
            if http is not None:
                await http.close()


def decode(body: bytes, operation: str, path: str) -> Any:
    """A reply's JSON body (None when empty)."""
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
