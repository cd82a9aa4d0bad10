"""gRPC through an HTTP CONNECT proxy.

grpclib has no proxy support: :class:`grpclib.client.Channel` opens its HTTP/2 connection
straight to the server. :class:`ProxiedChannel` opens a TCP connection to the proxy instead,
asks it for a tunnel with ``CONNECT host:port HTTP/1.1`` (with ``Proxy-Authorization: Basic``
when the proxy URL holds ``user:password``), and then runs TLS (when secure) and HTTP/2 over the
tunnel. This is what grpcio does for the ``grpc.http_proxy`` option, which the official client
sets from ``Proxies.grpc``.

Credentials never appear in messages: errors and ``repr`` name the proxy as
``scheme://host:port``.
"""

from __future__ import annotations

import asyncio
import base64
import socket
from ssl import SSLContext
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

import attrs
from grpclib.client import Channel, Handler
from grpclib.protocol import H2Protocol as _H2Protocol

from weaviate_async._validate import invalid
from weaviate_async.connect._secrets import hide, never_index

if TYPE_CHECKING:
    from asyncio import BaseTransport

    from grpclib.config import Configuration
    from grpclib.encoding.base import CodecBase
    from grpclib.protocol import H2Protocol

__all__ = [
    "NeverIndexingChannel",
    "ProxiedChannel",
    "ProxyTunnelError",
    "ProxyURL",
    "auth_hint",
    "parse_proxy_url",
]

_MAX_REPLY_HEAD = 16 * 1024


def _hidden(value: str | None) -> str | None:
    return hide(value) if value is not None else None


@attrs.frozen(kw_only=True)
class ProxyURL:
    """A parsed proxy URL, its credentials held apart from the address.

    Attributes:
        scheme: ``http`` or ``https`` (the scheme the proxy itself is spoken to with).
        host: the proxy's host name or address.
        port: the proxy's port.
        authorization: the ``Proxy-Authorization`` header value, or None without credentials.
    """

    scheme: str
    host: str
    port: int
    # A Secret: containers holding it (aiohttp's headers, traceback locals) print without it.
    authorization: str | None = attrs.field(default=None, repr=False, converter=_hidden)

    @property
    def display(self) -> str:
        """``scheme://host:port``: the proxy without its credentials, for messages."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{host}:{self.port}"

    @property
    def url(self) -> str:
        """``scheme://[user:password@]host:port``, credentials included: for grpcio's
        ``grpc.http_proxy`` channel option only, never for messages."""
        if not self.authorization:
            return self.display
        from urllib.parse import quote

        user, _, password = base64.b64decode(self.authorization[6:]).decode().partition(":")
        credentials = f"{quote(user, safe='')}:{quote(password, safe='')}@"
        return self.display.replace("://", "://" + credentials, 1)

    @property
    def headers(self) -> dict[str, str] | None:
        """The ``Proxy-Authorization`` header as a mapping, or None without credentials."""
        return {"Proxy-Authorization": self.authorization} if self.authorization else None


def auth_hint(proxy: ProxyURL | None) -> str:
    """What to do about a 407 (Proxy Authentication Required) from ``proxy``."""
    if proxy is not None and proxy.authorization:
        return "; the proxy rejected the credentials in the proxy URL"
    return "; the proxy requires credentials: put user:password in the proxy URL"


def parse_proxy_url(url: str, *, field: str = "proxies") -> ProxyURL:
    """Split ``http://[user:password@]host[:port]`` (or bare ``host:port``) into a
    :class:`ProxyURL`; the user name and password become a basic ``Proxy-Authorization``.

    Raises:
        WeaviateInvalidInputError: the URL has no host or an unsupported scheme. The message
            never repeats the password.
    """
    text = url.strip()
    if "://" not in text:
        text = "http://" + text
    parts = urlsplit(text)
    try:
        port = parts.port
        host = parts.hostname
    except ValueError:
        host, port = None, None
    if parts.scheme not in ("http", "https") or not host:
        shown = f"{parts.scheme}://{host or ''}" if parts.scheme else "(no scheme)"
        # Not the URL itself: it may hold the proxy's password.
        raise invalid(
            field, f"a proxy URL must look like http://[user:password@]host:port, got {shown}"
        )
    authorization = None
    if parts.username is not None:
        pair = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
        authorization = "Basic " + base64.b64encode(pair.encode()).decode("ascii")
    default_port = 443 if parts.scheme == "https" else 80
    return ProxyURL(
        scheme=parts.scheme, host=host, port=port or default_port, authorization=authorization
    )


class ProxyTunnelError(ConnectionError):
    """The proxy could not be reached, or refused or broke the tunnel.

    Attributes:
        proxy: the proxy as ``scheme://host:port`` (never with credentials).
        status: the proxy's HTTP status, when it answered one.
        transient: whether trying again may help (not for 407 or 403).
    """

    def __init__(self, message: str, *, proxy: str, status: int | None = None) -> None:
        super().__init__(message)
        self.proxy = proxy
        self.status = status
        self.transient = status not in (401, 403, 407)


async def _connect_socket(host: str, port: int) -> socket.socket:
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    last: OSError | None = None
    for family, type_, proto, _, address in infos:
        sock = socket.socket(family, type_, proto)
        try:
            sock.setblocking(False)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            await loop.sock_connect(sock, address)
        except OSError as exc:
            sock.close()
            last = exc
        except BaseException:
            sock.close()
            raise
        else:
            return sock
    raise last or OSError(f"no address for {host}:{port}")


async def _read_reply_head(sock: socket.socket) -> bytes:
    # One byte at a time: the tunnel's first bytes (a server speaks first in plaintext HTTP/2)
    # may follow the reply head at once, and they belong to the HTTP/2 connection, so nothing
    # past the blank line may be consumed here. The head is a few dozen bytes.
    loop = asyncio.get_running_loop()
    head = bytearray()
    while not head.endswith(b"\r\n\r\n"):
        byte = await loop.sock_recv(sock, 1)
        if not byte:
            raise ConnectionResetError("the proxy closed the connection before answering")
        head += byte
        if len(head) > _MAX_REPLY_HEAD:
            raise ConnectionError("the proxy's reply head is too long")
    return bytes(head)


async def _open_tunnel(proxy: ProxyURL, host: str, port: int) -> socket.socket:
    """Open a TCP connection to ``proxy`` and ask it for a tunnel to ``host:port``.

    Returns the connected, non-blocking socket, positioned at the first byte of the tunnel.

    Raises:
        ProxyTunnelError: the proxy is unreachable, answered something other than 2xx, or
            closed the connection.
    """
    if proxy.scheme != "http":
        raise ProxyTunnelError(
            f"the gRPC proxy {proxy.display} uses the scheme {proxy.scheme!r}; only http:// "
            "(HTTP CONNECT) proxies are supported for gRPC",
            proxy=proxy.display,
        )
    authority = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    target = f"the tunnel to {authority} through the HTTP CONNECT proxy {proxy.display}"

    def failed(why: str, status: int | None = None) -> ProxyTunnelError:
        return ProxyTunnelError(
            f"could not open {target}: {why}", proxy=proxy.display, status=status
        )

    try:
        sock = await _connect_socket(proxy.host, proxy.port)
    except OSError as exc:
        raise failed(f"the proxy is unreachable ({exc.strerror or exc})") from None
    try:
        loop = asyncio.get_running_loop()
        try:
            # Built in the call: no local of this frame holds the credentials (a traceback
            # with captured locals shows this frame when the proxy refuses).
            await loop.sock_sendall(sock, _connect_request(authority, proxy))
            head = await _read_reply_head(sock)
        except OSError as exc:
            raise failed(str(exc)) from None
        status_line = head.split(b"\r\n", 1)[0].decode("latin-1", "replace")
        parts = status_line.split(" ", 2)
        try:
            status = int(parts[1])
        except (IndexError, ValueError):
            raise failed(f"the proxy did not answer HTTP ({status_line[:80]!r})") from None
        if not 200 <= status < 300:
            reason = parts[2] if len(parts) > 2 else ""
            hint = auth_hint(proxy) if status == 407 else ""
            raise failed(f"the proxy answered {status} {reason}{hint}".rstrip(), status)
    except BaseException:
        sock.close()
        raise
    return sock


def _connect_request(authority: str, proxy: ProxyURL) -> bytes:
    """The ``CONNECT`` request for ``authority``, with the proxy's credentials if any."""
    lines = [f"CONNECT {authority} HTTP/1.1", f"Host: {authority}"]
    if proxy.authorization:
        lines.append(f"Proxy-Authorization: {proxy.authorization}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


class NeverIndexingChannel(Channel):
    """grpclib's channel, its connections sending secret headers never-indexed
    (:class:`~._secrets.NeverIndexingEncoder`)."""

    # Overrides grpclib's (private, 0.4) protocol factory: the one place where the HTTP/2
    # connection is made, before it sends any header.
    def _protocol_factory(self) -> H2Protocol:
        return _NeverIndexingProtocol(Handler(), self._config, self._h2_config)


class _NeverIndexingProtocol(_H2Protocol):
    def connection_made(self, transport: BaseTransport) -> None:
        super().connection_made(transport)
        never_index(self.connection._connection)


class ProxiedChannel(NeverIndexingChannel):
    """A grpclib channel whose connection runs through an HTTP CONNECT proxy.

    Examples:
        >>> channel = ProxiedChannel("weaviate.internal", 50051, proxy=parse_proxy_url(url))
    """

    def __init__(
        self,
        host: str,
        port: int,
        *,
        proxy: ProxyURL,
        ssl: SSLContext | None = None,
        config: Configuration | None = None,
        codec: CodecBase | None = None,
    ) -> None:
        super().__init__(host, port, ssl=ssl, config=config, codec=codec)
        # Our own copies, so that the override reads no private attribute of Channel.
        self.proxy = proxy
        self._target = (host, port)
        self._tls = ssl
        self._server_hostname = (
            config.ssl_target_name_override if config is not None else None
        ) or host

    # Overrides grpclib's (private) connection factory, the one place where grpclib opens its
    # socket: everything else (HTTP/2, streams, deadlines, reconnects) stays grpclib's. The
    # tunnel is opened here and handed to the event loop with ``sock=``; TLS, when secure, is
    # negotiated end to end with the server inside the tunnel, with the server's host name.
    async def _create_connection(self) -> H2Protocol:
        host, port = self._target
        sock = await _open_tunnel(self.proxy, host, port)
        loop = asyncio.get_running_loop()
        try:
            _, protocol = await loop.create_connection(
                self._protocol_factory,
                sock=sock,
                ssl=self._tls,
                server_hostname=self._server_hostname if self._tls is not None else None,
            )
        except BaseException:
            sock.close()
            raise
        return protocol

    def __repr__(self) -> str:
        host, port = self._target
        return f"ProxiedChannel({host!r}, {port!r}, proxy={self.proxy.display!r})"
