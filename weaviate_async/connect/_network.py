"""TLS, proxy and header helpers shared by the REST and gRPC transports: SSL contexts, the
hints that explain a failed handshake or name lookup, and which proxy a call goes through."""

from __future__ import annotations

import os
import socket
import ssl
import warnings
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

from weaviate_async.connect._secrets import hidden_headers, secret_metadata

if TYPE_CHECKING:
    from weaviate_async.connect.grpc_proxy import ProxyURL
    from weaviate_async.connect.params import AdditionalConfig, ConnectionParams

__all__ = [
    "dns_problem",
    "grpc_metadata",
    "user_headers",
    "env_grpc_proxy",
    "grpc_proxy",
    "no_proxy_matches",
    "request_headers",
    "reset_hint",
    "rest_proxy",
    "ssl_context",
    "tls_problem",
]


def ssl_context(config: AdditionalConfig, *, alpn_h2: bool) -> ssl.SSLContext:
    """The SSL context of ``config.tls`` (``alpn_h2`` for gRPC, which must offer HTTP/2)."""
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


def _chain(exc: BaseException, *wrapped: str) -> Iterator[BaseException]:
    """``exc`` and every exception behind it (causes, contexts, and the ``wrapped`` attributes
    in which aiohttp keeps the exceptions it wraps), each once."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        item = todo.pop()
        if item is None or id(item) in seen:
            continue
        seen.add(id(item))
        yield item
        todo.extend([item.__cause__, item.__context__])
        todo.extend(getattr(item, name, None) for name in wrapped)


def _find_ssl_error(exc: BaseException) -> ssl.SSLError | None:
    # The ssl module's own error, not a wrapper that subclasses it (aiohttp's certificate error
    # does, without the ``verify_message``).
    return next(
        (
            item
            for item in _chain(exc, "os_error", "certificate_error")
            if isinstance(item, ssl.SSLError) and type(item).__module__ == "ssl"
        ),
        None,
    )


def dns_problem(exc: BaseException, host: str) -> str | None:
    """A hint when the host name did not resolve (a mistyped or deleted cluster URL), else None."""
    for item in _chain(exc, "os_error"):
        if isinstance(item, socket.gaierror):
            return f"the host name {host!r} does not resolve: check the URL ({item})"
    return None


def tls_problem(exc: BaseException) -> str | None:
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


def env_grpc_proxy(host: str) -> str | None:
    """``GRPC_PROXY``/``grpc_proxy`` unless ``host`` is listed in ``NO_GRPC_PROXY`` or
    ``NO_PROXY`` (either case), as grpcio reads them."""
    # Both spellings, upper case first, as the official client reads them.
    url = next((os.environ[n] for n in ("GRPC_PROXY", "grpc_proxy") if os.environ.get(n)), None)
    if not url:
        return None
    for name in ("NO_GRPC_PROXY", "no_grpc_proxy", "NO_PROXY", "no_proxy"):
        if no_proxy_matches(host, os.environ.get(name, "")):
            return None
    return url


def no_proxy_matches(host: str, value: str) -> bool:
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


def request_headers(
    base: Mapping[str, str], authorization: str | None, proxy_headers: Mapping[str, str] | None
) -> dict[str, str]:
    """The headers of one REST request: the connection's (``base``), the credentials of the
    moment and, through a plain-http proxy, the proxy's own."""
    headers = {**base, **proxy_headers} if proxy_headers else dict(base)
    if authorization:
        headers["authorization"] = authorization
    return headers


def reset_hint(exc: BaseException, *, secure: bool, client_cert: str | None) -> str:
    """A hint when a TLS connection with a client certificate is reset: under TLS 1.3 the
    server checks the client's certificate after the handshake, and a refusal may reach
    the client as a reset rather than as an alert."""
    if secure and client_cert:
        for item in _chain(exc):
            if isinstance(item, ConnectionResetError) or getattr(item, "errno", None) == 104:
                return (
                    "; a reset right after the TLS handshake is how a server may refuse a "
                    "client certificate it does not trust: check TLSConfig(client_cert=..., "
                    "client_key=...) and the CA the server trusts"
                )
    return ""


def rest_proxy(params: ConnectionParams, config: AdditionalConfig) -> ProxyURL | None:
    """The proxy of REST calls (``Proxies.http`` or ``.https`` by the scheme), parsed so that
    its credentials travel as a Proxy-Authorization header, never inside the URL that aiohttp
    holds (its errors quote that URL)."""
    from weaviate_async.connect.grpc_proxy import parse_proxy_url

    proxies = config.proxies
    if proxies is None:
        return None
    secure = params.http.secure
    url = proxies.https if secure else proxies.http
    if not url:
        return None
    return parse_proxy_url(url, field="proxies.https" if secure else "proxies.http")


def grpc_proxy(params: ConnectionParams, config: AdditionalConfig) -> ProxyURL | None:
    """The HTTP CONNECT proxy for gRPC: ``Proxies.grpc`` when proxies are configured;
    otherwise, with ``trust_env``, ``GRPC_PROXY``/``grpc_proxy`` from the environment (the
    official client reads the same variables; ``NO_GRPC_PROXY``/``NO_PROXY`` exempt hosts)."""
    from weaviate_async.connect.grpc_proxy import parse_proxy_url

    proxies = config.proxies
    if proxies is not None:
        url = proxies.grpc
    elif config.trust_env:
        url = env_grpc_proxy(params.grpc.host)
    else:
        url = None
    return parse_proxy_url(url, field="proxies.grpc") if url else None


def user_headers(
    headers: Mapping[str, str] | None, *, with_credentials: bool, stacklevel: int
) -> dict[str, str]:
    """The user's headers as the connection sends them. With credentials, an authorization
    header is dropped with a UserWarning, as the official client does: the credentials win.
    ``stacklevel`` points the warning at the user's call."""
    kept = dict(headers or {})
    given = [name for name in kept if name.lower() == "authorization"]
    if with_credentials and given:
        warnings.warn(
            "both an authorization header and auth credentials were given: the "
            "credentials are used and the header is ignored (give an access token as "
            "Auth.bearer_token(...) instead)",
            UserWarning,
            stacklevel=stacklevel,
        )
        for name in given:
            del kept[name]
    return hidden_headers(kept)


def grpc_metadata(
    headers: Mapping[str, str] | Iterable[tuple[str, str]],
    authorization: str | None,
    *,
    replaced_by: Mapping[str, str] | None = None,
) -> list[tuple[str, str]]:
    """gRPC metadata (lower-case keys) of ``headers`` and a static ``authorization``; with
    ``replaced_by``, entries of the same name (in any case) give way to those headers."""
    items = headers.items() if isinstance(headers, Mapping) else headers
    metadata = [(key.lower(), value) for key, value in items]
    if replaced_by is not None:
        replaced = {name.lower() for name in replaced_by}
        metadata = [(k, v) for k, v in metadata if k not in replaced]
        metadata.extend((name.lower(), value) for name, value in replaced_by.items())
    if authorization is not None:
        metadata.append(("authorization", authorization))
    return secret_metadata(metadata)
